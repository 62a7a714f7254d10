"""The whole journal as one versioned JSON file, and back (see docs/full-export.md).

Export writes every table, row by row, column by column (ids kept), into::

    {"format": "rehabjournal-journal", "version": 1, "schema": <schema version>,
     "exported": "2026-03-18T08:41:00", "app": "0.1.0", "tables": {"check_in": [...], ...}}

Shipped exercises are written by slug only (``{"id", "slug", "shipped": true,
"archived"}``): their text comes from the exercise library of the version that imports.

Import goes into an EMPTY journal only (no rows other than shipped exercises), checks
the whole file first, then writes everything in one transaction: a bad file changes
nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from peewee import (
    BooleanField,
    DateField,
    DateTimeField,
    Field,
    FloatField,
    ForeignKeyField,
    IntegerField,
    PeeweeException,
    TimeField,
)

from ..domain import scales, validation
from ..errors import ImportFileError
from ..i18n import N_, _, ngettext, pgettext
from ..paths import resource
from . import activity_repo, json_input, migrations, safe_write
from . import models as m

FORMAT = "rehabjournal-journal"
VERSION = 1
MODELS: tuple[type[m.BaseModel], ...] = m.ALL_MODELS  # parents before children
SHIPPED_KEYS = ("id", "slug", "shipped", "archived")
JOURNAL_ID_KEY = "journal.id"
"""The ``setting`` row of the journal's random id (``programme_io.journal_id``)."""
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?", re.ASCII)
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?", re.ASCII)


MAX_PROBLEMS = 500
"""Checking stops after this many problems (a 190 MB file of bad rows would list hundreds
of thousands); ``FullImportError`` shows the first 50 (``ImportFileError.limit``)."""


class _TooMany(Exception):
    """Raised by ``_Problems.append`` when ``MAX_PROBLEMS`` have been found."""


class _Problems(list):
    """A list of problems that stops the check (``_TooMany``) once it is full."""

    def append(self, item: str) -> None:
        super().append(item)
        if len(self) >= MAX_PROBLEMS:
            raise _TooMany(list(self))

    def __iadd__(self, items):  # type: ignore[override]
        for item in items:
            self.append(item)
        return self


class FullImportError(ImportFileError):
    """The file was not imported; ``problems`` says why (the journal is unchanged): at
    most 50 ("and N more problems" last), like the CSV import.

    Args:
        stopped: checking stopped at ``MAX_PROBLEMS``; the last line says there may be more.
    """

    def __init__(self, problems: list[str], *, stopped: bool = False):
        problems = list(problems)
        super().__init__(problems)
        if stopped:
            more = self.total - self.limit
            self.problems = [*problems[: self.limit],
                             ngettext("and {n} more problems; checking stopped after {total}, "
                                      "the file may have more",
                                      "and {n} more problems; checking stopped after {total}, "
                                      "the file may have more", more).format(
                                          n=more, total=self.total)]


def table_name(model: type[m.BaseModel]) -> str:
    return model._meta.table_name


def _to_json(field: Field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, DateTimeField):
        return value.isoformat() if isinstance(value, datetime) else str(value)
    if isinstance(field, DateField):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(field, TimeField):  # a session's local start (schema 6): "07:30:00"
        return value.isoformat() if isinstance(value, time) else str(value)
    if isinstance(field, BooleanField):
        return bool(value)
    return value


def _rows(model: type[m.BaseModel]) -> list[dict[str, Any]]:
    fields = model._meta.sorted_fields
    pk = model._meta.primary_key
    out = []
    for row in model.select().order_by(pk).tuples():
        out.append({f.column_name: _to_json(f, v) for f, v in zip(fields, row, strict=True)})
    return out


def export_data(now: datetime | None = None) -> dict[str, Any]:
    """The open journal as the full-export document (a JSON-ready dict)."""
    from .. import __version__

    tables: dict[str, list[dict[str, Any]]] = {}
    for model in MODELS:
        rows = _rows(model)
        if model is m.Exercise:
            rows = [
                {k: r[k] for k in SHIPPED_KEYS} if r["shipped"] else r for r in rows
            ]
        if model is m.PainSite and rows and not any(r["primary"] for r in rows):
            # sites a CSV import made before it marked one (csv_io._mark_main_site): the
            # main site is written as the primary one, which it already is for the app
            main = min(rows, key=lambda r: (r["archived"], r["id"]))["id"]
            rows = [{**r, "primary": r["id"] == main} for r in rows]
        tables[table_name(model)] = rows
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": migrations.LATEST,
        "exported": (now or datetime.now()).replace(microsecond=0).isoformat(),
        "app": __version__,
        "tables": tables,
    }


def write_json_atomic(path: Path, data: Any, *, doing: str = "write",
                      what: str = N_("the export")) -> None:
    """Write ``data`` as UTF-8 JSON to ``path`` with ``safe_write`` (a temporary file
    beside it, mode 0600, fsync, rename; nothing partial is ever left).

    Raises:
        StorageError: ``path`` is not a file that may be written (a folder, a device, a
            pipe, a dangling link), its folder is missing or not writable ("Cannot write
            PATH: reason."), or the disk is full ("No space left on device in FOLDER: the
            export needs about N MB; ...").
    """
    with safe_write.atomic_open(Path(path), "w", doing=doing, what=what, encoding="utf-8",
                                newline="\n") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def export_all(path: Path | str, now: datetime | None = None) -> dict[str, int]:
    """Write the open journal to ``path``; returns rows per table.

    Raises:
        StorageError: ``path`` is a folder, a device, a pipe or a dangling link (checked
            before the journal is read), or the file cannot be written (see
            ``write_json_atomic``); no partial file is left.
    """
    path = safe_write.check_kind(Path(path), "write")
    data = export_data(now)
    write_json_atomic(path, data)
    return {name: len(rows) for name, rows in data["tables"].items()}


