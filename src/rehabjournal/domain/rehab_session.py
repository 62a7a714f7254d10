"""The session a day's programme exercise logs make: its estimated minutes and pain.

Logged programme exercises are activity (issue 13): the day's done and partly done
exercises form one session of kind "rehab exercises" whose load (session RPE x minutes,
Foster et al. 2001; domain.md section 3) counts like any other session. The person gives
the effort (CR-10); the minutes are estimated here until the person types their own.

Estimate (a design choice, documented in docs/journal.md):

    seconds of one exercise = sets x reps x (hold s, or ~4 s a repetition without a hold)
                              + (sets - 1) x rest between sets (s)

with the sets, repetitions and hold that were logged (the prescription's where the log
leaves one out), rest from the prescription (60 s when it names none), a hold-only
exercise counting as one repetition a set. The day's minutes are the sum over its
exercises, rounded to whole minutes (at least 1 once anything was done). About 4 s a
repetition is an ordinary strength tempo (about 2 s up, 2 s down); the heavy slow
resistance tempo of 3 s down and 3 s up (domain.md section 7) takes longer, which is why
the minutes stay an editable estimate: typed minutes replace it for good.

Example: leg press 4 x 15 at 40 kg, 2 min rest: 4 x 15 x 4 s + 3 x 120 s = 600 s = 10 min.

Conditioning exercises (category "conditioning": cycling, swimming, walk-run ...) are
activities of their own with their own effort; they are logged as their own session and
are not part of this one, so the same minutes never count twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: Kind of the session the logs make (also the kind a hand-typed session must have for the
#: logs to attach to it instead).
KIND = "rehab exercises"
#: ``ActivitySession.source`` of a session the app made from exercise logs.
SOURCE = "programme"
SECONDS_PER_REP = 4
DEFAULT_REST_S = 60
COUNTED_STATUSES = ("done", "partial")
#: The session values a hand-typed "rehab exercises" session gives the app's session of
#: the same day when the two are merged (``merged_values``).
MERGED_FIELDS = ("kind", "minutes", "rpe", "distance_km", "pain_before", "pain_during",
                 "pain_after", "site", "notes")
NOT_COUNTED_CATEGORIES = ("conditioning",)


@dataclass(frozen=True, slots=True)
class LoggedExercise:
    """One exercise log with what the estimate needs.

    Attributes:
        status: "done", "partial" or "skipped".
        category: the exercise's category (strength, isometric, mobility, conditioning).
        sets, reps, hold_s: what was done (None: the log did not say), falling back to
            ``p_sets``, ``p_reps``, ``p_hold_s``, the prescription's dose.
        rest_s: the prescription's rest between sets in seconds, or None.
        pain_during: worst pain during the exercise, 0-10, or None.
    """

    status: str
    category: str
    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    p_sets: int | None = None
    p_reps: int | None = None
    p_hold_s: int | None = None
    rest_s: int | None = None
    pain_during: int | None = None

    @property
    def counts(self) -> bool:
        """True when the log is part of the rehab session (done or partly done, not
        conditioning)."""
        return (self.status in COUNTED_STATUSES
                and self.category not in NOT_COUNTED_CATEGORIES)


def _pick(done: int | None, prescribed: int | None) -> int | None:
    return done if done is not None else prescribed


def exercise_seconds(log: LoggedExercise) -> int:
    """Estimated seconds of one logged exercise (formula in the module docstring)."""
    sets = _pick(log.sets, log.p_sets) or 0
    reps = _pick(log.reps, log.p_reps)
    hold = _pick(log.hold_s, log.p_hold_s)
    if sets <= 0 or (not reps and not hold):
        return 0
    work = (reps or 1) * (hold or SECONDS_PER_REP)
    rest = log.rest_s if log.rest_s is not None else DEFAULT_REST_S
    return sets * work + (sets - 1) * rest


def estimated_minutes(logs: Iterable[LoggedExercise]) -> int:
    """Estimated whole minutes of the day's rehab session (0 when nothing counts).

    Sums ``exercise_seconds`` over the logs that count and rounds half up; at least 1
    minute when any exercise counted.
    """
    counted = [log for log in logs if log.counts]
    if not counted:
        return 0
    seconds = sum(exercise_seconds(log) for log in counted)
    return max(1, int(seconds / 60 + 0.5))


def worst_pain(logs: Iterable[LoggedExercise]) -> int | None:
    """The worst pain during (0-10) of the logs that count, or None when none is rated."""
    values = [log.pain_during for log in logs if log.counts and log.pain_during is not None]
    return max(values) if values else None


def is_rehab_kind(kind: object) -> bool:
    """True when an activity name is "rehab exercises" (any case, spaces ignored)."""
    return " ".join(str(kind or "").lower().split()) == KIND


def merged_values(app: Mapping[str, Any], typed: Mapping[str, Any]) -> dict[str, Any]:
    """The values of the one session left when a "rehab exercises" session typed by hand
    is merged with the session the app made from the same day's exercise logs.

    Whichever came first, the day has one rehab session (no double counting, issue 13):

    * what the person typed wins (activity, minutes, effort, distance, pains, site,
      notes); a field left empty keeps the app's session's value (e.g. the effort given
      under the exercises);
    * pain during is the worst of the typed value and the app's (which is the worst pain
      during of the logged exercises): the same rule as when the exercises are logged
      after the session was typed;
    * the session becomes the person's: ``source`` '' and the minutes are no longer an
      estimate (``minutes_estimated`` False when minutes were typed).

    Args:
        app: the app's session (``source`` 'programme') as a dict of its columns.
        typed: the typed session's values (``MERGED_FIELDS`` keys; others are ignored).

    Returns:
        {column: value} to write on the session that stays.
    """
    out: dict[str, Any] = {}
    for key in MERGED_FIELDS:
        value = typed.get(key)
        empty = value is None or (isinstance(value, str) and not value.strip())
        out[key] = app.get(key) if empty else value
    pains = [p for p in (typed.get("pain_during"), app.get("pain_during")) if p is not None]
    out["pain_during"] = max(pains) if pains else None
    out["source"] = ""
    out["minutes_estimated"] = bool(app.get("minutes_estimated")) and typed.get("minutes") is None
    return out
