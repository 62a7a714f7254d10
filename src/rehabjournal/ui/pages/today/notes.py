"""The day's notes: saved a moment after typing stops, and when the day or page changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QSizePolicy, QVBoxLayout

from ....services import journal as js
from ...context import AppContext
from ...edit_path import apply_edit

SAVE_AFTER_MS = 800


class NotesSection(QGroupBox):
    """A free-text note for the day (part of the check-in).

    Attributes:
        notes: the text box.
        saved_text: the note as last read or saved.
    """

    def __init__(self, ctx: AppContext):
        super().__init__(self.tr("&Notes"))
        self.ctx = ctx
        self.day: date = ctx.today()
        self.saved_text = ""
        layout = QVBoxLayout(self)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        # questions have their own list below (ui/pages/today/questions.py): they reach the
        # report's questions, notes do not
        self.notes.setPlaceholderText(self.tr(
            "Anything worth remembering: what felt different, what you did... Questions for "
            "your physio go in the list below (Ctrl+J)."))
        self.notes.setMinimumHeight(80)
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.notes)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save)
        self.notes.textChanged.connect(self._timer.start)

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        self.saved_text = (js.get_checkin(self.day) or {}).get("notes") or ""
        if self.notes.toPlainText() != self.saved_text:  # keep the cursor when unchanged
            self.notes.blockSignals(True)
            self.notes.setPlainText(self.saved_text)
            self.notes.blockSignals(False)

    def save(self) -> None:
        """Save the note now if it changed (a failed write keeps the text for a retry)."""
        self._timer.stop()
        text = self.notes.toPlainText()
        if text == self.saved_text:
            return
        if apply_edit(self.ctx, lambda: js.edit_checkin(self.day, {"notes": text}),
                      source=self):
            self.saved_text = text

    def flush(self) -> None:
        """Save anything still waiting (a note typed less than a moment ago)."""
        if self._timer.isActive():
            self.save()
