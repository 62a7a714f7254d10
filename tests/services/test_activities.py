"""Activity files become sessions: the use cases of services/activities.py (issue 20).

The readers (store/activity_files.read_paths) are replaced by a function returning
``Activity`` objects built here, so these tests are about what the journal does with an
activity: its local day, the duplicates, the merge, all or nothing, undo and redo, the
unrated sessions and the heart-rate load. tests/services/test_activities_files.py runs the
same use cases on real FIT, GPX and TCX files.
"""

from __future__ import annotations

import math
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from rehabjournal.domain.activities import Activity, FileProblem
from rehabjournal.errors import StorageError, ValidationError
from rehabjournal.i18n import format_date
from rehabjournal.services import activities as acts
from rehabjournal.services import journal as js
from rehabjournal.services import settings
from rehabjournal.services.edit import is_no_change
from rehabjournal.store import backups, journal_repo
from rehabjournal.store import models as m

UTC_PLUS_2 = ZoneInfo("Etc/GMT-2")  # POSIX signs: "GMT-2" is two hours east of UTC
TUESDAY = date(2026, 3, 3)


def run(start: datetime, minutes: float = 45, *, key: str = "a" * 64, leg: int = 0,
        sport: str = "running", sub: str = "", km: float | None = 8.0,
        hr: float | None = 150.4, top: float | None = 171.6, name: str = "Morning Run",
        source: str = "Morning_Run.fit", fmt: str = "fit", pause_min: float = 3) -> Activity:
    """An activity as a reader gives it (start in UTC)."""
    return Activity(source=source, fmt=fmt, key=key, leg=leg, sport=sport, sub_sport=sub,
                    start_utc=start.replace(tzinfo=UTC), elapsed_s=(minutes + pause_min) * 60,
                    moving_s=minutes * 60, distance_m=None if km is None else km * 1000,
                    ascent_m=48.26, avg_hr=hr, max_hr=top, name=name)


@pytest.fixture
def files(monkeypatch):
    """Factory: files(*activities, problems=[...]) makes ``read_paths`` return them."""
    calls = []

    def use(*found: Activity, problems=()):
        def read_paths(paths, progress=None, refused_keys=None):
            calls.append(list(paths))
            return list(found), list(problems)

        monkeypatch.setattr(acts.activity_files, "read_paths", read_paths, raising=False)
        return calls

    return use


def _preview(*found: Activity, tz=UTC_PLUS_2, problems=()) -> acts.Preview:
    return acts.plan(found, problems, tz=tz)


def _state() -> tuple:
    """Every session and activity-file row, to compare the journal before and after."""
    return (list(m.ActivitySession.select().order_by(m.ActivitySession.id).tuples()),
            list(m.ActivityFile.select().order_by(m.ActivityFile.id).tuples()),
            list(m.SessionSitePain.select().order_by(m.SessionSitePain.id).tuples()))


def _backups(data_dir) -> int:
    return len(backups.list_backups(data_dir))


# ---- the local day ---------------------------------------------------------------------

def test_a_start_at_23_30_utc_goes_to_the_next_local_day_east_of_utc(journal, files):
    calls = files(run(datetime(2026, 3, 3, 23, 30)))
    batch = acts.preview(["/x/Morning_Run.fit"], tz=UTC_PLUS_2)
    assert calls == [["/x/Morning_Run.fit"]]
    [row] = batch.rows
    assert (row.day, row.start, row.kind, row.action) == (
        date(2026, 3, 4), datetime(2026, 3, 4, 1, 30), "run", acts.ADD)
    acts.import_activities(batch)
    assert js.list_sessions(TUESDAY) == []
    [session] = js.list_sessions(date(2026, 3, 4))
    assert session["start_time"] == time(1, 30)


def test_without_a_zone_the_machines_zone_at_that_date_is_used(journal, files, zone):
    zone("Etc/GMT-2")
    files(run(datetime(2026, 3, 3, 23, 30)))
    [row] = acts.preview(["run.fit"]).rows
    assert row.day == date(2026, 3, 4) and row.start.time() == time(1, 30)
    zone("America/New_York")  # UTC-5 in March before the 8th, UTC-4 from it (summer time)
    files(run(datetime(2026, 3, 3, 23, 30)), run(datetime(2026, 3, 9, 3, 30), key="b" * 64))
    rows = acts.preview(["a.fit", "b.fit"]).rows
    assert [(r.day, r.start.time()) for r in rows] == [(TUESDAY, time(18, 30)),
                                                       (date(2026, 3, 8), time(23, 30))]


