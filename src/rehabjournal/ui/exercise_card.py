"""The exercise card: how to do one exercise, in words a patient can follow.

Used by Today's "Exercises due" (one card per prescription due, folded under a
"How to do it" button that remembers whether it was open) and by the Programme page's
Library (the selected exercise, always open). A card shows:

- a compact line: the dose, tempo, rest between sets, side, times a day and the effort
  target, e.g. "4 x 8 @ 95 kg · tempo 3 s down, 3 s up · rest 2 min · each side";
- the physio's note of the prescription ("Note: ..."), always visible (it often changes
  the exercise: "single leg, holding a weight");
- "How to do it": the instructions, the cues ("What to watch"), how often, the pain rule
  in plain words (``domain.progression.pain_rule_text`` with the journal's thresholds),
  the source, and an "Open picture/video" button when there is a picture or video.

A prescription's own values win over the exercise's (side, tempo, rest, times a day,
pain rule and media: blank or empty means "as the exercise"). A picture or video is an
https link or a picture, video or PDF file on this computer (``domain.media``); it is
opened by the system's viewer or browser (``QDesktopServices.openUrl``) only when the person
clicks the button, and checked again then: a value stored before the rule (a program, a
network path, http://, javascript:) shows its problem beside the button and is never
opened. The card itself never reads the file or the network.

Texts are shown with ``breakable``: a word longer than ``LONG_WORD`` characters (a long
link in a physio's note, a file path) gets zero-width spaces where it may wrap, for the
display only, so that the card wraps it instead of clipping it on a 1366-pixel screen.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import media as dmedia
from ..domain import programme as dp
from ..domain import progression
from ..i18n import _, library_text
from ..services import programme_sheet as sheet
from .widgets import error_label

translate = QCoreApplication.translate

SIDE_TEXT = sheet.SIDE_WORDS
"""``domain.progression.SIDES`` in the card's words: the programme sheet's (English, marked
there; shown through ``i18n._``)."""
PROFILE_SIDE = {"left": QT_TRANSLATE_NOOP("exercise_card", "left"),
                "right": QT_TRANSLATE_NOOP("exercise_card", "right")}
"""The profile's side, after "the affected side": "the affected side (left)"."""


def side_text(side: str, profile_side: str = "", category: str = "") -> str:
    """The side as the programme sheet says it: "each side in turn", "the affected side
    (left)" with the profile's side; none for conditioning done with both legs."""
    if category == "conditioning" and side == "both":
        return ""
    text = _(SIDE_TEXT[side]) if side in SIDE_TEXT else side
    if side == "affected side" and profile_side in PROFILE_SIDE:
        text += f" ({translate('exercise_card', PROFILE_SIDE[profile_side])})"
    return text

LONG_WORD = 40
"""A word longer than this may wrap inside (``breakable``)."""
_CHUNK = 20
_BREAK_AFTER = frozenset("/.-_?&=#:;,+~|\\")
ZERO_WIDTH_SPACE = "\u200b"
_LONG_RUN = re.compile(rf"[^\s\u200b]{{{LONG_WORD + 1},}}")


def breakable(text: str) -> str:
    """``text`` for display, with a zero-width space (a place to wrap, not shown) after
    each / . - _ ? & = ... of a word longer than ``LONG_WORD`` characters, and at least
    every 20 characters of it; shorter words are left as they are."""
    def split(match: re.Match) -> str:
        word = match.group(0)
        out, run = [], 0
        for i, ch in enumerate(word):
            out.append(ch)
            run += 1
            after = word[i + 1:i + 2]
            if after and ((ch in _BREAK_AFTER and after not in _BREAK_AFTER)
                          or run >= _CHUNK):  # "https://", not "https:/ /"
                out.append(ZERO_WIDTH_SPACE)
                run = 0
        return "".join(out)
    return _LONG_RUN.sub(split, text or "")


def _shown(text: str) -> str:
    """Plain ``text`` as rich text for a label: escaped, long words breakable."""
    return html.escape(breakable(text))


