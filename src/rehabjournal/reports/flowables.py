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

from ..charts.lights import light_letter
from ..charts.theme import fit_titles, lower_first
from ..domain import adherence as da
from ..domain import light as light_mod
from ..domain import scales
from ..domain.summary import COMPLETED, PARTIAL, PeriodSummary
from ..i18n import (
    FORMAT_LOCALES,
    N_,
    _,
    current,
    format_date,
    format_fixed,
    library_text,
    ngettext,
    pgettext,
    semicolon,
)
from ..services import summary as sm
from ..services.report import DatedItem, ReportData
from . import scripts
from . import styles as st

CHART_DPI = 300


# ---- formatting --------------------------------------------------------------------------
# Every date and number is written in the language in force when the story is built
# (``i18n.using`` around ``build_pdf``): nothing here is translated at import.


def fmt_date(day: date, weekday: bool = False) -> str:
    """"17 Mar 2026" (or "Tue 17 Mar 2026") in the current language ("17 mars 2026")."""
    return format_date(day, "day" if weekday else "date")


def fmt_short(day: date) -> str:
    """"17 Mar" ("17 mars", "17. März")."""
    return format_date(day, "day_month")


def fmt_span(first: date, last: date) -> str:
    """A week's span, "23 Feb-1 Mar" (``services.summary.fmt_span``)."""
    return sm.fmt_span(first, last)


def period_text(start: date, end: date) -> str:
    """"17 Feb 2026 to 17 Mar 2026" in the current language."""
    return _("{start} to {end}").format(start=fmt_date(start), end=fmt_date(end))


def fmt_num(value: float | None, places: int = 1) -> str:
    """``value`` with exactly ``places`` decimals ("1.50", French "1,50"); None: "-"."""
    if value is None:
        return "-"
    return format_fixed(value, places)


def swelling_text(grade: str | None) -> str:
    """A swelling grade ("none", "mild" ...: the journal's English key) in the current
    language; "" for none."""
    words = {"none": pgettext("swelling", "none"), "mild": pgettext("swelling", "mild"),
             "moderate": pgettext("swelling", "moderate"),
             "severe": pgettext("swelling", "severe")}
    return words.get(grade or "", grade or "")


def side_joint_text(side: str, joint: str) -> str:
    """"left knee" in the current language ("genou (gauche)"): the journal's English keys
    shown translated, a joint the person typed as typed; "" when neither is set
    (``domain.scales.side_joint_name``, the same words as the window)."""
    return scales.side_joint_name(side, joint)


def light_word(colour: str) -> str:
    """A light's colour in words ("green"; "vert", "grün"); another key as it is."""
    words = {"green": pgettext("light", "green"), "amber": pgettext("light", "amber"),
             "red": pgettext("light", "red")}
    return words.get(colour, colour)


def fmt_count(n: int) -> str:
    """A count with the current language's thousands separator: "12,345" ("12 345")."""
    from babel.numbers import format_decimal

    return format_decimal(n, locale=FORMAT_LOCALES[current()])


def P(text: str, style: str = "cell") -> Paragraph:  # noqa: N802 - short, like reportlab's
    """A paragraph of plain text (escaped) in one of the stylesheet's styles."""
    return Paragraph(escape(text), st.stylesheet()[style])


def H(text: str, level: int = 2) -> Paragraph:  # noqa: N802
    return Paragraph(escape(text), st.stylesheet()[f"h{level}"])


# ---- user text ---------------------------------------------------------------------------

SEE_IN_FULL = N_("\u2026 (see Notes in full)")
"""Ends a user text cut in a table cell; the text is printed whole in "Notes in full"
(English, marked ``N_``: translated where it is printed)."""
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
        self._items: dict[tuple[str, str], bool] = {}

    def add(self, label: str, text: str, note: bool = False) -> None:
        """Remember ``text`` under ``label`` (our words: "Tue 3 Mar 2026: note"); ``note``:
        it is a note (the end of a very long one says "the full note is in the journal")."""
        self._items.setdefault((label, text), note)

    def is_note(self, label: str, text: str) -> bool:
        """Whether the text added under ``label`` is a note."""
        return self._items.get((label, text), False)

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


def user_markup(text: str, most: int | None = None, label: str | None = None,
                note: bool = False) -> str:
    """Paragraph markup for user-written ``text`` (``styles.user_text``).

    Args:
        most: cut a longer text to about this many characters (``shorten``) and end it with
            "… (see Notes in full)"; the whole text is then printed in the "Notes in full"
            section under ``label`` (when ``collecting_long_texts`` is active; otherwise
            it ends with "…"). None: the whole text.
        label: what and when, in our words ("Tue 3 Mar 2026: note"), for "Notes in full".
        note: the text is a note (see ``LongTexts.add``).
    """
    if most is None:
        return st.user_text(text)
    cut = shorten(text, most)
    if cut is None:
        return st.user_text(text)
    texts = _long_texts.get()
    if texts is None:
        return st.user_text(cut) + CUT_MARK
    texts.add(label or _("Text"), text, note)
    return (st.user_text(cut)
            + f'<font name="{st.FONT}" color="#{st.MUTED.hexval()[2:]}">'
            f"{escape(_(SEE_IN_FULL))}</font>")


def U(text: str, style: str = "cell", most: int | None = None,  # noqa: N802 - like P
      label: str | None = None, note: bool = False, **kwargs) -> Paragraph:
    """A paragraph of user-written text (``user_markup``) in a stylesheet style."""
    return Paragraph(user_markup(text, most, label, note), st.stylesheet()[style], **kwargs)


@cache
def _full_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """The label (kept with its text) and the text of an entry of "Notes in full"."""
    s = st.stylesheet()
    label = ParagraphStyle("full_label", parent=s["h3"], spaceBefore=6)
    text = ParagraphStyle("full_text", parent=s["body"], spaceAfter=1)
    return label, text


