"""Flowable builders: each takes report data and the frame width and returns flowables.

Tables repeat their header row on every page (``repeatRows=1``); a chart and its title are
kept together so neither is split across a page break.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from ..services.report import DatedItem, ReportData
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


def fmt_span(first: date, last: date) -> str:
    """"18-24 Feb", or "26 Feb-4 Mar" across a month end."""
    if first.month == last.month:
        return f"{first.day}-{fmt_short(last)}"
    return f"{fmt_short(first)}-{fmt_short(last)}"


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


def header_block(data: ReportData, width: float) -> list[Flowable]:
    """Title and the who/what/when table."""
    side = f"{data.side} " if data.side else ""
    rows = [
        [P("Patient", "cell_bold"), P(data.patient), P("Period", "cell_bold"),
         P(f"{fmt_date(data.start)} to {fmt_date(data.end)} "
           f"({(data.end - data.start).days + 1} days)")],
        [P("Condition", "cell_bold"), P(data.condition), P("Side / joint", "cell_bold"),
         P(f"{side}{data.joint}".strip() or "-")],
        [P("Goal", "cell_bold"), P(data.goal or "-"), P("Report made", "cell_bold"),
         P(fmt_date(data.made))],
    ]
    if data.clinician:
        rows.append([P("Clinician", "cell_bold"), P(data.clinician), P(""), P("")])
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


def _important_text(ch) -> str:
    if ch is None:
        return "-"
    if not ch["important"]:
        return "No"
    why = []
    if ch["meets_points"]:
        why.append("2 points")
    if ch["meets_fraction"]:
        why.append("30 %")
    better = {"down": "better", "up": "worse"}.get(ch["direction"], "")
    return f"Yes ({' and '.join(why)}), {better}".rstrip(", ")


def headline_table(data: ReportData, width: float) -> list[Flowable]:
    """First week against last week, with the change and whether it is important."""
    fw, lw = data.first_week, data.last_week
    head = [
        P("Measure", "cell_bold"),
        P("Whole period", "cell_bold"),
        P(f"First week {fmt_span(*fw)}" if fw else "First week",
          "cell_bold"),
        P(f"Last week {fmt_span(*lw)}" if lw else "Last week",
          "cell_bold"),
        P("Change", "cell_bold"),
        P("Clinically important? (2 points or 30 %)", "cell_bold"),
    ]
    rows = [head]
    extra = []
    for i, h in enumerate(data.headline, start=1):
        pain = "pain" in h.label.lower()
        places = 1 if pain else 0
        if h.first is not None and h.last is not None:
            diff = h.last - h.first
            pct = diff / h.first * 100 if h.first else None
            change = f"{diff:+.{places}f}"
            if pct is not None:
                change += f" ({pct:+.0f} %)"
        else:
            change = "-"
        unit = f" {h.unit}" if h.unit and not pain else ""
        period = fmt_num(h.period, places) + (unit if h.period is not None else "")
        rows.append([
            P(h.label),
            P(period, "cell_right"),
            P(fmt_num(h.first, places), "cell_right"),
            P(fmt_num(h.last, places), "cell_right"),
            P(change, "cell_right"),
            P(_important_text(h.change) if pain else ""),
        ])
        if pain and h.change and h.change["important"]:
            tint = st.LIGHT_TINTS["green" if h.change["direction"] == "down" else "red"]
            extra.append(("BACKGROUND", (5, i), (5, i), tint))
    w = width
    widths = [0.29 * w, 0.11 * w, 0.11 * w, 0.11 * w, 0.17 * w, 0.21 * w]
    return [_table(rows, widths, *extra, zebra=False)]


def summary_lines(data: ReportData) -> list[Flowable]:
    """Adherence, weekly load trend, lights, red-flag days and flares, as short bullets."""
    s = st.stylesheet()
    lines: list[str] = []
    if data.adherence_pct is not None:
        lines.append(f"<b>Programme adherence:</b> {data.adherence_pct:.0f} % of prescribed "
                     "exercises done.")
    else:
        lines.append(f"<b>Programme adherence:</b> {escape(data.adherence_note or 'not known')}")
    if data.weekly_load:
        trend = " → ".join(f"{t:.0f}" for _w, t, _c in data.weekly_load)
        changes = [c for _w, _t, c in data.weekly_load[1:]]
        big = [c for c in changes if c is not None and c > 30]
        text = f"<b>Weekly load (AU, calendar weeks):</b> {trend}."
        if data.weekly_load[0][0] < data.start or data.weekly_load[-1][0] + timedelta(
            days=6
        ) > data.end:
            text += " First and last weeks may be partial."
        if big:
            text += f" {len(big)} week(s) rose by more than 30 %."
        lines.append(text)
    counts = data.light_counts
    if counts:
        lines.append(
            "<b>Pain-monitoring lights:</b> "
            f"{counts.get('green', 0)} green, {counts.get('amber', 0)} amber, "
            f"{counts.get('red', 0)} red days."
        )
    if data.red_flag_days:
        days = sorted({i.day for i in data.red_flag_days})
        items = "; ".join(
            f"{fmt_short(i.day)}: {escape(i.title)}" for i in data.red_flag_days
        )
        lines.append(f"<b>Red-flag days:</b> {len(days)} ({items}).")
    else:
        lines.append("<b>Red-flag days:</b> none recorded.")
    if data.flares:
        items = "; ".join(f"{fmt_short(i.day)}: {escape(i.title)}" for i in data.flares)
        lines.append(f"<b>Flares:</b> {len(data.flares)} ({items}).")
    else:
        lines.append("<b>Flares:</b> none recorded.")
    return [Paragraph(text, s["bullet"], bulletText="•") for text in lines]


def light_strip(data: ReportData, width: float) -> list[Flowable]:
    """One coloured cell per day (G/A/R letters for black-and-white print), 28 days a row."""
    if not data.lights:
        return []
    per_row = 28
    label_w = 16 * mm
    cell = min(6.2 * mm, (width - label_w) / per_row)
    rows, cmds = [], []
    for r, i in enumerate(range(0, len(data.lights), per_row)):
        chunk = data.lights[i:i + per_row]
        top = [fmt_short(chunk[0][0])] + [str(d.day) for d, _c in chunk]
        bottom = [""] + [st.LIGHT_LETTERS[c] for _d, c in chunk]
        rows += [top, bottom]
        for j, (_d, colour) in enumerate(chunk, start=1):
            cmds.append(("BACKGROUND", (j, 2 * r + 1), (j, 2 * r + 1), st.LIGHT_COLOURS[colour]))
        for row in (top, bottom):
            row += [""] * (per_row + 1 - len(row))
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
        *[("GRID", (1, r), (-1, r), 0.5, st.colors.white) for r in range(1, len(rows), 2)],
        *cmds,
        header=False,
    ))
    legend = P("G green: progress; A amber: hold the load; R red: back off (or a red flag); "
               "grey: nothing to judge. Each day's light judges the response to that day's "
               "load (pain during/after, next morning, weekly trend).", "muted")
    return [KeepTogether([H("Pain-monitoring lights, day by day", 3), table,
                          Spacer(1, 1 * mm), legend])]


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
    fig.savefig(buf, format="png", dpi=CHART_DPI, facecolor="white")
    buf.seek(0)
    return Image(buf, width=width, height=height)


def chart_block(
    title: str | None, fig, width: float, height: float | None = None
) -> KeepTogether:
    """A chart (with an optional heading) that never splits across a page break."""
    parts: list[Flowable] = [H(title)] if title else []
    return KeepTogether([*parts, figure_image(fig, width, height), Spacer(1, 3 * mm)])


def questions_block(data: ReportData) -> list[Flowable]:
    s = st.stylesheet()
    out: list[Flowable] = [H("The patient's questions for this appointment")]
    if not data.questions:
        out.append(P("No open questions.", "muted"))
    for q in data.questions:
        out.append(Paragraph(escape(q), s["bullet"], bulletText="☐"))
    return [KeepTogether(out)]


# ---- following pages -------------------------------------------------------------------


def light_cell(colour: str | None, counts: dict[str, int]) -> Paragraph:
    if colour is None:
        return P("-")
    parts = [f"{st.LIGHT_LETTERS[c]}{counts[c]}" for c in ("green", "amber", "red") if
             counts.get(c)]
    return P(f"{colour} ({' '.join(parts)})")


def weekly_table(data: ReportData, width: float) -> list[Flowable]:
    head = ["Week of", "Days", "Sessions", "Minutes", "Load (AU)", "Change", "Morning pain",
            "Adherence", "Light (worst day)"]
    rows: list[list] = [[P(h, "cell_bold") for h in head]]
    cmds = []
    for i, w in enumerate(data.weeks, start=1):
        rows.append([
            P(fmt_short(w.week_start)),
            P(str(w.days), "cell_right"),
            P(str(w.sessions), "cell_right"),
            P(str(w.minutes), "cell_right"),
            P(f"{w.load:.0f}", "cell_right"),
            P(fmt_pct(w.change_pct), "cell_right"),
            P(fmt_num(w.morning_mean), "cell_right"),
            P(fmt_pct(w.adherence_pct, signed=False), "cell_right"),
            light_cell(w.light, w.light_counts),
        ])
        if w.light:
            cmds.append(("BACKGROUND", (8, i), (8, i), st.LIGHT_TINTS[w.light]))
        if w.change_pct is not None and w.change_pct > 30:
            cmds.append(("BACKGROUND", (5, i), (5, i), st.LIGHT_TINTS["amber"]))
    u = width / 100
    widths = [11 * u, 7 * u, 10 * u, 10 * u, 11 * u, 10 * u, 12 * u, 11 * u, 18 * u]
    note = P("Load = session RPE (CR-10) x minutes, summed over the calendar week (Monday "
             "start). Change = against the week before; above 30 % is shaded. Days = days of "
             "the week inside the period (partial weeks at the ends). Adherence is filled in "
             "when the programme records it.", "muted")
    return [H("Week by week"), _table(rows, widths, *cmds), Spacer(1, 1 * mm), note]


def programme_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H("Current programme")]
    if not data.programme:
        return out + [P("No programme in the journal.", "muted")]
    out.append(P(f"{data.programme_name}: phase \u201c{data.programme_phase}\u201d "
                 f"(on {fmt_date(data.end)}).", "body"))
    out.append(Spacer(1, 1.5 * mm))
    rows: list[list] = [[P(h, "cell_bold") for h in
                         ("Exercise", "Sets x reps or hold", "Load", "Days a week",
                          "Progression (last change)")]]
    for p in data.programme:
        rows.append([P(p.exercise), P(p.dose), P(p.load), P(p.days_per_week, "cell_right"),
                     P(p.status)])
    u = width / 100
    return out + [_table(rows, [30 * u, 17 * u, 14 * u, 10 * u, 29 * u])]


def events_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H("Red flags and events")]
    if not data.events:
        return out + [P("No red flags or events in this period.", "muted")]
    rows: list[list] = [[P(h, "cell_bold") for h in ("Date", "Kind", "What", "Notes")]]
    cmds = []
    items: list[DatedItem] = sorted(data.events, key=lambda i: i.day)
    for i, item in enumerate(items, start=1):
        kind = item.kind + (" (urgent)" if item.urgent else "")
        rows.append([P(fmt_date(item.day)), P(kind), P(item.title), P(item.notes)])
        if item.kind == "red flag":
            cmds.append(("BACKGROUND", (0, i), (-1, i), st.LIGHT_TINTS["red"]))
    u = width / 100
    return out + [_table(rows, [15 * u, 15 * u, 28 * u, 42 * u], *cmds, zebra=False)]


def notes_table(data: ReportData, width: float) -> list[Flowable]:
    out: list[Flowable] = [H("Notable notes")]
    if not data.notes:
        return out + [P("No notes on amber, red, red-flag or event days.", "muted")]
    out.append(P("Notes written on days with an amber or red light, a red flag or an event.",
                 "muted"))
    out.append(Spacer(1, 1 * mm))
    rows: list[list] = [[P("Date", "cell_bold"), P("Note", "cell_bold")]]
    for day, text in data.notes:
        rows.append([P(fmt_date(day, weekday=True)), P(text)])
    u = width / 100
    return out + [_table(rows, [20 * u, 80 * u])]


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
        rows.append([
            P(day, "small"),
            P("-" if d.morning_pain is None else str(d.morning_pain), "cell_right"),
            P("-" if d.stiffness_min is None else str(d.stiffness_min), "cell_right"),
            P(d.swelling or "-", "small"),
            P(d.sessions or "rest", "small"),
            P(f"{d.load:.0f}", "cell_right"),
            P("-" if d.peak_pain is None else str(d.peak_pain), "cell_right"),
            P(st.LIGHT_LETTERS[d.light] or "-", "cell"),
            P(d.notes, "small"),
        ])
        if d.light:
            cmds.append(("BACKGROUND", (7, i), (7, i), st.LIGHT_TINTS[d.light]))
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
    for p in data.programme:
        rows.append([P(p.exercise), P(p.dose), P(p.load)] + [P("") for _ in range(weeks)])
    u = width / 100
    widths = [24 * u, 13 * u, 11 * u] + [52 * u / weeks] * weeks
    heights = [None] + [11 * mm] * (len(rows) - 1)
    table = _table(rows, widths, ("GRID", (3, 1), (-1, -1), 0.5, st.RULE), zebra=False,
                   heights=heights)
    note = P("Write the sets, load and pain during (0-10) for each session; keep pain at or "
             "below 5/10 and settled by the next morning.", "muted")
    return out + [note, Spacer(1, 2 * mm), table]
