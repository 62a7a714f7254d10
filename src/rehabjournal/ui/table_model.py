"""A read-only table model over a Python list: the part every list-backed table shares."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

_ROOT = QModelIndex()
Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """Rows from a list, one column per entry of ``COLUMNS``.

    Subclasses set ``COLUMNS`` (header strings; override ``column_title`` for other
    shapes) and implement ``data``; ``row_at(index)`` gives the row of a valid index.
    The headers are shown in the UI's language: mark them
    ``QT_TRANSLATE_NOOP("<the subclass's name>", "Week of")``.
    """

    COLUMNS: tuple = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, index: Index) -> Any | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def column_title(self, section: int) -> str:
        return QCoreApplication.translate(type(self).__name__, self.COLUMNS[section])

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS)):
            return self.column_title(section)
        return None
