"""Journals encrypted with the old [encryption] module (sqlcipher3-binary) open with today's
sqlcipher3, and their passphrase can be changed; a journal in an older SQLCipher file format
is rewritten in the current one after a backup copy in its own format, and is left as it was
when that fails."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="the [encryption] extra is not installed")

from rehabjournal.errors import StorageError  # noqa: E402
from rehabjournal.services import journal as js  # noqa: E402
from rehabjournal.store import backups, db, encryption  # noqa: E402
from rehabjournal.store import models as m  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLD = FIXTURES / "journal-sqlcipher3-binary-0.5.0.sqlite"
OLD_KEY = "rehab 'old-module' Zoë"  # tests/fixtures/README.md


@pytest.fixture
def old_journal(tmp_path):
    """A data folder holding the journal sqlcipher3-binary 0.5.0 encrypted."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(OLD, db.journal_path(data))
    yield data
    db.close_journal()


def _rows() -> tuple:
    """What the user sees of the fixture's rows (tests/fixtures/README.md, journal-v5)."""
    return (m.Profile.get().name,
            m.CheckIn.get(m.CheckIn.day == date(2026, 1, 10)).notes,
            m.CheckIn.select().count(),
            m.ActivitySession.select().count(),
            m.ActivitySession.get(m.ActivitySession.day == date(2026, 1, 20)).notes,
            m.RedFlag.get().note)


ROWS = ("Zoë Łukasiewicz", "first entry ✓", 7, 9, "by hand", "gave way on stairs")


def _raw(path: Path, key: str, compatibility: int | None = None):
    """The driver itself, without the app: open ``path`` in one SQLCipher format."""
    sqlcipher = encryption._driver()
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {encryption._quote(key)}")
    if compatibility is not None:
        conn.execute(f"PRAGMA cipher_compatibility = {compatibility}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise
    return conn


def _in_sqlcipher3_format(data: Path) -> None:
    """Rewrite the (fixture) journal of ``data`` in SQLCipher 3's format, as SQLCipher 3
    wrote it, with the driver alone."""
    path = db.journal_path(data)
    old = data / "v3.sqlite"
    conn = _raw(path, OLD_KEY)
    conn.execute(f"ATTACH DATABASE '{old}' AS v3 KEY {encryption._quote(OLD_KEY)}")
    conn.execute("PRAGMA v3.cipher_compatibility = 3")
    conn.execute("SELECT sqlcipher_export('v3')")
    for pragma in ("user_version", "application_id"):
        value = conn.execute(f"PRAGMA main.{pragma}").fetchone()[0]
        conn.execute(f"PRAGMA v3.{pragma} = {value}")
    conn.execute("PRAGMA v3.journal_mode = WAL")  # as the app's journals are
    conn.execute("DETACH DATABASE v3")
    conn.close()
    old.replace(path)
    sqlcipher = encryption._driver()
    with pytest.raises(sqlcipher.DatabaseError, match="not a database"):
        _raw(path, OLD_KEY)  # SQLCipher 4's defaults do not read it: it really is format 3
    _raw(path, OLD_KEY, compatibility=3).close()


def test_the_bundled_sqlcipher_is_4():
    # the extra's promise (pyproject, docs/your-data.md): SQLCipher 4, which reads the old
    # module's journals as they are; a 5 would rewrite them (update_format) on first open
    assert encryption.current_format() == 4, (
        f"sqlcipher3 now bundles SQLCipher {encryption.sqlcipher_version()}: every journal "
        "encrypted so far will be rewritten on its first open (update_format); say so in "
        "docs/your-data.md and check the fixture tests below")


def test_sqlcipher3_deleted_by_uninstalling_the_old_module_says_how_to_fix_it(monkeypatch):
    # both packages install the module sqlcipher3: `pip uninstall sqlcipher3-binary` after
    # installing sqlcipher3 deletes its files while pip still lists it as installed
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # import sqlcipher3 fails
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    with pytest.raises(encryption.EncryptionUnavailable,
                       match=r"sqlcipher3 [0-9.]+ is installed but its files are missing .*"
                             r"pip install --force-reinstall sqlcipher3"):
        encryption._driver()
    assert not encryption.available()


def test_a_journal_of_the_old_module_opens_and_reads_as_it_is(old_journal):
    path = db.journal_path(old_journal)
    assert encryption.file_format(path, OLD_KEY) == 4  # SQLCipher 4.5.2 wrote it
    encryption.open_encrypted(old_journal, OLD_KEY)
    assert _rows() == ROWS
    js.save_checkin(date(2026, 1, 21), {"morning_pain": 2, "notes": "new module"})
    db.close_journal()
    # same file format: not rewritten, no copy "before updating the encryption format"
    assert [b.reason for b in backups.list_backups(old_journal)
            if b.reason == encryption.FORMAT_UPDATE] == []
    assert encryption.is_encrypted(path)
    encryption.open_encrypted(old_journal, OLD_KEY)
    assert m.CheckIn.get(m.CheckIn.day == date(2026, 1, 21)).notes == "new module"


def test_the_old_modules_journal_refuses_a_wrong_passphrase_and_is_unchanged(old_journal):
    before = sorted(p.name for p in old_journal.iterdir())
    with pytest.raises(encryption.WrongPassphraseError, match="passphrase does not open"):
        encryption.open_encrypted(old_journal, "rehab 'old-module' Zoe")
    assert db.journal_path(old_journal).read_bytes() == OLD.read_bytes()
    assert sorted(p.name for p in old_journal.iterdir()) == before


def test_the_passphrase_of_the_old_modules_journal_can_be_changed(old_journal):
    encryption.open_encrypted(old_journal, OLD_KEY)
    encryption.change_passphrase("new ✓ passphrase")
    db.close_journal()
    with pytest.raises(encryption.WrongPassphraseError):
        encryption.open_encrypted(old_journal, OLD_KEY)
    encryption.open_encrypted(old_journal, "new ✓ passphrase")
    assert _rows() == ROWS
    db.close_journal()
    _raw(db.journal_path(old_journal), "new ✓ passphrase").close()  # the driver agrees


def test_an_sqlcipher3_format_journal_is_rewritten_after_a_backup_in_its_format(old_journal):
    _in_sqlcipher3_format(old_journal)
    path = db.journal_path(old_journal)
    assert encryption.file_format(path, OLD_KEY) == 3
    encryption.open_encrypted(old_journal, OLD_KEY)
    assert _rows() == ROWS
    db.close_journal()
    _raw(path, OLD_KEY).close()  # SQLCipher 4's own format now
    assert encryption.file_format(path, OLD_KEY) == 4
    (copy,) = backups.list_backups(old_journal)
    assert copy.reason == encryption.FORMAT_UPDATE and copy.usable
    assert copy.reason_text == "before updating the encryption format"
    assert encryption.file_format(copy.path, OLD_KEY) == 3  # the journal as it was
    assert copy.counts["check_in"] == 7 and copy.counts["activity_session"] == 9
    assert sorted(p.name for p in old_journal.iterdir()) == ["backups", "journal.sqlite"]
    # the copy can be put back: it is rewritten in the current format again
    encryption.open_encrypted(old_journal, OLD_KEY)
    backups.restore(old_journal, copy.path)
    assert _rows() == ROWS
    db.close_journal()
    assert encryption.file_format(path, OLD_KEY) == 4


def test_an_sqlcipher3_format_journal_refuses_a_wrong_passphrase(old_journal):
    _in_sqlcipher3_format(old_journal)
    before = db.journal_path(old_journal).read_bytes()
    with pytest.raises(encryption.WrongPassphraseError):
        encryption.open_encrypted(old_journal, "wrong")
    assert db.journal_path(old_journal).read_bytes() == before
    assert not (old_journal / db.BACKUP_DIR).exists()


def test_a_read_only_open_of_an_sqlcipher3_format_journal_writes_nothing(old_journal):
    _in_sqlcipher3_format(old_journal)
    before = db.journal_path(old_journal).read_bytes()
    encryption.open_encrypted(old_journal, OLD_KEY, migrate=False)
    assert _rows() == ROWS
    db.close_journal()
    assert db.journal_path(old_journal).read_bytes() == before
    assert sorted(p.name for p in old_journal.iterdir()) == ["journal.sqlite"]


def test_a_failed_rewrite_leaves_the_sqlcipher3_format_journal_as_it_was(old_journal,
                                                                         monkeypatch):
    _in_sqlcipher3_format(old_journal)
    path = db.journal_path(old_journal)
    before = path.read_bytes()
    real = backups.copy_journal_file

    def fails_halfway(source, tmp, **kw):
        if kw.get("cipher_format") is not None:
            return real(source, tmp, **kw)  # the backup copy in the old format
        tmp.write_bytes(before[:8192])  # a partial copy, then the disk fails
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backups, "copy_journal_file", fails_halfway)
    with pytest.raises(Exception, match="disk I/O error"):
        encryption.open_encrypted(old_journal, OLD_KEY)
    assert path.read_bytes() == before  # nothing partial: the temporary file is gone
    assert sorted(p.name for p in old_journal.iterdir()) == ["backups", "journal.sqlite"]
    monkeypatch.undo()
    encryption.open_encrypted(old_journal, OLD_KEY)  # the next open does it
    assert _rows() == ROWS
    db.close_journal()
    assert encryption.file_format(path, OLD_KEY) == 4


