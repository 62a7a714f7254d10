"""The issue's files through the use cases: real FIT, GPX and TCX files written with
tests/activity_fixtures.py, read by store/activity_files.py, previewed and imported by
services/activities.py (issue 20); the watched folder's new and dismissed files."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from activity_fixtures import (  # noqa: E402
    Lap,
    Leg,
    TcxActivity,
    fit_bytes,
    gpx_text,
    tcx_text,
    write_bytes,
    write_fit,
)
from rehabjournal.services import activities as acts  # noqa: E402
from rehabjournal.services import journal as js  # noqa: E402
from rehabjournal.services import settings  # noqa: E402
from rehabjournal.store import models as m  # noqa: E402

UTC_PLUS_2 = ZoneInfo("Etc/GMT-2")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def watch(tmp_path) -> Path:
    """The issue's files: a run with pauses, a ride with heart rate, a multisport file, a
    GPX without times, a FIT file cut short, a run at 23:30 UTC, a TCX run."""
    folder = tmp_path / "watch"
    write_fit(folder / "pauses.fit", at(2, 6), seconds=3000, pauses=[(900, 240), (2000, 60)])
    write_fit(folder / "ride.fit.gz", at(3, 16), "cycling", "road", seconds=3600,
              hr=[120, 130, 140, 150], climb=210)
    write_fit(folder / "triathlon.fit", at(7, 7), legs=[
        Leg("swimming", "lap_swimming", 1200), Leg("transition", "generic", 120),
        Leg("cycling", "road", 3600, hr=[130, 140]), Leg("transition", "generic", 60),
        Leg("running", "generic", 1800, hr=[150, 160])])
    write_bytes(folder / "route.gpx", gpx_text(None).encode())
    whole = fit_bytes(at(8, 6), seconds=1800, hr=[150])
    write_bytes(folder / "cut.fit", whole[: len(whole) // 2])
    write_fit(folder / "late.fit", at(9, 23, 30), seconds=2400, hr=[145])
    write_bytes(folder / "club.tcx", tcx_text(at(11, 17), [TcxActivity(
        "Running", (Lap(1500, 4500.0, hr=[150, 156]), Lap(900, 2700.0, hr=[160], pause=60)))]
        ).encode())
    (folder / "notes.txt").write_text("not an activity", encoding="utf-8")
    return folder


def test_the_issues_files_become_sessions(journal, watch):
    settings.set_many({"hr.rest": 50, "hr.max": 190})
    batch = acts.preview([watch], tz=UTC_PLUS_2)
    assert sorted((Path(p.path).name, p.reason) for p in batch.problems) == [
        ("cut.fit", "the FIT file is cut short (it ends before its own stated length)"),
        ("route.gpx", "the GPX file has no times: a session needs its start and duration")]
    shown = [(r.day, r.start.time(), r.kind, r.activity.minutes, r.action) for r in batch.rows]
    assert shown == [
        (date(2026, 3, 2), time(8, 0), "run", 45, acts.ADD),  # 50 min less 5 min of pauses
        (date(2026, 3, 3), time(18, 0), "cycle", 60, acts.ADD),
        (date(2026, 3, 7), time(9, 0), "swim", 20, acts.ADD),  # three legs, no transitions
        (date(2026, 3, 7), time(9, 22), "cycle", 60, acts.ADD),
        (date(2026, 3, 7), time(10, 23), "run", 30, acts.ADD),
        (date(2026, 3, 10), time(1, 30), "run", 40, acts.ADD),  # 23:30 UTC: the next day
        (date(2026, 3, 11), time(19, 0), "run", 40, acts.ADD)]
    ride = batch.rows[1]
    assert ride.trimp is not None and ride.trimp > 0
    edit = acts.import_activities(batch)
    assert edit.result.added == 7
    pauses = js.list_sessions(date(2026, 3, 2))[0]
    assert (pauses["minutes"], pauses["moving_s"], pauses["elapsed_s"]) == (45, 2700, 3000)
    ride = js.list_sessions(date(2026, 3, 3))[0]
    assert (ride["avg_hr"], ride["max_hr"], ride["sport"]) == (135, 150, "cycling/road")
    legs = js.list_sessions(date(2026, 3, 7))
    assert [(s["kind"], s["leg"], s["position"]) for s in legs] == [
        ("swim", 0, 0), ("cycle", 1, 1), ("run", 2, 2)]
    assert len({s["activity_file"] for s in legs}) == 1  # one file, three sessions
    files = {f.name: (f.format, f.status) for f in m.ActivityFile.select()}
    assert files == {"pauses.fit": ("fit", "imported"), "ride.fit.gz": ("fit", "imported"),
                     "triathlon.fit": ("fit", "imported"), "late.fit": ("fit", "imported"),
                     "club.tcx": ("tcx", "imported"),
                     "cut.fit": ("fit", "refused"), "route.gpx": ("gpx", "refused")}
    assert [s["day"] for s in acts.unrated_sessions()] == [
        date(2026, 3, d) for d in (2, 3, 7, 7, 7, 10, 11)]
    edit.undo()
    assert m.ActivitySession.select().count() == 0 and m.ActivityFile.select().count() == 0


def test_a_duplicate_of_a_hand_typed_session_from_a_real_file(journal, tmp_path):
    typed = js.add_session(date(2026, 3, 12), {"kind": "cycle", "minutes": 60, "rpe": 4,
                                               "pain_after": 1})
    ride = write_fit(tmp_path / "ride.fit", at(12, 16), "cycling", "road", seconds=3720,
                     hr=[130, 140])
    gpx = write_bytes(tmp_path / "ride.gpx", gpx_text(at(12, 16), "Biking", seconds=3720,
                                                      hr=[130, 140]).encode())
    batch = acts.preview([ride, gpx], tz=UTC_PLUS_2)
    assert [(r.activity.source, r.action, r.match_id) for r in batch.rows] == [
        ("ride.fit", acts.MERGE, typed), ("ride.gpx", acts.SKIP, typed)]
    assert batch.rows[1].reason == "the same activity as ride.fit in this batch"
    acts.import_activities(batch)
    session = js.get_session(typed)
    assert (session["minutes"], session["rpe"], session["pain_after"], session["source"],
            session["start_time"], session["avg_hr"]) == (60, 4, 1, "", time(18, 0), 135)
    assert acts.unrated_sessions() == []  # the person's effort counts: nothing to rate
    again = acts.preview([gpx], tz=UTC_PLUS_2)
    assert [(r.action, r.reason) for r in again.rows] == [
        (acts.SKIP, "already in the journal: the 60-min cycle at 18:00")]


def test_the_watched_folder_offers_only_new_files(journal, watch):
    assert [p.name for p in acts.new_files_in(watch)] == [
        "club.tcx", "cut.fit", "late.fit", "pauses.fit", "ride.fit.gz", "route.gpx",
        "triathlon.fit"]
    acts.import_activities(acts.preview([watch / "pauses.fit", watch / "triathlon.fit"]))
    acts.dismiss_files([watch / "cut.fit", watch / "route.gpx", watch / "gone.fit",
                        watch / "pauses.fit"])  # gone: passed over; pauses: already known
    assert [p.name for p in acts.new_files_in(watch)] == [
        "club.tcx", "late.fit", "ride.fit.gz"]
    assert {f.name: f.status for f in m.ActivityFile.select()} == {
        "pauses.fit": "imported", "triathlon.fit": "imported", "cut.fit": "dismissed",
        "route.gpx": "dismissed"}
    # a copy under another name is the same file (known by its bytes)
    (watch / "sub").mkdir()
    (watch / "sub" / "copy.FIT").write_bytes((watch / "cut.fit").read_bytes())
    assert "copy.FIT" not in [p.name for p in acts.new_files_in(watch)]
    # a dismissed file imported on purpose becomes imported
    dismissed = write_fit(watch / "walk.fit", at(14, 9), "walking", seconds=2400)
    acts.dismiss_files([dismissed])
    edit = acts.import_activities(acts.preview([dismissed]))
    assert edit.result.added == 1
    assert m.ActivityFile.get(m.ActivityFile.name == "walk.fit").status == "imported"
    edit.undo()
    assert m.ActivityFile.get(m.ActivityFile.name == "walk.fit").status == "dismissed"
    assert "walk.fit" not in [p.name for p in acts.new_files_in(watch)]


def test_the_watched_folder_does_not_offer_again_what_a_reviewed_batch_skipped(journal,
                                                                             tmp_path):
    """Review finding 5, as reported: the same run as an imported FIT, in GPX, and a GPX
    without times were offered at every start ("2 new activity files"), and the preview
    could import nothing. Once the person has seen that preview they are not offered;
    a file completed since it was refused (new bytes) is."""
    folder = tmp_path / "watch"
    fit = write_fit(folder / "run.fit", at(12, 6), seconds=2400, hr=[150])
    acts.import_activities(acts.preview([fit], tz=UTC_PLUS_2))
    write_bytes(folder / "run.gpx", gpx_text(at(12, 6), seconds=2400).encode())
    write_bytes(folder / "route.gpx", gpx_text(None).encode())
    whole = fit_bytes(at(13, 6), seconds=1800, hr=[150])
    write_bytes(folder / "writing.fit", whole[: len(whole) // 2])  # caught while written
    offered = acts.new_files_in(folder)
    assert [p.name for p in offered] == ["route.gpx", "run.gpx", "writing.fit"]
    batch = acts.preview(offered, tz=UTC_PLUS_2)
    assert batch.to_add + batch.to_merge == 0  # "Import 0 sessions": closed unimported
    assert acts.remember_reviewed(batch) == 3
    assert acts.new_files_in(folder) == []
    assert {f.name: f.status for f in m.ActivityFile.select()} == {
        "run.fit": "imported", "run.gpx": "skipped", "route.gpx": "refused",
        "writing.fit": "refused"}
    write_bytes(folder / "writing.fit", whole)  # the device finished writing it
    assert [p.name for p in acts.new_files_in(folder)] == ["writing.fit"]
    # asked for explicitly, a refused or skipped file is read again
    again = acts.preview([folder / "writing.fit", folder / "route.gpx"], tz=UTC_PLUS_2)
    assert [(r.action, r.day) for r in again.rows] == [(acts.ADD, date(2026, 3, 13))]
    assert [Path(p.path).name for p in again.problems] == ["route.gpx"]
    acts.import_activities(again)
    assert m.ActivityFile.select().where(m.ActivityFile.status == "imported").count() == 2
