"""A journal that holds dates outside 1900-01-01..2100-12-31 (an older version's import let
9999-12-31 and 0001-01-01 in; issue 17, "Extreme dates") still works with every command:
no traceback, and the commands that read it finish (issue 17 review 2: `export` and `fhir`
ended in OverflowError at the day after 9999-12-31 or before 0001-01-01)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from rehabjournal import cli

from .test_cli_paths import CASES, demo_journal  # noqa: F401 - a fixture

EXTREMES = ("9999-12-31", "0001-01-01")


def _date_columns(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, column) of every column that holds ISO dates in the demo journal."""
    found = []
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                       "AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        for _cid, column, *_rest in db.execute(f'PRAGMA table_info("{table}")'):
            value = db.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" '
                               "GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' LIMIT 1"
                               ).fetchone()
            if value:
                found.append((table, column))
    return found


@pytest.fixture(scope="module")
def extreme_journal(demo_journal, tmp_path_factory):  # noqa: F811
    data, inputs = demo_journal
    copy = tmp_path_factory.mktemp("extreme") / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("backups"))
    with sqlite3.connect(copy / "journal.sqlite") as db:
        columns = _date_columns(db)
        assert ("check_in", "day") in columns and ("activity_session", "day") in columns
        for table, column in columns:
            for day, order in zip(EXTREMES, ("DESC", "ASC"), strict=True):
                # the latest row goes to 9999-12-31, the earliest to 0001-01-01 (unique days
                # stay unique); a date with a time keeps its time
                db.execute(f'UPDATE OR IGNORE "{table}" SET "{column}" = ? || '
                           f'substr("{column}", 11) WHERE rowid = (SELECT rowid FROM '
                           f'"{table}" WHERE "{column}" IS NOT NULL ORDER BY "{column}" '
                           f"{order} LIMIT 1)", (day,))
    return copy, inputs, columns


READING = [name for name in CASES if name not in ("import", "import-all", "programme import")]


@pytest.mark.parametrize("name", READING)
def test_every_command_copes_with_dates_outside_the_range(extreme_journal, tmp_path,
                                                          monkeypatch, capsys, name):
    data, inputs, _columns = extreme_journal
    work = tmp_path / "data"
    shutil.copytree(data, work)
    monkeypatch.chdir(tmp_path)
    for activity in inputs.glob("*.gpx"):  # import-activities reads one from here
        shutil.copy(activity, tmp_path / activity.name)
    argv, out = CASES[name]
    code = cli.main(["--data-dir", str(work), *argv])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error:" not in err.split(":", 1)[0], err
    assert code == 0, err
    if out:
        assert (tmp_path / out).stat().st_size > 0
