""""How is the knee this morning?": the next-morning rating of the previous day's sessions."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from ....services import journal as js
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import NumberField, clear_layout


class NextMorningSection(QGroupBox):
    """One question per session of the day before; hidden when there was none.

    Attributes:
        fields: {session id: its next-morning pain field}.
    """

    def __init__(self, ctx: AppContext):
        super().__init__("This morning")
        self.ctx = ctx
        self.day: date = ctx.today()
        self.setObjectName("nextMorningBox")
        self.rows = QVBoxLayout(self)
        self.fields: dict[int, NumberField] = {}
        self.ratings: dict[int, int | None] = {}

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.rows)
        yesterday = self.day - timedelta(days=1)
        sessions = js.list_sessions(yesterday)
        self.fields, self.ratings = {}, {}
        if not sessions:
            self.hide()
            return
        self.show()
        joint = (js.get_profile() or {}).get("joint") or "joint"
        when = "yesterday's" if self.day == self.ctx.today() else f"{yesterday:%a %d %b}'s"
        for s in sessions:
            row = QHBoxLayout()
            question = QLabel(f"How is the {joint} this morning after {when} {s['kind']} "
                              f"({s['minutes']} min)?")
            question.setObjectName("nextMorningQuestion")
            field = NumberField("Next-morning pain", 0, 10, placeholder="0-10")
            field.set_value(s["next_morning_pain"])
            field.committed.connect(lambda v, sid=s["id"]: self.save(sid, v))
            status = QLabel("waiting for your rating" if s["next_morning_pain"] is None
                            else "rated")
            row.addWidget(question)
            row.addWidget(field)
            row.addWidget(status)
            row.addStretch(1)
            self.rows.addLayout(row)
            self.fields[s["id"]] = field
            self.ratings[s["id"]] = s["next_morning_pain"]

    def save(self, session_id: int, value: int | None) -> None:
        """Save the next-morning rating of a session (0-10, None for not rated)."""
        field = self.fields[session_id]
        edit = apply_edit(self.ctx,
                          lambda: js.edit_session(session_id, {"next_morning_pain": value}),
                          fields={"next_morning_pain": field}, source=self)
        if edit is None:
            field.commit_failed(self.ratings.get(session_id))
        else:
            self.ratings[session_id] = value
