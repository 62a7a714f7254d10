"""The Reports page fits a 1024x600 screen (issue 18 item 3, review of 01:52).

In a window of the screen's free size, the "Sections" check boxes keep their size: none
overlaps another and each shows its whole text; the options scroll instead of squashing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QCheckBox

from rehabjournal.ui import main_window as mw

from .conftest import SMALL_SCREEN, settle

SMALL = QRect(0, 0, *SMALL_SCREEN)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def small_reports(open_window, qtbot):
    _ctx, window = open_window()
    window.setMinimumSize(QSize(0, 0))
    window.resize(mw.first_geometry(SMALL).size())
    page = window.show_page("reports")
    settle(qtbot)
    return window, page


def boxes_of(page) -> list[QCheckBox]:
    return [b for b in page.findChildren(QCheckBox) if b.isVisibleTo(page)]


def test_no_section_check_box_overlaps_another_and_each_shows_its_text(small_reports):
    window, page = small_reports
    assert window.height() <= SMALL.height() and window.width() <= SMALL.width()
    boxes = boxes_of(page)
    assert len(boxes) >= len(page.section_checks) + 2  # page one, anonymise, the sections
    rects = []
    for box in boxes:
        hint = box.sizeHint()
        assert box.height() >= hint.height(), (box.text(), box.height(), hint.height())
        assert box.width() >= hint.width(), (box.text(), box.width(), hint.width())
        rects.append((box.text(), QRect(box.mapTo(page, box.rect().topLeft()), box.size())))
    for i, (text, rect) in enumerate(rects):
        for other, rect2 in rects[i + 1:]:
            assert not rect.intersects(rect2), (text, other)


def test_the_options_scroll_to_make_report_and_the_disclaimer(small_reports, qtbot):
    _window, page = small_reports
    scroll = page.options_scroll
    assert scroll.horizontalScrollBar().maximum() == 0  # never sideways
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # more than 600 px of options: they scroll
    scroll.ensureWidgetVisible(page.make_button)
    settle(qtbot)
    top = page.make_button.mapTo(scroll.viewport(), page.make_button.rect().topLeft()).y()
    assert 0 <= top <= scroll.viewport().height() - page.make_button.height()
    assert page.preview.isVisible() and page.preview.width() > 300  # the preview keeps room


def test_on_a_tall_screen_nothing_scrolls(open_window, qtbot):
    _ctx, window = open_window()
    window.resize(1400, 1000)
    page = window.show_page("reports")
    settle(qtbot)
    assert page.options_scroll.verticalScrollBar().maximum() == 0
