"""The card checks a picture or video again when "Open picture/video" is clicked: a value an
older journal stored (a program, a network path, http://, javascript:) shows its problem
beside the button and is never handed to ``QDesktopServices.openUrl``."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from rehabjournal.domain.media import media_problem
from rehabjournal.services import programme as ps
from rehabjournal.services.errors import ValidationError
from rehabjournal.store import models as m
from rehabjournal.ui import exercise_card as card_mod
from rehabjournal.ui.exercise_card import ExerciseCard, media_url

from .conftest import TODAY

# a card shown as its own window under the offscreen platform
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

EXERCISE = {"name": "Glute bridge", "instructions": "Lift the hips.", "cues": "",
            "default_sets": 3, "default_reps": 12, "load_unit": "bodyweight"}


@pytest.fixture
def urls(monkeypatch):
    """The system's URL opener replaced by a recorder."""
    opened: list[QUrl] = []

    def open_url(url):
        opened.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return opened


@pytest.fixture(autouse=True)
def _folded():
    card_mod._OPEN.clear()
    yield
    card_mod._OPEN.clear()


def _error(card: ExerciseCard) -> str:
    """The message beside the button, without the places a long word may wrap."""
    return card.media_error.text().replace("\u200b", "")


def _card(qtbot, media: str, base_dir=None) -> ExerciseCard:
    card = ExerciseCard(collapsible=False, base_dir=base_dir)
    qtbot.addWidget(card)
    card.show_exercise({**EXERCISE, "media": media})
    card.show()
    return card


@pytest.mark.parametrize("name", ["x.bat", "setup.exe", "firefox.desktop", "run.sh",
                                  "page.html", "drawing.svg"])
def test_an_existing_program_or_page_is_never_opened(qtbot, urls, tmp_path, name):
    program = tmp_path / name
    program.write_text("echo hi")
    card = _card(qtbot, str(program))
    assert card.media_button.isVisible()
    assert card.media_info.text() == "" and card.media_button.toolTip() == ""
    qtbot.mouseClick(card.media_button, Qt.MouseButton.LeftButton)
    assert urls == []
    assert card.media_error.isVisible()
    assert _error(card) == media_problem(str(program))
    assert f"{name} is not one" in _error(card)


@pytest.mark.parametrize("media", [
    "C:\\tools\\x.bat", "\\\\server\\share\\x", "//server/share/bridge.mp4", "/etc/passwd",
    "http://example.org/bridge.mp4", "javascript:alert(1)", "file:///etc/passwd",
    "smb://server/share/bridge.mp4", "data:text/html,x", "/tmp/x\u202egnp.exe",
])
def test_the_reviewers_values_show_their_problem_and_open_nothing(qtbot, urls, media):
    card = _card(qtbot, media)
    qtbot.mouseClick(card.media_button, Qt.MouseButton.LeftButton)
    assert urls == []
    assert card.media_error.isVisible() and _error(card) == media_problem(media)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_picture_name_pointing_at_a_program_is_not_opened(qtbot, urls, tmp_path):
    program = tmp_path / "x.sh"
    program.write_text("echo hi")
    picture = tmp_path / "bridge.png"
    picture.symlink_to(program)
    card = _card(qtbot, str(picture))
    qtbot.mouseClick(card.media_button, Qt.MouseButton.LeftButton)
    assert urls == []
    assert _error(card) == \
        f"{picture} points to x.sh, which is not a picture, video or PDF: it is not opened."


def test_a_relative_picture_from_the_journal_folder_still_opens(qtbot, urls, tmp_path):
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "bridge.png").write_bytes(b"\x89PNG")
    card = _card(qtbot, "pictures/bridge.png", base_dir=tmp_path)
    qtbot.mouseClick(card.media_button, Qt.MouseButton.LeftButton)
    assert urls == [QUrl.fromLocalFile(str(tmp_path / "pictures" / "bridge.png"))]
    assert card.media_error.isHidden()
    assert media_url("https://example.org/bridge.mp4") == (
        QUrl("https://example.org/bridge.mp4"), None)


def test_a_bad_value_stored_by_an_older_journal_is_not_opened_from_today(
        open_window, qtbot, urls, tmp_path):
    """The services refuse the value now; an older version stored it in the journal."""
    from PySide6.QtWidgets import QApplication

    ctx, window = open_window()
    program = tmp_path / "x.bat"
    program.write_text("echo hi")
    pid = ps.create_programme("Knee rehab", TODAY, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 6}).result
    ex = m.Exercise.get(m.Exercise.slug == "glute-bridge").id
    pres = ps.add_prescription(phase, {"exercise": ex, "sets": 3, "reps": 12,
                                       "weekdays": "0,2,4"}).result
    with pytest.raises(ValidationError, match="x.bat is not one"):
        ps.update_prescription(pres, {"media": str(program)})
    m.Prescription.update(media=str(program)).where(m.Prescription.id == pres).execute()
    ctx.programme_changed.emit()
    page = window.show_page("today")
    QApplication.processEvents()
    card = page.exercises_due.rows[pres].card
    card.set_expanded(True)
    assert card.media_button.isVisible()
    qtbot.mouseClick(card.media_button, Qt.MouseButton.LeftButton)
    assert urls == []
    assert card.media_error.isVisible()
    assert "x.bat is not one" in _error(card)
