"""The exercise card (ui/exercise_card.py) on Today's exercises due and in the Library:
what a patient needs to do the exercise is on screen (not in a tooltip), the details fold
under a keyboard-reachable "How to do it" that stays open, and a picture or video opens
only when its button is clicked (a missing file says so beside the button)."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QScrollArea

from rehabjournal.services import programme as ps
from rehabjournal.services import settings
from rehabjournal.store import models as m
from rehabjournal.ui import exercise_card as card_mod
from rehabjournal.ui.exercise_card import card_facts, media_url, rest_text

from .conftest import TODAY  # a Wednesday

HSR = {"sets": 4, "reps": 8, "load": 95, "load_unit": "kg", "tempo": "3 s down / 3 s up",
       "rest_s": 150, "side": "each side", "times_per_day": 2,
       "effort_target": "about 70 % effort", "notes": "Single leg, holding a weight",
       "pain_rule": "tendon", "weekdays": "Mon, Wed, Fri"}


@pytest.fixture(autouse=True)
def _folded():
    """Each test starts with every card folded (the open state lasts a session)."""
    card_mod._OPEN.clear()
    yield
    card_mod._OPEN.clear()


@pytest.fixture
def opened(open_window, monkeypatch):
    """A window over a journal with a demo-like active programme due today, and the
    system's URL opener replaced by a recorder: (ctx, window, prescription ids, opened)."""
    ctx, window = open_window()
    opened_urls: list[QUrl] = []

    def open_url(url):
        opened_urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    pid = ps.create_programme("Knee rehab", TODAY, active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 6}).result
    ex = {slug: m.Exercise.get(m.Exercise.slug == slug).id
          for slug in ("hsr-leg-press", "glute-bridge", "calf-stretch")}
    ids = {
        "hsr": ps.add_prescription(phase, {"exercise": ex["hsr-leg-press"], **HSR}).result,
        "bridge": ps.add_prescription(phase, {"exercise": ex["glute-bridge"], "sets": 3,
                                              "reps": 12, "weekdays": "0,2,4"}).result,
        "stretch": ps.add_prescription(phase, {"exercise": ex["calf-stretch"], "sets": 3,
                                               "hold_s": 30, "load_unit": "seconds",
                                               "weekdays": "0,2,4"}).result,
    }
    ctx.programme_changed.emit()
    return ctx, window, ids, opened_urls


def _due(window):
    """The Today page and its exercises due, with rows rebuilt meanwhile shown (a widget
    added to a shown layout is shown by a queued call)."""
    from PySide6.QtWidgets import QApplication

    page = window.show_page("today")
    QApplication.processEvents()
    return page, page.exercises_due


def _set_media(pres_id: int, media: str) -> None:
    ps.update_prescription(pres_id, {"media": media})


# ---- what the card says ------------------------------------------------------------------

def test_exercises_due_show_dose_tempo_rest_side_note_and_how_to_do_it(opened, qtbot):
    ctx, window, ids, urls = opened
    page, due = _due(window)
    row = due.rows[ids["hsr"]]
    exercise = ps.get_exercise(ps.get_prescription(ids["hsr"])["exercise"])
    # the compact line is the row's title, on screen (no tooltip needed)
    title = row.title.text()
    for text in ("Heavy slow resistance leg press", "4 x 8 @ 95 kg", "tempo 3 s down / 3 s up",
                 "rest 2 min 30 s", "each side", "twice a day", "about 70 % effort"):
        assert text in title
    assert row.title.toolTip() == ""
    assert row.card.note.isVisible()
    assert "Single leg, holding a weight" in row.card.note.text()
    # the details are folded under "How to do it" until opened
    assert not row.card.details.isVisible() and row.card.toggle.isVisible()
    qtbot.mouseClick(row.card.toggle, Qt.MouseButton.LeftButton)
    assert row.card.details.isVisible()
    text = row.card.text.text()
    assert html.escape(exercise["instructions"][:40]) in text
    first_cue = exercise["cues"].splitlines()[0].strip()
    assert html.escape(first_cue) in text
    assert "How often:</b> 3 days a week (Mon, Wed, Fri), twice a day" in text
    assert "Rest between sets:</b> 2 min 30 s" in text
    # the tendon pain rule in plain words, with the journal's thresholds (defaults here)
    assert "Pain up to 5/10 during and after is acceptable if it has settled by the next " \
           "morning" in text
    # a row without its own values takes the exercise's; the standard pain rule
    stretch = due.rows[ids["stretch"]]
    stretch.card.set_expanded(True)
    assert "3 x 30 s" in stretch.title.text()
    assert "Pain up to 2/10 during is fine." in stretch.card.text.text()
    assert not stretch.card.note.isVisible()  # no note, no empty line


