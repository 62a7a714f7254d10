"""French and German from the services of area services_a: the progression advice, the
settings' and questions' messages, the summary command, the pattern figures, the programme
sheet's dose words and the undo texts (the compiled catalogues in resources/translations)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from rehabjournal import i18n
from rehabjournal.domain import programme as dp
from rehabjournal.errors import ValidationError
from rehabjournal.services import journal as js
from rehabjournal.services import pattern_text as pt
from rehabjournal.services import programme as ps
from rehabjournal.services import programme_sheet as sheet
from rehabjournal.services import questions, settings, summary
from rehabjournal.store.library import sync_shipped_exercises

NB = "\u00a0"  # French: a no-break space before : ; ? ! % and inside « »
START = date(2026, 3, 2)  # Monday
DOUBLE = {"model": "double", "reps": [8, 15], "rep_step": 2, "load_step": 5}


@pytest.fixture
def lib(journal):
    sync_shipped_exercises()
    return journal


def _leg_press(sets: int = 3, reps: int = 12, load: float = 40.0) -> int:
    """An 8-week programme from START with one exercise; returns its prescription id."""
    exercise = ps.add_exercise({"name": "My leg press", "category": "strength",
                                "default_sets": 3, "default_reps": 10, "load_unit": "kg",
                                "progression": json.dumps(DOUBLE)}).result
    programme = ps.create_programme("Plan", START, active=True).result
    phase = ps.add_phase(programme, {"name": "Build", "weeks": 8}).result
    return ps.add_prescription(phase, {"exercise": exercise, "weekdays": "0,2,4", "sets": sets,
                                       "reps": reps, "load": load, "load_unit": "kg"}).result


def _days(first: date, last: date, run_pain: int, exercise_pain: int = 1) -> None:
    """Mornings at 0, a run every other day with ``run_pain`` during, the programme's
    exercises done with ``exercise_pain``."""
    day = first
    while day <= last:
        js.save_checkin(day, {"morning_pain": 0})
        if (day - first).days % 2 == 0:
            js.add_session(day, {"kind": "run", "minutes": 30, "pain_during": run_pain,
                                 "pain_after": min(run_pain, 1)})
        for item in ps.due_on(day):
            if item["log"] is None:
                ps.log_exercise(day, item["id"], {"status": "done",
                                                  "pain_during": exercise_pain})
        day += timedelta(days=1)


def test_progression_advice_for_a_red_week_is_german_in_german(lib):
    _leg_press()
    today = START + timedelta(days=30)
    _days(START - timedelta(days=21), today - timedelta(days=7), 1)
    _days(today - timedelta(days=6), today, 7)  # the runs hurt: a red week, the exercise not
    with i18n.using("de"):
        (s,) = ps.suggestions(today)
        verdict = ps._verdict(today, js.thresholds())
        step_back = i18n.catalogue("de").gettext(
            "One step back: {change} (not to zero).").split("{change}")[0].strip()
        red_week = i18n._(dp.WEEK_RED)
    assert s.kind == "back_off" and s.updates == [("reps", 12, 10)]
    # the week's judgement in Today's (German) words replaces the domain's own red sentence
    assert s.reason.startswith(verdict.text)
    assert red_week not in s.reason
    assert "The pain-monitoring light was red this week." not in s.reason
    assert step_back in s.reason
    assert s.reason.startswith("Rot: ")
    assert s.reason.endswith("Eine Stufe zurück: 12 -> 10 Wiederholungen (nicht auf null).")


def test_a_green_week_with_a_dose_seldom_done_holds_under_the_french_heading(lib):
    """A full green week, but the exercise done on 1 of its 3 days: the hold is given under
    the light's heading, as in English ("Green: A full green week, but ...")."""
    pres = _leg_press()
    today = START + timedelta(days=27)  # a Sunday: programme week 4 ends
    _days(START - timedelta(days=21), today - timedelta(days=7), 1)
    day = today - timedelta(days=6)
    while day <= today:  # still green, but only Monday's exercise is logged
        js.save_checkin(day, {"morning_pain": 0})
        js.add_session(day, {"kind": "run", "minutes": 30, "pain_during": 1, "pain_after": 1})
        if day == today - timedelta(days=6):
            ps.log_exercise(day, pres, {"status": "done", "pain_during": 1})
        day += timedelta(days=1)
    with i18n.using("fr"):
        (s,) = ps.suggestions(today)
        heading = ps._verdict(today, js.thresholds()).heading
    assert s.kind == "hold"
    assert s.reason.startswith(f"{heading}{NB}: Une semaine entièrement verte, mais ")
    assert heading == "Vert"


def test_a_step_back_accepted_in_german_counts_when_the_app_is_in_french(lib):
    """The dose history keeps the reason in the language it was accepted in; two red weeks
    in a row after a step back still say "see your physio" after a change of language."""
    _leg_press()
    today = START + timedelta(days=30)
    _days(START - timedelta(days=21), today - timedelta(days=7), 1)
    _days(today - timedelta(days=6), today, 7, exercise_pain=7)
    with i18n.using("de"):
        (s,) = ps.suggestions(today)
        assert s.kind == "back_off"
        ps.accept_suggestion(s, today)
    later = today + timedelta(days=7)
    _days(today + timedelta(days=1), later, 7, exercise_pain=7)
    with i18n.using("fr"):
        (s,) = ps.suggestions(later)
    assert s.kind == "see_physio" and not s.changes


def test_step_back_words_cover_every_language():
    words = ps.step_back_words()
    assert "One step back" in words and "Back off:" in words
    for lang in ("fr", "de"):
        word = i18n.catalogue(lang).gettext("One step back: {change} (not to zero).")
        assert word.split("{change}")[0].strip() in words


