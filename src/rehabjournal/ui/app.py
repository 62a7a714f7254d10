"""Starting the GUI: one QApplication, the journal lock, the journal, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import paths
from ..store.db import JournalError, close_journal, open_journal

LOCK_NAME = "journal.lock"


class AlreadyOpenError(JournalError):
    """Another rehabjournal process has this data folder open."""


def acquire_lock(data_dir: Path) -> QLockFile:
    """Lock the data folder so that a second instance cannot write the same journal.

    Raises:
        JournalError: the folder cannot be made, is read-only, or is locked by a live process.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise JournalError(f"Cannot create the data folder {data_dir}: {exc.strerror}.") from exc
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # only a dead owner's lock is stale
    if not lock.tryLock(200):
        if lock.error() == QLockFile.LockError.LockFailedError:
            info = lock.getLockInfo()  # (pid, hostname, appname), or False when unknown
            who = f" (process {info[0]} on {info[1]})" if info else ""
            raise AlreadyOpenError(
                f"The journal in {data_dir} is already open in another rehabjournal "
                f"window{who}. Switch to that window, or close it first."
            )
        raise JournalError(
            f"Cannot lock the journal in {data_dir}: the folder is read-only or not "
            "accessible. Choose another folder with --data-dir."
        )
    return lock


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.ORG_NAME)
    app.setApplicationDisplayName("rehabjournal")
    # Lets Wayland match the window to its desktop entry and icon.
    app.setDesktopFileName("io.github.rehabjournal.RehabJournal")
    from .icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def _open_journal(data_dir: Path, passphrase) -> None:
    """Open a plain or an encrypted journal (asking for the passphrase when needed)."""
    from ..store import encryption
    from ..store.db import journal_path

    if not encryption.is_encrypted(journal_path(data_dir)):
        open_journal(data_dir)
        return
    while True:
        secret = passphrase() if callable(passphrase) else passphrase
        if secret is None:
            raise JournalError("The journal is encrypted and no passphrase was given.")
        try:
            encryption.open_encrypted(data_dir, secret)
            return
        except encryption.WrongPassphraseError as exc:
            if not callable(passphrase):
                raise
            QMessageBox.warning(None, "Wrong passphrase", str(exc))


def ask_passphrase() -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        None, "Encrypted journal", "This journal is encrypted. Passphrase:",
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def open_session(data_dir: Path, *, demo: bool = False, today=None, passphrase=ask_passphrase):
    """Lock and open the journal in ``data_dir``; returns (lock, context, window).

    Raises:
        JournalError: with the message to show; nothing was changed on disk.
    """
    from ..store.backups import daily_backup_if_due
    from ..store.library import sync_shipped_exercises
    from .context import AppContext
    from .main_window import MainWindow

    lock = acquire_lock(data_dir)
    try:
        _open_journal(data_dir, passphrase)
        sync_shipped_exercises()
        daily_backup_if_due(data_dir)  # at most once a day; never raises
    except BaseException:
        lock.unlock()
        raise
    ctx = AppContext(data_dir, demo=demo, today=today)
    window = MainWindow(ctx)
    window.lock = lock
    return lock, ctx, window


def run_gui(args) -> int:
    app = application()
    try:
        if args.demo:
            from ..services.demo import make_demo_dir

            data_dir = make_demo_dir()
            close_journal()
        else:
            data_dir = paths.resolve_data_dir(args.data_dir)
        lock, ctx, window = open_session(data_dir, demo=args.demo)
    except JournalError as exc:
        QMessageBox.critical(None, "rehabjournal cannot open the journal", str(exc))
        print(f"rehabjournal: error: {exc}", file=sys.stderr)
        return 1
    window.show()
    try:
        return app.exec()
    finally:
        close_journal()
        lock.unlock()
