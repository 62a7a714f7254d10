"""The patient's questions on page one of the clinician PDF (issue 18 item 4), read back
from the PDF's text with pypdf."""

from __future__ import annotations

from datetime import date, timedelta

import pypdf
import pytest

END = date(2026, 3, 17)
START = END - timedelta(days=27)
LONG = "Is this a long question that wraps onto a second and a third line of the page? " * 3


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    from rehabjournal.services.demo import generate_demo
    from rehabjournal.store.db import close_journal, open_journal
    from rehabjournal.store.library import sync_shipped_exercises

    folder = tmp_path_factory.mktemp("demo")
    open_journal(folder)
    sync_shipped_exercises()
    generate_demo(end=END)
    close_journal()
    return folder


@pytest.fixture
def demo(demo_dir, tmp_path):
    """A copy of the demo journal, open (each test adds its own questions)."""
    import shutil

    from rehabjournal.store.db import close_journal, open_journal

    folder = tmp_path / "journal"
    shutil.copytree(demo_dir, folder)
    open_journal(folder)
    yield folder
    close_journal()


def pages_text(tmp_path, start=START, end=END) -> list[str]:
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    data = build_report_data(start, end, made=date(2026, 3, 18))
    out = tmp_path / "report.pdf"
    build_pdf(data, out)
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages]


def test_the_demos_two_open_questions_are_near_the_top_of_page_one(demo, tmp_path):
    from rehabjournal.services import questions as qs

    qs.edit_add("Naive question: ice or heat?")
    first = pages_text(tmp_path)[0]
    heading = first.index("The patient's questions for this appointment")
    assert heading < first.index("Measure")  # above the table of what changed
    for text in ("When can I try a 5 km parkrun again?",
                 "Ice or heat on the knee after a run?",
                 "Naive question: ice or heat?"):
        assert heading < first.index(text)
    assert "does that change the plan?" not in first  # asked: left out


def test_a_question_ticked_as_asked_leaves_the_report(demo, tmp_path):
    from rehabjournal.services import questions as qs

    parkrun = next(q["id"] for q in qs.list_questions()
                   if q["text"].startswith("When can I try"))
    qs.edit_set_asked(parkrun, True)
    first = pages_text(tmp_path)[0]
    assert "When can I try a 5 km parkrun again?" not in first
    assert "Ice or heat on the knee after a run?" in first


def test_many_long_questions_page_one_holds_eight_the_rest_are_at_the_end(demo, tmp_path):
    from rehabjournal.services import questions as qs

    for n in range(3, 13):  # 12 open questions with the demo's two
        qs.edit_add(f"Question number {n}. {LONG}")
    pages = pages_text(tmp_path)
    first = pages[0]
    assert "When can I try a 5 km parkrun again?" in first
    for n in range(3, 9):
        assert f"Question number {n}." in first
    assert "Question number 9." not in first
    assert "4 more questions, printed under “Notes in full” at the end." in first
    assert "Measure" in first  # the table of what changed still starts on page one
    rest = " ".join(pages[1:])
    notes = rest[rest.index("Notes in full"):]
    for n in range(9, 13):
        assert f"Question {n} Question number {n}." in notes


def test_an_empty_period_still_prints_the_questions(demo, tmp_path):
    first = pages_text(tmp_path, date(2020, 1, 1), date(2020, 1, 28))[0]
    assert "When can I try a 5 km parkrun again?" in first
