"""Commands on a damaged or refused journal: one line saying what, exit 1, nothing changed.

No traceback, not even for text a damaged journal cannot decode, and no file is written.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from rehabjournal import cli
from rehabjournal.store import db
from rehabjournal.store import models as m

sys.path.insert(0, str(Path(__file__).parent / "store"))
from test_inspect_refusals import KINDS, _journal_bytes, _listing, _make  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
UNDECODABLE = ("The journal {path} is damaged: some of its text cannot be read (not valid "
               "UTF-8). Nothing was changed; restore a backup from the backups folder beside "
               "it.")


def _beside(folder: Path) -> dict[str, str]:
    """The folder's files and their digests: a refused journal gets nothing beside it, not
    even the command lock's file (the file is inspected before the lock is taken)."""
    return _listing(folder)


@pytest.fixture
def undecodable(tmp_path) -> Path:
    """A journal whose check-in note holds bytes that are not UTF-8 (damage the quick
    check does not see)."""
    data = tmp_path / "data"
    db.open_journal(data)
    m.CheckIn.create(day=date(2026, 3, 1), morning_pain=3, notes="fine")
    db.close_journal()
    conn = sqlite3.connect(data / db.JOURNAL_NAME)
    conn.execute("UPDATE check_in SET notes = CAST(x'41ff42' AS TEXT)")
    conn.commit()
    conn.close()
    return data


@pytest.mark.parametrize("args", [
    ["export", "{out}/out.csv"],
    ["summary"],
    ["report", "--out", "{out}/report.pdf"],
    ["export-all", "{out}/all.json"],
])
def test_undecodable_text_is_one_line_and_exit_1(undecodable, tmp_path, capsys, args):
    out = tmp_path / "out"
    out.mkdir()
    digest = hashlib.sha256((undecodable / db.JOURNAL_NAME).read_bytes()).hexdigest()
    args = [a.format(out=out) for a in args]
    assert cli.main(["--data-dir", str(undecodable), *args]) == 1
    captured = capsys.readouterr()
    path = undecodable / db.JOURNAL_NAME
    assert captured.err == f"rehabjournal: error: {UNDECODABLE.format(path=path)}\n"
    assert list(out.iterdir()) == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def _refused(tmp_path: Path, kind: str) -> tuple[Path, str]:
    raw = _journal_bytes(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    return data, _make(kind, data / db.JOURNAL_NAME, raw)


@pytest.mark.parametrize("kind", KINDS)
def test_import_into_a_refused_journal_changes_nothing(tmp_path, capsys, kind):
    data, message = _refused(tmp_path, kind)
    before = _beside(data)
    assert cli.main(["--data-dir", str(data), "import", str(FIXTURES / "j1.csv")]) == 1
    assert capsys.readouterr().err == f"rehabjournal: error: {message}\n"
    assert _beside(data) == before
    assert not (data / "elsewhere").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_export_of_a_refused_journal_writes_nothing(tmp_path, capsys, kind):
    data, message = _refused(tmp_path, kind)
    before = _beside(data)
    out = tmp_path / "out.csv"
    assert cli.main(["--data-dir", str(data), "export", str(out)]) == 1
    assert capsys.readouterr().err == f"rehabjournal: error: {message}\n"
    assert _beside(data) == before
    assert not out.exists()
