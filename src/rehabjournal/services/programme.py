"""Programme, exercise library and exercise-log use cases.

Every change of a programme, phase, prescription or library exercise is a use case that
returns an ``Edit`` (``services/edit.py``): it validates, writes in one transaction and
says how to undo and redo itself. The UI applies it with ``ui/edit_path.apply_edit``.
The queries live in ``store/programme_repo.py``.

The exercise-log functions (``log_exercise``, ``restore_log``, ``get_log``, ``due_on``)
keep their plain shape: they write and return what undo needs.

Raises (every ``Edit`` use case):
    ValidationError: a value was refused ({field: message}); nothing was written.
    NotFoundError: the row to change no longer exists.
    StorageError: the write failed; nothing was written.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import adherence as da
from ..domain import light as light_mod
from ..domain import media as dmedia
from ..domain import programme as dp
from ..domain import progression, redflags, scales
from ..errors import NotFoundError
from ..i18n import LANGUAGES, N_, _, catalogue, format_date, library_text, pgettext
from ..store import journal_repo, library, programme_io
from ..store import programme_repo as repo
from . import clock
from .changes import chain, created, removed, setter
from .edit import PROGRAMME, Change, Edit, no_change, perform
from .errors import ValidationError
from .files import file_errors
from .journal import get_profile, load_journal, thresholds

PHASE_FIELDS = ("name", "weeks", "deload", "goal", "criteria", "carry_progress")
PRESCRIPTION_FIELDS = ("exercise", "sets", "reps", "hold_s", "load", "load_unit", "tempo",
                       "rest_s", "days_per_week", "weekdays", "notes", "side",
                       "times_per_day", "effort_target", "pain_rule", "media")
EXERCISE_FIELDS = ("name", "category", "region", "instructions", "cues", "default_sets",
                   "default_reps", "default_hold_s", "load_unit", "progression", "side",
                   "tempo", "rest_s", "days_per_week", "times_per_day", "pain_rule", "media",
                   "source")
PROGRAMME_FIELDS = ("name", "notes", "start_date", "review_date", "clinician_name",
                    "clinician_contact")
SIDES = ("", *progression.SIDES)
PAIN_RULES = ("", *progression.PAIN_RULES)
TEXT_FIELDS = ("tempo", "notes", "weekdays", "side", "effort_target", "pain_rule", "media")
LOG_FIELDS = ("status", "sets_done", "reps_done", "hold_s_done", "load_done", "pain_during",
              "notes")
LOG_STATUSES = ("done", "partial", "skipped")
CATEGORIES = library.CATEGORIES
REGIONS = library.REGIONS
LOAD_UNITS = library.LOAD_UNITS
PROGRAMME_LABELS = {"name": N_("Rename programme"), "start_date": N_("Change start date"),
                    "notes": N_("Change programme notes"),
                    "review_date": N_("Change review date"),
                    "clinician_name": N_("Change clinician"),
                    "clinician_contact": N_("Change clinician contact")}
"""The undo text of a change of one programme field (marked: translated where used)."""


def media_error(value: Any) -> str | None:
    """None when ``value`` is blank or an acceptable picture or video; else the message.

    The rule is ``domain.media.media_problem``: an https:// link with a web address, or a
    picture, video or PDF file on this computer; no http://, other schemes (javascript:,
    data:, file: ...), network paths or programs. A value that is not text is read as text.
    """
    return dmedia.media_problem(str(value or ""))


def _common_errors(v: dict[str, Any]) -> dict[str, str | None]:
    """Checks shared by prescriptions and exercises (side, frequency, pain rule, media)."""
    return {
        "times_per_day": _range(v.get("times_per_day"), 1, 6,
                                pgettext("programme field", "Times a day")),
        "side": None if (v.get("side") or "") in SIDES else
        _("Side must be one of {choices}.").format(choices=", ".join(progression.SIDES)),
        "pain_rule": None if (v.get("pain_rule") or "") in PAIN_RULES else
        _("Pain rule must be one of {choices}.").format(
            choices=", ".join(progression.PAIN_RULES)),
        "media": media_error(v.get("media")),
    }


def _range(value: Any, lo: float, hi: float, label: str, *, whole: bool = True,
           needed: bool = False) -> str | None:
    """``domain.scales.validate_range``, with "<label> is needed." for a missing value
    (``label`` in the current language)."""
    if needed and (value is None or value == ""):
        return _("{label} is needed.").format(label=label)
    return scales.validate_range(value, lo, hi, label, whole=whole)


def _raise(errors: dict[str, str | None]) -> None:
    errors = {k: v for k, v in errors.items() if v}
    if errors:
        raise ValidationError(errors)


def _unknown(values: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise KeyError(f"unknown {what} fields {sorted(unknown)}")


_GONE = {"programme": N_("That programme no longer exists."),
         "phase": N_("That phase no longer exists."),
         "prescription": N_("That prescription no longer exists."),
         "exercise": N_("That exercise no longer exists.")}


def _need(row: dict[str, Any] | None, table: str, row_id: Any) -> dict[str, Any]:
    if row is None:
        raise NotFoundError(_(_GONE[table]), table=table, row=row_id)
    return row


def _edit(label: str, do, *, saved: str | None = None) -> Edit:
    """``perform`` in the programme's scope; ``label`` and ``saved`` in the current
    language (``saved`` default "Saved")."""
    return perform(label, do, scope=PROGRAMME, saved=_("Saved") if saved is None else saved)


# ---- programmes --------------------------------------------------------------------------

def list_programmes() -> list[dict[str, Any]]:
    return repo.list_programmes()


def get_programme(programme_id: int) -> dict[str, Any] | None:
    return repo.get_programme(programme_id)


def active_programme() -> dict[str, Any] | None:
    return repo.active_programme()


def _thousands(n: int) -> str:
    """A count with its thousands grouped as the current language writes them: "10,000",
    "10\u202f000", "10.000"."""
    from babel.numbers import format_decimal

    from ..i18n import FORMAT_LOCALES, current

    return format_decimal(n, locale=FORMAT_LOCALES[current()])


def list_templates() -> list[dict[str, Any]]:
    """[{key, name, description, weeks}] of the shipped programme templates."""
    return [
        {"key": t["key"], "name": t["name"], "description": t["description"],
         "weeks": library.template_weeks(t)}
        for t in library.load_templates()
    ]


NAME_MAX = 10_000
"""Characters at most in the name of a programme, a phase or an exercise: far more than a
name needs (the PDF and the sheet break long names over lines), a bound against a pasted
book; the programme file format has the same limit, so a programme made in the app always
exports to a file the app imports back."""


def validate_programme(values: dict[str, Any]) -> dict[str, str]:
    errors = {}
    if "name" in values and not str(values["name"] or "").strip():
        errors["name"] = _("A programme needs a name.")
    elif len(str(values.get("name") or "")) > NAME_MAX:
        errors["name"] = _("A programme's name is too long ({most} characters at most).").format(
            most=_thousands(NAME_MAX))
    if "start_date" in values and values["start_date"] is not None and not isinstance(
        values["start_date"], date
    ):
        errors["start_date"] = _("Start date must be a date.")
    if values.get("review_date") is not None and not isinstance(values["review_date"], date):
        errors["review_date"] = _("Review date must be a date.")
    for key in ("clinician_name", "clinician_contact"):
        if len(str(values.get(key) or "")) > 200:
            label = (pgettext("programme field", "Clinician") if key == "clinician_name" else
                     pgettext("programme field", "Contact"))
            errors[key] = _("{label} is too long ({most} characters at most).").format(
                label=label, most=200)
    return errors


def _programme_created(new_id: int, previous_active: int | None, activated: bool,
                       extra: tuple[Change, ...] = ()) -> Change:
    """Undo deletes the new programme (and what came with it) and gives the active mark
    back to the programme that had it; redo restores it all with the same ids."""
    changes = [*extra, created(new_id, repo.delete_programme, repo.restore_programme)]
    if activated:
        changes.insert(0, Change(undo=lambda: repo.set_active(previous_active),
                                 redo=lambda: None))
    return chain(*changes, result=new_id)


def create_programme(name: str, start_date: date | None = None, notes: str = "",
                     active: bool = False, *, phases: tuple[dict[str, Any], ...] = ()) -> Edit:
    """A new programme with the given phases, in one transaction ("New programme").

    Args:
        phases: phase values to add in order, e.g. ({"name": "Phase 1", "weeks": 2},).
        active: make it the only active programme (undo gives the mark back).

    Returns:
        The edit; its ``result`` is the new programme's id.
    """
    def do() -> Change:
        _raise(validate_programme({"name": name, "start_date": start_date}))
        for ph in phases:
            _raise(validate_phase(ph))
        previous = repo.active_programme_id()
        new_id = repo.create_programme(name.strip(), start_date, notes, active)
        for ph in phases:
            repo.add_phase(new_id, ph)
        return _programme_created(new_id, previous, active)

    return _edit(_("New programme"), do)


def create_from_template(key: str, start_date: date, name: str | None = None,
                         active: bool = True, *, replace_active: bool = True) -> Edit:
    """Copy a shipped template into an editable programme ("New programme from template").

    Args:
        active: make the new programme the active one (its exercises show on Today) ...
        replace_active: ... even when another programme is active: that one is then kept,
            inactive (undo gives the mark back). With False a running programme stays
            active and the new one is added inactive. The Programme page always asks.

    Raises:
        ValidationError: {"template": why} for an unknown or broken template.
    """
    def do() -> Change:
        previous = repo.active_programme_id()
        activate = active and (previous is None or replace_active)
        try:
            new_id = library.create_programme_from_template(key, start_date, name, activate)
        except (KeyError, ValueError) as exc:
            raise ValidationError({"template": str(exc).strip("'\"")}) from exc
        return _programme_created(new_id, previous, activate)

    return _edit(_("New programme from template"), do)


def duplicate_programme(programme_id: int, name: str | None = None) -> Edit:
    """Copy a programme with its phases and prescriptions (not logs); the copy is inactive."""
    def do() -> Change:
        _need(repo.get_programme(programme_id), "programme", programme_id)
        new_id = repo.duplicate_programme(programme_id, name)
        return created(new_id, repo.delete_programme, repo.restore_programme)

    return _edit(_("Duplicate programme"), do)


def delete_programme(programme_id: int) -> Edit:
    """Delete a programme with its phases, prescriptions and logs; undo puts it all back."""
    def do() -> Change:
        _need(repo.get_programme(programme_id), "programme", programme_id)
        return removed(programme_id, repo.delete_programme, repo.restore_programme)

    return _edit(_("Delete programme"), do)


def activate_programme(programme_id: int | None) -> Edit:
    """Make ``programme_id`` the only active programme (None: none active).

    Returns:
        The edit; its ``result`` is the previously active programme's id, or None.
    """
    label = _("Activate programme") if programme_id is not None else _("Deactivate programme")
    if repo.active_programme_id() == programme_id:
        return no_change(label, scope=PROGRAMME)

    def do() -> Change:
        if programme_id is not None:
            _need(repo.get_programme(programme_id), "programme", programme_id)
        previous = repo.set_active(programme_id)
        return setter(repo.set_active, previous, programme_id, result=previous)

    return _edit(label, do)


def update_programme(programme_id: int, values: dict[str, Any]) -> Edit:
    """Change a programme's name, start date or notes ("Rename programme" ...)."""
    _unknown(values, PROGRAMME_FIELDS, "programme")
    if "name" in values and isinstance(values["name"], str):
        values = {**values, "name": values["name"].strip()}
    label = _(PROGRAMME_LABELS[next(iter(values))]) if len(values) == 1 else \
        _("Edit programme")
    current = repo.get_programme(programme_id)
    if current is not None and all(current[k] == v for k, v in values.items()):
        return no_change(label, scope=PROGRAMME)

    def do() -> Change:
        _raise(validate_programme(values))
        old = _need(repo.get_programme(programme_id), "programme", programme_id)
        repo.update_programme(programme_id, values)
        return setter(lambda v: repo.update_programme(programme_id, v),
                      {k: old[k] for k in values}, values)

    return _edit(label, do)


