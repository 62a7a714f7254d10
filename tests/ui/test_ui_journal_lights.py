"""Journal page: the light column, the calendar and the legend tell a red-flag day from a
load-red day and show the waiting state, in the domain's words (``domain.light``)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt

from rehabjournal.domain import light as light_mod
from rehabjournal.domain import scales
from rehabjournal.services import journal as js
from rehabjournal.ui.pages.journal import COLUMNS

from .conftest import TODAY

LIGHT_COLUMN = [key for key, _title in COLUMNS].index("light")


def test_light_column_calendar_and_legend(open_window, qtbot):
    ctx, window = open_window()
    for i in range(1, 15):
        js.save_checkin(TODAY - timedelta(days=i), {"morning_pain": 1})
    load_red = TODAY - timedelta(days=5)
    flagged = TODAY - timedelta(days=3)
    waiting = TODAY - timedelta(days=1)  # today's morning is not rated
    js.add_session(load_red, {"kind": "run", "minutes": 30, "rpe": 5, "pain_after": 7})
    js.set_red_flag(flagged, "locking_giving_way", True)
    js.add_session(waiting, {"kind": "run", "minutes": 30, "rpe": 3, "pain_during": 1})
    page = window.show_page("journal")
    page.refresh()

    rows = {page.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1): r
            for r in range(page.model.rowCount())}

    def cell(day, role=Qt.ItemDataRole.DisplayRole):
        return page.model.index(rows[day], LIGHT_COLUMN).data(role)

    assert cell(load_red) == "red"
    assert cell(flagged) == "! red flag"
    assert cell(waiting) == "waiting"
    assert cell(TODAY - timedelta(days=10)) == "green"
    assert cell(load_red, Qt.ItemDataRole.BackgroundRole).color().name() == "#d32f2f"
    urgent = scales.FLAG_TIERS[scales.URGENT].colour
    assert cell(flagged, Qt.ItemDataRole.BackgroundRole).color().name() == urgent
    brush = cell(waiting, Qt.ItemDataRole.BackgroundRole)
    assert brush.style() == Qt.BrushStyle.BDiagPattern
    assert cell(flagged, Qt.ItemDataRole.ToolTipRole).startswith("See a clinician now: ")
    assert light_mod.WAITING_LABEL in cell(waiting, Qt.ItemDataRole.ToolTipRole)

    page.colour_month(TODAY.year, TODAY.month)

    def fmt(day):
        return page.calendar.dateTextFormat(QDate(day.year, day.month, day.day))

    assert fmt(load_red).background().color().name() == "#d32f2f"
    assert not fmt(load_red).fontUnderline()
    assert fmt(flagged).background().color().name() == urgent
    assert fmt(flagged).fontUnderline()
    assert fmt(waiting).background().style() == Qt.BrushStyle.BDiagPattern

    legend = page.findChild(type(page.count_label), "lightLegend").text()
    for item in light_mod.LEGEND:
        assert item.short in legend
    assert "&nbsp;!&nbsp;" in legend and "&nbsp;?&nbsp;" in legend
    assert "only after a full green week" in legend
