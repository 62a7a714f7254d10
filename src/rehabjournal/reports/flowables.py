"""Flowable builders: each takes report data and the frame width and returns flowables.

Tables repeat their header row on every page (``repeatRows=1``); a chart and its title are
kept together so neither is split across a page break.

User-written text (notes, names, questions) goes through ``styles.user_text`` (escaping, font
fallback, right-to-left order) by way of ``user_markup`` / ``U``. A table cell holds at most a
few lines of it: a longer text is cut (at a word when it can be) and ends with "… (see Notes
in full)"; ``build_story`` then prints every text so cut, whole, in the "Notes in full"
section at the end (``notes_in_full``), whose paragraphs split across pages. So any note
length gives a report (reportlab raises ``LayoutError`` for a table row taller than a page),
and page one stays short.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from ..domain import adherence as da
from ..domain import light as light_mod
from ..domain import scales
from ..domain.summary import COMPLETED, PARTIAL, PeriodSummary
from ..services import summary as sm
from ..services.report import DatedItem, ReportData
from . import scripts
from . import styles as st

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

CHART_DPI = 300


# ---- formatting --------------------------------------------------------------------------


def fmt_date(day: date, weekday: bool = False) -> str:
    """"17 Mar 2026" (or "Tue 17 Mar 2026"), locale-independent."""
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def fmt_short(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


fmt_span = sm.fmt_span


def fmt_num(value: float | None, places: int = 1) -> str:
    if value is None:
        return "-"
    return f"{value:.{places}f}"


def fmt_pct(value: float | None, signed: bool = True) -> str:
    if value is None:
        return "-"
    return f"{value:+.0f} %" if signed else f"{value:.0f} %"


def P(text: str, style: str = "cell") -> Paragraph:  # noqa: N802 - short, like reportlab's
    """A paragraph of plain text (escaped) in one of the stylesheet's styles."""
    return Paragraph(escape(text), st.stylesheet()[style])


def H(text: str, level: int = 2) -> Paragraph:  # noqa: N802
    return Paragraph(escape(text), st.stylesheet()[f"h{level}"])


# ---- user text ---------------------------------------------------------------------------

SEE_IN_FULL = "\u2026 (see Notes in full)"
"""Ends a user text cut in a table cell; the text is printed whole in "Notes in full"."""
CUT_MARK = "\u2026"
"""Ends a cut text when no "Notes in full" section is being collected."""

NOTE_MOST = 300
"""Characters of a note in a narrow cell (the day log, events) at most: about 9 lines."""
WIDE_NOTE_MOST = 600
"""Characters of a note in a wide cell (notable notes) at most: about 7 lines."""
NAME_MOST = 120
"""Characters of a name (activity, exercise, event, programme, patient) at most."""
TEXT_MOST = 300
"""Characters of other user texts on page one (goal, questions, red-flag notes) at most."""
FULL_MOST = 50_000
"""Characters of one text printed in "Notes in full" at most (about 10 pages): a note of
a megabyte would take hundreds of pages and minutes to lay out (reportlab's paragraph
splitting is quadratic in its length); the rest stays in the journal, as the report says."""

_JOINERS = frozenset("\u200d\u200c\ufe0e\ufe0f\u034f")


class LongTexts:
    """The user texts cut in the report's cells, in the order they were cut, to print
    whole at the end (``notes_in_full``). A text cut twice under the same label (a note in
    the notable notes and in the day log) is kept once."""

    def __init__(self) -> None:
        self._items: dict[tuple[str, str], None] = {}

    def add(self, label: str, text: str) -> None:
        """Remember ``text`` under ``label`` (our words: "Tue 3 Mar 2026: note")."""
        self._items.setdefault((label, text), None)

    def items(self) -> list[tuple[str, str]]:
        """(label, text) pairs in the order they were first added."""
        return list(self._items)

    def __len__(self) -> int:
        return len(self._items)


_long_texts: ContextVar[LongTexts | None] = ContextVar("long_texts", default=None)


@contextmanager
def collecting_long_texts() -> Iterator[LongTexts]:
    """Collect the texts that ``user_markup`` cuts while the story is built (per thread)."""
    texts = LongTexts()
    token = _long_texts.set(texts)
    try:
        yield texts
    finally:
        _long_texts.reset(token)


