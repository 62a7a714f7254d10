"""Building the clinician PDF off the GUI thread, and rendering its pages to images.

``ReportJob`` (a ``QRunnable``) reads the journal, builds the PDF and renders preview
images in a worker thread; it never touches a widget and reports back only through the
signals of its ``ReportSignals``. reportlab and matplotlib are imported by the job, so the
first report is what loads them, never start-up.

Pages are rendered with pypdfium2: PySide6-Essentials has no QtPdf module (it is in
PySide6-Addons, a much larger download), and pypdfium2 is a small wheel with PDFium inside.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal
from PySide6.QtGui import QImage

from .. import i18n
from ..errors import RehabJournalError

log = logging.getLogger(__name__)

PREVIEW_DPI = 110

_pdfium_lock = threading.Lock()  # PDFium is not thread-safe: one caller at a time


def page_count(pdf_path: str | Path) -> int:
    import pypdfium2 as pdfium

    with _pdfium_lock:
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            return len(pdf)
        finally:
            pdf.close()


def render_pages(
    pdf_path: str | Path, dpi: float = PREVIEW_DPI, pages: range | None = None
) -> list[QImage]:
    """Render PDF pages to ``QImage``s at ``dpi`` (white background, ARGB32).

    Safe to call from any thread (QImage is not a widget).

    Args:
        pages: 0-based page numbers; all pages when None.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    images: list[QImage] = []
    with _pdfium_lock:
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            for i in pages if pages is not None else range(len(pdf)):
                page = pdf[i]
                bitmap = page.render(
                    scale=dpi / 72.0, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA,
                    fill_color=(255, 255, 255, 255),
                )
                image = QImage(
                    bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                    QImage.Format.Format_ARGB32,
                ).copy()  # own the pixels: the bitmap's buffer goes away
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
                images.append(image)
                bitmap.close()
                page.close()
        finally:
            pdf.close()
    return images


@dataclass(frozen=True)
class ReportRequest:
    """What to build: the period, the options, and where to write the PDF."""

    start: date | None
    end: date | None
    out_path: Path
    anonymise: bool = False
    paper: str = "A4"
    sections: frozenset[str] | None = None
    preview_dpi: float = PREVIEW_DPI
    made: date | None = None
    #: the PDF's language ("en", "fr", "de"); None: the window's
    lang: str | None = None


@dataclass
class ReportResult:
    request: ReportRequest
    path: Path
    pages: int
    start: date
    end: date
    empty: bool
    images: list[QImage] = field(default_factory=list)


class ReportSignals(QObject):
    """progress(percent, message); finished(ReportResult); failed(error).

    ``failed`` carries a ``RehabJournalError``: a ``ValidationError`` about the period, a
    ``StorageError`` when the journal or the PDF could not be read or written, or a plain
    ``RehabJournalError`` with the message of an unexpected failure.
    """

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)


class ReportJob(QRunnable):
    """Build one report in a worker thread; results come back by signal."""

    def __init__(self, request: ReportRequest):
        super().__init__()
        self.request = request
        self.signals = ReportSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        req = self.request
        emit = self.signals.progress.emit
        try:
            from ..reports.builder import build_pdf
            from ..services.report import build_report_data_in_worker

            emit(5, QCoreApplication.translate("ReportJob", "Reading the journal"))
            window_lang = i18n.current()  # this thread's default: the window's language
            with i18n.using(req.lang):  # the report's words, dates and numbers
                data = build_report_data_in_worker(
                    req.start, req.end, anonymise=req.anonymise, made=req.made,
                    patterns=req.sections is not None and "patterns" in req.sections)
                pages = build_pdf(data, req.out_path, paper=req.paper, sections=req.sections,
                                  progress=lambda p, msg: emit(min(p, 90), msg),
                                  progress_lang=window_lang)
            emit(92, QCoreApplication.translate("ReportJob", "Rendering the preview"))
            images = render_pages(req.out_path, req.preview_dpi)
        except RehabJournalError as exc:
            self.signals.failed.emit(exc)
            return
        except Exception as exc:  # reported to the user, never raised in a thread
            log.exception("the report could not be made")
            self.signals.failed.emit(RehabJournalError(str(exc) or exc.__class__.__name__))
            return
        emit(100, QCoreApplication.translate("ReportJob", "Done"))
        self.signals.finished.emit(ReportResult(
            request=req, path=Path(req.out_path), pages=pages, start=data.start,
            end=data.end, empty=data.empty, images=images,
        ))
