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
