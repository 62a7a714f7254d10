"""Backup copies of the journal: the daily copy, retention, listing, checks and restore.

Copies live in ``backups/`` beside ``journal.sqlite``. Each is named
``journal-YYYYMMDD-HHMMSS-REASON[-N].sqlite``; the reason says why it was made: ``daily``
(first start of the day), ``manual`` (File > Back Up Now), ``pre-import``, ``pre-restore``,
``pre-vN`` (before a schema migration), ``pre-encrypt``, ``pre-decrypt``.

Every copy is made by :func:`write_copy`, and is either complete and checked or absent:

1. the disk must have room for the journal (with its ``-wal``): else "No space left on
   device in ...: the backup needs about N MB ...";
2. the journal gets a full ``PRAGMA integrity_check`` (a damaged journal is not copied:
   :class:`JournalDamagedError` says so and how to restore);
3. it is copied (SQLite's online backup API, or ``sqlcipher_export`` for an encrypted
   journal, in the same read transaction as the check where SQLite allows it) into a 0600
   temporary file beside the target (``safe_write.atomic_path``);
4. the copy is opened, ``integrity_check``-ed and its row counts compared with the
   journal's; only then is it renamed to its name. On any failure (disk full mid-copy
   included) the temporary file is removed.

:func:`list_backups` marks the copies that cannot be used (empty, partial, damaged,
encrypted with another passphrase, not a journal) with the reason, and :func:`restore`
refuses them with it, after a full ``integrity_check`` of the copy.

Retention (``prune``) keeps every copy made on the last ``keep_daily`` days that have
copies, and beyond those the newest copy of each of the last ``keep_weekly`` ISO weeks
that have copies; everything older is removed. Only files named like a backup are
ever removed.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..errors import StorageError, is_storage_failure, storage_error
from ..i18n import N_, _, pgettext
from . import db, migrations, safe_write

_NAME = re.compile(
    r"^journal-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9][a-z0-9-]*?)(?:-(?P<n>\d+))?\.sqlite$"
)
SQLITE_HEADER = b"SQLite format 3\x00"
# Tables whose row counts are shown for a backup, in this order, with the user's words.
COUNTED_TABLES: dict[str, str] = {
    "check_in": N_("check-ins"),
    "activity_session": N_("sessions"),
    "exercise_log": N_("exercise logs"),
    "outcome_response": N_("outcome measures"),
    "red_flag": N_("red flags"),
    "event": N_("events"),
    "programme": N_("programmes"),
    "question": N_("questions"),
}
"""The words are English (marked with ``N_``): translate them where they are shown."""
REASONS = {
    "daily": "daily",
    "manual": "made by you",
    "pre-import": "before an import",
    "pre-restore": "before a restore",
    "pre-restore-damaged": "the damaged journal, kept before a restore",
    "pre-encrypt": "before encryption",
    "pre-decrypt": "before decryption",
    "pre-cipher-update": "before updating the encryption format",
}
"""Why a copy was made, in English (``BackupInfo.reason_text`` gives them translated)."""


def _reason_words(reason: str) -> str | None:
    """``REASONS[reason]`` in the current language (None for a reason it does not list)."""
    return {
        "daily": pgettext("backup reason", "daily"),
        "manual": pgettext("backup reason", "made by you"),
        "pre-import": pgettext("backup reason", "before an import"),
        "pre-restore": pgettext("backup reason", "before a restore"),
        "pre-restore-damaged": pgettext("backup reason",
                                        "the damaged journal, kept before a restore"),
        "pre-encrypt": pgettext("backup reason", "before encryption"),
        "pre-decrypt": pgettext("backup reason", "before decryption"),
        "pre-cipher-update": pgettext("backup reason", "before updating the encryption format"),
    }.get(reason)

# Why a copy cannot be used: each follows "the copy is ..." (restore) and "Unusable: ..."
# (the list). English here (the constants are compared); ``inspect_copy`` translates them.
EMPTY = N_("empty (0 bytes): nothing was saved in it")
NOT_JOURNAL_TEXT = N_("not a journal: it is a text file")
NOT_WHOLE = N_("not a journal, or a partial copy: it is neither an SQLite file nor a whole "
               "encrypted journal")
OTHER_KEY = N_("encrypted with another passphrase than the journal open now")
NO_KEY = N_("encrypted, and the journal open now is not, so its passphrase is not known "
            "(open the encrypted journal to restore it)")
NO_SQLCIPHER = N_("encrypted, and SQLCipher, which reads encrypted journals, is not "
                  "installed (pip install 'rehabjournal[encryption]')")
FOREIGN = N_("not a journal: it is an SQLite database of another program")
EMPTY_SQLITE = N_("not a journal: it is an empty SQLite database")


class JournalDamagedError(db.JournalError):
    """The journal failed its full integrity check; no copy of it was made."""


class RestoreError(db.JournalError):
    """The backup cannot be restored; the journal was left as it was."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy.

    Attributes:
        path: the file.
        made: when it was made (from its name; the file time for a renamed copy).
        reason: why: "daily", "manual", "pre-import", "pre-restore", "pre-v2" ...
        counts: rows per table (keys of ``COUNTED_TABLES``); empty when unusable.
        error: why the copy cannot be used (e.g. "empty (0 bytes): nothing was saved in
            it"), or "" when it is fine.
    """

    path: Path
    made: datetime
    reason: str
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""

    @property
    def usable(self) -> bool:
        """True when the copy can be restored."""
        return not self.error

    @property
    def reason_text(self) -> str:
        """Why the copy was made, in the current language ("before an import")."""
        if self.reason.startswith("pre-v") and self.reason[5:].isdigit():
            return _("before upgrading to schema {version}").format(version=self.reason[5:])
        return _reason_words(self.reason) or self.reason


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


# ---- reading and checking a journal file ---------------------------------------------------

def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection (autocommit) that never fails on undecodable text."""
    conn = sqlite3.connect(db.read_only_uri(path), uri=True, isolation_level=None)
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    return conn


def _findings(conn, *, full: bool = True) -> str:
    """"" when SQLite's ``integrity_check`` (``quick_check`` when not ``full``) passes,
    else its first findings."""
    pragma = "integrity_check(3)" if full else "quick_check(3)"
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return "" if rows == ["ok"] else "; ".join(rows)


def all_counts(conn) -> dict[str, int]:
    """Rows of every table a connection sees ({table: rows}), to compare a copy with."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _size_text(n: int) -> str:
    if n < 1_000_000:
        return f"{max(1, round(n / 1000))} KB" if n else "0 KB"
    return safe_write.local_decimal(f"{n / 1_000_000:.1f} MB")


def _cut_short(header: bytes, size: int) -> str:
    """Why an SQLite file of ``size`` bytes starting with ``header`` is partial, or ""."""
    if len(header) < 100:
        return _("partial: it is cut short ({size}), the copy was interrupted").format(
            size=_size_text(size))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and header[24:28] == header[92:96] and size < page_size * pages:
        return _("partial: it is cut short ({size} of {total}), the copy was "
                 "interrupted").format(size=_size_text(size),
                                       total=_size_text(page_size * pages))
    return ""


def _is_text(header: bytes) -> bool:
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(header[:64], final=False)
    except UnicodeDecodeError:
        return False
    return bool(text) and all(c.isprintable() or c in "\t\r\n" for c in text)


def inspect_copy(path: Path, passphrase: str | None = None, *,
                 full: bool = False) -> tuple[dict[str, int], str]:
    """Read a backup copy (never writing to it) and say whether it can be restored.

    Args:
        path: the copy.
        passphrase: for an encrypted copy (the open journal's when None).
        full: a full ``integrity_check`` (restore) instead of the ``quick_check`` (list).

    Returns:
        (rows per counted table, "") for a usable copy; ({}, why it cannot be used) else,
        e.g. ``EMPTY``, "partial: it is cut short (40 KB of 120 KB), ...", "damaged: ...",
        ``OTHER_KEY``, ``NOT_WHOLE``, ``FOREIGN`` (in the current language).
    """
    from . import encryption

    try:
        size = os.stat(path).st_size
        if size == 0:
            return {}, _(EMPTY)
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return {}, _("unreadable: {reason}").format(reason=exc.strerror or exc)
    if header.startswith(SQLITE_HEADER):
        problem = _cut_short(header, size)
        if problem:
            return {}, problem
        opener = _read_only
    else:
        if _is_text(header):
            return {}, _(NOT_JOURNAL_TEXT)
        if size % 512:
            return {}, _(NOT_WHOLE)
        if not encryption.available():
            return {}, _(NO_SQLCIPHER)
        key = passphrase if passphrase is not None else encryption.current_passphrase()
        if key is None:
            return {}, _(NO_KEY)

        def opener(p: Path):
            return encryption.connect(p, key)
    try:
        conn = opener(path)
    except encryption.WrongPassphraseError:
        return {}, _(OTHER_KEY)
    except Exception as exc:
        if not is_storage_failure(exc):
            raise
        return {}, _("unreadable: {reason}").format(reason=exc)
    try:
        found = _findings(conn, full=full)
        if found:
            return {}, _("damaged: it failed SQLite's check ({findings})").format(
                findings=found)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        present = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not present:
            return {}, _(EMPTY_SQLITE)
        if app_id != db.APPLICATION_ID:
            return {}, _(FOREIGN)
        if version > migrations.LATEST:
            return {}, _("from a newer version of rehabjournal (schema {version}; this "
                         "version reads up to {latest})").format(version=version,
                                                                 latest=migrations.LATEST)
        if version < 0:
            return {}, _("not a journal: its schema version {version} is unknown").format(
                version=version)
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                  for t in COUNTED_TABLES if t in present}
    except Exception as exc:
        if not is_storage_failure(exc):
            raise
        return {}, _("damaged: {reason}").format(reason=exc)
    finally:
        conn.close()
    return counts, ""


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
            raise db.JournalError(_("encrypted"))
        conn = encryption.connect(path, key)
    else:
        conn = _read_only(path)
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


KEPT_DAMAGED = N_("the damaged journal as it was before a restore; kept for your physio or "
                  "a repair, not restorable")
"""Why a "pre-restore-damaged" file (a journal that failed its check or was refused, kept
as it was before a backup replaced it) is listed as not restorable."""


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backup copies of the journal in ``data_dir``, newest first.

    A copy that cannot be restored has ``error`` set to why (see :func:`inspect_copy`); a
    damaged journal kept before a restore ("pre-restore-damaged") is not even read: its
    ``error`` is ``KEPT_DAMAGED``.
    """
    result = []
    for path, made, reason in _backup_files(data_dir):
        if reason == "pre-restore-damaged":
            result.append(BackupInfo(path, made, reason, {}, _(KEPT_DAMAGED)))
            continue
        counts, error = inspect_copy(path)
        result.append(BackupInfo(path, made, reason, counts, error))
    return result


def damaged_message(path: Path, findings: str) -> str:
    """The message for a journal that failed its integrity check."""
    folder = Path(path).parent / db.BACKUP_DIR
    return _("The journal {path} failed its integrity check ({findings}). It was not copied "
             "into the backups. Restore a backup made before the damage: in the app, File > "
             "Restore from Backup...; the copies are in {folder}.").format(
                 path=path, findings=findings, folder=folder)


def _journal_conn(path: Path, key: str | None):
    if key is None:
        return _read_only(path)
    from . import encryption

    return encryption.connect(path, key)


def check_journal(path: Path, passphrase: str | None = None) -> None:
    """Run a full ``PRAGMA integrity_check`` of the journal file ``path`` (read-only).

    Args:
        path: the journal.
        passphrase: its passphrase when it is encrypted (None: a plaintext journal).

    Raises:
        JournalDamagedError: it failed the check (the message says how to restore).
        StorageError: it could not be read (busy, I/O error): not a verdict on damage.
    """
    try:
        conn = _journal_conn(path, passphrase)
        try:
            found = _findings(conn, full=True)
        finally:
            conn.close()
    except db.JournalError:
        raise
    except sqlite3.OperationalError as exc:  # busy, locked, I/O: not damage
        raise storage_error(exc, "check the journal") from exc
    except Exception as exc:
        if not is_storage_failure(exc):
            raise
        if type(exc).__name__ == "OperationalError":
            raise storage_error(exc, "check the journal") from exc
        found = str(exc)  # "database disk image is malformed", "file is not a database"
    if found:
        raise JournalDamagedError(damaged_message(path, found), where=str(path))


def check_data_journal(data_dir: Path) -> None:
    """A full ``integrity_check`` of the open journal of ``data_dir`` (see
    :func:`check_journal`; an encrypted journal is read with the open one's passphrase).

    Raises:
        JournalDamagedError: it failed the check.
        StorageError: it could not be read.
    """
    from . import encryption

    path = db.journal_path(data_dir)
    key = encryption.current_passphrase() if encryption.is_encrypted(path) else None
    check_journal(path, key)


# ---- writing a checked copy ---------------------------------------------------------------

def _journal_size(path: Path) -> int:
    """The journal's bytes with its ``-wal`` (what a copy needs at most); never opens it."""
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += os.stat(f"{path}{suffix}").st_size
    return total


def copy_journal_file(source: Path, tmp: Path, *, key_in: str | None = None,
                      key_out: str | None = None, check_source: bool = False,
                      cipher_format: int | None = None) -> dict[str, int]:
    """Copy the journal file ``source`` into the empty file ``tmp`` and check the copy.

    Plain to plain uses SQLite's backup API inside one read transaction (the check, the
    row counts and the copy see the same state); anything encrypted goes through
    ``sqlcipher_export``. The copy is then opened, gets a full ``integrity_check`` and
    must have the journal's row counts.

    Args:
        source: the journal (or a backup copy being restored).
        tmp: the empty temporary file to write (from ``safe_write.atomic_path``).
        key_in: ``source``'s passphrase (None: plaintext).
        key_out: the copy's passphrase (None: plaintext).
        check_source: run a full ``integrity_check`` of ``source`` first.
        cipher_format: the SQLCipher format of an encrypted copy (3: SQLCipher 3's; None:
            the current one, see ``encryption.update_format``).

    Returns:
        The copy's rows per table.

    Raises:
        JournalDamagedError: ``check_source`` and ``source`` failed its check.
        StorageError: the copy did not check out.
        sqlite3.Error, sqlcipher errors, OSError: reading or writing failed (disk full ...).
    """
    if key_in is None and key_out is None:
        src = _read_only(source)
    elif key_in is None:
        from . import encryption

        src = encryption._driver().connect(str(source), isolation_level=None)
    else:
        src = _journal_conn(source, key_in)
    try:
        plain = key_in is None and key_out is None
        if plain:
            src.execute("BEGIN")  # one snapshot for the check, the counts and the copy
        if check_source:
            found = _findings(src, full=True)
            if found:
                raise JournalDamagedError(damaged_message(source, found), where=str(source))
        expected = [all_counts(src)]
        if plain:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # no -wal beside the copy
            finally:
                dst.close()
        else:
            from . import encryption

            encryption._export(src, tmp, key_out or "", cipher_format=cipher_format)
            expected.append(all_counts(src))  # the journal may have changed meanwhile
    finally:
        src.close()
    check = _journal_conn(tmp, key_out)
    try:
        found = _findings(check, full=True)
        got = all_counts(check)
    finally:
        check.close()
    if found or got not in expected:
        if found:
            message = _("The new copy of the journal did not check out (it failed SQLite's "
                        "check: {findings}); it was removed. Nothing was changed.").format(
                            findings=found)
        else:
            message = _("The new copy of the journal did not check out (its row counts "
                        "differ from the journal's); it was removed. Nothing was changed.")
        raise StorageError(message, where=str(source))
    return got


def _free_name(folder: Path, now: datetime, reason: str) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = folder / f"journal-{stamp}-{reason}.sqlite"
    n = 1
    while target.exists() or target.is_symlink():
        n += 1
        target = folder / f"journal-{stamp}-{reason}-{n}.sqlite"
    return target


def as_no_space(exc: BaseException, folder: Path, what: str, needed: int) -> BaseException:
    """``exc``, or the "No space left on device in FOLDER: WHAT needs about N MB" error
    when it is a full disk."""
    if safe_write.is_no_space(exc):
        return safe_write.no_space_error(folder, what, needed)
    return exc


def write_copy(path: Path, reason: str, passphrase: str | None = None, *,
               now: datetime | None = None, check: bool = True,
               cipher_format: int | None = None) -> Path:
    """Make a checked backup copy of the journal ``path`` in ``backups/`` beside it.

    Free space first, then a full ``integrity_check`` of the journal, the copy into a 0600
    temporary file, its ``integrity_check`` and row counts, and only then its name (see
    the module's docstring). Nothing is left behind when any step fails.

    Args:
        path: the journal file.
        reason: a short lower-case word for the file name ("daily", "pre-import" ...).
        passphrase: the journal's passphrase when it is encrypted (the copy is encrypted
            with it too); None for a plaintext journal.
        now: the time to put in the name (the clock when None).
        check: False copies a journal that failed its check as it is, unchecked (only
            the "pre-restore-damaged" copy kept before a restore).
        cipher_format: the SQLCipher format of an encrypted copy (None: the current one;
            ``encryption.update_format`` keeps the journal's old one).

    Returns:
        The copy (mode 0600).

    Raises:
        JournalDamagedError: the journal failed its integrity check; nothing was copied.
        StorageError: no space ("No space left on device in DIR: the backup needs about
            N MB; free some space and try again. Nothing was changed."), the journal is
            busy or unreadable, or the copy did not check out.
    """
    path = Path(path).absolute()
    folder = path.parent / db.BACKUP_DIR
    needed = _journal_size(path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        if safe_write.is_no_space(exc):
            raise safe_write.no_space_error(path.parent, N_("the backup"), needed) from exc
        if os.path.islink(folder) and not folder.exists():
            why = _("it is a link to {target}, which does not exist").format(
                target=os.readlink(folder))
        elif os.path.lexists(folder) and not folder.is_dir():
            why = _("it is a file, not a folder")
        else:
            why = exc.strerror or str(exc)
        raise StorageError(_("Cannot create the backups folder {folder}: {reason}. "
                             "rehabjournal keeps its backup copies there: move that away, "
                             "then try again. Nothing was changed.").format(
                                 folder=folder, reason=why), where=str(folder)) from exc
    target = _free_name(folder, now or datetime.now(), reason)
    safe_write.ensure_space(folder, needed, N_("the backup"))
    try:
        with safe_write.atomic_path(target, doing="write the backup", internal=True) as tmp:
            if check:
                copy_journal_file(path, tmp, key_in=passphrase, key_out=passphrase,
                                  check_source=True, cipher_format=cipher_format)
            else:
                _copy_unchecked(path, tmp, passphrase)
    except db.JournalError:
        raise
    except Exception as exc:
        failure = as_no_space(exc, folder, N_("the backup"), needed)
        if failure is not exc:
            raise failure from exc
        if isinstance(exc, StorageError):
            raise
        if is_storage_failure(exc):
            raise storage_error(exc, "back up the journal") from exc
        raise
    return target


def _copy_unchecked(path: Path, tmp: Path, passphrase: str | None) -> None:
    """Copy a damaged journal as it is (its pages, unread), to keep it before a restore."""
    if passphrase is None:
        src = sqlite3.connect(db.read_only_uri(path), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    else:
        from . import encryption

        conn = encryption.connect(path, passphrase)
        try:
            encryption._export(conn, tmp, passphrase)
        finally:
            conn.close()


def make_backup(data_dir: Path, reason: str, now: datetime | None = None, *,
                check: bool = True) -> Path:
    """Copy the journal of ``data_dir`` into ``backups/`` (checked, mode 0600).

    Args:
        reason: a short lower-case word for the file name ("manual", "daily" ...).
        now: the time to put in the name (the clock when None).
        check: see :func:`write_copy`.

    Raises:
        FileNotFoundError: there is no journal yet.
        JournalDamagedError: the journal failed its integrity check; nothing was copied.
        db.JournalError: the journal is encrypted and not open.
        StorageError: see :func:`write_copy` (nothing is left behind).
    """
    path = db.journal_path(data_dir)
    if not path.exists():
        raise FileNotFoundError(_("There is no journal in {folder} to back up.").format(
            folder=data_dir))
    from . import encryption

    key = None
    if encryption.is_encrypted(path):
        key = encryption.current_passphrase()
        if key is None:
            raise db.JournalError(_("The encrypted journal must be open to back it up."))
    return write_copy(path, reason, key, now=now, check=check)


def backup_of_open(reason: str) -> Path | None:
    """A checked copy of the journal the models are bound to (encrypted like it).

    Returns:
        The copy, or None when the bound journal is not a file (in memory).

    Raises:
        See :func:`write_copy`.
    """
    from . import encryption
    from .models import database

    if database.obj is None or database.obj.database in ("", ":memory:"):
        return None
    path = Path(database.obj.database).absolute()
    if not path.exists():
        return None
    # a journal another program holds stops an import here, before its backup copy (one
    # copy per failed try, otherwise)
    db.wait_writable()
    return write_copy(path, reason, encryption.current_passphrase())


def daily_backup_if_due(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Make the day's backup copy unless one was made today, then prune old copies.

    Called once at start-up. A failure to copy (disk full ...) is not fatal for starting
    the app: it returns None and the next start tries again.

    Returns:
        The new copy, or None when none was due (or there is no journal yet).

    Raises:
        JournalDamagedError: the journal failed its integrity check (no copy was made):
            the app says so and offers a restore.
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
    except JournalDamagedError:
        raise
    except (OSError, sqlite3.Error, db.JournalError, StorageError):
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


# ---- putting a copy in place of the journal ---------------------------------------------

@contextmanager
def replacing_journal(path: Path, doing: str) -> Iterator[Path]:
    """Yield an empty 0600 temporary file beside the journal ``path`` that replaces it
    (atomically, fsync-ed) when the block ends normally; removed when it raises.

    The journal must be closed. Its ``-wal``/``-shm`` are removed just before the rename
    (they belong to the file being replaced).
    """
    with safe_write.atomic_path(path, doing=doing, internal=True) as tmp:
        yield tmp
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{path}{suffix}")


def _reopen(data_dir: Path, key: str | None) -> None:
    """Open the journal again after a failed replacement (best effort)."""
    from . import encryption

    with contextlib.suppress(Exception):
        if key is None:
            db.open_journal(data_dir)
        else:
            encryption.open_encrypted(data_dir, key)


def restore(data_dir: Path, backup_path: Path) -> Path | None:
    """Replace the journal of ``data_dir`` with a backup copy, keeping the current one.

    Steps: a full check of the copy (:func:`inspect_copy` with ``full=True``: an empty,
    partial, damaged, foreign, newer copy or one encrypted with another passphrase is
    refused with the reason); free space; a checked copy of the current journal to
    ``backups/`` ("pre-restore"; a journal that fails its check is kept as it is, as
    "pre-restore-damaged"); close the journal; copy the backup into a 0600 temporary file
    beside it, check that copy (integrity and row counts) and rename it over
    ``journal.sqlite``; reopen (which migrates an older copy, making its own ``pre-vN``
    copy first). When the copy fails, the journal as it was is reopened.

    Returns:
        The "pre-restore" copy of the journal as it was (None when there was no journal).

    Raises:
        RestoreError: the copy cannot be used ("Cannot restore NAME: the copy is REASON.
            Your journal was left as it was.").
        StorageError: no space, or the copy failed; the journal was left as it was.
    """
    data_dir = Path(data_dir).absolute()
    backup_path = Path(backup_path).absolute()
    path = db.journal_path(data_dir)
    if not backup_path.is_file():
        raise RestoreError(_("The backup {path} does not exist.").format(path=backup_path))
    from . import encryption

    encrypted = encryption.is_encrypted(backup_path)
    key = encryption.current_passphrase() if encrypted else None
    _counts, problem = inspect_copy(backup_path, key, full=True)
    if problem:
        raise RestoreError(_("Cannot restore {name}: the copy is {problem}. Your journal was "
                             "left as it was.").format(name=backup_path.name, problem=problem),
                           where=str(backup_path))
    needed = os.stat(backup_path).st_size
    safe_write.ensure_space(data_dir, needed, N_("the restored journal"))
    current_key = None
    pre = None
    if path.exists():
        current_key = encryption.current_passphrase() if encryption.is_encrypted(path) \
            else None
        try:
            pre = make_backup(data_dir, "pre-restore")
        except JournalDamagedError:
            pre = make_backup(data_dir, "pre-restore-damaged", check=False)
    # the restored journal keeps the open journal's protection: a plaintext copy (made
    # before encryption was switched on) put back into an encrypted journal is encrypted
    # with its passphrase, never silently left readable
    key_out = current_key if current_key is not None else key
    db.close_journal()
    try:
        with replacing_journal(path, "restore") as tmp:
            copy_journal_file(backup_path, tmp, key_in=key, key_out=key_out)
    except BaseException as exc:
        _reopen(data_dir, current_key)
        failure = as_no_space(exc, data_dir, N_("the restored journal"), needed)
        if failure is not exc:
            raise failure from exc
        if isinstance(exc, Exception) and not isinstance(exc, StorageError) \
                and is_storage_failure(exc):
            raise storage_error(exc, f"restore {backup_path.name}") from exc
        raise
    if key_out is not None:
        encryption.open_encrypted(data_dir, key_out)
    else:
        db.open_journal(data_dir)
    return pre
