"""The pain-monitoring traffic light and the advice it gives (domain.md sections 2 and 6).

This module is the only place that judges a day and a week. Today, the Journal's colours,
the Progress strip, the Programme's advice and the clinician PDF all call it, so the same
journal gets the same words everywhere.

Based on the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007;35:897):
pain up to 5/10 during and after activity is acceptable, it must have settled by the next
morning, and pain and stiffness must not rise week on week. The exact thresholds are a
design choice, so they live in ``Thresholds`` (settings ``thresholds.<field>`` in
``services/settings.py``) and the user can change them.

Definitions:
    * A **morning** is the check-in's morning pain (0-10). The **next-morning rating** of
      a session is the next day's morning pain at the session's pain site (the main site:
      ``morning_pain``; another site: that site's morning pain). There is one number for
      both questions (common13 design decision; ``DayRecord.morning_pain_at``).
    * The **baseline** of a morning is the median morning pain of the
      ``baseline_days`` (7) days before it, when at least ``baseline_min_ratings`` (3) of
      them are rated; otherwise there is no baseline, no baseline comparison is made, and
      the reason says so. Morning **stiffness** (minutes) has its own baseline, the median
      of the same days under the same rule.
    * The **weekly trend** compares mean morning pain of the 7 days ending the day with
      the 7 days before (``weekly_trend``). The trend and a day without sessions use the
      main site's morning pain; a session's next morning and its baseline use the
      session's site.

Rules of ``day_light`` (the response to one day), in order:
    1. A red flag that day: red, ``red_flag=True`` and ``flag_tier`` (overrides all); the
       advice is the tier's (``scales.FLAG_TIERS``: "See a clinician now" or "Book an
       assessment").
    2. A day with sessions (the response to its load):
       * red when the peak session pain (worst "during" or "after") is above
         ``acceptable_pain``; or the next morning's pain is more than
         ``morning_rise_tolerance`` points above its baseline (without a baseline: above
         ``acceptable_pain``); or the next morning's stiffness is more than
         ``stiffness_rise_min`` minutes above its baseline; or the weekly trend is rising.
         Advice: back off the load next session (not to zero).
       * amber when the peak is above ``green_peak_max``, or (without a baseline) the
         next morning is above ``green_peak_max``. Advice: hold the load.
       * waiting (``colour`` None, ``waiting`` True) when nothing above applies and the
         next morning is not rated yet: no green without a next-morning rating.
       * green otherwise (peak at most ``green_peak_max`` and the next morning back at its
         baseline).
    3. A day without sessions is judged by its own morning, and its advice is about the
       morning (never "back off the load next session"): red when the weekly trend is
       rising or (without a baseline) morning pain is above ``acceptable_pain``; amber
       when morning pain is above its baseline by more than the tolerance (without a
       baseline: above ``green_peak_max``) or stiffness rose by more than
       ``stiffness_rise_min``; green when the morning pain is at its usual level. Without
       a baseline the reason and advice say what was judged (the rating against the
       absolute band, and that there is no baseline yet), never "your usual" or "getting
       worse".
    4. No light (``colour`` None) when there is nothing to judge.

A green day says "keep going at this level"; "progress one step" only after a **full green
week** (``week_ready_to_progress``). The 7 days ending the day are a full green week when:
    * the journal covers them: its first entry is on or before the week's first day (days
      before the first entry are no data, so a journal started mid-week has no full green
      week yet);
    * none of the 7 days has a red flag;
    * every day that has a light is green (days with nothing to judge neither count nor
      block), and none is waiting for its next-morning rating;
    * at least 2 of the green days had sessions.

Progression is also never advised while a reason to book an assessment stands
(``redflags.escalations``: no improvement, worse despite reduced load, a recorded
"book an assessment" flag): ``hold_for_escalations`` turns such a "progress" into a hold
whose reason says why ("book an assessment before progressing"). ``today_light``,
``day_light`` and ``week_verdict`` take the escalations for this, and
``redflags.advice`` computes them and the verdict together, so every view gives the same
advice.

``week_verdict`` is the advice of "now" (what Today shows) as progress / hold / back off,
used by the Programme's advice and the PDF; ``today_light`` is the same judgement as a
``Light``.

Words: a ``Light``'s advice and reason are made in the current language
(``rehabjournal.i18n``) when it is judged; the module's text constants (``ADVICE_*``,
``WAITING_LABEL``, ``PROGRESS_RULE``) are English, marked ``N_``: show them with ``_()``.
``HEADINGS`` and the ``LEGEND`` items give their words in the current language when read.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final, Literal

from rehabjournal.domain.entities import DayRecord, Journal, Session
from rehabjournal.domain.scales import (
    ASSESSMENT,
    FLAG_TIERS,
    URGENT,
    TranslatedMap,
    activity_name,
    red_flag_label,
    worst_tier,
)
from rehabjournal.i18n import N_, _, format_date, format_number, ngettext, semicolon

if TYPE_CHECKING:  # redflags imports this module
    from rehabjournal.domain.redflags import Escalation

GREEN: Final = "green"
AMBER: Final = "amber"
RED: Final = "red"
COLOURS: Final = (GREEN, AMBER, RED)
WAITING: Final = "waiting"
"""The status of a day with sessions whose next morning is not rated yet (no colour)."""
STATUSES: Final = (GREEN, AMBER, RED, WAITING)

PROGRESS: Final = "progress"
HOLD: Final = "hold"
BACK_OFF: Final = "back_off"
KINDS: Final = (PROGRESS, HOLD, BACK_OFF)
"""What the advice asks for: the kinds of ``Light.kind`` and ``Verdict.kind``."""

ADVICE_GREEN: Final = N_("Progress one step next session.")
ADVICE_GREEN_HOLD: Final = N_(
    "Keep going at this level; progress one step after a full green week.")
ADVICE_AMBER: Final = N_("Hold the load: repeat this level next session.")
ADVICE_RED: Final = (
    N_("Back off the load next session (not to zero), or take 24-48 h of relative rest.")
)
ADVICE_WAITING: Final = (
    N_("Rate the next morning's pain to complete the light; keep to this level until then.")
)
ADVICE_MORNING_AMBER: Final = (
    N_("Your morning is above your usual: keep to this level and see how the next morning is.")
)
ADVICE_MORNING_RED: Final = (
    N_("Your mornings are getting worse: take 24-48 h of relative rest (easy movement, no "
       "hard training), then resume a step lower.")
)
ADVICE_MORNING_AMBER_NO_BASELINE: Final = (
    N_("Your morning pain is above the green range: keep to this level and see how the next "
       "morning is.")
)
ADVICE_MORNING_RED_NO_BASELINE: Final = (
    N_("Your morning pain is high: take 24-48 h of relative rest (easy movement, no hard "
       "training), then resume a step lower.")
)
ADVICE_ESCALATION_HOLD: Final = (
    N_("Keep going at this level; book an assessment before progressing.")
)
"""A full green week while a reason to book an assessment stands (``hold_for_escalations``)."""

WAITING_LABEL: Final = N_("waiting for the next morning's rating")
"""How every view names the waiting state of a day (legends, tooltips, the Journal)."""

HEADINGS: Final = TranslatedMap({
    GREEN: N_("Green"),
    AMBER: N_("Amber"),
    RED: N_("Red"),
    WAITING: N_("Waiting"),
    None: N_("No light yet"),
})
"""The word that starts the advice line of each status ("Green: keep going ..."), read in
the current language."""


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One entry of the light legend every view shows.

    Attributes:
        key: a status (``GREEN`` ... ``WAITING``) or a red-flag tier (``scales.URGENT``,
            ``scales.ASSESSMENT``).
        symbol: the mark drawn on such a day ("" for none; "!" and "?" for the tiers).
        short_msg: a short label for a compact legend ("red: back off"), in English;
            ``short`` in the current language.
        text_msg: the full legend line in English; ``text`` in the current language.
    """

    key: str
    symbol: str
    short_msg: str
    text_msg: str

    @property
    def short(self) -> str:
        """The short label in the current language."""
        return _(self.short_msg)

    @property
    def text(self) -> str:
        """The full legend line in the current language."""
        return _(self.text_msg)


