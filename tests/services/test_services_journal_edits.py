"""Journal edits without Qt: each is one transaction, and undo/redo put back the exact rows.

"Exact" means every column of every journal row, ids and timestamps included, so that an
undone deletion comes back as the same rows and anything that pointed at them still does.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from rehabjournal.errors import NotFoundError, StorageError, ValidationError
from rehabjournal.services import exercise_logs
from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps
from rehabjournal.services.edit import is_no_change
from rehabjournal.store import journal_repo
from rehabjournal.store import models as m

DAY = date(2026, 3, 18)
TABLES = (m.PainSite, m.CheckIn, m.CheckInSitePain, m.ActivitySession, m.SessionSitePain,
          m.RedFlag, m.Event, m.ExerciseLog)


def rows() -> dict[str, list[dict]]:
    """Every row of the journal's tables, every column, in id order."""
    return {t._meta.table_name: list(t.select().order_by(t.id).dicts()) for t in TABLES}


@pytest.fixture
def sites(journal):
    """A primary site (left knee) and a second one (right knee): (primary id, other id)."""
    return (js.add_site("knee", "left", "around the kneecap", primary=True),
            js.add_site("knee", "right"))


def fail_writes(monkeypatch, table: str | None = None) -> None:
    """Make the database driver refuse writes (to ``table`` only, when given): disk full."""
    database = m.database.obj
    real = database.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")) and (
                table is None or f'"{table}"' in sql):
            raise sqlite3.OperationalError("database or disk is full")
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", execute_sql)


def round_trip(edit, before, after) -> None:
    """Undo gives ``before`` back exactly, redo ``after``, twice over."""
    for _ in range(2):
        edit.undo()
        assert rows() == before
        edit.redo()
        assert rows() == after


# ---- sessions ----------------------------------------------------------------------------

def test_add_session_appends_and_undo_redo_bring_back_the_same_row(sites):
    js.add_session(DAY, {"kind": "walk", "minutes": 20})
    before = rows()
    edit = js.edit_add_session(DAY, {"kind": "run", "minutes": 35, "rpe": 5, "pain_during": 3,
                                     "site": sites[0]})
    after = rows()
    new = js.get_session(edit.result)
    assert (new["kind"], new["minutes"], new["rpe"], new["position"]) == ("run", 35, 5, 1)
    assert edit.label == "add run session" and edit.day == DAY
    round_trip(edit, before, after)
    assert [s["id"] for s in js.list_sessions(DAY)][-1] == edit.result


def test_update_session_undo_restores_only_what_it_changed(sites):
    sid = js.add_session(DAY, {"kind": "run", "minutes": 30})
    before = rows()
    edit = js.edit_session(sid, {"pain_after": 2})
    assert edit.label == "change pain after"
    after = rows()
    assert js.get_session(sid)["pain_after"] == 2
    round_trip(edit, before, after)
    assert is_no_change(js.edit_session(sid, {"pain_after": 2}))


def test_delete_session_comes_back_with_its_site_ratings(sites):
    sid = js.add_session(DAY, {"kind": "run", "minutes": 30, "site": sites[0]})
    js.set_session_site_pain(sid, sites[1], {"pain_during": 4})
    before = rows()
    edit = js.edit_delete_session(sid)
    after = rows()
    assert js.list_sessions(DAY) == [] and after["session_site_pain"] == []
    assert edit.saved == "Session deleted"
    round_trip(edit, before, after)
    with pytest.raises(NotFoundError):
        js.edit_delete_session(sid)  # already gone (as redo left it)


def test_site_pain_of_a_session(sites):
    sid = js.add_session(DAY, {"kind": "run", "minutes": 30})
    before = rows()
    edit = js.edit_session_site_pain(sid, sites[1], {"pain_after": 5})
    after = rows()
    assert js.session_site_pains(sid)[sites[1]]["pain_after"] == 5
    round_trip(edit, before, after)


