"""The "too much" finder: what came before the flares, tested honestly (docs/patterns.md).

The tracking job of domain.md section 1: "patterns often reveal the specific 'too much'
variable faster than guessing". This module defines a flare, lists the candidate factors
of each day, and asks of each factor, 1, 2 and 3 days before separately, whether flares
began after it more often than after the other days, with an exact test and a correction
for the number of questions asked. Pure: it reads a ``Journal`` and returns a
``PatternReport``; ``services/patterns.py`` reads the journal and the settings.

**Flare.** A *flare day* is a day whose morning pain (main site) is at least ``rise``
points (setting, default 2) above its baseline, the median of the 7 mornings before it
(``light.baseline``: needs at least 3 of them rated), or a day with a "flare" event.
Consecutive flare days are one *episode*; one day with neither a rating nor an event
between two flare days does not end it (the journal cannot tell). While an episode goes
on, a morning is also a flare day when it is ``rise`` points above the baseline of the
episode's first day (the usual before the flare), since the flare's own mornings raise
the rolling median and would end a long flare after a day or two. An episode's *start* is
what the factors are compared with. A day's flare status is *unknown* when it is not
marked and its morning is unrated or has no baseline.

**The comparison (one 2x2 table per factor and lag).** For lag L (1, 2 and 3, each on its
own) the units are the days t of the period whose day t + L is in the period too and is a
*possible episode start*: its status is known and neither it nor the day before it is
part of an episode (a flare then would only continue that episode, so it could not
start one). Days whose lag day falls inside an ongoing episode (not its start), right
after one, or on a day of unknown status are left out, as are days on which the factor
itself is unknown (e.g. no sleep recorded). Then::

    a = factor days followed L days later by an episode start   b = factor days not followed
    c = other days followed                                      d = other days not followed

Each day is counted once per lag. A table is tested only with at least ``min_factor_days``
(5) factor days, as many other days, and ``min_flares`` (3) episode starts (a + c);
otherwise the factor is listed as untested with the reason. The test is Fisher's exact
test, one-sided ("more flares after the factor"), and the p-values of all tested
tables of the journal are adjusted together by Benjamini-Hochberg: only tables with an
adjusted p at most ``q`` (setting, default 0.10) are findings. They are shown with their
counts and the risk ratio with its 95 % confidence interval (``domain.stats``).

**Factors** (each true or false on a day, or unknown):
    * ``load_high``: the day's load (session RPE x minutes, ``domain.load``) at least 30 %
      above the mean daily load of the 28 days before it (unknown in the journal's first
      28 days, when that mean is 0, or when a session of the day has no RPE and the rated
      ones do not reach the mark). A session without an RPE in the 28 days makes their
      mean a lower bound: the day is then "not high" only when its load is known and
      under the mark of the rated sessions' mean, else unknown.
    * ``load_week_jump``: the load of the 7 days ending the day more than 30 % above the
      7 days before them (unknown in the first 14 days or after a week of no load). A
      rolling week, so one jump marks several days in a row. A session without an RPE
      leaves its 7 days' load unknown (docs/activity-files.md): a jump is then claimed
      only when the rated sessions of the later 7 days already make it over complete
      earlier 7 days, and denied only when complete later 7 days stay under the mark of
      the earlier 7 days' rated sessions; otherwise unknown.
    * ``kind:<kind>``: an activity of that kind was done that day (each kind in the period).
    * ``kind_more:<kind>``: more minutes of that kind than usual: the day's minutes of the
      kind more than 20 % above its *usual*, the median of its daily minutes on the days it
      was done in the 28 days before (needs 3 such days; false on a day without it).
    * ``pain_during``: the worst rated pain during a session of the day above 5/10 (the
      pain-monitoring model's limit); false without sessions, unknown when none is rated.
    * ``short_sleep``: under ``short_sleep_hours`` (setting, default 6) of sleep. A night
      belongs to the morning it ends: the check-in that records it.
    * ``stress``: stress 7/10 or more.
    * ``no_rest_day``: the third (or later) day in a row with a session of any kind.
      Tendon and cartilage take 48-72 h to recover (domain.md section 1), so three days
      in a row is the first run of days that leaves no such gap.
    * ``skipped_exercises``: a day in ``skipped_days`` (the service's: an exercise day of
      the programme that did not count as done, docs/adherence.md).
    * ``event:<kind>``: an event of that kind (new shoes, surface change, injection,
      deload start, appointment) that day; ``custom:<label>``: a custom event with that
      label, for the labels the person made factors (``custom_event_kinds``).
The fixed factors, and the custom ones asked for, are always listed (tested or untested);
kinds, events and skipped exercises only when they happen in the period.

**More days needed.** When a factor is untested, the estimate is the number of further
days that would bring its table to the minimum counts if days kept coming at this
period's rates (factor days, other days and episode starts per day of the period,
``ceil((needed - have) / rate)``, the largest over the counts that fall short); the
report gives the smallest such estimate over the untested factors, and None when no rate
would ever get there (e.g. no flare at all).

The words state association only ("flares began more often after"), never cause: a small
personal journal cannot separate a factor from everything that came with it.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from ..i18n import N_, _, join_list, ngettext, semicolon
from .entities import DayRecord, Journal
from .light import DEFAULT_THRESHOLDS, Thresholds, baseline
from .scales import activity_name, event_label, general
from .stats import benjamini_hochberg, fisher_one_sided, risk_ratio

LAGS: Final = (1, 2, 3)
RISE: Final = 2
Q: Final = 0.10
SHORT_SLEEP_HOURS: Final = 6.0
MIN_FACTOR_DAYS: Final = 5
MIN_FLARES: Final = 3
LOAD_HIGH_FRACTION: Final = 0.30
"""A day's load at least this much above its 28-day mean is a high-load day."""
LOAD_MEAN_DAYS: Final = 28
WEEK_JUMP_FRACTION: Final = 0.30
"""A rolling week's load more than this above the week before is a jump."""
USUAL_DAYS: Final = 28
USUAL_MIN_DAYS: Final = 3
LONGER_FRACTION: Final = 0.20
"""Minutes of a kind more than this above its usual count as "more than usual"."""
PAIN_DURING_ABOVE: Final = 5
STRESS_AT_LEAST: Final = 7
TRAINING_DAYS_IN_A_ROW: Final = 3
FLARE_EVENT: Final = "flare"
LOOKBACK_DAYS: Final = LOAD_MEAN_DAYS + 7
ANCHOR_DAYS: Final = 7
"""Days an episode is judged against the usual before it; then the rolling baseline."""
"""Days before the period the journal should hold (the 28-day mean, baselines)."""

