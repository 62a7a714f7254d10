"""The optional tray icon and its reminders (Preferences > Reminders and start-up).

With the icon on, closing the window keeps rehabjournal running in the tray (File > Quit,
or Quit in the icon's menu, ends it), so that a reminder can be shown at its time. Every
minute the tray asks ``services.reminders.due`` whether one is due: the morning one only
when today's check-in is still empty, the evening one only when a session of the day waits
for its next-morning rating tomorrow; each at most once a day. Clicking the notification
(or the icon) opens Today with the cursor in the first empty field.

Nothing here opens a network connection: notifications go through the desktop's tray.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ..services import reminders
from . import settings as ui_settings

CHECK_EVERY_MS = 60_000
HIDDEN_TITLE = QT_TRANSLATE_NOOP("Tray", "rehabjournal is still running")
HIDDEN_TEXT = QT_TRANSLATE_NOOP("Tray", "It stays in the tray for your reminders. Quit it from "
                                "the icon's menu or with File > Quit.")
"""The one-time message when the window goes to the tray (English; shown translated)."""


def tray_available() -> bool:
    """True when the desktop shows tray icons (tests replace this)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def choices() -> reminders.Choices:
    """The reminder choices saved on this computer."""
    return reminders.Choices(
        morning=ui_settings.get("reminders.morning"),
        morning_at=reminders.parse_time(ui_settings.get("reminders.morning_at"),
                                        reminders.DEFAULT_MORNING),
        evening=ui_settings.get("reminders.evening"),
        evening_at=reminders.parse_time(ui_settings.get("reminders.evening_at"),
                                        reminders.DEFAULT_EVENING),
    )


def shown_days() -> dict[str, date]:
    """{reminder kind: the last day it was shown} (bad entries are left out)."""
    try:
        raw = json.loads(ui_settings.get("reminders.shown"))
    except ValueError:
        return {}
    out = {}
    for kind, text in (raw.items() if isinstance(raw, dict) else ()):
        try:
            out[kind] = date.fromisoformat(text)
        except (TypeError, ValueError):
            continue
    return out


def note_shown(reminder: reminders.Reminder) -> None:
    days = {k: d.isoformat() for k, d in shown_days().items()}
    days[reminder.kind] = reminder.day.isoformat()
    ui_settings.set("reminders.shown", json.dumps(days, sort_keys=True))


class Tray(QObject):
    """The tray icon of one window, its menu and the reminder timer.

    Args:
        window: the ``MainWindow``.
        now: the clock (local time); tests give a fake one.
        forced: started with ``--tray`` (at log-in): the icon shows whatever the setting.

    Attributes:
        icon: the ``QSystemTrayIcon``.
        shown: the reminders shown by this process, oldest first.
        last: the last reminder shown (what a click on the notification opens).
    """

    def __init__(self, window, *, now: Callable[[], datetime] = datetime.now,
                 forced: bool = False):
        super().__init__(window)
        from .icons import app_icon

        self.window = window
        self.now = now
        self.forced = forced
        self.shown: list[reminders.Reminder] = []
        self.last: reminders.Reminder | None = None
        self._told_hidden = False
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip("rehabjournal")
        menu = QMenu(window)
        menu.setObjectName("trayMenu")
        self.open_action = self._item(menu, self.tr("&Open rehabjournal"), window.bring_to_front)
        self.checkin_action = self._item(menu, self.tr("Today's &check-in"), self.open_today)
        menu.addSeparator()
        self.quit_action = self._item(menu, self.tr("&Quit"), window.quit_app)
        self.icon.setContextMenu(menu)
        self.menu = menu
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.open_today)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.reload()

    def _item(self, menu: QMenu, text: str, slot) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    @property
    def enabled(self) -> bool:
        """The icon is on (the setting, or a start in the tray)."""
        return self.forced or ui_settings.get("tray.enabled")

    def keeps_running(self) -> bool:
        """Closing the window hides it in the tray instead of quitting."""
        return self.enabled and tray_available()

    def reload(self) -> None:
        """Follow the saved settings: show or hide the icon, start or stop the timer."""
        on = self.enabled
        self.icon.setVisible(on and tray_available())
        wanted = choices()
        if on and (wanted.morning or wanted.evening):
            self.timer.start()
            QTimer.singleShot(0, self.check)
        else:
            self.timer.stop()

    def check(self) -> reminders.Reminder | None:
        """Show the reminder due now, if any; returns it."""
        if not self.enabled:
            return None
        now = self.now()
        wanted, shown = choices(), shown_days()
        # the journal is read only when some reminder could be due at all
        if reminders.due(now, wanted, reminders.DayState(True, ("",)), shown) is None:
            return None
        try:
            state = reminders.day_state(now.date())
        except Exception:  # a journal that cannot be read now: try again next minute
            return None
        reminder = reminders.due(now, wanted, state, shown)
        if reminder is not None:
            self.notify(reminder)
        return reminder

    def notify(self, reminder: reminders.Reminder) -> None:
        """Show ``reminder`` as the desktop's notification and note it as shown today."""
        note_shown(reminder)
        self.shown.append(reminder)
        self.last = reminder
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(reminder.title, reminder.text, self.icon.icon(), 20_000)
        else:  # no tray to show it: the status bar at least
            self.window.ctx.status.emit(self.tr("{title}. {text}").format(
                title=reminder.title, text=reminder.text))

    def open_today(self) -> None:
        """Bring the window up on Today, the cursor in the first empty field."""
        self.window.bring_to_front()
        page = self.window.open_today()
        focus = getattr(page, "focus_first_empty", None)
        if focus is not None:
            focus()

    def _activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            if self.window.isVisible() and self.window.isActiveWindow():
                self.window.hide()
            else:
                self.open_today()

    def window_hidden(self) -> None:
        """Say once per run that the app goes on in the tray."""
        if not self._told_hidden and self.icon.isVisible():
            self._told_hidden = True
            self.icon.showMessage(self.tr(HIDDEN_TITLE), self.tr(HIDDEN_TEXT),
                                  self.icon.icon(), 8000)
