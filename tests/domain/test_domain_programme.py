"""Programme schedule and progression advice (pure domain; adherence: test_domain_adherence)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.domain import programme as dp

START = date(2026, 3, 2)  # a Monday


def _plan() -> dp.Plan:
    return dp.Plan(START, (
        dp.PlanPhase(1, 2, False, (
            dp.PlanPrescription(10, "0,2,4"),
            dp.PlanPrescription(11, "", 2),
        )),
        dp.PlanPhase(2, 1, True, (dp.PlanPrescription(20, "", 7),)),
    ))


def test_spread_weekdays():
    assert dp.spread_weekdays(3) == (0, 2, 4)
    assert dp.spread_weekdays(2) == (0, 3)
    assert dp.spread_weekdays(7) == tuple(range(7))
    assert dp.spread_weekdays(0) == ()


def test_parse_weekdays_refuses_bad_text():
    assert dp.parse_weekdays("4, 0,2") == (0, 2, 4)
    with pytest.raises(ValueError):
        dp.parse_weekdays("0,7")
    with pytest.raises(ValueError):
        dp.parse_weekdays("mo")
    with pytest.raises(ValueError):
        dp.parse_weekdays("Mon,Funday")
    assert dp.parse_weekdays("Mon, wed,FRIDAY") == (0, 2, 4)
    assert dp.parse_weekdays("sun,0") == (0, 6)


def test_phase_applies_for_its_weeks_from_start():
    plan = _plan()
    assert dp.phase_on(plan, START - timedelta(days=1)) is None
    assert dp.phase_on(plan, START).id == 1
    assert dp.phase_on(plan, START + timedelta(days=13)).id == 1
    assert dp.phase_on(plan, START + timedelta(days=14)).id == 2
    assert dp.phase_on(plan, START + timedelta(days=21)) is None
    assert plan.end_date == START + timedelta(days=20)


def test_due_on_uses_weekdays_or_spread():
    plan = _plan()
    assert [p.id for p in dp.due_on(plan, START)] == [10, 11]  # Monday
    assert [p.id for p in dp.due_on(plan, START + timedelta(days=1))] == []  # Tuesday
    assert [p.id for p in dp.due_on(plan, START + timedelta(days=3))] == [11]  # Thursday
    assert [p.id for p in dp.due_on(plan, START + timedelta(days=15))] == [20]  # deload daily


def test_due_days_cover_the_programme():
    days = dp.due_days(_plan())
    # 2 weeks x (Mon, Wed, Thu, Fri) + 7 deload days
    assert len(days) == 2 * 4 + 7


REPS_THEN_LOAD = [{"kind": "reps", "to": 15, "text": "up to 15"},
                  {"kind": "load", "percent": 10, "text": "about 10 % more"},
                  {"kind": "single_leg", "text": "single leg"}]


def _advise(dose, colours=("green",) * 7, ready=True, pains=()):
    return dp.advise(dose, REPS_THEN_LOAD, week_colours=colours, ready=ready, pain_during=pains)


def test_green_week_progresses_reps_first():
    s = _advise(dp.Dose(1, 3, reps=12, load=20, load_unit="kg"))
    assert (s.kind, s.field, s.old, s.new) == ("progress", "reps", 12, 14)


def test_green_week_at_top_reps_adds_about_ten_percent_load():
    s = _advise(dp.Dose(1, 3, reps=15, load=20, load_unit="kg"))
    assert (s.kind, s.field, s.old, s.new) == ("progress", "load", 20, 22.0)


def test_bodyweight_then_next_step_as_note():
    s = _advise(dp.Dose(1, 3, reps=15, load_unit="bodyweight"))
    assert s.kind == "progress" and s.field == "notes" and s.new == "about 10 % more"
    s = _advise(dp.Dose(1, 3, reps=15, load_unit="bodyweight", notes=s.new))
    assert s.new == "about 10 % more\nsingle leg"


def test_amber_holds_and_not_ready_holds():
    assert _advise(dp.Dose(1, 3, reps=10), colours=("green", "amber")).kind == "hold"
    assert _advise(dp.Dose(1, 3, reps=10), ready=False).kind == "hold"


def test_red_week_backs_off_load_by_twenty_percent():
    s = _advise(dp.Dose(1, 3, reps=12, load=20, load_unit="kg"), colours=("green", "red"),
                ready=False)
    assert (s.kind, s.field, s.new) == ("back_off", "load", 16.0)


def test_back_off_reduces_reps_never_to_zero():
    s = _advise(dp.Dose(1, 3, reps=10), colours=("red",), ready=False)
    assert (s.field, s.new) == ("reps", 8)
    s = _advise(dp.Dose(1, 3, reps=2), colours=("red",), ready=False)
    assert s.new == 1
    s = _advise(dp.Dose(1, 1, reps=1), colours=("red",), ready=False)
    assert s.kind == "hold"  # already at the minimum


def test_pain_during_above_acceptable_backs_off_even_in_green_week():
    s = _advise(dp.Dose(1, 3, reps=12), pains=(2, 6))
    assert s.kind == "back_off" and "6/10" in s.reason
    assert _advise(dp.Dose(1, 3, reps=12), pains=(4,)).kind == "hold"


def test_hsr_steps_move_to_next_rm_block():
    steps = [{"kind": "load", "rm": 15, "reps": 15, "text": "15RM"},
             {"kind": "load", "rm": 12, "reps": 12, "text": "Weeks 2-3: 12RM"}]
    s = dp.advise(dp.Dose(1, 4, reps=15, load=40, load_unit="kg"), steps,
                  week_colours=["green"], ready=True)
    assert (s.field, s.new) == ("reps", 12)


def test_minutes_progress_by_ten_percent():
    steps = [{"kind": "minutes", "percent": 10, "text": "+10 %"}]
    s = dp.advise(dp.Dose(1, 1, load=20, load_unit="minutes"), steps, week_colours=["green"],
                  ready=True)
    assert (s.field, s.new) == ("load", 22.0)


def test_dose_text_and_volume():
    assert dp.dose_text(3, 12, None, 10, "kg") == "3 x 12 @ 10 kg"
    assert dp.dose_text(5, None, 45, None, "seconds") == "5 x 45 s"
    assert dp.dose_text(1, None, None, 20, "minutes") == "20 minutes"
    # walk-run: the run part of each block is part of the dose everywhere it is shown
    assert dp.dose_text(1, None, 150, 20, "minutes") == "20 minutes (run 2 min 30 s / walk 1 min)"
    assert dp.volume(3, 10, None, 20, "kg") == (600.0, "kg")
    assert dp.volume(5, None, 45, None, "seconds") == (225.0, "s")
    assert dp.volume(3, 12, None, None, "bodyweight") == (36.0, "reps")
