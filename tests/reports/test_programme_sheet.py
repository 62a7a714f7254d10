"""The programme sheet: a PDF a patient can follow, checked by its extracted text."""

from __future__ import annotations

import os
import re
from datetime import date

import pypdf
import pytest

from rehabjournal.errors import NotFoundError, StorageError
from rehabjournal.services import programme as ps
from rehabjournal.services import programme_sheet as sheet
from rehabjournal.store.library import sync_shipped_exercises

START = date(2026, 3, 2)  # a Monday
MADE = date(2026, 3, 18)
LONG_NOTE = ("Keep the knee over the middle of the foot and stop the set if it hurts more "
             "than usual. ") * 40
CJK_NOTE = "膝の痛みが強くなったら回数を減らしてください" * 140  # no spaces at all


@pytest.fixture
def lib(journal):
    sync_shipped_exercises()
    return journal


def _ex(slug: str) -> int:
    return next(e["id"] for e in ps.list_exercises() if e["slug"] == slug)


def _programme(start: date | None = START, active: bool = True, **extra) -> int:
    pid = ps.create_programme("Knee plan", start, notes="Start gently.", active=active).result
    values = {"clinician_name": "Alex Physio", "clinician_contact": "alex@clinic.example",
              "review_date": date(2026, 4, 13), **extra}
    ps.update_programme(pid, values)
    return pid


def _phase(pid: int, **values) -> int:
    return ps.add_phase(pid, {"name": "Build", "weeks": 2, **values}).result


def _add(phase: int, slug: str, **values) -> int:
    return ps.add_prescription(phase, {"exercise": _ex(slug), **values}).result


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)


def flat(text: str) -> str:
    """The text with its line breaks and runs of spaces made single spaces."""
    return re.sub(r"\s+", " ", text)


def write(tmp_path, programme_id=None, name="sheet.pdf"):
    from rehabjournal.reports.programme_sheet import write_programme_sheet

    (tmp_path / "out").mkdir(exist_ok=True)
    out = tmp_path / "out" / name
    pages = write_programme_sheet(out, programme_id, made=MADE)
    return out, pages


@pytest.fixture
def full(lib):
    """A programme with one phase of a leg press (kg, tempo, rest, named days, twice a
    day, each side, tendon rule) and a wall sit (holds, days a week only)."""
    pid = _programme()
    phase = _phase(pid, goal="Build strength", criteria="Pain at most 2/10 for a week")
    _add(phase, "leg-press", sets=4, reps=12, load=60.0, load_unit="kg",
         tempo="3 s down, 3 s up", rest_s=150, weekdays="Mon, Wed, Fri", times_per_day=2,
         side="each side", effort_target="about 70 % effort", pain_rule="tendon",
         notes="Single leg, holding a weight.", media="https://example.org/leg-press")
    _add(phase, "isometric-wall-sit", sets=5, hold_s=45, reps=None, load_unit="seconds",
         days_per_week=3, weekdays="")
    deload = _phase(pid, name="Easier week", weeks=1, deload=True)
    _add(deload, "leg-press", sets=2, reps=12, load=60.0, load_unit="kg", weekdays="0,3")
    return pid


def test_the_sheet_says_dose_tempo_side_frequency_cues_pain_rule_and_the_disclaimer(
        full, tmp_path):
    out, pages = write(tmp_path)
    assert pages == len(pypdf.PdfReader(out).pages) >= 2
    text = flat(text_of(out))
    for expected in (
        "Knee plan", "Alex Physio", "alex@clinic.example", "Mon 13 Apr 2026",  # review
        "Mon 2 Mar 2026",  # start
        "4 sets of 12 at 60 kg, 3 s down / 3 s up, 2.5 min rest between sets",
        "Each side in turn",
        "3 days a week (Mon, Wed, Fri), twice a day",
        "about 70 % effort",
        "Pain up to 5/10 during and after is acceptable if it has settled by the next "
        "morning",  # the prescription's tendon rule
        "Pain up to 2/10 during is fine",  # the wall sit's standard rule
        "Single leg, holding a weight.",
        "https://example.org/leg-press",
        "5 holds of 45 seconds",
        "3 days a week",
        "Build strength", "Pain at most 2/10 for a week",  # goal, criteria
        "Deload",
        "Information, not medical advice.",
        "page 1 of",
    ):
        assert expected in text, expected
    cues = ps.get_exercise(_ex("leg-press"))["cues"].splitlines()
    assert cues and all(flat(c) in text for c in cues)
    # the second phase refers to the first card rather than repeating it
    assert "See phase 1, exercise 1: how to do it and what to watch for." in text


