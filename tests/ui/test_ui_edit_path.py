"""The edit path on the Today and Journal pages, through the real widgets.

Every change has three outcomes: saved (rows in the journal, one undo step, "Saved"),
invalid (the reason beside the field, nothing written) and write failed (the window's
banner, the typed value kept, nothing written). Undo and redo fail the same way.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps
from rehabjournal.store import models as m

from .conftest import TODAY

DISK_FULL = "database or disk is full"
YESTERDAY = TODAY - timedelta(days=1)


def fail_writes(monkeypatch) -> None:
    """Fail every write statement at the database driver, under the real service code."""
    database = m.database.obj
    real = database.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            raise sqlite3.OperationalError(DISK_FULL)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", execute_sql)


def journal_rows() -> dict[str, list[dict]]:
    tables = (m.PainSite, m.CheckIn, m.CheckInSitePain, m.ActivitySession,
              m.SessionSitePain, m.RedFlag, m.Event, m.ExerciseLog)
    return {t._meta.table_name: list(t.select().order_by(t.id).dicts()) for t in tables}


def type_into(qtbot, field, text: str) -> None:
    """Type into a NumberField as a user would: select all, type, Return."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def new_session(qtbot, page, kind: str):
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.session_editors[-1]
    editor.kind.lineEdit().selectAll()
    qtbot.keyClicks(editor.kind.lineEdit(), kind)
    qtbot.keyClick(editor.kind.lineEdit(), Qt.Key.Key_Return)
    return editor


def banner_text(window) -> str:
    return window.write_banner.label.text() if window.write_banner.isVisible() else ""


@pytest.fixture
def today(open_window):
    """(ctx, window, Today page) over a journal with two pain sites."""
    ctx, window = open_window()
    js.add_site("knee", "right", "")
    page = window.show_page("today")
    page.load()
    return ctx, window, page


# ---- saved -------------------------------------------------------------------------------

def test_a_session_typed_before_its_minutes_is_one_step(today, qtbot):
    """Activity, effort and pains first, minutes last: one row, one undo step."""
    ctx, window, page = today
    editor = new_session(qtbot, page, "run")
    qtbot.keyClicks(editor.rpe, "5")
    type_into(qtbot, editor.pains["pain_during"], "3")
    type_into(qtbot, editor.distance, "6.5")
    assert js.list_sessions(TODAY) == [] and ctx.undo_stack.count() == 0  # still a draft
    type_into(qtbot, editor.minutes, "35")
    [row] = js.list_sessions(TODAY)
    assert (row["kind"], row["minutes"], row["rpe"], row["pain_during"],
            row["distance_km"]) == ("run", 35, 5, 3, 6.5)
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Add run session"
    assert page.saved_label.text().startswith("Saved ")

    window.undo_action.trigger()
    assert js.list_sessions(TODAY) == []
    assert page.session_editors == []
    assert page.saved_label.text().startswith("Undone: add run session ")
    window.redo_action.trigger()
    assert [s["id"] for s in js.list_sessions(TODAY)] == [row["id"]], "the same row"
    assert [e.session_id for e in page.session_editors] == [row["id"]]
    assert page.saved_label.text().startswith("Redone: add run session ")


