"""First run: create the profile, or open the demo journal in its own window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QDate, QProcess, Signal
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
        title = QLabel("<h2>Welcome to rehabjournal</h2>")
        intro = QLabel(
            "Record what you did and how the joint answered, especially the next morning. "
            "Patterns show which load was too much faster than guessing. "
            "Your journal stays on this computer.<br><i>Information, not medical advice.</i>"
        )
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Your name or initials")
        self.name_error = _error_label()
        self.condition = QComboBox()
        self.condition.setEditable(True)
        for key, cond in scales.CONDITIONS.items():
            self.condition.addItem(cond.name, key)
        self.condition.addItem("Other / not sure", "")
        self.joint = QComboBox()
        self.joint.addItems([j for j in scales.JOINTS])
        self.side = QComboBox()
        for side in scales.SIDES:
            self.side.addItem(side or "not applicable", side)
        self.onset = QDateEdit(QDate(ctx.today()))  # the journal clock's today
        self.onset.setCalendarPopup(True)
        self.onset.setDisplayFormat("yyyy-MM-dd")
        self.goal = QLineEdit()
        self.goal.setPlaceholderText("e.g. run 10 km without pain")
        self.clinician = QLineEdit()
        self.clinician.setPlaceholderText("Your physiotherapist (optional)")
        form.addRow("&Name", self.name)
        form.addRow("", self.name_error)
        form.addRow("&Condition", self.condition)
        form.addRow("&Joint", self.joint)
        form.addRow("&Side", self.side)
        form.addRow("Pain &began", self.onset)
        form.addRow("&Goal", self.goal)
        form.addRow("C&linician", self.clinician)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        # Alt+R: Alt+C is "Condition"
        self.create_button = QPushButton("C&reate my journal")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_profile)
        self.demo_button = QPushButton("Open the &demo journal")
        self.demo_button.setToolTip(
            "Opens a generated 12-week journal in a separate window; your journal is not touched."
        )
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
        if condition is None or (condition == "" and text != "Other / not sure"):
            condition = text  # free text typed by the user
        values = {
            "name": self.name.text().strip(),
            "condition": condition or "",
            "joint": self.joint.currentText(),
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
        self.ctx.saved("Journal created")
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
