"""File > Import CSV... and File > Export CSV...: dialogs over services.transfer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..services import transfer
from .context import AppContext

CSV_FILTER = "CSV files (*.csv);;All files (*)"


def import_csv_dialog(parent: QWidget, ctx: AppContext, path: str | None = None) -> bool:
    """Ask for a CSV file and import it all or nothing; returns True when it imported."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, "Import CSV", "", CSV_FILTER)
        if not path:
            return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = transfer.import_journal_csv(path)
    except transfer.CsvImportError as exc:
        QApplication.restoreOverrideCursor()
        box = QMessageBox(QMessageBox.Icon.Warning, "Nothing was imported",
                          f"{path} has problems, so nothing was imported. Fix these lines "
                          "and import it again:", parent=parent)
        box.setObjectName("importProblems")
        box.setInformativeText("\n".join(exc.problems[:8]))
        box.setDetailedText("\n".join(exc.problems))
        box.exec()
        return False
    except OSError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, "Import failed", f"Cannot read {path}: {exc}")
        return False
    QApplication.restoreOverrideCursor()
    text = transfer.summary(report) + "."
    if report.backup:
        text += f"\n\nA copy of the journal as it was before was saved to {report.backup}."
    if report.warnings:
        text += "\n\n" + "\n".join(report.warnings)
    ctx.journal_changed.emit(None)
    ctx.saved("Imported")
    QMessageBox.information(parent, "Import finished", text)
    return True


def export_csv_dialog(parent: QWidget, ctx: AppContext, path: str | None = None) -> bool:
    if path is None:
        suggested = str(ctx.data_dir.parent / "rehabjournal-export.csv")
        path, _ = QFileDialog.getSaveFileName(parent, "Export CSV", suggested, CSV_FILTER)
        if not path:
            return False
    try:
        rows = transfer.export_journal_csv(path)
    except OSError as exc:
        QMessageBox.warning(parent, "Export failed",
                            f"Cannot write {path}: {exc.strerror or exc}. Nothing was written.")
        return False
    ctx.status.emit(f"Exported {rows} rows to {path}")
    return True
