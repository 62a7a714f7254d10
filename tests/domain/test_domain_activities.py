"""The pure rules of activity files: sport mapping, local day, duplicates, Banister TRIMP."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from rehabjournal.domain.activities import (
    Activity,
    KnownSession,
    banister_trimp,
    find_duplicate,
    kind_for,
    local_start,
    mapping_key,
    normalise_sport,
    similar_duration,
    sport_label,
)


def _activity(minutes: float = 45, elapsed: float | None = None, **kw) -> Activity:
    values = dict(source="run.fit", fmt="fit", key="k", leg=0, sport="running", sub_sport="",
                  start_utc=datetime(2026, 3, 3, 6, 0, tzinfo=UTC),
                  elapsed_s=(elapsed or minutes) * 60, moving_s=minutes * 60)
    values.update(kw)
    return Activity(**values)


@pytest.mark.parametrize(("text", "key"), [
    ("Running", "running"), ("Trail Run", "trail_run"), ("VirtualRide", "virtual_ride"),
    ("e_biking", "e_biking"), ("indoor_cycling", "indoor_cycling"), ("  Ride ", "ride"),
    ("MountainBikeRide", "mountain_bike_ride"), ("", ""), (None, ""), ("Biking", "biking"),
])
def test_sports_are_normalised_to_one_key_whatever_the_app_wrote(text, key):
    assert normalise_sport(text) == key


@pytest.mark.parametrize(("sport", "sub", "kind"), [
    ("running", "", "run"), ("running", "trail", "run"), ("running", "treadmill", "run"),
    ("cycling", "generic", "cycle"), ("cycling", "indoor_cycling", "cycle"),
    ("biking", "", "cycle"), ("virtual_ride", "", "cycle"), ("swimming", "open_water", "swim"),
    ("walking", "", "walk"), ("hiking", "", "hike"), ("training", "strength_training", "gym"),
    ("yoga", "", "other"), ("", "", "other"), ("running", "made_up_sub", "run"),
    # Garmin Connect's GPX <type> words
    ("trail_running", "", "run"), ("treadmill_running", "", "run"),
    ("lap_swimming", "", "swim"), ("open_water_swimming", "", "swim"),
    ("gravel_cycling", "", "cycle"), ("indoor_rowing", "", "gym"),
])
def test_the_default_mapping_gives_the_journal_kind(sport, sub, kind):
    assert kind_for(sport, sub) == kind


def test_the_persons_mapping_wins_and_a_sub_sport_entry_beats_its_sport():
    mapping = {"Running / Trail": "hike", "yoga": "gym"}
    assert mapping_key("Running / Trail") == "running/trail"
    assert kind_for("running", "trail", mapping) == "hike"
    assert kind_for("running", "", mapping) == "run"
    assert kind_for("yoga", "", mapping) == "gym"
    assert sport_label("running", "trail") == "running/trail"
    assert sport_label("cycling", "generic") == "cycling"


def test_a_late_evening_utc_start_is_the_next_local_day_east_of_greenwich():
    start = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
    assert local_start(start, ZoneInfo("Etc/GMT-2")) == datetime(2026, 6, 2, 1, 30)
    assert local_start(start, ZoneInfo("America/New_York")) == datetime(2026, 6, 1, 19, 30)


def test_the_zone_rules_of_the_date_itself_apply_summer_and_winter():
    berlin = ZoneInfo("Europe/Berlin")
    assert local_start(datetime(2026, 7, 1, 22, 30, tzinfo=UTC), berlin).date() == \
        date(2026, 7, 2)  # UTC+2 in summer
    assert local_start(datetime(2026, 1, 15, 22, 30, tzinfo=UTC), berlin) == \
        datetime(2026, 1, 15, 23, 30)  # UTC+1 in winter: still the same day


def test_a_naive_start_is_taken_as_utc():
    naive = datetime(2026, 6, 1, 23, 30)
    assert local_start(naive, timezone(timedelta(hours=2))) == datetime(2026, 6, 2, 1, 30)


@pytest.mark.parametrize(("a", "b", "same"), [
    (45, 45, True), (45, 52, True), (45, 53, False), (100, 117, True), (100, 118, False),
    (10, 15, True), (10, 16, False),
])
def test_durations_are_similar_within_five_minutes_or_fifteen_percent(a, b, same):
    assert similar_duration(a, b) is same


def test_an_imported_session_starting_within_two_minutes_is_a_duplicate():
    start = datetime(2026, 3, 3, 7, 0)
    known = [KnownSession(1, date(2026, 3, 3), "run", 45, time(7, 2), imported=True)]
    assert find_duplicate(start, _activity(45), "run", known).id == 1
    late = [KnownSession(1, date(2026, 3, 3), "run", 45, time(7, 3), imported=True)]
    assert find_duplicate(start, _activity(45), "run", late) is None


def test_a_hand_typed_session_of_the_same_kind_and_day_with_similar_minutes_matches():
    start = datetime(2026, 3, 3, 7, 0)
    known = [KnownSession(5, date(2026, 3, 3), "run", 60),
             KnownSession(6, date(2026, 3, 3), "run", 44),
             KnownSession(7, date(2026, 3, 3), "cycle", 45),
             KnownSession(8, date(2026, 3, 4), "run", 45)]
    assert find_duplicate(start, _activity(45), "run", known).id == 6  # the closest
    assert find_duplicate(start, _activity(45), "walk", known) is None  # other kind
    # elapsed time (pauses included) also counts: 30 moving, 50 elapsed vs typed 50
    assert find_duplicate(start, _activity(30, elapsed=50), "run",
                          [KnownSession(9, date(2026, 3, 3), "run", 50)]).id == 9


def test_banister_trimp_against_a_hand_check():
    # x = (150 - 60) / (190 - 60) = 0.6923; 60 * 0.6923 * 0.64 * e^(1.92 * 0.6923) = 100.4
    x = 90 / 130
    assert banister_trimp(60, 150, 60, 190) == round(60 * x * 0.64 * math.exp(1.92 * x), 1)
    assert banister_trimp(60, 150, 60, 190) == 100.4
    assert banister_trimp(60, 150, 60, 190, "female") == 113.5  # 0.86 * e^(1.67 x)


@pytest.mark.parametrize(("args", "expected"), [
    ((60, None, 60, 190), None), ((60, 150, 0, 190), None), ((60, 150, 60, 0), None),
    ((60, 150, 190, 60), None), ((0, 150, 60, 190), None),
    ((60, 50, 60, 190), 0.0),  # below resting: no load
    ((10, 250, 60, 190), round(10 * 0.64 * math.exp(1.92), 1)),  # above maximum: clamped
])
def test_banister_trimp_needs_both_heart_rates_and_clamps_the_reserve(args, expected):
    assert banister_trimp(*args) == expected


def test_minutes_are_moving_minutes_rounded():
    assert _activity(44.6).minutes == 45
    assert _activity(0.2).minutes == 1
    assert _activity(0).minutes == 0
    assert _activity(30, elapsed=50).elapsed_minutes == 50
    assert _activity(30, distance_m=8123.0).distance_km == 8.12
