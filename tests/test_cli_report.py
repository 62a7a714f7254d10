"""The headless ``report`` command: exit codes, messages, and the PDF it writes."""

from __future__ import annotations

from datetime import date, timedelta

import pypdf
import pytest

from rehabjournal.cli import main

END = date(2026, 3, 17)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    from rehabjournal.services.demo import generate_demo
    from rehabjournal.store.db import close_journal, open_journal
    from rehabjournal.store.library import sync_shipped_exercises

    folder = tmp_path_factory.mktemp("cli-demo")
    open_journal(folder)
    sync_shipped_exercises()
    generate_demo(end=END)
    close_journal()
    return folder


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)


def test_report_for_a_period(demo_dir, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    code = main(["--data-dir", str(demo_dir), "report", "--from", "2026-02-02",
                 "--to", "2026-03-01", "--out", str(out), "--paper", "letter"])
    assert code == 0
    said = capsys.readouterr().out
    assert f"Wrote {out}" in said and "2026-02-02 to 2026-03-01" in said and "Letter" in said
    reader = pypdf.PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "2 Feb 2026 to 1 Mar 2026" in reader.pages[0].extract_text()
    assert f"page 1 of {len(reader.pages)}" in reader.pages[0].extract_text()


def test_default_period_is_the_last_four_weeks(demo_dir, tmp_path):
    out = tmp_path / "r.pdf"
    assert main(["report", "--out", str(out), "--data-dir", str(demo_dir)]) == 0
    start = END - timedelta(days=27)
    assert f"{start.day} Feb 2026 to 17 Mar 2026" in text_of(out)


def test_anonymise(demo_dir, tmp_path):
    out = tmp_path / "anon.pdf"
    assert main(["--data-dir", str(demo_dir), "report", "--out", str(out),
                 "--anonymise"]) == 0
    text = text_of(out)
    assert "Sam Rivera" not in text and "Patient S.R." in text


def test_paper_from_the_locale(demo_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_PAPER", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    out = tmp_path / "us.pdf"
    assert main(["--data-dir", str(demo_dir), "report", "--out", str(out)]) == 0
    assert round(float(pypdf.PdfReader(out).pages[0].mediabox.width)) == 612
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["--data-dir", str(demo_dir), "report", "--out", str(out)]) == 0
    assert round(float(pypdf.PdfReader(out).pages[0].mediabox.width)) == 595


def test_empty_period_still_writes_a_short_report(demo_dir, tmp_path, capsys):
    out = tmp_path / "empty.pdf"
    code = main(["--data-dir", str(demo_dir), "report", "--from", "2020-01-01",
                 "--to", "2020-01-31", "--out", str(out)])
    assert code == 0
    assert "no entries" in capsys.readouterr().err
    assert "No entries in this period." in text_of(out)
    assert len(pypdf.PdfReader(out).pages) == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-02-30"], "--from '2026-02-30' is not a date"),
    (["--to", "yesterday"], "--to 'yesterday' is not a date"),
    (["--from", "2026-03-10", "--to", "2026-03-01"], "--to 2026-03-01 is before --from"),
    (["--paper", "A3"], "Paper must be A4 or Letter"),
    (["--sections", "weekly,bogus"], "unknown section(s) bogus"),
])
def test_bad_input_is_a_usage_error(demo_dir, tmp_path, capsys, args, message):
    out = tmp_path / "x.pdf"
    code = main(["--data-dir", str(demo_dir), "report", *args, "--out", str(out)])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_unwritable_output_is_an_error_and_leaves_nothing(demo_dir, tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "r.pdf"
    assert main(["--data-dir", str(demo_dir), "report", "--out", str(missing)]) == 1
    assert "does not exist" in capsys.readouterr().err
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["--data-dir", str(demo_dir), "report", "--out", str(blocker / "r.pdf")]) == 1
    assert main(["--data-dir", str(demo_dir), "report", "--out", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_write_failure_midway_leaves_no_partial_file(demo_dir, tmp_path, capsys,
                                                     monkeypatch):
    from rehabjournal.reports import builder

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(builder.os, "replace", full_disk)
    out = tmp_path / "r.pdf"
    assert main(["--data-dir", str(demo_dir), "report", "--out", str(out)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_demo_option(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    out = tmp_path / "demo.pdf"
    assert main(["report", "--demo", "--out", str(out)]) == 0
    assert "Sam Rivera (demo)" in text_of(out)