# ---- what a preview says -----------------------------------------------------------------

def test_rows_come_in_start_order_with_kind_minutes_trimp_and_the_problems(journal):
    settings.set_many({"hr.rest": 60, "hr.max": 190})
    late = run(datetime(2026, 3, 5, 6, 0), 30, key="b" * 64, sport="cycling",
               sub="indoor_cycling", hr=150, source="ride.tcx", fmt="tcx")
    early = run(datetime(2026, 3, 2, 6, 0), 45, key="c" * 64, sport="Walk", hr=None,
                source="walk.gpx", fmt="gpx")
    problem = FileProblem("/x/track.gpx", "the GPX file has no times")
    batch = _preview(late, early, problems=[problem])
    assert [(r.activity.source, r.kind, r.action) for r in batch.rows] == [
        ("walk.gpx", "walk", acts.ADD), ("ride.tcx", "cycle", acts.ADD)]
    assert batch.problems == [problem]
    assert (batch.to_add, batch.to_merge, batch.to_skip) == (2, 0, 0)
    # Banister, male: 30 min x 0.692 x 0.64 e^(1.92 x 0.692) with x = (150-60)/(190-60)
    assert batch.rows[1].trimp == 50.2 and batch.rows[0].trimp is None


def test_the_kind_follows_the_persons_mapping(journal):
    settings.set("activities.mapping", '{"Running / Trail": "hike", "rowing": "gym"}')
    rows = _preview(run(datetime(2026, 3, 3, 6), sub="trail"),
                    run(datetime(2026, 3, 3, 9), key="b" * 64, sport="rowing"),
                    run(datetime(2026, 3, 3, 12), key="c" * 64, sport="kitesurfing")).rows
    assert [r.kind for r in rows] == ["hike", "gym", "other"]


def test_a_file_that_cannot_be_a_session_is_skipped_with_the_reason(journal):
    rows = _preview(run(datetime(2026, 3, 3, 6), 30 * 60, key="1" * 64),  # 30 hours
                    run(datetime(2026, 3, 3, 9), 0, key="2" * 64),
                    run(datetime(2026, 3, 3, 12), 600, km=620, key="3" * 64),
                    run(datetime(1880, 3, 3, 12), key="4" * 64)).rows
    reasons = {r.activity.key[0]: r.reason for r in rows}
    assert all(r.action == acts.SKIP for r in rows)
    assert reasons["1"] == "Duration must be a whole number from 0 to 1440 minutes (got 1800)"
    assert reasons["2"] == "the file records no moving time"
    assert reasons["3"] == "Distance must be a number from 0 to 500 km (got 620)"
    assert reasons["4"].startswith("1880-03-03 is outside the dates the journal accepts")


# ---- duplicates and the merge -------------------------------------------------------------

def _typed_run(day=TUESDAY, minutes=45) -> int:
    site = js.add_site("knee", "left", primary=True)
    sid = js.add_session(day, {"kind": "run", "minutes": minutes, "rpe": 6, "pain_before": 1,
                               "pain_during": 3, "pain_after": 2, "notes": "typed by me"})
    js.set_session_site_pain(sid, site, {"pain_during": 1})
    return sid


def test_a_duplicate_of_a_hand_typed_session_is_merged_keeping_the_persons_values(
        journal, files):
    typed = _typed_run()
    before = journal_repo.session_snapshot(typed)
    files(run(datetime(2026, 3, 3, 5, 0), 47))  # 07:00 local, 47 min: "similar" to 45
    batch = acts.preview(["run.fit"], tz=UTC_PLUS_2)
    [row] = batch.rows
    assert (row.action, row.match_id) == (acts.MERGE, typed)
    assert row.reason == "merges into the 45-min run typed by hand"
    backups_before = _backups(journal)
    edit = acts.import_activities(batch)
    assert _backups(journal) == backups_before + 1
    result = edit.result
    assert (result.added, result.merged, result.skipped, result.session_ids) == (0, 1, 0,
                                                                                  [typed])
    assert result.backup is not None and result.backup.exists()
    session = js.get_session(typed)
    kept = ("kind", "minutes", "rpe", "pain_before", "pain_during", "pain_after", "notes",
            "source", "site", "position", "day")
    assert {k: session[k] for k in kept} == {k: before["session"][k] for k in kept}
    assert (session["distance_km"], session["start_time"], session["moving_s"],
            session["elapsed_s"], session["avg_hr"], session["max_hr"], session["ascent_m"],
            session["sport"], session["leg"]) == (8.0, time(7, 0), 2820, 3000, 150, 172,
                                                  48.3, "running", 0)
    assert session["activity_file"] == m.ActivityFile.get().id
    assert journal_repo.session_snapshot(typed)["session_site_pains"] == before[
        "session_site_pains"]  # the further site's ratings too
    edit.undo()
    assert journal_repo.session_snapshot(typed) == before
    assert m.ActivityFile.select().count() == 0
    edit.redo()
    assert js.get_session(typed) == session


