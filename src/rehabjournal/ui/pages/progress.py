"""Progress page: pain, training load, programme and the patterns behind the flares.

The tabs are declared once, in ``TABS``: each is a :class:`ProgressTab` that builds its
charts the first time it is shown (``build``) and shows the period's data (``show_data``).
Nothing here imports matplotlib at module level: the light strip and the tab bar are built
the first time the page is shown (``activated``), each tab's charts the first time that
tab is shown. A change of the journal refreshes the page only while it is visible;
otherwise the page remembers it is out of date and refreshes when next shown.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import scales
from ...domain.patterns import ASSOCIATION_NOTE, MIN_COUNT, Pattern
from ...domain.summary import COMPLETED, PARTIAL, STATUS_TEXT
from ...services import journal as journal_service
from ...services import outcomes as outcomes_service
from ...services import programme as programme_service
from ...services import progress as progress_service
from ...services.progress import ProgressData
from ...services.summary import MONOTONY_NOTE, fmt_change_pct, fmt_span, fmt_value
from ..banner import Banner
from ..context import AppContext
from ..table_model import ListTableModel

PERIODS: tuple[tuple[str, str], ...] = (
    ("4w", "Last 4 weeks"),
    ("12w", "Last 12 weeks"),
    ("programme", "Since the programme started"),
    ("all", "Whole journal"),
    ("custom", "Custom"),
)
NO_PROGRAMME = "No programme data yet"
_ROOT = QModelIndex()


class PatternModel(ListTableModel):
    """Patterns as rows: what went together, after days with it, after other days."""

    COLUMNS = ("What went together with higher morning pain", "After days with it",
               "After other days")

    def set_patterns(self, patterns: list[Pattern]) -> None:
        self.set_rows(patterns)

    def pattern(self, row: int) -> Pattern:
        return self.rows[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        p = self.row_at(index)
        if p is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return p.headline
            if col == 1:
                return f"{p.exposed_higher} of {p.exposed_days} ({p.exposed_rate:.0%})"
            if col == 2:
                return f"{p.other_higher} of {p.other_days} ({p.other_rate:.0%})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return p.text
        if role == Qt.ItemDataRole.UserRole:
            return p.key
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


ASSESSMENT = scales.FLAG_TIERS[scales.ASSESSMENT]
WEEK_NOTE = (
    f"{MONOTONY_NOTE} A week cut by the period is marked: \u201ccompleted\u201d counts "
    "its days outside the period from the journal; \u201cpartial\u201d has only the "
    "days so far, so no change, monotony or strain."
)
"""Under the Training load tab's weekly table: what monotony and strain are (Foster,
population SD) and what the week marks mean."""


def escalation_html(texts: list[str]) -> str:
    """The "Book an assessment" message of ``texts`` (the summary's escalations), worded
    and marked as on Today ("" when there is none)."""
    if not texts:
        return ""
    return (f"<b>{escape(ASSESSMENT.symbol)} {escape(ASSESSMENT.heading)}.</b><br>"
            + "<br>".join(escape(t) for t in texts))


class WeekLoadModel(QAbstractTableModel):
    """The weekly load figures of a ``ProgressData``, one column per calendar week.

    Rows: load (AU), change from the week before, monotony, strain. The headers name
    the week ("2-8 Mar") and mark a week cut by the period ("completed" or "partial").
    ``UserRole`` gives the unrounded number (None for "-").
    """

    ROWS = ("Load (AU)", "Change on the week before", "Monotony", "Strain")
    STATUS_WORD = {COMPLETED: "completed", PARTIAL: "partial"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.progress: ProgressData | None = None

    def set_data(self, data: ProgressData) -> None:
        self.beginResetModel()
        self.progress = data
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.ROWS)

    def columnCount(self, parent=_ROOT) -> int:
        if parent.isValid() or self.progress is None:
            return 0
        return len(self.progress.weeks)

    def value(self, row: int, col: int) -> float | None:
        d = self.progress
        return (d.week_totals, d.week_change, d.week_monotony, d.week_strain)[row][col]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.progress is None:
            return None
        row, col = index.row(), index.column()
        v = self.value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            if row == 1:
                return fmt_change_pct(v)
            return fmt_value(v, 2 if row == 2 else 0)
        if role == Qt.ItemDataRole.UserRole:
            return v
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.ROWS):
                return self.ROWS[section]
            return None
        d = self.progress
        if d is None or not 0 <= section < len(d.weeks):
            return None
        monday = d.weeks[section]
        status = d.week_status[section] if d.week_status else ""
        if role == Qt.ItemDataRole.DisplayRole:
            word = self.STATUS_WORD.get(status)
            label = fmt_span(monday, monday + timedelta(days=6))
            return f"{label}\n({word})" if word else label
        if role == Qt.ItemDataRole.ToolTipRole:
            return STATUS_TEXT.get(status) or "The whole week is in the period."
        return None


class ProgressTab(QWidget):
    """One tab of the Progress page.

    Subclasses set ``key`` and ``title`` and implement ``build`` (make the widgets and
    charts, once, the first time the tab is shown) and ``show_data`` (show the period's
    data). Charts go into ``page.canvases`` under their names.

    Attributes:
        cheap: True when ``show_data`` only hands data to charts (drawn when shown), so
            the page updates the tab even while it is hidden.
    """

    key = ""
    title = ""
    cheap = False

    def __init__(self, page: ProgressPage):
        super().__init__()
        self.page = page
        self.built = False
        self.setObjectName(f"tab_{self.key}")
        QVBoxLayout(self).setContentsMargins(0, 4, 0, 0)

    def ensure_built(self) -> None:
        if not self.built:
            self.build()
            self.built = True

    def build(self) -> None:
        raise NotImplementedError

    def show_data(self, data: ProgressData) -> None:
        raise NotImplementedError

    def _canvas(self, name: str, chart, accessible: str, height: int, stretch: int = 0):
        from ..chart_canvas import ChartCanvas

        canvas = ChartCanvas(chart, accessible, height)
        self.page.canvases[name] = canvas
        self.layout().addWidget(canvas, stretch)
        return canvas


class PainTab(ProgressTab):
    key, title, cheap = "pain", "Pain", True

    def build(self) -> None:
        from ...charts.pain import PainChart

        self.canvas = self._canvas("pain", PainChart(), "pain", 260)

    def show_data(self, data: ProgressData) -> None:
        self.canvas.chart.update(data)
        self.canvas.request_redraw()


class LoadTab(ProgressTab):
    """The load chart, and under it the weekly figures with monotony and strain (Foster;
    population SD), all from the period summary."""

    key, title, cheap = "load", "Training load", True

    def build(self) -> None:
        from ...charts.load import LoadChart

        self.canvas = self._canvas("load", LoadChart(), "training-load", 330, 1)
        self.weeks_model = WeekLoadModel(self)
        view = self.weeks_view = QTableView()
        view.setObjectName("weekLoad")
        view.setAccessibleName("Weekly load, change, monotony and strain")
        view.setModel(self.weeks_model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.layout().addWidget(view)
        note = self.week_note = QLabel(WEEK_NOTE)
        note.setObjectName("weekNote")
        note.setWordWrap(True)
        self.layout().addWidget(note)

    def show_data(self, data: ProgressData) -> None:
        self.canvas.chart.update(data)
        self.canvas.request_redraw()
        self.weeks_model.set_data(data)
        view = self.weeks_view
        height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        height += sum(view.verticalHeader().sectionSize(r)
                      for r in range(self.weeks_model.rowCount()))
        view.setFixedHeight(height + view.horizontalScrollBar().sizeHint().height())
        # the latest weeks are the ones to read first
        QTimer.singleShot(0, lambda: view.horizontalScrollBar().setValue(
            view.horizontalScrollBar().maximum()))


class ProgrammeTab(ProgressTab):
    """Weekly adherence, and one exercise's progression (chosen below the first chart)."""

    key, title = "programme", "Programme"

    def build(self) -> None:
        from ...charts.adherence import AdherenceChart, ProgressionChart

        self.adherence = self._canvas("programme", AdherenceChart(), "adherence", 160, 1)
        row = QHBoxLayout()
        self.exercise = QComboBox()
        self.exercise.setObjectName("exercise")
        self.exercise.setAccessibleName("Exercise")
        self.exercise.setMinimumContentsLength(24)
        lab = QLabel("Exercise")
        lab.setBuddy(self.exercise)
        row.addWidget(lab)
        row.addWidget(self.exercise)
        row.addStretch(1)
        self.layout().addLayout(row)
        self.progression = self._canvas("progression", ProgressionChart(), "progression",
                                        160, 1)
        self.exercise.currentIndexChanged.connect(self._show_progression)
        self.data: ProgressData | None = None

    def show_data(self, data: ProgressData) -> None:
        self.data = data
        self.adherence.chart.update(programme_service.weekly_adherence(data.start, data.end))
        self.adherence.request_redraw()
        current = self.exercise.currentData()
        self.exercise.blockSignals(True)
        self.exercise.clear()
        exercises = programme_service.exercises_with_logs()
        for ex_id, name in exercises:
            self.exercise.addItem(name, ex_id)
        if not exercises:
            self.exercise.addItem(NO_PROGRAMME, None)
        self.exercise.setEnabled(bool(exercises))
        self.exercise.setCurrentIndex(max(self.exercise.findData(current), 0))
        self.exercise.blockSignals(False)
        self._show_progression()

    def _show_progression(self) -> None:
        ex_id = self.exercise.currentData()
        points, name = [], ""
        if ex_id is not None and self.data is not None:
            points = programme_service.exercise_progression(ex_id, self.data.start,
                                                            self.data.end)
            name = self.exercise.currentText()
        self.progression.chart.update(points, name)
        self.progression.request_redraw()


class OutcomesTab(ProgressTab):
    key, title = "outcomes", "Outcome measures"

    def build(self) -> None:
        from ...charts.outcomes import OutcomesChart

        self.canvas = self._canvas("outcomes", OutcomesChart(), "outcomes", 260, 1)

    def show_data(self, data: ProgressData) -> None:
        self.canvas.chart.update(outcomes_service.series(data.start, data.end))
        self.canvas.request_redraw()


class PatternsTab(ProgressTab):
    """What went together with higher morning pain, as a table (no chart)."""

    key, title = "patterns", "Patterns"

    def build(self) -> None:
        self.model = PatternModel(self)
        self.view = QTableView()
        self.view.setObjectName("patterns")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = QLabel()
        self.detail.setObjectName("patternDetail")
        self.detail.setWordWrap(True)
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.detail.setText(
                self.model.pattern(cur.row()).text if cur.isValid() else ""))
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        note = QLabel(
            f"{ASSOCIATION_NOTE} Higher means at least 1 point above your usual (the "
            "median of the 7 mornings before) on one of the next 3 mornings. A pattern "
            f"is shown once there are at least {MIN_COUNT} days with it and "
            f"{MIN_COUNT} without.")
        note.setWordWrap(True)
        note.setObjectName("patternNote")
        layout = self.layout()
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(note)

    def show_data(self, data: ProgressData) -> None:
        found = progress_service.patterns(data.start, data.end, data.site_id)
        self.model.set_patterns(found)
        self.detail.setText(found[0].text if found else "")
        self.empty.setText(
            "" if found else
            f"Not enough days in this period to say anything yet: a pattern needs at least "
            f"{MIN_COUNT} days with something and {MIN_COUNT} without, each with a morning "
            "pain rating after it.")
        self.empty.setVisible(not found)