def shorten(text: str, most: int) -> str | None:
    """``text`` cut to at most ``most`` characters, or None when it fits.

    The text's whitespace (line breaks too) is read as single spaces; the cut falls at a
    word when one ends in the last third, never inside a character sequence (an accent,
    an emoji joined with U+200D), and drops trailing punctuation. The mark is not added.
    """
    if len(text) <= most:
        return None
    flat = " ".join(text.split())
    if len(flat) <= most:
        return None
    end = most
    while end > 0 and (flat[end] in _JOINERS or unicodedata.combining(flat[end])
                       or flat[end - 1] in _JOINERS
                       or 0x1F3FB <= ord(flat[end]) <= 0x1F3FF):
        end -= 1
    cut = flat[:end]
    space = cut.rfind(" ")
    if space > end * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") or flat[:end]


def user_markup(text: str, most: int | None = None, label: str | None = None) -> str:
    """Paragraph markup for user-written ``text`` (``styles.user_text``).

    Args:
        most: cut a longer text to about this many characters (``shorten``) and end it with
            "… (see Notes in full)"; the whole text is then printed in the "Notes in full"
            section under ``label`` (when ``collecting_long_texts`` is active; otherwise
            it ends with "…"). None: the whole text.
        label: what and when, in our words ("Tue 3 Mar 2026: note"), for "Notes in full".
    """
    if most is None:
        return st.user_text(text)
    cut = shorten(text, most)
    if cut is None:
        return st.user_text(text)
    texts = _long_texts.get()
    if texts is None:
        return st.user_text(cut) + CUT_MARK
    texts.add(label or "Text", text)
    return (st.user_text(cut)
            + f'<font name="{st.FONT}" color="#{st.MUTED.hexval()[2:]}">'
            f"{escape(SEE_IN_FULL)}</font>")


def U(text: str, style: str = "cell", most: int | None = None,  # noqa: N802 - like P
      label: str | None = None, **kwargs) -> Paragraph:
    """A paragraph of user-written text (``user_markup``) in a stylesheet style."""
    return Paragraph(user_markup(text, most, label), st.stylesheet()[style], **kwargs)


@cache
def _full_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """The label (kept with its text) and the text of an entry of "Notes in full"."""
    s = st.stylesheet()
    label = ParagraphStyle("full_label", parent=s["h3"], spaceBefore=6)
    text = ParagraphStyle("full_text", parent=s["body"], spaceAfter=1)
    return label, text


def full_text(text: str, most: int = FULL_MOST, noun: str = "text") -> list[Flowable]:
    """``text`` whole (its first ``most`` characters), a paragraph per line (a paragraph
    splits across pages; a word longer than a line is broken), then "(N more characters
    not printed; the full NOUN is in the journal.)" when it is longer."""
    _label_style, style = _full_styles()
    out: list[Flowable] = []
    for line in text[:most].splitlines():
        if line.strip():
            out.append(Paragraph(st.user_text(line), style))
        else:
            out.append(Spacer(1, style.leading / 2))
    if len(text) > most:
        out.append(P(f"({len(text) - most:,} more characters not printed; the full {noun} "
                     "is in the journal.)", "muted"))
    return out


def notes_in_full(texts: LongTexts) -> list[Flowable]:
    """The "Notes in full" section: every text cut in a cell, under its label."""
    if not len(texts):
        return []
    label_style, style = _full_styles()
    # a label keeps 3 lines of its text with it (keepWithNext would move a text longer
    # than the rest of the page, and its label, to the next page)
    room = label_style.spaceBefore + label_style.leading + 3 * style.leading
    out: list[Flowable] = [
        H("Notes in full"),
        P("The texts shortened in the tables above (they end with \u201c\u2026 (see Notes in "
          "full)\u201d), printed whole in the order they appear.", "muted"),
    ]
    for label, text in texts.items():
        noun = "note" if "note" in label else "text"
        out += [CondPageBreak(room), Paragraph(escape(label), label_style)]
        out += full_text(text, noun=noun)
    return out


def _table(
    rows: list[list], widths: Sequence[float], *extra, zebra=True, header=True, heights=None
) -> Table:
    table = Table(
        rows, colWidths=list(widths), rowHeights=heights, repeatRows=1 if header else 0,
        hAlign="LEFT",
    )
    table.setStyle(st.table_style(*extra, zebra=len(rows) if zebra else 0, header=header))
    return table


# ---- page one --------------------------------------------------------------------------


def _days_text(data: ReportData) -> str:
    return sm.plural((data.end - data.start).days + 1, "day")


