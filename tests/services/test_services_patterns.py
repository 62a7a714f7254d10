"""services.patterns: the open journal, the patterns.* settings and skipped exercise days."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from rehabjournal.domain.flares import ASSOCIATION_NOTE
from rehabjournal.services import journal as js
from rehabjournal.services import patterns, settings
from rehabjournal.services import programme as ps
from rehabjournal.services.errors import ValidationError
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises

START = date(2026, 1, 5)  # a Monday
SHORT = (10, 18, 26, 34, 42, 50)


def day(i: int) -> date:
    return START + timedelta(days=i)


def fill(n: int = 60, short=SHORT) -> None:
    """Mornings 2 and 7.5 h nights; a 5-hour night on each ``short`` day and a morning of
    5 two days later; one flare after nothing (day 30)."""
    flare_days = {i + 2 for i in short} | {30}
    for i in range(n):
        js.save_checkin(day(i), {"morning_pain": 5 if i in flare_days else 2,
                                 "sleep_hours": 5.0 if i in short else 7.5, "stress": 3})


def test_period_patterns_finds_the_planted_nights(journal):
    fill()
    report = patterns.period_patterns(day(0), day(59), today=day(60))
    (f,) = report.findings
    assert (f.factor, f.lag, f.a, f.b) == ("short_sleep", 2, 6, 0)
    assert (report.q, report.rise, report.short_sleep_hours) == (0.10, 2, 6.0)
    assert [e.start for e in report.episodes] == [day(i) for i in (12, 20, 28, 30, 36, 44,
                                                                    52)]


def test_the_settings_change_the_finder(journal):
    fill()
    settings.set_many({"patterns.flare_rise": 4})
    assert patterns.period_patterns(day(0), day(59)).episodes == ()
    settings.set_many({"patterns.flare_rise": 2, "patterns.q": 0.01,
                       "patterns.short_sleep_hours": 5.0})
    report = patterns.period_patterns(day(0), day(59))
    assert report.q == 0.01 and report.short_sleep_hours == 5.0
    assert report.factor_days["short_sleep"] == ()  # 5.0 h is not under 5 h
    assert not report.findings


def test_custom_factors_from_settings(journal):
    fill()
    for i in (3, 11, 19):
        js.add_event(day(i), "custom", "Long drive")
    js.add_event(day(5), "custom", "Party")
    settings.set("patterns.custom_factors", ["Long drive", "Hill repeats"])
    report = patterns.period_patterns(day(0), day(59))
    assert report.factor_days["custom:long drive"] == (day(3), day(11), day(19))
    assert report.factor_days["custom:hill repeats"] == ()
    assert not any("party" in key for key in report.factor_days)
    assert report.labels["custom:long drive"] == "Long drive"


def test_settings_options_and_their_ranges(journal):
    assert settings.get_many(patterns.SETTING_KEYS) == {
        "patterns.flare_rise": 2, "patterns.q": 0.10, "patterns.short_sleep_hours": 6.0,
        "patterns.custom_factors": []}
    for key, bad in (("patterns.flare_rise", 6), ("patterns.flare_rise", 0),
                     ("patterns.q", 0.3), ("patterns.short_sleep_hours", 2.5),
                     ("patterns.custom_factors", "Long drive")):
        with pytest.raises(ValidationError):
            settings.set(key, bad)
    assert {o.key for o in settings.options(page=settings.PATTERNS)} == set(
        patterns.SETTING_KEYS)


def test_skipped_programme_exercise_days(journal):
    sync_shipped_exercises()
    pid = ps.create_programme("Plan", START, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 4}).result
    ex = m.Exercise.get(m.Exercise.slug == "leg-press").id
    pres = ps.add_prescription(phase, {"exercise": ex, "sets": 3, "reps": 10,
                                       "weekdays": "0,2,4"}).result
    # week 1: Mon done, Wed skipped, Fri not logged; week 2: Mon done on Tue (moved)
    ps.log_exercise(day(0), pres, {"status": "done"})
    ps.log_exercise(day(2), pres, {"status": "skipped"})
    ps.log_exercise(day(8), pres, {"status": "done"})
    got = patterns.skipped_days(day(0), day(13), today=day(11))
    # due days up to yesterday (day 10): 0, 2, 4, 7, 9; day 7 is made up by day 8's log
    assert got == frozenset({day(2), day(4), day(9)})
    report = patterns.period_patterns(day(0), day(13), today=day(11))
    assert report.factor_days["skipped_exercises"] == (day(2), day(4), day(9))


def test_no_programme_no_skipped_days(journal):
    assert patterns.skipped_days(day(0), day(30), today=day(40)) == frozenset()


def test_report_json_fields_are_stable(journal):
    fill()
    report = patterns.period_patterns(day(0), day(59))
    data = json.loads(json.dumps(patterns.report_json(report)))
    assert set(data) == {"from", "to", "comparisons", "q", "flare_rise", "short_sleep_hours",
                         "summary", "note", "flares", "findings", "untested",
                         "more_days_needed"}
    assert (data["from"], data["to"]) == ("2026-01-05", "2026-03-05")
    assert data["note"] == ASSOCIATION_NOTE
    assert data["flares"][0] == {"start": "2026-01-17", "end": "2026-01-17", "peak": 5,
                                 "marked": False}
    (f,) = data["findings"]
    assert set(f) == {"factor", "label", "lag", "counts", "risk_ratio", "ci", "p",
                      "p_adjusted", "text"}
    assert f["factor"] == "short_sleep" and f["lag"] == 2
    assert f["counts"]["a"] == 6 and f["counts"]["b"] == 0
    assert f["ci"][0] < f["risk_ratio"] < f["ci"][1]
    assert f["p"] <= f["p_adjusted"] <= data["q"]
    assert all(set(u) == {"factor", "label", "reason"} for u in data["untested"])


def test_report_text(journal):
    fill()
    text = patterns.report_text(patterns.period_patterns(day(0), day(59)))
    assert text.startswith("Patterns 2026-01-05 to 2026-03-05 (60 days): what often came "
                           "before flares (associations, not causes)")
    assert "Flares began more often 2 days after a night under 6 h of sleep" in text
    assert "Risk ratio " in text and "95 % CI" in text and "adjusted p" in text
    assert ASSOCIATION_NOTE in text


def test_resolve_period(journal):
    assert patterns.resolve_period(None, None, today=date(2026, 5, 1)) == (
        date(2026, 5, 1) - timedelta(days=83), date(2026, 5, 1))
    fill(20)
    assert patterns.resolve_period(None, None) == (day(19) - timedelta(days=83), day(19))
    # only --from: to the journal's last entry, as --help says; 12 weeks after it otherwise
    assert patterns.resolve_period(day(0), None) == (day(0), day(19))
    assert patterns.resolve_period(day(30), None) == (day(30), day(113))
    assert patterns.resolve_period(None, day(83)) == (day(0), day(83))
    with pytest.raises(ValueError):
        patterns.period_patterns(day(5), day(4))
