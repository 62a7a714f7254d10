"""The clinician PDF laid out in French and German as in English (the issue 19 review).

Real PDFs of a demo journal read back with pypdf: page one holds the first chart, no
heading ends a page alone, the weekly table's dates stay on one line, activities are named
in the report's language, the light strip's letters are drawn in German too, and the
chart and table notes name the colours they describe. Needs the compiled catalogues
(resources/translations, ``make translations``).
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from types import SimpleNamespace

import pypdf
import pytest

from rehabjournal import i18n

END = date(2026, 11, 29)  # the reviewer's demo: French and German page one lost the chart
TIGHT_END = date(2026, 9, 21)  # a demo whose French page one is the longest seen
HEADINGS = {"en": "Charts", "fr": "Graphiques", "de": "Diagramme"}


@pytest.fixture(scope="module")
def demo_dirs(demo_journal_at):
    return {end: demo_journal_at(end) for end in (END, TIGHT_END)}


@pytest.fixture
def journal_at(demo_dirs):
    """Open the demo journal ending on the given day (closed after the test)."""
    from rehabjournal.store.db import close_journal, open_journal

    opened = []

    def open_at(end: date = END):
        if opened:
            close_journal()
        open_journal(demo_dirs[end])
        opened.append(end)

    yield open_at
    if opened:
        close_journal()


def report(tmp_path, lang: str, end: date = END, **kwargs) -> tuple[pypdf.PdfReader, object]:
    """The demo's report in ``lang`` for its default period (the last 4 weeks), as the
    command ``report --lang`` makes it, and its data."""
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    out = tmp_path / f"{lang}-{end.isoformat()}.pdf"
    with i18n.using(lang):
        data = build_report_data(None, None, made=end + timedelta(days=1))
        build_pdf(data, out, **kwargs)
    return pypdf.PdfReader(io.BytesIO(out.read_bytes())), data


def text_of(page) -> str:
    """A page's text with no-break spaces as spaces and no isolate marks."""
    text = page.extract_text()
    for mark in ("\u2068", "\u2069"):
        text = text.replace(mark, "")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def flat(text: str) -> str:
    return " ".join(text.split())


# ---- 1. page one holds the first chart ---------------------------------------------------


@pytest.mark.parametrize("end", [END, TIGHT_END])
@pytest.mark.parametrize("lang", ["fr", "de"])
def test_page_one_holds_the_pain_chart_in_french_and_german_as_in_english(
        journal_at, tmp_path, lang, end):
    journal_at(end)
    english, _data = report(tmp_path, "en", end)
    reader, _data = report(tmp_path, lang, end)
    for pdf, language in ((english, "en"), (reader, lang)):
        first = pdf.pages[0]
        assert HEADINGS[language] in text_of(first), language
        images = first.images
        assert len(images) == 1, language  # the pain chart, under its heading
        width, height = images[0].image.size
        # readable: at least 70 % of its own height (8 x 3.4 in), never a thin strip
        assert height / width >= 0.7 * 3.4 / 8, (language, width, height)
    assert len(english.pages[0].images) == 1
    # the second chart starts page two in every language; only the day log is longer
    assert len(reader.pages[1].images) == len(english.pages[1].images)
    assert len(reader.pages) <= len(english.pages) + 1


# ---- 2. a heading never ends a page alone --------------------------------------------------


def _placed(story, pagesize):
    """(page, flowable) of each flowable as laid out on ``pagesize`` pages."""
    from rehabjournal.reports import styles as st
    from rehabjournal.reports.builder import pdf_document

    st.register_fonts()
    placed: list[tuple[int, object]] = []
    doc = pdf_document(io.BytesIO(), pagesize, title="t", subject="s")
    doc.afterFlowable = lambda f: placed.append((doc.page, f))
    doc.build(story)
    return placed, doc


def _orphans(placed) -> list[str]:
    """The headings whose next flowable with content is on a later page."""
    from reportlab.platypus import PageBreak, Spacer
    from reportlab.platypus.doctemplate import ActionFlowable

    from rehabjournal.reports import flowables as fl

    found = []
    for i, (page, f) in enumerate(placed):
        if not fl.is_heading(f):
            continue
        nxt = next(((p, g) for p, g in placed[i + 1:]
                    if not isinstance(g, Spacer | PageBreak | ActionFlowable)
                    and not fl.is_heading(g)), None)
        if nxt is not None and nxt[0] != page:
            found.append(f.text)
    return found