def header_block(data: ReportData, width: float) -> list[Flowable]:
    """Title and the who/what/when table."""
    side = f"{data.side} " if data.side else ""
    rows = [
        [P("Patient", "cell_bold"), U(data.patient, most=NAME_MOST, label="Patient"),
         P("Period", "cell_bold"),
         P(f"{fmt_date(data.start)} to {fmt_date(data.end)} ({_days_text(data)})")],
        [P("Condition", "cell_bold"), U(data.condition, most=TEXT_MOST, label="Condition"),
         P("Side / joint", "cell_bold"),
         U(f"{side}{data.joint}".strip() or "-", most=NAME_MOST, label="Side / joint")],
        [P("Goal", "cell_bold"), U(data.goal or "-", most=TEXT_MOST, label="Goal"),
         P("Report made", "cell_bold"), P(fmt_date(data.made))],
    ]
    if data.clinician:
        rows.append([P("Clinician", "cell_bold"),
                     U(data.clinician, most=NAME_MOST, label="Clinician"), P(""), P("")])
    w = width
    table = Table(rows, colWidths=[0.13 * w, 0.37 * w, 0.15 * w, 0.35 * w], hAlign="LEFT")
    table.setStyle(st.table_style(("BOX", (0, 0), (-1, -1), 0.5, st.RULE), header=False))
    return [P("Rehab journal report: what changed", "title"), table, Spacer(1, 4 * mm)]


def empty_notice(data: ReportData) -> list[Flowable]:
    return [
        Paragraph(
            f"<b>No entries in this period.</b> The journal has no check-ins, sessions, red "
            f"flags or events between {fmt_date(data.start)} and {fmt_date(data.end)}, so "
            "there is nothing to summarise. Choose another period.",
            st.stylesheet()["notice"],
        )
    ]


def _tier_box(tier_key: str, title: str, lines: list[str], width: float) -> Table:
    """A boxed notice in the colour of a red-flag tier (``scales.FLAG_TIERS``)."""
    tier = scales.FLAG_TIERS[tier_key]
    colour = st.colors.HexColor(tier.colour)
    s = st.stylesheet()
    cells: list[Flowable] = [Paragraph(
        f'<font color="{tier.colour}"><b>{escape(tier.symbol)} {escape(title)}</b></font>',
        s["box_title"])]
    cells += [Paragraph(line, s["bullet"], bulletText="•") for line in lines]
    # many red flags make the box taller than a page: it splits inside its one row
    table = Table([[cells]], colWidths=[width], hAlign="LEFT", splitInRow=1)
    table.setStyle(st.table_style(
        ("BOX", (0, 0), (-1, -1), 1.5, colour),
        ("BACKGROUND", (0, 0), (-1, -1), st.TIER_TINTS[tier_key]),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        header=False,
    ))
    return table


def _kind_word(kind: str) -> str:
    """"red flag", "flare" or "event": the word of a dated item in our labels."""
    return kind if kind in ("red flag", "flare") else "event"


def _flag_note(flag) -> str:
    """A red flag's note in a box of page one (cut to about a line and a half, so that
    many flags still read quickly; whole in "Notes in full")."""
    return user_markup(flag.note, NAME_MOST,
                       f"{fmt_date(flag.day, weekday=True)}: red flag notes")


def urgent_box(data: ReportData, width: float) -> list[Flowable]:
    """Urgent red flags ("see a clinician now") in their own box, above the headline."""
    summary = data.summary
    if summary is None or not summary.urgent_flags:
        return []
    tier = scales.FLAG_TIERS[scales.URGENT]
    lines = [f"<b>{fmt_date(f.day, weekday=True)}</b>: {escape(f.label)}"
             + (f" ({_flag_note(f)})" if f.note else "") for f in summary.urgent_flags]
    lines.append(escape(tier.advice))
    title = f"{tier.heading}: urgent red flag{'s' if len(summary.urgent_flags) > 1 else ''} " \
            "recorded in this period"
    return [_tier_box(scales.URGENT, title, lines, width), Spacer(1, 3 * mm)]


def assessment_box(data: ReportData, width: float) -> list[Flowable]:
    """Reasons to book an assessment: assessment-tier red flags and the escalation rules
    (no improvement after 6 weeks; worse despite reduced load)."""
    summary = data.summary
    if summary is None or not (summary.assessment_flags or summary.escalations):
        return []
    tier = scales.FLAG_TIERS[scales.ASSESSMENT]
    lines = [f"<b>{fmt_date(f.day, weekday=True)}</b>: {escape(f.label)}"
             + (f" ({_flag_note(f)})" if f.note else "") for f in summary.assessment_flags]
    lines += [escape(e.text) for e in summary.escalations]
    return [_tier_box(scales.ASSESSMENT, tier.heading, lines, width), Spacer(1, 3 * mm)]


def _week_heading(summary: PeriodSummary, index: int | None, which: str) -> Paragraph:
    """"First week" over "23 Feb-1 Mar" (the span kept on one line)."""
    text = f"{which} week"
    if index is not None:
        w = summary.weeks[index]
        span = escape(fmt_span(w.week_start, w.week_end)).replace(" ", "\u00a0")
        text += f"<br/>{span}"
    return Paragraph(text, st.stylesheet()["cell_bold"])