def full_text(text: str, most: int = FULL_MOST, note: bool = False) -> list[Flowable]:
    """``text`` whole (its first ``most`` characters), a paragraph per line (a paragraph
    splits across pages; a word longer than a line is broken), then "(N more characters
    not printed; the full text is in the journal.)" ("the full note" for a ``note``) when
    it is longer."""
    _label_style, style = _full_styles()
    out: list[Flowable] = []
    for line in text[:most].splitlines():
        if line.strip():
            out.append(Paragraph(st.user_text(line), style))
        else:
            out.append(Spacer(1, style.leading / 2))
    if len(text) > most:
        more = len(text) - most
        if note:
            line = ngettext("({count} more character not printed; the full note is in the "
                            "journal.)", "({count} more characters not printed; the full "
                            "note is in the journal.)", more)
        else:
            line = ngettext("({count} more character not printed; the full text is in the "
                            "journal.)", "({count} more characters not printed; the full "
                            "text is in the journal.)", more)
        out.append(P(line.format(count=fmt_count(more)), "muted"))
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
        H(_("Notes in full")),
        P(_("The texts shortened in the tables above (they end with \u201c{mark}\u201d), "
            "printed whole in the order they appear.").format(mark=_(SEE_IN_FULL)), "muted"),
    ]
    for label, text in texts.items():
        out += [CondPageBreak(room), Paragraph(escape(label), label_style)]
        out += full_text(text, note=texts.is_note(label, text))
    return out


# ---- headings kept with what follows -------------------------------------------------

HEADING_STYLES = frozenset({"h2", "h3"})
"""The stylesheet styles of section headings (``H``; the outcomes section's h2)."""
ORPHAN_LINES = 2
"""Lines of a paragraph a heading keeps with it on its page at least."""


def is_heading(flowable: Flowable) -> bool:
    """Whether ``flowable`` is a section heading (a paragraph in an h2 or h3 style)."""
    return isinstance(flowable, Paragraph) and flowable.style.name in HEADING_STYLES


def _start_height(flowable: Flowable, width: float, page: float) -> float:
    """The height of the least of ``flowable`` that must follow its heading on the same
    page: a table's header and first row, a paragraph's first lines, a block kept
    together whole (its first part when it is taller than a page), anything else whole."""
    if isinstance(flowable, Table):
        flowable.wrap(width, 1e9)
        heights = list(getattr(flowable, "_rowHeights", None) or [])
        head = flowable.repeatRows if isinstance(flowable.repeatRows, int) else 0
        return sum(heights[:head + 1])
    if isinstance(flowable, Paragraph):
        tall = flowable.wrap(width, 1e9)[1]
        return min(tall, ORPHAN_LINES * flowable.style.leading) + flowable.getSpaceBefore()
    if isinstance(flowable, KeepTogether):
        flowable.wrap(width, page)
        whole = flowable._H
        if whole <= page:
            return whole + flowable.getSpaceBefore()
        parts = [f for f in flowable._content if not isinstance(f, Spacer)]
        return _start_height(parts[0], width, page) if parts else 0.0
    return flowable.wrap(width, page)[1] + flowable.getSpaceBefore()


class KeepWithNext(CondPageBreak):
    """Before a heading: a new page unless the heading (and the headings and spacers right
    after it) fits with the start of what follows (``_start_height``), so a heading never
    ends a page alone. Nothing at the top of a page."""

    def __init__(self, heads: Sequence[Flowable], first: Flowable):
        super().__init__(0)
        self.heads = list(heads)
        self.first = first

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        frame = self._doctemplateAttr("frame")
        if frame is not None and getattr(frame, "_atTop", False):
            self.height = 0
            return super().wrap(availWidth, availHeight)
        page = frame._height if frame is not None else availHeight
        need = 0.0
        for f in self.heads:
            need += f.getSpaceBefore() + f.wrap(availWidth, availHeight)[1] + f.getSpaceAfter()
        self.height = need + _start_height(self.first, availWidth, page)
        return super().wrap(availWidth, availHeight)


def keep_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """``story`` with a ``KeepWithNext`` before each heading that something follows (a
    heading inside a ``KeepTogether`` is kept already; a heading followed by other headings
    and spacers is kept with them and what comes after)."""
    out: list[Flowable] = []
    items = list(story)
    kept_to = -1  # items up to this index are in a KeepWithNext already
    for i, f in enumerate(items):
        if i > kept_to and is_heading(f):
            j = i + 1
            while j < len(items) and (is_heading(items[j]) or _is_plain_space(items[j])):
                j += 1
            if j < len(items) and not isinstance(items[j], CondPageBreak):
                out.append(KeepWithNext(items[i:j], items[j]))
            kept_to = j - 1
        out.append(f)
    return out


def _is_plain_space(flowable: Flowable) -> bool:
    """A spacer (not a conditional page break, which is a ``Spacer`` too)."""
    return isinstance(flowable, Spacer) and not isinstance(flowable, CondPageBreak)


HEADER_PADDING = 3 + 3 + 1
"""A table cell's left and right padding (``styles.table_style``) and a little room."""


