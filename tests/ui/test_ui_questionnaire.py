"""Outcome measures through the real widgets: fill in by keyboard, score stored and charted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rehabjournal.services import outcomes as svc

from .conftest import TODAY


def key(qtbot, widget, k, times=1):
    for _ in range(times):
        qtbot.keyClick(widget, k)


def chart_ydata(key_):
    from rehabjournal.charts.outcomes import OutcomesChart

    chart = OutcomesChart()
    chart.update(svc.series())
    return [float(y) for y in chart.lines[key_].get_ydata()], chart


def test_lefs_by_keyboard_is_scored_stored_and_charted(open_window, qtbot):
    from rehabjournal.ui.questionnaire import QuestionnaireDialog

    ctx, window = open_window()
    dialog = QuestionnaireDialog("lefs", TODAY, window, ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Enter to start" in dialog.hint.text()
    key(qtbot, dialog, Qt.Key.Key_Return)  # start
    assert dialog.progress_label.text() == "item 1 of 20"
    assert dialog.item_text.text() == "1. Any of your usual work, housework, or school activities."
    assert not dialog.skip_button.isEnabled()  # LEFS: every item is needed
    key(qtbot, dialog, Qt.Key.Key_Return)  # no answer yet: refused
    assert dialog.error.isVisible() and dialog.index == 0
    for n in range(20):
        key(qtbot, dialog, Qt.Key.Key_3 if n else Qt.Key.Key_1)
        key(qtbot, dialog, Qt.Key.Key_Return)
        if n == 2:  # go back and change the first answer
            assert dialog.progress_label.text() == "item 4 of 20"
            key(qtbot, dialog, Qt.Key.Key_Backspace, 3)
            assert dialog.progress_label.text() == "item 1 of 20"
            assert dialog.option_buttons[1].isChecked()
            key(qtbot, dialog, Qt.Key.Key_4)
            key(qtbot, dialog, Qt.Key.Key_Return, 3)
    assert dialog.on_result_page()
    assert dialog.result_title.text() == "LEFS 61 / 80"  # 4 + 19 x 3
    [r] = svc.responses("lefs")
    assert (r.day, r.score, r.answers["L1"], r.answers["L20"]) == (TODAY, 61.0, 4, 3)
    ydata, _chart = chart_ydata("lefs")
    assert ydata == [61.0]
    key(qtbot, dialog, Qt.Key.Key_Return)  # closes
    assert not dialog.isVisible()


def test_koos_with_allowed_skips_gives_the_test_vector(open_window, qtbot):
    from rehabjournal.ui.questionnaire import QuestionnaireDialog

    ctx, window = open_window()
    changed = []
    ctx.journal_changed.connect(changed.append)
    dialog = QuestionnaireDialog("koos", TODAY, window, ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.progress_label.text() == "item 1 of 42"
    assert dialog.section_title.text() == "Symptoms"
    pain = iter([1, 2, 1, 0, 1, 2, 0, 1, 1])
    skipped = 0
    for n, item in enumerate(svc.instrument("koos").items):
        assert dialog.current.id == item.id
        if item.id in ("A3", "A4", "SP5"):  # allowed: the subscale keeps enough items
            assert dialog.skip_button.isEnabled()
            key(qtbot, dialog, Qt.Key.Key_S)
            skipped += 1
            continue
        value = next(pain) if item.id.startswith("P") else 0
        key(qtbot, dialog, getattr(Qt.Key, f"Key_{value}"))
        key(qtbot, dialog, Qt.Key.Key_Return)
        if n < 41:
            assert dialog.progress_label.text() == f"item {n + 2} of 42"
    assert skipped == 3 and dialog.on_result_page()
    assert dialog.result_title.text() == "KOOS Pain 75 / 100"
    [r] = svc.responses("koos")
    assert r.score == 75.0 and r.subscores["pain"] == 75.0 and r.subscores["adl"] == 100.0
    assert "A3" not in r.answers and len(r.answers) == 39
    assert changed == [TODAY]
    ydata, chart = chart_ydata("koos")
    assert ydata == [75.0]
    # the meaningful-change band: first score +/- 8 points
    rect = chart.bands["koos"]  # a Rectangle (matplotlib >= 3.9)
    assert (rect.get_y(), rect.get_y() + rect.get_height()) == (67.0, 83.0)


def test_koos_skip_refused_when_the_subscale_would_fall_short(open_window, qtbot):
    from rehabjournal.ui.questionnaire import QuestionnaireDialog

    ctx, window = open_window()
    dialog = QuestionnaireDialog("koos", TODAY, window, ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    key(qtbot, dialog, Qt.Key.Key_Return)
    for _ in range(3):  # S1-S3 skipped: Symptoms keeps 4 of 7
        key(qtbot, dialog, Qt.Key.Key_S)
    assert dialog.current.id == "S4"
    assert not dialog.skip_button.isEnabled()
    key(qtbot, dialog, Qt.Key.Key_S)
    assert dialog.current.id == "S4"


def test_psfs_page_saves_the_mean(open_window, qtbot):
    from rehabjournal.ui.questionnaire import QuestionnaireDialog

    ctx, window = open_window()
    dialog = QuestionnaireDialog("psfs", TODAY, window, ctx, problem="knee")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "your knee problem" in dialog.intro_text.text()
    key(qtbot, dialog, Qt.Key.Key_Return)
    for k, (name, value) in enumerate((("Running", 3), ("Stairs", 6))):
        dialog.activity_names[k].setText(name)
        dialog.activity_scores[k].setValue(value)
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.on_result_page()
    assert svc.responses("psfs")[0].score == 4.5


def test_today_banner_shows_what_is_due_and_hides_when_done(open_window, qtbot):
    from rehabjournal.ui import outcomes_due

    ctx, window = open_window()
    page = window.show_page("today")
    svc.set_schedule(["koos", "lefs"], 14)
    banner = outcomes_due.install(page)
    assert page.body.indexOf(banner) == 2
    assert banner.isVisible()
    assert [b.objectName() for b in banner.buttons.values()] == ["fill_koos", "fill_lefs"]
    assert banner.findChild(QLabel, "due_koos").text() == "KOOS is due \u2014 fill it in now"
    svc.save_response("lefs", TODAY, {f"L{i}": 4 for i in range(1, 21)})
    ctx.journal_changed.emit(TODAY)
    assert list(banner.buttons) == ["koos"]


def test_settings_dialog_saves_the_schedule(open_window, qtbot):
    from rehabjournal.ui.outcome_settings import OutcomeSettingsDialog

    ctx, window = open_window()
    dialog = OutcomeSettingsDialog(window, ctx)
    qtbot.addWidget(dialog)
    dialog.checks["koos"].setChecked(True)
    dialog.every.setValue(21)
    dialog.save()
    assert svc.get_schedule() == {"instruments": ["koos"], "every_days": 21}
    assert svc.due(TODAY) == ["koos"]


def test_a_filled_questionnaire_shows_on_the_progress_page(open_window, qtbot):
    ctx, window = open_window()
    svc.save_response("lefs", TODAY, {f"L{i}": 3 for i in range(1, 21)})
    page = window.show_page("progress")
    page.tabs.setCurrentIndex(list(page.tab_pages).index("outcomes"))
    qtbot.waitUntil(lambda: "outcomes" in page.canvases)
    chart = page.canvases["outcomes"].chart
    qtbot.waitUntil(lambda: list(chart.lines["lefs"].get_ydata()) == [60.0])