def headline_table(data: ReportData, width: float) -> list[Flowable]:
    """First full calendar week against the last, with the change and whether it is
    clinically important (pain) or the absolute change (counts)."""
    summary = data.summary
    assert summary is not None
    compared = summary.last_week is not None and summary.last_week != summary.first_week
    head = [
        P("Measure", "cell_bold"),
        P("Whole period", "cell_bold"),
        _week_heading(summary, summary.first_week, "First"),
        _week_heading(summary, summary.last_week if compared else None, "Last"),
        P("Change (last - first)", "cell_bold"),
        P(sm.important_header(summary), "cell_bold"),
    ]
    rows = [head]
    extra = []
    for i, c in enumerate(summary.comparisons, start=1):
        rows.append([
            P(c.label),
            P(sm.fmt_measure(c, c.period, unit=True), "cell_right"),
            P(sm.fmt_measure(c, c.first), "cell_right"),
            P(sm.fmt_measure(c, c.last), "cell_right"),
            P(sm.fmt_difference(c), "cell_right"),
            P(c.verdict),
        ])
        if c.important:
            tint = st.LIGHT_TINTS["green" if c.direction == "down" else "red"]
            extra.append(("BACKGROUND", (5, i), (5, i), tint))
    w = width
    widths = [0.30 * w, 0.10 * w, 0.13 * w, 0.13 * w, 0.12 * w, 0.22 * w]
    out: list[Flowable] = [_table(rows, widths, *extra, zebra=False)]
    out.append(Spacer(1, 1 * mm))
    out.append(P(_headline_note(summary, compared), "muted"))
    return out


def _headline_note(summary: PeriodSummary, compared: bool) -> str:
    """What the first and last week are (calendar weeks, completed or not)."""
    if summary.first_week is None:
        return ("No full calendar week (Monday to Sunday) in this period: nothing to compare; "
                "the whole-period column is the period's own days.")
    completed = [which for which, index in (
        ("first", summary.first_week), ("last", summary.last_week if compared else None))
        if index is not None and summary.weeks[index].status == COMPLETED]
    text = "First and last week = the first and last full calendar weeks (Monday to Sunday)"
    if completed:
        text += f"; the {' and '.join(completed)} completed from entries outside the period"
    text += "." if compared else ". Only one full week: nothing to compare it with."
    return text + " Counts: absolute changes."


def summary_lines(data: ReportData) -> list[Flowable]:
    """Adherence, weekly load trend, lights, red-flag days and flares, as short bullets."""
    s = st.stylesheet()
    summary = data.summary
    assert summary is not None
    lines: list[str] = []
    if summary.verdict is not None and summary.verdict.kind is not None:
        v = summary.verdict
        lines.append(f"<b>Advice as of {fmt_date(v.as_of, weekday=True)}:</b> "
                     f"{escape(v.text)} <font color=\"#616e7c\">{escape(v.reason)}</font>")
    lines.append(f"<b>Programme adherence:</b> {escape(sm.fmt_adherence(summary))}.")
    if summary.weeks:
        text = (f"<b>Weekly load (AU, calendar weeks Monday to Sunday):</b> "
                f"{escape(sm.load_trend(summary))}.")
        big = [w for w in summary.weeks if w.change_pct is not None and w.change_pct > 30]
        if big:
            items = ", ".join(f"week of {fmt_short(w.week_start)} "
                              f"{sm.fmt_change_pct(w.change_pct)}" for w in big)
            text += f" Rose by more than 30 % on the week before: {items}."
        if any(w.status == PARTIAL for w in summary.weeks):
            text += " A partial week has no change."
        lines.append(text)
    counts = summary.light_counts
    if counts:
        lines.append(
            f"<b>Pain-monitoring lights:</b> {sm.light_counts_text(counts)}.")
    if summary.red_flags:
        days = sorted({f.day for f in summary.red_flags})
        items = "; ".join(
            f"{fmt_short(f.day)}: {escape(f.label)} "
            f"({escape(scales.FLAG_TIERS[f.tier].heading.lower())})"
            for f in summary.red_flags)
        lines.append(f"<b>Red-flag days:</b> {len(days)}. {items}.")
    else:
        lines.append("<b>Red-flag days:</b> none recorded.")
    if data.flares:
        items = "; ".join(
            f"{fmt_short(i.day)}: "
            + user_markup(i.title, NAME_MOST, f"{fmt_date(i.day, weekday=True)}: flare")
            for i in data.flares)
        lines.append(f"<b>Flares you marked:</b> {len(data.flares)} ({items}).")
    else:
        lines.append("<b>Flares you marked:</b> none.")
    if data.patterns is not None:
        lines.append(counted_flares_text(data))
    return [Paragraph(text, s["bullet"], bulletText="•") for text in lines]


