"""The import and export sub-commands (rehabjournal import / export)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from rehabjournal import cli
from rehabjournal.services import journal as svc
from rehabjournal.store.csv_io import COLUMNS
from rehabjournal.store.db import close_journal, open_journal

SRC = Path(__file__).resolve().parents[1] / "src"
GOOD = (
    "date,morning_pain,activity,duration_min,rpe,red_flags,notes\n"
    "2026-03-02,3,run,30,5,,first day\n"
    "2026-03-02,,walk,20,2,cannot_slr,\n"
    "2026-03-03,2,,,,,\n"
)
BAD = (
    "date,morning_pain,activity,duration_min,rpe\n"
    "2026-03-02,11,run,30,5\n"
    "2026-03-03,2,walk,-1,12\n"
)


@pytest.fixture(autouse=True)
def _closed():
    yield
    close_journal()


def run_module(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("REHABJOURNAL_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "rehabjournal", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


def test_import_via_python_m(tmp_path):
    f = tmp_path / "good.csv"
    f.write_text(GOOD, encoding="utf-8")
    data = tmp_path / "data"
    result = run_module("--data-dir", str(data), "import", str(f))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Imported {f}: 2 days: 2 sessions added")
    assert "1 red flag added" in lines[0]
    open_journal(data)
    assert [s["kind"] for s in svc.list_sessions(date(2026, 3, 2))] == ["run", "walk"]
    assert svc.red_flags(date(2026, 3, 2)) == {"cannot_slr"}


def test_bad_file_exits_3_with_each_problem_on_stderr(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text(BAD, encoding="utf-8")
    data = tmp_path / "data"
    result = run_module("--data-dir", str(data), "import", str(f))
    assert result.returncode == 3  # an import error
    assert result.stdout == ""
    err = result.stderr.splitlines()
    assert err[0] == (f"rehabjournal: error: {f} was not imported; the journal is unchanged "
                      "(3 problems):")
    assert err[1].startswith("line 2, column morning_pain: ")
    assert err[2].startswith("line 3, column duration_min: ")
    assert err[3].startswith("line 3, column rpe: ")
    open_journal(data)
    assert svc.get_checkin(date(2026, 3, 3)) is None


def test_data_dir_after_the_command_and_a_second_import(tmp_path, capsys):
    f = tmp_path / "good.csv"
    f.write_text(GOOD, encoding="utf-8")
    data = tmp_path / "data"
    assert cli.main(["import", str(f), "--data-dir", str(data)]) == 0
    assert "2 sessions added" in capsys.readouterr().out
    assert (data / "journal.sqlite").exists()
    assert cli.main(["--data-dir", str(data), "import", str(f)]) == 0
    out = capsys.readouterr().out
    assert "0 sessions added, 2 already in the journal, 0 check-ins written" in out


def test_unknown_column_warns_on_stderr(tmp_path, capsys):
    f = tmp_path / "w.csv"
    f.write_text("date,morning_pain,mood\n2026-03-02,2,ok\n", encoding="utf-8")
    assert cli.main(["--data-dir", str(tmp_path / "d"), "import", str(f)]) == 0
    captured = capsys.readouterr()
    assert "warning: line 1, column mood: unknown column, ignored" in captured.err
    assert captured.out.startswith("Imported")


def test_missing_file(tmp_path, capsys):
    code = cli.main(["--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "nope.csv")])
    assert code == 4  # not found
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


def test_export_via_cli(tmp_path, capsys):
    data = tmp_path / "data"
    open_journal(data)
    svc.save_checkin(date(2026, 3, 2), {"morning_pain": 4, "sleep_hours": 6.5})
    svc.add_session(date(2026, 3, 2), {"kind": "run", "minutes": 30, "rpe": 6})
    close_journal()
    out = tmp_path / "out.csv"
    assert cli.main(["export", str(out), "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.strip() == f"Exported 1 row to {out}."
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1].startswith("2026-03-02,4,,,6.5,run,30,6,")


def test_export_into_a_missing_folder(tmp_path, capsys):
    code = cli.main(["--data-dir", str(tmp_path / "d"), "export",
                     str(tmp_path / "no" / "such" / "x.csv")])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err


def test_export_then_import_via_python_m(tmp_path):
    data = tmp_path / "data"
    open_journal(data)
    svc.save_checkin(date(2026, 3, 2), {"morning_pain": 1, "notes": "Привет, κόσμε 🦵"})
    close_journal()
    out = tmp_path / "x.csv"
    assert run_module("--data-dir", str(data), "export", str(out)).returncode == 0
    result = run_module("import", str(out), "--data-dir", str(tmp_path / "copy"))
    assert result.returncode == 0, result.stderr
    open_journal(tmp_path / "copy")
    assert svc.get_checkin(date(2026, 3, 2))["notes"] == "Привет, κόσμε 🦵"
