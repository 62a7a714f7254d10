"""Start-up: process start to main window shown, against a bare QMainWindow.

All are timed the same way: a fresh interpreter runs the script to its end (window shown,
events processed, exit); the median of 5 runs.

- "window shown" is what ``run_gui`` does before the journal is opened: lock the folder,
  build and show the window's frame (navigation, menus, "Opening your journal...").
- "Today page ready" goes on as ``run_gui``'s first event-loop turn does: open the journal
  (integrity and version checks), build and show the Today page. The start-up work that
  waits for the window (library sync, the day's backup) runs after that in a worker and is
  not part of either.

Journals: an existing 1-year journal, and a new, empty one (the welcome page of a first
start).
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

FRAME = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from argparse import Namespace
from rehabjournal.ui.app import application, show_frame
app = application()
args = Namespace(data_dir={data!r}, demo=False)
w = show_frame(args); app.processEvents()
"""

READY = FRAME + """
from rehabjournal.ui.app import open_in
open_in(w, args); app.processEvents()
w.startup.wait()
"""


def run():
    tmp = Path(tempfile.mkdtemp(prefix="rehabjournal-bench-start-"))
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "cfg"))
    year = history_dir(years=1)
    empty = tmp / "empty"
    frame = FRAME.format(data=str(year))
    ready = READY.format(data=str(year))
    time_script(ready, repeat=1, env=env)  # compiles the .pyc files once
    bare = time_script(BARE, env=env)
    shown = time_script(frame, env=env)
    today = time_script(ready, env=env)

    def first_start():
        shutil.rmtree(empty, ignore_errors=True)
        return READY.format(data=str(empty))

    welcome = min(time_script(first_start(), repeat=1, env=env) for _ in range(5))
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(year, ignore_errors=True)
    return [
        ("start-up: bare QMainWindow shown", bare, "s", "reference, same run"),
        ("start-up: main window shown, 1-year journal", shown, "s", "frame, before opening"),
        ("start-up ratio (window shown / bare)", shown / bare, "x", "goal <= 1.5x"),
        ("start-up: Today page ready, 1-year journal", today, "s",
         f"journal opened, page built; {today / bare:.2f}x bare"),
        ("start-up: first start, new journal (best of 5)", welcome, "s",
         f"welcome page ready; {welcome / bare:.2f}x bare"),
    ]