ASSOCIATION_NOTE: Final = N_(
    "These are things that came before your flares more often than chance would easily "
    "explain, not proof that one caused the other: many things change together (sleep, "
    "stress, shoes, the weather), and a flare can itself change what you do."
)
"""English, marked ``N_``: show it with ``_(ASSOCIATION_NOTE)``."""

# Translators: an activity as it follows "a day with" ("a day with a run"); German in the
# dative ("einem Lauf").
_KIND_PHRASES: Final = {
    "run": N_("a run"),
    "running": N_("a run"),
    "cycle": N_("a bike ride"),
    "cycling": N_("a bike ride"),
    "swim": N_("a swim"),
    "walk": N_("a walk"),
    "hike": N_("a hike"),
    "gym": N_("a gym session"),
    "sport": N_("sport"),
    "rehab exercises": N_("rehab exercises"),
}
_EVENT_EXCLUDED: Final = frozenset({FLARE_EVENT, "custom"})


@dataclass(frozen=True)
class FlareEpisode:
    """Consecutive flare days.

    Attributes:
        start, end: its first and last flare day.
        peak: the worst morning pain rated in it (0 when none was rated: marked only).
        marked: True when a day of it has a "flare" event.
    """

    start: date
    end: date
    peak: int
    marked: bool


@dataclass(frozen=True)
class Finding:
    """A factor x lag whose table survived the false-discovery control.

    Attributes:
        factor: stable key, e.g. "short_sleep", "kind:run", "event:new_shoes".
        label: short words for it, e.g. "Sleep under 6 h".
        lag: days from the factor day to the flare's start (1-3).
        a, b, c, d: the table (module docstring).
        risk_ratio, ci_low, ci_high: (a/(a+b)) / (c/(c+d)) and its 95 % interval.
        p: Fisher's one-sided p; p_adjusted: Benjamini-Hochberg over all comparisons.
        text: one plain associative sentence with the counts (in the current language).
        headline: its first clause as it continues a sentence ("flares began more often 2
            days after a night under 6 h of sleep"), for ``PatternReport.summary``; "" when
            not given (the summary then takes ``text`` up to its colon).
    """

    factor: str
    label: str
    lag: int
    a: int
    b: int
    c: int
    d: int
    risk_ratio: float
    ci_low: float
    ci_high: float
    p: float
    p_adjusted: float
    text: str
    headline: str = field(default="", compare=False)


