"""Outcome measures over time, one panel per instrument, with the meaningful-change band.

``series`` are ``services.outcomes.Series`` records (key, label, points [(date, score)],
mcid, score_range, higher_is_better). The band spans the first score +/- the instrument's
meaningful change: a later score outside it is a meaningful change.
"""

from __future__ import annotations

from ..domain.outcomes import band
from ..i18n import N_, _, format_number
from .theme import LIGHT, Chart, Theme, apply_theme, day_numbers, fmt_date, fmt_num, fmt_signed

NO_DATA = N_("No outcome measures filled in yet")


class OutcomesChart(Chart):
    """Scores over time; ``lines[key]`` is each instrument's score line.

    The number of panels follows the number of instruments with scores, so ``update``
    rebuilds the axes (a rare event: a questionnaire every week or two).
    """

    figsize = (8.0, 3.0)

    def _build(self) -> None:
        self.series: list = []
        self.lines: dict[str, object] = {}
        self.bands: dict[str, object] = {}
        self.axes_by_key: dict[str, object] = {}
        self._layout()

    def _layout(self) -> None:
        fig = self.figure
        fig.clear()
        self.lines, self.bands, self.axes_by_key = {}, {}, {}
        if not self.series:
            ax = fig.add_subplot()
            self._style_axes(ax)
            ax.set_xticks([])
            ax.set_yticks([])
            self.empty = self._empty_text(ax, _(NO_DATA))
            self.empty.set_visible(True)
            return
        axes = fig.subplots(len(self.series), 1, squeeze=False, sharex=True)[:, 0]
        for ax, s in zip(axes, self.series, strict=True):
            self._style_axes(ax)
            self._date_axis(ax)
            days = [d for d, _v in s.points]
            values = [v for _d, v in s.points]
            xs = day_numbers(days)
            lo, hi = s.score_range
            first = values[0]
            b_lo, b_hi = band(first, s.mcid, lo, hi)
            self.bands[s.key] = ax.axhspan(b_lo, b_hi, alpha=0.15, linewidth=0, zorder=0,
                                           label=_("first \u00b1 {mcid} (meaningful change)")
                                           .format(mcid=format_number(s.mcid, 3)))
            (line,) = ax.plot(xs, values, marker="o", markersize=5, linewidth=1.6,
                              label=s.label, zorder=3)
            self.lines[s.key] = line
            ax.set_ylim(lo, hi + (hi - lo) * 0.04)
            title = (_("{measure} ({low}-{high}, higher is better)") if s.higher_is_better
                     else _("{measure} ({low}-{high}, lower is better)"))
            ax.set_title(title.format(measure=s.label, low=fmt_num(lo, 0), high=fmt_num(hi, 0)),
                         fontsize=10, loc="left")
            ax.legend(loc="best", fontsize=7, frameon=True)
            self.axes_by_key[s.key] = ax

    def update(self, series) -> None:
        self.series = list(series)
        self._layout()
        xs = [x for s in self.series for x in day_numbers([d for d, _v in s.points])]
        if xs and self.axes_by_key:
            lo, hi = min(xs), max(xs)
            pad = max(3.0, (hi - lo) * 0.05)
            next(iter(self.axes_by_key.values())).set_xlim(lo - pad, hi + pad)
        self.set_theme(self.theme)

    def _recolour(self) -> None:
        t = self.theme
        for key, line in self.lines.items():
            line.set_color(t.morning)
            line.set_markerfacecolor(t.morning)
            self.bands[key].set_facecolor(t.band)
        # legends are rebuilt with the new colours
        for ax in self.axes_by_key.values():
            if ax.get_legend() is not None:
                ax.legend(loc="best", fontsize=7, frameon=True)
        apply_theme(self.figure, t)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._recolour()

    def describe(self, x: float, y: float, ax) -> str | None:
        for s in self.series:
            if self.axes_by_key.get(s.key) is not ax:
                continue
            xs = day_numbers([d for d, _v in s.points])
            best = min(range(len(xs)), key=lambda k: abs(xs[k] - x), default=None)
            if best is None or abs(xs[best] - x) > 3:
                return None
            day, value = s.points[best]
            delta = value - s.points[0][1]
            return _("{measure} {score} on {date} ({change} from the first)").format(
                measure=s.label, score=fmt_num(value), date=fmt_date(day),
                change=fmt_signed(delta, 1))
        return None


def outcomes_figure(series, theme: Theme | None = None, figsize=None):
    """A new ``Figure`` of the outcome-measure scores (for the Progress page and the PDF)."""
    chart = OutcomesChart(theme or LIGHT, figsize=figsize or (8.0, 2.6 * max(1, len(series))))
    chart.update(series)
    return chart.figure
