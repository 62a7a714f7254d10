"""Help > Keyboard Shortcuts: every shortcut of the window, read from its menus.

The list is built when the dialog opens, from the window's menu actions and the
shortcuts its pages declare (a ``QShortcut`` whose "what's this" text says what it does),
so it cannot fall behind the menus. A few keys that work everywhere (Tab, the underlined
letters, Up/Down in number fields, Ctrl+Z in a field: its own typing first, then the
journal's last change, ``ui/undo_keys.py``) are listed after them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

#: Keys that are no action of their own: (where, what, keys), translated where shown
#: (``general_rows``).
GENERAL: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("shortcuts", "Everywhere"),
     QT_TRANSLATE_NOOP("shortcuts", "Go to the field or button whose letter is underlined"),
     QT_TRANSLATE_NOOP("shortcuts", "Alt+letter")),
    (QT_TRANSLATE_NOOP("shortcuts", "Everywhere"),
     QT_TRANSLATE_NOOP("shortcuts", "Next / previous field"),
     QT_TRANSLATE_NOOP("shortcuts", "Tab / Shift+Tab")),
    (QT_TRANSLATE_NOOP("shortcuts", "Forms"),
     QT_TRANSLATE_NOOP("shortcuts", "Save the field (every field saves when you leave it)"),
     QT_TRANSLATE_NOOP("shortcuts", "Enter")),
    (QT_TRANSLATE_NOOP("shortcuts", "Number fields"),
     QT_TRANSLATE_NOOP("shortcuts", "One more / one less"),
     QT_TRANSLATE_NOOP("shortcuts", "Up / Down")),
    # ui/undo_keys.py: a field passes the keys on when it has nothing of its own to undo
    (QT_TRANSLATE_NOOP("shortcuts", "Number fields"),
     QT_TRANSLATE_NOOP("shortcuts", "Undo / redo your typing in the field; in a field with "
                                    "nothing of its own to undo, the last change (as Edit > "
                                    "Undo / Redo)"),
     QT_TRANSLATE_NOOP("shortcuts", "Ctrl+Z / Ctrl+Shift+Z")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("shortcuts", text)


def general_rows() -> list[tuple[str, str, str]]:
    """``GENERAL`` in the UI's language."""
    return [(_tr(where), _tr(what), _tr(keys)) for where, what, keys in GENERAL]


def _keys(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences
                     if not s.isEmpty())


#: Actions whose text changes with the journal ("Undo Change morning pain"): what they do.
STABLE_TEXT = {"action_undo": QT_TRANSLATE_NOOP("shortcuts", "Undo the last change"),
               "action_redo": QT_TRANSLATE_NOOP("shortcuts", "Redo what was undone")}


def _plain(text: str) -> str:
    """A menu text without its mnemonic "&" ("&&" is a real "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _what(action) -> str:
    stable = STABLE_TEXT.get(action.objectName())
    return _tr(stable) if stable else _plain(action.text())


def _menu_rows(menu: QMenu, path: str) -> list[tuple[str, str, str]]:
    rows = []
    for action in menu.actions():
        if action.menu() is not None:
            sub = action.menu()
            rows += _menu_rows(sub, f"{path} > {_plain(sub.title())}")
        elif not action.isSeparator() and _keys(action.shortcuts()):
            rows.append((path, _what(action), _keys(action.shortcuts())))
    return rows


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every shortcut of ``window``: the menus' actions in menu
    order, the pages' own shortcuts, then the general keys."""
    rows: list[tuple[str, str, str]] = []
    for action in window.menuBar().actions():
        if action.menu() is not None:
            rows += _menu_rows(action.menu(), _plain(action.menu().title()))
    seen = {keys for _where, _what, keys in rows}
    for shortcut in window.findChildren(QShortcut):
        keys = _keys(shortcut.keys())
        if shortcut.whatsThis() and keys and keys not in seen:
            seen.add(keys)
            where, what = _where_what(shortcut.whatsThis())
            rows.append((where, what, keys))
    return rows + general_rows()


def _where_what(text: str) -> tuple[str, str]:
    """A page shortcut's "what's this", "Today: Add a session", as (where, what); French
    puts a no-break space before the colon ("Aujourd'hui\u00a0: ...")."""
    parts = re.split(r"[ \u00a0\u202f]?: ", text, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (text, "")


class ShortcutsDialog(QDialog):
    """A table of every keyboard shortcut (``shortcut_rows``)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setObjectName("shortcutsDialog")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every shortcut of rehabjournal, as the menus show "
                                        "them.")))
        self.rows = shortcut_rows(window)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("What"),
                                              self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)
