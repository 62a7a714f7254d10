"""Programme charts: adherence by week, and the progression of one exercise.

``weeks`` are ``domain.adherence.WeekAdherence`` records (week_start, prescribed and done
exercise days, moved, percent); progression points are ``(date, value, unit)`` tuples.

With nothing to plot, a chart shows its title and a sentence saying so, and no axis: an
empty axis would have matplotlib's default limits, hours of 1 Jan 1970.
"""

from __future__ import annotations

from ..domain import adherence as da
from ..i18n import N_, _
from .theme import (
    LIGHT,
    Chart,
    TextPool,
    Theme,
    bar_heights,
    day_numbers,
    fit_titles,
    fmt_date,
    fmt_num,
)

NO_DATA = N_("No programme data yet")
TITLE = N_("Exercise days done by week (% of the days with exercises due; label: done/due)")
MAX_LABELS = 27


def _show_axes(ax, shown: bool) -> None:
    """Draw the axis lines, ticks and grid of ``ax`` (the title and texts always)."""
    if shown:
        ax.set_axis_on()
    else:
        ax.set_axis_off()


class AdherenceChart(Chart):
    """Exercise days done in percent of the exercise days due, one bar a week, labelled
    "done/due" (``domain.adherence`` says what an exercise day is and when it is done)."""

    figsize = (8.0, 2.8)
    layout = None

    def _build(self) -> None:
        from matplotlib.collections import PolyCollection

        ax = self.ax = self.figure.add_subplot()
        self._style_axes(ax)
        self._date_axis(ax)
        ax.set_title(_(TITLE), fontsize=10, loc="left")
        ax.set_ylabel(_("% of exercise days"), fontsize=9)
        ax.set_ylim(0, 125)
        ax.set_yticks([0, 25, 50, 75, 100])
        self.full = ax.axhline(100, linewidth=0.8, linestyle=":")
        self.bars = PolyCollection([], linewidths=0)
        ax.add_collection(self.bars)
        self.labels = TextPool(ax, fontsize=7, ha="center", va="bottom", clip_on=True)
        self.empty = self._empty_text(ax, _(NO_DATA))
        self.weeks: list = []
        self.xs: list[float] = []

    def _recolour(self) -> None:
        t = self.theme
        self.full.set_color(t.muted)
        self.labels.colour = t.fg
        for text in self.labels.texts:
            text.set_color(t.fg)
        self._bar_colours()

    def _bar_colours(self) -> None:
        t = self.theme
        colours = []
        for w in self.weeks:
            p = w.percent
            colours.append(t.no_light if p is None else t.green if p >= 80
                           else t.amber if p >= 50 else t.red)
        self.bars.set_facecolor(colours or [t.no_light])

    def update(self, weeks, span=None) -> None:
        """Show ``weeks`` (``WeekAdherence`` records, oldest first); [] or None: no data.

        Args:
            weeks: the weeks' records.
            span: (first day, last day) of the period: the axis ends with the period, as
                the period's other charts do, and its last week, when the period cuts it,
                is drawn over its days in the period (a period ending on a Monday does
                not run the axis to the next Sunday); the axis starts on the first week's
                Monday (a whole calendar week's bar); None: whole weeks.
        """
        self.weeks = list(weeks or [])
        xs = self.xs = day_numbers([w.week_start for w in self.weeks])
        heights = [w.percent or 0.0 for w in self.weeks]
        if span is not None and xs:
            lo, hi = xs[0], max(day_numbers(span)[1], xs[0])
            lefts = xs
            rights = [max(min(x + 6.0, hi), x) for x in xs]
        else:
            lefts, rights = xs, [x + 6.0 for x in xs]
            lo, hi = (xs[0], xs[-1] + 6.0) if xs else (0.0, 0.0)
        centres = [(a + b) / 2 for a, b in zip(lefts, rights, strict=True)]
        half = [max(0.4, (b - a) / 2) for a, b in zip(lefts, rights, strict=True)]
        self.bars.set_verts([  # a whole week from its Monday to its Sunday, as before
            ((c - w, 0.0), (c - w, h), (c + w, h), (c + w, 0.0))
            for c, w, h in zip(centres, half, heights, strict=True)
        ])
        self._bar_colours()
        has = any(w.prescribed for w in self.weeks)
        if len(xs) <= MAX_LABELS:
            self.labels.show(
                (c, (w.percent or 0) + 2, f"{w.done}/{w.prescribed}")
                for c, w in zip(centres, self.weeks, strict=True) if w.prescribed
            )
        else:
            self.labels.show(())
        if xs:
            self.ax.set_xlim(lo - 0.5, hi + 0.5)
        self.empty.set_visible(not has)
        self.full.set_visible(has)
        _show_axes(self.ax, has)

    def percents(self) -> list[float]:
        return bar_heights(self.bars)

    def describe(self, x: float, y: float, ax) -> str | None:
        for xw, w in zip(self.xs, self.weeks, strict=True):
            if xw <= x < xw + 7:
                return _("Week of {date}").format(date=fmt_date(w.week_start)) + "\n" + (
                    da.week_text(w))
        return None


