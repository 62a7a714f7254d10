"""Walking layouts without ``QLayout.itemAt`` (ui/layouts.py).

``itemAt`` hands back a wrapper of a layout item Qt made; PySide keeps it after Qt deletes
the item, and the stale wrapper later crashed test processes (and once the app) in
``Shiboken::BindingManager::releaseWrapper``. These tests pin the walk's order and that
neither it nor the accessibility pass leaves a layout-item wrapper behind.
"""

from __future__ import annotations

import gc
import re
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from rehabjournal.ui import accessibility
from rehabjournal.ui.layouts import layout_entries
from rehabjournal.ui.main_window import PAGES

SRC = Path(__file__).resolve().parents[2] / "src" / "rehabjournal"


def item_wrappers() -> list:
    """The Python wrappers of layout items Qt made (QWidgetItem, QSpacerItem ...) alive
    now: Qt deletes those without telling PySide. (FlowLayout's items are made in Python:
    their wrapper class tells PySide, and they are not counted.)"""
    gc.collect()
    return [w for w in Shiboken.getAllValidWrappers()
            if type(w).__name__ in ("QLayoutItem", "QWidgetItem", "QSpacerItem")
            and not Shiboken.createdByPython(w)]


def test_entries_in_layout_order_nested_layouts_and_named_widgets(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    outer = QVBoxLayout(holder)
    first = QLabel("first")
    first.setObjectName("fieldError")  # a named widget is found too
    row = QHBoxLayout()
    last = QLineEdit()
    outer.addWidget(first)
    outer.addStretch()  # a spacer: not an entry
    outer.addLayout(row)
    outer.insertWidget(0, inserted := QLabel("inserted"))
    outer.addWidget(last)
    row.addWidget(inner := QLabel("in the row"))
    assert layout_entries(outer) == [inserted, first, row, last]
    assert layout_entries(row) == [inner]
    assert item_wrappers() == []


def test_a_form_row_label_names_its_field_without_item_wrappers(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    form = QFormLayout(holder)
    name = QLineEdit()
    form.addRow("Morning pain", name)
    pair = QHBoxLayout()
    pair.addWidget(low := QLineEdit())
    pair.addWidget(QLineEdit())
    form.addRow("Range", pair)
    accessibility.name_controls(holder)
    assert name.accessibleName() == "Morning pain"
    assert low.accessibleName() == "Range"  # the first control of a row of several
    assert item_wrappers() == []


def test_every_page_and_its_rebuilds_leave_no_item_wrapper(open_window, qtbot):
    """Building each page (each tab shown), adding session rows, another day's rows and
    the accessibility pass: no wrapper of a Qt-made layout item is left."""
    _ctx, window = open_window(today=date(2026, 3, 18))
    for key, _title, _module in PAGES:
        page = window.show_page(key)
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                qtbot.wait(10)
    page = window.show_page("today")
    for _ in range(2):
        page.add_session()  # the Tab order is rebuilt, new rows named
        qtbot.wait(20)
    page.set_day(date(2026, 3, 17))  # every row rebuilt
    qtbot.wait(20)
    accessibility.name_controls(page)
    assert item_wrappers() == []


def test_a_layout_added_full_keeps_no_item_wrapper(qtbot):
    """PySide's glue for addLayout wraps the items of a layout that already holds widgets
    (when the parent is on a widget); those wrappers are dropped at once."""
    holder = QWidget()
    qtbot.addWidget(holder)
    outer = QVBoxLayout(holder)
    row = QHBoxLayout()
    row.addWidget(QLabel("a"))
    row.addStretch()
    inner = QHBoxLayout()
    inner.addWidget(QLineEdit())
    row.addLayout(inner)  # row is on no widget yet: nothing is wrapped here
    outer.addLayout(row, 1)  # ... but here, every item of row and inner
    form = QFormLayout()
    outer.addLayout(form)
    pair = QHBoxLayout()
    pair.addWidget(QLineEdit())
    form.addRow("Range", pair)
    form.insertRow(0, QLabel("first"), full := QHBoxLayout())
    full.addWidget(QLineEdit())
    assert item_wrappers() == []
    assert [type(e).__name__ for e in layout_entries(row)] == ["QLabel", "QHBoxLayout"]


def test_no_code_asks_a_qt_layout_for_its_items():
    """``itemAt`` is only FlowLayout's own override (its items are made in Python) and
    ui/layouts.py's, which drops the wrappers PySide made."""
    calls = []
    for path in SRC.rglob("*.py"):
        if path.name == "layouts.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.itemAt\(|\.itemAtPosition\(", line) and "``" not in line:
                calls.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert calls == []
