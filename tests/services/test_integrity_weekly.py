"""The start-up work (issue 16): leftovers swept, a weekly full integrity check of the
journal (the day's checked backup counts as one), a damaged journal reported, not copied."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from rehabjournal.services import journal as js
from rehabjournal.services import settings
from rehabjournal.services import startup as st
from rehabjournal.store import backups, db

DAY = date(2026, 3, 18)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def break_an_index(data: Path) -> None:
    """Leave the journal of ``data`` (closed) with an index missing a row: SQLite's full
    ``integrity_check`` finds it, the ``quick_check`` the journal passes to open does not."""
    path = db.journal_path(data)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE INDEX test_notes ON check_in(notes)")
    row = conn.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master "
                       "WHERE name = 'test_notes'").fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("DELETE FROM sqlite_master WHERE name = 'test_notes'")
    conn.close()
    conn = sqlite3.connect(path, isolation_level=None)  # the schema without the index
    conn.execute("UPDATE check_in SET notes = 'changed behind the index'")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", row)
    conn.close()


def make_damaged_journal(data: Path) -> None:
    db.open_journal(data)
    for d in range(3):
        js.save_checkin(DAY - timedelta(days=d), {"morning_pain": d, "notes": f"n{d}"})
    db.close_journal()
    break_an_index(data)


def test_the_check_runs_weekly_and_the_daily_copy_counts_as_one(journal):
    js.save_checkin(DAY, {"morning_pain": 2})
    first = st.run_startup_work(journal, today=DAY)
    assert first.backup is not None and first.integrity_checked  # checked before copying
    assert first.integrity_problem == "" and st.last_check(journal) == DAY
    noted = json.loads(settings.get(st.LAST_CHECK))
    assert noted[str(db.journal_path(journal.absolute()))] == "2026-03-18"
    # the same calendar day again (the daily copy is made): nothing is due
    later = st.run_startup_work(journal, today=DAY + timedelta(days=6))
    assert later.backup is None and not later.integrity_checked
    assert st.last_check(journal) == DAY
    week = st.run_startup_work(journal, today=DAY + timedelta(days=7))
    assert week.integrity_checked and week.integrity_problem == ""
    assert st.last_check(journal) == DAY + timedelta(days=7)
    # nothing was written to the journal for it (a new journal stays empty)
    from rehabjournal.store import models as m

    assert m.Setting.select().count() == 0


def test_a_damaged_journal_is_reported_and_not_copied(tmp_path):
    data = tmp_path / "data"
    make_damaged_journal(data)
    db.open_journal(data)  # its quick_check passes
    try:
        result = st.run_startup_work(data, today=DAY)
    finally:
        db.close_journal()
    assert result.integrity_checked and result.backup is None
    assert result.integrity_problem.startswith(
        f"The journal {db.journal_path(data).absolute()} failed its integrity check (")
    assert "Restore a backup made before the damage" in result.integrity_problem
    assert _names(data / "backups") == []
    assert st.last_check(data) is None  # checked again at the next start


def test_the_weekly_check_alone_finds_the_damage(tmp_path, monkeypatch):
    data = tmp_path / "data"
    make_damaged_journal(data)
    db.open_journal(data)
    try:
        monkeypatch.setattr(backups, "daily_backup_if_due", lambda *_a, **_k: None)
        result = st.run_startup_work(data, today=DAY)
    finally:
        db.close_journal()
    assert result.integrity_checked and "failed its integrity check" in result.integrity_problem


def test_a_check_that_cannot_run_is_a_status_line_not_damage(journal, monkeypatch):
    monkeypatch.setattr(backups, "daily_backup_if_due", lambda *_a, **_k: None)

    def busy(*_a, **_k):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(backups, "_findings", busy)
    result = st.run_startup_work(journal, today=DAY)
    assert result.integrity_problem == "" and not result.integrity_checked
    assert result.problem.startswith("The weekly check of the journal could not run: ")
    assert st.last_check(journal) is None


def test_leftovers_of_dead_processes_are_swept_and_counted(journal):
    folder = journal / "backups"
    folder.mkdir(exist_ok=True)
    dead = folder / f".journal-20260101-000000-manual.sqlite.99999999-abcd1234{'.rjpart'}"
    dead.write_bytes(b"partial")
    old = journal / ".journal.sqlite.restoring"
    old.write_bytes(b"partial")
    mine = folder / "notes.txt"
    mine.write_text("mine")
    result = st.run_startup_work(journal, today=DAY)
    assert result.leftovers_removed == 2
    assert not dead.exists() and not old.exists() and mine.exists()
    assert st.leftovers_text(2) == "Removed 2 leftover files of an interrupted operation"
    assert st.leftovers_text(1) == "Removed 1 leftover file of an interrupted operation"
    assert st.run_startup_work(journal, today=DAY).leftovers_removed == 0
