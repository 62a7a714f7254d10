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
    days = [(D0 + timedelta(days=i), float(v)) for i, v in enumerate(loads)]
    ratio = load.acwr_from_first_entry(days, D0)[14:]
    assert list(y) == pytest.approx([math.nan if r is None else r for r in ratio],
                                    nan_ok=True)
    assert y[-1] == pytest.approx(1.25, abs=0.005)
    assert all(math.isnan(v) for v in y[:14])  # days 15-28 of the journal: no ratio
    assert not math.isnan(y[14])  # day 29: the first
    # weeks: 2100 each, then the 500 AU week: +66.7 % highlighted
    assert chart.weekly_heights() == pytest.approx([2100, 2100, 3500])
    assert d.week_change == pytest.approx([0.0, 0.0, 100 * 1400 / 2100])
    assert chart.highlighted_weeks() == [2]
    labels = [t.get_text() for t in chart.change_labels.visible()]
    assert labels == ["+0%", "+0%", "+67%"]
    text = chart.describe(chart.xs[-1], 100, chart.ax_day)
    assert text.endswith(f"Load spike indicator {d.acwr[-1]:.2f}")


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


def _drawn(chart):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(chart.figure).draw()
    return chart


def _widths(collection) -> list[float]:
    return [float(p.vertices[2][0] - p.vertices[0][0]) for p in collection.get_paths()]


@pytest.mark.parametrize("n_days", [1, 3])
def test_short_periods_whole_day_ticks_and_narrow_bars(n_days):
    from matplotlib.dates import date2num

    loads = [300] * 40
    start, end = D0 + timedelta(days=40 - n_days), D0 + timedelta(days=39)
    chart = _drawn(LoadChart())
    chart.update(build_progress(journal(loads), start, end, D0))
    chart = _drawn(chart)
    days = [start + timedelta(days=k) for k in range(n_days)]
    for ax in (chart.ax_day, chart.ax_week, chart.ax_ratio):
        assert list(ax.get_xticks()) == list(date2num(days))  # one tick a day, no hours
        lo, hi = ax.get_xlim()
        assert (lo, hi) == (date2num(start) - 0.5, date2num(end) + 0.5)
    labels = [t.get_text() for t in chart.ax_ratio.get_xticklabels()]
    assert labels == ["Wed 7 Feb", "Thu 8 Feb", "Fri 9 Feb"][3 - n_days:]
    # a bar takes the part of the plot it takes in a week-long one (0.8 of a seventh):
    # one day is a bar, not a block filling the plot
    assert _widths(chart.day_bars) == pytest.approx([0.8 * n_days / 7] * n_days)
    assert _widths(chart.week_bars) == pytest.approx([n_days * 6 / 7 * n_days / 7])
    assert chart.daily_heights() == pytest.approx([300] * n_days)
    assert chart.ratio_line.get_marker() == "o"  # one day's value is a dot
    assert list(chart.ratio_line.get_ydata()) == pytest.approx(
        load.acwr_from_first_entry([(D0 + timedelta(days=i), 300.0) for i in range(40)],
                                   D0)[40 - n_days:])


def test_week_bars_cover_the_shown_days_of_their_week():
    from matplotlib.dates import date2num

    loads = [100] * 24  # Mon 1 Jan .. Wed 24 Jan; the period from Wed 10 Jan
    d = build_progress(journal(loads), D0 + timedelta(days=9), D0 + timedelta(days=23), D0)
    chart = LoadChart()
    chart.update(d)
    assert d.weeks == [D0 + timedelta(days=7), D0 + timedelta(days=14),
                       D0 + timedelta(days=21)]
    assert d.week_status == ["completed", "complete", "partial"]
    assert chart.weekly_heights() == pytest.approx([700, 700, 300])
    centres = [float(p.vertices[0][0] + p.vertices[2][0]) / 2
               for p in chart.week_bars.get_paths()]
    x = float(date2num(D0))
    assert centres == pytest.approx([x + 11, x + 17, x + 22])  # Wed-Sun, Mon-Sun, Mon-Wed
    assert _widths(chart.week_bars) == pytest.approx([5 * 6 / 7, 6, 3 * 6 / 7])


def test_a_new_journal_draws_no_spike_indicator():
    loads = [80, 0, 120, 0, 160, 0, 200]
    d = build_progress(journal(loads), D0 - timedelta(days=77), D0 + timedelta(days=6),
                       D0 - timedelta(days=77))
    assert d.start == D0 and d.asked_start == D0 - timedelta(days=77)  # the first entry
    chart = LoadChart()
    chart.update(d)
    assert all(math.isnan(v) for v in chart.ratio_line.get_ydata())
    assert chart.no_ratio.get_visible()
    assert chart.no_ratio.get_text() == (
        "No value yet: the indicator starts on day 29 of the journal's data "
        "(Mon 29 Jan 2024).")
    assert chart.daily_heights() == pytest.approx(loads)
    from matplotlib.dates import date2num

    text = chart.describe(float(date2num(D0 + timedelta(days=2))), 10, chart.ax_day)
    assert text == ("Wed 3 Jan 2024\nLoad 120 AU\nrun 120 min RPE 1\n"
                    "Load spike indicator: none before day 29 of the journal's data")