MEDIA_BUTTON = QT_TRANSLATE_NOOP("ExerciseCard", "Open picture/video")
SHORT_EFFORT = 30
"""An effort target up to this many characters ("about 70 % effort") goes in the compact
line too; a longer one only in the details."""

_OPEN: dict[str, bool] = {}
"""Which folded cards are open, by their ``state_key``, for the rest of the session (the
Today page rebuilds its rows after every answer; a card opened stays open)."""


def rest_text(seconds: int | None) -> str:
    """"2 min", "90 s", "2 min 30 s" ("" when not given)."""
    if seconds is None:
        return ""
    if seconds == 0:
        return translate("exercise_card", "no rest")
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def _value(prescription: dict[str, Any] | None, exercise: dict[str, Any], key: str) -> Any:
    """The prescription's value of ``key`` unless blank, else the exercise's."""
    if prescription is not None and prescription.get(key) not in (None, ""):
        return prescription[key]
    return exercise.get(key)


@dataclass(frozen=True)
class CardFacts:
    """What a card says about one exercise (prescribed or as the library has it)."""

    name: str
    dose: str
    tempo: str
    rest: str
    side: str
    frequency: str
    times_per_day: int | None
    effort: str
    pain_rule: str
    note: str
    instructions: str
    cues: tuple[str, ...]
    source: str
    media: str

    def summary(self, *, with_dose: bool = True) -> str:
        """The compact line: "4 x 8 @ 95 kg · tempo 3 s down, 3 s up · rest 2 min"."""
        times = progression.frequency_text(None, (), self.times_per_day)
        effort = self.effort if len(self.effort) <= SHORT_EFFORT else ""  # else: details
        parts = [self.dose if with_dose else "",
                 translate("exercise_card", "tempo {tempo}").format(tempo=self.tempo)
                 if self.tempo else "",
                 translate("exercise_card", "rest {rest}").format(rest=self.rest)
                 if self.rest else "",
                 self.side, times, effort]
        return " \u00b7 ".join(p for p in parts if p)


def card_facts(exercise: dict[str, Any], prescription: dict[str, Any] | None = None, *,
               acceptable_pain: int = 5, green_peak_max: int = 2,
               profile_side: str = "") -> CardFacts:
    """The card of ``exercise`` (a ``services.programme.get_exercise`` dict), as prescribed
    by ``prescription`` (a ``get_prescription`` dict) or, without one, with the library's
    defaults. The pain rule is worded with the journal's thresholds; the tempo and the side
    as the programme sheet words them ("3-0-3" -> "3 s down / 3 s up"; "the affected side
    (left)" with the profile's ``profile_side``)."""
    p = prescription
    if p is not None:
        dose = p.get("dose") or dp.dose_text(p["sets"], p["reps"], p["hold_s"], p["load"],
                                             p["load_unit"])
        try:
            days = dp.parse_weekdays(p.get("weekdays") or "")
        except ValueError:
            days = ()
        days_per_week = p.get("days_per_week") or exercise.get("days_per_week")
    else:
        has_dose = exercise.get("default_reps") or exercise.get("default_hold_s")
        dose = dp.dose_text(exercise.get("default_sets"), exercise.get("default_reps"),
                            exercise.get("default_hold_s"), None,
                            exercise.get("load_unit") or "") if has_dose else ""
        days, days_per_week = (), exercise.get("days_per_week")
    times = _value(p, exercise, "times_per_day")
    rule = _value(p, exercise, "pain_rule") or "standard"
    side = _value(p, exercise, "side") or ""
    # the shipped library's and templates' texts in the UI's language (an edited text,
    # which no catalogue holds, shows as written)
    cues = tuple(library_text(c.strip().lstrip("-\u2022 ").strip())
                 for c in (exercise.get("cues") or "").splitlines() if c.strip())
    return CardFacts(
        name=library_text((p or {}).get("exercise_name") or exercise.get("name", "")),
        dose=dose,
        tempo=sheet.tempo_words(library_text(_value(p, exercise, "tempo") or "")),
        rest=rest_text(_value(p, exercise, "rest_s")),
        side=side_text(side, profile_side, exercise.get("category") or ""),
        frequency=progression.frequency_text(days_per_week, tuple(days), times),
        times_per_day=times,
        effort=progression.effort_text(((p or {}).get("effort_target") or "").strip()),
        pain_rule=progression.pain_rule_text(rule, acceptable_pain=acceptable_pain,
                                             green_peak_max=green_peak_max),
        note=library_text(((p or {}).get("notes") or "").strip()),
        instructions=library_text((exercise.get("instructions") or "").strip()),
        cues=cues,
        source=(exercise.get("source") or "").strip(),
        media=(_value(p, exercise, "media") or "").strip(),
    )


