"""File > Import Activities through the real window (issue 20): read in a worker behind a
progress dialog, previewed row by row with the files that could not be read, imported on
Enter as one undo step; Esc and Cancel write nothing; files dropped on the window open the
same preview; the sport mapping of Preferences > Activity files changes the next preview.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from rehabjournal.services import activities, settings
from rehabjournal.services import journal as js
from rehabjournal.ui.accessibility import unnamed_controls
from rehabjournal.ui.activity_import import PreviewDialog, summary_text
from rehabjournal.ui.preferences import PreferencesDialog

from .conftest import settle

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from activity_fixtures import (  # noqa: E402
    Leg,
    StravaRow,
    fit_bytes,
    gpx_text,
    gz,
    strava_zip,
    write_bytes,
    write_fit,
)

DAY = date(2026, 3, 10)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


# ---- test files (tests/activity_fixtures.py writes them; store/activity_files.py reads them) --

def write_gpx(path: Path, start: datetime, minutes: int, *, sport: str = "running",
              hr: int | None = None, timed: bool = True) -> Path:
    """A GPX track of ``minutes`` at 3 m/s, its ``sport`` as <type>, a steady heart rate;
    ``timed=False``: no times (refused with the reason)."""
    return write_bytes(path, gpx_text(start, sport, seconds=minutes * 60, step=30,
                                      hr=[hr] if hr else None, times=timed,
                                      name=Path(path).stem).encode())


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A UTC start mid-morning: the same local day in any zone from UTC-9 to UTC+13."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _no_folder_left():
    """QSettings outlive a test in this process: no test leaves a folder watched."""
    from rehabjournal.ui import settings as ui_settings

    yield
    ui_settings.set("activities.watch_folder", "")


# ---- helpers -----------------------------------------------------------------------------------

def wait_preview(qtbot, window) -> PreviewDialog:
    importer = window.importer()
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible(),
                    timeout=20000)
    return importer.dialog


def closed(dialog) -> bool:
    """The preview is gone (it deletes itself when closed)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def sessions(day: date = DAY) -> list[dict]:
    return js.list_sessions(day)


def press(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key)
    settle(qtbot)


def status(window) -> str:
    return window.statusBar().currentMessage()


# ---- the preview -------------------------------------------------------------------------------

def test_the_preview_lists_activities_and_refused_files_and_enter_imports(
        open_window, qtbot, tmp_path):
    ctx, window = open_window()
    run = write_gpx(tmp_path / "in" / "Morning_Run.gpx", at(DAY), 40, hr=150)
    ride = write_gpx(tmp_path / "in" / "Evening_Ride.gpx", at(DAY, 16), 60, sport="cycling",
                     hr=130)
    bad = write_gpx(tmp_path / "in" / "no_times.gpx", at(DAY), 10, timed=False)
    other = tmp_path / "in" / "notes.txt"
    other.write_text("not an activity")
    assert window.import_activities([run, ride, bad, other])
    dialog = wait_preview(qtbot, window)

    table = dialog.table
    assert table.rowCount() == 2
    cells = [[table.item(r, c).text() for c in range(table.columnCount())]
             for r in range(table.rowCount())]
    assert [row[2] for row in cells] == ["run", "cycle"]  # in start order, kinds mapped
    assert [row[3] for row in cells] == ["40", "60"]
    assert cells[0][5] == "150" and cells[0][6] == "Morning_Run.gpx"
    assert [row[7] for row in cells] == ["Add", "Add"]
    refused = {dialog.problems.item(r, 0).text(): dialog.problems.item(r, 1).text()
               for r in range(dialog.problems.rowCount())}
    assert set(refused) == {"no_times.gpx", "notes.txt"}
    assert "not an activity file" in refused["notes.txt"]
    assert dialog.problems.isVisibleTo(dialog) and "2 files could not be read" in \
        dialog.problems_label.text()
    assert dialog.import_button.text() == "&Import 2 sessions"
    assert dialog.import_button.isDefault() and dialog.import_button.isEnabled()
    assert not dialog.merge_check.isVisibleTo(dialog)  # nothing to merge
    assert unnamed_controls(dialog) == []  # a screen reader names every control
    assert sessions() == []  # nothing written before the click

    press(qtbot, dialog.table, Qt.Key.Key_Return)  # Enter in the table imports
    assert closed(dialog)
    written = sessions()
    assert sorted(s["kind"] for s in written) == ["cycle", "run"]
    run_row = next(s for s in written if s["kind"] == "run")
    assert run_row["minutes"] == 40 and run_row["avg_hr"] == 150 and run_row["rpe"] is None
    assert status(window).startswith("Imported 2 sessions")
    assert "a backup copy was made first" in status(window)
    assert ctx.undo_stack.count() == 1

    ctx.undo_stack.undo()  # one undo step takes the whole batch back
    assert sessions() == []
    ctx.undo_stack.redo()
    assert len(sessions()) == 2


