"""French and German below the UI (services_b): storage errors, the command line, undo
labels and status texts, reminders and the CSV import summary, as a person reads them.

The compiled catalogues are in resources/translations.
"""

from __future__ import annotations

import errno
import sqlite3
from datetime import date, datetime

import pytest

from rehabjournal import cli, i18n
from rehabjournal.errors import ImportFileError, busy_error, storage_error
from rehabjournal.services import journal as js
from rehabjournal.services import reminders as r
from rehabjournal.services.files import failure_message, file_error
from rehabjournal.services.transfer import ImportReport, summary

NBSP = "\u00a0"


def test_a_read_only_journal_folder_is_explained_in_french_and_german():
    exc = sqlite3.OperationalError("attempt to write a readonly database")
    with i18n.using("fr"):
        fr = storage_error(exc).message
    with i18n.using("de"):
        de = storage_error(exc, "undo").message
    assert fr == (f"L'enregistrement a échoué{NBSP}: le dossier du journal est en lecture "
                  "seule ou inaccessible (attempt to write a readonly database).")
    assert de == ("Das Rückgängigmachen ist fehlgeschlagen: Der Ordner des Tagebuchs ist "
                  "schreibgeschützt oder nicht zugänglich (attempt to write a readonly "
                  "database).")
    # English stays as it was
    assert storage_error(exc).message == ("Could not save: the journal folder is read-only or "
                                          "not accessible (attempt to write a readonly "
                                          "database).")


def test_a_full_disk_and_a_busy_journal_in_german(monkeypatch):
    from rehabjournal import errors

    monkeypatch.setattr(errors, "journal_file", None)  # no journal left open by another test
    full = sqlite3.OperationalError("database or disk is full")
    with i18n.using("de"):
        text = storage_error(full, "read the journal").message
        busy = busy_error("/home/a/journal.sqlite").message
    assert text.startswith("Kein Speicherplatz mehr (database or disk is full). Das Lesen des "
                           "Tagebuchs ist fehlgeschlagen, weil der Datenträger voll ist")
    assert text.endswith("Es wurde nichts geändert.")
    assert busy.startswith("Das Tagebuch ist belegt: Ein anderes Programm verwendet "
                           "/home/a/journal.sqlite")


def test_a_failed_command_names_itself_in_french():
    exc = sqlite3.OperationalError("disk I/O error")
    with i18n.using("fr"):
        text = storage_error(exc, "finish import").message
    assert text == (f"La commande import a échoué{NBSP}: impossible d'écrire sur le disque "
                    f"(disk I/O error){NBSP}; il est peut-être plein, retiré ou défaillant.")


def test_file_errors_and_the_export_failed_box_in_french(tmp_path):
    path = tmp_path / "out.csv"
    with i18n.using("fr"):
        error = file_error(FileNotFoundError(errno.ENOENT, "No such file or directory"), path)
        box = failure_message(error)
    assert error.message == (f"Impossible d'écrire {path}{NBSP}: No such file or directory.")
    assert box.endswith("Rien n'a été écrit.")


def test_many_import_problems_end_with_a_count_in_german():
    problems = [f"line {n}, column rpe: bad" for n in range(1, 54)]
    with i18n.using("de"):
        exc = ImportFileError(problems)
    assert exc.problems[-1] == "und 3 weitere Probleme"


