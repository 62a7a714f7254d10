"""The settings registry: declared once, typed, range-checked, stored in the right place."""

from __future__ import annotations

from dataclasses import fields

import pytest

from rehabjournal.domain.light import DEFAULT_THRESHOLDS, Thresholds
from rehabjournal.services import settings
from rehabjournal.services.edit import is_no_change
from rehabjournal.services.errors import StorageError, ValidationError
from rehabjournal.store import models as m


@pytest.fixture
def machine(monkeypatch):
    """A fresh in-memory machine store (the GUI tests install QSettings instead)."""
    store = settings.MemoryStore()
    monkeypatch.setattr(settings, "_machine", store)
    return store


def rows() -> dict[str, str]:
    return {r.key: r.value for r in m.Setting.select()}


def test_every_option_is_declared_once_with_a_valid_default():
    keys = [o.key for o in settings.OPTIONS]
    assert len(keys) == len(set(keys))
    for opt in settings.OPTIONS:
        assert opt.where in (settings.JOURNAL, settings.MACHINE), opt.key
        assert opt.check(opt.default) is None, opt.key
        assert opt.label, opt.key
    with pytest.raises(KeyError, match="no setting 'thresholds.colour'"):
        settings.option("thresholds.colour")


def test_every_threshold_is_an_option_with_the_domain_default():
    """domain.light.Thresholds is the value type; the registry declares each field."""
    for f in fields(Thresholds):
        opt = settings.option(f"thresholds.{f.name}")
        assert opt.default == getattr(DEFAULT_THRESHOLDS, f.name)
        assert opt.type is type(opt.default)
        assert opt.minimum <= opt.default <= opt.maximum


def test_defaults_when_nothing_is_stored(journal, machine):
    assert settings.thresholds() == DEFAULT_THRESHOLDS
    assert settings.get("outcomes.instruments") == []
    assert settings.get("outcomes.every_days") == 14
    assert settings.get("window.geometry") == b""
    assert rows() == {}


def test_typed_round_trip_in_the_journal(journal, machine):
    settings.set_many({"thresholds.green_peak_max": 3, "thresholds.trend_rise": 2,
                       "outcomes.instruments": ["psfs", "koos", "koos"]})
    assert settings.get("thresholds.green_peak_max") == 3
    value = settings.get("thresholds.trend_rise")
    assert value == 2.0 and isinstance(value, float)
    assert settings.get("outcomes.instruments") == ["koos", "psfs"]  # choices' order, once
    assert rows() == {"thresholds.green_peak_max": "3", "thresholds.trend_rise": "2.0",
                      "outcomes.instruments": '["koos", "psfs"]'}
    assert machine.values == {}  # journal options never go to the machine store
    th = settings.thresholds()
    assert (th.green_peak_max, th.trend_rise, th.acceptable_pain) == (3, 2.0, 5)


def test_machine_options_stay_out_of_the_journal(journal, machine):
    settings.set("window.geometry", b"\x01\x02")
    assert settings.get("window.geometry") == b"\x01\x02"
    assert machine.values == {"window.geometry": b"\x01\x02"}
    assert rows() == {}


def test_machine_options_need_no_journal(machine):
    settings.set("window.geometry", b"xy")  # no journal is open in this test
    assert settings.get("window.geometry") == b"xy"


@pytest.mark.parametrize(("key", "value", "message"), [
    ("thresholds.green_peak_max", 11,
     "Green peak pain must be a whole number from 0 to 9 (got 11)."),
    ("thresholds.baseline_days", 2.5,
     "Baseline period must be a whole number from 3 to 28 days (got 2.5)."),
    ("thresholds.trend_rise", "much", "Weekly rise must be a number from 0.5 to 5 points "
                                      "(got \u201cmuch\u201d)."),
    ("outcomes.every_days", 0, "Time between questionnaires must be a whole number from 1 "
                               "to 365 days (got 0)."),
    ("outcomes.instruments", ["koos", "womac"], "Unknown outcome measure(s): womac."),
    ("window.geometry", "wide", "Main window position and size must be bytes."),
])
def test_out_of_range_is_refused_with_the_fields_message(journal, machine, key, value,
                                                         message):
    with pytest.raises(ValidationError) as info:
        settings.set(key, value)
    assert info.value.errors == {key: message}
    assert rows() == {} and machine.values == {}  # nothing written


def test_thresholds_that_do_not_fit_together_are_refused(journal):
    settings.set("thresholds.acceptable_pain", 4)
    with pytest.raises(ValidationError, match="must be below") as info:
        settings.set("thresholds.green_peak_max", 4)  # green must stay below acceptable
    assert list(info.value.errors) == ["thresholds.green_peak_max"]  # beside that field
    assert settings.get("thresholds.green_peak_max") == 2
    settings.set_many({"thresholds.green_peak_max": 4, "thresholds.acceptable_pain": 6})
    assert settings.thresholds().green_peak_max == 4


