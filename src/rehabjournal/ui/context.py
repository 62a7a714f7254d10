"""What every window and page shares: the journal folder, the undo stack, change signals."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QUndoStack

from ..services import clock as clock_mod

#: The longest wait between two looks at the calendar (ms): a timer counts no time while
#: the computer sleeps, so the one set for midnight is also a look every few minutes.
DAY_CHECK_MAX_MS = 5 * 60 * 1000


class AppContext(QObject):
    """Shared state of one open journal.

    Signals:
        journal_changed(object): data changed; the argument is the date touched, or None
            when many dates may have changed (import, undo of a bulk edit).
        programme_changed(): programmes, phases, prescriptions or exercises changed.
        settings_changed(): a setting of the registry changed (ui/settings, services/settings).
        status(str): a short message for the status bar, e.g. "Saved 08:41".
        saved_at(str): the "Saved hh:mm:ss" text after a successful edit, undo or redo.
        write_failed(str): a save, undo or redo could not be written; the window's banner
            shows the text until the next successful save.
        write_ok(): a save went through (hides the write-failed banner).
        open_day(object): show this date for editing on the Today page.
        day_changed(object, object): the calendar moved on (midnight, or the computer woke
            up on a later day): the new today and the day that was today before.

    Attributes:
        clock: where "today" and "now" come from (``services.clock``): the clock in use,
            or a ``FakeClock`` standing at noon of ``today`` when that is given (tests).
        edit_source: during ``journal_changed`` emitted by the edit path, the widget that
            made the change (pages skip reloading for their own edits); None otherwise.
    """

    journal_changed = Signal(object)
    programme_changed = Signal()
    settings_changed = Signal()
    status = Signal(str)
    saved_at = Signal(str)
    write_failed = Signal(str)
    write_ok = Signal()
    open_day = Signal(object)  # ask the window to show this date on the Today page
    day_changed = Signal(object, object)  # (new today, the day that was today)

    def __init__(self, data_dir: Path, *, demo: bool = False, today: date | None = None,
                 clock: clock_mod.Clock | None = None):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.demo = demo
        if clock is None:
            clock = (clock_mod.current() if today is None
                     else clock_mod.FakeClock(datetime.combine(today, time(12))))
        self.clock = clock
        self.edit_source: Any = None
        self.undo_stack = QUndoStack(self)
        self._known_today = self.clock.today()
        self.day_timer = QTimer(self)
        self.day_timer.setObjectName("dayTimer")
        self.day_timer.setSingleShot(True)
        self.day_timer.timeout.connect(self.check_day)
        self._arm_day_timer()
        app = QGuiApplication.instance()
        if app is not None:
            # the window comes back to the front (or the session wakes up): look again.
            # A declared slot: PySide converts the Qt::ApplicationState argument for it
            # (a plain method failed with "Cannot call meta function ... cannot be
            # converted" at every state change) and Qt disconnects it when this is deleted.
            app.applicationStateChanged.connect(self._application_state)

    def today(self) -> date:
        """The journal's "today" by its clock (a fixed day in tests)."""
        return self.clock.today()

    def now(self) -> datetime:
        """The local time by the journal's clock."""
        return self.clock.now()

    # ---- the calendar moving on ----------------------------------------------------------

    def check_day(self) -> bool:
        """Look at the calendar: emit ``day_changed`` if the day is not the one known.

        Called by the day timer (at local midnight, and every few minutes for a computer
        that slept through it), when the application becomes active and when the main
        window is activated; cheap enough to call any time. Returns True if it changed.
        """
        day, before = self.clock.today(), self._known_today
        self._arm_day_timer()
        if day == before:
            return False
        self._known_today = day
        self.day_changed.emit(day, before)
        return True

    def ms_to_next_check(self) -> int:
        """Milliseconds the day timer waits: to the next local midnight, or a few minutes."""
        seconds = clock_mod.seconds_to_midnight(self.clock.now())
        return int(min(seconds * 1000 + 50, DAY_CHECK_MAX_MS))

    def _arm_day_timer(self) -> None:
        self.day_timer.start(self.ms_to_next_check())

    @Slot(Qt.ApplicationState)
    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_day()

    def saved(self, what: str | None = None) -> None:
        """Say "Saved 14:05:09" (or ``what`` and the time: "Imported 14:05:09", already in
        the UI's language) in the status bar and beside the form."""
        at = f"{self.clock.now():%H:%M:%S}"
        if what is None:
            text = self.tr("Saved {time}").format(time=at)
        else:
            text = self.tr("{what} {time}").format(what=what, time=at)
        self.saved_at.emit(text)
        self.status.emit(text)
