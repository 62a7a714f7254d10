"""The clinician PDF's outcome-measure section: a table of scores and the progress chart.

    from rehabjournal.services import outcomes as outcomes_service
    from rehabjournal.reports.outcomes_section import outcomes_flowables
    story += outcomes_flowables(outcomes_service.responses(start=start, end=end),
                                stylesheet(), width=width)

``responses`` are ``services.outcomes.Response`` records (any order); ``styles`` is the
report stylesheet (``reports.styles.stylesheet()``: needs "h2", "cell", "cell_bold",
"cell_right" and "muted").
"""

from __future__ import annotations

from html import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ..charts.theme import fmt_signed
from ..domain import outcomes as dom
from ..i18n import _, format_date, format_number
from ..services import outcomes as svc
from . import styles as st
from .flowables import NAME_MOST, TEXT_MOST, user_markup

CHART_HEIGHT_EACH = 48 * mm


def _fmt(value: float | None) -> str:
    """A score for people: 75.0 -> "75", 66.67 -> "66.7" ("66,7"), None -> "-"."""
    return format_number(value, 1)


def _change(delta: float, mcid: float, higher_is_better: bool) -> str:
    """"+12.0 (meaningful, better)", "-3.0 (within 8)" in the current language."""
    signed = fmt_signed(delta, 1)
    if abs(delta) < mcid:
        return _("{change} (within {mcid})").format(change=signed,
                                                    mcid=format_number(mcid, 3))
    better = delta > 0 if higher_is_better else delta < 0
    if better:
        return _("{change} (meaningful, better)").format(change=signed)
    return _("{change} (meaningful, worse)").format(change=signed)


def outcomes_flowables(responses, styles, width: float = 180 * mm,
                       chart: bool = True) -> list[Flowable]:
    """A heading, one table row per response, the chart, and the sources.

    A row has the score (naming the headline subscale when the score is one, e.g.
    "75 (Pain)"), the change from the first score judged against the instrument's
    meaningful change, and details: the subscales, or the rated activities of a PSFS.
    """
    responses = sorted(responses, key=lambda r: (r.instrument, r.day, r.id))
    out: list[Flowable] = [Paragraph(escape(_("Outcome measures")), styles["h2"])]
    if not responses:
        return out + [Paragraph(escape(_("No outcome measures filled in for this period.")),
                                styles["muted"])]

    def p(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(escape(text), styles[style])

    def u(text: str, most: int, label: str) -> Paragraph:  # user text (PSFS activities)
        return Paragraph(user_markup(text, most, label), styles["cell"])

    rows: list[list] = [[p(h, "cell_bold") for h in
                         (_("Measure"), _("Date"), _("Score"), _("Change from the first"),
                          _("Details"))]]
    firsts: dict[str, float] = {}
    for r in responses:
        inst = svc.instrument(r.instrument) if r.instrument in svc.INSTRUMENT_KEYS else None
        name = inst.short if inst else r.instrument
        change = "-"
        if r.score is not None:
            if r.instrument not in firsts:
                firsts[r.instrument] = r.score
            elif inst is not None:
                c = dom.meaningful_change(firsts[r.instrument], r.score, inst.mcid,
                                          higher_is_better=inst.higher_is_better)
                change = _change(c.delta, inst.mcid, inst.higher_is_better)
        details = ""
        head = inst.headline_subscale if inst is not None else None
        if inst is not None and inst.subscales and r.subscores:
            details = ", ".join(f"{s.name} {_fmt(r.subscores.get(s.key))}"
                                for s in inst.subscales)
        elif "activities" in r.answers:
            details = "; ".join(f"{a.get('name')}: {a.get('score')}"
                                for a in r.answers.get("activities", []))
        score = _fmt(r.score) + (f" ({head.name})" if head else "")
        # the day as the rest of the report writes it ("3 Mar 2026", once "03 Mar 2026")
        day = format_date(r.day, "date")
        what = _("{date}: outcome measure").format(date=day)
        rows.append([p(name) if inst else u(name, NAME_MOST, what),
                     p(day), p(score, "cell_right"),
                     p(change), u(details, TEXT_MOST, _("{what} details").format(what=what))])
    w = width / 100
    table = Table(rows, colWidths=[11 * w, 15 * w, 12 * w, 24 * w, 38 * w], repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(st.table_style(zebra=len(rows)))
    out.append(table)
    out.append(Spacer(1, 2 * mm))
    series = svc.series_of(responses)
    if chart and series:
        from ..charts.outcomes import outcomes_figure
        from .flowables import figure_image

        height = CHART_HEIGHT_EACH * len(series)
        fig = outcomes_figure(series, figsize=(width / 72, height / 72))
        mcids = ", ".join(f"{i.short} {format_number(i.mcid, 3)}" for i in svc.available())
        out.append(KeepTogether([figure_image(fig, width, height), Spacer(1, 1 * mm),
                                 Paragraph(escape(_(
                                     "Shaded band: the first score \u00b1 the instrument's "
                                     "meaningful change ({changes} points).").format(
                                         changes=mcids)), styles["muted"])]))
    refs = "; ".join(f"{i.short}: {i.reference}" for i in svc.available()
                     if i.key in {r.instrument for r in responses})
    out.append(Paragraph(escape(refs), styles["muted"]))
    return out
