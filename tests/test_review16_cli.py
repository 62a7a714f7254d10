"""What a fresh review of issue 16 broke, each now a test: a busy journal made a pre-import
backup per try and a programme import listed 45 "unknown exercises"; a passphrase file with a
blank line after it was "wrong"; the wrong-passphrase message named an SQLite URI and
SQLCipher printed raw lines; restoring a plaintext copy left an encrypted journal readable."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from rehabjournal import cli
from rehabjournal.services import journal as js
from rehabjournal.services import session

SECRET = "Correct horse 'battery' stäple"


@pytest.fixture(autouse=True)
def _closed():
    yield
    session.close_journal()


def _journal(data: Path) -> Path:
    session.open_journal(data)
    js.save_checkin(date(2026, 3, 2), {"morning_pain": 3})
    session.close_journal()
    return data


def _run(*argv, stdin=subprocess.DEVNULL):
    return subprocess.run([sys.executable, "-m", "rehabjournal", *map(str, argv)],
                          capture_output=True, text=True, timeout=120, stdin=stdin)


class _Busy:
    """Another program holding SQLite's write lock on the journal (a sync tool)."""

    def __init__(self, journal: Path):
        code = textwrap.dedent(f"""
            import sqlite3, time
            conn = sqlite3.connect({str(journal)!r}, isolation_level=None)
            conn.execute("BEGIN EXCLUSIVE")
            print("READY", flush=True)
            time.sleep(300)
        """)
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                     text=True)
        assert self.proc.stdout.readline().strip() == "READY"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()


def test_a_busy_journal_stops_an_import_before_its_backup_copy(tmp_path):
    data = _journal(tmp_path / "data")
    (tmp_path / "in.csv").write_text("date,morning_pain\n2026-03-05,2\n", "utf-8")
    copies = sorted((data / "backups").glob("*")) if (data / "backups").exists() else []
    with _Busy(data / "journal.sqlite"):
        tries = [_run("--data-dir", data, "import", tmp_path / "in.csv") for _ in range(2)]
    for result in tries:
        assert result.returncode == 5, result.stderr
        assert "The journal is busy" in result.stderr and "Traceback" not in result.stderr
    now = sorted((data / "backups").glob("*")) if (data / "backups").exists() else []
    assert now == copies  # no pre-import copy per failed try


def test_a_busy_journal_stops_a_programme_import_with_the_busy_message(tmp_path):
    data = _journal(tmp_path / "data")
    assert cli.main(["--demo", "programme", "export", str(tmp_path / "p.json")]) == 0
    with _Busy(data / "journal.sqlite"):
        result = _run("--data-dir", data, "programme", "import", tmp_path / "p.json")
    assert result.returncode == 5, result.stderr
    assert result.stderr.startswith("rehabjournal: error: The journal is busy")
    assert "unknown exercise" not in result.stderr




@pytest.fixture
def encrypted(tmp_path):
    pytest.importorskip("sqlcipher3", reason="SQLCipher (the [encryption] extra) is missing")
    from rehabjournal.store import encryption

    data = _journal(tmp_path / "data")
    session.open_journal(data)
    encryption.enable(data, SECRET)
    session.close_journal()
    return data


def test_a_passphrase_file_uses_its_first_line_only(encrypted, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET + "\n\n", "utf-8")  # an editor's blank line after it
    assert cli.main(["--data-dir", str(encrypted), "--passphrase-file", str(secret),
                     "summary", "--json"]) == 0, capsys.readouterr().err
    assert json.loads(capsys.readouterr().out)


