"""The command line's exit codes: each kind of error gives its documented code and message.

validation 2 (also argparse's bad usage), import 3, storage 1, not found 4; 0 is done.
"""

from __future__ import annotations

import argparse
import ast
import errno
from datetime import date
from pathlib import Path

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
    assert [line.split()[0] for line in table[1:6]] == ["0", "1", "2", "3", "4"]
    assert "1  the journal or a file could not be read or written" in out
    assert "2  a value or the command line was refused" in out
    assert "3  the file to import was refused; the journal is unchanged" in out
    assert "4  the file named does not exist" in out
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


def test_a_damaged_or_encrypted_journal_is_a_storage_error(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite").write_bytes(bytes(range(256)) * 8)
    assert cli.main(["--data-dir", str(data), "backup"]) == 1
    err = capsys.readouterr().err
    assert f"{data / 'journal.sqlite'} is not a rehabjournal journal, or it is encrypted" in err


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
    assert list(sub.choices) == ["import", "export", "report", "summary", "patterns",
                                 "export-all", "import-all", "backup", "fhir", "programme"]
    assert all(cmd.help for cmd in commands.COMMANDS.values())
