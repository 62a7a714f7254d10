"""Tests for rehabjournal.domain.load, including the domain.md section 3 test vectors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rehabjournal.domain.entities import Session
from rehabjournal.domain.load import (
    acwr_ewma,
    acwr_rolling,
    acwr_zone,
    daily_loads,
    ewma,
    monotony,
    session_load,
    strain,
    week_on_week_change,
    weekly_load,
    weekly_totals,
)

VECTOR_WEEK = [0, 300, 0, 420, 0, 600, 240]
SPIKE = [300.0] * 28 + [500.0] * 7
MONDAY = date(2024, 3, 4)  # a Monday

loads_strategy = st.lists(
    st.floats(min_value=0, max_value=5000, allow_nan=False, allow_infinity=False),
    max_size=60,
)


# --- session and daily load -------------------------------------------------------------


def test_session_load_is_rpe_times_minutes():
    assert session_load(5, 60) == 300.0  # 5 x 60
    assert session_load(0, 45) == 0.0
    assert session_load(None, 60) is None


def test_daily_loads_sums_sessions_and_fills_rest_days():
    d0 = date(2024, 3, 1)
    sessions = [
        Session(d0, "run", 30, rpe=4),  # 120
        Session(d0, "rehab exercises", 20, rpe=3),  # 60 -> day 0 = 180
        Session(d0 + timedelta(days=2), "cycle", 60, rpe=5),  # 300
        Session(d0 + timedelta(days=2), "walk", 40),  # no RPE: adds nothing
        Session(d0 + timedelta(days=9), "run", 30, rpe=9),  # outside the range
        Session(d0 - timedelta(days=1), "run", 30, rpe=9),  # outside the range
    ]
    result = daily_loads(sessions, d0, d0 + timedelta(days=3))
    assert result == [
        (d0, 180.0),
        (d0 + timedelta(days=1), 0.0),
        (d0 + timedelta(days=2), 300.0),
        (d0 + timedelta(days=3), 0.0),
    ]


def test_daily_loads_empty_when_start_after_end():
    assert daily_loads([], date(2024, 3, 2), date(2024, 3, 1)) == []


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
    span=st.integers(min_value=0, max_value=120),
    offsets=st.lists(st.integers(min_value=-10, max_value=130), max_size=20),
)
def test_daily_loads_covers_every_date_exactly_once(start, span, offsets):
    end = start + timedelta(days=span)
    sessions = [Session(start + timedelta(days=o), "run", 10, rpe=3) for o in offsets]
    result = daily_loads(sessions, start, end)
    days = [d for d, _ in result]
    assert days == [start + timedelta(days=i) for i in range(span + 1)]
    in_range = sum(1 for o in offsets if 0 <= o <= span)
    assert sum(load for _, load in result) == pytest.approx(30.0 * in_range)


# --- weekly load, monotony, strain (domain.md vector) -------------------------------------


def test_domain_vector_weekly_monotony_strain_population():
    # sum = 300 + 420 + 600 + 240 = 1560; mean = 1560 / 7 = 222.857
    # population SD = sqrt(sum((x - mean)^2) / 7) = 219.20 -> monotony 222.857 / 219.20 = 1.017
    # strain = 1560 x 1.0167 = 1586
    assert weekly_load(VECTOR_WEEK) == 1560
    assert sum(VECTOR_WEEK) / 7 == pytest.approx(222.86, abs=0.005)
    assert monotony(VECTOR_WEEK) == pytest.approx(1.017, abs=0.0005)
    assert strain(VECTOR_WEEK) == pytest.approx(1586, abs=0.5)


def test_domain_vector_monotony_strain_sample():
    # sample SD = sqrt(sum((x - mean)^2) / 6) = 236.76 -> 222.857 / 236.76 = 0.941; x 1560 = 1468
    assert monotony(VECTOR_WEEK, sd="sample") == pytest.approx(0.941, abs=0.0005)
    assert strain(VECTOR_WEEK, sd="sample") == pytest.approx(1468, abs=0.5)


def test_monotony_hand_checked_small_case():
    # [100, 300]: mean 200, population SD 100 -> 2.0; sample SD 141.42 -> 1.414
    assert monotony([100, 300]) == pytest.approx(2.0)
    assert monotony([100, 300], sd="sample") == pytest.approx(2**0.5)
    assert strain([100, 300]) == pytest.approx(800.0)  # 400 x 2


def test_monotony_none_cases():
    assert monotony([]) is None
    assert monotony([300]) is None
    assert monotony([0] * 7) is None
    assert strain([200] * 7) is None
    with pytest.raises(ValueError):
        monotony([1, 2], sd="bogus")


@given(
    st.floats(min_value=0, max_value=5000, allow_nan=False),
    st.integers(min_value=2, max_value=14),
)
def test_monotony_none_when_all_loads_equal(value, n):
    assert monotony([value] * n) is None
    assert monotony([value] * n, sd="sample") is None
    assert strain([value] * n) is None


# --- EWMA and acute:chronic -------------------------------------------------------------


def test_ewma_hand_checked():
    # n = 3 -> lambda = 0.5: seed 100, then 0.5 x 200 + 0.5 x 100 = 150, then 0.5 x 0 + 75
    assert ewma([100, 200, 0], 3) == pytest.approx([100, 150, 75])
    # n = 7 -> lambda = 0.25: seed 0, then 0.25 x 400 = 100
    assert ewma([0, 400], 7) == pytest.approx([0, 100])
    assert ewma([], 7) == []


def test_domain_vector_ewma_ratio():
    ratios = acwr_ewma(SPIKE)
    assert len(ratios) == len(SPIKE)
    assert round(ratios[-1], 2) == 1.25
    assert ratios[27] == pytest.approx(1.0)  # 28 flat days: acute == chronic


def test_domain_vector_rolling_ratios():
    # coupled: last 7 mean 500 / last 28 mean (21 x 300 + 7 x 500) / 28 = 350 -> 1.429
    assert acwr_rolling(SPIKE)[-1] == pytest.approx(1.429, abs=0.0005)
    # uncoupled: 500 / mean of the 21 days before (all 300) = 1.667
    assert acwr_rolling(SPIKE, coupled=False)[-1] == pytest.approx(1.667, abs=0.0005)


def test_ratios_none_when_chronic_is_zero():
    zeros = [0.0] * 30
    assert acwr_ewma(zeros) == [None] * 30
    assert acwr_rolling(zeros) == [None] * 30
    # uncoupled: last 7 days loaded, 21 before at zero -> denominator 0
    late = [0.0] * 21 + [100.0] * 7
    assert acwr_rolling(late, coupled=False)[-1] is None
    assert acwr_rolling(late)[-1] == pytest.approx(4.0)  # 100 / (700 / 28)


def test_first_ratio_on_day_28():
    # 27 days of steady load: still no ratio; on day 28 acute == chronic -> 1.0
    assert acwr_ewma([300.0] * 27) == [None] * 27
    assert acwr_rolling([300.0] * 27) == [None] * 27
    assert acwr_ewma([300.0] * 28)[27] == pytest.approx(1.0)
    assert acwr_rolling([300.0] * 28)[27] == pytest.approx(1.0)
    assert acwr_rolling([300.0] * 28, coupled=False)[27] == pytest.approx(1.0)


@given(loads_strategy)
def test_no_ratio_before_28_days_of_data(loads):
    for ratios in (acwr_ewma(loads), acwr_rolling(loads), acwr_rolling(loads, coupled=False)):
        assert len(ratios) == len(loads)
        assert all(r is None for r in ratios[:27])


@given(loads_strategy)
def test_acwr_none_exactly_where_chronic_is_zero(loads):
    chronic = ewma(loads, 28)
    for i, ratio in enumerate(acwr_ewma(loads)):
        if i >= 27:
            assert (ratio is None) == (chronic[i] == 0)


@given(st.integers(min_value=28, max_value=60), st.integers(min_value=1, max_value=60))
def test_acwr_none_when_all_zero_then_defined_after_load(n_zero, n_loaded):
    loads = [0.0] * n_zero + [200.0] * n_loaded
    ewma_ratios = acwr_ewma(loads)
    assert all(r is None for r in ewma_ratios[:n_zero])
    assert all(r is not None and r > 0 for r in ewma_ratios[n_zero:])


def test_acwr_zone():
    assert acwr_zone(None) is None
    assert acwr_zone(0.5) == "low"
    assert acwr_zone(1.0) == "sweet spot"
    assert acwr_zone(1.4) == "high"
    assert acwr_zone(1.5) == "spike"


# --- weekly totals and change -----------------------------------------------------------


def test_weekly_totals_monday_weeks():
    daily = [(MONDAY + timedelta(days=i), 100.0 * (i + 1)) for i in range(10)]
    # week 1: 100 + 200 + ... + 700 = 2800; week 2 (Mon-Wed): 800 + 900 + 1000 = 2700
    assert weekly_totals(daily) == [(MONDAY, 2800.0), (MONDAY + timedelta(days=7), 2700.0)]


def test_weekly_totals_sunday_weeks():
    daily = [(MONDAY + timedelta(days=i), 100.0) for i in range(7)]  # Mon..Sun
    sunday_before = MONDAY - timedelta(days=1)
    # Sunday-start weeks: Mon-Sat (600) belong to the week of 3 Mar, Sunday 10 Mar starts anew
    assert weekly_totals(daily, week_start=6) == [
        (sunday_before, 600.0),
        (sunday_before + timedelta(days=7), 100.0),
    ]


def test_weekly_totals_fills_missing_weeks():
    daily = [(MONDAY, 50.0), (MONDAY + timedelta(days=15), 70.0)]
    assert weekly_totals(daily) == [
        (MONDAY, 50.0),
        (MONDAY + timedelta(days=7), 0.0),
        (MONDAY + timedelta(days=14), 70.0),
    ]
    assert weekly_totals([]) == []


def test_week_on_week_change():
    weeks = [MONDAY + timedelta(weeks=i) for i in range(4)]
    totals = list(zip(weeks, [1000.0, 1300.0, 0.0, 500.0], strict=True))
    # 1000 -> 1300 = +30 %; 1300 -> 0 = -100 %; 0 -> 500: undefined
    assert week_on_week_change(totals) == [None, pytest.approx(30.0), -100.0, None]
    assert week_on_week_change([800.0, 880.0]) == [None, pytest.approx(10.0)]


def test_week_on_week_change_none_when_previous_week_missing():
    totals = [(MONDAY, 1000.0), (MONDAY + timedelta(weeks=2), 1100.0)]
    assert week_on_week_change(totals) == [None, None]


# --- the ratio the app shows: from the journal's first entry (issue 13) -------------------


def test_ratio_from_first_entry_starts_on_day_29():
    from rehabjournal.domain.load import acwr_from_first_entry

    first = MONDAY
    daily = [(first + timedelta(days=i), 300.0) for i in range(35)]
    ratios = acwr_from_first_entry(daily, first)
    assert ratios[:28] == [None] * 28  # days 1-28: no ratio
    assert ratios[28] == pytest.approx(1.0)  # day 29
    # the domain.md vector: 28 days at 300 then 7 at 500 (day 35): 1.25
    spike = [(first + timedelta(days=i), v) for i, v in enumerate(SPIKE)]
    assert acwr_from_first_entry(spike, first)[-1] == pytest.approx(1.25, abs=0.005)


def test_days_before_the_first_entry_are_no_data_not_zero():
    from rehabjournal.domain.load import acwr_from_first_entry

    first = MONDAY + timedelta(days=20)
    # 20 empty days before the first entry, then a week of 300 AU: counted as zeros they
    # would give a "spike" of several times the chronic value
    daily = [(MONDAY + timedelta(days=i), 0.0 if i < 20 else 300.0) for i in range(27)]
    assert acwr_from_first_entry(daily, first) == [None] * 27
    longer = [(MONDAY + timedelta(days=i), 0.0 if i < 20 else 300.0) for i in range(60)]
    ratios = acwr_from_first_entry(longer, first)
    assert ratios[:48] == [None] * 48  # day 29 of data is index 20 + 28
    assert ratios[48] == pytest.approx(1.0)
    assert acwr_from_first_entry(longer, None) == [None] * 60


def test_ratio_from_a_history_cut_after_the_first_entry():
    from rehabjournal.domain.load import acwr_from_first_entry

    first = MONDAY
    daily = [(first + timedelta(days=i), 300.0) for i in range(40)]
    cut = daily[10:]  # the EWMA is seeded on day 11; days are still counted from day 1
    ratios = acwr_from_first_entry(cut, first)
    assert ratios[:18] == [None] * 18 and ratios[18] == pytest.approx(1.0)


def test_week_days_are_monday_to_sunday():
    from rehabjournal.domain.load import week_days

    days = week_days(MONDAY)
    assert days[0] == MONDAY and days[-1] == MONDAY + timedelta(days=6)
    assert [d.weekday() for d in days] == list(range(7))
