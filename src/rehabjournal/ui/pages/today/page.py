"""Today: the date bar over the day's sections (check-in, sessions, red flags, events ...).

Every field saves when the user leaves it (Tab, Enter or a click elsewhere); there is no
Save button to forget. Each save goes through the edit path (``ui/edit_path.py``): it is
committed before "Saved" shows, and is one undo step. A bad value is refused with the
reason beside the field and nothing is written. The same page edits any past day (the
Journal page opens days here).

The sections are declared once, in ``SECTIONS``, in the order they show and load.

The page follows the calendar: at midnight (``AppContext.day_changed``) a page showing
the day that was today moves on to the new today, after saving what was being typed to
the day its title names; a page open on another day stays on it. Keyboard: the focus goes
to the first empty field of the check-in when the page opens and after the day changes,
and Tab follows the page top to bottom, whatever sections were rebuilt
(``fix_tab_order``).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...widgets import FlowLayout, NumberField, error_label, fmt_date
from .checkin import CheckinSection
from .events import EventsSection
from .exercises_due import ExercisesDueSection
from .light import LightSection
from .next_morning import NextMorningSection
from .notes import NotesSection
from .outcomes_due import OutcomesDueSection
from .questions import QuestionsSection
from .red_flags import RedFlagsSection
from .sessions import SessionEditor, SessionsSection
from .siblings import focus_chain
from .to_rate import ToRateSection

#: (page attribute, section class), top to bottom. Each class takes the AppContext and
#: has ``set_day(day)`` and ``refresh()``; the page loads them in this order.
SECTIONS: tuple[tuple[str, type[QWidget]], ...] = (
    ("outcomes_due", OutcomesDueSection),
    ("light", LightSection),
    ("next_morning", NextMorningSection),
    ("checkin", CheckinSection),
    ("red_flags", RedFlagsSection),
    ("to_rate", ToRateSection),
    ("sessions", SessionsSection),
    ("exercises_due", ExercisesDueSection),
    ("events", EventsSection),
    ("notes_section", NotesSection),
    ("questions", QuestionsSection),
)


def _typed_in_draft(editor: SessionEditor) -> bool:
    """Whether a session not saved yet holds anything typed beyond the activity."""
    values = editor.current_values()
    typed = [v for k, v in values.items() if k not in ("kind", "site") and v not in (None, "")]
    unsaved = [f for f in editor.field_map().values() if f.edit.text().strip()]
    return bool(typed or unsaved)


def create(ctx: AppContext) -> DayPage:
    return DayPage(ctx)


class DayPage(QWidget):
    """The sections of one day (today unless the user goes elsewhere).

    Attributes:
        day: the day shown.
        sections: the section widgets, in ``SECTIONS`` order (each also an attribute named
            as there, e.g. ``page.checkin``).
        fields, flag_boxes, notes, light_badge: the check-in number fields, the red-flag
            boxes, the notes box and the light, as the keyboard and tests reach them.
        saved_label: "Saved hh:mm:ss" after the last saved change, undo or redo.
    """

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.day: date = ctx.today()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        self.body = QVBoxLayout(body)
        self.body.setSpacing(10)
        self._build_date_bar()

        sections = []
        for name, cls in SECTIONS:
            section = cls(ctx)
            setattr(self, name, section)
            self.body.addWidget(section)
            sections.append(section)
        self.sections: tuple[QWidget, ...] = tuple(sections)
        self.body.addStretch(1)

        self.fields = self.checkin.fields
        self.flag_boxes = self.red_flags.flag_boxes
        self.notes = self.notes_section.notes
        self.light_badge = self.light.badge

        ctx.journal_changed.connect(self._journal_changed)
        ctx.settings_changed.connect(self.light.refresh)
        ctx.saved_at.connect(self.saved_label.setText)
        ctx.day_changed.connect(self._day_changed)
        self._scroll = scroll
        app = QApplication.instance()
        if app is not None:  # the cursor sent to a field out of view brings it into view
            app.focusChanged.connect(self._focus_moved)
        self.load()

    def _focus_moved(self, _old, new) -> None:
        """A field that gets the cursor from the code (a new session after Ctrl+N, a new
        question, the first empty field) is scrolled into view, as Tab does: Ctrl+N a
        second time left the new row under the window's edge. Done after Qt has laid the
        new row out (its place is known in the next event-loop turn)."""
        try:
            inside = new is not None and self.isVisible() and self.isAncestorOf(new)
        except RuntimeError:  # the page is being deleted
            return
        if inside:
            QTimer.singleShot(0, lambda w=new: self._show_focused(w))

    def _show_focused(self, widget: QWidget) -> None:
        try:
            if widget.hasFocus() and widget.isVisible():
                self._scroll.ensureWidgetVisible(widget, 40, 40)
        except RuntimeError:  # deleted meanwhile
            pass

    def _build_date_bar(self) -> None:
        self.prev_button = QToolButton()
        self.prev_button.setText("<")
        self.prev_button.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.next_button = QToolButton()
        self.next_button.setText(">")
        self.next_button.setToolTip(self.tr("Next day (Alt+Right)"))
        self.title = QLabel()
        self.title.setObjectName("dayTitle")
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.date_edit.setFixedWidth(110)
        self.date_edit.setAccessibleName(self.tr("Go to date"))
        self.date_error = error_label()
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setToolTip(self.tr("Go to today (Alt+T here, Alt+Home anywhere)"))
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        # Two groups that wrap onto two lines on a narrow window (or at 200 % scale):
        # < the day's title >, then Go to [date] Today and "Saved hh:mm:ss".
        day_group, go_group = QWidget(), QWidget()
        for group in (day_group, go_group):
            QHBoxLayout(group).setContentsMargins(0, 0, 0, 0)
        day_group.layout().addWidget(self.prev_button)
        day_group.layout().addWidget(self.title)
        day_group.layout().addWidget(self.next_button)
        go_to = QLabel(self.tr("&Go to"))
        go_to.setBuddy(self.date_edit)
        go_group.layout().addWidget(go_to)
        go_group.layout().addWidget(self.date_edit)
        go_group.layout().addWidget(self.today_button)
        go_group.layout().addSpacing(12)
        go_group.layout().addWidget(self.saved_label)
        bar = FlowLayout(spacing=12, center=True)
        bar.addWidget(day_group)
        bar.addWidget(go_group)
        self.body.addLayout(bar)
        self.body.addWidget(self.date_error)
        self.prev_button.clicked.connect(lambda: self.set_day(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(self.ctx.today()))
        self.date_edit.returnPressed.connect(self._go_to_typed_date)
        # Alt+Left / Alt+Right / Alt+Home are the window's View menu actions (main_window)

    # ---- what tests and the keyboard reach ----------------------------------------------

    @property
    def session_editors(self) -> list[SessionEditor]:
        return self.sessions.editors

    @property
    def current_light(self):
        """The ``domain.light`` result shown for the day."""
        return self.light.result

    def add_session(self) -> SessionEditor:
        return self.sessions.add_session()

    def save_checkin_field(self, key: str, value) -> None:
        self.checkin.save_field(key, value)

    # ---- navigation ---------------------------------------------------------------------

    def activated(self) -> None:
        """Called when the page is shown: refresh the light (it may depend on other days)."""
        self.light.refresh()

    def previous_day(self) -> None:
        self.set_day(self.day - timedelta(days=1))

    def next_day(self) -> None:
        self.set_day(self.day + timedelta(days=1))

    def go_to_today(self) -> None:
        self.set_day(self.ctx.today())

    def set_day(self, day: date, *, focus: bool = True) -> None:
        """Show ``day``; what is being typed is saved first, to the day it was typed on.

        Args:
            day: the day to show.
            focus: put the cursor in the first empty check-in field (when the page shows).
        """
        self.commit_typing()
        if day != self.day:
            failed = [f.label for f in self.findChildren(NumberField) if f.discard_unsaved()]
            # a new session is saved once it has an activity and minutes: one left without
            # them, but with something typed, is said to be dropped, not lost in silence
            drafts = [e for e in self.session_editors
                      if e.session_id is None and _typed_in_draft(e)]
            message = self._not_saved_message(failed, len(drafts))
            if message:
                self.ctx.status.emit(message.format(day=fmt_date(self.day),
                                                    fields=", ".join(failed), n=len(drafts)))
        self.day = day
        self.load()
        if focus and self.isVisible():
            self.focus_first_empty()

    def _not_saved_message(self, failed: list[str], drafts: int) -> str | None:
        """What leaving the day drops: fields whose save failed, new sessions without
        minutes (a message with {day}, {fields} and {n} to fill in), or None."""
        if failed:
            if drafts == 0:
                return self.tr("Not saved for {day}: {fields} (the save had failed).")
            if drafts == 1:
                return self.tr("Not saved for {day}: {fields} (the save had failed); a new "
                               "session without minutes.")
            return self.tr("Not saved for {day}: {fields} (the save had failed); {n} new "
                           "sessions without minutes.")
        if drafts == 1:
            return self.tr("Not saved for {day}: a new session without minutes.")
        if drafts > 1:
            return self.tr("Not saved for {day}: {n} new sessions without minutes.")
        return None

    def _day_changed(self, today: date, before: date) -> None:
        """Midnight (or waking up on a later day): a page on the old today follows the
        calendar; a page on another day stays there, its title still naming it."""
        if self.day == before:
            focus = QApplication.focusWidget()
            self.set_day(today, focus=focus is None or self.isAncestorOf(focus))
            self.ctx.status.emit(
                self.tr("A new day: Today now shows {day}.").format(day=fmt_date(today)))
        else:
            self.commit_typing()
            self.load()  # "Today, " in the title, "yesterday's" in the questions ...

    def commit_typing(self) -> None:
        """Save what is typed but not finished yet (the field with the cursor, the notes),
        to the day shown: before the page shows another day or reloads."""
        self.flush()
        focus = QApplication.focusWidget()
        if (isinstance(focus, QLineEdit) and focus is not self.date_edit
                and self.isAncestorOf(focus)):
            field = focus.parentWidget()
            if isinstance(field, NumberField) and field.unsaved:
                return  # its save failed: set_day says it is dropped (a retry is Enter)
            focus.editingFinished.emit()

    # ---- keyboard -----------------------------------------------------------------------

    def checkin_chain(self) -> list[QWidget]:
        """The check-in's inputs in Tab order: the "This morning" ratings first, then
        Morning pain ... Stress, then the further sites' morning pain."""
        checkin = self.checkin
        fields = checkin.fields
        return [
            *(f.edit for f in self.next_morning.fields.values()),
            fields["morning_pain"].edit, fields["stiffness_min"].edit, checkin.swelling,
            fields["sleep_hours"].edit, checkin.sleep_quality, fields["stress"].edit,
            *(f.edit for f in checkin.site_fields.values()),
        ]

    def first_empty_field(self) -> QWidget:
        """The first check-in input with nothing in it (the notes when all are filled)."""
        for widget in self.checkin_chain():
            if widget.isHidden() or not widget.isEnabled():
                continue
            if isinstance(widget, QComboBox):
                if widget.currentData() is None:
                    return widget
            elif not widget.text().strip():
                return widget
        return self.notes

    def focus_first_empty(self) -> QWidget:
        """Put the cursor in the first empty check-in field (the reminder and the window
        call this too); returns that field."""
        widget = self.first_empty_field()
        self.scroll_to(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def scroll_to(self, widget: QWidget) -> None:
        scroll = self.findChild(QScrollArea)
        if scroll is not None and widget.isVisible():
            scroll.ensureWidgetVisible(widget, 40, 40)

    def fix_tab_order(self) -> None:
        """Tab goes down the page as it shows, sections rebuilt since included.

        Rows made after the page was built (the "This morning" question, sessions,
        exercises due, events) would otherwise come last in the window's focus chain.
        """
        chain = focus_chain(self.body)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _go_to_typed_date(self) -> None:
        text = self.date_edit.text().strip()
        try:
            day = date.fromisoformat(text)
        except ValueError:
            self.date_error.setText(
                self.tr("{text} is not a date: use YYYY-MM-DD with a real day, e.g. "
                        "{example}.").format(text=repr(text),
                                             example=self.ctx.today().isoformat()))
            self.date_error.show()
            return
        self.date_error.hide()
        self.set_day(day)

    # ---- loading ------------------------------------------------------------------------

    def load(self) -> None:
        """Show ``self.day`` from the journal: the title, then every section in order."""
        day = self.day
        shown = (self.tr("Today, {day}").format(day=fmt_date(day))
                 if day == self.ctx.today() else fmt_date(day))
        self.title.setText(f"<h2>{shown}</h2>")
        self.date_edit.setText(day.isoformat())
        for section in self.sections:
            section.set_day(day)
        self.fix_tab_order()

    def flush(self) -> None:
        """Save anything still waiting (notes typed less than a second ago)."""
        self.notes_section.flush()

    def _journal_changed(self, day) -> None:
        source = self.ctx.edit_source
        if isinstance(source, QWidget) and self.isAncestorOf(source):
            # our own change: the section shows it already; the light may differ now
            self.light.refresh()
        elif day is None or day in (self.day, self.day - timedelta(days=1)):
            self.load()

