"""Today page through the real widgets: keyboard entry, autosave, prompts, banners, errors."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from rehabjournal.services import journal as js
from rehabjournal.store.db import close_journal

from .conftest import TODAY


def type_into(qtbot, field, text):
    """Type into a NumberField's line edit and press Return, as a user would."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def test_checkin_and_two_sessions_from_the_keyboard_survive_a_restart(open_window, qtbot,
                                                                      tmp_path):
    ctx, window = open_window()
    page = window.show_page("today")
    assert page.day == TODAY
    type_into(qtbot, page.fields["morning_pain"], "3")
    type_into(qtbot, page.fields["stiffness_min"], "15")
    type_into(qtbot, page.fields["sleep_hours"], "6.5")
    qtbot.keyClicks(page.checkin.swelling, "m")  # keyboard search: "mild"
    assert "Saved" in page.saved_label.text()

    for kind, minutes, rpe, during, after in (("run", "35", "5", "3", "4"),
                                              ("cycle", "50", "3", "1", "1")):
        qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        editor = page.session_editors[-1]
        editor.kind.lineEdit().selectAll()
        qtbot.keyClicks(editor.kind.lineEdit(), kind)
        qtbot.keyClick(editor.kind.lineEdit(), Qt.Key.Key_Return)
        type_into(qtbot, editor.minutes, minutes)
        assert editor.session_id is not None, "saved as soon as it has kind and minutes"
        qtbot.keyClicks(editor.rpe, rpe)
        type_into(qtbot, editor.pains["pain_during"], during)
        type_into(qtbot, editor.pains["pain_after"], after)

    window.close()
    close_journal()
    window.lock.unlock()
    ctx2, window2 = open_window(data_dir=tmp_path / "data")
    page2 = window2.show_page("today")
    checkin = js.get_checkin(TODAY)
    assert (checkin["morning_pain"], checkin["stiffness_min"], checkin["sleep_hours"],
            checkin["swelling"]) == (3, 15, 6.5, "mild")
    sessions = js.list_sessions(TODAY)
    assert [(s["kind"], s["minutes"], s["rpe"], s["pain_during"], s["pain_after"])
            for s in sessions] == [("run", 35, 5, 3, 4), ("cycle", 50, 3, 1, 1)]
    assert page2.fields["morning_pain"].edit.text() == "3"
    assert [e.kind.currentText() for e in page2.session_editors] == ["run", "cycle"]


def test_yesterdays_session_asks_this_mornings_pain_one_value(open_window, qtbot):
    ctx, window = open_window()
    js.add_session(TODAY - timedelta(days=1), {"kind": "run", "minutes": 40, "rpe": 6,
                                               "pain_after": 6})
    page = window.show_page("today")
    page.load()
    assert page.next_morning.isVisible()
    question = page.next_morning.findChildren(type(page.title))
    texts = [q.text() for q in question]
    assert any("How is the left knee this morning after yesterday's run (40 min)?" in t
               for t in texts)
    # Pain after yesterday's run was 6/10: the light is red, with that reason.
    assert page.light_badge.colour == "red"
    assert "6/10" in page.light.reason.text()
    knee = js.list_sites()[0]["id"]
    assert list(page.next_morning.fields) == [knee]
    assert page.next_morning.statuses[knee].text() == "waiting for your rating"
    type_into(qtbot, page.next_morning.fields[knee], "2")
    assert page.next_morning.statuses[knee].text() == "rated", "at once, without a reload"
    assert js.get_checkin(TODAY)["morning_pain"] == 2
    assert page.fields["morning_pain"].edit.text() == "2", "the same number: Morning pain"
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "Change morning pain"
    # ... and the other way round: Morning pain is the answer.
    type_into(qtbot, page.fields["morning_pain"], "4")
    assert page.next_morning.fields[knee].edit.text() == "4"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert js.get_checkin(TODAY) is None
    assert page.next_morning.fields[knee].edit.text() == ""
    assert page.next_morning.statuses[knee].text() == "waiting for your rating"


