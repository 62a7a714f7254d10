"""The queries of the clinician report that no other repository answers.

Rows come back as plain values (dataclasses of this module, strings), never model rows,
so ``services.report`` does its arithmetic without touching peewee.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from . import models as m


@dataclass(frozen=True, slots=True)
class PhaseRow:
    """A phase of a programme, in programme order."""

    id: int
    name: str
    weeks: int


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    """The programme a report shows, with its phases in order."""

    name: str
    start_date: date | None
    phases: tuple[PhaseRow, ...]


@dataclass(frozen=True, slots=True)
class PrescribedRow:
    """One prescription of a phase, with its last change up to a date.

    Attributes:
        last_change: (field, old value, new value, day) of the newest change on or before
            the date asked for, or None.
    """

    exercise: str
    sets: int
    reps: int | None
    hold_s: int | None
    load: float | None
    load_unit: str
    days_per_week: int | None
    weekdays: str
    last_change: tuple[str, str, str, date] | None


def open_questions() -> list[str]:
    """The questions for the next appointment not yet answered, oldest first."""
    rows = (
        m.Question.select(m.Question.text)
        .where(m.Question.answered == False)  # noqa: E712 - peewee expression
        .order_by(m.Question.created, m.Question.id)
    )
    return [r.text for r in rows]


# ---- the question list (Today's "Questions for your physio") ------------------------------

def _question_row(q: m.Question) -> dict[str, Any]:
    return {"id": q.id, "text": q.text, "created": q.created, "answered": bool(q.answered)}


def list_questions() -> list[dict[str, Any]]:
    """Every question as a dict (id, text, created, answered): open ones first, each part
    oldest first (the order of the report)."""
    rows = m.Question.select().order_by(m.Question.answered, m.Question.created, m.Question.id)
    return [_question_row(q) for q in rows]


def get_question(question_id: int) -> dict[str, Any] | None:
    q = m.Question.get_or_none(m.Question.id == question_id)
    return None if q is None else _question_row(q)


def add_question(text: str) -> int:
    """Store a new open question; returns its id."""
    return m.Question.create(text=text, answered=False).id


def update_question(question_id: int, **values: Any) -> None:
    """Set ``text`` and/or ``answered`` of a question."""
    m.Question.update(**values).where(m.Question.id == question_id).execute()


def delete_question(question_id: int) -> None:
    m.Question.delete().where(m.Question.id == question_id).execute()


def restore_question(row: dict[str, Any]) -> None:
    """Put back a question exactly as ``get_question`` gave it (same id and date)."""
    m.Question.insert(dict(row)).execute()


def report_programme() -> ProgrammeRow | None:
    """The active programme, else the newest one; None when there is none."""
    prog = m.Programme.select().where(m.Programme.active == True).first()  # noqa: E712
    if prog is None:
        prog = m.Programme.select().order_by(m.Programme.id.desc()).first()
    if prog is None:
        return None
    phases = m.Phase.select().where(m.Phase.programme == prog).order_by(m.Phase.position)
    return ProgrammeRow(prog.name, prog.start_date,
                        tuple(PhaseRow(p.id, p.name, p.weeks) for p in phases))


def phase_prescriptions(phase_id: int, until: date) -> list[PrescribedRow]:
    """The prescriptions of a phase in their order, each with its last change by ``until``."""
    rows = (
        m.Prescription.select(m.Prescription, m.Exercise)
        .join(m.Exercise)
        .where(m.Prescription.phase == phase_id)
        .order_by(m.Prescription.position, m.Prescription.id)
    )
    out = []
    for p in rows:
        last = (
            m.PrescriptionChange.select()
            .where((m.PrescriptionChange.prescription == p)
                   & (m.PrescriptionChange.day <= until))
            .order_by(m.PrescriptionChange.day.desc(), m.PrescriptionChange.id.desc())
            .first()
        )
        out.append(PrescribedRow(
            exercise=p.exercise.name, sets=p.sets, reps=p.reps, hold_s=p.hold_s, load=p.load,
            load_unit=p.load_unit, days_per_week=p.days_per_week, weekdays=p.weekdays or "",
            last_change=(last.field_name, last.old_value, last.new_value, last.day)
            if last is not None else None,
        ))
    return out
