"""Small widgets shared by the pages: validated number fields, error labels, the light badge,
and two helpers for forms that are rebuilt from the journal (``clear_layout``,
``set_combo_data``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.scales import validate_range
from .banner import Banner  # noqa: F401 - pages import it from here

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
        self.edit.setToolTip(f"{label}: {lo:g}-{hi:g}{(' ' + unit) if unit else ''}; "
                             "Up/Down to change, empty for not rated")
        self.error = error_label()
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.editingFinished.connect(self._finish)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        """Up/Down change the number by one step, like a spin box."""
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
        self.edit.setText("" if value is None else f"{value:g}")
        self.clear_error()

    def commit_failed(self, previous) -> None:
        """The committed value could not be saved: keep the typed text, marked "not saved",
        so that finishing the same entry again (Enter, Tab) retries the save."""
        self._value = previous
        self.unsaved = True
        if self.error.isHidden():  # a refusal's reason, shown already, stays
            self.show_error("Not saved yet: press Enter here to try again.")

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
        self.edit.setStyleSheet(f"border: 1px solid {ERROR_COLOUR};")

    def clear_error(self) -> None:
        self.error.hide()
        self.error.clear()
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
        self.edit.setText(f"{new:g}")


class LightBadge(QWidget):
    """A round traffic light (green, amber, red, or grey for no data)."""

    def __init__(self, diameter: int = 28):
        super().__init__()
        self.colour: str | None = None
        self.diameter = diameter
        self.setFixedSize(QSize(diameter, diameter))

    def set_colour(self, colour: str | None) -> None:
        self.colour = colour
        self.setAccessibleName(f"light: {colour or 'no data'}")
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(LIGHT_COLOURS.get(self.colour or "", "#9e9e9e"))
        painter.setBrush(fill)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawEllipse(1, 1, self.diameter - 2, self.diameter - 2)


def fmt_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and nested layout of ``layout``."""
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
