"""Choose which outcome measures to fill in, and how often.

    open_outcome_settings(parent, ctx) -> bool   # True when the schedule was saved
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from ..services import outcomes as svc
from ..services.errors import ValidationError
from .widgets import error_label

BLURBS = {
    "koos": "42 items on knee pain, other symptoms, daily living, sport and quality of life "
            "(about 10 minutes).",
    "lefs": "20 items on everyday and sporting activities of the leg (about 3 minutes).",
    "psfs": "Up to five activities you choose, each rated 0-10 (about 2 minutes).",
}


class OutcomeSettingsDialog(QDialog):
    def __init__(self, parent=None, ctx=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Outcome measures")
        self.setObjectName("outcomeSettings")
        sched = svc.get_schedule()
        lay = QVBoxLayout(self)
        intro = QLabel("Questionnaires show how your knee is doing over weeks. Today shows a "
                       "reminder when one is due.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        box = QGroupBox("Fill in")
        box_lay = QVBoxLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        for inst in svc.available():
            check = QCheckBox(f"{inst.short}: {inst.name}")
            check.setObjectName(f"check_{inst.key}")
            check.setChecked(inst.key in sched["instruments"])
            check.setToolTip(f"{inst.reference}\n{inst.licence}")
            blurb = QLabel(BLURBS.get(inst.key, ""))
            blurb.setWordWrap(True)
            blurb.setIndent(22)
            blurb.setStyleSheet("color: palette(placeholder-text);")
            box_lay.addWidget(check)
            box_lay.addWidget(blurb)
            self.checks[inst.key] = check
        lay.addWidget(box)
        form = QFormLayout()
        self.every = QSpinBox()
        self.every.setObjectName("everyDays")
        self.every.setRange(1, 365)
        self.every.setSuffix(" days")
        self.every.setValue(sched["every_days"])
        self.every.setToolTip("14 days = every 2 weeks")
        form.addRow("Every", self.every)
        lay.addLayout(form)
        note = QLabel("VISA-P, Kujala and TSK-11 are not offered: their exact published wording "
                      "could not be verified. See Help \u203a About for sources and licences.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        lay.addWidget(note)
        self.error = error_label()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [k for k, c in self.checks.items() if c.isChecked()]

    def save(self) -> None:
        try:
            svc.set_schedule(self.chosen(), self.every.value())
        except ValidationError as exc:
            self.error.setText(" ".join(exc.errors.values()))
            self.error.show()
            return
        if self.ctx is not None:
            self.ctx.journal_changed.emit(None)
            self.ctx.saved("Outcome-measure schedule saved")
        self.accept()


def open_outcome_settings(parent, ctx) -> bool:
    """The schedule dialog (modal); True when the user saved a schedule."""
    return OutcomeSettingsDialog(parent, ctx).exec() == QDialog.DialogCode.Accepted
