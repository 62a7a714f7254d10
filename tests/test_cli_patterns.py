"""The headless ``patterns`` command: JSON (docs/patterns.md), text, exit codes."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from rehabjournal.cli import main
from rehabjournal.errors import EXIT_NOT_FOUND, EXIT_VALIDATION

START = date(2026, 1, 5)  # a Monday
PERIOD = ["--from", "2026-01-05", "--to", "2026-03-05"]


@pytest.fixture(scope="module")
def planted_dir(tmp_path_factory):
    """60 days: a 5-hour night every 8 days and a morning 3 points up two days later."""
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal

    folder = tmp_path_factory.mktemp("cli-patterns")
    open_journal(folder)
    try:
        short = {10, 18, 26, 34, 42, 50}
        flares = {i + 2 for i in short} | {30}
        for i in range(60):
            js.save_checkin(START + timedelta(days=i),
                            {"morning_pain": 5 if i in flares else 2,
                             "sleep_hours": 5.0 if i in short else 7.5})
    finally:
        close_journal()
    return folder


def patterns_json(folder, capsys, *args) -> dict:
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "patterns", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json(planted_dir, capsys):
    data = patterns_json(planted_dir, capsys, *PERIOD)
    assert (data["from"], data["to"], data["q"], data["flare_rise"]) == (
        "2026-01-05", "2026-03-05", 0.1, 2)
    assert data["comparisons"] == 2  # sleep at lags 1 and 2 (nothing else was recorded)
    (f,) = data["findings"]
    assert (f["factor"], f["label"], f["lag"]) == ("short_sleep", "Sleep under 6 h", 2)
    # 50 days could start a flare: 3-59 (no baseline before) less the 7 days after one
    assert f["counts"] == {"a": 6, "b": 0, "c": 1, "d": 43}
    assert f["p"] < f["p_adjusted"] <= 0.1
    assert f["ci"][0] < f["risk_ratio"] < f["ci"][1]
    assert f["text"].startswith("Flares began more often 2 days after a night under 6 h")
    assert data["summary"].startswith("1 of 2 comparisons stood out")
    assert len(data["flares"]) == 7 and data["more_days_needed"] is None
    assert {u["factor"] for u in data["untested"]} >= {"stress", "load_high", "short_sleep"}


def test_text(planted_dir, capsys):
    capsys.readouterr()
    assert main(["--data-dir", str(planted_dir), "patterns", *PERIOD]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Patterns 2026-01-05 to 2026-03-05 (60 days)")
    assert "- Flares began more often 2 days after a night under 6 h of sleep" in out
    assert "not proof that one caused the other" in out


def test_without_dates_the_last_12_weeks(planted_dir, capsys):
    data = patterns_json(planted_dir, capsys)
    assert (data["from"], data["to"]) == ("2025-12-12", "2026-03-05")


def test_a_short_period_says_too_little_data(planted_dir, capsys):
    data = patterns_json(planted_dir, capsys, "--from", "2026-01-05", "--to", "2026-01-25")
    assert data["comparisons"] == 0 and data["findings"] == []
    assert data["summary"].startswith("Too little data to test anything yet")
    assert isinstance(data["more_days_needed"], int)


def test_bad_arguments(planted_dir, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--data-dir", str(planted_dir), "patterns", "--from", "5 Jan"]) \
        == EXIT_VALIDATION
    assert "is not a date" in capsys.readouterr().err
    assert main(["--data-dir", str(planted_dir), "patterns", "--from", "2026-02-01",
                 "--to", "2026-01-01"]) == EXIT_VALIDATION
    assert main(["--data-dir", str(tmp_path / "none"), "patterns"]) == EXIT_NOT_FOUND
    assert not (tmp_path / "none").exists()


def test_listed_in_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "patterns" in capsys.readouterr().out
