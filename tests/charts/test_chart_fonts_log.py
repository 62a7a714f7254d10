"""Bold chart text in a script the fallback fonts have only in regular (Arabic, Chinese)
logs nothing: matplotlib's "Failed to find font weight bold" came on stderr of every window
with a chart (charts/theme.py, ``_not_a_missing_bold``)."""

from __future__ import annotations

import logging

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from rehabjournal.charts import theme  # noqa: E402

MISSING = "Failed to find font weight"


def draw_bold_title() -> None:
    font_manager.fontManager._findfont_cached.cache_clear()  # matplotlib logs once per font
    figure = Figure()
    figure.add_subplot().set_title("ركبة 膝 knee", fontweight="bold")
    FigureCanvasAgg(figure).draw()


def test_a_bold_title_in_arabic_and_chinese_logs_no_missing_bold(caplog):
    theme.use_fallback_fonts()
    logger = logging.getLogger("matplotlib.font_manager")
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        logger.removeFilter(theme._not_a_missing_bold)
        try:
            draw_bold_title()  # without the filter: the message matplotlib logs here
        finally:
            logger.addFilter(theme._not_a_missing_bold)
        unfiltered = [r for r in caplog.records if MISSING in r.getMessage()]
        caplog.clear()
        draw_bold_title()
        filtered = [r for r in caplog.records if MISSING in r.getMessage()]
    assert unfiltered, "matplotlib no longer logs it: the filter can go"
    assert filtered == []


def test_other_font_messages_still_come_through():
    record = logging.LogRecord("matplotlib.font_manager", logging.WARNING, __file__, 1,
                               "findfont: Font family %r not found.", ("Nowhere Sans",), None)
    assert theme._not_a_missing_bold(record) is True
