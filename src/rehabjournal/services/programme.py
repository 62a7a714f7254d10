"""Programme, exercise library and exercise-log use cases.

Every function that changes data validates first, writes inside one transaction and returns
after the commit. Functions that delete return a snapshot that the matching ``restore_*``
takes back with the same ids (for undo and redo).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from playhouse.shortcuts import model_to_dict

from ..domain import light as light_mod
from ..domain import programme as dp
from ..store import library, programme_io
from ..store import models as m
from .errors import ValidationError
from .journal import load_journal, thresholds

PHASE_FIELDS = ("name", "weeks", "deload", "goal")
PRESCRIPTION_FIELDS = ("exercise", "sets", "reps", "hold_s", "load", "load_unit", "tempo",
                       "rest_s", "days_per_week", "weekdays", "notes")
EXERCISE_FIELDS = ("name", "category", "region", "instructions", "cues", "default_sets",
                   "default_reps", "default_hold_s", "load_unit", "progression")
LOG_FIELDS = ("status", "sets_done", "reps_done", "hold_s_done", "load_done", "pain_during",
              "notes")
LOG_STATUSES = ("done", "partial", "skipped")
CATEGORIES = library.CATEGORIES
REGIONS = library.REGIONS
LOAD_UNITS = library.LOAD_UNITS


def _whole(value: Any, lo: int, hi: int, label: str, *, optional: bool = True) -> str | None:
    if value is None or value == "":
        return None if optional else f"{label} is needed."
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        return f"{label} must be a whole number from {lo} to {hi} (got {value})."
    return None


def _number(value: Any, lo: float, hi: float, label: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
        return f"{label} must be a number from {lo:g} to {hi:g} (got {value})."
    return None


def _raise(errors: dict[str, str]) -> None:
    errors = {k: v for k, v in errors.items() if v}
    if errors:
        raise ValidationError(errors)


# ---- programmes --------------------------------------------------------------------------

def _programme_dict(row: m.Programme) -> dict[str, Any]:
    d = model_to_dict(row, recurse=False)
    d["weeks"] = sum(p.weeks for p in row.phases)
    return d


def list_programmes() -> list[dict[str, Any]]:
    return [_programme_dict(r) for r in m.Programme.select().order_by(m.Programme.id)]


def get_programme(programme_id: int) -> dict[str, Any] | None:
    row = m.Programme.get_or_none(m.Programme.id == programme_id)
    return _programme_dict(row) if row else None


def active_programme() -> dict[str, Any] | None:
    row = m.Programme.select().where(m.Programme.active == True).first()  # noqa: E712
    return _programme_dict(row) if row else None


def list_templates() -> list[dict[str, Any]]:
    """[{key, name, description, weeks}] of the shipped programme templates."""
    return [
        {"key": t["key"], "name": t["name"], "description": t["description"],
         "weeks": library.template_weeks(t)}
        for t in library.load_templates()
    ]


def create_from_template(key: str, start_date: date, name: str | None = None,
                         active: bool = True) -> int:
    try:
        return library.create_programme_from_template(key, start_date, name, active)
    except (KeyError, ValueError) as exc:
        raise ValidationError({"template": str(exc).strip("'\"")}) from exc


def validate_programme(values: dict[str, Any]) -> dict[str, str]:
    errors = {}
    if "name" in values and not str(values["name"] or "").strip():
        errors["name"] = "A programme needs a name."
    if "start_date" in values and values["start_date"] is not None and not isinstance(
        values["start_date"], date
    ):
        errors["start_date"] = "Start date must be a date."
    return errors


def create_programme(name: str, start_date: date | None = None, notes: str = "",
                     active: bool = False) -> int:
    _raise(validate_programme({"name": name, "start_date": start_date}))
    with m.database.atomic():
        if active:
            m.Programme.update(active=False).execute()
        return m.Programme.create(name=name.strip(), start_date=start_date, notes=notes,
                                  active=active).id


def update_programme(programme_id: int, values: dict[str, Any]) -> None:
    unknown = set(values) - {"name", "notes", "start_date"}
    if unknown:
        raise KeyError(f"unknown programme fields {sorted(unknown)}")
    _raise(validate_programme(values))
    if "name" in values:
        values = {**values, "name": values["name"].strip()}
    with m.database.atomic():
        m.Programme.update(**values).where(m.Programme.id == programme_id).execute()


def activate_programme(programme_id: int | None) -> int | None:
    """Make ``programme_id`` the only active programme (None: none active).

    Returns:
        The previously active programme's id (for undo), or None.
    """
    with m.database.atomic():
        prev = m.Programme.select().where(m.Programme.active == True).first()  # noqa: E712
        m.Programme.update(active=False).execute()
        if programme_id is not None:
            m.Programme.update(active=True).where(m.Programme.id == programme_id).execute()
    return prev.id if prev else None


def programme_snapshot(programme_id: int) -> dict[str, Any]:
    prog = m.Programme.get_by_id(programme_id)
    phases = list(prog.phases)
    prescriptions = list(m.Prescription.select().where(
        m.Prescription.phase.in_([p.id for p in phases]))) if phases else []
    pres_ids = [p.id for p in prescriptions]
    return {
        "programme": model_to_dict(prog, recurse=False),
        "phases": [model_to_dict(p, recurse=False) for p in phases],
        "prescriptions": [model_to_dict(p, recurse=False) for p in prescriptions],
        "changes": [model_to_dict(c, recurse=False) for c in m.PrescriptionChange.select()
                    .where(m.PrescriptionChange.prescription.in_(pres_ids))] if pres_ids else [],
        "logs": [model_to_dict(c, recurse=False) for c in m.ExerciseLog.select()
                 .where(m.ExerciseLog.prescription.in_(pres_ids))] if pres_ids else [],
    }


def delete_programme(programme_id: int) -> dict[str, Any]:
    """Delete a programme with its phases, prescriptions and their logs; returns a snapshot."""
    snap = programme_snapshot(programme_id)
    with m.database.atomic():
        m.Programme.delete().where(m.Programme.id == programme_id).execute()
    return snap


def restore_programme(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        if snap["programme"]["active"]:
            m.Programme.update(active=False).execute()
        m.Programme.insert(snap["programme"]).execute()
        for key, model in (("phases", m.Phase), ("prescriptions", m.Prescription),
                           ("changes", m.PrescriptionChange), ("logs", m.ExerciseLog)):
            for row in snap[key]:
                model.insert(row).execute()


def duplicate_programme(programme_id: int, name: str | None = None) -> int:
    """Copy a programme with its phases and prescriptions (not logs); the copy is inactive."""
    src = m.Programme.get_by_id(programme_id)
    with m.database.atomic():
        copy = m.Programme.create(name=name or f"{src.name} (copy)", notes=src.notes,
                                  active=False, start_date=src.start_date, template=src.template)
        for ph in src.phases.order_by(m.Phase.position, m.Phase.id):
            _copy_phase(ph, copy.id, ph.position, ph.name)
    return copy.id


def _copy_phase(ph: m.Phase, programme_id: int, position: int, name: str) -> int:
    new = m.Phase.create(programme=programme_id, position=position, name=name, weeks=ph.weeks,
                         deload=ph.deload, goal=ph.goal)
    for p in ph.prescriptions.order_by(m.Prescription.position, m.Prescription.id):
        values = model_to_dict(p, recurse=False)
        values.pop("id")
        values["phase"] = new.id
        m.Prescription.insert(values).execute()
    return new.id


# ---- phases ------------------------------------------------------------------------------

def list_phases(programme_id: int) -> list[dict[str, Any]]:
    rows = m.Phase.select().where(m.Phase.programme == programme_id).order_by(
        m.Phase.position, m.Phase.id)
    return [model_to_dict(r, recurse=False) for r in rows]


def get_phase(phase_id: int) -> dict[str, Any] | None:
    row = m.Phase.get_or_none(m.Phase.id == phase_id)
    return model_to_dict(row, recurse=False) if row else None


def validate_phase(values: dict[str, Any], *, partial: bool = False) -> dict[str, str]:
    unknown = set(values) - set(PHASE_FIELDS)
    if unknown:
        raise KeyError(f"unknown phase fields {sorted(unknown)}")
    errors = {}
    if (not partial or "name" in values) and not str(values.get("name") or "").strip():
        errors["name"] = "A phase needs a name, e.g. Calm or Build."
    if not partial or "weeks" in values:
        errors["weeks"] = _whole(values.get("weeks"), 1, 104, "Weeks", optional=False)
    return {k: v for k, v in errors.items() if v}


def add_phase(programme_id: int, values: dict[str, Any]) -> int:
    values = {"name": "New phase", "weeks": 2, **values}
    _raise(validate_phase(values))
    with m.database.atomic():
        position = m.Phase.select().where(m.Phase.programme == programme_id).count()
        return m.Phase.create(programme=programme_id, position=position, **values).id


def update_phase(phase_id: int, values: dict[str, Any]) -> None:
    _raise(validate_phase(values, partial=True))
    with m.database.atomic():
        m.Phase.update(**values).where(m.Phase.id == phase_id).execute()


def delete_phase(phase_id: int) -> dict[str, Any]:
    ph = m.Phase.get_by_id(phase_id)
    pres = list(ph.prescriptions)
    ids = [p.id for p in pres]
    snap = {
        "phase": model_to_dict(ph, recurse=False),
        "prescriptions": [model_to_dict(p, recurse=False) for p in pres],
        "changes": [model_to_dict(c, recurse=False) for c in m.PrescriptionChange.select()
                    .where(m.PrescriptionChange.prescription.in_(ids))] if ids else [],
        "logs": [model_to_dict(c, recurse=False) for c in m.ExerciseLog.select()
                 .where(m.ExerciseLog.prescription.in_(ids))] if ids else [],
        "order": [p["id"] for p in list_phases(ph.programme_id)],
    }
    with m.database.atomic():
        ph.delete_instance()
        _renumber(m.Phase, [i for i in snap["order"] if i != phase_id])
    return snap


def restore_phase(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        m.Phase.insert(snap["phase"]).execute()
        for key, model in (("prescriptions", m.Prescription), ("changes", m.PrescriptionChange),
                           ("logs", m.ExerciseLog)):
            for row in snap[key]:
                model.insert(row).execute()
        _renumber(m.Phase, snap["order"])


def duplicate_phase(phase_id: int) -> int:
    """Copy a phase (with its prescriptions) right after itself."""
    ph = m.Phase.get_by_id(phase_id)
    order = [p["id"] for p in list_phases(ph.programme_id)]
    with m.database.atomic():
        new_id = _copy_phase(ph, ph.programme_id, ph.position + 1, f"{ph.name} (copy)")
        order.insert(order.index(phase_id) + 1, new_id)
        _renumber(m.Phase, order)
    return new_id


def _renumber(model, ids: list[int]) -> None:
    for position, row_id in enumerate(ids):
        model.update(position=position).where(model.id == row_id).execute()


def reorder_phases(programme_id: int, phase_ids: list[int]) -> list[int]:
    """Put the programme's phases in the order of ``phase_ids``; returns the old order."""
    old = [p["id"] for p in list_phases(programme_id)]
    if sorted(old) != sorted(phase_ids):
        raise ValidationError({"order": "The new order must list every phase once."})
    with m.database.atomic():
        _renumber(m.Phase, phase_ids)
    return old


