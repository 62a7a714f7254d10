"""Programme use cases as edits: each one undoes to exactly the journal it started from and
redoes to exactly the journal it made (same ids), in one transaction; no Qt."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest

from rehabjournal.domain import programme as dp
from rehabjournal.errors import NotFoundError, StorageError
from rehabjournal.services import edit as edit_mod
from rehabjournal.services import programme as ps
from rehabjournal.services.errors import ValidationError
from rehabjournal.store import models as m
from rehabjournal.store import programme_repo as repo
from rehabjournal.store.library import sync_shipped_exercises

START = date(2026, 3, 2)
TABLES = (m.Exercise, m.Programme, m.Phase, m.Prescription, m.PrescriptionChange,
          m.ExerciseLog)


@pytest.fixture
def lib(journal):
    sync_shipped_exercises()
    return journal


def dump() -> dict[str, list[tuple]]:
    """Every row of the programme tables, ids included."""
    return {t.__name__: sorted(tuple(map(str, r.values())) for r in t.select().dicts())
            for t in TABLES}


def _ex(slug: str) -> int:
    return m.Exercise.get(m.Exercise.slug == slug).id


def _plan() -> tuple[int, int, int]:
    """(programme, phase, prescription) from the calm-then-build template, with a log."""
    pid = ps.create_from_template("calm-then-build", START).result
    phase = ps.list_phases(pid)[0]["id"]
    pres = ps.prescription_order(phase)[0]
    ps.log_exercise(START, pres, {"status": "done", "pain_during": 2})
    return pid, phase, pres


def round_trip(make_edit):
    """Apply an edit; check undo gives back the journal before and redo the one after."""
    before = dump()
    edit = make_edit()
    assert edit.scope == edit_mod.PROGRAMME
    after = dump()
    assert after != before, "the edit changed nothing"
    edit.undo()
    assert dump() == before
    edit.redo()
    assert dump() == after
    edit.undo()
    assert dump() == before
    return edit


CASES = {
    "new programme": lambda ids: ps.create_programme(
        "Mine", START, phases=({"name": "Phase 1", "weeks": 2},)),
    "from template": lambda ids: ps.create_from_template("knee-overuse-12", START),
    "duplicate programme": lambda ids: ps.duplicate_programme(ids[0]),
    "delete programme": lambda ids: ps.delete_programme(ids[0]),
    "deactivate": lambda ids: ps.activate_programme(None),
    "rename": lambda ids: ps.update_programme(ids[0], {"name": "Renamed"}),
    "start date": lambda ids: ps.update_programme(ids[0], {"start_date": START + timedelta(7)}),
    "notes": lambda ids: ps.update_programme(ids[0], {"notes": "From my physio"}),
    "add phase": lambda ids: ps.add_phase(ids[0], {"name": "Extra", "weeks": 3}),
    "update phase": lambda ids: ps.update_phase(ids[1], {"weeks": 5, "deload": True}),
    "delete phase": lambda ids: ps.delete_phase(ids[1]),
    "duplicate phase": lambda ids: ps.duplicate_phase(ids[1]),
    "reorder phases": lambda ids: ps.reorder_phases(
        ids[0], list(reversed(repo.phase_order(ids[0])))),
    "add prescription": lambda ids: ps.add_prescription(ids[1], {"exercise": _ex("leg-press")}),
    "update prescription": lambda ids: ps.update_prescription(ids[2], {"sets": 5, "notes": "x"}),
    "delete prescription": lambda ids: ps.delete_prescription(ids[2]),
    "move prescription": lambda ids: ps.move_prescription(
        ids[2], repo.phase_order(ids[0])[1], 0),
    "add exercise": lambda ids: ps.add_exercise({"name": "Towel squeeze",
                                                 "category": "isometric"}),
    "copy exercise": lambda ids: ps.copy_exercise(_ex("glute-bridge")),
    "archive exercise": lambda ids: ps.set_exercise_archived(_ex("glute-bridge")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_programme_edit_undoes_and_redoes_exactly(lib, name):
    ids = _plan()
    round_trip(lambda: CASES[name](ids))


def test_user_exercise_edit_and_delete_round_trip(lib):
    own = ps.add_exercise({"name": "Towel squeeze", "category": "isometric"}).result
    copy = ps.copy_exercise(own).result
    assert ps.get_exercise(copy)["copied_from"] == own
    edit = round_trip(lambda: ps.update_exercise(own, {"name": "Squeeze", "default_sets": 4}))
    assert edit.result == {"name": "Towel squeeze", "default_sets": None}
    # deleting an exercise its copy came from: undo links the copy back to it
    round_trip(lambda: ps.delete_exercise(own))
    assert ps.get_exercise(copy)["copied_from"] == own


def test_new_programme_from_template_undo_gives_the_active_mark_back(lib):
    first = ps.create_from_template("calm-then-build", START).result
    edit = ps.create_from_template("knee-overuse-12", START)
    assert ps.active_programme()["id"] == edit.result
    edit.undo()
    assert [p["id"] for p in ps.list_programmes()] == [first]
    assert ps.active_programme()["id"] == first
    edit.redo()
    assert ps.active_programme()["id"] == edit.result
    assert len(ps.list_phases(edit.result)) == 5


def test_new_programme_is_one_transaction(lib, monkeypatch):
    """The programme and its first phase are written together or not at all."""
    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(repo, "add_phase", fail)
    with pytest.raises(StorageError, match="disk is full"):
        ps.create_programme("Mine", START, phases=({"name": "Phase 1", "weeks": 2},))
    assert ps.list_programmes() == []


def test_accept_and_revert_suggestion_round_trip(lib):
    _pid, _phase, pres = _plan()
    old = ps.get_prescription(pres)["sets"]
    s = dp.Suggestion(pres, "progress", "sets", old, old + 1, "green week", label="Bridge")
    edit = round_trip(lambda: ps.accept_suggestion(s, START))
    assert edit.label == "Accept advice: Bridge" and edit.saved == "Prescription updated"
    edit.redo()
    assert ps.get_prescription(pres)["sets"] == old + 1
    (history,) = ps.prescription_history(pres)
    assert [history["id"]] == edit.result
    revert = round_trip(lambda: ps.revert_suggestion(s, edit.result))
    assert revert.label == "Revert advice: Bridge"
    hold = dp.Suggestion(pres, "hold", "", None, None, "amber", label="Bridge")
    assert edit_mod.is_no_change(ps.accept_suggestion(hold, START))


def test_import_undo_removes_the_programme_and_the_exercises_it_brought(lib, tmp_path):
    pid, _phase, _pres = _plan()
    own = ps.add_exercise({"name": "Towel squeeze", "category": "isometric",
                           "default_sets": 3, "default_hold_s": 10,
                           "load_unit": "seconds"}).result
    ps.add_prescription(ps.list_phases(pid)[0]["id"], {"exercise": own})
    path = tmp_path / "plan.json"
    ps.export_programme_file(pid, path)
    doc = json.loads(path.read_text("utf-8"))
    # pretend the file comes from another journal: its exercise is new here
    doc["exercises"][0]["slug"] = "their-towel-squeeze"
    for ph in doc["programme"]["phases"]:
        for p in ph["prescriptions"]:
            if p["exercise"] == "my-towel-squeeze":
                p["exercise"] = "their-towel-squeeze"
    path.write_text(json.dumps(doc), "utf-8")
    edit = round_trip(lambda: ps.import_programme_file(path))
    edit.redo()
    assert ps.get_programme(edit.result)["active"] is False
    assert m.Exercise.get_or_none(m.Exercise.slug == "their-towel-squeeze") is not None


def test_refused_values_write_nothing(lib):
    pid, phase, pres = _plan()
    before = dump()
    for bad in (lambda: ps.add_phase(pid, {"name": "", "weeks": 0}),
                lambda: ps.update_phase(phase, {"weeks": 200}),
                lambda: ps.update_prescription(pres, {"sets": 0}),
                lambda: ps.update_programme(pid, {"name": "  "}),
                lambda: ps.create_from_template("no-such-template", START),
                lambda: ps.reorder_phases(pid, [phase]),
                lambda: ps.update_exercise(_ex("glute-bridge"), {"name": "Mine"}),
                lambda: ps.delete_exercise(_ex("leg-press"))):
        with pytest.raises(ValidationError):
            bad()
    assert dump() == before


def test_range_messages_come_from_the_shared_validator(lib):
    pid = ps.create_programme("P", START).result
    with pytest.raises(ValidationError) as err:
        ps.add_phase(pid, {"name": "A", "weeks": 200})
    assert err.value.errors == {"weeks": "Weeks must be a whole number from 1 to 104 (got 200)."}
    with pytest.raises(ValidationError) as err:
        ps.add_phase(pid, {"name": "A", "weeks": None})
    assert err.value.errors == {"weeks": "Weeks is needed."}


def test_a_deleted_row_is_not_found(lib):
    pid, phase, pres = _plan()
    ps.delete_programme(pid)
    with pytest.raises(NotFoundError):
        ps.update_prescription(pres, {"sets": 4})
    with pytest.raises(NotFoundError):
        ps.delete_phase(phase)


def test_same_value_is_no_change(lib):
    pid, phase, _pres = _plan()
    name = ps.get_programme(pid)["name"]
    assert edit_mod.is_no_change(ps.update_programme(pid, {"name": f" {name} "}))
    assert edit_mod.is_no_change(ps.update_phase(phase, {"weeks": ps.get_phase(phase)["weeks"]}))
    assert edit_mod.is_no_change(ps.activate_programme(pid))


def test_a_failed_undo_changes_nothing(lib, monkeypatch):
    pid, _phase, _pres = _plan()
    edit = ps.delete_programme(pid)
    after = dump()

    database = m.database.obj
    real = database.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        # the programme row goes in, its phases do not: the whole undo must roll back
        if sql.lstrip().upper().startswith('INSERT INTO "PHASE"'):
            raise sqlite3.OperationalError("database or disk is full")
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", execute_sql)
    with pytest.raises(StorageError, match="(?i)could not undo"):
        edit.undo()
    assert dump() == after


@pytest.mark.parametrize("export", ["file", "calendar"])
def test_export_to_a_missing_folder_is_a_storage_error(lib, tmp_path, export):
    pid, _phase, _pres = _plan()
    path = tmp_path / "no such folder" / "plan.out"
    with pytest.raises(StorageError) as err:
        if export == "file":
            ps.export_programme_file(pid, path)
        else:
            ps.export_calendar(pid, path)
    assert str(err.value) == f"Cannot write {path}: No such file or directory."
    assert err.value.kind == "storage" and err.value.where == str(path)


def test_a_calendar_without_planned_days_is_refused_and_no_file_is_made(lib, tmp_path):
    """RFC 5545 wants at least one event, and a calendar app imports nothing from an
    empty file; the app said "Saved 0 planned days"."""
    from rehabjournal.errors import ValidationError

    pid, _phase, _pres = _plan()
    path = tmp_path / "plan.ics"
    # the plan ends long before this period: no day of it is planned there
    with pytest.raises(ValidationError) as err:
        ps.export_calendar(pid, path, date(2090, 1, 1), date(2090, 2, 1))
    assert "has no planned days to put in a calendar" in str(err.value)
    assert "No file was saved" in str(err.value)
    assert not path.exists()
    assert ps.export_calendar(pid, path) > 0 and path.read_text().count("BEGIN:VEVENT") > 0


def test_a_programme_with_long_texts_exports_and_imports_back_whole(lib, tmp_path):
    """The forms set no length on notes, goals, tempo ...; the file format capped them
    (5,000 / 50 characters) and names at 200 (forms and files now both cap names at
    10,000), so a programme made in the app exported to a file the app then refused."""
    pid, phase, pres = _plan()
    long_name = "Knee plan " + "x" * 290
    with pytest.raises(ValidationError) as err:
        ps.update_programme(pid, {"name": "x" * 10_001})
    assert str(err.value) == "A programme's name is too long (10,000 characters at most)."
    long_note = "\n".join(f"line {i}: " + "slow and steady " * 20 for i in range(30))
    ps.update_programme(pid, {"name": long_name, "notes": long_note})
    ps.update_phase(phase, {"goal": "g" * 6000, "criteria": "c" * 6000})
    ps.update_prescription(pres, {"notes": long_note, "tempo": "3 s down, " * 10,
                                  "effort_target": "e" * 200})
    path = tmp_path / "plan.json"
    ps.export_programme_file(pid, path)
    new = ps.import_programme_file(path).result
    again = tmp_path / "again.json"
    ps.export_programme_file(new, again)
    first, second = json.loads(path.read_text()), json.loads(again.read_text())
    assert second["programme"]["name"] == long_name and len(long_note) > 5000
    assert second["programme"]["notes"] == long_note
    assert second["programme"]["phases"] == first["programme"]["phases"]
