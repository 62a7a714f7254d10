"""Opening and closing the journal: the one place both the app and the commands use.

The command line passes a passphrase string (or None); the app passes a callable that
asks for it, and ``on_wrong`` to say it was wrong before asking again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..store import db, encryption
from .errors import StorageError

Passphrase = str | Callable[[], str | None] | None


def is_encrypted(data_dir: Path) -> bool:
    """True when the journal in ``data_dir`` exists and is SQLCipher-encrypted."""
    return encryption.is_encrypted(db.journal_path(data_dir))


def open_journal(data_dir: Path, passphrase: Passphrase = None, *,
                 on_wrong: Callable[[str], None] | None = None) -> None:
    """Open (creating or migrating as needed) the plain or encrypted journal in ``data_dir``.

    Args:
        data_dir: the journal's folder.
        passphrase: for an encrypted journal: the passphrase, or a callable asking for it
            (returning None when the person cancels).
        on_wrong: called with the message after a wrong passphrase, before asking again
            (only with a callable ``passphrase``).

    Raises:
        StorageError: the journal cannot be opened (damaged, newer, locked, no or wrong
            passphrase); nothing was changed on disk.
    """
    if not is_encrypted(data_dir):
        db.open_journal(data_dir)
        return
    while True:
        secret = passphrase() if callable(passphrase) else passphrase
        if secret is None:
            raise StorageError("The journal is encrypted and no passphrase was given.")
        try:
            encryption.open_encrypted(data_dir, secret)
            return
        except encryption.WrongPassphraseError as exc:
            if not callable(passphrase):
                raise
            if on_wrong is not None:
                on_wrong(str(exc))


def close_journal() -> None:
    """Close the open journal (no error when none is open)."""
    db.close_journal()


def close_thread_connection() -> None:
    """Close the calling thread's own connection to the journal, if it opened one.

    The journal gives each thread its own connection; a worker thread calls this when it
    is done. Other threads' connections (the GUI thread's) stay open.
    """
    if db.database.obj is not None and not db.database.is_closed():
        db.database.close()


def journal_file(data_dir: Path) -> Path:
    """The journal file's path in ``data_dir``."""
    return db.journal_path(data_dir)
