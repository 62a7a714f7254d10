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

from collections.abc import Mapping
from typing import Any

MODELS = ("rm_schedule", "double", "load", "ladder", "isometric", "minutes", "walk_run",
          "none")
PAIN_RULES = ("standard", "tendon")
SIDES = ("both", "each side", "affected side", "left", "right")
RED_RULES = ("step_back", "keep")
KEEP_ON_RED = ("isometric", "none")
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_DOSE_KEYS = ("sets", "reps", "hold_s")


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
        return ["progression: must be an object with a 'model' key"]
    problems: list[str] = []
    kind = model.get("model")
    if kind not in MODELS:
        return [f"model: must be one of {', '.join(MODELS)} (got {kind!r})"]
    then = model.get("then", [])
    if not isinstance(then, list) or not all(isinstance(t, str) and t.strip() for t in then):
        problems.append("then: must be a list of non-empty texts")
    if model.get("red", "step_back") not in RED_RULES:
        problems.append(f"red: must be one of {', '.join(RED_RULES)}")
    if "source" in model and not isinstance(model["source"], str):
        problems.append("source: must be text")
    if kind == "rm_schedule":
        stages = model.get("stages")
        if not isinstance(stages, list) or not stages:
            problems.append("stages: must be a non-empty list of {weeks: [from, to], rm}")
        else:
            last = 0
            for n, st in enumerate(stages, 1):
                if not isinstance(st, Mapping) or not _pair(st.get("weeks")) \
                        or not _whole(st.get("rm")):
                    problems.append(f"stages[{n - 1}]: needs weeks [from, to] and rm")
                    continue
                if st["weeks"][0] != last + 1:
                    problems.append(f"stages[{n - 1}]: weeks must follow on from week {last}")
                last = st["weeks"][1]
        if "load_step" in model and not _number(model["load_step"]):
            problems.append("load_step: must be a number above 0")
    elif kind == "double":
        if not _pair(model.get("reps")):
            problems.append("reps: must be [lowest, highest] whole numbers")
        if "rep_step" in model and not _whole(model["rep_step"]):
            problems.append("rep_step: must be a whole number above 0")
        for key in ("load_step", "load_percent"):
            if key in model and not _number(model[key]):
                problems.append(f"{key}: must be a number above 0")
    elif kind == "load":
        for key in ("step", "max"):
            if not _number(model.get(key)):
                problems.append(f"{key}: must be a number above 0")
    elif kind == "ladder":
        stages = model.get("stages")
        if not isinstance(stages, list) or not stages:
            problems.append("stages: must be a non-empty list of doses")
        else:
            for n, st in enumerate(stages):
                if not isinstance(st, Mapping) or not st or set(st) - set(_DOSE_KEYS) \
                        or not all(_whole(v) for v in st.values()):
                    problems.append(f"stages[{n}]: a dose of sets, reps and hold_s only")
    elif kind == "isometric":
        if not _pair(model.get("hold_s")):
            problems.append("hold_s: must be [shortest, longest] seconds")
    elif kind == "minutes":
        if not _number(model.get("percent")):
            problems.append("percent: must be a number above 0")
        if "max" in model and not _number(model["max"]):
            problems.append("max: must be a number above 0")
    elif kind == "walk_run":
        if not _pair(model.get("run_s")):
            problems.append("run_s: must be [shortest, longest] seconds")
        if not _whole(model.get("run_step")):
            problems.append("run_step: must be whole seconds above 0")
        if not _number(model.get("percent")):
            problems.append("percent: must be a number above 0")
    return problems


def pain_rule_text(rule: str, *, acceptable_pain: int = 5, green_peak_max: int = 2) -> str:
    """The pain rule in plain words for the patient (exercise card, programme sheet).

    Args:
        rule: "standard", "tendon" or "" (standard).
        acceptable_pain, green_peak_max: the user's thresholds (0-10).
    """
    if rule == "tendon":
        return (f"Pain up to {acceptable_pain}/10 during and after is acceptable if it has "
                "settled by the next morning and does not build from week to week. "
                f"Above {acceptable_pain}/10, or worse the next morning: do less next time.")
    return (f"Pain up to {green_peak_max}/10 during is fine. {green_peak_max + 1}-"
            f"{acceptable_pain}/10 is the edge: keep the dose. Above {acceptable_pain}/10, "
            "or worse the next morning: do less next time (not nothing).")


def frequency_text(days_per_week: int | None, weekdays: tuple[int, ...] = (),
                   times_per_day: int | None = None) -> str:
    """"3 days a week (Mon, Wed, Fri)", "every day, twice a day"."""
    n = len(weekdays) or (days_per_week or 0)
    if n >= 7:
        text = "every day"
    elif n == 1:
        text = "1 day a week"
    elif n:
        text = f"{n} days a week"
    else:
        text = ""
    if weekdays and len(weekdays) < 7:
        text += f" ({', '.join(WEEKDAY_NAMES[d] for d in weekdays)})"
    if times_per_day and times_per_day > 1:
        words = {2: "twice a day", 3: "3 times a day"}
        text = f"{text}, {words.get(times_per_day, f'{times_per_day} times a day')}".strip(", ")
    return text
