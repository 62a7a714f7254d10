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

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
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
from ....i18n import format_number, library_text
from ....services import programme as ps
from ....services.journal import get_profile, thresholds
from ...context import AppContext
from ...edit_path import apply_edit
from ...exercise_card import ExerciseCard, MediaField
from ...programme_models import ID_ROLE, ExerciseFilterProxy, ExerciseLibraryModel
from ...widgets import NumberField, error_label, set_combo_data
from ..labels import (
    category_text,
    exercise_side_text,
    pain_rule_choice,
    region_text,
    unit_text,
)

translate = QCoreApplication.translate

#: What "New exercise" starts from (the user renames it at once; ``new_exercise_values``
#: gives its words in the UI's language).
NEW_EXERCISE = {
    "name": "New exercise", "category": "strength", "region": "knee", "default_sets": 3,
    "default_reps": 10, "instructions": "", "cues": "",
    "progression": json.dumps([{"kind": "reps", "to": 15, "text": "More reps, up to 15."},
                               {"kind": "load", "percent": 10,
                                "text": "About 10 % more load."}]),
}


def new_exercise_values() -> dict:
    """``NEW_EXERCISE`` with its name and progression steps in the UI's language (the
    person's own exercise, written in their language)."""
    steps = [{"kind": "reps", "to": 15,
              "text": translate("LibraryTab", "More reps, up to 15.")},
             {"kind": "load", "percent": 10,
              "text": translate("LibraryTab", "About 10 % more load.")}]
    return {**NEW_EXERCISE, "name": translate("LibraryTab", "New exercise"),
            "progression": json.dumps(steps, ensure_ascii=False)}


def cues_text(cues: str) -> str:
    """An exercise's cues (one a line, maybe "- " bulleted) with each shipped cue in the
    UI's language."""
    lines = []
    for line in (cues or "").splitlines():
        core = line.strip().lstrip("-\u2022 ").strip()
        shown = library_text(core) if core else core
        lines.append(line.replace(core, shown) if shown != core else line)
    return "\n".join(lines)


def _n(value) -> str:
    """A number as the UI writes it: "2.5" / "2,5"."""
    return format_number(value, 2) if isinstance(value, int | float) else str(value)


