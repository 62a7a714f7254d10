"""Every kind of file at the journal's place is refused with its own message, untouched.

Not a byte changes, no file appears beside it (no ``-wal``/``-shm``, nothing at a link's
target), and the app asks for a passphrase only for a file that can be SQLCipher.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from rehabjournal.errors import StorageError
from rehabjournal.services import session
from rehabjournal.store import db, encryption, migrations
from rehabjournal.store import models as m

LEFT = "It was left untouched"
RESTORE = f"{LEFT}; restore a backup from the backups folder beside it."


def _listing(folder: Path) -> dict[str, str]:
    """{name: sha256 or link target} of everything in ``folder``, hidden files too."""
    out = {}
    for name in sorted(os.listdir(folder)):
        p = folder / name
        if p.is_symlink():
            out[name] = "-> " + os.readlink(p)
        elif p.is_file():
            out[name] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[name] = "dir"
    return out


def _journal_bytes(tmp_path: Path) -> bytes:
    """The bytes of a real, closed journal with a check-in."""
    folder = tmp_path / "made"
    db.open_journal(folder)
    m.CheckIn.create(day=date(2026, 3, 1), morning_pain=3, notes="knee fine " * 30)
    db.close_journal()
    return (folder / db.JOURNAL_NAME).read_bytes()


def _set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def _flip(raw: bytes, at: int, n: int = 16) -> bytes:
    b = bytearray(raw)
    for i in range(at, at + n):
        b[i] ^= 0xFF
    return bytes(b)


def _make(kind: str, path: Path, raw: bytes) -> str:
    """Put a file of ``kind`` at ``path``; returns the exact message it must get."""
    if kind == "zero-length":
        path.write_bytes(b"")
        return (f"The journal {path} is empty (0 bytes): it holds no entries. {LEFT}; if you "
                "meant to start a new journal, remove it.")
    if kind == "empty-sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.execute("DROP TABLE t")
        conn.commit()
        conn.close()
        return (f"{path} is an empty SQLite database (no tables), not a journal. {LEFT}; "
                "if you meant to start a new journal, remove it.")
    if kind == "dangling-link":
        target = path.parent / "elsewhere" / "journal.sqlite"
        path.symlink_to(target)
        return (f"{path} is a link to {target}, which does not exist. {LEFT} (nothing was "
                "created there); if you meant to start a new journal, remove the link.")
    if kind == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
        return (f"The journal {path} is damaged: it is truncated: its header says {len(raw)} "
                f"bytes ({len(raw) // 4096} pages of 4096), the file has {len(raw) // 2}. "
                + RESTORE)
    if kind == "flipped-bytes":
        path.write_bytes(_flip(raw, 3 * 4096))  # a b-tree page's header
        return (f"The journal {path} is damaged: SQLite's check found: Page 4: "
                f"btreeInitPage() returns error code 11. " + RESTORE)
    if kind == "flipped-header":
        path.write_bytes(_flip(raw, 0))
        return (f"The journal {path} is damaged: the first bytes of its SQLite header are "
                "changed. " + RESTORE)
    if kind == "text":
        path.write_text("date,pain\n2026-03-01,4\n" * 200, encoding="utf-8")
        return f"{path} is a text file, not a rehabjournal journal. {LEFT}."
    if kind == "zeros":
        path.write_bytes(bytes(8192))
        return (f"{path} is damaged or not a rehabjournal journal (it is not an SQLite "
                f"database). {LEFT}.")
    if kind == "newer":
        path.write_bytes(raw)
        _set_version(path, migrations.LATEST + 5)
        return (f"The journal {path} was made by a newer version of rehabjournal (schema "
                f"{migrations.LATEST + 5}; this version reads up to {migrations.LATEST}). "
                f"Update rehabjournal to open it. {LEFT}.")
    if kind == "negative-version":
        path.write_bytes(raw)
        _set_version(path, -1)
        return (f"{path} is not a rehabjournal journal: its schema version is -1, which no "
                f"version of rehabjournal writes. {LEFT}.")
    if kind == "other-program":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
        conn.close()
        return (f"{path} is an SQLite database of another program, not a rehabjournal "
                f"journal. {LEFT}.")
    if kind == "folder":
        path.mkdir()
        return f"{path} is a folder, not a journal. {LEFT}."
    raise AssertionError(kind)


KINDS = ["zero-length", "empty-sqlite", "dangling-link", "truncated", "flipped-bytes",
         "flipped-header", "text", "zeros", "newer", "negative-version", "other-program",
         "folder"]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_refused_with_its_message_and_nothing_changes(tmp_path, kind):
    raw = _journal_bytes(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    path = data / db.JOURNAL_NAME
    message = _make(kind, path, raw)
    before = _listing(data)
    asked = []
    with pytest.raises(db.JournalError) as info:
        # the app's way in: a passphrase is asked for only when the file can be SQLCipher
        session.open_journal(data, lambda: asked.append(1) or "secret")
    assert str(info.value) == message
    assert asked == []
    assert encryption.is_encrypted(path) is False
    assert _listing(data) == before, "a file changed or appeared beside the journal"
    assert not (data / "elsewhere").exists()
    assert db.database.obj is None or not db.holds(path)


def test_the_kinds_have_different_messages(tmp_path):
    raw = _journal_bytes(tmp_path)
    seen = set()
    for kind in KINDS:
        folder = tmp_path / kind
        folder.mkdir()
        message = _make(kind, folder / db.JOURNAL_NAME, raw)
        seen.add(message.replace(str(folder / db.JOURNAL_NAME), "PATH"))
    assert len(seen) == len(KINDS)


def test_a_refused_journal_with_a_leftover_wal_gets_no_shm(tmp_path):
    """A crash left ``-wal`` (and no ``-shm``): reading it read-only makes a ``-shm``,
    which the inspection removes again; the ``-wal`` stays as it was."""
    made = tmp_path / "made"
    db.open_journal(made)
    m.CheckIn.create(day=date(2026, 3, 1), morning_pain=3)
    db.database.obj.execute_sql(f"PRAGMA user_version = {migrations.LATEST + 1}")
    data = tmp_path / "data"
    data.mkdir()
    for suffix in ("", "-wal"):  # copied while open: the WAL holds the last commits
        shutil.copy(f"{made / db.JOURNAL_NAME}{suffix}", f"{data / db.JOURNAL_NAME}{suffix}")
    db.close_journal()
    before = _listing(data)
    assert set(before) == {"journal.sqlite", "journal.sqlite-wal"}
    with pytest.raises(db.NewerJournalError, match=f"schema {migrations.LATEST + 1}"):
        db.open_journal(data)  # the version is only in the -wal: it was read
    assert _listing(data) == before


def test_a_refused_wal_mode_journal_gets_no_side_files(tmp_path):
    raw = _journal_bytes(tmp_path)
    assert raw[18:20] == b"\x02\x02"  # a WAL-mode file: mode=ro would create -wal, -shm
    data = tmp_path / "data"
    data.mkdir()
    path = data / db.JOURNAL_NAME
    path.write_bytes(raw)
    _set_version(path, migrations.LATEST + 1)
    before = _listing(data)
    with pytest.raises(db.NewerJournalError):
        db.inspect(path)
    assert _listing(data) == before


def test_a_link_to_a_journal_opens_it(tmp_path):
    _journal_bytes(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    (data / db.JOURNAL_NAME).symlink_to(tmp_path / "made" / db.JOURNAL_NAME)
    db.open_journal(data)
    try:
        assert m.CheckIn.get().morning_pain == 3
    finally:
        db.close_journal()


def test_an_sqlcipher_journal_is_asked_a_passphrase(tmp_path):
    pytest.importorskip("sqlcipher3")
    data = tmp_path / "data"
    db.open_journal(data)
    m.CheckIn.create(day=date(2026, 3, 1), morning_pain=5)
    encryption.enable(data, "right one")
    db.close_journal()
    path = data / db.JOURNAL_NAME
    assert encryption.is_encrypted(path)
    with pytest.raises(db.EncryptedJournalError, match="needs its passphrase"):
        db.inspect(path)
    asked = []
    session.open_journal(data, lambda: asked.append(1) or "right one")
    try:
        assert asked == [1] and m.CheckIn.get().morning_pain == 5
    finally:
        db.close_journal()


@pytest.mark.parametrize(("head", "size", "expected"), [
    (os.urandom(64), 8192, True),
    (os.urandom(64), 8000, False),  # not a whole number of pages
    (b"", 0, False),
    (bytes(64), 4096, False),
    (b"This is some text that goes on and on, past sixty-four letters.", 4096, False),
    (b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2", 4096, False),
    (_flip(b"SQLite format 3\x00" + bytes(48), 0, 4), 4096, False),
])
def test_looks_encrypted(head, size, expected):
    assert db.looks_encrypted(head, size) is expected


def test_undecodable_text_in_a_damaged_journal_is_a_message(tmp_path):
    data = tmp_path / "data"
    db.open_journal(data)
    m.CheckIn.create(day=date(2026, 3, 1), morning_pain=3, notes="fine")
    db.close_journal()
    path = data / db.JOURNAL_NAME
    conn = sqlite3.connect(path)
    conn.execute("UPDATE check_in SET notes = CAST(x'41ff42' AS TEXT)")
    conn.commit()
    conn.close()
    db.open_journal(data)  # the quick check does not look at text
    try:
        with pytest.raises(db.JournalError) as info:
            list(m.CheckIn.select())
    finally:
        db.close_journal()
    assert str(info.value) == (
        f"The journal {path} is damaged: some of its text cannot be read (not valid UTF-8). "
        "Nothing was changed; restore a backup from the backups folder beside it.")


def test_a_new_journal_is_complete_or_absent(tmp_path, monkeypatch):
    data = tmp_path / "data"

    def broken(conn, *args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "migrate", broken)
    with pytest.raises(sqlite3.OperationalError):
        db.open_journal(data)
    assert os.listdir(data) == []  # no 0-byte or schema-less journal.sqlite to refuse later


# ---- a full disk is "no space", never "damaged" ------------------------------------------

def _full_tmpfs(tmp_path: Path) -> Path:
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a small tmpfs")
    mnt = tmp_path / "small"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(mnt)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    return mnt


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"x" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    assert shutil.disk_usage(folder).free == 0


def test_no_space_opening_a_journal_says_so(tmp_path):
    mnt = _full_tmpfs(tmp_path)
    try:
        data = mnt / "data"
        db.open_journal(data)
        m.CheckIn.create(day=date(2026, 3, 1), morning_pain=3)
        db.close_journal()
        _fill(mnt)
        before = _listing(data)
        with pytest.raises(StorageError) as info:
            db.open_journal(data)
        assert str(info.value) == (
            f"No space left on device in {data}: opening the journal needs about 0.1 MB; "
            "free some space and try again. Nothing was changed.")
        assert _listing(data) == before
        assert db.inspect(data / db.JOURNAL_NAME) == migrations.LATEST  # inspecting works
        new = mnt / "new"
        new.mkdir()
        with pytest.raises(StorageError, match=r"^No space left on device in ") as info:
            db.open_journal(new)
        assert "damaged" not in str(info.value)
        assert os.listdir(new) == []
    finally:
        db.close_journal()
        subprocess.run(["umount", str(mnt)], check=False)
