"""Training load: daily session load, weekly totals with week-on-week change, and the
EWMA acute:chronic ratio drawn as a "load spike indicator" (domain.md section 3).

The ratio is contested as a predictor, so it is never labelled as a risk: it is a prompt to
look at recent load changes, and the week-on-week change comes first.

The Progress page's chart also draws the daily heart-rate load (Banister's TRIMP of the
sessions recorded by a watch or app, ``domain.activities.banister_trimp``) in a panel of
its own under the session-RPE load, titled as another estimate: session RPE stays the
primary load (domain.md section 3, issue 20). Without the resting and maximum heart rate
(Preferences) the panel says so instead.

Sessions without an effort (from files not rated yet, or typed without one) count as
minutes, but their load is not known (``domain.summary``): the daily panel says how many
there are in the period and hatches their days; a week holding one is drawn grey over a
hatched band, with
"7 not rated" over it instead of a change, its bar being the rated sessions' load only;
the spike indicator has no value while its window holds one, and says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..domain.load import ACWR_SWEET_SPOT, RATIO_FIRST_DAY, WEEKLY_INCREASE_SOFT_WARN
from ..domain.summary import STATUS_TEXT
from ..i18n import N_, _, format_fixed, format_number, ngettext
from .theme import (
    LIGHT,
    MIN_DAY_TICKS,
    Chart,
    TextPool,
    Theme,
    bar_heights,
    bar_verts,
    day_numbers,
    fmt_date,
    fmt_num,
    fmt_signed,
)

MAX_CHANGE_LABELS = 27
RATIO_TITLE = N_("Load spike indicator (EWMA acute:chronic ratio)")
RATIO_NOTE = N_("Shaded: {low}-{high}. Look at recent load changes when the line leaves the "
                "band.")
NO_RATIO = N_("No value yet: the indicator starts on day {day} of the journal's data")
NO_RATIO_FROM = N_("No value yet: the indicator starts on day {day} of the journal's data "
                   "({date}).")
NO_RATIO_UNRATED = N_("No value while the 28 days before hold sessions not rated.")


HEART_TITLE = N_("Heart-rate load (Banister TRIMP, AU): another estimate; session RPE stays "
                 "the primary load")
HEART_NOT_SET = N_("Set resting and maximum heart rate in Preferences to see heart-rate load")
HEART_NONE = N_("No session with heart rate in this period")


@dataclass(frozen=True, slots=True)
class HeartRateLoad:
    """The heart-rate side of the load chart, for the days of a ``ProgressData``.

    Attributes:
        trimp: daily heart-rate load (sum of Banister TRIMP, AU) per day of ``data.days``;
            None for a day without a session with heart rate. Empty: none known.
        hr_set: the resting and maximum heart rate are both set (Preferences); without
            them there is no TRIMP (``services.activities.trimp_by_day``).
        unrated: sessions in the period with no effort yet (from activity files, or
            typed without one): their minutes count, their session-RPE load is not known.
    """

    trimp: Sequence[float | None] = field(default_factory=tuple)
    hr_set: bool = False
    unrated: int = 0

    @classmethod
    def of(cls, data) -> HeartRateLoad:
        """What ``data`` (a ``ProgressData``) carries, when it carries it (its ``trimp``,
        ``hr_set``; the sessions without an effort on its days from its period summary,
        every such session, else its ``unrated``, those from files); otherwise none."""
        return cls(tuple(getattr(data, "trimp", None) or ()),
                   bool(getattr(data, "hr_set", False)), unrated_in(data))

    @property
    def has_trimp(self) -> bool:
        return any(v for v in self.trimp)


def unrated_in(data) -> int:
    """Sessions without an effort on the days of ``data`` (a ``ProgressData``): from its
    period summary when it has one (sessions from files and typed ones alike), else its
    ``unrated`` (sessions from files), else 0."""
    summary = getattr(data, "summary", None)
    days = getattr(data, "days", None)
    if summary is not None and days:
        return sum(d.unrated for d in summary.days if days[0] <= d.day <= days[-1])
    return int(getattr(data, "unrated", 0) or 0)


def week_unrated(data) -> list[int]:
    """Sessions without an effort per week of ``data.weeks`` (from its period summary;
    zeros without one)."""
    summary = getattr(data, "summary", None)
    by_week = {w.week_start: w.unrated for w in summary.weeks} if summary is not None else {}
    return [by_week.get(monday, 0) for monday in data.weeks]


def day_unrated_of(data) -> list[int]:
    """Sessions without an effort per day of ``data.days`` (from its period summary;
    zeros without one)."""
    summary = getattr(data, "summary", None)
    by_day = {d.day: d.unrated for d in summary.days} if summary is not None else {}
    return [by_day.get(day, 0) for day in data.days]


def ratio_waits(data) -> list[bool]:
    """Per day of ``data.days``: True when the spike indicator has no value because of
    sessions without an effort in its window (from its period summary)."""
    summary = getattr(data, "summary", None)
    waits = {d.day: d.ratio_waits for d in summary.days} if summary is not None else {}
    return [waits.get(day, False) for day in data.days]


def unrated_text(n: int) -> str:
    """"2 sessions not rated yet: their minutes count, their load is not known." ("" for
    0)."""
    if n <= 0:
        return ""
    return ngettext("{n} session not rated yet: its minutes count, its load is not known.",
                    "{n} sessions not rated yet: their minutes count, their load is not "
                    "known.", n).format(n=n)


def not_rated_label(n: int) -> str:
    """"7 not rated", over a week's bar."""
    return ngettext("{n} not rated", "{n} not rated", n).format(n=n)


