"""The Progress page: plotted data equals the domain calculations, one change = one draw,
palette changes recolour the charts, hover text, saving (the Patterns tab: test_ui_patterns)."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from rehabjournal.domain import light, load

TODAY = date(2026, 3, 18)
END = TODAY - timedelta(days=1)


@pytest.fixture
def demo_window(open_window, tmp_path):
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
    return ctx, window, page, start, end


def _busy() -> bool:
    """True while a refresh or a draw of a shown chart is still queued."""
    from rehabjournal.ui.chart_canvas import ChartCanvas
    from rehabjournal.ui.pages.progress import ProgressPage

    for w in QApplication.allWidgets():
        if isinstance(w, ProgressPage) and w._refresh_timer.isActive():
            return True
        if isinstance(w, ChartCanvas) and w.isVisible() and (
                w._timer.isActive() or getattr(w, "_draw_pending", False)):
            return True
    return False


def _settle(qtbot):
    """Let the queued refresh and draws run (however long a refresh takes)."""
    qtbot.wait(30)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not _busy(), timeout=10000)
    QApplication.processEvents()


def _count_draws(canvas) -> list[int]:
    calls = [0]
    original = canvas.draw

    def draw():
        calls[0] += 1
        original()

    canvas.draw = draw
    return calls


def _nan(values):
    return [math.nan if v is None else float(v) for v in values]


def _same(a, b) -> bool:
    return len(a) == len(b) and all(
        (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y) for x, y in zip(a, b,
                                                                                 strict=True))


def test_page_module_does_not_import_matplotlib():
    code = ("import sys; import rehabjournal.ui.pages.progress; "
            "print(any(m.split('.')[0] in ('matplotlib', 'numpy') for m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # the installed package
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_charts_built_on_first_activation_only(open_window):
    from rehabjournal.ui.pages.progress import create

    ctx, _window = open_window()
    page = create(ctx)
    assert not page.built and page.canvases == {}
    ctx.journal_changed.emit(None)
    assert page.dirty


def test_plotted_data_equals_domain(demo_window, qtbot):
    from matplotlib.dates import date2num

    from rehabjournal.services import journal as js
    from rehabjournal.services import programme

    _ctx, _window, page, start, end = demo_window
    journal = js.load_journal(start - timedelta(days=30), end)
    sessions = [s for r in journal.days.values() for s in r.sessions if r.day >= start]
    daily = load.daily_loads(sessions, start, end)
    loads = [v for _d, v in daily]

    # pain: the morning 7-day average, hand-checked
    pain = page.canvases["pain"].chart
    morning = [journal.get(start + timedelta(days=k)).morning_pain for k in range(len(loads))]
    i = 45
    known = [v for v in morning[i - 6:i + 1] if v is not None]
    assert pain.avg["morning"].get_ydata()[i] == pytest.approx(sum(known) / len(known))
    assert _same(list(pain.raw["morning"].get_ydata()), _nan(morning))
    events = [e for r in journal.days.values() if r.day >= start for e in r.events]
    xs = [seg[0][0] for seg in pain.events.get_segments()]
    assert xs == pytest.approx(list(date2num([e.day for e in events])))
    assert len(pain.flags.get_offsets()) == 1

    # training load (tab built when first shown)
    page.tabs.setCurrentIndex(1)
    _settle(qtbot)
    chart = page.canvases["load"].chart
    assert chart.daily_heights() == pytest.approx(loads)
    # the load spike indicator: first value on day 29 of the journal's data
    unrated = [n for _d, n in load.daily_unrated(sessions, start, end)]
    ratio = load.acwr_from_first_entry(daily, start, unrated=unrated)
    assert _same(list(chart.ratio_line.get_ydata()), _nan(ratio))
    assert ratio[27] is None and ratio[28] is not None
    totals = load.weekly_totals(daily)
    assert chart.weekly_heights() == pytest.approx([t for _w, t in totals])
    change = load.week_on_week_change(totals)[:-1] + [None]  # the last week is partial
    assert chart.highlighted_weeks() == [k for k, c in enumerate(change)
                                         if c is not None and c > 30]
    assert chart.highlighted_weeks(), "the demo's spike week is highlighted"
    texts = " ".join(t.get_text() for t in page.canvases["load"].figure.findobj(
        lambda a: hasattr(a, "get_text")))
    assert "Load spike indicator" in texts and "risk" not in texts.lower()

    # light strip
    strip = page.strip.chart
    assert strip.cell_colours() == [light.day_light(journal, d).colour
                                    for d in (start + timedelta(days=k)
                                              for k in range(len(loads)))]

    # programme adherence
    page.tabs.setCurrentIndex(2)
    _settle(qtbot)
    weeks = programme.weekly_adherence(start, end)
    assert page.canvases["programme"].chart.percents() == pytest.approx(
        [w.percent or 0.0 for w in weeks])
    ex_id = page.tab("programme").exercise.currentData()
    points = programme.exercise_progression(ex_id, start, end)
    line = page.canvases["progression"].chart.line
    assert list(line.get_ydata()) == pytest.approx([p[1] for p in points])


def test_one_period_change_one_redraw(demo_window, qtbot):
    ctx, _window, page, _start, _end = demo_window
    _settle(qtbot)
    pain_draws = _count_draws(page.canvases["pain"])
    strip_draws = _count_draws(page.strip)
    before = page.refresh_count
    page.period.setCurrentIndex(page.period.findData("4w"))
    _settle(qtbot)
    assert page.refresh_count == before + 1
    assert (pain_draws[0], strip_draws[0]) == (1, 1)
    assert len(page.data.days) == 28

    # a burst of journal changes while visible: one refresh, one draw
    for _ in range(3):
        ctx.journal_changed.emit(None)
    _settle(qtbot)
    assert page.refresh_count == before + 2
    assert (pain_draws[0], strip_draws[0]) == (2, 2)

    # hidden: no work, only remembered; shown again: one refresh
    _window.show_page("today")
    _settle(qtbot)
    ctx.journal_changed.emit(END)
    _settle(qtbot)
    assert page.refresh_count == before + 2 and page.dirty
    _window.show_page("progress")
    _settle(qtbot)
    assert page.refresh_count == before + 3 and not page.dirty


def test_site_change_refreshes_for_that_site(demo_window, qtbot):
    _ctx, _window, page, _start, _end = demo_window
    page.site.setCurrentIndex(2)
    _settle(qtbot)
    assert page.data.site_id == page.site.currentData() is not None


def test_palette_change_recolours_in_place(demo_window, qtbot):
    from matplotlib.colors import to_hex

    _ctx, _window, page, _start, _end = demo_window
    app = QApplication.instance()
    fig = page.canvases["pain"].figure
    line = page.canvases["pain"].chart.avg["morning"]
    before = to_hex(fig.get_facecolor())
    old = app.palette()
    dark = QPalette(old)
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.WindowText, "#eeeeee"),
                         (QPalette.ColorRole.Base, "#202020")):
        dark.setColor(role, QColor(colour))
    _settle(qtbot)  # the period's own draw first: count only the palette change's
    draws = _count_draws(page.canvases["pain"])
    try:
        app.setPalette(dark)
        _settle(qtbot)
        assert before != "#2b2b2b"
        assert to_hex(fig.get_facecolor()) == "#2b2b2b"
        ax = page.canvases["pain"].chart.ax
        assert to_hex(ax.get_facecolor()) == "#202020"
        assert to_hex(ax.get_title(loc="left") and ax._left_title.get_color()) == "#eeeeee"
        assert line is page.canvases["pain"].chart.avg["morning"]  # recoloured, not rebuilt
        assert draws[0] == 1
        assert to_hex(page.strip.figure.get_facecolor()) == "#2b2b2b"
    finally:
        app.setPalette(old)
        _settle(qtbot)
    assert to_hex(fig.get_facecolor()) == to_hex(old.color(QPalette.ColorRole.Window).name())


def test_hover_shows_the_days_values(demo_window, qtbot, monkeypatch):
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.dates import date2num

    from rehabjournal.ui import chart_canvas

    shown = []  # the offscreen platform warns on real tooltips
    monkeypatch.setattr(chart_canvas.QToolTip, "showText", lambda pos, text, w: shown.append(text))
    monkeypatch.setattr(chart_canvas.QToolTip, "hideText", lambda: shown.append(None))
    _ctx, _window, page, start, _end = demo_window
    canvas = page.canvases["pain"]
    canvas.draw()
    day = start + timedelta(days=20)
    x, y = canvas.chart.ax.transData.transform((float(date2num(day)), 5.0))
    event = MouseEvent("motion_notify_event", canvas, x, y)
    canvas.callbacks.process("motion_notify_event", event)
    i = page.data.index(day)
    assert canvas.hover_text.startswith(f"Sun 18 Jan 2026\nMorning: {page.data.morning[i]:g}")
    assert "7-day avg" in canvas.hover_text and "Event: Flare" in canvas.hover_text
    assert shown == [canvas.hover_text]
    # the load chart's weekly panel describes the week
    page.tabs.setCurrentIndex(1)
    _settle(qtbot)
    load_canvas = page.canvases["load"]
    load_canvas.draw()
    x, y = load_canvas.chart.ax_week.transData.transform((float(date2num(day)), 100.0))
    load_canvas.callbacks.process("motion_notify_event",
                                  MouseEvent("motion_notify_event", load_canvas, x, y))
    assert load_canvas.hover_text.startswith("Week of Mon 12 Jan 2026\nLoad ")
    assert "on the week before" in load_canvas.hover_text


def test_save_png_and_svg(demo_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    _ctx, _window, page, _start, _end = demo_window
    canvas = page.canvases["pain"]
    png = canvas.save(tmp_path / "pain.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "chart"), ""))
    menu = canvas.context_menu()
    action = next(a for a in menu.actions() if a.objectName() == "save_svg")
    action.trigger()
    svg = (tmp_path / "chart.svg").read_text()
    assert "<svg" in svg and "Pain over time" in svg
    assert (tmp_path / "chart.svg").stat().st_mode & 0o777 == 0o600  # health data: owner only
    assert {"chart.svg", "pain.png"} <= {p.name for p in tmp_path.iterdir()}
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_a_chart_saved_onto_a_device_or_folder_is_refused_with_a_message(demo_window, tmp_path,
                                                                          monkeypatch):
    import os
    import stat

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    _ctx, _window, page, _start, _end = demo_window
    canvas = page.canvases["pain"]
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    (tmp_path / "folder.png").mkdir()
    os.mkfifo(tmp_path / "pipe.png")
    for target in (tmp_path / "folder.png", tmp_path / "pipe.png"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        assert canvas.save_dialog("png") is None
    assert shown[0] == ("Chart not saved", f"Cannot write {tmp_path / 'folder.png'}: it is a "
                        "folder; give a file name.")
    assert "pipe (FIFO), not a regular file" in shown[1][1]
    assert (tmp_path / "folder.png").is_dir() and not any((tmp_path / "folder.png").iterdir())
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe.png").st_mode)


def test_a_journal_without_a_programme_says_so(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("progress")
    page.tabs.setCurrentIndex(list(page.tab_pages).index("programme"))
    _settle(qtbot)
    chart = page.canvases["programme"].chart
    assert chart.empty.get_visible() and chart.empty.get_text() == "No programme data yet"
    exercise = page.tab("programme").exercise
    assert exercise.currentText() == "No programme data yet"
    assert not exercise.isEnabled()


def test_tabs_are_declared_once_and_built_when_first_shown(demo_window, qtbot):
    from rehabjournal.ui.pages.progress import TABS

    _ctx, _window, page, _start, _end = demo_window
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Pain", "Training load", "Programme", "Outcome measures", "Patterns"]
    assert [t.key for t in TABS] == list(page.tab_pages)
    assert [k for k, t in page.tab_pages.items() if t.built] == ["pain"]
    page.tabs.setCurrentIndex(4)
    _settle(qtbot)
    assert page.tab("patterns").built and page.current_tab() == "patterns"
    assert not page.tab("outcomes").built


def _journal_dir(tmp_path, name, fill):
    """A journal folder with a profile, filled by ``fill(js)``."""
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal

    data = tmp_path / name
    open_journal(data)
    js.save_profile({"name": "New", "condition": "patellofemoral_pain", "joint": "knee",
                     "side": "left"})
    js.add_site("knee", "left", primary=True)
    fill(js)
    close_journal()
    return data


def _shown_load_tab(open_window, qtbot, data_dir):
    _ctx, window = open_window(profile=False, data_dir=data_dir)
    window.resize(1200, 850)
    page = window.show_page("progress")
    page.tabs.setCurrentIndex(list(page.tab_pages).index("load"))
    _settle(qtbot)
    return window, page


def test_a_one_week_old_journal_draws_no_spike_indicator(open_window, qtbot, tmp_path):
    from matplotlib.dates import date2num

    first = TODAY - timedelta(days=6)

    def fill(js):
        for i in range(7):
            js.save_checkin(first + timedelta(days=i), {"morning_pain": 3})
            if i % 2 == 0:
                js.add_session(first + timedelta(days=i),
                               {"kind": "run", "minutes": 20 + 5 * i, "rpe": 4})

    _window, page = _shown_load_tab(open_window, qtbot, _journal_dir(tmp_path, "new", fill))
    # it opens on its one week (test_ui_progress_default); the last 12 weeks start before it
    assert page.period.currentData() == "all"
    page.period.setCurrentIndex(page.period.findData("12w"))
    _settle(qtbot)
    chart = page.canvases["load"].chart
    assert all(math.isnan(v) for v in chart.ratio_line.get_ydata())  # not 3.6 falling to 1.7
    assert chart.no_ratio.get_visible() and "day 29" in chart.no_ratio.get_text()
    assert chart.daily_heights() == pytest.approx([80, 0, 120, 0, 160, 0, 200])
    # the axes start at the journal's first entry, and the page says so
    x0 = float(date2num(first)) - 0.5
    for ax in (chart.ax_day, page.strip.chart.ax, page.canvases["pain"].chart.ax):
        assert ax.get_xlim()[0] == pytest.approx(x0)
    assert page.period_note.isVisible()
    assert page.period_note.text() == (
        "The journal starts on Thu 12 Mar 2026, so the charts start there (the period "
        "starts on Thu 25 Dec 2025).")
    assert not page.escalation.isVisible()


def test_monotony_and_strain_table_of_domain_md_test_vector(open_window, qtbot, tmp_path):
    monday = date(2026, 3, 2)
    efforts = [None, (30, 10), None, (60, 7), None, (60, 10), (60, 4)]  # 0 300 0 420 0 600 240

    def fill(js):
        for i, e in enumerate(efforts):
            js.save_checkin(monday + timedelta(days=i), {"morning_pain": 2})
            if e:
                js.add_session(monday + timedelta(days=i),
                               {"kind": "run", "minutes": e[0], "rpe": e[1]})

    _window, page = _shown_load_tab(open_window, qtbot, _journal_dir(tmp_path, "w", fill))
    page.set_period(monday, monday + timedelta(days=6))
    _settle(qtbot)
    model = page.tab("load").weeks_model
    assert model.columnCount() == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "2-8 Mar"
    cells = [model.index(r, 0).data() for r in range(4)]
    assert cells == ["1560", "-", "1.02", "1586"]
    assert model.index(2, 0).data(Qt.ItemDataRole.UserRole) == pytest.approx(1.017, abs=5e-4)
    assert model.index(3, 0).data(Qt.ItemDataRole.UserRole) == pytest.approx(1586, abs=0.5)
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(4)] == [
        "Load (AU)", "Change on the week before", "Monotony", "Strain"]
    note = page.tab("load").week_note.text()
    assert "population SD" in note and "Monotony = mean daily load" in note
    assert page.canvases["load"].chart.daily_heights() == pytest.approx(
        [0, 300, 0, 420, 0, 600, 240])


def test_a_week_with_a_session_without_effort_shows_its_rated_load_marked(open_window, qtbot,
                                                                          tmp_path):
    monday = date(2026, 3, 2)

    def fill(js):
        for i in range(7):
            js.save_checkin(monday + timedelta(days=i), {"morning_pain": 2})
        js.add_session(monday, {"kind": "run", "minutes": 60, "rpe": 8})
        js.add_session(monday + timedelta(days=2), {"kind": "run", "minutes": 60, "rpe": 10})
        js.add_session(monday + timedelta(days=4), {"kind": "walk", "minutes": 40})

    _window, page = _shown_load_tab(open_window, qtbot, _journal_dir(tmp_path, "w", fill))
    page.set_period(monday, monday + timedelta(days=6))
    _settle(qtbot)
    model = page.tab("load").weeks_model
    cell = model.index(0, 0)
    assert cell.data() == "1080 (1 not rated)"
    assert cell.data(Qt.ItemDataRole.UserRole) == pytest.approx(1080)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "Sessions without an effort: the load shown is the rated sessions' only")
    assert model.index(2, 0).data() == "-"  # no monotony for an incomplete week
    assert model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_week_table_is_the_summarys_rows(demo_window, qtbot):
    from rehabjournal.services import summary

    _ctx, _window, page, start, end = demo_window
    page.tabs.setCurrentIndex(list(page.tab_pages).index("load"))
    _settle(qtbot)
    rows = summary.period_summary(start, end).weeks
    model = page.tab("load").weeks_model
    assert model.columnCount() == len(rows)
    for col, w in enumerate(rows):
        values = [model.index(r, col).data(Qt.ItemDataRole.UserRole) for r in range(4)]
        assert values == [w.load, w.change_pct, w.monotony, w.strain]
    last = model.headerData(len(rows) - 1, Qt.Orientation.Horizontal)
    assert last.endswith("(partial)") and rows[-1].status == "partial"
    assert page.canvases["load"].chart.weekly_heights() == pytest.approx(
        [w.load for w in rows])


def test_escalation_is_shown_with_todays_words(open_window, qtbot, tmp_path):
    first = TODAY - timedelta(days=55)

    def fill(js):
        for i in range(56):
            js.save_checkin(first + timedelta(days=i), {"morning_pain": 5})

    window, page = _shown_load_tab(open_window, qtbot, _journal_dir(tmp_path, "esc", fill))
    assert page.data.escalations, "eight weeks at 5/10: no improvement"
    assert page.escalation.isVisible()
    text = page.escalation.label.text()
    assert text.startswith("<b>? Book an assessment.</b><br>")
    assert "has not improved by 2 points" in text
    today = window.show_page("today")
    today.load()
    assert today.light.assess_banner.label.text() == text


@pytest.mark.parametrize("n_days", [1, 3])
def test_short_periods_have_day_ticks_in_every_chart(demo_window, qtbot, n_days):
    _ctx, _window, page, _start, end = demo_window
    page.tabs.setCurrentIndex(list(page.tab_pages).index("load"))
    page.set_period(end - timedelta(days=n_days - 1), end)
    _settle(qtbot)
    canvases = [page.strip, page.canvases["pain"], page.canvases["load"]]
    for canvas in canvases:
        canvas.draw()
        for ax in canvas.figure.axes:
            ticks = list(ax.get_xticks())
            assert len(ticks) == n_days and all(float(t).is_integer() for t in ticks)
            labels = [t.get_text() for t in ax.get_xticklabels()]
            assert not any(":" in label for label in labels)
    assert len(page.canvases["load"].chart.daily_heights()) == n_days


def test_one_period_change_one_redraw_of_the_load_tab(demo_window, qtbot):
    _ctx, _window, page, _start, _end = demo_window
    page.tabs.setCurrentIndex(list(page.tab_pages).index("load"))
    _settle(qtbot)
    draws = _count_draws(page.canvases["load"])
    page.period.setCurrentIndex(page.period.findData("4w"))
    _settle(qtbot)
    assert draws[0] == 1
    assert page.tab("load").weeks_model.columnCount() == len(page.data.weeks)


def test_advice_as_of_the_last_day_with_data_next_to_an_escalation(open_window, qtbot,
                                                                   tmp_path):
    """QA L5: the period's last 6 days are empty, while the escalation banner shows (seven
    weeks at 5/10 up to 12 Mar): the advice line is the advice as of 12 Mar, the last day
    with data, never nothing."""
    from PySide6.QtCore import QDate

    last = TODAY - timedelta(days=6)
    first = last - timedelta(days=48)

    def fill(js):
        for i in range(49):
            js.save_checkin(first + timedelta(days=i), {"morning_pain": 5})

    window, page = _shown_load_tab(open_window, qtbot, _journal_dir(tmp_path, "l5", fill))
    start = TODAY - timedelta(days=27)
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.date_from.setDate(QDate(start.year, start.month, start.day))
    page.date_to.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    page.refresh()
    assert page.escalation.isVisible()
    verdict = page.data.summary.verdict
    assert verdict.as_of == last and verdict.kind == light.HOLD
    assert page.advice.isVisible()
    assert page.advice.text() == f"<b>Advice as of Thu 12 Mar:</b> {verdict.text}"


def test_advice_line_never_empty_next_to_an_escalation():
    from types import SimpleNamespace

    from rehabjournal.domain.light import NO_LIGHT, Verdict
    from rehabjournal.ui.pages.progress_tabs import advice_html

    nothing = Verdict(None, NO_LIGHT.heading, "", NO_LIGHT.reason, NO_LIGHT.text, None,
                      TODAY, False, NO_LIGHT)
    assert advice_html(SimpleNamespace(verdict=nothing, escalations=[])) == ""
    html = advice_html(SimpleNamespace(verdict=nothing, escalations=["esc"]))
    assert html == "<b>Advice as of Wed 18 Mar:</b> No light yet. Book an assessment."
