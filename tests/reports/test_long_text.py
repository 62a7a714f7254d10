"""Any note length in the PDFs (issue 17, item 4): long notes, names and unbroken words
wrap and split across pages; a table cell shows the start of a long text with "… (see
Notes in full)" and the "Notes in full" section at the end prints it whole (up to
``FULL_MOST`` characters, then says how many more are in the journal). Checked by the text
pypdf extracts, never by byte sizes."""

from __future__ import annotations

import csv
import re
import time
from datetime import date, timedelta
from pathlib import Path

import pypdf

from rehabjournal.cli import main

CASE = Path(__file__).parents[1] / "fixtures" / "formats" / "long-note.csv"
SEE = "… (see Notes in full)"
WORDS = ("knee", "sore", "after", "the", "long", "run", "stairs", "swelling", "ice", "rest",
         "walk")


def prose(n: int, seed: int = 0) -> str:
    """About ``n`` characters of words (seeded)."""
    words, k, i = [], 0, seed
    while k < n:
        w = WORDS[(i * 7 + i // 3) % len(WORDS)]
        words.append(w)
        k += len(w) + 1
        i += 1
    return " ".join(words)[:n].strip()


def pages_of(path) -> list[str]:
    """Each page's text without its footer (so that a paragraph split over two pages
    reads on)."""
    texts = []
    for page in pypdf.PdfReader(path).pages:
        text = page.extract_text()
        footer = text.rfind("Information, not medical advice.")
        assert footer >= 0 and re.search(r"page \d+ of \d+\s*$", text)
        texts.append(text[:footer])
    return texts


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def squeezed(text: str) -> str:
    """No whitespace at all (a word broken over lines extracts with line breaks)."""
    return re.sub(r"\s+", "", text)


def report(tmp_path, start, end, **kwargs):
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    data = build_report_data(start, end, made=date(2026, 3, 18))
    out = tmp_path / "report.pdf"
    began = time.monotonic()
    pages = build_pdf(data, out, **kwargs)
    return out, pages, time.monotonic() - began


def day_note(day: date, note: str, **values) -> None:
    from rehabjournal.services import journal as js

    js.save_checkin(day, {"morning_pain": 6, "notes": note, **values})


# ---- the case file -----------------------------------------------------------------------

def test_long_note_csv_gives_a_report_with_the_whole_note_cli(tmp_path, capsys):
    with CASE.open(encoding="utf-8", newline="") as f:
        note = next(csv.DictReader(f))["notes"]
    assert len(note) >= 2999
    data_dir, out = tmp_path / "d", tmp_path / "r.pdf"
    assert main(["--data-dir", str(data_dir), "import", str(CASE)]) == 0
    code = main(["--data-dir", str(data_dir), "report", "--from", "2026-03-01",
                 "--to", "2026-03-06", "--out", str(out)])
    said = capsys.readouterr()
    assert code == 0, said.err
    assert "Traceback" not in said.err and "LayoutError" not in said.err
    assert f"Wrote {out} (" in said.out
    pages = pages_of(out)
    assert 3 <= len(pages) <= 8
    # the day log and the notable notes show its start; Notes in full has it all
    first_full = next(i for i, p in enumerate(pages) if p.lstrip().startswith("Notes in full"))
    assert flat("\n".join(pages[:first_full])).count(SEE) == 2
    full = flat("\n".join(pages[first_full:]))
    assert "Mon 2 Mar 2026: note" in full
    assert flat(note) in full
    # page one reads in a minute: no note on it
    assert "knee sore" not in pages[0]


def test_long_note_build_pdf_puts_notes_in_full_last(journal, tmp_path):
    from rehabjournal.services import transfer

    transfer.import_journal_csv(CASE)
    out, pages, _secs = report(tmp_path, date(2026, 3, 1), date(2026, 3, 6))
    texts = pages_of(out)
    assert pages == len(texts)
    assert texts[-1].lstrip().startswith("Notes in full")
    assert SEE in flat(texts[-2])  # the day log, just before


# ---- any length ---------------------------------------------------------------------------

def test_a_one_megabyte_note_prints_its_start_and_says_how_much_more(journal, tmp_path):
    from rehabjournal.reports.flowables import FULL_MOST

    head = prose(FULL_MOST - 30) + " end of the printed part"
    note = head + " never printed " + prose(1_000_000 - len(head) - 15)
    assert len(note) >= 999_990
    day_note(date(2026, 3, 3), note)
    out, pages, secs = report(tmp_path, date(2026, 3, 1), date(2026, 3, 6))
    assert secs < 30
    assert pages <= 25
    text = flat("\n".join(pages_of(out)))
    assert f"({len(note) - FULL_MOST:,} more characters not printed; the full note is in " \
           "the journal.)" in text
    assert flat(head) in text
    assert "never printed" not in text


def test_a_note_of_500_lines_keeps_its_lines(journal, tmp_path):
    lines = [f"line {i}: {prose(20, i)}" for i in range(500)]
    day_note(date(2026, 3, 3), "\n".join(lines))
    out, pages, secs = report(tmp_path, date(2026, 3, 1), date(2026, 3, 6))
    assert secs < 30
    texts = pages_of(out)
    full = "\n".join(texts[next(i for i, t in enumerate(texts) if "Notes in full" in t):])
    got = [line.strip() for line in full.splitlines()]
    for line in (lines[0], lines[1], lines[250], lines[499]):
        assert line in got  # each on a line of its own
    assert "more characters not printed" not in full
    assert 5 <= pages <= 20


def test_an_unbroken_5000_character_word_wraps_inside_the_page(journal, tmp_path):
    word = "x" * 5000
    day_note(date(2026, 3, 3), word)
    out, _pages, _secs = report(tmp_path, date(2026, 3, 1), date(2026, 3, 6))
    text = "\n".join(pages_of(out))
    assert word in squeezed(text)
    assert max(len(line) for line in text.splitlines()) < 200  # broken into lines


def test_a_hundred_days_of_3000_character_notes(journal, tmp_path):
    first = date(2026, 1, 5)
    notes = [prose(3000, day) for day in range(100)]
    for k, note in enumerate(notes):
        day_note(first + timedelta(days=k), note)
    out, pages, secs = report(tmp_path, first, first + timedelta(days=99))
    assert secs < 60
    texts = pages_of(out)
    text = flat("\n".join(texts))
    assert flat(notes[0]) in text and flat(notes[99]) in text
    assert 40 <= pages <= 120
    assert "Notes in full" not in texts[0]


def test_long_activity_names_are_cut_in_the_day_log_and_printed_whole(journal, tmp_path):
    from rehabjournal.services import journal as js

    day = date(2026, 3, 3)
    name = "Stairs " + "y" * 3000
    js.save_checkin(day, {"morning_pain": 4})
    js.add_session(day, {"kind": name, "minutes": 30, "rpe": 5})
    out, _pages, _secs = report(tmp_path, date(2026, 3, 1), date(2026, 3, 6))
    texts = pages_of(out)
    assert SEE in flat("\n".join(texts))
    full = "\n".join(texts[next(i for i, t in enumerate(texts) if "Notes in full" in t):])
    assert "Tue 3 Mar 2026: sessions" in full
    assert squeezed(name) in squeezed(full)


def test_long_red_flag_notes_on_page_one_are_cut(journal, tmp_path):
    from rehabjournal.domain import scales
    from rehabjournal.services import journal as js

    urgent = next(code for code, (_label, tier) in scales.RED_FLAGS.items()
                  if tier == scales.URGENT)
    first = date(2026, 2, 2)
    note = prose(2000, 3)
    for k in range(40):  # a box taller than a page splits inside its row
        day = first + timedelta(days=k)
        js.save_checkin(day, {"morning_pain": 5})
        js.set_red_flag(day, urgent, True, note)
    out, _pages, _secs = report(tmp_path, first, first + timedelta(days=39))
    texts = pages_of(out)
    assert flat(texts[0]).count(SEE) >= 3
    assert flat(note) in flat("\n".join(texts))


# ---- the programme sheet -------------------------------------------------------------------

def test_programme_sheet_with_long_names_and_texts(journal, tmp_path):
    from rehabjournal.reports.flowables import FULL_MOST
    from rehabjournal.reports.programme_sheet import write_programme_sheet
    from rehabjournal.services import programme as ps
    from rehabjournal.store.library import sync_shipped_exercises

    sync_shipped_exercises()
    name = "Step-downs " + "z" * 3000
    lines = "\n".join(f"step {i}: {prose(25, i)}" for i in range(500))
    huge = prose(FULL_MOST + 5000, 1)
    ex = ps.add_exercise({"name": name, "category": "strength", "instructions": lines}).result
    pid = ps.create_programme("Knee plan " + "P" * 3000, date(2026, 3, 2), notes=huge,
                              active=True).result
    phase = ps.add_phase(pid, {"name": "Build " + "Q" * 3000, "weeks": 4,
                               "goal": "w" * 5000}).result
    ps.add_prescription(phase, {"exercise": ex, "sets": 3, "reps": 10, "weekdays": "0,2,4",
                                "notes": prose(3000, 2)})
    out = tmp_path / "sheet.pdf"
    began = time.monotonic()
    pages = write_programme_sheet(out, made=date(2026, 3, 18))
    assert time.monotonic() - began < 60
    texts = pages_of(out)
    assert len(texts) == pages and pages <= 80
    text = flat("\n".join(texts))
    bare = squeezed(text)
    assert squeezed(name) in bare  # the card's "Name" row has it whole
    assert "Full name:" in text  # programme and phase names cut in their headings
    assert "w" * 5000 in bare
    assert "step 0:" in text and "step 499:" in text
    assert flat(prose(3000, 2)) in text
    assert "(5,000 more characters not printed; the full text is in the app.)" in text
    # the tick grid and the repeated card title show the name cut
    assert text.count("Step-downs " + "z" * 20) >= 2


# ---- the app's preview ------------------------------------------------------------------------

def test_the_apps_report_worker_makes_the_long_note_report(journal, tmp_path, qtbot):
    from rehabjournal.services import transfer
    from rehabjournal.ui.report_worker import ReportJob, ReportRequest

    transfer.import_journal_csv(CASE)
    worker = ReportJob(ReportRequest(start=date(2026, 3, 1), end=date(2026, 3, 6),
                                        out_path=tmp_path / "preview.pdf", preview_dpi=30))
    done, failed = [], []
    worker.signals.finished.connect(done.append)
    worker.signals.failed.connect(failed.append)
    worker.run()  # in this thread
    assert not failed, str(failed[0])
    assert done[0].pages == len(done[0].images) >= 3