@pytest.mark.parametrize("text", ["not json", '"seven"', "99", "null", "[1]"])
def test_a_bad_stored_value_reads_as_the_default(journal, text):
    m.Setting.create(key="thresholds.baseline_days", value=text)
    assert settings.get("thresholds.baseline_days") == 7


def test_edit_is_one_undo_step_that_restores_absent_rows(journal):
    settings.set("thresholds.acceptable_pain", 6)
    edit = settings.edit({"thresholds.acceptable_pain": 7, "thresholds.assessment_weeks": 8})
    assert (edit.label, edit.saved, edit.scope) == ("change preferences",
                                                    "Preferences saved", "settings")
    assert rows() == {"thresholds.acceptable_pain": "7", "thresholds.assessment_weeks": "8"}
    edit.undo()
    assert rows() == {"thresholds.acceptable_pain": "6"}  # the absent row is absent again
    edit.redo()
    assert settings.thresholds().assessment_weeks == 8
    assert is_no_change(settings.edit({"thresholds.acceptable_pain": 7}))


def test_edit_refuses_machine_options_and_bad_values(journal):
    with pytest.raises(ValueError, match="journal options only"):
        settings.edit({"window.geometry": b""})
    with pytest.raises(ValidationError):
        settings.edit({"thresholds.acceptable_pain": 0})
    assert rows() == {}


def test_a_failed_write_is_a_storage_error_and_changes_nothing(journal, monkeypatch):
    import sqlite3

    database = m.database.obj
    real = database.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            raise sqlite3.OperationalError("database or disk is full")
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", execute_sql)
    with pytest.raises(StorageError, match="disk is full"):
        settings.edit({"thresholds.acceptable_pain": 7})
    with pytest.raises(StorageError):
        settings.set("outcomes.every_days", 3)
    monkeypatch.undo()
    assert rows() == {}


def test_pages_list_their_options_in_declaration_order():
    prefs = [o.field for o in settings.options(page=settings.PREFERENCES)]
    assert prefs == ["acceptable_pain", "green_peak_max", "morning_rise_tolerance",
                     "stiffness_rise_min", "baseline_days", "baseline_min_ratings",
                     "trend_rise", "improvement_points", "improvement_fraction",
                     "assessment_weeks", "escalation_load_drop"]
    assert [o.key for o in settings.options(page=settings.OUTCOMES)] == [
        "outcomes.instruments", "outcomes.every_days"]
    assert [o.key for o in settings.options(where=settings.MACHINE)] == [
        "window.geometry", "integrity.last_full_check"]


# Every threshold refused out of range, as the Preferences dialog and import-all show it: the
# option's message name is a noun phrase, so the message reads as a sentence (issue 17; it
# read "Baseline needs at least must be a whole number ...").
THRESHOLD_MESSAGES = {
    "thresholds.acceptable_pain": (11, "Acceptable pain must be a whole number from 1 to 10 "
                                       "(got 11)."),
    "thresholds.green_peak_max": (10, "Green peak pain must be a whole number from 0 to 9 "
                                      "(got 10)."),
    "thresholds.morning_rise_tolerance": (6, "Allowed next-morning rise must be a whole "
                                             "number from 0 to 5 points (got 6)."),
    "thresholds.stiffness_rise_min": (121, "Stiffness rise threshold must be a whole number "
                                           "from 5 to 120 minutes (got 121)."),
    "thresholds.baseline_days": (29, "Baseline period must be a whole number from 3 to 28 "
                                     "days (got 29)."),
    "thresholds.baseline_min_ratings": (8, "Morning ratings needed for a baseline must be a "
                                           "whole number from 1 to 7 (got 8)."),
    "thresholds.trend_rise": (6, "Weekly rise must be a number from 0.5 to 5 points "
                                 "(got 6)."),
    "thresholds.trend_min_days": (8, "Morning ratings needed each week for a trend must be a "
                                     "whole number from 1 to 7 (got 8)."),
    "thresholds.improvement_points": (6, "Important change must be a whole number from 1 to "
                                         "5 points (got 6)."),
    "thresholds.improvement_fraction": (0.95, "Important change as a fraction must be a "
                                              "number from 0.1 to 0.9 (got 0.95)."),
    "thresholds.assessment_weeks": (27, "Time before suggesting an assessment must be a whole "
                                        "number from 2 to 26 weeks (got 27)."),
    "thresholds.escalation_load_drop": (0.6, "Fall in load that counts as reduced must be a "
                                             "number from 0.05 to 0.5 (got 0.6)."),
}


def test_every_threshold_refusal_reads_as_a_sentence(journal):
    assert set(THRESHOLD_MESSAGES) == set(settings.THRESHOLD_KEYS), "a threshold is missing"
    for key, (value, message) in THRESHOLD_MESSAGES.items():
        with pytest.raises(ValidationError) as info:
            settings.set(key, value)
        assert info.value.errors == {key: message}
    assert rows() == {}  # nothing written
