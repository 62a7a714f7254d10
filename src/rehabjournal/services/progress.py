"""Data of the Progress page (and of the report's charts) for a period and a pain site.

``progress_data`` takes every figure that other views show too from the one period
summary (``services.summary.period_summary``): the calendar weeks (load, week-on-week
change between full weeks, monotony and strain), the light of each day with its red-flag
tier, the load spike indicator (first value on day 29 of the journal's data) and the
escalation messages. It adds only what is the Progress page's own: the pain ratings per
day with their 7-day averages, the events and the hover texts.

When the period starts before the journal's first entry, the charts start at the first
entry (``ProgressData.start``; ``asked_start`` is the period's start and ``note`` says so):
the days before it are no data, not rest days.

The page opens on ``default_period``: the last 12 weeks, or the journal's data span when
it is shorter, so a new user's first week fills the charts. Its Programme tab shows the
progression of ``most_recently_logged`` of ``logged_exercises`` (done or partial logs;
an exercise only ever skipped has no progression to draw).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from ..domain import light as light_mod
from ..domain import scales
from ..domain import summary as summary_mod
from ..domain.entities import Event, Journal
from ..domain.load import RATIO_FIRST_DAY
from ..i18n import _, format_date
from ..store import journal_repo, progress_repo
from . import activities
from . import journal as journal_service
from . import settings as settings_service
from . import summary as summary_service

DEFAULT_WEEKS: Final = 12
"""Weeks the Progress page shows by default (today included), unless the data is shorter."""
ROLLING_DAYS: Final = 7
ROLLING_MIN: Final = 2
"""Known values a 7-day window needs before it has an average."""


@dataclass(slots=True)
class ProgressData:
    """Everything the Progress charts plot, one list entry per day or per week.

    Attributes:
        start, end: the days plotted (inclusive): the period, or from the journal's first
            entry when the period starts before it.
        asked_start: the first day of the period asked for (``start`` or earlier).
        first_entry: the journal's first entry, or None for an empty journal.
        site_id, site_label: the pain site the ratings are for (None / "" = as logged).
        days: every date from ``start`` to ``end``.
        morning: morning pain per day (check-in), or None.
        during: worst "during" pain of the day's sessions, or None.
        after: worst "after" pain of the day's sessions, or None.
        morning_avg, during_avg, after_avg: mean of the known values of the 7 days ending
            each day (days before ``start`` included), None with fewer than
            ``ROLLING_MIN`` known values.
        loads: daily load in AU (the summary's days).
        acwr: load spike indicator (EWMA acute:chronic ratio) per day, None in the first
            28 days of the journal's data (the summary's days).
        weeks: first day (Monday) of each calendar week the plot shows (the summary's
            rows that hold a plotted day).
        week_totals: each week's load in AU (the whole week when it is complete or
            completed from outside the period; the counted days of a partial week).
        week_change: week-on-week change in percent between two full weeks, or None.
        week_status: "complete", "completed" or "partial" (``domain.summary``).
        week_partial: True for partial weeks (no change, monotony or strain).
        week_monotony: mean / population SD of the week's 7 daily loads, or None.
        week_strain: weekly load x monotony, or None.
        lights: light colour per day ("green"/"amber"/"red"/None).
        light_reasons: the light's reason per day (for hover text).
        light_statuses: the light's status per day: its colour, "waiting" (sessions whose
            next morning is not rated yet) or None (the strip hatches waiting days).
        light_red_flag: True where a red flag decided the day's light.
        red_flag_tiers: the day's most urgent red-flag tier ("urgent"/"assessment") or
            None.
        events: the plotted days' events.
        red_flag_days: days with a red flag.
        sessions_text: short description of each day's sessions (hover text).
        escalations: reasons to book an assessment as of ``end`` (the summary's, the same
            text Today shows).
        summary: the period summary these figures come from (None when built without one).
        trimp: daily heart-rate load (Banister TRIMP, AU, ``domain.activities``) per day of
            ``days``, None on days without heart rate; empty when the resting and maximum
            heart rates are not set (Preferences > Activity files).
        hr_set: True when resting and maximum heart rate are both set.
        unrated: sessions from activity files in ``start..end`` without an effort (their
            minutes count, their session-RPE load does not).
    """

    start: date
    end: date
    asked_start: date | None = None
    first_entry: date | None = None
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
    week_status: list[str] = field(default_factory=list)
    week_partial: list[bool] = field(default_factory=list)
    week_monotony: list[float | None] = field(default_factory=list)
    week_strain: list[float | None] = field(default_factory=list)
    acwr: list[float | None] = field(default_factory=list)
    lights: list[str | None] = field(default_factory=list)
    light_reasons: list[str] = field(default_factory=list)
    light_statuses: list[str | None] = field(default_factory=list)
    light_red_flag: list[bool] = field(default_factory=list)
    red_flag_tiers: list[str | None] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    red_flag_days: list[date] = field(default_factory=list)
    sessions_text: list[str] = field(default_factory=list)
    escalations: list[str] = field(default_factory=list)
    summary: summary_mod.PeriodSummary | None = None
    trimp: list[float | None] = field(default_factory=list)
    hr_set: bool = False
    unrated: int = 0

    @property
    def has_pain(self) -> bool:
        return any(v is not None for v in (*self.morning, *self.during, *self.after))

    @property
    def has_load(self) -> bool:
        return any(self.loads)

    @property
    def starts_late(self) -> bool:
        """True when the plot starts at the journal's first entry, after the period's start."""
        return self.asked_start is not None and self.asked_start < self.start

    @property
    def ratio_from(self) -> date | None:
        """The first day that can have a load spike indicator (day 29 of the data)."""
        if self.first_entry is None:
            return None
        return self.first_entry + timedelta(days=RATIO_FIRST_DAY - 1)

    @property
    def note(self) -> str:
        """What the plot leaves out, in words ("" when it shows the whole period)."""
        if not self.starts_late:
            return ""
        return _("The journal starts on {start}, so the charts start there (the period "
                 "starts on {asked}).").format(start=fmt_long(self.start),
                                               asked=fmt_long(self.asked_start))

    def index(self, day: date) -> int | None:
        """Position of ``day`` in ``days``, or None outside the plot."""
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


def fmt_long(day: date) -> str:
    """"Thu 12 Mar 2026" ("jeu. 12 mars 2026", "Do., 12. März 2026")."""
    return format_date(day, "day")


def plot_start(start: date, end: date, first_entry: date | None) -> date:
    """The first plotted day: ``start``, or the first entry when the period starts
    before it (and the first entry is inside the period)."""
    if first_entry is not None and start < first_entry <= end:
        return first_entry
    return start


def site_label(site_id: int | None) -> str:
    """The pain site's label ("" for None, or a site that no longer exists)."""
    if site_id is None:
        return ""
    return journal_repo.site_display_labels().get(site_id, "")


