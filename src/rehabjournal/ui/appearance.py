"""View > Appearance: System, Light or Dark, applied live and remembered on this computer.

"System" is the style and palette the application started with (the desktop's); "Light"
and "Dark" use the Fusion style with a palette of their own, so they look the same on every
system. Charts follow (``ui/chart_canvas.py`` recolours on the palette change); the PDF
preview's pages stay paper-white on the chosen background.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from . import settings as ui_settings

SYSTEM, LIGHT, DARK = ui_settings.APPEARANCES
LABELS = {SYSTEM: QT_TRANSLATE_NOOP("appearance", "&System"),
          LIGHT: QT_TRANSLATE_NOOP("appearance", "&Light"),
          DARK: QT_TRANSLATE_NOOP("appearance", "&Dark")}
"""The View > Appearance entries (English; ``label`` gives them in the UI's language)."""


def label(mode: str) -> str:
    """The menu text of ``mode`` in the UI's language ("&System", "&Système", "&System")."""
    return QCoreApplication.translate("appearance", LABELS[mode])

_DARK_COLOURS = {
    "Window": "#2b2b2b", "WindowText": "#e8eaed", "Base": "#1f1f1f",
    "AlternateBase": "#323232", "ToolTipBase": "#3a3a3a", "ToolTipText": "#e8eaed",
    "PlaceholderText": "#9aa0a6", "Text": "#e8eaed", "Button": "#353535",
    "ButtonText": "#e8eaed", "BrightText": "#ff6b6b", "Light": "#4a4a4a",
    "Midlight": "#3e3e3e", "Mid": "#2f2f2f", "Dark": "#1a1a1a", "Shadow": "#000000",
    "Highlight": "#3d7bd9", "HighlightedText": "#ffffff", "Link": "#8ab4f8",
    "LinkVisited": "#c58af9",
}
_DARK_DISABLED = {"WindowText": "#7f8387", "Text": "#7f8387", "ButtonText": "#7f8387",
                  "Highlight": "#4a4a4a", "HighlightedText": "#9aa0a6"}


def dark_palette() -> QPalette:
    """The Dark appearance's palette (readable contrast, disabled text dimmed)."""
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in _DARK_COLOURS.items():
        palette.setColor(getattr(role, name), QColor(colour))
    for name, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(role, name), QColor(colour))
    return palette


def light_palette() -> QPalette:
    """The Light appearance's palette: Fusion's own standard palette."""
    return QStyleFactory.create("Fusion").standardPalette()


_system_style: str | None = None


def apply(mode: str, app: QApplication | None = None) -> str:
    """Use appearance ``mode`` ("system", "light" or "dark"; anything else is "system").

    Returns:
        The mode applied.
    """
    global _system_style
    app = app or QApplication.instance()
    if _system_style is None:  # the desktop's own style, to come back to
        _system_style = app.style().name()
        if mode not in (LIGHT, DARK):
            return SYSTEM  # at start: leave the desktop's look alone
    if mode not in (LIGHT, DARK):
        mode = SYSTEM
    style = "fusion" if mode != SYSTEM else _system_style
    if app.style().name().lower() != style.lower():
        app.setStyle(style)
    # an empty palette gives the desktop's (or the style's) own palette back
    app.setPalette({SYSTEM: QPalette, LIGHT: light_palette, DARK: dark_palette}[mode]())
    # a widget with a style sheet keeps the palette it was polished with (the sidebar
    # stayed white in Dark): setting its sheet again polishes it with the new one
    for widget in app.allWidgets():
        # a wrapper of another kind at a widget's address (an item of a Python layout that
        # Qt deleted: ui/widgets.FlowLayout) is skipped; it has no style sheet to refresh
        if not isinstance(widget, QWidget):
            continue
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)
    return mode


def apply_saved(app: QApplication | None = None) -> str:
    """Apply the remembered appearance (at start)."""
    return apply(ui_settings.get("appearance.mode"), app)


def choose(mode: str) -> str:
    """Apply ``mode`` and remember it on this computer; returns the mode applied."""
    mode = apply(mode)
    ui_settings.set("appearance.mode", mode)
    return mode


def is_dark(app: QApplication | None = None) -> bool:
    """True when the application's window colour is dark."""
    app = app or QApplication.instance()
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