def counted_flares_text(data: ReportData) -> str:
    """Page one's line on the flares the patterns section counted (``data.patterns``): from
    the morning ratings and the marked days, so that it never seems to contradict "Flares
    you marked", and over the section's days when they are longer than the period."""
    report = data.patterns
    assert report is not None
    in_period = sum(1 for e in report.episodes if data.start <= e.start <= data.end)
    text = (f"<b>Flares counted from the morning ratings</b> (a morning at least "
            f"{report.rise} point{'s' if report.rise != 1 else ''} above your usual, or a day "
            "you marked; used by the patterns section): ")
    if report.start < data.start:
        text += (f"{report.flares_started} began from {fmt_date(report.start)} to "
                 f"{fmt_date(report.end)}, {in_period} of them in this period.")
    else:
        text += f"{in_period} began in this period." if in_period else "none in this period."
    return text


WAITING_COLOUR = st.colors.HexColor("#9aa5b1")


def day_mark(status: str | None, tier: str | None) -> tuple[str, object]:
    """The strip's letter and colour of a day: a red-flag day shows its tier's symbol and
    colour ("!" see a clinician now, "?" book an assessment), never the load light's R; a
    day waiting for its next-morning rating shows "W" on grey."""
    if tier is not None:
        t = scales.FLAG_TIERS[tier]
        return t.symbol, st.colors.HexColor(t.colour)
    if status == light_mod.WAITING:
        return "W", WAITING_COLOUR
    return st.LIGHT_LETTERS[status], st.LIGHT_COLOURS[status]


def light_legend() -> str:
    """The light legend of the strip (``domain.light.LEGEND``'s short labels; progression
    only after a full green week; the red-flag tiers)."""
    letters = {light_mod.GREEN: "G", light_mod.AMBER: "A", light_mod.RED: "R",
               light_mod.WAITING: "W"}
    parts = []
    for item in light_mod.LEGEND:
        text = item.short
        if item.key == light_mod.GREEN:
            text += " (progress one step only after a full green week)"
        elif item.key == light_mod.WAITING:
            text = light_mod.WAITING_LABEL
        elif item.symbol:
            text = f"red flag: {text}"
        parts.append(f"<b>{escape(letters.get(item.key) or item.symbol)}</b> {escape(text)}")
    return "; ".join(parts) + "; blank: nothing to judge."


