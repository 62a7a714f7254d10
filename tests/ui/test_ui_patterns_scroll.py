"""The Patterns tab after a refresh (another period) shows the chosen card's title: with
three findings and the "Not tested" fold open and scrolled to, switching the period used to
leave the first card scrolled out of view (its place was asked before the new cards were
laid out)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

TODAY = date(2026, 3, 18)
END = TODAY - timedelta(days=1)
START = END - timedelta(days=83)


def report(start: date, end: date, words: str):
    from rehabjournal.domain.flares import Finding, FlareEpisode, PatternReport, Untested

    days = tuple(start + timedelta(days=i) for i in range(3, 80, 9))
    episodes = tuple(FlareEpisode(d + timedelta(days=2), d + timedelta(days=2), 6, False)
                     for d in days[:5])
    findings = tuple(
        Finding(f"event:e{i}", f"Event {i}", 1 + i % 3, 5, 4, 0, 60, 60.0, 3.5, 1000.0,
                0.0001, 0.002 * (i + 1),
                f"Flares began more often {1 + i % 3} days after a day marked \u201cEvent "
                f"{i}\u201d {words}: after 5 of 9 such days, against 0 of 60 other days, "
                "which is a long enough sentence to wrap over two or three lines of a card.")
        for i in range(3))
    untested = tuple(Untested(f"event:u{i}", f"Something else {i}",
                              f"only {i % 4} days with it (5 needed)") for i in range(30))
    return PatternReport(start, end, episodes, 27, findings, untested, 0.10, 2, 6.0, None,
                         {f.factor: days for f in findings})


def _visible_in_viewport(tab, widget) -> bool:
    viewport = tab.scroll.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    title_bottom = top + min(widget.height(), 40)
    return top >= 0 and title_bottom <= viewport.height()


def test_a_refresh_shows_the_first_card_again(open_window, qtbot, tmp_path):
    _ctx, window = open_window(profile=True)
    window.resize(1366, 768)
    page = window.show_page("progress")
    page.tabs.setCurrentIndex(list(page.tab_pages).index("patterns"))
    tab = page.tab("patterns")
    tab.show_report(report(START, END, "in spring"))
    qtbot.wait(30)
    QApplication.processEvents()
    assert len(tab.cards) == 3
    # the fold open and scrolled to the end, as when reading what was not tested
    tab.untested.set_open(True)
    QApplication.processEvents()
    bar = tab.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert not _visible_in_viewport(tab, tab.cards[0])

    # another period: new cards, the first one chosen
    tab.show_report(report(START - timedelta(days=30), END - timedelta(days=30), "in winter"))
    QApplication.processEvents()
    qtbot.wait(30)
    QApplication.processEvents()
    first = tab.cards[0]
    assert first.is_chosen
    qtbot.waitUntil(lambda: _visible_in_viewport(tab, first), timeout=2000)
    assert bar.value() == 0  # the summary's first card sits at the top


def test_a_refresh_keeps_a_chosen_later_card_in_view(open_window, qtbot, tmp_path):
    _ctx, window = open_window(profile=True)
    window.resize(1366, 768)
    page = window.show_page("progress")
    page.tabs.setCurrentIndex(list(page.tab_pages).index("patterns"))
    tab = page.tab("patterns")
    tab.show_report(report(START, END, "in spring"))
    QApplication.processEvents()
    tab.choose(2)
    tab.untested.set_open(True)
    QApplication.processEvents()
    bar = tab.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    tab.show_report(report(START - timedelta(days=30), END - timedelta(days=30), "in winter"))
    QApplication.processEvents()
    third = tab.cards[2]
    assert third.is_chosen
    qtbot.waitUntil(lambda: _visible_in_viewport(tab, third), timeout=2000)
