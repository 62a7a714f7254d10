"""The clinician PDF, the programme sheet and the charts in French and German.

Real PDFs of a demo journal, read back with pypdf: headings, dates ("3 mars 2026",
"3. März 2026") and decimal commas in the language the report is built in, inside
``i18n.using`` (as the Reports page's worker thread and ``report --lang`` build it), and
English everywhere else. The compiled catalogues are in resources/translations.
"""

from __future__ import annotations

import re
import threading
from datetime import date, timedelta

import pypdf
import pytest

from rehabjournal import i18n

END = date(2026, 3, 3)  # a Tuesday: the report's last day prints as "3 mars 2026"
START = END - timedelta(days=27)
MADE = date(2026, 3, 4)


@pytest.fixture(scope="module")
def demo_dir(demo_journal_at):
    """A demo journal ending on END (check-ins, sessions, a programme, red flags)."""
    return demo_journal_at(END)


@pytest.fixture
def demo(demo_dir):
    from rehabjournal.store.db import close_journal, open_journal

    open_journal(demo_dir)
    yield demo_dir
    close_journal()


def build_report(tmp_path, lang: str, name: str = "report.pdf") -> str:
    """The report of START..END built in ``lang`` (data and PDF), as one text."""
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    out = tmp_path / name
    with i18n.using(lang):
        data = build_report_data(START, END, made=MADE)
        build_pdf(data, out, sections={"charts", "weekly", "programme", "events", "log"})
    return pdf_text(out.read_bytes())


def pdf_text(pdf: bytes) -> str:
    """Every page's text, with no-break spaces read as spaces."""
    import io

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def flat(text: str) -> str:
    """``text`` on one line: a heading wrapped in a table cell reads whole."""
    return " ".join(text.split())


DECIMAL_COMMA = re.compile(r"\b\d+,\d+\b")


def test_the_report_reads_in_french(demo, tmp_path):
    text = build_report(tmp_path, "fr")
    one = flat(text)
    assert "Rapport du journal de rééducation : ce qui a changé" in one
    assert "Information, pas un avis médical." in one
    for heading in ("Semaine par semaine", "Programme actuel", "Drapeaux rouges et événements",
                    "Annexe : journal jour par jour"):
        assert heading in one, heading
    assert "3 mars 2026" in one                  # the period's last day
    assert "du 4 févr. 2026 au 3 mars 2026" in one  # the footer's period
    assert re.search(r"page 1 sur \d+", one)
    assert DECIMAL_COMMA.search(text), "no decimal comma in the French report"
    # the week table's header and the light letters of the strip
    assert "Charge (UA)" in one and "Monotonie" in one
    for english in ("Week by week", "Red flags and events", "Information, not medical advice",
                    "Mar 2026", "page 1 of"):
        assert english not in one, english


def test_the_report_reads_in_german(demo, tmp_path):
    text = build_report(tmp_path, "de")
    one = flat(text)
    assert "Reha-Tagebuch-Bericht: was sich verändert hat" in one
    assert "Information, keine medizinische Beratung." in one
    for heading in ("Woche für Woche", "Aktuelles Programm", "Red Flags und Ereignisse",
                    "Anhang: Tag-für-Tag-Protokoll"):
        assert heading in one, heading
    assert "3. März 2026" in one
    assert re.search(r"Seite 1 von \d+", one)
    assert DECIMAL_COMMA.search(text), "no decimal comma in the German report"
    assert "Belastung (AE)" in one
    for english in ("Week by week", "Information, not medical advice", "page 1 of"):
        assert english not in one, english


def test_the_report_stays_english_by_default(demo, tmp_path):
    one = flat(build_report(tmp_path, "en"))
    assert "Rehab journal report: what changed" in one
    assert "3 Mar 2026" in one and "4 Feb 2026 to 3 Mar 2026" in one
    assert re.search(r"page 1 of \d+", one)
    assert "Rapport" not in one and "Bericht" not in one


def test_a_worker_thread_builds_the_report_in_its_own_language(demo, tmp_path):
    """The Reports page builds in a worker thread with ``i18n.using(lang)``: the PDF is in
    that language while the rest of the app goes on in English."""
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    i18n.set_language("en")
    out = tmp_path / "worker.pdf"
    errors: list[BaseException] = []

    def work():
        try:
            with i18n.using("de"):
                build_pdf(build_report_data(START, END, made=MADE), out, sections={"weekly"})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert not errors, errors
    assert i18n.current() == "en" and i18n._("Week by week") == "Week by week"
    one = flat(pdf_text(out.read_bytes()))
    assert "Woche für Woche" in one and "3. März 2026" in one


def test_the_progress_speaks_the_windows_language_while_the_pdf_speaks_another(demo, tmp_path):
    """A French window making a German report: "Préparation du rapport" ... "Terminé"."""
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    said: list[tuple[int, str]] = []
    out = tmp_path / "de.pdf"
    with i18n.using("de"):
        build_pdf(build_report_data(START, END, made=MADE), out, sections={"charts"},
                  progress=lambda percent, text: said.append((percent, text)),
                  progress_lang="fr")
    assert said[0] == (10, "Préparation du rapport") and said[-1] == (100, "Terminé")
    assert (40, "Dessin des graphiques") in said
    assert "Reha-Tagebuch-Bericht" in flat(pdf_text(out.read_bytes()))


def test_the_programme_sheet_reads_in_french_and_german(demo):
    from rehabjournal.reports.programme_sheet import programme_sheet_bytes

    with i18n.using("fr"):
        fr = flat(pdf_text(programme_sheet_bytes(made=MADE)))
    assert "Comment utiliser cette fiche" in fr
    assert "Les phases en un coup d'œil" in fr
    assert "Fiche établie le" in fr and "4 mars 2026" in fr
    assert "Information, pas un avis médical." in fr
    with i18n.using("de"):
        de = flat(pdf_text(programme_sheet_bytes(made=MADE)))
    assert "So verwenden Sie dieses Blatt" in de
    assert "Die Phasen auf einen Blick" in de
    assert "4. März 2026" in de
    assert re.search(r"Seite 1 von \d+", de)


def test_chart_titles_and_date_ticks_follow_the_language():
    """The pain chart's title, legend and day ticks ("mar. 3 mars", "Di., 3. März")."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from rehabjournal.charts.load import LoadChart
    from rehabjournal.charts.theme import fmt_num

    days = [END - timedelta(days=i) for i in range(4, -1, -1)]

    class Data:  # the little a load chart reads
        def __init__(self):
            self.days = days
            self.loads = [100.0, 0.0, 150.0, 0.0, 120.0]
            self.weeks = [date(2026, 2, 23), date(2026, 3, 2)]
            self.week_totals = [250.0, 120.0]
            self.week_change = [None, -52.0]
            self.week_partial = [True, True]
            self.acwr = [None, None, 1.25, 1.1, 0.95]
            self.has_load = True

    for lang, title, tick in (("fr", "Charge quotidienne", "mar. 3 mars"),
                              ("de", "Tägliche Belastung", "Di., 3. März"),
                              ("en", "Daily load", "Tue 3 Mar")):
        with i18n.using(lang):
            chart = LoadChart()
            chart.update(Data())
            FigureCanvasAgg(chart.figure).draw()
            ticks = [t.get_text() for t in chart.ax_ratio.get_xticklabels()]
            assert chart.ax_day.get_title(loc="left").startswith(title), lang
            assert tick in ticks, (lang, ticks)
            assert fmt_num(1.25, 2) == ("1.25" if lang == "en" else "1,25")
