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
from datetime import date, datetime
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
)

from ..errors import ImportFileError
from . import migrations, safe_write
from . import models as m

FORMAT = "rehabjournal-journal"
VERSION = 1
MODELS: tuple[type[m.BaseModel], ...] = m.ALL_MODELS  # parents before children
SHIPPED_KEYS = ("id", "slug", "shipped", "archived")


class FullImportError(ImportFileError):
    """The file was not imported; ``problems`` says why (the journal is unchanged)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        self.total = len(problems)
        self.where = None
        Exception.__init__(self, "; ".join(problems[:5]) + (" ..." if len(problems) > 5 else ""))


def table_name(model: type[m.BaseModel]) -> str:
    return model._meta.table_name


def _to_json(field: Field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, DateTimeField):
        return value.isoformat() if isinstance(value, datetime) else str(value)
    if isinstance(field, DateField):
        return value.isoformat() if isinstance(value, date) else str(value)
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
                      what: str = "the export") -> None:
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
        n = q.count()
        if n:
            counts[table_name(model)] = n
    return counts


def _from_json(field: Field, value: Any) -> Any:
    """Convert and check one value; raises ValueError with a reason."""
    if value is None:
        if not field.null and not field.primary_key:
            raise ValueError("is empty but is required")
        return None
    if isinstance(field, ForeignKeyField) or (
        isinstance(field, IntegerField) and not isinstance(field, BooleanField)
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be a whole number (got {value!r})")
        return value
    if isinstance(field, FloatField):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"must be a number (got {value!r})")
        return value
    if isinstance(field, BooleanField):
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false (got {value!r})")
        return value
    if isinstance(field, DateTimeField):
        if not isinstance(value, str):
            raise ValueError(f"must be an ISO 8601 date and time (got {value!r})")
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"must be an ISO 8601 date and time (got {value!r})") from None
    if isinstance(field, DateField):
        if not isinstance(value, str):
            raise ValueError(f"must be an ISO 8601 date (got {value!r})")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"must be an ISO 8601 date, YYYY-MM-DD (got {value!r})") from None
    if not isinstance(value, str):
        raise ValueError(f"must be text (got {value!r})")
    return value


def _check_header(data: Any) -> list[str]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return ["this is not a rehabjournal full export (its \"format\" is not "
                f"\"{FORMAT}\")"]
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        return ["\"version\" must be a whole number"]
    if version > VERSION:
        return [f"the file is in export format version {version}, made by a newer "
                f"rehabjournal; this version reads up to {VERSION}: update rehabjournal"]
    schema = data.get("schema")
    if not isinstance(schema, int) or schema < 1:
        return ["\"schema\" must be a whole number"]
    if schema > migrations.LATEST:
        return [f"the file comes from a newer journal (schema {schema}; this version reads "
                f"up to {migrations.LATEST}): update rehabjournal"]
    if not isinstance(data.get("tables"), dict):
        return ["\"tables\" is missing"]
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


def parse_tables(data: Any) -> dict[type[m.BaseModel], list[dict[str, Any]]]:
    """Check a full-export document and convert its rows to column values.

    A file from an older schema is first brought to the newest (``upgrade_tables``).

    Raises:
        FullImportError: listing every problem, e.g.
            "tables.check_in[3].morning_pain: must be a whole number (got 'x')".
    """
    problems = _check_header(data)
    if problems:
        raise FullImportError(problems)
    tables = upgrade_tables(data["tables"], data["schema"])
    known = {table_name(mod): mod for mod in MODELS}
    for name in tables:
        if name not in known:
            problems.append(f"tables.{name}: unknown table")
    library: dict[str, dict] | None = None
    parsed: dict[type[m.BaseModel], list[dict[str, Any]]] = {}
    for name, model in known.items():
        rows = tables.get(name, [])
        if not isinstance(rows, list):
            problems.append(f"tables.{name}: must be a list of rows")
            continue
        columns = {f.column_name: f for f in model._meta.sorted_fields}
        pk = model._meta.primary_key
        seen: set[Any] = set()
        out = []
        for i, row in enumerate(rows):
            where = f"tables.{name}[{i}]"
            if not isinstance(row, dict):
                problems.append(f"{where}: must be an object")
                continue
            if model is m.Exercise and row.get("shipped") is True:
                if library is None:
                    from .library import exercise_row_values, load_library_file

                    library = {e["slug"]: exercise_row_values(e) for e in load_library_file()}
                extra = set(row) - set(SHIPPED_KEYS) - set(columns)
                if extra:
                    problems.append(f"{where}: unknown column {sorted(extra)[0]!r}")
                slug = row.get("slug")
                if slug not in library:
                    problems.append(
                        f"{where}: shipped exercise {slug!r} is not in this version's "
                        "exercise library"
                    )
                    continue
                row = {**library[slug], "id": row.get("id"), "shipped": True,
                       "archived": row.get("archived", False)}
            values: dict[str, Any] = {}
            for col in row:
                if col not in columns:
                    problems.append(f"{where}: unknown column {col!r}")
            for col, field in columns.items():
                if col not in row:
                    if field.primary_key:
                        problems.append(f"{where}.{col}: is missing")
                        continue
                    if field.default is None and not field.null:
                        problems.append(f"{where}.{col}: is missing")
                    continue  # the column's default (a file from an older schema)
                try:
                    values[field.name] = _from_json(field, row[col])
                except ValueError as exc:
                    problems.append(f"{where}.{col}: {exc}")
            key = values.get(pk.name)
            if key is not None:
                if key in seen:
                    problems.append(f"{where}.{pk.column_name}: {key!r} is used twice")
                seen.add(key)
            out.append(values)
        parsed[model] = out
    if problems:
        raise FullImportError(problems)
    return parsed


def read_file(path: Path | str) -> Any:
    """Read a full-export file as JSON. Raises FullImportError (or OSError)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FullImportError([f"{path.name} is not UTF-8 text ({exc.reason})"]) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FullImportError(
            [f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
             f"{exc.msg})"]
        ) from exc


