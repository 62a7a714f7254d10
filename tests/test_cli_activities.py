"""rehabjournal import-activities FILE_OR_FOLDER... [--dry-run] [--no-merge] (issue 20).

The real command in a subprocess, on files written with tests/activity_fixtures.py, in a
time zone two hours east of UTC (TZ), so a run started at 23:30 UTC is on the next day.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from activity_fixtures import gpx_text, write_bytes, write_fit  # noqa: E402
from rehabjournal.services import journal as js  # noqa: E402
from rehabjournal.store import backups  # noqa: E402
from rehabjournal.store import models as m  # noqa: E402
from rehabjournal.store.db import close_journal, journal_path, open_journal  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src"
LATE = datetime(2026, 3, 3, 23, 30, tzinfo=UTC)  # 01:30 on 4 March two hours east
MORNING = datetime(2026, 3, 5, 6, 0, tzinfo=UTC)  # 08:00 on 5 March


@pytest.fixture(autouse=True)
def _closed():
    yield
    close_journal()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen",
           "TZ": "Etc/GMT-2", "LANGUAGE": "en"}
    env.pop("REHABJOURNAL_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "rehabjournal", *args],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A run with a pause and heart rate (FIT), a run without (GPX), a GPX without times."""
    runs = tmp_path / "watch"
    write_fit(runs / "late.fit", LATE, seconds=2700, pauses=[(600, 120)], hr=[140, 150, 160])
    write_bytes(runs / "morning.gpx", gpx_text(MORNING, seconds=1800).encode())
    write_bytes(runs / "route.gpx", gpx_text(None, seconds=1800).encode())
    return runs


@pytest.fixture
def data(tmp_path) -> Path:
    """A data folder holding a journal (as the app makes one)."""
    folder = tmp_path / "data"
    open_journal(folder)
    close_journal()
    return folder


def _sessions(data: Path) -> list[tuple]:
    open_journal(data)
    try:
        return [(s.day, s.kind, s.minutes, s.rpe, s.source, s.start_time, s.avg_hr)
                for s in m.ActivitySession.select().order_by(m.ActivitySession.day)]
    finally:
        close_journal()


def test_a_folder_is_imported_with_each_row_the_refused_files_and_a_summary(data, folder):
    done = run_cli("--data-dir", str(data), "import-activities", str(folder))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "2026-03-04  01:30  run  43 min  7.7 km  add",
        "2026-03-05  08:00  run  30 min  5.4 km  add",
        "Done: 2 added, 0 merged, 0 skipped; 1 file not read.",
    ]
    assert done.stderr.splitlines() == [
        f"rehabjournal: not read: {folder / 'route.gpx'}: the GPX file has no times: a "
        "session needs its start and duration"]
    assert _sessions(data) == [(date(2026, 3, 4), "run", 43, None, "file", time(1, 30), 150),
                               (date(2026, 3, 5), "run", 30, None, "file", time(8, 0), None)]
    assert [b.reason for b in backups.list_backups(data)] == ["pre-import"]

    again = run_cli("--data-dir", str(data), "import-activities", str(folder),
                    str(folder / "late.fit"))
    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    assert [line.split("  ")[-1].split(" on ")[0] for line in lines[:-1]] == [
        "skip: already imported"] * 2
    assert lines[-1] == "Done: 0 added, 0 merged, 2 skipped; 1 file not read."
    assert len(backups.list_backups(data)) == 1  # nothing written: no second copy


def test_dry_run_writes_nothing(data, folder):
    before = journal_path(data).read_bytes()
    done = run_cli("--data-dir", str(data), "import-activities", "--dry-run", str(folder))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == ("Dry run, nothing written: 2 to add, 0 to merge, "
                                            "0 to skip; 1 file not read.")
    assert journal_path(data).read_bytes() == before
    assert _sessions(data) == [] and backups.list_backups(data) == []


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_data_folder_without_a_journal_is_refused_and_none_is_made(tmp_path, folder,
                                                                      dry_run):
    """Review finding 11: an import made a journal without a profile in a mistyped folder
    (exit 0); like the commands that only read, it is refused (exit 4) and nothing made."""
    data = tmp_path / "none"
    empty = tmp_path / "empty"
    empty.mkdir()
    for where in (data, empty):
        done = run_cli("--data-dir", str(where), "import-activities",
                       *(["--dry-run"] if dry_run else []), str(folder))
        assert done.returncode == 4, done.stderr
        assert done.stdout == "" and "Traceback" not in done.stderr
        assert done.stderr.splitlines() == [
            f"rehabjournal: error: There is no journal in {where}: start the app once to make "
            "one (with your profile), or check --data-dir (or $REHABJOURNAL_DATA_DIR). "
            "Nothing was made there."]
    assert not data.exists() and list(empty.iterdir()) == []


