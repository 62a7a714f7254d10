"""Every file the app writes (CSV, full JSON, FHIR, programme file, calendar, report PDF,
programme sheet, a saved copy of a PDF) is complete or absent: private (0600), never written
over a device, a pipe, a folder or a dangling link (refused before the journal is read), a
full disk told as "No space left on device in FOLDER: ... needs about N MB", and what a
killed export left behind swept at the next start."""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import peewee
import pytest

from rehabjournal.errors import StorageError
from rehabjournal.store import safe_write as sw

POSIX = os.name == "posix"
END = date(2026, 3, 17)
NO_SPACE_END = "; free some space and try again. Nothing was changed."
NAMES = ["csv", "json", "fhir", "programme", "calendar", "report", "sheet", "pdf copy"]
WHAT = {"csv": "the export", "json": "the export", "fhir": "the FHIR bundle",
        "programme": "the programme file", "calendar": "the calendar", "report": "the report",
        "sheet": "the programme sheet", "pdf copy": "the PDF"}


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def private(path: Path) -> bool:
    return not POSIX or stat.S_IMODE(os.stat(path).st_mode) == 0o600


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    from rehabjournal.services.demo import generate_demo
    from rehabjournal.store.db import close_journal, open_journal
    from rehabjournal.store.library import sync_shipped_exercises

    folder = tmp_path_factory.mktemp("writers-demo")
    open_journal(folder)
    sync_shipped_exercises()
    generate_demo(end=END)
    close_journal()
    return folder


@pytest.fixture(scope="module")
def made(demo_dir, tmp_path_factory):
    """The demo's active programme, its report data and a built report PDF."""
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services import programme as ps
    from rehabjournal.services.report import build_report_data
    from rehabjournal.store.db import close_journal, open_journal

    open_journal(demo_dir)
    pid = ps.active_programme()["id"]
    report = build_report_data(date(2026, 2, 18), END, made=END)
    source = tmp_path_factory.mktemp("built") / "report.pdf"
    build_pdf(report, source)
    close_journal()
    return pid, report, source


@pytest.fixture
def write(demo_dir, made):
    """{name: function(path)} writing each kind of file from the open demo journal."""
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.reports.programme_sheet import write_programme_sheet
    from rehabjournal.services import exports, files, transfer
    from rehabjournal.services import programme as ps
    from rehabjournal.store.db import close_journal, open_journal

    pid, report, source = made
    open_journal(demo_dir)
    yield {
        "csv": transfer.export_journal_csv,
        "json": exports.export_everything,
        "fhir": exports.export_fhir,
        "programme": lambda p: ps.export_programme_file(pid, p),
        "calendar": lambda p: ps.export_calendar(pid, p, date(2026, 3, 1), END),
        "report": lambda p: build_pdf(report, p),
        "sheet": lambda p: write_programme_sheet(p, pid, made=END),
        "pdf copy": lambda p: files.copy_file(source, p, what="the PDF"),
    }
    close_journal()


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


# ---- a written file -------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_every_writer_writes_a_private_file_and_nothing_beside_it(write, out_dir, name):
    out = out_dir / "file.out"
    out.write_bytes(b"old")
    if POSIX:
        os.chmod(out, 0o644)
    write[name](out)
    assert out.read_bytes() != b"old" and out.stat().st_size > 100
    assert private(out)
    assert names(out_dir) == ["file.out"]


# ---- targets that are not files -------------------------------------------------------------

def _target(kind: str, folder: Path) -> Path:
    if kind == "folder":
        return folder
    if kind == "/dev/null":
        if not os.path.exists("/dev/null"):
            pytest.skip("no /dev/null here")
        return Path("/dev/null")
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(folder / "pipe")
        return folder / "pipe"
    try:
        os.symlink(folder / "gone.csv", folder / "link.csv")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links cannot be made here")
    return folder / "link.csv"


