"""Small widgets shared by the pages: validated number fields, error labels, the light badge,
two helpers for forms that are rebuilt from the journal (``clear_layout``,
``set_combo_data``), and the pieces of forms that fit any window width (``FlowLayout``,
``labelled``, ``errors_below``)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)
from shiboken6 import Shiboken

from .. import i18n
from ..domain.scales import validate_range
from . import i18n as ui_i18n
from . import undo_keys
from .banner import Banner  # noqa: F401 - pages import it from here
from .layouts import layout_entries  # noqa: F401 - pages import it from here

LIGHT_COLOURS = {"green": "#2e9d4f", "amber": "#e0a100", "red": "#d32f2f"}
ERROR_COLOUR = "#c62828"


def error_label() -> QLabel:
    """A label for the message beside a field; hidden until there is one."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setWordWrap(True)
    label.hide()
    return label


class NumberField(QWidget):
    """A number entry that refuses bad values with the reason beside it.

    Signals:
        committed(object): emitted with the new value (int, float or None for blank) when
            the user finishes editing a valid value that differs from the shown one.
    """

    committed = Signal(object)

    def __init__(self, label: str, lo: float, hi: float, *, whole: bool = True,
                 unit: str = "", placeholder: str = "", width: int = 70):
        super().__init__()
        self.label, self.lo, self.hi, self.whole, self.unit = label, lo, hi, whole, unit
        self._value: float | int | None = None
        self.unsaved = False  # typed, but the save failed (disk full ...): see commit_failed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.edit = QLineEdit()
        self.edit.setFixedWidth(width)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(label)
        # read after the name: "Morning pain, edit, 0 to 10" (ui/accessibility.py)
        self.edit.setAccessibleDescription(self.range_text())
        self.edit.setToolTip(self.tr("{label}: {range}; Up/Down to change, empty for not rated")
                             .format(label=label, range=f"{_num(lo)}-{_num(hi)}"
                                     + (f" {unit}" if unit else "")))
        self.error = error_label()
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.editingFinished.connect(self._finish)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)

    def range_text(self) -> str:
        """The range a screen reader reads after the name: "0 to 10", "0 to 24 hours"."""
        if self.unit:
            return self.tr("{low} to {high} {unit}").format(
                low=_num(self.lo), high=_num(self.hi), unit=self.unit)
        return self.tr("{low} to {high}").format(low=_num(self.lo), high=_num(self.hi))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        """Up/Down change the number by one step, like a spin box; Ctrl+Z with nothing
        typed to undo here undoes the journal's last step (``ui/undo_keys.py``)."""
        if obj is self.edit and undo_keys.hand_on(self.edit, event):
            return True
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Up, Qt.Key.Key_Down
        ):
            self.step(1 if event.key() == Qt.Key.Key_Up else -1)
            return True
        return super().eventFilter(obj, event)

    # value handling ----------------------------------------------------------------
    def value(self):
        return self._value

    def set_value(self, value, *, keep_unsaved: bool = True) -> None:
        """Show ``value`` (None for blank) without emitting ``committed``.

        A value typed here that could not be saved (``commit_failed``) is kept, with its
        note, when the form is reloaded from the journal (another save went through, an
        undo ...), unless ``keep_unsaved`` is False (the form now shows another day or
        item) or the journal now holds that very value.
        """
        if self.unsaved and keep_unsaved:
            typed, message = self.parse()
            if message is None and typed != value:
                self._value = value
                return
        self.unsaved = False
        self._value = value
        self.edit.setText("" if value is None else _num(value))
        self.clear_error()

    def commit_failed(self, previous) -> None:
        """The committed value could not be saved: keep the typed text, marked "not saved",
        so that finishing the same entry again (Enter, Tab) retries the save."""
        self._value = previous
        self.unsaved = True
        if self.error.isHidden():  # a refusal's reason, shown already, stays
            self.show_error(self.tr("Not saved yet: press Enter here to try again."))

    def discard_unsaved(self) -> bool:
        """Forget a typed value that could not be saved; True when there was one."""
        had, self.unsaved = self.unsaved, False
        return had

    def parse(self) -> tuple[object, str | None]:
        """The typed value (None when blank) and the reason it is refused, if it is."""
        text = self.edit.text().strip().replace(",", ".")
        message = validate_range(text, self.lo, self.hi, self.label, whole=self.whole,
                                 unit=self.unit)
        if message or not text:
            return None, message
        number = float(text)
        return (int(number) if self.whole else number), None

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.edit.setAccessibleDescription(f"{message} ({self.range_text()})")
        self.edit.setStyleSheet(f"border: 1px solid {ERROR_COLOUR};")

    def clear_error(self) -> None:
        self.error.hide()
        self.error.clear()
        self.edit.setAccessibleDescription(self.range_text())
        self.edit.setStyleSheet("")

    def _finish(self) -> None:
        value, message = self.parse()
        if message:
            self.show_error(message)
            return
        self.clear_error()
        if value != self._value:
            self._value = value
            self.unsaved = False  # commit_failed sets it again if this save fails too
            self.committed.emit(value)

    def step(self, delta: int) -> None:
        current, message = self.parse()
        if message:
            return
        base = current if current is not None else (self.lo - delta if delta > 0 else self.hi)
        new = min(self.hi, max(self.lo, base + delta))
        self.edit.setText(_num(new))


