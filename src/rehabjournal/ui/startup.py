"""The start-up work that waits for the window: run in a worker, reported in the status bar.

``services.startup.run_startup_work`` (leftovers of interrupted operations swept, the
shipped exercise library, the day's backup copy, the weekly full check of the journal)
runs in a ``QThreadPool`` worker once the window is shown. The worker never touches a
widget: it hands its result back by a queued signal, and this object, living in the GUI
thread, shows "Backing up..." then "Backed up" (and "Removed N leftover files of an
interrupted operation"), tells the pages when the exercise library changed, and, when the
journal failed its check, shows a message with a "Restore a backup..." button.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from .context import AppContext

if TYPE_CHECKING:
    from ..services.startup import StartupResult

translate = QCoreApplication.translate

# What the start-up work says (English; shown with ``translate("StartupWork", ...)``).
BUSY = QT_TRANSLATE_NOOP("StartupWork", "Backing up...")
DONE = QT_TRANSLATE_NOOP("StartupWork", "Backed up")
DAMAGED_TITLE = QT_TRANSLATE_NOOP("StartupWork", "Your journal failed its check")
DAMAGED_TEXT = QT_TRANSLATE_NOOP(
    "StartupWork",
    "rehabjournal's check of your journal found damage. What you see may be incomplete, "
    "and new entries may not be kept safely.\n\nRestore a backup made before the damage: "
    "your journal as it is now is kept in the backups folder first."
)
DAMAGED_DETAIL = QT_TRANSLATE_NOOP(
    "StartupWork",
    "SQLite's check found: {found}.\n\nThe journal: {journal}\nThe backups: {backups}")
DAMAGED_STATUS = QT_TRANSLATE_NOOP(
    "StartupWork",
    "The journal failed its check: restore a backup (File > Restore from Backup...)")
RESTORE_BUTTON = QT_TRANSLATE_NOOP("StartupWork", "Restore a backup...")


def _tr(text: str) -> str:
    return translate("StartupWork", text)


class _Relay(QObject):
    """Carries the worker's outcome to the GUI thread (queued: it lives in the GUI thread)."""

    finished = Signal(object)  # StartupResult
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work, data_dir: Path, relay: _Relay):
        super().__init__()
        self.work = work
        self.data_dir = data_dir
        self.relay = relay

    def run(self) -> None:
        from ..services.session import close_thread_connection

        result, failure = None, ""
        try:
            result = self.work(self.data_dir)
        except Exception as exc:  # a bug, not a storage failure: say it, keep the app up
            traceback.print_exc()
            result, failure = None, translate("StartupWork", "Start-up checks failed: "
                                              "{reason}").format(reason=exc)
        finally:
            close_thread_connection()  # this worker's own; the GUI thread keeps its
        if result is None:
            self.relay.failed.emit(failure)
        else:
            self.relay.finished.emit(result)


class StartupWork(QObject):
    """Runs the start-up work once, after the window is shown.

    Signals:
        done(object): the :class:`~rehabjournal.services.startup.StartupResult` (or None
            when the work failed); emitted in the GUI thread.
    """

    done = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result: StartupResult | None = None
        self.damage_box: QMessageBox | None = None
        self.running = False
        self.finished = False
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self) -> None:
        """Start the work in the worker (once; later calls do nothing)."""
        if self.running or self.finished:
            return
        from ..services.startup import run_startup_work  # imported after the window shows

        self.running = True
        self.ctx.status.emit(_tr(BUSY))
        self._pool.start(_Job(run_startup_work, self.ctx.data_dir, self._relay))

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is done (before closing the journal); True when it is."""
        return self._pool.waitForDone(msecs)

    def _finished(self, result: StartupResult) -> None:
        from ..services.startup import leftovers_text

        self.running, self.finished, self.result = False, True, result
        parts = []
        if result.integrity_problem:
            parts.append(_tr(DAMAGED_STATUS))
        elif result.problem:
            parts.append(result.problem)
        elif result.backup is not None:
            parts.append(_tr(DONE))
        if result.leftovers_removed:
            parts.append(leftovers_text(result.leftovers_removed))
        # "" when nothing was due: takes "Backing up..." away
        self.ctx.status.emit(". ".join(p.rstrip(".") for p in parts))
        if result.exercises_changed:
            self.ctx.programme_changed.emit()
        if result.integrity_problem:
            self.show_damage(result.integrity_problem)
        self.done.emit(result)

    def show_damage(self, detail: str) -> QMessageBox:
        """Say that the journal failed its check, with a "Restore a backup..." button
        that opens the restore dialog; the box is window-modal and does not block.

        Args:
            detail: the damaged-journal message (``StartupResult.integrity_problem``); the
                box shows what SQLite found in it, the journal and the backups folder (the
                message's own advice is the command line's, not the app's).
        """
        from ..services.backups import backup_dir
        from ..services.session import journal_file
        from ..services.startup import damage_findings

        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        box = QMessageBox(QMessageBox.Icon.Critical, _tr(DAMAGED_TITLE), _tr(DAMAGED_TEXT),
                          parent=parent)
        box.setObjectName("integrityProblem")
        box.setInformativeText(_tr(DAMAGED_DETAIL).format(
            found=damage_findings(detail).rstrip("."), journal=journal_file(self.ctx.data_dir),
            backups=backup_dir(self.ctx.data_dir)))
        restore = box.addButton(_tr(RESTORE_BUTTON), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreFromCheck")
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)

        def clicked(button) -> None:
            if button is restore:
                from .backup import restore_backup

                restore_backup(parent, self.ctx)

        box.buttonClicked.connect(clicked)
        self.damage_box = box
        box.open()
        return box

    def _failed(self, text: str) -> None:
        self.running, self.finished = False, True
        self.ctx.status.emit(text)
        self.done.emit(None)