# ---- phases ------------------------------------------------------------------------------

def list_phases(programme_id: int) -> list[dict[str, Any]]:
    return repo.list_phases(programme_id)


def get_phase(phase_id: int) -> dict[str, Any] | None:
    return repo.get_phase(phase_id)


def validate_phase(values: dict[str, Any], *, partial: bool = False) -> dict[str, str]:
    _unknown(values, PHASE_FIELDS, "phase")
    errors: dict[str, str | None] = {}
    if (not partial or "name" in values) and not str(values.get("name") or "").strip():
        errors["name"] = _("A phase needs a name, e.g. Calm or Build.")
    elif len(str(values.get("name") or "")) > NAME_MAX:
        errors["name"] = _("A phase's name is too long ({most} characters at most).").format(
            most=_thousands(NAME_MAX))
    if not partial or "weeks" in values:
        errors["weeks"] = _range(values.get("weeks"), 1, 104,
                                 pgettext("programme field", "Weeks"), needed=True)
    return {k: v for k, v in errors.items() if v}


def add_phase(programme_id: int, values: dict[str, Any]) -> Edit:
    """Add a phase at the end of a programme ("Add phase"); ``result`` is its id."""
    values = {"name": _("New phase"), "weeks": 2, **values}

    def do() -> Change:
        _raise(validate_phase(values))
        _need(repo.get_programme(programme_id), "programme", programme_id)
        return created(repo.add_phase(programme_id, values), repo.delete_phase,
                       repo.restore_phase)

    return _edit(_("Add phase"), do)


def update_phase(phase_id: int, values: dict[str, Any]) -> Edit:
    """Change a phase's name, weeks, deload mark or goal ("Edit phase")."""
    current = repo.get_phase(phase_id)
    if current is not None and all(current.get(k) == v for k, v in values.items()):
        return no_change(_("Edit phase"), scope=PROGRAMME)

    def do() -> Change:
        _raise(validate_phase(values, partial=True))
        old = _need(repo.get_phase(phase_id), "phase", phase_id)
        repo.update_phase(phase_id, values)
        return setter(lambda v: repo.update_phase(phase_id, v), {k: old[k] for k in values},
                      values)

    return _edit(_("Edit phase"), do)


def delete_phase(phase_id: int) -> Edit:
    """Remove a phase with its prescriptions and their logs ("Remove phase")."""
    def do() -> Change:
        _need(repo.get_phase(phase_id), "phase", phase_id)
        return removed(phase_id, repo.delete_phase, repo.restore_phase)

    return _edit(_("Remove phase"), do)


def duplicate_phase(phase_id: int) -> Edit:
    """Copy a phase (with its prescriptions) right after itself; ``result`` is the copy."""
    def do() -> Change:
        _need(repo.get_phase(phase_id), "phase", phase_id)
        return created(repo.duplicate_phase(phase_id), repo.delete_phase, repo.restore_phase)

    return _edit(_("Duplicate phase"), do)


