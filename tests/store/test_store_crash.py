"""Crash safety: a writer killed with SIGKILL at random moments loses no acknowledged save.

How long a kill-and-reopen cycle takes is a benchmark figure (benchmarks/bench_crash.py),
not an assertion here: a busy machine makes the test slower, never wrong.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from datetime import date, timedelta

import pytest

from rehabjournal.store import db
from rehabjournal.store import models as m

KILLS = 24
START = date(2020, 1, 1)

WRITER = r"""
import sys
from datetime import date, timedelta
from rehabjournal.store.db import open_journal
from rehabjournal.services.journal import save_checkin

open_journal(sys.argv[1])
day = date.fromisoformat(sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    save_checkin(day, {"morning_pain": n % 11, "notes": "x" * (n % 500)})
    # acknowledged only after save_checkin has returned (committed)
    sys.stdout.write(day.isoformat() + "\n")
    sys.stdout.flush()
    day += timedelta(days=1)
    n += 1
"""


def _reader(stream, lines: list[str]) -> None:
    for line in stream:
        lines.append(line.strip())


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_killed_writer_never_loses_an_acknowledged_save(tmp_path):
    data = tmp_path / "data"
    db.open_journal(data)
    db.close_journal()
    rng = random.Random(20260318)
    acknowledged: list[date] = []
    next_day = START
    for kill in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data), next_day.isoformat()],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        lines: list[str] = []
        reader = threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True)
        reader.start()
        # wait for the writer to be going, then kill it at a random moment mid-stream
        ready_by = time.monotonic() + 10
        while not lines and proc.poll() is None and time.monotonic() < ready_by:
            time.sleep(0.005)
        assert lines, f"writer did not start: {proc.stderr.read() if proc.poll() else ''}"
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        reader.join(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL
        acked = [date.fromisoformat(x) for x in lines[1:] if len(x) == 10]
        acknowledged.extend(acked)

        # after every kill: the journal opens, is intact, and holds every acknowledged save
        db.open_journal(data)
        try:
            conn = m.database.obj
            assert conn.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row.day for row in m.CheckIn.select(m.CheckIn.day)}
            missing = [d for d in acknowledged if d not in stored]
            assert not missing, f"kill {kill}: acknowledged saves lost: {missing[:5]}"
            last = max(stored, default=START - timedelta(days=1))
        finally:
            db.close_journal()
        next_day = last + timedelta(days=1)
    assert len(acknowledged) > KILLS  # the kills did land among the writes
