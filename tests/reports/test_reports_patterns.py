"""The PDF's optional patterns section, read back with pypdf: absent by default, on page
two when chosen, titled as associations (not causes), with the findings' words and counts
and the number of comparisons; one line when nothing stood out."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pypdf
import pytest

from rehabjournal.cli import main

END = date(2026, 3, 17)
START = END - timedelta(days=83)
TITLE = "What often came before flares (associations, not causes)"


def fill_journal(js, end: date, *, planted: bool, seed: int, days: int = 84) -> None:
    """As tests/ui/test_ui_patterns.py: ``planted``, a short night (under 5 h) followed two
    days later by a morning 3-4 points up; otherwise as many of each on random days."""
    rng = random.Random(seed)
    first = end - timedelta(days=days - 1)
    all_days = [first + timedelta(days=i) for i in range(days)]
    short = {d for d in all_days[10:-3] if rng.random() < 0.17}
    if planted:
        flares = {d + timedelta(days=2) for d in short}
    else:
        flares = set(rng.sample(all_days[10:], len(short)))
    for d in all_days:
        js.save_checkin(d, {"morning_pain": 6 if d in flares else rng.choice((2, 2, 3)),
                            "sleep_hours": 4.5 if d in short else rng.choice((7.0, 7.5, 8.0)),
                            "stress": rng.randint(2, 4)})
        if rng.random() < 0.5:
            js.add_session(d, {"kind": "run", "minutes": rng.choice((30, 35, 40)),
                               "rpe": rng.randint(3, 5)})


def _folder(tmp_path_factory, name: str, planted: bool):
    from rehabjournal.services import journal as js
    from rehabjournal.store.db import close_journal, open_journal

    folder = tmp_path_factory.mktemp(name)
    open_journal(folder)
    js.save_profile({"name": "Pat Example", "condition": "patellofemoral_pain",
                     "joint": "knee", "side": "left"})
    js.add_site("knee", "left", primary=True)
    fill_journal(js, END, planted=planted, seed=1)
    close_journal()
    return folder


@pytest.fixture(scope="module")
def planted_dir(tmp_path_factory):
    return _folder(tmp_path_factory, "planted", True)


@pytest.fixture(scope="module")
def noise_dir(tmp_path_factory):
    return _folder(tmp_path_factory, "noise", False)


def build(folder, tmp_path, sections=None, patterns=False, start=START):
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data
    from rehabjournal.store.db import close_journal, open_journal

    open_journal(folder)
    try:
        data = build_report_data(start, END, made=END, patterns=patterns)
        out = tmp_path / "report.pdf"
        build_pdf(data, out, sections=sections)
    finally:
        close_journal()
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages]
    return data, pages


def _with_patterns():
    from rehabjournal.reports import DEFAULT_SECTIONS

    return set(DEFAULT_SECTIONS) | {"patterns"}


def _section_page(pages: list[str]) -> str:
    """The page the section is on: page 2, straight after page one and before the charts
    and the weekly table, as the issue asks."""
    assert TITLE not in pages[0]
    on = [i for i, text in enumerate(pages) if TITLE in text]
    weekly = next(i for i, text in enumerate(pages) if "Week by week" in text)
    assert on and on[0] <= weekly
    if on[0] == weekly:
        assert pages[weekly].index(TITLE) < pages[weekly].index("Week by week")
    assert on[0] == 1  # page 2, before the charts
    return pages[on[0]]


def test_absent_by_default(planted_dir, tmp_path):
    from rehabjournal.reports import DEFAULT_SECTIONS, SECTIONS

    assert "patterns" in SECTIONS and "patterns" not in DEFAULT_SECTIONS
    data, pages = build(planted_dir, tmp_path)
    assert data.patterns is None
    text = " ".join(pages)
    assert "came before flares" not in text and "comparisons" not in text


def test_on_page_two_when_chosen_with_the_findings_and_counts(planted_dir, tmp_path):
    data, pages = build(planted_dir, tmp_path, sections=_with_patterns(), patterns=True)
    report = data.patterns
    assert [(f.factor, f.lag) for f in report.findings] == [("short_sleep", 2)]
    f = report.findings[0]
    page_two = _section_page(pages)
    assert "caus" not in TITLE.replace("not causes", "")
    assert f.text in page_two
    assert f"{f.a} of {f.a + f.b} (" in page_two and f"{f.c} of {f.c + f.d} (" in page_two
    assert "Risk ratio (95 % CI)" in page_two
    assert f"{report.comparisons} comparisons were made" in page_two
    assert f"adjusted for all {report.comparisons} comparisons" in page_two
    assert "not proof that one caused the other" in page_two
    assert report.summary in page_two
    for u in report.untested:  # named, and a factor with a finding says at which lags
        assert u.label in page_two
    if any(u.factor == "short_sleep" for u in report.untested):
        assert "Sleep under 6 h (at " in page_two


def test_a_four_week_report_looks_at_twelve_weeks_and_says_so(planted_dir, tmp_path):
    four = END - timedelta(days=27)
    data, pages = build(planted_dir, tmp_path, sections=_with_patterns(), patterns=True,
                        start=four)
    assert (data.start, data.patterns.start, data.patterns.end) == (four, START, END)
    page = _section_page(pages)
    assert ("Days looked at: 24 Dec 2025 to 17 Mar 2026 (longer than the report's period: "
            "patterns need more days and more flares).") in page
    _data, pages = build(planted_dir, tmp_path, sections=_with_patterns(), patterns=True)
    assert "Days looked at: 24 Dec 2025 to 17 Mar 2026." in _section_page(pages)


def test_nothing_found_is_one_line(noise_dir, tmp_path):
    data, pages = build(noise_dir, tmp_path, sections=_with_patterns(), patterns=True)
    report = data.patterns
    assert report.findings == ()
    page_two = _section_page(pages)
    assert report.summary in page_two
    assert f"Nothing stood out after {report.comparisons} comparisons" in page_two
    assert "Risk ratio (95 % CI)" not in page_two
    assert "not proof" not in page_two  # the association note speaks of findings


def test_only_the_patterns_section_is_page_two(planted_dir, tmp_path):
    _data, pages = build(planted_dir, tmp_path, sections={"patterns"}, patterns=True)
    assert len(pages) == 2 and TITLE in pages[1] and TITLE not in pages[0]


def test_command_line_sections_patterns(planted_dir, tmp_path):
    out = tmp_path / "cli.pdf"
    args = ["--data-dir", str(planted_dir), "report", "--from", START.isoformat(),
            "--to", END.isoformat(), "--out", str(out)]
    assert main([*args, "--sections", "weekly,patterns"]) == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages)
    assert TITLE in text
    assert re.search(r"\d+ comparisons were made", text)
    assert main(args) == 0
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "came before flares" not in text
