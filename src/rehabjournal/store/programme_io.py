"""Programme exchange files: JSON export/import and iCalendar (RFC 5545) export.

The JSON format is documented in ``docs/programme-format.md``. Import is validated in
full before anything is written, then written in one transaction: a bad file changes
nothing. The iCalendar writer is hand-made (no runtime dependency): CRLF line endings,
lines folded at 75 octets, TEXT values escaped.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import programme as dp
from ..domain.scales import validate_range
from ..errors import ImportFileError
from . import models as m
from .library import _SLUG, CATEGORIES, LOAD_UNITS, PROGRESSION_KINDS, REGIONS
from .programme_repo import plan_for

FORMAT = "rehabjournal-programme"
VERSION = 1
MAX_FILE_BYTES = 5_000_000


class ProgrammeFileError(ImportFileError, ValueError):
    """A programme file that cannot be imported; the message says what and where."""


# ---- reading the database ----------------------------------------------------------------

def _exercise_entry(ex: m.Exercise) -> dict[str, Any]:
    try:
        progression = json.loads(ex.progression) if ex.progression else []
    except json.JSONDecodeError:
        progression = []
    return {
        "slug": ex.slug,
        "name": ex.name,
        "category": ex.category,
        "region": ex.region,
        "instructions": ex.instructions,
        "cues": [c for c in (ex.cues or "").splitlines() if c.strip()],
        "default_sets": ex.default_sets,
        "default_reps": ex.default_reps,
        "default_hold_s": ex.default_hold_s,
        "load_unit": ex.load_unit,
        "progression": progression,
    }


PRESCRIPTION_KEYS = ("sets", "reps", "hold_s", "load", "load_unit", "tempo", "rest_s",
                     "days_per_week", "weekdays", "notes")


def export_programme(programme_id: int, exported: datetime | None = None) -> dict[str, Any]:
    """The programme as a version-1 exchange document (a dict ready for json.dump)."""
    prog = m.Programme.get_by_id(programme_id)
    phases = []
    user_exercises: dict[str, dict] = {}
    for ph in prog.phases.order_by(m.Phase.position, m.Phase.id):
        items = []
        for p in ph.prescriptions.order_by(m.Prescription.position, m.Prescription.id):
            ex = p.exercise
            if not ex.shipped:
                user_exercises[ex.slug] = _exercise_entry(ex)
            item = {"exercise": ex.slug}
            item.update({k: getattr(p, k) for k in PRESCRIPTION_KEYS})
            items.append(item)
        phases.append({"name": ph.name, "weeks": ph.weeks, "deload": bool(ph.deload),
                       "goal": ph.goal, "prescriptions": items})
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": (exported or datetime.now()).replace(microsecond=0).isoformat(),
        "programme": {
            "name": prog.name,
            "notes": prog.notes,
            "start_date": prog.start_date.isoformat() if prog.start_date else None,
            "template": prog.template,
            "phases": phases,
        },
        "exercises": list(user_exercises.values()),
    }


def _atomic_write(path: Path, data: bytes) -> None:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_programme_file(programme_id: int, path: str | Path) -> None:
    doc = export_programme(programme_id)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    _atomic_write(Path(path), text.encode("utf-8"))


# ---- validating and importing ------------------------------------------------------------

def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return (_is_int(v) or isinstance(v, float)) and not isinstance(v, bool) and math.isfinite(v)


def _check_int(where: str, key: str, v: Any, lo: int, hi: int, *, optional: bool) -> None:
    if v is None and optional:
        return
    label = f"{where}: {key!r}"
    message = (validate_range(v, lo, hi, label) if _is_int(v) else
               f"{label} must be a whole number from {lo} to {hi} (got {v!r}).")
    if message:
        raise ProgrammeFileError(message)


def _check_text(where: str, key: str, v: Any, *, required: bool = False, limit: int = 5000
                ) -> None:
    if v is None and not required:
        return
    if not isinstance(v, str) or (required and not v.strip()) or len(v) > limit:
        raise ProgrammeFileError(f"{where}: {key!r} must be text"
                                 f"{' (not empty)' if required else ''}.")


def _validate_exercise(i: int, e: Any) -> None:
    where = f"exercises[{i}]"
    if not isinstance(e, dict):
        raise ProgrammeFileError(f"{where}: must be an object.")
    slug = e.get("slug")
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise ProgrammeFileError(f"{where}: 'slug' must be lower-case words joined by hyphens.")
    where = f"exercise {slug!r}"
    _check_text(where, "name", e.get("name"), required=True, limit=200)
    if e.get("category") not in CATEGORIES:
        raise ProgrammeFileError(f"{where}: 'category' must be one of {', '.join(CATEGORIES)}.")
    if e.get("region", "") not in (*REGIONS, ""):
        raise ProgrammeFileError(f"{where}: 'region' must be one of {', '.join(REGIONS)}.")
    if e.get("load_unit", "bodyweight") not in LOAD_UNITS:
        raise ProgrammeFileError(f"{where}: 'load_unit' must be one of {', '.join(LOAD_UNITS)}.")
    _check_text(where, "instructions", e.get("instructions"))
    cues = e.get("cues", [])
    if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
        raise ProgrammeFileError(f"{where}: 'cues' must be a list of text lines.")
    for key in ("default_sets", "default_reps", "default_hold_s"):
        _check_int(where, key, e.get(key), 1, 10000, optional=True)
    steps = e.get("progression", [])
    if not isinstance(steps, list) or not all(
        isinstance(s, dict) and s.get("kind") in PROGRESSION_KINDS for s in steps
    ):
        raise ProgrammeFileError(f"{where}: 'progression' must be a list of steps, each with a "
                                 f"'kind' from {', '.join(PROGRESSION_KINDS)}.")


def _validate_prescription(where: str, p: Any, slugs: set[str]) -> None:
    if not isinstance(p, dict):
        raise ProgrammeFileError(f"{where}: must be an object.")
    slug = p.get("exercise")
    if not isinstance(slug, str) or not slug:
        raise ProgrammeFileError(f"{where}: 'exercise' must be an exercise slug.")
    if slug not in slugs:
        raise ProgrammeFileError(
            f"{where}: unknown exercise {slug!r}: it is not in this journal's library and the "
            "file carries no copy of it."
        )
    where = f"{where} ({slug})"
    _check_int(where, "sets", p.get("sets"), 1, 50, optional=False)
    _check_int(where, "reps", p.get("reps"), 1, 1000, optional=True)
    _check_int(where, "hold_s", p.get("hold_s"), 1, 36000, optional=True)
    _check_int(where, "rest_s", p.get("rest_s"), 0, 3600, optional=True)
    _check_int(where, "days_per_week", p.get("days_per_week"), 1, 7, optional=True)
    load = p.get("load")
    if load is not None:
        label = f"{where}: 'load'"
        message = (validate_range(load, 0, 1000, label, whole=False) if _is_number(load) else
                   f"{label} must be a number from 0 to 1000 (got {load!r}).")
        if message:
            raise ProgrammeFileError(message)
    if p.get("load_unit", "bodyweight") not in LOAD_UNITS:
        raise ProgrammeFileError(f"{where}: 'load_unit' must be one of {', '.join(LOAD_UNITS)}.")
    weekdays = p.get("weekdays") or ""
    if not isinstance(weekdays, str):
        raise ProgrammeFileError(f"{where}: 'weekdays' must be text like \"0,2,4\".")
    try:
        dp.parse_weekdays(weekdays)
    except ValueError as exc:
        raise ProgrammeFileError(f"{where}: {exc}.") from None
    if not weekdays and not p.get("days_per_week"):
        raise ProgrammeFileError(f"{where}: 'weekdays' or 'days_per_week' is needed.")
    _check_text(where, "tempo", p.get("tempo"), limit=50)
    _check_text(where, "notes", p.get("notes"))


def validate_document(doc: Any, known_slugs: set[str]) -> None:
    """Check a parsed exchange document.

    Raises:
        ProgrammeFileError: the first problem found, in plain words.
    """
    if not isinstance(doc, dict):
        raise ProgrammeFileError("The file is not a rehabjournal programme (expected an object).")
    if doc.get("format") != FORMAT:
        raise ProgrammeFileError(
            f"The file is not a rehabjournal programme ('format' is {doc.get('format')!r}, "
            f"expected {FORMAT!r})."
        )
    version = doc.get("version")
    if version != VERSION:
        raise ProgrammeFileError(
            f"The file is programme format version {version!r}; this rehabjournal reads "
            f"version {VERSION}. Update rehabjournal, or ask for a version {VERSION} file."
        )
    exercises = doc.get("exercises", [])
    if not isinstance(exercises, list):
        raise ProgrammeFileError("'exercises' must be a list.")
    for i, e in enumerate(exercises):
        _validate_exercise(i, e)
    slugs = set(known_slugs) | {e["slug"] for e in exercises}
    prog = doc.get("programme")
    if not isinstance(prog, dict):
        raise ProgrammeFileError("'programme' is missing or not an object.")
    _check_text("programme", "name", prog.get("name"), required=True, limit=200)
    _check_text("programme", "notes", prog.get("notes"))
    start = prog.get("start_date")
    if start is not None:
        try:
            date.fromisoformat(start)
        except (TypeError, ValueError):
            raise ProgrammeFileError(
                f"programme: 'start_date' must be a date like 2026-03-02 (got {start!r})."
            ) from None
    phases = prog.get("phases")
    if not isinstance(phases, list) or not phases:
        raise ProgrammeFileError("programme: 'phases' must be a non-empty list.")
    for i, ph in enumerate(phases, 1):
        where = f"phase {i}"
        if not isinstance(ph, dict):
            raise ProgrammeFileError(f"{where}: must be an object.")
        _check_text(where, "name", ph.get("name"), required=True, limit=200)
        _check_int(where, "weeks", ph.get("weeks"), 1, 104, optional=False)
        if not isinstance(ph.get("deload", False), bool):
            raise ProgrammeFileError(f"{where}: 'deload' must be true or false.")
        _check_text(where, "goal", ph.get("goal"))
        items = ph.get("prescriptions", [])
        if not isinstance(items, list):
            raise ProgrammeFileError(f"{where}: 'prescriptions' must be a list.")
        for n, p in enumerate(items, 1):
            _validate_prescription(f"phase {i}, prescription {n}", p, slugs)


def read_programme_file(path: str | Path) -> dict[str, Any]:
    """Read and parse (not yet validate against a journal) a programme file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProgrammeFileError(f"Cannot read {path.name}: {exc.strerror}.") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise ProgrammeFileError(f"{path.name} is too large to be a programme file.")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ProgrammeFileError(f"{path.name} is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise ProgrammeFileError(
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None


def import_document(doc: Any) -> int:
    """Create a new inactive programme from a validated-or-not document; one transaction.

    User exercises the file carries are added when their slug is not in the journal yet
    (an existing exercise with that slug is used as it is).

    Returns:
        The new programme's id.

    Raises:
        ProgrammeFileError: nothing was written.
    """
    known = {e.slug for e in m.Exercise.select(m.Exercise.slug)}
    validate_document(doc, known)
    prog = doc["programme"]
    with m.database.atomic():
        ids = {e.slug: e.id for e in m.Exercise.select(m.Exercise.id, m.Exercise.slug)}
        for e in doc.get("exercises", []):
            if e["slug"] in ids:
                continue
            row = m.Exercise.create(
                slug=e["slug"], name=e["name"].strip(), category=e["category"],
                region=e.get("region", ""), instructions=e.get("instructions") or "",
                cues="\n".join(e.get("cues", [])), default_sets=e.get("default_sets"),
                default_reps=e.get("default_reps"), default_hold_s=e.get("default_hold_s"),
                load_unit=e.get("load_unit", "bodyweight"),
                progression=json.dumps(e.get("progression", []), ensure_ascii=False),
                shipped=False,
            )
            ids[row.slug] = row.id
        programme = m.Programme.create(
            name=prog["name"].strip(), notes=prog.get("notes") or "", active=False,
            start_date=date.fromisoformat(prog["start_date"]) if prog.get("start_date") else None,
            template=prog.get("template") or "",
        )
        for position, ph in enumerate(prog["phases"]):
            phase = m.Phase.create(programme=programme, position=position, name=ph["name"].strip(),
                                   weeks=ph["weeks"], deload=bool(ph.get("deload", False)),
                                   goal=ph.get("goal") or "")
            for n, p in enumerate(ph.get("prescriptions", [])):
                m.Prescription.create(
                    phase=phase, exercise=ids[p["exercise"]], position=n, sets=p["sets"],
                    reps=p.get("reps"), hold_s=p.get("hold_s"),
                    load=float(p["load"]) if p.get("load") is not None else None,
                    load_unit=p.get("load_unit", "bodyweight"), tempo=p.get("tempo") or "",
                    rest_s=p.get("rest_s"), days_per_week=p.get("days_per_week"),
                    weekdays=p.get("weekdays") or "", notes=p.get("notes") or "",
                )
    return programme.id


def import_programme_file(path: str | Path) -> int:
    return import_document(read_programme_file(path))


# ---- iCalendar ---------------------------------------------------------------------------

def ics_escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " " + ch, 1 + n, 75
        else:
            current += ch
            size += n
    out.append(current)
    return "\r\n".join(out)


def _prescription_line(p: m.Prescription) -> str:
    dose = dp.dose_text(p.sets, p.reps, p.hold_s, p.load, p.load_unit)
    extra = []
    if p.tempo:
        extra.append(f"tempo {p.tempo}")
    if p.rest_s:
        extra.append(f"rest {p.rest_s} s")
    return f"- {p.exercise.name}: {dose}" + (f" ({', '.join(extra)})" if extra else "")


def calendar_text(programme_id: int, dtstamp: datetime | None = None,
                  start: date | None = None, end: date | None = None) -> str:
    """The programme's planned sessions as an iCalendar document (one all-day event a day).

    UIDs are stable for a programme and day, so importing again updates the events.
    """
    prog = m.Programme.get_by_id(programme_id)
    plan = plan_for(programme_id)
    stamp = (dtstamp or datetime.now(UTC)).astimezone(UTC)
    rows = {
        p.id: p for p in m.Prescription.select(m.Prescription, m.Exercise)
        .join(m.Exercise).switch(m.Prescription)
        .where(m.Prescription.id.in_([x.id for ph in plan.phases for x in ph.prescriptions]))
    } if plan.phases else {}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//rehabjournal//programme calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(prog.name)}",
    ]
    for day, items in dp.due_days(plan, start, end):
        phase = dp.phase_on(plan, day)
        phase_row = m.Phase.get_by_id(phase.id) if phase else None
        desc = [f"{phase_row.name}{' (deload)' if phase_row.deload else ''}"] if phase_row else []
        desc += [_prescription_line(rows[x.id]) for x in items if x.id in rows]
        summary = f"Rehab exercises ({len(items)}): {prog.name}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:rehabjournal-programme-{prog.id}-{day:%Y%m%d}@rehabjournal.local",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{ics_escape(summary)}",
            f"DESCRIPTION:{ics_escape(chr(10).join(desc))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def write_calendar_file(programme_id: int, path: str | Path, **kwargs: Any) -> int:
    """Write the calendar; returns the number of events."""
    text = calendar_text(programme_id, **kwargs)
    _atomic_write(Path(path), text.encode("utf-8"))
    return text.count("BEGIN:VEVENT")
