"""Issue 17 (item 6): import-all checks ``prescription`` and ``phase`` rows with the checks a
programme file makes of its entries (``programme_io.row_problems``), and names the table,
the row and the field. Nothing is written when a row is refused; a journal the app made
(notes of any length) still comes back whole."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rehabjournal.services import exports
from rehabjournal.store import db, full_export
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises


def _rows() -> dict[str, int]:
    return {full_export.table_name(t): t.select().count() for t in m.ALL_MODELS}


@pytest.fixture
def doc(journal, tmp_path) -> dict:
    """A full export with one programme, one phase and one prescription; a fresh empty
    journal is opened for the import."""
    sync_shipped_exercises()
    squat = m.Exercise.get(m.Exercise.slug == "hsr-squat")
    prog = m.Programme.create(name="Knee", start_date=date(2026, 3, 2), active=True)
    phase = m.Phase.create(programme=prog, name="Calm", weeks=2)
    m.Prescription.create(phase=phase, exercise=squat, sets=3, reps=10, weekdays="0,2,4",
                          load=20, load_unit="kg")
    data = full_export.export_data()
    db.close_journal()
    db.open_journal(tmp_path / "target")
    sync_shipped_exercises()
    return data


def _import(doc: dict, tmp_path, table: str, **values) -> list[str] | None:
    """Import ``doc`` with ``values`` set in the first row of ``table``; the problems of a
    refusal (the journal checked unchanged), or None when it was imported."""
    copy = json.loads(json.dumps(doc))
    copy["tables"][table][0].update(values)
    path = tmp_path / "all.json"
    path.write_text(json.dumps(copy), encoding="utf-8")
    before = _rows()
    try:
        exports.import_everything(path)
    except full_export.FullImportError as exc:
        assert _rows() == before
        return exc.problems
    return None


@pytest.mark.parametrize("values, message", [
    ({"load_unit": "stone"}, "field load_unit: must be one of 'kg', 'lb', 'band', "
     "'bodyweight', 'seconds' or 'minutes' (got 'stone')"),
    ({"side": "middle"}, "field side: must be one of 'both', 'each side', 'affected side', "
     "'left', 'right' or empty (got 'middle')"),
    ({"pain_rule": "lenient"}, "field pain_rule: must be one of 'standard', 'tendon' or "
     "empty (got 'lenient')"),
    ({"weekdays": "Mon, Someday"}, "field weekdays: must be day names like [\"Mon\", \"Wed\", "
     "\"Fri\"] (got 'Mon, Someday')"),
    ({"weekdays": "", "days_per_week": None},
     "give 'weekdays' or 'days_per_week'"),
    ({"reps": None, "hold_s": None}, "give 'reps' or 'hold_s'"),
    ({"reps": None, "load": None, "load_unit": "minutes"},
     "give the minutes in 'load' (or 'reps' or 'hold_s')"),
    ({"times_per_day": 7}, "field times_per_day: Times per day must be a whole number from "
     "1 to 6 (got 7)"),
    ({"sets": 0}, "field sets: Sets must be a whole number from 1 to 50 (got 0)"),
    ({"media": "javascript:alert(1)"}, "field media: "),
])
def test_a_prescription_row_is_checked_like_a_programme_file_entry(doc, tmp_path, values,
                                                                   message):
    problems = _import(doc, tmp_path, "prescription", **values)
    assert problems is not None and len(problems) == 1
    where = "table prescription, row 1"
    expected = f"{where}, {message}" if message.startswith("field ") else f"{where}: {message}"
    assert problems[0].startswith(expected), problems
    if not message.endswith(": "):
        assert problems[0] == expected


def test_a_phase_row_is_checked_like_a_programme_file_entry(doc, tmp_path):
    assert _import(doc, tmp_path, "phase", name="   ") == [
        "table phase, row 1, field name: must be text that is not blank (got '   ')"]
    assert _import(doc, tmp_path, "phase", weeks=105) == [
        "table phase, row 1, field weeks: Weeks must be a whole number from 1 to 104 (got 105)"]


def test_texts_of_any_length_the_app_accepts_come_back(doc, tmp_path):
    """The file format caps notes at 5,000 characters; the journal's forms do not, so a
    journal's own full export with a longer note, goal or instructions is imported whole."""
    copy = json.loads(json.dumps(doc))
    copy["tables"]["prescription"][0].update(notes="n" * 6000, tempo="t" * 60)
    copy["tables"]["phase"][0].update(goal="g" * 6000)
    copy["tables"]["exercise"].append({
        "id": 9999, "slug": "my-own", "name": "M" * 300, "category": "strength",
        "region": "", "instructions": "i" * 6000, "cues": "\n".join(["c"] * 150),
        "default_sets": None, "default_reps": None, "default_hold_s": None,
        "load_unit": "bodyweight", "progression": "", "side": "", "tempo": "", "rest_s": None,
        "days_per_week": None, "times_per_day": None, "pain_rule": "", "media": "",
        "source": "", "shipped": False, "archived": False, "copied_from_id": None})
    path = tmp_path / "all.json"
    path.write_text(json.dumps(copy), encoding="utf-8")
    exports.import_everything(path)
    assert len(m.Prescription.get().notes) == 6000
    assert len(m.Phase.get().goal) == 6000
    assert len(m.Exercise.get(m.Exercise.slug == "my-own").instructions) == 6000
