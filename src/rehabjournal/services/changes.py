"""Building blocks for the ``Change`` of an edit (see ``services/edit.py``).

Most edits that add or remove a row undo the same way: the row is deleted with a
snapshot, and the snapshot is restored with the same ids. These helpers write that once.

Example:
    def do() -> Change:
        new_id = repo.add_phase(programme_id, values)
        return created(new_id, repo.delete_phase, repo.restore_phase)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .edit import Change

Snap = TypeVar("Snap")


def created(new_id: int, delete: Callable[[int], Snap], restore: Callable[[Snap], None],
            *, result: Any = None) -> Change:
    """The change of a row just created: undo deletes it (keeping its snapshot), redo
    restores that snapshot with the same ids.

    Args:
        new_id: the new row's id.
        delete: deletes a row by id and returns its snapshot.
        restore: puts a snapshot back.
        result: the edit's result (default: ``new_id``).
    """
    state: dict[str, Any] = {}

    def undo() -> None:
        state["snap"] = delete(new_id)

    def redo() -> None:
        restore(state["snap"])

    return Change(undo=undo, redo=redo, result=new_id if result is None else result)


def removed(item_id: int, delete: Callable[[int], Snap], restore: Callable[[Snap], None]
            ) -> Change:
    """Delete a row now: undo restores its snapshot, redo deletes it again.

    Returns:
        The change; its ``result`` is the snapshot taken.
    """
    state = {"snap": delete(item_id)}

    def undo() -> None:
        restore(state["snap"])

    def redo() -> None:
        state["snap"] = delete(item_id)

    return Change(undo=undo, redo=redo, result=state["snap"])


def setter(apply: Callable[[Any], Any], old: Any, new: Any, *, result: Any = None) -> Change:
    """The change of a value set by ``apply(new)`` (already done): undo applies ``old``."""
    return Change(undo=lambda: apply(old), redo=lambda: apply(new), result=result)


def chain(*changes: Change, result: Any = None) -> Change:
    """Several changes made in order, as one: undo runs backwards, redo forwards."""

    def undo() -> None:
        for c in reversed(changes):
            c.undo()

    def redo() -> None:
        for c in changes:
            c.redo()

    return Change(undo=undo, redo=redo, result=result)
