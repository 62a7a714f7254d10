"""Events of the day: a flare, new shoes, an injection, an appointment ... (add, remove)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from ....domain import scales
from ....services import journal as js
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import clear_layout, error_label
from .siblings import relink


class EventsSection(QGroupBox):
    """The day's events, each with Remove, and a row to add one.

    Attributes:
        kind, label: the new event's kind (combo box) and label (needed for "Other event").
        error: the message beside them when an event is refused.
    """

    def __init__(self, ctx: AppContext):
        super().__init__(self.tr("Events"))
        self.ctx = ctx
        self.day: date = ctx.today()
        layout = QVBoxLayout(self)
        self.events_list = QVBoxLayout()
        layout.addLayout(self.events_list)
        add_row = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Event kind"))
        for kind in scales.EVENT_KINDS:
            self.kind.addItem(scales.event_label(kind), kind)
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("label (needed for 'Other event')"))
        self.error = error_label()
        # Alt+D: Alt+E is the Edit menu's
        self.add_button = QPushButton(self.tr("A&dd event"))
        self.add_button.clicked.connect(self.add_event)
        self.label.returnPressed.connect(self.add_event)
        add_row.addWidget(self.kind)
        add_row.addWidget(self.label, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        layout.addWidget(self.error)

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.events_list)
        for event in js.list_events(self.day):
            row = QHBoxLayout()
            text = scales.event_label(event["kind"])
            if event["label"]:
                text = self.tr("{kind}: {label}").format(kind=text, label=event["label"])
            row.addWidget(QLabel(text))
            remove = QToolButton()
            remove.setText(self.tr("Remove"))
            remove.clicked.connect(lambda _=False, e=event["id"]: self.remove_event(e))
            row.addWidget(remove)
            row.addStretch(1)
            self.events_list.addLayout(row)
        relink(self)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def add_event(self) -> None:
        """Add the event typed in the add row to the day."""
        kind, label = self.kind.currentData(), self.label.text().strip()
        edit = apply_edit(self.ctx, lambda: js.edit_add_event(self.day, kind, label),
                          message=self.show_error, source=self)
        if edit is None:
            return
        self.error.hide()
        self.label.clear()
        self.refresh()

    def remove_event(self, event_id: int) -> None:
        if apply_edit(self.ctx, lambda: js.edit_remove_event(event_id), source=self):
            self.refresh()
            relink(self, self.kind)  # not the sidebar: the add row of the same section
