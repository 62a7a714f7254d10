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
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
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


# ---- version 4 -------------------------------------------------------------------------------
# Frozen: the rule and the SQL below are those of version 4; a later change is a new step.

V4_NOTE = "(next-morning rating recorded with the session: {value}/10)"
V4_SITE_NOTE = "(next-morning rating of the {site} recorded with the session: {value}/10)"


@dataclass
class V4Moves:
    """Where step 4 puts the sessions' next-morning ratings (see ``v4_next_morning_moves``).

    Attributes:
        morning: {day ISO text: morning pain 0-10} to write into that day's check-in,
            whose ``morning_pain`` is empty (or which does not exist yet).
        site_pains: {(day ISO text, site id): pain 0-10} to add as that day's site pain.
        new_checkins: days (ISO text, sorted) that need a check-in made first.
        notes: {session id: its whole new notes text} for sessions whose rating differed.
    """

    morning: dict[str, int] = field(default_factory=dict)
    site_pains: dict[tuple[str, int], int] = field(default_factory=dict)
    new_checkins: list[str] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _next_day(day: Any) -> str | None:
    try:
        return (date.fromisoformat(str(day)[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return None


def v4_main_site(sites: list[dict[str, Any]]) -> int | None:
    """The site "Morning pain" rates: the first primary, else the first, not archived.

    The order the app lists sites in (primary first, then by id), archived sites last.
    """
    ordered = sorted((s for s in sites if _whole(s.get("id")) is not None),
                     key=lambda s: (bool(s.get("archived")), not s.get("primary"), s["id"]))
    return ordered[0]["id"] if ordered else None


def _site_label(site: dict[str, Any] | None) -> str:
    if not site:
        return "other site"
    text = " ".join(str(p) for p in (site.get("side"), site.get("joint")) if p)
    return f"{text} ({site['area']})" if site.get("area") else (text or "other site")


def v4_next_morning_moves(sites: list[dict[str, Any]], sessions: list[dict[str, Any]],
                          extras: list[dict[str, Any]], checkins: dict[str, int | None],
                          site_pains: dict[tuple[str, int], int]) -> V4Moves:
    """Step 4's rule: a session's next-morning rating becomes the next day's morning pain.

    Schema 4 keeps one number for "how is the site the morning after": the next day's
    check-in ``morning_pain`` for the main site (``v4_main_site``; a session without a
    site is the main site's) and the next day's site pain for any other site.

    * That value empty (or no check-in that day): it is filled with the session's rating;
      several sessions of one site on one day with different ratings fill in the worst.
    * That value already equal: nothing changes.
    * That value different (or a session's rating differs from the worst that was filled
      in): the morning rating stays and the session's notes keep its own number,
      ``V4_NOTE`` ("(next-morning rating recorded with the session: 2/10)"), or
      ``V4_SITE_NOTE`` for a further site the session rated (``session_site_pain``).

    Used by the migration step and by full-export files of schemas 1-3, so both give the
    same journal. Rows whose values are not what the schema says (a bad date, a rating
    that is not a whole number) are left alone.

    Args:
        sites: pain_site rows ({id, joint, side, area, primary, archived}).
        sessions: activity_session rows ({id, day, site_id, next_morning_pain, notes}), in
            the day's order.
        extras: session_site_pain rows ({session_id, site_id, next_morning_pain}).
        checkins: {day ISO text: morning_pain or None} of the check-ins there are.
        site_pains: {(day ISO text, site id): pain} of the check-ins' site pains.
    """
    main = v4_main_site(sites)
    by_id = {s["id"]: s for s in sites if _whole(s.get("id")) is not None}
    # (next day, site id or None for the main site) -> [(session id, rating, note)]
    groups: dict[tuple[str, int | None], list[tuple[int, int, str]]] = {}
    days: dict[int, str | None] = {}  # session id -> the next day
    for s in sessions:
        sid = _whole(s.get("id"))
        if sid is None:
            continue
        nxt = days[sid] = _next_day(s.get("day"))
        value = _whole(s.get("next_morning_pain"))
        if value is None or nxt is None:
            continue
        site = _whole(s.get("site_id"))
        target = None if site is None or site == main else site
        groups.setdefault((nxt, target), []).append((sid, value, V4_NOTE.format(value=value)))
    for p in extras:
        sid, site, value = (_whole(p.get(k)) for k in ("session_id", "site_id",
                                                      "next_morning_pain"))
        nxt = days.get(sid) if sid is not None else None
        if site is None or value is None or nxt is None:
            continue
        target = None if site == main else site
        note = V4_SITE_NOTE.format(site=_site_label(by_id.get(site)), value=value)
        groups.setdefault((nxt, target), []).append((sid, value, note))

    moves = V4Moves()
    notes: dict[int, list[str]] = {}
    for (day, target), ratings in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1] or 0)):
        stored = checkins.get(day) if target is None else site_pains.get((day, target))
        if stored is None:
            stored = max(v for _sid, v, _note in ratings)
            if target is None:
                moves.morning[day] = stored
            else:
                moves.site_pains[(day, target)] = stored
            if day not in checkins and day not in moves.new_checkins:
                moves.new_checkins.append(day)
        for sid, value, note in ratings:
            if value != stored:
                notes.setdefault(sid, []).append(note)
    moves.new_checkins.sort()
    texts = {s["id"]: s.get("notes") for s in sessions if _whole(s.get("id")) is not None}
    for sid, added in notes.items():
        before = texts.get(sid)
        before = before if isinstance(before, str) else ""
        moves.notes[sid] = " ".join(p for p in (before.rstrip(), *added) if p)
    return moves


