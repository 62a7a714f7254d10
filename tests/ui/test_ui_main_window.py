"""The main window: navigation, menus, About, geometry, welcome page, second instance."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from rehabjournal import __version__
from rehabjournal.store.db import JournalError


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
    window.resize(900, 655)  # the offscreen screen is narrow: vary the height
    window.close()
    assert QSettings().value("window/geometry") is not None
    from rehabjournal.store.db import close_journal

    close_journal()
    window.lock.unlock()
    ctx2, window2 = open_window(data_dir=tmp_path / "data")
    window2.show()
    assert (window2.width(), window2.height()) == (900, 655)


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
        src = Path(__file__).resolve().parents[2] / "src"
        code = textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {str(src)!r})
            from pathlib import Path
            from rehabjournal.ui.app import acquire_lock
            from rehabjournal.store.db import JournalError
            try:
                acquire_lock(Path({str(data)!r}))
            except JournalError as exc:
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
    with pytest.raises(JournalError, match="Cannot create the data folder"):
        acquire_lock(blocker / "data")
