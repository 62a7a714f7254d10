"""The programme queries: snapshots restore the same rows, orders are renumbered."""

from __future__ import annotations

from datetime import date

import pytest

from rehabjournal.store import models as m
from rehabjournal.store import programme_repo as repo
from rehabjournal.store.library import create_programme_from_template, sync_shipped_exercises

START = date(2026, 3, 2)
TABLES = (m.Exercise, m.Programme, m.Phase, m.Prescription, m.PrescriptionChange,
          m.ExerciseLog)


def dump():
    return {t.__name__: sorted(tuple(map(str, r.values())) for r in t.select().dicts())
            for t in TABLES}


@pytest.fixture
def programme(journal):
    sync_shipped_exercises()
    pid = create_programme_from_template("calm-then-build", START)
    pres = repo.prescription_order(repo.phase_order(pid)[0])[0]
    repo.replace_log(START, pres, {"status": "done", "pain_during": 1})
    repo.add_change(pres, START, "sets", "3", "4", "green week")
    return pid


@pytest.mark.parametrize("kind", ["programme", "phase", "prescription"])
def test_delete_then_restore_gives_back_the_same_rows(programme, kind):
    phase = repo.phase_order(programme)[0]
    target = {"programme": programme, "phase": phase,
              "prescription": repo.prescription_order(phase)[0]}[kind]
    delete = getattr(repo, f"delete_{kind}")
    restore = getattr(repo, f"restore_{kind}")
    before = dump()
    snap = delete(target)
    assert dump() != before
    assert m.ExerciseLog.select().count() == 0  # the logs went with it
    restore(snap)
    assert dump() == before


def test_deleting_a_phase_renumbers_the_rest(programme):
    first, second = repo.phase_order(programme)
    repo.delete_phase(first)
    assert repo.get_phase(second)["position"] == 0


def test_move_prescription_between_phases_renumbers_both(programme):
    a, b = repo.phase_order(programme)
    moving = repo.prescription_order(a)[0]
    repo.move_prescription(moving, b, 1)
    assert repo.prescription_order(b)[1] == moving
    assert [repo.get_prescription(i)["position"] for i in repo.prescription_order(a)] == \
        list(range(len(repo.prescription_order(a))))
    assert [repo.get_prescription(i)["position"] for i in repo.prescription_order(b)] == \
        list(range(len(repo.prescription_order(b))))


def test_set_active_returns_the_previous_one(programme):
    other = repo.create_programme("Other", START)
    assert repo.set_active(other) == programme
    assert repo.active_programme_id() == other
    assert repo.set_active(None) == other
    assert repo.active_programme() is None


def test_user_slugs_are_unique(programme):
    first = repo.add_exercise({"name": "Towel squeeze", "category": "isometric"})
    second = repo.add_exercise({"name": "Towel squeeze!", "category": "isometric"})
    assert repo.get_exercise(first)["slug"] == "my-towel-squeeze"
    assert repo.get_exercise(second)["slug"] == "my-towel-squeeze-2"
