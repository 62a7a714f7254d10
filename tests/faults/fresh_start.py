"""The next start of the app on DATA_DIR, then the journal's state as JSON on stdout.

The start: the sweep of what interrupted writes left behind, opening the journal (with a
passphrase when it is encrypted) and the start-up work (library sync, the day's backup).
Printed: {"swept": [names], "integrity": "ok", "counts": {table: rows},
"checkin_days": ["YYYY-MM-DD", ...], "encrypted": bool}.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _common import run


def main() -> int:
    from rehabjournal.services import session, startup
    from rehabjournal.store import safe_write
    from rehabjournal.store.models import database

    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--passphrase")
    args = parser.parse_args()
    swept = safe_write.sweep_leftovers(args.data_dir)
    encrypted = session.is_encrypted(args.data_dir)
    session.open_journal(args.data_dir, args.passphrase if encrypted else None)
    startup.run_startup_work(args.data_dir)
    integrity = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    tables = [r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()]
    counts = {t: database.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0]
              for t in tables}
    days = [str(r[0]) for r in database.execute_sql(
        "SELECT day FROM check_in ORDER BY day").fetchall()]
    print(json.dumps({"swept": [p.name for p in swept], "integrity": "; ".join(integrity),
                      "counts": counts, "checkin_days": days, "encrypted": encrypted}))
    return 0


if __name__ == "__main__":
    run(main)