def test_with_no_merge_the_duplicate_is_skipped_and_the_typed_session_untouched(journal):
    typed = _typed_run()
    state = _state()
    batch = _preview(run(datetime(2026, 3, 3, 5, 0), 47))
    edit = acts.import_activities(batch, merge=False)
    sessions, files, pains = _state()
    assert (sessions, pains) == (state[0], state[2]) and _backups(journal) == 0  # no copy
    assert [(f.name, f.status) for f in m.ActivityFile.select()] == [
        ("Morning_Run.fit", "skipped")]  # reviewed: the watched folder does not offer it
    assert edit.result.skipped == 1 and edit.result.session_ids == []
    assert is_no_change(edit)  # no undo step
    shown = acts.without_merges(batch)
    assert [(r.action, r.reason, r.match_id) for r in shown.rows] == [
        (acts.SKIP, "not merged: merges into the 45-min run typed by hand", typed)]
    assert batch.rows[0].action == acts.MERGE  # the preview itself is unchanged


def test_a_typed_session_takes_one_file_and_a_second_run_that_day_is_added(journal):
    typed = _typed_run(minutes=30)
    rows = _preview(run(datetime(2026, 3, 3, 5), 31, key="1" * 64),
                    run(datetime(2026, 3, 3, 16), 29, key="2" * 64)).rows
    assert [(r.action, r.match_id) for r in rows] == [(acts.MERGE, typed), (acts.ADD, None)]


def test_the_same_run_twice_in_a_batch_is_one_session(journal):
    start = datetime(2026, 3, 3, 5, 0)
    fit = run(start, 45, key="1" * 64, source="run.fit")
    gpx = run(start + timedelta(seconds=50), 46, key="2" * 64, source="run.gpx", fmt="gpx")
    copy = run(start, 45, key="1" * 64, source="zz/run.fit")
    batch = _preview(fit, gpx, copy)
    assert [(r.activity.source, r.action, r.reason) for r in batch.rows] == [
        ("run.fit", acts.ADD, ""),
        ("zz/run.fit", acts.SKIP, "the same activity as run.fit in this batch"),
        ("run.gpx", acts.SKIP, "the same activity as run.fit in this batch")]
    assert acts.import_activities(batch).result.added == 1
    assert m.ActivitySession.select().count() == 1


def test_a_session_from_another_file_is_already_in_the_journal(journal):
    acts.import_activities(_preview(run(datetime(2026, 3, 3, 5, 0), key="1" * 64)))
    [row] = _preview(run(datetime(2026, 3, 3, 5, 1), 44, key="2" * 64, fmt="gpx")).rows
    assert (row.action, row.reason) == (
        acts.SKIP, "already in the journal: the 45-min run at 07:00")


def test_a_reimport_skips_everything_and_writes_nothing(journal):
    found = [run(datetime(2026, 3, 2 + i, 5, 0), 40 + i, key=str(i) * 64) for i in range(3)]
    acts.import_activities(_preview(*found))
    state, copies = _state(), _backups(journal)
    again = _preview(*found)
    today = format_date(date.today(), "date")
    assert [(r.action, r.reason) for r in again.rows] == [
        (acts.SKIP, f"already imported on {today}")] * 3
    edit = acts.import_activities(again)
    assert (edit.result.added, edit.result.skipped) == (0, 3)
    assert _state() == state and _backups(journal) == copies


