"""The red-flag and assessment banners and the pain-monitoring light of the day."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ....domain import light as light_mod
from ....domain import redflags, scales
from ....services import journal as js
from ...context import AppContext
from ...widgets import Banner, LightBadge

LIGHT_LOOKBACK_DAYS = 60


class LightSection(QWidget):
    """Banners (see a clinician, book an assessment) over the traffic light and its advice.

    Attributes:
        result: the ``domain.light`` result shown (colour, advice, reason).
    """

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.day: date = ctx.today()
        self.result = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)  # as the page's own spacing: the banners sit as page items
        self.flag_banner = Banner("#b71c1c", "redFlagBanner")
        self.assess_banner = Banner("#8d6e00", "assessBanner")
        layout.addWidget(self.flag_banner)
        layout.addWidget(self.assess_banner)
        box = QGroupBox("Pain-monitoring light")
        row = QHBoxLayout(box)
        self.badge = LightBadge(34)
        self.advice = QLabel()
        self.advice.setObjectName("lightAdvice")
        self.advice.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setObjectName("lightReason")
        self.reason.setWordWrap(True)
        texts = QVBoxLayout()
        texts.addWidget(self.advice)
        texts.addWidget(self.reason)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        layout.addWidget(box)

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        """Work out the light (today's, or a past day's) and the banners again."""
        day = self.day
        journal = js.load_journal(day - timedelta(days=LIGHT_LOOKBACK_DAYS),
                                  day + timedelta(days=1))
        th = js.thresholds()
        if day == self.ctx.today():
            result = light_mod.today_light(journal, day, th)
        else:
            result = light_mod.day_light(journal, day, th)
        self.result = result
        self.badge.set_colour(result.colour)
        colour = {"green": "Green", "amber": "Amber", "red": "Red"}.get(result.colour or "")
        if colour:
            self.advice.setText(f"<b>{colour}:</b> {result.advice}")
        else:
            self.advice.setText("<b>No light yet.</b> Rate your pain to get one.")
        self.reason.setText(result.reason)
        self._refresh_banners(journal, th)

    def _refresh_banners(self, journal, th) -> None:
        record = journal.get(self.day)
        urgent = [f for f in record.red_flags if scales.is_urgent(f.code)]
        if urgent:
            items = "".join(f"<li>{scales.red_flag_label(f.code)}</li>" for f in urgent)
            self.flag_banner.set_text(
                "<b>See a clinician now.</b> You recorded a red flag today:"
                f"<ul>{items}</ul>Do not train through this. "
                "If you cannot reach your clinician, seek urgent care."
            )
        else:
            self.flag_banner.set_text(None)
        profile = js.get_profile() or {}
        reasons = redflags.assessment_suggestions(journal, self.day, th,
                                                  profile.get("onset_date"))
        if reasons:
            self.assess_banner.set_text(
                "<b>Consider booking an assessment.</b><br>" + "<br>".join(reasons)
            )
        else:
            self.assess_banner.set_text(None)
