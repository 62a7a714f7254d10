"""Page one of the PDF names its flares exactly: "Flares you marked" counts the days marked as a
flare, and, when the patterns section is included, one line gives the flares that section
counted from the morning ratings (they used to contradict each other: "Flares: none
recorded" on page one, 15 flares compared on page two)."""

from __future__ import annotations

from datetime import date, timedelta

import pypdf
import pytest

END = date(2026, 3, 29)
FIRST = END - timedelta(days=83)  # 84 days, the patterns section's 12 weeks
RISES = (20, 30, 40, 50, 60, 70, 80)  # day indexes with a morning 4 points up
MARKED = 75  # a day marked as a flare (pain as usual)


def _folder(tmp_path_factory, name: str, marked: bool):
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal

    folder = tmp_path_factory.mktemp(name)
    open_journal(folder)
    try:
        for i in range(84):
            d = FIRST + timedelta(days=i)
            js.save_checkin(d, {"morning_pain": 6 if i in RISES else 2, "sleep_hours": 7.5})
        if marked:
            js.add_event(FIRST + timedelta(days=MARKED), "flare", "Knee flare")
    finally:
        close_journal()
    return folder


@pytest.fixture(scope="module")
def marked_dir(tmp_path_factory):
    return _folder(tmp_path_factory, "flares-marked", True)


@pytest.fixture(scope="module")
def unmarked_dir(tmp_path_factory):
    return _folder(tmp_path_factory, "flares-unmarked", False)


def page_one(folder, tmp_path, start: date, sections):
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data
    from rehabjournal.store.db import close_journal, open_journal

    open_journal(folder)
    try:
        data = build_report_data(start, END, made=END,
                                 patterns=sections is not None and "patterns" in sections)
        out = tmp_path / "report.pdf"
        build_pdf(data, out, sections=sections)
    finally:
        close_journal()
    return data, " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())


FOUR_WEEKS = END - timedelta(days=27)  # day indexes 56-83: rises 60, 70, 80 and the mark


def test_without_patterns_page_one_counts_the_marked_flares_only(marked_dir, tmp_path):
    _, text = page_one(marked_dir, tmp_path, FOUR_WEEKS, None)
    assert "Flares you marked: 1 (" in text and "Knee flare" in text
    assert "Flares counted" not in text and "Flares:" not in text


def test_nothing_marked_says_so_exactly(unmarked_dir, tmp_path):
    _, text = page_one(unmarked_dir, tmp_path, FOUR_WEEKS, None)
    assert "Flares you marked: none." in text
    assert "none recorded" not in text.split("Flares", 1)[1]


def test_with_patterns_page_one_gives_the_sections_count(unmarked_dir, tmp_path):
    data, text = page_one(unmarked_dir, tmp_path, FOUR_WEEKS, {"charts", "patterns"})
    assert data.patterns is not None and data.patterns.start == FIRST
    assert data.patterns.flares_started == 7
    assert "Flares you marked: none." in text
    assert ("Flares counted from the morning ratings (a morning at least 2 points above your "
            "usual, or a day you marked; used by the patterns section): 7 began from "
            "5 Jan 2026 to 29 Mar 2026, 3 of them in this period.") in text


def test_marked_flares_are_among_the_counted(marked_dir, tmp_path):
    data, text = page_one(marked_dir, tmp_path, FOUR_WEEKS, {"patterns"})
    assert data.patterns is not None and data.patterns.flares_started == 8
    assert "Flares you marked: 1 (" in text
    assert ": 8 began from 5 Jan 2026 to 29 Mar 2026, 4 of them in this period." in text


def test_same_period_as_the_section(unmarked_dir, tmp_path):
    data, text = page_one(unmarked_dir, tmp_path, FIRST, {"patterns"})
    assert data.patterns is not None and data.patterns.start == data.start
    assert "used by the patterns section): 7 began in this period." in text
