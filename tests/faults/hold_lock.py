"""Take the journal's lock of DATA_DIR the way the app does and open the journal; print
``HELD PID``; keep both until standard input closes (or a line is read)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from _common import run


def _lock(data_dir: Path):
    try:
        from rehabjournal.store import journal_lock
    except ImportError:  # before the one lock: the app's own (Qt) lock file
        from rehabjournal.ui.app import acquire_lock

        return acquire_lock(data_dir)
    return journal_lock.acquire(data_dir, journal_lock.APP)


def main() -> int:
    from rehabjournal.services import session

    data_dir = Path(sys.argv[1])
    lock = _lock(data_dir)
    try:
        session.open_journal(data_dir)
        print(f"HELD {os.getpid()}", flush=True)
        sys.stdin.readline()
        session.close_journal()
    finally:
        lock.unlock()
    return 0


if __name__ == "__main__":
    run(main)