def progression_lines(progression: str, category: str = "") -> list[str]:
    """How an exercise's dose moves on, in words (its ``progression`` JSON: a model
    object, ``domain.progression``, or a v1 list of steps)."""
    try:
        value = json.loads(progression) if progression else None
    except ValueError:
        return []
    if isinstance(value, list):
        return [library_text(str(s.get("text") or s.get("kind") or ""))
                for s in value if isinstance(s, dict)]
    model = prog_mod.model_of(value, category)
    if model is None:
        return []
    kind = model["model"]
    lines: list[str] = []
    if kind == "rm_schedule":
        stages = ", ".join(
            translate("LibraryTab", "{rm}RM week {week}").format(
                rm=st["rm"], week=st["weeks"][0]) if st["weeks"][0] == st["weeks"][1]
            else translate("LibraryTab", "{rm}RM weeks {first}-{last}").format(
                rm=st["rm"], first=st["weeks"][0], last=st["weeks"][1])
            for st in model.get("stages", []))
        lines.append(translate("LibraryTab", "Rep-max by programme week: {stages}.").format(
            stages=stages))
        lines.append(translate(
            "LibraryTab", "A new rep-max converts the load (Epley's formula); within a stage "
            "a green week adds {step} kg.").format(step=_n(model.get("load_step", 2.5))))
    elif kind == "double":
        lo, hi = model["reps"]
        load = (translate("LibraryTab", "{n} kg").format(n=_n(model["load_step"]))
                if "load_step" in model else
                translate("LibraryTab", "{n} %").format(n=_n(model["load_percent"]))
                if "load_percent" in model else translate("LibraryTab", "load"))
        if lo == hi:
            lines.append(translate(
                "LibraryTab", "Keeps {reps} reps; then the steps below, one at a time.")
                .format(reps=lo))
        else:
            lines.append(translate(
                "LibraryTab", "Reps {low}-{high}: {step} more a green week up to {high}, then "
                "{load} more and back to {low} (where the load can be counted).").format(
                low=lo, high=hi, step=_n(model.get("rep_step", 2)), load=load))
    elif kind == "load":
        lines.append(translate("LibraryTab", "Adds {step} a green week, up to {max}.").format(
            step=_n(model["step"]), max=_n(model["max"])))
    elif kind == "ladder":
        steps = " → ".join(
            f"{st.get('sets', 1)} x " + (f"{st['reps']}" if st.get("reps") else
                                         f"{st.get('hold_s')} s")
            for st in model.get("stages", []))
        lines.append(translate("LibraryTab", "In order, one step a green week: {steps}.")
                     .format(steps=steps))
    elif kind == "isometric":
        a, b = model["hold_s"]
        lines.append(translate(
            "LibraryTab", "Holds lengthen from {low} s to {high} s (5 s a green week); red "
            "weeks keep the dose.").format(low=a, high=b))
    elif kind == "minutes":
        if model.get("max"):
            text = translate("LibraryTab", "Minutes +{percent} % a green week, up to {max} "
                             "minutes.")
        else:
            text = translate("LibraryTab", "Minutes +{percent} % a green week.")
        lines.append(text.format(percent=_n(model["percent"]), max=_n(model.get("max"))))
    elif kind == "walk_run":
        a, b = model["run_s"]
        lines.append(translate(
            "LibraryTab", "Run parts grow by {step} s from {low} to {high} s first, then the "
            "total minutes +{percent} % a week.").format(
            step=_n(model["run_step"]), low=a, high=b, percent=_n(model["percent"])))
    elif kind == "none":
        lines.append(translate("LibraryTab", "Keeps its dose (stretches and mobility are not "
                                             "progressed)."))
    lines += [translate("LibraryTab", "Then: {step}").format(step=library_text(t))
              for t in model.get("then", [])]
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
        self.search.setPlaceholderText(self.tr("Search exercises (name, instructions, cues)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search exercises"))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category filter"))
        self.category.addItem(self.tr("All categories"), "")
        for c in ps.CATEGORIES:
            self.category.addItem(category_text(c), c)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Region filter"))
        self.region.addItem(self.tr("All regions"), "")
        for r in ps.REGIONS:
            self.region.addItem(region_text(r), r)
        self.show_archived = QCheckBox(self.tr("Show archived"))
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

        self.new_button = QPushButton(self.tr("&New exercise"))
        self.copy_button = QPushButton(self.tr("&Copy to edit"))
        self.archive_button = QPushButton(self.tr("&Archive"))
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
        card_box = QGroupBox(self.tr("How to do it"))
        card_box.setObjectName("libraryCard")
        cv = QVBoxLayout(card_box)
        cv.addWidget(self.card)
        cv.addWidget(QLabel("<b>" + self.tr("How it progresses") + "</b>"))
        cv.addWidget(self.progression)
        self.card_box = card_box

        # the editor of the user's own exercises (shipped ones are copied first)
        editor = QGroupBox(self.tr("Edit your exercise"))
        form = QFormLayout(editor)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Exercise name"))
        self.e_category = QComboBox()
        self.e_region = QComboBox()
        self.e_unit = QComboBox()
        for c in ps.CATEGORIES:
            self.e_category.addItem(category_text(c), c)
        self.e_region.addItem("", "")
        for r in ps.REGIONS:
            self.e_region.addItem(region_text(r), r)
        for u in ps.LOAD_UNITS:
            self.e_unit.addItem(unit_text(u), u)
        self.e_sets = NumberField(self.tr("Sets"), 1, 50)
        self.e_reps = NumberField(self.tr("Reps"), 1, 1000)
        self.e_hold = NumberField(self.tr("Hold"), 1, 36000, unit="s")
        self.e_rest = NumberField(self.tr("Rest"), 0, 3600, unit="s")
        self.e_days = NumberField(self.tr("Days per week"), 1, 7)
        self.e_times = NumberField(self.tr("Times a day"), 1, 6)
        doses = QHBoxLayout()
        for label, f in ((self.tr("Sets"), self.e_sets), (self.tr("Reps"), self.e_reps),
                         (self.tr("Hold (s)"), self.e_hold)):
            doses.addWidget(QLabel(label))
            doses.addWidget(f)
        doses.addStretch(1)
        often = QHBoxLayout()
        for label, f in ((self.tr("Days a week"), self.e_days),
                         (self.tr("Times a day"), self.e_times)):
            often.addWidget(QLabel(label))
            often.addWidget(f)
        often.addStretch(1)
        self.e_tempo = QLineEdit()
        self.e_tempo.setAccessibleName(self.tr("Tempo"))
        self.e_tempo.setPlaceholderText(self.tr("e.g. 3 s down, 3 s up"))
        self.e_side = QComboBox()
        self.e_side.setAccessibleName(self.tr("Side"))
        self.e_side.addItem(self.tr("not given"), "")
        for side in prog_mod.SIDES:
            self.e_side.addItem(exercise_side_text(side), side)
        self.e_pain = QComboBox()
        self.e_pain.setAccessibleName(self.tr("Pain rule"))
        self.e_pain.addItem(pain_rule_choice("standard"), "")
        self.e_pain.addItem(pain_rule_choice("tendon"), "tendon")
        for combo in (self.e_side, self.e_pain):  # narrow: the pane must not scroll sideways
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.e_media = MediaField(self.tr("Picture or video"))
        self.instructions = QPlainTextEdit()
        self.instructions.setAccessibleName(self.tr("Instructions"))
        self.instructions.setMaximumHeight(110)
        self.cues = QPlainTextEdit()
        self.cues.setAccessibleName(self.tr("Cues, one per line"))
        self.cues.setMaximumHeight(90)
        self.save_button = QPushButton(self.tr("&Save exercise"))
        self.error = error_label()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.e_category)
        form.addRow(self.tr("Region"), self.e_region)
        form.addRow(self.tr("Unit"), self.e_unit)
        form.addRow(self.tr("Default dose"), doses)
        form.addRow(self.tr("Rest (s)"), self.e_rest)
        form.addRow(self.tr("How often"), often)
        form.addRow(self.tr("Tempo"), self.e_tempo)
        form.addRow(self.tr("Side"), self.e_side)
        form.addRow(self.tr("Pain rule"), self.e_pain)
        form.addRow(self.tr("Picture or video"), self.e_media)
        form.addRow(self.tr("Instructions"), self.instructions)
        form.addRow(self.tr("What to watch"), self.cues)
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
            self.source.setText(self.tr("Choose an exercise, or add your own."))
            self.editor.hide()
            self.card.clear()
            return
        editable = not ex["shipped"]
        if ex["shipped"]:
            self.source.setText(self.tr("Shipped with rehabjournal. Use <i>Copy to edit</i> "
                                        "to make your own version."))
        elif ex["copied_from"]:
            src = ps.get_exercise(ex["copied_from"])
            self.source.setText(
                self.tr("Your copy of {name}.").format(name=library_text(src["name"])) if src
                else self.tr("Your copy of a shipped exercise."))
        else:
            self.source.setText(self.tr("Your own exercise."))
        self.archive_button.setText(self.tr("Un&archive") if ex["archived"] else
                                    self.tr("&Archive"))
        th = thresholds()
        self.card.show_exercise(ex, acceptable_pain=th.acceptable_pain,
                                green_peak_max=th.green_peak_max,
                                profile_side=str((get_profile() or {}).get("side") or ""))
        lines = progression_lines(ex["progression"], ex["category"])
        self.progression.setText("<br>".join(html.escape(t) for t in lines)
                                 or "<i>" + self.tr("no progression given") + "</i>")
        # a copy of a shipped exercise holds the library's English words until edited: the
        # editor shows them in the UI's language (saving makes them the person's own)
        self.name.setText(library_text(ex["name"]))
        self.e_category.setCurrentIndex(max(0, self.e_category.findData(ex["category"])))
        self.e_region.setCurrentIndex(max(0, self.e_region.findData(ex["region"])))
        self.e_unit.setCurrentIndex(max(0, self.e_unit.findData(ex["load_unit"])))
        for key, f in self._numbers().items():
            f.set_value(ex.get(key))
        self.e_tempo.setText(library_text(ex.get("tempo") or ""))
        set_combo_data(self.e_side, ex.get("side") or "")
        set_combo_data(self.e_pain, "tendon" if ex.get("pain_rule") == "tendon" else "")
        self.e_media.set_text(ex.get("media") or "")
        self.instructions.setPlainText(library_text(ex["instructions"]))
        self.cues.setPlainText(cues_text(ex["cues"]))
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
        values = new_exercise_values()
        self._created(lambda: ps.add_exercise(values))

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
