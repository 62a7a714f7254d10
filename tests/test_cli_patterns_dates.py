"""Every command with ``--from``/``--to`` refuses dates outside 1900-01-01..2100-12-31 with exit 2
and a message naming the option (they used to crash with OverflowError near year 1 or 9999)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehabjournal.cli import main
from rehabjournal.errors import EXIT_OK, EXIT_VALIDATION

J1 = Path(__file__).parent / "fixtures" / "j1.csv"
RANGE = "dates from 1900-01-01 to 2100-12-31"


@pytest.fixture(scope="module")
def j1_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-dates")
    assert main(["--data-dir", str(folder), "import", str(J1)]) == 0
    return folder


def run(folder, capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(folder), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


CASES = [
    (["--to", "0001-01-05"], "--to 0001-01-05 is too early"),
    (["--from", "9999-12-01"], "--from 9999-12-01 is too late"),
    (["--from", "0001-01-01", "--to", "0001-02-01"], "--from 0001-01-01 is too early"),
    (["--from", "9999-11-01", "--to", "9999-12-31"], "--from 9999-11-01 is too late"),
    (["--from", "2026-01-01", "--to", "9999-12-31"], "--to 9999-12-31 is too late"),
    (["--from", "1899-12-31", "--to", "2026-01-01"], "--from 1899-12-31 is too early"),
]


@pytest.mark.parametrize("dates,message", CASES)
def test_patterns_refuses_extreme_dates(j1_dir, capsys, dates, message):
    code, out, err = run(j1_dir, capsys, "patterns", *dates)
    assert code == EXIT_VALIDATION and out == ""
    assert f"rehabjournal: error: {message}: {RANGE}." in err
    assert "Traceback" not in err


@pytest.mark.parametrize("dates,message", CASES)
def test_summary_refuses_extreme_dates(j1_dir, capsys, dates, message):
    code, out, err = run(j1_dir, capsys, "summary", *dates, "--json")
    assert code == EXIT_VALIDATION and out == ""
    assert f"{message}: {RANGE}." in err


@pytest.mark.parametrize("dates,message", CASES)
def test_report_refuses_extreme_dates_and_writes_nothing(j1_dir, capsys, tmp_path, dates,
                                                         message):
    out_pdf = tmp_path / "r.pdf"
    code, _, err = run(j1_dir, capsys, "report", *dates, "--sections", "patterns",
                       "--out", str(out_pdf))
    assert code == EXIT_VALIDATION and not out_pdf.exists()
    assert f"{message}: {RANGE}." in err


@pytest.mark.parametrize("command", ["patterns", "summary"])
@pytest.mark.parametrize("dates", [["--to", "1900-01-01"], ["--from", "2100-12-31"],
                                   ["--from", "1900-01-01", "--to", "1900-02-01"],
                                   ["--from", "2100-11-01", "--to", "2100-12-31"]])
def test_the_bounds_themselves_work(j1_dir, capsys, command, dates):
    code, _, err = run(j1_dir, capsys, command, *dates)
    assert code == EXIT_OK and "Traceback" not in err


def test_report_at_the_bounds_with_patterns(j1_dir, capsys, tmp_path):
    for dates in (["--to", "1900-01-01"], ["--from", "2100-12-01", "--to", "2100-12-31"]):
        out_pdf = tmp_path / "r.pdf"
        code, _, _ = run(j1_dir, capsys, "report", *dates, "--sections", "patterns,charts",
                         "--out", str(out_pdf))
        assert code == EXIT_OK and out_pdf.stat().st_size > 0


def test_the_command_line_accepts_the_dates_the_journal_accepts():
    """One validation: --from/--to take exactly the journal's dates (domain.validation)."""
    from rehabjournal import commands
    from rehabjournal.domain import validation

    assert (commands.EARLIEST_DATE, commands.LATEST_DATE) == (validation.EARLIEST_DAY,
                                                              validation.LATEST_DAY)
