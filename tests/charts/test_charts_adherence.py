"""Adherence and progression charts with hand-made data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from matplotlib.colors import same_color

from rehabjournal.charts import LIGHT
from rehabjournal.charts.adherence import (
    NO_DATA,
    AdherenceChart,
    ProgressionChart,
    adherence_figure,
    progression_figure,
)

W0 = date(2024, 1, 1)


@dataclass
class Week:  # the fields of services.programme.WeekAdherence
    week_start: date
    prescribed: int
    done: float
    percent: float | None


WEEKS = [Week(W0, 10, 9, 90.0), Week(W0 + timedelta(weeks=1), 12, 6.5, 54.2),
         Week(W0 + timedelta(weeks=2), 8, 2, 25.0), Week(W0 + timedelta(weeks=3), 0, 0, None)]


def test_adherence_bars_and_labels():
    chart = AdherenceChart()
    chart.update(WEEKS)
    assert chart.percents() == pytest.approx([90.0, 54.2, 25.0, 0.0])
    assert [t.get_text() for t in chart.labels.visible()] == ["9/10", "6.5/12", "2/8"]
    colours = chart.bars.get_facecolor()
    for c, name in zip(colours, (LIGHT.green, LIGHT.amber, LIGHT.red, LIGHT.no_light),
                       strict=True):
        assert same_color(c, name)
    assert not chart.empty.get_visible()
    assert chart.describe(chart.xs[1] + 2, 50, chart.ax).endswith("6.5 of 12 done (54 %)")


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