# ---- import ----------------------------------------------------------------------------

def user_rows() -> dict[str, int]:
    """Rows in the open journal other than shipped exercises, per table (non-zero only)."""
    counts = {}
    for model in MODELS:
        q = model.select()
        if model is m.Exercise:
            q = q.where(m.Exercise.shipped == False)  # noqa: E712 - peewee expression
        if model is m.Setting:  # the journal's calendar id is no entry
            q = q.where(m.Setting.key != JOURNAL_ID_KEY)
        n = q.count()
        if n:
            counts[table_name(model)] = n
    return counts


def place(table: str, row: int, column: str | None = None) -> str:
    """Where a value is in a full export, as messages say it: ``place("check_in", 2,
    "sleep_hours")`` -> "table check_in, row 3, field sleep_hours" (``row`` counts from 0
    in the code and from 1 in the message: row 1 is the first row of that table's list)."""
    if column:
        return _("table {table}, row {row}, field {column}").format(table=table, row=row + 1,
                                                                    column=column)
    return _("table {table}, row {row}").format(table=table, row=row + 1)


def at(where: str, reason: str) -> str:
    """"where: reason" (a place such as "table check_in, row 3" and what is wrong there)."""
    return _("{place}: {message}").format(place=where, message=reason)


def _text_problem(value: str) -> str | None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _("is not valid text (it holds a lone surrogate character such as \\ud800)")
    return None


# Columns whose text is JSON the app decodes later (None: may be empty "").
_JSON_COLUMNS = {("outcome_response", "answers"): False, ("outcome_response", "subscores"): True,
                 ("exercise", "progression"): True, ("setting", "value"): False}
# Ranges of programme columns the rule table of domain.validation does not list: those of
# the programme forms (services.programme.validate_prescription, validate_log, the exercise
# editor) and of the programme file (resources/schemas/programme-v2.schema.json).
_DOSE = {"sets": ("Sets", 1, 50), "reps": ("Reps", 1, 1000), "hold_s": ("Hold", 1, 36000),
         "rest_s": ("Rest", 0, 3600), "days_per_week": ("Days per week", 1, 7),
         "times_per_day": ("Times per day", 1, 6)}
_RANGES: dict[tuple[str, str], tuple[str, float, float]] = {
    **{("prescription", k): v for k, v in _DOSE.items()},
    ("prescription", "load"): ("Load", 0, 1000),
    **{("exercise", f"default_{k}" if k in ("sets", "reps", "hold_s") else k): v
       for k, v in _DOSE.items()},
    ("exercise_log", "sets_done"): ("Sets done", 0, 50),
    ("exercise_log", "reps_done"): ("Reps done", 0, 1000),
    ("exercise_log", "hold_s_done"): ("Hold done", 0, 36000),
    ("exercise_log", "load_done"): ("Load", 0, 1000),
    ("exercise_log", "pain_during"): ("Pain during", 0, 10),
    ("phase", "weeks"): ("Weeks", 1, 104),
}


# The columns a watch or app file fills in (schema 6): (label, unit); their ranges are
# those an import stores (``activity_repo.PLAUSIBLE``).
_FILE_COLUMNS: dict[tuple[str, str], tuple[str, str]] = {
    ("activity_session", "leg"): (N_("Leg"), ""),
    ("activity_session", "elapsed_s"): (N_("Elapsed time"), N_("seconds")),
    ("activity_session", "moving_s"): (N_("Moving time"), N_("seconds")),
    ("activity_session", "ascent_m"): (N_("Climb"), N_("m")),
    ("activity_session", "avg_hr"): (N_("Average heart rate"), N_("bpm")),
    ("activity_session", "max_hr"): (N_("Maximum heart rate"), N_("bpm")),
}


def _range_label(label: str) -> str:
    """A label of ``_RANGES`` in the current language, in the programme forms' words
    (``services.programme``: the context "programme field")."""
    return {
        "Sets": pgettext("programme field", "Sets"),
        "Reps": pgettext("programme field", "Reps"),
        "Hold": pgettext("programme field", "Hold"),
        "Rest": pgettext("programme field", "Rest"),
        "Days per week": pgettext("programme field", "Days per week"),
        "Times per day": pgettext("programme field", "Times per day"),
        "Load": pgettext("programme field", "Load"),
        "Sets done": pgettext("programme field", "Sets done"),
        "Reps done": pgettext("programme field", "Reps done"),
        "Hold done": pgettext("programme field", "Hold done"),
        "Pain during": pgettext("programme field", "Pain during"),
        "Weeks": pgettext("programme field", "Weeks"),
    }.get(label, label)
OUTCOME_INSTRUMENTS = tuple(sorted(p.stem for p in resource("instruments").glob("*.json")))
"""The outcome measures the app knows: one JSON file each in resources/instruments
(``services.outcomes.INSTRUMENT_KEYS``; a test keeps the two equal; no code names an
instrument, tests/domain/test_domain_outcomes.py): ``outcome_response.instrument`` is one."""
CHANGE_FIELDS = tuple(f.name for f in m.Prescription._meta.sorted_fields
                      if f.name not in ("id", "phase", "position"))
