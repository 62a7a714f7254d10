"""The pages in French and German (issue 19, ui_pages): Today, the Journal, Progress, the
Programme and Reports pages read in the UI's language, a word typed in French is saved as
the journal's English key, and each page's Alt-letters stay unique in both languages.

Each test installs its language before the window is built and puts English back at the
end (``ui.i18n.install``); the compiled catalogues come from
``make translations``.
"""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 3, 18)  # a Wednesday
NBSP = "\u00a0"

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen showing a window


# ---- Today ---------------------------------------------------------------------------------

def test_today_reads_in_french(window_in):
    _ctx, window = window_in("fr", sessions=True)
    page = window.show_page("today")
    page.load()
    assert page.title.text() == "<h2>Aujourd'hui, mer. 18 mars 2026</h2>"
    assert page.checkin.title() == "Bilan du matin"
    assert page.sessions.title() == "Séances"
    assert page.sessions.add_session_button.text() == "Ajouter une séan&ce (Ctrl+N)"
    assert page.today_button.text() == "Au&jourd'hui"
    assert [page.checkin.swelling.itemText(i) for i in range(page.checkin.swelling.count())
            ] == ["non évalué", "aucun", "léger", "modéré", "important"]
    assert page.checkin.sleep_quality.itemText(3) == "3 bonne"
    assert page.notes_section.title() == "&Notes"
    assert page.questions.title() == "Questions pour votre kinésithérapeute"
    # the shipped activity shows in French, the next morning's question too
    editor = page.session_editors[0]
    assert editor.kind.currentText() == "course"
    question = page.next_morning.findChild(type(page.title), "nextMorningQuestion")
    assert "ce matin après les activités d'hier" in question.text()
    assert "course (40 min)" in question.text()
    assert question.text().endswith(f"{NBSP}?")


def test_today_reads_in_german(window_in):
    _ctx, window = window_in("de", sessions=True)
    page = window.show_page("today")
    page.load()
    assert page.title.text() == "<h2>Heute, Mi., 18. März 2026</h2>"
    assert page.checkin.title() == "Morgen-Check"
    assert page.sessions.add_session_button.text() == "E&inheit hinzufügen (Strg+N)"
    assert page.exercises_due.effort_label.text() == "Anstrengung der Üb&ungen (CR-10)"
    assert page.events.add_button.text() == "Ereignis hinzu&fügen"
    assert page.red_flags.title() == "Red Flags (Warnzeichen): Kreuzen Sie an, was heute zutrifft"
    assert page.session_editors[0].kind.currentText() == "Laufen"
    labels = [w.text() for w in page.checkin.findChildren(type(page.title))]
    assert "Morgens&chmerz (0-10)" in labels and "Sch&laf (Stunden)" in labels


def test_an_activity_typed_in_french_is_saved_as_its_english_key(window_in, qtbot):
    from rehabjournal.services import journal as js

    _ctx, window = window_in("fr")
    page = window.show_page("today")
    editor = page.add_session()
    editor.kind.setCurrentText("vélo")
    editor.kind.lineEdit().editingFinished.emit()
    editor.minutes.edit.setText("25")
    editor.minutes.edit.editingFinished.emit()
    assert [(s["kind"], s["minutes"]) for s in js.list_sessions(TODAY)] == [("cycle", 25)]
    page.load()
    assert page.session_editors[0].kind.currentText() == "vélo"


def test_a_date_typed_wrong_is_refused_in_german(window_in):
    _ctx, window = window_in("de")
    page = window.show_page("today")
    page.date_edit.setText("18.03.2026")
    page.date_edit.returnPressed.emit()
    assert page.date_error.text() == (
        "'18.03.2026' ist kein Datum: Verwenden Sie JJJJ-MM-TT mit einem echten Tag, "
        "z. B. 2026-03-18.")


# ---- the other pages -----------------------------------------------------------------------

@pytest.mark.parametrize("lang, headers, count, day, open_button", [
    ("fr", ["Date", "Feu", "Douleur matinale", "Séances", "Charge (UA)"], "2 jours",
     "mer. 2026-03-18", "&Ouvrir le jour"),
    ("de", ["Datum", "Ampel", "Morgenschmerz", "Einheiten", "Belastung (AE)"], "2 Tage",
     "Mi. 2026-03-18", "Tag ö&ffnen"),
])
def test_the_journal_reads_in_french_and_german(window_in, lang, headers, count, day,
                                                open_button):
    from PySide6.QtCore import Qt

    _ctx, window = window_in(lang, sessions=True)
    page = window.show_page("journal")
    page.refresh()
    model = page.model
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(5)] == headers
    assert page.count_label.text() == count
    assert model.data(model.index(0, 0)) == day
    assert page.open_button.text() == open_button


@pytest.mark.parametrize("lang, tabs, title", [
    ("fr", ["Douleur", "Charge d'entraînement", "Programme", "Questionnaires de résultat",
            "Schémas"], "<h2>Progression</h2>"),
    ("de", ["Schmerz", "Trainingsbelastung", "Programm", "Outcome-Fragebögen", "Muster"],
     "<h2>Verlauf</h2>"),
])
def test_the_progress_tabs_read_in_french_and_german(window_in, qtbot, lang, tabs, title):
    from PySide6.QtWidgets import QLabel

    _ctx, window = window_in(lang, sessions=True)
    page = window.show_page("progress")
    qtbot.waitUntil(lambda: page.built, timeout=30000)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == tabs
    assert title in [label.text() for label in page.findChildren(QLabel)]


@pytest.mark.parametrize("lang, tabs, new, make_report", [
    ("fr", ["&Programmes", "&Bibliothèque", "Ob&servance et conseils"], "&Nouveau",
     "Créer le rapport"),
    ("de", ["&Programme", "Bib&liothek", "Adhärenz und Emp&fehlungen"], "&Neu",
     "Bericht erstellen"),
])
def test_the_programme_and_reports_pages_read_in_french_and_german(window_in, lang, tabs, new,
                                                                    make_report):
    _ctx, window = window_in(lang)
    programme = window.show_page("programme")
    assert [programme.tabs.tabText(i) for i in range(programme.tabs.count())] == tabs
    assert programme.programmes.new_button.text() == new
    reports = window.show_page("reports")
    assert reports.make_button.text() == make_report


@pytest.mark.parametrize("lang", ["fr", "de"])
@pytest.mark.parametrize("key", ["today", "journal", "programme", "progress", "reports"])
def test_every_alt_letter_is_unique_on_each_page_in_french_and_german(keyboard_helpers, window_in,
                                                                     lang, key):
    """As tests/ui/test_ui_keyboard.py's per-page test, in French and German (the menu
    bar's letters included), on every tab of a page with tabs (the Programme page's
    Library: "Arc&hiver" against the menu bar's "Affic&hage")."""
    mnemonics, clashes = keyboard_helpers
    _ctx, window = window_in(lang, sessions=True)
    page = window.show_page(key)
    if key == "today":
        page.load()
    tabs = getattr(page, "tabs", None)
    for index in range(tabs.count() if tabs is not None else 1):
        if tabs is not None:
            tabs.setCurrentIndex(index)
        found = mnemonics(window, page)
        assert clashes(found) == [], tabs.tabText(index) if tabs is not None else key
    if key == "today":
        assert len({letter for letter, _text in found}) >= 17  # 13 on the page + 4 menus
