"""The journal file: creation, pragmas, migrations, refusals that leave the file untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from peewee import IntegrityError

from rehabjournal.domain.light import DEFAULT_THRESHOLDS
from rehabjournal.store import db, migrations
from rehabjournal.store import models as m

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_journal_has_pragmas_version_and_private_mode(journal):
    path = db.journal_path(journal)
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    conn = m.database.obj
    assert conn.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute_sql("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID


def test_models_match_the_tables_the_migration_chain_makes(journal):
    conn = m.database.obj
    for model in m.ALL_MODELS:
        table = model._meta.table_name
        cols = {row[1] for row in conn.execute_sql(f'PRAGMA table_info("{table}")')}
        assert cols, f"table {table} missing"
        expected = {f.column_name for f in model._meta.sorted_fields}
        assert cols == expected, table


def test_saved_rows_survive_a_restart(journal):
    m.CheckIn.create(day=date(2026, 3, 1), morning_pain=4, notes="Zoë ✓ Ελληνικά")
    db.close_journal()
    db.open_journal(journal)
    row = m.CheckIn.get(m.CheckIn.day == date(2026, 3, 1))
    assert (row.morning_pain, row.notes) == (4, "Zoë ✓ Ελληνικά")


def test_foreign_keys_are_enforced(journal):
    with pytest.raises(IntegrityError):
        m.CheckInSitePain.create(checkin=999, site=999, pain=3)


def _open_fixture(tmp_path, version: int) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / f"journal-v{version}.sqlite", data / "journal.sqlite")
    db.open_journal(data)
    return data


def _check_common_rows() -> None:
    """The rows every fixture has, as they were saved."""
    conn = m.database.obj
    assert conn.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    profile = m.Profile.get()
    assert (profile.name, profile.joint, profile.goal) == ("Zoë Łukasiewicz", "knee",
                                                          "run 10 km")
    cols = {r[1] for r in conn.execute_sql('PRAGMA table_info("profile")')}
    assert "outcome_schedule" not in cols  # moved into the setting table by step 3
    session = m.ActivitySession.get()
    assert (session.kind, session.minutes, session.pain_after) == ("run", 30, 4)
    assert m.RedFlag.get().code == "locking_giving_way"
    assert m.CheckIn.get().notes == "first entry ✓"
    assert conn.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def _backups(data: Path) -> list[int]:
    versions = []
    for path in (data / "backups").glob("journal-*-pre-v*.sqlite"):
        check = sqlite3.connect(path)
        versions.append(check.execute("PRAGMA user_version").fetchone()[0])
        check.close()
    return versions


def test_version1_fixture_migrates_to_newest_with_a_backup(tmp_path):
    from rehabjournal.services import outcomes, settings

    data = _open_fixture(tmp_path, 1)
    try:
        _check_common_rows()
        assert m.Setting.select().count() == 0  # nothing was ever set: defaults
        assert outcomes.get_schedule() == {"instruments": [], "every_days": 14}
        assert settings.thresholds() == DEFAULT_THRESHOLDS
    finally:
        db.close_journal()
    assert _backups(data) == [1]


def test_version2_fixture_keeps_its_schedule_and_thresholds(tmp_path):
    from rehabjournal.services import outcomes, settings

    data = _open_fixture(tmp_path, 2)
    try:
        _check_common_rows()
        assert outcomes.get_schedule() == {"instruments": ["koos", "psfs"], "every_days": 21}
        th = settings.thresholds()
        assert (th.acceptable_pain, th.green_peak_max, th.trend_rise) == (4, 3, 1.0)
        keys = {s.key for s in m.Setting.select()}
        assert "thresholds" not in keys  # one row per option now
        assert {"outcomes.instruments", "outcomes.every_days",
                "thresholds.acceptable_pain"} <= keys
        assert keys <= {o.key for o in settings.options(where=settings.JOURNAL)}
        assert m.OutcomeResponse.get().score == 4.5
    finally:
        db.close_journal()
    assert _backups(data) == [2]


@pytest.mark.parametrize("drop_column", [True, False], ids=["drop-column", "rebuild"])
def test_step3_on_sqlite_with_and_without_drop_column(tmp_path, monkeypatch, drop_column):
    """SQLite before 3.35 has no DROP COLUMN: the table is rebuilt, with the same result."""
    monkeypatch.setattr(migrations, "can_drop_column", lambda conn: drop_column)
    path = tmp_path / "j.sqlite"
    shutil.copy(FIXTURES / "journal-v2.sqlite", path)
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrations.migrate(conn, target=3) == [3]
    cols = [r[1] for r in conn.execute('PRAGMA table_info("profile")')]
    assert cols == ["id", "name", "condition", "joint", "side", "onset_date", "goal",
                    "clinician", "created"]
    assert conn.execute("SELECT name FROM profile").fetchone() == ("Zoë Łukasiewicz",)
    rows = dict(conn.execute("SELECT key, value FROM setting"))
    assert rows["outcomes.instruments"] == '["koos", "psfs"]'
    assert rows["outcomes.every_days"] == "21"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "profile_v2" not in tables
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_step3_failing_leaves_version2_with_the_column(tmp_path, monkeypatch):
    path = tmp_path / "j.sqlite"
    shutil.copy(FIXTURES / "journal-v2.sqlite", path)

    def broken(conn):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "can_drop_column", broken)  # fails after the inserts
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn)
    assert migrations.user_version(conn) == 2
    assert dict(conn.execute("SELECT key, value FROM setting")).keys() == {"thresholds"}
    assert "outcome_schedule" in {r[1] for r in conn.execute('PRAGMA table_info("profile")')}
    conn.close()


@pytest.mark.parametrize(("thresholds", "schedule", "rows"), [
    (None, None, {}),
    (None, "", {}),
    ("not json", "{", {}),
    ('{"green_peak_max": 3, "acceptable_during": 4}', '{"every_days": 7}',
     {"thresholds.green_peak_max": "3", "outcomes.every_days": "7"}),
    ('[1, 2]', '{"instruments": ["lefs"], "colour": "red"}',
     {"outcomes.instruments": '["lefs"]'}),
])
def test_v3_rows_from_v2_values(thresholds, schedule, rows):
    """Unreadable or unknown old values give no rows: the options read their defaults."""
    assert migrations.v3_setting_rows(thresholds, schedule) == rows


def test_a_failing_step_leaves_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "j.sqlite"
    shutil.copy(FIXTURES / "journal-v1.sqlite", path)

    def broken(conn):
        conn.execute('CREATE TABLE "half_done" (x)')
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "STEPS", (migrations.STEPS[0], broken))
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn, target=2)
    assert migrations.user_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    conn.close()


def test_newer_journal_is_refused_untouched(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    shutil.copy(FIXTURES / "journal-v1.sqlite", path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    conn.close()
    before = digest(path)
    with pytest.raises(db.NewerJournalError) as info:
        db.open_journal(data)
    assert "newer version of rehabjournal" in str(info.value)
    assert str(path) in str(info.value)
    assert digest(path) == before
    assert not (data / "backups").exists()


@pytest.mark.parametrize(
    "content",
    [b"this is a text file, not a journal\n" * 10, b"\x00\x01garbage" * 500],
    ids=["text", "binary"],
)
def test_non_journal_file_is_refused_untouched(tmp_path, content):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(db.JournalError) as info:
        db.open_journal(data)
    assert "not a rehabjournal journal" in str(info.value)
    assert str(path) in str(info.value)
    assert digest(path) == before


def test_corrupt_journal_is_refused_untouched(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    raw = bytearray((FIXTURES / "journal-v1.sqlite").read_bytes())
    # Keep the header, scribble over the b-tree pages.
    for i in range(4096 + 100, len(raw), 7):
        raw[i] = 0xA5
    path.write_bytes(bytes(raw))
    before = digest(path)
    with pytest.raises(db.JournalError) as info:
        db.open_journal(data)
    assert str(path) in str(info.value)
    assert digest(path) == before


def test_other_programs_database_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(db.JournalError, match="another program"):
        db.open_journal(data)
    assert digest(path) == before


def test_read_only_data_folder_gives_a_clear_message(tmp_path, monkeypatch):
    data = tmp_path / "ro"
    data.mkdir()
    data.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: make the permission check see what a user sees
        monkeypatch.setattr(db.os, "access", lambda path, mode: False)
    try:
        with pytest.raises(db.JournalError, match="read-only") as info:
            db.open_journal(data)
        assert str(data) in str(info.value)
        assert not (data / "journal.sqlite").exists()
    finally:
        data.chmod(0o700)


def test_uncreatable_data_folder_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(db.JournalError, match="Cannot create the data folder"):
        db.open_journal(blocker / "sub")