def test_bad_session_values_are_refused_with_their_fields_and_nothing_written(sites):
    before = rows()
    with pytest.raises(ValidationError) as info:
        js.edit_add_session(DAY, {"kind": "run", "minutes": 2000, "distance_km": 600.0,
                                  "pain_after": 11})
    assert set(info.value.errors) == {"minutes", "distance_km", "pain_after"}
    # one style for every range: domain.scales.validate_range
    assert info.value.errors["distance_km"] == \
        "Distance must be a number from 0 to 500 km (got 600)."
    assert rows() == before


# ---- check-ins ---------------------------------------------------------------------------

def test_first_checkin_undone_leaves_no_empty_row(journal):
    before = rows()
    edit = js.edit_checkin(DAY, {"morning_pain": 3})
    after = rows()
    round_trip(edit, before, after)
    edit.undo()
    assert js.list_days() == [], "an undone first entry leaves no empty day behind"


def test_checkin_change_undo_keeps_other_fields(journal):
    js.save_checkin(DAY, {"morning_pain": 3, "notes": "stairs"})
    before = rows()
    edit = js.edit_checkin(DAY, {"morning_pain": 5})
    assert edit.label == "change morning pain"
    after = rows()
    round_trip(edit, before, after)
    assert is_no_change(js.edit_checkin(DAY, {"morning_pain": 5}))


def test_site_morning_pain_that_creates_the_checkin(sites):
    before = rows()
    edit = js.edit_checkin_site_pain(DAY, sites[1], 2)
    after = rows()
    assert js.checkin_site_pains(DAY) == {sites[1]: 2}
    round_trip(edit, before, after)


def test_a_failed_write_writes_nothing_of_the_edit(sites, monkeypatch):
    """The check-in row is made, then its site pain fails: the whole edit is rolled back."""
    before = rows()
    with monkeypatch.context() as patch:
        fail_writes(patch, table="check_in_site_pain")
        with pytest.raises(StorageError) as info:
            js.edit_checkin_site_pain(DAY, sites[1], 2)
    assert "disk is full" in str(info.value)
    assert rows() == before


def test_a_failed_undo_leaves_the_journal_as_it_was(journal, monkeypatch):
    edit = js.edit_checkin(DAY, {"morning_pain": 3})
    after = rows()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        with pytest.raises(StorageError) as info:
            edit.undo()
    assert "could not undo" in str(info.value).lower()
    assert rows() == after


# ---- red flags, events, sites ------------------------------------------------------------

def test_red_flag_untick_undo_brings_back_its_note(journal):
    js.set_red_flag(DAY, "night_or_constant_pain", True, note="woke at 3")
    before = rows()
    edit = js.edit_red_flag(DAY, "night_or_constant_pain", False)
    assert edit.label == "untick red flag"
    assert edit.saved == "Red flag removed: Pain at night or constant pain."
    after = rows()
    round_trip(edit, before, after)
    assert is_no_change(js.edit_red_flag(DAY, "night_or_constant_pain", False))
    with pytest.raises(ValidationError):
        js.edit_red_flag(DAY, "no_such_flag", True)


def test_events_add_and_remove(journal):
    before = rows()
    add = js.edit_add_event(DAY, "new_shoes", " Brooks Ghost ")
    after_add = rows()
    assert [(e["kind"], e["label"]) for e in js.list_events(DAY)] == [("new_shoes",
                                                                      "Brooks Ghost")]
    round_trip(add, before, after_add)
    remove = js.edit_remove_event(add.result)
    round_trip(remove, after_add, rows())
    with pytest.raises(ValidationError) as info:
        js.edit_add_event(DAY, "custom", "  ")
    assert info.value.errors == {"label": "A custom event needs a short label."}


def test_a_new_primary_site_and_its_undo(sites):
    first = sites[0]
    before = rows()
    edit = js.edit_add_site("hip", "left", " lateral ", primary=True)
    after = rows()
    listed = js.list_sites()
    assert listed[0]["id"] == edit.result and listed[0]["label"] == "left hip (lateral)"
    assert not next(s for s in listed if s["id"] == first)["primary"]
    round_trip(edit, before, after)
    with pytest.raises(ValidationError):
        js.edit_add_site("  ")