def _room(pagesize) -> float:
    """The height of a page's frame, inside its padding."""
    from reportlab.platypus import Spacer

    _unused, doc = _placed([Spacer(1, 1)], pagesize)
    return doc.frame._height - doc.frame._topPadding - doc.frame._bottomPadding


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_no_section_heading_ends_a_page_alone(journal_at, lang):
    """Each section of the report after text that fills the page down to where its
    heading just fits: the heading goes on with what follows it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Spacer

    from rehabjournal.reports import styles as st
    from rehabjournal.reports.builder import REPORT_SECTIONS
    from rehabjournal.reports.flowables import keep_headings
    from rehabjournal.services.report import build_report_data

    journal_at(END)
    width = A4[0] - 2 * st.MARGIN
    with i18n.using(lang):
        data = build_report_data(None, None, made=END + timedelta(days=1))
        data.events = []  # "Red flags and events" with its one line: what the review saw
        room = _room(A4)
        checked = 0
        for section in REPORT_SECTIONS:
            if section.key in ("patterns", "charts", "sheet") or not section.when(data):
                continue
            for filler in range(int(room) - 96, int(room) - 8, 4):
                story = keep_headings([Spacer(1, filler), *section.build(data, width)])
                placed, _doc = _placed(story, A4)
                assert not _orphans(placed), (section.key, filler)
                checked += 1
    assert checked >= 5 * 20


def test_red_flags_and_events_heading_stays_with_its_line_in_german(journal_at, tmp_path):
    """The review's German report: "Red Flags und Ereignisse" at the foot of page 3,
    "Keine Red Flags oder Ereignisse in diesem Zeitraum." on page 4."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, Spacer

    from rehabjournal.reports import styles as st
    from rehabjournal.reports.builder import _whole_story, pdf_document
    from rehabjournal.reports.flowables import KeepWithNext
    from rehabjournal.services.report import build_report_data

    journal_at(END)
    width = A4[0] - 2 * st.MARGIN
    room = _room(A4)
    for filler in range(int(room) - 60, int(room) - 5, 3):
        with i18n.using("de"):
            data = build_report_data(None, None, made=END + timedelta(days=1))
            data.events = []
            story = _whole_story(data, width, {"events", "notes"}, None)
            # push the section down page two, as a longer programme table before it does
            at = next(i for i, f in enumerate(story) if isinstance(f, Paragraph)
                      and f.text == "Red Flags und Ereignisse")
            at -= isinstance(story[at - 1], KeepWithNext)
            story.insert(at, Spacer(1, filler))
            buf = io.BytesIO()
            pdf_document(buf, A4, title="t", subject="s").build(story)
        pages = [text_of(p) for p in pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages]
        heading = [i for i, t in enumerate(pages) if "Red Flags und Ereignisse" in t]
        line = [i for i, t in enumerate(pages)
                if "Keine Red Flags oder Ereignisse in diesem Zeitraum" in flat(t)]
        assert heading == line, filler


# ---- 3. the weekly table's dates on one line -----------------------------------------------


def test_german_week_and_day_dates_are_never_cut_in_two(journal_at, tmp_path):
    journal_at(END)
    reader, data = report(tmp_path, "de")
    lines = [line.strip() for page in reader.pages for line in text_of(page).splitlines()]
    assert "Woche ab" in lines  # the column's heading on one line
    with i18n.using("de"):
        from rehabjournal.reports.flowables import fmt_short

        weeks = [fmt_short(w.week_start) for w in data.summary.weeks]
    assert weeks[0] == "2. Nov."
    for week in weeks:
        assert week in lines, week
    assert "Di., 10. Nov." in lines  # the day log's dates too
    # never "2." over "Nov.", nor "Di., 10." over "Nov."
    assert not [line for line in lines if re.fullmatch(r"(\w+\., )?\d{1,2}\.|Nov\.", line)]


# ---- 4. activities in the report's language -------------------------------------------------


@pytest.mark.parametrize(("lang", "session", "note"), [
    # French puts a no-break space before the semicolon (read back as a space)
    ("fr", r"exercices de rééducation \d+ min RPE \d ; course \d+ min RPE \d",
     "course : Walk-run, longer running parts."),
    ("de", r"Reha-Übungen \d+ min RPE \d; Laufen \d+ min RPE \d",
     "Laufen: Walk-run, longer running parts."),
    ("en", r"rehab exercises \d+ min RPE \d; run \d+ min RPE \d",
     "run: Walk-run, longer running parts."),
])
def test_sessions_and_their_notes_name_the_activity_in_the_report_language(
        journal_at, tmp_path, lang, session, note):
    journal_at(END)
    reader, _data = report(tmp_path, lang)
    text = flat(" ".join(text_of(page) for page in reader.pages))
    assert re.search(session, text)  # the day log's sessions
    assert note in text  # the notable notes and the day log's notes
    if lang != "en":
        assert not re.search(r"\b(run|rehab exercises|cycle) \d+ min", text)
        assert "run: " not in text


