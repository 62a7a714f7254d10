"""import-all refuses rows the app's own forms never make (issue 17, items 1 and 6; review
of team 2): each mutation of a real (demo) export is refused with its place, and the
journal is exactly as it was (its own full export before and after is the same)."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime

import pytest

from rehabjournal.services import demo, exports, outcomes, settings
from rehabjournal.store import db, full_export
from rehabjournal.store.library import sync_shipped_exercises

NOW = datetime(2026, 3, 21, 9, 0)
JOURNAL_ID = "0123456789abcdef0123456789abcdef"


@pytest.fixture(scope="module")
def demo_doc(tmp_path_factory) -> dict:
    """The demo journal's full export (12 weeks to 2026-03-20), made once."""
    db.open_journal(tmp_path_factory.mktemp("demo") / "data")
    try:
        sync_shipped_exercises()
        demo.generate_demo(end=date(2026, 3, 20))
        return full_export.export_data(NOW)
    finally:
        db.close_journal()


@pytest.fixture
def target(tmp_path):
    """A fresh, empty journal to import into."""
    db.open_journal(tmp_path / "target")
    sync_shipped_exercises()
    yield tmp_path
    db.close_journal()


def _import(folder, doc: dict) -> list[str] | None:
    """Import ``doc``; the problems when refused (asserting the journal unchanged)."""
    path = folder / "all.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = full_export.export_data(NOW)
    try:
        exports.import_everything(path)
    except full_export.FullImportError as exc:
        assert full_export.export_data(NOW) == before
        return exc.problems
    return None


def _mutated(doc: dict, change) -> dict:
    copy_ = copy.deepcopy(doc)
    change(copy_["tables"])
    return copy_


def _setting(key, value):
    return lambda t: t["setting"].append({"key": key, "value": value})


def _set(table, row, **values):
    return lambda t: t[table][row].update(values)


def _same_position(t):
    day = t["activity_session"][1]["day"]
    for row in t["activity_session"]:
        if row["day"] == day:
            row["position"] = 0


def _instrument(t):
    t["outcome_response"].append({"id": 1, "instrument": "nope", "day": "2026-03-01",
                                  "answers": "{}", "score": None, "subscores": ""})


SETTING_KEY = ("table setting, row 1, field key: must be the name of a journal option, "
               "such as thresholds.acceptable_pain (got {})")
NOT_JOURNAL = ("table setting, row 1, field key: {} is not an option of a journal (those "
               "start with thresholds., outcomes., patterns., activities., hr. or journal.): an "
               "option of each "
               "computer, such as the window's size, stays on that computer")
JOURNAL_ID_MSG = ("table setting, row 1, field value: the journal id must be 32 hexadecimal "
                  "digits (0-9, a-f) in quotes, as the app makes it (got {})")


@pytest.mark.parametrize("change, problem", [
    (_set("pain_site", 0, side="middle"),
     'table pain_site, row 1, field side: Side must be one of left, right, both, "" (none) '
     '(got "middle")'),
    (_set("pain_site", 1, primary=True),
     "table pain_site, row 2, field primary: only one pain site can be the primary one "
     "(row 1 is primary too)"),
    (_set("pain_site", 0, joint="\u202eknee"),
     "table pain_site, row 1, field joint: Joint must not hold control or invisible "
     "formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE at character 1)"),
    (_set("pain_site", 0, area="x" * 100_000),
     "table pain_site, row 1, field area: Area is too long (100,000 characters; at most 100)"),
    (_set("pain_site", 0, joint=" "), "table pain_site, row 1, field joint: Joint is required"),
    (_set("profile", 0, joint="elbow"),
     'table profile, row 1, field joint: Joint must be one of knee, hip, ankle, foot, lower '
     'leg, thigh, lower back, other (got "elbow")'),
    (_set("profile", 0, condition="broken\u200bleg"),
     "table profile, row 1, field condition: Condition must not hold control or invisible "
     "formatting characters (U+200B ZERO WIDTH SPACE at character 7)"),
    (lambda t: t["profile"].append({**t["profile"][0], "id": 2}),
     "table profile, row 2: a journal has one profile (row 1 is it)"),
    (lambda t: t["programme"].append({**t["programme"][0], "id": 2}),
     "table programme, row 2, field active: only one programme can be active (row 1 is "
     "active too)"),
    (_set("activity_session", 0, source="watch"),
     'table activity_session, row 1, field source: Source must be one of "" (none), '
     'programme, file (got "watch")'),
    (_instrument,
     'table outcome_response, row 1, field instrument: Outcome measure must be one of koos, '
     'lefs, psfs (got "nope")'),
    (_set("prescription_change", 0, field_name="evil"),
     "table prescription_change, row 1, field field_name: The changed field must be one of "
     "exercise, sets, reps, hold_s, load, load_unit, tempo, rest_s, days_per_week, weekdays, "
     'notes, side, times_per_day, effort_target, pain_rule, media (got "evil")'),
    (_set("check_in_site_pain", 0, site_id=1),
     "table check_in_site_pain, row 1, field site_id: 1 is the primary pain site, whose "
     "morning pain is the check-in's morning_pain, not a site pain"),
    (_same_position,
     "table activity_session, row 3: duplicates row 2 (same day 2025-12-30 and position 0)"),
    (_setting("", "1"), SETTING_KEY.format('""')),
    (_setting("Thresholds.Acceptable_Pain", "4"),
     SETTING_KEY.format('"Thresholds.Acceptable_Pain"')),
    (_setting("ui.theme", '"dark"'), NOT_JOURNAL.format('"ui.theme"')),
    (_setting("window.geometry", '""'), NOT_JOURNAL.format('"window.geometry"')),
    (_setting("thresholds", '{"acceptable_pain": 99}'),
     'table setting, row 1, field key: "thresholds" is the one row of a schema 2 file; from '
     "schema 3 a journal has one row per threshold (thresholds.acceptable_pain ...)"),
    (_setting("journal.id", '"../../etc"'), JOURNAL_ID_MSG.format('"../../etc"')),
    (_setting("journal.id", "5"), JOURNAL_ID_MSG.format("5")),
    (_setting("journal.id", json.dumps("0123456789abcdef\r\n0123456789abcdef")),
     JOURNAL_ID_MSG.format('"0123456789abcdef\\r\\n0123456789abcdef"')),
    (_setting("journal.id", json.dumps("a" * 100_000)),
     JOURNAL_ID_MSG.format('"' + "a" * 35 + '..."')),
    (_setting("journal.id", json.dumps(JOURNAL_ID.upper())),
     JOURNAL_ID_MSG.format(f'"{JOURNAL_ID.upper()}"')),
], ids=["side", "two-primary", "rlo-joint", "long-area", "blank-joint",
        "profile-joint", "condition-zwsp", "two-profiles", "two-active", "source",
        "instrument", "field-name", "site-pain-of-primary", "same-position", "empty-key",
        "key-case", "ui-theme", "machine-key", "legacy-thresholds", "id-path", "id-number",
        "id-crlf", "id-long", "id-upper"])
