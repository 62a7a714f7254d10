"""French and German from the domain: the light's advice and reasons, the red-flag tiers,
validation messages, escalations, progression advice, adherence and the flare finder's
words (the compiled catalogues in resources/translations). English stays as it was."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rehabjournal import i18n
from rehabjournal.domain import (
    adherence,
    flares,
    light,
    outcomes,
    progression,
    redflags,
    scales,
    validation,
)
from rehabjournal.domain import programme as dp
from rehabjournal.domain.entities import CheckIn, DayRecord, Journal, RedFlag, Session
from rehabjournal.errors import ValidationError

NB = "\u00a0"  # French: a no-break space before : ; ? ! % and inside « »
DAY = date(2026, 3, 3)  # a Tuesday


def _red_session_day() -> Journal:
    """Mornings at 2/10, then a run with pain 7/10 during and 5/10 the next morning."""
    days = {}
    for i in range(1, 10):
        d = DAY - timedelta(days=i)
        days[d] = DayRecord(d, CheckIn(d, morning_pain=2))
    days[DAY] = DayRecord(DAY, CheckIn(DAY, morning_pain=2),
                          (Session(DAY, "run", 30, rpe=5, pain_during=7),))
    nd = DAY + timedelta(days=1)
    days[nd] = DayRecord(nd, CheckIn(nd, morning_pain=5))
    return Journal(days)


def _refusal(table: str, field: str, value: str, place: str) -> str:
    with pytest.raises(ValidationError) as caught:
        validation.check_field(table, field, value, place)
    return str(caught.value)


def test_red_day_advice_in_german():
    with i18n.using("de"):
        li = light.day_light(_red_session_day(), DAY)
        assert li.text == ("Rot: Gehen Sie in der nächsten Einheit mit der Belastung zurück "
                           "(nicht auf null), oder legen Sie 24-48 h relative Ruhe ein.")
    assert li.reason == ("Schmerz während Ihrer Aktivität „Laufen“ am 3. März: 7/10, über 5/10. "
                         "Schmerz am nächsten Morgen: 5/10, 3 Punkte über Ihrem üblichen Wert "
                         "von 2/10.")


def test_red_day_reason_in_french():
    with i18n.using("fr"):
        li = light.day_light(_red_session_day(), DAY)
        assert li.heading == "Rouge"
    assert li.reason == (f"Douleur pendant votre séance «{NB}course{NB}» du 3 mars{NB}: 7/10, "
                         "au-dessus de 5/10. "
                         f"Douleur le lendemain matin{NB}: 5/10, soit 3 points au-dessus de "
                         "votre niveau habituel de 2/10.")


def test_red_day_stays_english_in_english():
    li = light.day_light(_red_session_day(), DAY)
    assert li.text == ("Red: Back off the load next session (not to zero), or take 24-48 h of "
                       "relative rest.")
    assert li.reason == ("Pain during your run on 3 Mar was 7/10, above 5/10. Next-morning pain "
                         "5/10 was 3 points above your usual 2/10.")


def test_validation_message_in_french_keeps_the_place_and_the_text_as_written():
    with i18n.using("fr"):
        text = _refusal("check_in", "sleep_hours", "24.5", "ligne 4, colonne sleep_hours")
    assert text == (f"ligne 4, colonne sleep_hours{NB}: Sommeil doit être un nombre de 0 à 24 "
                    "heures (reçu 24.5)")  # the cell as the file has it


def test_validation_message_in_french_writes_a_number_with_a_decimal_comma():
    with i18n.using("fr"), pytest.raises(ValidationError) as caught:
        validation.check_field("check_in", "sleep_hours", 24.5, "table check_in, row 3",
                               typed=True)
    assert str(caught.value) == (f"table check_in, row 3{NB}: Sommeil doit être un nombre de 0 "
                                 "à 24 heures (reçu 24,5)")


def test_validation_reason_without_its_place_in_german():
    with i18n.using("de"), pytest.raises(ValidationError) as caught:
        validation.check_field("check_in", "morning_pain", "11", "Zeile 4, Spalte morning_pain")
    with i18n.using("de"):
        assert validation.reason(caught.value) == (
            "Morgenschmerz muss eine ganze Zahl von 0 bis 10 sein (erhalten: 11)")


def test_form_field_message_in_german():
    with i18n.using("de"):
        assert scales.validate_sleep_hours("25") == (
            "Schlaf muss eine Zahl von 0 bis 24 Stunden sein (erhalten: 25).")
        assert scales.validate_pain(None, "Morning pain", required=True) == (
            "Morgenschmerz ist erforderlich.")


def test_red_flag_tiers_and_labels_in_both_languages():
    urgent = scales.FLAG_TIERS[scales.URGENT]
    with i18n.using("fr"):
        assert urgent.heading == "Consultez un clinicien maintenant"
        assert scales.red_flag_label("calf_dvt") == (
            "Mollet gonflé, chaud et sensible (caillot sanguin possible)")
        assert scales.URGENCY_ADVICE[scales.ASSESSMENT] == "Prenez rendez-vous pour un bilan."
    with i18n.using("de"):
        assert urgent.heading == "Suchen Sie jetzt einen Behandler auf"
        assert light.LEGEND[4].text == (
            "! Red Flag (Warnzeichen): Suchen Sie jetzt einen Behandler auf.")
    assert urgent.heading == "See a clinician now"  # English again outside the block


def test_red_flag_day_in_german_names_the_flag_and_the_date():
    journal = Journal({DAY: DayRecord(DAY, red_flags=(RedFlag(DAY, "cannot_bear_weight"),))})
    with i18n.using("de"):
        li = light.day_light(journal, DAY)
        assert li.heading == "Suchen Sie jetzt einen Behandler auf"
    assert li.reason == ("Red Flag am 3. März eingetragen: Kann nicht belasten oder 4 Schritte "
                         "gehen.")


def test_no_improvement_escalation_in_german_with_decimal_commas():
    start = DAY - timedelta(days=48)
    days = {start + timedelta(days=i): DayRecord(start + timedelta(days=i),
                                                 CheckIn(start + timedelta(days=i),
                                                         morning_pain=5 if i % 2 else 4))
            for i in range(49)}
    with i18n.using("de"):
        found = redflags.no_improvement_check(Journal(days), DAY, onset_or_start=start)
    assert found is not None
    assert found.text.startswith("Der Morgenschmerz hat sich in 7 Wochen nicht um 2 Punkte "
                                 f"oder 30{NB}% gebessert (erste 7 Tage 4,4/10")
    assert found.text.endswith("): Vereinbaren Sie eine Untersuchung.")


def test_progression_advice_in_french_writes_kilograms_with_a_comma():
    dose = dp.Dose(1, 4, 15, None, 60.0, "kg")
    model = {"model": "rm_schedule", "load_step": 2.5,
             "stages": [{"weeks": [1, 1], "rm": 15}, {"weeks": [2, 3], "rm": 12}]}
    with i18n.using("fr"):
        back = progression.advise(dose, model, verdict="back_off")
    assert back.reason == ("Le feu de suivi de la douleur était rouge cette semaine. Un palier "
                           f"en arrière{NB}: charge 60 -> 57,5 kg (sans aller jusqu'à zéro).")


def test_frequency_and_dose_words_in_german():
    with i18n.using("de"):
        assert progression.frequency_text(3, (0, 2, 4), 2) == (
            "3 Tage pro Woche (Mo, Mi, Fr), zweimal täglich")
        assert dp.dose_text(None, None, 60, 20, "minutes") == (
            "20 Minuten (Laufen 1 min / Gehen 1 min)")
    assert progression.frequency_text(3, (0, 2, 4), 2) == (
        "3 days a week (Mon, Wed, Fri), twice a day")


def test_adherence_in_french_and_german():
    with i18n.using("fr"):
        assert adherence.adherence_text(9, 12) == f"9 sur 12 jours d'exercices faits (75{NB}%)"
    with i18n.using("de"):
        assert adherence.adherence_text(9, 12) == f"9 von 12 Übungstagen erledigt (75{NB}%)"
        assert adherence.adherence_text(0, 0) == "keine Übungstage fällig"


def test_flare_finder_summary_in_french():
    end = DAY
    start = end - timedelta(days=13)
    days = {start + timedelta(days=i): DayRecord(start + timedelta(days=i),
                                                 CheckIn(start + timedelta(days=i),
                                                         morning_pain=2))
            for i in range(14)}
    with i18n.using("fr"):
        summary = flares.find_patterns(Journal(days), start, end).summary
    assert summary.startswith("Aucune poussée douloureuse n'a commencé pendant cette période")
    assert "(une poussée" + NB + ": un matin au moins 2 points au-dessus" in summary


def test_cr10_effort_words_in_french():
    with i18n.using("fr"):
        assert scales.cr10_label(0) == "repos"
        assert scales.cr10_label(5) == "difficile"
    assert scales.cr10_label(0) == "rest"


def test_outcome_change_in_german():
    with i18n.using("de"):
        assert outcomes.Change(9.0, 8, True, "better").text == "+9,0: relevant besser"
        assert outcomes.Change(-2.5, 8, False, "no meaningful change").text == (
            "-2,5: innerhalb der relevanten Änderung von 8")