def _longest_word(text: str, style: ParagraphStyle, size: float | None = None) -> float:
    """The width in points of the longest word of ``text`` in ``style`` (or ``size``):
    words as reportlab breaks lines, so words joined by no-break spaces are one."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus.paragraph import split

    return max((stringWidth(word, style.fontName, size or style.fontSize)
                for word in split(text) if word), default=0.0)


def label_width(labels: Sequence[str], least: float, style: str = "cell_bold") -> float:
    """The width of a column of labels: ``least``, or more when a label's longest word
    would not fit in it (a German "Physiotherapeuten" is never broken)."""
    sheet = st.stylesheet()
    return max(least, *(_longest_word(label, sheet[style]) + HEADER_PADDING
                        for label in labels))


def fitted_header(heads: Sequence[str], widths: Sequence[float], style: str = "head_small",
                  body: Sequence[tuple[int, str, str]] = ()) -> tuple[list[Paragraph],
                                                                      list[float]]:
    """A table's header cells and column widths, each column at least as wide as the
    longest word of its header and of the ``body`` texts given (French and German words
    are longer than English ones: never "Belastun/g"). The room is taken from the columns
    with room to spare; when even that is not enough, the header's type is up to a point
    smaller. Widths that fit are kept as they are (the English table is unchanged).

    Args:
        heads: the header texts (plain text, escaped here).
        widths: the columns' widths as laid out for English; their sum is kept.
        style: the stylesheet style of the header cells.
        body: (column, text, stylesheet style) of body cells whose words must fit too.
    """
    sheet = st.stylesheet()
    base = sheet[style]
    total = sum(widths)
    least = [0.0] * len(heads)
    for col, text, name in body:
        least[col] = max(least[col], _longest_word(text, sheet[name]) + HEADER_PADDING)
    size = base.fontSize
    for size in (base.fontSize, base.fontSize - 0.5, base.fontSize - 1):
        needs = [max(_longest_word(head, base, size) + HEADER_PADDING, low)
                 for head, low in zip(heads, least, strict=True)]
        if sum(needs) <= total:
            break
    out = [max(w, n) for w, n in zip(widths, needs, strict=True)]
    excess = sum(out) - total
    if excess > 0:
        slack = [max(0.0, w - n) for w, n in zip(out, needs, strict=True)]
        room = sum(slack)
        out = [w - s * min(1.0, excess / room) for w, s in zip(out, slack, strict=True)] \
            if room > 0 else out
        if sum(out) > total:  # the words do not fit at all: they break, as they must
            out = [w * total / sum(out) for w in out]
    if size != base.fontSize:
        base = ParagraphStyle(f"{style}_{size:g}", parent=base, fontSize=size,
                              leading=base.leading * size / base.fontSize)
    return [Paragraph(escape(head), base) for head in heads], out


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
    n = (data.end - data.start).days + 1
    return ngettext("{n} day", "{n} days", n).format(n=n)


def header_block(data: ReportData, width: float) -> list[Flowable]:
    """Title and the who/what/when table."""
    patient, condition, side_joint = _("Patient"), _("Condition"), _("Side / joint")
    goal, clinician = _("Goal"), _("Clinician")
    rows = [
        [P(patient, "cell_bold"), U(data.patient, most=NAME_MOST, label=patient),
         P(_("Period"), "cell_bold"),
         P(_("{period} ({days})").format(period=period_text(data.start, data.end),
                                         days=_days_text(data)))],
        [P(condition, "cell_bold"), U(data.condition, most=TEXT_MOST, label=condition),
         P(side_joint, "cell_bold"),
         U(side_joint_text(data.side.strip(), data.joint.strip()) or "-", most=NAME_MOST,
           label=side_joint)],
        [P(goal, "cell_bold"), U(data.goal or "-", most=TEXT_MOST, label=goal),
         P(_("Report made"), "cell_bold"), P(fmt_date(data.made))],
    ]
    if data.clinician:
        rows.append([P(clinician, "cell_bold"),
                     U(data.clinician, most=NAME_MOST, label=clinician), P(""), P("")])
    table = Table(rows, colWidths=_header_widths(
        width, [patient, condition, goal, clinician],
        [_("Period"), side_joint, _("Report made")]), hAlign="LEFT")
    table.setStyle(st.table_style(("BOX", (0, 0), (-1, -1), 0.5, st.RULE), header=False))
    return [P(_("Rehab journal report: what changed"), "title"), table, Spacer(1, 4 * mm)]


def _header_widths(width: float, left: Sequence[str], right: Sequence[str]) -> list[float]:
    """The header table's columns: label, value, label, value (13, 37, 15 and 35 % of
    ``width``). A label column whose labels do not fit on one line ("Rapport établi le",
    "Bericht erstellt am") is widened to fit them, taken from the left value column down
    to 30 % (page one is tight: every line saved leaves room for the first chart)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    bold = st.stylesheet()["cell_bold"]

    def need(labels: Sequence[str]) -> float:
        return max(stringWidth(label, bold.fontName, bold.fontSize)
                   for label in labels) + HEADER_PADDING

    widths = [0.13 * width, 0.37 * width, 0.15 * width, 0.35 * width]
    for col, labels in ((0, left), (2, right)):
        more = min(max(0.0, need(labels) - widths[col]), widths[1] - 0.30 * width)
        widths[col] += more
        widths[1] -= more
    return widths


