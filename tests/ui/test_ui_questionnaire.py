"""Outcome measures through the real widgets: fill in by keyboard, score stored and charted."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rehabjournal.services import outcomes as svc
from rehabjournal.store import models as m

from .conftest import TODAY

DISK_FULL = "database or disk is full"


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
    assert dialog.item_text.text() == "S1. Do you have swelling in your knee?"  # its own ids
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
    lines = dialog.result_text.text().splitlines()
    assert lines[:6] == ["Pain: 75", "Symptoms: 100", "ADL: 100", "Sport/Rec: 100",
                         "QOL: 100", "100 = no knee problems, 0 = extreme problems. The "
                         "KOOS has no total score."]
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
    assert dialog.result_text.text().splitlines()[:2] == [
        svc.instrument("psfs").missing_text, "Scale 0-10; higher is better."]


def _psfs_dialog(open_window, qtbot):
    from rehabjournal.ui.questionnaire import QuestionnaireDialog

    ctx, window = open_window()
    dialog = QuestionnaireDialog("psfs", TODAY, window, ctx, problem="knee")
    qtbot.addWidget(dialog)
    dialog.show()
    key(qtbot, dialog, Qt.Key.Key_Return)
    dialog.activity_names[0].setText("Running")
    dialog.activity_scores[0].setValue(4)
    return ctx, window, dialog


def test_a_saved_questionnaire_is_one_undo_step(open_window, qtbot):
    ctx, window, dialog = _psfs_dialog(open_window, qtbot)
    key(qtbot, dialog, Qt.Key.Key_Return)
    [r] = svc.responses("psfs")
    assert dialog.response_id == r.id
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "Fill in PSFS"
    ctx.undo_stack.undo()  # Edit > Undo deletes the response
    assert svc.responses() == []
    ctx.undo_stack.redo()
    assert svc.responses() == [r]


def test_a_questionnaire_not_written_keeps_the_answers(open_window, qtbot, monkeypatch):
    ctx, window, dialog = _psfs_dialog(open_window, qtbot)
    database = m.database.obj
    real = database.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            raise sqlite3.OperationalError(DISK_FULL)
        return real(sql, params, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(database, "execute_sql", execute_sql)
        key(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.on_result_page() and dialog.response_id is None
    assert DISK_FULL in dialog.error.text() and not dialog.error.isHidden()
    assert window.write_banner.isVisible()
    assert dialog.activity_names[0].text() == "Running"  # the answers are kept
    assert svc.responses() == [] and ctx.undo_stack.count() == 0
    key(qtbot, dialog, Qt.Key.Key_Return)  # room again: Enter saves
    assert dialog.on_result_page() and svc.responses("psfs")[0].score == 4.0
    assert not window.write_banner.isVisible()


def test_a_refused_questionnaire_says_why(open_window, qtbot):
    ctx, _window, dialog = _psfs_dialog(open_window, qtbot)
    dialog.activity_names[1].setText("Stairs")  # named, not rated
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert "Stairs" in dialog.error.text() and not dialog.on_result_page()
    assert svc.responses() == [] and ctx.undo_stack.count() == 0


def test_today_banner_shows_what_is_due_and_hides_when_done(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    svc.set_schedule(["koos", "lefs"], 14)
    banner = page.outcomes_due
    banner.refresh()
    assert page.sections[0] is banner  # the first section, right under the date bar
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
    assert ctx.undo_stack.undoText() == "Change outcome-measure schedule"


def test_a_filled_questionnaire_shows_on_the_progress_page(open_window, qtbot):
    ctx, window = open_window()
    svc.save_response("lefs", TODAY, {f"L{i}": 3 for i in range(1, 21)})
    page = window.show_page("progress")
    page.tabs.setCurrentIndex(list(page.tab_pages).index("outcomes"))
    qtbot.waitUntil(lambda: "outcomes" in page.canvases)
    chart = page.canvases["outcomes"].chart
    qtbot.waitUntil(lambda: list(chart.lines["lefs"].get_ydata()) == [60.0])
