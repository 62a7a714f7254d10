"""The period summary (domain/summary.py) on small hand-made journals, hand-computed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.domain import scales
from rehabjournal.domain.adherence import WeekAdherence
from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, RedFlag, Session
from rehabjournal.domain.summary import (
    COMPLETE,
    COMPLETED,
    PARTIAL,
    counted_range,
    period_summary,
)

MON = date(2026, 3, 2)  # a Monday


def day(i: int) -> date:
    return MON + timedelta(days=i)


def journal_of(entries: dict[int, dict]) -> Journal:
    """{day index: {"morning": 3, "sessions": [(minutes, rpe, during, after)], "flags": []}}"""
    j = Journal()
    for i, e in entries.items():
        d = day(i)
        checkin = CheckIn(d, morning_pain=e["morning"]) if "morning" in e else None
        sessions = tuple(
            Session(d, "run", minutes, rpe=rpe, pain_during=during, pain_after=after)
            for minutes, rpe, during, after in e.get("sessions", ())
        )
        flags = tuple(RedFlag(d, code) for code in e.get("flags", ()))
        j.days[d] = DayRecord(d, checkin, sessions, flags)
    return j


def weeks_of_load(week_loads: list[list[float]], first_week: int = 0) -> Journal:
    """One session a day of ``load`` AU (rpe 1 x load minutes), morning pain 2 every day."""
    entries = {}
    for w, loads in enumerate(week_loads):
        for k, load in enumerate(loads):
            e = {"morning": 2}
            if load:
                e["sessions"] = [(int(load), 1, 2, 2)]
            entries[(first_week + w) * 7 + k] = e
    return journal_of(entries)


# ---- weekly rows: calendar weeks ---------------------------------------------------------


def test_a_cut_week_is_completed_from_outside_the_period():
    # three whole weeks of data: 700, 1400, 2100 AU (100, 200, 300 a day)
    j = weeks_of_load([[100] * 7, [200] * 7, [300] * 7])
    # the period starts on Wednesday of week 2 and ends on Tuesday of week 3
    s = period_summary(j, day(9), day(15))
    assert [w.week_start for w in s.weeks] == [day(7), day(14)]
    first, second = s.weeks
    assert first.status == COMPLETED and second.status == COMPLETED
    assert first.load == 1400.0 and second.load == 2100.0  # whole weeks, not 1000 and 600
    assert first.days_in_period == 5 and second.days_in_period == 2
    assert first.days_counted == second.days_counted == 7
    # week 2 against the whole week before the period (700): +100 %; week 3: +50 %
    assert first.previous_load == 700.0 and first.change_pct == pytest.approx(100.0)
    assert second.change_pct == pytest.approx(50.0)
    assert first.status_text == "completed from outside the period"
    # the period's own totals stay inside the period: 5 x 200 + 2 x 300
    assert s.load == 1600.0 and s.sessions == 7


def test_a_cut_week_without_data_outside_is_partial_with_no_change():
    j = weeks_of_load([[100] * 7, [200] * 7, [300, 300]])
    # the journal's data ends on Tuesday of week 3; the period runs to Wednesday
    s = period_summary(j, day(0), day(16))
    last = s.weeks[-1]
    assert last.status == PARTIAL
    assert last.days_in_period == 3 and last.days_counted == 3  # Mon-Wed (Wed: rest day)
    assert last.load == 600.0
    assert last.change_pct is None and last.previous_load is None
    assert last.monotony is None and last.strain is None
    assert [w.status for w in s.weeks] == [COMPLETE, COMPLETE, PARTIAL]
    assert s.weeks[1].change_pct == pytest.approx(100.0)
    # the first and last *full* weeks are compared
    assert (s.first_week, s.last_week) == (0, 1)


def test_the_week_after_a_partial_week_has_no_change():
    # the journal starts on Thursday of week 1: days before the first entry are no data
    j = weeks_of_load([[0, 0, 0, 100, 100, 100, 100], [200] * 7])
    del j.days[day(0)], j.days[day(1)], j.days[day(2)]
    s = period_summary(j, day(0), day(13))
    assert [w.status for w in s.weeks] == [PARTIAL, COMPLETE]
    assert s.weeks[0].days_counted == 4 and s.weeks[0].load == 400.0
    assert s.weeks[1].change_pct is None  # not against a 4-day week (+250 %)
    assert s.days[0].has_data is False and s.days[3].has_data is True


def test_counted_range():
    span = (day(3), day(16))
    assert counted_range(day(9), day(15), span) == (day(7), day(16))
    assert counted_range(day(0), day(5), span) == (day(3), day(6))
    assert counted_range(day(0), day(5), None) is None


# ---- monotony and strain -----------------------------------------------------------------


def test_monotony_and_strain_of_the_domain_vector_with_population_sd():
    # domain.md section 3: [0, 300, 0, 420, 0, 600, 240]: weekly 1560, mean 222.86,
    # population SD 219.13 -> monotony 1.017, strain 1586
    j = weeks_of_load([[0, 300, 0, 420, 0, 600, 240]])
    s = period_summary(j, day(0), day(6))
    (w,) = s.weeks
    assert w.load == 1560.0
    assert w.monotony == pytest.approx(1.017, abs=0.0005)
    assert w.strain == pytest.approx(1586, abs=0.5)
    assert s.sd == "population"


def test_no_monotony_when_every_day_has_the_same_load():
    s = period_summary(weeks_of_load([[300] * 7]), day(0), day(6))
    assert s.weeks[0].monotony is None and s.weeks[0].strain is None


# ---- first and last week -----------------------------------------------------------------


def pain_weeks(first: list[int], last: list[int]) -> Journal:
    entries = {i: {"morning": v} for i, v in enumerate(first)}
    entries.update({7 + i: {"morning": v} for i, v in enumerate(last)})
    return journal_of(entries)


def test_a_small_baseline_needs_two_points():
    # mean 2.1 (15/7 = 2.14) -> 0.9 (6/7 = 0.86): -1.29 points, -60 %: NOT important
    j = pain_weeks([2, 2, 2, 3, 2, 2, 2], [1, 1, 1, 1, 1, 1, 0])
    c = period_summary(j, day(0), day(13)).comparison("morning_pain")
    assert c.first == pytest.approx(15 / 7) and c.last == pytest.approx(6 / 7)
    assert c.change == pytest.approx(-9 / 7)
    assert c.important is False and c.verdict == "No"


def test_from_four_a_thirty_percent_fall_counts():
    # 4.0 -> 2.71 (19/7): -1.29 points, -32 %: important by the 30 % (first week >= 4/10)
    j = pain_weeks([4] * 7, [3, 3, 3, 3, 3, 2, 2])
    c = period_summary(j, day(0), day(13)).comparison("morning_pain")
    assert c.important is True and c.why == "30 %" and c.direction == "down"
    assert c.verdict == "Yes (30 %), better"
    # a 2-point rise is important and worse
    j = pain_weeks([1] * 7, [3] * 7)
    c = period_summary(j, day(0), day(13)).comparison("morning_pain")
    assert c.verdict == "Yes (2 points), worse"


def test_counts_get_absolute_changes():
    # 4 sessions of 30 min at RPE 4 in week 1; 7 in week 2
    entries = {i: {"sessions": [(30, 4, 2, 1)]} for i in (0, 2, 4, 6)}
    entries.update({7 + i: {"sessions": [(30, 4, 2, 1)]} for i in range(7)})
    s = period_summary(journal_of(entries), day(0), day(13))
    sessions, minutes, load = (s.comparison(k) for k in ("sessions", "minutes", "load"))
    assert (sessions.first, sessions.last, sessions.change) == (4, 7, 3)
    assert (minutes.first, minutes.last, minutes.change) == (120, 210, 90)
    assert (load.first, load.last, load.change, load.unit) == (480, 840, 360, "AU")
    assert sessions.important is None and sessions.verdict == ""
    assert sessions.period == 11 and load.period == 1320


def test_one_full_week_has_nothing_to_compare():
    s = period_summary(pain_weeks([3] * 7, []), day(0), day(6))
    c = s.comparison("morning_pain")
    assert (s.first_week, s.last_week) == (0, 0)
    assert c.first == 3 and c.last is None and c.change is None and c.verdict == "-"


def test_thresholds_from_the_registry_are_used():
    from rehabjournal.domain.light import Thresholds

    j = pain_weeks([6] * 7, [4] * 7)  # -2 points, -33 %
    th = Thresholds(improvement_points=3, improvement_fraction=0.5)
    s = period_summary(j, day(0), day(13), th)
    assert s.comparison("morning_pain").important is False
    assert s.rule == "3 points, or 50 % when the first value is 4/10 or more"


# ---- days: lights, red flags, ratio ------------------------------------------------------


def test_red_flags_carry_their_tier():
    j = journal_of({0: {"morning": 2, "flags": ["night_or_constant_pain"]},
                    3: {"morning": 2, "flags": ["locking_giving_way"]}})
    s = period_summary(j, day(0), day(6))
    assert [(f.day, f.tier) for f in s.red_flags] == [
        (day(0), scales.ASSESSMENT), (day(3), scales.URGENT)]
    assert [f.code for f in s.urgent_flags] == ["locking_giving_way"]
    assert s.urgent_flags[0].advice == "See a clinician now."
    assert [f.code for f in s.assessment_flags] == ["night_or_constant_pain"]
    assert s.days[3].red_flag_tier == scales.URGENT and s.days[3].light == "red"
    assert s.days[0].red_flag_tier == scales.ASSESSMENT


def test_the_load_spike_indicator_starts_on_day_29_of_the_journals_data():
    j = weeks_of_load([[300] * 7] * 5, first_week=0)
    s = period_summary(j, day(21), day(34))
    ratios = [d.acwr for d in s.days]  # days 22 to 35 of data
    assert ratios[:7] == [None] * 7  # days 22-28
    assert ratios[7] == pytest.approx(1.0)  # day 29


def test_adherence_per_week_and_over_the_period():
    j = weeks_of_load([[100] * 7, [100] * 7])
    rows = [WeekAdherence(day(0), 5, 4, moved=2), WeekAdherence(day(7), 6, 3)]
    s = period_summary(j, day(0), day(13), adherence=rows, period_adherence=rows)
    assert [w.adherence_pct for w in s.weeks] == [80.0, 50.0]
    assert [(w.done, w.prescribed, w.adherence_moved) for w in s.weeks] == [(4, 5, 2),
                                                                           (3, 6, 0)]
    assert (s.adherence_done, s.adherence_due) == (7, 11)  # exercise days
    assert s.adherence_pct == pytest.approx(700 / 11)


def test_an_empty_period_and_a_bad_period():
    s = period_summary(Journal(), day(0), day(6))
    assert s.empty and s.first_week is None and s.escalations == []
    assert [w.status for w in s.weeks] == [PARTIAL]
    with pytest.raises(ValueError):
        period_summary(Journal(), day(6), day(0))


def test_a_one_day_period():
    j = weeks_of_load([[100] * 7, [200] * 7])
    s = period_summary(j, day(9), day(9))
    assert len(s.days) == 1 and s.load == 200.0
    (w,) = s.weeks
    assert w.status == COMPLETED and w.load == 1400.0 and w.change_pct == pytest.approx(100.0)


def test_no_day_advises_progress_while_an_assessment_is_advised():
    """Seven weeks of morning pain 5 with easy runs: green, full green weeks, but "no
    improvement" once six weeks are complete (from 11 Nov): from then on the period's
    advice and each day's advice hold; before it, progressing was the light's advice."""
    from datetime import date, timedelta

    from rehabjournal.domain import light
    from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, Session
    from rehabjournal.domain.summary import period_summary

    first, last = date(2026, 10, 1), date(2026, 11, 19)
    days = {}
    d = first
    while d <= last:
        sessions = ()
        if (d - first).days % 2 == 0:
            sessions = (Session(day=d, kind="run", minutes=30, rpe=3, pain_during=1,
                                pain_after=1),)
        days[d] = DayRecord(d, CheckIn(day=d, morning_pain=5), sessions)
        d += timedelta(days=1)
    summary = period_summary(Journal(days), last - timedelta(days=27), last,
                             data_span=(first, last))
    assert summary.escalations, "no improvement in 7 weeks"
    assert summary.verdict.kind == light.HOLD
    progress = [x.day for x in summary.days if "Progress one step" in x.advice]
    assert progress and max(progress) < date(2026, 11, 11)
    assert summary.days[-1].advice == summary.verdict.text
