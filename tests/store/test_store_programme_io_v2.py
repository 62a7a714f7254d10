"""Programme exchange file version 2: new fields, the published schema, every error at once
with its JSON path, unknown keys as warnings, ``based_on`` wording, hostile input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehabjournal.domain import progression
from rehabjournal.store import library
from rehabjournal.store import models as m
from rehabjournal.store import programme_io as io
from rehabjournal.store.db import close_journal, open_journal

START = date(2026, 3, 2)
SCHEMA = json.loads(io.schema_path().read_text(encoding="utf-8"))
MODEL = {"model": "double", "reps": [8, 12], "load_step": 2.5, "then": ["Slower lowering"],
         "source": "ACSM 2009"}


@pytest.fixture
def lib(tmp_path):
    """A journal with the shipped exercises (closed afterwards)."""
    open_journal(tmp_path / "a")
    library.sync_shipped_exercises()
    yield tmp_path
    close_journal()


def _reopen(folder: Path) -> None:
    """Switch to another (new) journal with the shipped exercises."""
    close_journal()
    open_journal(folder)
    library.sync_shipped_exercises()


def _counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in m.ALL_MODELS}


def _shipped(slug: str) -> m.Exercise:
    return m.Exercise.get(m.Exercise.slug == slug)


def _full_programme() -> int:
    """A programme that uses every version-2 field, a user exercise with a progression
    model and a copy of a shipped exercise in the physio's words."""
    own = m.Exercise.create(
        slug="my-step-down", name="Step-down, slow", category="strength", region="knee",
        instructions="Step down from a low step.", cues="Knee over toes\nHips level",
        default_sets=3, default_reps=8, load_unit="bodyweight", progression=json.dumps(MODEL),
        side="each side", tempo="3 s down", rest_s=60, days_per_week=3, times_per_day=1,
        pain_rule="standard", media="https://example.org/step-down.mp4", source="My physio")
    base = _shipped("isometric-wall-sit")
    copy = m.Exercise.create(
        slug="my-wall-sit", name="Wall sit against the kitchen door", category=base.category,
        region=base.region, instructions="Back flat on the door.", cues="Breathe out\nPush",
        default_sets=base.default_sets, default_reps=base.default_reps,
        default_hold_s=base.default_hold_s, load_unit=base.load_unit,
        progression=base.progression, side=base.side, tempo=base.tempo, rest_s=base.rest_s,
        days_per_week=base.days_per_week, times_per_day=2, pain_rule="tendon",
        media="pictures/wall-sit.png", source=base.source, copied_from=base)
    prog = m.Programme.create(name="From my physio", notes="Call if worse", start_date=START,
                              review_date=date(2026, 4, 13), clinician_name="Sam Physio",
                              clinician_contact="sam@example.org, 0123 456")
    one = m.Phase.create(programme=prog, position=0, name="Settle", weeks=2, goal="Calm",
                         criteria="Pain <= 2/10 on stairs", carry_progress=True)
    two = m.Phase.create(programme=prog, position=1, name="Build", weeks=3, deload=True,
                         criteria="", carry_progress=False)
    m.Prescription.create(phase=one, exercise=copy, position=0, sets=5, hold_s=45,
                          load_unit="seconds", weekdays="0,2,4", side="both", times_per_day=2,
                          effort_target="about 70 % effort", pain_rule="tendon",
                          media="https://example.org/wall-sit", rest_s=120, notes="ü")
    m.Prescription.create(phase=two, exercise=own, position=0, sets=3, reps=10, load=2.5,
                          load_unit="kg", tempo="3 s down, 1 s up", days_per_week=2,
                          side="left", effort_target="RPE 6")
    m.Prescription.create(phase=two, exercise=_shipped("hsr-squat"), position=1, sets=4,
                          reps=15, load=60.0, load_unit="kg", weekdays="1,3,5")
    return prog.id


# ---- version 2 round trip -------------------------------------------------------------------

