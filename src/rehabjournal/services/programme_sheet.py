"""The programme sheet's data: a programme as a patient reads it, in plain words.

``sheet_data(programme_id=None)`` reads a programme (the active one by default) through the
programme use cases (``services/programme.py``) and returns plain values: per phase its
weeks with real dates when the programme has a start date, its goal and the criteria to
move on; per exercise the dose in words ("4 sets of 12 at 60 kg, 3 s down / 3 s up, 2 min
rest between sets"), the side, how often (``domain.progression.frequency_text``), the effort
target, instructions, cues, the pain rule in words (``domain.progression.pain_rule_text``
with the journal's thresholds), the physio's notes and the picture or video link. The PDF
is laid out by ``reports/programme_sheet.py`` (``write_programme_sheet``), as the clinician
report's data (``services/report.py``) is laid out by ``reports/builder.py``.

What the prescription leaves blank comes from the exercise: side, tempo, rest, times a day,
pain rule and media ("" or None on the prescription means "the exercise's").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..domain import programme as dp
from ..domain import progression
from ..errors import NotFoundError
from ..i18n import N_, _, decimal_separator, library_text, ngettext, pgettext
from . import clock
from . import programme as ps
from .journal import get_profile, thresholds

SIDE_WORDS = {
    "both": N_("both sides together"),
    "each side": N_("each side in turn"),
    "affected side": N_("the affected side"),
    "left": N_("left side"),
    "right": N_("right side"),
}
"""``progression.SIDES`` as the sheet says them (marked: show them with ``i18n._``)."""

_TEMPO_DIGITS = re.compile(r"^\s*(\d+)\s*[-:/]\s*(\d+)\s*[-:/]\s*(\d+)(?:\s*[-:/]\s*(\d+))?\s*$")


@dataclass(frozen=True, slots=True)
class SheetExercise:
    """One prescription as the patient reads it (every text may be "")."""

    number: int
    exercise_id: int
    name: str
    dose: str  # "4 sets of 12 at 60 kg"
    dose_line: str  # the dose with tempo and rest: "4 sets of 12, 3 s down / 3 s up, ..."
    short_dose: str  # "4 x 12 @ 60 kg" (the tick grid)
    tempo: str
    rest: str  # "2 min rest between sets"
    side: str  # "each side in turn"
    frequency: str  # "3 days a week (Mon, Wed, Fri), twice a day"
    weekdays: tuple[int, ...]  # the days named by the physio (empty: any days)
    days_per_week: int  # sessions a week (the grid's boxes per time of day)
    times_per_day: int
    effort: str
    instructions: str
    cues: tuple[str, ...]
    pain_rule: str
    notes: str
    media: str
    media_is_link: bool


@dataclass(frozen=True, slots=True)
class SheetPhase:
    number: int
    name: str
    weeks: int
    first_week: int  # programme week the phase starts in (1-based)
    start: date | None  # None without a programme start date
    end: date | None
    deload: bool
    goal: str
    criteria: str
    current: bool  # ``made`` falls in this phase
    exercises: tuple[SheetExercise, ...] = ()

    def week_start(self, week: int) -> date | None:
        """The first day of the phase's ``week`` (1-based), or None without dates."""
        return None if self.start is None else self.start + timedelta(weeks=week - 1)


@dataclass(frozen=True, slots=True)
class SheetData:
    """Everything the programme sheet shows."""

    programme_id: int
    name: str
    notes: str
    patient: str
    start: date | None
    end: date | None
    review: date | None
    clinician: str
    contact: str
    made: date
    weeks: int
    pain_scale: str  # how to read the pain numbers, with the journal's thresholds
    phases: tuple[SheetPhase, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not any(ph.exercises for ph in self.phases)


# ---- words ---------------------------------------------------------------------------------

def _num(value: float) -> str:
    """7.5 -> "7.5" ("7,5" in French and German), 40.0 -> "40"."""
    return f"{value:g}".replace(".", decimal_separator())


def seconds_words(seconds: int) -> str:
    """45 -> "45 seconds", 120 -> "2 minutes", 90 -> "90 seconds"."""
    if seconds >= 120 and seconds % 60 == 0:
        minutes = seconds // 60
        return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)
    return ngettext("{n} second", "{n} seconds", seconds).format(n=seconds)


