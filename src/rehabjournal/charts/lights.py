"""The pain-monitoring light calendar: a strip with one cell per day.

Each cell has the day's light colour (``domain.light``: green, amber, red; grey when there
is nothing to judge). A red-flag day is drawn apart from a load-red day, as the PDF strip
does: the whole cell takes its tier's colour with the tier's symbol in white on it
(``domain.scales.FLAG_TIERS``: "!" on dark red, see a clinician now; "?" on brown-amber,
book an assessment), readable on 10-pixel cells; a day waiting for its next-morning
rating is grey and hatched. Colour is never the only signal: every other cell carries
the light's letter as the PDF strip does (G green, A amber, R red, W waiting; nothing on
a day with nothing to judge) while the cells are wide enough to read one
(``LETTER_MIN_PX``). The legend above the strip (two lines of the title, no
matplotlib legend: the strip redraws with every period change) says so in the words of
``domain.light.LEGEND``, with the rule every legend states: progress one step only after
a full green week.
"""

from __future__ import annotations

from functools import lru_cache

from ..domain import light as light_mod
from ..domain import scales
from ..i18n import N_, _, pgettext
from .theme import CHART_FONTS, LIGHT, Chart, Theme, _luminance, day_numbers, fmt_date, lower_first

NAMES = {
    "green": N_("green"),
    "amber": N_("amber"),
    "red": N_("red"),
    light_mod.WAITING: light_mod.WAITING_LABEL,
    None: N_("no light (nothing to judge)"),
}
"""What the hover text calls each status (English: translate with ``_`` where shown)."""

WAITING_HATCH = "////"
LETTERS = {"green": "G", "amber": "A", "red": "R", light_mod.WAITING: "W"}
"""The English letter on a cell of each light (the PDF strip's: ``reports.flowables.day_mark``);
a red-flag day shows its tier's symbol instead ("!" or "?"). ``light_letter`` gives the
current language's."""


def light_letter(key: str | None) -> str:
    """The letter of a light in the current language ("G", "A", "R", "W"; French "V", "O",
    "R", "A"; German "Gr", "Ge", "R", "W"); "" for none."""
    letters = {
        "green": pgettext("light letter", "G"),
        "amber": pgettext("light letter", "A"),
        "red": pgettext("light letter", "R"),
        light_mod.WAITING: pgettext("light letter", "W"),
    }
    return letters.get(key or "", "")


LETTER_MIN_PX = 9.0
"""Narrower cells (a long period) show no letters: they would run into each other; the
tier symbols stay, and hovering a cell still names its light."""
LETTER_SIZE = 7.0
"""The type size of the cells' letters (points)."""
LETTER_LEAST_SIZE = 5.0
"""Marks of two letters (German "Gr", "Ge") too wide for the cells at ``LETTER_SIZE`` are
drawn smaller, down to this size; narrower cells show none."""
LETTER_ROOM_PX = 1.5
"""Pixels of a cell left beside a two-letter mark (so that neighbours never touch)."""
STACK_SPACING = 1.0
"""Line spacing of a two-letter mark stood in two lines (times the type size)."""
TITLE = N_("Pain-monitoring light per day")


@lru_cache(maxsize=64)
def _text_width_pt(text: str, size: float) -> float:
    """The width in points of ``text`` in the letters' bold type at ``size`` (the chart
    fonts' first family, ``theme.CHART_FONTS``: the letters are Latin)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family=CHART_FONTS[0][0], weight="bold", size=size)
    return TextToPath().get_text_width_height_descent(text, prop, ismath=False)[0]


def _legend_item(key: str) -> light_mod.LegendItem:
    return next(item for item in light_mod.LEGEND if item.key == key)


def legend_text() -> str:
    """The strip's legend line, every entry of ``domain.light.LEGEND`` in its short words:
    "G green: keep going   A amber: hold   R red: back off   W hatched: waiting   ! see
    a clinician now   ? book an assessment"."""
    parts = []
    for item in light_mod.LEGEND:
        if item.key == light_mod.WAITING:
            parts.append(_("{letter} hatched: {meaning}").format(
                letter=light_letter(item.key), meaning=_(item.short)))
        elif item.key in LETTERS:
            parts.append(f"{light_letter(item.key)} {_(item.short)}")
        elif item.symbol:
            parts.append(f"{item.symbol} {_(item.short)}")
        else:
            parts.append(_(item.short))
    return "   ".join(parts)


