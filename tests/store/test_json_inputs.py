"""Issue 17 items 6 and 7: import-all and programme files take the one validation, refuse
what a journal cannot hold with its place, and the calendar escapes and names events per
journal. Each test checks the message a person reads and that nothing was written."""

from __future__ import annotations

import json
from datetime import date

import icalendar
import pytest

from rehabjournal.services import exports, settings
from rehabjournal.store import db, full_export, json_input
from rehabjournal.store import models as m
from rehabjournal.store import programme_io as io
from rehabjournal.store.library import create_programme_from_template, sync_shipped_exercises

START = date(2026, 3, 2)


def _small_export() -> dict:
    """A small journal's full export: two check-ins, a session with a site pain, a flag."""
    site = m.PainSite.create(joint="knee", side="left", primary=True)
    first = m.CheckIn.create(day=date(2026, 3, 1), morning_pain=3, sleep_hours=7.5,
                             swelling="mild", notes="stiff")
    m.CheckIn.create(day=date(2026, 3, 2), morning_pain=2)
    other = m.PainSite.create(joint="knee", side="right")  # the primary's is morning_pain
    m.CheckInSitePain.create(checkin=first, site=other, pain=2)
    m.ActivitySession.create(day=date(2026, 3, 1), kind="run", minutes=30, rpe=4,
                             pain_during=2, site=site)
    m.RedFlag.create(day=date(2026, 3, 2), code="night_or_constant_pain")
    settings.set("thresholds.acceptable_pain", 4)
    return full_export.export_data()


@pytest.fixture
def doc(journal, tmp_path):
    """(the small export, a fresh empty target journal opened)."""
    sync_shipped_exercises()
    data = _small_export()
    db.close_journal()
    db.open_journal(tmp_path / "target")
    sync_shipped_exercises()
    return data


def _rows() -> dict[str, int]:
    return {full_export.table_name(t): t.select().count() for t in m.ALL_MODELS}


def _refused(tmp_path, raw: bytes) -> list[str]:
    path = tmp_path / "f.json"
    path.write_bytes(raw)
    before = _rows()
    with pytest.raises(full_export.FullImportError) as info:
        exports.import_everything(path)
    assert _rows() == before
    return info.value.problems


def _with(data: dict, table: str, row: int, **values) -> bytes:
    copy = json.loads(json.dumps(data))
    copy["tables"][table][row].update(values)
    return json.dumps(copy).encode()


PAIN_RANGE = "Morning pain must be a whole number from 0 to 10"


@pytest.mark.parametrize("table, values, message", [
    ("check_in", {"morning_pain": 99}, f"field morning_pain: {PAIN_RANGE} (got 99)"),
    ("check_in", {"morning_pain": -5}, f"field morning_pain: {PAIN_RANGE} (got -5)"),
    ("check_in", {"sleep_hours": 1e308},
     "field sleep_hours: Sleep must be a number from 0 to 24 hours (got 1e+308)"),
    ("check_in", {"sleep_hours": -1},
     "field sleep_hours: Sleep must be a number from 0 to 24 hours (got -1)"),
    ("check_in", {"swelling": "enormous"}, "field swelling: Swelling must be one of none, "
     "mild, moderate, severe (got “enormous”)"),
    ("check_in", {"day": "9999-12-31"}, "field day: 9999-12-31 is outside the dates the "
     "journal accepts (1900-01-01 to 2100-12-31)"),
    ("check_in", {"notes": "a\x00b"}, "field notes: the text holds a NUL character (\\0), "
     "which cannot be stored"),
    ("check_in", {"morning_pain": 2**63}, "field morning_pain: 9223372036854775808 is outside "
     "the whole numbers a journal can hold (-9223372036854775808 to 9223372036854775807)"),
    ("check_in", {"notes": ["a"]}, 'field notes: must be text (got a list)'),
])
def test_import_all_refuses_what_csv_refuses_with_its_place(doc, tmp_path, table, values,
                                                            message):
    problems = _refused(tmp_path, _with(doc, table, 0, **values))
    assert problems == [f"table {table}, row 1, {message}"]


