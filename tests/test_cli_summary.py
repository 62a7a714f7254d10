"""The headless ``summary`` command: text, JSON, exit codes, and the same numbers as the PDF."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from rehabjournal.cli import main

J1 = Path(__file__).parent / "fixtures" / "j1.csv"
PERIOD = ["--from", "2026-02-25", "--to", "2026-03-24"]


@pytest.fixture(scope="module")
def j1_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-j1")
    assert main(["--data-dir", str(folder), "import", str(J1)]) == 0
    return folder


def summary_of(folder, capsys, *args) -> dict:
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "summary", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def pdf_lines(path) -> list[str]:
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_json_for_a_period_starting_mid_week(j1_dir, capsys):
    data = summary_of(j1_dir, capsys, *PERIOD)
    weeks = {w["week_start"]: w for w in data["weeks"]}
    assert weeks["2026-02-23"]["status"] == "completed"
    assert weeks["2026-02-23"]["load_au"] == 1117
    assert weeks["2026-03-02"]["load_au"] == 2404
    assert round(weeks["2026-03-02"]["change_pct"], 1) == 115.2


def test_text_output(j1_dir, capsys):
    capsys.readouterr()
    assert main(["--data-dir", str(j1_dir), "summary", *PERIOD]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Summary 2026-02-25 to 2026-03-24 (28 days)")
    assert "+115.2 %" in out and "completed from outside the period" in out
    assert "2 points, or 30 % when the first value is 4/10 or more" in out
    assert "population SD" in out


def test_summary_numbers_equal_the_pdfs(j1_dir, tmp_path, capsys):
    data = summary_of(j1_dir, capsys, *PERIOD)
    out = tmp_path / "r.pdf"
    assert main(["--data-dir", str(j1_dir), "report", *PERIOD, "--out", str(out)]) == 0
    lines = pdf_lines(out)

    # the weekly table: one row per calendar week, in the JSON's order
    at = lines.index("Week by week")
    table = lines[at:]
    for w in data["weeks"]:
        day = date.fromisoformat(w["week_start"])
        i = table.index(f"{day.day} {day.strftime('%b')}")
        cells = [c for c in table[i + 1:i + 14] if c[0] in "+-0123456789"][:9]
        change = "-" if w["change_pct"] is None else f"{w['change_pct']:+.1f} %"
        monotony = "-" if w["monotony"] is None else f"{w['monotony']:.2f}"
        strain = "-" if w["strain"] is None else f"{w['strain']:.0f}"
        morning = "-" if w["morning_pain_mean"] is None else f"{w['morning_pain_mean']:.1f}"
        assert cells[:8] == [str(w["days_counted"]), str(w["sessions"]), str(w["minutes"]),
                             f"{w['load_au']:.0f}", change, monotony, strain, morning]

    # page one: the headline comparison of the same first and last week
    measures = {m["key"]: m for m in data["comparison"]["measures"]}
    for key, label in (("morning_pain", "Morning pain (mean, 0-10)"),
                       ("pain_after", "Pain after sessions (mean, 0-10)")):
        m = measures[key]
        i = lines.index(label)
        assert lines[i + 1:i + 5] == [f"{m['period']:.1f}", f"{m['first']:.1f}",
                                      f"{m['last']:.1f}", f"{m['change']:+.1f}"]
        assert lines[i + 5] == ("No" if not m["important"] else lines[i + 5])
    load = measures["load"]
    i = lines.index("Training load (RPE x min)")
    assert lines[i + 1:i + 5] == [f"{load['period']:.0f} AU", f"{load['first']:.0f}",
                                  f"{load['last']:.0f}", f"{load['change']:+.0f} AU"]
    trend = " → ".join(f"{w['load_au']:.0f}" for w in data["weeks"])
    assert trend in " ".join(lines)


def test_default_period_is_the_last_four_weeks(j1_dir, capsys):
    data = summary_of(j1_dir, capsys)
    end = date(2026, 3, 29)
    assert data["period"] == {"start": (end - timedelta(days=27)).isoformat(),
                              "end": end.isoformat(), "days": 28}


def test_an_empty_period_says_so(j1_dir, capsys):
    capsys.readouterr()
    code = main(["--data-dir", str(j1_dir), "summary", "--from", "2020-01-01",
                 "--to", "2020-01-31", "--json"])
    captured = capsys.readouterr()
    assert code == 0 and json.loads(captured.out)["empty"] is True
    assert "no entries" in captured.err


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-02-30"], "--from '2026-02-30' is not a date"),
    (["--to", "yesterday"], "--to 'yesterday' is not a date"),
    (["--from", "2026-03-10", "--to", "2026-03-01"], "--to 2026-03-01 is before --from"),
])
def test_bad_input_exits_2(j1_dir, capsys, args, message):
    assert main(["--data-dir", str(j1_dir), "summary", *args]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_a_journal_that_cannot_be_read_exits_1(tmp_path, capsys):
    folder = tmp_path / "damaged"
    folder.mkdir()
    (folder / "journal.sqlite").write_bytes(b"this is not a database" * 100)
    assert main(["--data-dir", str(folder), "summary"]) == 1
    assert "rehabjournal: error:" in capsys.readouterr().err


def test_demo_option(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    capsys.readouterr()
    assert main(["summary", "--demo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not data["empty"] and data["weeks"]
