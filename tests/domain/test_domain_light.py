"""Tests for rehabjournal.domain.light (the pain-monitoring traffic light and its advice).

Every journal here is small and its expected light is worked out by hand in the comments.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehabjournal.domain import scales
from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, RedFlag, Session
from rehabjournal.domain.light import (
    ADVICE_AMBER,
    ADVICE_GREEN,
    ADVICE_GREEN_HOLD,
    ADVICE_MORNING_AMBER,
    ADVICE_MORNING_AMBER_NO_BASELINE,
    ADVICE_MORNING_RED,
    ADVICE_MORNING_RED_NO_BASELINE,
    ADVICE_RED,
    ADVICE_WAITING,
    BACK_OFF,
    HOLD,
    LEGEND,
    PROGRESS,
    WAITING,
    WAITING_LABEL,
    Thresholds,
    baseline,
    day_light,
    day_lights,
    next_morning,
    stiffness_baseline,
    today_light,
    week_ready_to_progress,
    week_verdict,
    weekly_trend,
)

DAY = date(2024, 3, 3)  # a Sunday
ONE = timedelta(days=1)


def make_journal(
    mornings: dict[date, int] | None = None,
    sessions: Iterable[Session] = (),
    flags: Iterable[RedFlag] = (),
    stiffness: dict[date, int] | None = None,
) -> Journal:
    """Build a journal from morning ratings, sessions, red flags and stiffness minutes."""
    mornings = mornings or {}
    stiffness = stiffness or {}
    sessions = list(sessions)
    flags = list(flags)
    days = set(mornings) | set(stiffness) | {s.day for s in sessions} | {f.day for f in flags}
    journal = Journal()
    for d in days:
        checkin = None
        if d in mornings or d in stiffness:
            checkin = CheckIn(d, morning_pain=mornings.get(d), stiffness_min=stiffness.get(d))
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


def run(day: date, during=None, after=None, kind="run") -> Session:
    return Session(day, kind, 30, rpe=4, pain_during=during, pain_after=after)


# --- baseline, next morning, trend ------------------------------------------------------


def test_baseline_is_median_of_the_7_days_before():
    # days -7..-1: 1, 2, 2, 3, 5, 2, 1 -> sorted 1 1 2 2 2 3 5 -> median 2; day itself (9) excluded
    values = [1, 2, 2, 3, 5, 2, 1]
    mornings = {DAY - timedelta(days=7 - i): v for i, v in enumerate(values)}
    mornings[DAY] = 9
    mornings[DAY - timedelta(days=8)] = 9  # outside the window
    journal = make_journal(mornings)
    assert baseline(journal, DAY) == 2.0


def test_baseline_needs_three_ratings_in_the_7_days_before():
    # days -1, -2: 2 and 3 -> only 2 ratings -> no baseline
    two = {DAY - ONE: 2, DAY - 2 * ONE: 3}
    assert baseline(make_journal(two), DAY) is None
    # a third rating (day -6: 4) -> median of 2, 3, 4 = 3
    assert baseline(make_journal({**two, DAY - 6 * ONE: 4}), DAY) == 3.0
    # a rating 8 days before is outside the window
    assert baseline(make_journal({**two, DAY - 8 * ONE: 4}), DAY) is None
    # both numbers are settings
    assert baseline(make_journal(two), DAY, Thresholds(baseline_min_ratings=2)) == 2.5
    assert baseline(make_journal(two), DAY, Thresholds(baseline_days=1,
                                                       baseline_min_ratings=1)) == 2.0
    with pytest.raises(ValueError):
        Thresholds(baseline_days=2, baseline_min_ratings=3)


def test_stiffness_baseline_same_rule():
    stiff = {DAY - ONE: 5, DAY - 3 * ONE: 10, DAY - 5 * ONE: 20}
    assert stiffness_baseline(make_journal(stiffness=stiff), DAY) == 10.0
    del stiff[DAY - ONE]
    assert stiffness_baseline(make_journal(stiffness=stiff), DAY) is None


def test_next_morning_is_the_next_days_morning_pain():
    journal = make_journal({DAY + ONE: 3, DAY: 6}, [run(DAY, 1)])
    assert next_morning(journal, DAY) == 3
    assert next_morning(make_journal({DAY: 3}, [run(DAY, 1)]), DAY) is None


def test_next_morning_of_another_site_is_that_sites_morning_pain():
    after = CheckIn(DAY + ONE, morning_pain=1, main_site="left knee",
                    site_pains=(("right knee", 4),))
    journal = Journal({
        DAY: DayRecord(DAY, sessions=(Session(DAY, "run", 30, rpe=4, pain_during=1,
                                              site="right knee"),)),
        DAY + ONE: DayRecord(DAY + ONE, checkin=after),
    })
    assert next_morning(journal, DAY, "right knee") == 4
    assert next_morning(journal, DAY, "left knee") == 1
    assert next_morning(journal, DAY) == 4  # the sites of the day's sessions


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


# --- a day with sessions -----------------------------------------------------------------


def test_red_when_pain_after_above_acceptable():
    journal = make_journal(flat_mornings(DAY - ONE, 7, 2), [run(DAY, 3, 6)])
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.advice == ADVICE_RED
    assert light.kind == BACK_OFF
    assert light.reason == "Pain after your run on 3 Mar was 6/10, above 5/10."
    assert not light.red_flag
    assert light.day == DAY


def test_pain_of_exactly_5_is_amber_not_red():
    journal = make_journal(flat_mornings(DAY - ONE, 7, 2), [run(DAY, 5, 4)])
    light = day_light(journal, DAY)
    assert light.colour == "amber"
    assert light.advice == ADVICE_AMBER
    assert light.kind == HOLD
    assert light.reason.endswith("Next-morning pain not rated yet.")


def test_red_when_next_morning_above_baseline_plus_tolerance():
    # the morning of 4 Mar has the baseline of 27 Feb-3 Mar: all 2 -> 2; tolerance 1:
    # next morning 4 > 3 -> red; 3 is fine
    mornings = flat_mornings(DAY, 7, 2)
    journal = make_journal({**mornings, DAY + ONE: 4}, [run(DAY, 2, 2)])
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.reason == "Next-morning pain 4/10 was 2 points above your usual 2/10."
    journal = make_journal({**mornings, DAY + ONE: 3}, [run(DAY, 2, 2)])
    assert day_light(journal, DAY).colour == "green"


def test_no_green_without_a_next_morning_rating():
    # peak 2 (green band), baseline 1, but 4 Mar not rated: waiting, never green
    journal = make_journal(flat_mornings(DAY, 8, 1), [run(DAY, 2, 2)])
    light = day_light(journal, DAY)
    assert light.colour is None
    assert light.waiting and light.status == WAITING and light.mark == WAITING
    assert light.advice == ADVICE_WAITING
    assert light.kind == HOLD
    assert light.heading == "Waiting"
    assert light.reason == (f"Pain during your run on 3 Mar peaked at 2/10; {WAITING_LABEL} "
                            "(the morning of 4 Mar).")
    # rating 4 Mar (1/10) completes it: green
    rated = make_journal({**flat_mornings(DAY, 8, 1), DAY + ONE: 1}, [run(DAY, 2, 2)])
    assert day_light(rated, DAY).colour == "green"
    # a session without any pain rating waits too
    unrated = make_journal(sessions=[Session(DAY, "walk", 30, rpe=2)])
    assert day_light(unrated, DAY).status == WAITING


def test_waiting_does_not_hide_red_or_amber():
    # pain 6 during: red at once; pain 4: amber at once (only green waits)
    assert day_light(make_journal(sessions=[run(DAY, 6)]), DAY).colour == "red"
    assert day_light(make_journal(sessions=[run(DAY, 4)]), DAY).colour == "amber"


def test_day_two_of_a_journal_is_not_red_against_a_baseline_of_one_rating():
    # 2 Mar: morning 0 (the first entry); 3 Mar: a run peaking at 2; 4 Mar: morning 2.
    # The baseline of 4 Mar would be median(0) = 0 with one rating; it needs 3, so there is
    # none: the next morning is judged on its own (2 <= 2: green), and the text says so.
    journal = make_journal({DAY - ONE: 0, DAY + ONE: 2}, [run(DAY, 2, 1)])
    light = day_light(journal, DAY)
    assert light.colour == "green"
    assert light.reason == (
        "Pain during your run on 3 Mar peaked at 2/10. Next-morning pain 2/10 is within "
        "2/10; no baseline yet (3 morning ratings needed in the 7 days before; there is 1), "
        "so it is judged on its own."
    )
    # without a baseline the next morning is judged on the bands: 4 amber, 6 red
    amber = make_journal({DAY - ONE: 0, DAY + ONE: 4}, [run(DAY, 2, 1)])
    assert day_light(amber, DAY).colour == "amber"
    assert "no baseline yet" in day_light(amber, DAY).reason
    red = make_journal({DAY - ONE: 0, DAY + ONE: 6}, [run(DAY, 2, 1)])
    assert day_light(red, DAY).colour == "red"


def test_next_morning_stiffness_rise_is_like_a_pain_rise():
    # stiffness 5 min on the 7 days up to 3 Mar (baseline 5); 4 Mar: 60 min, 55 > 15 -> red
    mornings = {**flat_mornings(DAY + ONE, 8, 1)}
    stiff = {**flat_mornings(DAY, 7, 5), DAY + ONE: 60}
    journal = make_journal(mornings, [run(DAY, 1, 1)], stiffness=stiff)
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.advice == ADVICE_RED
    assert light.reason == "Next-morning stiffness 60 min was 55 min above your usual 5 min."
    # 20 min: 15 above the baseline, not more -> green; the setting moves the line
    stiff[DAY + ONE] = 20
    journal = make_journal(mornings, [run(DAY, 1, 1)], stiffness=stiff)
    assert day_light(journal, DAY).colour == "green"
    assert day_light(journal, DAY, Thresholds(stiffness_rise_min=10)).colour == "red"


def test_stiffness_needs_its_own_baseline():
    # only 2 earlier stiffness ratings: no stiffness baseline, 60 min is not compared
    stiff = {DAY - ONE: 5, DAY - 2 * ONE: 5, DAY + ONE: 60}
    journal = make_journal(flat_mornings(DAY + ONE, 8, 1), [run(DAY, 1, 1)], stiffness=stiff)
    assert day_light(journal, DAY).colour == "green"


def test_red_when_weekly_trend_rising():
    mornings = {**flat_mornings(DAY - timedelta(days=7), 7, 1), **flat_mornings(DAY + ONE, 8, 2)}
    journal = make_journal(mornings, [run(DAY, 1, 1)])
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.reason == "Morning pain has risen week on week."


def test_green_and_configurable_peak():
    mornings = {**flat_mornings(DAY, 8, 1), DAY + ONE: 1}
    journal = make_journal(mornings, [run(DAY, 2, 1)])
    light = day_light(journal, DAY)
    assert light.colour == "green"
    assert light.advice == ADVICE_GREEN_HOLD  # one green day: keep going, not progress
    assert light.kind == HOLD
    assert light.reason == (
        "Pain during your run on 3 Mar peaked at 2/10 and had settled by the next morning."
    )
    journal3 = make_journal(mornings, [run(DAY, 3, 1)])
    assert day_light(journal3, DAY).colour == "amber"
    assert day_light(journal3, DAY, Thresholds(green_peak_max=3)).colour == "green"


# --- a day without sessions --------------------------------------------------------------


def test_rest_day_judged_by_morning_pain():
    mornings = flat_mornings(DAY - ONE, 7, 2)
    assert day_light(make_journal({**mornings, DAY: 3}), DAY).colour == "green"  # 3 <= 2 + 1
    amber = day_light(make_journal({**mornings, DAY: 4}), DAY)
    assert amber.colour == "amber"
    assert amber.advice == ADVICE_MORNING_AMBER
    assert amber.reason == "Morning pain 4/10 on 3 Mar was 2 points above your usual 2/10."
    # no baseline: absolute bands, and the text says why
    assert day_light(make_journal({DAY: 2}), DAY).colour == "green"
    assert day_light(make_journal({DAY: 4}), DAY).colour == "amber"
    red = day_light(make_journal({DAY: 7}), DAY)
    assert red.colour == "red"
    assert red.advice == ADVICE_MORNING_RED_NO_BASELINE
    assert red.reason == (
        "Morning pain 7/10 on 3 Mar is above 5/10; no baseline yet (3 morning ratings "
        "needed in the 7 days before; there are 0)."
    )


def test_rest_day_without_baseline_never_speaks_of_usual_or_getting_worse():
    # QA D8: day 1 of a journal, a rest day with morning 7/10: one rating is no trend and
    # no baseline, so neither "getting worse" nor "your usual"; the same for amber (4/10
    # after two ratings of 2: still fewer than 3 ratings before it)
    red = day_light(make_journal({DAY: 7}), DAY)
    amber = day_light(make_journal({DAY - 2 * ONE: 2, DAY - ONE: 2, DAY: 4}), DAY)
    assert amber.colour == "amber"
    assert amber.advice == ADVICE_MORNING_AMBER_NO_BASELINE
    assert amber.reason == (
        "Morning pain 4/10 on 3 Mar is above 2/10; no baseline yet (3 morning ratings "
        "needed in the 7 days before; there are 2)."
    )
    for light in (red, amber, today_light(make_journal({DAY: 7}), DAY)):
        words = f"{light.advice} {light.reason}".lower()
        assert "usual" not in words and "getting worse" not in words, words
        assert "no baseline yet" in words


def test_rest_day_stiffness_rise_is_amber_with_morning_advice():
    stiff = {**flat_mornings(DAY - ONE, 7, 5), DAY: 60}
    journal = make_journal(flat_mornings(DAY, 8, 1), stiffness=stiff)
    light = day_light(journal, DAY)
    assert light.colour == "amber"
    assert light.advice == ADVICE_MORNING_AMBER
    assert light.reason == "Morning stiffness 60 min on 3 Mar was 55 min above your usual 5 min."


def test_rest_day_never_says_back_off_the_load_next_session():
    # rising trend on a rest day: red, but the advice is about the morning
    mornings = {**flat_mornings(DAY - timedelta(days=7), 7, 1), **flat_mornings(DAY, 7, 3)}
    light = day_light(make_journal(mornings), DAY)
    assert light.colour == "red"
    assert light.advice == ADVICE_MORNING_RED
    assert "next session" not in light.advice


def test_no_data_gives_no_light():
    light = day_light(Journal(), DAY)
    assert light.colour is None and light.status is None and light.kind is None
    assert light.heading == "No light yet"


# --- red flags: two tiers ------------------------------------------------------------------


def test_urgent_red_flag_overrides_a_green_day():
    journal = make_journal(
        flat_mornings(DAY + ONE, 9, 1), [run(DAY, 1, 1)], [RedFlag(DAY, "locking_giving_way")]
    )
    light = day_light(journal, DAY)
    assert light.colour == "red"
    assert light.red_flag
    assert light.flag_tier == scales.URGENT and light.mark == scales.URGENT
    assert light.heading == "See a clinician now"
    assert light.advice == scales.FLAG_TIERS[scales.URGENT].advice
    assert light.reason == "Red flag recorded on 3 Mar: Knee locks, catches or gives way."
    assert light.kind == BACK_OFF


def test_assessment_flag_has_its_own_heading_and_mark():
    journal = make_journal(flat_mornings(DAY, 8, 1), flags=[RedFlag(DAY, "night_or_constant_pain")])
    light = day_light(journal, DAY)
    assert light.colour == "red" and light.red_flag
    assert light.flag_tier == scales.ASSESSMENT
    assert light.heading == "Book an assessment"
    assert light.text.startswith("Book an assessment: ")
    assert light.advice == scales.FLAG_TIERS[scales.ASSESSMENT].advice
    # both tiers on one day: the urgent one decides
    both = make_journal(flags=[RedFlag(DAY, "pop_or_injury_moment"), RedFlag(DAY, "calf_dvt")])
    assert day_light(both, DAY).flag_tier == scales.URGENT


def test_flag_tiers_differ_in_wording_colour_and_symbol():
    urgent, assess = scales.FLAG_TIERS[scales.URGENT], scales.FLAG_TIERS[scales.ASSESSMENT]
    assert (urgent.heading, urgent.symbol) == ("See a clinician now", "!")
    assert (assess.heading, assess.symbol) == ("Book an assessment", "?")
    assert urgent.colour != assess.colour and urgent.advice != assess.advice
    assert scales.URGENCY_ADVICE[scales.URGENT] == "See a clinician now."
    assert scales.flag_tier("calf_dvt") == scales.URGENT
    assert scales.flag_tier("pop_or_injury_moment") == scales.ASSESSMENT
    assert scales.worst_tier(["pop_or_injury_moment", "cannot_slr"]) == scales.URGENT
    assert scales.worst_tier([]) is None


def test_invalid_thresholds_rejected():
    with pytest.raises(ValueError):
        Thresholds(green_peak_max=6, acceptable_pain=5)
    with pytest.raises(ValueError):
        Thresholds(escalation_load_drop=0)
    with pytest.raises(ValueError):
        Thresholds(stiffness_rise_min=-1)


# --- a full green week, today_light and week_verdict ------------------------------------


def green_week(end: date) -> Journal:
    """Morning pain 1 for 15 days up to the day after ``end``; easy runs on end, -2, -4."""
    mornings = flat_mornings(end + ONE, 15, 1)
    sessions = [run(end - timedelta(days=k), 1, 1) for k in (0, 2, 4)]
    return make_journal(mornings, sessions)


def test_week_ready_after_full_green_week():
    journal = green_week(DAY)
    assert week_ready_to_progress(journal, DAY)
    light = day_light(journal, DAY)
    assert light.advice == ADVICE_GREEN
    assert light.kind == PROGRESS


def test_week_not_ready_with_one_amber_day_or_one_session():
    journal = green_week(DAY)
    mornings = {d: r.morning_pain for d, r in journal.days.items()}
    amber = make_journal(mornings, [run(DAY, 1, 1), run(DAY - 2 * ONE, 4, 1)])
    assert not week_ready_to_progress(amber, DAY)
    single = make_journal(mornings, [run(DAY, 1, 1)])
    assert not week_ready_to_progress(single, DAY)
    assert day_light(single, DAY).advice == ADVICE_GREEN_HOLD


def test_week_not_ready_with_red_flag_on_rest_day():
    base = green_week(DAY)
    flagged = make_journal(
        {d: r.morning_pain for d, r in base.days.items()},
        [s for r in base.days.values() for s in r.sessions],
        [RedFlag(DAY - ONE, "pop_or_injury_moment")],
    )
    assert not week_ready_to_progress(flagged, DAY)


def test_today_light_uses_yesterdays_session_and_this_morning():
    today = DAY + ONE
    mornings = {**flat_mornings(DAY, 8, 2), today: 5}
    journal = make_journal(mornings, [run(DAY, 2, 2)])
    light = today_light(journal, today)
    assert light.colour == "red"
    assert light.day == DAY
    assert light.reason == "Next-morning pain 5/10 was 3 points above your usual 2/10."


def test_today_light_waits_for_this_mornings_rating():
    today = DAY + ONE
    journal = make_journal(flat_mornings(DAY, 8, 1), [run(DAY, 1, 1)])
    light = today_light(journal, today)
    assert light.status == WAITING and light.day == DAY


def test_today_light_green_holds_until_a_full_green_week():
    today = DAY + ONE
    full = today_light(green_week(DAY), today)
    assert full.colour == "green"
    assert full.advice == ADVICE_GREEN
    one_run = make_journal(flat_mornings(today, 15, 1), [run(DAY, 1, 1)])
    light = today_light(one_run, today)
    assert light.colour == "green"
    assert light.advice == ADVICE_GREEN_HOLD


def test_today_light_red_flag_yesterday_overrides():
    today = DAY + ONE
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
    today = DAY + 3 * ONE
    # an amber session 2 days ago, no sessions yesterday and no ratings since
    journal = make_journal(flat_mornings(DAY - ONE, 7, 1), [run(DAY + ONE, 4, 3)])
    light = today_light(journal, today)
    assert light.colour == "amber"
    assert light.day == DAY + ONE
    # nothing in the last 3 days -> no light
    assert today_light(journal, today + timedelta(days=5)).colour is None


def test_today_light_red_flag_on_rest_day_yesterday_beats_green_today():
    today = DAY + ONE
    journal = make_journal(flat_mornings(today, 10, 1), flags=[RedFlag(DAY, "cannot_slr")])
    assert day_light(journal, today).colour == "green"  # today alone would be green
    light = today_light(journal, today)
    assert light.colour == "red"
    assert light.red_flag


def red_then_green() -> tuple[Journal, date]:
    """A red run on Mon 26 Feb (pain after 7), then easy runs 28 Feb, 1 Mar, 3 Mar.

    Mornings are 1 from 12 Feb to 4 Mar. As of Mon 4 Mar: yesterday's run peaked at 1 and
    this morning is 1 (baseline 1): green; the 7 days ending 3 Mar hold the red day, so it
    is not a full green week: "keep going at this level" (hold), not "back off".
    """
    today = DAY + ONE
    mornings = flat_mornings(today, 22, 1)
    sessions = [run(date(2024, 2, 26), 3, 7), run(date(2024, 2, 28), 1, 1),
                run(date(2024, 3, 1), 1, 1), run(DAY, 1, 1)]
    return make_journal(mornings, sessions), today


def test_week_verdict_after_a_red_day_and_a_green_run_is_hold():
    journal, today = red_then_green()
    assert day_light(journal, date(2024, 2, 26)).colour == "red"
    verdict = week_verdict(journal, today)
    assert verdict.kind == HOLD
    assert not verdict.ready
    assert verdict.heading == "Green"
    assert verdict.advice == ADVICE_GREEN_HOLD
    assert verdict.text == f"Green: {ADVICE_GREEN_HOLD}"
    assert verdict.text == today_light(journal, today).text
    # a week later the red day has left the window: a full green week -> progress
    later = make_journal(
        flat_mornings(today + 7 * ONE, 29, 1),
        [run(d, 1, 1) for d in (date(2024, 3, 6), date(2024, 3, 8), date(2024, 3, 10))],
    )
    assert week_verdict(later, today + 7 * ONE).kind == PROGRESS


def test_week_verdict_kinds():
    red = make_journal({**flat_mornings(DAY, 8, 1), DAY + ONE: 1}, [run(DAY, 7, 7)])
    verdict = week_verdict(red, DAY + ONE)
    assert (verdict.kind, verdict.heading) == (BACK_OFF, "Red")
    flag = make_journal(flat_mornings(DAY, 8, 1), flags=[RedFlag(DAY, "calf_dvt")])
    verdict = week_verdict(flag, DAY)
    assert (verdict.kind, verdict.heading) == (BACK_OFF, "See a clinician now")
    nothing = week_verdict(Journal(), DAY)
    assert nothing.kind is None and nothing.heading == "No light yet"


def test_day_lights_equal_day_light():
    journal, today = red_then_green()
    days = [date(2024, 2, 20) + timedelta(days=i) for i in range(14)]
    assert day_lights(journal, days) == [day_light(journal, d) for d in days]


def test_legend_says_progress_only_after_a_full_green_week():
    keys = [item.key for item in LEGEND]
    assert keys == ["green", "amber", "red", WAITING, scales.URGENT, scales.ASSESSMENT]
    green = LEGEND[0].text
    assert "keep going" in green and "only after a full green week" in green
    assert WAITING_LABEL in LEGEND[3].text
    assert [item.symbol for item in LEGEND[4:]] == ["!", "?"]


# --- properties -------------------------------------------------------------------------

pain = st.one_of(st.none(), st.integers(min_value=0, max_value=10))
minutes = st.one_of(st.none(), st.integers(min_value=0, max_value=90))


@st.composite
def journals(draw):
    """Random 22-day journals around DAY, with optional sessions, stiffness and red flags."""
    start = DAY - timedelta(days=14)
    mornings: dict[date, int] = {}
    stiffness: dict[date, int] = {}
    sessions: list[Session] = []
    flags: list[RedFlag] = []
    for i in range(22):
        d = start + timedelta(days=i)
        m = draw(pain)
        if m is not None:
            mornings[d] = m
        s = draw(minutes)
        if s is not None:
            stiffness[d] = s
        if draw(st.booleans()):
            sessions.append(run(d, draw(pain), draw(pain)))
        if draw(st.integers(min_value=0, max_value=9)) == 0:
            flags.append(RedFlag(d, draw(st.sampled_from(["calf_dvt", "night_or_constant_pain"]))))
    return make_journal(mornings, sessions, flags, stiffness)


@settings(max_examples=150, deadline=None)
@given(journals(), st.integers(min_value=0, max_value=20))
def test_light_invariants(journal, offset):
    day = DAY - timedelta(days=14) + timedelta(days=offset)
    record = journal.get(day)
    light = day_light(journal, day)
    for li in (light, today_light(journal, day)):
        assert li.colour in ("green", "amber", "red", None)
        if li.colour is not None or li.waiting:
            assert li.advice and li.reason and li.kind in (PROGRESS, HOLD, BACK_OFF)
        assert li.kind != PROGRESS or li.advice == ADVICE_GREEN
    if record.red_flags:
        assert light.colour == "red" and light.red_flag and light.flag_tier
    if record.red_flags or journal.get(day - ONE).red_flags:
        assert today_light(journal, day).colour == "red"
        assert not week_ready_to_progress(journal, day)
    # no green without a next-morning rating
    if record.sessions and not record.red_flags and journal.get(day + ONE).morning_pain is None:
        assert light.colour != "green"
    # a rest day never gets "back off the load next session"
    if not record.sessions:
        assert light.advice != ADVICE_RED
    # progress only after a full green week
    if light.kind == PROGRESS:
        assert week_ready_to_progress(journal, day)
    # the verdict is Today's light
    verdict = week_verdict(journal, day)
    assert verdict.text == today_light(journal, day).text


@settings(max_examples=100, deadline=None)
@given(journals(), st.integers(min_value=0, max_value=20))
def test_pain_above_acceptable_is_always_red(journal, offset):
    day = DAY - timedelta(days=14) + timedelta(days=offset)
    peak = journal.get(day).peak_pain
    if peak is not None and peak > 5:
        assert day_light(journal, day).colour == "red"


# --- a full green week needs the journal to cover it (QA D2) and no waiting day ---------


def test_no_full_green_week_before_the_journal_covers_the_week():
    # The journal starts Thu 1 Oct 2026: runs on 1 and 3 Oct peaking at 1, mornings 1 on
    # 1-4 Oct. Both runs are green, but 27-30 Sep are before the first entry (no data),
    # so the 7 days ending 3 Oct are not a full green week: hold, not progress.
    first = date(2026, 10, 1)
    mornings = {first + timedelta(days=i): 1 for i in range(4)}
    journal = make_journal(mornings, [run(first, 1, 1), run(first + 2 * ONE, 1, 1)])
    today = first + 3 * ONE
    assert day_light(journal, first + 2 * ONE).colour == "green"
    assert not week_ready_to_progress(journal, first + 2 * ONE)
    light = today_light(journal, today)
    assert (light.colour, light.kind, light.advice) == ("green", HOLD, ADVICE_GREEN_HOLD)
    assert week_verdict(journal, today).kind == HOLD
    # the same two runs a week after the journal began: the week is covered -> progress
    started = make_journal({**mornings, first - 7 * ONE: 1},
                           [run(first, 1, 1), run(first + 2 * ONE, 1, 1)])
    assert week_ready_to_progress(started, first + 2 * ONE)
    assert week_verdict(started, today).kind == PROGRESS


def test_a_waiting_day_blocks_a_full_green_week():
    # green_week plus a run on DAY - 1 whose next morning (DAY) is not rated: waiting
    journal = green_week(DAY)
    mornings = {d: r.morning_pain for d, r in journal.days.items() if d != DAY}
    sessions = [s for r in journal.days.values() for s in r.sessions] + [run(DAY - ONE, 1, 1)]
    waiting = make_journal(mornings, sessions)
    assert day_light(waiting, DAY - ONE).status == WAITING
    assert not week_ready_to_progress(waiting, DAY)


def test_hold_for_escalations_turns_progress_into_a_hold():
    from rehabjournal.domain.light import ADVICE_ESCALATION_HOLD, hold_for_escalations
    from rehabjournal.domain.redflags import NO_IMPROVEMENT, Escalation

    journal = green_week(DAY)
    esc = Escalation(NO_IMPROVEMENT, "Morning pain has not improved by 2 points in 7 weeks "
                                     "(first 7 days 3.0/10, last 7 days 3.0/10): book an "
                                     "assessment.")
    assert today_light(journal, DAY + ONE).kind == PROGRESS
    held = today_light(journal, DAY + ONE, escalations=[esc])
    assert (held.colour, held.kind, held.advice) == ("green", HOLD, ADVICE_ESCALATION_HOLD)
    assert held.reason.endswith(esc.text)
    assert day_light(journal, DAY, escalations=[esc]).kind == HOLD
    verdict = week_verdict(journal, DAY + ONE, escalations=[esc])
    assert verdict.kind == HOLD and verdict.text == held.text
    # anything but a progress stands as it is
    red = make_journal({**flat_mornings(DAY, 8, 1), DAY + ONE: 1}, [run(DAY, 7, 7)])
    light = today_light(red, DAY + ONE)
    assert hold_for_escalations(light, [esc]) is light