WHAT_TO_WATCH = QT_TRANSLATE_NOOP("exercise_card", "What to watch")
HOW_OFTEN = QT_TRANSLATE_NOOP("exercise_card", "How often:")
REST_BETWEEN_SETS = QT_TRANSLATE_NOOP("exercise_card", "Rest between sets:")
EFFORT = QT_TRANSLATE_NOOP("exercise_card", "Effort:")
PAIN = QT_TRANSLATE_NOOP("exercise_card", "Pain:")
"""The headings of the card's details (English; translated in ``details_html``)."""


def details_html(facts: CardFacts) -> str:
    """The "How to do it" text: instructions, what to watch, how often, effort, pain rule
    and source (rich text; every value escaped, its long words breakable)."""
    e = _shown

    def heading(text: str) -> str:
        return translate("exercise_card", text)

    out = []
    if facts.instructions:
        out.append(f"<p>{e(facts.instructions)}</p>")
    if facts.cues:
        items = "".join(f"<li>{e(c)}</li>" for c in facts.cues)
        out.append(f"<p style='margin-bottom:0'><b>{heading(WHAT_TO_WATCH)}</b></p>"
                   f"<ul style='margin-top:0'>{items}</ul>")
    lines = []
    if facts.frequency:
        lines.append(f"<b>{heading(HOW_OFTEN)}</b> {e(facts.frequency)}")
    if facts.rest:
        lines.append(f"<b>{heading(REST_BETWEEN_SETS)}</b> {e(facts.rest)}")
    if facts.effort:
        lines.append(f"<b>{heading(EFFORT)}</b> {e(facts.effort)}")
    lines.append(f"<b>{heading(PAIN)}</b> {e(facts.pain_rule)}")
    out.append("<p>" + "<br>".join(lines) + "</p>")
    if facts.source:  # a citation: not translated
        source = translate("exercise_card", "Source: {source}").format(source=e(facts.source))
        out.append(f"<p style='color:#616161'>{source}</p>")
    return "".join(out)


NO_MEDIA = QT_TRANSLATE_NOOP("exercise_card", "No picture or video is given for this exercise.")


def media_url(text: str, base_dir: Path | None = None) -> tuple[QUrl | None, str | None]:
    """The URL to open for a picture or video, or None and the reason it cannot be opened.

    ``domain.media`` decides first (a stored value may predate it). An https link is
    opened as it is; a file (``~`` expanded; a relative path is taken from ``base_dir``,
    the journal's folder) must be there, and what it points to (a shortcut or symbolic
    link) must be a picture, video or PDF too.
    """
    text = (text or "").strip()
    if not text:
        return None, translate("exercise_card", NO_MEDIA)
    problem = dmedia.media_problem(text)
    if problem:
        return None, problem
    if dmedia.media_kind(text) == "web":
        url = QUrl(text, QUrl.ParsingMode.StrictMode)
        if not url.isValid() or url.scheme().lower() != "https" or not url.host():
            return None, translate("exercise_card", "That link is not a valid web address.")
        return url, None
    path = Path(text).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = Path(base_dir) / path
    if not path.is_file():
        return None, translate("exercise_card", "The picture or video was not found: {path}"
                               ).format(path=path)
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None, translate("exercise_card", "The picture or video could not be read: "
                               "{path}").format(path=path)
    if not dmedia.is_media_file_name(target.name):
        return None, translate("exercise_card", "{path} points to {target}, which is not a "
                               "picture, video or PDF: it is not opened.").format(
                                   path=path, target=target.name)
    return QUrl.fromLocalFile(str(path)), None


