"""File > Import CSV... and File > Export CSV...: done, refused, and failed to read/write."""

from __future__ import annotations

from datetime import date

import pytest

from rehabjournal.services import journal as js
from rehabjournal.ui import transfer as ui_transfer

GOOD = "date,morning_pain,activity,duration_min,rpe\n2026-03-02,3,run,30,5\n"
BAD = "date,morning_pain\n2026-03-02,11\n2026-03-03,x\n"


@pytest.fixture
def told(monkeypatch):
    """Record the message boxes instead of showing them."""
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_transfer, "_tell",
                        lambda parent, title, text, warning=False: messages.append((title, text)))
    monkeypatch.setattr(
        ui_transfer, "_show_box",
        lambda box: messages.append((box.objectName(), box.text(), box.informativeText())))
    return messages


def test_import_reloads_the_pages_and_says_what_it_did(open_window, tmp_path, told):
    ctx, window = open_window()
    f = tmp_path / "in.csv"
    f.write_text(GOOD, encoding="utf-8")
    changed, statuses = [], []
    ctx.journal_changed.connect(changed.append)
    ctx.status.connect(statuses.append)
    assert ui_transfer.import_csv_dialog(window, ctx, str(f))
    assert changed == [None]
    assert statuses[-1].startswith("Imported ")
    title, text = told[-1]
    assert title == "Import finished" and text.startswith("1 day: 1 session added")
    assert js.get_checkin(date(2026, 3, 2))["morning_pain"] == 3


def test_a_refused_file_lists_its_problems_and_changes_nothing(open_window, tmp_path, told):
    ctx, window = open_window()
    f = tmp_path / "bad.csv"
    f.write_text(BAD, encoding="utf-8")
    changed = []
    ctx.journal_changed.connect(changed.append)
    assert not ui_transfer.import_csv_dialog(window, ctx, str(f))
    name, text, problems = told[-1]
    assert name == "importProblems"
    assert text.startswith(f"{f} has problems, so nothing was imported.")
    assert problems.splitlines()[0].startswith("line 2, column morning_pain: ")
    assert problems.splitlines()[1].startswith("line 3, column morning_pain: ")
    assert changed == [] and js.get_checkin(date(2026, 3, 2)) is None


def test_an_unreadable_file_says_so(open_window, tmp_path, told, monkeypatch):
    ctx, window = open_window()

    def denied(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("rehabjournal.services.transfer.import_csv", denied)
    f = tmp_path / "locked.csv"
    assert not ui_transfer.import_csv_dialog(window, ctx, str(f))
    assert told[-1] == ("Import failed", f"Cannot read {f}: Permission denied.")


def test_a_journal_that_cannot_be_written_says_so(open_window, tmp_path, told, monkeypatch):
    import sqlite3

    ctx, window = open_window()

    def full(path):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("rehabjournal.services.transfer.import_csv", full)
    assert not ui_transfer.import_csv_dialog(window, ctx, str(tmp_path / "in.csv"))
    title, text = told[-1]
    assert title == "Import failed"
    assert text.startswith("No space left on device")
    assert "could not import, the disk is full" in text


def test_export_writes_the_file_or_says_why_not(open_window, tmp_path, told):
    ctx, window = open_window()
    js.save_checkin(date(2026, 3, 2), {"morning_pain": 4})
    statuses = []
    ctx.status.connect(statuses.append)
    out = tmp_path / "out.csv"
    assert ui_transfer.export_csv_dialog(window, ctx, str(out))
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("2026-03-02,4,")
    assert statuses == [f"Exported 1 rows to {out}"]
    nowhere = tmp_path / "no" / "out.csv"
    assert not ui_transfer.export_csv_dialog(window, ctx, str(nowhere))
    assert told[-1] == ("Export failed", f"Cannot write {nowhere}: No such file or directory. "
                                         "Nothing was written.")


def test_export_dialog_offers_semicolons_with_decimal_commas(open_window, tmp_path, told,
                                                            monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    ctx, window = open_window()
    js.save_checkin(date(2026, 3, 2), {"sleep_hours": 7.5, "notes": "=1+1"})
    out = tmp_path / "semi.csv"
    offered = []

    def choose(parent, title, suggested, filters, selected):
        offered.append((filters.split(";;"), selected))
        return str(out), ui_transfer.SEMICOLON_FILTER

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert ui_transfer.export_csv_dialog(window, ctx)
    assert offered == [([ui_transfer.COMMA_FILTER, ui_transfer.SEMICOLON_FILTER],
                        ui_transfer.COMMA_FILTER)]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("2026-03-02;;;;7,5;")
    assert ";'=1+1;" in lines[1]
    f = tmp_path / "in.csv"
    f.write_bytes(out.read_bytes())
    js.save_checkin(date(2026, 3, 2), {"sleep_hours": 7.5, "notes": "=1+1"})
    assert ui_transfer.import_csv_dialog(window, ctx, str(f))
    assert told[-1][1].startswith("1 day: 0 sessions added, 0 already in the journal, "
                                  "0 check-ins written, 0 red flags added (read as "
                                  "semicolon-separated with decimal commas)")