def light_strip(data: ReportData, width: float) -> list[Flowable]:
    """One coloured cell per day (letters for black-and-white print), 28 days a row."""
    summary = data.summary
    if summary is None or not summary.days:
        return []
    per_row = 28
    label_w = 16 * mm
    cell = min(6.2 * mm, (width - label_w) / per_row)
    days = summary.days
    rows, cmds = [], []
    for r, i in enumerate(range(0, len(days), per_row)):
        chunk = days[i:i + per_row]
        top = [fmt_short(chunk[0].day)] + [str(d.day.day) for d in chunk]
        marks = [day_mark(d.status, d.red_flag_tier) for d in chunk]
        bottom = [""] + [m[0] for m in marks]
        rows += [top, bottom]
        for j, (_letter, colour) in enumerate(marks, start=1):
            cmds.append(("BACKGROUND", (j, 2 * r + 1), (j, 2 * r + 1), colour))
        n = len(chunk) + 1
        for row in (top, bottom):
            row += [""] * (per_row + 1 - len(row))
        cmds.append(("GRID", (1, 2 * r + 1), (n - 1, 2 * r + 1), 0.5, st.colors.white))
    table = Table(rows, colWidths=[label_w] + [cell] * per_row, rowHeights=None, hAlign="LEFT")
    table.setStyle(st.table_style(
        ("FONTSIZE", (0, 0), (-1, -1), 6),
        ("LEADING", (0, 0), (-1, -1), 7),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("TEXTCOLOR", (1, 0), (-1, -1), st.MUTED),
        ("FONTNAME", (1, 1), (-1, -1), st.FONT_BOLD),
        ("LINEBELOW", (0, 0), (-1, -1), 0, st.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        *[("TEXTCOLOR", (1, r), (-1, r), st.colors.white) for r in range(1, len(rows), 2)],
        *cmds,
        header=False,
    ))
    legend = Paragraph(light_legend(), st.stylesheet()["muted"])
    return [KeepTogether([H("Pain-monitoring lights, day by day", 3), table,
                          Spacer(1, 1 * mm), legend])]


_MISSING_GLYPH = re.compile(r"Glyph (\d+) .*missing from font")
"""matplotlib's warning for a character no chart font has."""


def figure_image(fig, width: float, height: float | None = None) -> Image:
    """A matplotlib Figure as a 300 dpi PNG, ``width`` points wide.

    Args:
        height: points; None keeps the figure's own aspect ratio (as its author laid it out).
    """
    if height is None:
        w_in, h_in = fig.get_size_inches()
        height = width * h_in / w_in
    fig.set_size_inches(width / 72.0, height / 72.0)
    buf = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(buf, format="png", dpi=CHART_DPI, facecolor="white")
    # a character no chart font has: matplotlib draws a box and warns; the box is counted
    # with the text's boxes ("N characters could not be printed"), and nothing reaches stderr
    missing = {m.group(1) for w in caught
               if (m := _MISSING_GLYPH.search(str(w.message)))}
    scripts.PlaceholderTally.add(len(missing))
    for w in caught:
        if not _MISSING_GLYPH.search(str(w.message)):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    buf.seek(0)
    return Image(buf, width=width, height=height)


def chart_block(
    title: str | None, fig, width: float, height: float | None = None
) -> KeepTogether:
    """A chart (with an optional heading) that never splits across a page break."""
    parts: list[Flowable] = [H(title)] if title else []
    return KeepTogether([*parts, figure_image(fig, width, height), Spacer(1, 3 * mm)])


QUESTIONS_ON_PAGE_ONE = 8
"""Open questions printed on page one at most (each cut at ``TEXT_MOST`` characters): the
block is kept whole, so it always fits on page one; the rest are printed whole under
"Notes in full"."""


@cache
def _questions_heading_style() -> ParagraphStyle:
    """The h2 style with less room around it: page one is tight (the first chart must
    still fit under the demo's two questions)."""
    return ParagraphStyle("questions_h2", parent=st.stylesheet()["h2"], spaceBefore=5,
                          spaceAfter=2)


def questions_block(data: ReportData, width: float | None = None) -> list[Flowable]:
    """The open questions (not ticked as asked on Today), oldest first, kept together on
    page one under the header and the red-flag boxes: two a line when ``width`` is given
    (reading across), at most ``QUESTIONS_ON_PAGE_ONE``; the rest whole at the end."""
    s = st.stylesheet()
    heading = Paragraph(escape("The patient's questions for this appointment"),
                        _questions_heading_style())
    out: list[Flowable] = [heading]
    if not data.questions:
        out.append(P("No open questions.", "muted"))
    shown = data.questions[:QUESTIONS_ON_PAGE_ONE]
    items = [Paragraph(user_markup(q, TEXT_MOST, f"Question {n}"), s["bullet"],
                       bulletText="\u2610") for n, q in enumerate(shown, start=1)]
    if width is None or len(items) < 2:
        out += items
    else:
        rows = [items[i:i + 2] + [Spacer(1, 1)] * (2 - len(items[i:i + 2]))
                for i in range(0, len(items), 2)]
        table = Table(rows, colWidths=[width / 2] * 2, hAlign="LEFT")
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), st.FONT),  # not Helvetica
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
        out.append(table)
    rest = data.questions[QUESTIONS_ON_PAGE_ONE:]
    if rest:
        texts = _long_texts.get()
        more = sm.plural(len(rest), "more question")
        if texts is None:
            out.append(P(f"{more} in the journal.", "muted"))
        else:
            for n, q in enumerate(rest, start=len(shown) + 1):
                texts.add(f"Question {n}", q)
            out.append(P(f"{more}, printed under \u201cNotes in full\u201d at the end.",
                         "muted"))
    return [KeepTogether(out)]


# ---- following pages -------------------------------------------------------------------


def light_cell(colour: str | None, counts: dict[str, int]) -> Paragraph:
    if colour is None:
        return P("-")
    parts = [f"{st.LIGHT_LETTERS[c]}{counts[c]}" for c in ("green", "amber", "red") if
             counts.get(c)]
    return P(f"{colour} ({' '.join(parts)})")


