"""The command line: --version, --help, and refusals with a message and a non-zero exit."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rehabjournal import __version__

SRC = Path(__file__).resolve().parents[1] / "src"


def run(*args, env_extra=None, tmp_path=None):
    env = dict(os.environ, PYTHONPATH=str(SRC), QT_QPA_PLATFORM="offscreen")
    if env_extra:
        env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "rehabjournal", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_version_matches_pyproject():
    import tomllib

    project = tomllib.loads((SRC.parent / "pyproject.toml").read_text())["project"]
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"rehabjournal {project['version']}"
    assert __version__ == project["version"]


def test_help_lists_the_options_and_says_not_medical_advice():
    result = run("--help")
    assert result.returncode == 0
    for word in ("--data-dir", "--demo", "import", "export", "not medical advice"):
        assert word in result.stdout


@pytest.mark.parametrize("via", ["option", "environment"])
def test_corrupt_journal_is_refused_on_the_command_line(tmp_path, via):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    path.write_bytes(b"not a database at all\n" * 50)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    if via == "option":
        result = run("--data-dir", str(data), "export", str(tmp_path / "out.csv"))
    else:
        result = run("export", str(tmp_path / "out.csv"),
                     env_extra={"REHABJOURNAL_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{path} is " in result.stderr and "not a rehabjournal journal" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "out.csv").exists()


def test_missing_data_folder_is_created_by_an_import_and_unusable_one_is_explained(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    csv = tmp_path / "in.csv"
    csv.write_text("date,morning_pain\n2026-03-02,3\n", "utf-8")
    result = run("--data-dir", str(blocker / "sub"), "import", str(csv))
    assert result.returncode == 1
    assert result.stderr == (f"rehabjournal: error: Cannot use the data folder {blocker / 'sub'}: "
                             f"{blocker} is a file, not a folder; give a folder with "
                             "--data-dir (or $REHABJOURNAL_DATA_DIR).\n")
    assert "Traceback" not in result.stderr
    fresh = tmp_path / "new" / "folder"
    result = run("--data-dir", str(fresh), "import", str(csv))
    assert result.returncode == 0, result.stderr
    assert (fresh / "journal.sqlite").exists()


def test_every_command_works_with_a_relative_data_folder(tmp_path):
    """`cd /tmp && rehabjournal --data-dir reljournal backup` ended in 'relative path can't
    be expressed as a file URI', and once the journal existed every command did."""
    import os

    (tmp_path / "in.csv").write_text("date,morning_pain\n2026-03-02,3\n", "utf-8")
    for args in (["import", "in.csv"], ["import", "in.csv"], ["backup"], ["export", "x.csv"],
                 ["summary"], ["export-all", "a.json"]):
        result = subprocess.run([sys.executable, "-m", "rehabjournal", "--data-dir", "rel",
                                 *args], capture_output=True, text=True, timeout=120,
                                cwd=tmp_path, env={**os.environ,
                                                   "QT_QPA_PLATFORM": "offscreen",
                                                   "XDG_CONFIG_HOME": str(tmp_path / "c")})
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert (tmp_path / "rel" / "journal.sqlite").exists()
    assert (tmp_path / "x.csv").exists()


def test_reading_commands_refuse_a_folder_without_a_journal(tmp_path):
    """A mistyped --data-dir is not a new, empty journal: nothing is made, exit 4."""
    missing = tmp_path / "no" / "such"
    for args in (["summary", "--json"], ["export", str(tmp_path / "x.csv")], ["backup"],
                 ["report", "--out", str(tmp_path / "r.pdf")],
                 ["export-all", str(tmp_path / "a.json")], ["fhir", str(tmp_path / "f.json")]):
        result = run("--data-dir", str(missing), *args)
        assert result.returncode == 4, (args, result.stderr)
        assert f"There is no journal in {missing}" in result.stderr
    assert not (tmp_path / "no").exists()
    assert not any((tmp_path / n).exists() for n in ("x.csv", "r.pdf", "a.json", "f.json"))
