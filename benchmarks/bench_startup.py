"""Start-up: process start to main window shown, against a bare QMainWindow.

Both are timed the same way: a fresh interpreter runs the script to its end (window shown,
events processed, exit); the median of 5 runs. The app's script is what ``run_gui`` does
before its event loop: ``open_session``, ``show``. The start-up work that waits for the
window (library sync, the day's backup) runs after that in a worker and is not part of it.

Two journals: an existing 1-year journal (the Today page) and a new, empty one (the
welcome page of a first start).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from common import history_dir, time_script

BARE = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.show(); app.processEvents()
"""

APP = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from rehabjournal.ui.app import application, open_session
app = application()
lock, ctx, w = open_session(Path({data!r}))
w.show(); app.processEvents()
lock.unlock()
"""


def run():
    tmp = Path(tempfile.mkdtemp(prefix="rehabjournal-bench-start-"))
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "cfg"))
    year = history_dir(years=1)
    empty = tmp / "empty"
    one_year = APP.format(data=str(year))
    time_script(one_year, repeat=1, env=env)  # compiles the .pyc files once
    bare = time_script(BARE, env=env)
    app = time_script(one_year, env=env)

    def first_start():
        shutil.rmtree(empty, ignore_errors=True)
        return APP.format(data=str(empty))

    welcome = min(time_script(first_start(), repeat=1, env=env) for _ in range(5))
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(year, ignore_errors=True)
    return [
        ("start-up: bare QMainWindow shown", bare, "s", "reference, same run"),
        ("start-up: main window shown, 1-year journal", app, "s", "Today page"),
        ("start-up ratio (1-year journal / bare)", app / bare, "x", "goal 1.5x"),
        ("start-up: first start, new journal (best of 5)", welcome, "s",
         f"welcome page; {welcome / bare:.2f}x bare"),
    ]
