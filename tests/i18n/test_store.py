"""French and German from the store, as a person reads them: CSV, full-export and programme
file refusals with their places, backup and restore words, storage, journal and lock
messages. English stays as it was.

The compiled catalogues are in resources/translations.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from rehabjournal import i18n
from rehabjournal.store import (
    backups,
    csv_io,
    db,
    encryption,
    full_export,
    journal_lock,
    safe_write,
)
from rehabjournal.store import models as m
from rehabjournal.store import programme_io as pio
from rehabjournal.store.library import sync_shipped_exercises

NBSP = "\u00a0"
HEADER = ",".join(csv_io.COLUMNS[:14])

# Line 1 is the header: line 4 has a sleep_hours no spreadsheet means, line 5 a session
# without its duration.
BAD_CSV = (f"{HEADER}\n"
           "2026-03-02,3,10,none,7.5,,,,,,,,,\n"
           "2026-03-03,2,,,7,,,,,,,,,\n"
           "2026-03-04,2,,,1_0,,,,,,,,,\n"
           "2026-03-05,2,,,7,walk,,,,,,,,\n")


def _import_bad_csv(tmp_path: Path, lang: str) -> csv_io.CsvImportError:
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    with i18n.using(lang), pytest.raises(csv_io.CsvImportError) as err:
        csv_io.import_csv(path)
    return err.value


def test_csv_error_messages_in_french_name_line_and_column(journal, tmp_path):
    exc = _import_bad_csv(tmp_path, "fr")
    assert exc.problems[0].startswith(f"ligne 4, colonne sleep_hours{NBSP}: ")
    assert "1_0" in exc.problems[0]
    assert exc.problems[1] == (f"ligne 5, colonne duration_min{NBSP}: une séance a besoin de "
                               "sa durée en minutes")
    assert str(exc).startswith(f"2 problèmes dans le fichier{NBSP}; rien n'a été importé"
                               f"{NBSP}: ligne 4, colonne sleep_hours")
    assert m.CheckIn.select().count() == 0  # nothing was written


def test_csv_error_messages_in_german_name_line_and_column(journal, tmp_path):
    exc = _import_bad_csv(tmp_path, "de")
    assert exc.problems[0].startswith("Zeile 4, Spalte sleep_hours: ")
    assert exc.problems[1] == ("Zeile 5, Spalte duration_min: Eine Einheit braucht ihre Dauer "
                               "in Minuten")
    assert str(exc).startswith("2 Probleme in der Datei; es wurde nichts importiert: Zeile 4, "
                               "Spalte sleep_hours")


def test_csv_error_messages_stay_english_in_english(journal, tmp_path):
    exc = _import_bad_csv(tmp_path, "en")
    assert exc.problems[0].startswith("line 4, column sleep_hours: ")
    assert exc.problems[1] == "line 5, column duration_min: a session needs its duration in minutes"
    assert str(exc).startswith("2 problems in the file; nothing was imported: line 4, column "
                               "sleep_hours")


def test_a_csv_header_without_a_date_column_in_french(journal, tmp_path):
    path = tmp_path / "no-date.csv"
    path.write_text("day;morning_pain\n2026-03-02;3\n", encoding="utf-8")
    with i18n.using("fr"), pytest.raises(csv_io.CsvImportError) as err:
        csv_io.import_csv(path)
    assert err.value.problems[0].startswith(
        f"ligne 1, colonne date{NBSP}: l'en-tête n'a pas de colonne date (lu comme séparé par "
        f"des points-virgules, trouvé{NBSP}: day, morning_pain{NBSP}; attendu{NBSP}:")


def test_a_csv_value_that_differs_from_the_journal_in_german(journal, tmp_path):
    first = tmp_path / "first.csv"
    first.write_text(f"{HEADER}\n2026-03-02,3,,,,,,,,,,,,\n", encoding="utf-8")
    csv_io.import_csv(first)
    second = tmp_path / "second.csv"
    second.write_text(f"{HEADER}\n2026-03-02,5,,,,,,,,,,,,\n", encoding="utf-8")
    with i18n.using("de"), pytest.raises(csv_io.CsvImportError) as err:
        csv_io.import_csv(second)
    assert err.value.problems == ["Zeile 2, Spalte morning_pain: 5 weicht vom Wert im Tagebuch, "
                                  "3, für 2026-03-02 ab"]


def test_the_import_report_names_the_dialect_in_french_and_german(journal, tmp_path):
    path = tmp_path / "semicolon.csv"
    path.write_text(HEADER.replace(",", ";") + "\n2026-03-02;3;;;7,5;;;;;;;;;\n",
                    encoding="utf-8")
    with i18n.using("fr"):
        report = csv_io.import_csv(path)
    assert report.dialect == "séparé par des points-virgules, avec des virgules décimales"
    with i18n.using("de"):
        plan = csv_io.parse_csv(path)
    assert plan.dialect == "semikolongetrennt mit Dezimalkommas"


def test_a_full_import_refusal_in_french_names_table_row_and_field(journal):
    data = full_export.export_data()
    data["tables"]["check_in"] = [{"id": 1, "day": "2026-03-02", "morning_pain": True,
                                   "notes": "", "updated": "2026-03-02T08:00:00"}]
    with i18n.using("fr"), pytest.raises(full_export.FullImportError) as err:
        full_export.import_data(data, backup=False)
    assert err.value.problems == [
        f"table check_in, ligne 1, champ morning_pain{NBSP}: doit être un nombre entier "
        f"(reçu{NBSP}: true)"]


def test_a_full_import_into_a_journal_with_entries_is_refused_in_german(journal):
    data = full_export.export_data()
    m.CheckIn.create(day=date(2026, 3, 2), morning_pain=2, updated=datetime(2026, 3, 2, 8))
    with i18n.using("de"), pytest.raises(full_export.FullImportError) as err:
        full_export.import_data(data, backup=False)
    assert err.value.problems[0].startswith(
        "das Tagebuch ist nicht leer (es enthält 1 Morgen-Check). Ein vollständiger Import geht "
        "nur in ein leeres Tagebuch")


def test_a_json_file_that_is_not_json_in_french(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"format": }', encoding="utf-8")
    with i18n.using("fr"), pytest.raises(full_export.FullImportError) as err:
        full_export.read_file(path)
    assert err.value.problems[0].startswith(
        f"export.json n'est pas du JSON valide (ligne 1, colonne 12{NBSP}: ")


@pytest.fixture
def library(journal):
    sync_shipped_exercises()


def _programme_doc() -> dict:
    return {"format": "rehabjournal-programme", "version": 2,
            "programme": {"name": "P", "phases": [
                {"name": "One", "weeks": 0, "goall": "x", "prescriptions": [
                    {"exercise": "isometric-wall-sit", "sets": 5, "hold_s": 45,
                     "weekdays": ["Mon", "Wed", "Fri"]}]}]}}


def test_programme_file_problems_in_german_with_their_paths(library):
    with i18n.using("de"), pytest.raises(pio.ProgrammeFileError) as err:
        pio.import_document(_programme_doc())
    assert err.value.problems == [
        "programme.phases[0].weeks: 0 ist kleiner als das Minimum von 1"]
    assert err.value.warnings == ("programme.phases[0].goall: unbekannter Schlüssel, ignoriert "
                                  "(meinten Sie 'goal'?)",)


def test_programme_file_problems_in_french_with_their_paths(library):
    with i18n.using("fr"), pytest.raises(pio.ProgrammeFileError) as err:
        pio.import_document(_programme_doc())
    assert err.value.problems == [
        f"programme.phases[0].weeks{NBSP}: 0 est inférieur au minimum de 1"]


def test_restoring_an_empty_copy_is_refused_in_french(journal, tmp_path):
    folder = backups.backup_dir(journal)
    folder.mkdir(exist_ok=True)
    empty = folder / "journal-20260302-080000-manual.sqlite"
    empty.write_bytes(b"")
    with i18n.using("fr"):
        infos = backups.list_backups(journal)
        with pytest.raises(backups.RestoreError) as err:
            backups.restore(journal, empty)
        why = infos[0].reason_text
    assert infos[0].error == f"vide (0 octet){NBSP}: rien n'y a été enregistré"
    assert why == "faite par vous"
    assert err.value.message == (
        f"Impossible de restaurer {empty.name}{NBSP}: la copie est vide (0 octet){NBSP}: rien "
        "n'y a été enregistré. Votre journal est resté tel quel.")
    assert backups.list_backups(journal)[0].error == backups.EMPTY  # English as before


def test_backup_reasons_in_german():
    info = backups.BackupInfo(Path("journal-20260302-080000-pre-import.sqlite"),
                              datetime(2026, 3, 2, 8), "pre-import")
    upgrade = backups.BackupInfo(Path("journal-20260302-080000-pre-v4.sqlite"),
                                 datetime(2026, 3, 2, 8), "pre-v4")
    with i18n.using("de"):
        assert info.reason_text == "vor einem Import"
        assert upgrade.reason_text == "vor der Aktualisierung auf Schema 4"
    assert info.reason_text == "before an import"


def test_writing_over_a_folder_is_refused_in_french_and_german(tmp_path):
    with i18n.using("fr"), pytest.raises(safe_write.StorageError) as fr:
        safe_write.check_target(tmp_path)
    with i18n.using("de"), pytest.raises(safe_write.StorageError) as de:
        safe_write.check_target(tmp_path, "export to")
    assert fr.value.message == (f"Impossible d'écrire {tmp_path}{NBSP}: c'est un dossier{NBSP}; "
                                "indiquez un nom de fichier.")
    assert de.value.message == (f"Export nach {tmp_path} nicht möglich: Es ist ein Ordner; "
                                "geben Sie einen Dateinamen an.")


def test_a_full_disk_in_german_with_a_decimal_comma_and_known_in_any_language(tmp_path):
    with i18n.using("de"):
        exc = safe_write.no_space_error(tmp_path, "the backup", 2_500_000)
    assert exc.message == (f"Kein Speicherplatz mehr in {tmp_path}: die Sicherung benötigt etwa "
                           "2,5 MB; geben Sie Speicherplatz frei und versuchen Sie es erneut. "
                           "Es wurde nichts geändert.")
    assert safe_write.is_no_space(exc)
    assert safe_write.no_space_error(tmp_path, "the backup", 2_500_000).message.startswith(
        f"No space left on device in {tmp_path}: the backup needs about 2.5 MB;")


def test_a_text_file_in_place_of_the_journal_is_refused_in_german(tmp_path):
    path = tmp_path / "journal.sqlite"
    path.write_text("these are my notes, not a journal\n", encoding="utf-8")
    with i18n.using("de"), pytest.raises(db.JournalError) as err:
        db.read_header(path)
    assert err.value.message == (f"{path} ist eine Textdatei, kein rehabjournal-Tagebuch. Die "
                                 "Datei wurde nicht verändert.")


def test_an_empty_passphrase_is_refused_in_french(tmp_path):
    with i18n.using("fr"), pytest.raises(ValueError) as err:
        encryption.enable(tmp_path, "")
    assert str(err.value) == "La phrase secrète ne doit pas être vide."


def test_the_lock_message_names_the_app_in_french_and_the_command_in_german(tmp_path):
    app = journal_lock.Holder(123, "laptop", journal_lock.APP)
    command = journal_lock.Holder(77, "laptop", "rehabjournal import")
    with i18n.using("fr"):
        fr = journal_lock.held_message(tmp_path, app)
    with i18n.using("de"):
        de = journal_lock.held_message(tmp_path, command)
    assert fr == (f"Le journal dans {tmp_path} est utilisé par l'application rehabjournal "
                  "(processus 123 sur laptop). Fermez-la, puis relancez la commande. Rien n'a "
                  "été modifié.")
    assert de == (f"Das Tagebuch in {tmp_path} wird durch rehabjournal import (Prozess 77 auf "
                  "laptop) verwendet. Warten Sie, bis der Befehl beendet ist, und führen Sie den "
                  "Befehl dann erneut aus. Es wurde nichts geändert.")


def test_the_programme_calendar_speaks_french(library):
    exercise = m.Exercise.get(m.Exercise.slug == "isometric-wall-sit")
    prog = m.Programme.create(name="Plan genou", start_date=date(2026, 3, 2))
    phase = m.Phase.create(programme=prog, position=0, name="Calme", weeks=1, deload=True)
    m.Prescription.create(phase=phase, exercise=exercise, position=0, sets=3, hold_s=45,
                          rest_s=60, weekdays="0")
    with i18n.using("fr"):
        text = pio.calendar_text(prog.id, dtstamp=datetime(2026, 3, 1))
    unfolded = text.replace("\r\n ", "")
    assert f"SUMMARY:Exercices de rééducation (1){NBSP}: Plan genou" in unfolded
    assert "DESCRIPTION:Calme (allègement)\\n- " in unfolded
    assert "repos 60 s" in unfolded


def test_a_copied_programme_is_named_a_copy_in_german(library):
    from rehabjournal.store import programme_repo

    prog = m.Programme.create(name="Knieplan")
    with i18n.using("de"):
        copy = programme_repo.duplicate_programme(prog.id)
    assert m.Programme.get_by_id(copy).name == "Knieplan (Kopie)"


def test_a_file_too_large_is_refused_in_french_with_decimal_commas(tmp_path):
    from rehabjournal.store import json_input

    path = tmp_path / "big.json"
    path.write_bytes(b" " * 2_500_000)
    with i18n.using("fr"), pytest.raises(json_input.JsonInputError) as err:
        json_input.load(path, max_bytes=1_500_000, max_depth=5)
    assert str(err.value) == (f"big.json est trop volumineux (2,5 MB{NBSP}; la limite est de "
                              "1,5 MB).")
