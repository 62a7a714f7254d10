"""Red-flag rules: when to see a clinician now, and when to book an assessment.

domain.md section 6. Red flags come in two tiers (``scales.FLAG_TIERS``), each with its own
heading, colour and symbol in every view:

* **See a clinician now** (``scales.URGENT``): the user's own ticks (cannot bear weight,
  a hot swollen joint with fever, locking or giving way, possible DVT ...);
  ``urgent_flags`` lists them.
* **Book an assessment** (``scales.ASSESSMENT``): a recorded "night or constant pain" or
  "pop / moment of injury" flag, and two rules over the journal (``escalations``):
    * no improvement (``no_improvement_check``): after ``assessment_weeks`` (6) weeks,
      mean morning pain of the last 7 days has not fallen by ``improvement_points`` (2)
      from the first 7 days, nor by ``improvement_fraction`` (30 %) where the first value
      is 4/10 or more (``domain.change.pain_change``);
    * worse despite reduced load (``worse_despite_reduced_load_check``): between the last
      two complete calendar weeks, weekly load fell by at least ``escalation_load_drop``
      (10 %) while mean morning pain rose by ``trend_rise`` (1) point or more.

Each rule returns an ``Escalation`` (kind, text, the numbers), so Today, Progress and the
PDF show the same text. ``advice`` is the one advice as of a day: ``light.week_verdict``
held by these escalations (no "progress one step" while an assessment is advised).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from rehabjournal.domain.change import NPRS_FRACTION_FLOOR, pain_change
from rehabjournal.domain.entities import DayRecord, Journal
from rehabjournal.domain.light import DEFAULT_THRESHOLDS, Thresholds, Verdict, fmt_day, week_verdict
from rehabjournal.domain.load import session_load, week_days
from rehabjournal.domain.scales import (
    ASSESSMENT,
    FLAG_TIERS,
    RED_FLAGS,
    URGENT,
    fixed,
    flag_tier,
    red_flag_label,
)
from rehabjournal.i18n import _

NO_IMPROVEMENT: Final = "no_improvement"
WORSE_DESPITE_REDUCED_LOAD: Final = "worse_despite_reduced_load"
FLAG: Final = "flag"

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


def _has_unrated(journal: Journal, days: Iterable[date]) -> bool:
    """True when a session of ``days`` has minutes but no effort: its load is unknown."""
    return any(s.rpe is None and s.minutes for d in days for s in journal.get(d).sessions)


def first_rated_morning(journal: Journal, on_or_after: date | None = None) -> date | None:
    """The first day (on or after ``on_or_after``) with a morning rating, or None."""
    if on_or_after is not None and journal.get(on_or_after).morning_pain is not None:
        return on_or_after  # the usual case when called with a found start: no scan
    rated = [d for d, r in journal.days.items() if r.morning_pain is not None
             and (on_or_after is None or d >= on_or_after)]
    return min(rated) if rated else None


@dataclass(frozen=True, slots=True)
class Escalation:
    """A reason to see a clinician found by the rules, with the numbers behind it.

    Today's assessment banner, Progress and the PDF show ``text`` as it is, so they say
    the same thing; the numbers are for tables and JSON.

    Attributes:
        kind: ``NO_IMPROVEMENT``, ``WORSE_DESPITE_REDUCED_LOAD`` or ``FLAG`` (a recorded
            "book an assessment" red flag).
        text: the message in plain words, ending with what to do (in the language that
            was current when the rules ran).
        tier: ``scales.ASSESSMENT`` for every kind here (urgent flags are shown apart).
        day: the day judged as of (the flag's latest day for ``FLAG``).
        first, last: mean morning pain (0-10) of the two windows compared, or None.
        first_window, last_window: (first day, last day) of those windows, or None.
        weeks: whole weeks from the first window's start to ``day`` (``NO_IMPROVEMENT``).
        load_before, load_after: weekly load in AU of the two weeks
            (``WORSE_DESPITE_REDUCED_LOAD``), or None.
        load_change: (after - before) / before as a fraction (-0.2 = 20 % less), or None.
        code: the red-flag code (``FLAG``), or "".
    """

    kind: str
    text: str
    tier: str = ASSESSMENT
    day: date | None = None
    first: float | None = None
    last: float | None = None
    first_window: tuple[date, date] | None = None
    last_window: tuple[date, date] | None = None
    weeks: int | None = None
    load_before: float | None = None
    load_after: float | None = None
    load_change: float | None = None
    code: str = ""

    @property
    def heading(self) -> str:
        """The tier's heading: "Book an assessment" (in the current language)."""
        return FLAG_TIERS[self.tier].heading


def no_improvement_check(
    journal: Journal,
    today: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    onset_or_start: date | None = None,
) -> Escalation | None:
    """Book an assessment when pain has not improved after ``th.assessment_weeks`` weeks.

    domain.md section 6: "no improvement of 2 NPRS points by 6 weeks" of load management.
    The first window is the 7 days starting on the first day with a morning rating on or
    after ``onset_or_start`` (so an onset long before the journal starts at its first
    rating); the last window is the 7 days ending ``today``. Pain improved when mean
    morning pain fell by at least ``th.improvement_points`` (2) points, or by
    ``th.improvement_fraction`` (30 %) only where the first value is 4/10 or more
    (``domain.change.pain_change``: Farrar 2001 derived 30 % on moderate-to-severe pain).

    Args:
        journal: the journal, from ``onset_or_start`` (or its first rating) to ``today``.
        today: the last day to consider.
        th: improvement_points, improvement_fraction, assessment_weeks, trend_min_days.
        onset_or_start: start of the episode or of load management; None: the journal's
            first day with a morning rating.

    Returns:
        An ``Escalation`` (kind ``NO_IMPROVEMENT``), or None when fewer than
        ``th.assessment_weeks`` whole weeks have passed since the first rating, either
        window has fewer than ``th.trend_min_days`` morning ratings, pain improved
        enough, or the last window is almost pain-free (mean below ``PAIN_FREE_MEAN``).
    """
    start = first_rated_morning(journal, onset_or_start)
    if start is None or start > today:
        return None
    weeks = ((today - start).days + 1) // _WEEK
    if weeks < th.assessment_weeks:
        return None
    first_end = start + timedelta(days=_WEEK - 1)
    first, n_first = _mean_morning(journal, _week_days(first_end))
    last, n_last = _mean_morning(journal, _week_days(today))
    if first is None or last is None or min(n_first, n_last) < th.trend_min_days:
        return None
    if last < PAIN_FREE_MEAN:
        return None
    change = pain_change(first, last, th.improvement_points, th.improvement_fraction)
    if change["direction"] == "down" and change["important"]:
        return None
    if first >= NPRS_FRACTION_FLOOR - 1e-9:
        text = _("Morning pain has not improved by {points} points or {percent} % in {weeks} "
                 "weeks (first 7 days {first}/10, last 7 days {last}/10): book an assessment.")
    else:
        text = _("Morning pain has not improved by {points} points in {weeks} weeks (first 7 "
                 "days {first}/10, last 7 days {last}/10): book an assessment.")
    text = text.format(points=th.improvement_points,
                       percent=round(th.improvement_fraction * 100), weeks=weeks,
                       first=fixed(first, 1), last=fixed(last, 1))
    return Escalation(
        NO_IMPROVEMENT, text, day=today, first=first, last=last,
        first_window=(start, first_end), last_window=(today - timedelta(days=_WEEK - 1), today),
        weeks=weeks,
    )


def no_improvement(
    journal: Journal,
    today: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    onset_or_start: date | None = None,
) -> str | None:
    """The text of ``no_improvement_check``, or None."""
    found = no_improvement_check(journal, today, th, onset_or_start)
    return found.text if found else None


def last_complete_weeks(today: date) -> tuple[date, date]:
    """The Mondays of the last two complete calendar weeks (Monday-Sunday) as of ``today``.

    The week holding ``today`` counts as complete only when ``today`` is its Sunday.

    Returns:
        (Monday of the earlier week, Monday of the later week).
    """
    later = today - timedelta(days=today.weekday())
    if today.weekday() != 6:
        later -= timedelta(days=_WEEK)
    return later - timedelta(days=_WEEK), later


def worse_despite_reduced_load_check(
    journal: Journal, today: date, th: Thresholds = DEFAULT_THRESHOLDS
) -> Escalation | None:
    """Book an assessment when pain rose although weekly load fell (domain.md section 6).

    Compares the last two complete **calendar weeks** (Monday to Sunday,
    ``last_complete_weeks``), the weeks of the weekly tables: weekly load (session RPE x
    minutes, ``domain.load.session_load``) must have fallen by at least
    ``th.escalation_load_drop`` (10 %) and mean morning pain risen by at least
    ``th.trend_rise`` (1) point. Each week needs ``th.trend_min_days`` morning ratings.
    A later week holding a session without an effort (e.g. imported from a watch file and
    not rated yet) has an unknown load, not a lower one: no claim is made.

    Returns:
        An ``Escalation`` (kind ``WORSE_DESPITE_REDUCED_LOAD``), or None.
    """
    prev_monday, this_monday = last_complete_weeks(today)
    prev_days = week_days(prev_monday)
    this_days = week_days(this_monday)
    this_pain, n_this = _mean_morning(journal, this_days)
    prev_pain, n_prev = _mean_morning(journal, prev_days)
    if this_pain is None or prev_pain is None:
        return None
    if min(n_this, n_prev) < th.trend_min_days:
        return None
    if _has_unrated(journal, this_days):
        return None
    this_load = _week_load(journal, this_days)
    prev_load = _week_load(journal, prev_days)
    if prev_load <= 0:
        return None
    change = (this_load - prev_load) / prev_load
    if change > -th.escalation_load_drop + 1e-9 or this_pain - prev_pain < th.trend_rise - 1e-9:
        return None
    text = _("Morning pain rose from {before}/10 to {after}/10 although weekly load fell "
             "{percent} % (week of {first_week} {first_load} AU, week of {second_week} "
             "{second_load} AU): book an assessment.").format(
        before=fixed(prev_pain, 1), after=fixed(this_pain, 1),
        percent=fixed(abs(change) * 100, 0), first_week=fmt_day(prev_monday),
        first_load=fixed(prev_load, 0), second_week=fmt_day(this_monday),
        second_load=fixed(this_load, 0))
    return Escalation(
        WORSE_DESPITE_REDUCED_LOAD, text, day=today, first=prev_pain, last=this_pain,
        first_window=(prev_days[0], prev_days[-1]), last_window=(this_days[0], this_days[-1]),
        load_before=prev_load, load_after=this_load, load_change=change,
    )


def worse_despite_reduced_load(
    journal: Journal, today: date, th: Thresholds = DEFAULT_THRESHOLDS
) -> str | None:
    """The text of ``worse_despite_reduced_load_check``, or None."""
    found = worse_despite_reduced_load_check(journal, today, th)
    return found.text if found else None


def flag_escalations(journal: Journal, today: date,
                     lookback_days: int = ASSESSMENT_LOOKBACK_DAYS) -> list[Escalation]:
    """The "book an assessment" red flags recorded in the ``lookback_days`` ending ``today``.

    One ``Escalation`` (kind ``FLAG``) per code, at its latest day, in ``RED_FLAGS`` order.
    """
    window_start = today - timedelta(days=lookback_days - 1)
    latest: dict[str, date] = {}
    for record in journal.days.values():
        if not window_start <= record.day <= today:
            continue
        for flag in record.red_flags:
            if flag_tier(flag.code) == URGENT:
                continue
            if flag.code not in latest or flag.day > latest[flag.code]:
                latest[flag.code] = flag.day
    order = list(RED_FLAGS)
    codes = sorted(latest, key=lambda c: order.index(c) if c in order else len(order))
    return [
        Escalation(FLAG, _("{flag} recorded on {day}: book an assessment.").format(
            flag=red_flag_label(c), day=fmt_day(latest[c])), day=latest[c], code=c)
        for c in codes
    ]


def escalations(
    journal: Journal,
    today: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    onset_or_start: date | None = None,
    lookback_days: int = ASSESSMENT_LOOKBACK_DAYS,
    *,
    flags: bool = True,
) -> list[Escalation]:
    """Every reason to book an assessment as of ``today``, most specific first.

    The "book an assessment" red flags of the last ``lookback_days`` (when ``flags``),
    then worse despite reduced load, then no improvement. Today's assessment banner,
    Progress and the PDF show these texts as they are.

    Args:
        journal: the journal from ``onset_or_start`` (or its first entry) to ``today``.
        today: the day to judge as of (today, or a report's last day).
        th: the thresholds.
        onset_or_start: start of the episode or of load management (the profile's onset).
        lookback_days: how far back a recorded assessment flag is still suggested.
        flags: False to leave the recorded flags out (a view that lists flags itself).
    """
    found: list[Escalation] = flag_escalations(journal, today, lookback_days) if flags else []
    for check in (
        worse_despite_reduced_load_check(journal, today, th),
        no_improvement_check(journal, today, th, onset_or_start),
    ):
        if check is not None:
            found.append(check)
    return found


def assessment_suggestions(
    journal: Journal,
    today: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    onset_or_start: date | None = None,
    lookback_days: int = ASSESSMENT_LOOKBACK_DAYS,
) -> list[str]:
    """The texts of ``escalations`` (flags, worse despite reduced load, no improvement)."""
    return [e.text for e in escalations(journal, today, th, onset_or_start, lookback_days)]


def advice(
    journal: Journal,
    day: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    onset_or_start: date | None = None,
) -> Verdict:
    """The one advice as of ``day``: ``light.week_verdict`` held by the escalations.

    Every view that gives advice (Today's light, the Programme's advice, Progress, the
    PDF and ``rehabjournal summary``) gets it here or from the same two calls, so a full
    green week never says "progress one step" next to "book an assessment": while any
    reason of ``escalations`` stands as of ``day`` (a recorded "book an assessment" flag
    of the last 28 days, worse despite reduced load, no improvement), a "progress" is a
    hold whose reason says why (``light.hold_for_escalations``).

    Args:
        journal: the journal, holding what ``week_verdict`` and ``escalations`` read (the
            35 days before ``day``, the day after, and the first rated week on or after
            ``onset_or_start``).
        day: the day to judge as of.
        th: the thresholds.
        onset_or_start: the profile's onset date (the "no improvement" rule), or None.

    Returns:
        The ``light.Verdict``; its ``escalations`` are the ones it was held by.
    """
    found = escalations(journal, day, th, onset_or_start)
    return week_verdict(journal, day, th, found)
