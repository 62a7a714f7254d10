"""The programme calendar (.ics) of the largest programme a file can describe.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_calendar.py

100 phases of 104 weeks from 1901-01-07, every phase a copy of a shipped template's phase
(2 to 6 exercises a day, daily and Mon-Sat schedules): 67,600 events until the journal's last
day, 2100-12-31, a 36 MB file. ``run()`` returns (name, seconds, "s", budget note) rows:
    * "Calendar (.ics)..." as the app runs it (``services.programme.export_calendar``: the
      text, then the file written safely), budget 3 s;
    * the text alone (``programme_io.calendar_text``), for information.
The same export took 22 s before commit 7e657fb (one query and a slow fold per day).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from common import median_time

START = "1901-01-07"


def _huge_programme(folder: Path) -> int:
    from rehabjournal.store import programme_io as io
    from rehabjournal.store.library import create_programme_from_template

    template = create_programme_from_template("calm-then-build", date(2026, 3, 2))
    doc = io.export_programme(template)
    shipped = doc["programme"]["phases"]
    phases = []
    for n in range(100):
        phase = json.loads(json.dumps(shipped[n % len(shipped)]))
        phase.update(name=f"Phase {n + 1}", weeks=104)
        phases.append(phase)
    doc["programme"].update(name="Largest programme", start_date=START, phases=phases)
    path = folder / "largest.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return io.import_programme_file(path)


def run():
    from rehabjournal.services import programme as ps
    from rehabjournal.services.session import close_journal, open_journal
    from rehabjournal.store import programme_io as io
    from rehabjournal.store.library import sync_shipped_exercises

    folder = Path(tempfile.mkdtemp(prefix="rehabjournal-bench-calendar-"))
    try:
        open_journal(folder / "data")
        sync_shipped_exercises()
        programme = _huge_programme(folder)
        ics = folder / "largest.ics"
        counts = []

        def export():
            counts.append(ps.export_calendar(programme, ics))

        export_time = median_time(export, repeat=3)
        text_time = median_time(lambda: io.calendar_text(programme), repeat=3)
        size = ics.stat().st_size
        close_journal()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"calendar: {counts[-1]} events, {size / 1e6:.1f} MB", file=sys.stderr)
    return [
        (f"calendar export, 100 phases x 104 weeks ({counts[-1]} events)", export_time, "s",
         f"budget 3 s (was 22 s); {size / 1e6:.0f} MB file"),
        ("calendar text alone, same programme", text_time, "s", "for information"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
