"""The pain-monitoring light calendar: a strip with one cell per day."""

from __future__ import annotations

from .theme import LIGHT, Chart, Theme, day_numbers, fmt_date

NAMES = {"green": "green", "amber": "amber", "red": "red", None: "no light (nothing to judge)"}


class LightStripChart(Chart):
    """One coloured cell a day: green, amber, red, or grey when there is nothing to judge."""

    figsize = (8.0, 1.1)
    layout = None
    margins = (0.7, 0.2, 0.26, 0.3)  # same left margin as the pain chart: the days align

    def _build(self) -> None:
        ax = self.ax = self.figure.add_subplot()
        self._date_axis(ax)
        ax.xaxis.get_major_formatter().show_offset = False  # the charts below show the year
        ax.tick_params(labelsize=8, left=False, labelleft=False)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.set_title("Pain-monitoring light per day", fontsize=9, loc="left")
        self.image = ax.imshow([[(1.0, 1.0, 1.0)]], aspect="auto", interpolation="nearest",
                               extent=(0, 1, 0, 1), origin="lower")
        ax.set_ylim(0, 1)
        self.data = None
        self.xs: list[float] = []

    def _recolour(self) -> None:
        if self.data is not None:
            self.image.set_data(self._rgb(self.data.lights))

    def _rgb(self, lights):
        from matplotlib.colors import to_rgb

        cache: dict = {}
        row = []
        for colour in lights:
            if colour not in cache:
                cache[colour] = to_rgb(self.theme.light_colour(colour))
            row.append(cache[colour])
        return [row or [to_rgb(self.theme.no_light)]]

    def update(self, data) -> None:
        """Show ``data.lights`` (a ``ProgressData``; any object with days and lights)."""
        self.data = data
        xs = self.xs = day_numbers(data.days)
        self.image.set_data(self._rgb(data.lights))
        if xs:
            self.image.set_extent((xs[0] - 0.5, xs[-1] + 0.5, 0, 1))
            self.ax.set_xlim(xs[0] - 0.5, xs[-1] + 0.5)

    def cell_colours(self) -> list[str | None]:
        """The light of each drawn cell, read back from the image (for tests)."""
        from matplotlib.colors import same_color

        row = self.image.get_array()[0]
        names = ("green", "amber", "red")
        out = []
        for rgb in row:
            out.append(next((n for n in names
                             if same_color(tuple(rgb), self.theme.light_colour(n))), None))
        return out

    def describe(self, x: float, y: float, ax) -> str | None:
        data = self.data
        if data is None or not self.xs:
            return None
        i = round(x - self.xs[0])
        if not 0 <= i < len(data.days):
            return None
        text = f"{fmt_date(data.days[i])}: {NAMES.get(data.lights[i], data.lights[i])}"
        reasons = getattr(data, "light_reasons", None)
        if reasons and reasons[i]:
            text += f"\n{reasons[i]}"
        return text


def light_strip_figure(data, theme: Theme = LIGHT, figsize=None):
    """A ``Figure`` of the daily light strip for ``data`` (a ``ProgressData``); for the PDF."""
    chart = LightStripChart(theme, figsize)
    chart.update(data)
    return chart.figure
