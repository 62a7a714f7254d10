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

from ....i18n import library_text, ngettext
from ... import i18n as ui_i18n
from ...accessibility import name_controls
from ...widgets import format_when, ui_locale


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
        self.setWindowTitle(self.tr("New programme from template"))
        self.setObjectName("templateDialog")
        self.template = template
        self.today = today
        layout = QVBoxLayout(self)
        # a roomy fixed start size (set below), as the questionnaire does: the layout then
        # sets no minimum size on the window
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        intro = QLabel(f"<b>{html.escape(library_text(template['name']))}</b><br>"
                       f"{html.escape(library_text(template.get('description') or ''))}")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name_edit = QLineEdit(library_text(template["name"]))
        self.name_edit.setAccessibleName(self.tr("Programme name"))
        self.start_edit = QDateEdit(_qdate(default_start(today)))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setLocale(ui_locale())  # day and month names in the UI's language
        self.start_edit.setDisplayFormat(ui_i18n.date_pattern("day"))
        self.start_edit.setAccessibleName(self.tr("Start date"))
        today_button = QPushButton(self.tr("&Today"))
        monday_button = QPushButton(self.tr("Next &Monday"))
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
        form.addRow(self.tr("&Name"), self.name_edit)
        start_label = QLabel(self.tr("&Starts on"))
        start_label.setBuddy(self.start_edit)
        form.addRow(start_label, start_row)
        form.addRow("", self.start_hint)
        layout.addLayout(form)

        self.replace: QRadioButton | None = None
        self.keep: QRadioButton | None = None
        if active is not None:
            active_name = library_text(active["name"])
            name = html.escape(active_name)
            box = QGroupBox(self.tr("Your active programme: {name}").format(name=active_name))
            bv = QVBoxLayout(box)
            self.replace = QRadioButton(self.tr("Make the new programme the active one: its "
                                                "exercises show on Today from its start"))
            self.keep = QRadioButton(self.tr(
                "Keep \u201c{name}\u201d active; add the new programme inactive, to start it "
                "later").format(name=active_name))
            self.replace.setObjectName("templateReplace")
            self.keep.setObjectName("templateKeep")
            group = QButtonGroup(self)
            for b in (self.replace, self.keep):
                group.addButton(b)
                bv.addWidget(b)
            note = QLabel(self.tr("Either way \u201c{name}\u201d stays in your list with its "
                                  "logs; <i>Make active</i> switches between programmes.")
                          .format(name=name))
            note.setWordWrap(True)
            bv.addWidget(note)
            layout.addWidget(box)
            group.buttonToggled.connect(lambda *_: self._update())
        else:
            note = QLabel(self.tr("It becomes your active programme: its exercises show on "
                                  "Today from its start date."))
            note.setWordWrap(True)
            layout.addWidget(note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
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
        own = (self.template["name"], library_text(self.template["name"]))
        return text if text and text not in own else None

    def replace_active(self) -> bool:
        """True: the new programme becomes the active one (also when none was active)."""
        return self.replace is None or self.replace.isChecked()

    def _starts_text(self, start: date, end: date | None) -> str:
        """"Week 1 starts in 5 days; the last week ends Sun 03 May 2026." (or "today",
        "2 days ago"; without the end when the template has no length)."""
        n = abs((start - self.today).days)
        if start == self.today:
            text = (self.tr("Week 1 starts today; the last week ends {date}.") if end else
                    self.tr("Week 1 starts today."))
        elif start > self.today:
            text = (ngettext("Week 1 starts in {n} day; the last week ends {date}.",
                             "Week 1 starts in {n} days; the last week ends {date}.", n) if end
                    else ngettext("Week 1 starts in {n} day.", "Week 1 starts in {n} days.", n))
        else:
            text = (ngettext("Week 1 starts {n} day ago; the last week ends {date}.",
                             "Week 1 starts {n} days ago; the last week ends {date}.", n)
                    if end else
                    ngettext("Week 1 starts {n} day ago.", "Week 1 starts {n} days ago.", n))
        shown = format_when(end, "ddd dd MMM yyyy", ui_i18n.date_pattern("day")) if end else ""
        return text.format(n=n, date=shown)

    def _update(self) -> None:
        start = self.start()
        weeks = self.template.get("weeks") or 0
        end = start + timedelta(days=7 * weeks - 1) if weeks else None
        text = self._starts_text(start, end)
        if start.weekday() != 0:
            text += " " + self.tr("Not a Monday: the programme's weeks will run across the "
                                  "calendar weeks the adherence table counts.")
        self.start_hint.setText(text)
        chosen = self.replace is None or self.replace.isChecked() or self.keep.isChecked()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(chosen and bool(self.name_edit.text().strip()))
