"""View > Appearance (issue 18 item 7): System, Light, Dark, applied live and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication


@pytest.fixture
def system_after():
    """Every test leaves the application as it found it (System)."""
    from rehabjournal.ui import appearance
    from rehabjournal.ui import settings as ui_settings

    yield appearance
    appearance.apply(appearance.SYSTEM)
    ui_settings.set("appearance.mode", "system")


def _window_colour() -> int:
    return QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness()


def test_the_menu_switches_live_and_remembers(open_window, qtbot, system_after):
    from rehabjournal.ui import settings as ui_settings

    ctx, window = open_window()
    actions = window.appearance_actions
    assert [a.text() for a in actions.values()] == ["&System", "&Light", "&Dark"]
    assert actions["system"].isChecked()
    menu = window.view_menu.findChild(type(window.view_menu), "menu_appearance")
    assert menu is not None and menu.title() == "&Appearance"

    messages = []
    ctx.status.connect(messages.append)
    actions["dark"].trigger()
    assert actions["dark"].isChecked() and not actions["system"].isChecked()
    assert _window_colour() < 80
    assert QApplication.instance().style().name().lower() == "fusion"
    qtbot.waitUntil(  # the open window follows at once
        lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 80)
    assert ui_settings.get("appearance.mode") == "dark"
    # the sidebar has a style sheet: it follows too (it stayed white before)
    assert window.nav.palette().color(QPalette.ColorRole.Base).lightness() < 80
    assert messages[-1] == "Appearance: Dark"

    actions["light"].trigger()
    assert _window_colour() > 200
    assert ui_settings.get("appearance.mode") == "light"

    actions["system"].trigger()
    assert ui_settings.get("appearance.mode") == "system"


def test_the_choice_is_applied_at_the_next_start(open_window, system_after):
    from rehabjournal.ui import settings as ui_settings
    from rehabjournal.ui.app import application

    ui_settings.set("appearance.mode", "dark")
    application()  # what run_gui does first
    assert _window_colour() < 80
    _ctx, window = open_window()
    assert window.appearance_actions["dark"].isChecked()


def test_charts_follow_the_dark_palette(open_window, qtbot, system_after):
    from rehabjournal.ui.chart_canvas import ChartCanvas

    _ctx, window = open_window()
    page = window.show_page("progress")
    canvases = page.findChildren(ChartCanvas)
    assert canvases
    assert not any(c.chart.theme.dark for c in canvases)
    window.set_appearance("dark")
    qtbot.waitUntil(lambda: all(c.chart.theme.dark for c in canvases), timeout=3000)
    window.set_appearance("light")
    qtbot.waitUntil(lambda: not any(c.chart.theme.dark for c in canvases), timeout=3000)


def test_a_bad_stored_value_reads_as_system(system_after):
    from PySide6.QtCore import QSettings

    from rehabjournal.ui import settings as ui_settings

    QSettings().setValue("appearance/mode", "purple")
    assert ui_settings.get("appearance.mode") == "system"
    with pytest.raises(Exception, match="Appearance must be one of system, light, dark"):
        ui_settings.set("appearance.mode", "purple")
