"""Optional encryption at rest with SQLCipher: enable, open, wrong passphrase, rekey."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="the [encryption] extra is not installed")

from rehabjournal.services import journal as js  # noqa: E402
from rehabjournal.store import backups, db, encryption, migrations  # noqa: E402
from rehabjournal.store import models as m  # noqa: E402

SECRET = "correct horse 'battery' staple"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _fill():
    js.save_profile({"name": "Zoë", "joint": "knee"})
    for d in range(1, 6):
        js.save_checkin(date(2026, 3, d), {"morning_pain": d, "notes": "secret-marker"})


def _plain_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.glob("journal.sqlite*"))


def test_enable_encrypts_the_file_and_keeps_working(journal):
    _fill()
    backup = encryption.enable(journal, SECRET)
    path = db.journal_path(journal)
    assert encryption.is_encrypted(path)
    assert backup.exists() and not encryption.is_encrypted(backup)  # the plaintext copy
    # the models are bound to the encrypted journal; reading and writing work
    assert m.CheckIn.select().count() == 5
    js.save_checkin(date(2026, 3, 6), {"morning_pain": 1, "notes": "secret-marker"})
    db.close_journal()
    data = _plain_bytes(journal)
    assert b"secret-marker" not in data and b"SQLite format 3" not in data
    # plain SQLite cannot read it; opening it as a plaintext journal is refused
    with pytest.raises(db.JournalError):
        db.open_journal(journal)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM check_in").fetchall()
    conn.close()
    encryption.open_encrypted(journal, SECRET)
    assert m.CheckIn.select().count() == 6
    conn = m.database.obj
    assert conn.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute_sql("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    assert conn.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_wrong_passphrase_is_a_clear_error_and_changes_nothing(journal):
    _fill()
    encryption.enable(journal, SECRET)
    db.close_journal()
    before = db.journal_path(journal).read_bytes()
    with pytest.raises(encryption.WrongPassphraseError, match="passphrase does not open"):
        encryption.open_encrypted(journal, "wrong")
    assert db.journal_path(journal).read_bytes() == before
    assert m.database.obj is None or m.database.obj.is_closed()


def test_change_passphrase(journal):
    _fill()
    encryption.enable(journal, SECRET)
    encryption.change_passphrase("new one")
    js.save_checkin(date(2026, 3, 9), {"morning_pain": 2})
    db.close_journal()
    with pytest.raises(encryption.WrongPassphraseError):
        encryption.open_encrypted(journal, SECRET)
    encryption.open_encrypted(journal, "new one")
    assert m.CheckIn.select().count() == 6


def test_backups_of_an_encrypted_journal_are_encrypted_and_restorable(journal):
    _fill()
    encryption.enable(journal, SECRET)
    copy = backups.make_backup(journal, "manual")
    assert encryption.is_encrypted(copy)
    js.save_checkin(date(2026, 4, 1), {"morning_pain": 9})
    infos = {i.path: i for i in backups.list_backups(journal)}
    assert infos[copy].counts["check_in"] == 5 and not infos[copy].error
    pre = backups.restore(journal, copy)
    assert encryption.is_encrypted(pre)
    assert encryption.is_encrypted(db.journal_path(journal))
    assert m.CheckIn.select().count() == 5
    assert backups.daily_backup_if_due(journal) is not None


def test_disable_gives_a_plain_journal_back(journal):
    _fill()
    encryption.enable(journal, SECRET)
    encryption.disable(journal)
    assert not encryption.is_encrypted(db.journal_path(journal))
    assert m.CheckIn.select().count() == 5
    db.close_journal()
    db.open_journal(journal)
    assert m.CheckIn.select().count() == 5


def test_an_older_encrypted_journal_is_migrated(tmp_path):
    data = tmp_path / "old"
    data.mkdir()
    shutil.copy(FIXTURES / "journal-v1.sqlite", db.journal_path(data))
    # encrypt the v1 file as it is, without migrating it
    sqlcipher = encryption._driver()
    conn = sqlcipher.connect(str(db.journal_path(data)), isolation_level=None)
    encryption._export(conn, data / "enc.sqlite", SECRET)
    conn.close()
    (data / "enc.sqlite").replace(db.journal_path(data))
    encryption.open_encrypted(data, SECRET)
    try:
        assert m.database.obj.execute_sql("PRAGMA user_version").fetchone()[0] == \
            migrations.LATEST
        (pre,) = backups.list_backups(data)
        assert pre.reason == f"pre-v{migrations.LATEST}" and encryption.is_encrypted(pre.path)
    finally:
        db.close_journal()


def test_enable_refuses_an_empty_passphrase_and_a_second_time(journal):
    with pytest.raises(ValueError):
        encryption.enable(journal, "")
    encryption.enable(journal, SECRET)
    with pytest.raises(db.JournalError, match="already encrypted"):
        encryption.enable(journal, SECRET)
