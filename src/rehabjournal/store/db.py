"""Opening the journal file: checks, pragmas, migrations and the backup before them.

A journal is one SQLite file, ``journal.sqlite`` in the data folder. Before anything is
written to an existing file it is inspected read-only: a file that is not SQLite, is
damaged, is some other program's database, or comes from a newer version of the app is
refused with a :class:`JournalError` and left byte-for-byte untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from ..errors import StorageError
from . import migrations
from .models import database

JOURNAL_NAME = "journal.sqlite"
BACKUP_DIR = "backups"
# "RHJ1" as a big-endian integer: marks the file as a rehabjournal journal.
APPLICATION_ID = 0x52484A31
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a saved entry survives a power cut
    "busy_timeout": 5000,
}


class JournalError(StorageError):
    """The journal cannot be opened; the message says why and names the file."""


class NewerJournalError(JournalError):
    """The journal was written by a newer version of rehabjournal."""


def read_only_uri(path: Path) -> str:
    """SQLite's URI to open ``path`` read-only; a relative path is taken from the current
    folder (``Path.as_uri`` refuses relative paths)."""
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def journal_path(data_dir: Path) -> Path:
    return Path(data_dir) / JOURNAL_NAME


def _private(path: Path) -> None:
    """Make a file readable and writable by its owner only (POSIX)."""
    if os.name == "posix" and path.exists():
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


_open_path: Path | None = None  # the journal this process has open (any thread)


def holds(path: Path) -> bool:
    """True when this process has the journal ``path`` open (in any thread).

    Such a file must not be opened with ``open()``: closing any descriptor of a file drops
    all of this process's POSIX locks on it, SQLite's included (fcntl(2)), after which
    another program's connection believes it is the last, checkpoints and deletes the WAL
    while this process goes on writing into the deleted file: saved entries are lost.
    """
    if _open_path is None:
        return False
    try:
        return os.path.samefile(_open_path, path)
    except OSError:
        return False


_opened_count = 0  # journals opened in this process: part of change_key()


def opened(path: Path) -> None:
    """Record that the journal ``path`` is now open (``open_journal``, ``open_encrypted``)."""
    global _open_path, _opened_count
    _open_path = Path(path)
    _opened_count += 1


def inspect(path: Path) -> int:
    """Read an existing journal's schema version without changing the file.

    Returns:
        The schema version (0 for an empty SQLite file).

    Raises:
        JournalError: not a journal, damaged, unreadable, or from a newer version.
    """
    if holds(path):
        header = b"SQLite format 3\x00"  # ours, and plain (an encrypted one is inspected
        # by encryption.inspect); see holds() for why it is not opened here
    else:
        try:
            with open(path, "rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise JournalError(f"Cannot read the journal {path}: {exc.strerror}.") from exc
    if header and header != b"SQLite format 3\x00":
        raise JournalError(
            f"{path} is not a rehabjournal journal (it is not an SQLite database). "
            "It was left untouched."
        )
    if not header:
        return 0
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise JournalError(f"Cannot open the journal {path}: {exc}.") from exc
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise JournalError(
                f"The journal {path} is damaged ({result}). It was left untouched; "
                "restore a backup from the backups folder beside it."
            )
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise JournalError(
            f"The journal {path} is damaged or not a journal ({exc}). It was left untouched."
        ) from exc
    finally:
        conn.close()
    if tables and app_id != APPLICATION_ID:
        raise JournalError(
            f"{path} is an SQLite database of another program, not a rehabjournal journal. "
            "It was left untouched."
        )
    if version > migrations.LATEST:
        raise NewerJournalError(
            f"The journal {path} was made by a newer version of rehabjournal "
            f"(schema {version}; this version reads up to {migrations.LATEST}). "
            "Update rehabjournal to open it. The file was left untouched."
        )
    return version


def backup_copy(path: Path, reason: str) -> Path:
    """Copy the journal with SQLite's online backup API into ``backups/``.

    Args:
        path: the journal file.
        reason: a short word put in the file name, e.g. "pre-v2" or "daily".

    Returns:
        The path of the copy (mode 0600).
    """
    folder = path.parent / BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"journal-{stamp}-{reason}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"journal-{stamp}-{reason}-{n}.sqlite"
    src = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _private(target)
    return target


def open_journal(data_dir: Path, *, migrate: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the journal in ``data_dir`` and bind the models to it.

    Raises:
        JournalError: with a message for the user; nothing on disk was changed.
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise JournalError(
            f"Cannot create the data folder {data_dir}: {exc.strerror}."
        ) from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise JournalError(
            f"The data folder {data_dir} is read-only; rehabjournal needs to write its "
            "journal there. Choose another folder with --data-dir."
        )
    path = journal_path(data_dir)
    existed = path.exists()
    version = inspect(path) if existed else 0
    if existed and version and version < migrations.LATEST and migrate:
        backup_copy(path, f"pre-v{migrations.LATEST}")
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise JournalError(f"Cannot open the journal {path}: {exc}.") from exc
    try:
        _private(path)
        if not version:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if migrate:
            migrations.migrate(conn)
    except sqlite3.Error as exc:
        raise JournalError(f"Cannot prepare the journal {path}: {exc}.") from exc
    finally:
        conn.close()
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.connect()
    for suffix in ("-wal", "-shm"):
        _private(Path(str(path) + suffix))
    database.initialize(db)
    opened(path)
    return db


def change_key() -> tuple[int, int, int, int]:
    """A value that changes whenever the journal's content may have changed.

    (how many times a journal was opened in this process, this thread's connection, the
    rows it has changed since it opened, and SQLite's ``data_version``, which changes when
    another connection commits): a cache of what was read from the journal is valid while
    this stays the same.
    """
    conn = database.connection()
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    return _opened_count, id(conn), conn.total_changes, version


def atomic():
    """A transaction on the open journal (a savepoint when one is already open).

    Use as ``with atomic(): ...``; services wrap a use case in it (services/edit.py).
    """
    return database.atomic()


def close_journal() -> None:
    """Close the bound journal, checkpointing the WAL into the main file."""
    global _open_path
    _open_path = None
    db = database.obj
    if db is not None and not db.is_closed():
        with contextlib.suppress(Exception):  # closing must not fail on a busy checkpoint
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