def empty_notice(data: ReportData) -> list[Flowable]:
    return [
        Paragraph(
            _("<b>No entries in this period.</b> The journal has no check-ins, sessions, red "
              "flags or events between {start} and {end}, so there is nothing to summarise. "
              "Choose another period.").format(start=fmt_date(data.start),
                                               end=fmt_date(data.end)),
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


def _item_label(item: DatedItem) -> str:
    """"Tue 3 Mar 2026: red flag" ("flare", "event"): a dated item in our labels."""
    day = fmt_date(item.day, weekday=True)
    if item.kind == "red flag":
        return _("{date}: red flag").format(date=day)
    if item.kind == "flare":
        return _("{date}: flare").format(date=day)
    return _("{date}: event").format(date=day)


def _flag_note(flag) -> str:
    """A red flag's note in a box of page one (cut to about a line and a half, so that
    many flags still read quickly; whole in "Notes in full")."""
    return user_markup(flag.note, NAME_MOST,
                       _("{date}: red flag notes").format(date=fmt_date(flag.day, weekday=True)),
                       note=True)


def _flag_line(flag) -> str:
    """"<b>Tue 3 Mar 2026</b>: label (note)": a red flag in a box of page one."""
    line = f"<b>{fmt_date(flag.day, weekday=True)}</b>: {escape(flag.label)}"
    return line + (f" ({_flag_note(flag)})" if flag.note else "")


def urgent_box(data: ReportData, width: float) -> list[Flowable]:
    """Urgent red flags ("see a clinician now") in their own box, above the headline."""
    summary = data.summary
    if summary is None or not summary.urgent_flags:
        return []
    tier = scales.FLAG_TIERS[scales.URGENT]
    lines = [_flag_line(f) for f in summary.urgent_flags]
    lines.append(escape(_(tier.advice)))
    title = ngettext("{heading}: urgent red flag recorded in this period",
                     "{heading}: urgent red flags recorded in this period",
                     len(summary.urgent_flags)).format(heading=_(tier.heading))
    return [_tier_box(scales.URGENT, title, lines, width), Spacer(1, 3 * mm)]


def assessment_box(data: ReportData, width: float) -> list[Flowable]:
    """Reasons to book an assessment: assessment-tier red flags and the escalation rules
    (no improvement after 6 weeks; worse despite reduced load)."""
    summary = data.summary
    if summary is None or not (summary.assessment_flags or summary.escalations):
        return []
    tier = scales.FLAG_TIERS[scales.ASSESSMENT]
    lines = [_flag_line(f) for f in summary.assessment_flags]
    lines += [escape(e.text) for e in summary.escalations]
    return [_tier_box(scales.ASSESSMENT, _(tier.heading), lines, width), Spacer(1, 3 * mm)]


def _week_heading(summary: PeriodSummary, index: int | None, which: str,
                  style: str = "cell_bold") -> Paragraph:
    """"First week" (``which`` "first") or "Last week" over "23 Feb-1 Mar" (the span kept
    on one line)."""
    text = escape(_("First week") if which == "first" else _("Last week"))
    if index is not None:
        w = summary.weeks[index]
        span = escape(fmt_span(w.week_start, w.week_end)).replace(" ", "\u00a0")
        text += f"<br/>{span}"
    return Paragraph(text, st.stylesheet()[style])


HEADLINE_HEAD_LINES = 4
"""Lines of the headline table's header at most in its usual type (the English header's
longest, "Clinically important? (...)"); a longer one (French, German) takes the smaller
type of the other tables' headers, so page one keeps room for the first chart."""


def _headline_head(summary: PeriodSummary, compared: bool, widths: Sequence[float],
                   style: str = "cell_bold") -> list[Paragraph]:
    """The headline table's header cells in ``style``; in "head_small" when they would take
    more than ``HEADLINE_HEAD_LINES`` lines in ``style``."""
    head = [
        P(_("Measure"), style),
        P(_("Whole period"), style),
        _week_heading(summary, summary.first_week, "first", style),
        _week_heading(summary, summary.last_week if compared else None, "last", style),
        P(_("Change (last - first)"), style),
        P(sm.important_header(summary), style),
    ]
    if style == "cell_bold":
        padding = 3 + 3  # styles.table_style
        lines = max(cell.wrap(w - padding, 1e9)[1] / cell.style.leading
                    for cell, w in zip(head, widths, strict=True))
        if lines > HEADLINE_HEAD_LINES + 0.01:
            return _headline_head(summary, compared, widths, "head_small")
    return head


def headline_table(data: ReportData, width: float) -> list[Flowable]:
    """First full calendar week against the last, with the change and whether it is
    clinically important (pain) or the absolute change (counts)."""
    summary = data.summary
    assert summary is not None
    compared = summary.last_week is not None and summary.last_week != summary.first_week
    w = width
    widths = [0.30 * w, 0.10 * w, 0.13 * w, 0.13 * w, 0.12 * w, 0.22 * w]
    rows: list[list] = [_headline_head(summary, compared, widths)]
    extra = []
    # loads holding sessions without an effort are marked "*" here and in the weekly load
    # line below; the load row's empty last cell says what "*" means (page one has no
    # room for a line more: tests/i18n/test_reports_layout.py)
    starred = sm.starred_count(summary) if summary.incomplete_weeks else 0
    for i, c in enumerate(summary.comparisons, start=1):
        verdict = P(c.verdict)
        if c.key == "load" and starred:
            verdict = P(sm.unrated_star_note(starred), "tiny")
        rows.append([
            P(_(c.label)),
            P(sm.fmt_compared(c, "period", unit=True, short=True), "cell_right"),
            P(sm.fmt_compared(c, "first", short=True), "cell_right"),
            P(sm.fmt_compared(c, "last", short=True), "cell_right"),
            P(sm.fmt_difference(c), "cell_right"),
            verdict,
        ])
        if c.important:
            tint = st.LIGHT_TINTS["green" if c.direction == "down" else "red"]
            extra.append(("BACKGROUND", (5, i), (5, i), tint))
    out: list[Flowable] = [_table(rows, widths, *extra, zebra=False)]
    out.append(Spacer(1, 1 * mm))
    out.append(P(_headline_note(summary, compared), "muted"))
    return out


def _headline_note(summary: PeriodSummary, compared: bool) -> str:
    """What the first and last week are (calendar weeks, completed or not)."""
    if summary.first_week is None:
        return _("No full calendar week (Monday to Sunday) in this period: nothing to "
                 "compare; the whole-period column is the period's own days.")
    completed = [which for which, index in (
        ("first", summary.first_week), ("last", summary.last_week if compared else None))
        if index is not None and summary.weeks[index].status == COMPLETED]
    if completed == ["first", "last"]:
        text = _("First and last week = the first and last full calendar weeks (Monday to "
                 "Sunday); the first and last completed from entries outside the period.")
    elif completed == ["first"]:
        text = _("First and last week = the first and last full calendar weeks (Monday to "
                 "Sunday); the first completed from entries outside the period.")
    elif completed == ["last"]:
        text = _("First and last week = the first and last full calendar weeks (Monday to "
                 "Sunday); the last completed from entries outside the period.")
    else:
        text = _("First and last week = the first and last full calendar weeks (Monday to "
                 "Sunday).")
    if not compared:
        text += " " + _("Only one full week: nothing to compare it with.")
    return text + " " + _("Counts: absolute changes.")


def summary_lines(data: ReportData) -> list[Flowable]:
    """Adherence, weekly load trend, lights, red-flag days and flares, as short bullets."""
    s = st.stylesheet()
    summary = data.summary
    assert summary is not None
    lines: list[str] = []
    if summary.verdict is not None and summary.verdict.kind is not None:
        v = summary.verdict
        lines.append(_("<b>Advice as of {date}:</b> {advice} {reason}").format(
            date=fmt_date(v.as_of, weekday=True), advice=escape(v.text),
            reason=f'<font color="#616e7c">{escape(v.reason)}</font>'))
    lines.append(_("<b>Programme adherence:</b> {adherence}.").format(
        adherence=escape(sm.fmt_adherence(summary))))
    if summary.weeks:
        text = _("<b>Weekly load (AU, calendar weeks Monday to Sunday):</b> {trend}.").format(
            trend=escape(sm.load_trend(summary, short=True)))
        big = [w for w in summary.weeks if w.change_pct is not None and w.change_pct > 30]
        if big:
            items = ", ".join(_("week of {date} {change}").format(
                date=fmt_short(w.week_start), change=sm.fmt_change_pct(w.change_pct))
                for w in big)
            text += " " + _("Rose by more than 30 % on the week before: {weeks}.").format(
                weeks=items)
        if any(w.status == PARTIAL for w in summary.weeks):
            text += " " + _("A partial week has no change.")
        lines.append(text)
    counts = summary.light_counts
    if counts:
        lines.append(_("<b>Pain-monitoring lights:</b> {counts}.").format(
            counts=sm.light_counts_text(counts)))
    if summary.red_flags:
        days = sorted({f.day for f in summary.red_flags})
        items = semicolon().join(
            f"{fmt_short(f.day)}: {escape(f.label)} "
            f"({escape(lower_first(_(scales.FLAG_TIERS[f.tier].heading)))})"
            for f in summary.red_flags)
        lines.append(_("<b>Red-flag days:</b> {count}. {flags}.").format(
            count=len(days), flags=items))
    else:
        lines.append(_("<b>Red-flag days:</b> none recorded."))
    if data.flares:
        items = semicolon().join(
            f"{fmt_short(i.day)}: "
            + user_markup(i.title, NAME_MOST,
                          _("{date}: flare").format(date=fmt_date(i.day, weekday=True)))
            for i in data.flares)
        lines.append(_("<b>Flares you marked:</b> {count} ({flares}).").format(
            count=len(data.flares), flares=items))
    else:
        lines.append(_("<b>Flares you marked:</b> none."))
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
    text = ngettext("<b>Flares counted from the morning ratings</b> (a morning at least "
                    "{rise} point above your usual, or a day you marked; used by the patterns "
                    "section):", "<b>Flares counted from the morning ratings</b> (a morning at "
                    "least {rise} points above your usual, or a day you marked; used by the "
                    "patterns section):", report.rise).format(rise=report.rise)
    if report.start < data.start:
        tail = ngettext("{count} began from {start} to {end}, {in_period} of them in this "
                        "period.", "{count} began from {start} to {end}, {in_period} of them "
                        "in this period.", report.flares_started).format(
            count=report.flares_started, start=fmt_date(report.start),
            end=fmt_date(report.end), in_period=in_period)
    elif in_period:
        tail = ngettext("{count} began in this period.", "{count} began in this period.",
                        in_period).format(count=in_period)
    else:
        tail = _("none in this period.")
    return f"{text} {tail}"


WAITING_COLOUR = st.colors.HexColor("#9aa5b1")


def day_mark(status: str | None, tier: str | None) -> tuple[str, object]:
    """The strip's letter and colour of a day: a red-flag day shows its tier's symbol and
    colour ("!" see a clinician now, "?" book an assessment), never the load light's R; a
    day waiting for its next-morning rating shows "W" on grey."""
    if tier is not None:
        t = scales.FLAG_TIERS[tier]
        return t.symbol, st.colors.HexColor(t.colour)
    if status == light_mod.WAITING:
        return light_letter(light_mod.WAITING), WAITING_COLOUR
    return light_letter(status), st.LIGHT_COLOURS[status]


def light_legend() -> str:
    """The light legend of the strip (``domain.light.LEGEND``'s short labels; progression
    only after a full green week; the red-flag tiers)."""
    letters = (light_mod.GREEN, light_mod.AMBER, light_mod.RED, light_mod.WAITING)
    parts = []
    for item in light_mod.LEGEND:
        text = _(item.short)
        if item.key == light_mod.GREEN:
            text = _("{legend} (progress one step only after a full green week)").format(
                legend=text)
        elif item.key == light_mod.WAITING:
            text = _(light_mod.WAITING_LABEL)
        elif item.symbol:
            text = _("red flag: {legend}").format(legend=text)
        mark = light_letter(item.key) if item.key in letters else item.symbol
        parts.append(f"<b>{escape(mark)}</b> {escape(text)}")
    return semicolon().join([*parts, _("blank: nothing to judge.")])


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
    return [KeepTogether([H(_("Pain-monitoring lights, day by day"), 3), table,
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
    fit_titles(fig)  # a long French or German title in the PDF's width
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
    title: str | None, fig, width: float, height: float | None = None,
    after: Sequence[Flowable] = (),
) -> KeepTogether:
    """A chart (with an optional heading, and ``after`` it its notes) that never splits
    across a page break."""
    parts: list[Flowable] = [H(title)] if title else []
    return KeepTogether([*parts, figure_image(fig, width, height), *after,
                         Spacer(1, 3 * mm)])


FIT_LEAST = 0.7
"""A fitted chart is drawn down to this share of its own height to stay on its page."""
CHART_GAP = 3 * mm
"""The room under a chart (``chart_block``'s spacer)."""


class FittedChart(Flowable):
    """A chart under its heading that takes the room left on page one: its own height when
    it fits, else as tall as the room down to ``FIT_LEAST`` of it (only the panels get
    shorter: the type, the margins and the legend keep their size,
    ``charts.theme.set_height_keeping_margins``); when even that does not fit, or on a
    later page (after the patterns section), the heading and the chart go to the next page
    at their own height, as ``chart_block``'s do. Never split.

    Page one's first chart: a French or German page one has longer lines than the English
    one, and the chart stays on it as in English instead of leaving the page's foot empty.
    """

    def __init__(self, title: str | None, fig, width: float, least: float = FIT_LEAST):
        super().__init__()
        self.heading = H(title) if title else None
        self.fig = fig
        self.chart_width = width
        w_in, h_in = fig.get_size_inches()
        self.natural = width * h_in / w_in
        self.least = least * self.natural
        self._images: dict[int, Image] = {}
        # drawn now at its own height: the story's PlaceholderTally counts its missing glyphs
        self.image = self._image(self.natural)
        self.chart_height = self.natural
        self._heading_height = 0.0
        self.gap = CHART_GAP

    def _image(self, height: float) -> Image:
        """The chart drawn ``height`` points tall (made once per height). The first call,
        at its own height, draws it as ``chart_block`` would; a shorter one keeps the
        margins of that drawing and shortens the panels."""
        key = round(height)
        if key not in self._images:
            if self._images:
                from ..charts.theme import set_height_keeping_margins

                if not set_height_keeping_margins(self.fig, key / 72.0):
                    key = round(self.natural)  # cannot be shortened: its own height
            if key not in self._images:
                self._images[key] = figure_image(self.fig, self.chart_width,
                                                 self.natural if key == round(self.natural)
                                                 else key)
        return self._images[key]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return self.heading.getSpaceBefore() if self.heading else 0.0

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        head = 0.0
        if self.heading is not None:
            head = self.heading.wrap(availWidth, availHeight)[1] + self.heading.getSpaceAfter()
        self._heading_height = head
        room = availHeight - head
        on_page_one = self._doctemplateAttr("page") in (1, None)
        if room >= self.natural + CHART_GAP or room < self.least or not on_page_one:
            # room enough, or too little: the next page, at its own height
            height, self.gap = self.natural, CHART_GAP
        else:  # as tall as the room: it ends the page, no room under it is needed
            height, self.gap = min(self.natural, float(int(room))), 0.0
        self.image = self._image(height)
        self.chart_height = self.image.drawHeight
        self.width = availWidth
        self.height = head + self.chart_height + self.gap
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        return []

    def draw(self) -> None:
        if self.heading is not None:
            _w, h = self.heading.wrap(self.width, self.height)
            self.heading.drawOn(self.canv, 0, self.height - h)
        # centred as an Image flowable is: the chart spans the page between its margins
        self.image.drawOn(self.canv, (self.width - self.image.drawWidth) / 2, self.gap)


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
    heading = Paragraph(escape(_("The patient's questions for this appointment")),
                        _questions_heading_style())
    out: list[Flowable] = [heading]
    if not data.questions:
        out.append(P(_("No open questions."), "muted"))
    shown = data.questions[:QUESTIONS_ON_PAGE_ONE]
    items = [Paragraph(user_markup(q, TEXT_MOST, _("Question {n}").format(n=n)), s["bullet"],
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
        if texts is None:
            out.append(P(ngettext("{count} more question in the journal.",
                                  "{count} more questions in the journal.", len(rest))
                         .format(count=len(rest)), "muted"))
        else:
            for n, q in enumerate(rest, start=len(shown) + 1):
                texts.add(_("Question {n}").format(n=n), q)
            out.append(P(ngettext(
                "{count} more question, printed under \u201cNotes in full\u201d at the end.",
                "{count} more questions, printed under \u201cNotes in full\u201d at the end.",
                len(rest)).format(count=len(rest)), "muted"))
    return [KeepTogether(out)]


# ---- following pages -------------------------------------------------------------------


def light_cell(colour: str | None, counts: dict[str, int]) -> Paragraph:
    if colour is None:
        return P("-")
    parts = [f"{light_letter(c)}{counts[c]}" for c in ("green", "amber", "red") if
             counts.get(c)]
    return P(f"{light_word(colour)} ({' '.join(parts)})")


def _unbroken(text: str) -> str:
    """``text`` with no-break spaces: a short date ("2. Nov.") is never cut in two lines."""
    return text.replace(" ", "\u00a0")


def weekly_table(data: ReportData, width: float) -> list[Flowable]:
    """The summary's calendar weeks: the same rows as the load chart's weekly bars."""
    summary = data.summary
    assert summary is not None
    head = [_("Week of"), _("Days"), _("Sessions"), _("Minutes"), _("Load (AU)"), _("Change"),
            _("Monotony"), _("Strain"), _("Morning pain"), _(sm.ADHERENCE_WEEK),
            _("Light (worst day)")]
    u = width / 100
    words = [(0, _unbroken(fmt_short(w.week_start)), "cell") for w in summary.weeks]
    words += [(0, w.status_text, "tiny") for w in summary.weeks if w.status_text]
    words += [(10, light_word(w.worst_light), "cell") for w in summary.weeks if w.worst_light]
    words += [(4, _not_rated(w.unrated), "tiny") for w in summary.weeks if w.unrated]
    cells, widths = fitted_header(
        head, [13 * u, 5 * u, 8 * u, 8 * u, 8 * u, 10 * u, 9 * u, 7 * u, 8 * u, 10 * u, 14 * u],
        body=words)
    rows: list[list] = [cells]
    cmds = []
    for i, w in enumerate(summary.weeks, start=1):
        week = [P(_unbroken(fmt_short(w.week_start)), "cell")]
        if w.status_text:
            week.append(P(w.status_text, "tiny"))
        rows.append([
            week,
            P(str(w.days_counted), "cell_right"),
            P(str(w.sessions), "cell_right"),
            P(str(w.minutes), "cell_right"),
            _week_load_cell(w),
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
        if w.unrated:
            cmds.append(("BACKGROUND", (4, i), (4, i), st.HEADER_BG))
    note = P(_("Calendar weeks, Monday to Sunday. Load = session RPE (CR-10) x minutes, "
               "summed over the week. Days = days whose entries are in the row: a week cut by "
               "the period is completed from the journal's entries outside it when there are "
               "any, else it is partial (its days in the period only) and has no change, "
               "monotony or strain. Change = against the calendar week before, only between "
               "two full weeks; above 30 % is shaded. {monotony} {adherence}: of the row's "
               "days. {definition} Page one gives the period's.").format(
                   monotony=_(sm.MONOTONY_NOTE), adherence=_(sm.ADHERENCE_WEEK),
                   definition=_(da.DEFINITION)), "muted")
    notes = [note]
    if summary.incomplete_weeks:
        notes.append(P(_("Grey load: the week holds sessions without an effort (not rated): "
                         "the load shown is the rated sessions' only, the week's is not known, "
                         "so it has no change, monotony or strain, nor has the week after "
                         "it."), "muted"))
    # kept on one page when it fits (a long period's table splits, repeating its header)
    return [KeepTogether([H(_("Week by week")), _table(rows, widths, *cmds),
                          Spacer(1, 1 * mm), *notes])]


def _not_rated(n: int) -> str:
    """"7 not rated" under a week's load (sessions without an effort)."""
    return ngettext("{n} not rated", "{n} not rated", n).format(n=n)


def _week_load_cell(w) -> Paragraph | list[Paragraph]:
    """A weekly row's load: the number, and under it how many sessions are not rated (the
    number is then the rated sessions' load only)."""
    cell = P(fmt_num(w.load, 0), "cell_right")
    if not w.unrated:
        return cell
    return [cell, P(_not_rated(w.unrated), "tiny_right")]


def programme_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H(_("Current programme"))]
    if not data.programme:
        return out + [P(_("No programme in the journal."), "muted")]
    name = user_markup(library_text(data.programme_name), NAME_MOST,
                       _("Current programme: name"))
    phase = user_markup(library_text(data.programme_phase), NAME_MOST,
                        _("Current programme: phase"))
    out.append(Paragraph(_("{programme}: phase \u201c{phase}\u201d (on {date}).").format(
        programme=name, phase=phase, date=fmt_date(data.end)), st.stylesheet()["body"]))
    out.append(Spacer(1, 1.5 * mm))
    rows: list[list] = [[P(h, "cell_bold") for h in
                         (_("Exercise"), _("Sets x reps or hold"), _("Load"), _("Days a week"),
                          _("Progression (last change)"))]]
    for n, p in enumerate(data.programme, start=1):
        what = _("Current programme: exercise {n}").format(n=n)
        rows.append([U(library_text(p.exercise), most=NAME_MOST, label=what),
                     U(p.dose, most=NAME_MOST, label=_("{what}, dose").format(what=what)),
                     U(p.load, most=NAME_MOST, label=_("{what}, load").format(what=what)),
                     P(p.days_per_week, "cell_right"),
                     U(p.status, most=NAME_MOST,
                       label=_("{what}, progression").format(what=what))])
    u = width / 100
    # the heading never ends a page alone
    return [KeepTogether(out + [_table(rows, [30 * u, 17 * u, 14 * u, 10 * u, 29 * u])])]


def events_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H(_("Red flags and events"))]
    if not data.events:
        return out + [P(_("No red flags or events in this period."), "muted")]
    rows: list[list] = [[P(h, "cell_bold") for h in
                         (_("Date"), _("Kind"), _("What"), _("Notes"))]]
    cmds = []
    items: list[DatedItem] = sorted(data.events, key=lambda i: i.day)
    for i, item in enumerate(items, start=1):
        kind = _("red flag") if item.kind == "red flag" else item.kind
        if item.urgent:
            kind = _("{kind} (urgent)").format(kind=kind)
        what = _item_label(item)
        rows.append([P(fmt_date(item.day)),
                     U(kind, most=NAME_MOST, label=_("{what}, kind").format(what=what)),
                     U(item.title, most=NAME_MOST, label=what),
                     U(item.notes, most=NOTE_MOST, label=_("{what} notes").format(what=what),
                       note=True)])
        if item.kind == "red flag":
            cmds.append(("BACKGROUND", (0, i), (-1, i), st.LIGHT_TINTS["red"]))
    u = width / 100
    return [KeepTogether(out + [_table(rows, [15 * u, 15 * u, 28 * u, 42 * u], *cmds,
                                       zebra=False)])]


def notes_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H(_("Notable notes"))]
    if not data.notes:
        return out + [P(_("No notes on amber, red, red-flag or event days."), "muted")]
    out.append(P(_("Notes written on days with an amber or red light, a red flag or an "
                   "event."), "muted"))
    out.append(Spacer(1, 1 * mm))
    rows: list[list] = [[P(_("Date"), "cell_bold"), P(_("Note"), "cell_bold")]]
    for day, text in data.notes:
        when = fmt_date(day, weekday=True)
        rows.append([P(when), U(text, most=WIDE_NOTE_MOST,
                                label=_("{date}: note").format(date=when), note=True)])
    u = width / 100
    return [KeepTogether(out + [_table(rows, [20 * u, 80 * u])])]


def day_log_table(data: ReportData, width: float) -> list[Flowable]:
    head = (_("Date"), _("AM pain"), _("Stiff. (min)"), _("Swelling"), _("Sessions"),
            _("Load (AU)"), _("Peak pain"), _("Light"), _("Notes"))
    u = width / 100
    with_year = data.start.year != data.end.year

    def day_text(day: date) -> str:
        """"Tue 3 Mar" on one line ("Di., 3. März", never "Di., 3." over "März"); the
        year, when the period has two, may go to the next line."""
        if not with_year:
            return _unbroken(format_date(day, "weekday_day_month"))
        first, _space, year = format_date(day, "day").rpartition(" ")
        return f"{_unbroken(first)} {year}" if first else year

    words = [(0, day_text(d.day), "small") for d in data.days]
    words += [(3, swelling_text(d.swelling), "small") for d in data.days if d.swelling]
    cells, widths = fitted_header(head, [12 * u, 6 * u, 6 * u, 9 * u, 21 * u, 6 * u, 6 * u,
                                         6 * u, 28 * u], body=words)
    rows: list[list] = [cells]
    cmds = []
    unrated = ({x.day: x.unrated for x in data.summary.days if x.unrated}
               if data.summary is not None else {})
    for i, d in enumerate(data.days, start=1):
        day = day_text(d.day)
        when = fmt_date(d.day, weekday=True)
        rows.append([
            P(day, "small"),
            P("-" if d.morning_pain is None else str(d.morning_pain), "cell_right"),
            P("-" if d.stiffness_min is None else str(d.stiffness_min), "cell_right"),
            P(swelling_text(d.swelling) or "-", "small"),
            U(d.sessions or _("rest"), "small", most=NAME_MOST,
              label=_("{date}: sessions").format(date=when)),
            P(_day_load_text(d.load, unrated.get(d.day, 0)), "cell_right"),
            P("-" if d.peak_pain is None else str(d.peak_pain), "cell_right"),
            P(day_mark(d.status, d.red_flag_tier)[0] or "-", "cell"),
            U(d.notes, "small", most=NOTE_MOST, label=_("{date}: note").format(date=when),
              note=True),
        ])
        if d.red_flag_tier:
            cmds.append(("BACKGROUND", (7, i), (7, i), st.TIER_TINTS[d.red_flag_tier]))
        elif d.light:
            cmds.append(("BACKGROUND", (7, i), (7, i), st.LIGHT_TINTS[d.light]))
        elif d.status == light_mod.WAITING:
            cmds.append(("BACKGROUND", (7, i), (7, i), st.HEADER_BG))
        if unrated.get(d.day):
            cmds.append(("BACKGROUND", (5, i), (5, i), st.HEADER_BG))
    title = _("Appendix: day-by-day log, {period}").format(
        period=period_text(data.start, data.end))
    out: list[Flowable] = [H(title)]
    if any(unrated.get(d.day) for d in data.days):
        # before the table, which may fill its last page to the bottom: a note after it
        # could take a page of its own
        out.append(P(_("Load \"?\": a session of the day has no effort yet, so the day's load "
                       "is not known (\"125+?\": the rated sessions' part)."), "muted"))
    out.append(_table(rows, widths, *cmds))
    return out


def _day_load_text(load: float, unrated: int) -> str:
    """A day's load in the day-by-day log: "180"; "?" when sessions without an effort
    leave it unknown, "180+?" when some are rated (short: the column is narrow)."""
    if not unrated:
        return fmt_num(load, 0)
    return "?" if not load else f"{fmt_num(load, 0)}+?"


def programme_sheet(data: ReportData, width: float, weeks: int = 4) -> list[Flowable]:
    """A blank sheet to tick off the programme over the coming weeks."""
    out: list[Flowable] = [H(_("Programme sheet for the coming weeks"))]
    if not data.programme:
        return out + [P(_("No programme in the journal."), "muted")]
    first = data.end + timedelta(days=1)
    first -= timedelta(days=first.weekday())
    if first <= data.end:
        first += timedelta(weeks=1)
    head = [_("Exercise"), _("Dose"), _("Load")] + [
        _("Week of {date}").format(date=fmt_short(first + timedelta(weeks=k)))
        for k in range(weeks)
    ]
    rows: list[list] = [[P(h, "cell_bold") for h in head]]
    for n, p in enumerate(data.programme, start=1):
        what = _("Current programme: exercise {n}").format(n=n)
        rows.append([U(library_text(p.exercise), most=NAME_MOST, label=what),
                     U(p.dose, most=NAME_MOST, label=_("{what}, dose").format(what=what)),
                     U(p.load, most=NAME_MOST, label=_("{what}, load").format(what=what))]
                    + [P("") for _week in range(weeks)])
    u = width / 100
    widths = [24 * u, 13 * u, 11 * u] + [52 * u / weeks] * weeks
    # room to write in: 11 mm a row, more when a long name needs it (never cut off)
    pad = 2 * 2.5
    heights = [None] + [max(11 * mm, *(cell.wrap(w - 6, 1e9)[1] + pad
                                       for cell, w in zip(row[:3], widths[:3], strict=True)))
                        for row in rows[1:]]
    table = _table(rows, widths, ("GRID", (3, 1), (-1, -1), 0.5, st.RULE), zebra=False,
                   heights=heights)
    note = P(_("Write the sets, load and pain during (0-10) for each session; keep pain at "
               "or below 5/10 and settled by the next morning."), "muted")
    return out + [note, Spacer(1, 2 * mm), table]
