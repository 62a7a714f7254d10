"""Schema versions as a chain of steps.

The version lives in ``PRAGMA user_version``. Each step moves the schema from version
``n - 1`` to ``n`` inside one transaction (SQLite DDL is transactional), so a failed step
leaves the file at the version before it. Steps are frozen: once released, a step is
never edited; a change to the schema is a new step at the end of the chain.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from importlib import resources
from typing import Any

Step = Callable[[sqlite3.Connection], None]


def _v1_initial(conn: sqlite3.Connection) -> None:
    """Version 1: the journal, programmes, logs, outcome measures and questions."""
    sql = resources.files("rehabjournal.store").joinpath("sql/v1.sql").read_text("utf-8")
    for statement in sql.split(";"):
        statement = "\n".join(
            line for line in statement.splitlines() if not line.startswith("--")
        ).strip()
        if statement:
            conn.execute(statement)


def _v2_settings_and_schedule(conn: sqlite3.Connection) -> None:
    """Version 2: journal-wide settings and the outcome-measure schedule on the profile."""
    conn.execute(
        'CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)'
    )
    conn.execute("ALTER TABLE \"profile\" ADD COLUMN \"outcome_schedule\" TEXT NOT NULL DEFAULT ''")


# The fields of domain.light.Thresholds when version 3 was made (frozen here: a later field
# is a new option with its default, not a change to this step).
_V3_THRESHOLDS = ("acceptable_pain", "green_peak_max", "morning_rise_tolerance",
                  "baseline_days", "trend_rise", "improvement_points", "improvement_fraction",
                  "assessment_weeks", "trend_min_days")


def _json(text: str | None) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def v3_setting_rows(thresholds: str | None, schedule: str | None) -> dict[str, str]:
    """The version-3 ``setting`` rows made from version-2 data (for the step and old exports).

    Args:
        thresholds: the v2 ``setting`` row "thresholds" (JSON object of Thresholds fields),
            or None.
        schedule: the v2 ``profile.outcome_schedule`` (JSON ``{"instruments": [...],
            "every_days": n}``), or None/"".

    Returns:
        {key: JSON text}: one row per known threshold (``thresholds.<field>``), and
        ``outcomes.instruments`` / ``outcomes.every_days``. Values are copied as they were;
        the settings registry reads an invalid one as its default. Unreadable JSON and
        unknown fields (which the app ignored) give no rows.
    """
    rows: dict[str, str] = {}
    old = _json(thresholds)
    if isinstance(old, dict):
        for name in _V3_THRESHOLDS:
            if name in old:
                rows[f"thresholds.{name}"] = json.dumps(old[name])
    sched = _json(schedule)
    if isinstance(sched, dict):
        for name in ("instruments", "every_days"):
            if name in sched:
                rows[f"outcomes.{name}"] = json.dumps(sched[name])
    return rows


def can_drop_column(conn: sqlite3.Connection) -> bool:
    """SQLite 3.35 and later have ``ALTER TABLE ... DROP COLUMN``."""
    version = conn.execute("SELECT sqlite_version()").fetchone()[0]
    return tuple(int(p) for p in version.split(".")[:2]) >= (3, 35)


_V3_PROFILE = (
    'CREATE TABLE "profile" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"condition" VARCHAR(255) NOT NULL, "joint" VARCHAR(255) NOT NULL, "side" VARCHAR(255) '
    'NOT NULL, "onset_date" DATE, "goal" TEXT NOT NULL, "clinician" VARCHAR(255) NOT NULL, '
    '"created" DATETIME NOT NULL)'
)
_V3_PROFILE_COLUMNS = '"id", "name", "condition", "joint", "side", "onset_date", "goal", ' \
    '"clinician", "created"'


def _v3_one_settings_store(conn: sqlite3.Connection) -> None:
    """Version 3: every journal setting is one ``setting`` row of the settings registry.

    The thresholds object (row "thresholds") is split into one row per threshold, the
    outcome-measure schedule moves from ``profile.outcome_schedule`` into the rows
    ``outcomes.instruments`` and ``outcomes.every_days``, and that column is dropped.
    """
    row = conn.execute("SELECT value FROM setting WHERE key = 'thresholds'").fetchone()
    profile = conn.execute(
        "SELECT outcome_schedule FROM profile ORDER BY id LIMIT 1").fetchone()
    rows = v3_setting_rows(row[0] if row else None, profile[0] if profile else None)
    conn.execute("DELETE FROM setting WHERE key = 'thresholds'")
    conn.executemany("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                     sorted(rows.items()))
    if can_drop_column(conn):
        conn.execute('ALTER TABLE "profile" DROP COLUMN "outcome_schedule"')
    else:  # SQLite before 3.35: rebuild the table (nothing refers to profile)
        conn.execute('ALTER TABLE "profile" RENAME TO "profile_v2"')
        conn.execute(_V3_PROFILE)
        conn.execute(f'INSERT INTO "profile" ({_V3_PROFILE_COLUMNS}) '
                     f'SELECT {_V3_PROFILE_COLUMNS} FROM "profile_v2"')
        conn.execute('DROP TABLE "profile_v2"')


STEPS: tuple[Step, ...] = (_v1_initial, _v2_settings_and_schedule, _v3_one_settings_store)
LATEST = len(STEPS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> list[int]:
    """Run the steps from the file's version up to ``target``, each in one transaction.

    Args:
        conn: an sqlite3 connection in autocommit mode (``isolation_level=None``).
        target: the version to reach.

    Returns:
        The versions reached, in order (empty when already current).
    """
    done = []
    current = user_version(conn)
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            STEPS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        done.append(version)
    return done