def test_the_command_line_speaks_the_system_language(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("LANGUAGE", "de")
    code = cli.main(["--data-dir", str(tmp_path / "nowhere"), "export",
                     str(tmp_path / "out.csv")])
    assert code == 4
    err = capsys.readouterr().err
    assert err.startswith(f"rehabjournal: Fehler: In {tmp_path / 'nowhere'} gibt es kein "
                          "Tagebuch: Prüfen Sie --data-dir")


def test_a_bad_date_on_the_command_line_in_french(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("LANGUAGE", "fr")
    code = cli.main(["--data-dir", str(tmp_path), "summary", "--from", "2026-02-30"])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"rehabjournal{NBSP}: erreur{NBSP}: --from '2026-02-30' n'est pas une date{NBSP}; "
        "utilisez AAAA-MM-JJ, par ex. 2026-03-01.")


def test_help_and_argparse_errors_in_french(monkeypatch, capsys):
    monkeypatch.setenv("LANGUAGE", "fr")
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith(f"utilisation{NBSP}: rehabjournal")
    assert f"codes de sortie{NBSP}:" in out
    assert "afficher ce message d'aide et quitter" in out
    assert "Information, pas un avis médical." in out
    with pytest.raises(SystemExit):
        cli.main(["export"])
    err = capsys.readouterr().err
    assert f"rehabjournal export{NBSP}: erreur{NBSP}: les arguments suivants sont requis" in err
    # argparse's own texts are back to the standard library's afterwards
    import argparse

    assert argparse._("usage: ") == "usage: "


def test_undo_labels_and_status_texts_in_french(journal):
    day = date(2026, 3, 3)
    with i18n.using("fr"):
        edit = js.edit_checkin(day, {"morning_pain": 3})
        assert (edit.label, edit.saved) == ("modifier la douleur matinale", "Enregistré")
        event = js.edit_add_event(day, "flare")
        assert (event.label, event.saved) == ("ajouter un événement", "Événement ajouté")
        gone = js.edit_delete_day(day)
    assert gone.label == "supprimer le 3 mars 2026"
    assert gone.saved == "Journée du 3 mars 2026 supprimée (Édition > Annuler la rétablit)"


def test_a_refused_session_is_explained_in_german(journal):
    with i18n.using("de"):
        errors = js.validate_session({"kind": "", "minutes": ""})
    assert errors == {"kind": "Die Aktivität braucht einen Namen, z. B. Laufen, Radfahren "
                              "oder Reha-Übungen.",
                      "minutes": "Die Dauer wird benötigt: Wie viele Minuten hat es gedauert?"}


def test_the_merged_session_is_recognised_in_every_language(journal):
    edit = js.Edit("x", lambda: None, lambda: None)
    with i18n.using("de"):
        edit.saved = i18n._(js.MERGED_STATUS)
        assert edit.saved.startswith("Zusammengeführt mit der Einheit Reha-Übungen")
        assert js.is_merged(edit)


def test_the_morning_reminder_in_german():
    state = r.DayState(checkin_missing=True, waiting=("left knee", "right hip"))
    choices = r.Choices(morning=True)
    with i18n.using("de"):
        reminder = r.due(datetime(2026, 3, 3, 9, 30), choices, state, {})
    assert reminder.title == "Zeit für Ihren Morgen-Check"
    assert reminder.text.startswith("Wie geht es heute Morgen Ihrem Gelenk (left knee und "
                                    "right hip)?")


def test_the_csv_import_summary_in_french():
    report = ImportReport(days=1, sessions_added=4, sessions_skipped=0, checkins_written=1,
                          red_flags_added=2, dialect="comma-separated")
    with i18n.using("fr"):
        text = summary(report)
    assert text == (f"1 jour{NBSP}: 4 séances ajoutées, 0 déjà dans le journal, 1 bilan du "
                    "matin écrit, 2 drapeaux rouges ajoutés (lu comme comma-separated)")
    assert summary(report) == ("1 day: 4 sessions added, 0 already in the journal, 1 check-in "
                               "written, 2 red flags added (read as comma-separated)")


def test_what_the_integrity_check_found_is_read_from_a_translated_message(monkeypatch):
    from pathlib import Path

    from rehabjournal.services import startup
    from rehabjournal.store import backups

    def french(path, findings):
        return (f"Le journal {path} a échoué à sa vérification d'intégrité ({findings}). Il "
                f"n'a pas été copié. Les copies sont dans {Path(path).parent / 'backups'}.")

    monkeypatch.setattr(backups, "damaged_message", french)
    message = french(Path("/home/a b/data/journal.sqlite"), "row 3 missing from index i (x)")
    with i18n.using("fr"):
        assert startup.damage_findings(message) == "row 3 missing from index i (x)"
    assert startup.damage_findings("no findings here") == "no findings here"
