"""The programme editor (issue 14): the details always show the selected row, a dose
changed by hand goes to the dose history (undo takes it back), the new prescription,
phase and programme fields save, and "From template" asks the start date and whether to
replace the running programme."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from rehabjournal.services import programme as ps
from rehabjournal.store import models as m
from rehabjournal.ui.pages.programme.template_dialog import default_start

from .conftest import TODAY  # Wednesday 18 March 2026


@pytest.fixture
def page(open_window):
    ctx, window = open_window()
    page = window.show_page("programme")
    page.ctx = ctx
    return page


def _plan(start: date = TODAY) -> tuple[int, list[int]]:
    """An active programme: one phase with a leg press, a calf raise and a bridge."""
    pid = ps.create_programme("Knee", start, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 4}).result
    ids = []
    for slug, values in (("leg-press", {"sets": 3, "reps": 15, "load": 40, "load_unit": "kg"}),
                         ("calf-raise", {"sets": 3, "reps": 20}),
                         ("glute-bridge", {"sets": 3, "reps": 12})):
        ex = m.Exercise.get(m.Exercise.slug == slug).id
        ids.append(ps.add_prescription(phase, {"exercise": ex, "weekdays": "0,2,4",
                                               **values}).result)
    return pid, ids


def _show(page, pid: int) -> None:
    page.reload()
    page.programmes.select_programme(pid)


def _select(page, pres_id: int) -> None:
    editor = page.programmes.editor
    editor.tree.setCurrentIndex(editor.tree_model.find("prescription", pres_id))
    assert editor.detail.currentWidget() is editor.prescription_form


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _form_shows(page, pres_id: int) -> bool:
    editor = page.programmes.editor
    form = editor.prescription_form
    p = ps.get_prescription(pres_id)
    return (editor.current_item() == ("prescription", pres_id)
            and editor.detail.currentWidget() is form and form.prescription_id == pres_id
            and form.exercise.currentData() == p["exercise"]
            and form.exercise.currentText() == p["exercise_name"]
            and form.numbers["sets"].edit.text() == str(p["sets"]))


# ---- the details show the selected row -----------------------------------------------------

def test_details_show_the_selected_row_after_a_save_and_a_reload(page, qtbot):
    pid, (press, calf, bridge) = _plan()
    _show(page, pid)
    _select(page, press)  # not the first exercise of the list ("Calf raise" is)
    form = page.programmes.editor.prescription_form
    _type(qtbot, form.numbers["sets"].edit, "4")
    assert ps.get_prescription(press)["sets"] == 4
    assert _form_shows(page, press)
    # a change elsewhere reloads the page (the exercise list is refilled): same row
    lib = page.library
    lib.select(m.Exercise.get(m.Exercise.slug == "glute-bridge").id)
    qtbot.mouseClick(lib.copy_button, Qt.MouseButton.LeftButton)
    assert _form_shows(page, press)
    page.ctx.undo_stack.undo()  # the copy
    page.ctx.undo_stack.undo()  # the sets
    assert _form_shows(page, press) and ps.get_prescription(press)["sets"] == 3
    # the next row, then an exercise change on it
    _select(page, bridge)
    leg = form.exercise.findData(ps.get_prescription(press)["exercise"])
    form.exercise.setCurrentIndex(leg)
    form.exercise.activated.emit(leg)
    assert ps.get_prescription(bridge)["exercise_name"] == "Leg press"
    assert _form_shows(page, bridge)


# ---- manual dose edits in the history ---------------------------------------------------

def test_a_dose_changed_by_hand_is_in_the_history_and_undo_removes_it(page, qtbot):
    pid, (press, _calf, _bridge) = _plan()
    _show(page, pid)
    _select(page, press)
    form = page.programmes.editor.prescription_form
    _type(qtbot, form.numbers["load"].edit, "42.5")
    rows = ps.prescription_history(press)
    assert [(h["day"], h["field_name"], h["old_value"], h["new_value"], h["reason"])
            for h in rows] == [(TODAY, "load", "40", "42.5", "Changed by hand")]
    assert "load 40 &rarr; 42.5" in form.history.text() or "load 40 \u2192 42.5" in \
        form.history.text()
    assert "(by hand)" in form.history.text()
    # a unit change is a dose change too; tempo and notes are not
    form.unit.setCurrentIndex(form.unit.findData("lb"))
    form.unit.activated.emit(form.unit.currentIndex())
    _type(qtbot, form.tempo, "3 s down")
    assert [h["field_name"] for h in ps.prescription_history(press)] == ["load", "load_unit"]
    page.ctx.undo_stack.undo()  # tempo
    page.ctx.undo_stack.undo()  # unit
    page.ctx.undo_stack.undo()  # load
    assert ps.prescription_history(press) == []
    assert ps.get_prescription(press)["load"] == 40.0
    assert form.history.text() == ""
    page.ctx.undo_stack.redo()
    assert [(h["field_name"], h["new_value"]) for h in ps.prescription_history(press)] == [
        ("load", "42.5")]
    assert "(by hand)" in form.history.text()


def test_the_new_prescription_fields_save(page, qtbot, tmp_path):
    pid, (press, _calf, _bridge) = _plan()
    _show(page, pid)
    _select(page, press)
    form = page.programmes.editor.prescription_form
    form.side.setCurrentIndex(form.side.findData("each side"))
    form.side.activated.emit(form.side.currentIndex())
    form.pain_rule.setCurrentIndex(form.pain_rule.findData("tendon"))
    form.pain_rule.activated.emit(form.pain_rule.currentIndex())
    _type(qtbot, form.numbers["times_per_day"].edit, "2")
    _type(qtbot, form.effort, "about 70 % effort")
    _type(qtbot, form.media.edit, "https://example.org/press.mp4")
    p = ps.get_prescription(press)
    assert (p["side"], p["pain_rule"], p["times_per_day"], p["effort_target"], p["media"]) == (
        "each side", "tendon", 2, "about 70 % effort", "https://example.org/press.mp4")
    # a refused link: the reason under the form, nothing saved
    _type(qtbot, form.media.edit, "javascript:alert(1)")
    assert form.error.isVisible() and "https:// link or a file" in form.error.text()
    assert ps.get_prescription(press)["media"] == "https://example.org/press.mp4"
    _type(qtbot, form.numbers["times_per_day"].edit, "9")
    assert not form.numbers["times_per_day"].error.isHidden()
    assert ps.get_prescription(press)["times_per_day"] == 2


def test_phase_criteria_carry_progress_and_programme_clinician_save(page, qtbot):
    pid, _ids = _plan()
    _show(page, pid)
    editor = page.programmes.editor
    phase = ps.list_phases(pid)[0]["id"]
    editor.select_item("phase", phase)
    form = editor.phase_form
    assert form.carry.isChecked()
    form.carry.click()
    assert ps.get_phase(phase)["carry_progress"] is False
    form.criteria.setPlainText("20 single-leg squats with pain up to 2/10")
    qtbot.mouseClick(form.goal_save, Qt.MouseButton.LeftButton)
    assert ps.get_phase(phase)["criteria"] == "20 single-leg squats with pain up to 2/10"
    assert page.ctx.undo_stack.undoText() == "Edit phase"

    _type(qtbot, editor.clinician, "Sam Physio")
    _type(qtbot, editor.contact, "0123 456789")
    _type(qtbot, editor.review, "2026-04-29")
    prog = ps.get_programme(pid)
    assert (prog["clinician_name"], prog["clinician_contact"], prog["review_date"]) == (
        "Sam Physio", "0123 456789", date(2026, 4, 29))
    _type(qtbot, editor.review, "29/04")
    assert editor.header_error.isVisible() and "yyyy-mm-dd" in editor.header_error.text()
    assert ps.get_programme(pid)["review_date"] == date(2026, 4, 29)
    _type(qtbot, editor.review, "")
    assert ps.get_programme(pid)["review_date"] is None and editor.header_error.isHidden()


# ---- from template: start date and the running programme ---------------------------------

def _ask(page, key="calm-then-build"):
    action = next(a for a in page.programmes.template_menu.actions() if a.data() == key)
    action.trigger()
    dialog = page.programmes.template_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _create_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_start_offered_is_the_next_monday():
    assert default_start(TODAY) == date(2026, 3, 23)  # Wednesday -> Monday
    assert default_start(date(2026, 3, 23)) == date(2026, 3, 23)  # a Monday: today
    assert default_start(date(2026, 3, 22)) == date(2026, 3, 23)  # Sunday -> tomorrow


def test_template_asks_the_start_and_becomes_active_when_none_is(page):
    dialog = _ask(page)
    assert dialog.replace is None  # nothing runs: nothing to ask
    assert dialog.start() == date(2026, 3, 23)
    assert "in 5 days" in dialog.start_hint.text()
    assert _create_button(dialog).isEnabled()
    dialog.start_edit.setDate(QDate(2026, 3, 18))
    assert "Not a Monday" in dialog.start_hint.text()
    dialog.name_edit.setText("My knee plan")
    dialog.accept()
    prog = ps.active_programme()
    assert (prog["name"], prog["start_date"]) == ("My knee plan", TODAY)
    assert page.programmes.template_dialog is None


def test_template_never_silently_replaces_the_running_programme(page):
    running, _ids = _plan(TODAY - timedelta(days=14))
    page.reload()
    dialog = _ask(page)
    assert "\u201cKnee\u201d active" in dialog.keep.text()
    assert not _create_button(dialog).isEnabled()  # an answer is needed
    dialog.keep.setChecked(True)
    assert _create_button(dialog).isEnabled()
    dialog.accept()
    progs = {p["id"]: p for p in ps.list_programmes()}
    new = next(i for i in progs if i != running)
    assert progs[running]["active"] and not progs[new]["active"]
    assert progs[new]["start_date"] == default_start(TODAY)
    assert page.programmes.current_programme_id() == new

    dialog = _ask(page, "knee-overuse-12")
    dialog.replace.setChecked(True)
    dialog.accept()
    newest = ps.active_programme()["id"]
    assert newest not in (running, new)
    assert not ps.get_programme(running)["active"]  # kept, inactive
    page.ctx.undo_stack.undo()
    assert ps.active_programme()["id"] == running  # undo gives the mark back

    dialog = _ask(page)
    count = len(ps.list_programmes())
    dialog.reject()
    assert len(ps.list_programmes()) == count  # cancelled: nothing made


def test_create_from_template_replace_active_argument(page):
    first = ps.create_from_template("calm-then-build", TODAY).result
    kept = ps.create_from_template("knee-overuse-12", TODAY, replace_active=False)
    assert ps.active_programme()["id"] == first
    assert not ps.get_programme(kept.result)["active"]
    kept.undo()
    assert ps.active_programme()["id"] == first and ps.get_programme(kept.result) is None
    replaced = ps.create_from_template("knee-overuse-12", TODAY, replace_active=True)
    assert ps.active_programme()["id"] == replaced.result
    replaced.undo()
    assert ps.active_programme()["id"] == first
