"""Welcome from the keyboard (issue 18): Enter in the last field creates the journal, and
each Alt-letter of the form reaches one field or button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rehabjournal.services import journal as js

from .test_ui_keyboard import _clashes, mnemonics


def test_enter_in_the_last_field_creates_the_journal(open_window, qtbot):
    ctx, window = open_window(profile=False)
    welcome = window.welcome
    assert QApplication.focusWidget() is welcome.name, "the cursor starts in Name"
    qtbot.keyClicks(welcome.name, "ZL")
    qtbot.keyClick(welcome.name, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is welcome.clinician, "Alt+L: Clinician"
    qtbot.keyClicks(welcome.clinician, "Dr Okafor")
    qtbot.keyClick(welcome.clinician, Qt.Key.Key_Return)
    profile = js.get_profile()
    assert (profile["name"], profile["clinician"]) == ("ZL", "Dr Okafor")
    assert len(js.list_sites()) == 1
    assert window.current_page_key() == "today"
    page = window.pages["today"]
    assert QApplication.focusWidget() is page.fields["morning_pain"].edit


def test_enter_in_the_goal_creates_and_a_missing_name_is_said_beside_it(open_window, qtbot):
    ctx, window = open_window(profile=False)
    welcome = window.welcome
    welcome.goal.setFocus()
    qtbot.keyClicks(welcome.goal, "run 10 km")
    qtbot.keyClick(welcome.goal, Qt.Key.Key_Return)
    assert js.get_profile() is None
    assert welcome.name_error.isVisible() and "name" in welcome.name_error.text().lower()
    assert QApplication.focusWidget() is welcome.name


def test_each_alt_letter_of_welcome_is_unique(open_window, qtbot):
    ctx, window = open_window(profile=False)
    welcome = window.welcome
    found = mnemonics(window, welcome)
    assert _clashes(found) == []
    letters = {letter for letter, _text in found}
    assert {"n", "c", "j", "s", "b", "g", "l", "r", "d"} <= letters
    qtbot.keyClick(welcome.name, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is welcome.condition, "Alt+C is Condition only"
    welcome.name.setText("ZL")
    qtbot.keyClick(welcome.name, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: js.get_profile() is not None)  # Alt+R: Create my journal
