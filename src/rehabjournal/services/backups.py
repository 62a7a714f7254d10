"""Backup copies of the journal for the File menu and the command line.

Use cases over ``store.backups`` (where the copies are made, listed, pruned and put back).
Errors come as ``StorageError`` with a message for the person.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StorageError
from ..store import backups
from ..store.backups import COUNTED_TABLES, BackupInfo
from ..store.library import sync_shipped_exercises

__all__ = [
    "COUNTED_TABLES",
    "BackupInfo",
    "backup_dir",
    "backup_now",
    "list_backups",
    "restore_backup",
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
        if exc.message.startswith("No space left on device"):
            raise
        raise StorageError(f"The journal could not be copied: {exc}") from exc
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"The journal could not be copied: {str(exc).rstrip('.')}.") from exc


def restore_backup(data_dir: Path, backup: Path) -> Path | None:
    """Put the backup copy ``backup`` in place of the journal, and reopen it.

    The journal as it was is copied to the backups folder first.

    Returns:
        That "pre-restore" copy (None when there was no journal).

    Raises:
        StorageError: (``RestoreError``) the copy cannot be used: "Cannot restore NAME: the
            copy is REASON. Your journal was left as it was." (REASON as in
            ``list_backups``); or no space ("No space left on device in DIR: the restored
            journal needs about N MB ..."), or the copy failed; the journal was left as it
            was.
    """
    try:
        pre = backups.restore(data_dir, backup)
        sync_shipped_exercises()
    except StorageError:
        raise
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"Cannot restore {Path(backup).name}: {exc}") from exc
    return pre
