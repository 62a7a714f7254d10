"""The shipped exercise library and programme templates.

``resources/exercises/library.json`` holds the exercises rehabjournal ships;
``resources/programmes/templates.json`` holds programme templates that refer to them by
slug. Shipped exercises are upserted into the journal by slug (``shipped=True``); the
user's own exercises are never touched. A template becomes an editable copy in
Programme / Phase / Prescription.

Library file format (version 2):
    * required keys: ``REQUIRED_KEYS``; a dose: ``default_reps``, ``default_hold_s`` or
      ``default_minutes``.
    * ``progression``: a progression model object (``domain.progression``'s format,
      checked by ``validate_model``); version-1 files give a list of steps
      (``{"kind": ..., "text": ...}``), still accepted.
    * optional keys (``OPTIONAL_KEYS``): ``side`` (``domain.progression.SIDES``),
      ``tempo`` (text), ``rest_s`` (0-3600 s), ``days_per_week`` (1-7),
      ``times_per_day`` (1-6), ``pain_rule`` (``domain.progression.PAIN_RULES``),
      ``media`` (an https link or a file path) and ``source`` (where the dose and the
      progression come from: a paper, a guideline or "design choice").

Storage conventions:
    * ``Exercise.cues`` is plain text, one cue per line.
    * ``Exercise.progression`` is the JSON of the file's ``progression`` (model or steps).
    * Conditioning exercises give ``default_minutes`` in the file; it is stored as
      ``default_hold_s`` (seconds), the exercise's default duration.
    * A missing optional key is stored as the column's blank ("" or NULL).

Templates (``templates.json``): phases may give ``criteria`` (text: what to reach before
the next phase) and ``carry_progress`` (bool, default true); prescriptions may give
``side``, ``times_per_day``, ``effort_target``, ``pain_rule`` and ``media`` besides the
dose, and ``weekdays`` as numbers ("0,2,4") or names ("Mon, Wed, Fri"), stored as numbers.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from ..domain import media as dmedia
from ..domain import programme as dp
from ..domain import progression as dprog
from ..paths import resource
from . import models as m

CATEGORIES = ("strength", "isometric", "mobility", "conditioning")
REGIONS = ("knee", "hip", "ankle", "whole leg", "core")
LOAD_UNITS = ("kg", "lb", "band", "bodyweight", "seconds", "minutes")
PROGRESSION_KINDS = ("reps", "load", "hold", "range", "single_leg", "band", "minutes")
REQUIRED_KEYS = (
    "slug", "name", "category", "region", "instructions", "cues", "default_sets",
    "load_unit", "progression",
)
DOSE_KEYS = ("default_reps", "default_hold_s", "default_minutes")
OPTIONAL_KEYS = ("side", "tempo", "rest_s", "days_per_week", "times_per_day", "pain_rule",
                 "media", "source")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def library_path() -> Path:
    return resource("exercises", "library.json")


def templates_path() -> Path:
    return resource("programmes", "templates.json")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not valid JSON: {exc}") from exc


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def validate_exercise(entry: Any, index: int = 0) -> None:
    """Check one library entry.

    Raises:
        ValueError: naming the exercise's slug (or its position) and the bad key.
    """
    if not isinstance(entry, dict):
        raise ValueError(f"exercise #{index + 1}: an entry must be an object")
    slug = entry.get("slug")
    who = f"exercise {slug!r}" if slug else f"exercise #{index + 1}"

    def bad(key: str, why: str) -> ValueError:
        return ValueError(f"{who}: {key!r} {why}")

    for key in REQUIRED_KEYS:
        if key not in entry:
            raise bad(key, "is missing")
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise bad("slug", "must be lower-case words joined by hyphens")
    for key in ("name", "instructions"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise bad(key, "must be non-empty text")
    if entry["category"] not in CATEGORIES:
        raise bad("category", f"must be one of {', '.join(CATEGORIES)} (got {entry['category']!r})")
    if entry["region"] not in REGIONS:
        raise bad("region", f"must be one of {', '.join(REGIONS)} (got {entry['region']!r})")
    if entry["load_unit"] not in LOAD_UNITS:
        raise bad(
            "load_unit", f"must be one of {', '.join(LOAD_UNITS)} (got {entry['load_unit']!r})"
        )
    cues = entry["cues"]
    if isinstance(cues, str):
        cues = [cues]
    if not isinstance(cues, list) or not cues or not all(
        isinstance(c, str) and c.strip() for c in cues
    ):
        raise bad("cues", "must be a non-empty list of text lines")
    if not _positive_int(entry["default_sets"]):
        raise bad("default_sets", "must be a whole number above 0")
    doses = [k for k in DOSE_KEYS if entry.get(k) is not None]
    if not doses:
        raise bad("default_reps", "or 'default_hold_s' or 'default_minutes' is needed")
    for key in doses:
        if not _positive_int(entry[key]):
            raise bad(key, "must be a whole number above 0")
    progression = entry["progression"]
    if isinstance(progression, dict):
        problems = dprog.validate_model(progression)
        if problems:
            raise bad("progression", "; ".join(problems))
    else:
        _validate_steps(progression, bad)
    _validate_optional(entry, bad)


def _validate_steps(steps: Any, bad) -> None:
    """A version-1 progression: a non-empty list of ``{"kind", "text"}`` steps."""
    if not isinstance(steps, list) or not steps:
        raise bad("progression", "must be a progression model object or a non-empty list "
                                 "of steps")
    for n, step in enumerate(steps, 1):
        if not isinstance(step, dict):
            raise bad("progression", f"step {n} must be an object")
        if step.get("kind") not in PROGRESSION_KINDS:
            raise bad(
                "progression",
                f"step {n}: kind must be one of {', '.join(PROGRESSION_KINDS)} "
                f"(got {step.get('kind')!r})",
            )
        if not isinstance(step.get("text"), str) or not step["text"].strip():
            raise bad("progression", f"step {n} needs a text")


def _whole_in(value: Any, lo: int, hi: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi


def media_problem(value: Any) -> str | None:
    """None for blank or an acceptable picture or video (``domain.media``: an https link or
    a picture, video or PDF file); else why not, worded to follow the key's name."""
    if not isinstance(value, str):
        return "must be text (an https:// link or a file path)"
    problem = dmedia.media_problem(value)
    return f"is refused: {problem}" if problem else None