def dose_words(sets: int | None, reps: int | None, hold_s: int | None, load: float | None,
               unit: str) -> str:
    """The dose in plain words: "3 sets of 15 at 40 kg", "5 holds of 45 seconds",
    "3 sets of 10, holding each for 10 seconds", "20 minutes" (in the current language)."""
    sets = sets or 1
    if unit == "minutes" and load:
        text = ngettext("{n} minute", "{n} minutes", 1 if load == 1 else 2).format(
            n=_num(load))
        if hold_s:  # walk-run: the run part of each block, a walking minute between
            text = _("{minutes}: run {run}, walk 1 min, and again").format(
                minutes=text, run=dp.bout_text(hold_s))
        return text if sets == 1 else _("{sets} x {dose}").format(sets=sets, dose=text)
    if reps and hold_s:
        text = ngettext("{n} set of {reps}, holding each for {seconds}",
                        "{n} sets of {reps}, holding each for {seconds}", sets).format(
            n=sets, reps=reps, seconds=seconds_words(hold_s))
    elif reps:
        text = ngettext("{n} set of {reps}", "{n} sets of {reps}", sets).format(
            n=sets, reps=reps)
    elif hold_s:
        text = ngettext("{n} hold of {seconds}", "{n} holds of {seconds}", sets).format(
            n=sets, seconds=seconds_words(hold_s))
    else:
        text = ngettext("{n} set", "{n} sets", sets).format(n=sets)
    if load and unit in dp.WEIGHT_UNITS:
        text = _("{dose} at {load} {unit}").format(dose=text, load=_num(load), unit=unit)
    elif unit == "band":
        text = _("{dose} with a resistance band").format(dose=text)
    return text


def tempo_words(tempo: str) -> str:
    """"3-0-3" -> "3 s down / 0 s pause / 3 s up"; other texts as written, their commas
    made slashes ("3 s down, 3 s up" -> "3 s down / 3 s up")."""
    tempo = (tempo or "").strip()
    m = _TEMPO_DIGITS.match(tempo)
    if m:
        down, pause, up = m.group(1), m.group(2), m.group(3)
        parts = [_("{n} s down").format(n=down)]
        if pause != "0":
            parts.append(_("{n} s pause").format(n=pause))
        parts.append(_("{n} s up").format(n=up))
        return " / ".join(parts)
    return " / ".join(p.strip() for p in tempo.split(",") if p.strip())


def rest_words(rest_s: int | None, sets: int | None) -> str:
    """"2 min rest between sets", "45 s rest between sets"; "" for no rest or one set."""
    if not rest_s or (sets or 1) <= 1:
        return ""
    if rest_s >= 60 and rest_s % 30 == 0:
        text = f"{_num(rest_s / 60)} min"
    else:
        text = f"{rest_s} s"
    return _("{time} rest between sets").format(time=text)


def _first(*values: Any) -> Any:
    """The first value that is not blank ("" or None)."""
    for v in values:
        if v not in (None, ""):
            return v
    return None


def _side(key: str, profile_side: str, category: str = "") -> str:
    """The side in words; none for conditioning (a run or a ride is done with both)."""
    if category == "conditioning" and key == "both":
        return ""
    text = _(SIDE_WORDS[key]) if key in SIDE_WORDS else key
    if key == "affected side" and profile_side in ("left", "right"):
        which = pgettext("body side", "left") if profile_side == "left" else \
            pgettext("body side", "right")
        text = _("{side} ({which})").format(side=text, which=which)
    return text


def is_link(media: str) -> bool:
    return media.lower().startswith(("http://", "https://"))


def _lines(text: str) -> str:
    """A text of the shipped library or templates in the current language, line by line
    (a physio's note may be a template's note with next steps added below it); text the
    person wrote stays as written (``i18n.library_text``)."""
    return "\n".join(library_text(line) for line in text.split("\n"))


