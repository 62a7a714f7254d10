"""The detail forms of the programme editor: one phase, or one prescription's dose.

Each field saves when the user finishes it, through ``apply_edit``: a refused value is
shown beside its field, a failed write in the window's banner (the typed value stays, so
finishing the field again retries). A refused value's reason goes right under its field,
and ``error_shown`` asks the editor to scroll the details so both are in view (a 768-pixel
screen shows only part of the form). A dose changed here (sets, reps, hold, load, unit) is
recorded in the prescription's dose history as "changed by hand", like accepted advice;
undo takes the history row back with the change.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....domain import programme as dp
from ....domain import progression
from ....i18n import library_text
from ....services import programme as ps
from ... import i18n as ui_i18n
from ...context import AppContext
from ...edit_path import apply_edit
from ...exercise_card import MediaField
from ...widgets import NumberField, error_label, format_when, set_combo_data, ui_locale
from ..labels import exercise_side_text, pain_rule_choice, pain_rule_text, unit_text

WEEKDAYS = dp.WEEKDAY_NAMES
"""The weekdays as the exchange file writes them; the boxes show ``weekday_text``."""

translate = QCoreApplication.translate


def weekday_text(day: int) -> str:
    """Weekday ``day`` (0 Monday) as a box shows it: "Mon" / "lun." / "Mo."."""
    return ui_locale().dayName(day + 1, QLocale.FormatType.ShortFormat)


def unchanged(value, current) -> bool:
    """Whether a text field shows what the journal holds: the text itself or, for a
    shipped template's text, its translation (saving that would copy it in)."""
    return value == current or (isinstance(current, str) and bool(current)
                                and value == library_text(current))

TEXT_FIELDS = ("tempo", "notes", "side", "effort_target", "pain_rule", "media")
"""Prescription fields held as text: blank and missing are the same."""

HISTORY_FIELDS = {"sets": QT_TRANSLATE_NOOP("PrescriptionForm", "sets"),
                  "reps": QT_TRANSLATE_NOOP("PrescriptionForm", "reps"),
                  "hold_s": QT_TRANSLATE_NOOP("PrescriptionForm", "hold (s)"),
                  "load": QT_TRANSLATE_NOOP("PrescriptionForm", "load"),
                  "load_unit": QT_TRANSLATE_NOOP("PrescriptionForm", "unit"),
                  "notes": QT_TRANSLATE_NOOP("PrescriptionForm", "note")}


def history_html(rows: list[dict[str, Any]], last: int = 5) -> str:
    """The last ``last`` rows of a prescription's dose history, each with who changed it:
    "07 Sep 2026: load 60 → 62.5 (by hand)"."""
    if not rows:
        return ""
    lines = []
    none = translate("PrescriptionForm", "none")
    for h in rows[-last:]:
        reason = h.get("reason") or ""
        who = (translate("PrescriptionForm", "by hand") if reason == ps.MANUAL_CHANGE else
               translate("PrescriptionForm", "carried from an earlier phase")
               if reason.startswith("Carried") else translate("PrescriptionForm", "advice"))
        name = h["field_name"]
        field = translate("PrescriptionForm", HISTORY_FIELDS[name]) if (
            name in HISTORY_FIELDS) else name
        old = html.escape(h["old_value"] or none)
        if h["field_name"] == "notes":
            change = translate("PrescriptionForm", "added")
        else:
            change = f"{old} &rarr; {html.escape(h['new_value'] or none)}"
        day = format_when(h["day"], "dd MMM yyyy", ui_i18n.date_pattern("date"))
        lines.append(translate("PrescriptionForm", "{day}: {field} {change} <i>({who})</i>")
                     .format(day=day, field=field, change=change, who=who))
    if len(rows) > last:
        head = translate("PrescriptionForm", "<b>Dose history (last {last} of {total})</b>")
    else:
        head = translate("PrescriptionForm", "<b>Dose history</b>")
    return head.format(last=last, total=len(rows)) + "<br>" + "<br>".join(lines)