def test_how_to_do_it_is_keyboard_reachable_and_stays_open(opened, qtbot):
    ctx, window, ids, urls = opened
    page, due = _due(window)
    toggle = due.rows[ids["bridge"]].card.toggle
    assert toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert toggle.accessibleName() == "How to do it: Glute bridge"
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert due.rows[ids["bridge"]].card.is_expanded()
    # an answer rebuilds the rows: the card opened stays open, the others stay folded
    due.rows[ids["bridge"]].done_button.click()
    assert ps.get_log(TODAY, ids["bridge"])["status"] == "done"
    assert due.rows[ids["bridge"]].card.is_expanded()
    assert not due.rows[ids["hsr"]].card.is_expanded()
    qtbot.keyClick(due.rows[ids["bridge"]].card.toggle, Qt.Key.Key_Space)
    due.refresh()
    assert not due.rows[ids["bridge"]].card.is_expanded()


def test_the_pain_rule_follows_the_thresholds(opened):
    ctx, window, ids, urls = opened
    settings.set("thresholds.green_peak_max", 3)
    ctx.settings_changed.emit()
    page, due = _due(window)
    stretch = due.rows[ids["stretch"]].card
    assert "Pain up to 3/10 during is fine. 4-5/10 is the edge" in stretch.text.text()


def test_cards_fit_a_1366_by_768_window_without_a_sideways_scroll_bar(opened, qtbot):
    ctx, window, ids, urls = opened
    ps.update_prescription(ids["hsr"], {"notes": "A long note. " * 40})
    window.resize(1366, 768)
    page, due = _due(window)
    for row in due.rows.values():
        row.card.set_expanded(True)
    qtbot.wait(10)
    scroll = page.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0
    note = due.rows[ids["hsr"]].card.note
    assert note.wordWrap() and note.width() <= scroll.viewport().width()


# ---- pictures and videos -----------------------------------------------------------------

def test_a_link_opens_only_when_its_button_is_clicked(opened, qtbot):
    ctx, window, ids, urls = opened
    _set_media(ids["hsr"], "https://example.org/leg-press.mp4")
    ctx.programme_changed.emit()
    page, due = _due(window)
    card = due.rows[ids["hsr"]].card
    card.set_expanded(True)
    assert card.media_button.isVisible() and card.media_button.text() == "Open picture/video"
    assert "opens in your browser" in card.media_info.text()
    assert not due.rows[ids["bridge"]].card.media_button.isVisibleTo(due)  # none given
    assert urls == []  # showing the card opened nothing
    qtbot.mouseClick(card.media_button, Qt.MouseButton.LeftButton)
    assert [u.toString() for u in urls] == ["https://example.org/leg-press.mp4"]
    assert card.media_error.isHidden()


def test_a_local_file_opens_as_a_file_and_a_missing_one_says_so(opened, qtbot, tmp_path):
    ctx, window, ids, urls = opened
    picture = tmp_path / "leg press.png"
    picture.write_bytes(b"\x89PNG")
    _set_media(ids["hsr"], str(picture))
    _set_media(ids["bridge"], str(tmp_path / "gone.mp4"))
    ctx.programme_changed.emit()
    page, due = _due(window)
    card = due.rows[ids["hsr"]].card
    card.set_expanded(True)
    assert card.media_info.text() == "leg press.png"
    qtbot.mouseClick(card.media_button, Qt.MouseButton.LeftButton)
    assert urls == [QUrl.fromLocalFile(str(picture))]

    missing = due.rows[ids["bridge"]].card
    missing.set_expanded(True)
    qtbot.mouseClick(missing.media_button, Qt.MouseButton.LeftButton)
    assert len(urls) == 1  # nothing handed to the system
    assert missing.media_error.isVisible()
    shown = missing.media_error.text().replace("\u200b", "")  # a long path may wrap
    assert shown == f"The picture or video was not found: {tmp_path / 'gone.mp4'}"


def test_media_urls_refuse_other_schemes_and_take_relative_paths_from_the_journal(tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "a.png").write_bytes(b"x")
    url, problem = media_url("media/a.png", tmp_path)
    assert problem is None and url == QUrl.fromLocalFile(str(tmp_path / "media" / "a.png"))
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"):
        url, problem = media_url(bad, tmp_path)
        assert url is None and "https:// link or a file" in problem
    assert media_url("", tmp_path) == (None, "No picture or video is given for this exercise.")


