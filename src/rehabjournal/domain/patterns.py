"""Patterns: what went together with higher morning pain in the days after.

The user's own tracking job (domain.md section 1): "patterns often reveal the specific
'too much' variable faster than guessing". For each day of a period this module asks
whether something was true that day (a long run, a hard session, a load jump, a short
night) and whether morning pain in the following days rose above the person's usual, then
compares how often that happened after days with and without it.

Choices made here (documented because they are design choices, not validated rules):
    * "Your usual" is the light's baseline: the median morning pain of the
      ``th.baseline_days`` days up to and including the day (``light.baseline`` of the
      next day), so the comparison is with the time just before the activity.
    * "Higher" means at least ``rise`` points (default 1) above the usual on any of the
      next ``window`` mornings (default 3: tendon and cartilage take 48-72 h to recover,
      domain.md section 1). The first morning also counts a session's own next-morning
      rating.
    * Units are days: "after 9 of 12 days with a run of 45 min or more".
    * Nothing is said about a variable unless both the days with it and the days without
      it number at least ``min_count`` (default 5).
    * The words state association only ("went together with"), never cause: small
      personal journals cannot separate a variable from everything that came with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from .entities import DayRecord, Journal
from .light import DEFAULT_THRESHOLDS, Thresholds, baseline

MIN_COUNT: Final = 5
LONG_MINUTES: Final = 45
HARD_RPE: Final = 6
LOAD_JUMP_PERCENT: Final = 30.0
SHORT_SLEEP_HOURS: Final = 7.0
WINDOW_DAYS: Final = 3
RISE_POINTS: Final = 1.0
NOTABLE_DIFFERENCE: Final = 0.15
"""Rates this far apart (15 percentage points) count as "went together"."""

ASSOCIATION_NOTE: Final = (
    "These are things that went together in your journal, not proof that one caused the "
    "other: many things change at once (sleep, stress, shoes, the weather)."
)

_KIND_PHRASES: Final = {
    "run": "a run",
    "running": "a run",
    "cycle": "a bike ride",
    "cycling": "a bike ride",
    "swim": "a swim",
    "walk": "a walk",
    "hike": "a hike",
}


@dataclass(frozen=True, slots=True)
class Pattern:
    """One variable compared with the days without it.

    Attributes:
        key: stable identifier, e.g. "kind_long:run" or "short_sleep".
        phrase: what the days had, after "days with", e.g. "a run of 45 min or more".
        exposed_days, exposed_higher: days with the variable, and how many of them were
            followed by higher morning pain.
        other_days, other_higher: the same for the days without it.
        window: mornings looked at after each day.
    """

    key: str
    phrase: str
    exposed_days: int
    exposed_higher: int
    other_days: int
    other_higher: int
    window: int = WINDOW_DAYS

    @property
    def exposed_rate(self) -> float:
        return self.exposed_higher / self.exposed_days if self.exposed_days else 0.0

    @property
    def other_rate(self) -> float:
        return self.other_higher / self.other_days if self.other_days else 0.0

    @property
    def difference(self) -> float:
        """Exposed rate minus other rate (-1 to 1)."""
        return self.exposed_rate - self.other_rate

    @property
    def direction(self) -> str:
        """ "higher", "lower" or "similar" (within ``NOTABLE_DIFFERENCE``)."""
        if self.difference >= NOTABLE_DIFFERENCE:
            return "higher"
        if self.difference <= -NOTABLE_DIFFERENCE:
            return "lower"
        return "similar"

    @property
    def outcome(self) -> str:
        if self.window == 1:
            return "next-morning pain"
        return f"morning pain in the next {self.window} days"

    @property
    def headline(self) -> str:
        """One plain sentence stating the association (never a cause)."""
        subject = f"Days with {self.phrase}"
        if self.direction == "higher":
            return f"{subject} went together with higher morning pain afterwards."
        if self.direction == "lower":
            return f"{subject} went together with fewer rises in morning pain afterwards."
        return f"{subject} made little difference to morning pain afterwards."

    @property
    def text(self) -> str:
        """The counts in words, e.g. "After 9 of 12 days with a run ..., vs 4 of 20 ..."."""
        return (
            f"After {self.exposed_higher} of {self.exposed_days} days with {self.phrase}, "
            f"{self.outcome} was higher than your usual, vs {self.other_higher} of "
            f"{self.other_days} other days ({self.exposed_rate:.0%} vs {self.other_rate:.0%})."
        )


def _phrase_kind(kind: str) -> str:
    return _KIND_PHRASES.get(kind, kind)


def _day_load(record: DayRecord) -> float:
    return float(sum(s.rpe * s.minutes for s in record.sessions if s.rpe is not None))


def higher_after(
    journal: Journal,
    day: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    window: int = WINDOW_DAYS,
    rise: float = RISE_POINTS,
) -> bool | None:
    """Was morning pain in the ``window`` mornings after ``day`` higher than usual?

    Returns:
        True when any of those mornings (the first one is the day's sessions'
        next-morning rating) was at least ``rise`` points above the usual (the median
        morning pain of the ``th.baseline_days`` days ending ``day``); False when all
        known ones were not; None when there is no usual or no rated morning.
    """
    usual = baseline(journal, day + timedelta(days=1), th)
    if usual is None:
        return None
    values: list[int] = []  # the first morning is also the sessions' next-morning rating
    for k in range(1, window + 1):
        v = journal.get(day + timedelta(days=k)).morning_pain
        if v is not None:
            values.append(v)
    if not values:
        return None
    return any(v >= usual + rise - 1e-9 for v in values)


def _load_jump(journal: Journal, day: date, percent: float) -> bool | None:
    this_week = sum(_day_load(journal.get(day - timedelta(days=i))) for i in range(7))
    last_week = sum(_day_load(journal.get(day - timedelta(days=i))) for i in range(7, 14))
    if last_week <= 0:
        return None
    return (this_week - last_week) / last_week * 100.0 > percent


def find_patterns(
    journal: Journal,
    start: date,
    end: date,
    th: Thresholds = DEFAULT_THRESHOLDS,
    *,
    min_count: int = MIN_COUNT,
    window: int = WINDOW_DAYS,
    rise: float = RISE_POINTS,
    long_minutes: int = LONG_MINUTES,
    hard_rpe: int = HARD_RPE,
    load_jump_percent: float = LOAD_JUMP_PERCENT,
    short_sleep_hours: float = SHORT_SLEEP_HOURS,
) -> list[Pattern]:
    """Compare each variable's days with the other days of ``start``..``end``.

    The journal should also hold the ``th.baseline_days`` (and 14, for the load jump)
    days before ``start`` and the ``window`` days after ``end`` when they exist.

    Returns:
        The patterns with at least ``min_count`` days with and without the variable,
        ranked: largest difference in rates first, then more days first.
    """
    outcomes: dict[date, bool] = {}
    d = start
    while d <= end:
        result = higher_after(journal, d, th, window, rise)
        if result is not None:
            outcomes[d] = result
        d += timedelta(days=1)

    kinds = sorted(
        {s.kind.strip().lower() for day in outcomes for s in journal.get(day).sessions}
        - {""}
    )
    tests: list[tuple[str, str, Callable[[date], bool | None]]] = []
    for kind in kinds:
        tests.append((
            f"kind:{kind}",
            _phrase_kind(kind),
            lambda day, k=kind: any(
                s.kind.strip().lower() == k for s in journal.get(day).sessions
            ),
        ))
        tests.append((
            f"kind_long:{kind}",
            f"{_phrase_kind(kind)} of {long_minutes} min or more",
            lambda day, k=kind: any(
                s.kind.strip().lower() == k and s.minutes >= long_minutes
                for s in journal.get(day).sessions
            ),
        ))
    tests += [
        (
            "long",
            f"a session of {long_minutes} min or more",
            lambda day: any(s.minutes >= long_minutes for s in journal.get(day).sessions),
        ),
        (
            "hard",
            f"a hard session (effort {hard_rpe}/10 or more)",
            lambda day: any(
                s.rpe is not None and s.rpe >= hard_rpe for s in journal.get(day).sessions
            ),
        ),
        (
            "load_jump",
            f"a week's load more than {load_jump_percent:g} % above the week before",
            lambda day: _load_jump(journal, day, load_jump_percent),
        ),
        (
            "short_sleep",
            f"under {short_sleep_hours:g} h of sleep the night before",
            lambda day: (
                None
                if (c := journal.get(day).checkin) is None or c.sleep_hours is None
                else c.sleep_hours < short_sleep_hours
            ),
        ),
    ]

    found: list[Pattern] = []
    for key, phrase, test in tests:
        counts = {True: [0, 0], False: [0, 0]}  # exposed -> [days, higher]
        for day, higher in outcomes.items():
            exposed = test(day)
            if exposed is None:
                continue
            counts[exposed][0] += 1
            counts[exposed][1] += int(higher)
        (n_in, h_in), (n_out, h_out) = counts[True], counts[False]
        if n_in >= min_count and n_out >= min_count:
            found.append(Pattern(key, phrase, n_in, h_in, n_out, h_out, window))
    found.sort(key=lambda p: (-p.difference, -p.exposed_days, p.key))
    return found