def test_unknown_red_flag_code_and_constraints_name_table_and_row(doc, tmp_path):
    problems = _refused(tmp_path, _with(doc, "red_flag", 0, code="moon"))
    assert problems[0].startswith("table red_flag, row 1, field code: Red flag must be one "
                                  "of cannot_bear_weight,")
    assert problems[0].endswith("(got “moon”)")
    assert _refused(tmp_path, _with(doc, "check_in_site_pain", 0, checkin_id=999)) == [
        "table check_in_site_pain, row 1, field checkin_id: 999 names no check-in in the file"]
    assert _refused(tmp_path, _with(doc, "check_in", 1, day="2026-03-01")) == [
        "table check_in, row 2: duplicates row 1 (same day 2026-03-01)"]


@pytest.mark.parametrize("written, shown", [
    ("NaN", "NaN is not a number a journal can hold (only finite numbers are accepted; JSON "
            "has no NaN or Infinity)"),
    ("Infinity", "Infinity is not a number a journal can hold (only finite numbers are "
                 "accepted; JSON has no NaN or Infinity)"),
    ("-Infinity", "-Infinity is not a number a journal can hold (only finite numbers are "
                  "accepted; JSON has no NaN or Infinity)"),
    ("1e400", "1e400 is too large to be a number"),
    ("9" * 5000, "a number of 5,000 digits is outside the whole numbers a journal can hold "
                 "(-9223372036854775808 to 9223372036854775807)"),
])
def test_numbers_json_cannot_mean_are_refused_where_they_stand(doc, tmp_path, written, shown):
    text = json.dumps(doc).replace('"sleep_hours": 7.5', f'"sleep_hours": {written}', 1)
    assert _refused(tmp_path, text.encode()) == [
        f"table check_in, row 1, field sleep_hours: {shown}"]


def test_limits_are_checked_before_parsing(doc, tmp_path, monkeypatch):
    deep = b'{"format": "rehabjournal-journal", "tables": ' + b"[" * 100_000 + b"]" * 100_000 \
        + b"}"
    assert _refused(tmp_path, deep) == ["f.json is too deeply nested (more than 20 levels)"]
    # brackets inside text do not count
    assert not json_input.too_deep('{"a": "' + "[" * 50 + '"}', 20)
    monkeypatch.setattr(full_export, "MAX_FILE_MB", 1)
    big = json.dumps({**doc, "padding": "x" * 1_500_000}).encode()
    assert _refused(tmp_path, big) == [
        f"f.json is too large ({len(big) / 1e6:.1f} MB; the limit is 1 MB)"]


def test_a_utf8_bom_is_accepted_and_utf16_named(doc, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode())
    assert exports.import_everything(path)["check_in"] == 2
    assert m.CheckIn.get(m.CheckIn.day == date(2026, 3, 1)).notes == "stiff"


def test_utf16_is_named(doc, tmp_path):
    assert _refused(tmp_path, json.dumps(doc).encode("utf-16")) == [
        "f.json is not UTF-8 text (it is UTF-16); save it as UTF-8 and try again"]


@pytest.mark.parametrize("key, value, message", [
    ("thresholds.acceptable_pain", "11",
     "thresholds.acceptable_pain must be a whole number from 1 to 10 (got 11)"),
    ("thresholds.acceptable_pain", '"x"',
     "thresholds.acceptable_pain must be a whole number from 1 to 10 (got “x”)"),
    ("thresholds.baseline_min_ratings", "-3",
     "thresholds.baseline_min_ratings must be a whole number from 1 to 7 (got -3)"),
    ("thresholds.acceptable_pain", "[1", "its text is not valid JSON (line 1, column 3: "
     "Expecting ',' delimiter)"),
    ("thresholds.acceptable_pain", "[" * 3000 + "]" * 3000,
     "its text is too deeply nested (more than 20 levels)"),
])
def test_a_malformed_setting_is_refused_at_import(doc, tmp_path, key, value, message):
    copy = json.loads(json.dumps(doc))
    copy["tables"]["setting"] = [{"key": key, "value": value}]
    assert _refused(tmp_path, json.dumps(copy).encode()) == [
        f"table setting, row 1, field value: {message}"]


