"""Progression advice through the journal: the scenario table's rows that need a programme
(weeks of a schedule, deload weeks, a phase's end, progress carried, red weeks in a row)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps
from rehabjournal.store.library import sync_shipped_exercises

START = date(2026, 3, 2)  # Monday
HSR = {"model": "rm_schedule", "load_step": 2.5,
       "stages": [{"weeks": [1, 1], "rm": 15}, {"weeks": [2, 3], "rm": 12},
                  {"weeks": [4, 5], "rm": 10}, {"weeks": [6, 8], "rm": 8},
                  {"weeks": [9, 12], "rm": 6}]}
LEG_RAISE = {"model": "load", "step": 0.5, "max": 1.5}
DOUBLE = {"model": "double", "reps": [8, 15], "rep_step": 2, "load_step": 5}


@pytest.fixture
def lib(journal):
    sync_shipped_exercises()
    return journal


def _exercise(name: str, model: dict, category: str = "strength") -> int:
    return ps.add_exercise({"name": name, "category": category, "default_sets": 3,
                            "default_reps": 10, "load_unit": "kg",
                            "progression": json.dumps(model)}).result


def _days(first: date, last: date, session_pain: int | None) -> None:
    """Morning pain 0 every day (no "not improved" escalation); a rehab session every other
    day with ``session_pain``; every exercise due done, with that pain during."""
    day = first
    while day <= last:
        js.save_checkin(day, {"morning_pain": 0})
        if session_pain is not None and (day - first).days % 2 == 0:
            js.add_session(day, {"kind": "rehab", "minutes": 30, "pain_during": session_pain,
                                 "pain_after": min(session_pain, 1)})
        for item in ps.due_on(day):  # the programme's exercises done, at the same pain
            if item["log"] is None:
                ps.log_exercise(day, item["id"], {"status": "done",
                                                  "pain_during": session_pain})
        day += timedelta(days=1)


def _programme(phases: list[tuple[int, bool, list[dict]]], carry: tuple[bool, ...] = ()
               ) -> list[list[int]]:
    """A programme from START with phases (weeks, deload, prescriptions); returns their ids."""
    pid = ps.create_programme("Plan", START, active=True).result
    out = []
    for n, (weeks, deload, items) in enumerate(phases):
        values = {"name": f"Phase {n + 1}", "weeks": weeks, "deload": deload}
        if n < len(carry):
            values["carry_progress"] = carry[n]
        phase = ps.add_phase(pid, values).result
        out.append([ps.add_prescription(phase, {"weekdays": "0,2,4", **item}).result
                    for item in items])
    return out


def test_hsr_through_twelve_green_weeks_follows_the_table(lib):
    hsr = _exercise("My HSR squat", HSR)
    ((pres,),) = _programme([(12, False, [{"exercise": hsr, "sets": 4, "reps": 15,
                                           "load": 60.0, "load_unit": "kg"}])])
    _days(START - timedelta(days=21), START + timedelta(days=84), 1)
    doses = [(15, 60.0)]
    for week in range(1, 12):
        today = START + timedelta(days=7 * week - 1)  # the Sunday ending programme week
        (s,) = ps.suggestions(today)
        assert s.kind == "progress", (week, s.reason)
        assert s.reason.startswith("Green:")
        ps.accept_suggestion(s, today)
        p = ps.get_prescription(pres)
        doses.append((p["reps"], p["load"]))
    assert [r for r, _ in doses] == [15, 12, 12, 10, 10, 8, 8, 8, 6, 6, 6, 6]
    loads = [w for _, w in doses]
    assert all(b > a for a, b in zip(loads, loads[1:], strict=False))
    history = ps.prescription_history(pres)
    assert ("reps", "15", "12") in [(h["field_name"], h["old_value"], h["new_value"])
                                    for h in history]
    assert ("load", "60", "64") in [(h["field_name"], h["old_value"], h["new_value"])
                                    for h in history]


def test_no_advice_in_a_deload_week_or_on_a_phase_last_day(lib):
    bridge = _exercise("My bridge", DOUBLE)
    _programme([(2, False, [{"exercise": bridge, "sets": 3, "reps": 10}]),
                (1, True, [{"exercise": bridge, "sets": 2, "reps": 10}]),
                (2, False, [{"exercise": bridge, "sets": 3, "reps": 10}])])
    _days(START - timedelta(days=21), START + timedelta(days=35), 1)
    assert ps.suggestions(START + timedelta(days=9))  # inside phase 1: advice
    last_day = START + timedelta(days=13)
    assert ps.suggestions(last_day) == []
    assert "phase ends today" in ps.advice_pause(last_day)
    deload = START + timedelta(days=18)
    assert ps.suggestions(deload) == []
    assert "deload" in ps.advice_pause(deload).lower()
    assert ps.advice_pause(START + timedelta(days=30)) is None


def test_accepted_progress_carries_into_the_next_phase(lib):
    raise_ = _exercise("My leg raise", LEG_RAISE)
    item = {"exercise": raise_, "sets": 3, "reps": 15, "load": 0.5, "load_unit": "kg"}
    (first,), (second,), (third,) = _programme(
        [(2, False, [item]), (2, False, [item]), (2, False, [{**item, "load": 0.5}])],
        carry=(True, True, False))
    _days(START - timedelta(days=21), START + timedelta(days=20), 1)
    (s,) = ps.suggestions(START + timedelta(days=9))
    assert s.updates == [("load", 0.5, 1)]
    edit = ps.accept_suggestion(s, START + timedelta(days=9))
    assert ps.get_prescription(first)["load"] == 1.0
    assert ps.get_prescription(second)["load"] == 1.0  # carried
    assert ps.get_prescription(third)["load"] == 0.5  # the physio's plan resets it here
    (carried,) = ps.prescription_history(second)
    assert carried["reason"].startswith("Carried from an earlier phase")
    edit.undo()
    assert ps.get_prescription(second)["load"] == 0.5
    assert ps.prescription_history(second) == []
    edit.redo()
    assert ps.get_prescription(second)["load"] == 1.0
    ps.revert_suggestion(s, edit.result)
    assert ps.get_prescription(first)["load"] == 0.5
    assert ps.get_prescription(second)["load"] == 0.5


def test_red_once_steps_back_and_red_again_after_the_step_back_says_see_the_physio(lib):
    bridge = _exercise("My leg press", DOUBLE)
    ((pres,),) = _programme([(8, False, [{"exercise": bridge, "sets": 3, "reps": 12,
                                          "load": 40.0, "load_unit": "kg"}])])
    today = START + timedelta(days=30)
    _days(START - timedelta(days=21), today - timedelta(days=7), 1)
    _days(today - timedelta(days=6), today, 7)
    (s,) = ps.suggestions(today)
    assert s.kind == "back_off" and s.updates == [("reps", 12, 10)]
    assert "7/10" in s.reason and "not to zero" in s.reason
    ps.accept_suggestion(s, today)
    later = today + timedelta(days=7)
    _days(today + timedelta(days=1), later, 7)  # still red at the reduced dose
    (s,) = ps.suggestions(later)
    assert s.kind == "see_physio" and not s.changes
    assert "Book an assessment" in s.reason and "domain.md" not in s.reason


def test_two_red_weeks_without_a_step_back_step_back_again_not_see_the_physio(lib):
    """The reviewer's case: red days a week apart, no step back accepted in between: the
    advice is one step back (the load was never reduced), not "see your physio"."""
    bridge = _exercise("My leg press", DOUBLE)
    _programme([(8, False, [{"exercise": bridge, "sets": 3, "reps": 12, "load": 40.0,
                             "load_unit": "kg"}])])
    today = START + timedelta(days=30)
    _days(START - timedelta(days=21), today - timedelta(days=14), 1)
    _days(today - timedelta(days=13), today, 7)
    (s,) = ps.suggestions(today)
    assert s.kind == "back_off"


def test_no_advice_until_the_phase_first_full_week_ends(lib):
    """Green weeks before the programme do not make day 1 a "full green week" of it."""
    bridge = _exercise("My bridge", DOUBLE)
    _programme([(4, False, [{"exercise": bridge, "sets": 3, "reps": 10}])])
    _days(START - timedelta(days=21), START + timedelta(days=13), 1)
    for day in range(6):
        assert ps.suggestions(START + timedelta(days=day)) == []
        assert "first full week" in ps.advice_pause(START + timedelta(days=day))
    assert ps.suggestions(START + timedelta(days=6))  # Sunday: week 1 is complete


def test_tendon_exercise_with_pain_4_that_settles_progresses(lib):
    """Decline squat logged at pain 4 every session, mornings at 0: the tendon rule
    (Silbernagel 2007) lets it progress; a standard exercise the same week holds."""
    decline = ps.add_exercise({"name": "My decline squat", "category": "strength",
                               "default_sets": 3, "default_reps": 15,
                               "load_unit": "bodyweight", "pain_rule": "tendon",
                               "progression": json.dumps(DOUBLE)}).result
    bridge = _exercise("My bridge", DOUBLE)
    ((tendon, standard),) = _programme([(4, False, [
        {"exercise": decline, "sets": 3, "reps": 10},
        {"exercise": bridge, "sets": 3, "reps": 10, "load_unit": "bodyweight"}])])
    today = START + timedelta(days=13)
    _days(START - timedelta(days=21), today, 4)
    advice = {s.prescription_id: s for s in ps.suggestions(today)}
    assert advice[tendon].kind == "progress", advice[tendon].reason
    assert advice[standard].kind == "hold"


def test_a_rep_max_change_rewrites_the_effort_target(lib):
    hsr = _exercise("My HSR squat", HSR)
    ((pres,),) = _programme([(12, False, [{
        "exercise": hsr, "sets": 4, "reps": 15, "load": 60.0, "load_unit": "kg",
        "effort_target": "15RM: the heaviest load you can lift 15 times"}])])
    _days(START - timedelta(days=21), START + timedelta(days=7), 1)
    (s,) = ps.suggestions(START + timedelta(days=6))
    ps.accept_suggestion(s, START + timedelta(days=6))
    assert ps.get_prescription(pres)["effort_target"] == (
        "12RM: the heaviest load you can lift 12 times")


def test_hsr_progress_carries_the_load_not_the_plan_sets_or_rep_max(lib):
    """12RM @ 64 kg accepted in phase 1 (weeks 1-3): the deload week keeps its 2 sets at 12
    and gets 64 kg ("same load, half the sets"); the 10RM phase, planned without a load,
    gets 64 kg converted to 10RM (64 x 1.4 / 1.333 = 67.2 -> 67 kg), still 4 x 10."""
    hsr = _exercise("My HSR press", HSR)
    item = {"exercise": hsr, "load_unit": "kg"}
    (first,), (deload,), (heavier,) = _programme([
        (3, False, [{**item, "sets": 4, "reps": 15, "load": 60.0}]),
        (1, True, [{**item, "sets": 2, "reps": 12, "load": None}]),
        (3, False, [{**item, "sets": 4, "reps": 10, "load": None}])])
    _days(START - timedelta(days=21), START + timedelta(days=7), 1)
    (s,) = ps.suggestions(START + timedelta(days=6))
    assert s.updates == [("reps", 15, 12), ("load", 60, 64)]
    ps.accept_suggestion(s, START + timedelta(days=6))
    d, h = ps.get_prescription(deload), ps.get_prescription(heavier)
    assert (d["sets"], d["reps"], d["load"]) == (2, 12, 64.0)
    assert (h["sets"], h["reps"], h["load"]) == (4, 10, 67.0)
    assert [x["field_name"] for x in ps.prescription_history(heavier)] == ["load"]


def test_hsr_advice_comes_at_the_end_of_each_programme_week_only(lib):
    """The rep-max schedule moves by programme weeks: mid-week the advice is the same every
    day (wait for the week's end), so it never changes with the weekday."""
    hsr = _exercise("My HSR squat", HSR)
    _programme([(12, False, [{"exercise": hsr, "sets": 4, "reps": 15, "load": 60.0,
                              "load_unit": "kg"}])])
    _days(START - timedelta(days=21), START + timedelta(days=20), 1)
    for n in range(7, 13):  # Mon-Sat of week 2
        (s,) = ps.suggestions(START + timedelta(days=n))
        assert s.kind == "hold" and "when this programme week ends (Sun 15 Mar)" in s.reason
    (s,) = ps.suggestions(START + timedelta(days=13))  # Sunday: the week's end
    assert s.kind == "progress"


def test_an_exercise_never_done_is_not_progressed(lib):
    bridge = _exercise("My leg press", DOUBLE)
    ((pres,),) = _programme([(8, False, [{"exercise": bridge, "sets": 3, "reps": 12,
                                          "load": 40.0, "load_unit": "kg"}])])
    _days(START - timedelta(days=21), START + timedelta(days=20), 1)
    day = START + timedelta(days=27)
    _days(START + timedelta(days=21), day, 1)
    for n in range(7):
        ps.log_exercise(day - timedelta(days=n), pres, {"status": "skipped"})
    (s,) = ps.suggestions(day)
    assert s.kind == "hold" and "done on 0 of its 3 days" in s.reason
    assert s.reason.startswith("Green: A full green week, but")


def test_the_exercise_own_pain_red_again_after_a_step_back_says_see_the_physio(lib):
    """Red by the exercise's own pain (7/10 during) two weeks running, with a step back
    accepted in between, even when the day's light is not red."""
    press = _exercise("My leg press", DOUBLE)
    ((pres,),) = _programme([(8, False, [{"exercise": press, "sets": 3, "reps": 12,
                                          "load": 40.0, "load_unit": "kg"}])])
    today = START + timedelta(days=30)
    _days(START - timedelta(days=21), today - timedelta(days=7), 1)
    _days(today - timedelta(days=6), today, None)
    for n in range(7):
        day = today - timedelta(days=n)
        if day.weekday() in (0, 2, 4):
            ps.log_exercise(day, pres, {"status": "done", "pain_during": 7})
    (s,) = ps.suggestions(today)
    assert s.kind == "back_off"
    ps.accept_suggestion(s, today)
    later = today + timedelta(days=7)
    _days(today + timedelta(days=1), later, None)
    for n in range(7):
        day = later - timedelta(days=n)
        if day.weekday() in (0, 2, 4):
            ps.log_exercise(day, pres, {"status": "done", "pain_during": 7})
    (s,) = ps.suggestions(later)
    assert s.kind == "see_physio"


def test_a_hand_edit_of_the_reps_keeps_a_rep_max_effort_target_true(lib):
    hsr = _exercise("My HSR squat", HSR)
    ((pres,),) = _programme([(12, False, [{
        "exercise": hsr, "sets": 4, "reps": 12, "load": 64.0, "load_unit": "kg",
        "effort_target": "12RM: the heaviest load you can lift 12 times"}])])
    edit = ps.update_prescription(pres, {"reps": 10}, day=START)
    assert ps.get_prescription(pres)["effort_target"] == (
        "10RM: the heaviest load you can lift 10 times")
    edit.undo()
    assert ps.get_prescription(pres)["effort_target"].startswith("12RM")
    ps.update_prescription(pres, {"reps": 8, "effort_target": "hard but clean"}, day=START)
    assert ps.get_prescription(pres)["effort_target"] == "hard but clean"


def test_an_accepted_next_step_carries_into_later_phases(lib):
    """Calf raise 3 x 20 on both legs reaches the top of its range: the next step (single
    leg, from 15 reps) is accepted in phase 1; phase 2's planned 3 x 20 gets the step and
    starts at 15 too, instead of sending the person back to both legs."""
    calf = ps.add_exercise({"name": "My calf raise", "category": "strength",
                            "default_sets": 3, "default_reps": 20, "load_unit": "bodyweight",
                            "progression": json.dumps({"model": "double", "reps": [15, 20],
                                                       "then": ["Single-leg calf raises."]})
                            }).result
    item = {"exercise": calf, "sets": 3, "reps": 20, "load_unit": "bodyweight"}
    (first,), (second,) = _programme([(2, False, [item]), (2, False, [item])])
    _days(START - timedelta(days=21), START + timedelta(days=9), 1)
    (s,) = ps.suggestions(START + timedelta(days=9))
    assert ("reps", 20, 15) in s.updates
    ps.accept_suggestion(s, START + timedelta(days=9))
    later = ps.get_prescription(second)
    assert later["notes"] == "Single-leg calf raises." and later["reps"] == 15
