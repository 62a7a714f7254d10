"""Edit > Preferences fits the screen (issue 18 item 3, review of 01:52): on a 1024x600
screen the dialog was 741x682 with OK and Cancel below the screen's edge. Its options now
scroll inside it and the buttons always show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialogButtonBox

from rehabjournal.ui.preferences import FRAME_ROOM, PreferencesDialog

from .conftest import SMALL_SCREEN, settle

SMALL = QRect(0, 0, *SMALL_SCREEN)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def prefs(open_window, qtbot):
    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    return window, dialog


def inside(widget, dialog) -> bool:
    rect = QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())
    return dialog.rect().contains(rect)


def test_on_a_1024x600_screen_the_dialog_fits_and_ok_cancel_show(prefs, qtbot):
    _window, dialog = prefs
    assert dialog.body.sizeHint().height() > SMALL.height() - FRAME_ROOM.height()  # the case
    dialog.fit_to_screen(SMALL)
    dialog.show()
    settle(qtbot)
    assert dialog.height() + FRAME_ROOM.height() <= SMALL.height()
    assert dialog.width() + FRAME_ROOM.width() <= SMALL.width()
    buttons = dialog.findChild(QDialogButtonBox)
    for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel):
        button = buttons.button(which)
        assert button.isVisible() and inside(button, dialog), button.text()
    # the options scroll (up and down only) and the last one can be reached
    scroll = dialog.scroll
    assert scroll.verticalScrollBar().maximum() > 0
    assert scroll.horizontalScrollBar().maximum() == 0
    scroll.ensureWidgetVisible(dialog.autostart_check)
    settle(qtbot)
    top = dialog.autostart_check.mapTo(scroll.viewport(), dialog.autostart_check.rect()
                                       .topLeft()).y()
    assert 0 <= top <= scroll.viewport().height() - dialog.autostart_check.height()


def test_the_dialog_opens_within_its_real_screen(prefs, qtbot):
    window, dialog = prefs
    dialog.show()
    settle(qtbot)
    free = window.screen().availableGeometry()
    assert dialog.height() + FRAME_ROOM.height() <= free.height()
    assert free.contains(dialog.geometry())


def test_on_a_large_screen_nothing_scrolls(prefs, qtbot):
    _window, dialog = prefs
    dialog.fit_to_screen(QRect(0, 0, 1920, 1080))
    dialog.show()
    settle(qtbot)
    assert dialog.scroll.verticalScrollBar().maximum() == 0