# The tabs, in their order on the page.
TABS: tuple[type[ProgressTab], ...] = (PainTab, LoadTab, ProgrammeTab, OutcomesTab,
                                       PatternsTab)


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
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._build_controls()
        ctx.journal_changed.connect(self._journal_changed)
        ctx.programme_changed.connect(lambda: self._journal_changed(None))

    # ---- controls (no matplotlib) -------------------------------------------------------
    def _build_controls(self) -> None:
        bar = QHBoxLayout()
        title = QLabel("<h2>Progress</h2>")
        bar.addWidget(title)
        bar.addStretch(1)
        self.period = QComboBox()
        self.period.setObjectName("period")
        self.period.setAccessibleName("Period")
        for key, text in PERIODS:
            self.period.addItem(text, key)
        self.period.setCurrentIndex(1)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for name, edit in (("from", self.date_from), ("to", self.date_to)):
            edit.setObjectName(f"date_{name}")
            edit.setAccessibleName(f"Period {name}")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setEnabled(False)
        self.site = QComboBox()
        self.site.setObjectName("site")
        self.site.setAccessibleName("Pain site")
        self._fill_sites()
        for label, widget in (("Period", self.period), ("from", self.date_from),
                              ("to", self.date_to), ("Pain site", self.site)):
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
        self.escalation = Banner(ASSESSMENT.colour, "progressEscalation")
        self._layout.addWidget(self.escalation)
        self._set_dates(*self.period_range())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.site.currentIndexChanged.connect(self.schedule_refresh)
        self.loading = QLabel("Preparing charts...")
        self._layout.addWidget(self.loading, 1)

    def _fill_sites(self) -> None:
        current = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem("As logged", None)
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

    def _set_dates(self, start: date, end: date) -> None:
        for edit, d in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(d.year, d.month, d.day))
            edit.blockSignals(False)

    def _period_changed(self) -> None:
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
            self.tabs.addTab(tab, tab.title)
        self._layout.addWidget(self.tabs, 1)
        hint = QLabel("Hover over a chart for the day's values; right-click to save it as "
                      "PNG or SVG.")
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
        start, end = self.period_range()
        self.data = progress_service.progress_data(start, end, self.site.currentData())
        self.period_note.setText(self.data.note)
        self.period_note.setVisible(bool(self.data.note))
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
