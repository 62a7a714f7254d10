"""The journal file: creation, pragmas, migrations, refusals that leave the file untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from peewee import IntegrityError

from rehabjournal.store import db, migrations
from rehabjournal.store import models as m

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_journal_has_pragmas_version_and_private_mode(journal):
    path = db.journal_path(journal)
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    conn = m.database.obj
    assert conn.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute_sql("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID


def test_models_match_the_tables_the_migration_chain_makes(journal):
    conn = m.database.obj
    for model in m.ALL_MODELS:
        table = model._meta.table_name
        cols = {row[1] for row in conn.execute_sql(f'PRAGMA table_info("{table}")')}
        assert cols, f"table {table} missing"
        expected = {f.column_name for f in model._meta.sorted_fields}
        assert cols == expected, table


def test_saved_rows_survive_a_restart(journal):
    m.CheckIn.create(day=date(2026, 3, 1), morning_pain=4, notes="Zoë ✓ Ελληνικά")
    db.close_journal()
    db.open_journal(journal)
    row = m.CheckIn.get(m.CheckIn.day == date(2026, 3, 1))
    assert (row.morning_pain, row.notes) == (4, "Zoë ✓ Ελληνικά")


def test_foreign_keys_are_enforced(journal):
    with pytest.raises(IntegrityError):
        m.CheckInSitePain.create(checkin=999, site=999, pain=3)


def test_version1_fixture_migrates_to_newest_with_a_backup(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "journal-v1.sqlite", data / "journal.sqlite")
    db.open_journal(data)
    try:
        conn = m.database.obj
        assert conn.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        profile = m.Profile.get()
        assert profile.name == "Zoë Łukasiewicz"
        assert profile.outcome_schedule == ""  # column added by step 2
        assert m.Setting.select().count() == 0  # table added by step 2
        session = m.ActivitySession.get()
        assert (session.kind, session.minutes, session.pain_after) == ("run", 30, 4)
        assert m.RedFlag.get().code == "locking_giving_way"
    finally:
        db.close_journal()
    backups = list((data / "backups").glob("journal-*-pre-v*.sqlite"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    check.close()


def test_a_failing_step_leaves_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "j.sqlite"
    shutil.copy(FIXTURES / "journal-v1.sqlite", path)

    def broken(conn):
        conn.execute('CREATE TABLE "half_done" (x)')
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "STEPS", (migrations.STEPS[0], broken))
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn, target=2)
    assert migrations.user_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    conn.close()


def test_newer_journal_is_refused_untouched(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    shutil.copy(FIXTURES / "journal-v1.sqlite", path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    conn.close()
    before = digest(path)
    with pytest.raises(db.NewerJournalError) as info:
        db.open_journal(data)
    assert "newer version of rehabjournal" in str(info.value)
    assert str(path) in str(info.value)
    assert digest(path) == before
    assert not (data / "backups").exists()


@pytest.mark.parametrize(
    "content",
    [b"this is a text file, not a journal\n" * 10, b"\x00\x01garbage" * 500],
    ids=["text", "binary"],
)
def test_non_journal_file_is_refused_untouched(tmp_path, content):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(db.JournalError) as info:
        db.open_journal(data)
    assert "not a rehabjournal journal" in str(info.value)
    assert str(path) in str(info.value)
    assert digest(path) == before


def test_corrupt_journal_is_refused_untouched(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    raw = bytearray((FIXTURES / "journal-v1.sqlite").read_bytes())
    # Keep the header, scribble over the b-tree pages.
    for i in range(4096 + 100, len(raw), 7):
        raw[i] = 0xA5
    path.write_bytes(bytes(raw))
    before = digest(path)
    with pytest.raises(db.JournalError) as info:
        db.open_journal(data)
    assert str(path) in str(info.value)
    assert digest(path) == before


def test_other_programs_database_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(db.JournalError, match="another program"):
        db.open_journal(data)
    assert digest(path) == before


def test_read_only_data_folder_gives_a_clear_message(tmp_path, monkeypatch):
    data = tmp_path / "ro"
    data.mkdir()
    data.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: make the permission check see what a user sees
        monkeypatch.setattr(db.os, "access", lambda path, mode: False)
    try:
        with pytest.raises(db.JournalError, match="read-only") as info:
            db.open_journal(data)
        assert str(data) in str(info.value)
        assert not (data / "journal.sqlite").exists()
    finally:
        data.chmod(0o700)


def test_uncreatable_data_folder_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(db.JournalError, match="Cannot create the data folder"):
        db.open_journal(blocker / "sub")
