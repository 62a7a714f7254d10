"""Programme files: export a programme (JSON exchange file or iCalendar) and import one.

What happened is said in the message under the file buttons (red when it failed): a
``FileMessage``, selectable text in a scroll area at most ``MESSAGE_LINES`` lines high,
so that a refused file's problems and warnings can all be read (scrolling) while the
programme list above keeps its room on a 768-pixel screen. An import is an edit like any
other (undo removes it); a failed journal write goes to the window's banner. A file that
cannot be written is a ``StorageError`` naming the file, the same message the CSV and JSON
exports give.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent, QTextOption
from PySide6.QtWidgets import QApplication, QFileDialog, QFrame, QSizePolicy, QTextEdit, QWidget

from ....errors import ImportFileError, StorageError, ValidationError
from ....i18n import ngettext
from ....services import programme as ps
from ....services.files import failure_message
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import ERROR_COLOUR

translate = QCoreApplication.translate

MESSAGE_LINES = 8
"""The file message's height at most, in lines of text; it scrolls for more."""


class FileMessage(QTextEdit):
    """The message under the file buttons: read-only, selectable plain text, as high as
    its text up to ``MESSAGE_LINES`` lines, then scrolling; hidden while empty. Long JSON
    paths and file names wrap anywhere rather than run past the narrow column."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fileMessage")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(1)
        self.setAccessibleName(self.tr("Import and export message"))
        self._colour = ""
        self._paint("")
        self.hide()

    def text(self) -> str:
        return self.toPlainText()

    def max_height(self) -> int:
        return self.fontMetrics().lineSpacing() * MESSAGE_LINES + 2

    def set_text(self, text: str, colour: str = "") -> None:
        self._paint(colour)
        self.setPlainText(text)
        self.setVisible(bool(text))
        self.verticalScrollBar().setValue(0)
        self._fit()

    def _paint(self, colour: str) -> None:
        """The window's background (it reads as a message, not a field), ``colour`` text."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        default = QApplication.palette(self).color(QPalette.ColorRole.Text)
        palette.setColor(QPalette.ColorRole.Text, QColor(colour) if colour else default)
        self.setPalette(palette)

    def _fit(self) -> None:
        """As high as the wrapped text, at most ``max_height`` (then it scrolls)."""
        doc = self.document()
        doc.setTextWidth(self.viewport().width())
        needed = int(doc.size().height()) + 2 * self.frameWidth()
        self.setFixedHeight(max(self.fontMetrics().lineSpacing(),
                                min(needed, self.max_height())))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()


class ProgrammeFiles:
    """The Import, Export and Calendar buttons' actions for the Programmes tab.

    Args:
        parent: the widget the file dialogs belong to.
        message: the message area under the buttons.
    """

    def __init__(self, ctx: AppContext, parent: QWidget, message: FileMessage):
        self.ctx, self.parent, self.label = ctx, parent, message

    def message(self, text: str, error: bool = False) -> None:
        self.label.set_text(text, ERROR_COLOUR if error else "")

    def export_file(self, programme_id: int | None, path: str | None = None) -> bool:
        """Save the programme as an exchange file (asks where when ``path`` is None)."""
        if programme_id is None:
            return False
        if path is None:
            name = ps.get_programme(programme_id)["name"]
            safe = "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()
            path, _f = QFileDialog.getSaveFileName(
                self.parent, translate("ProgrammeFiles", "Export programme"),
                str(Path.home() / f"{safe}.rjprog.json"),
                translate("ProgrammeFiles", "Programme files (*.json)"))
            if not path:
                return False
        try:
            ps.export_programme_file(programme_id, path)
        except StorageError as exc:
            self.message(failure_message(exc), error=True)
            return False
        self.message(
            translate("ProgrammeFiles", "Saved {file}.").format(file=Path(path).name))
        return True

    def import_file(self, path: str | None = None) -> int | None:
        """Import a programme file as a new, inactive programme; returns its id."""
        if path is None:
            path, _f = QFileDialog.getOpenFileName(
                self.parent, translate("ProgrammeFiles", "Import programme"), str(Path.home()),
                translate("ProgrammeFiles", "Programme files (*.json);;All files (*)"))
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
                self.message(translate("ProgrammeFiles", "Nothing was imported. {reason}")
                             .format(reason=shown[0]), error=True)
            return None
        text = translate("ProgrammeFiles", "Imported {file} as a new programme (not active "
                         "yet).").format(file=name)
        if warnings:
            text += "\n" + listed(ngettext("{n} key the app does not know was ignored:",
                                           "{n} keys the app does not know were ignored:",
                                           len(warnings)).format(n=len(warnings)), warnings)
        self.message(text)
        return edit.result

    def export_calendar(self, programme_id: int | None, path: str | None = None) -> int | None:
        """Save the planned sessions for a calendar app; returns the number of days."""
        if programme_id is None:
            return None
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self.parent, translate("ProgrammeFiles", "Export calendar"),
                str(Path.home() / "rehab-programme.ics"),
                translate("ProgrammeFiles", "iCalendar files (*.ics)"))
            if not path:
                return None
        try:
            count = ps.export_calendar(programme_id, path)
        except StorageError as exc:
            self.message(failure_message(exc), error=True)
            return None
        except ValidationError as exc:
            self.message(str(exc), error=True)
            return None
        self.message(ngettext("Saved {n} planned day to {file}.",
                              "Saved {n} planned days to {file}.", count).format(
            n=count, file=Path(path).name))
        return count


MAX_LINES = 60
"""Lines of one list at most (a refused file's problems are 50 at most and "and N more":
``errors.ImportFileError.limit``); the message scrolls."""


def listed(head: str, lines: list[str] | tuple[str, ...]) -> str:
    """``head`` and up to ``MAX_LINES`` lines as bullets, then "and N more"."""
    shown = [f"\u2022 {line}" for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        shown.append(translate("ProgrammeFiles", "... and {n} more.").format(
            n=len(lines) - MAX_LINES))
    return "\n".join([head, *shown])


def refusal_text(name: str, exc: ImportFileError, warnings: list[str]) -> str:
    """Every problem of a refused file, one a line (with its JSON path), then the
    unknown keys (a misspelt key often explains a problem)."""
    problems = list(getattr(exc, "problems", None) or [str(exc)])
    total = max(getattr(exc, "total", 0) or 0, len(problems))
    text = listed(ngettext("Nothing was imported: {file} has {n} problem:",
                           "Nothing was imported: {file} has {n} problems:", total).format(
        file=name, n=total), problems)
    extra = list(warnings) or list(getattr(exc, "warnings", ()))
    if extra:
        text += "\n" + listed(ngettext("Also {n} key the app does not know:",
                                       "Also {n} keys the app does not know:",
                                       len(extra)).format(n=len(extra)), extra)
    return text
