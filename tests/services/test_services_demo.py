"""The seeded demo journal and the many-years history generator."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, timedelta

import pytest

from rehabjournal.services import demo
from rehabjournal.store import models as m
from rehabjournal.store.db import close_journal, journal_path, open_journal
from rehabjournal.store.library import sync_shipped_exercises

END = date(2025, 3, 5)
KNEE = "left knee (behind or around the kneecap)"


@pytest.fixture
def db(tmp_path):
    open_journal(tmp_path / "data")
    yield tmp_path / "data"
    close_journal()


@pytest.fixture
def demo_db(db):
    sync_shipped_exercises()
    demo.generate_demo(end=END, seed=7)
    return db


def _dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def _start() -> date:
    return m.CheckIn.select(m.CheckIn.day).order_by(m.CheckIn.day).first().day


def _weekly_loads() -> dict[int, float]:
    start = _start()
    weeks: dict[int, float] = defaultdict(float)
    for s in m.ActivitySession.select():
        weeks[(s.day - start).days // 7] += (s.rpe or 0) * s.minutes
    return weeks


def _morning() -> dict[date, int]:
    return {c.day: c.morning_pain for c in m.CheckIn.select()}


def test_same_seed_gives_identical_rows(tmp_path):
    dumps = []
    for name in ("a", "b"):
        open_journal(tmp_path / name)
        try:
            sync_shipped_exercises()
            demo.generate_demo(end=END, seed=7)
        finally:
            close_journal()
        dumps.append(_dump(journal_path(tmp_path / name)))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["check_in"]) >= 77
    open_journal(tmp_path / "c")
    try:
        sync_shipped_exercises()
        demo.generate_demo(end=END, seed=8)
    finally:
        close_journal()
    assert _dump(journal_path(tmp_path / "c"))["check_in"] != dumps[0]["check_in"]


def test_period_and_profile(demo_db):
    days = sorted(_morning())
    assert days[-1] == END
    assert days[0].weekday() == 0
    assert days == [days[0] + timedelta(days=i) for i in range(len(days))]
    assert 11 * 7 <= len(days) <= 12 * 7
    profile = m.Profile.get()
    assert (profile.condition, profile.side, profile.joint) == ("patellofemoral_pain", "left",
                                                               "knee")
    assert "10 km" in profile.goal and profile.clinician
    assert 13 * 7 <= (END - profile.onset_date).days <= 15 * 7
    sites = list(m.PainSite.select().order_by(m.PainSite.id))
    assert [(s.side, s.joint, s.primary) for s in sites] == [("left", "knee", True),
                                                            ("right", "knee", False)]
    assert m.Question.select().count() >= 2


def test_week_3_spike_then_flare_and_deload(demo_db):
    weeks = _weekly_loads()
    assert weeks[2] >= 1.5 * weeks[1]
    assert weeks[2] <= 1.75 * weeks[1]
    start = _start()
    spike_end = start + timedelta(days=20)
    flare = m.Event.get(m.Event.kind == "flare")
    assert start + timedelta(days=14) < flare.day <= spike_end + timedelta(days=3)
    deload = m.Event.get(m.Event.kind == "deload_start")
    assert deload.day >= flare.day
    assert weeks[3] < weeks[2] * 0.6
    morning = _morning()
    assert 5 <= max(morning[flare.day + timedelta(days=k)] for k in range(3)) <= 7
    red = [s for s in m.ActivitySession.select()
           if flare.day - timedelta(days=2) <= s.day <= flare.day + timedelta(days=3)
           and max(s.pain_during or 0, s.pain_after or 0) > 5]
    assert red, "the flare has sessions with pain above 5 (red light)"
    kinds = {e.kind for e in m.Event.select()}
    assert {"new_shoes", "appointment"} <= kinds


def test_exactly_one_red_flag_day(demo_db):
    flags = list(m.RedFlag.select())
    assert len({f.day for f in flags}) == 1
    assert flags[0].code == "locking_giving_way" and flags[0].note
    start = _start()
    assert 4 * 7 <= (flags[0].day - start).days <= 8 * 7


def test_programme_and_adherence(demo_db):
    prog = m.Programme.get(m.Programme.active == True)  # noqa: E712
    assert prog.template == "knee-overuse-12"
    assert prog.start_date == _start()
    due = 0
    first = prog.start_date
    for ph in prog.phases.order_by(m.Phase.position):
        last = first + timedelta(weeks=ph.weeks)
        for p in ph.prescriptions:
            weekdays = {int(x) for x in p.weekdays.split(",")}
            day = first
            while day < last and day <= END:
                due += day.weekday() in weekdays
                day += timedelta(days=1)
        first = last
    logs = list(m.ExerciseLog.select())
    assert logs
    adhered = sum(1 for g in logs if g.status in ("done", "partial"))
    assert 0.70 <= adhered / due <= 0.95
    assert any(g.status == "partial" for g in logs)
    pains = [g.pain_during for g in logs if g.pain_during is not None]
    assert sum(1 <= p <= 3 for p in pains) / len(pains) >= 0.8
    # Logs fall only on due days within their phase.
    for g in logs:
        assert str(g.day.weekday()) in g.prescription.weekdays.split(",")


def test_leg_press_loads_follow_the_progression(demo_db):
    rows = (m.ExerciseLog.select(m.ExerciseLog, m.Prescription, m.Phase)
            .join(m.Prescription).join(m.Phase).switch(m.Prescription).join(m.Exercise)
            .where(m.Exercise.slug == "hsr-leg-press", m.ExerciseLog.status == "done"))
    by_phase: dict[int, list[float]] = defaultdict(list)
    for r in rows:
        by_phase[r.prescription.phase.position].append(r.load_done)
    means = [sum(v) / len(v) for _, v in sorted(by_phase.items())]
    assert means[-1] > means[0] + 15  # 60-66.5 kg in weeks 1-3, 79.5-87 kg at 6RM
    assert m.PrescriptionChange.select().where(m.PrescriptionChange.field_name == "load").count()


def test_leg_press_history_is_the_apps_own_advice(demo_db):
    """The demo's heavy slow resistance history is what accepting the app's advice gives:
    12RM from week 2 with the load converted by Epley (60 -> 64 kg), 8RM in week 6, 6RM at
    the end, and every reps change recorded with its load change."""
    rows = (m.Prescription.select(m.Prescription, m.Phase).join(m.Phase)
            .switch(m.Prescription).join(m.Exercise)
            .where(m.Exercise.slug == "hsr-leg-press").order_by(m.Phase.position))
    assert [(r.phase.deload, r.reps) for r in rows] == [
        (False, 12), (True, 12), (False, 8), (True, 8), (False, 6)]
    changes = [(c.field_name, c.old_value, c.new_value) for c in
               m.PrescriptionChange.select().order_by(m.PrescriptionChange.day,
                                                      m.PrescriptionChange.id)]
    assert changes[1:3] == [("reps", "15", "12"), ("load", "60", "64")]
    assert ("reps", "10", "8") in changes


def test_morning_pain_improves(demo_db):
    morning = _morning()
    start = _start()
    days = sorted(morning)
    last_week = [morning[d] for d in days[-7:]]
    weeks_3_4 = [morning[d] for d in days if 14 <= (d - start).days < 28]
    assert sum(weeks_3_4) / len(weeks_3_4) - sum(last_week) / len(last_week) >= 2
    assert sum(morning[d] for d in days[:7]) / 7 >= 3


def test_next_morning_rating_is_the_next_days_morning_pain(demo_db):
    """One value (schema 4): the journal reads a session's next morning from the next day."""
    from rehabjournal.services import journal as js

    morning = _morning()
    journal = js.load_journal()
    checked = 0
    for day in sorted({s.day for s in m.ActivitySession.select()}):
        nxt = journal.next_morning(day)
        assert set(nxt) == {KNEE}
        assert list(nxt.values()) == [morning.get(day + timedelta(days=1))]
        checked += day < END
    assert checked > 50
    assert journal.next_morning(END) == {KNEE: None}
    runs = [s for s in m.ActivitySession.select() if s.kind == "run"]
    assert runs and all(s.distance_km and s.rpe is not None for s in runs)


