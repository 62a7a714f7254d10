"""Writing generated journals: the rows ``services.demo`` makes up, put into the journal.

The demo and history generators decide every value (seeded, deterministic); this module
only writes the rows they hand over and reads back the few things they build on (ids, the
programme made from a template). It writes into the open journal, in the caller's
transaction (``transaction()``).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..domain.progression import rm_effort
from . import models as m

# Table name (as in the schema) -> model, for the generic writers below.
TABLES: dict[str, type[m.BaseModel]] = {
    model._meta.table_name: model
    for model in (m.Profile, m.PainSite, m.CheckIn, m.CheckInSitePain, m.ActivityFile,
                  m.ActivitySession,
                  m.SessionSitePain, m.ExerciseLog, m.Event, m.RedFlag, m.Question,
                  m.PrescriptionChange)
}


@dataclass(frozen=True)
class PhaseRow:
    """A phase of a programme, as the generators need it."""

    id: int
    position: int
    weeks: int
    deload: bool


@dataclass(frozen=True)
class PrescriptionRow:
    """A prescription with its exercise's slug and category."""

    id: int
    exercise_slug: str
    exercise_category: str
    sets: int
    reps: int | None
    hold_s: int | None
    load: float | None
    load_unit: str
    days_per_week: int | None
    weekdays: str
    rest_s: int | None = None


def transaction() -> AbstractContextManager:
    """One transaction (a savepoint when nested) around a generator's writes."""
    return m.database.atomic()


def has_entries() -> bool:
    """True when the journal holds a check-in or a session."""
    return m.CheckIn.select().exists() or m.ActivitySession.select().exists()


def has_profile() -> bool:
    return m.Profile.select().exists()


def primary_site_id() -> int | None:
    """The primary pain site's id, or None."""
    site = m.PainSite.get_or_none(m.PainSite.primary == True)  # noqa: E712
    return site.id if site else None


def insert(table: str, **values: Any) -> int:
    """Write one row into ``table`` (a key of ``TABLES``); returns its id."""
    return TABLES[table].create(**values).id


def insert_many(table: str, rows: Iterable[dict[str, Any]], chunk: int = 500) -> None:
    """Write ``rows`` (dicts of column values) into ``table`` in statements of ``chunk``."""
    rows = list(rows)
    for k in range(0, len(rows), chunk):
        TABLES[table].insert_many(rows[k:k + chunk]).execute()


def checkin_ids() -> dict[date, int]:
    """Check-in id by day."""
    return {r.day: r.id for r in m.CheckIn.select(m.CheckIn.id, m.CheckIn.day)}


def set_programme_created(programme_id: int, when: datetime) -> None:
    m.Programme.update(created=when).where(m.Programme.id == programme_id).execute()


def set_prescription_load(prescription_id: int, load: float, reps: int | None = None) -> None:
    """Set a prescription's load (and reps: a rep-max effort target follows them)."""
    values: dict = {"load": load}
    if reps is not None:
        row = m.Prescription.get_by_id(prescription_id)
        values["reps"] = reps
        if row.reps and row.reps != reps:
            values["effort_target"] = rm_effort(row.effort_target or "", row.reps, reps)
    m.Prescription.update(**values).where(m.Prescription.id == prescription_id).execute()


def programme_layout(programme_id: int) -> list[tuple[PhaseRow, list[PrescriptionRow]]]:
    """The programme's phases in order, each with its prescriptions in order."""
    layout = []
    phases = (m.Phase.select().where(m.Phase.programme == programme_id)
              .order_by(m.Phase.position))
    for ph in phases:
        rows = (m.Prescription.select(m.Prescription, m.Exercise).join(m.Exercise)
                .where(m.Prescription.phase == ph.id).order_by(m.Prescription.position))
        layout.append((
            PhaseRow(id=ph.id, position=ph.position, weeks=ph.weeks, deload=ph.deload),
            [PrescriptionRow(
                id=p.id, exercise_slug=p.exercise.slug, exercise_category=p.exercise.category,
                sets=p.sets, reps=p.reps, hold_s=p.hold_s, load=p.load, load_unit=p.load_unit,
                days_per_week=p.days_per_week, weekdays=p.weekdays, rest_s=p.rest_s,
            ) for p in rows],
        ))
    return layout
