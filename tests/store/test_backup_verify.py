"""Checked backups (issue 16): free space first, the journal checked before, the copy
checked before it gets its name; unusable copies named with the reason; nothing partial."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from rehabjournal.errors import StorageError
from rehabjournal.services import journal as js
from rehabjournal.services import transfer
from rehabjournal.store import backups, db, safe_write
from rehabjournal.store import models as m

DISK_FULL = "database or disk is full"


def _fill(days: int, start: date = date(2026, 3, 1), notes: str = "") -> None:
    for i in range(days):
        values = {"morning_pain": i % 11, **({"notes": notes} if notes else {})}
        js.save_checkin(start + timedelta(days=i), values)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _leftovers(data: Path) -> list[str]:
    found = []
    for folder in (data, data / "backups"):
        found += [n for n in _names(folder) if safe_write.PART_MARK in n
                  or n.endswith((".restoring", ".encrypting"))]
    return found


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _page(path: Path, table: str) -> tuple[int, int]:
    """(page size, root page) of ``table`` in the SQLite file ``path``."""
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            (table,)).fetchone()[0]
    finally:
        conn.close()
    return size, root


def _damage(path: Path, table: str = "check_in") -> None:
    """Overwrite the root page of ``table`` with garbage (as a failing disk would)."""
    size, root = _page(path, table)
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xa5" * size)


# ---- a normal copy ---------------------------------------------------------------------------

def test_a_copy_is_checked_private_complete_and_nothing_else_is_left(journal):
    _fill(20)
    copy = backups.make_backup(journal, "manual")
    assert copy.parent == journal / "backups"
    assert _names(journal / "backups") == [copy.name]  # no temporary file, no -wal/-shm
    if os.name == "posix":
        assert _mode(copy) == 0o600
    counts, error = backups.inspect_copy(copy, full=True)
    assert error == "" and counts["check_in"] == 20
    conn = sqlite3.connect(db.read_only_uri(copy), uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # stands alone
    conn.close()


def test_a_damaged_journal_is_not_copied_and_the_message_says_how_to_restore(journal):
    _fill(200, notes="x" * 200)
    path = db.journal_path(journal)
    db.close_journal()
    _damage(path)
    with pytest.raises(backups.JournalDamagedError) as caught:
        db.backup_copy(path, "manual")
    text = caught.value.message
    assert text.startswith(f"The journal {path} failed its integrity check (")
    assert "It was not copied into the backups." in text
    assert "File > Restore from Backup..." in text
    assert _names(journal / "backups") == []


# ---- no space: refused first, or failing mid-copy --------------------------------------------

def test_too_little_space_is_refused_before_copying(journal, monkeypatch):
    _fill(30)
    real = shutil.disk_usage
    monkeypatch.setattr(safe_write.shutil, "disk_usage",
                        lambda p: real(p)._replace(free=10_000))
    with pytest.raises(StorageError) as caught:
        backups.make_backup(journal, "manual")
    assert caught.value.message.startswith(
        f"No space left on device in {journal.absolute() / 'backups'}: the backup needs about ")
    assert caught.value.message.endswith("free some space and try again. Nothing was changed.")
    assert _names(journal / "backups") == []


def _full_mid_copy(source, tmp, **_kwargs):
    Path(tmp).write_bytes(b"SQLite format 3\x00" + b"\0" * 5000)  # a partial copy ...
    raise sqlite3.OperationalError(DISK_FULL)  # ... then the disk is full


def _full_for_the_journal(monkeypatch):
    """The disk is full when the new journal (restore, encryption) is written; backups
    still work."""
    real = backups.copy_journal_file

    def copy(source, tmp, **kwargs):
        if Path(tmp).name.startswith(f".{db.JOURNAL_NAME}."):
            return _full_mid_copy(source, tmp)
        return real(source, tmp, **kwargs)

    monkeypatch.setattr(backups, "copy_journal_file", copy)


def test_a_disk_full_mid_copy_leaves_nothing(journal, monkeypatch):
    _fill(5)
    monkeypatch.setattr(backups, "copy_journal_file", _full_mid_copy)
    with pytest.raises(StorageError, match="^No space left on device in .*: the backup needs"):
        backups.make_backup(journal, "manual")
    assert _names(journal / "backups") == []
    assert backups.daily_backup_if_due(journal) is None  # the start-up copy just waits
    assert _names(journal / "backups") == []


def test_a_copy_that_does_not_check_out_is_removed(journal, monkeypatch):
    _fill(5)
    real = backups.all_counts
    calls = []

    def counts(conn):  # the copy (second call) seems to miss a row
        calls.append(1)
        got = real(conn)
        if len(calls) == 2:
            got["check_in"] -= 1
        return got

    monkeypatch.setattr(backups, "all_counts", counts)
    with pytest.raises(StorageError, match="did not check out .*row counts differ"):
        backups.make_backup(journal, "manual")
    assert _names(journal / "backups") == []


def test_a_failed_pre_import_copy_stops_the_import_before_any_write(journal, tmp_path,
                                                                    monkeypatch):
    _fill(2)
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("date,morning_pain\n2026-04-01,3\n2026-04-02,4\n", encoding="utf-8")
    monkeypatch.setattr(backups, "copy_journal_file", _full_mid_copy)
    for _try in range(3):
        with pytest.raises(StorageError, match="^No space left on device"):
            transfer.import_journal_csv(csv_file)
    assert m.CheckIn.select().count() == 2
    assert _names(journal / "backups") == []  # no backup file per try
    monkeypatch.undo()
    report = transfer.import_journal_csv(csv_file)
    assert m.CheckIn.select().count() == 4 and report.backup.name.endswith("-pre-import.sqlite")


def test_a_busy_journal_stops_a_full_import_before_any_write(journal, tmp_path, monkeypatch):
    from rehabjournal.services import exports

    _fill(3)
    out = tmp_path / "all.json"
    exports.export_everything(out)
    db.close_journal()
    db.open_journal(tmp_path / "fresh")
    try:
        def busy(*_a, **_k):
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(backups, "copy_journal_file", busy)
        with pytest.raises(StorageError) as caught:
            exports.import_everything(out)
        assert "locked" in caught.value.message or "busy" in caught.value.message
        assert m.CheckIn.select().count() == 0
        assert _names(tmp_path / "fresh" / "backups") == []
    finally:
        db.close_journal()


# ---- unusable copies: listed with the reason, refused by restore ------------------------------

def _bad_copies(journal: Path) -> dict[str, Path]:
    """One backup-named file of each unusable kind; returns {kind: path}."""
    folder = journal / "backups"
    good = backups.make_backup(journal, "manual", now=datetime(2026, 1, 1, 9, 0))
    made = {"good": good}
    made["empty"] = folder / "journal-20260102-090000-manual.sqlite"
    made["empty"].write_bytes(b"")
    made["partial"] = folder / "journal-20260103-090000-daily.sqlite"
    made["partial"].write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    made["damaged"] = folder / "journal-20260104-090000-daily.sqlite"
    shutil.copyfile(good, made["damaged"])
    _damage(made["damaged"])
    made["text"] = folder / "journal-20260105-090000-daily.sqlite"
    made["text"].write_text("date,morning_pain\n2026-01-05,3\n" * 40, encoding="utf-8")
    made["foreign"] = folder / "journal-20260106-090000-daily.sqlite"
    conn = sqlite3.connect(made["foreign"])
    conn.execute("CREATE TABLE photos (x)")
    conn.commit()
    conn.close()
    made["noise"] = folder / "journal-20260107-090000-daily.sqlite"
    made["noise"].write_bytes(os.urandom(1000))  # not a whole page: no SQLCipher file
    return made


EXPECTED = {
    "empty": "empty (0 bytes): nothing was saved in it",
    "partial": "partial: it is cut short (",
    "damaged": "damaged: it failed SQLite's check (",
    "text": "not a journal: it is a text file",
    "foreign": "not a journal: it is an SQLite database of another program",
    "noise": "not a journal, or a partial copy: it is neither an SQLite file nor a whole "
             "encrypted journal",
}


def test_the_list_marks_each_unusable_copy_with_its_reason(journal):
    _fill(100, notes="n" * 100)
    made = _bad_copies(journal)
    infos = {i.path: i for i in backups.list_backups(journal)}
    assert infos[made["good"]].usable and infos[made["good"]].counts["check_in"] == 100
    for kind, start in EXPECTED.items():
        info = infos[made[kind]]
        assert not info.usable and info.counts == {}, kind
        assert info.error.startswith(start), (kind, info.error)
    assert infos[made["partial"]].error.endswith("the copy was interrupted")
    # listing wrote nothing beside them
    assert not [n for n in _names(journal / "backups") if n.endswith(("-wal", "-shm"))]


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_restore_refuses_an_unusable_copy_with_the_reason(journal, kind):
    _fill(100, notes="n" * 100)
    made = _bad_copies(journal)
    before = _names(journal / "backups")
    with pytest.raises(backups.RestoreError) as caught:
        backups.restore(journal, made[kind])
    text = caught.value.message
    assert text.startswith(f"Cannot restore {made[kind].name}: the copy is {EXPECTED[kind]}")
    assert text.endswith("Your journal was left as it was.")
    assert m.CheckIn.select().count() == 100
    assert _names(journal / "backups") == before  # no pre-restore copy either


def test_restore_runs_a_full_integrity_check_of_the_copy(journal, monkeypatch):
    _fill(3)
    copy = backups.make_backup(journal, "manual")
    seen = []
    real = backups._findings

    def findings(conn, *, full=True):
        seen.append(full)
        return real(conn, full=full)

    monkeypatch.setattr(backups, "_findings", findings)
    backups.restore(journal, copy)
    assert seen[0] is True  # the copy's check before anything else is a full one


# ---- restore writes through a checked temporary file ------------------------------------------

def test_restore_is_private_counts_right_and_leaves_nothing(journal):
    _fill(4)
    copy = backups.make_backup(journal, "manual")
    _fill(6, start=date(2026, 5, 1))
    pre = backups.restore(journal, copy)
    assert m.CheckIn.select().count() == 4
    assert backups.inspect_copy(pre)[0]["check_in"] == 10
    path = db.journal_path(journal)
    if os.name == "posix":
        assert _mode(path) == 0o600 and _mode(pre) == 0o600
    assert _leftovers(journal) == []


def test_a_restore_failing_mid_copy_keeps_the_journal_open_as_it_was(journal, monkeypatch):
    _fill(4)
    copy = backups.make_backup(journal, "manual")
    _fill(6, start=date(2026, 5, 1))
    _full_for_the_journal(monkeypatch)
    with pytest.raises(StorageError, match="^No space left on device in .*: the restored "
                                           "journal needs about"):
        backups.restore(journal, copy)
    assert m.CheckIn.select().count() == 10  # reopened, unchanged
    js.save_checkin(date(2026, 6, 1), {"morning_pain": 1})  # and writable
    assert _leftovers(journal) == []


def test_a_damaged_journal_is_kept_as_it_is_when_a_backup_is_restored(journal):
    _fill(200, notes="x" * 200)
    copy = backups.make_backup(journal, "manual")
    path = db.journal_path(journal)
    db.close_journal()
    _damage(path)
    # open it as the app would not: the models bound without the start-up check
    from peewee import SqliteDatabase

    damaged = SqliteDatabase(str(path), pragmas=db.PRAGMAS)
    m.database.initialize(damaged)
    pre = backups.restore(journal, copy)
    assert pre.name.endswith("-pre-restore-damaged.sqlite")
    assert m.CheckIn.select().count() == 200
    info = {i.path: i for i in backups.list_backups(journal)}[pre]
    assert info.reason_text == "the damaged journal, kept before a restore"
    assert info.error == backups.KEPT_DAMAGED  # listed, never offered for a restore


# ---- encrypted journals ------------------------------------------------------------------------

def test_encrypted_copies_are_checked_and_another_passphrase_is_named(journal):
    pytest.importorskip("sqlcipher3", reason="the [encryption] extra is not installed")
    from rehabjournal.store import encryption

    _fill(5)
    plain = encryption.enable(journal, "first secret")
    assert _leftovers(journal) == []
    if os.name == "posix":
        assert _mode(plain) == 0o600 and _mode(db.journal_path(journal)) == 0o600
    assert backups.inspect_copy(plain, full=True) == (backups.inspect_copy(plain)[0], "")
    first = backups.make_backup(journal, "manual")
    encryption.change_passphrase("second secret")
    second = backups.make_backup(journal, "manual")
    infos = {i.path: i for i in backups.list_backups(journal)}
    assert infos[second].usable and infos[second].counts["check_in"] == 5
    assert infos[first].error == backups.OTHER_KEY
    with pytest.raises(backups.RestoreError,
                       match="the copy is encrypted with another passphrase"):
        backups.restore(journal, first)
    assert m.CheckIn.select().count() == 5
    encryption.disable(journal)
    assert _leftovers(journal) == []
    assert not encryption.is_encrypted(db.journal_path(journal))


@pytest.mark.parametrize("step", ["enable", "disable"])
def test_encryption_failing_mid_copy_changes_nothing_and_leaves_nothing(journal, monkeypatch,
                                                                        step):
    pytest.importorskip("sqlcipher3", reason="the [encryption] extra is not installed")
    from rehabjournal.store import encryption

    _fill(5)
    if step == "disable":
        encryption.enable(journal, "secret")
    was_encrypted = encryption.is_encrypted(db.journal_path(journal))
    _full_for_the_journal(monkeypatch)
    what = "encrypted" if step == "enable" else "decrypted"
    with pytest.raises(StorageError, match=f"^No space left on device in .*: the {what} "
                                           "journal needs about"):
        if step == "enable":
            encryption.enable(journal, "secret")
        else:
            encryption.disable(journal)
    assert encryption.is_encrypted(db.journal_path(journal)) == was_encrypted
    assert m.CheckIn.select().count() == 5  # reopened as it was
    assert _leftovers(journal) == []
    for info in backups.list_backups(journal):  # pre-encrypt / pre-decrypt: whole copies
        assert info.usable, info


# ---- a real full disk (Linux, root) ------------------------------------------------------------

def _tmpfs_skip_reason() -> str:
    if not sys.platform.startswith("linux"):
        return f"a real full disk needs Linux tmpfs; this is {sys.platform}"
    if os.geteuid() != 0:
        return "a real full disk needs root (mount -t tmpfs)"
    return ""


@contextmanager
def _tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"mount -t tmpfs failed: {done.stderr.strip()}")
    try:
        yield path
    finally:
        db.close_journal()
        if subprocess.run(["umount", str(path)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _fill_disk(mount: Path, leave: int) -> None:
    with open(mount / "filler", "wb") as fh:
        while shutil.disk_usage(mount).free > leave:
            try:
                fh.write(b"\0" * min(4096, shutil.disk_usage(mount).free - leave or 4096))
                fh.flush()
            except OSError:
                break


@pytest.mark.skipif(bool(_tmpfs_skip_reason()), reason=_tmpfs_skip_reason() or "runs")
@pytest.mark.parametrize("real_check", [True, False], ids=["refused-first", "full-mid-copy"])
def test_a_really_full_disk_leaves_no_backup_and_stops_an_import(tmp_path, monkeypatch,
                                                                 real_check):
    made = tmp_path / "made"
    db.open_journal(made)
    _fill(150, notes="k" * 300)
    db.close_journal()  # checkpointed: the journal is one file
    size = db.journal_path(made).stat().st_size
    assert size > 60_000, size
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("date,morning_pain\n2027-01-01,3\n", encoding="utf-8")
    if not real_check:  # let the copy start and meet the full disk itself
        monkeypatch.setattr(safe_write, "ensure_space", lambda *a, **k: None)
    with _tmpfs(Path(tempfile.mkdtemp(prefix="rj-full-")), "300k") as mount:
        data = mount / "data"
        data.mkdir()
        shutil.copyfile(db.journal_path(made), db.journal_path(data))
        db.open_journal(data)
        _fill_disk(mount, 30_000)
        with pytest.raises(StorageError) as caught:
            backups.make_backup(data, "manual")
        assert caught.value.message.startswith("No space left on device in "), \
            caught.value.message
        assert _names(data / "backups") == []
        with pytest.raises(StorageError, match="^No space left on device"):
            transfer.import_journal_csv(csv_file)
        assert _names(data / "backups") == []
        assert m.CheckIn.select().count() == 150
        assert _leftovers(data) == []