PROGRESS_RULE: Final = N_("progress one step only after a full green week")
"""The rule every legend states (the green entry of ``LEGEND``, the strip's title)."""

LEGEND: Final = (
    LegendItem(GREEN, "", N_("green: keep going"),
               N_("Green: within limits - keep going at this level; progress one step only "
                  "after a full green week.")),
    LegendItem(AMBER, "", N_("amber: hold"),
               N_("Amber: at the edge - hold the load.")),
    LegendItem(RED, "", N_("red: back off"),
               N_("Red: too much - back off the load (not to zero).")),
    LegendItem(WAITING, "", N_("waiting"),
               N_("Grey, hatched: waiting for the next morning's rating.")),
    LegendItem(URGENT, FLAG_TIERS[URGENT].symbol, N_("see a clinician now"),
               N_("! Red flag: see a clinician now.")),
    LegendItem(ASSESSMENT, FLAG_TIERS[ASSESSMENT].symbol, N_("book an assessment"),
               N_("? Red flag: book an assessment.")),
)
"""The light legend, in the order views list it (Journal, strip, PDF)."""

TREND_DAYS: Final = 7

Trend = Literal["rising", "flat", "falling"]

_EPS: Final = 1e-9


@dataclass(frozen=True, slots=True)
class Thresholds:
    """User-configurable thresholds of the traffic light and the assessment rules.

    Each field is a setting ``thresholds.<field>`` (``services/settings.py``).

    Attributes:
        acceptable_pain: session pain (during/after) above this (0-10) is red.
        green_peak_max: session pain up to this (0-10) is green (the user may set 3).
        morning_rise_tolerance: NPRS points a morning may be above its baseline.
        baseline_days: days before a morning whose median morning pain is its baseline.
        baseline_min_ratings: morning ratings those days need before there is a baseline
            (fewer: no baseline comparison is made).
        stiffness_rise_min: minutes a morning's stiffness may be above its own baseline;
            more counts like a pain rise.
        trend_rise: rise of the weekly mean morning pain (points) that counts as rising.
        improvement_points: NPRS points that count as a clinically important change.
        improvement_fraction: fraction (0.30 = 30 %) that counts as important, only where
            the first value is at least ``redflags.FRACTION_MIN_FIRST`` (4/10).
        assessment_weeks: weeks without improvement before suggesting an assessment.
        trend_min_days: morning ratings each week needs before a trend is given.
        escalation_load_drop: fraction (0.10 = 10 %) weekly load must have fallen by for
            "worse despite reduced load".
    """

    acceptable_pain: int = 5
    green_peak_max: int = 2
    morning_rise_tolerance: int = 1
    baseline_days: int = 7
    trend_rise: float = 1.0
    improvement_points: int = 2
    improvement_fraction: float = 0.30
    assessment_weeks: int = 6
    trend_min_days: int = 3
    baseline_min_ratings: int = 3
    stiffness_rise_min: int = 15
    escalation_load_drop: float = 0.10

    def __post_init__(self) -> None:
        if not 0 <= self.green_peak_max < self.acceptable_pain <= 10:
            raise ValueError("Need 0 <= green_peak_max < acceptable_pain <= 10.")
        if self.morning_rise_tolerance < 0 or self.trend_rise <= 0:
            raise ValueError("Tolerances must be positive.")
        if self.baseline_days < 1 or self.assessment_weeks < 1:
            raise ValueError("baseline_days and assessment_weeks must be at least 1.")
        if not 1 <= self.baseline_min_ratings <= self.baseline_days:
            raise ValueError("baseline_min_ratings must be 1 to baseline_days.")
        if not 1 <= self.trend_min_days <= TREND_DAYS:
            raise ValueError("trend_min_days must be 1-7.")
        if self.improvement_points <= 0 or not 0 < self.improvement_fraction <= 1:
            raise ValueError("Improvement thresholds must be positive.")
        if self.stiffness_rise_min < 0:
            raise ValueError("stiffness_rise_min must not be negative.")
        if not 0 < self.escalation_load_drop < 1:
            raise ValueError("escalation_load_drop must be between 0 and 1.")


