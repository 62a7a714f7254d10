"""Optional encryption of the journal at rest, with SQLCipher (``pip install
rehabjournal[encryption]``, which brings ``sqlcipher3-binary``).

Off by default. An encrypted journal is still ``journal.sqlite`` in the data folder, but
its bytes are unreadable without the passphrase (AES-256, SQLCipher 4 defaults); its
backups made afterwards are encrypted with the same passphrase.

    enable(data_dir, passphrase)       plaintext journal -> encrypted, atomically
    open_encrypted(data_dir, passphrase)   open (and migrate) an encrypted journal
    change_passphrase(new)             PRAGMA rekey on the open encrypted journal
    disable(data_dir)                  encrypted journal -> plaintext again

There is no way to recover a forgotten passphrase: the data is lost with it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from . import db, migrations
from .models import database

ENCRYPTING = ".journal.sqlite.encrypting"
SQLITE_HEADER = b"SQLite format 3\x00"


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
        raise EncryptionUnavailable(
            "Encryption needs SQLCipher, which is not installed: "
            "pip install 'rehabjournal[encryption]'."
        ) from exc
    return dbapi2


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

    Args:
        path: the file, or with ``uri`` an SQLite URI (``db.read_only_uri``: read only).
        passphrase: its key.

    Raises:
        WrongPassphraseError: the passphrase does not open the file.
        db.JournalError: the file cannot be opened.
    """
    sqlcipher = _driver()
    try:
        conn = sqlcipher.connect(str(path), isolation_level=None, uri=uri)
    except sqlcipher.Error as exc:
        raise db.JournalError(f"Cannot open the journal {path}: {exc}.") from exc
    try:
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise WrongPassphraseError(
            f"The passphrase does not open the journal {path}. Check it and try again "
            "(capitals count). A forgotten passphrase cannot be recovered."
        ) from exc
    return conn


def current_passphrase() -> str | None:
    """The passphrase of the bound journal when it is an encrypted one, else None."""
    obj = database.obj
    if obj is None:
        return None
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    if isinstance(obj, SqlCipherDatabase):
        return obj.connect_params.get("passphrase")
    return None


