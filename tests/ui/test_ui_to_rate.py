"""Today's "to rate" list (issue 20): sessions from watch and app files without an effort,
rated from the keyboard (effort, pain during, pain after; Enter saves the row)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import TODAY, settle

OLD = TODAY - timedelta(days=30)


def imported(day: date, start: time, minutes: int, *, kind: str = "run",
             distance_km: float | None = None, avg_hr: int | None = None,
             rpe: int | None = None, key: str = "") -> int:
    """A session as an activity import makes it (schema 6): linked to an activity_file row,
    source 'file', with its start time and heart rate; its id."""
    from rehabjournal.store import journal_repo
    from rehabjournal.store import models as m

    f = m.ActivityFile.create(sha256=key or f"{day}{start}{kind}", name=f"{kind}.fit",
                              format="fit", status="imported")
    return journal_repo.append_session(day, {
        "kind": kind, "minutes": minutes, "rpe": rpe, "distance_km": distance_km,
        "source": "file", "activity_file": f.id, "sport": "running", "start_time": start,
        "moving_s": minutes * 60, "elapsed_s": minutes * 60 + 90, "avg_hr": avg_hr,
    })


@pytest.fixture
def journal_to_rate(tmp_path):
    """A journal with two imported sessions to rate (the older first), one imported and
    rated, one typed by hand without an effort, and one imported 30 days ago."""
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal

    data = tmp_path / "data"
    open_journal(data)
    js.save_profile({"name": "Test", "condition": "patellofemoral_pain", "joint": "knee",
                     "side": "left"})
    js.add_site("knee", "left", "around the kneecap", primary=True)
    ids = {
        "second": imported(TODAY - timedelta(days=1), time(18, 30), 55, kind="cycle",
                           distance_km=21.4),
        "first": imported(TODAY - timedelta(days=2), time(7, 2), 42, distance_km=8.1,
                          avg_hr=148),
        "rated": imported(TODAY - timedelta(days=1), time(6, 0), 30, avg_hr=140, rpe=4),
        "old": imported(OLD, time(9, 0), 60, avg_hr=150),
        "typed": js.add_session(TODAY, {"kind": "run", "minutes": 30}),
    }
    close_journal()
    return data, ids


def rpe_of(session_id: int):
    from rehabjournal.services import journal as js

    s = js.get_session(session_id)
    return s["rpe"], s["pain_during"], s["pain_after"]


def press(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_lists_imported_sessions_without_effort_oldest_first(open_window, journal_to_rate):
    data, ids = journal_to_rate
    _ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    section = page.to_rate
    assert section.isVisible()
    assert section.title() == "2 sessions to rate"
    assert [r.session_id for r in section.rows] == [ids["first"], ids["second"]]
    # not the rated one, not the one typed by hand, not the one 30 days ago
    assert ids["typed"] not in [r.session_id for r in section.rows]
    first = section.rows[0].label.text()
    assert first == "Mon 16 Mar, 07:02 \u00b7 Run \u00b7 42 min \u00b7 8.1 km \u00b7 HR 148"
    assert section.rows[1].label.text() == (
        "Tue 17 Mar, 18:30 \u00b7 Cycle \u00b7 55 min \u00b7 21.4 km")
    assert section.older == 1
    assert section.older_note.text().startswith(
        "1 older session from a file (over 14 days ago) has no effort either")
    # near the sessions, above them
    assert page.sections.index(section) == page.sections.index(page.sessions) - 1


def test_keyboard_6_tab_2_tab_3_enter_saves_and_moves_to_the_next(open_window, qtbot,
                                                                   journal_to_rate):
    data, ids = journal_to_rate
    ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    section = page.to_rate
    first, second = section.rows
    first.effort.edit.setFocus()
    type_text(qtbot, "6")
    assert first.effort_word.text() == ""  # 6 has no CR-10 word
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.fields["pain_during"].edit
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.fields["pain_after"].edit
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)

    assert rpe_of(ids["first"]) == (6, 2, 3)
    assert [r.session_id for r in section.rows] == [ids["second"]]
    assert section.title() == "1 session to rate"
    assert QApplication.focusWidget() is second.effort.edit
    assert ctx.undo_stack.count() == 1
    assert "Saved" in page.saved_label.text()

    # the last one: the list hides and the cursor goes on down the page
    type_text(qtbot, "5")
    assert second.effort_word.text() == "hard"
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert rpe_of(ids["second"]) == (5, None, None)
    assert section.rows == [] and not section.hint.isVisible()
    assert section.title() == "1 older session to rate"  # the one 30 days ago is still said
    focus = QApplication.focusWidget()
    assert focus is not None and page.sessions.isAncestorOf(focus)


def test_invalid_value_says_why_beside_the_field_and_saves_nothing(open_window, qtbot,
                                                                    journal_to_rate):
    data, ids = journal_to_rate
    ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    row = page.to_rate.rows[0]
    row.effort.edit.setFocus()
    type_text(qtbot, "11")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert rpe_of(ids["first"]) == (None, None, None)
    assert not row.effort.error.isHidden()
    assert "Effort (CR-10)" in row.effort.error.text()
    assert "0 to 10" in row.effort.error.text() or "0-10" in row.effort.error.text()
    assert row in page.to_rate.rows and ctx.undo_stack.count() == 0
    assert QApplication.focusWidget() is row.effort.edit

    # a pain out of range: the same, beside the pain
    row.effort.edit.clear()
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert rpe_of(ids["first"]) == (None, None, None)
    assert row.effort.error.isHidden()
    assert "Pain during" in row.fields["pain_during"].error.text()
    assert ctx.undo_stack.count() == 0

    # pain alone does not rate a session: the effort is asked for
    row.effort.edit.clear()
    row.fields["pain_during"].edit.setText("2")
    row.fields["pain_during"].edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert "Type the effort (0-10)" in row.effort.error.text()
    assert rpe_of(ids["first"]) == (None, None, None)


def test_undo_brings_the_session_back_to_the_list(open_window, qtbot, journal_to_rate):
    data, ids = journal_to_rate
    ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    section = page.to_rate
    section.rows[0].effort.edit.setFocus()
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert [r.session_id for r in section.rows] == [ids["second"]]
    ctx.undo_stack.undo()
    settle(qtbot)
    assert rpe_of(ids["first"]) == (None, None, None)
    assert [r.session_id for r in section.rows] == [ids["first"], ids["second"]]
    assert section.title() == "2 sessions to rate"
    ctx.undo_stack.redo()
    settle(qtbot)
    assert rpe_of(ids["first"])[0] == 7
    assert [r.session_id for r in section.rows] == [ids["second"]]


def test_ctrl_z_after_enter_brings_the_rating_back_from_the_keyboard(open_window, qtbot,
                                                                      journal_to_rate):
    """4 Tab 1 Tab 1 Enter rates the row and puts the cursor in the next row's empty
    Effort; Ctrl+Z pressed there (nothing of its own to undo) takes the rating back, as
    Edit > Undo does; Ctrl+Shift+Z saves it again (finding 3)."""
    data, ids = journal_to_rate
    ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    section = page.to_rate
    section.rows[0].effort.edit.setFocus()
    for key in "4", Qt.Key.Key_Tab, "1", Qt.Key.Key_Tab, "1", Qt.Key.Key_Return:
        if isinstance(key, str):
            type_text(qtbot, key)
        else:
            press(qtbot, key)
    settle(qtbot)
    assert rpe_of(ids["first"]) == (4, 1, 1)
    assert [r.session_id for r in section.rows] == [ids["second"]]
    assert QApplication.focusWidget() is section.rows[0].effort.edit

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert rpe_of(ids["first"]) == (None, None, None)
    assert [r.session_id for r in section.rows] == [ids["first"], ids["second"]]
    assert section.title() == "2 sessions to rate"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot)
    assert rpe_of(ids["first"]) == (4, 1, 1)
    assert [r.session_id for r in section.rows] == [ids["second"]]


def test_only_older_sessions_to_rate_still_show_the_box_and_the_way_to_them(
        open_window, qtbot, tmp_path):
    """Sessions over 14 days old are not listed, but the box says how many there are and
    opens the most recent one's day on Today (finding 10: it hid everything)."""
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal

    data = tmp_path / "data"
    open_journal(data)
    js.save_profile({"name": "Test", "condition": "patellofemoral_pain", "joint": "knee",
                     "side": "left"})
    js.add_site("knee", "left", "around the kneecap", primary=True)
    imported(OLD, time(9, 0), 60, key="a")
    latest = imported(OLD + timedelta(days=3), time(9, 0), 40, key="b")
    imported(TODAY - timedelta(days=1), time(6, 0), 30, rpe=4, key="rated")
    close_journal()
    _ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    section = page.to_rate
    settle(qtbot)
    assert section.rows == [] and section.older == 2
    assert section.isVisible()
    assert section.title() == "2 older sessions to rate"
    assert section.older_note.isVisible() and not section.hint.isVisible()
    assert section.older_note.text() == (
        "2 sessions from files, over 14 days ago, have no effort: type it in each session "
        "on its day (from the Journal page, or with the button).")
    assert section.older_button.isVisible()
    assert section.older_button.text() == "Open the latest one's day"

    qtbot.mouseClick(section.older_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.day == OLD + timedelta(days=3)
    editor = next(e for e in page.session_editors if e.session_id == latest)
    assert editor.isVisible()

    from rehabjournal.ui.edit_path import apply_edit  # rated there: one left, then none

    apply_edit(_ctx, lambda: js.edit_session(latest, {"rpe": 3}))
    settle(qtbot)
    assert section.older == 1 and section.title() == "1 older session to rate"
    assert section.older_button.text() == "Open its day"
    apply_edit(_ctx, lambda: js.edit_session(
        next(s["id"] for s in js.list_sessions(OLD)), {"rpe": 2}))
    settle(qtbot)
    assert not section.isVisible()


def test_leaving_a_row_with_an_effort_saves_it(open_window, qtbot, journal_to_rate):
    """Like every Today field, a row is saved when the cursor leaves it."""
    data, ids = journal_to_rate
    _ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    row = page.to_rate.rows[0]
    row.effort.edit.setFocus()
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "1")
    page.notes.setFocus()  # a click elsewhere on the page
    settle(qtbot)
    assert rpe_of(ids["first"]) == (3, 1, None)
    assert ids["first"] not in [r.session_id for r in page.to_rate.rows]