def reorder_phases(programme_id: int, phase_ids: list[int]) -> Edit:
    """Put a programme's phases in the order of ``phase_ids``; ``result`` is the old order."""
    phase_ids = list(phase_ids)

    def do() -> Change:
        old = repo.phase_order(programme_id)
        if sorted(old) != sorted(phase_ids):
            raise ValidationError({"order": _("The new order must list every phase once.")})
        repo.reorder_phases(phase_ids)
        return setter(repo.reorder_phases, old, phase_ids, result=old)

    return _edit(_("Reorder phases"), do)


# ---- prescriptions -----------------------------------------------------------------------

def _decorated(d: dict[str, Any]) -> dict[str, Any]:
    d["dose"] = dp.dose_text(d["sets"], d["reps"], d["hold_s"], d["load"], d["load_unit"])
    d["days"] = dp.weekdays_label(dp.PlanPrescription(d["id"], d["weekdays"] or "",
                                                      d["days_per_week"]))
    return d


def list_prescriptions(phase_id: int) -> list[dict[str, Any]]:
    """A phase's prescriptions in order, with exercise name, ``dose`` and ``days`` texts."""
    return [_decorated(r) for r in repo.list_prescriptions(phase_id)]


def get_prescription(prescription_id: int) -> dict[str, Any] | None:
    row = repo.get_prescription(prescription_id)
    return _decorated(row) if row else None


def prescription_order(phase_id: int) -> list[int]:
    return repo.prescription_order(phase_id)


def prescription_history(prescription_id: int) -> list[dict[str, Any]]:
    return repo.prescription_history(prescription_id)


def validate_prescription(values: dict[str, Any], *, current: dict[str, Any] | None = None
                          ) -> dict[str, str]:
    """Check prescription values (merged over ``current`` when updating)."""
    _unknown(values, PRESCRIPTION_FIELDS, "prescription")
    v = {**(current or {}), **values}
    errors: dict[str, str | None] = {
        "sets": _range(v.get("sets"), 1, 50, pgettext("programme field", "Sets"), needed=True),
        "reps": _range(v.get("reps"), 1, 1000, pgettext("programme field", "Reps")),
        "hold_s": _range(v.get("hold_s"), 1, 36000, pgettext("programme field", "Hold")),
        "rest_s": _range(v.get("rest_s"), 0, 3600, pgettext("programme field", "Rest")),
        "days_per_week": _range(v.get("days_per_week"), 1, 7,
                                pgettext("programme field", "Days per week")),
        "load": _range(v.get("load"), 0, 1000, pgettext("programme field", "Load"), whole=False),
        **_common_errors(v),
    }
    if len(str(v.get("effort_target") or "")) > 200:
        errors["effort_target"] = _("{label} is too long ({most} characters at most).").format(
            label=pgettext("programme field", "Effort target"), most=200)
    if not repo.exercise_exists(v.get("exercise")):
        errors["exercise"] = _("Choose an exercise from the library.")
    if v.get("load_unit", "bodyweight") not in LOAD_UNITS:
        errors["load_unit"] = _("Unit must be one of {choices}.").format(
            choices=", ".join(LOAD_UNITS))
    try:
        dp.parse_weekdays(v.get("weekdays") or "")
    except ValueError:
        errors["weekdays"] = _("Weekdays must look like Mon, Wed, Fri (or 0,2,4; 0 = Monday).")
    if not (v.get("weekdays") or "").strip() and not v.get("days_per_week") \
            and not errors.get("days_per_week"):
        errors["days_per_week"] = _("Give days per week or the weekdays.")
    if v.get("reps") in (None, "") and v.get("hold_s") in (None, "") and \
            v.get("load_unit") != "minutes" and not errors.get("reps"):
        errors["reps"] = _("Give reps or a hold time.")
    if v.get("load_unit") == "minutes" and not v.get("load") and v.get("reps") in (None, "") \
            and v.get("hold_s") in (None, ""):
        errors["load"] = _("Give the minutes (in Load) for a timed exercise.")
    return {k: e for k, e in errors.items() if e}