# ---- prescriptions -----------------------------------------------------------------------

def _prescription_dict(row: m.Prescription) -> dict[str, Any]:
    d = model_to_dict(row, recurse=False)
    ex = row.exercise
    d["exercise_name"] = ex.name
    d["exercise_slug"] = ex.slug
    d["dose"] = dp.dose_text(row.sets, row.reps, row.hold_s, row.load, row.load_unit)
    d["days"] = dp.weekdays_label(dp.PlanPrescription(row.id, row.weekdays or "",
                                                      row.days_per_week))
    return d


def list_prescriptions(phase_id: int) -> list[dict[str, Any]]:
    rows = (m.Prescription.select(m.Prescription, m.Exercise).join(m.Exercise)
            .where(m.Prescription.phase == phase_id)
            .order_by(m.Prescription.position, m.Prescription.id))
    return [_prescription_dict(r) for r in rows]


def get_prescription(prescription_id: int) -> dict[str, Any] | None:
    row = m.Prescription.get_or_none(m.Prescription.id == prescription_id)
    return _prescription_dict(row) if row else None


def validate_prescription(values: dict[str, Any], *, current: dict[str, Any] | None = None
                          ) -> dict[str, str]:
    """Check prescription values (merged over ``current`` when updating)."""
    unknown = set(values) - set(PRESCRIPTION_FIELDS)
    if unknown:
        raise KeyError(f"unknown prescription fields {sorted(unknown)}")
    v = {**(current or {}), **values}
    errors: dict[str, str | None] = {
        "sets": _whole(v.get("sets"), 1, 50, "Sets", optional=False),
        "reps": _whole(v.get("reps"), 1, 1000, "Reps"),
        "hold_s": _whole(v.get("hold_s"), 1, 36000, "Hold"),
        "rest_s": _whole(v.get("rest_s"), 0, 3600, "Rest"),
        "days_per_week": _whole(v.get("days_per_week"), 1, 7, "Days per week"),
        "load": _number(v.get("load"), 0, 1000, "Load"),
    }
    if v.get("exercise") is None or not m.Exercise.select().where(
        m.Exercise.id == v.get("exercise")
    ).exists():
        errors["exercise"] = "Choose an exercise from the library."
    if v.get("load_unit", "bodyweight") not in LOAD_UNITS:
        errors["load_unit"] = f"Unit must be one of {', '.join(LOAD_UNITS)}."
    try:
        dp.parse_weekdays(v.get("weekdays") or "")
    except ValueError:
        errors["weekdays"] = "Weekdays must look like 0,2,4 (0 = Monday ... 6 = Sunday)."
    if not (v.get("weekdays") or "").strip() and not v.get("days_per_week") \
            and not errors.get("days_per_week"):
        errors["days_per_week"] = "Give days per week or the weekdays."
    if v.get("reps") in (None, "") and v.get("hold_s") in (None, "") and \
            v.get("load_unit") != "minutes" and not errors.get("reps"):
        errors["reps"] = "Give reps or a hold time."
    if v.get("load_unit") == "minutes" and not v.get("load") and v.get("reps") in (None, "") \
            and v.get("hold_s") in (None, ""):
        errors["load"] = "Give the minutes (in Load) for a timed exercise."
    return {k: e for k, e in errors.items() if e}


