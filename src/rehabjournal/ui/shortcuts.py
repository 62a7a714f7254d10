"""Help > Keyboard Shortcuts: every shortcut of the window, read from its menus.

The list is built when the dialog opens, from the window's menu actions and the
shortcuts its pages declare (a ``QShortcut`` whose "what's this" text says what it does),
so it cannot fall behind the menus. A few keys that work everywhere (Tab, the underlined
letters, Up/Down in number fields) are listed after them.
"""

from __future__ import annotations

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

#: Keys that are no action of their own: (where, what, keys).
GENERAL: tuple[tuple[str, str, str], ...] = (
    ("Everywhere", "Go to the field or button whose letter is underlined", "Alt+letter"),
    ("Everywhere", "Next / previous field", "Tab / Shift+Tab"),
    ("Forms", "Save the field (every field saves when you leave it)", "Enter"),
    ("Number fields", "One more / one less", "Up / Down"),
)


def _keys(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences
                     if not s.isEmpty())


#: Actions whose text changes with the journal ("Undo Change morning pain"): what they do.
STABLE_TEXT = {"action_undo": "Undo the last change", "action_redo": "Redo what was undone"}


def _what(action) -> str:
    return STABLE_TEXT.get(action.objectName(), action.text().replace("&", ""))


def _menu_rows(menu: QMenu, path: str) -> list[tuple[str, str, str]]:
    rows = []
    for action in menu.actions():
        if action.menu() is not None:
            sub = action.menu()
            rows += _menu_rows(sub, f"{path} > {sub.title().replace('&', '')}")
        elif not action.isSeparator() and _keys(action.shortcuts()):
            rows.append((path, _what(action), _keys(action.shortcuts())))
    return rows


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every shortcut of ``window``: the menus' actions in menu
    order, the pages' own shortcuts, then the general keys."""
    rows: list[tuple[str, str, str]] = []
    for action in window.menuBar().actions():
        if action.menu() is not None:
            rows += _menu_rows(action.menu(), action.menu().title().replace("&", ""))
    seen = {keys for _where, _what, keys in rows}
    for shortcut in window.findChildren(QShortcut):
        keys = _keys(shortcut.keys())
        if shortcut.whatsThis() and keys and keys not in seen:
            seen.add(keys)
            where, _, what = shortcut.whatsThis().partition(": ")
            rows.append((where, what, keys))
    return rows + list(GENERAL)


class ShortcutsDialog(QDialog):
    """A table of every keyboard shortcut (``shortcut_rows``)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setObjectName("shortcutsDialog")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Every shortcut of rehabjournal, as the menus show them."))
        self.rows = shortcut_rows(window)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Where", "What", "Keys"])
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