_V4_SESSION = (
    'CREATE TABLE "activity_session" ("id" INTEGER NOT NULL PRIMARY KEY, "day" DATE NOT NULL, '
    '"position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "minutes" INTEGER NOT NULL, '
    '"rpe" INTEGER, "distance_km" REAL, "pain_before" INTEGER, "pain_during" INTEGER, '
    '"pain_after" INTEGER, "site_id" INTEGER, "notes" TEXT NOT NULL, '
    '"updated" DATETIME NOT NULL, "source" TEXT NOT NULL DEFAULT \'\', '
    '"minutes_estimated" INTEGER NOT NULL DEFAULT 0, '
    'FOREIGN KEY ("site_id") REFERENCES "pain_site" ("id") ON DELETE SET NULL)'
)
_V4_SESSION_COLUMNS = ('"id", "day", "position", "kind", "minutes", "rpe", "distance_km", '
                       '"pain_before", "pain_during", "pain_after", "site_id", "notes", '
                       '"updated"')
_V4_SESSION_SITE_PAIN = (
    'CREATE TABLE "session_site_pain" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"session_id" INTEGER NOT NULL, "site_id" INTEGER NOT NULL, "pain_before" INTEGER, '
    '"pain_during" INTEGER, "pain_after" INTEGER, '
    'FOREIGN KEY ("session_id") REFERENCES "activity_session" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("site_id") REFERENCES "pain_site" ("id") ON DELETE CASCADE)'
)
_V4_SESSION_SITE_PAIN_COLUMNS = ('"id", "session_id", "site_id", "pain_before", '
                                 '"pain_during", "pain_after"')
