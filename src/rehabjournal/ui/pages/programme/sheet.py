"""The programme sheet from the Programmes tab: a preview of the real pages, Print, Save.

``ProgrammeSheetAction`` is the "Programme sheet..." button (and Ctrl+P while the
Programmes tab is shown) for the chosen programme. It opens ``ProgrammeSheetDialog``: the
sheet's data is read on the GUI thread (``services.programme_sheet.sheet_data``, a few
quick queries), the PDF is laid out and its pages rendered in a worker thread
(``SheetJob``), as the Reports page does (``ui/report_worker.py``). reportlab is imported
by the job, never at start-up. Printing and saving are the Reports page's: the rendered
pages are painted at the printer's resolution; Save copies the built PDF atomically.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .... import i18n
from ....errors import RehabJournalError, StorageError
from ....reports import DISCLAIMER, paper_for_locale
from ...context import AppContext
from ...report_worker import PREVIEW_DPI, ReportSignals, render_pages
from ...widgets import ERROR_COLOUR
from ..reports import PagePreview, ask_and_print, paint_pdf, save_pdf_copy

SHORTCUT = "Ctrl+P"


@dataclass
class SheetResult:
    """A built sheet: its PDF, pages, paper and the rendered preview images."""

    path: Path
    pages: int
    paper: str
    name: str
    images: list = field(default_factory=list)


class SheetJob(QRunnable):
    """Lay out a ``SheetData`` as a PDF at ``out`` and render its pages, in a worker
    thread; results come back by the signals of its ``ReportSignals``."""

    def __init__(self, data, out: Path, paper: str, dpi: float = PREVIEW_DPI):
        super().__init__()
        self.data, self.out, self.paper, self.dpi = data, out, paper, dpi
        self.signals = ReportSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        emit = self.signals.progress.emit
        try:
            from ....reports.programme_sheet import write_sheet

            emit(10, QCoreApplication.translate("SheetJob", "Laying out the sheet"))
            pages = write_sheet(self.data, self.out, paper=self.paper)
            emit(80, QCoreApplication.translate("SheetJob", "Rendering the preview"))
            images = render_pages(self.out, self.dpi)
        except RehabJournalError as exc:
            self.signals.failed.emit(exc)
            return
        except Exception as exc:  # reported to the user, never raised in a thread
            self.signals.failed.emit(RehabJournalError(str(exc) or exc.__class__.__name__))
            return
        emit(100, QCoreApplication.translate("SheetJob", "Done"))
        self.signals.finished.emit(SheetResult(self.out, pages, self.paper, self.data.name,
                                               images))


class ProgrammeSheetDialog(QDialog):
    """The preview with Print and Save as PDF.

    Signals:
        ready(object): a ``SheetResult`` after each successful build.
        failed(str): the message of a failed build.
    """

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Programme sheet"))
        self.setObjectName("programmeSheetDialog")
        self.result: SheetResult | None = None
        self.programme_id: int | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._jobs: list[SheetJob] = []
        self._tmpdir = tempfile.mkdtemp(prefix="rehabjournal-sheet-")
        weakref.finalize(self, shutil.rmtree, self._tmpdir, ignore_errors=True)
        self._counter = 0
        self.paper = paper_for_locale(QLocale.system().name())

        self.preview = PagePreview()
        self.preview.setAccessibleName(self.tr("Programme sheet preview"))
        self.preview.placeholder.setText(self.tr("Making the programme sheet…"))
        self.status = QLabel()
        self.status.setObjectName("sheetStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        note = QLabel(f"<i>{i18n._(DISCLAIMER)}</i> " + self.tr(
            "A handout to follow at home: each exercise with its dose, how often, what to "
            "watch for and the pain rule, and a box to tick for each session."))
        note.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        for b in (self.print_button, self.save_button, self.close_button):
            actions.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.preview, 1)
        layout.addWidget(note)
        self.resize(820, 900)

        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.close)
        self._set_actions_enabled(False)

    # ---- building -----------------------------------------------------------------------

    def busy(self) -> bool:
        return bool(self._jobs)

    def make(self, programme_id: int | None) -> bool:
        """Read the programme and start building its sheet in the background.

        Returns:
            False when the programme cannot be read (the message is shown), else True.
        """
        from ....services.programme_sheet import sheet_data

        if self.busy():
            return True
        self.programme_id = programme_id
        try:
            data = sheet_data(programme_id, made=self.ctx.today())
        except RehabJournalError as exc:
            self._show_failure(exc.message)
            return False
        self._counter += 1
        out = Path(self._tmpdir) / f"programme-sheet-{self._counter}.pdf"
        job = SheetJob(data, out, self.paper, PREVIEW_DPI * max(1.0, self.devicePixelRatioF()))
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._jobs.append(job)
        self._set_actions_enabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Making the programme sheet…"))
        self.pool.start(job)
        return True

    def _on_progress(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)

    def _on_finished(self, result: SheetResult) -> None:
        self._jobs.clear()
        self.progress.hide()
        old, self.result = self.result, result
        self.preview.set_images(result.images)
        self.status.setText(i18n.ngettext("{name}: {n} page, {paper}.",
                                          "{name}: {n} pages, {paper}.", result.pages).format(
            name=i18n.library_text(result.name), n=result.pages, paper=result.paper))
        self._set_actions_enabled(True)
        if old is not None and old.path != result.path:
            old.path.unlink(missing_ok=True)
        self.ready.emit(result)

    def _on_failed(self, error: RehabJournalError) -> None:
        self._jobs.clear()
        self.progress.hide()
        self._show_failure(error.message)

    def _show_failure(self, message: str) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.status.setText(
            self.tr("The programme sheet could not be made: {message}").format(message=message))
        self.failed.emit(message)

    def _set_actions_enabled(self, on: bool) -> None:
        for b in (self.print_button, self.save_button):
            b.setEnabled(on)

    # ---- actions ------------------------------------------------------------------------

    def suggested_name(self) -> str:
        name = self.result.name if self.result else "programme"
        safe = "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()
        return f"{safe or 'programme'}-sheet.pdf"

    def save_as(self) -> None:
        if self.result is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the programme sheet"), str(Path.home() / self.suggested_name()),
            "PDF (*.pdf)")
        if not path:
            return
        try:
            saved = self.save_to(Path(path))
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Programme sheet not saved"), exc.message)
            return
        self.status.setText(self.tr("Saved to {path}.").format(path=saved))
        self.ctx.status.emit(self.tr("Programme sheet saved to {path}").format(path=saved))

    def save_to(self, path: Path) -> Path:
        """Copy the built PDF to ``path`` (".pdf" added when missing), atomically.

        Raises:
            StorageError: "Could not save PATH: reason."; nothing was left at ``path``.
        """
        if self.result is None:
            raise RuntimeError("no programme sheet has been made yet")
        return save_pdf_copy(self.result.path, path)

    def print_sheet(self) -> None:
        if self.result is not None:
            ask_and_print(self, self.result.path, self.result.pages, self.result.paper,
                          self.suggested_name())

    def print_to(self, printer) -> int:
        """Paint the sheet's pages onto ``printer``; returns the pages sent."""
        if self.result is None:
            return 0
        return paint_pdf(self, self.result.path, self.result.pages, printer)

    # ---- lifetime -----------------------------------------------------------------------

    def flush(self) -> None:
        """Let a running build finish (the window is closing)."""
        self.pool.waitForDone(60_000)

    def closeEvent(self, event) -> None:
        self.flush()
        super().closeEvent(event)


