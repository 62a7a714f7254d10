"""Ctrl+Z and Ctrl+Y in a field that has nothing of its own to undo undo the journal's step.

A text field (``QLineEdit``, a spin box's or an editable combo box's line, a text box)
claims Ctrl+Z (and the platform's redo keys) for itself, whatever its own history holds:
Qt asks the focused widget first ("shortcut override") and a line edit always says yes.
So after Enter saved a to-rate row and the cursor went on to the next row's empty Effort,
or after Morning pain, Tab, Ctrl+Z did nothing at all, while Edit > Undo worked.

``hand_on`` is called by the number fields' own event filter (``widgets.NumberField``: the
morning check-in, the to-rate rows, the session fields) for those override requests: when
the editor has nothing to undo (``isUndoAvailable()`` false; for
redo ``isRedoAvailable()``), it refuses the override for it, so the window's Edit > Undo
(Redo) shortcut fires: ``ctx.undo_stack`` takes its last step back. A field with typing of
its own to undo keeps Ctrl+Z, as everywhere else (standard behaviour): the first Ctrl+Z
takes back the typing, the next one (nothing left in the field) the journal's last step.
In a dialog the window's shortcut does not apply, so nothing changes there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
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


def hand_on(field, event) -> bool:
    """For a field's own event filter: True when ``event`` is a shortcut override for the
    undo or redo key and ``field`` has nothing of its own to undo (redo); the override is
    then refused (``event.ignore()``), so the window's Edit > Undo (Redo) shortcut fires.
    The filter returns this value (True: the field does not take the key for itself).

    Installed per field (``widgets.NumberField``), never on the application: a Python
    filter on the application is called with every object Qt sends an event to, objects
    being destroyed included, and PySide then makes wrappers for half-destroyed objects
    that outlive them (segfaults in ``releaseWrapper``: docs/architecture.md, "Known
    problems").
    """
    if event.type() != _SHORTCUT_OVERRIDE:
        return False
    action = key_action(event)
    if action is None or has_own(field, action) is not False:
        return False
    event.ignore()
    return True
