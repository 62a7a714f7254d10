"""Tests for rehabjournal.domain.redflags."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, RedFlag, Session
from rehabjournal.domain.light import Thresholds
from rehabjournal.domain.redflags import (
    FLAG,
    NO_IMPROVEMENT,
    WORSE_DESPITE_REDUCED_LOAD,
    advice,
    assessment_suggestions,
    escalations,
    last_complete_weeks,
    no_improvement,
    no_improvement_check,
    urgent_flags,
    worse_despite_reduced_load,
    worse_despite_reduced_load_check,
)
from rehabjournal.domain.scales import ASSESSMENT

START = date(2024, 1, 1)


def journal_from(
    mornings: dict[date, int], sessions=(), flags=()
) -> Journal:  # fmt: skip
    journal = Journal()
    sessions, flags = list(sessions), list(flags)
    for d in set(mornings) | {s.day for s in sessions} | {f.day for f in flags}:
        journal.days[d] = DayRecord(
            d,
            checkin=CheckIn(d, morning_pain=mornings[d]) if d in mornings else None,
            sessions=tuple(s for s in sessions if s.day == d),
            red_flags=tuple(f for f in flags if f.day == d),
        )
    return journal


def weeks_of_pain(weekly_values: list[int]) -> dict[date, int]:
    """Morning pain constant within each week, starting at START."""
    return {
        START + timedelta(days=7 * w + i): v for w, v in enumerate(weekly_values) for i in range(7)
    }


def test_urgent_flags_filters_and_sorts():
    d1, d2 = START, START + timedelta(days=3)
    records = [
        DayRecord(d2, red_flags=(RedFlag(d2, "calf_dvt"), RedFlag(d2, "night_or_constant_pain"))),
        DayRecord(d1, red_flags=(RedFlag(d1, "cannot_bear_weight"),)),
    ]
    assert urgent_flags(records) == [
        (d1, "cannot_bear_weight", "Cannot bear weight or take 4 steps"),
        (d2, "calf_dvt", "Calf swelling, warmth and tenderness (possible blood clot)"),
    ]
    journal = Journal({r.day: r for r in records})
    assert [code for _, code, _ in urgent_flags(journal)] == ["cannot_bear_weight", "calf_dvt"]
    assert urgent_flags([]) == []


def test_no_improvement_after_six_flat_weeks():
    # first 7 days 5, last 7 days 5 over 6 weeks: no drop -> suggest an assessment
    journal = journal_from(weeks_of_pain([5, 5, 5, 5, 5, 5]))
    today = START + timedelta(days=41)
    found = no_improvement_check(journal, today, Thresholds(), START)
    assert found is not None
    assert found.kind == NO_IMPROVEMENT and found.tier == ASSESSMENT
    assert found.heading == "Book an assessment"
    assert (found.first, found.last, found.weeks) == (5.0, 5.0, 6)
    assert found.first_window == (START, START + timedelta(days=6))
    assert found.last_window == (today - timedelta(days=6), today)
    assert found.text == (
        "Morning pain has not improved by 2 points or 30 % in 6 weeks (first 7 days "
        "5.0/10, last 7 days 5.0/10): book an assessment."
    )
    assert no_improvement(journal, today, Thresholds(), START) == found.text


def test_no_improvement_needs_two_points_or_30_percent_from_4():
    today = START + timedelta(days=41)
    # 5 -> 3: 2 points -> improved
    assert no_improvement_check(journal_from(weeks_of_pain([5, 5, 4, 4, 3, 3])), today) is None
    # 5 -> 4: 1 point, 20 % -> not improved
    assert no_improvement_check(journal_from(weeks_of_pain([5, 5, 5, 4, 4, 4])), today)
    # 3 -> 2: 1 point; 33 % does not count below 4/10 -> not improved (was "improved")
    small = no_improvement_check(journal_from(weeks_of_pain([3, 3, 3, 2, 2, 2])), today)
    assert small is not None
    assert small.text.startswith("Morning pain has not improved by 2 points in 6 weeks")
    # 4 -> 2.8 (days: 3,3,3,3,3,2,3 -> 20/7 = 2.857): 1.14 points, 28.6 % -> not improved;
    # 4 -> 2.7 (3,3,3,3,2,2,3 -> 19/7 = 2.714): 32 % from 4/10 -> improved
    base = weeks_of_pain([4, 4, 4, 4, 4, 3])
    last = [today - timedelta(days=6 - i) for i in range(7)]
    for values, expected in (([3, 3, 3, 3, 3, 2, 3], False), ([3, 3, 3, 3, 2, 2, 3], True)):
        mornings = {**base, **dict(zip(last, values, strict=True))}
        assert (no_improvement_check(journal_from(mornings), today) is None) is expected
    # rising pain is not an improvement
    assert no_improvement_check(journal_from(weeks_of_pain([3, 3, 4, 4, 5, 5])), today)
    # only 5 weeks of data
    five = journal_from(weeks_of_pain([5] * 5))
    assert no_improvement_check(five, START + timedelta(days=34), onset_or_start=START) is None
    # pain-free throughout: no change, but nothing to improve -> no nudge
    assert no_improvement_check(journal_from(weeks_of_pain([0] * 6)), today) is None


def test_no_improvement_starts_at_the_first_rating_after_an_old_onset():
    today = START + timedelta(days=41)
    journal = journal_from(weeks_of_pain([5] * 6))
    found = no_improvement_check(journal, today, onset_or_start=START - timedelta(days=400))
    assert found is not None and found.first_window[0] == START


def run(day: date, minutes: int, rpe: int) -> Session:
    return Session(day, "run", minutes, rpe=rpe)




def test_worse_despite_reduced_load_uses_the_last_two_calendar_weeks():
    assert START.weekday() == 0
    today = START + timedelta(days=13)  # Sunday 14 Jan: the week of 8 Jan is complete
    mornings = weeks_of_pain([2, 3])
    # week of 1 Jan: 3 runs x 5 x 60 = 900 AU; week of 8 Jan: 2 runs x 5 x 30 = 300 AU
    # (-66.7 %); pain 2 -> 3 (+1)
    sessions = [run(START + timedelta(days=k), 60, 5) for k in (0, 2, 4)]
    sessions += [run(START + timedelta(days=k), 30, 5) for k in (7, 9)]
    found = worse_despite_reduced_load_check(journal_from(mornings, sessions), today)
    assert found is not None
    assert found.kind == WORSE_DESPITE_REDUCED_LOAD
    assert (found.first, found.last, found.load_before, found.load_after) == (2.0, 3.0, 900,
                                                                              300)
    assert found.load_change == pytest.approx(-2 / 3)
    assert found.text == (
        "Morning pain rose from 2.0/10 to 3.0/10 although weekly load fell 67 % (week of "
        "1 Jan 900 AU, week of 8 Jan 300 AU): book an assessment."
    )
    assert worse_despite_reduced_load(journal_from(mornings, sessions), today) == found.text
    # on Saturday 13 Jan the week of 8 Jan is not complete: the weeks compared are the two
    # before it (25 Dec has no ratings) -> nothing
    assert worse_despite_reduced_load_check(journal_from(mornings, sessions),
                                            today - timedelta(days=1)) is None
    # the next Wednesday still compares 1 Jan with 8 Jan
    assert worse_despite_reduced_load_check(journal_from(mornings, sessions),
                                            today + timedelta(days=3)) == replace(
        found, day=today + timedelta(days=3))


def test_last_complete_weeks():
    assert last_complete_weeks(date(2024, 1, 14)) == (date(2024, 1, 1), date(2024, 1, 8))
    assert last_complete_weeks(date(2024, 1, 13)) == (date(2023, 12, 25), date(2024, 1, 1))
    assert last_complete_weeks(date(2024, 1, 15)) == (date(2024, 1, 1), date(2024, 1, 8))


def test_reduced_load_needs_a_fall_of_10_percent():
    today = START + timedelta(days=13)
    mornings = weeks_of_pain([2, 3])
    week1 = [run(START + timedelta(days=k), 50, 4) for k in (0, 2, 4, 6)]  # 800 AU
    # 1 AU less (799): not reduced load
    slightly = [run(START + timedelta(days=k), 50, 4) for k in (7, 9, 11)]
    slightly += [Session(START + timedelta(days=13), "run", 199, rpe=1)]  # 600 + 199
    assert worse_despite_reduced_load_check(journal_from(mornings, week1 + slightly),
                                            today) is None
    # 720 AU: exactly 10 % less -> reduced load
    ten = [run(START + timedelta(days=k), 45, 4) for k in (7, 9, 11, 13)]
    found = worse_despite_reduced_load_check(journal_from(mornings, week1 + ten), today)
    assert found is not None and found.load_after == 720
    # the setting: 20 % needed -> 10 % is not enough
    assert worse_despite_reduced_load_check(journal_from(mornings, week1 + ten), today,
                                            Thresholds(escalation_load_drop=0.2)) is None


def test_worse_despite_reduced_load_quiet_cases():
    today = START + timedelta(days=13)
    week1 = [run(START + timedelta(days=k), 60, 5) for k in (0, 2, 4)]
    week2_more = [run(START + timedelta(days=k), 60, 5) for k in (7, 9, 11, 12)]
    # load rose: pain rise is not "despite reduced load"
    assert worse_despite_reduced_load(journal_from(weeks_of_pain([2, 3]), week1 + week2_more),
                                      today) is None  # fmt: skip
    # load fell but pain only rose 0 points
    assert worse_despite_reduced_load(journal_from(weeks_of_pain([2, 2]), week1), today) is None
    # no morning ratings
    assert worse_despite_reduced_load(journal_from({}, week1), today) is None


def test_escalations_are_structured_and_ordered():
    today = START + timedelta(days=41)  # a Sunday
    mornings = weeks_of_pain([5, 5, 5, 5, 5, 5])
    flags = [
        RedFlag(today - timedelta(days=3), "night_or_constant_pain"),
        RedFlag(today - timedelta(days=1), "night_or_constant_pain"),
        RedFlag(today - timedelta(days=40), "pop_or_injury_moment"),  # too long ago
        RedFlag(today, "calf_dvt"),  # urgent: not an assessment suggestion
    ]
    found = escalations(journal_from(mornings, flags=flags), today)
    assert [e.kind for e in found] == [FLAG, NO_IMPROVEMENT]
    assert found[0].code == "night_or_constant_pain"
    assert found[0].day == today - timedelta(days=1)
    assert found[0].text == "Pain at night or constant pain recorded on 10 Feb: book an assessment."
    assert [e.kind for e in escalations(journal_from(mornings, flags=flags), today,
                                        flags=False)] == [NO_IMPROVEMENT]
    reasons = assessment_suggestions(journal_from(mornings, flags=flags), today)
    assert reasons == [e.text for e in found]
    assert not any("pop" in r for r in reasons)
    assert not any("clot" in r for r in reasons)


def test_assessment_suggestions_empty_for_improving_journal():
    today = START + timedelta(days=41)
    journal = journal_from(weeks_of_pain([6, 5, 4, 3, 2, 2]))
    assert assessment_suggestions(journal, today) == []


def test_advice_holds_a_full_green_week_while_an_escalation_stands():
    # QA D3: 7 weeks of morning pain 3 (no improvement of 2 points: an assessment is
    # advised) and easy runs in the last week whose mornings stay at 3 (green). The light
    # alone says "progress one step"; the one advice holds and says why.
    from rehabjournal.domain.light import HOLD, PROGRESS, week_verdict

    today = START + timedelta(days=49)  # 7 weeks after the first rating
    mornings = {START + timedelta(days=i): 3 for i in range(50)}
    runs = [Session(today - timedelta(days=k), "run", 30, rpe=3, pain_during=1, pain_after=1)
            for k in (1, 3, 5)]
    journal = journal_from(mornings, runs)
    found = escalations(journal, today, Thresholds(), START)
    assert [e.kind for e in found] == [NO_IMPROVEMENT]
    assert week_verdict(journal, today).kind == PROGRESS  # the light alone

    verdict = advice(journal, today, Thresholds(), START)
    assert verdict.kind == HOLD and verdict.ready
    assert verdict.heading == "Green"
    assert verdict.text == "Green: Keep going at this level; book an assessment before progressing."
    assert verdict.reason.endswith(found[0].text)
    assert verdict.escalations == tuple(found)
    # no escalation (the onset is 7 weeks later: too early for the rule): progress
    assert advice(journal, today, Thresholds(), today - timedelta(days=10)).kind == PROGRESS


def test_advice_never_softens_a_back_off():
    # an escalation never turns a red light into a hold
    from rehabjournal.domain.light import BACK_OFF

    today = START + timedelta(days=49)
    mornings = {START + timedelta(days=i): 3 for i in range(50)}
    journal = journal_from(mornings, [Session(today - timedelta(days=1), "run", 30, rpe=3,
                                              pain_during=7, pain_after=7)])
    verdict = advice(journal, today, Thresholds(), START)
    assert verdict.kind == BACK_OFF and verdict.escalations
