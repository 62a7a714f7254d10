"""Programme files: export a programme (JSON exchange file or iCalendar) and import one.

What happened is said in the message under the file buttons (red when it failed). An
import is an edit like any other (undo removes it); a failed journal write goes to the
window's banner. A file that cannot be written is a ``StorageError`` naming the file,
the same message the CSV and JSON exports give.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from ....errors import ImportFileError, StorageError
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
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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
        warnings: list[str] = []
        refused: list[ImportFileError] = []
        shown: list[str] = []

        def run():
            try:
                return ps.import_programme_file(path, warnings)
            except ImportFileError as exc:
                refused.append(exc)
                raise

        edit = apply_edit(self.ctx, run, message=shown.append)
        name = Path(path).name
        if edit is None:
            if refused:
                self.message(refusal_text(name, refused[0], warnings), error=True)
            elif shown:
                self.message(f"Nothing was imported. {shown[0]}", error=True)
            return None
        text = f"Imported {name} as a new programme (not active yet)."
        if warnings:
            text += "\n" + listed(f"{plural(len(warnings), 'key')} the app does not know "
                                  "were ignored:", warnings)
        self.message(text)
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


MAX_LINES = 12


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def listed(head: str, lines: list[str] | tuple[str, ...]) -> str:
    """``head`` and up to ``MAX_LINES`` lines as bullets, then "and N more"."""
    shown = [f"\u2022 {line}" for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        shown.append(f"... and {len(lines) - MAX_LINES} more.")
    return "\n".join([head, *shown])


def refusal_text(name: str, exc: ImportFileError, warnings: list[str]) -> str:
    """Every problem of a refused file, one a line (with its JSON path), then the
    unknown keys (a misspelt key often explains a problem)."""
    problems = list(getattr(exc, "problems", None) or [str(exc)])
    text = listed(f"Nothing was imported: {name} has "
                  f"{plural(len(problems), 'problem')}:", problems)
    extra = list(warnings) or list(getattr(exc, "warnings", ()))
    if extra:
        text += "\n" + listed(f"Also {plural(len(extra), 'key')} the app does not know:",
                              extra)
    return text