def test_every_v2_field_survives_export_and_import_into_another_journal(lib, tmp_path):
    path = tmp_path / "plan.json"
    io.write_programme_file(_full_programme(), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == 2
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(doc)) == []
    first = doc["programme"]["phases"][0]["prescriptions"][0]
    assert first["weekdays"] == ["Mon", "Wed", "Fri"] and first["exercise"] == "my-wall-sit"
    wall = next(e for e in doc["exercises"] if e["slug"] == "my-wall-sit")
    # a copy of a shipped exercise is written as its base plus the keys that differ
    assert wall == {"slug": "my-wall-sit", "based_on": "isometric-wall-sit",
                    "name": "Wall sit against the kitchen door",
                    "instructions": "Back flat on the door.", "cues": ["Breathe out", "Push"],
                    "times_per_day": 2, "pain_rule": "tendon",
                    "media": "pictures/wall-sit.png"}
    assert doc["programme"]["clinician"] == {"name": "Sam Physio",
                                             "contact": "sam@example.org, 0123 456"}

    _reopen(tmp_path / "b")
    warnings: list[str] = []
    new_id = io.import_programme_file(path, warnings)
    assert warnings == []
    again = io.export_programme(new_id)
    again["exported"] = doc["exported"]
    assert again == doc
    copy = m.Exercise.get(m.Exercise.slug == "my-wall-sit")
    assert copy.shipped is False and copy.copied_from_id == _shipped("isometric-wall-sit").id
    assert copy.default_hold_s == _shipped("isometric-wall-sit").default_hold_s  # from base
    own = m.Exercise.get(m.Exercise.slug == "my-step-down")
    assert json.loads(own.progression) == MODEL and own.copied_from_id is None
    assert (own.side, own.tempo, own.rest_s, own.times_per_day, own.source) == \
        ("each side", "3 s down", 60, 1, "My physio")
    prog = m.Programme.get_by_id(new_id)
    assert (prog.review_date, prog.clinician_name, prog.active) == \
        (date(2026, 4, 13), "Sam Physio", False)
    p = m.Prescription.select().join(m.Phase).where(m.Phase.programme == new_id).first()
    assert (p.weekdays, p.effort_target, p.times_per_day, p.pain_rule) == \
        ("0,2,4", "about 70 % effort", 2, "tendon")
    phases = list(m.Phase.select().where(m.Phase.programme == new_id).order_by(m.Phase.position))
    assert [(ph.criteria, ph.carry_progress) for ph in phases] == \
        [("Pain <= 2/10 on stairs", True), ("", False)]


def test_import_in_the_same_journal_reuses_the_exercises(lib, tmp_path):
    pid = _full_programme()
    before = m.Exercise.select().count()
    warnings: list[str] = []
    new_id = io.import_document(io.export_programme(pid), warnings)
    assert warnings == [] and m.Exercise.select().count() == before and new_id != pid


def test_v1_file_still_imports(lib):
    doc = {
        "format": "rehabjournal-programme", "version": 1,
        "programme": {"name": "Knee plan from my physio", "start_date": "2026-03-02",
                      "phases": [{"name": "Settle", "weeks": 2, "deload": False, "goal": "Calm",
                                  "prescriptions": [
                                      {"exercise": "isometric-wall-sit", "sets": 5,
                                       "hold_s": 45, "load_unit": "seconds", "rest_s": 120,
                                       "weekdays": "0,2,4"},
                                      {"exercise": "my-towel-squeeze", "sets": 3, "hold_s": 10,
                                       "days_per_week": 7}]}]},
        "exercises": [{"slug": "my-towel-squeeze", "name": "Towel squeeze",
                       "category": "isometric", "region": "knee", "cues": ["Squeeze gently"],
                       "default_sets": 3, "default_hold_s": 10, "load_unit": "seconds",
                       "progression": [{"kind": "hold", "to": 20, "text": "Up to 20 s"}]}],
    }
    warnings: list[str] = []
    new_id = io.import_document(doc, warnings)
    assert warnings == []
    rows = list(m.Prescription.select().join(m.Phase).where(m.Phase.programme == new_id)
                .order_by(m.Prescription.position))
    assert [r.weekdays for r in rows] == ["0,2,4", ""]
    assert [r.carry_progress for r in m.Phase.select().where(m.Phase.programme == new_id)] == \
        [True]
    towel = m.Exercise.get(m.Exercise.slug == "my-towel-squeeze")
    assert json.loads(towel.progression)[0]["kind"] == "hold" and towel.side == ""


# ---- errors and warnings ----------------------------------------------------------------------

def _doc(**programme) -> dict:
    return {"format": "rehabjournal-programme", "version": 2,
            "programme": {"name": "P", "phases": [
                {"name": "One", "weeks": 2, "prescriptions": [
                    {"exercise": "isometric-wall-sit", "sets": 5, "hold_s": 45,
                     "weekdays": ["Mon", "Wed", "Fri"]}]},
                {"name": "Two", "weeks": 2, "prescriptions": [
                    {"exercise": "hsr-squat", "sets": 4, "reps": 15, "load": 60,
                     "load_unit": "kg", "days_per_week": 3}]}], **programme}}


