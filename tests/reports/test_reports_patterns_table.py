"""The PDF patterns section's table keeps its figures whole: "15 of 15 (100 %)", the risk
ratio with its interval and the adjusted p never wrap inside (they used to break as
"15 of 15 (100" / "%)"), and the header's "(95 % CI)" stays together."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pypdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import SimpleDocTemplate

from rehabjournal.domain.flares import Finding, PatternReport
from rehabjournal.reports import patterns_section as ps
from rehabjournal.reports import styles as st

START, END = date(2026, 9, 7), date(2026, 11, 29)


def finding(a, b, c, d, rr, lo, hi, p, text) -> Finding:
    return Finding("event:gardening", "Gardening", 1, a, b, c, d, rr, lo, hi, p / 10, p, text)


FINDINGS = (
    finding(15, 0, 0, 42, 83.0, 5.3, 1312.0, 0.0004,
            "Flares began more often 1 day after a day marked \u201cGardening\u201d: after 15 "
            "of 15 such days, against 0 of 42 other days."),
    finding(9, 4, 6, 38, 5.1, 2.2, 12.0, 0.004,
            "Flares began more often 2 days after a night under 6 h of sleep: after 9 of 13 "
            "such nights, against 6 of 44 other nights."),
    finding(118, 2, 96, 1004, 10.4, 8.9, 1250.0, 0.03, "A long period: three-digit counts."),
)


def report(findings=FINDINGS) -> PatternReport:
    return PatternReport(start=START, end=END, episodes=(), comparisons=31,
                         findings=findings, untested=(), q=0.1, rise=2,
                         short_sleep_hours=6.0, more_days_needed=None, factor_days={})


def section_lines(tmp_path, width_share=1.0) -> list[str]:
    out = tmp_path / "section.pdf"
    doc = SimpleDocTemplate(str(out), pagesize=A4)
    width = doc.width * width_share
    data = SimpleNamespace(patterns=report(), start=date(2026, 11, 2))
    doc.build(ps.patterns_flowables(data, width))
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    return [" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines()]


@pytest.mark.parametrize("cell", ["15 of 15 (100 %)", "0 of 42 (0 %)", "83 (5.3 to 1312)",
                                  "< 0.001", "118 of 120 (98 %)", "96 of 1100 (9 %)",
                                  "10 (8.9 to 1250)"])
def test_figures_stay_on_one_line(tmp_path, cell):
    lines = section_lines(tmp_path)
    assert any(cell in line for line in lines), lines


def test_header_keeps_the_interval_together(tmp_path):
    lines = section_lines(tmp_path)
    assert any("(95 % CI)" in line for line in lines), lines
    assert any("Adjusted p" in line for line in lines), lines


def test_column_widths_fit_the_figures_and_fill_the_width():
    texts = [list(ps.HEADERS), ["words", ps._unbroken("15 of 15 (100 %)"),
                                 ps._unbroken("96 of 1100 (9 %)"),
                                 ps._unbroken("83 (5.3 to 1312)"), "< 0.001"]]
    widths = ps._column_widths(texts, 480)
    assert sum(widths) == pytest.approx(480)
    for col in range(1, 5):
        assert widths[col] >= stringWidth(texts[1][col], st.FONT, 8) + 6
    assert widths[0] >= ps.MIN_TEXT_SHARE * 480
