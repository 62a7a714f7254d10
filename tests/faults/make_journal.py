"""Make a journal of YEARS years of generated daily data (ending 2025-12-31) in DATA_DIR."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from _common import run


def main() -> int:
    from rehabjournal.services import session
    from rehabjournal.services.demo import generate_history
    from rehabjournal.store.library import sync_shipped_exercises

    data_dir, years = Path(sys.argv[1]), float(sys.argv[2])
    session.open_journal(data_dir)
    sync_shipped_exercises()
    generate_history(years, date(2025, 12, 31))
    return 0


if __name__ == "__main__":
    run(main)
