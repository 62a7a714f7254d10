"""Ctrl+Z / Ctrl+Shift+Z pressed in a field that has nothing of its own to undo take back
the journal's last step (Edit > Undo, Redo), app-wide; a field with typing of its own keeps
the keys (ui/undo_keys.py). The keys are pressed on the focused widget, as a person does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QSpinBox

from rehabjournal.services import journal as js
from rehabjournal.ui import undo_keys

from .conftest import TODAY, settle

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def morning_pain():
    checkin = js.get_checkin(TODAY)
    return checkin and checkin["morning_pain"]


def test_morning_pain_tab_ctrl_z_undoes_it_and_ctrl_shift_z_redoes_it(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    pain = page.fields["morning_pain"]
    pain.edit.setFocus()
    qtbot.keyClicks(focused(), "4")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field saves it
    assert morning_pain() == 4
    assert focused() is page.fields["stiffness_min"].edit  # empty: nothing of its own
    assert ctx.undo_stack.count() == 1

    press(qtbot, Qt.Key.Key_Z, CTRL)
    settle(qtbot)
    assert morning_pain() is None
    assert pain.edit.text() == ""
    assert focused() is page.fields["stiffness_min"].edit  # the cursor stays where it was

    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)  # redo, the same way
    settle(qtbot)
    assert morning_pain() == 4
    assert pain.edit.text() == "4"


def test_a_field_with_typing_of_its_own_keeps_ctrl_z(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    page.fields["morning_pain"].edit.setFocus()
    qtbot.keyClicks(focused(), "4")
    press(qtbot, Qt.Key.Key_Tab)
    assert morning_pain() == 4
    stiffness = page.fields["stiffness_min"].edit
    qtbot.keyClicks(stiffness, "15")  # typed, not saved yet
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the field's own undo: the typing goes
    assert stiffness.text() == ""
    assert morning_pain() == 4 and ctx.undo_stack.index() == 1
    press(qtbot, Qt.Key.Key_Z, CTRL)  # nothing left in the field: the journal's step
    settle(qtbot)
    assert morning_pain() is None and ctx.undo_stack.index() == 0


def test_nothing_to_undo_anywhere_is_harmless(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    page.fields["morning_pain"].edit.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    settle(qtbot)
    assert ctx.undo_stack.count() == 0 and morning_pain() is None


def test_spin_boxes_and_read_only_fields(qapp):
    """What the filter asks of each kind of field."""
    spin = QSpinBox()
    assert undo_keys.has_own(spin, undo_keys.UNDO) is False
    line = QLineEdit()
    assert undo_keys.has_own(line, undo_keys.UNDO) is False
    line.insert("12")
    assert undo_keys.has_own(line, undo_keys.UNDO) is True
    assert undo_keys.has_own(line, undo_keys.REDO) is False
    line.setReadOnly(True)
    assert undo_keys.has_own(line, undo_keys.UNDO) is None  # left alone
    assert undo_keys.has_own(QApplication.instance(), undo_keys.UNDO) is None


def test_ctrl_y_redoes_too(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    page.fields["stress"].edit.setFocus()
    qtbot.keyClicks(focused(), "3")
    press(qtbot, Qt.Key.Key_Return)
    assert js.get_checkin(TODAY)["stress"] == 3
    page.fields["morning_pain"].edit.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    settle(qtbot)
    assert js.get_checkin(TODAY) is None  # the check-in it made is gone
    press(qtbot, Qt.Key.Key_Y, CTRL)
    settle(qtbot)
    assert js.get_checkin(TODAY)["stress"] == 3
