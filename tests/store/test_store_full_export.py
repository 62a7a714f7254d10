"""Full export to one JSON file and import into an empty journal: exact, all or nothing."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime

import pytest

from rehabjournal.services import journal as js
from rehabjournal.services import outcomes, settings
from rehabjournal.services.demo import generate_demo
from rehabjournal.store import backups, db, full_export, migrations
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises

END = date(2026, 3, 17)


def _extras() -> None:
    """What the demo does not make: a user exercise, an outcome, a setting, odd text."""
    shipped = m.Exercise.get(m.Exercise.slug == "hsr-squat")
    assert m.Exercise.update(archived=True).where(
        m.Exercise.slug == "isometric-wall-sit").execute() == 1
    own = m.Exercise.create(slug="my-step-downs", name="Step-downs «slow»", category="strength",
                            region="knee", instructions="Step down slowly.\nControl the knee.",
                            default_sets=3, default_reps=8, load_unit="bodyweight",
                            progression="[]", shipped=False, copied_from=shipped)
    phase = m.Phase.select().first()
    # as the prescription form makes it (weekdays or days per week: a programme file's
    # checks, which import-all applies to prescription rows)
    m.Prescription.create(phase=phase, exercise=own, position=99, sets=3, reps=8,
                          weekdays="0,3")
    m.OutcomeResponse.create(instrument="psfs", day=date(2026, 3, 1),
                             answers=json.dumps({"stairs": 6, "running": 3}), score=4.5)
    settings.set("thresholds.acceptable_pain", 4)
    outcomes.set_schedule(["lefs", "psfs"], 28)
    js.save_checkin(date(2026, 3, 18), {"notes": "Zoë: ça va — 膝 OK\nline two"})


def snapshot() -> dict[str, list[tuple]]:
    return {
        full_export.table_name(model): list(
            model.select().order_by(model._meta.primary_key).tuples()
        )
        for model in m.ALL_MODELS
    }


@pytest.fixture
def full_journal(tmp_path):
    data = tmp_path / "source"
    db.open_journal(data)
    sync_shipped_exercises()
    generate_demo(end=END, weeks=8)
    _extras()
    yield data
    db.close_journal()


def test_export_import_round_trip_is_exact(full_journal, tmp_path):
    before = snapshot()
    assert all(before[t] for t in before), [t for t in before if not before[t]]
    out = tmp_path / "all.json"
    counts = full_export.export_all(out, now=datetime(2026, 3, 18, 9, 0))
    assert counts["check_in"] == len(before["check_in"])
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "rehabjournal-journal" and data["version"] == 1
    assert data["schema"] == migrations.LATEST
    assert data["exported"] == "2026-03-18T09:00:00"
    assert "膝" in out.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    first = data["tables"]["check_in"][0]
    date.fromisoformat(first["day"])
    datetime.fromisoformat(first["updated"])
    shipped = [r for r in data["tables"]["exercise"] if r["shipped"]]
    assert shipped and all(set(r) == {"id", "slug", "shipped", "archived"} for r in shipped)
    db.close_journal()

    target = tmp_path / "target"
    db.open_journal(target)
    sync_shipped_exercises()  # what the app does on every start
    imported = full_export.import_all(out)
    assert imported["check_in"] == len(before["check_in"])
    assert snapshot() == before
    conn = m.database.obj
    assert conn.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert [i.reason for i in backups.list_backups(target)] == ["pre-import"]


def test_import_refuses_a_journal_that_is_not_empty(full_journal, tmp_path):
    out = tmp_path / "all.json"
    full_export.export_all(out)
    before = snapshot()
    with pytest.raises(full_export.FullImportError, match="not empty"):
        full_export.import_all(out)
    assert snapshot() == before


def _bad_variants(data: dict):
    def edit(fn):
        copy = json.loads(json.dumps(data))
        fn(copy)
        return copy

    yield "format", edit(lambda d: d.update(format="something")), "not a rehabjournal"
    yield "newer", edit(lambda d: d.update(version=99)), "newer"
    yield "schema", edit(lambda d: d.update(schema=migrations.LATEST + 1)), "newer"
    yield "pain", edit(lambda d: d["tables"]["check_in"][5].update(morning_pain="high")), \
        r"^table check_in, row 6, field morning_pain: must be a whole number \(got \"high\"\)$"
    yield "date", edit(lambda d: d["tables"]["event"][0].update(day="18/03/2026")), \
        r"^table event, row 1, field day: date must be YYYY-MM-DD \(got “18/03/2026”\)$"
    yield "column", edit(lambda d: d["tables"]["question"][0].update(colour="red")), "unknown"
    yield "table", edit(lambda d: d["tables"].update(mystery=[])), "unknown table"
    n = len(data["tables"]["check_in"])
    first_day = data["tables"]["check_in"][0]["day"]
    yield "dup", edit(lambda d: d["tables"]["check_in"].append(d["tables"]["check_in"][0])), \
        rf"^table check_in, row {n + 1}: duplicates row 1 \(same id 1\); table check_in, " \
        rf"row {n + 1}: duplicates row 1 \(same day {first_day}\)$"
    # consistent in shape, broken in links: said with table and row (never SQLite's words)
    logs = len(data["tables"]["exercise_log"])
    yield "fk", edit(lambda d: d["tables"]["exercise_log"][-1].update(prescription_id=9999)), \
        rf"^table exercise_log, row {logs}, field prescription_id: 9999 names no " \
        "prescription in the file$"
    yield "unique", edit(lambda d: d["tables"]["check_in"][-1].update(day=first_day)), \
        rf"^table check_in, row {n}: duplicates row 1 \(same day {first_day}\)$"


def test_a_bad_file_changes_nothing(full_journal, tmp_path):
    data = full_export.export_data()
    db.close_journal()
    target = tmp_path / "target"
    db.open_journal(target)
    sync_shipped_exercises()
    empty = snapshot()
    for name, variant, message in _bad_variants(data):
        with pytest.raises(full_export.FullImportError, match=message):
            full_export.import_data(variant, backup=False)
        assert snapshot() == empty, name
    (tmp_path / "broken.json").write_text('{"format": ', encoding="utf-8")
    with pytest.raises(full_export.FullImportError, match="not valid JSON"):
        full_export.import_all(tmp_path / "broken.json")
    (tmp_path / "latin1.json").write_bytes("{\"x\": \"Zo\xeb\"}".encode("latin-1"))
    with pytest.raises(full_export.FullImportError, match="UTF-8"):
        full_export.import_all(tmp_path / "latin1.json")
    assert snapshot() == empty
    # and the good file still goes in afterwards
    full_export.import_data(data, backup=False)
    assert m.CheckIn.select().count() == len(data["tables"]["check_in"])


def test_an_older_schema_file_imports_with_defaults(journal):
    data = {"format": "rehabjournal-journal", "version": 1, "schema": 1,
            "exported": "2025-01-01T00:00:00",
            "tables": {"profile": [{"id": 1, "name": "A", "condition": "", "joint": "knee",
                                    "side": "", "onset_date": None, "goal": "",
                                    "clinician": "", "created": "2025-01-01T00:00:00"}],
                       "check_in": [{"id": 3, "day": "2025-01-01", "morning_pain": 2,
                                     "stiffness_min": None, "swelling": None,
                                     "sleep_hours": 7.5, "sleep_quality": None,
                                     "stress": None, "notes": "",
                                     "updated": "2025-01-01T08:00:00"}]}}
    full_export.import_data(data)
    assert m.Profile.get().name == "A"
    assert outcomes.get_schedule() == {"instruments": [], "every_days": 14}
    assert m.CheckIn.get_by_id(3).sleep_hours == 7.5


def test_a_schema2_file_brings_its_schedule_and_thresholds(journal):
    """Schema 2 kept the schedule on the profile and the thresholds in one row: mapped."""
    schedule = json.dumps({"instruments": ["psfs", "koos"], "every_days": 10})
    data = {"format": "rehabjournal-journal", "version": 1, "schema": 2,
            "exported": "2025-06-01T00:00:00",
            "tables": {"profile": [{"id": 1, "name": "B", "condition": "", "joint": "knee",
                                    "side": "", "onset_date": None, "goal": "",
                                    "clinician": "", "outcome_schedule": schedule,
                                    "created": "2025-01-01T00:00:00"}],
                       "setting": [{"key": "thresholds",
                                    "value": json.dumps({"green_peak_max": 3,
                                                         "acceptable_pain": 6})}]}}
    counts = full_export.import_data(data)
    assert counts["profile"] == 1
    assert outcomes.get_schedule() == {"instruments": ["koos", "psfs"], "every_days": 10}
    th = settings.thresholds()
    assert (th.green_peak_max, th.acceptable_pain, th.baseline_days) == (3, 6, 7)
    assert not m.Setting.select().where(m.Setting.key == "thresholds").exists()
    assert data["tables"]["profile"][0]["outcome_schedule"] == schedule  # input untouched


def test_the_exported_profile_has_no_schedule_column(full_journal, tmp_path):
    data = full_export.export_data()
    assert "outcome_schedule" not in data["tables"]["profile"][0]
    keys = {r["key"] for r in data["tables"]["setting"]}
    assert {"outcomes.instruments", "outcomes.every_days", "thresholds.acceptable_pain"} <= keys


def _schema3_export() -> dict:
    """tests/fixtures/journal-v3.sqlite as a schema-3 app exported it (next_morning_pain)."""
    import sqlite3
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "fixtures" / "journal-v3.sqlite"
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    tables = {}
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for model in m.ALL_MODELS:
        name = full_export.table_name(model)
        if name not in present:  # a table of a later schema (activity_file: schema 6)
            continue
        flags = {f.column_name for f in model._meta.sorted_fields
                 if isinstance(f, full_export.BooleanField)}
        rows = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
        tables[name] = [{k: (bool(r[k]) if k in flags else r[k])
                         for k in r.keys()}  # noqa: SIM118 - a Row iterates its values
                        for r in rows]
    conn.close()
    assert "next_morning_pain" in tables["activity_session"][0]
    return {"format": "rehabjournal-journal", "version": 1, "schema": 3,
            "exported": "2026-01-20T08:00:00", "tables": tables}


def _next_morning_state() -> tuple:
    morning = {c.day: c.morning_pain for c in m.CheckIn.select()}
    sites = {(p.checkin.day, p.site_id): p.pain for p in m.CheckInSitePain.select()}
    notes = {s.id: s.notes for s in m.ActivitySession.select()}
    return morning, sites, notes


def test_a_schema3_file_maps_next_morning_ratings_as_the_migration_does(journal, tmp_path):
    """Schema 4 keeps one next-morning value: an old export is moved by the same rule."""
    import shutil
    from pathlib import Path

    data = _schema3_export()
    full_export.import_data(data, backup=False)
    imported = _next_morning_state()
    assert imported[0][date(2026, 1, 17)] == 5 and imported[1][(date(2026, 1, 16), 2)] == 1
    assert imported[2][4] == "hilly (next-morning rating recorded with the session: 2/10)"
    assert "next_morning_pain" in data["tables"]["activity_session"][0]  # input untouched
    db.close_journal()
    migrated = tmp_path / "migrated"
    migrated.mkdir()
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "journal-v3.sqlite",
                migrated / "journal.sqlite")
    db.open_journal(migrated)
    assert _next_morning_state() == imported


def test_the_exported_sessions_have_source_and_no_next_morning_column(full_journal):
    data = full_export.export_data()
    row = data["tables"]["activity_session"][0]
    assert "next_morning_pain" not in row and {"source", "minutes_estimated"} <= set(row)
    assert any(r["source"] == "programme" and r["minutes_estimated"] is True
               for r in data["tables"]["activity_session"])
    assert "next_morning_pain" not in data["tables"]["session_site_pain"][0]


# ---- schema 6: sessions from watch and app files (issue 20) -------------------------------

def test_the_file_columns_travel_and_are_checked(full_journal, tmp_path):
    """The demo's sessions from files (start time, heart rate ...) and its activity_file rows
    (one dismissed) are in the export; out-of-range or malformed values are refused with
    their place, as the import would never store them."""
    data = full_export.export_data()
    files = data["tables"]["activity_file"]
    assert {f["status"] for f in files} == {"imported", "dismissed"}
    sessions = data["tables"]["activity_session"]
    timed = [(i, s) for i, s in enumerate(sessions) if s["start_time"]]
    assert timed and all(len(s["start_time"]) == 8 for _i, s in timed)  # "07:45:43"
    assert {s["source"] for _i, s in timed} == {"", "file"}  # one typed by hand, merged
    assert any(s["rpe"] is None for _i, s in timed)  # to rate
    row, session = timed[0]
    db.close_journal()
    db.open_journal(tmp_path / "target")
    sync_shipped_exercises()
    empty = snapshot()

    def variant(table: str, index: int, **values) -> dict:
        copy = json.loads(json.dumps(data))
        copy["tables"][table][index].update(values)
        return copy

    place = f"table activity_session, row {row + 1}, field"
    cases = [
        (variant("activity_session", row, avg_hr=300),
         f"{place} avg_hr: Average heart rate must be a whole number from 20 to 250 bpm "
         "(got 300)"),
        (variant("activity_session", row, max_hr=12.5),
         f"{place} max_hr: Maximum heart rate must be a whole number from 20 to 250 bpm "
         "(got 12.5)"),
        (variant("activity_session", row, moving_s=-1),
         f"{place} moving_s: Moving time must be a whole number from 0 to 86460 seconds "
         "(got -1)"),
        (variant("activity_session", row, ascent_m=-3.5),
         f"{place} ascent_m: Climb must be a number from 0 to 20000 m (got -3.5)"),
        (variant("activity_session", row, start_time="7h45"),
         f'{place} start_time: must be a time of day, HH:MM:SS (got "7h45")'),
        (variant("activity_session", row, activity_file_id=9999),
         f"{place} activity_file_id: 9999 names no activity file in the file"),
        (variant("activity_file", 0, status="deleted"),
         "table activity_file, row 1, field status: Status must be one of imported, "
         'dismissed, skipped, refused (got "deleted")'),
        (variant("activity_file", 0, sha256=" "),
         "table activity_file, row 1, field sha256: is empty but is required"),
        (variant("activity_file", 1, sha256=files[0]["sha256"]),
         "table activity_file, row 2: duplicates row 1 (same sha256 "),
    ]
    assert session["activity_file_id"] is not None
    for doc, message in cases:
        with pytest.raises(full_export.FullImportError) as caught:
            full_export.import_data(doc, backup=False)
        assert caught.value.problems[0].startswith(message), caught.value.problems
        assert snapshot() == empty
    # files a reviewed batch skipped or could not read (review finding 5) travel too
    declined = next(i for i, f in enumerate(files) if f["status"] == "dismissed")
    for status in ("skipped", "refused"):
        full_export.import_data(variant("activity_file", declined, status=status),
                                backup=False)
        assert m.ActivityFile.get_by_id(files[declined]["id"]).status == status
        db.close_journal()
        db.open_journal(tmp_path / f"target-{status}")
        sync_shipped_exercises()
    full_export.import_data(data, backup=False)  # the file itself goes in
    assert m.ActivityFile.select().count() == len(files)
