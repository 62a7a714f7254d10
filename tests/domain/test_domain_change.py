"""Tests for rehabjournal.domain.change (clinically important change)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rehabjournal.domain.change import clinically_important


def test_two_point_drop_from_6():
    # 6 -> 4: change -2, -2 / 6 = -33.3 % -> meets both, not substantial (< 50 %)
    r = clinically_important(6, 4)
    assert r["change"] == -2
    assert r["percent"] == pytest.approx(-33.333, abs=0.001)
    assert r["direction"] == "down"
    assert r["meets_points"] and r["meets_fraction"] and r["important"]
    assert not r["substantial"]


def test_exactly_30_percent_counts():
    # 10 -> 7: -3 points, -30 % exactly
    r = clinically_important(10, 7)
    assert r["meets_fraction"]
    assert r["percent"] == pytest.approx(-30.0)


def test_small_change_is_not_important():
    # 4 -> 3: -1 point, -25 %
    r = clinically_important(4, 3)
    assert not r["meets_points"]
    assert not r["meets_fraction"]
    assert not r["important"]


def test_fraction_without_points():
    # 3 -> 2: -1 point but -33 %
    r = clinically_important(3, 2)
    assert not r["meets_points"]
    assert r["meets_fraction"]
    assert r["important"]


def test_substantial_change():
    # 8 -> 4: -50 %
    assert clinically_important(8, 4)["substantial"]
    assert not clinically_important(8, 5)["substantial"]  # -37.5 %


def test_before_zero():
    r = clinically_important(0, 3)
    assert r["percent"] is None
    assert not r["meets_fraction"]
    assert r["meets_points"]
    assert r["direction"] == "up"
    assert not r["substantial"]
    assert clinically_important(0, 0)["direction"] == "none"


def test_custom_thresholds():
    # PSFS single activity: 3 points
    assert not clinically_important(4, 6, points=3, fraction=1.0)["important"]
    assert clinically_important(4, 7, points=3, fraction=1.0)["important"]


@given(st.integers(0, 10), st.integers(0, 10))
def test_properties_on_nprs(before, after):
    r = clinically_important(before, after)
    assert r["change"] == after - before
    assert r["meets_points"] == (abs(after - before) >= 2)
    if before:
        assert r["meets_fraction"] == (abs(after - before) * 10 >= 3 * before)
        assert (r["percent"] < 0) == (after < before)
    assert r["important"] == (r["meets_points"] or r["meets_fraction"])


# --- pain ratings: the 30 % counts from 4/10 (issue 13) -----------------------------------


def test_pain_change_from_a_small_baseline_needs_two_points():
    from rehabjournal.domain.change import pain_change

    # demo page one: 2.1 -> 0.9 is -1.2 points (-57 %): not important on a 2.1 baseline
    r = pain_change(2.1, 0.9)
    assert r["change"] == pytest.approx(-1.2)
    assert r["percent"] == pytest.approx(-57.14, abs=0.01)
    assert not r["meets_points"] and not r["meets_fraction"] and not r["important"]
    # 2.0 -> 0.7: -1.3 points, -65 %: not important either
    assert not pain_change(2.0, 0.7)["important"]
    # 3 -> 1: 2 points: important whatever the baseline
    assert pain_change(3, 1)["meets_points"] and pain_change(3, 1)["important"]


def test_pain_change_from_four_counts_thirty_percent():
    from rehabjournal.domain.change import pain_change

    # 4 -> 2.8: -1.2 points = -30 % exactly, first value 4/10: important by the fraction
    r = pain_change(4, 2.8)
    assert r["meets_fraction"] and not r["meets_points"] and r["important"]
    # 3.9 -> 2.7: -30.8 % but below 4/10: not important
    assert not pain_change(3.9, 2.7)["important"]
    # the registry's thresholds are passed through
    assert not pain_change(6, 4, points=3, fraction=0.5)["important"]  # -2, -33 %
    assert pain_change(6, 3, points=3, fraction=0.5)["important"]


def test_pain_rule_text():
    from rehabjournal.domain.change import pain_rule_text

    assert pain_rule_text() == "2 points, or 30 % when the first value is 4/10 or more"
    assert pain_rule_text(3, 0.5) == "3 points, or 50 % when the first value is 4/10 or more"


@given(st.integers(0, 10), st.integers(0, 10))
def test_pain_change_properties(before, after):
    from rehabjournal.domain.change import pain_change

    r = pain_change(before, after)
    big_drop = before >= 4 and abs(after - before) * 10 >= 3 * before
    assert r["important"] == (abs(after - before) >= 2 or big_drop)
