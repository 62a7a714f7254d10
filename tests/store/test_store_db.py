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


# ---- schema 4: one next-morning rating -----------------------------------------------------

NOTE = "(next-morning rating recorded with the session: {}/10)"
HIP_NOTE = "(next-morning rating of the right hip recorded with the session: {}/10)"


def _day_values(conn) -> tuple[dict, dict, dict]:
    """{day: morning pain}, {(day, site): site pain}, {session id: notes} of a v4 journal."""
    morning = dict(conn.execute("SELECT day, morning_pain FROM check_in"))
    sites = {(d, s): p for d, s, p in conn.execute(
        "SELECT c.day, p.site_id, p.pain FROM check_in_site_pain p "
        "JOIN check_in c ON c.id = p.checkin_id")}
    notes = dict(conn.execute("SELECT id, notes FROM activity_session"))
    return morning, sites, notes


@pytest.mark.parametrize("drop_column", [True, False], ids=["drop-column", "rebuild"])
def test_step4_moves_every_next_morning_rating_of_the_v3_fixture(tmp_path, monkeypatch,
                                                                 drop_column):
    monkeypatch.setattr(migrations, "can_drop_column", lambda conn: drop_column)
    path = tmp_path / "j.sqlite"
    shutil.copy(FIXTURES / "journal-v3.sqlite", path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")  # the rebuild must not cascade-delete anything
    sessions_before = conn.execute("SELECT count(*) FROM activity_session").fetchone()[0]
    assert migrations.migrate(conn, 4) == [4]
    morning, sites, notes = _day_values(conn)
    # empty next morning (no check-in) -> filled; the session's further-site rating too
    assert morning["2026-01-11"] == 2 and sites[("2026-01-11", 2)] == 2
    assert morning["2026-01-13"] == 3  # a check-in without morning pain -> filled
    assert morning["2026-01-14"] == 4 and notes[3] == ""  # the same value: no note
    assert morning["2026-01-15"] == 4, "the morning rating wins"
    assert notes[4] == "hilly " + NOTE.format(2), "the session keeps its own number"
    assert morning["2026-01-16"] == 3 and sites[("2026-01-16", 2)] == 1  # hip's walk
    assert morning["2026-01-17"] == 5, "two sessions of one site: the worst"
    assert notes[6] == NOTE.format(3) and notes[7] == ""
    assert "2026-01-18" not in morning  # no rating -> nothing
    assert notes[1] == "" and notes[2] == "" and notes[5] == "" and notes[8] == ""
    cols = [r[1] for r in conn.execute('PRAGMA table_info("activity_session")')]
    assert cols == ["id", "day", "position", "kind", "minutes", "rpe", "distance_km",
                    "pain_before", "pain_during", "pain_after", "site_id", "notes", "updated",
                    "source", "minutes_estimated"]
    assert [r[1] for r in conn.execute('PRAGMA table_info("session_site_pain")')] == [
        "id", "session_id", "site_id", "pain_before", "pain_during", "pain_after"]
    assert conn.execute("SELECT count(*) FROM activity_session").fetchone()[0] == sessions_before
    assert conn.execute("SELECT DISTINCT source, minutes_estimated FROM activity_session"
                        ).fetchall() == [("", 0)]
    assert conn.execute("SELECT pain_during FROM session_site_pain").fetchall() == [(1,)]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not {"activity_session_v3", "session_site_pain_v3"} & tables
    assert {"activity_session_day", "activity_session_site_id", "session_site_pain_session_id",
            "session_site_pain_site_id", "session_site_pain_session_id_site_id"} <= tables
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_version3_fixture_opens_at_newest_with_a_backup(tmp_path):
    from rehabjournal.services import journal as js

    data = _open_fixture(tmp_path, 3)
    try:
        _check_common_rows()
        journal = js.load_journal()
        knee = "left knee (around the kneecap)"
        assert journal.next_morning(date(2026, 1, 10)) == {knee: 2}
        assert journal.next_morning(date(2026, 1, 14)) == {knee: 4}
        assert journal.next_morning(date(2026, 1, 15)) == {"right hip": 1}
        assert journal.get(date(2026, 1, 16)).site_pains == {knee: 3, "right hip": 1}
        [row] = js.list_days(date(2026, 1, 16), date(2026, 1, 16))
        assert row["next_morning_pain"] == 5
    finally:
        db.close_journal()
    assert _backups(data) == [3]


@pytest.mark.parametrize("version", [1, 2])
def test_version1_and_2_fixtures_move_their_rating_to_the_next_morning(tmp_path, version):
    _open_fixture(tmp_path, version)
    try:
        nxt = m.CheckIn.get(m.CheckIn.day == date(2026, 1, 11))
        assert (nxt.morning_pain, nxt.notes) == (2, "")
        assert m.ActivitySession.get().notes == ""
    finally:
        db.close_journal()


def test_step4_failing_leaves_version3_with_its_columns(tmp_path, monkeypatch):
    path = tmp_path / "j.sqlite"
    shutil.copy(FIXTURES / "journal-v3.sqlite", path)

    def broken(conn):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "can_drop_column", broken)  # fails after the moves
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn)
    assert migrations.user_version(conn) == 3
    assert "next_morning_pain" in {r[1] for r in conn.execute(
        'PRAGMA table_info("activity_session")')}
    assert conn.execute("SELECT count(*) FROM check_in").fetchone()[0] == 5
    assert conn.execute("SELECT notes FROM activity_session WHERE id = 4").fetchone() == (
        "hilly",)
    conn.close()