DEFAULT_THRESHOLDS: Final = Thresholds()


@dataclass(frozen=True, slots=True)
class Light:
    """A traffic-light judgement.

    Attributes:
        colour: "green", "amber", "red", or None (nothing to judge, or waiting).
        advice: one plain sentence: what to do next.
        reason: why, in plain and specific words.
        red_flag: True when a red flag decided the light.
        day: the day whose load (or morning) the light judges, or None.
        waiting: True when the day had sessions and waits for its next-morning rating.
        flag_tier: ``scales.URGENT`` or ``scales.ASSESSMENT`` when a red flag decided it.
        kind: what the advice asks for: ``PROGRESS``, ``HOLD``, ``BACK_OFF``; None when
            there is nothing to judge.
    """

    colour: str | None
    advice: str = ""
    reason: str = ""
    red_flag: bool = False
    day: date | None = None
    waiting: bool = False
    flag_tier: str | None = None
    kind: str | None = None

    @property
    def status(self) -> str | None:
        """"green", "amber", "red", "waiting", or None when there is nothing to judge."""
        return WAITING if self.waiting and self.colour is None else self.colour

    @property
    def mark(self) -> str | None:
        """The mark a view draws on the day: the red-flag tier, ``WAITING``, or None."""
        if self.flag_tier:
            return self.flag_tier
        return WAITING if self.status == WAITING else None

    @property
    def heading(self) -> str:
        """"Green", "Amber", "Red", "Waiting", "No light yet", or the red-flag tier's
        heading ("See a clinician now", "Book an assessment"), in the current language."""
        if self.flag_tier:
            return FLAG_TIERS[self.flag_tier].heading
        return HEADINGS[self.status]

    @property
    def text(self) -> str:
        """The advice line every view shows: "Green: Keep going at this level; ..."."""
        if not self.advice:
            return f"{self.heading}."
        return _("{heading}: {advice}").format(heading=self.heading, advice=self.advice)


NOTHING_TO_JUDGE: Final = N_("Nothing recorded to judge yet.")
NO_LIGHT: Final = Light(None, "", NOTHING_TO_JUDGE)
"""No light (its reason in English; the calculations return ``no_light()``)."""