class LightBadge(QWidget):
    """A round traffic light (green, amber, red, or grey for no data)."""

    def __init__(self, diameter: int = 28):
        super().__init__()
        self.colour: str | None = None
        self.diameter = diameter
        self.setFixedSize(QSize(diameter, diameter))

    def set_colour(self, colour: str | None) -> None:
        self.colour = colour
        self.setAccessibleName({
            "green": self.tr("light: green"), "amber": self.tr("light: amber"),
            "red": self.tr("light: red"),
        }.get(colour or "", self.tr("light: no data")))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(LIGHT_COLOURS.get(self.colour or "", "#9e9e9e"))
        painter.setBrush(fill)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawEllipse(1, 1, self.diameter - 2, self.diameter - 2)


def _num(value: float) -> str:
    """A range's end as the field shows it: 10, 7.5 / 7,5 (``{:g}`` in the UI's language;
    English needs no Babel)."""
    if i18n.current() == "en":
        return f"{value:g}"
    return i18n.format_number(value, 6)


def ui_locale() -> QLocale:
    """The locale dates are written in: the UI language's (``i18n.FORMAT_LOCALES``), and
    for English Qt's "C" locale, whose names are Python's ("Sep", not en_GB's "Sept")."""
    lang = i18n.current()
    if lang == "en":
        return QLocale(QLocale.Language.C)
    return QLocale(i18n.FORMAT_LOCALES[lang])


def format_when(value: date | datetime, english: str, other: str) -> str:
    """``value`` written with the ``QLocale.toString`` pattern ``english`` in English
    (the app's wording since before translations: "Tue 03 Mar 2026 14:05:09") and
    ``other`` in French and German (``ui_i18n.date_pattern`` forms, plus a time)."""
    pattern = english if i18n.current() == "en" else other
    if isinstance(value, datetime):
        when = QDateTime(QDate(value.year, value.month, value.day),
                         QTime(value.hour, value.minute, value.second))
        return ui_locale().toString(when, pattern)
    return ui_locale().toString(QDate(value.year, value.month, value.day), pattern)


