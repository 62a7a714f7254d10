"""A Qt canvas for one ``charts`` chart: coalesced redraws, palette, hover, save.

Importing this module imports matplotlib: only pages that show charts import it, and only
when they are first shown.
"""

from __future__ import annotations

from math import ceil
from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtGui import QCursor, QPalette
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QSizePolicy, QToolTip

from ..charts.theme import Theme, theme_from_palette
from ..errors import StorageError
from ..i18n import N_

FORMATS = {"png": QT_TRANSLATE_NOOP("ChartCanvas", "PNG image (*.png)"),
           "svg": QT_TRANSLATE_NOOP("ChartCanvas", "SVG vector image (*.svg)")}
"""The file types a chart is saved as (English; the dialog shows them translated)."""


LABEL_PAD = 0.08
"""Inches kept free above and below a y-axis label (``ChartCanvas.label_room``)."""
LABEL_ROOM_MAX = 240
"""The most pixels ``ChartCanvas.label_room`` asks (pages are 768 pixels high)."""


def palette_theme(palette: QPalette) -> Theme:
    """The chart theme of a Qt palette (Window, WindowText and Base colours)."""
    role = QPalette.ColorRole
    return theme_from_palette(
        palette.color(role.Window).name(),
        palette.color(role.WindowText).name(),
        palette.color(role.Base).name(),
    )


class ChartCanvas(FigureCanvasQTAgg):
    """Shows ``chart.figure``; redraw with ``request_redraw()`` after ``chart.update()``.

    * Redraws are coalesced: any number of requests in one turn of the event loop give
      one draw; a hidden canvas only remembers it is stale and draws when shown.
    * The chart follows the widget's palette (light or dark) on a palette change.
    * Hovering shows ``chart.describe(...)`` as a tooltip (kept in ``hover_text``).
    * The context menu saves the chart as PNG or SVG.
    """

    def __init__(self, chart, name: str = "chart", min_height: int = 200, parent=None):
        self._theme_key: tuple | None = None
        self.chart = chart
        super().__init__(chart.figure)
        # matplotlib gives the canvas its own white palette, which cuts it off from palette
        # changes; an empty palette inherits the parent's again (the figure covers the
        # whole widget, so the background is never seen)
        self.setPalette(QPalette())
        if parent is not None:
            self.setParent(parent)
        self.name = name
        self.hover_text: str | None = None
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._flush)
        self._palette_timer = QTimer(self)
        self._palette_timer.setSingleShot(True)
        self._palette_timer.setInterval(0)
        self._palette_timer.timeout.connect(self.apply_palette)
        self.setMinimumHeight(max(min_height, self.label_room()))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.setToolTip("")
        self.setAccessibleName(name)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("figure_leave_event", self._on_leave)
        self.apply_palette(redraw=False)

    def label_room(self) -> int:
        """The height (pixels) a one-axes chart with fixed margins needs for its y-axis
        label to stay on the canvas: the label is centred on the axes, and a long one
        ("% des jours d'exercices") runs off the top and the bottom of a low canvas.
        0 for other charts (a layout engine places their labels); at most
        ``LABEL_ROOM_MAX``."""
        chart, figure = self.chart, self.figure
        axes = [ax for ax in figure.axes if ax.get_visible()]
        if getattr(chart, "layout", None) is not None or len(axes) != 1:
            return 0
        label = axes[0].yaxis.label
        if not label.get_visible() or not label.get_text():
            return 0
        tall = label.get_window_extent(self.get_renderer()).height / figure.dpi
        _left, _right, top, bottom = chart.margins
        inches = tall + abs(top - bottom) + LABEL_PAD
        return min(ceil(inches * figure.dpi / self.device_pixel_ratio), LABEL_ROOM_MAX)

    # ---- redraws -----------------------------------------------------------------------
    def request_redraw(self) -> None:
        """Redraw once the current burst of changes is over (or when next shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._timer.start()

    def _flush(self) -> None:
        self._stale = False
        self.draw_idle()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # resizes the figure and asks for a draw
        self.chart.relayout()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.request_redraw()

    # ---- palette -----------------------------------------------------------------------
    def source_palette(self) -> QPalette:
        """The palette the chart follows (inherited from the parent or the application)."""
        return self.palette()

    def apply_palette(self, redraw: bool = True) -> None:
        """Recolour the chart for the current palette (only when the colours changed)."""
        if not hasattr(self, "_timer"):
            return  # still in matplotlib's __init__
        theme = palette_theme(self.source_palette())
        key = (theme.figure_bg, theme.fg, theme.axes_bg)
        if key == self._theme_key:
            return
        self._theme_key = key
        self.chart.set_theme(theme)
        if redraw:
            self.request_redraw()

    def event(self, event) -> bool:
        if hasattr(self, "_palette_timer") and event.type() in (
            QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.StyleChange, QEvent.Type.ParentChange,
        ):
            # look once the event is over (coalesces the burst of events of one change)
            self._palette_timer.start()
        return super().event(event)

    # ---- hover -------------------------------------------------------------------------
    def _on_motion(self, event) -> None:
        text = None
        if event.inaxes is not None and event.xdata is not None:
            text = self.chart.describe(event.xdata, event.ydata, event.inaxes)
        if text == self.hover_text:
            return
        self.hover_text = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

    def _on_leave(self, _event) -> None:
        self.hover_text = None
        QToolTip.hideText()

    # ---- saving ------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Save the chart as PNG or SVG (by the file's suffix; PNG when none).

        Written like every file of the app (``services.files.write_bytes``): complete or
        not at all, mode 0600; a device or folder is refused.

        Raises:
            StorageError: the file cannot be written (the message says why and where).
        """
        import io

        from ..services.files import write_bytes

        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            fmt = "png"
            path = path.with_suffix(".png")
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format=fmt, dpi=150,
                            facecolor=self.figure.get_facecolor())
        return write_bytes(path, buffer.getvalue(), what=N_("the chart"))

    def save_dialog(self, fmt: str = "png") -> Path | None:
        start = str(Path.home() / f"{self.name}.{fmt}")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as {format}").format(format=fmt.upper()), start,
            self.tr(FORMATS[fmt]))
        if not path:
            return None
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        try:
            return self.save(path)
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Chart not saved"), exc.message)
            return None

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        for fmt in FORMATS:
            action = menu.addAction(self.tr("Save Chart as {format}...").format(
                format=fmt.upper()))
            action.setObjectName(f"save_{fmt}")
            action.triggered.connect(lambda _=False, f=fmt: self.save_dialog(f))
        return menu

    def _context_menu(self, pos) -> None:
        self.context_menu().exec(self.mapToGlobal(pos))
