"""services.clock: the one clock the app reads "today" from, and the real seconds to the
next local midnight on days of 23, 24 and 25 hours (issue 18 item 1)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from rehabjournal.services import clock


@pytest.mark.parametrize(("now", "hours"), [
    (datetime(2026, 3, 29, 0, 0), 23), (datetime(2026, 10, 25, 0, 0), 25),
    (datetime(2026, 3, 28, 23, 30), 0.5), (datetime(2026, 10, 25, 1, 30), 22.5 + 1),
])
def test_seconds_to_midnight_counts_real_seconds(zone, now, hours):
    zone("Europe/London")
    assert clock.seconds_to_midnight(now) == hours * 3600


def test_use_clock_swaps_the_clock_for_a_block():
    fake = clock.FakeClock(datetime(2030, 1, 1, 12))
    with clock.use_clock(fake):
        assert clock.today() == date(2030, 1, 1)
        fake.advance(timedelta(hours=12))
        assert clock.today() == date(2030, 1, 2)
    assert isinstance(clock.current(), clock.SystemClock)


def test_a_fake_clock_moves_real_time_across_the_spring_change(zone):
    zone("Europe/London")
    fake = clock.FakeClock(datetime(2026, 3, 29, 0, 30))
    fake.advance(timedelta(hours=1))
    assert fake.now() == datetime(2026, 3, 29, 2, 30), "01:00 to 02:00 does not exist"
    fake.set(datetime(2026, 10, 25, 0, 30))
    fake.advance(3600 * 2)
    assert fake.now() == datetime(2026, 10, 25, 1, 30), "01:00 to 02:00 happens twice"


@pytest.mark.parametrize(("now", "seconds"), [
    (datetime(2026, 9, 5, 23, 59), 60),  # 00:00 does not exist: the 6th starts at 01:00
    (datetime(2026, 9, 5, 23, 0), 3600),
    (datetime(2026, 9, 5, 12, 0), 12 * 3600),
    (datetime(2026, 9, 6, 1, 0), 23 * 3600),  # a 23-hour day
])
def test_the_next_day_starts_at_the_first_existing_time_after_midnight(zone, now, seconds):
    """America/Santiago changes its clocks AT midnight: the day timer waits for 01:00,
    instead of firing every second for an hour."""
    zone("America/Santiago")
    assert clock.seconds_to_midnight(now) == seconds
    fake = clock.FakeClock(now)
    fake.advance(clock.seconds_to_midnight(fake.now()))
    assert fake.today() == now.date() + timedelta(days=1)
    assert fake.now().time() == (datetime.min.time() if now.day == 6 else
                                 datetime(1, 1, 1, 1).time())


def test_the_day_timer_looks_once_at_a_midnight_that_does_not_exist(zone):
    """Following the timer through the night of the change: one wait to the new day."""
    zone("America/Santiago")
    fake = clock.FakeClock(datetime(2026, 9, 5, 22, 0))
    waits = []
    while fake.today() == date(2026, 9, 5):
        waits.append(clock.seconds_to_midnight(fake.now()))
        fake.advance(waits[-1])
    assert waits == [2 * 3600]
    assert fake.now() == datetime(2026, 9, 6, 1, 0)


@pytest.mark.parametrize(("zone_name", "now", "fold", "seconds"), [
    # America/Havana: 01:00 goes back to 00:00 on 1 Nov 2026, midnight comes twice
    ("America/Havana", datetime(2026, 10, 31, 23, 30), 0, 1800),  # to the first midnight
    ("America/Havana", datetime(2026, 11, 1, 0, 30), 0, 24.5 * 3600),  # a 25-hour day
    ("America/Havana", datetime(2026, 11, 1, 0, 30), 1, 23.5 * 3600),  # the second 00:30
    # America/Santiago: 24:00 goes back to 23:00 on 4 Apr 2026, 23:00 comes twice
    ("America/Santiago", datetime(2026, 4, 4, 23, 30), 0, 5400),
    ("America/Santiago", datetime(2026, 4, 4, 23, 30), 1, 1800),
])
def test_a_repeated_hour_around_midnight(zone, zone_name, now, fold, seconds):
    zone(zone_name)
    assert clock.seconds_to_midnight(now.replace(fold=fold)) == seconds


def test_a_fake_clock_tells_the_second_of_two_same_times(zone):
    zone("America/Havana")
    fake = clock.FakeClock(datetime(2026, 11, 1, 0, 30))
    fake.advance(3600)
    assert fake.now() == datetime(2026, 11, 1, 0, 30) and fake.now().fold == 1
    assert clock.seconds_to_midnight(fake.now()) == 23.5 * 3600
