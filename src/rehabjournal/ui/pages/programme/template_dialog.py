"""The questions asked before a programme is made from a template: its name, the day it
starts, and, when another programme is running, whether the new one replaces it.

The start date offered is the next Monday (today when today is a Monday): a programme's
weeks count from its start, so a Monday start keeps week 1 a whole calendar week, in step
with the adherence table's calendar weeks (Monday to Sunday) and with the templates'
Monday-Wednesday-Friday days; the first session is then the first day of the plan. The
person may pick any day, or "Today" with one click.

A running programme is never deactivated silently: the dialog names it and the person
chooses (no choice is preselected; "Create" waits for one).
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ....services.summary import plural
from ...accessibility import name_controls


def default_start(today: date) -> date:
    """The start offered: the next Monday, or today when today is a Monday."""
    return today + timedelta(days=(7 - today.weekday()) % 7)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class TemplateDialog(QDialog):
    """Name, start date and "replace the active programme?" for one template.

    Attributes:
        name_edit, start_edit: the programme's name and first day.
        replace, keep: the two answers about the running programme (None when no
            programme is active).
    """

    def __init__(self, template: dict[str, Any], today: date,
                 active: dict[str, Any] | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New programme from template")
        self.setObjectName("templateDialog")
        self.template = template
        self.today = today
        layout = QVBoxLayout(self)
        # a roomy fixed start size (set below), as the questionnaire does: the layout then
        # sets no minimum size on the window
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        intro = QLabel(f"<b>{html.escape(template['name'])}</b><br>"
                       f"{html.escape(template.get('description') or '')}")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name_edit = QLineEdit(template["name"])
        self.name_edit.setAccessibleName("Programme name")
        self.start_edit = QDateEdit(_qdate(default_start(today)))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("ddd d MMM yyyy")
        self.start_edit.setAccessibleName("Start date")
        today_button = QPushButton("&Today")
        monday_button = QPushButton("Next &Monday")
        for b in (today_button, monday_button):
            b.setAutoDefault(False)
        today_button.clicked.connect(lambda: self.start_edit.setDate(_qdate(today)))
        monday_button.clicked.connect(
            lambda: self.start_edit.setDate(_qdate(default_start(today))))
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_edit)
        start_row.addWidget(today_button)
        start_row.addWidget(monday_button)
        start_row.addStretch(1)
        self.start_hint = QLabel()
        self.start_hint.setObjectName("templateStartHint")
        self.start_hint.setWordWrap(True)
        form.addRow("&Name", self.name_edit)
        start_label = QLabel("&Starts on")
        start_label.setBuddy(self.start_edit)
        form.addRow(start_label, start_row)
        form.addRow("", self.start_hint)
        layout.addLayout(form)

        self.replace: QRadioButton | None = None
        self.keep: QRadioButton | None = None
        if active is not None:
            name = html.escape(active["name"])
            box = QGroupBox(f"Your active programme: {active['name']}")
            bv = QVBoxLayout(box)
            self.replace = QRadioButton("Make the new programme the active one: its exercises "
                                        "show on Today from its start")
            self.keep = QRadioButton(f"Keep \u201c{active['name']}\u201d active; add the new "
                                     "programme inactive, to start it later")
            self.replace.setObjectName("templateReplace")
            self.keep.setObjectName("templateKeep")
            group = QButtonGroup(self)
            for b in (self.replace, self.keep):
                group.addButton(b)
                bv.addWidget(b)
            note = QLabel(f"Either way \u201c{name}\u201d stays in your list with its logs; "
                          "<i>Make active</i> switches between programmes.")
            note.setWordWrap(True)
            bv.addWidget(note)
            layout.addWidget(box)
            group.buttonToggled.connect(lambda *_: self._update())
        else:
            note = QLabel("It becomes your active programme: its exercises show on Today "
                          "from its start date.")
            note.setWordWrap(True)
            layout.addWidget(note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.start_edit.dateChanged.connect(lambda _d: self._update())
        self.name_edit.textChanged.connect(lambda _t: self._update())
        self._update()
        name_controls(self)  # the "Today" and "Next Monday" buttons say their text
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    # ---- answers -------------------------------------------------------------------------
    def start(self) -> date:
        d = self.start_edit.date()
        return date(d.year(), d.month(), d.day())

    def name(self) -> str | None:
        """The name typed, or None for the template's own."""
        text = self.name_edit.text().strip()
        return text if text and text != self.template["name"] else None

    def replace_active(self) -> bool:
        """True: the new programme becomes the active one (also when none was active)."""
        return self.replace is None or self.replace.isChecked()

    def _update(self) -> None:
        start = self.start()
        weeks = self.template.get("weeks") or 0
        end = start + timedelta(days=7 * weeks - 1) if weeks else None
        when = ("today" if start == self.today else
                f"in {plural((start - self.today).days, 'day')}" if start > self.today else
                f"{plural((self.today - start).days, 'day')} ago")
        text = f"Week 1 starts {when}" + (f"; the last week ends {end:%a %d %b %Y}." if end
                                          else ".")
        if start.weekday() != 0:
            text += (" Not a Monday: the programme's weeks will run across the calendar "
                     "weeks the adherence table counts.")
        self.start_hint.setText(text)
        chosen = self.replace is None or self.replace.isChecked() or self.keep.isChecked()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(chosen and bool(self.name_edit.text().strip()))