def test_every_change_on_today_is_one_step_and_all_undo_back(today, qtbot, monkeypatch):
    from rehabjournal.ui.pages.today import sessions

    ctx, window, page = today
    js.add_session(YESTERDAY, {"kind": "run", "minutes": 40})
    ps.create_from_template("calm-then-build", TODAY)
    ctx.programme_changed.emit()
    page.load()
    start = journal_rows()
    right = [s for s in js.list_sites() if s["side"] == "right"][0]["id"]
    main = js.list_sites()[0]["id"]
    pid = next(iter(page.exercises_due.rows))

    def add_site_dialog(dialog):
        dialog.joint.setCurrentText("hip")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sessions.AddSiteDialog, "exec", add_site_dialog)

    steps = [
        (lambda: type_into(qtbot, page.fields["morning_pain"], "3"), "change morning pain",
         "Saved", lambda: js.get_checkin(TODAY)["morning_pain"] == 3),
        (lambda: type_into(qtbot, page.checkin.site_fields[right], "2"),
         "change morning pain", "Saved", lambda: js.checkin_site_pains(TODAY) == {right: 2}),
        (lambda: type_into(qtbot, page.next_morning.fields[main], "1"),
         "change morning pain", "Saved",  # the next-morning rating is this morning's pain
         lambda: js.get_checkin(TODAY)["morning_pain"] == 1
         and page.fields["morning_pain"].edit.text() == "1"),
        (lambda: page.flag_boxes["night_or_constant_pain"].click(), "tick red flag",
         "Red flag recorded", lambda: js.red_flags(TODAY) == {"night_or_constant_pain"}),
        (lambda: (page.events.label.setText("Brooks"), page.events.add_button.click()),
         "add event", "Event added", lambda: len(js.list_events(TODAY)) == 1),
        (lambda: type_into(qtbot, new_session(qtbot, page, "cycle").minutes, "30"),
         "add cycle session", "Saved", lambda: len(js.list_sessions(TODAY)) == 1),
        (lambda: type_into(qtbot, page.session_editors[0].pains["pain_after"], "4"),
         "change pain after", "Saved", lambda: js.list_sessions(TODAY)[0]["pain_after"] == 4),
        (lambda: type_into(qtbot, page.session_editors[0].extra_fields[right]["pain_after"],
                           "1"),
         "change site pain", "Saved",
         lambda: list(js.session_site_pains(js.list_sessions(TODAY)[0]["id"])) == [right]),
        (lambda: (page.notes.setPlainText("stairs hurt"), page.flush()), "change notes",
         "Saved", lambda: js.get_checkin(TODAY)["notes"] == "stairs hurt"),
        (lambda: page.exercises_due.rows[pid].done_button.click(), "Exercise done",
         "Exercise saved", lambda: ps.get_log(TODAY, pid)["status"] == "done"
         and [e.kind.currentText() for e in page.session_editors]
         == ["cycle", "rehab exercises"]),
        (lambda: page.sessions.add_site_button.click(), "add pain site", "Pain site added",
         lambda: any(s["joint"] == "hip" for s in js.list_sites())),
        (lambda: page.events.findChild(type(page.prev_button)).click(), "remove event",
         "Event removed", lambda: js.list_events(TODAY) == []),
        (lambda: page.session_editors[0].delete_button.click(), "delete cycle session",
         "Session deleted",
         lambda: [s["kind"] for s in js.list_sessions(TODAY)] == ["rehab exercises"]),
    ]
    states = [journal_rows()]
    for count, (act, label, saved, check) in enumerate(steps, start=1):
        act()
        assert check(), label
        assert ctx.undo_stack.count() == count, f"{label}: one user action, one undo step"
        assert ctx.undo_stack.undoText() == label[:1].upper() + label[1:]
        assert page.saved_label.text().startswith(saved), label
        states.append(journal_rows())
    assert not window.write_banner.isVisible()

    for state in reversed(states[:-1]):
        window.undo_action.trigger()
        assert journal_rows() == state
    assert journal_rows() == start
    assert page.fields["morning_pain"].edit.text() == ""
    assert page.session_editors == [] and not page.flag_boxes["night_or_constant_pain"].isChecked()
    for state in states[1:]:
        window.redo_action.trigger()
        assert journal_rows() == state


# ---- invalid -----------------------------------------------------------------------------

def test_refused_values_show_beside_their_field_and_write_nothing(today, qtbot):
    ctx, window, page = today
    sid = js.add_session(TODAY, {"kind": "run", "minutes": 30})
    page.load()
    before = journal_rows()
    # what the service refuses (the fields refuse these too; this is the service's say)
    page.checkin.save_field("morning_pain", 11)
    assert page.fields["morning_pain"].error.text() == \
        "Morning pain must be a whole number from 0 to 10 (got 11)."
    editor = page.session_editors[0]
    editor.distance.committed.emit(600.0)
    assert not editor.distance.error.isHidden()
    assert editor.distance.error.text() == "Distance must be a number from 0 to 500 km (got 600)."
    page.events.kind.setCurrentIndex(page.events.kind.findData("custom"))
    page.events.label.clear()
    page.events.add_button.click()
    assert page.events.error.text() == "A custom event needs a short label."
    assert journal_rows() == before
    assert ctx.undo_stack.count() == 0
    assert page.saved_label.text() == "" and not window.write_banner.isVisible()
    assert js.get_session(sid)["distance_km"] is None


# ---- write failed ------------------------------------------------------------------------

def test_failed_writes_show_the_banner_keep_the_typed_values_and_retry(today, qtbot,
                                                                       monkeypatch):
    ctx, window, page = today
    before = journal_rows()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        editor = new_session(qtbot, page, "run")
        type_into(qtbot, editor.minutes, "35")
        assert DISK_FULL in banner_text(window) and "could not save" in banner_text(window)
        assert editor.minutes.edit.text() == "35" and editor.session_id is None
        page.flag_boxes["night_or_constant_pain"].click()
        assert page.flag_boxes["night_or_constant_pain"].isChecked()
        page.events.label.setText("Brooks")
        page.events.add_button.click()
        assert page.events.label.text() == "Brooks"
        page.notes.setPlainText("stairs hurt")
        page.flush()
        assert page.notes.toPlainText() == "stairs hurt"
        assert DISK_FULL in banner_text(window)
    assert journal_rows() == before, "nothing was written"
    assert ctx.undo_stack.count() == 0
    assert page.saved_label.text() == ""

    # room again: finishing the same entry saves it, and the banner goes away
    type_into(qtbot, editor.minutes, "35")
    assert [s["minutes"] for s in js.list_sessions(TODAY)] == [35]
    assert not window.write_banner.isVisible()
    assert page.saved_label.text().startswith("Saved")


