"""What every window and page shares: the journal folder, the undo stack, change signals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack


class AppContext(QObject):
    """Shared state of one open journal.

    Signals:
        journal_changed(object): data changed; the argument is the date touched, or None
            when many dates may have changed (import, undo of a bulk edit).
        status(str): a short message for the status bar, e.g. "Saved 08:41".
        open_day(object): show this date for editing on the Today page.
    """

    journal_changed = Signal(object)
    programme_changed = Signal()
    status = Signal(str)
    open_day = Signal(object)  # ask the window to show this date on the Today page

    def __init__(self, data_dir: Path, *, demo: bool = False, today: date | None = None):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.demo = demo
        self._today = today
        self.undo_stack = QUndoStack(self)

    def today(self) -> date:
        """The journal's "today" (fixed in tests, the real date otherwise)."""
        return self._today or date.today()

    def saved(self, what: str = "Saved") -> None:
        from datetime import datetime

        self.status.emit(f"{what} {datetime.now():%H:%M:%S}")
