"""Adherence and progression charts with hand-made data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from matplotlib.colors import same_color

from rehabjournal.charts import LIGHT
from rehabjournal.charts.adherence import (
    NO_DATA,
    TITLE,
    AdherenceChart,
    ProgressionChart,
    adherence_figure,
    progression_figure,
)
from rehabjournal.domain.adherence import WeekAdherence as Week

W0 = date(2024, 1, 1)


WEEKS = [Week(W0, 5, 4), Week(W0 + timedelta(weeks=1), 6, 4, moved=3),
         Week(W0 + timedelta(weeks=2), 4, 1), Week(W0 + timedelta(weeks=3), 0, 0)]


def test_adherence_bars_and_labels():
    chart = AdherenceChart()
    chart.update(WEEKS)
    assert chart.percents() == pytest.approx([80.0, 200 / 3, 25.0, 0.0])
    assert [t.get_text() for t in chart.labels.visible()] == ["4/5", "4/6", "1/4"]
    assert chart.ax.get_title(loc="left") == TITLE and "exercise days" in TITLE.lower()
    colours = chart.bars.get_facecolor()
    for c, name in zip(colours, (LIGHT.green, LIGHT.amber, LIGHT.red, LIGHT.no_light),
                       strict=True):
        assert same_color(c, name)
    assert not chart.empty.get_visible()
    assert chart.describe(chart.xs[1] + 2, 50, chart.ax).endswith(
        "4 of 6 exercise days done (67 %); 3 exercises done on another day of the week count")
    assert chart.describe(chart.xs[0] + 2, 50, chart.ax).endswith(
        "4 of 5 exercise days done (80 %)")


def test_no_programme_data():
    chart = AdherenceChart()
    chart.update([])
    assert chart.empty.get_visible() and chart.empty.get_text() == NO_DATA
    assert adherence_figure(None).axes


def test_progression_line():
    points = [(W0, 400.0, "kg"), (W0 + timedelta(days=3), 450.0, "kg"),
              (W0 + timedelta(days=7), 480.0, "kg")]
    chart = ProgressionChart()
    chart.update(points, "Leg press")
    assert list(chart.line.get_ydata()) == [400.0, 450.0, 480.0]
    assert chart.ax.get_ylabel() == "kg" and "Leg press" in chart.ax.get_title(loc="left")
    assert "480 kg" in chart.describe(chart.xs[2], 480, chart.ax)
    chart.update([], "Leg press")
    assert chart.empty.get_visible() and "Leg press" in chart.empty.get_text()
    assert progression_figure(points, "Leg press").axes
