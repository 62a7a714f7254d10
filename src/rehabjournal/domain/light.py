"""The pain-monitoring traffic light (domain.md section 2).

Based on the pain-monitoring model (Silbernagel et al. 2007): pain up to 5/10 during and
after activity is acceptable, it must have settled by the next morning, and morning pain
must not rise week on week. The exact thresholds are a design choice, so they live in
``Thresholds`` and the app lets the user change them.

Rules of ``day_light`` (the response to one day's load), in order:
    1. Red, with ``red_flag=True``, when any red flag was recorded that day (overrides all).
    2. Red when the peak session pain (worst "during" or "after") is above
       ``acceptable_pain``; or when next-morning pain is more than ``morning_rise_tolerance``
       points above the baseline (only when both are known); or when the weekly trend of
       morning pain ending that day is rising.
    3. Amber when the peak session pain is above ``green_peak_max`` (and not above
       ``acceptable_pain``).
    4. Green when the peak session pain is at most ``green_peak_max``; the next morning,
       if rated, is then within tolerance of the baseline (rule 2).
    5. With no rated session pain, the day is judged by its morning pain: against the
       baseline when there is one (within tolerance: green, above: amber), otherwise on the
       same bands as session pain (<= green_peak_max green, <= acceptable amber, else red).
    6. None when there is nothing to judge.
Morning stiffness is not used: it is in minutes and has no "points" to compare.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

from rehabjournal.domain.entities import DayRecord, Journal, Session
from rehabjournal.domain.scales import red_flag_label

GREEN: Final = "green"
AMBER: Final = "amber"
RED: Final = "red"
COLOURS: Final = (GREEN, AMBER, RED)

ADVICE_GREEN: Final = "Progress one step next session."
ADVICE_GREEN_HOLD: Final = "Keep going at this level; progress after a full green week."
ADVICE_AMBER: Final = "Hold the load: repeat this level next session."
ADVICE_RED: Final = (
    "Back off the load next session (not to zero), or take 24-48 h of relative rest."
)
ADVICE_RED_FLAG: Final = "See a clinician: a red flag was recorded."

TREND_DAYS: Final = 7

Trend = Literal["rising", "flat", "falling"]

_MONTHS: Final = tuple(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """User-configurable thresholds of the traffic light and the assessment rules.

    Attributes:
        acceptable_pain: session pain (during/after) above this is red.
        green_peak_max: session pain up to this is green (the user may set 3).
        morning_rise_tolerance: points above baseline allowed the next morning.
        baseline_days: days before a day whose median morning pain is the baseline.
        trend_rise: rise of the weekly mean morning pain (points) that counts as rising.
        improvement_points: NPRS points that count as a clinically important change.
        improvement_fraction: fraction (0.30 = 30 %) that counts as important.
        assessment_weeks: weeks without improvement before suggesting an assessment.
        trend_min_days: morning ratings each week needs before a trend is given.
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

    def __post_init__(self) -> None:
        if not 0 <= self.green_peak_max < self.acceptable_pain <= 10:
            raise ValueError("Need 0 <= green_peak_max < acceptable_pain <= 10.")
        if self.morning_rise_tolerance < 0 or self.trend_rise <= 0:
            raise ValueError("Tolerances must be positive.")
        if self.baseline_days < 1 or self.assessment_weeks < 1:
            raise ValueError("baseline_days and assessment_weeks must be at least 1.")
        if not 1 <= self.trend_min_days <= TREND_DAYS:
            raise ValueError("trend_min_days must be 1-7.")
        if self.improvement_points <= 0 or not 0 < self.improvement_fraction <= 1:
            raise ValueError("Improvement thresholds must be positive.")


DEFAULT_THRESHOLDS: Final = Thresholds()


@dataclass(frozen=True, slots=True)
class Light:
    """A traffic-light judgement.

    Attributes:
        colour: "green", "amber", "red", or None when there is no data.
        advice: one plain sentence about the next session.
        reason: why, in plain and specific words.
        red_flag: True when a red flag decided the light.
        day: the day whose load the light judges, or None.
    """

    colour: str | None
    advice: str = ""
    reason: str = ""
    red_flag: bool = False
    day: date | None = None


NO_LIGHT: Final = Light(None, "", "Nothing recorded to judge yet.")


# --- small helpers ------------------------------------------------------------------------


def fmt_day(day: date) -> str:
    """Format a date as "3 Mar" (locale-independent)."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _fmt(value: float) -> str:
    """Format a pain value: 2 -> "2", 2.5 -> "2.5", 2.25 -> "2.3"."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _points(value: float) -> str:
    text = _fmt(value)
    return f"{text} point" if text == "1" else f"{text} points"


def _days_back(day: date, n: int) -> Iterable[date]:
    """The ``n`` days ending with ``day`` (inclusive), oldest first."""
    return (day - timedelta(days=i) for i in range(n - 1, -1, -1))


def _morning_values(journal: Journal, days: Iterable[date]) -> list[int]:
    return [v for d in days if (v := journal.get(d).morning_pain) is not None]


def _session_phrase(session: Session) -> str:
    kind = session.kind.strip() or "session"
    return f"your {kind}"


def _worst_session_rating(record: DayRecord) -> tuple[int, str, Session] | None:
    """The worst during/after rating of the day: (value, "during"|"after", session)."""
    best: tuple[int, str, Session] | None = None
    for s in record.sessions:
        for when, value in (("during", s.pain_during), ("after", s.pain_after)):
            if value is not None and (best is None or value > best[0]):
                best = (value, when, s)
    return best


# --- public calculations -----------------------------------------------------------------


