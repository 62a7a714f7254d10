"""Starting the GUI: one QApplication, the journal lock, the journal, the main window.

What must happen before the journal is used happens in ``open_session`` / ``open_in``: a
read-only look at an existing journal file (``session.check_existing``: a damaged, empty,
foreign or newer file is refused before anything, the lock file included, is made beside
it), the lock, and opening the journal. The rest, the exercise library sync and the day's
backup copy, runs after the window is shown, in a worker (``ui/startup.py``), with "Backing
up..." in the status bar.

A second launch for the same journal folder brings the running window to the front and
ends (``ui/single_instance.py``); ``--tray`` (the start at log-in) opens the journal with the
window hidden in the tray when the desktop has one (``ui/tray.py``).

A journal refused at start is explained in a message box; when the backups folder beside it
holds a copy that can be restored, the box offers "Restore a backup..." (the refused file is
kept in the backups folder, the copy put in its place, and the app opens it).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import paths
from ..errors import StorageError

translate = QCoreApplication.translate


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
        if holder is None:
            raise AlreadyOpenError(translate(
                "app", "The journal in {folder} is already open in another rehabjournal "
                "window. Switch to that window, or close it first."
            ).format(folder=data_dir)) from None
        if holder.is_app:
            raise AlreadyOpenError(translate(
                "app", "The journal in {folder} is already open in another rehabjournal "
                "window (process {pid} on {host}). Switch to that window, or close it first."
            ).format(folder=data_dir, pid=holder.pid, host=holder.host)) from None
        raise AlreadyOpenError(translate(
            "app", "The journal in {folder} is in use by the command {command} (process "
            "{pid} on {host}). Wait for it to finish, then open rehabjournal again."
        ).format(folder=data_dir, command=repr(holder.what), pid=holder.pid,
                 host=holder.host)) from None


def lock_checked(data_dir: Path):
    """Refuse a journal file that cannot be opened, then take the lock.

    The existing journal is inspected read-only first (``session.check_existing``), so a
    refused file gets nothing beside it, not even ``journal.lock``.

    Returns:
        (the held lock, True when this call made the lock file): pass both to
        :func:`release_lock` when the journal then fails to open.

    Raises:
        StorageError: the journal is refused, or the lock cannot be taken (see
            :func:`acquire_lock`).
    """
    from ..services import session

    session.check_existing(data_dir)
    made = not os.path.lexists(session.lock_file(data_dir))
    return acquire_lock(data_dir), made


def release_lock(lock, made: bool) -> None:
    """Give the lock back after the journal failed to open (a wrong or no passphrase, a
    refused file); the lock file goes too when this start made it, so that a refused
    journal is left with nothing new beside it."""
    if made:
        with contextlib.suppress(OSError):
            os.unlink(lock.path)  # still held: nobody else can be using it
    lock.unlock()


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
    from .i18n import install_once

    install_once(app)  # Preferences > Language: Qt's translators, QLocale, text below the UI
    from .icons import app_icon

    app.setWindowIcon(app_icon())
    from .appearance import apply_saved

    apply_saved(app)  # System (the desktop's look), Light or Dark, as last chosen
    return app


WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("app", "Wrong passphrase")


def ask_passphrase() -> str | None:
    """Ask for an encrypted journal's passphrase; None when the person cancels."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        None, translate("app", "Encrypted journal"),
        translate("app", "This journal is encrypted. Passphrase:"),
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

    lock, made = lock_checked(data_dir)
    try:
        from ..services import session

        session.open_journal(data_dir, passphrase, on_wrong=_wrong_passphrase)
    except BaseException:
        release_lock(lock, made)
        raise
    ctx = AppContext(data_dir, demo=demo, today=today)
    window = MainWindow(ctx)
    window.lock = lock
    return lock, ctx, window


def _wrong_passphrase(message: str) -> None:
    QMessageBox.warning(None, translate("app", WRONG_PASSPHRASE), message)


def show_frame(args, *, show: bool = True):
    """Show the window's frame before the journal is looked at, locked or opened.

    Args:
        args: the command line (``data_dir``, ``demo``).
        show: False to leave it hidden (a start in the tray).

    Returns:
        The shown ``MainWindow`` (its page area says "Opening your journal...");
        ``open_in(window, args)`` checks, locks and opens the journal in it.
    """
    from .context import AppContext
    from .main_window import MainWindow

    application()
    data_dir = None if args.demo else paths.resolve_data_dir(args.data_dir)
    ctx = AppContext(data_dir or Path(), demo=args.demo)
    window = MainWindow(ctx, journal_open=False)
    window.lock = None  # taken by open_in, after a refused journal had its say
    if args.demo:
        window.status_label.clear()  # the demo folder is made by open_in
    if show:
        window.show()
    return window


