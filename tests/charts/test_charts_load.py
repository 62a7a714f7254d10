"""The load chart: bars, weekly change highlight and the spike indicator from the domain."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from rehabjournal.charts import DARK
from rehabjournal.charts.load import LoadChart, load_figure
from rehabjournal.domain import load
from rehabjournal.domain.entities import DayRecord, Journal, Session
from rehabjournal.services.progress import build_progress

D0 = date(2024, 1, 1)  # Monday


def journal(loads) -> Journal:
    j = Journal()
    for i, value in enumerate(loads):
        d = D0 + timedelta(days=i)
        if value:
            j.days[d] = DayRecord(d, sessions=(Session(d, "run", int(value), rpe=1),))
    return j


def test_domain_test_vector_through_the_chart():
    loads = [300] * 28 + [500] * 7  # domain.md section 3: EWMA ratio 1.25 at the end
    d = build_progress(journal(loads), D0 + timedelta(days=14), D0 + timedelta(days=34), D0)
    chart = LoadChart()
    chart.update(d)
    assert chart.daily_heights() == pytest.approx(loads[14:])
    y = chart.ratio_line.get_ydata()
    expected = [math.nan if r is None else r for r in load.acwr_ewma(loads)[14:]]
    assert list(y) == pytest.approx(expected, nan_ok=True)
    assert y[-1] == pytest.approx(1.25, abs=0.005)
    assert math.isnan(y[0])  # day 15 of the journal: no ratio before 28 days
    # weeks: 2100 each, then the 500 AU week: +66.7 % highlighted
    assert chart.weekly_heights() == pytest.approx([2100, 2100, 3500])
    assert d.week_change == pytest.approx([0.0, 0.0, 100 * 1400 / 2100])
    assert chart.highlighted_weeks() == [2]
    labels = [t.get_text() for t in chart.change_labels.visible()]
    assert labels == ["+0%", "+0%", "+67%"]


def test_spike_indicator_wording_never_says_risk():
    chart = LoadChart()
    chart.update(build_progress(journal([100] * 40), D0 + timedelta(days=7),
                                D0 + timedelta(days=39), D0))
    texts = [t.get_text() for t in chart.figure.findobj(lambda a: hasattr(a, "get_text"))]
    joined = " ".join(texts).lower()
    assert "load spike indicator" in joined
    assert "risk" not in joined and "injury" not in joined
    lo, hi = load.ACWR_SWEET_SPOT
    band = chart.band.get_path().transformed(chart.band.get_patch_transform()).vertices
    assert min(v[1] for v in band) == pytest.approx(lo)
    assert max(v[1] for v in band) == pytest.approx(hi)


def test_empty_and_theme_and_reuse():
    chart = LoadChart()
    d = build_progress(Journal(), D0, D0 + timedelta(days=13), D0)
    chart.update(d)
    assert chart.empty.get_visible()
    collections = [list(ax.collections) for ax in chart.figure.axes]
    chart.update(build_progress(journal([200] * 60), D0 + timedelta(days=30),
                                D0 + timedelta(days=59), D0))
    assert not chart.empty.get_visible()
    assert [list(ax.collections) for ax in chart.figure.axes] == collections
    chart.set_theme(DARK)
    assert all(ax.get_facecolor()[:3] != (1.0, 1.0, 1.0) for ax in chart.figure.axes)
    assert load_figure(d).axes


def test_partial_last_week_has_no_change_label():
    loads = [100] * 24  # the last week (days 21-23) is partial
    d = build_progress(journal(loads), D0 + timedelta(days=7), D0 + timedelta(days=23), D0)
    chart = LoadChart()
    chart.update(d)
    assert d.week_partial == [False, False, True]
    assert [t.get_text() for t in chart.change_labels.visible()] == ["+0%", "+0%"]
