"""Save COUNT check-ins from FIRST_DAY on, printing ``ACK day`` after each commit."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from _common import run


def main() -> int:
    from rehabjournal.services import journal, session

    data_dir, first, count = Path(sys.argv[1]), date.fromisoformat(sys.argv[2]), int(sys.argv[3])
    session.open_journal(data_dir)
    for i in range(count):
        day = first + timedelta(days=i)
        journal.edit_checkin(day, {"morning_pain": i % 11, "stress": (i * 7) % 11,
                                   "notes": f"fault-injection save {i} " + "x" * 200})
        print(f"ACK {day.isoformat()}", flush=True)
    return 0


if __name__ == "__main__":
    run(main)
