"""Report data: the figures of the clinician report, from a small hand-made journal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.services import journal as js
from rehabjournal.services.report import (
    ReportPeriodError,
    build_report_data,
    default_period,
    initials_of,
)

START = date(2026, 3, 2)  # a Monday
END = START + timedelta(days=13)


@pytest.fixture
def two_weeks(journal):
    """Morning pain 5 in week one, 3 in week two; a run every other day; a flag and a flare."""
    js.save_profile({"name": "Zoë Łukasiewicz", "condition": "patellar_tendinopathy",
                     "joint": "knee", "side": "right", "clinician": "Dr Ada Nwosu"})
    for i in range(14):
        day = START + timedelta(days=i)
        js.save_checkin(day, {"morning_pain": 5 if i < 7 else 3, "notes": f"note {i}"})
        if i % 2 == 0:
            js.add_session(day, {"kind": "run", "minutes": 30, "rpe": 4 if i < 7 else 5,
                                 "pain_during": 4 if i < 7 else 2, "pain_after": 3})
    js.set_red_flag(START + timedelta(days=9), "night_or_constant_pain", True, "woke at 3")
    js.add_event(START + timedelta(days=4), "flare", "Flare after hills")
    from rehabjournal.store import models as m

    m.Question.create(text="Can I do hill repeats?")
    m.Question.create(text="Old question", answered=True)
    return journal


def test_headline_first_week_against_last_week(two_weeks):
    data = build_report_data(START, END, made=date(2026, 3, 20))
    assert not data.empty
    summary = data.summary
    morning = summary.comparison("morning_pain")
    assert (morning.first, morning.last) == (5.0, 3.0)
    assert morning.period == 4.0
    assert morning.important and morning.direction == "down" and morning.change == -2.0
    assert summary.sessions == 7 and summary.minutes == 210
    # week one: 4 runs (days 0, 2, 4, 6) x 4 x 30; week two: 3 runs x 5 x 30
    assert [w.load for w in summary.weeks] == [480.0, 450.0]
    assert summary.weeks[1].change_pct == pytest.approx(-6.25)
    assert [w.morning_mean for w in summary.weeks] == [5.0, 3.0]
    assert summary.load == 930.0
    assert [(f.day, f.label, f.tier) for f in summary.red_flags] == [
        (START + timedelta(days=9), "Pain at night or constant pain", "assessment")]
    assert [i.title for i in data.flares] == ["Flare after hills"]
    assert data.questions == ["Can I do hill repeats?"]
    assert len(data.days) == 14 and len(summary.days) == 14
    assert data.patient == "Zoë Łukasiewicz" and data.initials == "Z.Ł."
    assert data.clinician == "Dr Ada Nwosu"
    assert data.condition.startswith("Patellar tendinopathy")


def test_red_flag_day_is_red_and_its_note_is_notable(two_weeks):
    data = build_report_data(START, END)
    flagged = START + timedelta(days=9)
    day = next(d for d in data.summary.days if d.day == flagged)
    assert day.light == "red" and day.red_flag_tier == "assessment"
    assert data.summary.weeks[1].worst_light == "red"
    assert (flagged, "note 9") in data.notes


def test_anonymise_keeps_initials_only(two_weeks):
    data = build_report_data(START, END, anonymise=True)
    assert data.patient == "Z.Ł."
    assert data.clinician == ""


def test_empty_period_and_bad_period(two_weeks):
    data = build_report_data(date(2025, 1, 1), date(2025, 1, 28))
    assert data.empty and data.days == [] and data.summary.first_week is None
    assert data.questions == ["Can I do hill repeats?"]
    with pytest.raises(ReportPeriodError, match="before it starts"):
        build_report_data(END, START)


def test_default_period_is_the_last_four_weeks_of_the_journal(two_weeks):
    assert default_period() == (END - timedelta(days=27), END)
    data = build_report_data()
    assert (data.start, data.end) == (END - timedelta(days=27), END)


def test_default_period_of_an_empty_journal(journal):
    assert default_period() is None
    data = build_report_data(made=date(2026, 1, 31))
    assert data.empty and data.end == date(2026, 1, 31)


@pytest.mark.parametrize(("name", "initials"), [
    ("Zoë Łukasiewicz", "Z.Ł."),
    ("Sam Rivera (demo)", "S.R."),
    ("Jean-Luc Picard", "J.L.P."),
    ("", "-"),
])
def test_initials(name, initials):
    assert initials_of(name) == initials


def test_the_programme_phase_that_holds_the_last_day_with_its_last_changes(two_weeks):
    from rehabjournal.store import models as m

    ex = m.Exercise.create(slug="wall-sit", name="Wall sit", category="isometric")
    prog = m.Programme.create(name="Knee plan", active=True, start_date=START)
    one = m.Phase.create(programme=prog, position=0, name="Settle", weeks=1)
    two = m.Phase.create(programme=prog, position=1, name="Load", weeks=4)
    m.Prescription.create(phase=one, exercise=ex, sets=5, hold_s=45)
    held = m.Prescription.create(phase=two, exercise=ex, sets=3, reps=15, load=20,
                                 load_unit="kg", weekdays="0,2,4")
    m.PrescriptionChange.create(prescription=held, day=END - timedelta(days=3),
                                field_name="load", old_value="15", new_value="20")
    m.PrescriptionChange.create(prescription=held, day=END + timedelta(days=3),
                                field_name="load", old_value="20", new_value="25")
    data = build_report_data(START, END)
    assert (data.programme_name, data.programme_phase) == ("Knee plan", "Load")
    (row,) = data.programme
    assert (row.exercise, row.dose, row.load, row.days_per_week) == (
        "Wall sit", "3 x 15", "20 kg", "3")
    assert row.status.startswith("load 15 -> 20 on "), "a change after the period is left out"
    first_week = build_report_data(START, START + timedelta(days=5))
    assert first_week.programme_phase == "Settle"
    assert [r.dose for r in first_week.programme] == ["5 x 45 s hold"]
    assert [r.status for r in first_week.programme] == ["no change yet"]


def test_outcome_scores_by_instrument_and_the_responses_behind_them(two_weeks):
    from rehabjournal.services import outcomes

    outcomes.save_response("lefs", START + timedelta(days=8), {f"L{i}": 3 for i in range(1, 21)})
    outcomes.save_response("lefs", START + timedelta(days=1), {f"L{i}": 2 for i in range(1, 21)})
    data = build_report_data(START, END)
    assert [(s.instrument, s.points) for s in data.outcomes] == [
        ("lefs", ((START + timedelta(days=1), 40.0), (START + timedelta(days=8), 60.0)))]
    assert [r.day for r in data.outcome_responses] == [START + timedelta(days=1),
                                                       START + timedelta(days=8)]
    assert data.progress is not None and data.adherence_weeks == []


def test_a_bad_period_is_a_validation_error_about_the_period(two_weeks):
    from rehabjournal.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        build_report_data(END, START)
    assert info.value.exit_code == 2
