"""French, German and pseudo-localised text fits its widgets at 1366x768 (issue 19).

``tools/l10n_screens.clipped`` lists the visible labels, buttons, check boxes, combo boxes,
table headers, tabs, list items and chart texts that do not fit; the window is built in
each language on the demo journal and every page, Progress and Programme tab, Today on a
day with sessions, Preferences and Help > Keyboard Shortcuts are looked at.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import l10n_screens  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen showing a window


def test_the_detector_sees_a_clipped_button_and_label(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    button = QPushButton("Enregistrer la séance et passer au lendemain matin")
    label = QLabel("Douleur le lendemain matin (0-10) après la séance")
    fine = QLabel("OK")
    for w in (button, label, fine):
        row.addWidget(w)
    button.setFixedWidth(60)
    label.setFixedWidth(50)
    box.show()
    qtbot.waitExposed(box)
    found = l10n_screens.clipped(box)
    assert len(found) == 2
    assert any("Enregistrer" in f for f in found) and any("Douleur" in f for f in found)


def test_pseudo_keeps_placeholders_mnemonics_and_tags():
    text = l10n_screens.pseudo("&Save {n} days <b>now</b>&nbsp;%n")
    assert "{n}" in text and "<b>" in text and "</b>" in text and "&nbsp;" in text
    assert "%n" in text and text.count("&") == 2
    visible = l10n_screens._KEEP.sub("", text)
    assert len(visible) >= len("Save  days now") * 1.4
    assert "Ŝåṽé" not in text and "Šåṽé" in text


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_every_page_fits_at_1366x768(qapp, tmp_path, lang):
    """Every page and tab, Today with sessions, Preferences and Keyboard Shortcuts in
    French and German on the demo journal: nothing narrower than its text (screenshots
    in tmp_path)."""
    from rehabjournal.ui import i18n as ui_i18n

    try:
        problems = l10n_screens.shoot(tmp_path, lang)
    finally:
        ui_i18n.install(qapp, "en")
    assert problems == []
    assert len(list(tmp_path.glob(f"{lang}-*.png"))) >= 10
    # Help > Keyboard Shortcuts, and Today on a day with sessions (their pain-site box)
    assert (tmp_path / f"{lang}-shortcuts.png").exists()
    assert (tmp_path / f"{lang}-today-sessions.png").exists()

