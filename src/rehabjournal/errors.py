"""One error family for every layer: what went wrong, where, and the exit code it maps to.

Every error rehabjournal raises on purpose is a ``RehabJournalError`` of one of four kinds.
Services, commands and the UI catch these kinds, never a module's private exception:

============  =================================================  =========  ===========
kind          meaning                                            where      CLI exit
============  =================================================  =========  ===========
validation    a value was refused; nothing was written           field      2
import        an input file was refused; the journal unchanged   line       3
storage       the journal or a file could not be read/written    table/row  1
not found     the thing asked for does not exist (any more)      table/row  4
============  =================================================  =========  ===========

A storage error of the sub-kind ``JournalBusyError`` (the journal is in use: another
rehabjournal process holds its lock, or SQLite stayed busy past its bounded wait) exits 5:
nothing was changed, and trying again later works.

Exit code 0 is success; 2 is also argparse's code for a bad command line, which is a
validation error of the arguments. The codes are documented in ``docs/architecture.md``.

This module is pure Python (no Qt, no peewee) so that every layer, ``domain`` included,
may import it.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable

from .i18n import _, ngettext, pgettext

EXIT_OK = 0
EXIT_STORAGE = 1
EXIT_VALIDATION = 2
EXIT_IMPORT = 3
EXIT_NOT_FOUND = 4
EXIT_BUSY = 5


class RehabJournalError(Exception):
    """Base of every error rehabjournal raises on purpose.

    Attributes:
        kind: "validation", "import", "storage" or "not found".
        exit_code: the command line's exit code for this kind.
        where: what the error is about, for the message's reader: a field name, "line 12",
            "table session, row 3", a file path; None when it is about the whole thing.
    """

    kind = "error"
    exit_code = EXIT_STORAGE

    def __init__(self, message: str, *, where: str | None = None):
        super().__init__(message)
        self.where = where

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(RehabJournalError, ValueError):
    """Bad input: nothing was written.

    Args:
        errors: {field name: message a user reads beside that field}; a plain string is
            taken as one message about no particular field (key "").

    Attributes:
        errors: the same mapping; ``where`` is the first field named.
    """

    kind = "validation"
    exit_code = EXIT_VALIDATION

    def __init__(self, errors: dict[str, str] | str):
        if isinstance(errors, str):
            errors = {"": errors}
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()),
                         where=next(iter(self.errors), None) or None)


class ImportFileError(RehabJournalError):
    """An input file (CSV, JSON, programme file ...) was refused; nothing was written.

    Args:
        problems: messages that each say where ("line 4, column rpe: ...").
        limit: at most this many are kept, plus a last "and N more problems" line.

    Attributes:
        problems: the messages kept; total: how many were found in all.
    """

    kind = "import"
    exit_code = EXIT_IMPORT
    limit = 50

    def __init__(self, problems: Iterable[str] | str, *, where: str | None = None):
        problems = [problems] if isinstance(problems, str) else list(problems)
        self.total = len(problems)
        shown = problems[: self.limit]
        if self.total > self.limit:
            more = self.total - self.limit
            shown.append(ngettext("and {n} more problem", "and {n} more problems", more)
                         .format(n=more))
        self.problems = shown
        super().__init__(self._summary(), where=where)

    def _summary(self) -> str:
        return "; ".join(self.problems[:5]) + (" ..." if len(self.problems) > 5 else "")


class StorageError(RehabJournalError):
    """The journal or a file could not be read or written (disk full, read-only, damaged,
    locked, newer format ...). What was typed is kept by the UI for a retry.

    Attributes:
        table, row: the journal table and row id concerned, when known.
    """

    kind = "storage"
    exit_code = EXIT_STORAGE

    def __init__(self, message: str, *, where: str | None = None, table: str | None = None,
                 row: int | None = None):
        if where is None and table:
            where = f"table {table}" + (f", row {row}" if row is not None else "")
        super().__init__(message, where=where)
        self.table, self.row = table, row


class JournalBusyError(StorageError):
    """The journal is in use: another rehabjournal process holds its lock, or another
    program kept SQLite busy past the bounded wait. Nothing was changed; try again later."""

    exit_code = EXIT_BUSY


journal_file: str | None = None
"""The journal file this process has open, named by the busy message (``services.session``
sets it when it opens the journal and clears it when it closes it)."""


def busy_error(path: object = None) -> JournalBusyError:
    """The message for SQLite's "database is locked" after the bounded wait (busy_timeout).

    Args:
        path: the journal file; the open one (``journal_file``) when None.
    """
    path = path if path is not None else journal_file
    if path:
        return JournalBusyError(
            _("The journal is busy: another program is using {path} (perhaps a sync or backup "
              "tool). Nothing was changed; try again in a moment.").format(path=path))
    return JournalBusyError(_("The journal is busy: another program is using it (perhaps a "
                              "sync or backup tool). Nothing was changed; try again in a "
                              "moment."))


def is_busy(exc: BaseException) -> bool:
    """True when ``exc``, or a failure behind it, is SQLite's "database is locked" / busy."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        if isinstance(current, JournalBusyError):
            return True
        if not isinstance(current, (StorageError, OSError)) and is_storage_failure(current):
            low = str(current).lower()
            if "database is locked" in low or "database table is locked" in low or (
                    "busy" in low and "database" in low):
                return True
        current = current.__cause__ or current.__context__
    return False


