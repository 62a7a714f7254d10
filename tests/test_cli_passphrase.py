"""Encrypted journals on the command line: --passphrase-file (before or after the command), a
prompt on a terminal, and clear refusals without one or with a wrong one (issue 16, item 7)."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from datetime import date

import pytest

pytest.importorskip("sqlcipher3", reason="SQLCipher (the [encryption] extra) is not installed")

from rehabjournal import cli  # noqa: E402
from rehabjournal.services import journal as js  # noqa: E402
from rehabjournal.services import session  # noqa: E402
from rehabjournal.store import encryption  # noqa: E402

SECRET = "correct horse 'battery' stäple"


@pytest.fixture(autouse=True)
def _closed():
    yield
    session.close_journal()


@pytest.fixture
def encrypted(tmp_path):
    data = tmp_path / "data"
    session.open_journal(data)
    js.save_checkin(date(2026, 3, 2), {"morning_pain": 3})
    encryption.enable(data, SECRET)
    session.close_journal()
    for copy in (data / "backups").glob("*pre-encrypt*"):
        copy.unlink()  # the plaintext copy enable leaves
    return data


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "pass phrase.txt"
    path.write_text(SECRET + "\n", "utf-8")  # as an editor saves it: the line end is not in it
    return path


@pytest.fixture
def no_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checkins(data) -> int:
    from rehabjournal.store import models as m

    session.open_journal(data, SECRET)
    try:
        return m.CheckIn.select().count()
    finally:
        session.close_journal()


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_passphrase_file_opens_the_journal_before_or_after_the_command(
        encrypted, secret_file, tmp_path, capsys, no_terminal, where):
    out = tmp_path / "out.csv"
    option = ["--passphrase-file", str(secret_file)]
    argv = (["--data-dir", str(encrypted), *option, "export", str(out)] if where == "before"
            else ["--data-dir", str(encrypted), "export", str(out), *option])
    assert cli.main(argv) == 0, capsys.readouterr().err
    assert "2026-03-02" in out.read_text("utf-8")


def test_a_writing_command_with_a_passphrase_file_writes_the_encrypted_journal(
        encrypted, secret_file, tmp_path, capsys, no_terminal):
    csv = tmp_path / "in.csv"
    csv.write_text("date,morning_pain\n2026-03-05,2\n", "utf-8")
    assert cli.main(["--data-dir", str(encrypted), "--passphrase-file", str(secret_file),
                     "import", str(csv)]) == 0, capsys.readouterr().err
    assert encryption.is_encrypted(encrypted / "journal.sqlite")
    assert _checkins(encrypted) == 2


def test_without_a_passphrase_or_terminal_the_command_says_how_to_give_one(
        encrypted, tmp_path):
    journal = encrypted / "journal.sqlite"
    before = _sha(journal)
    result = subprocess.run([sys.executable, "-m", "rehabjournal", "--data-dir", str(encrypted),
                             "summary"], capture_output=True, text=True, timeout=120,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert result.stderr == (f"rehabjournal: error: {journal} is encrypted: give its passphrase "
                             "with --passphrase-file FILE, or run the command in a terminal "
                             "to be asked.\n")
    assert _sha(journal) == before


def test_on_a_terminal_the_passphrase_is_asked_for(encrypted, tmp_path, capsys, monkeypatch):
    import getpass

    asked = []
    monkeypatch.setattr("sys.stdin", type("Tty", (), {"isatty": lambda self: True})())
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or SECRET)
    out = tmp_path / "o.csv"
    assert cli.main(["--data-dir", str(encrypted), "export", str(out)]) == 0
    assert asked == [f"Passphrase for {encrypted / 'journal.sqlite'}: "]
    assert out.exists()


def test_nothing_typed_at_the_prompt_is_refused(encrypted, tmp_path, capsys, monkeypatch):
    import getpass

    monkeypatch.setattr("sys.stdin", type("Tty", (), {"isatty": lambda self: True})())
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "")
    assert cli.main(["--data-dir", str(encrypted), "export", str(tmp_path / "o.csv")]) == 1
    assert capsys.readouterr().err == (f"rehabjournal: error: No passphrase was typed for "
                                       f"{encrypted / 'journal.sqlite'}; nothing was "
                                       "changed.\n")


def test_a_wrong_passphrase_is_a_clear_error_exit_1(encrypted, tmp_path, capsys, no_terminal):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Correct horse 'battery' stäple\n", "utf-8")
    journal = encrypted / "journal.sqlite"
    before = _sha(journal)
    assert cli.main(["--data-dir", str(encrypted), "--passphrase-file", str(wrong),
                     "export", str(tmp_path / "o.csv")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rehabjournal: error: The passphrase does not open the journal")
    assert "Traceback" not in err and err.count("\n") == 1
    assert _sha(journal) == before
    assert not (tmp_path / "o.csv").exists()


def test_a_missing_or_empty_passphrase_file_is_refused(encrypted, tmp_path, capsys,
                                                       no_terminal):
    missing = tmp_path / "nope.txt"
    assert cli.main(["--data-dir", str(encrypted), "--passphrase-file", str(missing),
                     "summary"]) == 4
    assert capsys.readouterr().err == (f"rehabjournal: error: The passphrase file {missing} "
                                       "does not exist.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    assert cli.main(["--data-dir", str(encrypted), "--passphrase-file", str(empty),
                     "summary"]) == 2
    assert capsys.readouterr().err == (f"rehabjournal: error: The passphrase file {empty} is "
                                       "empty.\n")


def test_a_damaged_journal_is_not_taken_for_an_encrypted_one(tmp_path, capsys, no_terminal):
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite").write_text("these are my notes, not a journal\n" * 40)
    assert cli.main(["--data-dir", str(data), "summary"]) == 1
    err = capsys.readouterr().err
    assert "encrypted" not in err and "passphrase" not in err
    assert "not a rehabjournal journal" in err or "damaged" in err


def test_an_encrypted_journal_is_read_alongside_the_app(encrypted, secret_file, tmp_path,
                                                        capsys, no_terminal):
    code = ("import time; from pathlib import Path; from rehabjournal.services import session;"
            f"d = Path({str(encrypted)!r}); lock = session.lock_journal(d, session.APP);"
            f"session.open_journal(d, {SECRET!r}); print('READY', flush=True); time.sleep(300)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "READY"
        before = _sha(encrypted / "journal.sqlite")
        out = tmp_path / "o.csv"
        assert cli.main(["--data-dir", str(encrypted), "--passphrase-file", str(secret_file),
                         "export", str(out)]) == 0, capsys.readouterr().err
        assert "2026-03-02" in out.read_text("utf-8")
        assert _sha(encrypted / "journal.sqlite") == before
        assert cli.main(["--data-dir", str(encrypted), "--passphrase-file", str(secret_file),
                         "import", str(out)]) == 5
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    assert os.path.exists(encrypted / "journal.lock")
