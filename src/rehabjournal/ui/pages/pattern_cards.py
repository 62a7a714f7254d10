"""The widgets of the Progress page's Patterns tab: a card per finding, and a fold.

A ``FindingCard`` shows one ``domain.flares.Finding`` in plain words (its ``text``) and its
figures (the counts, the risk ratio with its 95 % confidence interval, "adjusted for N
comparisons"). Cards take the keyboard focus (Tab, or the arrow keys between cards) and
the mouse; the focused card is the one the chart shows. The card paints its own frame
from the widget's palette, so it follows a light or dark system palette like the charts.

A ``Fold`` is a button that shows or hides a block of text (the factors not tested).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ...services import pattern_text as pt


class FindingCard(QFrame):
    """One finding; ``chosen(row)`` when it gets the focus, ``step(+1/-1)`` for the
    arrow keys (the tab moves the focus to the next or previous card)."""

    chosen = Signal(int)
    step = Signal(int)

    def __init__(self, row: int, finding, comparisons: int, parent=None):
        super().__init__(parent)
        self.row = row
        self.finding = finding
        self.is_chosen = False
        self.setObjectName("findingCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(3)
        self.text = QLabel(f"<b>{escape(finding.text)}</b>")
        self.text.setObjectName("findingText")
        self.text.setWordWrap(True)
        self.figures = QLabel(pt.figures_text(finding, comparisons))
        self.figures.setObjectName("findingFigures")
        self.figures.setWordWrap(True)
        layout.addWidget(self.text)
        layout.addWidget(self.figures)
        self.setAccessibleName(finding.text)
        self.setAccessibleDescription(self.figures.text())
        self.setToolTip(pt.figures_help(finding))

    def set_chosen(self, on: bool) -> None:
        if on != self.is_chosen:
            self.is_chosen = on
            self.update()

    def paintEvent(self, event) -> None:
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 2.0 if self.is_chosen else 1.0
        colour = pal.color(QPalette.ColorRole.Highlight if self.is_chosen
                           else QPalette.ColorRole.Mid)
        painter.setPen(QPen(colour, width))
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        half = width / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 5, 5)
        if self.hasFocus():
            pen = QPen(pal.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(4, 4, -4, -4), 3, 3)
        painter.end()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.chosen.emit(self.row)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.step.emit(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.step.emit(-1)
        else:
            super().keyPressEvent(event)


class Fold(QWidget):
    """A button ("▸ Not tested (7)") that shows or hides ``body`` (rich text), folded at
    first."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.button = QToolButton()
        self.button.setObjectName(f"{name}Toggle")
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.toggled.connect(self.set_open)
        self.body = QLabel()
        self.body.setObjectName(f"{name}List")
        self.body.setWordWrap(True)
        self.body.setIndent(18)
        self.body.hide()
        layout.addWidget(self.button)
        layout.addWidget(self.body)

    def set_open(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)
        if self.button.isChecked() != on:
            self.button.setChecked(on)

    def set_content(self, title: str, body: str) -> None:
        self.button.setText(title)
        self.button.setAccessibleName(title)
        self.body.setText(body)
