"""Starting the GUI: one QApplication, the journal lock, the journal, the main window.

What must happen before the window shows happens in ``open_session``: the lock, and opening
the journal (which refuses a damaged or newer file before anything is written). The rest,
the exercise library sync and the day's backup copy, runs after the window is shown, in a
worker (``ui/startup.py``), with "Backing up..." in the status bar.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import paths
from ..errors import StorageError


class AlreadyOpenError(StorageError):
    """Another rehabjournal process (the app, or a command that writes) has this data
    folder open. The message names it."""


def acquire_lock(data_dir: Path):
    """Take the journal lock of the data folder (``services.session.lock_journal``), the
    same lock every writing command takes, so that neither writes while the other has it.

    Returns:
        The held lock; ``unlock()`` gives it back.

    Raises:
        StorageError: the folder cannot be made, is read-only, or another process holds
            the lock (``AlreadyOpenError``, naming it).
    """
    from ..services import session

    try:
        return session.lock_journal(data_dir, session.APP)
    except session.LockHeldError as exc:
        holder = exc.holder
        if holder is None or holder.is_app:
            who = f" (process {holder.pid} on {holder.host})" if holder else ""
            raise AlreadyOpenError(
                f"The journal in {data_dir} is already open in another rehabjournal "
                f"window{who}. Switch to that window, or close it first."
            ) from None
        raise AlreadyOpenError(
            f"The journal in {data_dir} is in use by the command {holder.what!r} (process "
            f"{holder.pid} on {holder.host}). Wait for it to finish, then open rehabjournal "
            "again."
        ) from None


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (made on first call), named and with the app icon."""
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


def ask_passphrase() -> str | None:
    """Ask for an encrypted journal's passphrase; None when the person cancels."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        None, "Encrypted journal", "This journal is encrypted. Passphrase:",
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def open_session(data_dir: Path, *, demo: bool = False, today=None, passphrase=ask_passphrase):
    """Lock and open the journal in ``data_dir``; returns (lock, context, window).

    The window is not shown; show it, then call ``window.startup.start()`` for the
    start-up work that waits for the window (``run_gui`` does both).

    Args:
        data_dir: the journal's folder (made when missing).
        demo: the window says it shows the demo journal.
        today: the journal's "today" (tests fix it); the real date when None.
        passphrase: for an encrypted journal, the passphrase or a callable asking for it.

    Raises:
        StorageError: with the message to show; nothing was changed on disk.
    """
    from .context import AppContext
    from .main_window import MainWindow

    lock = acquire_lock(data_dir)
    try:
        from ..services import session

        session.open_journal(data_dir, passphrase, on_wrong=_wrong_passphrase)
    except BaseException:
        lock.unlock()
        raise
    ctx = AppContext(data_dir, demo=demo, today=today)
    window = MainWindow(ctx)
    window.lock = lock
    return lock, ctx, window


def _wrong_passphrase(message: str) -> None:
    QMessageBox.warning(None, "Wrong passphrase", message)


def show_frame(args):
    """Lock the data folder and show the window's frame before the journal is opened.

    Args:
        args: the command line (``data_dir``, ``demo``).

    Returns:
        The shown ``MainWindow`` (its page area says "Opening your journal...");
        ``open_in(window, args)`` opens the journal in it.

    Raises:
        StorageError: the folder cannot be made or locked (another window has it open).
    """
    from .context import AppContext
    from .main_window import MainWindow

    application()
    data_dir = None if args.demo else paths.resolve_data_dir(args.data_dir)
    lock = None if args.demo else acquire_lock(data_dir)
    ctx = AppContext(data_dir or Path(), demo=args.demo)
    window = MainWindow(ctx, journal_open=False)
    window.lock = lock
    if args.demo:
        window.status_label.clear()  # the demo folder is made by open_in
    window.show()
    return window


def open_in(window, args) -> None:
    """Open the journal (or make a fresh demo journal) in the shown frame, show the first
    page, and start the start-up work that can wait.

    Raises:
        StorageError: the journal cannot be opened (damaged, newer, no passphrase ...);
            nothing was changed on disk.
    """
    from ..services import session

    ctx = window.ctx
    if args.demo:
        from ..services.demo import make_demo_dir

        ctx.data_dir = make_demo_dir()  # made and left open
        window.lock = acquire_lock(ctx.data_dir)
    else:
        session.open_journal(ctx.data_dir, ask_passphrase,
                             on_wrong=lambda m: QMessageBox.warning(window, "Wrong passphrase",
                                                                    m))
    window.status_label.setText(str(session.journal_file(ctx.data_dir)))
    window.journal_opened()
    window.startup.start()


def run_gui(args) -> int:
    """The app: show the frame at once, open the journal in the first event-loop turn.

    The person sees the window immediately; opening (integrity and version checks, a
    passphrase for an encrypted journal) follows, then the first page is built and the
    start-up work that can wait runs in a worker. A journal that cannot be opened is
    explained in a message box and the app quits with exit code 1.
    """
    app = application()
    try:
        window = show_frame(args)
    except StorageError as exc:
        return _cannot_open(None, exc)
    failed: list[int] = []

    def open_now() -> None:
        try:
            open_in(window, args)
        except StorageError as exc:
            failed.append(_cannot_open(window, exc))
            app.exit(1)

    after_first_paint(window, open_now)
    try:
        code = app.exec()
    finally:
        from ..services import session

        window.startup.wait()  # the worker uses the journal: let it finish first
        session.close_journal()
        if window.lock is not None:
            window.lock.unlock()
        if args.demo:  # the throwaway demo folder goes with the app
            from ..services.demo import remove_demo_dir

            remove_demo_dir(window.ctx.data_dir)
    return failed[0] if failed else code


def after_first_paint(window, fn, *, wait_ms: int = 500) -> None:
    """Call ``fn`` once ``window`` is on screen and painted (at most ``wait_ms`` later).

    A zero timer right after ``show()`` runs before the window system has exposed the
    window, so a slow ``fn`` (opening a large or encrypted journal) would leave it blank;
    waiting for the expose event and painting at once shows "Opening your journal..." first.
    """
    waited = [0]

    def check() -> None:
        handle = window.windowHandle()
        if (handle is not None and handle.isExposed()) or waited[0] >= wait_ms:
            window.repaint()
            QTimer.singleShot(0, fn)
        else:
            waited[0] += 10
            QTimer.singleShot(10, check)

    check()


def _cannot_open(parent, exc: StorageError) -> int:
    QMessageBox.critical(parent, "rehabjournal cannot open the journal", str(exc))
    print(f"rehabjournal: error: {exc}", file=sys.stderr)
    return 1
