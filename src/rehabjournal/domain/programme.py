"""Exercise programmes: schedule, adherence and progression advice (pure calculations).

Schedule rules:
    * A programme's phases run one after another, in ``position`` order, from the
      programme's ``start_date``: phase 1 covers weeks 1..w1, phase 2 the next w2 weeks and
      so on. Programme weeks are counted in 7-day blocks from the start date. Deload phases
      are phases like any other (they count for the schedule and for adherence).
    * Within its phase, a prescription is due on calendar weekdays (Monday = 0): its
      explicit ``weekdays`` when given, otherwise ``days_per_week`` spread over the week
      (``spread_weekdays``: 3 -> Mon, Wed, Fri).

Adherence (exercise days done against exercise days due, a session moved within the
week counting) is ``domain/adherence.py``; ``STATUS_CREDIT`` is the credit of a log.

Progression advice (design choice, after domain.md sections 2 and 7):
    * back off when the week was red (any red light in the 7 days) or the exercise's
      worst pain during was above the acceptable pain: about -20 % load, else fewer reps
      (about -20 %), else a shorter hold, else one set fewer; never to zero.
    * hold when the week was amber, not yet a full green week, or the exercise's pain
      during was above the green maximum.
    * progress after a full green week: the first step of the exercise's progression list
      that is not yet reached (reps up to the step's "to", then load by the step's "by"
      or "percent", about 10 % by default, then holds, minutes, range, single leg, band).
      Steps that cannot be counted (range, single leg, band, load of a bodyweight
      exercise) are suggested as a note on the prescription.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final, Literal

from ..i18n import N_, _, format_date, library_text
from .scales import general, tr

SuggestionKind = Literal["progress", "hold", "back_off", "see_physio"]
STATUS_CREDIT: dict[str, float] = {"done": 1.0, "partial": 0.5, "skipped": 0.0}
WEIGHT_UNITS = ("kg", "lb")
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""The weekdays as files write them (English, never translated; ``weekday_abbreviation``
gives a weekday in the current language)."""
BACK_OFF_FRACTION = 0.8
DEFAULT_LOAD_PERCENT = 10.0

WEEK_RED: Final = N_("The pain-monitoring light was red this week.")
WEEK_AMBER: Final = N_("The light was amber this week: hold the dose.")
NOT_YET_GREEN_WEEK: Final = N_("Not yet a full green week: keep this dose.")
"""The sentences ``advise`` starts a reason with when the week decided it (English, marked
``N_``; a reason holds them in the current language: compare with ``_(WEEK_RED)``)."""
UNIT_WORDS: Final = (N_("minutes"), N_("bodyweight"), N_("band"))
"""Load units that are words (translated where shown); kg and lb are symbols."""


@dataclass(frozen=True, slots=True)
class PlanPrescription:
    """What the schedule needs of a prescription."""

    id: int
    weekdays: str = ""
    days_per_week: int | None = None