def open_media(text: str, base_dir: Path | None = None) -> str | None:
    """Open a picture or video in the system's viewer or browser; None when it was handed
    over, else the message to show beside the button."""
    url, problem = media_url(text, base_dir)
    if url is None or problem:
        return problem or translate("exercise_card", NO_MEDIA)
    if not QDesktopServices.openUrl(url):
        return translate("exercise_card", "No program on this computer could open it.")
    return None


class ExerciseCard(QWidget):
    """One exercise's card; ``show_exercise`` fills it.

    Args:
        collapsible: fold the details under a "How to do it" button (Today); else they
            are always shown (the Library).
        with_dose: put the dose first in the compact line.
        with_summary: show the compact line (Today's rows make it their title instead:
            ``facts.summary()``).
        base_dir: the folder relative media paths are taken from (the journal's folder).

    Attributes:
        facts: the shown ``CardFacts`` (None before ``show_exercise``).
    """

    expanded_changed = Signal(bool)

    def __init__(self, *, collapsible: bool = True, with_dose: bool = True,
                 with_summary: bool = True, base_dir: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.collapsible = collapsible
        self.with_dose = with_dose
        self.with_summary = with_summary
        self.base_dir = base_dir
        self.state_key = ""
        self.facts: CardFacts | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.summary = self._label("cardSummary")
        self.note = self._label("cardNote")
        layout.addWidget(self.summary)
        layout.addWidget(self.note)

        self.toggle = QToolButton()
        self.toggle.setObjectName("cardToggle")
        self.toggle.setText(self.tr("How to do it"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setToolTip(self.tr("Show or hide the instructions, what to watch and the "
                                       "pain rule (Space)"))
        self.toggle.toggled.connect(self._toggled)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.toggle.setVisible(collapsible)

        self.details = QWidget()
        self.details.setObjectName("cardDetails")
        dl = QVBoxLayout(self.details)
        dl.setContentsMargins(18 if collapsible else 0, 0, 0, 0)
        dl.setSpacing(2)
        self.text = self._label("cardText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl.addWidget(self.text)
        media_row = QHBoxLayout()
        self.media_button = QPushButton(self.tr(MEDIA_BUTTON))
        self.media_button.setObjectName("cardMediaButton")
        self.media_button.setAutoDefault(False)
        self.media_button.clicked.connect(self.open_media)
        self.media_info = QLabel()
        self.media_info.setObjectName("cardMediaInfo")
        self.media_info.setStyleSheet("color: #616161;")
        self.media_info.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
        media_row.addWidget(self.media_button)
        media_row.addWidget(self.media_info, 1)
        dl.addLayout(media_row)
        self.media_error = error_label()
        self.media_error.setObjectName("cardMediaError")
        self.media_error.setTextFormat(Qt.TextFormat.PlainText)
        dl.addWidget(self.media_error)
        layout.addWidget(self.details)
        self.details.setVisible(not collapsible)

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)  # also gives it a height-for-width size policy
        label.setMinimumWidth(120)
        return label

    # ---- content ---------------------------------------------------------------------
    def show_exercise(self, exercise: dict[str, Any], prescription: dict[str, Any] | None = None,
                      *, acceptable_pain: int = 5, green_peak_max: int = 2,
                      profile_side: str = "", state_key: str = "") -> None:
        """Show ``exercise`` as ``prescription`` prescribes it (None: the library's view).

        Args:
            state_key: remembers the folded card's open or closed state under this key
                (e.g. the exercise's slug), for the session.
        """
        f = self.facts = card_facts(exercise, prescription, acceptable_pain=acceptable_pain,
                                    green_peak_max=green_peak_max, profile_side=profile_side)
        summary = f.summary(with_dose=self.with_dose)
        self.summary.setText(breakable(summary))
        self.summary.setVisible(bool(summary) and self.with_summary)
        self.note.setText("<b>" + self.tr("Note:") + "</b> " + _shown(f.note) if f.note else "")
        self.note.setVisible(bool(f.note))
        self.text.setText(details_html(f))
        self.media_button.setVisible(bool(f.media))
        kind = dmedia.media_kind(f.media)
        # rich text, escaped: a file name shows as it is, never as markup
        self.media_button.setToolTip(
            "<p>" + self.tr("Opens {file}").format(file=html.escape(f.media)) + "</p>"
            if kind else "")
        self.media_button.setAccessibleName(self.tr("{button}: {exercise}").format(
            button=self.tr(MEDIA_BUTTON), exercise=f.name))
        if kind == "web":
            self.media_info.setText(self.tr("a web link: opens in your browser"))
        else:  # a refused value says why on the click (never opened)
            self.media_info.setText(Path(f.media).name if kind == "file" else "")
        self.media_info.setVisible(bool(f.media))
        self.media_error.hide()
        self.toggle.setAccessibleName(self.tr("How to do it: {exercise}").format(
            exercise=f.name))
        self.state_key = state_key
        if self.collapsible:
            self.set_expanded(_OPEN.get(state_key, False) if state_key else
                              self.toggle.isChecked())

    def clear(self) -> None:
        """Show nothing (no exercise chosen)."""
        self.facts = None
        for label in (self.summary, self.note, self.text, self.media_info):
            label.clear()
        self.summary.hide()
        self.note.hide()
        self.media_button.hide()
        self.media_info.hide()
        self.media_error.hide()

    # ---- folding ---------------------------------------------------------------------
    def is_expanded(self) -> bool:
        return not self.details.isHidden()

    def set_expanded(self, on: bool) -> None:
        """Open or fold the details (a card that is not collapsible stays open)."""
        if not self.collapsible:
            return
        self.toggle.blockSignals(True)
        self.toggle.setChecked(on)
        self.toggle.blockSignals(False)
        self._toggled(on)

    def _toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.details.setVisible(on)
        if self.state_key:
            _OPEN[self.state_key] = on
        self.expanded_changed.emit(on)

    # ---- media -----------------------------------------------------------------------
    def open_media(self) -> None:
        """Open the picture or video (the button's click); a problem shows beside it."""
        if self.facts is None:
            return
        problem = open_media(self.facts.media, self.base_dir)
        self.media_error.setText(breakable(problem or ""))
        self.media_error.setVisible(bool(problem))


class MediaField(QWidget):
    """Where an editor types a picture or video: an https link or a file (Choose file...).

    Signals:
        committed(str): the text, when the user finishes typing or chooses a file.
    """

    committed = Signal(str)

    def __init__(self, accessible_name: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible_name or self.tr("Picture or video"))
        self.edit.setPlaceholderText(self.tr("https:// link, or a file on this computer"))
        self.choose = QPushButton(self.tr("Choose file..."))
        self.choose.setAutoDefault(False)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.choose)
        self.edit.editingFinished.connect(lambda: self.committed.emit(self.edit.text().strip()))
        self.choose.clicked.connect(self._choose)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text or "")

    def _choose(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in dmedia.FILE_EXTENSIONS)
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a picture or video"), str(Path(self.text()).expanduser().parent)
            if self.text() and not self.text().lower().startswith("http") else "",
            self.tr("Pictures, videos and PDF ({patterns});;All files (*)").format(
                patterns=patterns))
        if path:
            self.edit.setText(path)
            self.committed.emit(path)
