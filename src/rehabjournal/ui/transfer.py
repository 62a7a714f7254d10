"""File > Import CSV... and File > Export CSV...: dialogs over services.transfer.

What fails comes back as the error family: an ``ImportFileError`` lists the lines to fix
where the person looks (the message box), a ``StorageError`` says which file or the
journal could not be read or written; either way nothing was changed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..errors import ImportFileError, StorageError
from ..services import transfer
from ..services.files import failure_message
from .context import AppContext

translate = QCoreApplication.translate

CSV_FILTER = QT_TRANSLATE_NOOP("transfer", "CSV files (*.csv *.tsv *.txt);;All files (*)")
COMMA_FILTER = QT_TRANSLATE_NOOP("transfer", "CSV, comma-separated (*.csv)")
SEMICOLON_FILTER = QT_TRANSLATE_NOOP("transfer", "CSV, semicolon-separated with decimal commas "
                                     "(Excel in German, French ... settings) (*.csv)")
EXPORT_FILTERS = {COMMA_FILTER: ",", SEMICOLON_FILTER: ";"}
"""The Export CSV dialog's file types (English; shown translated) -> the separator written
(docs/csv-format.md)."""


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
        path, _filter = QFileDialog.getOpenFileName(
            parent, translate("transfer", "Import CSV"), "", translate("transfer", CSV_FILTER))
        if not path:
            return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = transfer.import_journal_csv(path)
    except ImportFileError as exc:
        QApplication.restoreOverrideCursor()
        box = QMessageBox(QMessageBox.Icon.Warning,
                          translate("transfer", "Nothing was imported"),
                          translate("transfer", "{path} has problems, so nothing was imported. "
                                    "Fix these lines and import it again:").format(path=path),
                          parent=parent)
        box.setObjectName("importProblems")
        box.setInformativeText("\n".join(exc.problems[:8]))
        box.setDetailedText("\n".join(exc.problems))
        _show_box(box)
        return False
    except StorageError as exc:
        QApplication.restoreOverrideCursor()
        _tell(parent, translate("transfer", "Import failed"), exc.message, warning=True)
        return False
    QApplication.restoreOverrideCursor()
    text = transfer.summary(report) + "."
    if report.backup:
        text += "\n\n" + translate(
            "transfer", "A copy of the journal as it was before was saved to {path}."
        ).format(path=report.backup)
    if report.warnings:
        text += "\n\n" + "\n".join(report.warnings)
    ctx.journal_changed.emit(None)
    ctx.saved(translate("transfer", "Imported"))
    _tell(parent, translate("transfer", "Import finished"), text)
    return True


def export_csv_dialog(parent: QWidget, ctx: AppContext, path: str | None = None,
                      delimiter: str = ",") -> bool:
    """Ask for a file name and write the journal there as CSV; returns True when written.

    The dialog's file type chooses the separator: comma (the default) or semicolon with
    decimal commas (``EXPORT_FILTERS``); ``delimiter`` is used when ``path`` is given.
    """
    if path is None:
        suggested = str(ctx.data_dir.parent / "rehabjournal-export.csv")
        shown = {translate("transfer", text): sep for text, sep in EXPORT_FILTERS.items()}
        path, chosen = QFileDialog.getSaveFileName(
            parent, translate("transfer", "Export CSV"), suggested, ";;".join(shown),
            translate("transfer", COMMA_FILTER))
        if not path:
            return False
        delimiter = shown.get(chosen, EXPORT_FILTERS.get(chosen, ","))
    try:
        rows = transfer.export_journal_csv(path, delimiter=delimiter)
    except StorageError as exc:
        _tell(parent, translate("transfer", "Export failed"), failure_message(exc), warning=True)
        return False
    ctx.status.emit(translate("transfer", "Exported {n} rows to {path}").format(n=rows, path=path))
    return True
