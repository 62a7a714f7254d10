"""The watched folder (opt-in): new activity files there are offered, never imported silently.

A person who lets Garmin Express, Gadgetbridge or a sync tool drop files in a folder
chooses it in Preferences > Activity files (``activities.watch_folder``, this computer's
setting). Then, once the journal is open with its profile (not over the Welcome form) and
the start-up work is done (so the first window is not slowed), and whenever the folder, one
of its subfolders or a file offered changes while the app runs (``QFileSystemWatcher``,
settled for ``DEBOUNCE_MS`` so that files still being written are complete), the files
``services.activities.new_files_in`` finds (never imported nor declined) are offered in a
bar above the pages:

    "3 new activity files in Garmin    [Review...] [Not now] [Don't offer these]"

- Review... opens the same progress and preview as File > Import Activities with those
  files: nothing is written before the preview's Import.
- Not now hides the bar until a file not offered yet appears, or one offered changes, or
  the next start.
- Don't offer these remembers them as declined (``dismiss_files``): never offered again.

What was offered is remembered by path, size and modification time (``offer_key``), not
by path alone: a file caught while still being written, reviewed and refused as cut short,
is offered again once it is complete. The files offered (and those offered before, which a
reviewed preview may have noted as refused) are watched themselves, since a write into a
file does not change its folder; at most ``MAX_FILES``.

A folder that disappears, is moved or renamed, or cannot be read is said in the bar, in
plain words. The folder's parent is watched too, and the folder is known by its device and
inode (``folder_id``): the system's watch follows a folder moved elsewhere, so a move is
seen in the parent and the folder at the chosen path is compared with the one watched. A
folder back at its place (or another one put there) is watched again at once. The scan
runs in a worker thread on its own SQLite connection.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from PySide6.QtCore import (
    QFileSystemWatcher,
    QObject,
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
MAX_FILES = 256
"""Files offered that are watched at most, for a change of their content."""
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


def folder_id(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of a folder: the same path may come to name another folder (the
    one watched moved away, another put in its place); None when it is no folder."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISDIR(st.st_mode) else None


OfferKey = tuple[str, int, int]


def offer_key(path: Path | str) -> OfferKey | None:
    """(path, size, modification time in ns) of a file offered: a file whose content
    changed since it was offered (completed since it was caught half written) is offered
    again. None when the file cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (str(path), st.st_size, st.st_mtime_ns)


# ---- the scan, in a worker -------------------------------------------------------------------

class ScanSignals(QObject):
    """finished(folder, [(Path, offer_key)]); failed(folder, message)."""

    finished = Signal(object, object)
    failed = Signal(object, str)


