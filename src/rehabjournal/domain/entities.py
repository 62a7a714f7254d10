"""Plain records the domain calculations work on.

The store maps database rows to these; the domain never sees a database row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class CheckIn:
    """The morning check-in of one day.

    Attributes:
        day: the date of the check-in.
        morning_pain: 0-10 NPRS on waking, or None when not rated.
        stiffness_min: minutes of morning stiffness, or None.
        swelling: one of ``SWELLING_GRADES`` or None.
        sleep_hours: hours slept the night before, or None.
        sleep_quality: 1 (poor) to 5 (very good), or None.
        stress: 0-10, or None.
        notes: free text.
    """

    day: date
    morning_pain: int | None = None
    stiffness_min: int | None = None
    swelling: str | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    stress: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Session:
    """One activity session with its pain response.

    Attributes:
        day: the date of the session.
        kind: activity kind, e.g. "run", "cycle", "rehab exercises".
        minutes: duration in minutes.
        rpe: session effort on the CR-10 scale (0-10), or None.
        distance_km: optional distance.
        pain_before, pain_during, pain_after: 0-10 NPRS, or None.
        next_morning_pain: 0-10 NPRS the morning after, or None.
        site: label of the pain site the ratings are for, or "".
        notes: free text.
    """

    day: date
    kind: str
    minutes: int
    rpe: int | None = None
    distance_km: float | None = None
    pain_before: int | None = None
    pain_during: int | None = None
    pain_after: int | None = None
    next_morning_pain: int | None = None
    site: str = ""
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A red flag ticked on a day (code from ``scales.RED_FLAGS``)."""

    day: date
    code: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event: flare, deload start, new shoes, appointment ..."""

    day: date
    kind: str
    label: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DayRecord:
    """Everything recorded for one day, as the calculations see it."""

    day: date
    checkin: CheckIn | None = None
    sessions: tuple[Session, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def morning_pain(self) -> int | None:
        return self.checkin.morning_pain if self.checkin else None

    @property
    def peak_pain(self) -> int | None:
        """Worst pain during or after any session of the day, or None."""
        values = [
            v
            for s in self.sessions
            for v in (s.pain_during, s.pain_after)
            if v is not None
        ]
        return max(values) if values else None


@dataclass(slots=True)
class Journal:
    """Days keyed by date; a convenience container for calculations."""

    days: dict[date, DayRecord] = field(default_factory=dict)

    def get(self, day: date) -> DayRecord:
        return self.days.get(day) or DayRecord(day)
