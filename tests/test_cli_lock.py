"""One lock for the app and every writing command (issue 16, items 2 and 8).

A second process really holds the lock (as the app does: the lock, then the journal open):
writing commands are refused with exit 5 naming it and change nothing; reading commands work
alongside without writing the journal; the app is refused while a command holds it. SQLite
kept busy by another program is "the journal is busy", exit 5. A command that made the
journal and then failed removes what it made; a headless --demo leaves no folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from rehabjournal import cli
from rehabjournal.services import journal as js
from rehabjournal.services import session

CSV = "date,morning_pain\n2026-03-05,2\n"


@pytest.fixture(autouse=True)
def _closed():
    yield
    session.close_journal()


@pytest.fixture
def journal_dir(tmp_path):
    data = tmp_path / "data"
    session.open_journal(data)
    js.save_checkin(date(2026, 3, 2), {"morning_pain": 3})
    js.save_checkin(date(2026, 3, 3), {"morning_pain": 4})
    session.close_journal()
    return data


def _rows(data: Path) -> int:
    conn = sqlite3.connect(f"{(data / 'journal.sqlite').as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM check_in").fetchone()[0]
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Holder:
    """A second process holding the journal's lock (and, like the app, the journal open)."""

    def __init__(self, data: Path, what: str = "the rehabjournal app", open_it: bool = True):
        code = textwrap.dedent(f"""
            import time
            from pathlib import Path
            from rehabjournal.services import session
            data = Path({str(data)!r})
            lock = session.lock_journal(data, {what!r})
            if {open_it!r}:
                session.open_journal(data)
            print("READY", flush=True)
            time.sleep(300)
        """)
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                     text=True)
        assert self.proc.stdout.readline().strip() == "READY"
        self.pid = self.proc.pid

    def end(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()


@pytest.fixture
def app_holds(journal_dir):
    holder = Holder(journal_dir)
    yield holder
    holder.end()


def _held_message(data: Path, pid: int, what="the rehabjournal app",
                  todo="Close it") -> str:
    return (f"rehabjournal: error: The journal in {data} is in use by {what} (process {pid} on "
            f"{socket.gethostname()}). {todo}, then run the command again. Nothing was "
            "changed.\n")


def _write_inputs(tmp_path: Path) -> dict[str, list[str]]:
    (tmp_path / "in.csv").write_text(CSV, "utf-8")
    (tmp_path / "all.json").write_text("{}", "utf-8")
    (tmp_path / "prog.json").write_text("{}", "utf-8")
    return {"import": ["import", str(tmp_path / "in.csv")],
            "import-all": ["import-all", str(tmp_path / "all.json")],
            "programme import": ["programme", "import", str(tmp_path / "prog.json")]}


@pytest.mark.parametrize("which", ["import", "import-all", "programme import"])
def test_a_writing_command_is_refused_while_the_app_holds_the_journal(
        app_holds, journal_dir, tmp_path, capsys, which):
    argv = _write_inputs(tmp_path)[which]
    backups = sorted(os.listdir(journal_dir / "backups")) if (
        journal_dir / "backups").exists() else []
    assert cli.main(["--data-dir", str(journal_dir), *argv]) == 5
    captured = capsys.readouterr()
    assert captured.err == _held_message(journal_dir, app_holds.pid)
    assert captured.out == ""
    assert _rows(journal_dir) == 2
    now = sorted(os.listdir(journal_dir / "backups")) if (
        journal_dir / "backups").exists() else []
    assert now == backups  # not even a pre-import backup copy


def test_a_writing_command_held_by_another_command_is_told_to_wait(journal_dir, tmp_path):
    holder = Holder(journal_dir, "rehabjournal import-all", open_it=False)
    try:
        (tmp_path / "in.csv").write_text(CSV, "utf-8")
        result = subprocess.run([sys.executable, "-m", "rehabjournal", "--data-dir",
                                 str(journal_dir), "import", str(tmp_path / "in.csv")],
                                capture_output=True, text=True, timeout=120)
    finally:
        holder.end()
    assert result.returncode == 5
    assert result.stderr == _held_message(journal_dir, holder.pid, "rehabjournal import-all",
                                          "Wait for it to finish")
    assert _rows(journal_dir) == 2


@pytest.mark.parametrize("argv", [
    ["export", "{tmp}/out.csv"],
    ["summary", "--json", "--from", "2026-03-01", "--to", "2026-03-07"],
    ["patterns", "--json"],
    ["backup"],
    ["export-all", "{tmp}/all.json"],
    ["fhir", "{tmp}/fhir.json"],
])
def test_a_reading_command_works_alongside_the_app_and_writes_nothing(
        app_holds, journal_dir, tmp_path, capsys, argv):
    journal = journal_dir / "journal.sqlite"
    before = _sha(journal)
    wal = Path(f"{journal}-wal")
    wal_before = wal.read_bytes() if wal.exists() else None
    argv = [a.format(tmp=tmp_path) for a in argv]
    assert cli.main(["--data-dir", str(journal_dir), *argv]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert _sha(journal) == before
    assert (wal.read_bytes() if wal.exists() else None) == wal_before
    if argv[0] == "export":
        assert (tmp_path / "out.csv").read_text("utf-8").count("2026-03-0") == 2
    elif argv[0] == "summary":
        assert json.loads(out)
    elif argv[0] == "backup":
        copies = list((journal_dir / "backups").glob("journal-*-manual*.sqlite"))
        assert len(copies) == 1
        conn = sqlite3.connect(copies[0])
        try:
            assert conn.execute("SELECT count(*) FROM check_in").fetchone()[0] == 2
        finally:
            conn.close()
    # the holder still has its lock: a writer is still refused
    (tmp_path / "in.csv").write_text(CSV, "utf-8")
    assert cli.main(["--data-dir", str(journal_dir), "import", str(tmp_path / "in.csv")]) == 5


def test_a_reading_command_alongside_refuses_a_journal_it_would_have_to_migrate(
        journal_dir, tmp_path, capsys):
    journal = journal_dir / "journal.sqlite"
    conn = sqlite3.connect(journal)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version - 1}")  # as an older version left it
    conn.close()
    before = _sha(journal)
    holder = Holder(journal_dir, open_it=False)
    try:
        assert cli.main(["--data-dir", str(journal_dir), "export",
                         str(tmp_path / "o.csv")]) == 5
    finally:
        holder.end()
    assert capsys.readouterr().err == (
        f"rehabjournal: error: The journal {journal} is from an older version of rehabjournal "
        f"(schema {version - 1}; this version updates it to {version}), which cannot happen "
        f"while the rehabjournal app (process {holder.pid} on {socket.gethostname()}) has it "
        "open. Close it, then run the command again. Nothing was changed.\n")
    assert _sha(journal) == before
    assert not (tmp_path / "o.csv").exists()
    assert not (journal_dir / "backups").exists()


def test_the_app_is_refused_while_a_command_holds_the_journal(journal_dir):
    from rehabjournal.ui.app import AlreadyOpenError, acquire_lock

    holder = Holder(journal_dir, "rehabjournal import", open_it=False)
    try:
        with pytest.raises(AlreadyOpenError) as caught:
            acquire_lock(journal_dir)
    finally:
        holder.end()
    assert str(caught.value) == (
        f"The journal in {journal_dir} is in use by the command 'rehabjournal import' "
        f"(process {holder.pid} on {socket.gethostname()}). Wait for it to finish, then open "
        "rehabjournal again.")
    acquire_lock(journal_dir).unlock()  # free again once the command ended


def test_a_command_holds_the_lock_while_it_runs(journal_dir, tmp_path, monkeypatch, capsys):
    """The app (or another writer) cannot take the journal while a command works on it."""
    import rehabjournal.services.transfer as transfer
    from rehabjournal.store.journal_lock import LockHeldError, acquire

    seen = []

    def export(path, **_options):
        with pytest.raises(LockHeldError) as caught:
            acquire(journal_dir, "the rehabjournal app")
        seen.append(caught.value.holder)
        return 0

    monkeypatch.setattr(transfer, "export_journal_csv", export)
    assert cli.main(["--data-dir", str(journal_dir), "export", str(tmp_path / "o.csv")]) == 0
    assert seen[0].what == "rehabjournal export" and seen[0].pid == os.getpid()
    acquire(journal_dir, "the rehabjournal app").release()  # released when it ended


# ---- SQLite busy: another program holds the journal file itself ---------------------------


def test_sqlite_busy_is_the_busy_message_exit_5_and_nothing_is_written(journal_dir, tmp_path):
    journal = journal_dir / "journal.sqlite"
    code = textwrap.dedent(f"""
        import sqlite3, time
        conn = sqlite3.connect({str(journal)!r}, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        print("READY", flush=True)
        time.sleep(300)
    """)
    blocker = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert blocker.stdout.readline().strip() == "READY"
        (tmp_path / "in.csv").write_text(CSV, "utf-8")
        result = subprocess.run([sys.executable, "-m", "rehabjournal", "--data-dir",
                                 str(journal_dir), "import", str(tmp_path / "in.csv")],
                                capture_output=True, text=True, timeout=120)
        # a reader still works through SQLite's readers (WAL)
        summary = subprocess.run([sys.executable, "-m", "rehabjournal", "--data-dir",
                                  str(journal_dir), "summary", "--json"],
                                 capture_output=True, text=True, timeout=120)
    finally:
        blocker.kill()
        blocker.wait()
        blocker.stdout.close()
    assert result.returncode == 5, result.stderr
    assert result.stderr == (
        f"rehabjournal: error: The journal is busy: another program is using {journal} "
        "(perhaps a sync or backup tool). Nothing was changed; try again in a moment.\n")
    assert _rows(journal_dir) == 2
    assert summary.returncode == 0, summary.stderr


# ---- leftovers, created journals, demo folders ----------------------------------------------


def test_a_writing_command_sweeps_leftovers_and_says_so(journal_dir, tmp_path, capsys):
    leftover = journal_dir / ".out.csv.99999999-0badf00d.rjpart"
    leftover.write_bytes(b"half an export")
    (tmp_path / "in.csv").write_text(CSV, "utf-8")
    assert cli.main(["--data-dir", str(journal_dir), "import", str(tmp_path / "in.csv")]) == 0
    assert "rehabjournal: note: removed 1 file left by an interrupted operation\n" in \
        capsys.readouterr().err
    assert not leftover.exists()
    assert _rows(journal_dir) == 3


@pytest.mark.parametrize("argv", [["import", "{tmp}/bad.csv"], ["import-all", "{tmp}/bad.json"],
                                  ["programme", "import", "{tmp}/bad.json"]])
def test_a_failed_command_removes_the_journal_and_folders_it_made(tmp_path, capsys, argv):
    (tmp_path / "bad.csv").write_text("date,morning_pain\n2026-03-02,12\n", "utf-8")
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    fresh = tmp_path / "new" / "journal folder"
    code = cli.main(["--data-dir", str(fresh), *[a.format(tmp=tmp_path) for a in argv]])
    assert code == 3, capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_a_failed_command_in_an_empty_folder_leaves_the_folder_as_it_was(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    assert cli.main(["--data-dir", str(folder), "import-all", str(tmp_path / "bad.json")]) == 3
    assert sorted(os.listdir(folder)) == ["notes.txt"]


def test_a_failed_import_into_an_existing_journal_keeps_it(journal_dir, tmp_path):
    (tmp_path / "bad.csv").write_text("date,morning_pain\n2026-03-02,12\n", "utf-8")
    assert cli.main(["--data-dir", str(journal_dir), "import", str(tmp_path / "bad.csv")]) == 3
    assert _rows(journal_dir) == 2


@pytest.mark.parametrize("argv", [["summary", "--json"],
                                  ["programme", "export", "{tmp}/p.json", "--programme", "nope"]])
def test_headless_demo_leaves_no_folder_behind(tmp_path, argv):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    result = subprocess.run([sys.executable, "-m", "rehabjournal", "--demo",
                             *[a.format(tmp=tmp_path) for a in argv]], capture_output=True,
                            text=True, timeout=300, env={**os.environ, "TMPDIR": str(tmp)})
    assert result.returncode in (0, 4), result.stderr
    assert "Traceback" not in result.stderr
    assert os.listdir(tmp) == []


def test_a_demo_folder_that_fails_to_fill_is_removed(tmp_path, monkeypatch):
    import tempfile

    from rehabjournal.services import demo

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def broken(seed):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo, "generate_demo", broken)
    with pytest.raises(OSError):
        demo.make_demo_dir()
    assert os.listdir(tmp_path) == []
    # and a folder not made by make_demo_dir is never removed
    mine = tmp_path / "rehabjournal-demo-mine"
    mine.mkdir()
    demo.remove_demo_dir(tmp_path / "rehabjournal-demo-mine" / "..")
    demo.remove_demo_dir(tmp_path)
    assert mine.is_dir()
