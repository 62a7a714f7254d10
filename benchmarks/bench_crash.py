"""The kill-and-reopen cycle of tests/store/test_store_crash.py, timed.

The test proves that no acknowledged save is lost when a writer is killed; how long one
cycle takes (a writer process started until its first committed save, then the journal
reopened and checked after a SIGKILL) is this figure, not an assertion in the test.
"""

from __future__ import annotations

import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WRITER = r"""
import sys
from datetime import date, timedelta
from rehabjournal.services.journal import save_checkin
from rehabjournal.services.session import open_journal

open_journal(sys.argv[1])
day = date(2020, 1, 1)
while True:
    save_checkin(day, {"morning_pain": 3})
    sys.stdout.write("saved\n")
    sys.stdout.flush()
    day += timedelta(days=1)
"""
CYCLES = 7


def run():
    if not hasattr(signal, "SIGKILL"):
        return [("kill-and-reopen cycle", float("nan"), "s", "needs POSIX SIGKILL")]
    from rehabjournal.services.session import close_journal, open_journal
    from rehabjournal.store.models import database

    data = Path(tempfile.mkdtemp(prefix="rehabjournal-bench-crash-")) / "data"
    open_journal(data)
    close_journal()
    first_save, reopen = [], []
    for _ in range(CYCLES):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data)],
                                stdout=subprocess.PIPE, text=True)
        proc.stdout.readline()
        first_save.append(time.perf_counter() - start)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
        start = time.perf_counter()
        open_journal(data)
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        close_journal()
        reopen.append(time.perf_counter() - start)
    return [
        ("crash test: writer started to first committed save", statistics.median(first_save),
         "s", f"median of {CYCLES}; the test runs 24 cycles"),
        ("crash test: reopen + integrity_check after SIGKILL", statistics.median(reopen) * 1000,
         "ms", f"median of {CYCLES}"),
    ]