"""The fields a prescription change can name (``prescription_change.field_name``): the
dose fields the editor and accepted advice change (sets, reps, load, notes ...)."""
# Columns that take one of a few exact values, as the forms offer them: (label, values).
_CHOICES: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("pain_site", "side"): (N_("Side"), scales.SIDES),
    ("profile", "joint"): (N_("Joint"), scales.JOINTS),
    ("profile", "side"): (N_("Side"), scales.SIDES),
    ("activity_session", "source"): (N_("Source"), ("", "programme", "file")),
    ("activity_file", "status"): (N_("Status"), activity_repo.STATUSES),
    ("activity_file", "format"): (N_("Format"), activity_repo.FORMATS),
    ("outcome_response", "instrument"): (N_("Outcome measure"), OUTCOME_INSTRUMENTS),
    ("prescription_change", "field_name"): (N_("The changed field"), CHANGE_FIELDS),
}
MAX_CONDITION_CHARS = 10_000
"""The profile's condition is a key of ``scales.CONDITIONS`` or text typed in the welcome
form (its list is editable): one line without control characters, as long as a name."""
JOURNAL_SETTING_GROUPS = ("thresholds", "outcomes", "patterns", "activities", "hr", "journal")
"""The first part of every journal option's key (``services.settings``, ``journal.id``; a
test keeps them in step). A ``setting`` row whose key starts otherwise is refused: the
per-computer options (``window.geometry`` ...) never travel with a journal, and a key such
as ``ui.theme`` is no option of a journal. Unknown keys within these groups are kept (a
newer rehabjournal's options; they are ignored when read)."""
_SETTING_KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+", re.ASCII)
_JOURNAL_ID = re.compile(r"[0-9a-f]{32}", re.ASCII)


def _choice_problem(table: str, column: str, value: Any) -> str | None:
    """Why ``value`` is not one of the column's exact values (``_CHOICES``), or None."""
    label, choices = _CHOICES[table, column]
    if value in choices:
        return None
    words = ", ".join(c if c else _('"" (none)') for c in choices)
    return _("{label} must be one of {choices} (got {value})").format(
        label=_(label), choices=words, value=json_input.shown(value))


# Columns of older schemas that ``upgrade_tables`` moves (checked before it runs).
_LEGACY_COLUMNS = {"activity_session": {"next_morning_pain"},
                   "session_site_pain": {"next_morning_pain"}, "profile": {"outcome_schedule"}}


def _from_json(table: str, field: Field, value: Any, where: str) -> Any:
    """Convert and check one value with the one validation (``domain.validation``).

    Raises:
        ValidationError: {where: "where: reason"}.
    """
    def fail(reason: str) -> validation.ValidationError:
        return validation.ValidationError({where: at(where, reason)})

    if isinstance(value, json_input.BadNumber):
        raise fail(value.reason)
    if value is None:
        if not field.null and not field.primary_key:
            raise fail(_("is empty but is required"))
        return None
    if isinstance(field, ForeignKeyField) or (
        isinstance(field, IntegerField) and not isinstance(field, BooleanField)
    ):
        whole = validation.whole_number(value)  # 3, 3.0 and 3e0 alike (the one rule)
        ruled = (field.column_name in validation.FIELD_RULES.get(table, {})
                 or (table, field.column_name) in _RANGES
                 or (table, field.column_name) in _FILE_COLUMNS)
        if whole is not None:
            value = whole
        elif not (ruled and isinstance(value, float)):
            raise fail(_("must be a whole number (got {value})").format(
                value=json_input.shown(value)))
        # else: 3.5 where a ranged whole number belongs: its rule says it in its words
    elif isinstance(field, FloatField):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail(_("must be a number (got {value})").format(
                value=json_input.shown(value)))
        value = float(value)
    elif isinstance(field, BooleanField):
        if not isinstance(value, bool):
            raise fail(_("must be true or false (got {value})").format(
                value=json_input.shown(value)))
    elif isinstance(field, DateTimeField):
        try:
            if not isinstance(value, str) or not _DATETIME.fullmatch(value):
                raise ValueError
            value = datetime.fromisoformat(value)
        except ValueError:
            raise fail(_("must be a date and time, YYYY-MM-DDTHH:MM:SS (got {value})").format(
                value=json_input.shown(value))) from None
        validation.check_date(value.date(), where)
    elif isinstance(field, TimeField):
        try:
            if not isinstance(value, str) or not _TIME.fullmatch(value):
                raise ValueError
            value = time.fromisoformat(value)
        except ValueError:
            raise fail(_("must be a time of day, HH:MM:SS (got {value})").format(
                value=json_input.shown(value))) from None
    elif isinstance(field, DateField):
        if not isinstance(value, str):
            raise fail(_("must be a date, YYYY-MM-DD (got {value})").format(
                value=json_input.shown(value)))
        value = validation.parse_date(value, where)
    else:
        if not isinstance(value, str):
            raise fail(_("must be text (got {value})").format(value=json_input.shown(value)))
        problem = _text_problem(value)
        if problem:
            raise fail(problem)
        validation.check_text(value, where)
    column = field.column_name
    rules = validation.FIELD_RULES.get(table, {})
    if column in rules:
        value = validation.check_field(table, column, value, where)
    elif (table, column) in _RANGES:
        label, lo, hi = _RANGES[table, column]
        problem = scales.validate_range(value, lo, hi, _range_label(label),
                                        whole=not isinstance(field, FloatField))
        if problem:
            raise fail(problem.rstrip("."))
    elif (table, column) in _FILE_COLUMNS:
        label, unit = _FILE_COLUMNS[table, column]
        lo, hi = activity_repo.PLAUSIBLE[column]
        problem = scales.validate_range(value, lo, hi, _(label),
                                        whole=not isinstance(field, FloatField),
                                        unit=_(unit) if unit else "")
        if problem:
            raise fail(problem.rstrip("."))
    if (table, column) == ("activity_file", "sha256") and not value.strip():
        raise fail(_("is empty but is required"))
    if (table, column) in _CHOICES:
        problem = _choice_problem(table, column, value)
        if problem:
            raise fail(problem)
    if (table, column) == ("profile", "condition") and value not in scales.CONDITIONS:
        validation.check_label(value, where, pgettext("profile field", "Condition"),
                               required=False,
                               max_chars=MAX_CONDITION_CHARS)
    if (table, column) in _JSON_COLUMNS and not (value == "" and _JSON_COLUMNS[table, column]):
        _check_json_text(value, where)
    return value


