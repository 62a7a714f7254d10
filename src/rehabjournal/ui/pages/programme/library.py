"""The Library tab: search and filter the exercise library; add, copy, edit and archive
the user's own exercises (shipped ones are copied to be edited).

The selected exercise shows as the patient sees it (``ui/exercise_card.py``: dose, tempo,
rest, side, how often, instructions, what to watch, the pain rule, a picture or video)
with how it progresses; the user's own exercises have an editor below the card.

Every change goes through ``apply_edit``; the page reloads on ``programme_changed``.
"""

from __future__ import annotations

import html
import json

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....domain import progression as prog_mod
from ....services import programme as ps
from ....services.journal import get_profile, thresholds
from ...context import AppContext
from ...edit_path import apply_edit
from ...exercise_card import ExerciseCard, MediaField
from ...programme_models import ID_ROLE, ExerciseFilterProxy, ExerciseLibraryModel
from ...widgets import NumberField, error_label, set_combo_data

#: What "New exercise" starts from (the user renames it at once).
NEW_EXERCISE = {
    "name": "New exercise", "category": "strength", "region": "knee", "default_sets": 3,
    "default_reps": 10, "instructions": "", "cues": "",
    "progression": json.dumps([{"kind": "reps", "to": 15, "text": "More reps, up to 15."},
                               {"kind": "load", "percent": 10,
                                "text": "About 10 % more load."}]),
}


