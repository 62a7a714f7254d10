"""Exercise logs as undoable edits, and the rehab session they make.

The Today page's "Exercises due" section answers each prescription with done, partly done
or skipped (or clears the answer). These wrappers make each answer one ``Edit`` around the
log functions of ``services/programme.py`` (one log per day and prescription).

Logged exercises are activity (``domain/rehab_session.py``): after every answer the day's
done and partly done exercises (conditioning excepted) are one session of kind "rehab
exercises" that counts in load, the Journal and the report:

* none yet: the app makes it, ``source`` 'programme', minutes estimated from the
  prescriptions logged (``minutes_estimated`` until the person types minutes), pain during
  the worst of the logs', effort (CR-10) as given in the section (``edit_effort``);
* the app's session is there: its estimate (unless the person typed minutes) and pain
  during follow the logs;
* the person typed a "rehab exercises" session that day themselves: the logs count in it
  (no second session, its minutes are never overwritten; its pain during, the worst of the
  session, is raised to the worst of the logs when that is higher, never lowered);
* no exercise counts any more (all cleared or skipped): the app's session is removed.

The other order is handled where sessions are typed (``services/journal.py``): adding a
"rehab exercises" session by hand, or changing a typed session's activity to it, on a day
that has the app's session merges the two (the typed values win; one session remains).

The answer, the log and the session change are one transaction and one undo step: undo
puts back the log and the day's sessions exactly as they were (same ids).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..domain import rehab_session as rs
from ..errors import NotFoundError
from ..i18n import N_, _
from ..store import journal_repo, programme_repo
from . import clock
from . import journal as js
from . import programme as ps
from .changes import chain
from .edit import Change, Edit, no_change, perform
from .errors import ValidationError

#: The undo text (and Edit menu entry) of each answer (marked: translated where used).
LABELS = {"done": N_("Exercise done"), "partial": N_("Exercise partly done"),
          "skipped": N_("Exercise skipped")}
CLEAR_LABEL = N_("Clear exercise answer")
_LOG_KEYS = ("status", "category", "p_sets", "p_reps", "p_hold_s", "rest_s", "pain_during")


def _logged(day: date) -> list[rs.LoggedExercise]:
    return [rs.LoggedExercise(sets=d["sets_done"], reps=d["reps_done"], hold_s=d["hold_s_done"],
                              **{k: d[k] for k in _LOG_KEYS})
            for d in programme_repo.logs_of_day(day)]


def estimate(day: date) -> dict[str, Any]:
    """What the day's logs make: {"minutes": estimated whole minutes (0: nothing counts),
    "pain_during": worst 0-10 or None, "exercises": how many logs count}."""
    logs = _logged(day)
    return {"minutes": rs.estimated_minutes(logs), "pain_during": rs.worst_pain(logs),
            "exercises": sum(1 for log in logs if log.counts)}


def rehab_session(day: date) -> dict[str, Any] | None:
    """The session the day's logs count in: the app's ('programme') one, else a "rehab
    exercises" session typed by hand that day; None when there is neither."""
    return (journal_repo.session_with_source(day, rs.SOURCE)
            or journal_repo.hand_session_of_kind(day, rs.KIND))


def sync_session(day: date) -> None:
    """Make the day's sessions agree with its exercise logs (rules in the module docstring).

    Runs in the caller's transaction; writes only what differs.
    """
    made = estimate(day)
    own = journal_repo.session_with_source(day, rs.SOURCE)
    if not made["exercises"]:
        if own is not None:
            journal_repo.delete_session(own["id"])
        return
    now = clock.now().replace(microsecond=0)
    if own is not None:
        values: dict[str, Any] = {"pain_during": made["pain_during"]}
        if own["minutes_estimated"]:
            values["minutes"] = made["minutes"]
        changed = {k: v for k, v in values.items() if own[k] != v}
        if changed:
            journal_repo.update_session(own["id"], {**changed, "updated": now})
        return
    hand = journal_repo.hand_session_of_kind(day, rs.KIND)
    if hand is not None:
        worst = made["pain_during"]
        if worst is not None and (hand["pain_during"] is None or hand["pain_during"] < worst):
            journal_repo.update_session(hand["id"], {"pain_during": worst, "updated": now})
        return
    journal_repo.append_session(day, {
        "kind": rs.KIND, "minutes": made["minutes"], "minutes_estimated": True,
        "source": rs.SOURCE, "pain_during": made["pain_during"], "notes": "",
        "site": journal_repo.main_site_id(), "updated": now,
    })


def _log_and_session(day: date, prescription_id: int, write: Callable[[], Any]) -> Change:
    """The change of one answer: the log ``write()`` makes and the session it syncs."""
    previous = ps.get_log(day, prescription_id)

    def both() -> None:
        write()
        sync_session(day)

    sessions = js.day_sessions_change(day, both)
    new = ps.get_log(day, prescription_id)
    log = Change(undo=lambda: ps.restore_log(day, prescription_id, previous),
                 redo=lambda: ps.restore_log(day, prescription_id, new))
    return chain(log, sessions)


def edit_log(day: date, prescription_id: int, values: dict[str, Any]) -> Edit:
    """Record what was done of a prescription on ``day`` as one undoable edit.

    The day's rehab session follows (module docstring), in the same transaction.

    Args:
        values: ``services.programme.LOG_FIELDS`` keys; ``status`` is "done" (default),
            "partial" or "skipped"; sets/reps/hold (s)/load/pain during (0-10).

    Raises:
        ValidationError: a value was refused, or the prescription no longer exists;
            nothing was written.
        StorageError: the write failed; nothing was written.
    """
    label = _(LABELS.get(values.get("status", "done"), N_("Exercise saved")))

    def do() -> Change:
        return _log_and_session(day, prescription_id,
                                lambda: ps.log_exercise(day, prescription_id, values))

    return perform(label, do, day=day, saved=_("Exercise saved"))


def edit_clear_log(day: date, prescription_id: int) -> Edit:
    """Remove the answer of a prescription on ``day`` as one undoable edit.

    When no exercise of the day counts any more, the rehab session the app made goes too
    (undo brings both back).

    Raises:
        StorageError: the write failed; nothing was removed.
    """
    if ps.get_log(day, prescription_id) is None:
        return no_change(_(CLEAR_LABEL), day=day)

    def do() -> Change:
        return _log_and_session(day, prescription_id,
                                lambda: ps.restore_log(day, prescription_id, None))

    return perform(_(CLEAR_LABEL), do, day=day, saved=_("Exercise saved"))


def edit_effort(day: date, rpe: int | None) -> Edit:
    """Set the effort (session RPE, CR-10 0-10; None: not rated) of the day's rehab session.

    Raises:
        ValidationError: no exercise is logged as done or partly done yet (there is no
            session to rate), or the value is not 0-10; nothing was written.
        StorageError: the write failed; nothing was written.
    """
    session = rehab_session(day)
    if session is None:
        raise ValidationError({"rpe": _("Mark an exercise done or partly done first: the "
                                        "effort is that session's.")})
    try:
        return js.edit_session(session["id"], {"rpe": rpe})
    except NotFoundError as exc:  # deleted between the read and the write
        raise ValidationError({"rpe": str(exc)}) from exc
