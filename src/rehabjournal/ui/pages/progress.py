"""Progress page: pain, training load, programme and the patterns behind the flares.

Nothing here imports matplotlib at module level: the charts are built the first time the
page is shown (``activated``), and each tab's chart the first time that tab is shown.
A change of the journal refreshes the page only while it is visible; otherwise the page
remembers it is out of date and refreshes when next shown.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
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

from ...domain.patterns import ASSOCIATION_NOTE, MIN_COUNT, Pattern
from ...services import journal as journal_service
from ...services import progress as progress_service
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


def _programme_api():
    """``services.programme`` when it exists (written by another feature), else None."""
    try:
        from ...services import programme
    except ImportError:
        return None
    needed = ("weekly_adherence", "exercise_progression", "exercises_with_logs")
    return programme if all(hasattr(programme, n) for n in needed) else None


class ProgressPage(QWidget):
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

        self.ChartCanvas = ChartCanvas
        self._layout.removeWidget(self.loading)
        self.loading.deleteLater()
        self.strip = ChartCanvas(LightStripChart(figsize=(8, 1.0)), "pain-lights", 80)
        self.strip.setMaximumHeight(100)
        self.strip.setToolTip("")
        self._layout.addWidget(self.strip)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("progressTabs")
        self.tab_pages: dict[str, QWidget] = {}
        for key, text in (("pain", "Pain"), ("load", "Training load"),
                          ("programme", "Programme"), ("outcomes", "Outcome measures"),
                          ("patterns", "Patterns")):
            page = QWidget()
            page.setObjectName(f"tab_{key}")
            QVBoxLayout(page).setContentsMargins(0, 4, 0, 0)
            self.tab_pages[key] = page
            self.tabs.addTab(page, text)
        self._layout.addWidget(self.tabs, 1)
        hint = QLabel("Hover over a chart for the day's values; right-click to save it as "
                      "PNG or SVG.")
        hint.setObjectName("hint")
        self._layout.addWidget(hint)
        self.built = True
        self._build_tab("pain")
        self.tabs.currentChanged.connect(self._tab_changed)

    def _build_tab(self, key: str) -> None:
        """Build the charts of one tab (once)."""
        if key in self.canvases or (key == "patterns" and hasattr(self, "pattern_view")):
            return
        page = self.tab_pages[key]
        layout = page.layout()
        ChartCanvas = self.ChartCanvas
        if key == "pain":
            from ...charts.pain import PainChart

            self.canvases["pain"] = ChartCanvas(PainChart(), "pain", 260)
            layout.addWidget(self.canvases["pain"])
        elif key == "load":
            from ...charts.load import LoadChart

            self.canvases["load"] = ChartCanvas(LoadChart(), "training-load", 380)
            layout.addWidget(self.canvases["load"])
        elif key == "programme":
            from ...charts.adherence import AdherenceChart, ProgressionChart

            self.canvases["programme"] = ChartCanvas(AdherenceChart(), "adherence", 160)
            layout.addWidget(self.canvases["programme"], 1)
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
            layout.addLayout(row)
            self.canvases["progression"] = ChartCanvas(ProgressionChart(), "progression", 160)
            layout.addWidget(self.canvases["progression"], 1)
            self.exercise.currentIndexChanged.connect(self._update_progression)
        elif key == "outcomes":
            from ...charts.outcomes import OutcomesChart

            self.canvases["outcomes"] = ChartCanvas(OutcomesChart(), "outcomes", 260)
            layout.addWidget(self.canvases["outcomes"], 1)
        elif key == "patterns":
            self.pattern_model = PatternModel(self)
            self.pattern_view = QTableView()
            self.pattern_view.setObjectName("patterns")
            self.pattern_view.setModel(self.pattern_model)
            self.pattern_view.setWordWrap(True)
            self.pattern_view.verticalHeader().hide()
            self.pattern_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            header = self.pattern_view.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for col in (1, 2):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            self.pattern_detail = QLabel()
            self.pattern_detail.setObjectName("patternDetail")
            self.pattern_detail.setWordWrap(True)
            self.pattern_view.selectionModel().currentRowChanged.connect(
                lambda cur, _prev: self.pattern_detail.setText(
                    self.pattern_model.pattern(cur.row()).text if cur.isValid() else ""))
            self.pattern_empty = QLabel()
            self.pattern_empty.setWordWrap(True)
            note = QLabel(
                f"{ASSOCIATION_NOTE} Higher means at least 1 point above your usual (the "
                "median of the 7 mornings before) on one of the next 3 mornings. A pattern "
                f"is shown once there are at least {MIN_COUNT} days with it and "
                f"{MIN_COUNT} without.")
            note.setWordWrap(True)
            note.setObjectName("patternNote")
            layout.addWidget(self.pattern_empty)
            layout.addWidget(self.pattern_view, 1)
            layout.addWidget(self.pattern_detail)
            layout.addWidget(note)
        self._tab_dirty.add(key)

    def _tab_changed(self, index: int) -> None:
        key = list(self.tab_pages)[index]
        self._build_tab(key)
        self._update_tab(key)

    def current_tab(self) -> str:
        return list(self.tab_pages)[self.tabs.currentIndex()]

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
        self.strip.chart.update(self.data)
        self.strip.request_redraw()
        self._tab_dirty = set(self.tab_pages)
        self._update_tab(self.current_tab())
        # charts of hidden tabs take the new data now (cheap); they draw when shown
        for key in ("pain", "load"):
            if key in self.canvases and key in self._tab_dirty:
                self._update_tab(key)

    def _update_tab(self, key: str) -> None:
        if key not in self._tab_dirty or self.data is None:
            return
        self._tab_dirty.discard(key)
        if key in ("pain", "load") and key in self.canvases:
            canvas = self.canvases[key]
            canvas.chart.update(self.data)
            canvas.request_redraw()
        elif key == "programme" and "programme" in self.canvases:
            self._update_programme()
        elif key == "outcomes" and "outcomes" in self.canvases:
            from ...services import outcomes as outcomes_service

            canvas = self.canvases["outcomes"]
            canvas.chart.update(outcomes_service.series(self.data.start, self.data.end))
            canvas.request_redraw()
        elif key == "patterns" and hasattr(self, "pattern_view"):
            self._update_patterns()
        else:
            self._tab_dirty.add(key)

    def _update_programme(self) -> None:
        api = _programme_api()
        canvas = self.canvases["programme"]
        weeks = api.weekly_adherence(self.data.start, self.data.end) if api else []
        canvas.chart.update(weeks)
        canvas.request_redraw()
        current = self.exercise.currentData()
        self.exercise.blockSignals(True)
        self.exercise.clear()
        exercises = api.exercises_with_logs() if api else []
        for ex_id, name in exercises:
            self.exercise.addItem(name, ex_id)
        if not exercises:
            self.exercise.addItem(NO_PROGRAMME, None)
        self.exercise.setEnabled(bool(exercises))
        i = self.exercise.findData(current)
        self.exercise.setCurrentIndex(max(i, 0))
        self.exercise.blockSignals(False)
        self._update_progression()

    def _update_progression(self) -> None:
        api = _programme_api()
        ex_id = self.exercise.currentData()
        points = []
        if api is not None and ex_id is not None:
            points = api.exercise_progression(ex_id, self.data.start, self.data.end)
        name = self.exercise.currentText() if ex_id is not None else ""
        canvas = self.canvases["progression"]
        canvas.chart.update(points, name)
        canvas.request_redraw()

    def _update_patterns(self) -> None:
        found = progress_service.patterns(self.data.start, self.data.end,
                                          self.site.currentData())
        self.pattern_model.set_patterns(found)
        self.pattern_detail.setText(found[0].text if found else "")
        self.pattern_empty.setText(
            "" if found else
            f"Not enough days in this period to say anything yet: a pattern needs at least "
            f"{MIN_COUNT} days with something and {MIN_COUNT} without, each with a morning "
            "pain rating after it.")
        self.pattern_empty.setVisible(not found)


def create(ctx: AppContext) -> ProgressPage:
    return ProgressPage(ctx)
