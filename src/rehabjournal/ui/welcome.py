"""First run: create the profile, or open the demo journal in its own window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QProcess, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import scales
from ..services import journal as journal_service
from ..services.errors import ValidationError
from .accessibility import name_controls
from .context import AppContext

#: ``scales.JOINTS`` and ``scales.SIDES`` as the form shows them (the journal keeps the
#: English key, the item's data).
JOINT_TEXT = {
    "knee": QT_TRANSLATE_NOOP("WelcomePage", "knee"),
    "hip": QT_TRANSLATE_NOOP("WelcomePage", "hip"),
    "ankle": QT_TRANSLATE_NOOP("WelcomePage", "ankle"),
    "foot": QT_TRANSLATE_NOOP("WelcomePage", "foot"),
    "lower leg": QT_TRANSLATE_NOOP("WelcomePage", "lower leg"),
    "thigh": QT_TRANSLATE_NOOP("WelcomePage", "thigh"),
    "lower back": QT_TRANSLATE_NOOP("WelcomePage", "lower back"),
    "other": QT_TRANSLATE_NOOP("WelcomePage", "other"),
}
SIDE_TEXT = {
    "left": QT_TRANSLATE_NOOP("WelcomePage", "left"),
    "right": QT_TRANSLATE_NOOP("WelcomePage", "right"),
    "both": QT_TRANSLATE_NOOP("WelcomePage", "both"),
    "": QT_TRANSLATE_NOOP("WelcomePage", "not applicable"),
}

class WelcomePage(QWidget):
    """The first-run form; "Create my journal" (Alt+R, or Enter in a text field).

    Signals:
        created(): the profile and its first pain site are saved.
    """

    created = Signal()

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.setObjectName("welcome")
        self.ctx = ctx
        outer = QHBoxLayout(self)
        column = QWidget()
        column.setMaximumWidth(720)
        outer.addWidget(column)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        title = QLabel("<h2>" + self.tr("Welcome to rehabjournal") + "</h2>")
        intro = QLabel(self.tr(
            "Record what you did and how the joint answered, especially the next morning. "
            "Patterns show which load was too much faster than guessing. "
            "Your journal stays on this computer.<br><i>Information, not medical advice.</i>"
        ))
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Your name or initials"))
        self.name_error = _error_label()
        self.condition = QComboBox()
        self.condition.setEditable(True)
        for key, cond in scales.CONDITIONS.items():
            self.condition.addItem(cond.name, key)
        self.condition.addItem(self.tr("Other / not sure"), "")
        self.joint = QComboBox()
        for joint in scales.JOINTS:
            self.joint.addItem(self.tr(JOINT_TEXT[joint]) if joint in JOINT_TEXT else joint,
                               joint)
        self.side = QComboBox()
        for side in scales.SIDES:
            self.side.addItem(self.tr(SIDE_TEXT[side]) if side in SIDE_TEXT else side, side)
        self.onset = QDateEdit(QDate(ctx.today()))  # the journal clock's today
        self.onset.setCalendarPopup(True)
        self.onset.setDisplayFormat("yyyy-MM-dd")
        self.goal = QLineEdit()
        self.goal.setPlaceholderText(self.tr("e.g. run 10 km without pain"))
        self.clinician = QLineEdit()
        self.clinician.setPlaceholderText(self.tr("Your physiotherapist (optional)"))
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Condition"), self.condition)
        form.addRow(self.tr("&Joint"), self.joint)
        form.addRow(self.tr("&Side"), self.side)
        form.addRow(self.tr("Pain &began"), self.onset)
        form.addRow(self.tr("&Goal"), self.goal)
        form.addRow(self.tr("C&linician"), self.clinician)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        # Alt+R: Alt+C is "Condition"
        self.create_button = QPushButton(self.tr("C&reate my journal"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_profile)
        self.demo_button = QPushButton(self.tr("Open the &demo journal"))
        self.demo_button.setToolTip(self.tr(
            "Opens a generated 12-week journal in a separate window; your journal is not touched."
        ))
        self.demo_button.clicked.connect(self.open_demo)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        # Enter in any text field creates the journal (the page is no dialog, so the
        # default button alone would not): the name, the goal, and the last, Clinician
        for edit in (self.name, self.goal, self.clinician):
            edit.returnPressed.connect(self.create_profile)
        name_controls(self)  # each field named by its row's label ("Name", "Pain began")
        self.name.setFocus()

    def create_profile(self) -> None:
        condition = self.condition.currentData()
        text = self.condition.currentText()
        if condition is None or (condition == "" and text != self.tr("Other / not sure")):
            condition = text  # free text typed by the user
        values = {
            "name": self.name.text().strip(),
            "condition": condition or "",
            "joint": self.joint.currentData() or self.joint.currentText(),
            "side": self.side.currentData() or "",
            "onset_date": self.onset.date().toPython(),
            "goal": self.goal.text().strip(),
            "clinician": self.clinician.text().strip(),
        }
        try:
            journal_service.save_profile(values)
        except ValidationError as exc:
            self.name_error.setText(exc.errors.get("name", str(exc)))
            self.name_error.show()
            self.name.setFocus()
            return
        if not journal_service.list_sites():
            area = scales.CONDITIONS[condition].location if condition in scales.CONDITIONS else ""
            journal_service.add_site(values["joint"], values["side"], area, primary=True)
        self.ctx.saved(self.tr("Journal created"))
        self.created.emit()

    def open_demo(self) -> None:
        QProcess.startDetached(sys.executable, ["-m", "rehabjournal", "--demo"])


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    label.hide()
    return label
