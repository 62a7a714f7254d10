"""Issue 17: a journal that already holds a 0001-01-01 or 9999-12-31 row (imported before
dates were limited to 1900-2100) still opens on the Journal page without an OverflowError."""

from __future__ import annotations

from rehabjournal.store import models as m

from .conftest import TODAY


def _insert_extreme_rows() -> None:
    for day in ("0001-01-01", "9999-12-31"):  # straight into the table, as old imports did
        m.database.execute_sql(
            "INSERT INTO check_in (day, morning_pain, notes, updated) "
            "VALUES (?, 3, 'far away', '2026-01-01 00:00:00')", (day,))
    m.CheckIn.create(day=TODAY, morning_pain=2, notes="today")


def test_the_journal_page_opens_and_lists_the_days(open_window, qtbot):
    ctx, window = open_window()
    _insert_extreme_rows()
    page = window.show_page("journal")
    page.refresh()
    assert page.model.total == 3
    shown = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert any(TODAY.isoformat() in s for s in shown)
    assert any("9999-12-31" in s for s in shown)


def test_far_days_are_not_opened_but_explained_and_can_be_deleted(open_window, qtbot):
    ctx, window = open_window()
    _insert_extreme_rows()
    page = window.show_page("journal")
    page.refresh()
    opened, statuses = [], []
    ctx.open_day.connect(opened.append)
    ctx.status.connect(statuses.append)
    for row in range(page.model.rowCount()):
        page.open_row(row)
    assert opened == [TODAY]
    assert statuses == [
        f"{day} is outside the dates the journal accepts (1900-01-01 to 2100-12-31), so it "
        "cannot be opened; select it and delete it (Edit > Undo brings it back)."
        for day in ("9999-12-31", "0001-01-01")]
    page.table.selectRow(0)
    assert page.selected_day().isoformat() == "9999-12-31"
    page.delete_selected()
    page.refresh()
    assert page.model.total == 2


def test_every_page_shows_a_journal_with_far_days_and_sessions(open_window, qtbot):
    """Sessions, events and exercise days on 0001-01-01 and 9999-12-31 too: every page is
    shown and refreshed without an OverflowError (the day after 9999-12-31 does not exist)."""
    from rehabjournal.ui.main_window import PAGES

    ctx, window = open_window()
    _insert_extreme_rows()
    for day in ("0001-01-01", "9999-12-31"):
        m.database.execute_sql(
            "INSERT INTO activity_session (day, position, kind, minutes, rpe, notes, updated) "
            "VALUES (?, 0, 'run', 30, 5, '', '2026-01-01 00:00:00')", (day,))
    for key, _text, _module in PAGES:
        page = window.show_page(key)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()
        qtbot.wait(10)
