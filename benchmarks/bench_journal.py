"""Saving a check-in (commit latency) and opening the Journal page on a 10-year journal."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta

from common import history_dir, median_time


def run():
    from rehabjournal.services import journal as js
    from rehabjournal.services.session import close_journal
    from rehabjournal.ui.app import application, open_session

    folder = history_dir(10)
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    application()
    lock, ctx, window = open_session(folder)
    days = iter(range(1, 10_000))

    def save():
        day = date(2030, 1, 1) + timedelta(days=next(days))
        js.save_checkin(day, {"morning_pain": 3, "stiffness_min": 10, "notes": "bench"})

    save_time = median_time(save, repeat=25)

    def open_journal_page():
        from rehabjournal.ui.pages.journal import JournalPage

        page = JournalPage(ctx)
        page.show()
        page.deleteLater()
        return page

    open_time = median_time(open_journal_page, repeat=5)
    page = open_journal_page()
    loaded, total = page.model.rowCount(), page.model.total
    window.close()
    close_journal()
    lock.unlock()
    print(f"journal page loaded {loaded} of {total} rows on open", file=sys.stderr)
    return [
        ("save a check-in (commit, synchronous=FULL)", save_time * 1000, "ms", "budget 20 ms"),
        ("open the Journal page, 10-year journal", open_time, "s",
         f"budget 0.5 s; loads {loaded} of {total} rows"),
    ]
