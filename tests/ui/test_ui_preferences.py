"""Settings through the real dialogs: built from the registry, saved as one undo step.

Thresholds are settings: changing one in Preferences changes the light on Today. The
outcome-measure schedule is saved the same way. Each save has three outcomes: saved (one
undo step), invalid (the reason in the dialog, nothing written) and write failed (the
window's banner, the dialog and its values kept).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QSpinBox

from rehabjournal.services import journal as js
from rehabjournal.services import outcomes as svc
from rehabjournal.services import settings
from rehabjournal.store import models as m
from rehabjournal.ui.outcome_settings import OutcomeSettingsDialog
from rehabjournal.ui.preferences import PreferencesDialog

from .conftest import DISK_FULL, TODAY, fail_writes


@pytest.fixture
def prefs(open_window, qtbot):
    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    return ctx, window, dialog


def test_the_dialog_is_built_from_the_registry(prefs):
    _ctx, _window, dialog = prefs
    shown = settings.options(page=settings.PREFERENCES)
    assert list(dialog.editors) == [o.key for o in shown]  # one editor each, in order
    form = dialog.findChild(QFormLayout)
    for row, opt in enumerate(shown):
        editor = dialog.editors[opt.key]
        # (getWidgetPosition and labelForField, not itemAt: see ui/layouts.py)
        assert form.getWidgetPosition(editor) == (row, QFormLayout.ItemRole.FieldRole)
        label = form.labelForField(editor)
        assert isinstance(label, QLabel) and label.text() == opt.label
        assert isinstance(editor, QDoubleSpinBox if opt.type is float else QSpinBox)
        assert (editor.minimum(), editor.maximum()) == (opt.minimum, opt.maximum)
        assert editor.singleStep() == opt.step
        assert editor.toolTip() == opt.help
        assert editor.objectName() == opt.field
        assert editor.value() == opt.default
    hidden = [o for o in settings.options(where=settings.JOURNAL)
              if o.page != settings.PREFERENCES]
    assert hidden and not any(o.key in dialog.editors for o in hidden)


def test_green_threshold_setting_changes_the_light(open_window, qtbot):
    ctx, window = open_window()
    yesterday = TODAY - timedelta(days=1)
    for i in range(2, 9):  # a settled week of morning pain 1
        js.save_checkin(TODAY - timedelta(days=i), {"morning_pain": 1})
    js.add_session(yesterday, {"kind": "run", "minutes": 30, "rpe": 4, "pain_during": 3,
                               "pain_after": 3})
    js.save_checkin(TODAY, {"morning_pain": 1})  # also the run's next-morning rating
    page = window.show_page("today")
    page.load()
    assert page.light_badge.colour == "amber"  # peak 3 > default green maximum of 2

    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    changed = []
    ctx.settings_changed.connect(lambda: changed.append(True))
    dialog.editors["thresholds.green_peak_max"].setValue(3)
    dialog.accept()
    assert js.thresholds().green_peak_max == 3
    assert page.light_badge.colour == "green"
    assert changed == [True]
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted

    # one undo step brings the old threshold, and the old light, back
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Change preferences"
    ctx.undo_stack.undo()
    assert js.thresholds().green_peak_max == 2
    assert page.light_badge.colour == "amber"
    ctx.undo_stack.redo()
    assert js.thresholds().green_peak_max == 3


def test_inconsistent_thresholds_are_refused_with_a_reason(prefs):
    ctx, _window, dialog = prefs
    dialog.editors["thresholds.acceptable_pain"].setValue(2)
    dialog.editors["thresholds.green_peak_max"].setValue(4)
    dialog.accept()
    assert dialog.error.text() == (
        "\u201cGreen when peak pain is at most\u201d (4) must be below "
        "\u201cAcceptable pain during/after (0-10)\u201d (2).")
    assert dialog.result() == 0, "the dialog stays open to fix the values"
    assert js.thresholds().acceptable_pain == 5, "nothing saved"
    assert ctx.undo_stack.count() == 0


def test_ok_without_a_change_saves_nothing(prefs):
    ctx, _window, dialog = prefs
    dialog.accept()
    assert ctx.undo_stack.count() == 0
    assert m.Setting.select().count() == 0


def test_restore_defaults_puts_the_registry_defaults_back(prefs):
    settings.set("thresholds.baseline_days", 10)
    _ctx, window, _old = prefs
    dialog = PreferencesDialog(window.ctx, window)
    assert dialog.editors["thresholds.baseline_days"].value() == 10
    dialog.restore_defaults()
    assert dialog.values() == settings.defaults(dialog.editors)


def test_disk_full_shows_the_banner_and_keeps_the_dialog(prefs, monkeypatch):
    ctx, window, dialog = prefs
    dialog.editors["thresholds.acceptable_pain"].setValue(7)
    with monkeypatch.context() as patch:
        fail_writes(patch)
        dialog.accept()
    assert window.write_banner.isVisible()
    assert DISK_FULL in window.write_banner.label.text()
    assert dialog.result() == 0 and dialog.editors["thresholds.acceptable_pain"].value() == 7
    assert js.thresholds().acceptable_pain == 5 and ctx.undo_stack.count() == 0
    dialog.accept()  # room again: OK saves, and the banner goes away
    assert js.thresholds().acceptable_pain == 7
    assert not window.write_banner.isVisible()


# ---- the outcome-measure schedule ------------------------------------------------------------

@pytest.fixture
def schedule(open_window, qtbot):
    ctx, window = open_window()
    dialog = OutcomeSettingsDialog(window, ctx)
    qtbot.addWidget(dialog)
    return ctx, window, dialog


def test_schedule_dialog_takes_range_and_texts_from_registry_and_instruments(schedule):
    _ctx, _window, dialog = schedule
    every = settings.option("outcomes.every_days")
    assert (dialog.every.minimum(), dialog.every.maximum()) == (every.minimum, every.maximum)
    assert dialog.every.value() == every.default and dialog.every.toolTip() == every.help
    blurbs = [w.text() for w in dialog.findChildren(QLabel) if w.indent() == 22]
    assert blurbs == [i.blurb for i in svc.available()]


def test_schedule_is_saved_as_one_undo_step(schedule):
    ctx, _window, dialog = schedule
    dialog.checks["koos"].setChecked(True)
    dialog.checks["psfs"].setChecked(True)
    dialog.every.setValue(21)
    dialog.save()
    assert svc.get_schedule() == {"instruments": ["koos", "psfs"], "every_days": 21}
    assert dialog.result() == OutcomeSettingsDialog.DialogCode.Accepted
    assert ctx.undo_stack.undoText() == "Change outcome-measure schedule"
    ctx.undo_stack.undo()
    assert svc.get_schedule() == {"instruments": [], "every_days": 14}


def test_a_refused_schedule_shows_why(schedule, monkeypatch):
    ctx, _window, dialog = schedule
    monkeypatch.setattr(dialog, "chosen", lambda: ["womac"])  # not a shipped instrument
    dialog.save()
    assert not dialog.error.isHidden() and "womac" in dialog.error.text()
    assert dialog.result() == 0 and ctx.undo_stack.count() == 0


def test_a_schedule_not_written_shows_the_banner(schedule, monkeypatch):
    ctx, window, dialog = schedule
    dialog.checks["lefs"].setChecked(True)
    with monkeypatch.context() as patch:
        fail_writes(patch)
        dialog.save()
    assert window.write_banner.isVisible() and DISK_FULL in window.write_banner.label.text()
    assert dialog.result() == 0 and dialog.checks["lefs"].isChecked()
    assert svc.get_schedule()["instruments"] == [] and ctx.undo_stack.count() == 0


# ---- machine settings ---------------------------------------------------------------------------

def test_machine_options_live_in_qsettings(open_window):
    from rehabjournal.ui import settings as ui_settings

    open_window()
    ui_settings.set("window.geometry", b"\x01\xd9\xd0\xcb")
    stored = QSettings().value("window/geometry")
    assert isinstance(stored, QByteArray) and bytes(stored.data()) == b"\x01\xd9\xd0\xcb"
    assert ui_settings.get("window.geometry") == b"\x01\xd9\xd0\xcb"
    assert m.Setting.select().count() == 0  # never in the journal
