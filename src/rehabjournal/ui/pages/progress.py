"""Progress page: pain, training load, programme and the patterns behind the flares.

The tabs are declared once, in ``TABS``: each is a :class:`ProgressTab` that builds its
charts the first time it is shown (``build``) and shows the period's data (``show_data``).
Nothing here imports matplotlib at module level: the light strip and the tab bar are built
the first time the page is shown (``activated``), each tab's charts the first time that
tab is shown. A change of the journal refreshes the page only while it is visible;
otherwise the page remembers it is out of date and refreshes when next shown.

Until the person picks a period, the page shows ``services.progress.default_period``: the
last 12 weeks, or "Whole journal" while the journal is younger than that (its first week
fills the charts); each refresh picks again, so the default follows the journal as it grows.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import journal as journal_service
from ...services import progress as progress_service
from .. import i18n as ui_i18n
from ..banner import Banner
from ..context import AppContext
from ..widgets import ui_locale
from .progress_tabs import (  # noqa: F401 - TABS and the models are used from here
    ASSESSMENT,
    NO_PROGRAMME,
    TABS,
    PatternModel,
    ProgressTab,
    WeekLoadModel,
    advice_html,
    escalation_html,
    week_note,
)

PERIODS: tuple[tuple[str, str], ...] = (
    ("4w", QT_TRANSLATE_NOOP("ProgressPage", "Last 4 weeks")),
    ("12w", QT_TRANSLATE_NOOP("ProgressPage", "Last 12 weeks")),
    ("programme", QT_TRANSLATE_NOOP("ProgressPage", "Since the programme started")),
    ("all", QT_TRANSLATE_NOOP("ProgressPage", "Whole journal")),
    ("custom", QT_TRANSLATE_NOOP("ProgressPage", "Custom")),
)
class ProgressPage(QWidget):
    """The period and pain-site choice, the light strip, and the tabs of ``TABS``."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.built = False
        self.dirty = True
        self.data = None
        self.refresh_count = 0
        self.canvases: dict = {}
        self._tab_dirty: set[str] = set()
        self.period_chosen = False
        """True once the person picked a period (the default no longer applies)."""
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._build_controls()
        ctx.journal_changed.connect(self._journal_changed)
        # bound methods, not lambdas: Qt drops the connection when the page is deleted
        ctx.programme_changed.connect(self._programme_changed)
        ctx.day_changed.connect(self._day_changed)  # midnight

    # ---- controls (no matplotlib) -------------------------------------------------------
    def _build_controls(self) -> None:
        bar = QHBoxLayout()
        title = QLabel("<h2>" + self.tr("Progress") + "</h2>")
        bar.addWidget(title)
        bar.addStretch(1)
        self.period = QComboBox()
        self.period.setObjectName("period")
        self.period.setAccessibleName(self.tr("Period"))
        for key, text in PERIODS:
            self.period.addItem(QCoreApplication.translate("ProgressPage", text), key)
        self.period.setCurrentIndex(self.period.findData(self.default_period_key()))
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for name, edit, accessible in (("from", self.date_from, self.tr("Period from")),
                                       ("to", self.date_to, self.tr("Period to"))):
            edit.setObjectName(f"date_{name}")
            edit.setAccessibleName(accessible)
            edit.setCalendarPopup(True)
            edit.setLocale(ui_locale())  # month names in the UI's language
            edit.setDisplayFormat(ui_i18n.date_pattern("date"))
            edit.setEnabled(False)
        self.site = QComboBox()
        self.site.setObjectName("site")
        self.site.setAccessibleName(self.tr("Pain site"))
        self._fill_sites()
        for label, widget in ((self.tr("Period"), self.period),
                              (self.tr("from"), self.date_from),
                              (self.tr("to"), self.date_to), (self.tr("Pain site"), self.site)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            bar.addWidget(lab)
            bar.addWidget(widget)
        self._layout.addLayout(bar)
        self.period_note = QLabel()
        self.period_note.setObjectName("periodNote")
        self.period_note.setWordWrap(True)
        self.period_note.hide()
        self._layout.addWidget(self.period_note)
        # the advice as of the period's last day (its last day with data when the last
        # days are empty): the same verdict as Today's light, the Programme's advice and
        # the PDF's page one (domain.redflags.advice, via the period summary)
        # one line whatever its length (the reason is its tooltip), so that a new period's
        # advice never changes the charts' height (that would draw them twice)
        self.advice = QLabel()
        self.advice.setObjectName("progressAdvice")
        self.advice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.advice.hide()
        self._layout.addWidget(self.advice)
        self.escalation = Banner(ASSESSMENT.colour, "progressEscalation")
        self._layout.addWidget(self.escalation)
        self._set_dates(*self.period_range())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.site.currentIndexChanged.connect(self.schedule_refresh)
        self.loading = QLabel(self.tr("Preparing charts..."))
        self._layout.addWidget(self.loading, 1)

    def _fill_sites(self) -> None:
        current = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(self.tr("As logged"), None)
        for s in journal_service.list_sites():
            self.site.addItem(s["label"], s["id"])
        i = self.site.findData(current)
        self.site.setCurrentIndex(max(i, 0))
        self.site.blockSignals(False)

    def period_range(self) -> tuple[date, date]:
        """The first and last day of the chosen period."""
        today = self.ctx.today()
        key = self.period.currentData()
        if key == "4w":
            return today - timedelta(days=27), today
        if key == "programme":
            start = progress_service.programme_start()
            return (min(start, today) if start else today - timedelta(days=83)), today
        if key == "all":
            first = progress_service.journal_first_day()
            return (min(first, today) if first else today - timedelta(days=83)), today
        if key == "custom":
            a, b = self.date_from.date().toPython(), self.date_to.date().toPython()
            return (a, b) if a <= b else (b, a)
        return today - timedelta(days=83), today

    def default_period_key(self) -> str:
        """"12w", or "all" while the journal's data spans less than the last 12 weeks."""
        today = self.ctx.today()
        start, _end = progress_service.default_period(today,
                                                      progress_service.journal_first_day())
        last_12 = today - timedelta(days=7 * progress_service.DEFAULT_WEEKS - 1)
        return "all" if start > last_12 else "12w"

    def _apply_default_period(self) -> None:
        """Show the default period unless the person picked one (no refresh of its own)."""
        if self.period_chosen:
            return
        i = self.period.findData(self.default_period_key())
        if i != self.period.currentIndex():
            self.period.blockSignals(True)
            self.period.setCurrentIndex(i)
            self.period.blockSignals(False)
        self._set_dates(*self.period_range())

    def _set_dates(self, start: date, end: date) -> None:
        for edit, d in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(d.year, d.month, d.day))
            edit.blockSignals(False)

    def _period_changed(self) -> None:
        self.period_chosen = True  # the default is set with the signals blocked
        custom = self.period.currentData() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            self._set_dates(*self.period_range())
        self.schedule_refresh()

    def _dates_edited(self) -> None:
        if self.period.currentData() == "custom":
            self.schedule_refresh()

    def set_period(self, start: date, end: date) -> None:
        """Show a custom period (one refresh)."""
        self.period_chosen = True
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData("custom"))
        self.period.blockSignals(False)
        self.date_from.setEnabled(True)
        self.date_to.setEnabled(True)
        self._set_dates(start, end)
        self.schedule_refresh()

    # ---- charts (matplotlib from here on) ----------------------------------------------
    def _build_charts(self) -> None:
        from ...charts.lights import LightStripChart
        from ..chart_canvas import ChartCanvas

        self._layout.removeWidget(self.loading)
        self.loading.deleteLater()
        self.strip = ChartCanvas(LightStripChart(figsize=(8, 1.0)), "pain-lights", 80)
        self.strip.setMaximumHeight(100)
        self.strip.setToolTip("")
        self._layout.addWidget(self.strip)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("progressTabs")
        self.tab_pages: dict[str, ProgressTab] = {}
        for tab_class in TABS:
            tab = tab_class(self)
            self.tab_pages[tab.key] = tab
            self.tabs.addTab(tab, QCoreApplication.translate("ProgressTab", tab.title))
        self._layout.addWidget(self.tabs, 1)
        hint = QLabel(self.tr("Hover over a chart for the day's values; right-click to save "
                              "it as PNG or SVG."))
        hint.setObjectName("hint")
        self._layout.addWidget(hint)
        self.built = True
        self.tab_pages[TABS[0].key].ensure_built()
        self.tabs.currentChanged.connect(self._tab_changed)

    def tab(self, key: str) -> ProgressTab:
        """The tab for ``key`` (one of ``TABS``' keys); only once the page is built."""
        return self.tab_pages[key]

    def _tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        tab.ensure_built()
        self._update_tab(tab)

    def current_tab(self) -> str:
        """The key of the tab shown."""
        return self.tabs.currentWidget().key

    # ---- refreshing -------------------------------------------------------------------
    def activated(self) -> None:
        """Called by the main window each time the page is shown."""
        if not self.built:
            self._build_charts()
        if self.dirty:
            self._fill_sites()
            if self.period.currentData() != "custom":
                self._set_dates(*self.period_range())
            self.refresh()

    def _programme_changed(self) -> None:
        self._journal_changed(None)

    def _day_changed(self, _new, _old) -> None:
        self._journal_changed(None)

    def _journal_changed(self, _day=None) -> None:
        if self.built and self.isVisible():
            self.schedule_refresh()
        else:
            self.dirty = True

    def schedule_refresh(self) -> None:
        """Refresh once the current burst of changes is over."""
        if not self.built:
            self.dirty = True
            return
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Read the period's data and update every built chart (hidden ones draw later)."""
        self._refresh_timer.stop()
        self.dirty = False
        self.refresh_count += 1
        self._apply_default_period()
        start, end = self.period_range()
        self.data = progress_service.progress_data(start, end, self.site.currentData())
        self.period_note.setText(self.data.note)
        self.period_note.setVisible(bool(self.data.note))
        verdict = self.data.summary.verdict if self.data.summary is not None else None
        self.advice.setText(advice_html(self.data.summary))
        self.advice.setToolTip(verdict.reason if verdict is not None else "")
        self.advice.setVisible(bool(self.advice.text()))
        self.escalation.set_text(escalation_html(self.data.escalations))
        self.strip.chart.update(self.data)
        self.strip.request_redraw()
        self._tab_dirty = set(self.tab_pages)
        self._update_tab(self.tabs.currentWidget())
        # cheap tabs take the new data now, hidden or not; they draw when shown
        for tab in self.tab_pages.values():
            if tab.cheap:
                self._update_tab(tab)

    def _update_tab(self, tab: ProgressTab) -> None:
        if tab.key not in self._tab_dirty or self.data is None or not tab.built:
            return
        self._tab_dirty.discard(tab.key)
        tab.show_data(self.data)


def create(ctx: AppContext) -> ProgressPage:
    """The Progress page (charts built when first shown)."""
    return ProgressPage(ctx)
