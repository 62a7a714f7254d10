"""Helpers for the benchmarks: median timing, subprocess timing, a generated journal."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def median_time(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_script(code: str, repeat: int = 5, env: dict | None = None) -> float:
    """Median wall time of running ``code`` in a fresh interpreter."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def history_dir(years: float = 10, end: date = date(2026, 11, 20)) -> Path:
    """A data folder holding a generated ``years``-long journal (closed again)."""
    from rehabjournal.services.demo import generate_history
    from rehabjournal.services.session import close_journal, open_journal
    from rehabjournal.services.startup import run_startup_work

    folder = Path(tempfile.mkdtemp(prefix="rehabjournal-bench-"))
    open_journal(folder)
    run_startup_work(folder)  # the library, and the day's backup copy, as at a first start
    from rehabjournal.services import journal as js

    js.save_profile({"name": "Bench Mark", "joint": "knee", "side": "left"})
    generate_history(years, end)
    close_journal()
    return folder