class ProgressionChart(Chart):
    """Load x reps (or hold time) of one exercise over time."""

    figsize = (8.0, 2.8)
    layout = None

    def _build(self) -> None:
        ax = self.ax = self.figure.add_subplot()
        self._style_axes(ax)
        self._date_axis(ax)
        (self.line,) = ax.plot([], [], marker="o", markersize=4, linewidth=1.5)
        self.empty = self._empty_text(ax, _(NO_DATA))
        self.points: list = []
        self.xs: list[float] = []
        self.name = ""

    def _recolour(self) -> None:
        self.line.set_color(self.theme.morning)

    def update(self, points, name: str = "", empty: str | None = None, span=None) -> None:
        """Show ``points`` ((date, value, unit) tuples) of the exercise called ``name``.

        Args:
            points: oldest first; [] or None: nothing to draw (no axis, a sentence).
            name: the exercise ("": none chosen).
            empty: the sentence when there are no points; None: "No logs of <name> in
                this period", or "No programme data yet" without a name.
            span: (first day, last day) the x axis shows, as the period's other charts
                do; None: the points' days with a margin.
        """
        self.points = list(points or [])
        self.name = name
        xs = self.xs = day_numbers([p[0] for p in self.points])
        ys = [float(p[1]) for p in self.points]
        self.line.set_data(xs, ys)
        unit = self.points[0][2] if self.points else ""
        self.ax.set_title(_("Progression: {exercise}").format(exercise=name) if name
                          else _("Exercise progression"), fontsize=10, loc="left")
        fit_titles(self.figure)
        self.ax.set_ylabel(unit, fontsize=9)
        if span is not None:  # also with no points: the axis ready for the next ones
            lo, hi = day_numbers(span)
            self.ax.set_xlim(min([lo, *xs]) - 0.5, max([hi, *xs]) + 0.5)
        elif xs:
            pad = max(3.0, (xs[-1] - xs[0]) * 0.03)
            self.ax.set_xlim(xs[0] - pad, xs[-1] + pad)
        if xs:
            top = max(ys)
            self.ax.set_ylim(0, top * 1.15 if top > 0 else 1)
        if empty is None:
            empty = (_(NO_DATA) if not name
                     else _("No logs of {exercise} in this period").format(exercise=name))
        self.empty.set_text(empty)
        self.empty.set_visible(not self.points)
        _show_axes(self.ax, bool(self.points))

    def describe(self, x: float, y: float, ax) -> str | None:
        if not self.xs:
            return None
        i = min(range(len(self.xs)), key=lambda k: abs(self.xs[k] - x))
        if abs(self.xs[i] - x) > 3:
            return None
        d, value, unit = self.points[i]
        return f"{fmt_date(d)}\n{self.name}: {fmt_num(value)} {unit}".rstrip()


def adherence_figure(weeks, theme: Theme = LIGHT, figsize=None, span=None):
    """A ``Figure`` of weekly adherence (``WeekAdherence`` list); for the PDF. ``span``:
    the period's (first day, last day), as ``AdherenceChart.update``."""
    chart = AdherenceChart(theme, figsize)
    chart.update(weeks, span)
    return chart.figure


def progression_figure(points, name: str = "", theme: Theme = LIGHT, figsize=None):
    """A ``Figure`` of one exercise's progression ((date, value, unit) list); for the PDF."""
    chart = ProgressionChart(theme, figsize)
    chart.update(points, name)
    return chart.figure


