"""FlowLayout's items are PySide's own, so a deleted widget leaves no stale wrapper behind.

Qt's ``addWidget`` makes a ``QWidgetItem`` and later deletes it without telling PySide; a
Python list holding it kept a wrapper registered at a freed address, which then answered
for the next object Qt put there (a ``QWidgetItem`` returned by ``widget.window()``, and
segfaults in ``BindingManager::releaseWrapper``: docs/architecture.md, "Known problems").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from shiboken6 import Shiboken

from rehabjournal.ui.widgets import FlowLayout, clear_layout


def _flush() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_deleted_widgets_item_leaves_no_live_wrapper(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    widgets = [QLabel("a"), QLineEdit(), QLabel("c")]
    for widget in widgets:
        flow.addWidget(widget)
    items = list(flow._items)
    assert all(Shiboken.createdByPython(item) for item in items)
    assert [item.widget() for item in items] == widgets
    widgets[1].deleteLater()
    _flush()
    assert flow.count() == 2
    assert not Shiboken.isValid(items[1])  # PySide heard of its deletion
    assert Shiboken.isValid(items[0]) and Shiboken.isValid(items[2])
    assert [flow.itemAt(i).widget() for i in range(flow.count())] == [widgets[0], widgets[2]]


def test_clearing_and_refilling_a_flow_layout_many_times_is_safe(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    for _round in range(50):
        clear_layout(flow)
        for text in ("one", "two", "three"):
            flow.addWidget(QLabel(text))
        _flush()
    assert [flow.itemAt(i).widget().text() for i in range(flow.count())] == \
        ["one", "two", "three"]
    for i in range(flow.count()):
        assert flow.itemAt(i).widget().window() is holder
