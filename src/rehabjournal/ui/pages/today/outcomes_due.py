"""The "KOOS is due" banner: the scheduled outcome measures due today.

One row per scheduled outcome measure that is due (never done, or last done at least the
chosen number of days ago), each with a button that opens the questionnaire. It is about
the real today whatever day the page shows, so it also follows every journal change.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ....services import outcomes as svc
from ...context import AppContext
from ..labels import english_original

BANNER_STYLE = (
    "QFrame#outcomesDue { background: palette(alternate-base); border: 1px solid "
    "palette(mid); border-radius: 4px; }"
)


class OutcomesDueSection(QFrame):
    """One row per due outcome measure: "KOOS is due — fill it in now" [Fill in KOOS].

    Attributes:
        due: the instrument keys shown; buttons: {key: its Fill in button}.
    """

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.day: date = ctx.today()
        self.setObjectName("outcomesDue")
        self.setStyleSheet(BANNER_STYLE)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(8, 6, 8, 6)
        self.rows.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        self.due: list[str] = []
        ctx.journal_changed.connect(self._journal_changed)  # a bound method: dropped with it
        self.hide()

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def _journal_changed(self, _day) -> None:
        self.refresh()

    def refresh(self) -> None:
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
            label = QLabel(self.tr("{name} is due \u2014 fill it in now").format(
                name=inst.short))
            label.setObjectName(f"due_{key}")
            label.setToolTip(english_original(inst.name))
            button = QPushButton(self.tr("Fill in {name}\u2026").format(name=inst.short))
            button.setObjectName(f"fill_{key}")
            button.clicked.connect(lambda _=False, k=key: self.open(k))
            row.addWidget(label, 1)
            row.addWidget(button)
            self.rows.addLayout(row)
            self.buttons[key] = button
        self.setVisible(bool(due))

    def open(self, key: str) -> int | None:
        """Open the questionnaire ``key`` for today; the new response's id, or None."""
        from ...questionnaire import open_questionnaire

        return open_questionnaire(self.window(), self.ctx, key, self.ctx.today())
