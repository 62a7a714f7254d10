"""Reminders that respect attention: one only when something is actually missing.

The rule (:func:`due`) is pure: given the time, the person's choices and what the journal
holds, it says which reminder, if any, is due now. The tray (``ui/tray.py``) asks it every
minute and when the window is activated, and shows what it returns.

* **Morning** (off until turned on; 09:00 by default): from the chosen time until the end
  of the day, once a day, **only when today's check-in is missing** (no morning rating of
  any kind yet). A check-in made before the time means no reminder that day.
* **Evening** (optional, off by default; 20:00): once a day, only when a session logged
  today will ask for its next-morning rating tomorrow, so the person knows to rate it.
  When the check-in is still missing then too, the evening one says so: one notification,
  not a "morning check-in" one at 23:59 followed by the evening one.

A reminder that was shown is not shown again the same day, whatever happens; one that was
not due (the check-in was made) is not shown later either, as the check-in stays made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from ..i18n import _, join_list

MORNING = "morning"
EVENING = "evening"

DEFAULT_MORNING = time(9, 0)
DEFAULT_EVENING = time(20, 0)

#: The check-in fields that make "today's check-in" (notes alone do not).
RATING_FIELDS = ("morning_pain", "stiffness_min", "swelling", "sleep_hours", "sleep_quality",
                 "stress")


@dataclass(frozen=True, slots=True)
class Choices:
    """What the person chose in Preferences (per computer)."""

    morning: bool = False
    morning_at: time = DEFAULT_MORNING
    evening: bool = False
    evening_at: time = DEFAULT_EVENING


@dataclass(frozen=True, slots=True)
class DayState:
    """What the journal holds for one day, as far as reminders care.

    Attributes:
        checkin_missing: no morning rating of any kind is saved for the day.
        sessions: short descriptions of the day's sessions ("run (30 min)"), whose
            next-morning rating is asked the day after.
        waiting: the day's next-morning questions still unanswered (sites' names, "left
            knee"), i.e. yesterday's sessions waiting for this morning's rating.
    """

    checkin_missing: bool
    sessions: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reminder:
    """One notification: its kind, the day it is about, its title and text."""

    kind: str
    day: date
    title: str
    text: str


def parse_time(text: str, default: time) -> time:
    """``"HH:MM"`` as a time; ``default`` for anything else (a setting never fails to read)."""
    try:
        hours, minutes = text.split(":")
        if len(hours) in (1, 2) and len(minutes) == 2 and (hours + minutes).isascii():
            return time(int(hours), int(minutes))
    except (AttributeError, ValueError):
        pass
    return default


def _morning(day: date, state: DayState, *, late: bool = False) -> Reminder:
    if late:  # the evening: no "this morning?" at 23:59
        title = _("Today's check-in is still empty")
        text = _("There is still time to note this morning's pain, stiffness and sleep "
                 "before the day ends.")
        if state.waiting:
            text = " ".join((_("How was your {sites} this morning, after yesterday's "
                               "session?").format(sites=join_list(state.waiting)), text))
        return Reminder(MORNING, day, title, text)
    if state.waiting:
        text = _("How is your {sites} this morning? Rate it after yesterday's session, with "
                 "the rest of your check-in.").format(sites=join_list(state.waiting))
    else:
        text = _("Today's check-in is still empty: morning pain, stiffness, sleep.")
    return Reminder(MORNING, day, _("Time for your morning check-in"), text)


def _evening(day: date, state: DayState, *, checkin_too: bool = False) -> Reminder:
    text = _("After today's {sessions}, rate how the joint feels tomorrow morning: it tells "
             "whether the load suited it.").format(sessions=join_list(state.sessions))
    if checkin_too:  # one notification in the evening, not two
        text = " ".join((text, _("Today's check-in is still empty too: there is still time "
                                 "to note this morning's pain, stiffness and sleep.")))
    return Reminder(EVENING, day, _("Tomorrow morning: rate today's session"), text)


def due(now: datetime, choices: Choices, state: DayState,
        shown: Mapping[str, date]) -> Reminder | None:
    """The reminder to show at ``now``, or None.

    Args:
        now: the local time (the day is ``now.date()``).
        choices: which reminders are on, and when.
        state: the journal's state of ``now.date()`` (:func:`day_state`).
        shown: {reminder kind: the last day it was shown}.

    Returns:
        The evening reminder when it is on, its time has come, a session of today waits
        for its next-morning rating and it was not shown today; when the morning one is
        due as well (the computer was off all day, or the check-in was never made), the
        evening one also says the check-in is still empty: one notification, which covers
        the morning one for the rest of the day. Else the morning reminder when it is on,
        its time has come, today's check-in is missing and neither was shown today (after
        the evening time it reads as an evening's, not "this morning"). Else None.
    """
    day = now.date()
    clock = now.time()
    morning = (choices.morning and clock >= choices.morning_at and state.checkin_missing
               and shown.get(MORNING) != day)
    if (choices.evening and clock >= choices.evening_at and state.sessions
            and shown.get(EVENING) != day):
        return _evening(day, state, checkin_too=morning)
    if morning and shown.get(EVENING) != day:
        return _morning(day, state, late=clock >= choices.evening_at)
    return None


def checkin_missing(checkin: Mapping[str, Any] | None) -> bool:
    """True when ``checkin`` (``journal.get_checkin``) holds no morning rating at all."""
    return checkin is None or all(checkin.get(k) in (None, "") for k in RATING_FIELDS)


def day_state(day: date) -> DayState:
    """What the journal holds for ``day`` (reads the open journal)."""
    from . import journal as js

    sessions = tuple(f"{s['kind']} ({s['minutes']} min)" if s.get("minutes") else
                     str(s["kind"]) for s in js.list_sessions(day))
    waiting = tuple(q["name"] for q in js.next_morning_questions(day) if q["value"] is None)
    return DayState(checkin_missing(js.get_checkin(day)), sessions, waiting)