class NotFoundError(RehabJournalError):
    """The thing asked for does not exist (deleted elsewhere, or a wrong id or name)."""

    kind = "not found"
    exit_code = EXIT_NOT_FOUND

    def __init__(self, message: str, *, table: str | None = None, row: int | None = None):
        where = f"table {table}" + (f", row {row}" if row is not None else "") if table else None
        super().__init__(message, where=where)
        self.table, self.row = table, row


def storage_error(exc: BaseException, doing: str = "save") -> StorageError:
    """A ``StorageError`` that says in plain words why a read or write failed.

    Args:
        exc: an ``OSError``, a ``sqlite3.Error`` or a database driver's error (peewee wraps
            sqlite3's errors in its own classes of the same names).
        doing: the English verb for the message, e.g. "save", "undo", "read the journal"
            (translated by :func:`failed_action`; a text it does not know is shown as it
            is, so a caller may pass one already translated).
    """
    if isinstance(exc, StorageError):
        return exc
    if is_busy(exc):
        return busy_error()
    exc = _root_failure(exc)
    text = str(exc) or type(exc).__name__
    low = text.lower()
    action = failed_action(doing)
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in low:
        import os.path

        # SQLite rolls a transaction it could not write back: nothing was changed
        if journal_file:
            return StorageError(
                _("No space left on device in {folder}: could not {doing}, the disk is full "
                  "({reason}); free some space and try again. Nothing was changed.")
                .format(folder=os.path.dirname(journal_file), doing=action, reason=text))
        return StorageError(
            _("No space left on device: could not {doing}, the disk is full ({reason}); free "
              "some space and try again. Nothing was changed.").format(doing=action,
                                                                       reason=text))
    elif "readonly" in low or "read-only" in low or (
            isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)):
        message = _("Could not {doing}: the journal folder is read-only or not accessible "
                    "({reason}).")
    elif "locked" in low or "busy" in low:  # not SQLite's own (those are busy_error)
        message = _("Could not {doing}: another program is holding the file ({reason}), "
                    "perhaps a sync or backup tool; try again in a moment.")
    elif "disk i/o error" in low:
        message = _("Could not {doing}: the disk could not be written ({reason}): it may be "
                    "full, removed or failing.")
    else:
        # Translators: {doing} is a "failed action" text ("save" / "L'enregistrement" / "Das
        # Speichern"); {reason} is the system's own message, in English.
        message = _("Could not {doing}: {reason}.")
    return StorageError(message.format(doing=action, reason=text))


def failed_action(doing: str) -> str:
    """What :func:`storage_error` could not do, in the current language.

    English keeps the verb ("save": "Could not save: ..."); French and German translate it
    as the noun their sentence starts with ("L'enregistrement a échoué : ...", "Das
    Speichern ist fehlgeschlagen: ..."). Every ``doing`` the layers pass is listed here;
    "restore NAME" and "finish NAME" keep their name. An unknown text is returned as it is.
    """
    # Translators: "failed action" texts are the subject of "{doing} failed" (French "L'...
    # a échoué", German "Das ... ist fehlgeschlagen"), capitalised as a sentence's start.
    if doing.startswith("restore "):
        return pgettext("failed action", "restore {name}").format(name=doing[len("restore "):])
    if doing.startswith("finish "):
        return pgettext("failed action", "finish {name}").format(name=doing[len("finish "):])
    known = {
        "save": pgettext("failed action", "save"),
        "undo": pgettext("failed action", "undo"),
        "redo": pgettext("failed action", "redo"),
        "read": pgettext("failed action", "read"),
        "write": pgettext("failed action", "write"),
        "import": pgettext("failed action", "import"),
        "export": pgettext("failed action", "export"),
        "read the journal": pgettext("failed action", "read the journal"),
        "check the journal": pgettext("failed action", "check the journal"),
        "back up the journal": pgettext("failed action", "back up the journal"),
        "encrypt the journal": pgettext("failed action", "encrypt the journal"),
        "decrypt the journal": pgettext("failed action", "decrypt the journal"),
        "create the journal": pgettext("failed action", "create the journal"),
        "write the backup": pgettext("failed action", "write the backup"),
        "update the exercise library": pgettext("failed action",
                                                "update the exercise library"),
    }
    return known.get(doing, doing)


_SECONDARY = ("cannot rollback", "no transaction is active")


def _root_failure(exc: BaseException) -> BaseException:
    """The failure that says why, behind the ones it caused.

    When SQLite cannot COMMIT (disk full, I/O error) it rolls the transaction back itself;
    the driver's own ROLLBACK then fails with "cannot rollback - no transaction is active",
    which hides the real reason. Walk the chain of causes back to the first one that is not
    such a secondary failure.
    """
    seen = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    for candidate in seen:
        text = str(candidate).lower()
        if is_storage_failure(candidate) and not any(s in text for s in _SECONDARY):
            return candidate
    return exc


def is_storage_failure(exc: BaseException) -> bool:
    """True for the exceptions a failed read or write raises (disk, SQLite, driver)."""
    if isinstance(exc, (StorageError, OSError)):
        return True
    # sqlite3.Error and peewee's OperationalError, IntegrityError ... by their module, so
    # that importing this module stays cheap (it is imported at start-up).
    return any(getattr(k, "__module__", "") in ("sqlite3", "peewee", "sqlcipher3.dbapi2")
               and k.__name__ in ("Error", "DatabaseError", "PeeweeException")
               for k in type(exc).__mro__)
