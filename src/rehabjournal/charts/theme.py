"""Chart colours for the light and dark palettes, and recolouring a figure in place.

No Qt here: the UI reads its ``QPalette`` and passes the colours to ``theme_from_palette``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from ..i18n import FORMAT_LOCALES, current, format_date, format_fixed, format_number


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours of one palette (any matplotlib colour string)."""

    name: str
    figure_bg: str
    axes_bg: str
    fg: str
    grid: str
    muted: str
    morning: str
    during: str
    after: str
    load_bar: str
    week_bar: str
    week_high: str
    ratio: str
    band: str
    event: str
    red_flag: str
    green: str
    amber: str
    red: str
    no_light: str

    @property
    def dark(self) -> bool:
        return _luminance(self.figure_bg) < 0.5

    def light_colour(self, colour: str | None) -> str:
        """The strip colour of a light ("green"/"amber"/"red"/None)."""
        return {"green": self.green, "amber": self.amber, "red": self.red}.get(
            colour or "", self.no_light
        )


LIGHT: Final = Theme(
    name="light", figure_bg="#ffffff", axes_bg="#ffffff", fg="#202124", grid="#d5d8dc",
    muted="#6b7075", morning="#1f5fa8", during="#c2410c", after="#7b3fa0",
    load_bar="#5b8cc0", week_bar="#8aa9c9", week_high="#d97706", ratio="#1f5fa8",
    band="#2e9d4f", event="#555b61", red_flag="#d32f2f", green="#2e9d4f", amber="#e0a100",
    red="#d32f2f", no_light="#c9ccd1",
)
DARK: Final = Theme(
    name="dark", figure_bg="#2b2b2b", axes_bg="#2b2b2b", fg="#e8eaed", grid="#4a4d52",
    muted="#a5a9ae", morning="#6ea8ff", during="#ff9a5c", after="#c89bf0",
    load_bar="#5f95d0", week_bar="#6f8fb0", week_high="#ffb347", ratio="#8cc0ff",
    band="#4caf6a", event="#b8bcc2", red_flag="#ff6b6b", green="#43b463", amber="#f0b400",
    red="#e85050", no_light="#55585d",
)


def _rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    return int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255


def _luminance(colour: str) -> float:
    r, g, b = _rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _mix(a: str, b: str, t: float) -> str:
    ra, rb = _rgb(a), _rgb(b)
    return "#" + "".join(f"{round(255 * (x + (y - x) * t)):02x}" for x, y in zip(ra, rb,
                                                                                  strict=True))


def theme_from_palette(window: str, window_text: str, base: str | None = None) -> Theme:
    """A theme for a palette's Window, WindowText and Base colours ("#rrggbb").

    The series colours come from ``DARK`` or ``LIGHT`` by the window's brightness; the
    background, text and grid follow the palette exactly.
    """
    family = DARK if _luminance(window) < 0.5 else LIGHT
    return replace(
        family,
        name=family.name,
        figure_bg=window,
        axes_bg=base or window,
        fg=window_text,
        grid=_mix(base or window, window_text, 0.18),
        muted=_mix(window, window_text, 0.6),
    )


def apply_theme(fig, theme: Theme) -> None:
    """Recolour a figure's background, axes, text, ticks, spines, grid and legends in place.

    Texts created with ``gid="muted"`` get the muted colour; texts whose gid starts with
    "keep" keep their own colour (series labels).
    """
    fig.set_facecolor(theme.figure_bg)
    for text in fig.texts:
        _colour_text(text, theme)
    for ax in fig.axes:
        ax.set_facecolor(theme.axes_bg)
        for spine in ax.spines.values():
            spine.set_edgecolor(theme.grid)
        ax.tick_params(colors=theme.fg, labelcolor=theme.fg, grid_color=theme.grid,
                       which="both")
        ax.xaxis.label.set_color(theme.fg)
        ax.yaxis.label.set_color(theme.fg)
        for title in (ax.title, getattr(ax, "_left_title", None),
                      getattr(ax, "_right_title", None)):
            if title is not None:
                title.set_color(theme.fg)
        ax.xaxis.get_offset_text().set_color(theme.fg)
        ax.yaxis.get_offset_text().set_color(theme.fg)
        for text in ax.texts:
            _colour_text(text, theme)
    legends = [ax.get_legend() for ax in fig.axes] + list(fig.legends)
    for legend in legends:
        if legend is not None:
            legend.get_frame().set_facecolor(theme.axes_bg)
            legend.get_frame().set_edgecolor(theme.grid)
            for text in legend.get_texts():
                text.set_color(theme.fg)