def weekly_table(data: ReportData, width: float) -> list[Flowable]:
    """The summary's calendar weeks: the same rows as the load chart's weekly bars."""
    summary = data.summary
    assert summary is not None
    head = ["Week of", "Days", "Sessions", "Minutes", "Load (AU)", "Change", "Monotony",
            "Strain", "Morning pain", sm.ADHERENCE_WEEK, "Light (worst day)"]
    rows: list[list] = [[P(h, "head_small") for h in head]]
    cmds = []
    for i, w in enumerate(summary.weeks, start=1):
        week = [P(fmt_short(w.week_start), "cell")]
        if w.status_text:
            week.append(P(w.status_text, "tiny"))
        rows.append([
            week,
            P(str(w.days_counted), "cell_right"),
            P(str(w.sessions), "cell_right"),
            P(str(w.minutes), "cell_right"),
            P(f"{w.load:.0f}", "cell_right"),
            P(sm.fmt_change_pct(w.change_pct), "cell_right"),
            P(fmt_num(w.monotony, 2), "cell_right"),
            P(fmt_num(w.strain, 0), "cell_right"),
            P(fmt_num(w.morning_mean), "cell_right"),
            P(sm.fmt_week_adherence(w), "cell_right"),
            light_cell(w.worst_light, w.light_counts),
        ])
        if w.worst_light:
            cmds.append(("BACKGROUND", (10, i), (10, i), st.LIGHT_TINTS[w.worst_light]))
        if w.change_pct is not None and w.change_pct > 30:
            cmds.append(("BACKGROUND", (5, i), (5, i), st.LIGHT_TINTS["amber"]))
    u = width / 100
    widths = [13 * u, 5 * u, 8 * u, 8 * u, 8 * u, 10 * u, 9 * u, 7 * u, 8 * u, 10 * u, 14 * u]
    note = P("Calendar weeks, Monday to Sunday. Load = session RPE (CR-10) x minutes, summed "
             "over the week. Days = days whose entries are in the row: a week cut by the "
             "period is completed from the journal's entries outside it when there are any, "
             "else it is partial (its days in the period only) and has no change, monotony "
             "or strain. Change = against the calendar week before, only between two full "
             f"weeks; above 30 % is shaded. {sm.MONOTONY_NOTE} {sm.ADHERENCE_WEEK}: of the "
             f"row's days. {da.DEFINITION} Page one gives the period's.", "muted")
    # kept on one page when it fits (a long period's table splits, repeating its header)
    return [KeepTogether([H("Week by week"), _table(rows, widths, *cmds), Spacer(1, 1 * mm),
                          note])]


def programme_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H("Current programme")]
    if not data.programme:
        return out + [P("No programme in the journal.", "muted")]
    out.append(Paragraph(
        user_markup(data.programme_name, NAME_MOST, "Current programme: name")
        + ": phase \u201c"
        + user_markup(data.programme_phase, NAME_MOST, "Current programme: phase")
        + f"\u201d (on {fmt_date(data.end)}).", st.stylesheet()["body"]))
    out.append(Spacer(1, 1.5 * mm))
    rows: list[list] = [[P(h, "cell_bold") for h in
                         ("Exercise", "Sets x reps or hold", "Load", "Days a week",
                          "Progression (last change)")]]
    for n, p in enumerate(data.programme, start=1):
        what = f"Current programme: exercise {n}"
        rows.append([U(p.exercise, most=NAME_MOST, label=what),
                     U(p.dose, most=NAME_MOST, label=f"{what}, dose"),
                     U(p.load, most=NAME_MOST, label=f"{what}, load"),
                     P(p.days_per_week, "cell_right"),
                     U(p.status, most=NAME_MOST, label=f"{what}, progression")])
    u = width / 100
    # the heading never ends a page alone
    return [KeepTogether(out + [_table(rows, [30 * u, 17 * u, 14 * u, 10 * u, 29 * u])])]


def events_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H("Red flags and events")]
    if not data.events:
        return out + [P("No red flags or events in this period.", "muted")]
    rows: list[list] = [[P(h, "cell_bold") for h in ("Date", "Kind", "What", "Notes")]]
    cmds = []
    items: list[DatedItem] = sorted(data.events, key=lambda i: i.day)
    for i, item in enumerate(items, start=1):
        kind = item.kind + (" (urgent)" if item.urgent else "")
        what = f"{fmt_date(item.day, weekday=True)}: {_kind_word(item.kind)}"
        rows.append([P(fmt_date(item.day)), U(kind, most=NAME_MOST, label=f"{what}, kind"),
                     U(item.title, most=NAME_MOST, label=what),
                     U(item.notes, most=NOTE_MOST, label=f"{what} notes")])
        if item.kind == "red flag":
            cmds.append(("BACKGROUND", (0, i), (-1, i), st.LIGHT_TINTS["red"]))
    u = width / 100
    return [KeepTogether(out + [_table(rows, [15 * u, 15 * u, 28 * u, 42 * u], *cmds,
                                       zebra=False)])]


