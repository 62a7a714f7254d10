"""store.safe_write: a written file is complete or absent, private (0600), never written over
a device, a pipe or a folder; a full disk is told as such; what a killed writer left behind
is recognisable and swept at the next start, and nothing else is."""

from __future__ import annotations

import errno
import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rehabjournal.errors import StorageError
from rehabjournal.store import safe_write as sw

POSIX = os.name == "posix"
NO_SPACE_END = "; free some space and try again. Nothing was changed."


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def private(path: Path) -> bool:
    return not POSIX or stat.S_IMODE(os.stat(path).st_mode) == 0o600


def dead_pid() -> int:
    """The pid of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


# ---- a written file -------------------------------------------------------------------------

def test_a_written_file_is_private_and_replaces_the_old_one(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old", encoding="utf-8")
    if POSIX:
        os.chmod(out, 0o644)
    assert sw.write_text(out, "new\n") == out
    assert out.read_text(encoding="utf-8") == "new\n"
    assert private(out)
    assert names(tmp_path) == ["out.csv"]


@pytest.mark.parametrize("failure", [RuntimeError("the writer failed"), KeyboardInterrupt()])
def test_a_failed_writer_leaves_nothing_and_keeps_the_old_file(tmp_path, failure):
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(type(failure)), sw.atomic_open(out, "w", what="the export") as fh:
        fh.write("x" * 100_000)
        raise failure
    assert out.read_text(encoding="utf-8") == "old"
    assert names(tmp_path) == ["out.json"]


def test_a_writer_that_needs_a_name_gets_a_private_empty_file_beside_the_target(tmp_path):
    out = tmp_path / "copy.sqlite"
    with sw.atomic_path(out) as tmp:
        assert tmp.parent == tmp_path and tmp.name.endswith(sw.PART_MARK)
        assert tmp.stat().st_size == 0 and private(tmp)
        with sqlite3.connect(tmp) as con:
            con.execute("create table t(x)")
        con.close()
    assert names(tmp_path) == ["copy.sqlite"]  # no -journal beside it either
    assert private(out)


# ---- targets that are not files -------------------------------------------------------------

def _fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path = folder / "pipe"
    os.mkfifo(path)
    return path


def _dangling(folder: Path) -> Path:
    path = folder / "link.csv"
    try:
        os.symlink(folder / "gone.csv", path)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links cannot be made here")
    return path


@pytest.mark.parametrize(("kind", "reason"), [
    ("folder", "it is a folder; give a file name."),
    ("fifo", "it is a pipe (FIFO), not a regular file; give a file name."),
    ("dangling", "it is a link to a file that does not exist; give another name."),
])
def test_a_target_that_is_not_a_file_is_refused_and_left_as_it_is(tmp_path, kind, reason):
    target = {"folder": lambda f: f, "fifo": _fifo, "dangling": _dangling}[kind](tmp_path)
    before = names(tmp_path)
    with pytest.raises(StorageError) as info:
        sw.write_bytes(target, b"data", doing="export to", what="the export")
    assert str(info.value) == f"Cannot export to {target}: {reason}"
    assert info.value.where == str(target)
    assert names(tmp_path) == before
    assert not (tmp_path / "gone.csv").exists()  # a dangling link's target is not created
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_a_device_is_never_replaced(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    with pytest.raises(StorageError) as info:
        sw.write_text(Path(device), "date,pain\n", what="the export")
    assert str(info.value) == (f"Cannot write {device}: it is a device, not a regular file; "
                               "give a file name.")
    assert stat.S_ISCHR(os.lstat(device).st_mode), "the device node is still a device"
    assert not [n for n in os.listdir("/dev") if n.endswith(sw.PART_MARK)]


def test_check_target_also_names_a_missing_folder(tmp_path):
    target = tmp_path / "no such folder" / "x.csv"
    with pytest.raises(StorageError) as info:
        sw.check_target(target, "export to")
    assert str(info.value) == (f"Cannot export to {target}: the folder {target.parent} does "
                               "not exist.")
    with pytest.raises(StorageError) as info:  # the writers: the system's words
        sw.write_text(target, "x")
    assert str(info.value) == f"Cannot write {target}: No such file or directory."
    assert not target.parent.exists()


# ---- a full disk ----------------------------------------------------------------------------

class _FullAfter:
    """A file that takes ``room`` bytes, then says "No space left on device"."""

    def __init__(self, fh, room: int):
        self.fh, self.room = fh, room

    def write(self, data):
        size = len(data.encode("utf-8") if isinstance(data, str) else data)
        if size > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= size
        return self.fh.write(data)

    def __getattr__(self, name):
        return getattr(self.fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()


def test_a_disk_that_fills_while_writing_is_told_with_the_whole_size(tmp_path, monkeypatch):
    real_open = open
    monkeypatch.setattr(sw, "open", lambda *a, **k: _FullAfter(real_open(*a, **k), 65_536),
                        raising=False)
    out = tmp_path / "export.csv"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(StorageError) as info, \
            sw.atomic_open(out, "w", what="the export", encoding="utf-8", newline="") as fh:
        for _ in range(30_000):  # 3 MB: the writer goes on after the disk is full
            fh.write("2026-03-02,4,5" + "," * 84 + "\r\n")  # 100 bytes a row
    assert str(info.value) == (f"No space left on device in {tmp_path}: the export needs "
                               f"about 3.0 MB{NO_SPACE_END}")
    assert info.value.where == str(tmp_path)
    assert out.read_text(encoding="utf-8") == "old"
    assert names(tmp_path) == ["export.csv"]


def test_a_full_disk_at_the_rename_is_told_with_the_size_of_the_file(tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sw.os, "replace", full)
    with pytest.raises(StorageError) as info:
        sw.write_bytes(tmp_path / "report.pdf", b"%" * 2_500_000, what="the report")
    assert str(info.value) == (f"No space left on device in {tmp_path}: the report needs "
                               f"about 2.5 MB{NO_SPACE_END}")
    assert names(tmp_path) == []


def test_sqlite_saying_disk_is_full_is_a_full_disk_too(tmp_path):
    with pytest.raises(StorageError) as info, sw.atomic_path(tmp_path / "b.sqlite",
                                                             what="the backup") as tmp:
        tmp.write_bytes(b"x" * 300_000)
        raise sqlite3.OperationalError("database or disk is full")
    assert str(info.value) == (f"No space left on device in {tmp_path}: the backup needs "
                               f"about 0.3 MB{NO_SPACE_END}")
    assert names(tmp_path) == []


def test_without_what_a_full_disk_is_raised_as_it_came(tmp_path, monkeypatch):
    monkeypatch.setattr(sw.os, "replace",
                        lambda *_a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(OSError, match="full"):
        sw.write_bytes(tmp_path / "x.bin", b"x")
    assert names(tmp_path) == []


def test_is_no_space_and_the_smallest_size_said():
    assert sw.is_no_space(OSError(errno.ENOSPC, "No space left on device"))
    assert sw.is_no_space(sqlite3.OperationalError("database or disk is full"))
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as exc:
            raise RuntimeError("cannot rollback - no transaction is active") from exc
    except RuntimeError as exc:
        assert sw.is_no_space(exc)
    assert not sw.is_no_space(PermissionError(errno.EACCES, "Permission denied"))
    assert "needs about 0.1 MB;" in str(sw.no_space_error(Path("/x"), "the export", 5))
    assert str(sw.no_space_error(Path("/x"), "the export")) == (
        f"No space left on device in /x: the export could not be written{NO_SPACE_END}")



def test_a_real_full_disk_leaves_nothing(tiny_disk):
    with pytest.raises(StorageError) as info:
        sw.write_bytes(tiny_disk / "report.pdf", b"%" * 1_000_000, what="the report")
    assert str(info.value) == (f"No space left on device in {tiny_disk}: the report needs "
                               f"about 1.0 MB{NO_SPACE_END}")
    assert names(tiny_disk) == []

    (tiny_disk / "old.csv").write_text("old", encoding="utf-8")
    with pytest.raises(StorageError) as info, \
            sw.atomic_open(tiny_disk / "old.csv", "w", what="the export",
                           encoding="utf-8", newline="") as fh:
        for _ in range(12_500):
            fh.write("x" * 79 + "\n")  # 1 MB, line by line
    assert str(info.value) == (f"No space left on device in {tiny_disk}: the export needs "
                               f"about 1.0 MB{NO_SPACE_END}")
    assert names(tiny_disk) == ["old.csv"]
    assert (tiny_disk / "old.csv").read_text(encoding="utf-8") == "old"


def test_a_real_disk_with_nothing_free_leaves_no_empty_file(tiny_disk):
    filler = tiny_disk / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"f" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    with pytest.raises(StorageError) as info:
        sw.write_text(tiny_disk / "export.json", "{}\n" * 5000, what="the export")
    assert str(info.value).startswith(f"No space left on device in {tiny_disk}: the export "
                                      "needs about ")
    assert names(tiny_disk) == ["filler"]


# ---- leftovers of a killed writer -----------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from rehabjournal.store import safe_write as sw

    sw.use_data_dir(Path(sys.argv[1]))
    with sw.atomic_open(Path(sys.argv[2]), "w", what="the export", encoding="utf-8") as fh:
        fh.write("date,pain\\n" * 10_000)
        fh.flush()
        print("writing", flush=True)
        while True:
            fh.write("2026-03-02,4\\n" * 1000)
""")


