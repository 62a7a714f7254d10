"""The Progress page's tabs and table models (pain, load, programme, outcomes, patterns).

Declared once, in ``TABS``, which ``ui/pages/progress.py`` builds in order: each tab is a
:class:`ProgressTab` that builds its charts the first time it is shown (``build``) and
shows the period's data (``show_data``). Split from the page to keep each module short.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...domain import adherence as da
from ...domain import scales
from ...domain.flares import ASSOCIATION_NOTE
from ...domain.summary import COMPLETED, PARTIAL, STATUS_TEXT
from ...services import outcomes as outcomes_service
from ...services import pattern_text as pt
from ...services import patterns as patterns_service
from ...services import programme as programme_service
from ...services import progress as progress_service
from ...services.progress import ProgressData
from ...services.summary import (
    MONOTONY_NOTE,
    adherence_weeks,
    fmt_adherence,
    fmt_change_pct,
    fmt_span,
    fmt_value,
    period_adherence_days,
    unrated_mark,
)
from ..table_model import ListTableModel
from ..widgets import fmt_date

if TYPE_CHECKING:
    from .progress import ProgressPage

NO_PROGRAMME = QT_TRANSLATE_NOOP("ProgrammeTab", "No programme data yet")
NOTHING_LOGGED = QT_TRANSLATE_NOOP("ProgrammeTab", "Nothing logged yet")
NOTHING_LOGGED_HINT = QT_TRANSLATE_NOOP(
    "ProgrammeTab", "Nothing logged yet: mark an exercise done on Today and its progression "
    "shows here")
_ROOT = QModelIndex()


class PatternModel(ListTableModel):
    """The findings of a ``PatternReport`` as rows (the cards of the Patterns tab are made
    from them): what often came before a flare, the counts, the risk ratio.

    ``UserRole``: the finding's factor key; ``ToolTipRole``: its figures in one sentence.
    """

    COLUMNS = (QT_TRANSLATE_NOOP("PatternModel", "What often came before a flare"),
               QT_TRANSLATE_NOOP("PatternModel", "After days with it"),
               QT_TRANSLATE_NOOP("PatternModel", "After other days"),
               QT_TRANSLATE_NOOP("PatternModel", "Risk ratio (95 % CI)"))

    def column_title(self, section: int) -> str:
        return QCoreApplication.translate("PatternModel", self.COLUMNS[section])

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparisons = 0

    def set_report(self, report) -> None:
        self.comparisons = report.comparisons if report is not None else 0
        self.set_rows(list(report.findings) if report is not None else [])

    def finding(self, row: int):
        return self.rows[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        f = self.row_at(index)
        if f is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f.text
            if col in (1, 2):
                part, total = (f.a, f.a + f.b) if col == 1 else (f.c, f.c + f.d)
                return self.tr("{part} of {total} ({percent})").format(
                    part=part, total=total, percent=pt.percent(part, total))
            return self.tr("{ratio} ({low} to {high})").format(
                ratio=pt.fmt_ratio(f.risk_ratio), low=pt.fmt_ratio(f.ci_low),
                high=pt.fmt_ratio(f.ci_high))
        if role == Qt.ItemDataRole.ToolTipRole:
            return pt.figures_text(f, self.comparisons)
        if role == Qt.ItemDataRole.UserRole:
            return f"{f.factor}@{f.lag}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ExerciseAdherenceModel(ListTableModel):
    """Per exercise of the programme, its days done against its days due over the
    period (``domain.adherence.ExerciseAdherence`` rows; ``UserRole``: the exercise id)."""

    COLUMNS = (QT_TRANSLATE_NOOP("ExerciseAdherenceModel", "Exercise"),
               QT_TRANSLATE_NOOP("ExerciseAdherenceModel", "Days done"),
               QT_TRANSLATE_NOOP("ExerciseAdherenceModel", "% done"),
               QT_TRANSLATE_NOOP("ExerciseAdherenceModel", "Of them partial"),
               QT_TRANSLATE_NOOP("ExerciseAdherenceModel", "Of them on another day"))

    def column_title(self, section: int) -> str:
        return QCoreApplication.translate("ExerciseAdherenceModel", self.COLUMNS[section])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        e = self.row_at(index)
        if e is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return i18n.library_text(e.name)
            if col == 1:
                return self.tr("{done} of {due}").format(done=e.done, due=e.prescribed)
            return (da.percent_text(e.done, e.prescribed), str(e.partial), str(e.moved))[col - 2]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "{name}: {share} done of the days it was due. A day counts when it was logged "
                "done or partial, on the day or on another day of the same week (Monday to "
                "Sunday).").format(name=i18n.library_text(e.name), share=da.exercise_text(e))
        if role == Qt.ItemDataRole.UserRole:
            return e.key
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


ASSESSMENT = scales.FLAG_TIERS[scales.ASSESSMENT]


def week_note() -> str:
    """Under the Training load tab's weekly table: what monotony and strain are (Foster,
    population SD) and what the week marks mean."""
    marks = QCoreApplication.translate(
        "LoadTab", "A week cut by the period is marked: \u201ccompleted\u201d counts its "
        "days outside the period from the journal; \u201cpartial\u201d has only the days so "
        "far, so no change, monotony or strain.")
    return f"{i18n._(MONOTONY_NOTE)} {marks}"


def advice_html(summary) -> str:
    """"Advice as of Wed 18 Mar: Green: keep going ..." from the period summary's verdict.

    The verdict is as of the period's last day, or its last day with an entry when the
    last days are empty (``domain.summary``). Empty only when there is nothing to judge
    and no escalation; with an escalation and no light the line still says what to do
    ("No light yet. Book an assessment.").
    """
    verdict = summary.verdict if summary is not None else None
    if verdict is None:
        return ""
    text = verdict.text
    if verdict.kind is None:
        if not summary.escalations:
            return ""
        text = f"{text} {scales.URGENCY_ADVICE[scales.ASSESSMENT]}"
    return QCoreApplication.translate("ProgressPage", "<b>Advice as of {day}:</b> {advice}").format(
        day=fmt_date(verdict.as_of, "weekday_day_month"), advice=escape(text))


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
    A week holding sessions without an effort has an incomplete load: it shows the rated
    sessions' load marked "1080 (1 not rated)", with a tooltip saying so.
    ``UserRole`` gives the unrounded number (None for "-").
    """

    ROWS = (QT_TRANSLATE_NOOP("WeekLoadModel", "Load (AU)"),
            QT_TRANSLATE_NOOP("WeekLoadModel", "Change on the week before"),
            QT_TRANSLATE_NOOP("WeekLoadModel", "Monotony"),
            QT_TRANSLATE_NOOP("WeekLoadModel", "Strain"))
    STATUS_WORD = {COMPLETED: QT_TRANSLATE_NOOP("WeekLoadModel", "completed"),
                   PARTIAL: QT_TRANSLATE_NOOP("WeekLoadModel", "partial")}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.progress: ProgressData | None = None
        self.unrated: list[int] = []

    def set_data(self, data: ProgressData) -> None:
        from ...charts.load import week_unrated

        self.beginResetModel()
        self.progress = data
        self.unrated = week_unrated(data)
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
            if row == 0:
                return fmt_value(v, 0) + unrated_mark(self._unrated(col))
            return fmt_value(v, 2 if row == 2 else 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row == 0 and self._unrated(col):
                return self.tr("Sessions without an effort: the load shown is the rated "
                               "sessions' only")
            return None
        if role == Qt.ItemDataRole.UserRole:
            return v
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _unrated(self, col: int) -> int:
        return self.unrated[col] if 0 <= col < len(self.unrated) else 0

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.ROWS):
                return QCoreApplication.translate("WeekLoadModel", self.ROWS[section])
            return None
        d = self.progress
        if d is None or not 0 <= section < len(d.weeks):
            return None
        monday = d.weeks[section]
        status = d.week_status[section] if d.week_status else ""
        if role == Qt.ItemDataRole.DisplayRole:
            word = self.STATUS_WORD.get(status)
            label = fmt_span(monday, monday + timedelta(days=6))
            if not word:
                return label
            return f"{label}\n({QCoreApplication.translate('WeekLoadModel', word)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return STATUS_TEXT.get(status) or self.tr("The whole week is in the period.")
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
    key, title, cheap = "pain", QT_TRANSLATE_NOOP("ProgressTab", "Pain"), True

    def build(self) -> None:
        from ...charts.pain import PainChart

        self.canvas = self._canvas("pain", PainChart(), "pain", 260)

    def show_data(self, data: ProgressData) -> None:
        self.canvas.chart.update(data)
        self.canvas.request_redraw()