def _clean_prescription(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in values.items():
        if k in ("tempo", "notes", "weekdays"):
            out[k] = (v or "").strip()
        elif v == "":
            out[k] = None
        elif k == "load" and v is not None:
            out[k] = float(v)
        elif k in ("sets", "reps", "hold_s", "rest_s", "days_per_week") and v is not None:
            out[k] = int(v)
        else:
            out[k] = v
    if out.get("weekdays"):
        out["weekdays"] = ",".join(str(d) for d in dp.parse_weekdays(out["weekdays"]))
    return out


def add_prescription(phase_id: int, values: dict[str, Any]) -> int:
    """Add an exercise to a phase. Missing dose fields come from the exercise's defaults."""
    ex = m.Exercise.get_or_none(m.Exercise.id == values.get("exercise"))
    defaults: dict[str, Any] = {"days_per_week": 3}
    if ex is not None:
        defaults.update(sets=ex.default_sets or 3, reps=ex.default_reps,
                        hold_s=ex.default_hold_s, load_unit=ex.load_unit)
        if ex.load_unit == "minutes" and ex.default_hold_s:
            defaults.update(load=float(ex.default_hold_s // 60), hold_s=None)
    values = {**defaults, **values}
    _raise(validate_prescription(values))
    values = _clean_prescription(values)
    with m.database.atomic():
        position = m.Prescription.select().where(m.Prescription.phase == phase_id).count()
        return m.Prescription.create(phase=phase_id, position=position, **values).id


def update_prescription(prescription_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """Change some fields; returns their old values (for undo)."""
    row = m.Prescription.get_by_id(prescription_id)
    current = model_to_dict(row, recurse=False)
    _raise(validate_prescription(values, current=current))
    values = _clean_prescription(values)
    old = {k: current[k] for k in values}
    with m.database.atomic():
        m.Prescription.update(**values).where(m.Prescription.id == prescription_id).execute()
    return old


def delete_prescription(prescription_id: int) -> dict[str, Any]:
    row = m.Prescription.get_by_id(prescription_id)
    snap = {
        "prescription": model_to_dict(row, recurse=False),
        "changes": [model_to_dict(c, recurse=False) for c in row.changes],
        "logs": [model_to_dict(c, recurse=False) for c in row.logs],
        "order": [p["id"] for p in list_prescriptions(row.phase_id)],
    }
    with m.database.atomic():
        row.delete_instance()
        _renumber(m.Prescription, [i for i in snap["order"] if i != prescription_id])
    return snap


def restore_prescription(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        m.Prescription.insert(snap["prescription"]).execute()
        for key, model in (("changes", m.PrescriptionChange), ("logs", m.ExerciseLog)):
            for row in snap[key]:
                model.insert(row).execute()
        _renumber(m.Prescription, snap["order"])


def prescription_order(phase_id: int) -> list[int]:
    return [p["id"] for p in list_prescriptions(phase_id)]


def move_prescription(prescription_id: int, phase_id: int, index: int) -> tuple[int, int]:
    """Move a prescription to position ``index`` of ``phase_id`` (may be another phase).

    Returns:
        (old phase id, old index) for undo.
    """
    row = m.Prescription.get_by_id(prescription_id)
    old_phase = row.phase_id
    old_order = prescription_order(old_phase)
    old_index = old_order.index(prescription_id)
    target = m.Phase.get_or_none(m.Phase.id == phase_id)
    if target is None or target.programme_id != row.phase.programme_id:
        raise ValidationError({"phase": "A prescription can only move within its programme."})
    with m.database.atomic():
        old_order.remove(prescription_id)
        if phase_id == old_phase:
            new_order = old_order
        else:
            _renumber(m.Prescription, old_order)
            new_order = prescription_order(phase_id)
            m.Prescription.update(phase=phase_id).where(
                m.Prescription.id == prescription_id).execute()
        index = max(0, min(index, len(new_order)))
        new_order.insert(index, prescription_id)
        _renumber(m.Prescription, new_order)
    return old_phase, old_index


def prescription_history(prescription_id: int) -> list[dict[str, Any]]:
    rows = m.PrescriptionChange.select().where(
        m.PrescriptionChange.prescription == prescription_id
    ).order_by(m.PrescriptionChange.day, m.PrescriptionChange.id)
    return [model_to_dict(r, recurse=False) for r in rows]


# ---- schedule and logs -------------------------------------------------------------------

def plan(programme_id: int) -> dp.Plan:
    return programme_io.plan_for(programme_id)


def _active_plan() -> tuple[int, dp.Plan] | None:
    prog = active_programme()
    if prog is None:
        return None
    return prog["id"], plan(prog["id"])


def get_log(day: date, prescription_id: int) -> dict[str, Any] | None:
    row = m.ExerciseLog.get_or_none((m.ExerciseLog.day == day)
                                    & (m.ExerciseLog.prescription == prescription_id))
    if row is None:
        return None
    d = model_to_dict(row, recurse=False)
    d.pop("id")
    return d


def due_on(day: date) -> list[dict[str, Any]]:
    """The active programme's prescriptions due on ``day``, each with its log (or None)."""
    active = _active_plan()
    if active is None:
        return []
    _pid, the_plan = active
    items = dp.due_on(the_plan, day)
    if not items:
        return []
    phase = dp.phase_on(the_plan, day)
    phase_row = m.Phase.get_by_id(phase.id) if phase else None
    out = []
    for item in items:
        d = get_prescription(item.id)
        d["log"] = get_log(day, item.id)
        d["phase_name"] = phase_row.name if phase_row else ""
        d["deload"] = bool(phase_row.deload) if phase_row else False
        out.append(d)
    return out


def validate_log(values: dict[str, Any]) -> dict[str, str]:
    unknown = set(values) - set(LOG_FIELDS)
    if unknown:
        raise KeyError(f"unknown exercise-log fields {sorted(unknown)}")
    errors = {
        "sets_done": _whole(values.get("sets_done"), 0, 50, "Sets done"),
        "reps_done": _whole(values.get("reps_done"), 0, 1000, "Reps done"),
        "hold_s_done": _whole(values.get("hold_s_done"), 0, 36000, "Hold done"),
        "pain_during": _whole(values.get("pain_during"), 0, 10, "Pain during"),
        "load_done": _number(values.get("load_done"), 0, 1000, "Load"),
    }
    if values.get("status", "done") not in LOG_STATUSES:
        errors["status"] = f"Status must be one of {', '.join(LOG_STATUSES)}."
    return {k: v for k, v in errors.items() if v}


def log_exercise(day: date, prescription_id: int, values: dict[str, Any]) -> dict[str, Any] | None:
    """Record what was done of a prescription on ``day`` (one log per day and prescription).

    Returns:
        The previous log of that day (for undo), or None.
    """
    _raise(validate_log(values))
    if not m.Prescription.select().where(m.Prescription.id == prescription_id).exists():
        raise ValidationError({"prescription": "That prescription no longer exists."})
    previous = get_log(day, prescription_id)
    clean = {k: (None if v == "" and k != "notes" else v) for k, v in values.items()}
    clean.setdefault("status", "done")
    with m.database.atomic():
        m.ExerciseLog.delete().where((m.ExerciseLog.day == day)
                                     & (m.ExerciseLog.prescription == prescription_id)).execute()
        m.ExerciseLog.create(day=day, prescription=prescription_id, **clean)
    return previous


def restore_log(day: date, prescription_id: int, previous: dict[str, Any] | None) -> None:
    """Put back a log as it was (None: no log)."""
    with m.database.atomic():
        m.ExerciseLog.delete().where((m.ExerciseLog.day == day)
                                     & (m.ExerciseLog.prescription == prescription_id)).execute()
        if previous is not None:
            values = {k: previous[k] for k in LOG_FIELDS if k in previous}
            m.ExerciseLog.create(day=day, prescription=prescription_id, **values)


def _logs_between(start: date, end: date, prescription_ids: list[int] | None = None):
    q = m.ExerciseLog.select().where((m.ExerciseLog.day >= start) & (m.ExerciseLog.day <= end))
    if prescription_ids is not None:
        q = q.where(m.ExerciseLog.prescription.in_(prescription_ids))
    return q


def weekly_adherence(start: date, end: date,
                     programme_id: int | None = None) -> list[dp.WeekAdherence]:
    """Prescribed against done per calendar week, for the active (or given) programme."""
    if programme_id is None:
        prog = active_programme()
        if prog is None:
            return []
        programme_id = prog["id"]
    the_plan = plan(programme_id)
    ids = [p.id for ph in the_plan.phases for p in ph.prescriptions]
    logs = {(r.day, r.prescription_id): r.status for r in _logs_between(start, end, ids)}
    return dp.weekly_adherence(the_plan, start, end, logs)


def exercise_progression(exercise_id: int, start: date, end: date
                         ) -> list[tuple[date, float, str]]:
    """Per day, how much of an exercise was done: volume load (kg), seconds, minutes or reps.

    Done and partial logs count; a log's missing numbers fall back to the prescription's.
    """
    rows = (m.ExerciseLog.select(m.ExerciseLog, m.Prescription)
            .join(m.Prescription)
            .where((m.Prescription.exercise == exercise_id)
                   & (m.ExerciseLog.day >= start) & (m.ExerciseLog.day <= end)
                   & (m.ExerciseLog.status != "skipped"))
            .order_by(m.ExerciseLog.day))
    per_day: dict[tuple[date, str], float] = {}
    for log in rows:
        p = log.prescription
        amount = dp.volume(
            log.sets_done if log.sets_done is not None else p.sets,
            log.reps_done if log.reps_done is not None else p.reps,
            log.hold_s_done if log.hold_s_done is not None else p.hold_s,
            log.load_done if log.load_done is not None else p.load,
            p.load_unit,
        )
        if amount is None:
            continue
        key = (log.day, amount[1])
        per_day[key] = per_day.get(key, 0.0) + amount[0]
    return [(d, round(v, 1), unit) for (d, unit), v in sorted(per_day.items())]


def exercises_with_logs() -> list[tuple[int, str]]:
    """(exercise id, name) of every exercise with at least one log, by name."""
    rows = (m.Exercise.select(m.Exercise.id, m.Exercise.name).distinct()
            .join(m.Prescription).join(m.ExerciseLog)
            .order_by(m.Exercise.name))
    return [(r.id, r.name) for r in rows]


# ---- progression advice ------------------------------------------------------------------

def _steps(ex: m.Exercise) -> list[dict]:
    try:
        steps = json.loads(ex.progression) if ex.progression else []
    except json.JSONDecodeError:
        return []
    return steps if isinstance(steps, list) else []


def suggestions(today: date) -> list[dp.Suggestion]:
    """Progression advice for each prescription of the active programme's current phase.

    Judged on the 7 days ending ``today``: the lights of those days, whether the week is
    ready to progress, and the pain during each exercise logged in them. A prescription
    changed in those 7 days gets no new advice yet.
    """
    active = _active_plan()
    if active is None:
        return []
    _pid, the_plan = active
    phase = dp.phase_on(the_plan, today)
    if phase is None or not phase.prescriptions:
        return []
    th = thresholds()
    week_start = today - timedelta(days=6)
    journal = load_journal(week_start - timedelta(days=21), today + timedelta(days=1))
    colours = [light_mod.day_light(journal, week_start + timedelta(days=i), th).colour
               for i in range(7)]
    ready = light_mod.week_ready_to_progress(journal, today, th)
    ids = [p.id for p in phase.prescriptions]
    pains: dict[int, list[int | None]] = {}
    for log in _logs_between(week_start, today, ids):
        pains.setdefault(log.prescription_id, []).append(log.pain_during)
    recent = {c.prescription_id for c in m.PrescriptionChange.select().where(
        (m.PrescriptionChange.prescription.in_(ids))
        & (m.PrescriptionChange.day >= week_start))}
    rows = {r.id: r for r in m.Prescription.select(m.Prescription, m.Exercise)
            .join(m.Exercise).where(m.Prescription.id.in_(ids))}
    out = []
    for pid in ids:
        if pid in recent:
            continue
        r = rows[pid]
        dose = dp.Dose(r.id, r.sets, r.reps, r.hold_s, r.load, r.load_unit, r.notes or "")
        s = dp.advise(dose, _steps(r.exercise), week_colours=colours, ready=ready,
                      pain_during=pains.get(pid, ()), acceptable_pain=th.acceptable_pain,
                      green_peak_max=th.green_peak_max)
        out.append(dp.Suggestion(s.prescription_id, s.kind, s.field, s.old, s.new, s.reason,
                                 label=r.exercise.name))
    return out


def accept_suggestion(s: dp.Suggestion, day: date | None = None) -> int | None:
    """Apply a suggestion to its prescription and record it in the prescription's history.

    Returns:
        The PrescriptionChange id (for undo with ``revert_suggestion``), or None for a hold.
    """
    if not s.changes:
        return None
    if s.field not in PRESCRIPTION_FIELDS:
        raise ValidationError({"field": f"Cannot change {s.field!r}."})
    day = day or date.today()
    with m.database.atomic():
        update_prescription(s.prescription_id, {s.field: s.new})
        change = m.PrescriptionChange.create(
            prescription=s.prescription_id, day=day, field_name=s.field,
            old_value="" if s.old is None else str(s.old),
            new_value="" if s.new is None else str(s.new), reason=s.reason)
    return change.id


def revert_suggestion(s: dp.Suggestion, change_id: int | None) -> None:
    """Undo ``accept_suggestion``: the old value back and the history row removed."""
    if change_id is None:
        return
    with m.database.atomic():
        update_prescription(s.prescription_id, {s.field: s.old})
        m.PrescriptionChange.delete().where(m.PrescriptionChange.id == change_id).execute()


# ---- exercise library --------------------------------------------------------------------

def _exercise_dict(row: m.Exercise) -> dict[str, Any]:
    d = model_to_dict(row, recurse=False)
    d["progression_steps"] = _steps(row)
    return d


def list_exercises(text: str = "", category: str | None = None, region: str | None = None,
                   include_archived: bool = False) -> list[dict[str, Any]]:
    q = m.Exercise.select().order_by(m.Exercise.name)
    if not include_archived:
        q = q.where(m.Exercise.archived == False)  # noqa: E712
    if category:
        q = q.where(m.Exercise.category == category)
    if region:
        q = q.where(m.Exercise.region == region)
    rows = [_exercise_dict(r) for r in q]
    words = text.lower().split()
    if words:
        rows = [r for r in rows if all(
            w in f"{r['name']} {r['instructions']} {r['cues']} {r['slug']}".lower()
            for w in words)]
    return rows


def get_exercise(exercise_id: int) -> dict[str, Any] | None:
    row = m.Exercise.get_or_none(m.Exercise.id == exercise_id)
    return _exercise_dict(row) if row else None


def validate_exercise(values: dict[str, Any], *, partial: bool = False) -> dict[str, str]:
    unknown = set(values) - set(EXERCISE_FIELDS)
    if unknown:
        raise KeyError(f"unknown exercise fields {sorted(unknown)}")
    errors: dict[str, str | None] = {}
    if (not partial or "name" in values) and not str(values.get("name") or "").strip():
        errors["name"] = "An exercise needs a name."
    if (not partial or "category" in values) and values.get("category") not in CATEGORIES:
        errors["category"] = f"Category must be one of {', '.join(CATEGORIES)}."
    if values.get("region") not in (None, "", *REGIONS):
        errors["region"] = f"Region must be one of {', '.join(REGIONS)}."
    if values.get("load_unit") not in (None, *LOAD_UNITS):
        errors["load_unit"] = f"Unit must be one of {', '.join(LOAD_UNITS)}."
    errors["default_sets"] = _whole(values.get("default_sets"), 1, 50, "Sets")
    errors["default_reps"] = _whole(values.get("default_reps"), 1, 1000, "Reps")
    errors["default_hold_s"] = _whole(values.get("default_hold_s"), 1, 36000, "Hold")
    if "progression" in values and values["progression"]:
        try:
            steps = json.loads(values["progression"])
            assert isinstance(steps, list)
        except (ValueError, AssertionError):
            errors["progression"] = "Progression must be a JSON list of steps."
    return {k: v for k, v in errors.items() if v}


def _slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "exercise"
    return f"my-{slug}"


def add_exercise(values: dict[str, Any]) -> int:
    """Add one of the user's own exercises; returns its id."""
    values = {"load_unit": "bodyweight", "region": "", **values}
    _raise(validate_exercise(values))
    values["name"] = values["name"].strip()
    with m.database.atomic():
        slug = programme_io.unique_slug(_slugify(values["name"]))
        return m.Exercise.create(slug=slug, shipped=False, **values).id


def update_exercise(exercise_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """Edit a user exercise (shipped ones are copied first); returns the old values."""
    row = m.Exercise.get_by_id(exercise_id)
    if row.shipped:
        raise ValidationError({"shipped": "Shipped exercises cannot be edited: make a copy."})
    _raise(validate_exercise(values, partial=True))
    old = {k: getattr(row, k) for k in values}
    with m.database.atomic():
        m.Exercise.update(**values).where(m.Exercise.id == exercise_id).execute()
    return old


def set_exercise_archived(exercise_id: int, archived: bool = True) -> None:
    with m.database.atomic():
        m.Exercise.update(archived=archived).where(m.Exercise.id == exercise_id).execute()


def copy_exercise(exercise_id: int, name: str | None = None) -> int:
    """Copy an exercise (shipped or own) into a new editable one (``copied_from`` set)."""
    src = m.Exercise.get_by_id(exercise_id)
    values = {k: getattr(src, k) for k in EXERCISE_FIELDS}
    values["name"] = name or f"{src.name} (my copy)"
    with m.database.atomic():
        slug = programme_io.unique_slug(_slugify(values["name"]))
        return m.Exercise.create(slug=slug, shipped=False, copied_from=src.id, **values).id


def delete_exercise(exercise_id: int) -> dict[str, Any]:
    """Delete an unused user exercise (used ones can only be archived); returns a snapshot."""
    row = m.Exercise.get_by_id(exercise_id)
    if row.shipped:
        raise ValidationError({"shipped": "Shipped exercises can be archived, not deleted."})
    if m.Prescription.select().where(m.Prescription.exercise == exercise_id).exists():
        raise ValidationError({"used": "This exercise is in a programme: archive it instead."})
    snap = model_to_dict(row, recurse=False)
    with m.database.atomic():
        row.delete_instance()
    return snap


def restore_exercise(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        m.Exercise.insert(snap).execute()


# ---- files -------------------------------------------------------------------------------

def export_programme_file(programme_id: int, path: str | Path) -> None:
    try:
        programme_io.write_programme_file(programme_id, path)
    except OSError as exc:
        raise ValidationError({"file": f"Cannot write {Path(path).name}: {exc.strerror}."}) \
            from exc


def import_programme_file(path: str | Path) -> int:
    """Import a programme file as a new inactive programme; a bad file changes nothing.

    Raises:
        ValidationError: {"file": the reason}.
    """
    try:
        return programme_io.import_programme_file(path)
    except programme_io.ProgrammeFileError as exc:
        raise ValidationError({"file": str(exc)}) from exc


def export_calendar(programme_id: int, path: str | Path, start: date | None = None,
                    end: date | None = None, dtstamp: datetime | None = None) -> int:
    """Write the planned sessions as an iCalendar file; returns the number of events."""
    try:
        return programme_io.write_calendar_file(programme_id, path, start=start, end=end,
                                                dtstamp=dtstamp)
    except OSError as exc:
        raise ValidationError({"file": f"Cannot write {Path(path).name}: {exc.strerror}."}) \
            from exc
