"""Programme exchange files: JSON export/import (format version 2) and iCalendar export.

The JSON format is documented in ``docs/programme-format.md`` and published as a JSON
Schema (draft 2020-12) in ``resources/schemas/programme-v2.schema.json``. Export writes
version 2; import reads versions 1 and 2 (version 1 is a subset of version 2).

Import checks the whole file before anything is written and reports **every** problem at
once, each with its JSON path (``programme.phases[1].prescriptions[0].sets: 0 is less than
the minimum of 1``): first what the schema says (with the ``jsonschema`` package), then
what a schema cannot say (exercises that exist, dates that are real, progression models,
media links: ``domain.media``, an https link or a picture, video or PDF file). Keys the
format does not know are **warnings**: they are listed, ignored, and the import goes on. A
file with any error writes nothing; a good one is written in one transaction. No input
raises anything but ``ProgrammeFileError`` (bad JSON, non-UTF-8 bytes, NaN, 1e400, 2**63,
deep nesting, huge lists, wrong types).

The iCalendar writer is hand-made (no runtime dependency): CRLF line endings, lines folded
at 75 octets, TEXT values escaped.
"""

from __future__ import annotations

import difflib
import functools
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import media as dmedia
from ..domain import programme as dp
from ..domain import progression as dprog
from ..domain import validation
from ..errors import ImportFileError
from ..i18n import N_, _, current, library_text, ngettext
from ..paths import resource
from . import json_input, safe_write
from . import models as m
from .programme_repo import plan_for, user_slug

FORMAT = "rehabjournal-programme"
VERSION = 2
READABLE_VERSIONS = (1, 2)
SCHEMA_PARTS = ("schemas", "programme-v2.schema.json")
MAX_FILE_BYTES = 5_000_000
MAX_DEPTH = 20  # a programme file nests 7 levels deep; progression models a few more
MAX_ITEMS = 1000  # longest list anywhere (the schema's own limits are lower)
MAX_VALUES = 100_000  # values in all (a 30-exercise programme has about 1000)
MAX_ERRORS = 500  # stop collecting there (ImportFileError shows the first 50)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class ProgrammeFileError(ImportFileError, ValueError):
    """A programme file that cannot be imported.

    Attributes:
        problems: every error, each "json.path: what is wrong" (see ``ImportFileError``).
        warnings: the unknown keys the file has, listed the same way (they did not cause
            the refusal, but a misspelt key often explains an error).
    """

    def __init__(self, problems: Iterable[str] | str, *, where: str | None = None,
                 warnings: Iterable[str] = ()):
        super().__init__(problems, where=where)
        self.warnings = tuple(warnings)


def schema_path() -> Path:
    """The published JSON Schema of the exchange file."""
    return resource(*SCHEMA_PARTS)


@functools.cache
def _validator() -> Any:
    import jsonschema  # ~70 ms: only when a file is imported

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


# ---- writing -----------------------------------------------------------------------------

EXERCISE_KEYS = ("name", "category", "region", "instructions", "cues", "default_sets",
                 "default_reps", "default_hold_s", "load_unit", "progression", "side", "tempo",
                 "rest_s", "days_per_week", "times_per_day", "pain_rule", "media", "source")
PRESCRIPTION_KEYS = ("sets", "reps", "hold_s", "load", "load_unit", "tempo", "rest_s",
                     "days_per_week", "weekdays", "notes", "side", "times_per_day",
                     "effort_target", "pain_rule", "media")
PHASE_KEYS = ("name", "weeks", "deload", "goal", "criteria", "carry_progress")
_INT_KEYS = {"sets", "reps", "hold_s", "rest_s", "days_per_week", "times_per_day",
             "default_sets", "default_reps", "default_hold_s", "weeks"}


def _progression_value(text: str | None) -> Any:
    try:
        value = json.loads(text) if text else []
    except json.JSONDecodeError:
        return []
    return value if isinstance(value, dict | list) else []


def _exercise_values(ex: m.Exercise) -> dict[str, Any]:
    """An exercise's ``EXERCISE_KEYS`` as the file writes them (cues a list, progression
    the decoded model or step list)."""
    values = {k: getattr(ex, k) for k in EXERCISE_KEYS}
    values["cues"] = [c for c in (ex.cues or "").splitlines() if c.strip()]
    values["progression"] = _progression_value(ex.progression)
    return values


def _exercise_entry(ex: m.Exercise) -> dict[str, Any]:
    """A user exercise as an ``exercises`` entry: a copy of a shipped exercise is written
    as ``based_on`` its slug plus the keys that differ; any other in full."""
    values = _exercise_values(ex)
    base = m.Exercise.get_or_none(m.Exercise.id == ex.copied_from_id) \
        if ex.copied_from_id else None
    if base is not None and base.shipped:
        original = _exercise_values(base)
        return {"slug": ex.slug, "based_on": base.slug,
                **{k: v for k, v in values.items() if v != original[k]}}
    return {"slug": ex.slug, **values}


def _weekday_list(text: str) -> list[str] | str:
    try:
        return dp.weekday_names(dp.parse_weekdays(text))
    except ValueError:  # not written by the app; kept as it is
        return text


def _prescription_entry(p: m.Prescription) -> dict[str, Any]:
    item: dict[str, Any] = {"exercise": p.exercise.slug}
    item.update({k: getattr(p, k) for k in PRESCRIPTION_KEYS})
    item["weekdays"] = _weekday_list(p.weekdays or "")
    return item


