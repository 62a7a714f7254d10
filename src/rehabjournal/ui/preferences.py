"""Preferences: the pain-monitoring thresholds (design choices, so they are settings).

The dialog is built from the settings registry (``services/settings.py``): one editor per
option of the "preferences" page, with the option's label, range, step and help, in the
registry's order. The values are stored in the journal itself, so that the app, the
command line and reports made from this journal all use the same values. OK saves them
as one undoable edit (``ui/edit_path.apply_edit``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

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


class PreferencesDialog(QDialog):
    """Attributes:
        editors: {option key: spin box}, e.g. ``editors["thresholds.green_peak_max"]``.
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
        form = QFormLayout()
        self.editors: dict[str, QSpinBox | QDoubleSpinBox] = {}
        shown = settings.options(page=settings.PREFERENCES)
        current = settings.get_many(o.key for o in shown)
        for option in shown:
            editor = editor_for(option)
            editor.setValue(current[option.key])
            self.editors[option.key] = editor
            form.addRow(option.label, editor)
        layout.addLayout(form)
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

    def restore_defaults(self) -> None:
        for key, value in settings.defaults(self.editors).items():
            self.editors[key].setValue(value)

    def values(self) -> dict[str, int | float]:
        """{option key: the editor's value, typed as the option}."""
        return {key: settings.option(key).type(editor.value())
                for key, editor in self.editors.items()}

    def accept(self) -> None:
        """Save the values as one undoable edit; stay open showing why when refused."""
        self.error.clear()
        edit = apply_edit(self.ctx, lambda: settings.edit(self.values()),
                          message=self.error.setText, source=self)
        if edit is None:
            return  # refused (the reason is shown) or not written (the window's banner)
        super().accept()