def ratio_note() -> str:
    """"Shaded: 0.8-1.3. Look at ..." in the current language ("0,8-1,3")."""
    lo, hi = ACWR_SWEET_SPOT
    return _(RATIO_NOTE).format(low=format_number(lo, 2), high=format_number(hi, 2))


def no_ratio(first_ratio=None) -> str:
    """The sentence under an empty indicator, with its first day's date when known."""
    if first_ratio is None:
        return _(NO_RATIO).format(day=RATIO_FIRST_DAY) + "."
    return _(NO_RATIO_FROM).format(day=RATIO_FIRST_DAY, date=fmt_date(first_ratio))


BAR_FILL = 0.8
"""Part of a day a daily bar covers, and of a week's days a weekly bar covers (6/7)."""
WEEK_FILL = 6.0 / 7.0
MARKER_MAX_DAYS = 21
"""Periods up to this many days draw the ratio's points as dots too (a single day's value
is a dot, not an invisible one-point line)."""


def bar_scale(n_days: int) -> float:
    """Width factor of the bars for a period of ``n_days`` days (1 from a week up).

    A period shorter than ``MIN_DAY_TICKS`` (7) days draws its bars as wide as they would
    be in a week-long plot, so one day is a bar, not a block filling the plot.
    """
    return min(1.0, max(n_days, 1) / MIN_DAY_TICKS)


def week_spans(weeks, first_day, last_day) -> list[tuple[float, float]]:
    """(centre, width) in date numbers of each week's bar, over the days of the week shown.

    A week cut by the plot's first or last day is drawn over its shown days only (its
    hover text and the table say whether its total is the whole week's).
    """
    from datetime import timedelta

    x_first = day_numbers([first_day])[0]
    scale = bar_scale((last_day - first_day).days + 1)
    spans = []
    for monday in weeks:
        a = max(monday, first_day)
        b = min(monday + timedelta(days=6), last_day)
        shown = max((b - a).days + 1, 0)
        centre = x_first + (a - first_day).days + (shown - 1) / 2
        spans.append((centre, shown * WEEK_FILL * scale))
    return spans


