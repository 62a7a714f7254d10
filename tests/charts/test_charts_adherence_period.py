"""The weekly adherence chart's axis ends with the period, as the period's other charts
do (period 23-30 Nov: not an axis to 7 Dec)."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.dates import date2num

from rehabjournal.charts.adherence import AdherenceChart
from rehabjournal.domain.adherence import WeekAdherence as Week


def test_the_weeks_axis_ends_with_the_period():
    # the review's case: period Mon 23 - Mon 30 Nov 2026, two calendar weeks
    start, end = date(2026, 11, 23), date(2026, 11, 30)
    weeks = [Week(start, 5, 3), Week(date(2026, 11, 30), 1, 0)]
    chart = AdherenceChart()
    chart.update(weeks, (start, end))
    lo, hi = chart.ax.get_xlim()
    assert lo == pytest.approx(date2num(start) - 0.5)
    assert hi == pytest.approx(date2num(end) + 0.5)  # not 7 Dec
    for path in chart.bars.get_paths():  # every bar inside the axis
        xs = [float(v[0]) for v in path.vertices]
        assert lo <= min(xs) and max(xs) <= hi
    labels = chart.labels.visible()
    assert [t.get_text() for t in labels] == ["3/5", "0/1"]
    assert all(lo < t.get_position()[0] < hi for t in labels)
    assert chart.percents() == pytest.approx([60.0, 0.0])


def test_a_period_ending_mid_week_ends_the_axis_there_too():
    start, end = date(2026, 11, 25), date(2026, 12, 9)  # Wed to Wed
    weeks = [Week(date(2026, 11, 23), 3, 3), Week(date(2026, 11, 30), 7, 7),
             Week(date(2026, 12, 7), 3, 1)]
    chart = AdherenceChart()
    chart.update(weeks, (start, end))
    # from the first calendar week's Monday (its whole bar) to the period's last day
    assert chart.ax.get_xlim() == pytest.approx((date2num(date(2026, 11, 23)) - 0.5,
                                                 date2num(end) + 0.5))
    # whole weeks without a period (the PDF's figure) are as before: Monday to Sunday
    chart.update(weeks)
    assert chart.ax.get_xlim() == pytest.approx((date2num(date(2026, 11, 23)) - 0.5,
                                                 date2num(date(2026, 12, 13)) + 0.5))