def export_programme(programme_id: int, exported: datetime | None = None) -> dict[str, Any]:
    """The programme as a version-2 exchange document (a dict ready for json.dump)."""
    prog = m.Programme.get_by_id(programme_id)
    phases = []
    user_exercises: dict[str, dict] = {}
    for ph in prog.phases.order_by(m.Phase.position, m.Phase.id):
        items = []
        for p in ph.prescriptions.order_by(m.Prescription.position, m.Prescription.id):
            if not p.exercise.shipped and p.exercise.slug not in user_exercises:
                user_exercises[p.exercise.slug] = _exercise_entry(p.exercise)
            items.append(_prescription_entry(p))
        phase = {k: getattr(ph, k) for k in PHASE_KEYS}
        phase["deload"], phase["carry_progress"] = bool(ph.deload), bool(ph.carry_progress)
        phases.append({**phase, "prescriptions": items})
    clinician = ({"name": prog.clinician_name, "contact": prog.clinician_contact}
                 if prog.clinician_name or prog.clinician_contact else None)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": (exported or datetime.now()).replace(microsecond=0).isoformat(),
        "programme": {
            "name": prog.name,
            "notes": prog.notes,
            "start_date": prog.start_date.isoformat() if prog.start_date else None,
            "review_date": prog.review_date.isoformat() if prog.review_date else None,
            "template": prog.template,
            "clinician": clinician,
            "phases": phases,
        },
        "exercises": list(user_exercises.values()),
    }


def _atomic_write(path: Path, data: bytes, what: str = N_("the programme file")) -> None:
    """Write ``data`` to ``path`` with ``safe_write`` (0600, atomic, nothing partial).

    Raises:
        StorageError: ``path`` is a folder, a device, a pipe or a dangling link, its folder
            is missing or not writable ("Cannot write PATH: reason."), or the disk is full
            ("No space left on device in FOLDER: WHAT needs about N MB; ...").
    """
    safe_write.write_bytes(Path(path), data, doing="write", what=what)


def write_programme_file(programme_id: int, path: str | Path) -> None:
    """Write the programme as an exchange file (see ``_atomic_write`` for the errors); a
    ``path`` that is not a regular file is refused before the journal is read."""
    safe_write.check_kind(Path(path), "write")
    doc = export_programme(programme_id)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    _atomic_write(Path(path), text.encode("utf-8"))


# ---- reading -----------------------------------------------------------------------------

def read_programme_file(path: str | Path) -> Any:
    """Read and parse (not yet check) a programme file, within limits checked before
    parsing (``store.json_input``): at most 5 MB, nested at most 20 levels. A UTF-8 byte
    order mark is accepted; NaN, Infinity, 1e400, integers of 2**63 or more and 5,000-digit
    numbers are kept as ``json_input.BadNumber`` for ``check_document`` to report with
    their path.

    Raises:
        ProgrammeFileError: unreadable ("Cannot read NAME: reason."), "NAME is too large
            (N MB; the limit is 5 MB).", "NAME is too deeply nested (more than 20 levels);
            ...", not UTF-8, not JSON (line and column).
    """
    path = Path(path)
    try:
        return json_input.load(path, max_bytes=MAX_FILE_BYTES, max_depth=MAX_DEPTH)
    except OSError as exc:
        raise ProgrammeFileError(_("Cannot read {name}: {reason}.").format(
            name=path.name, reason=exc.strerror or exc), where=str(path)) from exc
    except json_input.JsonInputError as exc:
        raise ProgrammeFileError(str(exc), where=str(path)) from None


# ---- checking ----------------------------------------------------------------------------

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class _Problem:
    """One error or warning: where (a JSON path) and what, in plain words."""

    path: JsonPath
    text: str

    def line(self) -> str:
        return _at(path_text(self.path), self.text) if self.path else self.text


def _at(where: str, what: str) -> str:
    """"where: what" ("programme.phases[1].sets: must be ...") in the current language."""
    return _("{place}: {message}").format(place=where, message=what)


