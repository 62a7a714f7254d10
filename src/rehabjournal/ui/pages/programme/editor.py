"""The right side of the Programmes tab: the chosen programme's name and start, its phases
and exercises as a tree (drag and drop to reorder), and the form of the selected row.

Every change goes through ``apply_edit``; the page reloads on ``programme_changed``.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ....services import programme as ps
from ...context import AppContext
from ...edit_path import apply_edit
from ...programme_models import ProgrammeTreeModel
from ...widgets import error_label
from .forms import PhaseForm, PrescriptionForm


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ProgrammeEditor(QWidget):
    """One programme: header, tree of phases and prescriptions, and the detail form."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.programme_id: int | None = None
        self.tree_model = ProgrammeTreeModel(self)

        self.prog_name = QLineEdit()
        self.prog_name.setAccessibleName("Programme name")
        self.prog_start = QDateEdit()
        self.prog_start.setCalendarPopup(True)
        self.prog_start.setDisplayFormat("yyyy-MM-dd")
        self.prog_start.setAccessibleName("Start date")
        self.prog_info = QLabel()
        self.prog_info.setObjectName("programmeInfo")
        header = QHBoxLayout()
        header.addWidget(QLabel("Name"))
        header.addWidget(self.prog_name, 1)
        header.addWidget(QLabel("Starts"))
        header.addWidget(self.prog_start)
        header.addWidget(self.prog_info)
        # who wrote it, how to reach them, and when to see them again
        self.clinician = QLineEdit()
        self.clinician.setAccessibleName("Clinician")
        self.clinician.setPlaceholderText("physio's name")
        self.contact = QLineEdit()
        self.contact.setAccessibleName("Clinician contact")
        self.contact.setPlaceholderText("phone or e-mail")
        self.review = QLineEdit()
        self.review.setAccessibleName("Review date")
        self.review.setPlaceholderText("yyyy-mm-dd")
        self.review.setMaximumWidth(110)
        self.header_error = error_label()
        people = QHBoxLayout()
        people.addWidget(QLabel("Physio"))
        people.addWidget(self.clinician, 2)
        people.addWidget(QLabel("Contact"))
        people.addWidget(self.contact, 2)
        people.addWidget(QLabel("Review on"))
        people.addWidget(self.review)
        self.prog_name.editingFinished.connect(self._name_edited)
        self.prog_start.editingFinished.connect(self._start_edited)
        self.clinician.editingFinished.connect(
            lambda: self._programme_edited("clinician_name", self.clinician.text().strip()))
        self.contact.editingFinished.connect(
            lambda: self._programme_edited("clinician_contact", self.contact.text().strip()))
        self.review.editingFinished.connect(self._review_edited)

        self.tree = QTreeView()
        self.tree.setObjectName("programmeTree")
        self.tree.setModel(self.tree_model)
        self.tree.setAccessibleName("Phases and exercises")
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 280)
        self.tree.setColumnWidth(1, 170)
        self.tree.setColumnWidth(2, 150)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._item_selected())

        self.add_phase_button = QPushButton("Add p&hase")
        self.add_exercise_button = QPushButton("Add &exercise")
        self.duplicate_item_button = QPushButton("Duplicate phase")
        self.remove_button = QPushButton("&Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        self.up_button.setToolTip("Move up (or drag and drop)")
        self.down_button.setToolTip("Move down (or drag and drop)")
        tree_buttons = QHBoxLayout()
        for b in (self.add_phase_button, self.add_exercise_button, self.duplicate_item_button,
                  self.remove_button, self.up_button, self.down_button):
            tree_buttons.addWidget(b)
        tree_buttons.addStretch(1)

        self.phase_form = PhaseForm(ctx)
        self.prescription_form = PrescriptionForm(ctx)
        self.prescription_form.fill_exercises()
        self.detail = QStackedWidget()
        self.empty_detail = QLabel("Select a phase or an exercise to edit it. Drag rows to "
                                   "reorder them.")
        self.empty_detail.setWordWrap(True)
        self.empty_detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.addWidget(self.empty_detail)
        self.detail.addWidget(self.phase_form)
        self.detail.addWidget(self.prescription_form)
        detail_box = QGroupBox("Details")
        scroll = QScrollArea()  # the forms scroll, never the page (768-pixel screens)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail)
        QVBoxLayout(detail_box).addWidget(scroll)

        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.tree, 1)
        tv.addLayout(tree_buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        rv = QVBoxLayout(self)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(header)
        rv.addLayout(people)
        rv.addWidget(self.header_error)
        rv.addWidget(self.splitter, 1)

        self.add_phase_button.clicked.connect(self.add_phase)
        self.add_exercise_button.clicked.connect(self.add_prescription)
        self.duplicate_item_button.clicked.connect(self.duplicate_phase)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.tree_model.phases_reordered.connect(self.reorder_phases)
        self.tree_model.prescription_moved.connect(self.move_prescription)

    # ---- the programme -------------------------------------------------------------------
    def show_programme(self, prog: dict | None, keep_item: tuple[str, int] | None = None
                       ) -> None:
        """Show ``prog`` (a ``services.programme.get_programme`` dict, or None)."""
        self.programme_id = prog["id"] if prog else None
        self.tree_model.set_programme(self.programme_id)
        self.tree.expandAll()
        if prog:
            self.prog_name.setText(prog["name"])
            self.prog_start.blockSignals(True)
            self.prog_start.setDate(_qdate(prog["start_date"] or self.ctx.today()))
            self.prog_start.blockSignals(False)
            end = prog["start_date"] + timedelta(days=7 * prog["weeks"] - 1) \
                if prog["start_date"] and prog["weeks"] else None
            self.prog_info.setText(f"{prog['weeks']} weeks" + (f", until {end:%d %b %Y}"
                                                               if end else ""))
            self.clinician.setText(prog.get("clinician_name") or "")
            self.contact.setText(prog.get("clinician_contact") or "")
            review = prog.get("review_date")
            self.review.setText(review.isoformat() if review else "")
        else:
            self.prog_name.clear()
            self.prog_info.clear()
            for w in (self.clinician, self.contact, self.review):
                w.clear()
        self.header_error.hide()
        if keep_item:
            index = self.tree_model.find(*keep_item)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self._item_selected()

    def _name_edited(self) -> None:
        pid = self.programme_id
        prog = ps.get_programme(pid) if pid else None
        name = self.prog_name.text().strip()
        if prog is None or name == prog["name"]:
            return
        if not name:
            self.prog_name.setText(prog["name"])
            return
        apply_edit(self.ctx, lambda: ps.update_programme(pid, {"name": name}), source=self)

    def _start_edited(self) -> None:
        self._programme_edited("start_date", _pydate(self.prog_start.date()))

    def _review_edited(self) -> None:
        text = self.review.text().strip()
        try:
            day = date.fromisoformat(text) if text else None
        except ValueError:
            self._header_message("Review date: type it as yyyy-mm-dd, e.g. 2026-05-04 "
                                 "(blank: none).")
            return
        self._programme_edited("review_date", day)

    def _header_message(self, message: str) -> None:
        self.header_error.setText(message)
        self.header_error.show()

    def _programme_edited(self, field: str, value) -> None:
        """Save one programme field (start, review date, clinician, contact) if changed."""
        pid = self.programme_id
        prog = ps.get_programme(pid) if pid else None
        if prog is None or (prog.get(field) or None) == (value or None):
            self.header_error.hide()
            return
        if apply_edit(self.ctx, lambda: ps.update_programme(pid, {field: value}),
                      message=self._header_message, source=self) is not None:
            self.header_error.hide()

    # ---- tree items ----------------------------------------------------------------------
    def current_item(self) -> tuple[str, int] | None:
        index = self.tree.currentIndex()
        found = self.tree_model.item(index) if index.isValid() else None
        return (found[0], found[1]["id"]) if found else None

    def select_item(self, kind: str, item_id: int) -> None:
        index = self.tree_model.find(kind, item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self._item_selected()

    def _item_selected(self) -> None:
        index = self.tree.currentIndex()
        found = self.tree_model.item(index) if index.isValid() else None
        if found is None:
            self.detail.setCurrentWidget(self.empty_detail)
        elif found[0] == "phase":
            self.phase_form.load(found[1])
            self.detail.setCurrentWidget(self.phase_form)
        else:
            self.prescription_form.load(found[1])
            self.detail.setCurrentWidget(self.prescription_form)
        self.add_exercise_button.setEnabled(found is not None)
        self.duplicate_item_button.setEnabled(found is not None and found[0] == "phase")
        self.remove_button.setEnabled(found is not None)
        self.up_button.setEnabled(found is not None)
        self.down_button.setEnabled(found is not None)

    def _created(self, run, kind: str) -> None:
        edit = apply_edit(self.ctx, run, source=self)
        if edit is not None:
            self.select_item(kind, edit.result)

    def add_phase(self) -> None:
        pid = self.programme_id
        if pid is None:
            return
        values = {"name": f"Phase {len(self.tree_model.phases) + 1}", "weeks": 2}
        self._created(lambda: ps.add_phase(pid, values), "phase")

    def duplicate_phase(self) -> None:
        item = self.current_item()
        if item is None or item[0] != "phase":
            return
        self._created(lambda: ps.duplicate_phase(item[1]), "phase")

    def add_prescription(self) -> None:
        item = self.current_item()
        if item is None:
            return
        phase_id = item[1] if item[0] == "phase" else ps.get_prescription(item[1])["phase"]
        exercises = ps.list_exercises()
        if not exercises:
            return
        chosen = self.prescription_form.exercise.currentData() if item[0] == "prescription" \
            else exercises[0]["id"]
        self._created(lambda: ps.add_prescription(phase_id, {"exercise": chosen}),
                      "prescription")
        self.prescription_form.exercise.setFocus()

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        kind, item_id = item
        delete = ps.delete_phase if kind == "phase" else ps.delete_prescription
        apply_edit(self.ctx, lambda: delete(item_id), source=self)

    def reorder_phases(self, new_order: list) -> None:
        pid = self.programme_id
        if pid is None:
            return
        item = self.current_item()
        apply_edit(self.ctx, lambda: ps.reorder_phases(pid, list(new_order)), source=self)
        if item:
            self.select_item(*item)

    def move_prescription(self, prescription_id: int, phase_id: int, index: int) -> None:
        edit = apply_edit(self.ctx, lambda: ps.move_prescription(prescription_id, phase_id,
                                                                 index), source=self)
        if edit is not None:
            self.select_item("prescription", prescription_id)

    def move_current(self, delta: int) -> None:
        item = self.current_item()
        if item is None:
            return
        kind, item_id = item
        if kind == "phase":
            ids = [p["id"] for p in self.tree_model.phases]
            i = ids.index(item_id)
            j = i + delta
            if not 0 <= j < len(ids):
                return
            ids[i], ids[j] = ids[j], ids[i]
            self.reorder_phases(ids)
        else:
            p = ps.get_prescription(item_id)
            order = ps.prescription_order(p["phase"])
            j = order.index(item_id) + delta
            if not 0 <= j < len(order):
                return
            self.move_prescription(item_id, p["phase"], j)