def test_a_file_with_three_errors_reports_all_three_with_their_paths(lib):
    doc = _doc(review_date="2026-02-30")
    doc["programme"]["phases"][1]["prescriptions"][0]["sets"] = 0
    doc["programme"]["phases"][0]["prescriptions"][0]["exercise"] = "moon-walk"
    before = _counts()
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_document(doc)
    assert err.value.problems == [
        "programme.phases[0].prescriptions[0].exercise: unknown exercise 'moon-walk': it is "
        "not in this journal's library and the file carries no copy of it in 'exercises'",
        "programme.phases[1].prescriptions[0].sets: 0 is less than the minimum of 1",
        "programme.review_date: '2026-02-30' is not a real date",
    ]
    assert err.value.total == 3 and err.value.exit_code == 3
    assert _counts() == before


def test_errors_are_in_plain_words(lib):
    doc = _doc()
    first = doc["programme"]["phases"][0]["prescriptions"][0]
    first.update(reps="ten", side="sideways", weekdays=["Mon", "Funday"], pain_rule=None)
    del doc["programme"]["phases"][1]["weeks"]
    doc["programme"]["name"] = "   "
    doc["exercises"] = [{"slug": "My Squat", "category": "strength"},
                        {"based_on": "isometric-wall-sit", "media": "javascript:alert(1)",
                         "progression": {"model": "double", "reps": [12, 8]}}]
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_document(doc)
    assert err.value.problems == [
        "programme.name: must be text that is not blank (got '   ')",
        "programme.phases[0].prescriptions[0].weekdays[1]: must be one of 'Mon', 'Tue', "
        "'Wed', 'Thu', 'Fri', 'Sat' or 'Sun' (got 'Funday')",
        "programme.phases[0].prescriptions[0].reps: must be a whole number or null "
        "(got 'ten')",
        "programme.phases[0].prescriptions[0].side: must be one of 'both', 'each side', "
        "'affected side', 'left', 'right' or empty (got 'sideways')",
        "programme.phases[0].prescriptions[0].pain_rule: must be one of 'standard', "
        "'tendon' or empty (got null)",
        "programme.phases[1].weeks: is missing",
        "exercises[0].slug: must be an exercise slug: lower-case words joined by hyphens, "
        "e.g. my-towel-squeeze (got 'My Squat')",
        "exercises[0].name: is missing (needed unless the entry has 'based_on')",
        "exercises[1].media: a picture or video must be an https:// link or a file on this "
        "computer (a picture, a video or a PDF, e.g. C:\\Users\\me\\bridge.mp4 or "
        "~/Videos/bridge.mp4); javascript: links are not opened (got 'javascript:alert(1)')",
        "exercises[1].progression: reps: must be [lowest, highest] whole numbers",
    ]


def test_unknown_keys_are_listed_as_warnings_and_the_import_goes_on(lib):
    doc = _doc()
    doc["rpe"] = 7
    doc["programme"]["video"] = "https://example.org"
    doc["programme"]["clinician"] = {"name": "Sam", "phone": "0123"}
    doc["programme"]["phases"][0]["rpe"] = 6
    doc["programme"]["phases"][0]["prescriptions"][0].update(video="x.mp4", rpe=5, set=3)
    doc["exercises"] = [{"slug": "my-hop", "name": "Hop", "category": "strength",
                         "default_reps": 10, "video": "hop.mp4"}]
    warnings: list[str] = []
    new_id = io.import_document(doc, warnings)
    assert warnings == [
        "programme.phases[0].prescriptions[0].video: unknown key, ignored",
        "programme.phases[0].prescriptions[0].rpe: unknown key, ignored",
        "programme.phases[0].prescriptions[0].set: unknown key, ignored (did you mean "
        "'sets'?)",
        "programme.phases[0].rpe: unknown key, ignored",
        "programme.video: unknown key, ignored",
        "programme.clinician.phone: unknown key, ignored",
        "rpe: unknown key, ignored",
        "exercises[0].video: unknown key, ignored",
    ]
    prog = m.Programme.get_by_id(new_id)
    assert prog.clinician_name == "Sam"
    assert m.Exercise.get(m.Exercise.slug == "my-hop").default_reps == 10


