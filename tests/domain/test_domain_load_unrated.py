"""Sessions without an effort in domain.load and domain.summary (issue 20, review finding 2):
their load is unknown, not zero. Hand-checked on small journals; journals whose sessions all
have an effort get the figures they always had."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rehabjournal.domain import load
from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, Session
from rehabjournal.domain.summary import period_summary

MON = date(2026, 3, 2)  # a Monday


def day(i: int) -> date:
    return MON + timedelta(days=i)


# ---- domain.load --------------------------------------------------------------------------


def test_unrated_is_minutes_without_an_effort():
    assert load.unrated(Session(MON, "run", 45, rpe=None))
    assert not load.unrated(Session(MON, "run", 45, rpe=0))
    assert not load.unrated(Session(MON, "run", 0, rpe=None))  # no minutes: load 0 anyway


def test_daily_unrated_counts_per_day_aligned_with_daily_loads():
    sessions = [Session(day(0), "run", 30, rpe=4), Session(day(0), "walk", 40, rpe=None),
                Session(day(2), "ride", 60, rpe=None), Session(day(2), "ride", 20, rpe=None),
                Session(day(9), "run", 30, rpe=None)]  # outside the range
    assert load.daily_unrated(sessions, day(0), day(3)) == [
        (day(0), 1), (day(1), 0), (day(2), 2), (day(3), 0)]
    assert load.daily_loads(sessions, day(0), day(3)) == [
        (day(0), 120.0), (day(1), 0.0), (day(2), 0.0), (day(3), 0.0)]  # the rated part
    assert load.daily_unrated(sessions, day(3), day(2)) == []


def test_the_indicator_starts_afresh_after_an_unrated_day():
    # 60 days of 300 AU; day 10 holds a session without an effort (its 300 not counted)
    daily = [(day(i), 0.0 if i == 10 else 300.0) for i in range(60)]
    unrated = [1 if i == 10 else 0 for i in range(60)]
    ratios = load.acwr_from_first_entry(daily, day(0), unrated=unrated)
    # days 0-9: days 1-10 of the journal, no ratio yet; day 10 unknown; then a new run from
    # day 11 (its day 1): the first ratio on its day 29, index 11 + 28 = 39, and steady
    # training reads exactly 1.0 (the EWMAs are seeded with 300)
    assert ratios[:39] == [None] * 39
    assert ratios[39:] == [pytest.approx(1.0)] * 21
    assert [load.ratio_waits_for_ratings(unrated, i) for i in (9, 10, 38, 39)] == [
        False, True, True, False]
    # counted as a zero instead, the unknown day lifts steady training above 1.0
    zero = load.acwr_from_first_entry(daily, day(0))
    assert zero[38] > 1.009


def test_one_unrated_day_counted_as_zero_lifts_a_steady_ratio_by_2_percent():
    """The figure domain/load.py and docs/activity-files.md give for the design choice."""
    loads = [180.0] * 60
    loads[-15] = 0.0  # 14 days before the last day
    assert load.acwr_ewma(loads)[-1] == pytest.approx(1.0214, abs=1e-4)


def test_an_unrated_start_of_the_journal_is_not_zero_load():
    # the review's shape: 47 unrated days, then 14 rated days at 180 AU
    daily = [(day(i), 0.0 if i < 47 else 180.0) for i in range(61)]
    unrated = [1 if i < 47 else 0 for i in range(61)]
    assert max(v for v in load.acwr_from_first_entry(daily, day(0)) if v) == pytest.approx(
        3.625, abs=1e-3)  # read as zeros: "a spike" on the first rated day
    assert load.acwr_from_first_entry(daily, day(0), unrated=unrated) == [None] * 61


@given(st.lists(st.floats(min_value=0, max_value=3000, allow_nan=False), max_size=70))
def test_no_unrated_session_changes_nothing(values):
    daily = [(day(i), v) for i, v in enumerate(values)]
    assert (load.acwr_from_first_entry(daily, day(3), unrated=[0] * len(values))
            == load.acwr_from_first_entry(daily, day(3)))


def test_unrated_must_match_the_days():
    with pytest.raises(ValueError, match="2 values for 3 days"):
        load.acwr_from_first_entry([(day(i), 1.0) for i in range(3)], day(0), unrated=[0, 0])
    with pytest.raises(ValueError, match="1 values for 2 weeks"):
        load.week_on_week_change([100.0, 200.0], unrated=[0])


def test_week_on_week_change_skips_incomplete_weeks_and_the_weeks_after_them():
    totals = [(MON + timedelta(weeks=k), t) for k, t in enumerate([1000, 1100, 1300, 1400])]
    assert load.week_on_week_change(totals, unrated=[0, 0, 0, 0]) == load.week_on_week_change(
        totals)
    assert load.week_on_week_change(totals, unrated=[0, 2, 0, 0]) == [
        None, None, None, pytest.approx(100 / 13)]


# ---- domain.summary -------------------------------------------------------------------------


def journal_of(sessions: dict[int, list[tuple[int, int | None]]], days: int) -> Journal:
    """Morning pain 2 every day; ``sessions`` {day index: [(minutes, rpe)]}."""
    j = Journal()
    for i in range(days):
        d = day(i)
        j.days[d] = DayRecord(d, CheckIn(d, morning_pain=2), tuple(
            Session(d, "run", m, rpe=r, pain_during=1, pain_after=1)
            for m, r in sessions.get(i, ())), ())
    return j


def test_weeks_with_unrated_sessions_are_incomplete():
    """Three weeks of a 30-min run at RPE 5 every day (150 AU), 1050 AU a week; week 2
    holds one run without an effort on its Wednesday."""
    sessions = {i: [(30, 5)] for i in range(21)}
    sessions[9] = [(30, None)]
    s = period_summary(journal_of(sessions, 21), day(0), day(20))
    w1, w2, w3 = s.weeks
    assert (w1.load, w1.unrated, w1.load_complete) == (1050.0, 0, True)
    assert (w2.load, w2.unrated, w2.load_complete) == (900.0, 1, False)  # 6 x 150
    assert (w2.change_pct, w2.monotony, w2.strain, w2.previous_load) == (None,) * 4
    assert (w3.load, w3.change_pct, w3.previous_load) == (1050.0, None, None)
    assert w3.monotony is None  # 7 equal days: SD 0, as before
    assert (s.sessions, s.minutes, s.load, s.unrated) == (21, 630, 3000.0, 1)
    assert [d.unrated for d in s.days][8:11] == [0, 1, 0]
    assert not s.load_complete and s.incomplete_weeks == [w2]
    c = s.comparison("load")
    assert (c.first, c.last, c.change) == (1050.0, 1050.0, pytest.approx(0.0))
    assert (c.period_unrated, c.first_unrated, c.last_unrated, c.load_known) == (1, 0, 0, True)
    # sessions and minutes still compare
    assert s.comparison("minutes").change == 0.0


def test_a_first_or_last_week_with_an_unrated_session_has_no_load_change():
    sessions = {i: [(30, 5)] for i in range(21)}
    sessions[2] = [(30, None), (20, 4)]  # first week: 6 x 150 + 80 rated, one unknown
    s = period_summary(journal_of(sessions, 21), day(0), day(20))
    c = s.comparison("load")
    assert (c.first, c.last, c.change, c.direction) == (980.0, 1050.0, None, "")
    assert (c.first_unrated, c.last_unrated, c.load_known) == (1, 0, False)
    assert s.comparison("sessions").change == -1  # 8 sessions, then 7


def test_the_summary_indicator_waits_28_days_after_an_unrated_day():
    sessions = {i: [(30, 5)] for i in range(80)}
    sessions[30] = [(30, None)]
    s = period_summary(journal_of(sessions, 80), day(0), day(79))
    ratios = [d.acwr for d in s.days]
    waits = [d.ratio_waits for d in s.days]
    assert ratios[28] == pytest.approx(1.0) and ratios[29] == pytest.approx(1.0)
    assert ratios[30:59] == [None] * 29 and waits[30:59] == [True] * 29
    assert ratios[59] == pytest.approx(1.0) and not waits[59]
    assert not any(waits[:30])  # before: no value only in the first 28 days, not waiting


def test_an_ordinary_journal_is_unchanged():
    sessions = {i: [(30 + i % 5 * 10, 3 + i % 4)] for i in range(49) if i % 7 != 3}
    s = period_summary(journal_of(sessions, 49), day(0), day(48))
    assert s.unrated == 0 and s.load_complete and s.incomplete_weeks == []
    assert all(w.load_complete for w in s.weeks)
    assert [w.change_pct is not None for w in s.weeks] == [False] + [True] * 6
    assert all(w.monotony is not None for w in s.weeks)
    assert s.comparison("load").change is not None
    assert s.days[-1].acwr is not None and not any(d.ratio_waits for d in s.days)