def test_a_shipped_exercise_slug_that_is_a_list_is_refused(doc, tmp_path):
    row = next(i for i, r in enumerate(doc["tables"]["exercise"]) if r["shipped"])
    assert _refused(tmp_path, _with(doc, "exercise", row, slug=["a"])) == [
        f"table exercise, row {row + 1}, field slug: must be text (got a list)"]


# ---- programme files -----------------------------------------------------------------------

@pytest.fixture
def programme(journal):
    sync_shipped_exercises()
    return create_programme_from_template("calm-then-build", START)


def _programme_refused(tmp_path, raw: bytes) -> list[str]:
    path = tmp_path / "plan.json"
    path.write_bytes(raw)
    before = _rows()
    with pytest.raises(io.ProgrammeFileError) as info:
        io.import_programme_file(path)
    assert _rows() == before
    return info.value.problems


def test_programme_file_refusals_name_the_path(programme, tmp_path):
    good = io.export_programme(programme)
    good["exercises"] = [{"slug": "my-squeeze", "name": "Squeeze", "category": "isometric",
                          "progression": [{"kind": "hold", "to": 20, "text": "20 s"}]}]
    text = json.dumps(good)

    def edited(fn) -> bytes:
        copy = json.loads(text)
        fn(copy)
        return json.dumps(copy).encode()

    assert _programme_refused(tmp_path, edited(
        lambda d: d["programme"].update(start_date="9999-12-31"))) == [
        "programme.start_date: 9999-12-31 is outside the dates the journal accepts "
        "(1900-01-01 to 2100-12-31)"]
    assert _programme_refused(tmp_path, edited(lambda d: d["programme"].update(template=5))) \
        == ["programme.template: must be text or null (got 5)"]
    assert _programme_refused(tmp_path, edited(
        lambda d: d["programme"]["phases"][0]["prescriptions"][0].update(exercise=["a"]))) == [
        "programme.phases[0].prescriptions[0].exercise: must be text (got a list)"]
    assert _programme_refused(tmp_path, text.replace('"to": 20', '"to": NaN').encode()) == [
        "exercises[0].progression[0].to: NaN is not a number a journal can hold (only finite "
        "numbers are accepted; JSON has no NaN or Infinity)"]
    sets = '"sets": ' + str(good["programme"]["phases"][1]["prescriptions"][0]["sets"])
    assert sets in text
    huge = text.replace(sets, '"sets": ' + "7" * 5000, 1)
    problems = _programme_refused(tmp_path, huge.encode())
    assert problems[0].endswith(": a number of 5,000 digits is outside the whole numbers a "
                                "journal can hold (-9223372036854775808 to 9223372036854775807)")
    assert ".prescriptions[" in problems[0] and problems[0].startswith("programme.phases[")
    deep = text.replace('"to": 20', '"to": ' + "[" * 50_000 + "]" * 50_000)
    assert _programme_refused(tmp_path, deep.encode()) == [
        "plan.json is too deeply nested (more than 20 levels)."]
    # and the good file goes in, with a BOM
    path = tmp_path / "good.json"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert io.import_programme_file(path) != programme


# ---- iCalendar -----------------------------------------------------------------------------

def test_ics_escapes_every_line_break_and_control_character():
    assert io.ics_escape("a\\b;c,d\r\ne\rf\ng\x00h\tz") == "a\\\\b\\;c\\,d\\ne\\nf\\ngh\tz"