def test_one_question_per_site_a_further_site_is_its_morning_pain(open_window, qtbot):
    ctx, window = open_window()
    knee = js.list_sites()[0]["id"]
    hip = js.add_site("hip", "right", "")
    yesterday = TODAY - timedelta(days=1)
    js.add_session(yesterday, {"kind": "run", "minutes": 30})
    js.add_session(yesterday, {"kind": "rehab exercises", "minutes": 20, "site": knee})
    js.add_session(yesterday, {"kind": "cycle", "minutes": 45, "site": hip})
    page = window.show_page("today")
    page.load()
    assert list(page.next_morning.fields) == [knee, hip]
    texts = [q.text() for q in page.next_morning.findChildren(type(page.title))
             if q.objectName() == "nextMorningQuestion"]
    assert texts == [
        "How is the left knee this morning after yesterday's run (30 min) and rehab "
        "exercises (20 min)?",
        "How is the right hip this morning after yesterday's cycle (45 min)?"]
    type_into(qtbot, page.next_morning.fields[hip], "3")
    assert js.checkin_site_pains(TODAY) == {hip: 3}
    assert js.get_checkin(TODAY)["morning_pain"] is None
    assert page.checkin.site_fields[hip].edit.text() == "3"
    journal = js.load_journal(yesterday, TODAY)
    assert journal.next_morning(yesterday) == {"left knee (around the kneecap)": None,
                                               "right hip": 3}


