"""Data of the Progress page (and of the report's charts) for a period and a pain site.

``progress_data`` reads the period plus enough history before it that every value is
right from the first shown day: the 7-day rolling averages, the pain-monitoring light
(baseline and weekly trend), the week-on-week change of the first week and the EWMA
acute:chronic ratio (``HISTORY_DAYS`` of loads before ``start``, or from the first entry
of the journal when it began later).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from ..domain import light as light_mod
from ..domain import load as load_mod
from ..domain import patterns as patterns_mod
from ..domain.entities import Event, Journal
from ..store import journal_repo, progress_repo
from . import journal as journal_service

HISTORY_DAYS: Final = 84
"""Days of load read before the period for the EWMA (the seed then weighs < 0.3 %)."""
ROLLING_DAYS: Final = 7
ROLLING_MIN: Final = 2
"""Known values a 7-day window needs before it has an average."""
PATTERN_LOOKBACK: Final = 14


@dataclass(slots=True)
class ProgressData:
    """Everything the Progress charts plot, one list entry per day or per week.

    Attributes:
        start, end: the period (inclusive).
        site_id, site_label: the pain site the ratings are for (None / "" = as logged).
        days: every date from ``start`` to ``end``.
        morning: morning pain per day (check-in), or None.
        during: worst "during" pain of the day's sessions, or None.
        after: worst "after" pain of the day's sessions, or None.
        morning_avg, during_avg, after_avg: mean of the known values of the 7 days ending
            each day (history before ``start`` included), None with fewer than
            ``ROLLING_MIN`` known values.
        loads: daily load in AU (``domain.load.daily_loads``).
        weeks: first day (Monday) of each calendar week touching the period.
        week_totals: load of each week within the period (a partial week sums its days).
        week_change: week-on-week change in percent (``domain.load.week_on_week_change``,
            the first week compared with the week before the period).
        week_partial: True for weeks cut by the period's ends.
        acwr: EWMA acute:chronic ratio per day (``domain.load.acwr_ewma``), or None.
        lights: pain-monitoring light colour per day ("green"/"amber"/"red"/None).
        light_reasons: the light's reason per day (for hover text).
        events: the period's events.
        red_flag_days: days with a red flag.
        sessions_text: short description of each day's sessions (hover text).
    """

    start: date
    end: date
    site_id: int | None = None
    site_label: str = ""
    days: list[date] = field(default_factory=list)
    morning: list[float | None] = field(default_factory=list)
    during: list[float | None] = field(default_factory=list)
    after: list[float | None] = field(default_factory=list)
    morning_avg: list[float | None] = field(default_factory=list)
    during_avg: list[float | None] = field(default_factory=list)
    after_avg: list[float | None] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    weeks: list[date] = field(default_factory=list)
    week_totals: list[float] = field(default_factory=list)
    week_change: list[float | None] = field(default_factory=list)
    week_partial: list[bool] = field(default_factory=list)
    acwr: list[float | None] = field(default_factory=list)
    lights: list[str | None] = field(default_factory=list)
    light_reasons: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    red_flag_days: list[date] = field(default_factory=list)
    sessions_text: list[str] = field(default_factory=list)

    @property
    def has_pain(self) -> bool:
        return any(v is not None for v in (*self.morning, *self.during, *self.after))

    @property
    def has_load(self) -> bool:
        return any(self.loads)

    def index(self, day: date) -> int | None:
        """Position of ``day`` in ``days``, or None outside the period."""
        i = (day - self.start).days
        return i if 0 <= i < len(self.days) else None


def rolling_mean(values: list[float | None], n: int = ROLLING_DAYS,
                 min_count: int = ROLLING_MIN) -> list[float | None]:
    """Mean of the known values of each window of ``n`` ending at each index."""
    out: list[float | None] = []
    for i in range(len(values)):
        window = [v for v in values[max(0, i - n + 1): i + 1] if v is not None]
        out.append(statistics.fmean(window) if len(window) >= min_count else None)
    return out


def _daterange(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _worst(values) -> float | None:
    known = [v for v in values if v is not None]
    return float(max(known)) if known else None


def history_start(start: date) -> date:
    """First day read for ``start``: ``HISTORY_DAYS`` before it, not before the journal."""
    span = journal_repo.journal_span()
    first = start - timedelta(days=HISTORY_DAYS)
    if span is not None and span[0] > first:
        first = min(span[0], start)
    return first


def site_label(site_id: int | None) -> str:
    """The pain site's label ("" for None, or a site that no longer exists)."""
    if site_id is None:
        return ""
    return journal_repo.site_labels().get(site_id, "")


