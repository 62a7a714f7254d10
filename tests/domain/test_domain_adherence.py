"""Adherence: exercise days done against exercise days due, a session moved within the week
counting, per exercise; every expected number below is counted by hand in the comments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.domain import adherence as da
from rehabjournal.domain import programme as dp

MON = date(2026, 3, 2)  # a Monday; the programme starts here
TUE, WED, THU, FRI, SAT, SUN = (MON + timedelta(days=k) for k in range(1, 7))
NEXT_MON = MON + timedelta(days=7)

SQUAT, BRIDGE, WALL_SIT = 10, 11, 12


def day(k: int) -> date:
    return MON + timedelta(days=k)


def _plan(weeks: int = 2) -> dp.Plan:
    """Squat and bridge on Mon, Wed, Fri; wall sit on Tue and Thu."""
    return dp.Plan(MON, (dp.PlanPhase(1, weeks, False, (
        dp.PlanPrescription(SQUAT, "0,2,4"),
        dp.PlanPrescription(BRIDGE, "Mon, Wed, Fri"),
        dp.PlanPrescription(WALL_SIT, "1,3"),
    )),))


def _mwf() -> dp.Plan:
    """Squat and bridge on Mon, Wed, Fri only."""
    return dp.Plan(MON, (dp.PlanPhase(1, 3, False, (
        dp.PlanPrescription(SQUAT, "0,2,4"),
        dp.PlanPrescription(BRIDGE, "0,2,4"),
    )),))


def _logs(days, status="done", ids=(SQUAT, BRIDGE)) -> dict:
    return {(d, i): status for d in days for i in ids}


def _names(pid: int) -> tuple[int, str]:
    return pid, {SQUAT: "Squat", BRIDGE: "Bridge", WALL_SIT: "Wall sit"}[pid]


def test_fridays_exercises_done_on_saturday_count_3_of_3():
    logs = _logs((MON, WED, SAT))  # Friday's squat and bridge done on Saturday
    [week] = da.weekly_adherence(_mwf(), MON, SUN, logs)
    assert (week.week_start, week.prescribed, week.done, week.moved) == (MON, 3, 3, 2)
    assert week.percent == 100.0
    items = da.due_items(_mwf(), MON, SUN, logs)
    friday = [i for i in items if i.day == FRI]
    assert [(i.status, i.logged_on, i.moved) for i in friday] == [("done", SAT, True)] * 2
    assert da.week_text(week) == ("3 of 3 exercise days done (100 %); 2 exercises done on "
                                  "another day of the week count")


def test_done_on_the_next_monday_does_not_count_for_the_week_before():
    logs = _logs((MON, WED, NEXT_MON))  # Friday missed; Monday's own session next week
    weeks = da.weekly_adherence(_mwf(), MON, NEXT_MON + timedelta(days=6), logs)
    assert [(w.prescribed, w.done, w.moved) for w in weeks] == [(3, 2, 0), (3, 1, 0)]
    # a log on the next Tuesday (not due) credits next week's Monday, never last Friday
    logs = _logs((MON, WED, NEXT_MON + timedelta(days=1)))
    weeks = da.weekly_adherence(_mwf(), MON, NEXT_MON + timedelta(days=6), logs)
    assert [(w.prescribed, w.done, w.moved) for w in weeks] == [(3, 2, 0), (3, 1, 2)]
    moved = [i for i in da.due_items(_mwf(), MON, NEXT_MON + timedelta(days=6), logs)
             if i.moved]
    assert {i.day for i in moved} == {NEXT_MON}


def test_never_more_credits_than_due_days():
    # Monday missed, Wednesday and Friday done, and extra logs on Tue, Thu and Sat:
    # only Monday is open, so one of the three extra logs credits it (the nearest: Tue)
    logs = _logs((WED, FRI, TUE, THU, SAT))
    [week] = da.weekly_adherence(_mwf(), MON, SUN, logs)
    assert (week.prescribed, week.done, week.moved) == (3, 3, 2)
    monday = [i for i in da.due_items(_mwf(), MON, SUN, logs) if i.day == MON]
    assert {i.logged_on for i in monday} == {TUE}
    # all three due days done: the extra logs credit nothing
    [week] = da.weekly_adherence(_mwf(), MON, SUN, _logs((MON, WED, FRI, TUE, SAT, SUN)))
    assert (week.prescribed, week.done, week.moved) == (3, 3, 0)
    # two extra logs, three missed days: two days credited, not three
    [week] = da.weekly_adherence(_mwf(), MON, SUN, _logs((TUE, SAT)))
    assert (week.prescribed, week.done, week.moved) == (3, 2, 4)


def test_a_moved_log_takes_the_nearest_open_day_the_earlier_on_a_tie():
    items = da.due_items(_mwf(), MON, SUN, _logs((WED, THU), ids=(SQUAT,)))
    squat = {i.day: i.logged_on for i in items if i.prescription_id == SQUAT}
    assert squat == {MON: None, WED: WED, FRI: THU}  # Thu: Fri is 1 day away, Mon 3
    items = da.due_items(_mwf(), MON, SUN, _logs((TUE,), ids=(SQUAT,)))
    squat = {i.day: i.logged_on for i in items if i.prescription_id == SQUAT}
    assert squat == {MON: TUE, WED: None, FRI: None}  # Mon and Wed both 1 day away


def test_skipped_on_the_day_and_done_the_day_after_counts():
    logs = {**_logs((MON, WED)), **_logs((FRI,), "skipped"), **_logs((SAT,))}
    [week] = da.weekly_adherence(_mwf(), MON, SUN, logs)
    assert (week.prescribed, week.done) == (3, 3)
    # "skipped" on a day it is not due credits nothing
    logs = {**_logs((MON, WED)), **_logs((SAT,), "skipped")}
    [week] = da.weekly_adherence(_mwf(), MON, SUN, logs)
    assert (week.prescribed, week.done, week.moved) == (3, 2, 0)


def test_partial_counts_half_and_a_day_needs_half_its_exercises():
    plan = dp.Plan(MON, (dp.PlanPhase(1, 1, False, (
        dp.PlanPrescription(1, "0,1,2"), dp.PlanPrescription(2, "0,1,2"),
        dp.PlanPrescription(3, "0,1,2"), dp.PlanPrescription(4, "0,1,2"),
        dp.PlanPrescription(5, "3"),
    )),))
    logs = {
        # Monday: 1 done + 2 partial + 1 skipped = 2.0 of 4 -> half: done
        (MON, 1): "done", (MON, 2): "partial", (MON, 3): "partial", (MON, 4): "skipped",
        # Tuesday: 1 done + 1 partial = 1.5 of 4 -> less than half: not done
        (TUE, 1): "done", (TUE, 2): "partial",
        # Wednesday: 4 partial = 2.0 of 4 -> done
        **{(WED, k): "partial" for k in (1, 2, 3, 4)},
        # Thursday: its one exercise partial = 0.5 of 1 -> done
        (THU, 5): "partial",
    }
    [week] = da.weekly_adherence(plan, MON, SUN, logs)
    assert (week.prescribed, week.done) == (4, 3)
    assert week.percent == 75.0
    rows = {e.key: e for e in da.by_exercise(da.due_items(plan, MON, SUN, logs),
                                             lambda pid: (pid, f"ex{pid}"))}
    # exercise 1: done Mon, Tue, partial Wed -> 3 of 3, 1 partial
    assert (rows[1].prescribed, rows[1].done, rows[1].partial) == (3, 3, 1)
    # exercise 4: skipped Mon, nothing Tue, partial Wed -> 1 of 3, 1 partial
    assert (rows[4].prescribed, rows[4].done, rows[4].partial) == (3, 1, 1)
    assert da.exercise_text(rows[4]) == "1 of 3 days (1 partial)"
    assert da.exercise_text(rows[5]) == "1 of 1 day (1 partial)"


def test_per_exercise_figures_over_two_weeks():
    # week 1: squat Mon, Wed, Sat (for Fri); bridge Mon only; wall sit Tue, Thu
    # week 2: squat Mon partial, Wed; bridge Mon, Wed, Fri; wall sit Sun (for Thu), Tue missed
    logs = {
        (MON, SQUAT): "done", (WED, SQUAT): "done", (SAT, SQUAT): "done",
        (MON, BRIDGE): "done",
        (TUE, WALL_SIT): "done", (THU, WALL_SIT): "done",
        (day(7), SQUAT): "partial", (day(9), SQUAT): "done",
        (day(7), BRIDGE): "done", (day(9), BRIDGE): "done", (day(11), BRIDGE): "done",
        (day(13), WALL_SIT): "done",
    }
    items = da.due_items(_plan(), MON, day(13), logs)
    rows = da.by_exercise(items, _names)
    assert [(e.name, e.prescribed, e.done, e.partial, e.moved) for e in rows] == [
        ("Squat", 6, 5, 1, 1),     # week 1: 3 (Fri by Sat); week 2: Mon (partial), Wed
        ("Bridge", 6, 4, 0, 0),    # Mon; Mon, Wed, Fri
        ("Wall sit", 4, 3, 0, 1),  # Tue, Thu; Thu by Sun (Tue of week 2 stays open)
    ]
    wall = {i.day: i.logged_on for i in items if i.prescription_id == WALL_SIT}
    assert wall[day(8)] is None and wall[day(10)] == day(13)  # Thu: 3 days, Tue: 5
    assert rows[0].percent == pytest.approx(500 / 6)
    assert da.exercise_text(rows[0]) == "5 of 6 days (1 partial, 1 on another day of the week)"
    # the weekly figures from the same items:
    # week 1: Mon (2/2), Tue (1/1), Wed (1 of 2 = half), Thu (1/1), Fri (squat by Sat: 1 of 2)
    # -> 5 of 5 days; week 2: Mon (1.5 of 2), Tue (0 of 1), Wed (2/2), Thu (1/1 by Sun),
    # Fri (bridge: 1 of 2) -> 4 of 5 days
    weeks = da.weeks_of(items, MON, day(13))
    assert [(w.prescribed, w.done, w.moved) for w in weeks] == [(5, 5, 1), (5, 4, 1)]
    assert da.total(weeks) == (9, 10)
    assert da.adherence_text(*da.total(weeks)) == "9 of 10 exercise days done (90 %)"


def test_part_weeks_at_the_edges_count_only_the_days_inside():
    # Wed of week 1 to Tue of week 2: week 1 has Wed, Thu, Fri inside (Sat, Sun free);
    # week 2 has Mon, Tue inside
    logs = {
        (MON, SQUAT): "done", (MON, BRIDGE): "done",  # before the range: not counted
        (TUE, SQUAT): "done",  # before the range: cannot credit Wednesday or Friday
        (WED, SQUAT): "done", (WED, BRIDGE): "done",
        (SAT, SQUAT): "done", (SAT, BRIDGE): "done",  # inside: credits Friday
        (day(8), WALL_SIT): "done",
        (day(9), SQUAT): "done", (day(9), BRIDGE): "done",  # after the range: ignored
    }
    weeks = da.weekly_adherence(_plan(), WED, day(8), logs)
    assert [(w.week_start, w.prescribed, w.done, w.moved) for w in weeks] == [
        (MON, 3, 2, 2),     # Wed done, Thu (wall sit) not, Fri by Sat
        (day(7), 2, 1, 0),  # Mon (squat, bridge) not, Tue (wall sit) done
    ]
    # the range ends on Friday: Saturday's logs are outside it and credit nothing
    [week] = da.weekly_adherence(_plan(), WED, FRI, logs)
    assert (week.prescribed, week.done, week.moved) == (3, 1, 0)
    assert da.weekly_adherence(_plan(), FRI, WED, logs) == []


def test_deload_weeks_and_phases_count_and_weeks_without_exercise_days_are_0_of_0():
    plan = dp.Plan(WED, (  # starts on a Wednesday: programme weeks are not calendar weeks
        dp.PlanPhase(1, 1, False, (dp.PlanPrescription(SQUAT, "0,2,4"),)),
        dp.PlanPhase(2, 1, True, (dp.PlanPrescription(BRIDGE, "0,2,4"),)),
    ))
    logs = {(WED, SQUAT): "done", (FRI, SQUAT): "done",
            (day(9), SQUAT): "done",  # a deload day: credits phase 1's open Monday day(7)
            (day(9), BRIDGE): "done"}
    weeks = da.weekly_adherence(plan, MON, day(20), logs)
    # week 1: Wed, Fri (phase 1) -> 2 of 2. Week 2: Mon, Tue are phase 1 (squat due Mon),
    # from Wed the deload (bridge Wed, Fri): Mon done on Wed, Wed done, Fri not -> 2 of 3.
    # Week 3: Mon, Tue deload (bridge Mon); the programme ends Tue -> 0 of 1.
    assert [(w.prescribed, w.done, w.moved) for w in weeks] == [(2, 2, 0), (3, 2, 1),
                                                                (1, 0, 0)]
    assert plan.end_date == day(15)
    weeks = da.weekly_adherence(plan, day(21), day(27), {})
    assert [(w.prescribed, w.done, w.percent) for w in weeks] == [(0, 0, None)]
    assert da.adherence_text(0, 0) == "no exercise days due"


def test_words():
    assert da.days_text(1, 1) == "1 of 1 exercise day"
    assert da.days_text(9, 12) == "9 of 12 exercise days"
    assert da.adherence_text(9, 12) == "9 of 12 exercise days done (75 %)"
    assert da.percent_text(2, 3) == "67 %" and da.percent_text(0, 0) == "-"
    assert da.week_text(da.WeekAdherence(MON, 3, 2)) == "2 of 3 exercise days done (67 %)"
    assert da.week_text(da.WeekAdherence(MON, 3, 3, 1)).endswith(
        "1 exercise done on another day of the week count")
    assert "at least half" in da.DEFINITION and "same week" in da.DEFINITION
