"""Preferences: the pain-monitoring thresholds (design choices, so they are settings).

They are stored in the journal itself, so that the app, the command line and reports made
from this journal all use the same values.
"""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from ..domain.light import Thresholds
from ..services import journal as journal_service
from .context import AppContext

# field -> (label, minimum, maximum, step, help)
FIELDS = {
    "acceptable_pain": ("Acceptable pain during/after (0-10)", 1, 10, 1,
                        "Pain above this during or after a session turns the light red "
                        "(Silbernagel 2007 uses 5)."),
    "green_peak_max": ("Green when peak pain is at most", 0, 9, 1,
                       "Peak pain up to this counts as green (2 by default; some use 3)."),
    "morning_rise_tolerance": ("Next-morning rise allowed (points)", 0, 5, 1,
                               "How far next-morning pain may rise above your usual level."),
    "baseline_days": ("Baseline: median of the last (days)", 3, 28, 1,
                      "Your usual morning pain is the median of these days."),
    "trend_rise": ("Weekly rise that counts as rising (points)", 0.5, 5, 0.5,
                   "Week-on-week rise of average morning pain that turns the light red."),
    "improvement_points": ("Important change (points)", 1, 5, 1,
                           "A change of about 2 points is clinically important (Farrar 2001)."),
    "improvement_fraction": ("Important change (fraction)", 0.1, 0.9, 0.05,
                             "About 30 % is clinically important (Farrar 2001)."),
    "assessment_weeks": ("Suggest an assessment after (weeks)", 2, 26, 1,
                         "Without improvement after this many weeks, suggest booking one."),
}


class PreferencesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Preferences")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "<b>Pain-monitoring light</b><br>These thresholds are design choices, not "
            "validated rules. Change them with your clinician."
        ))
        form = QFormLayout()
        self.editors = {}
        current = journal_service.thresholds()
        for name, (label, lo, hi, step, help_text) in FIELDS.items():
            value = getattr(current, name)
            if isinstance(value, float) or isinstance(step, float):
                editor = QDoubleSpinBox()
                editor.setDecimals(2)
            else:
                editor = QSpinBox()
            editor.setRange(lo, hi)
            editor.setSingleStep(step)
            editor.setValue(value)
            editor.setToolTip(help_text)
            editor.setObjectName(name)
            self.editors[name] = editor
            form.addRow(label, editor)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        default = Thresholds()
        for name, editor in self.editors.items():
            editor.setValue(getattr(default, name))

    def accept(self) -> None:
        values = {name: editor.value() for name, editor in self.editors.items()}
        ints = {f.name for f in fields(Thresholds) if f.type in ("int", int)}
        values = {k: int(v) if k in ints else float(v) for k, v in values.items()}
        try:
            th = replace(journal_service.thresholds(), **values)
        except ValueError as exc:
            self.error.setText(f"These values do not fit together: {exc}")
            return
        journal_service.save_thresholds(th)
        self.ctx.journal_changed.emit(None)
        self.ctx.saved("Preferences saved")
        super().accept()
