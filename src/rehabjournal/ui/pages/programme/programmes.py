"""The Programmes tab: the list of programmes with their buttons (new, from template,
duplicate, delete, activate, files) beside the chosen programme's editor.

Every change goes through ``apply_edit``; the page reloads on ``programme_changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....i18n import library_text, ngettext
from ....services import programme as ps
from ....services.edit import Edit
from ...context import AppContext
from ...edit_path import apply_edit
from ...programme_models import ID_ROLE, ProgrammeListModel
from .editor import ProgrammeEditor
from .files import FileMessage, ProgrammeFiles
from .sheet import ProgrammeSheetAction
from .template_dialog import TemplateDialog

LIST_MAX_WIDTH = 360
"""The widest the programme list grows to show a long name whole (pixels)."""


def template_title(template: dict) -> str:
    """A template's menu entry: its name, with its length unless the name gives it
    ("Calm, then build (4 weeks)", not "... (4 weeks) (4 weeks)")."""
    n = template["weeks"]
    name, weeks = library_text(template["name"]), ngettext("{n} week", "{n} weeks", n).format(n=n)
    return name if weeks in name else f"{name} ({weeks})"


class ProgrammesTab(QSplitter):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.programmes = ProgrammeListModel(self)
        self.list_view = QListView()
        self.list_view.setObjectName("programmeList")
        self.list_view.setModel(self.programmes)
        self.list_view.setAccessibleName(self.tr("Programmes"))
        # a name too long for the list loses its middle, not "(active)" at its end
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._programme_selected())

        # a push button keeps room for its menu arrow beside the text (a tool button draws
        # it over the text's end: "Aus Vorlage", "Depuis un modèle")
        self.template_button = QPushButton(self.tr("From &template"))
        self.template_menu = QMenu(self.template_button)
        for t in ps.list_templates():
            action = self.template_menu.addAction(template_title(t))
            action.setToolTip(library_text(t["description"]))
            action.setData(t["key"])
            action.triggered.connect(lambda _c=False, k=t["key"]: self.ask_template(k))
        self.template_menu.setToolTipsVisible(True)
        self.template_dialog: TemplateDialog | None = None
        self.template_button.setMenu(self.template_menu)
        self.new_button = QPushButton(self.tr("&New"))
        self.duplicate_button = QPushButton(self.tr("D&uplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.activate_button = QPushButton(self.tr("&Make active"))
        self.import_button = QPushButton(self.tr("&Import..."))
        self.export_button = QPushButton(self.tr("Exp&ort..."))
        self.calendar_button = QPushButton(self.tr("&Calendar (.ics)..."))
        self.import_button.setToolTip(
            self.tr("Import a programme file, e.g. one sent by your physio"))
        self.export_button.setToolTip(self.tr("Save this programme as a file to share"))
        self.calendar_button.setToolTip(
            self.tr("Save the planned sessions for your calendar app"))
        self.sheet = ProgrammeSheetAction(ctx, self)  # "Programme sheet..." and Ctrl+P
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel("<b>" + self.tr("Programmes") + "</b>"))
        lv.addWidget(self.list_view, 1)
        for row in ((self.new_button, self.template_button),
                    (self.duplicate_button, self.delete_button),
                    (self.activate_button,),
                    (self.import_button, self.export_button),
                    (self.calendar_button, self.sheet.button)):
            h = QHBoxLayout()
            for w in row:
                h.addWidget(w)
            lv.addLayout(h)
        self.file_message = FileMessage()  # scrolls past 8 lines: the list keeps its room
        lv.addWidget(self.file_message)
        self.files = ProgrammeFiles(ctx, self, self.file_message)

        self.editor = ProgrammeEditor(ctx)
        self.addWidget(left)
        self.addWidget(self.editor)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 4)
        self.setSizes([230, 900])

        self.new_button.clicked.connect(self.new_programme)
        self.duplicate_button.clicked.connect(self.duplicate_programme)
        self.delete_button.clicked.connect(self.delete_programme)
        self.activate_button.clicked.connect(self.activate_programme)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export_file())
        self.calendar_button.clicked.connect(lambda: self.export_calendar())

    # ---- selection -----------------------------------------------------------------------
    def current_programme_id(self) -> int | None:
        index = self.list_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def fit_list(self) -> None:
        """The list as wide as its longest entry ("Knee rehab: back to 10 km  (aktiv)"),
        up to ``LIST_MAX_WIDTH`` pixels (a longer name is elided in its middle)."""
        view = self.list_view
        widest = max((view.sizeHintForIndex(self.programmes.index(row)).width()
                      for row in range(self.programmes.rowCount())), default=0)
        bar = view.verticalScrollBar()
        need = widest + 2 * view.frameWidth() + 4 + (
            bar.sizeHint().width() if bar.maximum() > 0 else 0)
        view.setMinimumWidth(min(need, LIST_MAX_WIDTH))

    def select_programme(self, programme_id: int | None) -> None:
        self.programmes.reload()
        self.fit_list()
        row = self.programmes.row_of(programme_id)
        if row < 0 and self.programmes.rowCount() and programme_id is None:
            row = 0
        if row >= 0:
            self.list_view.setCurrentIndex(self.programmes.index(row))
        self._programme_selected()

    def refresh(self) -> None:
        """Reload the programme list and the tree, keeping the selection."""
        keep = self.current_programme_id()
        item = self.editor.current_item()
        self.programmes.reload()
        self.fit_list()
        row = self.programmes.row_of(keep)
        if row < 0 and self.programmes.rowCount():
            row = 0
        if row >= 0:
            selection = self.list_view.selectionModel()
            selection.blockSignals(True)
            self.list_view.setCurrentIndex(self.programmes.index(row))
            selection.blockSignals(False)
        self._programme_selected(keep_item=item)

    def _programme_selected(self, keep_item: tuple[str, int] | None = None) -> None:
        pid = self.current_programme_id()
        prog = ps.get_programme(pid) if pid else None
        for w in (self.editor, self.duplicate_button, self.delete_button, self.export_button,
                  self.calendar_button, self.activate_button, self.sheet.button):
            w.setEnabled(prog is not None)
        if prog:
            self.activate_button.setText(self.tr("&Make inactive") if prog["active"] else
                                         self.tr("&Make active"))
        self.editor.show_programme(prog, keep_item)

    # ---- programmes ----------------------------------------------------------------------
    def _created(self, run: Callable[[], Edit], **kwargs) -> int | None:
        """Apply an edit that makes a programme, then show that programme."""
        edit = apply_edit(self.ctx, run, source=self, **kwargs)
        if edit is None:
            return None
        self.select_programme(edit.result)
        return edit.result

    def ask_template(self, key: str) -> TemplateDialog | None:
        """Ask the name, the start date and whether to replace the active programme
        (``template_dialog.py``), then make the programme; the dialog is window-modal and
        kept in ``template_dialog`` until it closes."""
        template = next((t for t in ps.list_templates() if t["key"] == key), None)
        if template is None:
            return None
        dialog = TemplateDialog(template, self.ctx.today(), ps.active_programme(), self)
        self.template_dialog = dialog
        dialog.accepted.connect(lambda: self.create_from_template(
            key, dialog.start(), replace_active=dialog.replace_active(), name=dialog.name()))
        dialog.finished.connect(lambda _r: self._template_dialog_closed(dialog))
        dialog.open()
        return dialog

    def _template_dialog_closed(self, dialog: TemplateDialog) -> None:
        if self.template_dialog is dialog:
            self.template_dialog = None
        dialog.deleteLater()

    def create_from_template(self, key: str, start: date | None = None, *,
                             replace_active: bool = True, name: str | None = None
                             ) -> int | None:
        """Make a programme from template ``key`` starting ``start`` (default today)."""
        start = start or self.ctx.today()
        return self._created(lambda: ps.create_from_template(key, start, name,
                                                             replace_active=replace_active),
                             message=lambda text: QMessageBox.warning(self, self.tr("Template"),
                                                                      text))

    def new_programme(self) -> None:
        today = self.ctx.today()
        # the person's own programme: named in the UI's language (they rename it)
        name = self.tr("My programme")
        first_phase = {"name": self.tr("Phase {n}").format(n=1), "weeks": 2}
        if self._created(lambda: ps.create_programme(name, today,
                                                     phases=(first_phase,))) is None:
            return
        self.editor.prog_name.setFocus()
        self.editor.prog_name.selectAll()

    def duplicate_programme(self) -> None:
        pid = self.current_programme_id()
        if pid is not None:
            self._created(lambda: ps.duplicate_programme(pid))

    def delete_programme(self) -> None:
        pid = self.current_programme_id()
        if pid is not None:
            apply_edit(self.ctx, lambda: ps.delete_programme(pid), source=self)

    def activate_programme(self) -> None:
        pid = self.current_programme_id()
        if pid is None:
            return
        target = None if ps.get_programme(pid)["active"] else pid
        apply_edit(self.ctx, lambda: ps.activate_programme(target), source=self)

    # ---- files ---------------------------------------------------------------------------
    def export_file(self, path: str | None = None) -> bool:
        return self.files.export_file(self.current_programme_id(), path)

    def import_file(self, path: str | None = None) -> int | None:
        new_id = self.files.import_file(path)
        if new_id is not None:
            self.select_programme(new_id)
        return new_id

    def export_calendar(self, path: str | None = None) -> int | None:
        return self.files.export_calendar(self.current_programme_id(), path)