def _exercise(number: int, p: dict[str, Any], ex: dict[str, Any], th, profile_side: str
              ) -> SheetExercise:
    unit = p.get("load_unit") or "bodyweight"
    dose = dose_words(p["sets"], p["reps"], p["hold_s"], p["load"], unit)
    tempo = tempo_words(library_text(_first(p.get("tempo"), ex.get("tempo")) or ""))
    rest = rest_words(_first(p.get("rest_s"), ex.get("rest_s")), p["sets"])
    try:
        weekdays = dp.parse_weekdays(p.get("weekdays") or "")
    except ValueError:
        weekdays = ()
    days = len(weekdays) or int(_first(p.get("days_per_week"), ex.get("days_per_week")) or 0)
    times = int(_first(p.get("times_per_day"), ex.get("times_per_day")) or 1)
    rule = _first(p.get("pain_rule"), ex.get("pain_rule")) or "standard"
    media = str(_first(p.get("media"), ex.get("media")) or "").strip()
    cues = tuple(library_text(c.strip(" \t-•")) for c in str(ex.get("cues") or "").splitlines()
                 if c.strip(" \t-•"))
    return SheetExercise(
        number=number,
        exercise_id=int(p["exercise"]),
        name=library_text(p.get("exercise_name") or ex.get("name") or ""),
        dose=dose,
        dose_line=", ".join(t for t in (dose, tempo, rest) if t),
        short_dose=dp.dose_text(p["sets"], p["reps"], p["hold_s"], p["load"], unit),
        tempo=tempo,
        rest=rest,
        side=_side(str(_first(p.get("side"), ex.get("side")) or ""), profile_side,
                   str(ex.get("category") or "")),
        frequency=progression.frequency_text(days, weekdays, times),
        weekdays=weekdays,
        days_per_week=days,
        times_per_day=times,
        effort=progression.effort_text((p.get("effort_target") or "").strip()),
        instructions=library_text((ex.get("instructions") or "").strip()),
        cues=cues,
        pain_rule=progression.pain_rule_text(rule, acceptable_pain=th.acceptable_pain,
                                             green_peak_max=th.green_peak_max),
        notes=_lines((p.get("notes") or "").strip()),
        media=media,
        media_is_link=is_link(media),
    )


def pain_scale_text(th) -> str:
    """How to read the pain numbers, with the journal's thresholds."""
    return _("Pain is rated from 0 (none) to 10 (the worst you can imagine). Up to "
             "{green}/10 during an exercise is fine; {edge_low}-{acceptable}/10 is the edge; "
             "above {acceptable}/10, or pain that is worse the next morning, means do less "
             "next time (not nothing). Each exercise gives its own rule.").format(
        green=th.green_peak_max, edge_low=th.green_peak_max + 1, acceptable=th.acceptable_pain)


# ---- the sheet -----------------------------------------------------------------------------

def sheet_data(programme_id: int | None = None, *, made: date | None = None) -> SheetData:
    """The programme sheet's data for ``programme_id`` (the active programme when None).

    Args:
        made: the date the sheet is made (today when None); it marks the current phase.

    Raises:
        NotFoundError: no such programme, or None given and no programme is active.
        StorageError: the journal cannot be read.
    """
    made = made or clock.today()
    if programme_id is None:
        prog = ps.active_programme()
        if prog is None:
            raise NotFoundError(_("No programme is active: choose one, or give its id."),
                                table="programme")
    else:
        prog = ps.get_programme(programme_id)
        if prog is None:
            raise NotFoundError(_("That programme no longer exists."), table="programme",
                                row=programme_id)
    th = thresholds()
    profile = get_profile() or {}
    profile_side = str(profile.get("side") or "")
    start: date | None = prog.get("start_date")
    phases: list[SheetPhase] = []
    exercises: dict[int, dict[str, Any]] = {}
    week = 1
    for n, ph in enumerate(ps.list_phases(prog["id"]), start=1):
        weeks = max(1, int(ph.get("weeks") or 1))
        ph_start = None if start is None else start + timedelta(weeks=week - 1)
        ph_end = None if ph_start is None else ph_start + timedelta(days=7 * weeks - 1)
        items = []
        for i, p in enumerate(ps.list_prescriptions(ph["id"]), start=1):
            if p["exercise"] not in exercises:
                exercises[p["exercise"]] = ps.get_exercise(p["exercise"]) or {}
            items.append(_exercise(i, p, exercises[p["exercise"]], th, profile_side))
        phases.append(SheetPhase(
            number=n, name=library_text(ph.get("name") or "") or _("Phase {n}").format(n=n),
            weeks=weeks, first_week=week, start=ph_start, end=ph_end,
            deload=bool(ph.get("deload")), goal=library_text((ph.get("goal") or "").strip()),
            criteria=library_text((ph.get("criteria") or "").strip()),
            current=ph_start is not None and ph_end is not None and ph_start <= made <= ph_end,
            exercises=tuple(items),
        ))
        week += weeks
    total = week - 1
    return SheetData(
        programme_id=prog["id"],
        name=library_text(prog.get("name") or "") or _("Exercise programme"),
        notes=library_text((prog.get("notes") or "").strip()),
        patient=str(profile.get("name") or "").strip(),
        start=start,
        end=None if start is None or not total else start + timedelta(days=7 * total - 1),
        review=prog.get("review_date"),
        clinician=(prog.get("clinician_name") or "").strip(),
        contact=(prog.get("clinician_contact") or "").strip(),
        made=made,
        weeks=total,
        pain_scale=pain_scale_text(th),
        phases=tuple(phases),
    )
