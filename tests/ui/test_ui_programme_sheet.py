"""The programme sheet from the Programme page: preview of the real pages, save, print."""

from __future__ import annotations

import re
from datetime import date

import pypdf
import pytest
from PySide6.QtCore import Qt

END = date(2026, 3, 17)

# The dialog is a window of its own: the offscreen platform says it cannot size or raise it.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


@pytest.fixture
def programme_page(open_window, tmp_path):
    """The Programme page over the demo journal (its active 12-week programme)."""
    from rehabjournal.services.demo import generate_demo
    from rehabjournal.store.db import close_journal, open_journal
    from rehabjournal.store.library import sync_shipped_exercises

    data = tmp_path / "demo"
    open_journal(data)
    sync_shipped_exercises()
    generate_demo(end=END)
    close_journal()
    ctx, window = open_window(profile=False, data_dir=data)
    page = window.show_page("programme")
    return ctx, window, page


def _open(qtbot, page):
    tab = page.programmes
    with qtbot.waitSignal(_dialog_ready(tab), timeout=60_000) as blocker:
        tab.sheet.button.click()
    return tab.sheet.dialog, blocker.args[0]


def _dialog_ready(tab):
    """The dialog's ready signal (the dialog is made on first use)."""
    if tab.sheet.dialog is None:
        from rehabjournal.ui.pages.programme.sheet import ProgrammeSheetDialog

        tab.sheet.dialog = ProgrammeSheetDialog(tab.sheet.ctx, tab.window())
    return tab.sheet.dialog.ready


def test_the_button_previews_the_sheet_and_save_writes_the_pdf(programme_page, qtbot,
                                                                tmp_path):
    _ctx, _window, page = programme_page
    tab = page.programmes
    assert tab.sheet.button.isVisible() and tab.sheet.button.isEnabled()
    dialog, result = _open(qtbot, page)
    assert dialog.isVisible() and not dialog.busy()
    assert result.pages >= 3
    assert len(dialog.preview.labels) == result.pages
    assert not dialog.preview.labels[0].pixmap().isNull()
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert "Knee rehab: back to 10 km" in dialog.status.text()

    out = tmp_path / "saved"
    out.mkdir()
    saved = dialog.save_to(out / "my sheet")
    assert saved.name == "my sheet.pdf"
    reader = pypdf.PdfReader(saved)
    assert len(reader.pages) == result.pages
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
    assert "Knee rehab: back to 10 km" in text
    from rehabjournal.services import programme as ps

    first = ps.list_phases(ps.active_programme()["id"])[0]["name"]
    assert f"Phase 1: {first}" in text
    assert "Information, not medical advice." in text
    assert [p.name for p in out.iterdir()] == ["my sheet.pdf"]  # no .part left


def test_print_paints_every_page(programme_page, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    _ctx, _window, page = programme_page
    dialog, result = _open(qtbot, page)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(72)
    printer.setFullPage(True)
    assert dialog.print_to(printer) == result.pages
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == result.pages


def test_ctrl_p_opens_it_only_on_the_programmes_tab(programme_page, qtbot):
    _ctx, window, page = programme_page
    tab = page.programmes
    ready = _dialog_ready(tab)
    with qtbot.waitSignal(ready, timeout=60_000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert tab.sheet.dialog.isVisible()
    tab.sheet.dialog.close()

    window.show_page("reports")
    with qtbot.assertNotEmitted(ready, wait=200):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not tab.sheet.dialog.isVisible()


def test_no_programme_no_sheet(open_window, qtbot):
    _ctx, window = open_window()
    tab = window.show_page("programme").programmes
    assert tab.current_programme_id() is None
    assert not tab.sheet.button.isEnabled()
    assert tab.sheet.open() is None


def test_a_sheet_that_cannot_be_read_says_why(programme_page, qtbot):
    from rehabjournal.ui.pages.programme.sheet import ProgrammeSheetDialog

    ctx, window, _page = programme_page
    dialog = ProgrammeSheetDialog(ctx, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed) as blocker:
        assert dialog.make(9999) is False
    assert "no longer exists" in blocker.args[0]
    assert "could not be made" in dialog.status.text()
    assert not dialog.save_button.isEnabled()


def test_a_failed_save_leaves_nothing(programme_page, qtbot, tmp_path):
    from rehabjournal.errors import StorageError

    _ctx, _window, page = programme_page
    dialog, _result = _open(qtbot, page)
    with pytest.raises(StorageError, match="Could not save"):
        dialog.save_to(tmp_path / "missing" / "sheet.pdf")
    assert not (tmp_path / "missing").exists()
