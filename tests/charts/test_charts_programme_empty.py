"""The Programme charts with nothing to plot: a sentence and no axis (an empty axis has
matplotlib's default limits, hours of 1 Jan 1970), and the axis back with data."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.dates import date2num

from rehabjournal.charts.adherence import NO_DATA, AdherenceChart, ProgressionChart
from rehabjournal.domain.adherence import WeekAdherence

W0 = date(2026, 3, 9)


def test_progression_without_points_has_no_axis_then_gets_it_back():
    chart = ProgressionChart()
    chart.update([], "", "Nothing logged yet", (W0, W0 + timedelta(days=6)))
    assert not chart.ax.axison and chart.empty.get_text() == "Nothing logged yet"
    assert chart.ax.get_xlim() == (date2num(W0) - 0.5, date2num(W0) + 6.5)  # never 1970
    chart.update([(W0 + timedelta(days=2), 30.0, "s")], "Wall sit",
                 span=(W0, W0 + timedelta(days=6)))
    assert chart.ax.axison and not chart.empty.get_visible()
    assert chart.ax.get_xlim() == (date2num(W0) - 0.5, date2num(W0) + 6.5)  # the period
    chart.update([], "Wall sit")
    assert not chart.ax.axison
    assert chart.empty.get_text() == "No logs of Wall sit in this period"
    chart.update([])
    assert chart.empty.get_text() == NO_DATA


def test_adherence_without_due_days_has_no_axis():
    chart = AdherenceChart()
    chart.update([])
    assert not chart.ax.axison and not chart.full.get_visible()
    week = WeekAdherence(week_start=W0, prescribed=3, done=1)
    chart.update([week])
    assert chart.ax.axison and chart.full.get_visible() and not chart.empty.get_visible()


def test_the_pain_series_differ_by_line_and_marker_not_only_colour():
    """Morning, during and after were three solid lines with the same dots (issue 18 item 8:
    colour is never the only signal)."""
    from rehabjournal.charts.pain import SERIES, PainChart

    chart = PainChart()
    styles = {(chart.avg[k].get_linestyle(), chart.raw[k].get_marker()) for k, _ in SERIES}
    assert len(styles) == len(SERIES)
    handles = chart.legend.legend_handles[:len(SERIES)]
    assert len({h.get_linestyle() for h in handles}) == len(SERIES)