class ScanJob:
    """``services.activities.new_files_in(folder)`` in a worker thread (the pool runs
    ``run``). A plain Python object: its ``signals`` belong to the ``FolderWatcher``, so
    nothing Qt is destroyed in the worker when it drops the job."""

    def __init__(self, folder: Path, signals: ScanSignals):
        self.folder = folder
        self.signals = signals

    def run(self) -> None:
        from ..services import activities
        from ..services.session import close_thread_connection

        try:
            found = [(path, offer_key(path)) for path in activities.new_files_in(self.folder)]
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
        self.snoozed: set[OfferKey] = set()
        self.problem = ""
        self._problem_closed = ""
        self._keys: dict[Path, OfferKey | None] = {}  # the last scan's files
        self._ids: dict[str, tuple[int, int]] = {}  # each folder watched: folder_id
        self._parent: str | None = None  # watched for the folder's move or deletion
        self.fs = QFileSystemWatcher(self)
        self.fs.directoryChanged.connect(self._changed)
        self.fs.fileChanged.connect(self._file_changed)
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
        self._keys, self._ids, self._parent = {}, {}, None
        self.problem = self._problem_closed = ""
        self.bar.hide()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for a scan in the worker (the window is closing)."""
        self.timer.stop()
        return self._pool.waitForDone(msecs)

    # ---- looking -----------------------------------------------------------------------------

    def _changed(self, path: str) -> None:
        """A folder watched changed. The parent's changes matter only when they concern
        the folder itself (moved, renamed, deleted, back): a stat tells, no scan."""
        if path == self._parent and not self.problem and self.still_there():
            return  # something else in the parent; the folder is where it was
        self.timer.start()  # restarted by every change: waits for the folder to settle

    def _file_changed(self, _path: str) -> None:
        self.timer.start()  # a file offered is being written (or was removed)

    def still_there(self) -> bool:
        """The folder watched is still at its path, the same folder (not moved away, nor
        replaced by another of the same name)."""
        return (self.folder is not None
                and folder_id(self.folder) == self._ids.get(str(self.folder)))

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
        self._pool.start(ScanJob(self.folder, self._signals).run)

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
            self._watch_files([])
            self._ids, self._keys = {}, {}
            self._parent = None if parent is None else str(parent)
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
        # each folder by its identity: a watch follows a folder moved away, so a path now
        # naming another folder is watched again (removed, then added)
        wanted = {str(p): i for p in folder_tree(folder) if (i := folder_id(p)) is not None}
        parent = folder.parent
        self._parent = str(parent) if parent != folder and parent.is_dir() else None
        keep = set(wanted) | ({self._parent} if self._parent else set())
        gone = [p for p in watched
                if p not in keep or (p in wanted and self._ids.get(p) != wanted[p])]
        if gone:
            self.fs.removePaths(gone)
        new = sorted(p for p in keep if p not in watched or p in gone)
        if new:
            self.fs.addPaths(new)
        self._ids = wanted
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

    def _watch_files(self, paths: list[Path]) -> None:
        """Watch these files (the ones offered, the first ``MAX_FILES``) for a change of
        their content."""
        watched = set(self.fs.files())
        wanted = {str(p) for p in paths[:MAX_FILES]}
        gone = sorted(watched - wanted)
        if gone:
            self.fs.removePaths(gone)
        new = sorted(wanted - watched)
        if new:
            self.fs.addPaths(new)  # a file removed meanwhile is simply not watched

    def _scanned(self, folder: Path, found: list) -> None:
        self._scan_done()
        if folder != self.folder:
            return  # the setting changed meanwhile
        if not self.still_there():  # moved or replaced while it was scanned
            self.look()
            return
        self._keys = {Path(p): key for p, key in found}
        paths = list(self._keys)
        # the files found, and those offered before (reviewed, or hidden by Not now): one
        # refused as cut short drops out of what is found (known by its bytes) until it
        # changes, and only its own watch sees that change
        reviewed = sorted({Path(k[0]) for k in self.snoozed} - set(paths))
        self._watch_files(paths + reviewed)
        self.scanned.emit(paths)
        if not paths:
            self.offered = []
            if not self.problem:
                self.bar.hide()
            return
        showing = self.bar.isVisibleTo(self.window) and not self.problem and self.offered
        if showing or {k for k in self._keys.values() if k is not None} - self.snoozed:
            self.offered = paths
            self.problem = ""
            self.bar.show_offer(len(paths), folder, [p.name for p in paths])

    def _snooze(self, paths: list[Path]) -> None:
        """Offer these files again only once their content changes (``offer_key``): the
        key of the look that offered them, and of now (what the preview reads)."""
        for path in paths:
            for key in (self._keys.get(path), offer_key(path)):
                if key is not None:
                    self.snoozed.add(key)

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
        if not self.still_there():  # moved away since it was offered: said, not read
            self.look()
            return False
        started = self.window.import_activities(paths)
        if started:
            self._snooze(paths)  # a cancelled preview is not offered at once again
            self.offered = []
            self.bar.hide()
        return started

    def not_now(self) -> None:
        """Hide the offer until a file not offered yet appears (or the next start)."""
        if self.problem:
            self._problem_closed = self.problem
        self._snooze(self.offered)
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
        self._snooze(paths)
        self.offered = []
        self.bar.hide()
        self.ctx.status.emit(ngettext("{n} file will not be offered again.",
                                      "{n} files will not be offered again.", len(paths))
                             .format(n=len(paths)))