def test_a_failed_exercise_answer_shows_the_banner(today, qtbot, monkeypatch):
    ctx, window, page = today
    ps.create_from_template("calm-then-build", TODAY)
    ctx.programme_changed.emit()
    pid, row = next(iter(page.exercises_due.rows.items()))
    type_into(qtbot, row.fields["pain_during"], "2")
    with monkeypatch.context() as patch:
        fail_writes(patch)
        row.done_button.click()
    assert DISK_FULL in banner_text(window)
    assert ps.get_log(TODAY, pid) is None and ctx.undo_stack.count() == 0
    assert row.fields["pain_during"].edit.text() == "2"
    row.done_button.click()
    assert ps.get_log(TODAY, pid)["pain_during"] == 2
    assert not window.write_banner.isVisible()


# ---- undo and redo failing ---------------------------------------------------------------

def test_a_failed_undo_says_so_changes_nothing_and_drops_the_step(today, qtbot, monkeypatch):
    ctx, window, page = today
    type_into(qtbot, page.fields["morning_pain"], "4")
    assert ctx.undo_stack.count() == 1
    with monkeypatch.context() as patch:
        fail_writes(patch)
        window.undo_action.trigger()
    assert "Could not undo \u201cchange morning pain\u201d" in banner_text(window)
    assert DISK_FULL in banner_text(window)
    assert js.get_checkin(TODAY)["morning_pain"] == 4
    assert page.fields["morning_pain"].edit.text() == "4"
    assert ctx.undo_stack.count() == 0, "a step that cannot be replayed is dropped"


def test_a_failed_redo_says_so_changes_nothing_and_drops_the_step(today, qtbot, monkeypatch):
    ctx, window, page = today
    page.flag_boxes["night_or_constant_pain"].click()
    window.undo_action.trigger()
    assert js.red_flags(TODAY) == set()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        window.redo_action.trigger()
    assert "Could not redo \u201ctick red flag\u201d" in banner_text(window)
    assert js.red_flags(TODAY) == set()
    assert not page.flag_boxes["night_or_constant_pain"].isChecked()
    assert not ctx.undo_stack.canRedo() and not ctx.undo_stack.canUndo()
    page.flag_boxes["night_or_constant_pain"].click()  # the journal takes new entries
    assert js.red_flags(TODAY) == {"night_or_constant_pain"}
    assert not window.write_banner.isVisible()


# ---- the Journal page ----------------------------------------------------------------------

@pytest.fixture
def journal_page(open_window):
    ctx, window = open_window()
    js.save_checkin(YESTERDAY, {"morning_pain": 4, "notes": "keep me"})
    js.add_session(YESTERDAY, {"kind": "run", "minutes": 30})
    page = window.show_page("journal")
    page.refresh()
    page.table.selectRow(0)
    return ctx, window, page


def test_journal_delete_day_saved(journal_page, qtbot):
    ctx, window, page = journal_page
    before = journal_rows()
    page.delete_button.click()
    assert js.list_days() == [] and page.model.total == 0
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == f"Delete {YESTERDAY:%d %b %Y}"
    assert window.statusBar().currentMessage().startswith(
        f"Deleted {YESTERDAY:%d %b %Y} (Edit > Undo brings it back)")
    window.undo_action.trigger()
    assert journal_rows() == before and page.model.total == 1


def test_journal_delete_of_a_day_gone_meanwhile_writes_nothing(journal_page, qtbot):
    ctx, window, page = journal_page
    js.delete_day(YESTERDAY)  # e.g. from the command line, while the list still shows it
    page.delete_button.click()
    assert "Nothing is stored for" in window.statusBar().currentMessage()
    assert ctx.undo_stack.count() == 0 and not window.write_banner.isVisible()


def test_journal_delete_day_write_failed_and_undo_failed(journal_page, qtbot, monkeypatch):
    ctx, window, page = journal_page
    before = journal_rows()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        page.delete_button.click()
    assert DISK_FULL in banner_text(window)
    assert journal_rows() == before and ctx.undo_stack.count() == 0
    page.delete_button.click()
    assert not window.write_banner.isVisible()
    deleted = journal_rows()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        window.undo_action.trigger()
    assert f"Could not undo \u201cdelete {YESTERDAY:%d %b %Y}\u201d" in banner_text(window)
    assert journal_rows() == deleted
    assert ctx.undo_stack.count() == 0
