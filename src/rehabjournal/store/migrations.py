"""Schema versions as a chain of steps.

The version lives in ``PRAGMA user_version``. Each step moves the schema from version
``n - 1`` to ``n`` inside one transaction (SQLite DDL is transactional), so a failed step
leaves the file at the version before it. Steps are frozen: once released, a step is
never edited; a change to the schema is a new step at the end of the chain.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from importlib import resources

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


STEPS: tuple[Step, ...] = (_v1_initial, _v2_settings_and_schedule)
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