def test_a_wrong_passphrase_is_one_line_naming_the_file(encrypted, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", "utf-8")
    result = _run("--data-dir", encrypted, "--passphrase-file", wrong, "export",
                  tmp_path / "o.csv")
    assert result.returncode == 1
    assert result.stderr == (
        f"rehabjournal: error: The passphrase does not open the journal "
        f"{encrypted / 'journal.sqlite'}. Check it and try again (capitals count). A "
        "forgotten passphrase cannot be recovered.\n")  # no URI, no SQLCipher log lines


def test_restoring_a_plaintext_copy_keeps_an_encrypted_journal_encrypted(encrypted):
    from rehabjournal.services.backups import list_backups, restore_backup
    from rehabjournal.store import encryption, models

    plain = next(b for b in list_backups(encrypted) if b.reason == "pre-encrypt")
    session.open_journal(encrypted, SECRET)
    js.save_checkin(date(2026, 3, 3), {"morning_pain": 5})
    restore_backup(encrypted, plain.path)
    assert models.CheckIn.select().count() == 1  # the copy's rows
    session.close_journal()
    journal = encrypted / "journal.sqlite"
    assert encryption.is_encrypted(journal)
    assert not journal.read_bytes().startswith(b"SQLite format 3")
    session.open_journal(encrypted, SECRET)  # still opens with its passphrase
    assert models.CheckIn.select().count() == 1


@pytest.mark.parametrize("given", ["none", "wrong"])
def test_an_encrypted_looking_journal_refused_gets_no_lock_file_beside_it(tmp_path, given,
                                                                        capsys, monkeypatch):
    pytest.importorskip("sqlcipher3", reason="SQLCipher (the [encryption] extra) is missing")
    import os

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite").write_bytes(os.urandom(8192))  # what SQLCipher looks like
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", "utf-8")
    extra = ["--passphrase-file", str(wrong)] if given == "wrong" else []
    for argv in (["export", str(tmp_path / "o.csv")], ["import", str(tmp_path / "x.csv")]):
        (tmp_path / "x.csv").write_text("date,morning_pain\n2026-03-02,2\n", "utf-8")
        assert cli.main(["--data-dir", str(data), *extra, *argv]) == 1
        err = capsys.readouterr().err
        assert ("is encrypted: give its passphrase" in err if given == "none"
                else "The passphrase does not open the journal" in err), err
    assert [p.name for p in data.iterdir()] == ["journal.sqlite"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM/SIGHUP are POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_demo_command_stopped_by_a_signal_removes_its_folder(tmp_path, signame):
    """A closed terminal (SIGHUP) or a kill (SIGTERM) during a --demo command left its
    /tmp/rehabjournal-demo-* folder behind; now every clean-up runs as for Ctrl+C."""
    import os
    import signal
    import time

    env = {**os.environ, "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "rehabjournal", "--demo", "report",
                             "--out", str(tmp_path / "r.pdf")], env=env,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the demo journal is being made
        if list(tmp_path.glob("rehabjournal-demo-*/journal.sqlite")):
            break
        time.sleep(0.05)
    else:
        pytest.fail("the demo folder never appeared")
    proc.send_signal(getattr(signal, signame))
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + getattr(signal, signame), err
    assert err.strip() == f"rehabjournal: stopped ({signame}); nothing half-written was left."
    assert list(tmp_path.glob("rehabjournal-demo-*")) == []
    assert not (tmp_path / "r.pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.parametrize("argv", [["summary"], ["backup"], ["export", "{tmp}/o.csv"],
                                  ["import", "{tmp}/in.csv"]])
def test_a_data_folder_that_is_a_file_is_named_as_such(tmp_path, capsys, argv):
    (tmp_path / "in.csv").write_text("date,morning_pain\n2026-03-02,2\n", "utf-8")
    not_a_dir = tmp_path / "notadir"
    not_a_dir.write_text("mine", "utf-8")
    code = cli.main(["--data-dir", str(not_a_dir), *[a.format(tmp=tmp_path) for a in argv]])
    assert code == 1
    assert capsys.readouterr().err == (
        f"rehabjournal: error: Cannot use the data folder {not_a_dir}: it is a file, not a "
        "folder; give a folder with --data-dir (or $REHABJOURNAL_DATA_DIR).\n")
    assert not_a_dir.read_text("utf-8") == "mine"


def test_a_data_folder_below_a_file_names_the_file(tmp_path, capsys):
    blocker = tmp_path / "afile"
    blocker.write_text("mine", "utf-8")
    assert cli.main(["--data-dir", str(blocker / "sub"), "summary"]) == 1
    assert capsys.readouterr().err == (
        f"rehabjournal: error: Cannot use the data folder {blocker / 'sub'}: {blocker} is a "
        "file, not a folder; give a folder with --data-dir (or $REHABJOURNAL_DATA_DIR).\n")


def test_a_programme_import_waits_for_a_short_hold_like_every_writer(tmp_path):
    """A programme import gave up at once on a journal another program held for a moment
    (a deferred transaction cannot wait); writing commands now wait SQLite's bounded 5 s."""
    data = _journal(tmp_path / "data")
    assert cli.main(["--demo", "programme", "export", str(tmp_path / "p.json")]) == 0
    code = textwrap.dedent(f"""
        import sqlite3, time
        conn = sqlite3.connect({str(data / 'journal.sqlite')!r}, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        print("READY", flush=True)
        time.sleep(1.5)
        conn.execute("ROLLBACK")
        time.sleep(60)
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "READY"
        result = _run("--data-dir", data, "programme", "import", tmp_path / "p.json")
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported ")


def test_a_backups_entry_that_is_not_a_folder_is_named(tmp_path, capsys):
    data = _journal(tmp_path / "data")
    backups = data / "backups"
    if backups.exists():
        import shutil

        shutil.rmtree(backups)
    backups.write_text("mine", "utf-8")
    assert cli.main(["--data-dir", str(data), "backup"]) == 1
    assert ("Cannot create the backups folder " f"{backups}: it is a file, not a folder. "
            "rehabjournal keeps its backup copies there: move that away, then try again. "
            "Nothing was changed.") in capsys.readouterr().err
    assert backups.read_text("utf-8") == "mine"


def test_a_closed_pipe_ends_a_command_quietly(monkeypatch, capsys):
    from rehabjournal import commands

    def closed(_args):
        raise BrokenPipeError(32, "Broken pipe")

    import dataclasses

    monkeypatch.setitem(commands.COMMANDS, "summary",
                        dataclasses.replace(commands.COMMANDS["summary"], run=closed))
    assert cli.main(["summary"]) == 141
    assert capsys.readouterr().err == ""


def test_a_pdf_that_cannot_be_laid_out_is_one_line_not_a_traceback(monkeypatch, capsys, tmp_path):
    """The last safety net for reportlab's LayoutError (a 3,000-character note once ended
    every report in one); long texts are now cut and printed whole at the end."""
    import dataclasses

    from reportlab.platypus.doctemplate import LayoutError

    from rehabjournal import commands

    def too_large(_args):
        raise LayoutError("Flowable <Table ...> too large on page 5")

    monkeypatch.setitem(commands.COMMANDS, "report",
                        dataclasses.replace(commands.COMMANDS["report"], run=too_large))
    assert cli.main(["report", "--out", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert err == ("rehabjournal: error: Could not finish report: a part of the PDF does not "
                   "fit on a page (Flowable <Table ...> too large on page 5). No file was "
                   "written. Please report this with the period you asked for.\n")
