"""Backup copies of the journal for the File menu and the command line.

Use cases over ``store.backups`` (where the copies are made, listed, pruned and put back).
Errors come as ``StorageError`` with a message for the person.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from ..errors import StorageError
from ..i18n import _
from ..store import backups, db, safe_write
from ..store.backups import COUNTED_TABLES, BackupInfo
from ..store.library import sync_shipped_exercises

__all__ = [
    "COUNTED_TABLES",
    "BackupInfo",
    "backup_dir",
    "backup_now",
    "list_backups",
    "offers_restore",
    "restore_backup",
    "restore_refused",
    "unusable_sentence",
]


def backup_dir(data_dir: Path) -> Path:
    """The folder of the backup copies of the journal in ``data_dir``."""
    return backups.backup_dir(data_dir)


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backup copies, newest first.

    A copy that cannot be restored has ``error`` set to why, in words for the person:
    "empty (0 bytes): nothing was saved in it", "partial: it is cut short (40 KB of
    120 KB), the copy was interrupted", "damaged: it failed SQLite's check (...)",
    "encrypted with another passphrase than the journal open now", "not a journal: ..."
    (see ``store.backups.inspect_copy``).
    """
    return backups.list_backups(data_dir)


def backup_now(data_dir: Path) -> Path:
    """Copy the open journal into the backups folder now (reason "manual"); returns the copy.

    The copy is checked before it gets its name (``store.backups.write_copy``).

    Raises:
        StorageError: the copy could not be made; nothing is left behind. A full disk:
            "No space left on device in DIR/backups: the backup needs about N MB; free some
            space and try again. Nothing was changed."; a damaged journal: "The journal ...
            failed its integrity check (...). It was not copied into the backups. Restore
            a backup ..."; else "The journal could not be copied: ...".
    """
    try:
        return backups.make_backup(data_dir, "manual")
    except backups.JournalDamagedError:
        raise
    except StorageError as exc:
        if isinstance(exc, safe_write.NoSpaceError) or safe_write.is_no_space(exc):
            raise
        raise StorageError(_("The journal could not be copied: {reason}").format(reason=exc)
                           ) from exc
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(_("The journal could not be copied: {reason}.")
                           .format(reason=str(exc).rstrip("."))) from exc


def unusable_sentence(name: str, error: str) -> str:
    """One sentence refusing to restore a copy: "NAME was not restored and your journal was
    left as it was: the copy is partial; it is cut short (40 KB of 120 KB), the copy was
    interrupted." (``error`` as in ``BackupInfo.error``)."""
    head, sep, detail = error.partition(": ")
    if sep:
        why = _("{state}; {detail}").format(state=head.rstrip("\u00a0"), detail=detail)
    else:
        why = error
    return (_("{name} was not restored and your journal was left as it was: the copy is "
              "{why}.").format(name=name, why=why))


def _refusal(backup: Path, exc: StorageError) -> StorageError:
    """The restore refusal ``exc`` as one sentence (see :func:`unusable_sentence`)."""
    backup = Path(backup)
    if isinstance(exc, backups.RestoreError):
        from ..store import encryption

        with contextlib.suppress(Exception):
            key = encryption.current_passphrase() if encryption.is_encrypted(backup) else None
            _counts, problem = backups.inspect_copy(backup, key, full=True)
            if problem:
                return StorageError(unusable_sentence(backup.name, problem), where=str(backup))
    return exc


def restore_backup(data_dir: Path, backup: Path) -> Path | None:
    """Put the backup copy ``backup`` in place of the journal, and reopen it.

    The journal as it was is copied to the backups folder first.

    Returns:
        That "pre-restore" copy (None when there was no journal).

    Raises:
        StorageError: the copy cannot be used: "NAME was not restored and your journal was
            left as it was: the copy is REASON." (see :func:`unusable_sentence`); or no
            space ("No space left on device in DIR: the restored journal needs about N MB
            ..."), or the copy failed ("NAME was not restored and your journal was left as
            it was: ..."); the journal was left as it was.
    """
    try:
        pre = backups.restore(data_dir, backup)
        sync_shipped_exercises()
    except StorageError as exc:
        failure = _refusal(backup, exc)
        if failure is exc:
            raise
        raise failure from exc
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(_not_restored(Path(backup).name, exc)) from exc
    return pre


