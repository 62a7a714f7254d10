"""Programme page: programmes and their phases, the exercise library, adherence and advice.

Every edit is made through ``services.programme`` (committed first), then pushed on the
shared undo stack as a done command whose redo/undo call the services again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain import programme as dp
from ...services import programme as ps
from ...services.errors import ValidationError
from ..context import AppContext
from ..programme_models import (
    ID_ROLE,
    ROW_ROLE,
    AdherenceModel,
    ExerciseFilterProxy,
    ExerciseLibraryModel,
    ProgrammeListModel,
    ProgrammeTreeModel,
    SuggestionModel,
)
from ..undo import push_done
from ..widgets import NumberField, error_label

WEEKDAYS = dp.WEEKDAY_NAMES
ADHERENCE_WEEKS = 8


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class PhaseForm(QWidget):
    def __init__(self, page: ProgrammePage):
        super().__init__()
        self.page = page
        self.phase_id: int | None = None
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setAccessibleName("Phase name")
        self.weeks = NumberField("Weeks", 1, 104, placeholder="weeks")
        self.deload = QCheckBox("Deload phase (lighter on purpose)")
        self.goal = QPlainTextEdit()
        self.goal.setAccessibleName("Phase goal")
        self.goal.setMaximumHeight(70)
        self.goal_save = QPushButton("Save goal")
        self.error = error_label()
        form.addRow("&Name", self.name)
        form.addRow("&Weeks", self.weeks)
        form.addRow("", self.deload)
        form.addRow("&Goal", self.goal)
        form.addRow("", self.goal_save)
        form.addRow(self.error)
        self.name.editingFinished.connect(lambda: self._commit("name", self.name.text()))
        self.weeks.committed.connect(lambda v: self._commit("weeks", v))
        self.deload.clicked.connect(lambda on: self._commit("deload", bool(on)))
        self.goal_save.clicked.connect(lambda: self._commit("goal", self.goal.toPlainText()))

    def load(self, phase: dict) -> None:
        self.phase_id = phase["id"]
        self.name.setText(phase["name"])
        self.weeks.set_value(phase["weeks"])
        self.deload.setChecked(bool(phase["deload"]))
        self.goal.setPlainText(phase["goal"])
        self.error.hide()

    def _commit(self, field: str, value) -> None:
        if self.phase_id is None:
            return
        current = ps.get_phase(self.phase_id)
        if current is None or current[field] == value:
            return
        message = self.page.update_phase(self.phase_id, {field: value})
        if message:
            if field == "weeks":
                self.weeks.show_error(message)
            else:
                self.error.setText(message)
                self.error.show()
        else:
            self.error.hide()


class PrescriptionForm(QWidget):
    """The dose of one prescription; each field saves when the user finishes it."""

    def __init__(self, page: ProgrammePage):
        super().__init__()
        self.page = page
        self.prescription_id: int | None = None
        self._loading = False
        form = QFormLayout(self)
        self.exercise = QComboBox()
        self.exercise.setAccessibleName("Exercise")
        self.numbers: dict[str, NumberField] = {
            "sets": NumberField("Sets", 1, 50, placeholder="sets"),
            "reps": NumberField("Reps", 1, 1000, placeholder="reps"),
            "hold_s": NumberField("Hold", 1, 36000, unit="s", placeholder="seconds"),
            "load": NumberField("Load", 0, 1000, whole=False, placeholder="load"),
            "rest_s": NumberField("Rest", 0, 3600, unit="s", placeholder="seconds"),
            "days_per_week": NumberField("Days per week", 1, 7, placeholder="1-7"),
        }
        self.unit = QComboBox()
        self.unit.setAccessibleName("Load unit")
        for unit in ps.LOAD_UNITS:
            self.unit.addItem(unit, unit)
        self.tempo = QLineEdit()
        self.tempo.setAccessibleName("Tempo")
        self.tempo.setPlaceholderText("e.g. 3 s down, 3 s up")
        self.day_boxes: list[QCheckBox] = []
        days_row = QHBoxLayout()
        for i, name in enumerate(WEEKDAYS):
            box = QCheckBox(name)
            box.setObjectName(f"weekday_{i}")
            box.clicked.connect(lambda _on: self._weekdays_changed())
            self.day_boxes.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.notes = QLineEdit()
        self.notes.setAccessibleName("Prescription notes")
        self.error = error_label()
        self.history = QLabel()
        self.history.setObjectName("prescriptionHistory")
        self.history.setWordWrap(True)
        dose = QHBoxLayout()
        for key in ("sets", "reps", "hold_s"):
            dose.addWidget(QLabel(self.numbers[key].label + (" (s)" if key == "hold_s" else "")))
            dose.addWidget(self.numbers[key])
        dose.addStretch(1)
        load = QHBoxLayout()
        load.addWidget(self.numbers["load"])
        load.addWidget(self.unit)
        load.addWidget(QLabel("Rest (s)"))
        load.addWidget(self.numbers["rest_s"])
        load.addStretch(1)
        form.addRow("E&xercise", self.exercise)
        form.addRow("Dose", dose)
        form.addRow("Load", load)
        form.addRow("&Tempo", self.tempo)
        form.addRow("Days per week", self.numbers["days_per_week"])
        form.addRow("or weekdays", days_row)
        form.addRow("N&otes", self.notes)
        form.addRow(self.error)
        form.addRow(self.history)
        for key, field in self.numbers.items():
            field.committed.connect(lambda v, k=key: self._commit(k, v))
        self.unit.activated.connect(lambda _i: self._commit("load_unit", self.unit.currentData()))
        self.exercise.activated.connect(
            lambda _i: self._commit("exercise", self.exercise.currentData()))
        self.tempo.editingFinished.connect(lambda: self._commit("tempo", self.tempo.text()))
        self.notes.editingFinished.connect(lambda: self._commit("notes", self.notes.text()))

    def fill_exercises(self) -> None:
        self.exercise.clear()
        for ex in ps.list_exercises():
            self.exercise.addItem(ex["name"], ex["id"])

    def load(self, p: dict) -> None:
        self._loading = True
        self.prescription_id = p["id"]
        if self.exercise.findData(p["exercise"]) < 0:
            ex = ps.get_exercise(p["exercise"])
            self.exercise.addItem(ex["name"] if ex else "?", p["exercise"])
        self.exercise.setCurrentIndex(self.exercise.findData(p["exercise"]))
        for key, field in self.numbers.items():
            field.set_value(p[key])
        self.unit.setCurrentIndex(max(0, self.unit.findData(p["load_unit"])))
        self.tempo.setText(p["tempo"])
        self.notes.setText(p["notes"])
        days = set(dp.parse_weekdays(p["weekdays"] or ""))
        for i, box in enumerate(self.day_boxes):
            box.setChecked(i in days)
        self.error.hide()
        history = ps.prescription_history(p["id"])
        self.history.setText("<br>".join(
            f"{h['day']:%d %b %Y}: {h['field_name']} {h['old_value']} &rarr; {h['new_value']}"
            for h in history[-5:]) if history else "")
        self._loading = False

    def _weekdays_changed(self) -> None:
        days = [str(i) for i, b in enumerate(self.day_boxes) if b.isChecked()]
        self._commit("weekdays", ",".join(days))

    def _commit(self, field: str, value) -> None:
        if self._loading or self.prescription_id is None:
            return
        current = ps.get_prescription(self.prescription_id)
        if current is None:
            return
        if field == "weekdays" and value and current["days_per_week"] != len(value.split(",")):
            # keep days per week in step with the ticked days
            values = {"weekdays": value, "days_per_week": len(value.split(","))}
        else:
            if current[field] == value or (field in ("tempo", "notes") and
                                           (current[field] or "") == (value or "")):
                return
            values = {field: value}
        message = self.page.update_prescription(self.prescription_id, values)
        if message:
            if field in self.numbers:
                self.numbers[field].show_error(message)
            else:
                self.error.setText(message)
                self.error.show()
        else:
            self.error.hide()


class LibraryTab(QWidget):
    """Search and filter the library; add, copy, edit and archive the user's exercises."""

    def __init__(self, page: ProgrammePage):
        super().__init__()
        self.page = page
        self.ctx = page.ctx
        self.model = ExerciseLibraryModel(self)
        self.proxy = ExerciseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search exercises (name, instructions, cues)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search exercises")
        self.category = QComboBox()
        self.category.setAccessibleName("Category filter")
        self.category.addItem("All categories", "")
        for c in ps.CATEGORIES:
            self.category.addItem(c, c)
        self.region = QComboBox()
        self.region.setAccessibleName("Region filter")
        self.region.addItem("All regions", "")
        for r in ps.REGIONS:
            self.region.addItem(r, r)
        self.show_archived = QCheckBox("Show archived")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.category)
        filters.addWidget(self.region)
        filters.addWidget(self.show_archived)

        self.view = QTableView()
        self.view.setObjectName("libraryView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setAlternatingRowColors(True)

        self.new_button = QPushButton("&New exercise")
        self.copy_button = QPushButton("&Copy to edit")
        self.archive_button = QPushButton("&Archive")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.copy_button, self.archive_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addWidget(self.view, 1)
        lv.addLayout(buttons)

        # editor
        editor = QGroupBox("Exercise")
        form = QFormLayout(editor)
        self.source = QLabel()
        self.source.setObjectName("exerciseSource")
        self.source.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName("Exercise name")
        self.e_category = QComboBox()
        self.e_region = QComboBox()
        self.e_unit = QComboBox()
        for c in ps.CATEGORIES:
            self.e_category.addItem(c, c)
        self.e_region.addItem("", "")
        for r in ps.REGIONS:
            self.e_region.addItem(r, r)
        for u in ps.LOAD_UNITS:
            self.e_unit.addItem(u, u)
        self.e_sets = NumberField("Sets", 1, 50)
        self.e_reps = NumberField("Reps", 1, 1000)
        self.e_hold = NumberField("Hold", 1, 36000, unit="s")
        doses = QHBoxLayout()
        for label, f in (("Sets", self.e_sets), ("Reps", self.e_reps), ("Hold (s)", self.e_hold)):
            doses.addWidget(QLabel(label))
            doses.addWidget(f)
        doses.addStretch(1)
        self.instructions = QPlainTextEdit()
        self.instructions.setAccessibleName("Instructions")
        self.cues = QPlainTextEdit()
        self.cues.setAccessibleName("Cues, one per line")
        self.cues.setMaximumHeight(90)
        self.progression = QLabel()
        self.progression.setObjectName("exerciseProgression")
        self.progression.setWordWrap(True)
        self.save_button = QPushButton("&Save exercise")
        self.error = error_label()
        form.addRow(self.source)
        form.addRow("Name", self.name)
        form.addRow("Category", self.e_category)
        form.addRow("Region", self.e_region)
        form.addRow("Unit", self.e_unit)
        form.addRow("Default dose", doses)
        form.addRow("Instructions", self.instructions)
        form.addRow("What to watch", self.cues)
        form.addRow("Progression", self.progression)
        form.addRow(self.error)
        form.addRow("", self.save_button)
        self.editor = editor

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.search.textChanged.connect(lambda t: self.proxy.set_filter(text=t))
        self.category.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(category=self.category.currentData()))
        self.region.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(region=self.region.currentData()))
        self.show_archived.toggled.connect(lambda on: self.proxy.set_filter(show_archived=on))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_current())
        self.new_button.clicked.connect(self.new_exercise)
        self.copy_button.clicked.connect(self.copy_current)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.save_button.clicked.connect(self.save_current)
        self.show_current()

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, exercise_id: int | None) -> None:
        row = self.model.row_of(exercise_id) if exercise_id is not None else -1
        if row < 0:
            self.show_current()
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            self.category.setCurrentIndex(0)
            self.region.setCurrentIndex(0)
            self.show_archived.setChecked(True)
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(proxy_index)
        self.view.selectionModel().select(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(proxy_index)
        self.show_current()

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_id()
        self.model.reload()
        self.select(keep)

    def show_current(self) -> None:
        ex_id = self.current_id()
        ex = ps.get_exercise(ex_id) if ex_id is not None else None
        self.editor.setEnabled(ex is not None)
        self.copy_button.setEnabled(ex is not None)
        self.archive_button.setEnabled(ex is not None)
        self.error.hide()
        if ex is None:
            self.source.setText("Choose an exercise, or add your own.")
            return
        editable = not ex["shipped"]
        if ex["shipped"]:
            self.source.setText("Shipped with rehabjournal. Use <i>Copy to edit</i> to make "
                                "your own version.")
        elif ex["copied_from"]:
            src = ps.get_exercise(ex["copied_from"])
            self.source.setText(f"Your copy of {src['name'] if src else 'a shipped exercise'}.")
        else:
            self.source.setText("Your own exercise.")
        self.archive_button.setText("Un&archive" if ex["archived"] else "&Archive")
        self.name.setText(ex["name"])
        self.e_category.setCurrentIndex(max(0, self.e_category.findData(ex["category"])))
        self.e_region.setCurrentIndex(max(0, self.e_region.findData(ex["region"])))
        self.e_unit.setCurrentIndex(max(0, self.e_unit.findData(ex["load_unit"])))
        self.e_sets.set_value(ex["default_sets"])
        self.e_reps.set_value(ex["default_reps"])
        self.e_hold.set_value(ex["default_hold_s"])
        self.instructions.setPlainText(ex["instructions"])
        self.cues.setPlainText(ex["cues"])
        steps = ex["progression_steps"]
        self.progression.setText("<br>".join(
            f"{i}. {s.get('text', s.get('kind', ''))}" for i, s in enumerate(steps, 1))
            or "<i>no progression steps</i>")
        for w in (self.name, self.e_category, self.e_region, self.e_unit, self.e_sets,
                  self.e_reps, self.e_hold, self.save_button):
            w.setEnabled(editable)
        self.instructions.setReadOnly(not editable)
        self.cues.setReadOnly(not editable)

    def form_values(self) -> dict | None:
        values = {
            "name": self.name.text(),
            "category": self.e_category.currentData(),
            "region": self.e_region.currentData(),
            "load_unit": self.e_unit.currentData(),
            "instructions": self.instructions.toPlainText(),
            "cues": self.cues.toPlainText(),
        }
        for key, f in (("default_sets", self.e_sets), ("default_reps", self.e_reps),
                       ("default_hold_s", self.e_hold)):
            value, message = f.parse()
            if message:
                f.show_error(message)
                return None
            values[key] = value
        return values

    def save_current(self) -> None:
        ex_id = self.current_id()
        values = self.form_values()
        if ex_id is None or values is None:
            return
        try:
            old = ps.update_exercise(ex_id, values)
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.page.push("Edit exercise", lambda: ps.update_exercise(ex_id, values),
                       lambda: ps.update_exercise(ex_id, old))

    def new_exercise(self) -> None:
        values = {"name": "New exercise", "category": "strength", "region": "knee",
                  "default_sets": 3, "default_reps": 10, "instructions": "", "cues": "",
                  "progression": json.dumps([{"kind": "reps", "to": 15,
                                              "text": "More reps, up to 15."},
                                             {"kind": "load", "percent": 10,
                                              "text": "About 10 % more load."}])}
        new_id = ps.add_exercise(values)
        self._push_created("Add exercise", new_id)

    def copy_current(self) -> None:
        ex_id = self.current_id()
        if ex_id is None:
            return
        new_id = ps.copy_exercise(ex_id)
        self._push_created("Copy exercise", new_id)

    def _push_created(self, text: str, new_id: int) -> None:
        state: dict = {}

        def undo():
            state["snap"] = ps.delete_exercise(new_id)

        def redo():
            ps.restore_exercise(state["snap"])

        self.page.push(text, redo, undo)
        self.reload(new_id)
        self.name.setFocus()
        self.name.selectAll()

    def toggle_archive(self) -> None:
        ex_id = self.current_id()
        if ex_id is None:
            return
        archived = not ps.get_exercise(ex_id)["archived"]
        ps.set_exercise_archived(ex_id, archived)
        self.page.push("Archive exercise" if archived else "Unarchive exercise",
                       lambda: ps.set_exercise_archived(ex_id, archived),
                       lambda: ps.set_exercise_archived(ex_id, not archived))


class AdviceTab(QWidget):
    """Weekly adherence of the active programme and this week's progression advice."""

    def __init__(self, page: ProgrammePage):
        super().__init__()
        self.page = page
        self.ctx = page.ctx
        self.adherence = AdherenceModel(self)
        self.advice = SuggestionModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("adherenceSummary")
        self.summary.setWordWrap(True)
        self.adherence_view = QTableView()
        self.adherence_view.setObjectName("adherenceView")
        self.adherence_view.setModel(self.adherence)
        self.adherence_view.verticalHeader().hide()
        self.adherence_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.advice_view = QTableView()
        self.advice_view.setObjectName("adviceView")
        self.advice_view.setModel(self.advice)
        self.advice_view.verticalHeader().hide()
        self.advice_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.advice_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.advice_view.setWordWrap(True)
        header = self.advice_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.accept_button = QPushButton("&Accept advice")
        self.ignore_button = QPushButton("&Ignore")
        self.advice_note = QLabel(
            "Advice follows the pain-monitoring light of the last 7 days and the pain you "
            "logged during each exercise. It is information, not medical advice.")
        self.advice_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.ignore_button)
        buttons.addStretch(1)
        a_box = QGroupBox(f"Adherence: the last {ADHERENCE_WEEKS} weeks")
        av = QVBoxLayout(a_box)
        av.addWidget(self.summary)
        av.addWidget(self.adherence_view)
        s_box = QGroupBox("Progression advice")
        sv = QVBoxLayout(s_box)
        sv.addWidget(self.advice_note)
        sv.addWidget(self.advice_view)
        sv.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(a_box)
        splitter.addWidget(s_box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.ignored: set[tuple] = set()
        self.accept_button.clicked.connect(self.accept_current)
        self.ignore_button.clicked.connect(self.ignore_current)
        self.advice_view.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self._buttons()

    def refresh(self) -> None:
        today = self.ctx.today()
        start = today - timedelta(days=7 * ADHERENCE_WEEKS - 1)
        prog = ps.active_programme()
        if prog and prog["start_date"]:
            start = max(start, prog["start_date"])
        weeks = ps.weekly_adherence(start, today) if start <= today else []
        self.adherence.set_weeks(list(reversed(weeks)))
        if prog is None:
            self.summary.setText("No active programme: activate one on the Programmes tab.")
        else:
            total_p = sum(w.prescribed for w in weeks)
            total_d = sum(w.done for w in weeks)
            pct = f"{100 * total_d / total_p:.0f} %" if total_p else "-"
            self.summary.setText(f"<b>{prog['name']}</b>: {total_d:g} of {total_p} "
                                 f"prescribed sessions done ({pct}).")
        rows = [s for s in ps.suggestions(today) if self._key(s) not in self.ignored]
        rows.sort(key=lambda s: {"back_off": 0, "progress": 1, "hold": 2}[s.kind])
        self.advice.set_suggestions(rows)
        self.advice_view.resizeRowsToContents()
        if rows:
            self.advice_view.selectRow(0)
        self._buttons()

    @staticmethod
    def _key(s: dp.Suggestion) -> tuple:
        return (s.prescription_id, s.kind, s.field, str(s.new))

    def current(self) -> dp.Suggestion | None:
        index = self.advice_view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _buttons(self) -> None:
        s = self.current()
        self.accept_button.setEnabled(s is not None and s.changes)
        self.ignore_button.setEnabled(s is not None)

    def accept_current(self) -> None:
        s = self.current()
        if s is None or not s.changes:
            return
        day = self.ctx.today()
        try:
            change_id = ps.accept_suggestion(s, day)
        except ValidationError as exc:
            QMessageBox.warning(self, "Advice not applied", str(exc))
            return
        state = {"id": change_id}

        def redo():
            state["id"] = ps.accept_suggestion(s, day)

        self.page.push(f"Accept advice: {s.label}", redo,
                       lambda: ps.revert_suggestion(s, state["id"]))
        self.ctx.saved("Prescription updated")

    def ignore_current(self) -> None:
        s = self.current()
        if s is None:
            return
        self.ignored.add(self._key(s))
        self.refresh()


class ProgrammePage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

        self.programmes = ProgrammeListModel(self)
        self.tree_model = ProgrammeTreeModel(self)
        self.tabs.addTab(self._build_programmes_tab(), "&Programmes")
        self.library = LibraryTab(self)
        self.tabs.addTab(self.library, "&Library")
        self.advice = AdviceTab(self)
        self.tabs.addTab(self.advice, "A&dherence and advice")
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.tree_model.phases_reordered.connect(self.reorder_phases)
        self.tree_model.prescription_moved.connect(self.move_prescription)
        ctx.journal_changed.connect(lambda _d: self._journal_changed())
        self.select_programme((ps.active_programme() or {}).get("id"))

    # ---- layout -----------------------------------------------------------------------
    def _build_programmes_tab(self) -> QWidget:
        self.list_view = QListView()
        self.list_view.setObjectName("programmeList")
        self.list_view.setModel(self.programmes)
        self.list_view.setAccessibleName("Programmes")
        self.list_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._programme_selected())

        self.template_button = QToolButton()
        self.template_button.setText("From &template")
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self.template_button)
        for t in ps.list_templates():
            action = self.template_menu.addAction(f"{t['name']} ({t['weeks']} weeks)")
            action.setToolTip(t["description"])
            action.setData(t["key"])
            action.triggered.connect(lambda _c=False, k=t["key"]: self.create_from_template(k))
        self.template_menu.setToolTipsVisible(True)
        self.template_button.setMenu(self.template_menu)
        self.new_button = QPushButton("&New")
        self.duplicate_button = QPushButton("D&uplicate")
        self.delete_button = QPushButton("Delete")
        self.activate_button = QPushButton("Make &active")
        self.import_button = QPushButton("&Import...")
        self.export_button = QPushButton("E&xport...")
        self.calendar_button = QPushButton("Ca&lendar (.ics)...")
        self.import_button.setToolTip("Import a programme file, e.g. one sent by your physio")
        self.export_button.setToolTip("Save this programme as a file to share")
        self.calendar_button.setToolTip("Save the planned sessions for your calendar app")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel("<b>Programmes</b>"))
        lv.addWidget(self.list_view, 1)
        for row in ((self.new_button, self.template_button),
                    (self.duplicate_button, self.delete_button),
                    (self.activate_button,),
                    (self.import_button, self.export_button),
                    (self.calendar_button,)):
            h = QHBoxLayout()
            for w in row:
                h.addWidget(w)
            lv.addLayout(h)
        self.file_message = QLabel()
        self.file_message.setObjectName("fileMessage")
        self.file_message.setWordWrap(True)
        lv.addWidget(self.file_message)

        # programme header
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
        self.prog_name.editingFinished.connect(self._name_edited)
        self.prog_start.editingFinished.connect(self._start_edited)

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

        self.phase_form = PhaseForm(self)
        self.prescription_form = PrescriptionForm(self)
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
        QVBoxLayout(detail_box).addWidget(self.detail)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(header)
        rv.addWidget(self.tree, 3)
        rv.addLayout(tree_buttons)
        rv.addWidget(detail_box, 2)
        self.editor = right

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([230, 900])

        self.new_button.clicked.connect(self.new_programme)
        self.duplicate_button.clicked.connect(self.duplicate_programme)
        self.delete_button.clicked.connect(self.delete_programme)
        self.activate_button.clicked.connect(self.activate_programme)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export_file())
        self.calendar_button.clicked.connect(lambda: self.export_calendar())
        self.add_phase_button.clicked.connect(self.add_phase)
        self.add_exercise_button.clicked.connect(self.add_prescription)
        self.duplicate_item_button.clicked.connect(self.duplicate_phase)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        return splitter

    # ---- page hooks -------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()
        self.library.reload()
        self.advice.refresh()

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.advice:
            self.advice.refresh()

    def _journal_changed(self) -> None:
        if self.isVisible() and self.tabs.currentWidget() is self.advice:
            self.advice.refresh()

    # ---- undo plumbing ----------------------------------------------------------------
    def push(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        """Record a change that was just made (and committed), then refresh."""
        push_done(self.ctx.undo_stack, text, lambda: redo(), lambda: undo(),
                  after=self.after_change)
        self.after_change()

    def after_change(self) -> None:
        self.refresh()
        self.library.reload()
        self.prescription_form.fill_exercises()
        self.advice.refresh()
        self.ctx.programme_changed.emit()
        self.ctx.saved()

    # ---- programmes -------------------------------------------------------------------
    def current_programme_id(self) -> int | None:
        index = self.list_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_programme(self, programme_id: int | None) -> None:
        self.programmes.reload()
        row = self.programmes.row_of(programme_id)
        if row < 0 and self.programmes.rowCount() and programme_id is None:
            row = 0
        if row >= 0:
            self.list_view.setCurrentIndex(self.programmes.index(row))
        self._programme_selected()

    def refresh(self) -> None:
        """Reload the programme list and the tree, keeping the selection."""
        keep = self.current_programme_id()
        item = self.current_item()
        self.programmes.reload()
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
        self.tree_model.set_programme(pid)
        self.tree.expandAll()
        has = prog is not None
        for w in (self.editor, self.duplicate_button, self.delete_button, self.export_button,
                  self.calendar_button, self.activate_button):
            w.setEnabled(has)
        if prog:
            self.prog_name.setText(prog["name"])
            self.prog_start.blockSignals(True)
            self.prog_start.setDate(_qdate(prog["start_date"] or self.ctx.today()))
            self.prog_start.blockSignals(False)
            end = prog["start_date"] + timedelta(days=7 * prog["weeks"] - 1) \
                if prog["start_date"] and prog["weeks"] else None
            self.prog_info.setText(f"{prog['weeks']} weeks" + (f", until {end:%d %b %Y}"
                                                               if end else ""))
            self.activate_button.setText("Deactivate" if prog["active"] else "Make &active")
        else:
            self.prog_name.clear()
            self.prog_info.clear()
        if keep_item:
            index = self.tree_model.find(*keep_item)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self._item_selected()

    def create_from_template(self, key: str, start: date | None = None) -> int | None:
        start = start or self.ctx.today()
        try:
            new_id = ps.create_from_template(key, start)
        except ValidationError as exc:
            QMessageBox.warning(self, "Template", str(exc))
            return None
        self._push_programme_created("New programme from template", new_id)
        return new_id

    def new_programme(self) -> None:
        new_id = ps.create_programme("My programme", self.ctx.today())
        ps.add_phase(new_id, {"name": "Phase 1", "weeks": 2})
        self._push_programme_created("New programme", new_id)
        self.prog_name.setFocus()
        self.prog_name.selectAll()

    def duplicate_programme(self) -> None:
        pid = self.current_programme_id()
        if pid is None:
            return
        new_id = ps.duplicate_programme(pid)
        self._push_programme_created("Duplicate programme", new_id)

    def _push_programme_created(self, text: str, new_id: int) -> None:
        state: dict = {}

        def undo():
            state["snap"] = ps.delete_programme(new_id)

        def redo():
            ps.restore_programme(state["snap"])

        push_done(self.ctx.undo_stack, text, redo, undo, after=self.after_change)
        self.select_programme(new_id)
        self.after_change()

    def delete_programme(self) -> None:
        pid = self.current_programme_id()
        if pid is None:
            return
        state = {"snap": ps.delete_programme(pid)}

        def redo():
            state["snap"] = ps.delete_programme(pid)

        self.push("Delete programme", redo, lambda: ps.restore_programme(state["snap"]))

    def activate_programme(self) -> None:
        pid = self.current_programme_id()
        if pid is None:
            return
        prog = ps.get_programme(pid)
        target = None if prog["active"] else pid
        previous = ps.activate_programme(target)
        self.push("Activate programme" if target else "Deactivate programme",
                  lambda: ps.activate_programme(target), lambda: ps.activate_programme(previous))

    def _name_edited(self) -> None:
        pid = self.current_programme_id()
        prog = ps.get_programme(pid) if pid else None
        name = self.prog_name.text().strip()
        if prog is None or name == prog["name"]:
            return
        if not name:
            self.prog_name.setText(prog["name"])
            return
        old = prog["name"]
        ps.update_programme(pid, {"name": name})
        self.push("Rename programme", lambda: ps.update_programme(pid, {"name": name}),
                  lambda: ps.update_programme(pid, {"name": old}))

    def _start_edited(self) -> None:
        pid = self.current_programme_id()
        prog = ps.get_programme(pid) if pid else None
        new = _pydate(self.prog_start.date())
        if prog is None or prog["start_date"] == new:
            return
        old = prog["start_date"]
        ps.update_programme(pid, {"start_date": new})
        self.push("Change start date", lambda: ps.update_programme(pid, {"start_date": new}),
                  lambda: ps.update_programme(pid, {"start_date": old}))

    # ---- tree items -------------------------------------------------------------------
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

    def update_phase(self, phase_id: int, values: dict) -> str | None:
        """Change a phase with undo; returns the error message, or None."""
        current = ps.get_phase(phase_id)
        old = {k: current[k] for k in values}
        try:
            ps.update_phase(phase_id, values)
        except ValidationError as exc:
            return str(exc)
        self.push("Edit phase", lambda: ps.update_phase(phase_id, values),
                  lambda: ps.update_phase(phase_id, old))
        return None

    def update_prescription(self, prescription_id: int, values: dict) -> str | None:
        """Change a prescription with undo; returns the error message, or None."""
        try:
            old = ps.update_prescription(prescription_id, values)
        except ValidationError as exc:
            return " ".join(exc.errors.values())
        self.push("Change dose", lambda: ps.update_prescription(prescription_id, values),
                  lambda: ps.update_prescription(prescription_id, old))
        return None

    def add_phase(self) -> None:
        pid = self.current_programme_id()
        if pid is None:
            return
        new_id = ps.add_phase(pid, {"name": f"Phase {len(self.tree_model.phases) + 1}",
                                    "weeks": 2})
        self._push_item_created("Add phase", "phase", new_id)

    def duplicate_phase(self) -> None:
        item = self.current_item()
        if item is None or item[0] != "phase":
            return
        new_id = ps.duplicate_phase(item[1])
        self._push_item_created("Duplicate phase", "phase", new_id)

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
        new_id = ps.add_prescription(phase_id, {"exercise": chosen})
        self._push_item_created("Add exercise", "prescription", new_id)
        self.prescription_form.exercise.setFocus()

    def _push_item_created(self, text: str, kind: str, new_id: int) -> None:
        delete = ps.delete_phase if kind == "phase" else ps.delete_prescription
        restore = ps.restore_phase if kind == "phase" else ps.restore_prescription
        state: dict = {}

        def undo():
            state["snap"] = delete(new_id)

        def redo():
            restore(state["snap"])

        self.push(text, redo, undo)
        self.select_item(kind, new_id)

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        kind, item_id = item
        delete = ps.delete_phase if kind == "phase" else ps.delete_prescription
        restore = ps.restore_phase if kind == "phase" else ps.restore_prescription
        state = {"snap": delete(item_id)}

        def redo():
            state["snap"] = delete(item_id)

        self.push("Remove phase" if kind == "phase" else "Remove exercise", redo,
                  lambda: restore(state["snap"]))

    def reorder_phases(self, new_order: list) -> None:
        pid = self.current_programme_id()
        if pid is None:
            return
        item = self.current_item()
        old = ps.reorder_phases(pid, list(new_order))
        self.push("Reorder phases", lambda: ps.reorder_phases(pid, list(new_order)),
                  lambda: ps.reorder_phases(pid, old))
        if item:
            self.select_item(*item)

    def move_prescription(self, prescription_id: int, phase_id: int, index: int) -> None:
        try:
            old_phase, old_index = ps.move_prescription(prescription_id, phase_id, index)
        except ValidationError:
            return
        self.push("Move exercise",
                  lambda: ps.move_prescription(prescription_id, phase_id, index),
                  lambda: ps.move_prescription(prescription_id, old_phase, old_index))
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

    # ---- files ------------------------------------------------------------------------
    def _message(self, text: str, error: bool = False) -> None:
        self.file_message.setStyleSheet("color: #c62828;" if error else "")
        self.file_message.setText(text)

    def export_file(self, path: str | None = None) -> bool:
        pid = self.current_programme_id()
        if pid is None:
            return False
        if path is None:
            name = ps.get_programme(pid)["name"]
            safe = "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()
            path, _f = QFileDialog.getSaveFileName(
                self, "Export programme", str(Path.home() / f"{safe}.rjprog.json"),
                "Programme files (*.json)")
            if not path:
                return False
        try:
            ps.export_programme_file(pid, path)
        except ValidationError as exc:
            self._message(str(exc), error=True)
            return False
        self._message(f"Saved {Path(path).name}.")
        return True

    def import_file(self, path: str | None = None) -> int | None:
        if path is None:
            path, _f = QFileDialog.getOpenFileName(self, "Import programme", str(Path.home()),
                                                   "Programme files (*.json);;All files (*)")
            if not path:
                return None
        try:
            new_id = ps.import_programme_file(path)
        except ValidationError as exc:
            self._message(f"Nothing was imported. {exc}", error=True)
            return None
        self._push_programme_created("Import programme", new_id)
        self._message(f"Imported {Path(path).name} as a new programme (not active yet).")
        return new_id

    def export_calendar(self, path: str | None = None) -> int | None:
        pid = self.current_programme_id()
        if pid is None:
            return None
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self, "Export calendar", str(Path.home() / "rehab-programme.ics"),
                "iCalendar files (*.ics)")
            if not path:
                return None
        try:
            count = ps.export_calendar(pid, path)
        except ValidationError as exc:
            self._message(str(exc), error=True)
            return None
        self._message(f"Saved {count} planned days to {Path(path).name}.")
        return count


def create(ctx: AppContext) -> ProgrammePage:
    return ProgrammePage(ctx)
