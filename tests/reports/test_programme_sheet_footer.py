"""The programme sheet's footer with a long programme name: the name is shortened to fit
between "Information, not medical advice." and "page x of y" (nothing overprints), and
the sheet is still made (no LayoutError), the title keeping the whole name."""

from __future__ import annotations

import re
from datetime import date

import pypdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from rehabjournal.reports import DISCLAIMER
from rehabjournal.reports import styles as st
from rehabjournal.reports.programme_sheet import (
    FOOTER_FONT_SIZE,
    FOOTER_GAP,
    elide,
    footer_name,
    write_programme_sheet,
)
from rehabjournal.services import programme as ps
from rehabjournal.store.library import sync_shipped_exercises

LONG_NAME = ("Knee rehabilitation after arthroscopic partial meniscectomy, then back to "
             "running and five-a-side football with the club on Sunday mornings: "
             "phase plan agreed with the physio in March")[:200].ljust(200, "x")
WIDE_NAME = "W" * 200  # no spaces, the widest letters


@pytest.fixture
def lib(journal):
    sync_shipped_exercises()
    st.register_fonts()
    return journal


def _sheet(tmp_path, name: str):
    pid = ps.create_programme(name, date(2026, 3, 2), active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 2}).result
    ex = next(e["id"] for e in ps.list_exercises() if e["slug"] == "glute-bridge")
    ps.add_prescription(phase, {"exercise": ex, "sets": 3, "reps": 12, "weekdays": "0,2,4"})
    out = tmp_path / "sheet.pdf"
    pages = write_programme_sheet(out, pid, made=date(2026, 3, 18))
    return out, pages


def _footer(page) -> list[tuple[float, str]]:
    """The footer's text pieces and where they start (x), found by their place: the
    bottom margin of the page."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip() and cm[5] + tm[5] < st.MARGIN:
            found.append((cm[4] + tm[4], text.strip()))

    page.extract_text(visitor_text=visit)
    return sorted(found)


@pytest.mark.parametrize("name", [LONG_NAME, WIDE_NAME], ids=["words", "no-spaces"])
def test_a_200_character_name_is_shortened_in_the_footer(lib, tmp_path, name):
    out, pages = _sheet(tmp_path, name)
    assert pages >= 1
    reader = pypdf.PdfReader(out)
    for page in reader.pages:
        (x0, disclaimer), (x1, shown), (x2, page_no) = _footer(page)
        assert disclaimer == DISCLAIMER and re.fullmatch(r"page \d+ of \d+", page_no)
        assert shown.endswith("…") and len(shown) < 100
        assert name.startswith(shown[:-1].rstrip())
        # nothing overprints: each piece ends before the next starts
        assert x0 + stringWidth(disclaimer, st.FONT, FOOTER_FONT_SIZE) < x1
        assert x1 + stringWidth(shown, st.FONT, FOOTER_FONT_SIZE) < x2
    # the title on page one keeps the whole name (wrapped)
    first = re.sub(r"\s+", "", reader.pages[0].extract_text())
    assert re.sub(r"\s+", "", name) in first


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_footer_name_keeps_clear_of_the_disclaimer_and_the_page_number(lib, paper):
    width = st.PAGE_SIZES[paper][0]
    for name in (LONG_NAME, WIDE_NAME, "Knee plan"):
        shown = footer_name(name, width, total=12)
        half = stringWidth(shown, st.FONT, FOOTER_FONT_SIZE) / 2
        left = st.MARGIN + stringWidth(DISCLAIMER, st.FONT, FOOTER_FONT_SIZE)
        right = width - st.MARGIN - stringWidth("page 12 of 12", st.FONT, FOOTER_FONT_SIZE)
        assert width / 2 - half >= left + FOOTER_GAP - 0.01
        assert width / 2 + half <= right - FOOTER_GAP + 0.01
    assert footer_name("Knee plan", width, total=3) == "Knee plan"


def test_elide_cuts_at_a_word_when_it_can(lib):
    assert elide("Knee plan", 500) == "Knee plan"
    text = elide("Knee rehabilitation after partial meniscectomy", 120)
    assert text.endswith("…") and " " in text and not text[:-1].endswith(" ")
    assert stringWidth(text, st.FONT, FOOTER_FONT_SIZE) <= 120
    assert elide("W" * 50, 30).endswith("…")
    assert elide("W" * 50, 1) == ""
