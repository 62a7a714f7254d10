"""The window around the pages in French and German (issue 19, ui_rest): the menus, the
Welcome form, Preferences, Help > Keyboard Shortcuts, the backup list and the dates of the
shared widgets; and each menu's Alt-letters stay unique in both languages.

Each test installs its language before the window is built and puts English back at the end
(``ui.i18n.install``); the compiled catalogues come from ``make translations``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

TODAY = date(2026, 3, 18)
NBSP = "\u00a0"

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen showing a dialog


def _menus(window) -> dict[str, list[str]]:
    return {a.text(): [x.text() for x in a.menu().actions() if not x.isSeparator()]
            for a in window.menuBar().actions()}


# ---- the menus -----------------------------------------------------------------------------

def test_the_menus_read_in_german(window_in):
    _ctx, window = window_in("de")
    menus = _menus(window)
    assert list(menus) == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    assert menus["&Datei"][:3] == ["CSV &importieren...", "CSV e&xportieren...",
                                   "Jetzt &sichern..."]
    assert "Aus Sicherung &wiederherstellen..." in menus["&Datei"]
    assert menus["&Datei"][-1] == "&Beenden"
    assert menus["&Bearbeiten"] == ["&Rückgängig", "&Wiederholen", "&Einstellungen...",
                                    "&Outcome-Fragebögen..."]
    assert menus["&Ansicht"][:5] == ["Heute", "Tagebuch", "Programm", "Verlauf", "Berichte"]
    assert "Zu &Heute springen" in menus["&Ansicht"]
    assert menus["&Hilfe"] == ["&Tastenkürzel", "Benutzer&handbuch", "&CSV-Format",
                               "Ü&ber rehabjournal"]
    appearance = window.findChild(type(window.file_menu), "menu_appearance")
    assert appearance.title() == "&Darstellung"
    assert [a.text() for a in appearance.actions()] == ["&System", "&Hell", "&Dunkel"]
    # the sidebar and the pages' names follow
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Heute", "Tagebuch", "Programm", "Verlauf", "Berichte"]
    assert window.pages["today"].accessibleName() == "Heute"


def test_the_menus_read_in_french(window_in):
    _ctx, window = window_in("fr")
    menus = _menus(window)
    assert list(menus) == ["&Fichier", "&Édition", "Affic&hage", "Aid&e"]
    assert menus["&Fichier"][:3] == ["&Importer un CSV...", "E&xporter un CSV...",
                                     "&Sauvegarder maintenant..."]
    assert "Exporter pour le clinicien (&FHIR)..." in menus["&Fichier"]
    assert menus["&Fichier"][-1] == "&Quitter"
    assert menus["&Édition"] == ["&Annuler", "&Rétablir", "&Préférences...",
                                 "&Questionnaires de résultat..."]
    assert menus["Affic&hage"][:5] == ["Aujourd'hui", "Journal", "Programme", "Progression",
                                       "Rapports"]
    assert menus["Aid&e"] == ["&Raccourcis clavier", "&Guide de l'utilisateur", "Format &CSV",
                              "À &propos de rehabjournal"]
    about = window.about_text()
    assert "Information, pas un avis médical." in about
    assert f"Sources{NBSP}: modèle de suivi de la douleur (Silbernagel et al. 2007)" in about


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_alt_letters_do_not_clash_in_french_and_german_menus(keyboard_helpers, window_in,
                                                            lang):
    """Every menu (and the Appearance submenu) has each Alt-letter once; the menu bar's
    letters and the Welcome form's do not clash either (the per-page helper of
    tests/ui/test_ui_keyboard.py)."""
    mnemonics, clashes = keyboard_helpers
    _ctx, window = window_in(lang, profile=False)

    def letters(texts):
        found = [re.search(r"&([^&])", t.replace("&&", "")) for t in texts]
        return [m.group(1).lower() for m in found if m]

    bar = [a.text() for a in window.menuBar().actions()]
    assert len(set(letters(bar))) == len(bar) == len(letters(bar))
    menus = [a.menu() for a in window.menuBar().actions()]
    menus.append(window.findChild(type(window.file_menu), "menu_appearance"))
    for menu in menus:
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        found = letters(texts)
        assert len(found) == len(set(found)), (menu.title(), texts)
    # the Welcome form of a new journal, with the menu bar's letters
    found = mnemonics(window, window.welcome)
    assert clashes(found) == []
    assert len({letter for letter, _text in found}) >= 13  # 9 fields and buttons + 4 menus


# ---- Preferences and Help > Keyboard Shortcuts ---------------------------------------------

@pytest.mark.parametrize("lang, title, light, reminders, tray, morning", [
    ("de", "Einstellungen", "Schmerzampel", "Erinnerungen und Start (dieser Computer)",
     "Symbol im &Infobereich anzeigen", "&Morgenerinnerung um"),
    ("fr", "Préférences", "Feu de suivi de la douleur", "Rappels et démarrage (cet ordinateur)",
     "Afficher une &icône dans la zone de notification", "Rappel du &matin à"),
])
def test_preferences_read_in_french_and_german(window_in, lang, title, light, reminders, tray,
                                               morning):
    from PySide6.QtWidgets import QGroupBox, QLabel

    from rehabjournal.ui.preferences import PreferencesDialog

    ctx, window = window_in(lang)
    dialog = PreferencesDialog(ctx, window)
    try:
        assert dialog.windowTitle() == title
        labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert f"<b>{light}</b>" in labels
        boxes = [box.title() for box in dialog.findChildren(QGroupBox)]
        assert reminders in boxes
        assert dialog.tray_check.text() == tray
        assert dialog.morning_check.text() == morning
        assert "Pain-monitoring" not in labels and "Reminders" not in " ".join(boxes)
    finally:
        dialog.deleteLater()


@pytest.mark.parametrize("lang, title, headers, rows", [
    ("de", "Tastenkürzel", ["Wo", "Was", "Tasten"],
     [("Ansicht", "Vorheriger Tag"), ("Ansicht", "Zu Heute springen"), ("Hilfe", "Tastenkürzel"),
      ("Bearbeiten", "Letzte Änderung rückgängig machen"),
      ("Zahlenfelder", "Eins mehr / eins weniger")]),
    ("fr", "Raccourcis clavier", ["Où", "Action", "Touches"],
     [("Affichage", "Jour précédent"), ("Affichage", "Aller à aujourd'hui"),
      ("Aide", "Raccourcis clavier"), ("Édition", "Annuler la dernière modification"),
      ("Partout", "Aller au champ ou au bouton dont la lettre est soulignée")]),
])
def test_help_keyboard_shortcuts_reads_in_french_and_german(window_in, lang, title, headers,
                                                            rows):
    _ctx, window = window_in(lang)
    dialog = window.keyboard_shortcuts()
    try:
        assert dialog.windowTitle() == title
        assert [dialog.table.horizontalHeaderItem(c).text() for c in range(3)] == headers
        listed = {(where, what): keys for where, what, keys in dialog.rows}
        for row in rows:
            assert row in listed, (row, sorted(listed))
        assert listed[rows[2]] == "F1"  # Help > Keyboard Shortcuts
        tab = ("Tab / Umschalt+Tab" if lang == "de" else "Tab / Maj+Tab")
        assert tab in listed.values()
    finally:
        dialog.close()


def test_a_page_shortcut_said_with_a_french_colon_is_split_into_where_and_what():
    from rehabjournal.ui.shortcuts import _where_what

    assert _where_what(f"Aujourd'hui{NBSP}: Ajouter une séance") == (
        "Aujourd'hui", "Ajouter une séance")
    assert _where_what("Today: Add a session") == ("Today", "Add a session")
    assert _where_what("Heute: Eine Einheit hinzufügen") == ("Heute", "Eine Einheit hinzufügen")


# ---- dates and the backup list -------------------------------------------------------------

def test_dates_of_the_window_read_in_the_language_and_english_is_unchanged():
    from rehabjournal import i18n
    from rehabjournal.ui.backup import made_long, made_text
    from rehabjournal.ui.widgets import fmt_date

    day, made = date(2026, 3, 3), datetime(2026, 3, 3, 14, 5, 9)
    assert fmt_date(day) == "Tue 3 Mar 2026"
    assert fmt_date(date(2026, 9, 29)) == "Tue 29 Sep 2026"  # as strftime's "%b", not "Sept"
    assert made_text(made) == "Tue 03 Mar 2026 14:05:09"
    assert made_long(made) == "Tuesday 03 March 2026, 14:05:09"
    with i18n.using("fr"):
        assert fmt_date(day) == "mar. 3 mars 2026"
        assert made_text(made) == "mar. 3 mars 2026 14:05:09"
        assert made_long(made) == "mardi 3 mars 2026, 14:05:09"
    with i18n.using("de"):
        assert fmt_date(day) == "Di., 3. März 2026"
        assert made_long(made) == "Dienstag, 3. März 2026, 14:05:09"


@pytest.mark.parametrize("lang, headers, empty", [
    ("de", ["Erstellt am", "Grund", "Morgen-Checks", "Einheiten"],
     "Es gibt noch keine Sicherungen. Erstellen Sie eine mit Datei > Jetzt sichern."),
    ("fr", ["Créée le", "Motif", "Bilans du matin", "Séances"],
     "Il n'y a pas encore de sauvegarde. Utilisez Fichier > Sauvegarder maintenant pour en "
     "faire une."),
])
def test_the_restore_dialog_reads_in_french_and_german(window_in, lang, headers, empty):
    from PySide6.QtCore import Qt

    from rehabjournal.ui.backup import RestoreDialog

    ctx, window = window_in(lang)
    dialog = RestoreDialog(ctx, window)
    try:
        model = dialog.model
        shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        assert shown == headers
        assert dialog.empty.text() == empty
        assert dialog.restore_button.text() in ("Diese Kopie &wiederherstellen...",
                                                "&Restaurer cette copie...")
    finally:
        dialog.deleteLater()


def test_a_failed_backup_in_german_gets_the_free_space_advice_once(window_in, monkeypatch):
    """A full disk is known by its error class, not by its (translated) words: its own
    advice is not followed by "check the free space" again."""
    from rehabjournal.errors import StorageError
    from rehabjournal.ui import backup as ui_backup

    class NoSpaceError(StorageError):  # the store's class, as the UI meets it
        pass

    ctx, window = window_in("de")
    told = []
    monkeypatch.setattr(ui_backup, "_tell", lambda parent, title, text, **kw: told.append(
        (title, text)))
    full = "Kein Speicherplatz mehr frei: Geben Sie Speicherplatz frei."
    monkeypatch.setattr(ui_backup.backups, "backup_now", lambda data_dir: (_ for _ in ()).throw(
        NoSpaceError(full)))
    assert ui_backup.backup_now(window, ctx) is None
    assert told == [("Sicherung fehlgeschlagen", full)]
    monkeypatch.setattr(ui_backup.backups, "backup_now", lambda data_dir: (_ for _ in ()).throw(
        StorageError("Das Tagebuch konnte nicht kopiert werden.")))
    ui_backup.backup_now(window, ctx)
    assert told[-1] == ("Sicherung fehlgeschlagen", "Das Tagebuch konnte nicht kopiert werden. "
                        f"Prüfen Sie den freien Speicherplatz in {ctx.data_dir}.")
