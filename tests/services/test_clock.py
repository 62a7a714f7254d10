"""services.clock: the one clock the app reads "today" from, and the real seconds to the
next local midnight on days of 23, 24 and 25 hours (issue 18 item 1)."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest

from rehabjournal.services import clock


@pytest.fixture
def zone(monkeypatch):
    """Factory: zone("Europe/London") runs the test in that time zone (TZ + tzset)."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


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
