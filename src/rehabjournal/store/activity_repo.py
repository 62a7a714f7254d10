"""The queries of activity files (FIT, GPX, TCX from watches and apps; schema 6).

The ``activity_file`` table remembers, by the SHA-256 of its bytes (``Activity.key``), every
file an import wrote a session from (``status`` 'imported'), that the person declined from
the watched folder ('dismissed'), or that a batch the person reviewed skipped ('skipped':
duplicates, activities that cannot be a session) or could not read ('refused'); the
watched folder offers none of them again. Sessions made from a file (or hand-typed
sessions merged with one) link to it with ``activity_session.activity_file`` and ``leg``.
"To rate" is ``activity_file IS NOT NULL AND rpe IS NULL``.

Rows come back as plain dicts of their columns (foreign keys as ids under the field name),
as ``journal_repo`` gives them, so that an undo puts back the same rows with the same ids.
Sessions are written through ``journal_repo`` (``append_session``, ``update_session``,
``restore_session``): the one place that decides where a new session goes.

``PLAUSIBLE`` holds the ranges of the file columns: what an import stores (a value outside
is dropped as a sensor glitch) and what a full export's import accepts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from playhouse.shortcuts import model_to_dict

from ..domain.activities import KnownSession
from ..domain.scales import MINUTES_MAX
from . import models as m

STATUSES = ("imported", "dismissed", "skipped", "refused")
"""``activity_file.status``: a session was imported from it; offered from the watched folder
and declined; in a batch the person reviewed, it gave no session (every activity skipped)
or could not be read. The column is free text (schema 6), so the last two needed no
migration. Only 'imported' counts as imported: the others are read again when asked."""
FORMATS = ("", "fit", "gpx", "tcx", "strava")
"""``activity_file.format`` (``Activity.fmt``); "" when not known."""

PLAUSIBLE: dict[str, tuple[float, float]] = {
    "leg": (0, 999),
    "elapsed_s": (0, 7 * 24 * 3600),  # a week, pauses included
    "moving_s": (0, (MINUTES_MAX + 1) * 60),  # the journal's minutes are at most a day
    "ascent_m": (0, 20_000),
    "avg_hr": (20, 250),
    "max_hr": (20, 250),
}
"""Ranges (inclusive) of the file columns of ``activity_session``: heart rates in beats per
minute (20-250: below and above any human's), seconds, metres of climb. A design choice
shared by the import (a value outside is not stored) and the full export's import (a value
outside is refused with its place)."""

_S = m.ActivitySession
_F = m.ActivityFile


def _row(row) -> dict[str, Any] | None:
    return model_to_dict(row, recurse=False) if row is not None else None


# ---- activity_file rows ----------------------------------------------------------------

def files_by_key(keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """{sha256: activity_file row} of those of ``keys`` the journal knows (any status)."""
    keys = list(dict.fromkeys(keys))
    out: dict[str, dict[str, Any]] = {}
    for k in range(0, len(keys), 500):  # SQLite's variable limit
        for row in _F.select().where(_F.sha256.in_(keys[k:k + 500])):
            out[row.sha256] = _row(row)
    return out


def known_keys() -> set[str]:
    """The sha256 of every file the journal knows, whatever its status."""
    return {r.sha256 for r in _F.select(_F.sha256)}


def legs_in_journal(file_ids: Iterable[int]) -> dict[tuple[int, int], dict[str, Any]]:
    """{(activity_file id, leg): session row} of the sessions linked to these files."""
    ids = list(dict.fromkeys(file_ids))
    out: dict[tuple[int, int], dict[str, Any]] = {}
    for k in range(0, len(ids), 500):
        query = (_S.select().where(_S.activity_file.in_(ids[k:k + 500]))
                 .order_by(_S.day, _S.position, _S.id))
        for row in query:
            out.setdefault((row.activity_file_id, row.leg or 0), _row(row))
    return out


def add_file(sha256: str, name: str, fmt: str, status: str = "imported",
             seen: datetime | None = None) -> int:
    """Remember a file; returns its row id."""
    values: dict[str, Any] = {"sha256": sha256, "name": name, "format": fmt, "status": status}
    if seen is not None:
        values["seen"] = seen
    return _F.create(**values).id


def get_file(file_id: int) -> dict[str, Any] | None:
    return _row(_F.get_or_none(_F.id == file_id))


def put_file(file_id: int, row: dict[str, Any] | None) -> None:
    """Make the activity_file row ``file_id`` exactly ``row`` (same id), or none with None.

    Deleting a row unlinks its sessions (``ON DELETE SET NULL``): the caller puts them
    back as they should be.
    """
    if row is None:
        _F.delete().where(_F.id == file_id).execute()
        return
    if _F.select().where(_F.id == file_id).exists():
        _F.update({k: v for k, v in row.items() if k != "id"}).where(_F.id == file_id).execute()
    else:
        _F.insert(dict(row)).execute()


# ---- sessions ---------------------------------------------------------------------------

def known_sessions(start: date, end: date) -> list[tuple[KnownSession, dict[str, Any]]]:
    """The sessions of ``start..end`` as duplicate matching needs them, each with its row.

    A session is ``imported`` when it is linked to a file or has a start time (only a file
    gives one).
    """
    rows = (_S.select().where(_S.day.between(start, end))
            .order_by(_S.day, _S.position, _S.id))
    out = []
    for row in rows:
        known = KnownSession(id=row.id, day=row.day, kind=row.kind, minutes=row.minutes,
                             start=row.start_time,
                             imported=row.activity_file_id is not None
                             or row.start_time is not None)
        out.append((known, _row(row)))
    return out


def _unrated(start: date | None, end: date | None):
    query = _S.select().where(_S.activity_file.is_null(False) & _S.rpe.is_null())
    if start is not None:
        query = query.where(_S.day >= start)
    if end is not None:
        query = query.where(_S.day <= end)
    return query


def unrated_sessions(since: date | None = None) -> list[dict[str, Any]]:
    """Sessions linked to a file without an effort (RPE), oldest first."""
    query = _unrated(since, None).order_by(_S.day, _S.start_time, _S.position, _S.id)
    return [_row(r) for r in query]


def unrated_count(start: date | None = None, end: date | None = None) -> int:
    """How many sessions linked to a file in ``start..end`` (None: no bound) have no effort
    (RPE)."""
    return _unrated(start, end).count()


def heart_rate_sessions(start: date, end: date) -> list[tuple[date, int, int]]:
    """(day, the session's minutes, mean heart rate) of the sessions of ``start..end`` that
    have a mean heart rate, in day order."""
    query = (_S.select(_S.day, _S.minutes, _S.avg_hr)
             .where(_S.day.between(start, end) & _S.avg_hr.is_null(False))
             .order_by(_S.day, _S.position, _S.id))
    return [(r.day, r.minutes, r.avg_hr) for r in query]


def sessions_with_file_details() -> int:
    """How many sessions hold what a file recorded (a link to a file, a start time or a
    heart rate): what the CSV's columns cannot carry."""
    return _S.select().where(_S.activity_file.is_null(False) | _S.start_time.is_null(False)
                             | _S.avg_hr.is_null(False)).count()
