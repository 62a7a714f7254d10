"""Keyboard first on Today (issue 18 item 2), with keys typed into the real window.

Every key goes to the widget that has the focus, as on a real keyboard; no test moves the
cursor itself unless it says so. Covered: the cursor on the first empty check-in field at
start and after a day change, the next-morning rating in the Tab order with Alt+M and a
status that follows every rating, the View menu's day actions, the cursor never ending
on the sidebar after an action in the form, one Alt-letter per label on each page, Help >
Keyboard Shortcuts, and a morning check-in plus one session in at most 20 keys.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabWidget

from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps
from rehabjournal.ui.main_window import PAGES

from .conftest import TODAY

ALT, CTRL, SHIFT = (Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier,
                    Qt.KeyboardModifier.ShiftModifier)


class Keyboard:
    """Presses keys into whatever has the focus, and counts them."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window, self.count = qtbot, window, 0

    def target(self):
        return QApplication.focusWidget() or self.window

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.target(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        for char in text:
            self.qtbot.keyClicks(self.target(), char)
            self.count += 1


def focus():
    return QApplication.focusWidget()


@pytest.fixture
def keys(open_window, qtbot):
    ctx, window = open_window()
    return ctx, window, window.pages["today"], Keyboard(qtbot, window)


def test_the_cursor_starts_in_the_first_empty_check_in_field(keys):
    ctx, window, page, _kb = keys
    assert window.current_page_key() == "today"
    assert focus() is page.fields["morning_pain"].edit, "not the sidebar"


def test_a_morning_check_in_and_one_session_in_at_most_20_keys(keys):
    ctx, window, page, kb = keys
    kb.type("3")                       # Morning pain
    kb.press(Qt.Key.Key_Tab)
    kb.type("15")                      # Stiffness, minutes
    kb.press(Qt.Key.Key_Tab)
    kb.type("m")                       # Swelling: mild
    kb.press(Qt.Key.Key_Tab)
    kb.type("7")                       # Sleep, hours
    kb.press(Qt.Key.Key_Tab)
    kb.type("4")                       # Sleep quality: 4 very good
    kb.press(Qt.Key.Key_Tab)
    kb.type("2")                       # Stress
    kb.press(Qt.Key.Key_N, CTRL)       # a session: the activity offered is "run"
    kb.press(Qt.Key.Key_Tab)
    kb.type("30")                      # minutes: saved as soon as it has them
    kb.press(Qt.Key.Key_Tab)
    kb.type("5")                       # effort (CR-10)
    assert kb.count <= 20, kb.count
    checkin = js.get_checkin(TODAY)
    assert {k: checkin[k] for k in ("morning_pain", "stiffness_min", "swelling",
                                     "sleep_hours", "sleep_quality", "stress")} == {
        "morning_pain": 3, "stiffness_min": 15, "swelling": "mild", "sleep_hours": 7,
        "sleep_quality": 4, "stress": 2}
    assert [(s["kind"], s["minutes"], s["rpe"]) for s in js.list_sessions(TODAY)] == [
        ("run", 30, 5)]
    assert window.nav.hasFocus() is False


def test_the_next_morning_rating_is_in_the_tab_order_with_its_own_letter(keys):
    ctx, window, page, kb = keys
    js.add_session(TODAY - timedelta(days=1), {"kind": "run", "minutes": 40, "pain_after": 4})
    kb.press(Qt.Key.Key_Left, ALT)
    kb.press(Qt.Key.Key_Right, ALT)   # back on today: the question shows
    knee = js.list_sites()[0]["id"]
    rating = page.next_morning.fields[knee].edit
    morning_pain = page.fields["morning_pain"].edit
    assert focus() is rating, "the first empty field of the check-in"
    assert rating.accessibleName() == "This morning: Morning pain"
    kb.press(Qt.Key.Key_Tab)
    assert focus() is morning_pain
    kb.press(Qt.Key.Key_Tab, SHIFT)
    assert focus() is rating, "Shift+Tab from Morning pain goes to the rating"
    kb.press(Qt.Key.Key_Tab, SHIFT)
    assert focus() is page.today_button
    kb.press(Qt.Key.Key_Tab)
    assert focus() is rating
    kb.press(Qt.Key.Key_S, ALT)
    assert focus() is page.fields["stiffness_min"].edit
    kb.press(Qt.Key.Key_M, ALT)
    assert focus() is rating, "Alt+M: This morning"

    status = page.next_morning.statuses[knee]
    assert status.text() == "waiting for your rating"
    kb.type("2")
    kb.press(Qt.Key.Key_Tab)
    assert status.text() == "rated"
    assert js.get_checkin(TODAY)["morning_pain"] == 2
    assert morning_pain.text() == "2", "one value, shown in both places"
    window.undo_action.trigger()  # Edit > Undo (Ctrl+Z in a field undoes its typing)
    status = page.next_morning.statuses[knee]
    assert status.text() == "waiting for your rating", "the undo shows at once"
    # rated in the check-in instead: the question says so without reopening the day
    kb.press(Qt.Key.Key_P, ALT)
    assert focus() is morning_pain
    kb.type("3")
    kb.press(Qt.Key.Key_Tab)
    assert page.next_morning.statuses[knee].text() == "rated"
    assert page.next_morning.fields[knee].edit.text() == "3"


def test_view_menu_moves_the_day_and_the_cursor_follows(keys):
    ctx, window, page, kb = keys
    view = {a.objectName(): a for a in window.view_menu.actions()}
    assert [(view[n].text(), view[n].shortcut().toString()) for n in (
        "action_previous_day", "action_next_day", "action_go_to_today")] == [
        ("&Previous Day", "Alt+Left"), ("&Next Day", "Alt+Right"),
        ("Go to &Today", "Alt+Home")]
    js.edit_checkin(TODAY - timedelta(days=1), {"morning_pain": 2, "stiffness_min": 10})
    kb.type("4")                        # typed, not finished: saved to the day it was typed on
    kb.press(Qt.Key.Key_Left, ALT)
    assert js.get_checkin(TODAY)["morning_pain"] == 4
    assert page.day == TODAY - timedelta(days=1)
    assert focus() is page.checkin.swelling, "the first empty field of that day"
    kb.press(Qt.Key.Key_Left, ALT)
    assert focus() is page.fields["morning_pain"].edit
    kb.press(Qt.Key.Key_Home, ALT)
    assert page.day == TODAY and focus() is page.fields["stiffness_min"].edit
    kb.press(Qt.Key.Key_Right, ALT)
    assert page.day == TODAY + timedelta(days=1)
    # from another page, the day actions bring Today back
    kb.press(Qt.Key.Key_2, CTRL)
    assert window.current_page_key() == "journal"
    assert not window.nav.hasFocus()
    kb.press(Qt.Key.Key_Home, ALT)
    assert window.current_page_key() == "today" and page.day == TODAY
    assert focus() is page.fields["stiffness_min"].edit
    kb.press(Qt.Key.Key_T, ALT)         # the Today button's own letter
    assert page.day == TODAY


def test_arrowing_through_the_sidebar_keeps_its_cursor(keys):
    ctx, window, page, kb = keys
    window.nav.setFocus()
    kb.press(Qt.Key.Key_Down)
    assert window.current_page_key() == "journal"
    assert window.nav.hasFocus(), "the next Down goes on through the pages"
    kb.press(Qt.Key.Key_1, CTRL)
    assert focus() is page.fields["morning_pain"].edit


def test_actions_in_the_form_never_send_the_cursor_to_the_sidebar(open_window, qtbot):
    day = date(2026, 11, 25)
    ctx, window = open_window(today=day)
    key = next(t["key"] for t in ps.list_templates() if t["name"].startswith("Knee overuse"))
    ps.create_from_template(key, date(2026, 11, 23))
    ctx.programme_changed.emit()
    page = window.show_page("today")
    kb = Keyboard(qtbot, window)
    rows = list(page.exercises_due.rows.values())
    rows[0].done_button.setFocus()
    kb.press(Qt.Key.Key_Space)
    done = page.exercises_due.rows[rows[0].prescription_id]
    assert done.status_label.text() == "Done"
    assert focus() is done.done_button, "the same button of the rebuilt row"
    kb.press(Qt.Key.Key_Tab)
    assert focus() is done.partial_button
    kb.press(Qt.Key.Key_Space)
    assert focus() is page.exercises_due.rows[rows[0].prescription_id].partial_button

    # a session deleted from the keyboard: the cursor stays among the sessions
    page.fields["morning_pain"].edit.setFocus()
    for minutes in ("30", "20"):
        kb.press(Qt.Key.Key_N, CTRL)
        kb.type("run")
        kb.press(Qt.Key.Key_Tab)
        kb.type(minutes)
        kb.press(Qt.Key.Key_Tab)
    typed = [e for e in page.session_editors if e.values.get("source") != "programme"]
    typed[0].delete_button.setFocus()
    kb.press(Qt.Key.Key_Space)
    assert len(page.session_editors) == len(typed)  # the app's rehab session and one run
    assert page.isAncestorOf(focus()) and focus() is page.session_editors[-1].kind
    # an event added with Alt+D, then removed: the cursor stays in the add row
    kb.press(Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: len(js.list_events(day)) == 1)
    assert page.isAncestorOf(focus())
    remove = next(b for b in page.events.findChildren(QAbstractButton)
                  if b.text() == "Remove" and b.isVisible())
    remove.setFocus()
    kb.press(Qt.Key.Key_Space)
    assert js.list_events(day) == []
    assert focus() is page.events.kind
    assert not window.nav.hasFocus()


# ---- one Alt-letter per label ----------------------------------------------------------------

def _letter(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def mnemonics(window, page) -> list[tuple[str, str]]:
    """(letter, text) of every Alt-letter active while ``page`` shows: its visible labels
    with a buddy, buttons, group boxes and tabs, the menu bar's titles and the window's
    Alt+letter shortcuts."""
    found = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton) \
            + page.findChildren(QGroupBox):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            text = widget.text() if widget.buddy() is not None else ""
        else:
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        if _letter(text):
            found.append((_letter(text), text))
    for tabs in page.findChildren(QTabWidget):
        if tabs.isVisible():
            found += [(_letter(tabs.tabText(i)), tabs.tabText(i)) for i in range(tabs.count())
                      if _letter(tabs.tabText(i))]
    found += [(_letter(a.text()), f"menu {a.text()}") for a in window.menuBar().actions()
              if _letter(a.text())]
    for action in window.findChildren(type(window.menuBar().actions()[0])):
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if re.fullmatch(r"Alt\+[A-Z0-9]", text):
                found.append((text[-1].lower(), f"shortcut {text} {action.text()}"))
    return found


def _clashes(found):
    letters = [letter for letter, _text in found]
    return sorted({(letter, text) for letter, text in found if letters.count(letter) > 1})


@pytest.mark.parametrize("key", [
    "today", "journal",
    "programme",
    "progress", "reports",
])
def test_every_alt_letter_is_unique_on_each_page(open_window, key):
    ctx, window = open_window()
    js.add_session(TODAY - timedelta(days=1), {"kind": "run", "minutes": 40})
    js.add_session(TODAY, {"kind": "run", "minutes": 40})
    js.add_event(TODAY, "flare")
    page = window.show_page(key)
    if key == "today":
        page.load()
    assert key in [k for k, _t, _m in PAGES]
    found = mnemonics(window, page)
    if key == "today":
        assert {"t", "g", "m", "p", "s", "w", "l", "q", "r", "a", "i", "d", "n"} <= {
            letter for letter, _ in found}
    assert _clashes(found) == []


# ---- Help > Keyboard Shortcuts -------------------------------------------------------------

def _menu_shortcuts(menu) -> set[str]:
    out = set()
    for action in menu.actions():
        if action.menu() is not None:
            out |= _menu_shortcuts(action.menu())
        for sequence in action.shortcuts():
            out.add(sequence.toString(QKeySequence.SequenceFormat.NativeText))
    return out


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform showing a dialog
def test_help_keyboard_shortcuts_lists_every_one(keys):
    ctx, window, page, kb = keys
    kb.press(Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Keyboard Shortcuts"
    table = dialog.table
    listed = {table.item(r, 2).text(): (table.item(r, 0).text(), table.item(r, 1).text())
              for r in range(table.rowCount())}
    menus = set()
    for action in window.menuBar().actions():
        menus |= _menu_shortcuts(action.menu())
    keys_listed = {k for row in listed for k in row.split(", ")}
    assert menus <= keys_listed, menus - keys_listed
    assert listed["Alt+Left"] == ("View", "Previous Day")
    assert listed["Alt+Right"] == ("View", "Next Day")
    assert listed["Alt+Home"] == ("View", "Go to Today")
    assert listed["Ctrl+N"] == ("Today", "Add a session")
    assert listed["F1"] == ("Help", "Keyboard Shortcuts")
    assert listed["Ctrl+Z"] == ("Edit", "Undo the last change"), "not the last change's name"
    assert "Alt+letter" in listed and "Up / Down" in listed
    dialog.close()
