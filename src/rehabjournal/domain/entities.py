"""Plain records the domain calculations work on.

The store maps database rows to these; the domain never sees a database row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


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
        main_site: label of the pain site ``morning_pain`` rates (the primary one), or ""
            when the journal has no pain site (or the record was made without one).
        site_pains: (site label, 0-10 NPRS) of the further pain sites rated that morning.

    The morning's rating of a site is also the next-morning rating of the sessions of
    the day before at that site: there is one number for both (schema 4; see
    ``DayRecord.morning_pain_at``).
    """

    day: date
    morning_pain: int | None = None
    stiffness_min: int | None = None
    swelling: str | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    stress: int | None = None
    notes: str = ""
    main_site: str = ""
    site_pains: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Session:
    """One activity session with its pain response.

    Its next-morning rating is not a field: it is the next day's morning pain at its site,
    ``journal.get(day + 1 day).morning_pain_at(session.site)`` (``Journal.next_morning``).

    Attributes:
        day: the date of the session.
        kind: activity kind, e.g. "run", "cycle", "rehab exercises".
        minutes: duration in minutes.
        rpe: session effort on the CR-10 scale (0-10), or None.
        distance_km: optional distance.
        pain_before, pain_during, pain_after: 0-10 NPRS, or None.
        site: label of the pain site the ratings are for; a session stored without a
            site carries the main site's label ("" only when the journal has no site).
        notes: free text.
        source: "" for a session typed by hand, "programme" for one made from the day's
            exercise logs.
        minutes_estimated: True while ``minutes`` is the app's estimate from the
            prescriptions logged (``domain.rehab_session.estimated_minutes``).
    """

    day: date
    kind: str
    minutes: int
    rpe: int | None = None
    distance_km: float | None = None
    pain_before: int | None = None
    pain_during: int | None = None
    pain_after: int | None = None
    site: str = ""
    notes: str = ""
    id: int | None = None
    source: str = ""
    minutes_estimated: bool = False


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
        """Morning pain (0-10) of the main pain site, or None."""
        return self.checkin.morning_pain if self.checkin else None

    @property
    def site_pains(self) -> dict[str, int]:
        """{site label: morning pain 0-10} of every site rated that morning.

        The main site is under its label (``CheckIn.main_site``; "" when unknown).
        """
        if self.checkin is None:
            return {}
        out = dict(self.checkin.site_pains)
        if self.checkin.morning_pain is not None:
            out[self.checkin.main_site] = self.checkin.morning_pain
        return out

    def morning_pain_at(self, site: str) -> int | None:
        """This morning's pain (0-10) at pain site ``site`` (a label), or None.

        This is also the next-morning rating of the day before's sessions at that site:
        the one value the Today prompt, the Journal, the light, the CSV and the PDF use.
        A session without a site ("") and the main site read ``morning_pain``; another
        site reads its site pain (None when not rated, never the main site's value). A
        record made without site labels (``main_site`` "") reads ``morning_pain`` for
        any site it has no site pain for.
        """
        if self.checkin is None:
            return None
        pains = dict(self.checkin.site_pains)
        if site in pains:
            return pains[site]
        if not site or site == self.checkin.main_site or not self.checkin.main_site:
            return self.checkin.morning_pain
        return None

    @property
    def session_sites(self) -> tuple[str, ...]:
        """The pain sites (labels) of the day's sessions, each once, in session order."""
        return tuple(dict.fromkeys(s.site for s in self.sessions))

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


def day_after(day: date) -> date | None:
    """The next calendar day, or None after 9999-12-31 (``date.max``: a journal made by an
    older version may hold it; the journal accepts 1900-01-01 to 2100-12-31)."""
    return None if day >= date.max else day + timedelta(days=1)


def day_before(day: date) -> date | None:
    """The previous calendar day, or None before 0001-01-01 (``date.min``)."""
    return None if day <= date.min else day - timedelta(days=1)


@dataclass(slots=True)
class Journal:
    """Days keyed by date; a convenience container for calculations."""

    days: dict[date, DayRecord] = field(default_factory=dict)

    def get(self, day: date) -> DayRecord:
        return self.days.get(day) or DayRecord(day)

    def get_after(self, day: date) -> DayRecord:
        """The next day's record (an empty one after ``date.max``: no next morning)."""
        after = day_after(day)
        return self.get(after) if after is not None else DayRecord(day)

    def next_morning(self, day: date) -> dict[str, int | None]:
        """{site: next-morning pain 0-10 or None} of each site ``day``'s sessions were at.

        The rating is the next day's morning pain at that site
        (``DayRecord.morning_pain_at``); empty for a day without sessions.
        """
        after = self.get_after(day)
        return {site: after.morning_pain_at(site) for site in self.get(day).session_sites}

    def worst_next_morning(self, day: date) -> int | None:
        """The worst known value of ``next_morning(day)``, or None (the Journal column)."""
        known = [v for v in self.next_morning(day).values() if v is not None]
        return max(known) if known else None
