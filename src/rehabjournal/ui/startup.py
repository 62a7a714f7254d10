"""The start-up work that waits for the window: run in a worker, reported in the status bar.

``services.startup.run_startup_work`` (the shipped exercise library, the day's backup copy)
runs in a ``QThreadPool`` worker once the window is shown. The worker never touches a
widget: it hands its result back by a queued signal, and this object, living in the GUI
thread, shows "Backing up..." then "Backed up" and tells the pages when the exercise
library changed.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from .context import AppContext

if TYPE_CHECKING:
    from ..services.startup import StartupResult

BUSY = "Backing up..."
DONE = "Backed up"


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
            result, failure = None, f"Start-up checks failed: {exc}"
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
        self.ctx.status.emit(BUSY)
        self._pool.start(_Job(run_startup_work, self.ctx.data_dir, self._relay))

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is done (before closing the journal); True when it is."""
        return self._pool.waitForDone(msecs)

    def _finished(self, result: StartupResult) -> None:
        self.running, self.finished, self.result = False, True, result
        if result.problem:
            self.ctx.status.emit(result.problem)
        elif result.backup is not None:
            self.ctx.status.emit(DONE)
        else:
            self.ctx.status.emit("")  # nothing was due: take "Backing up..." away
        if result.exercises_changed:
            self.ctx.programme_changed.emit()
        self.done.emit(result)

    def _failed(self, text: str) -> None:
        self.running, self.finished = False, True
        self.ctx.status.emit(text)
        self.done.emit(None)