REASONS = {
    "folder": "it is a folder; give a file name.",
    "/dev/null": "it is a device, not a regular file; give a file name.",
    "fifo": "it is a pipe (FIFO), not a regular file; give a file name.",
    "dangling": "it is a link to a file that does not exist; give another name.",
}


@pytest.fixture
def journal_unread(monkeypatch):
    """From now on, reading the journal fails the test."""
    def read(*_args, **_kwargs):
        raise AssertionError("the journal was read before the target was checked")

    monkeypatch.setattr(peewee.Database, "execute_sql", read)


@pytest.mark.parametrize("kind", list(REASONS))
@pytest.mark.parametrize("name", NAMES)
def test_every_writer_refuses_what_is_not_a_file_before_reading_the_journal(
        write, out_dir, journal_unread, name, kind):
    target = _target(kind, out_dir)
    before = names(out_dir)
    verb = "save" if name == "pdf copy" else "write"
    with pytest.raises(StorageError) as info:
        write[name](target)
    assert str(info.value) == f"Cannot {verb} {target}: {REASONS[kind]}"
    assert info.value.where == str(target)
    assert names(out_dir) == before
    assert not (out_dir / "gone.csv").exists()
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    if kind == "/dev/null":
        assert stat.S_ISCHR(os.lstat(target).st_mode)


def test_the_command_line_check_names_the_path_and_why(tmp_path, monkeypatch):
    from rehabjournal.services.files import check_output

    monkeypatch.chdir(tmp_path)
    assert check_output("export.csv") == tmp_path / "export.csv"
    with pytest.raises(StorageError) as info:
        check_output(Path("nowhere") / "x.csv", "export to")
    assert str(info.value) == (f"Cannot export to {tmp_path / 'nowhere' / 'x.csv'}: the "
                               f"folder {tmp_path / 'nowhere'} does not exist.")
    if os.path.exists("/dev/full"):
        with pytest.raises(StorageError) as info:
            check_output("/dev/full", "export to")
        assert str(info.value) == ("Cannot export to /dev/full: it is a device, not a "
                                   "regular file; give a file name.")
        assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


# ---- a full disk ----------------------------------------------------------------------------

def _sizes(write, folder: Path, which: list[str] = NAMES) -> dict[str, int]:
    """The size of each file when it can be written."""
    folder.mkdir()
    sizes = {}
    for name in which:
        out = folder / name.replace(" ", "-")
        write[name](out)
        sizes[name] = out.stat().st_size
    shutil.rmtree(folder)
    return sizes


def _no_space(folder: Path, name: str, size: int) -> str:
    return (f"No space left on device in {folder}: {WHAT[name]} needs about "
            f"{sw._megabytes(size)}{NO_SPACE_END}")


@pytest.mark.parametrize("name", NAMES)
def test_a_full_disk_on_every_writer_says_so_and_leaves_the_old_file(
        write, out_dir, tmp_path, monkeypatch, name):
    size = _sizes(write, tmp_path / "reference", [name])[name]

    def full(_path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sw, "fsync_file", full)
    out = out_dir / "file.out"
    out.write_bytes(b"old")
    with pytest.raises(StorageError) as info:
        write[name](out)
    assert str(info.value) == _no_space(out_dir, name, size)
    assert out.read_bytes() == b"old"
    assert names(out_dir) == ["file.out"]



def _fill(folder: Path, leave: int) -> None:
    room = shutil.disk_usage(folder).free - leave
    with open(folder / "filler", "wb", buffering=0) as fh:
        try:
            while room > 0:
                room -= fh.write(b"f" * min(4096, room))
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.mark.parametrize("free", [0, 40_000, 150_000])
def test_a_real_full_disk_leaves_each_file_complete_or_absent_and_says_why(
        write, tiny_disk, tmp_path, free):
    sizes = _sizes(write, tmp_path / "reference")
    _fill(tiny_disk, free)
    failed = []
    for name in NAMES:
        out = tiny_disk / name.replace(" ", "-")
        try:
            write[name](out)
        except StorageError as exc:
            failed.append(name)
            assert str(exc) == _no_space(tiny_disk, name, sizes[name])
            assert not out.exists()
        else:  # it fitted: complete and private
            assert out.stat().st_size == sizes[name] and private(out)
            out.unlink()
        assert names(tiny_disk) == ["filler"], name
    if free == 0:
        assert failed == NAMES
    else:
        assert "report" in failed  # the report PDF (about 0.4 MB) never fits


