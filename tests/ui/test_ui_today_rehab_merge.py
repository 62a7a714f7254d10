"""No double counting on Today (issue 13 item 8, QA's D1) through the real widgets.

Template "Knee overuse: 12 weeks" from Mon 23 Nov 2026; on Wed 25 Nov leg press done
(40 kg, pain 2), glute bridge done, clamshell partly, effort 4: the app's session, 20 min
(estimate), 4 x 20 = 80 AU. "Add session": rehab exercises, effort 5, 30 min: one
session, 5 x 30 = 150 AU (QA saw two sessions and 230 AU).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps
from rehabjournal.services.summary import period_summary

from .test_ui_today import _journal_cell, type_into

START, DAY = date(2026, 11, 23), date(2026, 11, 25)


def _sessions() -> list[tuple]:
    return [(s["kind"], s["minutes"], s["minutes_estimated"], s["rpe"], s["pain_during"],
             s["source"]) for s in js.list_sessions(DAY)]


@pytest.fixture
def logged(open_window, qtbot):
    """Today of 25 Nov with QA's exercises ticked through the rows and effort 4."""
    ctx, window = open_window(today=DAY)
    key = next(t["key"] for t in ps.list_templates() if t["name"].startswith("Knee overuse"))
    ps.create_from_template(key, START)
    ctx.programme_changed.emit()
    page = window.show_page("today")
    page.load()
    due = page.exercises_due
    rows = {row.item["exercise_name"]: row for row in due.rows.values()}
    press = rows["Heavy slow resistance leg press"]
    press.fields["load_done"].set_value(40)
    press.fields["pain_during"].set_value(2)
    press.done_button.click()
    rows["Glute bridge"].done_button.click()
    rows["Clamshell with band"].partial_button.click()
    due.effort.setCurrentIndex(due.effort.findData(4))
    due.effort.activated.emit(due.effort.currentIndex())
    assert _sessions() == [("rehab exercises", 20, True, 4, 2, "programme")]
    return ctx, window, page


def _add_rehab_session(qtbot, page, kind="rehab exercises", rpe="5", minutes="30"):
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.session_editors[-1]
    editor.kind.lineEdit().selectAll()
    qtbot.keyClicks(editor.kind.lineEdit(), kind)
    qtbot.keyClick(editor.kind.lineEdit(), Qt.Key.Key_Return)
    qtbot.keyClicks(editor.rpe, rpe)
    type_into(qtbot, editor.minutes, minutes)


def test_adding_rehab_exercises_after_the_ticks_shows_one_session(logged, qtbot):
    ctx, window, page = logged
    undo_steps = ctx.undo_stack.count()
    _add_rehab_session(qtbot, page)
    assert _sessions() == [("rehab exercises", 30, False, 5, 2, "")]
    [editor] = page.session_editors
    assert (editor.minutes.edit.text(), editor.rpe.currentData()) == ("30", 5)
    qtbot.waitUntil(editor.source_note.isVisible)
    assert js.MERGED_STATUS in editor.source_note.text()
    assert page.saved_label.text().startswith(js.MERGED_STATUS)
    assert "typed by you" in page.exercises_due.session_label.text()
    assert page.exercises_due.effort.currentData() == 5
    assert ctx.undo_stack.count() == undo_steps + 1, "one edit, one undo step"
    assert _journal_cell(window, DAY, "load") == "150"
    assert period_summary(DAY, DAY).load == 150  # the PDF's figure

    window.undo_action.trigger()
    assert _sessions() == [("rehab exercises", 20, True, 4, 2, "programme")]
    page = window.show_page("today")
    assert [e.minutes.edit.text() for e in page.session_editors] == ["20"]
    assert _journal_cell(window, DAY, "load") == "80"
    window.redo_action.trigger()
    assert _sessions() == [("rehab exercises", 30, False, 5, 2, "")]
    page = window.show_page("today")
    assert [e.minutes.edit.text() for e in page.session_editors] == ["30"]
    assert _journal_cell(window, DAY, "load") == "150"


def test_changing_a_typed_sessions_activity_to_rehab_merges(logged, qtbot):
    ctx, window, page = logged
    _add_rehab_session(qtbot, page, kind="gym", rpe="6", minutes="35")
    assert len(page.session_editors) == 2
    gym = page.session_editors[1]
    gym.kind.lineEdit().selectAll()
    qtbot.keyClicks(gym.kind.lineEdit(), "rehab exercises")
    qtbot.keyClick(gym.kind.lineEdit(), Qt.Key.Key_Return)
    assert _sessions() == [("rehab exercises", 35, False, 6, 2, "")]
    [editor] = page.session_editors
    assert editor.minutes.edit.text() == "35"
    assert page.saved_label.text().startswith(js.MERGED_STATUS)
    window.undo_action.trigger()
    assert _sessions() == [("rehab exercises", 20, True, 4, 2, "programme"),
                           ("gym", 35, False, 6, None, "")]
    page = window.show_page("today")
    assert [e.kind.currentText() for e in page.session_editors] == ["rehab exercises", "gym"]