_PLAIN_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def path_text(path: JsonPath) -> str:
    """("programme", "phases", 1, "sets") -> 'programme.phases[1].sets'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part)}]"
    return out or _("the file")


def _show(value: Any, limit: int = 60) -> str:
    """A value for a message: repr-like, short, never raising."""
    if isinstance(value, json_input.BadNumber):
        return json_input.shown_number(value.text)
    if isinstance(value, bool) or value is None:
        text = json.dumps(value)
    elif isinstance(value, int) and value.bit_length() > 200:
        return _("a number of {n} digits").format(n=len(str(value)))
    elif isinstance(value, dict):
        return _("an object")
    elif isinstance(value, list):
        return _("a list")
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _bad_float(v: Any) -> bool:
    return isinstance(v, float) and not math.isfinite(v)


def _bad_floats(value: Any) -> bool:
    """Any NaN or infinity inside a value (read from JSON, so not deeply nested)."""
    if isinstance(value, dict):
        return any(_bad_floats(v) for v in value.values())
    if isinstance(value, list):
        return any(_bad_floats(v) for v in value)
    return _bad_float(value)


def _bad_text(v: str) -> bool:
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate ("\ud800" in the JSON)
        return True
    return False


def _walk(doc: Any) -> tuple[list[_Problem], bool]:
    """What a schema cannot see anywhere in the document: numbers that are not finite
    (NaN, 1e400), text that is not Unicode, nesting and lists beyond sense.

    Returns:
        (problems, fatal): fatal when the document is too deep or too long to check on.
    """
    problems: list[_Problem] = []
    stack: list[tuple[JsonPath, Any]] = [((), doc)]
    seen = 0
    while stack:
        path, value = stack.pop()
        seen += 1
        if seen > MAX_VALUES:
            return [_Problem((), _("The file has more than {n} values; this is not a "
                                   "programme file.").format(n=MAX_VALUES))], True
        if len(path) > MAX_DEPTH:
            return [_Problem(path[:MAX_DEPTH], _("nested more than {n} levels deep; this is "
                                                 "not a programme file").format(n=MAX_DEPTH))
                    ], True
        if isinstance(value, dict):
            for key, item in value.items():
                if _bad_text(key):
                    problems.append(_Problem(path, _("the key {key} is not valid text").format(
                        key=_show(key))))
                    continue
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                return [_Problem(path, _("has {n} items; a programme file has at most "
                                         "{limit}").format(n=len(value), limit=MAX_ITEMS))
                        ], True
            stack.extend(((*path, i), item) for i, item in enumerate(value))
        elif isinstance(value, json_input.BadNumber):
            problems.append(_Problem(path, value.reason))
        elif _bad_float(value):
            problems.append(_Problem(path, _("must be a finite number (got {value})").format(
                value=_show(value))))
        elif isinstance(value, str) and _bad_text(value):
            problems.append(_Problem(path, _("is not valid text (it has a lone surrogate "
                                             "character)")))
        elif isinstance(value, str) and "\x00" in value:
            try:
                validation.check_text(value, "")
            except validation.ValidationError as exc:
                problems.append(_Problem(path, validation.reason(exc)))
    return problems, False


_TYPE_WORDS = {"integer": N_("a whole number"), "number": N_("a number"), "string": N_("text"),
               "boolean": N_("true or false"), "array": N_("a list"), "object": N_("an object"),
               "null": "null"}
#: The schema's descriptions of its patterns ("must be DESCRIPTION"), for translation.
_PATTERN_WORDS = (
    N_("an exercise slug: lower-case words joined by hyphens, e.g. my-towel-squeeze"),
    N_("text that is not blank"),
    N_("a date written YYYY-MM-DD, e.g. 2026-03-02"),
)


def _words(items: Iterable[str]) -> str:
    """"a, b or c" in the current language."""
    items = list(items)
    if len(items) == 1:
        return items[0]
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _choices(values: list[Any]) -> str:
    return _words([_show(v) for v in values if v != ""] + ([_("empty")] if "" in values else []))


def _schema_problems(error: Any) -> tuple[list[_Problem], list[_Problem]]:
    """One jsonschema error as (errors, warnings) in plain words."""
    path: JsonPath = tuple(error.absolute_path)
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        warnings = []
        for key in value:
            if key in known or not isinstance(key, str) or _bad_text(key):
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
            if close:
                text = _("unknown key, ignored (did you mean {key}?)").format(
                    key=repr(close[0]))
            else:
                text = _("unknown key, ignored")
            warnings.append(_Problem((*path, key), text))
        return [], warnings
    if kind == "required":
        missing = (_("is missing (needed unless the entry has 'based_on')")
                   if "else" in error.schema_path else _("is missing"))
        return [_Problem((*path, key), missing)
                for key in expected if isinstance(value, dict) and key not in value], []
    if kind == "type":
        types = [expected] if isinstance(expected, str) else list(expected)
        text = _("must be {what} (got {value})").format(
            what=_words([_(_TYPE_WORDS[t]) if t in _TYPE_WORDS else t for t in types]),
            value=_show(value))
    elif kind == "minimum":
        text = _("{value} is less than the minimum of {minimum}").format(
            value=_show(value), minimum=expected)
    elif kind == "maximum":
        text = _("{value} is greater than the maximum of {maximum}").format(
            value=_show(value), maximum=expected)
    elif kind == "enum":
        text = _("must be one of {choices} (got {value})").format(
            choices=_choices(expected), value=_show(value))
    elif kind == "const":
        text = _("must be {what} (got {value})").format(what=_show(expected),
                                                        value=_show(value))
    elif kind == "minLength":
        text = _("must not be empty")
    elif kind == "maxLength":
        text = _("is too long ({n} characters; at most {limit})").format(
            n=len(value), limit=expected)
    elif kind == "minItems":
        text = ngettext("needs at least {n} item", "needs at least {n} items",
                        expected).format(n=expected)
    elif kind == "maxItems":
        text = _("has {n} items; at most {limit}").format(n=len(value), limit=expected)
    elif kind == "pattern":
        description = error.schema.get("description")
        text = _("must be {what} (got {value})").format(
            what=_(description) if description else _("in the right form"),
            value=_show(value))
    else:  # a keyword this module does not word itself
        text = error.message[:200]
    return [_Problem(path, text)], []


def _media_problem(value: Any) -> str | None:
    """``domain.media.media_problem`` in this module's words ("a picture or video must be
    ... (got 'javascript:alert(1)')"); None for blank, and for a value that is not text (the
    schema reports its type)."""
    if not isinstance(value, str):
        return None
    problem = dmedia.media_problem(value)
    if problem is None:
        return None
    if current() != "de":  # German nouns keep their capital
        problem = problem[0].lower() + problem[1:]
    return _("{problem} (got {value})").format(problem=problem.rstrip("."),
                                               value=_show(value.strip()))


def _slug_ok(value: Any) -> bool:
    return isinstance(value, str) and _SLUG.fullmatch(value) is not None


def _check_exercises(exercises: list, known: set[str]) -> tuple[list[_Problem], set[str]]:
    """What the schema cannot say about ``exercises``; returns (problems, the slugs the
    prescriptions may use besides ``known``)."""
    problems: list[_Problem] = []
    slugs: dict[str, int] = {}
    adapted: dict[str, int] = {}
    for i, e in enumerate(exercises):
        if not isinstance(e, dict):
            continue
        here: JsonPath = ("exercises", i)
        slug, base = e.get("slug"), e.get("based_on")
        for key, value in (("slug", slug), ("based_on", base)):
            if isinstance(value, str) and value.endswith("\n") and _SLUG.fullmatch(value[:-1]):
                # the schema's pattern lets one final line break through (Python's "$")
                problems.append(_Problem((*here, key), _(
                    "must be an exercise slug without a line break (got {value})").format(
                        value=_show(value))))
        if _slug_ok(slug):
            if slug in slugs:
                problems.append(_Problem((*here, "slug"), _(
                    "{slug} is given twice (also {other})").format(
                        slug=repr(slug), other=f"exercises[{slugs[slug]}]")))
            slugs.setdefault(slug, i)
        if _slug_ok(base):
            if base not in known:
                problems.append(_Problem((*here, "based_on"), _(
                    "{slug} is not an exercise in this journal's library").format(
                        slug=repr(base))))
            elif slug == base:
                problems.append(_Problem((*here, "slug"), _(
                    "must differ from 'based_on' (the adapted copy needs its own slug)")))
            elif "slug" not in e:
                if base in adapted:
                    problems.append(_Problem(here, _(
                        "adapts {slug} a second time (also {other}); give each a "
                        "'slug'").format(slug=repr(base),
                                         other=f"exercises[{adapted[base]}]")))
                adapted.setdefault(base, i)
        model = e.get("progression")
        if isinstance(model, dict) and model.get("model") in dprog.MODELS \
                and not json_input.bad_numbers(model) and not _bad_floats(model):
            for problem in dprog.validate_model(model):
                problems.append(_Problem((*here, "progression"), problem))
        media = _media_problem(e.get("media"))
        if media:
            problems.append(_Problem((*here, "media"), media))
    return problems, set(slugs)


@functools.cache
def _exercise_validator() -> Any:
    """The schema of one ``exercises`` entry (``$defs/exercise``) as a validator."""
    import jsonschema

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({"$defs": schema["$defs"],
                                            "$ref": "#/$defs/exercise"})


def exercise_row_problems(row: dict[str, Any]) -> list[tuple[str, str]]:
    """The checks of a programme file's ``exercises`` entry, for one of the user's own
    exercises given as journal column values (import-all's ``exercise`` rows): the schema
    (slug, category, region, load unit, side, ranges ...) and what it cannot say
    (progression models, ``domain.progression.validate_model``; media links).

    Args:
        row: column -> value (``cues`` text, ``progression`` JSON text or "").

    Returns:
        (column, what is wrong) pairs; a model's own key leads the text ("reps: ...").
    """
    entry: dict[str, Any] = {}
    for key in ("slug", *EXERCISE_KEYS):
        if key in row and row[key] is not None:
            entry[key] = row[key]
    if isinstance(entry.get("cues"), str):
        entry["cues"] = [c for c in entry["cues"].splitlines() if c.strip()]
    text = entry.get("progression")
    if isinstance(text, str):
        try:
            entry["progression"] = json.loads(text) if text.strip() else []
        except ValueError:  # said by the caller (its JSON text)
            entry.pop("progression")
    found: list[tuple[str, str]] = []
    for error in _exercise_validator().iter_errors(entry):
        if error.validator in _LENGTH_LIMITS:
            continue  # see _LENGTH_LIMITS
        for problem in _schema_problems(error)[0]:
            column = str(problem.path[0]) if problem.path else "slug"
            rest = path_text(problem.path[1:]) if len(problem.path) > 1 else ""
            found.append((column, _at(rest, problem.text) if rest else problem.text))
    if not found:
        for problem in _check_exercises([entry], set())[0]:
            column = str(problem.path[2]) if len(problem.path) > 2 else "slug"
            found.append((column, problem.text))
    return list(dict.fromkeys(found))


_LENGTH_LIMITS = ("maxLength", "maxItems")
"""Schema keywords a journal row (import-all) is not held to: the file format caps its lists
(100 cues, 100 prescriptions in a phase ...) and its identifiers (slugs, links), the
journal's forms cap none, and a journal's full export must come back whole. (The format
caps no text a person writes: a programme exported from the app imports back.)"""

_ROW_KEYS = {"prescription": PRESCRIPTION_KEYS,
             "phase": ("name", "weeks", "deload", "goal", "criteria", "carry_progress")}


@functools.cache
def _property_validators(definition: str) -> dict[str, Any]:
    """Each property of the schema's ``$defs/<definition>`` as a validator of its own (a
    journal row has the entry's values but not its shape: ``exercise_id`` instead of the
    ``exercise`` slug, no nested ``prescriptions``)."""
    import jsonschema

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    properties = schema["$defs"][definition]["properties"]
    return {key: jsonschema.Draft202012Validator({"$defs": schema["$defs"], **sub})
            for key, sub in properties.items()}


def row_problems(table: str, row: dict[str, Any]) -> list[tuple[str, str]]:
    """The checks of a programme file's prescription or phase entry, for a journal row of
    that table (import-all's ``prescription`` and ``phase`` rows), so that a row the file
    format refuses is refused by import-all too, in the same words.

    The schema (``resources/schemas/programme-v2.schema.json``): types, ranges (sets 1-50,
    weeks 1-104 ...) and choices (load unit, side, pain rule, weekday names); then what it
    cannot say (``_check_prescription``): weekdays that parse, 'weekdays' or
    'days_per_week', 'reps' or 'hold_s' (or the minutes of a timed exercise), media links.
    The file's length limits are not applied (``_LENGTH_LIMITS``).

    Args:
        table: "prescription" or "phase".
        row: column -> value as the full export holds it (weekdays as "0,2,4").

    Returns:
        (column, what is wrong) pairs; column "" for a problem of the row as a whole
        ("give 'weekdays' or 'days_per_week'").
    """
    validators = _property_validators(table)
    entry = {k: row[k] for k in _ROW_KEYS[table] if row.get(k) is not None}
    found: list[tuple[str, str]] = []
    for key, value in entry.items():
        for error in validators[key].iter_errors(value):
            if error.validator in _LENGTH_LIMITS:
                continue
            for problem in _schema_problems(error)[0]:
                inner = path_text(problem.path) if problem.path else ""
                found.append((key, _at(inner, problem.text) if inner else problem.text))
    if not found and table == "prescription":
        for problem in _check_prescription((), entry, set()):
            found.append((str(problem.path[0]) if problem.path else "", problem.text))
    return list(dict.fromkeys(found))


def _check_prescription(here: JsonPath, p: dict, slugs: set[str]) -> list[_Problem]:
    problems = []
    slug = p.get("exercise")
    if isinstance(slug, str) and slug and slug not in slugs:
        problems.append(_Problem((*here, "exercise"), _(
            "unknown exercise {slug}: it is not in this journal's library and the file "
            "carries no copy of it in 'exercises'").format(slug=_show(slug))))
    weekdays = p.get("weekdays")
    if isinstance(weekdays, str):
        try:
            dp.parse_weekdays(weekdays)
        except ValueError:
            problems.append(_Problem((*here, "weekdays"), _(
                "must be day names like {example} (got {value})").format(
                    example='["Mon", "Wed", "Fri"]', value=_show(weekdays))))
    if not weekdays and p.get("days_per_week") is None:
        problems.append(_Problem(here, _("give 'weekdays' or 'days_per_week'")))
    unit = p.get("load_unit", "bodyweight")
    if p.get("reps") is None and p.get("hold_s") is None:
        if unit == "minutes" and p.get("load") is None:
            problems.append(_Problem(here, _("give the minutes in 'load' (or 'reps' or "
                                             "'hold_s')")))
        elif unit != "minutes":
            problems.append(_Problem(here, _("give 'reps' or 'hold_s'")))
    media = _media_problem(p.get("media"))
    if media:
        problems.append(_Problem((*here, "media"), media))
    return problems


def _check_programme(prog: dict, slugs: set[str]) -> list[_Problem]:
    problems = []
    for key in ("start_date", "review_date"):
        value = prog.get(key)
        if not isinstance(value, str):
            continue
        if value.endswith("\n") and _DATE.fullmatch(value[:-1]):
            # the schema's pattern lets one final line break through (Python's "$")
            problems.append(_Problem(("programme", key), _(
                "must be a date written YYYY-MM-DD without a line break (got {value})").format(
                    value=_show(value))))
        elif _DATE.fullmatch(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                problems.append(_Problem(("programme", key), _(
                    "{value} is not a real date").format(value=repr(value))))
                continue
            try:
                validation.check_date(day, "")
            except validation.ValidationError as exc:
                problems.append(_Problem(("programme", key), validation.reason(exc)))
    phases = prog.get("phases")
    for i, ph in enumerate(phases if isinstance(phases, list) else []):
        items = ph.get("prescriptions") if isinstance(ph, dict) else None
        for n, p in enumerate(items if isinstance(items, list) else []):
            if isinstance(p, dict):
                problems += _check_prescription(("programme", "phases", i, "prescriptions", n),
                                                p, slugs)
    return problems


def _order(doc: Any, path: JsonPath) -> tuple[int, ...]:
    """Where ``path`` is in the document, for listing problems in file order."""
    out, node = [], doc
    for part in path:
        if isinstance(node, dict):
            keys = list(node)
            out.append(keys.index(part) if part in node else len(keys))
            node = node.get(part) if isinstance(part, str) else None
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        else:
            out.append(0)
            node = None
    return tuple(out)


def _lines(doc: Any, problems: list[_Problem]) -> list[str]:
    unique = list(dict.fromkeys(problems))
    unique.sort(key=lambda p: (p.path == ("~",), _order(doc, p.path)))
    return [p.text if p.path == ("~",) else p.line() for p in unique]


def check_document(doc: Any, known_slugs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Every error and every warning of a parsed exchange document.

    Args:
        doc: the decoded JSON.
        known_slugs: the exercises in the journal (shipped and the user's own).

    Returns:
        (errors, warnings): "json.path: what" lines in file order. Warnings are the keys the
        format does not know (ignored on import).
    """
    if not isinstance(doc, dict):
        return [_("The file is not a rehabjournal programme (expected an object, got "
                  "{value}).").format(value=_show(doc))], []
    if doc.get("format") != FORMAT:
        return [_("The file is not a rehabjournal programme ('format' is {value}, expected "
                  "{format}).").format(value=_show(doc.get("format")), format=repr(FORMAT))], []
    version = doc.get("version")
    if not _is_int(version) or version not in READABLE_VERSIONS:
        return [_("The file is programme format version {version}; this rehabjournal reads "
                  "versions {first} and {second}. Update rehabjournal, or ask for a version "
                  "{latest} file.").format(version=_show(version), first=READABLE_VERSIONS[0],
                                           second=READABLE_VERSIONS[1], latest=VERSION)], []
    errors, fatal = _walk(doc)
    if fatal:
        return _lines(doc, errors), []
    warnings: list[_Problem] = []
    for n, error in enumerate(_validator().iter_errors(doc)):
        if n >= MAX_ERRORS:
            errors.append(_Problem(("~",), _("checking stopped after {n} problems").format(
                n=MAX_ERRORS)))
            break
        if _bad_float(error.instance) or isinstance(error.instance, json_input.BadNumber):
            continue  # said once by _walk
        bad, warn = _schema_problems(error)
        errors += bad
        warnings += warn
    known = set(known_slugs)
    exercises = doc.get("exercises")
    slugs = set(known)
    if isinstance(exercises, list):
        problems, carried = _check_exercises(exercises, known)
        errors += problems
        slugs |= carried
    if isinstance(doc.get("programme"), dict):
        errors += _check_programme(doc["programme"], slugs)
    return _lines(doc, errors), _lines(doc, warnings)


def validate_document(doc: Any, known_slugs: Iterable[str]) -> list[str]:
    """Check a parsed exchange document.

    Returns:
        The warnings (unknown keys), each "json.path: unknown key, ignored".

    Raises:
        ProgrammeFileError: ``problems`` lists every error with its path; ``warnings``
            the warnings.
    """
    errors, warnings = check_document(doc, known_slugs)
    if errors:
        raise ProgrammeFileError(errors, warnings=warnings)
    return warnings


# ---- importing ---------------------------------------------------------------------------

def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _file_values(entry: dict, base: m.Exercise | None) -> dict[str, Any]:
    """An ``exercises`` entry's full ``EXERCISE_KEYS`` values in the file's form: the
    entry's keys over the base exercise's (``based_on``) or over the defaults."""
    values: dict[str, Any] = _exercise_values(base) if base is not None else {
        "name": "", "category": "", "region": "", "instructions": "", "cues": [],
        "default_sets": None, "default_reps": None, "default_hold_s": None,
        "load_unit": "bodyweight", "progression": [], "side": "", "tempo": "",
        "rest_s": None, "days_per_week": None, "times_per_day": None, "pain_rule": "",
        "media": "", "source": ""}
    for key in EXERCISE_KEYS:
        if key not in entry:
            continue
        value = entry[key]
        if key in _INT_KEYS:
            value = _int(value)
        elif key == "name":
            value = value.strip()
        elif key not in ("cues", "progression"):
            value = _text(value).strip() if key in ("media", "tempo") else _text(value)
        values[key] = value
    return values


def _row_values(values: dict[str, Any]) -> dict[str, Any]:
    """File-form exercise values -> Exercise column values."""
    return {**values, "cues": "\n".join(values["cues"]),
            "progression": json.dumps(values["progression"], ensure_ascii=False)}


def _storage_weekdays(value: Any) -> str:
    if isinstance(value, list):
        days = sorted({dp.weekday_number(v) for v in value} - {None})
    else:
        days = list(dp.parse_weekdays(value or ""))
    return ",".join(str(d) for d in days)


def _add_exercises(exercises: list, warnings: list[str]) -> dict[str, int]:
    """Write the file's exercises that are new here; returns {slug in the file: id}.

    An entry whose slug the journal already has uses the journal's exercise (as version 1
    did); a warning says so when the two differ. A ``based_on`` entry without a slug
    becomes a fresh copy that replaces its base for this file's prescriptions.
    """
    rows = {e.slug: e for e in m.Exercise.select()}
    ids = {slug: row.id for slug, row in rows.items()}
    for i, entry in enumerate(exercises):
        base = rows.get(entry.get("based_on", ""))
        values = _file_values(entry, base)
        slug = entry.get("slug")
        if slug in rows:
            if _exercise_values(rows[slug]) != values:
                warnings.append(_("{place}: this journal already has an exercise {slug} that "
                                  "differs from the file's; the journal's own is used").format(
                                      place=path_text(("exercises", i)), slug=repr(slug)))
            continue
        row = m.Exercise.create(slug=slug or user_slug(values["name"]), shipped=False,
                                copied_from=base.id if base is not None else None,
                                **_row_values(values))
        rows[row.slug] = row
        ids[row.slug] = row.id
        if base is not None and "slug" not in entry:
            ids[base.slug] = row.id  # the file's prescriptions of the base use the copy
    return ids


def import_document(doc: Any, warnings: list[str] | None = None) -> int:
    """Create a new inactive programme from a document (checked here first); one transaction.

    Exercises the file carries are added when their slug is not in the journal yet (an
    existing exercise with that slug is used as it is); ``based_on`` entries become the
    user's copies of the shipped exercise (``copied_from`` set).

    Args:
        warnings: a list to extend with the warnings (unknown keys ...), also when the
            file is refused.

    Returns:
        The new programme's id.

    Raises:
        ProgrammeFileError: every problem at once; nothing was written.
    """
    found: list[str] = []
    try:
        found += validate_document(doc, {e.slug for e in m.Exercise.select(m.Exercise.slug)})
    except ProgrammeFileError as exc:
        if warnings is not None:
            warnings.extend(exc.warnings)
        raise
    prog = doc["programme"]
    clinician = prog.get("clinician") or {}
    with m.database.atomic():
        ids = _add_exercises(doc.get("exercises") or [], found)
        programme = m.Programme.create(
            name=prog["name"].strip(), notes=_text(prog.get("notes")), active=False,
            start_date=date.fromisoformat(prog["start_date"]) if prog.get("start_date") else None,
            review_date=date.fromisoformat(prog["review_date"]) if prog.get("review_date")
            else None,
            template=_text(prog.get("template")),
            clinician_name=_text(clinician.get("name")).strip(),
            clinician_contact=_text(clinician.get("contact")).strip(),
        )
        for position, ph in enumerate(prog["phases"]):
            phase = m.Phase.create(
                programme=programme, position=position, name=ph["name"].strip(),
                weeks=int(ph["weeks"]), deload=bool(ph.get("deload", False)),
                goal=_text(ph.get("goal")), criteria=_text(ph.get("criteria")),
                carry_progress=bool(ph.get("carry_progress", True)))
            for n, p in enumerate(ph.get("prescriptions") or []):
                m.Prescription.create(
                    phase=phase, exercise=ids[p["exercise"]], position=n, sets=int(p["sets"]),
                    reps=_int(p.get("reps")), hold_s=_int(p.get("hold_s")),
                    load=float(p["load"]) if p.get("load") is not None else None,
                    load_unit=p.get("load_unit", "bodyweight"),
                    tempo=_text(p.get("tempo")).strip(), rest_s=_int(p.get("rest_s")),
                    days_per_week=_int(p.get("days_per_week")),
                    weekdays=_storage_weekdays(p.get("weekdays")), notes=_text(p.get("notes")),
                    side=_text(p.get("side")), times_per_day=_int(p.get("times_per_day")),
                    effort_target=_text(p.get("effort_target")).strip(),
                    pain_rule=_text(p.get("pain_rule")), media=_text(p.get("media")).strip(),
                )
    if warnings is not None:
        warnings.extend(found)
    return programme.id


def import_programme_file(path: str | Path, warnings: list[str] | None = None) -> int:
    """Read, check and import a programme file (``import_document``); errors name the file
    in ``where``."""
    try:
        return import_document(read_programme_file(path), warnings)
    except ProgrammeFileError as exc:
        exc.where = exc.where or str(path)
        raise


# ---- iCalendar ---------------------------------------------------------------------------

_ICS_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def ics_escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, ``;`` and ``,`` get a backslash;
    a line break (CRLF, LF, or a lone CR as old Mac files and some editors write) becomes
    ``\\n``; other control characters, which TEXT may not hold (only a tab), are dropped."""
    text = (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))
    return _ICS_CONTROL.sub("", text)


def journal_id() -> str:
    """The journal's random id (32 hex digits), made once and kept in its ``setting`` table
    (key ``journal.id``), so that calendar events of two journals never share a UID.

    A full export carries it (the moved journal keeps updating the same events). A journal
    opened read-only (the app holds it) that has none yet gets an id derived from its file
    instead, stable until one is stored.
    """
    import hashlib
    import uuid

    from peewee import PeeweeException

    from . import settings_repo
    from .full_export import JOURNAL_ID_KEY

    stored = settings_repo.read([JOURNAL_ID_KEY]).get(JOURNAL_ID_KEY)
    try:
        value = json.loads(stored) if stored else None
    except ValueError:
        value = None
    if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{32}", value):
        return value
    new = uuid.uuid4().hex
    try:
        settings_repo.write({JOURNAL_ID_KEY: json.dumps(new)})
    except PeeweeException:  # read-only: nothing may be written
        name = str(getattr(m.database, "database", "") or "")
        return hashlib.sha256(f"rehabjournal:{name}".encode()).hexdigest()[:32]
    return new


def fold_line(line: str) -> str:
    r"""Fold a content line at 75 octets (RFC 5545 3.1): ``CRLF`` and a space before every
    further 74 octets.

    A cut never falls inside a UTF-8 character, nor between an escape's backslash and the
    character it escapes (``\\``, ``\;``, ``\,``, ``\n``), although RFC 5545 would allow
    that: some readers unfold only after unescaping. ``line`` is one unfolded content line
    whose value is already escaped (``ics_escape``), without its ``CRLF``.
    """
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[bytes] = []
    start, limit = 0, 75
    while len(raw) - start > limit:
        cut = start + limit
        while raw[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        slashes = 0  # backslashes just before the cut; an odd run ends in an escape's first
        while cut - 1 - slashes >= start and raw[cut - 1 - slashes] == 0x5C:
            slashes += 1
        cut -= slashes % 2
        parts.append(raw[start:cut])
        start, limit = cut, 74
    parts.append(raw[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def _prescription_line(p: m.Prescription) -> str:
    dose = dp.dose_text(p.sets, p.reps, p.hold_s, p.load, p.load_unit)
    extra = []
    if p.tempo:
        extra.append(_("tempo {tempo}").format(tempo=library_text(p.tempo)))
    if p.rest_s:
        extra.append(_("rest {seconds} s").format(seconds=p.rest_s))
    line = _("- {exercise}: {dose}").format(exercise=library_text(p.exercise.name), dose=dose)
    return _("{line} ({details})").format(line=line, details=", ".join(extra)) if extra \
        else line


def _due_by_phase(plan: dp.Plan, first: date, last: date
                  ) -> Iterable[tuple[date, dp.PlanPhase, list[dp.PlanPrescription]]]:
    """The days from ``first`` to ``last`` with something due, as ``dp.due_days`` gives them,
    with each day's phase.

    ``dp.due_on`` is asked about one week of each phase only: within a phase what is due
    depends on the weekday alone (``dp.scheduled_weekdays``), so that week repeats. Asking
    about every day (and finding its phase from the start each time) took most of 22 s for
    the 67,600 days of 100 phases of 104 weeks; tests/store/test_calendar.py checks that the
    days are those of ``dp.due_days``.
    """
    assert plan.start_date is not None
    phase_first = plan.start_date
    for phase in plan.phases:
        phase_last = phase_first + timedelta(days=7 * phase.weeks - 1)
        lo, hi = max(first, phase_first), min(last, phase_last)
        if lo <= hi:
            week = [(k, dp.due_on(plan, phase_first + timedelta(days=k))) for k in range(7)]
            week = [(k, items) for k, items in week if items]
            monday0 = phase_first + timedelta(days=7 * ((lo - phase_first).days // 7))
            while monday0 <= hi:
                for k, items in week:
                    day = monday0 + timedelta(days=k)
                    if lo <= day <= hi:
                        yield day, phase, items
                monday0 += timedelta(days=7)
        phase_first = phase_last + timedelta(days=1)


def calendar_text(programme_id: int, dtstamp: datetime | None = None,
                  start: date | None = None, end: date | None = None) -> str:
    """The programme's planned sessions as an iCalendar document (RFC 5545): one all-day
    event a day with something due, from ``start`` (default: the programme's start) to
    ``end`` (default: its end).

    Every event is a ``DATE`` (floating, no time zone, so no ``VTIMEZONE``); only
    ``DTSTAMP`` is a time, in UTC (``dtstamp``, default now). Lines end with CRLF and are
    folded at 75 octets (``fold_line``); text is escaped (``ics_escape``). Days after
    ``validation.LATEST_DAY`` (2100-12-31) get no event. There is no cap on the number of
    events: 100 phases of 104 weeks from 1901 (67,600 events, a 36 MB file) take under a
    second on 2 cores (``make bench``: benchmarks/bench_calendar.py).

    UIDs are ``rehabjournal-<journal id>-programme-<id>-<YYYYMMDD>@rehabjournal.local``:
    one event a day, so unique across phases; stable for a programme and day, so importing
    again updates the events; and different in every journal (``journal_id``).

    Raises:
        peewee.DoesNotExist: there is no programme ``programme_id``.
    """
    prog = m.Programme.get_by_id(programme_id)
    plan = plan_for(programme_id)
    stamp = (dtstamp or datetime.now(UTC)).astimezone(UTC)
    uid = f"rehabjournal-{journal_id()}-programme-{prog.id}"
    rows = {
        p.id: p for p in m.Prescription.select(m.Prescription, m.Exercise)
        .join(m.Exercise).switch(m.Prescription)
        .where(m.Prescription.id.in_([x.id for ph in plan.phases for x in ph.prescriptions]))
    } if plan.phases else {}
    phase_rows = {ph.id: ph for ph in m.Phase.select().where(m.Phase.programme == prog.id)}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//rehabjournal//programme calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(library_text(prog.name))}",
    ]
    out = ["".join(fold_line(line) + "\r\n" for line in lines)]
    # no event after the journal's last date (a programme starting late in 2100 would
    # otherwise run into 2101, a date nothing else in the journal can hold)
    end = min(end or validation.LATEST_DAY, validation.LATEST_DAY)
    if plan.start_date is not None and plan.end_date is not None:
        first = max(start or plan.start_date, plan.start_date)
        last = min(end, plan.end_date)
        dtstamp_line = f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}\r\n"
        bodies: dict[tuple[int, tuple[int, ...]], str] = {}  # the same text, folded once
        for day, phase, items in _due_by_phase(plan, first, last):
            key = (phase.id, tuple(x.id for x in items))
            body = bodies.get(key)
            if body is None:
                row = phase_rows[phase.id]
                name = library_text(row.name)
                desc = [_("{phase} (deload)").format(phase=name) if row.deload else name]
                desc += [_prescription_line(rows[x.id]) for x in items if x.id in rows]
                summary = _("Rehab exercises ({n}): {programme}").format(
                    n=len(items), programme=library_text(prog.name))
                body = bodies[key] = (
                    fold_line(f"SUMMARY:{ics_escape(summary)}") + "\r\n"
                    + fold_line(f"DESCRIPTION:{ics_escape(chr(10).join(desc))}") + "\r\n"
                    + "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n")
            out.append(
                "BEGIN:VEVENT\r\n"
                + fold_line(f"UID:{uid}-{day:%Y%m%d}@rehabjournal.local") + "\r\n"
                + dtstamp_line
                + f"DTSTART;VALUE=DATE:{day:%Y%m%d}\r\n"
                + f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}\r\n"
                + body)
    out.append("END:VCALENDAR\r\n")
    return "".join(out)


def write_calendar_file(programme_id: int, path: str | Path, **kwargs: Any) -> int:
    """Write the calendar; returns the number of events (errors: see ``_atomic_write``).

    A calendar without events is not written (RFC 5545 asks for at least one component;
    a calendar app would import nothing): 0 is returned and no file is made.
    """
    safe_write.check_kind(Path(path), "write")
    text = calendar_text(programme_id, **kwargs)
    count = text.count("BEGIN:VEVENT")
    if count:
        _atomic_write(Path(path), text.encode("utf-8"), N_("the calendar"))
    return count
