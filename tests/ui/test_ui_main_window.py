"""The main window: navigation, menus, About, geometry, welcome page, second instance,
the start-up work after the window is shown."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt

from rehabjournal import __version__
from rehabjournal.errors import StorageError


def test_pages_open_from_the_navigation(open_window, qtbot):
    ctx, window = open_window()
    window.show()
    assert window.current_page_key() == "today"
    for row, key in enumerate(["today", "journal", "programme", "progress", "reports"]):
        window.nav.setCurrentRow(row)
        assert window.current_page_key() == key
        assert window.stack.currentWidget().isVisible()


def test_menus_have_undo_redo_and_about(open_window):
    ctx, window = open_window()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    text = window.about_text()
    assert "not medical advice" in text
    assert __version__ in text


def test_view_shortcuts_switch_pages(open_window, qtbot):
    ctx, window = open_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "journal"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "today"


def test_geometry_is_remembered(open_window, tmp_path):
    ctx, window = open_window()
    window.show()
    # within the offscreen screen (800x800): a size larger than the screen is not kept
    # (test_ui_fits_screen)
    window.resize(760, 655)
    window.close()
    assert QSettings().value("window/geometry") is not None
    from rehabjournal.store.db import close_journal

    close_journal()
    window.lock.unlock()
    ctx2, window2 = open_window(data_dir=tmp_path / "data")
    window2.show()
    assert (window2.width(), window2.height()) == (760, 655)


def test_first_run_shows_welcome_and_creates_the_profile(open_window, qtbot):
    ctx, window = open_window(profile=False)
    window.show()
    welcome = window.welcome
    assert window.stack.currentWidget() is welcome
    assert not window.nav.isEnabled()
    welcome.create_button.click()  # no name yet
    assert welcome.name_error.isVisible()
    assert "name" in welcome.name_error.text()
    welcome.name.setFocus()
    welcome.name.insert("Zoë Łukasiewicz")  # QTest can only type ASCII keys
    qtbot.keyClick(welcome.name, Qt.Key.Key_Return)
    assert window.nav.isEnabled()
    assert window.current_page_key() == "today"
    from rehabjournal.services import journal as js

    assert js.get_profile()["name"] == "Zoë Łukasiewicz"
    sites = js.list_sites()
    assert len(sites) == 1 and sites[0]["joint"] == "knee"


def test_second_instance_is_told_the_journal_is_open(tmp_path):
    from rehabjournal.ui.app import acquire_lock

    data = tmp_path / "data"
    first = acquire_lock(data)
    try:
        # The second instance is another process, as in real life.
        code = textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from rehabjournal.errors import StorageError
            from rehabjournal.ui.app import acquire_lock
            try:
                acquire_lock(Path({str(data)!r}))
            except StorageError as exc:
                print(exc)
                sys.exit(3)
        """)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 3, result.stderr
        assert "already open in another rehabjournal window" in result.stdout
        assert str(data) in result.stdout
    finally:
        first.unlock()
    # Once the first instance has closed, the folder can be opened again.
    again = acquire_lock(data)
    again.unlock()


def test_unwritable_lock_folder_gives_a_clear_message(tmp_path):
    from rehabjournal.ui.app import acquire_lock

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match=r"^Cannot use the data folder .*: .* is a file, not "
                       "a folder; give a folder with --data-dir.$"):
        acquire_lock(blocker / "data")


def test_every_page_is_a_page_the_window_can_activate(open_window):
    from rehabjournal.ui.main_window import PAGES, Page

    ctx, window = open_window()
    for key, _title, _module in PAGES:
        assert isinstance(window.show_page(key), Page), key


# ---- the start-up work that waits for the window ----------------------------------------

@pytest.fixture
def fresh_session(qtbot, tmp_path):
    """open_session on a new journal, the start-up work not started: (ctx, window, data)."""
    from rehabjournal.services import journal as js
    from rehabjournal.services import session
    from rehabjournal.ui.app import application, open_session

    application()
    data = tmp_path / "data"
    session.open_journal(data)
    js.save_profile({"name": "Ann Lee", "joint": "knee", "side": "left"})
    session.close_journal()
    opened = []

    def factory():
        lock, ctx, window = open_session(data, today=date(2026, 3, 18))
        qtbot.addWidget(window)
        opened.append((lock, window))
        messages: list[str] = []
        ctx.status.connect(messages.append)
        return ctx, window, messages

    yield factory, data
    for lock, window in opened:
        window.startup.wait()
        session.close_journal()
        lock.unlock()


def _daily_copies(data):
    return sorted((data / "backups").glob("journal-*-daily*.sqlite"))


def test_backup_and_library_sync_wait_until_the_window_is_shown(fresh_session, qtbot):
    from rehabjournal.services import programme as ps

    factory, data = fresh_session
    ctx, window, messages = factory()
    # The window is ready to show and nothing of the deferred work has happened yet.
    assert _daily_copies(data) == []
    assert ps.list_exercises() == []
    window.show()
    window.startup.start()
    assert window.statusBar().currentMessage() == "Backing up..."
    with qtbot.waitSignal(window.startup.done, timeout=30000):
        pass
    assert messages == ["Backing up...", "Backed up"]
    assert window.statusBar().currentMessage() == "Backed up"
    assert len(_daily_copies(data)) == 1
    assert ps.list_exercises(), "the shipped exercises are in the journal"


def test_second_start_of_the_day_makes_no_second_copy(fresh_session, qtbot):
    factory, data = fresh_session
    ctx, window, _messages = factory()
    window.show()
    with qtbot.waitSignal(window.startup.done, timeout=30000):
        window.startup.start()
    window.startup.wait()
    window.close()
    from rehabjournal.services import session

    session.close_journal()
    window.lock.unlock()
    ctx2, window2, messages = factory()
    window2.show()
    with qtbot.waitSignal(window2.startup.done, timeout=30000) as done:
        window2.startup.start()
    assert done.args[0].backup is None
    assert messages == ["Backing up...", ""]  # "Backing up..." is taken away again
    assert len(_daily_copies(data)) == 1


def test_a_failed_library_sync_is_said_in_the_status_bar(fresh_session, qtbot, monkeypatch):
    import sqlite3

    from rehabjournal.services import startup

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(startup.library, "sync_shipped_exercises", full)
    factory, data = fresh_session
    ctx, window, messages = factory()
    window.show()
    with qtbot.waitSignal(window.startup.done, timeout=30000):
        window.startup.start()
    assert "could not update the exercise library, the disk is full" in messages[-1]
    assert window.statusBar().currentMessage() == messages[-1]
    assert len(_daily_copies(data)) == 1  # the backup is still made
    assert window.isVisible()


def test_a_bug_in_the_start_up_work_is_said_and_the_window_stays(fresh_session, qtbot,
                                                                  monkeypatch, capsys):
    from rehabjournal.services import startup

    def broken(_data_dir):
        raise KeyError("slug")

    monkeypatch.setattr(startup, "run_startup_work", broken)
    factory, _data = fresh_session
    ctx, window, messages = factory()
    window.show()
    with qtbot.waitSignal(window.startup.done, timeout=30000) as done:
        window.startup.start()
    assert done.args == [None]
    assert messages[-1] == "Start-up checks failed: 'slug'"
    assert "KeyError" in capsys.readouterr().err  # the traceback, for a bug report
    window.show_page("journal")
    assert window.current_page_key() == "journal"
