"""Red flags: the warning signs a person ticks when they apply on the day."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QGroupBox

from ....domain import scales
from ....services import journal as js
from ...context import AppContext
from ...edit_path import apply_edit
from ...widgets import FlowLayout


class RedFlagsSection(QGroupBox):
    """One check box per red flag (``domain.scales.RED_FLAGS``), in as many columns as fit
    (two on a wide window, one on a narrow one).

    Attributes:
        flag_boxes: {red flag code: its check box}; object names ``flag_<code>``.
    """

    def __init__(self, ctx: AppContext):
        super().__init__(self.tr("Red flags: tick any that apply today"))
        self.ctx = ctx
        self.day: date = ctx.today()
        grid = FlowLayout(self, columns=True, spacing=16, line_spacing=4)
        self.flag_boxes: dict[str, QCheckBox] = {}
        for code, (_label, urgency) in scales.RED_FLAGS.items():
            box = QCheckBox(scales.red_flag_label(code))
            box.setObjectName(f"flag_{code}")
            if urgency == scales.URGENT:
                box.setToolTip(self.tr("See a clinician now if this applies."))
            else:
                box.setToolTip(self.tr("Book an assessment if this applies."))
            box.toggled.connect(lambda on, c=code: self.toggle(c, on))
            self.flag_boxes[code] = box
            grid.addWidget(box)

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        flags = js.red_flags(self.day)
        for code, box in self.flag_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in flags)
            box.blockSignals(False)

    def toggle(self, code: str, on: bool) -> None:
        """Record (``on``) or remove a red flag on the day."""
        apply_edit(self.ctx, lambda: js.edit_red_flag(self.day, code, on), source=self)
