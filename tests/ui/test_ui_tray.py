"""The tray and its reminders (issue 18 item 6), driven through the real widgets.

The clock is the tray's own ``now`` (a fake one here); "today" of the window is the
fixture's 18 March 2026.
"""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtWidgets import QApplication

from rehabjournal.services import autostart
from rehabjournal.services import journal as js

from .conftest import TODAY

# the offscreen platform can neither raise a window nor host a tray icon (a desktop can)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "No such signal QPlatformNativeInterface::systemTray")

UI_KEYS = ("tray.enabled", "reminders.morning", "reminders.morning_at", "reminders.evening",
           "reminders.evening_at", "reminders.shown")


@pytest.fixture
def clean_settings():
    """The tray's settings at their defaults before and after (QSettings is per process)."""
    from rehabjournal.ui import settings as ui_settings

    def reset():
        for key in UI_KEYS:
            ui_settings.set(key, ui_settings.ui_option(key).fallback())

    reset()
    yield ui_settings
    reset()
    QApplication.instance().setQuitOnLastWindowClosed(True)


@pytest.fixture
def with_tray(monkeypatch):
    """A desktop that shows tray icons (the offscreen platform has none)."""
    from rehabjournal.ui import tray

    monkeypatch.setattr(tray, "tray_available", lambda: True)


class Clock:
    def __init__(self, when: datetime):
        self.when = when

    def __call__(self) -> datetime:
        return self.when


def _at(hh: int, mm: int = 0, day=TODAY) -> datetime:
    return datetime.combine(day, time(hh, mm))


def test_the_morning_reminder_fires_only_when_the_checkin_is_missing(
        open_window, qtbot, clean_settings):
    ctx, window = open_window()
    clean_settings.set("tray.enabled", True)
    clean_settings.set("reminders.morning", True)
    clock = Clock(_at(8, 59))
    tray = window.start_tray(now=clock)
    messages = []
    ctx.status.connect(messages.append)  # no tray on this desktop: the status bar says it
    assert tray.check() is None  # before 09:00
    clock.when = _at(9, 0)
    reminder = tray.check()
    assert reminder is not None and reminder.kind == "morning" and reminder.day == TODAY
    assert messages[-1] == ("Time for your morning check-in. Today's check-in is still "
                            "empty: morning pain, stiffness, sleep.")
    clock.when = _at(9, 1)
    assert tray.check() is None  # once a day
    assert [r.kind for r in tray.shown] == ["morning"]

    # the next day the check-in is made before 09:00: no reminder at all that day
    tomorrow = TODAY.replace(day=19)
    js.save_checkin(tomorrow, {"morning_pain": 2})
    clock.when = _at(9, 30, tomorrow)
    assert tray.check() is None
    assert len(tray.shown) == 1


def test_clicking_the_reminder_opens_today_at_the_first_empty_field(
        open_window, qtbot, clean_settings):
    ctx, window = open_window()
    clean_settings.set("tray.enabled", True)
    clean_settings.set("reminders.morning", True)
    tray = window.start_tray(now=Clock(_at(9, 15)))
    window.show_page("journal")
    assert tray.check() is not None
    tray.icon.messageClicked.emit()  # what the desktop sends on a click
    page = window.pages["today"]
    assert window.current_page_key() == "today"
    assert page.day == TODAY
    if hasattr(page, "focus_first_empty"):  # the Day helper's keyboard-first focus
        qtbot.waitUntil(lambda: page.fields["morning_pain"].edit.hasFocus(), timeout=2000)


def test_no_reminder_while_they_are_off(open_window, clean_settings):
    _ctx, window = open_window()
    assert window.start_tray() is None  # the icon is off by default: no tray at all
    clean_settings.set("tray.enabled", True)
    tray = window.start_tray(now=Clock(_at(10)))
    assert not tray.timer.isActive()  # no reminder chosen: nothing runs every minute
    assert tray.check() is None


