"""domain.validation: one validation for forms, CSV, import-all and programme files."""

from __future__ import annotations

from datetime import date

import pytest

from rehabjournal.domain import validation as v
from rehabjournal.errors import ValidationError

PLACE = "line 4, column sleep_hours"


@pytest.mark.parametrize(("text", "why"), [
    ("1_0", "“1_0” is not a number: write it without underscores"),
    ("３", "“３” is not a number: use the digits 0-9"),
    ("٣", "“٣” is not a number: use the digits 0-9"),
    (" 1e3", "“1e3” is not a number here: write it without an exponent"),
    ("nan", "“nan” is not a number: only finite numbers are accepted"),
    ("-inf", "“-inf” is not a number: only finite numbers are accepted"),
    ("Infinity", "“Infinity” is not a number: only finite numbers are accepted"),
    ("7,5", "“7,5” is not a number here: write decimals with a point (7.5)"),
    ("1.234,5", "“1.234,5” is not a number"),
    ("", "a number is required"),
    ("1" * 41, "“111111111111111111111111111...” is too long to be a number (41 characters)"),
    ("\x00", "“\\x00” is not a number"),
])
def test_loose_numbers_are_refused_with_their_place(text, why):
    with pytest.raises(ValidationError) as info:
        v.parse_number(text, PLACE)
    assert str(info.value) == f"{PLACE}: {why}"
    assert info.value.errors == {PLACE: f"{PLACE}: {why}"}
    assert v.reason(info.value) == why


def test_plain_numbers_and_the_decimal_comma_when_allowed():
    assert v.parse_number(" 7.5 ", PLACE) == 7.5
    assert v.parse_number("-2", PLACE) == -2.0
    assert v.parse_number(".5", PLACE) == 0.5
    assert v.parse_number("7,5", PLACE, decimal_comma=True) == 7.5
    assert v.parse_number("7.5", PLACE, decimal_comma=True) == 7.5
    assert v.parse_int("3.0", PLACE) == 3
    with pytest.raises(ValidationError, match="“3.5” is not a whole number"):
        v.parse_int("3.5", PLACE)


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1899, 12, 31), date(2101, 1, 1),
                                 date(9999, 12, 31)])
def test_dates_outside_1900_2100_are_refused(day):
    with pytest.raises(ValidationError) as info:
        v.check_date(day, "line 2, column date")
    assert str(info.value) == (f"line 2, column date: {day.isoformat()} is outside the dates "
                               "the journal accepts (1900-01-01 to 2100-12-31)")


def test_dates_at_the_edges_are_accepted_and_text_is_parsed():
    assert v.check_date(v.EARLIEST_DAY, "x") == date(1900, 1, 1)
    assert v.parse_date(" 2100-12-31 ", "x") == date(2100, 12, 31)
    with pytest.raises(ValidationError, match="x: 2026-02-30 is not a real date"):
        v.parse_date("2026-02-30", "x")
    with pytest.raises(ValidationError, match="date must be YYYY-MM-DD"):
        v.parse_date("２０２６-03-02", "x")


def test_text_without_nul_and_within_its_length():
    assert v.check_text(" 'tis\nfine ", "x") == " 'tis\nfine "
    with pytest.raises(ValidationError, match=r"x: the text holds a NUL character"):
        v.check_text("a\x00b", "x")
    with pytest.raises(ValidationError, match=r"too long \(5 characters; at most 4\)"):
        v.check_text("abcde", "x", max_chars=4)


JSON = "table check_in, row 3, field "


@pytest.mark.parametrize(("field", "value", "message"), [
    ("morning_pain", 99, "Morning pain must be a whole number from 0 to 10 (got 99)"),
    ("morning_pain", -5, "Morning pain must be a whole number from 0 to 10 (got -5)"),
    ("morning_pain", 2**63, "Morning pain must be a whole number from 0 to 10 "
                            "(got 9223372036854775808)"),
    ("morning_pain", 10**5000, "Morning pain must be a whole number from 0 to 10 "
                               "(got a number of about 5,001 digits)"),
    ("morning_pain", True, "Morning pain must be a whole number from 0 to 10 (got bool True)"),
    ("sleep_hours", 1e308, "Sleep must be a number from 0 to 24 hours (got 1e+308)"),
    ("sleep_hours", -1, "Sleep must be a number from 0 to 24 hours (got -1)"),
    ("sleep_hours", float("nan"), "Sleep must be a number from 0 to 24 hours "
                                  "(got nan; only finite numbers are accepted)"),
    ("sleep_hours", "7.5", "Sleep must be a number from 0 to 24 hours (got the text “7.5”)"),
    ("swelling", "enormous", "Swelling must be one of none, mild, moderate, severe "
                             "(got “enormous”)"),
    ("swelling", ["a"], "Swelling must be one of none, mild, moderate, severe "
                        "(got list ['a'])"),
    ("day", "9999-12-31", "9999-12-31 is outside the dates the journal accepts "
                          "(1900-01-01 to 2100-12-31)"),
], ids=lambda p: p if isinstance(p, str) else type(p).__name__)
def test_check_field_refuses_what_import_all_let_through(field, value, message):
    with pytest.raises(ValidationError) as info:
        v.check_field("check_in", field, value, JSON + field, typed=True)
    assert info.value.errors == {JSON + field: f"{JSON}{field}: {message}"}


def test_check_field_parses_text_from_files_and_forms():
    assert v.check_field("check_in", "sleep_hours", "7,5", "x", decimal_comma=True) == 7.5
    assert v.check_field("check_in", "morning_pain", "3.0", "x") == 3
    assert v.check_field("check_in", "swelling", " Mild ", "x") == "mild"
    assert v.check_field("check_in", "morning_pain", " ", "x") is None
    assert v.check_field("red_flag", "codes", "Calf_DVT; ;cannot_slr", "x") == (
        "cannot_slr", "calf_dvt")
    with pytest.raises(ValidationError,
                       match=r"x: Red flag must be one of cannot_bear_weight, .*“teleport”"):
        v.check_field("red_flag", "code", "teleport", "x")
    with pytest.raises(ValidationError, match="x: Duration is required"):
        v.check_field("activity_session", "minutes", "", "x")
    with pytest.raises(ValidationError, match="x: Morning pain must be a whole number from 0 "
                                              "to 10; “1_0” is not a number"):
        v.check_field("check_in", "morning_pain", "1_0", "x")


def test_exercise_log_status_is_a_choice_of_the_programme_statuses():
    assert v.check_field("exercise_log", "status", "Partial", "x") == "partial"
    with pytest.raises(ValidationError) as info:
        v.check_field("exercise_log", "status", "maybe", "table exercise_log, row 1, "
                               "field status")
    assert str(info.value.errors) == str({
        "table exercise_log, row 1, field status": "table exercise_log, row 1, field status: "
        "Status must be one of done, partial, skipped (got “maybe”)"})