# ---- 5. the light strip's letters ---------------------------------------------------------


def _strip(days: int, lang: str):
    from rehabjournal.charts.lights import LightStripChart

    first = date(2026, 1, 5)
    lights = (["green", "amber", "red", None] * days)[:days]
    marks = [None] * days
    marks[-1] = "waiting"
    with i18n.using(lang):
        chart = LightStripChart(figsize=(8, 1.0))
        chart.update(SimpleNamespace(days=[first + timedelta(days=i) for i in range(days)],
                                     lights=lights, light_marks=marks))
    return chart, lights


def _drawn(chart) -> list[str]:
    """The texts matplotlib really draws on the strip's cells."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(chart.figure).draw()
    return [t.get_text() for t in chart.ax.texts if t.get_visible() and t.get_text()]


@pytest.mark.parametrize("days", [28, 56, 70])
def test_the_progress_strip_shows_the_german_letters_on_every_judged_day(days):
    """4 to 10 weeks on the Progress page's strip: "Gr", "Ge", "R" and "W" in German
    wherever English shows "G", "A", "R" and "W" (smaller, or "G" over "r", when the
    cells are narrow)."""
    english, lights = _strip(days, "en")
    german, _lights = _strip(days, "de")
    judged = sum(1 for light in lights[:-1] if light) + 1  # and the waiting day
    assert len(_drawn(english)) == judged
    drawn = _drawn(german)
    assert len(drawn) == judged, (days, german.letter_layout())
    assert {text.replace("\n", "") for text in drawn} == {"Gr", "Ge", "R", "W"}
    assert german.cell_letters()[:4] == ["Gr", "Ge", "R", None]
    size, _stacked = german.letter_layout()
    assert size >= 5  # readable


def test_a_year_on_the_strip_still_shows_no_letters_in_any_language():
    for lang in ("en", "de"):
        chart, _lights = _strip(365, lang)
        assert not chart.letters_fit() and not any(chart.cell_letters()[:-1])


def test_the_pdf_strip_prints_the_german_letters(journal_at, tmp_path):
    from rehabjournal.reports.flowables import day_mark

    journal_at(END)
    reader, data = report(tmp_path, "de")
    with i18n.using("de"):
        marks = [day_mark(d.status, d.red_flag_tier)[0] for d in data.summary.days]
    assert {"Gr", "Ge"} <= set(marks)
    page_one = re.sub(r"\s+", "", text_of(reader.pages[0]))
    assert "".join(marks) in page_one


# ---- 6. the notes name the colours they describe ------------------------------------------


def test_the_load_chart_says_its_band_is_green(journal_at):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from rehabjournal.charts.load import load_figure
    from rehabjournal.services.report import build_report_data

    journal_at(END)
    want = {"en": "Shaded: 0.8-1.3.", "fr": "Zone verte\u00a0: 0,8-1,3.",
            "de": "Grüner Bereich: 0,8-1,3."}
    for lang, words in want.items():
        with i18n.using(lang):
            data = build_report_data(None, None, made=END + timedelta(days=1))
            fig = load_figure(data.progress)
        FigureCanvasAgg(fig).draw()
        texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))
                 if t.get_visible()]
        assert any(text.startswith(words) for text in texts), lang
        assert not any("grisée" in text or "Schattiert" in text for text in texts)


def test_the_weekly_note_says_the_cell_is_amber_and_the_outcome_band_green(
        journal_at, tmp_path):
    journal_at(END)
    for lang, words in (("fr", "au-delà de 30 %, la case est surlignée en orange."),
                        ("de", "über 30 % ist die Zelle gelb hinterlegt."),
                        ("en", "above 30 % is shaded.")):
        reader, _data = report(tmp_path, lang)
        text = flat(" ".join(text_of(page) for page in reader.pages))
        assert words in text, lang
        assert "grisée" not in text and "schattiert" not in text
    band = ("Shaded band: the first score \u00b1 the instrument's meaningful change "
            "({changes} points).")
    with i18n.using("fr"):
        assert i18n._(band).startswith("Bande verte\u00a0:")
    with i18n.using("de"):
        assert i18n._(band).startswith("Grünes Band:")
