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


def test_a_session_moved_within_the_week_counts_on_the_tab(open_window, qtbot):
    """Hand-counted: leg press and glute bridge Mon, Wed, Fri from Mon 2 Mar 2026.
    Week 1: Mon, Wed done; Friday's done on Saturday -> 3 of 3 exercise days.
    Week 2: Mon done; Wed leg press only (1 of 2: half, done); Fri nothing, done on the
    next Monday (a new week: does not count) -> 2 of 3. Period 2-15 Mar: 5 of 6 (83 %).
    Per exercise: leg press 5 of 6 days (1 moved), bridge 4 of 6 (1 moved)."""
    from rehabjournal.services import journal as js
    from rehabjournal.services import programme as ps
    from rehabjournal.services import summary as sm
    from rehabjournal.services.report import build_report_data
    from rehabjournal.store import models as m

    ctx, window = open_window()
    mon = date(2026, 3, 2)

    def day(k: int) -> date:
        return mon + timedelta(days=k)

    ids = {slug: m.Exercise.get(m.Exercise.slug == slug).id
           for slug in ("hsr-leg-press", "glute-bridge")}
    pid = ps.create_programme("Hand count", mon, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 4}).result
    press, bridge = (ps.add_prescription(phase, {
        "exercise": ids[slug], "sets": 3, "reps": 10, "weekdays": "Mon, Wed, Fri"}).result
        for slug in ("hsr-leg-press", "glute-bridge"))
    for k in range(14):
        js.save_checkin(day(k), {"morning_pain": 1})
    for k, which in ((0, (press, bridge)), (2, (press, bridge)), (5, (press, bridge)),
                     (7, (press, bridge)), (9, (press,)), (14, (press, bridge))):
        for pres in which:
            ps.log_exercise(day(k), pres, {"status": "done"})

    page = window.show_page("progress")
    page.set_period(mon, day(13))
    page.refresh()
    page.tabs.setCurrentWidget(page.tab("programme"))
    qtbot.wait(30)
    QApplication.processEvents()
    tab = page.tab("programme")
    weeks = tab.adherence.chart.weeks
    assert [(w.week_start, w.prescribed, w.done, w.moved) for w in weeks] == [
        (mon, 3, 3, 2), (day(7), 3, 2, 0)]
    assert [t.get_text() for t in tab.adherence.chart.labels.visible()] == ["3/3", "2/3"]
    total = "5 of 6 exercise days done (83 %) over the period (2-15 Mar)"
    assert f"Programme adherence:</b> {total}." in tab.adherence_total.text()
    rows = [(r.name, r.prescribed, r.done, r.partial, r.moved)
            for r in tab.exercises_model.rows]
    names = [ps.get_prescription(p)["exercise_name"] for p in (press, bridge)]
    assert rows == [(names[0], 6, 5, 0, 1), (names[1], 6, 4, 0, 1)]
    model = tab.exercises_model
    assert [model.index(1, c).data() for c in range(5)] == [names[1], "4 of 6", "67 %", "0",
                                                            "1"]
    # the summary command and the PDF say the same
    s = sm.period_summary(mon, day(13))
    assert sm.fmt_adherence(s) == total
    assert f"programme adherence: {total}." in sm.summary_text(s)
    assert [sm.fmt_week_adherence(w) for w in s.weeks] == ["3 of 3", "2 of 3"]
    assert build_report_data(mon, day(13), made=day(16)).adherence_weeks == weeks
