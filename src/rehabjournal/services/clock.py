"""The one clock the app reads "today" and "now" from, so tests can move it.

Everything that asks what day it is (the Today page, the reminders, the default "made on"
date of a report ...) calls :func:`today` / :func:`now` here, or the clock an
``AppContext`` holds, never ``date.today()`` directly. A test swaps in a
:class:`FakeClock` (``use_clock``) and moves it across midnight or a daylight-saving
change; the real clock reads the computer's local time.

Times are local and naive, as ``datetime.now()`` gives them: the journal's days are the
person's calendar days. :func:`seconds_to_midnight` counts real (elapsed) seconds, so a
23-hour or 25-hour day of a daylight-saving change is counted right.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol


class Clock(Protocol):
    """What the app asks of a clock."""

    def now(self) -> datetime:
        """The local date and time (naive, like ``datetime.now()``)."""

    def today(self) -> date:
        """The local calendar day."""


class SystemClock:
    """The computer's clock (local time zone)."""

    def now(self) -> datetime:
        return datetime.now()

    def today(self) -> date:
        return date.today()


class FakeClock:
    """A clock for tests: it stands still until moved.

    It keeps an instant (UTC), so :meth:`advance` moves real time: one hour after 00:30
    on the night the clocks go forward is 02:30 local time. The local time follows the
    process's time zone (``TZ`` with ``time.tzset()``).

    Args:
        start: the local time to start at (naive), or an aware instant.
    """

    def __init__(self, start: datetime):
        self._instant = start.astimezone(UTC)

    def now(self) -> datetime:
        # fromtimestamp sets ``fold`` in a repeated hour, as datetime.now() does
        return datetime.fromtimestamp(self._instant.timestamp())

    def today(self) -> date:
        return self.now().date()

    def advance(self, delta: timedelta | float) -> None:
        """Move on by ``delta`` (a timedelta, or seconds) of elapsed time."""
        if not isinstance(delta, timedelta):
            delta = timedelta(seconds=delta)
        self._instant += delta

    def set(self, local: datetime) -> None:
        """Jump to the local time ``local`` (naive) or the instant ``local`` (aware)."""
        self._instant = local.astimezone(UTC)


_clock: Clock = SystemClock()


def current() -> Clock:
    """The clock in use (the system clock unless a test swapped it)."""
    return _clock


def set_clock(clock: Clock) -> Clock:
    """Use ``clock`` from now on; returns the one used before."""
    global _clock
    before, _clock = _clock, clock
    return before


@contextmanager
def use_clock(clock: Clock) -> Iterator[Clock]:
    """Use ``clock`` inside the ``with`` block, then the one used before."""
    before = set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(before)


def today() -> date:
    """Today's local date by the clock in use."""
    return _clock.today()


def now() -> datetime:
    """The local time by the clock in use (naive, like ``datetime.now()``)."""
    return _clock.now()


#: Longer than any local day (23, 24 or 25 hours, or a zone skipping a day): the start of
#: the next day is searched for within this many seconds.
_DAY_SEARCH_S = 3 * 24 * 3600


def seconds_to_midnight(local_now: datetime) -> float:
    """Elapsed seconds from ``local_now`` (naive local time) to the start of the next day.

    The start of the next day is the first instant whose local date is a later one: local
    midnight, or where the clocks change AT midnight (America/Santiago on 6 Sep 2026 goes
    from 23:59:59 to 01:00) the first existing time after it. Counted between instants, so
    it is 23 or 25 hours' worth on the days the clocks change; a repeated hour is told
    apart by ``local_now.fold`` (as ``datetime.now()`` sets it). Never less than one
    second (a timer set with it always moves on).
    """
    start = local_now.astimezone().timestamp()
    day = local_now.date()
    midnight = datetime.combine(day + timedelta(days=1), time())
    guess = midnight.astimezone().timestamp()  # right on every day but a change at midnight
    if guess > start and datetime.fromtimestamp(guess) == midnight and \
            datetime.fromtimestamp(guess - 1).date() == day:
        return max(1.0, guess - start)
    # The clocks change at midnight: find the first whole second of the next day (offsets
    # and their changes fall on whole seconds), by halving the span that holds it.
    low = int(start)  # still ``day``
    high = low + _DAY_SEARCH_S  # a later day
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle).date() > day:
            high = middle
        else:
            low = middle
    return max(1.0, high - start)