def open_in(window, args) -> None:
    """Open the journal (or make a fresh demo journal) in the shown frame, show the first
    page, and start the start-up work that can wait.

    The journal file is inspected read-only and refused before the lock is taken (see
    :func:`lock_checked`); a lock already in ``window.lock`` (taken for a restore) is used.

    Raises:
        StorageError: the journal cannot be opened (damaged, newer, no passphrase, in use
            ...); nothing was changed on disk and nothing was left beside it.
    """
    from ..services import session

    ctx = window.ctx
    if args.demo:
        from ..services.demo import make_demo_dir

        ctx.data_dir = make_demo_dir()  # made and left open
        window.lock = acquire_lock(ctx.data_dir)
    else:
        made = False
        if window.lock is None:
            window.lock, made = lock_checked(ctx.data_dir)
        try:
            session.open_journal(
                ctx.data_dir, ask_passphrase,
                on_wrong=lambda m: QMessageBox.warning(
                    window, translate("app", WRONG_PASSPHRASE), m))
        except BaseException:
            release_lock(window.lock, made)
            window.lock = None
            raise
    window.status_label.setText(str(session.journal_file(ctx.data_dir)))
    window.journal_opened()
    window.startup.start()


def run_gui(args) -> int:
    """The app: show the frame at once, open the journal in the first event-loop turn.

    The person sees the window immediately; opening (integrity and version checks, a
    passphrase for an encrypted journal) follows, then the first page is built and the
    start-up work that can wait runs in a worker. A journal that cannot be opened is
    explained in a message box and the app quits with exit code 1, unless the person
    restores a backup in its place from that box (:func:`offer_restore`): then it opens.
    """
    app = application()
    in_tray = bool(getattr(args, "tray", False))
    name = None
    try:
        if not args.demo:
            from .single_instance import ask_running, server_name

            name = server_name(paths.resolve_data_dir(args.data_dir))
            if ask_running(name, tray=in_tray):
                print(translate("app", "rehabjournal: this journal is already open: its "
                                "window was brought to the front."), file=sys.stderr)
                return 0
        if in_tray:
            from .tray import tray_available

            in_tray = tray_available()  # no tray to live in: show the window
        window = show_frame(args, show=not in_tray)
    except StorageError as exc:
        return _cannot_open(None, exc)
    failed: list[int] = []

    def open_now() -> None:
        while True:
            try:
                open_in(window, args)
                window.start_tray(forced=in_tray)
                if name is not None:
                    window.listen_for_launches(name)
                return
            except StorageError as exc:
                offered = None if args.demo else offer_restore(window, exc)
                if offered:
                    continue  # a backup is in its place now: open it
                if offered is None:
                    failed.append(_cannot_open(window, exc))
                else:  # the box was shown; the person chose Quit
                    print(f"rehabjournal: error: {exc}", file=sys.stderr)
                    failed.append(1)
                app.exit(1)
                return

    if in_tray:
        QTimer.singleShot(0, open_now)  # nothing to paint first
    else:
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


CANNOT_OPEN = QT_TRANSLATE_NOOP("app", "rehabjournal cannot open the journal")
RESTORE_BUTTON = QT_TRANSLATE_NOOP("app", "Restore a backup...")
RESTORE_OFFER = QT_TRANSLATE_NOOP(
    "app", "You can put a backup copy in its place: the journal that could not be "
    "opened is moved into the backups folder as it is, and kept there.")
"""The refusal box's texts (English; shown with ``translate("app", ...)``)."""


def _cannot_open(parent, exc: StorageError) -> int:
    QMessageBox.critical(parent, translate("app", CANNOT_OPEN), str(exc))
    print(f"rehabjournal: error: {exc}", file=sys.stderr)
    return 1


def refusal_box(parent, exc: StorageError) -> QMessageBox:
    """The box saying why the journal cannot be opened, with "Restore a backup..." (object
    name ``restoreRefused``) and "Quit"."""
    box = QMessageBox(QMessageBox.Icon.Critical, translate("app", CANNOT_OPEN), str(exc),
                      parent=parent)
    box.setObjectName("cannotOpen")
    box.setInformativeText(translate("app", RESTORE_OFFER))
    restore = box.addButton(translate("app", RESTORE_BUTTON), QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreRefused")
    box.addButton(translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    return box


def offer_restore(window, exc: StorageError) -> bool | None:
    """When a backup can replace the journal refused with ``exc``, say why it was refused
    and offer "Restore a backup..." (the restore dialog, ``ui.backup.restore_refused``).

    Returns:
        None when no restore is possible (no box was shown); True when a copy was
        restored: ``window.lock`` then holds the lock, and the journal is to be opened
        again; False when the person chose Quit.
    """
    from ..services import backups, session

    data_dir = window.ctx.data_dir
    try:
        if not backups.offers_restore(data_dir, exc):
            return None
    except Exception as err:  # listing the backups must not hide why the journal was refused
        print(translate("app", "rehabjournal: the backups could not be listed: {reason}")
              .format(reason=err), file=sys.stderr)
        return None
    from .backup import restore_refused

    while True:
        box = refusal_box(window, exc)
        box.exec()
        clicked = box.clickedButton()
        if clicked is None or clicked.objectName() != "restoreRefused":
            return False
        made = not os.path.lexists(session.lock_file(data_dir))
        try:
            lock = acquire_lock(data_dir)
        except StorageError as err:
            QMessageBox.warning(window, translate("app", "Cannot restore"), str(err))
            continue
        try:
            restored = restore_refused(window, window.ctx)
        except BaseException:
            release_lock(lock, made)
            raise
        if restored:
            window.lock = lock
            return True
        release_lock(lock, made)  # cancelled: the refused file keeps nothing beside it
