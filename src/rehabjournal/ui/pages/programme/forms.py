"""The detail forms of the programme editor: one phase, or one prescription's dose.

Each field saves when the user finishes it, through ``apply_edit``: a refused value is
shown beside its field, a failed write in the window's banner (the typed value stays, so
finishing the field again retries).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ....domain import programme as dp
from ....services import programme as ps
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import NumberField, error_label

WEEKDAYS = dp.WEEKDAY_NAMES


class PhaseForm(QWidget):
    """Name, weeks, deload mark and goal of one phase."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
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
        same = phase["id"] == self.phase_id  # a reload keeps a value whose save failed
        self.phase_id = phase["id"]
        self.name.setText(phase["name"])
        self.weeks.set_value(phase["weeks"], keep_unsaved=same)
        self.deload.setChecked(bool(phase["deload"]))
        self.goal.setPlainText(phase["goal"])
        self.error.hide()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _commit(self, field: str, value: Any) -> None:
        phase_id = self.phase_id
        if phase_id is None:
            return
        current = ps.get_phase(phase_id)
        if current is None or current[field] == value:
            return
        edit = apply_edit(self.ctx, lambda: ps.update_phase(phase_id, {field: value}),
                          fields={"weeks": self.weeks}, message=self._show_error, source=self)
        if edit is not None:
            self.error.hide()
        elif field == "weeks":
            self.weeks.commit_failed(current["weeks"])


class PrescriptionForm(QWidget):
    """The dose of one prescription; each field saves when the user finishes it."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
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
        same = p["id"] == self.prescription_id  # a reload keeps a value whose save failed
        self.prescription_id = p["id"]
        if self.exercise.findData(p["exercise"]) < 0:
            ex = ps.get_exercise(p["exercise"])
            self.exercise.addItem(ex["name"] if ex else "?", p["exercise"])
        self.exercise.setCurrentIndex(self.exercise.findData(p["exercise"]))
        for key, field in self.numbers.items():
            field.set_value(p[key], keep_unsaved=same)
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

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _commit(self, field: str, value: Any) -> None:
        prescription_id = self.prescription_id
        if self._loading or prescription_id is None:
            return
        current = ps.get_prescription(prescription_id)
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
        # the reason goes beside the number being edited (else under the form)
        target = self.numbers.get(field)
        edit = apply_edit(self.ctx, lambda: ps.update_prescription(prescription_id, values),
                          message=target.show_error if target else self._show_error,
                          source=self)
        if edit is not None:
            self.error.hide()
        elif field in self.numbers:
            self.numbers[field].commit_failed(current[field])
