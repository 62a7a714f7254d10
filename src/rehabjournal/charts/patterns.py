"""The flares against the days of one finding's factor, moved by its lag.

``report`` is a ``domain.flares.PatternReport`` (its ``episodes``, its period and
``factor_days``: the days each factor was true); ``finding`` one of its ``findings`` or
None. Two lanes share the date axis:

* top: each day the factor was true, drawn ``lag`` days later, where a flare would have
  begun if it followed (filled when a flare did begin then, with a dotted line down to
  that flare; hollow when none did; a small grey cross when that day could not start a
  flare, so the day was not counted: a flare was already on or had just ended, or the
  morning was not rated: not in ``report.possible_starts``);
* bottom: each flare episode, a bar from its first to its last day.

So a finding's counts can be seen: the filled dots are its "a" (factor days followed by a
flare start ``lag`` days later), the hollow ones its "b"; the legend counts them. The chart
shows what the statistics counted; it says nothing about cause.
"""

from __future__ import annotations

from datetime import timedelta

from ..i18n import N_, _, ngettext
from .theme import LIGHT, Chart, Theme, day_numbers, fit_titles, fmt_date

FACTOR_Y, FLARE_Y = 1.0, 0.0
HIT, MISS, SKIP = "hit", "miss", "not counted"
BAR_HEIGHT = 0.42
NO_FLARES = N_("No flares in this period")
NO_FINDING = N_("No finding to show against the flares")


def days_word(n: int) -> str:
    """"1 day", "2 days" in the current language."""
    return ngettext("{n} day", "{n} days", n).format(n=n)


