"""Today's "to rate" list: sessions from watch and app files that have no effort yet.

A file gives the activity, the day, the start, the minutes, the distance and the heart
rate; only the person knows the effort (session RPE on the CR-10 scale, the primary load,
domain.md section 3) and the pain. Each imported session without an effort
(``services.activities.unrated_sessions``: linked to a file, RPE empty) of the last
``RATE_DAYS`` days is one row, oldest first: "Tue 3 Mar, 07:02 · Run · 42 min · 8.1 km ·
HR 148" and three entries, Effort (CR-10) 0-10, Pain during and Pain after (NPRS 0-10),
refused with the same words as the sessions above them.

Keyboard: Tab goes through the row's entries; Enter in any of them saves the row
(``services.activities.rate_session``, one undo step) and the cursor goes to the next row's
effort. A row the cursor leaves with an effort typed is saved too, as every Today field
saves when it is left. A rated row leaves the list; Edit > Undo (or Ctrl+Z in the next
row's empty Effort, ``ui/undo_keys.py``) brings it back. The list is about the real today
whatever day the page shows and follows every change of the journal (a session rated in
Sessions leaves it). Sessions older than ``RATE_DAYS`` days are not listed (an effort
recalled weeks later says little); a line says how many there are and how to rate them (in
their session, on their day: "Open the latest one's day" shows it on Today, as the Journal
page does). The box is hidden only when nothing at all is to rate: with older sessions
alone it shows that line.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....domain import scales
from ....i18n import ngettext
from ....services import activities
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import FlowLayout, NumberField, errors_below, fmt_date, labelled, ui_locale
from ..labels import field_label, kind_text
from .sessions import fmt_start, pain_field
from .siblings import focus_chain, page_of, relink

RATE_DAYS = 14
"""Imported sessions of the last 14 days (today included) are listed to rate (a design
choice: session RPE is asked about 30 minutes after the session, Foster 2001; an effort
recalled weeks later says little)."""

FIELDS = ("rpe", "pain_during", "pain_after")


def session_text(session: dict[str, Any]) -> str:
    """"Tue 3 Mar, 07:02 · Run · 42 min · 8.1 km · HR 148" in the UI's language (the parts
    the session has)."""
    translate = QCoreApplication.translate  # this name, not "tr": lupdate finds the calls
    when = fmt_date(session["day"], "weekday_day_month")
    start = session.get("start_time")
    if start is not None:
        when = translate("ToRateSection", "{day}, {time}").format(day=when,
                                                                time=fmt_start(start))
    kind = kind_text(session.get("kind") or "")
    parts = [when, kind[:1].upper() + kind[1:],
             translate("ToRateSection", "{n} min").format(n=session.get("minutes") or 0)]
    if session.get("distance_km"):
        parts.append(translate("ToRateSection", "{km} km").format(
            km=ui_locale().toString(float(session["distance_km"]), "f", 1)))
    if session.get("avg_hr"):
        parts.append(translate("ToRateSection", "HR {bpm}").format(bpm=session["avg_hr"]))
    return " \u00b7 ".join(parts)


class RateRow(QFrame):
    """One session to rate: what the file said, then Effort, Pain during, Pain after.

    Attributes:
        session_id: the session's id; values: its row as last read.
        fields: {"rpe", "pain_during", "pain_after": NumberField}.
    """

    def __init__(self, section: ToRateSection, values: dict[str, Any]):
        super().__init__()
        self.section = section
        self.session_id: int = values["id"]
        self.values = values
        self.setObjectName("rateRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(2)
        self.label = QLabel()
        self.label.setObjectName("rateSession")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.effort = NumberField(field_label("rpe"), 0, 10, placeholder="0-10",
                                  width=56)
        self.effort.edit.setToolTip(self.tr(
            "Session effort on the CR-10 scale: 0 rest, 3 moderate, 5 hard, 7 very hard, "
            "10 maximal. Enter saves the row."))
        self.effort_word = QLabel()
        self.effort_word.setObjectName("effortWord")
        self.effort_word.setMinimumWidth(self.fontMetrics().horizontalAdvance("very very easy"))
        self.fields: dict[str, NumberField] = {
            "rpe": self.effort,
            "pain_during": pain_field(field_label("pain_during")),
            "pain_after": pain_field(field_label("pain_after")),
        }
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save this session's effort and pain (Enter)"))
        self.save_button.setAutoDefault(False)

        row = FlowLayout(spacing=8, bottom=True)
        row.addWidget(self.label)
        effort_cell = QWidget()
        effort_box = QHBoxLayout(effort_cell)
        effort_box.setContentsMargins(0, 0, 0, 0)
        effort_box.addWidget(self.effort)
        effort_box.addWidget(self.effort_word)
        row.addWidget(labelled(field_label("rpe"), effort_cell))
        row.addWidget(labelled(self.tr("Pain during (worst)"), self.fields["pain_during"]))
        row.addWidget(labelled(field_label("pain_after"), self.fields["pain_after"]))
        row.addWidget(self.save_button)
        box.addLayout(row)
        errors_below(self.fields.values(), box)
        self.show_values(values)

        for field in self.fields.values():
            field.edit.returnPressed.connect(self.save)
        self.effort.edit.textChanged.connect(self._show_effort_word)
        self.save_button.clicked.connect(self.save)

    def show_values(self, values: dict[str, Any]) -> None:
        """Show what the journal says of the session (the typed entries stay)."""
        self.values = values
        self.label.setText(session_text(values))
        self.setAccessibleName(self.tr("To rate: {session}").format(
            session=self.label.text()))
        if values.get("avg_hr"):
            self.label.setToolTip(self.tr("From a watch or app file; average heart rate "
                                          "{bpm} bpm").format(bpm=values["avg_hr"]))
        else:
            self.label.setToolTip(self.tr("From a watch or app file"))

    def _show_effort_word(self, _text: str = "") -> None:
        value, message = self.effort.parse()
        self.effort_word.setText("" if message else scales.cr10_label(value))

    def typed(self) -> bool:
        """Something is typed in the effort (the row would be saved on leaving it)."""
        return bool(self.effort.edit.text().strip())

    def has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus)

    def save(self, *, focus_error: bool = True) -> bool:
        """Save the typed effort and pain (one undo step); True when saved.

        A value out of range, or no effort, is refused with the reason beside its field
        and nothing is written; with ``focus_error`` the cursor goes to that field (not
        when the row is saved because the cursor left it).
        """
        values: dict[str, Any] = {}
        bad: NumberField | None = None
        for key, field in self.fields.items():
            value, message = field.parse()
            if message:
                field.show_error(message)
                bad = bad or field
                continue
            field.clear_error()
            values[key] = value
        if bad is None and values.get("rpe") is None:
            self.effort.show_error(self.tr(
                "Type the effort (0-10) to rate this session: 0 rest, 3 moderate, 5 hard, "
                "7 very hard, 10 maximal."))
            bad = self.effort
        if bad is not None:
            if focus_error:
                bad.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        section, sid = self.section, self.session_id
        edit = apply_edit(section.ctx, lambda: activities.rate_session(sid, values),
                          fields=self.fields, source=section)
        if edit is None:
            for key, field in self.fields.items():
                if field.error.isHidden():
                    field.commit_failed(self.values.get(key))
            return False
        section.rated(self)
        return True


class ToRateSection(QGroupBox):
    """"3 sessions to rate": the imported sessions without an effort, one ``RateRow`` each.

    Attributes:
        rows: the rows shown, oldest first.
        older: imported sessions without an effort older than ``RATE_DAYS`` days.
    """

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.day: date = ctx.today()
        self.setObjectName("toRate")
        self.rows: list[RateRow] = []
        self.older = 0
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr(
            "From your watch or app files: type the effort (CR-10) and pain, Tab between "
            "them, Enter saves the row. Until rated, their minutes count but not their "
            "load."))
        self.hint.setObjectName("toRateHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(4)
        layout.addLayout(self.rows_layout)
        self.older_note = QLabel()
        self.older_note.setObjectName("toRateOlder")
        self.older_note.setWordWrap(True)
        self.older_button = QPushButton(self.tr("Open the latest one's day"))
        self.older_button.setObjectName("toRateOpenOlder")
        self.older_button.setAutoDefault(False)
        self.older_button.clicked.connect(self.open_older)
        self.older_row = QHBoxLayout()
        self.older_row.setContentsMargins(0, 0, 0, 0)
        self.older_row.addWidget(self.older_note, 1)
        self.older_row.addWidget(self.older_button, 0, Qt.AlignmentFlag.AlignTop)
        self.older_note.hide()
        self.older_button.hide()
        layout.addLayout(self.older_row)
        ctx.journal_changed.connect(self._journal_changed)
        ctx.day_changed.connect(self._day_changed)  # a bound method: dropped with it
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_moved)
        self.hide()

    # ---- the Today section protocol --------------------------------------------------

    def set_day(self, day: date) -> None:
        """The list is about the real today whatever day the page shows."""
        self.day = day
        self.refresh()

    def _day_changed(self, _new, _old) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the sessions to rate again: rows still to rate keep what is typed in them
        (and the cursor); rated ones go; new ones come in their place."""
        since = self.ctx.today() - timedelta(days=RATE_DAYS - 1)
        try:
            sessions = activities.unrated_sessions(since)
            older = activities.unrated_count(date(1900, 1, 1), since - timedelta(days=1))
        except Exception:  # noqa: BLE001 - no journal open (closing): show nothing
            sessions, older = [], 0
        kept = {row.session_id: row for row in self.rows}
        wanted = [s["id"] for s in sessions]
        for row in self.rows:
            if row.session_id not in wanted:
                self._drop(row)
        rows = []
        for values in sessions:
            row = kept.get(values["id"])
            if row is None:
                row = RateRow(self, values)
            else:
                row.show_values(values)
            rows.append(row)
        for index, row in enumerate(rows):  # in order, the kept ones moved into place
            if self.rows_layout.indexOf(row) != index:
                self.rows_layout.removeWidget(row)
                self.rows_layout.insertWidget(index, row)
        self.rows = rows
        self.older = older
        self._show_counts()
        relink(self)

    # ---- saving ----------------------------------------------------------------------

    def rated(self, row: RateRow) -> None:
        """``row`` was saved: it leaves the list and the cursor goes to the next row's
        effort (the one before when it was the last; after the list when none is left)."""
        index = self.rows.index(row)
        had_focus = row.has_focus()
        self.rows.remove(row)
        self._drop(row)
        self._show_counts()
        if not had_focus:
            relink(self)
            return
        if self.rows:
            relink(self, self.rows[min(index, len(self.rows) - 1)].effort.edit)
        else:
            relink(self, self._after())

    def _journal_changed(self, _day) -> None:
        source = self.ctx.edit_source
        if isinstance(source, QWidget) and (source is self or self.isAncestorOf(source)):
            return  # our own save: ``rated`` showed it
        self.refresh()

    def _focus_moved(self, old, new) -> None:
        """The cursor left a row with an effort typed: save it, as every Today field
        saves when it is left (not when the window loses the focus: nothing is left)."""
        if old is None or new is None:
            return
        try:
            for row in self.rows:
                if row.isAncestorOf(old) and not row.isAncestorOf(new) and row.typed():
                    row.save(focus_error=False)
                    return
        except RuntimeError:  # a row being deleted
            return

    # ---- helpers ---------------------------------------------------------------------

    def _drop(self, row: RateRow) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and row.isAncestorOf(focus):
            focus.clearFocus()  # hiding it would send the cursor to a random widget
        self.rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _align(self) -> None:
        """Every row's session text as wide as the widest: the entries line up in
        columns (a row too wide for the window still wraps its entries)."""
        widest = max((row.label.sizeHint().width() for row in self.rows), default=0)
        for row in self.rows:
            row.label.setMinimumWidth(widest)

    def _show_counts(self) -> None:
        self._align()
        n = len(self.rows)
        if n:
            self.setTitle(ngettext("{n} session to rate", "{n} sessions to rate", n)
                          .format(n=n))
        else:  # only older ones: the box stays, to say so
            self.setTitle(ngettext("{n} older session to rate", "{n} older sessions to rate",
                                   self.older).format(n=self.older))
        if self.older:
            if n:
                text = ngettext(
                    "{n} older session from a file (over {days} days ago) has no effort "
                    "either: type it in the session on its day (from the Journal page, or "
                    "with the button).",
                    "{n} older sessions from files (over {days} days ago) have no effort "
                    "either: type it in each session on its day (from the Journal page, or "
                    "with the button).", self.older)
            else:
                text = ngettext(
                    "{n} session from a file, over {days} days ago, has no effort: type it "
                    "in the session on its day (from the Journal page, or with the button).",
                    "{n} sessions from files, over {days} days ago, have no effort: type it "
                    "in each session on its day (from the Journal page, or with the "
                    "button).", self.older)
            self.older_note.setText(text.format(n=self.older, days=RATE_DAYS))
            self.older_button.setText(self.tr("Open its day") if self.older == 1
                                      else self.tr("Open the latest one's day"))
            self.older_button.setToolTip(self.tr(
                "Shows on Today the day of the most recent older session without an "
                "effort; rate it there, in its session."))
        self.older_note.setVisible(bool(self.older))
        self.older_button.setVisible(bool(self.older))
        self.hint.setVisible(bool(n))
        self.setVisible(bool(n or self.older))

    def latest_older_day(self) -> date | None:
        """The day of the most recent session to rate older than ``RATE_DAYS`` days (read
        on demand: a long imported history may hold thousands)."""
        since = self.ctx.today() - timedelta(days=RATE_DAYS - 1)
        try:
            days = [s["day"] for s in activities.unrated_sessions() if s["day"] < since]
        except Exception:  # noqa: BLE001 - the journal cannot be read: nothing to open
            return None
        return max(days, default=None)

    def open_older(self) -> None:
        """Show on Today the day of the most recent older session without an effort."""
        day = self.latest_older_day()
        if day is not None:
            self.ctx.open_day.emit(day)

    def _after(self) -> QWidget | None:
        """The first input of the sections after this one (None when off a page)."""
        page = page_of(self)
        if page is None or self not in page.sections:
            return None
        following = page.sections[page.sections.index(self) + 1:]
        return next((w for section in following for w in focus_chain(section.layout())
                     if w.isEnabled() and w.isVisible()), None)
