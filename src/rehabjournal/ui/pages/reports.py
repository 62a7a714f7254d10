"""Reports page: options, a preview of the real PDF pages, Save As, Print, Open.

The PDF is built in a worker thread (``ui.report_worker``) into a private temporary
folder; the preview shows images of the very pages that are saved or printed. Printing
goes through the system print dialog and paints each rendered page at the printer's
resolution.
"""

from __future__ import annotations

import contextlib
import shutil
import weakref
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QRectF,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QPageSize, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...errors import RehabJournalError, StorageError, ValidationError
from ...reports import DEFAULT_SECTIONS, DISCLAIMER, PAPERS, SECTIONS, paper_for_locale
from ...services import files, tempdirs
from ...services import questions as qs
from .. import i18n as ui_i18n
from ..context import AppContext
from ..report_worker import ReportJob, ReportRequest, ReportResult, render_pages
from ..widgets import ui_locale

translate = QCoreApplication.translate

SECTION_TIPS = {
    "patterns": QT_TRANSLATE_NOOP(
        "ReportsPage", "What often came before flares, 1 to 3 days before, with the counts "
        "and the statistics: associations, not causes. Over the report's period, or the 12 "
        "weeks to its last day when it is shorter. Off unless you tick it."),
}
QUESTIONS_SHOWN = 8
"""Open questions listed at most: as many as page one of the PDF prints
(``reports.flowables.QUESTIONS_ON_PAGE_ONE``, not imported: start-up never loads
reportlab); the PDF prints the rest at the end."""


def _shorten(text: str, most: int = 80) -> str:
    """One line of a question for the narrow options column."""
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[:most - 1].rstrip() + "\u2026"


