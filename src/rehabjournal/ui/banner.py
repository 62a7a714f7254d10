"""A prominent coloured message strip (red flags, suggestions, "could not save").

Kept apart from ``ui/widgets.py`` and free of the ``Qt`` namespace at construction: the
window's frame shows one at start-up, before anything else needs ``Qt`` (importing it costs
about 15 ms). The colours and rich-text format are set when the first message is shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class Banner(QFrame):
    """A message strip, hidden while it has no text.

    Args:
        colour: the background colour (CSS), e.g. "#b71c1c"; the text is white.
        object_name: the frame's object name (tests and style sheets find it by it).
    """

    def __init__(self, colour: str, object_name: str):
        super().__init__()
        self.setObjectName(object_name)
        self.colour = colour
        self._styled = False
        layout = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.hide()

    def set_text(self, html: str | None) -> None:
        """Show ``html`` (rich text), or hide the banner for None or ""."""
        if html:
            if not self._styled:
                self._style()
            self.label.setText(html)
            self.show()
        else:
            self.label.clear()
            self.hide()

    def _style(self) -> None:
        from PySide6.QtCore import Qt

        name = self.objectName()
        self.setStyleSheet(
            f"QFrame#{name} {{ background: {self.colour}; border-radius: 6px; }}"
            f"QFrame#{name} QLabel {{ color: white; }}"
        )
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self._styled = True
