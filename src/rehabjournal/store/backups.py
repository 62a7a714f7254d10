"""Backup copies of the journal: the daily copy, retention, listing and restore.

Copies live in ``backups/`` beside ``journal.sqlite`` and are made with SQLite's online
backup API (``db.backup_copy``), so a copy is consistent even while the journal is open.
Each is named ``journal-YYYYMMDD-HHMMSS-REASON[-N].sqlite``; the reason says why it was
made: ``daily`` (first start of the day), ``manual`` (File > Back Up Now), ``pre-import``,
``pre-restore``, ``pre-vN`` (before a schema migration), ``pre-encrypt``.

Retention (``prune``) keeps every copy made on the last ``keep_daily`` days that have
copies, and beyond those the newest copy of each of the last ``keep_weekly`` ISO weeks
that have copies; everything older is removed. Only files named like a backup are
ever removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from . import db

_NAME = re.compile(
    r"^journal-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9][a-z0-9-]*?)(?:-(?P<n>\d+))?\.sqlite$"
)
# Tables whose row counts are shown for a backup, in this order, with the user's words.
COUNTED_TABLES: dict[str, str] = {
    "check_in": "check-ins",
    "activity_session": "sessions",
    "exercise_log": "exercise logs",
    "outcome_response": "outcome measures",
    "red_flag": "red flags",
    "event": "events",
    "programme": "programmes",
    "question": "questions",
}
REASONS = {
    "daily": "daily",
    "manual": "made by you",
    "pre-import": "before an import",
    "pre-restore": "before a restore",
    "pre-encrypt": "before encryption",
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy.

    Attributes:
        path: the file.
        made: when it was made (from its name; the file time for a renamed copy).
        reason: why: "daily", "manual", "pre-import", "pre-restore", "pre-v2" ...
        counts: rows per table (keys of ``COUNTED_TABLES``); empty when unreadable.
        error: why the copy could not be read, or "" when it is fine.
    """

    path: Path
    made: datetime
    reason: str
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""

    @property
    def reason_text(self) -> str:
        if self.reason.startswith("pre-v") and self.reason[5:].isdigit():
            return f"before upgrading to schema {self.reason[5:]}"
        return REASONS.get(self.reason, self.reason)


def backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / db.BACKUP_DIR


def _parse(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        made = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return made, match["reason"]


def _backup_files(data_dir: Path) -> list[tuple[Path, datetime, str]]:
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("journal-*.sqlite"):
        parsed = _parse(path)
        if parsed and path.is_file():
            found.append((path, *parsed))
    found.sort(key=lambda t: (t[1], t[0].name), reverse=True)
    return found


def count_rows(path: Path, passphrase: str | None = None) -> dict[str, int]:
    """Rows per counted table of a journal file, read through a read-only connection.

    An encrypted copy is read with ``passphrase`` (the open journal's when None).

    Raises:
        sqlite3.DatabaseError, db.JournalError: the file is not a readable journal.
    """
    from . import encryption

    if encryption.is_encrypted(path):
        key = passphrase or encryption.current_passphrase()
        if key is None:
            raise db.JournalError("encrypted")
        conn = encryption.connect(path, key)
    else:
        conn = sqlite3.connect(db.read_only_uri(path), uri=True)
    try:
        present = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in COUNTED_TABLES
            if table in present
        }
    finally:
        conn.close()


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backup copies of the journal in ``data_dir``, newest first."""
    result = []
    for path, made, reason in _backup_files(data_dir):
        try:
            counts, error = count_rows(path), ""
        except (sqlite3.Error, db.JournalError) as exc:
            counts, error = {}, f"unreadable ({exc})"
        result.append(BackupInfo(path, made, reason, counts, error))
    return result


def make_backup(data_dir: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy the journal of ``data_dir`` into ``backups/`` (mode 0600); returns the copy.

    Args:
        reason: a short lower-case word for the file name ("manual", "daily" ...).
        now: the time to put in the name (the clock when None).

    Raises:
        FileNotFoundError: there is no journal yet.
        sqlite3.Error, OSError: the copy could not be made (nothing is left behind).
    """
    path = db.journal_path(data_dir)
    if not path.exists():
        raise FileNotFoundError(f"There is no journal in {data_dir} to back up.")
    from . import encryption

    if encryption.is_encrypted(path):
        key = encryption.current_passphrase()
        if key is None:
            raise db.JournalError("The encrypted journal must be open to back it up.")
        copy = encryption.backup_copy(path, reason, key)
    else:
        copy = db.backup_copy(path, reason)
    if now is None:
        return copy
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = copy.with_name(f"journal-{stamp}-{reason}.sqlite")
    n = 1
    while target.exists():
        n += 1
        target = copy.with_name(f"journal-{stamp}-{reason}-{n}.sqlite")
    os.replace(copy, target)
    return target