def notes_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H("Notable notes")]
    if not data.notes:
        return out + [P("No notes on amber, red, red-flag or event days.", "muted")]
    out.append(P("Notes written on days with an amber or red light, a red flag or an event.",
                 "muted"))
    out.append(Spacer(1, 1 * mm))
    rows: list[list] = [[P("Date", "cell_bold"), P("Note", "cell_bold")]]
    for day, text in data.notes:
        rows.append([P(fmt_date(day, weekday=True)),
                     U(text, most=WIDE_NOTE_MOST, label=f"{fmt_date(day, weekday=True)}: note")])
    u = width / 100
    return [KeepTogether(out + [_table(rows, [20 * u, 80 * u])])]


def day_log_table(data: ReportData, width: float) -> list[Flowable]:
    head = ("Date", "AM pain", "Stiff. (min)", "Swelling", "Sessions", "Load (AU)",
            "Peak pain", "Light", "Notes")
    rows: list[list] = [[P(h, "head_small") for h in head]]
    cmds = []
    with_year = data.start.year != data.end.year
    for i, d in enumerate(data.days, start=1):
        day = f"{_WEEKDAYS[d.day.weekday()]} {fmt_short(d.day)}"
        if with_year:
            day += f" {d.day.year}"
        when = fmt_date(d.day, weekday=True)
        rows.append([
            P(day, "small"),
            P("-" if d.morning_pain is None else str(d.morning_pain), "cell_right"),
            P("-" if d.stiffness_min is None else str(d.stiffness_min), "cell_right"),
            P(d.swelling or "-", "small"),
            U(d.sessions or "rest", "small", most=NAME_MOST, label=f"{when}: sessions"),
            P(f"{d.load:.0f}", "cell_right"),
            P("-" if d.peak_pain is None else str(d.peak_pain), "cell_right"),
            P(day_mark(d.status, d.red_flag_tier)[0] or "-", "cell"),
            U(d.notes, "small", most=NOTE_MOST, label=f"{when}: note"),
        ])
        if d.red_flag_tier:
            cmds.append(("BACKGROUND", (7, i), (7, i), st.TIER_TINTS[d.red_flag_tier]))
        elif d.light:
            cmds.append(("BACKGROUND", (7, i), (7, i), st.LIGHT_TINTS[d.light]))
        elif d.status == light_mod.WAITING:
            cmds.append(("BACKGROUND", (7, i), (7, i), st.HEADER_BG))
    u = width / 100
    widths = [12 * u, 6 * u, 6 * u, 9 * u, 21 * u, 6 * u, 6 * u, 6 * u, 28 * u]
    title = f"Appendix: day-by-day log, {fmt_date(data.start)} to {fmt_date(data.end)}"
    return [H(title), _table(rows, widths, *cmds)]


def programme_sheet(data: ReportData, width: float, weeks: int = 4) -> list[Flowable]:
    """A blank sheet to tick off the programme over the coming weeks."""
    out: list[Flowable] = [H("Programme sheet for the coming weeks")]
    if not data.programme:
        return out + [P("No programme in the journal.", "muted")]
    first = data.end + timedelta(days=1)
    first -= timedelta(days=first.weekday())
    if first <= data.end:
        first += timedelta(weeks=1)
    head = ["Exercise", "Dose", "Load"] + [
        f"Week of {fmt_short(first + timedelta(weeks=k))}" for k in range(weeks)
    ]
    rows: list[list] = [[P(h, "cell_bold") for h in head]]
    for n, p in enumerate(data.programme, start=1):
        what = f"Current programme: exercise {n}"
        rows.append([U(p.exercise, most=NAME_MOST, label=what),
                     U(p.dose, most=NAME_MOST, label=f"{what}, dose"),
                     U(p.load, most=NAME_MOST, label=f"{what}, load")]
                    + [P("") for _ in range(weeks)])
    u = width / 100
    widths = [24 * u, 13 * u, 11 * u] + [52 * u / weeks] * weeks
    # room to write in: 11 mm a row, more when a long name needs it (never cut off)
    pad = 2 * 2.5
    heights = [None] + [max(11 * mm, *(cell.wrap(w - 6, 1e9)[1] + pad
                                       for cell, w in zip(row[:3], widths[:3], strict=True)))
                        for row in rows[1:]]
    table = _table(rows, widths, ("GRID", (3, 1), (-1, -1), 0.5, st.RULE), zebra=False,
                   heights=heights)
    note = P("Write the sets, load and pain during (0-10) for each session; keep pain at or "
             "below 5/10 and settled by the next morning.", "muted")
    return out + [note, Spacer(1, 2 * mm), table]
