"""progress_data: the Progress page's numbers checked against the domain calculations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.domain import light, load
from rehabjournal.services import demo, progress
from rehabjournal.services import journal as js
from rehabjournal.services import summary as summary_service
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
    assert data.first_entry == start and not data.starts_late and data.note == ""
    journal = js.load_journal(start, end)
    sessions = [s for r in journal.days.values() for s in r.sessions]
    daily = load.daily_loads(sessions, start, end)
    assert data.loads == [v for _d, v in daily]
    assert data.has_load and data.has_pain
    # the demo journal starts at ``start``: the ratio counts days from it, first on day 29
    unrated = [n for _d, n in load.daily_unrated(sessions, start, end)]
    assert data.acwr == load.acwr_from_first_entry(daily, start, unrated=unrated)
    assert all(r is None for r in data.acwr[:28]) and data.acwr[28] is not None
    assert data.ratio_from == start + timedelta(days=28)
    # weeks: calendar weeks (start is a Monday) from the one period summary
    summary = summary_service.period_summary(start, end)
    assert data.weeks == [w.week_start for w in summary.weeks]
    assert data.week_totals == [w.load for w in summary.weeks]
    assert data.week_change == [w.change_pct for w in summary.weeks]
    assert data.week_monotony == [w.monotony for w in summary.weeks]
    assert data.week_strain == [w.strain for w in summary.weeks]
    assert data.lights == [d.light for d in summary.days]
    # ... checked by hand against the domain: full weeks, the last one cut by ``end``
    totals = load.weekly_totals(daily)
    assert list(zip(data.weeks, data.week_totals, strict=True)) == totals
    changes = load.week_on_week_change(totals)
    assert data.week_change[1:-1] == changes[1:-1]
    assert data.week_change[0] is None  # nothing the week before the journal began
    assert data.week_partial == [False] * (len(totals) - 1) + [True]
    assert data.week_change[-1] is None and data.week_monotony[-1] is None  # partial
    week2 = [v for _d, v in daily[7:14]]
    assert data.week_monotony[1] == pytest.approx(load.monotony(week2, sd="population"))
    assert data.week_strain[1] == pytest.approx(sum(week2) * data.week_monotony[1])


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


def _sessions(first: date, loads: list[tuple[int, int]]) -> None:
    """One session a day from ``first``: (minutes, rpe) each; (0, 0) is a rest day."""
    for i, (minutes, rpe) in enumerate(loads):
        if minutes:
            js.add_session(first + timedelta(days=i), {"kind": "run", "minutes": minutes,
                                                       "rpe": rpe})


def test_history_before_start_gives_ratio_from_first_day(db):
    first = date(2024, 1, 1)
    _sessions(first, [(30, 10 if i < 53 else 5) for i in range(60)])
    start = first + timedelta(days=50)
    data = progress.progress_data(start, first + timedelta(days=59))
    assert data.acwr[0] is not None and data.start == start
    loads = [300.0] * 53 + [150.0] * 7
    days = [(first + timedelta(days=i), v) for i, v in enumerate(loads)]
    assert data.acwr == pytest.approx(load.acwr_from_first_entry(days, first)[50:])
    # the same day has the same ratio whatever the period shown
    longer = progress.progress_data(first + timedelta(days=40), first + timedelta(days=59))
    assert longer.acwr[10:] == pytest.approx(data.acwr)
    # test vector of domain.md section 3: 28 x 300 then 7 x 500 -> 1.25
    assert load.acwr_ewma([300] * 28 + [500] * 7)[-1] == pytest.approx(1.25, abs=0.005)
    # the first shown week is completed from the data before the period: its change
    # compares it with the calendar week before
    assert data.weeks[0] == load.week_start_of(start)
    assert data.week_status[0] == "completed"
    # week of 19 Feb: 4 x 300 + 3 x 150 against 7 x 300
    assert data.week_change[0] == pytest.approx((1650 - 2100) / 2100 * 100)


def test_a_one_week_old_journal_has_no_ratio_and_starts_at_its_first_entry(db):
    today = date(2026, 3, 18)
    first = today - timedelta(days=6)
    _sessions(first, [(20, 4), (0, 0), (30, 4), (0, 0), (40, 4), (0, 0), (50, 4)])
    js.save_checkin(first, {"morning_pain": 3})
    start = today - timedelta(days=83)  # "Last 12 weeks"
    data = progress.progress_data(start, today)
    assert data.acwr == [None] * 7  # no load spike indicator at all (not 3.6 falling)
    assert data.start == first and data.days[0] == first and len(data.days) == 7
    assert data.asked_start == start and data.starts_late
    assert "starts on Thu 12 Mar 2026" in data.note and "Thu 25 Dec 2025" in data.note
    assert data.loads == [80.0, 0.0, 120.0, 0.0, 160.0, 0.0, 200.0]
    # only the weeks that hold a plotted day: Mon 9 Mar (from Thu) and Mon 16 Mar
    assert data.weeks == [date(2026, 3, 9), date(2026, 3, 16)]
    assert data.week_totals == [200.0, 360.0]
    assert data.week_change == [None, None] and data.week_partial == [True, True]
    assert data.ratio_from == first + timedelta(days=28)


def test_a_journal_starting_mid_period_has_its_first_ratio_on_day_29(db):
    first = date(2025, 5, 7)  # a Wednesday inside the period
    start, end = first - timedelta(days=20), first + timedelta(days=40)
    loads = [(30 + (i % 5) * 10, 3 + i % 4) for i in range(41)]
    _sessions(first, loads)
    data = progress.progress_data(start, end)
    assert data.start == first and data.asked_start == start
    values = [float(m * r) for m, r in loads]
    assert data.loads == values
    assert data.acwr[:28] == [None] * 28  # days 1-28 of the journal's data
    assert data.acwr[28] is not None  # day 29
    days = [(first + timedelta(days=i), v) for i, v in enumerate(values)]
    assert data.acwr == pytest.approx(load.acwr_from_first_entry(days, first))
    # the same from the EWMA seeded with the first entry's load
    acute, chronic = load.ewma(values, 7), load.ewma(values, 28)
    assert data.acwr[40] == pytest.approx(acute[40] / chronic[40])


def test_monotony_and_strain_of_domain_md_test_vector(db):
    monday = date(2026, 3, 2)
    # daily loads 0, 300, 0, 420, 0, 600, 240 (domain.md section 3) in a full calendar week
    _sessions(monday, [(0, 0), (30, 10), (0, 0), (60, 7), (0, 0), (60, 10), (60, 4)])
    js.save_checkin(monday, {"morning_pain": 2})
    data = progress.progress_data(monday, monday + timedelta(days=6))
    assert data.week_totals == [1560.0] and data.week_status == ["complete"]
    assert data.week_monotony[0] == pytest.approx(1.017, abs=0.0005)  # population SD
    assert data.week_strain[0] == pytest.approx(1586, abs=0.5)


def test_escalations_are_the_summarys(demo_db):
    start, end = demo_db
    data = progress.progress_data(start, end)
    summary = summary_service.period_summary(start, end)
    assert data.escalations == [e.text for e in summary.escalations]


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


def test_the_strip_gets_statuses_and_red_flag_tiers_of_the_summary(demo_db):
    start, end = demo_db
    data = progress.progress_data(start, end)
    summary = summary_service.period_summary(start, end)
    assert data.light_statuses == [d.status for d in summary.days]
    assert data.red_flag_tiers == [d.red_flag_tier for d in summary.days]
    assert data.light_reasons == [d.light_reason for d in summary.days]
    flagged = [d for d, tier in zip(data.days, data.red_flag_tiers, strict=True) if tier]
    assert flagged == data.red_flag_days == [start + timedelta(days=38)]