@dataclass(frozen=True)
class Untested:
    """A factor that could not be tested (at some or all lags), and why."""

    factor: str
    label: str
    reason: str
    #: the lags not tested when the factor was tested at others ("at 3 days before a
    #: flare", in the current language), else ""
    lags: str = ""


@dataclass(frozen=True)
class PatternReport:
    """What ``find_patterns`` found in a period.

    Attributes:
        start, end: the period.
        episodes: the flare episodes that touch the period, in order.
        comparisons: factor x lag tables tested (the number BH corrected for).
        findings: those with adjusted p <= q, smallest adjusted p first.
        untested: factors not tested at some or all lags, with the reason.
        q: the false-discovery rate; rise: points above baseline that make a flare day;
        short_sleep_hours: the sleep threshold used.
        more_days_needed: the estimate of further days before an untested factor could be
            tested (module docstring), or None.
        factor_days: {factor key: the days of the period it was true}, for every factor
            listed (tested or not).
        labels: {factor key: its label}, in the order the factors are listed.
        rated_days: the days of the period with a morning rating (None: not counted).
        possible_starts: the days of the period on which a flare could have begun (known
            status, not inside or right after an episode): a factor day counts in a table
            at lag L when the day L later is one of them (the chart of a finding marks
            the factor days that did not count).
    """

    start: date
    end: date
    episodes: tuple[FlareEpisode, ...]
    comparisons: int
    findings: tuple[Finding, ...]
    untested: tuple[Untested, ...]
    q: float
    rise: int
    short_sleep_hours: float
    more_days_needed: int | None
    factor_days: dict[str, tuple[date, ...]]
    labels: dict[str, str] = field(default_factory=dict)
    possible_starts: frozenset[date] = frozenset()
    rated_days: int | None = None

    @property
    def flares_started(self) -> int:
        """Episodes that began inside the period."""
        return sum(1 for e in self.episodes if self.start <= e.start <= self.end)

    @property
    def summary(self) -> str:
        """One plain sentence: what was found, or why nothing was (current language)."""
        n = self.comparisons
        if self.findings:
            first = self.findings[0]
            k = len(self.findings)
            what = first.headline or _lower_first(first.text.split(":")[0].strip())
            if k == 1:
                text = _("{k} of {n} comparisons stood out at a false-discovery rate of "
                         "{rate}: {what}.")
            else:
                text = _("{k} of {n} comparisons stood out at a false-discovery rate of "
                         "{rate}: {what} (and {more} more).")
            return text.format(k=k, n=n, rate=_pct(self.q), what=what, more=k - 1)
        later = ""
        if self.more_days_needed is not None:
            later = ngettext("about {n} more day of entries would allow testing what could "
                             "not be tested yet",
                             "about {n} more days of entries would allow testing what could "
                             "not be tested yet", self.more_days_needed).format(
                n=self.more_days_needed)
        if n:
            if later:
                return ngettext("Nothing stood out after {n} comparison; {later}.",
                                "Nothing stood out after {n} comparisons; {later}.", n).format(
                    n=n, later=later)
            return ngettext("Nothing stood out after {n} comparison.",
                            "Nothing stood out after {n} comparisons.", n).format(n=n)
        if self.rated_days == 0:
            return _("No morning was rated in this period, so there was nothing to compare: "
                     "choose a period with entries, or keep logging your morning pain.")
        if self.flares_started == 0:
            return ngettext("No flare began in this period, so there was nothing to compare "
                            "(a flare: a morning at least {n} point above your usual, or a "
                            "marked flare).",
                            "No flare began in this period, so there was nothing to compare "
                            "(a flare: a morning at least {n} points above your usual, or a "
                            "marked flare).", self.rise).format(n=self.rise)
        started = self.flares_started
        if later:
            return ngettext("Too little data to test anything yet ({n} flare began in this "
                            "period); {later}.",
                            "Too little data to test anything yet ({n} flares began in this "
                            "period); {later}.", started).format(n=started, later=later)
        return ngettext("Too little data to test anything yet ({n} flare began in this "
                        "period); more entries are needed.",
                        "Too little data to test anything yet ({n} flares began in this "
                        "period); more entries are needed.", started).format(n=started)