def fmt_date(day: date, form: str = "day") -> str:
    """A date in the UI's language: "Tue 3 Mar 2026" / "mar. 3 mars 2026" /
    "Di., 3. März 2026" (``form``: a ``ui_i18n.date_pattern`` form)."""
    pattern = ui_i18n.date_pattern(form)
    return ui_locale().toString(QDate(day.year, day.month, day.day), pattern)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and nested layout of ``layout`` (the rows put in its
    place are named for screen readers once the event loop is back)."""
    from .accessibility import rows_added

    rows_added(layout.parentWidget())
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            focus = QApplication.focusWidget()
            if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                focus.clearFocus()  # else hiding it sends the cursor to a random widget
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def set_combo_data(combo: QComboBox, value) -> None:
    """Select the item whose data is ``value`` (the first item when none is), silently."""
    index = combo.findData(value)
    combo.blockSignals(True)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


# ---- forms that fit the window (issue 18 item 3) ----------------------------------------


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the width runs out.

    A row of fields (the check-in, a session) then never needs a horizontal scroll bar:
    at 1024 px or at 200 % scale its last fields move under the first ones instead of
    being cut off. The layout's minimum width is its widest item, and its height follows
    its width (``heightForWidth``), so a scroll area gives it the lines it needs.

    Args:
        parent: the widget whose layout this is (None to nest it in another layout).
        spacing: pixels between items on a line; ``line_spacing`` between lines.
        columns: lay the items out in equal columns as wide as the widest item, as many
            as fit (one column on a narrow window): a list that reflows to one column.
        bottom: put a lone widget (a button, a label) at the bottom of its line, beside
            the fields of the ``labelled`` cells, which line up at the top (a field drawn
            shorter with its red border stays under its label's line); all at the top
            otherwise.
        center: centre every item in its line's height instead (a bar of buttons
            beside a large title).

    Items keep the order they were added in, which is also the page's Tab order.
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 10,
                 line_spacing: int = 6, columns: bool = False, bottom: bool = False,
                 center: bool = False):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing, self._line_spacing = spacing, line_spacing
        self.columns, self.bottom, self.center = columns, bottom, center
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # the QLayout interface
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        widget = item.widget()
        if widget is not None and not Shiboken.createdByPython(item):
            # ``addWidget`` hands over an item Qt made, and Qt deletes it again (when the
            # widget goes) without telling PySide: its wrapper, kept in ``_items``, then
            # stays registered at a freed address, and the next object Qt puts there
            # (a layout, a widget) gets it: "stale wrapper of another type", and a segfault
            # in BindingManager::releaseWrapper when that object is destroyed. An item made
            # here is a PySide wrapper class, whose destructor tells PySide.
            own = QWidgetItem(widget)
            own.setAlignment(item.alignment())
            Shiboken.delete(item)
            item = own
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Everything on one line (what the layout prefers when there is room)."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """The widest item (one item a line is the narrowest the layout can go) by the
        tallest: the height a width needs is ``heightForWidth``'s to say. (The height of
        one item a line would make a scroll area around it far taller than its content.)"""
        shown = self._shown()
        width = max((self._item_width(i, shown) for i in shown), default=0)
        height = max((i.minimumSize().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    # placing
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _item_width(self, item: QLayoutItem, shown: list[QLayoutItem]) -> int:
        if self.columns:
            return max(i.sizeHint().width() for i in shown)
        return max(item.minimumSize().width(), item.sizeHint().width())

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        shown = self._shown()
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        x = 0
        for item in shown:
            width = min(self._item_width(item, shown), max(area.width(), 1))
            if lines[-1] and x + width > area.width():
                lines.append([])
                x = 0
            lines[-1].append((item, width))
            x += width + self._spacing
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(self._item_height(item, w) for item, w in line)
            x = area.x()
            for item, width in line:
                if move:
                    h = min(height, self._item_height(item, width))
                    widget = item.widget()
                    lone = widget is not None and widget.layout() is None
                    top = y + (height - h if self.bottom and lone else 0)
                    if self.center:
                        top = y + (height - h) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, h)))
                x += width + self._spacing
            y += height + self._line_spacing
        used = y - area.y() - (self._line_spacing if shown else 0)
        return max(used, 0) + m.top() + m.bottom()

    @staticmethod
    def _item_height(item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return item.heightForWidth(width)
        return item.sizeHint().height()


def labelled(text: str, widget: QWidget, *, mnemonic: bool = False) -> QWidget:
    """``widget`` under its label, as one item of a ``FlowLayout`` (a field and its label
    wrap together). With ``mnemonic`` the label's ``&`` letter is an Alt-letter reaching
    the widget (or a NumberField's entry); otherwise the text shows as it is."""
    cell = QWidget()
    box = QVBoxLayout(cell)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    label = QLabel(text)
    if mnemonic:
        label.setBuddy(widget.edit if isinstance(widget, NumberField) else widget)
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)
    box.addWidget(label)
    box.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
    return cell


def errors_below(fields, layout: QLayout) -> None:
    """Show each NumberField's message in ``layout``, under the row of fields and as wide
    as it, instead of under the field itself, where a 56-px column wrapped a sentence
    into six lines and pushed the row out of line. The message names its field."""
    for field in fields:
        field.error.setParent(None)
        layout.addWidget(field.error)


def fit_header(view, widths) -> None:
    """Give the columns of ``view`` (a table or tree) the ``widths`` in pixels, each
    header's text whole in its column: a text wider than its column wraps at its spaces
    ("Douleur / matinale"; the header grows to the lines it needs), and a column widens to
    its header's longest word (one long word: "Morgenschmerz"). The model's header
    texts stay as they are."""
    from PySide6.QtWidgets import QStyle

    header = view.header() if hasattr(view, "header") else view.horizontalHeader()
    model = view.model()
    header.setDefaultAlignment(header.defaultAlignment()
                               | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value))
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    fm = header.fontMetrics()
    lines = 1
    for column, width in enumerate(widths):
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        longest_word = max((fm.horizontalAdvance(w) for w in text.split()), default=0)
        width = max(width, longest_word + 2 * margin)
        view.setColumnWidth(column, width)
        box = fm.boundingRect(QRect(0, 0, width - 2 * margin, 1000),
                              int(Qt.TextFlag.TextWordWrap.value), text)
        lines = max(lines, round(box.height() / fm.lineSpacing()))
    if lines > 1:
        header.setMinimumHeight(lines * fm.lineSpacing() + 2 * margin + 2)


def fit_month_button(calendar) -> None:
    """Room for the menu arrow of a calendar's month button: the style draws it in the
    button's corner, over the end of a long month name ("novembre", "September")."""
    from PySide6.QtWidgets import QStyle, QToolButton

    button = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    if button is None:
        return
    fm = button.fontMetrics()
    widest = max(fm.horizontalAdvance(calendar.locale().standaloneMonthName(m))
                 for m in range(1, 13))
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    button.setMinimumWidth(widest + 2 * arrow)
