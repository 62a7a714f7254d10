"""Programme adherence: exercise days done against exercise days prescribed (pure).

What is counted (docs/adherence.md says the same in plain words):

* A **due item** is one prescription due on one day (``programme.due_on``: its phase
  applies that day and the day is one of its weekdays).
* An **exercise day** is a day with at least one due item: a day on which Today's
  "Exercises due" list is not empty. Every kind of exercise counts (strength, isometric,
  mobility and conditioning such as walk-run intervals): the programme prescribes them all,
  the patient logs them all in the same list, and a programme of conditioning alone (a
  return-to-run plan) still has an adherence.
* **Credit** of a due item: 1 for a log "done", 0.5 for "partial", 0 for "skipped" or no log.
* **A session moved within the week counts.** A log of a prescription on a day it is not
  due (a rest day, or a day of the week the plan does not name) credits a due item of the
  same prescription in the same calendar week (Monday to Sunday) whose own day gives no
  credit (no log, or "skipped"). Logs are taken in date order; each takes the nearest such
  due day (the earlier one on a tie: a session is more often done late than early). A log
  credits at most one due item and a due item takes at most one log, so a week never gets
  more credits than it has due items, and nothing moves across weeks.
* **A day counts as done when the credits of its due items add up to at least half of
  them** (4 of 7 exercises, or 3 done and 1 partial of 7; one partial exercise alone is
  half of a one-exercise day). Why a day and why half: a home programme is done in
  sittings, so a physiotherapist asks "on how many of the days you should have exercised
  did you?"; counting exercise items instead (the old "137 of 176") weighed a day of
  seven stretches seven times a day of one walk and hid whole missed days among done
  items. "All of them" would call a day with one stretch forgotten a missed day; "any"
  would call one exercise of seven a done day; half is the line between mostly done and
  mostly not. What was left out on done days shows per exercise (below).
* **Per exercise**: the same rule applied to the due items of one exercise (of every
  prescription of it in the programme): days due, days done (done or partial, on the day
  or moved), of which partial and of which moved.
* A range counts only its own days: due items outside ``start``..``end`` are not counted
  and logs outside it credit nothing, so a week cut by the range (its edges) counts only
  the days inside.

One log per day and prescription is stored; a prescription "twice a day" is one due item.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..i18n import N_, _, ngettext
from .programme import STATUS_CREDIT, Plan, due_on, monday

UNIT = N_("exercise day")
UNITS = N_("exercise days")
DEFINITION = N_(
    "An exercise day is a day with at least one exercise of the programme due. It counts "
    "as done when at least half of that day's exercises were logged done (a partial log "
    "counts half), on the day or on another day of the same week (Monday to Sunday)."
)
"""The rule in one paragraph, for notes under tables and charts (English, marked ``N_``:
show it with ``_(DEFINITION)``)."""


@dataclass(frozen=True, slots=True)
class DueItem:
    """One prescription due on one day, and the log that credits it.

    Attributes:
        day: the day it is due.
        prescription_id: the prescription.
        status: the crediting log's status ("done", "partial", "skipped") or "" (none).
        logged_on: the day of that log: ``day``, another day of the same week (a moved
            session), or None without a log.
    """

    day: date
    prescription_id: int
    status: str = ""
    logged_on: date | None = None

    @property
    def credit(self) -> float:
        return STATUS_CREDIT.get(self.status, 0.0)

    @property
    def moved(self) -> bool:
        """True when a log of another day of the week credits it."""
        return self.logged_on is not None and self.logged_on != self.day and self.credit > 0


@dataclass(frozen=True, slots=True)
class WeekAdherence:
    """Exercise days done against exercise days due in one calendar week.

    Attributes:
        week_start: its Monday.
        prescribed: exercise days due on the week's days inside the range.
        done: of those, the days counted done (module docstring).
        moved: due items credited by a log of another day of the week.
    """

    week_start: date
    prescribed: int
    done: int
    moved: int = 0

    @property
    def percent(self) -> float | None:
        """Days done in percent of days due (not rounded), None without a day due."""
        return None if self.prescribed == 0 else 100.0 * self.done / self.prescribed


@dataclass(frozen=True, slots=True)
class ExerciseAdherence:
    """One exercise's days done against its days due over a range.

    Attributes:
        key: what the items were grouped by (the exercise's id).
        name: the exercise's name.
        prescribed: days it was due.
        done: days counted done (done or partial, on the day or moved).
        partial: of ``done``, days whose credit was less than full.
        moved: of ``done``, days credited by a log of another day of the week.
    """

    key: Hashable
    name: str
    prescribed: int
    done: int
    partial: int = 0
    moved: int = 0

    @property
    def percent(self) -> float | None:
        """Days done in percent of days due (not rounded), None without a day due."""
        return None if self.prescribed == 0 else 100.0 * self.done / self.prescribed


# ---- the rule ---------------------------------------------------------------------------

def day_done(items: Sequence[DueItem]) -> bool:
    """True when ``items`` (the due items of one day) count as a done day: their credits
    add up to at least half of them."""
    return bool(items) and 2 * sum(i.credit for i in items) >= len(items)


def due_items(plan: Plan, start: date, end: date,
              logs: Mapping[tuple[date, int], str]) -> list[DueItem]:
    """Every due item from ``start`` to ``end`` (inclusive) with the log that credits it,
    in date order and, within a day, in the plan's order (module docstring).

    Args:
        plan: the programme.
        start, end: the range; logs outside it are ignored.
        logs: {(day, prescription id): status} with status done, partial or skipped.
    """
    out: list[DueItem] = []
    if end < start:
        return out
    week = monday(start)
    while week <= end:
        days = [d for d in (week + timedelta(days=i) for i in range(7)) if start <= d <= end]
        out.extend(_week_items(plan, days, logs))
        week += timedelta(days=7)
    return out


def _week_items(plan: Plan, days: list[date],
                logs: Mapping[tuple[date, int], str]) -> list[DueItem]:
    """The due items of one calendar week's ``days`` (those inside the range)."""
    items: list[DueItem] = []
    due: dict[int, set[date]] = {}
    for d in days:
        for p in due_on(plan, d):
            due.setdefault(p.id, set()).add(d)
            status = logs.get((d, p.id), "")
            items.append(DueItem(d, p.id, status, d if status else None))
    index = {(i.day, i.prescription_id): k for k, i in enumerate(items)}
    inside = set(days)
    moved = sorted((d, pid, status) for (d, pid), status in logs.items()
                   if d in inside and pid in due and d not in due[pid]
                   and STATUS_CREDIT.get(status, 0.0) > 0)
    for d, pid, status in moved:
        open_days = [x for x in due[pid] if items[index[(x, pid)]].credit == 0]
        if not open_days:
            continue
        target = min(open_days, key=lambda x: (abs((x - d).days), x))
        items[index[(target, pid)]] = DueItem(target, pid, status, d)
    return items


def weeks_of(items: Iterable[DueItem], start: date, end: date) -> list[WeekAdherence]:
    """One ``WeekAdherence`` per calendar week touching ``start``..``end`` (weeks without
    an exercise day included, with 0 of 0), from ``due_items``."""
    if end < start:
        return []
    by_day: dict[date, list[DueItem]] = {}
    for i in items:
        by_day.setdefault(i.day, []).append(i)
    weeks = []
    week = monday(start)
    while week <= end:
        days = [by_day[d] for d in (week + timedelta(days=k) for k in range(7)) if d in by_day]
        weeks.append(WeekAdherence(
            week, len(days), sum(day_done(x) for x in days),
            sum(i.moved for x in days for i in x)))
        week += timedelta(days=7)
    return weeks


def weekly_adherence(plan: Plan, start: date, end: date,
                     logs: Mapping[tuple[date, int], str]) -> list[WeekAdherence]:
    """Exercise days due and done per calendar week from ``start`` to ``end`` (both
    inclusive; a week cut by the range counts its days inside only).

    Args:
        plan: the programme.
        start, end: the range.
        logs: {(day, prescription id): status} with status done, partial or skipped.
    """
    return weeks_of(due_items(plan, start, end, logs), start, end)


def by_exercise(items: Iterable[DueItem],
                exercise_of: Callable[[int], tuple[Hashable, str]]) -> list[ExerciseAdherence]:
    """Per exercise, its days due and done (the day rule applied to its own items).

    Args:
        items: from ``due_items``.
        exercise_of: prescription id -> (exercise key, exercise name); prescriptions of
            the same exercise (in several phases) are counted together.

    Returns:
        One row per exercise, in the order each first falls due.
    """
    groups: dict[Hashable, tuple[str, dict[date, list[DueItem]]]] = {}
    for i in items:
        key, name = exercise_of(i.prescription_id)
        groups.setdefault(key, (name, {}))[1].setdefault(i.day, []).append(i)
    out = []
    for key, (name, days) in groups.items():
        done = [x for x in days.values() if day_done(x)]
        out.append(ExerciseAdherence(
            key, name, len(days), len(done),
            partial=sum(1 for x in done if sum(i.credit for i in x) < len(x)),
            moved=sum(1 for x in done if any(i.moved for i in x))))
    return out


def total(weeks: Iterable[WeekAdherence]) -> tuple[int, int]:
    """(days done, days due) over ``weeks``."""
    weeks = list(weeks)
    return sum(w.done for w in weeks), sum(w.prescribed for w in weeks)


# ---- words: the one way these figures are written (in the current language) ---------------

def percent_text(done: int, due: int) -> str:
    """"75 %" ("-" without a day due)."""
    if not due:
        return "-"
    return _("{percent} %").format(percent=f"{100.0 * done / due:.0f}")


def days_text(done: int, due: int) -> str:
    """"9 of 12 exercise days" ("1 of 1 exercise day")."""
    return ngettext("{done} of {due} exercise day", "{done} of {due} exercise days",
                    due).format(done=done, due=due)


def adherence_text(done: int, due: int) -> str:
    """"9 of 12 exercise days done (75 %)"; "no exercise days due" without one."""
    if not due:
        return _("no exercise days due")
    return ngettext("{done} of {due} exercise day done ({percent})",
                    "{done} of {due} exercise days done ({percent})", due).format(
        done=done, due=due, percent=percent_text(done, due))


def week_text(w: WeekAdherence) -> str:
    """A week's figure with the moved sessions that count: "3 of 3 exercise days done
    (100 %); 4 exercises done on another day of the week count"."""
    text = adherence_text(w.done, w.prescribed)
    if w.moved:
        text = ngettext("{adherence}; {n} exercise done on another day of the week count",
                        "{adherence}; {n} exercises done on another day of the week count",
                        w.moved).format(adherence=text, n=w.moved)
    return text


def exercise_text(e: ExerciseAdherence) -> str:
    """"10 of 12 days (2 partial, 1 on another day of the week)"."""
    text = ngettext("{done} of {due} day", "{done} of {due} days", e.prescribed).format(
        done=e.done, due=e.prescribed)
    extra = []
    if e.partial:
        extra.append(ngettext("{n} partial", "{n} partial", e.partial).format(n=e.partial))
    if e.moved:
        extra.append(_("{n} on another day of the week").format(n=e.moved))
    return f"{text} ({', '.join(extra)})" if extra else text
