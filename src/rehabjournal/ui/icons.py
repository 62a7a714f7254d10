"""Icons from resources/icons (SVG, rendered by Qt's SVG image plugin)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ..paths import resource


@cache
def app_icon() -> QIcon:
    return QIcon(str(resource("icons", "rehabjournal.svg")))
