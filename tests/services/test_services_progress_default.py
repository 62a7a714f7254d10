"""The Progress page's default period and the exercise its Programme chart opens on
(issue 18 item 5): the data's span when shorter than 12 weeks, the most recently logged
exercise (skipped logs do not count)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.services import exercise_logs as el
from rehabjournal.services import programme as ps
from rehabjournal.services import progress
from rehabjournal.store.db import close_journal, open_journal
from rehabjournal.store.library import sync_shipped_exercises

TODAY = date(2026, 3, 18)
FIRST = TODAY - timedelta(days=6)  # Thu 12 Mar


@pytest.mark.parametrize(("first", "expected"), [
    (None, TODAY - timedelta(days=83)),  # empty journal: the last 12 weeks
    (FIRST, FIRST),  # one week of data: that week
    (TODAY, TODAY),  # first day today: today alone
    (TODAY - timedelta(days=83), TODAY - timedelta(days=83)),  # exactly 12 weeks
    (TODAY - timedelta(days=84), TODAY - timedelta(days=83)),  # older: the last 12 weeks
    (date(2001, 1, 1), TODAY - timedelta(days=83)),
    (TODAY + timedelta(days=3), TODAY - timedelta(days=83)),  # only future entries
])
def test_default_period_is_12_weeks_or_the_datas_span_if_shorter(first, expected):
    assert progress.default_period(TODAY, first) == (expected, TODAY)


@pytest.fixture
def db(tmp_path):
    open_journal(tmp_path / "data")
    sync_shipped_exercises()
    yield
    close_journal()


def log_a_week() -> None:
    """Calf stretch (first by name) skipped every day, up to today; quad set done on the
    first five days; clamshell done on its days (13, 16 and 18 Mar)."""
    ps.create_from_template(ps.list_templates()[0]["key"], FIRST)
    for i in range(7):
        day = FIRST + timedelta(days=i)
        for p in ps.due_on(day):
            name = p["exercise_name"]
            if name == "Calf stretch":
                el.edit_log(day, p["id"], {"status": "skipped"})
            elif name.startswith("Clamshell") or (name.startswith("Quad set") and i < 5):
                el.edit_log(day, p["id"], {"status": "done"})


def test_the_most_recently_logged_exercise_not_a_skipped_one(db):
    log_a_week()
    logged = progress.logged_exercises(TODAY)
    assert [(e.name, e.last) for e in logged] == [
        ("Clamshell with band", TODAY), ("Quad set (static quadriceps)", date(2026, 3, 16))]
    assert "Calf stretch" in dict(ps.exercises_with_logs()).values()  # skipped only
    assert progress.most_recently_logged(logged).name == "Clamshell with band"
    # up to a day in the past: the logs after it do not count
    before = progress.logged_exercises(date(2026, 3, 15))
    assert [(e.name, e.last) for e in before] == [
        ("Clamshell with band", date(2026, 3, 13)),
        ("Quad set (static quadriceps)", date(2026, 3, 15))]
    assert progress.most_recently_logged(before).name == "Quad set (static quadriceps)"
    assert progress.logged_exercises(date(2026, 3, 11)) == []
    assert progress.most_recently_logged([]) is None


def test_a_tie_goes_to_the_first_by_name(db):
    log_a_week()
    day = date(2026, 3, 16)
    for p in ps.due_on(day):
        if p["exercise_name"] == "Hip flexor stretch":
            el.edit_log(day, p["id"], {"status": "partial"})
    logged = progress.logged_exercises(day)
    assert [e.name for e in logged if e.last == day] == [
        "Clamshell with band", "Hip flexor stretch", "Quad set (static quadriceps)"]
    assert progress.most_recently_logged(logged).name == "Clamshell with band"
