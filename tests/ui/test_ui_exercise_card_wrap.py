"""Long unbroken text on the exercise card (a long link or word in a physio's note) wraps
on a 1366 x 768 window instead of being clipped: the card shows it with zero-width spaces
where it may break (``exercise_card.breakable``), for the display only."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea

from rehabjournal.services import programme as ps
from rehabjournal.store import models as m
from rehabjournal.ui import exercise_card as card_mod
from rehabjournal.ui.exercise_card import LONG_WORD, ZERO_WIDTH_SPACE, breakable

from .conftest import TODAY

URL = ("https://physio.example.org/patient-resources/knee/exercise-videos/step-down-"
       "progression-with-mirror-feedback.mp4?session=" + "x7Yq2" * 40)
WORD = "Supercalifragilistic" * 6


def _plain(text: str) -> str:
    return text.replace(ZERO_WIDTH_SPACE, "")


def test_breakable_leaves_short_words_and_splits_long_ones():
    assert breakable("3 x 12, hold 30 s: https://a.org/x") == "3 x 12, hold 30 s: https://a.org/x"
    shown = breakable(f"see {URL} and {WORD}.")
    assert _plain(shown) == f"see {URL} and {WORD}."
    pieces = shown.replace(" ", ZERO_WIDTH_SPACE).split(ZERO_WIDTH_SPACE)
    assert max(len(p) for p in pieces) <= 20
    assert "https://\u200bphysio." in shown  # not between the two slashes
    assert breakable("a" * LONG_WORD) == "a" * LONG_WORD
    assert breakable("") == ""


def test_a_long_link_in_a_note_wraps_on_todays_card(open_window, qtbot):
    card_mod._OPEN.clear()
    ctx, window = open_window()
    window.resize(1366, 768)
    pid = ps.create_programme("Knee rehab", TODAY, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 6}).result
    ex = m.Exercise.get(m.Exercise.slug == "glute-bridge").id
    pres = ps.add_prescription(phase, {
        "exercise": ex, "sets": 3, "reps": 12, "weekdays": "0,2,4",
        "effort_target": WORD, "notes": f"Watch this first: {URL} then go slowly {WORD}"}
    ).result
    ctx.programme_changed.emit()
    page = window.show_page("today")
    QApplication.processEvents()
    row = page.exercises_due.rows[pres]
    row.card.set_expanded(True)
    qtbot.wait(10)
    scroll = page.findChild(QScrollArea)
    viewport = scroll.viewport().width()
    note, details = row.card.note, row.card.text
    # every word of the note is there, and no label needs more than the window's width
    assert URL in _plain(note.text()) and WORD in _plain(note.text())
    assert WORD in _plain(details.text())  # the effort target, in the details
    for label in (note, details, row.title):
        assert label.minimumSizeHint().width() <= viewport, label.objectName()
    assert note.width() <= viewport and row.width() <= viewport
    assert scroll.horizontalScrollBar().maximum() == 0
    card_mod._OPEN.clear()
