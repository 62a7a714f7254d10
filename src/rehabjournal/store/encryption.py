"""Optional encryption of the journal at rest, with SQLCipher (``pip install
rehabjournal[encryption]``, which brings ``sqlcipher3``: SQLCipher 4 with its own crypto,
wheels for Windows, macOS and Linux).

Off by default. An encrypted journal is still ``journal.sqlite`` in the data folder, but
its bytes are unreadable without the passphrase (AES-256, SQLCipher 4 defaults); its
backups made afterwards are encrypted with the same passphrase.

    enable(data_dir, passphrase)       plaintext journal -> encrypted, atomically
    open_encrypted(data_dir, passphrase)   open (and migrate) an encrypted journal
    change_passphrase(new)             PRAGMA rekey on the open encrypted journal
    disable(data_dir)                  encrypted journal -> plaintext again

The module was ``sqlcipher3-binary`` before (Linux x86_64 only). Both install the same
Python module, ``sqlcipher3``, and every release of both bundles SQLCipher 4 (4.5.2 in
sqlcipher3-binary 0.5.0, 4.12.0 in sqlcipher3 0.6.2), whose file format is the same: a
journal encrypted with the old module opens as it is (tests/fixtures has one). A file in
an older SQLCipher format (SQLCipher 3's, or 4's once the module bundles SQLCipher 5) is
still read (``connect`` tries the older formats after the module's own), and
``open_encrypted`` rewrites the journal in the current format, after a checked backup
copy in its old format; see ``update_format``.

There is no way to recover a forgotten passphrase: the data is lost with it.
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path

from ..errors import StorageError, is_storage_failure, storage_error
from ..i18n import N_, _
from . import db, migrations
from .models import database

ENCRYPTING = ".journal.sqlite.encrypting"
SQLITE_HEADER = b"SQLite format 3\x00"
OLDEST_FORMAT = 3
"""The oldest SQLCipher file format read (SQLCipher 3's: 64,000 PBKDF2-SHA1 iterations,
1 KB pages). SQLCipher 1 and 2 formats predate every ``sqlcipher3`` module."""
FORMAT_UPDATE = "pre-cipher-update"
"""The reason of the backup copy kept before a journal is rewritten in the current SQLCipher
format (the copy keeps the old format)."""


class EncryptionUnavailable(db.JournalError):
    """SQLCipher is not installed."""


class WrongPassphraseError(db.JournalError):
    """The passphrase does not open the journal."""


def available() -> bool:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def _driver():
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        from importlib import metadata

        try:
            version = metadata.version("sqlcipher3")
        except metadata.PackageNotFoundError:
            version = None
        if version is not None:
            # sqlcipher3-binary installs the same module: uninstalling it after sqlcipher3
            # deletes sqlcipher3's files, and pip then still counts sqlcipher3 as installed
            raise EncryptionUnavailable(
                _("Encryption needs SQLCipher: sqlcipher3 {version} is installed but its "
                  "files are missing (uninstalling sqlcipher3-binary deletes them). "
                  "Reinstall it: pip install --force-reinstall sqlcipher3.").format(
                      version=version)
            ) from exc
        raise EncryptionUnavailable(
            _("Encryption needs SQLCipher, which is not installed: pip install "
              "'rehabjournal[encryption]'.")
        ) from exc
    return dbapi2


@functools.cache
def sqlcipher_version() -> str:
    """The version of the SQLCipher the installed module bundles ("4.19.0 community").

    Raises:
        EncryptionUnavailable: SQLCipher is not installed.
    """
    conn = _driver().connect(":memory:")
    try:
        return conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        conn.close()


def current_format() -> int:
    """The SQLCipher file format the installed module writes: its major version (4).

    Raises:
        EncryptionUnavailable: SQLCipher is not installed.
    """
    return int(sqlcipher_version().split(".")[0])


def _formats() -> list[int]:
    """The file formats ``connect`` tries, the module's own first, then older ones."""
    return list(range(current_format(), OLDEST_FORMAT - 1, -1))