def test_a_file_whose_sessions_were_all_deleted_is_added_again_on_an_explicit_import(
        journal):
    """Review finding 6: once its session was deleted a file could never be imported again
    (e.g. to apply a changed sport mapping). Imported on purpose, it is added again, saying
    why; the watched folder still does not offer it (its key is known)."""
    found = run(datetime(2026, 3, 3, 5, 0))
    [sid] = acts.import_activities(_preview(found)).result.session_ids
    js.delete_session(sid)
    settings.set("activities.mapping", '{"running": "hike"}')
    [row] = _preview(found).rows
    today = format_date(date.today(), "date")
    assert (row.action, row.kind) == (acts.ADD, "hike")
    assert row.reason == (f"imported before on {today}; its session was deleted since, so it "
                          "is added again")
    assert acts.row_cells(row)[-1] == f"add: {row.reason}"
    edit = acts.import_activities(_preview(found))
    assert edit.result.added == 1
    [session] = js.list_sessions(TUESDAY)
    assert (session["kind"], session["activity_file"]) == ("hike", m.ActivityFile.get().id)
    assert m.ActivityFile.select().count() == 1  # the same row, still 'imported'
    assert [r.action for r in _preview(found).rows] == [acts.SKIP]  # now in the journal again
    edit.undo()
    assert js.list_sessions(TUESDAY) == [] and m.ActivityFile.get().status == "imported"


def test_a_deleted_leg_stays_deleted_while_another_leg_of_its_file_is_there(journal):
    swim = run(datetime(2026, 3, 4, 5), 35, key="e" * 64, leg=0, sport="swimming")
    ride = run(datetime(2026, 3, 4, 6), 60, key="e" * 64, leg=1, sport="cycling")
    ids = acts.import_activities(_preview(swim, ride)).result.session_ids
    js.delete_session(ids[0])  # the swim: deleting one leg was a choice
    rows = _preview(swim, ride).rows
    today = format_date(date.today(), "date")
    assert [(r.action, r.reason) for r in rows] == [
        (acts.SKIP, f"imported on {today}; its session was deleted since"),
        (acts.SKIP, f"already imported on {today}")]
    js.delete_session(ids[1])  # now the whole file is gone: both legs come back
    assert [r.action for r in _preview(swim, ride).rows] == [acts.ADD, acts.ADD]


def test_importing_the_same_preview_twice_writes_once(journal):
    batch = _preview(run(datetime(2026, 3, 3, 5, 0)))
    acts.import_activities(batch)
    state = _state()
    second = acts.import_activities(batch)  # e.g. a second click: checked again inside
    assert second.result.added == 0 and _state() == state


# ---- the write: all or nothing, undo and redo -------------------------------------------------

def test_the_import_is_all_or_nothing(journal, monkeypatch):
    _typed_run(day=date(2026, 3, 6), minutes=20)
    state = _state()
    real = journal_repo.append_session
    calls = []

    def append_then_fail(day, values):
        calls.append(day)
        if len(calls) > 1:
            raise sqlite3.OperationalError("disk I/O error")
        return real(day, values)

    monkeypatch.setattr(journal_repo, "append_session", append_then_fail)
    batch = _preview(*[run(datetime(2026, 3, 2 + i, 5), 40, key=str(i) * 64)
                       for i in range(3)], run(datetime(2026, 3, 6, 5), 20, key="m" * 64))
    with pytest.raises(StorageError):
        acts.import_activities(batch)
    assert len(calls) == 2
    assert _state() == state  # the first session, the files and the merge rolled back


def test_undo_removes_what_was_added_and_redo_puts_back_the_same_rows(journal):
    typed = _typed_run(day=date(2026, 3, 6), minutes=20)
    dismissed = m.ActivityFile.create(sha256="d" * 64, name="old.fit", format="fit",
                                      status="dismissed")
    state = _state()
    batch = _preview(run(datetime(2026, 3, 2, 5), 40, key="d" * 64),  # dismissed, now wanted
                     run(datetime(2026, 3, 4, 5), 35, key="e" * 64, leg=0, sport="swimming"),
                     run(datetime(2026, 3, 4, 6), 60, key="e" * 64, leg=1, sport="cycling"),
                     run(datetime(2026, 3, 6, 5), 22, key="m" * 64))
    assert [r.action for r in batch.rows] == [acts.ADD, acts.ADD, acts.ADD, acts.MERGE]
    edit = acts.import_activities(batch)
    assert edit.label == "import 4 activities" and edit.day is None
    assert edit.saved == "Imported: 3 added, 1 merged, 0 skipped"
    after = _state()
    assert m.ActivityFile.get_by_id(dismissed.id).status == "imported"
    assert m.ActivityFile.select().count() == 3  # one row per file: the legs share theirs
    legs = m.ActivitySession.select().where(m.ActivitySession.day == date(2026, 3, 4))
    assert [(s.kind, s.leg, s.source, s.rpe) for s in legs.order_by(m.ActivitySession.position)
            ] == [("swim", 0, "file", None), ("cycle", 1, "file", None)]
    edit.undo()
    assert _state() == state
    assert js.get_session(typed)["activity_file"] is None
    edit.redo()
    assert _state() == after
    edit.undo()
    edit.redo()
    assert _state() == after