class PatternsChart(Chart):
    """Flare episodes (bars) and a finding's factor days moved by its lag (dots)."""

    figsize = (8.0, 1.9)
    layout = None
    margins = (0.3, 0.2, 0.3, 0.42)

    def _build(self) -> None:
        from matplotlib.collections import LineCollection, PolyCollection
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
        from matplotlib.transforms import blended_transform_factory

        ax = self.ax = self.figure.add_subplot()
        self._style_axes(ax)
        ax.grid(False)
        self._date_axis(ax)
        ax.set_ylim(-0.45, 1.75)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        lane = blended_transform_factory(ax.transAxes, ax.transData)
        self.factor_label = ax.text(0.0, FACTOR_Y + 0.3, "", transform=lane, fontsize=8,
                                    va="bottom", ha="left")
        self.flare_label = ax.text(0.0, FLARE_Y + 0.26, _("Flares (first to last day)"),
                                   transform=lane, fontsize=8, va="bottom", ha="left")
        self.bars = PolyCollection([], linewidths=0, zorder=2)
        ax.add_collection(self.bars)
        self.links = LineCollection([], linestyles="dotted", linewidths=1, zorder=1)
        ax.add_collection(self.links)
        self.dots = ax.scatter([], [], s=32, linewidths=1.3, zorder=3)
        self.empty = ax.text(0.5, FLARE_Y, _(NO_FLARES), transform=lane, ha="center",
                             va="center", fontsize=9, gid="muted", visible=False)
        self.no_finding = ax.text(0.5, FACTOR_Y, _(NO_FINDING), transform=lane, ha="center",
                                  va="center", fontsize=9, gid="muted", visible=False)
        self._handles = (
            Line2D([], [], linestyle="none", marker="o", markersize=6),
            Line2D([], [], linestyle="none", marker="o", markersize=6,
                   markerfacecolor="none"),
            Patch(),
            Line2D([], [], linestyle="none", marker="x", markersize=4),
        )
        self.legend = None
        self.report = None
        self.finding = None
        self.episodes: list = []
        self.moved: list = []  # (factor day, day drawn, a flare began then)

    # ---- data ---------------------------------------------------------------------------
    def update(self, report, finding=None) -> None:
        """Show ``report``'s flares and, when given, ``finding``'s factor days moved by its
        lag (``report``: a ``PatternReport`` or None for nothing)."""
        self.report, self.finding = report, finding
        self.episodes = list(report.episodes) if report is not None else []
        starts = {e.start for e in self.episodes}
        self.moved = []
        if report is not None and finding is not None:
            lag = timedelta(days=finding.lag)
            possible = report.possible_starts
            for day in sorted(report.factor_days.get(finding.factor, ())):
                shown = day + lag
                if shown in starts:
                    state = HIT
                elif shown > report.end or (possible and shown not in possible):
                    state = SKIP
                else:
                    state = MISS
                self.moved.append((day, shown, state))
        self.bars.set_verts([
            ((x0 - 0.45, FLARE_Y - BAR_HEIGHT / 2), (x0 - 0.45, FLARE_Y + BAR_HEIGHT / 2),
             (x1 + 0.45, FLARE_Y + BAR_HEIGHT / 2), (x1 + 0.45, FLARE_Y - BAR_HEIGHT / 2))
            for x0, x1 in zip(day_numbers([e.start for e in self.episodes]),
                              day_numbers([e.end for e in self.episodes]), strict=True)
        ])
        import numpy as np

        xs = day_numbers([shown for _day, shown, _state in self.moved])
        self.dots.set_offsets([(x, FACTOR_Y) for x in xs] if xs else np.empty((0, 2)))
        self.dots.set_paths([self._marker(state) for _d, _s, state in self.moved])
        self.dots.set_sizes([14 if state == SKIP else 32 for _d, _s, state in self.moved]
                            or [32])
        self.links.set_segments([[(x, FACTOR_Y - 0.1), (x, FLARE_Y + BAR_HEIGHT / 2)]
                                 for x, (_d, _s, state) in zip(xs, self.moved, strict=True)
                                 if state == HIT])
        if finding is not None:
            n = finding.lag
            self.factor_label.set_text(ngettext(
                "\u201c{factor}\u201d, each day drawn {n} day later",
                "\u201c{factor}\u201d, each day drawn {n} days later", n).format(
                    factor=finding.label, n=n))
            self.ax.set_title(ngettext(
                "Did a flare begin {n} day after each \u201c{factor}\u201d?",
                "Did a flare begin {n} days after each \u201c{factor}\u201d?", n).format(
                    factor=finding.label, n=n), fontsize=9, loc="left")
        else:
            self.factor_label.set_text("")
            self.ax.set_title(_("Flares in this period"), fontsize=9, loc="left")
        fit_titles(self.figure)
        self.no_finding.set_visible(report is not None and finding is None)
        self.empty.set_visible(not self.episodes)
        if report is not None:
            lo, hi = day_numbers([report.start, report.end])
            self.ax.set_xlim(lo - 0.5, hi + 0.5)
        self._legend()
        self._recolour()

    @staticmethod
    def _marker(state: str):
        from matplotlib.markers import MarkerStyle

        style = MarkerStyle("x" if state == SKIP else "o")
        return style.get_path().transformed(style.get_transform())

    def count(self, state: str) -> int:
        return sum(1 for _d, _s, s in self.moved if s == state)

    def _legend(self) -> None:
        if self.legend is not None:
            self.legend.remove()
            self.legend = None
        if self.finding is None:
            return
        n = self.finding.lag
        handles, labels = list(self._handles[:2]), [
            ngettext("a flare began {n} day later ({count})",
                     "a flare began {n} days later ({count})", n).format(
                         n=n, count=self.count(HIT)),
            ngettext("no flare began {n} day later ({count})",
                     "no flare began {n} days later ({count})", n).format(
                         n=n, count=self.count(MISS))]
        if self.count(SKIP):
            handles.append(self._handles[3])
            labels.append(_("not counted: a flare was already on, or no rating ({count})")
                          .format(count=self.count(SKIP)))
        handles.append(self._handles[2])
        labels.append(_("flare"))
        self.legend = self.ax.legend(handles, labels, loc="upper right", ncols=len(labels),
                                     fontsize=7, frameon=False, handlelength=1.2,
                                     borderaxespad=0.1, columnspacing=1.2)

    def _recolour(self) -> None:
        t: Theme = self.theme
        self.bars.set_facecolor(t.during)
        self.links.set_color(t.muted)
        states = [state for _d, _s, state in self.moved]
        self.dots.set_edgecolor([t.muted if s == SKIP else t.morning for s in states]
                                or t.morning)
        self.dots.set_facecolor([t.morning if s == HIT else t.muted if s == SKIP
                                 else t.axes_bg for s in states] or t.morning)
        filled, hollow, bar, skip = self._handles
        filled.set_color(t.morning)
        hollow.set_color(t.morning)
        hollow.set_markerfacecolor("none")
        bar.set_facecolor(t.during)
        bar.set_edgecolor(t.during)
        skip.set_color(t.muted)
        if self.legend is not None:
            self._legend()  # rebuilt with the new colours (a few artists)
            for text in self.legend.get_texts():
                text.set_color(t.fg)
        for text in (self.factor_label, self.flare_label):
            text.set_color(t.fg)

    # ---- reading ------------------------------------------------------------------------
    def hits(self) -> int:
        """Factor days followed by a flare start at the lag (filled dots)."""
        return self.count(HIT)

    def describe(self, x: float, y: float, ax) -> str | None:
        if y >= (FACTOR_Y + FLARE_Y) / 2 and self.finding is not None:
            xs = day_numbers([shown for _d, shown, _s in self.moved])
            best = min(range(len(xs)), key=lambda k: abs(xs[k] - x), default=None)
            if best is None or abs(xs[best] - x) > 0.6:
                return None
            day, shown, state = self.moved[best]
            n = self.finding.lag
            if state == HIT:
                then = ngettext("a flare began {n} day later ({date})",
                                "a flare began {n} days later ({date})", n)
            elif state == MISS:
                then = ngettext("no flare began {n} day later ({date})",
                                "no flare began {n} days later ({date})", n)
            else:
                then = _("not counted: on {date} a flare was already on or had just ended, "
                         "the morning was not rated, or it is after the period")
            return _("{factor} on {date}:").format(factor=self.finding.label,
                                                    date=fmt_date(day)) + (
                "\n" + then.format(n=n, date=fmt_date(shown)))
        for e, x0, x1 in zip(self.episodes, day_numbers([e.start for e in self.episodes]),
                             day_numbers([e.end for e in self.episodes]), strict=True):
            if x0 - 0.5 <= x <= x1 + 0.5:
                span = (fmt_date(e.start) if e.start == e.end
                        else _("{start} to {end}").format(start=fmt_date(e.start),
                                                          end=fmt_date(e.end)))
                lines = [_("Flare: {dates}").format(dates=span)]
                if e.peak:
                    lines.append(_("Worst morning pain {pain}/10").format(pain=e.peak))
                if e.marked:
                    lines.append(_("You marked it as a flare"))
                return "\n".join(lines)
        return None


def patterns_figure(report, finding=None, theme: Theme = LIGHT, figsize=None):
    """A ``Figure`` of ``report``'s flares against ``finding``'s moved factor days."""
    chart = PatternsChart(theme, figsize)
    chart.update(report, finding)
    return chart.figure
