"""Training load: daily session load, weekly totals with week-on-week change, and the
EWMA acute:chronic ratio drawn as a "load spike indicator" (domain.md section 3).

The ratio is contested as a predictor, so it is never labelled as a risk: it is a prompt to
look at recent load changes, and the week-on-week change comes first.
"""

from __future__ import annotations

import math

from ..domain.load import ACWR_SWEET_SPOT, WEEKLY_INCREASE_SOFT_WARN
from .theme import (
    LIGHT,
    Chart,
    TextPool,
    Theme,
    bar_heights,
    bar_verts,
    day_numbers,
    fmt_date,
    fmt_num,
)

MAX_CHANGE_LABELS = 27
RATIO_TITLE = "Load spike indicator (EWMA acute:chronic ratio)"
RATIO_NOTE = "Shaded: 0.8-1.3. Look at recent load changes when the line leaves the band."


class LoadChart(Chart):
    """Three panels sharing the date axis: daily load, weekly load, spike indicator."""

    figsize = (8.0, 5.6)
    layout = None

    def _build(self) -> None:
        from matplotlib.collections import PolyCollection

        fig = self.figure
        self.ax_day, self.ax_week, self.ax_ratio = fig.subplots(
            3, 1, sharex=True, gridspec_kw={"height_ratios": [1.2, 1.1, 1.0]}
        )
        for ax in (self.ax_day, self.ax_week, self.ax_ratio):
            self._style_axes(ax)
        self._date_axis(self.ax_ratio)
        self.ax_day.set_title("Daily load (session RPE x minutes, AU)", fontsize=10, loc="left")
        self.ax_week.set_title(
            f"Weekly load and change from the week before "
            f"(orange: more than {WEEKLY_INCREASE_SOFT_WARN:g} % up)",
            fontsize=10, loc="left")
        self.ax_ratio.set_title(RATIO_TITLE, fontsize=10, loc="left")
        self.ax_day.set_ylabel("AU", fontsize=9)
        self.ax_week.set_ylabel("AU / week", fontsize=9)
        self.ax_ratio.set_ylabel("ratio", fontsize=9)
        self.day_bars = PolyCollection([], linewidths=0)
        self.ax_day.add_collection(self.day_bars)
        self.week_bars = PolyCollection([], linewidths=0)
        self.ax_week.add_collection(self.week_bars)
        self.change_labels = TextPool(self.ax_week, fontsize=7, ha="center", va="bottom",
                                      clip_on=True)
        lo, hi = ACWR_SWEET_SPOT
        self.band = self.ax_ratio.axhspan(lo, hi, alpha=0.18, linewidth=0)
        (self.ratio_line,) = self.ax_ratio.plot([], [], linewidth=1.8)
        self.ratio_note = self.ax_ratio.text(
            0.005, 0.96, RATIO_NOTE, transform=self.ax_ratio.transAxes, fontsize=7,
            va="top", gid="muted")
        self.empty = self._empty_text(self.ax_day, "No sessions with an effort rating")
        self.no_ratio = self._empty_text(
            self.ax_ratio, "Needs 28 days of sessions before the first value")
        self.data = None
        self.xs: list[float] = []
        self.week_xs: list[float] = []

    def _recolour(self) -> None:
        t: Theme = self.theme
        self.day_bars.set_facecolor(t.load_bar)
        self._week_colours()
        self.band.set_facecolor(t.band)
        self.ratio_line.set_color(t.ratio)
        self.change_labels.colour = t.fg
        for text in self.change_labels.texts:
            text.set_color(t.fg)

    def _week_colours(self) -> None:
        t = self.theme
        changes = self.data.week_change if self.data is not None else []
        self.week_bars.set_facecolor([
            t.week_high if c is not None and c > WEEKLY_INCREASE_SOFT_WARN else t.week_bar
            for c in changes
        ] or [t.week_bar])

    def update(self, data) -> None:
        """Show ``data`` (a ``services.progress.ProgressData``)."""
        self.data = data
        xs = self.xs = day_numbers(data.days)
        self.day_bars.set_verts(bar_verts(xs, data.loads, 0.8))
        wx = self.week_xs = day_numbers(data.weeks)
        self.week_bars.set_verts(bar_verts(wx, data.week_totals, 6.0, offset=3.0))
        self._week_colours()
        top_day = max(data.loads, default=0) or 1
        top_week = max(data.week_totals, default=0) or 1
        self.ax_day.set_ylim(0, top_day * 1.08)
        self.ax_week.set_ylim(0, top_week * 1.25)
        if len(wx) <= MAX_CHANGE_LABELS:
            self.change_labels.show(
                (x + 3.0, total + top_week * 0.02, f"{change:+.0f}%")
                for x, total, change in zip(wx, data.week_totals, data.week_change, strict=True)
                if change is not None and x + 6.0 <= xs[-1]
            )
        else:
            self.change_labels.show(())
        ratio = [math.nan if r is None else r for r in data.acwr]
        self.ratio_line.set_data(xs, ratio)
        known = [r for r in data.acwr if r is not None]
        self.ax_ratio.set_ylim(0, max(2.0, max(known, default=0) * 1.1))
        if xs:
            self.ax_ratio.set_xlim(xs[0] - 0.5, xs[-1] + 0.5)
        self.empty.set_visible(not data.has_load)
        self.no_ratio.set_visible(data.has_load and not known)

    # read-back helpers (tests, PDF captions) -----------------------------------------
    def daily_heights(self) -> list[float]:
        return bar_heights(self.day_bars)

    def weekly_heights(self) -> list[float]:
        return bar_heights(self.week_bars)

    def highlighted_weeks(self) -> list[int]:
        """Indices of the weeks drawn in the highlight colour."""
        from matplotlib.colors import same_color

        colours = self.week_bars.get_facecolor()
        return [i for i, c in enumerate(colours) if same_color(c, self.theme.week_high)
                and i < len(self.week_xs)]

    def describe(self, x: float, y: float, ax) -> str | None:
        data = self.data
        if data is None or not self.xs:
            return None
        i = round(x - self.xs[0])
        if not 0 <= i < len(data.days):
            return None
        day = data.days[i]
        if ax is self.ax_week:
            w = next((k for k, wd in enumerate(data.weeks)
                      if 0 <= (day - wd).days < 7), None)
            if w is None:
                return None
            change = data.week_change[w]
            text = (f"Week of {fmt_date(data.weeks[w])}\nLoad {data.week_totals[w]:.0f} AU"
                    + ("" if change is None else f"\n{change:+.0f} % on the week before"))
            return text + ("\n(partial week)" if data.week_partial[w] else "")
        lines = [fmt_date(day), f"Load {data.loads[i]:.0f} AU"]
        if data.sessions_text and data.sessions_text[i]:
            lines.append(data.sessions_text[i])
        lines.append(f"Spike indicator {fmt_num(data.acwr[i], 2)}")
        return "\n".join(lines)


def load_figure(data, theme: Theme = LIGHT, figsize=None):
    """A ``Figure`` of training load for ``data`` (a ``ProgressData``); for the PDF."""
    chart = LoadChart(theme, figsize)
    chart.update(data)
    return chart.figure
