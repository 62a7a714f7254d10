"""The next start of the app on DATA_DIR, then the journal's state as JSON on stdout.

The start, as ``ui/app.py`` and ``ui/startup.py`` do it without the window: the journal's
lock, opening the journal (with the passphrase when it is encrypted), then
``services.startup.run_startup_work`` (the sweep of what interrupted writes left behind,
the library sync, the day's checked backup, the weekly check).
Printed: {"swept": n, "integrity": "ok", "startup_problem": "", "counts": {table: rows},
"checkin_days": ["YYYY-MM-DD", ...], "encrypted": bool}.
"""

from __future__ import annotations

import argparse
import json
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
    from rehabjournal.services import session, startup

    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--passphrase")
    args = parser.parse_args()
    lock = _lock(args.data_dir)
    try:
        encrypted = session.is_encrypted(args.data_dir)
        session.open_journal(args.data_dir, args.passphrase if encrypted else None)
        done = startup.run_startup_work(args.data_dir)
        return _report(done, encrypted)
    finally:
        session.close_journal()
        lock.unlock()


def _report(done, encrypted: bool) -> int:
    from rehabjournal.store.models import database

    integrity = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    tables = [r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()]
    counts = {t: database.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0]
              for t in tables}
    days = [str(r[0]) for r in database.execute_sql(
        "SELECT day FROM check_in ORDER BY day").fetchall()]
    print(json.dumps({"swept": getattr(done, "leftovers_removed", None),
                      "startup_problem": " ".join(filter(None, (
                          done.problem, getattr(done, "integrity_problem", "")))),
                      "integrity": "; ".join(integrity),
                      "counts": counts, "checkin_days": days, "encrypted": encrypted}))
    return 0


if __name__ == "__main__":
    run(main)
