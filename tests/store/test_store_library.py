"""The shipped exercise library, its sync into the journal, and programme templates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rehabjournal.store import library
from rehabjournal.store import models as m
from rehabjournal.store.db import close_journal, open_journal

SECTION_7 = (
    "hsr-squat", "hsr-leg-press", "isometric-wall-sit", "spanish-squat",
    "isometric-leg-extension", "clamshell-band", "side-lying-leg-raise", "calf-raise",
    "eccentric-heel-drop", "step-down", "single-leg-sit-to-stand", "decline-squat",
    "glute-bridge", "quad-set", "step-up", "split-squat", "monster-walk", "side-plank",
    "leg-press", "cycling-low-resistance", "pool-walking-running", "swimming",
)
OTHERS = (
    "straight-leg-raise", "terminal-knee-extension", "hip-thrust", "romanian-deadlift",
    "hamstring-curl", "hip-flexor-stretch", "calf-stretch", "foam-roll-quads",
    "foam-roll-itb", "copenhagen-plank", "walk-run-intervals", "single-leg-balance",
)


@pytest.fixture
def db(tmp_path):
    open_journal(tmp_path)
    yield tmp_path
    close_journal()


@pytest.fixture(scope="module")
def entries():
    return library.load_library_file()


def test_library_file_has_version_and_source():
    data = json.loads(library.library_path().read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["source"].strip()


def test_library_has_enough_exercises(entries):
    assert len(entries) >= 28


@pytest.mark.parametrize("slug", SECTION_7 + OTHERS)
def test_named_exercise_is_shipped(entries, slug):
    assert slug in {e["slug"] for e in entries}


def test_every_entry_is_complete(entries):
    for e in entries:
        assert e["category"] in library.CATEGORIES, e["slug"]
        assert e["region"] in library.REGIONS, e["slug"]
        assert e["load_unit"] in library.LOAD_UNITS, e["slug"]
        assert 2 <= e["instructions"].count(".") <= 4, e["slug"]
        assert e["cues"], e["slug"]
        assert any(e.get(k) for k in library.DOSE_KEYS), e["slug"]
        kinds = [s["kind"] for s in e["progression"]]
        assert set(kinds) <= set(library.PROGRESSION_KINDS), e["slug"]


def test_section_7_doses(entries):
    by = {e["slug"]: e for e in entries}
    assert by["hsr-leg-press"]["default_sets"] == 4
    assert [s["rm"] for s in by["hsr-squat"]["progression"]] == [15, 12, 10, 8, 6]
    assert (by["isometric-wall-sit"]["default_sets"], by["isometric-wall-sit"]["default_hold_s"]) \
        == (5, 45)
    assert (by["clamshell-band"]["default_sets"], by["clamshell-band"]["default_hold_s"]) == (3, 45)
    assert by["side-lying-leg-raise"]["progression"][-1]["to"] == 1.5
    assert by["calf-raise"]["default_reps"] == 20
    assert by["quad-set"]["default_hold_s"] == 10
    assert "ribs down" in " ".join(by["glute-bridge"]["cues"]).lower()
    assert "middle of the foot" in " ".join(by["step-down"]["cues"])
    assert by["cycling-low-resistance"]["load_unit"] == "minutes"


def _write(tmp_path, entries):
    path = tmp_path / "lib.json"
    path.write_text(json.dumps({"version": 1, "exercises": entries}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("key", "value"),
    [("category", "cardio"), ("load_unit", "stone"), ("region", "elbow"), ("slug", "Bad Slug")],
)
def test_bad_value_names_slug_and_key(tmp_path, entries, key, value):
    entry = dict(entries[0], **{key: value})
    with pytest.raises(ValueError) as err:
        library.load_library_file(_write(tmp_path, [entry]))
    assert key in str(err.value)
    if key != "slug":
        assert entries[0]["slug"] in str(err.value)


def test_missing_key_names_slug_and_key(tmp_path, entries):
    entry = {k: v for k, v in entries[3].items() if k != "instructions"}
    with pytest.raises(ValueError, match=rf"{entries[3]['slug']}.*instructions"):
        library.load_library_file(_write(tmp_path, [entry]))


def test_bad_progression_step_rejected(tmp_path, entries):
    entry = dict(entries[0], progression=[{"kind": "teleport", "text": "x"}])
    with pytest.raises(ValueError, match="progression"):
        library.load_library_file(_write(tmp_path, [entry]))


def test_duplicate_slug_rejected(tmp_path, entries):
    with pytest.raises(ValueError, match="twice"):
        library.load_library_file(_write(tmp_path, [entries[0], entries[0]]))


def test_sync_inserts_then_is_idempotent(db, entries):
    assert library.sync_shipped_exercises() == len(entries)
    assert m.Exercise.select().count() == len(entries)
    before = [tuple(r) for r in m.Exercise.select().tuples()]
    assert library.sync_shipped_exercises() == 0
    assert [tuple(r) for r in m.Exercise.select().tuples()] == before
    row = m.Exercise.get(m.Exercise.slug == "glute-bridge")
    assert row.shipped
    assert json.loads(row.progression)[0]["kind"] == "reps"
    assert "Drive through the heels" in row.cues.splitlines()
    cycle = m.Exercise.get(m.Exercise.slug == "cycling-low-resistance")
    assert cycle.default_hold_s == 20 * 60


def test_sync_updates_shipped_but_leaves_user_exercises(db, tmp_path, entries):
    mine = m.Exercise.create(slug="glute-bridge", name="My bridge", category="strength",
                             cues="my cue", shipped=False)
    own = m.Exercise.create(slug="my-own", name="Own", category="mobility", shipped=False)
    library.sync_shipped_exercises()
    assert m.Exercise.get_by_id(mine.id).name == "My bridge"
    assert not m.Exercise.get_by_id(mine.id).shipped
    assert m.Exercise.get_by_id(own.id).name == "Own"
    # A changed library entry updates the shipped row, keeps its archived flag.
    m.Exercise.update(archived=True).where(m.Exercise.slug == "step-up").execute()
    changed = [dict(e, name="Step-up (renamed)") if e["slug"] == "step-up" else e
               for e in entries]
    assert library.sync_shipped_exercises(_write(tmp_path, changed)) == 1
    row = m.Exercise.get(m.Exercise.slug == "step-up")
    assert (row.name, row.archived) == ("Step-up (renamed)", True)


def test_templates_are_valid_and_refer_to_library(entries):
    templates = library.load_templates()
    keys = {t["key"] for t in templates}
    assert {"calm-then-build", "knee-overuse-12"} <= keys
    slugs = {e["slug"] for e in entries}
    for t in templates:
        for ph in t["phases"]:
            for p in ph["prescriptions"]:
                assert p["exercise"] in slugs, (t["key"], p["exercise"])
    by = {t["key"]: t for t in templates}
    assert library.template_weeks(by["calm-then-build"]) == 4
    assert library.template_weeks(by["knee-overuse-12"]) == 12
    assert any(ph["deload"] for ph in by["knee-overuse-12"]["phases"])
    assert by["knee-overuse-12"]["notes"].strip()
    hsr = [p["reps"] for ph in by["knee-overuse-12"]["phases"] if not ph["deload"]
           for p in ph["prescriptions"] if p["exercise"] == "hsr-leg-press"]
    assert hsr == [15, 12, 10, 8]


def test_create_programme_copies_template(db):
    library.sync_shipped_exercises()
    pid = library.create_programme_from_template("knee-overuse-12", date(2025, 1, 6))
    prog = m.Programme.get_by_id(pid)
    assert (prog.active, prog.template, prog.start_date) == (True, "knee-overuse-12",
                                                             date(2025, 1, 6))
    template = next(t for t in library.load_templates() if t["key"] == "knee-overuse-12")
    phases = list(prog.phases.order_by(m.Phase.position))
    assert [p.name for p in phases] == [ph["name"] for ph in template["phases"]]
    assert sum(p.weeks for p in phases) == 12
    first = list(phases[0].prescriptions.order_by(m.Prescription.position))
    assert len(first) == len(template["phases"][0]["prescriptions"])
    hsr = first[0]
    assert (hsr.exercise.slug, hsr.sets, hsr.reps, hsr.weekdays, hsr.days_per_week) == (
        "hsr-leg-press", 4, 15, "0,2,4", 3)
    # An editable copy: changing it does not change the template.
    m.Prescription.update(reps=14).where(m.Prescription.id == hsr.id).execute()
    again = next(t for t in library.load_templates() if t["key"] == "knee-overuse-12")
    assert again["phases"][0]["prescriptions"][0]["reps"] == 15


def test_only_one_programme_active(db):
    library.sync_shipped_exercises()
    a = library.create_programme_from_template("calm-then-build", date(2025, 1, 6))
    b = library.create_programme_from_template("knee-overuse-12", date(2025, 2, 3), name="Mine")
    assert [p.id for p in m.Programme.select().where(m.Programme.active == True)] == [b]  # noqa: E712
    assert m.Programme.get_by_id(b).name == "Mine"
    c = library.create_programme_from_template("calm-then-build", date(2025, 3, 3), active=False)
    assert not m.Programme.get_by_id(c).active
    assert m.Programme.get_by_id(b).active
    assert not m.Programme.get_by_id(a).active


def test_create_programme_syncs_missing_exercises(db):
    pid = library.create_programme_from_template("calm-then-build", date(2025, 1, 6))
    assert m.Prescription.select().join(m.Phase).where(m.Phase.programme == pid).count() > 10


def test_unknown_template(db):
    with pytest.raises(KeyError):
        library.create_programme_from_template("nope", date(2025, 1, 6))