class ProgrammeSheetAction:
    """The "Programme sheet..." button and its Ctrl+P shortcut on the Programmes tab.

    Args:
        tab: the Programmes tab; its ``current_programme_id()`` is the sheet's programme.
    """

    def __init__(self, ctx: AppContext, tab: QWidget):
        self.ctx, self.tab = ctx, tab
        self.dialog: ProgrammeSheetDialog | None = None
        self.button = QPushButton(QCoreApplication.translate(
            "ProgrammeSheetAction", "Programme &sheet..."))
        self.button.setObjectName("programmeSheetButton")
        self.button.setToolTip(QCoreApplication.translate(
            "ProgrammeSheetAction", "A printable handout of this programme to follow at home, "
            "with boxes to tick ({keys})").format(
                keys=QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)))
        self.button.clicked.connect(self.open)
        self.action = QAction(QCoreApplication.translate(
            "ProgrammeSheetAction", "Programme sheet..."), tab)
        self.action.setObjectName("action_programme_sheet")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        # only while the tab is shown: an action fires only when a widget of it is visible
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        tab.addAction(self.action)

    def open(self) -> ProgrammeSheetDialog | None:
        """Show the sheet of the chosen programme (a preview, then Print or Save)."""
        programme_id = self.tab.current_programme_id()
        if programme_id is None:
            return None
        if self.dialog is None:
            self.dialog = ProgrammeSheetDialog(self.ctx, self.tab.window())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.make(programme_id)
        return self.dialog
