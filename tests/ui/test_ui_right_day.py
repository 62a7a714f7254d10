"""Today follows the calendar (issue 18 item 1), through the real widgets and a moved clock.

The app is left open on Wed 18 Mar 2026; the clock goes past midnight. Today must then
say Thu 19 Mar and a new rating must land on 19 Mar, never overwrite 18 Mar; a page open
on a past day stays there and writes to the day its title names. The day timer counts
real seconds, so the 23-hour and 25-hour days of a daylight-saving change roll over at
local midnight too (Europe/London and America/Toronto).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from rehabjournal.services import clock
from rehabjournal.services import journal as js

from .conftest import TODAY
from .test_ui_today import type_into

WED, THU = TODAY, TODAY + timedelta(days=1)




def fire_day_timer(ctx) -> None:
    """What the event loop does when the day timer runs out."""
    ctx.day_timer.timeout.emit()


def title(page) -> str:
    return page.title.text().removeprefix("<h2>").removesuffix("</h2>")


def test_left_open_overnight_today_moves_to_the_new_day_and_writes_there(open_window,
                                                                        qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    ctx.clock.set(datetime(2026, 3, 18, 23, 59, 30))
    ctx.check_day()
    assert 30_000 <= ctx.day_timer.interval() <= 31_000, "the timer is set for midnight"
    type_into(qtbot, page.fields["morning_pain"], "5")
    # typed just before midnight, not finished yet: it belongs to the day it was typed on
    page.fields["stiffness_min"].edit.setFocus()
    qtbot.keyClicks(page.fields["stiffness_min"].edit, "20")
    assert title(page) == "Today, Wed 18 Mar 2026"

    ctx.clock.advance(31)
    with qtbot.waitSignal(ctx.day_changed) as signal:
        fire_day_timer(ctx)
    assert signal.args == [THU, WED]
    assert page.day == THU
    assert title(page) == "Today, Thu 19 Mar 2026"
    assert {s.day for s in page.sections} == {THU}
    assert js.get_checkin(WED)["stiffness_min"] == 20
    assert page.fields["morning_pain"].edit.text() == "", "19 Mar is a new, empty day"
    assert QApplication.focusWidget() is page.fields["morning_pain"].edit
    assert window.statusBar().currentMessage() == \
        "A new day: Today now shows Thu 19 Mar 2026."

    qtbot.keyClicks(page.fields["morning_pain"].edit, "2")
    qtbot.keyClick(page.fields["morning_pain"].edit, Qt.Key.Key_Return)
    assert js.get_checkin(THU)["morning_pain"] == 2
    assert js.get_checkin(WED)["morning_pain"] == 5, "18 Mar's rating is not overwritten"


def test_a_page_open_on_a_past_day_stays_there_and_writes_to_it(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    qtbot.keyClick(page.fields["morning_pain"].edit, Qt.Key.Key_Left,
                   Qt.KeyboardModifier.AltModifier)
    tue = WED - timedelta(days=1)
    assert page.day == tue and title(page) == "Tue 17 Mar 2026"
    ctx.clock.set(datetime(2026, 3, 19, 7, 30))
    fire_day_timer(ctx)
    assert page.day == tue, "never silently becomes today"
    assert title(page) == "Tue 17 Mar 2026"
    type_into(qtbot, page.fields["morning_pain"], "4")
    assert js.get_checkin(tue)["morning_pain"] == 4
    assert js.get_checkin(THU) is None and js.get_checkin(WED) is None

    # the page was showing tomorrow: on the new day its title says "Today"
    page.set_day(THU)
    assert title(page) == "Today, Thu 19 Mar 2026"
    page.set_day(THU + timedelta(days=1))
    ctx.clock.set(datetime(2026, 3, 20, 0, 0, 1))
    fire_day_timer(ctx)
    assert title(page) == "Today, Fri 20 Mar 2026"


def test_the_window_coming_back_after_sleep_looks_at_the_calendar(open_window, qtbot):
    """Timers stand still while the computer sleeps: activating the window looks again."""
    ctx, window = open_window()
    page = window.show_page("today")
    ctx.clock.set(datetime(2026, 3, 19, 8, 5))  # no timer fired: the computer slept
    assert page.day == WED
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    with qtbot.waitSignal(ctx.day_changed):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    assert page.day == THU and title(page) == "Today, Thu 19 Mar 2026"


def test_the_next_morning_question_says_whose_morning_after_midnight(open_window, qtbot):
    """Yesterday's run asks "this morning after yesterday's run"; after midnight the
    question of the day shown names the day it follows."""
    ctx, window = open_window()
    js.add_session(WED - timedelta(days=1), {"kind": "run", "minutes": 40, "pain_after": 3})
    page = window.show_page("today")
    page.load()
    question = page.next_morning.findChild(QWidget, "nextMorningQuestion")
    assert "after yesterday's run" in question.text()
    ctx.clock.set(datetime(2026, 3, 19, 0, 0, 2))
    fire_day_timer(ctx)
    assert page.day == THU
    assert not page.next_morning.isVisible(), "no session on 18 Mar: no question on 19 Mar"
    page.previous_day()
    question = page.next_morning.findChild(QWidget, "nextMorningQuestion")
    assert "after Tue 17 Mar's run" in question.text()


def _roll_over(ctx) -> float:
    """Let the day timer run (fired each time it would) until the day changes; the hours
    of real time that took."""
    start = ctx.day_timer.interval()
    elapsed = 0.0
    changed = []
    ctx.day_changed.connect(lambda new, old: changed.append(new))
    for _ in range(1000):
        step = ctx.day_timer.interval() / 1000
        ctx.clock.advance(step)
        elapsed += step
        fire_day_timer(ctx)
        if changed:
            now = ctx.clock.now()
            assert (now.hour, now.minute) == (0, 0) and now.second < 2, now
            return elapsed / 3600
    raise AssertionError(f"no new day after {elapsed / 3600:.1f} h (first wait {start} ms)")


@pytest.mark.parametrize(("zone_name", "day", "hours"), [
    ("Europe/London", date(2026, 3, 29), 23),      # clocks go forward at 01:00
    ("Europe/London", date(2026, 10, 25), 25),     # and back at 02:00
    ("America/Toronto", date(2026, 3, 8), 23),     # forward at 02:00
    ("America/Toronto", date(2026, 11, 1), 25),    # back at 02:00
    ("Europe/London", date(2026, 3, 18), 24),
])
def test_today_rolls_over_at_local_midnight_across_a_clock_change(open_window, qtbot, zone,
                                                                  zone_name, day, hours):
    zone(zone_name)
    ctx, window = open_window(today=day)
    page = window.show_page("today")
    ctx.clock.set(datetime.combine(day, datetime.min.time()) + timedelta(seconds=1))
    ctx.check_day()
    assert page.day == day
    waited = _roll_over(ctx)
    assert waited == pytest.approx(hours, abs=0.01), "the day has that many hours"
    assert page.day == day + timedelta(days=1)
    assert title(page) == f"Today, {(day + timedelta(days=1)):%a} " \
        f"{(day + timedelta(days=1)).day} {(day + timedelta(days=1)):%b %Y}"


def test_the_system_clock_is_the_default_and_is_followed(tmp_path, qtbot, zone):
    """Without a fixed day the context reads the computer's clock (moved by time-machine),
    through services.clock, which the services' "today" defaults read too."""
    from rehabjournal.services import programme_sheet  # noqa: F401 - reads clock.today()
    from rehabjournal.ui.context import AppContext

    zone("Europe/London")
    london = ZoneInfo("Europe/London")
    with time_machine.travel(datetime(2026, 3, 28, 23, 59, 58, tzinfo=london),
                             tick=False) as traveller:
        ctx = AppContext(tmp_path)
        assert isinstance(ctx.clock, clock.SystemClock)
        assert ctx.today() == clock.today() == date(2026, 3, 28)
        assert ctx.ms_to_next_check() == 2050
        traveller.shift(timedelta(seconds=3))
        with qtbot.waitSignal(ctx.day_changed) as signal:
            fire_day_timer(ctx)
        assert signal.args == [date(2026, 3, 29), date(2026, 3, 28)]
        assert clock.now() == datetime(2026, 3, 29, 0, 0, 1)
        ctx.day_timer.stop()


