"""The Progress page's Patterns tab: a card per finding with its words and counts, the
summary, what was not tested (folded), the chart of the flares against the chosen
finding's days; "nothing stood out" for a noise journal; keyboard; 1366x768."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

TODAY = date(2026, 3, 18)
END = TODAY - timedelta(days=1)
START = END - timedelta(days=83)


def fill_journal(js, end: date, *, planted: bool, seed: int, days: int = 84) -> None:
    """``days`` mornings up to ``end``: morning pain 2 or 3, sleep 7-8 h, stress 2-4, a run
    on about half the days. ``planted``: about one night in six under 5 h of sleep, followed
    two days later by a morning 3-4 points up; otherwise as many short nights and as many
    such mornings, on days drawn at random (noise)."""
    rng = random.Random(seed)
    first = end - timedelta(days=days - 1)
    all_days = [first + timedelta(days=i) for i in range(days)]
    short = {d for d in all_days[10:-3] if rng.random() < 0.17}
    if planted:
        flares = {d + timedelta(days=2) for d in short}
    else:
        flares = set(rng.sample(all_days[10:], len(short)))
    for d in all_days:
        js.save_checkin(d, {"morning_pain": 6 if d in flares else rng.choice((2, 2, 3)),
                            "sleep_hours": 4.5 if d in short else rng.choice((7.0, 7.5, 8.0)),
                            "stress": rng.randint(2, 4)})
        if rng.random() < 0.5:
            js.add_session(d, {"kind": "run", "minutes": rng.choice((30, 35, 40)),
                               "rpe": rng.randint(3, 5)})


def _journal(tmp_path, name: str, planted: bool, seed: int):
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal

    data = tmp_path / name
    open_journal(data)
    js.save_profile({"name": "P", "condition": "patellofemoral_pain", "joint": "knee",
                     "side": "left"})
    js.add_site("knee", "left", primary=True)
    fill_journal(js, END, planted=planted, seed=seed)
    close_journal()
    return data


def _settle(qtbot):
    from rehabjournal.ui.chart_canvas import ChartCanvas

    def busy() -> bool:
        return any(isinstance(w, ChartCanvas) and w.isVisible() and w._timer.isActive()
                   for w in QApplication.allWidgets())

    qtbot.wait(30)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not busy(), timeout=10000)
    QApplication.processEvents()


def _patterns_tab(open_window, qtbot, data, size=(1366, 768)):
    _ctx, window = open_window(profile=False, data_dir=data)
    window.resize(*size)
    page = window.show_page("progress")
    page.set_period(START, END)
    page.refresh()
    page.tabs.setCurrentIndex(list(page.tab_pages).index("patterns"))
    _settle(qtbot)
    return window, page, page.tab("patterns")


@pytest.fixture
def planted_tab(open_window, qtbot, tmp_path):
    return _patterns_tab(open_window, qtbot, _journal(tmp_path, "planted", True, seed=1))


def test_a_planted_effect_shows_as_a_card_with_its_words_and_counts(planted_tab):
    from rehabjournal.services.patterns import period_patterns

    _window, page, tab = planted_tab
    report = tab.report
    assert report == period_patterns(START, END, today=TODAY)
    found = [f for f in report.findings if f.factor == "short_sleep"]
    assert [f.lag for f in found] == [2]  # the planted lag, and only it
    f = found[0]
    card = next(c for c in tab.cards if c.finding == f)
    assert card.isVisible()
    text = card.text.text()
    assert "2 days after a night under 6 h of sleep" in text
    assert f"after {f.a} of {f.a + f.b} such nights, against {f.c} of {f.c + f.d} other " \
           "nights" in text
    assert "caus" not in text.lower()
    figures = card.figures.text()
    assert f"Counts: {f.a} of {f.a + f.b} (" in figures
    assert "Risk ratio " in figures and "95 % confidence interval" in figures
    assert f"adjusted for {report.comparisons} comparisons" in figures
    assert tab.summary.text() == f"<b>{report.summary}</b>"
    assert tab.summary.isVisible() and not tab.nothing.isVisible()
    note = tab.note.text()
    assert "not proof that one caused the other" in note
    assert f"{report.comparisons} comparisons" in note
    # the chart shows the first finding: its factor days moved by its lag
    chart = page.canvases["patterns"].chart
    assert chart.finding == report.findings[0] and tab.chosen() == report.findings[0]
    if report.findings[0] == f:  # its filled and hollow dots are the card's counts
        assert (chart.count("hit"), chart.count("miss")) == (f.a, f.b)


def test_a_noise_journal_says_nothing_stood_out(open_window, qtbot, tmp_path):
    _window, page, tab = _patterns_tab(open_window, qtbot,
                                       _journal(tmp_path, "noise", False, seed=1))
    report = tab.report
    assert report.findings == () and report.comparisons > 0
    assert tab.cards == []
    summary = tab.summary.text()
    assert f"Nothing stood out after {report.comparisons} comparisons" in summary
    assert tab.nothing.isVisible()
    assert "does not prove that nothing matters" in tab.nothing.text()
    assert "not proof" not in tab.note.text()  # the association note speaks of findings
    chart = page.canvases["patterns"].chart
    assert chart.finding is None and chart.no_finding.get_visible()
    assert len(chart.bars.get_paths()) == len(report.episodes) > 0
    # what could not be tested is listed with its reason, folded
    if report.untested:
        fold = tab.untested
        assert fold.isVisible() and not fold.body.isVisible()
        assert f"Not tested ({len(report.untested)})" in fold.button.text()
        fold.button.setFocus()
        qtbot.keyClick(fold.button, Qt.Key.Key_Space)
        assert fold.body.isVisible()
        assert report.untested[0].reason in fold.body.text()


def test_a_new_journal_says_nothing_could_be_tested_yet(open_window, qtbot, tmp_path):
    from rehabjournal.services import journal as js
    from rehabjournal.services.pattern_text import NOTHING_TESTED

    def fill(data):
        from rehabjournal.store.db import close_journal, open_journal

        open_journal(data)
        js.save_profile({"name": "N", "condition": "patellofemoral_pain", "joint": "knee",
                         "side": "left"})
        for i in range(10):
            js.save_checkin(END - timedelta(days=i), {"morning_pain": 2 + (i == 3) * 3})
        close_journal()
        return data

    _window, page, tab = _patterns_tab(open_window, qtbot, fill(tmp_path / "new"))
    assert tab.report.comparisons == 0 and tab.cards == []
    assert tab.nothing.text() == NOTHING_TESTED
    assert "0 comparisons" not in tab.note.text() + tab.summary.text()
    assert "every comparison made" in tab.note.text()


def _hand_made_report():
    from rehabjournal.domain.flares import Finding, FlareEpisode, PatternReport, Untested

    s = START
    sleep = tuple(s + timedelta(days=i) for i in range(3, 80, 9))
    runs = tuple(s + timedelta(days=i) for i in range(1, 80, 4))
    episodes = tuple(FlareEpisode(d + timedelta(days=2), d + timedelta(days=2), 6, False)
                     for d in sleep[:5])
    findings = (
        Finding("short_sleep", "Sleep under 6 h", 2, 5, 4, 0, 60, 60.0, 3.5, 1000.0, 0.0001,
                0.002, "Flares began more often 2 days after a night under 6 h of sleep: "
                "after 5 of 9 such nights, against 0 of 60 other nights."),
        Finding("kind:run", "Run", 1, 3, 17, 2, 47, 2.5, 0.45, 14.0, 0.01, 0.09,
                "Flares began more often 1 day after a day with a run: after 3 of 20 such "
                "days, against 2 of 49 other days."),
    )
    untested = (Untested("stress", "Stress 7/10 or more", "only 0 days with it (5 needed)"),)
    return PatternReport(s, END, episodes, 21, findings, untested, 0.10, 2, 6.0, None,
                         {"short_sleep": sleep, "kind:run": runs, "stress": ()})


def test_cards_are_reached_by_keyboard_and_choose_the_chart(planted_tab, qtbot):
    _window, page, tab = planted_tab
    report = _hand_made_report()
    tab.show_report(report)
    _settle(qtbot)
    chart = page.canvases["patterns"].chart
    first, second = tab.cards
    assert first.focusPolicy() == Qt.FocusPolicy.StrongFocus
    page.tabs.tabBar().setFocus()  # from the tab bar, Tab goes to the first card
    qtbot.waitUntil(page.tabs.tabBar().hasFocus)
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Tab)
    qtbot.waitUntil(first.hasFocus)
    assert chart.finding == report.findings[0] and first.is_chosen
    qtbot.keyClick(first, Qt.Key.Key_Down)
    qtbot.waitUntil(second.hasFocus)
    assert chart.finding == report.findings[1] and second.is_chosen and not first.is_chosen
    assert "1 day" in chart.ax.get_title(loc="left")
    qtbot.keyClick(second, Qt.Key.Key_Up)
    qtbot.waitUntil(first.hasFocus)
    assert chart.finding == report.findings[0]
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)
    qtbot.keyClick(second, Qt.Key.Key_Tab)
    assert tab.untested.button.hasFocus()  # then the fold of what was not tested
    # the choice is kept when the same period is shown again
    tab.show_report(report)
    assert chart.finding == report.findings[1]
    assert first.accessibleName() == report.findings[0].text


def test_fits_1366x768_and_follows_the_palette(planted_tab, qtbot):
    window, page, tab = planted_tab
    tab.show_report(_hand_made_report())
    _settle(qtbot)
    assert window.width() <= 1366 and window.height() <= 768
    viewport = tab.scroll.viewport()
    assert not tab.scroll.horizontalScrollBar().isVisible()
    for card in tab.cards:
        assert card.width() <= viewport.width()
        assert card.text.height() >= card.text.heightForWidth(card.text.width())
    canvas = page.canvases["patterns"]
    assert canvas.isVisible() and canvas.height() >= 150
    assert canvas.geometry().bottom() <= tab.height()
    # at least the summary and the first card are shown without scrolling
    assert tab.cards[0].geometry().bottom() <= viewport.height()

    from matplotlib.colors import to_hex

    app = QApplication.instance()
    old = app.palette()
    dark = QPalette(old)
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.WindowText, "#eeeeee"),
                         (QPalette.ColorRole.Base, "#202020")):
        dark.setColor(role, QColor(colour))
    try:
        app.setPalette(dark)
        _settle(qtbot)
        assert to_hex(canvas.figure.get_facecolor()) == "#2b2b2b"
        assert tab.cards[0].palette().color(QPalette.ColorRole.Base).name() == "#202020"
    finally:
        app.setPalette(old)
        _settle(qtbot)


def test_pattern_model(planted_tab, qtmodeltester):
    _window, _page, tab = planted_tab
    report = _hand_made_report()
    tab.show_report(report)
    model = tab.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == report.findings[0].text
    assert model.index(0, 1).data() == "5 of 9 (56 %)"
    assert model.index(0, 2).data() == "0 of 60 (0 %)"
    assert model.index(1, 3).data() == "2.5 (0.45 to 14)"
    assert "adjusted for 21 comparisons" in model.index(0, 0).data(
        Qt.ItemDataRole.ToolTipRole)


# ---- Preferences: the pattern finder's settings ------------------------------------------


def test_preferences_pattern_settings_from_the_registry(open_window, qtbot):
    from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

    from rehabjournal.services import settings
    from rehabjournal.ui.preferences import NO_OWN_EVENTS, PreferencesDialog

    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    numeric = [o for o in settings.options(page=settings.PATTERNS) if o.type in (int, float)]
    assert [o.key for o in numeric] == ["patterns.flare_rise", "patterns.q",
                                        "patterns.short_sleep_hours"]
    assert list(dialog.pattern_editors) == [o.key for o in numeric]
    for o in numeric:
        editor = dialog.pattern_editors[o.key]
        assert isinstance(editor, QDoubleSpinBox if o.type is float else QSpinBox)
        assert (editor.minimum(), editor.maximum()) == (o.minimum, o.maximum)
        assert editor.value() == o.default and editor.toolTip() == o.help
    assert dialog.pattern_editors["patterns.flare_rise"].suffix() == " points"
    assert not set(dialog.pattern_editors) & set(dialog.editors)
    assert dialog.factor_checks == {}
    assert dialog.findChild(QLabel, "noOwnEvents").text() == NO_OWN_EVENTS
    assert dialog.sizeHint().height() <= 700  # fits a 1366x768 screen with its frame


def test_preferences_save_the_pattern_settings_and_own_events_as_one_undo_step(
        open_window, qtbot, tmp_path):
    from rehabjournal.services import journal as js
    from rehabjournal.services import settings
    from rehabjournal.ui.preferences import PreferencesDialog

    data = _journal(tmp_path, "planted", True, seed=1)
    window, page, tab = _patterns_tab(open_window, qtbot, data)
    ctx = window.ctx
    for i, label in enumerate(("Long car drive", "long  car drive", "Started pilates",
                               "Long car drive")):
        js.add_event(START + timedelta(days=5 + 7 * i), "custom", label)
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert list(dialog.factor_checks) == ["Long car drive", "Started pilates"]
    dialog.pattern_editors["patterns.flare_rise"].setValue(3)
    dialog.pattern_editors["patterns.short_sleep_hours"].setValue(5.0)
    dialog.factor_checks["Long car drive"].setChecked(True)
    dialog.accept()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert settings.get("patterns.flare_rise") == 3
    assert settings.get("patterns.short_sleep_hours") == 5.0
    assert settings.get("patterns.custom_factors") == ["Long car drive"]
    assert ctx.undo_stack.count() == 1
    _settle(qtbot)
    report = tab.report
    assert report.rise == 3 and report.short_sleep_hours == 5.0
    assert "custom:long car drive" in report.factor_days
    assert "at least 3 points above your usual" in tab.note.text()
    ctx.undo_stack.undo()
    _settle(qtbot)
    assert settings.get("patterns.custom_factors") == []
    assert tab.report.rise == 2
    # a chosen label whose events were deleted stays listed, so it can be unchosen
    settings.set("patterns.custom_factors", ["Old knee brace"])
    again = PreferencesDialog(ctx, window)
    qtbot.addWidget(again)
    assert again.factor_checks["Old knee brace"].isChecked()
    again.restore_defaults()
    assert not any(c.isChecked() for c in again.factor_checks.values())
    assert again.pattern_values() == settings.defaults(
        [*again.pattern_editors, "patterns.custom_factors"])


def test_reports_page_patterns_section_is_off_until_ticked(open_window, qtbot, tmp_path):
    import pypdf

    data = _journal(tmp_path, "planted", True, seed=1)
    _ctx, window = open_window(profile=False, data_dir=data)
    page = window.show_page("reports")
    box = page.section_checks["patterns"]
    assert not box.isChecked() and "patterns" not in page.sections()
    assert "associations, not causes" in box.toolTip()
    page.set_period(END - timedelta(days=27), END)
    box.setChecked(True)
    with qtbot.waitSignal(page.report_ready, timeout=90_000) as blocker:
        page.make_report()
    text = " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(blocker.args[0].path).pages)
    assert "What often came before flares (associations, not causes)" in text
    assert "flares began more often 2 days after a night under 6 h of sleep" in text
