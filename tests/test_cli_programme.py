"""rehabjournal programme import | export | sheet: exit codes and messages."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pypdf import PdfReader

from rehabjournal import cli
from rehabjournal.services import programme as ps
from rehabjournal.store import models as m
from rehabjournal.store.db import close_journal, open_journal
from rehabjournal.store.library import create_programme_from_template, sync_shipped_exercises

START = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def _closed():
    yield
    close_journal()


@pytest.fixture
def data(tmp_path):
    """A journal with an active template programme and an inactive 'Spare plan'."""
    folder = tmp_path / "data"
    open_journal(folder)
    sync_shipped_exercises()
    create_programme_from_template("calm-then-build", START)
    ps.create_programme("Spare plan", START, phases=({"name": "Only", "weeks": 1},))
    close_journal()
    return folder


def run(data, *args: str) -> int:
    return cli.main(["--data-dir", str(data), "programme", *args])


def _good_doc() -> dict:
    return {"format": "rehabjournal-programme", "version": 2,
            "programme": {"name": "From Sam", "start_date": "2026-03-02",
                          "clinician": {"name": "Sam", "contact": "sam@example.org"},
                          "phases": [{"name": "Settle", "weeks": 2, "prescriptions": [
                              {"exercise": "isometric-wall-sit", "sets": 5, "hold_s": 45,
                               "weekdays": ["Mon", "Wed", "Fri"], "times_per_day": 2}]}]},
            "exercises": [{"based_on": "isometric-wall-sit", "name": "Wall sit, Sam's way"}]}


def _programmes(data) -> list[tuple[str, bool]]:
    open_journal(data)
    try:
        return [(p.name, p.active) for p in m.Programme.select().order_by(m.Programme.id)]
    finally:
        close_journal()


# ---- export ---------------------------------------------------------------------------------

def test_export_writes_the_active_programme_as_version_2(data, tmp_path, capsys):
    out = tmp_path / "plan.json"
    assert run(data, "export", str(out)) == 0
    assert capsys.readouterr().out == \
        f"Exported the programme 'Calm, then build (4 weeks)' to {out}.\n"
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["version"] == 2 and doc["programme"]["name"] == "Calm, then build (4 weeks)"


@pytest.mark.parametrize("which", ["spare PLAN", "2", " Spare plan "])
def test_export_names_a_programme_by_name_or_id(data, tmp_path, capsys, which):
    out = tmp_path / "spare.json"
    assert run(data, "export", str(out), "--programme", which) == 0
    assert json.loads(out.read_text("utf-8"))["programme"]["name"] == "Spare plan"


def test_export_of_an_unknown_programme_lists_the_programmes(data, tmp_path, capsys):
    assert run(data, "export", str(tmp_path / "x.json"), "--programme", "Nope") == 4
    assert capsys.readouterr().err == (
        "rehabjournal: error: there is no programme 'Nope' (programmes: 1: Calm, then build "
        "(4 weeks); 2: Spare plan).\n")
    assert not (tmp_path / "x.json").exists()


def test_export_without_an_active_programme_asks_for_one(data, tmp_path, capsys):
    open_journal(data)
    m.Programme.update(active=False).execute()
    close_journal()
    assert run(data, "export", str(tmp_path / "x.json")) == 4
    assert "no programme is active; name one with --programme" in capsys.readouterr().err


def test_export_of_a_name_two_programmes_share_asks_for_the_id(data, tmp_path, capsys):
    open_journal(data)
    ps.create_programme("Spare plan", None)
    close_journal()
    assert run(data, "export", str(tmp_path / "x.json"), "--programme", "spare plan") == 2
    assert "2 programmes are called 'spare plan' (ids 2, 3); give the id." in \
        capsys.readouterr().err


def test_export_to_a_missing_folder_or_from_no_journal(data, tmp_path, capsys):
    assert run(data, "export", str(tmp_path / "no" / "x.json")) == 1
    assert "the folder" in capsys.readouterr().err
    assert run(tmp_path / "empty", "export", str(tmp_path / "x.json")) == 4
    assert "There is no journal in" in capsys.readouterr().err
    assert not (tmp_path / "empty").exists()


# ---- import ---------------------------------------------------------------------------------

def test_import_prints_the_warnings_and_adds_an_inactive_programme(data, tmp_path, capsys):
    doc = _good_doc()
    doc["programme"]["phases"][0]["prescriptions"][0].update(video="wall.mp4", rpe=6)
    path = tmp_path / "from-sam.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert run(data, "import", str(path)) == 0
    out, err = capsys.readouterr()
    assert out == (f"Imported {path} as the programme 'From Sam' (id 3), not active yet: make "
                   "it active on the app's Programme page.\n")
    assert err == (
        "rehabjournal: warning: programme.phases[0].prescriptions[0].video: unknown key, "
        "ignored\n"
        "rehabjournal: warning: programme.phases[0].prescriptions[0].rpe: unknown key, "
        "ignored\n")
    assert _programmes(data)[-1] == ("From Sam", False)


def test_import_of_a_file_with_three_errors_lists_all_three(data, tmp_path, capsys):
    doc = _good_doc()
    first = doc["programme"]["phases"][0]["prescriptions"][0]
    first.update(sets=0, weekdays="Mon, Funday", rpe=6)
    doc["programme"]["start_date"] = "2026-13-01"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = _programmes(data)
    assert run(data, "import", str(path)) == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "rehabjournal: warning: programme.phases[0].prescriptions[0].rpe: unknown key, ignored",
        f"rehabjournal: error: {path} was not imported; the journal is unchanged "
        "(3 problems):",
        "programme.start_date: '2026-13-01' is not a real date",
        "programme.phases[0].prescriptions[0].sets: 0 is less than the minimum of 1",
        "programme.phases[0].prescriptions[0].weekdays: must be day names like "
        "[\"Mon\", \"Wed\", \"Fri\"] (got 'Mon, Funday')",
    ]
    assert _programmes(data) == before


@pytest.mark.parametrize("content, code, words", [
    (None, 4, "the file does not exist"),
    (b"{not json", 3, "is not valid JSON (line 1, column 2"),
    (b"\xff\xfe{}", 3, "is not UTF-8 text"),
    (b'{"format": "rehabjournal-programme", "version": 3}', 3,
     "version 3; this rehabjournal reads versions 1 and 2"),
])
def test_import_of_a_missing_or_unreadable_file(data, tmp_path, capsys, content, code, words):
    path = tmp_path / "plan.json"
    if content is not None:
        path.write_bytes(content)
    before = _programmes(data)
    assert run(data, "import", str(path)) == code
    assert words in capsys.readouterr().err
    assert _programmes(data) == before


def test_import_into_a_new_folder_knows_the_shipped_exercises(tmp_path, capsys):
    path = tmp_path / "from-sam.json"
    path.write_text(json.dumps(_good_doc()), encoding="utf-8")
    data = tmp_path / "new"
    assert run(data, "import", str(path)) == 0
    assert capsys.readouterr().err == ""
    assert _programmes(data) == [("From Sam", False)]


def test_export_then_import_elsewhere_round_trips(data, tmp_path, capsys):
    out = tmp_path / "plan.json"
    assert run(data, "export", str(out)) == 0
    other = tmp_path / "other"
    assert run(other, "import", str(out)) == 0
    again = tmp_path / "again.json"
    assert run(other, "export", str(again), "--programme", "1") == 0
    first, second = (json.loads(p.read_text("utf-8")) for p in (out, again))
    first.pop("exported"), second.pop("exported")
    assert first == second


# ---- sheet and usage ------------------------------------------------------------------------

def test_sheet_writes_the_pdf_of_the_active_programme(data, tmp_path, capsys):
    out = tmp_path / "sheet.pdf"
    assert run(data, "sheet", "--out", str(out), "--paper", "letter") == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"Wrote the programme sheet of 'Calm, then build (4 weeks)' to "
                              f"{out} (") and printed.endswith(" Letter).\n")
    reader = PdfReader(out)
    assert "Calm, then build" in reader.pages[0].extract_text()


def test_sheet_of_an_unknown_programme_or_paper(data, tmp_path, capsys):
    out = tmp_path / "sheet.pdf"
    assert run(data, "sheet", "--out", str(out), "--programme", "99") == 4
    assert "there is no programme '99'" in capsys.readouterr().err
    assert run(data, "sheet", "--out", str(out), "--paper", "A5") == 2
    assert "Paper must be A4 or Letter" in capsys.readouterr().err
    assert not out.exists()


def test_programme_needs_an_action(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["programme"])
    assert exc.value.code == 2
    assert "ACTION" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "import or export a programme exchange file" in capsys.readouterr().out
