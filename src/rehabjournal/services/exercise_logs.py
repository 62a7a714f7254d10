"""Exercise logs as undoable edits: what was done of a prescription on a day.

The Today page's "Exercises due" section answers each prescription with done, partly done
or skipped (or clears the answer). These wrappers make each answer one ``Edit`` around the
log functions of ``services/programme.py`` (one log per day and prescription): undo puts
back the log that was there before, redo the one the answer wrote.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from . import programme as ps
from .edit import Change, Edit, no_change, perform

#: The undo text (and Edit menu entry) of each answer.
LABELS = {"done": "Exercise done", "partial": "Exercise partly done",
          "skipped": "Exercise skipped"}
CLEAR_LABEL = "Clear exercise answer"


def edit_log(day: date, prescription_id: int, values: dict[str, Any]) -> Edit:
    """Record what was done of a prescription on ``day`` as one undoable edit.

    Args:
        values: ``services.programme.LOG_FIELDS`` keys; ``status`` is "done" (default),
            "partial" or "skipped"; sets/reps/hold (s)/load/pain during (0-10).

    Raises:
        ValidationError: a value was refused, or the prescription no longer exists;
            nothing was written.
        StorageError: the write failed; nothing was written.
    """
    label = LABELS.get(values.get("status", "done"), "Exercise saved")

    def do() -> Change:
        previous = ps.log_exercise(day, prescription_id, values)
        new = ps.get_log(day, prescription_id)
        return Change(undo=lambda: ps.restore_log(day, prescription_id, previous),
                      redo=lambda: ps.restore_log(day, prescription_id, new))

    return perform(label, do, day=day, saved="Exercise saved")


def edit_clear_log(day: date, prescription_id: int) -> Edit:
    """Remove the answer of a prescription on ``day`` as one undoable edit.

    Raises:
        StorageError: the write failed; nothing was removed.
    """
    previous = ps.get_log(day, prescription_id)
    if previous is None:
        return no_change(CLEAR_LABEL, day=day)

    def do() -> Change:
        ps.restore_log(day, prescription_id, None)
        return Change(undo=lambda: ps.restore_log(day, prescription_id, previous),
                      redo=lambda: ps.restore_log(day, prescription_id, None))

    return perform(CLEAR_LABEL, do, day=day, saved="Exercise saved")
