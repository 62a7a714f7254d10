"""Progression models: how an exercise's dose moves after a week (pure calculations).

Each library exercise declares its progression model as a JSON object (the library's
``progression`` key; ``docs/progression.md`` has the full format):

    {"model": "rm_schedule", "stages": [{"weeks": [1, 1], "rm": 15}, ...],
     "load_step": 2.5, "source": "Kongsgaard et al. 2009"}

Models (``MODELS``):
    * ``rm_schedule``: a rep-max by programme week (heavy slow resistance, Kongsgaard et al.,
      Scand J Med Sci Sports 2009;19:790: 15RM wk1, 12RM wk2-3, 10RM wk4-5, 8RM wk6-8, 6RM
      wk9-12). A green week moves to the next stage no sooner than the schedule's week, one
      stage at a time; a change of rep-max converts the load with Epley's formula
      (1RM = w x (1 + r / 30); Epley 1985), rounded down to 0.5. Within a stage a green week
      adds ``load_step`` (the same rep-max gets heavier as strength grows).
    * ``double``: double progression over a rep range ``reps: [lo, hi]``: reps rise by
      ``rep_step`` (2) to ``hi``, then the load rises by ``load_step`` (or
      ``load_percent``) and reps drop back to ``lo``. Without a countable load (body
      weight, band) the ``then`` texts follow once ``hi`` is reached.
    * ``load``: reps stay; the load rises by ``step`` up to ``max`` (side-lying leg raise:
      +0.5 kg a week to 1.5 kg), then the ``then`` texts.
    * ``ladder``: a fixed order of doses ``stages: [{"sets": 3, "hold_s": 45},
      {"sets": 3, "reps": 15}]`` (clamshell: week 1 holds, week 2 reps), then ``then``.
    * ``isometric``: holds lengthen by 5 s (15 s above 60 s) to ``hold_s[1]``, then
      ``then`` (more effort, never a deeper knee angle for the wall sit). Red weeks keep
      the dose: isometric holds can ease tendon pain (Rio et al., Br J Sports Med
      2015;49:1277).
    * ``minutes``: conditioning minutes +``percent`` (10-15 %) a week up to ``max``.
    * ``walk_run``: the run part of each run/walk block (``hold_s``, seconds; a walk
      minute between) grows by ``run_step`` to ``run_s[1]`` first, then total minutes
      +``percent``.
    * ``none``: stretches and mobility keep their dose.

Common keys: ``then`` (texts suggested as a note, in order, once the countable steps are
done), ``red`` ("step_back" or "keep"; isometric and none keep by default), ``source``.

Pain rules (``PAIN_RULES``): "standard" (domain.md section 2: pain during up to the green
maximum, 2/10 by default, lets a green week progress; above it hold; above the acceptable
5/10 step back) and "tendon" (tendon-loading exercises: up to 5/10 during that has settled
by the next morning is acceptable and does not stop progression; Silbernagel et al., Am J
Sports Med 2007;35:897).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from ..i18n import N_, _, library_text, ngettext
from . import programme as dp
from .entities import DayRecord, Journal
from .scales import general

MODELS = ("rm_schedule", "double", "load", "ladder", "isometric", "minutes", "walk_run",
          "none")
PAIN_RULES = ("standard", "tendon")
SIDES = ("both", "each side", "affected side", "left", "right")
RED_RULES = ("step_back", "keep")
KEEP_ON_RED = ("isometric", "none")
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_DOSE_KEYS = ("sets", "reps", "hold_s")
COMMON_KEYS = ("model", "then", "red", "source")
MODEL_KEYS: dict[str, tuple[str, ...]] = {
    "rm_schedule": ("stages", "load_step"),
    "double": ("reps", "rep_step", "load_step", "load_percent"),
    "load": ("step", "max"),
    "ladder": ("stages",),
    "isometric": ("hold_s", "sets"),
    "minutes": ("percent", "max"),
    "walk_run": ("run_s", "run_step", "percent"),
    "none": (),
}
"""The keys each model reads besides ``COMMON_KEYS``: any other key is refused, since a
misspelt key (``load_stepp``) would silently switch a step off."""


def _whole(value: Any, lo: int = 1) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= lo


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0 \
        and value == value and value != float("inf")


def _pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_whole(v) for v in value) \
        and value[0] <= value[1]


def validate_model(model: Any) -> list[str]:
    """Every problem of a progression model object, as "key: what is wrong" texts.

    Args:
        model: the decoded JSON value of an exercise's ``progression``.

    Returns:
        The problems (empty for a valid model).
    """
    if not isinstance(model, Mapping):
        return [_("progression: must be an object with a 'model' key")]
    problems: list[str] = []
    kind = model.get("model")
    if kind not in MODELS:
        return [_("model: must be one of {models} (got {value})").format(
            models=", ".join(MODELS), value=repr(kind))]
    allowed = {*COMMON_KEYS, *MODEL_KEYS[kind]}
    for key in model:
        if key not in allowed:
            hint = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            text = (_("{key}: not a key of the {model} model (did you mean {hint}?); its keys "
                      "are {keys}") if hint else
                    _("{key}: not a key of the {model} model; its keys are {keys}"))
            problems.append(text.format(key=key, model=kind, hint=repr(hint[0]) if hint else "",
                                        keys=", ".join(sorted(allowed))))
    then = model.get("then", [])
    if not isinstance(then, list) or not all(isinstance(t, str) and t.strip() for t in then):
        problems.append(_("then: must be a list of non-empty texts"))
    if model.get("red", "step_back") not in RED_RULES:
        problems.append(_("red: must be one of {choices}").format(choices=", ".join(RED_RULES)))
    if "source" in model and not isinstance(model["source"], str):
        problems.append(_("source: must be text"))
    if kind == "rm_schedule":
        stages = model.get("stages")
        if not isinstance(stages, list) or not stages:
            problems.append(_("stages: must be a non-empty list of {shape}").format(
                shape="{weeks: [from, to], rm}"))
        else:
            last = 0
            for n, st in enumerate(stages, 1):
                if not isinstance(st, Mapping) or not _pair(st.get("weeks")) \
                        or not _whole(st.get("rm")):
                    problems.append(_("stages[{n}]: needs weeks [from, to] and rm").format(
                        n=n - 1))
                    continue
                if st["weeks"][0] != last + 1:
                    problems.append(_("stages[{n}]: weeks must follow on from week {week}")
                                    .format(n=n - 1, week=last))
                last = st["weeks"][1]
        if "load_step" in model and not _number(model["load_step"]):
            problems.append(_above_0("load_step"))
    elif kind == "double":
        if not _pair(model.get("reps")):
            problems.append(_("reps: must be [lowest, highest] whole numbers"))
        if "rep_step" in model and not _whole(model["rep_step"]):
            problems.append(_("rep_step: must be a whole number above 0"))
        for key in ("load_step", "load_percent"):
            if key in model and not _number(model[key]):
                problems.append(_above_0(key))
    elif kind == "load":
        for key in ("step", "max"):
            if not _number(model.get(key)):
                problems.append(_above_0(key))
    elif kind == "ladder":
        stages = model.get("stages")
        if not isinstance(stages, list) or not stages:
            problems.append(_("stages: must be a non-empty list of doses"))
        else:
            for n, st in enumerate(stages):
                if not isinstance(st, Mapping) or not st or set(st) - set(_DOSE_KEYS) \
                        or not all(_whole(v) for v in st.values()):
                    problems.append(_("stages[{n}]: a dose of sets, reps and hold_s only")
                                    .format(n=n))
    elif kind == "isometric":
        if not _pair(model.get("hold_s")):
            problems.append(_seconds_pair("hold_s"))
    elif kind == "minutes":
        if not _number(model.get("percent")):
            problems.append(_above_0("percent"))
        if "max" in model and not _number(model["max"]):
            problems.append(_above_0("max"))
    elif kind == "walk_run":
        if not _pair(model.get("run_s")):
            problems.append(_seconds_pair("run_s"))
        if not _whole(model.get("run_step")):
            problems.append(_("run_step: must be whole seconds above 0"))
        if not _number(model.get("percent")):
            problems.append(_above_0("percent"))
    return problems


def _above_0(key: str) -> str:
    return _("{key}: must be a number above 0").format(key=key)


def _seconds_pair(key: str) -> str:
    return _("{key}: must be [shortest, longest] seconds").format(key=key)


def rm_effort(text: str, old: int, new: int) -> str:
    """An effort target naming a rep-max, rewritten for another: ("15RM: the heaviest load
    you can lift 15 times", 15, 12) -> "12RM: ... 12 times"; other texts unchanged."""
    if f"{old}RM" not in text:
        return text
    changed = re.sub(rf"\b{old}RM\b", f"{new}RM", text)
    return re.sub(rf"\b{old} times\b", f"{new} times", changed)


def effort_text(text: str) -> str:
    """A shipped effort target in the current language, also after ``rm_effort`` rewrote
    its rep-max ("12RM: the heaviest load you can press 12 times ..."): the library's
    translation of the text with the original rep-max, with the new one put back."""
    from ..i18n import library_text

    shown = library_text(text)
    if shown != text:
        return shown
    found = re.match(r"(\d+)RM\b", text)
    if not found:
        return text
    rm = found.group(1)
    for original in (15, 12, 10, 8, 6, 20):  # the library's rep-max stages
        if str(original) == rm:
            continue
        candidate = re.sub(rf"\b{rm}RM\b", f"{original}RM", text)
        candidate = re.sub(rf"\b{rm} times\b", f"{original} times", candidate)
        translated = library_text(candidate)
        if translated != candidate:
            back = re.sub(rf"\b{original}RM\b", f"{rm}RM", translated)
            return re.sub(rf"\b{original}\b", rm, back)
    return text


def pain_rule_text(rule: str, *, acceptable_pain: int = 5, green_peak_max: int = 2) -> str:
    """The pain rule in plain words for the patient (exercise card, programme sheet), in the
    current language.

    Args:
        rule: "standard", "tendon" or "" (standard).
        acceptable_pain, green_peak_max: the user's thresholds (0-10).
    """
    if rule == "tendon":
        return _("Pain up to {limit}/10 during and after is acceptable if it has settled by "
                 "the next morning and does not build from week to week. Above {limit}/10, or "
                 "worse the next morning: do less next time.").format(limit=acceptable_pain)
    return _("Pain up to {green}/10 during is fine. {edge}-{limit}/10 is the edge: keep the "
             "dose. Above {limit}/10, or worse the next morning: do less next time (not "
             "nothing).").format(green=green_peak_max, edge=green_peak_max + 1,
                                 limit=acceptable_pain)


def frequency_text(days_per_week: int | None, weekdays: tuple[int, ...] = (),
                   times_per_day: int | None = None) -> str:
    """"3 days a week (Mon, Wed, Fri)", "every day, twice a day" (current language)."""
    n = len(weekdays) or (days_per_week or 0)
    if n >= 7:
        text = _("every day")
    elif n:
        text = ngettext("{n} day a week", "{n} days a week", n).format(n=n)
    else:
        text = ""
    if weekdays and len(weekdays) < 7:
        text += f" ({', '.join(dp.weekday_abbreviation(d) for d in weekdays)})"
    if times_per_day and times_per_day > 1:
        words = (_("twice a day") if times_per_day == 2 else
                 _("{n} times a day").format(n=times_per_day))
        text = f"{text}, {words}".strip(", ")
    return text


# ---- the engine --------------------------------------------------------------------------

SEE_PHYSIO = N_("Two red weeks in a row although this exercise was already stepped back: "
                 "pain is not settling with less load. Book an assessment with your physio "
                 "(pain worsening despite reduced load is a reason to see a clinician). Until "
                 "then keep the reduced dose, not zero.")
"""The reason of a "see_physio" suggestion (English, marked ``N_``; ``advise`` gives it in
the current language)."""

WEIGHT_UNITS = ("kg", "lb")
ISOMETRIC_STEP_S = 5
MIN_MINUTES = 5
MIN_HOLD_S = 10
Verdict = str  # "progress" (a full green week), "hold" or "back_off" (red)


def epley_one_rm(load: float, reps: int) -> float:
    """Estimated one-repetition maximum: 1RM = w x (1 + r / 30) (Epley 1985).

    Args:
        load: the load lifted (kg or lb).
        reps: the repetitions it can be lifted for (1-30).
    """
    return load * (1 + reps / 30)


def rm_load(load: float, from_rm: int, to_rm: int) -> float:
    """The load for a ``to_rm`` rep-max from a ``from_rm`` rep-max load, by Epley's formula.

    Rounded down to 0.5 (a step towards fewer reps is never lighter than the old load).
    Example: 60 kg at 15RM -> 64 kg at 12RM (60 x 1.5 / 1.4 = 64.3).
    """
    value = epley_one_rm(load, from_rm) / (1 + to_rm / 30)
    return int(value * 2) / 2


def _round_half(value: float) -> float:
    return round(value * 2) / 2


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return general(value)
    return str(value)


def model_of(progression: Any, category: str = "") -> dict[str, Any] | None:
    """The progression model of an exercise's stored ``progression`` value.

    Args:
        progression: a model object, a v1 list of steps, or None.
        category: the exercise's category (mobility without a model means "none").

    Returns:
        The model object; for a v1 list, the model it describes when it is clear (a
        rep-max table becomes ``rm_schedule``; a mobility exercise ``none``), else None
        (the caller falls back to the v1 step walker).
    """
    if isinstance(progression, Mapping) and progression.get("model") in MODELS:
        return dict(progression)
    if category == "mobility":
        return {"model": "none"}
    if isinstance(progression, list):
        stages = []
        for step in progression:
            if not isinstance(step, Mapping) or not isinstance(step.get("rm"), int):
                break
            weeks = step.get("weeks")
            if not (isinstance(weeks, list) and len(weeks) == 2):
                break
            stages.append({"weeks": list(weeks), "rm": step["rm"]})
        else:
            if stages:
                return {"model": "rm_schedule", "stages": stages, "load_step": 2.5}
    return None


def keeps_on_red(model: Mapping[str, Any]) -> bool:
    """True when a red week keeps this exercise's dose (isometrics, stretches, mobility)."""
    return model.get("red", "keep" if model.get("model") in KEEP_ON_RED else "step_back") \
        == "keep"


def _stage_index(stages: list, reps: int | None) -> int | None:
    if reps is None:
        return None
    for n, st in enumerate(stages):
        if st["rm"] == reps:
            return n
    # a rep count between the table's: the last stage with at least that many reps
    best = None
    for n, st in enumerate(stages):
        if st["rm"] >= reps:
            best = n
    return 0 if best is None else best


def _schedule_stage(stages: list, week: int) -> int | None:
    for n, st in enumerate(stages):
        if st["weeks"][0] <= week <= st["weeks"][1]:
            return n
    return None


def _ladder_index(stages: list, dose) -> int | None:
    for n, st in enumerate(stages):
        same = all(getattr(dose, k) == st.get(k) for k in ("reps", "hold_s"))
        if same and ("sets" not in st or st["sets"] == dose.sets):
            return n
    kind = "reps" if dose.reps else "hold_s"
    for n, st in enumerate(stages):
        if kind in st:
            return n
    return None


def _with_dose(dose: dp.Dose, changes: dict[str, Any]) -> dp.Dose:
    return replace(dose, **changes)


def _text(dose: dp.Dose) -> str:
    return dp.dose_text(dose.sets, dose.reps, dose.hold_s, dose.load, dose.load_unit)


def _suggest(dose: dp.Dose, kind: str, changes: dict[str, Any], reason: str) -> dp.Suggestion:
    """A suggestion changing ``changes`` ({field: new}) of ``dose``; the first is primary."""
    changes = {k: v for k, v in changes.items() if getattr(dose, k) != v}
    if not changes:
        return dp.Suggestion(dose.id, "hold", "", None, None, reason)
    items = [(k, getattr(dose, k), v) for k, v in changes.items()]
    (f, o, n), *more = items
    after = _with_dose(dose, changes)
    words = ("", "") if f == "notes" else (_text(dose), _text(after))
    return dp.Suggestion(dose.id, kind, f, o, n, reason, more=tuple(more),
                         dose_before=words[0], dose_after=words[1])


def _hold(dose: dp.Dose, reason: str, kind: str = "hold") -> dp.Suggestion:
    return dp.Suggestion(dose.id, kind, "", None, None, reason)  # type: ignore[arg-type]


def _countable(dose: dp.Dose) -> bool:
    return dose.load_unit in WEIGHT_UNITS


# ---- progress ----------------------------------------------------------------------------

def _progress(dose: dp.Dose, model: Mapping[str, Any], week: int | None) -> dp.Suggestion:
    why = _("A full green week.")
    kind = model["model"]

    def then_or_done(reset: dict[str, Any] | None = None) -> dp.Suggestion:
        """The next ``then`` step as a note; ``reset`` starts the harder variant at the
        bottom of the range again (fewer reps or a shorter hold), so steps never stack."""
        for text in model.get("then", []):
            if text not in (dose.notes or ""):
                changes: dict[str, Any] = {k: v for k, v in (reset or {}).items()
                                           if getattr(dose, k) != v}
                changes["notes"] = (dose.notes + "\n" + text).strip()
                extra = ""
                if reset and len(changes) > 1:
                    after = _with_dose(dose, {k: v for k, v in changes.items()
                                              if k != "notes"})
                    extra = " " + _("Start the new step at {dose} and build up again.").format(
                        dose=_text(after))
                return _suggest(dose, "progress", changes,
                                f"{why} " + _("Next step: {step}").format(
                                    step=library_text(text)) + extra)
        return _hold(dose, f"{why} " + _("Every step of this exercise's progression is "
                                         "reached: keep this dose and ask your physio for "
                                         "the next exercise."))

    if kind == "none":
        return _hold(dose, f"{why} " + _("This exercise keeps its dose: stretches, mobility "
                                         "work and checks are not progressed."))
    if kind == "rm_schedule":
        stages = model["stages"]
        cur = _stage_index(stages, dose.reps)
        if cur is None:
            return _hold(dose, f"{why} " + _("Give the reps of this heavy slow resistance "
                                             "exercise to follow its rep-max schedule."))
        target = _schedule_stage(stages, week) if week is not None else cur + 1
        last_week = stages[-1]["weeks"][1]
        if week is not None and week > last_week:
            return _hold(dose, f"{why} " + _("The {weeks}-week schedule is complete: keep "
                                             "this dose and ask your physio what comes "
                                             "next.").format(weeks=last_week))
        if target is None:
            target = cur
        step = float(model.get("load_step", 2.5))
        if target > cur:
            nxt = stages[cur + 1]
            old_rm, new_rm = stages[cur]["rm"], nxt["rm"]
            wk = nxt["weeks"]
            if dose.load and _countable(dose):
                new_load = max(rm_load(dose.load, old_rm, new_rm), dose.load + 0.5)
                changes = {"reps": new_rm, "load": new_load}
                heavier = 100 * (epley_one_rm(1, old_rm) / epley_one_rm(1, new_rm) - 1)
                stage = (_("The schedule's week {week}: {rm}RM.") if wk[0] == wk[1] else
                         _("The schedule's weeks {first}-{last}: {rm}RM.")).format(
                    week=wk[0], first=wk[0], last=wk[1], rm=new_rm)
                return _suggest(dose, "progress", changes,
                                f"{why} {stage} " + _heavier_text(
                                    _text(dose), _text(_with_dose(dose, changes)), new_rm,
                                    old_rm, f"{heavier:.0f}"))
            text = (_("The schedule's week {week}: {rm}RM, a load you can lift only {rm} "
                      "times with good form.") if wk[0] == wk[1] else
                    _("The schedule's weeks {first}-{last}: {rm}RM, a load you can lift only "
                      "{rm} times with good form."))
            return _suggest(dose, "progress", {"reps": new_rm},
                            f"{why} " + text.format(week=wk[0], first=wk[0], last=wk[1],
                                                    rm=new_rm))
        if target < cur:
            return _hold(dose, f"{why} " + _("Already ahead of the schedule ({rm}RM is planned "
                                             "from week {week}): keep this dose.").format(
                rm=stages[cur]["rm"], week=stages[cur]["weeks"][0]))
        if dose.load and _countable(dose):
            new_load = _round_half(dose.load + step)
            return _suggest(dose, "progress", {"load": new_load},
                            f"{why} " + _("Same {rm}RM, heavier as you get stronger: load "
                                          "{old} -> {new} {unit}.").format(
                                rm=stages[cur]["rm"], old=_fmt(dose.load), new=_fmt(new_load),
                                unit=dp.unit_word(dose.load_unit)))
        return _hold(dose, f"{why} " + _("Keep {rm}RM: a load you can lift only {rm} times "
                                         "with good form.").format(rm=stages[cur]["rm"]))
    if kind == "double":
        lo, hi = model["reps"]
        rep_step = int(model.get("rep_step", 2))
        if dose.reps is not None and dose.reps < hi:
            new = min(hi, max(lo, dose.reps + rep_step))
            return _suggest(dose, "progress", {"reps": new},
                            f"{why} " + _("More reps first: {old} -> {new} (up to {top}).")
                            .format(old=dose.reps, new=new, top=hi))
        if _countable(dose) and (model.get("load_step") or model.get("load_percent")):
            load = float(dose.load or 0)
            if model.get("load_step"):
                new_load = load + float(model["load_step"])
            else:
                new_load = max(load + 0.5, _round_half(load * (1 + model["load_percent"] / 100)))
            new_load = _round_half(new_load)
            return _suggest(dose, "progress", {"load": new_load, "reps": lo},
                            f"{why} " + _("{top} reps reached: add load and drop back to {low} "
                                          "reps: load {old} -> {new} {unit}.").format(
                                top=hi, low=lo, old=_fmt(load), new=_fmt(new_load),
                                unit=dp.unit_word(dose.load_unit)))
        return then_or_done({"reps": lo} if dose.reps is not None and lo < hi else None)
    if kind == "load":
        step, top = float(model["step"]), float(model["max"])
        load = float(dose.load or 0)
        if (_countable(dose) or dose.load_unit == "bodyweight") and load < top:
            new_load = min(top, _round_half(load + step))
            unit = dose.load_unit if _countable(dose) else "kg"
            return _suggest(dose, "progress", {"load": new_load, "load_unit": unit},
                            f"{why} " + _("Add {step} {unit}: {old} -> {new} {unit} (up to "
                                          "{top} {unit}).").format(
                                step=_fmt(step), old=_fmt(load), new=_fmt(new_load),
                                top=_fmt(top), unit=dp.unit_word(unit)))
        return then_or_done()
    if kind == "ladder":
        stages = model["stages"]
        cur = _ladder_index(stages, dose)
        if cur is not None and cur + 1 < len(stages):
            nxt = stages[cur + 1]
            new = {k: nxt.get(k) for k in _DOSE_KEYS if k != "sets"}
            if "sets" in nxt:
                new["sets"] = nxt["sets"]
            after = _with_dose(dose, new)
            return _suggest(dose, "progress", new,
                            f"{why} " + _("Next stage: {before} -> {after}.").format(
                                before=_text(dose), after=_text(after)))
        return then_or_done()
    if kind == "isometric":
        lo, hi = model["hold_s"]
        hold = dose.hold_s or lo
        if hold < hi:
            new = min(hi, hold + (ISOMETRIC_STEP_S if hold < 60 else 15))
            return _suggest(dose, "progress", {"hold_s": new},
                            f"{why} " + _("Hold longer: {old} -> {new} s (up to {top} s).")
                            .format(old=hold, new=new, top=hi))
        return then_or_done({"hold_s": lo} if lo < hi else None)
    if kind == "minutes":
        minutes = float(dose.load or 0)
        top = float(model.get("max", 0) or 0)
        if minutes and (not top or minutes < top):
            new = max(minutes + 1, round(minutes * (1 + model["percent"] / 100)))
            if top:
                new = min(top, new)
            return _suggest(dose, "progress", {"load": float(new)},
                            f"{why} " + _("About +{percent} % a week: {old} -> {new} minutes.")
                            .format(percent=_fmt(model["percent"]), old=_fmt(minutes),
                                    new=_fmt(float(new))))
        return then_or_done()
    if kind == "walk_run":
        lo, hi = model["run_s"]
        run = dose.hold_s or lo
        if run < hi:
            new = min(hi, run + int(model["run_step"]))
            return _suggest(dose, "progress", {"hold_s": new},
                            f"{why} " + _("Run parts first: run {old} -> {new} in each block, "
                                          "walk 1 minute, same total minutes.").format(
                                old=_bout(run), new=_bout(new)))
        minutes = float(dose.load or 0)
        if minutes:
            new_m = max(minutes + 1, round(minutes * (1 + model["percent"] / 100)))
            return _suggest(dose, "progress", {"load": float(new_m)},
                            f"{why} " + _("Run parts reached {run}: total minutes about "
                                          "+{percent} %: {old} -> {new} minutes.").format(
                                run=_bout(run), percent=_fmt(model["percent"]),
                                old=_fmt(minutes), new=_fmt(float(new_m))))
        return then_or_done()
    return _hold(dose, f"{why} " + _("Keep this dose."))  # pragma: no cover - MODELS is closed


_bout = dp.bout_text


def _an(number: int) -> bool:
    """True when English says "an 8" rather than "a 12" (the article as the number is said:
    8, 11, 18, 80 ...)."""
    return str(number).startswith(("8", "11", "18"))


def _heavier_text(before: str, after: str, new_rm: int, old_rm: int, percent: str) -> str:
    """"4 x 15 @ 60 kg -> 4 x 12 @ 64 kg: a 12RM load is about 7 % heavier than a 15RM load
    (Epley ...)." One whole sentence for each pair of English articles (a/an), so that every
    language words it as a sentence."""
    texts = {
        (False, False): _("{before} -> {after}: a {new}RM load is about {percent} % heavier "
                          "than a {old}RM load (Epley: 1RM = load x (1 + reps / 30))."),
        (False, True): _("{before} -> {after}: a {new}RM load is about {percent} % heavier "
                         "than an {old}RM load (Epley: 1RM = load x (1 + reps / 30))."),
        (True, False): _("{before} -> {after}: an {new}RM load is about {percent} % heavier "
                         "than a {old}RM load (Epley: 1RM = load x (1 + reps / 30))."),
        (True, True): _("{before} -> {after}: an {new}RM load is about {percent} % heavier "
                        "than an {old}RM load (Epley: 1RM = load x (1 + reps / 30))."),
    }
    return texts[(_an(new_rm), _an(old_rm))].format(before=before, after=after, new=new_rm,
                                                     old=old_rm, percent=percent)


# ---- step back -----------------------------------------------------------------------------

def _step_back(dose: dp.Dose, model: Mapping[str, Any], why: str) -> dp.Suggestion:
    """One stage back, never to zero (domain.md section 1: reduce load, not to zero)."""
    kind = model["model"]
    lowest = _hold(dose, f"{why} " + _("This is already the lowest step: keep it (less, not "
                                       "nothing), and take 24-48 h of relative rest from it "
                                       "if it keeps hurting."))

    def back(changes: dict[str, Any], what: str) -> dp.Suggestion:
        return _suggest(dose, "back_off", changes,
                        f"{why} " + _("One step back: {change} (not to zero).").format(
                            change=what))

    def load_change(old: Any, new: Any) -> str:
        return _("load {old} -> {new} {unit}").format(old=_fmt(old), new=_fmt(new),
                                                      unit=dp.unit_word(dose.load_unit))

    if kind == "rm_schedule":
        stages = model["stages"]
        cur = _stage_index(stages, dose.reps)
        if cur is not None and cur > 0:
            prev_rm = stages[cur - 1]["rm"]
            changes: dict[str, Any] = {"reps": prev_rm}
            if dose.load and _countable(dose):
                changes["load"] = _round_half(
                    epley_one_rm(dose.load, stages[cur]["rm"]) / (1 + prev_rm / 30))
            after = _with_dose(dose, changes)
            return back(changes, _("back to {rm}RM, {before} -> {after}").format(
                rm=prev_rm, before=_text(dose), after=_text(after)))
        step = float(model.get("load_step", 2.5))
        if dose.load and _countable(dose) and dose.load - step > 0:
            return back({"load": _round_half(dose.load - step)},
                        load_change(dose.load, _round_half(dose.load - step)))
        return lowest
    if kind == "double":
        lo, _hi = model["reps"]
        rep_step = int(model.get("rep_step", 2))
        step = model.get("load_step")
        if dose.reps is not None and dose.reps > lo:
            new = max(lo, dose.reps - rep_step)
            return back({"reps": new}, _("{old} -> {new} reps").format(old=dose.reps, new=new))
        if _countable(dose) and dose.load and model.get("load_percent") and not step:
            new_load = min(dose.load - 0.5,
                           _round_half(dose.load / (1 + model["load_percent"] / 100)))
            if new_load > 0:
                return back({"load": new_load}, load_change(dose.load, new_load))
        if _countable(dose) and dose.load and step and dose.load - float(step) > 0:
            new_load = _round_half(dose.load - float(step))
            return back({"load": new_load}, load_change(dose.load, new_load))
        if dose.sets > 1:
            return back({"sets": dose.sets - 1},
                        _("{old} -> {new} sets").format(old=dose.sets, new=dose.sets - 1))
        return lowest
    if kind == "load":
        step = float(model["step"])
        if dose.load and dose.load > 0:
            new_load = max(0.0, _round_half(dose.load - step))
            return back({"load": new_load}, load_change(dose.load, new_load))
        return lowest
    if kind == "ladder":
        stages = model["stages"]
        cur = _ladder_index(stages, dose)
        if cur is not None and cur > 0:
            prev = stages[cur - 1]
            changes = {k: prev.get(k) for k in _DOSE_KEYS if k != "sets"}
            if "sets" in prev:
                changes["sets"] = prev["sets"]
            return back(changes, f"{_text(dose)} -> {_text(_with_dose(dose, changes))}")
        return lowest
    if kind == "isometric":
        hold = dose.hold_s or 0
        if hold > MIN_HOLD_S:
            new = max(MIN_HOLD_S, hold - (ISOMETRIC_STEP_S if hold <= 60 else 15))
            return back({"hold_s": new}, _("hold {old} -> {new} s").format(old=hold, new=new))
        return lowest
    if kind in ("minutes", "walk_run"):
        if kind == "walk_run" and dose.hold_s and dose.hold_s > model["run_s"][0]:
            new = max(model["run_s"][0], dose.hold_s - int(model["run_step"]))
            return back({"hold_s": new}, _("run {old} -> {new} in each block, walk 1 minute")
                        .format(old=_bout(dose.hold_s), new=_bout(new)))
        minutes = float(dose.load or 0)
        if minutes > MIN_MINUTES:
            new_m = max(float(MIN_MINUTES), float(round(minutes / (1 + model["percent"] / 100))))
            new_m = min(new_m, minutes - 1)
            return back({"load": new_m}, _("{old} -> {new} minutes").format(
                old=_fmt(minutes), new=_fmt(new_m)))
        return lowest
    return lowest


# ---- advice --------------------------------------------------------------------------------

def advise(dose: dp.Dose, model: Mapping[str, Any], *, verdict: Verdict,
           week: int | None = None, red_weeks: int = 0,
           pain_during: Iterable[int | None] = (), pain_rule: str = "standard",
           acceptable_pain: int = 5, green_peak_max: int = 2,
           verdict_reason: str = "", physio_reason: str = "",
           days_due: int | None = None, days_done: int | None = None) -> dp.Suggestion:
    """Progression advice for one prescription after a week.

    Args:
        dose: the prescription's current dose.
        model: the exercise's progression model (``model_of``).
        verdict: the week's judgement (``domain.redflags.advice`` kind): "progress" after a
            full green week with no assessment advised, "back_off" when red, else "hold".
        week: the programme week the advice is for (1 = the exercise's first week), for
            ``rm_schedule``; None when unknown.
        red_weeks: red weeks in a row ending with this one (2 or more: see the physio).
        pain_during: this exercise's logged pain during (0-10) in the week.
        pain_rule: "standard" or "tendon" (see the module docstring).
        acceptable_pain, green_peak_max: the user's thresholds (domain.md section 2).
        verdict_reason: the week's judgement in words, used as the start of hold reasons.
        physio_reason: the words of a "see_physio" suggestion (default ``SEE_PHYSIO``).
        days_due, days_done: the days in the week this prescription was due, and done or
            partly done. A green week progresses only a dose that was done on at least
            half of its due days (at least one): a dose not yet done is not yet tolerated.

    Returns:
        The suggestion: "progress", "hold", "back_off" (one stage back, never to zero) or
        "see_physio" (after two red weeks in a row: pain not settling despite reduced load,
        domain.md section 6: book an assessment; keep the reduced dose meanwhile).
    """
    pains = [p for p in pain_during if p is not None]
    worst = max(pains) if pains else None
    own_limit = acceptable_pain if pain_rule == "tendon" else green_peak_max
    own_too_much = worst is not None and worst > acceptable_pain
    if verdict == "back_off" and red_weeks >= 2:
        return _hold(dose, physio_reason or _(SEE_PHYSIO), kind="see_physio")
    if own_too_much or verdict == "back_off":
        why = (dp.pain_above_text(worst, acceptable_pain) if own_too_much and worst is not None
               else _(dp.WEEK_RED))
        if keeps_on_red(model) and not own_too_much:
            text = (_("Keep this exercise at its dose: isometric holds can ease tendon pain "
                      "(Rio et al. 2015).")
                    if model.get("model") == "isometric" else
                    _("Keep this exercise at its dose: gentle mobility work does not load the "
                      "joint much."))
            return _hold(dose, f"{why} {text}")
        return _step_back(dose, model, why)
    if worst is not None and worst > own_limit:
        return _hold(dose, dp.pain_edge_text(worst, own_limit))
    if verdict != "progress":
        return _hold(dose, verdict_reason or _(dp.NOT_YET_GREEN_WEEK))
    if days_due is not None and days_done is not None \
            and days_done < max(1, math.ceil(days_due / 2)):
        return _hold(dose, ngettext(
            "A full green week, but this dose was done on {done} of its {due} day: do it on "
            "most of its days for a week first, then progress.",
            "A full green week, but this dose was done on {done} of its {due} days: do it on "
            "most of its days for a week first, then progress.", days_due).format(
            done=days_done, due=days_due))
    return _progress(dose, model, week)


def pain_monitoring_view(journal: Journal, *, acceptable_pain: int = 5,
                         green_peak_max: int = 2) -> Journal:
    """The journal as the tendon pain rule reads it (Silbernagel et al. 2007).

    Session pain during and after up to ``acceptable_pain`` is acceptable for tendon
    loading when it has settled by the next morning and does not build from week to
    week, so in this view such a rating counts as ``green_peak_max``: the light then
    judges a tendon exercise's week by the next mornings and the weekly trend (which
    stay as recorded), and pain above ``acceptable_pain`` stays red. The journal itself
    is not changed.

    Args:
        journal: the journal.
        acceptable_pain, green_peak_max: the user's thresholds (0-10).

    Returns:
        A new ``Journal`` with the same days, check-ins, flags and events.
    """
    def capped(value: int | None) -> int | None:
        if value is not None and green_peak_max < value <= acceptable_pain:
            return green_peak_max
        return value

    days = {}
    for day, rec in journal.days.items():
        if rec.sessions:
            sessions = tuple(replace(x, pain_during=capped(x.pain_during),
                                     pain_after=capped(x.pain_after)) for x in rec.sessions)
            rec = DayRecord(rec.day, rec.checkin, sessions, rec.red_flags, rec.events)
        days[day] = rec
    return Journal(days)
