"""Colour is never the only signal on the Progress light strip: each cell says its letter
or symbol, as the PDF strip does, and the legend says what they mean."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from matplotlib.backends.backend_agg import FigureCanvasAgg

from rehabjournal.charts import DARK
from rehabjournal.charts.lights import LETTER_MIN_PX, LightStripChart
from rehabjournal.domain.light import day_lights, marks_of

from .test_charts_lights import D0, marked_journal


def marked_data():
    j = marked_journal()
    days = [D0 + timedelta(days=i) for i in range(8, 20)]
    lights = day_lights(j, days)
    return SimpleNamespace(days=days, lights=[li.colour for li in lights],
                           light_marks=marks_of(lights))


def drawn_texts(chart) -> list[str]:
    """The strings matplotlib really draws on the strip (visible text artists)."""
    FigureCanvasAgg(chart.figure).draw()
    return [t.get_text() for t in chart.ax.texts if t.get_visible() and t.get_text()]


def test_each_cell_says_its_light_as_the_pdf_strip_does():
    data = marked_data()
    chart = LightStripChart(figsize=(8, 1.0))
    chart.update(data)
    letters = chart.cell_letters()
    expected = {"green": "G", "amber": "A", "red": "R", None: None}
    for i, (colour, mark) in enumerate(zip(data.lights, data.light_marks, strict=True)):
        want = {"urgent": "!", "assessment": "?", "waiting": "W"}.get(mark,
                                                                      expected[colour])
        assert letters[i] == want, (i, colour, mark)
    assert {"G", "R", "!", "?", "W"} <= set(letters)
    drawn = drawn_texts(chart)
    assert drawn.count("R") == letters.count("R") and "W" in drawn and "!" in drawn
    legend = chart.legend.get_text()
    for words in ("G green: keep going", "A amber: hold", "R red: back off",
                  "W hatched: waiting", "! see a clinician now", "? book an assessment"):
        assert words in legend


def test_the_letter_is_readable_on_its_cell_in_both_themes():
    for theme in (None, DARK):
        chart = LightStripChart(figsize=(8, 1.0))
        if theme is not None:
            chart.set_theme(theme)
        days = [D0 + timedelta(days=i) for i in range(5)]
        chart.update(SimpleNamespace(days=days, lights=["green", "amber", "red", None, None],
                                     light_marks=[None, None, None, "waiting", None]))
        assert chart.cell_letters() == ["G", "A", "R", "W", None]
        shown = {t.get_text(): t.get_color() for t in chart.letters if t.get_visible()}
        assert shown["A"] == "#202124"  # dark on amber
        # on the grey of a waiting day: dark on the light theme's, white on the dark one's
        assert shown["W"] == ("white" if theme is DARK else "#202124")


def test_narrow_cells_show_no_letters_but_keep_the_red_flag_symbols():
    days = [date(2024, 1, 1) + timedelta(days=i) for i in range(365)]
    lights = (["green", "amber", "red"] * 122)[:365]
    marks = [None] * 365
    marks[100] = "urgent"
    chart = LightStripChart(figsize=(8, 1.0))
    chart.update(SimpleNamespace(days=days, lights=lights, light_marks=marks))
    assert not chart.letters_fit()
    assert [t for t in chart.cell_letters() if t] == ["!"]
    # wider again (a resize calls relayout): letters come back when the cells allow it
    chart.update(SimpleNamespace(days=days[:28], lights=lights[:28]))
    assert chart.letters_fit()
    assert chart.cell_letters()[:3] == ["G", "A", "R"]
    chart.figure.set_size_inches(1.5, 1.0)
    chart.relayout()
    assert not chart.letters_fit() and not any(chart.cell_letters())
    assert LETTER_MIN_PX > 5
