"""The Progress page's own queries (the journal's days come from ``journal_repo``)."""

from __future__ import annotations

from datetime import date

from . import models as m


def programme_start() -> date | None:
    """Start date of the active programme (else of the latest-starting one), or None."""
    row = (
        m.Programme.select(m.Programme.start_date)
        .where(m.Programme.start_date.is_null(False))
        .order_by(m.Programme.active.desc(), m.Programme.start_date.desc())
        .first()
    )
    return row.start_date if row else None


def last_logged(until: date) -> list[tuple[int, str, date]]:
    """(exercise id, name, day of its latest done or partial log on or before ``until``)
    of every exercise with such a log, by name (skipped logs do not count)."""
    from peewee import fn

    last = fn.MAX(m.ExerciseLog.day)
    rows = (m.Exercise.select(m.Exercise.id, m.Exercise.name, last.alias("last"))
            .join(m.Prescription).join(m.ExerciseLog)
            .where((m.ExerciseLog.status != "skipped") & (m.ExerciseLog.day <= until))
            .group_by(m.Exercise.id, m.Exercise.name)
            .order_by(m.Exercise.name, m.Exercise.id))
    return [(r.id, r.name, _day(r.last)) for r in rows]


def _day(value) -> date:
    """A date read back from an aggregate (SQLite gives MAX() as ISO text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
