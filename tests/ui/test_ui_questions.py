"""Questions for the physio on Today (issue 18 item 4), typed with the keyboard only.

Keys go to the widget that has the focus, as on a real keyboard: Ctrl+J to the field, the
question, Enter; Tab to its "Asked" box and Space; Ctrl+Z. What the person sees is checked
(the rows, the Reports page's list), and what the report will print (open questions).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from rehabjournal.services import questions as qs
from rehabjournal.ui.pages.today.questions import SHORTCUT

CTRL = Qt.KeyboardModifier.ControlModifier


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focus(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focus(), text)


def shown(section) -> list[tuple[str, bool]]:
    return [(row.text.text(), row.asked.isChecked()) for row in section.rows]


def test_a_question_added_ticked_and_undone_with_the_keyboard(open_window, qtbot):
    ctx, window = open_window()
    page = window.show_page("today")
    section = page.questions
    assert section.title() == "Questions for your physio"
    assert section.findChild(QLabel, "questionsEmpty").text().startswith("No questions yet.")

    press(qtbot, Qt.Key.Key_J, CTRL)
    assert focus() is section.field
    assert not section.visibleRegion().isEmpty()  # scrolled into view
    type_text(qtbot, "Naive question: ice or heat?")
    press(qtbot, Qt.Key.Key_Return)
    assert shown(section) == [("Naive question: ice or heat?", False)]
    assert qs.open_questions() == ["Naive question: ice or heat?"]
    assert section.field.text() == "" and focus() is section.field  # ready for the next
    assert window.statusBar().currentMessage().startswith("Question added")

    type_text(qtbot, "  When can I run 5 km?  ")
    press(qtbot, Qt.Key.Key_Return)
    assert shown(section) == [("Naive question: ice or heat?", False),
                              ("When can I run 5 km?", False)]

    # Tab: the button, then the first question's text, then its "Asked" box
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Tab)
    assert focus() is section.rows[0].asked
    press(qtbot, Qt.Key.Key_Space)
    assert qs.open_questions() == ["When can I run 5 km?"]
    assert shown(section) == [("When can I run 5 km?", False)]  # asked ones are folded
    assert section.show_asked.isVisible()
    assert section.show_asked.text() == "Show asked questions (1)"
    assert focus() is section.rows[0].asked, "the cursor stays in the list, not the sidebar"
    assert not window.nav.hasFocus()

    # one undo step per change: the tick, then the second question
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert qs.open_questions() == ["Naive question: ice or heat?", "When can I run 5 km?"]
    assert shown(section) == [("Naive question: ice or heat?", False),
                              ("When can I run 5 km?", False)]
    ctx.undo_stack.undo()
    assert qs.open_questions() == ["Naive question: ice or heat?"]
    ctx.undo_stack.redo()
    assert qs.open_questions() == ["Naive question: ice or heat?", "When can I run 5 km?"]


def test_reword_untick_and_delete_each_one_undo_step(open_window, qtbot):
    ctx, window = open_window()
    first = qs.edit_add("Ice or heat?").result
    qs.edit_add("Stairs: one at a time?")
    qs.edit_set_asked(first, True)
    page = window.show_page("today")
    section = page.questions
    section.refresh()
    assert shown(section) == [("Stairs: one at a time?", False)]

    section.show_asked.setChecked(True)  # the asked ones come back, ticked, in italics
    assert shown(section) == [("Stairs: one at a time?", False), ("Ice or heat?", True)]
    assert section.rows[1].text.font().italic()
    section.rows[1].asked.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # untick: open again, on the report again
    assert qs.open_questions() == ["Ice or heat?", "Stairs: one at a time?"]

    row = section.rows[0]
    row.text.setFocus()
    row.text.selectAll()
    type_text(qtbot, "Ice or heat after a run?")
    press(qtbot, Qt.Key.Key_Return)
    assert qs.open_questions() == ["Ice or heat after a run?", "Stairs: one at a time?"]
    steps = ctx.undo_stack.count()

    row.text.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Return)  # emptied: refused beside the list, words put back
    assert section.error.isVisible()
    assert section.error.text() == "A question cannot be empty: use Delete to remove it."
    assert row.text.text() == "Ice or heat after a run?"
    assert ctx.undo_stack.count() == steps

    section.rows[0].delete.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert qs.open_questions() == ["Stairs: one at a time?"]
    assert focus() is section.rows[0].delete
    assert ctx.undo_stack.count() == steps + 1
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [q["text"] for q in qs.list_questions()] == ["Ice or heat after a run?",
                                                        "Stairs: one at a time?"]
    assert [t for t, _ in shown(section)] == ["Ice or heat after a run?",
                                              "Stairs: one at a time?"]


def test_the_shortcut_clashes_with_no_standard_key_nor_the_apps_own(open_window):
    ctx, window = open_window()
    ours = QKeySequence(SHORTCUT)
    assert ours != QKeySequence(QKeySequence.StandardKey.Quit)
    for key in QKeySequence.StandardKey:
        assert ours not in QKeySequence.keyBindings(key), key
    actions = [a for a in window.findChildren(type(window.menuBar().actions()[0]))]
    assert all(ours not in a.shortcuts() for a in actions)
    owners = [s for s in window.findChildren(QShortcut) if ours in list(s.keys())]
    assert owners == [window.pages["today"].questions.shortcut]
    assert owners[0].whatsThis() == "Today: Add a question for your physio"
    from rehabjournal.ui.shortcuts import shortcut_rows

    assert ("Today", "Add a question for your physio", "Ctrl+J") in shortcut_rows(window)
    assert isinstance(window, QMainWindow)


def test_the_notes_point_at_the_list(open_window):
    ctx, window = open_window()
    text = window.pages["today"].notes.placeholderText()
    assert "Questions for your physio go in the list below (Ctrl+J)" in text


def test_the_reports_page_lists_the_open_questions(open_window, qtbot):
    ctx, window = open_window()
    reports = window.show_page("reports")
    assert reports.questions_label.text().startswith("No open questions.")
    page = window.show_page("today")
    page.questions.field.setText("Ice or heat after a run?")
    page.questions.add_question()
    assert reports.questions_label.text() == "\u2610 Ice or heat after a run?"
    for n in range(9):
        qs.edit_add(f"Question {n}")
    reports.refresh_questions()
    lines = reports.questions_label.text().splitlines()
    assert len(lines) == 9 and lines[-1] == "\u2026 and 2 more, printed at the end"


def test_an_empty_field_only_gets_the_cursor(open_window, qtbot):
    ctx, window = open_window()
    section = window.show_page("today").questions
    section.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert focus() is section.field
    assert not section.error.isVisible() and qs.list_questions() == []
    assert ctx.undo_stack.count() == 0
