"""Every command works with a relative data folder, from --data-dir or $REHABJOURNAL_DATA_DIR,
whose name has spaces, '#', '%' and non-ASCII letters (issue 16, item 1): a relative path
once ended in "relative path can't be expressed as a file URI"; '#' and '%' are what a file
URI gets wrong."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from activity_fixtures import gpx_text  # noqa: E402
from rehabjournal import cli, commands  # noqa: E402
from rehabjournal.services import session  # noqa: E402

ODD = "my journal #1 %41 Zoë"
"""The data folder's name, relative to the current folder; '%41' would become 'A' if it were
URI-decoded somewhere."""

CASES = {
    "import": (["import", "in #1 %41 é.csv"], None),
    "export": (["export", "out #1 %41 é.csv"], "out #1 %41 é.csv"),
    "import-activities": (["import-activities", "run #1 %41 é.gpx"], None),
    "report": (["report", "--out", "report #1 %41 é.pdf"], "report #1 %41 é.pdf"),
    "summary": (["summary", "--json"], None),
    "patterns": (["patterns", "--json"], None),
    "export-all": (["export-all", "all #1 %41 é.json"], "all #1 %41 é.json"),
    "import-all": (["import-all", "everything #1 %41 é.json"], None),
    "fhir": (["fhir", "fhir #1 %41 é.json"], "fhir #1 %41 é.json"),
    "backup": (["backup"], None),
    "programme import": (["programme", "import", "programme #1 %41 é.json"], None),
    "programme export": (["programme", "export", "prog out #1 %41 é.json"],
                         "prog out #1 %41 é.json"),
    "programme sheet": (["programme", "sheet", "--out", "sheet #1 %41 é.pdf"],
                        "sheet #1 %41 é.pdf"),
    "docs": (["docs", "csv-format"], None),  # needs no journal; the data folder is ignored
}


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory):
    """A filled journal (the demo's rows) and the input files the commands import."""
    from rehabjournal.services.demo import generate_demo
    from rehabjournal.store.library import sync_shipped_exercises

    base = tmp_path_factory.mktemp("paths")
    data = base / "data"
    session.open_journal(data)
    sync_shipped_exercises()
    generate_demo(seed=7)
    session.close_journal()
    inputs = base / "inputs"
    inputs.mkdir()
    (inputs / "in #1 %41 é.csv").write_text("date,morning_pain\n2020-01-06,2\n", "utf-8")
    # import-activities needs an existing journal: the copied demo is one
    (inputs / "run #1 %41 é.gpx").write_text(
        gpx_text(datetime(2020, 1, 7, 7, 0, tzinfo=UTC), seconds=1800), "utf-8")
    assert cli.main(["--data-dir", str(data), "export-all",
                     str(inputs / "everything #1 %41 é.json")]) == 0
    assert cli.main(["--data-dir", str(data), "programme", "export",
                     str(inputs / "programme #1 %41 é.json")]) == 0
    return data, inputs


def test_every_registered_command_is_covered():
    covered = {argv[0] for argv, _out in CASES.values()}
    assert covered == set(commands.COMMANDS)


@pytest.mark.parametrize("via", ["option", "environment", "option after the command"])
@pytest.mark.parametrize("name", list(CASES))
def test_a_command_works_with_a_relative_odd_data_folder(demo_journal, tmp_path, monkeypatch,
                                                         capsys, name, via):
    data, inputs = demo_journal
    argv, out = CASES[name]
    if name != "import-all":  # it imports into an empty journal: a folder it makes
        shutil.copytree(data, tmp_path / ODD, ignore=shutil.ignore_patterns("backups"))
    for item in inputs.iterdir():
        shutil.copy(item, tmp_path / item.name)
    monkeypatch.chdir(tmp_path)
    if via == "option":
        argv = ["--data-dir", ODD, *argv]
    elif via == "option after the command":
        argv = [*argv, "--data-dir", ODD]
    else:
        monkeypatch.setenv("REHABJOURNAL_DATA_DIR", ODD)
    assert cli.main(argv) == 0, capsys.readouterr().err
    assert "Traceback" not in capsys.readouterr().err
    assert (tmp_path / ODD / "journal.sqlite").is_file()
    if out:
        assert (tmp_path / out).is_file() and (tmp_path / out).stat().st_size > 0
    if name == "backup":
        assert len(list((tmp_path / ODD / "backups").glob("journal-*.sqlite"))) == 1
    # nothing was made under a decoded name, nor in the default data folder
    assert not (tmp_path / "my journal #1 A Zoë").exists()
    assert not os.path.exists(os.path.join(os.environ["XDG_DATA_HOME"], "rehabjournal"))


WRITERS = {name: out for name, (_args, out) in CASES.items() if out is not None}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_command_never_writes_onto_a_pipe_device_or_folder(name, demo_journal, tmp_path,
                                                            capsys, monkeypatch):
    """export onto /dev/full once replaced the device node with a CSV file; a pipe would
    hang the command. Every file-writing command refuses them before it opens the journal,
    exit 1, and leaves them as they were."""
    import stat

    data, _inputs = demo_journal
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    out = WRITERS[name]
    opened = []
    monkeypatch.setattr(session, "open_journal", lambda *a, **k: opened.append(a))
    for target, kind in (("pipe", "it is a pipe (FIFO), not a regular file"),
                         ("folder", "it is a folder; give a file name"),
                         ("/dev/null", "it is a device, not a regular file")):
        argv = [target if a == out else a for a in CASES[name][0]]
        assert target in argv
        assert cli.main(["--data-dir", str(data), *argv]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and kind in err and "Traceback" not in err, err
    assert opened == []  # refused before the journal was opened
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe").st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not any((tmp_path / "folder").iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "pipe"]
