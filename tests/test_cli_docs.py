"""`rehabjournal docs` prints where a user doc is (they ship inside the package), `--help`
says so and names `rehabjournal-cli`, the console script for Windows (issue 21, items 4, 5)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from rehabjournal import cli

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_docs_prints_the_path_of_a_doc(capsys):
    code, out, err = run(capsys, "docs", "csv-format")
    assert (code, err) == (0, "")
    path = Path(out.strip())
    assert path.is_absolute() and path.name == "csv-format.md"
    assert path.read_text("utf-8").startswith("# The journal as CSV")


def test_docs_lists_every_user_doc_with_its_title(capsys):
    code, out, _ = run(capsys, "docs")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 15
    assert lines[0].split()[:2] == ["journal", "What"]
    assert any(line.startswith("csv-format") and line.endswith("The journal as CSV")
               for line in lines)
    assert not any(line.startswith("architecture") for line in lines)  # for developers


def test_an_unknown_doc_is_exit_4_and_names_the_docs(capsys):
    code, out, err = run(capsys, "docs", "cvs-format")
    assert code == 4 and out == ""
    assert err.startswith("rehabjournal: error: There is no user doc named 'cvs-format'.")
    assert "csv-format" in err


def test_help_names_the_docs_command_and_the_console_script():
    done = subprocess.run([sys.executable, "-m", "rehabjournal", "--help"],
                          capture_output=True, text=True, timeout=60,
                          env={"LANGUAGE": "en", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0
    assert "'rehabjournal docs csv-format' prints where one is" in done.stdout
    assert "Help > User Guide" in done.stdout
    assert "rehabjournal-cli" in done.stdout
    assert re.search(r"^ +docs +print the path of a user doc", done.stdout, re.MULTILINE)


def test_the_console_script_is_the_same_entry_as_the_gui_script():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["scripts"]["rehabjournal-cli"] == project["gui-scripts"]["rehabjournal"]


def test_usage_names_the_command_that_was_typed(monkeypatch, capsys):
    """Run as rehabjournal-cli (the console script, the Windows .exe), the usage says so."""
    from rehabjournal import cli

    for argv0, name in (("/venv/bin/rehabjournal-cli", "rehabjournal-cli"),
                        ("C:\\rj\\rehabjournal-cli.exe".replace("\\", "/"), "rehabjournal-cli"),
                        ("/venv/bin/rehabjournal", "rehabjournal"),
                        ("/src/rehabjournal/__main__.py", "rehabjournal")):
        monkeypatch.setattr(sys, "argv", [argv0])
        assert cli.build_parser().format_usage().startswith(f"usage: {name} ")
