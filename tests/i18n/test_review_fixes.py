"""What the issue 19 review found in French and German, each checked where a person sees it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal import i18n
from rehabjournal.domain import scales
from rehabjournal.domain.progression import effort_text, rm_effort

NB = "\u00a0"
TEN_RM = "10RM: the heaviest load you can press 10 times with good form, 3 s down and 3 s up"


def test_a_shipped_effort_target_stays_translated_after_a_rep_max_step():
    """The programme sheet's Effort row after 10RM became 12RM and 8RM."""
    with i18n.using("fr"):
        assert effort_text(rm_effort(TEN_RM, 10, 12)).startswith(
            f"12RM{NB}: la charge la plus lourde que vous pouvez pousser 12 fois")
    with i18n.using("de"):
        assert effort_text(rm_effort(TEN_RM, 10, 8)).startswith(
            "8RM: das schwerste Gewicht, das Sie 8-mal")
    assert effort_text(rm_effort(TEN_RM, 10, 12)) == TEN_RM.replace("10", "12")
    with i18n.using("fr"):  # a target the person wrote stays as written
        assert effort_text("12RM: my own words") == "12RM: my own words"


@pytest.mark.parametrize(("lang", "want"), [
    ("en", "left knee"), ("fr", "genou (côté gauche)"), ("de", "Knie (links)")])
def test_a_pain_site_reads_grammatically(lang, want):
    with i18n.using(lang):
        assert scales.side_joint_name("left", "knee") == want
        assert scales.site_label("left", "knee", "medial") == f"{want} (medial)"


@pytest.mark.parametrize(("lang", "run"), [("en", "Run"), ("fr", "Course"), ("de", "Laufen")])
def test_the_pattern_finder_names_activities_in_the_language(lang, run):
    from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, Session
    from rehabjournal.domain.flares import find_patterns

    start = date(2026, 1, 1)
    days = {}
    for i in range(60):
        d = start + timedelta(days=i)
        days[d] = DayRecord(day=d, checkin=CheckIn(day=d, morning_pain=2 + (i % 9 == 0) * 4),
                            sessions=(Session(day=d, kind="run", minutes=30, rpe=5),)
                            if i % 3 == 0 else ())
    with i18n.using(lang):
        report = find_patterns(Journal(days), start, start + timedelta(days=59))
        names = [u.label for u in report.untested] + [f.label for f in report.findings]
    assert any(n.startswith(run) for n in names), names


def test_the_version_option_is_explained_in_french(monkeypatch, capsys):
    from rehabjournal.cli import main

    monkeypatch.setenv("LANGUAGE", "fr")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "show program's version number" not in out
    assert "--version" in out


def test_questionnaire_descriptions_are_ours_to_translate_but_items_stay_english():
    from rehabjournal.services import outcomes

    with i18n.using("de"):
        blurbs = {i.key: i18n.library_text(i.blurb) for i in outcomes.available()}
        licences = [lic for _n, _r, lic, _s in outcomes.attribution_text()]
    assert blurbs["lefs"] == ("20 Fragen zu Alltags- und Sportaktivitäten des Beins "
                              "(etwa 3 Minuten).")
    assert any(lic.startswith("Klinisch frei verwendbar") for lic in licences)


def test_the_journal_lists_sessions_with_their_activity_in_the_language(journal):
    from rehabjournal.services import journal as js

    day = date(2026, 3, 2)
    js.add_session(day, {"kind": "run", "minutes": 30})
    js.add_session(day, {"kind": "rehab exercises", "minutes": 19})
    js.add_session(day, {"kind": "Padel, doubles", "minutes": 60})  # the person's own word
    with i18n.using("de"):
        (row,) = js.list_days()
    assert row["sessions"] == "Laufen 30 min, Reha-Übungen 19 min, Padel, doubles 60 min"
    (row,) = js.list_days()
    assert row["sessions"] == "run 30 min, rehab exercises 19 min, Padel, doubles 60 min"


def test_undo_texts_read_as_sentences_in_each_language():
    from rehabjournal.ui.edit_path import step_text

    with i18n.using("fr"):  # lower case after a French colon, whatever the label's case
        assert step_text(f"&Annuler{NB}: {{change}}", "Modifier la date de début") == (
            f"&Annuler{NB}: modifier la date de début")
        assert step_text(f"&Annuler{NB}: {{change}}", "RPE changé") == f"&Annuler{NB}: RPE changé"
    with i18n.using("de"):
        assert step_text("&Rückgängig: {change}", "Notizen ändern") == (
            "&Rückgängig: Notizen ändern")
    assert step_text("&Undo {change}", "change notes") == "&Undo Change notes"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_about_fits_a_laptop_screen_in_german(qapp, qtbot, journal):
    from rehabjournal.ui import i18n as ui_i18n
    from rehabjournal.ui.context import AppContext
    from rehabjournal.ui.main_window import MainWindow

    ui_i18n.install(qapp, "de")
    try:
        window = MainWindow(AppContext(data_dir=journal))
        qtbot.addWidget(window)
        dialog = window.about()
        free = window.screen().availableGeometry()
        assert dialog.height() <= free.height() - 80  # the OK button stays on the screen
        from PySide6.QtWidgets import QTextBrowser

        text = dialog.findChild(QTextBrowser, "aboutText").toPlainText()
        assert "Information, keine medizinische Beratung." in text
        assert "(englisches Original)" in text or "Klinisch frei verwendbar" in text
        dialog.close()
    finally:
        ui_i18n.install(qapp, "en")


def test_the_day_log_keeps_numbers_with_their_units_and_french_semicolons():
    from rehabjournal.domain.entities import DayRecord, Session
    from rehabjournal.services.report import _session_text

    day = date(2026, 3, 2)
    record = DayRecord(day=day, sessions=(Session(day=day, kind="run", minutes=30, rpe=4),
                                          Session(day=day, kind="cycle", minutes=45, rpe=3)))
    with i18n.using("fr"):
        assert _session_text(record) == (
            f"\u2068course\u2069 30{NB}min RPE{NB}4{NB}; \u2068vélo\u2069 45{NB}min RPE{NB}3")
    assert _session_text(record) == (
        f"\u2068run\u2069 30{NB}min RPE{NB}4; \u2068cycle\u2069 45{NB}min RPE{NB}3")
