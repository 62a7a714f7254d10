"""The period summary: every figure the views show about a period, computed once (pure).

``period_summary(journal, start, end, ...)`` turns a domain ``Journal`` into a
``PeriodSummary``: weekly rows, the first/last week comparison, lights per day, red flags
by tier, escalation messages, adherence, monotony and strain, and the load spike indicator.
The PDF, the ``rehabjournal summary`` command, Progress and Today read it
(``services/summary.py`` builds it from the open journal); nothing else recomputes these.

Rules (domain.md sections 2, 3 and 6; docs/summary.md says the same for users):
    * **Weeks are calendar weeks, Monday to Sunday.** Every week that touches the period is
      a row. A day *counts* when it is inside the period and not before the journal's first
      entry, or outside the period but within the journal's data (first to last entry).
      Days inside the period without entries are rest days (load 0); days before the
      first entry are no data, not zero.
    * A row is ``complete`` when its 7 days are inside the period and count;
      ``completed`` when the period cuts it but the days outside the period are within the
      journal's data: its figures are then of the whole week ("completed from outside the
      period"); ``partial`` otherwise: its figures are of the days that count, and it has
      no week-on-week change, monotony or strain.
    * **Week-on-week change** compares two full (complete or completed) calendar weeks:
      a row against the calendar week before it (for the first row, the week before the
      period when the journal has it). No change when either is partial or the previous
      load is 0.
    * **First/last week**: the first and last full rows. Pain (morning, during, after:
      means) is judged with ``change.pain_change``: at least ``improvement_points`` (2), or
      ``improvement_fraction`` (30 %) only when the first value is 4/10 or more. Counts
      (sessions, minutes, load) get absolute changes, never percentages.
    * **Monotony** = mean daily load / population SD of the 7 daily loads (the 7 days are
      the whole week described, not a sample); none when the SD is 0. **Strain** = weekly
      load x monotony (Foster 1998; ``load.monotony``/``load.strain``).
    * **Lights** come from ``domain.light`` (one per day; a week's light is its worst
      day); **red flags** carry their tier (``scales.URGENT``: see a clinician now;
      ``scales.ASSESSMENT``: book an assessment); **escalations** come from
      ``domain.redflags.escalations`` as of the period's last day with data (its last
      day, or the journal's last entry when that is earlier); the **advice** is
      ``domain.redflags.advice`` (the light's verdict, held while an escalation stands:
      no "progress one step" next to "book an assessment") as of the period's last day,
      or, when there is nothing to judge then, as of the period's last day with an entry
      (so the advice is never missing next to an escalation).
    * **Load spike indicator**: ``load.acwr_from_first_entry`` (first value on day 29 of
      the journal's data).
    * **Sessions without an effort** (``load.unrated``: imported from a watch file and not
      rated yet, or typed without one) count as sessions and minutes, but their load is
      *unknown*, not zero (docs/activity-files.md, "Rating imported sessions"). A day or
      week that holds one has an *incomplete* load: its ``load`` is the rated part and
      ``unrated`` says how many are missing. An incomplete week has no monotony or strain,
      and no week-on-week change, nor has the week after it (compared with it); the
      first/last week comparison of load has no change when either week is incomplete;
      the load spike indicator is None while its 7-day or 28-day window holds an unrated
      session (``DaySummary.ratio_waits``; ``domain.load`` says why). Journals whose
      sessions all have an effort are not affected.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final, Literal

from rehabjournal.domain import change as change_mod
from rehabjournal.domain import light as light_mod
from rehabjournal.domain import load as load_mod
from rehabjournal.domain import redflags as redflags_mod
from rehabjournal.domain import scales
from rehabjournal.domain.adherence import WeekAdherence
from rehabjournal.domain.entities import DayRecord, Journal
from rehabjournal.domain.redflags import Escalation
from rehabjournal.domain.scales import TranslatedMap, general
from rehabjournal.i18n import N_, _

COMPLETE: Final = "complete"
"""A calendar week whose 7 days are all inside the period."""
COMPLETED: Final = "completed"
"""A week cut by the period, completed from the journal's data outside the period."""
PARTIAL: Final = "partial"
"""A week cut by the period (or by the journal's first entry) that could not be completed."""

WeekStatus = Literal["complete", "completed", "partial"]

