"""The period summary of a real journal: cases/clinical/j1.csv imported, hand-computed values.

j1 is 12 weeks from Mon 5 Jan to Sun 29 Mar 2026 with a load spike in the week of 2 Mar.
Loads (session RPE x minutes, from the CSV's lines):
    week of 23 Feb: 23 run 41 x 4 = 164, 24 rehab 25 x 5 = 125, 25 run 164, 26 rehab 125,
        27 run 164, 28 cycle 75 x 5 = 375, 1 Mar rest: 1117 AU (828 from Wed 25 Feb on);
    week of 2 Mar: 2 run 84 x 7 = 588, 3 rehab 25 x 3 = 75, 4 run 588 + rehab 15 x 6 = 90,
        5 rehab 75, 6 run 588, 7 cycle 80 x 5 = 400, 8 rest: 2404 AU.
2404 / 1117 - 1 = +115.2 %.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rehabjournal.errors import ValidationError
from rehabjournal.services.summary import (
    COMPLETED,
    PARTIAL,
    period_summary,
    summary_json,
    summary_text,
)

J1 = Path(__file__).parent.parent / "fixtures" / "j1.csv"
WED_25_FEB = date(2026, 2, 25)
MON_2_MAR = date(2026, 3, 2)


@pytest.fixture
def j1(journal):
    from rehabjournal.services.transfer import import_journal_csv

    import_journal_csv(J1)
    return journal


def week(summary, monday: date):
    return next(w for w in summary.weeks if w.week_start == monday)


def test_the_week_of_2_march_is_compared_with_the_whole_week_before(j1):
    s = period_summary(WED_25_FEB, date(2026, 3, 24))
    cut = week(s, date(2026, 2, 23))
    assert cut.status == COMPLETED and cut.days_in_period == 5 and cut.days_counted == 7
    assert cut.load == 1117.0  # not the 828 AU of its 5 days in the period
    spike = week(s, MON_2_MAR)
    assert spike.load == 2404.0 and spike.previous_load == 1117.0
    assert round(spike.change_pct, 1) == 115.2
    # the last week (Mon 23 and Tue 24 Mar in the period) is completed from 25-29 Mar
    last = s.weeks[-1]
    assert last.week_start == date(2026, 3, 23) and last.status == COMPLETED
    # 3 runs x 53 min x RPE 4 + 2 rehab x 25 x 4 + cycle 95 x 5 = 636 + 200 + 475
    assert last.days_in_period == 2 and last.load == 1311.0
    assert round(last.change_pct, 1) == round((1311 / 1250 - 1) * 100, 1) == 4.9
    # the period's own totals: 828 + 2404 + 1189 + 1250 + (212 + 100) from Mon 23, Tue 24
    assert s.load == 828 + 2404 + 1189 + 1250 + 212 + 100


def test_a_cut_week_the_journal_cannot_complete_has_no_change(j1):
    # the journal ends on Sun 29 Mar: the week of 30 Mar cannot be completed
    s = period_summary(WED_25_FEB, date(2026, 3, 31))
    last = s.weeks[-1]
    assert last.week_start == date(2026, 3, 30) and last.status == PARTIAL
    assert last.days_counted == 2 and last.load == 0.0  # Mon 30, Tue 31: no entries
    assert last.change_pct is None and last.monotony is None and last.strain is None
    assert round(week(s, MON_2_MAR).change_pct, 1) == 115.2
    assert s.weeks[s.last_week].week_start == date(2026, 3, 23)  # the last full week
    assert "partial week: no change" in summary_text(s)


def test_monotony_and_strain_of_the_spike_week(j1):
    # daily loads [588, 75, 678, 75, 588, 400, 0]: mean 2404 / 7 = 343.43; population
    # SD = sqrt((sum of squares 1322422 - 2404^2 / 7) / 7) = 266.41;
    # monotony 343.43 / 266.41 = 1.289; strain 2404 x 1.289 = 3099
    s = period_summary(WED_25_FEB, date(2026, 3, 24))
    spike = week(s, MON_2_MAR)
    assert spike.daily_loads == (588.0, 75.0, 678.0, 75.0, 588.0, 400.0, 0.0)
    assert spike.monotony == pytest.approx(1.289, abs=0.0005)
    assert spike.strain == pytest.approx(3099, abs=0.5)
    assert s.sd == "population"


def test_first_and_last_full_weeks_and_the_rule(j1):
    s = period_summary(WED_25_FEB, date(2026, 3, 24))
    assert s.weeks[s.first_week].week_start == date(2026, 2, 23)
    assert s.weeks[s.last_week].week_start == date(2026, 3, 23)
    morning = s.comparison("morning_pain")
    # 23 Feb-1 Mar: 2, 2, 2, 3, 2, 2, 2 = 15 / 7; 23-29 Mar: (rated 24-29) 2, 3, 3, 2, 2, 3
    assert morning.first == pytest.approx(15 / 7)
    assert morning.last == pytest.approx(15 / 6)
    assert morning.important is False and morning.verdict == "No"
    sessions = s.comparison("sessions")
    assert (sessions.first, sessions.last, sessions.change) == (6, 6, 0)
    load = s.comparison("load")
    assert (load.first, load.last, load.change) == (1117, 1311, 194)
    assert s.rule == "2 points, or 30 % when the first value is 4/10 or more"


def test_the_ratio_starts_on_day_29_of_the_journals_data(j1):
    # the first entry is Mon 5 Jan: day 29 is Mon 2 Feb
    s = period_summary(date(2026, 1, 26), date(2026, 2, 8))
    ratios = {d.day: d.acwr for d in s.days}
    assert ratios[date(2026, 2, 1)] is None
    assert ratios[date(2026, 2, 2)] is not None


def test_the_ratio_of_a_new_journal_has_no_value_before_day_29(journal):
    from rehabjournal.services import journal as js

    first = date(2026, 5, 6)  # a Wednesday: the week before it is no data, not zero load
    for i in range(7):
        js.add_session(date.fromordinal(first.toordinal() + i),
                       {"kind": "run", "minutes": 30, "rpe": 4})
    s = period_summary(date(2026, 4, 20), date(2026, 5, 12))
    assert all(d.acwr is None for d in s.days)
    assert [d.has_data for d in s.days].index(True) == (first - date(2026, 4, 20)).days
    assert s.weeks[2].status == PARTIAL  # the week of 4 May starts before the first entry
    assert s.weeks[3].change_pct is None  # so the next week has no change


def test_an_end_before_the_start_is_a_validation_error(j1):
    with pytest.raises(ValidationError) as info:
        period_summary(date(2026, 3, 2), date(2026, 3, 1))
    assert info.value.exit_code == 2
    assert "before it starts" in str(info.value)


def test_json_field_names(j1):
    data = summary_json(period_summary(WED_25_FEB, date(2026, 3, 24)))
    assert data["format"] == "rehabjournal.summary" and data["version"] == 1
    assert set(data) == {
        "format", "version", "period", "journal", "empty", "totals", "light_counts",
        "comparison", "weeks", "monotony_sd", "red_flags", "escalations", "advice", "days"}
    assert set(data["weeks"][0]) == {
        "week_start", "week_end", "status", "days_in_period", "days_counted", "sessions",
        "minutes", "load_au", "daily_load_au", "previous_load_au", "change_pct", "monotony",
        "strain", "morning_pain_mean", "pain_during_mean", "pain_after_mean", "worst_light",
        "light_counts", "adherence_pct", "exercise_days_due", "exercise_days_done",
        "unrated_sessions", "load_complete"}
    assert set(data["totals"]) == {"sessions", "minutes", "load_au", "adherence_pct",
                                   "exercise_days_due", "exercise_days_done",
                                   "unrated_sessions", "load_complete"}
    assert set(data["comparison"]["measures"][0]) == {
        "key", "label", "kind", "unit", "period", "first", "last", "change", "important",
        "important_because", "direction", "period_unrated", "first_unrated", "last_unrated"}
    assert set(data["days"][0]) == {
        "date", "has_data", "sessions", "minutes", "load_au", "morning_pain", "peak_pain",
        "light", "status", "advice", "light_reason", "red_flag_tier", "load_spike_indicator",
        "unrated_sessions", "load_complete", "load_spike_indicator_waits_for_ratings"}
    # j1: every session has an effort
    assert data["totals"]["unrated_sessions"] == 0 and data["totals"]["load_complete"]
    spike = next(w for w in data["weeks"] if w["week_start"] == "2026-03-02")
    assert spike["status"] == "complete" and round(spike["change_pct"], 1) == 115.2
    assert data["weeks"][0]["status"] == "completed"
    assert data["period"] == {"start": "2026-02-25", "end": "2026-03-24", "days": 28}
    assert data["journal"] == {"first_entry": "2026-01-05", "last_entry": "2026-03-29"}


def test_red_flags_by_tier_and_escalations_in_json(j1):
    from rehabjournal.services import journal as js

    js.set_red_flag(date(2026, 3, 4), "locking_giving_way", True, "on the stairs")
    js.set_red_flag(date(2026, 3, 10), "night_or_constant_pain", True)
    s = period_summary(WED_25_FEB, date(2026, 3, 24))
    assert [(f.day, f.tier) for f in s.red_flags] == [
        (date(2026, 3, 4), "urgent"), (date(2026, 3, 10), "assessment")]
    data = summary_json(s)
    assert [f["tier"] for f in data["red_flags"]] == ["urgent", "assessment"]
    assert data["red_flags"][0]["advice"] == "See a clinician now."
    days = {d["date"]: d for d in data["days"]}
    assert days["2026-03-04"]["red_flag_tier"] == "urgent"
    for e in data["escalations"]:
        assert e["kind"] in ("no_improvement", "worse_despite_reduced_load")
        assert e["text"].endswith("book an assessment.")
    text = summary_text(s)
    assert "SEE A CLINICIAN NOW" in text and "Knee locks, catches or gives way" in text


def test_a_summary_follows_every_write_and_reopen(journal):
    """The summary's journal read is kept between redraws, never past a change."""
    from datetime import date

    from rehabjournal.services import journal as js
    from rehabjournal.services import session
    from rehabjournal.services import summary as svc

    day = date(2026, 3, 4)
    js.add_session(day, {"kind": "run", "minutes": 30, "rpe": 4})
    first = svc.period_summary(date(2026, 3, 2), date(2026, 3, 8))
    assert [w.load for w in first.weeks] == [120]
    js.add_session(day, {"kind": "run", "minutes": 10, "rpe": 5})
    again = svc.period_summary(date(2026, 3, 2), date(2026, 3, 8))
    assert [w.load for w in again.weeks] == [170]
    # another journal opened in the same process is never served the first one's days
    session.close_journal()
    session.open_journal(journal.parent / "other")
    other = svc.period_summary(date(2026, 3, 2), date(2026, 3, 8))
    assert sum(w.load for w in other.weeks) == 0
    session.close_journal()
    session.open_journal(journal)
