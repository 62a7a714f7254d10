"""Thresholds are settings: changing one in Preferences changes the light on Today."""

from __future__ import annotations

from datetime import timedelta

from rehabjournal.services import journal as js
from rehabjournal.ui.preferences import PreferencesDialog

from .conftest import TODAY


def test_green_threshold_setting_changes_the_light(open_window, qtbot):
    ctx, window = open_window()
    yesterday = TODAY - timedelta(days=1)
    for i in range(2, 9):  # a settled week of morning pain 1
        js.save_checkin(TODAY - timedelta(days=i), {"morning_pain": 1})
    js.add_session(yesterday, {"kind": "run", "minutes": 30, "rpe": 4, "pain_during": 3,
                               "pain_after": 3, "next_morning_pain": 1})
    js.save_checkin(TODAY, {"morning_pain": 1})
    page = window.show_page("today")
    page.load()
    assert page.light_badge.colour == "amber"  # peak 3 > default green maximum of 2

    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.editors["green_peak_max"].setValue(3)
    dialog.accept()
    assert js.thresholds().green_peak_max == 3
    assert page.light_badge.colour == "green"


def test_inconsistent_thresholds_are_refused_with_a_reason(open_window, qtbot):
    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.editors["acceptable_pain"].setValue(2)
    dialog.editors["green_peak_max"].setValue(4)
    dialog.accept()
    assert "do not fit together" in dialog.error.text()
    assert js.thresholds().acceptable_pain == 5, "nothing saved"
