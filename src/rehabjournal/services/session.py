"""Opening and closing the journal, and its lock: the one place both the app and the
commands use.

The command line passes a passphrase string (or None); the app passes a callable that
asks for it, and ``on_wrong`` to say it was wrong before asking again.

The journal's lock (``store/journal_lock.py``) is taken by the app and by every command
that writes; a command that only reads and finds the lock held opens the journal with
``read_only=True`` instead: no migration, no write, not even a checkpoint when it closes.

The store is imported inside the functions: the app locks its data folder before it shows
its window, and that must not wait for peewee and SQLite (``tests/ui/test_ui_startup.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import errors
from ..i18n import _
from ..store import journal_lock
from ..store.journal_lock import APP, Holder, JournalLock, LockHeldError
from .errors import StorageError

__all__ = ["APP", "Holder", "JournalLock", "LockHeldError", "close_journal", "is_encrypted",
           "journal_file", "lock_journal", "open_journal", "sweep_leftovers"]

Passphrase = str | Callable[[], str | None] | None

_read_only = False  # the open journal was opened with read_only=True


def lock_journal(data_dir: Path, what: str) -> JournalLock:
    """Take the journal lock of ``data_dir`` (made when missing) without waiting.

    Args:
        data_dir: the data folder.
        what: what takes it, as a refused process names it: ``APP`` or "rehabjournal
            import".

    Raises:
        LockHeldError: another process holds it (a ``JournalBusyError``, exit 5; its
            ``holder`` says who, when known).
        StorageError: the folder cannot be made, or the lock file cannot be written.
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        file = file_in_the_way(data_dir)
        if file is not None:
            raise StorageError(_("Cannot use the data folder {folder}: {file} is a file, not "
                                 "a folder; give a folder with --data-dir.")
                               .format(folder=data_dir, file=file), where=str(file)) from exc
        raise StorageError(_("Cannot create the data folder {folder}: {reason}.")
                           .format(folder=data_dir, reason=exc.strerror or exc)) from exc
    return journal_lock.acquire(data_dir, what)


def file_in_the_way(data_dir: Path) -> Path | None:
    """The data folder, or the nearest of its parents, when it exists and is not a folder."""
    import os

    for folder in (data_dir, *data_dir.parents):
        if os.path.lexists(folder):
            return None if folder.is_dir() else folder
    return None


def wait_writable() -> None:
    """Wait (SQLite's bounded wait, 5 s) until the open journal can be written.

    A writing command calls it before it reads anything, so that a journal another
    program holds makes it wait and then stop with "The journal is busy" (exit 5), the same
    way for every command, before any backup copy or half of a change.

    Raises:
        peewee.OperationalError: "database is locked" after the wait.
    """
    from ..store import db

    db.wait_writable()


def lock_file(data_dir: Path) -> Path:
    """The journal lock's file in ``data_dir`` (``journal.lock``)."""
    return journal_lock.lock_path(Path(data_dir))


def sweep_leftovers(data_dir: Path) -> int:
    """Remove the temporary files interrupted writes left in ``data_dir`` (and those they
    recorded there); returns how many were removed. Call it while holding the lock."""
    from ..store import safe_write

    return len(safe_write.sweep_leftovers(Path(data_dir)))


def check_existing(data_dir: Path, passphrase: str | None = None) -> None:
    """Refuse a journal file that cannot be opened, before anything is made beside it.

    Reads only (the header, then SQLite read-only): an empty, damaged, foreign, newer file
    or a link to nothing at the journal's place raises with its own message and leaves the
    folder as it was, so no lock file appears beside it. No journal yet, or an encrypted
    one without ``passphrase`` (checked when it is opened), passes.

    Args:
        passphrase: an encrypted journal's passphrase: it is checked too (read only), so
            that a wrong one is refused before anything is made beside the file.

    Raises:
        StorageError: the file is refused (the message says why and names it), or the
            passphrase does not open it.
    """
    import os

    from ..store import db, encryption

    path = db.journal_path(data_dir)
    if not os.path.lexists(path):
        return
    if encryption.is_encrypted(path):
        if passphrase is not None:
            encryption.inspect(path, passphrase)
        return
    db.inspect(path)


