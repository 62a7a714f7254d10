"""Programme use cases: CRUD with validation, schedule, logs, adherence, advice, library."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps
from rehabjournal.services.errors import ImportFileError, ValidationError
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises

START = date(2026, 3, 2)  # Monday


@pytest.fixture
def lib(journal):
    sync_shipped_exercises()
    return journal


def _ex(slug: str) -> int:
    return m.Exercise.get(m.Exercise.slug == slug).id


def _simple_programme(weekdays: str = "0,2,4", active: bool = True, **dose) -> tuple[int, int]:
    pid = ps.create_programme("Test plan", START, active=active).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 4}).result
    values = {"exercise": _ex("leg-press"), "sets": 3, "reps": 10, "load": 40.0,
              "load_unit": "kg", "weekdays": weekdays, **dose}
    return pid, ps.add_prescription(phase, values).result


def test_validation_errors_name_the_field(lib):
    pid = ps.create_programme("P", START).result
    with pytest.raises(ValidationError) as err:
        ps.add_phase(pid, {"name": "", "weeks": 0})
    assert set(err.value.errors) == {"name", "weeks"}
    phase = ps.add_phase(pid, {"name": "A", "weeks": 2}).result
    with pytest.raises(ValidationError) as err:
        ps.add_prescription(phase, {"exercise": _ex("glute-bridge"), "sets": 0, "reps": None,
                                    "hold_s": None, "weekdays": "0,8"})
    assert {"sets", "reps", "weekdays"} <= set(err.value.errors)
    with pytest.raises(ValidationError) as err:
        ps.create_programme("  ")
    assert "name" in err.value.errors
    assert m.Prescription.select().count() == 0


def test_prescription_takes_exercise_defaults_and_update_returns_old(lib):
    pid = ps.create_programme("P", START).result
    phase = ps.add_phase(pid, {"name": "A", "weeks": 2}).result
    pres = ps.add_prescription(phase, {"exercise": _ex("glute-bridge")}).result
    p = ps.get_prescription(pres)
    assert (p["sets"], p["reps"], p["days_per_week"]) == (3, 12, 3)
    old = ps.update_prescription(pres, {"reps": 15}).result
    assert old == {"reps": 12}
    assert ps.get_prescription(pres)["reps"] == 15
    with pytest.raises(ValidationError):
        ps.update_prescription(pres, {"sets": 100})
    assert ps.get_prescription(pres)["sets"] == 3


def test_one_active_programme(lib):
    a = ps.create_from_template("calm-then-build", START).result
    b = ps.create_from_template("knee-overuse-12", START).result
    assert ps.active_programme()["id"] == b
    assert ps.activate_programme(a).result == b
    assert [p["id"] for p in ps.list_programmes() if p["active"]] == [a]


def test_duplicate_programme_and_phase(lib):
    pid = ps.create_from_template("calm-then-build", START).result
    copy = ps.duplicate_programme(pid).result
    assert not ps.get_programme(copy)["active"]
    assert [p["name"] for p in ps.list_phases(copy)] == [p["name"] for p in ps.list_phases(pid)]
    phases = ps.list_phases(pid)
    new_phase = ps.duplicate_phase(phases[0]["id"]).result
    names = [p["name"] for p in ps.list_phases(pid)]
    assert names[1] == phases[0]["name"] + " (copy)"
    assert len(ps.list_prescriptions(new_phase)) == len(ps.list_prescriptions(phases[0]["id"]))


def test_reorder_and_move_between_phases(lib):
    pid = ps.create_from_template("calm-then-build", START).result
    a, b = (p["id"] for p in ps.list_phases(pid))
    assert ps.reorder_phases(pid, [b, a]).result == [a, b]
    assert [p["id"] for p in ps.list_phases(pid)] == [b, a]
    first = ps.prescription_order(a)[0]
    old = ps.move_prescription(first, b, 0).result
    assert old == (a, 0)
    assert ps.prescription_order(b)[0] == first and first not in ps.prescription_order(a)
    ps.move_prescription(first, *old)
    assert ps.prescription_order(a)[0] == first


def test_delete_and_restore_programme_with_logs(lib):
    pid, pres = _simple_programme()
    ps.log_exercise(START, pres, {"status": "done", "pain_during": 1})
    edit = ps.delete_programme(pid)
    assert m.ExerciseLog.select().count() == 0 and m.Prescription.select().count() == 0
    edit.undo()
    assert ps.get_log(START, pres)["pain_during"] == 1
    assert ps.active_programme()["id"] == pid


def test_due_on_follows_weekdays_and_phase_weeks(lib):
    _pid, pres = _simple_programme()
    assert [d["id"] for d in ps.due_on(START)] == [pres]
    assert ps.due_on(START + timedelta(days=1)) == []
    assert ps.due_on(START + timedelta(days=28)) == []  # after the 4 weeks
    assert ps.due_on(START - timedelta(days=7)) == []


def test_log_exercise_is_unique_per_day_and_restorable(lib):
    _pid, pres = _simple_programme()
    assert ps.log_exercise(START, pres, {"status": "partial", "sets_done": 2}) is None
    previous = ps.log_exercise(START, pres, {"status": "done", "sets_done": 3})
    assert previous["status"] == "partial"
    assert m.ExerciseLog.select().count() == 1
    ps.restore_log(START, pres, previous)
    assert ps.get_log(START, pres)["status"] == "partial"
    with pytest.raises(ValidationError) as err:
        ps.log_exercise(START, pres, {"status": "done", "pain_during": 11})
    assert "pain_during" in err.value.errors
    assert ps.get_log(START, pres)["status"] == "partial"


def test_weekly_adherence(lib):
    """Exercise days, not exercise items (this test counted 1.5 of 3 items before)."""
    _pid, pres = _simple_programme()
    ps.log_exercise(START, pres, {"status": "done"})
    ps.log_exercise(START + timedelta(days=2), pres, {"status": "partial"})
    ps.log_exercise(START + timedelta(days=4), pres, {"status": "skipped"})
    ps.log_exercise(START + timedelta(days=7), pres, {"status": "done"})
    weeks = ps.weekly_adherence(START, START + timedelta(days=13))
    # Mon done, Wed partial (half of a one-exercise day: done), Fri skipped -> 2 of 3 days
    assert [(w.week_start, w.prescribed, w.done, w.moved) for w in weeks] == [
        (START, 3, 2, 0),
        (START + timedelta(days=7), 3, 1, 0),
    ]
    # Friday's skipped leg press done on Saturday counts for Friday
    ps.log_exercise(START + timedelta(days=5), pres, {"status": "done"})
    [week] = ps.weekly_adherence(START, START + timedelta(days=6))
    assert (week.prescribed, week.done, week.moved) == (3, 3, 1)
    [row] = ps.exercise_adherence(START, START + timedelta(days=13))
    assert (row.name, row.prescribed, row.done, row.partial, row.moved) == (
        ps.get_prescription(pres)["exercise_name"], 6, 4, 1, 1)
    assert ps.weekly_adherence(START, START, programme_id=None) != []
    ps.activate_programme(None)
    assert ps.weekly_adherence(START, START) == ps.exercise_adherence(START, START) == []


def test_days_per_week_spread_counts_for_adherence(lib):
    _pid, pres = _simple_programme(weekdays="", days_per_week=2)
    weeks = ps.weekly_adherence(START, START + timedelta(days=6))
    assert weeks[0].prescribed == 2
    assert [d["id"] for d in ps.due_on(START + timedelta(days=3))] == [pres]  # Thursday


def test_exercise_progression_units(lib):
    _pid, pres = _simple_programme()
    ps.log_exercise(START, pres, {"status": "done", "sets_done": 3, "reps_done": 10,
                                  "load_done": 40})
    ps.log_exercise(START + timedelta(days=2), pres, {"status": "partial", "sets_done": 2})
    ps.log_exercise(START + timedelta(days=4), pres, {"status": "skipped"})
    got = ps.exercise_progression(_ex("leg-press"), START, START + timedelta(days=6))
    assert got == [(START, 1200.0, "kg"), (START + timedelta(days=2), 800.0, "kg")]
    assert ps.exercises_with_logs() == [(_ex("leg-press"), "Leg press")]


def _week(today: date, session_pain: int) -> None:
    """Two weeks of morning pain 1 and a session every other day: pain 1 in the first week,
    the given pain in the last 7 days (one red week at most, not two in a row)."""
    for i in range(14):
        day = today - timedelta(days=13 - i)
        js.save_checkin(day, {"morning_pain": 1})
        pain = session_pain if i >= 7 else 1
        if i % 2 == 0:
            js.add_session(day, {"kind": "rehab", "minutes": 30, "pain_during": pain,
                                 "pain_after": min(pain, 1)})
        for item in ps.due_on(day):  # the programme's exercises done
            if item["log"] is None:
                ps.log_exercise(day, item["id"], {"status": "done", "pain_during": 1})


def test_green_week_suggests_progress_and_accept_keeps_history(lib):
    today = START + timedelta(days=16)
    _pid, pres = _simple_programme()
    _week(today, 1)
    advice = {s.prescription_id: s for s in ps.suggestions(today)}
    s = advice[pres]
    assert (s.kind, s.field, s.old, s.new) == ("progress", "reps", 10, 12)
    change = ps.accept_suggestion(s, today).result
    assert ps.get_prescription(pres)["reps"] == 12
    history = ps.prescription_history(pres)
    assert [(h["field_name"], h["old_value"], h["new_value"]) for h in history] == [
        ("reps", "10", "12")]
    assert pres not in {x.prescription_id for x in ps.suggestions(today)}  # changed this week
    ps.revert_suggestion(s, change)
    assert ps.get_prescription(pres)["reps"] == 10 and ps.prescription_history(pres) == []


def test_red_week_suggests_back_off_not_to_zero(lib):
    today = START + timedelta(days=16)
    _pid, pres = _simple_programme()
    _week(today, 7)
    s = next(x for x in ps.suggestions(today) if x.prescription_id == pres)
    # leg press 3 x 10 @ 40 kg, the bottom of its 10-15 range: back one load step (10 %)
    assert (s.kind, s.field, s.old, s.new) == ("back_off", "load", 40.0, 36.5)
    assert "not to zero" in s.reason


def test_painful_exercise_backs_off_in_an_otherwise_green_week(lib):
    today = START + timedelta(days=16)
    _pid, pres = _simple_programme()
    _week(today, 1)
    ps.log_exercise(today - timedelta(days=2), pres, {"status": "done", "pain_during": 7})
    s = next(x for x in ps.suggestions(today) if x.prescription_id == pres)
    assert s.kind == "back_off"


def test_library_add_copy_edit_archive(lib):
    shipped = _ex("glute-bridge")
    with pytest.raises(ValidationError):
        ps.update_exercise(shipped, {"name": "Mine"})
    copy = ps.copy_exercise(shipped).result
    ex = ps.get_exercise(copy)
    assert ex["copied_from"] == shipped and not ex["shipped"]
    ps.update_exercise(copy, {"name": "Bridge with xyzzy hold"})
    assert [e["name"] for e in ps.list_exercises("XYZZY bridge")] == ["Bridge with xyzzy hold"]
    own = ps.add_exercise({"name": "Towel squeeze", "category": "isometric",
                           "region": "knee"}).result
    assert ps.get_exercise(own)["slug"] == "my-towel-squeeze"
    with pytest.raises(ValidationError) as err:
        ps.add_exercise({"name": "", "category": "dance"})
    assert set(err.value.errors) == {"name", "category"}
    ps.set_exercise_archived(own)
    assert own not in {e["id"] for e in ps.list_exercises()}
    assert own in {e["id"] for e in ps.list_exercises(include_archived=True)}
    assert {e["category"] for e in ps.list_exercises(category="mobility")} == {"mobility"}
    assert {e["region"] for e in ps.list_exercises(region="ankle")} == {"ankle"}


def test_import_bad_file_is_an_import_error(lib, tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ImportFileError, match="not valid JSON"):
        ps.import_programme_file(path)
    assert m.Programme.select().count() == 0
