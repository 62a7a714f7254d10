"""Questions for your physio: a list kept for the next appointment (``services.questions``).

Type a question and press Enter (or "Add question"); tick "Asked" once it has been asked
and it leaves the report; Delete removes it. Every change is one undo step. The open
questions are printed on page one of the clinician report and listed on the Reports page.
The list is the same whichever day the page shows: a question belongs to no day.

Keyboard: ``SHORTCUT`` (Ctrl+J) puts the cursor in the new-question field from anywhere on
the Today page; Alt+U is the "Add question" button; Tab goes through the field, the button,
then each question's text, "Asked" box and Delete. Why Ctrl+J: it is none of Qt's standard
keys on any platform (``QKeySequence.StandardKey``: Ctrl+Q is Quit, Ctrl+K deletes to the
end of a line on Linux, Ctrl+Shift+A is Deselect there, Ctrl+M minimises on macOS, Ctrl+Alt+
letters are AltGr characters on many keyboards), no menu action or page shortcut of the
app, and no desktop-wide shortcut on GNOME, KDE, Windows or macOS; Ctrl+Shift+Q quits
browsers and some desktops bind it to log out, so it was not taken either.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ....services import questions as qs
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import clear_layout, error_label

SHORTCUT = "Ctrl+J"
"""Puts the cursor in the new-question field (see the module's docstring for why)."""

PLACEHOLDER = QT_TRANSLATE_NOOP(
    "QuestionsSection", "Type a question for your next appointment, e.g. Ice or heat after a run?")
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "QuestionsSection", "No questions yet. Add the ones you want to ask: the open ones are "
    "printed on page one of the report.")
HINT_TEXT = QT_TRANSLATE_NOOP(
    "QuestionsSection", "On page one of the report until you tick \u201cAsked\u201d.")


class QuestionRow(QWidget):
    """One question: its text (editable), an "Asked" tick box and Delete.

    Attributes:
        question: the row's dict (id, text, created, answered) as the list gave it.
        text, asked, delete: the widgets.
    """

    def __init__(self, question: dict, number: int):
        super().__init__()
        self.question = question
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit(question["text"])
        self.text.setCursorPosition(0)
        self.text.setAccessibleName(self.tr("Question {number}").format(number=number))
        self.text.setAccessibleDescription(self.tr("Edit the words, then press Enter or Tab"))
        self.asked = QCheckBox(self.tr("Asked"))
        self.asked.setChecked(question["answered"])
        self.asked.setAccessibleName(self.tr("Asked: question {number}").format(number=number))
        self.asked.setAccessibleDescription(
            self.tr("Ticked once you have asked: {question}").format(question=question["text"]))
        self.delete = QToolButton()
        self.delete.setText(self.tr("Delete"))
        self.delete.setAccessibleName(self.tr("Delete question {number}").format(number=number))
        if question["answered"]:  # asked: in italics (and its box ticked)
            font = self.text.font()
            font.setItalic(True)
            self.text.setFont(font)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.asked)
        layout.addWidget(self.delete)

    def inputs(self) -> list[QWidget]:
        return [self.text, self.asked, self.delete]


