"""Issue 17 (item 6): one rule for a JSON number where a whole number belongs.

``3``, ``3.0`` and ``3e0`` are the same JSON number; import-all and programme files both
take them as the whole number 3 (``domain.validation.whole_number``), then check its range;
``3.5`` and ``1.1e1`` (11, out of range) are refused with the field's own message.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from rehabjournal.domain import validation
from rehabjournal.services import exports
from rehabjournal.store import db, full_export, json_input
from rehabjournal.store import models as m
from rehabjournal.store import programme_io as io
from rehabjournal.store.library import create_programme_from_template, sync_shipped_exercises


@pytest.mark.parametrize("value, whole", [
    (3, 3), (3.0, 3), (-0.0, 0), (2.0**53, 2**53),
    (3.5, None), (True, None), ("3", None), (float("nan"), None), (float("inf"), None),
    (1e20, None),  # beyond 2**53 a float is no longer exact
])
def test_whole_number_is_the_one_rule(value, whole):
    assert validation.whole_number(value) == whole


def test_json_reads_exactly_whole_numbers_as_whole():
    assert json_input.parse("[3.0, 3e0, 30E-1, 3.5, 1e20]", "x", max_depth=3) == [
        3, 3, 3, 3.5, 1e20]
    assert [type(v) for v in json_input.parse("[3.0, 3e0]", "x", max_depth=3)] == [int, int]


@pytest.fixture
def export_text(journal, tmp_path):
    """A one-check-in journal's full export as text, and a fresh empty journal opened."""
    sync_shipped_exercises()
    m.CheckIn.create(day=date(2026, 3, 1), morning_pain=4, sleep_hours=7.5)
    text = json.dumps(full_export.export_data())
    db.close_journal()
    db.open_journal(tmp_path / "target")
    sync_shipped_exercises()
    assert '"morning_pain": 4' in text
    return text


@pytest.mark.parametrize("written", ["3.0", "3e0", "0.3e1", "30E-1"])
def test_import_all_takes_an_exactly_whole_number(export_text, tmp_path, written):
    path = tmp_path / "all.json"
    path.write_text(export_text.replace('"morning_pain": 4', f'"morning_pain": {written}'))
    exports.import_everything(path)
    assert m.CheckIn.get().morning_pain == 3


@pytest.mark.parametrize("written, got", [("3.5", "3.5"), ("1.1e1", "11"), ("-1e0", "-1")])
def test_import_all_refuses_a_fraction_or_a_whole_number_out_of_range(export_text, tmp_path,
                                                                       written, got):
    path = tmp_path / "all.json"
    path.write_text(export_text.replace('"morning_pain": 4', f'"morning_pain": {written}'))
    with pytest.raises(full_export.FullImportError) as info:
        exports.import_everything(path)
    assert info.value.problems == [
        "table check_in, row 1, field morning_pain: Morning pain must be a whole number "
        f"from 0 to 10 (got {got})"]
    assert m.CheckIn.select().count() == 0


def test_import_data_given_floats_takes_whole_ones(export_text):
    data = json.loads(export_text)
    data["tables"]["check_in"][0]["morning_pain"] = 3.0
    data["tables"]["check_in"][0]["id"] = 1.0
    full_export.import_data(data, backup=False)
    row = m.CheckIn.get()
    assert (row.id, row.morning_pain) == (1, 3)


@pytest.fixture
def programme_text(journal):
    sync_shipped_exercises()
    pid = create_programme_from_template("calm-then-build", date(2026, 3, 2))
    doc = io.export_programme(pid)
    doc["exercises"] = [{"slug": "my-press", "name": "Press", "category": "strength",
                         "progression": {"model": "double", "reps": [8, 12]}}]
    doc["programme"]["phases"][0]["prescriptions"][0].update(sets=2, exercise="my-press")
    return json.dumps(doc)


def test_a_programme_file_takes_the_same_whole_numbers(programme_text, tmp_path):
    text = programme_text.replace('"sets": 2', '"sets": 3e0', 1) \
        .replace('"reps": [8, 12]', '"reps": [8.0, 1.2e1]', 1)
    assert '"sets": 3e0' in text and "1.2e1" in text
    path = tmp_path / "plan.json"
    path.write_text(text)
    pid = io.import_programme_file(path)
    first = (m.Prescription.select().join(m.Phase)
             .where(m.Phase.programme == pid).order_by(m.Phase.position,
                                                         m.Prescription.position).get())
    assert first.sets == 3 and isinstance(first.sets, int)
    assert json.loads(m.Exercise.get(m.Exercise.slug == "my-press").progression)["reps"] \
        == [8, 12]


def test_a_programme_file_refuses_a_fraction_with_its_path(programme_text, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(programme_text.replace('"sets": 2', '"sets": 2.5', 1))
    with pytest.raises(io.ProgrammeFileError) as info:
        io.import_programme_file(path)
    assert info.value.problems == [
        "programme.phases[0].prescriptions[0].sets: must be a whole number (got 2.5)"]
