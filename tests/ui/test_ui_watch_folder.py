"""The watched folder (issue 20): new activity files are offered in a bar, never imported
without the person's click; "Don't offer these" stops the offer, "Not now" hides it until
a new file comes; a folder that goes away is said plainly and watched again when back.
"""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt

from rehabjournal.services import journal as js
from rehabjournal.ui import settings as ui_settings

from .conftest import settle
from .test_ui_activity_import import DAY, at, sessions, wait_preview, write_gpx

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

QUICK_MS = 150
"""The tests' settling time instead of 2 s."""


@pytest.fixture(autouse=True)
def _no_folder_left():
    """QSettings outlive a test in this process: no test leaves a folder watched."""
    ui_settings.set("activities.watch_folder", "")
    yield
    ui_settings.set("activities.watch_folder", "")


@pytest.fixture
def watched(open_window, qtbot, tmp_path):
    """Factory: watched(files=()) -> (ctx, window, folder) with ``folder`` chosen in
    Preferences before the window opens (its start-up look is done)."""

    def make(files: tuple[str, ...] = ()):
        folder = tmp_path / "Garmin"
        folder.mkdir(exist_ok=True)
        for i, name in enumerate(files):
            write_gpx(folder / name, at(DAY - timedelta(days=i)), 30 + i)
        ui_settings.set("activities.watch_folder", str(folder))
        ctx, window = open_window()
        qtbot.waitUntil(lambda: window.watcher is not None, timeout=10000)
        window.watcher.timer.setInterval(QUICK_MS)
        return ctx, window, folder

    return make


def offered(window) -> bool:
    return window.watcher.bar.isVisibleTo(window)


def test_a_file_dropped_in_the_folder_is_offered_and_never_imported_without_a_click(
        watched, qtbot):
    ctx, window, folder = watched()
    watcher = window.watcher
    qtbot.waitUntil(lambda: not watcher._scanning)
    assert not offered(window)  # an empty folder: nothing to offer

    (folder / "2026").mkdir()  # a subfolder made later is watched too
    qtbot.wait(QUICK_MS * 3)
    with qtbot.waitSignal(watcher.scanned, timeout=15000,
                          check_params_cb=lambda found: len(found) == 1):
        write_gpx(folder / "2026" / "Morning_Run.gpx", at(DAY), 42, hr=150)
    qtbot.waitUntil(lambda: offered(window), timeout=5000)
    assert watcher.bar.label.text() == "1 new activity file in Garmin"
    assert "Morning_Run.gpx" in watcher.bar.label.toolTip()
    qtbot.wait(QUICK_MS * 3)
    assert sessions() == [] and ctx.undo_stack.count() == 0  # offered, not imported

    watcher.bar.review_button.click()  # one click: the same preview as File > Import
    dialog = wait_preview(qtbot, window)
    assert not offered(window)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "42"
    assert sessions() == []
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    settle(qtbot)
    assert [s["minutes"] for s in sessions()] == [42]

    watcher.look()  # imported files are not offered again
    qtbot.waitUntil(lambda: not watcher._scanning)
    settle(qtbot)
    assert not offered(window)


def test_files_already_there_are_offered_at_start_up(watched, qtbot):
    _ctx, window, _folder = watched(("a.gpx", "b.gpx", "c.gpx"))
    qtbot.waitUntil(lambda: offered(window), timeout=15000)
    assert window.watcher.bar.label.text() == "3 new activity files in Garmin"
    assert sessions(DAY) == []


def test_dont_offer_these_stops_the_offer(watched, qtbot):
    _ctx, window, _folder = watched(("a.gpx", "b.gpx"))
    watcher = window.watcher
    qtbot.waitUntil(lambda: offered(window), timeout=15000)
    watcher.bar.dismiss_button.click()
    assert not offered(window)
    assert "2 files will not be offered again." in window.statusBar().currentMessage()
    watcher.look()  # looked at again, and at the next start: nothing to offer
    qtbot.waitUntil(lambda: not watcher._scanning)
    settle(qtbot)
    assert not offered(window)
    watcher.stop()
    watcher.reload()
    with qtbot.waitSignal(watcher.scanned, timeout=15000) as scan:
        pass
    assert scan.args == [[]]
    assert not offered(window)
    assert js.list_sessions(DAY) == []


