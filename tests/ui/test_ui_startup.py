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