def test_red_flag_shows_the_see_a_clinician_banner(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    assert not page.light.flag_banner.isVisible()
    page.flag_boxes["locking_giving_way"].click()
    assert page.light.flag_banner.isVisible()
    assert "See a clinician" in page.light.flag_banner.label.text()
    assert "Knee locks, catches or gives way" in page.light.flag_banner.label.text()
    assert js.red_flags(TODAY) == {"locking_giving_way"}
    assert page.light_badge.colour == "red"
    window.undo_action.trigger()
    assert js.red_flags(TODAY) == set()
    assert not page.light.flag_banner.isVisible()


def test_out_of_range_values_are_refused_beside_the_field(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    pain = page.fields["morning_pain"]
    type_into(qtbot, pain, "11")
    assert pain.error.isVisible()
    assert pain.error.text() == "Morning pain must be a whole number from 0 to 10 (got 11)."
    assert pain.edit.text() == "11", "what the user typed stays for them to correct"
    type_into(qtbot, page.fields["sleep_hours"], "30")
    assert "Sleep must be a number from 0 to 24 hours (got 30)" in \
        page.fields["sleep_hours"].error.text()
    assert js.get_checkin(TODAY) is None, "nothing was written"

    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.session_editors[-1]
    type_into(qtbot, editor.minutes, "-5")
    assert "Duration must be a whole number from 0 to 1440 minutes (got -5)" in \
        editor.minutes.error.text()
    assert js.list_sessions(TODAY) == []

    page.date_edit.setText("2026-02-30")
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Return)
    assert page.date_error.isVisible()
    assert "'2026-02-30' is not a date" in page.date_error.text()
    assert page.day == TODAY


def test_loose_numbers_typed_in_a_field_are_refused_not_misread(open_window, qtbot):
    """Python's float() reads "1_0" as 10 and "３" or "٣" as 3: the field said nothing and
    saved a number the person did not type (issue 17, one validation)."""
    ctx, window = open_window()
    page = window.show_page("today")
    pain = page.fields["morning_pain"]
    for typed in ("1_0", "\uff13", "\u0663", "nan", "1e1"):
        # QTest cannot type beyond Latin-1: the text comes as an input method gives it
        pain.edit.setFocus()
        pain.edit.selectAll()
        pain.edit.insert(typed)
        qtbot.keyClick(pain.edit, Qt.Key.Key_Return)
        assert pain.error.isVisible(), typed
        assert pain.error.text() == ("Morning pain must be a whole number from 0 to 10 "
                                     f"(got \u201c{typed}\u201d)."), typed
    assert js.get_checkin(TODAY) is None, "nothing was written"
    type_into(qtbot, page.fields["sleep_hours"], "7,5")  # a decimal comma is fine here
    assert js.get_checkin(TODAY)["sleep_hours"] == 7.5


def test_undo_and_redo_of_a_checkin_change(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    type_into(qtbot, page.fields["morning_pain"], "4")
    type_into(qtbot, page.fields["morning_pain"], "6")
    assert js.get_checkin(TODAY)["morning_pain"] == 6
    window.undo_action.trigger()
    assert js.get_checkin(TODAY)["morning_pain"] == 4
    assert page.fields["morning_pain"].edit.text() == "4"
    window.redo_action.trigger()
    assert js.get_checkin(TODAY)["morning_pain"] == 6


def test_a_huge_note_and_non_latin_text_save_and_show(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    note = ("Πόνος στο γόνατο, боль в колене 🏃‍♀️🦵 " * 30000)[:1_000_000]
    page.notes.setPlainText(note)
    page.flush()
    assert js.get_checkin(TODAY)["notes"] == note
    page.set_day(TODAY - timedelta(days=1))
    page.set_day(TODAY)
    assert page.notes.toPlainText() == note


def test_events_and_extra_pain_sites(open_window, qtbot):
    ctx, window = open_window()
    js.add_site("knee", "right", "")
    page = window.show_page("today")
    page.load()
    page.events.kind.setCurrentIndex(page.events.kind.findData("new_shoes"))
    page.events.label.setText("Brooks Ghost")
    page.events.add_button.click()
    assert [(e["kind"], e["label"]) for e in js.list_events(TODAY)] == [
        ("new_shoes", "Brooks Ghost")]
    page.events.kind.setCurrentIndex(page.events.kind.findData("custom"))
    page.events.label.clear()
    page.events.add_button.click()
    assert "custom event needs a short label" in page.events.error.text()
    right = [s for s in js.list_sites() if s["side"] == "right"][0]
    type_into(qtbot, page.checkin.site_fields[right["id"]], "2")
    assert js.checkin_site_pains(TODAY) == {right["id"]: 2}


def test_the_sections_are_declared_once_and_follow_the_day(open_window, qtbot):
    """One tuple lists the sections; the page shows and loads them in that order."""
    from rehabjournal.ui.pages import today

    ctx, window = open_window()
    page = window.show_page("today")
    assert [type(s) for s in page.sections] == [cls for _name, cls in today.SECTIONS]
    assert [getattr(page, name) for name, _cls in today.SECTIONS] == list(page.sections)
    positions = [page.body.indexOf(s) for s in page.sections]
    assert positions == sorted(positions) and -1 not in positions
    assert page.body.indexOf(page.date_error) < positions[0], "the date bar comes first"
    # nothing due and no programme: those sections stay out of sight
    assert page.outcomes_due.isHidden() and page.exercises_due.isHidden()
    day = TODAY - timedelta(days=5)
    page.set_day(day)
    assert {s.day for s in page.sections} == {day}
    assert page.title.text() == "<h2>Fri 13 Mar 2026</h2>"


def _type_session(qtbot, page, kind: str, minutes: str) -> None:
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.session_editors[-1]
    editor.kind.lineEdit().selectAll()
    qtbot.keyClicks(editor.kind.lineEdit(), kind)
    qtbot.keyClick(editor.kind.lineEdit(), Qt.Key.Key_Return)
    type_into(qtbot, editor.minutes, minutes)


def _journal_cell(window, day, key):
    from rehabjournal.ui.pages.journal import COLUMNS

    journal = window.show_page("journal")
    journal.refresh()
    column = [k for k, _title in COLUMNS].index(key)
    row = next(i for i, r in enumerate(journal.model.rows) if r["day"] == day)
    return journal.model.index(row, column).data()


def test_next_morning_scenario_one_number_for_one_question(open_window, qtbot, tmp_path):
    """Issue 13: a run on Wed 25 Nov; on 26 Nov the prompt gets 2."""
    from datetime import date

    from rehabjournal.store import csv_io

    wed, thu = date(2026, 11, 25), date(2026, 11, 26)
    ctx, window = open_window(today=thu)
    page = window.show_page("today")
    page.set_day(wed)
    _type_session(qtbot, page, "run", "30")
    run = page.session_editors[0].session_id
    page.set_day(thu)
    texts = [q.text() for q in page.next_morning.findChildren(type(page.title))
             if q.objectName() == "nextMorningQuestion"]
    assert texts == ["How is the left knee this morning after yesterday's run (30 min)?"]
    knee = js.list_sites()[0]["id"]
    type_into(qtbot, page.next_morning.fields[knee], "2")
    assert page.next_morning.statuses[knee].text() == "rated"
    assert page.fields["morning_pain"].edit.text() == "2", "Morning pain shows 2"
    assert _journal_cell(window, wed, "next_morning_pain") == "2"
    assert _journal_cell(window, thu, "morning_pain") == "2"

    # No way to hold two numbers: "Morning pain" 4 is the answer to the question too.
    page = window.show_page("today")
    type_into(qtbot, page.fields["morning_pain"], "4")
    assert page.next_morning.fields[knee].edit.text() == "4"
    assert _journal_cell(window, wed, "next_morning_pain") == "4"
    assert js.load_journal(wed, thu).next_morning(wed) == {"left knee (around the kneecap)": 4}
    assert "next_morning_pain" not in js.get_session(run)
    out = tmp_path / "j.csv"
    csv_io.export_csv(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    assert lines[1].split(",")[header.index("next_morning_pain")] == "4"


def test_logged_exercises_make_a_rehab_session_with_load(open_window, qtbot):
    """4 of 5 prescribed exercises logged: a rehab session, RPE x estimated minutes."""
    from rehabjournal.services import programme as ps
    from rehabjournal.services import progress
    from rehabjournal.store import models as m
    from rehabjournal.store.library import sync_shipped_exercises

    ctx, window = open_window()
    sync_shipped_exercises()

    def ex(slug):
        return m.Exercise.get(m.Exercise.slug == slug).id

    pid = ps.create_programme("Rehab", TODAY, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 4}).result
    day = str(TODAY.weekday())
    doses = [("leg-press", {"sets": 4, "reps": 15, "load": 40.0, "load_unit": "kg",
                            "rest_s": 120}),                      # 600 s
             ("glute-bridge", {"sets": 3, "reps": 12, "rest_s": 60}),    # 264 s
             ("isometric-wall-sit", {"sets": 5, "reps": None, "hold_s": 45,
                                     "rest_s": 120}),             # 705 s
             ("side-plank", {"sets": 3, "reps": None, "hold_s": 20, "rest_s": 45}),  # 150 s
             ("calf-raise", {"sets": 3, "reps": 20, "rest_s": 60})]
    ids = [ps.add_prescription(phase, {"exercise": ex(slug), "weekdays": day, **dose}).result
           for slug, dose in doses]
    ctx.programme_changed.emit()
    page = window.show_page("today")
    page.load()
    due = page.exercises_due
    assert not due.effort.isEnabled()
    for pid_ in ids[:4]:
        due.rows[pid_].done_button.click()
    assert [e.kind.currentText() for e in page.session_editors] == ["rehab exercises"]
    editor = page.session_editors[0]
    assert editor.minutes.edit.text() == "29"  # 1719 s = 28.65 min
    qtbot.waitUntil(editor.source_note.isVisible)  # shown by the layout's next turn
    assert "estimated" in editor.source_note.text()
    assert "29 min (estimated from the prescriptions) from 4 exercises" in \
        due.session_label.text()
    assert due.effort.isEnabled()
    due.effort.setCurrentIndex(due.effort.findData(4))
    due.effort.activated.emit(due.effort.currentIndex())
    assert js.list_sessions(TODAY)[0]["rpe"] == 4
    assert page.session_editors[0].rpe.currentData() == 4
    assert _journal_cell(window, TODAY, "load") == "116"  # 4 x 29 AU
    assert _journal_cell(window, TODAY, "sessions") == "rehab exercises 29 min"
    monday = TODAY - timedelta(days=TODAY.weekday())
    data = progress.progress_data(monday, monday + timedelta(days=6))
    assert data.loads[data.days.index(TODAY)] == 116
    # The person types the real minutes: the estimate stops, the load follows.
    page = window.show_page("today")
    type_into(qtbot, page.session_editors[0].minutes, "35")
    assert "as you typed them" in page.exercises_due.session_label.text()
    due.rows[ids[4]].done_button.click()
    assert js.list_sessions(TODAY)[0]["minutes"] == 35
    # Clearing every answer removes the app's session; undo brings it back.
    for pid_ in ids:
        page.exercises_due.rows[pid_].clear_button.click()
    assert js.list_sessions(TODAY) == [] and page.session_editors == []
    window.undo_action.trigger()
    assert [s["minutes"] for s in js.list_sessions(TODAY)] == [35]
    assert [e.kind.currentText() for e in page.session_editors] == ["rehab exercises"]