def _n(value) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def progression_lines(progression: str, category: str = "") -> list[str]:
    """How an exercise's dose moves on, in words (its ``progression`` JSON: a model
    object, ``domain.progression``, or a v1 list of steps)."""
    try:
        value = json.loads(progression) if progression else None
    except ValueError:
        return []
    if isinstance(value, list):
        return [str(s.get("text") or s.get("kind") or "") for s in value if isinstance(s, dict)]
    model = prog_mod.model_of(value, category)
    if model is None:
        return []
    kind = model["model"]
    lines: list[str] = []
    if kind == "rm_schedule":
        stages = ", ".join(
            f"{st['rm']}RM week {st['weeks'][0]}" if st["weeks"][0] == st["weeks"][1]
            else f"{st['rm']}RM weeks {st['weeks'][0]}-{st['weeks'][1]}"
            for st in model.get("stages", []))
        lines.append(f"Rep-max by programme week: {stages}.")
        lines.append("A new rep-max converts the load (Epley's formula); within a stage a "
                     f"green week adds {_n(model.get('load_step', 2.5))} kg.")
    elif kind == "double":
        lo, hi = model["reps"]
        load = (f"{_n(model['load_step'])} kg" if "load_step" in model else
                f"{_n(model['load_percent'])} %" if "load_percent" in model else "load")
        if lo == hi:
            lines.append(f"Keeps {lo} reps; then the steps below, one at a time.")
        else:
            lines.append(f"Reps {lo}-{hi}: {_n(model.get('rep_step', 2))} more a green week "
                         f"up to {hi}, then {load} more and back to {lo} (where the load "
                         "can be counted).")
    elif kind == "load":
        lines.append(f"Adds {_n(model['step'])} a green week, up to {_n(model['max'])}.")
    elif kind == "ladder":
        steps = " → ".join(
            f"{st.get('sets', 1)} x " + (f"{st['reps']}" if st.get("reps") else
                                         f"{st.get('hold_s')} s")
            for st in model.get("stages", []))
        lines.append(f"In order, one step a green week: {steps}.")
    elif kind == "isometric":
        a, b = model["hold_s"]
        lines.append(f"Holds lengthen from {a} s to {b} s (5 s a green week); red weeks keep "
                     "the dose.")
    elif kind == "minutes":
        top = f", up to {_n(model['max'])} minutes" if model.get("max") else ""
        lines.append(f"Minutes +{_n(model['percent'])} % a green week{top}.")
    elif kind == "walk_run":
        a, b = model["run_s"]
        lines.append(f"Run parts grow by {_n(model['run_step'])} s from {a} to {b} s first, "
                     f"then the total minutes +{_n(model['percent'])} % a week.")
    elif kind == "none":
        lines.append("Keeps its dose (stretches and mobility are not progressed).")
    lines += [f"Then: {t}" for t in model.get("then", [])]
    return lines


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
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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

        # the card: what the patient reads (always open here)
        self.source = QLabel()
        self.source.setObjectName("exerciseSource")
        self.source.setWordWrap(True)
        self.card = ExerciseCard(collapsible=False, with_dose=True, base_dir=ctx.data_dir)
        self.progression = QLabel()
        self.progression.setObjectName("exerciseProgression")
        self.progression.setWordWrap(True)
        card_box = QGroupBox("How to do it")
        card_box.setObjectName("libraryCard")
        cv = QVBoxLayout(card_box)
        cv.addWidget(self.card)
        cv.addWidget(QLabel("<b>How it progresses</b>"))
        cv.addWidget(self.progression)
        self.card_box = card_box

        # the editor of the user's own exercises (shipped ones are copied first)
        editor = QGroupBox("Edit your exercise")
        form = QFormLayout(editor)
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
        self.e_rest = NumberField("Rest", 0, 3600, unit="s")
        self.e_days = NumberField("Days per week", 1, 7)
        self.e_times = NumberField("Times a day", 1, 6)
        doses = QHBoxLayout()
        for label, f in (("Sets", self.e_sets), ("Reps", self.e_reps), ("Hold (s)", self.e_hold)):
            doses.addWidget(QLabel(label))
            doses.addWidget(f)
        doses.addStretch(1)
        often = QHBoxLayout()
        for label, f in (("Days a week", self.e_days), ("Times a day", self.e_times)):
            often.addWidget(QLabel(label))
            often.addWidget(f)
        often.addStretch(1)
        self.e_tempo = QLineEdit()
        self.e_tempo.setAccessibleName("Tempo")
        self.e_tempo.setPlaceholderText("e.g. 3 s down, 3 s up")
        self.e_side = QComboBox()
        self.e_side.setAccessibleName("Side")
        self.e_side.addItem("not given", "")
        for side in prog_mod.SIDES:
            self.e_side.addItem(side, side)
        self.e_pain = QComboBox()
        self.e_pain.setAccessibleName("Pain rule")
        self.e_pain.addItem("standard (little pain during)", "")
        self.e_pain.addItem("tendon loading (more, if settled by the next morning)", "tendon")
        for combo in (self.e_side, self.e_pain):  # narrow: the pane must not scroll sideways
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.e_media = MediaField("Picture or video")
        self.instructions = QPlainTextEdit()
        self.instructions.setAccessibleName("Instructions")
        self.instructions.setMaximumHeight(110)
        self.cues = QPlainTextEdit()
        self.cues.setAccessibleName("Cues, one per line")
        self.cues.setMaximumHeight(90)
        self.save_button = QPushButton("&Save exercise")
        self.error = error_label()
        form.addRow("Name", self.name)
        form.addRow("Category", self.e_category)
        form.addRow("Region", self.e_region)
        form.addRow("Unit", self.e_unit)
        form.addRow("Default dose", doses)
        form.addRow("Rest (s)", self.e_rest)
        form.addRow("How often", often)
        form.addRow("Tempo", self.e_tempo)
        form.addRow("Side", self.e_side)
        form.addRow("Pain rule", self.e_pain)
        form.addRow("Picture or video", self.e_media)
        form.addRow("Instructions", self.instructions)
        form.addRow("What to watch", self.cues)
        form.addRow(self.error)
        form.addRow("", self.save_button)
        self.editor = editor

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.source)
        rv.addWidget(card_box)
        rv.addWidget(editor)
        rv.addStretch(1)
        scroll = QScrollArea()  # the card and the editor scroll, never sideways
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(right)
        self.details_scroll = scroll

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
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
        self.card_box.setVisible(ex is not None)
        if ex is None:
            self.source.setText("Choose an exercise, or add your own.")
            self.editor.hide()
            self.card.clear()
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
        th = thresholds()
        self.card.show_exercise(ex, acceptable_pain=th.acceptable_pain,
                                green_peak_max=th.green_peak_max,
                                profile_side=str((get_profile() or {}).get("side") or ""))
        lines = progression_lines(ex["progression"], ex["category"])
        self.progression.setText("<br>".join(html.escape(t) for t in lines)
                                 or "<i>no progression given</i>")
        self.name.setText(ex["name"])
        self.e_category.setCurrentIndex(max(0, self.e_category.findData(ex["category"])))
        self.e_region.setCurrentIndex(max(0, self.e_region.findData(ex["region"])))
        self.e_unit.setCurrentIndex(max(0, self.e_unit.findData(ex["load_unit"])))
        for key, f in self._numbers().items():
            f.set_value(ex.get(key))
        self.e_tempo.setText(ex.get("tempo") or "")
        set_combo_data(self.e_side, ex.get("side") or "")
        set_combo_data(self.e_pain, "tendon" if ex.get("pain_rule") == "tendon" else "")
        self.e_media.set_text(ex.get("media") or "")
        self.instructions.setPlainText(ex["instructions"])
        self.cues.setPlainText(ex["cues"])
        self.save_button.setEnabled(editable)
        self.editor.setVisible(editable)

    def _numbers(self) -> dict[str, NumberField]:
        return {"default_sets": self.e_sets, "default_reps": self.e_reps,
                "default_hold_s": self.e_hold, "rest_s": self.e_rest,
                "days_per_week": self.e_days, "times_per_day": self.e_times}

    def form_values(self) -> dict | None:
        values = {
            "name": self.name.text(),
            "category": self.e_category.currentData(),
            "region": self.e_region.currentData(),
            "load_unit": self.e_unit.currentData(),
            "instructions": self.instructions.toPlainText(),
            "cues": self.cues.toPlainText(),
            "tempo": self.e_tempo.text().strip(),
            "side": self.e_side.currentData(),
            "pain_rule": self.e_pain.currentData(),
            "media": self.e_media.text(),
        }
        for key, f in self._numbers().items():
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
                   fields=self._numbers(), message=self._show_error, source=self)

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