# ---- an export killed while it writes -------------------------------------------------------

EXPORTER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from rehabjournal.services import exports
    from rehabjournal.store import full_export, safe_write
    from rehabjournal.store.db import open_journal

    data_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    open_journal(data_dir)
    safe_write.use_data_dir(data_dir)
    big = full_export.export_data()
    big["tables"]["padding"] = ["a row of health data " * 4] * 5_000_000  # a large journal
    full_export.export_data = lambda now=None: big
    exports.export_everything(out)
""")


@pytest.mark.skipif(not POSIX, reason="SIGKILL and the dead-process check are POSIX")
def test_a_killed_export_leaves_only_a_private_rjpart_that_the_next_start_removes(
        demo_dir, tmp_path):
    data_dir, desktop = tmp_path / "data", tmp_path / "desktop"
    shutil.copytree(demo_dir, data_dir)
    desktop.mkdir()
    (desktop / "keep.json").write_text("{}", encoding="utf-8")
    out = desktop / "everything.json"

    proc = subprocess.Popen([sys.executable, "-c", EXPORTER, str(data_dir), str(out)])
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            parts = [p for p in desktop.iterdir() if p.name.endswith(sw.PART_MARK)]
            if parts and parts[0].stat().st_size > 1_000_000:
                break
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "killed while it was writing"

    left = [p for p in desktop.iterdir() if p.name != "keep.json"]
    assert len(left) == 1 and not out.exists()
    assert re.fullmatch(r"\.everything\.json\.\d+-[0-9a-f]+\.rjpart", left[0].name)
    assert private(left[0])
    journal_files = names(data_dir)

    assert sw.sweep_leftovers(data_dir) == [left[0]]
    assert names(desktop) == ["keep.json"]
    # nothing of the journal's was touched; the emptied record folder is gone
    assert names(data_dir) == [n for n in journal_files if n != sw.INFLIGHT_DIR]


# ---- the app's "save a copy of the PDF" -----------------------------------------------------

def test_saving_a_copy_of_a_pdf(tmp_path, monkeypatch):
    pytest.importorskip("PySide6")
    from rehabjournal.ui.pages.reports import save_pdf_copy

    source = tmp_path / "built.pdf"
    source.write_bytes(b"%PDF-1.4 " + b"x" * 200_000)
    saved = save_pdf_copy(source, tmp_path / "copy")
    assert saved == tmp_path / "copy.pdf" and saved.read_bytes() == source.read_bytes()
    assert private(saved)

    missing = tmp_path / "gone" / "r.pdf"
    with pytest.raises(StorageError) as info:
        save_pdf_copy(source, missing)
    assert str(info.value) == f"Could not save {missing}: No such file or directory."

    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(StorageError) as info:
        save_pdf_copy(source, tmp_path / "folder.pdf")
    assert str(info.value) == (f"Cannot save {tmp_path / 'folder.pdf'}: it is a folder; give "
                               "a file name.")

    monkeypatch.setattr(sw, "fsync_file", lambda _p: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(StorageError) as info:
        save_pdf_copy(source, tmp_path / "copy.pdf")
    assert str(info.value) == (f"No space left on device in {tmp_path}: the PDF needs about "
                               f"0.2 MB{NO_SPACE_END}")
    assert saved.read_bytes() == source.read_bytes()
    assert names(tmp_path) == ["built.pdf", "copy.pdf", "folder.pdf"]
