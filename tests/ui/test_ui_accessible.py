"""Accessible names (issue 18 item 8): what a screen reader reads for each control.

A screen reader reads the accessible interface Qt gives it (``QAccessible``): a control's
name, then its role, then its description. These tests walk the widget tree of every page
over the demo journal (each tab, Today with its session rows added by Ctrl+N after the
page was built) and of the main dialogs (Preferences, Welcome, the template dialog), and
fail on any control the Tab key reaches that would be read without a name. They also read
a few names and descriptions as a screen reader gets them ("Morning pain", "0 to 10"),
and check that the light is never told by its colour alone.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox, QTabWidget, QWidget

from rehabjournal.ui import accessibility as a11y
from rehabjournal.ui.main_window import PAGES

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def read(widget: QWidget) -> tuple[str, str]:
    """(name, description) as a screen reader gets them from Qt."""
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Description)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def described(widgets) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} in "
            f"{type(w.parentWidget()).__name__} {w.parentWidget().objectName()!r}"
            for w in widgets]


def assert_all_named(root: QWidget) -> None:
    """Every control of ``root`` is named, and Qt reads that name."""
    missing = a11y.unnamed_controls(root)
    assert described(missing) == []
    for widget in [root, *root.findChildren(QWidget)]:
        if a11y.is_control(widget) and not isinstance(widget, QComboBox):
            name, _description = read(widget)
            assert name.strip(), described([widget])


@pytest.fixture
def demo_window(open_window, tmp_path):
    from rehabjournal.services.demo import generate_demo
    from rehabjournal.store.db import close_journal, open_journal

    data = tmp_path / "demo"
    open_journal(data)
    generate_demo(end=TODAY)
    close_journal()
    return open_window(profile=False, data_dir=data)


def test_every_control_of_every_page_has_a_name(demo_window, qtbot):
    ctx, window = demo_window
    for key, title, _module in PAGES:
        page = window.show_page(key)
        settle()
        assert page.accessibleName() == title
        for tabs in page.findChildren(QTabWidget):  # each tab built and shown once
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                settle()
        assert_all_named(page)


def test_rows_added_later_are_named_too(demo_window, qtbot):
    ctx, window = demo_window
    page = window.show_page("today")
    before = len(page.session_editors)
    for _ in range(2):  # two new sessions, built after the page
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: len(page.session_editors) == before + 2)
    settle()
    assert_all_named(page)
    page.set_day(date(2026, 3, 10))  # another day: every row rebuilt
    settle()
    assert_all_named(page)


def test_a_screen_reader_reads_the_name_and_the_range(open_window, qtbot):
    ctx, window = open_window()
    page = window.pages["today"]
    morning = page.fields["morning_pain"]
    assert read(morning.edit) == ("Morning pain", "0 to 10")
    assert read(page.fields["sleep_hours"].edit)[1].startswith("0 to 24")
    # a refusal is read too, beside the range
    morning.edit.setText("12")
    morning.edit.editingFinished.emit()
    name, description = read(morning.edit)
    assert name == "Morning pain"
    assert description.startswith(morning.error.text()) and description.endswith("(0 to 10)")
    morning.edit.setText("3")
    morning.edit.editingFinished.emit()
    assert read(morning.edit)[1] == "0 to 10"
    # a button drawn "<" is read as what it does, not "less than"
    assert read(page.prev_button)[0] == "Previous day"
    assert read(page.next_button)[0] == "Next day"
    # a combo box has its label's name, not its current item's (Qt on Linux reads the
    # current item as the name and the label through a relation; Windows, macOS the name)
    assert page.checkin.swelling.accessibleName() == "Swelling"
    # ... so its description says what it is for and what it offers (Orca read "none")
    swelling = read(page.checkin.swelling)[1]
    assert swelling.startswith("Swelling: one of ") and "mild" in swelling, swelling
    assert read(page.checkin.sleep_quality)[1].startswith("Sleep quality: one of ")
    progress = window.show_page("progress")
    settle()
    assert progress.period.accessibleName() == "Period"
    journal = window.show_page("journal")
    settle()
    assert read(journal.table)[0] == "Days"
    assert read(journal.from_edit)[0] == "Period from"


def test_the_dialogs_name_their_controls(open_window, qtbot):
    from rehabjournal.ui.preferences import PreferencesDialog

    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert_all_named(dialog)
    spin = next(iter(dialog.editors.values()))
    name, description = read(spin)
    assert name and " to " in description  # "Acceptable pain ..., 1 to 9"

    page = window.show_page("programme")
    action = page.programmes.template_menu.actions()[0]
    action.trigger()
    template = page.programmes.template_dialog
    assert_all_named(template)
    assert read(template.name_edit)[0] == "Programme name"
    template.reject()


def test_welcome_names_each_field_by_its_label(open_window, qtbot):
    ctx, window = open_window(profile=False)
    welcome = window.welcome
    assert_all_named(welcome)
    assert read(welcome.name)[0] == "Name"
    assert welcome.condition.accessibleName() == "Condition"
    assert read(welcome.onset)[0] == "Pain began"
    assert read(welcome.clinician)[0] == "Clinician"


def test_the_light_says_its_word_not_only_its_colour(demo_window, qtbot):
    from rehabjournal.ui.pages.journal import COLUMNS

    ctx, window = demo_window
    page = window.show_page("today")
    light = page.current_light
    heading = light.heading
    assert page.light.advice.text().startswith(f"<b>{heading}") or heading in (
        page.light.advice.text())
    assert page.light_badge.accessibleName().startswith("light: ")
    journal = window.show_page("journal")
    settle()
    column = [k for k, _t in COLUMNS].index("light")
    model = journal.model
    words = {model.index(r, column).data() for r in range(model.rowCount())}
    words.discard("")
    assert words and words <= {"green", "amber", "red", "waiting", "! red flag", "? red flag"}


def test_name_controls_takes_the_label_the_form_and_the_tooltip():
    from PySide6.QtWidgets import (
        QFormLayout,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QSpinBox,
        QToolButton,
    )

    root = QWidget()
    outer = QHBoxLayout(root)
    buddy_label = QLabel("&Go to:")
    by_buddy = QLineEdit()
    buddy_label.setBuddy(by_buddy)
    form = QFormLayout()
    by_row = QSpinBox()
    by_row.setRange(1, 20)
    by_row.setSuffix(" days")
    form.addRow("<b>Baseline</b> days:", by_row)
    by_tip = QToolButton()
    by_tip.setText(">")
    by_tip.setToolTip("Next day (Alt+Right)")
    named = QLineEdit()
    named.setAccessibleName("Set by hand")
    for w in (buddy_label, by_buddy, by_tip, named):
        outer.addWidget(w)
    outer.addLayout(form)
    assert a11y.name_controls(root) == []
    assert by_buddy.accessibleName() == "Go to"
    assert by_row.accessibleName() == "Baseline days"
    assert by_row.accessibleDescription() == "1 to 20 days"
    assert by_tip.accessibleName() == "Next day"
    assert named.accessibleName() == "Set by hand"
    buddy_label.setText("&Jump to")  # a name given by the mechanism follows its label
    a11y.name_controls(root)
    assert by_buddy.accessibleName() == "Jump to"
    root.deleteLater()
