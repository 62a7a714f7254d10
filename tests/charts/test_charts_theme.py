"""Themes from palette colours; charts never use pyplot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rehabjournal.charts import DARK, LIGHT, theme_from_palette


def test_theme_from_palette_picks_family_and_keeps_palette_colours():
    dark = theme_from_palette("#2b2b2b", "#eeeeee", "#202020")
    assert dark.dark and dark.morning == DARK.morning
    assert (dark.figure_bg, dark.fg, dark.axes_bg) == ("#2b2b2b", "#eeeeee", "#202020")
    light = theme_from_palette("#efefef", "#000000", "#ffffff")
    assert not light.dark and light.morning == LIGHT.morning
    assert light.grid not in ("#ffffff", "#000000")


def test_charts_package_is_light_and_never_pyplot():
    src = Path(__file__).resolve().parents[2] / "src"
    code = ("import sys, rehabjournal.charts; a = 'matplotlib' in sys.modules; "
            "import rehabjournal.charts.pain, rehabjournal.charts.load, "
            "rehabjournal.charts.lights, rehabjournal.charts.adherence; "
            "print(a, 'matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(src)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]
    for path in (src / "rehabjournal" / "charts").glob("*.py"):
        assert "matplotlib.pyplot" not in path.read_text(), path
        assert "import pyplot" not in path.read_text(), path


def _ticks(first, last):
    """Draw an axis of ``first``..``last`` (days) as the charts do; its ticks and labels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from rehabjournal.charts.theme import Chart, day_numbers

    fig = Figure(figsize=(8, 2))
    ax = fig.add_subplot()
    Chart._date_axis(ax)
    x0, x1 = day_numbers([first, last])
    ax.set_xlim(x0 - 0.5, x1 + 0.5)
    FigureCanvasAgg(fig).draw()
    return (list(ax.get_xticks()), [t.get_text() for t in ax.get_xticklabels()],
            ax.xaxis.get_major_formatter().get_offset())


def test_short_periods_have_whole_day_ticks_never_hours():
    from datetime import date, timedelta

    from matplotlib.dates import date2num

    day = date(2026, 3, 17)
    ticks, labels, offset = _ticks(day, day)  # one day: one tick, the day itself
    assert ticks == [date2num(day)] and labels == ["Tue 17 Mar"] and offset == "2026"
    ticks, labels, _ = _ticks(day - timedelta(days=2), day)  # three days: one tick each
    assert ticks == list(date2num([day - timedelta(days=k) for k in (2, 1, 0)]))
    assert labels == ["Sun 15 Mar", "Mon 16 Mar", "Tue 17 Mar"]
    for n in (1, 2, 3, 5, 7, 10, 14, 20, 28, 84, 400):
        ticks, labels, _ = _ticks(day - timedelta(days=n - 1), day)
        assert ticks and all(float(t).is_integer() for t in ticks), (n, ticks)  # midnights
        assert not any(":" in label for label in labels), (n, labels)
    # across a new year the offset names both years
    assert _ticks(date(2025, 12, 30), date(2026, 1, 2))[2] == "2025-2026"
