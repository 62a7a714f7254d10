"""Issue 17, item 1: one validation for every way data enters.

One table of bad values goes through the three doors a person uses: the journal forms
(``services.journal``), a CSV import and import-all (the full JSON). Each door must refuse
the value with the same words (the message core; a form shows it as a sentence ending in
".", an import puts its place in front: "line 2, column morning_pain: ...", "table
check_in, row 1, field morning_pain: ..."), and nothing is written.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from rehabjournal.errors import ImportFileError, ValidationError
from rehabjournal.services import exports, transfer
from rehabjournal.services import journal as js
from rehabjournal.store import db, full_export
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises

DAY = date(2026, 3, 1)
SESSION = {"kind": "run", "minutes": 30}

# (table, field, CSV column, bad value, message core)
BAD = [
    ("check_in", "morning_pain", "morning_pain", 11,
     "Morning pain must be a whole number from 0 to 10 (got 11)"),
    ("check_in", "morning_pain", "morning_pain", -1,
     "Morning pain must be a whole number from 0 to 10 (got -1)"),
    ("check_in", "morning_pain", "morning_pain", 3.5,
     "Morning pain must be a whole number from 0 to 10 (got 3.5)"),
    ("check_in", "stiffness_min", "stiffness_min", 1441,
     "Morning stiffness must be a whole number from 0 to 1440 minutes (got 1441)"),
    ("check_in", "sleep_hours", "sleep_hours", 25,
     "Sleep must be a number from 0 to 24 hours (got 25)"),
    ("check_in", "sleep_quality", "sleep_quality", 0,
     "Sleep quality must be a whole number from 1 to 5 (got 0)"),
    ("check_in", "stress", "stress", 11, "Stress must be a whole number from 0 to 10 (got 11)"),
    ("check_in", "swelling", "swelling", "enormous",
     "Swelling must be one of none, mild, moderate, severe (got \u201cenormous\u201d)"),
    ("check_in", "notes", "notes", "a\x00b",
     "the text holds a NUL character (\\0), which cannot be stored"),
    ("activity_session", "minutes", "duration_min", 1441,
     "Duration must be a whole number from 0 to 1440 minutes (got 1441)"),
    ("activity_session", "rpe", "rpe", 11,
     "Effort (CR-10) must be a whole number from 0 to 10 (got 11)"),
    ("activity_session", "distance_km", "distance_km", 600,
     "Distance must be a number from 0 to 500 km (got 600)"),
    ("activity_session", "pain_after", "pain_after", 12,
     "Pain after must be a whole number from 0 to 10 (got 12)"),
]


@pytest.fixture
def export_doc(journal, tmp_path) -> dict:
    """A full export of one check-in and one session; a fresh empty journal is opened."""
    sync_shipped_exercises()
    m.CheckIn.create(day=DAY, morning_pain=3, notes="ok")
    m.ActivitySession.create(day=DAY, kind="run", minutes=30)
    data = full_export.export_data()
    db.close_journal()
    db.open_journal(tmp_path / "target")
    sync_shipped_exercises()
    return data


def _journal_rows() -> int:
    return sum(t.select().count() for t in m.ALL_MODELS if t is not m.Exercise)


def _form(table: str, field: str, value) -> str:
    with pytest.raises(ValidationError) as info:
        if table == "check_in":
            js.save_checkin(DAY, {field: value})
        else:
            js.add_session(DAY, {**SESSION, field: value})
    return info.value.errors[field]


def _csv(tmp_path, table: str, column: str, value) -> list[str]:
    columns = ["date", column] if table == "check_in" else list(dict.fromkeys(
        ["date", "activity", "duration_min", column]))
    cells = {"date": DAY.isoformat(), "activity": "run", "duration_min": "30",
             column: str(value)}
    path = tmp_path / "in.csv"
    path.write_text(",".join(columns) + "\n" + ",".join(cells[c] for c in columns) + "\n",
                    encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        transfer.import_journal_csv(path)
    return info.value.problems


def _import_all(tmp_path, doc: dict, table: str, field: str, value) -> list[str]:
    copy = json.loads(json.dumps(doc))
    copy["tables"][table][0][field] = value
    path = tmp_path / "all.json"
    path.write_text(json.dumps(copy), encoding="utf-8")
    with pytest.raises(full_export.FullImportError) as info:
        exports.import_everything(path)
    return info.value.problems


@pytest.mark.parametrize("table, field, column, value, core", BAD,
                         ids=[f"{b[1]}={b[3]!r}" for b in BAD])
def test_every_door_refuses_a_bad_value_in_the_same_words(export_doc, tmp_path, table, field,
                                                          column, value, core):
    assert _form(table, field, value) == f"{core}."
    assert _csv(tmp_path, table, column, value) == [f"line 2, column {column}: {core}"]
    assert _import_all(tmp_path, export_doc, table, field, value) == [
        f"table {table}, row 1, field {field}: {core}"]
    assert _journal_rows() == 0, "nothing was written by any door"


@pytest.mark.parametrize("text, core", [
    ("1_0", "Morning pain must be a whole number from 0 to 10; \u201c1_0\u201d is not a "
            "number: write it without underscores"),
    ("\uff13", "Morning pain must be a whole number from 0 to 10; \u201c\uff13\u201d is not "
               "a number: use the digits 0-9"),
    ("x", "Morning pain must be a whole number from 0 to 10; \u201cx\u201d is not a number"),
])
def test_a_form_refuses_loose_numbers_as_csv_does(journal, tmp_path, text, core):
    """Text typed in a form is read by the CSV import's rules (ASCII digits, no
    underscores), not by Python's int(): "1_0" is not 10, a fullwidth 3 is not 3."""
    assert _form("check_in", "morning_pain", text) == f"{core}."
    assert _csv(tmp_path, "check_in", "morning_pain", text) == [
        f"line 2, column morning_pain: {core}"]
    assert _journal_rows() == 0


