"""Headless data-safety commands: export-all, import-all, backup, fhir."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rehabjournal import cli
from rehabjournal.services import journal as js
from rehabjournal.store import backups
from rehabjournal.store.db import close_journal, open_journal


@pytest.fixture(autouse=True)
def _closed():
    yield
    close_journal()


@pytest.fixture
def source(tmp_path):
    data = tmp_path / "source"
    open_journal(data)
    js.save_profile({"name": "Ana Ruiz", "joint": "knee", "side": "right"})
    js.add_site("knee", "right", "", primary=True)
    js.save_checkin(date(2026, 3, 1), {"morning_pain": 4})
    js.add_session(date(2026, 3, 1), {"kind": "run", "minutes": 20, "pain_during": 3})
    close_journal()
    return data


def test_export_all_then_import_all(source, tmp_path, capsys):
    out = tmp_path / "all.json"
    assert cli.main(["--data-dir", str(source), "export-all", str(out)]) == 0
    assert "Exported" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["tables"]["check_in"][0]["day"] == \
        "2026-03-01"
    target = tmp_path / "target"
    assert cli.main(["import-all", str(out), "--data-dir", str(target)]) == 0
    open_journal(target)
    assert js.get_checkin(date(2026, 3, 1))["morning_pain"] == 4
    assert js.get_profile()["name"] == "Ana Ruiz"
    close_journal()
    # a second import into the now non-empty journal is refused (an import error)
    assert cli.main(["import-all", str(out), "--data-dir", str(target)]) == 3
    assert "not empty" in capsys.readouterr().err


def test_import_all_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "rehabjournal-journal", "version": 1, "schema": 1, '
                   '"tables": {"check_in": [{"id": 1, "day": "yesterday"}]}}',
                   encoding="utf-8")
    assert cli.main(["import-all", str(bad), "--data-dir", str(tmp_path / "d")]) == 3
    err = capsys.readouterr().err
    assert "unchanged" in err
    assert "table check_in, row 1, field day: date must be YYYY-MM-DD (got “yesterday”)" in err
    assert cli.main(["import-all", str(tmp_path / "none.json"),
                     "--data-dir", str(tmp_path / "d")]) == 4
    assert "does not exist" in capsys.readouterr().err


def test_backup_command(source, capsys):
    assert cli.main(["backup", "--data-dir", str(source)]) == 0
    (info,) = backups.list_backups(source)
    assert info.reason == "manual" and str(info.path) in capsys.readouterr().out


def test_fhir_command(source, tmp_path, capsys):
    out = tmp_path / "fhir.json"
    assert cli.main(["--data-dir", str(source), "fhir", str(out), "--anonymise"]) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["type"] == "collection"
    assert bundle["entry"][0]["resource"]["name"] == [{"text": "A. R."}]
    assert "Ruiz" not in out.read_text(encoding="utf-8")
    assert cli.main(["--data-dir", str(source), "fhir", str(tmp_path / "no" / "x.json")]) == 1
