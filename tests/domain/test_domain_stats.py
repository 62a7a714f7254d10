"""domain.stats against scipy (a test dependency only) and hand-worked tables."""

from __future__ import annotations

import math
import random

import pytest

from rehabjournal.domain.stats import benjamini_hochberg, fisher_one_sided, risk_ratio

scipy_stats = pytest.importorskip("scipy.stats")


def random_tables(seed: int, n: int, most: int = 60) -> list[tuple[int, int, int, int]]:
    rng = random.Random(seed)
    tables = []
    for _ in range(n):
        size = rng.choice((4, 10, 30, most))
        tables.append(tuple(rng.randint(0, size) for _ in range(4)))
    return tables


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fisher_equals_scipy_on_random_tables(seed):
    for a, b, c, d in random_tables(seed, 300):
        if a + b + c + d == 0:
            continue
        want = scipy_stats.fisher_exact([[a, b], [c, d]], alternative="greater").pvalue
        assert fisher_one_sided(a, b, c, d) == pytest.approx(want, abs=1e-9, rel=1e-9), \
            (a, b, c, d)


def test_fisher_on_tables_like_a_journals():
    """The tables the finder makes: 84 days, few flares, few to many factor days."""
    rng = random.Random(7)
    for _ in range(500):
        days = rng.randint(20, 120)
        flares = rng.randint(0, 15)
        factor = rng.randint(0, days)
        a = rng.randint(max(0, flares + factor - days), min(flares, factor))
        b, c = factor - a, flares - a
        d = days - a - b - c
        want = scipy_stats.fisher_exact([[a, b], [c, d]], alternative="greater").pvalue
        assert fisher_one_sided(a, b, c, d) == pytest.approx(want, abs=1e-9, rel=1e-9)


def test_fisher_hand_worked():
    # Fisher's tea-tasting table: P(X >= 3) = (16 + 1) / 70
    assert fisher_one_sided(3, 1, 1, 3) == pytest.approx(17 / 70, abs=1e-15)
    assert fisher_one_sided(0, 5, 3, 40) == 1.0  # nothing is more extreme than "at least 0"
    assert fisher_one_sided(0, 0, 0, 0) == 1.0
    # 6 of 8 short nights vs 3 of 50 other nights: very unlikely by chance
    assert 1e-5 < fisher_one_sided(6, 2, 3, 47) < 1e-4


def test_fisher_refuses_bad_counts():
    with pytest.raises(ValueError):
        fisher_one_sided(-1, 2, 3, 4)
    with pytest.raises(ValueError):
        fisher_one_sided(1.5, 2, 3, 4)


@pytest.mark.parametrize("seed", range(5))
def test_bh_equals_scipy_on_random_pvalues(seed):
    rng = random.Random(seed)
    for m in (1, 2, 5, 36, 100):
        ps = [rng.random() ** rng.choice((1, 3, 8)) for _ in range(m)]
        if m > 3:  # ties and ones happen with discrete tests
            ps[1] = ps[0]
            ps[2] = 1.0
        want = scipy_stats.false_discovery_control(ps, method="bh")
        got = benjamini_hochberg(ps)
        assert len(got) == m
        for g, w in zip(got, want, strict=True):
            assert g == pytest.approx(float(w), abs=1e-9)


def test_bh_properties():
    ps = [0.01, 0.04, 0.03, 0.005, 0.9]
    adjusted = benjamini_hochberg(ps)
    # the hand-worked step-up: sorted 0.005 0.01 0.03 0.04 0.9 times 5/i
    assert adjusted == pytest.approx([0.025, 0.05, 0.05, 0.025, 0.9])
    by_p = sorted(zip(ps, adjusted, strict=True))
    assert all(x[1] <= y[1] for x, y in zip(by_p, by_p[1:], strict=False))
    assert all(a <= 1 for a in benjamini_hochberg([0.9, 0.95, 1.0]))
    assert benjamini_hochberg([]) == []
    with pytest.raises(ValueError):
        benjamini_hochberg([0.1, math.nan])


def test_risk_ratio_equals_scipy_katz():
    relative_risk = pytest.importorskip("scipy.stats.contingency").relative_risk
    for a, b, c, d in random_tables(11, 300):
        if 0 in (a, b, c, d):
            continue
        res = relative_risk(a, a + b, c, c + d)
        ci = res.confidence_interval(confidence_level=0.95)
        rr, lo, hi = risk_ratio(a, b, c, d)
        assert rr == pytest.approx(res.relative_risk, rel=1e-9)
        assert lo == pytest.approx(ci.low, rel=1e-9)
        assert hi == pytest.approx(ci.high, rel=1e-9)


def test_risk_ratio_hand_worked_and_zero_cells():
    rr, lo, hi = risk_ratio(6, 2, 3, 47)
    assert rr == pytest.approx((6 / 8) / (3 / 50))
    se = math.sqrt(1 / 6 - 1 / 8 + 1 / 3 - 1 / 50)
    assert lo == pytest.approx(rr * math.exp(-1.959963984540054 * se))
    assert hi == pytest.approx(rr * math.exp(1.959963984540054 * se))
    # a zero cell: 0.5 added to every cell
    rr, lo, hi = risk_ratio(5, 0, 2, 40)
    assert rr == pytest.approx((5.5 / 6) / (2.5 / 43))
    assert 0 < lo < rr < hi < math.inf
    with pytest.raises(ValueError):
        risk_ratio(0, 0, 3, 4)