class LoadChart(Chart):
    """Panels sharing the date axis: daily load, (with ``heart``) daily heart-rate load,
    weekly load, spike indicator.

    Args:
        heart: draw the heart-rate load panel (the Progress page); the PDF's chart
            leaves it out and says the week's heart-rate load in a line of text.
    """

    figsize = (8.0, 5.6)
    layout = None

    def __init__(self, theme: Theme = LIGHT, figsize=None, *, heart: bool = False):
        self.heart = heart
        if heart and figsize is None:
            figsize = (8.0, 7.0)
        super().__init__(theme, figsize)

    def _build(self) -> None:
        from matplotlib.collections import PolyCollection

        fig = self.figure
        if self.heart:
            self.ax_day, self.ax_heart, self.ax_week, self.ax_ratio = fig.subplots(
                4, 1, sharex=True, gridspec_kw={"height_ratios": [1.2, 1.0, 1.1, 1.0]}
            )
        else:
            self.ax_day, self.ax_week, self.ax_ratio = fig.subplots(
                3, 1, sharex=True, gridspec_kw={"height_ratios": [1.2, 1.1, 1.0]}
            )
            self.ax_heart = None
        for ax in fig.axes:
            self._style_axes(ax)
        self._date_axis(self.ax_ratio)
        self.ax_day.set_title(_("Daily load (session RPE x minutes, AU)"), fontsize=10,
                              loc="left")
        self.ax_week.set_title(
            _("Weekly load and change from the week before (orange: more than {percent} % "
              "up)").format(percent=format_number(WEEKLY_INCREASE_SOFT_WARN, 2)),
            fontsize=10, loc="left")
        self.ax_ratio.set_title(_(RATIO_TITLE), fontsize=10, loc="left")
        self.ax_day.set_ylabel(_("AU"), fontsize=9)
        self.ax_week.set_ylabel(_("AU / week"), fontsize=9)
        self.ax_ratio.set_ylabel(_("ratio"), fontsize=9)
        self.day_unknown = PolyCollection([], facecolors="none", linewidths=0, hatch="////",
                                          zorder=0.5)
        self.ax_day.add_collection(self.day_unknown)
        self.day_bars = PolyCollection([], linewidths=0)
        self.ax_day.add_collection(self.day_bars)
        # weeks holding sessions without an effort: a hatched band behind their bar
        self.week_unknown = PolyCollection([], facecolors="none", linewidths=0, hatch="////",
                                           zorder=0.5)
        self.ax_week.add_collection(self.week_unknown)
        self.week_bars = PolyCollection([], linewidths=0)
        self.ax_week.add_collection(self.week_bars)
        self.change_labels = TextPool(self.ax_week, fontsize=7, ha="center", va="bottom",
                                      clip_on=True)
        lo, hi = ACWR_SWEET_SPOT
        self.band = self.ax_ratio.axhspan(lo, hi, alpha=0.18, linewidth=0)
        (self.ratio_line,) = self.ax_ratio.plot([], [], linewidth=1.8, markersize=3.5)
        self.ratio_note = self.ax_ratio.text(
            0.005, 0.96, ratio_note(), transform=self.ax_ratio.transAxes, fontsize=7,
            va="top", gid="muted")
        self.empty = self._empty_text(self.ax_day, _("No sessions with an effort rating"))
        self.unrated_note = self.ax_day.text(
            0.005, 0.96, "", transform=self.ax_day.transAxes, fontsize=7, va="top",
            gid="muted", visible=False)
        self.heart_bars = PolyCollection([], linewidths=0)
        self.heart_empty = None
        if self.ax_heart is not None:
            self.ax_heart.set_title(_(HEART_TITLE), fontsize=10, loc="left")
            self.ax_heart.set_ylabel(_("AU"), fontsize=9)
            self.ax_heart.add_collection(self.heart_bars)
            self.heart_empty = self._empty_text(self.ax_heart, _(HEART_NOT_SET))
        self.heart_load = HeartRateLoad()
        self.no_ratio = self._empty_text(self.ax_ratio, _(NO_RATIO).format(day=RATIO_FIRST_DAY))
        self.no_ratio.set_y(0.2)  # below the shaded band and the note above it
        self.data = None
        self.xs: list[float] = []
        self.week_xs: list[float] = []

    def _recolour(self) -> None:
        t: Theme = self.theme
        self.day_bars.set_facecolor(t.load_bar)
        self.heart_bars.set_facecolor(t.after)
        self._week_colours()
        self.week_unknown.set_edgecolor(t.grid)
        self.day_unknown.set_edgecolor(t.grid)
        self.band.set_facecolor(t.band)
        self.ratio_line.set_color(t.ratio)
        self.change_labels.colour = t.fg
        for text in self.change_labels.texts:
            text.set_color(t.fg)

    def _week_colours(self) -> None:
        t = self.theme
        changes = self.data.week_change if self.data is not None else []
        unrated = week_unrated(self.data) if self.data is not None else []
        self.week_bars.set_facecolor([
            t.no_light if n else
            t.week_high if c is not None and c > WEEKLY_INCREASE_SOFT_WARN else t.week_bar
            for c, n in zip(changes, unrated, strict=True)
        ] or [t.week_bar])

    def update(self, data, heart: HeartRateLoad | None = None) -> None:
        """Show ``data`` (a ``services.progress.ProgressData``).

        The weekly bars, their change labels and colours are ``data.weeks``,
        ``data.week_totals`` and ``data.week_change`` as given (the period summary's
        calendar weeks); the ratio is ``data.acwr`` as given (None: no point).

        Args:
            heart: the heart-rate load and the unrated sessions of the period; None:
                what ``data`` carries (``HeartRateLoad.of``).
        """
        self.data = data
        heart = self.heart_load = heart if heart is not None else HeartRateLoad.of(data)
        xs = self.xs = day_numbers(data.days)
        scale = bar_scale(len(xs))
        self.day_bars.set_verts(bar_verts(xs, data.loads, BAR_FILL * scale))
        note = unrated_text(heart.unrated)
        self.unrated_note.set_text(note)
        self.unrated_note.set_visible(bool(note))
        if self.ax_heart is not None:
            self._update_heart(xs, heart, scale)
        self.week_xs = day_numbers(data.weeks)
        spans = week_spans(data.weeks, data.days[0], data.days[-1]) if xs else []
        self.week_bars.set_verts([
            ((c - w / 2, 0.0), (c - w / 2, h), (c + w / 2, h), (c + w / 2, 0.0))
            for (c, w), h in zip(spans, data.week_totals, strict=True)
        ])
        unrated = week_unrated(data)
        self._week_colours()
        top_day = max(data.loads, default=0) or 1
        top_week = max(data.week_totals, default=0) or 1
        self.ax_day.set_ylim(0, top_day * (1.3 if note else 1.08))  # room for the note
        day_unrated = day_unrated_of(data)
        high = top_day * (1.3 if note else 1.08)
        self.day_unknown.set_verts([
            ((x - 0.5, 0.0), (x - 0.5, high), (x + 0.5, high), (x + 0.5, 0.0))
            for x, n in zip(xs, day_unrated[-len(xs):] if xs else [], strict=True) if n
        ])
        self.ax_week.set_ylim(0, top_week * 1.25)
        self.week_unknown.set_verts([
            ((c - w / 2, 0.0), (c - w / 2, top_week * 1.25), (c + w / 2, top_week * 1.25),
             (c + w / 2, 0.0))
            for (c, w), n in zip(spans, unrated, strict=True) if n
        ])
        if len(spans) <= MAX_CHANGE_LABELS:
            self.change_labels.show(
                (c, total + top_week * 0.02,
                 not_rated_label(n) if n else _("{change}%").format(change=fmt_signed(change)))
                for (c, _w), total, change, n in zip(spans, data.week_totals,
                                                     data.week_change, unrated, strict=True)
                if change is not None or n
            )
        else:
            self.change_labels.show(())
        # the plotted days' values (a caller may give the whole period's, when the plot
        # starts later, at the journal's first entry)
        acwr = list(data.acwr)[-len(xs):] if xs else []
        self.ratio_line.set_data(xs, [math.nan if r is None else r for r in acwr])
        known = [r for r in acwr if r is not None]
        self.ratio_line.set_marker("o" if len(xs) <= MARKER_MAX_DAYS else "None")
        self.ax_ratio.set_ylim(0, max(2.0, max(known, default=0) * 1.1))
        if xs:
            self.ax_ratio.set_xlim(xs[0] - 0.5, xs[-1] + 0.5)
        self.empty.set_visible(not data.has_load)
        first_ratio = getattr(data, "ratio_from", None)
        waiting = any(ratio_waits(data)[-len(xs):]) if xs else False
        self.no_ratio.set_text(_(NO_RATIO_UNRATED) if waiting else no_ratio(first_ratio))
        self.no_ratio.set_visible(data.has_load and not known)

    def _update_heart(self, xs, heart: HeartRateLoad, scale: float) -> None:
        values = list(heart.trimp)[-len(xs):] if xs and heart.hr_set else []
        if len(values) != len(xs):
            values = [None] * len(xs)
        self.heart_bars.set_verts(bar_verts(xs, [v or 0.0 for v in values],
                                            BAR_FILL * scale))
        top = max((v for v in values if v), default=0) or 1
        self.ax_heart.set_ylim(0, top * 1.08)
        assert self.heart_empty is not None
        if not heart.hr_set:
            self.heart_empty.set_text(_(HEART_NOT_SET))
        else:
            self.heart_empty.set_text(_(HEART_NONE))
        self.heart_empty.set_visible(not heart.hr_set or not any(values))

    # read-back helpers (tests, PDF captions) -----------------------------------------
    def daily_heights(self) -> list[float]:
        return bar_heights(self.day_bars)

    def heart_heights(self) -> list[float]:
        """The daily heart-rate load bars (0 for a day without one)."""
        return bar_heights(self.heart_bars)

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
            lines = [_("Week of {date}").format(date=fmt_date(data.weeks[w])),
                     _("Load {load} AU").format(load=format_number(data.week_totals[w], 0))]
            n = week_unrated(data)[w]
            if n:
                lines.append(ngettext(
                    "{n} session not rated: the load above is the rated sessions' only; the "
                    "week's is not known",
                    "{n} sessions not rated: the load above is the rated sessions' only; the "
                    "week's is not known", n).format(n=n))
            if change is not None:
                lines.append(_("{change} % on the week before").format(
                    change=fmt_signed(change)))
            monotony = _at(getattr(data, "week_monotony", None), w)
            if monotony is not None:
                lines.append(_("Monotony {monotony}, strain {strain}").format(
                    monotony=format_fixed(monotony, 2),
                    strain=fmt_num(_at(data.week_strain, w), 0)))
            status = _at(getattr(data, "week_status", None), w)
            if status and STATUS_TEXT.get(status):
                lines.append(_("({status})").format(status=_(STATUS_TEXT[status])))
            elif status is None and data.week_partial[w]:
                lines.append(_("(partial week)"))
            return "\n".join(lines)
        if ax is self.ax_heart and self.ax_heart is not None:
            return self._describe_heart(i, day)
        lines = [fmt_date(day), _("Load {load} AU").format(load=format_number(data.loads[i], 0))]
        if data.sessions_text and data.sessions_text[i]:
            lines.append(data.sessions_text[i])
        summary_day = _summary_day(data, day)
        if summary_day is not None and summary_day.unrated:
            lines.append(ngettext("{n} session not rated: the day's load is not known",
                                  "{n} sessions not rated: the day's load is not known",
                                  summary_day.unrated).format(n=summary_day.unrated))
        # aligned from the end, as in ``update``
        ratio = data.acwr[i - len(data.days)] if len(data.acwr) >= len(data.days) else None
        first = getattr(data, "ratio_from", None)
        if ratio is not None:
            lines.append(_("Load spike indicator {ratio}").format(ratio=fmt_num(ratio, 2)))
        elif summary_day is not None and summary_day.ratio_waits:
            lines.append(_("Load spike indicator: none while the 28 days before hold a "
                           "session not rated"))
        elif first is not None and day < first:
            lines.append(_("Load spike indicator: none before day {day} of the journal's "
                           "data").format(day=RATIO_FIRST_DAY))
        return "\n".join(lines)

    def _describe_heart(self, i: int, day) -> str:
        """Hover text of the heart-rate load panel for the ``i``-th day shown."""
        heart = self.heart_load
        if not heart.hr_set:
            return "\n".join([fmt_date(day), _(HEART_NOT_SET) + "."])
        values = list(heart.trimp)[-len(self.xs):]
        value = values[i] if i < len(values) else None
        if value is None:
            return "\n".join([fmt_date(day),
                              _("No heart-rate load (no session with heart rate)")])
        return "\n".join([fmt_date(day), _("Heart-rate load {load} AU (Banister TRIMP, another "
                                           "estimate)").format(load=format_number(value, 0))])


def _summary_day(data, day):
    """The period summary's ``DaySummary`` of ``day`` (None without a summary or outside
    its period)."""
    summary = getattr(data, "summary", None)
    if summary is None:
        return None
    i = (day - summary.start).days
    return summary.days[i] if 0 <= i < len(summary.days) else None


def _at(values, i):
    return values[i] if values is not None and i < len(values) else None


def load_figure(data, theme: Theme = LIGHT, figsize=None):
    """A ``Figure`` of training load for ``data`` (a ``ProgressData``); for the PDF.

    The sessions not rated yet are said in the report's text under the chart
    (``reports.activity_lines``), so not on the chart too."""
    from dataclasses import replace

    chart = LoadChart(theme, figsize)
    chart.update(data, replace(HeartRateLoad.of(data), unrated=0))
    return chart.figure
