"""Edits: what a data-changing use case did, and how to undo and redo it.

Every use case that changes the journal for the UI returns an ``Edit``. It is made by
``perform``, which runs the change in one transaction (one user action is one transaction)
and turns disk and database failures into ``StorageError``. The UI applies any edit with
one helper (``ui/edit_path.py``): it pushes one undo step and announces the change.

An edit's ``undo`` and ``redo`` run in one transaction each and raise ``StorageError`` on a
failed write, like the edit itself did.

Example:
    def edit_checkin(day, values) -> Edit:
        def do():
            before = get_checkin(day)
            save_checkin(day, values)
            return Change(undo=lambda: restore_checkin(day, before),
                          redo=lambda: save_checkin(day, values))
        return perform(_("change morning pain"), do, day=day)

Labels and status texts are shown as they are given: a use case passes them translated
(``_("add event")``, ``saved=_("Event added")``), in the language of the moment the edit is
made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import RehabJournalError, is_storage_failure, storage_error
from ..i18n import N_, _
from ..store import db

#: What an edit touched, for the signals the UI sends after it.
JOURNAL, PROGRAMME, SETTINGS, OUTCOMES = "journal", "programme", "settings", "outcomes"


@dataclass
class Change:
    """What ``perform``'s function returns: how to undo and redo what it just did.

    Attributes:
        undo, redo: callables without arguments; each may assume the journal is as the
            other one left it.
        result: any value the caller needs (a new row's id ...).
    """

    undo: Callable[[], None]
    redo: Callable[[], None]
    result: Any = None


@dataclass
class Edit:
    """A change that has been committed, with its undo and redo.

    Attributes:
        label: short words for the Edit menu, e.g. "change morning pain" (shown capitalised:
            "Undo Change morning pain").
        result: what the use case returns besides (e.g. the new session's id).
        day: the journal day touched, or None when several days (or none) were.
        scope: what was touched: ``JOURNAL``, ``PROGRAMME``, ``SETTINGS`` or ``OUTCOMES``.
        saved: the status text to show, e.g. "Saved" or "Event added".
    """

    label: str
    _undo: Callable[[], None] = field(repr=False)
    _redo: Callable[[], None] = field(repr=False)
    result: Any = None
    day: date | None = None
    scope: str = JOURNAL
    saved: str = N_("Saved")

    def undo(self) -> None:
        """Undo the edit in one transaction.

        Raises:
            StorageError: the journal could not be written; it is as it was before.
        """
        transaction(self._undo, doing="undo")

    def redo(self) -> None:
        """Redo the edit in one transaction.

        Raises:
            StorageError: the journal could not be written; it is as it was before.
        """
        transaction(self._redo, doing="redo")


def transaction(fn: Callable[[], Any], *, doing: str = "save") -> Any:
    """Run ``fn`` inside one transaction; storage failures become ``StorageError``.

    Raises:
        RehabJournalError: what ``fn`` raised on purpose (validation ...), unchanged.
        StorageError: a disk, SQLite or driver failure; the transaction was rolled back.
    """
    try:
        with db.atomic():
            return fn()
    except RehabJournalError:
        raise
    except Exception as exc:
        if is_storage_failure(exc):
            raise storage_error(exc, doing) from exc
        raise


def perform(label: str, do: Callable[[], Change], *, day: date | None = None,
            scope: str = JOURNAL, saved: str | None = None) -> Edit:
    """Run a use case's change in one transaction and return it as an ``Edit``.

    Args:
        label: the undo text ("add run session"), translated.
        do: makes the change (validating first) and returns its ``Change``.
        day, scope, saved: see ``Edit``; ``saved`` None is "Saved" in the current language.

    Raises:
        ValidationError: a value was refused; nothing was written.
        StorageError: the write failed; nothing was written.
    """
    change = transaction(do)
    return Edit(label, change.undo, change.redo, result=change.result, day=day, scope=scope,
                saved=_("Saved") if saved is None else saved)


def no_change(label: str, *, day: date | None = None, scope: str = JOURNAL) -> Edit:
    """An edit that changed nothing (the value was already so); the UI pushes no undo step."""
    return Edit(label, _nothing, _nothing, day=day, scope=scope, saved="")


def _nothing() -> None:
    return None


def is_no_change(edit: Edit) -> bool:
    return edit._undo is _nothing and edit._redo is _nothing