def test_a_refused_file_also_lists_its_warnings(lib):
    doc = _doc()
    first = doc["programme"]["phases"][0]["prescriptions"][0]
    first["set"] = first.pop("sets")  # misspelt: the warning explains the error
    warnings: list[str] = []
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_document(doc, warnings)
    assert err.value.problems == ["programme.phases[0].prescriptions[0].sets: is missing"]
    assert list(err.value.warnings) == warnings == [
        "programme.phases[0].prescriptions[0].set: unknown key, ignored (did you mean "
        "'sets'?)"]


# ---- based_on: the physio's wording over a shipped exercise -----------------------------------

def test_based_on_without_a_slug_replaces_the_shipped_exercise_in_this_file(lib):
    doc = _doc()
    doc["exercises"] = [{"based_on": "isometric-wall-sit", "name": "Wall sit, my way",
                         "cues": ["Back flat", "Breathe"], "tempo": "hold", "side": "both",
                         "media": "https://example.org/wall.png"}]
    new_id = io.import_document(doc)
    base = _shipped("isometric-wall-sit")
    p = m.Prescription.select().join(m.Phase).where(m.Phase.programme == new_id).first()
    copy = p.exercise
    assert copy.id != base.id and copy.copied_from_id == base.id and not copy.shipped
    assert (copy.name, copy.cues, copy.tempo, copy.side, copy.media) == \
        ("Wall sit, my way", "Back flat\nBreathe", "hold", "both", "https://example.org/wall.png")
    assert (copy.instructions, copy.category, copy.default_hold_s) == \
        (base.instructions, base.category, base.default_hold_s)
    assert copy.slug == "my-wall-sit-my-way"
    assert base.name != "Wall sit, my way"  # the shipped exercise is untouched


def test_based_on_with_a_slug_is_used_by_that_slug(lib):
    doc = _doc()
    doc["exercises"] = [{"slug": "sam-wall-sit", "based_on": "isometric-wall-sit",
                         "instructions": "Sam's words."}]
    doc["programme"]["phases"][1]["prescriptions"].append(
        {"exercise": "sam-wall-sit", "sets": 3, "hold_s": 30, "weekdays": "Tue, Thu"})
    new_id = io.import_document(doc)
    rows = list(m.Prescription.select().join(m.Phase).where(m.Phase.programme == new_id)
                .order_by(m.Phase.position, m.Prescription.position))
    assert [r.exercise.slug for r in rows] == ["isometric-wall-sit", "hsr-squat", "sam-wall-sit"]
    assert rows[2].exercise.instructions == "Sam's words." and rows[2].weekdays == "1,3"


@pytest.mark.parametrize("entries, problem", [
    ([{"based_on": "no-such-exercise", "name": "X"}],
     "exercises[0].based_on: 'no-such-exercise' is not an exercise in this journal's library"),
    ([{"slug": "isometric-wall-sit", "based_on": "isometric-wall-sit"}],
     "exercises[0].slug: must differ from 'based_on' (the adapted copy needs its own slug)"),
    ([{"based_on": "hsr-squat", "name": "A"}, {"based_on": "hsr-squat", "name": "B"}],
     "exercises[1]: adapts 'hsr-squat' a second time (also exercises[0]); give each a 'slug'"),
    ([{"slug": "my-a", "name": "A", "category": "strength"},
      {"slug": "my-a", "name": "B", "category": "strength"}],
     "exercises[1].slug: 'my-a' is given twice (also exercises[0])"),
])
def test_bad_exercise_entries(lib, entries, problem):
    doc = _doc()
    doc["exercises"] = entries
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_document(doc)
    assert err.value.problems == [problem]


def test_an_existing_exercise_that_differs_is_kept_with_a_warning(lib):
    m.Exercise.create(slug="my-hop", name="Hop", category="strength")
    doc = _doc()
    doc["exercises"] = [{"slug": "my-hop", "name": "Hop on one leg", "category": "strength"}]
    warnings: list[str] = []
    io.import_document(doc, warnings)
    assert warnings == ["exercises[0]: this journal already has an exercise 'my-hop' that "
                        "differs from the file's; the journal's own is used"]
    assert m.Exercise.get(m.Exercise.slug == "my-hop").name == "Hop"


# ---- weekdays -----------------------------------------------------------------------------

