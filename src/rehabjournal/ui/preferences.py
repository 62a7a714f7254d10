"""Preferences: the pain-monitoring thresholds and the pattern finder's settings (design
choices, so they are settings).

The dialog is built from the settings registry (``services/settings.py``): one editor per
option of the "preferences" page and, in the "Pattern finder" box under them, of the
"patterns" page (what counts as a flare, the false-discovery rate, a short night), with the option's
label, range, step and help, in the registry's order; the pattern finder's own factors
are a check box per label of the journal's own ("Other") events. The values are stored
in the journal itself, so that the app, the command line and reports made from this
journal all use the same values. OK saves them as one undoable edit
(``ui/edit_path.apply_edit``).

"Activity files" (a tab of its own; ``ActivityFilesTab``) holds what watch and app files
need: the sport -> activity mapping (``activities.mapping``: the built-in
``domain.activities.DEFAULT_SPORT_KINDS`` with the person's changes on top), the heart rates
of the heart-rate load (``hr.rest``, ``hr.max``, ``hr.weighting``: the registry's
"activities" page) and this computer's watched folder (``activities.watch_folder``). They are
saved with the rest by OK, in the same undo step.

"Reminders and start-up" holds this computer's choices (``ui/settings.UI_OPTIONS``, not the
journal's): the tray icon, the morning reminder (only when today's check-in is missing) and
the evening one (only when a session waits for its next-morning rating), and "Start with the
computer, in the tray" (``services/autostart``: on when its file is there). A reminder or the
start in the tray needs the tray icon, so ticking one ticks it; without a tray on this
desktop the box says so and is disabled.

The dialog fits the screen it opens on (``fit_to_screen``): everything above the buttons
scrolls in a ``QScrollArea`` and OK/Cancel stay visible, also on a 1024x600 screen.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QRect,
    QSize,
    Qt,
    QTime,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.activities import DEFAULT_SPORT_KINDS, mapping_key
from ..domain.scales import ACTIVITY_KINDS, activity_name
from ..errors import StorageError, ValidationError
from ..i18n import _
from ..services import autostart, reminders, settings
from ..services import journal as journal_service
from . import settings as ui_settings
from .accessibility import name_controls
from .context import AppContext
from .edit_path import apply_edit


def editor_for(option: settings.Option) -> QSpinBox | QDoubleSpinBox:
    """A spin box with the option's range, step and help (named by the option's field;
    the help in the UI's language)."""
    if option.type is float:
        editor = QDoubleSpinBox()
        editor.setDecimals(2)
    else:
        editor = QSpinBox()
    editor.setRange(option.minimum, option.maximum)
    editor.setSingleStep(option.step or 1)
    editor.setToolTip(_(option.help) if option.help else "")
    editor.setObjectName(option.field)
    return editor


CUSTOM_FACTORS = "patterns.custom_factors"
FRAME_ROOM = QSize(16, 48)
"""Pixels of the free screen left for the window frame and title bar the system adds."""
NO_TRAY = QT_TRANSLATE_NOOP(
    "PreferencesDialog",
    "This desktop shows no tray icons, so rehabjournal cannot show reminders or "
    "start in the tray here.")
NO_OWN_EVENTS = QT_TRANSLATE_NOOP(
    "PreferencesDialog",
    "No events of your own yet. Add one on Today under Events (\u201cOther "
    "event\u201d, with a short label) to have it tested here.")


