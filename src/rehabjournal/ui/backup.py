"""File menu entries for backups, restore, full export/import and the FHIR bundle.

Each public function takes (parent window, AppContext), as the File menu calls them;
the optional arguments let tests and scripts skip the file dialogs. They call
``services.backups`` and ``services.exports``; what fails comes back as the error family
and is told in a message box: an ``ImportFileError`` lists the file's problems, a
``StorageError`` says what could not be read or written (nothing was changed).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..errors import ImportFileError, StorageError
from ..i18n import ngettext
from ..services import backups, clock, exports
from ..services.backups import BackupInfo
from ..services.files import failure_message
from .context import AppContext
from .i18n import date_pattern
from .table_model import ListTableModel
from .widgets import format_when

translate = QCoreApplication.translate

JSON_FILTER = QT_TRANSLATE_NOOP("backup", "JSON files (*.json);;All files (*)")
_Index = QModelIndex | QPersistentModelIndex


# ---- small dialogs (replaced in tests) -------------------------------------------------

def _tell(parent, title: str, text: str, *, warning: bool = False) -> None:
    if warning:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


def _confirm(parent, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def _journal_replaced(ctx: AppContext) -> None:
    """After a restore or full import: undo history no longer applies; pages reload."""
    ctx.undo_stack.clear()
    ctx.journal_changed.emit(None)
    ctx.programme_changed.emit()


# ---- back up now -----------------------------------------------------------------------

DAMAGED_NOT_COPIED = QT_TRANSLATE_NOOP(
    "backup",
    "Your journal failed its integrity check ({found}), so no copy of it was made: a copy "
    "of a damaged journal would not help. Restore a backup made before the damage with "
    "File > Restore from Backup...")


def _is_a(exc: BaseException, name: str) -> bool:
    """``exc`` is of the store's error class ``name`` (``NoSpaceError``,
    ``JournalDamagedError``): known by its class, whatever the language of its message (the
    UI does not import the store)."""
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def backup_now(parent: QWidget, ctx: AppContext) -> Path | None:
    """Make a copy of the journal in backups/ and say where it is."""
    try:
        copy = backups.backup_now(ctx.data_dir)
    except StorageError as exc:
        text = exc.message
        # a damaged journal: the command line's advice, said in-app; a full disk's message
        # already says what to do
        if _is_a(exc, "JournalDamagedError") or "failed its integrity check" in text:
            from ..services.startup import damage_findings

            text = translate("backup", DAMAGED_NOT_COPIED).format(
                found=damage_findings(text).rstrip("."))
        elif not (_is_a(exc, "NoSpaceError") or text.startswith("No space left")):
            text = translate("backup", "{reason} Check the free space in {folder}.").format(
                reason=text, folder=ctx.data_dir)
        _tell(parent, translate("backup", "Backup failed"), text, warning=True)
        return None
    ctx.status.emit(translate("backup", "Backed up to {file}").format(file=copy.name))
    _tell(parent, translate("backup", "Backup made"),
          translate("backup", "A copy of your journal was saved to\n{path}\n\nrehabjournal "
                    "also makes one copy a day by itself, and keeps the last 14 days and 8 "
                    "weeks of copies.").format(path=copy))
    return copy


# ---- restore ---------------------------------------------------------------------------

UNUSABLE = QT_TRANSLATE_NOOP("backup", "Unusable: {reason}")
"""How the Why column (and the tooltip) shows a copy that cannot be restored."""


def unusable(error: str) -> str:
    """``UNUSABLE`` in the UI's language, with the copy's problem."""
    return translate("backup", UNUSABLE).format(reason=error)


def made_text(made) -> str:
    """When a copy was made, in the list (to the second: two copies of one minute differ):
    "Tue 03 Mar 2026 14:05:09" / "mar. 3 mars 2026 14:05:09"."""
    return format_when(made, "ddd dd MMM yyyy HH:mm:ss", date_pattern("day") + " HH:mm:ss")


def made_long(made) -> str:
    """When a copy was made, in the messages: "Tuesday 03 March 2026, 14:05:09" /
    "mardi 3 mars 2026, 14:05:09" / "Dienstag, 3. März 2026, 14:05:09"."""
    weekday = "dddd, " if i18n.current() == "de" else "dddd "
    return format_when(made, "dddd dd MMMM yyyy, HH:mm:ss",
                       weekday + date_pattern("long") + ", HH:mm:ss")


class BackupTableModel(ListTableModel):
    """The backup copies, newest first: date, reason and entry counts.

    A copy that cannot be restored (``BackupInfo.error``: empty, partial, damaged,
    encrypted with another passphrase, not a journal, the damaged journal kept before a
    restore) is shown greyed and cannot be selected; its Why column says "Unusable:
    REASON". The Why column's tooltip holds its whole text (the view elides it).
    """

    COLUMNS: tuple[tuple[str, str | None], ...] = (
        (QT_TRANSLATE_NOOP("BackupTableModel", "Made"), None),
        (QT_TRANSLATE_NOOP("BackupTableModel", "Why"), None),
        (QT_TRANSLATE_NOOP("BackupTableModel", "Check-ins"), "check_in"),
        (QT_TRANSLATE_NOOP("BackupTableModel", "Sessions"), "activity_session"),
        (QT_TRANSLATE_NOOP("BackupTableModel", "Exercise logs"), "exercise_log"),
        (QT_TRANSLATE_NOOP("BackupTableModel", "Outcome measures"), "outcome_response"),
        (QT_TRANSLATE_NOOP("BackupTableModel", "Events"), "event"),
    )
    PathRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, infos: list[BackupInfo] | None = None, parent=None):
        super().__init__(parent)
        self.rows = list(infos or [])

    def set_backups(self, infos: list[BackupInfo]) -> None:
        self.set_rows(infos)

    def info(self, row: int) -> BackupInfo:
        return self.rows[row]

    def column_title(self, section: int) -> str:
        return translate("BackupTableModel", self.COLUMNS[section][0])

    @staticmethod
    def why(info: BackupInfo) -> str:
        """The Why column: "daily", "before an import - Unusable: empty (0 bytes): ..."."""
        if info.error and info.reason == backups.KEPT_REASON:
            return unusable(info.error)  # its reason says the same
        if info.error:
            return f"{info.reason_text} - {unusable(info.error)}"
        return info.reason_text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        info = self.row_at(index)
        if info is None:
            return None
        _title, table = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return made_text(info.made)
            if index.column() == 1:
                return self.why(info)
            if info.error:
                return ""
            return str(info.counts.get(table, 0))
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 1:
                return f"{self.why(info)}\n{info.path}"
            if info.error:
                return f"{unusable(info.error)}\n{info.path}"
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and table is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.PathRole:
            return str(info.path)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        info = self.row_at(index)
        if info is not None and info.error:
            return Qt.ItemFlag.NoItemFlags  # greyed, not selectable: it cannot be restored
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RestoreDialog(QDialog):
    """Pick a backup copy to put back in place of the journal.

    Args:
        ctx: the app's context (its ``data_dir``).
        parent: the window.
        refused: the journal was refused at start and is not open: the refused file is
            moved into the backups folder as it is, and the copy put in its place
            (``services.backups.restore_refused``); the app then opens it.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 refused: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.refused = refused
        self.kept: Path | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        folder = backups.backup_dir(ctx.data_dir)
        intro = QLabel(
            self.tr("Choose the copy to go back to. The journal that could not be opened is "
                    "moved into the backups folder as it is, and kept there.\nBackups are in "
                    "{folder}.").format(folder=folder)
            if refused else
            self.tr("Choose the copy to go back to. Your journal as it is now is saved first, "
                    "so a restore can be undone by restoring that copy.\nBackups are in "
                    "{folder}.").format(folder=folder)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = BackupTableModel(backups.list_backups(ctx.data_dir), self)
        self.view = QTableView()
        self.view.setObjectName("backupTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        # The Why column takes the room the others leave and elides a long reason (the
        # tooltip holds it all), so the counts stay in view on a small screen.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.view.setAccessibleName(self.tr("Backups"))
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self.tr("There are no backups yet. Use File > Back Up Now to "
                                    "make one."))
        self.empty.setVisible(self.model.rowCount() == 0)
        layout.addWidget(self.empty)
        unusable = sum(1 for info in self.model.rows if info.error)
        self.unusable = QLabel(
            ngettext("{n} copy cannot be restored (greyed); the Why column says why.",
                     "{n} copies cannot be restored (greyed); the Why column says why.",
                     unusable).format(n=unusable))
        self.unusable.setObjectName("unusableNote")
        self.unusable.setWordWrap(True)
        self.unusable.setVisible(unusable > 0)
        layout.addWidget(self.unusable)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore this copy..."), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _i: self.restore_selected())
        self.restored: Path | None = None

    def _selection_changed(self, *_args) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.info(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        if info.error:
            _tell(self, self.tr("Cannot restore this copy"),
                  backups.unusable_sentence(
                      self.tr("The copy of {made}").format(made=made_long(info.made)),
                      info.error), warning=True)
            return False
        counts = self.tr("{check_ins} check-ins, {sessions} sessions, {logs} exercise logs").format(
            check_ins=info.counts.get("check_in", 0),
            sessions=info.counts.get("activity_session", 0),
            logs=info.counts.get("exercise_log", 0))
        first = (self.tr("The journal that could not be opened is moved to the backups folder "
                         "as it is, and kept there.") if self.refused else
                 self.tr("Your journal as it is now is saved to the backups folder first."))
        if not _confirm(
            self, self.tr("Restore this backup?"),
            self.tr("Put the copy of {made} ({counts}) in place of your journal?\n\n{first}")
            .format(made=made_long(info.made), counts=counts, first=first),
            self.tr("Restore"),
        ):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.refused:
                pre = self.kept = backups.restore_refused(self.ctx.data_dir, info.path)
            else:
                pre = backups.restore_backup(self.ctx.data_dir, info.path)
        except StorageError as exc:
            QApplication.restoreOverrideCursor()
            text = exc.message
            said = ("left as it was", "Nothing was changed",
                    i18n._("Nothing was changed.").rstrip("."))  # in the window's language too
            if not any(words in text for words in said):
                text = self.tr("{reason}. Your journal was left as it was.").format(
                    reason=text.rstrip("."))
            _tell(self, self.tr("Restore failed"), text, warning=True)
            return False
        QApplication.restoreOverrideCursor()
        self.restored = info.path
        if not self.refused:
            _journal_replaced(self.ctx)
        when = format_when(info.made, "dd MMM yyyy HH:mm:ss", date_pattern("date") + " HH:mm:ss")
        self.ctx.status.emit(self.tr("Restored the backup of {made}").format(made=when))
        text = self.tr("The journal is back as it was on {made}.").format(
            made=made_long(info.made))
        if pre is not None:
            kept = (self.tr("The journal that could not be opened is kept, as it was, "
                            "in\n{path}") if self.refused
                    else self.tr("The journal as it was before the restore is kept in\n{path}"))
            text += "\n\n" + kept.format(path=pre)
        _tell(self, self.tr("Backup restored"), text)
        self.accept()
        return True


def restore_backup(parent: QWidget, ctx: AppContext) -> bool:
    """Show the backups and restore the one the user picks; returns True when restored."""
    dialog = RestoreDialog(ctx, parent)
    dialog.exec()
    return dialog.restored is not None


def restore_refused(parent: QWidget | None, ctx: AppContext) -> bool:
    """For a journal refused at start (not open): show the backups and put the one the
    user picks in its place, keeping the refused file in the backups folder; returns True
    when restored (the caller then opens the journal)."""
    dialog = RestoreDialog(ctx, parent, refused=True)
    dialog.exec()
    return dialog.restored is not None


# ---- full export / import --------------------------------------------------------------

def full_export(parent: QWidget, ctx: AppContext, path: str | None = None) -> bool:
    """Write the whole journal as one JSON file; returns True when written."""
    if path is None:
        suggested = str(Path.home() / f"rehabjournal-{clock.today():%Y-%m-%d}.json")
        path, _filter = QFileDialog.getSaveFileName(
            parent, translate("backup", "Export everything"), suggested,
            translate("backup", JSON_FILTER))
        if not path:
            return False
    try:
        counts = exports.export_everything(path)
    except StorageError as exc:
        _tell(parent, translate("backup", "Export failed"), failure_message(exc), warning=True)
        return False
    ctx.status.emit(translate("backup", "Exported {n} rows to {path}").format(
        n=sum(counts.values()), path=path))
    return True


def full_import(parent: QWidget, ctx: AppContext, path: str | None = None) -> bool:
    """Import a full JSON export into the (empty) journal, all or nothing.

    Returns:
        True when imported: the pages reload (``journal_changed(None)``) and the undo
        history is cleared.
    """
    if path is None:
        path, _filter = QFileDialog.getOpenFileName(
            parent, translate("backup", "Import everything"), str(Path.home()),
            translate("backup", JSON_FILTER))
        if not path:
            return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        counts = exports.import_everything(path)
    except ImportFileError as exc:
        QApplication.restoreOverrideCursor()
        box = QMessageBox(QMessageBox.Icon.Warning, translate("backup", "Nothing was imported"),
                          translate("backup", "{path} was not imported; your journal is "
                                    "unchanged.").format(path=path),
                          parent=parent)
        box.setObjectName("fullImportProblems")
        box.setInformativeText("\n".join(exc.problems[:8]))
        if len(exc.problems) > 8:
            box.setDetailedText("\n".join(exc.problems))
        _show_box(box)
        return False
    except StorageError as exc:
        QApplication.restoreOverrideCursor()
        _tell(parent, translate("backup", "Import failed"), exc.message, warning=True)
        return False
    QApplication.restoreOverrideCursor()
    _journal_replaced(ctx)
    ctx.saved(translate("backup", "Imported"))
    _tell(parent, translate("backup", "Import finished"),
          translate("backup", "Imported {check_ins} check-ins, {sessions} sessions and {logs} "
                    "exercise logs from {path}.").format(
              check_ins=counts.get("check_in", 0), sessions=counts.get("activity_session", 0),
              logs=counts.get("exercise_log", 0), path=path))
    return True


def _show_box(box: QMessageBox) -> None:
    box.exec()


# ---- FHIR ------------------------------------------------------------------------------

def _ask_anonymise(parent) -> bool | None:
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("backup", "Export for clinician (FHIR)"),
                      translate("backup", "Put your name in the file, or only your initials?"),
                      parent=parent)
    box.setInformativeText(translate("backup", "The file holds your pain ratings and outcome "
                                     "measures as a FHIR R4 bundle that clinical software can "
                                     "read. It is not sent anywhere: you decide who gets it."))
    name = box.addButton(translate("backup", "Include my &name"),
                         QMessageBox.ButtonRole.AcceptRole)
    initials = box.addButton(translate("backup", "&Initials only"),
                             QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is name:
        return False
    if clicked is initials:
        return True
    return None


def fhir_export(parent: QWidget, ctx: AppContext, path: str | None = None,
                anonymise: bool | None = None) -> bool:
    """Write pain scores and outcome measures as a FHIR R4 bundle; True when written."""
    if anonymise is None:
        anonymise = _ask_anonymise(parent)
        if anonymise is None:
            return False
    if path is None:
        suggested = str(Path.home() / f"rehabjournal-fhir-{clock.today():%Y-%m-%d}.json")
        path, _filter = QFileDialog.getSaveFileName(
            parent, translate("backup", "Export for clinician (FHIR)"), suggested,
            translate("backup", JSON_FILTER))
        if not path:
            return False
    try:
        n = exports.export_fhir(path, anonymise=anonymise)
    except StorageError as exc:
        _tell(parent, translate("backup", "Export failed"), failure_message(exc), warning=True)
        return False
    ctx.status.emit(translate("backup", "Wrote a FHIR bundle of {n} entries to {path}").format(
        n=n, path=path))
    return True
