"""Reports page: background build, preview of the real pages, save, print, options."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QLocale

END = date(2026, 3, 17)


@pytest.fixture
def demo_window(open_window, tmp_path):
    from rehabjournal.services.demo import generate_demo
    from rehabjournal.store.db import close_journal, open_journal
    from rehabjournal.store.library import sync_shipped_exercises

    data = tmp_path / "demo"
    open_journal(data)
    sync_shipped_exercises()
    generate_demo(end=END)
    close_journal()
    ctx, window = open_window(profile=False, data_dir=data)
    window.show()
    page = window.show_page("reports")
    return ctx, window, page


def make(qtbot, page):
    with qtbot.waitSignal(page.report_ready, timeout=90_000) as blocker:
        page.make_button.click()
        assert page.busy()  # returned at once: the build runs in a worker thread
        assert not page.make_button.isEnabled()
        assert page.progress.isVisible()
    return blocker.args[0]


def test_builds_in_the_background_and_previews_the_real_pages(demo_window, qtbot):
    _ctx, _window, page = demo_window
    assert not page.save_button.isEnabled()
    assert page.period() == (date(2026, 2, 18), END)  # last 4 weeks of the journal
    result = make(qtbot, page)
    assert not page.busy() and page.make_button.isEnabled() and not page.progress.isVisible()
    assert result.pages >= 3
    assert len(page.preview.labels) == result.pages
    assert not page.preview.labels[0].pixmap().isNull()
    assert page.pages_label.text().startswith(f"{result.pages} pages")
    assert all(b.isEnabled() for b in (page.save_button, page.print_button, page.open_button))
    text = pypdf.PdfReader(result.path).pages[0].extract_text()
    assert "Sam Rivera (demo)" in text and "18 Feb 2026 to 17 Mar 2026" in text


def test_save_as_and_print(demo_window, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    _ctx, _window, page = demo_window
    page.anonymise.setChecked(True)
    page.section_checks["log"].setChecked(False)
    result = make(qtbot, page)
    saved = page.save_to(tmp_path / "for-the-physio")
    assert saved.name == "for-the-physio.pdf"
    reader = pypdf.PdfReader(saved)
    assert len(reader.pages) == result.pages
    everything = "\n".join(p.extract_text() for p in reader.pages)
    assert "Sam Rivera" not in everything and "Patient S.R." in everything
    assert "Appendix: day-by-day log" not in everything
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    printer.setFullPage(True)
    assert page.print_to(printer) == result.pages
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == result.pages


def test_period_ending_before_it_starts_cannot_be_built(demo_window):
    _ctx, _window, page = demo_window
    page.set_period(date(2026, 3, 10), date(2026, 3, 1))
    assert not page.make_button.isEnabled()
    assert page.period_error.isVisible()
    assert "ends before it starts" in page.period_error.text()
    page.make_report()
    assert not page.busy()
    page.set_period(date(2026, 3, 1), date(2026, 3, 10))
    assert page.make_button.isEnabled() and not page.period_error.isVisible()


def test_empty_period_says_so(demo_window, qtbot):
    _ctx, _window, page = demo_window
    page.set_period(date(2020, 1, 1), date(2020, 1, 28))
    result = make(qtbot, page)
    assert result.empty and result.pages == 1
    assert "No entries in this period" in page.status.text()


def test_presets_and_journal_changes(demo_window, qtbot):
    ctx, _window, page = demo_window
    page.preset.setCurrentText("Last 12 weeks")
    start, end = page.period()
    assert end == END and (end - start).days == 83
    page.preset.setCurrentText("Whole journal")
    assert page.period()[1] == END
    make(qtbot, page)
    ctx.journal_changed.emit(None)
    assert "journal changed" in page.status.text()


def fail_with(qtbot, page):
    with qtbot.waitSignal(page.report_failed, timeout=90_000) as blocker:
        page.make_button.click()
    assert not page.busy() and page.make_button.isEnabled()
    return blocker.args[0]


def test_a_refused_period_is_said_under_the_dates(demo_window, qtbot, monkeypatch):
    from rehabjournal.services import report
    from rehabjournal.services.report import ReportPeriodError

    def refused(*_args, **_kwargs):
        raise ReportPeriodError("The period ends (2026-03-01) before it starts (2026-03-10).")

    monkeypatch.setattr(report, "build_report_data", refused)
    _ctx, _window, page = demo_window
    message = fail_with(qtbot, page)
    assert message == "The period ends (2026-03-01) before it starts (2026-03-10)."
    assert page.period_error.isVisible() and page.period_error.text() == message
    assert page.status.text() == f"The report could not be made: {message}"
    assert page.result is None and not page.save_button.isEnabled()


def test_a_journal_that_cannot_be_read_is_said_in_the_status(demo_window, qtbot, monkeypatch):
    import sqlite3

    from rehabjournal.services import report

    def broken(*_args, **_kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(report, "build_report_data", broken)
    _ctx, _window, page = demo_window
    message = fail_with(qtbot, page)
    assert message == "Could not read the journal: database disk image is malformed."
    assert page.status.text() == f"The report could not be made: {message}"
    assert not page.period_error.isVisible()


def test_a_report_that_cannot_be_saved_says_why(demo_window, qtbot, tmp_path):
    from rehabjournal.errors import StorageError

    _ctx, _window, page = demo_window
    make(qtbot, page)
    target = tmp_path / "no-such-folder" / "r.pdf"
    with pytest.raises(StorageError) as info:
        page.save_to(target)
    assert str(info.value) == f"Could not save {target}: No such file or directory."
    assert not target.parent.exists()


def test_paper_defaults_from_the_locale(open_window, monkeypatch):
    """From the computer's region (QLocale.system), not the window's language: a person in
    the US who reads the app in French still gets Letter."""
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: us))
    _ctx, window = open_window()
    assert window.show_page("reports").paper.currentText() == "Letter"
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: germany))
    from rehabjournal.ui.pages.reports import create

    assert create(_ctx).paper.currentText() == "A4"


def test_reportlab_and_matplotlib_load_only_when_a_report_is_built(tmp_path):
    src = Path(__file__).resolve().parents[2] / "src"
    code = textwrap.dedent(f"""
        import sys
        from datetime import date
        from pathlib import Path
        from PySide6.QtCore import QEventLoop, QTimer
        from rehabjournal.services import journal as js
        from rehabjournal.store.db import close_journal, open_journal
        from rehabjournal.ui.app import application, open_session

        data = Path({str(tmp_path / "data")!r})
        open_journal(data)
        js.save_profile({{"name": "Ann Lee"}})
        js.save_checkin(date(2026, 3, 1), {{"morning_pain": 3}})
        close_journal()
        app = application()
        lock, ctx, window = open_session(data, today=date(2026, 3, 2))
        window.show()
        page = window.show_page("reports")
        heavy = lambda: sorted({{m.split(".")[0] for m in sys.modules}}
                               & {{"reportlab", "matplotlib"}})
        assert heavy() == [], heavy()
        loop = QEventLoop()
        page.report_ready.connect(lambda r: loop.quit())
        page.report_failed.connect(lambda m: (print(m), loop.exit(1)))
        QTimer.singleShot(90000, lambda: loop.exit(2))
        page.make_report()
        assert loop.exec() == 0
        assert heavy() == ["matplotlib", "reportlab"], heavy()
        window.close()
        close_journal()
        lock.unlock()
    """)
    env = dict(os.environ, PYTHONPATH=str(src), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=180)
    assert run.returncode == 0, run.stderr + run.stdout
