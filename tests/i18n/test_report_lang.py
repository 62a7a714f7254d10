"""``rehabjournal report --lang`` and the Reports page's Report language (issue 19).

A physiotherapist may read another language than the person: the PDF is made in the
language asked for, whatever the command line's or the window's language.
"""

from __future__ import annotations

from datetime import date

import pypdf
import pytest

from rehabjournal import i18n
from rehabjournal.cli import main

END = date(2026, 3, 17)


@pytest.fixture(scope="module")
def demo_dir(demo_journal_at):
    """A demo journal ending on END (check-ins, sessions, a programme, red flags)."""
    return demo_journal_at(END)


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)


def report(demo_dir, out, *extra) -> int:
    return main(["--data-dir", str(demo_dir), "report", "--from", "2026-02-16",
                 "--to", "2026-03-15", "--out", str(out), *extra])


def test_french_report_from_an_english_command_line(demo_dir, tmp_path, capsys):
    out = tmp_path / "fr.pdf"
    assert report(demo_dir, out, "--lang", "fr") == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Wrote {out} (")  # the command line stays English
    text = text_of(out)
    assert "16 févr. 2026" in text or "16 février 2026" in text
    assert "15 mars 2026" in text
    assert "information, pas un avis médical" in text.lower()
    assert "not medical advice" not in text
    assert i18n.current() == "en"  # the language of the rest of the process is untouched


def test_english_report_from_a_german_command_line(demo_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "de")
    out = tmp_path / "en.pdf"
    assert report(demo_dir, out, "--lang", "en") == 0
    said = capsys.readouterr().out
    assert said.startswith(f"{out} geschrieben (5 Seiten, 2026-02-16 bis 2026-03-15")
    text = text_of(out)
    assert "not medical advice" in text
    assert "15 Mar 2026" in text
    assert "März" not in text


def test_german_report_has_german_dates_and_decimal_commas(demo_dir, tmp_path):
    out = tmp_path / "de.pdf"
    assert report(demo_dir, out, "--lang", "de_AT") == 0  # a region reads as its language
    text = text_of(out)
    assert "15. März 2026" in text
    assert "keine medizinische Beratung" in text
    assert any(ch.isdigit() and text[i + 1] == "," and text[i + 2].isdigit()
               for i, ch in enumerate(text[:-2]))


@pytest.mark.parametrize("lang", ["es", "klingon", ""])
def test_a_language_rehabjournal_does_not_speak_is_refused(demo_dir, tmp_path, capsys, lang):
    out = tmp_path / "x.pdf"
    assert report(demo_dir, out, "--lang", lang) == 2
    err = capsys.readouterr().err
    assert f"--lang {lang!r} is not a language rehabjournal speaks" in err
    assert "en (English), fr (Français) or de (Deutsch)" in err
    assert not out.exists()


def test_programme_sheet_in_german(demo_dir, tmp_path):
    out = tmp_path / "sheet.pdf"
    assert main(["--data-dir", str(demo_dir), "programme", "sheet", "--lang", "de",
                 "--out", str(out)]) == 0
    text = text_of(out)
    assert "Sätze" in text or "Wiederholungen" in text