PRESETS = ((QT_TRANSLATE_NOOP("ReportsPage", "Last 4 weeks"), 4),
           (QT_TRANSLATE_NOOP("ReportsPage", "Last 6 weeks"), 6),
           (QT_TRANSLATE_NOOP("ReportsPage", "Last 12 weeks"), 12),
           (QT_TRANSLATE_NOOP("ReportsPage", "Whole journal"), 0),
           (QT_TRANSLATE_NOOP("ReportsPage", "Custom"), -1))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class PagePreview(QScrollArea):
    """The rendered pages, one under the other, scaled to the width of the view."""

    def __init__(self):
        super().__init__()
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Report preview"))
        self._images = []
        self._body = QWidget()
        self._body.setObjectName("previewBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setSpacing(12)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.placeholder = QLabel(self.tr(
            "Choose the period and options, then press <b>Make report</b>.<br>"
            "The pages appear here exactly as they will be saved or printed."
        ))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._layout.addWidget(self.placeholder)
        self.setWidget(self._body)
        self.labels: list[QLabel] = []

    def set_images(self, images) -> None:
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        self._images = list(images)
        self.placeholder.setVisible(not self._images)
        for i, _image in enumerate(self._images):
            label = QLabel()
            label.setAccessibleName(self.tr("Page {page} of {pages}").format(
                page=i + 1, pages=len(self._images)))
            label.setStyleSheet("background: white; border: 1px solid #9aa5b1;")
            self._layout.addWidget(label)
            self.labels.append(label)
        self._rescale()

    def _rescale(self) -> None:
        width = max(200, self.viewport().width() - 40)
        for label, image in zip(self.labels, self._images, strict=True):
            pix = QPixmap.fromImage(image)
            target = min(width, image.width())
            label.setPixmap(pix.scaledToWidth(target, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.labels:
            self._rescale()


class ReportsPage(QWidget):
    """Options on the left; preview and actions on the right.

    Signals:
        report_ready(object): a ``ReportResult`` after each successful build.
        report_failed(str): the message after a failed build.
    """

    report_ready = Signal(object)
    report_failed = Signal(str)

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.result: ReportResult | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._jobs: list[ReportJob] = []
        # The built PDFs (full health reports): a private folder named after this process,
        # removed with the page, or at exit (no warning when left to GC); after a crash the
        # next start removes it (services.tempdirs.sweep).
        self._tmpdir = str(tempdirs.make("report"))
        weakref.finalize(self, shutil.rmtree, self._tmpdir, ignore_errors=True)
        self._counter = 0
        self._stale = False
        self._period_set = False

        # ---- options ----------------------------------------------------------------
        self.preset = QComboBox()
        for text, _weeks in PRESETS:
            self.preset.addItem(translate("ReportsPage", text))
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setLocale(ui_locale())  # month names in the UI's language
            edit.setDisplayFormat(ui_i18n.date_pattern("date"))
        self.date_from.setAccessibleName(self.tr("Report from"))
        self.date_to.setAccessibleName(self.tr("Report to"))
        self.period_error = QLabel()
        self.period_error.setObjectName("periodError")
        self.period_error.setStyleSheet("color: #b00020;")
        self.period_error.setWordWrap(True)
        self.period_error.hide()

        self.paper = QComboBox()
        self.paper.addItems(list(PAPERS))
        # the computer's region (Letter in the US), not the language's QLocale default
        self.paper.setCurrentText(paper_for_locale(QLocale.system().name()))
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        self.language.addItem(self.tr("Same as the window ({language})").format(
            language=i18n.NATIVE_NAMES[i18n.current()]), None)
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.NATIVE_NAMES[code], code)
        self.language.setToolTip(self.tr("The language of the PDF: a physiotherapist may read "
                                         "another language than yours."))
        self.anonymise = QCheckBox(self.tr("Anonymise (initials only)"))
        self.anonymise.setToolTip(self.tr("Show the patient's initials instead of the name "
                                          "and leave out the clinician's name."))

        form = QFormLayout()
        # a label longer than its column (French, German) goes above its field
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.options_form = form
        form.addRow(self.tr("Period"), self.preset)
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        form.addRow(self.period_error)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Report language"), self.language)
        form.addRow(self.anonymise)

        sections_box = QGroupBox(self.tr("Sections"))
        sections_layout = QVBoxLayout(sections_box)
        always = QCheckBox(self.tr("Page one: what changed"))
        always.setChecked(True)
        always.setEnabled(False)
        sections_layout.addWidget(always)
        self.section_checks: dict[str, QCheckBox] = {}
        for key, label in SECTIONS.items():
            box = QCheckBox(i18n._(label))
            box.setChecked(key in DEFAULT_SECTIONS)
            box.setObjectName(f"section_{key}")
            tip = SECTION_TIPS.get(key)
            box.setToolTip(translate("ReportsPage", tip) if tip else "")
            sections_layout.addWidget(box)
            self.section_checks[key] = box

        self.make_button = QPushButton(self.tr("Make report"))
        self.make_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        disclaimer = QLabel(f"<i>{i18n._(DISCLAIMER)}</i> " + self.tr(
            "The report is printed on every page with the patient's initials and page "
            "numbers."))
        disclaimer.setWordWrap(True)

        options = QVBoxLayout()
        title = QLabel("<h2>" + self.tr("Clinician report") + "</h2>")
        options.addWidget(title)
        options.addLayout(form)
        options.addWidget(sections_box)
        options.addWidget(self._build_questions())
        options.addWidget(self.make_button)
        options.addWidget(self.progress)
        options.addWidget(self.status)
        options.addStretch(1)
        options.addWidget(disclaimer)
        left = QWidget()
        left.setObjectName("reportOptions")
        left.setLayout(options)
        margins = options.contentsMargins()  # wide enough for every section's whole name
        width = max(300, sections_box.sizeHint().width() + margins.left() + margins.right())
        left.setFixedWidth(width)
        # on a short screen (1024x600) the options scroll instead of squashing the Sections
        # check boxes onto each other: the scroll area keeps their size hints
        self.options_scroll = QScrollArea()
        self.options_scroll.setObjectName("reportOptionsScroll")
        self.options_scroll.setAccessibleName(self.tr("Report options"))
        self.options_scroll.setWidget(left)
        self.options_scroll.setWidgetResizable(True)
        self.options_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.options_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.options_scroll.setFixedWidth(
            width + self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent))

        # ---- preview and actions ----------------------------------------------------
        self.preview = PagePreview()
        self.save_button = QPushButton(self.tr("Save As…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.open_button = QPushButton(self.tr("Open in viewer"))
        self.pages_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.pages_label, 1)
        for b in (self.save_button, self.print_button, self.open_button):
            actions.addWidget(b)
        right = QVBoxLayout()
        right.addLayout(actions)
        right.addWidget(self.preview, 1)
        right_w = QWidget()
        right_w.setLayout(right)
        right_w.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        layout = QHBoxLayout(self)
        layout.addWidget(self.options_scroll)
        layout.addWidget(right_w, 1)

        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.make_button.clicked.connect(self.make_report)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_report)
        self.open_button.clicked.connect(self.open_in_viewer)
        ctx.journal_changed.connect(self._journal_changed)
        ctx.journal_changed.connect(self.refresh_questions)
        ctx.day_changed.connect(self._new_day)
        self._set_actions_enabled(False)
        self.refresh_questions()

    # ---- the patient's questions (page one of the report) ------------------------------

    def _build_questions(self) -> QGroupBox:
        """"Questions on page one": the open questions of Today's list, as the PDF prints
        them, so what the clinician will read is seen before making the report."""
        box = QGroupBox(self.tr("Questions on page one"))
        layout = QVBoxLayout(box)
        self.questions_label = QLabel()
        self.questions_label.setObjectName("reportQuestions")
        self.questions_label.setWordWrap(True)
        self.questions_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.questions_label)
        return box

    def refresh_questions(self, _day=None) -> None:
        """List the open questions again (after any change to the journal)."""
        texts = qs.open_questions()
        shown = [f"\u2610 {_shorten(t)}" for t in texts[:QUESTIONS_SHOWN]]
        if len(texts) > QUESTIONS_SHOWN:
            shown.append(self.tr("\u2026 and {n} more, printed at the end").format(
                n=len(texts) - QUESTIONS_SHOWN))
        if not texts:
            shown = [self.tr("No open questions. Add them under \u201cQuestions for your "
                             "physio\u201d on Today; tick \u201cAsked\u201d there once asked.")]
        self.questions_label.setText("\n".join(shown))

    # ---- period -------------------------------------------------------------------------

    def activated(self) -> None:
        if not self._period_set:
            self._period_set = True
            self._apply_preset(self.preset.currentIndex())

    def _journal_span(self) -> tuple[date, date] | None:
        from ...services.report import journal_span

        return journal_span()

    def _apply_preset(self, index: int) -> None:
        weeks = PRESETS[index][1]
        if weeks < 0:
            return
        today = self.ctx.today()
        span = self._journal_span()
        end = min(span[1], today) if span else today
        if weeks == 0:
            start = span[0] if span else end - timedelta(days=27)
        else:
            start = end - timedelta(days=weeks * 7 - 1)
        self.set_period(start, end, keep_preset=True)

    def set_period(self, start: date, end: date, *, keep_preset: bool = False) -> None:
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(value))
            edit.blockSignals(False)
        self._period_set = True
        if not keep_preset:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(len(PRESETS) - 1)
            self.preset.blockSignals(False)
        self._validate_period()

    def period(self) -> tuple[date, date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(PRESETS) - 1)
        self.preset.blockSignals(False)
        self._validate_period()

    def _validate_period(self) -> bool:
        start, end = self.period()
        ok = end >= start
        self._show_period_error("" if ok else self.tr(
            "The period ends before it starts: choose a 'To' date on or after the 'From' "
            "date."))
        self.make_button.setEnabled(ok and not self.busy())
        return ok

    def _show_period_error(self, text: str) -> None:
        """The message under the dates ("" hides it)."""
        self.period_error.setText(text)
        self.period_error.setVisible(bool(text))

    def sections(self) -> frozenset[str]:
        return frozenset(k for k, box in self.section_checks.items() if box.isChecked())

    # ---- building -----------------------------------------------------------------------

    def busy(self) -> bool:
        return bool(self._jobs)

    def make_report(self) -> None:
        """Start building the PDF in the background (the window stays responsive)."""
        if self.busy() or not self._validate_period():
            return
        start, end = self.period()
        self._counter += 1
        out = Path(self._tmpdir) / f"report-{self._counter}.pdf"
        request = ReportRequest(
            start=start, end=end, out_path=out, anonymise=self.anonymise.isChecked(),
            paper=self.paper.currentText(), sections=self.sections(), made=self.ctx.today(),
            lang=self.language.currentData(),
            preview_dpi=110 * max(1.0, self.devicePixelRatioF()),
        )
        job = ReportJob(request)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._jobs.append(job)
        self.make_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Making the report…"))
        self.pool.start(job)

    def _job_done(self) -> None:
        self._jobs.clear()
        self.progress.hide()
        self._validate_period()

    def _on_progress(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(f"{message}…" if percent < 100 else message)

    def _on_finished(self, result: ReportResult) -> None:
        old = self.result
        self.result = result
        self._stale = False
        self._job_done()
        self.preview.set_images(result.images)
        n = result.pages
        self.pages_label.setText(i18n.ngettext("{n} page, {paper}", "{n} pages, {paper}", n)
                                 .format(n=n, paper=result.request.paper))
        if result.empty:
            self.status.setText(self.tr("No entries in this period: the report says so. "
                                        "Choose another period."))
        else:
            self.status.setText(i18n.ngettext("Report ready: {n} page.",
                                              "Report ready: {n} pages.", n).format(n=n))
        self._set_actions_enabled(True)
        if old is not None and old.path != result.path:
            with contextlib.suppress(OSError):
                old.path.unlink()
        self.report_ready.emit(result)

    def _on_failed(self, error: RehabJournalError) -> None:
        """A failed build: a refused period is said under the dates, everything (a journal
        or file that could not be read or written too) in the status line."""
        message = error.message
        self._job_done()
        if isinstance(error, ValidationError):
            self._show_period_error(message)
        self.status.setText(
            self.tr("The report could not be made: {message}").format(message=message))
        self.report_failed.emit(message)

    def _new_day(self, _new=None, _old=None) -> None:
        """At midnight a preset period ("Last 4 weeks") moves on with today; dates typed by
        hand ("Custom") stay."""
        self._apply_preset(self.preset.currentIndex())
        self._journal_changed()

    def _journal_changed(self, _day=None) -> None:
        if self.result is not None and not self._stale:
            self._stale = True
            self.status.setText(self.tr("The journal changed since this preview: press Make "
                                        "report to update it."))

    def _set_actions_enabled(self, on: bool) -> None:
        for b in (self.save_button, self.print_button, self.open_button):
            b.setEnabled(on)

    # ---- actions ------------------------------------------------------------------------

    def suggested_name(self) -> str:
        if self.result is None:
            return "rehab-report.pdf"
        return f"rehab-report-{self.result.start.isoformat()}-to-{self.result.end.isoformat()}.pdf"

    def save_as(self) -> None:
        if self.result is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / self.suggested_name()),
            "PDF (*.pdf)"
        )
        if not path:
            return
        try:
            self.save_to(Path(path))
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Report not saved"), exc.message)
            return
        self.ctx.status.emit(self.tr("Report saved to {path}").format(path=path))

    def save_to(self, path: Path) -> Path:
        """Copy the built PDF to ``path`` atomically (``save_pdf_copy``).

        Raises:
            StorageError: "Could not save PATH: reason."; nothing was left at ``path``.
        """
        if self.result is None:
            raise RuntimeError("no report has been made yet")
        return save_pdf_copy(self.result.path, path)

    def print_report(self) -> None:
        if self.result is not None:
            ask_and_print(self, self.result.path, self.result.pages, self.result.request.paper,
                          self.suggested_name())

    def print_to(self, printer) -> int:
        """Paint the report's pages onto ``printer`` at its resolution; returns pages sent."""
        if self.result is None:
            return 0
        return paint_pdf(self, self.result.path, self.result.pages, printer)

    def open_in_viewer(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))

    # ---- lifetime -----------------------------------------------------------------------

    def flush(self) -> None:
        """Called when the window closes: let a running build finish."""
        self.pool.waitForDone(60_000)

    def closeEvent(self, event) -> None:
        self.flush()
        super().closeEvent(event)