def test_calendar_text_with_a_lone_cr_round_trips(programme):
    m.Programme.update(name="Knee\rplan, v2; ok").where(m.Programme.id == programme).execute()
    raw = io.calendar_text(programme).encode()
    assert b"\r\r" not in raw and all(len(x) <= 75 for x in raw.split(b"\r\n"))
    event = next(iter(icalendar.Calendar.from_ical(raw).walk("VEVENT")))
    assert str(event.get("SUMMARY")).endswith("Knee\nplan, v2; ok")


def test_uids_carry_a_random_id_per_journal_kept_in_its_settings(programme, tmp_path):
    first = icalendar.Calendar.from_ical(io.calendar_text(programme).encode())
    uids = [str(e.get("UID")) for e in first.walk("VEVENT")]
    stored = json.loads(m.Setting.get_by_id(full_export.JOURNAL_ID_KEY).value)
    assert len(stored) == 32 and all(
        u.startswith(f"rehabjournal-{stored}-programme-{programme}-") for u in uids)
    again = icalendar.Calendar.from_ical(io.calendar_text(programme).encode())
    assert [str(e.get("UID")) for e in again.walk("VEVENT")] == uids
    assert full_export.user_rows() != {}  # the programme; the id itself is no entry
    data = full_export.export_data()
    db.close_journal()

    db.open_journal(tmp_path / "other")  # another journal, the same programme: new UIDs
    sync_shipped_exercises()
    other = create_programme_from_template("calm-then-build", START)
    assert other == programme
    other_uids = [str(e.get("UID")) for e in icalendar.Calendar.from_ical(
        io.calendar_text(other).encode()).walk("VEVENT")]
    assert not set(other_uids) & set(uids)
    db.close_journal()

    db.open_journal(tmp_path / "moved")  # the journal moved by a full export keeps its id
    sync_shipped_exercises()
    io.journal_id()  # even when the empty journal made its own first
    assert full_export.user_rows() == {}
    full_export.import_data(data, backup=False)
    moved = [str(e.get("UID")) for e in icalendar.Calendar.from_ical(
        io.calendar_text(programme).encode()).walk("VEVENT")]
    assert moved == uids


# ---- review 1 of issue 17: the programme file's checks, caps, wording -----------------------

def _own_exercise(data: dict, **values) -> bytes:
    copy = json.loads(json.dumps(data))
    copy["tables"]["exercise"].append({
        "id": 9999, "slug": "my-own", "name": "Mine", "category": "strength", "region": "",
        "instructions": "", "cues": "", "default_sets": None, "default_reps": None,
        "default_hold_s": None, "load_unit": "bodyweight", "progression": "", "side": "",
        "tempo": "", "rest_s": None, "days_per_week": None, "times_per_day": None,
        "pain_rule": "", "media": "", "source": "", "shipped": False, "archived": False,
        "copied_from_id": None, **values})
    return json.dumps(copy).encode()


def test_own_exercises_are_checked_as_a_programme_file_checks_them(doc, tmp_path):
    row = len(doc["tables"]["exercise"]) + 1
    where = f"table exercise, row {row}, field"
    assert _refused(tmp_path, _own_exercise(doc, slug="Has Spaces/../x")) == [
        f"{where} slug: must be an exercise slug: lower-case words joined by hyphens, e.g. "
        "my-towel-squeeze (got 'Has Spaces/../x')"]
    assert _refused(tmp_path, _own_exercise(doc, category="dance")) == [
        f"{where} category: must be one of 'strength', 'isometric', 'mobility' or "
        "'conditioning' (got 'dance')"]
    assert _refused(tmp_path, _own_exercise(doc, progression='{"model":"zzz"}')) == [
        f"{where} progression: model: must be one of 'rm_schedule', 'double', 'load', "
        "'ladder', 'isometric', 'minutes', 'walk_run' or 'none' (got 'zzz')"]
    assert _refused(tmp_path, _own_exercise(
        doc, progression='{"model":"double","reps":[12,8],"load_step":-5}')) == [
        f"{where} progression: reps: must be [lowest, highest] whole numbers",
        f"{where} progression: load_step: must be a number above 0"]
    # a good own exercise goes in
    path = tmp_path / "own.json"
    path.write_bytes(_own_exercise(doc, progression='{"model":"double","reps":[8,12]}'))
    exports.import_everything(path)
    assert m.Exercise.get(m.Exercise.slug == "my-own").name == "Mine"


