"""No double counting (issue 13, item 8): a "rehab exercises" session typed by hand on a day
that already has the session the app made from the exercise logs is merged into it.

QA's scenario (D1): template "Knee overuse: 12 weeks" from Mon 23 Nov 2026; on Wed 25 Nov
leg press done (40 kg, pain 2), glute bridge done, clamshell partly, effort 4: the app's
session is 20 min (estimate), load 4 x 20 = 80 AU. Then "rehab exercises" 30 min, effort 5
is typed: one session of 30 min at effort 5 remains, load 5 x 30 = 150 AU (not 80 + 150).
"""

from __future__ import annotations

from datetime import date

import pytest

from rehabjournal.services import exercise_logs as el
from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps
from rehabjournal.services.summary import period_summary
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises

START = date(2026, 11, 23)
DAY = date(2026, 11, 25)
TYPED = {"kind": "rehab exercises", "minutes": 30, "rpe": 5}


def due() -> dict[str, int]:
    """{exercise name: prescription id} due on DAY."""
    return {i["exercise_name"]: i["id"] for i in ps.due_on(DAY)}


@pytest.fixture
def logged(journal):
    """QA's journal: the template's exercises of 25 Nov logged, effort 4 (20 min, 80 AU)."""
    sync_shipped_exercises()
    key = next(t["key"] for t in ps.list_templates() if t["name"].startswith("Knee overuse"))
    ps.create_from_template(key, START)
    ids = due()
    el.edit_log(DAY, ids["Heavy slow resistance leg press"],
                {"status": "done", "load_done": 40, "pain_during": 2})
    el.edit_log(DAY, ids["Glute bridge"], {"status": "done"})
    el.edit_log(DAY, ids["Clamshell with band"], {"status": "partial"})
    el.edit_effort(DAY, 4)
    [app] = js.list_sessions(DAY)
    assert (app["source"], app["minutes"], app["minutes_estimated"], app["rpe"]) == (
        "programme", 20, True, 4)
    return app


def state() -> dict[str, list]:
    return {"sessions": [tuple(s.items()) for s in js.list_sessions(DAY)],
            "site_pains": sorted(tuple(r.values()) for r in
                                 m.SessionSitePain.select().dicts()),
            "logs": sorted((r.prescription_id, r.status) for r in m.ExerciseLog.select())}


def loads() -> tuple[int, int]:
    """The day's load in the Journal list and in the period summary (the PDF's figures)."""
    [row] = js.list_days(DAY, DAY)
    return row["load"], period_summary(DAY, DAY).load


def test_typing_the_session_after_the_ticks_merges_into_one(logged):
    assert loads() == (80, 80)
    sid = js.add_session(DAY, TYPED)
    [s] = js.list_sessions(DAY)
    assert s["id"] == sid == logged["id"], "the app's session is the one that stays"
    assert (s["kind"], s["minutes"], s["minutes_estimated"], s["rpe"], s["pain_during"],
            s["source"]) == ("rehab exercises", 30, False, 5, 2, "")
    assert loads() == (150, 150), "5 x 30, not 80 + 150 = 230"
    assert el.rehab_session(DAY)["id"] == sid


def test_the_merge_is_one_undo_step_that_restores_exactly(logged):
    before = state()
    edit = js.edit_add_session(DAY, {**TYPED, "pain_during": 4, "notes": "physio's list"})
    assert edit.saved == js.MERGED_STATUS
    after = state()
    [s] = js.list_sessions(DAY)
    assert edit.result == s["id"] == logged["id"]
    assert (s["minutes"], s["rpe"], s["pain_during"], s["notes"]) == (30, 5, 4,
                                                                      "physio's list")
    assert loads() == (150, 150)
    edit.undo()
    assert state() == before and loads() == (80, 80)
    edit.redo()
    assert state() == after and loads() == (150, 150)
    edit.undo()
    assert state() == before


