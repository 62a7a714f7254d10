"""The words the Patterns tab and the PDF use around a ``domain.flares.PatternReport``.

The finder's own sentences (``Finding.text``, ``PatternReport.summary``,
``ASSOCIATION_NOTE``) come from ``domain.flares``; this module words the figures around
them the same way on screen and on paper: the counts, the risk ratio with its 95 %
confidence interval, the number of comparisons, what a flare is, and why a factor was not
tested. Plain functions of the dataclasses' fields (no journal reads), in the current
language (``rehabjournal.i18n``).
"""

from __future__ import annotations

from typing import Final

from ..domain.flares import MIN_FACTOR_DAYS, MIN_FLARES
from ..i18n import N_, _, decimal_separator, ngettext

SECTION_TITLE: Final = N_("What often came before flares (associations, not causes)")
"""The PDF section's title and the Patterns tab's heading: associations, never causes
(marked: show it as ``i18n._(SECTION_TITLE)``)."""


def plural(n: int, word: str, words: str | None = None) -> str:
    """"1 comparison", "27 comparisons" (English words: translated text says its counts
    with ``i18n.ngettext``)."""
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def fixed(value: float, places: int) -> str:
    """``value`` with ``places`` decimals, rounded as Python's ``f"{value:.2f}"`` rounds,
    with the current language's decimal mark: "0.85" / "0,85"."""
    return f"{value:.{places}f}".replace(".", decimal_separator())


def fmt_ratio(value: float) -> str:
    """A risk ratio or its bound in two significant figures: "0.85", "3.4", "12", "150"
    ("0,85", "3,4" in French and German)."""
    if value != value or value in (float("inf"), float("-inf")):
        return "-"
    if value < 1:
        return fixed(value, 2)
    if value < 10:
        return fixed(value, 1)
    return fixed(value, 0)


def percent(part: int, whole: int) -> str:
    """"75 %" (a no-break space before % in French)."""
    return _("{percent} %").format(percent=round(100 * part / whole)) if whole else "-"


def counts_text(f) -> str:
    """"6 of 8 (75 %) against 3 of 53 (6 %)" for a ``Finding``: factor days followed by a
    flare start at its lag (a of a + b), against the other days (c of c + d)."""
    exposed, other = f.a + f.b, f.c + f.d
    return _("{a} of {exposed} ({a_percent}) against {c} of {other} ({c_percent})").format(
        a=f.a, exposed=exposed, a_percent=percent(f.a, exposed), c=f.c, other=other,
        c_percent=percent(f.c, other))


def ratio_text(f) -> str:
    """"risk ratio 12 (95 % confidence interval 4.1 to 38)" for a ``Finding``."""
    return _("risk ratio {ratio} (95 % confidence interval {low} to {high})").format(
        ratio=fmt_ratio(f.risk_ratio), low=fmt_ratio(f.ci_low), high=fmt_ratio(f.ci_high))


def adjusted_text(comparisons: int) -> str:
    """"adjusted for 27 comparisons"."""
    return ngettext("adjusted for {n} comparison", "adjusted for {n} comparisons",
                    comparisons).format(n=comparisons)


def fmt_p(p: float) -> str:
    """"0.004", "0.03", "< 0.001" ("0,004" in French and German)."""
    if p < 0.001:
        return "< " + fixed(0.001, 3)
    return fixed(p, 3) if p < 0.01 else fixed(p, 2)


def figures_text(f, comparisons: int) -> str:
    """The figures of one finding, for a card or the PDF: "Counts: 6 of 8 (75 %) against
    3 of 53 (6 %). Risk ratio 12 (95 % confidence interval 4.1 to 38); test adjusted for
    27 comparisons (adjusted p 0.004)."."""
    return ngettext(
        "Counts: {counts}. Risk ratio {ratio} (95 % confidence interval {low} to {high}); "
        "test adjusted for {n} comparison (adjusted p {p}).",
        "Counts: {counts}. Risk ratio {ratio} (95 % confidence interval {low} to {high}); "
        "test adjusted for {n} comparisons (adjusted p {p}).",
        comparisons).format(counts=counts_text(f), ratio=fmt_ratio(f.risk_ratio),
                            low=fmt_ratio(f.ci_low), high=fmt_ratio(f.ci_high),
                            n=comparisons, p=fmt_p(f.p_adjusted))


