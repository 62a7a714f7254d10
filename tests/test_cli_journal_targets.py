"""No command writes its output over the journal's own files (issue 16 review): ``export
DIR/journal.sqlite`` once replaced the journal by a CSV file (exit 0), and with the app open
every later save went into a deleted file. The journal, its -wal/-shm, the lock and the
backups folder are refused, by path or through a link, and nothing changes."""

from __future__ import annotations

import hashlib
import os

import pytest

from rehabjournal import cli

TARGETS = ["journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm", "journal.lock",
           "backups/new.csv", "link-to-journal"]
WRITERS = {
    "export": lambda out: ["export", out],
    "export-all": lambda out: ["export-all", out],
    "fhir": lambda out: ["fhir", out],
    "report": lambda out: ["report", "--out", out],
}


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    base = tmp_path_factory.mktemp("targets")
    data = base / "data"
    csv = base / "in.csv"
    csv.write_text("date,morning_pain,activity,duration_min,rpe\n2026-03-02,3,run,30,5\n")
    assert cli.main(["--data-dir", str(data), "import", str(csv)]) == 0
    return data


def _state(data):
    return {p.relative_to(data).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(data.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_no_command_writes_over_the_journal_s_own_files(journal, target, name, capsys):
    data = journal
    link = data.parent / "link-to-journal"
    if not link.is_symlink():
        os.symlink(data / "journal.sqlite", link)
    out = link if target == "link-to-journal" else data / target
    before = _state(data)
    code = cli.main(["--data-dir", str(data), *WRITERS[name](str(out))])
    err = capsys.readouterr().err
    assert code == 1, err
    assert ("it is the journal's own file" in err
            or "it is in the journal's backups folder" in err), err
    assert _state(data) == before
    assert cli.main(["--data-dir", str(data), "summary"]) == 0  # still a journal
    capsys.readouterr()