def test_typed_empty_fields_keep_the_apps_and_pain_stays_the_worst_logged(logged):
    js.add_session(DAY, {"kind": "Rehab  Exercises", "minutes": 25, "pain_during": 1})
    [s] = js.list_sessions(DAY)
    assert (s["kind"], s["minutes"], s["rpe"], s["pain_during"]) == (
        "Rehab  Exercises", 25, 4, 2), "effort given under the exercises kept; pain 2 logged"


def test_later_ticks_count_in_the_merged_session_and_never_remove_it(logged):
    sid = js.add_session(DAY, TYPED)
    ids = due()
    el.edit_log(DAY, ids["Calf raise"], {"status": "done", "pain_during": 3})
    [s] = js.list_sessions(DAY)
    assert (s["id"], s["minutes"], s["pain_during"]) == (sid, 30, 3), "typed minutes kept"
    for pid in ids.values():
        el.edit_clear_log(DAY, pid)
    assert [x["id"] for x in js.list_sessions(DAY)] == [sid], "typed: never removed"


def test_other_activities_are_never_merged(logged):
    run = js.add_session(DAY, {"kind": "run", "minutes": 30, "rpe": 5})
    assert [x["id"] for x in js.list_sessions(DAY)] == [logged["id"], run]
    assert js.edit_add_session(DAY, {"kind": "cycle", "minutes": 20}).saved == "Saved"


def test_changing_a_typed_sessions_kind_to_rehab_merges(logged):
    other = js.add_session(DAY, {"kind": "gym", "minutes": 35, "rpe": 6, "pain_after": 3})
    before = state()
    edit = js.edit_session(other, {"kind": "rehab exercises"})
    assert edit.saved == js.MERGED_STATUS
    [s] = js.list_sessions(DAY)
    assert (s["id"], s["kind"], s["minutes"], s["minutes_estimated"], s["rpe"],
            s["pain_during"], s["pain_after"], s["source"]) == (
        other, "rehab exercises", 35, False, 6, 2, 3, "")
    assert loads() == (210, 210), "6 x 35, the app's 80 AU gone"
    after = state()
    edit.undo()
    assert state() == before
    assert len(js.list_sessions(DAY)) == 2
    edit.redo()
    assert state() == after


def test_a_refused_session_merges_nothing(logged):
    from rehabjournal.services.errors import ValidationError

    before = state()
    with pytest.raises(ValidationError):
        js.edit_add_session(DAY, {**TYPED, "rpe": 11})
    assert state() == before


def test_a_plain_edit_still_undoes_exactly(logged):
    sid = js.add_session(DAY, {"kind": "run", "minutes": 30})
    before = state()
    edit = js.edit_session(sid, {"minutes": 40})
    assert edit.saved == "Saved"
    edit.undo()
    assert state() == before


def test_csv_import_of_a_rehab_row_merges_and_says_so(logged, tmp_path):
    from rehabjournal.services.transfer import import_journal_csv

    path = tmp_path / "rehab.csv"
    path.write_text("date,activity,duration_min,rpe,pain_during\n"
                    "2026-11-25,run,25,4,1\n"
                    "2026-11-25,Rehab exercises,30,5,\n", encoding="utf-8")
    report = import_journal_csv(path)
    assert (report.sessions_added, report.sessions_merged) == (1, 1)
    assert report.warnings == [
        "line 3: Rehab exercises on 2026-11-25 merged with the rehab exercises session made "
        "from your exercise log (one session, not two)"]
    sessions = js.list_sessions(DAY)
    assert [(s["id"], s["kind"], s["minutes"], s["rpe"], s["pain_during"], s["source"],
             s["minutes_estimated"]) for s in sessions] == [
        (logged["id"], "Rehab exercises", 30, 5, 2, "", False),
        (sessions[1]["id"], "run", 25, 4, 1, "", False)]
    assert loads() == (150 + 100, 150 + 100)
    again = import_journal_csv(path)
    assert (again.sessions_added, again.sessions_merged, again.sessions_skipped) == (0, 0, 2)
