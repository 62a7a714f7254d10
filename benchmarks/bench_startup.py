"""Start-up: process start to main window shown, against a bare QMainWindow."""

from __future__ import annotations

import os
import tempfile

from common import SRC, time_script

BARE = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.show(); app.processEvents()
"""

APP = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {src!r})
from pathlib import Path
from rehabjournal.ui.app import application, open_session
app = application()
lock, ctx, w = open_session(Path({data!r}))
w.show(); app.processEvents()
lock.unlock()
"""


def run():
    data = tempfile.mkdtemp(prefix="rehabjournal-bench-start-")
    env = dict(os.environ, XDG_CONFIG_HOME=data + "/cfg")
    code = APP.format(src=str(SRC), data=data + "/journal")
    time_script(code, repeat=1, env=env)  # first run creates the journal
    bare = time_script(BARE, env=env)
    app = time_script(code, env=env)
    return [
        ("start-up: bare QMainWindow shown", bare, "s", "reference, same run"),
        ("start-up: rehabjournal main window shown", app, "s", "Today page, existing journal"),
        ("start-up ratio (rehabjournal / bare)", app / bare, "x", "lower is better"),
    ]