STATUS_TEXT: Final = TranslatedMap({
    COMPLETE: "",
    COMPLETED: N_("completed from outside the period"),
    PARTIAL: N_("partial week: no change"),
})
"""How a row's status is worded next to it (PDF, command, Progress), read in the current
language."""

SD_KIND: Final = "population"
"""The standard deviation monotony uses (the 7 days are the whole week described)."""

PAIN: Final = "pain"
COUNT: Final = "count"

_LIGHT_ORDER: Final = {light_mod.GREEN: 0, light_mod.AMBER: 1, light_mod.RED: 2}


# ---- the records ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One day of the period.

    Attributes:
        day: the date.
        has_data: False for days before the journal's first entry (no data).
        sessions: number of sessions.
        minutes: minutes of activity.
        load: daily load in AU (session RPE x minutes, summed; 0 on rest days).
        morning_pain: the check-in's morning pain (0-10), or None.
        peak_pain: worst pain during or after a session (0-10), or None.
        light: "green", "amber", "red" or None (``domain.light.day_light``).
        status: the light's status: its colour, "waiting" (sessions whose next morning is
            not rated yet) or None (nothing to judge).
        advice: the light's advice line ("Green: keep going ..."), "" with no status.
        light_reason: the light's reason in plain words.
        red_flag: True when the light was decided by a red flag.
        red_flag_tier: ``scales.URGENT`` or ``scales.ASSESSMENT`` for the day's most
            urgent red flag, or None.
        acwr: the load spike indicator (EWMA acute:chronic ratio), or None.
        unrated: sessions without an effort (``load.unrated``): ``load`` is then only the
            rated sessions' (the day's load is not complete).
        ratio_waits: True when ``acwr`` is None because the day or one of the 28 days
            before holds an unrated session (``load.ratio_waits_for_ratings``).
    """

    day: date
    has_data: bool
    sessions: int
    minutes: int
    load: float
    morning_pain: int | None
    peak_pain: int | None
    light: str | None
    status: str | None
    advice: str
    light_reason: str
    red_flag: bool
    red_flag_tier: str | None
    acwr: float | None
    unrated: int = 0
    ratio_waits: bool = False

    @property
    def load_complete(self) -> bool:
        """False when a session of the day has no effort (its load is unknown)."""
        return not self.unrated


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """One calendar week (a row of every weekly table).

    Attributes:
        week_start: its Monday.
        status: ``COMPLETE``, ``COMPLETED`` or ``PARTIAL`` (module docstring).
        days_in_period: days of the week inside the period (1-7).
        days_counted: days whose figures are in this row (7 for full weeks).
        daily_loads: the load of each counted day, Monday first (AU).
        sessions, minutes: counts over the counted days.
        load: weekly load in AU (sum of ``daily_loads``): the rated sessions' load, the
            whole week's only when ``unrated`` is 0.
        previous_load: load of the calendar week before, when both weeks are full and
            the one before has a complete load.
        change_pct: week-on-week change of the load in percent, or None (not two full
            weeks, either load incomplete, or the previous week's load is 0).
        monotony: mean / population SD of the 7 daily loads; None for partial weeks,
            an incomplete load or an SD of 0.
        strain: load x monotony, or None with monotony.
        morning_mean: mean morning pain (0-10) of the counted days, or None.
        during_mean, after_mean: mean pain during / after sessions (0-10), or None.
        worst_light: the worst day light of the counted days, or None.
        light_counts: counted days per light colour.
        adherence_pct: exercise days done / exercise days due in percent, or None.
        prescribed, done: the programme's exercise days due and done over the counted
            days (``domain.adherence``: a day counts done when at least half of its
            exercises were logged done, partial counting half, a session moved within the
            week counting); 0 without a programme.
        adherence_moved: exercises of those days done on another day of the week.
        unrated: sessions of the counted days without an effort (``load.unrated``); any
            makes the week's load incomplete.
    """

    week_start: date
    status: WeekStatus
    days_in_period: int
    days_counted: int
    daily_loads: tuple[float, ...]
    sessions: int
    minutes: int
    load: float
    previous_load: float | None
    change_pct: float | None
    monotony: float | None
    strain: float | None
    morning_mean: float | None
    during_mean: float | None
    after_mean: float | None
    worst_light: str | None
    light_counts: dict[str, int]
    adherence_pct: float | None
    prescribed: int = 0
    done: int = 0
    adherence_moved: int = 0
    unrated: int = 0

    @property
    def load_complete(self) -> bool:
        """False when a session of the week has no effort (its load is unknown)."""
        return not self.unrated

    @property
    def week_end(self) -> date:
        """Its Sunday."""
        return self.week_start + timedelta(days=6)

    @property
    def full(self) -> bool:
        """True for complete and completed weeks (the ones changes compare)."""
        return self.status != PARTIAL

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]


@dataclass(frozen=True, slots=True)
class Comparison:
    """One measure of the first/last week comparison.

    Attributes:
        key: "morning_pain", "pain_during", "pain_after", "sessions", "minutes" or "load".
        label: its words, e.g. "Morning pain (mean, 0-10)" (in the current language).
        kind: ``PAIN`` (a mean rating, judged for clinical importance) or ``COUNT``
            (absolute change only).
        unit: "" for pain and sessions, "min", "AU".
        period: the value over the whole period (days inside it), or None.
        first, last: the value in the first and last full week, or None.
        change: last - first, or None.
        important: pain only: whether the change is clinically important (None when not
            judged: counts, or a value missing).
        why: pain only: the part of the rule it met ("2 points", "30 %", "2 points and
            30 %"), "" when not important.
        direction: "down", "up", "none", or "" when there is no change.
        period_unrated, first_unrated, last_unrated: load only: sessions without an
            effort in the period and in the first and last week. ``period``, ``first``
            and ``last`` are then the rated sessions' load; ``change`` is None when
            either week has one (its load is not known).
    """

    key: str
    label: str
    kind: str
    unit: str
    period: float | None
    first: float | None
    last: float | None
    change: float | None
    important: bool | None = None
    why: str = ""
    direction: str = ""
    period_unrated: int = 0
    first_unrated: int = 0
    last_unrated: int = 0

    @property
    def load_known(self) -> bool:
        """False when the change is not known because a compared week's load is
        incomplete (load only)."""
        return not (self.first_unrated or self.last_unrated)

    @property
    def verdict(self) -> str:
        """"No", "Yes (2 points), better", "Yes (30 %), worse"; "-" for pain that was not
        compared, "" for counts."""
        if self.kind != PAIN:
            return ""
        if self.important is None:
            return "-"
        if not self.important:
            return _("No")
        if self.direction == "down":
            return _("Yes ({why}), better").format(why=self.why)
        if self.direction == "up":
            return _("Yes ({why}), worse").format(why=self.why)
        return _("Yes ({why})").format(why=self.why)


@dataclass(frozen=True, slots=True)
class RedFlagItem:
    """A red flag ticked on a day of the period, with its tier."""

    day: date
    code: str
    label: str
    tier: str  # scales.URGENT or scales.ASSESSMENT
    note: str = ""

    @property
    def urgent(self) -> bool:
        return self.tier == scales.URGENT

    @property
    def advice(self) -> str:
        """"See a clinician now." or "Book an assessment."."""
        return scales.URGENCY_ADVICE.get(self.tier, "")


@dataclass(slots=True)
class PeriodSummary:
    """Everything the views show about ``start``..``end``.

    Attributes:
        start, end: the period (inclusive).
        first_entry, last_entry: the journal's data span, or None for an empty journal.
        empty: True when no day of the period has an entry.
        days: one ``DaySummary`` per day of the period.
        weeks: one ``WeekSummary`` per calendar week touching the period, in order.
        first_week, last_week: the indices in ``weeks`` of the first and last full weeks
            compared (None when there is none); equal when only one week is full.
        comparisons: the measures of the first/last week comparison.
        rule: the clinically-important rule in words (for the column header).
        sessions, minutes, load: totals over the period's days (``load``: of the rated
            sessions).
        unrated: sessions of the period's days without an effort (their load is not
            known; ``load`` is then incomplete).
        adherence_pct: exercise days done / due over the period's days from the
            journal's first entry on, in percent, or None.
        adherence_due, adherence_done: those exercise days due and done.
        light_counts: days of the period per light colour.
        red_flags: the period's red flags with their tier, oldest first.
        escalations: reasons to book an assessment as of the period's last day with data
            (``domain.redflags.Escalation``: no improvement, worse despite reduced load;
            recorded "book an assessment" flags are in ``red_flags``).
        verdict: the advice (``domain.redflags.advice``: progress, hold or back off;
            progress only after a full green week and while no escalation stands) as of
            ``end``, or as of the period's last day with an entry when ``end`` has nothing
            to judge (``verdict.as_of`` says which), or None.
        sd: the standard deviation monotony uses ("population").
    """

    start: date
    end: date
    first_entry: date | None = None
    last_entry: date | None = None
    empty: bool = True
    days: list[DaySummary] = field(default_factory=list)
    weeks: list[WeekSummary] = field(default_factory=list)
    first_week: int | None = None
    last_week: int | None = None
    comparisons: list[Comparison] = field(default_factory=list)
    rule: str = ""
    sessions: int = 0
    minutes: int = 0
    load: float = 0.0
    unrated: int = 0
    adherence_pct: float | None = None
    adherence_due: int = 0
    adherence_done: int = 0
    light_counts: dict[str, int] = field(default_factory=dict)
    red_flags: list[RedFlagItem] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)
    verdict: light_mod.Verdict | None = None
    sd: str = SD_KIND

    @property
    def urgent_flags(self) -> list[RedFlagItem]:
        """Red flags that mean: see a clinician now."""
        return [f for f in self.red_flags if f.urgent]

    @property
    def assessment_flags(self) -> list[RedFlagItem]:
        """Red flags that mean: book an assessment."""
        return [f for f in self.red_flags if not f.urgent]

    @property
    def load_complete(self) -> bool:
        """False when a session of the period has no effort."""
        return not self.unrated

    @property
    def incomplete_weeks(self) -> list[WeekSummary]:
        """The rows whose load is incomplete (a session without an effort)."""
        return [w for w in self.weeks if w.unrated]

    def comparison(self, key: str) -> Comparison | None:
        """The comparison with ``key`` ("morning_pain" ...), or None."""
        return next((c for c in self.comparisons if c.key == key), None)

    def week_of(self, day: date) -> WeekSummary | None:
        """The row holding ``day``, or None."""
        monday = load_mod.week_start_of(day)
        return next((w for w in self.weeks if w.week_start == monday), None)


# ---- small helpers ----------------------------------------------------------------------


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _day_load(record: DayRecord) -> float:
    total = 0.0
    for s in record.sessions:
        value = load_mod.session_load(s.rpe, s.minutes)
        if value is not None:
            total += value
    return total


def _day_unrated(record: DayRecord) -> int:
    return sum(1 for s in record.sessions if load_mod.unrated(s))


def _ratings(records: Iterable[DayRecord], attr: str) -> list[float]:
    return [float(v) for r in records for s in r.sessions if (v := getattr(s, attr)) is not None]


def _morning(records: Iterable[DayRecord]) -> list[float]:
    return [float(r.morning_pain) for r in records if r.morning_pain is not None]


def worst_light(colours: Iterable[str | None]) -> str | None:
    """The worst of some light colours (red > amber > green), or None."""
    known = [c for c in colours if c in _LIGHT_ORDER]
    return max(known, key=_LIGHT_ORDER.__getitem__) if known else None


def _tier(record: DayRecord) -> str | None:
    return scales.worst_tier(f.code for f in record.red_flags)


def counted_range(start: date, end: date, data_span: tuple[date, date] | None
                  ) -> tuple[date, date] | None:
    """The first and last day that count for the weekly rows of ``start``..``end``.

    The days of the calendar weeks touching the period that count (module docstring) are
    one run of days; this is its first and last day, or None when none counts (an empty
    journal, or a period before its first entry's week). Programme adherence per row is
    taken over this range.
    """
    if data_span is None:
        return None
    counting = _Counting(start, end, *data_span)
    monday = load_mod.week_start_of(start)
    sunday = load_mod.week_start_of(end) + timedelta(days=6)
    days = [d for d in _days(monday, sunday) if counting.counts(d)]
    return (days[0], days[-1]) if days else None


class _Counting:
    """Which days count (module docstring): inside the period from the first entry on,
    outside it within the journal's data."""

    def __init__(self, start: date, end: date, first: date | None, last: date | None):
        self.start, self.end, self.first, self.last = start, end, first, last

    def counts(self, day: date) -> bool:
        if self.first is None or self.last is None or day < self.first:
            return False
        return self.start <= day <= self.end or day <= self.last


# ---- the summary ------------------------------------------------------------------------


def period_summary(
    journal: Journal,
    start: date,
    end: date,
    th: light_mod.Thresholds = light_mod.DEFAULT_THRESHOLDS,
    *,
    data_span: tuple[date, date] | None = None,
    adherence: Sequence[WeekAdherence] = (),
    period_adherence: Sequence[WeekAdherence] = (),
    onset: date | None = None,
) -> PeriodSummary:
    """Compute the summary of ``start``..``end`` (inclusive) from ``journal``.

    Args:
        journal: the days the summary may use. For exact figures it holds the period,
            the calendar weeks around it, 14 days before them (baseline and weekly
            trend), the day after (next morning), and history for the load spike
            indicator and the escalation rules (the service loads from the first entry).
        start, end: the period.
        th: the thresholds (the settings registry's ``thresholds.*``).
        data_span: (first entry, last entry) of the whole journal; None: the first and
            last day of ``journal``.
        adherence: programme adherence per calendar week (``WeekAdherence``, from
            ``adherence.weekly_adherence``) over the counted days of the rows (whole
            weeks for completed rows).
        period_adherence: the same over the period's days from the journal's first entry on
            (the days the weekly rows count), for the period's total.
        onset: start of the episode or of load management (the profile's onset date),
            for the "no improvement" rule; None: the first morning rating.

    Returns:
        The ``PeriodSummary``.

    Raises:
        ValueError: ``end`` is before ``start``.
    """
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    if data_span is None and journal.days:
        data_span = (min(journal.days), max(journal.days))
    first, last = data_span if data_span else (None, None)
    counting = _Counting(start, end, first, last)
    period_days = _days(start, end)
    summary = PeriodSummary(
        start=start, end=end, first_entry=first, last_entry=last,
        empty=not any(d in journal.days for d in period_days),
        rule=change_mod.pain_rule_text(th.improvement_points, th.improvement_fraction),
    )

    # the days the rows cover: whole calendar weeks around the period
    monday0 = load_mod.week_start_of(start)
    mondays = [monday0 + timedelta(weeks=k)
               for k in range((load_mod.week_start_of(end) - monday0).days // 7 + 1)]
    row_days = _days(monday0, mondays[-1] + timedelta(days=6))
    judged = sorted({d for d in row_days if counting.counts(d)} | set(period_days))
    lights = dict(zip(judged, light_mod.day_lights(journal, judged, th), strict=True))

    # ---- days --------------------------------------------------------------------------
    ratios, waits = _ratios(journal, end, first)
    episode_start = redflags_mod.first_rated_morning(journal, onset)  # found once, not per day
    for d in period_days:
        rec = journal.get(d)
        li = lights[d]
        if li.kind == light_mod.PROGRESS:  # never "progress" while an assessment is advised
            li = light_mod.hold_for_escalations(
                li, redflags_mod.escalations(journal, d, th, episode_start or onset))
        summary.days.append(DaySummary(
            day=d,
            has_data=first is not None and d >= first,
            sessions=len(rec.sessions),
            minutes=sum(s.minutes for s in rec.sessions),
            load=_day_load(rec),
            morning_pain=rec.morning_pain,
            peak_pain=rec.peak_pain,
            light=li.colour,
            status=li.status,
            advice=li.text if li.status else "",
            light_reason=li.reason,
            red_flag=li.red_flag,
            red_flag_tier=_tier(rec),
            acwr=ratios.get(d),
            unrated=_day_unrated(rec),
            ratio_waits=waits.get(d, False),
        ))
    summary.sessions = sum(x.sessions for x in summary.days)
    summary.minutes = sum(x.minutes for x in summary.days)
    summary.load = sum(x.load for x in summary.days)
    summary.unrated = sum(x.unrated for x in summary.days)
    summary.light_counts = dict(Counter(x.light for x in summary.days if x.light))

    # ---- weeks -------------------------------------------------------------------------
    adherence_by_week = {w.week_start: w for w in adherence}
    previous = _previous_full_load(journal, monday0 - timedelta(weeks=1), counting)
    for monday in mondays:
        row = _week_row(journal, monday, counting, lights, previous,
                        adherence_by_week.get(monday))
        summary.weeks.append(row)
        previous = row.load if row.full and row.load_complete else None
    summary.adherence_due = sum(w.prescribed for w in period_adherence)
    summary.adherence_done = sum(w.done for w in period_adherence)
    if summary.adherence_due:
        summary.adherence_pct = summary.adherence_done / summary.adherence_due * 100.0

    # ---- first and last week -----------------------------------------------------------
    full = [i for i, w in enumerate(summary.weeks) if w.full]
    if full:
        summary.first_week, summary.last_week = full[0], full[-1]
    summary.comparisons = _comparisons(summary, journal, th)

    # ---- red flags and escalations -----------------------------------------------------
    for d in period_days:
        for f in journal.get(d).red_flags:
            summary.red_flags.append(RedFlagItem(
                d, f.code, scales.red_flag_label(f.code), scales.flag_tier(f.code), f.note))
    if last is not None:
        # recorded "book an assessment" flags are listed with the red flags, not here
        summary.escalations = redflags_mod.escalations(
            journal, min(end, last), th, onset, flags=False)
    summary.verdict = _verdict(journal, start, end, th, onset)
    return summary


def _verdict(journal: Journal, start: date, end: date, th: light_mod.Thresholds,
             onset: date | None) -> light_mod.Verdict:
    """The advice as of ``end``; as of the period's last day with an entry when ``end``
    has nothing to judge (the last days of the period are empty)."""
    verdict = redflags_mod.advice(journal, end, th, onset)
    if verdict.kind is not None:
        return verdict
    last = max((d for d in journal.days if start <= d < end), default=None)
    if last is None:
        return verdict
    earlier = redflags_mod.advice(journal, last, th, onset)
    return earlier if earlier.kind is not None else verdict


def _ratios(journal: Journal, end: date, first: date | None
            ) -> tuple[dict[date, float | None], dict[date, bool]]:
    """The load spike indicator per day, from the first day ``journal`` holds to ``end``,
    and the days whose indicator waits for unrated sessions to be rated."""
    if first is None or not journal.days:
        return {}, {}
    begin = min(min(journal.days), end)
    sessions = [s for r in journal.days.values() for s in r.sessions]
    daily = load_mod.daily_loads(sessions, begin, end)
    unrated = [n for _d, n in load_mod.daily_unrated(sessions, begin, end)]
    values = load_mod.acwr_from_first_entry(daily, first, unrated=unrated)
    ratios = {d: v for (d, _load), v in zip(daily, values, strict=True)}
    waits = {d: load_mod.ratio_waits_for_ratings(unrated, i)
             for i, (d, _load) in enumerate(daily)}
    return ratios, waits


def _previous_full_load(journal: Journal, monday: date, counting: _Counting) -> float | None:
    """The load of the week starting ``monday`` when all its days count and its load is
    complete (no session without an effort), else None."""
    days = load_mod.week_days(monday)
    if not all(counting.counts(d) for d in days):
        return None
    if any(_day_unrated(journal.get(d)) for d in days):
        return None
    return sum(_day_load(journal.get(d)) for d in days)


def _week_row(
    journal: Journal,
    monday: date,
    counting: _Counting,
    lights: dict[date, light_mod.Light],
    previous: float | None,
    adherence: WeekAdherence | None,
) -> WeekSummary:
    days = load_mod.week_days(monday)
    counted = [d for d in days if counting.counts(d)]
    in_period = [d for d in days if counting.start <= d <= counting.end]
    if len(counted) == 7:
        status: WeekStatus = COMPLETE if len(in_period) == 7 else COMPLETED
    else:
        status = PARTIAL
    records = [journal.get(d) for d in counted]
    loads = tuple(_day_load(r) for r in records)
    total = float(sum(loads))
    unrated = sum(_day_unrated(r) for r in records)
    full = status != PARTIAL
    known = full and not unrated  # a full week whose load is complete
    change_pct = None
    if known and previous is not None and previous > 0:
        change_pct = (total - previous) / previous * 100.0
    monotony = load_mod.monotony(loads, sd=SD_KIND) if known else None
    strain = total * monotony if monotony is not None else None
    colours = [lights[d].colour for d in counted if d in lights]
    return WeekSummary(
        week_start=monday,
        status=status,
        days_in_period=len(in_period),
        days_counted=len(counted),
        daily_loads=loads,
        sessions=sum(len(r.sessions) for r in records),
        minutes=sum(s.minutes for r in records for s in r.sessions),
        load=total,
        previous_load=previous if known else None,
        change_pct=change_pct,
        monotony=monotony,
        strain=strain,
        morning_mean=_mean(_morning(records)),
        during_mean=_mean(_ratings(records, "pain_during")),
        after_mean=_mean(_ratings(records, "pain_after")),
        worst_light=worst_light(colours),
        light_counts=dict(Counter(c for c in colours if c)),
        adherence_pct=adherence.percent if adherence is not None else None,
        prescribed=adherence.prescribed if adherence is not None else 0,
        done=adherence.done if adherence is not None else 0,
        adherence_moved=adherence.moved if adherence is not None else 0,
        unrated=unrated,
    )


_MEASURES: Final = (
    ("morning_pain", N_("Morning pain (mean, 0-10)"), PAIN, "", "morning_mean"),
    ("pain_during", N_("Pain during sessions (mean, 0-10)"), PAIN, "", "during_mean"),
    ("pain_after", N_("Pain after sessions (mean, 0-10)"), PAIN, "", "after_mean"),
    ("sessions", N_("Sessions"), COUNT, "", "sessions"),
    ("minutes", N_("Minutes of activity"), COUNT, "min", "minutes"),
    ("load", N_("Training load (RPE x min)"), COUNT, "AU", "load"),
)
"""(key, label in English, kind, unit, WeekSummary attribute) of each compared measure; a
``Comparison`` carries its label in the current language."""


def _comparisons(summary: PeriodSummary, journal: Journal,
                 th: light_mod.Thresholds) -> list[Comparison]:
    records = [journal.get(x.day) for x in summary.days if x.has_data]
    period_values = {
        "morning_pain": _mean(_morning(records)),
        "pain_during": _mean(_ratings(records, "pain_during")),
        "pain_after": _mean(_ratings(records, "pain_after")),
        "sessions": float(summary.sessions),
        "minutes": float(summary.minutes),
        "load": summary.load,
    }
    first = summary.weeks[summary.first_week] if summary.first_week is not None else None
    last = None
    if summary.last_week is not None and summary.last_week != summary.first_week:
        last = summary.weeks[summary.last_week]

    def value(week: WeekSummary | None, attr: str) -> float | None:
        v = getattr(week, attr) if week is not None else None
        return None if v is None else float(v)

    out: list[Comparison] = []
    for key, english, kind, unit, attr in _MEASURES:
        label = _(english)
        a, b = value(first, attr), value(last, attr)
        unrated: dict[str, int] = {}
        if key == "load":  # the rated part, with the sessions whose load is unknown
            unrated = {"period_unrated": summary.unrated,
                       "first_unrated": first.unrated if first is not None else 0,
                       "last_unrated": last.unrated if last is not None else 0}
        if a is None or b is None or (unrated and not _known(unrated)):
            out.append(Comparison(key, label, kind, unit, period_values[key], a, b, None,
                                  **unrated))
            continue
        diff = b - a
        if kind == PAIN:
            ch = change_mod.pain_change(a, b, th.improvement_points, th.improvement_fraction)
            why = _why(th, ch["meets_points"], ch["meets_fraction"])
            out.append(Comparison(key, label, kind, unit, period_values[key], a, b, diff,
                                  important=ch["important"], why=why,
                                  direction=ch["direction"]))
        else:
            direction = "none" if diff == 0 else ("down" if diff < 0 else "up")
            out.append(Comparison(key, label, kind, unit, period_values[key], a, b, diff,
                                  direction=direction, **unrated))
    return out


def _known(unrated: dict[str, int]) -> bool:
    """The load change is known: neither compared week holds a session without effort."""
    return not (unrated["first_unrated"] or unrated["last_unrated"])


def _why(th: light_mod.Thresholds, points: bool, fraction: bool) -> str:
    """The part of the rule a change met: "2 points", "30 %", "2 points and 30 %", ""."""
    values = {"points": general(th.improvement_points),
              "percent": f"{th.improvement_fraction * 100:.0f}"}
    if points and fraction:
        return _("{points} points and {percent} %").format(**values)
    if points:
        return _("{points} points").format(**values)
    if fraction:
        return _("{percent} %").format(**values)
    return ""