def daily_backup_if_due(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Make the day's backup copy unless one was made today, then prune old copies.

    Called once at start-up. A failure to copy (disk full ...) is not fatal for starting
    the app: it returns None and the next start tries again.

    Returns:
        The new copy, or None when none was due (or there is no journal yet).
    """
    now = now or datetime.now()
    if not db.journal_path(data_dir).exists():
        return None
    today: date = now.date()
    if any(made.date() == today and reason == "daily"
           for _p, made, reason in _backup_files(data_dir)):
        return None
    try:
        copy = make_backup(data_dir, "daily", now)
    except (OSError, sqlite3.Error, db.JournalError):
        return None
    prune(data_dir)
    return copy


def prune(data_dir: Path, keep_daily: int = 14, keep_weekly: int = 8) -> list[Path]:
    """Remove old backup copies; returns the removed files.

    Keeps all copies of the newest ``keep_daily`` days that have copies, then the newest
    copy of each of the next ``keep_weekly`` ISO weeks that have copies.
    """
    files = _backup_files(data_dir)  # newest first
    days: list[date] = []
    for _path, made, _reason in files:
        if made.date() not in days:
            days.append(made.date())
    kept_days = set(days[:keep_daily])
    keep: set[Path] = {p for p, made, _r in files if made.date() in kept_days}
    weeks: list[tuple[int, int]] = []
    for path, made, _reason in files:
        if made.date() in kept_days:
            continue
        week = made.isocalendar()[:2]
        if week not in weeks:
            weeks.append(week)
            if len(weeks) <= keep_weekly:
                keep.add(path)  # the newest copy of that week
    removed = []
    for path, _made, _reason in files:
        if path not in keep:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class RestoreError(db.JournalError):
    """The backup cannot be restored; the journal was left as it was."""


def restore(data_dir: Path, backup_path: Path) -> Path | None:
    """Replace the journal of ``data_dir`` with a backup copy, keeping the current one.

    Steps: check the copy is a readable journal this version can open; copy the current
    journal to ``backups/`` ("pre-restore"); close the journal; copy the backup with the
    SQLite backup API into a temporary file and fsync it; remove the old journal's
    ``-wal``/``-shm``; move the copy over ``journal.sqlite`` atomically; reopen (which
    migrates an older copy, making its own ``pre-vN`` copy first).

    Returns:
        The "pre-restore" copy of the journal as it was (None when there was no journal).

    Raises:
        RestoreError: the backup is not a journal, is damaged or from a newer version;
            nothing was changed.
    """
    data_dir = Path(data_dir)
    backup_path = Path(backup_path)
    path = db.journal_path(data_dir)
    if not backup_path.is_file():
        raise RestoreError(f"The backup {backup_path} does not exist.")
    from . import encryption

    encrypted = encryption.is_encrypted(backup_path)
    key = encryption.current_passphrase() if encrypted else None
    try:
        if encrypted:
            if key is None:
                raise db.JournalError("it is encrypted and the journal open now is not")
            encryption.inspect(backup_path, key)
        else:
            db.inspect(backup_path)
    except db.JournalError as exc:
        raise RestoreError(f"Cannot restore {backup_path.name}: {exc}") from exc
    pre = make_backup(data_dir, "pre-restore") if path.exists() else None
    tmp = data_dir / f".{db.JOURNAL_NAME}.restoring"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        if encrypted:
            conn = encryption.connect(backup_path, key)
            try:
                encryption._export(conn, tmp, key)
            finally:
                conn.close()
        else:
            src = sqlite3.connect(db.read_only_uri(backup_path), uri=True)
            try:
                dst = sqlite3.connect(tmp)
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode = DELETE")  # no -wal beside the copy
                finally:
                    dst.close()
            finally:
                src.close()
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    db._private(tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    db.close_journal()
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
    os.replace(tmp, path)
    _fsync_dir(data_dir)
    if encrypted:
        encryption.open_encrypted(data_dir, key)
    else:
        db.open_journal(data_dir)
    return pre