def _colour_text(text, theme: Theme) -> None:
    gid = text.get_gid() or ""
    if gid.startswith("keep"):
        return
    text.set_color(theme.muted if gid == "muted" else theme.fg)


# --- the shared chart base (matplotlib imported only when a chart is made) -------------

CHART_FONTS: Final = (
    ("DejaVu Sans", None),
    ("WenQuanYi Micro Hei", "WenQuanYiMicroHei.ttf"),
    ("Noto Sans Arabic", "NotoSansArabic-Regular.ttf"),
    ("Noto Sans Hebrew", "NotoSansHebrew-Regular.ttf"),
    ("Noto Sans Devanagari", "NotoSansDevanagari-Regular.ttf"),
    ("Noto Emoji", "NotoEmoji-Regular.ttf"),
    ("Symbola", "Symbola-Symbols.ttf"),
)
"""Font families of chart text, in fallback order, and their files in resources/fonts (the
PDF's fonts, ``reports.scripts``). DejaVu Sans is matplotlib's own."""

_fonts_done = False


def _not_a_missing_bold(record) -> bool:
    """False for matplotlib's "findfont: Failed to find font weight bold for Noto Sans
    Arabic, now using 400": the fallback families ship their regular weight only, and a
    bold title's Arabic letters are meant to come in it (it was logged, once per family, on
    stderr of every window with a chart)."""
    message = record.getMessage()
    if not message.startswith("findfont: Failed to find font weight"):
        return True
    # matplotlib 3.11.0 and 3.11.1 leave the family out of the message
    return " for " in message and not any(family in message for family, _file in CHART_FONTS)


def use_fallback_fonts() -> None:
    """Make matplotlib draw chart text with ``CHART_FONTS``, glyph by glyph (once).

    matplotlib >= 3.6 takes each glyph from the first family in ``font.family`` that has it,
    so a Chinese activity name, an emoji or Arabic letters in a label are not boxes; from
    3.11 it lays text out with libraqm (HarfBuzz and FriBidi), so Arabic joins, Hebrew and
    Arabic read right to left and Devanagari has its conjuncts, as in the PDF's own text.
    """
    global _fonts_done
    if _fonts_done:
        return
    from pathlib import Path

    from matplotlib import font_manager, rcParams

    # paths.resources_dir's two places (charts may not import paths: tests/test_layers.py)
    package = Path(__file__).resolve().parents[1]
    fonts = next((d for d in (package / "resources" / "fonts",
                              package.parent.parent / "resources" / "fonts") if d.is_dir()),
                 package / "resources" / "fonts")
    families = []
    for family, file in CHART_FONTS:
        if file is not None:
            try:
                font_manager.fontManager.addfont(str(fonts / file))
            except (OSError, RuntimeError, ValueError):
                continue  # a missing file: the other families still serve
        families.append(family)
    rcParams["font.family"] = families
    import logging

    logging.getLogger("matplotlib.font_manager").addFilter(_not_a_missing_bold)
    _fonts_done = True


MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec")
"""English abbreviations (the month labels of long date axes in English, as before)."""


def fmt_date(d) -> str:
    """"Tue 3 Mar 2025" in the current language ("mar. 3 mars 2025", "Di., 3. März 2025")."""
    return format_date(d, "day")


def fmt_num(v: float | None, digits: int = 1) -> str:
    """A whole number without decimals, else exactly ``digits`` decimals ("2", "1.50"), with
    the current language's decimal sign ("1,50"); None: "-"."""
    if v is None:
        return "-"
    r = round(float(v), digits)
    return format_number(r, 0) if r == int(r) else format_fixed(r, digits)


def fmt_signed(v: float, digits: int = 0) -> str:
    """A number with its sign and exactly ``digits`` decimals: "+12", "-3.5" ("-3,5")."""
    return ("-" if v < 0 else "+") + format_fixed(abs(v), digits)