def test_the_journal_calendar_opens_on_the_journals_today(open_window):
    """It opened on the system's month while the app's clock said another day."""
    from .conftest import TODAY

    ctx, window = open_window()
    page = window.show_page("journal")
    shown = (page.calendar.yearShown(), page.calendar.monthShown())
    assert shown == (TODAY.year, TODAY.month)
    assert page.calendar.selectedDate().toPython() == TODAY


def test_progress_and_reports_move_on_at_midnight(open_window, qtbot):
    """A preset period ends today: after midnight it ends on the new day."""
    from datetime import datetime, time, timedelta

    from .conftest import TODAY

    ctx, window = open_window()
    reports = window.show_page("reports")
    assert reports.date_to.date().toPython() <= TODAY
    before = reports.date_to.date().toPython()
    ctx.clock.set(datetime.combine(TODAY + timedelta(days=1), time(0, 0, 5)))
    assert ctx.check_day()
    # the period's end follows today when the journal has entries up to today, and never
    # goes past it
    assert reports.date_to.date().toPython() <= TODAY + timedelta(days=1)
    assert reports.date_to.date().toPython() >= before
    progress = window.show_page("progress")
    progress.refresh()
    assert progress.date_to.date().toPython() == TODAY + timedelta(days=1)


def test_a_new_session_left_without_minutes_is_said_to_be_dropped(open_window, qtbot):
    """Pain before 12 (refused) and no minutes, then Alt+Left: the draft vanished without
    a word (review of issue 18)."""
    from PySide6.QtCore import Qt

    from .conftest import TODAY

    ctx, window = open_window()
    page = window.show_page("today")
    statuses = []
    ctx.status.connect(statuses.append)
    editor = page.add_session()
    editor.pains["pain_before"].edit.setText("3")
    editor.pains["pain_before"].edit.editingFinished.emit()
    qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.day != TODAY
    assert any("Not saved for" in s and "a new session without minutes" in s
               for s in statuses), statuses