def _export(conn, target: Path, key: str) -> None:
    """Copy everything ``conn`` sees into a new file ``target`` encrypted with ``key``
    ('' for plaintext), including the schema version and application id."""
    version = conn.execute("PRAGMA main.user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
    conn.execute(f"ATTACH DATABASE {_quote(str(target))} AS target KEY {_quote(key)}")
    try:
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute(f"PRAGMA target.application_id = {int(app_id)}")
    finally:
        conn.execute("DETACH DATABASE target")
    db._private(target)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def backup_copy(path: Path, reason: str, passphrase: str) -> Path:
    """Like ``db.backup_copy`` for an encrypted journal: an encrypted copy in backups/."""
    folder = path.parent / db.BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"journal-{stamp}-{reason}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"journal-{stamp}-{reason}-{n}.sqlite"
    conn = connect(path, passphrase)
    try:
        _export(conn, target, passphrase)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        raise
    finally:
        conn.close()
    return target


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
            raise db.JournalError(f"{path} is not encrypted. {db.UNTOUCHED}.",
                                  where=str(path))
    sqlcipher = _driver()

    def keyed(uri: str):
        conn = connect(uri, passphrase, uri=True)
        conn.text_factory = db.text_reader(path)
        return conn

    with db.reading_only(path, keyed) as conn:
        version, app_id, tables = db.check_contents(path, conn, sqlcipher.DatabaseError)
    return db.check_version(path, version, app_id, tables)


def _cipher_database():
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    class CipherJournalDatabase(db.ReadsText, SqlCipherDatabase):
        """The encrypted journal's peewee database (see ``db.ReadsText``)."""

    return CipherJournalDatabase


def open_encrypted(data_dir: Path, passphrase: str, *, migrate: bool = True):
    """Open the encrypted journal of ``data_dir`` and bind the models to it.

    Migrates an older schema (after an encrypted ``pre-vN`` backup), like ``open_journal``.

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
        raise db.JournalError(f"{path} is not an encrypted journal.", where=str(path))
    version = inspect(path, passphrase)
    if migrate and version < migrations.LATEST:
        backup_copy(path, f"pre-v{migrations.LATEST}", passphrase)
        conn = connect(path, passphrase)
        try:
            migrations.migrate(conn)
        finally:
            conn.close()
    db.close_journal()
    cipher = _cipher_database()(str(path), passphrase=passphrase, pragmas=db.PRAGMAS,
                                check_same_thread=False)
    try:
        cipher.connect()
    except db.PeeweeDatabaseError as exc:
        cipher.close()
        raise db.no_space(path, exc) or db.JournalError(
            f"Cannot open the journal {path}: {exc}.", where=str(path)) from exc
    database.initialize(cipher)
    db.opened(path)
    return cipher


def _replace(path: Path, new: Path) -> None:
    _fsync(new)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
    os.replace(new, path)
    if os.name == "posix":
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def enable(data_dir: Path, passphrase: str) -> Path:
    """Encrypt the (plaintext) journal of ``data_dir`` with ``passphrase`` and reopen it.

    The plaintext journal is first copied to ``backups/...-pre-encrypt.sqlite`` (NOT
    encrypted: delete it, and older backups, once the encrypted journal works for you).

    Returns:
        The plaintext backup copy.

    Raises:
        ValueError: an empty passphrase.
        db.JournalError: no journal, already encrypted, or SQLCipher missing.
    """
    if not passphrase:
        raise ValueError("The passphrase must not be empty.")
    _driver()
    data_dir = Path(data_dir)
    path = db.journal_path(data_dir)
    if not path.exists():
        raise db.JournalError(f"There is no journal in {data_dir} to encrypt.")
    if is_encrypted(path):
        raise db.JournalError(f"The journal {path} is already encrypted.")
    db.inspect(path)
    db.close_journal()
    backup = db.backup_copy(path, "pre-encrypt")
    tmp = data_dir / ENCRYPTING
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    sqlcipher = _driver()
    conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        before = _counts(conn)
        _export(conn, tmp, passphrase)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        db.open_journal(data_dir)
        raise
    finally:
        conn.close()
    check = connect(tmp, passphrase)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        same = _counts(check) == before
    finally:
        check.close()
    if not (ok and same):
        tmp.unlink()
        db.open_journal(data_dir)
        raise db.JournalError("The encrypted copy did not check out; nothing was changed.")
    _replace(path, tmp)
    open_encrypted(data_dir, passphrase)
    return backup


def _counts(conn) -> dict[str, int]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def change_passphrase(new: str) -> None:
    """Re-encrypt the open encrypted journal with a new passphrase (``PRAGMA rekey``).

    Backups made before keep the old passphrase.
    """
    if not new:
        raise ValueError("The passphrase must not be empty.")
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    obj = database.obj
    if not isinstance(obj, SqlCipherDatabase):
        raise db.JournalError("The open journal is not encrypted.")
    obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    obj.rekey(new)


def disable(data_dir: Path) -> Path:
    """Decrypt the open encrypted journal of ``data_dir`` back to plaintext and reopen it.

    Returns:
        An encrypted backup copy of the journal as it was.
    """
    data_dir = Path(data_dir)
    path = db.journal_path(data_dir)
    passphrase = current_passphrase()
    if passphrase is None:
        raise db.JournalError("The open journal is not encrypted.")
    backup = backup_copy(path, "pre-decrypt", passphrase)
    db.close_journal()
    tmp = data_dir / ENCRYPTING
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    conn = connect(path, passphrase)
    try:
        _export(conn, tmp, "")
    finally:
        conn.close()
    _replace(path, tmp)
    db.open_journal(data_dir)
    return backup
