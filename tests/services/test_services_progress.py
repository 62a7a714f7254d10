"""progress_data: the Progress page's numbers checked against the domain calculations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.domain import light, load
from rehabjournal.services import demo, progress
from rehabjournal.services import journal as js
from rehabjournal.store import models as m
from rehabjournal.store.db import close_journal, open_journal
from rehabjournal.store.library import sync_shipped_exercises

END = date(2025, 3, 5)


@pytest.fixture
def db(tmp_path):
    open_journal(tmp_path / "data")
    yield
    close_journal()


@pytest.fixture
def demo_db(db):
    sync_shipped_exercises()
    demo.generate_demo(end=END, seed=7)
    return demo.demo_period(END)


def test_demo_loads_acwr_weeks_match_domain(demo_db):
    start, end = demo_db
    data = progress.progress_data(start, end)
    assert data.days[0] == start and data.days[-1] == end
    journal = js.load_journal(start, end)
    sessions = [s for r in journal.days.values() for s in r.sessions]
    daily = load.daily_loads(sessions, start, end)
    assert data.loads == [v for _d, v in daily]
    assert data.has_load and data.has_pain
    # the demo journal starts at ``start``: no history, so the ratio is acwr_ewma of the period
    assert data.acwr == load.acwr_ewma([v for _d, v in daily])
    assert data.acwr[26] is None and data.acwr[27] is not None
    # weeks: calendar weeks (start is a Monday), totals and change from the domain
    totals = load.weekly_totals(daily)
    assert list(zip(data.weeks, data.week_totals, strict=True)) == totals
    assert data.week_change[1:] == load.week_on_week_change(totals)[1:]
    assert data.week_change[0] is None  # nothing the week before the journal began
    assert data.week_partial == [False] * (len(totals) - 1) + [True]


def test_demo_pain_rolling_average_hand_check(demo_db):
    start, end = demo_db
    data = progress.progress_data(start, end)
    mornings = {r.day: r.morning_pain for r in m.CheckIn.select()}
    i = 40
    window = [mornings.get(start + timedelta(days=k)) for k in range(i - 6, i + 1)]
    known = [v for v in window if v is not None]
    assert data.morning[i] == mornings.get(start + timedelta(days=i))
    assert data.morning_avg[i] == pytest.approx(sum(known) / len(known))
    # worst during pain of the day
    day = next(d for d, v in zip(data.days, data.during, strict=True) if v is not None)
    rows = m.ActivitySession.select().where(m.ActivitySession.day == day)
    assert data.during[data.index(day)] == max(r.pain_during for r in rows
                                               if r.pain_during is not None)


def test_demo_lights_events_red_flags(demo_db):
    start, end = demo_db
    data = progress.progress_data(start, end)
    journal = js.load_journal(start - timedelta(days=30), end)
    for i in (3, 20, 38, 60):
        assert data.lights[i] == light.day_light(journal, data.days[i]).colour
    kinds = {e.kind for e in data.events}
    assert {"flare", "deload_start", "new_shoes", "appointment"} <= kinds
    assert data.red_flag_days == [start + timedelta(days=38)]
    assert data.lights[38] == "red"
    assert progress.programme_start() == start


def test_rolling_mean_needs_two_values():
    assert progress.rolling_mean([None, 2, None, 4, 6, None, None, None, None, None, 3]) == [
        None, None, None, 3.0, 4.0, 4.0, 4.0, 4.0, 5.0, 5.0, 4.5]


def test_history_before_start_gives_ratio_from_first_day(db):
    first = date(2024, 1, 1)
    for i in range(60):
        d = first + timedelta(days=i)
        js.add_session(d, {"kind": "run", "minutes": 30, "rpe": 10 if i < 53 else 5})
    start = first + timedelta(days=50)
    data = progress.progress_data(start, first + timedelta(days=59))
    assert data.acwr[0] is not None
    loads = [300.0] * 53 + [150.0] * 7
    assert data.acwr == pytest.approx(load.acwr_ewma(loads)[50:])
    # test vector of domain.md section 3 through the service: 28 x 300 then 7 x 500 -> 1.25
    assert load.acwr_ewma([300] * 28 + [500] * 7)[-1] == pytest.approx(1.25, abs=0.005)
    # the first shown week's change compares with the calendar week before
    assert data.weeks[0] == load.week_start_of(start)
    # week of 19 Feb: 4 x 300 + 3 x 150 against 7 x 300
    assert data.week_change[0] == pytest.approx((1650 - 2100) / 2100 * 100)


def test_site_picker_gives_that_sites_pain(db):
    knee = js.add_site("knee", "left", primary=True)
    hip = js.add_site("hip", "right")
    d = date(2024, 5, 6)
    sid = js.add_session(d, {"kind": "run", "minutes": 30, "rpe": 4, "pain_during": 3,
                             "site": knee})
    js.set_session_site_pain(sid, hip, {"pain_during": 7})
    assert progress.progress_data(d, d, knee).during == [3.0]
    hip_data = progress.progress_data(d, d, hip)
    assert hip_data.during == [7.0]
    assert hip_data.site_label.startswith("right hip")
    assert hip_data.loads == [120.0]


def test_patterns_service_ranks_and_words(demo_db):
    start, end = demo_db
    found = progress.patterns(start, end)
    assert found, "the demo story has a long-run / load-jump pattern"
    assert [p.difference for p in found] == sorted((p.difference for p in found), reverse=True)
    assert all(p.exposed_days >= 5 and p.other_days >= 5 for p in found)
    assert found[0].direction == "higher"
    assert "went together" in found[0].headline


def test_bad_period(db):
    with pytest.raises(ValueError):
        progress.progress_data(date(2024, 2, 1), date(2024, 1, 1))


def test_programme_start_is_the_active_programmes_else_the_latest(db):
    from rehabjournal.services import programme as ps

    assert progress.programme_start() is None
    ps.create_programme("No date")
    assert progress.programme_start() is None
    ps.create_programme("Old", date(2024, 1, 1))
    ps.create_programme("Latest", date(2025, 6, 2))
    assert progress.programme_start() == date(2025, 6, 2)
    ps.create_programme("Running one", date(2024, 9, 9), active=True)
    assert progress.programme_start() == date(2024, 9, 9)
