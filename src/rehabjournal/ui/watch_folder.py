"""The watched folder (opt-in): new activity files there are offered, never imported silently.

A person who lets Garmin Express, Gadgetbridge or a sync tool drop files in a folder
chooses it in Preferences > Activity files (``activities.watch_folder``, this computer's
setting). Then, once the journal is open and the start-up work is done (so the first
window is not slowed), and whenever the folder or one of its subfolders changes while the
app runs (``QFileSystemWatcher``, settled for ``DEBOUNCE_MS`` so that files still being
written are complete), the files ``services.activities.new_files_in`` finds (never imported
nor declined) are offered in a bar above the pages:

    "3 new activity files in Garmin    [Review...] [Not now] [Don't offer these]"

- Review... opens the same progress and preview as File > Import Activities with those
  files: nothing is written before the preview's Import.
- Not now hides the bar until a file not offered yet appears, or the next start.
- Don't offer these remembers them as declined (``dismiss_files``): never offered again.

A folder that disappears or cannot be read is said in the bar, in plain words; its parent
is watched meanwhile, so the folder is watched again as soon as it is back. The scan runs
in a worker thread on its own SQLite connection.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import (
    QFileSystemWatcher,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..errors import RehabJournalError, is_storage_failure
from ..i18n import ngettext
from . import settings as ui_settings

log = logging.getLogger(__name__)

DEBOUNCE_MS = 2000
"""How long the folder must stay quiet before it is looked at: a watch's sync tool writes
a file in several steps."""
MAX_FOLDERS = 256
"""Subfolders watched at most (each takes one of the system's inotify watches)."""
SHOWN_NAMES = 15
"""File names listed in the bar's tooltip."""


def folder_tree(folder: Path, limit: int = MAX_FOLDERS) -> list[Path]:
    """``folder`` and its subfolders (hidden ones skipped), at most ``limit``, top first."""
    found = [folder]
    for root, dirs, _files in os.walk(folder, onerror=lambda _e: None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in dirs:
            if len(found) >= limit:
                return found
            found.append(Path(root) / d)
    return found


def readable_folder(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.R_OK | os.X_OK)


# ---- the scan, in a worker -------------------------------------------------------------------

class ScanSignals(QObject):
    """finished(folder, [Path]); failed(folder, message)."""

    finished = Signal(object, object)
    failed = Signal(object, str)


class ScanJob(QRunnable):
    """``services.activities.new_files_in(folder)`` in a worker thread."""

    def __init__(self, folder: Path, signals: ScanSignals):
        super().__init__()
        self.folder = folder
        self.signals = signals

    def run(self) -> None:
        from ..services import activities
        from ..services.session import close_thread_connection

        try:
            found = list(activities.new_files_in(self.folder))
        except (OSError, RehabJournalError) as exc:
            self.signals.failed.emit(self.folder, str(exc))
            return
        except Exception as exc:  # a bug: said in the bar, the app stays up
            log.exception("the watched folder could not be scanned")
            self.signals.failed.emit(self.folder, str(exc) or exc.__class__.__name__)
            return
        finally:
            close_thread_connection()
        self.signals.finished.emit(self.folder, found)


# ---- the bar ---------------------------------------------------------------------------------

class OfferBar(QFrame):
    """The strip above the pages: what was found, and three buttons (or a problem).

    Signals:
        review(), later(), dismiss(): the buttons.
    """

    review = Signal()
    later = Signal()
    dismiss = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("activityOfferBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#activityOfferBar { background: palette(alternate-base); "
                           "border: 1px solid palette(mid); border-radius: 6px; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setObjectName("activityOfferText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        row.addWidget(self.label, 1)
        self.review_button = QPushButton(self.tr("Review..."))
        self.review_button.setObjectName("offerReview")
        self.later_button = QPushButton(self.tr("Not now"))
        self.later_button.setObjectName("offerLater")
        self.dismiss_button = QPushButton(self.tr("Don't offer these"))
        self.dismiss_button.setObjectName("offerDismiss")
        self.dismiss_button.setToolTip(self.tr(
            "These files will not be offered again; you can still import them with File > "
            "Import Activities."))
        for button, signal in ((self.review_button, self.review),
                               (self.later_button, self.later),
                               (self.dismiss_button, self.dismiss)):
            button.clicked.connect(signal)
            row.addWidget(button)
        self.setAccessibleName(self.tr("New activity files"))
        self.hide()

    def show_offer(self, count: int, folder: Path, names: list[str]) -> None:
        self.label.setText(ngettext("{n} new activity file in {folder}",
                                    "{n} new activity files in {folder}", count)
                           .format(n=count, folder=folder.name or str(folder)))
        shown = names[:SHOWN_NAMES]
        more = len(names) - len(shown)
        tip = "\n".join(shown)
        if more > 0:
            tip += "\n" + ngettext("and {n} more", "and {n} more", more).format(n=more)
        self.label.setToolTip(str(folder) + "\n\n" + tip)
        self.review_button.show()
        self.dismiss_button.show()
        self.later_button.setText(self.tr("Not now"))
        self.show()

    def show_problem(self, text: str) -> None:
        self.label.setText(text)
        self.label.setToolTip("")
        self.review_button.hide()
        self.dismiss_button.hide()
        self.later_button.setText(self.tr("Close"))
        self.show()


# ---- the watcher -----------------------------------------------------------------------------

class FolderWatcher(QObject):
    """Watches ``activities.watch_folder`` and offers its new files (see the module).

    Args:
        ctx: the window's context (status bar).
        window: the main window; its ``import_activities(paths)`` opens the preview.

    Signals:
        scanned(list): the new files of the last look (tests wait for it).

    Attributes:
        bar: the ``OfferBar`` (the window puts it above its pages).
        folder: the folder watched, or None.
        offered: the files the bar offers now (by path).
        problem: the message shown when the folder cannot be read, else "".
    """

    scanned = Signal(list)

    def __init__(self, ctx, window, *, debounce_ms: int = DEBOUNCE_MS):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.bar = OfferBar()
        self.bar.review.connect(self.review)
        self.bar.later.connect(self.not_now)
        self.bar.dismiss.connect(self.dismiss)
        self.folder: Path | None = None
        self.offered: list[Path] = []
        self.snoozed: set[Path] = set()
        self.problem = ""
        self._problem_closed = ""
        self.fs = QFileSystemWatcher(self)
        self.fs.directoryChanged.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setObjectName("watchFolderDebounce")
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.look)
        self._signals = ScanSignals(self)
        self._signals.finished.connect(self._scanned)
        self._signals.failed.connect(self._failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._scanning = False
        self._again = False

    # ---- starting and stopping ---------------------------------------------------------------

    def reload(self) -> None:
        """Watch the folder of the setting now (start-up, Preferences changed it): an empty
        setting stops watching and hides the bar."""
        chosen = ui_settings.get("activities.watch_folder")
        folder = Path(chosen).expanduser() if chosen else None
        if folder == self.folder and folder is not None:
            self.look()
            return
        self.stop()
        self.folder = folder
        if folder is not None:
            self.look()

    def stop(self) -> None:
        """Stop watching; the bar hides."""
        self.timer.stop()
        paths = self.fs.directories() + self.fs.files()
        if paths:
            self.fs.removePaths(paths)
        self.folder = None
        self.offered = []
        self.snoozed = set()
        self.problem = self._problem_closed = ""
        self.bar.hide()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for a scan in the worker (the window is closing)."""
        self.timer.stop()
        return self._pool.waitForDone(msecs)

    # ---- looking -----------------------------------------------------------------------------

    def _changed(self, _path: str) -> None:
        self.timer.start()  # restarted by every change: waits for the folder to settle

    def look(self) -> None:
        """(Re)watch the folder and its subfolders, then scan it for new files."""
        self.timer.stop()
        if self.folder is None:
            return
        if not self._watch():
            return
        if self._scanning:
            self._again = True
            return
        self._scanning = True
        self._pool.start(ScanJob(self.folder, self._signals))

    def _watch(self) -> bool:
        """Watch the folder's tree (a recreated folder is added again); when it is missing,
        watch its nearest parent and say so. True when the folder can be read."""
        folder = self.folder
        assert folder is not None
        watched = set(self.fs.directories())
        if not readable_folder(folder):
            parent = next((p for p in folder.parents if p.is_dir()), None)
            stale = [p for p in watched if parent is None or p != str(parent)]
            if stale:
                self.fs.removePaths(stale)
            if parent is not None and str(parent) not in watched:
                self.fs.addPath(str(parent))
            if folder.exists():
                text = self.tr("The watched folder {folder} cannot be read (no permission). "
                               "New activity files there are not offered until it can be "
                               "read.").format(folder=folder)
            else:
                text = self.tr("The watched folder {folder} is not there any more (moved, "
                               "deleted or a drive not connected). It is watched again as "
                               "soon as it is back; choose another in Preferences > "
                               "Activity files.").format(folder=folder)
            self._show_problem(text)
            return False
        wanted = {str(p) for p in folder_tree(folder)}
        gone = [p for p in watched if p not in wanted]
        if gone:
            self.fs.removePaths(gone)
        new = sorted(wanted - watched)
        if new:
            self.fs.addPaths(new)
        if self.problem:
            self.problem = self._problem_closed = ""
            if not self.offered:
                self.bar.hide()
        return True

    def _show_problem(self, text: str) -> None:
        self.problem = text
        self.offered = []
        if text != self._problem_closed:
            self.ctx.status.emit(text)
            self.bar.show_problem(text)

    def _failed(self, folder: Path, message: str) -> None:
        self._scan_done()
        if folder != self.folder:
            return
        self._show_problem(self.tr("The watched folder {folder} could not be read: {reason}")
                           .format(folder=folder, reason=message))

    def _scanned(self, folder: Path, found: list[Path]) -> None:
        self._scan_done()
        if folder != self.folder:
            return  # the setting changed meanwhile
        found = [Path(p) for p in found]
        self.scanned.emit(found)
        if not found:
            self.offered = []
            if not self.problem:
                self.bar.hide()
            return
        showing = self.bar.isVisibleTo(self.window) and not self.problem and self.offered
        if showing or set(found) - self.snoozed:
            self.offered = found
            self.problem = ""
            self.bar.show_offer(len(found), folder, [p.name for p in found])

    def _scan_done(self) -> None:
        self._scanning = False
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.look)

    # ---- the buttons -------------------------------------------------------------------------

    def review(self) -> bool:
        """Open the preview of the files offered (nothing is written before its Import)."""
        paths = list(self.offered)
        if not paths:
            self.bar.hide()
            return False
        started = self.window.import_activities(paths)
        if started:
            self.snoozed |= set(paths)  # a cancelled preview is not offered at once again
            self.offered = []
            self.bar.hide()
        return started

    def not_now(self) -> None:
        """Hide the offer until a file not offered yet appears (or the next start)."""
        if self.problem:
            self._problem_closed = self.problem
        self.snoozed |= set(self.offered)
        self.offered = []
        self.bar.hide()

    def dismiss(self) -> None:
        """Never offer these files again (``services.activities.dismiss_files``)."""
        from ..services import activities

        paths = list(self.offered)
        try:
            activities.dismiss_files(paths)
        except Exception as exc:
            if not isinstance(exc, OSError | RehabJournalError) and not is_storage_failure(exc):
                raise
            self.ctx.status.emit(self.tr("Could not note the files as declined: {reason}")
                                 .format(reason=exc))
            return
        self.snoozed |= set(paths)
        self.offered = []
        self.bar.hide()
        self.ctx.status.emit(ngettext("{n} file will not be offered again.",
                                      "{n} files will not be offered again.", len(paths))
                             .format(n=len(paths)))
