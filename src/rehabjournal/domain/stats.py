"""Small exact statistics for the pattern finder (pure Python, standard library only).

Why not a library: the three calculations below are short and exact, and scipy would add
about 35 MB (wheel; 140 MB installed) to the bundle for them. The tests check every
function against scipy (a test dependency only) to 1e-9 on random tables.

The 2x2 table used throughout::

                      flare began   no flare began
    factor day             a               b
    other day              c               d

* ``fisher_one_sided``: Fisher's exact test, one-sided in the direction "more flares after
  the factor": P(X >= a) where X is hypergeometric with the table's margins (the
  probability of a table at least this extreme when the factor and the flares are
  unrelated). The sum is of exact integers (``math.comb``), divided once, so there is no
  rounding until the last step. scipy: ``fisher_exact(table, alternative="greater")``.
* ``benjamini_hochberg``: adjusted p-values controlling the false-discovery rate
  (Benjamini and Hochberg, J R Stat Soc B 1995;57:289): sort the m p-values, multiply the
  i-th smallest by m / i, take the running minimum from the largest down, cap at 1. A
  finding is reported when its adjusted p is at most q. scipy:
  ``false_discovery_control(ps, method="bh")``.
* ``risk_ratio``: how many times more often a flare began after factor days than after
  other days, (a / (a + b)) / (c / (c + d)), with the 95 % confidence interval by Katz's
  log method (Katz et al., Biometrics 1978;34:469): exp(ln RR +/- 1.96 x SE), SE =
  sqrt(1/a - 1/(a+b) + 1/c - 1/(c+d)). When any cell is 0, 0.5 is added to every cell
  first (the Haldane-Anscombe correction), so the ratio and its interval stay finite.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

Z_95: Final = 1.959963984540054
"""The standard normal quantile of 0.975 (a two-sided 95 % interval)."""


def _check_counts(a: int, b: int, c: int, d: int) -> None:
    for name, v in (("a", a), ("b", b), ("c", c), ("d", d)):
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise ValueError(f"{name} must be a whole number of at least 0, not {v!r}")


def fisher_one_sided(a: int, b: int, c: int, d: int) -> float:
    """P(X >= a) for the 2x2 table [[a, b], [c, d]] with its margins fixed.

    X is the number of factor days followed by a flare when ``a + c`` flare days are spread
    at random over the ``a + b + c + d`` days, ``a + b`` of which are factor days
    (hypergeometric). Small p: more flares after the factor than chance would give.

    Raises:
        ValueError: a count is negative or not a whole number.
    """
    _check_counts(a, b, c, d)
    n = a + b + c + d
    rows, cols = a + b, a + c  # factor days, flare days
    hi = min(rows, cols)
    numerator = sum(math.comb(cols, x) * math.comb(n - cols, rows - x)
                    for x in range(a, hi + 1))
    return min(1.0, numerator / math.comb(n, rows))


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values, in the order given.

    The adjusted values are monotone in the p-values (a smaller p never gets a larger
    adjusted p) and at most 1. A comparison is a discovery at false-discovery rate q when
    its adjusted p is at most q.

    Raises:
        ValueError: a p-value is not in 0..1.
    """
    ps = [float(p) for p in pvalues]
    for p in ps:
        if not 0.0 <= p <= 1.0:  # also refuses NaN
            raise ValueError(f"p-values must be in 0..1, not {p!r}")
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    adjusted = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, ps[i] * m / rank)
        adjusted[i] = running
    return adjusted


def risk_ratio(a: int, b: int, c: int, d: int) -> tuple[float, float, float]:
    """The risk ratio of the table and its 95 % confidence interval (Katz's log method).

    Returns:
        (RR, low, high). With a zero cell, 0.5 is added to every cell first.

    Raises:
        ValueError: a count is negative or not a whole number, or a row is empty (no
            factor days, or no other days: there is no ratio).
    """
    _check_counts(a, b, c, d)
    if a + b == 0 or c + d == 0:
        raise ValueError("a risk ratio needs factor days and other days")
    fa, fb, fc, fd = (float(v) for v in (a, b, c, d))
    if 0 in (a, b, c, d):
        fa, fb, fc, fd = fa + 0.5, fb + 0.5, fc + 0.5, fd + 0.5
    rr = (fa / (fa + fb)) / (fc / (fc + fd))
    se = math.sqrt(1 / fa - 1 / (fa + fb) + 1 / fc - 1 / (fc + fd))
    spread = Z_95 * se
    return rr, rr * math.exp(-spread), rr * math.exp(spread)