def is_encrypted(data_dir: Path) -> bool:
    """True when the journal in ``data_dir`` exists and is SQLCipher-encrypted."""
    from ..store import db, encryption

    return encryption.is_encrypted(db.journal_path(data_dir))


def require_encryption() -> None:
    """Check that SQLCipher is installed before a passphrase is asked for.

    Raises:
        EncryptionUnavailable: it is not ("Encryption needs SQLCipher, which is not
            installed: pip install 'rehabjournal[encryption]'."): asking for a passphrase
            first would ask for one that cannot be used.
    """
    from ..store import encryption

    encryption.sqlcipher_version()


def open_journal(data_dir: Path, passphrase: Passphrase = None, *,
                 on_wrong: Callable[[str], None] | None = None, read_only: bool = False,
                 in_use_by: str | None = None) -> None:
    """Open (creating or migrating as needed) the plain or encrypted journal in ``data_dir``.

    Args:
        data_dir: the journal's folder.
        passphrase: for an encrypted journal: the passphrase, or a callable asking for it
            (returning None when the person cancels).
        on_wrong: called with the message after a wrong passphrase, before asking again
            (only with a callable ``passphrase``).
        read_only: another process holds the lock: open the existing journal to read it
            only (SQLite's ``query_only``), never migrating it.
        in_use_by: with ``read_only``, who holds the lock, for the message about an older
            journal (e.g. "the rehabjournal app (process 12 on laptop)"); None: "another
            rehabjournal process".

    Raises:
        JournalBusyError: ``read_only`` and the journal needs a migration first.
        StorageError: the journal cannot be opened (damaged, newer, locked, no or wrong
            passphrase); nothing was changed on disk.
    """
    global _read_only
    from ..store import db, encryption, migrations, safe_write

    data_dir = Path(data_dir).absolute()
    safe_write.use_data_dir(data_dir)
    path = db.journal_path(data_dir)
    if not is_encrypted(data_dir):
        if read_only:
            _refuse_older(path, db.inspect(path), in_use_by, migrations.LATEST)
        db.open_journal(data_dir, migrate=not read_only)
    else:
        while True:
            secret = passphrase() if callable(passphrase) else passphrase
            if secret is None:
                raise StorageError(_("The journal is encrypted and no passphrase was given."))
            try:
                if read_only:
                    _refuse_older(path, encryption.inspect(path, secret), in_use_by,
                                  migrations.LATEST)
                encryption.open_encrypted(data_dir, secret, migrate=not read_only)
                break
            except encryption.WrongPassphraseError as exc:
                if not callable(passphrase):
                    raise
                if on_wrong is not None:
                    on_wrong(str(exc))
    errors.journal_file = str(path)
    _read_only = read_only
    if read_only:
        db.database.execute_sql("PRAGMA query_only = 1")


def _refuse_older(path: Path, version: int, in_use_by: str | None, latest: int) -> None:
    if version < latest:
        raise errors.JournalBusyError(
            _("The journal {path} is from an older version of rehabjournal (schema {version}; "
              "this version updates it to {latest}), which cannot happen while {holder} has "
              "it open. Close it, then run the command again. Nothing was changed.")
            .format(path=path, version=version, latest=latest,
                    holder=in_use_by or _("another rehabjournal process")))


def close_journal() -> None:
    """Close the open journal (no error when none is open).

    A journal opened ``read_only`` is closed without the WAL checkpoint (a write).
    """
    global _read_only
    from ..store import db

    if _read_only and db.database.obj is not None and not db.database.is_closed():
        db.database.close()
    _read_only = False
    errors.journal_file = None
    db.close_journal()


def close_thread_connection() -> None:
    """Close the calling thread's own connection to the journal, if it opened one.

    The journal gives each thread its own connection; a worker thread calls this when it
    is done. Other threads' connections (the GUI thread's) stay open.
    """
    from ..store import db

    if db.database.obj is not None and not db.database.is_closed():
        db.database.close()


def journal_file(data_dir: Path) -> Path:
    """The journal file's path in ``data_dir``."""
    from ..store import db

    return db.journal_path(data_dir)