class PreferencesDialog(QDialog):
    """Attributes:
        editors: {option key: spin box} of the light's thresholds, e.g.
            ``editors["thresholds.green_peak_max"]``.
        pattern_editors: {option key: spin box} of the pattern finder ("patterns" page).
        factor_checks: {event label: check box} for ``patterns.custom_factors``.
    """

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Preferences"))
        outer = QVBoxLayout(self)
        self.body = QWidget()
        self.body.setObjectName("preferencesBody")
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self._language_row(layout)
        intro = QLabel(
            "<b>" + self.tr("Pain-monitoring light") + "</b><br>"
            + self.tr("These thresholds are design choices, not validated rules. Change them "
                      "with your clinician.")
        )
        intro.setWordWrap(True)  # a long translation wraps instead of widening the dialog
        layout.addWidget(intro)
        self.editors = self._form(settings.PREFERENCES, layout)
        boxes = QHBoxLayout()  # side by side: the dialog fits a 768-pixel-high screen
        boxes.addWidget(self._patterns_box(), 3)
        boxes.addWidget(self._reminders_box(), 2)
        layout.addLayout(boxes)
        layout.addStretch(1)
        # a short screen scrolls the options; the message and the buttons stay in view
        self.scroll = QScrollArea()
        self.scroll.setObjectName("preferencesScroll")
        self.scroll.setAccessibleName(self.tr("Preferences"))
        self.scroll.setWidget(self.body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # two tabs: everything above, and the activity files' own (issue 20)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("preferencesTabs")
        self.tabs.addTab(self.scroll, self.tr("&General"))
        self.activity_tab = ActivityFilesTab(self)
        self.tabs.addTab(self.activity_tab, self.tr("&Activity files"))
        outer.addWidget(self.tabs, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        outer.addWidget(buttons)
        self.buttons = buttons
        name_controls(self)  # each field named by its row's label, read with its range
        self.fit_to_screen()

    def fit_to_screen(self, free: QRect | None = None) -> None:
        """Size the dialog to its content, but never larger than ``free`` (default: the
        free area of its screen, the parent's): the rest scrolls, the buttons stay
        visible."""
        if free is None:
            screen = (self.parentWidget() or self).screen()
            if screen is None:
                return
            free = screen.availableGeometry()
        outer = self.layout()
        margins = outer.contentsMargins()
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        body = self.body.sizeHint()
        want_w = body.width() + bar + margins.left() + margins.right()
        # the tab bar and the tab's frame above and around the scrolling options
        frame = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_DefaultFrameWidth) + 4
        tabs = self.tabs.tabBar().sizeHint().height() + frame
        want_w += frame
        want_h = (body.height() + tabs + self.error.sizeHint().height()
                  + self.buttons.sizeHint().height() + 2 * outer.spacing()
                  + margins.top() + margins.bottom())
        # leave room for the window's title bar and frame, which the system adds
        width = min(want_w, free.width() - FRAME_ROOM.width())
        height = min(want_h, free.height() - FRAME_ROOM.height())
        self.resize(max(width, 200), max(height, 200))
        if self.isVisible():
            self._keep_on_screen(free)

    def _keep_on_screen(self, free) -> None:
        frame = self.frameGeometry()
        x = min(max(frame.x(), free.left()), free.right() - frame.width() + 1)
        y = min(max(frame.y(), free.top()), free.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        holder = self.parentWidget() or self
        if holder.screen() is not None:
            self._keep_on_screen(holder.screen().availableGeometry())

    def _language_row(self, layout: QVBoxLayout) -> None:
        """Preferences > Language (this computer's ``ui.language``), first in the dialog.

        System (the computer's language, named in brackets), English, Français, Deutsch:
        each language in its own words, so a person finds theirs whatever the window's
        language. The choice applies at the next start; the note beside it says so.
        """
        from .. import i18n
        from .i18n import chosen_language

        row = QHBoxLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        system = i18n.resolve("system", QLocale.system().uiLanguages())
        self.language.addItem(self.tr("System ({language})").format(
            language=i18n.NATIVE_NAMES[system]), "system")
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.NATIVE_NAMES[code], code)
        saved = ui_settings.get("ui.language")
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        self.language.setToolTip(_(ui_settings.ui_option("ui.language").help))
        label = QLabel(self.tr("&Language"))
        label.setBuddy(self.language)
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        running = chosen_language()

        def changed() -> None:
            wanted = i18n.resolve(self.language.currentData(),
                                  QLocale.system().uiLanguages())
            self.language_note.setText(
                "" if wanted == running else
                self.tr("Applies when rehabjournal starts again: close it and open it to "
                        "see it in {language}.").format(language=i18n.NATIVE_NAMES[wanted]))

        self.language.currentIndexChanged.connect(changed)
        changed()
        row.addWidget(label)
        row.addWidget(self.language)
        row.addWidget(self.language_note, 1)
        layout.addLayout(row)

    def _form(self, page: str, layout: QVBoxLayout) -> dict[str, QSpinBox | QDoubleSpinBox]:
        """A form of the numeric options of ``page``, added to ``layout``."""
        form = QFormLayout()
        editors: dict[str, QSpinBox | QDoubleSpinBox] = {}
        shown = [o for o in settings.options(page=page) if o.type in (int, float)]
        current = settings.get_many(o.key for o in shown)
        for option in shown:
            editor = editor_for(option)
            if option.unit and option.unit not in option.label:  # the English words
                editor.setSuffix(f" {_(option.unit)}")  # "2 points"
            editor.setValue(current[option.key])
            editors[option.key] = editor
            form.addRow(_(option.label), editor)
        layout.addLayout(form)
        return editors

    def _patterns_box(self) -> QGroupBox:
        page = QGroupBox(self.tr("Pattern finder (Progress \u203a Patterns, and the report)"))
        page.setObjectName("patternPreferences")
        lay = QVBoxLayout(page)
        intro = QLabel(self.tr("What often came before your flares, 1 to 3 days before. "
                               "These are design choices too."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.pattern_editors = self._form(settings.PATTERNS, lay)
        factors = settings.option(CUSTOM_FACTORS)
        chosen = settings.get(CUSTOM_FACTORS)
        box = QGroupBox(_(factors.label))
        box.setToolTip(_(factors.help) if factors.help else "")
        box_lay = QVBoxLayout(box)
        self.factor_checks: dict[str, QCheckBox] = {}
        labels = journal_service.custom_event_labels()
        known = {label.casefold() for label in labels}
        labels += [c for c in chosen if c.casefold() not in known]  # chosen, since removed
        picked = {c.casefold() for c in chosen}
        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.setContentsMargins(0, 0, 0, 0)
        for label in labels:
            check = QCheckBox(label)
            check.setChecked(label.casefold() in picked)
            check.setToolTip(box.toolTip())
            inner_lay.addWidget(check)
            self.factor_checks[label] = check
        if not labels:
            hint = QLabel(self.tr(NO_OWN_EVENTS))
            hint.setObjectName("noOwnEvents")
            hint.setWordWrap(True)
            inner_lay.addWidget(hint)
        inner_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setMaximumHeight(110)
        box_lay.addWidget(scroll)
        lay.addWidget(box)
        return page

    def _reminders_box(self) -> QGroupBox:
        """This computer's tray, reminder and start-up choices."""
        from .tray import tray_available

        box = QGroupBox(self.tr("Reminders and start-up (this computer)"))
        box.setObjectName("reminderPreferences")
        grid = QGridLayout(box)
        self.tray_check = QCheckBox(self.tr("Show an &icon in the tray"))
        self.tray_check.setToolTip(_(ui_settings.ui_option("tray.enabled").help))
        self.morning_check = QCheckBox(self.tr("&Morning reminder at"))
        self.morning_time = self._time_edit("reminders.morning_at", reminders.DEFAULT_MORNING,
                                            self.tr("Morning reminder time"))
        self.evening_check = QCheckBox(self.tr("E&vening reminder at"))
        self.evening_time = self._time_edit("reminders.evening_at", reminders.DEFAULT_EVENING,
                                            self.tr("Evening reminder time"))
        self.autostart_check = QCheckBox(self.tr("&Start with the computer, in the tray"))
        self.autostart_check.setToolTip(self.tr("Opens rehabjournal in the tray when you log "
                                                "in, so that the morning reminder can come."))
        rows = (
            (self.tray_check, None, ""),
            (self.morning_check, self.morning_time,
             self.tr("only when today's check-in is still empty")),
            (self.evening_check, self.evening_time,
             self.tr("only when a session of the day needs its next-morning rating tomorrow")),
            (self.autostart_check, None, ""),
        )
        row = 0
        for check, time_edit, note in rows:
            grid.addWidget(check, row, 0)
            if time_edit is not None:
                grid.addWidget(time_edit, row, 1)
            row += 1
            if note:  # under its check box, indented as the box's text
                hint = QLabel(note)
                hint.setWordWrap(True)
                hint.setContentsMargins(22, 0, 0, 4)
                grid.addWidget(hint, row, 0, 1, 3)
                row += 1
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(row + 1, 1)
        self.tray_check.setChecked(ui_settings.get("tray.enabled"))
        self.morning_check.setChecked(ui_settings.get("reminders.morning"))
        self.evening_check.setChecked(ui_settings.get("reminders.evening"))
        self.autostart_check.setChecked(autostart.is_enabled())
        for check in (self.morning_check, self.evening_check, self.autostart_check):
            check.toggled.connect(lambda on: on and self.tray_check.setChecked(True))
        self.tray_check.toggled.connect(self._tray_toggled)
        if not tray_available():
            note = QLabel(self.tr(NO_TRAY))
            note.setObjectName("noTray")
            note.setWordWrap(True)
            grid.addWidget(note, row, 0, 1, 3)
            for widget in (self.tray_check, self.morning_check, self.morning_time,
                           self.evening_check, self.evening_time):
                widget.setEnabled(False)
            self.autostart_check.setEnabled(self.autostart_check.isChecked())  # to undo it
        return box

    def _time_edit(self, key: str, default, name: str) -> QTimeEdit:
        at = reminders.parse_time(ui_settings.get(key), default)
        edit = QTimeEdit(QTime(at.hour, at.minute))
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(name)
        edit.setObjectName(key.rpartition(".")[2])
        return edit

    def _tray_toggled(self, on: bool) -> None:
        if not on:  # nothing of these works without the icon
            for check in (self.morning_check, self.evening_check, self.autostart_check):
                check.setChecked(False)

    def machine_values(self) -> dict:
        """{``ui/settings`` key: value} of the reminder choices (autostart apart)."""
        return {
            "ui.language": self.language.currentData(),
            "tray.enabled": self.tray_check.isChecked(),
            "reminders.morning": self.morning_check.isChecked(),
            "reminders.morning_at": self.morning_time.time().toString("HH:mm"),
            "reminders.evening": self.evening_check.isChecked(),
            "reminders.evening_at": self.evening_time.time().toString("HH:mm"),
            "activities.watch_folder": self.activity_tab.watch_folder,
        }

    def _save_machine(self) -> bool:
        """Store this computer's choices and write or remove the autostart file."""
        for key, value in self.machine_values().items():
            ui_settings.set(key, value)
        try:
            if self.autostart_check.isChecked():  # on this journal (not the demo's)
                autostart.enable(data_dir=None if self.ctx.demo else self.ctx.data_dir)
            else:
                autostart.disable()
        except (OSError, StorageError) as exc:
            self.error.setText(self.tr("Start with the computer could not be set: {reason}")
                               .format(reason=exc))
            return False
        return True

    def restore_defaults(self) -> None:
        for key, value in settings.defaults(self.editors).items():
            self.editors[key].setValue(value)
        for key, value in settings.defaults(self.pattern_editors).items():
            self.pattern_editors[key].setValue(value)
        default = settings.option(CUSTOM_FACTORS).fallback()
        for label, check in self.factor_checks.items():
            check.setChecked(label in default)

    def values(self) -> dict[str, int | float]:
        """{option key: the editor's value, typed as the option} of the light's thresholds."""
        return {key: settings.option(key).type(editor.value())
                for key, editor in self.editors.items()}

    def pattern_values(self) -> dict:
        """{option key: value} of the pattern finder's settings, its own factors included."""
        values: dict = {key: settings.option(key).type(editor.value())
                        for key, editor in self.pattern_editors.items()}
        values[CUSTOM_FACTORS] = [label for label, check in self.factor_checks.items()
                                  if check.isChecked()]
        return values

    def accept(self) -> None:
        """Save the values as one undoable edit; stay open showing why when refused."""
        self.error.clear()
        values = {**self.values(), **self.pattern_values(), **self.activity_tab.values()}
        tab_errors = {key: _TabMessage(self, self.activity_tab)
                      for key in self.activity_tab.option_keys()}
        for key in self.activity_tab.hr_keys():  # beside the heart rates, until fixed
            tab_errors[key] = _TabMessage(self, self.activity_tab,
                                          self.activity_tab.show_hr_error)
        edit = apply_edit(self.ctx, lambda: settings.edit(values), fields=tab_errors,
                          message=self.error.setText, source=self)
        if edit is None:
            return  # refused (the reason is shown) or not written (the window's banner)
        if not self._save_machine():
            return
        super().accept()


# ---- Activity files (issue 20) -------------------------------------------------------------

class _TabMessage:
    """Shows a refused value of a tab and brings its tab up (``apply_edit``'s ``fields``):
    in the dialog's message line, or with ``show`` (beside the field)."""

    def __init__(self, dialog: PreferencesDialog, tab: QWidget, show=None):
        self.dialog, self.tab, self.show = dialog, tab, show

    def show_error(self, text: str) -> None:
        self.dialog.tabs.setCurrentWidget(self.tab)
        if self.show is not None:
            self.show(text)
            return
        current = self.dialog.error.text()
        self.dialog.error.setText(f"{current} {text}".strip())


KIND_ROLE = Qt.ItemDataRole.UserRole
"""The mapping table's activity cells keep the journal's key ("run") in this role."""


def kind_choices(extra: str = "") -> list[str]:
    """The activities a sport may become: ``ACTIVITY_KINDS``, and ``extra`` (a kind the
    person typed in the journal's JSON) when it is none of them."""
    kinds = list(ACTIVITY_KINDS)
    if extra and extra not in kinds:
        kinds.append(extra)
    return kinds


class KindDelegate(QStyledItemDelegate):
    """The mapping table's activity cell edited with a list of activities (F2, a double
    click or typing its first letter; Enter or a choice keeps it, Esc leaves it)."""

    def createEditor(self, parent, _option, index):
        combo = QComboBox(parent)
        for kind in kind_choices(index.data(KIND_ROLE) or ""):
            combo.addItem(activity_name(kind), kind)
        # the header's word, in its context (lupdate reads no context through parent())
        combo.setAccessibleName(QCoreApplication.translate("ActivityFilesTab", "Activity"))
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c),
                                                     self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(KIND_ROLE))))

    def setModelData(self, editor, model, index):
        kind = editor.currentData()
        model.setData(index, kind, KIND_ROLE)
        model.setData(index, activity_name(kind), Qt.ItemDataRole.DisplayRole)