def is_encrypted(path: Path) -> bool:
    """True when ``path`` can be an SQLCipher-encrypted journal: a regular, non-empty file
    whose size is a whole number of 512-byte pages, without SQLite's header, whose first
    64 bytes look random (``db.looks_encrypted``).

    A text file, a file of zeros or an SQLite file with a damaged header is not: those
    are "damaged or not a journal", and no passphrase is asked for. Reads at most 64
    bytes; the journal this process has open is answered from its connection, never by
    opening the file (that would drop SQLite's locks: see ``db.holds``).
    """
    if db.holds(path):
        return current_passphrase() is not None
    try:
        if os.path.islink(path) and not os.path.exists(path):
            return False
        size = os.stat(path).st_size
        if not os.path.isfile(path) or size == 0:
            return False
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return db.looks_encrypted(head, size)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(path: Path | str, passphrase: str, *, uri: bool = False):
    """A SQLCipher connection (autocommit) to an encrypted file, key checked.

    A file in an older SQLCipher format (see ``OLDEST_FORMAT``) is read too: the
    connection is then in that format's compatibility mode (``file_format`` says which).

    Args:
        path: the file, or with ``uri`` an SQLite URI (``db.read_only_uri``: read only).
        passphrase: its key.

    Raises:
        WrongPassphraseError: the passphrase does not open the file.
        db.JournalError: the file cannot be opened.
    """
    return _connect(path, passphrase, uri=uri)[0]


def _connect(path: Path | str, passphrase: str, *, uri: bool = False):
    """``connect``, and the SQLCipher format (major version) the file was read in."""
    sqlcipher = _driver()
    shown = _file_of(path) if uri else path
    formats = _formats()
    for fmt in formats:
        try:
            conn = sqlcipher.connect(str(path), isolation_level=None, uri=uri)
        except sqlcipher.Error as exc:
            raise db.JournalError(_("Cannot open the journal {path}: {reason}.").format(
                path=shown, reason=exc)) from exc
        try:
            # SQLCipher prints "ERROR CORE ... hmac check failed" to stderr for a wrong key;
            # the message below says it once, in words
            with contextlib.suppress(sqlcipher.Error):
                conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {_quote(passphrase)}")
            if fmt != formats[0]:
                conn.execute(f"PRAGMA cipher_compatibility = {fmt}")  # after the key
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            conn.close()
            # a wrong key and another format look the same: "file is not a database"
            if fmt != formats[-1] and "not a database" in str(exc):
                continue
            raise WrongPassphraseError(
                _("The passphrase does not open the journal {path}. Check it and try again "
                  "(capitals count). A forgotten passphrase cannot be recovered.").format(
                      path=shown)
            ) from exc
        return conn, fmt
    raise AssertionError("unreachable: the last format raises")  # pragma: no cover


def file_format(path: Path, passphrase: str) -> int:
    """The SQLCipher file format of the encrypted file ``path``: its major version (4 for
    one written by SQLCipher 4, 3 for SQLCipher 3). Read only, nothing left beside it.

    Raises:
        WrongPassphraseError: the passphrase does not open it (or it is damaged).
        db.JournalError: it cannot be opened.
    """
    found = []

    def keyed(uri: str):
        conn, fmt = _connect(uri, passphrase, uri=True)
        found.append(fmt)
        return conn

    with db.reading_only(Path(path), keyed):
        pass
    return found[0]


def _file_of(uri: Path | str) -> str:
    """The file an SQLite ``file:`` URI names (for messages: never the URI itself)."""
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(str(uri)).path)


def _is_cipher(obj) -> bool:
    """Whether the peewee database ``obj`` is an encrypted journal's. False without
    SQLCipher installed (no journal can be one then): the plain journal of an install
    without the encryption extra must not need the module (it raised ModuleNotFoundError
    in the start-up checks and the import commands)."""
    try:
        from playhouse.sqlcipher_ext import SqlCipherDatabase
    except ImportError:
        return False
    return isinstance(obj, SqlCipherDatabase)


def current_passphrase() -> str | None:
    """The passphrase of the bound journal when it is an encrypted one, else None."""
    obj = database.obj
    if obj is None or not _is_cipher(obj):
        return None
    return obj.connect_params.get("passphrase")