def test_the_pain_rule_follows_the_journals_thresholds(full, tmp_path):
    from rehabjournal.services import settings

    settings.set("thresholds.green_peak_max", 3)
    text = flat(text_of(write(tmp_path)[0]))
    assert "Pain up to 3/10 during is fine. 4-5/10 is the edge" in text


def test_the_tick_grid_has_a_column_per_week_with_dates_and_a_box_per_session(full):
    from rehabjournal.reports.programme_sheet import TickBoxes, _session_labels, tick_grid

    data = sheet.sheet_data(made=MADE)
    build, easy = data.phases
    assert (build.start, build.end) == (START, date(2026, 3, 15))
    assert easy.deload and easy.first_week == 3 and easy.start == date(2026, 3, 16)
    assert easy.current and not build.current  # MADE is in week 3
    press, wall = build.exercises
    assert press.times_per_day == 2 and press.weekdays == (0, 2, 4)
    assert _session_labels(press, build.week_start(2)) == [("Mo", "9"), ("We", "11"),
                                                          ("Fr", "13")]
    assert _session_labels(wall, build.week_start(1)) == [(), (), ()]  # any 3 days
    grid = tick_grid(build, 500)
    table = grid[0]._content[1]
    assert len(table._cellvalues) == 3 and len(table._cellvalues[0]) == 3  # 2 weeks
    boxes = table._cellvalues[1][1]
    assert isinstance(boxes, TickBoxes) and boxes.rows == 2 and len(boxes.labels) == 3


def test_a_programme_week_that_starts_midweek_lists_its_days_in_order(lib):
    from rehabjournal.reports.programme_sheet import _session_labels

    pid = _programme(start=date(2026, 3, 4))  # a Wednesday
    _add(_phase(pid), "leg-press", sets=3, reps=10, weekdays="Mon, Wed, Fri")
    ph = sheet.sheet_data(pid, made=MADE).phases[0]
    assert _session_labels(ph.exercises[0], ph.week_start(1)) == [
        ("We", "4"), ("Fr", "6"), ("Mo", "9")]


def test_a_3000_character_note_and_cjk_text_do_not_fail(lib, tmp_path):
    pid = _programme(notes=LONG_NOTE)
    phase = _phase(pid, goal=LONG_NOTE, criteria=CJK_NOTE, name="段階 " + "長い名前" * 30)
    assert len(LONG_NOTE) >= 3000 and len(CJK_NOTE) >= 3000
    _add(phase, "leg-press", sets=3, reps=10, notes=LONG_NOTE, weekdays="0,1,2,3,4,5,6",
         times_per_day=3)
    _add(phase, "glute-bridge", sets=3, reps=10, notes=CJK_NOTE, weekdays="0,2",
         effort_target="x" * 200)
    ps.update_programme(pid, {"name": "Programme " + "very long name " * 12})
    out, pages = write(tmp_path)
    assert pages >= 3
    text = flat(text_of(out))
    assert "stop the set if it hurts more than usual" in text
    assert "Information, not medical advice." in text


def test_an_empty_programme_and_one_without_phases_still_make_a_sheet(lib, tmp_path):
    pid = _programme()
    out, pages = write(tmp_path, pid)
    assert pages == 1
    assert "This programme has no phases yet" in flat(text_of(out))
    _phase(pid, name="Calm")
    data = sheet.sheet_data(pid)
    assert data.empty
    out, pages = write(tmp_path, pid, "phase.pdf")
    assert "No exercises in this phase yet." in flat(text_of(out))


