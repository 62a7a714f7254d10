"""The load chart's heart-rate view (issue 20): Banister TRIMP drawn beside session-RPE load,
labelled as another estimate; the message when the heart rates are not set; the sentence
on sessions from files not rated yet."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal.charts.load import HEART_NOT_SET, HeartRateLoad, LoadChart, load_figure
from rehabjournal.domain.activities import banister_trimp
from rehabjournal.domain.entities import DayRecord, Journal, Session
from rehabjournal.services.progress import build_progress

D0 = date(2026, 3, 2)  # a Monday
REST, TOP = 50, 190


def progress(days: int = 7, rpe_days=(0, 2)):
    j = Journal()
    for i in rpe_days:
        d = D0 + timedelta(days=i)
        j.days[d] = DayRecord(d, sessions=(Session(d, "run", 40, rpe=5),))
    return build_progress(j, D0, D0 + timedelta(days=days - 1), D0)


def texts(chart) -> list[str]:
    return [t.get_text() for t in chart.figure.findobj(lambda a: hasattr(a, "get_text"))
            if t.get_visible() and t.get_text()]


def test_trimp_bars_are_banisters_formula_checked_by_hand():
    # Hand check (Banister 1991, men's weighting 0.64 e^(1.92 x)), rest 50, max 190:
    # 60 min at 150 bpm: x = 100/140 = 0.7143; 60 x 0.7143 x 0.64 x e^1.3714 = 108.1 AU
    # 42 min at 148 bpm: x = 98/140 = 0.7;     42 x 0.7 x 0.64 x e^1.344 = 72.1 AU
    first = banister_trimp(60, 150, REST, TOP)
    second = banister_trimp(42, 148, REST, TOP)
    assert first == pytest.approx(108.1, abs=0.05)
    assert second == pytest.approx(72.1, abs=0.05)
    # the same by the women's weighting 0.86 e^(1.67 x): 121.5 AU
    assert banister_trimp(60, 150, REST, TOP, "female") == pytest.approx(121.5, abs=0.05)

    data = progress()
    trimp = [first, None, None, second, None, None, None]
    chart = LoadChart(heart=True)
    chart.update(data, HeartRateLoad(trimp=trimp, hr_set=True))
    assert chart.heart_heights() == pytest.approx([108.1, 0, 0, 72.1, 0, 0, 0], abs=0.05)
    # session RPE is unchanged beside it: 40 min x RPE 5 on days 1 and 3
    assert chart.daily_heights() == pytest.approx([200, 0, 200, 0, 0, 0, 0])
    title = chart.ax_heart.get_title(loc="left")
    assert "Banister TRIMP" in title and "another estimate" in title
    assert "session RPE stays the primary load" in title
    assert not chart.heart_empty.get_visible()
    hover = chart.describe(chart.xs[0], 50, chart.ax_heart)
    assert "Heart-rate load 108 AU (Banister TRIMP, another estimate)" in hover
    assert chart.describe(chart.xs[1], 5, chart.ax_heart).endswith(
        "No heart-rate load (no session with heart rate)")


def test_heart_rates_not_set_says_where_to_set_them():
    chart = LoadChart(heart=True)
    chart.update(progress(), HeartRateLoad(trimp=[None] * 7, hr_set=False))
    assert chart.heart_empty.get_visible()
    assert chart.heart_empty.get_text() == (
        "Set resting and maximum heart rate in Preferences to see heart-rate load")
    assert chart.heart_empty.get_text() == HEART_NOT_SET
    assert chart.heart_heights() == [0.0] * 7
    # values given with the heart rates unset are not drawn
    chart.update(progress(), HeartRateLoad(trimp=[80.0] * 7, hr_set=False))
    assert chart.heart_heights() == [0.0] * 7
    # set, but no session with heart rate in the period
    chart.update(progress(), HeartRateLoad(trimp=[None] * 7, hr_set=True))
    assert chart.heart_empty.get_text() == "No session with heart rate in this period"


def test_unrated_sessions_sentence():
    chart = LoadChart(heart=True)
    chart.update(progress(), HeartRateLoad(hr_set=True, unrated=2))
    assert ("2 sessions not rated yet: their minutes count, their load is not known."
            in texts(chart))
    chart.update(progress(), HeartRateLoad(hr_set=True, unrated=1))
    assert "1 session not rated yet: its minutes count, its load is not known." in texts(chart)
    chart.update(progress(), HeartRateLoad(hr_set=True, unrated=0))
    assert not chart.unrated_note.get_visible()


def test_pdf_chart_keeps_its_three_panels_and_reads_the_data():
    data = progress()
    fig = load_figure(data)
    assert len(fig.axes) == 3  # the PDF says the heart-rate load in a line of text
    chart = LoadChart()
    chart.update(data, HeartRateLoad(unrated=3))
    assert chart.ax_heart is None
    assert "3 sessions not rated yet: their minutes count, their load is not known." in texts(chart)


def test_from_the_journal_through_progress_data(journal):
    """Sessions from files with heart rate, the profile's heart rates, then the Progress
    data (``services.progress``) drawn: the same hand-checked TRIMP, and the unrated one
    counted."""
    from datetime import time

    from rehabjournal.services import settings
    from rehabjournal.services.progress import progress_data
    from rehabjournal.store import journal_repo
    from rehabjournal.store import models as m

    def imported(day, minutes, avg_hr, rpe):
        f = m.ActivityFile.create(sha256=f"{day}", name="run.fit", format="fit")
        journal_repo.append_session(day, {
            "kind": "run", "minutes": minutes, "rpe": rpe, "source": "file",
            "activity_file": f.id, "start_time": time(7, 0), "moving_s": minutes * 60,
            "avg_hr": avg_hr})

    imported(D0, 60, 150, 4)
    imported(D0 + timedelta(days=3), 42, 148, None)  # not rated yet: TRIMP all the same
    end = D0 + timedelta(days=6)

    chart = LoadChart(heart=True)
    chart.update(progress_data(D0, end))
    assert chart.heart_empty.get_text() == HEART_NOT_SET and chart.heart_empty.get_visible()
    assert "1 session not rated yet: its minutes count, its load is not known." in texts(chart)

    settings.set_many({settings.HR_REST_KEY: REST, settings.HR_MAX_KEY: TOP})
    chart.update(progress_data(D0, end))
    assert chart.heart_heights() == pytest.approx([108.1, 0, 0, 72.1, 0, 0, 0], abs=0.05)
    assert chart.daily_heights() == pytest.approx([240, 0, 0, 0, 0, 0, 0])  # 60 x RPE 4
    assert not chart.heart_empty.get_visible()
