"""Screenshots of Today, Programme and Preferences on the demo journal (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screens.py OUTDIR

Used to compare the look of pages before and after a refactor.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(out: str) -> int:
    from PySide6.QtWidgets import QApplication

    from rehabjournal.services.demo import make_demo_dir
    from rehabjournal.store.db import close_journal
    from rehabjournal.ui.app import application, open_session

    outdir = Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    application()
    data = make_demo_dir()
    close_journal()
    lock, ctx, window = open_session(data, demo=True)
    window.resize(1300, 900)
    window.show()
    app = QApplication.instance()
    for _ in range(20):
        app.processEvents()
    for key in ("today", "programme"):
        window.show_page(key)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(outdir / f"{key}.png"))
    from rehabjournal.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(ctx, window)
    dialog.show()
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(outdir / "preferences.png"))
    dialog.close()
    window.close()
    lock.unlock()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