def _kill_while_writing(data_dir: Path, out: Path) -> Path:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), str(out)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "writing\n"
        time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGKILL if POSIX else signal.SIGTERM)
        proc.wait(timeout=30)
        proc.stdout.close()
    left = [p for p in out.parent.iterdir() if p.name.endswith(sw.PART_MARK)]
    assert len(left) == 1, names(out.parent)
    return left[0]


@pytest.mark.skipif(not POSIX, reason="SIGKILL and the dead-process check are POSIX")
def test_a_killed_writer_leaves_a_recognisable_private_file_that_the_next_start_removes(
        tmp_path):
    data_dir, desktop = tmp_path / "data", tmp_path / "desktop"
    data_dir.mkdir()
    desktop.mkdir()
    (data_dir / "journal.sqlite").write_bytes(b"journal")
    (desktop / "keep.txt").write_text("mine", encoding="utf-8")
    (desktop / ".hidden").write_text("mine too", encoding="utf-8")
    out = desktop / "export.csv"

    left = _kill_while_writing(data_dir, out)
    assert re.fullmatch(r"\.export\.csv\.\d+-[0-9a-f]+\.rjpart", left.name)
    assert private(left) and left.stat().st_size > 0
    assert not out.exists()
    assert len(list((data_dir / sw.INFLIGHT_DIR).iterdir())) == 1

    assert sw.sweep_leftovers(data_dir) == [left]
    assert names(desktop) == [".hidden", "keep.txt"]
    assert names(data_dir) == ["journal.sqlite"]  # the emptied records folder goes too
    assert sw.sweep_leftovers(data_dir) == []