_V4_INDEXES = (
    'CREATE INDEX "activity_session_day" ON "activity_session" ("day")',
    'CREATE INDEX "activity_session_site_id" ON "activity_session" ("site_id")',
    'CREATE INDEX "session_site_pain_session_id" ON "session_site_pain" ("session_id")',
    'CREATE INDEX "session_site_pain_site_id" ON "session_site_pain" ("site_id")',
    'CREATE UNIQUE INDEX "session_site_pain_session_id_site_id" ON "session_site_pain" '
    '("session_id", "site_id")',
)


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _v4_one_next_morning_rating(conn: sqlite3.Connection) -> None:
    """Version 4: one next-morning rating, and sessions made from programme logs.

    The sessions' ``next_morning_pain`` (``activity_session`` and ``session_site_pain``)
    moves into the next day's morning pain or site pain (``v4_next_morning_moves``) and
    the columns are dropped. ``activity_session`` gains ``source`` ('' typed by hand,
    'programme' made from the day's exercise logs) and ``minutes_estimated`` (1 while the
    minutes are the app's estimate from the prescriptions).
    """
    sites = _rows(conn, 'SELECT id, joint, side, area, "primary", archived FROM pain_site')
    sessions = _rows(conn, "SELECT id, day, site_id, next_morning_pain, notes "
                           "FROM activity_session ORDER BY day, position, id")
    extras = _rows(conn, "SELECT session_id, site_id, next_morning_pain FROM session_site_pain "
                         "ORDER BY id")
    checkins = {str(r["day"])[:10]: r["morning_pain"]
                for r in _rows(conn, "SELECT day, morning_pain FROM check_in")}
    site_pains = {(str(r["day"])[:10], r["site_id"]): r["pain"] for r in _rows(
        conn, "SELECT c.day, p.site_id, p.pain FROM check_in_site_pain p "
              "JOIN check_in c ON c.id = p.checkin_id")}
    moves = v4_next_morning_moves(sites, sessions, extras, checkins, site_pains)
    now = datetime.now().replace(microsecond=0).isoformat(" ")
    conn.executemany("INSERT INTO check_in (day, notes, updated) VALUES (?, '', ?)",
                     [(day, now) for day in moves.new_checkins])
    conn.executemany("UPDATE check_in SET morning_pain = ? WHERE day = ?",
                     [(v, day) for day, v in sorted(moves.morning.items())])
    conn.executemany(
        "INSERT INTO check_in_site_pain (checkin_id, site_id, pain) "
        "SELECT id, ?, ? FROM check_in WHERE day = ?",
        [(site, v, day) for (day, site), v in sorted(moves.site_pains.items())])
    conn.executemany("UPDATE activity_session SET notes = ? WHERE id = ?",
                     [(text, sid) for sid, text in sorted(moves.notes.items())])
    if can_drop_column(conn):
        conn.execute('ALTER TABLE "activity_session" DROP COLUMN "next_morning_pain"')
        conn.execute('ALTER TABLE "session_site_pain" DROP COLUMN "next_morning_pain"')
        conn.execute('ALTER TABLE "activity_session" ADD COLUMN "source" TEXT NOT NULL '
                     "DEFAULT ''")
        conn.execute('ALTER TABLE "activity_session" ADD COLUMN "minutes_estimated" INTEGER '
                     "NOT NULL DEFAULT 0")
        return
    # SQLite before 3.35: rebuild both tables. The child goes first and is dropped before
    # its parent, so dropping the old parent deletes (and cascades) nothing.
    conn.execute('ALTER TABLE "session_site_pain" RENAME TO "session_site_pain_v3"')
    conn.execute('ALTER TABLE "activity_session" RENAME TO "activity_session_v3"')
    conn.execute(_V4_SESSION)
    conn.execute(f'INSERT INTO "activity_session" ({_V4_SESSION_COLUMNS}) '
                 f'SELECT {_V4_SESSION_COLUMNS} FROM "activity_session_v3"')
    conn.execute(_V4_SESSION_SITE_PAIN)
    conn.execute(f'INSERT INTO "session_site_pain" ({_V4_SESSION_SITE_PAIN_COLUMNS}) '
                 f'SELECT {_V4_SESSION_SITE_PAIN_COLUMNS} FROM "session_site_pain_v3"')
    conn.execute('DROP TABLE "session_site_pain_v3"')
    conn.execute('DROP TABLE "activity_session_v3"')
    for statement in _V4_INDEXES:
        conn.execute(statement)