def create(ctx: AppContext) -> ReportsPage:
    return ReportsPage(ctx)


# ---- saving and printing a built PDF (the report and the programme sheet) -------------------

def save_pdf_copy(source: Path, path: Path) -> Path:
    """Copy the PDF ``source`` to ``path`` (".pdf" added when missing) with the safe write
    (``services.files.copy_file``: a 0600 temp file in the same folder, fsync, rename);
    nothing is left at ``path`` on failure (an older file is kept).

    Raises:
        StorageError: "Could not save PATH: reason." (a missing folder, no permission);
            "Cannot save PATH: it is a folder; give a file name." (or a device, a pipe, a
            dangling link); "No space left on device in FOLDER: the PDF needs about N MB;
            free some space and try again. Nothing was changed."
    """
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        return files.copy_file(source, path, what=i18n.N_("the PDF"))
    except StorageError as exc:
        cause = exc.__cause__
        if isinstance(cause, OSError) and not files.is_no_space(exc):
            raise StorageError(_could_not_save(path, cause.strerror or cause),
                               where=str(path)) from cause
        raise
    except OSError as exc:  # the built PDF went missing
        raise StorageError(_could_not_save(path, exc.strerror or exc), where=str(path)) from exc


def _could_not_save(path: Path, reason) -> str:
    return translate("ReportsPage", "Could not save {path}: {reason}.").format(
        path=path, reason=reason)


