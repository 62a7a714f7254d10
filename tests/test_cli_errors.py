"""The command line's exit codes: each kind of error gives its documented code and message.

validation 2 (also argparse's bad usage), import 3, storage 1, not found 4; 0 is done.
"""

from __future__ import annotations

import argparse
import ast
import errno
import io
import sqlite3
from datetime import date
from pathlib import Path

import peewee
import pytest

from rehabjournal import cli, commands
from rehabjournal.errors import (
    EXIT_IMPORT,
    EXIT_NOT_FOUND,
    EXIT_STORAGE,
    EXIT_VALIDATION,
    ImportFileError,
    NotFoundError,
    StorageError,
    ValidationError,
)
from rehabjournal.services import journal as js
from rehabjournal.services import session

SRC = Path(cli.__file__).resolve().parent


@pytest.fixture(autouse=True)
def _closed():
    yield
    session.close_journal()


@pytest.fixture
def journal_dir(tmp_path):
    data = tmp_path / "data"
    session.open_journal(data)
    js.save_checkin(date(2026, 3, 2), {"morning_pain": 3})
    session.close_journal()
    return data


@pytest.fixture
def raising(monkeypatch):
    """Register a command "boom" that raises the given error."""

    def install(exc: Exception) -> None:
        def run(_args):
            raise exc

        monkeypatch.setitem(commands.COMMANDS, "boom",
                            commands.Command("boom", "raise", lambda _p: None, run))

    return install


@pytest.mark.parametrize(("exc", "code", "message"), [
    (ValidationError({"--to": "--to is before --from."}), 2, "--to is before --from."),
    (StorageError("Could not save: the disk is full."), 1, "Could not save: the disk is full."),
    (NotFoundError("cannot import x.csv: the file does not exist."), 4,
     "cannot import x.csv: the file does not exist."),
])
def test_each_kind_maps_to_its_exit_code(raising, capsys, exc, code, message):
    raising(exc)
    assert cli.main(["boom"]) == code == exc.exit_code
    captured = capsys.readouterr()
    assert captured.err == f"rehabjournal: error: {message}\n"
    assert captured.out == ""


def test_an_import_error_prints_the_file_and_each_problem(raising, capsys):
    raising(ImportFileError(["line 2, column rpe: 12 is above 10", "line 3, column date: "
                             "missing"], where="in.csv"))
    assert cli.main(["boom"]) == EXIT_IMPORT == 3
    assert capsys.readouterr().err.splitlines() == [
        "rehabjournal: error: in.csv was not imported; the journal is unchanged (2 problems):",
        "line 2, column rpe: 12 is above 10",
        "line 3, column date: missing",
    ]
    raising(ImportFileError("the file is empty"))
    assert cli.main(["boom"]) == 3
    assert capsys.readouterr().err.splitlines()[0] == (
        "rehabjournal: error: the file was not imported; the journal is unchanged (1 problem):")


@pytest.mark.parametrize(("exc", "code", "message"), [
    (sqlite3.OperationalError("disk I/O error"), 1,
     "Could not finish boom: the disk could not be written (disk I/O error): it may be full, "
     "removed or failing."),
    (peewee.DatabaseError("database disk image is malformed"), 1,
     "Could not finish boom: database disk image is malformed."),
    (OSError(errno.EIO, "Input/output error"), 1,
     "Could not finish boom: [Errno 5] Input/output error."),
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), 1,
     "Could not finish boom: the journal holds text that cannot be read (invalid start byte "
     "at byte 0); it may be damaged: restore a backup from the backups folder beside it."),
    (peewee.OperationalError("database is locked"), 5,
     "The journal is busy: another program is using it (perhaps a sync or backup tool). "
     "Nothing was changed; try again in a moment."),
    (StorageError("Could not save: x."), 1, "Could not save: x."),
])
def test_the_safety_net_turns_any_storage_failure_into_one_line(raising, capsys, exc, code,
                                                                 message):
    """A storage failure a command did not explain itself is still one line, no traceback."""
    raising(exc)
    assert cli.main(["boom"]) == code
    assert capsys.readouterr().err == f"rehabjournal: error: {message}\n"


def test_a_storage_error_caused_by_sqlite_busy_is_the_busy_message(raising, capsys):
    try:
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError as inner:
            raise StorageError("Cannot prepare the journal: database is locked.") from inner
    except StorageError as exc:
        raising(exc)
    assert cli.main(["boom"]) == 5
    assert capsys.readouterr().err.startswith("rehabjournal: error: The journal is busy: ")


def test_ctrl_c_is_one_line_and_exit_130(raising, capsys):
    raising(KeyboardInterrupt())
    assert cli.main(["boom"]) == 130
    assert capsys.readouterr().err == "rehabjournal: interrupted.\n"


def test_a_bug_is_not_swallowed(raising):
    raising(ZeroDivisionError("a bug"))
    with pytest.raises(ZeroDivisionError):
        cli.main(["boom"])


def test_bad_usage_is_2_like_a_validation_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["export"])  # FILE missing
    assert info.value.code == 2 == EXIT_VALIDATION
    assert "rehabjournal export: error:" in capsys.readouterr().err


