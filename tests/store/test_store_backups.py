"""Backup copies: the daily copy, retention, the list with entry counts, and restore."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from rehabjournal.services import journal as js
from rehabjournal.store import backups, db
from rehabjournal.store import models as m


def _fill(days: int, start: date = date(2026, 3, 1)) -> None:
    for i in range(days):
        js.save_checkin(start + timedelta(days=i), {"morning_pain": i % 11})
    js.add_session(start, {"kind": "run", "minutes": 30, "pain_during": 3})


def test_daily_backup_once_a_day_private_and_counted(journal):
    _fill(3)
    now = datetime(2026, 3, 18, 8, 30)
    first = backups.daily_backup_if_due(journal, now=now)
    assert first is not None and first.parent == journal / "backups"
    assert first.name == "journal-20260318-083000-daily.sqlite"
    if os.name == "posix":
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert backups.daily_backup_if_due(journal, now=now + timedelta(hours=5)) is None
    second = backups.daily_backup_if_due(journal, now=now + timedelta(days=1))
    assert second is not None and second != first
    infos = backups.list_backups(journal)
    assert [i.path for i in infos] == [second, first]  # newest first
    assert infos[0].reason == "daily" and infos[0].made == now + timedelta(days=1)
    assert infos[0].counts["check_in"] == 3
    assert infos[0].counts["activity_session"] == 1
    assert infos[0].counts["exercise_log"] == 0


def test_daily_backup_without_a_journal_does_nothing(tmp_path):
    assert backups.daily_backup_if_due(tmp_path / "none") is None
    assert not (tmp_path / "none").exists()


def test_a_manual_copy_does_not_count_as_the_daily_one(journal):
    now = datetime(2026, 3, 18, 8, 0)
    backups.make_backup(journal, "manual", now=now)
    assert backups.daily_backup_if_due(journal, now=now + timedelta(minutes=1)) is not None


def test_prune_keeps_14_days_and_8_weeks(journal):
    start = datetime(2025, 6, 2, 9, 0)  # a Monday
    made = []
    for i in range(120):  # one copy a day for 120 days, two on the last day
        made.append(backups.make_backup(journal, "daily", now=start + timedelta(days=i)))
    made.append(backups.make_backup(journal, "pre-import", now=start + timedelta(days=119,
                                                                                hours=2)))
    stray = journal / "backups" / "notes.txt"
    stray.write_text("mine")
    removed = backups.prune(journal)
    left = backups.list_backups(journal)
    days = sorted({i.made.date() for i in left}, reverse=True)
    last = (start + timedelta(days=119)).date()
    assert days[:14] == [last - timedelta(days=d) for d in range(14)]
    assert len([i for i in left if i.made.date() == last]) == 2
    older = [i for i in left if i.made.date() < days[13]]
    assert len(older) == 8
    weeks = [i.made.isocalendar()[:2] for i in older]
    assert len(set(weeks)) == 8  # one per week
    assert len(left) + len(removed) == len(made)
    assert stray.exists()  # only backup-named files are ever removed
    # idempotent
    assert backups.prune(journal) == []


def test_list_backups_reports_an_unreadable_copy(journal):
    folder = journal / "backups"
    folder.mkdir(exist_ok=True)
    (folder / "journal-20260101-000000-manual.sqlite").write_bytes(b"not sqlite at all" * 100)
    (info,) = backups.list_backups(journal)
    assert info.error and info.counts == {}


def test_restore_replaces_the_journal_and_keeps_the_current_one(journal):
    _fill(2)
    copy = backups.make_backup(journal, "manual")
    _fill(5, start=date(2026, 4, 1))  # more entries after the copy
    assert m.CheckIn.select().count() == 7
    pre = backups.restore(journal, copy)
    # the models are bound to the reopened, restored journal
    assert m.CheckIn.select().count() == 2
    assert m.ActivitySession.select().count() == 1
    assert pre is not None and backups.count_rows(pre)["check_in"] == 7
    assert {i.reason for i in backups.list_backups(journal)} == {"manual", "pre-restore"}
    path = db.journal_path(journal)
    conn = m.database.obj
    assert conn.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (journal / ".journal.sqlite.restoring").exists()
    js.save_checkin(date(2026, 5, 1), {"morning_pain": 1})  # writable again
    # restoring the pre-restore copy brings the later entries back
    backups.restore(journal, pre)
    assert m.CheckIn.select().count() == 7


@pytest.mark.parametrize("content", [b"garbage" * 200, b""])
def test_restore_refuses_a_bad_file_and_changes_nothing(journal, tmp_path, content):
    _fill(2)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    if not content:
        # an empty file is an empty SQLite database: not a journal either
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE other (x)")
        conn.close()
    with pytest.raises(backups.RestoreError):
        backups.restore(journal, bad)
    assert m.CheckIn.select().count() == 2
    assert backups.list_backups(journal) == []  # no pre-restore copy either


def test_restore_migrates_an_older_backup(journal, tmp_path):
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "journal-v1.sqlite"
    older = tmp_path / "old.sqlite"
    older.write_bytes(fixture.read_bytes())
    before = backups.count_rows(older)
    backups.restore(journal, older)
    # + 1: schema 4 keeps the session's next-morning rating as the next day's morning pain
    assert m.CheckIn.select().count() == before["check_in"] + 1
    assert m.database.obj.execute_sql("PRAGMA user_version").fetchone()[0] >= 2
