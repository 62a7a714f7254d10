"""Today fits the screen (issue 18 item 3), in the real window.

At 1024x600 with two sessions and a refused value under a session field, no horizontal
scroll bar shows and every field, the Delete buttons, the red flags and "Add event" lie
inside the visible width; a message spans the row under the fields instead of wrapping
into a narrow column; the red flags reflow to one column on a narrow window; the window's
first size comes from the screen's free area, never larger than it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from rehabjournal.ui import main_window as mw
from rehabjournal.ui import settings as ui_settings

from .conftest import SMALL_SCREEN, settle

SMALL = QRect(0, 0, *SMALL_SCREEN)

# the offscreen platform warns when a shown window's minimum size changes
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def viewport_of(page) -> tuple[QScrollArea, QWidget]:
    scroll = page.findChild(QScrollArea)
    return scroll, scroll.viewport()


def right_edge_in(widget: QWidget, viewport: QWidget) -> int:
    return widget.mapTo(viewport, widget.rect().topRight()).x()


@pytest.fixture
def small_today(open_window, qtbot):
    """Today in a window of the size chosen for a 1024x600 screen, two sessions on the
    day, the second one's "Pain during" refused (12)."""
    ctx, window = open_window()
    window.setMinimumSize(QSize(0, 0))
    window.resize(mw.first_geometry(SMALL).size())
    page = window.pages["today"]
    for minutes in ("30", "45"):
        editor = page.add_session()
        editor.minutes.edit.setText(minutes)
        editor.minutes.edit.editingFinished.emit()
    editor = page.session_editors[-1]
    editor.pains["pain_during"].edit.setText("12")
    editor.pains["pain_during"].edit.editingFinished.emit()
    settle(qtbot)
    return window, page


def test_no_horizontal_scroll_bar_at_1024x600_with_two_sessions_and_an_error(small_today):
    window, page = small_today
    scroll, viewport = viewport_of(page)
    assert window.width() <= SMALL.width() and window.height() <= SMALL.height()
    assert len(page.session_editors) == 2
    assert page.session_editors[1].pains["pain_during"].error.isVisible()
    bar = scroll.horizontalScrollBar()
    assert not bar.isVisible() and bar.maximum() == 0
    assert scroll.widget().width() <= viewport.width()


def test_every_session_field_delete_red_flag_and_add_event_lie_inside_the_view(small_today):
    _window, page = small_today
    _scroll, viewport = viewport_of(page)
    width = viewport.width()
    for editor in page.session_editors:
        widgets = [editor.kind, editor.minutes, editor.rpe, editor.distance,
                   *editor.pains.values(), editor.site, editor.delete_button, editor.notes]
        for widget in widgets:
            assert widget.isVisible()
            assert widget.mapTo(viewport, widget.rect().topLeft()).x() >= 0
            assert right_edge_in(widget, viewport) <= width, widget.accessibleName()
    for box in page.flag_boxes.values():
        assert right_edge_in(box, viewport) <= width, box.text()
    for widget in (page.events.add_button, page.checkin.fields["stress"],
                   page.checkin.sleep_quality, page.sessions.add_session_button):
        assert right_edge_in(widget, viewport) <= width


def test_a_refusal_spans_the_row_under_the_fields(small_today):
    _window, page = small_today
    editor = page.session_editors[1]
    field = editor.pains["pain_during"]
    error = field.error
    assert error.text().startswith("Pain during")
    # under the row of fields, as wide as the editor: one line, not a six-line column
    assert error.width() > editor.width() * 0.7
    assert error.height() < 2.5 * error.fontMetrics().lineSpacing()
    below = error.mapTo(editor, error.rect().topLeft()).y()
    assert below > editor.delete_button.mapTo(editor, editor.delete_button.rect().topLeft()).y()
    # the row is not pushed out of line: the refused field's top is its neighbours'
    top = field.edit.mapTo(editor, field.edit.rect().topLeft()).y()
    before = editor.pains["pain_before"].edit
    assert abs(top - before.mapTo(editor, before.rect().topLeft()).y()) <= 4


def test_a_check_in_refusal_spans_the_section(open_window, qtbot):
    _ctx, window = open_window()
    page = window.pages["today"]
    stress = page.checkin.fields["stress"]
    stress.edit.setText("11")
    stress.edit.editingFinished.emit()
    settle(qtbot)
    assert stress.error.isVisible() and stress.error.text().startswith("Stress")
    assert stress.error.width() > stress.width() * 3