def _check_json_text(text: str, where: str) -> Any:
    """JSON kept as text in a column: it must be JSON the app can read back.

    Raises:
        ValidationError: not JSON, nested too deeply, or with numbers it cannot hold.
    """
    try:
        # Translators: the subject of "... is not valid JSON (line 1, column 2: ...)."
        value = json_input.parse(text, _("its text"), max_depth=MAX_DEPTH)
    except json_input.JsonInputError as exc:
        raise validation.ValidationError({where: at(where, str(exc).rstrip("."))}) from None
    bad = json_input.bad_numbers(value)
    if bad:
        raise validation.ValidationError({where: _("{place}: in its JSON text, {reason}").format(
            place=where, reason=bad[0].reason)})
    return value


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_header(data: Any) -> list[str]:
    """The problems of the file's top level (format, version, schema, tables)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return [_("this is not a rehabjournal full export (its \"format\" is not "
                  "\"{format}\")").format(format=FORMAT)]
    version = data.get("version")
    if not _whole(version) or version < 1:
        return [_("\"{key}\" must be a whole number from 1 (got {value})").format(
            key="version", value=json_input.shown(version))]
    if version > VERSION:
        return [_("the file is in export format version {version}, made by a newer "
                  "rehabjournal; this version reads up to {latest}: update "
                  "rehabjournal").format(version=version, latest=VERSION)]
    schema = data.get("schema")
    if not _whole(schema) or schema < 1:
        return [_("\"{key}\" must be a whole number from 1 (got {value})").format(
            key="schema", value=json_input.shown(schema))]
    if schema > migrations.LATEST:
        return [_("the file comes from a newer journal (schema {schema}; this version reads "
                  "up to {latest}): update rehabjournal").format(schema=schema,
                                                                 latest=migrations.LATEST)]
    if not isinstance(data.get("tables"), dict):
        return [_("\"tables\" is missing (it must be an object of tables)")]
    return []


def upgrade_tables(tables: dict[str, Any], schema: int) -> dict[str, Any]:
    """The tables of a file from an older schema, as the newest schema has them.

    Schema 3 moved ``profile.outcome_schedule`` and the setting row "thresholds" into one
    ``setting`` row per option (``migrations.v3_setting_rows``). Schema 4 moved the
    sessions' ``next_morning_pain`` into the next day's morning pain or site pain
    (``migrations.v4_next_morning_moves``, the rule of the migration step). The input is
    not changed; rows that are not what they should be are left for ``parse_tables`` to
    report.
    """
    if schema < 3:
        tables = _upgrade_to_v3(tables)
    if schema < 4:
        tables = _upgrade_to_v4(tables)
    return tables


def _dict_rows(tables: dict[str, Any], name: str) -> list[dict[str, Any]] | None:
    rows = tables.get(name, [])
    if not isinstance(rows, list):
        return None
    return [r for r in rows if isinstance(r, dict)]


def _next_id(rows: list[Any]) -> int:
    ids = [r.get("id") for r in rows if isinstance(r, dict)]
    return max([i for i in ids if isinstance(i, int) and not isinstance(i, bool)] + [0]) + 1


def _upgrade_to_v4(tables: dict[str, Any]) -> dict[str, Any]:
    """Schema 3 tables -> schema 4: one next-morning rating (see ``upgrade_tables``)."""
    parts = {name: _dict_rows(tables, name) for name in (
        "pain_site", "activity_session", "session_site_pain", "check_in",
        "check_in_site_pain")}
    if any(rows is None for rows in parts.values()):
        return tables  # not lists: parse_tables reports them
    checkins = [r for r in parts["check_in"] if isinstance(r.get("day"), str)]
    day_of = {r.get("id"): r["day"][:10] for r in checkins}
    moves = migrations.v4_next_morning_moves(
        parts["pain_site"], parts["activity_session"], parts["session_site_pain"],
        {r["day"][:10]: r.get("morning_pain") for r in checkins},
        {(day_of[r.get("checkin_id")], r.get("site_id")): r.get("pain")
         for r in parts["check_in_site_pain"] if r.get("checkin_id") in day_of})
    tables = dict(tables)

    def without(rows: list[Any]) -> list[Any]:
        return [{k: v for k, v in r.items() if k != "next_morning_pain"}
                if isinstance(r, dict) else r for r in rows]

    sessions = without(tables.get("activity_session", []))
    for row in sessions:
        if isinstance(row, dict) and row.get("id") in moves.notes:
            row["notes"] = moves.notes[row["id"]]
    tables["activity_session"] = sessions
    tables["session_site_pain"] = without(tables.get("session_site_pain", []))
    now = datetime.now().replace(microsecond=0).isoformat()
    rows = [dict(r) if isinstance(r, dict) else r for r in tables.get("check_in", [])]
    next_id = _next_id(rows)
    for day in moves.new_checkins:
        rows.append({"id": next_id, "day": day, "morning_pain": None, "notes": "",
                     "updated": now})
        day_of[next_id] = day
        next_id += 1
    ids = {}
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("day"), str):
            ids.setdefault(row["day"][:10], row.get("id"))
            if row["day"][:10] in moves.morning and row.get("morning_pain") is None:
                row["morning_pain"] = moves.morning[row["day"][:10]]
    tables["check_in"] = rows
    pains = list(tables.get("check_in_site_pain", []))
    next_id = _next_id(pains)
    for (day, site), value in sorted(moves.site_pains.items()):
        pains.append({"id": next_id, "checkin_id": ids[day], "site_id": site, "pain": value})
        next_id += 1
    tables["check_in_site_pain"] = pains
    return tables


def _upgrade_to_v3(tables: dict[str, Any]) -> dict[str, Any]:
    """Schema 1-2 tables -> schema 3: one setting row per option (see ``upgrade_tables``)."""
    tables = dict(tables)
    profiles = tables.get("profile")
    settings = tables.get("setting", [])
    if not isinstance(settings, list):
        return tables
    schedule = None
    if isinstance(profiles, list):
        fixed = []
        for row in profiles:
            if isinstance(row, dict) and "outcome_schedule" in row:
                row = dict(row)
                text = row.pop("outcome_schedule")
                if schedule is None and isinstance(text, str):
                    schedule = text
            fixed.append(row)
        tables["profile"] = fixed
    thresholds = next((r.get("value") for r in settings
                       if isinstance(r, dict) and r.get("key") == "thresholds"), None)
    new = migrations.v3_setting_rows(thresholds if isinstance(thresholds, str) else None,
                                     schedule)
    kept = [r for r in settings if not (isinstance(r, dict) and (
        r.get("key") == "thresholds" or r.get("key") in new))]
    tables["setting"] = kept + [{"key": k, "value": v} for k, v in sorted(new.items())]
    return tables


def _parse_rows(tables: dict[str, Any], *, legacy: bool = False
                ) -> tuple[dict[type[m.BaseModel], list[dict[str, Any]]], list[str]]:
    """Every row of ``tables`` checked and converted to column values (field name: value).

    Args:
        legacy: also accept (and check) the columns of older schemas that
            ``upgrade_tables`` moves (``_LEGACY_COLUMNS``); they are not returned.

    Returns:
        (rows per model, problems): each problem "table T, row N, field F: reason".
    """
    problems: list[str] = _Problems()
    known = {table_name(mod): mod for mod in MODELS}
    for name in tables:
        if name not in known:
            problems.append(_("table {table}: unknown table").format(
                table=json_input.shown(name)))
    library: dict[str, dict] | None = None
    parsed: dict[type[m.BaseModel], list[dict[str, Any]]] = {}
    for name, model in known.items():
        rows = tables.get(name, [])
        if not isinstance(rows, list):
            problems.append(_("table {table}: must be a list of rows (got {value})").format(
                table=name, value=json_input.shown(rows)))
            continue
        columns = {f.column_name: f for f in model._meta.sorted_fields}
        extra_ok = _LEGACY_COLUMNS.get(name, set()) if legacy else set()
        out = []
        for i, row in enumerate(rows):
            where = place(name, i)
            if not isinstance(row, dict):
                problems.append(_("{place}: must be an object (got {value})").format(
                    place=where, value=json_input.shown(row)))
                continue
            if model is m.Exercise and row.get("shipped") is True:
                if library is None:
                    from .library import exercise_row_values, load_library_file

                    library = {e["slug"]: exercise_row_values(e) for e in load_library_file()}
                extra = set(row) - set(SHIPPED_KEYS) - set(columns)
                if extra:
                    problems.append(_("{place}: unknown column {column}").format(
                        place=where, column=repr(sorted(extra)[0])))
                slug = row.get("slug")
                if not isinstance(slug, str):
                    problems.append(_("{place}: must be text (got {value})").format(
                        place=place(name, i, "slug"), value=json_input.shown(slug)))
                    continue
                if slug not in library:
                    problems.append(
                        _("{place}: shipped exercise {slug} is not in this version's exercise "
                          "library").format(place=place(name, i, "slug"),
                                            slug=json_input.shown(slug)))
                    continue
                row = {**library[slug], "id": row.get("id"), "shipped": True,
                       "archived": row.get("archived", False)}
            values: dict[str, Any] = {}
            before = len(problems)
            for col in row:
                if col not in columns and col not in extra_ok:
                    problems.append(_("{place}: unknown column {column}").format(
                        place=where, column=repr(col)))
            for col, field in columns.items():
                if col not in row:
                    if field.primary_key or (field.default is None and not field.null):
                        problems.append(at(place(name, i, col), _("is missing")))
                    continue  # the column's default (a file from an older schema)
                try:
                    values[field.name] = _from_json(name, field, row[col], place(name, i, col))
                except validation.ValidationError as exc:
                    problems.append(str(exc))
            for col in extra_ok & set(row):
                problems += _legacy_problems(name, col, row[col], place(name, i, col))
            if model is m.Exercise and row.get("shipped") is not True \
                    and len(problems) == before:
                problems += _own_exercise_problems(row, i)
            if name in ("prescription", "phase") and len(problems) == before:
                problems += _programme_row_problems(name, row, i)
            out.append(values)
        parsed[model] = out
    return parsed, problems


def _own_exercise_problems(row: dict[str, Any], i: int) -> list[str]:
    """The user's own exercise checked as a programme file's ``exercises`` entry is
    (``programme_io.exercise_row_problems``: slug, category, progression model ...)."""
    from .programme_io import exercise_row_problems

    return [at(place("exercise", i, column), text)
            for column, text in exercise_row_problems(row)]


def _programme_row_problems(table: str, row: dict[str, Any], i: int) -> list[str]:
    """A prescription or phase row checked as a programme file's entry is
    (``programme_io.row_problems``: load unit, side, pain rule, weekdays, the dose ...)."""
    from .programme_io import row_problems

    return [at(place(table, i, column or None), text)
            for column, text in row_problems(table, row)]


def _legacy_problems(table: str, column: str, value: Any, where: str) -> list[str]:
    """The checks of a column of an older schema (``_LEGACY_COLUMNS``)."""
    if isinstance(value, json_input.BadNumber):
        return [at(where, value.reason)]
    if column == "next_morning_pain":
        problem = scales.validate_pain(value, _("Next-morning pain"))
        if problem is None and isinstance(value, str):
            problem = _("must be a whole number (got {value})").format(
                value=json_input.shown(value))
        return [at(where, problem.rstrip("."))] if problem else []
    if value is not None and not isinstance(value, str):
        return [_("{place}: must be text (got {value})").format(
            place=where, value=json_input.shown(value))]
    return []


#: "PLACE: 999 names no check-in in the file", one whole sentence per table linked to.
_NAMES_NO: dict[str, str] = {
    "check_in": N_("{place}: {value} names no check-in in the file"),
    "activity_session": N_("{place}: {value} names no session in the file"),
    "activity_file": N_("{place}: {value} names no activity file in the file"),
    "pain_site": N_("{place}: {value} names no pain site in the file"),
    "exercise_log": N_("{place}: {value} names no exercise log in the file"),
    "prescription": N_("{place}: {value} names no prescription in the file"),
    "programme": N_("{place}: {value} names no programme in the file"),
    "phase": N_("{place}: {value} names no phase in the file"),
    "exercise": N_("{place}: {value} names no exercise in the file"),
}


def _names_no(where: str, value: Any, target: str) -> str:
    """"table T, row N, field F: 999 names no check-in in the file"."""
    sentence = _NAMES_NO.get(target)
    if sentence is not None:
        return _(sentence).format(place=where, value=value)
    # Translators: {row} is a table's name with spaces ("outcome response"), as the file has it.
    return _("{place}: {value} names no {row} in the file").format(
        place=where, value=value, row=target.replace("_", " "))


def _unique_groups(model: type[m.BaseModel]) -> list[tuple[str, ...]]:
    """The field names that must be unique together (the key, unique columns, indexes)."""
    groups = [(model._meta.primary_key.name,)]
    groups += [(f.name,) for f in model._meta.sorted_fields if f.unique and not f.primary_key]
    groups += [tuple(names) for names, unique in model._meta.indexes if unique]
    if model is m.ActivitySession:  # a day's sessions are in order: one per place
        groups.append(("day", "position"))
    return groups


def relation_problems(parsed: dict[type[m.BaseModel], list[dict[str, Any]]]) -> list[str]:
    """What SQLite would refuse, said with table and row: links to rows the file does not
    have, and values used twice where they must be unique (a day, a key, a slug ...).

    Returns:
        e.g. "table check_in_site_pain, row 4, field checkin_id: 999 names no check-in in
        the file", "table check_in, row 9: duplicates row 4 (same day 2026-03-01)".
    """
    problems: list[str] = _Problems()
    ids = {model: {r.get(model._meta.primary_key.name) for r in rows}
           for model, rows in parsed.items()}
    for model, rows in parsed.items():
        name = table_name(model)
        fields = {f.name: f for f in model._meta.sorted_fields}
        links = [f for f in fields.values() if isinstance(f, ForeignKeyField)]
        for i, row in enumerate(rows):
            for f in links:
                value = row.get(f.name)
                target = table_name(f.rel_model)
                if value is not None and value not in ids.get(f.rel_model, ()):
                    problems.append(_names_no(place(name, i, f.column_name), value, target))
        for group in _unique_groups(model):
            first: dict[tuple, int] = {}
            for i, row in enumerate(rows):
                key = tuple(row.get(n) for n in group)
                if any(k is None for k in key):
                    continue
                if key in first:
                    values = [f"{fields[n].column_name} {_plain(v)}"
                              for n, v in zip(group, key, strict=True)]
                    same = values[0]
                    for more in values[1:]:
                        same = _("{first} and {second}").format(first=same, second=more)
                    problems.append(_("{place}: duplicates row {row} (same {values})").format(
                        place=place(name, i), row=first[key] + 1, values=same))
                else:
                    first[key] = i
    return problems


def journal_problems(parsed: dict[type[m.BaseModel], list[dict[str, Any]]]) -> list[str]:
    """What the app keeps true of a journal and a row alone cannot say, with table and row:
    one profile, at most one primary pain site (none: the main one is marked), one active
    programme, no site pain for the main site, setting keys of a journal, a journal id
    as the app makes it.

    Returns:
        e.g. "table pain_site, row 2, field primary: only one pain site can be the primary
        one (row 1 is primary too)".
    """
    problems: list[str] = _Problems()
    profiles = parsed.get(m.Profile, [])
    for i in range(1, len(profiles)):
        problems.append(_("{place}: a journal has one profile (row 1 is it)").format(
            place=place("profile", i)))
    problems += _one_of("pain_site", parsed.get(m.PainSite, []), "primary",
                        N_("{place}: only one pain site can be the primary one (row {row} is "
                           "{column} too)"))
    problems += _one_of("programme", parsed.get(m.Programme, []), "active",
                        N_("{place}: only one programme can be active (row {row} is {column} "
                           "too)"))
    sites = parsed.get(m.PainSite, [])
    if sites and not any(r.get("primary") for r in sites):
        # an export made before 2026-11-30 of a journal whose CSV import made its sites
        # without marking one: the site the app took as the main one becomes primary (the
        # file is the app's own and must come back whole)
        main = min(sites, key=lambda r: (bool(r.get("archived")), r.get("id")))
        main["primary"] = True
    if sites:  # journal_repo.main_site_id's order: not archived, primary, then by id
        main = min(sites, key=lambda r: (bool(r.get("archived")), not r.get("primary"),
                                         r.get("id")))["id"]
        for i, row in enumerate(parsed.get(m.CheckInSitePain, [])):
            if row.get("site") == main:
                problems.append(
                    _("{place}: {site} is the primary pain site, whose morning pain is the "
                      "check-in's morning_pain, not a site pain").format(
                          place=place("check_in_site_pain", i, "site_id"), site=main))
    for i, row in enumerate(parsed.get(m.Setting, [])):
        problems += _setting_problems(i, row.get("key"), row.get("value"))
    return problems


def _one_of(table: str, rows: list[dict[str, Any]], column: str, what: str) -> list[str]:
    """Every row after the first with ``column`` true: ``what`` (marked with ``N_``, with
    the placeholders {place}, {row} and {column}): "PLACE: ... (row N is COLUMN too)"."""
    marked = [i for i, r in enumerate(rows) if r.get(column)]
    return [_(what).format(place=place(table, i, column), row=marked[0] + 1, column=column)
            for i in marked[1:]]


def _setting_problems(i: int, key: Any, value: Any) -> list[str]:
    """A ``setting`` row's key (a journal option's name) and the journal id's value."""
    where = place("setting", i, "key")
    if key == "thresholds":
        return [_("{place}: \"thresholds\" is the one row of a schema 2 file; from schema 3 "
                  "a journal has one row per threshold (thresholds.acceptable_pain "
                  "...)").format(place=where)]
    if not isinstance(key, str) or len(key) > 100 or not _SETTING_KEY.fullmatch(key):
        return [_("{place}: must be the name of a journal option, such as "
                  "thresholds.acceptable_pain (got {value})").format(
                      place=where, value=json_input.shown(key))]
    if key.partition(".")[0] not in JOURNAL_SETTING_GROUPS:
        return [_("{place}: {key} is not an option of a journal (those start with {groups} "
                  "or {last}): an option of each computer, such as the window's size, stays "
                  "on that computer").format(
                      place=where, key=json_input.shown(key),
                      groups=", ".join(g + "." for g in JOURNAL_SETTING_GROUPS[:-1]),
                      last=JOURNAL_SETTING_GROUPS[-1] + ".")]
    if key == JOURNAL_ID_KEY:
        try:
            ident = json.loads(value)
        except (TypeError, ValueError):
            ident = value
        if not isinstance(ident, str) or not _JOURNAL_ID.fullmatch(ident):
            return [_("{place}: the journal id must be 32 hexadecimal digits (0-9, a-f) in "
                      "quotes, as the app makes it (got {value})").format(
                          place=place("setting", i, "value"), value=json_input.shown(ident))]
    return []


