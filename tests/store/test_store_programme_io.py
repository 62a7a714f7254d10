"""Programme exchange files (JSON) and the iCalendar export."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import icalendar
import pytest

from rehabjournal.store import models as m
from rehabjournal.store import programme_io as io
from rehabjournal.store.library import create_programme_from_template, sync_shipped_exercises

START = date(2026, 3, 2)


@pytest.fixture
def programme(journal):
    sync_shipped_exercises()
    return create_programme_from_template("calm-then-build", START)


def _counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in m.ALL_MODELS}


def _own_exercise() -> m.Exercise:
    return m.Exercise.create(slug="my-towel-squeeze", name="Towel squeeze, inner thigh",
                             category="isometric", region="knee", instructions="Squeeze.",
                             cues="Breathe\nSlowly", default_sets=3, default_hold_s=10,
                             load_unit="seconds",
                             progression=json.dumps([{"kind": "hold", "to": 20, "text": "20 s"}]))


def test_json_round_trip_keeps_phases_doses_and_user_exercise(programme, tmp_path):
    ex = _own_exercise()
    phase = m.Phase.select().where(m.Phase.programme == programme).first()
    m.Prescription.create(phase=phase, exercise=ex, position=99, sets=2, hold_s=15,
                          load_unit="seconds", weekdays="1,3", days_per_week=2, notes="ünïcode")
    path = tmp_path / "plan.json"
    io.write_programme_file(programme, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "rehabjournal-programme" and doc["version"] == 2
    assert [e["slug"] for e in doc["exercises"]] == ["my-towel-squeeze"]

    new_id = io.import_programme_file(path)
    assert new_id != programme
    new = m.Programme.get_by_id(new_id)
    assert new.active is False
    again = io.export_programme(new_id)
    again["exported"] = doc["exported"]
    assert again == doc


def test_import_into_another_journal_creates_the_user_exercise(programme, tmp_path):
    _own_exercise()
    phase = m.Phase.select().first()
    ex = m.Exercise.get(m.Exercise.slug == "my-towel-squeeze")
    m.Prescription.create(phase=phase, exercise=ex, sets=2, hold_s=15, days_per_week=2)
    doc = io.export_programme(programme)
    # pretend the receiving journal lacks the exercise
    m.Prescription.delete().where(m.Prescription.exercise == ex).execute()
    ex.delete_instance()
    new_id = io.import_document(doc)
    copy = m.Exercise.get(m.Exercise.slug == "my-towel-squeeze")
    assert copy.shipped is False and copy.cues == "Breathe\nSlowly"
    assert m.Prescription.select().join(m.Phase).where(
        (m.Phase.programme == new_id) & (m.Prescription.exercise == copy)).count() == 1


def _bad_docs(good: dict) -> dict[str, object]:
    def edit(fn):
        d = json.loads(json.dumps(good))
        fn(d)
        return d

    first = ("programme", "phases", 0, "prescriptions", 0)

    def at(d, path):
        for key in path:
            d = d[key]
        return d

    return {
        "wrong format": edit(lambda d: d.update(format="something-else")),
        "wrong version": edit(lambda d: d.update(version=3)),
        "unknown exercise": edit(lambda d: at(d, first).update(exercise="moon-walk")),
        "negative sets": edit(lambda d: at(d, first).update(sets=-1)),
        "text reps": edit(lambda d: at(d, first).update(reps="ten")),
        "infinite load": edit(lambda d: at(d, first).update(load=float("inf"))),
        "bad weekdays": edit(lambda d: at(d, first).update(weekdays="0,9")),
        "zero weeks": edit(lambda d: d["programme"]["phases"][1].update(weeks=0)),
        "no phases": edit(lambda d: d["programme"].update(phases=[])),
        "bad date": edit(lambda d: d["programme"].update(start_date="2026-13-40")),
        # a bad entry in the last phase: the earlier phases must not be written either
        "late error": edit(lambda d: d["programme"]["phases"][-1]["prescriptions"][-1]
                           .update(sets=0)),
    }


def test_bad_documents_are_refused_and_change_nothing(programme, tmp_path):
    good = io.export_programme(programme)
    before = _counts()
    for name, doc in _bad_docs(good).items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(io.ProgrammeFileError):
            io.import_programme_file(path)
        assert _counts() == before, name


@pytest.mark.parametrize("text, words", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected an object"),
    ('{"format": "rehabjournal-programme", "version": 99}', "version 99"),
])
def test_malformed_files_have_clear_messages(programme, tmp_path, text, words):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    before = _counts()
    with pytest.raises(io.ProgrammeFileError, match=words):
        io.import_programme_file(path)
    assert _counts() == before


def test_calendar_parses_and_has_one_event_per_due_day(programme, tmp_path):
    stamp = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    path = tmp_path / "plan.ics"
    count = io.write_calendar_file(programme, path, dtstamp=stamp)
    raw = path.read_bytes()
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk("VEVENT")]
    # calm-then-build: weeks 1-2 every day (daily stretches), weeks 3-4 Mon-Sat
    assert count == len(events) == 14 + 12
    first = events[0]
    assert first.decoded("DTSTART") == START
    assert "Isometric wall sit: 5 x 45 s" in str(first.get("DESCRIPTION"))
    assert len({str(e.get("UID")) for e in events}) == len(events)
    # every line ends with CRLF and no line is longer than 75 octets
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert all(b"\n" not in line for line in lines)
    # UIDs are stable between exports
    again = icalendar.Calendar.from_ical(io.calendar_text(programme, dtstamp=stamp).encode())
    assert [str(e.get("UID")) for e in again.walk("VEVENT")] == [str(e.get("UID")) for e in events]


def test_ics_escaping_and_folding_keep_multibyte_characters_whole():
    assert io.ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "ü" * 60
    folded = io.fold_line(line)
    parts = folded.encode().split(b"\r\n")
    assert all(len(p) <= 75 for p in parts)
    for p in parts:
        p.decode("utf-8")  # no character split across lines
    assert folded.replace("\r\n ", "") == line


def test_calendar_summary_with_special_characters_round_trips(programme):
    m.Programme.update(name="Knee; plan, v2 \\ test").where(m.Programme.id == programme).execute()
    cal = icalendar.Calendar.from_ical(io.calendar_text(programme).encode())
    event = next(iter(cal.walk("VEVENT")))
    assert str(event.get("SUMMARY")).endswith("Knee; plan, v2 \\ test")