def _pct(fraction: float) -> str:
    """0.3 -> "30 %" ("30 %" with a no-break space in French)."""
    return _("{percent} %").format(percent=general(round(fraction * 100, 1)))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# ---- flares ------------------------------------------------------------------------------

def flare_statuses(journal: Journal, start: date, end: date,
                   rise: int = RISE, th: Thresholds = DEFAULT_THRESHOLDS
                   ) -> dict[date, bool | None]:
    """{day: True (flare day), False (not), None (unknown)} for ``start``..``end``.

    A day is a flare day when it has a "flare" event, or its morning is at least ``rise``
    points above its baseline; while an episode goes on, also when it is at least
    ``rise`` above the baseline of the episode's first day (the usual before the flare:
    the flare's own mornings raise the rolling median, and would otherwise end a long
    flare after a day or two). That usual holds for at most ``ANCHOR_DAYS`` (7) days of
    an episode: a rise that lasts longer is the new usual (the rolling baseline judges
    again), so a lasting plateau is not one endless flare and later spikes above it are
    flares of their own. The baseline is the light's (``th.baseline_days``, needing 3
    ratings).
    """
    out: dict[date, bool | None] = {}
    anchor: float | None = None  # the baseline of the running episode's first day
    last_flare: date | None = None
    began: date | None = None
    for d in _days(start, end):
        record = journal.get(d)
        ongoing = last_flare is not None and (
            (d - last_flare).days == 1
            or ((d - last_flare).days == 2 and out.get(d - timedelta(days=1)) is None))
        if ongoing and began is not None and (d - began).days >= ANCHOR_DAYS:
            anchor = None  # a week into it, the raised level is the new usual
        usual = baseline(journal, d, th)
        morning = record.morning_pain
        if any(e.kind == FLARE_EVENT for e in record.events):
            status: bool | None = True
        elif morning is None or (usual is None and not (ongoing and anchor is not None)):
            status = None
        else:
            marks = [u for u in (usual, anchor if ongoing else None) if u is not None]
            status = morning >= min(marks) + rise - 1e-9
        if status:
            if not ongoing:
                anchor, began = usual, d
            last_flare = d
        out[d] = status
    return out


def episodes_of(statuses: dict[date, bool | None],
                journal: Journal | None = None) -> list[FlareEpisode]:
    """Group flare days into episodes (one unknown day between two flare days joins them).

    Args:
        statuses: from ``flare_statuses``, for consecutive days.
        journal: for the peak pain and whether a day was marked (None: peak 0, unmarked).
    """
    groups: list[list[date]] = []
    last: date | None = None
    for d in sorted(statuses):
        if statuses[d] is not True:
            continue
        gap = None if last is None else (d - last).days
        joined = gap == 1 or (gap == 2 and statuses.get(d - timedelta(days=1)) is None)
        if groups and joined:
            groups[-1].append(d)
        else:
            groups.append([d])
        last = d
    out = []
    for g in groups:
        records = [journal.get(d) for d in g] if journal is not None else []
        pains = [r.morning_pain for r in records if r.morning_pain is not None]
        marked = any(e.kind == FLARE_EVENT for r in records for e in r.events)
        out.append(FlareEpisode(g[0], g[-1], max(pains, default=0), marked))
    return out


def _outcomes(statuses: dict[date, bool | None],
              episodes: list[FlareEpisode]) -> dict[date, bool]:
    """{day: True (an episode starts), False (could have started, did not)}; days that
    could not start an episode (inside or right after one, unknown) are left out."""
    starts = {e.start for e in episodes}
    inside = {d for e in episodes for d in _days(e.start, e.end)}
    out: dict[date, bool] = {}
    for d, status in statuses.items():
        if d in starts:
            out[d] = True
            continue
        if status is None or d in inside:
            continue
        before = d - timedelta(days=1)
        if before in inside:
            continue
        if statuses.get(before) is None and d - timedelta(days=2) in inside:
            continue  # a flare today would have joined that episode across the gap
        out[d] = False
    return out