def no_light() -> Light:
    """``NO_LIGHT`` with its reason in the current language."""
    return Light(None, "", _(NOTHING_TO_JUDGE))


@dataclass(frozen=True, slots=True)
class Verdict:
    """The advice for now, as Today, the Programme's advice and the PDF give it.

    Attributes:
        kind: ``PROGRESS``, ``HOLD`` or ``BACK_OFF``; None when there is nothing to judge.
        heading: "Green", "Amber", "Red", "Waiting", "No light yet", or the red-flag
            tier's heading.
        advice: the sentence of advice (``Light.advice``).
        reason: why (``Light.reason``).
        text: "heading: advice" (``Light.text``), the line every view shows.
        day: the day the light judged (yesterday's load, a morning ...), or None.
        as_of: the day the verdict was asked for.
        ready: True after a full green week ending ``day`` (``PROGRESS`` only then, and
            only while ``escalations`` is empty).
        light: the light it comes from.
        escalations: the reasons to book an assessment the verdict was given with
            (``redflags.Escalation``); with one, a full green week is a hold.
    """

    kind: str | None
    heading: str
    advice: str
    reason: str
    text: str
    day: date | None
    as_of: date
    ready: bool
    light: Light
    escalations: tuple[Escalation, ...] = ()


# --- small helpers ------------------------------------------------------------------------


def fmt_day(day: date) -> str:
    """Format a date as "3 Mar" in the current language ("3 mars", "3. März")."""
    return format_date(day, "day_month")


def _fmt(value: float) -> str:
    """Format a pain value: 2 -> "2", 2.5 -> "2.5" ("2,5" in French), 2.25 -> "2.2"."""
    return format_number(value, 1)


def _points_n(value: float) -> int:
    """The number ``ngettext`` chooses the form of "{points} point(s)" by: 1 for "1"."""
    return 1 if _fmt(value) == "1" else 2


def _days_back(day: date, n: int) -> Iterable[date]:
    """The ``n`` days ending with ``day`` (inclusive), oldest first."""
    return (day - timedelta(days=i) for i in range(n - 1, -1, -1))


def _morning_at(record: DayRecord, site: str = "") -> int | None:
    """The morning pain of ``record`` at pain site ``site`` ("" = the main site)."""
    return record.morning_pain_at(site)


def _stiffness(record: DayRecord) -> int | None:
    return record.checkin.stiffness_min if record.checkin else None


def _morning_values(journal: Journal, days: Iterable[date], site: str = "") -> list[int]:
    return [v for d in days if (v := _morning_at(journal.get(d), site)) is not None]


def _activity(session: Session) -> str:
    """The session's activity as the person named it ("run"), or "session"."""
    return activity_name(session.kind.strip()) or _("session")


def _worst_session_rating(record: DayRecord) -> tuple[int, str, Session] | None:
    """The worst during/after rating of the day: (value, "during"|"after", session)."""
    best: tuple[int, str, Session] | None = None
    for s in record.sessions:
        for when, value in (("during", s.pain_during), ("after", s.pain_after)):
            if value is not None and (best is None or value > best[0]):
                best = (value, when, s)
    return best


def _no_baseline(journal: Journal, day: date, th: Thresholds, site: str = "") -> str:
    n = len(_morning_values(journal, _days_back(day - timedelta(days=1), th.baseline_days),
                            site))
    return ngettext("no baseline yet ({needed} morning ratings needed in the {days} days "
                    "before; there is {n})",
                    "no baseline yet ({needed} morning ratings needed in the {days} days "
                    "before; there are {n})", n).format(
        needed=th.baseline_min_ratings, days=th.baseline_days, n=n)


# --- public calculations -----------------------------------------------------------------


def baseline(journal: Journal, day: date, th: Thresholds = DEFAULT_THRESHOLDS,
             site: str = "") -> float | None:
    """The usual morning pain before the morning of ``day``.

    Args:
        journal: the journal (it must hold the ``th.baseline_days`` days before ``day``).
        day: the morning being judged; its own rating is not part of its baseline.
        th: ``baseline_days`` (7) and ``baseline_min_ratings`` (3).
        site: the pain site ("" = the main site).

    Returns:
        The median (0-10) of the morning ratings of the ``th.baseline_days`` days before
        ``day``, or None when fewer than ``th.baseline_min_ratings`` of them are rated.
    """
    values = _morning_values(journal, _days_back(day - timedelta(days=1), th.baseline_days),
                             site)
    if len(values) < th.baseline_min_ratings:
        return None
    return float(statistics.median(values))