def lower_first(text: str) -> str:
    """``text`` with a small first letter inside a sentence ("See a clinician now" ->
    "see a clinician now"); German keeps it (its nouns start with a capital)."""
    if current() == "de":
        return text
    return text[:1].lower() + text[1:]


def month_abbr(d) -> str:
    """A month's short name on a date axis: "Mar" / "mars" / "März"."""
    if current() == "en":
        return MONTHS[d.month - 1]
    from babel.dates import format_date as babel_date

    return babel_date(d, "LLL", locale=FORMAT_LOCALES[current()])


TITLE_MIN_SIZE: Final = 6.5
"""The smallest type a title is shrunk to (``fit_titles``)."""


def fit_titles(fig) -> None:
    """Shrink an axes' left title that would run past the figure's right edge so that it
    fits (a French or German title is longer than its English one); a title that fits
    keeps, or gets back, the size it was made with. Call after a resize or a new title
    (the charts' ``relayout``, the PDF's ``figure_image``)."""
    from matplotlib.textpath import TextToPath

    measure = TextToPath()
    width = fig.get_figwidth() * 72  # points
    for ax in fig.axes:
        title = getattr(ax, "_left_title", None)
        if title is None or not title.get_text():
            continue
        size = getattr(title, "_made_size", None) or title.get_fontsize()
        title._made_size = size
        prop = title.get_fontproperties().copy()
        prop.set_size(size)
        longest = max(measure.get_text_width_height_descent(line, prop, ismath=False)[0]
                      for line in title.get_text().split("\n"))
        room = width * (1 - ax.get_position().x0) - 4
        scale = room / (longest * 1.03) if longest else 1.0
        title.set_fontsize(max(TITLE_MIN_SIZE, size * scale) if scale < 1 else size)


def set_height_keeping_margins(fig, height: float) -> bool:
    """Make ``fig`` ``height`` inches tall by changing the height of its panels only: the
    margins and the gaps between stacked panels (tick labels, titles, a legend under the
    axis) keep their size in inches, so a shorter chart keeps readable type (the PDF's
    first chart takes the room left on page one, ``reports.flowables.FittedChart``).

    A figure with a layout engine (constrained) lays itself out again when drawn. Panels
    side by side (twin axes) move together.

    Returns:
        False, and nothing changed, when the margins alone need more than ``height`` or
        the panels are not stacked one above the other.
    """
    old = fig.get_figheight()
    if fig.get_layout_engine() is not None:
        fig.set_figheight(height)
        return True
    rows: dict[tuple[float, float], list] = {}
    for ax in fig.axes:
        box = ax.get_position()
        rows.setdefault((round(box.y0, 6), round(box.y1, 6)), []).append(ax)
    spans = sorted(rows)
    if any(a[1] > b[0] + 1e-6 for a, b in zip(spans, spans[1:], strict=False)):
        return False  # overlapping panels (an inset): leave the figure as it is
    panels = sum((y1 - y0) * old for y0, y1 in spans)
    fixed = old - panels
    if not spans or panels <= 0 or height <= fixed:
        return False
    scale = (height - fixed) / panels
    y = spans[0][0] * old  # the bottom margin, in inches
    for i, (y0, y1) in enumerate(spans):
        tall = (y1 - y0) * old * scale
        for ax in rows[(y0, y1)]:
            box = ax.get_position()
            ax.set_position([box.x0, y / height, box.width, tall / height])
        gap = (spans[i + 1][0] - y1) * old if i + 1 < len(spans) else 0.0
        y += tall + gap
    fig.set_figheight(height)
    return True


