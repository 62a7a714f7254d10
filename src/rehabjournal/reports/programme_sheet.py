"""The programme sheet: a printable handout a patient can follow, with boxes to tick.

``write_programme_sheet(path, programme_id=None)`` writes the sheet of a programme (the
active one by default) and returns its pages; ``programme_sheet_bytes`` returns the same
PDF as bytes (previews). ``build_sheet(data, out)`` lays out ``services.programme_sheet``'s
``SheetData``: the header (programme, clinician and contact, start and review dates), how
to use the sheet (the pain scale with the journal's thresholds, when to stop), the phases
at a glance, then per phase its weeks and dates, goal, criteria to move on and deload
mark, one card per exercise (dose in words, side, how often, effort, how to do it, what to
watch, pain rule, the physio's notes, picture or video link) and a tick grid: a row per
exercise, a column per week, a box per prescribed session.

The report's styles, fonts and page furniture are reused (``reports.styles``, the
flowable helpers of ``reports.flowables``, the two-pass footer canvas of
``reports.builder``): every page says "page x of y" and ``reports.DISCLAIMER``. Long texts
(notes of thousands of characters, text without spaces) split across pages: the cards and
the grid split inside a row (``splitInRow``) rather than raise a ``LayoutError``.

Errors: ``ReportWriteError`` (a ``StorageError``) when the file cannot be written, with no
partial file left; ``NotFoundError`` when there is no such programme (or none is active).
"""

from __future__ import annotations

import io
import os
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ..charts.theme import lower_first
from ..domain import media as dmedia
from ..domain import scales
from ..i18n import FORMAT_LOCALES, N_, _, current, ngettext, semicolon
from ..services.programme_sheet import SheetData, SheetExercise, SheetPhase, sheet_data
from . import DISCLAIMER, normalise_paper
from . import flowables as fl
from . import styles as st
from .builder import (
    FOOTER_FONT_SIZE,
    check_target,
    footer_canvas,
    page_of,
    pdf_document,
    write_pdf,
)

WEEKS_PER_GRID = 3
"""Week columns of one tick grid at most (a week of daily boxes fits one column); a
longer phase gets more grids, of even sizes."""

def day_label(weekday: int) -> str:
    """A tick box's weekday (0 Monday) in two letters or so: "Mo" / "lu" / "Mo." (CLDR's
    short day names)."""
    from babel.dates import get_day_names

    return get_day_names("short", locale=FORMAT_LOCALES[current()])[weekday]

DEFAULT_PAPER = "A4"


# ---- the tick boxes ----------------------------------------------------------------------

