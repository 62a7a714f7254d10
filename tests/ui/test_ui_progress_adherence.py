"""The Progress page's Programme tab on the demo journal: the weekly adherence chart, the
period's total and the per-exercise list show the figures the summary, the ``summary``
command and the PDF show (exercise days, ``domain.adherence``), and a session moved to
another day of the week counts there as everywhere."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rehabjournal.domain import adherence as da

TODAY = date(2026, 3, 18)
END = TODAY - timedelta(days=1)


@pytest.fixture
def demo_tab(open_window, tmp_path, qtbot):
    from rehabjournal.services import demo
    from rehabjournal.store.db import close_journal, open_journal
    from rehabjournal.store.library import sync_shipped_exercises

    data = tmp_path / "demo"
    open_journal(data)
    sync_shipped_exercises()
    demo.generate_demo(end=END, seed=7)
    close_journal()
    ctx, window = open_window(profile=False, data_dir=data)
    window.resize(1200, 850)
    page = window.show_page("progress")
    start, end = demo.demo_period(END)
    page.set_period(start, end)
    page.refresh()
    page.tabs.setCurrentWidget(page.tab("programme"))
    qtbot.wait(30)
    QApplication.processEvents()
    return ctx, page, page.tab("programme"), start, end


def test_the_tab_the_summary_and_the_pdf_show_one_set_of_figures(demo_tab):
    from rehabjournal.services import programme as ps
    from rehabjournal.services import summary as sm
    from rehabjournal.services.report import build_report_data

    _ctx, page, tab, start, end = demo_tab
    s = page.data.summary
    weeks = tab.adherence.chart.weeks
    assert weeks and weeks == sm.adherence_weeks(s)
    # the period starts on the journal's first day, a Monday: the rows are its own weeks
    assert weeks == ps.weekly_adherence(start, end)
    assert [w.percent or 0.0 for w in weeks] == pytest.approx(tab.adherence.chart.percents())
    done, due = da.total(weeks)
    assert (done, due) == (s.adherence_done, s.adherence_due) and 0 < done < due
    assert [(w.prescribed, w.done) for w in weeks] == [(w.prescribed, w.done) for w in s.weeks]
    total = sm.fmt_adherence(s)
    assert total.startswith(da.adherence_text(done, due))
    assert total in tab.adherence_total.text() and "at least half" in tab.adherence_total.text()
    assert f"programme adherence: {total}." in sm.summary_text(s)
    json_totals = sm.summary_json(s)["totals"]
    assert (json_totals["exercise_days_done"], json_totals["exercise_days_due"]) == (done, due)

    report = build_report_data(start, end, made=TODAY)
    assert report.adherence_weeks == weeks  # the PDF's chart
    assert [sm.fmt_week_adherence(w) for w in report.summary.weeks] == [
        f"{w.done} of {w.prescribed}" for w in weeks]  # the PDF's table
    assert sm.fmt_adherence(report.summary) == total  # the PDF's page one

    # per exercise: the same rule over the same days
    rows = tab.exercises_model.rows
    assert rows == ps.exercise_adherence(start, end)
    assert len(rows) > 5 and all(0 <= r.done <= r.prescribed for r in rows)
    assert any(r.partial for r in rows)
    first = tab.exercises_model
    assert first.index(0, 0).data() == rows[0].name
    assert first.index(0, 1).data() == f"{rows[0].done} of {rows[0].prescribed}"
    assert first.index(0, 2).data() == da.percent_text(rows[0].done, rows[0].prescribed)
    assert first.headerData(1, Qt.Orientation.Horizontal) == "Days done"


def test_choosing_an_exercise_in_the_list_shows_its_progression(demo_tab):
    _ctx, _page, tab, _start, _end = demo_tab
    model = tab.exercises_model
    row = next(k for k, r in enumerate(model.rows)
               if tab.exercise.findData(r.key) >= 0 and tab.exercise.currentData() != r.key)
    tab.exercises_view.setCurrentIndex(model.index(row, 0))
    assert tab.exercise.currentData() == model.rows[row].key
    assert tab.progression.chart.name == model.rows[row].name


def test_a_session_moved_within_the_week_counts_on_the_tab(demo_tab, qtbot):
    from rehabjournal.services import programme as ps

    ctx, page, tab, start, end = demo_tab
    # the last full week with an exercise day missed whole (no log at all): do that day's
    # exercises the next day, when they are not due (the nearest open day, the earlier on a
    # tie, is the missed one)
    weeks = tab.adherence.chart.weeks

    def missed(d: date) -> bool:
        items = ps.due_on(d)
        return bool(items) and all(i["log"] is None for i in items)

    week, day = next((w, d) for w in reversed(weeks[:-1])
                     for d in (w.week_start + timedelta(days=k) for k in range(6))
                     if missed(d) and not {i["id"] for i in ps.due_on(d)}
                     & {i["id"] for i in ps.due_on(d + timedelta(days=1))})
    due_ids = [i["id"] for i in ps.due_on(day)]
    other = day + timedelta(days=1)
    assert not any(ps.get_log(other, i) for i in due_ids)
    for pid in due_ids:
        ps.log_exercise(other, pid, {"status": "done"})
    ctx.journal_changed.emit(other)
    qtbot.waitUntil(lambda: tab.adherence.chart.weeks != weeks, timeout=10000)
    after = {w.week_start: w for w in tab.adherence.chart.weeks}[week.week_start]
    assert (after.prescribed, after.done) == (week.prescribed, week.done + 1)
    assert after.moved == week.moved + len(due_ids)
    assert "on another day of the week count" in da.week_text(after)
    assert da.adherence_text(*da.total(tab.adherence.chart.weeks)) in \
        tab.adherence_total.text()
