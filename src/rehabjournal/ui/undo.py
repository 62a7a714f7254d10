"""Undo for every data change: commands that run a function forward and back.

The change is made (and committed) before the command is pushed, so a failed write never
lands on the stack; the first ``redo`` that QUndoStack.push calls is therefore skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack


class DoneCommand(QUndoCommand):
    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None],
                 after: Callable[[], None] | None = None):
        super().__init__(text)
        self._redo, self._undo, self._after = redo, undo, after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()
        if self._after:
            self._after()

    def undo(self) -> None:
        self._undo()
        if self._after:
            self._after()


def push_done(stack: QUndoStack, text: str, redo: Callable[[], None],
              undo: Callable[[], None], after: Callable[[], None] | None = None) -> None:
    """Record a change that has already been made."""
    stack.push(DoneCommand(text, redo, undo, after))
