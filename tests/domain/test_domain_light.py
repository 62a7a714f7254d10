"""Tests for rehabjournal.domain.light (the pain-monitoring traffic light)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, RedFlag, Session
from rehabjournal.domain.light import (
    ADVICE_AMBER,
    ADVICE_GREEN,
    ADVICE_GREEN_HOLD,
    ADVICE_RED,
    ADVICE_RED_FLAG,
    Thresholds,
    baseline,
    day_light,
    next_morning,
    today_light,
    week_ready_to_progress,
    weekly_trend,
)

DAY = date(2024, 3, 3)


def make_journal(
    mornings: dict[date, int] | None = None,
    sessions: Iterable[Session] = (),
    flags: Iterable[RedFlag] = (),
) -> Journal:
    """Build a journal from morning ratings, sessions and red flags."""
    mornings = mornings or {}
    sessions = list(sessions)
    flags = list(flags)
    days = set(mornings) | {s.day for s in sessions} | {f.day for f in flags}
    journal = Journal()
    for d in days:
        checkin = CheckIn(d, morning_pain=mornings[d]) if d in mornings else None
        journal.days[d] = DayRecord(
            d,
            checkin=checkin,
            sessions=tuple(s for s in sessions if s.day == d),
            red_flags=tuple(f for f in flags if f.day == d),
        )
    return journal


def flat_mornings(end: date, n: int, value: int) -> dict[date, int]:
    """``n`` days of the same morning pain ending ``end`` (inclusive)."""
    return {end - timedelta(days=i): value for i in range(n)}


def run(day: date, during=None, after=None, nm=None, kind="run") -> Session:
    return Session(day, kind, 30, rpe=4, pain_during=during, pain_after=after,
                   next_morning_pain=nm)  # fmt: skip


# --- baseline, next morning, trend ------------------------------------------------------


def test_baseline_is_median_of_the_7_days_before():
    # days -7..-1: 1, 2, 2, 3, 5, 2, 1 -> sorted 1 1 2 2 2 3 5 -> median 2; day itself (9) excluded
    values = [1, 2, 2, 3, 5, 2, 1]
    mornings = {DAY - timedelta(days=7 - i): v for i, v in enumerate(values)}
    mornings[DAY] = 9
    mornings[DAY - timedelta(days=8)] = 9  # outside the window
    journal = make_journal(mornings)
    assert baseline(journal, DAY) == 2.0


def test_baseline_even_count_and_missing():
    # only days -1 and -2 rated: 2 and 3 -> median 2.5
    journal = make_journal({DAY - timedelta(days=1): 2, DAY - timedelta(days=2): 3})
    assert baseline(journal, DAY) == 2.5
    assert baseline(journal, DAY, Thresholds(baseline_days=1)) == 2.0
    assert baseline(make_journal({DAY: 4}), DAY) is None


def test_next_morning_is_worst_of_session_and_next_checkin():
    journal = make_journal({DAY + timedelta(days=1): 3}, [run(DAY, nm=5), run(DAY, nm=2)])
    assert next_morning(journal, DAY) == 5
    journal = make_journal({DAY + timedelta(days=1): 3}, [run(DAY, nm=1)])
    assert next_morning(journal, DAY) == 3
    assert next_morning(make_journal({DAY: 3}), DAY) is None


def test_weekly_trend():
    this_end = DAY
    prev_end = DAY - timedelta(days=7)
    # previous week mean 2, this week mean 3 -> +1.0 -> rising
    rising = {**flat_mornings(prev_end, 7, 2), **flat_mornings(this_end, 7, 3)}
    assert weekly_trend(make_journal(rising), DAY) == "rising"
    falling = {**flat_mornings(prev_end, 7, 4), **flat_mornings(this_end, 7, 3)}
    assert weekly_trend(make_journal(falling), DAY) == "falling"
    # 2,2,2,2,2,2,2 vs 2,2,2,3,3,3,3: mean 2.571 -> +0.57 -> flat
    flat = {**flat_mornings(prev_end, 7, 2), **flat_mornings(this_end, 4, 3)}
    flat.update({DAY - timedelta(days=i): 2 for i in range(4, 7)})
    assert weekly_trend(make_journal(flat), DAY) == "flat"


def test_weekly_trend_needs_enough_ratings():
    sparse = {**flat_mornings(DAY - timedelta(days=7), 2, 1), **flat_mornings(DAY, 7, 5)}
    assert weekly_trend(make_journal(sparse), DAY) is None
    assert weekly_trend(make_journal(sparse), DAY, Thresholds(trend_min_days=2)) == "rising"


# --- day_light ---------------------------------------------------------------------------


def test_red_when_pain_after_above_acceptable():
    journal = make_journal(flat_mornings(DAY - timedelta(days=1), 7, 2), [run(DAY, 3, 6)])
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.advice == ADVICE_RED
    assert light.reason == "Pain after your run on 3 Mar was 6/10, above 5/10."
    assert not light.red_flag
    assert light.day == DAY


def test_pain_of_exactly_5_is_amber_not_red():
    journal = make_journal(flat_mornings(DAY - timedelta(days=1), 7, 2), [run(DAY, 5, 4)])
    light = day_light(journal, DAY)
    assert light.colour == "amber"
    assert light.advice == ADVICE_AMBER


def test_red_when_next_morning_above_baseline_plus_tolerance():
    # baseline 2, tolerance 1: next morning 4 > 3 -> red; 3 would be fine
    mornings = flat_mornings(DAY - timedelta(days=1), 7, 2)
    journal = make_journal({**mornings, DAY + timedelta(days=1): 4}, [run(DAY, 2, 2)])
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.reason == "Next-morning pain 4/10 was 2 points above your usual 2/10."
    journal = make_journal({**mornings, DAY + timedelta(days=1): 3}, [run(DAY, 2, 2)])
    assert day_light(journal, DAY).colour == "green"


def test_red_when_weekly_trend_rising():
    mornings = {**flat_mornings(DAY - timedelta(days=7), 7, 1), **flat_mornings(DAY, 7, 2)}
    journal = make_journal(mornings, [run(DAY, 1, 1)])
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.reason == "Morning pain has risen week on week."


def test_red_flag_overrides_a_green_day():
    journal = make_journal(
        flat_mornings(DAY, 8, 1), [run(DAY, 1, 1)], [RedFlag(DAY, "locking_giving_way")]
    )
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.red_flag
    assert light.advice == ADVICE_RED_FLAG
    assert "Knee locks, catches or gives way" in light.reason


def test_green_and_configurable_peak():
    mornings = {**flat_mornings(DAY, 8, 1), DAY + timedelta(days=1): 1}
    journal = make_journal(mornings, [run(DAY, 2, 1)])
    light = day_light(journal, DAY)
    assert light.colour == "green"
    assert light.advice == ADVICE_GREEN
    assert light.reason == (
        "Pain during your run on 3 Mar peaked at 2/10 and had settled by the next morning."
    )
    journal3 = make_journal(mornings, [run(DAY, 3, 1)])
    assert day_light(journal3, DAY).colour == "amber"
    assert day_light(journal3, DAY, Thresholds(green_peak_max=3)).colour == "green"


def test_no_data_gives_no_light():
    assert day_light(Journal(), DAY).colour is None
    journal = make_journal(sessions=[Session(DAY, "walk", 30, rpe=2)])
    assert day_light(journal, DAY).colour is None


def test_rest_day_judged_by_morning_pain():
    mornings = flat_mornings(DAY - timedelta(days=1), 7, 2)
    assert day_light(make_journal({**mornings, DAY: 3}), DAY).colour == "green"  # 3 <= 2 + 1
    assert day_light(make_journal({**mornings, DAY: 4}), DAY).colour == "amber"
    # no baseline: absolute bands
    assert day_light(make_journal({DAY: 2}), DAY).colour == "green"
    assert day_light(make_journal({DAY: 4}), DAY).colour == "amber"
    assert day_light(make_journal({DAY: 7}), DAY).colour == "red"


def test_invalid_thresholds_rejected():
    with pytest.raises(ValueError):
        Thresholds(green_peak_max=6, acceptable_pain=5)


# --- week_ready_to_progress and today_light ---------------------------------------------


def green_week(end: date) -> Journal:
    """Morning pain 1 for 15 days and three easy runs in the 7 days ending ``end``."""
    mornings = flat_mornings(end + timedelta(days=1), 15, 1)
    sessions = [run(end - timedelta(days=k), 1, 1) for k in (0, 2, 4)]
    return make_journal(mornings, sessions)


def test_week_ready_after_full_green_week():
    assert week_ready_to_progress(green_week(DAY), DAY)


def test_week_not_ready_with_one_amber_day_or_one_session():
    journal = green_week(DAY)
    amber = make_journal(
        {d: r.morning_pain for d, r in journal.days.items()},
        [run(DAY, 1, 1), run(DAY - timedelta(days=2), 4, 1)],
    )
    assert not week_ready_to_progress(amber, DAY)
    single = make_journal({d: r.morning_pain for d, r in journal.days.items()}, [run(DAY, 1, 1)])
    assert not week_ready_to_progress(single, DAY)


def test_week_not_ready_with_red_flag_on_rest_day():
    base = green_week(DAY)
    flagged = make_journal(
        {d: r.morning_pain for d, r in base.days.items()},
        [s for r in base.days.values() for s in r.sessions],
        [RedFlag(DAY - timedelta(days=1), "pop_or_injury_moment")],
    )
    assert not week_ready_to_progress(flagged, DAY)


def test_today_light_uses_yesterdays_session_and_this_morning():
    today = DAY + timedelta(days=1)
    mornings = {**flat_mornings(DAY, 8, 2), today: 5}
    journal = make_journal(mornings, [run(DAY, 2, 2)])
    light = today_light(journal, today)
    assert light.colour == "red"
    assert light.day == DAY
    assert light.reason == "Next-morning pain 5/10 was 3 points above your usual 2/10."


def test_today_light_green_holds_until_a_full_green_week():
    today = DAY + timedelta(days=1)
    full = today_light(green_week(DAY), today)
    assert full.colour == "green"
    assert full.advice == ADVICE_GREEN
    one_run = make_journal(flat_mornings(today, 15, 1), [run(DAY, 1, 1)])
    light = today_light(one_run, today)
    assert light.colour == "green"
    assert light.advice == ADVICE_GREEN_HOLD


def test_today_light_red_flag_yesterday_overrides():
    today = DAY + timedelta(days=1)
    base = green_week(DAY)
    flagged = make_journal(
        {d: r.morning_pain for d, r in base.days.items()},
        [s for r in base.days.values() for s in r.sessions],
        [RedFlag(DAY, "calf_dvt")],
    )
    light = today_light(flagged, today)
    assert light.red_flag
    assert light.colour == "red"


def test_today_light_falls_back_to_latest_of_last_3_days():
    today = DAY + timedelta(days=3)
    # an amber session 2 days ago, no sessions yesterday and no ratings since
    journal = make_journal(
        flat_mornings(DAY - timedelta(days=1), 7, 1), [run(DAY + timedelta(days=1), 4, 3)]
    )
    light = today_light(journal, today)
    assert light.colour == "amber"
    assert light.day == DAY + timedelta(days=1)
    # nothing in the last 3 days -> no light
    assert today_light(journal, today + timedelta(days=5)).colour is None


# --- properties -------------------------------------------------------------------------

pain = st.one_of(st.none(), st.integers(min_value=0, max_value=10))


@st.composite
def journals(draw):
    """Random 21-day journals around DAY, with optional sessions and red flags."""
    start = DAY - timedelta(days=14)
    mornings: dict[date, int] = {}
    sessions: list[Session] = []
    flags: list[RedFlag] = []
    for i in range(21):
        d = start + timedelta(days=i)
        m = draw(pain)
        if m is not None:
            mornings[d] = m
        if draw(st.booleans()):
            sessions.append(run(d, draw(pain), draw(pain), draw(pain)))
        if draw(st.integers(min_value=0, max_value=9)) == 0:
            flags.append(RedFlag(d, draw(st.sampled_from(["calf_dvt", "night_or_constant_pain"]))))
    return make_journal(mornings, sessions, flags)


@settings(max_examples=150, deadline=None)
@given(journals(), st.integers(min_value=0, max_value=20))
def test_light_colour_is_allowed_and_never_green_with_red_flag(journal, offset):
    day = DAY - timedelta(days=14) + timedelta(days=offset)
    for light in (day_light(journal, day), today_light(journal, day)):
        assert light.colour in ("green", "amber", "red", None)
        if light.colour is not None:
            assert light.advice and light.reason
    if journal.get(day).red_flags:
        assert day_light(journal, day).colour == "red"
        assert day_light(journal, day).red_flag
    if journal.get(day).red_flags or journal.get(day - timedelta(days=1)).red_flags:
        assert today_light(journal, day).colour == "red"
        assert not week_ready_to_progress(journal, day)


@settings(max_examples=100, deadline=None)
@given(journals(), st.integers(min_value=0, max_value=20))
def test_pain_above_acceptable_is_always_red(journal, offset):
    day = DAY - timedelta(days=14) + timedelta(days=offset)
    peak = journal.get(day).peak_pain
    if peak is not None and peak > 5:
        assert day_light(journal, day).colour == "red"


def test_today_light_red_flag_on_rest_day_yesterday_beats_green_today():
    today = DAY + timedelta(days=1)
    journal = make_journal(flat_mornings(today, 10, 1), flags=[RedFlag(DAY, "cannot_slr")])
    assert day_light(journal, today).colour == "green"  # today alone would be green
    light = today_light(journal, today)
    assert light.colour == "red"
    assert light.red_flag