def test_help_states_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    table = out[out.index("exit codes:"):].splitlines()
    assert [line.split()[0] for line in table[1:7]] == ["0", "1", "2", "3", "4", "5"]
    assert "1  the journal or a file could not be read or written" in out
    assert "2  a value or the command line was refused" in out
    assert "3  the file to import was refused; the journal is unchanged" in out
    assert "4  the file named does not exist" in out
    assert "5  the journal is in use (the app or another command has it open" in out
    assert out.rstrip().endswith("Information, not medical advice.")


# ---- the real commands -------------------------------------------------------------------


def test_not_found_for_a_missing_or_folder_input(tmp_path, capsys):
    for name in ("import", "import-all"):
        assert cli.main(["--data-dir", str(tmp_path / "d"), name,
                         str(tmp_path / "none")]) == EXIT_NOT_FOUND
        assert capsys.readouterr().err == (
            f"rehabjournal: error: cannot import {tmp_path / 'none'}: the file does not "
            "exist.\n")
        assert cli.main(["--data-dir", str(tmp_path / "d"), name, str(tmp_path)]) == 4
        assert "the file is a folder, not a file" in capsys.readouterr().err
    assert not (tmp_path / "d").exists(), "nothing is opened or created for a missing file"


@pytest.mark.parametrize(("command", "target"), [
    ("export", "services.transfer.export_csv"),
    ("export-all", "store.full_export.write_json_atomic"),
    ("fhir", "store.full_export.write_json_atomic"),
])
def test_a_full_disk_on_export_is_a_storage_error_naming_the_file(
        journal_dir, tmp_path, capsys, monkeypatch, command, target):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(f"rehabjournal.{target}", full)
    out = tmp_path / "out.file"
    assert cli.main(["--data-dir", str(journal_dir), command, str(out)]) == EXIT_STORAGE
    assert capsys.readouterr().err == (
        f"rehabjournal: error: Cannot write {out}: No space left on device.\n")
    assert not out.exists()


@pytest.mark.parametrize("command", ["export", "export-all", "fhir"])
def test_an_output_that_cannot_be_a_file_is_a_storage_error(journal_dir, tmp_path, capsys,
                                                            command):
    assert cli.main(["--data-dir", str(journal_dir), command, str(tmp_path)]) == 1
    assert "is a folder; give a file name" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(journal_dir), command,
                     str(tmp_path / "no" / "x")]) == 1
    assert f"the folder {tmp_path / 'no'} does not exist" in capsys.readouterr().err


def test_an_unreadable_import_file_is_a_storage_error(journal_dir, tmp_path, capsys,
                                                      monkeypatch):
    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("rehabjournal.services.transfer.import_csv", denied)
    f = tmp_path / "in.csv"
    f.write_text("date\n", encoding="utf-8")
    assert cli.main(["--data-dir", str(journal_dir), "import", str(f)]) == 1
    assert capsys.readouterr().err == (
        f"rehabjournal: error: Cannot read {f}: Permission denied.\n")


def test_a_failed_backup_is_a_storage_error(journal_dir, capsys, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("rehabjournal.store.backups.make_backup", full)
    assert cli.main(["--data-dir", str(journal_dir), "backup"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rehabjournal: error: The journal could not be copied: ")
    assert "No space left on device" in err


def test_an_encrypted_looking_journal_without_a_passphrase_says_how_to_give_one(
        tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite").write_bytes(bytes(range(256)) * 8)  # noise, as SQLCipher's
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal to ask on
    assert cli.main(["--data-dir", str(data), "backup"]) == 1
    err = capsys.readouterr().err
    assert err == (f"rehabjournal: error: {data / 'journal.sqlite'} is encrypted: give its "
                   "passphrase with --passphrase-file FILE, or run the command in a terminal "
                   "to be asked.\n")


def test_a_damaged_journal_is_a_storage_error_not_encrypted(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite").write_bytes(b"\x00" * 4096)
    assert cli.main(["--data-dir", str(data), "backup"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rehabjournal: error: ") and "encrypted" not in err
    assert "journal.sqlite" in err


def test_report_validation_errors_are_2(journal_dir, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert cli.main(["--data-dir", str(journal_dir), "report", "--paper", "A3",
                     "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        "rehabjournal: error: Paper must be A4 or Letter (got 'A3').\n")
    assert not out.exists()


# ---- the structure: one way only, no store -----------------------------------------------


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            found |= {base} | {f"{base}.{a.name}".replace("..", ".") for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_commands_never_import_cli_and_neither_imports_store():
    cmd = _imported_modules(SRC / "commands.py")
    assert not any(name.endswith("cli") for name in cmd), "commands must not import cli"
    for module in ("cli.py", "commands.py"):
        names = _imported_modules(SRC / module)
        assert not [n for n in names if n.lstrip(".").startswith("store")
                    or ".store" in n], module


def test_every_command_is_registered_with_help():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == ["import", "export", "import-activities", "report", "summary",
                                 "patterns", "export-all", "import-all", "backup", "fhir",
                                 "programme", "docs"]
    assert all(cmd.help for cmd in commands.COMMANDS.values())