def test_advice_waits_for_the_first_full_week_in_french(lib):
    _leg_press()
    with i18n.using("fr"):
        text = ps.advice_pause(START + timedelta(days=2))
    assert text == (f"Cette phase a commencé le lun. 2 mars{NB}: le premier conseil viendra à "
                    "la fin de sa première semaine complète (dim. 8 mars).")


def test_a_deload_phase_says_so_in_german(lib):
    programme = ps.create_programme("Plan", START, active=True).result
    ps.add_phase(programme, {"name": "Leicht", "weeks": 2, "deload": True})
    with i18n.using("de"):
        text = ps.advice_pause(START + timedelta(days=3))
    assert text == ("Eine Entlastungsphase: Die Dosierungen sind absichtlich leichter, daher "
                    "gibt es bis zur nächsten Phase keine Steigerungsempfehlung.")


def test_settings_validation_message_in_french(journal):
    with i18n.using("fr"), pytest.raises(ValidationError) as caught:
        settings.validate({"thresholds.green_peak_max": 6})
    assert caught.value.errors == {"thresholds.green_peak_max": (
        f"«{NB}Vert si la douleur maximale est au plus de{NB}» (6) doit être inférieur à "
        f"«{NB}Douleur acceptable pendant/après (0-10){NB}» (5).")}


def test_settings_labels_and_type_messages_in_german():
    option = settings.option("patterns.short_sleep_hours")
    with i18n.using("de"):
        assert i18n._(option.label) == "Eine kurze Nacht ist kürzer als (Stunden)"
        assert option.check("sechs").startswith("Die kurze Nacht ")
        assert settings.option("patterns.custom_factors").check("x") == (
            "als Faktoren getestete Ereignisse muss eine Liste sein.")


def test_a_too_long_question_is_refused_in_german():
    with i18n.using("de"), pytest.raises(ValidationError) as caught:
        questions.check_question("x" * 2001)
    assert caught.value.errors == {
        "question": "Eine Frage hat höchstens 2.000 Zeichen (diese hat 2.001)."}


def test_undo_texts_of_questions_in_french(journal):
    with i18n.using("fr"):
        edit = questions.edit_add("Glace ou chaleur après une course ?")
        ticked = questions.edit_set_asked(edit.result, True)
    assert (edit.label, edit.saved) == ("ajouter une question", "Question ajoutée")
    assert (ticked.label, ticked.saved) == ("cocher la question comme posée",
                                            "Question cochée comme posée")


def test_summary_command_in_french(journal):
    for n in range(14):
        day = START + timedelta(days=n)
        js.save_checkin(day, {"morning_pain": 2 if n < 7 else 1})
        if n % 3 == 0:
            js.add_session(day, {"kind": "run", "minutes": 30, "rpe": 4, "pain_during": 1})
    with i18n.using("fr"):
        text = summary.summary_text(summary.period_summary(START, START + timedelta(days=13)))
    lines = text.splitlines()
    assert lines[0] == "Synthèse du 2026-03-02 au 2026-03-15 (14 jours)"
    assert f"Semaines (semaines civiles, du lundi au dimanche){NB}:" in lines
    assert f"Totaux{NB}: 5 séances, 150 min, 600 UA{NB}; observance du programme{NB}: " \
        in text
    assert any(line.startswith("Semaine du") and "Charge UA" in line for line in lines)
    assert any(line.startswith("2 mars ") and "2,0" in line for line in lines)
    assert f"Feux{NB}: " in text and "jours verts" in text
    assert "600 UA" in text and " AU" not in text  # arbitrary units: unités arbitraires


def test_summary_spans_and_changes_in_german():
    with i18n.using("de"):
        assert summary.fmt_span(date(2026, 3, 2), date(2026, 3, 8)) == "2.–8. März"
        assert summary.fmt_change_pct(115.24) == f"+115,2{NB}%"
        assert summary.light_counts_text({"amber": 1}) == (
            "0 grüne Tage, 1 gelber Tag, 0 rote Tage")
    assert summary.fmt_span(date(2026, 3, 2), date(2026, 3, 8)) == "2-8 Mar"


def test_pattern_figures_in_french():
    finding = SimpleNamespace(a=6, b=2, c=3, d=50, risk_ratio=12.0, ci_low=4.1, ci_high=38.0,
                              p_adjusted=0.004, lag=1)
    with i18n.using("fr"):
        text = pt.figures_text(finding, 27)
    assert text == (f"Effectifs{NB}: 6 sur 8 (75{NB}%) contre 3 sur 53 (6{NB}%). Risque "
                    f"relatif 12 (intervalle de confiance à 95{NB}% de 4,1 à 38){NB}; test "
                    "ajusté pour 27 comparaisons (p ajusté 0,004).")


def test_programme_sheet_dose_words_in_german():
    with i18n.using("de"):
        assert sheet.dose_words(3, 15, None, 40.0, "kg") == "3 Sätze zu 15 mit 40 kg"
        assert sheet.dose_words(5, None, 45, None, "bodyweight") == "5-mal 45 Sekunden halten"
        assert sheet.dose_words(1, None, 90, 20.0, "minutes") == (
            "20 Minuten: 1 min 30 s laufen, 1 min gehen, und wieder von vorn")
        assert sheet.tempo_words("3-0-3") == "3 s abwärts / 3 s aufwärts"
        assert sheet.rest_words(150, 3) == "2,5 min Pause zwischen den Sätzen"
        assert sheet.pain_scale_text(SimpleNamespace(green_peak_max=2, acceptable_pain=5)) \
            .startswith("Schmerz wird von 0 (keiner) bis 10")