def _export(conn, target: Path, key: str, *, cipher_format: int | None = None) -> None:
    """Copy everything ``conn`` sees into the new (or empty) file ``target`` encrypted
    with ``key`` ('' for plaintext), including the schema version and application id.

    ``target`` is normally a temporary file of ``safe_write.atomic_path`` (0600, removed
    when this raises); the caller checks the copy before it is renamed in.

    Args:
        cipher_format: the SQLCipher format of the copy (3: SQLCipher 3's); None: the
            module's own, whatever the format ``conn`` reads.

    Raises:
        sqlcipher3.dbapi2.Error: the copy failed (e.g. "database or disk is full"); the
            error of the copy itself, not of the clean-up after it.
    """
    version = conn.execute("PRAGMA main.user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
    conn.execute(f"ATTACH DATABASE {_quote(str(target))} AS target KEY {_quote(key)}")
    try:
        if key and cipher_format is not None and cipher_format != current_format():
            conn.execute(f"PRAGMA target.cipher_compatibility = {int(cipher_format)}")
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute(f"PRAGMA target.application_id = {int(app_id)}")
    except BaseException:
        with contextlib.suppress(Exception):
            conn.execute("DETACH DATABASE target")
        raise
    conn.execute("DETACH DATABASE target")
    db._private(target)


def _fsync(path: Path) -> None:
    """``fsync`` a file (kept for callers of earlier versions: ``safe_write.fsync_file``)."""
    from . import safe_write

    safe_write.fsync_file(path)


def backup_copy(path: Path, reason: str, passphrase: str, *, now=None) -> Path:
    """Like ``db.backup_copy`` for an encrypted journal: a checked copy in ``backups/``,
    encrypted with ``passphrase`` (``store.backups.write_copy``: free space first, a full
    ``integrity_check`` of the journal, a 0600 temporary file checked before its rename).

    Raises:
        StorageError: no space ("No space left on device in ...: the backup needs about
            N MB ..."), the journal failed its check, or the copy did not check out;
            nothing is left behind.
    """
    from . import backups

    return backups.write_copy(path, reason, passphrase, now=now)


def inspect(path: Path, passphrase: str) -> int:
    """Check an encrypted journal like ``db.inspect``; returns its schema version.

    Nothing is written and no file is left beside it (read-only, ``db.reading_only``).

    Raises:
        WrongPassphraseError: the passphrase does not open it (or it is damaged).
        NewerJournalError: made by a newer version of rehabjournal.
        StorageError: the disk is full.
        db.JournalError: not an encrypted journal, damaged, or of an unknown version.
    """
    path = Path(path)
    if not db.holds(path):
        try:
            db.read_header(path)
        except db.EncryptedJournalError:
            pass  # what is expected here
        else:
            raise db.JournalError(_("{path} is not encrypted. It was left untouched.").format(
                path=path), where=str(path))
    return _inspect(path, passphrase)[0]


def _inspect(path: Path, passphrase: str) -> tuple[int, int]:
    """``inspect``'s schema version, and the file's SQLCipher format (``file_format``)."""
    sqlcipher = _driver()
    found = []

    def keyed(uri: str):
        conn, fmt = _connect(uri, passphrase, uri=True)
        found.append(fmt)
        conn.text_factory = db.text_reader(path)
        return conn

    with db.reading_only(path, keyed) as conn:
        version, app_id, tables = db.check_contents(path, conn, sqlcipher.DatabaseError)
    return db.check_version(path, version, app_id, tables), found[0]


def _cipher_database():
    _driver()  # EncryptionUnavailable, in words, when SQLCipher is not installed
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    class CipherJournalDatabase(db.ReadsText, SqlCipherDatabase):
        """The encrypted journal's peewee database (see ``db.ReadsText``)."""

    return CipherJournalDatabase


def open_encrypted(data_dir: Path, passphrase: str, *, migrate: bool = True):
    """Open the encrypted journal of ``data_dir`` and bind the models to it.

    Migrates an older schema (after an encrypted ``pre-vN`` backup), like ``open_journal``,
    and a journal in an older SQLCipher format is first rewritten in the current one
    (``update_format``). With ``migrate`` False neither is done and nothing is written:
    an older format is read in its compatibility mode.

    Raises:
        WrongPassphraseError: the passphrase is wrong (nothing was changed).
        StorageError: the disk is full.
        db.JournalError: not an encrypted journal, damaged, or from a newer version.
    """
    _driver()
    path = db.journal_path(data_dir)
    if not is_encrypted(path):
        if os.path.lexists(path):
            db.inspect(path)  # says what it is instead
        raise db.JournalError(_("{path} is not an encrypted journal.").format(path=path),
                              where=str(path))
    version, fmt = _inspect(path, passphrase)
    if migrate and fmt != current_format():
        if db.holds(path):
            db.close_journal()
        update_format(path, passphrase)
        fmt = current_format()
    if migrate and version < migrations.LATEST:
        backup_copy(path, f"pre-v{migrations.LATEST}", passphrase)
        conn = connect(path, passphrase)
        try:
            migrations.migrate(conn)
        finally:
            conn.close()
    db.close_journal()
    pragmas = dict(db.PRAGMAS)
    if fmt != current_format():  # read only (migrate=False): read it as it is
        pragmas = {"cipher_compatibility": fmt, **pragmas}
    cipher = _cipher_database()(str(path), passphrase=passphrase, pragmas=pragmas,
                                check_same_thread=False)
    try:
        cipher.connect()
    except db.PeeweeDatabaseError as exc:
        cipher.close()
        raise db.no_space(path, exc) or db.JournalError(
            _("Cannot open the journal {path}: {reason}.").format(path=path, reason=exc),
            where=str(path)) from exc
    database.initialize(cipher)
    db.opened(path)
    return cipher


def update_format(path: Path, passphrase: str) -> Path | None:
    """Rewrite the closed encrypted journal ``path`` in the module's SQLCipher format when
    it is in an older one (``file_format``), keeping the passphrase.

    First a checked backup copy in the OLD format (``backups/...-pre-cipher-update.sqlite``:
    the journal as it was, which the software that wrote it still opens). Then the journal
    is copied into a 0600 temporary file beside it (``sqlcipher_export``: SQLCipher's own
    ``PRAGMA cipher_migrate`` rewrites the file in place instead), checked (integrity and
    row counts) and renamed over it. When anything fails the journal is as it was and
    nothing partial is left.

    Returns:
        The backup copy, or None when the journal already is in the current format.

    Raises:
        WrongPassphraseError: the passphrase does not open it.
        StorageError: no space ("No space left on device in ...: the backup needs about
            N MB ..." / "... the encrypted journal needs about N MB ..."), or the copy did
            not check out; the journal is as it was.
        db.JournalError: it cannot be read, or failed its integrity check (no copy made).
    """
    from . import backups, safe_write

    path = Path(path)
    fmt = file_format(path, passphrase)
    if fmt == current_format():
        return None
    backup = backups.write_copy(path, FORMAT_UPDATE, passphrase, cipher_format=fmt)
    what = N_("the encrypted journal")
    needed = backups._journal_size(path)
    safe_write.ensure_space(path.parent, needed, what)
    try:
        with _replace(path, "encrypt the journal") as tmp:
            backups.copy_journal_file(path, tmp, key_in=passphrase, key_out=passphrase)
    except BaseException as exc:
        failure = backups.as_no_space(exc, path.parent, what, needed)
        if failure is not exc:
            raise failure from exc
        if isinstance(exc, Exception) and not isinstance(exc, StorageError) \
                and is_storage_failure(exc):
            raise storage_error(exc, "encrypt the journal") from exc
        raise
    return backup


def _replace(path: Path, doing: str):
    """A context manager yielding an empty 0600 temporary file beside the (closed) journal
    ``path`` that replaces it atomically when the block ends (``store.backups.
    replacing_journal``; no fixed ``.journal.sqlite.encrypting`` name any more)."""
    from . import backups

    return backups.replacing_journal(path, doing)


def _rewrite(data_dir: Path, key_in: str | None, key_out: str | None, doing: str,
             what: str) -> None:
    """Replace the closed journal of ``data_dir`` by a checked copy of it encrypted with
    ``key_out`` (None: plaintext), written beside it; the journal is reopened as it was
    when anything fails.

    Raises:
        StorageError: no space ("No space left on device in DIR: WHAT needs about N MB
            ..."), or the copy did not check out; the journal is as it was.
    """
    from . import backups

    path = db.journal_path(data_dir)
    needed = backups._journal_size(path)
    try:
        with _replace(path, doing) as tmp:
            backups.copy_journal_file(path, tmp, key_in=key_in, key_out=key_out)
    except BaseException as exc:
        if key_in is None:
            with contextlib.suppress(Exception):
                db.open_journal(data_dir)
        else:
            with contextlib.suppress(Exception):
                open_encrypted(data_dir, key_in)
        failure = backups.as_no_space(exc, Path(data_dir), what, needed)
        if failure is not exc:
            raise failure from exc
        if isinstance(exc, Exception) and not isinstance(exc, StorageError) \
                and is_storage_failure(exc):
            raise storage_error(exc, doing) from exc
        raise


def enable(data_dir: Path, passphrase: str) -> Path:
    """Encrypt the (plaintext) journal of ``data_dir`` with ``passphrase`` and reopen it.

    The plaintext journal is first copied to ``backups/...-pre-encrypt.sqlite`` (a normal
    checked backup, NOT encrypted: delete it, and older backups, once the encrypted journal
    works for you). The encrypted journal is written to a 0600 temporary file beside the
    journal, checked (integrity and row counts) and renamed over it; nothing partial is
    left when anything fails.

    Returns:
        The plaintext backup copy.

    Raises:
        ValueError: an empty passphrase.
        db.JournalError: no journal, already encrypted, or SQLCipher missing.
        StorageError: no space ("No space left on device in ...: the backup needs about
            N MB ..." / "... the encrypted journal needs about N MB ..."); nothing was
            changed.
    """
    from . import backups, safe_write

    if not passphrase:
        raise ValueError(_("The passphrase must not be empty."))
    _driver()
    data_dir = Path(data_dir)
    path = db.journal_path(data_dir)
    if not path.exists():
        raise db.JournalError(_("There is no journal in {folder} to encrypt.").format(
            folder=data_dir))
    if is_encrypted(path):
        raise db.JournalError(_("The journal {path} is already encrypted.").format(path=path))
    db.inspect(path)
    backup = db.backup_copy(path, "pre-encrypt")
    safe_write.ensure_space(data_dir, backups._journal_size(path), N_("the encrypted journal"))
    db.close_journal()
    _rewrite(data_dir, None, passphrase, "encrypt the journal", N_("the encrypted journal"))
    open_encrypted(data_dir, passphrase)
    return backup


def _counts(conn) -> dict[str, int]:
    """Rows of every table ``conn`` sees ({table: rows})."""
    from . import backups

    return backups.all_counts(conn)


def change_passphrase(new: str) -> None:
    """Re-encrypt the open encrypted journal with a new passphrase (``PRAGMA rekey``).

    Backups made before keep the old passphrase. SQLite rewrites every page in one
    transaction: a full disk rolls it back (the old passphrase still opens the journal).

    Raises:
        ValueError: an empty passphrase.
        db.JournalError: the open journal is not encrypted.
        StorageError: no space ("No space left on device in DIR: changing the passphrase
            needs about N MB ..."); the passphrase was not changed.
    """
    if not new:
        raise ValueError(_("The passphrase must not be empty."))
    from . import backups, safe_write

    obj = database.obj
    if not _is_cipher(obj):
        raise db.JournalError(_("The open journal is not encrypted."))
    path = Path(obj.database)
    needed = backups._journal_size(path)
    safe_write.ensure_space(path.parent, needed, N_("changing the passphrase"))
    try:
        obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        obj.rekey(new)
    except Exception as exc:
        failure = backups.as_no_space(exc, path.parent, N_("changing the passphrase"), needed)
        if failure is not exc:
            raise failure from exc
        raise


def disable(data_dir: Path) -> Path:
    """Decrypt the open encrypted journal of ``data_dir`` back to plaintext and reopen it.

    The plaintext journal is written to a 0600 temporary file beside the journal, checked
    (integrity and row counts) and renamed over it; nothing partial is left.

    Returns:
        An encrypted (checked) backup copy of the journal as it was ("pre-decrypt").

    Raises:
        db.JournalError: the open journal is not encrypted.
        StorageError: no space ("No space left on device in ...: the decrypted journal
            needs about N MB ..."); the encrypted journal is as it was.
    """
    from . import backups, safe_write

    data_dir = Path(data_dir)
    path = db.journal_path(data_dir)
    passphrase = current_passphrase()
    if passphrase is None:
        raise db.JournalError(_("The open journal is not encrypted."))
    backup = backup_copy(path, "pre-decrypt", passphrase)
    safe_write.ensure_space(data_dir, backups._journal_size(path), N_("the decrypted journal"))
    db.close_journal()
    _rewrite(data_dir, passphrase, None, "decrypt the journal", N_("the decrypted journal"))
    db.open_journal(data_dir)
    return backup