def baseline(journal: Journal, day: date, th: Thresholds = DEFAULT_THRESHOLDS) -> float | None:
    """Median morning pain of the ``th.baseline_days`` days before ``day`` (exclusive).

    Returns:
        The median, or None when none of those days has a morning rating.
    """
    values = _morning_values(journal, _days_back(day - timedelta(days=1), th.baseline_days))
    return float(statistics.median(values)) if values else None


def next_morning(journal: Journal, day: date) -> int | None:
    """Worst next-morning pain after ``day``.

    The worst of any of the day's sessions' ``next_morning_pain`` and the morning pain of
    the check-in on the following day; None when neither is known.
    """
    values = [s.next_morning_pain for s in journal.get(day).sessions]
    values.append(journal.get(day + timedelta(days=1)).morning_pain)
    known = [v for v in values if v is not None]
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
    eps = 1e-9
    if diff >= th.trend_rise - eps:
        return "rising"
    if diff <= -th.trend_rise + eps:
        return "falling"
    return "flat"


def _red_flag_light(record: DayRecord) -> Light:
    flag = record.red_flags[0]
    labels = "; ".join(red_flag_label(f.code) for f in record.red_flags)
    return Light(
        RED,
        ADVICE_RED_FLAG,
        f"Red flag recorded on {fmt_day(flag.day)}: {labels}.",
        red_flag=True,
        day=record.day,
    )


def day_light(journal: Journal, day: date, th: Thresholds = DEFAULT_THRESHOLDS) -> Light:
    """Judge the pain response to ``day``'s load (rules in the module docstring)."""
    record = journal.get(day)
    if record.red_flags:
        return _red_flag_light(record)

    worst = _worst_session_rating(record)
    base = baseline(journal, day, th)
    nxt = next_morning(journal, day)
    trend = weekly_trend(journal, day, th)
    when = fmt_day(day)

    red_reasons: list[str] = []
    if worst is not None and worst[0] > th.acceptable_pain:
        value, phase, session = worst
        red_reasons.append(
            f"Pain {phase} {_session_phrase(session)} on {when} was {value}/10, "
            f"above {th.acceptable_pain}/10."
        )
    if nxt is not None and base is not None and nxt > base + th.morning_rise_tolerance:
        red_reasons.append(
            f"Next-morning pain {nxt}/10 was {_points(nxt - base)} above your usual "
            f"{_fmt(base)}/10."
        )
    if trend == "rising":
        red_reasons.append("Morning pain has risen week on week.")
    if red_reasons:
        return Light(RED, ADVICE_RED, " ".join(red_reasons), day=day)

    if worst is not None:
        value, phase, session = worst
        what = f"Pain {phase} {_session_phrase(session)} on {when} peaked at {value}/10"
        if value > th.green_peak_max:
            return Light(
                AMBER,
                ADVICE_AMBER,
                f"{what}: acceptable, but above {th.green_peak_max}/10.",
                day=day,
            )
        if nxt is None:
            reason = f"{what}; next-morning pain not rated yet."
        elif base is None:
            reason = f"{what}; no baseline yet to compare the next morning with."
        else:
            reason = f"{what} and had settled by the next morning."
        return Light(GREEN, ADVICE_GREEN, reason, day=day)

    morning = record.morning_pain
    if morning is None:
        return NO_LIGHT
    if base is not None:
        if morning > base + th.morning_rise_tolerance:
            return Light(
                AMBER,
                ADVICE_AMBER,
                f"Morning pain {morning}/10 on {when} was above your usual {_fmt(base)}/10.",
                day=day,
            )
        return Light(
            GREEN,
            ADVICE_GREEN,
            f"Morning pain {morning}/10 on {when} was at your usual level.",
            day=day,
        )
    reason = f"Morning pain on {when} was {morning}/10"
    if morning <= th.green_peak_max:
        return Light(GREEN, ADVICE_GREEN, f"{reason}.", day=day)
    if morning <= th.acceptable_pain:
        return Light(AMBER, ADVICE_AMBER, f"{reason}, above {th.green_peak_max}/10.", day=day)
    return Light(RED, ADVICE_RED, f"{reason}, above {th.acceptable_pain}/10.", day=day)


def week_ready_to_progress(
    journal: Journal, day: date, th: Thresholds = DEFAULT_THRESHOLDS
) -> bool:
    """Return True after a full green week ending ``day``.

    All of the 7 days ending ``day`` that have a light are green, at least 2 of them had
    sessions, and none of the 7 days has a red flag.
    """
    session_days = 0
    for d in _days_back(day, TREND_DAYS):
        record = journal.get(d)
        if record.red_flags:
            return False
        light = day_light(journal, d, th)
        if light.colour is None:
            continue
        if light.colour != GREEN:
            return False
        if record.sessions:
            session_days += 1
    return session_days >= 2


def today_light(journal: Journal, today: date, th: Thresholds = DEFAULT_THRESHOLDS) -> Light:
    """The light to show on the Today page.

    A red flag today or yesterday overrides everything. Otherwise, when yesterday had
    sessions, it is the response to yesterday's load (this morning's rating is its next
    morning); else the light of the latest of today, yesterday and the day before that has
    one. Green advises "progress one step" only after a full green week.
    """
    yesterday = today - timedelta(days=1)
    for d in (today, yesterday):
        record = journal.get(d)
        if record.red_flags:
            return _red_flag_light(record)

    light = NO_LIGHT
    if journal.get(yesterday).sessions:
        light = day_light(journal, yesterday, th)
    if light.colour is None:
        for d in _days_back(today, 3):
            candidate = day_light(journal, d, th)
            if candidate.colour is not None:
                light = candidate  # later days overwrite: the latest wins
    if (
        light.colour == GREEN
        and light.day is not None
        and not week_ready_to_progress(journal, light.day, th)
    ):
        light = Light(GREEN, ADVICE_GREEN_HOLD, light.reason, day=light.day)
    return light
