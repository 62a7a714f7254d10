"""File > Import Activities...: runs and rides from watch and app files become sessions.

The window side of ``services.activities`` (docs/activity-files.md):

1. **Choosing**: File > Import Activities... (several files, or a Strava export .zip),
   File > Import Activities from Folder..., a drop of files or folders on the window
   (``MainWindow.dropEvent``), or the watched folder's offer (``ui/watch_folder.py``).
2. **Reading** runs in a worker thread (``ReadJob``) behind a progress dialog whose Cancel
   stops it (the service's progress callback returns False, it raises
   ``ImportCancelled``): nothing is written while reading.
3. **Preview** (``PreviewDialog``): one row per activity with what will happen (add, merge
   into the session typed by hand, skip as already imported) and why; the files that could
   not be read are listed under it with their reason; "Import N sessions" (Enter) writes
   them through ``ui.edit_path.apply_edit``: one transaction after a backup copy, one undo
   step. Esc cancels and writes no session; the files the preview showed as skipped or
   unreadable are noted as reviewed (``services.activities.remember_reviewed``), so the
   watched folder does not offer them again.

The worker never touches a widget: it reports through the queued signals of
``ReadSignals`` and reads the journal on its own SQLite connection, closed when done.

Object lifetimes are kept plain (a crash was once seen after Esc on a 300-file preview):
the signals object belongs to the ``ActivityImport`` (a child of the window, never made
nor destroyed in the worker; each emission names its job, a late one of an old job is
ignored); the job is a plain Python object run by the pool (``QThreadPool.start`` of its
``run``), holding no Qt object of its own, so whichever thread drops it last, nothing Qt
is destroyed there; the preview is deleted with ``deleteLater`` once its ``finished`` has
been handled (no ``WA_DeleteOnClose`` on a dialog with Python overrides), and no lambda
holding a dialog is connected to a signal that outlives it. The window waits for the
worker before it closes (``wait``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QMimeData,
    QObject,
    Qt,
    QThreadPool,
    QTime,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.activities import FileProblem, sport_label
from ..domain.scales import activity_name
from ..errors import RehabJournalError, is_storage_failure
from ..i18n import ngettext
from . import settings as ui_settings
from .context import AppContext
from .widgets import fmt_date

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: What a drop or a file dialog may hand over (a folder is read recursively); each of the
#: three formats may be gzipped, as Strava's export and some sync tools leave them.
SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz", ".zip")
FILE_FILTER = QT_TRANSLATE_NOOP(
    "ActivityImport",
    "Activity files and Strava exports (*.fit *.gpx *.tcx *.fit.gz *.gpx.gz *.tcx.gz *.zip "
    "*.FIT *.GPX *.TCX *.ZIP);;All files (*)")
NOT_ACTIVITY = QT_TRANSLATE_NOOP(
    "ActivityImport",
    "not an activity file: rehabjournal reads FIT, GPX and TCX files (also gzipped), "
    "Strava export .zip files and folders")
REFUSED_DROP = QT_TRANSLATE_NOOP(
    "ActivityImport",
    "Only FIT, GPX and TCX files, Strava export .zip files and folders can be dropped here.")


def _tr(text: str) -> str:
    return translate("ActivityImport", text)


# ---- what can be imported ----------------------------------------------------------------

def can_import(path: Path | str) -> bool:
    """True for a folder or a file named like an activity file or a zip (``SUFFIXES``)."""
    path = Path(path)
    return path.name.lower().endswith(SUFFIXES) or path.is_dir()


def local_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders of a drag's data (its ``file://`` URLs), in order."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def split_paths(paths: Iterable[Path | str]) -> tuple[list[Path], list[FileProblem]]:
    """(what can be read, a ``FileProblem`` for each other file): the others are listed
    in the preview with the reason, beside the files that could not be read."""
    readable, refused = [], []
    for path in map(Path, paths):
        if can_import(path):
            readable.append(path)
        else:
            refused.append(FileProblem(str(path), _tr(NOT_ACTIVITY)))
    return readable, refused


# ---- reading in a worker -------------------------------------------------------------------

class ReadSignals(QObject):
    """What a ``ReadJob`` reports, each with the job's number first: progress(number,
    done, total); finished(number, Preview); cancelled(number); failed(number, message).

    One per ``ActivityImport``, its child: made in the window's thread and destroyed with
    it, never by a worker."""

    progress = Signal(int, int, int)
    finished = Signal(int, object)
    cancelled = Signal(int)
    failed = Signal(int, str)


class ReadJob:
    """Read a batch with ``services.activities.preview`` in a worker thread (the pool runs
    ``run``).

    A plain Python object: it holds no Qt object of its own (``signals`` belongs to the
    ``ActivityImport``), so it may be dropped last by the worker thread. ``cancel()`` (any
    thread) makes the next progress call return False: the service raises
    ``ImportCancelled`` and ``cancelled`` is emitted; nothing was written.

    Args:
        number: the job's number, sent with each signal.
        paths: what to read.
        signals: the ``ReadSignals`` to report through.
        tz: the zone of local days (None: the machine's).
    """

    def __init__(self, number: int, paths: Sequence[Path], signals: ReadSignals, tz=None):
        self.number = number
        self.paths = list(paths)
        self.tz = tz
        self.signals = signals
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(self.number, int(done), int(total))
        return not self._cancel.is_set()

    def run(self) -> None:
        from ..services import activities
        from ..services.session import close_thread_connection

        try:
            if self._cancel.is_set():
                raise activities.ImportCancelled()
            batch = activities.preview(self.paths, self._progress, tz=self.tz)
            if self._cancel.is_set():  # cancelled after the last file was read
                raise activities.ImportCancelled()
        except activities.ImportCancelled:
            outcome = (self.signals.cancelled, ())
        except RehabJournalError as exc:
            outcome = (self.signals.failed, (str(exc),))
        except Exception as exc:  # a bug: say it in plain words, never a traceback
            log.exception("activity files could not be read")
            outcome = (self.signals.failed, (
                translate("ActivityImport", "The activity files could not be read: {reason}")
                .format(reason=str(exc) or exc.__class__.__name__),))
        else:
            outcome = (self.signals.finished, (batch,))
        finally:
            close_thread_connection()
        signal, args = outcome  # the last thing the worker does: the window may go on
        signal.emit(self.number, *args)


class ActivityImport(QObject):
    """Reads a batch behind a progress dialog, then opens the preview (one at a time).

    Signals:
        done(object): the ``ImportResult`` when sessions were imported, None when the
            person cancelled (reading or the preview) or the files could not be read.

    Attributes:
        job: the ``ReadJob`` reading now, or None.
        progress: the progress dialog while reading, else None.
        dialog: the last ``PreviewDialog`` opened, or None.
    """

    done = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent
        self.job: ReadJob | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: PreviewDialog | None = None
        self._refused: list[FileProblem] = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs = 0  # the number of the last job started
        self._signals = ReadSignals(self)
        self._signals.progress.connect(self._progress)
        self._signals.finished.connect(self._finished)
        self._signals.cancelled.connect(self._cancelled)
        self._signals.failed.connect(self._failed)
        self.tz = None  # tests pass a zone; None: the machine's

    @property
    def busy(self) -> bool:
        """Reading, or the preview is open."""
        return self.job is not None or (self.dialog is not None and self.dialog.isVisible())

    # ---- choosing ------------------------------------------------------------------------

    def choose_files(self) -> bool:
        """File > Import Activities...: files (or a Strava export zip) from a file dialog
        opened in the folder of last time; True when reading started."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import Activities"), self._last_folder(),
            _tr(FILE_FILTER))
        if not paths:
            return False
        self._remember(Path(paths[0]).parent)
        return self.start(paths)

    def choose_folder(self) -> bool:
        """File > Import Activities from Folder...: every activity file in a folder and its
        subfolders; True when reading started."""
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Import Activities from Folder"), self._last_folder())
        if not folder:
            return False
        self._remember(Path(folder))
        return self.start([folder])

    def _last_folder(self) -> str:
        folder = ui_settings.get("activities.last_folder")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    @staticmethod
    def _remember(folder: Path) -> None:
        ui_settings.set("activities.last_folder", str(folder))

    # ---- reading -------------------------------------------------------------------------

    def start(self, paths: Iterable[Path | str]) -> bool:
        """Read ``paths`` (files, folders, zips) in the worker; the preview opens when done.

        Files that are no activity files are not read: the preview lists them with the
        reason. Returns False (and says why in the status bar) when a batch is already
        being read or previewed, or when nothing can be read.
        """
        if self.busy:
            self.ctx.status.emit(self.tr("Finish the import that is open first."))
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.raise_()
                self.dialog.activateWindow()
            return False
        readable, self._refused = split_paths(paths)
        if not readable:
            self.ctx.status.emit(_tr(REFUSED_DROP))
            return False
        self._jobs += 1
        self.job = ReadJob(self._jobs, readable, self._signals, self.tz)
        progress = QProgressDialog(self.tr("Reading activity files..."), self.tr("Cancel"),
                                   0, 0, self.window)
        progress.setObjectName("activityProgress")
        progress.setWindowTitle(self.tr("Import Activities"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.setMinimumDuration(400)  # a few files: no flash of a dialog
        progress.canceled.connect(self.cancel)  # its Cancel button
        progress.rejected.connect(self.cancel)  # Esc
        self.progress = progress
        self._pool.start(self.job.run)  # the pool keeps the job until it has run
        return True

    def cancel(self) -> None:
        """Stop reading (the progress dialog's Cancel, Esc); nothing is written."""
        if self.job is not None:
            self.job.cancel()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Cancelling..."))

    def wait(self, msecs: int = -1) -> bool:
        """Cancel any reading and wait for the worker (the window is closing)."""
        if self.job is not None:
            self.job.cancel()
        return self._pool.waitForDone(msecs)

    def _current(self, number: int) -> bool:
        """True when ``number`` is the job reading now (not a late word of an old one)."""
        return self.job is not None and self.job.number == number

    def _progress(self, number: int, done: int, total: int) -> None:
        if not self._current(number) or self.progress is None or self.job.cancelling:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, total))
        self.progress.setLabelText(self.tr("Reading file {done} of {total}...")
                                   .format(done=done, total=total))

    def _end_reading(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.rejected.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _finished(self, number: int, batch) -> None:
        if not self._current(number):
            return
        self._end_reading()
        batch.problems = list(batch.problems) + self._refused
        self.show_preview(batch)

    def _cancelled(self, number: int) -> None:
        if not self._current(number):
            return
        self._end_reading()
        self.ctx.status.emit(self.tr("Import cancelled: nothing was imported."))
        self.done.emit(None)

    def _failed(self, number: int, message: str) -> None:
        if not self._current(number):
            return
        self._end_reading()
        self.ctx.status.emit(self.tr("Nothing was imported: {reason}").format(reason=message))
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Nothing was imported"), message,
                          parent=self.window)
        box.setObjectName("activityReadFailed")
        box.finished.connect(box.deleteLater)  # a plain Qt box: deleted once answered
        box.open()
        self.done.emit(None)

    def show_preview(self, batch) -> PreviewDialog:
        """Open the preview of ``batch`` (window-modal, not blocking); returns it. It is
        deleted (``deleteLater``) once closed and its outcome handled."""
        dialog = PreviewDialog(self.ctx, batch, self.window)
        dialog.finished.connect(self._preview_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _preview_closed(self, _code: int = 0) -> None:
        dialog = self.sender()
        if not isinstance(dialog, PreviewDialog):
            return
        if self.dialog is dialog:
            self.dialog = None
        result = dialog.import_result
        dialog.finished.disconnect(self._preview_closed)
        if result is None:  # closed without importing: what it showed was reviewed
            self.remember_reviewed(dialog.batch)
        dialog.deleteLater()  # after this slot: Qt deletes it; no reference is kept
        self.done.emit(result)

    def remember_reviewed(self, batch) -> bool:
        """Note the files of a preview closed without importing that give no session
        (skipped, or could not be read: ``services.activities.remember_reviewed``), so the
        watched folder does not offer them again; a file completed since (its bytes
        changed) is offered again. True when noted; a failed write is said in the status
        bar (nothing else depends on it)."""
        from ..services import activities

        try:
            activities.remember_reviewed(batch)
        except Exception as exc:
            if not isinstance(exc, OSError | RehabJournalError) and not is_storage_failure(exc):
                raise
            self.ctx.status.emit(self.tr(
                "Could not note the files reviewed; the watched folder may offer them "
                "again: {reason}").format(reason=exc))
            return False
        return True


# ---- the preview ---------------------------------------------------------------------------

def summary_text(result) -> str:
    """The status bar's words after an import: "Imported 12 sessions, 2 merged, 3 skipped;
    a backup copy was made first." (``result``: an ``ImportResult``; a count of 0 merged
    or skipped is left out)."""
    sessions = ngettext("{n} session", "{n} sessions", result.added).format(n=result.added)
    if result.merged and result.skipped:
        text = translate("ActivityImport",
                         "Imported {sessions}, {merged} merged, {skipped} skipped")
    elif result.merged:
        text = translate("ActivityImport", "Imported {sessions}, {merged} merged")
    elif result.skipped:
        text = translate("ActivityImport", "Imported {sessions}, {skipped} skipped")
    else:
        text = translate("ActivityImport", "Imported {sessions}")
    text = text.format(sessions=sessions, merged=result.merged, skipped=result.skipped)
    if result.backup is not None:
        return translate("ActivityImport", "{imported}; a backup copy was made first.").format(
            imported=text)
    return translate("ActivityImport", "{imported}.").format(imported=text)


class PreviewDialog(QDialog):
    """What importing a batch will do, row by row, and the files that could not be read.

    Enter imports ("Import N sessions" is the default button), Esc cancels. The table
    and the list of refused files scroll; long file names are cut in the middle (the whole
    name is the cell's tooltip).

    Attributes:
        batch: the ``services.activities.Preview`` shown.
        table: one row per activity (``COLUMNS``).
        problems: the refused files and why (hidden when there are none).
        merge_check: "Merge duplicates into sessions typed by hand" (on).
        import_button: "Import N sessions" (disabled when nothing would be written).
        import_result: the ``ImportResult`` once imported, else None.
    """

    COLUMNS = (
        QT_TRANSLATE_NOOP("PreviewDialog", "Date"),
        QT_TRANSLATE_NOOP("PreviewDialog", "Start"),
        QT_TRANSLATE_NOOP("PreviewDialog", "Activity"),
        QT_TRANSLATE_NOOP("PreviewDialog", "Minutes"),
        QT_TRANSLATE_NOOP("PreviewDialog", "km"),
        QT_TRANSLATE_NOOP("PreviewDialog", "Avg HR"),
        QT_TRANSLATE_NOOP("PreviewDialog", "File"),
        QT_TRANSLATE_NOOP("PreviewDialog", "What will happen"),
    )
    FILE_COLUMN, ACTION_COLUMN = 6, 7
    FILE_WIDTH = 240
    """The file column's widest (pixels): longer names are cut in the middle."""

    def __init__(self, ctx: AppContext, batch, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.batch = batch
        self.import_result = None
        self.setObjectName("activityPreview")
        self.setWindowTitle(self.tr("Import Activities"))
        layout = QVBoxLayout(self)

        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.table = QTableWidget(len(batch.rows), len(self.COLUMNS))
        self.table.setObjectName("previewTable")
        self.table.setAccessibleName(self.tr("Activities found"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users go on
        self._fill_rows()
        header = self.table.horizontalHeader()
        for column in range(self.FILE_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.FILE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnToContents(self.FILE_COLUMN)
        self.table.setColumnWidth(self.FILE_COLUMN,
                                  min(self.table.columnWidth(self.FILE_COLUMN),
                                      self.FILE_WIDTH))
        layout.addWidget(self.table, 3)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("problemsLabel")
        self.problems_label.setWordWrap(True)
        layout.addWidget(self.problems_label)
        self.problems = QTableWidget(len(batch.problems), 2)
        self.problems.setObjectName("previewProblems")
        self.problems.setAccessibleName(self.tr("Files not read"))
        self.problems.setHorizontalHeaderLabels([self.tr("File"), self.tr("Why")])
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.problems.setWordWrap(True)
        self.problems.setTabKeyNavigation(False)
        for r, problem in enumerate(batch.problems):
            name = QTableWidgetItem(Path(problem.path).name or problem.path)
            name.setToolTip(problem.path)
            why = QTableWidgetItem(problem.reason)
            why.setToolTip(problem.reason)
            self.problems.setItem(r, 0, name)
            self.problems.setItem(r, 1, why)
        pheader = self.problems.horizontalHeader()
        pheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        pheader.setStretchLastSection(True)
        self.problems.resizeColumnToContents(0)
        self.problems.setColumnWidth(0, min(self.problems.columnWidth(0), self.FILE_WIDTH))
        self.problems.resizeRowsToContents()
        layout.addWidget(self.problems, 1)
        if batch.problems:
            self.problems_label.setText(ngettext(
                "{n} file could not be read; the rest can still be imported:",
                "{n} files could not be read; the rest can still be imported:",
                len(batch.problems)).format(n=len(batch.problems)))
        else:
            self.problems_label.hide()
            self.problems.hide()

        self.merge_check = QCheckBox(self.tr("&Merge duplicates into sessions typed by hand"))
        self.merge_check.setObjectName("mergeDuplicates")
        # the rule of domain.activities.find_duplicate for a session typed by hand (it has
        # no start time); the 2-minute start window is for sessions from other files
        self.merge_check.setToolTip(self.tr(
            "On: an activity on the same day as a session you typed by hand, of the same "
            "activity and with similar minutes (within 5 minutes or 15 %), fills in what "
            "that session lacks (start time, heart rate, climb, distance); what you typed "
            "stays. Off: it is skipped."))
        self.merge_check.setChecked(True)
        self.merge_check.toggled.connect(self._update)
        layout.addWidget(self.merge_check)
        self.merge_check.setVisible(batch.to_merge > 0)

        self.error = QLabel()
        self.error.setObjectName("previewError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton()
        self.import_button.setObjectName("importSessions")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.import_button.setDefault(True)
        self._update()
        if batch.rows:
            self.table.setCurrentCell(0, 0)
            self.table.setFocus()
        else:
            self.cancel_button.setFocus()
        from .accessibility import name_controls

        name_controls(self)
        self._size_to_screen()

    # ---- building --------------------------------------------------------------------------

    def _fill_rows(self) -> None:
        locale = QLocale()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(self.batch.rows):
            act = row.activity
            start = QTime(row.start.hour, row.start.minute)
            km = act.distance_km
            cells = (
                fmt_date(row.day),
                locale.toString(start, QLocale.FormatType.ShortFormat),
                activity_name(row.kind),
                str(act.minutes),
                "" if km is None else locale.toString(float(km), "f", 1),
                "" if act.avg_hr is None else str(round(act.avg_hr)),
                act.source,
                "",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (3, 4, 5):
                    item.setTextAlignment(right)
                self.table.setItem(r, c, item)
            label = sport_label(act.sport, act.sub_sport)
            self.table.item(r, 2).setToolTip(self.tr(
                "The file says \u201c{sport}\u201d; which activity each sport becomes is set "
                "in Preferences > Activity files.").format(sport=label or "?"))
            self.table.item(r, 6).setToolTip(act.source + (
                f" ({act.name})" if act.name else ""))
            if act.elapsed_minutes > act.minutes:
                self.table.item(r, 3).setToolTip(self.tr(
                    "{moving} minutes moving, {elapsed} with pauses").format(
                    moving=act.minutes, elapsed=act.elapsed_minutes))

    def action_text(self, row) -> str:
        """What will happen to ``row``, with the reason: "Add", "Merges into the 45-min run
        typed by hand", "Skip: already imported on 3 Mar 2026"."""
        from ..services.activities import ADD, MERGE

        if row.action == ADD:  # with why, when it says something (imported before ...)
            return self.tr("Add: {reason}").format(reason=row.reason) if row.reason else \
                self.tr("Add")
        if row.action == MERGE and self.merge_check.isChecked():
            reason = row.reason or self.tr("merges into the session typed by hand")
            return reason[:1].upper() + reason[1:]
        if row.action == MERGE:
            return self.tr("Skip: merging is off")
        return self.tr("Skip: {reason}").format(reason=row.reason) if row.reason else \
            self.tr("Skip")

    def count(self) -> int:
        """How many sessions "Import" writes: the new ones, and the merged ones when on."""
        return self.batch.to_add + (self.batch.to_merge if self.merge_check.isChecked() else 0)

    def _update(self) -> None:
        from ..services.activities import ADD, MERGE

        merge = self.merge_check.isChecked()
        dim = self.palette().color(QPalette.ColorRole.PlaceholderText)
        normal = self.palette().color(QPalette.ColorRole.Text)
        for r, row in enumerate(self.batch.rows):
            text = self.action_text(row)
            item = self.table.item(r, self.ACTION_COLUMN)
            item.setText(text)
            item.setToolTip(text if row.action != MERGE or merge else
                            f"{text} ({row.reason})" if row.reason else text)
            written = row.action == ADD or (row.action == MERGE and merge)
            for c in range(self.table.columnCount()):
                self.table.item(r, c).setForeground(normal if written else dim)
        n = self.count()
        self.import_button.setText(
            ngettext("&Import {n} session", "&Import {n} sessions", n).format(n=n))
        self.import_button.setEnabled(n > 0)
        if not self.batch.rows:
            text = self.tr("No activities were found in what you chose.")
        else:
            text = ngettext("{n} activity found.", "{n} activities found.",
                            len(self.batch.rows)).format(n=len(self.batch.rows))
            skipped = len(self.batch.rows) - n
            if skipped:
                text += " " + ngettext("{n} will be skipped (greyed).",
                                        "{n} will be skipped (greyed).", skipped).format(
                    n=skipped)
            if n:
                text += " " + self.tr("Imported sessions wait on Today for your effort and "
                                      "pain ratings.")
        self.summary.setText(text)

    def _size_to_screen(self) -> None:
        """As wide as the table wants, within the screen (1366x768 and smaller fit)."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        table_w = (sum(self.table.columnWidth(c) for c in range(self.table.columnCount()))
                   + self.table.verticalScrollBar().sizeHint().width() + 60)
        width, height = max(640, min(table_w + 220, 1100)), 600
        if free is not None and not free.isEmpty():
            width = min(width, free.width() - 40)
            height = min(height, free.height() - 80)
        self.resize(width, height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # a long reason wraps to the width its column has now
        self.problems.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.problems.resizeRowsToContents()

    # ---- importing -------------------------------------------------------------------------

    def accept(self) -> None:
        """Import the rows as one undo step; stays open and says why when nothing could be
        written (the journal is as it was)."""
        from ..services import activities
        from .edit_path import apply_edit

        if self.count() == 0:
            return
        merge = self.merge_check.isChecked()
        failures: list[str] = []
        self.ctx.write_failed.connect(failures.append)
        self.error.hide()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            edit = apply_edit(
                self.ctx, lambda: activities.import_activities(self.batch, merge=merge),
                message=self._show_error, source=self)
        finally:
            QApplication.restoreOverrideCursor()
            self.ctx.write_failed.disconnect(failures.append)
        if edit is None:
            if failures:
                self._show_error(failures[-1])
            return
        result = edit.result
        self.import_result = result
        if edit.day is not None:  # a batch touches many days: every page reloads
            self.ctx.journal_changed.emit(None)
        if result is not None:
            self.ctx.status.emit(summary_text(result))
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(self.tr("Nothing was imported. {reason}").format(reason=text))
        self.error.show()
