"""The exercises due on a day, for the Today page: tick done, partly done or skipped.

``install(page)`` puts an ``ExercisesDueWidget`` into the Today page's hidden hook
(``page.exercises_layout`` inside ``page.exercises_box``), shows the box while something is
due, and follows the page's day. Each answer is saved at once (one log per day and
prescription) and can be undone.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services import programme as ps
from ..services.errors import ValidationError
from .context import AppContext
from .undo import push_done
from .widgets import NumberField, error_label

STATUS_TEXT = {"done": "Done", "partial": "Partly done", "skipped": "Skipped"}
STATUS_COLOUR = {"done": "#2e7d32", "partial": "#8d6e00", "skipped": "#757575"}


class DueRow(QFrame):
    """One prescription due: its dose, what was done, and the three answers."""

    def __init__(self, owner: ExercisesDueWidget, item: dict):
        super().__init__()
        self.owner = owner
        self.item = item
        self.prescription_id: int = item["id"]
        self.setObjectName(f"due_{item['id']}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        title = QLabel(f"<b>{item['exercise_name']}</b> &nbsp; {item['dose']}")
        title.setObjectName("dueTitle")
        title.setToolTip(item["notes"] or "")
        self.status_label = QLabel()
        self.status_label.setObjectName("dueStatus")
        grid.addWidget(title, 0, 0, 1, 5)
        grid.addWidget(self.status_label, 0, 5, 1, 3, Qt.AlignmentFlag.AlignRight)

        unit = item["load_unit"]
        self.fields: dict[str, NumberField] = {
            "sets_done": NumberField("Sets done", 0, 50, placeholder="sets", width=50),
        }
        if item["reps"] is not None:
            self.fields["reps_done"] = NumberField("Reps done", 0, 1000, placeholder="reps",
                                                   width=50)
        if item["hold_s"] is not None:
            self.fields["hold_s_done"] = NumberField("Hold done", 0, 36000, unit="s",
                                                     placeholder="hold s", width=60)
        if unit in ("kg", "lb", "minutes") or item["load"] is not None:
            self.fields["load_done"] = NumberField("Load done", 0, 1000, whole=False, unit=unit,
                                                   placeholder=unit, width=60)
        self.fields["pain_during"] = NumberField("Pain during", 0, 10, placeholder="0-10",
                                                 width=50)
        row = QHBoxLayout()
        for field in self.fields.values():
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(QLabel(field.label))
            cell.addWidget(field)
            row.addLayout(cell)
        row.addStretch(1)
        self.done_button = QPushButton("Done")
        self.partial_button = QPushButton("Partly")
        self.skip_button = QPushButton("Skipped")
        self.clear_button = QPushButton("Clear")
        for button in (self.done_button, self.partial_button, self.skip_button,
                       self.clear_button):
            button.setAutoDefault(False)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        self.done_button.setToolTip("Save as done with the numbers on the left")
        self.partial_button.setToolTip("Save as partly done")
        self.skip_button.setToolTip("Record that it was skipped today")
        self.clear_button.setToolTip("Remove today's answer")
        grid.addLayout(row, 1, 0, 1, 8)
        self.error = error_label()
        grid.addWidget(self.error, 2, 0, 1, 8)
        self.done_button.clicked.connect(lambda: self.save("done"))
        self.partial_button.clicked.connect(lambda: self.save("partial"))
        self.skip_button.clicked.connect(lambda: self.save("skipped"))
        self.clear_button.clicked.connect(self.clear)
        self.show_log(item.get("log"))

    def show_log(self, log: dict | None) -> None:
        item = self.item
        defaults = {"sets_done": item["sets"], "reps_done": item["reps"],
                    "hold_s_done": item["hold_s"], "load_done": item["load"],
                    "pain_during": None}
        for key, field in self.fields.items():
            value = log.get(key) if log else defaults.get(key)
            field.set_value(value)
        status = log["status"] if log else None
        self.clear_button.setEnabled(log is not None)
        if status:
            self.status_label.setText(STATUS_TEXT[status])
            self.status_label.setStyleSheet(f"color: {STATUS_COLOUR[status]}; font-weight: bold;")
        else:
            self.status_label.setText("not done yet")
            self.status_label.setStyleSheet("")

    def values(self, status: str) -> dict | None:
        out: dict = {"status": status}
        bad = False
        for key, field in self.fields.items():
            value, message = field.parse()
            if message:
                field.show_error(message)
                bad = True
            else:
                field.clear_error()
                out[key] = value
        if status == "skipped":
            out = {"status": "skipped", "pain_during": out.get("pain_during")}
        return None if bad else out

    def save(self, status: str) -> None:
        values = self.values(status)
        if values is None:
            return
        self.owner.save(self.prescription_id, values, f"Exercise {STATUS_TEXT[status].lower()}")

    def clear(self) -> None:
        self.owner.save(self.prescription_id, None, "Clear exercise answer")


class ExercisesDueWidget(QWidget):
    """The active programme's prescriptions due on ``day``.

    Signals:
        changed(bool): emitted after a reload; True when something is due.
    """

    changed = Signal(bool)

    def __init__(self, ctx: AppContext, day: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.day = day
        self.rows: dict[int, DueRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("duePhase")
        self.phase_label.setWordWrap(True)
        layout.addWidget(self.phase_label)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        self.error = error_label()
        layout.addWidget(self.error)
        ctx.journal_changed.connect(self._journal_changed)
        ctx.programme_changed.connect(self.reload)
        self.reload()

    def set_day(self, day: date) -> None:
        self.day = day
        self.reload()

    def _journal_changed(self, day) -> None:
        if day is None or day == self.day:
            self.reload()

    def has_items(self) -> bool:
        return bool(self.rows)

    def reload(self) -> None:
        while self.rows_layout.count():
            widget = self.rows_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.rows = {}
        items = ps.due_on(self.day)
        if items:
            phase = items[0]["phase_name"] + (" (deload)" if items[0]["deload"] else "")
            done = sum(1 for i in items if i["log"] and i["log"]["status"] == "done")
            self.phase_label.setText(f"{phase}: {done} of {len(items)} done")
        else:
            self.phase_label.setText("")
        for item in items:
            row = DueRow(self, item)
            self.rows[item["id"]] = row
            self.rows_layout.addWidget(row)
        self.changed.emit(bool(items))

    def save(self, prescription_id: int, values: dict | None, text: str) -> None:
        """Save (or with None clear) one answer, with undo."""
        day = self.day
        try:
            if values is None:
                previous = ps.get_log(day, prescription_id)
                ps.restore_log(day, prescription_id, None)
            else:
                previous = ps.log_exercise(day, prescription_id, values)
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        except Exception as exc:  # noqa: BLE001 - a failed write must be shown, not lost
            self.error.setText(f"Not saved: {exc}")
            self.error.show()
            return
        self.error.hide()
        new = ps.get_log(day, prescription_id)

        def redo():
            ps.restore_log(day, prescription_id, new)

        def undo():
            ps.restore_log(day, prescription_id, previous)

        push_done(self.ctx.undo_stack, text, redo, undo,
                  after=lambda: self.ctx.journal_changed.emit(day))
        self.ctx.saved("Exercise saved")
        self.ctx.journal_changed.emit(day)


def install(page) -> ExercisesDueWidget:
    """Fill the Today page's exercises hook and keep it in step with the page's day."""
    widget = ExercisesDueWidget(page.ctx, page.day)
    page.exercises_layout.addWidget(widget)
    page.exercises_due = widget

    def follow(_day=None) -> None:
        if widget.day != page.day:
            widget.set_day(page.day)

    def visible(has_items: bool) -> None:
        page.exercises_box.setVisible(has_items)

    widget.changed.connect(visible)
    page.ctx.journal_changed.connect(follow)
    page.ctx.programme_changed.connect(follow)
    original_load = getattr(page, "load", None)
    if callable(original_load):
        # the page reloads itself when its day changes: follow it (no edit of today.py)
        def load_and_follow(*args, **kwargs):
            result = original_load(*args, **kwargs)
            follow()
            return result

        page.load = load_and_follow
    visible(widget.has_items())
    return widget
