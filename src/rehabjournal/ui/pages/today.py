"""Today: the morning check-in, sessions with the pain response, red flags, events, notes.

Every field saves when the user leaves it (Tab, Enter or a click elsewhere); there is no
Save button to forget. Each save is committed before "Saved" shows, and goes on the undo
stack. A bad value is refused with the reason beside the field and nothing is written.
The same page edits any past day (the Journal page opens days here).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import light as light_mod
from ...domain import redflags, scales
from ...services import journal as js
from ...services.errors import ValidationError
from ..context import AppContext
from ..undo import push_done
from ..widgets import Banner, LightBadge, NumberField, error_label, fmt_date

PAIN_FIELDS = ("pain_before", "pain_during", "pain_after")
LIGHT_LOOKBACK_DAYS = 60


def create(ctx: AppContext) -> DayPage:
    return DayPage(ctx)


def _clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            _clear_layout(item.layout())


def _rpe_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem("effort...", None)
    for value in range(0, 11):
        label = scales.cr10_label(value)
        combo.addItem(f"{value}  {label}" if label else str(value), value)
    combo.setToolTip("Session effort on the CR-10 scale: 0 rest, 3 moderate, 5 hard, "
                     "7 very hard, 10 maximal")
    combo.setAccessibleName("Effort (CR-10)")
    return combo


def _set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.blockSignals(True)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def _pain_field(label: str) -> NumberField:
    return NumberField(label, 0, 10, placeholder="0-10", width=56)


class SessionEditor(QFrame):
    """One session: saved as soon as it has an activity and minutes."""

    def __init__(self, page: DayPage, values: dict | None):
        super().__init__()
        self.page = page
        self.setObjectName("sessionEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session_id = values["id"] if values else None
        self.values = dict(values or {})
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)

        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(scales.ACTIVITY_KINDS))
        self.kind.setAccessibleName("Activity")
        self.kind.setMinimumWidth(140)
        self.kind.setCurrentText(self.values.get("kind") or page.last_kind())
        self.kind_error = error_label()
        self.minutes = NumberField("Duration", 0, 1440, unit="minutes", placeholder="min")
        self.rpe = _rpe_combo()
        self.distance = NumberField("Distance", 0, 500, whole=False, unit="km", placeholder="km")
        self.pains = {key: _pain_field(js.FIELD_LABELS[key]) for key in PAIN_FIELDS}
        self.site = QComboBox()
        self.site.setAccessibleName("Pain site")
        for site in page.sites:
            self.site.addItem(site["label"], site["id"])
        self.notes = QLineEdit()
        self.notes.setPlaceholderText("notes (route, shoes, how it felt)")
        self.delete_button = QToolButton()
        self.delete_button.setText("Delete")
        self.delete_button.setToolTip("Delete this session (Edit > Undo brings it back)")
        self.hint = QLabel("Enter the minutes to save this session.")
        self.hint.setStyleSheet("font-style: italic;")

        headers = ["Activity", "Minutes", "Effort (CR-10)", "Distance", "Pain before",
                   "Pain during (worst)", "Pain after", "Site"]
        for col, text in enumerate(headers):
            grid.addWidget(QLabel(text), 0, col)
        grid.addWidget(self.kind, 1, 0)
        grid.addWidget(self.minutes, 1, 1)
        grid.addWidget(self.rpe, 1, 2)
        grid.addWidget(self.distance, 1, 3)
        for col, key in enumerate(PAIN_FIELDS, start=4):
            grid.addWidget(self.pains[key], 1, col)
        grid.addWidget(self.site, 1, 7)
        grid.addWidget(self.delete_button, 1, 8)
        grid.addWidget(self.kind_error, 2, 0, 1, 3)
        grid.addWidget(self.notes, 3, 0, 1, 8)
        grid.addWidget(self.hint, 4, 0, 1, 8)
        self.extra_fields: dict[int, dict[str, NumberField]] = {}
        row = 5
        for site in page.sites[1:] if len(page.sites) > 1 else []:
            grid.addWidget(QLabel(f"Also {site['label']}:"), row, 0, 1, 4,
                           Qt.AlignmentFlag.AlignRight)
            fields = {key: _pain_field(f"{js.FIELD_LABELS[key]} ({site['label']})")
                      for key in PAIN_FIELDS}
            for col, key in enumerate(PAIN_FIELDS, start=4):
                grid.addWidget(fields[key], row, col)
                fields[key].committed.connect(
                    lambda v, s=site["id"], k=key: self._extra_committed(s, k, v)
                )
            self.extra_fields[site["id"]] = fields
            row += 1

        self._load()
        self.kind.lineEdit().editingFinished.connect(self._kind_committed)
        self.kind.activated.connect(lambda _i: self._kind_committed())
        self.minutes.committed.connect(lambda v: self._committed("minutes", v))
        self.distance.committed.connect(lambda v: self._committed("distance_km", v))
        self.rpe.activated.connect(lambda _i: self._committed("rpe", self.rpe.currentData()))
        self.site.activated.connect(lambda _i: self._committed("site", self.site.currentData()))
        self.notes.editingFinished.connect(
            lambda: self._committed("notes", self.notes.text())
        )
        for key, field in self.pains.items():
            field.committed.connect(lambda v, k=key: self._committed(k, v))
        self.delete_button.clicked.connect(self.delete)

    def _load(self) -> None:
        v = self.values
        self.minutes.set_value(v.get("minutes"))
        self.distance.set_value(v.get("distance_km"))
        _set_combo_data(self.rpe, v.get("rpe"))
        for key, field in self.pains.items():
            field.set_value(v.get(key))
        site = v.get("site") or (self.page.sites[0]["id"] if self.page.sites else None)
        _set_combo_data(self.site, site)
        self.notes.setText(v.get("notes") or "")
        self.hint.setVisible(self.session_id is None)
        self.delete_button.setEnabled(True)
        if self.session_id:
            extras = js.session_site_pains(self.session_id)
            for site_id, fields in self.extra_fields.items():
                for key, field in fields.items():
                    field.set_value(extras.get(site_id, {}).get(key))

    def _kind_committed(self) -> None:
        text = self.kind.currentText().strip()
        if not text:
            self.kind_error.setText("Activity needs a name, e.g. run, cycle or rehab exercises.")
            self.kind_error.show()
            return
        self.kind_error.hide()
        if text != self.values.get("kind"):
            self._committed("kind", text)

    def current_values(self) -> dict:
        values = {
            "kind": self.kind.currentText().strip(),
            "minutes": self.minutes.value(),
            "rpe": self.rpe.currentData(),
            "distance_km": self.distance.value(),
            "site": self.site.currentData(),
            "notes": self.notes.text(),
        }
        values.update({k: f.value() for k, f in self.pains.items()})
        return values

    def _committed(self, key: str, value) -> None:
        page = self.page
        if self.session_id is None:
            values = self.current_values()
            if not values["kind"] or values["minutes"] is None:
                self.values[key] = value
                return
            try:
                sid = js.add_session(page.day, values)
            except ValidationError as exc:
                page.show_errors(exc, self._field_map())
                return
            except Exception as exc:  # noqa: BLE001 - disk full, I/O: tell the user
                page.write_failed(exc)
                return
            self.session_id = sid
            self.values = js.get_session(sid)
            self.hint.hide()
            holder = {"id": sid}

            def redo():
                holder["id"] = js.add_session(page.day, {
                    k: v for k, v in self.values.items()
                    if k in js.SESSION_FIELDS
                })

            def undo():
                js.delete_session(holder["id"])

            push_done(page.ctx.undo_stack, f"add {values['kind']} session", redo, undo,
                      page.external_change)
            page.after_save()
            return
        old = self.values.get(key)
        if old == value:
            return
        sid = self.session_id
        try:
            js.update_session(sid, {key: value})
        except ValidationError as exc:
            page.show_errors(exc, self._field_map())
            return
        except Exception as exc:  # noqa: BLE001
            field = self._field_map().get(key)
            if field is not None:
                field.commit_failed(old)
            page.write_failed(exc)
            return
        self.values[key] = value
        label = js.FIELD_LABELS.get(key, key).lower()
        push_done(page.ctx.undo_stack, f"change {label}",
                  lambda: js.update_session(sid, {key: value}),
                  lambda: js.update_session(sid, {key: old}),
                  page.external_change)
        page.after_save()

    def _extra_committed(self, site_id: int, key: str, value) -> None:
        if self.session_id is None:
            return
        sid = self.session_id
        old = js.session_site_pains(sid).get(site_id, {}).get(key)
        try:
            js.set_session_site_pain(sid, site_id, {key: value})
        except ValidationError as exc:
            self.extra_fields[site_id][key].show_error(str(exc))
            return
        except Exception as exc:  # noqa: BLE001
            self.page.write_failed(exc)
            return
        push_done(self.page.ctx.undo_stack, "change site pain",
                  lambda: js.set_session_site_pain(sid, site_id, {key: value}),
                  lambda: js.set_session_site_pain(sid, site_id, {key: old}),
                  self.page.external_change)
        self.page.after_save()

    def _field_map(self) -> dict[str, NumberField]:
        return {"minutes": self.minutes, "distance_km": self.distance, **self.pains}

    def delete(self) -> None:
        page = self.page
        if self.session_id is None:
            page.remove_draft(self)
            return
        snap = js.delete_session(self.session_id)
        holder = {"snap": snap}

        def redo():
            holder["snap"] = js.delete_session(snap["session"]["id"])

        def undo():
            js.restore_session(holder["snap"])

        push_done(page.ctx.undo_stack, f"delete {snap['session']['kind']} session", redo, undo,
                  page.external_change)
        page.ctx.saved("Session deleted")
        page.ctx.journal_changed.emit(page.day)
        page.load()


class AddSiteDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Add a pain site")
        form = QFormLayout(self)
        self.joint = QComboBox()
        self.joint.setEditable(True)
        self.joint.addItems(list(scales.JOINTS))
        self.side = QComboBox()
        for side in scales.SIDES:
            self.side.addItem(side or "not applicable", side)
        self.area = QLineEdit()
        self.area.setPlaceholderText("e.g. below the kneecap")
        form.addRow("&Joint", self.joint)
        form.addRow("&Side", self.side)
        form.addRow("&Area", self.area)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DayPage(QWidget):
    """The check-in and sessions of one day (today unless the user goes elsewhere)."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.day: date = ctx.today()
        self.sites: list[dict] = []
        self.checkin: dict = {}
        self._reloading = False

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

        # date bar ---------------------------------------------------------------------
        bar = QHBoxLayout()
        self.prev_button = QToolButton()
        self.prev_button.setText("<")
        self.prev_button.setToolTip("Previous day (Alt+Left)")
        self.next_button = QToolButton()
        self.next_button.setText(">")
        self.next_button.setToolTip("Next day (Alt+Right)")
        self.title = QLabel()
        self.title.setObjectName("dayTitle")
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.date_edit.setFixedWidth(110)
        self.date_edit.setAccessibleName("Go to date")
        self.date_error = error_label()
        self.today_button = QPushButton("&Today")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        bar.addWidget(self.prev_button)
        bar.addWidget(self.title)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel("Go to"))
        bar.addWidget(self.date_edit)
        bar.addWidget(self.today_button)
        bar.addStretch(1)
        bar.addWidget(self.saved_label)
        self.body.addLayout(bar)
        self.body.addWidget(self.date_error)
        self.prev_button.clicked.connect(lambda: self.set_day(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(self.ctx.today()))
        self.date_edit.returnPressed.connect(self._go_to_typed_date)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.prev_button.click)
        QShortcut(QKeySequence("Alt+Right"), self, activated=self.next_button.click)

        # banners and light ------------------------------------------------------------
        self.flag_banner = Banner("#b71c1c", "redFlagBanner")
        self.assess_banner = Banner("#8d6e00", "assessBanner")
        self.body.addWidget(self.flag_banner)
        self.body.addWidget(self.assess_banner)
        light_box = QGroupBox("Pain-monitoring light")
        light_row = QHBoxLayout(light_box)
        self.light_badge = LightBadge(34)
        self.light_advice = QLabel()
        self.light_advice.setObjectName("lightAdvice")
        self.light_advice.setWordWrap(True)
        self.light_reason = QLabel()
        self.light_reason.setObjectName("lightReason")
        self.light_reason.setWordWrap(True)
        texts = QVBoxLayout()
        texts.addWidget(self.light_advice)
        texts.addWidget(self.light_reason)
        light_row.addWidget(self.light_badge, 0, Qt.AlignmentFlag.AlignTop)
        light_row.addLayout(texts, 1)
        self.body.addWidget(light_box)

        # next-morning prompts ---------------------------------------------------------
        self.morning_after_box = QGroupBox("This morning")
        self.morning_after_box.setObjectName("nextMorningBox")
        self.morning_after = QVBoxLayout(self.morning_after_box)
        self.body.addWidget(self.morning_after_box)

        # check-in ---------------------------------------------------------------------
        checkin_box = QGroupBox("Morning check-in")
        grid = QGridLayout(checkin_box)
        self.fields: dict[str, NumberField] = {
            "morning_pain": NumberField("Morning pain", 0, 10, placeholder="0-10"),
            "stiffness_min": NumberField("Morning stiffness", 0, 1440, unit="minutes",
                                         placeholder="min"),
            "sleep_hours": NumberField("Sleep", 0, 24, whole=False, unit="hours",
                                       placeholder="h"),
            "stress": NumberField("Stress", 0, 10, placeholder="0-10"),
        }
        self.swelling = QComboBox()
        self.swelling.setAccessibleName("Swelling")
        self.swelling.addItem("not rated", None)
        for grade in scales.SWELLING_GRADES:
            self.swelling.addItem(grade, grade)
        self.sleep_quality = QComboBox()
        self.sleep_quality.setAccessibleName("Sleep quality")
        self.sleep_quality.addItem("not rated", None)
        for value, text in enumerate(("poor", "fair", "good", "very good", "excellent"), 1):
            self.sleep_quality.addItem(f"{value} {text}", value)
        cells = [
            ("Morning &pain (0-10)", self.fields["morning_pain"]),
            ("&Stiffness (min)", self.fields["stiffness_min"]),
            ("S&welling", self.swelling),
            ("S&leep (hours)", self.fields["sleep_hours"]),
            ("Sleep &quality", self.sleep_quality),
            ("Stre&ss (0-10)", self.fields["stress"]),
        ]
        for col, (text, widget) in enumerate(cells):
            label = QLabel(text)
            label.setBuddy(widget.edit if isinstance(widget, NumberField) else widget)
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col, Qt.AlignmentFlag.AlignTop)
        self.site_pain_row = QHBoxLayout()
        grid.addLayout(self.site_pain_row, 2, 0, 1, 6)
        self.body.addWidget(checkin_box)
        for key, field in self.fields.items():
            field.committed.connect(lambda v, k=key: self.save_checkin_field(k, v))
        self.swelling.activated.connect(
            lambda _i: self.save_checkin_field("swelling", self.swelling.currentData())
        )
        self.sleep_quality.activated.connect(
            lambda _i: self.save_checkin_field("sleep_quality", self.sleep_quality.currentData())
        )

        # red flags --------------------------------------------------------------------
        flags_box = QGroupBox("Red flags: tick any that apply today")
        flags_grid = QGridLayout(flags_box)
        self.flag_boxes: dict[str, QCheckBox] = {}
        for i, (code, (label, urgency)) in enumerate(scales.RED_FLAGS.items()):
            box = QCheckBox(label)
            box.setObjectName(f"flag_{code}")
            if urgency == scales.URGENT:
                box.setToolTip("See a clinician now if this applies.")
            else:
                box.setToolTip("Book an assessment if this applies.")
            box.toggled.connect(lambda on, c=code: self.toggle_flag(c, on))
            self.flag_boxes[code] = box
            flags_grid.addWidget(box, i // 2, i % 2)
        self.body.addWidget(flags_box)

        # sessions ---------------------------------------------------------------------
        sessions_box = QGroupBox("Sessions")
        sessions_layout = QVBoxLayout(sessions_box)
        self.sessions_layout = QVBoxLayout()
        sessions_layout.addLayout(self.sessions_layout)
        self.add_session_button = QPushButton("&Add session (Ctrl+N)")
        self.add_session_button.clicked.connect(self.add_session)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add_session)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_session_button)
        self.add_site_button = QPushButton("Add pain site...")
        self.add_site_button.clicked.connect(self.add_site)
        add_row.addWidget(self.add_site_button)
        add_row.addStretch(1)
        sessions_layout.addLayout(add_row)
        self.body.addWidget(sessions_box)
        self.session_editors: list[SessionEditor] = []

        # hook for the programme's exercises due today (filled by the programme feature)
        self.exercises_box = QGroupBox("Exercises due")
        self.exercises_box.setObjectName("exercisesBox")
        self.exercises_layout = QVBoxLayout(self.exercises_box)
        self.body.addWidget(self.exercises_box)
        self.exercises_box.hide()

        # events -----------------------------------------------------------------------
        events_box = QGroupBox("Events")
        events_layout = QVBoxLayout(events_box)
        self.events_list = QVBoxLayout()
        events_layout.addLayout(self.events_list)
        add_event = QHBoxLayout()
        self.event_kind = QComboBox()
        self.event_kind.setAccessibleName("Event kind")
        for kind in scales.EVENT_KINDS:
            self.event_kind.addItem(scales.event_label(kind), kind)
        self.event_label = QLineEdit()
        self.event_label.setPlaceholderText("label (needed for 'Other event')")
        self.event_error = error_label()
        self.add_event_button = QPushButton("Add &event")
        self.add_event_button.clicked.connect(self.add_event)
        self.event_label.returnPressed.connect(self.add_event)
        add_event.addWidget(self.event_kind)
        add_event.addWidget(self.event_label, 1)
        add_event.addWidget(self.add_event_button)
        events_layout.addLayout(add_event)
        events_layout.addWidget(self.event_error)
        self.body.addWidget(events_box)

        # notes ------------------------------------------------------------------------
        notes_box = QGroupBox("&Notes")
        notes_layout = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Anything worth remembering: what felt different, "
                                      "questions for your physio...")
        self.notes.setMinimumHeight(80)
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        notes_layout.addWidget(self.notes)
        self.body.addWidget(notes_box)
        self.body.addStretch(1)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(800)
        self._notes_timer.timeout.connect(self.save_notes)
        self.notes.textChanged.connect(self._notes_changed)
        self.write_error = error_label()
        self.body.insertWidget(1, self.write_error)

        ctx.journal_changed.connect(self._journal_changed)
        self.load()
        from ..exercises_due import install as install_exercises_due
        from ..outcomes_due import install as install_outcomes_due

        install_exercises_due(self)
        install_outcomes_due(self)

    # ---- navigation -------------------------------------------------------------------

    def activated(self) -> None:
        """Called when the page is shown: refresh the light (it may depend on other days)."""
        self.refresh_light()

    def set_day(self, day: date) -> None:
        self.flush()
        self.day = day
        self.load()

    def _go_to_typed_date(self) -> None:
        text = self.date_edit.text().strip()
        try:
            day = date.fromisoformat(text)
        except ValueError:
            self.date_error.setText(
                f"{text!r} is not a date: use YYYY-MM-DD with a real day, e.g. "
                f"{self.ctx.today().isoformat()}."
            )
            self.date_error.show()
            return
        self.date_error.hide()
        self.set_day(day)

    # ---- loading ----------------------------------------------------------------------

    def load(self) -> None:
        """Fill the form from the journal for ``self.day``."""
        self._reloading = True
        try:
            day = self.day
            today = self.ctx.today()
            self.title.setText(
                f"<h2>{'Today, ' if day == today else ''}{fmt_date(day)}</h2>"
            )
            self.date_edit.setText(day.isoformat())
            self.sites = js.list_sites()
            self.checkin = js.get_checkin(day) or {}
            for key, field in self.fields.items():
                field.set_value(self.checkin.get(key))
            _set_combo_data(self.swelling, self.checkin.get("swelling"))
            _set_combo_data(self.sleep_quality, self.checkin.get("sleep_quality"))
            self._load_site_pains()
            flags = js.red_flags(day)
            for code, box in self.flag_boxes.items():
                box.blockSignals(True)
                box.setChecked(code in flags)
                box.blockSignals(False)
            if self.notes.toPlainText() != (self.checkin.get("notes") or ""):
                self.notes.blockSignals(True)
                self.notes.setPlainText(self.checkin.get("notes") or "")
                self.notes.blockSignals(False)
            self._load_sessions()
            self._load_next_morning()
            self._load_events()
            self.write_error.hide()
        finally:
            self._reloading = False
        self.refresh_light()

    def _load_site_pains(self) -> None:
        _clear_layout(self.site_pain_row)
        self.site_fields: dict[int, NumberField] = {}
        if len(self.sites) < 2:
            return
        pains = js.checkin_site_pains(self.day)
        self.site_pain_row.addWidget(QLabel("Morning pain elsewhere:"))
        for site in self.sites[1:]:
            field = NumberField(f"Morning pain ({site['label']})", 0, 10, placeholder="0-10")
            field.set_value(pains.get(site["id"]))
            field.committed.connect(lambda v, s=site["id"]: self.save_site_pain(s, v))
            self.site_pain_row.addWidget(QLabel(site["label"]))
            self.site_pain_row.addWidget(field)
            self.site_fields[site["id"]] = field
        self.site_pain_row.addStretch(1)

    def _load_sessions(self) -> None:
        _clear_layout(self.sessions_layout)
        self.session_editors = []
        for values in js.list_sessions(self.day):
            self._add_editor(values)
        if not self.session_editors:
            empty = QLabel("No session recorded on this day. Rest days count too: "
                           "they show as zero load.")
            empty.setObjectName("noSessions")
            self.sessions_layout.addWidget(empty)

    def _add_editor(self, values: dict | None) -> SessionEditor:
        for i in range(self.sessions_layout.count()):
            widget = self.sessions_layout.itemAt(i).widget()
            if widget is not None and widget.objectName() == "noSessions":
                widget.hide()
        editor = SessionEditor(self, values)
        self.sessions_layout.addWidget(editor)
        self.session_editors.append(editor)
        return editor

    def _load_next_morning(self) -> None:
        _clear_layout(self.morning_after)
        yesterday = self.day - timedelta(days=1)
        sessions = js.list_sessions(yesterday)
        self.next_morning_fields: dict[int, NumberField] = {}
        if not sessions:
            self.morning_after_box.hide()
            return
        self.morning_after_box.show()
        profile = js.get_profile() or {}
        joint = profile.get("joint") or "joint"
        for s in sessions:
            row = QHBoxLayout()
            when = "yesterday's" if self.day == self.ctx.today() else f"{yesterday:%a %d %b}'s"
            question = QLabel(
                f"How is the {joint} this morning after {when} {s['kind']} "
                f"({s['minutes']} min)?"
            )
            question.setObjectName("nextMorningQuestion")
            field = NumberField("Next-morning pain", 0, 10, placeholder="0-10")
            field.set_value(s["next_morning_pain"])
            field.committed.connect(lambda v, sid=s["id"]: self.save_next_morning(sid, v))
            status = QLabel("waiting for your rating" if s["next_morning_pain"] is None
                            else "rated")
            row.addWidget(question)
            row.addWidget(field)
            row.addWidget(status)
            row.addStretch(1)
            self.morning_after.addLayout(row)
            self.next_morning_fields[s["id"]] = field

    def _load_events(self) -> None:
        _clear_layout(self.events_list)
        for event in js.list_events(self.day):
            row = QHBoxLayout()
            text = scales.event_label(event["kind"])
            if event["label"]:
                text += f": {event['label']}"
            row.addWidget(QLabel(text))
            remove = QToolButton()
            remove.setText("Remove")
            remove.clicked.connect(lambda _=False, e=event: self.remove_event(e))
            row.addWidget(remove)
            row.addStretch(1)
            self.events_list.addLayout(row)

    # ---- light and banners ------------------------------------------------------------

    def refresh_light(self) -> None:
        day = self.day
        journal = js.load_journal(day - timedelta(days=LIGHT_LOOKBACK_DAYS),
                                  day + timedelta(days=1))
        th = js.thresholds()
        if day == self.ctx.today():
            result = light_mod.today_light(journal, day, th)
        else:
            result = light_mod.day_light(journal, day, th)
        self.current_light = result
        self.light_badge.set_colour(result.colour)
        colour = {"green": "Green", "amber": "Amber", "red": "Red"}.get(result.colour or "")
        if colour:
            self.light_advice.setText(f"<b>{colour}:</b> {result.advice}")
        else:
            self.light_advice.setText("<b>No light yet.</b> Rate your pain to get one.")
        self.light_reason.setText(result.reason)
        self._refresh_banners(journal, th)

    def _refresh_banners(self, journal, th) -> None:
        record = journal.get(self.day)
        urgent = [f for f in record.red_flags if scales.is_urgent(f.code)]
        if urgent:
            items = "".join(f"<li>{scales.red_flag_label(f.code)}</li>" for f in urgent)
            self.flag_banner.set_text(
                "<b>See a clinician now.</b> You recorded a red flag today:"
                f"<ul>{items}</ul>Do not train through this. "
                "If you cannot reach your clinician, seek urgent care."
            )
        else:
            self.flag_banner.set_text(None)
        profile = js.get_profile() or {}
        reasons = redflags.assessment_suggestions(journal, self.day, th,
                                                  profile.get("onset_date"))
        if reasons:
            self.assess_banner.set_text(
                "<b>Consider booking an assessment.</b><br>" + "<br>".join(reasons)
            )
        else:
            self.assess_banner.set_text(None)

    # ---- saving -----------------------------------------------------------------------

    def after_save(self, what: str = "Saved") -> None:
        from datetime import datetime

        self.write_error.hide()
        self.saved_label.setText(f"{what} {datetime.now():%H:%M:%S}")
        self.ctx.saved(what)
        self._own_change = True
        self.ctx.journal_changed.emit(self.day)
        self._own_change = False
        self.refresh_light()

    def external_change(self) -> None:
        """After undo/redo: show the journal as it now is."""
        self.ctx.journal_changed.emit(None)

    def _journal_changed(self, day) -> None:
        if getattr(self, "_own_change", False):
            return
        if day is None or day in (self.day, self.day - timedelta(days=1)):
            self.load()

    def write_failed(self, exc: Exception) -> None:
        """A disk-full or I/O error: say so and keep what the user typed."""
        self.write_error.setText(
            f"Could not save: {exc}. What you typed is still in the form; "
            "free some disk space or check the data folder, then try again."
        )
        self.write_error.show()
        self.ctx.status.emit("Save failed")

    def show_errors(self, exc: ValidationError, fields: dict[str, NumberField]) -> None:
        for key, message in exc.errors.items():
            field = fields.get(key)
            if field is not None:
                field.show_error(message)
            else:
                self.write_error.setText(message)
                self.write_error.show()

    def save_checkin_field(self, key: str, value) -> None:
        if self._reloading:
            return
        day = self.day
        old = self.checkin.get(key)
        if old == value:
            return
        try:
            js.save_checkin(day, {key: value})
        except ValidationError as exc:
            self.show_errors(exc, self.fields)
            return
        except Exception as exc:  # noqa: BLE001
            if key in self.fields:
                self.fields[key].commit_failed(old)
            self.write_failed(exc)
            return
        self.checkin[key] = value
        label = js.FIELD_LABELS.get(key, key).lower()
        push_done(self.ctx.undo_stack, f"change {label}",
                  lambda: js.save_checkin(day, {key: value}),
                  lambda: js.save_checkin(day, {key: old}),
                  self.external_change)
        self.after_save()

    def save_site_pain(self, site_id: int, value) -> None:
        day = self.day
        old = js.checkin_site_pains(day).get(site_id)
        try:
            js.set_checkin_site_pain(day, site_id, value)
        except Exception as exc:  # noqa: BLE001
            self.write_failed(exc)
            return
        push_done(self.ctx.undo_stack, "change morning pain",
                  lambda: js.set_checkin_site_pain(day, site_id, value),
                  lambda: js.set_checkin_site_pain(day, site_id, old),
                  self.external_change)
        self.after_save()

    def save_next_morning(self, session_id: int, value) -> None:
        old = (js.get_session(session_id) or {}).get("next_morning_pain")
        try:
            js.update_session(session_id, {"next_morning_pain": value})
        except ValidationError as exc:
            self.next_morning_fields[session_id].show_error(str(exc))
            return
        except Exception as exc:  # noqa: BLE001
            self.write_failed(exc)
            return
        push_done(self.ctx.undo_stack, "change next-morning pain",
                  lambda: js.update_session(session_id, {"next_morning_pain": value}),
                  lambda: js.update_session(session_id, {"next_morning_pain": old}),
                  self.external_change)
        self.after_save()

    def _notes_changed(self) -> None:
        if not self._reloading:
            self._notes_timer.start()

    def save_notes(self) -> None:
        self._notes_timer.stop()
        text = self.notes.toPlainText()
        if text == (self.checkin.get("notes") or ""):
            return
        self.save_checkin_field("notes", text)

    def flush(self) -> None:
        """Save anything still waiting (notes typed less than a second ago)."""
        if self._notes_timer.isActive():
            self.save_notes()

    def toggle_flag(self, code: str, on: bool) -> None:
        day = self.day
        try:
            js.set_red_flag(day, code, on)
        except Exception as exc:  # noqa: BLE001
            self.write_failed(exc)
            return
        label = scales.red_flag_label(code)
        push_done(self.ctx.undo_stack, f"{'tick' if on else 'untick'} red flag",
                  lambda: js.set_red_flag(day, code, on),
                  lambda: js.set_red_flag(day, code, not on),
                  self.external_change)
        self.after_save(f"Red flag {'recorded' if on else 'removed'}: {label}.")

    def add_session(self) -> SessionEditor:
        editor = self._add_editor(None)
        editor.kind.setFocus()
        return editor

    def last_kind(self) -> str:
        for editor in reversed(self.session_editors):
            if editor.kind.currentText():
                return editor.kind.currentText()
        return "run"

    def remove_draft(self, editor: SessionEditor) -> None:
        self.session_editors.remove(editor)
        editor.hide()
        editor.deleteLater()

    def add_site(self) -> None:
        dialog = AddSiteDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            js.add_site(dialog.joint.currentText(), dialog.side.currentData() or "",
                        dialog.area.text(), primary=not self.sites)
        except ValidationError as exc:
            self.write_error.setText(str(exc))
            self.write_error.show()
            return
        self.after_save("Pain site added")
        self.load()

    def add_event(self) -> None:
        kind = self.event_kind.currentData()
        label = self.event_label.text().strip()
        day = self.day
        try:
            eid = js.add_event(day, kind, label)
        except ValidationError as exc:
            self.event_error.setText(str(exc))
            self.event_error.show()
            return
        self.event_error.hide()
        self.event_label.clear()
        holder = {"id": eid}
        push_done(self.ctx.undo_stack, "add event",
                  lambda: holder.update(id=js.add_event(day, kind, label)),
                  lambda: js.delete_event(holder["id"]),
                  self.external_change)
        self.after_save("Event added")
        self._load_events()

    def remove_event(self, event: dict) -> None:
        day = self.day
        js.delete_event(event["id"])
        holder = {"id": event["id"]}
        push_done(self.ctx.undo_stack, "remove event",
                  lambda: js.delete_event(holder["id"]),
                  lambda: holder.update(id=js.add_event(day, event["kind"], event["label"],
                                                        event["notes"])),
                  self.external_change)
        self.after_save("Event removed")
        self._load_events()
