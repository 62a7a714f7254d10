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