def _validate_optional(entry: dict, bad) -> None:
    """The optional keys of a library entry or a template prescription (when present)."""
    for key in ("tempo", "source", "effort_target"):
        if key in entry and not isinstance(entry[key], str):
            raise bad(key, "must be text")
    side = entry.get("side")
    if side not in (None, "") and side not in dprog.SIDES:
        raise bad("side", f"must be one of {', '.join(dprog.SIDES)} (got {side!r})")
    rule = entry.get("pain_rule")
    if rule not in (None, "") and rule not in dprog.PAIN_RULES:
        raise bad("pain_rule", f"must be one of {', '.join(dprog.PAIN_RULES)} (got {rule!r})")
    for key, lo, hi in (("rest_s", 0, 3600), ("days_per_week", 1, 7), ("times_per_day", 1, 6)):
        if entry.get(key) is not None and not _whole_in(entry[key], lo, hi):
            raise bad(key, f"must be a whole number from {lo} to {hi}")
    if "media" in entry:
        why = media_problem(entry["media"])
        if why:
            raise bad("media", why)


def load_library_file(path: str | Path | None = None) -> list[dict]:
    """Read and validate the exercise library.

    Args:
        path: a library JSON file; the shipped one when None.

    Returns:
        The exercise entries, in file order.

    Raises:
        ValueError: a bad or duplicated entry (the message names the slug and the key).
    """
    path = Path(path) if path is not None else library_path()
    data = _read_json(path)
    entries = data.get("exercises") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of exercises under 'exercises'")
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        validate_exercise(entry, i)
        if entry["slug"] in seen:
            raise ValueError(f"exercise {entry['slug']!r}: 'slug' is used twice")
        seen.add(entry["slug"])
    return entries


