"""The pain chart plots the service's numbers, updates artists in place, follows themes."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from matplotlib.colors import to_hex
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from rehabjournal.charts import DARK, LIGHT
from rehabjournal.charts.pain import SERIES_STYLE, PainChart, pain_figure
from rehabjournal.domain.entities import CheckIn, DayRecord, Event, Journal, RedFlag, Session
from rehabjournal.services.progress import build_progress

D0 = date(2024, 1, 1)


def journal(n=21) -> Journal:
    j = Journal()
    for i in range(n):
        d = D0 + timedelta(days=i)
        sessions = (Session(d, "run", 30, rpe=4, pain_during=i % 5, pain_after=2),) if i % 2 \
            else ()
        j.days[d] = DayRecord(
            d, CheckIn(d, morning_pain=i % 4), sessions,
            red_flags=(RedFlag(d, "locking"),) if i == 12 else (),
            events=(Event(d, "flare", "Flare"),) if i in (8, 15) else ())
    return j


def data(start_offset=7, n=21):
    return build_progress(journal(n), D0 + timedelta(days=start_offset),
                          D0 + timedelta(days=n - 1), D0)


def nan_list(values):
    return [math.nan if v is None else v for v in values]


def test_lines_hold_the_data_and_rolling_average():
    d = data()
    chart = PainChart()
    chart.update(d)
    assert list(chart.raw["morning"].get_xdata()) == pytest.approx(list(date2num(d.days)))
    assert list(chart.raw["morning"].get_ydata()) == d.morning
    # hand check: day 10 morning average = mean of mornings of days 4..10 = i % 4
    k = d.index(D0 + timedelta(days=10))
    assert chart.avg["morning"].get_ydata()[k] == pytest.approx(
        sum(i % 4 for i in range(4, 11)) / 7)
    during = chart.raw["during"].get_ydata()
    assert math.isnan(during[d.index(D0 + timedelta(days=8))])
    assert during[d.index(D0 + timedelta(days=9))] == 9 % 5
    assert [s[0][0] for s in chart.events.get_segments()] == pytest.approx(
        list(date2num([D0 + timedelta(days=8), D0 + timedelta(days=15)])))
    assert [t.get_text() for t in chart.event_labels.visible()] == ["Flare", "Flare"]
    assert chart.flags.get_offsets()[0][0] == pytest.approx(date2num(D0 + timedelta(days=12)))
    assert not chart.empty.get_visible()


def test_update_reuses_artists():
    chart = PainChart()
    chart.update(data())
    lines, collections = list(chart.ax.lines), list(chart.ax.collections)
    chart.update(data(start_offset=14))
    chart.update(data(start_offset=3))
    assert list(chart.ax.lines) == lines and list(chart.ax.collections) == collections
    assert len(chart.figure.axes) == 1


def test_theme_recolours_in_place():
    chart = PainChart(LIGHT)
    chart.update(data())
    line = chart.avg["morning"]
    assert to_hex(chart.figure.get_facecolor()) == LIGHT.figure_bg
    chart.set_theme(DARK)
    assert to_hex(chart.figure.get_facecolor()) == DARK.figure_bg
    assert to_hex(chart.ax.get_facecolor()) == DARK.axes_bg
    assert to_hex(chart.ax._left_title.get_color()) == DARK.fg  # titles are left-aligned
    assert to_hex(line.get_color()) == DARK.morning and chart.avg["morning"] is line
    legend_text = chart.legend.get_texts()[0]
    assert to_hex(legend_text.get_color()) == DARK.fg


def test_no_pain_says_so_and_hover():
    empty = build_progress(Journal(), D0, D0 + timedelta(days=6), D0)
    chart = PainChart()
    chart.update(empty)
    assert chart.empty.get_visible()
    chart.update(data())
    text = chart.describe(float(date2num(D0 + timedelta(days=12))), 5, chart.ax)
    assert text.startswith("Sat 13 Jan 2024\nMorning: 0")
    assert "Red flag recorded" in text
    assert chart.describe(0.0, 5, chart.ax) is None


def test_pain_figure_for_the_pdf(tmp_path):
    fig = pain_figure(data(), figsize=(7, 3))
    assert isinstance(fig, Figure)
    fig.savefig(tmp_path / "pain.svg")
    assert "Pain over time" in (tmp_path / "pain.svg").read_text()


def test_a_short_period_draws_the_days_ratings_side_by_side():
    d = data(start_offset=18)  # 3 days: Fri 19 .. Sun 21 Jan 2024
    chart = PainChart()
    chart.update(d)
    x = list(date2num(d.days))
    for key, dx in (("morning", -0.15), ("during", 0.0), ("after", 0.15)):
        assert list(chart.raw[key].get_xdata()) == pytest.approx([v + dx for v in x])
        assert chart.avg[key].get_marker() == SERIES_STYLE[key][1]  # a one-point average: a mark
        assert chart.raw[key].get_markersize() == 6
    assert list(chart.raw["morning"].get_ydata()) == d.morning
    assert chart.describe(x[1] + 0.15, 5, chart.ax).startswith("Sat 20 Jan 2024")
    chart.update(data())  # a longer period: on the day, small dots, plain lines
    assert list(chart.raw["after"].get_xdata()) == pytest.approx(list(date2num(data().days)))
    assert chart.avg["after"].get_marker() == "None" and chart.raw["after"].get_markersize() == 3
