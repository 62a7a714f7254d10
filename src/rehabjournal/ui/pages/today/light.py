"""The red-flag banners and the pain-monitoring light of the day.

Two banners, one per red-flag tier (``domain.scales.FLAG_TIERS``), each with the tier's
heading, colour and symbol: "! See a clinician now" for urgent flags recorded on the day
(or the day before), and "? Book an assessment" for the reasons of
``domain.redflags.escalations`` (a recorded night-pain or "pop" flag, worse despite
reduced load, no improvement). Below them, the light (``domain.light``): its badge, the
advice line ("Green: Keep going at this level ...") and the reason. Every text comes
from the domain, so the Programme's advice and the PDF say the same: the light is given
with the banner's escalations (``domain.light.today_light(..., escalations)``, as
``domain.redflags.advice`` does), so a full green week says "book an assessment before
progressing" rather than "progress one step" while the assessment banner shows.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape as _escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .... import i18n
from ....domain import light as light_mod
from ....domain import redflags, scales
from ....domain.entities import Journal
from ....services import journal as js
from ...context import AppContext
from ...widgets import Banner, LightBadge

LIGHT_LOOKBACK_DAYS = 60
"""Days read before the shown day: the light needs 35 (a full green week of days with
their trends and baselines); the assessment flags 28."""
FIRST_WEEK_CHUNK_DAYS = 28
"""Days read at a time when looking for the first rated week (the "no improvement" rule)."""

URGENT = scales.FLAG_TIERS[scales.URGENT]
ASSESSMENT = scales.FLAG_TIERS[scales.ASSESSMENT]


def escalation_journal(day: date, onset: date | None) -> Journal:
    """The journal ``domain.redflags.escalations`` needs as of ``day``.

    The ``LIGHT_LOOKBACK_DAYS`` before ``day`` (and the day after), plus the first days
    with a morning rating on or after ``onset`` (the journal's first entry when there is
    no onset): "no improvement" compares with them, so Today gives the same text as the
    PDF, which reads the whole journal.
    """
    recent_start = day - timedelta(days=LIGHT_LOOKBACK_DAYS)
    journal = js.load_journal(recent_start, day + timedelta(days=1))
    if onset is None:
        from ....services.report import journal_span

        span = journal_span()
        onset = span[0] if span else None
    cursor = onset
    while cursor is not None and cursor < recent_start:
        end = min(cursor + timedelta(days=FIRST_WEEK_CHUNK_DAYS - 1), recent_start)
        part = js.load_journal(cursor, end)
        if any(r.morning_pain is not None for r in part.days.values()):
            return Journal({**part.days, **journal.days})
        cursor = end + timedelta(days=1)
    return journal


def escape(text: str) -> str:
    """``text`` for a rich-text label (``<`` and ``&`` escaped; quotes stay as typed)."""
    return _escape(text, quote=False)


def _tier_heading(tier: scales.FlagTier) -> str:
    return f"<b>{escape(tier.symbol)} {escape(tier.heading)}.</b>"


class LightSection(QWidget):
    """Banners (see a clinician now, book an assessment) over the traffic light and its advice.

    Attributes:
        result: the ``domain.light.Light`` shown (colour, advice, reason).
        escalations: the ``domain.redflags.Escalation`` list of the assessment banner.
    """

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.day: date = ctx.today()
        self.result: light_mod.Light | None = None
        self.escalations: list[redflags.Escalation] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)  # as the page's own spacing: the banners sit as page items
        self.flag_banner = Banner(URGENT.colour, "redFlagBanner")
        self.assess_banner = Banner(ASSESSMENT.colour, "assessBanner")
        layout.addWidget(self.flag_banner)
        layout.addWidget(self.assess_banner)
        box = QGroupBox(self.tr("Pain-monitoring light"))
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
        profile = js.get_profile() or {}
        onset = profile.get("onset_date")
        if isinstance(onset, str):
            onset = date.fromisoformat(onset) if onset else None
        journal = escalation_journal(day, onset)
        th = js.thresholds()
        # the reasons to book an assessment hold a "progress one step" (one advice with
        # the Programme, Progress and the PDF: domain.redflags.advice)
        self.escalations = redflags.escalations(journal, day, th, onset)
        if day == self.ctx.today():
            result = light_mod.today_light(journal, day, th, self.escalations)
        else:
            result = light_mod.day_light(journal, day, th, self.escalations)
        self.result = result
        self.badge.set_colour(result.colour)
        if result.status == light_mod.WAITING:
            self.badge.setAccessibleName(
                self.tr("light: {state}").format(state=i18n._(light_mod.WAITING_LABEL)))
        if result.status is None and not result.red_flag:
            self.advice.setText(self.tr("<b>No light yet.</b> Rate your pain to get one."))
        else:
            symbol = scales.FLAG_TIERS[result.flag_tier].symbol + " " if result.flag_tier else ""
            self.advice.setText(self.tr("<b>{heading}:</b> {advice}").format(
                heading=escape(symbol + result.heading), advice=escape(result.advice)))
        self.reason.setText(result.reason)
        self._refresh_banners(journal)

    def _refresh_banners(self, journal: Journal) -> None:
        days = (self.day - timedelta(days=1), self.day)
        urgent = [f for d in days for f in journal.get(d).red_flags
                  if scales.flag_tier(f.code) == scales.URGENT]
        if urgent:
            items = "".join(
                f"<li>{escape(scales.red_flag_label(f.code))}"
                + (f" ({light_mod.fmt_day(f.day)})" if f.day != self.day else "")
                + "</li>"
                for f in urgent
            )
            today = self.day == self.ctx.today()
            if all(f.day != self.day for f in urgent):
                text = (self.tr("{heading} You recorded a red flag yesterday:{items}{advice}")
                        if today else
                        self.tr("{heading} You recorded a red flag the day before:"
                                "{items}{advice}"))
            else:
                text = (self.tr("{heading} You recorded a red flag today:{items}{advice}")
                        if today else
                        self.tr("{heading} You recorded a red flag on this day:"
                                "{items}{advice}"))
            self.flag_banner.set_text(text.format(heading=_tier_heading(URGENT),
                                                  items=f"<ul>{items}</ul>",
                                                  advice=escape(URGENT.advice)))
        else:
            self.flag_banner.set_text(None)
        if self.escalations:
            self.assess_banner.set_text(
                f"{_tier_heading(ASSESSMENT)}<br>"
                + "<br>".join(escape(e.text) for e in self.escalations)
            )
        else:
            self.assess_banner.set_text(None)