@pytest.mark.parametrize("weekdays, stored", [
    (["Mon", "Wed", "Fri"], "0,2,4"),
    (["Fri", "Mon"], "0,4"),
    ("Mon, Wed, Fri", "0,2,4"),
    ("monday,thursday", "0,3"),
    ("0,2,4", "0,2,4"),
    ([], ""),  # then days_per_week
])
def test_weekdays_as_names_text_or_numbers(lib, weekdays, stored):
    doc = _doc()
    doc["programme"]["phases"][0]["prescriptions"][0].update(weekdays=weekdays,
                                                            days_per_week=3)
    new_id = io.import_document(doc)
    p = m.Prescription.select().join(m.Phase).where(m.Phase.programme == new_id).first()
    assert p.weekdays == stored


def test_weekdays_or_days_per_week_and_a_dose_are_needed(lib):
    doc = _doc()
    first = doc["programme"]["phases"][0]["prescriptions"][0]
    del first["weekdays"], first["hold_s"]
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_document(doc)
    assert err.value.problems == [
        "programme.phases[0].prescriptions[0]: give 'weekdays' or 'days_per_week'",
        "programme.phases[0].prescriptions[0]: give 'reps' or 'hold_s'"]


# ---- no input raises anything but ProgrammeFileError -----------------------------------------

HOSTILE: dict[str, bytes] = {
    "empty": b"",
    "not utf-8": b'{"format": "rehabjournal-programme", "name": "\xff\xfe"}',
    "utf-16": json.dumps(_doc()).encode("utf-16"),
    "null": b"null",
    "a number": b"2",
    "bad json": b'{"format": ',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "5000 digits": b'{"format": "rehabjournal-programme", "version": ' + b"9" * 5000 + b"}",
    "version true": b'{"format": "rehabjournal-programme", "version": true}',
}


def _hostile_docs() -> dict[str, str]:
    """Documents that parse but are wrong in ways a schema alone would not catch."""
    def edit(fn) -> str:
        doc = _doc()
        fn(doc)
        return json.dumps(doc, allow_nan=True)

    first = lambda d: d["programme"]["phases"][0]["prescriptions"][0]  # noqa: E731
    deep: dict = {}
    node = deep
    for _ in range(60):
        node["x"] = {}
        node = node["x"]
    return {
        "NaN load": edit(lambda d: first(d).update(load=float("nan"))),
        "NaN sets": edit(lambda d: first(d).update(sets=float("nan"))),
        "1e400 load": edit(lambda d: first(d).update(load=float("inf"))),
        "2**63 sets": edit(lambda d: first(d).update(sets=2**63)),
        "-2**63 rest": edit(lambda d: first(d).update(rest_s=-(2**63))),
        "2**63 version": edit(lambda d: d.update(version=2**63)),
        "4000-digit reps": edit(lambda d: first(d).update(reps=int("9" * 4000))),
        "bool sets": edit(lambda d: first(d).update(sets=True)),
        "float weeks": edit(lambda d: d["programme"]["phases"][0].update(weeks=1.5)),
        "programme is a list": edit(lambda d: d.update(programme=[])),
        "phases is text": edit(lambda d: d["programme"].update(phases="all")),
        "prescriptions is an object": edit(
            lambda d: d["programme"]["phases"][0].update(prescriptions={})),
        "prescription is a number": edit(
            lambda d: d["programme"]["phases"][0].update(prescriptions=[3])),
        "exercises is text": edit(lambda d: d.update(exercises="none")),
        "exercise entry is null": edit(lambda d: d.update(exercises=[None])),
        "progression is text": edit(lambda d: d.update(exercises=[
            {"slug": "my-x", "name": "X", "category": "strength", "progression": "more"}])),
        "bad progression model": edit(lambda d: d.update(exercises=[
            {"slug": "my-x", "name": "X", "category": "strength",
             "progression": {"model": "rm_schedule", "stages": [{"weeks": [3, 1]}]}}])),
        "lone surrogate": edit(lambda d: d["programme"].update(name="\ud800")),
        "surrogate key": edit(lambda d: d["programme"].update({"\udc00": 1})),
        "deep unknown key": edit(lambda d: d.update(video=deep)),
        "huge list": edit(lambda d: d["programme"]["phases"][0].update(
            prescriptions=[{"exercise": "hsr-squat"}] * 5000)),
        "weekdays is a number": edit(lambda d: first(d).update(weekdays=7)),
        "clinician is text": edit(lambda d: d["programme"].update(clinician="Sam")),
        "date is a number": edit(lambda d: d["programme"].update(start_date=20260302)),
        "date with time": edit(lambda d: d["programme"].update(start_date="2026-03-02T10:00")),
        # Python's "$" (the schema's patterns) lets one final line break through
        "date and a line break": edit(lambda d: d["programme"].update(review_date="2026-03-02\n")),
        "slug and a line break": edit(lambda d: d.update(exercises=[
            {"slug": "my-x\n", "name": "X", "category": "strength"}])),
        "based_on and a line break": edit(lambda d: d.update(exercises=[
            {"based_on": "hsr-squat\n"}])),
        "exercise and a line break": edit(lambda d: first(d).update(exercise="hsr-squat\n")),
        "name is huge": edit(lambda d: d["programme"].update(name="x" * 100_000)),
    }