def stiffness_baseline(journal: Journal, day: date,
                       th: Thresholds = DEFAULT_THRESHOLDS) -> float | None:
    """The usual morning stiffness (minutes) before the morning of ``day``.

    The median of the stiffness ratings of the ``th.baseline_days`` days before ``day``,
    or None when fewer than ``th.baseline_min_ratings`` of them are rated (the same rule as
    ``baseline``).
    """
    values = [v for d in _days_back(day - timedelta(days=1), th.baseline_days)
              if (v := _stiffness(journal.get(d))) is not None]
    if len(values) < th.baseline_min_ratings:
        return None
    return float(statistics.median(values))


def next_morning(journal: Journal, day: date, site: str | None = None) -> int | None:
    """The next-morning rating after ``day``: the next day's morning pain (0-10).

    Args:
        site: the pain site ("" = the main site). None: the worst next-morning rating over
            the sites of ``day``'s sessions (the main site for a day without sessions).

    Returns:
        The rating, or None when it is not rated (yet).
    """
    after = journal.get(day + timedelta(days=1))
    if site is not None:
        return _morning_at(after, site)
    sites = dict.fromkeys(s.site for s in journal.get(day).sessions) or {"": None}
    known = [v for s in sites if (v := _morning_at(after, s)) is not None]
    return max(known) if known else None


def weekly_trend(journal: Journal, day: date, th: Thresholds = DEFAULT_THRESHOLDS) -> Trend | None:
    """Compare mean morning pain of the 7 days ending ``day`` with the 7 days before.

    Returns:
        "rising" when the mean rose by at least ``th.trend_rise`` points, "falling" when it
        fell by at least that much, "flat" otherwise; None when either week has fewer than
        ``th.trend_min_days`` morning ratings.
    """
    this_week = _morning_values(journal, _days_back(day, TREND_DAYS))
    last_week = _morning_values(journal, _days_back(day - timedelta(days=TREND_DAYS), TREND_DAYS))
    if len(this_week) < th.trend_min_days or len(last_week) < th.trend_min_days:
        return None
    diff = statistics.fmean(this_week) - statistics.fmean(last_week)
    if diff >= th.trend_rise - _EPS:
        return "rising"
    if diff <= -th.trend_rise + _EPS:
        return "falling"
    return "flat"


def red_flag_light(record: DayRecord) -> Light:
    """The light of a day with red flags: red, decided by its most urgent tier.

    Raises:
        ValueError: the day has no red flag.
    """
    if not record.red_flags:
        raise ValueError(f"{record.day} has no red flag")
    tier = worst_tier(f.code for f in record.red_flags) or ASSESSMENT
    labels = semicolon().join(red_flag_label(f.code) for f in record.red_flags)
    return Light(
        RED,
        FLAG_TIERS[tier].advice,
        _("Red flag recorded on {day}: {flags}.").format(day=fmt_day(record.day), flags=labels),
        red_flag=True,
        day=record.day,
        flag_tier=tier,
        kind=BACK_OFF,
    )


def _stiffness_rise(journal: Journal, day: date, th: Thresholds) -> tuple[int, float] | None:
    """(stiffness, baseline) of the morning of ``day`` when it rose by more than allowed."""
    value = _stiffness(journal.get(day))
    base = stiffness_baseline(journal, day, th)
    if value is None or base is None or value <= base + th.stiffness_rise_min + _EPS:
        return None
    return value, base


