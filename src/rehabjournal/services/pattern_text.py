"""The words the Patterns tab and the PDF use around a ``domain.flares.PatternReport``.

The finder's own sentences (``Finding.text``, ``PatternReport.summary``,
``ASSOCIATION_NOTE``) come from ``domain.flares``; this module words the figures around
them the same way on screen and on paper: the counts, the risk ratio with its 95 %
confidence interval, the number of comparisons, what a flare is, and why a factor was not
tested. Plain functions of the dataclasses' fields (no journal reads).
"""

from __future__ import annotations

from typing import Final

from ..domain.flares import MIN_FACTOR_DAYS, MIN_FLARES

SECTION_TITLE: Final = "What often came before flares (associations, not causes)"
"""The PDF section's title and the Patterns tab's heading: associations, never causes."""


def plural(n: int, word: str, words: str | None = None) -> str:
    """"1 comparison", "27 comparisons"."""
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def fmt_ratio(value: float) -> str:
    """A risk ratio or its bound in two significant figures: "0.85", "3.4", "12", "150"."""
    if value != value or value in (float("inf"), float("-inf")):
        return "-"
    if value < 1:
        return f"{value:.2f}"
    if value < 10:
        return f"{value:.1f}"
    return f"{value:.0f}"


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "-"


def counts_text(f) -> str:
    """"6 of 8 (75 %) against 3 of 53 (6 %)" for a ``Finding``: factor days followed by a
    flare start at its lag (a of a + b), against the other days (c of c + d)."""
    exposed, other = f.a + f.b, f.c + f.d
    return (f"{f.a} of {exposed} ({percent(f.a, exposed)}) against {f.c} of {other} "
            f"({percent(f.c, other)})")


def ratio_text(f) -> str:
    """"risk ratio 12 (95 % confidence interval 4.1 to 38)" for a ``Finding``."""
    return (f"risk ratio {fmt_ratio(f.risk_ratio)} (95 % confidence interval "
            f"{fmt_ratio(f.ci_low)} to {fmt_ratio(f.ci_high)})")


def adjusted_text(comparisons: int) -> str:
    """"adjusted for 27 comparisons"."""
    return f"adjusted for {plural(comparisons, 'comparison')}"


def fmt_p(p: float) -> str:
    """"0.004", "0.03", "< 0.001"."""
    if p < 0.001:
        return "< 0.001"
    return f"{p:.3f}" if p < 0.01 else f"{p:.2f}"


def figures_text(f, comparisons: int) -> str:
    """The figures of one finding, for a card or the PDF: "Counts: 6 of 8 (75 %) against
    3 of 53 (6 %). Risk ratio 12 (95 % confidence interval 4.1 to 38); test adjusted for
    27 comparisons (adjusted p 0.004)."."""
    return (f"Counts: {counts_text(f)}. R{ratio_text(f)[1:]}; test "
            f"{adjusted_text(comparisons)} (adjusted p {fmt_p(f.p_adjusted)}).")


def figures_help(f) -> str:
    """What the figures mean, in plain words (a card's tooltip)."""
    return (f"After {f.a} of the {f.a + f.b} days with it a flare began {plural(f.lag, 'day')} "
            f"later; after the other days, {f.c} of {f.c + f.d}. The risk ratio is how many "
            "times as often that happened after these days; the confidence interval is the "
            "range the true figure probably lies in. The test allows for every comparison "
            "made, so that chance alone rarely produces a finding.")


def flare_definition(rise: int) -> str:
    """What counts as a flare, in the words of issue 15's definition."""
    return (f"A flare is a morning at least {plural(rise, 'point')} above your usual (the "
            "median of the 7 mornings before, from at least 3 ratings), or a day you marked "
            "as a flare; flare mornings in a row are one flare.")


def method_text(report) -> str:
    """How findings are chosen, for the note under them (``report``: a PatternReport)."""
    allowing = (f"all {plural(report.comparisons, 'comparison')}" if report.comparisons
                else "every comparison made")
    return (f"{flare_definition(report.rise)} Each thing is compared 1, 2 and 3 days "
            "before a flare began, and kept only when it passes Fisher's exact test after "
            f"allowing for {allowing} (false discovery rate {round(report.q * 100)} %).")


NOTHING_FOUND = (
    "Nothing in this period came before your flares clearly more often than chance could "
    "explain. That does not prove that nothing matters: with more days and more flares, a "
    "real pattern has a better chance of showing."
)
NOTHING_TESTED = (
    f"Nothing could be tested yet: a comparison needs at least {MIN_FLARES} flares that "
    f"began in the period, and at least {MIN_FACTOR_DAYS} days with and {MIN_FACTOR_DAYS} "
    "days without the thing compared. Keep logging: the finder looks again as days are "
    "added."
)


def nothing_text(report) -> str:
    """Why there is no finding: nothing passed the test, or nothing could be tested."""
    return NOTHING_FOUND if report.comparisons else NOTHING_TESTED


def untested_text(u) -> str:
    """"Stress 7 or more: only 2 days (5 needed)" for an ``Untested``."""
    label = u.label[:1].upper() + u.label[1:]
    return f"{label}: {u.reason}"