# ---- whole days --------------------------------------------------------------------------

def test_delete_day_and_undo_puts_back_every_row(sites):
    js.save_checkin(DAY, {"morning_pain": 4, "notes": "keep me"})
    js.set_checkin_site_pain(DAY, sites[1], 3)
    sid = js.add_session(DAY, {"kind": "run", "minutes": 30, "site": sites[0]})
    js.set_session_site_pain(sid, sites[1], {"pain_after": 2})
    js.set_red_flag(DAY, "night_or_constant_pain", True)
    js.add_event(DAY, "flare")
    js.add_session(DAY + timedelta(days=1), {"kind": "walk", "minutes": 10})
    before = rows()
    edit = js.edit_delete_day(DAY)
    after = rows()
    assert [d["day"] for d in js.list_days()] == [DAY + timedelta(days=1)]
    round_trip(edit, before, after)
    with pytest.raises(NotFoundError):
        js.edit_delete_day(DAY)  # nothing left to delete
    assert rows() == after


# ---- one rule for where a new session goes -----------------------------------------------

def test_csv_import_appends_sessions_after_the_days_own(journal, tmp_path: Path):
    from rehabjournal.store.csv_io import COLUMNS, import_csv

    first = js.add_session(DAY, {"kind": "walk", "minutes": 20})
    assert journal_repo.next_session_position(DAY) == 1
    header = ",".join(COLUMNS[:14])
    path = tmp_path / "a.csv"
    path.write_text(f"{header}\n{DAY},,,,,run,30,5,,,,,,\n{DAY},,,,,cycle,40,,,,,,,\n",
                    encoding="utf-8")
    import_csv(path)
    listed = js.list_sessions(DAY)
    assert [(s["kind"], s["position"]) for s in listed] == [("walk", 0), ("run", 1),
                                                            ("cycle", 2)]
    assert listed[0]["id"] == first
    added = js.add_session(DAY, {"kind": "swim", "minutes": 15})
    assert js.get_session(added)["position"] == 3


# ---- exercise logs -----------------------------------------------------------------------

@pytest.fixture
def due(journal):
    from rehabjournal.store.library import sync_shipped_exercises

    sync_shipped_exercises()
    ps.create_from_template("calm-then-build", DAY)
    items = ps.due_on(DAY)
    assert items
    return items


def test_exercise_answers_undo_and_redo(due):
    pid = due[0]["id"]
    before = ps.get_log(DAY, pid)
    assert before is None
    done = exercise_logs.edit_log(DAY, pid, {"status": "done", "sets_done": 3,
                                             "pain_during": 2})
    assert done.label == "Exercise done"
    logged = ps.get_log(DAY, pid)
    assert (logged["status"], logged["pain_during"]) == ("done", 2)
    partial = exercise_logs.edit_log(DAY, pid, {"status": "partial"})
    assert partial.label == "Exercise partly done"
    partial.undo()
    assert ps.get_log(DAY, pid) == logged
    partial.redo()
    assert ps.get_log(DAY, pid)["status"] == "partial"
    clear = exercise_logs.edit_clear_log(DAY, pid)
    assert ps.get_log(DAY, pid) is None
    clear.undo()
    assert ps.get_log(DAY, pid)["status"] == "partial"
    clear.redo()
    assert is_no_change(exercise_logs.edit_clear_log(DAY, pid))
    for edit in (clear, partial, done):  # undo all, last first, as the undo stack does
        edit.undo()
    assert ps.get_log(DAY, pid) is None


def test_a_refused_exercise_answer_writes_nothing(due):
    with pytest.raises(ValidationError) as info:
        exercise_logs.edit_log(DAY, due[0]["id"], {"status": "done", "pain_during": 12})
    assert "pain_during" in info.value.errors
    assert ps.get_log(DAY, due[0]["id"]) is None
