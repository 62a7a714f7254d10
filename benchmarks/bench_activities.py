"""Reading and importing a 300-file folder of activity files (issue 20: under 10 s here).

The folder is what a few years of a runner's watch and apps leave: 240 FIT files of 30-90
minutes recorded every second (~12 record fields: time, position, distance, altitude,
speed, heart rate, cadence, power, temperature ...; some with pauses, some rides), 30 GPX
and 30 TCX files of 45-75 minutes every second, in year subfolders. fit-tool takes ~0.6 s
a minute of 1-s recording to write a FIT file, so five FIT templates are written once and
each file is a template with every date_time moved (``activity_fixtures.shift_fit``, CRCs
recomputed): every file differs and stays a valid FIT file. The folder is kept in the
temporary folder under ``FOLDER_VERSION`` (change it when the mix changes).

Rows: ``read_paths`` alone (worker processes as shipped, and in this process only), and,
when the use cases are there, ``services.activities.preview`` + ``import_activities`` into
a fresh journal (backup copy included), each the median of a few runs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # activity_fixtures: the tests' file writers

FOLDER_VERSION = "1"
FIT_FILES, GPX_FILES, TCX_FILES = 240, 30, 30
FIRST = datetime(2023, 1, 2, 6, 30, tzinfo=UTC)


def activity_folder() -> Path:
    """The 300-file folder (made once, kept in the temporary folder)."""
    root = Path(tempfile.gettempdir()) / f"rehabjournal-bench-activities-v{FOLDER_VERSION}"
    if (root / ".complete").exists():
        return root
    from activity_fixtures import (
        Lap,
        Leg,
        TcxActivity,
        fit_bytes,
        gpx_text,
        shift_fit,
        tcx_text,
        write_bytes,
    )

    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    hr = [128 + (i * 7) % 41 for i in range(97)]  # 128-168 bpm, irregular
    templates = [
        fit_bytes(FIRST, legs=[Leg("running", "generic", 30 * 60, hr=hr, climb=40)], step=1,
                  extra_fields=True),
        fit_bytes(FIRST, legs=[Leg("running", "trail", 45 * 60, pauses=[(1200, 90)], hr=hr,
                                   climb=180)], step=1, extra_fields=True),
        fit_bytes(FIRST, legs=[Leg("running", "generic", 60 * 60, pauses=[(1800, 240)], hr=hr,
                                   climb=60)], step=1, extra_fields=True),
        fit_bytes(FIRST, legs=[Leg("cycling", "road", 75 * 60, hr=hr, speed=8.0, climb=350)],
                  step=1, extra_fields=True),
        fit_bytes(FIRST, legs=[Leg("cycling", "generic", 90 * 60, pauses=[(3000, 300)], hr=hr,
                                   speed=7.0, climb=500)], step=1, extra_fields=True),
    ]
    day = 0

    def when() -> datetime:
        return FIRST + timedelta(days=day * 3, minutes=day % 180)

    for i in range(FIT_FILES):
        day += 1
        moment = when()
        shift = int((moment - FIRST).total_seconds())
        write_bytes(root / f"{moment.year}" / f"{moment:%Y-%m-%d-%H%M%S}.fit",
                    shift_fit(templates[i % len(templates)], shift))
    for i in range(GPX_FILES):
        day += 1
        moment = when()
        text = gpx_text(moment, "running", seconds=(45 + i % 31) * 60, step=1, hr=hr,
                        climb=50, pauses=[(900, 60)] if i % 3 == 0 else ())
        write_bytes(root / f"{moment.year}" / f"{moment:%Y-%m-%d-%H%M%S}.gpx", text.encode())
    for i in range(TCX_FILES):
        day += 1
        moment = when()
        minutes = 45 + i % 31
        laps = [Lap(minutes * 20, minutes * 60.0, hr, climb=20, pause=60 if k == 0 else 0)
                for k in range(3)]
        text = tcx_text(moment, [TcxActivity("Running", laps)], step=1)
        write_bytes(root / f"{moment.year}" / f"{moment:%Y-%m-%d-%H%M%S}.tcx", text.encode())
    (root / ".complete").write_text(f"made in {time.perf_counter() - started:.1f} s\n")
    return root


def _median(fn, repeat: int = 3) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run():
    from rehabjournal.store import activity_files as af

    folder = activity_folder()
    files = af.activity_file_paths(folder)
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    machine = f"{os.cpu_count()} cores"
    pooled, (found, problems) = _median(lambda: af.read_paths([folder]))
    assert not problems, problems[:3]
    saved = af.POOL_MIN_UNITS
    af.POOL_MIN_UNITS = 10**9
    try:
        alone, _ = _median(lambda: af.read_paths([folder]))
    finally:
        af.POOL_MIN_UNITS = saved
    print(f"activity folder: {len(files)} files, {size_mb:.0f} MB, {len(found)} activities "
          f"({folder})", file=sys.stderr)
    rows = [
        (f"read {len(files)} activity files (read_paths, {af._worker_count()} workers)", pooled,
         "s", f"< 10 s (issue 20); {size_mb:.0f} MB on {machine}"),
        (f"read {len(files)} activity files in one process", alone, "s",
         f"for comparison (a batch under {af.POOL_MIN_COST_MS} ms of work is read so)"),
    ]
    for suffix, what in ((".fit", "FIT 30-90 min, 1-s records"),
                         (".gpx", "GPX 45-75 min, 1-s points (gpxpy)"),
                         (".tcx", "TCX 45-75 min, 1-s points")):
        chosen = [p for p in files if p.suffix == suffix]
        each, _ = _median(lambda chosen=chosen: [af._read_unit(af._Unit(str(p)))
                                                 for p in chosen])
        rows.append((f"read one {what}", each / len(chosen) * 1000, "ms",
                     f"mean of {len(chosen)} files, one process"))
    fits = [p for p in files if p.suffix == ".fit"][:10]
    full, _ = _median(lambda: [af._fit_messages(p.read_bytes(), frozenset({"session"}))
                               for p in fits])
    rows.append(("decode one FIT 30-90 min whole with fitdecode", full / len(fits) * 1000, "ms",
                 "what the framing walk saves; mean of 10 files"))
    whole = _preview_and_import(folder)
    if whole is not None:
        rows.append((f"preview + import {len(files)} files into a new journal", whole[0], "s",
                     f"< 10 s (issue 20); {whole[1]} sessions added, backup first"))
    return rows


def _preview_and_import(folder: Path) -> tuple[float, int] | None:
    """Median time of preview + import into a fresh journal, or None before the use cases
    exist."""
    from rehabjournal.services import activities
    from rehabjournal.services.session import close_journal, open_journal

    times = []
    added = 0
    for _ in range(3):
        data = Path(tempfile.mkdtemp(prefix="rehabjournal-bench-import-"))
        open_journal(data)
        try:
            start = time.perf_counter()
            try:
                batch = activities.preview([folder])
                edit = activities.import_activities(batch)
            except NotImplementedError:
                return None
            times.append(time.perf_counter() - start)
            result = getattr(edit, "result", None)
            added = getattr(result, "added", batch.to_add)
        finally:
            close_journal()
            shutil.rmtree(data, ignore_errors=True)
    return statistics.median(times), added


if __name__ == "__main__":
    for row in run():
        print(row)
