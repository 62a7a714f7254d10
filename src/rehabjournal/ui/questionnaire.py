"""Filling in an outcome measure: one item after another, all by keyboard if wanted.

Keys: a number (0-4) picks that answer, Enter goes on, Backspace goes back, S skips an
item when the instrument's missing-item rule allows it, Esc cancels. The last page shows
the score (saved by then). The PSFS is one page: name up to five activities and rate each.
How items are numbered, what the score is called and how to read it come from the
instrument's definition (``numbering``, ``headline``, ``scoring.note``). Saving is one
undoable edit (``ui/edit_path.apply_edit``): Edit > Undo deletes the response.

    open_questionnaire(parent, ctx, "koos")   # modal; returns the saved response id or None
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain import outcomes as dom
from ..services import clock
from ..services import outcomes as svc
from .edit_path import apply_edit
from .widgets import ERROR_COLOUR

NUMBER_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


def _label(text: str = "", name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


class QuestionnaireDialog(QDialog):
    """One outcome measure, item by item; saves on the last item and shows the score.

    Signals:
        saved(int): the new response's id.
    """

    saved = Signal(int)

    def __init__(self, instrument_key: str, day: date, parent=None, ctx=None,
                 problem: str = "knee"):
        super().__init__(parent)
        self.ctx = ctx
        self.inst: dom.Instrument = svc.instrument(instrument_key)
        self.day = day
        self.problem = problem or "knee"
        self.answers: dict[str, int | None] = {}
        self.index = -1  # -1: the instructions page
        self.response_id: int | None = None
        self.result: dom.Score | None = None
        # the items stay in English (the validated wording): a translated window says so
        original = "" if i18n.current() == "en" else " " + self.tr("(English original)")
        self.setWindowTitle(f"{self.inst.short}: {self.inst.name}{original}")
        self.setObjectName("questionnaireDialog")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        outer = QVBoxLayout(self)
        # the pages change the size hint; a fixed, roomy size keeps the window still
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.resize(640, 480)
        head = QHBoxLayout()
        self.title = _label(f"{self.inst.name} ({self.inst.short}){original}",
                            "questionnaireTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        head.addWidget(self.title, 1)
        self.progress_label = _label("", "progressLabel", wrap=False)
        head.addWidget(self.progress_label)
        outer.addLayout(head)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(6)
        self.progress_bar.setRange(0, max(1, len(self.inst.items)))
        outer.addWidget(self.progress_bar)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.intro_page = self._build_intro()
        self.item_page = self._build_item_page() if not self.inst.rates_activities else None
        self.activities_page = self._build_activities_page() if self.inst.rates_activities else None
        self.result_page = self._build_result_page()

        self.error = _label("", "questionnaireError")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        outer.addWidget(self.error)
        self.hint = _label("", "keyHint")
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        outer.addWidget(self.hint)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.next_button = QPushButton(self.tr("Next"))
        self.close_button = QPushButton(self.tr("Close"))
        for b in (self.back_button, self.skip_button, self.next_button, self.close_button):
            b.setAutoDefault(False)
            b.setDefault(False)
        self.back_button.setToolTip(self.tr("Previous item (Backspace)"))
        self.skip_button.setToolTip(self.tr("Leave this item unanswered (S)"))
        self.next_button.setToolTip(self.tr("Next item (Enter)"))
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.accept)
        self._show()

    # ---- pages -----------------------------------------------------------------------
    def _build_intro(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        text = self.inst.instructions.replace("{problem}", self.problem)
        self.intro_text = _label(text, "instructions")
        lay.addWidget(self.intro_text)
        if not self.inst.rates_activities:
            n = len(self.inst.items)
            rule = self.inst.missing_text
            length = self.tr("{n} items, about {minutes} minutes.").format(
                n=n, minutes=max(2, n // 4))
            lay.addWidget(_label(f"{length} {rule}", "muted"))
        lay.addStretch(1)
        self.stack.addWidget(page)
        return page

    def _build_item_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.section_title = _label("", "sectionTitle")
        f = self.section_title.font()
        f.setBold(True)
        self.section_title.setFont(f)
        self.section_text = _label("", "sectionInstruction")
        self.item_text = _label("", "itemText")
        f = self.item_text.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        self.item_text.setFont(f)
        self.item_text.setMinimumHeight(48)
        lay.addWidget(self.section_title)
        lay.addWidget(self.section_text)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(line)
        lay.addWidget(self.item_text)
        self.option_box = QVBoxLayout()
        self.option_box.setSpacing(4)
        lay.addLayout(self.option_box)
        lay.addStretch(1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.option_buttons: list[QRadioButton] = []
        self.group.idClicked.connect(self._option_clicked)
        self.stack.addWidget(page)
        return page

    def _build_activities_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_label(self.inst.instructions.replace("{problem}", self.problem),
                             "instructions"))
        lo, hi = self.inst.anchors.get("0", ""), self.inst.anchors.get("10", "")
        lay.addWidget(_label(f"0 = {lo}; 10 = {hi}.", "anchors"))
        grid = QGridLayout()
        grid.addWidget(_label(self.tr("Activity"), wrap=False), 0, 1)
        grid.addWidget(_label("0-10", wrap=False), 0, 2)
        self.activity_names: list[QLineEdit] = []
        self.activity_scores: list[QSpinBox] = []
        for k in range(self.inst.max_activities):
            name = QLineEdit()
            name.setPlaceholderText(self.tr("e.g. running, stairs, kneeling") if k == 0 else "")
            name.setAccessibleName(self.tr("Activity {number}").format(number=k + 1))
            spin = QSpinBox()
            spin.setRange(-1, 10)
            spin.setSpecialValueText("-")
            spin.setValue(-1)
            spin.setAccessibleName(self.tr("Activity {number} rating").format(number=k + 1))
            grid.addWidget(_label(f"{k + 1}.", wrap=False), k + 1, 0)
            grid.addWidget(name, k + 1, 1)
            grid.addWidget(spin, k + 1, 2)
            self.activity_names.append(name)
            self.activity_scores.append(spin)
        lay.addLayout(grid)
        lay.addStretch(1)
        self.stack.addWidget(page)
        return page

    def _build_result_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.result_title = _label("", "resultTitle")
        f = self.result_title.font()
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.result_title.setFont(f)
        self.result_text = _label("", "resultText")
        lay.addWidget(self.result_title)
        lay.addWidget(self.result_text)
        lay.addStretch(1)
        self.stack.addWidget(page)
        return page

    # ---- navigation ------------------------------------------------------------------
    @property
    def items(self) -> tuple[dom.Item, ...]:
        return self.inst.items

    @property
    def current(self) -> dom.Item | None:
        if 0 <= self.index < len(self.items):
            return self.items[self.index]
        return None

    def on_result_page(self) -> bool:
        return self.stack.currentWidget() is self.result_page

    def _show(self) -> None:
        self.error.hide()
        n = len(self.items)
        if self.response_id is not None:
            self.stack.setCurrentWidget(self.result_page)
            self.progress_label.setText(self.tr("Done"))
            self.progress_bar.setValue(self.progress_bar.maximum())
            self.hint.setText(self.tr("Enter or Esc closes."))
            for b in (self.back_button, self.skip_button, self.next_button):
                b.hide()
            self.close_button.show()
            self.close_button.setFocus()
            return
        self.close_button.hide()
        self.back_button.show()
        self.next_button.show()
        if self.index < 0:
            self.stack.setCurrentWidget(self.intro_page)
            self.progress_label.setText(self.tr("{n} items").format(n=n) if n else "")
            self.progress_bar.setValue(0)
            self.back_button.setEnabled(False)
            self.skip_button.hide()
            self.next_button.setText(self.tr("Start"))
            self.hint.setText(self.tr("Enter to start; Esc to cancel."))
            return
        if self.inst.rates_activities:
            self.stack.setCurrentWidget(self.activities_page)
            self.progress_label.setText("")
            self.back_button.setEnabled(True)
            self.skip_button.hide()
            self.next_button.setText(self.tr("Save"))
            self.hint.setText(self.tr("Tab between fields, Up/Down to rate; Enter saves."))
            self.activity_names[0].setFocus()
            return
        item = self.current
        self.stack.setCurrentWidget(self.item_page)
        self.progress_label.setText(self.tr("item {number} of {total}").format(
            number=self.index + 1, total=n))
        self.progress_bar.setValue(self.index)
        section = self.inst.section(item.section)
        self.section_title.setText(section.title if section else "")
        self.section_title.setVisible(bool(section and section.title))
        self.section_text.setText(section.instruction if section else "")
        self.section_text.setVisible(bool(section and section.instruction))
        self.item_text.setText(f"{self.inst.item_label(self.index)}. {item.text}")
        self._fill_options(item)
        self.back_button.setEnabled(True)
        skippable = dom.can_skip(self.inst, self.answers, item.id)
        self.skip_button.setVisible(True)
        self.skip_button.setEnabled(skippable)
        last = self.index == n - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        keys = f"0-{len(item.options) - 1}"
        if last and skippable:
            hint = self.tr("Press {keys} to answer, Enter for finish, Backspace to go back, "
                           "S to skip.")
        elif last:
            hint = self.tr("Press {keys} to answer, Enter for finish, Backspace to go back.")
        elif skippable:
            hint = self.tr("Press {keys} to answer, Enter for next, Backspace to go back, "
                           "S to skip.")
        else:
            hint = self.tr("Press {keys} to answer, Enter for next, Backspace to go back.")
        self.hint.setText(hint.format(keys=keys))

    def _fill_options(self, item: dom.Item) -> None:
        for b in self.option_buttons:
            self.group.removeButton(b)
            self.option_box.removeWidget(b)
            b.deleteLater()
        self.option_buttons = []
        chosen = self.answers.get(item.id)
        for k, opt in enumerate(item.options):
            b = QRadioButton(f"{k}   {opt.label}")
            b.setAccessibleName(opt.label)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # number keys and Enter stay ours
            self.group.addButton(b, k)
            self.option_box.addWidget(b)
            self.option_buttons.append(b)
            if chosen is not None and opt.score == chosen:
                b.setChecked(True)
        self.setFocus()

    def _option_clicked(self, k: int) -> None:
        item = self.current
        if item is not None:
            self.answers[item.id] = item.options[k].score
            self.error.hide()

    def choose(self, k: int) -> None:
        """Pick the ``k``-th answer of the current item (what the number keys do)."""
        item = self.current
        if item is None or not 0 <= k < len(item.options):
            return
        self.option_buttons[k].setChecked(True)
        self._option_clicked(k)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def next(self) -> None:
        if self.response_id is not None:
            self.accept()
            return
        if self.index < 0:
            self.index = 0
            self._show()
            return
        if self.inst.rates_activities:
            self._save(self._activity_answers())
            return
        item = self.current
        if self.answers.get(item.id) is None:
            if dom.can_skip(self.inst, self.answers, item.id):
                self._fail(self.tr("Choose an answer (a number key), or press S to skip this "
                                   "item."))
            else:
                self._fail(self.tr("Please choose an answer: a number key or a click."))
            return
        if self.index == len(self.items) - 1:
            self._save({k: v for k, v in self.answers.items() if v is not None})
            return
        self.index += 1
        self._show()

    def skip(self) -> None:
        item = self.current
        if item is None or not dom.can_skip(self.inst, self.answers, item.id):
            return
        self.answers[item.id] = None
        if self.index == len(self.items) - 1:
            self._save({k: v for k, v in self.answers.items() if v is not None})
            return
        self.index += 1
        self._show()

    def back(self) -> None:
        if self.response_id is not None or self.index < 0:
            return
        self.index = -1 if self.inst.rates_activities else self.index - 1
        self._show()

    def _activity_answers(self) -> dict[str, Any]:
        acts = []
        for name, spin in zip(self.activity_names, self.activity_scores, strict=True):
            text = name.text().strip()
            if text or spin.value() >= 0:
                acts.append({"name": text, "score": spin.value() if spin.value() >= 0 else None})
        return {"activities": acts}

    def _save(self, answers: dict[str, Any]) -> None:
        """Save as one undoable edit; a refusal or a failed write shows here (and a failed
        write also in the window's banner), with the answers kept for another try."""
        self.error.hide()
        self.ctx.write_failed.connect(self._fail)
        try:
            edit = apply_edit(self.ctx,
                              lambda: svc.add_response(self.inst.key, self.day, answers),
                              message=self._fail, source=self)
        finally:
            self.ctx.write_failed.disconnect(self._fail)
        if edit is None:
            return
        self.response_id = edit.result
        self.result = dom.score(self.inst, answers)
        self._show_result()
        self._show()
        self.saved.emit(self.response_id)

    def _show_result(self) -> None:
        r = self.result
        inst = self.inst
        total = f"{dom_fmt(r.total)} / {dom_fmt(inst.score_range[1])}"
        self.result_title.setText(f"{inst.score_label} {total}")
        lines = [f"{s.name}: {dom_fmt(r.subscores.get(s.key))}" for s in inst.subscales]
        if inst.rates_activities:
            lines.append(inst.missing_text)
        lines.append(inst.reading)
        first = next((x.score for x in svc.responses(inst.key)
                      if x.score is not None and x.id != self.response_id), None)
        if first is not None and r.total is not None:
            change = dom.meaningful_change(first, r.total, inst.mcid,
                                           higher_is_better=inst.higher_is_better)
            lines.append(self.tr("Change from your first {instrument}: {change} (meaningful "
                                 "change: {mcid}).").format(
                instrument=inst.short, change=change.text, mcid=inst.mcid_note or inst.mcid))
        lines.append(self.tr("Saved for {day}.").format(day=self.day.isoformat()))
        self.result_text.setText("\n".join(x for x in lines if x))

    # ---- keyboard ----------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key = event.key()
        focus = self.focusWidget()
        typing = isinstance(focus, (QLineEdit, QSpinBox)) or (
            focus is not None and isinstance(focus.parent(), QSpinBox))
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(focus, QAbstractButton) and focus is not self.next_button \
                    and focus is not self.close_button:
                focus.click()
            else:
                self.next()
            event.accept()
            return
        if not typing and key == Qt.Key.Key_Backspace:
            self.back()
            event.accept()
            return
        if not typing and key in NUMBER_KEYS and self.current is not None \
                and self.stack.currentWidget() is self.item_page:
            self.choose(NUMBER_KEYS[key])
            event.accept()
            return
        if not typing and key == Qt.Key.Key_S and self.skip_button.isVisible() \
                and self.skip_button.isEnabled():
            self.skip()
            event.accept()
            return
        super().keyPressEvent(event)


dom_fmt = dom.fmt_score


def open_questionnaire(parent, ctx, instrument_key: str, day: date | None = None) -> int | None:
    """Show the questionnaire (modal); returns the saved response's id, or None."""
    from ..services import journal as js

    problem = (js.get_profile() or {}).get("joint") or "knee"
    dialog = QuestionnaireDialog(instrument_key, day or (ctx.today() if ctx else clock.today()),
                                 parent, ctx, problem=problem)
    dialog.exec()
    return dialog.response_id