class Chart:
    """A chart: one ``Figure`` whose artists are made once and then updated.

    Subclasses implement ``_build()`` (make the artists), ``update(data)`` (set their
    data) and optionally ``_recolour()`` (series colours after a theme change) and
    ``describe(x, y, ax)`` (hover text for a point in data coordinates).
    """

    figsize: tuple[float, float] = (8.0, 3.2)
    layout: str | None = "constrained"
    """matplotlib layout engine; None for the fixed margins below (``relayout``), which
    is much faster to draw: a constrained-layout pass costs more than the draw itself."""
    margins: tuple[float, float, float, float] = (0.7, 0.2, 0.32, 0.5)
    """Left, right, top and bottom margins in inches (room for labels and titles)."""
    panel_gap: float = 0.42
    """Inches between stacked panels (room for the lower panel's title)."""

    def __init__(self, theme: Theme = LIGHT, figsize: tuple[float, float] | None = None):
        from matplotlib.figure import Figure

        use_fallback_fonts()
        self.figure = Figure(figsize=figsize or self.figsize, layout=self.layout)
        self.theme = theme
        self._build()
        self.set_theme(theme)
        self.relayout()

    def relayout(self) -> None:
        """Place the axes for the figure's current size (call after a resize).

        Only for charts with ``layout = None``; a layout engine places them itself.
        """
        if self.layout is not None:
            return
        w, h = self.figure.get_size_inches()
        left, right, top, bottom = self.margins
        n = max(1, len(self.figure.axes))
        w, h = max(w, left + right + 0.5), max(h, top + bottom + 0.3 * n)
        panel = max(0.1, (h - top - bottom - (n - 1) * self.panel_gap) / n)
        self.figure.subplots_adjust(left=left / w, right=1 - right / w, top=1 - top / h,
                                    bottom=bottom / h, hspace=self.panel_gap / panel)
        fit_titles(self.figure)

    def _build(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def update(self, data) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _recolour(self) -> None:
        """Series colours for ``self.theme`` (defaults: nothing beyond ``apply_theme``)."""

    def set_theme(self, theme: Theme) -> None:
        """Recolour everything in place for ``theme`` (no artist is rebuilt)."""
        self.theme = theme
        apply_theme(self.figure, theme)
        self._recolour()

    def describe(self, x: float, y: float, ax) -> str | None:
        """Hover text for the point (``x``, ``y``) in ``ax`` data coordinates, or None."""
        return None

    # helpers for subclasses ----------------------------------------------------------
    @staticmethod
    def _date_axis(ax) -> None:
        """Ticks on whole days only (``day_locator``), labelled by ``day_formatter``."""
        locator = day_locator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(day_formatter(locator))

    @staticmethod
    def _style_axes(ax) -> None:
        ax.tick_params(labelsize=8)
        ax.grid(True, axis="y", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

    @staticmethod
    def _empty_text(ax, text: str):
        return ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center",
                       fontsize=10, gid="muted", visible=False)


SHORT_SPAN_DAYS: Final = 14
"""Axes spanning at most this many days label every tick "Tue 17 Mar" (the year as the
offset); longer ones use matplotlib's concise labels ("17", "Mar", "2026")."""
MIN_DAY_TICKS: Final = 7
"""Axes spanning fewer days than this get a tick on every day (``day_locator``)."""


def day_locator():
    """A date locator that puts ticks on whole days only, never hours.

    matplotlib's ``AutoDateLocator`` goes down to hourly ticks (12:00, 09:00 ...) when an
    axis spans fewer days than its minimum number of ticks, as a one-day or two-day period
    does. Here an axis spanning fewer than ``MIN_DAY_TICKS`` days gets one tick at the
    start of each day (a day's bar or dot is centred there); longer axes use the
    ``AutoDateLocator`` (3 to 9 ticks), which picks days, weeks or months for them.
    """
    from datetime import timedelta

    from matplotlib.dates import AutoDateLocator, DayLocator

    class WholeDayLocator(AutoDateLocator):
        def get_locator(self, dmin, dmax):
            if abs(dmax - dmin) < timedelta(days=MIN_DAY_TICKS):
                locator = DayLocator(interval=1, tz=self.tz)
                locator.axis = self.axis
                return locator
            return super().get_locator(dmin, dmax)

    return WholeDayLocator(minticks=3, maxticks=9)


def day_formatter(locator):
    """Tick labels for ``day_locator``: "Tue 17 Mar" on short axes, concise otherwise, in
    the current language ("mar. 17 mars", "Di., 17. März").

    On an axis spanning at most ``SHORT_SPAN_DAYS`` days every tick is a day and says
    which (weekday, day, month), with the year as the axis offset; longer axes get
    matplotlib's ``ConciseDateFormatter`` labels ("17", "Mar", "2026"), the month names
    in the current language.
    """
    from matplotlib.dates import ConciseDateFormatter, num2date

    class DayFormatter(ConciseDateFormatter):
        def format_ticks(self, values):
            values = list(values)
            if not values:
                return super().format_ticks(values)
            view = self.axis.get_view_interval() if self.axis is not None else None
            span = (view[1] - view[0]) if view is not None else values[-1] - values[0]
            if span > SHORT_SPAN_DAYS + 1:
                return self._concise(values)
            days = num2date(values)
            first, last = days[0].year, days[-1].year
            year = str(first) if first == last else f"{first}-{last}"
            self._offset_string = year if self.show_offset else ""
            return [format_date(d, "weekday_day_month") for d in days]

        def _concise(self, values):
            """matplotlib's concise labels, with the month names (strftime's "%b" follows
            the C library's locale) put in by ``_named``."""
            self.formats = list(_CONCISE_FORMATS)
            self.zero_formats = list(_CONCISE_ZERO_FORMATS)
            self.offset_formats = list(_CONCISE_OFFSETS_EN if current() == "en"
                                       else _CONCISE_OFFSETS)
            labels = [_named(label) for label in super().format_ticks(values)]
            self._offset_string = _named(self._offset_string)
            return labels

    return DayFormatter(locator)


# Concise date-axis formats: {M%Y-%m} becomes the month's short name, {Y...} the month and
# year, {D...} the date (``_named``), in the current language.
_CONCISE_FORMATS: Final = ("%Y", "{M%Y-%m}", "%d", "%H:%M", "%H:%M", "%S.%f")
_CONCISE_ZERO_FORMATS: Final = ("", "%Y", "{M%Y-%m}", "{M%Y-%m}-%d", "%H:%M", "%H:%M")
_CONCISE_OFFSETS_EN: Final = ("", "%Y", "%Y-{M%Y-%m}", "%Y-{M%Y-%m}-%d", "%Y-{M%Y-%m}-%d",
                              "%Y-{M%Y-%m}-%d %H:%M")
_CONCISE_OFFSETS: Final = ("", "%Y", "{Y%Y-%m}", "{D%Y-%m-%d}", "{D%Y-%m-%d}",
                           "{D%Y-%m-%d} %H:%M")
_NAMED = re.compile(r"\{([MYD])(\d{4})-(\d{2})(?:-(\d{2}))?\}")


def _named(text: str) -> str:
    """The month names and dates of a concise label in the current language."""

    def name(m: re.Match) -> str:
        d = date(int(m.group(2)), int(m.group(3)), int(m.group(4) or 1))
        if m.group(1) == "M":
            return month_abbr(d)
        return format_date(d, "month_year" if m.group(1) == "Y" else "date")

    return _NAMED.sub(name, text)


def day_numbers(days) -> list[float]:
    """Dates as matplotlib date numbers (days since matplotlib's epoch)."""
    from matplotlib.dates import date2num

    return [float(v) for v in date2num(list(days))] if days else []


def bar_verts(xs, heights, width: float, offset: float = 0.0):
    """Rectangles (as 4 corners each) for bars centred at ``xs + offset``."""
    half = width / 2
    return [
        ((x + offset - half, 0.0), (x + offset - half, h), (x + offset + half, h),
         (x + offset + half, 0.0))
        for x, h in zip(xs, heights, strict=True)
    ]


def bar_heights(collection) -> list[float]:
    """The heights of bars drawn with ``bar_verts`` in a ``PolyCollection``."""
    return [float(p.vertices[1][1]) for p in collection.get_paths()]


class TextPool:
    """Reusable text artists: grows when more are needed, hides the ones not used."""

    def __init__(self, ax, **kwargs):
        self.ax, self.kwargs, self.texts = ax, kwargs, []
        self.colour: str | None = None  # the chart sets it in ``_recolour``

    def show(self, items) -> None:
        """``items``: (x, y, text) triples; every other pooled text is hidden."""
        items = list(items)
        while len(self.texts) < len(items):
            text = self.ax.text(0, 0, "", **self.kwargs)
            if self.colour:
                text.set_color(self.colour)
            self.texts.append(text)
        for t, (x, y, s) in zip(self.texts, items, strict=False):
            t.set_position((x, y))
            t.set_text(s)
            t.set_visible(True)
        for t in self.texts[len(items):]:
            t.set_visible(False)

    def visible(self) -> list:
        return [t for t in self.texts if t.get_visible()]
