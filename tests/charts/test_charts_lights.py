"""The light strip shows domain.light.day_light for every day, red-flag and waiting days
marked apart."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from matplotlib.colors import same_color
from matplotlib.dates import date2num

from rehabjournal.charts import DARK, LIGHT
from rehabjournal.charts.lights import LightStripChart, light_strip_figure, marks_from
from rehabjournal.domain import scales
from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, RedFlag, Session
from rehabjournal.domain.light import WAITING, WAITING_LABEL, day_light, day_lights, marks_of
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


def marked_journal() -> Journal:
    """Morning pain 1 from 1 to 20 Jan; a load-red run on 10 Jan (pain after 7), an urgent
    flag on 12 Jan, an assessment flag on 14 Jan, and an easy run on 20 Jan whose next
    morning (21 Jan) is not rated: waiting."""
    j = Journal()
    for i in range(20):
        d = D0 + timedelta(days=i)
        sessions = ()
        if i == 9:
            sessions = (Session(d, "run", 30, rpe=5, pain_after=7),)
        if i == 19:
            sessions = (Session(d, "run", 30, rpe=3, pain_during=1),)
        flags = {11: (RedFlag(d, "locking_giving_way"),),
                 13: (RedFlag(d, "night_or_constant_pain"),)}.get(i, ())
        j.days[d] = DayRecord(d, CheckIn(d, morning_pain=1), sessions, red_flags=flags)
    return j


def test_red_flag_days_are_marked_apart_from_load_red_days():
    j = marked_journal()
    days = [D0 + timedelta(days=i) for i in range(8, 20)]
    lights = day_lights(j, days)
    data = SimpleNamespace(days=days, lights=[li.colour for li in lights],
                           light_marks=marks_of(lights), light_reasons=[li.reason for li in lights])
    chart = LightStripChart()
    chart.update(data)
    colours = chart.cell_colours()
    marks = chart.cell_marks()
    # 10, 12 and 14 Jan are all red cells; only the flag days carry a tier's mark
    assert [colours[i] for i in (1, 3, 5)] == ["red", "red", "red"]
    assert [marks[i] for i in (1, 3, 5)] == [None, scales.URGENT, scales.ASSESSMENT]
    assert marks[-1] == WAITING and colours[-1] is None  # 20 Jan waits for 21 Jan
    assert marks.count(None) == len(days) - 3
    symbols = [t for t in chart.symbols if t.get_visible()]
    assert [t.get_text() for t in symbols] == ["!", "?"]
    assert same_color(symbols[0].get_bbox_patch().get_facecolor(),
                      scales.FLAG_TIERS[scales.URGENT].colour)
    assert "see a clinician now" in chart.describe(float(date2num(D0 + timedelta(days=11))),
                                                   0.5, chart.ax)
    assert WAITING_LABEL in chart.describe(float(date2num(D0 + timedelta(days=19))), 0.5,
                                           chart.ax)
    # the legend names the marks in the domain's words
    legend = chart.legend.get_text()
    assert legend.startswith("Pain-monitoring light per day")
    for words in ("red: back off", "hatched: waiting", "! see a clinician now",
                  "? book an assessment"):
        assert words in legend
    # a new period without marks clears them
    chart.update(SimpleNamespace(days=days[:3], lights=data.lights[:3]))
    assert chart.cell_marks() == [None, None, None]
    assert not any(t.get_visible() for t in chart.symbols)


def test_marks_survive_a_theme_change():
    j = marked_journal()
    days = [D0 + timedelta(days=i) for i in range(8, 20)]
    lights = day_lights(j, days)
    data = SimpleNamespace(days=days, lights=[li.colour for li in lights],
                           light_marks=marks_of(lights))
    chart = LightStripChart()
    chart.update(data)
    before = chart.cell_marks()
    chart.set_theme(DARK)
    assert chart.cell_marks() == before
    assert same_color(chart.waiting.get_edgecolor()[0], DARK.muted)


def test_marks_from_tiers_and_statuses_without_light_marks():
    days = [D0 + timedelta(days=i) for i in range(4)]
    data = SimpleNamespace(days=days, lights=["red", "red", None, "green"],
                           red_flag_tiers=[scales.URGENT, None, None, None],
                           light_statuses=["red", "red", WAITING, "green"])
    assert marks_from(data) == [scales.URGENT, None, WAITING, None]
    chart = LightStripChart()
    chart.update(data)
    assert chart.cell_marks() == [scales.URGENT, None, WAITING, None]
    only_tiers = SimpleNamespace(days=days, lights=data.lights,
                                 red_flag_tiers=[None, scales.ASSESSMENT])
    assert marks_from(only_tiers) == [None, scales.ASSESSMENT, None, None]


def test_red_flag_cells_take_the_tiers_colour_with_a_white_symbol():
    # QA D6: a flag day is not a load-red cell with a tiny badge: the whole cell is the
    # tier's colour ("!" dark red, "?" brown-amber) and the symbol is white on it
    j = marked_journal()
    days = [D0 + timedelta(days=i) for i in range(8, 20)]
    lights = day_lights(j, days)
    data = SimpleNamespace(days=days, lights=[li.colour for li in lights],
                           light_marks=marks_of(lights))
    for theme in (LIGHT, DARK):
        chart = LightStripChart(theme)
        chart.update(data)
        urgent, assessment = (scales.FLAG_TIERS[t].colour
                              for t in (scales.URGENT, scales.ASSESSMENT))
        assert chart.cell_fill(3) == urgent and chart.cell_fill(5) == assessment
        assert chart.cell_fill(1) == theme.red != urgent  # the load-red day
        assert len({chart.cell_fill(1), urgent, assessment}) == 3
        for text in (t for t in chart.symbols if t.get_visible()):
            assert same_color(text.get_color(), "white")
            assert text.get_fontsize() >= 8
            box = text.get_bbox_patch()
            assert same_color(box.get_facecolor(), chart.cell_fill(3 if text.get_text() == "!"
                                                                   else 5))
    chart.set_theme(LIGHT)
    assert chart.cell_fill(3) == scales.FLAG_TIERS[scales.URGENT].colour


def test_legend_is_the_domains_legend_with_the_progress_rule():
    # QA D7: the strip's legend says what green and amber mean and that progression
    # needs a full green week, like the Journal and the PDF (domain.light.LEGEND)
    from rehabjournal.domain.light import LEGEND, PROGRESS_RULE

    chart = LightStripChart()
    legend = chart.legend.get_text()
    assert PROGRESS_RULE in legend and PROGRESS_RULE in LEGEND[0].text
    for item in LEGEND:
        assert item.short in legend
    assert "green: keep going" in legend and "amber: hold" in legend
