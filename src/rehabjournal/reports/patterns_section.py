"""The clinician PDF's optional patterns section: what often came before flares.

Off by default (``reports.DEFAULT_SECTIONS``); chosen with the "patterns" key. It shows the
``domain.flares.PatternReport`` of the report's period, or of the 12 weeks ending on its
last day when the period is shorter, as it says (``ReportData.patterns``, read by
``services.report.build_report_data(..., patterns=True)``): a title that says these are
associations, not causes; the report's summary sentence; one row per finding that survived
the false-discovery control, with its plain-words text, its counts, its risk ratio and 95 %
confidence interval and its adjusted p; the number of comparisons; what was not tested; and
the association note. When nothing survived, one line says so (the summary sentence, with
the number of comparisons and how many more days would allow a test); the reasons a factor
was not tested are on screen (Progress > Patterns), not in the report.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ..domain.flares import ASSOCIATION_NOTE
from ..i18n import N_, _, ngettext
from ..services import pattern_text as pt
from ..services.report import ReportData
from . import flowables as fl
from . import styles as st

TITLE = pt.SECTION_TITLE
MAX_UNTESTED = 12
"""More factors not tested than this: the first ones, then "and N more"."""

NBSP = "\u00a0"
HEADERS = (N_("What often came before a flare"), N_("Days with it: flare after"),
           N_("Other days: flare after"), N_("Risk ratio (95\u00a0%\u00a0CI)"),
           N_("Adjusted\u00a0p"))
"""The table's header (English, marked ``N_``: ``headers()`` in the current language); a
non-breaking space keeps "(95 % CI)" and "Adjusted p" whole."""


def headers() -> tuple[str, ...]:
    """``HEADERS`` in the current language."""
    return tuple(_(h) for h in HEADERS)
CELL_PADDING = 3 + 3 + 2
"""A cell's left and right padding (``styles.table_style``) and a little room."""
MIN_TEXT_SHARE = 0.34
"""The finding's words keep at least this share of the width."""


def _unbroken(text: str) -> str:
    """``text`` that never wraps: "15 of 15 (100 %)" stays on one line."""
    return text.replace(" ", NBSP)


def _column_widths(rows: list[list[str]], width: float) -> list[float]:
    """Widths for the table of ``rows`` (texts, header first): each figure column as wide as
    its widest cell (its header may wrap at its ordinary spaces), the words the rest."""
    figures: list[float] = []
    for col in range(1, len(HEADERS)):
        head = max(stringWidth(word, st.FONT_BOLD, 8) for word in rows[0][col].split(" "))
        cells = [stringWidth(row[col], st.FONT, 8) for row in rows[1:]]
        figures.append(max(head, *cells) + CELL_PADDING)
    spare = width - sum(figures)
    if spare < MIN_TEXT_SHARE * width:  # very long figures: shrink them evenly (they wrap)
        scale = (1 - MIN_TEXT_SHARE) * width / sum(figures)
        figures = [w * scale for w in figures]
        spare = MIN_TEXT_SHARE * width
    return [spare, *figures]


def _untested_name(u) -> str:
    """"Stress 7/10 or more", or "Sleep under 6 h (at 3 days before a flare)" for a factor
    tested at its other lags (its reason then starts with the lags not tested)."""
    return _("{factor} ({lags})").format(factor=u.label, lags=u.lags) if u.lags else u.label


def patterns_flowables(data: ReportData, width: float) -> list[Flowable]:
    """The section for ``data.patterns`` (a heading and a line saying it was not read when
    it is None)."""
    s = st.stylesheet()
    report = data.patterns
    out: list[Flowable] = [fl.H(_(TITLE))]
    if report is None:
        return out + [fl.P(_("The patterns were not read for this report."), "muted")]
    period = fl.period_text(report.start, report.end)
    if report.start < data.start:
        looked = _("Days looked at: {period} (longer than the report's period: patterns need "
                   "more days and more flares).").format(period=period)
    else:
        looked = _("Days looked at: {period}.").format(period=period)
    head = [*out, fl.P(looked, "muted"), Spacer(1, 1 * mm),
            Paragraph(st.user_text(report.summary), s["body"]), Spacer(1, 1.5 * mm)]
    if report.findings:
        texts: list[list[str]] = [list(headers())]
        for f in report.findings:
            exposed, other = f.a + f.b, f.c + f.d
            of = _("{part} of {whole} ({percent})")
            texts.append([
                f.text,
                _unbroken(of.format(part=f.a, whole=exposed, percent=pt.percent(f.a, exposed))),
                _unbroken(of.format(part=f.c, whole=other, percent=pt.percent(f.c, other))),
                _unbroken(_("{ratio} ({low} to {high})").format(
                    ratio=pt.fmt_ratio(f.risk_ratio), low=pt.fmt_ratio(f.ci_low),
                    high=pt.fmt_ratio(f.ci_high))),
                _unbroken(pt.fmt_p(f.p_adjusted)),
            ])
        rows: list[list] = [[fl.P(h, "cell_bold") for h in texts[0]]]
        # a finding names the person's own labels (custom events): user text
        rows += [[fl.U(row[0], most=fl.TEXT_MOST,
                       label=_("What came before flares: finding {n}").format(n=n)),
                  *(fl.P(t, "cell_right") for t in row[1:])]
                 for n, row in enumerate(texts[1:], start=1)]
        head.append(fl._table(rows, _column_widths(texts, width)))
        head.append(Spacer(1, 1 * mm))
        head.append(fl.P(ngettext(
            "{n} comparison was made (each thing at 1, 2 and 3 days before a flare began); "
            "p values are one-sided Fisher's exact tests, adjusted for all {n} comparison "
            "(Benjamini-Hochberg, false discovery rate {q} %).",
            "{n} comparisons were made (each thing at 1, 2 and 3 days before a flare began); "
            "p values are one-sided Fisher's exact tests, adjusted for all {n} comparisons "
            "(Benjamini-Hochberg, false discovery rate {q} %).",
            report.comparisons).format(n=report.comparisons, q=round(report.q * 100)),
            "muted"))
    if not report.findings:  # one line says so (the summary sentence above)
        return [KeepTogether(head)]
    notes: list[Flowable] = []
    if report.untested:
        names = [_untested_name(u) for u in report.untested[:MAX_UNTESTED]]
        more = len(report.untested) - len(names)
        text = ", ".join(names)
        if more > 0:
            text = ngettext("{names} and {n} more", "{names} and {n} more", more).format(
                names=text, n=more)
        notes += [Spacer(1, 1 * mm),
                  Paragraph(_("Not tested (too few days or flares): {factors}.").format(
                      factors=fl.user_markup(text, 4 * fl.TEXT_MOST,
                                             _("What came before flares: not tested"))),
                      s["muted"])]
    notes += [Spacer(1, 1 * mm),
              fl.P(f"{_(ASSOCIATION_NOTE)} {pt.flare_definition(report.rise)}", "muted")]
    # the heading stays with the summary and the table when they fit on one page
    return [KeepTogether(head), *notes]
