"""Progress for a new user (issue 18 item 5): the default period is the last 12 weeks or
the data's span if shorter, so one week of data fills each chart; the Programme chart opens
on the most recently logged exercise and says "Nothing logged yet" instead of drawing an
empty axis (matplotlib's default limits are hours of 1 Jan 1970)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication

TODAY = date(2026, 3, 18)
FIRST = TODAY - timedelta(days=6)  # Thu 12 Mar


def _settle(qtbot):
    from rehabjournal.ui.chart_canvas import ChartCanvas
    from rehabjournal.ui.pages.progress import ProgressPage

    def busy():
        for w in QApplication.allWidgets():
            if isinstance(w, ProgressPage) and w._refresh_timer.isActive():
                return True
            if isinstance(w, ChartCanvas) and w.isVisible() and (
                    w._timer.isActive() or getattr(w, "_draw_pending", False)):
                return True
        return False

    qtbot.wait(30)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not busy(), timeout=10000)
    QApplication.processEvents()


def _journal(tmp_path, fill=None, days: int = 7):
    """A journal whose check-ins run from ``days`` - 1 days before TODAY up to TODAY."""
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal
    from rehabjournal.store.library import sync_shipped_exercises

    data = tmp_path / "journal"
    open_journal(data)
    sync_shipped_exercises()
    js.save_profile({"name": "New", "condition": "patellofemoral_pain", "joint": "knee",
                     "side": "left"})
    js.add_site("knee", "left", primary=True)
    first = TODAY - timedelta(days=days - 1)
    for i in range(days):
        js.save_checkin(first + timedelta(days=i), {"morning_pain": 3 + i % 3})
        if i % 2 == 0:
            js.add_session(first + timedelta(days=i),
                           {"kind": "run", "minutes": 20 + i, "rpe": 4})
    if fill is not None:
        fill()
    close_journal()
    return data


def _progress(open_window, qtbot, data, tab: str | None = None):
    _ctx, window = open_window(profile=False, data_dir=data)
    window.resize(1200, 850)
    page = window.show_page("progress")
    if tab is not None:
        page.tabs.setCurrentIndex(list(page.tab_pages).index(tab))
    _settle(qtbot)
    return window, page


def _x_days(ax) -> tuple[date, date]:
    """The first and last whole day an axis shows."""
    from matplotlib.dates import num2date

    lo, hi = ax.get_xlim()
    return num2date(lo + 0.5).date(), num2date(hi - 0.5).date()


def _log_a_week():
    """The first template from FIRST: calf stretch (first by name) skipped every day,
    quad set done on the first five days, clamshell done on its days (13, 16, 18 Mar)."""
    from rehabjournal.services import exercise_logs as el
    from rehabjournal.services import programme as ps

    ps.create_from_template(ps.list_templates()[0]["key"], FIRST)
    for i in range(7):
        day = FIRST + timedelta(days=i)
        for p in ps.due_on(day):
            name = p["exercise_name"]
            if name == "Calf stretch":
                el.edit_log(day, p["id"], {"status": "skipped"})
            elif name.startswith("Clamshell") or (name.startswith("Quad set") and i < 5):
                el.edit_log(day, p["id"], {"status": "done"})


def test_a_new_users_week_fills_every_chart(open_window, qtbot, tmp_path):
    _window, page = _progress(open_window, qtbot, _journal(tmp_path, _log_a_week))
    assert page.period.currentText() == "Whole journal"
    assert page.date_from.date().toPython() == FIRST
    assert page.date_to.date().toPython() == TODAY
    assert not page.period_note.isVisible()  # nothing left out to explain
    # each day chart spans the data's week exactly, not its right 8 % of 12 weeks
    axes = {"strip": page.strip.chart.ax, "pain": page.canvases["pain"].chart.ax}
    for key in ("load", "programme"):
        page.tabs.setCurrentIndex(list(page.tab_pages).index(key))
        _settle(qtbot)
    axes["load"] = page.canvases["load"].chart.ax_day
    axes["progression"] = page.canvases["progression"].chart.ax
    for name, ax in axes.items():
        assert _x_days(ax) == (FIRST, TODAY), name
    # the adherence bars are calendar weeks: the two that hold the week, nothing more
    ax = page.canvases["programme"].chart.ax
    assert _x_days(ax)[0] == date(2026, 3, 9) and _x_days(ax)[1] <= date(2026, 3, 23)


def test_the_default_follows_the_journal_until_the_person_picks(open_window, qtbot,
                                                                tmp_path):
    from rehabjournal.services import journal as js

    ctx, window = open_window(profile=True)  # an empty journal: the last 12 weeks
    page = window.show_page("progress")
    _settle(qtbot)
    assert page.period.currentText() == "Last 12 weeks"
    assert page.date_from.date().toPython() == TODAY - timedelta(days=83)
    window.show_page("today")
    js.save_checkin(TODAY - timedelta(days=2), {"morning_pain": 2})
    ctx.journal_changed.emit(TODAY - timedelta(days=2))
    window.show_page("progress")
    _settle(qtbot)
    assert (page.period.currentText(), page.date_from.date().toPython()) == (
        "Whole journal", TODAY - timedelta(days=2))
    assert _x_days(page.canvases["pain"].chart.ax) == (TODAY - timedelta(days=2), TODAY)
    # an older entry makes the journal longer than 12 weeks: the last 12 weeks again
    old = TODAY - timedelta(days=120)
    js.save_checkin(old, {"morning_pain": 4})
    ctx.journal_changed.emit(old)
    _settle(qtbot)
    assert page.period.currentText() == "Last 12 weeks"
    assert page.date_from.date().toPython() == TODAY - timedelta(days=83)
    # once the person picks a period, it stays
    page.period.setCurrentIndex(page.period.findData("4w"))
    _settle(qtbot)
    js.delete_day(old)  # the journal is young again: the default would be its span
    ctx.journal_changed.emit(old)
    _settle(qtbot)
    assert page.period.currentText() == "Last 4 weeks"
    assert page.date_from.date().toPython() == TODAY - timedelta(days=27)


def test_a_journal_older_than_12_weeks_opens_on_the_last_12(open_window, qtbot, tmp_path):
    _window, page = _progress(open_window, qtbot, _journal(tmp_path, days=100))
    assert page.period.currentText() == "Last 12 weeks"
    assert _x_days(page.canvases["pain"].chart.ax) == (TODAY - timedelta(days=83), TODAY)


def test_the_programme_chart_shows_the_most_recently_logged_exercise(open_window, qtbot,
                                                                     tmp_path):
    from matplotlib.dates import date2num

    _window, page = _progress(open_window, qtbot, _journal(tmp_path, _log_a_week),
                              "programme")
    tab = page.tab("programme")
    names = [tab.exercise.itemText(i) for i in range(tab.exercise.count())]
    # calf stretch, first by name, was only ever skipped: nothing to draw, not listed
    assert names == ["Clamshell with band", "Quad set (static quadriceps)"]
    assert tab.exercise.currentText() == "Clamshell with band"  # logged today
    chart = page.canvases["progression"].chart
    assert chart.ax.get_title(loc="left") == "Progression: Clamshell with band"
    assert list(chart.line.get_xdata()) == pytest.approx(
        [date2num(date(2026, 3, d)) for d in (13, 16, 18)])
    assert not chart.empty.get_visible() and chart.ax.axison
    # the person's pick stays across a refresh
    tab.exercise.setCurrentIndex(1)
    tab.exercise.activated.emit(1)
    page.refresh()
    _settle(qtbot)
    assert tab.exercise.currentText() == "Quad set (static quadriceps)"
    assert len(chart.line.get_xdata()) == 5


def test_a_programme_with_nothing_logged_says_so_without_an_axis(open_window, qtbot,
                                                                  tmp_path):
    from rehabjournal.services import programme as ps

    def fill():
        ps.create_from_template(ps.list_templates()[0]["key"], FIRST)

    _window, page = _progress(open_window, qtbot, _journal(tmp_path, fill), "programme")
    tab = page.tab("programme")
    assert tab.exercise.currentText() == "Nothing logged yet"
    assert not tab.exercise.isEnabled()
    chart = page.canvases["progression"].chart
    assert chart.empty.get_visible()
    assert chart.empty.get_text() == ("Nothing logged yet: mark an exercise done on Today "
                                      "and its progression shows here")
    assert not chart.ax.axison  # no empty axis, no 1 Jan 1970 hours
    page.canvases["progression"].draw()
    assert not [t.get_text() for t in chart.ax.get_xticklabels() if "Jan" in t.get_text()]
    # the weeks are due and none done: the adherence chart has its bars and axis
    adherence = page.canvases["programme"].chart
    assert adherence.ax.axison and not adherence.empty.get_visible()
    assert adherence.percents() == [0.0, 0.0]


def test_no_programme_no_axis_in_either_chart(open_window, qtbot, tmp_path):
    _window, page = _progress(open_window, qtbot, _journal(tmp_path), "programme")
    assert page.tab("programme").exercise.currentText() == "No programme data yet"
    for name in ("programme", "progression"):
        chart = page.canvases[name].chart
        assert chart.empty.get_visible() and chart.empty.get_text() == "No programme data yet"
        assert not chart.ax.axison, name


def test_template_names_do_not_repeat_their_weeks(open_window, qtbot):
    """The menu gives each template's length once; the dialog names it as shipped."""
    import re

    from rehabjournal.services import programme as ps
    from rehabjournal.ui.pages.programme.template_dialog import TemplateDialog

    _ctx, window = open_window()
    page = window.show_page("programme")
    titles = {a.data(): a.text() for a in page.programmes.template_menu.actions()}
    for t in ps.list_templates():
        title = titles[t["key"]]
        assert len(re.findall(r"\d+ weeks?\b", title)) == 1, title
        dialog = TemplateDialog(t, TODAY, None, window)
        qtbot.addWidget(dialog)
        assert dialog.name_edit.text() == t["name"]
        assert dialog.name() is None  # the template's own name
    assert sorted(titles.values()) == ["Calm, then build (4 weeks)",
                                       "Knee overuse: 12 weeks back to running"]
