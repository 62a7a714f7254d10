"""Restore the backup copy BACKUP into the journal of DATA_DIR (File > Restore)."""

from __future__ import annotations

import sys
from pathlib import Path

from _common import run


def main() -> int:
    from rehabjournal.services import backups, session

    data_dir, backup = Path(sys.argv[1]), Path(sys.argv[2])
    session.open_journal(data_dir)
    backups.restore_backup(data_dir, backup)
    print(f"Restored {backup.name}.")
    return 0


if __name__ == "__main__":
    run(main)