def build_progress(journal: Journal, start: date, end: date, first: date,
                   th: light_mod.Thresholds | None = None, *,
                   summary: summary_mod.PeriodSummary | None = None) -> ProgressData:
    """Compute ``ProgressData`` of ``start``..``end`` (pure).

    Args:
        journal: the days ``first``..``end`` at least (``first`` <= ``start``: the days
            before ``start`` feed the 7-day averages).
        start, end: the period asked for.
        first: the first day ``journal`` holds for the averages.
        th: the light thresholds (when ``summary`` is None).
        summary: the period summary of ``start``..``end``; None: computed here from
            ``journal`` (``domain.summary.period_summary``; its data span is the
            journal's first to last day), as in tests.

    Returns:
        The data; its ``start`` is later than the period's when the journal begins
        inside the period (``plot_start``).
    """
    th = th or light_mod.DEFAULT_THRESHOLDS
    if summary is None:
        summary = summary_mod.period_summary(journal, start, end, th)
    shown = plot_start(start, end, summary.first_entry)
    data = ProgressData(start=shown, end=end, asked_start=start,
                        first_entry=summary.first_entry, summary=summary)
    all_days = _daterange(min(first, shown), end)
    offset = (shown - all_days[0]).days
    records = [journal.get(d) for d in all_days]
    morning = [None if r.morning_pain is None else float(r.morning_pain) for r in records]
    during = [_worst(s.pain_during for s in r.sessions) for r in records]
    after = [_worst(s.pain_after for s in r.sessions) for r in records]

    data.days = all_days[offset:]
    data.morning, data.during, data.after = morning[offset:], during[offset:], after[offset:]
    data.morning_avg = rolling_mean(morning)[offset:]
    data.during_avg = rolling_mean(during)[offset:]
    data.after_avg = rolling_mean(after)[offset:]

    # the figures every view shares: from the period summary
    days = [d for d in summary.days if d.day >= shown]
    data.loads = [d.load for d in days]
    data.acwr = [d.acwr for d in days]
    data.lights = [d.light for d in days]
    data.light_reasons = [d.light_reason for d in days]
    data.light_statuses = [d.status for d in days]
    data.light_red_flag = [d.red_flag for d in days]
    data.red_flag_tiers = [d.red_flag_tier for d in days]
    weeks = [w for w in summary.weeks if w.week_end >= shown]
    data.weeks = [w.week_start for w in weeks]
    data.week_totals = [w.load for w in weeks]
    data.week_change = [w.change_pct for w in weeks]
    data.week_status = [w.status for w in weeks]
    data.week_partial = [w.status == summary_mod.PARTIAL for w in weeks]
    data.week_monotony = [w.monotony for w in weeks]
    data.week_strain = [w.strain for w in weeks]
    data.escalations = [e.text for e in summary.escalations]

    shown_records = records[offset:]
    data.events = [e for r in shown_records for e in r.events]
    data.red_flag_days = [r.day for r in shown_records if r.red_flags]
    data.sessions_text = [
        ", ".join(
            _("{activity} {minutes} min").format(activity=scales.activity_name(s.kind),
                                                 minutes=s.minutes)
            + (f" RPE {s.rpe}" if s.rpe is not None else "")
            for s in r.sessions
        )
        for r in shown_records
    ]
    return data


