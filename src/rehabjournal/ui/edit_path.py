"""The one way the UI changes data: run a use case, then show what happened.

``apply_edit`` runs a service function that returns an ``Edit`` and handles its three
outcomes in one place:

- **saved**: one undo step is pushed, the change is announced (``journal_changed`` or
  ``programme_changed``) and the status bar says "Saved hh:mm:ss";
- **invalid** (``ValidationError``): each message goes beside the field that caused it;
  messages for no known field go to the page's message label (or the status bar);
- **write failed** (``StorageError``, or any disk/SQLite failure): the window's write-failed
  banner says why; what the person typed stays in the form, so finishing it retries.

Undo and redo of an edit take the same failure path: a failed undo shows the banner and
drops that step from the stack (the journal is as it was before the click).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from .. import i18n
from ..errors import (
    RehabJournalError,
    StorageError,
    ValidationError,
    is_busy,
    is_storage_failure,
)
from ..errors import storage_error as _storage_error
from ..services.edit import PROGRAMME, SETTINGS, Edit, is_no_change
from .context import AppContext

translate = QCoreApplication.translate


class ShowsError(Protocol):
    def show_error(self, message: str) -> None: ...


def step_text(pattern: str, label: str) -> str:
    """Edit > Undo's (or Redo's) text: ``pattern`` ("&Undo {change}", translated) with
    the step's ``label`` (the edit's label as it reads in a sentence: "change notes",
    "modifier les notes", "Notizen ändern"). After a colon the label stays as it is
    ("Annuler\u00a0: modifier les notes", "Rückgängig: Notizen ändern"); otherwise it
    starts with a capital, as a menu names a command ("Undo Change notes")."""
    before = pattern.split("{change}", 1)[0].rstrip(" \u00a0\u202f")
    if not before.endswith(":"):
        change = label[:1].upper() + label[1:]
    elif i18n.current() == "fr" and not label[1:2].isupper():
        change = label[:1].lower() + label[1:]  # French: lower case after a colon
    else:
        change = label  # German nouns keep their capital
    return pattern.format(change=change)


class EditCommand(QUndoCommand):
    """An already-applied ``Edit`` on the undo stack (the first redo from push is skipped)."""

    def __init__(self, ctx: AppContext, edit: Edit):
        super().__init__(edit.label[:1].upper() + edit.label[1:])  # "Undo Change stress"
        self.ctx, self.edit = ctx, edit
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.edit.redo, "redo")

    def undo(self) -> None:
        self._run(self.edit.undo, "undo")

    def _run(self, fn: Callable[[], None], verb: str) -> None:
        try:
            fn()
        except Exception as exc:
            if not isinstance(exc, RehabJournalError) and not is_storage_failure(exc):
                raise
            # a failed write, or a row deleted meanwhile (not found): the step cannot be
            # replayed, so QUndoStack drops it; the journal is as it was before the click
            self.setObsolete(True)
            reason = exc if isinstance(exc, RehabJournalError) else _storage_error(exc, verb)
            if verb == "undo":
                text = translate("edit_path", "Could not undo \u201c{change}\u201d. {reason}")
            else:
                text = translate("edit_path", "Could not redo \u201c{change}\u201d. {reason}")
            self.ctx.write_failed.emit(text.format(change=self.edit.label, reason=reason))
            self.ctx.journal_changed.emit(None)
            return
        announce(self.ctx, self.edit, many=True)
        done = (translate("edit_path", "Undone: {change}") if verb == "undo"
                else translate("edit_path", "Redone: {change}"))
        self.ctx.saved(done.format(change=self.edit.label))


def announce(ctx: AppContext, edit: Edit, *, many: bool = False, source: Any = None) -> None:
    """Tell every page what changed (the day, or None for "reload what you show")."""
    ctx.edit_source = source
    try:
        if edit.scope == PROGRAMME:
            ctx.programme_changed.emit()
            ctx.journal_changed.emit(None)
        elif edit.scope == SETTINGS:
            ctx.settings_changed.emit()
            ctx.journal_changed.emit(None)  # lights and advice depend on the thresholds
        else:
            ctx.journal_changed.emit(None if many else edit.day)
    finally:
        ctx.edit_source = None


def apply_edit(ctx: AppContext, run: Callable[[], Edit], *,
               fields: Mapping[str, ShowsError] | None = None,
               message: Callable[[str], None] | None = None,
               source: Any = None) -> Edit | None:
    """Run ``run()`` (a use case returning an ``Edit``) and handle its outcome.

    Args:
        ctx: the window's context (undo stack, signals).
        run: calls the service, e.g. ``lambda: js.edit_checkin(day, {"stress": 4})``.
        fields: {field name: widget with ``show_error(text)``} for validation messages.
        message: shows a validation message that names no known field (default: the
            status bar).
        source: the widget making the change; pages skip reloading for their own change
            by checking ``ctx.edit_source is self``.

    Returns:
        The edit when it was saved, else None (invalid or write failed; nothing written).
    """
    try:
        edit = run()
    except ValidationError as exc:
        show_validation(ctx, exc, fields or {}, message)
        return None
    except RehabJournalError as exc:
        if isinstance(exc, StorageError):
            write_failed(ctx, exc)
        else:
            (message or ctx.status.emit)(str(exc))
        return None
    except Exception as exc:
        if not is_storage_failure(exc):
            raise
        write_failed(ctx, _storage_error(exc))
        return None
    ctx.write_ok.emit()
    if is_no_change(edit):
        return edit
    ctx.undo_stack.push(EditCommand(ctx, edit))
    announce(ctx, edit, source=source)
    ctx.saved(edit.saved or None)
    return edit


def show_validation(ctx: AppContext, exc: ValidationError,
                    fields: Mapping[str, ShowsError],
                    message: Callable[[str], None] | None = None) -> None:
    """Put each message beside its field; the rest to ``message`` or the status bar."""
    rest = []
    for key, text in exc.errors.items():
        widget = fields.get(key)
        if widget is not None:
            widget.show_error(text)
        else:
            rest.append(text)
    if rest:
        (message or ctx.status.emit)(" ".join(rest))


KEPT_BUSY = QT_TRANSLATE_NOOP(
    "edit_path", "What you typed is still in the form; save again in a moment.")
KEPT_DISK = QT_TRANSLATE_NOOP(
    "edit_path", "What you typed is still in the form; free some disk space or check the data "
    "folder, then try again.")


def write_failed(ctx: AppContext, exc: StorageError) -> None:
    """Say in the banner why a save failed, with the advice that fits the cause: a busy
    journal (another program holds it) needs only a moment, not free disk space."""
    advice = translate("edit_path", KEPT_BUSY if is_busy(exc) else KEPT_DISK)
    ctx.write_failed.emit(translate("edit_path", "{reason} {advice}")
                          .format(reason=exc, advice=advice))
    ctx.status.emit(translate("edit_path", "Save failed"))
