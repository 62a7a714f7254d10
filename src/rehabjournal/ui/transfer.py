"""File > Import CSV... and File > Export CSV...: dialogs over services.transfer.

What fails comes back as the error family: an ``ImportFileError`` lists the lines to fix
where the person looks (the message box), a ``StorageError`` says which file or the
journal could not be read or written; either way nothing was changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..errors import ImportFileError, StorageError
from ..services import transfer
from ..services.files import failure_message
from .context import AppContext

CSV_FILTER = "CSV files (*.csv *.tsv *.txt);;All files (*)"
COMMA_FILTER = "CSV, comma-separated (*.csv)"
SEMICOLON_FILTER = ("CSV, semicolon-separated with decimal commas "
                    "(Excel in German, French ... settings) (*.csv)")
EXPORT_FILTERS = {COMMA_FILTER: ",", SEMICOLON_FILTER: ";"}
"""The Export CSV dialog's file types -> the separator written (docs/csv-format.md)."""


# ---- small dialogs (replaced in tests) -------------------------------------------------

def _tell(parent, title: str, text: str, *, warning: bool = False) -> None:
    if warning:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


def _show_box(box: QMessageBox) -> None:
    box.exec()


# ---- import and export -----------------------------------------------------------------

def import_csv_dialog(parent: QWidget, ctx: AppContext, path: str | None = None) -> bool:
    """Ask for a CSV file and import it all or nothing; returns True when it imported.

    After an import the pages reload (``journal_changed(None)``).
    """
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, "Import CSV", "", CSV_FILTER)
        if not path:
            return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = transfer.import_journal_csv(path)
    except ImportFileError as exc:
        QApplication.restoreOverrideCursor()
        box = QMessageBox(QMessageBox.Icon.Warning, "Nothing was imported",
                          f"{path} has problems, so nothing was imported. Fix these lines "
                          "and import it again:", parent=parent)
        box.setObjectName("importProblems")
        box.setInformativeText("\n".join(exc.problems[:8]))
        box.setDetailedText("\n".join(exc.problems))
        _show_box(box)
        return False
    except StorageError as exc:
        QApplication.restoreOverrideCursor()
        _tell(parent, "Import failed", exc.message, warning=True)
        return False
    QApplication.restoreOverrideCursor()
    text = transfer.summary(report) + "."
    if report.backup:
        text += f"\n\nA copy of the journal as it was before was saved to {report.backup}."
    if report.warnings:
        text += "\n\n" + "\n".join(report.warnings)
    ctx.journal_changed.emit(None)
    ctx.saved("Imported")
    _tell(parent, "Import finished", text)
    return True


def export_csv_dialog(parent: QWidget, ctx: AppContext, path: str | None = None,
                      delimiter: str = ",") -> bool:
    """Ask for a file name and write the journal there as CSV; returns True when written.

    The dialog's file type chooses the separator: comma (the default) or semicolon with
    decimal commas (``EXPORT_FILTERS``); ``delimiter`` is used when ``path`` is given.
    """
    if path is None:
        suggested = str(ctx.data_dir.parent / "rehabjournal-export.csv")
        path, chosen = QFileDialog.getSaveFileName(
            parent, "Export CSV", suggested, ";;".join(EXPORT_FILTERS), COMMA_FILTER)
        if not path:
            return False
        delimiter = EXPORT_FILTERS.get(chosen, ",")
    try:
        rows = transfer.export_journal_csv(path, delimiter=delimiter)
    except StorageError as exc:
        _tell(parent, "Export failed", failure_message(exc), warning=True)
        return False
    ctx.status.emit(f"Exported {rows} rows to {path}")
    return True