def _session_day(journal: Journal, record: DayRecord, th: Thresholds) -> Light:
    """Rule 2: the response to a day's load."""
    day = record.day
    when = fmt_day(day)
    nd = day + timedelta(days=1)
    worst = _worst_session_rating(record)
    trend = weekly_trend(journal, day, th)

    red: list[str] = []
    amber: list[str] = []
    unrated: list[str] = []
    if worst is not None and worst[0] > th.acceptable_pain:
        value, phase, session = worst
        text = (_("Pain during your {activity} on {day} was {value}/10, above {limit}/10.")
                if phase == "during" else
                _("Pain after your {activity} on {day} was {value}/10, above {limit}/10."))
        red.append(text.format(activity=_activity(session), day=when, value=value,
                               limit=th.acceptable_pain))
    sites = list(dict.fromkeys(s.site for s in record.sessions))
    after = journal.get(nd)
    for site in sites:
        named = bool(site) and len(sites) > 1
        nxt = _morning_at(after, site)
        if nxt is None:
            unrated.append(site)
            continue
        base = baseline(journal, nd, th, site)
        if base is not None:
            if nxt > base + th.morning_rise_tolerance + _EPS:
                n = _points_n(nxt - base)
                text = (ngettext("Next-morning pain at the {site} {value}/10 was {points} point "
                                 "above your usual {usual}/10.",
                                 "Next-morning pain at the {site} {value}/10 was {points} "
                                 "points above your usual {usual}/10.", n)
                        if named else
                        ngettext("Next-morning pain {value}/10 was {points} point above your "
                                 "usual {usual}/10.",
                                 "Next-morning pain {value}/10 was {points} points above your "
                                 "usual {usual}/10.", n))
                red.append(text.format(site=site, value=nxt, points=_fmt(nxt - base),
                                       usual=_fmt(base)))
            continue
        nob = _no_baseline(journal, nd, th, site)
        text = (_("Next-morning pain at the {site} {value}/10 is above {limit}/10; "
                  "{no_baseline}.")
                if named else
                _("Next-morning pain {value}/10 is above {limit}/10; {no_baseline}."))
        if nxt > th.acceptable_pain:
            red.append(text.format(site=site, value=nxt, limit=th.acceptable_pain,
                                   no_baseline=nob))
        elif nxt > th.green_peak_max:
            amber.append(text.format(site=site, value=nxt, limit=th.green_peak_max,
                                     no_baseline=nob))
    rise = _stiffness_rise(journal, nd, th)
    if rise is not None:
        value, base = rise
        red.append(_("Next-morning stiffness {value} min was {more} min above your usual "
                     "{usual} min.").format(value=value, more=_fmt(value - base),
                                            usual=_fmt(base)))
    if trend == "rising":
        red.append(_("Morning pain has risen week on week."))
    if red:
        return Light(RED, _(ADVICE_RED), " ".join(red), day=day, kind=BACK_OFF)

    if worst is not None:
        value, phase, session = worst
        what = (_("Pain during your {activity} on {day} peaked at {value}/10")
                if phase == "during" else
                _("Pain after your {activity} on {day} peaked at {value}/10")).format(
            activity=_activity(session), day=when, value=value)
    else:
        what = _("Session pain on {day} was not rated").format(day=when)
    if worst is not None and worst[0] > th.green_peak_max:
        amber.insert(0, _("{what}: acceptable, but above {limit}/10.").format(
            what=what, limit=th.green_peak_max))
    if amber:
        note = " " + _("Next-morning pain not rated yet.") if unrated else ""
        return Light(AMBER, _(ADVICE_AMBER), " ".join(amber) + note, day=day, kind=HOLD)
    if unrated:
        return Light(None, _(ADVICE_WAITING),
                     _("{what}; waiting for the next morning's rating (the morning of "
                       "{day}).").format(what=what, day=fmt_day(nd)),
                     day=day, waiting=True, kind=HOLD)
    notes = []
    for site in sites:
        if baseline(journal, nd, th, site) is None:
            named = bool(site) and len(sites) > 1
            text = (_("Next-morning pain at the {site} {value}/10 is within {limit}/10; "
                      "{no_baseline}, so it is judged on its own.")
                    if named else
                    _("Next-morning pain {value}/10 is within {limit}/10; {no_baseline}, so "
                      "it is judged on its own."))
            notes.append(" " + text.format(site=site, value=_morning_at(after, site),
                                           limit=th.green_peak_max,
                                           no_baseline=_no_baseline(journal, nd, th, site)))
    if notes:
        reason = f"{what}." + "".join(notes)
    else:
        reason = _("{what} and had settled by the next morning.").format(what=what)
    return Light(GREEN, _(ADVICE_GREEN_HOLD), reason, day=day, kind=HOLD)


def _rest_day(journal: Journal, record: DayRecord, th: Thresholds) -> Light:
    """Rule 3: a day without sessions, judged by its own morning."""
    day = record.day
    when = fmt_day(day)
    morning = record.morning_pain
    rise = _stiffness_rise(journal, day, th)
    if morning is None and rise is None:
        return no_light()
    red: list[str] = []
    amber: list[str] = []
    ok = ""
    rising = False
    # an amber morning compared with a baseline (pain or stiffness) speaks of "your usual"
    compared = rise is not None
    if morning is not None:
        if weekly_trend(journal, day, th) == "rising":
            rising = True
            red.append(_("Morning pain has risen week on week."))
        base = baseline(journal, day, th)
        if base is not None:
            compared = True
            if morning > base + th.morning_rise_tolerance + _EPS:
                amber.append(ngettext(
                    "Morning pain {value}/10 on {day} was {points} point above your usual "
                    "{usual}/10.",
                    "Morning pain {value}/10 on {day} was {points} points above your usual "
                    "{usual}/10.", _points_n(morning - base)).format(
                    value=morning, day=when, points=_fmt(morning - base), usual=_fmt(base)))
            else:
                ok = _("Morning pain {value}/10 on {day} was at your usual level "
                       "({usual}/10).").format(value=morning, day=when, usual=_fmt(base))
        else:
            nob = _no_baseline(journal, day, th)
            above = _("Morning pain {value}/10 on {day} is above {limit}/10; {no_baseline}.")
            if morning > th.acceptable_pain:
                red.append(above.format(value=morning, day=when, limit=th.acceptable_pain,
                                        no_baseline=nob))
            elif morning > th.green_peak_max:
                amber.append(above.format(value=morning, day=when, limit=th.green_peak_max,
                                          no_baseline=nob))
            else:
                ok = _("Morning pain {value}/10 on {day} is within {limit}/10; "
                       "{no_baseline}.").format(value=morning, day=when,
                                                limit=th.green_peak_max, no_baseline=nob)
    if rise is not None:
        value, base = rise
        amber.append(_("Morning stiffness {value} min on {day} was {more} min above your "
                       "usual {usual} min.").format(value=value, day=when,
                                                    more=_fmt(value - base), usual=_fmt(base)))
    if red:
        advice = ADVICE_MORNING_RED if rising else ADVICE_MORNING_RED_NO_BASELINE
        return Light(RED, _(advice), " ".join(red + amber), day=day, kind=BACK_OFF)
    if amber:
        advice = ADVICE_MORNING_AMBER if compared else ADVICE_MORNING_AMBER_NO_BASELINE
        return Light(AMBER, _(advice), " ".join(amber), day=day, kind=HOLD)
    return Light(GREEN, _(ADVICE_GREEN_HOLD), ok, day=day, kind=HOLD)


