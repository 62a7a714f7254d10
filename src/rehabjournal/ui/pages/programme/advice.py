"""The Adherence and advice tab: weekly adherence of the active programme and this week's
progression advice, which can be accepted (an edit, undoable) or ignored.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....domain import programme as dp
from ....i18n import library_text
from ....services import programme as ps
from ...context import AppContext
from ...edit_path import apply_edit
from ...programme_models import ROW_ROLE, AdherenceModel, SuggestionModel

ADHERENCE_WEEKS = 8
CHANGE_WIDTH = 260
ADVICE_NOTE = QT_TRANSLATE_NOOP(
    "AdviceTab", "Advice follows the pain-monitoring light of the last 7 days, the pain you "
    "logged during each exercise and each exercise's published schedule. It is information, "
    "not medical advice.")


class AdviceTab(QWidget):
    """Weekly adherence of the active programme and this week's progression advice."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.adherence = AdherenceModel(self)
        self.advice = SuggestionModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("adherenceSummary")
        self.summary.setWordWrap(True)
        self.adherence_view = QTableView()
        self.adherence_view.setObjectName("adherenceView")
        self.adherence_view.setModel(self.adherence)
        self.adherence_view.verticalHeader().hide()
        self.adherence_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.advice_view = QTableView()
        self.advice_view.setObjectName("adviceView")
        self.advice_view.setModel(self.advice)
        self.advice_view.verticalHeader().hide()
        self.advice_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.advice_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.advice_view.setWordWrap(True)
        header = self.advice_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # the change can be long (a whole dose and a next step): a fixed share that wraps,
        # so "Why" keeps room at 1366x768
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, CHANGE_WIDTH)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.accept_button = QPushButton(self.tr("&Accept advice"))
        self.ignore_button = QPushButton(self.tr("&Ignore"))
        self.advice_note = QLabel(QCoreApplication.translate("AdviceTab", ADVICE_NOTE))
        self.advice_note.setObjectName("adviceNote")
        self.advice_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.ignore_button)
        buttons.addStretch(1)
        a_box = QGroupBox(self.tr("Adherence: the last {n} weeks").format(n=ADHERENCE_WEEKS))
        av = QVBoxLayout(a_box)
        av.addWidget(self.summary)
        av.addWidget(self.adherence_view)
        s_box = QGroupBox(self.tr("Progression advice"))
        sv = QVBoxLayout(s_box)
        sv.addWidget(self.advice_note)
        sv.addWidget(self.advice_view)
        sv.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(a_box)
        splitter.addWidget(s_box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.ignored: set[tuple] = set()
        self.accept_button.clicked.connect(self.accept_current)
        self.ignore_button.clicked.connect(self.ignore_current)
        self.advice_view.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self._buttons()

    def refresh(self) -> None:
        today = self.ctx.today()
        start = today - timedelta(days=7 * ADHERENCE_WEEKS - 1)
        prog = ps.active_programme()
        if prog and prog["start_date"]:
            start = max(start, prog["start_date"])
        weeks = ps.weekly_adherence(start, today) if start <= today else []
        self.adherence.set_weeks(list(reversed(weeks)))
        if prog is None:
            self.summary.setText(
                self.tr("No active programme: activate one on the Programmes tab."))
        else:
            self.summary.setText(self.tr("<b>{name}</b>: {total}.").format(
                name=escape(library_text(prog["name"])), total=AdherenceModel.total_text(weeks)))
        pause = ps.advice_pause(today)
        self.advice_note.setText(pause or QCoreApplication.translate("AdviceTab", ADVICE_NOTE))
        rows = [s for s in ps.suggestions(today) if self._key(s) not in self.ignored]
        rows.sort(key=lambda s: {"see_physio": 0, "back_off": 1, "progress": 2, "hold": 3}[s.kind])
        self.advice.set_suggestions(rows)
        self.advice_view.resizeRowsToContents()
        if rows:
            self.advice_view.selectRow(0)
        self._buttons()

    @staticmethod
    def _key(s: dp.Suggestion) -> tuple:
        return (s.prescription_id, s.kind, s.field, str(s.new))

    def current(self) -> dp.Suggestion | None:
        index = self.advice_view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _buttons(self) -> None:
        s = self.current()
        self.accept_button.setEnabled(s is not None and s.changes)
        self.ignore_button.setEnabled(s is not None)

    def accept_current(self) -> None:
        s = self.current()
        if s is None or not s.changes:
            return
        day = self.ctx.today()
        apply_edit(self.ctx, lambda: ps.accept_suggestion(s, day), source=self,
                   message=lambda text: QMessageBox.warning(self, self.tr("Advice not applied"),
                                                            text))

    def ignore_current(self) -> None:
        s = self.current()
        if s is None:
            return
        self.ignored.add(self._key(s))
        self.refresh()
