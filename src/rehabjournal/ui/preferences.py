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
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..services import journal as journal_service
from ..services import settings
from .context import AppContext
from .edit_path import apply_edit


def editor_for(option: settings.Option) -> QSpinBox | QDoubleSpinBox:
    """A spin box with the option's range, step and help (named by the option's field)."""
    if option.type is float:
        editor = QDoubleSpinBox()
        editor.setDecimals(2)
    else:
        editor = QSpinBox()
    editor.setRange(option.minimum, option.maximum)
    editor.setSingleStep(option.step or 1)
    editor.setToolTip(option.help)
    editor.setObjectName(option.field)
    return editor


CUSTOM_FACTORS = "patterns.custom_factors"
NO_OWN_EVENTS = ("No events of your own yet. Add one on Today under Events (\u201cOther "
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
        self.setWindowTitle("Preferences")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "<b>Pain-monitoring light</b><br>These thresholds are design choices, not "
            "validated rules. Change them with your clinician."
        ))
        self.editors = self._form(settings.PREFERENCES, layout)
        layout.addWidget(self._patterns_box())
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
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
        layout.addWidget(buttons)

    def _form(self, page: str, layout: QVBoxLayout) -> dict[str, QSpinBox | QDoubleSpinBox]:
        """A form of the numeric options of ``page``, added to ``layout``."""
        form = QFormLayout()
        editors: dict[str, QSpinBox | QDoubleSpinBox] = {}
        shown = [o for o in settings.options(page=page) if o.type in (int, float)]
        current = settings.get_many(o.key for o in shown)
        for option in shown:
            editor = editor_for(option)
            if option.unit and option.unit not in option.label:
                editor.setSuffix(f" {option.unit}")  # "2 points"
            editor.setValue(current[option.key])
            editors[option.key] = editor
            form.addRow(option.label, editor)
        layout.addLayout(form)
        return editors

    def _patterns_box(self) -> QGroupBox:
        page = QGroupBox("Pattern finder (Progress \u203a Patterns, and the report)")
        page.setObjectName("patternPreferences")
        lay = QVBoxLayout(page)
        intro = QLabel("What often came before your flares, 1 to 3 days before. These are "
                       "design choices too.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.pattern_editors = self._form(settings.PATTERNS, lay)
        factors = settings.option(CUSTOM_FACTORS)
        chosen = settings.get(CUSTOM_FACTORS)
        box = QGroupBox(factors.label)
        box.setToolTip(factors.help)
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
            check.setToolTip(factors.help)
            inner_lay.addWidget(check)
            self.factor_checks[label] = check
        if not labels:
            hint = QLabel(NO_OWN_EVENTS)
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
        edit = apply_edit(self.ctx,
                          lambda: settings.edit({**self.values(), **self.pattern_values()}),
                          message=self.error.setText, source=self)
        if edit is None:
            return  # refused (the reason is shown) or not written (the window's banner)
        super().accept()