def test_watch_files_in_the_preview_moving_minutes_legs_and_a_file_cut_short(
        open_window, qtbot, tmp_path):
    """Real FIT files: a run with a pause shows its moving minutes (the pause in the
    tooltip), a triathlon one row per leg (transitions are no session), a file cut short
    is refused with its reason;
    a Strava export zip dropped beside them is read too."""
    _ctx, window = open_window()
    folder = tmp_path / "GARMIN" / "Activity"
    write_fit(folder / "pauses.fit", at(DAY, 7), seconds=2400, pauses=[(600, 300)],
              hr=[140, 150])
    write_fit(folder / "triathlon.fit", at(DAY, 13), legs=[
        Leg("swimming", "lap_swimming", 1200), Leg("transition", "generic", 120),
        Leg("cycling", "road", 3600, hr=[130, 140])])
    whole = fit_bytes(at(DAY, 18), seconds=1800, hr=[150])
    write_bytes(folder / "cut.fit", whole[: len(whole) // 2])
    export = strava_zip(tmp_path / "export_123.zip", [
        StravaRow("123", at(DAY - timedelta(days=1), 8), kind="Ride", elapsed=3000,
                  moving=2700, filename="activities/123.fit.gz")],
        {"activities/123.fit.gz": gz(fit_bytes(at(DAY - timedelta(days=1), 8), "cycling",
                                                seconds=3000))})
    assert drop(window, [folder, export]) == (True, True)
    dialog = wait_preview(qtbot, window)
    table = dialog.table
    rows = [(table.item(r, 0).text(), table.item(r, 2).text(), table.item(r, 3).text())
            for r in range(table.rowCount())]
    # the Strava ride the day before, the run, then the triathlon's legs (no transitions)
    assert [kind for _day, kind, _min in rows] == ["cycle", "run", "swim", "cycle"]
    assert rows[1][2] == "35"  # 40 minutes with a 5-minute pause
    assert table.item(1, 3).toolTip() == "35 minutes moving, 40 with pauses"
    assert "\u201cswimming/lap_swimming\u201d" in table.item(2, 2).toolTip()  # the file's
    refused = [dialog.problems.item(r, 0).text() for r in range(dialog.problems.rowCount())]
    assert refused == ["cut.fit"]
    assert "cut short" in dialog.problems.item(0, 1).text()
    dialog.reject()


def test_esc_cancels_the_preview_and_writes_nothing(open_window, qtbot, tmp_path):
    ctx, window = open_window()
    run = write_gpx(tmp_path / "run.gpx", at(DAY), 30)
    window.import_activities([run])
    dialog = wait_preview(qtbot, window)
    results = []
    window.importer().done.connect(results.append)
    press(qtbot, dialog.table, Qt.Key.Key_Escape)
    assert closed(dialog)
    assert results == [None]
    assert sessions() == [] and ctx.undo_stack.count() == 0


@pytest.mark.parametrize("how", ["button", "esc"])
def test_cancel_while_reading_stops_the_worker_and_writes_nothing(
        open_window, qtbot, tmp_path, monkeypatch, how):
    """The progress dialog's Cancel (or Esc) makes the service's progress callback return
    False: the service raises ImportCancelled, no preview opens, nothing is written."""
    ctx, window = open_window()
    calls = []

    def slow_preview(paths, progress=None, tz=None):
        for i in range(1, 2000):
            calls.append(i)
            if not progress(i, 2000):
                raise activities.ImportCancelled()
            time.sleep(0.005)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(activities, "preview", slow_preview)
    importer = window.importer()
    importer.start([write_gpx(tmp_path / "run.gpx", at(DAY), 30)])
    progress = importer.progress
    assert progress is not None and progress.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: len(calls) > 3)
    qtbot.waitUntil(progress.isVisible, timeout=5000)  # shown once reading takes a while
    assert "Reading file" in progress.labelText()
    with qtbot.waitSignal(importer.done, timeout=10000) as done:
        if how == "button":
            progress.findChild(QPushButton).click()
        else:
            qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert done.args == [None]
    assert importer.job is None and importer.progress is None and importer.dialog is None
    assert status(window) == "Import cancelled: nothing was imported."
    assert sessions() == [] and ctx.undo_stack.count() == 0


def test_a_duplicate_of_a_session_typed_by_hand_merges_or_is_skipped(
        open_window, qtbot, tmp_path):
    ctx, window = open_window()
    typed = js.add_session(DAY, {"kind": "run", "minutes": 45, "rpe": 5, "pain_during": 2})
    write_gpx(tmp_path / "watch" / "run.gpx", at(DAY), 44, hr=148)
    write_gpx(tmp_path / "watch" / "walk.gpx", at(DAY, 17), 20, sport="walking")
    window.import_activities([tmp_path / "watch"])  # a folder
    dialog = wait_preview(qtbot, window)
    texts = [dialog.table.item(r, 7).text() for r in range(dialog.table.rowCount())]
    assert texts[0].startswith("Merges into the 45-min run typed by hand"), texts
    assert texts[1] == "Add"
    assert dialog.merge_check.isVisibleTo(dialog) and dialog.merge_check.isChecked()
    # the rule for sessions typed by hand (no start time): not "within 2 minutes"
    tip = dialog.merge_check.toolTip()
    assert "same day" in tip and "same activity" in tip and "5 minutes or 15 %" in tip
    assert "2 minutes" not in tip
    assert dialog.import_button.text() == "&Import 2 sessions"

    dialog.merge_check.setChecked(False)  # the duplicate is skipped instead
    assert dialog.table.item(0, 7).text() == "Skip: merging is off"
    assert dialog.import_button.text() == "&Import 1 session"
    dialog.merge_check.setChecked(True)

    press(qtbot, dialog.table, Qt.Key.Key_Enter)
    rows = sessions()
    assert len(rows) == 2
    merged = js.get_session(typed)
    assert merged["minutes"] == 45 and merged["rpe"] == 5  # what was typed stays
    assert merged["avg_hr"] == 148  # what the file knows is added
    assert "1 merged" in status(window)


def test_nothing_new_leaves_import_disabled(open_window, qtbot, tmp_path):
    ctx, window = open_window()
    run = write_gpx(tmp_path / "run.gpx", at(DAY), 30)
    window.import_activities([run])
    press(qtbot, wait_preview(qtbot, window).table, Qt.Key.Key_Return)
    assert len(sessions()) == 1
    window.import_activities([run])  # the same file again
    dialog = wait_preview(qtbot, window)
    assert dialog.table.item(0, 7).text().startswith("Skip: already imported")
    assert not dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "&Import 0 sessions"
    press(qtbot, dialog.table, Qt.Key.Key_Return)  # Enter does nothing harmful
    assert len(sessions()) == 1 and ctx.undo_stack.count() == 1
    dialog.reject()


def test_long_file_names_fit_a_1366x768_screen(open_window, qtbot, tmp_path):
    _ctx, window = open_window()
    name = "2026-03-10_Very_long_activity_name_exported_by_a_sync_tool_" + "x" * 80 + ".gpx"
    files = [write_gpx(tmp_path / name, at(DAY), 30)]
    files += [write_gpx(tmp_path / f"run{i}.gpx", at(DAY - timedelta(days=i)), 30 + i)
              for i in range(1, 30)]
    window.import_activities(files)
    dialog = wait_preview(qtbot, window)
    settle(qtbot)
    free = dialog.screen().availableGeometry()
    assert dialog.width() <= min(1366, free.width()) and dialog.height() <= min(768,
                                                                                free.height())
    assert dialog.table.columnWidth(dialog.FILE_COLUMN) <= dialog.FILE_WIDTH
    long_row = next(r for r in range(dialog.table.rowCount())
                    if dialog.table.item(r, 6).text() == name)
    assert dialog.table.item(long_row, 6).toolTip().startswith(name)  # the whole name
    assert dialog.import_button.isVisible()
    dialog.reject()


def test_summary_text_says_what_was_done():
    result = activities.ImportResult(added=12, merged=2, skipped=3, backup=Path("/b"))
    assert summary_text(result) == ("Imported 12 sessions, 2 merged, 3 skipped; a backup "
                                    "copy was made first.")
    assert summary_text(activities.ImportResult(added=1)) == "Imported 1 session."
    assert summary_text(activities.ImportResult(added=2, merged=1, backup=Path("/b"))) == (
        "Imported 2 sessions, 1 merged; a backup copy was made first.")
    assert summary_text(activities.ImportResult(added=0, skipped=4)) == (
        "Imported 0 sessions, 4 skipped.")


# ---- dropping files on the window --------------------------------------------------------------

def drop(window, paths) -> tuple[bool, bool]:
    """Drag ``paths`` over the window and drop them: (entered, dropped) accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = window.rect().center()
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    dropped = QDropEvent(QPointF(QPoint(where)), Qt.DropAction.CopyAction, mime,
                         Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_dropping_a_file_on_the_window_opens_the_preview(open_window, qtbot, tmp_path):
    _ctx, window = open_window()
    run = write_gpx(tmp_path / "Lunch_Run.gpx", at(DAY), 35, hr=140)
    assert drop(window, [run]) == (True, True)
    dialog = wait_preview(qtbot, window)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 6).text() == "Lunch_Run.gpx"
    assert sessions() == []  # a drop only previews
    press(qtbot, dialog.table, Qt.Key.Key_Return)
    assert [s["minutes"] for s in sessions()] == [35]


def test_other_drops_are_refused_with_a_status_message(open_window, qtbot, tmp_path):
    _ctx, window = open_window()
    text = tmp_path / "shopping.txt"
    text.write_text("milk")
    assert drop(window, [text]) == (False, False)
    settle(qtbot)
    assert window.activity_importer is None or window.activity_importer.dialog is None
    assert status(window) == ("Only FIT, GPX and TCX files, Strava export .zip files and "
                              "folders can be dropped here.")


def test_nothing_is_imported_while_the_welcome_form_shows(open_window, qtbot, tmp_path,
                                                          monkeypatch):
    """Finding 17: before the profile exists, File > Import Activities (menu and
    Ctrl+Shift+I) is disabled and says why, a drop is refused with a status message;
    once the journal is created, both work."""
    from PySide6.QtWidgets import QFileDialog

    ctx, window = open_window(profile=False)
    run = write_gpx(tmp_path / "Lunch_Run.gpx", at(DAY), 35, hr=140)
    chosen = []  # the file dialog, had it opened, would choose the run

    def choose(*_args, **_kwargs):
        chosen.append(True)
        return [str(run)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    welcome = window.welcome
    assert window.stack.currentWidget() is welcome and window.awaiting_profile
    for name in ("action_import_activities", "action_import_activity_folder"):
        action = window.findChild(QAction, name)
        assert not action.isEnabled()
        assert action.statusTip().startswith("Create your journal first")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot)
    assert window.activity_importer is None and chosen == []
    assert drop(window, [run]) == (False, False)
    settle(qtbot)
    assert window.activity_importer is None
    assert status(window).startswith("Create your journal first")
    assert window.import_activities([run]) is False  # the watched folder's Review, too
    assert js.get_profile() is None and ctx.undo_stack.count() == 0

    welcome.name.setFocus()
    qtbot.keyClicks(welcome.name, "Ann")
    qtbot.keyClick(welcome.name, Qt.Key.Key_Return)  # creates the journal
    assert not window.awaiting_profile and window.current_page_key() == "today"
    action = window.findChild(QAction, "action_import_activities")
    assert action.isEnabled() and action.statusTip() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert chosen == [True]  # the same key now opens the file dialog (chosen: the run)
    dialog = wait_preview(qtbot, window)
    press(qtbot, dialog.table, Qt.Key.Key_Return)
    assert [s["minutes"] for s in sessions()] == [35]


def test_a_file_whose_session_was_deleted_says_why_it_is_added_again(open_window, qtbot,
                                                                      tmp_path):
    """Imported, its session deleted, imported again on purpose: the row says why."""
    ctx, window = open_window()
    run = write_gpx(tmp_path / "run.gpx", at(DAY), 30)
    window.import_activities([run])
    press(qtbot, wait_preview(qtbot, window).table, Qt.Key.Key_Return)
    (session,) = sessions()
    js.delete_session(session["id"])
    window.import_activities([run])
    dialog = wait_preview(qtbot, window)
    text = dialog.table.item(0, dialog.ACTION_COLUMN).text()
    assert text.startswith("Add: imported before on "), text
    assert text.endswith("so it is added again")
    assert dialog.import_button.isEnabled()
    dialog.reject()


# ---- Preferences > Activity files --------------------------------------------------------------

def test_the_mapping_saves_as_one_step_and_changes_the_next_preview(
        open_window, qtbot, tmp_path):
    ctx, window = open_window()
    run = write_gpx(tmp_path / "run.gpx", at(DAY), 30)
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    tab = dialog.activity_tab
    table = tab.mapping_table
    dialog.tabs.setCurrentWidget(tab)
    dialog.show()
    settle(qtbot)
    row = tab.row_of("running")
    assert table.item(row, 1).text() == "run"  # the built-in mapping is shown
    assert not table.item(row, 1).font().bold()
    # choose another activity from the keyboard: F2 opens the list of activities
    table.setFocus()
    table.setCurrentCell(row, 1)
    press(qtbot, table, Qt.Key.Key_F2)
    editor = table.findChild(QComboBox)
    assert editor is not None and editor.isVisible()
    editor.setCurrentIndex(editor.findData("hike"))
    press(qtbot, editor, Qt.Key.Key_Return)
    assert table.item(row, 1).text() == "hike" and table.item(row, 1).font().bold()
    # a sport of its own, added by name
    tab.new_sport.setText("Yoga")
    press(qtbot, tab.new_sport, Qt.Key.Key_Return)  # adds it; the dialog stays open
    assert dialog.isVisible() and tab.row_of("yoga") >= 0
    # its list of activities is open on the new row; OK keeps what is chosen there
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QComboBox) and editor.currentData() == "other"
    editor.setCurrentIndex(editor.findData("gym"))
    tab.hr_editors[settings.HR_REST_KEY].setValue(55)
    tab.hr_editors[settings.HR_MAX_KEY].setValue(185)
    dialog.accept()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert settings.sport_mapping() == {"running": "hike", "yoga": "gym"}
    assert settings.heart_rates()[:2] == (55, 185)
    assert ctx.undo_stack.count() == 1

    window.import_activities([run])  # the next preview uses it
    preview = wait_preview(qtbot, window)
    assert preview.table.item(0, 2).text() == "hike"
    preview.reject()

    ctx.undo_stack.undo()
    assert settings.sport_mapping() == {} and settings.heart_rates()[:2] == (None, None)
    again = PreferencesDialog(ctx, window)
    qtbot.addWidget(again)
    assert again.activity_tab.mapping_table.item(row, 1).text() == "run"
    again.activity_tab.reset_mapping()
    assert again.activity_tab.mapping_text() == settings.get(settings.MAPPING_KEY)


def test_reset_to_built_in_forgets_the_changes(open_window, qtbot):
    ctx, window = open_window()
    settings.set(settings.MAPPING_KEY, '{"running": "walk"}')
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    tab = dialog.activity_tab
    assert tab.mapping_table.item(tab.row_of("running"), 1).text() == "walk"
    tab.reset_mapping()
    dialog.accept()
    assert settings.sport_mapping() == {}


def test_heart_rates_that_do_not_fit_are_refused_on_their_tab(open_window, qtbot):
    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    tab = dialog.activity_tab
    assert tab.hr_editors[settings.HR_REST_KEY].text() == "Not set"
    tab.hr_editors[settings.HR_REST_KEY].setValue(90)
    tab.hr_editors[settings.HR_MAX_KEY].setValue(80)
    dialog.accept()
    assert dialog.result() != PreferencesDialog.DialogCode.Accepted
    assert dialog.tabs.currentWidget() is tab
    assert "must be above the resting heart rate" in tab.hr_error.text()  # beside them
    assert not tab.hr_error.isHidden()
    assert ctx.undo_stack.count() == 0
    tab.hr_editors[settings.HR_MAX_KEY].setValue(180)  # fixed: the message goes at once
    assert tab.hr_error.isHidden()
    dialog.accept()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert settings.heart_rates()[:2] == (90, 180)


def test_a_heart_rate_message_goes_once_the_values_fit_again(open_window, qtbot):
    """Finding 16: max 40 with rest 50, then corrected to 190 from the keyboard: the
    message beside the heart rates goes; a later edit that does not fit brings it back."""
    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    tab = dialog.activity_tab
    dialog.tabs.setCurrentWidget(tab)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    rest, top = tab.hr_editors[settings.HR_REST_KEY], tab.hr_editors[settings.HR_MAX_KEY]

    def type_in(spin, text):
        spin.setFocus()
        assert QApplication.focusWidget() is spin
        spin.selectAll()
        qtbot.keyClicks(spin, text)
        qtbot.keyClick(spin, Qt.Key.Key_Tab)  # leaves the field

    type_in(rest, "50")
    assert rest.value() == 50 and tab.hr_error.isHidden()
    type_in(top, "40")
    assert top.value() == 40
    assert tab.hr_error.isVisible()
    assert tab.hr_error.text() == ("Maximum heart rate (40 bpm) must be above the resting "
                                   "heart rate (50 bpm).")
    top.setFocus()
    top.selectAll()
    qtbot.keyClicks(top, "190")
    assert top.value() == 190
    assert tab.hr_error.isHidden() and tab.hr_error.text() == ""  # gone while typing
    qtbot.keyClick(top, Qt.Key.Key_Tab)
    assert tab.hr_error.isHidden()
    type_in(top, "45")  # a later edit is checked again
    assert tab.hr_error.text() == ("Maximum heart rate (45 bpm) must be above the resting "
                                   "heart rate (50 bpm).")
    type_in(rest, "44")  # the other field made them fit: gone too
    assert tab.hr_error.isHidden()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # OK
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert settings.heart_rates()[:2] == (44, 45)


def test_the_watched_folder_is_chosen_and_stopped_in_preferences(open_window, qtbot,
                                                                  tmp_path):
    from rehabjournal.ui import settings as ui_settings

    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    tab = dialog.activity_tab
    assert tab.folder_label.text() == "No folder is watched."
    assert not tab.stop_button.isEnabled()
    tab.set_watch_folder(str(tmp_path))
    dialog.accept()
    assert ui_settings.get("activities.watch_folder") == str(tmp_path)
    again = PreferencesDialog(ctx, window)
    qtbot.addWidget(again)
    assert again.activity_tab.folder_label.text() == str(tmp_path)
    again.activity_tab.stop_button.click()
    again.accept()
    assert ui_settings.get("activities.watch_folder") == ""