def offers_restore(data_dir: Path, error: StorageError) -> bool:
    """True when the journal refused at start with ``error`` can be replaced by a backup.

    That is: it was refused as damaged, empty or not a journal (not because it is newer,
    encrypted, in use or its folder is unusable), it is a regular file (not a link or a
    folder) and the backups folder holds at least one copy that can be restored.
    """
    from ..store import encryption

    if not isinstance(error, db.JournalError) or isinstance(
            error, (db.NewerJournalError, db.EncryptedJournalError)):
        return False
    path = db.journal_path(Path(data_dir))
    if os.path.islink(path) or not os.path.isfile(path) or encryption.is_encrypted(path):
        return False
    return any(info.usable for info in backups.list_backups(data_dir))


KEPT_REASON = "pre-restore-damaged"
"""The name's reason of a refused journal moved into backups/ before a restore."""


def restore_refused(data_dir: Path, backup: Path, *, now: datetime | None = None) -> Path:
    """Put a backup copy in place of a journal that was refused at start (not open).

    The caller holds the journal lock. The refused file is kept as it was: it is moved
    (not copied: a damaged file may not be readable) with its ``-wal``/``-shm``/``-journal``
    into ``backups/`` as ``journal-YYYYMMDD-HHMMSS-pre-restore-damaged.sqlite`` (mode
    0600; the list shows it as not restorable). Then the copy is checked, written into a
    0600 temporary file beside the journal, checked again and renamed to
    ``journal.sqlite``. The journal is left closed: the app opens it as at every start
    (migrating an older copy). When anything fails, the refused file is moved back.

    Args:
        data_dir: the data folder.
        backup: the copy to restore (one of :func:`list_backups`).
        now: the time for the kept file's name (the clock when None).

    Returns:
        The kept refused journal in ``backups/``.

    Raises:
        StorageError: the copy cannot be used ("NAME was not restored and your journal was
            left as it was: the copy is REASON."), no space, or the copy failed; the
            refused journal is back in its place.
    """
    from ..store import safe_write

    data_dir = Path(data_dir).absolute()
    backup = Path(backup).absolute()
    path = db.journal_path(data_dir)
    if not backup.is_file():
        raise StorageError(_("{name} was not restored and your journal was left as it was: "
                             "the copy no longer exists.").format(name=backup.name),
                           where=str(backup))
    _counts, problem = backups.inspect_copy(backup, None, full=True)
    if problem:
        raise StorageError(unusable_sentence(backup.name, problem), where=str(backup))
    needed = os.stat(backup).st_size
    safe_write.use_data_dir(data_dir)
    safe_write.ensure_space(data_dir, needed, "the restored journal")
    folder = backups.backup_dir(data_dir)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = folder / f"journal-{stamp}-{KEPT_REASON}.sqlite"
    n = 1
    while any(os.path.lexists(f"{kept}{s}") for s in ("", *_SIDES)):
        n += 1
        kept = folder / f"journal-{stamp}-{KEPT_REASON}-{n}.sqlite"
    moved: list[tuple[str, str]] = []
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        for suffix in ("", *_SIDES):  # the main file first: it must move
            source = f"{path}{suffix}"
            if suffix and not os.path.lexists(source):
                continue
            os.rename(source, f"{kept}{suffix}")
            moved.append((source, f"{kept}{suffix}"))
            with contextlib.suppress(OSError):
                os.chmod(f"{kept}{suffix}", 0o600)
        safe_write.fsync_dir(folder)
        with backups.replacing_journal(path, "restore") as tmp:
            backups.copy_journal_file(backup, tmp)
    except BaseException as exc:
        if moved and not os.path.lexists(path):
            for source, target in reversed(moved):
                with contextlib.suppress(OSError):
                    os.rename(target, source)
        if isinstance(exc, StorageError):
            raise
        failure = backups.as_no_space(exc, data_dir, "the restored journal", needed)
        if failure is not exc:
            raise failure from exc
        if isinstance(exc, (OSError, sqlite3.Error)):
            raise StorageError(_not_restored(backup.name, exc), where=str(backup)) from exc
        raise
    return kept


_SIDES = ("-wal", "-shm", "-journal")


def _not_restored(name: str, exc: BaseException) -> str:
    """The sentence of a restore that failed with ``exc``: "NAME was not restored and your
    journal was left as it was: REASON."."""
    return (_("{name} was not restored and your journal was left as it was: {reason}.")
            .format(name=name, reason=str(exc).rstrip(".")))
