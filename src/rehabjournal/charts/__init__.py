"""Charts: domain and service results -> matplotlib ``Figure`` (never pyplot).

The same code draws the Progress page and the clinician PDF. Importing this package does
not import matplotlib (``charts.theme`` is pure Python until a chart is made); each chart
module imports it when a chart is built.

For the PDF (each returns a new ``matplotlib.figure.Figure``; ``figsize`` in inches is
optional; ``theme`` defaults to ``LIGHT``)::

    from rehabjournal.services.progress import progress_data
    data = progress_data(start, end, site_id=None, summary=None)  # summary: the period's
    # PeriodSummary when the caller has it (its weeks, lights and ratio are plotted)

    from rehabjournal.charts.pain import pain_figure
    pain_figure(data, theme=LIGHT, figsize=None) -> Figure
    from rehabjournal.charts.load import load_figure
    load_figure(data, theme=LIGHT, figsize=None) -> Figure
    from rehabjournal.charts.lights import light_strip_figure
    light_strip_figure(data, theme=LIGHT, figsize=None) -> Figure
    from rehabjournal.charts.adherence import adherence_figure, progression_figure
    adherence_figure(weeks, theme=LIGHT, figsize=None) -> Figure   # services.programme
    progression_figure(points, name="", theme=LIGHT, figsize=None) -> Figure
    from rehabjournal.charts.patterns import patterns_figure
    patterns_figure(report, finding=None, theme=LIGHT, figsize=None) -> Figure
    # report: a domain.flares.PatternReport; its flares against the finding's factor days
    # moved by its lag (filled: a flare began then; hollow: none; grey x: not counted)

The classes behind them (``PainChart``, ``LoadChart``, ``LightStripChart``,
``AdherenceChart``, ``ProgressionChart``, ``PatternsChart``) keep their artists and take new
data with ``update(data)``, a new palette with ``set_theme(theme)``, and answer hover questions
with ``describe(x, y, ax)``. ``theme.theme_from_palette(window, text, base)`` makes a
theme from Qt palette colours; ``theme.apply_theme(fig, theme)`` recolours any figure.

The load chart calls the acute:chronic ratio a "load spike indicator" and never a risk
(domain.md section 3); its first value is on day 29 of the journal's data.

Date axes (``theme.day_locator``) tick whole days only, never hours, and label short
periods "Tue 17 Mar"; bars of periods shorter than a week are as wide as in a week-long
plot. A ``ProgressData`` whose period starts before the journal's first entry starts at
that entry (``data.start``; ``data.note`` says so).
"""

from .theme import DARK, LIGHT, Theme, apply_theme, theme_from_palette

__all__ = ["DARK", "LIGHT", "Theme", "apply_theme", "theme_from_palette"]