class ActivityFilesTab(QWidget):
    """Preferences > Activity files: the sport mapping, the heart rates, the watched folder.

    Attributes:
        mapping_table: one row per sport (built-in and the person's), its activity editable.
        new_sport: "Add a sport" (a file's sport, "yoga" or "running/trail").
        hr_editors: {option key: editor} of ``hr.rest``, ``hr.max`` (spin boxes) and
            ``hr.weighting`` (a combo box).
        hr_error: the heart rates' message beside them ("Maximum heart rate (40 bpm) must
            be above ..."): shown when OK refuses them or a field is left with values that
            do not fit; checked again at every change while shown, so it goes as soon as
            they fit (``check_heart_rates``).
        watch_folder: the folder chosen for this computer ("" for none); saved by OK.
    """

    def __init__(self, dialog: PreferencesDialog):
        super().__init__()
        self.dialog = dialog
        self.setObjectName("activityPreferences")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._mapping_box(), 1)
        row = QHBoxLayout()
        row.addWidget(self._heart_box(), 1)
        row.addWidget(self._folder_box(), 1)
        layout.addLayout(row)
        scroll = QScrollArea()
        scroll.setObjectName("activityPreferencesScroll")
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)

    # ---- the sport mapping -----------------------------------------------------------------

    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sports in the files and the activities they become"))
        box.setObjectName("sportMapping")
        lay = QVBoxLayout(box)
        intro = QLabel(self.tr(
            "Each file names its sport; the journal keeps it as one of your activities. "
            "Choose another activity for a sport with F2 or a double click. Your changes "
            "are shown in bold and kept in the journal."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.setAccessibleName(self.tr("Sports and activities"))
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Sport in the file"),
                                                      self.tr("Activity")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mapping_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.mapping_table.setTabKeyNavigation(False)
        self.mapping_table.setItemDelegateForColumn(1, KindDelegate(self))
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setMinimumHeight(180)
        self.mapping_table.itemChanged.connect(self._mark)
        lay.addWidget(self.mapping_table, 1)
        self._stored_text = settings.get(settings.MAPPING_KEY)
        self.fill_mapping(settings.sport_mapping())

        row = QHBoxLayout()
        self.new_sport = QLineEdit()
        self.new_sport.setObjectName("newSport")
        self.new_sport.setPlaceholderText(self.tr("e.g. yoga or running/trail"))
        self.new_sport.installEventFilter(self)  # Enter adds the sport (not the dialog's OK)
        label = QLabel(self.tr("Add a s&port:"))
        label.setBuddy(self.new_sport)
        add = QPushButton(self.tr("A&dd"))
        add.setObjectName("addSport")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_sport)
        reset = QPushButton(self.tr("&Reset to built-in"))
        reset.setObjectName("resetMapping")
        reset.setAutoDefault(False)
        reset.setToolTip(self.tr("Forget your changes: every sport becomes the activity "
                                 "rehabjournal chooses (saved by OK)."))
        reset.clicked.connect(self.reset_mapping)
        row.addWidget(label)
        row.addWidget(self.new_sport, 1)
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(reset)
        lay.addLayout(row)
        return box

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.new_sport and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_sport()
            return True
        return super().eventFilter(watched, event)

    def fill_mapping(self, overrides: dict[str, str]) -> None:
        """Show the built-in mapping with ``overrides`` ({sport key: kind}) on top."""
        table = self.mapping_table
        merged = dict(DEFAULT_SPORT_KINDS)
        merged.update({mapping_key(k): v for k, v in overrides.items() if mapping_key(k)})
        table.blockSignals(True)
        table.setRowCount(0)
        for sport in sorted(merged):
            self._append(sport, merged[sport])
        table.blockSignals(False)
        for r in range(table.rowCount()):
            self._mark(table.item(r, 1))

    def _append(self, sport: str, kind: str) -> int:
        table = self.mapping_table
        r = table.rowCount()
        table.insertRow(r)
        key = QTableWidgetItem(sport)
        key.setFlags(key.flags() & ~Qt.ItemFlag.ItemIsEditable)
        table.setItem(r, 0, key)
        item = QTableWidgetItem(activity_name(kind))
        item.setData(KIND_ROLE, kind)
        table.setItem(r, 1, item)
        return r

    def _mark(self, item: QTableWidgetItem | None) -> None:
        """Bold for a sport whose activity is the person's own choice."""
        if item is None or item.column() != 1:
            return
        r = item.row()
        sport = self.mapping_table.item(r, 0)
        if sport is None:
            return
        own = DEFAULT_SPORT_KINDS.get(sport.text()) != item.data(KIND_ROLE)
        for cell in (sport, item):
            font = QFont(cell.font())
            font.setBold(own)
            cell.setFont(font)
        item.setToolTip(self.tr("Your choice; built in: {kind}").format(
            kind=activity_name(DEFAULT_SPORT_KINDS.get(sport.text(), "other")))
            if own else self.tr("Built in"))

    def row_of(self, sport: str) -> int:
        """The table row of ``sport`` (a mapping key), or -1."""
        for r in range(self.mapping_table.rowCount()):
            if self.mapping_table.item(r, 0).text() == sport:
                return r
        return -1

    def set_kind(self, sport: str, kind: str) -> None:
        """Map ``sport`` to ``kind`` (a row is added for a new sport)."""
        sport = mapping_key(sport)
        r = self.row_of(sport)
        if r < 0:
            r = self._append(sport, kind)
        item = self.mapping_table.item(r, 1)
        editor = self.mapping_table.indexWidget(self.mapping_table.indexFromItem(item))
        if editor is not None:  # its list, open on that row, would write its choice back
            self.mapping_table.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
        item.setData(KIND_ROLE, kind)
        item.setText(activity_name(kind))
        self._mark(item)

    def add_sport(self) -> None:
        """Add the sport typed in "Add a sport" (as "other", then choose its activity)."""
        sport = mapping_key(self.new_sport.text())
        if not sport:
            self.new_sport.setFocus()
            return
        r = self.row_of(sport)
        if r < 0:
            self.set_kind(sport, "other")
            r = self.row_of(sport)
        self.new_sport.clear()
        table = self.mapping_table
        table.setCurrentCell(r, 1)
        table.scrollToItem(table.item(r, 1))
        table.setFocus()
        table.editItem(table.item(r, 1))

    def reset_mapping(self) -> None:
        """Back to the built-in mapping (saved by OK)."""
        self.fill_mapping({})

    def commit_editor(self) -> None:
        """Keep the choice of an activity list still open (OK pressed while choosing)."""
        table = self.mapping_table
        index = table.currentIndex()
        editor = table.indexWidget(index) if index.isValid() else None
        if isinstance(editor, QComboBox):
            table.itemDelegateForColumn(1).setModelData(editor, table.model(), index)

    def mapping(self) -> dict[str, str]:
        """{sport key: kind} of the rows that differ from the built-in mapping."""
        self.commit_editor()
        out = {}
        for r in range(self.mapping_table.rowCount()):
            sport = self.mapping_table.item(r, 0).text()
            kind = self.mapping_table.item(r, 1).data(KIND_ROLE)
            if DEFAULT_SPORT_KINDS.get(sport) != kind:
                out[sport] = kind
        return out

    def mapping_text(self) -> str:
        """The mapping as the journal keeps it (JSON); the stored text when it says the
        same, so that an unchanged mapping is no change."""
        mine = self.mapping()
        try:
            stored = {mapping_key(k): v for k, v in json.loads(self._stored_text).items()}
        except (ValueError, AttributeError):
            stored = None
        if stored is not None and {k: v for k, v in stored.items()
                                   if DEFAULT_SPORT_KINDS.get(k) != v} == mine:
            return self._stored_text
        return json.dumps(mine, sort_keys=True, ensure_ascii=False)

    # ---- the heart rates -------------------------------------------------------------------

    def _heart_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Heart rate (for the heart-rate load)"))
        box.setObjectName("heartRates")
        lay = QVBoxLayout(box)
        note = QLabel(self.tr(
            "Progress and the report show Banister's TRIMP from the files' heart rate "
            "beside session-RPE load, as another estimate. It needs both heart rates."))
        note.setWordWrap(True)
        lay.addWidget(note)
        # a grid, labels as buddies: the dialog's first QFormLayout stays the light's
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        self.hr_editors: dict[str, QWidget] = {}
        shown = settings.options(page=settings.ACTIVITIES)
        current = settings.get_many(o.key for o in shown)
        for row, option in enumerate(shown):
            if option.type is int:
                editor = editor_for(option)
                editor.setSpecialValueText(self.tr("Not set"))
                if option.unit:
                    editor.setSuffix(f" {_(option.unit)}")
                editor.setValue(current[option.key])
            else:
                editor = QComboBox()
                editor.setObjectName(option.field)
                editor.setToolTip(_(option.help) if option.help else "")
                for choice in option.allowed or ():
                    editor.addItem(self._choice_text(choice), choice)
                editor.setCurrentIndex(max(0, editor.findData(current[option.key])))
            self.hr_editors[option.key] = editor
            label = QLabel(_(option.label))
            label.setBuddy(editor)
            form.addWidget(label, row, 0)
            form.addWidget(editor, row, 1)
        lay.addLayout(form)
        self.hr_error = QLabel()
        self.hr_error.setObjectName("heartRateError")
        self.hr_error.setStyleSheet("color: #c62828;")
        self.hr_error.setWordWrap(True)
        self.hr_error.hide()
        lay.addWidget(self.hr_error)
        for key in self.hr_keys():
            editor = self.hr_editors[key]
            # while a message shows, every change checks again (it goes once they fit);
            # a new one shows when the field is left, not at each digit typed
            editor.valueChanged.connect(lambda _v: self.hr_error.isHidden()
                                        or self.check_heart_rates())
            editor.editingFinished.connect(self.check_heart_rates)
        lay.addStretch(1)
        return box

    def hr_keys(self) -> tuple[str, ...]:
        """The heart rates' option keys (the spin boxes; not the weighting)."""
        return tuple(k for k, e in self.hr_editors.items() if isinstance(e, QSpinBox))

    def show_hr_error(self, text: str) -> None:
        """Show ``text`` beside the heart rates (one message for the pair)."""
        self.hr_error.setText(text)
        self.hr_error.show()

    def check_heart_rates(self) -> bool:
        """Check the heart rates typed (``services.settings.validate``, the rule OK
        applies); show why they do not fit beside them, or clear that message. True when
        they fit."""
        try:
            settings.validate({k: self.hr_editors[k].value() for k in self.hr_keys()})
        except ValidationError as exc:
            self.show_hr_error(" ".join(str(t) for t in exc.errors.values()) or str(exc))
            return False
        self.hr_error.clear()
        self.hr_error.hide()
        return True

    def _choice_text(self, choice: str) -> str:
        return {"male": self.tr("Male (0.64 e^1.92x)"),
                "female": self.tr("Female (0.86 e^1.67x)")}.get(choice, choice)

    # ---- the watched folder ----------------------------------------------------------------

    def _folder_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Watched folder (this computer)"))
        box.setObjectName("watchFolder")
        lay = QVBoxLayout(box)
        note = QLabel(self.tr(
            "Where Garmin Express, Gadgetbridge or a sync tool puts new files. New files "
            "there are offered for import, never imported without your click."))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("watchFolderPath")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.folder_label)
        row = QHBoxLayout()
        choose = QPushButton(self.tr("C&hoose..."))
        choose.setObjectName("chooseWatchFolder")
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_folder)
        self.stop_button = QPushButton(self.tr("S&top watching"))
        self.stop_button.setObjectName("stopWatching")
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(lambda: self.set_watch_folder(""))
        row.addWidget(choose)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        self.set_watch_folder(ui_settings.get("activities.watch_folder"))
        return box

    def set_watch_folder(self, folder: str) -> None:
        """Choose ``folder`` ("" for none); saved by OK."""
        self.watch_folder = str(folder or "")
        self.folder_label.setText(self.watch_folder or self.tr("No folder is watched."))
        self.stop_button.setEnabled(bool(self.watch_folder))

    def choose_folder(self) -> None:
        start = self.watch_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Watched folder"), start)
        if folder:
            self.set_watch_folder(folder)

    # ---- saving ----------------------------------------------------------------------------

    def option_keys(self) -> tuple[str, ...]:
        """The journal options the tab edits."""
        return (settings.MAPPING_KEY, *self.hr_editors)

    def values(self) -> dict:
        """{journal option key: value} of the tab (the watched folder is the computer's)."""
        out: dict = {settings.MAPPING_KEY: self.mapping_text()}
        for key, editor in self.hr_editors.items():
            out[key] = editor.value() if isinstance(editor, QSpinBox) else editor.currentData()
        return out
