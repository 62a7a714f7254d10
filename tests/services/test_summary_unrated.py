"""The review's scenario (issue 20, findings 2 and 9): a watch's daily 45-min runs imported
for 1 Oct - 30 Nov 2026, only the last 14 days (17-30 Nov) rated, effort 4 (180 AU a day).
Unrated history is unknown load, not zero: no false spike, no "+1080 AU", incomplete weeks
marked, the counts in the summary's text and JSON, the PDF says the same.

Hand check:
    * 61 sessions, 2745 min; 47 without an effort (1 Oct - 16 Nov), 14 rated: 2520 AU.
    * Weeks (Monday to Sunday): 28 Sep (1-4 Oct, partial) 0 AU + 4 not rated; 5 Oct ... 9 Nov
      0 + 7 not rated each; 16 Nov 6 x 180 = 1080 + 1 not rated (the 16th); 23 Nov 1260,
      complete, but no change (the week before is incomplete); 30 Nov 180 (partial).
    * First and last full week: 5-11 Oct (0 + 7 not rated) and 23-29 Nov (1260): change not
      known (before: "0, 1260, +1260 AU").
    * Load spike indicator: the last day without an effort is 16 Nov, so the indicator
      starts afresh on 17 Nov and has its first value on the 29th day, 15 Dec: none in the
      period (before: 3.63 on 17 Nov, above 1.3 on 14 days). With the runs rated through
      15 Dec, 15 Dec reads 1.0 (steady 180 AU since 17 Nov) and 14 Dec has none.
    * Heart-rate load (rest 50, max 190, men's weighting): x = 100 / 140, 45 x x x 0.64 x
      e^(1.92 x) = 81.07 AU a run, 567.5 -> 568 AU a week.
"""

from __future__ import annotations

import json
import re
from datetime import date, time, timedelta

import pypdf
import pytest

START, END = date(2026, 10, 1), date(2026, 11, 30)
FIRST_RATED = date(2026, 11, 17)
WEEK_UNRATED = [4, 7, 7, 7, 7, 7, 7, 1, 0, 0]
WEEK_LOADS = [0, 0, 0, 0, 0, 0, 0, 1080, 1260, 180]


def add_runs(first: date, last: date) -> None:
    """A 45-min run a day from a watch file; rated (effort 4) from ``FIRST_RATED`` on."""
    from rehabjournal.store import journal_repo
    from rehabjournal.store import models as m

    d = first
    while d <= last:
        f = m.ActivityFile.create(sha256=d.isoformat(), name=f"{d}.fit", format="fit")
        journal_repo.append_session(d, {
            "kind": "run", "minutes": 45, "rpe": 4 if d >= FIRST_RATED else None,
            "source": "file", "activity_file": f.id, "sport": "running",
            "start_time": time(7, 0), "moving_s": 2700, "elapsed_s": 2700, "avg_hr": 150})
        d += timedelta(days=1)


@pytest.fixture
def scenario(journal):
    from rehabjournal.services import journal as js
    from rehabjournal.services import settings

    js.save_profile({"name": "Test Person"})
    add_runs(START, END)
    settings.edit({"hr.rest": 50, "hr.max": 190})
    return journal


def pdf_text(tmp_path, start: date = START, end: date = END) -> str:
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    out = tmp_path / f"report-{end}.pdf"
    build_pdf(build_report_data(start, end, made=end + timedelta(days=1)), out)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def test_the_load_figures_of_the_scenario(scenario):
    from rehabjournal.services.summary import period_summary

    s = period_summary(START, END)
    assert (s.sessions, s.minutes, s.load, s.unrated) == (61, 2745, 2520.0, 47)
    assert [w.unrated for w in s.weeks] == WEEK_UNRATED
    assert [w.load for w in s.weeks] == WEEK_LOADS
    assert [w.change_pct for w in s.weeks] == [None] * 10
    assert [w.monotony for w in s.weeks] == [None] * 10  # before: 2.45 for 16 Nov
    assert [w.strain for w in s.weeks] == [None] * 10  # before: 2645 for 16 Nov
    c = s.comparison("load")
    assert (c.first, c.last, c.change) == (0.0, 1260.0, None)  # before: +1260
    assert (c.period_unrated, c.first_unrated, c.last_unrated) == (47, 7, 0)
    # no load spike indicator on any day, and each says why (before: 3.63 on 17 Nov)
    assert [d.acwr for d in s.days] == [None] * 61
    assert all(d.ratio_waits for d in s.days)
    assert [d.unrated for d in s.days] == [1] * 47 + [0] * 14


def test_the_indicator_comes_back_29_days_after_the_last_unrated_run(scenario):
    from rehabjournal.services.summary import period_summary

    add_runs(END + timedelta(days=1), date(2026, 12, 15))
    s = period_summary(date(2026, 12, 1), date(2026, 12, 15))
    assert [d.acwr for d in s.days][:-1] == [None] * 14
    assert s.days[-1].acwr == pytest.approx(1.0)
    assert [d.ratio_waits for d in s.days] == [True] * 14 + [False]


