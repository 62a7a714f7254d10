"""A programme without a start date (week 1 is the week the person starts): the editor's
Starts field says "not set" and saves nothing when it is only visited; a date typed in is
saved, and Delete or the Clear button make it "not set" again, each one undo step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from rehabjournal.services import programme as ps

from .conftest import TODAY


@pytest.fixture
def editor(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("programme")
    pid = ps.create_programme("Not started yet", None).result
    ps.add_phase(pid, {"name": "Phase 1", "weeks": 3})
    page.reload()
    page.programmes.select_programme(pid)
    editor = page.programmes.editor
    editor.ctx = ctx
    editor.pid = pid
    return editor


def _visit(qtbot, editor) -> None:
    """Tab into the Starts field and out of it again, typing nothing."""
    editor.prog_start.setFocus()
    qtbot.waitUntil(editor.prog_start.hasFocus)
    editor.prog_name.setFocus()
    qtbot.waitUntil(editor.prog_name.hasFocus)


def test_an_unset_start_shows_not_set_and_a_visit_saves_nothing(editor, qtbot):
    start = editor.prog_start
    steps = editor.ctx.undo_stack.count()
    _visit(qtbot, editor)
    start.editingFinished.emit()  # finishing it (Enter) saves nothing either
    assert ps.get_programme(editor.pid)["start_date"] is None
    assert editor.ctx.undo_stack.count() == steps
    assert start.text() == "not set" and start.value() is None
    assert "from the week you start" in editor.prog_info.text()
    assert not editor.clear_start.isEnabled()


def test_a_typed_start_is_saved_and_delete_clears_it_undoably(editor, qtbot):
    start = editor.prog_start
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    qtbot.keyClicks(start, "20260406")  # the first digit starts from today's date
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert ps.get_programme(editor.pid)["start_date"] == date(2026, 4, 6)
    assert editor.clear_start.isEnabled()
    assert "until" in editor.prog_info.text()

    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Delete)
    assert start.text() == "not set"
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert ps.get_programme(editor.pid)["start_date"] is None
    assert editor.ctx.undo_stack.undoText() == "Change start date"
    editor.ctx.undo_stack.undo()
    assert ps.get_programme(editor.pid)["start_date"] == date(2026, 4, 6)
    assert start.value() == date(2026, 4, 6)
    editor.ctx.undo_stack.undo()
    assert ps.get_programme(editor.pid)["start_date"] is None
    assert start.text() == "not set"


def test_up_from_not_set_starts_at_today_and_the_clear_button_unsets(editor, qtbot):
    start = editor.prog_start
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    qtbot.keyClick(start, Qt.Key.Key_Up)
    assert start.value() == TODAY  # not 1900-01-02
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert ps.get_programme(editor.pid)["start_date"] == TODAY
    qtbot.mouseClick(editor.clear_start, Qt.MouseButton.LeftButton)
    assert ps.get_programme(editor.pid)["start_date"] is None
    assert start.text() == "not set" and not editor.clear_start.isEnabled()
