"""Outcome-measure services: schedule, due, save (validated, scored, stored), responses."""

from __future__ import annotations

from datetime import date

import pytest

from rehabjournal.services import outcomes as svc
from rehabjournal.services.edit import is_no_change
from rehabjournal.services.errors import ValidationError

D0 = date(2026, 3, 1)


def lefs_answers(value: int = 2) -> dict:
    return {f"L{i}": value for i in range(1, 21)}


def test_schedule_round_trip_and_validation(journal):
    assert svc.get_schedule() == {"instruments": [], "every_days": svc.DEFAULT_EVERY_DAYS}
    svc.set_schedule(["lefs", "koos"], 14)
    assert svc.get_schedule() == {"instruments": ["koos", "lefs"], "every_days": 14}
    with pytest.raises(ValidationError) as err:
        svc.set_schedule(["eq5d"], 0)
    assert err.value.errors == {
        "outcomes.instruments": "Unknown outcome measure(s): eq5d.",
        "outcomes.every_days": "Time between questionnaires must be a whole number from 1 "
                               "to 365 days (got 0).",
    }
    assert svc.get_schedule()["instruments"] == ["koos", "lefs"]  # unchanged


def test_schedule_edit_is_one_undo_step(journal):
    svc.set_schedule(["lefs"], 14)
    edit = svc.edit_schedule(["psfs", "koos", "psfs"], 30)
    assert svc.get_schedule() == {"instruments": ["koos", "psfs"], "every_days": 30}
    assert edit.label == "change outcome-measure schedule"
    edit.undo()
    assert svc.get_schedule() == {"instruments": ["lefs"], "every_days": 14}
    edit.redo()
    assert svc.get_schedule() == {"instruments": ["koos", "psfs"], "every_days": 30}
    assert is_no_change(svc.edit_schedule(["koos", "psfs"], 30))


def test_a_response_is_one_undoable_edit(journal):
    edit = svc.add_response("lefs", D0, lefs_answers(3))
    [r] = svc.responses()
    assert (edit.result, edit.day, edit.saved, edit.label) == (r.id, D0, "Saved LEFS",
                                                               "fill in LEFS")
    edit.undo()
    assert svc.responses() == []
    edit.redo()
    assert svc.responses() == [r]  # back with the same id, answers and score


def test_series_are_labelled_by_what_the_score_is(journal):
    koos = {i.id: 1 for i in svc.instrument("koos").items}
    svc.save_response("koos", D0, koos)
    svc.save_response("lefs", D0, lefs_answers(3))
    assert [(s.key, s.label) for s in svc.series()] == [("koos", "KOOS Pain"),
                                                        ("lefs", "LEFS")]


def test_due_when_never_done_or_cadence_passed(journal):
    svc.set_schedule(["koos", "lefs"], 14)
    assert svc.due(D0) == ["koos", "lefs"]
    svc.save_response("lefs", D0, lefs_answers())
    assert svc.due(D0) == ["koos"]
    assert svc.due(date(2026, 3, 14)) == ["koos"]  # 13 days later: not yet
    assert svc.due(date(2026, 3, 15)) == ["koos", "lefs"]  # 14 days: due again
    assert svc.due(date(2026, 2, 28)) == ["koos", "lefs"]  # before the response


def test_save_scores_and_stores(journal):
    rid = svc.save_response("lefs", D0, lefs_answers(3))
    [r] = svc.responses("lefs")
    assert (r.id, r.day, r.score, r.answers["L1"]) == (rid, D0, 60.0, 3)
    koos = {i.id: 0 for i in svc.instrument("koos").items}
    koos.update(dict(zip([f"P{i}" for i in range(1, 10)], [1, 2, 1, 0, 1, 2, 0, 1, 1],
                         strict=True)))
    svc.save_response("koos", date(2026, 3, 2), koos)
    [k] = svc.responses("koos")
    assert k.score == 75.0 and k.subscores["pain"] == 75.0 and k.subscores["qol"] == 100.0
    assert [r.instrument for r in svc.responses()] == ["lefs", "koos"]
    assert svc.responses(start=date(2026, 3, 2)) == [k]
    [s] = [x for x in svc.series() if x.key == "lefs"]
    assert s.points == ((D0, 60.0),)


def test_save_refuses_bad_or_unscorable_answers(journal):
    bad = lefs_answers()
    bad["L3"] = None
    with pytest.raises(ValidationError):
        svc.save_response("lefs", D0, bad)
    with pytest.raises(ValidationError):
        svc.save_response("lefs", D0, {**lefs_answers(), "L1": 7})
    with pytest.raises(ValidationError):
        svc.save_response("womac", D0, {})
    assert svc.responses() == []


def test_psfs_and_change_since_first(journal):
    svc.save_response("psfs", D0, {"activities": [{"name": " Running ", "score": 2},
                                                  {"name": "Stairs", "score": 4}]})
    assert svc.change_since_first("psfs") is None
    svc.save_response("psfs", date(2026, 3, 15), {"activities": [{"name": "Running", "score": 5},
                                                                 {"name": "Stairs", "score": 7}]})
    [first, later] = svc.responses("psfs")
    assert first.answers["activities"][0]["name"] == "Running"
    change = svc.change_since_first("psfs")
    assert change.delta == 3 and change.meaningful and change.direction == "better"


def test_attribution_names_every_instrument_and_the_left_out_ones(journal):
    html = svc.attribution_html()
    for name in ("KOOS", "LEFS", "PSFS", "APTA", "phenxtoolkit.org"):
        assert name in html
    assert "VISA-P" in html and "WOMAC" in html