def test_paths_that_do_not_exist_are_exit_4_when_none_exists(data, folder):
    """Review finding 11: as README says, 4 is "the file does not exist"; when some path
    exists, the missing ones are listed as files not read."""
    one = run_cli("--data-dir", str(data), "import-activities", str(folder / "gone.fit"))
    assert one.returncode == 4
    assert one.stderr.splitlines() == [
        f"rehabjournal: error: cannot import {folder / 'gone.fit'}: the file or folder does "
        "not exist."]
    two = run_cli("--data-dir", str(data), "import-activities", str(folder / "gone.fit"),
                  str(folder / "gone"))
    assert two.returncode == 4
    assert two.stderr.splitlines() == [
        f"rehabjournal: error: cannot import: none of the 2 files or folders given exists: "
        f"{folder / 'gone.fit'}, {folder / 'gone'}."]
    some = run_cli("--data-dir", str(data), "import-activities", "--dry-run",
                   str(folder / "gone.fit"), str(folder / "late.fit"))
    assert some.returncode == 0, some.stderr
    assert some.stderr.splitlines() == [
        f"rehabjournal: not read: {folder / 'gone.fit'}: the file or folder does not exist"]
    assert _sessions(data) == []


def test_a_hand_typed_duplicate_is_merged_or_skipped_with_no_merge(tmp_path, data):
    open_journal(data)
    typed = js.add_session(date(2026, 3, 5), {"kind": "run", "minutes": 30, "rpe": 5,
                                              "pain_during": 2, "notes": "typed"})
    close_journal()
    gpx = write_bytes(tmp_path / "morning.gpx", gpx_text(MORNING, seconds=1860).encode())

    kept = run_cli("--data-dir", str(data), "import-activities", "--no-merge", str(gpx))
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.splitlines() == [
        "2026-03-05  08:00  run  31 min  5.6 km  skip: not merged: merges into the 30-min "
        "run typed by hand",
        "Done: 0 added, 0 merged, 1 skipped; 0 files not read."]
    assert _sessions(data) == [(date(2026, 3, 5), "run", 30, 5, "", None, None)]

    merged = run_cli("--data-dir", str(data), "import-activities", str(gpx))
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.splitlines()[-1] == "Done: 0 added, 1 merged, 0 skipped; 0 files not read."
    assert _sessions(data) == [(date(2026, 3, 5), "run", 30, 5, "", time(8, 0), None)]
    open_journal(data)
    assert js.get_session(typed)["distance_km"] == pytest.approx(5.58, abs=0.02)  # filled in


def test_no_file_read_is_exit_3_with_every_problem_and_the_journal_unchanged(tmp_path, data,
                                                                           folder):
    before = journal_path(data).read_bytes()
    done = run_cli("--data-dir", str(data), "import-activities", str(folder / "route.gpx"),
                   str(tmp_path / "missing.fit"))
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == ("rehabjournal: error: the file was not imported; the journal is "
                        "unchanged (2 problems):")
    assert sorted(lines[1:]) == sorted([
        f"{folder / 'route.gpx'}: the GPX file has no times: a session needs its start and "
        "duration",
        f"{tmp_path / 'missing.fit'}: the file or folder does not exist"])
    assert journal_path(data).read_bytes() == before


def test_the_command_is_in_the_help(tmp_path):
    done = run_cli("import-activities", "--help")
    assert done.returncode == 0
    assert "--dry-run" in done.stdout and "--no-merge" in done.stdout
    assert "FILE_OR_FOLDER" in done.stdout
    assert "import-activities" in run_cli("--help").stdout


def test_a_csv_export_says_what_it_cannot_carry(tmp_path, data, folder):
    assert run_cli("--data-dir", str(data), "import-activities", str(folder)).returncode == 0
    out = tmp_path / "out.csv"
    done = run_cli("--data-dir", str(data), "export", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        "rehabjournal: warning: 2 sessions from watch or app files have start times, heart "
        "rates or climbs that the CSV has no columns for; export-all keeps them.",
        # review finding 19: a CSV round trip makes unrated sessions typed ones
        "rehabjournal: warning: 2 sessions from files are not rated yet: in the CSV they are "
        "ordinary sessions without effort, no longer linked to their files (a CSV import does "
        "not list them to rate); export-all keeps them as they are."]
    assert out.read_text(encoding="utf-8").count(",run,") == 2  # the sessions themselves
    open_journal(data)
    try:
        first = m.ActivitySession.select().order_by(m.ActivitySession.day).get()
        js.edit_session(first.id, {"rpe": 4})
    finally:
        close_journal()
    again = run_cli("--data-dir", str(data), "export", str(out))
    assert again.stderr.splitlines()[1].startswith(
        "rehabjournal: warning: 1 session from a file is not rated yet: in the CSV it is an "
        "ordinary session without effort, no longer linked to its file")


def test_a_dry_run_reads_while_the_app_holds_the_journal_and_an_import_waits(data, folder):
    from rehabjournal.services import session

    lock = session.lock_journal(data, "rehabjournal (the app)")
    try:
        dry = run_cli("--data-dir", str(data), "import-activities", "--dry-run", str(folder))
        assert dry.returncode == 0, dry.stderr
        assert dry.stdout.splitlines()[-1].startswith("Dry run, nothing written: 2 to add")
        busy = run_cli("--data-dir", str(data), "import-activities", str(folder))
        assert busy.returncode == 5 and "is in use by rehabjournal (the app)" in busy.stderr
    finally:
        lock.release()
    assert _sessions(data) == []
