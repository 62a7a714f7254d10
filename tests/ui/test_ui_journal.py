"""Journal page: lazy list, filters, calendar colours, open a day, delete with undo."""

from __future__ import annotations

from datetime import date, timedelta

from rehabjournal.services import journal as js
from rehabjournal.ui.pages.journal import CHUNK, JournalModel

from .conftest import TODAY


def fill(days: int, start: date = TODAY - timedelta(days=400)):
    from rehabjournal.store import models as m

    with m.database.atomic():
        for i in range(days):
            d = start + timedelta(days=i)
            m.CheckIn.create(day=d, morning_pain=i % 5, notes="stairs hurt" if i % 7 == 0 else "")
            if i % 2 == 0:
                m.ActivitySession.create(day=d, kind="run" if i % 4 == 0 else "cycle",
                                         minutes=30, rpe=4, pain_during=2, pain_after=3)


def test_model_fetches_lazily_and_passes_the_model_tester(open_window, qtmodeltester):
    ctx, window = open_window()
    fill(500)
    model = JournalModel()
    model.set_filters()
    assert model.total == 500
    assert model.rowCount() == CHUNK, "only the first chunk is loaded"
    model.fetchMore()
    assert model.rowCount() == 2 * CHUNK
    first = model.index(0, 0).data()
    assert first.endswith((TODAY - timedelta(days=400) + timedelta(days=499)).isoformat())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 500


def test_filters_by_kind_flags_and_text(open_window, qtbot):
    ctx, window = open_window()
    fill(28)
    js.set_red_flag(TODAY - timedelta(days=400), "cannot_bear_weight", True)
    page = window.show_page("journal")
    page.refresh()
    assert page.model.total == 28
    page.kind.setCurrentIndex(page.kind.findData("run"))
    page.apply_filters()
    assert page.model.total == 7  # i % 4 == 0 for i < 28
    page.kind.setCurrentIndex(0)
    page.flags_only.setChecked(True)
    assert page.model.total == 1
    page.flags_only.setChecked(False)
    page.text.setText("stairs")
    page.apply_filters()
    assert page.model.total == 4  # i % 7 == 0 for i < 28
    assert page.count_label.text() == "4 days"
    page.from_edit.setText("2026-02-30")
    page.apply_filters()
    assert "is not a date" in page.filter_error.text()


def test_delete_a_day_and_undo_it(open_window, qtbot):
    ctx, window = open_window()
    day = TODAY - timedelta(days=3)
    js.save_checkin(day, {"morning_pain": 4, "notes": "keep me"})
    sid = js.add_session(day, {"kind": "run", "minutes": 30, "rpe": 5, "pain_after": 3})
    js.set_red_flag(day, "night_or_constant_pain", True)
    page = window.show_page("journal")
    page.refresh()
    page.table.selectRow(0)
    page.delete_button.click()
    assert js.get_checkin(day) is None and js.list_sessions(day) == []
    assert page.model.total == 0
    window.undo_action.trigger()
    assert js.get_checkin(day)["notes"] == "keep me"
    assert [s["id"] for s in js.list_sessions(day)] == [sid]
    assert js.red_flags(day) == {"night_or_constant_pain"}
    assert page.model.total == 1
    window.redo_action.trigger()
    assert js.get_checkin(day) is None


def test_open_a_day_from_the_list_edits_it_on_today(open_window, qtbot):
    ctx, window = open_window()
    day = TODAY - timedelta(days=10)
    js.save_checkin(day, {"morning_pain": 2})
    page = window.show_page("journal")
    page.refresh()
    page.open_row(0)
    assert window.current_page_key() == "today"
    today_page = window.pages["today"]
    assert today_page.day == day
    assert today_page.fields["morning_pain"].edit.text() == "2"


def test_calendar_is_coloured_by_the_light(open_window, qtbot):
    from PySide6.QtCore import QDate

    ctx, window = open_window()
    day = TODAY - timedelta(days=1)
    js.add_session(day, {"kind": "run", "minutes": 40, "rpe": 6, "pain_after": 7})
    page = window.show_page("journal")
    page.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
    page.colour_month(day.year, day.month)
    fmt = page.calendar.dateTextFormat(QDate(day.year, day.month, day.day))
    assert fmt.background().color().name() == "#d32f2f"