def test_implausible_sensor_values_are_not_stored(journal):
    acts.import_activities(_preview(run(datetime(2026, 3, 3, 5), hr=7, top=400)))
    session = m.ActivitySession.get()
    assert (session.avg_hr, session.max_hr, session.moving_s) == (None, None, 2700)


def test_a_new_session_from_a_file(journal):
    acts.import_activities(_preview(run(datetime(2026, 3, 3, 5), 44.6, name="Lunch\nRun\x00")))
    session = js.list_sessions(TUESDAY)[0]
    assert {k: session[k] for k in ("position", "kind", "minutes", "rpe", "distance_km",
                                    "source", "notes", "sport", "start_time")} == {
        "position": 0, "kind": "run", "minutes": 45, "rpe": None, "distance_km": 8.0,
        "source": "file", "notes": "Lunch Run", "sport": "running",
        "start_time": time(7, 0)}


# ---- unrated sessions: minutes yes, session-RPE load no ------------------------------------------

def test_unrated_sessions_count_in_minutes_but_not_in_load(journal):
    """Hand check, week of Mon 2 March 2026: a typed run of 30 min at RPE 4 (120 AU) and two
    imported sessions without effort (45 + 60 min): 135 minutes, 3 sessions, 120 AU."""
    from rehabjournal.domain import load as load_mod
    from rehabjournal.services.progress import progress_data
    from rehabjournal.services.report import build_report_data
    from rehabjournal.services.summary import period_summary

    monday, sunday = date(2026, 3, 2), date(2026, 3, 8)
    js.add_session(TUESDAY, {"kind": "run", "minutes": 30, "rpe": 4})
    acts.import_activities(_preview(
        run(datetime(2026, 3, 4, 5), 45, key="1" * 64),
        run(datetime(2026, 3, 6, 5), 60, key="2" * 64, sport="cycling")))
    assert acts.unrated_count(monday, sunday) == 2
    assert acts.unrated_count(date(2026, 3, 5), sunday) == 1
    assert [(s["day"], s["minutes"]) for s in acts.unrated_sessions()] == [
        (date(2026, 3, 4), 45), (date(2026, 3, 6), 60)]
    assert [s["day"] for s in acts.unrated_sessions(date(2026, 3, 5))] == [date(2026, 3, 6)]

    def figures():
        summary = period_summary(monday, sunday)
        sessions = [s for r in js.load_journal(monday, sunday).days.values()
                    for s in r.sessions]
        daily = load_mod.daily_loads(sessions, monday, sunday)
        progress = progress_data(monday, sunday)
        report = build_report_data(monday, sunday)
        return (summary.sessions, summary.minutes, summary.load, sum(v for _d, v in daily),
                sum(progress.loads), report.summary.load, report.summary.minutes)

    assert figures() == (3, 135, 120.0, 120.0, 120.0, 120.0, 135)
    edit = acts.rate_session(acts.unrated_sessions()[0]["id"], {"rpe": 5, "pain_during": 2})
    assert figures() == (3, 135, 345.0, 345.0, 345.0, 345.0, 135)  # + 5 x 45
    assert acts.unrated_count(monday, sunday) == 1
    edit.undo()
    assert acts.unrated_count(monday, sunday) == 2


def test_rating_uses_the_words_of_the_today_form(journal):
    acts.import_activities(_preview(run(datetime(2026, 3, 3, 5))))
    [session] = acts.unrated_sessions()
    with pytest.raises(ValidationError) as caught:
        acts.rate_session(session["id"], {"rpe": 11, "pain_after": -1})
    with pytest.raises(ValidationError) as form:
        js.edit_session(session["id"], {"rpe": 11, "pain_after": -1})
    assert caught.value.errors == form.value.errors
    assert caught.value.errors["rpe"] == ("Effort (CR-10) must be a whole number from 0 to 10 "
                                          "(got 11).")
    edit = acts.rate_session(session["id"], {"rpe": 3, "pain_during": 1, "pain_after": 0})
    assert acts.unrated_sessions() == []
    assert edit.day == TUESDAY
    edit.undo()
    assert [s["id"] for s in acts.unrated_sessions()] == [session["id"]]