def exercise_row_values(entry: dict) -> dict[str, Any]:
    """Map a validated library entry to Exercise column values (without shipped/archived)."""
    cues = entry["cues"]
    hold = entry.get("default_hold_s")
    if hold is None and entry.get("default_minutes") is not None:
        hold = int(entry["default_minutes"]) * 60
    return {
        "slug": entry["slug"],
        "name": entry["name"],
        "category": entry["category"],
        "region": entry["region"],
        "instructions": entry["instructions"],
        "cues": "\n".join(cues) if isinstance(cues, list) else str(cues),
        "default_sets": entry["default_sets"],
        "default_reps": entry.get("default_reps"),
        "default_hold_s": hold,
        "load_unit": entry["load_unit"],
        "progression": json.dumps(entry["progression"], ensure_ascii=False),
        "side": entry.get("side") or "",
        "tempo": entry.get("tempo") or "",
        "rest_s": entry.get("rest_s"),
        "days_per_week": entry.get("days_per_week"),
        "times_per_day": entry.get("times_per_day"),
        "pain_rule": entry.get("pain_rule") or "",
        "media": (entry.get("media") or "").strip(),
        "source": entry.get("source") or "",
    }


def sync_shipped_exercises(path: str | Path | None = None) -> int:
    """Upsert the shipped exercises into the open journal, by slug, in one transaction.

    A slug already used by one of the user's own exercises (``shipped=False``) is left
    alone, and so is a shipped exercise's ``archived`` flag. Idempotent.

    Returns:
        How many exercises were added or changed (0 when the journal was in sync).
    """
    entries = load_library_file(path)
    changed = 0
    with m.database.atomic():
        existing = {e.slug: e for e in m.Exercise.select()}
        for entry in entries:
            values = exercise_row_values(entry)
            row = existing.get(entry["slug"])
            if row is None:
                m.Exercise.create(**values, shipped=True)
                changed += 1
            elif row.shipped:
                diff = {k: v for k, v in values.items() if getattr(row, k) != v}
                if diff:
                    m.Exercise.update(**diff).where(m.Exercise.id == row.id).execute()
                    changed += 1
    return changed


# ---- programme templates ---------------------------------------------------------------

def _validate_prescription(tkey: str, phase: str, n: int, p: Any) -> None:
    who = f"template {tkey!r}, phase {phase!r}, prescription {n}"
    if not isinstance(p, dict):
        raise ValueError(f"{who}: must be an object")
    if not isinstance(p.get("exercise"), str) or not _SLUG.match(p["exercise"]):
        raise ValueError(f"{who}: 'exercise' must be an exercise slug")
    who = f"template {tkey!r}, phase {phase!r}, {p['exercise']!r}"
    if not _positive_int(p.get("sets")):
        raise ValueError(f"{who}: 'sets' must be a whole number above 0")
    unit = p.get("load_unit", "bodyweight")
    if unit not in LOAD_UNITS:
        raise ValueError(f"{who}: 'load_unit' must be one of {', '.join(LOAD_UNITS)}")
    if p.get("reps") is None and p.get("hold_s") is None and unit != "minutes":
        raise ValueError(f"{who}: 'reps' or 'hold_s' is needed")
    weekdays = p.get("weekdays") or ""
    try:
        dp.parse_weekdays(weekdays if isinstance(weekdays, str) else "?")
    except ValueError:
        raise ValueError(f"{who}: 'weekdays' must look like \"0,2,4\" (Monday = 0) or "
                         "\"Mon, Wed, Fri\"") from None
    if not weekdays and not p.get("days_per_week"):
        raise ValueError(f"{who}: 'weekdays' or 'days_per_week' is needed")

    def bad(key: str, why: str) -> ValueError:
        return ValueError(f"{who}: {key!r} {why}")

    _validate_optional(p, bad)


def _validate_phase(key: str, ph: Any) -> None:
    if not isinstance(ph, dict) or not ph.get("name"):
        raise ValueError(f"template {key!r}: every phase needs a 'name'")
    who = f"template {key!r}, phase {ph['name']!r}"
    if not _positive_int(ph.get("weeks")):
        raise ValueError(f"{who}: 'weeks' must be above 0")
    for field in ("goal", "criteria"):
        if field in ph and not isinstance(ph[field], str):
            raise ValueError(f"{who}: {field!r} must be text")
    for field in ("deload", "carry_progress"):
        if field in ph and not isinstance(ph[field], bool):
            raise ValueError(f"{who}: {field!r} must be true or false")
    for n, p in enumerate(ph.get("prescriptions") or [], 1):
        _validate_prescription(key, ph["name"], n, p)