def raw_day_light(journal: Journal, day: date, th: Thresholds = DEFAULT_THRESHOLDS) -> Light:
    """The light of ``day`` by rules 1-4, before the full-green-week check.

    A green day here always says "keep going at this level" (``ADVICE_GREEN_HOLD``);
    ``day_light`` turns it into "progress one step" after a full green week.
    """
    record = journal.get(day)
    if record.red_flags:
        return red_flag_light(record)
    if record.sessions:
        return _session_day(journal, record, th)
    return _rest_day(journal, record, th)


class _Lights:
    """Raw lights of a journal, each day judged once (``day_lights`` over long periods)."""

    def __init__(self, journal: Journal, th: Thresholds):
        self.journal, self.th = journal, th
        self.cache: dict[date, Light] = {}
        self.first: date | None = min(journal.days) if journal.days else None

    def raw(self, day: date) -> Light:
        light = self.cache.get(day)
        if light is None:
            light = self.cache[day] = raw_day_light(self.journal, day, self.th)
        return light

    def ready(self, day: date) -> bool:
        """The full-green-week rule (module docstring) for the 7 days ending ``day``."""
        week_start = day - timedelta(days=TREND_DAYS - 1)
        if self.first is None or self.first > week_start:
            return False  # the journal does not cover the whole week
        session_days = 0
        for d in _days_back(day, TREND_DAYS):
            record = self.journal.get(d)
            if record.red_flags:
                return False
            light = self.raw(d)
            if light.waiting:
                return False
            if light.colour is None:
                continue
            if light.colour != GREEN:
                return False
            if record.sessions:
                session_days += 1
        return session_days >= 2

    def day(self, day: date) -> Light:
        light = self.raw(day)
        if light.colour == GREEN and self.ready(day):
            return replace(light, advice=_(ADVICE_GREEN), kind=PROGRESS)
        return light


def hold_for_escalations(light: Light, escalations: Sequence[Escalation] = ()) -> Light:
    """``light``, held when it advises progression while an assessment is advised.

    domain.md section 6: pain not improving, or worse despite reduced load, is a reason to
    book an assessment; progressing the load before it would contradict that advice. A
    "progress one step" light becomes a hold ("Keep going at this level; book an
    assessment before progressing.") whose reason ends with the escalations' texts. Any
    other light is returned as it is.

    Args:
        light: a light from ``day_light`` or ``today_light``.
        escalations: the reasons to book an assessment as of the same day
            (``redflags.escalations``); only their ``text`` is read.
    """
    if light.kind != PROGRESS or not escalations:
        return light
    why = " ".join(e.text for e in escalations)
    held = _("A full green week, but not a time to progress while an assessment is advised: "
             "{why}").format(why=why)
    reason = f"{light.reason} {held}".strip()
    return replace(light, advice=_(ADVICE_ESCALATION_HOLD), reason=reason, kind=HOLD)


def day_light(journal: Journal, day: date, th: Thresholds = DEFAULT_THRESHOLDS,
              escalations: Sequence[Escalation] = ()) -> Light:
    """Judge ``day`` (rules in the module docstring).

    Args:
        journal: the journal; it must hold the days the rules read: 14 days before
            ``day`` for the trend, 7 more for the full-green-week check, the day after
            for the next morning, and its first entry (or a day on or before the week's
            first day) for the full-green-week check.
        day: the day to judge.
        th: the thresholds.
        escalations: the reasons to book an assessment as of ``day``
            (``redflags.escalations``): while there is one, no progression
            (``hold_for_escalations``).

    Returns:
        A ``Light``; green says "progress one step" only after a full green week ending
        ``day`` (``week_ready_to_progress``) and while no escalation stands.
    """
    return hold_for_escalations(_Lights(journal, th).day(day), escalations)


