"""Progression advice by the published schedules: the issue's scenario table, hand-checked.

Each test applies the advice the way a person accepting it would (``apply``) and checks the
dose a physio would expect week by week.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from rehabjournal.domain import programme as dp
from rehabjournal.domain import progression as pg

HSR = {"model": "rm_schedule", "load_step": 2.5, "source": "Kongsgaard et al. 2009",
       "stages": [{"weeks": [1, 1], "rm": 15}, {"weeks": [2, 3], "rm": 12},
                  {"weeks": [4, 5], "rm": 10}, {"weeks": [6, 8], "rm": 8},
                  {"weeks": [9, 12], "rm": 6}]}
DOUBLE = {"model": "double", "reps": [8, 15], "rep_step": 2, "load_step": 5,
          "then": ["Single leg"]}
CLAMSHELL = {"model": "ladder", "stages": [{"sets": 3, "hold_s": 45}, {"sets": 3, "reps": 15}],
             "then": ["Heavier band"]}
STRETCH = {"model": "none"}
WALL_SIT = {"model": "isometric", "hold_s": [30, 45],
            "then": ["Raise the effort from about 70 % towards 80 %; keep the knee at 30-60 "
                     "degrees"]}
LEG_RAISE = {"model": "load", "step": 0.5, "max": 1.5, "then": ["Add 5 reps a set"]}
CYCLING = {"model": "minutes", "percent": 10}
WALK_RUN = {"model": "walk_run", "run_s": [60, 180], "run_step": 60, "percent": 10}


def dose(**kw) -> dp.Dose:
    base = {"id": 1, "sets": 3, "reps": None, "hold_s": None, "load": None,
            "load_unit": "bodyweight", "notes": ""}
    return dp.Dose(**{**base, **kw})


def apply(d: dp.Dose, s: dp.Suggestion) -> dp.Dose:
    return replace(d, **{f: new for f, _old, new in s.updates})


def green(d, model, week=None, **kw) -> dp.Suggestion:
    return pg.advise(d, model, verdict="progress", week=week, **kw)


@pytest.mark.parametrize("model", [HSR, DOUBLE, CLAMSHELL, STRETCH, WALL_SIT, LEG_RAISE,
                                   CYCLING, WALK_RUN])
def test_the_test_models_are_valid(model):
    assert pg.validate_model(model) == []


def test_validate_model_lists_every_problem():
    bad = {"model": "rm_schedule", "stages": [{"weeks": [1, 1], "rm": 15},
                                              {"weeks": [3, 4], "rm": 12}, {"rm": 10}],
           "load_step": -1, "then": [""], "red": "panic"}
    problems = pg.validate_model(bad)
    assert "stages[1]: weeks must follow on from week 1" in problems
    assert "stages[2]: needs weeks [from, to] and rm" in problems
    assert "load_step: must be a number above 0" in problems
    assert "then: must be a list of non-empty texts" in problems
    assert "red: must be one of step_back, keep" in problems
    assert pg.validate_model({"model": "bicycle"})[0].startswith("model: must be one of")
    (typo,) = pg.validate_model({"model": "double", "reps": [8, 15], "load_stepp": 2.5})
    assert typo.startswith("load_stepp: not a key of the double model (did you mean "
                           "'load_step'?)")
    assert pg.validate_model([{"kind": "reps"}]) == [
        "progression: must be an object with a 'model' key"]


def test_epley_conversion_hand_check():
    # 60 kg x 15 -> 1RM 90 kg; 12RM = 90 / 1.4 = 64.29 -> 64 (rounded down to 0.5)
    assert pg.epley_one_rm(60, 15) == pytest.approx(90.0)
    assert pg.rm_load(60, 15, 12) == 64.0
    assert pg.rm_load(64.0, 12, 15) == 59.5  # back: lighter


def test_hsr_twelve_green_weeks_follow_the_rep_max_table_with_rising_load():
    d = dose(sets=4, reps=15, load=60.0, load_unit="kg")
    reps, loads = [15], [60.0]
    for week in range(2, 13):  # advice at the end of week - 1 for the coming week
        s = green(d, HSR, week=week)
        assert s.kind == "progress", (week, s.reason)
        d = apply(d, s)
        reps.append(d.reps)
        loads.append(d.load)
    assert reps == [15, 12, 12, 10, 10, 8, 8, 8, 6, 6, 6, 6]
    assert all(b > a for a, b in zip(loads, loads[1:], strict=False)), loads
    # hand check: 60 -> 64 (12RM, Epley) -> 66.5 (+2.5) -> 69.5 (10RM: 66.5 x 1.4 / 1.333)
    assert loads[:4] == [60.0, 64.0, 66.5, 69.5]
    assert loads[-1] < 100  # never the old +10 % a week (128.5 kg)
    assert d.sets == 4
    end = green(d, HSR, week=13)
    assert end.kind == "hold" and "schedule is complete" in end.reason


def test_hsr_rep_max_change_raises_the_load_in_the_same_advice():
    d = dose(sets=4, reps=15, load=60.0, load_unit="kg")
    s = green(d, HSR, week=2)
    assert (s.field, s.old, s.new) == ("reps", 15, 12)
    assert s.more == (("load", 60, 64),)
    assert s.dose_before == "4 x 15 @ 60 kg" and s.dose_after == "4 x 12 @ 64 kg"
    assert "12RM" in s.reason and "Epley" in s.reason


def test_hsr_after_amber_weeks_moves_one_stage_at_a_time_never_ahead():
    d = dose(sets=4, reps=15, load=60.0, load_unit="kg")
    for week in (2, 3, 4):
        assert pg.advise(d, HSR, verdict="hold", week=week).kind == "hold"
    s = green(d, HSR, week=5)  # behind the schedule: 15RM -> 12RM only, not 10RM
    d = apply(d, s)
    assert d.reps == 12
    ahead = dose(sets=4, reps=8, load=80.0, load_unit="kg")
    assert green(ahead, HSR, week=3).kind == "hold"  # 8RM planned from week 6


def test_double_progression_reps_then_load_and_back_to_the_bottom_of_the_range():
    d = dose(sets=3, reps=12, load=40.0, load_unit="kg")
    seen = []
    for _ in range(4):
        d = apply(d, green(d, DOUBLE))
        seen.append((d.reps, d.load))
    assert seen == [(14, 40.0), (15, 40.0), (8, 45.0), (10, 45.0)]
    assert green(dose(sets=3, reps=15, load=40.0, load_unit="kg"), DOUBLE).updates == [
        ("load", 40, 45), ("reps", 15, 8)]


def test_double_progression_without_a_load_goes_on_to_the_next_exercise_step():
    """At the top of the range a bodyweight exercise moves to its next (harder) step and
    starts it at the bottom of the range, so steps never stack week after week."""
    d = dose(sets=3, reps=15)
    s = green(d, DOUBLE)
    assert s.updates == [("reps", 15, 8), ("notes", "", "Single leg")]
    assert "Start the new step at 3 x 8" in s.reason
    d = apply(d, s)
    seen = []
    while (s := green(d, DOUBLE)).kind == "progress":
        d = apply(d, s)
        seen.append(d.reps)
    assert seen == [10, 12, 14, 15]  # builds up again, then every step is reached
    assert s.kind == "hold" and "Every step" in s.reason


def test_clamshell_moves_from_holds_to_reps_then_a_heavier_band():
    d = dose(sets=3, hold_s=45, load_unit="band", notes="3x15 next week")
    s = green(d, CLAMSHELL)
    assert sorted(s.updates) == [("hold_s", 45, None), ("reps", None, 15)]
    d = apply(d, s)
    assert dp.dose_text(d.sets, d.reps, d.hold_s, d.load, d.load_unit) == "3 x 15 (band)"
    s = green(d, CLAMSHELL)
    assert s.field == "notes" and s.new.endswith("Heavier band")
    # a clamshell already at 3 x 15 is never sent back to holds
    assert all(f != "hold_s" for f, _o, _n in green(dose(sets=3, reps=15, load_unit="band"),
                                                     CLAMSHELL).updates)


def test_stretches_keep_their_dose():
    d = dose(sets=3, hold_s=30, load_unit="seconds")
    for verdict in ("progress", "hold", "back_off"):
        assert pg.advise(d, STRETCH, verdict=verdict, red_weeks=1).kind == "hold"


def test_isometric_starts_from_its_dose_and_then_progresses_effort_not_depth():
    d = dose(sets=5, hold_s=45, load_unit="seconds")
    s = green(d, WALL_SIT)
    (note,) = [new for f, _o, new in s.updates if f == "notes"]
    assert "effort" in note and "90" not in note
    assert ("hold_s", 45, 30) in s.updates  # the harder step starts at the shortest hold
    shorter = dose(sets=5, hold_s=30, load_unit="seconds")
    assert green(shorter, WALL_SIT).updates == [("hold_s", 30, 35)]


def test_leg_raise_adds_half_a_kilo_a_week_up_to_one_and_a_half():
    d = dose(sets=3, reps=15, load=0.5, load_unit="kg")
    loads = []
    for _ in range(3):
        s = green(d, LEG_RAISE)
        d = apply(d, s)
        loads.append(d.load)
    assert loads[:2] == [1.0, 1.5]
    assert d.notes == "Add 5 reps a set"


def test_conditioning_minutes_rise_ten_percent_and_walk_run_runs_first():
    d = dose(sets=1, load=20.0, load_unit="minutes")
    assert green(d, CYCLING).updates == [("load", 20, 22)]
    wr = dose(sets=1, hold_s=60, load=20.0, load_unit="minutes")
    steps = []
    for _ in range(3):
        wr = apply(wr, green(wr, WALK_RUN))
        steps.append((wr.hold_s, wr.load))
    assert steps == [(120, 20.0), (180, 20.0), (180, 22.0)]


def test_amber_holds_every_model():
    for model, d in ((HSR, dose(sets=4, reps=12, load=64.0, load_unit="kg")),
                     (DOUBLE, dose(sets=3, reps=10, load=40.0, load_unit="kg")),
                     (CLAMSHELL, dose(sets=3, hold_s=45, load_unit="band"))):
        s = pg.advise(d, model, verdict="hold", week=3, verdict_reason="Amber: hold the load.")
        assert (s.kind, s.changes, s.reason) == ("hold", False, "Amber: hold the load.")


def test_red_once_steps_back_one_stage_and_keeps_isometrics_and_mobility():
    hsr = dose(sets=4, reps=10, load=70.0, load_unit="kg")
    s = pg.advise(hsr, HSR, verdict="back_off", week=5, red_weeks=1)
    assert s.kind == "back_off"
    # 10RM 70 kg -> 12RM: 70 x 1.333 / 1.4 = 66.7 -> 66.5 kg
    assert s.updates == [("reps", 10, 12), ("load", 70, 66.5)]
    double = pg.advise(dose(sets=3, reps=12, load=40.0, load_unit="kg"), DOUBLE,
                       verdict="back_off", red_weeks=1)
    assert double.updates == [("reps", 12, 10)]  # not a flat -20 % load cut
    for model, d in ((WALL_SIT, dose(sets=5, hold_s=45, load_unit="seconds")),
                     (STRETCH, dose(sets=3, hold_s=30, load_unit="seconds"))):
        kept = pg.advise(d, model, verdict="back_off", red_weeks=1)
        assert kept.kind == "hold" and not kept.changes, kept
    assert "Rio" in pg.advise(dose(sets=5, hold_s=45, load_unit="seconds"), WALL_SIT,
                              verdict="back_off", red_weeks=1).reason


def test_red_at_the_bottom_of_the_range_takes_back_one_load_step():
    pct = {"model": "double", "reps": [10, 15], "load_percent": 10}
    s = pg.advise(dose(sets=3, reps=10, load=44.0, load_unit="kg"), pct, verdict="back_off",
                  red_weeks=1)
    assert s.updates == [("load", 44, 40)]  # 44 / 1.1, the step it came up by
    s = pg.advise(dose(sets=3, reps=8, load=45.0, load_unit="kg"), DOUBLE, verdict="back_off",
                  red_weeks=1)
    assert s.updates == [("load", 45, 40)]


def test_red_never_goes_to_zero():
    d = dose(sets=1, reps=8, load=None, load_unit="bodyweight")
    s = pg.advise(d, DOUBLE, verdict="back_off", red_weeks=1)
    assert s.kind == "hold" and "lowest step" in s.reason and "not" in s.reason
    first = dose(sets=3, hold_s=45, load_unit="band")
    assert pg.advise(first, CLAMSHELL, verdict="back_off", red_weeks=1).kind == "hold"
    minutes = dose(sets=1, load=6.0, load_unit="minutes")
    s = pg.advise(minutes, CYCLING, verdict="back_off", red_weeks=1)
    assert s.updates == [("load", 6, 5)]
    assert pg.advise(replace(minutes, load=5.0), CYCLING, verdict="back_off",
                     red_weeks=1).kind == "hold"


def test_red_twice_in_a_row_says_see_the_physio():
    d = dose(sets=4, reps=12, load=64.0, load_unit="kg")
    s = pg.advise(d, HSR, verdict="back_off", week=4, red_weeks=2)
    assert s.kind == "see_physio" and not s.changes
    assert "physio" in s.reason and "reduced" in s.reason


def test_tendon_rule_allows_pain_up_to_five_that_settles():
    decline = dose(sets=3, reps=15, load=None, load_unit="bodyweight")
    model = {"model": "double", "reps": [15, 15], "then": ["Add 5 kg in a backpack"]}
    s = green(decline, model, pain_during=[4], pain_rule="tendon")
    assert s.kind == "progress"
    held = green(decline, model, pain_during=[4], pain_rule="standard")
    assert held.kind == "hold" and "2/10" in held.reason
    too_much = green(decline, model, pain_during=[6], pain_rule="tendon")
    assert too_much.kind in ("back_off", "hold") and "6/10" in too_much.reason


def test_an_isometric_that_itself_hurts_too_much_is_shortened():
    d = dose(sets=5, hold_s=45, load_unit="seconds")
    s = green(d, WALL_SIT, pain_during=[7])
    assert s.kind == "back_off" and s.updates == [("hold_s", 45, 40)]


def test_v1_step_lists_map_to_models_when_clear():
    steps = [{"kind": "load", "text": "x", "rm": 15, "reps": 15, "weeks": [1, 1]},
             {"kind": "load", "text": "y", "rm": 12, "reps": 12, "weeks": [2, 3]}]
    assert pg.model_of(steps)["model"] == "rm_schedule"
    assert pg.model_of([{"kind": "hold", "text": "z"}], "mobility") == {"model": "none"}
    assert pg.model_of([{"kind": "reps", "text": "r", "to": 15}], "strength") is None


def test_plain_words_for_the_patient():
    assert "5/10" in pg.pain_rule_text("tendon") and "next morning" in pg.pain_rule_text("tendon")
    assert pg.pain_rule_text("standard", green_peak_max=3).startswith("Pain up to 3/10")
    assert pg.frequency_text(3, (0, 2, 4)) == "3 days a week (Mon, Wed, Fri)"
    assert pg.frequency_text(7, tuple(range(7)), 2) == "every day, twice a day"


def test_a_dose_not_done_is_not_progressed():
    d = dose(sets=3, reps=10, load=40.0, load_unit="kg")
    held = green(d, DOUBLE, days_due=3, days_done=0)
    assert held.kind == "hold" and "done on 0 of its 3 days" in held.reason
    assert green(d, DOUBLE, days_due=3, days_done=1).kind == "hold"
    assert green(d, DOUBLE, days_due=3, days_done=2).kind == "progress"
    assert green(d, DOUBLE, days_due=1, days_done=1).kind == "progress"
