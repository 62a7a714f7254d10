"""The light strip shows domain.light.day_light for every day."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.colors import same_color
from matplotlib.dates import date2num

from rehabjournal.charts import DARK, LIGHT
from rehabjournal.charts.lights import LightStripChart, light_strip_figure
from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, RedFlag, Session
from rehabjournal.domain.light import day_light
from rehabjournal.services.progress import build_progress

D0 = date(2024, 1, 1)


def journal() -> Journal:
    j = Journal()
    for i in range(20):
        d = D0 + timedelta(days=i)
        sessions = (Session(d, "run", 30, rpe=4, pain_during=[1, 4, 7][i % 3]),) if i > 9 \
            else ()
        j.days[d] = DayRecord(d, CheckIn(d, morning_pain=2) if i != 15 else None, sessions,
                              red_flags=(RedFlag(d, "locking"),) if i == 17 else ())
    return j


def test_cells_are_the_days_lights():
    j = journal()
    start, end = D0 + timedelta(days=8), D0 + timedelta(days=21)
    d = build_progress(j, start, end, D0)
    chart = LightStripChart()
    chart.update(d)
    expected = [day_light(j, start + timedelta(days=k)).colour for k in range(14)]
    assert chart.cell_colours() == expected
    assert {"green", "amber", "red", None} <= set(expected)
    assert same_color(tuple(chart.image.get_array()[0][-1]), LIGHT.no_light)
    x0, x1, _y0, _y1 = chart.image.get_extent()
    assert x0 == date2num(start) - 0.5 and x1 == date2num(end) + 0.5
    assert "red" in chart.describe(float(date2num(D0 + timedelta(days=17))), 0.5, chart.ax)


def test_theme_recolours_cells():
    d = build_progress(journal(), D0 + timedelta(days=8), D0 + timedelta(days=19), D0)
    chart = LightStripChart()
    chart.update(d)
    image = chart.image
    chart.set_theme(DARK)
    assert chart.image is image
    assert chart.cell_colours() == d.lights
    assert same_color(tuple(image.get_array()[0][0]), DARK.light_colour(d.lights[0]))
    assert light_strip_figure(d, DARK).get_facecolor()[0] < 0.5