class PhaseForm(QWidget):
    """Name, weeks, deload mark, goal, criteria and "carry progress" of one phase.

    Signals:
        error_shown(QWidget, QWidget): a refused value's reason and its field were shown;
            the editor scrolls them into view.
    """

    error_shown = Signal(QWidget, QWidget)

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.phase_id: int | None = None
        outer = QVBoxLayout(self)  # the form at the top; the space left stays below it
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Phase name"))
        self.weeks = NumberField(self.tr("Weeks"), 1, 104, placeholder=self.tr("weeks"))
        self.deload = QCheckBox(self.tr("Deload phase (lighter on purpose)"))
        self.carry = QCheckBox(self.tr("Carry progress from the previous phase"))
        self.carry.setToolTip(self.tr(
            "When accepted advice raises a dose in an earlier phase, the same exercise in "
            "this phase is raised to match if it was planned lower. Untick it when this "
            "phase's doses are set on purpose (a deload, a new kind of loading)."))
        self.goal = QPlainTextEdit()
        self.goal.setAccessibleName(self.tr("Phase goal"))
        self.goal.setPlaceholderText(self.tr("What this phase is for"))
        self.goal.setMaximumHeight(60)
        self.criteria = QPlainTextEdit()
        self.criteria.setAccessibleName(self.tr("Criteria to move on"))
        self.criteria.setPlaceholderText(self.tr("What to reach before the next phase, e.g. "
                                                 "20 single-leg squats with pain up to 2/10"))
        self.criteria.setMaximumHeight(60)
        self.goal_save = QPushButton(self.tr("Save goal and criteria"))
        self.goal_save.setAutoDefault(False)
        self.error = error_label()
        flags = QHBoxLayout()
        flags.addWidget(self.deload)
        flags.addWidget(self.carry)
        flags.addStretch(1)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Weeks"), self.weeks)
        form.addRow("", flags)
        form.addRow(self.tr("&Goal"), self.goal)
        form.addRow(self.tr("&Criteria"), self.criteria)
        form.addRow("", self.goal_save)
        form.addRow(self.error)
        self.name.editingFinished.connect(lambda: self._commit({"name": self.name.text()}))
        self.weeks.committed.connect(lambda v: self._commit({"weeks": v}))
        self.deload.clicked.connect(lambda on: self._commit({"deload": bool(on)}))
        self.carry.clicked.connect(lambda on: self._commit({"carry_progress": bool(on)}))
        self.goal_save.clicked.connect(lambda: self._commit({
            "goal": self.goal.toPlainText().strip(),
            "criteria": self.criteria.toPlainText().strip()}))

    def load(self, phase: dict) -> None:
        same = phase["id"] == self.phase_id  # a reload keeps a value whose save failed
        self.phase_id = phase["id"]
        # a template's phase shows its words in the UI's language until they are edited
        self.name.setText(library_text(phase["name"]))
        self.weeks.set_value(phase["weeks"], keep_unsaved=same)
        self.deload.setChecked(bool(phase["deload"]))
        self.carry.setChecked(bool(phase.get("carry_progress", True)))
        self.goal.setPlainText(library_text(phase["goal"]))
        self.criteria.setPlainText(library_text(phase.get("criteria") or ""))
        self.error.hide()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.error_shown.emit(self.error, self.error)

    def _weeks_error(self, message: str) -> None:
        self.weeks.show_error(message)
        self.error_shown.emit(self.weeks, self.weeks)

    def _commit(self, values: dict[str, Any]) -> None:
        phase_id = self.phase_id
        if phase_id is None:
            return
        current = ps.get_phase(phase_id)
        if current is None:
            return
        values = {k: v for k, v in values.items() if not unchanged(v, current.get(k))}
        if not values:
            return
        edit = apply_edit(self.ctx, lambda: ps.update_phase(phase_id, values),
                          fields={"weeks": _Shows(self._weeks_error)},
                          message=self._show_error, source=self)
        if edit is not None:
            self.error.hide()
        elif "weeks" in values:
            self.weeks.commit_failed(current["weeks"])