_V5_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("exercise", "side", "TEXT NOT NULL DEFAULT ''"),
    ("exercise", "tempo", "TEXT NOT NULL DEFAULT ''"),
    ("exercise", "rest_s", "INTEGER"),
    ("exercise", "days_per_week", "INTEGER"),
    ("exercise", "times_per_day", "INTEGER"),
    ("exercise", "pain_rule", "TEXT NOT NULL DEFAULT ''"),
    ("exercise", "media", "TEXT NOT NULL DEFAULT ''"),
    ("exercise", "source", "TEXT NOT NULL DEFAULT ''"),
    ("programme", "review_date", "DATE"),
    ("programme", "clinician_name", "TEXT NOT NULL DEFAULT ''"),
    ("programme", "clinician_contact", "TEXT NOT NULL DEFAULT ''"),
    ("phase", "criteria", "TEXT NOT NULL DEFAULT ''"),
    ("phase", "carry_progress", "INTEGER NOT NULL DEFAULT 1"),
    ("prescription", "side", "TEXT NOT NULL DEFAULT ''"),
    ("prescription", "times_per_day", "INTEGER"),
    ("prescription", "effort_target", "TEXT NOT NULL DEFAULT ''"),
    ("prescription", "pain_rule", "TEXT NOT NULL DEFAULT ''"),
    ("prescription", "media", "TEXT NOT NULL DEFAULT ''"),
)


def _v5_programmes_a_physio_writes(conn: sqlite3.Connection) -> None:
    """Version 5: what a physio's home programme says beyond the dose.

    Exercises gain their side, tempo, rest, frequency (days a week, times a day), pain
    rule ('' standard, 'tendon'), a picture or video link (``media``) and the source of
    their dose; prescriptions the same per-patient fields plus an effort target;
    programmes a review date and the clinician's name and contact; phases the criteria
    to move on and ``carry_progress`` (1: accepted progress carries into this phase).
    Only columns are added: every existing row keeps its values.
    """
    for table, column, decl in _V5_COLUMNS:
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {decl}')


_V6_SESSION_COLUMNS = (
    ("activity_file_id", 'INTEGER REFERENCES "activity_file" ("id") ON DELETE SET NULL'),
    ("leg", "INTEGER"),
    ("sport", "TEXT NOT NULL DEFAULT ''"),
    ("start_time", "TIME"),
    ("elapsed_s", "INTEGER"),
    ("moving_s", "INTEGER"),
    ("ascent_m", "REAL"),
    ("avg_hr", "INTEGER"),
    ("max_hr", "INTEGER"),
)


def _v6_activity_files(conn: sqlite3.Connection) -> None:
    """Version 6: sessions from watch and app files (FIT, GPX, TCX).

    A new table ``activity_file`` remembers each file read (its SHA-256, name and format;
    ``status`` 'imported', or 'dismissed' when the person declined a watched-folder offer),
    so a second import skips it. Sessions gain the file they came from and its leg, the
    file's sport, the local start time, elapsed and moving seconds, elevation gain and mean
    and maximum heart rate. Only a table and columns are added: every row keeps its values.
    """
    conn.execute(
        'CREATE TABLE "activity_file" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"sha256" VARCHAR(255) NOT NULL, "name" TEXT NOT NULL, "format" VARCHAR(255) NOT NULL, '
        '"status" VARCHAR(255) NOT NULL, "seen" DATETIME NOT NULL)'
    )
    conn.execute('CREATE UNIQUE INDEX "activity_file_sha256" ON "activity_file" ("sha256")')
    for column, decl in _V6_SESSION_COLUMNS:
        conn.execute(f'ALTER TABLE "activity_session" ADD COLUMN "{column}" {decl}')
    conn.execute('CREATE INDEX "activity_session_activity_file_id" '
                 'ON "activity_session" ("activity_file_id")')


STEPS: tuple[Step, ...] = (_v1_initial, _v2_settings_and_schedule, _v3_one_settings_store,
                           _v4_one_next_morning_rating, _v5_programmes_a_physio_writes,
                           _v6_activity_files)
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