def test_v4_moves_rule_on_plain_rows():
    """The rule both the step and old full-export files use; bad rows are left alone."""
    sites = [{"id": 1, "joint": "knee", "side": "left", "area": "", "primary": False,
              "archived": False},
             {"id": 2, "joint": "hip", "side": "right", "area": "outer", "primary": True,
              "archived": False}]
    assert migrations.v4_main_site(sites) == 2
    sessions = [
        {"id": 1, "day": "2026-01-01", "site_id": None, "next_morning_pain": 3, "notes": ""},
        {"id": 2, "day": "2026-01-01", "site_id": 1, "next_morning_pain": 6, "notes": " x "},
        {"id": 3, "day": "bad", "site_id": None, "next_morning_pain": 2, "notes": ""},
        {"id": 4, "day": "2026-01-02", "site_id": 2, "next_morning_pain": "7", "notes": ""},
    ]
    extras = [{"session_id": 1, "site_id": 1, "next_morning_pain": 5}]
    moves = migrations.v4_next_morning_moves(sites, sessions, extras, {"2026-01-02": None},
                                             {})
    assert moves.morning == {"2026-01-02": 3}  # site None = the main (primary) site
    assert moves.site_pains == {("2026-01-02", 1): 6}  # the worst of 6 and 5
    assert moves.new_checkins == []
    assert moves.notes == {1: "(next-morning rating of the left knee recorded with the "
                              "session: 5/10)"}


# ---- schema 6: activity files ------------------------------------------------------------


def test_step6_adds_activity_files_and_keeps_every_session_of_the_v5_fixture(tmp_path):
    path = tmp_path / "j.sqlite"
    shutil.copy(FIXTURES / "journal-v5.sqlite", path)
    conn = sqlite3.connect(path, isolation_level=None)
    before = conn.execute("SELECT id, day, kind, minutes, rpe, notes FROM activity_session "
                          "ORDER BY id").fetchall()
    assert migrations.migrate(conn, 6) == [6]
    after = conn.execute("SELECT id, day, kind, minutes, rpe, notes FROM activity_session "
                         "ORDER BY id").fetchall()
    assert after == before and ("2026-01-20", "cycle", 45, 5) in [r[1:5] for r in after]
    new = conn.execute("SELECT activity_file_id, sport, start_time, avg_hr FROM "
                       "activity_session").fetchall()
    assert set(new) == {(None, "", None, None)}  # typed by hand: no file, no heart rate
    assert conn.execute("SELECT count(*) FROM activity_file").fetchone() == (0,)
    conn.close()
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(path, data / "journal.sqlite")
    db.open_journal(data)  # the models read the migrated file
    row = m.ActivitySession.get(m.ActivitySession.notes == "by hand")
    assert (row.kind, row.minutes, row.activity_file, row.start_time) == ("cycle", 45, None, None)