_ROW_WORDS = {"check_in": "check-in", "activity_session": "session", "pain_site": "pain site",
              "red_flag": "red flag", "exercise_log": "exercise log",
              "outcome_response": "questionnaire", "prescription_change": "dose change"}


def _count_words(table: str, n: int) -> str:
    """ "3652 check-ins", "1 session" """
    word = _ROW_WORDS.get(table, table.replace("_", " "))
    return f"{n} {word}{'' if n == 1 else 's'}"


def import_data(data: Any, *, backup: bool = True) -> dict[str, int]:
    """Import a full-export document into the open, empty journal; returns rows per table.

    Raises:
        FullImportError: the document has problems, or the journal is not empty; the
            journal is unchanged.
        StorageError: the pre-import copy could not be made ("No space left on device in
            DIR: the backup needs about N MB ...", busy, the journal failed its check);
            nothing was written and no copy is left.
    """
    parsed = parse_tables(data)
    existing = user_rows()
    if existing:
        what = ", ".join(_count_words(t, n) for t, n in existing.items())
        raise FullImportError([
            "the journal is not empty (it has " + what + "). A full import only goes into "
            "an empty journal: start a new journal (another data folder) and import there"
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
            for model, rows in parsed.items():
                for values in rows:
                    model.insert(values).execute()
            from .library import sync_shipped_exercises

            sync_shipped_exercises()  # library exercises the file did not mention
    except PeeweeException as exc:
        raise FullImportError([f"the file does not fit together: {exc}"]) from exc
    return {table_name(mod): len(rows) for mod, rows in parsed.items()}


def import_all(path: Path | str) -> dict[str, int]:
    """Read and import a full-export file into the open, empty journal, all or nothing."""
    return import_data(read_file(path))
