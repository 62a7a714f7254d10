"""Sessions of the day: activity, minutes, effort, distance, pain before/during/after, site.

A new session is saved as soon as it has an activity and minutes (with everything typed
so far, as one undo step); after that each field saves when the user leaves it.

The day's rehab session made from the programme's exercise logs (``source`` 'programme',
see ``services/exercise_logs.py``) shows here like any other; it says that its minutes are
an estimate until the person types their own. The section follows the exercises due of
the same page (a logged exercise makes or changes that session) without losing a session
still being typed. A "rehab exercises" session typed on a day that has that session is
merged into it by the service (no double counting): the section then shows one session
and says so.

A session from a watch or app file (issue 20), or typed by hand and matched with one, says
under its fields what the file gave beyond them: its start, heart rate, climb and pauses.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ....domain import scales
from ....services import journal as js
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import (
    FlowLayout,
    NumberField,
    clear_layout,
    error_label,
    errors_below,
    labelled,
    layout_entries,
    set_combo_data,
    ui_locale,
)
from ..labels import field_label, joint_text, joint_value, kind_text, kind_value, side_text
from .siblings import changed_by_sibling, relink

PAIN_FIELDS = ("pain_before", "pain_during", "pain_after")
HEADERS = (QT_TRANSLATE_NOOP("SessionEditor", "Activity"),
           QT_TRANSLATE_NOOP("SessionEditor", "Minutes"),
           QT_TRANSLATE_NOOP("SessionEditor", "Effort (CR-10)"),
           QT_TRANSLATE_NOOP("SessionEditor", "Distance"),
           QT_TRANSLATE_NOOP("SessionEditor", "Pain before"),
           QT_TRANSLATE_NOOP("SessionEditor", "Pain during (worst)"),
           QT_TRANSLATE_NOOP("SessionEditor", "Pain after"),
           QT_TRANSLATE_NOOP("SessionEditor", "Site"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionEditor", text)


def rpe_combo() -> QComboBox:
    """A combo box of the CR-10 effort scale, "effort..." (None) first."""
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("SessionEditor", "effort..."), None)
    for value in range(0, 11):
        label = scales.cr10_label(value)
        combo.addItem(f"{value}  {label}" if label else str(value), value)
    combo.setToolTip(QCoreApplication.translate(
        "SessionEditor", "Session effort on the CR-10 scale: 0 rest, 3 moderate, 5 hard, "
        "7 very hard, 10 maximal"))
    combo.setAccessibleName(QCoreApplication.translate("SessionEditor", "Effort (CR-10)"))
    return combo


def fmt_start(value: time) -> str:
    """A session's start time in the UI's language ("07:02"; the locale's short form)."""
    return ui_locale().toString(QTime(value.hour, value.minute),
                                QLocale.FormatType.ShortFormat)


def pain_field(label: str) -> NumberField:
    return NumberField(label, 0, 10, placeholder="0-10", width=56)


class SessionEditor(QFrame):
    """One session of the day (a draft until it has an activity and minutes).

    Attributes:
        session_id: the saved session's id, None for a draft.
        values: the session as last read or saved ({field: value}; site is an id).
    """

    def __init__(self, section: SessionsSection, values: dict | None):
        super().__init__()
        self.section = section
        self.setObjectName("sessionEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session_id = values["id"] if values else None
        self.values: dict[str, Any] = dict(values or {})
        self.extras: dict[int, dict] = {}
        sites = section.sites
        box = QVBoxLayout(self)
        box.setSpacing(4)

        self.kind = QComboBox()
        self.kind.setEditable(True)
        for kind in scales.ACTIVITY_KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.kind.setAccessibleName(self.tr("Activity"))
        self.kind.setMinimumWidth(120)
        kind = self.values.get("kind")
        self.kind.setCurrentText(kind_text(kind) if kind else section.last_kind())
        self.kind_error = error_label()
        self.minutes = NumberField(self.tr("Duration"), 0, 1440, unit=self.tr("minutes"),
                                   placeholder="min")
        self.rpe = rpe_combo()
        self.distance = NumberField(self.tr("Distance"), 0, 500, whole=False, unit="km",
                                    placeholder="km")
        self.pains = {key: pain_field(field_label(key)) for key in PAIN_FIELDS}
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Pain site"))
        for site in sites:
            self.site.addItem(site["label"], site["id"])
        # as wide as the longest site name, so the chosen one shows whole ("genou (côté
        # gauche) (derrière ou autour de la rotule)"); a row too wide for the window puts
        # its last fields on a second line (FlowLayout). The tooltip names the site too.
        self.site.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.site.currentTextChanged.connect(
            lambda text: self.site.setToolTip(
                self.tr("The pain site of this session's pain ratings: {site}").format(
                    site=text) if text else
                self.tr("The pain site of this session's pain ratings")))
        self.site.setToolTip(self.tr("The pain site of this session's pain ratings"))
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("notes (route, shoes, how it felt)"))
        self.delete_button = QToolButton()
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this session (Edit > Undo brings it back)"))
        self.hint = QLabel(self.tr("Enter the minutes to save this session."))
        self.hint.setStyleSheet("font-style: italic;")
        self.source_note = QLabel()
        self.source_note.setObjectName("sessionSource")
        self.source_note.setStyleSheet("font-style: italic;")
        self.source_note.setWordWrap(True)

        # The fields wrap onto more lines on a narrow window (1024 px, 200 % scale): the
        # Delete button stays visible, and each field keeps its header above it.
        cells = [self.kind, self.minutes, self.rpe, self.distance,
                 *(self.pains[key] for key in PAIN_FIELDS), self.site]
        row = FlowLayout(spacing=8, bottom=True)
        for text, widget in zip(HEADERS, cells, strict=True):
            row.addWidget(labelled(_tr(text), widget))
        row.addWidget(self.delete_button)
        box.addLayout(row)
        box.addWidget(self.kind_error)
        # a refusal spans the editor under the fields, not a six-line column under one
        errors_below([self.minutes, self.distance, *self.pains.values()], box)
        box.addWidget(self.notes)
        box.addWidget(self.hint)
        box.addWidget(self.source_note)
        self.extra_fields: dict[int, dict[str, NumberField]] = {}
        for site in sites[1:]:
            extra = FlowLayout(bottom=True)
            extra.addWidget(QLabel(self.tr("Also {site}:").format(site=site["label"])))
            fields = {key: pain_field(self.tr("{field} ({site})").format(
                          field=field_label(key), site=site["label"]))
                      for key in PAIN_FIELDS}
            for key in PAIN_FIELDS:
                extra.addWidget(labelled(field_label(key), fields[key]))
                fields[key].committed.connect(
                    lambda v, s=site["id"], k=key: self._extra_committed(s, k, v))
            box.addLayout(extra)
            errors_below(fields.values(), box)
            self.extra_fields[site["id"]] = fields

        self._load()
        self.kind.lineEdit().editingFinished.connect(self._kind_committed)
        self.kind.activated.connect(lambda _i: self._kind_committed())
        self.minutes.committed.connect(lambda v: self._committed("minutes", v))
        self.distance.committed.connect(lambda v: self._committed("distance_km", v))
        self.rpe.activated.connect(lambda _i: self._committed("rpe", self.rpe.currentData()))
        self.site.activated.connect(lambda _i: self._committed("site", self.site.currentData()))
        self.notes.editingFinished.connect(lambda: self._committed("notes", self.notes.text()))
        for key, field in self.pains.items():
            field.committed.connect(lambda v, k=key: self._committed(k, v))
        self.delete_button.clicked.connect(self.delete)

    def _load(self) -> None:
        v = self.values
        self.minutes.set_value(v.get("minutes"))
        self.distance.set_value(v.get("distance_km"))
        set_combo_data(self.rpe, v.get("rpe"))
        for key, field in self.pains.items():
            field.set_value(v.get(key))
        sites = self.section.sites
        set_combo_data(self.site, v.get("site") or (sites[0]["id"] if sites else None))
        self.notes.setText(v.get("notes") or "")
        self.hint.setVisible(self.session_id is None)
        self._show_source()
        if self.session_id:
            self.extras = js.session_site_pains(self.session_id)
            for site_id, fields in self.extra_fields.items():
                for key, field in fields.items():
                    field.set_value(self.extras.get(site_id, {}).get(key))

    def _show_source(self) -> None:
        v = self.values
        from_file = v.get("activity_file") is not None
        if v.get("source") == "programme":
            self.source_note.setText(
                self.tr("From the programme's exercises logged today (Exercises due below): "
                        "the minutes are estimated from the prescriptions; type the real "
                        "minutes to replace the estimate.") if v.get("minutes_estimated") else
                self.tr("From the programme's exercises logged today (Exercises due below)."))
        elif from_file:
            self.source_note.setText(self.file_note())
        self.source_note.setVisible(v.get("source") == "programme" or from_file)

    def file_note(self) -> str:
        """What the watch or app file said beyond the fields (issue 20): "From a watch or
        app file: started 07:02, average heart rate 148 bpm (highest 171), 120 m climb,
        5 min of pauses." ("Typed by hand and matched with ..." for a merged one)."""
        v = self.values
        details = []
        if v.get("start_time") is not None:
            details.append(self.tr("started {time}").format(time=fmt_start(v["start_time"])))
        if v.get("avg_hr"):
            details.append(
                self.tr("average heart rate {bpm} bpm (highest {top})").format(
                    bpm=v["avg_hr"], top=v["max_hr"]) if v.get("max_hr") else
                self.tr("average heart rate {bpm} bpm").format(bpm=v["avg_hr"]))
        if v.get("ascent_m"):
            details.append(self.tr("{metres} m climb").format(metres=round(v["ascent_m"])))
        if v.get("elapsed_s") and v.get("moving_s") is not None:
            pauses = round((v["elapsed_s"] - v["moving_s"]) / 60)
            if pauses >= 1:
                details.append(self.tr("{minutes} min of pauses (not counted)").format(
                    minutes=pauses))
        if v.get("source") == "file":
            if not details:
                return self.tr("From a watch or app file.")
            return self.tr("From a watch or app file: {details}.").format(
                details=", ".join(details))
        if not details:
            return self.tr("Typed by hand and matched with a watch or app file.")
        return self.tr("Typed by hand and matched with a watch or app file: {details}.").format(
            details=", ".join(details))

    def _kind_committed(self) -> None:
        text = kind_value(self.kind.currentText().strip())
        if not text:
            self.kind_error.setText(
                self.tr("Activity needs a name, e.g. run, cycle or rehab exercises."))
            self.kind_error.show()
            return
        self.kind_error.hide()
        if text != self.values.get("kind"):
            self._committed("kind", text)

    def current_values(self) -> dict:
        """Every field as shown (for saving a draft in one go)."""
        values = {
            "kind": kind_value(self.kind.currentText().strip()),
            "minutes": self.minutes.value(),
            "rpe": self.rpe.currentData(),
            "distance_km": self.distance.value(),
            "site": self.site.currentData(),
            "notes": self.notes.text(),
        }
        values.update({k: f.value() for k, f in self.pains.items()})
        return values

    def field_map(self) -> dict[str, NumberField]:
        return {"minutes": self.minutes, "distance_km": self.distance, **self.pains}

    def _failed(self, key: str, old) -> None:
        field = self.field_map().get(key)
        if field is not None:
            field.commit_failed(old)  # the typed text stays; finishing it again retries

    def _committed(self, key: str, value) -> None:
        section = self.section
        old = self.values.get(key)
        if self.session_id is None:
            values = self.current_values()
            if not values["kind"] or values["minutes"] is None:
                self.values[key] = value  # a draft: saved once it has kind and minutes
                return
            edit = apply_edit(section.ctx, lambda: js.edit_add_session(section.day, values),
                              fields=self.field_map(), source=section)
            if edit is None:
                self._failed(key, old)
                return
            self.session_id = edit.result
            if js.is_merged(edit):
                section.show_merged(edit.result)  # one session: the app's, now with these
                return
            self.values = js.get_session(edit.result)
            self.hint.hide()
            return
        if old == value:
            return
        sid = self.session_id
        edit = apply_edit(section.ctx, lambda: js.edit_session(sid, {key: value}),
                          fields=self.field_map(), source=section)
        if edit is None:
            self._failed(key, old)
            return
        if js.is_merged(edit):
            section.show_merged(sid)  # the app's rehab session is gone into this one
            return
        self.values[key] = value
        if key == "minutes":
            self.values["minutes_estimated"] = False
            self._show_source()

    def _extra_committed(self, site_id: int, key: str, value) -> None:
        if self.session_id is None:
            return
        sid, field = self.session_id, self.extra_fields[site_id][key]
        edit = apply_edit(self.section.ctx,
                          lambda: js.edit_session_site_pain(sid, site_id, {key: value}),
                          fields={key: field}, source=self.section)
        if edit is None:
            field.commit_failed(self.extras.get(site_id, {}).get(key))
            return
        self.extras.setdefault(site_id, {})[key] = value

    def delete(self) -> None:
        """Delete the session (Edit > Undo brings it back), or drop a draft."""
        section = self.section
        if self.session_id is None:
            section.remove_draft(self)
            return
        sid = self.session_id
        index = section.editors.index(self)
        if apply_edit(section.ctx, lambda: js.edit_delete_session(sid), source=section):
            section.refresh()
            section.focus_after_removal(index)


class AddSiteDialog(QDialog):
    """Asks for a new pain site: joint, side and area."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a pain site"))
        form = QFormLayout(self)
        self.joint = QComboBox()
        self.joint.setEditable(True)
        for joint in scales.JOINTS:
            self.joint.addItem(joint_text(joint), joint)
        self.side = QComboBox()
        for side in scales.SIDES:
            self.side.addItem(side_text(side), side)
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("e.g. below the kneecap"))
        form.addRow(self.tr("&Joint"), self.joint)
        form.addRow(self.tr("&Side"), self.side)
        form.addRow(self.tr("&Area"), self.area)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class SessionsSection(QGroupBox):
    """The day's sessions, "Add session (Ctrl+N)" and "Add pain site...".

    Attributes:
        editors: the session editors shown, in order (drafts last).
        sites: the pain sites (the primary first) the editors offer.
    """

    def __init__(self, ctx: AppContext):
        super().__init__(self.tr("Sessions"))
        self.ctx = ctx
        self.day: date = ctx.today()
        self.sites: list[dict] = []
        self.editors: list[SessionEditor] = []
        layout = QVBoxLayout(self)
        self.sessions_layout = QVBoxLayout()
        layout.addLayout(self.sessions_layout)
        self.add_session_button = QPushButton(self.tr("&Add session (Ctrl+N)"))
        self.add_session_button.clicked.connect(self.add_session)
        add = QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add_session)
        # listed by Help > Keyboard Shortcuts
        add.setWhatsThis(self.tr("Today: Add a session"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_session_button)
        self.add_site_button = QPushButton(self.tr("Add pain s&ite..."))
        self.add_site_button.clicked.connect(self.add_site)
        add_row.addWidget(self.add_site_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        self.error = error_label()
        layout.addWidget(self.error)
        ctx.journal_changed.connect(self._journal_changed)

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def _journal_changed(self, day) -> None:
        # The exercises due make, change or remove the day's rehab session.
        if changed_by_sibling(self, self.ctx, day, self.day):
            self.refresh(keep_drafts=True)

    def refresh(self, keep_drafts: bool = False) -> None:
        """Show the day's sessions again (``keep_drafts``: sessions still being typed stay)."""
        drafts = [e for e in self.editors if e.session_id is None] if keep_drafts else []
        for editor in drafts:
            self.sessions_layout.removeWidget(editor)
        clear_layout(self.sessions_layout)
        self.editors = []
        self.sites = js.list_sites()
        for values in js.list_sessions(self.day):
            self._add_editor(values)
        for editor in drafts:
            self._add_editor(editor)
        if not self.editors:
            empty = QLabel(self.tr("No session recorded on this day. Rest days count too: "
                                   "they show as zero load."))
            empty.setObjectName("noSessions")
            self.sessions_layout.addWidget(empty)
        relink(self)

    def _add_editor(self, values: dict | SessionEditor | None) -> SessionEditor:
        for widget in layout_entries(self.sessions_layout):
            if isinstance(widget, QWidget) and widget.objectName() == "noSessions":
                widget.hide()
        editor = values if isinstance(values, SessionEditor) else SessionEditor(self, values)
        self.sessions_layout.addWidget(editor)
        self.editors.append(editor)
        return editor

    def add_session(self) -> SessionEditor:
        """Add a draft session editor and put the cursor in its activity."""
        editor = self._add_editor(None)
        relink(self)
        editor.kind.setFocus()
        return editor

    def focus_after_removal(self, index: int) -> None:
        """The cursor goes to the session now at ``index`` (the one before it when it was
        the last; "Add session" when none is left), never to the sidebar."""
        if self.editors:
            editor = self.editors[min(index, len(self.editors) - 1)]
            relink(self, editor.kind)
        else:
            relink(self, self.add_session_button)

    def last_kind(self) -> str:
        """The activity of the last session shown ("run" when none), for a new draft, as
        shown (in the UI's language)."""
        for editor in reversed(self.editors):
            if editor.kind.currentText():
                return editor.kind.currentText()
        return kind_text("run")

    def show_merged(self, session_id: int) -> SessionEditor | None:
        """Show the day again after a typed "rehab exercises" session was merged with the
        one the app made from the exercise logs (``js.MERGED_STATUS``): one session, whose
        note says what happened (the status bar says it too)."""
        self.refresh(keep_drafts=True)
        editor = next((e for e in self.editors if e.session_id == session_id), None)
        if editor is not None:
            editor.source_note.setText(self.tr(
                "Merged with the rehab exercises session made from your exercise log: one "
                "session, so the exercises count once."))
            editor.source_note.setVisible(True)
            editor.rpe.setFocus()
        return editor

    def remove_draft(self, editor: SessionEditor) -> None:
        index = self.editors.index(editor)
        self.editors.remove(editor)
        focus = QApplication.focusWidget()
        focused = focus is not None and editor.isAncestorOf(focus)
        if focused:
            focus.clearFocus()  # hiding it would send the cursor to a random widget
        editor.hide()
        editor.deleteLater()
        if focused:
            self.focus_after_removal(index)
        else:
            relink(self)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def add_site(self) -> None:
        """Ask for a new pain site and add it (the first one becomes the primary)."""
        dialog = AddSiteDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        joint, side, area = (joint_value(dialog.joint.currentText()),
                             dialog.side.currentData() or "", dialog.area.text())
        primary = not self.sites
        # A new site changes the check-in and every session: no source, so the whole page
        # (and every other page) reloads as after any change made elsewhere.
        if apply_edit(self.ctx, lambda: js.edit_add_site(joint, side, area, primary=primary),
                      message=self.show_error):
            self.error.hide()