def test_the_evening_reminder_only_after_a_session(open_window, clean_settings):
    _ctx, window = open_window()
    clean_settings.set("tray.enabled", True)
    clean_settings.set("reminders.evening", True)
    clean_settings.set("reminders.evening_at", "19:30")
    clock = Clock(_at(19, 45))
    tray = window.start_tray(now=clock)
    assert tray.timer.isActive()
    assert tray.check() is None  # no session today
    js.add_session(TODAY, {"kind": "run", "minutes": 30, "pain_during": 3})
    reminder = tray.check()
    assert reminder.kind == "evening"
    assert reminder.title == "Tomorrow morning: rate today's session"
    assert "run (30 min)" in reminder.text


def test_closing_the_window_keeps_it_in_the_tray(
        open_window, qtbot, clean_settings, with_tray, monkeypatch):
    _ctx, window = open_window()
    clean_settings.set("tray.enabled", True)
    tray = window.start_tray()
    assert tray.icon.isVisible()
    assert not QApplication.instance().quitOnLastWindowClosed()
    window.close()
    assert not window.isVisible() and tray.icon.isVisible()
    tray.open_action.trigger()  # "Open rehabjournal" in the icon's menu
    assert window.isVisible()
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda *_: quits.append(True))
    tray.quit_action.trigger()  # Quit really ends it
    assert not window.isVisible() and quits == [True]


def _prefs(window, qtbot):
    from rehabjournal.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    return dialog


def test_preferences_turn_reminders_and_the_start_with_the_computer_on_and_off(
        open_window, qtbot, clean_settings, with_tray):
    _ctx, window = open_window()
    target = autostart.entry_path()
    dialog = _prefs(window, qtbot)
    assert not dialog.tray_check.isChecked() and not dialog.morning_check.isChecked()
    assert dialog.morning_time.time().toString("HH:mm") == "09:00"
    dialog.morning_check.setChecked(True)  # a reminder needs the icon: it is ticked too
    assert dialog.tray_check.isChecked()
    dialog.morning_time.setTime(dialog.morning_time.time().addSecs(-3600))
    dialog.autostart_check.setChecked(True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert clean_settings.get("tray.enabled") and clean_settings.get("reminders.morning")
    assert clean_settings.get("reminders.morning_at") == "08:00"
    assert target.is_file() and "--tray" in target.read_text("utf-8")

    dialog = _prefs(window, qtbot)
    assert dialog.autostart_check.isChecked() and dialog.morning_check.isChecked()
    dialog.tray_check.setChecked(False)  # without the icon, nothing of it can work
    assert not dialog.morning_check.isChecked() and not dialog.autostart_check.isChecked()
    dialog.accept()
    assert not target.exists()
    assert not clean_settings.get("reminders.morning")


def test_without_a_tray_the_preferences_say_so(open_window, qtbot, clean_settings):
    _ctx, window = open_window()
    dialog = _prefs(window, qtbot)
    from PySide6.QtWidgets import QLabel

    note = dialog.findChild(QLabel, "noTray")
    assert note is not None and "cannot show reminders" in note.text()
    assert not dialog.morning_check.isEnabled() and not dialog.tray_check.isEnabled()


def test_the_start_with_the_computer_opens_this_journal(open_window, qtbot, clean_settings,
                                                         with_tray):
    """A journal opened with --data-dir (not the default one): the log-in start names its
    folder, or it would open another journal."""
    import shlex

    ctx, window = open_window()
    dialog = _prefs(window, qtbot)
    dialog.autostart_check.setChecked(True)
    dialog.accept()
    target = autostart.entry_path()
    exec_line = next(line for line in target.read_text("utf-8").splitlines()
                     if line.startswith("Exec="))
    argv = shlex.split(exec_line.removeprefix("Exec="))  # a tmp folder: nothing to escape
    assert argv[-3:] == ["--data-dir", str(ctx.data_dir.absolute()), "--tray"]
    autostart.disable()