# ---- factors -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Factor:
    key: str
    label: str
    phrase: str  # after "after": "a night under 6 h of sleep"
    unit: str  # "day" or "night"
    values: dict[date, bool | None]  # the period's days


def _kind_phrase(kind: str) -> str:
    phrase = _KIND_PHRASES.get(kind)
    # Translators: an activity the person named, as it follows "a day with"
    return _(phrase) if phrase else _("a {activity} session").format(activity=kind)


def _day_load(record: DayRecord) -> tuple[float, bool]:
    """(known load in AU, True when a session has no RPE)."""
    known = sum(float(s.rpe * s.minutes) for s in record.sessions if s.rpe is not None)
    return known, any(s.rpe is None for s in record.sessions)


def _kind(text: str) -> str:
    return " ".join(text.split()).casefold()


def _factors(journal: Journal, start: date, end: date, short_sleep_hours: float,
             custom_event_kinds: Iterable[str], skipped_days: Collection[date]
             ) -> list[_Factor]:
    first = min(journal.days, default=start)
    span_start = min(first, start)
    all_days = _days(span_start, end)
    records = {d: journal.get(d) for d in all_days}
    period = _days(start, end)
    loads = {d: _day_load(records[d]) for d in all_days}
    minutes: dict[date, dict[str, int]] = {}
    for d in all_days:
        per: dict[str, int] = {}
        for s in records[d].sessions:
            k = _kind(s.kind)
            if k:
                per[k] = per.get(k, 0) + s.minutes
        minutes[d] = per

    def back(d: date, n: int) -> list[date]:
        return [d - timedelta(days=i) for i in range(n, 0, -1)]

    def load_high(d: date) -> bool | None:
        if d - timedelta(days=LOAD_MEAN_DAYS) < first:
            return None
        window = back(d, LOAD_MEAN_DAYS)
        mean = sum(loads[x][0] for x in window) / LOAD_MEAN_DAYS
        if mean <= 0:
            return None
        load, unknown = loads[d]
        high = load >= (1 + LOAD_HIGH_FRACTION) * mean - 1e-9
        if any(loads[x][1] for x in window):  # the mean is a lower bound
            return None if high or unknown else False
        return True if high else (None if unknown else False)

    def week_jump(d: date) -> bool | None:
        if d - timedelta(days=13) < first:
            return None
        this = sum(loads[d - timedelta(days=i)][0] for i in range(7))
        last = sum(loads[d - timedelta(days=i)][0] for i in range(7, 14))
        this_unknown = any(loads[d - timedelta(days=i)][1] for i in range(7))
        last_unknown = any(loads[d - timedelta(days=i)][1] for i in range(7, 14))
        if last <= 0:
            return None
        jump = (this - last) / last > WEEK_JUMP_FRACTION
        if jump:  # "this" is a lower bound; "last" must be exact
            return None if last_unknown else True
        return None if this_unknown else False

    def pain_during(d: date) -> bool | None:
        sessions = records[d].sessions
        if not sessions:
            return False
        known = [s.pain_during for s in sessions if s.pain_during is not None]
        return max(known) > PAIN_DURING_ABOVE if known else None

    def checkin_value(d: date, name: str) -> float | None:
        c = records[d].checkin
        return None if c is None else getattr(c, name)

    def short_sleep(d: date) -> bool | None:
        v = checkin_value(d, "sleep_hours")
        return None if v is None else v < short_sleep_hours

    def stress(d: date) -> bool | None:
        v = checkin_value(d, "stress")
        return None if v is None else v >= STRESS_AT_LEAST

    def no_rest(d: date) -> bool | None:
        run = [d - timedelta(days=i) for i in range(TRAINING_DAYS_IN_A_ROW)]
        if run[-1] < first:
            return None
        return all(records[x].sessions for x in run)

    def make(key: str, label: str, phrase: str, test: Callable[[date], bool | None],
             unit: str = "day") -> _Factor:
        return _Factor(key, label, phrase, unit, {d: test(d) for d in period})

    # Translators: the phrases of the factors follow "after" ("Flares began more often 2
    # days after a night under 6 h of sleep"); German in the dative ("einer Nacht ...").
    hours = general(short_sleep_hours)
    factors = [
        make("load_high", _("High-load day"),
             _("a day with a load at least {percent} above its 28-day average").format(
                 percent=_pct(LOAD_HIGH_FRACTION)), load_high),
        make("load_week_jump", _("Load jump on the week before"),
             _("a day ending 7 days with over {percent} more load than the 7 days before")
             .format(percent=_pct(WEEK_JUMP_FRACTION)), week_jump),
        make("pain_during", _("Pain above {limit}/10 during a session").format(
                 limit=PAIN_DURING_ABOVE),
             _("a day with pain above {limit}/10 during a session").format(
                 limit=PAIN_DURING_ABOVE), pain_during),
        make("short_sleep", _("Sleep under {hours} h").format(hours=hours),
             _("a night under {hours} h of sleep").format(hours=hours), short_sleep,
             unit="night"),
        make("stress", _("Stress {level}/10 or more").format(level=STRESS_AT_LEAST),
             _("a day with stress at {level}/10 or more").format(level=STRESS_AT_LEAST),
             stress),
        make("no_rest_day", _("{n}rd training day in a row").format(n=TRAINING_DAYS_IN_A_ROW),
             _("the {n}rd (or later) day in a row with a session, without a rest day").format(
                 n=TRAINING_DAYS_IN_A_ROW), no_rest),
    ]

    kinds = sorted({k for d in period for k in minutes[d]})
    for kind in kinds:
        phrase = _kind_phrase(kind)

        def done(d: date, k: str = kind) -> bool:
            return k in minutes[d]

        def more(d: date, k: str = kind) -> bool | None:
            if k not in minutes[d]:
                return False
            seen = [minutes[x][k] for x in back(d, USUAL_DAYS) if k in minutes.get(x, {})]
            if len(seen) < USUAL_MIN_DAYS:
                return None
            return minutes[d][k] > (1 + LONGER_FRACTION) * statistics.median(seen) + 1e-9

        shown = activity_name(kind)  # "run" -> "course" / "Laufen"
        title = shown[:1].upper() + shown[1:]
        factors.append(make(f"kind:{kind}", title,
                            _("a day with {activity}").format(activity=phrase), done))
        factors.append(make(f"kind_more:{kind}",
                            _("{activity} longer than usual").format(activity=title),
                            _("a day with {activity} longer than usual (over {percent} above "
                              "its median of the 28 days before)").format(
                                activity=phrase, percent=_pct(LONGER_FRACTION)), more))

    skipped = set(skipped_days)
    if any(d in skipped for d in period):
        factors.append(make("skipped_exercises", _("Skipped programme exercises"),
                            _("a day with programme exercises skipped"),
                            lambda d: d in skipped))

    custom_event_kinds = tuple(custom_event_kinds)
    custom_keys = {_kind(" ".join(str(raw).split())) for raw in custom_event_kinds}
    event_kinds = sorted({e.kind for d in period for e in records[d].events}
                         - _EVENT_EXCLUDED)
    for kind in event_kinds:
        if _kind(kind) in custom_keys:
            continue  # the person's own factor of that name counts these days too
        label = event_label(kind)
        factors.append(make(f"event:{kind}", label, _marked(label),
                            lambda d, k=kind: any(e.kind == k for e in records[d].events)))

    seen_custom: set[str] = set()
    for raw in custom_event_kinds:
        label = " ".join(str(raw).split())
        key = _kind(label)
        if not key or key in seen_custom:
            continue
        seen_custom.add(key)
        # a label that is also a built-in kind ("Injection") counts both kinds of entry
        factors.append(make(
            f"custom:{key}", label, _marked(label),
            lambda d, k=key: any((e.kind == "custom" and _kind(e.label) == k)
                                 or _kind(e.kind) == k for e in records[d].events)))
    return factors


