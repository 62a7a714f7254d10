"""The morning check-in: pain, stiffness, swelling, sleep, stress, and further pain sites.

"Morning pain" (and a further site's morning pain) is also the next-morning rating of the
day before's sessions at that site: the "This morning" question above edits the same value.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout

from ....domain import scales
from ....services import journal as js
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import (
    FlowLayout,
    NumberField,
    clear_layout,
    errors_below,
    labelled,
    set_combo_data,
)
from ..labels import swelling_text
from .siblings import changed_by_sibling, relink

SLEEP_QUALITY = (
    QT_TRANSLATE_NOOP("CheckinSection", "poor"),
    QT_TRANSLATE_NOOP("CheckinSection", "fair"),
    QT_TRANSLATE_NOOP("CheckinSection", "good"),
    QT_TRANSLATE_NOOP("CheckinSection", "very good"),
    QT_TRANSLATE_NOOP("CheckinSection", "excellent"),
)


class CheckinSection(QGroupBox):
    """The check-in fields of the day; each saves when the user leaves it.

    Attributes:
        fields: {check-in field: NumberField} for the number fields.
        swelling, sleep_quality: the two combo boxes.
        site_fields: {pain site id: morning pain field} of the sites after the first.
        values: the check-in as last read or saved ({field: value}).
    """

    def __init__(self, ctx: AppContext):
        super().__init__(self.tr("Morning check-in"))
        self.ctx = ctx
        self.day: date = ctx.today()
        self.values: dict[str, Any] = {}
        self.site_fields: dict[int, NumberField] = {}
        self.site_values: dict[int, int] = {}
        box = QVBoxLayout(self)
        self.fields: dict[str, NumberField] = {
            "morning_pain": NumberField(self.tr("Morning pain"), 0, 10, placeholder="0-10"),
            "stiffness_min": NumberField(self.tr("Morning stiffness"), 0, 1440,
                                         unit=self.tr("minutes"), placeholder="min"),
            "sleep_hours": NumberField(self.tr("Sleep"), 0, 24, whole=False,
                                       unit=self.tr("hours"), placeholder="h"),
            "stress": NumberField(self.tr("Stress"), 0, 10, placeholder="0-10"),
        }
        self.swelling = QComboBox()
        self.swelling.setAccessibleName(self.tr("Swelling"))
        self.swelling.addItem(self.tr("not rated"), None)
        for grade in scales.SWELLING_GRADES:
            self.swelling.addItem(swelling_text(grade), grade)
        self.sleep_quality = QComboBox()
        self.sleep_quality.setAccessibleName(self.tr("Sleep quality"))
        self.sleep_quality.addItem(self.tr("not rated"), None)
        for value, text in enumerate(SLEEP_QUALITY, 1):
            self.sleep_quality.addItem(
                f"{value} {QCoreApplication.translate('CheckinSection', text)}", value)
        cells = [
            (self.tr("Morning &pain (0-10)"), self.fields["morning_pain"]),
            (self.tr("&Stiffness (min)"), self.fields["stiffness_min"]),
            (self.tr("S&welling"), self.swelling),
            (self.tr("S&leep (hours)"), self.fields["sleep_hours"]),
            (self.tr("Sleep &quality"), self.sleep_quality),
            (self.tr("St&ress (0-10)"), self.fields["stress"]),  # Alt+S is Stiffness
        ]
        # The fields wrap onto a second line on a narrow window instead of being cut off;
        # a refusal shows under them all, as wide as the section.
        row = FlowLayout(spacing=16)
        for text, widget in cells:
            row.addWidget(labelled(text, widget, mnemonic=True))
        box.addLayout(row)
        errors_below(self.fields.values(), box)
        self.site_pain_row = FlowLayout(bottom=True)
        box.addLayout(self.site_pain_row)
        self.site_errors = QVBoxLayout()
        box.addLayout(self.site_errors)
        for key, field in self.fields.items():
            field.committed.connect(lambda v, k=key: self.save_field(k, v))
        self.swelling.activated.connect(
            lambda _i: self.save_field("swelling", self.swelling.currentData()))
        self.sleep_quality.activated.connect(
            lambda _i: self.save_field("sleep_quality", self.sleep_quality.currentData()))
        ctx.journal_changed.connect(self._journal_changed)

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def _journal_changed(self, day) -> None:
        # The "This morning" question writes Morning pain (or a site's morning pain): one
        # value, shown here at once.
        if changed_by_sibling(self, self.ctx, day, self.day):
            self.refresh()

    def refresh(self) -> None:
        self.values = js.get_checkin(self.day) or {}
        for key, field in self.fields.items():
            field.set_value(self.values.get(key))
        set_combo_data(self.swelling, self.values.get("swelling"))
        set_combo_data(self.sleep_quality, self.values.get("sleep_quality"))
        self._refresh_site_pains()

    def _refresh_site_pains(self) -> None:
        clear_layout(self.site_pain_row)
        clear_layout(self.site_errors)
        self.site_fields = {}
        sites = js.list_sites()
        if len(sites) < 2:
            relink(self)
            return
        self.site_values = js.checkin_site_pains(self.day)
        self.site_pain_row.addWidget(QLabel(self.tr("Morning pain elsewhere:")))
        for site in sites[1:]:
            field = NumberField(self.tr("Morning pain ({site})").format(site=site["label"]),
                                0, 10, placeholder="0-10")
            field.set_value(self.site_values.get(site["id"]))
            field.committed.connect(lambda v, s=site["id"]: self.save_site_pain(s, v))
            self.site_pain_row.addWidget(labelled(site["label"], field))
            self.site_fields[site["id"]] = field
        errors_below(self.site_fields.values(), self.site_errors)
        relink(self)

    def save_field(self, key: str, value) -> None:
        """Save one check-in field of the day (the value as typed: None for blank)."""
        old = self.values.get(key)
        if old == value:
            return
        edit = apply_edit(self.ctx, lambda: js.edit_checkin(self.day, {key: value}),
                          fields=self.fields, source=self)
        if edit is None:
            if key in self.fields:
                self.fields[key].commit_failed(old)  # the typed text stays for a retry
            return
        self.values[key] = value

    def save_site_pain(self, site_id: int, value: int | None) -> None:
        """Save a further pain site's morning pain (0-10, None for not rated)."""
        field = self.site_fields[site_id]
        edit = apply_edit(self.ctx, lambda: js.edit_checkin_site_pain(self.day, site_id, value),
                          fields={"morning_pain": field}, source=self)
        if edit is None:
            field.commit_failed(self.site_values.get(site_id))
            return
        self.site_values[site_id] = value
