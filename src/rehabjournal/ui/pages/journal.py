"""Journal: a month calendar coloured by each day's light, and a filtered list of days.

The list is a QTableView over a model that fetches rows in chunks as the user scrolls, so
a ten-year journal opens as fast as a new one. Enter or a double click opens the day on
the Today page; Delete removes it, and Edit > Undo brings it back.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import light as light_mod
from ...domain import scales, validation
from ...i18n import format_number, ngettext
from ...services import journal as js
from ..context import AppContext
from ..edit_path import apply_edit
from ..widgets import LIGHT_COLOURS, error_label, fit_header, fit_month_button, format_when
from .labels import kind_text

CHUNK = 200
COLUMNS = (
    ("day", QT_TRANSLATE_NOOP("JournalModel", "Date")),
    ("light", QT_TRANSLATE_NOOP("JournalModel", "Light")),
    ("morning_pain", QT_TRANSLATE_NOOP("JournalModel", "Morning pain")),
    ("sessions", QT_TRANSLATE_NOOP("JournalModel", "Sessions")),
    ("load", QT_TRANSLATE_NOOP("JournalModel", "Load (AU)")),
    ("peak_pain", QT_TRANSLATE_NOOP("JournalModel", "Peak pain")),
    ("next_morning_pain", QT_TRANSLATE_NOOP("JournalModel", "Next morning")),
    ("red_flags", QT_TRANSLATE_NOOP("JournalModel", "Red flags")),
    ("notes", QT_TRANSLATE_NOOP("JournalModel", "Notes")),
)
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
#: Header tooltips: what a column's number is.
HEADER_TIPS = {
    "next_morning_pain": QT_TRANSLATE_NOOP(
        "JournalModel", "The next day's morning pain at the site of this day's sessions "
        "(the worst if they were at several): the same number as that day's Morning pain, "
        "never a second rating."),
}
#: The Light column's word for each ``domain.light`` status.
STATUS_WORDS = {
    "green": QT_TRANSLATE_NOOP("JournalModel", "green"),
    "amber": QT_TRANSLATE_NOOP("JournalModel", "amber"),
    "red": QT_TRANSLATE_NOOP("JournalModel", "red"),
    "waiting": QT_TRANSLATE_NOOP("JournalModel", "waiting"),
}
WAITING_COLOUR = "#9e9e9e"
"""A day waiting for its next-morning rating: grey, hatched (as in the light strip)."""


def create(ctx: AppContext) -> JournalPage:
    return JournalPage(ctx)


LIGHT_HISTORY_DAYS = 35
"""Days before a period its lights read: a full green week of days with their weekly trend
and baselines (``domain.light.day_light``)."""


def lights_for(start: date, end: date) -> dict[date, light_mod.Light]:
    """The ``domain.light.Light`` of every day with an entry from ``start`` to ``end``.

    Only days within the dates the journal accepts (1900-01-01 to 2100-12-31,
    ``domain.validation``) get a light: a 0001-01-01 or 9999-12-31 row kept from before
    issue 17 is listed without one (the history before it cannot be read).
    """
    start, end = max(start, validation.EARLIEST_DAY), min(end, validation.LATEST_DAY)
    if end < start:
        return {}
    journal = js.load_journal(start - timedelta(days=LIGHT_HISTORY_DAYS), end + timedelta(days=1))
    th = js.thresholds()
    days = [d for d in sorted(journal.days) if start <= d <= end]
    return dict(zip(days, light_mod.day_lights(journal, days, th), strict=True))


def light_text(light: light_mod.Light | None) -> str:
    """The Light column's text: "green", "amber", "red", "waiting", or "! red flag" /
    "? red flag" on a red-flag day (its tier's symbol; the tooltip has the tier's words)."""
    if light is None:
        return ""
    if light.flag_tier:
        return QCoreApplication.translate("JournalModel", "{symbol} red flag").format(
            symbol=scales.FLAG_TIERS[light.flag_tier].symbol)
    status = light.status or ""
    return QCoreApplication.translate("JournalModel", STATUS_WORDS[status]) if (
        status in STATUS_WORDS) else status


def light_colour(light: light_mod.Light | None) -> str | None:
    """The background of a day's light: the light's colour, a red-flag tier's colour, or
    grey for waiting (drawn hatched); None for no light."""
    if light is None:
        return None
    if light.flag_tier:
        return scales.FLAG_TIERS[light.flag_tier].colour
    if light.waiting:
        return WAITING_COLOUR
    return LIGHT_COLOURS.get(light.colour or "")


def light_brush(light: light_mod.Light | None) -> QBrush | None:
    colour = light_colour(light)
    if colour is None:
        return None
    if light is not None and light.waiting:
        return QBrush(QColor(colour), Qt.BrushStyle.BDiagPattern)
    return QBrush(QColor(colour))


def legend_html() -> str:
    """The light legend (``domain.light.LEGEND``): a swatch and the short words of each."""
    swatches = {
        "green": LIGHT_COLOURS["green"], "amber": LIGHT_COLOURS["amber"],
        "red": LIGHT_COLOURS["red"], light_mod.WAITING: WAITING_COLOUR,
        scales.URGENT: scales.FLAG_TIERS[scales.URGENT].colour,
        scales.ASSESSMENT: scales.FLAG_TIERS[scales.ASSESSMENT].colour,
    }
    items = []
    for item in light_mod.LEGEND:
        mark = item.symbol or "&nbsp;"
        items.append(
            f'<span style="background:{swatches[item.key]}; color:white">&nbsp;{mark}&nbsp;'
            f"</span>&nbsp;{escape(item.short, quote=False)}"
        )
    return "<br>".join(items) + f"<br><i>{escape(light_mod.LEGEND[0].text, quote=False)}</i>"


class JournalModel(QAbstractTableModel):
    """Days with any entry, newest first, fetched lazily in chunks of ``CHUNK`` rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filters: dict = {}
        self.rows: list[dict] = []
        self.total = 0
        self.fetches = 0

    # filters -------------------------------------------------------------------------
    def set_filters(self, **filters) -> None:
        self.beginResetModel()
        self.filters = filters
        self.rows = []
        self.total = js.count_days(**filters)
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_filters(**self.filters)

    # lazy fetching -------------------------------------------------------------------
    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        chunk = js.list_days(offset=len(self.rows), limit=CHUNK, **self.filters)
        if not chunk:
            self.total = len(self.rows)
            return
        lights = lights_for(chunk[-1]["day"], chunk[0]["day"])
        for row in chunk:
            row["light"] = lights.get(row["day"])
        self.fetches += 1
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(chunk) - 1)
        self.rows.extend(chunk)
        self.endInsertRows()

    # model ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("JournalModel", COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = HEADER_TIPS.get(COLUMNS[section][0])
            return QCoreApplication.translate("JournalModel", tip) if tip else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        value = row.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "day":
                return format_when(value, "ddd yyyy-MM-dd", "ddd yyyy-MM-dd")
            if key == "light":
                return light_text(value)
            if key == "notes":
                text = value.replace("\n", " ")
                return text[:120] + ("..." if len(text) > 120 else "")
            if key == "load":
                return format_number(value, 2)
            if key == "red_flags":
                return str(value) if value else ""
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and key == "light":
            return light_brush(value)
        if (role == Qt.ItemDataRole.ForegroundRole and key == "light" and value is not None
                and value.colour):
            return QBrush(QColor("white"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "light" and value is not None:
            return f"{value.text}\n{value.reason}".strip()
        if role == Qt.ItemDataRole.ToolTipRole and key == "notes" and value:
            return value[:2000]
        if role == DAY_ROLE:
            return row["day"]
        return None


class JournalPage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self._dirty = False
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.from_edit = QLineEdit()
        self.from_edit.setPlaceholderText(self.tr("from YYYY-MM-DD"))
        self.to_edit = QLineEdit()
        self.to_edit.setPlaceholderText(self.tr("to YYYY-MM-DD"))
        for edit, name in ((self.from_edit, self.tr("Period from")),
                           (self.to_edit, self.tr("Period to"))):
            edit.setFixedWidth(130)
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(self.tr("a date, YYYY-MM-DD; empty for no limit"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Activity filter"))
        self.flags_only = QCheckBox(self.tr("Red flags only"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search notes..."))
        self.text.setClearButtonEnabled(True)
        self.count_label = QLabel()
        filters.addWidget(QLabel(self.tr("Period")))
        filters.addWidget(self.from_edit)
        filters.addWidget(self.to_edit)
        filters.addWidget(QLabel(self.tr("Activity")))
        filters.addWidget(self.kind)
        filters.addWidget(self.flags_only)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)
        self.filter_error = error_label()
        layout.addWidget(self.filter_error)

        splitter = QSplitter()
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(self.tr("Calendar of lights"))
        self.calendar.setAccessibleDescription(self.tr(
            "Enter opens the day; each day's light is in its tooltip and in the list of days"))
        self.calendar.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))  # validation's
        # the journal's today (its clock), not the system's: they differ in the demo and tests
        self.calendar.setSelectedDate(QDate(ctx.today()))
        ctx.day_changed.connect(self._new_day)
        self.calendar.setGridVisible(True)
        self.calendar.setMaximumWidth(380)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        )
        fit_month_button(self.calendar)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.calendar)
        legend = QLabel(legend_html() + "<br>" + self.tr("Double-click a day to open it."))
        legend.setObjectName("lightLegend")
        legend.setWordWrap(True)
        left_layout.addWidget(legend)
        left_layout.addStretch(1)
        splitter.addWidget(left)

        self.model = JournalModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Days"))
        self.table.setAccessibleDescription(self.tr("Enter opens the day, Delete removes it"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # a header longer than its column (French, German) goes onto two lines, or widens
        # its column: never cut at both ends
        fit_header(self.table, (120, 60, 90, 220, 80, 75, 95, 70))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open day"))
        self.delete_button = QPushButton(self.tr("&Delete day"))
        self.delete_button.setToolTip(self.tr("Delete everything of the selected day (Del); "
                                              "Edit > Undo brings it back"))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self._filter_timer.start)
        self.from_edit.editingFinished.connect(self.apply_filters)
        self.to_edit.editingFinished.connect(self.apply_filters)
        self.kind.activated.connect(lambda _i: self.apply_filters())
        self.flags_only.toggled.connect(lambda _on: self.apply_filters())
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                  activated=self.delete_selected)
        self.calendar.activated.connect(lambda qd: self.ctx.open_day.emit(qd.toPython()))
        self.calendar.currentPageChanged.connect(lambda y, mth: self.colour_month(y, mth))
        ctx.journal_changed.connect(self._journal_changed)

        self._fill_kinds()
        self.apply_filters()
        self.colour_month(self.calendar.yearShown(), self.calendar.monthShown())

    # ---- filters ----------------------------------------------------------------------

    def _fill_kinds(self) -> None:
        current = self.kind.currentData()
        self.kind.clear()
        self.kind.addItem(self.tr("any"), None)
        for kind in js.activity_kinds():
            self.kind.addItem(kind_text(kind), kind)
        index = self.kind.findData(current)
        self.kind.setCurrentIndex(max(index, 0))

    def _date(self, edit: QLineEdit, message: str) -> date | None:
        """The date typed in ``edit``; ValueError with ``message`` ({text}: what was typed)
        when it is not one."""
        text = edit.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(message.format(text=repr(text))) from None

    def apply_filters(self) -> None:
        try:
            start = self._date(self.from_edit, self.tr(
                "From {text} is not a date: use YYYY-MM-DD, e.g. 2026-03-01."))
            end = self._date(self.to_edit, self.tr(
                "To {text} is not a date: use YYYY-MM-DD, e.g. 2026-03-01."))
        except ValueError as exc:
            self.filter_error.setText(str(exc))
            self.filter_error.show()
            return
        if start and end and end < start:
            self.filter_error.setText(
                self.tr("The period ends before it starts: swap the dates."))
            self.filter_error.show()
            return
        self.filter_error.hide()
        self.model.set_filters(start=start, end=end, kind=self.kind.currentData(),
                               flags_only=self.flags_only.isChecked(),
                               text=self.text.text().strip())
        n = self.model.total
        self.count_label.setText(ngettext("{n} day", "{n} days", n).format(n=n))

    # ---- calendar ---------------------------------------------------------------------

    def colour_month(self, year: int, month: int) -> None:
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear all
        for day, light in lights_for(first - timedelta(days=7), last + timedelta(days=7)).items():
            brush = light_brush(light)
            if brush is None:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(brush)
            if light.colour:
                fmt.setForeground(QBrush(QColor("white")))
            if light.flag_tier:  # told apart from a load-red day by more than colour
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setFontUnderline(True)
            fmt.setToolTip(self.tr("{light}: {reason}").format(light=light_text(light),
                                                                reason=light.reason))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)

    # ---- actions ----------------------------------------------------------------------

    def selected_day(self) -> date | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            index = self.table.currentIndex()
            return self.model.data(index, DAY_ROLE) if index.isValid() else None
        return self.model.data(rows[0], DAY_ROLE)

    def open_row(self, row: int) -> None:
        self._open(self.model.data(self.model.index(row, 0), DAY_ROLE))

    def open_selected(self) -> None:
        self._open(self.selected_day())

    def _open(self, day: date | None) -> None:
        """Open ``day`` on Today; a day outside 1900-2100 (kept from an import made before
        issue 17) cannot be shown there, so the status bar says how to deal with it."""
        if not day:
            return
        if not validation.EARLIEST_DAY <= day <= validation.LATEST_DAY:
            self.ctx.status.emit(self.tr(
                "{day} is outside the dates the journal accepts ({earliest} to {latest}), so "
                "it cannot be opened; select it and delete it (Edit > Undo brings it back).")
                .format(day=day.isoformat(), earliest=validation.EARLIEST_DAY.isoformat(),
                        latest=validation.LATEST_DAY.isoformat()))
            return
        self.ctx.open_day.emit(day)

    def delete_selected(self) -> None:
        """Delete everything of the selected day (Edit > Undo brings it back)."""
        day = self.selected_day()
        if day is None:
            return
        apply_edit(self.ctx, lambda: js.edit_delete_day(day), source=self)

    def activated(self) -> None:
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        self._fill_kinds()
        self.apply_filters()
        self.colour_month(self.calendar.yearShown(), self.calendar.monthShown())

    def _new_day(self, new, old) -> None:
        """At midnight the calendar moves on with today, unless another day was picked."""
        if self.calendar.selectedDate().toPython() == old:
            self.calendar.setSelectedDate(QDate(new))

    def _journal_changed(self, _day) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True