class _Shows:
    """``show_error`` for ``apply_edit``'s ``fields``, calling ``show``."""

    def __init__(self, show):
        self.show_error = show


class PrescriptionForm(QWidget):
    """The dose of one prescription and how to do it; each field saves when finished.

    Signals:
        error_shown(QWidget, QWidget): a refused value's reason (the error label, or the
            number field holding its own) and the field; the editor scrolls them into view.
    """

    error_shown = Signal(QWidget, QWidget)

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.prescription_id: int | None = None
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.form = form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.exercise = QComboBox()
        self.exercise.setAccessibleName(self.tr("Exercise"))
        self.numbers: dict[str, NumberField] = {
            "sets": NumberField(self.tr("Sets"), 1, 50, placeholder=self.tr("sets")),
            "reps": NumberField(self.tr("Reps"), 1, 1000, placeholder=self.tr("reps")),
            "hold_s": NumberField(self.tr("Hold"), 1, 36000, unit="s",
                                  placeholder=self.tr("seconds")),
            "load": NumberField(self.tr("Load"), 0, 1000, whole=False,
                                placeholder=self.tr("load")),
            "rest_s": NumberField(self.tr("Rest"), 0, 3600, unit="s",
                                  placeholder=self.tr("seconds")),
            "days_per_week": NumberField(self.tr("Days per week"), 1, 7, placeholder="1-7"),
            "times_per_day": NumberField(self.tr("Times a day"), 1, 6, placeholder="1-6"),
        }
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Load unit"))
        for unit in ps.LOAD_UNITS:
            self.unit.addItem(unit_text(unit), unit)
        self.tempo = QLineEdit()
        self.tempo.setAccessibleName(self.tr("Tempo"))
        self.tempo.setPlaceholderText(self.tr("e.g. 3 s down, 3 s up (blank: as the exercise)"))
        self.side = QComboBox()
        self.side.setAccessibleName(self.tr("Side"))
        self.side.addItem(self.tr("as the exercise"), "")
        for side in progression.SIDES:
            self.side.addItem(exercise_side_text(side), side)
        self.pain_rule = QComboBox()
        self.pain_rule.setAccessibleName(self.tr("Pain rule"))
        self.pain_rule.addItem(self.tr("as the exercise"), "")
        for rule in progression.PAIN_RULES:
            self.pain_rule.addItem(pain_rule_choice(rule), rule)
        for combo in (self.exercise, self.side, self.pain_rule):  # never wider than the box
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.effort = QLineEdit()
        self.effort.setAccessibleName(self.tr("Effort target"))
        self.effort.setPlaceholderText(self.tr("e.g. about 70 % effort, or CR-10 3-4"))
        self.media = MediaField(self.tr("Picture or video"))
        self.media.edit.setPlaceholderText(
            self.tr("https:// link or a file (blank: as the exercise)"))
        self.day_boxes: list[QCheckBox] = []
        days_row = QHBoxLayout()
        for i in range(len(WEEKDAYS)):
            box = QCheckBox(weekday_text(i))
            box.setObjectName(f"weekday_{i}")
            box.clicked.connect(lambda _on: self._weekdays_changed())
            self.day_boxes.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.notes = QLineEdit()
        self.notes.setAccessibleName(self.tr("Prescription notes"))
        self.notes.setPlaceholderText(self.tr("Shown with the exercise on Today, e.g. single "
                                              "leg, holding a weight"))
        self.error = error_label()
        self.history = QLabel()
        self.history.setObjectName("prescriptionHistory")
        self.history.setWordWrap(True)
        dose = QHBoxLayout()
        self.hold_label = QLabel(self.tr("Hold (s)"))
        for key in ("sets", "reps", "hold_s"):
            dose.addWidget(self.hold_label if key == "hold_s"
                           else QLabel(self.numbers[key].label))
            dose.addWidget(self.numbers[key])
        dose.addStretch(1)
        load = QHBoxLayout()
        load.addWidget(self.numbers["load"])
        load.addWidget(self.unit)
        load.addWidget(QLabel(self.tr("Rest (s)")))
        load.addWidget(self.numbers["rest_s"])
        load.addStretch(1)
        how_often = QHBoxLayout()
        how_often.addWidget(self.numbers["days_per_week"])
        how_often.addWidget(QLabel(self.tr("Times a day")))
        how_often.addWidget(self.numbers["times_per_day"])
        how_often.addStretch(1)
        side_row = QHBoxLayout()
        side_row.addWidget(self.side)
        side_row.addWidget(QLabel(self.tr("Pain rule")))
        side_row.addWidget(self.pain_rule, 1)
        form.addRow(self.tr("E&xercise"), self.exercise)
        form.addRow(self.tr("Dose"), dose)
        self.load_label = QLabel(self.tr("Load"))
        form.addRow(self.load_label, load)
        form.addRow(self.tr("&Tempo"), self.tempo)
        form.addRow(self.tr("Days per week"), how_often)
        form.addRow(self.tr("or weekdays"), days_row)
        side_label = QLabel(self.tr("Si&de"))
        side_label.setBuddy(self.side)
        form.addRow(side_label, side_row)
        form.addRow(self.tr("E&ffort target"), self.effort)
        form.addRow(self.tr("Picture or &video"), self.media)
        form.addRow(self.tr("N&otes"), self.notes)
        form.addRow(self.error)
        form.addRow(self.history)
        # where a field's refusal goes: under the form row holding the field
        self._rows: dict[str, QWidget | QLayout] = {
            "exercise": self.exercise, "sets": dose, "reps": dose, "hold_s": dose,
            "load": load, "load_unit": load, "rest_s": load, "tempo": self.tempo,
            "days_per_week": how_often, "times_per_day": how_often, "weekdays": days_row,
            "side": side_row, "pain_rule": side_row, "effort_target": self.effort,
            "media": self.media, "notes": self.notes}
        self._fields: dict[str, QWidget] = {
            "exercise": self.exercise, "load_unit": self.unit, "tempo": self.tempo,
            "weekdays": self.day_boxes[0], "side": self.side, "pain_rule": self.pain_rule,
            "effort_target": self.effort, "media": self.media, "notes": self.notes,
            **self.numbers}
        for key, field in self.numbers.items():
            field.committed.connect(lambda v, k=key: self._commit(k, v))
        self.unit.activated.connect(lambda _i: self._commit("load_unit", self.unit.currentData()))
        self.unit.currentIndexChanged.connect(lambda _i: self._timed_labels())
        self.exercise.activated.connect(
            lambda _i: self._commit("exercise", self.exercise.currentData()))
        self.side.activated.connect(lambda _i: self._commit("side", self.side.currentData()))
        self.pain_rule.activated.connect(
            lambda _i: self._commit("pain_rule", self.pain_rule.currentData()))
        self.tempo.editingFinished.connect(lambda: self._commit("tempo", self.tempo.text()))
        self.effort.editingFinished.connect(
            lambda: self._commit("effort_target", self.effort.text()))
        self.media.committed.connect(lambda text: self._commit("media", text))
        self.notes.editingFinished.connect(lambda: self._commit("notes", self.notes.text()))

    def fill_exercises(self) -> None:
        """List the library's exercises, keeping the shown prescription's exercise chosen."""
        keep = self.exercise.currentData()
        self.exercise.blockSignals(True)
        self.exercise.clear()
        for ex in ps.list_exercises():
            self.exercise.addItem(library_text(ex["name"]), ex["id"])
        if keep is not None and self.exercise.findData(keep) < 0:
            ex = ps.get_exercise(keep)
            if ex is not None:
                self.exercise.addItem(library_text(ex["name"]), keep)
        self.exercise.setCurrentIndex(self.exercise.findData(keep) if keep is not None else -1)
        self.exercise.blockSignals(False)

    def load(self, p: dict) -> None:
        """Show prescription ``p`` (a ``services.programme.get_prescription`` dict)."""
        self._loading = True
        same = p["id"] == self.prescription_id  # a reload keeps a value whose save failed
        self.prescription_id = p["id"]
        ex = ps.get_exercise(p["exercise"])
        if self.exercise.findData(p["exercise"]) < 0:
            self.exercise.addItem(library_text(ex["name"]) if ex else "?", p["exercise"])
        self.exercise.setCurrentIndex(self.exercise.findData(p["exercise"]))
        for key, field in self.numbers.items():
            field.set_value(p.get(key), keep_unsaved=same)
        self.unit.setCurrentIndex(max(0, self.unit.findData(p["load_unit"])))
        self._timed_labels()
        # a template's words show in the UI's language until they are edited
        self.tempo.setText(library_text(p["tempo"]))
        self.notes.setText(library_text(p["notes"]))
        self.effort.setText(library_text(p.get("effort_target") or ""))
        self.media.set_text(p.get("media") or "")
        ex = ex or {}
        side = ex.get("side") or ""
        self.side.setItemText(0, self.tr("as the exercise ({side})").format(
            side=exercise_side_text(side)) if side else self.tr("as the exercise"))
        set_combo_data(self.side, p.get("side") or "")
        rule = ex.get("pain_rule") or "standard"
        self.pain_rule.setItemText(0, self.tr("as the exercise ({rule})").format(
            rule=pain_rule_text(rule)))
        set_combo_data(self.pain_rule, p.get("pain_rule") or "")
        self.tempo.setPlaceholderText(
            self.tr("as the exercise: {tempo}").format(tempo=library_text(ex["tempo"]))
            if ex.get("tempo") else self.tr("e.g. 3 s down, 3 s up"))
        days = set(dp.parse_weekdays(p["weekdays"] or ""))
        for i, box in enumerate(self.day_boxes):
            box.setChecked(i in days)
        self.error.hide()
        self.history.setText(history_html(ps.prescription_history(p["id"])))
        self._loading = False

    def _timed_labels(self) -> None:
        """A timed exercise (unit minutes): the load is its minutes, a hold its run part
        (walk-run: a walking minute between the runs)."""
        timed = self.unit.currentData() == "minutes"
        self.hold_label.setText(self.tr("Run part (s)") if timed else self.tr("Hold (s)"))
        self.load_label.setText(self.tr("Minutes") if timed else self.tr("Load"))

    def _weekdays_changed(self) -> None:
        days = [str(i) for i, b in enumerate(self.day_boxes) if b.isChecked()]
        self._commit("weekdays", ",".join(days))

    def _show_error(self, message: str, field: str = "") -> None:
        """Show ``message`` under ``field``'s row (under the form for no known field)."""
        self._move_error_under(self._rows.get(field))
        self.error.setText(message)
        self.error.show()
        self.error_shown.emit(self.error, self._fields.get(field, self.error))

    def _move_error_under(self, row_item: QWidget | QLayout | None) -> None:
        form = self.form
        row, _role = form.getWidgetPosition(self.error)
        if row >= 0:
            form.takeRow(row)  # the label is kept (only its row goes)
        if row_item is None:
            target = form.getWidgetPosition(self.history)[0]
        elif isinstance(row_item, QLayout):
            target = form.getLayoutPosition(row_item)[0] + 1
        else:
            target = form.getWidgetPosition(row_item)[0] + 1
        form.insertRow(target, self.error)

    def _number_error(self, field: str, message: str) -> None:
        self.numbers[field].show_error(message)
        self.error_shown.emit(self.numbers[field], self.numbers[field])

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
            if unchanged(value, current[field]) or (field in TEXT_FIELDS and unchanged(
                    (value or "").strip(), current[field] or "")):
                return
            values = {field: value}
        # the reason goes beside the number being edited (else under the field's row)
        day = self.ctx.today()
        edit = apply_edit(self.ctx,
                          lambda: ps.update_prescription(prescription_id, values, day=day),
                          message=lambda text: (self._number_error(field, text)
                                                if field in self.numbers else
                                                self._show_error(text, field)),
                          source=self)
        if edit is not None:
            self.error.hide()
        elif field in self.numbers:
            self.numbers[field].commit_failed(current[field])