def _on_tiny_disk(old_journal: Path, tiny_disk: Path) -> Path:
    data = tiny_disk / "data"
    data.mkdir()
    shutil.copy(db.journal_path(old_journal), db.journal_path(data))
    return data


def test_no_space_for_the_backup_leaves_the_sqlcipher3_format_journal_as_it_was(
        old_journal, tiny_disk):
    _in_sqlcipher3_format(old_journal)
    data = _on_tiny_disk(old_journal, tiny_disk)
    path = db.journal_path(data)
    before = path.read_bytes()
    # leave less than the backup needs (the journal's size and SQLite's 64 KB)
    free = shutil.disk_usage(tiny_disk).free
    (tiny_disk / "filler").write_bytes(b"x" * (free - len(before) - 65536 + 8192))
    with pytest.raises(StorageError, match="No space left on device.*the backup needs"):
        encryption.open_encrypted(data, OLD_KEY)
    assert path.read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) in (["journal.sqlite"],
                                                      ["backups", "journal.sqlite"])
    assert list((data / db.BACKUP_DIR).glob("*")) == []  # no copy, not even a partial one


def test_no_space_for_the_rewrite_leaves_the_journal_as_it_was_and_its_copy_whole(
        old_journal, tiny_disk):
    _in_sqlcipher3_format(old_journal)
    data = _on_tiny_disk(old_journal, tiny_disk)  # 200 KB: the 58 KB copy fits, not both
    path = db.journal_path(data)
    before = path.read_bytes()
    with pytest.raises(StorageError,
                       match="No space left on device.*the encrypted journal needs"):
        encryption.open_encrypted(data, OLD_KEY)
    assert path.read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == ["backups", "journal.sqlite"]
    (copy,) = backups.list_backups(data)  # read with the journal's passphrase
    assert copy.reason == encryption.FORMAT_UPDATE
    assert backups.inspect_copy(copy.path, OLD_KEY, full=True)[1] == ""
    assert encryption.file_format(copy.path, OLD_KEY) == 3
