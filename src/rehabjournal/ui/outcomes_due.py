"""The Today page's "KOOS is due" banner.

The Today page calls ``install(page)`` once; the banner sits at index 2 of ``page.body``
and shows one row per scheduled outcome measure that is due (never done, or last done at
least the chosen number of days ago), each with a button that opens the questionnaire.
It refreshes whenever the journal changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..services import outcomes as svc

BANNER_STYLE = (
    "QFrame#outcomesDue { background: palette(alternate-base); border: 1px solid "
    "palette(mid); border-radius: 4px; }"
)


class OutcomesDueBanner(QFrame):
    """One row per due outcome measure: "KOOS is due — fill it in now" [Fill in KOOS]."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outcomesDue")
        self.setStyleSheet(BANNER_STYLE)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(8, 6, 8, 6)
        self.rows.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        self.due: list[str] = []
        self.hide()

    def refresh(self, _day=None) -> None:
        try:
            due = svc.due(self.ctx.today())
        except Exception:  # noqa: BLE001 - no journal open (closing): show nothing
            due = []
        if due == self.due and len(self.buttons) == len(due):
            self.setVisible(bool(due))
            return
        self.due = due
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.layout():
                while item.layout().count():
                    w = item.layout().takeAt(0).widget()
                    if w:
                        w.deleteLater()
            elif item.widget():
                item.widget().deleteLater()
        self.buttons = {}
        for key in due:
            inst = svc.instrument(key)
            row = QHBoxLayout()
            label = QLabel(f"{inst.short} is due \u2014 fill it in now")
            label.setObjectName(f"due_{key}")
            label.setToolTip(inst.name)
            button = QPushButton(f"Fill in {inst.short}\u2026")
            button.setObjectName(f"fill_{key}")
            button.clicked.connect(lambda _=False, k=key: self.open(k))
            row.addWidget(label, 1)
            row.addWidget(button)
            self.rows.addLayout(row)
            self.buttons[key] = button
        self.setVisible(bool(due))

    def open(self, key: str) -> int | None:
        from .questionnaire import open_questionnaire

        return open_questionnaire(self.window(), self.ctx, key, self.ctx.today())


def install(page) -> OutcomesDueBanner:
    """Put the banner at index 2 of ``page.body`` and keep it up to date."""
    banner = OutcomesDueBanner(page.ctx)
    page.body.insertWidget(2, banner)
    page.outcomes_due = banner
    page.ctx.journal_changed.connect(banner.refresh)
    banner.refresh()
    return banner