@pytest.mark.parametrize("name", [*HOSTILE, *_hostile_docs()])
def test_hostile_input_is_refused_with_messages_and_writes_nothing(lib, tmp_path, name):
    path = tmp_path / "bad.json"
    path.write_bytes(HOSTILE[name] if name in HOSTILE else
                     _hostile_docs()[name].encode("utf-8", "surrogatepass"))
    before = _counts()
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_programme_file(path)
    assert err.value.problems and all(isinstance(p, str) and p for p in err.value.problems)
    assert all(len(p) < 400 for p in err.value.problems)
    assert err.value.where == str(path)
    assert _counts() == before


def test_non_finite_numbers_are_reported_once_with_their_path(lib):
    doc = _doc()
    doc["programme"]["phases"][0]["prescriptions"][0]["sets"] = float("nan")
    doc["programme"]["phases"][1]["prescriptions"][0]["load"] = float("inf")
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_document(doc)
    assert err.value.problems == [
        "programme.phases[0].prescriptions[0].sets: must be a finite number (got nan)",
        "programme.phases[1].prescriptions[0].load: must be a finite number (got inf)"]


_json = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)
_keys = st.sampled_from(["format", "version", "programme", "exercises", "name", "phases",
                         "weeks", "prescriptions", "exercise", "sets", "weekdays", "based_on",
                         "progression", "slug", "clinician", "model", "load", "cues"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(path=st.lists(st.one_of(_keys, st.integers(0, 2)), max_size=6), value=_json)
def test_any_mutation_of_a_good_file_imports_or_is_refused_cleanly(lib, path, value):
    doc = _doc()
    doc["exercises"] = [{"slug": "my-x", "name": "X", "category": "strength",
                         "progression": dict(MODEL)}]
    def fits(node: object, part: str | int, new: bool = False) -> bool:
        if isinstance(node, dict):
            return isinstance(part, str) and (new or part in node)
        return isinstance(node, list) and isinstance(part, int) and part < len(node)

    node: object = doc
    for part in path[:-1]:
        if fits(node, part):
            node = node[part]
    if path and fits(node, path[-1], new=True):
        node[path[-1]] = value
    with m.database.atomic() as transaction:  # each example starts from the same journal
        try:
            io.import_document(doc)
        except io.ProgrammeFileError as exc:
            assert exc.problems and all(isinstance(p, str) for p in exc.problems)
        finally:
            transaction.rollback()


# ---- the published schema ------------------------------------------------------------------

def test_schema_is_valid_draft_2020_12_and_matches_the_code():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    defs = SCHEMA["$defs"]
    ex = defs["exercise"]["properties"]
    assert set(ex) - {"slug", "based_on"} == set(io.EXERCISE_KEYS)
    assert set(defs["prescription"]["properties"]) - {"exercise"} == set(io.PRESCRIPTION_KEYS)
    assert set(defs["phase"]["properties"]) - {"prescriptions"} == set(io.PHASE_KEYS)
    assert ex["category"]["enum"] == list(library.CATEGORIES)
    assert ex["region"]["enum"] == ["", *library.REGIONS]
    assert defs["loadUnit"]["enum"] == list(library.LOAD_UNITS)
    assert defs["step"]["properties"]["kind"]["enum"] == list(library.PROGRESSION_KINDS)
    assert defs["progression"]["properties"]["model"]["enum"] == list(progression.MODELS)
    assert defs["side"]["enum"] == ["", *progression.SIDES]
    assert defs["painRule"]["enum"] == ["", *progression.PAIN_RULES]
    assert defs["weekdays"]["items"]["enum"] == list(progression.WEEKDAY_NAMES)


def test_the_docs_example_is_valid_and_imports(lib):
    text = (Path(__file__).resolve().parents[2] / "docs" / "programme-format.md").read_text(
        encoding="utf-8")
    example = text.split("## Example", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    doc = json.loads(example)
    assert doc["version"] == 2
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(doc)) == []
    warnings: list[str] = []
    io.import_document(doc, warnings)
    assert warnings == []
