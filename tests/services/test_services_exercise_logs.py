"""Programme logs are activity: the day's logs make one rehab session (services.exercise_logs).

Hand-computed estimate (domain/rehab_session.py): sets x reps x 4 s (or x hold) plus
(sets - 1) x rest, summed over the day's done and partly done exercises, whole minutes.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.domain import rehab_session as rs
from rehabjournal.services import exercise_logs as el
from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps
from rehabjournal.services import progress
from rehabjournal.services.errors import ValidationError
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises

MONDAY = date(2026, 3, 2)
# (slug, dose): leg press 4 x 15 at 40 kg, 2 min rest = 4*15*4 + 3*120 = 600 s;
# glute bridge 3 x 12 = 144 + 120 = 264 s; wall sit 5 x 45 s, 2 min rest = 225 + 480 = 705 s;
# side plank 3 x 20 s, 45 s rest = 60 + 90 = 150 s; calf raise 3 x 20 (not logged).
DOSES = (
    ("leg-press", {"sets": 4, "reps": 15, "load": 40.0, "load_unit": "kg", "rest_s": 120}),
    ("glute-bridge", {"sets": 3, "reps": 12, "rest_s": 60}),
    ("isometric-wall-sit", {"sets": 5, "reps": None, "hold_s": 45, "rest_s": 120}),
    ("side-plank", {"sets": 3, "reps": None, "hold_s": 20, "rest_s": 45}),
    ("calf-raise", {"sets": 3, "reps": 20, "rest_s": 60}),
)
FOUR_OF_FIVE_MIN = 29  # (600 + 264 + 705 + 150) s = 1719 s = 28.65 min


def _ex(slug: str) -> int:
    return m.Exercise.get(m.Exercise.slug == slug).id


@pytest.fixture
def plan(journal):
    """An active programme with the five exercises due on Mondays; {slug: prescription}."""
    sync_shipped_exercises()
    js.add_site("knee", "left", "", primary=True)
    pid = ps.create_programme("Rehab", MONDAY, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 4}).result
    out = {}
    for slug, dose in DOSES:
        out[slug] = ps.add_prescription(phase, {"exercise": _ex(slug), "weekdays": "0",
                                                **dose}).result
    cycling = ps.add_prescription(phase, {"exercise": _ex("cycling-low-resistance"),
                                          "sets": 1, "load": 20, "load_unit": "minutes",
                                          "weekdays": "0"}).result
    out["cycling-low-resistance"] = cycling
    return out


def sessions(day: date = MONDAY) -> list[dict]:
    return js.list_sessions(day)


def log_four(plan) -> None:
    pains = {"leg-press": 2, "glute-bridge": 3, "isometric-wall-sit": 1, "side-plank": None}
    for slug, pain in pains.items():
        el.edit_log(MONDAY, plan[slug], {"status": "done", "pain_during": pain})


def test_estimate_formula_by_hand():
    press = rs.LoggedExercise("done", "strength", p_sets=4, p_reps=15, rest_s=120)
    assert rs.exercise_seconds(press) == 600
    hold = rs.LoggedExercise("done", "isometric", p_sets=5, p_hold_s=45, rest_s=120)
    assert rs.exercise_seconds(hold) == 705
    no_rest = rs.LoggedExercise("partial", "strength", sets=2, p_sets=3, p_reps=10)
    assert rs.exercise_seconds(no_rest) == 2 * 10 * 4 + 60  # default rest 60 s
    reps_and_hold = rs.LoggedExercise("done", "strength", p_sets=2, p_reps=10, p_hold_s=10,
                                      rest_s=30)
    assert rs.exercise_seconds(reps_and_hold) == 2 * 10 * 10 + 30
    skipped = rs.LoggedExercise("skipped", "strength", p_sets=4, p_reps=15, pain_during=6)
    cond = rs.LoggedExercise("done", "conditioning", p_sets=1, pain_during=5)
    assert rs.estimated_minutes([skipped, cond]) == 0 and rs.worst_pain([skipped, cond]) is None
    assert rs.estimated_minutes([press, hold]) == 22  # 1305 s = 21.75 min
    assert rs.estimated_minutes([rs.LoggedExercise("done", "mobility", p_sets=1, p_reps=2,
                                                   rest_s=0)]) == 1  # 8 s: at least 1


def test_four_of_five_logged_make_one_rehab_session_with_load(plan):
    log_four(plan)
    [s] = sessions()
    assert (s["kind"], s["source"], s["minutes"], s["minutes_estimated"], s["pain_during"]) \
        == ("rehab exercises", "programme", FOUR_OF_FIVE_MIN, True, 3)
    assert s["site"] == js.list_sites()[0]["id"]
    el.edit_effort(MONDAY, 4)
    assert sessions()[0]["rpe"] == 4
    load = 4 * FOUR_OF_FIVE_MIN  # session RPE x estimated minutes = 116 AU
    [row] = js.list_days(MONDAY, MONDAY)
    assert row["load"] == load and row["sessions"] == f"rehab exercises {FOUR_OF_FIVE_MIN} min"
    data = progress.progress_data(MONDAY, MONDAY + timedelta(days=6))
    assert data.loads[data.days.index(MONDAY)] == load
    journal = js.load_journal(MONDAY, MONDAY)
    assert [(x.kind, x.minutes, x.rpe, x.source) for x in journal.get(MONDAY).sessions] == [
        ("rehab exercises", FOUR_OF_FIVE_MIN, 4, "programme")]


def test_partial_skipped_and_conditioning_logs(plan):
    el.edit_log(MONDAY, plan["leg-press"], {"status": "partial", "sets_done": 2,
                                            "pain_during": 4})
    assert sessions()[0]["minutes"] == 4  # 2*15*4 + 1*120 = 240 s
    el.edit_log(MONDAY, plan["calf-raise"], {"status": "skipped", "pain_during": 7})
    el.edit_log(MONDAY, plan["cycling-low-resistance"], {"status": "done", "load_done": 20,
                                                          "pain_during": 6})
    [s] = sessions()
    assert (s["minutes"], s["pain_during"]) == (4, 4), "skipped and conditioning not counted"


def test_only_conditioning_or_skipped_makes_no_session(plan):
    el.edit_log(MONDAY, plan["cycling-low-resistance"], {"status": "done"})
    el.edit_log(MONDAY, plan["calf-raise"], {"status": "skipped"})
    assert sessions() == []
    with pytest.raises(ValidationError) as err:
        el.edit_effort(MONDAY, 3)
    assert "rpe" in err.value.errors


def test_typed_minutes_are_kept_and_the_estimate_stops(plan):
    el.edit_log(MONDAY, plan["leg-press"], {"status": "done"})
    sid = sessions()[0]["id"]
    js.edit_session(sid, {"minutes": 25})
    assert (sessions()[0]["minutes"], sessions()[0]["minutes_estimated"]) == (25, False)
    el.edit_log(MONDAY, plan["glute-bridge"], {"status": "done", "pain_during": 5})
    s = sessions()[0]
    assert (s["id"], s["minutes"], s["pain_during"]) == (sid, 25, 5)


def test_undo_of_the_minutes_edit_brings_the_estimate_back(plan):
    el.edit_log(MONDAY, plan["leg-press"], {"status": "done"})
    sid = sessions()[0]["id"]
    edit = js.edit_session(sid, {"minutes": 25})
    edit.undo()
    assert (sessions()[0]["minutes"], sessions()[0]["minutes_estimated"]) == (10, True)
    edit.redo()
    assert (sessions()[0]["minutes"], sessions()[0]["minutes_estimated"]) == (25, False)


def test_logs_attach_to_a_rehab_session_typed_by_hand(plan):
    sid = js.add_session(MONDAY, {"kind": " Rehab  Exercises", "minutes": 40, "rpe": 5})
    log_four(plan)
    [s] = sessions()
    assert (s["id"], s["source"], s["minutes"], s["rpe"], s["pain_during"]) == (
        sid, "", 40, 5, 3), "no second session; typed minutes kept; pain raised to the worst"
    assert el.rehab_session(MONDAY)["id"] == sid
    el.edit_effort(MONDAY, 6)
    assert js.get_session(sid)["rpe"] == 6
    for slug in ("leg-press", "glute-bridge", "isometric-wall-sit", "side-plank"):
        el.edit_clear_log(MONDAY, plan[slug])
    assert [x["id"] for x in sessions()] == [sid], "a session typed by hand is never removed"


def test_other_sessions_of_the_day_are_not_touched(plan):
    run = js.add_session(MONDAY, {"kind": "run", "minutes": 30, "rpe": 4})
    log_four(plan)
    assert [(x["id"] == run, x["kind"]) for x in sessions()] == [
        (True, "run"), (False, "rehab exercises")]


def _rows() -> dict[str, list]:
    return {"sessions": [tuple(r.values()) for r in sessions()],
            "logs": sorted((r.prescription_id, r.status) for r in m.ExerciseLog.select())}


def test_clearing_every_log_removes_the_apps_session_and_undo_brings_all_back(plan):
    log_four(plan)
    el.edit_effort(MONDAY, 4)
    edits = []
    states = [_rows()]
    for slug in ("leg-press", "glute-bridge", "isometric-wall-sit", "side-plank"):
        edits.append(el.edit_clear_log(MONDAY, plan[slug]))
        states.append(_rows())
    assert sessions() == [] and states[-1]["logs"] == []
    for edit, state in zip(reversed(edits), reversed(states[:-1]), strict=True):
        edit.undo()  # one edit, one step: the log and the session together
        assert _rows() == state
    for edit, state in zip(edits, states[1:], strict=True):
        edit.redo()
        assert _rows() == state


def test_first_log_undo_removes_the_session_redo_brings_the_same_row(plan):
    edit = el.edit_log(MONDAY, plan["leg-press"], {"status": "done", "pain_during": 2})
    [made] = sessions()
    edit.undo()
    assert sessions() == [] and ps.get_log(MONDAY, plan["leg-press"]) is None
    edit.redo()
    assert sessions() == [made]
    assert ps.get_log(MONDAY, plan["leg-press"])["status"] == "done"


def test_a_refused_log_writes_nothing(plan):
    with pytest.raises(ValidationError):
        el.edit_log(MONDAY, plan["leg-press"], {"status": "done", "pain_during": 11})
    assert sessions() == [] and ps.get_log(MONDAY, plan["leg-press"]) is None