def _marked(label: str) -> str:
    """"a day marked “New shoes”" (current language)."""
    return _("a day marked \u201c{label}\u201d").format(label=label)


# ---- tables and the report -----------------------------------------------------------------

def _table(values: dict[date, bool | None], outcomes: dict[date, bool], lag: int,
           end: date) -> tuple[int, int, int, int]:
    a = b = c = d = 0
    step = timedelta(days=lag)
    for day, x in values.items():
        u = day + step
        if x is None or u > end or u not in outcomes:
            continue
        flare = outcomes[u]
        if x:
            a, b = a + flare, b + (not flare)
        else:
            c, d = c + flare, d + (not flare)
    return a, b, c, d


def _shortfall(t: tuple[int, int, int, int], min_days: int, min_flares: int
               ) -> list[tuple[str, int, int]]:
    """(what, have, needed) of each count under its minimum: "with", "without", "flares"."""
    a, b, c, d = t
    out = []
    if a + b < min_days:
        out.append(("with", a + b, min_days))
    if c + d < min_days:
        out.append(("without", c + d, min_days))
    if a + c < min_flares:
        out.append(("flares", a + c, min_flares))
    return out


def _reason(t: tuple[int, int, int, int], min_days: int, min_flares: int) -> str:
    if sum(t) == 0:
        return _("no day could be compared (not recorded, or no mornings rated against a "
                 "baseline)")
    parts = []
    for what, have, need in _shortfall(t, min_days, min_flares):
        if what == "flares":
            text = (_("no flare began where it could be compared ({need} needed)") if have == 0
                    else ngettext("only {n} flare began where it could be compared ({need} "
                                  "needed)",
                                  "only {n} flares began where it could be compared ({need} "
                                  "needed)", have))
        elif what == "with":
            text = (_("no day with it ({need} needed)") if have == 0
                    else ngettext("only {n} day with it ({need} needed)",
                                  "only {n} days with it ({need} needed)", have))
        else:
            text = (_("no day without it ({need} needed)") if have == 0
                    else ngettext("only {n} day without it ({need} needed)",
                                  "only {n} days without it ({need} needed)", have))
        parts.append(text.format(n=have, need=need))
    return semicolon().join(parts)