def test_rehab_sessions_are_made_from_the_logs_as_the_app_makes_them(demo_db):
    from rehabjournal.services import exercise_logs

    rehab = list(m.ActivitySession.select().where(m.ActivitySession.kind == "rehab exercises"))
    assert len(rehab) > 20
    for s in rehab:
        made = exercise_logs.estimate(s.day)
        assert (s.source, s.minutes_estimated) == ("programme", True)
        assert (s.minutes, s.pain_during) == (made["minutes"], made["pain_during"])
        assert s.rpe is not None and s.pain_before is None and s.pain_after is None
    days = {s.day for s in rehab}
    logged = {g.day for g in m.ExerciseLog.select()
              if g.status != "skipped" and g.prescription.exercise.category != "conditioning"}
    assert days == logged


def test_demo_refuses_non_empty_journal(demo_db):
    with pytest.raises(ValueError):
        demo.generate_demo(end=END)


def test_default_end_is_yesterday(db):
    demo.generate_demo()
    assert max(_morning()) == date.today() - timedelta(days=1)


def test_make_demo_dir(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    try:
        folder = demo.make_demo_dir(seed=3)
        assert folder.parent == tmp_path and folder.name.startswith("rehabjournal-demo-")
        assert journal_path(folder).exists()
        assert m.CheckIn.select().count() > 70
        assert m.Exercise.select().where(m.Exercise.shipped == True).count() >= 28  # noqa: E712
    finally:
        close_journal()


def test_history_ten_years(db):
    # How long this takes is benchmarks/bench_history.py's figure (budget 10 s).
    demo.generate_history(10, end=END)
    assert m.CheckIn.select().count() >= 3000
    assert m.ActivitySession.select().count() > 1500
    assert max(_morning()) == END


def test_demo_refuses_a_journal_with_entries(db):
    from rehabjournal.services import journal as js

    js.save_checkin(date(2025, 1, 2), {"morning_pain": 2})
    with pytest.raises(ValueError, match="empty journal"):
        demo.generate_demo(end=END)
    assert m.CheckIn.select().count() == 1