def test_not_now_hides_the_offer_until_a_new_file_comes(watched, qtbot):
    _ctx, window, folder = watched(("a.gpx",))
    watcher = window.watcher
    qtbot.waitUntil(lambda: offered(window), timeout=15000)
    watcher.bar.later_button.click()
    assert not offered(window)
    watcher.look()  # the same file: still hidden
    qtbot.waitUntil(lambda: not watcher._scanning)
    settle(qtbot)
    assert not offered(window)
    write_gpx(folder / "b.gpx", at(DAY + timedelta(days=1)), 25)  # a new one: offered again
    qtbot.waitUntil(lambda: offered(window), timeout=15000)
    assert watcher.bar.label.text() == "2 new activity files in Garmin"


def test_a_folder_that_goes_away_is_said_and_watched_again_when_back(watched, qtbot):
    _ctx, window, folder = watched()
    watcher = window.watcher
    qtbot.waitUntil(lambda: not watcher._scanning)
    shutil.rmtree(folder)
    qtbot.waitUntil(lambda: offered(window) and bool(watcher.problem), timeout=15000)
    assert "is not there any more" in watcher.bar.label.text()
    assert str(folder) in watcher.bar.label.text()
    assert not watcher.bar.review_button.isVisibleTo(window)
    folder.mkdir()  # back (a drive plugged in again): watched again, its files offered
    qtbot.waitUntil(lambda: not watcher.problem, timeout=15000)
    write_gpx(folder / "back.gpx", at(DAY), 33)
    qtbot.waitUntil(lambda: offered(window) and bool(watcher.offered), timeout=15000)
    assert watcher.bar.label.text() == "1 new activity file in Garmin"


def test_a_missing_folder_at_start_up_is_said_without_a_crash(open_window, qtbot, tmp_path):
    ui_settings.set("activities.watch_folder", str(tmp_path / "not" / "there"))
    _ctx, window = open_window()
    qtbot.waitUntil(lambda: window.watcher is not None and bool(window.watcher.problem),
                    timeout=10000)
    assert "is not there any more" in window.watcher.bar.label.text()
    window.watcher.bar.later_button.click()  # "Close": the same message is not shown again
    window.watcher.look()
    settle(qtbot)
    assert not offered(window)


def test_no_folder_chosen_means_no_watcher(open_window, qtbot):
    _ctx, window = open_window()
    settle(qtbot)
    assert window.watcher is None


def test_choosing_a_folder_in_preferences_starts_watching(open_window, qtbot, tmp_path,
                                                          monkeypatch):
    from rehabjournal.ui.preferences import PreferencesDialog

    folder = tmp_path / "Sync"
    write_gpx(folder / "ride.gpx", at(DAY), 50, sport="cycling")
    ctx, window = open_window()
    assert window.watcher is None

    def choose(dialog):
        dialog.activity_tab.set_watch_folder(str(folder))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", choose)
    window.preferences()
    qtbot.waitUntil(lambda: window.watcher is not None and offered(window), timeout=15000)
    assert window.watcher.bar.label.text() == "1 new activity file in Sync"

    def stop(dialog):
        dialog.activity_tab.set_watch_folder("")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", stop)
    window.preferences()
    assert not offered(window) and window.watcher.folder is None
    assert shiboken6.isValid(window.watcher.bar)