def day_lights(journal: Journal, days: Iterable[date],
               th: Thresholds = DEFAULT_THRESHOLDS) -> list[Light]:
    """``day_light`` of each of ``days``, judging every day once (for strips and reports)."""
    lights = _Lights(journal, th)
    return [lights.day(d) for d in days]


def week_ready_to_progress(
    journal: Journal, day: date, th: Thresholds = DEFAULT_THRESHOLDS
) -> bool:
    """Return True after a full green week ending ``day``.

    The journal covers the 7 days ending ``day`` (its first entry, the first day
    ``journal`` holds, is on or before the week's first day), none of them has a red
    flag, every one that has a light is green and none waits for its next-morning rating
    (days with nothing to judge neither count nor block), and at least 2 of the green
    days had sessions.
    """
    return _Lights(journal, th).ready(day)


def _current(lights: _Lights, today: date) -> Light:
    """The light of "now" (``today_light``'s rules), before the full-green-week check."""
    yesterday = today - timedelta(days=1)
    journal = lights.journal
    for d in (today, yesterday):
        record = journal.get(d)
        if record.red_flags:
            return red_flag_light(record)
    if journal.get(yesterday).sessions:
        light = lights.raw(yesterday)
        if light.colour is not None or light.waiting:
            return light
    light = no_light()
    for d in _days_back(today, 3):
        candidate = lights.raw(d)
        if candidate.colour is not None:
            light = candidate  # later days overwrite: the latest wins
        elif candidate.waiting and light.colour is None:
            light = candidate
    return light


def today_light(journal: Journal, today: date, th: Thresholds = DEFAULT_THRESHOLDS,
                escalations: Sequence[Escalation] = ()) -> Light:
    """The light to show on the Today page (and behind ``week_verdict``).

    A red flag today or yesterday overrides everything. Otherwise, when yesterday had
    sessions, it is the response to yesterday's load (this morning's rating is its next
    morning; waiting until it is rated). Else it is the light of the latest of today,
    yesterday and the day before that has one. Green advises "progress one step" only
    after a full green week ending the judged day, and only while no reason to book an
    assessment stands (``escalations``, as of ``today``: ``hold_for_escalations``).
    """
    lights = _Lights(journal, th)
    light = _current(lights, today)
    if light.colour == GREEN and light.day is not None and lights.ready(light.day):
        light = replace(light, advice=_(ADVICE_GREEN), kind=PROGRESS)
    return hold_for_escalations(light, escalations)


def week_verdict(journal: Journal, week_end: date,
                 th: Thresholds = DEFAULT_THRESHOLDS,
                 escalations: Sequence[Escalation] = ()) -> Verdict:
    """The advice as of ``week_end``: progress, hold or back off, with the reason.

    The one judgement of "how is the load going" that Today (``today_light``), the
    Programme's advice (``services.programme.suggestions``), Progress and the PDF show,
    so they always agree. It is ``today_light(journal, week_end)``:
        * ``BACK_OFF``: the light is red (the load, the mornings, or a red flag: then the
          heading is the flag tier's, "See a clinician now" or "Book an assessment");
        * ``PROGRESS``: green after a full green week (the 7 days ending the judged day)
          while no reason to book an assessment stands;
        * ``HOLD``: green before a full green week ("keep going at this level"), a full
          green week while an escalation stands ("book an assessment before
          progressing"), amber, or waiting for a next-morning rating;
        * None: nothing to judge in the last 3 days.
    A red day earlier in the week followed by green days is a hold, not a back-off: the
    back-off has been done, and progression waits for a full green week.

    Args:
        journal: the journal, holding the 28 days up to ``week_end`` and the day after.
        week_end: the day to judge as of (today; a Sunday for a calendar week).
        th: the thresholds.
        escalations: the reasons to book an assessment as of ``week_end``
            (``redflags.escalations``; ``redflags.advice`` passes them).
    """
    light = today_light(journal, week_end, th, escalations)
    ready = (light.colour == GREEN and light.day is not None
             and week_ready_to_progress(journal, light.day, th))
    return Verdict(
        kind=light.kind,
        heading=light.heading,
        advice=light.advice,
        reason=light.reason,
        text=light.text,
        day=light.day,
        as_of=week_end,
        ready=ready,
        light=light,
        escalations=tuple(escalations),
    )


def status_of(lights: Sequence[Light]) -> list[str | None]:
    """The ``Light.status`` of each light (for views that list them)."""
    return [li.status for li in lights]


def marks_of(lights: Sequence[Light]) -> list[str | None]:
    """The ``Light.mark`` of each light (the strip's ``light_marks``)."""
    return [li.mark for li in lights]