def _days_to_test(t: tuple[int, int, int, int], compared_span: int, min_days: int,
                  min_flares: int) -> float:
    """Further days before the table ``t`` reaches its minimums at its present rates."""
    a, b, c, d = t
    have = {"with": a + b, "without": c + d, "flares": a + c}
    need = 0.0
    for what, count, needed in _shortfall(t, min_days, min_flares):
        rate = have[what] / compared_span if compared_span > 0 else 0.0
        if rate <= 0:
            return math.inf
        need = max(need, math.ceil((needed - count) / rate))
    return need


def _text(f: _Factor, lag: int, t: tuple[int, int, int, int]) -> str:
    a, b, c, d = t
    if f.unit == "night":
        text = ngettext("Flares began more often {lag} day after {factor}: after {a} of "
                        "{with_factor} such nights, against {c} of {without} other nights.",
                        "Flares began more often {lag} days after {factor}: after {a} of "
                        "{with_factor} such nights, against {c} of {without} other nights.",
                        lag)
    else:
        text = ngettext("Flares began more often {lag} day after {factor}: after {a} of "
                        "{with_factor} such days, against {c} of {without} other days.",
                        "Flares began more often {lag} days after {factor}: after {a} of "
                        "{with_factor} such days, against {c} of {without} other days.", lag)
    return text.format(lag=lag, factor=f.phrase, a=a, with_factor=a + b, c=c, without=c + d)


def _headline(f: _Factor, lag: int) -> str:
    """The finding's first clause as it continues the summary's sentence."""
    return ngettext("flares began more often {lag} day after {factor}",
                    "flares began more often {lag} days after {factor}", lag).format(
        lag=lag, factor=f.phrase)