# ---- the heart-rate load ----------------------------------------------------------------------

def test_trimp_by_day_against_a_hand_check(journal):
    acts.import_activities(_preview(
        run(datetime(2026, 3, 3, 5), 30, key="1" * 64, hr=150),
        run(datetime(2026, 3, 3, 15), 45, key="2" * 64, hr=150),
        run(datetime(2026, 3, 5, 5), 60, key="3" * 64, hr=None)))
    js.add_session(date(2026, 3, 4), {"kind": "run", "minutes": 30, "rpe": 4})
    days = (date(2026, 3, 2), date(2026, 3, 5))
    assert acts.trimp_by_day(*days) == [(date(2026, 3, 2) + timedelta(days=i), None)
                                        for i in range(4)]  # heart rates not set
    settings.set_many({"hr.rest": 60, "hr.max": 190})
    x = (150 - 60) / (190 - 60)
    each = [round(minutes * x * 0.64 * math.exp(1.92 * x), 1) for minutes in (30, 45)]
    assert each == [50.2, 75.3]  # as the preview rows show them
    assert acts.trimp_by_day(*days) == [(date(2026, 3, 2), None), (TUESDAY, 125.5),
                                        (date(2026, 3, 4), None), (date(2026, 3, 5), None)]
    settings.set("hr.weighting", "female")
    x = 90 / 130
    female = [round(minutes * x * 0.86 * math.exp(1.67 * x), 1) for minutes in (30, 45)]
    assert acts.trimp_by_day(TUESDAY, TUESDAY) == [(TUESDAY, round(sum(female), 1))]
    assert acts.trimp_by_day(date(2026, 3, 5), date(2026, 3, 4)) == []


def test_trimp_uses_the_sessions_own_minutes_not_the_files(journal):
    """Review finding 4, hand check (Banister, male; rest 60, max 190, mean 150 bpm: x =
    90/130 = 0.6923, 0.64 x e^(1.92 x) x x = 1.674 AU a minute): an imported 90-min ride
    edited to 30 min counts 30 x 1.674 = 50.2 AU (not 150.7 on the file's 90); a 45-min file
    merged into a run typed as 44 min counts 44 x 1.674 = 73.7 AU (not 75.3). The preview
    rows say the same as the days."""
    settings.set_many({"hr.rest": 60, "hr.max": 190})
    thursday = date(2026, 3, 5)
    typed = js.add_session(thursday, {"kind": "run", "minutes": 44, "rpe": 5})
    ride = run(datetime(2026, 3, 3, 5), 90, key="1" * 64, sport="cycling", hr=150)
    merged = run(datetime(2026, 3, 5, 5), 45, key="2" * 64, hr=150)
    batch = _preview(ride, merged)
    assert [(r.action, r.trimp) for r in batch.rows] == [(acts.ADD, 150.7), (acts.MERGE, 73.7)]
    [sid, same] = acts.import_activities(batch).result.session_ids
    assert same == typed and js.get_session(typed)["moving_s"] == 2700
    assert acts.trimp_by_day(TUESDAY, thursday) == [
        (TUESDAY, 150.7), (date(2026, 3, 4), None), (thursday, 73.7)]
    js.edit_session(sid, {"minutes": 30})  # the person corrects the ride
    assert js.get_session(sid)["moving_s"] == 5400  # the file's figure is kept as it was
    assert acts.trimp_by_day(TUESDAY, TUESDAY) == [(TUESDAY, 50.2)]
    # the preview counts the minutes the session gets (rounded) and the stored heart rate
    [row] = _preview(run(datetime(2026, 3, 10, 5), 44.6, key="3" * 64, hr=150.4)).rows
    assert (row.activity.minutes, row.trimp) == (45, 75.3)


# ---- the watched folder: files a reviewed batch skipped or refused ---------------------------