class TickBoxes(Flowable):
    """Boxes to tick by hand: one column per session of a week, labelled with its weekday
    (and its day of the month when the programme has dates) when the physio named the days,
    one row of boxes per time of day. Columns that do not fit the width wrap onto another
    line.

    Args:
        labels: per column, its label lines (``()`` for none), e.g. ``("Mo", "29")``.
        rows: boxes per column (times a day).
    """

    BOX = 4.4 * mm
    GAP = 1.2 * mm
    LINE = 2.3 * mm

    def __init__(self, labels: list[tuple[str, ...]], rows: int = 1):
        super().__init__()
        self.labels = labels or [()]
        self.rows = max(1, rows)
        self._per_line = len(self.labels)

    def _label_height(self) -> float:
        return max(len(label) for label in self.labels) * self.LINE

    def _line_height(self) -> float:
        return self._label_height() + self.rows * (self.BOX + self.GAP)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        step = self.BOX + self.GAP
        self._per_line = max(1, min(len(self.labels), int((availWidth + self.GAP) // step)))
        lines = -(-len(self.labels) // self._per_line)
        self.width = self._per_line * step - self.GAP
        self.height = lines * self._line_height() - self.GAP
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        step = self.BOX + self.GAP
        label_h = self._label_height()
        c.saveState()
        c.setStrokeColor(st.INK)
        c.setLineWidth(0.6)
        c.setFillColor(st.MUTED)
        c.setFont(st.FONT, 5.5)
        for i, label in enumerate(self.labels):
            line, col = divmod(i, self._per_line)
            x = col * step
            y = self.height - line * self._line_height()
            for n, text in enumerate(label):
                c.drawCentredString(x + self.BOX / 2, y - (n + 1) * self.LINE + 0.5 * mm, text)
            y -= label_h
            for _r in range(self.rows):
                y -= self.BOX
                c.rect(x, y, self.BOX, self.BOX, stroke=1, fill=0)
                y -= self.GAP
        c.restoreState()


def _session_labels(ex: SheetExercise, week_start: date | None) -> list[tuple[str, ...]]:
    """The labels of an exercise's boxes in one programme week, in the order of its days:
    ("Mo", "29") with dates, ("Mo",) without; none when the physio named no days."""
    if not ex.weekdays:
        return [()] * max(1, ex.days_per_week)
    first = week_start.weekday() if week_start else 0
    out = []
    for d in sorted(ex.weekdays, key=lambda d: (d - first) % 7):
        if week_start is None:
            out.append((day_label(d),))
        else:
            day = week_start + timedelta(days=(d - first) % 7)
            out.append((day_label(d), str(day.day)))
    return out


def _chunks(weeks: int, most: int = WEEKS_PER_GRID) -> list[range]:
    """Weeks 1..``weeks`` in even groups of at most ``most``: 4 -> 1-2, 3-4; 5 -> 1-3, 4-5."""
    groups = -(-weeks // most)
    size, extra = divmod(weeks, groups)
    out, first = [], 1
    for g in range(groups):
        n = size + (1 if g < extra else 0)
        out.append(range(first, first + n))
        first += n
    return out


# ---- page furniture ----------------------------------------------------------------------

FOOTER_GAP = 4 * mm
"""The least space between the footer's name and the disclaimer or the page number."""


def elide(text: str, width: float, font: str = st.FONT,
          size: float = FOOTER_FONT_SIZE) -> str:
    """``text`` on one line of at most ``width`` points: whole when it fits, else cut
    (at a word when one ends in the last third) and ended with "…"."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest start that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid].rstrip() + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    cut = text[:lo]
    space = cut.rfind(" ")
    if space > len(cut) * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…" if cut.strip() else ""


def footer_name(name: str, page_width: float, total: int) -> str:
    """The programme's name as the footer centres it: elided so that it keeps
    ``FOOTER_GAP`` from the disclaimer on the left and from "page x of y" on the right."""
    left = st.MARGIN + stringWidth(_(DISCLAIMER), st.FONT, FOOTER_FONT_SIZE) + FOOTER_GAP
    pages = page_of(total, total)  # the widest page number
    right = (page_width - st.MARGIN - stringWidth(pages, st.FONT, FOOTER_FONT_SIZE)
             - FOOTER_GAP)
    half = min(page_width / 2 - left, right - page_width / 2)
    return elide(name, 2 * half) if half > 0 else ""


def _footer(data: SheetData, pages_out: list[int]):
    """The report's footer canvas with the programme's name in the middle
    (``footer_name``: shortened to fit between the disclaimer and "page x of y")."""
    return footer_canvas(lambda width, total: footer_name(data.name, width, total), pages_out)


def _date(day: date | None) -> str:
    return fl.fmt_date(day, weekday=True) if day else ""


@cache
def _cell_bullet() -> ParagraphStyle:
    """The report's bullet at the size of table cells."""
    cell = st.stylesheet()["cell"]
    return ParagraphStyle("cell_bullet", parent=st.stylesheet()["bullet"],
                          fontSize=cell.fontSize, leading=cell.leading, leftIndent=9)


def _cap(text: str) -> str:
    """The first letter upper case, the rest as written ("3 days a week (Mon, Wed)")."""
    return text[:1].upper() + text[1:]


def _para(text: str, style: str = "cell") -> Paragraph:
    """Plain text (escaped) with its line breaks kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), st.stylesheet()[style])


def _user_markup(text: str, most: int = fl.FULL_MOST) -> str:
    """User-written ``text`` as markup (``styles.user_text``), line breaks kept, its first
    ``most`` characters and then "(N more characters not printed; the full text is in the
    app.)": a megabyte of notes would take minutes to lay out and hundreds of pages."""
    more = ""
    if len(text) > most:
        n = len(text) - most
        line = ngettext("({count} more character not printed; the full text is in the app.)",
                        "({count} more characters not printed; the full text is in the app.)",
                        n).format(count=fl.fmt_count(n))
        more = f'<br/><font color="#{st.MUTED.hexval()[2:]}">{escape(line)}</font>'
        text = text[:most]
    return st.user_text(text).replace("\n", "<br/>") + more


def _user(text: str, style: str = "cell", most: int = fl.FULL_MOST) -> Paragraph:
    """A paragraph of user-written text (``_user_markup``); it splits across pages, and a
    word longer than the line is broken."""
    return Paragraph(_user_markup(text, most), st.stylesheet()[style])


def _name(text: str, most: int = fl.NAME_MOST, more: str = "\u2026") -> tuple[str, bool]:
    """A name (programme, phase, exercise) as markup for a heading or a narrow cell: cut
    at about ``most`` characters and ended with ``more``; and whether it was cut (the full
    name is then printed nearby)."""
    cut = fl.shorten(text, most)
    if cut is None:
        return st.user_text(text), False
    return st.user_text(cut) + escape(more), True


def _full_name(text: str) -> list[Flowable]:
    """"Full name: ..." under a heading whose name was cut."""
    return [Paragraph(_("<b>Full name:</b> {name}").format(name=_user_markup(text)),
                      st.stylesheet()["cell"])]


# ---- page one ----------------------------------------------------------------------------

def header_block(data: SheetData, width: float) -> list[Flowable]:
    """Title, who it is for, and the programme's dates and clinician."""
    s = st.stylesheet()
    title, cut = _name(data.name, 2 * fl.NAME_MOST)
    out: list[Flowable] = [Paragraph(title, s["title"])]
    if cut:
        out += _full_name(data.name)
    if data.patient:
        sub = _("Your home exercise programme for {patient}").format(
            patient=_name(data.patient)[0])
    else:
        sub = escape(_("Your home exercise programme"))
    out.append(Paragraph(sub, s["muted"]))
    out.append(Spacer(1, 2 * mm))

    length = ngettext("{n} week", "{n} weeks", data.weeks).format(n=data.weeks)
    if data.start:
        start = _date(data.start)
        end = _date(data.end) if data.end else "-"
    else:
        start = _("Not set: week 1 is the week you start")
        end = "-"
    pairs = [
        (_("Starts"), _para(start)),
        (_("Ends"), _para(f"{end} ({length})" if data.start else length)),
        (_("Clinician"), _user(data.clinician or "-")),
        (_("Contact"), _user(data.contact or "-")),
        (_("Review"), _para(_date(data.review) or "-")),
        (_("Sheet made"), _para(fl.fmt_date(data.made))),
    ]
    rows = []
    for i in range(0, len(pairs), 2):
        row = []
        for label, value in pairs[i:i + 2]:
            row += [_para(label, "cell_bold"), value]
        rows.append(row)
    w = width
    label_w = fl.label_width([label for label, _value in pairs], 0.13 * w)
    table = Table(rows, colWidths=[label_w, 0.5 * w - label_w] * 2, hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(st.table_style(("BOX", (0, 0), (-1, -1), 0.5, st.RULE), header=False))
    out.append(table)
    if data.notes:
        out += [Spacer(1, 2 * mm), Paragraph(_("<b>About this programme:</b> {notes}").format(
            notes=_user_markup(data.notes)), s["body"])]
    return out + [Spacer(1, 3 * mm)]


def how_to_block(data: SheetData, width: float) -> list[Flowable]:
    """How to use the sheet, the pain scale, and when to stop and get care."""
    s = st.stylesheet()
    lines = [
        escape(_("Do the exercises of the phase you are in, on the days shown. Each time you "
                 "do an exercise, tick one of its boxes in the phase's tick grid (days are "
                 "labelled when your physio chose them; unlabelled boxes mean any days of the "
                 "week). A second row of boxes is for exercises done twice a day.")),
        escape(data.pain_scale),
    ]
    if any(ph.criteria for ph in data.phases):
        lines.append(escape(_("Move on to the next phase when you meet its criteria to move "
                              "on, and your physio agrees.")))
    lines.append(escape(
        _("A deload phase is lighter on purpose: keep to its doses even if you feel good.")
        if any(ph.deload for ph in data.phases) else
        _("If a dose is too hard, or pain goes above the limit, do less next time rather than "
          "stopping altogether.")))
    urgent = [_(label) for label, tier in scales.RED_FLAGS.values() if tier == scales.URGENT]
    tier = scales.FLAG_TIERS[scales.URGENT]
    cells: list[Flowable] = [Paragraph(escape(_("How to use this sheet")), s["box_title"])]
    cells += [Paragraph(line, s["bullet"], bulletText="•") for line in lines]
    cells.append(Paragraph(
        _('<font color="{colour}"><b>Stop and {action} if</b></font>: {signs}. {advice}').format(
            colour=tier.colour, action=escape(lower_first(_(tier.heading))),
            signs=escape(semicolon().join(lower_first(u) for u in urgent)),
            advice=escape(_(tier.advice))), s["bullet"], bulletText=tier.symbol))
    table = Table([[cells]], colWidths=[width], hAlign="LEFT", splitInRow=1)
    table.setStyle(st.table_style(
        ("BOX", (0, 0), (-1, -1), 0.5, st.RULE),
        ("BACKGROUND", (0, 0), (-1, -1), st.ZEBRA),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        header=False,
    ))
    return [table, Spacer(1, 3 * mm)]


def _weeks_text(ph: SheetPhase) -> str:
    first, last = ph.first_week, ph.first_week + ph.weeks - 1
    weeks = (_("Week {n}").format(n=first) if first == last
             else _("Weeks {first}-{last}").format(first=first, last=last))
    if ph.start and ph.end:
        weeks = _("{weeks}: {start} to {end}").format(
            weeks=weeks, start=fl.fmt_date(ph.start, weekday=True),
            end=fl.fmt_date(ph.end, weekday=True))
    return weeks


def _see_phase(n: int) -> str:
    """"… (see phase 2)": the end of a name or goal cut in the overview."""
    return _("\u2026 (see phase {n})").format(n=n)


def _short(text: str, phase: int, most: int = 240) -> Paragraph:
    """A goal for the overview: whole when short, else cut at a word ("... (see phase 2)")."""
    if not text:
        return _para("-")
    return Paragraph(_name(text, most, _see_phase(phase))[0], st.stylesheet()["cell"])


def overview_table(data: SheetData, width: float) -> list[Flowable]:
    """The phases at a glance."""
    out: list[Flowable] = [fl.H(_("The phases at a glance"))]
    if not data.phases:
        return out + [fl.P(_("This programme has no phases yet: ask your physio to add them."),
                           "muted")]
    rows: list[list] = [[fl.P(h, "cell_bold") for h in (_("Phase"), _("When"), _("Goal"))]]
    cmds = []
    for i, ph in enumerate(data.phases, start=1):
        name = f"{ph.number}. " + _name(ph.name, more=_see_phase(ph.number))[0]
        marks = []
        if ph.deload:
            marks.append(_("deload (lighter)"))
        if ph.current:
            marks.append(_("you are here"))
        cell = ([Paragraph(name, st.stylesheet()["cell_bold"])]
                + ([_para(", ".join(marks), "small")] if marks else []))
        rows.append([cell, _para(_weeks_text(ph)), _short(ph.goal, ph.number)])
        if ph.current:
            cmds.append(("BACKGROUND", (0, i), (-1, i), st.LIGHT_TINTS["green"]))
        elif ph.deload:
            cmds.append(("BACKGROUND", (0, i), (-1, i), st.LIGHT_TINTS["amber"]))
    u = width / 100
    table = Table(rows, colWidths=[28 * u, 30 * u, 42 * u], repeatRows=1, hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(st.table_style(*cmds))
    return out + [table]


# ---- a phase -----------------------------------------------------------------------------

def phase_heading(ph: SheetPhase, width: float) -> list[Flowable]:
    name, cut = _name(ph.name)
    out: list[Flowable] = [Paragraph(_("Phase {n}: {name}").format(n=ph.number, name=name),
                                     st.stylesheet()["h2"])]
    if cut:
        out += _full_name(ph.name)
    out.append(_para(_weeks_text(ph), "body"))
    if ph.current:
        out.append(_para(_("This is your current phase."), "cell_bold"))
    notes: list[tuple[str, str]] = []
    if ph.deload:
        notes.append((_("Deload"), _para(_("A lighter phase on purpose, so that your body "
                                           "recovers and adapts. Keep to these doses even if "
                                           "you feel good."))))
    if ph.goal:
        notes.append((_("Goal"), _user(ph.goal)))
    if ph.criteria:
        notes.append((_("Move on when"), _user(ph.criteria)))
    if notes:
        rows = [[_para(label, "cell_bold"), text] for label, text in notes]
        cmds = [("BACKGROUND", (0, 0), (-1, 0), st.LIGHT_TINTS["amber"])] if ph.deload else []
        label_w = fl.label_width([label for label, _text in notes], 0.16 * width)
        table = Table(rows, colWidths=[label_w, width - label_w], hAlign="LEFT",
                      splitInRow=1)
        table.setStyle(st.table_style(("BOX", (0, 0), (-1, -1), 0.5, st.RULE), *cmds,
                                      header=False))
        out += [Spacer(1, 1.5 * mm), table]
    out.append(Spacer(1, 2 * mm))
    if not ph.exercises:
        out.append(fl.P(_("No exercises in this phase yet."), "muted"))
    return out


def _media(ex: SheetExercise) -> Paragraph:
    """The picture or video as text only (never a link in the PDF: a reader could follow
    it); a value ``domain.media`` refuses (a program, a network path, http://) is not
    printed."""
    kind = dmedia.media_kind(ex.media)
    if kind == "web":
        return _user(ex.media, most=fl.TEXT_MOST)
    if kind == "file":
        return Paragraph(_("On this computer: {file}").format(
            file=_user_markup(ex.media, fl.TEXT_MOST)), st.stylesheet()["cell"])
    return _para(_("Not printed: the app opens only https:// links and picture, video or PDF "
                   "files."))


def exercise_card(ex: SheetExercise, width: float,
                  shown_in: tuple[int, int] | None = None) -> Flowable:
    """One exercise: name, then label and value rows (only those with something to say).

    Args:
        shown_in: (phase, exercise number) where this exercise's instructions and cues were
            already printed; they are then referred to, not repeated.
    """
    s = st.stylesheet()
    # the name row repeats on every page of a long card: a long name is cut there
    name, cut = _name(ex.name)
    rows: list[list] = [[Paragraph(f"{ex.number}. {name}", s["box_title"]), ""]]
    items: list[tuple[str, object]] = [(_("Name"), _user(ex.name))] if cut else []
    items.append((_("Dose"), Paragraph(f"<b>{_user_markup(ex.dose_line)}</b>", s["cell"])))
    if ex.side:
        items.append((_("Side"), _para(_cap(ex.side))))
    if ex.frequency:
        items.append((_("How often"), _para(_cap(ex.frequency))))
    if ex.effort:
        items.append((_("Effort"), _user(ex.effort)))
    how = _("How to do it")
    if shown_in is not None and (ex.instructions or ex.cues):
        items.append((how, _para(
            _("See phase {phase}, exercise {n}: how to do it and what to watch for.").format(
                phase=shown_in[0], n=shown_in[1]))))
        ex_cues: tuple[str, ...] = ()
    else:
        if ex.instructions:
            items.append((how, _user(ex.instructions)))
        ex_cues = ex.cues
    if ex_cues:
        items.append((_("Watch for"), [Paragraph(_user_markup(c), _cell_bullet(),
                                                 bulletText="•") for c in ex_cues]))
    items.append((_("Pain"), _para(ex.pain_rule)))
    if ex.notes:
        items.append((_("From your physio"), _user(ex.notes)))
    if ex.media:
        items.append((_("Picture or video"), _media(ex)))
    rows += [[_para(label, "cell_bold"), value] for label, value in items]
    label_w = fl.label_width([label for label, _value in items], 0.18 * width)
    table = Table(rows, colWidths=[label_w, width - label_w], hAlign="LEFT",
                  splitInRow=1, repeatRows=1)
    table.setStyle(st.table_style(
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), st.HEADER_BG),
        ("BOX", (0, 0), (-1, -1), 0.75, st.MUTED),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, st.MUTED),
        header=False,
    ))
    return table


def tick_grid(ph: SheetPhase, width: float) -> list[Flowable]:
    """A row per exercise, a column per week (3 at most per grid), a box per session."""
    if not ph.exercises:
        return []
    out: list[Flowable] = []
    name_w = 0.28 * width
    week_w = (width - name_w) / WEEKS_PER_GRID
    for weeks in _chunks(ph.weeks):
        head: list = [fl.P(_("Exercise"), "cell_bold")]
        for k in weeks:
            text = _("Week {n}").format(n=ph.first_week + k - 1)
            start = ph.week_start(k)
            if start is not None:
                text += f"\n{fl.fmt_span(start, start + timedelta(days=6))}"
            head.append(_para(text, "cell_bold"))
        rows: list[list] = [head]
        for ex in ph.exercises:
            # the boxes name the days; the frequency is said when they do not (any days,
            # twice a day)
            say = ex.frequency and (not ex.weekdays or ex.times_per_day > 1)
            # the row holds tick boxes, which do not split: a long name is cut (the card
            # above has it whole)
            name = [Paragraph(f"{ex.number}. {_name(ex.name)[0]}", st.stylesheet()["cell_bold"]),
                    Paragraph(_user_markup(ex.short_dose + (f", {ex.frequency}" if say else ""),
                                           fl.TEXT_MOST), st.stylesheet()["small"])]
            rows.append([name] + [TickBoxes(_session_labels(ex, ph.week_start(k)),
                                            ex.times_per_day) for k in weeks])
        table = Table(rows, colWidths=[name_w] + [week_w] * len(weeks), repeatRows=1,
                      hAlign="LEFT", splitInRow=1)
        table.setStyle(st.table_style(("GRID", (0, 0), (-1, -1), 0.5, st.RULE),
                                      ("TOPPADDING", (1, 1), (-1, -1), 3),
                                      ("BOTTOMPADDING", (1, 1), (-1, -1), 4)))
        first, last = ph.first_week + weeks[0] - 1, ph.first_week + weeks[-1] - 1
        title = fl.H(_("Tick grid: phase {n}, week {week}").format(n=ph.number, week=first)
                     if first == last else
                     _("Tick grid: phase {n}, weeks {first}-{last}").format(
                         n=ph.number, first=first, last=last), 3)
        out += [KeepTogether([title, table]), Spacer(1, 3 * mm)]
    return out


def phase_flowables(ph: SheetPhase, width: float,
                    shown: dict[int, tuple[int, int]] | None = None) -> list[Flowable]:
    """A phase's heading, its exercise cards and its tick grids.

    Args:
        shown: exercise id -> (phase, number) of the cards printed so far with their
            instructions; updated with this phase's.
    """
    shown = {} if shown is None else shown
    out = phase_heading(ph, width)
    for ex in ph.exercises:
        card = exercise_card(ex, width, shown.get(ex.exercise_id))
        shown.setdefault(ex.exercise_id, (ph.number, ex.number))
        out += [KeepTogether([card]), Spacer(1, 2.5 * mm)]
    return out + [CondPageBreak(40 * mm)] + tick_grid(ph, width)


def build_story(data: SheetData, width: float) -> list[Flowable]:
    story = header_block(data, width) + how_to_block(data, width)
    story += overview_table(data, width)
    shown: dict[int, tuple[int, int]] = {}
    for ph in data.phases:
        story.append(PageBreak())
        story += phase_flowables(ph, width, shown)
    return fl.keep_headings(story)  # no heading ends a page alone


# ---- the document ------------------------------------------------------------------------

def _render(data: SheetData, target, paper: str) -> int:
    pagesize = st.PAGE_SIZES[normalise_paper(paper)]
    st.register_fonts()
    width = pagesize[0] - 2 * st.MARGIN
    pages: list[int] = []
    doc = pdf_document(target, pagesize,
                       title=_("Programme sheet: {name}").format(name=data.name),
                       subject=data.name)
    doc.build(build_story(data, width), canvasmaker=_footer(data, pages))
    return pages[-1] if pages else 0


def sheet_bytes(data: SheetData, *, paper: str = DEFAULT_PAPER) -> tuple[bytes, int]:
    """The sheet of ``data`` as PDF bytes, and its pages."""
    buf = io.BytesIO()
    pages = _render(data, buf, paper)
    return buf.getvalue(), pages


def write_sheet(data: SheetData, out_path: str | os.PathLike, *,
                paper: str = DEFAULT_PAPER) -> int:
    """Write the sheet of ``data`` to ``out_path`` (atomically); returns the pages.

    The PDF is built in memory, then written with the safe write (``builder.write_pdf``:
    a temporary file beside the target, readable by its owner only as it holds health
    information, moved into place when complete).

    Raises:
        ReportWriteError: (a ``StorageError``) the folder is missing, ``out_path`` is a
            folder, a device or a pipe, the file cannot be written, or the disk is full
            ("No space left on device in FOLDER: the programme sheet needs about N MB;
            ..."); no file is left (an older file of that name is kept).
        ValidationError: an unknown paper.
    """
    out = _check_out(out_path)
    pdf, pages = sheet_bytes(data, paper=paper)
    write_pdf(out, pdf, N_("the programme sheet"))
    return pages


def _check_out(out_path: str | os.PathLike) -> Path:
    out = Path(out_path)
    check_target(out)
    return out


def write_programme_sheet(path: str | os.PathLike, programme_id: int | None = None, *,
                          paper: str = DEFAULT_PAPER, made: date | None = None) -> int:
    """Write the programme sheet of ``programme_id`` (the active programme when None) to
    ``path``; returns the number of pages.

    Raises:
        NotFoundError: no such programme, or none is active.
        ReportWriteError: (a ``StorageError``) the file cannot be written; no file is left.
        StorageError: the journal cannot be read.
    """
    _check_out(path)  # before the journal is read
    return write_sheet(sheet_data(programme_id, made=made), path, paper=paper)


def programme_sheet_bytes(programme_id: int | None = None, *, paper: str = DEFAULT_PAPER,
                          made: date | None = None) -> bytes:
    """The programme sheet as PDF bytes (for a preview); see ``write_programme_sheet``."""
    return sheet_bytes(sheet_data(programme_id, made=made), paper=paper)[0]