def ask_and_print(parent: QWidget, source: Path, pages: int, paper: str, name: str) -> None:
    """The system print dialog for the PDF ``source`` (its paper, all pages), then print."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    size = QPageSize.PageSizeId.Letter if paper == "Letter" else QPageSize.PageSizeId.A4
    printer.setPageSize(QPageSize(size))
    printer.setFullPage(True)  # the PDF pages carry their own margins
    printer.setFromTo(1, pages)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, pages)
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        paint_pdf(parent, source, pages, printer)


def paint_pdf(parent: QWidget, source: Path, pages: int, printer) -> int:
    """Paint the chosen pages of the PDF ``source`` onto ``printer`` at its resolution
    (at most 600 dpi), each centred and scaled to the paper; returns the pages sent."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        first, last = 1, pages
    last = min(last, pages)
    dpi = min(printer.resolution(), 600)
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(parent, translate("ReportsPage", "Not printed"),
                            translate("ReportsPage", "The printer could not be started."))
        return 0
    sent = 0
    try:
        for number in range(first, last + 1):
            if sent:
                printer.newPage()
            image = render_pages(source, dpi, range(number - 1, number))[0]
            page = (printer.paperRect if printer.fullPage() else printer.pageRect)(
                printer.Unit.DevicePixel)
            scale = min(page.width() / image.width(), page.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            target = QRectF((page.width() - w) / 2, (page.height() - h) / 2, w, h)
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent
