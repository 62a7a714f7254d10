"""Builds the clinician PDF: the story from the flowable builders, footers, atomic write.

``build_pdf(data, out_path)`` builds the whole document in memory, then writes it with the
safe write of ``services.files`` (``store.safe_write``: a 0600 temporary file in the target
folder, fsync, rename), so a failed build or a full disk never leaves a partial PDF
behind. Every page carries "page x of y", the disclaimer and the patient's initials (a
two-pass canvas counts the pages before drawing the footers).

The optional sections are declared once, in story order, in ``REPORT_SECTIONS`` (their
labels in ``reports.SECTIONS``); ``build_story`` lays out page one, then the chosen sections
by their place. Charts come from the shared ``charts`` package as 300 dpi PNG images (see
docs/report.md for why not SVG); matplotlib is imported only here, when a report is built.

Errors: ``ReportWriteError`` (a ``StorageError``) when the file cannot be written,
``ValidationError`` for an unknown paper or section.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
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

from .. import __version__, i18n
from ..errors import StorageError, ValidationError
from ..i18n import N_, _
from ..services.files import check_kind, write_bytes
from ..services.report import ReportData
from . import DEFAULT_SECTIONS, DISCLAIMER, SECTIONS, normalise_paper, scripts
from . import flowables as fl
from . import styles as st
from .activity_lines import activity_notes
from .outcomes_section import outcomes_flowables
from .patterns_section import patterns_flowables

log = logging.getLogger(__name__)

Progress = Callable[[int, str], None]
"""A progress callback: (percent, message in words)."""


def announcer(progress: Progress | None, lang: str | None = None) -> Progress | None:
    """``progress`` fed English messages (marked ``N_``) and handed them in ``lang`` (None:
    the current language): the Reports page builds a report in one language and shows its
    progress in the window's."""
    if progress is None:
        return None

    def announce(percent: int, message: str) -> None:
        with i18n.using(lang):
            text = _(message)
        progress(percent, text)

    return announce


class ReportWriteError(StorageError):
    """The PDF could not be written (the message names the file and says why; ``where``
    is the file).

    Args:
        out: the PDF.
        reason: why, after "Cannot write OUT: ".
        message: the whole message instead (a full disk: "No space left on device in
            FOLDER: the report needs about N MB; ...").
    """

    def __init__(self, out: Path, reason: str = "", *, message: str | None = None):
        super().__init__(message or _("Cannot write {file}: {reason}").format(
            file=out, reason=reason), where=str(out))


def check_target(out: Path) -> None:
    """Refuse a PDF target that is a folder, in a missing folder, or not a regular file.

    Raises:
        ReportWriteError: "Cannot write OUT: it is a folder; give a file name.", "... the
            folder F does not exist." or why it is not a regular file.
    """
    if out.is_dir():
        raise ReportWriteError(out, _("it is a folder; give a file name."))
    if not out.parent.is_dir():
        raise ReportWriteError(out, _("the folder {folder} does not exist.")
                               .format(folder=out.parent))
    check_pdf_target(out)


def check_pdf_target(out: Path) -> None:
    """Refuse a PDF target that exists and is not a regular file (a device, a pipe)."""
    try:
        check_kind(out)
    except StorageError as exc:
        raise ReportWriteError(out, message=str(exc)) from exc


def write_pdf(out: Path, pdf: bytes, what: str) -> None:
    """Write the built ``pdf`` to ``out`` with the safe write (a temporary file beside it,
    mode 0600, fsync, rename; nothing is left on failure, an older file is kept).

    Args:
        what: for the full-disk message ("the report", "the programme sheet"): English,
            marked with ``N_`` (the store translates it).

    Raises:
        ReportWriteError: "Cannot write OUT: reason." or "No space left on device in
            FOLDER: the report needs about N MB; free some space and try again. Nothing was
            changed."
    """
    try:
        write_bytes(out, pdf, what=what)
    except StorageError as exc:
        raise ReportWriteError(out, message=str(exc)) from exc
    except OSError as exc:
        raise ReportWriteError(out, f"{exc.strerror or exc}.") from exc


FOOTER_FONT_SIZE = 7.5


@cache
def _footer_style() -> ParagraphStyle:
    """The footer's centre: one line, small and muted, shaped like the report's text."""
    return ParagraphStyle("footer", parent=st.stylesheet()["small"], fontName=st.FONT,
                          fontSize=FOOTER_FONT_SIZE, leading=FOOTER_FONT_SIZE + 2,
                          textColor=st.MUTED, alignment=TA_CENTER)


def footer_middle(text: str) -> Paragraph:
    """``text`` (user text, or ours with user pieces in FSI U+2068 ... PDI U+2069) as the
    footer's centre: ``styles.user_text``, so a character the base font lacks prints in a
    fallback font, right-to-left text is ordered, and one no font has is a counted box
    (counted once: call it inside the report's ``PlaceholderTally`` before building)."""
    return Paragraph(st.user_text(text), _footer_style())


def footer_canvas(middle: Callable[[float, int], str], pages_out: list[int]):
    """A canvas class that draws the footer once the page count is known: the disclaimer
    on the left, ``middle(page width, total pages)`` in the centre (``footer_middle``:
    fallback fonts and right-to-left order like all user text), "page x of y" on the
    right. ``pages_out`` receives the page count."""

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
            self.setFont(st.FONT, FOOTER_FONT_SIZE)
            self.drawString(st.MARGIN, y, _(DISCLAIMER))
            text = middle(width, total)
            if text:
                para = footer_middle(text)
                _w, h = para.wrap(width - 2 * st.MARGIN, 4 * FOOTER_FONT_SIZE)
                # the first line's baseline on y (reportlab puts it one ascent below the top)
                para.drawOn(self, st.MARGIN, y - h + FOOTER_FONT_SIZE)
                self.setFillColor(st.MUTED)
                self.setFont(st.FONT, FOOTER_FONT_SIZE)
            self.drawRightString(width - st.MARGIN, y, page_of(self._pageNumber, total))
            self.restoreState()

    return FooterCanvas


def page_of(page: int, total: int) -> str:
    """"page 2 of 5" in the current language (the footer's right)."""
    return _("page {page} of {total}").format(page=page, total=total)


# ---- the sections ---------------------------------------------------------------------

PAGE_ONE, FOLLOWING, OWN_PAGE = "page one", "following", "own page"


@dataclass(frozen=True)
class Section:
    """One optional section of the report, as the story lays it out.

    Attributes:
        key: its key in ``reports.SECTIONS`` (the option a person ticks or names).
        build: ``(data, width in points) -> flowables``.
        place: ``PAGE_ONE`` (under the headline), ``FOLLOWING`` (from page two on, one
            after another) or ``OWN_PAGE`` (starts a new page).
        when: the section is left out when this says False for the data.
        progress: (percent, message) announced before it is built, or None (the message
            in English, marked ``N_``; announced translated).
    """

    key: str
    build: Callable[[ReportData, float], list[Flowable]]
    place: str = FOLLOWING
    when: Callable[[ReportData], bool] = lambda _data: True
    progress: tuple[int, str] | None = None


def _charts(data: ReportData, width: float) -> list[Flowable]:
    """The main charts of page one (pain, load, adherence), never split across pages.

    Their weekly bars and ratio come from the period summary (``data.progress`` is made
    by ``services.report.chart_data``), so they are the weekly table's rows. A chart that
    fails to draw is replaced by a line saying so: one chart must not cost the clinician
    the whole report.
    """
    from ..charts.adherence import adherence_figure
    from ..charts.load import load_figure
    from ..charts.pain import pain_figure

    out: list[Flowable] = []
    notes: list[str] = []
    for title, draw, arg in (
        (N_("Pain: morning, during and after sessions"), pain_figure, data.progress),
        (N_("Weekly training load"), load_figure, data.progress),
        (N_("Programme adherence by week"),
         lambda weeks: adherence_figure(weeks, span=(data.start, data.end)),
         data.adherence_weeks),
    ):
        if not arg:
            continue
        try:
            fig = draw(arg)
        except Exception:  # a chart must not cost the clinician the whole report
            log.exception("chart %s failed", title)
            notes.append(_("The chart \u201c{title}\u201d could not be drawn.")
                         .format(title=_(title)))
            continue
        # under the load chart: its sessions from files not rated yet, and the heart-rate
        # load beside session RPE (issue 20); page one has no room left for them
        after = activity_notes(data) if draw is load_figure else []
        # The figures carry their own titles; one heading introduces them. The first
        # takes the room left on page one (a French or German page one is longer).
        if out:
            out.append(fl.chart_block(None, fig, width, after=after))
        else:
            out += [fl.FittedChart(_("Charts"), fig, width), *after]
    s = st.stylesheet()
    return out + [Paragraph(note, s["muted"]) for note in notes]


def _outcomes(data: ReportData, width: float) -> list[Flowable]:
    """The outcome-measure section: scores, meaningful change, chart."""
    return outcomes_flowables(data.outcome_responses, st.stylesheet(), width=width)


REPORT_SECTIONS: tuple[Section, ...] = (
    # page 2, before the charts: what came before flares is read right after page one
    Section("patterns", lambda data, width: [_NewPageAfterPageOne(),
                                             *patterns_flowables(data, width)],
            PAGE_ONE, progress=(35, N_("Writing what came before flares"))),
    Section("charts", _charts, PAGE_ONE, progress=(40, N_("Drawing the charts"))),
    Section("weekly", fl.weekly_table),
    Section("programme", fl.programme_table),
    Section("outcomes", _outcomes, when=lambda data: bool(data.outcome_responses)),
    Section("events", fl.events_table),
    Section("notes", fl.notes_table),
    Section("log", fl.day_log_table, OWN_PAGE),
    Section("sheet", fl.programme_sheet, OWN_PAGE),
)
"""Every optional section in story order (the same keys as ``reports.SECTIONS``).

To add a section: a label in ``reports.SECTIONS`` and a ``Section`` here."""


class _NewPageAfterPageOne(CondPageBreak):
    """Start a new page when still on page one; otherwise just go on."""

    def __init__(self):
        super().__init__(0)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        self.height = availHeight + 1 if self._doctemplateAttr("page") == 1 else 0
        return super().wrap(availWidth, availHeight)


# ---- the story ------------------------------------------------------------------------


def check_sections(sections: Iterable[str] | None) -> set[str]:
    """The chosen section keys (``DEFAULT_SECTIONS`` for None).

    Raises:
        ValidationError: (a ``ValueError``) a key that is not in ``reports.SECTIONS``.
    """
    chosen = set(DEFAULT_SECTIONS if sections is None else sections)
    unknown = chosen - set(SECTIONS)
    if unknown:
        raise ValidationError(
            {"sections": _("Unknown report sections: {sections}.")
             .format(sections=", ".join(sorted(unknown)))})
    return chosen


def build_story(
    data: ReportData, width: float, sections: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> list[Flowable]:
    """All flowables of the report, page one first.

    Raises:
        ValidationError: an unknown section key.
    """
    return _whole_story(data, width, sections, announcer(progress))


def _whole_story(data: ReportData, width: float, sections: Iterable[str] | None,
                 announce: Progress | None) -> list[Flowable]:
    """``build_story`` with an ``announcer`` (English messages in, translated out)."""
    chosen = check_sections(sections)
    with fl.collecting_long_texts() as long_texts:
        story = _story(data, width, chosen, announce)
        # the texts cut in the tables, whole, at the end ("… (see Notes in full)")
        if len(long_texts):
            story += [PageBreak(), *fl.notes_in_full(long_texts)]
    # no heading ends a page alone, in any section
    return fl.keep_headings(story)


def _story(data: ReportData, width: float, chosen: set[str],
           progress: Progress | None) -> list[Flowable]:
    """The story of ``build_story`` without "Notes in full"."""
    story: list[Flowable] = fl.header_block(data, width)
    if data.empty:
        story += fl.empty_notice(data)
        story += fl.questions_block(data, width)
        return story

    story += fl.urgent_box(data, width)
    story += fl.assessment_box(data, width)
    # the patient's questions near the top of page one (QUESTIONS_ON_PAGE_ONE at most)
    story += fl.questions_block(data, width)
    story += fl.headline_table(data, width)
    story.append(Spacer(1, 3 * mm))
    story += fl.summary_lines(data)
    story.append(Spacer(1, 3 * mm))
    story += fl.light_strip(data, width)

    def parts(place: str) -> Iterable[list[Flowable]]:
        for section in REPORT_SECTIONS:
            if section.place == place and section.key in chosen and section.when(data):
                if progress and section.progress:
                    progress(*section.progress)
                yield section.build(data, width)

    for part in parts(PAGE_ONE):
        story += part
    if progress:
        progress(70, N_("Laying out the pages"))
    following = list(parts(FOLLOWING))
    if following:
        story.append(_NewPageAfterPageOne())
        for part in following:
            story += part
            story.append(Spacer(1, 4 * mm))
    for part in parts(OWN_PAGE):
        story.append(PageBreak())
        story += part
    return story



def pdf_document(target, pagesize: tuple[float, float], *, title: str,
                 subject: str) -> SimpleDocTemplate:
    """The page setup every rehabjournal PDF shares (the report, the programme sheet): the
    stylesheet's margins, room for the footer, the app as author and creator.

    Args:
        target: a file name or a binary file object.
        pagesize: (width, height) in points.
        title, subject: the PDF's metadata.
    """
    return SimpleDocTemplate(
        target,
        pagesize=pagesize,
        leftMargin=st.MARGIN,
        rightMargin=st.MARGIN,
        topMargin=st.MARGIN,
        bottomMargin=st.MARGIN + st.FOOTER_HEIGHT - 4 * mm,
        title=title,
        author=f"rehabjournal {__version__}",
        subject=subject,
        creator=f"rehabjournal {__version__}",
        initialFontName=st.FONT,
    )

def build_pdf(
    data: ReportData,
    out_path: str | os.PathLike,
    *,
    paper: str = "A4",
    sections: Iterable[str] | None = None,
    progress: Progress | None = None,
    progress_lang: str | None = None,
) -> int:
    """Write the report for ``data`` to ``out_path``; returns the number of pages.

    Args:
        data: from ``services.report.build_report_data``.
        out_path: the PDF to write (replaced atomically when it exists).
        paper: "A4" or "Letter".
        sections: keys of ``reports.SECTIONS`` to include (None: ``DEFAULT_SECTIONS``).
        progress: optional callback(percent, message) for a progress indicator.
        progress_lang: the language of ``progress``'s messages (None: the report's, the
            current language): a window in French showing the progress of a German report.

    The report's words, dates and numbers are in the current language
    (``i18n.using(lang)`` around the call; nothing is translated at import).

    Raises:
        ReportWriteError: (a ``StorageError``) the folder does not exist or cannot be
            written, ``out_path`` is a folder, a device or a pipe (checked before the
            report is built), or the disk is full ("No space left on device in FOLDER: the
            report needs about N MB; ..."); no file is left, an older one is kept.
        ValidationError: (a ``ValueError``) an unknown paper size or section.
    """
    out = Path(out_path)
    pagesize = st.PAGE_SIZES[normalise_paper(paper)]
    check_target(out)
    announce = announcer(progress, progress_lang)
    if announce:
        announce(10, N_("Preparing the report"))
    st.register_fonts()
    width = pagesize[0] - 2 * st.MARGIN
    period = fl.period_text(data.start, data.end)
    footer = _("Patient {initials}  ·  {period}").format(
        initials=f"\u2068{data.initials}\u2069", period=period)
    with scripts.PlaceholderTally() as missing:  # characters no font has (printed as boxes)
        story = _whole_story(data, width, sections, announce)
        footer_middle(footer)  # its boxes counted once, not once a page
    if missing.count:
        story.append(Paragraph(scripts.placeholder_notice(missing.count),
                               st.stylesheet()["muted"]))

    pages: list[int] = []
    buf = io.BytesIO()  # built whole first: the full-disk message can say how much it needs
    doc = pdf_document(
        buf, pagesize,
        title=_("Rehab journal report {start} to {end}").format(
            start=data.start.isoformat(), end=data.end.isoformat()),
        subject=_("Patient {initials}").format(initials=data.initials))
    if announce:
        announce(80, N_("Writing the PDF"))
    doc.build(story, canvasmaker=footer_canvas(lambda _w, _n: footer, pages))
    write_pdf(out, buf.getvalue(), N_("the report"))
    if announce:
        announce(100, N_("Done"))
    return pages[-1] if pages else 0
