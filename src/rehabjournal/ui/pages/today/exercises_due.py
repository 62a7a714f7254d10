"""The exercises due on the day from the active programme: done, partly done or skipped.

Each answer is saved at once (one log per day and prescription) as one undo step. The
section is hidden while nothing is due.

Each row carries the exercise's card (``ui/exercise_card.py``): a compact line (tempo,
rest, side, times a day, effort), the physio's note, and "How to do it" folded under a
button (instructions, what to watch, how often, the pain rule with the journal's
thresholds, a picture or video opened only on a click).

Logged exercises are activity: the done and partly done ones make the day's "rehab
exercises" session (``services/exercise_logs.py``), shown under Sessions. Its effort
(session RPE, CR-10) is asked here, under the exercises; its minutes are estimated from
the prescriptions until the person types their own in the session. Conditioning exercises
(cycling, swimming, walk-run) are sessions of their own: their rows say so.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ....i18n import library_text, ngettext
from ....services import exercise_logs
from ....services import programme as ps
from ....services.journal import get_profile, thresholds
from ...context import AppContext
from ...edit_path import apply_edit
from ...exercise_card import ExerciseCard, breakable
from ...widgets import (
    FlowLayout,
    NumberField,
    clear_layout,
    error_label,
    errors_below,
    labelled,
    set_combo_data,
)
from .sessions import rpe_combo
from .siblings import changed_by_sibling, relink

STATUS_TEXT = {"done": QT_TRANSLATE_NOOP("DueRow", "Done"),
               "partial": QT_TRANSLATE_NOOP("DueRow", "Partly done"),
               "skipped": QT_TRANSLATE_NOOP("DueRow", "Skipped")}
BUTTONS = ("done_button", "partial_button", "skip_button", "clear_button")
STATUS_COLOUR = {"done": "#2e7d32", "partial": "#8d6e00", "skipped": "#757575"}


class DueRow(QFrame):
    """One prescription due: its dose, what was done, and the answers."""

    def __init__(self, owner: ExercisesDueSection, item: dict):
        super().__init__()
        self.owner = owner
        self.item = item
        self.prescription_id: int = item["id"]
        self.setObjectName(f"due_{item['id']}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self)  # a box, not a grid: wrapped labels get their height right
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(3)
        # the card: the physio's note, and how to do it folded under a button; its
        # compact line (dose, tempo, rest, side, times a day, effort) is the row's title
        self.card = ExerciseCard(collapsible=True, with_summary=False,
                                 base_dir=owner.ctx.data_dir)
        exercise = ps.get_exercise(item["exercise"])
        line = item["dose"]
        if exercise is not None:
            th = owner.thresholds
            self.card.show_exercise(exercise, item, acceptable_pain=th.acceptable_pain,
                                    green_peak_max=th.green_peak_max,
                                    profile_side=owner.profile_side,
                                    state_key=f"due:{exercise['slug']}")
            line = self.card.facts.summary()
        else:
            self.card.hide()
        name = library_text(item["exercise_name"])
        self.title = QLabel(f"<b>{html.escape(breakable(name))}</b> &nbsp; "
                            f"{html.escape(breakable(line))}")
        self.title.setObjectName("dueTitle")
        self.title.setWordWrap(True)  # (keeps the label's height-for-width size policy)
        self.status_label = QLabel()
        self.status_label.setObjectName("dueStatus")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        box.addLayout(top)
        box.addWidget(self.card)

        unit = item["load_unit"]
        self.fields: dict[str, NumberField] = {
            "sets_done": NumberField(self.tr("Sets done"), 0, 50, placeholder=self.tr("sets"),
                                     width=50),
        }
        if item["reps"] is not None:
            self.fields["reps_done"] = NumberField(self.tr("Reps done"), 0, 1000,
                                                   placeholder=self.tr("reps"), width=50)
        timed = unit == "minutes"  # a hold of a timed exercise is its run part (walk-run)
        if item["hold_s"] is not None:
            self.fields["hold_s_done"] = NumberField(
                self.tr("Run part") if timed else self.tr("Hold done"), 0, 36000, unit="s",
                placeholder=self.tr("run s") if timed else self.tr("hold s"), width=60)
        if unit in ("kg", "lb", "minutes") or item["load"] is not None:
            shown_unit = self.tr("minutes") if unit == "minutes" else unit
            self.fields["load_done"] = NumberField(
                self.tr("Minutes") if timed else self.tr("Load done"), 0, 1000, whole=False,
                unit=shown_unit, placeholder=shown_unit, width=60)
        self.fields["pain_during"] = NumberField(self.tr("Pain during"), 0, 10,
                                                 placeholder="0-10", width=50)
        # the numbers and the answers wrap onto more lines on a narrow window
        row = FlowLayout(bottom=True)
        for field in self.fields.values():
            row.addWidget(labelled(field.label, field))
        self.done_button = QPushButton(self.tr("Done"))
        self.partial_button = QPushButton(self.tr("Partly"))
        self.skip_button = QPushButton(self.tr("Skipped"))
        self.clear_button = QPushButton(self.tr("Clear"))
        for button in (self.done_button, self.partial_button, self.skip_button,
                       self.clear_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        self.done_button.setToolTip(self.tr("Save as done with the numbers on the left"))
        self.partial_button.setToolTip(self.tr("Save as partly done"))
        self.skip_button.setToolTip(self.tr("Record that it was skipped today"))
        self.clear_button.setToolTip(self.tr("Remove today's answer"))
        box.addLayout(row)
        errors_below(self.fields.values(), box)  # a refusal spans the row
        self.error = error_label()
        box.addWidget(self.error)
        if item.get("exercise_category") == "conditioning":
            note = QLabel(self.tr("Conditioning is a session of its own: add it under "
                                  "Sessions with its minutes and effort, so its load counts "
                                  "once."))
            note.setObjectName("dueConditioning")
            note.setWordWrap(True)
            note.setStyleSheet("font-style: italic;")
            box.addWidget(note)
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
            field.set_value(log.get(key) if log else defaults.get(key))
        status = log["status"] if log else None
        self.clear_button.setEnabled(log is not None)
        if status:
            self.status_label.setText(QCoreApplication.translate("DueRow", STATUS_TEXT[status]))
            self.status_label.setStyleSheet(f"color: {STATUS_COLOUR[status]}; font-weight: bold;")
        else:
            self.status_label.setText(self.tr("not done yet"))
            self.status_label.setStyleSheet("")

    def values(self, status: str) -> dict | None:
        """The answer as typed, or None (with the reasons beside the fields) when refused."""
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

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def save(self, status: str) -> None:
        values = self.values(status)
        if values is not None:
            self.owner.answer(self, lambda day: exercise_logs.edit_log(
                day, self.prescription_id, values))

    def clear(self) -> None:
        self.owner.answer(self, lambda day: exercise_logs.edit_clear_log(
            day, self.prescription_id))


class ExercisesDueSection(QGroupBox):
    """The active programme's prescriptions due on the day; hidden when none is.

    Attributes:
        rows: {prescription id: its DueRow}.
    """

    def __init__(self, ctx: AppContext):
        super().__init__(self.tr("Exercises due"))
        self.ctx = ctx
        self.day: date = ctx.today()
        self.rows: dict[int, DueRow] = {}
        self.thresholds = thresholds()
        self.profile_side = ""
        self.setObjectName("exercisesBox")
        layout = QVBoxLayout(self)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("duePhase")
        self.phase_label.setWordWrap(True)
        layout.addWidget(self.phase_label)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        effort_row = QHBoxLayout()
        self.session_label = QLabel()
        self.session_label.setObjectName("dueSession")
        self.session_label.setWordWrap(True)
        self.effort = rpe_combo()
        self.effort.setAccessibleName(self.tr("Effort of the exercises (CR-10)"))
        # Alt+X: Alt+E is the Edit menu's
        self.effort_label = QLabel(self.tr("Effort of the e&xercises (CR-10)"))
        self.effort_label.setBuddy(self.effort)
        self.effort_error = error_label()
        effort_row.addWidget(self.session_label, 1)
        effort_row.addWidget(self.effort_label)
        effort_row.addWidget(self.effort)
        layout.addLayout(effort_row)
        layout.addWidget(self.effort_error)
        self.effort.activated.connect(lambda _i: self.save_effort(self.effort.currentData()))
        self.session: dict | None = None
        ctx.programme_changed.connect(self.refresh)
        ctx.settings_changed.connect(self.refresh)  # the pain rule's thresholds
        ctx.journal_changed.connect(self._journal_changed)
        self.hide()

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def _journal_changed(self, day) -> None:
        # The session's minutes or effort were changed under Sessions.
        if changed_by_sibling(self, self.ctx, day, self.day):
            self._refresh_session()

    def _refresh_session(self) -> None:
        """Show the day's rehab session (what the logs make) and its effort."""
        self.effort_error.hide()
        self.session = session = exercise_logs.rehab_session(self.day)
        made = exercise_logs.estimate(self.day)
        if session is None:
            self.session_label.setText(self.tr(
                "Exercises marked done or partly done make today's rehab session; its "
                "load counts like any session's."))
        elif session["source"] == "programme":
            n = made["exercises"]
            if session["minutes_estimated"]:
                text = ngettext(
                    "Rehab session: {minutes} min (estimated from the prescriptions) from "
                    "{n} exercise; rate how hard it was overall.",
                    "Rehab session: {minutes} min (estimated from the prescriptions) from "
                    "{n} exercises; rate how hard it was overall.", n)
            else:
                text = ngettext(
                    "Rehab session: {minutes} min (as you typed them) from {n} exercise; "
                    "rate how hard it was overall.",
                    "Rehab session: {minutes} min (as you typed them) from {n} exercises; "
                    "rate how hard it was overall.", n)
            self.session_label.setText(text.format(minutes=session["minutes"], n=n))
        else:
            self.session_label.setText(self.tr(
                "Counted in your rehab exercises session ({minutes} min, typed by you): no "
                "second session is made.").format(minutes=session["minutes"]))
        self.effort.setEnabled(session is not None)
        self.effort_label.setEnabled(session is not None)
        set_combo_data(self.effort, session["rpe"] if session else None)

    def save_effort(self, rpe: int | None) -> None:
        """Save the effort (CR-10 0-10, None: not rated) of the day's rehab session."""
        if self.session is not None and self.session["rpe"] == rpe:
            return
        edit = apply_edit(self.ctx, lambda: exercise_logs.edit_effort(self.day, rpe),
                          message=self._effort_message, source=self)
        if edit is None:
            set_combo_data(self.effort, self.session["rpe"] if self.session else None)
            return
        self._refresh_session()

    def _effort_message(self, message: str) -> None:
        self.effort_error.setText(message)
        self.effort_error.show()

    def refresh(self) -> None:
        clear_layout(self.rows_layout)
        self.rows = {}
        self.thresholds = thresholds()  # the pain rule's numbers (Preferences may change)
        self.profile_side = str((get_profile() or {}).get("side") or "")
        items = ps.due_on(self.day)
        if items:
            phase = library_text(items[0]["phase_name"])
            done = sum(1 for i in items if i["log"] and i["log"]["status"] == "done")
            text = (self.tr("{phase} (deload): {done} of {total} done") if items[0]["deload"]
                    else self.tr("{phase}: {done} of {total} done"))
            self.phase_label.setText(text.format(phase=phase, done=done, total=len(items)))
        else:
            self.phase_label.setText("")
        for item in items:
            row = DueRow(self, item)
            self.rows[item["id"]] = row
            self.rows_layout.addWidget(row)
        self._refresh_session()
        active = ps.active_programme()
        undated = bool(active) and active["start_date"] is None
        if undated:  # nothing can be due until the programme has a start
            self.phase_label.setText(self.tr(
                "Your programme \u201c{name}\u201d has no start date yet, so no exercises "
                "are due: set it on the Programme page.").format(
                    name=library_text(active["name"])))
        self.setVisible(bool(items) or undated)
        relink(self)

    def answer(self, row: DueRow, run) -> None:
        """Save (or clear) one row's answer for the day through the edit path."""
        day = self.day
        focus = QApplication.focusWidget()
        button = next((name for name in BUTTONS if getattr(row, name) is focus), None)
        edit = apply_edit(self.ctx, lambda: run(day), fields=row.fields,
                          message=row.show_error, source=self)
        if edit is not None:
            self.refresh()
            new_row = self.rows.get(row.prescription_id)
            if button is not None and new_row is not None:
                # the row was rebuilt under the cursor: keep it on the same button
                target = getattr(new_row, button)
                relink(self, target if target.isEnabled() else new_row.done_button)