def test_the_start_up_look_reads_no_file_with_a_parser(tmp_path):
    """The watched folder's look at start-up only hashes files: no FIT or GPX library is
    imported (they cost start-up time; tests/ui/test_ui_startup.py)."""
    import subprocess
    import sys
    import textwrap

    folder = tmp_path / "Garmin"
    write_gpx(folder / "run.gpx", at(DAY), 30)
    code = textwrap.dedent(f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from rehabjournal.ui.app import application, open_session
        from rehabjournal.ui import settings as ui_settings
        app = application()
        ui_settings.set("activities.watch_folder", {str(folder)!r})
        from rehabjournal.services import journal as js
        from rehabjournal.store.db import close_journal, open_journal
        open_journal(Path({str(tmp_path / "data")!r}))  # a journal with its profile:
        js.save_profile({{"name": "A", "condition": "", "joint": "knee", "side": "left"}})
        close_journal()  # the Welcome form makes the offer wait
        lock, ctx, window = open_session(Path({str(tmp_path / "data")!r}))
        window.show()
        window.startup.start()
        end = time.monotonic() + 60
        while time.monotonic() < end and not (
                window.watcher is not None and window.watcher.offered):
            app.processEvents()
            time.sleep(0.01)
        print("OFFERED:", window.watcher is not None and len(window.watcher.offered))
        parsers = sorted(m for m in sys.modules
                         if m.split(".")[0] in ("fitdecode", "gpxpy", "tcxreader"))
        print("PARSERS:", parsers)
        window.watcher.wait()
        window.startup.wait()
        lock.unlock()
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
                                              "XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert result.returncode == 0, result.stderr
    assert "OFFERED: 1" in result.stdout, result.stdout + result.stderr
    assert "PARSERS: []" in result.stdout, result.stdout


# ---- review of issue 20: a folder moved away, a file caught half written, the Welcome form --

def test_a_folder_moved_away_is_said_and_its_stale_offer_goes(watched, qtbot):
    """Finding 7: the system's watch follows a renamed folder, so a rename made no change
    seen; now the parent is watched and the folder at the chosen path compared."""
    _ctx, window, folder = watched(("a.gpx",))
    watcher = window.watcher
    qtbot.waitUntil(lambda: offered(window) and bool(watcher.offered), timeout=15000)
    moved = folder.parent / "Garmin_old"
    folder.rename(moved)  # mv Garmin Garmin_old, while the offer shows
    qtbot.waitUntil(lambda: bool(watcher.problem), timeout=15000)
    assert "is not there any more" in watcher.bar.label.text()
    assert str(folder) in watcher.bar.label.text()
    assert watcher.offered == [] and not watcher.bar.review_button.isVisibleTo(window)
    # a file written into the folder where it went now is not offered as the watched one's
    write_gpx(moved / "elsewhere.gpx", at(DAY), 25)
    qtbot.wait(QUICK_MS * 4)
    assert watcher.problem and watcher.offered == []

    moved.rename(folder)  # back under its name: watched again, its file offered again
    qtbot.waitUntil(lambda: not watcher.problem and len(watcher.offered) == 2,
                    timeout=15000)
    assert watcher.bar.label.text() == "2 new activity files in Garmin"


def test_a_folder_replaced_by_another_of_the_same_name_is_watched_anew(watched, qtbot):
    """Moved away and another made in its place at once: the new folder is watched (not
    the old one the system's watch followed), its files offered."""
    _ctx, window, folder = watched()
    watcher = window.watcher
    qtbot.waitUntil(lambda: not watcher._scanning)
    settle(qtbot)
    old = folder.parent / "Garmin_2025"
    folder.rename(old)
    folder.mkdir()  # within the settling time: no look in between
    qtbot.waitUntil(lambda: not watcher._scanning and watcher.still_there(), timeout=15000)
    qtbot.wait(QUICK_MS * 3)
    write_gpx(folder / "new_place.gpx", at(DAY), 31)
    qtbot.waitUntil(lambda: [p.name for p in watcher.offered] == ["new_place.gpx"],
                    timeout=15000)
    write_gpx(old / "old_place.gpx", at(DAY - timedelta(days=1)), 29)
    qtbot.wait(QUICK_MS * 4)
    qtbot.waitUntil(lambda: not watcher._scanning)
    assert [p.name for p in watcher.offered] == ["new_place.gpx"]


def test_a_file_caught_half_written_is_offered_again_once_complete(watched, qtbot):
    """Finding 8: a FIT file offered while still being written, reviewed and refused as
    cut short, is offered again when its content changes (it was snoozed by path, and a
    write into a file does not change its folder)."""
    from .test_ui_activity_import import fit_bytes

    _ctx, window, folder = watched()
    watcher = window.watcher
    qtbot.waitUntil(lambda: not watcher._scanning)
    whole = fit_bytes(at(DAY), seconds=2400, hr=[150])
    path = folder / "Morning_Run.fit"
    path.write_bytes(whole[: len(whole) // 2])  # the sync tool's first write
    qtbot.waitUntil(lambda: offered(window) and watcher.offered == [path], timeout=15000)
    watcher.bar.review_button.click()
    dialog = wait_preview(qtbot, window)
    assert dialog.table.rowCount() == 0
    assert "cut short" in dialog.problems.item(0, 1).text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.importer().dialog is None, timeout=5000)
    assert not offered(window)
    watcher.look()  # the same half file: not offered again
    qtbot.waitUntil(lambda: not watcher._scanning)
    settle(qtbot)
    assert not offered(window)

    with open(path, "ab") as fh:  # the rest of it: the file changes, not its folder
        fh.write(whole[len(whole) // 2:])
    qtbot.waitUntil(lambda: offered(window) and watcher.offered == [path], timeout=15000)
    assert watcher.bar.label.text() == "1 new activity file in Garmin"
    watcher.bar.review_button.click()
    dialog = wait_preview(qtbot, window)
    assert dialog.table.rowCount() == 1 and dialog.problems.rowCount() == 0
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    settle(qtbot)
    assert [s["minutes"] for s in sessions()] == [40]


def test_the_offer_waits_for_the_profile(open_window, qtbot, tmp_path):
    """Finding 17: a new journal shows the Welcome form; the watched folder's files are
    offered only once the journal is created."""
    folder = tmp_path / "Garmin"
    write_gpx(folder / "run.gpx", at(DAY), 30)
    ui_settings.set("activities.watch_folder", str(folder))
    _ctx, window = open_window(profile=False)
    settle(qtbot)
    qtbot.wait(QUICK_MS * 2)
    assert window.awaiting_profile and window.watcher is None
    welcome = window.welcome
    welcome.name.setFocus()
    qtbot.keyClicks(welcome.name, "Ann")
    qtbot.keyClick(welcome.name, Qt.Key.Key_Return)  # creates the journal
    qtbot.waitUntil(lambda: window.watcher is not None and offered(window), timeout=15000)
    assert window.watcher.bar.label.text() == "1 new activity file in Garmin"


def test_files_a_closed_preview_could_not_use_are_not_offered_again(watched, qtbot):
    """Review finding 5 through the window: the same run as an imported FIT, in GPX, and
    a GPX without times were offered at every start; once their preview ("Import 0
    sessions") is closed they are not, at the next look nor at the next start."""
    from .test_ui_activity_import import write_fit

    ctx, window, folder = watched()
    watcher = window.watcher
    qtbot.waitUntil(lambda: not watcher._scanning)
    fit = write_fit(folder / "run.fit", at(DAY), seconds=2400, hr=[150])
    qtbot.waitUntil(lambda: watcher.offered == [fit], timeout=15000)
    watcher.bar.review_button.click()
    dialog = wait_preview(qtbot, window)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    settle(qtbot)
    assert [s["minutes"] for s in sessions()] == [40]
    qtbot.waitUntil(lambda: not watcher._scanning)
    write_gpx(folder / "run.gpx", at(DAY), 40)  # the same run, from another app
    write_gpx(folder / "route.gpx", at(DAY), 10, timed=False)  # a route: no times
    qtbot.waitUntil(lambda: len(watcher.offered) == 2, timeout=15000)
    assert watcher.bar.label.text() == "2 new activity files in Garmin"
    watcher.bar.review_button.click()
    dialog = wait_preview(qtbot, window)
    assert not dialog.import_button.isEnabled()  # "Import 0 sessions"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.importer().dialog is None, timeout=5000)
    watcher.stop()  # as at the next start
    watcher.reload()
    with qtbot.waitSignal(watcher.scanned, timeout=15000) as scan:
        pass
    assert scan.args == [[]]
    assert not offered(window) and ctx.undo_stack.count() == 1