def test_an_exercise_log_status_is_one_of_the_allowed(doc, tmp_path):
    sync_shipped_exercises()
    copy = json.loads(json.dumps(doc))
    shipped = copy["tables"]["exercise"][0]["id"]
    copy["tables"]["programme"] = [{"id": 1, "name": "P", "notes": "", "active": True,
                                    "start_date": "2026-03-01", "template": "",
                                    "created": "2026-03-01T08:00:00", "review_date": None,
                                    "clinician_name": "", "clinician_contact": ""}]
    copy["tables"]["phase"] = [{"id": 1, "programme_id": 1, "position": 0, "name": "A",
                                "weeks": 2, "deload": False, "goal": "", "criteria": "",
                                "carry_progress": True}]
    copy["tables"]["prescription"] = [{"id": 1, "phase_id": 1, "exercise_id": shipped,
                                       "sets": 3, "reps": 10, "weekdays": "0,2,4"}]
    copy["tables"]["exercise_log"] = [{"id": 1, "day": "2026-03-02", "prescription_id": 1,
                                       "status": "maybe", "notes": ""}]
    assert _refused(tmp_path, json.dumps(copy).encode()) == [
        "table exercise_log, row 1, field status: Status must be one of done, partial, "
        "skipped (got “maybe”)"]


def test_problems_are_capped_and_checking_stops(doc, tmp_path):
    copy = json.loads(json.dumps(doc))
    copy["tables"]["check_in"] = [{**copy["tables"]["check_in"][0], "id": i,
                                   "morning_pain": 99} for i in range(1, 5000)]
    problems = _refused(tmp_path, json.dumps(copy).encode())
    assert len(problems) == 51
    assert problems[0] == (f"table check_in, row 1, field morning_pain: {PAIN_RANGE} "
                           "(got 99)")
    assert problems[-1] == (f"and {full_export.MAX_PROBLEMS - 50} more problems; checking "
                            f"stopped after {full_export.MAX_PROBLEMS}, the file may have more")


def test_a_bad_number_in_json_text_reads_as_a_sentence(doc, tmp_path):
    copy = json.loads(json.dumps(doc))
    copy["tables"]["setting"] = [{"key": "thresholds.acceptable_pain", "value": "NaN"}]
    assert _refused(tmp_path, json.dumps(copy).encode()) == [
        "table setting, row 1, field value: in its JSON text, NaN is not a number a journal "
        "can hold (only finite numbers are accepted; JSON has no NaN or Infinity)"]


@pytest.mark.parametrize("encoding, name", [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
                                            ("utf-32-le", "UTF-32")])
def test_utf16_and_utf32_without_a_bom_are_named(doc, tmp_path, encoding, name):
    assert _refused(tmp_path, json.dumps(doc).encode(encoding)) == [
        f"f.json is not UTF-8 text (it is {name} text without a byte-order mark); save it "
        "as UTF-8 and try again"]


def test_the_calendar_stops_at_the_journals_last_date(programme):
    m.Programme.update(start_date=date(2100, 12, 20)).where(
        m.Programme.id == programme).execute()
    events = icalendar.Calendar.from_ical(io.calendar_text(programme).encode()).walk("VEVENT")
    days = [e.decoded("DTSTART") for e in events]
    assert days and max(days) <= date(2100, 12, 31)