def test_the_red_flags_reflow_to_one_column_on_a_narrow_window(open_window, qtbot):
    _ctx, window = open_window()
    page = window.pages["today"]
    lefts = lambda: {b.mapTo(page, b.rect().topLeft()).x()  # noqa: E731
                     for b in page.flag_boxes.values()}
    window.resize(1280, 700)
    settle(qtbot)
    assert len(lefts()) >= 2
    window.setMinimumSize(QSize(0, 0))
    window.resize(640, 500)
    settle(qtbot)
    assert len(lefts()) == 1
    _scroll, viewport = viewport_of(page)
    assert max(right_edge_in(b, viewport) for b in page.flag_boxes.values()) <= viewport.width()


@pytest.mark.parametrize("screen", [QRect(0, 0, 1024, 600), QRect(0, 0, 1366, 768),
                                    QRect(0, 24, 1366, 744), QRect(0, 0, 1920, 1080),
                                    QRect(1920, 0, 960, 540)])
def test_the_first_window_size_comes_from_the_screen(screen):
    first = mw.first_geometry(screen)
    room = mw.FRAME_ROOM
    # with its title bar and borders, never taller or wider than the free area
    assert first.width() + room.width() <= screen.width()
    assert first.height() + room.height() <= screen.height()
    assert screen.contains(first)
    if screen.width() >= 1400 and screen.height() >= 1000:
        assert (first.width(), first.height()) == mw.PREFERRED_SIZE
    if screen.height() <= 768:
        assert first.height() < 768  # the old 780 was taller than a 768-px screen


def test_the_window_opens_within_its_screen(open_window):
    _ctx, window = open_window()
    available = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= available.width()
    assert window.frameGeometry().height() <= available.height()
    assert window.minimumWidth() <= available.width()
    assert window.minimumHeight() <= available.height()


def test_a_size_saved_on_a_larger_screen_is_brought_inside_this_one(open_window, qtbot):
    _ctx, window = open_window()
    available = window.screen().availableGeometry()
    window.setMinimumSize(QSize(0, 0))
    window.setGeometry(0, 0, available.width() + 600, available.height() + 400)
    ui_settings.set("window.geometry", window.saveGeometry().data())
    window._restore_geometry()
    assert window.frameGeometry().width() <= available.width()
    assert window.frameGeometry().height() <= available.height()


def test_the_page_ends_with_its_last_section_not_a_blank_screen(small_today):
    """Scrolled to the end, the questions list shows: wrapped rows must not make the page
    as tall as if every field sat on a line of its own (a blank screen after the list)."""
    _window, page = small_today
    scroll, viewport = viewport_of(page)
    last = page.sections[-1]
    bottom = last.mapTo(scroll.widget(), last.rect().bottomLeft()).y()
    assert scroll.widget().height() - bottom < 40
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert last.visibleRegion().boundingRect().height() > 0


def test_no_horizontal_scroll_bar_even_at_the_smallest_window(small_today, qtbot):
    """The date bar wraps too: at the window's smallest size (720x480) the title's
    arrows, Go to, Today and "Saved" move onto two lines rather than off the side."""
    window, page = small_today
    window.resize(mw.MINIMUM_SIZE)
    settle(qtbot)
    scroll, viewport = viewport_of(page)
    assert not scroll.horizontalScrollBar().isVisible()
    for widget in (page.next_button, page.today_button, page.date_edit, page.saved_label):
        assert right_edge_in(widget, viewport) <= viewport.width()
    assert page.today_button.mapTo(page, page.today_button.rect().topLeft()).y() > \
        page.next_button.mapTo(page, page.next_button.rect().bottomLeft()).y()


def test_the_cursor_sent_below_the_edge_brings_its_field_into_view(open_window, qtbot):
    """Ctrl+N a second time put the cursor in the new session's Activity under the
    window's edge: it showed only after four Tabs (review of issue 18)."""
    from PySide6.QtCore import Qt

    ctx, window = open_window()
    window.setMinimumSize(QSize(0, 0))
    window.resize(mw.first_geometry(SMALL).size())
    page = window.show_page("today")
    settle(qtbot)
    scroll, viewport = viewport_of(page)
    for _ in range(3):
        qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot)
        field = page.session_editors[-1].kind
        assert field.hasFocus()
        top = field.mapTo(viewport, field.rect().topLeft()).y()
        bottom = field.mapTo(viewport, field.rect().bottomLeft()).y()
        assert top >= 0 and bottom <= viewport.height(), (top, bottom, viewport.height())