def test_rows_the_app_never_makes_are_refused(demo_doc, target, change, problem):
    assert _import(target, _mutated(demo_doc, change)) == [problem]


def test_the_demo_export_itself_imports_with_its_journal_id(demo_doc, target):
    doc = _mutated(demo_doc, _setting("journal.id", json.dumps(JOURNAL_ID)))
    assert _import(target, doc) is None
    assert full_export.export_data(NOW)["tables"] == doc["tables"]


@pytest.mark.parametrize("change", [
    _set("pain_site", 1, joint="elbow"),  # the "Add a pain site" form's joint is editable
    _set("profile", 0, condition="broken_leg"),  # so is the welcome form's condition
    _set("pain_site", 1, area="سمت چپ\u200cزانو"),  # ZWNJ: Persian needs it
])
def test_what_a_form_lets_a_person_type_imports(demo_doc, target, change):
    assert _import(target, _mutated(demo_doc, change)) is None


def test_a_journal_without_primary_site_exports_its_main_site_as_primary(target):
    """Sites made by a CSV import of an earlier version had no primary one: the export
    marks the main site (the first by id), so the file imports back."""
    from rehabjournal.store import models as m

    m.PainSite.create(joint="knee", side="right")
    m.PainSite.create(joint="hip", side="left")
    sites = full_export.export_data(NOW)["tables"]["pain_site"]
    assert [(s["joint"], s["primary"]) for s in sites] == [("knee", True), ("hip", False)]


def test_the_setting_groups_are_those_of_the_registry():
    groups = {o.key.partition(".")[0] for o in settings.all_options()
              if o.where == settings.JOURNAL}
    machine = {o.key.partition(".")[0] for o in settings.all_options()
               if o.where == settings.MACHINE}
    assert groups | {"journal"} == set(full_export.JOURNAL_SETTING_GROUPS)
    assert not machine & set(full_export.JOURNAL_SETTING_GROUPS)


def test_the_instruments_are_those_the_app_knows():
    assert full_export.OUTCOME_INSTRUMENTS == outcomes.INSTRUMENT_KEYS


def test_a_file_with_no_primary_site_gets_its_main_site_marked(demo_doc, target):
    """An export made before the rule, of a journal whose CSV import made its sites without
    marking one: it is the app's own file and imports, with the main site (lowest id, not
    archived) as the primary one."""
    def none_primary(tables):
        for row in tables["pain_site"]:
            row["primary"] = False

    doc = _mutated(demo_doc, none_primary)
    assert _import(target, doc) is None
    sites = full_export.export_data(NOW)["tables"]["pain_site"]
    first = min(sites, key=lambda r: (r["archived"], r["id"]))
    assert [r["id"] for r in sites if r["primary"]] == [first["id"]]


def test_a_refused_import_leaves_a_journal_without_library_as_it_was(tmp_path):
    """A journal made by a CSV import has no library rows; a refused import-all ("the
    journal is not empty") added the 43 shipped exercises although it said the journal was
    unchanged."""
    import sqlite3

    from rehabjournal import cli

    data = tmp_path / "j"
    csv = tmp_path / "in.csv"
    csv.write_text("date,morning_pain\n2026-03-02,3\n", encoding="utf-8")
    assert cli.main(["--data-dir", str(data), "import", str(csv)]) == 0
    with sqlite3.connect(data / "journal.sqlite") as con:
        before = con.execute("SELECT count(*) FROM exercise").fetchone()[0]
    doc = tmp_path / "all.json"
    assert cli.main(["--data-dir", str(data), "export-all", str(doc)]) == 0
    assert cli.main(["--data-dir", str(data), "import-all", str(doc)]) == 3
    with sqlite3.connect(data / "journal.sqlite") as con:
        assert con.execute("SELECT count(*) FROM exercise").fetchone()[0] == before