def test_the_prescription_overrides_the_exercise():
    exercise = {"name": "Clamshell", "instructions": "Lie on your side.", "cues": "- Slowly\n\n",
                "default_sets": 3, "default_reps": None, "default_hold_s": 45,
                "load_unit": "band", "tempo": "2 s up", "rest_s": 60, "side": "each side",
                "days_per_week": 3, "times_per_day": None, "pain_rule": "", "media": "a.png",
                "source": "domain.md 7"}
    lib = card_facts(exercise)
    assert (lib.dose, lib.tempo, lib.rest, lib.side, lib.media) == (
        "3 x 45 s (band)", "2 s up", "1 min", "each side in turn", "a.png")
    assert lib.cues == ("Slowly",) and lib.frequency == "3 days a week"
    assert lib.summary() == ("3 x 45 s (band) \u00b7 tempo 2 s up \u00b7 rest 1 min \u00b7 "
                             "each side in turn")
    prescription = {"exercise_name": "Clamshell", "sets": 3, "reps": 15, "hold_s": None,
                    "load": None, "load_unit": "band", "tempo": "", "rest_s": None,
                    "side": "left", "times_per_day": 2, "days_per_week": 3, "weekdays": "",
                    "effort_target": "", "pain_rule": "tendon", "media": "b.mp4",
                    "notes": "Heavier band"}
    p = card_facts(exercise, prescription, acceptable_pain=4)
    assert (p.dose, p.tempo, p.side, p.media, p.note) == (
        "3 x 15 (band)", "2 s up", "left side", "b.mp4", "Heavier band")
    # the side and tempo in the programme sheet's words
    sore = card_facts({**exercise, "tempo": "3-0-3"}, {**prescription, "side": "affected side"},
                      profile_side="left")
    assert (sore.side, sore.tempo) == ("the affected side (left)", "3 s down / 3 s up")
    ride = card_facts({**exercise, "category": "conditioning", "side": "both"})
    assert ride.side == ""
    assert p.frequency == "3 days a week, twice a day"
    assert p.pain_rule.startswith("Pain up to 4/10 during and after is acceptable")
    assert [rest_text(s) for s in (None, 0, 45, 60, 150)] == ["", "no rest", "45 s", "1 min",
                                                              "2 min 30 s"]


# ---- the Library -------------------------------------------------------------------------

def test_the_library_shows_the_card_and_its_progression(open_window, qtbot, monkeypatch):
    ctx, window = open_window()
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    page = window.show_page("programme")
    lib = page.library
    page.tabs.setCurrentWidget(lib)
    shipped = m.Exercise.get(m.Exercise.slug == "hsr-squat").id
    lib.select(shipped)
    ex = ps.get_exercise(shipped)
    assert lib.card_box.isVisible() and lib.card.details.isVisible()
    assert not lib.card.toggle.isVisible()  # always open here
    assert lib.card.summary.text().startswith("4 x 15")
    assert html.escape(ex["instructions"][:40]) in lib.card.text.text()
    assert "15RM" in lib.progression.text()
    assert not lib.editor.isVisible()  # shipped: copy it to edit

    qtbot.mouseClick(lib.copy_button, Qt.MouseButton.LeftButton)
    copy = lib.current_id()
    assert lib.editor.isVisible()
    lib.e_tempo.setText("2 s down, 2 s up")
    lib.e_side.setCurrentIndex(lib.e_side.findData("left"))
    lib.e_media.set_text("https://example.org/squat.mp4")
    qtbot.mouseClick(lib.save_button, Qt.MouseButton.LeftButton)
    saved = ps.get_exercise(copy)
    assert (saved["tempo"], saved["side"], saved["media"]) == (
        "2 s down, 2 s up", "left", "https://example.org/squat.mp4")
    assert "tempo 2 s down / 2 s up" in lib.card.summary.text()
    assert "left side" in lib.card.summary.text()
    assert urls == []
    qtbot.mouseClick(lib.card.media_button, Qt.MouseButton.LeftButton)
    assert [u.toString() for u in urls] == ["https://example.org/squat.mp4"]

    lib.e_media.set_text("ftp://example.org/x")
    qtbot.mouseClick(lib.save_button, Qt.MouseButton.LeftButton)
    assert lib.error.isVisible() and "https:// link or a file" in lib.error.text()
    assert ps.get_exercise(copy)["media"] == "https://example.org/squat.mp4"
