"""Pain over time: morning, during (worst) and after, each with its 7-day average.

Events (flare, deload, new shoes, appointment ...) are dashed vertical lines with labels;
red-flag days are marked with a red X at the top.
"""

from __future__ import annotations

import math

from ..domain.scales import event_label
from ..i18n import N_, _
from .theme import (
    LIGHT,
    MIN_DAY_TICKS,
    Chart,
    TextPool,
    Theme,
    day_numbers,
    fmt_date,
    fmt_num,
)

SERIES = (("morning", N_("Morning")), ("during", N_("During (worst)")),
          ("after", N_("After")))
SERIES_STYLE = {"morning": ("solid", "o"), "during": ("dashed", "s"), "after": ("dotted", "^")}
"""Line style and marker of each series, so that colour is never the only way to tell them
apart (in grey print, for colour-blind readers); the legend shows both."""
SHORT_OFFSETS = {"morning": -0.15, "during": 0.0, "after": 0.15}
"""In periods shorter than a week (``MIN_DAY_TICKS`` days) the three ratings of a day are
drawn side by side (days apart from the day's tick), so equal values do not hide each
other, with larger dots; their 7-day averages get dots too (one day is one point)."""
MAX_EVENT_LABELS = 14
LABEL_CHARS = 26
"""More events than this in the period: lines only (hover shows what they were)."""


def _nan(values):
    return [math.nan if v is None else float(v) for v in values]


class PainChart(Chart):
    """Pain per day (dots) and its 7-day average (lines) for a ``ProgressData``."""

    figsize = (8.0, 3.4)
    layout = None
    margins = (0.7, 0.2, 0.32, 0.78)  # the legend sits under the date axis

    def _build(self) -> None:
        from matplotlib.collections import LineCollection

        ax = self.ax = self.figure.add_subplot()
        self._style_axes(ax)
        self._date_axis(ax)
        ax.set_ylim(-0.3, 11.2)
        ax.set_yticks(range(0, 11, 2))
        ax.set_ylabel(_("Pain (0-10)"), fontsize=9)
        ax.set_title(_("Pain over time (dots: each day; lines: 7-day average)"), fontsize=10,
                     loc="left")
        self.raw, self.avg = {}, {}
        for key, label in SERIES:
            line, marker = SERIES_STYLE[key]
            (self.raw[key],) = ax.plot([], [], linestyle="none", marker=marker, markersize=3,
                                       alpha=0.55)
            (self.avg[key],) = ax.plot([], [], linewidth=2, label=_(label), markersize=4,
                                       linestyle=line)
        self.events = LineCollection([], linestyles="dashed", linewidths=1, zorder=1)
        ax.add_collection(self.events)
        self.event_labels = TextPool(ax, rotation=90, fontsize=7, va="top", ha="left",
                                     gid="muted", clip_on=True, rotation_mode="anchor")
        self.flags = ax.scatter([], [], marker="X", s=45, zorder=5, label=_("Red flag"))
        self.legend = self.figure.legend(loc="lower center", ncols=4, fontsize=8,
                                         frameon=False, handlelength=1.5,
                                         bbox_to_anchor=(0.5, 0.0))
        self.empty = self._empty_text(ax, _("No pain ratings in this period"))
        self.data = None

    def _recolour(self) -> None:
        t: Theme = self.theme
        for key, _label in SERIES:
            colour = getattr(t, key)
            self.raw[key].set_color(colour)
            self.avg[key].set_color(colour)
        self.events.set_color(t.event)
        self.flags.set_color(t.red_flag)
        self.event_labels.colour = t.muted
        for text in self.event_labels.texts:
            text.set_color(t.muted)
        for handle in self.legend.legend_handles:
            if handle.get_label() == self.flags.get_label():
                handle.set_color(t.red_flag)
        self.legend.legend_handles[0].set_color(t.morning)
        self.legend.legend_handles[1].set_color(t.during)
        self.legend.legend_handles[2].set_color(t.after)

    def update(self, data) -> None:
        """Show ``data`` (a ``services.progress.ProgressData``)."""
        self.data = data
        xs = day_numbers(data.days)
        self.xs = xs
        short = len(xs) < MIN_DAY_TICKS
        for key, _label in SERIES:
            dx = SHORT_OFFSETS[key] if short else 0.0
            shifted = [x + dx for x in xs]
            self.raw[key].set_data(shifted, _nan(getattr(data, key)))
            self.raw[key].set_markersize(6 if short else 3)
            self.avg[key].set_data(shifted, _nan(getattr(data, f"{key}_avg")))
            self.avg[key].set_marker(SERIES_STYLE[key][1] if short else "None")
        ex = day_numbers([e.day for e in data.events])
        self.events.set_segments([[(x, -0.3), (x, 10.2)] for x in ex])
        self._label_events(xs, ex, data.events)
        fx = day_numbers(data.red_flag_days)
        self.flags.set_offsets([(x, 10.6) for x in fx] if fx else [[math.nan, math.nan]])
        if xs:
            self.ax.set_xlim(xs[0] - 0.5, xs[-1] + 0.5)
        self.empty.set_visible(not data.has_pain)

    def _label_events(self, xs, ex, events) -> None:
        """Labels beside the event lines; an event close to the next one is labelled on
        the left of its line so that the two do not overlap."""
        if len(events) > MAX_EVENT_LABELS or not xs:
            self.event_labels.show(())
            return
        gap = max(1.5, (xs[-1] - xs[0]) / 45)
        items, sides = [], []
        for k, (x, e) in enumerate(zip(ex, events, strict=True)):
            close_next = k + 1 < len(ex) and ex[k + 1] - x < gap
            text = e.label or event_label(e.kind)
            if len(text) > LABEL_CHARS:
                text = text[: LABEL_CHARS - 1] + "\u2026"
            items.append((x, 10.0, text))
            sides.append("left" if close_next else "right")
        self.event_labels.show(items)
        for t, side in zip(self.event_labels.texts, sides, strict=False):
            # rotated 90 degrees: the text's bottom edge faces right, so va picks the side
            t.set_verticalalignment("bottom" if side == "left" else "top")
            t.set_horizontalalignment("right")

    def describe(self, x: float, y: float, ax) -> str | None:
        data = self.data
        if data is None or not self.xs:
            return None
        i = round(x - self.xs[0])
        if not 0 <= i < len(data.days):
            return None
        day = data.days[i]
        lines = [fmt_date(day)]
        for key, label in SERIES:
            lines.append(_("{series}: {pain}  (7-day avg {average})").format(
                series=_(label), pain=fmt_num(getattr(data, key)[i]),
                average=fmt_num(getattr(data, key + "_avg")[i])))
        for e in data.events:
            if e.day == day:
                lines.append(_("Event: {event}").format(event=e.label or event_label(e.kind)))
        if day in data.red_flag_days:
            lines.append(_("Red flag recorded"))
        if data.sessions_text and data.sessions_text[i]:
            lines.append(data.sessions_text[i])
        return "\n".join(lines)


def pain_figure(data, theme: Theme = LIGHT, figsize=None):
    """A ``Figure`` of pain over time for ``data`` (a ``ProgressData``); for the PDF."""
    chart = PainChart(theme, figsize)
    chart.update(data)
    return chart.figure