class QuestionsSection(QGroupBox):
    """The list of questions for the next appointment, with a field to add one.

    Attributes:
        field, add_button: the new question and its button ("Add question (Ctrl+J)").
        rows: one ``QuestionRow`` per question shown (the open ones, then the asked ones
            when "Show asked questions" is ticked).
        show_asked: shows the questions already asked (hidden while there is none).
        error: the message under the field when a question is refused.
    """

    def __init__(self, ctx: AppContext):
        super().__init__(self.tr("Questions for your physio"))
        self.ctx = ctx
        self.day: date = ctx.today()
        self.rows: list[QuestionRow] = []
        layout = QVBoxLayout(self)
        self.hint = QLabel(QCoreApplication.translate("QuestionsSection", HINT_TEXT))
        self.hint.setObjectName("questionsHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        add_row = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setPlaceholderText(QCoreApplication.translate("QuestionsSection", PLACEHOLDER))
        self.field.setAccessibleName(self.tr("New question for your physio"))
        self.field.setMaxLength(qs.QUESTION_MOST)
        keys = QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.add_button = QPushButton(self.tr("Add q&uestion ({keys})").format(keys=keys))
        self.add_button.setAccessibleName(self.tr("Add question"))
        add_row.addWidget(self.field, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.error = error_label()
        layout.addWidget(self.error)

        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        self.show_asked = QCheckBox(self.tr("Show asked questions"))
        layout.addWidget(self.show_asked)

        self.shortcut = QShortcut(QKeySequence(SHORTCUT), self, activated=self.start_question)
        # listed by Help > Keyboard Shortcuts
        self.shortcut.setWhatsThis(self.tr("Today: Add a question for your physio"))
        self.field.returnPressed.connect(self.add_question)
        self.add_button.clicked.connect(self.add_question)
        self.show_asked.toggled.connect(lambda _on: self.refresh())

    # ---- the page's section protocol ---------------------------------------------------

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows from the journal (after any change, undo and redo included)."""
        questions = qs.list_questions()
        asked = [q for q in questions if q["answered"]]
        shown = [q for q in questions if not q["answered"]]
        self.show_asked.setVisible(bool(asked))
        self.show_asked.setText(self.tr("Show asked questions ({n})").format(n=len(asked)))
        if self.show_asked.isChecked():
            shown += asked
        clear_layout(self.rows_layout)
        self.rows = []
        if not questions:
            empty = QCoreApplication.translate("QuestionsSection", EMPTY_TEXT)
            self.rows_layout.addWidget(QLabel(empty, wordWrap=True,
                                              objectName="questionsEmpty"))
        for number, question in enumerate(shown, start=1):
            row = QuestionRow(question, number)
            row.text.editingFinished.connect(lambda r=row: self.reword(r))
            row.asked.toggled.connect(lambda on, r=row: self.set_asked(r, on))
            row.delete.clicked.connect(lambda _=False, r=row: self.delete_question(r))
            self.rows_layout.addWidget(row)
            row.show()  # now, not at the next event loop turn: Tab may come first
            self.rows.append(row)
        self._link_tab_order()

    def _link_tab_order(self) -> None:
        """Tab: the field, the button, each row's inputs, then "Show asked questions"."""
        chain = [self.field, self.add_button]
        for row in self.rows:
            chain += row.inputs()
        chain.append(self.show_asked)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ---- actions ------------------------------------------------------------------------

    def start_question(self) -> None:
        """Put the cursor in the new-question field (``SHORTCUT``), scrolled into view."""
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:  # the whole list when it fits, the field in any case
            scroll.ensureWidgetVisible(self, 0, 0)
            scroll.ensureWidgetVisible(self.field, 40, 40)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def add_question(self) -> None:
        """Add the typed question; an empty field just gets the cursor."""
        text = self.field.text()
        if not text.strip():
            self.error.hide()
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        edit = apply_edit(self.ctx, lambda: qs.edit_add(text), message=self.show_error,
                          source=self)
        if edit is None:
            return
        self.error.hide()
        self.field.clear()
        self.refresh()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)  # ready for the next one

    def reword(self, row: QuestionRow) -> None:
        """Save a question's new words (Enter or leaving its field)."""
        text = row.text.text()
        if text.strip() == row.question["text"]:
            return
        edit = apply_edit(self.ctx, lambda: qs.edit_text(row.question["id"], text),
                          message=self.show_error, source=self)
        if edit is None:
            row.text.setText(row.question["text"])  # the words it still has
            return
        self.error.hide()
        row.question = {**row.question, "text": text.strip()}

    def set_asked(self, row: QuestionRow, asked: bool) -> None:
        """Tick a question as asked (it leaves the report) or untick it."""
        index = self.rows.index(row)
        edit = apply_edit(self.ctx, lambda: qs.edit_set_asked(row.question["id"], asked),
                          message=self.show_error, source=self)
        self.refresh()
        if edit is not None:
            self.error.hide()
        self._focus_row(index, "asked")

    def delete_question(self, row: QuestionRow) -> None:
        index = self.rows.index(row)
        if apply_edit(self.ctx, lambda: qs.edit_delete(row.question["id"]),
                      message=self.show_error, source=self):
            self.error.hide()
        self.refresh()
        self._focus_row(index, "delete")

    def _focus_row(self, index: int, which: str) -> None:
        """After a row changed or went: the same input of the row now at ``index`` (or the
        one before), else the new-question field; never the sidebar."""
        if not self.isVisible():
            return
        if self.rows:
            row = self.rows[min(index, len(self.rows) - 1)]
            getattr(row, which).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
