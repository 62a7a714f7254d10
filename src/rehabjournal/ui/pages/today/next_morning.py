""""How is the knee this morning?": the next-morning rating of the previous day's sessions.

One question per pain site that had sessions the day before. The answer is not a number of
its own: it is this morning's pain at that site (schema 4), the check-in's "Morning pain"
for the main site or the site's morning pain for another, so the two always show the
same number and there is no way to keep two different ones (docs/journal.md).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from .... import i18n
from ....services import journal as js
from ... import i18n as ui_i18n
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import NumberField, clear_layout, format_when
from .sessions import kind_text
from .siblings import changed_by_sibling, relink

WAITING = QT_TRANSLATE_NOOP("NextMorningSection", "waiting for your rating")
RATED = QT_TRANSLATE_NOOP("NextMorningSection", "rated")


def _status(text: str) -> str:
    return QCoreApplication.translate("NextMorningSection", text)


def _activities(sessions: list[dict]) -> str:
    """"run (30 min) and rehab exercises (10 min)", in the UI's language."""
    return i18n.join_list([f"{kind_text(s['kind'])} ({s['minutes']} min)" for s in sessions])


class NextMorningSection(QGroupBox):
    """One question per pain site of the day before's sessions; hidden when there was none.

    Attributes:
        fields: {pain site id (None without pain sites): its rating field}.
        statuses: {pain site id: the "rated" / "waiting for your rating" label}.
        ratings: {pain site id: the value as last read or saved}.
    """

    def __init__(self, ctx: AppContext):
        super().__init__(self.tr("This morning"))
        self.ctx = ctx
        self.day: date = ctx.today()
        self.setObjectName("nextMorningBox")
        self.rows = QVBoxLayout(self)
        self.fields: dict[int | None, NumberField] = {}
        self.statuses: dict[int | None, QLabel] = {}
        self.ratings: dict[int | None, int | None] = {}
        ctx.journal_changed.connect(self._journal_changed)

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def _journal_changed(self, day) -> None:
        if changed_by_sibling(self, self.ctx, day, self.day):
            self.refresh()  # "Morning pain" was changed in the check-in

    def refresh(self) -> None:
        clear_layout(self.rows)
        questions = js.next_morning_questions(self.day)
        self.fields, self.statuses, self.ratings = {}, {}, {}
        if not questions:
            self.hide()
            return
        self.show()
        yesterday = self.day - timedelta(days=1)
        today = self.day == self.ctx.today()
        when = format_when(yesterday, "ddd dd MMM", ui_i18n.date_pattern("weekday_day_month"))
        for q in questions:
            row = QHBoxLayout()
            text = (self.tr("How is the {site} this morning after yesterday's {activities}?")
                    if today else
                    self.tr("How is the {site} this morning after {day}'s {activities}?"))
            question = QLabel(text.format(site=q["name"], day=when,
                                          activities=_activities(q["sessions"])))
            question.setObjectName("nextMorningQuestion")
            question.setWordWrap(True)
            label = (self.tr("Morning pain") if q["main"] else
                     self.tr("Morning pain ({site})").format(site=q["label"]))
            field = NumberField(label, 0, 10, placeholder="0-10")
            field.set_value(q["value"])
            field.edit.setAccessibleName(self.tr("This morning: {field}").format(field=label))
            field.setToolTip(
                self.tr("This is this morning's pain at that site: the same number as "
                        "Morning pain in the check-in.") if q["main"] else
                self.tr("This is this morning's pain at that site: the same number as the "
                        "check-in's morning pain of the {site}.").format(site=q["label"]))
            field.committed.connect(lambda v, site=q["site"]: self.save(site, v))
            status = QLabel(_status(WAITING if q["value"] is None else RATED))
            status.setObjectName("nextMorningStatus")
            # Alt+M reaches the (first) rating; the field also comes first in the Tab order
            buddy = QLabel(self.tr("This &morning (0-10)") if not self.fields else
                           self.tr("This morning"))
            buddy.setObjectName("nextMorningLabel")
            buddy.setBuddy(field.edit)
            row.addWidget(question, 1)
            row.addWidget(buddy)
            row.addWidget(field)
            row.addWidget(status)
            self.rows.addLayout(row)
            self.fields[q["site"]] = field
            self.statuses[q["site"]] = status
            self.ratings[q["site"]] = q["value"]
        relink(self)

    def save(self, site_id: int | None, value: int | None) -> None:
        """Rate this morning's pain at ``site_id`` (0-10, None for not rated)."""
        field = self.fields[site_id]
        if value == self.ratings.get(site_id):
            return
        edit = apply_edit(self.ctx, lambda: js.edit_next_morning(self.day, site_id, value),
                          fields={"morning_pain": field}, source=self)
        if edit is None:
            field.commit_failed(self.ratings.get(site_id))
            return
        self.ratings[site_id] = value
        self.statuses[site_id].setText(_status(WAITING if value is None else RATED))
