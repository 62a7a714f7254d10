"""A saved entry survives another program opening the journal while it is open.

Closing any descriptor of a file drops all of the process's POSIX locks on it, SQLite's
included. If the app read the open journal's header with ``open()`` (as the day's backup
and Back Up Now did, to see whether it is encrypted), another program's connection would
then think it is the last one, checkpoint and delete the WAL, and the app's later saves
would go into the deleted file: "Saved", then lost at the next crash.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from rehabjournal.services import journal as js
from rehabjournal.store import backups, db, encryption


def _other_program(path) -> None:
    """Another process opens the journal, reads, and closes (as the CLI or a sync tool)."""
    code = textwrap.dedent(f"""
        import sqlite3
        c = sqlite3.connect({str(path)!r})
        c.execute("SELECT count(*) FROM sqlite_master").fetchone()
        c.close()
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _morning_pains_seen_by_another_process(path) -> dict[str, int]:
    code = textwrap.dedent(f"""
        import sqlite3
        c = sqlite3.connect({str(path)!r})
        print(dict(c.execute("SELECT day, morning_pain FROM check_in").fetchall()))
    """)
    out = subprocess.run([sys.executable, "-c", code], check=True, timeout=60,
                         capture_output=True, text=True).stdout
    return eval(out)  # noqa: S307 - our own dict literal


@pytest.mark.parametrize("touch", ["is_encrypted", "make_backup", "count_rows", "inspect"])
def test_saves_survive_another_program_after_header_checks(journal, touch):
    path = db.journal_path(journal)
    js.save_checkin(date(2026, 3, 1), {"morning_pain": 3})
    if touch == "is_encrypted":
        assert encryption.is_encrypted(path) is False
    elif touch == "make_backup":
        backups.make_backup(journal, "manual")
    elif touch == "count_rows":
        backups.count_rows(path)
    else:
        db.inspect(path)
    _other_program(path)
    assert os.path.exists(str(path) + "-wal"), "the WAL of the open journal was deleted"
    js.save_checkin(date(2026, 3, 2), {"morning_pain": 4})
    seen = _morning_pains_seen_by_another_process(path)
    assert seen == {"2026-03-01": 3, "2026-03-02": 4}


def test_a_closed_journal_is_read_from_its_file_again(journal):
    """After closing, the header is read from the file (e.g. just encrypted elsewhere)."""
    path = db.journal_path(journal)
    assert db.holds(path)
    db.close_journal()
    assert not db.holds(path)
    assert encryption.is_encrypted(path) is False
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] > 0
