"""Today's light box and banners through the real widgets: the two red-flag tiers, the
escalation messages, the waiting state, and one advice shared with the Programme page."""

from __future__ import annotations

from datetime import date, timedelta

from rehabjournal.domain import light as light_mod
from rehabjournal.domain import redflags, scales
from rehabjournal.services import journal as js
from rehabjournal.services import programme as ps

from .conftest import TODAY

ONE = timedelta(days=1)
URGENT = scales.FLAG_TIERS[scales.URGENT]
ASSESSMENT = scales.FLAG_TIERS[scales.ASSESSMENT]


def mornings(last: date, n: int, value: int = 1) -> None:
    for i in range(n):
        js.save_checkin(last - timedelta(days=i), {"morning_pain": value})


def run(day: date, pain: int) -> int:
    return js.add_session(day, {"kind": "run", "minutes": 30, "rpe": 4, "pain_during": pain,
                                "pain_after": pain})


def test_urgent_flag_banner_wording_colour_and_symbol(open_window, qtbot):
    ctx, window = open_window()
    mornings(TODAY, 10)
    js.set_red_flag(TODAY, "calf_dvt", True)
    page = window.show_page("today")
    page.load()
    section = page.light
    assert section.flag_banner.isVisible() and not section.assess_banner.isVisible()
    text = section.flag_banner.label.text()
    assert text.startswith("<b>! See a clinician now.</b> You recorded a red flag today:")
    assert "Calf swelling, warmth and tenderness (possible blood clot)" in text
    assert URGENT.advice in text
    assert section.flag_banner.colour == URGENT.colour
    assert URGENT.colour in section.flag_banner.styleSheet()
    assert section.advice.text().startswith("<b>! See a clinician now:</b>")
    assert page.light_badge.colour == "red"


def test_assessment_flag_banner_is_the_other_tier(open_window, qtbot):
    ctx, window = open_window()
    mornings(TODAY, 10)
    js.set_red_flag(TODAY, "night_or_constant_pain", True)
    page = window.show_page("today")
    page.load()
    section = page.light
    assert section.assess_banner.isVisible() and not section.flag_banner.isVisible()
    text = section.assess_banner.label.text()
    assert text.startswith("<b>? Book an assessment.</b><br>")
    assert "Pain at night or constant pain recorded on 18 Mar: book an assessment." in text
    assert section.assess_banner.colour == ASSESSMENT.colour != URGENT.colour
    assert ASSESSMENT.colour in section.assess_banner.styleSheet()
    assert section.advice.text().startswith("<b>? Book an assessment:</b>")
    assert "See a clinician now" not in text


def test_escalation_message_on_today_is_the_domains(open_window, qtbot):
    # six weeks of morning pain 5 from 4 Feb: no improvement of 2 points
    ctx, window = open_window()
    first = TODAY - timedelta(days=41)
    mornings(TODAY, 42, 5)
    page = window.show_page("today")
    page.load()
    section = page.light
    journal = js.load_journal(None, TODAY + ONE)
    expected = redflags.no_improvement_check(journal, TODAY, js.thresholds())
    assert expected is not None and expected.first_window[0] == first
    assert [e.text for e in section.escalations] == [expected.text]
    assert expected.text in section.assess_banner.label.text()
    assert "not improved by 2 points or 30 % in 6 weeks" in expected.text


def test_waiting_for_the_next_morning_rating(open_window, qtbot):
    ctx, window = open_window()
    mornings(TODAY - ONE, 10)
    run(TODAY - ONE, 1)  # yesterday's easy run; this morning not rated yet
    page = window.show_page("today")
    page.load()
    section = page.light
    assert section.result.status == light_mod.WAITING
    assert page.light_badge.colour is None
    assert section.advice.text() == f"<b>Waiting:</b> {light_mod.ADVICE_WAITING}"
    assert light_mod.WAITING_LABEL in section.reason.text()
    assert light_mod.WAITING_LABEL in page.light_badge.accessibleName()


def _programme() -> int:
    exercise = next(e["id"] for e in ps.list_exercises("leg press") if e["slug"] == "leg-press")
    pid = ps.create_programme("Plan", TODAY - timedelta(days=30), active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 8}).result
    return ps.add_prescription(phase, {"exercise": exercise, "sets": 3, "reps": 10,
                                       "load": 40.0, "load_unit": "kg",
                                       "weekdays": "0,2,4"}).result


def test_today_and_programme_give_the_same_advice_after_a_red_day_last_week(open_window,
                                                                           qtbot):
    """The issue's "two advices": a red run last Thursday (12 Mar, pain 7), then easy runs
    on 13, 15 and 17 Mar with morning pain 1 throughout. Today (Wed 18 Mar) judges
    yesterday's run: green, but the 7 days ending 17 Mar hold the red day, so it is not a
    full green week: "keep going at this level". The Programme said "Back off" on every
    exercise because "the light was red this week"; now it says the same as Today."""
    ctx, window = open_window()
    mornings(TODAY, 30)
    run(date(2026, 3, 12), 7)
    for d in (13, 15, 17):
        run(date(2026, 3, d), 1)
    pres = _programme()
    page = window.show_page("today")
    page.load()
    today = page.light.result
    assert today.colour == "green"
    assert today.advice == light_mod.ADVICE_GREEN_HOLD
    assert page.light.advice.text() == f"<b>Green:</b> {light_mod.ADVICE_GREEN_HOLD}"

    advice = ps.suggestions(TODAY)
    assert [s.prescription_id for s in advice] == [pres]
    for s in advice:
        assert s.kind == "hold"
        assert s.reason == today.text == f"Green: {light_mod.ADVICE_GREEN_HOLD}"
        assert "red" not in s.reason.lower()
    journal = js.load_journal(TODAY - timedelta(days=40), TODAY + ONE)
    assert light_mod.week_verdict(journal, TODAY, js.thresholds()).text == today.text


