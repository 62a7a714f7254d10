"""Builds the clinician PDF: the story from the flowable builders, footers, atomic write.

``build_pdf(data, out_path)`` writes to a temporary file in the target folder and moves it
into place with ``os.replace`` only when the whole document is built, so a failed build
never leaves a partial PDF behind. Every page carries "page x of y", the disclaimer and the
patient's initials (a two-pass canvas counts the pages before drawing the footers).

Charts come from the shared ``charts`` package as 300 dpi PNG images (see docs/report.md
for why not SVG); matplotlib is imported only here, when a report is built.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from .. import __version__
from ..services.report import ReportData
from . import DEFAULT_SECTIONS, DISCLAIMER, SECTIONS, normalise_paper
from . import flowables as fl
from . import styles as st

log = logging.getLogger(__name__)

Progress = Callable[[int, str], None]


class ReportWriteError(OSError):
    """The PDF could not be written (the message names the file and says why)."""


def _footer_canvas(data: ReportData, pages_out: list[int]):
    """A canvas class that draws "page x of y" footers once the page count is known."""
    period = f"{fl.fmt_date(data.start)} to {fl.fmt_date(data.end)}"

    class FooterCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = st.FONT  # no stray Helvetica in the PDF
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            pages_out.append(total)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _height = self._pagesize
            y = st.MARGIN - 7 * mm
            self.saveState()
            self.setStrokeColor(st.RULE)
            self.setLineWidth(0.5)
            self.line(st.MARGIN, y + 4 * mm, width - st.MARGIN, y + 4 * mm)
            self.setFillColor(st.MUTED)
            self.setFont(st.FONT, 7.5)
            self.drawString(st.MARGIN, y, DISCLAIMER)
            self.drawCentredString(width / 2, y, f"Patient {data.initials}  ·  {period}")
            self.drawRightString(width - st.MARGIN, y, f"page {self._pageNumber} of {total}")
            self.restoreState()

    return FooterCanvas


# ---- charts ---------------------------------------------------------------------------


def _chart(module: str, func: str, *args):
    """Call ``rehabjournal.charts.<module>.<func>(*args)``; None when charts are missing."""
    import importlib

    try:
        mod = importlib.import_module(f"rehabjournal.charts.{module}")
        fn = getattr(mod, func)
    except (ImportError, AttributeError):
        return None
    return fn(*args)


def _charts(data: ReportData, width: float, notes: list[str]) -> list[Flowable]:
    """The main charts of page one (pain, load, adherence), never split across pages."""
    if data.progress is None:
        notes.append("Charts are not available in this version of rehabjournal.")
        return []
    out: list[Flowable] = []
    figures: list[tuple[str, object]] = []
    for title, module, func, arg in (
        ("Pain: morning, during and after sessions", "pain", "pain_figure", data.progress),
        ("Weekly training load", "load", "load_figure", data.progress),
        ("Programme adherence by week", "adherence", "adherence_figure", data.adherence_weeks),
    ):
        if not arg:
            continue
        try:
            fig = _chart(module, func, arg)
        except Exception:  # a chart must not cost the clinician the whole report
            log.exception("chart %s failed", func)
            notes.append(f"The chart \u201c{title}\u201d could not be drawn.")
            continue
        if fig is None:
            notes.append(f"The chart \u201c{title}\u201d is not available in this version.")
            continue
        figures.append((title, fig))
    for i, (_title, fig) in enumerate(figures):
        # The figures carry their own titles; one heading introduces them.
        out.append(fl.chart_block("Charts" if i == 0 else None, fig, width))
    return out


def _outcomes(data: ReportData, width: float) -> list[Flowable]:
    """The outcome-measure section (scores, meaningful change, chart), or a plain table."""
    if data.outcome_responses:
        try:
            from .outcomes_section import outcomes_flowables
        except ImportError:
            pass
        else:
            return outcomes_flowables(data.outcome_responses, st.stylesheet(), width=width)
    return fl.outcomes_table(data, width)


class _NewPageAfterPageOne(CondPageBreak):
    """Start a new page when still on page one; otherwise just go on."""

    def __init__(self):
        super().__init__(0)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        self.height = availHeight + 1 if self._doctemplateAttr("page") == 1 else 0
        return super().wrap(availWidth, availHeight)


# ---- the story ------------------------------------------------------------------------


def build_story(
    data: ReportData, width: float, sections: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> list[Flowable]:
    """All flowables of the report, page one first."""
    chosen = set(DEFAULT_SECTIONS if sections is None else sections)
    unknown = chosen - set(SECTIONS)
    if unknown:
        raise ValueError(f"Unknown report sections: {', '.join(sorted(unknown))}.")
    s = st.stylesheet()
    story: list[Flowable] = fl.header_block(data, width)
    if data.empty:
        story += fl.empty_notice(data)
        story += fl.questions_block(data)
        return story

    story += fl.headline_table(data, width)
    story.append(Spacer(1, 3 * mm))
    story += fl.summary_lines(data)
    story.append(Spacer(1, 3 * mm))
    story += fl.light_strip(data, width)
    story += fl.questions_block(data)
    notes: list[str] = []
    if "charts" in chosen:
        if progress:
            progress(40, "Drawing the charts")
        story += _charts(data, width, notes)
    for note in notes:
        story.append(Paragraph(note, s["muted"]))

    if progress:
        progress(70, "Laying out the pages")
    following: list[list[Flowable]] = []
    if "weekly" in chosen:
        following.append(fl.weekly_table(data, width))
    if "programme" in chosen:
        following.append(fl.programme_table(data, width))
    if "outcomes" in chosen and data.outcomes:
        following.append(_outcomes(data, width))
    if "events" in chosen:
        following.append(fl.events_table(data, width))
    if "notes" in chosen:
        following.append(fl.notes_table(data, width))
    if following:
        story.append(_NewPageAfterPageOne())
        for part in following:
            story += part
            story.append(Spacer(1, 4 * mm))
    if "log" in chosen:
        story.append(PageBreak())
        story += fl.day_log_table(data, width)
    if "sheet" in chosen:
        story.append(PageBreak())
        story += fl.programme_sheet(data, width)
    return story


def build_pdf(
    data: ReportData,
    out_path: str | os.PathLike,
    *,
    paper: str = "A4",
    sections: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the report for ``data`` to ``out_path``; returns the number of pages.

    Args:
        data: from ``services.report.build_report_data``.
        out_path: the PDF to write (replaced atomically when it exists).
        paper: "A4" or "Letter".
        sections: keys of ``reports.SECTIONS`` to include (None: ``DEFAULT_SECTIONS``).
        progress: optional callback(percent, message) for a progress indicator.

    Raises:
        ReportWriteError: the folder does not exist or cannot be written; no file is left.
        ValueError: an unknown paper size or section.
    """
    out = Path(out_path)
    pagesize = st.PAGE_SIZES[normalise_paper(paper)]
    if out.is_dir():
        raise ReportWriteError(f"Cannot write {out}: it is a folder; give a file name.")
    if not out.parent.is_dir():
        raise ReportWriteError(f"Cannot write {out}: the folder {out.parent} does not exist.")
    if progress:
        progress(10, "Preparing the report")
    st.register_fonts()
    width = pagesize[0] - 2 * st.MARGIN
    story = build_story(data, width, sections, progress)

    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise ReportWriteError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    pages: list[int] = []
    try:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=pagesize,
            leftMargin=st.MARGIN,
            rightMargin=st.MARGIN,
            topMargin=st.MARGIN,
            bottomMargin=st.MARGIN + st.FOOTER_HEIGHT - 4 * mm,
            title=f"Rehab journal report {data.start.isoformat()} to {data.end.isoformat()}",
            author=f"rehabjournal {__version__}",
            subject=f"Patient {data.initials}",
            creator=f"rehabjournal {__version__}",
            initialFontName=st.FONT,
        )
        if progress:
            progress(80, "Writing the PDF")
        doc.build(story, canvasmaker=_footer_canvas(data, pages))
        os.replace(tmp, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ReportWriteError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if progress:
        progress(100, "Done")
    return pages[-1] if pages else 0
