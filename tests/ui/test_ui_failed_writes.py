"""A disk-full or I/O error during a save: shown in the window's banner, the typed value kept."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from rehabjournal.services import journal as js
from rehabjournal.store import models as m

from .conftest import DISK_FULL, TODAY, fail_writes


def _inject_in_service(monkeypatch):
    def failing(day, values):
        raise sqlite3.OperationalError(DISK_FULL)

    monkeypatch.setattr(js, "save_checkin", failing)


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize("inject", [_inject_in_service, fail_writes],
                         ids=["service", "database"])
def test_disk_full_is_shown_and_the_typed_value_kept(open_window, qtbot, monkeypatch, inject):
    ctx, window = open_window()
    window.show()
    page = window.show_page("today")
    banner = window.write_banner
    edit = page.fields["morning_pain"].edit
    with monkeypatch.context() as patch:
        inject(patch)
        _type(qtbot, edit, "7")
        qtbot.waitUntil(banner.isVisible, timeout=2000)
        assert DISK_FULL in banner.label.text()
        assert banner.label.text().startswith("No space left on device in ")
        assert "could not save, the disk is full" in banner.label.text()
        assert edit.text() == "7"  # what the user typed is still there
        assert page.saved_label.text() == ""
    # nothing was written
    assert m.CheckIn.get_or_none(m.CheckIn.day == TODAY) is None
    assert ctx.undo_stack.count() == 0

    # the disk has room again: editing saves, and the message goes away
    _type(qtbot, edit, "6")
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=2000)
    assert js.get_checkin(TODAY)["morning_pain"] == 6
    assert page.saved_label.text().startswith("Saved")


def test_retrying_the_same_value_after_a_failure_saves_it(open_window, qtbot, monkeypatch):
    """Pressing Return again on the kept value, once there is room, saves it."""
    ctx, window = open_window()
    window.show()
    page = window.show_page("today")
    edit = page.fields["morning_pain"].edit
    with monkeypatch.context() as patch:
        fail_writes(patch)
        _type(qtbot, edit, "7")
        qtbot.waitUntil(window.write_banner.isVisible, timeout=2000)
    _type(qtbot, edit, "7")
    qtbot.waitUntil(lambda: not window.write_banner.isVisible(), timeout=2000)
    assert js.get_checkin(TODAY)["morning_pain"] == 7


def test_a_value_whose_save_failed_survives_other_saves_and_reloads(open_window, qtbot,
                                                                    monkeypatch):
    """Typed while the disk was full, then another field saved once there was room: the
    unsaved value stays in its field, marked, until it is saved or the day changes."""
    ctx, window = open_window()
    window.show()
    page = window.show_page("today")
    stiffness = page.fields["stiffness_min"]
    with monkeypatch.context() as patch:
        fail_writes(patch)
        _type(qtbot, stiffness.edit, "20")
        qtbot.waitUntil(window.write_banner.isVisible, timeout=2000)
    assert "Not saved yet" in stiffness.error.text()
    # room again: another field saves, the page reloads from the journal
    _type(qtbot, page.fields["stress"].edit, "4")
    qtbot.waitUntil(lambda: (js.get_checkin(TODAY) or {}).get("stress") == 4, timeout=2000)
    page.load()
    assert stiffness.edit.text() == "20"
    assert stiffness.error.isVisibleTo(page)
    assert js.get_checkin(TODAY)["stiffness_min"] is None
    # Enter in the field saves it; the note goes
    _type(qtbot, stiffness.edit, "20")
    qtbot.waitUntil(lambda: js.get_checkin(TODAY)["stiffness_min"] == 20, timeout=2000)
    assert not stiffness.error.isVisibleTo(page)


def test_changing_day_drops_an_unsaved_value_and_says_so(open_window, qtbot, monkeypatch):
    ctx, window = open_window()
    window.show()
    page = window.show_page("today")
    messages = []
    ctx.status.connect(messages.append)
    with monkeypatch.context() as patch:
        fail_writes(patch)
        _type(qtbot, page.fields["sleep_hours"].edit, "7")
        qtbot.waitUntil(window.write_banner.isVisible, timeout=2000)
    page.set_day(TODAY.replace(day=TODAY.day - 1))
    assert page.fields["sleep_hours"].edit.text() == ""
    assert any(m.startswith("Not saved for") and "Sleep" in m for m in messages)
