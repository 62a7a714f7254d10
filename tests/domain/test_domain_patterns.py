"""Tests for rehabjournal.domain.patterns with hand-built journals."""

from __future__ import annotations

from datetime import date, timedelta

from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, Session
from rehabjournal.domain.patterns import ASSOCIATION_NOTE, find_patterns, higher_after

D0 = date(2024, 1, 1)  # a Monday


def day(i: int) -> date:
    return D0 + timedelta(days=i)


def build(long_runs=(10, 14, 18, 22, 26, 30), short_runs=(12, 16, 20, 24, 28),
          n=40, sleep=None, rise_after_long=True) -> Journal:
    """Morning pain 2 every day; 60-min runs followed by a 4/10 morning; 20-min runs not."""
    mornings = {day(i): 2 for i in range(n)}
    if rise_after_long:
        for i in long_runs:
            mornings[day(i + 1)] = 4
    sessions: dict[date, list[Session]] = {}
    for i in long_runs:
        sessions.setdefault(day(i), []).append(Session(day(i), "run", 60, rpe=5))
    for i in short_runs:
        sessions.setdefault(day(i), []).append(Session(day(i), "run", 20, rpe=3))
    sleep = sleep or {}
    j = Journal()
    for i in range(n):
        d = day(i)
        j.days[d] = DayRecord(d, CheckIn(d, morning_pain=mornings[d], sleep_hours=sleep.get(i)),
                              tuple(sessions.get(d, ())))
    return j


def by_key(found):
    return {p.key: p for p in found}


def test_long_runs_rank_first_with_exact_counts():
    found = find_patterns(build(), day(8), day(32), window=1)
    p = found[0]
    assert p.key == "kind_long:run"
    assert (p.exposed_days, p.exposed_higher, p.other_days, p.other_higher) == (6, 6, 19, 0)
    assert p.text == (
        "After 6 of 6 days with a run of 45 min or more, next-morning pain was higher than "
        "your usual, vs 0 of 19 other days (100% vs 0%)."
    )
    assert p.headline.startswith("Days with a run of 45 min or more went together with")
    # all runs: 11 days, the 6 long ones were followed by higher pain
    run = by_key(found)["kind:run"]
    assert (run.exposed_days, run.exposed_higher, run.other_days, run.other_higher) == (
        11, 6, 14, 0)
    assert found.index(run) > found.index(p)


def test_words_state_association_not_cause():
    for p in find_patterns(build(), day(8), day(32), window=1):
        assert "caus" not in p.headline.lower() and "caus" not in p.text.lower()
    assert "not proof" in ASSOCIATION_NOTE


def test_minimum_count_before_saying_anything():
    few = build(long_runs=(10, 14, 18, 22))  # only 4 long runs
    keys = by_key(find_patterns(few, day(8), day(32), window=1))
    assert "kind_long:run" not in keys
    keys = by_key(find_patterns(few, day(8), day(32), window=1, min_count=4))
    assert keys["kind_long:run"].exposed_days == 4


def test_no_rise_means_similar():
    found = by_key(find_patterns(build(rise_after_long=False), day(8), day(32), window=1))
    assert found["kind_long:run"].exposed_higher == 0
    assert found["kind_long:run"].direction == "similar"
    assert "little difference" in found["kind_long:run"].headline


def test_window_counts_later_mornings():
    j = build()
    # day 9 is the day before a long run: its next morning is fine, two mornings later not
    assert higher_after(j, day(9), window=1) is False
    assert higher_after(j, day(9), window=3) is True
    # no usual (no mornings before) -> unknown
    assert higher_after(Journal(), day(9)) is None


def test_short_sleep_counts_only_rated_nights():
    sleep = {i: (6.0 if i in (10, 14, 18, 22, 26) else 8.0) for i in range(8, 33)}
    found = by_key(find_patterns(build(sleep=sleep), day(8), day(32), window=1))
    p = found["short_sleep"]
    assert (p.exposed_days, p.exposed_higher, p.other_days, p.other_higher) == (5, 5, 20, 1)
    assert p.phrase == "under 7 h of sleep the night before"


def test_load_jump_week_on_week():
    # 2 weeks of 1 easy session a day, then a week with double load and a rise every morning
    j = Journal()
    for i in range(35):
        d = day(i)
        minutes = 30 if i < 14 else 60
        pain = 2 if i < 15 else (5 if i % 2 else 2)
        j.days[d] = DayRecord(d, CheckIn(d, morning_pain=pain),
                              (Session(d, "cycle", minutes, rpe=4),))
    found = by_key(find_patterns(j, day(14), day(27), window=1))
    p = found["load_jump"]
    # rolling 7 days vs the 7 before: day 16 (1200 vs 840 AU, +43 %) to day 23
    # (1680 vs 1200, +40 %) jump; day 15 (+29 %) and day 24 (+27 %) do not
    assert p.exposed_days == 8
    assert p.other_days == 6