def test_an_import_remembers_the_files_it_skipped_or_could_not_read(journal, tmp_path):
    """Review finding 5: the watched folder offered them again at every start. An import
    writes them 'skipped' and 'refused' (by the bytes read), in its undo step; imported on
    purpose they are read again."""
    from rehabjournal.store.activity_files import file_key

    paths = {name: tmp_path / name for name in ("new.fit", "dup.gpx", "cut.fit", "gone.fit")}
    for name in ("new.fit", "dup.gpx", "cut.fit"):  # gone.fit is not there
        paths[name].write_bytes(f"bytes of {name}".encode())
    keys = {name: file_key(path) for name, path in paths.items() if path.exists()}
    acts.import_activities(_preview(run(datetime(2026, 3, 2, 5), key="0" * 64)))
    state = _state()
    fresh = run(datetime(2026, 3, 3, 5), key=keys["new.fit"], source="new.fit")
    dup = run(datetime(2026, 3, 2, 5, 1), 44, key=keys["dup.gpx"], source="dup.gpx",
              fmt="gpx")
    problems = [FileProblem(str(paths["cut.fit"]), "the FIT file is cut short"),
                FileProblem(str(paths["gone.fit"]), "the file or folder does not exist")]
    batch = acts.plan([fresh, dup], problems, tz=UTC_PLUS_2,
                      refused_keys={str(paths["cut.fit"]): keys["cut.fit"]})
    assert [r.action for r in batch.rows] == [acts.SKIP, acts.ADD]
    edit = acts.import_activities(batch)
    assert {f.name: (f.status, f.format) for f in m.ActivityFile.select()} == {
        "Morning_Run.fit": ("imported", "fit"), "new.fit": ("imported", "fit"),
        "dup.gpx": ("skipped", "gpx"), "cut.fit": ("refused", "fit")}
    assert [p.name for p in acts.new_files_in(tmp_path)] == []  # gone.fit is gone
    paths["cut.fit"].write_bytes(b"the whole file now")  # completed since: new bytes
    assert [p.name for p in acts.new_files_in(tmp_path)] == ["cut.fit"]
    edit.undo()
    assert _state() == state
    edit.redo()
    # a skipped file imported on purpose is read again and becomes imported
    [row] = acts.plan([dup], tz=UTC_PLUS_2).rows
    assert row.action == acts.SKIP  # still a duplicate of the session in the journal
    js.delete_session(m.ActivitySession.get(m.ActivitySession.day == date(2026, 3, 2)).id)
    [row] = acts.plan([dup], tz=UTC_PLUS_2).rows
    assert (row.action, row.reason) == (acts.ADD, "")
    acts.import_activities(acts.plan([dup], tz=UTC_PLUS_2))
    assert m.ActivityFile.get(m.ActivityFile.name == "dup.gpx").status == "imported"


def test_a_reviewed_batch_with_nothing_to_import_is_remembered_without_an_undo_step(journal):
    acts.import_activities(_preview(run(datetime(2026, 3, 2, 5), key="0" * 64)))
    again = _preview(run(datetime(2026, 3, 2, 5), key="0" * 64),  # already imported
                     run(datetime(2026, 3, 2, 5), key="1" * 64, source="copy.gpx",
                         fmt="gpx"),  # the same run from another file
                     run(datetime(2026, 3, 6, 5), 0, key="2" * 64, source="empty.fit"),
                     problems=[FileProblem("/w/bad.tcx", "damaged")])
    again.refused_keys["/w/bad.tcx"] = "3" * 64
    assert again.to_add == 0
    copies = _backups(journal)
    edit = acts.import_activities(again)  # the command line does this; the window calls
    assert is_no_change(edit) and _backups(journal) == copies  # remember_reviewed itself
    assert {f.sha256[0]: f.status for f in m.ActivityFile.select()} == {
        "0": "imported", "1": "skipped", "2": "skipped", "3": "refused"}
    assert acts.remember_reviewed(again) == 0  # known now: left as they are
    m.ActivityFile.delete().where(m.ActivityFile.status != "imported").execute()
    assert acts.remember_reviewed(again) == 3


# ---- settings ------------------------------------------------------------------------------

