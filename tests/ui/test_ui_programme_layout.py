"""The Programmes tab on a 1366 x 768 screen: a long import message scrolls in a box of
bounded height (the programme list keeps its room, every line can be read), and a
refused value in the Details box is scrolled into view beside its field."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QScrollArea

from rehabjournal.services import programme as ps
from rehabjournal.store import models as m

from .conftest import TODAY


@pytest.fixture
def page(open_window):
    ctx, window = open_window()
    window.resize(1366, 768)
    page = window.show_page("programme")
    page.ctx = ctx
    QApplication.processEvents()
    return page


def _thirty_problems(tmp_path):
    """A programme file with 30 prescriptions of 0 sets (30 problems) and 30 unknown keys."""
    doc = {"format": "rehabjournal-programme", "version": 2, "programme": {
        "name": "From my physio", "start_date": "2026-03-02", "phases": [
            {"name": "Build", "weeks": 2, "prescriptions": [
                {"exercise": "glute-bridge", "sets": 0, "reps": 12,
                 "weekdays": ["Mon", "Wed", "Fri"], f"extra_{i}": 1} for i in range(30)]}]}}
    path = tmp_path / "thirty.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_thirty_problems_scroll_and_the_programme_list_keeps_its_room(page, qtbot, tmp_path,
                                                                      monkeypatch):
    tab = page.programmes
    ps.create_programme("Knee plan", TODAY)
    tab.refresh()
    before = tab.list_view.height()
    path = _thirty_problems(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    tab.import_button.click()
    QApplication.processEvents()
    message = tab.file_message
    # the list keeps its room; the message is a box of at most 8 lines, under the
    # buttons, that scrolls
    assert tab.list_view.height() >= min(before, 200)
    assert tab.list_view.height() >= 6 * tab.list_view.sizeHintForRow(0)
    lines = message.fontMetrics().lineSpacing()
    assert message.isVisible() and message.height() <= 8 * lines + 10
    window = page.window()
    bottom = message.mapTo(window, QPoint(0, message.height())).y()
    assert bottom <= window.centralWidget().geometry().bottom()
    assert message.verticalScrollBar().maximum() > 0
    assert message.horizontalScrollBar().maximum() == 0  # long JSON paths wrap
    text = message.text()
    assert text.startswith("Nothing was imported: thirty.json has 30 problems:")
    for i in range(30):  # every problem and every warning is there to read
        assert f"programme.phases[0].prescriptions[{i}].sets" in text
        assert f"programme.phases[0].prescriptions[{i}].extra_{i}" in text
    assert "more" not in text
    # selectable, by mouse and keyboard
    assert message.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert m.Programme.select().count() == 1


def test_a_short_message_takes_only_its_lines(page, tmp_path):
    tab = page.programmes
    pid = ps.create_programme("Knee plan", TODAY).result
    tab.select_programme(pid)
    assert tab.file_message.isHidden()  # nothing said yet
    assert tab.export_file(str(tmp_path / "plan.json"))
    QApplication.processEvents()
    message = tab.file_message
    assert message.text() == "Saved plan.json."
    assert message.isVisible()
    assert message.height() < 3 * message.fontMetrics().lineSpacing()
    assert message.verticalScrollBar().maximum() == 0


def _plan() -> tuple[int, int]:
    pid = ps.create_programme("Knee", TODAY, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 4}).result
    ex = m.Exercise.get(m.Exercise.slug == "leg-press").id
    pres = ps.add_prescription(phase, {"exercise": ex, "sets": 3, "reps": 15, "load": 40,
                                       "load_unit": "kg", "weekdays": "0,2,4"}).result
    return pid, pres


def _in_view(scroll, widget) -> bool:
    """Whether all of ``widget`` is inside the scroll area's viewport."""
    top_left = widget.mapTo(scroll.viewport(), QPoint(0, 0))
    return scroll.viewport().rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("link", ["javascript:alert(1)", "file:///etc/passwd"])
def test_a_refused_link_is_scrolled_into_view_with_its_reason(page, qtbot, link):
    pid, pres = _plan()
    tab = page.programmes
    tab.select_programme(pid)
    editor = tab.editor
    editor.select_item("prescription", pres)
    QApplication.processEvents()
    form = editor.prescription_form
    scroll = editor.findChild(QScrollArea)  # the Details box's
    total = sum(editor.splitter.sizes())
    editor.splitter.setSizes([total - 230, 230])  # the tree given more room, as in the demo
    QApplication.processEvents()
    assert scroll.verticalScrollBar().maximum() > 60  # the form is taller than the box
    scroll.verticalScrollBar().setValue(0)
    assert not _in_view(scroll, form.notes)
    form.media.edit.setFocus()
    form.media.edit.setText(link)
    qtbot.keyClick(form.media.edit, Qt.Key.Key_Return)
    assert ps.get_prescription(pres)["media"] == ""
    assert form.error.isVisible() and "https://" in form.error.text()
    qtbot.waitUntil(lambda: _in_view(scroll, form.error) and _in_view(scroll, form.media))
    # the reason is right under its field, not at the foot of the form
    below = form.media.mapTo(form, QPoint(0, form.media.height())).y()
    assert 0 <= form.error.mapTo(form, QPoint(0, 0)).y() - below < 20