def _plain(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return json_input.shown(value) if isinstance(value, str) else str(value)


Check = Callable[[dict[str, list[dict[str, Any]]]], list[str]]
"""More checks of the converted rows ({table name: rows of {field name: value}}), e.g. the
settings (services.exports); returns problems, each "table T, row N, field F: reason"."""


def parse_tables(data: Any, check: Check | None = None,
                 ) -> dict[type[m.BaseModel], list[dict[str, Any]]]:
    """Check a full-export document and convert its rows to column values.

    Every value goes through ``domain.validation`` (ranges, choices, codes, dates
    1900-2100, text without NUL) with its place; then links between rows and unique values
    are checked here, so that SQLite never has to refuse anything. A file from an older
    schema is checked as it is, then brought to the newest (``upgrade_tables``) and checked
    again.

    Args:
        check: more checks of the converted rows (``Check``), run when all else is fine.

    Raises:
        FullImportError: listing the problems (checking stops after ``MAX_PROBLEMS``), e.g.
            "table check_in, row 4, field morning_pain: Morning pain must be a whole number
            from 0 to 10 (got 99)".
    """
    try:
        return _parse_tables(data, check)
    except _TooMany as exc:
        raise FullImportError(exc.args[0], stopped=True) from None


def _parse_tables(data: Any, check: Check | None) -> dict[type[m.BaseModel], list[dict]]:
    problems = _check_header(data)
    if problems:
        raise FullImportError(problems)
    tables = data["tables"]
    if data["schema"] < migrations.LATEST:
        problems = _parse_rows(tables, legacy=True)[1]
        if problems:
            raise FullImportError(problems)
        try:
            tables = upgrade_tables(tables, data["schema"])
        except (TypeError, ValueError, KeyError, AttributeError) as exc:  # pragma: no cover
            raise FullImportError([_("the file of schema {schema} could not be brought up to "
                                     "date ({reason})").format(
                                         schema=data["schema"],
                                         reason=f"{type(exc).__name__}: {exc}")]) from None
    parsed, problems = _parse_rows(tables)
    if not problems:
        problems = relation_problems(parsed)
    if not problems:
        problems = journal_problems(parsed)
    if not problems and check is not None:
        problems = check({table_name(model): rows for model, rows in parsed.items()})
    if problems:
        raise FullImportError(problems)
    return parsed


MAX_FILE_MB = 200
"""A full export larger than this is refused before it is read (a 10-year journal with
daily sessions and exercise logs is about 15 MB)."""
MAX_DEPTH = 20
"""Nesting refused before parsing (a full export nests 4 levels: file, tables, rows, row)."""


def read_file(path: Path | str) -> Any:
    """Read a full-export file as JSON within the limits (``store.json_input``).

    A UTF-8 byte order mark is accepted. Numbers the journal cannot hold (NaN, Infinity,
    1e400, integers of 2**63 and more, 5,000 digits) are kept as ``json_input.BadNumber``
    for ``parse_tables`` to report with their place.

    Raises:
        FullImportError: "FILE is too large (N MB; the limit is 200 MB).", "FILE is too
            deeply nested (more than 20 levels); ...", not UTF-8, not JSON.
        OSError: the file cannot be read.
    """
    try:
        return json_input.load(path, max_bytes=MAX_FILE_MB * 1_000_000, max_depth=MAX_DEPTH)
    except json_input.JsonInputError as exc:
        raise FullImportError([str(exc).rstrip(".")]) from None


_ROW_COUNTS: dict[str, Callable[[int], str]] = {
    "check_in": lambda n: ngettext("{n} check-in", "{n} check-ins", n),
    "activity_session": lambda n: ngettext("{n} session", "{n} sessions", n),
    "activity_file": lambda n: ngettext("{n} activity file", "{n} activity files", n),
    "pain_site": lambda n: ngettext("{n} pain site", "{n} pain sites", n),
    "red_flag": lambda n: ngettext("{n} red flag", "{n} red flags", n),
    "exercise_log": lambda n: ngettext("{n} exercise log", "{n} exercise logs", n),
    "outcome_response": lambda n: ngettext("{n} questionnaire", "{n} questionnaires", n),
    "prescription_change": lambda n: ngettext("{n} dose change", "{n} dose changes", n),
    "profile": lambda n: ngettext("{n} profile", "{n} profiles", n),
    "check_in_site_pain": lambda n: ngettext("{n} check in site pain",
                                             "{n} check in site pains", n),
    "session_site_pain": lambda n: ngettext("{n} session site pain",
                                            "{n} session site pains", n),
    "event": lambda n: ngettext("{n} event", "{n} events", n),
    "exercise": lambda n: ngettext("{n} exercise", "{n} exercises", n),
    "programme": lambda n: ngettext("{n} programme", "{n} programmes", n),
    "phase": lambda n: ngettext("{n} phase", "{n} phases", n),
    "prescription": lambda n: ngettext("{n} prescription", "{n} prescriptions", n),
    "question": lambda n: ngettext("{n} question", "{n} questions", n),
    "setting": lambda n: ngettext("{n} setting", "{n} settings", n),
}


def _count_words(table: str, n: int) -> str:
    """ "3652 check-ins", "1 session" """
    counted = _ROW_COUNTS.get(table)
    if counted is not None:
        return counted(n).format(n=n)
    word = table.replace("_", " ")
    return ngettext("{n} {table}", "{n} {table}s", n).format(n=n, table=word)


def import_data(data: Any, *, backup: bool = True, check: Check | None = None
                ) -> dict[str, int]:
    """Import a full-export document into the open, empty journal; returns rows per table.

    Args:
        backup: save a copy of the journal in ``backups/`` first.
        check: more checks of the converted rows (see ``parse_tables``).

    Raises:
        FullImportError: the document has problems, or the journal is not empty; the
            journal is unchanged.
        StorageError: the pre-import copy could not be made ("No space left on device in
            DIR: the backup needs about N MB ...", busy, the journal failed its check);
            nothing was written and no copy is left.
    """
    parsed = parse_tables(data, check)
    existing = user_rows()
    if existing:
        what = ", ".join(_count_words(t, n) for t, n in existing.items())
        raise FullImportError([
            _("the journal is not empty (it has {rows}). A full import only goes into an "
              "empty journal: start a new journal (another data folder) and import "
              "there").format(rows=what)
        ])
    database = m.database
    if backup and database.obj is not None:
        # a checked copy first (encrypted like the journal); when it cannot be made (disk
        # full, journal busy or damaged) the import stops here, before any write
        from .backups import backup_of_open

        backup_of_open("pre-import")  # None for an in-memory journal: no copy
    try:
        with database.atomic():
            database.execute_sql("PRAGMA defer_foreign_keys = ON")
            # shipped exercises come back with the file's ids
            m.Exercise.delete().execute()
            if any(r["key"] == JOURNAL_ID_KEY for r in parsed.get(m.Setting, [])):
                # the file's journal keeps its calendar id (its events update, not double)
                m.Setting.delete().where(m.Setting.key == JOURNAL_ID_KEY).execute()
            for model, rows in parsed.items():
                for values in rows:
                    model.insert(values).execute()
            from .library import sync_shipped_exercises

            sync_shipped_exercises()  # library exercises the file did not mention
    except (PeeweeException, OverflowError, UnicodeError) as exc:
        # parse_tables checks what SQLite would refuse; this is the last guard
        raise FullImportError([_("the file does not fit together: {reason}").format(
            reason=exc)]) from exc
    return {table_name(mod): len(rows) for mod, rows in parsed.items()}


def import_all(path: Path | str, check: Check | None = None) -> dict[str, int]:
    """Read and import a full-export file into the open, empty journal, all or nothing
    (``read_file``, then ``import_data``)."""
    return import_data(read_file(path), check=check)
