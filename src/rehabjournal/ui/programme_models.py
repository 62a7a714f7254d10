"""Item models of the Programme page: library, programmes, the phase tree, adherence, advice.

The models read through ``services.programme`` and never write: edits (including drag and
drop) are announced by signals, and the page makes the change (with undo) and reloads.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from .. import i18n
from ..domain import adherence as da
from ..domain import programme as dp
from ..i18n import library_text, ngettext
from ..services import programme as ps
from .i18n import date_pattern
from .table_model import ListTableModel
from .widgets import format_when

translate = QCoreApplication.translate

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-rehabjournal-programme-item"
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _valid_root(parent: Index) -> bool:
    return not parent.isValid()


# ---- exercise library --------------------------------------------------------------------

#: The library's category, region and unit keys as the Library's table shows them (the
#: journal keeps the keys; ``kg`` is a unit symbol, the same in every language).
CATEGORY_TEXT = {
    "strength": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "strength"),
    "isometric": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "isometric"),
    "mobility": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "mobility"),
    "conditioning": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "conditioning"),
}
REGION_TEXT = {
    "knee": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "knee"),
    "hip": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "hip"),
    "ankle": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "ankle"),
    "whole leg": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "whole leg"),
    "core": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "core"),
}
UNIT_TEXT = {
    "band": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "band"),
    "bodyweight": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "bodyweight"),
    "minutes": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "minutes"),
    "seconds": QT_TRANSLATE_NOOP("ExerciseLibraryModel", "seconds"),
}


def _shown(table: dict[str, str], key: str) -> str:
    """A key of ``table`` in the UI's language; another value as it is."""
    return translate("ExerciseLibraryModel", table[key]) if key in table else key


