"""Tests for rehabjournal.domain.scales."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rehabjournal.domain import scales
from rehabjournal.domain.scales import (
    ASSESSMENT,
    CONDITIONS,
    CR10_LABELS,
    EVENT_KINDS,
    EVENT_LABELS,
    RED_FLAGS,
    SIDES,
    SWELLING_GRADES,
    URGENT,
    cr10_label,
    is_urgent,
    validate_minutes,
    validate_pain,
    validate_red_flag_code,
    validate_rpe,
    validate_sleep_hours,
    validate_stiffness_min,
    validate_swelling,
)


def test_cr10_labels_match_domain_doc():
    assert cr10_label(0) == "rest"
    assert cr10_label(1) == "very, very easy"
    assert cr10_label(4) == "somewhat hard"
    assert cr10_label(7) == "very hard"
    assert cr10_label(10) == "maximal"
    assert sorted(CR10_LABELS) == [0, 1, 2, 3, 4, 5, 7, 10]


def test_cr10_unlabelled_points_are_empty():
    assert [cr10_label(v) for v in (6, 8, 9)] == ["", "", ""]
    assert cr10_label(None) == ""
    assert cr10_label(11) == ""


def test_swelling_grades_and_sides():
    assert SWELLING_GRADES == ("none", "mild", "moderate", "severe")
    assert SIDES == ("left", "right", "both", "")


def test_red_flags_urgency_split():
    urgent = [code for code, (_, urgency) in RED_FLAGS.items() if urgency == URGENT]
    assessment = [code for code, (_, urgency) in RED_FLAGS.items() if urgency == ASSESSMENT]
    assert urgent == [
        "cannot_bear_weight",
        "hot_swollen_fever",
        "deformity_rapid_swelling",
        "locking_giving_way",
        "cannot_slr",
        "numb_cold_leg",
        "calf_dvt",
    ]
    assert assessment == ["night_or_constant_pain", "pop_or_injury_moment"]
    assert RED_FLAGS["cannot_bear_weight"][0] == "Cannot bear weight or take 4 steps"


def test_is_urgent():
    assert is_urgent("calf_dvt")
    assert is_urgent("cannot_slr")
    assert not is_urgent("night_or_constant_pain")
    assert not is_urgent("pop_or_injury_moment")
    assert not is_urgent("no_such_flag")


def test_vocabularies():
    assert EVENT_KINDS == (
        "flare",
        "deload_start",
        "new_shoes",
        "surface_change",
        "injection",
        "appointment",
        "custom",
    )
    assert tuple(EVENT_LABELS) == EVENT_KINDS
    assert scales.event_label("new_shoes") == "New shoes"
    assert len(CONDITIONS) == 5
    assert CONDITIONS["it_band_syndrome"].location == "outer knee"
    assert "training error" in scales.CONTRIBUTORS
    assert "rehab exercises" in scales.ACTIVITY_KINDS
    assert scales.JOINTS[0] == "knee"


def test_validate_pain_message_is_exact():
    assert (
        validate_pain(11, field="Morning pain")
        == "Morning pain must be a whole number from 0 to 10 (got 11)."
    )
    assert validate_pain(-1) == "Pain must be a whole number from 0 to 10 (got -1)."
    assert validate_pain(3.5) == "Pain must be a whole number from 0 to 10 (got 3.5)."


def test_validate_pain_accepts_valid_and_missing():
    assert validate_pain(0) is None
    assert validate_pain(10) is None
    assert validate_pain(7.0) is None
    assert validate_pain("7") is None
    assert validate_pain(None) is None
    assert validate_pain("") is None
    assert validate_pain(None, "Morning pain", required=True) == "Morning pain is required."


def test_validate_rejects_non_numbers():
    assert validate_pain("abc") is not None
    assert validate_pain(True) is not None
    assert validate_pain(float("nan")) is not None
    assert validate_pain([3]) is not None


def test_validate_minutes_and_stiffness():
    assert validate_minutes(1440) is None
    assert validate_minutes(0) is None
    assert (
        validate_minutes(1441) == "Duration must be a whole number from 0 to 1440 minutes "
        "(got 1441)."
    )
    assert validate_stiffness_min(-5) is not None
    assert validate_stiffness_min(30) is None


def test_validate_rpe_and_sleep():
    assert validate_rpe(10) is None
    assert validate_rpe(11) == "Effort (RPE) must be a whole number from 0 to 10 (got 11)."
    assert validate_sleep_hours(7.5) is None
    assert validate_sleep_hours(25) == "Sleep must be a number from 0 to 24 hours (got 25)."
    assert validate_sleep_hours(-0.5) is not None


def test_validate_swelling_and_red_flag_code():
    assert validate_swelling("mild") is None
    assert validate_swelling(None) is None
    assert validate_swelling("big") == (
        "Swelling must be one of none, mild, moderate, severe (got 'big')."
    )
    assert validate_red_flag_code("calf_dvt") is None
    assert validate_red_flag_code("calf") is not None
    assert validate_red_flag_code(None) is not None


@given(st.integers(min_value=-1000, max_value=1000))
def test_validate_pain_ok_exactly_for_whole_numbers_0_to_10(value):
    assert (validate_pain(value) is None) == (0 <= value <= 10)


@given(st.floats(min_value=0, max_value=24, allow_nan=False))
def test_validate_sleep_accepts_every_value_in_range(value):
    assert validate_sleep_hours(value) is None