def load_templates(path: str | Path | None = None) -> list[dict]:
    """Read and validate the programme templates.

    Raises:
        ValueError: a bad template (the message names the template, phase and key).
    """
    path = Path(path) if path is not None else templates_path()
    data = _read_json(path)
    templates = data.get("templates") if isinstance(data, dict) else data
    if not isinstance(templates, list):
        raise ValueError(f"{path}: expected a list of templates under 'templates'")
    keys: set[str] = set()
    for t in templates:
        key = t.get("key") if isinstance(t, dict) else None
        if not key or not isinstance(key, str):
            raise ValueError(f"{path}: every template needs a 'key'")
        if key in keys:
            raise ValueError(f"template {key!r}: 'key' is used twice")
        keys.add(key)
        for field in ("name", "description"):
            if not isinstance(t.get(field), str) or not t[field].strip():
                raise ValueError(f"template {key!r}: {field!r} must be non-empty text")
        phases = t.get("phases")
        if not isinstance(phases, list) or not phases:
            raise ValueError(f"template {key!r}: 'phases' must be a non-empty list")
        for ph in phases:
            _validate_phase(key, ph)
    return templates


def template_weeks(template: dict) -> int:
    return sum(ph["weeks"] for ph in template["phases"])


def create_programme_from_template(
    key: str, start_date: date, name: str | None = None, active: bool = True
) -> int:
    """Copy template ``key`` into the journal as an editable programme.

    Shipped exercises are synced first when one the template needs is missing. With
    ``active`` the new programme becomes the only active one.

    Returns:
        The new programme's id.

    Raises:
        KeyError: no template has that key.
        ValueError: the template names an exercise that is not in the journal.
    """
    template = next((t for t in load_templates() if t["key"] == key), None)
    if template is None:
        raise KeyError(f"no programme template {key!r}")
    slugs = {p["exercise"] for ph in template["phases"] for p in ph.get("prescriptions") or []}
    with m.database.atomic():
        ids = {e.slug: e.id for e in m.Exercise.select().where(m.Exercise.slug.in_(slugs))}
        if len(ids) < len(slugs):
            sync_shipped_exercises()
            ids = {e.slug: e.id for e in m.Exercise.select().where(m.Exercise.slug.in_(slugs))}
        missing = sorted(slugs - set(ids))
        if missing:
            raise ValueError(
                f"template {key!r} needs exercises missing from the journal: {', '.join(missing)}"
            )
        if active:
            m.Programme.update(active=False).where(m.Programme.active == True).execute()  # noqa: E712
        programme = m.Programme.create(
            name=name or template["name"],
            notes=template.get("notes") or template.get("description", ""),
            active=active,
            start_date=start_date,
            template=key,
        )
        for position, ph in enumerate(template["phases"]):
            phase = m.Phase.create(
                programme=programme,
                position=position,
                name=ph["name"],
                weeks=ph["weeks"],
                deload=bool(ph.get("deload", False)),
                goal=ph.get("goal", ""),
                criteria=ph.get("criteria", ""),
                carry_progress=bool(ph.get("carry_progress", True)),
            )
            rows = []
            for n, p in enumerate(ph.get("prescriptions") or []):
                weekdays = ",".join(str(d) for d in dp.parse_weekdays(p.get("weekdays") or ""))
                rows.append({
                    "phase": phase.id,
                    "exercise": ids[p["exercise"]],
                    "position": n,
                    "sets": p["sets"],
                    "reps": p.get("reps"),
                    "hold_s": p.get("hold_s"),
                    "load": p.get("load"),
                    "load_unit": p.get("load_unit", "bodyweight"),
                    "tempo": p.get("tempo") or "",
                    "rest_s": p.get("rest_s"),
                    "days_per_week": p.get("days_per_week")
                    or (len(weekdays.split(",")) if weekdays else None),
                    "weekdays": weekdays,
                    "notes": p.get("notes") or "",
                    "side": p.get("side") or "",
                    "times_per_day": p.get("times_per_day"),
                    "effort_target": p.get("effort_target") or "",
                    "pain_rule": p.get("pain_rule") or "",
                    "media": (p.get("media") or "").strip(),
                })
            if rows:
                m.Prescription.insert_many(rows).execute()
    return programme.id
