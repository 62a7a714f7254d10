"""Choosing the language: Preferences > Language, and the Reports page's Report language."""

from __future__ import annotations

import pypdf
import pytest

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_preferences_language_choice_is_saved_for_the_next_start(open_window, qtbot):
    from rehabjournal.ui import settings as ui_settings
    from rehabjournal.ui.i18n import chosen_language
    from rehabjournal.ui.preferences import PreferencesDialog

    ctx, window = open_window()
    dialog = PreferencesDialog(ctx, window)
    qtbot.addWidget(dialog)
    combo = dialog.language
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "System (English)", "English", "Français", "Deutsch"]
    assert dialog.language_note.text() == ""  # System is English here: nothing to restart
    combo.setCurrentIndex(combo.findData("de"))
    assert dialog.language_note.text() == ("Applies when rehabjournal starts again: close it "
                                           "and open it to see it in Deutsch.")
    combo.setCurrentIndex(combo.findData("en"))
    assert dialog.language_note.text() == ""
    combo.setCurrentIndex(combo.findData("de"))
    dialog.accept()
    assert ui_settings.get("ui.language") == "de"
    assert chosen_language() == "de"
    again = PreferencesDialog(ctx, window)  # the dialog shows what was saved
    qtbot.addWidget(again)
    assert again.language.currentData() == "de"


def test_system_choice_follows_the_system_language(monkeypatch):
    from PySide6.QtCore import QLocale

    from rehabjournal.ui import settings as ui_settings
    from rehabjournal.ui.i18n import chosen_language

    ui_settings.set("ui.language", "system")
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_CA")))
    assert chosen_language() == "fr"
    ui_settings.set("ui.language", "en")
    assert chosen_language() == "en"


def test_report_language_makes_a_french_pdf_from_an_english_window(open_window, qtbot,
                                                                    tmp_path):
    from rehabjournal import i18n

    ctx, window = open_window()
    page = window.show_page("reports")
    combo = page.language
    assert combo.itemText(0) == "Same as the window (English)"
    combo.setCurrentIndex(combo.findData("fr"))
    page.make_report()
    qtbot.waitUntil(lambda: page.result is not None and not page.busy(), timeout=60000)
    pdf = page.result.path
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert "information, pas un avis médical" in text.lower()
    assert i18n.current() == "en"
    assert window.menuBar().actions()[0].text() == "&File"  # the window stays English