def test_today_and_programme_agree_on_back_off_and_progress(open_window, qtbot):
    ctx, window = open_window()
    mornings(TODAY, 30)
    for d in (11, 13, 15):
        run(date(2026, 3, d), 1)
    run(date(2026, 3, 17), 7)  # yesterday: red
    _programme()
    page = window.show_page("today")
    page.load()
    assert page.light.result.kind == light_mod.BACK_OFF
    (s,) = ps.suggestions(TODAY)
    assert s.kind == "back_off"
    assert s.reason.startswith(page.light.result.text + " One step back: load 40 -> 36.5 kg")

    js.update_session(js.list_sessions(date(2026, 3, 17))[0]["id"],
                      {"pain_during": 1, "pain_after": 1})
    for n in range(7):  # the leg press done on its days of 12-18 Mar (progress needs it)
        for item in ps.due_on(TODAY - timedelta(days=n)):
            ps.log_exercise(TODAY - timedelta(days=n), item["id"], {"status": "done",
                                                                   "pain_during": 1})
    page.load()
    assert page.light.result.kind == light_mod.PROGRESS  # 11-17 Mar: a full green week
    (s,) = ps.suggestions(TODAY)
    assert s.kind == "progress"
    assert s.reason.startswith(f"Green: {light_mod.ADVICE_GREEN} A full green week.")


def _pdf_text(tmp_path, start: date, end: date) -> str:
    import pypdf

    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    out = tmp_path / "advice.pdf"
    build_pdf(build_report_data(start, end, made=end), out)
    return " ".join(" ".join(page.extract_text().split())
                    for page in pypdf.PdfReader(out).pages)


def _four_views(window, tmp_path, start: date) -> tuple[str, str, str, str]:
    """The advice line of Today, the Programme's advice, Progress's advice line (period
    ``start``..TODAY) and the PDF's text for the same period."""
    from PySide6.QtCore import QDate

    today_page = window.show_page("today")
    today_page.load()
    today = today_page.light.result.text
    (suggestion,) = ps.suggestions(TODAY)
    programme = suggestion.reason
    progress_page = window.show_page("progress")
    progress_page.period.setCurrentIndex(progress_page.period.findData("custom"))
    progress_page.date_from.setDate(QDate(start.year, start.month, start.day))
    progress_page.date_to.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    progress_page.refresh()
    progress = progress_page.advice.text()
    pdf = _pdf_text(tmp_path, start, TODAY)
    return today, programme, progress, pdf


def test_today_programme_progress_and_the_pdf_give_one_advice(open_window, qtbot, tmp_path):
    """One journal, one advice: the issue's four views read the same verdict.

    A red run on 12 Mar and easy runs after it (morning pain 1 throughout): Today
    (Wed 18 Mar) is green but not a full green week, so "keep going at this level"; the
    Programme's advice, the Progress page's advice line and the PDF's page one say the
    same words; then a red run yesterday makes all four say "back off"."""
    ctx, window = open_window()
    mornings(TODAY, 30)
    run(date(2026, 3, 12), 7)
    for d in (13, 15, 17):
        run(date(2026, 3, d), 1)
    _programme()
    start = TODAY - timedelta(days=27)

    def four_views() -> tuple[str, str, str, str]:
        return _four_views(window, tmp_path, start)

    today, programme, progress, pdf = four_views()
    assert today == f"Green: {light_mod.ADVICE_GREEN_HOLD}"
    assert programme.startswith(today)
    assert progress == f"<b>Advice as of Wed 18 Mar:</b> {today}"
    assert f"Advice as of Wed 18 Mar 2026: {today}" in pdf

    js.update_session(js.list_sessions(date(2026, 3, 17))[0]["id"],
                      {"pain_during": 7, "pain_after": 7})  # yesterday: red
    today, programme, progress, pdf = four_views()
    assert today.startswith("Red: ") and light_mod.ADVICE_RED in today
    assert programme.startswith(today)
    assert progress == f"<b>Advice as of Wed 18 Mar:</b> {today}"
    assert f"Advice as of Wed 18 Mar 2026: {today}" in pdf


def test_no_view_advises_progress_while_an_assessment_is_advised(open_window, qtbot,
                                                                  tmp_path):
    """QA D3: seven weeks of morning pain 3 (not improved by 2 points: "book an
    assessment") and easy runs on 13, 15 and 17 Mar: a full green week, so the light alone
    says "progress one step". Next to the escalation every view holds instead, and says
    why: Today, the Programme's advice, Progress's advice line and the PDF."""
    ctx, window = open_window()
    mornings(TODAY, 50, 3)
    for d in (13, 15, 17):
        run(date(2026, 3, d), 1)
    _programme()
    journal = js.load_journal(None, TODAY + ONE)
    th = js.thresholds()
    assert light_mod.week_verdict(journal, TODAY, th).kind == light_mod.PROGRESS
    assert redflags.escalations(journal, TODAY, th)

    held = f"Green: {light_mod.ADVICE_ESCALATION_HOLD}"
    today, programme, progress, pdf = _four_views(window, tmp_path, TODAY - timedelta(days=27))
    assert today == held
    assert programme.startswith(today)
    assert progress == f"<b>Advice as of Wed 18 Mar:</b> {today}"
    assert f"Advice as of Wed 18 Mar 2026: {today}" in pdf
    page = window.show_page("today")
    section = page.light
    assert section.result.kind == light_mod.HOLD
    assert "not improved by 2 points" in section.assess_banner.label.text()
    assert "book an assessment" in section.reason.text()
    (s,) = ps.suggestions(TODAY)
    assert s.kind == "hold"