def test_a_programme_without_a_start_date_has_weeks_but_no_dates(lib, tmp_path):
    pid = _programme(start=None)
    _add(_phase(pid, weeks=5), "leg-press", sets=3, reps=10, weekdays="0,3")
    data = sheet.sheet_data(pid, made=MADE)
    assert data.start is None and data.end is None and data.weeks == 5
    assert data.phases[0].start is None and not data.phases[0].current
    text = flat(text_of(write(tmp_path, pid)[0]))
    assert "Not set: week 1 is the week you start" in text
    assert "Weeks 1-5" in text
    assert "Tick grid: phase 1, weeks 1-3" in text and "Tick grid: phase 1, weeks 4-5" in text


def test_no_active_programme_or_a_missing_one_is_not_found(lib, tmp_path):
    from rehabjournal.reports.programme_sheet import programme_sheet_bytes

    _programme(active=False)
    with pytest.raises(NotFoundError):
        write(tmp_path)
    with pytest.raises(NotFoundError):
        programme_sheet_bytes(9999)
    assert list((tmp_path / "out").iterdir()) == []


def test_bytes_for_a_preview(full):
    from rehabjournal.reports.programme_sheet import programme_sheet_bytes

    pdf = programme_sheet_bytes(made=MADE)
    assert pdf.startswith(b"%PDF")


def test_a_failed_write_leaves_no_file(full, tmp_path, monkeypatch):
    from rehabjournal.reports import programme_sheet as rps

    with pytest.raises(StorageError, match="does not exist"):
        rps.write_programme_sheet(tmp_path / "missing" / "sheet.pdf")
    with pytest.raises(StorageError, match="folder"):
        rps.write_programme_sheet(tmp_path)

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "kept.pdf"
    out.write_bytes(b"old")

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rps.os, "replace", full_disk)
    with pytest.raises(StorageError, match="No space left on device") as info:
        rps.write_programme_sheet(out, made=MADE)
    assert info.value.where == str(out)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["kept.pdf"]


def test_the_file_is_readable_by_its_owner_only(full, tmp_path):
    out, _pages = write(tmp_path)
    if os.name == "posix":
        assert out.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(("args", "words"), [
    ((4, 12, None, 60.0, "kg"), "4 sets of 12 at 60 kg"),
    ((1, 15, None, None, "bodyweight"), "1 set of 15"),
    ((3, 10, 10, None, "seconds"), "3 sets of 10, holding each for 10 seconds"),
    ((5, None, 45, None, "seconds"), "5 holds of 45 seconds"),
    ((1, None, 120, None, "seconds"), "1 hold of 2 minutes"),
    ((3, 15, None, None, "band"), "3 sets of 15 with a resistance band"),
    ((1, None, None, 20.0, "minutes"), "20 minutes"),
    ((3, 8, None, 22.5, "lb"), "3 sets of 8 at 22.5 lb"),
])
def test_dose_words(args, words):
    assert sheet.dose_words(*args) == words


def test_tempo_and_rest_words():
    assert sheet.tempo_words("3-0-3") == "3 s down / 3 s up"
    assert sheet.tempo_words("3-1-3") == "3 s down / 1 s pause / 3 s up"
    assert sheet.tempo_words("3 s down, 3 s up") == "3 s down / 3 s up"
    assert sheet.tempo_words("") == ""
    assert sheet.rest_words(150, 4) == "2.5 min rest between sets"
    assert sheet.rest_words(45, 3) == "45 s rest between sets"
    assert sheet.rest_words(120, 1) == ""  # one set: nothing to rest between
    assert sheet.rest_words(None, 3) == ""


def test_side_words(lib):
    pid = _programme()
    phase = _phase(pid)
    _add(phase, "leg-press", sets=3, reps=10, weekdays="0", side="both")
    _add(phase, "glute-bridge", sets=3, reps=10, weekdays="0", side="affected side")
    _add(phase, "cycling-low-resistance", sets=1, load=20.0, load_unit="minutes",
         weekdays="6", side="both")
    from rehabjournal.services import journal as js

    js.save_profile({"name": "Sam", "side": "left"})
    sides = [e.side for e in sheet.sheet_data(pid).phases[0].exercises]
    assert sides == ["both sides together", "the affected side (left)", ""]