def find_patterns(journal: Journal, start: date, end: date, *, rise: int = RISE,
                  q: float = Q, short_sleep_hours: float = SHORT_SLEEP_HOURS,
                  custom_event_kinds: Iterable[str] = (),
                  skipped_days: Collection[date] = frozenset(),
                  min_factor_days: int = MIN_FACTOR_DAYS,
                  min_flares: int = MIN_FLARES,
                  th: Thresholds = DEFAULT_THRESHOLDS) -> PatternReport:
    """Test what came 1, 2 and 3 days before the flares of ``start``..``end``.

    Args:
        journal: the period and the ``LOOKBACK_DAYS`` (35) days before it when they exist
            (the 28-day load mean, the baselines, an episode running into the period).
        rise: points above the baseline that make a morning a flare day.
        q: the false-discovery rate (Benjamini-Hochberg) a finding must pass.
        short_sleep_hours: sleep under this is a short night.
        custom_event_kinds: labels of custom events the person made factors.
        skipped_days: days with programme exercises skipped.
        min_factor_days: days with and days without a factor a table needs.
        min_flares: episode starts a table needs.
        th: the light's thresholds (the baseline's days).

    A finding must pass both tests: its adjusted p at most ``q`` and its risk ratio's 95 %
    interval above 1 (with very small counts the two can disagree; then nothing is said).
    An episode already running on the first day the journal is read from has no known
    start and is not counted as one.

    Raises:
        ValueError: ``start`` is after ``end``.
    """
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    first = min(journal.days, default=start)
    status_from = max(min(first, start), start - timedelta(days=LOOKBACK_DAYS))
    statuses = flare_statuses(journal, status_from, end, rise, th)
    all_episodes = episodes_of(statuses, journal)
    if all_episodes and all_episodes[0].start == status_from and status_from > first:
        # it began before the days read: its start is unknown, so it is no start
        head = all_episodes[0]
        for d in _days(head.start, head.end):
            statuses[d] = None
        all_episodes = all_episodes[1:]
    episodes = [e for e in all_episodes if e.end >= start]
    outcomes = {d: v for d, v in _outcomes(statuses, all_episodes).items() if d >= start}

    factors = _factors(journal, start, end, short_sleep_hours, custom_event_kinds,
                       skipped_days)
    rated_days = max(1, sum(1 for d in _days(start, end)
                            if journal.get(d).morning_pain is not None))
    tested: list[tuple[_Factor, int, tuple[int, int, int, int], float]] = []
    untested: list[Untested] = []
    waits: list[float] = []
    for f in factors:
        failed: list[tuple[int, tuple[int, int, int, int]]] = []
        for lag in LAGS:
            t = _table(f.values, outcomes, lag, end)
            if _shortfall(t, min_factor_days, min_flares):
                failed.append((lag, t))
            else:
                tested.append((f, lag, t, fisher_one_sided(*t)))
        if not failed:
            continue
        # the rates behind "about N more days" are per day with an entry, not per calendar
        # day: a period reaching before the journal or into the future adds no data
        span = rated_days
        best = min(failed, key=lambda x: _days_to_test(x[1], span - x[0], min_factor_days,
                                                       min_flares))
        waits.append(_days_to_test(best[1], span - best[0], min_factor_days, min_flares))
        reason = _reason(best[1], min_factor_days, min_flares)
        lag_text = ""
        if len(failed) < len(LAGS):
            lags = join_list([str(lag) for lag, _t in failed])
            count = failed[0][0] if len(failed) == 1 else len(failed)
            lag_text = ngettext("at {lags} day before a flare", "at {lags} days before a flare",
                                count).format(lags=lags)
            reason = _("{lags}: {reason}").format(lags=lag_text, reason=reason)
        untested.append(Untested(f.key, f.label, reason, lag_text))

    adjusted = benjamini_hochberg([p for *_x, p in tested])
    findings = []
    for (f, lag, t, p), p_adj in zip(tested, adjusted, strict=True):
        rr, lo, hi = risk_ratio(*t)
        if p_adj <= q + 1e-12 and lo > 1:
            findings.append(Finding(f.key, f.label, lag, *t, risk_ratio=rr, ci_low=lo,
                                    ci_high=hi, p=p, p_adjusted=p_adj,
                                    text=_text(f, lag, t), headline=_headline(f, lag)))
    findings.sort(key=lambda x: (x.p_adjusted, x.p, x.factor, x.lag))
    finite = [w for w in waits if math.isfinite(w)]
    return PatternReport(
        start=start, end=end, episodes=tuple(episodes), comparisons=len(tested),
        findings=tuple(findings), untested=tuple(untested), q=q, rise=rise,
        short_sleep_hours=short_sleep_hours,
        more_days_needed=int(min(finite)) if finite else None,
        factor_days={f.key: tuple(d for d, v in f.values.items() if v) for f in factors},
        labels={f.key: f.label for f in factors},
        possible_starts=frozenset(outcomes),
        rated_days=sum(1 for d in _days(start, end) if journal.get(d).morning_pain is not None),
    )