def figures_help(f) -> str:
    """What the figures mean, in plain words (a card's tooltip)."""
    return ngettext(
        "After {a} of the {exposed} days with it a flare began {lag} day later; after the "
        "other days, {c} of {other}. The risk ratio is how many times as often that "
        "happened after these days; the confidence interval is the range the true figure "
        "probably lies in. The test allows for every comparison made, so that chance alone "
        "rarely produces a finding.",
        "After {a} of the {exposed} days with it a flare began {lag} days later; after the "
        "other days, {c} of {other}. The risk ratio is how many times as often that "
        "happened after these days; the confidence interval is the range the true figure "
        "probably lies in. The test allows for every comparison made, so that chance alone "
        "rarely produces a finding.",
        f.lag).format(a=f.a, exposed=f.a + f.b, lag=f.lag, c=f.c, other=f.c + f.d)


def flare_definition(rise: int) -> str:
    """What counts as a flare, in the words of issue 15's definition."""
    return ngettext(
        "A flare is a morning at least {n} point above your usual (the median of the 7 "
        "mornings before, from at least 3 ratings), or a day you marked as a flare; flare "
        "mornings in a row are one flare.",
        "A flare is a morning at least {n} points above your usual (the median of the 7 "
        "mornings before, from at least 3 ratings), or a day you marked as a flare; flare "
        "mornings in a row are one flare.",
        rise).format(n=rise)


def method_text(report) -> str:
    """How findings are chosen, for the note under them (``report``: a PatternReport)."""
    q = round(report.q * 100)
    if report.comparisons:
        method = ngettext(
            "Each thing is compared 1, 2 and 3 days before a flare began, and kept only when "
            "it passes Fisher's exact test after allowing for all {n} comparison (false "
            "discovery rate {q} %).",
            "Each thing is compared 1, 2 and 3 days before a flare began, and kept only when "
            "it passes Fisher's exact test after allowing for all {n} comparisons (false "
            "discovery rate {q} %).",
            report.comparisons).format(n=report.comparisons, q=q)
    else:
        method = _("Each thing is compared 1, 2 and 3 days before a flare began, and kept "
                   "only when it passes Fisher's exact test after allowing for every "
                   "comparison made (false discovery rate {q} %).").format(q=q)
    return f"{flare_definition(report.rise)} {method}"


_NOTHING_FOUND = N_(
    "Nothing in this period came before your flares clearly more often than chance could "
    "explain. That does not prove that nothing matters: with more days and more flares, a "
    "real pattern has a better chance of showing."
)
_NOTHING_TESTED = N_(
    "Nothing could be tested yet: a comparison needs at least {flares} flares that began in "
    "the period, and at least {days} days with and {days} days without the thing compared. "
    "Keep logging: the finder looks again as days are added."
)
NOTHING_FOUND: Final = _NOTHING_FOUND
"""Why there is no finding after a test (English; ``nothing_text`` gives it translated)."""
NOTHING_TESTED: Final = _NOTHING_TESTED.format(flares=MIN_FLARES, days=MIN_FACTOR_DAYS)
"""Why nothing could be tested (English; ``nothing_text`` gives it translated)."""


def nothing_text(report) -> str:
    """Why there is no finding: nothing passed the test, or nothing could be tested."""
    if report.comparisons:
        return _(_NOTHING_FOUND)
    return _(_NOTHING_TESTED).format(flares=MIN_FLARES, days=MIN_FACTOR_DAYS)


def untested_text(u) -> str:
    """"Stress 7 or more: only 2 days (5 needed)" for an ``Untested``."""
    label = u.label[:1].upper() + u.label[1:]
    return _("{label}: {reason}").format(label=label, reason=u.reason)