def _clean_prescription(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in values.items():
        if k in TEXT_FIELDS:
            out[k] = (v or "").strip()
        elif v == "":
            out[k] = None
        elif k == "load" and v is not None:
            out[k] = float(v)
        elif k in ("sets", "reps", "hold_s", "rest_s", "days_per_week", "times_per_day") \
                and v is not None:
            out[k] = int(float(v))
        else:
            out[k] = v
    if out.get("weekdays"):
        out["weekdays"] = ",".join(str(d) for d in dp.parse_weekdays(out["weekdays"]))
    return out


def add_prescription(phase_id: int, values: dict[str, Any]) -> Edit:
    """Add an exercise to a phase ("Add exercise"); missing dose fields come from the
    exercise's defaults. ``result`` is the new prescription's id."""
    def do() -> Change:
        _need(repo.get_phase(phase_id), "phase", phase_id)
        ex = repo.get_exercise(values.get("exercise")) if values.get("exercise") else None
        defaults: dict[str, Any] = {"days_per_week": 3}
        if ex is not None:
            defaults.update(sets=ex["default_sets"] or 3, reps=ex["default_reps"],
                            hold_s=ex["default_hold_s"], load_unit=ex["load_unit"])
            if ex["load_unit"] == "minutes" and ex["default_hold_s"]:
                defaults.update(load=float(ex["default_hold_s"] // 60), hold_s=None)
        full = {**defaults, **values}
        _raise(validate_prescription(full))
        new_id = repo.add_prescription(phase_id, _clean_prescription(full))
        return created(new_id, repo.delete_prescription, repo.restore_prescription)

    return _edit(_("Add exercise"), do)


def _write_prescription(prescription_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """Validate and write some fields; returns their old (clean) values."""
    current = _need(repo.get_prescription(prescription_id), "prescription", prescription_id)
    _raise(validate_prescription(values, current={k: current[k] for k in PRESCRIPTION_FIELDS}))
    clean = _clean_prescription(values)
    old = {k: current[k] for k in clean}
    repo.update_prescription(prescription_id, clean)
    return old


MANUAL_CHANGE = "Changed by hand"
"""The reason a dose changed in the editor gives in the prescription's history: a key the
history shows as "by hand", stored in English whatever the language (never translated)."""


def update_prescription(prescription_id: int, values: dict[str, Any],
                        day: date | None = None) -> Edit:
    """Change some fields of a prescription ("Change dose"); ``result`` is their old values.

    A changed dose (sets, reps, hold, load or its unit: ``DOSE_FIELDS``) is recorded in the
    prescription's history on ``day`` (default today), one row per field, with the reason
    ``MANUAL_CHANGE``, as accepted advice is; undo removes those rows, redo puts them back.
    """
    def do() -> Change:
        vals = dict(values)
        current = repo.get_prescription(prescription_id)
        if current and "reps" in vals and "effort_target" not in vals and vals["reps"] \
                and current["reps"] and int(float(vals["reps"])) != current["reps"]:
            effort = progression.rm_effort(current["effort_target"] or "", current["reps"],
                               int(float(vals["reps"])))
            if effort != (current["effort_target"] or ""):
                vals["effort_target"] = effort  # "12RM: ... 12 times" follows the reps
        old = _write_prescription(prescription_id, vals)
        new = _clean_prescription(vals)
        when = day or clock.today()
        change_ids = [repo.add_change(prescription_id, when, f, _text(old[f]), _text(new[f]),
                                      MANUAL_CHANGE)
                      for f in DOSE_FIELDS if f in new and old[f] != new[f]]
        state: dict[str, Any] = {"rows": []}

        def undo() -> None:
            repo.update_prescription(prescription_id, old)
            state["rows"] = [repo.delete_change(c) for c in change_ids]

        def redo() -> None:
            repo.update_prescription(prescription_id, new)
            for row in state["rows"]:
                repo.restore_change(row)

        return Change(undo=undo, redo=redo, result=old)

    return _edit(_("Change dose"), do)


def delete_prescription(prescription_id: int) -> Edit:
    """Remove an exercise from its phase, with its history and logs ("Remove exercise")."""
    def do() -> Change:
        _need(repo.get_prescription(prescription_id), "prescription", prescription_id)
        return removed(prescription_id, repo.delete_prescription, repo.restore_prescription)

    return _edit(_("Remove exercise"), do)


def move_prescription(prescription_id: int, phase_id: int, index: int) -> Edit:
    """Move a prescription to position ``index`` of ``phase_id`` (may be another phase of
    the same programme) ("Move exercise"); ``result`` is (old phase id, old index)."""
    def do() -> Change:
        row = _need(repo.get_prescription(prescription_id), "prescription", prescription_id)
        old_phase = row["phase"]
        target = repo.programme_of_phase(phase_id)
        if target is None or target != repo.programme_of_phase(old_phase):
            raise ValidationError(
                {"phase": _("A prescription can only move within its programme.")})
        old_index = repo.prescription_order(old_phase).index(prescription_id)
        repo.move_prescription(prescription_id, phase_id, index)
        return Change(undo=lambda: repo.move_prescription(prescription_id, old_phase, old_index),
                      redo=lambda: repo.move_prescription(prescription_id, phase_id, index),
                      result=(old_phase, old_index))

    return _edit(_("Move exercise"), do)


# ---- schedule and logs -------------------------------------------------------------------

def plan(programme_id: int) -> dp.Plan:
    return repo.plan_for(programme_id)


def _active_plan() -> tuple[int, dp.Plan] | None:
    prog = repo.active_programme()
    if prog is None:
        return None
    return prog["id"], plan(prog["id"])


def get_log(day: date, prescription_id: int) -> dict[str, Any] | None:
    return repo.get_log(day, prescription_id)


def due_on(day: date) -> list[dict[str, Any]]:
    """The active programme's prescriptions due on ``day``, each with its log (or None)
    and ``exercise_category`` (conditioning is a session of its own: services/exercise_logs)."""
    active = _active_plan()
    if active is None:
        return []
    _pid, the_plan = active
    items = dp.due_on(the_plan, day)
    if not items:
        return []
    phase = dp.phase_on(the_plan, day)
    phase_row = repo.get_phase(phase.id) if phase else None
    out = []
    for item in items:
        d = get_prescription(item.id)
        d["log"] = get_log(day, item.id)
        d["phase_name"] = phase_row["name"] if phase_row else ""
        d["deload"] = bool(phase_row["deload"]) if phase_row else False
        d["exercise_category"] = (repo.get_exercise(d["exercise"]) or {}).get("category", "")
        out.append(d)
    return out


def validate_log(values: dict[str, Any]) -> dict[str, str]:
    _unknown(values, LOG_FIELDS, "exercise-log")
    errors = {
        "sets_done": _range(values.get("sets_done"), 0, 50,
                            pgettext("programme field", "Sets done")),
        "reps_done": _range(values.get("reps_done"), 0, 1000,
                            pgettext("programme field", "Reps done")),
        "hold_s_done": _range(values.get("hold_s_done"), 0, 36000,
                              pgettext("programme field", "Hold done")),
        "pain_during": _range(values.get("pain_during"), 0, 10,
                              pgettext("programme field", "Pain during")),
        "load_done": _range(values.get("load_done"), 0, 1000,
                            pgettext("programme field", "Load"), whole=False),
    }
    if values.get("status", "done") not in LOG_STATUSES:
        errors["status"] = _("Status must be one of {choices}.").format(
            choices=", ".join(LOG_STATUSES))
    return {k: v for k, v in errors.items() if v}


def log_exercise(day: date, prescription_id: int, values: dict[str, Any]) -> dict[str, Any] | None:
    """Record what was done of a prescription on ``day`` (one log per day and prescription).

    Returns:
        The previous log of that day (for undo), or None.

    Raises:
        ValidationError: a bad value, or the prescription no longer exists.
    """
    _raise(validate_log(values))
    if not repo.prescription_exists(prescription_id):
        raise ValidationError({"prescription": _("That prescription no longer exists.")})
    previous = get_log(day, prescription_id)
    clean = {k: (None if v == "" and k != "notes" else v) for k, v in values.items()}
    clean.setdefault("status", "done")
    repo.replace_log(day, prescription_id, clean)
    return previous


def restore_log(day: date, prescription_id: int, previous: dict[str, Any] | None) -> None:
    """Put back a log as it was (None: no log)."""
    values = None if previous is None else {k: previous[k] for k in LOG_FIELDS if k in previous}
    repo.replace_log(day, prescription_id, values)


def _due_items(start: date, end: date, programme_id: int | None
               ) -> tuple[list[da.DueItem], list[int]]:
    """The due items of ``start``..``end`` with the logs that credit them
    (``domain.adherence.due_items``), and the programme's prescription ids; ([], []) without
    an active (or given) programme."""
    if programme_id is None:
        prog = repo.active_programme()
        if prog is None:
            return [], []
        programme_id = prog["id"]
    the_plan = plan(programme_id)
    ids = [p.id for ph in the_plan.phases for p in ph.prescriptions]
    logs = {(r["day"], r["prescription"]): r["status"]
            for r in repo.logs_between(start, end, ids)}
    return da.due_items(the_plan, start, end, logs), ids


def weekly_adherence(start: date, end: date,
                     programme_id: int | None = None) -> list[da.WeekAdherence]:
    """Exercise days done against exercise days due per calendar week (Monday to Sunday)
    of ``start``..``end``, for the active (or given) programme; [] without one.

    The rule (``domain.adherence``): a day with something due counts done when at least
    half of its exercises were logged done (partial counts half), a session moved to
    another day of the same week counting; a week cut by the range counts its days inside.
    """
    items, ids = _due_items(start, end, programme_id)
    return da.weeks_of(items, start, end) if ids else []


def exercise_adherence(start: date, end: date,
                       programme_id: int | None = None) -> list[da.ExerciseAdherence]:
    """Per exercise of the active (or given) programme, its days due and done over
    ``start``..``end`` (the weekly rule applied to each exercise's own items), in the order
    each first falls due; exercises with no day due in the range are left out."""
    items, ids = _due_items(start, end, programme_id)
    rows = repo.prescriptions_with_exercises(ids)

    def exercise_of(prescription_id: int) -> tuple[int, str]:
        row = rows[prescription_id]
        return row["exercise"], row["exercise_name"]

    return da.by_exercise(items, exercise_of)


def exercise_progression(exercise_id: int, start: date, end: date
                         ) -> list[tuple[date, float, str]]:
    """Per day, how much of an exercise was done: volume load (kg), seconds, minutes or reps.

    Done and partial logs count; a log's missing numbers fall back to the prescription's.
    """
    per_day: dict[tuple[date, str], float] = {}
    for log, p in repo.logs_of_exercise(exercise_id, start, end):
        done = {k: log[f"{k}_done"] if log[f"{k}_done"] is not None else p[k]
                for k in ("sets", "reps", "hold_s", "load")}
        amount = dp.volume(done["sets"], done["reps"], done["hold_s"], done["load"],
                           p["load_unit"])
        if amount is None:
            continue
        key = (log["day"], amount[1])
        per_day[key] = per_day.get(key, 0.0) + amount[0]
    return [(d, round(v, 1), unit) for (d, unit), v in sorted(per_day.items())]


def exercises_with_logs() -> list[tuple[int, str]]:
    """(exercise id, name) of every exercise with at least one log, by name."""
    return repo.exercises_with_logs()


# ---- progression advice ------------------------------------------------------------------

def _steps(progression: str | None) -> list[dict]:
    try:
        steps = json.loads(progression) if progression else []
    except json.JSONDecodeError:
        return []
    return steps if isinstance(steps, list) else []


VERDICT_HISTORY_DAYS = 35
"""Days before ``today`` the advice reads: a full green week (7) of days whose weekly trend
(14) and baselines (7) are known, and a little more."""

_LIGHT_SENTENCES = (dp.WEEK_RED, dp.WEEK_AMBER, dp.NOT_YET_GREEN_WEEK)
"""``domain.programme.advise``'s own words about the week (English msgids: the advice
starts with them in the current language); the verdict's words replace them."""

_GREEN_WEEK = "A full green week."
"""How ``domain.progression`` starts a reason after a full green week (its msgid, read in
the current language; not marked here: the domain's catalogue translates it)."""

_STEP_BACK_TEMPLATES = ("One step back: {change} (not to zero).",
                        "Back off: {change} (not to zero).")
"""How ``domain.progression`` and ``domain.programme`` word a step back (their msgids)."""


def _with_verdict(s: dp.Suggestion, verdict: light_mod.Verdict) -> str:
    """The reason of ``s`` in the verdict's words ("Green: Keep going ... Back off: ...")."""
    for english in _LIGHT_SENTENCES:
        sentence = _(english)
        if s.reason.startswith(sentence):
            rest = s.reason[len(sentence):].strip()
            break
    else:
        if s.kind != "progress":
            return s.reason  # about this exercise's own pain: its words stand
        rest = s.reason
    head = verdict.text if verdict.kind is not None else f"{verdict.text} {verdict.reason}"
    return f"{head} {rest}".strip()


def _journal_for_advice(today: date) -> tuple[Any, date | None]:
    """The journal the advice reads as of ``today``, and the profile's onset date.

    Reads the ``VERDICT_HISTORY_DAYS`` before the week before ``today`` (its verdict says
    whether the last week was red too) and the day after (the light), and back to the
    profile's onset date or the journal's first entry, whichever is later (the "no
    improvement" rule compares with the first rated week), as Today does.
    """
    profile = get_profile() or {}
    onset = profile.get("onset_date")
    if isinstance(onset, str):
        onset = date.fromisoformat(onset) if onset else None
    span = journal_repo.journal_span()
    start = today - timedelta(days=VERDICT_HISTORY_DAYS + 7)
    if span is not None:
        start = min(start, max(span[0], onset) if onset else span[0])
    return load_journal(start, today + timedelta(days=1)), onset


def _verdict(today: date, th: light_mod.Thresholds) -> light_mod.Verdict:
    """The one advice as of ``today`` (``domain.redflags.advice``) from the open journal."""
    journal, onset = _journal_for_advice(today)
    return redflags.advice(journal, today, th, onset)


def _model(row: dict[str, Any]) -> dict[str, Any] | None:
    """The progression model of a prescription row's exercise (None: a v1 step list)."""
    try:
        raw = json.loads(row["exercise_progression"]) if row["exercise_progression"] else None
    except json.JSONDecodeError:
        raw = None
    return progression.model_of(raw, row.get("exercise_category") or "")


def _first_weeks(programme_id: int, the_plan: dp.Plan) -> dict[int, date]:
    """{exercise id: the start of the first phase of the programme that has it}: where
    the exercise's own week 1 of a rep-max schedule begins."""
    out: dict[int, date] = {}
    for phase in the_plan.phases:
        start = dp.phase_start(the_plan, phase.id)
        if start is None:
            continue
        for row in repo.list_prescriptions(phase.id):
            out.setdefault(row["exercise"], start)
    return out


def advice_pause(today: date) -> str | None:
    """Why there is no progression advice as of ``today``, or None when there is.

    No advice in a phase's first week (the week judged must be a week of this phase's
    doses), in a deload phase (lighter on purpose) or on a phase's last day (the next
    phase starts with its planned doses, carrying the progress accepted so far).
    """
    active = _active_plan()
    if active is None:
        return None
    _pid, the_plan = active
    phase = dp.phase_on(the_plan, today)
    if phase is None:
        return None
    if phase.deload:
        return _("A deload phase: the doses are lighter on purpose, so there is no "
                 "progression advice until the next phase.")
    after = dp.phase_on(the_plan, today + timedelta(days=1))
    if after is None:
        return _("The programme ends today: no new advice. Ask your physio what comes next, "
                 "and keep the doses you reached meanwhile.")
    if after.id != phase.id:
        return _("This phase ends today: the next one starts with its planned doses, and "
                 "the progress you accepted carries over. No new advice for this phase.")
    start = dp.phase_start(the_plan, phase.id)
    if start is not None and (today - start).days < 6:
        first_week_end = start + timedelta(days=6)
        return _("This phase started on {start}: the first advice comes when its first full "
                 "week ends ({end}).").format(start=format_date(start, "weekday_day_month"),
                                              end=format_date(first_week_end,
                                                              "weekday_day_month"))
    return None


STEP_BACK_WORDS = ("One step back", "Back off:")
"""How an accepted step back reads in the dose history (this version's and v1's advice),
in English; ``step_back_words`` adds the other languages' words."""


def step_back_words() -> tuple[str, ...]:
    """How an accepted step back reads in the dose history in any language: the reason
    is stored in the language the advice was accepted in ("One step back:", "Un pas en
    arrière :" ...), so a step back accepted in French still counts after a switch."""
    words = dict.fromkeys(STEP_BACK_WORDS)
    for lang in LANGUAGES:
        for template in _STEP_BACK_TEMPLATES:
            word = catalogue(lang).gettext(template).split("{change}")[0].strip()
            if word:
                words[word] = None
    return tuple(words)


def _stepped_back_since(prescription_id: int, since: date) -> date | None:
    """The day a step back of this prescription was accepted on or after ``since``."""
    words = step_back_words()
    for row in reversed(repo.prescription_history(prescription_id)):
        if row["day"] >= since and any(w in (row["reason"] or "") for w in words):
            return row["day"]
    return None


def _effort_for(row: dict[str, Any], s: dp.Suggestion) -> tuple[str, str, str] | None:
    """An effort target naming the old rep-max ("15RM: the heaviest load you can press
    15 times") rewritten for the suggestion's new rep-max, so it never goes stale."""
    text = row.get("effort_target") or ""
    reps = next(((o, n) for f, o, n in s.updates if f == "reps"), None)
    if not text or reps is None or not reps[0] or not reps[1]:
        return None
    changed = progression.rm_effort(text, *reps)
    return ("effort_target", text, changed) if changed != text else None


def _reason(s: dp.Suggestion, verdict: light_mod.Verdict) -> str:
    """The suggestion's reason, starting with the week's judgement in Today's words."""
    head = verdict.text if verdict.kind is not None else f"{verdict.text} {verdict.reason}"
    red = _(dp.WEEK_RED)
    if s.reason.startswith(red):
        return f"{head} {s.reason[len(red):].strip()}".strip()
    if s.kind == "progress":
        return f"{head} {s.reason}".strip()
    # "A full green week, but ..." / "A full green week. Keep ...": the sentence's start
    green_week = _(_GREEN_WEEK).rstrip(".").strip()
    if green_week and s.reason.startswith(green_week):
        # "Green: A full green week. ... keeps"
        return _("{heading}: {reason}").format(heading=verdict.heading, reason=s.reason)
    return s.reason


def suggestions(today: date) -> list[dp.Suggestion]:
    """Progression advice for each prescription of the active programme's current phase.

    The week is judged by ``domain.redflags.advice`` as of ``today``: the judgement
    Today's light shows (``domain.light.week_verdict``) held by the reasons to book an
    assessment Today's banner shows, so the Programme's advice and Today never disagree:
    progress only after a full green week and while no assessment is advised, hold while
    green before that, during an escalation, amber or waiting for a next-morning rating,
    one stage back when the light is red (a red flag too), and "see your physio" when the
    week before was red too and the exercise was already stepped back in the last 14 days
    (pain worsening despite reduced load). Tendon-loading exercises (pain rule "tendon")
    are judged on ``domain.progression.pain_monitoring_view``: pain up to 5/10 that
    settles by the next morning does not hold them (Silbernagel 2007). Each exercise
    follows its progression model (``domain.progression``): a rep-max schedule counts the
    exercise's weeks from the first phase of the programme that has it. An exercise
    whose logged pain during the 7 days ending ``today`` was above its pain rule gets the
    more careful advice. A prescription changed in those 7 days gets no new advice yet;
    none at all in a deload phase or on a phase's last day (``advice_pause``).
    """
    active = _active_plan()
    if active is None:
        return []
    pid, the_plan = active
    phase = dp.phase_on(the_plan, today)
    if phase is None or not phase.prescriptions or advice_pause(today):
        return []
    th = thresholds()
    week_start = today - timedelta(days=6)
    journal, onset = _journal_for_advice(today)
    ids = [p.id for p in phase.prescriptions]
    rows = repo.prescriptions_with_exercises(ids)
    views = {"standard": journal}
    if any((r["pain_rule"] or r.get("exercise_pain_rule")) == "tendon" for r in rows.values()):
        views["tendon"] = progression.pain_monitoring_view(
            journal, acceptable_pain=th.acceptable_pain, green_peak_max=th.green_peak_max)
    verdicts = {rule: (redflags.advice(view, today, th, onset),
                       redflags.advice(view, today - timedelta(days=7), th, onset))
                for rule, view in views.items()}
    pains: dict[int, list[int | None]] = {}
    done: dict[int, int] = {}
    for log in repo.logs_between(week_start, today, ids):
        pains.setdefault(log["prescription"], []).append(log["pain_during"])
        if log["status"] in ("done", "partial"):
            done[log["prescription"]] = done.get(log["prescription"], 0) + 1
    last_pains: dict[int, list[int]] = {}
    for log in repo.logs_between(week_start - timedelta(days=7), week_start - timedelta(days=1),
                                 ids):
        if log["pain_during"] is not None:
            last_pains.setdefault(log["prescription"], []).append(log["pain_during"])
    due: dict[int, int] = {}
    for n in range(7):
        for item in dp.due_on(the_plan, week_start + timedelta(days=n)):
            due[item.id] = due.get(item.id, 0) + 1
    recent = repo.changed_since(ids, week_start)
    firsts = _first_weeks(pid, the_plan)
    tomorrow = today + timedelta(days=1)
    out = []
    for p_id in ids:
        if p_id in recent:
            continue
        r = rows[p_id]
        rule = r["pain_rule"] or r.get("exercise_pain_rule") or "standard"
        verdict, last_week = verdicts["tendon" if rule == "tendon" else "standard"]
        kind = verdict.kind if verdict.kind in (light_mod.PROGRESS, light_mod.BACK_OFF) \
            else "hold"
        head = verdict.text if verdict.kind is not None else f"{verdict.text} {verdict.reason}"
        dose = dp.Dose(r["id"], r["sets"], r["reps"], r["hold_s"], r["load"], r["load_unit"],
                       r["notes"] or "")
        model = _model(r)
        if model is None:  # a v1 step list of the user's own exercise
            colours = {light_mod.PROGRESS: ["green"], light_mod.BACK_OFF: ["red"]}.get(
                verdict.kind, ["amber"])
            s = dp.advise(dose, _steps(r["exercise_progression"]), week_colours=colours,
                          ready=verdict.kind == light_mod.PROGRESS,
                          pain_during=pains.get(p_id, ()), acceptable_pain=th.acceptable_pain,
                          green_peak_max=th.green_peak_max)
            reason = _with_verdict(s, verdict)
        else:
            # red this week and last: the light, or this exercise's own pain above 5/10
            own = [v for v in pains.get(p_id, ()) if v is not None]
            red_now = kind == light_mod.BACK_OFF or any(v > th.acceptable_pain for v in own)
            red_before = last_week.kind == light_mod.BACK_OFF or any(
                v > th.acceptable_pain for v in last_pains.get(p_id, ()))
            red_weeks = 0
            if red_now:
                red_weeks = 1
                stepped = _stepped_back_since(p_id, today - timedelta(days=13))
                if red_before and stepped is not None:
                    red_weeks = 2
            first = firsts.get(r["exercise"])
            week = (tomorrow - first).days // 7 + 1 if first else None
            if model["model"] == "rm_schedule" and first and red_weeks == 0 \
                    and (today - first).days % 7 != 6:
                # a rep-max schedule moves by programme weeks: advice at each week's end
                week_end = today + timedelta(days=6 - (today - first).days % 7)
                s = dp.Suggestion(p_id, "hold", "", None, None, _(
                    "Heavy slow resistance follows its weekly rep-max schedule: the next "
                    "advice comes when this programme week ends ({day}).").format(
                        day=format_date(week_end, "weekday_day_month")))
            else:
                s = progression.advise(
                    dose, model, verdict=light_mod.BACK_OFF if red_weeks == 2 else kind,
                    week=week, red_weeks=red_weeks, pain_during=pains.get(p_id, ()),
                    pain_rule=rule, acceptable_pain=th.acceptable_pain,
                    green_peak_max=th.green_peak_max, verdict_reason=head,
                    days_due=due.get(p_id, 0), days_done=done.get(p_id, 0))
            reason = _reason(s, verdict)
        more = s.more
        effort = _effort_for(r, s)
        if effort is not None:
            more = (*more, effort)
        out.append(dp.Suggestion(s.prescription_id, s.kind, s.field, s.old, s.new, reason,
                                 label=r["exercise_name"], more=more,
                                 dose_before=s.dose_before, dose_after=s.dose_after))
    return out


def _text(value: Any) -> str:
    """A history value: "" for None, whole numbers without ".0" ("40", never "40.0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _carried(prescription_id: int, values: dict[str, Any], step: str = ""
             ) -> list[tuple[int, dict[str, Any]]]:
    """Where accepted progress carries: [(later prescription id, {field: new value})].

    Later prescriptions of the same exercise (same unit) in the same programme, in phases
    with ``carry_progress``, stopping at the first phase without it (the physio's plan
    says otherwise from there). Only what was gained carries, never the plan's sets or
    reps: a higher load (for a rep-max schedule converted to the later phase's rep-max by
    Epley's formula), a longer hold or run part, more minutes. A deload phase keeps its
    fewer sets and gets the new load ("same load, half the sets"). An accepted next step
    (``step``: "Single-leg calf raises ...") is added to the later notes that lack it, and
    the later reps start no higher than the new ones (the harder step builds up again).
    """
    rows = repo.prescriptions_with_exercises([prescription_id])
    row = rows.get(prescription_id)
    if row is None:
        return []
    prog = repo.programme_of_phase(row["phase"])
    if prog is None:
        return []
    phases = repo.list_phases(prog)
    ids = [ph["id"] for ph in phases]
    if row["phase"] not in ids:
        return []
    model = _model(row) or {}
    new = {**row, **values}
    out = []
    for ph in phases[ids.index(row["phase"]) + 1:]:
        if not ph.get("carry_progress", True):
            break
        for later in repo.list_prescriptions(ph["id"]):
            if later["exercise"] != row["exercise"] or later["load_unit"] != new["load_unit"]:
                continue
            changes = _carry_changes(later, new, model, step)
            if changes:
                out.append((later["id"], changes))
    return out


def _carry_changes(later: dict[str, Any], new: dict[str, Any], model: dict[str, Any],
                   step: str = "") -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if step and step not in (later.get("notes") or ""):
        changes["notes"] = ((later.get("notes") or "") + "\n" + step).strip()
        if new.get("reps") and later.get("reps") and later["reps"] > new["reps"]:
            changes["reps"] = new["reps"]
    load = new.get("load")
    if load and new["load_unit"] in (*dp.WEIGHT_UNITS, "minutes"):
        target = float(load)
        if model.get("model") == "rm_schedule" and new.get("reps") and later.get("reps") \
                and later["reps"] != new["reps"]:
            target = progression.rm_load(target, new["reps"], later["reps"])
        if float(later.get("load") or 0) < target:
            changes["load"] = target
    hold = new.get("hold_s")
    if hold and later.get("hold_s") and bool(later.get("reps")) == bool(new.get("reps")) \
            and later["hold_s"] < hold:
        changes["hold_s"] = hold
    return changes


DOSE_FIELDS = ("sets", "reps", "hold_s", "load", "load_unit")


def accept_suggestion(s: dp.Suggestion, day: date | None = None) -> Edit:
    """Apply a suggestion to its prescription and record each changed field in the
    prescription's history ("Accept advice: <exercise>"). Accepted progress also carries
    into later phases of the programme (``_carried``), recorded in their history. A hold
    changes nothing.

    Returns:
        The edit; its ``result`` is the list of history row ids (None for a hold).
    """
    label = _("Accept advice: {exercise}").format(exercise=library_text(s.label))
    if not s.changes:
        return no_change(label, scope=PROGRAMME)
    for f, _o, _n in s.updates:
        if f not in PRESCRIPTION_FIELDS:
            raise ValidationError({"field": _("Cannot change {field}.").format(field=repr(f))})
    day = day or clock.today()
    pid = s.prescription_id
    values = {f: n for f, _o, n in s.updates}

    def do() -> Change:
        targets = [(pid, values, s.reason)]
        if s.kind == "progress" and set(values) & {*DOSE_FIELDS, "notes"}:
            current = _need(repo.get_prescription(pid), "prescription", pid)
            dose = {k: values.get(k, current[k]) for k in DOSE_FIELDS}
            step = ""
            if "notes" in values:  # a next step (single leg ...) carries too
                step = str(values["notes"])[len(current["notes"] or ""):].strip()
            targets += [(later, changes, f"Carried from an earlier phase: {s.reason}")
                        for later, changes in _carried(pid, dose, step)]
        olds: list[tuple[int, dict[str, Any]]] = []
        news: list[tuple[int, dict[str, Any]]] = []
        change_ids: list[int] = []
        for target, vals, why in targets:
            old = _write_prescription(target, vals)
            olds.append((target, old))
            news.append((target, _clean_prescription(vals)))
            for f, new in _clean_prescription(vals).items():
                if old.get(f) != new:
                    change_ids.append(repo.add_change(target, day, f, _text(old.get(f)),
                                                      _text(new), why))
        state: dict[str, Any] = {}

        def undo() -> None:
            for target, old in olds:
                repo.update_prescription(target, old)
            state["rows"] = [repo.delete_change(c) for c in change_ids]

        def redo() -> None:
            for target, new in news:
                repo.update_prescription(target, new)
            for row in state["rows"]:
                repo.restore_change(row)

        return Change(undo=undo, redo=redo, result=change_ids)

    return _edit(label, do, saved=_("Prescription updated"))


def revert_suggestion(s: dp.Suggestion, change_ids: list[int] | int | None) -> Edit:
    """Take back an accepted suggestion: the old values back (also where the progress was
    carried into later phases) and its history rows removed.

    Args:
        s: the accepted suggestion.
        change_ids: ``accept_suggestion``'s result.
    """
    label = _("Revert advice: {exercise}").format(exercise=library_text(s.label))
    if change_ids is None:
        return no_change(label, scope=PROGRAMME)
    ids = [change_ids] if isinstance(change_ids, int) else list(change_ids)
    pid = s.prescription_id

    def do() -> Change:
        _need(repo.get_prescription(pid), "prescription", pid)
        rows = [r for r in (repo.delete_change(c) for c in ids) if r is not None]
        before: dict[int, dict[str, Any]] = {}
        after: dict[int, dict[str, Any]] = {}
        for r in rows:
            target = r["prescription"]
            current = repo.get_prescription(target)
            if current is None:
                continue
            f = r["field_name"]
            before.setdefault(target, {})[f] = current[f]
            after.setdefault(target, {})[f] = _clean_prescription(
                {f: _parse_value(f, r["old_value"])})[f]
        for target, vals in after.items():
            repo.update_prescription(target, vals)

        def undo() -> None:
            for target, vals in before.items():
                repo.update_prescription(target, vals)
            for r in rows:
                repo.restore_change(r)

        def redo() -> None:
            for r in rows:
                repo.delete_change(r["id"])
            for target, vals in after.items():
                repo.update_prescription(target, vals)

        return Change(undo=undo, redo=redo)

    return _edit(label, do)


def _parse_value(field_name: str, text: str) -> Any:
    """A history row's text value back to the field's value ("" is None)."""
    if text == "" and field_name not in TEXT_FIELDS:
        return None
    if field_name in ("load",):
        return float(text)
    if field_name in ("sets", "reps", "hold_s", "rest_s", "days_per_week", "times_per_day"):
        return int(float(text))
    return text


# ---- exercise library --------------------------------------------------------------------

def _exercise(d: dict[str, Any]) -> dict[str, Any]:
    d["progression_steps"] = _steps(d["progression"])
    return d


def list_exercises(text: str = "", category: str | None = None, region: str | None = None,
                   include_archived: bool = False) -> list[dict[str, Any]]:
    """Library exercises by name; ``text``'s words must all appear in name, instructions,
    cues or slug (any case)."""
    rows = [_exercise(r) for r in repo.list_exercises(category, region, include_archived)]
    words = text.lower().split()
    if words:
        rows = [r for r in rows if all(
            w in f"{r['name']} {r['instructions']} {r['cues']} {r['slug']}".lower()
            for w in words)]
    return rows


def get_exercise(exercise_id: int) -> dict[str, Any] | None:
    row = repo.get_exercise(exercise_id)
    return _exercise(row) if row else None


def validate_exercise(values: dict[str, Any], *, partial: bool = False) -> dict[str, str]:
    _unknown(values, EXERCISE_FIELDS, "exercise")
    errors: dict[str, str | None] = {}
    if (not partial or "name" in values) and not str(values.get("name") or "").strip():
        errors["name"] = _("An exercise needs a name.")
    elif len(str(values.get("name") or "")) > NAME_MAX:
        errors["name"] = _("An exercise's name is too long ({most} characters at "
                           "most).").format(most=_thousands(NAME_MAX))
    if (not partial or "category" in values) and values.get("category") not in CATEGORIES:
        errors["category"] = _("Category must be one of {choices}.").format(
            choices=", ".join(CATEGORIES))
    if values.get("region") not in (None, "", *REGIONS):
        errors["region"] = _("Region must be one of {choices}.").format(
            choices=", ".join(REGIONS))
    if values.get("load_unit") not in (None, *LOAD_UNITS):
        errors["load_unit"] = _("Unit must be one of {choices}.").format(
            choices=", ".join(LOAD_UNITS))
    errors["default_sets"] = _range(values.get("default_sets"), 1, 50,
                                    pgettext("programme field", "Sets"))
    errors["default_reps"] = _range(values.get("default_reps"), 1, 1000,
                                    pgettext("programme field", "Reps"))
    errors["default_hold_s"] = _range(values.get("default_hold_s"), 1, 36000,
                                      pgettext("programme field", "Hold"))
    errors["rest_s"] = _range(values.get("rest_s"), 0, 3600, pgettext("programme field", "Rest"))
    errors["days_per_week"] = _range(values.get("days_per_week"), 1, 7,
                                     pgettext("programme field", "Days per week"))
    errors.update(_common_errors(values))
    if "progression" in values and values["progression"]:
        try:
            steps = json.loads(values["progression"])
        except ValueError:
            steps = None
        if isinstance(steps, dict):
            problems = progression.validate_model(steps)
            if problems:
                errors["progression"] = _("Progression: {problems}.").format(
                    problems="; ".join(problems))
        elif not isinstance(steps, list):
            errors["progression"] = _("Progression must be a progression model (a JSON "
                                      "object) or a JSON list of steps.")
    return {k: v for k, v in errors.items() if v}


def _exercise_created(new_id: int) -> Change:
    return created(new_id, repo.delete_exercise, repo.restore_exercise)


def add_exercise(values: dict[str, Any]) -> Edit:
    """Add one of the user's own exercises ("Add exercise"); ``result`` is its id."""
    values = {"load_unit": "bodyweight", "region": "", **values}

    def do() -> Change:
        _raise(validate_exercise(values))
        return _exercise_created(repo.add_exercise({**values, "name": values["name"].strip()}))

    return _edit(_("Add exercise"), do)


def copy_exercise(exercise_id: int, name: str | None = None) -> Edit:
    """Copy an exercise (shipped or own) into a new editable one (``copied_from`` set)."""
    def do() -> Change:
        src = _need(repo.get_exercise(exercise_id), "exercise", exercise_id)
        values = {k: src[k] for k in EXERCISE_FIELDS}
        values["name"] = name or _("{name} (my copy)").format(name=library_text(src["name"]))
        return _exercise_created(repo.add_exercise(values, copied_from=exercise_id))

    return _edit(_("Copy exercise"), do)


def update_exercise(exercise_id: int, values: dict[str, Any]) -> Edit:
    """Edit one of the user's exercises ("Edit exercise"); shipped ones must be copied
    first. ``result`` is the old values."""
    def do() -> Change:
        row = _need(repo.get_exercise(exercise_id), "exercise", exercise_id)
        if row["shipped"]:
            raise ValidationError(
                {"shipped": _("Shipped exercises cannot be edited: make a copy.")})
        _raise(validate_exercise(values, partial=True))
        old = {k: row[k] for k in values}
        repo.update_exercise(exercise_id, values)
        return setter(lambda v: repo.update_exercise(exercise_id, v), old, dict(values),
                      result=old)

    return _edit(_("Edit exercise"), do)


def set_exercise_archived(exercise_id: int, archived: bool = True) -> Edit:
    """Archive an exercise (hidden from the library's default view) or bring it back."""
    def do() -> Change:
        row = _need(repo.get_exercise(exercise_id), "exercise", exercise_id)
        repo.update_exercise(exercise_id, {"archived": archived})
        return setter(lambda v: repo.update_exercise(exercise_id, {"archived": v}),
                      row["archived"], archived)

    return _edit(_("Archive exercise") if archived else _("Unarchive exercise"), do)


def delete_exercise(exercise_id: int) -> Edit:
    """Delete an unused user exercise (used ones can only be archived)."""
    def do() -> Change:
        row = _need(repo.get_exercise(exercise_id), "exercise", exercise_id)
        if row["shipped"]:
            raise ValidationError(
                {"shipped": _("Shipped exercises can be archived, not deleted.")})
        if repo.exercise_in_use(exercise_id):
            raise ValidationError(
                {"used": _("This exercise is in a programme: archive it instead.")})
        return removed(exercise_id, repo.delete_exercise, repo.restore_exercise)

    return _edit(_("Delete exercise"), do)


# ---- files -------------------------------------------------------------------------------

def export_programme_file(programme_id: int, path: str | Path) -> None:
    """Save a programme as an exchange file (``docs/programme-format.md``), mode 0600, with
    ``store.safe_write``.

    Raises:
        StorageError: "Cannot write PATH: reason." (a folder, a device, a pipe or a dangling
            link is refused before the journal is read), "No space left on device in FOLDER:
            the programme file needs about N MB; ..." (no partial file is left), or the
            journal could not be read.
    """
    with file_errors(path, "write"):
        programme_io.write_programme_file(programme_id, path)


def sync_library() -> int:
    """Bring the journal's copy of the shipped exercise library up to date (as each start
    of the app does), so that a programme file may name any shipped exercise.

    Returns:
        How many exercises were added or updated.

    Raises:
        peewee.OperationalError: the journal is busy or cannot be written; nothing is
            imported after it (the command line says "The journal is busy ...", exit 5).
    """
    return library.sync_shipped_exercises()


def import_programme_file(path: str | Path, warnings: list[str] | None = None) -> Edit:
    """Import a programme file as a new inactive programme ("Import programme"); a bad file
    changes nothing. Undo removes the programme and the exercises the file added.

    Args:
        warnings: a list to extend with the file's warnings, "json.path: unknown key,
            ignored" (also when the file is refused): show them to the person.

    Raises:
        ImportFileError: (``ProgrammeFileError``) the file was refused; ``problems`` lists
            every error with its JSON path, ``warnings`` the warnings.
    """
    def do() -> Change:
        before = repo.exercise_ids()
        new_id = programme_io.import_programme_file(path, warnings)
        added = sorted(repo.exercise_ids() - before)
        return _programme_created(new_id, None, False,
                                  extra=tuple(_exercise_created(i) for i in added))

    return _edit(_("Import programme"), do)


def export_calendar(programme_id: int, path: str | Path, start: date | None = None,
                    end: date | None = None, dtstamp: datetime | None = None) -> int:
    """Write the planned sessions as an iCalendar file; returns the number of events.

    Raises:
        ValidationError: the programme has no planned day (no start date, no phases, or
            none in the period); no file is written.
        StorageError: "Cannot write PATH: reason." (no partial file is left), or the
            journal could not be read.
    """
    with file_errors(path, "write"):
        count = programme_io.write_calendar_file(programme_id, path, start=start, end=end,
                                                 dtstamp=dtstamp)
    if not count:
        raise ValidationError(_(
            "This programme has no planned days to put in a calendar (give it a start "
            "date and a phase with exercises on some days). No file was saved."))
    return count
