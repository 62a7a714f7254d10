"""Start-up stays light: the main window shows without matplotlib, reportlab,
``importlib.metadata`` or the backup code (the day's copy waits for the window)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_main_window_shows_without_matplotlib_or_reportlab(tmp_path):
    # A fresh interpreter: this test process may have imported them for other tests.
    code = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from rehabjournal.ui.app import application, open_session
        app = application()
        lock, ctx, window = open_session(Path({str(tmp_path / "data")!r}))
        window.show()
        app.processEvents()
        assert window.isVisible()
        heavy = sorted(m for m in sys.modules
                       if m.split(".")[0] in ("matplotlib", "reportlab", "numpy"))
        print("HEAVY:", heavy)
        later = sorted(m for m in sys.modules
                       if m in ("importlib.metadata", "rehabjournal.store.backups"))
        print("LATER:", later)
        lock.unlock()
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
                                              "XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert result.returncode == 0, result.stderr
    assert "HEAVY: []" in result.stdout, result.stdout
    assert "LATER: []" in result.stdout, result.stdout


def test_the_frame_shows_before_the_journal_is_opened(tmp_path):
    """run_gui's order: the window's frame is on screen before the journal (peewee, the
    pages) is touched; then the journal opens in it and the Today page is built."""
    code = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from argparse import Namespace
        from rehabjournal.ui.app import application, open_in, show_frame
        app = application()
        args = Namespace(data_dir={str(tmp_path / "data")!r}, demo=False)
        window = show_frame(args)
        app.processEvents()
        print("VISIBLE:", window.isVisible(), window.opening is not None,
              window.menuBar().isEnabled(), window.nav.isEnabled())
        early = sorted(m for m in sys.modules
                       if m.split(".")[0] in ("peewee", "sqlite3")
                       or m.startswith("rehabjournal.store")
                       or m.startswith("rehabjournal.ui.pages"))
        # the journal lock (stdlib only) is taken before the frame shows
        early = [m for m in early
                 if m not in ("rehabjournal.store", "rehabjournal.store.journal_lock")]
        print("EARLY:", early)
        open_in(window, args)
        app.processEvents()
        window.startup.wait()
        print("OPENED:", window.opening is None, window.menuBar().isEnabled(),
              window.current_page_key() == "today" or hasattr(window, "welcome"),
              [a.objectName() for a in window.file_menu.actions() if a.objectName()][:2])
        window.lock.unlock()
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
                                              "XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert result.returncode == 0, result.stderr
    assert "VISIBLE: True True False False" in result.stdout, result.stdout
    assert "EARLY: []" in result.stdout, result.stdout
    assert "OPENED: True True True ['action_import', 'action_export']" in result.stdout, \
        result.stdout


def test_a_journal_that_cannot_be_opened_is_explained_and_the_app_exits_1(
        qtbot, tmp_path, monkeypatch, capsys):
    from argparse import Namespace

    from PySide6.QtWidgets import QMessageBox

    from rehabjournal.ui import app as app_mod

    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.append((parent, title, text)))
    code = app_mod.run_gui(Namespace(data_dir=str(data), demo=False))
    assert code == 1
    assert shown and shown[0][1] == "rehabjournal cannot open the journal"
    assert shown[0][0] is not None  # over the window's frame, not a lone box
    assert "journal" in shown[0][2]
    assert "rehabjournal: error:" in capsys.readouterr().err
    # the lock was released: the folder can be opened again at once
    lock = app_mod.acquire_lock(data)
    lock.unlock()


def test_the_journal_opens_only_once_the_frame_is_on_screen(qtbot):
    """run_gui opens the journal after the window is exposed and painted, so a slow open
    (a large or encrypted journal) shows "Opening your journal..." rather than a blank."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from rehabjournal.ui.app import after_first_paint

    window = QWidget()
    qtbot.addWidget(window)
    seen = []
    after_first_paint(window, lambda: seen.append(window.windowHandle().isExposed()))
    QTimer.singleShot(100, window.show)
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen == [True]
