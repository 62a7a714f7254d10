"""Red-flag rules: when to see a clinician now, and when to book an assessment.

Urgent flags are the user's own ticks (domain.md section 6). The gentler assessment rules
are heuristics over the journal:
    * no improvement: over ``assessment_weeks`` (6) weeks or more, mean morning pain of the
      last week has not dropped by ``improvement_points`` (2) or ``improvement_fraction``
      (30 %) from the first week;
    * worse despite reduced load: over the last 2 weeks, weekly load fell while mean morning
      pain rose by ``trend_rise`` (1) point or more;
    * a recorded "night or constant pain" or "pop / moment of injury" flag.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final

from rehabjournal.domain.change import clinically_important
from rehabjournal.domain.entities import DayRecord, Journal
from rehabjournal.domain.light import DEFAULT_THRESHOLDS, Thresholds, fmt_day
from rehabjournal.domain.load import session_load
from rehabjournal.domain.scales import RED_FLAGS, URGENT, red_flag_label

ASSESSMENT_LOOKBACK_DAYS: Final = 28
"""How far back an assessment-level flag (night pain, pop) keeps being suggested."""

PAIN_FREE_MEAN: Final = 1.0
"""A last-week mean morning pain below this is treated as settled: no assessment nudge."""

_WEEK: Final = 7


def _records(day_records: Iterable[DayRecord] | Journal) -> Iterable[DayRecord]:
    if isinstance(day_records, Journal):
        return day_records.days.values()
    return day_records


def urgent_flags(day_records: Iterable[DayRecord] | Journal) -> list[tuple[date, str, str]]:
    """List the urgent ("see a clinician now") red flags recorded.

    Args:
        day_records: day records (or a whole ``Journal``).

    Returns:
        ``(date, code, label)`` for each urgent flag, oldest first.
    """
    found = [
        (flag.day, flag.code, red_flag_label(flag.code))
        for record in _records(day_records)
        for flag in record.red_flags
        if flag.code in RED_FLAGS and RED_FLAGS[flag.code][1] == URGENT
    ]
    return sorted(found, key=lambda item: (item[0], list(RED_FLAGS).index(item[1])))


def _week_days(end: date) -> list[date]:
    return [end - timedelta(days=i) for i in range(_WEEK - 1, -1, -1)]


def _mean_morning(journal: Journal, days: Iterable[date]) -> tuple[float | None, int]:
    values = [v for d in days if (v := journal.get(d).morning_pain) is not None]
    return (statistics.fmean(values) if values else None), len(values)


def _week_load(journal: Journal, days: Iterable[date]) -> float:
    total = 0.0
    for d in days:
        for s in journal.get(d).sessions:
            load = session_load(s.rpe, s.minutes)
            if load is not None:
                total += load
    return total


def _first_morning_day(journal: Journal) -> date | None:
    rated = [d for d, r in journal.days.items() if r.morning_pain is not None]
    return min(rated) if rated else None


def no_improvement(
    journal: Journal,
    today: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    onset_or_start: date | None = None,
) -> str | None:
    """Suggest an assessment when pain has not improved over 6 weeks or more.

    Compares mean morning pain of the first week (7 days from ``onset_or_start``) with the
    last week (7 days ending ``today``).

    Args:
        journal: the journal.
        today: the last day to consider.
        th: thresholds (improvement_points, improvement_fraction, assessment_weeks).
        onset_or_start: start of the episode or of load management; defaults to the first
            day with a morning rating.

    Returns:
        A plain reason, or None when the period is shorter than ``th.assessment_weeks``
        weeks, either week has no morning ratings, pain improved enough, or the last week
        is almost pain-free.
    """
    start = onset_or_start or _first_morning_day(journal)
    if start is None or (today - start).days + 1 < th.assessment_weeks * _WEEK:
        return None
    first, _ = _mean_morning(journal, _week_days(start + timedelta(days=_WEEK - 1)))
    last, _ = _mean_morning(journal, _week_days(today))
    if first is None or last is None or last < PAIN_FREE_MEAN:
        return None
    result = clinically_important(
        first, last, points=th.improvement_points, fraction=th.improvement_fraction
    )
    if result["direction"] == "down" and result["important"]:
        return None
    weeks = ((today - start).days + 1) // _WEEK
    return (
        f"Morning pain has not improved by {th.improvement_points} points or "
        f"{round(th.improvement_fraction * 100)} % in {weeks} weeks (first week "
        f"{first:.1f}/10, last week {last:.1f}/10): book an assessment."
    )


def worse_despite_reduced_load(
    journal: Journal, today: date, th: Thresholds = DEFAULT_THRESHOLDS
) -> str | None:
    """Suggest an assessment when pain rose while load fell over the last 2 weeks.

    Compares the 7 days ending ``today`` with the 7 days before: weekly load (RPE x
    minutes) must have fallen and mean morning pain risen by at least ``th.trend_rise``
    points. Each week needs ``th.trend_min_days`` morning ratings.

    Returns:
        A plain reason, or None.
    """
    this_days = _week_days(today)
    prev_days = _week_days(today - timedelta(days=_WEEK))
    this_pain, n_this = _mean_morning(journal, this_days)
    prev_pain, n_prev = _mean_morning(journal, prev_days)
    if this_pain is None or prev_pain is None:
        return None
    if min(n_this, n_prev) < th.trend_min_days:
        return None
    this_load = _week_load(journal, this_days)
    prev_load = _week_load(journal, prev_days)
    if not this_load < prev_load or this_pain - prev_pain < th.trend_rise - 1e-9:
        return None
    return (
        f"Morning pain rose from {prev_pain:.1f}/10 to {this_pain:.1f}/10 while weekly load "
        f"fell from {prev_load:.0f} to {this_load:.0f} AU: book an assessment."
    )


def assessment_suggestions(
    journal: Journal,
    today: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    onset_or_start: date | None = None,
    lookback_days: int = ASSESSMENT_LOOKBACK_DAYS,
) -> list[str]:
    """All reasons to book an assessment, most specific first.

    Includes assessment-level red flags (night or constant pain, a "pop") recorded in the
    ``lookback_days`` days ending ``today`` (latest date per flag), then
    ``worse_despite_reduced_load`` and ``no_improvement``.
    """
    reasons: list[str] = []
    window_start = today - timedelta(days=lookback_days - 1)
    latest: dict[str, date] = {}
    for record in journal.days.values():
        if not window_start <= record.day <= today:
            continue
        for flag in record.red_flags:
            entry = RED_FLAGS.get(flag.code)
            if entry is None or entry[1] == URGENT:
                continue
            if flag.code not in latest or flag.day > latest[flag.code]:
                latest[flag.code] = flag.day
    for code in RED_FLAGS:
        if code in latest:
            reasons.append(
                f"{red_flag_label(code)} recorded on {fmt_day(latest[code])}: book an assessment."
            )
    for reason in (
        worse_despite_reduced_load(journal, today, th),
        no_improvement(journal, today, th, onset_or_start),
    ):
        if reason:
            reasons.append(reason)
    return reasons