def test_rated_in_sessions_leaves_the_list_and_typing_stays(open_window, qtbot,
                                                           journal_to_rate):
    """The list follows changes made elsewhere without losing what is typed."""
    from rehabjournal.services import journal as js
    from rehabjournal.ui.edit_path import apply_edit

    data, ids = journal_to_rate
    ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    second = page.to_rate.rows[1]
    second.fields["pain_after"].edit.setText("4")
    apply_edit(ctx, lambda: js.edit_session(ids["first"], {"rpe": 3}))
    settle(qtbot)
    assert page.to_rate.rows == [second]
    assert second.fields["pain_after"].edit.text() == "4"


def test_hidden_when_nothing_is_to_rate(open_window):
    _ctx, window = open_window()
    page = window.show_page("today")
    assert page.to_rate.rows == [] and not page.to_rate.isVisible()


def test_sessions_say_what_the_file_gave(open_window, journal_to_rate):
    """Today's session editor of a session from a file says its start, heart rate and
    pauses; one typed by hand and matched with a file says so."""
    from rehabjournal.services import journal as js
    from rehabjournal.store import models as m
    from rehabjournal.store.db import close_journal, open_journal

    data, ids = journal_to_rate
    open_journal(data)
    f = m.ActivityFile.create(sha256="merged", name="ride.gpx", format="gpx")
    typed = js.add_session(TODAY - timedelta(days=2), {"kind": "cycle", "minutes": 20, "rpe": 3})
    m.ActivitySession.update(activity_file=f.id, start_time=time(17, 45), avg_hr=120,
                             max_hr=151, ascent_m=84.4).where(
        m.ActivitySession.id == typed).execute()
    close_journal()
    _ctx, window = open_window(data_dir=data)
    page = window.show_page("today")
    page.set_day(TODAY - timedelta(days=2))
    notes = {e.session_id: e.source_note for e in page.session_editors}
    assert notes[ids["first"]].isVisible()
    assert notes[ids["first"]].text() == (
        "From a watch or app file: started 07:02, average heart rate 148 bpm, "
        "2 min of pauses (not counted).")
    assert notes[typed].text() == (
        "Typed by hand and matched with a watch or app file: started 17:45, average heart "
        "rate 120 bpm (highest 151), 84 m climb.")
    page.set_day(TODAY)
    typed_today = page.session_editors[0]
    assert typed_today.session_id == ids["typed"] and not typed_today.source_note.isVisible()