class ExerciseLibraryModel(QAbstractTableModel):
    """Every exercise, shipped and the user's own (archived ones too; the proxy filters)."""

    COLUMNS = (QT_TRANSLATE_NOOP("ExerciseLibraryModel", "Name"),
               QT_TRANSLATE_NOOP("ExerciseLibraryModel", "Category"),
               QT_TRANSLATE_NOOP("ExerciseLibraryModel", "Region"),
               QT_TRANSLATE_NOOP("ExerciseLibraryModel", "Unit"),
               QT_TRANSLATE_NOOP("ExerciseLibraryModel", "Source"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = ps.list_exercises(include_archived=True)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY \
                and 0 <= section < len(self.COLUMNS):
            return translate("ExerciseLibraryModel", self.COLUMNS[section])
        return None

    def row_of(self, exercise_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == exercise_id), -1)

    def data(self, index: Index, role: int = DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col == 0:
                name = library_text(r["name"])
                return (translate("ExerciseLibraryModel", "{name}  (archived)").format(name=name)
                        if r["archived"] else name)
            if col == 1:
                return _shown(CATEGORY_TEXT, r["category"])
            if col == 2:
                return _shown(REGION_TEXT, r["region"])
            if col == 3:
                return _shown(UNIT_TEXT, r["load_unit"])
            if col == 4:
                if r["shipped"]:
                    return translate("ExerciseLibraryModel", "shipped")
                if r["copied_from"]:
                    return translate("ExerciseLibraryModel", "copy")
                return translate("ExerciseLibraryModel", "own")
        if role == ID_ROLE:
            return r["id"]
        if role == ROW_ROLE:
            return r
        if role == TOOLTIP and col == 0:
            return library_text(r["instructions"])
        if role == Qt.ItemDataRole.ForegroundRole and r["archived"]:
            return QBrush(QColor("#808080"))
        return None


class ExerciseFilterProxy(QSortFilterProxyModel):
    """Filters the library by text (name, instructions, cues), category, region, archived."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.text = ""
        self.category = ""
        self.region = ""
        self.show_archived = False
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter(self, *, text: str | None = None, category: str | None = None,
                   region: str | None = None, show_archived: bool | None = None) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = text
        if category is not None:
            self.category = category
        if region is not None:
            self.region = region
        if show_archived is not None:
            self.show_archived = show_archived
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        r = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if r is None:
            return False
        if r["archived"] and not self.show_archived:
            return False
        if self.category and r["category"] != self.category:
            return False
        if self.region and r["region"] != self.region:
            return False
        words = self.text.lower().split()
        hay = f"{r['name']} {r['instructions']} {r['cues']} {r['slug']}"
        if i18n.current() != "en":  # the shipped texts as shown are found too
            hay += f" {library_text(r['name'])} {library_text(r['instructions'])}"
        hay = hay.lower()
        return all(w in hay for w in words)


# ---- programmes --------------------------------------------------------------------------

class ProgrammeListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = ps.list_programmes()
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def row_of(self, programme_id: int | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == programme_id), -1)

    def data(self, index: Index, role: int = DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == DISPLAY:
            name = library_text(r["name"])
            return (translate("ProgrammeListModel", "{name}  (active)").format(name=name)
                    if r["active"] else name)
        if role == TOOLTIP:
            if not r["start_date"]:
                return ngettext("{n} week, no start date", "{n} weeks, no start date",
                                r["weeks"]).format(n=r["weeks"])
            return ngettext("{n} week from {start}", "{n} weeks from {start}",
                            r["weeks"]).format(n=r["weeks"], start=r["start_date"].isoformat())
        if role == Qt.ItemDataRole.FontRole and r["active"]:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return r["id"]
        return None


class ProgrammeTreeModel(QAbstractItemModel):
    """Phases (top level) and their prescriptions (children) of one programme.

    Drag and drop reorders phases and moves prescriptions (within or between phases); the
    model only announces the move by a signal.

    Signals:
        phases_reordered(list): the phase ids in their new order.
        prescription_moved(int, int, int): prescription id, target phase id, index.
    """

    COLUMNS = (QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Phase / exercise"),
               QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Dose"),
               QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Days"),
               QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Notes"))
    phases_reordered = Signal(list)
    prescription_moved = Signal(int, int, int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.programme_id: int | None = None
        self.phases: list[dict[str, Any]] = []
        self.children: list[list[dict[str, Any]]] = []
        self.start = None

    def set_programme(self, programme_id: int | None) -> None:
        self.programme_id = programme_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        prog = ps.get_programme(self.programme_id) if self.programme_id else None
        if prog is None:
            self.programme_id = None
            self.phases, self.children, self.start = [], [], None
        else:
            self.start = prog["start_date"]
            self.phases = ps.list_phases(self.programme_id)
            self.children = [ps.list_prescriptions(p["id"]) for p in self.phases]
        self.endResetModel()

    # structure ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column < 0 or column >= len(self.COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.phases) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        prow = parent.row()
        if prow < len(self.children) and row < len(self.children[prow]):
            return self.createIndex(row, column, prow + 1)
        return QModelIndex()

    def parent(self, index: Index | None = None):  # type: ignore[override]
        if index is None:
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.phases)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self.children):
            return len(self.children[parent.row()])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY \
                and 0 <= section < len(self.COLUMNS):
            return translate("ProgrammeTreeModel", self.COLUMNS[section])
        return None

    def item(self, index: Index) -> tuple[str, dict[str, Any]] | None:
        """("phase" | "prescription", row dict) of an index."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return ("phase", self.phases[index.row()]) if index.row() < len(self.phases) \
                else None
        prow = int(index.internalId()) - 1
        return "prescription", self.children[prow][index.row()]

    def find(self, kind: str, item_id: int) -> QModelIndex:
        for i, ph in enumerate(self.phases):
            if kind == "phase" and ph["id"] == item_id:
                return self.index(i, 0)
            for j, p in enumerate(self.children[i]):
                if kind == "prescription" and p["id"] == item_id:
                    return self.index(j, 0, self.index(i, 0))
        return QModelIndex()

    def _phase_dates(self, row: int) -> str:
        if self.start is None:
            return ""
        weeks = sum(p["weeks"] for p in self.phases[:row])
        first = self.start + timedelta(days=7 * weeks)
        last = first + timedelta(days=7 * self.phases[row]["weeks"] - 1)
        return (format_when(first, "dd MMM", date_pattern("day_month")) + " - "
                + format_when(last, "dd MMM yyyy", date_pattern("date")))

    def data(self, index: Index, role: int = DISPLAY):
        found = self.item(index)
        if found is None:
            return None
        kind, r = found
        col = index.column()
        if role == ID_ROLE:
            return r["id"]
        if role == KIND_ROLE:
            return kind
        if role == ROW_ROLE:
            return r
        if kind == "phase":
            if role == DISPLAY:
                if col == 0:
                    name = f"{index.row() + 1}. {library_text(r['name'])}"
                    return (translate("ProgrammeTreeModel", "{phase}  (deload)").format(
                        phase=name) if r["deload"] else name)
                if col == 1:
                    return ngettext("{n} week", "{n} weeks", r["weeks"]).format(n=r["weeks"])
                if col == 2:
                    return self._phase_dates(index.row())
                if col == 3:
                    return library_text(r["goal"]).splitlines()[0] if r["goal"] else ""
            if role == TOOLTIP:
                return library_text(r["goal"]) or None
            if role == Qt.ItemDataRole.FontRole and col == 0:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == DISPLAY:
            if col == 0:
                return library_text(r["exercise_name"])
            if col == 1:
                if r["tempo"]:
                    return translate("ProgrammeTreeModel", "{dose}, tempo {tempo}").format(
                        dose=r["dose"], tempo=library_text(r["tempo"]))
                return r["dose"]
            if col == 2:
                return r["days"]
            if col == 3:
                return library_text(r["notes"]).replace("\n", "; ")
        if role == TOOLTIP and r["notes"]:
            return library_text(r["notes"])
        return None

    # drag and drop -----------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.internalId() == 0:
            base |= Qt.ItemFlag.ItemIsDropEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        found = next((self.item(i) for i in indexes if i.isValid()), None)
        if found is not None:
            kind, r = found
            data.setData(MIME_TYPE, QByteArray(f"{kind}:{r['id']}".encode()))
        return data

    @staticmethod
    def _decode(data: QMimeData) -> tuple[str, int] | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            kind, _, text = bytes(data.data(MIME_TYPE).data()).decode().partition(":")
            return kind, int(text)
        except ValueError:
            return None

    def _target(self, data: QMimeData, row: int, parent: Index):
        """Where a drop lands: ("phase", new order) or ("prescription", id, phase id, index)."""
        decoded = self._decode(data)
        if decoded is None:
            return None
        kind, item_id = decoded
        if kind == "phase":
            if parent.isValid():
                if parent.internalId() != 0:
                    return None
                row = parent.row()  # dropped onto a phase: before it
            ids = [p["id"] for p in self.phases]
            if item_id not in ids:
                return None
            old = ids.index(item_id)
            row = len(ids) if row < 0 else row
            ids.remove(item_id)
            ids.insert(row - 1 if row > old else row, item_id)
            return ("phase", ids)
        if kind == "prescription":
            if not parent.isValid():
                return None
            if parent.internalId() != 0:  # onto a prescription: put it before that one
                row = parent.row()
                parent = self.parent(parent)
            prow = parent.row()
            phase_id = self.phases[prow]["id"]
            ids = [p["id"] for p in self.children[prow]]
            row = len(ids) if row < 0 else row
            if item_id in ids and row > ids.index(item_id):
                row -= 1
            if not any(p["id"] == item_id for ch in self.children for p in ch):
                return None
            return ("prescription", item_id, phase_id, row)
        return None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return action == Qt.DropAction.MoveAction and self._target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        target = self._target(data, row, parent)
        if target is None:
            return False
        if target[0] == "phase":
            if target[1] != [p["id"] for p in self.phases]:
                self.phases_reordered.emit(target[1])
        else:
            _kind, item_id, phase_id, index = target
            self.prescription_moved.emit(item_id, phase_id, index)
        return True


# ---- adherence and advice ----------------------------------------------------------------

class AdherenceModel(ListTableModel):
    """Exercise days due and done per calendar week (``domain.adherence``: a day counts
    done when at least half of its exercises were logged done, partial counting half, a
    session moved to another day of the same week counting)."""

    COLUMNS = (QT_TRANSLATE_NOOP("AdherenceModel", "Week of"),
               QT_TRANSLATE_NOOP("AdherenceModel", "Exercise days due"),
               QT_TRANSLATE_NOOP("AdherenceModel", "Exercise days done"),
               QT_TRANSLATE_NOOP("AdherenceModel", "% done"))

    def set_weeks(self, weeks: list[da.WeekAdherence]) -> None:
        self.set_rows(weeks)

    @staticmethod
    def total_text(weeks: list[da.WeekAdherence]) -> str:
        """The weeks' total in the words every view uses: "9 of 12 exercise days done
        (75 %)"."""
        return da.adherence_text(*da.total(weeks))

    def data(self, index: Index, role: int = DISPLAY):
        w = self.row_at(index)
        if w is None:
            return None
        if role == DISPLAY:
            return (
                format_when(w.week_start, "ddd dd MMM yyyy", date_pattern("day")),
                str(w.prescribed),
                str(w.done),
                da.percent_text(w.done, w.prescribed),
            )[index.column()]
        if role == TOOLTIP:
            return f"{da.week_text(w)}. {i18n._(da.DEFINITION)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return w
        return None


KIND_TEXT = {"progress": QT_TRANSLATE_NOOP("SuggestionModel", "Progress"),
             "hold": QT_TRANSLATE_NOOP("SuggestionModel", "Hold"),
             "back_off": QT_TRANSLATE_NOOP("SuggestionModel", "Back off"),
             "see_physio": QT_TRANSLATE_NOOP("SuggestionModel", "See your physio")}
"""The advice's kinds (English; shown with ``translate("SuggestionModel", ...)``)."""
KIND_COLOUR = {"progress": "#2e7d32", "hold": "#8d6e00", "back_off": "#c62828",
               "see_physio": "#c62828"}
FIELD_TEXT = {"reps": QT_TRANSLATE_NOOP("SuggestionModel", "reps"),
              "hold_s": QT_TRANSLATE_NOOP("SuggestionModel", "hold (s)"),
              "load": QT_TRANSLATE_NOOP("SuggestionModel", "load"),
              "sets": QT_TRANSLATE_NOOP("SuggestionModel", "sets"),
              "notes": QT_TRANSLATE_NOOP("SuggestionModel", "notes")}


def _tr(text: str) -> str:
    return translate("SuggestionModel", text)


class SuggestionModel(ListTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("SuggestionModel", "Exercise"),
               QT_TRANSLATE_NOOP("SuggestionModel", "Advice"),
               QT_TRANSLATE_NOOP("SuggestionModel", "Change"),
               QT_TRANSLATE_NOOP("SuggestionModel", "Why"))

    def set_suggestions(self, rows: list[dp.Suggestion]) -> None:
        self.set_rows(rows)

    @staticmethod
    def change_text(s: dp.Suggestion) -> str:
        if not s.changes:
            return "-"
        note = next((str(n).splitlines()[-1] for f, _o, n in s.updates if f == "notes"), "")
        if s.field == "notes":
            return translate("SuggestionModel", "add note: {note}").format(note=note)
        if s.dose_before and s.dose_after and (s.more or s.field in ("reps", "hold_s")):
            text = f"{s.dose_before} -> {s.dose_after}"
            return translate("SuggestionModel", "{change}; note: {note}").format(
                change=text, note=note) if note else text
        field = _tr(FIELD_TEXT[s.field]) if s.field in FIELD_TEXT else s.field
        if isinstance(s.new, int | float):
            old = "-" if s.old is None else (i18n.format_number(s.old, 6)
                                             if isinstance(s.old, int | float) else s.old)
            return f"{field} {old} -> {i18n.format_number(s.new, 6)}"
        return f"{field}: {s.new}"

    def data(self, index: Index, role: int = DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s = self.rows[index.row()]
        if role == DISPLAY:
            return (library_text(s.label), _tr(KIND_TEXT[s.kind]), self.change_text(s),
                    s.reason)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor(KIND_COLOUR[s.kind]))
        if role == TOOLTIP:
            return s.reason
        if role == ROW_ROLE:
            return s
        return None
