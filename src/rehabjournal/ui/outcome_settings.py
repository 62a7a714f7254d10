"""Choose which outcome measures to fill in, and how often.

    open_outcome_settings(parent, ctx) -> bool   # True when the schedule was saved

The schedule is two options of the settings registry ("outcomes" page: the instruments
and the cadence, with their labels, range and help); each instrument's check box shows its
``blurb`` from ``resources/instruments/<key>.json``. Save is one undoable edit.
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

from .. import i18n
from ..i18n import _
from ..services import outcomes as svc
from ..services import settings
from .edit_path import apply_edit
from .widgets import error_label


class OutcomeSettingsDialog(QDialog):
    def __init__(self, parent=None, ctx=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Outcome measures"))
        self.setObjectName("outcomeSettings")
        sched = svc.get_schedule()
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Questionnaires show how your knee is doing over weeks. Today "
                               "shows a reminder when one is due."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        chosen = settings.option("outcomes.instruments")
        every = settings.option("outcomes.every_days")
        box = QGroupBox(_(chosen.label))
        box_lay = QVBoxLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        # the questionnaires are filled in in English (their validated wording)
        original = "" if i18n.current() == "en" else " " + self.tr("(English original)")
        for inst in svc.available():
            check = QCheckBox(f"{inst.short}: {inst.name}{original}")
            check.setObjectName(f"check_{inst.key}")
            check.setChecked(inst.key in sched["instruments"])
            check.setToolTip(f"{inst.reference}\n{i18n.library_text(inst.licence)}")
            blurb = QLabel(i18n.library_text(inst.blurb))  # ours; the items stay English
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
        self.every.setRange(int(every.minimum), int(every.maximum))
        self.every.setSuffix(f" {_(every.unit)}")
        self.every.setValue(sched["every_days"])
        self.every.setToolTip(_(every.help) if every.help else "")
        form.addRow(_(every.label), self.every)
        lay.addLayout(form)
        note = QLabel(self.tr("VISA-P, Kujala and TSK-11 are not offered: their exact "
                              "published wording could not be verified. See Help \u203a About "
                              "for sources and licences."))
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

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        """Save the schedule as one undoable edit; stay open showing why when refused."""
        edit = apply_edit(self.ctx, lambda: svc.edit_schedule(self.chosen(), self.every.value()),
                          message=self._show_error, source=self)
        if edit is None:
            return  # refused (the reason is shown) or not written (the window's banner)
        self.accept()


def open_outcome_settings(parent, ctx) -> bool:
    """The schedule dialog (modal); True when the user saved a schedule."""
    return OutcomeSettingsDialog(parent, ctx).exec() == QDialog.DialogCode.Accepted
