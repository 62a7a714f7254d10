"""The Library tab: search and filter the exercise library; add, copy, edit and archive
the user's own exercises (shipped ones are copied to be edited).

Every change goes through ``apply_edit``; the page reloads on ``programme_changed``.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....services import programme as ps
from ...context import AppContext
from ...edit_path import apply_edit
from ...programme_models import ID_ROLE, ExerciseFilterProxy, ExerciseLibraryModel
from ...widgets import NumberField, error_label

#: What "New exercise" starts from (the user renames it at once).
NEW_EXERCISE = {
    "name": "New exercise", "category": "strength", "region": "knee", "default_sets": 3,
    "default_reps": 10, "instructions": "", "cues": "",
    "progression": json.dumps([{"kind": "reps", "to": 15, "text": "More reps, up to 15."},
                               {"kind": "load", "percent": 10,
                                "text": "About 10 % more load."}]),
}


class LibraryTab(QWidget):
    """Search and filter the library; add, copy, edit and archive the user's exercises."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
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

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def save_current(self) -> None:
        ex_id = self.current_id()
        values = self.form_values()
        if ex_id is None or values is None:
            return
        apply_edit(self.ctx, lambda: ps.update_exercise(ex_id, values),
                   fields={"default_sets": self.e_sets, "default_reps": self.e_reps,
                           "default_hold_s": self.e_hold},
                   message=self._show_error, source=self)

    def new_exercise(self) -> None:
        self._created(lambda: ps.add_exercise(dict(NEW_EXERCISE)))

    def copy_current(self) -> None:
        ex_id = self.current_id()
        if ex_id is None:
            return
        self._created(lambda: ps.copy_exercise(ex_id))

    def _created(self, run) -> None:
        edit = apply_edit(self.ctx, run, message=self._show_error, source=self)
        if edit is None:
            return
        self.reload(edit.result)
        self.name.setFocus()
        self.name.selectAll()

    def toggle_archive(self) -> None:
        ex_id = self.current_id()
        if ex_id is None:
            return
        archived = not ps.get_exercise(ex_id)["archived"]
        apply_edit(self.ctx, lambda: ps.set_exercise_archived(ex_id, archived),
                   message=self._show_error, source=self)