@pytest.mark.skipif(not POSIX, reason="the dead-process check is POSIX")
def test_the_sweep_removes_only_leftovers_of_processes_that_are_gone(tmp_path):
    data_dir = tmp_path / "data"
    (data_dir / "backups").mkdir(parents=True)
    dead, alive = dead_pid(), os.getpid()
    gone = [data_dir / f".journal.sqlite.{dead}-0a1b2c3d.rjpart",
            data_dir / f".journal.sqlite.{dead}-0a1b2c3d.rjpart-journal",
            data_dir / "backups" / f".journal-2026.sqlite.{dead}-ffee0011.rjpart",
            data_dir / ".journal.sqlite.restoring"]
    kept = [data_dir / f".journal.sqlite.{alive}-0a1b2c3d.rjpart",  # still being written
            data_dir / "journal.sqlite",
            data_dir / ".settings",
            data_dir / "notes.rjpart",
            data_dir / "backups" / "journal-2026.sqlite"]
    for path in gone + kept:
        path.write_bytes(b"x")
    removed = sw.sweep_leftovers(data_dir)
    assert sorted(removed) == sorted(gone)
    assert all(p.exists() for p in kept)


def test_a_finished_write_elsewhere_leaves_no_record_in_the_data_folder(tmp_path):
    """The record of a write outside the data folder (for the sweep after a crash) goes
    with the write: the data folder is as it was."""
    data, elsewhere = tmp_path / "data", tmp_path / "desktop"
    data.mkdir()
    elsewhere.mkdir()
    sw.use_data_dir(data)
    try:
        with sw.atomic_path(elsewhere / "out.csv") as tmp:
            assert [p.name for p in (data / sw.INFLIGHT_DIR).iterdir()] == [f"{tmp.name}.path"]
            tmp.write_text("a,b\n")
        assert list(data.iterdir()) == []
        assert (elsewhere / "out.csv").read_text() == "a,b\n"
    finally:
        sw.use_data_dir(None)


def test_an_empty_record_of_a_dead_writer_is_swept_with_its_folder(tmp_path):
    """A full disk once left 0-byte records in .inflight that no sweep could read."""
    data = tmp_path / "data"
    records = data / sw.INFLIGHT_DIR
    records.mkdir(parents=True)
    (records / ".out.csv.99999999-0badf00d.rjpart.path").write_bytes(b"")
    live = tmp_path / f".e.csv.{os.getpid()}-00c0ffee.rjpart"
    (records / f"{live.name}.path").write_text(str(live))
    assert sw.sweep_leftovers(data) == []
    assert [p.name for p in records.iterdir()] == [f"{live.name}.path"]  # its writer runs
    (records / f"{live.name}.path").unlink()
    sw.sweep_leftovers(data)
    assert list(data.iterdir()) == []


def test_a_record_that_cannot_be_written_leaves_nothing(tmp_path, monkeypatch):
    data, elsewhere = tmp_path / "data", tmp_path / "desktop"
    data.mkdir()
    elsewhere.mkdir()
    real_fdopen = os.fdopen

    def full(fd, *args, **kwargs):
        fh = real_fdopen(fd, *args, **kwargs)
        fh.close()
        raise OSError(errno.ENOSPC, "No space left on device")

    sw.use_data_dir(data)
    try:
        monkeypatch.setattr(sw.os, "fdopen", full)
        with sw.atomic_path(elsewhere / "out.csv") as tmp:
            tmp.write_text("x")
    finally:
        sw.use_data_dir(None)
    assert list(data.iterdir()) == []
    assert (elsewhere / "out.csv").read_text() == "x"