def test_forms_store_what_the_rule_reads(journal):
    js.save_checkin(DAY, {"morning_pain": "3", "sleep_hours": "7.5", "swelling": "Mild",
                          "stress": 4.0})
    row = m.CheckIn.get(m.CheckIn.day == DAY)
    assert (row.morning_pain, row.sleep_hours, row.swelling, row.stress) == (3, 7.5, "mild", 4)
    assert isinstance(row.stress, int)
    sid = js.add_session(DAY, {"kind": "run", "minutes": "30", "rpe": 4.0})
    session = m.ActivitySession.get_by_id(sid)
    assert (session.minutes, session.rpe) == (30, 4)


def test_forms_refuse_dates_the_imports_refuse(journal):
    with pytest.raises(ValidationError) as info:
        js.save_checkin(date(2101, 1, 1), {"morning_pain": 3})
    assert info.value.errors == {"day": "2101-01-01 is outside the dates the journal accepts "
                                        "(1900-01-01 to 2100-12-31)."}
    with pytest.raises(ValidationError):
        js.add_session(date(1899, 12, 31), SESSION)
    assert _journal_rows() == 0


def test_further_site_pains_use_the_same_rule(journal):
    site = js.add_site("knee", "left")
    js.save_checkin(DAY, {"morning_pain": 2})
    with pytest.raises(ValidationError) as info:
        js.set_checkin_site_pain(DAY, site, 11)
    assert info.value.errors == {
        "morning_pain": "Morning pain must be a whole number from 0 to 10 (got 11)."}
    sid = js.add_session(DAY, SESSION)
    with pytest.raises(ValidationError) as info:
        js.set_session_site_pain(sid, site, {"pain_during": -2})
    assert info.value.errors == {
        "pain_during": "Pain during must be a whole number from 0 to 10 (got -2)."}
    js.set_checkin_site_pain(DAY, site, 4.0)
    assert js.checkin_site_pains(DAY) == {site: 4}