def progress_data(start: date, end: date, site_id: int | None = None, *,
                  summary: summary_mod.PeriodSummary | None = None) -> ProgressData:
    """Read and compute the Progress data of ``start``..``end`` for a pain site.

    The weekly figures, lights, load spike indicator and escalations are the period
    summary's (``services.summary.period_summary`` with the same site); the pain series
    read the 6 days before the first plotted day too, for their 7-day averages.

    Args:
        site_id: the pain site whose ratings to plot; None for the ratings as logged.
        summary: the summary of this period and site when the caller has it already
            (the PDF); None: read here.

    Raises:
        ValueError: ``start`` is after ``end``, or ``summary`` is of another period.
        StorageError: the journal cannot be read.
    """
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    if summary is None:
        summary = summary_service.period_summary(start, end, site_id)
    elif (summary.start, summary.end) != (start, end):
        raise ValueError(f"the summary is of {summary.start}..{summary.end}, "
                         f"not {start}..{end}")
    first = plot_start(start, end, summary.first_entry) - timedelta(days=ROLLING_DAYS - 1)
    journal = journal_service.load_journal(first, end, site_id)
    data = build_progress(journal, start, end, first, summary=summary)
    data.site_id = site_id
    data.site_label = site_label(site_id)
    rest, top, _weighting = settings_service.heart_rates()
    data.hr_set = rest is not None and top is not None
    data.trimp = ([v for _d, v in activities.trimp_by_day(data.start, data.end)]
                  if data.hr_set else [])
    data.unrated = activities.unrated_count(data.start, data.end)
    return data


def programme_start() -> date | None:
    """Start date of the active programme (or the latest one), or None."""
    return progress_repo.programme_start()


def journal_first_day() -> date | None:
    """The first day with an entry in the journal, or None for an empty journal."""
    span = journal_repo.journal_span()
    return span[0] if span else None


def default_period(today: date, first_entry: date | None) -> tuple[date, date]:
    """The period the Progress page opens on: the last ``DEFAULT_WEEKS`` weeks up to
    ``today``, or from the journal's first entry when that is later (a journal one week
    old shows its one week across the whole chart, not in its right 8 %).

    Args:
        today: the last day of the period.
        first_entry: the journal's first day with an entry (None: an empty journal).

    Returns:
        (first day, last day).
    """
    start = today - timedelta(days=7 * DEFAULT_WEEKS - 1)
    if first_entry is not None and start < first_entry <= today:
        start = first_entry
    return start, today


@dataclass(frozen=True, slots=True)
class LoggedExercise:
    """An exercise with at least one done or partial log.

    Attributes:
        id, name: the exercise.
        last: the day of its latest done or partial log (up to the day asked).
    """

    id: int
    name: str
    last: date


def logged_exercises(until: date) -> list[LoggedExercise]:
    """The exercises logged done or partly done on or before ``until``, by name.

    Skipped logs do not count: an exercise only ever skipped has no progression.

    Raises:
        StorageError: the journal cannot be read.
    """
    return [LoggedExercise(ex_id, name, last)
            for ex_id, name, last in progress_repo.last_logged(until)]


def most_recently_logged(exercises: list[LoggedExercise]) -> LoggedExercise | None:
    """The exercise of ``exercises`` logged last (the first by name on a tie), or None."""
    return max(exercises, key=lambda e: e.last, default=None)