def test_the_activity_settings(journal):
    assert settings.sport_mapping() == {} and settings.heart_rates() == (None, None, "male")
    for text, message in (
            ("[]", "Sport mapping must be a JSON object of sports to activities, such as "
                   '{"running/trail": "run"}.'),
            ('{"running": ""}', "Sport mapping: the sport \u201crunning\u201d needs an "
                                "activity (text)."),
            ('{"running": "run\\nfast"}', "Sport mapping: \u201crunning\u201d: sports and "
                                          "activities are one line of at most 100 "
                                          "characters.")):
        with pytest.raises(ValidationError) as caught:
            settings.edit({"activities.mapping": text})
        assert caught.value.errors == {"activities.mapping": message}
    with pytest.raises(ValidationError) as caught:
        settings.edit({"hr.rest": 60, "hr.max": 60})
    assert caught.value.errors == {
        "hr.max": "Maximum heart rate (60 bpm) must be above the resting heart rate (60 bpm)."}
    with pytest.raises(ValidationError) as caught:
        settings.edit({"hr.max": 240})
    assert caught.value.errors == {
        "hr.max": "Maximum heart rate must be a whole number from 0 to 230 bpm (got 240)."}
    with pytest.raises(ValidationError):
        settings.edit({"hr.weighting": "other"})
    edit = settings.edit({"hr.rest": 55, "hr.max": 185, "hr.weighting": "female",
                          "activities.mapping": '{"rowing": "gym"}'})
    assert settings.heart_rates() == (55, 185, "female")
    assert settings.sport_mapping() == {"rowing": "gym"}
    settings.set("hr.rest", 0)
    assert settings.heart_rates() == (None, 185, "female")
    edit.undo()
    assert settings.heart_rates() == (None, None, "male")
    assert [o.key for o in settings.options(page=settings.ACTIVITIES)] == [
        "hr.rest", "hr.max", "hr.weighting"]
    assert settings.option("activities.mapping").page == ""


def test_unrated_sessions_do_not_make_a_week_look_lighter_to_the_escalation(journal):
    """Week 1: three rated runs (480 AU); week 2: the same runs from files, not rated yet,
    and morning pain up 2 points. The load of week 2 is unknown, not 0: "worse despite
    reduced load" must not be claimed."""
    from rehabjournal.domain import redflags

    monday = date(2026, 3, 2)
    for i in range(14):
        js.save_checkin(monday + timedelta(days=i), {"morning_pain": 2 if i < 7 else 4})
    for i in (1, 3, 5):
        js.add_session(monday + timedelta(days=i), {"kind": "run", "minutes": 40, "rpe": 4})
    acts.import_activities(_preview(*[run(datetime(2026, 3, 9 + i, 6), 40, key=str(i) * 64)
                                      for i in (1, 3, 5)]))
    assert acts.unrated_count(date(2026, 3, 9), date(2026, 3, 15)) == 3
    assert redflags.worse_despite_reduced_load(js.load_journal(), date(2026, 3, 16)) is None


def test_import_all_checks_the_activity_settings(journal, tmp_path):
    """A full export's setting rows go through the same checks (type, range, together)."""
    import json

    from rehabjournal.errors import ImportFileError
    from rehabjournal.services import exports
    from rehabjournal.store import db

    settings.set_many({"hr.rest": 52, "hr.max": 188, "activities.mapping": '{"yoga": "gym"}'})
    out = tmp_path / "all.json"
    exports.export_everything(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = data["tables"]["setting"]
    db.close_journal()
    db.open_journal(tmp_path / "target")

    def refused(key: str, value) -> list[str]:
        copy = json.loads(json.dumps(data))
        row = next(r for r in copy["tables"]["setting"] if r["key"] == key)
        row["value"] = json.dumps(value)
        (tmp_path / "bad.json").write_text(json.dumps(copy), encoding="utf-8")
        with pytest.raises(ImportFileError) as caught:
            exports.import_everything(tmp_path / "bad.json")
        return caught.value.problems

    place = {r["key"]: i + 1 for i, r in enumerate(rows)}
    assert refused("activities.mapping", '{"yoga": 3}') == [
        f"table setting, row {place['activities.mapping']}, field value: Sport mapping: the "
        "sport \u201cyoga\u201d needs an activity (text)"]
    assert refused("hr.max", 40) == [
        f"table setting, row {place['hr.max']}, field value: Maximum heart rate (40 bpm) must "
        "be above the resting heart rate (52 bpm)"]
    assert refused("hr.rest", 130) == [
        f"table setting, row {place['hr.rest']}, field value: hr.rest must be a whole number "
        "from 0 to 120 bpm (got 130)"]
    exports.import_everything(out)
    assert settings.heart_rates() == (52, 188, "male")
    assert settings.sport_mapping() == {"yoga": "gym"}
