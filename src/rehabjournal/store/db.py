"""Opening the journal file: checks, pragmas, migrations and the backup before them.

A journal is one SQLite file, ``journal.sqlite`` in the data folder. Before anything is
written to an existing file it is inspected read-only: a file that is not SQLite, is
damaged, is some other program's database, or comes from a newer version of the app is
refused with a :class:`JournalError` and left byte-for-byte untouched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from ..errors import StorageError
from ..i18n import N_, _
from . import migrations, safe_write
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
    """SQLite's URI to read ``path`` without writing anything, not even beside it.

    ``immutable=1`` when no ``-wal`` or ``-journal`` file is beside it and this process does
    not have it open: SQLite then reads the file alone and creates no ``-wal``/``-shm``
    (``mode=ro`` on a WAL-mode file creates both). Otherwise ``mode=ro``, which reads what
    the ``-wal`` holds (it may create a missing ``-shm``: :func:`reading_only` removes it).
    A relative path is taken from the current folder (``Path.as_uri`` refuses relative
    paths and escapes spaces, ``#``, ``%`` and non-ASCII letters).
    """
    path = Path(path)
    live = holds(path) or any(os.path.lexists(f"{path}{s}") for s in ("-wal", "-journal"))
    return f"{path.absolute().as_uri()}?{'mode=ro' if live else 'immutable=1'}"


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


SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
LOW_SPACE = 1_000_000
"""Below this many free bytes, SQLite's "disk I/O error" or "unable to open" opening a
journal is taken as a full disk (its ``-shm`` needs 32 KB, the ``-wal`` a few pages)."""
OPEN_NEEDS = 128 * 1024
"""About how many bytes opening a journal needs free (``-shm`` and the first ``-wal``
pages), for the no-space message."""
UNTOUCHED = "It was left untouched"
"""Kept for callers of earlier versions: the messages hold it whole, translated."""


class EncryptedJournalError(JournalError):
    """The file looks SQLCipher-encrypted: it needs a passphrase (see ``encryption``)."""


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of an SQLite file say (https://sqlite.org/fileformat.html).

    Attributes:
        size: the file's size in bytes.
        page_size: bytes per page (512 ... 65536).
        page_count: pages in the file, or None when the header's count is stale (written
            by a very old SQLite: "version-valid-for" differs from the change counter).
        user_version: the schema version rehabjournal writes (offset 60, signed 32-bit).
        application_id: offset 68, ``APPLICATION_ID`` for a rehabjournal journal.
    """

    size: int
    page_size: int
    page_count: int | None
    user_version: int
    application_id: int


def looks_encrypted(head: bytes, size: int) -> bool:
    """True when a file starting with ``head`` (its first 64 bytes or more) and ``size``
    bytes long can be an SQLCipher database.

    SQLCipher files have no readable header: they start with a random 16-byte salt and
    encrypted pages (so the size is a whole number of pages, a multiple of 512). Text, a
    file of zeros or an SQLite file whose header was damaged is not random-looking: many
    repeated or printable bytes.
    """
    if size <= 0 or size % 512 or len(head) < 64 or head.startswith(SQLITE_MAGIC):
        return False
    first = head[:64]
    unprintable = sum(1 for b in first if b < 0x20 or b > 0x7E)
    return len(set(first)) >= 40 and unprintable >= 8


def _is_text(head: bytes) -> bool:
    """True when ``head`` reads as text (UTF-8 without NUL or other control bytes)."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a letter cut off at the end
            return False
        text = head[: exc.start].decode("utf-8")
    return bool(text) and all(c.isprintable() or c in "\t\r\n\f" for c in text)


def _damaged(path: Path, why: str) -> JournalError:
    """``why``: a translated clause ("its SQLite header is not valid")."""
    return JournalError(
        _("The journal {path} is damaged: {reason}. It was left untouched; restore a backup "
          "from the backups folder beside it.").format(path=path, reason=why),
        where=str(path))


def read_header(path: Path) -> Header:
    """Check the file at ``path`` by its bytes alone and return its SQLite header.

    Reads at most 100 bytes, with a plain read-only ``open()``; never called for the
    journal this process has open (see :func:`holds`). Nothing is written or created.

    Raises:
        EncryptedJournalError: the file can be SQLCipher-encrypted (see ``looks_encrypted``).
        JournalError: for each kind of file that is not a journal, with its own message:
            missing, a link to nothing, a folder or device, unreadable, empty (0 bytes), a
            text file, not SQLite, an SQLite file with a damaged header, or truncated.
    """
    path = Path(path)
    where = str(path)
    if os.path.islink(path) and not os.path.exists(path):
        raise JournalError(
            _("{path} is a link to {target}, which does not exist. It was left untouched "
              "(nothing was created there); if you meant to start a new journal, remove the "
              "link.").format(path=path, target=os.readlink(path)), where=where)
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise JournalError(_("There is no journal at {path}.").format(path=path),
                           where=where) from exc
    except OSError as exc:
        raise JournalError(_("Cannot read the journal {path}: {reason}.").format(
            path=path, reason=exc.strerror or exc), where=where) from exc
    if stat.S_ISDIR(st.st_mode):
        raise JournalError(_("{path} is a folder, not a journal. It was left "
                             "untouched.").format(path=path), where=where)
    if not stat.S_ISREG(st.st_mode):
        raise JournalError(_("{path} is not a regular file (a device, pipe or socket), not a "
                             "journal. It was left untouched.").format(path=path), where=where)
    size = st.st_size
    if size == 0:
        raise JournalError(
            _("The journal {path} is empty (0 bytes): it holds no entries. It was left "
              "untouched; if you meant to start a new journal, remove it.").format(path=path),
            where=where)
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEADER_SIZE)
    except OSError as exc:
        raise JournalError(_("Cannot read the journal {path}: {reason}. It was left "
                             "untouched.").format(path=path, reason=exc.strerror or exc),
                           where=where) from exc
    magic = head[:16]
    if magic != SQLITE_MAGIC:
        if SQLITE_MAGIC.startswith(head):
            raise _damaged(path, _("it is truncated to {size} bytes, less than its "
                                   "header").format(size=size))
        near = len(magic) == 16 and sum(
            a != b for a, b in zip(magic, SQLITE_MAGIC, strict=True)) <= 4
        if near or (len(head) >= 24 and head[21:24] == b"\x40\x20\x20"
                    and _page_size(head) is not None):
            raise _damaged(path, _("the first bytes of its SQLite header are changed"))
        if looks_encrypted(head, size):
            raise EncryptedJournalError(
                _("The journal {path} is encrypted (or damaged beyond recognition): it needs "
                  "its passphrase. It was left untouched.").format(path=path), where=where)
        if _is_text(head):
            raise JournalError(_("{path} is a text file, not a rehabjournal journal. It was "
                                 "left untouched.").format(path=path), where=where)
        raise JournalError(
            _("{path} is damaged or not a rehabjournal journal (it is not an SQLite "
              "database). It was left untouched.").format(path=path), where=where)
    if len(head) < HEADER_SIZE:
        raise _damaged(path, _("it is truncated to {size} bytes, less than its "
                               "header").format(size=size))
    page_size = _page_size(head)
    if page_size is None or head[21:24] != b"\x40\x20\x20":
        raise _damaged(path, _("its SQLite header is not valid"))
    count = int.from_bytes(head[28:32], "big")
    valid = head[92:96] == head[24:28] and count > 0
    header = Header(size, page_size, count if valid else None,
                    int.from_bytes(head[60:64], "big", signed=True),
                    int.from_bytes(head[68:72], "big"))
    if not os.path.lexists(f"{path}-wal"):  # with a -wal the file may grow when it is read
        expected = (header.page_count or 1) * page_size
        if size < expected:
            raise _damaged(path, _("it is truncated: its header says {expected} bytes ({pages} "
                                   "pages of {page_size}), the file has {size}").format(
                                       expected=expected, pages=header.page_count or 1,
                                       page_size=page_size, size=size))
    return header


def _page_size(head: bytes) -> int | None:
    """The page size an SQLite header gives (offset 16), None when it is not valid."""
    raw = int.from_bytes(head[16:18], "big")
    size = 65536 if raw == 1 else raw
    return size if size >= 512 and not size & (size - 1) else None


def side_files(path: Path) -> set[str]:
    """The SQLite side files (``-wal``, ``-shm``, ``-journal``) beside ``path`` now."""
    return {s for s in SIDE_SUFFIXES if os.path.lexists(f"{path}{s}")}


def _remove_new_side_files(path: Path, before: set[str]) -> None:
    """Remove the side files a read-only look at ``path`` created (not when this process
    has the journal open: they are its own)."""
    if holds(path):
        return
    for suffix in side_files(path) - before:
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def no_space(path: Path, exc: BaseException) -> StorageError | None:
    """The no-space message when ``exc`` (opening or reading ``path``) is a full disk.

    SQLite reports a full disk while opening as "disk I/O error" or "unable to open
    database file" (it cannot make the ``-shm``); then the free space decides.
    """
    folder = Path(path).absolute().parent
    if safe_write.is_no_space(exc):
        return safe_write.no_space_error(folder, N_("opening the journal"), OPEN_NEEDS)
    text = str(exc).lower()
    if "disk i/o error" in text or "unable to open" in text:
        try:
            free = shutil.disk_usage(folder).free
        except OSError:
            return None
        if free < LOW_SPACE:
            return safe_write.no_space_error(folder, N_("opening the journal"), OPEN_NEEDS)
    return None


@contextlib.contextmanager
def reading_only(path: Path, connect=None):
    """A read-only connection to ``path`` for the ``with`` block; nothing is left beside it.

    Args:
        path: an SQLite file (plain, or SQLCipher through ``connect``).
        connect: ``connect(uri) -> connection`` (``sqlite3.connect(uri, uri=True)`` when
            None), e.g. SQLCipher's with the key set.

    Raises:
        StorageError: the disk is full (see :func:`no_space`).
        JournalError: SQLite cannot open it.
    """
    path = Path(path)
    before = side_files(path)
    uri = read_only_uri(path)
    try:
        try:
            conn = connect(uri) if connect else sqlite3.connect(uri, uri=True)
        except sqlite3.Error as exc:
            raise no_space(path, exc) or JournalError(
                _("Cannot open the journal {path}: {reason}. It was left untouched.").format(
                    path=path, reason=exc), where=str(path)) from exc
        try:
            yield conn
        finally:
            conn.close()
    finally:
        _remove_new_side_files(path, before)


def inspect(path: Path) -> int:
    """Read an existing journal's schema version without changing the file.

    Nothing is written, and no file is created beside it: the header is read with
    :func:`read_header`, then SQLite reads it read-only (:func:`reading_only`).

    Returns:
        The schema version (1 or more).

    Raises:
        EncryptedJournalError: it looks encrypted (``encryption.inspect`` reads those).
        NewerJournalError: made by a newer version of rehabjournal.
        StorageError: the disk is full (SQLite could not open it for that).
        JournalError: not a journal, damaged, unreadable, empty, or of an unknown schema
            version; each with its own message naming the file.
    """
    path = Path(path)
    if not holds(path):  # the open journal is never open()-ed: see holds()
        read_header(path)
    with reading_only(path) as conn:
        version, app_id, tables = check_contents(path, conn, sqlite3.DatabaseError)
    return check_version(path, version, app_id, tables)


def check_contents(path: Path, conn, errors=sqlite3.DatabaseError) -> tuple[int, int, int]:
    """Run the quick check on an open read-only connection to ``path``.

    Returns:
        (user_version, application_id, number of tables and indexes).

    Raises:
        StorageError: the disk is full.
        JournalError: damaged (the quick check fails, or SQLite cannot read it).
    """
    conn.text_factory = _lenient_text  # damaged names or messages must not stop the check
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            found = [line for line in result.splitlines() if not line.startswith("***")]
            raise _damaged(path, _("SQLite's check found: {findings}").format(
                findings="; ".join(found[:3]) + (" ..." if len(found) > 3 else "")))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except UnicodeDecodeError as exc:  # SQLite's message quotes damaged bytes
        raise _damaged(path, _("SQLite cannot read it (its table of contents is damaged)")
                       ) from exc
    except errors as exc:
        raise no_space(path, exc) or _damaged(
            path, _("SQLite cannot read it ({reason})").format(reason=exc)) from exc
    return version, app_id, tables


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def check_version(path: Path, version: int, app_id: int, tables: int) -> int:
    """``version`` when a journal with these header values can be opened.

    Raises:
        NewerJournalError: ``version`` is newer than this version of rehabjournal reads.
        JournalError: an empty SQLite file, another program's database, or a schema
            version no version of rehabjournal writes (0 with tables, negative).
    """
    where = str(path)
    if not tables and version == 0:
        raise JournalError(
            _("{path} is an empty SQLite database (no tables), not a journal. It was left "
              "untouched; if you meant to start a new journal, remove it.").format(path=path),
            where=where)
    if app_id != APPLICATION_ID:
        raise JournalError(
            _("{path} is an SQLite database of another program, not a rehabjournal journal. "
              "It was left untouched.").format(path=path), where=where)
    if version <= 0:
        raise JournalError(
            _("{path} is not a rehabjournal journal: its schema version is {version}, which "
              "no version of rehabjournal writes. It was left untouched.").format(
                  path=path, version=version), where=where)
    if version > migrations.LATEST:
        raise NewerJournalError(
            _("The journal {path} was made by a newer version of rehabjournal (schema "
              "{version}; this version reads up to {latest}). Update rehabjournal to open it. "
              "It was left untouched.").format(path=path, version=version,
                                               latest=migrations.LATEST), where=where)
    return version


class ReadsText:
    """Mixin for the journal's peewee database: text it cannot decode is a message.

    A damaged journal can hold bytes that are not UTF-8 in a text column (SQLite's quick
    check does not look at text); sqlite3 would raise "Could not decode to UTF-8" from
    deep inside a read. Each connection's ``text_factory`` raises a :class:`JournalError`
    naming the journal instead, and SQLite's "malformed" errors become one too.
    """

    def _add_conn_hooks(self, conn):
        conn.text_factory = text_reader(Path(self.database))
        super()._add_conn_hooks(conn)

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except PeeweeDatabaseError as exc:
            if type(exc) is PeeweeDatabaseError or _is_damage(exc):
                path = Path(self.database)
                raise no_space(path, exc) or _read_damaged(path, str(exc)) from exc
            raise


class JournalDatabase(ReadsText, SqliteDatabase):
    """The plain journal's peewee database (see :class:`ReadsText`)."""


def _is_damage(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def _read_damaged(path: Path, why: str) -> JournalError:
    return JournalError(
        _("The journal {path} is damaged: {reason}. Nothing was changed; restore a backup "
          "from the backups folder beside it.").format(path=path, reason=why),
        where=str(path))


def text_reader(path: Path):
    """A ``text_factory`` for connections to ``path``: UTF-8, or a :class:`JournalError`
    ("some text in it is not valid UTF-8") for bytes that are not."""
    def decode(raw: bytes, _str=str) -> str:
        try:
            return _str(raw, "utf-8")
        except UnicodeDecodeError:
            raise _read_damaged(path, _("some of its text cannot be read (not valid "
                                        "UTF-8)")) from None

    return decode


def _create(path: Path) -> None:
    """Make a new, empty journal at ``path``: written beside it and renamed in when
    complete (``safe_write.atomic_path``), so an interrupted start leaves no half-made
    journal (a 0-byte or schema-less file would be refused at the next start)."""
    with safe_write.atomic_path(path, doing="create the journal", what=N_("the new journal"),
                                needed=OPEN_NEEDS, internal=True) as tmp:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrations.migrate(conn)
        finally:
            conn.close()


def backup_copy(path: Path, reason: str) -> Path:
    """Make a checked copy of the plaintext journal ``path`` in ``backups/`` beside it.

    See ``store.backups.write_copy``: free space first, a full ``integrity_check`` of the
    journal, the copy written to a 0600 temporary file, checked (integrity and row counts)
    and only then named ``journal-YYYYMMDD-HHMMSS-REASON.sqlite``.

    Args:
        path: the journal file.
        reason: a short word put in the file name, e.g. "pre-v2" or "daily".

    Returns:
        The path of the copy (mode 0600).

    Raises:
        StorageError: no space ("No space left on device in ...: the backup needs about
            N MB ..."), the journal failed its check (``backups.JournalDamagedError``), is
            busy, or the copy did not check out; nothing is left behind.
    """
    from . import backups

    return backups.write_copy(path, reason)


def open_journal(data_dir: Path, *, migrate: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the journal in ``data_dir`` and bind the models to it.

    An existing file is inspected first (:func:`inspect`): read only, nothing created
    beside it. A new journal is made complete or not at all. ``journal.sqlite`` that is a
    link to a missing file, empty, or not a journal is refused, never adopted.

    Args:
        data_dir: the journal's folder (made when missing).
        migrate: bring an older journal to the newest schema (after a ``pre-vN`` backup).

    Raises:
        StorageError: the disk is full ("No space left on device in FOLDER ...").
        NewerJournalError: the journal is from a newer version of rehabjournal.
        JournalError: with a message for the user; nothing on disk was changed.
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if safe_write.is_no_space(exc):
            raise safe_write.no_space_error(data_dir.absolute().parent,
                                            N_("the data folder"), None) from exc
        raise JournalError(
            _("Cannot create the data folder {folder}: {reason}.").format(
                folder=data_dir, reason=exc.strerror)
        ) from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise JournalError(
            _("The data folder {folder} is read-only; rehabjournal needs to write its journal "
              "there. Choose another folder with --data-dir.").format(folder=data_dir)
        )
    path = journal_path(data_dir)
    if os.path.lexists(path):  # lexists: a link to nothing is refused, never followed
        version = inspect(path)
        if version < migrations.LATEST and migrate:
            backup_copy(path, f"pre-v{migrations.LATEST}")
            _prepare(path)
    else:
        _create(path)
    db = JournalDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    before = side_files(path)
    try:
        db.connect()
    except PeeweeDatabaseError as exc:
        db.close()
        _remove_new_side_files(path, before)  # e.g. an empty -wal made before the disk was full
        raise no_space(path, exc) or JournalError(
            _("Cannot open the journal {path}: {reason}.").format(path=path, reason=exc),
            where=str(path)) from exc
    for suffix in ("-wal", "-shm"):
        _private(Path(str(path) + suffix))
    database.initialize(db)
    opened(path)
    return db


def _prepare(path: Path) -> None:
    """Migrate the (inspected, backed-up) journal at ``path`` to the newest schema."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise no_space(path, exc) or JournalError(
            _("Cannot open the journal {path}: {reason}.").format(path=path,
                                                                  reason=exc)) from exc
    try:
        _private(path)
        migrations.migrate(conn)
    except sqlite3.Error as exc:
        raise no_space(path, exc) or JournalError(
            _("Cannot prepare the journal {path}: {reason}.").format(path=path,
                                                                     reason=exc)) from exc
    finally:
        conn.close()


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


def wait_writable() -> None:
    """Take SQLite's write lock of the bound journal and give it back at once, waiting up
    to its ``busy_timeout`` (5 s) for another program to let go: a write that follows does
    not fail at once on a journal another program holds (a deferred transaction that has
    read cannot wait for the lock). No-op inside a transaction or without a journal.

    Raises:
        peewee.OperationalError: "database is locked" after the wait.
    """
    obj = database.obj
    if obj is None or obj.in_transaction():
        return
    obj.execute_sql("BEGIN IMMEDIATE")
    obj.execute_sql("ROLLBACK")


def close_journal() -> None:
    """Close the bound journal, checkpointing the WAL into the main file."""
    global _open_path
    _open_path = None
    db = database.obj
    if db is not None and not db.is_closed():
        with contextlib.suppress(Exception):  # closing must not fail on a busy checkpoint
            # nor wait for one: another program holding the journal has already cost the
            # failed command its bounded wait; SQLite checkpoints at the next close anyway
            db.execute_sql("PRAGMA busy_timeout = 0")
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
