"""The reminder rule: a reminder only when something is missing, at most once a day."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from rehabjournal.services import reminders as r

DAY = date(2026, 3, 18)
ON = r.Choices(morning=True, evening=True)
EMPTY = r.DayState(checkin_missing=True)
DONE = r.DayState(checkin_missing=False)
RAN = r.DayState(checkin_missing=False, sessions=("run (30 min)",))


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm))


def test_off_until_turned_on():
    assert r.Choices() == r.Choices(False, time(9, 0), False, time(20, 0))
    assert r.due(at(10), r.Choices(), EMPTY, {}) is None


def test_morning_reminder_only_when_the_checkin_is_missing():
    assert r.due(at(8, 59), ON, EMPTY, {}) is None  # not yet
    reminder = r.due(at(9, 0), ON, EMPTY, {})
    assert reminder.kind == r.MORNING and reminder.day == DAY
    assert reminder.title == "Time for your morning check-in"
    assert r.due(at(9, 0), ON, DONE, {}) is None  # the check-in is made: nothing
    assert r.due(at(15, 30), ON, EMPTY, {}) is not None  # started late: still due


def test_once_a_day():
    shown = {r.MORNING: DAY}
    assert r.due(at(11), ON, EMPTY, shown) is None
    assert r.due(at(9, 5, date(2026, 3, 19)), ON, EMPTY, shown).day == date(2026, 3, 19)


def test_a_chosen_time():
    late = r.Choices(morning=True, morning_at=time(10, 30))
    assert r.due(at(10, 29), late, EMPTY, {}) is None
    assert r.due(at(10, 30), late, EMPTY, {}) is not None


def test_evening_only_when_a_session_waits_for_its_next_morning_rating():
    assert r.due(at(20), ON, DONE, {}) is None  # no session today
    reminder = r.due(at(20), ON, RAN, {})
    assert reminder.kind == r.EVENING
    assert "run (30 min)" in reminder.text and "tomorrow morning" in reminder.text
    assert r.due(at(19, 59), ON, RAN, {}) is None
    assert r.due(at(21), ON, RAN, {r.EVENING: DAY}) is None
    assert r.due(at(20), r.Choices(morning=True), RAN, {}) is None  # the evening one is off


def test_the_morning_one_names_a_waiting_next_morning_rating():
    state = r.DayState(True, waiting=("left knee",))
    assert "How is your left knee this morning?" in r.due(at(9), ON, state, {}).text


@pytest.mark.parametrize("text, expected", [
    ("07:45", time(7, 45)), ("7:05", time(7, 5)), ("24:00", time(9)), ("", time(9)),
    ("nine", time(9)), ("09:5", time(9)), ("\uff10\uff19:00", time(9)),
])
def test_parse_time(text, expected):
    assert r.parse_time(text, time(9)) == expected


def test_notes_alone_are_no_checkin():
    assert r.checkin_missing(None)
    assert r.checkin_missing({"morning_pain": None, "notes": "ice or heat?"})
    assert not r.checkin_missing({"morning_pain": None, "sleep_hours": 7.5})
    assert not r.checkin_missing({"morning_pain": 0})


def test_day_state_reads_the_journal(journal):
    from rehabjournal.services import journal as js

    js.save_profile({"name": "Z", "condition": "patellofemoral_pain", "joint": "knee",
                     "side": "left"})
    js.add_site("knee", "left", primary=True)
    assert r.day_state(DAY) == r.DayState(True, (), ())
    js.save_checkin(DAY, {"notes": "ice or heat?"})
    assert r.day_state(DAY).checkin_missing
    js.add_session(DAY, {"kind": "run", "minutes": 30, "pain_during": 3})
    state = r.day_state(DAY)
    assert state.sessions == ("run (30 min)",)
    nxt = r.day_state(date(2026, 3, 19))
    assert nxt.checkin_missing and nxt.waiting == ("left knee",)
    js.save_checkin(date(2026, 3, 19), {"morning_pain": 2})
    assert r.day_state(date(2026, 3, 19)) == r.DayState(False, (), ())


MISSED = r.DayState(checkin_missing=True, sessions=("run (30 min)",))


def test_late_in_the_evening_both_due_make_one_evening_reminder():
    """At 23:59 with the check-in missing and a session waiting for tomorrow's rating:
    not "Time for your morning check-in", one evening text that says both."""
    reminder = r.due(at(23, 59), ON, MISSED, {})
    assert reminder.kind == r.EVENING
    assert reminder.title == "Tomorrow morning: rate today's session"
    assert "run (30 min)" in reminder.text
    assert "Today's check-in is still empty too" in reminder.text
    assert "morning check-in" not in reminder.title
    # shown: it covered the morning one, nothing more that day
    assert r.due(at(23, 59), ON, MISSED, {r.EVENING: DAY}) is None
    # the next day starts afresh
    assert r.due(at(9, 0, date(2026, 3, 19)), ON, MISSED, {r.EVENING: DAY}).kind == r.MORNING


def test_before_the_evening_time_the_morning_one_comes_alone():
    reminder = r.due(at(19, 59), ON, MISSED, {})
    assert reminder.kind == r.MORNING and reminder.title == "Time for your morning check-in"
    # shown in the morning: the evening one later is about the session only
    evening = r.due(at(20, 0), ON, MISSED, {r.MORNING: DAY})
    assert evening.kind == r.EVENING and "check-in" not in evening.text


def test_a_late_morning_reminder_reads_as_an_evening_one():
    """The evening reminder off, the check-in missing at 23:59: no "this morning?"."""
    morning_only = r.Choices(morning=True)
    reminder = r.due(at(23, 59), morning_only, r.DayState(True, waiting=("left knee",)), {})
    assert reminder.kind == r.MORNING
    assert reminder.title == "Today's check-in is still empty"
    assert reminder.text.startswith("How was your left knee this morning, after "
                                    "yesterday's session?")
    assert "before the day ends" in reminder.text
    assert r.due(at(19, 0), morning_only, EMPTY, {}).title == "Time for your morning check-in"


def test_no_evening_session_no_combined_text():
    assert r.due(at(23, 59), ON, EMPTY, {}).kind == r.MORNING  # nothing for tomorrow