@dataclass(frozen=True, slots=True)
class PlanPhase:
    id: int
    weeks: int
    deload: bool = False
    prescriptions: tuple[PlanPrescription, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    """A programme as the schedule sees it: its start and its phases in order."""

    start_date: date | None
    phases: tuple[PlanPhase, ...] = ()

    @property
    def weeks(self) -> int:
        return sum(p.weeks for p in self.phases)

    @property
    def end_date(self) -> date | None:
        """The last day of the programme (inclusive), or None without a start date."""
        if self.start_date is None or not self.phases:
            return None
        return self.start_date + timedelta(days=7 * self.weeks - 1)


@dataclass(frozen=True, slots=True)
class Dose:
    """The current dose of a prescription, for progression advice."""

    id: int
    sets: int
    reps: int | None = None
    hold_s: int | None = None
    load: float | None = None
    load_unit: str = "bodyweight"
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One piece of progression advice for a prescription.

    Attributes:
        prescription_id: the prescription it is for.
        kind: "progress", "hold" or "back_off".
        field: the prescription field to change ("sets", "reps", "hold_s", "load",
            "notes"), or "" for a hold.
        old, new: the field's current and suggested value (equal for a hold). A whole
            number is kept as an ``int`` (a load of 30.0 kg is 30), so every view writes
            both the same way ("load 30 -> 33", never "30.0 -> 33").
        reason: plain words on why.
        label: the exercise's name, for display.
        more: further fields changed together with ``field``, as (field, old, new):
            a rep-max step changes reps and load; a ladder step reps and hold.
        dose_before, dose_after: the whole dose in words ("4 x 15 @ 60 kg"), when the
            suggestion changes it.
    """

    prescription_id: int
    kind: SuggestionKind
    field: str
    old: Any
    new: Any
    reason: str
    label: str = field(default="", compare=False)
    more: tuple[tuple[str, Any, Any], ...] = ()
    dose_before: str = field(default="", compare=False)
    dose_after: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        for name in ("old", "new"):
            value = getattr(self, name)
            if isinstance(value, float) and value.is_integer():
                object.__setattr__(self, name, int(value))
        object.__setattr__(self, "more", tuple(
            (f, int(o) if isinstance(o, float) and o.is_integer() else o,
             int(n) if isinstance(n, float) and n.is_integer() else n)
            for f, o, n in self.more))

    @property
    def updates(self) -> list[tuple[str, Any, Any]]:
        """Every (field, old, new) the suggestion changes, ``field`` first."""
        if self.kind in ("hold", "see_physio") or not self.field:
            return []
        return [(f, o, n) for f, o, n in ((self.field, self.old, self.new), *self.more)
                if o != n]

    @property
    def changes(self) -> bool:
        return bool(self.updates)


# ---- schedule ----------------------------------------------------------------------------

def spread_weekdays(days_per_week: int) -> tuple[int, ...]:
    """Spread n sessions over a week, starting Monday: 2 -> Mon, Thu; 3 -> Mon, Wed, Fri."""
    n = max(0, min(7, int(days_per_week)))
    return tuple(sorted({int(i * 7 / n) for i in range(n)})) if n else ()


def parse_weekdays(text: str) -> tuple[int, ...]:
    """Weekdays as numbers (0 = Monday) or names, comma-separated, in any case.

    "0,2,4", "Mon, Wed, Fri" and "monday,wednesday,friday" all give (0, 2, 4).

    Raises:
        ValueError: anything but blank, numbers 0-6 or English day names (3+ letters).
    """
    text = (text or "").strip()
    if not text:
        return ()
    days = []
    for part in text.split(","):
        part = part.strip()
        day = weekday_number(part)
        if day is None:
            raise ValueError(_("weekdays must be day names (Mon ... Sun) or numbers 0 (Monday) "
                               "to 6 (Sunday), got {value}").format(value=repr(text)))
        days.append(day)
    return tuple(sorted(set(days)))


_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_number(text: str) -> int | None:
    """"Mon", "monday", "Tues" or "0" -> 0..6; None for anything else."""
    part = text.strip().lower()
    if len(part) == 1 and part in "0123456":
        return int(part)
    if len(part) >= 3:
        for n, name in enumerate(_FULL_NAMES):
            if name.startswith(part):
                return n
    return None


def weekday_abbreviation(day: int) -> str:
    """0 -> "Mon" in the current language ("lun.", "Mo")."""
    return format_date(date(2024, 1, 1) + timedelta(days=day), "weekday")  # a Monday


def unit_word(unit: str) -> str:
    """A load unit as shown: "minutes" in the current language; kg and lb as they are."""
    return tr(unit) if unit in UNIT_WORDS else unit


def weekday_names(days: tuple[int, ...]) -> list[str]:
    """(0, 2, 4) -> ["Mon", "Wed", "Fri"] (the exchange file's spelling)."""
    return [WEEKDAY_NAMES[d] for d in days]


def scheduled_weekdays(p: PlanPrescription) -> tuple[int, ...]:
    if p.weekdays.strip():
        return parse_weekdays(p.weekdays)
    return spread_weekdays(p.days_per_week or 0)


def weekdays_label(p: PlanPrescription) -> str:
    days = scheduled_weekdays(p)
    if len(days) == 7:
        return _("daily")
    text = ", ".join(weekday_abbreviation(d) for d in days)
    if p.weekdays.strip():
        return text
    return _("{n}/week ({days})").format(n=len(days), days=text)


def phase_on(plan: Plan, day: date) -> PlanPhase | None:
    """The phase that applies on ``day``, or None before the start or after the end."""
    if plan.start_date is None or day < plan.start_date:
        return None
    week = (day - plan.start_date).days // 7
    for phase in plan.phases:
        if week < phase.weeks:
            return phase
        week -= phase.weeks
    return None


def phase_start(plan: Plan, phase_id: int) -> date | None:
    if plan.start_date is None:
        return None
    weeks = 0
    for phase in plan.phases:
        if phase.id == phase_id:
            return plan.start_date + timedelta(days=7 * weeks)
        weeks += phase.weeks
    return None


def due_on(plan: Plan, day: date) -> list[PlanPrescription]:
    """The prescriptions due on ``day``, in phase order."""
    phase = phase_on(plan, day)
    if phase is None:
        return []
    return [p for p in phase.prescriptions if day.weekday() in scheduled_weekdays(p)]


def due_days(plan: Plan, start: date | None = None, end: date | None = None
             ) -> list[tuple[date, list[PlanPrescription]]]:
    """Every day from ``start`` to ``end`` (the whole programme by default) with something due."""
    if plan.start_date is None or plan.end_date is None:
        return []
    first = max(start or plan.start_date, plan.start_date)
    last = min(end or plan.end_date, plan.end_date)
    out = []
    day = first
    while day <= last:
        items = due_on(plan, day)
        if items:
            out.append((day, items))
        day += timedelta(days=1)
    return out


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


# ---- progression advice ------------------------------------------------------------------

def _round_load(value: float, unit: str) -> float:
    """Round a load to 0.5 (kg, lb) or whole minutes."""
    if unit == "minutes":
        return float(round(value))
    return round(value * 2) / 2


def _num(value: float | int | None) -> str:
    """A load or count as shown: 2.5 -> "2.5" ("2,5" in French and German), None -> "-"."""
    if value is None:
        return "-"
    return general(value)


def _back_off(dose: Dose, why: str) -> Suggestion:
    def s(field_name: str, old, new, what: str) -> Suggestion:
        return Suggestion(dose.id, "back_off", field_name, old, new,
                          f"{why} " + _("Back off: {change} (not to zero).").format(change=what))

    if dose.load and dose.load > 0 and dose.load_unit in (*WEIGHT_UNITS, "minutes"):
        new = _round_load(dose.load * BACK_OFF_FRACTION, dose.load_unit)
        floor = 1.0 if dose.load_unit == "minutes" else 0.5
        new = max(floor, new)
        if new < dose.load:
            return s("load", dose.load, new,
                     _("load {old} -> {new} {unit} (about -20 %)").format(
                         old=_num(dose.load), new=_num(new), unit=unit_word(dose.load_unit)))
    if dose.reps and dose.reps > 1:
        new = max(1, min(dose.reps - 1, round(dose.reps * BACK_OFF_FRACTION)))
        return s("reps", dose.reps, new, _("{old} -> {new} reps").format(old=dose.reps, new=new))
    if dose.hold_s and dose.hold_s > 5:
        new = max(5, min(dose.hold_s - 1, round(dose.hold_s * BACK_OFF_FRACTION)))
        return s("hold_s", dose.hold_s, new,
                 _("hold {old} -> {new} s").format(old=dose.hold_s, new=new))
    if dose.sets > 1:
        return s("sets", dose.sets, dose.sets - 1,
                 _("{old} -> {new} sets").format(old=dose.sets, new=dose.sets - 1))
    return Suggestion(dose.id, "hold", "", None, None,
                      f"{why} " + _("The dose is already at its minimum: take 24-48 h of "
                                    "relative rest from this exercise if it keeps hurting."))


def _hold_step(hold: int) -> int:
    return 5 if hold < 60 else 15


def _progress(dose: Dose, steps: Sequence[Mapping[str, Any]]) -> Suggestion:
    """The first progression step not yet reached."""
    why = _("A full green week.")

    def s(field_name: str, old, new, text: str) -> Suggestion:
        return Suggestion(dose.id, "progress", field_name, old, new, f"{why} {text}")

    numeric_load = dose.load_unit in (*WEIGHT_UNITS, "minutes") and dose.load is not None
    for step in steps:
        kind = step.get("kind")
        text = str(step.get("text", "")).strip()
        to = step.get("to")
        if kind == "reps" and dose.reps is not None:
            if to is None or dose.reps < to:
                new = dose.reps + 2 if to is None else min(int(to), dose.reps + 2)
                return s("reps", dose.reps, new,
                         _("Progress reps: {old} -> {new}.").format(old=dose.reps, new=new))
            continue
        if kind == "hold" and dose.hold_s is not None:
            if to is None or dose.hold_s < to:
                new = dose.hold_s + _hold_step(dose.hold_s)
                new = new if to is None else min(int(to), new)
                return s("hold_s", dose.hold_s, new,
                         _("Hold longer: {old} -> {new} s.").format(old=dose.hold_s, new=new))
            continue
        if kind == "load" and "reps" in step and dose.reps is not None:
            # heavy slow resistance: fewer reps at a heavier RM each block
            if dose.reps > int(step["reps"]):
                return s("reps", dose.reps, int(step["reps"]),
                         _("Next block: {step}").format(step=library_text(text)))
            continue
        if kind in ("load", "minutes") and numeric_load:
            load = float(dose.load or 0)
            if to is not None and load >= float(to):
                continue
            if load <= 0 and step.get("by") is None:
                continue
            if step.get("by") is not None:
                new = load + float(step["by"])
            else:
                new = load * (1 + float(step.get("percent", DEFAULT_LOAD_PERCENT)) / 100)
            new = _round_load(new, dose.load_unit)
            if to is not None:
                new = min(float(to), new)
            floor = 1.0 if dose.load_unit == "minutes" else 0.5
            if new < load + floor:
                new = load + floor
            return s("load", dose.load, new,
                     _("Add load: {old} -> {new} {unit}.").format(
                         old=_num(dose.load), new=_num(new), unit=unit_word(dose.load_unit)))
        if text and text not in dose.notes:
            # a step that cannot be counted: suggest it as a note
            return s("notes", dose.notes, (dose.notes + "\n" + text).strip(),
                     _("Next step: {step}").format(step=library_text(text)))
    if numeric_load and dose.load:
        new = _round_load(float(dose.load) * 1.1, dose.load_unit)
        if new > dose.load:
            return s("load", dose.load, new,
                     _("Add about 10 % load: {old} -> {new} {unit}.").format(
                         old=_num(dose.load), new=_num(new), unit=unit_word(dose.load_unit)))
    return Suggestion(dose.id, "hold", "", None, None,
                      _("A full green week, and every progression step is reached: keep this "
                        "dose or ask your physio for the next exercise."))


def advise(dose: Dose, steps: Sequence[Mapping[str, Any]], *, week_colours: Iterable[str | None],
           ready: bool, pain_during: Iterable[int | None] = (), acceptable_pain: int = 5,
           green_peak_max: int = 2) -> Suggestion:
    """Progression advice for one prescription after a week.

    Args:
        dose: the prescription's current dose.
        steps: the exercise's progression steps (the "progression" list of the library).
        week_colours: the lights ("green", "amber", "red" or None) of the week's days.
        ready: ``light.week_ready_to_progress`` for the week.
        pain_during: this exercise's logged pain during (0-10) in the week.
        acceptable_pain, green_peak_max: the user's thresholds.
    """
    colours = [c for c in week_colours if c]
    pains = [p for p in pain_during if p is not None]
    worst = max(pains) if pains else None
    if worst is not None and worst > acceptable_pain:
        return _back_off(dose, pain_above_text(worst, acceptable_pain))
    if "red" in colours:
        return _back_off(dose, _(WEEK_RED))
    if worst is not None and worst > green_peak_max:
        return Suggestion(dose.id, "hold", "", None, None, pain_edge_text(worst, green_peak_max))
    if "amber" in colours:
        return Suggestion(dose.id, "hold", "", None, None, _(WEEK_AMBER))
    if not ready:
        return Suggestion(dose.id, "hold", "", None, None, _(NOT_YET_GREEN_WEEK))
    return _progress(dose, steps)


def pain_above_text(worst: int, limit: int) -> str:
    """"Pain during this exercise reached 7/10, above 5/10." (current language)."""
    return _("Pain during this exercise reached {worst}/10, above {limit}/10.").format(
        worst=worst, limit=limit)


def pain_edge_text(worst: int, limit: int) -> str:
    """"Pain during this exercise reached 4/10: acceptable, but hold the dose until it stays
    at or below 2/10." (current language)."""
    return _("Pain during this exercise reached {worst}/10: acceptable, but hold the dose "
             "until it stays at or below {limit}/10.").format(worst=worst, limit=limit)


def dose_text(sets: int | None, reps: int | None, hold_s: int | None, load: float | None,
              unit: str) -> str:
    """"3 x 12 @ 10 kg", "5 x 45 s", "20 minutes", "20 minutes (run 2 min / walk 1 min)",
    in the current language.

    For timed exercises (unit "minutes") a hold is the run part of each run/walk block
    (the walk-run model: a walk minute between runs).
    """
    if unit == "minutes" and load:
        if hold_s:
            return _("{minutes} minutes (run {run} / walk 1 min)").format(
                minutes=_num(load), run=bout_text(hold_s))
        return _("{minutes} minutes").format(minutes=_num(load))
    n = sets or 1
    if reps and hold_s:
        parts = _("{sets} x {reps} ({hold} s hold)").format(sets=n, reps=reps, hold=hold_s)
    elif reps:
        parts = f"{n} x {reps}"
    elif hold_s:
        parts = f"{n} x {hold_s} s"
    else:
        parts = _("{sets} sets").format(sets=n)
    if load and unit in WEIGHT_UNITS:
        parts += f" @ {_num(load)} {unit}"
    elif unit == "band":
        parts = _("{dose} (band)").format(dose=parts)
    return parts


def bout_text(seconds: int) -> str:
    """60 -> "1 min", 90 -> "1 min 30 s", 45 -> "45 s"."""
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds // 60} min {seconds % 60} s" if seconds > 60 else f"{seconds} s"


def volume(sets: int | None, reps: int | None, hold_s: int | None, load: float | None,
           unit: str) -> tuple[float, str] | None:
    """One log's amount: volume load (kg), total hold seconds, minutes, or total reps."""
    sets = sets or 1
    if unit in WEIGHT_UNITS and load and reps:
        kg = load * 0.45359237 if unit == "lb" else load
        return round(sets * reps * kg, 1), "kg"
    if unit == "minutes" and load:
        return float(load), "minutes"
    if hold_s and not reps:
        return float(sets * hold_s), "s"
    if reps:
        return float(sets * reps), "reps"
    if hold_s:
        return float(sets * hold_s), "s"
    return None