def build_progress(journal: Journal, start: date, end: date, first: date,
                   th: light_mod.Thresholds | None = None) -> ProgressData:
    """Compute ``ProgressData`` from a journal holding ``first``..``end`` (pure)."""
    th = th or light_mod.DEFAULT_THRESHOLDS
    data = ProgressData(start=start, end=end)
    all_days = _daterange(first, end)
    offset = (start - first).days
    records = [journal.get(d) for d in all_days]
    morning = [None if r.morning_pain is None else float(r.morning_pain) for r in records]
    during = [_worst(s.pain_during for s in r.sessions) for r in records]
    after = [_worst(s.pain_after for s in r.sessions) for r in records]
    sessions = [s for r in records for s in r.sessions]
    daily = load_mod.daily_loads(sessions, first, end)
    loads = [v for _d, v in daily]
    acwr = load_mod.acwr_ewma(loads)

    data.days = all_days[offset:]
    data.morning, data.during, data.after = morning[offset:], during[offset:], after[offset:]
    data.morning_avg = rolling_mean(morning)[offset:]
    data.during_avg = rolling_mean(during)[offset:]
    data.after_avg = rolling_mean(after)[offset:]
    data.loads = loads[offset:]
    data.acwr = acwr[offset:]

    # weeks: from the Monday of the week before the period, so the first week has a change;
    # the first shown week may start before ``start``: its total is the whole calendar week
    week0 = load_mod.week_start_of(start) - timedelta(weeks=1)
    week_days = load_mod.daily_loads(sessions, week0, end) if week0 < first else [
        (d, v) for d, v in daily if d >= week0
    ]
    totals = load_mod.weekly_totals(week_days)
    changes = load_mod.week_on_week_change(totals)
    data.weeks = [w for w, _t in totals[1:]]
    data.week_totals = [t for _w, t in totals[1:]]
    data.week_change = changes[1:]
    data.week_partial = [w < start or w + timedelta(days=6) > end for w in data.weeks]

    lights = [light_mod.day_light(journal, d, th) for d in data.days]
    data.lights = [li.colour for li in lights]
    data.light_reasons = [li.reason for li in lights]
    data.events = [e for r in records[offset:] for e in r.events]
    data.red_flag_days = [r.day for r in records[offset:] if r.red_flags]
    data.sessions_text = [
        ", ".join(
            f"{s.kind} {s.minutes} min" + (f" RPE {s.rpe}" if s.rpe is not None else "")
            for s in r.sessions
        )
        for r in records[offset:]
    ]
    return data


def progress_data(start: date, end: date, site_id: int | None = None) -> ProgressData:
    """Read and compute the Progress data of ``start``..``end`` for a pain site.

    Args:
        site_id: the pain site whose ratings to plot; None for the ratings as logged.
    """
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    first = history_start(start)
    journal = journal_service.load_journal(first, end, site_id)
    data = build_progress(journal, start, end, first, journal_service.thresholds())
    data.site_id = site_id
    data.site_label = site_label(site_id)
    return data


def patterns(start: date, end: date, site_id: int | None = None,
             min_count: int = patterns_mod.MIN_COUNT) -> list[patterns_mod.Pattern]:
    """The ranked patterns of ``start``..``end`` (``domain.patterns.find_patterns``)."""
    journal = journal_service.load_journal(
        start - timedelta(days=PATTERN_LOOKBACK),
        end + timedelta(days=patterns_mod.WINDOW_DAYS),
        site_id,
    )
    return patterns_mod.find_patterns(
        journal, start, end, journal_service.thresholds(), min_count=min_count
    )


def programme_start() -> date | None:
    """Start date of the active programme (or the latest one), or None."""
    return progress_repo.programme_start()


def journal_first_day() -> date | None:
    """The first day with an entry in the journal, or None for an empty journal."""
    span = journal_repo.journal_span()
    return span[0] if span else None
