"""What every window and page shares: the journal folder, the undo stack, change signals."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack


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

    Attributes:
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

    def __init__(self, data_dir: Path, *, demo: bool = False, today: date | None = None):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.demo = demo
        self._today = today
        self.edit_source: Any = None
        self.undo_stack = QUndoStack(self)

    def today(self) -> date:
        """The journal's "today" (fixed in tests, the real date otherwise)."""
        return self._today or date.today()

    def saved(self, what: str = "Saved") -> None:
        text = f"{what} {datetime.now():%H:%M:%S}"
        self.saved_at.emit(text)
        self.status.emit(text)