def test_summary_text_and_json_carry_the_unrated_counts(scenario):
    from rehabjournal.services.summary import period_summary, summary_json, summary_text

    s = period_summary(START, END)
    text = summary_text(s)
    assert re.search(r"Training load \(RPE x min\) +2520 AU \(47 not rated\) +"
                     r"0 \(7 not rated\) +1260 +not known", text)
    assert "+1260" not in text and "+1080" not in text
    assert re.search(r"5 Oct +7 +7 +315 +0 \(7 not rated\) +- +- +-", text)
    assert re.search(r"16 Nov +7 +7 +315 +1080 \(1 not rated\) +- +- +-", text)
    assert re.search(r"23 Nov +7 +7 +315 +1260 +- +- +-", text)
    assert ("47 sessions have no effort (not rated yet): their minutes count, their load is "
            "not known.") in text

    data = json.loads(json.dumps(summary_json(s)))
    assert data["totals"]["unrated_sessions"] == 47 and not data["totals"]["load_complete"]
    assert data["totals"]["load_au"] == 2520
    assert [w["unrated_sessions"] for w in data["weeks"]] == WEEK_UNRATED
    assert [w["load_complete"] for w in data["weeks"]] == [n == 0 for n in WEEK_UNRATED]
    assert [w["change_pct"] for w in data["weeks"]] == [None] * 10
    load = next(m for m in data["comparison"]["measures"] if m["key"] == "load")
    assert (load["first"], load["last"], load["change"]) == (0, 1260, None)
    assert (load["period_unrated"], load["first_unrated"], load["last_unrated"]) == (47, 7, 0)
    assert {d["load_spike_indicator"] for d in data["days"]} == {None}
    assert all(d["load_spike_indicator_waits_for_ratings"] for d in data["days"])
    assert sum(d["unrated_sessions"] for d in data["days"]) == 47


def test_the_summary_command_says_it_too(tmp_path, capsys):
    from rehabjournal.cli import main
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal

    folder = tmp_path / "data"
    open_journal(folder)
    try:
        js.save_profile({"name": "Test Person"})
        add_runs(START, END)
    finally:
        close_journal()
    period = ["--from", START.isoformat(), "--to", END.isoformat()]
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "summary", *period, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["unrated_sessions"] == 47
    assert [w["unrated_sessions"] for w in data["weeks"]] == WEEK_UNRATED
    assert main(["--data-dir", str(folder), "summary", *period]) == 0
    out = capsys.readouterr().out
    assert "1080 (1 not rated)" in out and "not known" in out
    assert "47 sessions have no effort (not rated yet)" in out


def test_the_pdf_has_no_false_rise(scenario, tmp_path):
    text = pdf_text(tmp_path)
    # page one: the comparison marks the incomplete loads and gives no change
    assert "Training load (RPE x min) 2520 AU* 0* 1260 not known" in text
    assert "* 47 sessions not rated: load of the rated ones only" in text
    assert "+1260 AU" not in text and "+1080" not in text
    assert ("Weekly load (AU, calendar weeks Monday to Sunday): 0* (partial) → 0* → 0* → 0* "
            "→ 0* → 0* → 0* → 1080* → 1260 → 180 (partial).") in text
    assert "Rose by more than 30 %" not in text
    # under the load chart: the count, and the heart-rate load beside a complete week
    assert ("47 sessions have no effort (not rated yet): their minutes count, their load is "
            "not known.") in text
    assert ("Heart-rate load (Banister TRIMP, another estimate): 568 AU in the week "
            "23-29 Nov, beside 1260 AU of session RPE, the primary load.") in text
    # the weekly table: the rated part with its count under it
    assert "5 Oct 7 7 315 0 7 not rated" in text
    assert "16 Nov 7 7 315 1080 1 not rated" in text
    assert "Grey load: the week holds sessions without an effort" in text
    # the day-by-day log: an unknown load is "?"
    assert "Thu 1 Oct - - - run 45 min ? - W" in text
    assert "Tue 17 Nov - - - run 45 min RPE 4 180 - W" in text
    assert 'Load "?": a session of the day has no effort yet' in text
    assert "beside 0 AU" not in text


def test_the_heart_rate_line_of_an_unrated_week(scenario, tmp_path):
    # the last whole week of 1 Oct - 15 Nov is 9-15 Nov: all 7 runs without an effort
    text = pdf_text(tmp_path, START, date(2026, 11, 15))
    assert "beside 0 AU" not in text
    assert ("Heart-rate load (Banister TRIMP, another estimate): 568 AU in the week 9-15 Nov; "
            "its session-RPE load, the primary load, is not known: 7 sessions not rated."
            ) in text
    # 16-22 Nov: 6 rated, the 16th not
    text = pdf_text(tmp_path, START, date(2026, 11, 22))
    assert ("568 AU in the week 16-22 Nov; its session-RPE load, the primary load, is not "
            "complete: 1 session not rated (1080 AU from the rated ones).") in text


def test_the_load_chart_hatches_the_incomplete_weeks(scenario):
    from rehabjournal.charts.load import NO_RATIO_UNRATED, LoadChart
    from rehabjournal.services.progress import progress_data

    chart = LoadChart(heart=True)
    data = progress_data(START, END)
    chart.update(data)
    assert chart.weekly_heights() == pytest.approx(WEEK_LOADS)
    # 9 weeks drawn grey over a hatched band: all but the last two
    assert len(chart.week_unknown.get_paths()) == 8
    labels = [t.get_text() for t in chart.change_labels.visible()]
    assert labels == ["4 not rated"] + ["7 not rated"] * 6 + ["1 not rated"]
    assert len(chart.day_unknown.get_paths()) == 47
    assert chart.no_ratio.get_visible() and chart.no_ratio.get_text() == NO_RATIO_UNRATED
    assert chart.unrated_note.get_text() == (
        "47 sessions not rated yet: their minutes count, their load is not known.")
    hover = chart.describe(chart.week_xs[7] + 2, 100, chart.ax_week)
    assert "1 session not rated: the load above is the rated sessions' only" in hover
    hover = chart.describe(chart.xs[60], 100, chart.ax_day)
    assert "Load spike indicator: none while the 28 days before hold a session not rated" in hover
