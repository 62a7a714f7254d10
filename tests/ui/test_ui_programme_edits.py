"""The Programme page on the one edit path: saved (one undo step), invalid (the message
beside the field, nothing written) and write failed (the window's banner, nothing written,
the typed value kept); undo and redo failures take the same path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from rehabjournal.services import programme as ps
from rehabjournal.store import models as m

from .conftest import DISK_FULL, TODAY, fail_writes

TABLES = (m.Exercise, m.Programme, m.Phase, m.Prescription, m.PrescriptionChange,
          m.ExerciseLog)


def dump() -> dict[str, list[tuple]]:
    return {t.__name__: sorted(tuple(map(str, r.values())) for r in t.select().dicts())
            for t in TABLES}


@pytest.fixture
def page(open_window):
    ctx, window = open_window()
    page = window.show_page("programme")
    page.ctx, page.window_ = ctx, window
    return page


def _template(page, key="calm-then-build") -> int:
    """The template menu, then its dialog (starting today)."""
    action = next(a for a in page.programmes.template_menu.actions() if a.data() == key)
    action.trigger()
    dialog = page.programmes.template_dialog
    dialog.start_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    if dialog.replace is not None:
        dialog.replace.setChecked(True)
    dialog.accept()
    return ps.active_programme()["id"]


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _banner(page):
    return page.window_.write_banner


def _select_first_prescription(page) -> int:
    editor = page.programmes.editor
    model = editor.tree_model
    index = model.index(0, 0, model.index(0, 0))
    editor.tree.setCurrentIndex(index)
    assert editor.detail.currentWidget() is editor.prescription_form
    return index.data(Qt.ItemDataRole.UserRole)


# ---- new programme from a template ----------------------------------------------------------

def test_new_programme_from_template_is_one_undo_step(page):
    before = dump()
    pid = _template(page)
    after = dump()
    assert page.ctx.undo_stack.count() == 1
    assert page.ctx.undo_stack.undoText() == "New programme from template"
    assert page.programmes.current_programme_id() == pid
    page.ctx.undo_stack.undo()
    assert dump() == before  # the programme, its phases and prescriptions: all gone
    assert page.programmes.programmes.rowCount() == 0
    assert page.programmes.editor.tree_model.rowCount() == 0
    page.ctx.undo_stack.redo()
    assert dump() == after  # back with the same ids
    assert page.programmes.editor.tree_model.rowCount() == 2


def test_new_programme_button_is_one_undo_step_with_its_first_phase(page, qtbot):
    before = dump()
    qtbot.mouseClick(page.programmes.new_button, Qt.MouseButton.LeftButton)
    (prog,) = ps.list_programmes()
    assert prog["name"] == "My programme" and prog["start_date"] == TODAY
    assert [p["name"] for p in ps.list_phases(prog["id"])] == ["Phase 1"]
    assert page.ctx.undo_stack.count() == 1
    assert page.programmes.editor.prog_name.hasFocus()
    page.ctx.undo_stack.undo()
    assert dump() == before


def test_new_programme_when_the_disk_is_full(page, qtbot, monkeypatch):
    with monkeypatch.context() as patch:
        fail_writes(patch)
        qtbot.mouseClick(page.programmes.new_button, Qt.MouseButton.LeftButton)
        assert _banner(page).isVisible()
        assert DISK_FULL in _banner(page).label.text()
    assert ps.list_programmes() == []
    assert page.ctx.undo_stack.count() == 0
    # room again: the next save hides the banner
    qtbot.mouseClick(page.programmes.new_button, Qt.MouseButton.LeftButton)
    assert len(ps.list_programmes()) == 1 and not _banner(page).isVisible()


# ---- saved, invalid, write failed on the forms ---------------------------------------------

def test_rename_saves_with_one_undo_step(page, qtbot):
    pid = _template(page)
    name = ps.get_programme(pid)["name"]
    count = page.ctx.undo_stack.count()
    _type(qtbot, page.programmes.editor.prog_name, "Back to running")
    assert ps.get_programme(pid)["name"] == "Back to running"
    assert page.ctx.undo_stack.count() == count + 1
    assert page.ctx.undo_stack.undoText() == "Rename programme"
    assert page.programmes.programmes.index(0).data().startswith("Back to running")
    page.ctx.undo_stack.undo()
    assert ps.get_programme(pid)["name"] == name
    assert page.programmes.editor.prog_name.text() == name


def test_phase_weeks_saved_invalid_and_write_failed(page, qtbot, monkeypatch):
    pid = _template(page)
    editor = page.programmes.editor
    phase = ps.list_phases(pid)[0]
    editor.select_item("phase", phase["id"])
    form = editor.phase_form
    count = page.ctx.undo_stack.count()

    # saved
    _type(qtbot, form.weeks.edit, "5")
    assert ps.get_phase(phase["id"])["weeks"] == 5
    assert page.ctx.undo_stack.count() == count + 1

    # invalid: a phase without a name; the reason beside the form, nothing written
    _type(qtbot, form.name, "")
    assert not form.error.isHidden() and "needs a name" in form.error.text()
    assert ps.get_phase(phase["id"])["name"] == phase["name"]
    assert page.ctx.undo_stack.count() == count + 1

    # write failed: the banner says why, the typed value stays, nothing written
    with monkeypatch.context() as patch:
        fail_writes(patch)
        _type(qtbot, form.weeks.edit, "7")
        assert _banner(page).isVisible() and DISK_FULL in _banner(page).label.text()
        assert form.weeks.edit.text() == "7"
    assert ps.get_phase(phase["id"])["weeks"] == 5
    assert page.ctx.undo_stack.count() == count + 1
    # finishing the same value again, once there is room, saves it
    qtbot.keyClick(form.weeks.edit, Qt.Key.Key_Return)
    assert ps.get_phase(phase["id"])["weeks"] == 7
    assert not _banner(page).isVisible()


def test_dose_refused_beside_its_field_and_write_failed(page, qtbot, monkeypatch):
    _template(page)
    pres = _select_first_prescription(page)
    form = page.programmes.editor.prescription_form
    before = ps.get_prescription(pres)
    count = page.ctx.undo_stack.count()

    # the service refuses a hold exercise without its hold (and no reps)
    assert before["hold_s"] and before["reps"] is None
    _type(qtbot, form.numbers["hold_s"].edit, "")
    assert not form.numbers["hold_s"].error.isHidden()
    assert "reps or a hold" in form.numbers["hold_s"].error.text()
    assert ps.get_prescription(pres)["hold_s"] == before["hold_s"]
    assert page.ctx.undo_stack.count() == count
    assert not _banner(page).isVisible()

    with monkeypatch.context() as patch:
        fail_writes(patch)
        _type(qtbot, form.numbers["sets"].edit, "6")
        assert _banner(page).isVisible()
        assert form.numbers["sets"].edit.text() == "6"
    assert ps.get_prescription(pres)["sets"] == before["sets"]
    qtbot.keyClick(form.numbers["sets"].edit, Qt.Key.Key_Return)  # retry
    assert ps.get_prescription(pres)["sets"] == 6
    assert page.ctx.undo_stack.undoText() == "Change dose"
    # after the reload the form still shows this prescription's exercise (the list of
    # exercises is refilled before the form is loaded again)
    assert form.exercise.currentData() == before["exercise"]
    assert form.exercise.currentText() == before["exercise_name"]


def test_delete_programme_undo_restores_everything(page, qtbot):
    pid = _template(page)
    ps.log_exercise(TODAY, ps.due_on(TODAY)[0]["id"], {"status": "done"})
    before = dump()
    qtbot.mouseClick(page.programmes.delete_button, Qt.MouseButton.LeftButton)
    assert ps.list_programmes() == [] and m.ExerciseLog.select().count() == 0
    page.ctx.undo_stack.undo()
    assert dump() == before
    assert page.programmes.current_programme_id() == pid


def test_tree_buttons_write_failed_change_nothing(page, qtbot, monkeypatch):
    pid = _template(page)
    editor = page.programmes.editor
    editor.select_item("phase", ps.list_phases(pid)[0]["id"])
    before = dump()
    count = page.ctx.undo_stack.count()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        for button in (editor.add_phase_button, editor.add_exercise_button,
                       editor.duplicate_item_button, editor.down_button,
                       editor.remove_button, page.programmes.duplicate_button,
                       page.programmes.activate_button, page.programmes.delete_button):
            _banner(page).set_text(None)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            assert _banner(page).isVisible(), button.text()
    assert dump() == before
    assert page.ctx.undo_stack.count() == count


# ---- undo and redo failures ----------------------------------------------------------------

def test_failed_undo_shows_the_banner_and_changes_nothing(page, qtbot, monkeypatch):
    pid = _template(page)
    qtbot.mouseClick(page.programmes.editor.add_phase_button, Qt.MouseButton.LeftButton)
    assert len(ps.list_phases(pid)) == 3
    after = dump()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        page.ctx.undo_stack.undo()
        assert _banner(page).isVisible()
        assert "Could not undo" in _banner(page).label.text()
        assert "Add phase" in _banner(page).label.text()
    assert dump() == after
    assert page.programmes.editor.tree_model.rowCount() == 3


def test_failed_redo_shows_the_banner_and_changes_nothing(page, qtbot, monkeypatch):
    _template(page)
    page.ctx.undo_stack.undo()
    before = dump()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        page.ctx.undo_stack.redo()
        assert _banner(page).isVisible()
        assert "Could not redo" in _banner(page).label.text()
    assert dump() == before
    assert ps.list_programmes() == []


# ---- library and advice ------------------------------------------------------------------

def test_library_edit_saved_invalid_and_write_failed(page, qtbot, monkeypatch):
    lib = page.library
    page.tabs.setCurrentWidget(lib)
    count = page.ctx.undo_stack.count()
    qtbot.mouseClick(lib.new_button, Qt.MouseButton.LeftButton)
    new_id = lib.current_id()
    assert ps.get_exercise(new_id)["name"] == "New exercise"
    assert page.ctx.undo_stack.count() == count + 1

    lib.name.setText("")
    qtbot.mouseClick(lib.save_button, Qt.MouseButton.LeftButton)
    assert not lib.error.isHidden() and "needs a name" in lib.error.text()
    assert ps.get_exercise(new_id)["name"] == "New exercise"

    lib.name.setText("Towel squeeze")
    with monkeypatch.context() as patch:
        fail_writes(patch)
        qtbot.mouseClick(lib.save_button, Qt.MouseButton.LeftButton)
        assert _banner(page).isVisible()
    assert ps.get_exercise(new_id)["name"] == "New exercise"
    assert lib.name.text() == "Towel squeeze"  # kept for the retry
    qtbot.mouseClick(lib.save_button, Qt.MouseButton.LeftButton)
    assert ps.get_exercise(new_id)["name"] == "Towel squeeze"
    assert page.ctx.undo_stack.count() == count + 2


def test_import_write_failed_and_export_failed(page, qtbot, monkeypatch, tmp_path):
    pid = _template(page)
    path = tmp_path / "plan.json"
    assert page.programmes.export_file(str(path))
    before = dump()
    with monkeypatch.context() as patch:
        fail_writes(patch)
        assert page.programmes.import_file(str(path)) is None
        assert _banner(page).isVisible()
    assert dump() == before

    missing = tmp_path / "gone" / "plan.json"
    assert not page.programmes.export_file(str(missing))
    text = page.programmes.file_message.text()
    assert text == f"Cannot write {missing}: No such file or directory. Nothing was written."
    assert page.programmes.export_calendar(str(tmp_path / "gone" / "p.ics")) is None
    assert "Cannot write" in page.programmes.file_message.text()
    assert ps.get_programme(pid) is not None
