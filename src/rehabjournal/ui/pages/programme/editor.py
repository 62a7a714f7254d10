"""The right side of the Programmes tab: the chosen programme's name and start, its phases
and exercises as a tree (drag and drop to reorder), and the form of the selected row.

Every change goes through ``apply_edit``; the page reloads on ``programme_changed``. A
programme may have no start date (week 1 is the week the person starts): the Starts field
then says "not set" and saves nothing until a date is chosen; Delete (or its Clear button)
makes it "not set" again, one undo step like any change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
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
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ....i18n import library_text, ngettext
from ....services import programme as ps
from ... import i18n as ui_i18n
from ...context import AppContext
from ...edit_path import apply_edit
from ...programme_models import ProgrammeTreeModel
from ...widgets import FlowLayout, error_label, format_when
from .forms import PhaseForm, PrescriptionForm


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class OptionalDateEdit(QDateEdit):
    """A date field that may be empty: it says "not set" (its special value text) until a
    date is typed or picked, and Delete makes it "not set" again.

    From "not set", the first digit, Up/Down, the mouse wheel or the calendar (Alt+Down)
    start from today; Escape in the calendar leaves it unset. ``value()`` is None while
    it is not set.
    """

    UNSET = QDate(1900, 1, 1)
    """The minimum date, shown as "not set" (no real date is this one)."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.UNSET)
        self.setSpecialValueText(self.tr("not set"))
        self.setCalendarPopup(True)
        self.setDate(self.UNSET)
        self.setToolTip(
            self.tr("Type a date (yyyy-mm-dd) or pick one (Alt+Down); Delete clears it"))
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        return None if self.is_unset() else _pydate(self.date())

    def set_value(self, day: date | None) -> None:
        self.setDate(_qdate(day) if day else self.UNSET)

    def is_unset(self) -> bool:
        return self.date() == self.UNSET

    def clear_value(self) -> None:
        self.setDate(self.UNSET)

    def _start_from_today(self) -> None:
        self.setDate(_qdate(self._today()))
        self.setSelectedSection(QDateEdit.Section.YearSection)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        line = self.lineEdit()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and
                                    event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
            event.accept()
            return
        if key == Qt.Key.Key_Delete or (key == Qt.Key.Key_Backspace and (
                self.is_unset() or line.selectedText() == line.text())):
            self.clear_value()
            event.accept()
            return
        if self.is_unset() and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._start_from_today()
                event.accept()
                return
            if event.text().isdigit():
                self._start_from_today()  # the digit then types over the year
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Open the calendar (F4 or Alt+Down): QDateEdit opens it only for a click on its
        arrow, so this clicks there."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        arrow = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxArrow, self)
        centre = QPointF(arrow.center()) if arrow.isValid() else QPointF(self.width() - 8,
                                                                          self.height() / 2)
        self.mousePressEvent(QMouseEvent(
            QEvent.Type.MouseButtonPress, centre, QPointF(self.mapToGlobal(centre)),
            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override (wheel, arrows)
        if self.is_unset():
            self._start_from_today()
            return
        super().stepBy(steps)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The calendar opens on today's month when the field is not set (not on 1900),
        without choosing a date until the person does."""
        if obj is self.calendarWidget() and event.type() == QEvent.Type.Show \
                and self.is_unset():
            calendar = self.calendarWidget()
            calendar.blockSignals(True)
            calendar.setSelectedDate(_qdate(self._today()))
            calendar.blockSignals(False)
        return super().eventFilter(obj, event)


class ProgrammeEditor(QWidget):
    """One programme: header, tree of phases and prescriptions, and the detail form."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.programme_id: int | None = None
        self.tree_model = ProgrammeTreeModel(self)

        self.prog_name = QLineEdit()
        self.prog_name.setAccessibleName(self.tr("Programme name"))
        self.prog_start = OptionalDateEdit(ctx.today)
        self.prog_start.setAccessibleName(self.tr("Start date"))
        self.prog_start.setAccessibleDescription(self.tr("not set: week 1 is the week you start"))
        self.clear_start = QToolButton()
        self.clear_start.setText(self.tr("Clear"))
        self.clear_start.setAccessibleName(self.tr("Clear the start date"))
        self.clear_start.setToolTip(self.tr("No start date: week 1 is the week you start "
                                            "(Delete in the date does the same)"))
        self.prog_info = QLabel()
        self.prog_info.setObjectName("programmeInfo")
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Name")))
        header.addWidget(self.prog_name, 1)
        starts = QLabel(self.tr("Starts"))  # (its Alt letters are taken on this tab)
        starts.setBuddy(self.prog_start)
        header.addWidget(starts)
        header.addWidget(self.prog_start)
        header.addWidget(self.clear_start)
        header.addWidget(self.prog_info)
        # who wrote it, how to reach them, and when to see them again
        self.clinician = QLineEdit()
        self.clinician.setAccessibleName(self.tr("Clinician"))
        self.clinician.setPlaceholderText(self.tr("physio's name"))
        self.contact = QLineEdit()
        self.contact.setAccessibleName(self.tr("Clinician contact"))
        self.contact.setPlaceholderText(self.tr("phone or e-mail"))
        self.review = QLineEdit()
        self.review.setAccessibleName(self.tr("Review date"))
        self.review.setPlaceholderText(self.tr("yyyy-mm-dd"))
        self.review.setMaximumWidth(110)
        self.header_error = error_label()
        people = QHBoxLayout()
        people.addWidget(QLabel(self.tr("Physio")))
        people.addWidget(self.clinician, 2)
        people.addWidget(QLabel(self.tr("Contact")))
        people.addWidget(self.contact, 2)
        people.addWidget(QLabel(self.tr("Review on")))
        people.addWidget(self.review)
        self.prog_name.editingFinished.connect(self._name_edited)
        self.prog_start.editingFinished.connect(self._start_edited)
        self.prog_start.dateChanged.connect(lambda _d: self._start_shown())
        self.clear_start.clicked.connect(self.clear_start_date)
        self.clinician.editingFinished.connect(
            lambda: self._programme_edited("clinician_name", self.clinician.text().strip()))
        self.contact.editingFinished.connect(
            lambda: self._programme_edited("clinician_contact", self.contact.text().strip()))
        self.review.editingFinished.connect(self._review_edited)

        self.tree = QTreeView()
        self.tree.setObjectName("programmeTree")
        self.tree.setModel(self.tree_model)
        self.tree.setAccessibleName(self.tr("Phases and exercises"))
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

        self.add_phase_button = QPushButton(self.tr("Add ph&ase"))
        self.add_exercise_button = QPushButton(self.tr("Add e&xercise"))
        self.duplicate_item_button = QPushButton(self.tr("Duplicate phase"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.up_button.setToolTip(self.tr("Move up (or drag and drop)"))
        self.down_button.setToolTip(self.tr("Move down (or drag and drop)"))
        # wraps onto a second line when the words are long (French, German) or the
        # window narrow, instead of squashing the buttons' text
        tree_buttons = FlowLayout()
        for b in (self.add_phase_button, self.add_exercise_button, self.duplicate_item_button,
                  self.remove_button, self.up_button, self.down_button):
            tree_buttons.addWidget(b)

        self.phase_form = PhaseForm(ctx)
        self.prescription_form = PrescriptionForm(ctx)
        self.prescription_form.fill_exercises()
        self.detail = QStackedWidget()
        self.empty_detail = QLabel(self.tr("Select a phase or an exercise to edit it. Drag "
                                           "rows to reorder them."))
        self.empty_detail.setWordWrap(True)
        self.empty_detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.addWidget(self.empty_detail)
        self.detail.addWidget(self.phase_form)
        self.detail.addWidget(self.prescription_form)
        detail_box = QGroupBox(self.tr("Details"))
        self.detail_scroll = scroll = QScrollArea()  # the forms scroll, never the page
        scroll.setWidgetResizable(True)              # (768-pixel screens)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail)
        QVBoxLayout(detail_box).addWidget(scroll)
        # a refused value's reason may be below the fold: scroll it (and its field) in
        self.phase_form.error_shown.connect(self.reveal)
        self.prescription_form.error_shown.connect(self.reveal)

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
            self.prog_name.setText(library_text(prog["name"]))
            self.prog_start.blockSignals(True)
            self.prog_start.set_value(prog["start_date"])
            self.prog_start.blockSignals(False)
            end = prog["start_date"] + timedelta(days=7 * prog["weeks"] - 1) \
                if prog["start_date"] and prog["weeks"] else None
            self.prog_info.setText(self._info_text(prog["weeks"], prog["start_date"], end))
            self.clinician.setText(prog.get("clinician_name") or "")
            self.contact.setText(prog.get("clinician_contact") or "")
            review = prog.get("review_date")
            self.review.setText(review.isoformat() if review else "")
        else:
            self.prog_name.clear()
            self.prog_start.blockSignals(True)
            self.prog_start.clear_value()
            self.prog_start.blockSignals(False)
            self.prog_info.clear()
            for w in (self.clinician, self.contact, self.review):
                w.clear()
        self._start_shown()
        self.header_error.hide()
        if keep_item:
            index = self.tree_model.find(*keep_item)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self._item_selected()

    @staticmethod
    def _info_text(weeks: int, start: date | None, end: date | None) -> str:
        """"6 weeks, until 28 Apr 2026", "6 weeks, from the week you start" or "6 weeks"."""
        if end:
            shown = format_when(end, "dd MMM yyyy", ui_i18n.date_pattern("date"))
            return ngettext("{n} week, until {date}", "{n} weeks, until {date}", weeks).format(
                n=weeks, date=shown)
        if start:
            return ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)
        return ngettext("{n} week, from the week you start", "{n} weeks, from the week you start",
                        weeks).format(n=weeks)

    def _name_edited(self) -> None:
        pid = self.programme_id
        prog = ps.get_programme(pid) if pid else None
        name = self.prog_name.text().strip()
        # the name shown is a template's in the UI's language until it is changed
        if prog is None or name in (prog["name"], library_text(prog["name"])):
            return
        if not name:
            self.prog_name.setText(library_text(prog["name"]))
            return
        apply_edit(self.ctx, lambda: ps.update_programme(pid, {"name": name}), source=self)

    def _start_edited(self) -> None:
        self._programme_edited("start_date", self.prog_start.value())

    def _start_shown(self) -> None:
        self.clear_start.setEnabled(not self.prog_start.is_unset())

    def clear_start_date(self) -> None:
        """No start date (the Clear button): saved at once, one undo step."""
        self.prog_start.clear_value()
        self._start_edited()

    def _review_edited(self) -> None:
        text = self.review.text().strip()
        try:
            day = date.fromisoformat(text) if text else None
        except ValueError:
            self._header_message(self.tr("Review date: type it as yyyy-mm-dd, e.g. "
                                         "2026-05-04 (blank: none)."))
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

    def reveal(self, error: QWidget, field: QWidget) -> None:
        """Scroll the details so that a refusal's reason and its field are in view, once
        the form is laid out with the reason shown (the next event-loop turn)."""
        def scroll() -> None:
            self.detail.layout().activate()
            self.detail_scroll.ensureWidgetVisible(error, 0, 12)
            if field is not error:
                self.detail_scroll.ensureWidgetVisible(field, 0, 12)
                self.detail_scroll.ensureWidgetVisible(error, 0, 4)
        QTimer.singleShot(0, self, scroll)

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
        values = {"name": self.tr("Phase {n}").format(n=len(self.tree_model.phases) + 1),
                  "weeks": 2}
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
