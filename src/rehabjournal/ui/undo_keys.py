"""Ctrl+Z and Ctrl+Y in a field that has nothing of its own to undo undo the journal's step.

A text field (``QLineEdit``, a spin box's or an editable combo box's line, a text box)
claims Ctrl+Z (and the platform's redo keys) for itself, whatever its own history holds:
Qt asks the focused widget first ("shortcut override") and a line edit always says yes.
So after Enter saved a to-rate row and the cursor went on to the next row's empty Effort,
or after Morning pain, Tab, Ctrl+Z did nothing at all, while Edit > Undo worked.

``UndoKeys`` is one application-wide event filter that looks only at those override
requests: when the focused editor has nothing to undo (``isUndoAvailable()`` false; for
redo ``isRedoAvailable()``), it refuses the override for it, so the window's Edit > Undo
(Redo) shortcut fires: ``ctx.undo_stack`` takes its last step back. A field with typing of
its own to undo keeps Ctrl+Z, as everywhere else (standard behaviour): the first Ctrl+Z
takes back the typing, the next one (nothing left in the field) the journal's last step.
In a dialog the window's shortcut does not apply, so nothing changes there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

_SHORTCUT_OVERRIDE = QEvent.Type.ShortcutOverride
UNDO, REDO = "undo", "redo"


def key_action(event) -> str | None:
    """UNDO or REDO when the key event is the platform's undo or redo key (Ctrl+Z,
    Ctrl+Shift+Z or Ctrl+Y as the platform has them), else None."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return UNDO
    if event.matches(QKeySequence.StandardKey.Redo):
        return REDO
    return None


def _line_of(widget) -> QLineEdit | None:
    """The line edit a spin box or an editable combo box types into (None without one)."""
    if isinstance(widget, QComboBox):
        return widget.lineEdit()
    try:
        line = widget.lineEdit()  # protected in C++: callable on widgets made in Python
    except (AttributeError, TypeError, RuntimeError):
        line = None
    return line if line is not None else widget.findChild(QLineEdit)


def has_own(widget, action: str) -> bool | None:
    """Whether ``widget`` (a text field of some kind) has its own typing to undo (or
    redo, ``action``); None for a widget that is no text field (it is left alone)."""
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        line = _line_of(widget)
        if line is None:
            return None
        widget = line
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly():
            return None
        return widget.isUndoAvailable() if action == UNDO else widget.isRedoAvailable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        if widget.isReadOnly():
            return None
        document = widget.document()
        return document.isUndoAvailable() if action == UNDO else document.isRedoAvailable()
    return None


class UndoKeys(QObject):
    """The application's event filter that hands Ctrl+Z / Ctrl+Y on to Edit > Undo / Redo
    when the focused field has nothing of its own to undo or redo (see the module)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != _SHORTCUT_OVERRIDE:
            return False
        action = key_action(event)
        if action is None:
            return False
        if has_own(watched, action) is False:
            event.ignore()  # the override is refused: the window's shortcut fires
            return True  # and the field does not take it for itself
        return False


def install(app: QApplication | None = None) -> UndoKeys | None:
    """Install the filter on the application once (later calls return the same one)."""
    app = app or QApplication.instance()
    if app is None:
        return None
    found = app.findChild(UndoKeys, "undoKeys")
    if found is not None:
        return found
    keys = UndoKeys(app)
    keys.setObjectName("undoKeys")
    app.installEventFilter(keys)
    return keys
