"""Programme rows <-> plain dicts: every query of programmes, phases, prescriptions, the
exercise library and exercise logs.

``services/programme.py`` holds the use cases (validation, undo); this module only reads
and writes rows. Rows come back as dicts of column values (foreign keys as ids, e.g.
``"phase": 3``). Functions that delete return a snapshot that the matching ``restore_*``
puts back with the same ids (undo and redo rely on that). Every function that writes more
than one statement runs in ``atomic()``; inside a caller's transaction that is a savepoint.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from playhouse.shortcuts import model_to_dict

from ..domain import programme as dp
from ..i18n import _, library_text
from . import models as m

Row = dict[str, Any]


def _dict(row) -> Row:
    return model_to_dict(row, recurse=False)


def _renumber(model, ids: list[int]) -> None:
    for position, row_id in enumerate(ids):
        model.update(position=position).where(model.id == row_id).execute()


def _insert_all(snap: dict[str, Any], parts: tuple[tuple[str, Any], ...]) -> None:
    for key, model in parts:
        for row in snap.get(key, ()):
            model.insert(row).execute()


# ---- programmes ----------------------------------------------------------------------------

def _programme(row: m.Programme) -> Row:
    d = _dict(row)
    d["weeks"] = sum(p.weeks for p in row.phases)
    return d


def list_programmes() -> list[Row]:
    """Every programme by id, each with ``weeks`` (the sum of its phases)."""
    return [_programme(r) for r in m.Programme.select().order_by(m.Programme.id)]


def get_programme(programme_id: int) -> Row | None:
    row = m.Programme.get_or_none(m.Programme.id == programme_id)
    return _programme(row) if row else None


def active_programme() -> Row | None:
    row = m.Programme.select().where(m.Programme.active == True).first()  # noqa: E712
    return _programme(row) if row else None


def active_programme_id() -> int | None:
    row = m.Programme.select(m.Programme.id).where(m.Programme.active == True).first()  # noqa: E712
    return row.id if row else None


def create_programme(name: str, start_date: date | None, notes: str = "", active: bool = False,
                     template: str = "") -> int:
    """Insert a programme (the only active one when ``active``); returns its id."""
    with m.database.atomic():
        if active:
            m.Programme.update(active=False).execute()
        return m.Programme.create(name=name, start_date=start_date, notes=notes, active=active,
                                  template=template).id


def update_programme(programme_id: int, values: dict[str, Any]) -> None:
    m.Programme.update(**values).where(m.Programme.id == programme_id).execute()


def set_active(programme_id: int | None) -> int | None:
    """Make ``programme_id`` the only active programme (None: none is).

    Returns:
        The id of the programme that was active before, or None.
    """
    with m.database.atomic():
        previous = active_programme_id()
        m.Programme.update(active=False).execute()
        if programme_id is not None:
            m.Programme.update(active=True).where(m.Programme.id == programme_id).execute()
    return previous


def _pres_rows(ids: list[int]) -> dict[str, list[Row]]:
    if not ids:
        return {"changes": [], "logs": []}
    return {
        "changes": [_dict(c) for c in m.PrescriptionChange.select()
                    .where(m.PrescriptionChange.prescription.in_(ids))],
        "logs": [_dict(c) for c in m.ExerciseLog.select()
                 .where(m.ExerciseLog.prescription.in_(ids))],
    }


def programme_snapshot(programme_id: int) -> dict[str, Any]:
    """The programme with its phases, prescriptions, their history and logs."""
    prog = m.Programme.get_by_id(programme_id)
    phases = list(prog.phases)
    prescriptions = list(m.Prescription.select().where(
        m.Prescription.phase.in_([p.id for p in phases]))) if phases else []
    return {
        "programme": _dict(prog),
        "phases": [_dict(p) for p in phases],
        "prescriptions": [_dict(p) for p in prescriptions],
        **_pres_rows([p.id for p in prescriptions]),
    }


def delete_programme(programme_id: int) -> dict[str, Any]:
    """Delete a programme with everything under it; returns its snapshot."""
    with m.database.atomic():
        snap = programme_snapshot(programme_id)
        m.Programme.delete().where(m.Programme.id == programme_id).execute()
    return snap


def restore_programme(snap: dict[str, Any]) -> None:
    """Put back a deleted programme (same ids); an active one becomes the only active."""
    with m.database.atomic():
        if snap["programme"]["active"]:
            m.Programme.update(active=False).execute()
        m.Programme.insert(snap["programme"]).execute()
        _insert_all(snap, (("phases", m.Phase), ("prescriptions", m.Prescription),
                           ("changes", m.PrescriptionChange), ("logs", m.ExerciseLog)))


def _copy_phase(ph: m.Phase, programme_id: int, position: int, name: str) -> int:
    new = m.Phase.create(programme=programme_id, position=position, name=name, weeks=ph.weeks,
                         deload=ph.deload, goal=ph.goal)
    for p in ph.prescriptions.order_by(m.Prescription.position, m.Prescription.id):
        values = _dict(p)
        values.pop("id")
        values["phase"] = new.id
        m.Prescription.insert(values).execute()
    return new.id


def _copy_name(name: str) -> str:
    """"Knee plan (copy)" in the current language (a template's name in its words)."""
    return _("{name} (copy)").format(name=library_text(name))


def duplicate_programme(programme_id: int, name: str | None = None) -> int:
    """Copy a programme with its phases and prescriptions (not logs), inactive; its id."""
    src = m.Programme.get_by_id(programme_id)
    with m.database.atomic():
        copy = m.Programme.create(name=name or _copy_name(src.name), notes=src.notes,
                                  active=False, start_date=src.start_date, template=src.template)
        for ph in src.phases.order_by(m.Phase.position, m.Phase.id):
            _copy_phase(ph, copy.id, ph.position, ph.name)
    return copy.id


def plan_for(programme_id: int) -> dp.Plan:
    """The programme as the domain schedule sees it."""
    prog = m.Programme.get_by_id(programme_id)
    phases = list(
        m.Phase.select().where(m.Phase.programme == programme_id)
        .order_by(m.Phase.position, m.Phase.id)
    )
    by_phase: dict[int, list[dp.PlanPrescription]] = {p.id: [] for p in phases}
    if phases:
        rows = (
            m.Prescription.select()
            .where(m.Prescription.phase.in_(list(by_phase)))
            .order_by(m.Prescription.position, m.Prescription.id)
        )
        for r in rows:
            by_phase[r.phase_id].append(dp.PlanPrescription(r.id, r.weekdays or "",
                                                            r.days_per_week))
    return dp.Plan(
        prog.start_date,
        tuple(dp.PlanPhase(p.id, p.weeks, bool(p.deload), tuple(by_phase[p.id])) for p in phases),
    )


# ---- phases --------------------------------------------------------------------------------

def list_phases(programme_id: int) -> list[Row]:
    rows = m.Phase.select().where(m.Phase.programme == programme_id).order_by(
        m.Phase.position, m.Phase.id)
    return [_dict(r) for r in rows]


def phase_order(programme_id: int) -> list[int]:
    return [p["id"] for p in list_phases(programme_id)]


def get_phase(phase_id: int) -> Row | None:
    row = m.Phase.get_or_none(m.Phase.id == phase_id)
    return _dict(row) if row else None


def add_phase(programme_id: int, values: dict[str, Any]) -> int:
    """Append a phase to a programme; returns its id."""
    with m.database.atomic():
        position = m.Phase.select().where(m.Phase.programme == programme_id).count()
        return m.Phase.create(programme=programme_id, position=position, **values).id


def update_phase(phase_id: int, values: dict[str, Any]) -> None:
    m.Phase.update(**values).where(m.Phase.id == phase_id).execute()


def delete_phase(phase_id: int) -> dict[str, Any]:
    """Delete a phase with its prescriptions, history and logs; returns its snapshot."""
    with m.database.atomic():
        ph = m.Phase.get_by_id(phase_id)
        pres = list(ph.prescriptions)
        snap = {
            "phase": _dict(ph),
            "prescriptions": [_dict(p) for p in pres],
            **_pres_rows([p.id for p in pres]),
            "order": phase_order(ph.programme_id),
        }
        ph.delete_instance()
        _renumber(m.Phase, [i for i in snap["order"] if i != phase_id])
    return snap


def restore_phase(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        m.Phase.insert(snap["phase"]).execute()
        _insert_all(snap, (("prescriptions", m.Prescription), ("changes", m.PrescriptionChange),
                           ("logs", m.ExerciseLog)))
        _renumber(m.Phase, snap["order"])


def duplicate_phase(phase_id: int) -> int:
    """Copy a phase (with its prescriptions) right after itself; returns the copy's id."""
    with m.database.atomic():
        ph = m.Phase.get_by_id(phase_id)
        order = phase_order(ph.programme_id)
        new_id = _copy_phase(ph, ph.programme_id, ph.position + 1, _copy_name(ph.name))
        order.insert(order.index(phase_id) + 1, new_id)
        _renumber(m.Phase, order)
    return new_id


def reorder_phases(phase_ids: list[int]) -> None:
    """Number the phases in the order given."""
    with m.database.atomic():
        _renumber(m.Phase, phase_ids)


# ---- prescriptions -------------------------------------------------------------------------

def _prescription(row: m.Prescription) -> Row:
    d = _dict(row)
    d["exercise_name"] = row.exercise.name
    d["exercise_slug"] = row.exercise.slug
    return d


def list_prescriptions(phase_id: int) -> list[Row]:
    """A phase's prescriptions in order, each with ``exercise_name`` and ``exercise_slug``."""
    rows = (m.Prescription.select(m.Prescription, m.Exercise).join(m.Exercise)
            .where(m.Prescription.phase == phase_id)
            .order_by(m.Prescription.position, m.Prescription.id))
    return [_prescription(r) for r in rows]


def get_prescription(prescription_id: int) -> Row | None:
    row = m.Prescription.get_or_none(m.Prescription.id == prescription_id)
    return _prescription(row) if row else None


def prescription_exists(prescription_id: int) -> bool:
    return m.Prescription.select().where(m.Prescription.id == prescription_id).exists()


def prescription_order(phase_id: int) -> list[int]:
    return [r.id for r in m.Prescription.select(m.Prescription.id)
            .where(m.Prescription.phase == phase_id)
            .order_by(m.Prescription.position, m.Prescription.id)]


def add_prescription(phase_id: int, values: dict[str, Any]) -> int:
    """Append a prescription to a phase; returns its id."""
    with m.database.atomic():
        position = m.Prescription.select().where(m.Prescription.phase == phase_id).count()
        return m.Prescription.create(phase=phase_id, position=position, **values).id


def update_prescription(prescription_id: int, values: dict[str, Any]) -> None:
    m.Prescription.update(**values).where(m.Prescription.id == prescription_id).execute()


def delete_prescription(prescription_id: int) -> dict[str, Any]:
    """Delete a prescription with its history and logs; returns its snapshot."""
    with m.database.atomic():
        row = m.Prescription.get_by_id(prescription_id)
        snap = {
            "prescription": _dict(row),
            "changes": [_dict(c) for c in row.changes],
            "logs": [_dict(c) for c in row.logs],
            "order": prescription_order(row.phase_id),
        }
        row.delete_instance()
        _renumber(m.Prescription, [i for i in snap["order"] if i != prescription_id])
    return snap


def restore_prescription(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        m.Prescription.insert(snap["prescription"]).execute()
        _insert_all(snap, (("changes", m.PrescriptionChange), ("logs", m.ExerciseLog)))
        _renumber(m.Prescription, snap["order"])


def move_prescription(prescription_id: int, phase_id: int, index: int) -> None:
    """Put a prescription at ``index`` of ``phase_id`` (its own phase or another one)."""
    with m.database.atomic():
        row = m.Prescription.get_by_id(prescription_id)
        old_order = prescription_order(row.phase_id)
        old_order.remove(prescription_id)
        if phase_id == row.phase_id:
            new_order = old_order
        else:
            _renumber(m.Prescription, old_order)
            new_order = prescription_order(phase_id)
            m.Prescription.update(phase=phase_id).where(
                m.Prescription.id == prescription_id).execute()
        new_order.insert(max(0, min(index, len(new_order))), prescription_id)
        _renumber(m.Prescription, new_order)


def programme_of_phase(phase_id: int) -> int | None:
    row = m.Phase.select(m.Phase.programme).where(m.Phase.id == phase_id).first()
    return row.programme_id if row else None


def prescriptions_with_exercises(ids: list[int]) -> dict[int, Row]:
    """{prescription id: row with ``exercise_name``, ``exercise_progression``,
    ``exercise_category`` and ``exercise_pain_rule``}."""
    if not ids:
        return {}
    rows = (m.Prescription.select(m.Prescription, m.Exercise).join(m.Exercise)
            .where(m.Prescription.id.in_(ids)))
    out = {}
    for r in rows:
        d = _prescription(r)
        d["exercise_progression"] = r.exercise.progression
        d["exercise_category"] = r.exercise.category
        d["exercise_pain_rule"] = r.exercise.pain_rule
        out[r.id] = d
    return out


# ---- prescription history --------------------------------------------------------------------

def prescription_history(prescription_id: int) -> list[Row]:
    rows = m.PrescriptionChange.select().where(
        m.PrescriptionChange.prescription == prescription_id
    ).order_by(m.PrescriptionChange.day, m.PrescriptionChange.id)
    return [_dict(r) for r in rows]


def add_change(prescription_id: int, day: date, field_name: str, old_value: str,
               new_value: str, reason: str) -> int:
    """Record a change of a prescription's dose; returns the history row's id."""
    return m.PrescriptionChange.create(prescription=prescription_id, day=day,
                                       field_name=field_name, old_value=old_value,
                                       new_value=new_value, reason=reason).id


def delete_change(change_id: int) -> Row | None:
    """Delete a history row; returns it (None when there was none)."""
    row = m.PrescriptionChange.get_or_none(m.PrescriptionChange.id == change_id)
    if row is None:
        return None
    snap = _dict(row)
    row.delete_instance()
    return snap


def restore_change(snap: Row | None) -> None:
    if snap is not None:
        m.PrescriptionChange.insert(snap).execute()


def changed_since(prescription_ids: list[int], day: date) -> set[int]:
    """The prescriptions among ``prescription_ids`` with a recorded change on or after ``day``."""
    if not prescription_ids:
        return set()
    return {c.prescription_id for c in m.PrescriptionChange.select().where(
        (m.PrescriptionChange.prescription.in_(prescription_ids))
        & (m.PrescriptionChange.day >= day))}


# ---- exercise library ----------------------------------------------------------------------

def list_exercises(category: str | None = None, region: str | None = None,
                   include_archived: bool = False) -> list[Row]:
    """Exercises by name, filtered by category and region (archived ones on request)."""
    q = m.Exercise.select().order_by(m.Exercise.name)
    if not include_archived:
        q = q.where(m.Exercise.archived == False)  # noqa: E712
    if category:
        q = q.where(m.Exercise.category == category)
    if region:
        q = q.where(m.Exercise.region == region)
    return [_dict(r) for r in q]


def get_exercise(exercise_id: int) -> Row | None:
    row = m.Exercise.get_or_none(m.Exercise.id == exercise_id)
    return _dict(row) if row else None


def exercise_exists(exercise_id: Any) -> bool:
    return exercise_id is not None and m.Exercise.select().where(
        m.Exercise.id == exercise_id).exists()


def exercise_ids() -> set[int]:
    return {r.id for r in m.Exercise.select(m.Exercise.id)}


def unique_slug(base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` ... whichever no exercise uses yet."""
    slug = base
    n = 2
    while m.Exercise.select().where(m.Exercise.slug == slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def user_slug(name: str) -> str:
    """A free slug for one of the user's own exercises: ``my-`` and the name's words."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "exercise"
    return unique_slug(f"my-{slug}")


def add_exercise(values: dict[str, Any], copied_from: int | None = None) -> int:
    """Add one of the user's own exercises (slug from its name); returns its id."""
    with m.database.atomic():
        return m.Exercise.create(slug=user_slug(values["name"]), shipped=False,
                                 copied_from=copied_from, **values).id


def update_exercise(exercise_id: int, values: dict[str, Any]) -> None:
    m.Exercise.update(**values).where(m.Exercise.id == exercise_id).execute()


def exercise_in_use(exercise_id: int) -> bool:
    return m.Prescription.select().where(m.Prescription.exercise == exercise_id).exists()


def delete_exercise(exercise_id: int) -> dict[str, Any]:
    """Delete an exercise; returns its snapshot (with the copies that pointed at it)."""
    with m.database.atomic():
        row = m.Exercise.get_by_id(exercise_id)
        snap = {"exercise": _dict(row),
                "copies": [r.id for r in m.Exercise.select(m.Exercise.id)
                           .where(m.Exercise.copied_from == exercise_id)]}
        row.delete_instance()
    return snap


def restore_exercise(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        m.Exercise.insert(snap["exercise"]).execute()
        if snap["copies"]:
            m.Exercise.update(copied_from=snap["exercise"]["id"]).where(
                m.Exercise.id.in_(snap["copies"])).execute()


# ---- exercise logs -------------------------------------------------------------------------

def _log_where(day: date, prescription_id: int):
    return (m.ExerciseLog.day == day) & (m.ExerciseLog.prescription == prescription_id)


def get_log(day: date, prescription_id: int) -> Row | None:
    """The log of a prescription on a day, without its id (None: not logged)."""
    row = m.ExerciseLog.get_or_none(_log_where(day, prescription_id))
    if row is None:
        return None
    d = _dict(row)
    d.pop("id")
    return d


def replace_log(day: date, prescription_id: int, values: dict[str, Any] | None) -> None:
    """Make ``values`` the one log of that day and prescription (None: no log)."""
    with m.database.atomic():
        m.ExerciseLog.delete().where(_log_where(day, prescription_id)).execute()
        if values is not None:
            m.ExerciseLog.create(day=day, prescription=prescription_id, **values)


def logs_of_day(day: date) -> list[Row]:
    """Every exercise log of ``day`` (any programme) with its prescription's dose.

    Returns:
        Log dicts (without id) plus ``p_sets``, ``p_reps``, ``p_hold_s``, ``rest_s`` (the
        prescription's) and ``category`` (the exercise's), in prescription order.
    """
    rows = (m.ExerciseLog.select(m.ExerciseLog, m.Prescription, m.Exercise)
            .join(m.Prescription).join(m.Exercise)
            .where(m.ExerciseLog.day == day)
            .order_by(m.Prescription.phase, m.Prescription.position, m.ExerciseLog.id))
    out = []
    for log in rows:
        d = _dict(log)
        d.pop("id")
        p = log.prescription
        d.update(p_sets=p.sets, p_reps=p.reps, p_hold_s=p.hold_s, rest_s=p.rest_s,
                 category=p.exercise.category)
        out.append(d)
    return out


def logs_between(start: date, end: date, prescription_ids: list[int] | None = None
                 ) -> list[Row]:
    """Logs from ``start`` to ``end`` (inclusive), of the given prescriptions when named."""
    q = m.ExerciseLog.select().where((m.ExerciseLog.day >= start) & (m.ExerciseLog.day <= end))
    if prescription_ids is not None:
        q = q.where(m.ExerciseLog.prescription.in_(prescription_ids))
    return [_dict(r) for r in q]


def logs_of_exercise(exercise_id: int, start: date, end: date) -> list[tuple[Row, Row]]:
    """(log, its prescription) of an exercise's done and partial logs, by day."""
    rows = (m.ExerciseLog.select(m.ExerciseLog, m.Prescription)
            .join(m.Prescription)
            .where((m.Prescription.exercise == exercise_id)
                   & (m.ExerciseLog.day >= start) & (m.ExerciseLog.day <= end)
                   & (m.ExerciseLog.status != "skipped"))
            .order_by(m.ExerciseLog.day))
    return [(_dict(log), _dict(log.prescription)) for log in rows]


def exercises_with_logs() -> list[tuple[int, str]]:
    """(exercise id, name) of every exercise with at least one log, by name."""
    rows = (m.Exercise.select(m.Exercise.id, m.Exercise.name).distinct()
            .join(m.Prescription).join(m.ExerciseLog)
            .order_by(m.Exercise.name))
    return [(r.id, r.name) for r in rows]