LOAD_CHART_HEIGHT = 430
"""Pixels the load chart's four panels need at least (daily load, heart-rate load, weekly
load, spike indicator)."""


class LoadTab(ProgressTab):
    """The load chart, and under it the weekly figures with monotony and strain (Foster;
    population SD), all from the period summary.

    The chart's second panel is the heart-rate load (Banister TRIMP of the sessions from
    watch and app files), another estimate beside session-RPE load; the daily panel says
    how many sessions from files are not rated yet (``ProgressData.trimp``, ``hr_set``,
    ``unrated``)."""

    key, title, cheap = "load", QT_TRANSLATE_NOOP("ProgressTab", "Training load"), True

    def build(self) -> None:
        from ...charts.load import LoadChart
        from ..chart_canvas import ChartCanvas

        # four panels need more height than a 768-pixel screen leaves over the weekly
        # table: the chart keeps its height and the tab scrolls to the table instead
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("loadScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(body)
        self.layout().addWidget(self.scroll, 1)
        # its size hint (the figure's size) is its least height: the table shows under it
        # when there is room, and the chart grows when there is more
        chart = LoadChart(figsize=(8.0, LOAD_CHART_HEIGHT / 100), heart=True)
        self.canvas = ChartCanvas(chart, "training-load", LOAD_CHART_HEIGHT)
        self.page.canvases["load"] = self.canvas
        inner.addWidget(self.canvas, 1)
        self.weeks_model = WeekLoadModel(self)
        view = self.weeks_view = QTableView()
        view.setObjectName("weekLoad")
        view.setAccessibleName(self.tr("Weekly load, change, monotony and strain"))
        view.setModel(self.weeks_model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        inner.addWidget(view)
        note = self.week_note = QLabel(week_note())
        note.setObjectName("weekNote")
        note.setWordWrap(True)
        inner.addWidget(note)

    def show_data(self, data: ProgressData) -> None:
        self.canvas.chart.update(data)  # its heart-rate load and unrated count too
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
    """Weekly adherence (exercise days done against due: the summary's rows, so the PDF's
    chart and table), the period's total and each exercise's days under it, and one
    exercise's progression (chosen in the list or below it).

    The progression shows the most recently logged exercise (done or partial logs up to
    the period's end: ``services.progress.most_recently_logged``) until the person picks
    one; with nothing logged the list says "Nothing logged yet" (or "No programme data
    yet" without a programme) and the chart says so with no axis."""

    key, title = "programme", QT_TRANSLATE_NOOP("ProgressTab", "Programme")

    def build(self) -> None:
        from ...charts.adherence import AdherenceChart, ProgressionChart

        self.adherence = self._canvas("programme", AdherenceChart(), "adherence", 160, 1)
        total = self.adherence_total = QLabel()
        total.setObjectName("adherenceTotal")
        total.setWordWrap(True)
        total.setToolTip(i18n._(da.DEFINITION))
        self.layout().addWidget(total)
        self.exercises_model = ExerciseAdherenceModel(self)
        view = self.exercises_view = QTableView()
        view.setObjectName("exerciseAdherence")
        view.setAccessibleName(self.tr("Adherence per exercise"))
        view.setModel(self.exercises_model)
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(ExerciseAdherenceModel.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        view.setMinimumHeight(120)
        view.selectionModel().currentRowChanged.connect(self._exercise_chosen)
        self.layout().addWidget(view, 1)
        row = QHBoxLayout()
        self.exercise = QComboBox()
        self.exercise.setObjectName("exercise")
        self.exercise.setAccessibleName(self.tr("Exercise"))
        self.exercise.setMinimumContentsLength(24)
        lab = QLabel(self.tr("Exercise"))
        lab.setBuddy(self.exercise)
        row.addWidget(lab)
        row.addWidget(self.exercise)
        row.addStretch(1)
        self.layout().addLayout(row)
        self.progression = self._canvas("progression", ProgressionChart(), "progression",
                                        160, 1)
        self.exercise.currentIndexChanged.connect(self._show_progression)
        self.exercise.activated.connect(self._exercise_picked)
        self.exercise_chosen = False
        """True once the person picked an exercise (kept while it is in the list)."""
        self.data: ProgressData | None = None

    def show_data(self, data: ProgressData) -> None:
        self.data = data
        summary = data.summary
        if summary is None:  # built without a summary: the plotted days' weeks
            weeks = programme_service.weekly_adherence(data.start, data.end)
            days: tuple | None = (data.start, data.end)
            total = da.adherence_text(*da.total(weeks))
        else:  # the summary's rows (the PDF's) and its period total (page one's)
            plotted = set(data.weeks)
            weeks = [w for w in adherence_weeks(summary) if w.week_start in plotted]
            days = period_adherence_days(summary)
            total = fmt_adherence(summary)
        self.adherence.chart.update(weeks, (data.start, data.end))  # the period's axis
        self.adherence.request_redraw()
        self.adherence_total.setText(
            self.tr("<b>Programme adherence:</b> {total}.").format(total=escape(total))
            + f" {escape(i18n._(da.DEFINITION))}")
        self.exercises_model.set_rows(
            programme_service.exercise_adherence(*days) if days else [])
        current = self.exercise.currentData() if self.exercise_chosen else None
        self.exercise.blockSignals(True)
        self.exercise.clear()
        exercises = progress_service.logged_exercises(data.end)
        for e in exercises:
            self.exercise.addItem(i18n.library_text(e.name), e.id)
        if not exercises:
            self.exercise.addItem(self._tr(NOTHING_LOGGED if programme_service.list_programmes()
                                           else NO_PROGRAMME), None)
        self.exercise.setEnabled(bool(exercises))
        i = self.exercise.findData(current) if current is not None else -1
        if i < 0:
            latest = progress_service.most_recently_logged(exercises)
            i = self.exercise.findData(latest.id) if latest is not None else 0
            self.exercise_chosen = False
        self.exercise.setCurrentIndex(i)
        self.exercise.blockSignals(False)
        self._show_progression()

    def _exercise_picked(self, _index: int) -> None:
        self.exercise_chosen = True

    def _exercise_chosen(self, current, _previous=None) -> None:
        """Show the progression of the exercise chosen in the per-exercise list."""
        i = self.exercise.findData(current.data(Qt.ItemDataRole.UserRole)) \
            if current.isValid() else -1
        if i >= 0:
            self.exercise_chosen = True
            self.exercise.setCurrentIndex(i)

    def _show_progression(self) -> None:
        ex_id = self.exercise.currentData()
        points, name, empty = [], "", None
        if ex_id is not None and self.data is not None:
            points = programme_service.exercise_progression(ex_id, self.data.start,
                                                            self.data.end)
            name = self.exercise.currentText()
        elif self.exercise.currentText() == self._tr(NOTHING_LOGGED):
            empty = self._tr(NOTHING_LOGGED_HINT)
        span = (self.data.start, self.data.end) if self.data is not None else None
        self.progression.chart.update(points, name, empty, span)
        self.progression.request_redraw()

    @staticmethod
    def _tr(text: str) -> str:
        return QCoreApplication.translate("ProgrammeTab", text)


class OutcomesTab(ProgressTab):
    key, title = "outcomes", QT_TRANSLATE_NOOP("ProgressTab", "Outcome measures")

    def build(self) -> None:
        from ...charts.outcomes import OutcomesChart

        self.canvas = self._canvas("outcomes", OutcomesChart(), "outcomes", 260, 1)

    def show_data(self, data: ProgressData) -> None:
        self.canvas.chart.update(outcomes_service.series(data.start, data.end))
        self.canvas.request_redraw()


class PatternsTab(ProgressTab):
    """What often came before the flares (``services.patterns.period_patterns``): the
    summary, a card per finding that survived the test, what was not tested and why
    (folded), a chart of the flares against the chosen finding's days, and the note that
    these are associations, not causes.

    When nothing survives, the summary says so with the number of comparisons and how many
    more days would allow a test, and the chart still shows the flares.
    """

    key, title = "patterns", QT_TRANSLATE_NOOP("ProgressTab", "Patterns")

    def build(self) -> None:
        from ...charts.patterns import PatternsChart
        from .pattern_cards import Fold

        layout = self.layout()
        self.summary = QLabel()
        self.summary.setObjectName("patternSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.model = PatternModel(self)
        self.cards: list = []
        body = QWidget()
        body.setObjectName("patternBody")
        self.cards_layout = QVBoxLayout(body)
        self.cards_layout.setContentsMargins(0, 0, 4, 0)
        self.cards_layout.setSpacing(6)
        self.nothing = QLabel()
        self.nothing.setObjectName("patternNothing")
        self.nothing.setWordWrap(True)
        self.untested = Fold("untested")
        self.note = QLabel()
        self.note.setObjectName("patternNote")
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.cards_layout.addWidget(self.nothing)
        self.cards_layout.addWidget(self.untested)
        self.cards_layout.addWidget(self.note)
        self.cards_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("patternCards")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.scroll, 1)
        self.canvas = self._canvas("patterns", PatternsChart(), "flares-and-factor", 150)
        self.canvas.setMaximumHeight(190)
        self.report = None
        self.chosen_key: str | None = None

    def show_data(self, data: ProgressData) -> None:
        self.show_report(patterns_service.period_patterns(data.start, data.end,
                                                          today=self.page.ctx.today()))

    def show_report(self, report) -> None:
        """Show ``report`` (a ``domain.flares.PatternReport``)."""
        from .pattern_cards import FindingCard

        self.report = report
        self.model.set_report(report)
        self.summary.setText(f"<b>{escape(report.summary)}</b>")
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for row, finding in enumerate(report.findings):
            card = FindingCard(row, finding, report.comparisons)
            card.chosen.connect(self.choose)
            card.step.connect(lambda step, row=row: self._step(row, step))
            self.cards_layout.insertWidget(row, card)
            self.cards.append(card)
        # Tab goes from card to card, then to the fold of what was not tested
        for a, b in zip(self.cards, [*self.cards[1:], self.untested.button], strict=False):
            QWidget.setTabOrder(a, b)
        self.nothing.setText("" if report.findings else pt.nothing_text(report))
        self.nothing.setVisible(not report.findings)
        untested = report.untested
        self.untested.set_content(
            self.tr("Not tested ({n}): too few days or flares to compare").format(
                n=len(untested)),
            "<br>".join(escape(pt.untested_text(u)) for u in untested))
        self.untested.setVisible(bool(untested))
        # the association note speaks of findings: only with some
        note = f"{i18n._(ASSOCIATION_NOTE)} " if report.findings else ""
        self.note.setText(escape(note + pt.method_text(report), quote=False))
        keys = [f"{f.factor}@{f.lag}" for f in report.findings]
        row = keys.index(self.chosen_key) if self.chosen_key in keys else 0
        # a new report starts at the top (the place left from the last one, e.g. the open
        # "Not tested" fold, would hide the cards); the new cards are not laid out yet, so
        # the chosen one is brought into view once they are
        self.scroll.verticalScrollBar().setValue(0)
        self.choose(row if keys else -1, reveal=False)
        QTimer.singleShot(0, self, self._reveal_chosen)

    def choose(self, row: int, *, reveal: bool = True) -> None:
        """Show the finding of ``row`` in the chart (-1: none) and mark its card; ``reveal``:
        scroll its card into view."""
        report = self.report
        finding = report.findings[row] if report is not None and row >= 0 else None
        self.chosen_key = f"{finding.factor}@{finding.lag}" if finding else None
        for card in self.cards:
            card.set_chosen(card.row == row)
        if reveal:
            self._reveal_chosen()
        self.canvas.chart.update(report, finding)
        self.canvas.request_redraw()

    def _reveal_chosen(self) -> None:
        """Scroll the chosen card into view (its title first when it is taller than the
        view)."""
        card = next((c for c in self.cards if c.is_chosen), None)
        if card is None:
            return
        body = self.scroll.widget()
        if body is not None and body.layout() is not None:
            body.layout().activate()  # the cards' places, when they were just added
        self.scroll.ensureWidgetVisible(card, 0, 8)
        bar = self.scroll.verticalScrollBar()
        top = card.mapTo(body, card.rect().topLeft()).y() - 8
        if top < bar.value():  # a card taller than the view: its title, not its end
            bar.setValue(max(0, top))

    def chosen(self):
        """The finding the chart shows, or None."""
        return next((c.finding for c in self.cards if c.is_chosen), None)

    def _step(self, row: int, step: int) -> None:
        target = row + step
        if 0 <= target < len(self.cards):
            self.cards[target].setFocus(Qt.FocusReason.TabFocusReason)


# The tabs, in their order on the page.
TABS: tuple[type[ProgressTab], ...] = (PainTab, LoadTab, ProgrammeTab, OutcomesTab,
                                       PatternsTab)
