"""Programme files: export a programme (JSON exchange file or iCalendar) and import one.

What happened is said in the message under the file buttons (red when it failed). An
import is an edit like any other (undo removes it); a failed journal write goes to the
window's banner. A file that cannot be written is a ``StorageError`` naming the file,
the same message the CSV and JSON exports give.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from ....errors import StorageError
from ....services import programme as ps
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import ERROR_COLOUR


class ProgrammeFiles:
    """The Import, Export and Calendar buttons' actions for the Programmes tab.

    Args:
        parent: the widget the file dialogs belong to.
        message: the label under the buttons.
    """

    def __init__(self, ctx: AppContext, parent: QWidget, message: QLabel):
        self.ctx, self.parent, self.label = ctx, parent, message

    def message(self, text: str, error: bool = False) -> None:
        self.label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.label.setText(text)

    def export_file(self, programme_id: int | None, path: str | None = None) -> bool:
        """Save the programme as an exchange file (asks where when ``path`` is None)."""
        if programme_id is None:
            return False
        if path is None:
            name = ps.get_programme(programme_id)["name"]
            safe = "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()
            path, _f = QFileDialog.getSaveFileName(
                self.parent, "Export programme", str(Path.home() / f"{safe}.rjprog.json"),
                "Programme files (*.json)")
            if not path:
                return False
        try:
            ps.export_programme_file(programme_id, path)
        except StorageError as exc:
            self.message(f"{exc} Nothing was written.", error=True)
            return False
        self.message(f"Saved {Path(path).name}.")
        return True

    def import_file(self, path: str | None = None) -> int | None:
        """Import a programme file as a new, inactive programme; returns its id."""
        if path is None:
            path, _f = QFileDialog.getOpenFileName(self.parent, "Import programme",
                                                   str(Path.home()),
                                                   "Programme files (*.json);;All files (*)")
            if not path:
                return None
        edit = apply_edit(
            self.ctx, lambda: ps.import_programme_file(path),
            message=lambda text: self.message(f"Nothing was imported. {text}", error=True))
        if edit is None:
            return None
        self.message(f"Imported {Path(path).name} as a new programme (not active yet).")
        return edit.result

    def export_calendar(self, programme_id: int | None, path: str | None = None) -> int | None:
        """Save the planned sessions for a calendar app; returns the number of days."""
        if programme_id is None:
            return None
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self.parent, "Export calendar", str(Path.home() / "rehab-programme.ics"),
                "iCalendar files (*.ics)")
            if not path:
                return None
        try:
            count = ps.export_calendar(programme_id, path)
        except StorageError as exc:
            self.message(f"{exc} Nothing was written.", error=True)
            return None
        self.message(f"Saved {count} planned days to {Path(path).name}.")
        return count