def title_text() -> str:
    """The strip's title and legend (two lines): "Pain-monitoring light per day -
    progress one step only after a full green week" over ``legend_text()``."""
    return _("{title} - {rule}").format(title=_(TITLE), rule=_(light_mod.PROGRESS_RULE)) + (
        f"\n{legend_text()}")


def marks_from(data) -> list[str | None]:
    """Per day of ``data``: ``scales.URGENT``, ``scales.ASSESSMENT``, ``light.WAITING`` or None.

    ``data.light_marks`` (``domain.light.marks_of``) when it has them; otherwise made from
    ``data.red_flag_tiers`` (the day's red-flag tier) and ``data.light_statuses``
    ("waiting"), whichever it has.
    """
    n = len(data.days)
    marks = getattr(data, "light_marks", None)
    if marks:
        return list(marks)
    tiers = list(getattr(data, "red_flag_tiers", None) or ())
    statuses = list(getattr(data, "light_statuses", None) or ())
    out: list[str | None] = []
    for i in range(n):
        tier = tiers[i] if i < len(tiers) else None
        status = statuses[i] if i < len(statuses) else None
        out.append(tier or (light_mod.WAITING if status == light_mod.WAITING else None))
    return out

class LightStripChart(Chart):
    """One coloured cell a day; red-flag days carry their tier's symbol, waiting days a hatch.

    ``update(data)`` reads ``data.days`` and ``data.lights`` (colours), and the marks of
    ``marks_from(data)``: ``data.light_marks`` (``domain.light.marks_of``), or
    ``data.red_flag_tiers`` and ``data.light_statuses``.
    """

    figsize = (8.0, 1.1)
    layout = None
    margins = (0.7, 0.2, 0.38, 0.3)  # same left margin as the pain chart: the days align

    def _build(self) -> None:
        from matplotlib.collections import PolyCollection

        ax = self.ax = self.figure.add_subplot()
        self._date_axis(ax)
        ax.xaxis.get_major_formatter().show_offset = False  # the charts below show the year
        ax.tick_params(labelsize=8, left=False, labelleft=False)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        # the legend shares the title's text: the strip redraws with every period change,
        # and each text artist (or a matplotlib legend's layout) adds to its drawing time
        self.legend = ax.set_title(title_text(), fontsize=8, loc="left", linespacing=1.15)
        self.image = ax.imshow([[(1.0, 1.0, 1.0)]], aspect="auto", interpolation="nearest",
                               extent=(0, 1, 0, 1), origin="lower")
        ax.set_ylim(0, 1)
        self.waiting = PolyCollection([], facecolors="none", linewidths=0,
                                      hatch=WAITING_HATCH, zorder=2)
        ax.add_collection(self.waiting)
        self.symbols: list = []
        self.letters: list = []
        self.data = None
        self.xs: list[float] = []
        self.marks_shown: list[str | None] = []

    def _recolour(self) -> None:
        self.waiting.set_edgecolor(self.theme.muted)
        if self.data is not None:
            self.image.set_data(self._rgb(self.data.lights, self.marks_shown))
            self._draw_letters()

    def _rgb(self, lights, marks=()):
        """The cells' colours: the light's, or the red-flag tier's on a flagged day."""
        from matplotlib.colors import to_rgb

        cache: dict = {}
        row = []
        for i, colour in enumerate(lights):
            mark = marks[i] if i < len(marks) else None
            key = mark if mark in scales.FLAG_TIERS else colour
            if key not in cache:
                cache[key] = to_rgb(scales.FLAG_TIERS[key].colour if key in scales.FLAG_TIERS
                                    else self.theme.light_colour(colour))
            row.append(cache[key])
        return [row or [to_rgb(self.theme.no_light)]]

    def _symbol(self, i: int):
        # white on the tier's colour, the box the cell's colour (no ring to blur at 10 px)
        while len(self.symbols) <= i:
            self.symbols.append(self.ax.text(
                0, 0.5, "", ha="center", va="center", fontsize=8, fontweight="bold",
                color="white", zorder=3, gid="keep-symbol", clip_on=True,
                bbox={"boxstyle": "square,pad=0.1", "linewidth": 0}))
        return self.symbols[i]

    def _letter(self, i: int):
        while len(self.letters) <= i:
            self.letters.append(self.ax.text(
                0, 0.5, "", ha="center", va="center", fontsize=LETTER_SIZE,
                fontweight="bold", zorder=3, gid="keep-letter", clip_on=True,
                linespacing=STACK_SPACING))
        return self.letters[i]

    def _cell_px(self) -> tuple[float, float]:
        """The width and height of a cell in pixels at the figure's size."""
        box = self.ax.get_position()
        dpi = self.figure.dpi
        return (box.width * self.figure.get_figwidth() * dpi / len(self.xs),
                box.height * self.figure.get_figheight() * dpi)

    def letter_layout(self) -> tuple[float, bool] | None:
        """How the cells' letters are drawn at the figure's size: (type size, stacked), or
        None when the cells are too narrow for them.

        Cells narrower than ``LETTER_MIN_PX`` show none. Single letters (English, French)
        are ``LETTER_SIZE``. Marks of two letters (German "Gr", "Ge") too wide for a cell
        at that size are drawn smaller to fit it, down to ``LETTER_LEAST_SIZE``; in
        narrower cells their two letters stand one above the other ("G" over "r"), as
        large as the cell allows. All the strip's letters take the same size.
        """
        if not self.xs:
            return None
        width, height = self._cell_px()
        if width < LETTER_MIN_PX:
            return None
        marks = [light_letter(key) for key in LETTERS]
        if max(len(mark) for mark in marks) < 2:
            return LETTER_SIZE, False
        px = self.figure.dpi / 72.0
        room = width - LETTER_ROOM_PX
        widest = max(_text_width_pt(mark, LETTER_SIZE) for mark in marks) * px
        size = LETTER_SIZE * min(1.0, room / widest)
        if size >= LETTER_LEAST_SIZE:
            return size, False
        # stacked: the widest single letter across, two lines down
        letter = max(_text_width_pt(c, LETTER_SIZE) for mark in marks for c in mark) * px
        lines = 2 * STACK_SPACING * LETTER_SIZE * px
        size = LETTER_SIZE * min(1.0, room / letter, height / lines)
        return (size, True) if size >= LETTER_LEAST_SIZE else None

    def letter_size(self) -> float | None:
        """The type size of the cells' letters (``letter_layout``), or None for none."""
        layout = self.letter_layout()
        return layout[0] if layout else None

    def letters_fit(self) -> bool:
        """True when the cells are wide enough for their letters (``letter_layout``): at
        least ``LETTER_MIN_PX``, and room for a two-letter mark in the smallest type."""
        return self.letter_layout() is not None

    def _draw_letters(self) -> None:
        """The light's letter on each cell without a tier symbol, dark on a light cell and
        white on a dark one; none when the cells are too narrow (``letters_fit``)."""
        used = 0
        data = self.data
        layout = self.letter_layout() if data is not None else None
        if data is not None and layout is not None:
            size, stacked = layout
            for i, (x, colour) in enumerate(zip(self.xs, data.lights, strict=False)):
                mark = self.marks_shown[i] if i < len(self.marks_shown) else None
                key = light_mod.WAITING if mark == light_mod.WAITING else colour
                if mark in scales.FLAG_TIERS or key not in LETTERS:
                    continue
                fill = self.theme.light_colour(None if key == light_mod.WAITING else key)
                text = self._letter(used)
                used += 1
                text.set_position((x, 0.5))
                letter = light_letter(key)
                text.set_text("\n".join(letter) if stacked else letter)
                text.set_fontsize(size)
                text.set_color("#202124" if _luminance(fill) > 0.4 else "white")
                text.set_visible(True)
        for text in self.letters[used:]:
            text.set_visible(False)

    def relayout(self) -> None:
        """Place the axes, then show or hide the letters for the new cell width."""
        super().relayout()
        if getattr(self, "data", None) is not None:
            self._draw_letters()

    def cell_letters(self) -> list[str | None]:
        """The letter or symbol drawn on each cell, read back from the artists (for
        tests); None for a cell with none."""
        out: list[str | None] = [None] * len(self.xs)
        index = {round(x): i for i, x in enumerate(self.xs)}
        for text in (*self.letters, *self.symbols):
            if text.get_visible() and text.get_text():
                out[index[round(text.get_position()[0])]] = text.get_text().replace("\n", "")
        return out

    def _draw_marks(self, marks: list[str | None]) -> None:
        waiting = []
        used = 0
        for x, mark in zip(self.xs, marks, strict=False):
            if mark == light_mod.WAITING:
                waiting.append(((x - 0.5, 0), (x - 0.5, 1), (x + 0.5, 1), (x + 0.5, 0)))
            elif mark in scales.FLAG_TIERS:
                tier = scales.FLAG_TIERS[mark]
                text = self._symbol(used)
                used += 1
                text.set_position((x, 0.5))
                text.set_text(tier.symbol)
                text.get_bbox_patch().set_facecolor(tier.colour)
                text.get_bbox_patch().set_edgecolor(tier.colour)
                text.set_visible(True)
        for text in self.symbols[used:]:
            text.set_visible(False)
        self.waiting.set_verts(waiting)

    def update(self, data) -> None:
        """Show ``data.lights`` and ``data.light_marks`` (a ``ProgressData``, a period
        summary: any object with ``days`` and ``lights``)."""
        self.data = data
        xs = self.xs = day_numbers(data.days)
        marks = self.marks_shown = marks_from(data)
        self.image.set_data(self._rgb(data.lights, marks))
        if xs:
            self.image.set_extent((xs[0] - 0.5, xs[-1] + 0.5, 0, 1))
            self.ax.set_xlim(xs[0] - 0.5, xs[-1] + 0.5)
        self._draw_marks(marks)
        self._draw_letters()

    def cell_colours(self) -> list[str | None]:
        """The light of each drawn cell, read back from the image (for tests); a cell in a
        red-flag tier's colour is "red" (a red flag makes the day red)."""
        from matplotlib.colors import same_color

        row = self.image.get_array()[0]
        names = [(n, self.theme.light_colour(n)) for n in ("green", "amber", "red")]
        names += [("red", t.colour) for t in scales.FLAG_TIERS.values()]
        out = []
        for rgb in row:
            out.append(next((n for n, c in names if same_color(tuple(rgb), c)), None))
        return out

    def cell_fill(self, i: int) -> str:
        """The colour of cell ``i`` as "#rrggbb" (for tests)."""
        from matplotlib.colors import to_hex

        return to_hex(tuple(self.image.get_array()[0][i]))

    def cell_marks(self) -> list[str | None]:
        """The mark of each drawn cell, read back from the artists (for tests).

        ``scales.URGENT`` / ``scales.ASSESSMENT`` for a visible tier symbol on the cell,
        ``light.WAITING`` for a hatched cell, None otherwise.
        """
        from matplotlib.colors import same_color

        out: list[str | None] = [None] * len(self.xs)
        index = {round(x): i for i, x in enumerate(self.xs)}
        for path in self.waiting.get_paths():
            left = float(path.vertices[0][0])
            out[index[round(left + 0.5)]] = light_mod.WAITING
        for text in self.symbols:
            if not text.get_visible():
                continue
            colour = text.get_bbox_patch().get_facecolor()
            tier = next(k for k, t in scales.FLAG_TIERS.items()
                        if t.symbol == text.get_text() and same_color(colour, t.colour))
            out[index[round(text.get_position()[0])]] = tier
        return out

    def describe(self, x: float, y: float, ax) -> str | None:
        data = self.data
        if data is None or not self.xs:
            return None
        i = round(x - self.xs[0])
        if not 0 <= i < len(data.days):
            return None
        mark = self.marks_shown[i] if i < len(self.marks_shown) else None
        status = light_mod.WAITING if mark == light_mod.WAITING else data.lights[i]
        name = NAMES.get(status)
        text = f"{fmt_date(data.days[i])}: {_(name) if name else status}"
        if mark in scales.FLAG_TIERS:
            tier = scales.FLAG_TIERS[mark]
            text += " " + _("({symbol} red flag: {advice})").format(
                symbol=tier.symbol, advice=lower_first(_(tier.heading)))
        reasons = getattr(data, "light_reasons", None)
        if reasons and reasons[i]:
            text += f"\n{reasons[i]}"
        return text


def light_strip_figure(data, theme: Theme = LIGHT, figsize=None):
    """A ``Figure`` of the daily light strip for ``data`` (a ``ProgressData``); for the PDF."""
    chart = LightStripChart(theme, figsize)
    chart.update(data)
    return chart.figure
