"""CSV import and export of the journal (the format is described in docs/csv-format.md).

One row per activity session; rows of the same date share the day's fields (the morning
check-in and the red flags). Import is all-or-nothing: the whole file is parsed and checked
against the journal first, every problem is collected with its line and column, and only a
file without problems is written, in one transaction, after a backup copy of the journal.

Design choices (documented in docs/csv-format.md):

- ``notes`` is the day's note (check-in notes); the activity's own note is in the optional
  ``session_notes`` column. ``distance_km``, ``pain_site``, ``sleep_quality`` and ``stress``
  are optional extension columns so that export then import gives back the same journal.
- A session already in the journal (same date, activity, minutes, rpe, the four pains and
  distance) is skipped; duplicates are counted, so two identical sessions in the file
  against one in the journal add one.
- A day field equal to the stored value is skipped, one filling an empty stored value is
  written, one that differs from a non-empty stored value is an error (never overwritten).
- ``next_morning_pain`` is not stored with the session (schema 4): it is the next day's
  morning pain at the session's pain site (``DayRecord.morning_pain_at``). Import fills
  that value like a day field of the next day (a different value in the file or in the
  journal is a problem with its line); export writes it from there.
- Red flags are added to the day's stored flags; flags already stored and absent from the
  file are kept.
- Dialects (issue 17): the separator is the one of ``,``, ``;`` and tab that splits the
  header line into the most known column names (``_sniff``); a ``;`` or tab file may write
  decimals with a comma (``7,5``). The report names what was read ("semicolon-separated
  with decimal commas"). Export writes ``,`` by default, ``;`` (with decimal commas) on
  request.
- Formula-safe (issue 17, OWASP's CSV-injection advice): a text cell starting with ``=``,
  ``+``, ``-``, ``@``, tab or CR (after any apostrophes) is exported with one leading
  apostrophe, and import removes exactly that apostrophe, so export -> import -> export is
  exact. Number columns are never prefixed (valid data has no negative numbers).
- Values are checked by ``domain.validation`` (ASCII digits, finite numbers, dates
  1900-01-01..2100-12-31, no NUL), the same rules as every other way data enters.
- No double counting (issue 13): a "rehab exercises" row on a day that has the session
  the app made from the exercise logs is merged into that session the way a session typed
  on Today is (``domain.rehab_session.merged_values``), not added beside it; the report
  says so in a line of its warnings ("line N: ... merged ...").
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import rehab_session as rs
from ..domain import scales, validation
from ..errors import ImportFileError, ValidationError
from ..i18n import N_, _, ngettext
from . import journal_repo, json_input, safe_write
from . import models as m

# The columns of the specification, in order, then the extensions of this app.
BASE_COLUMNS: tuple[str, ...] = (
    "date",
    "morning_pain",
    "stiffness_min",
    "swelling",
    "sleep_hours",
    "activity",
    "duration_min",
    "rpe",
    "pain_before",
    "pain_during",
    "pain_after",
    "next_morning_pain",
    "red_flags",
    "notes",
)
EXTENSION_COLUMNS: tuple[str, ...] = (
    "sleep_quality",
    "stress",
    "distance_km",
    "pain_site",
    "session_notes",
)
COLUMNS: tuple[str, ...] = BASE_COLUMNS + EXTENSION_COLUMNS
"""Every column, in the order export writes them."""

# Day fields: CSV column -> CheckIn field. red_flags is a day field too (own table).
CHECKIN_COLUMNS: dict[str, str] = {
    "morning_pain": "morning_pain",
    "stiffness_min": "stiffness_min",
    "swelling": "swelling",
    "sleep_hours": "sleep_hours",
    "sleep_quality": "sleep_quality",
    "stress": "stress",
    "notes": "notes",
}
DAY_COLUMNS: tuple[str, ...] = (*CHECKIN_COLUMNS, "red_flags")
# Session fields: CSV column -> ActivitySession field.
SESSION_COLUMNS: dict[str, str] = {
    "activity": "kind",
    "duration_min": "minutes",
    "rpe": "rpe",
    "distance_km": "distance_km",
    "pain_before": "pain_before",
    "pain_during": "pain_during",
    "pain_after": "pain_after",
    "pain_site": "site",
    "session_notes": "notes",
}
#: The session column that is not a session field: the next day's morning pain at the
#: session's site (see the module docstring).
NEXT_MORNING = "next_morning_pain"
# What makes two sessions "the same" for a repeated import.
SESSION_KEY_FIELDS: tuple[str, ...] = (
    "kind", "minutes", "rpe", "pain_before", "pain_during", "pain_after", "distance_km",
)

MAX_MESSAGES = 50
_FIELD_SIZE_LIMIT = 256 * 1024 * 1024  # a cell may hold a long note


# CSV column -> (table, field) of domain.validation.FIELD_RULES
_RULES: dict[str, tuple[str, str]] = {
    **{col: ("check_in", fname) for col, fname in CHECKIN_COLUMNS.items()},
    **{col: ("activity_session", fname) for col, fname in SESSION_COLUMNS.items()
       if fname != "site"},
    "pain_site": ("pain_site", "label"),  # a site's label: check_label's one rule
    NEXT_MORNING: ("activity_session", NEXT_MORNING),
    "red_flags": ("red_flag", "codes"),
}
_WHOLE = {
    "morning_pain", "stiffness_min", "sleep_quality", "stress", "duration_min", "rpe",
    "pain_before", "pain_during", "pain_after", "next_morning_pain",
}
_REAL = {"sleep_hours", "distance_km"}

#: Separators a file may use: character -> the words of the import report.
DELIMITERS: dict[str, str] = {",": "comma", ";": "semicolon", "\t": "tab"}
#: How a file was read, in the import report's words (separator, decimal commas).
_DIALECTS: dict[tuple[str, bool], str] = {
    (",", False): N_("comma-separated"),
    (",", True): N_("comma-separated with decimal commas"),
    (";", False): N_("semicolon-separated"),
    (";", True): N_("semicolon-separated with decimal commas"),
    ("\t", False): N_("tab-separated"),
    ("\t", True): N_("tab-separated with decimal commas"),
}
#: Text cells that may hold anything a person writes (formula-safe on export).
TEXT_COLUMNS: frozenset[str] = frozenset({"activity", "pain_site", "notes", "session_notes"})
#: What a spreadsheet may take for the start of a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: str) -> str:
    """The cell as export writes it: one apostrophe before a cell a spreadsheet would run.

    A cell whose first character after any leading apostrophes is one of
    ``FORMULA_STARTS`` gets one more apostrophe in front (``=1+1`` -> ``'=1+1``,
    ``'=x`` -> ``''=x``); ``unprefix`` undoes exactly this, so the round trip is exact.
    """
    rest = cell.lstrip("'")
    return "'" + cell if rest.startswith(FORMULA_STARTS) else cell


def unprefix(cell: str) -> str:
    """Undo ``formula_safe``: drop one apostrophe from ``'=...`` (``'tis`` is kept)."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


class CsvImportError(ImportFileError):
    """The file cannot be imported; nothing was written.

    Attributes:
        problems: messages "line N, column X: reason", at most 50 plus a last
            "and N more problems" line.
        total: how many problems were found in all.
    """

    def __init__(self, problems: list[str]):
        self.total = len(problems)
        shown = list(problems[:MAX_MESSAGES])
        if self.total > MAX_MESSAGES:
            more = self.total - MAX_MESSAGES
            shown.append(ngettext("and {n} more problems", "and {n} more problems", more)
                         .format(n=more))
        self.problems = shown
        self.where = None
        listed = "; ".join(shown[:3]) + (" ..." if len(shown) > 3 else "")
        Exception.__init__(
            self,
            ngettext("{n} problem in the file; nothing was imported: {problems}",
                     "{n} problems in the file; nothing was imported: {problems}",
                     self.total).format(n=self.total, problems=listed)
        )


@dataclass
class ImportReport:
    """What an import did (all zero and no backup when the file added nothing)."""

    days: int = 0
    sessions_added: int = 0
    sessions_merged: int = 0
    sessions_skipped: int = 0
    checkins_written: int = 0
    red_flags_added: int = 0
    warnings: list[str] = field(default_factory=list)
    backup: Path | None = None
    dialect: str = _DIALECTS[",", False]  # how the file was read, for the summary (translated)


@dataclass
class SessionPlan:
    line: int
    values: dict[str, Any]  # ActivitySession field -> value; "site" holds a label or ""
    next_morning: int | None = None  # the row's next_morning_pain

    def key(self) -> tuple:
        return tuple(self.values.get(k) for k in SESSION_KEY_FIELDS)


@dataclass
class DayPlan:
    day: date
    checkin: dict[str, Any] = field(default_factory=dict)  # CheckIn field -> value
    lines: dict[str, int] = field(default_factory=dict)  # column -> line it came from
    red_flags: tuple[str, ...] | None = None  # None: no red_flags cell on any row
    sessions: list[SessionPlan] = field(default_factory=list)


@dataclass
class ImportPlan:
    """A parsed, validated file: what it says, day by day (no journal checks yet)."""

    days: dict[date, DayPlan]
    warnings: list[str]
    dialect: str = _DIALECTS[",", False]


# ---- parsing -------------------------------------------------------------------------------

def _read_text(path: Path) -> str:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise CsvImportError([_("file {path}: not found").format(path=path)]) from exc
    except OSError as exc:
        raise CsvImportError([_("file {path}: cannot be read ({reason})").format(
            path=path, reason=exc.strerror)]) from exc
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvImportError([_("line 1: the file is UTF-16 or UTF-32 text (as Excel's "
                                "\"Unicode text\" writes); save it as CSV UTF-8")])
    unmarked = json_input.unmarked_encoding(raw)
    if unmarked:
        raise CsvImportError([_("line 1: the file is {encoding} text without a byte-order "
                                "mark; save it as CSV UTF-8").format(encoding=unmarked)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CsvImportError(
            [_("line {line}: the file is not UTF-8 text (byte {byte}); save it as CSV "
               "UTF-8").format(line=line, byte=exc.start + 1)]
        ) from exc


def place(line: int, column: str) -> str:
    """Where a cell is, as messages say it: "line 4, column sleep_hours" (the column's
    name as the file has it, never translated)."""
    return _("line {line}, column {column}").format(line=line, column=column)


def _parse_date(text: str, where: str) -> tuple[date | None, str | None]:
    """(the date, None) or (None, the message "where: why")."""
    try:
        return validation.parse_date(text, where), None
    except ValidationError as exc:
        return None, str(exc)


def _parse_value(column: str, text: str, place: str, *,
                 decimal_comma: bool = False) -> tuple[Any, str | None]:
    """Turn one non-blank cell into a value; returns (value, message "place: why" or None).

    Numbers, grades, codes and text are checked by ``domain.validation.check_field``;
    a text cell loses the apostrophe that export's ``formula_safe`` put before it.
    """
    if column in TEXT_COLUMNS:
        text = unprefix(text)
    table, fname = _RULES[column]
    try:
        value = validation.check_field(table, fname, text, place, decimal_comma=decimal_comma)
    except ValidationError as exc:
        return None, str(exc)
    if column in ("activity", "pain_site"):
        return value.strip(), None
    return value, None  # notes, session_notes: kept exactly


def _blank(text: str | None, column: str = "") -> bool:
    """Whether a cell is "not given"; a note is blank only when empty (spaces are kept)."""
    if text is None:
        return True
    return text == "" if column in _TEXT_KEPT else not text.strip()


_TEXT_KEPT = {"notes", "session_notes"}


def parse_csv(path: Path | str) -> ImportPlan:
    """Read and check a CSV file without touching the journal.

    The separator (``,``, ``;`` or tab) is the one that splits the header line into the
    most known column names (``_sniff``); a ``;`` or tab file may write decimal commas.

    Returns:
        The plan: each date's check-in values, red flags and sessions, warnings
        (unknown columns) and the dialect read ("semicolon-separated with decimal commas").

    Raises:
        CsvImportError: with every problem found (line, column and reason).
    """
    text = _read_text(Path(path))
    problems: list[str] = []
    warnings: list[str] = []
    first, skipped = _separator_line(text)
    if first:  # Excel's "sep=;" line: the separator, then the header on line 2
        delimiter = first
        text = re.split(r"\r\n|\r|\n", text, maxsplit=1)[1] if skipped else ""
    else:
        delimiter = _sniff(text)
    decimal_comma = delimiter != ","
    used_comma = False
    old_limit = csv.field_size_limit(_FIELD_SIZE_LIMIT)
    try:
        rows = [(line + skipped, record) for line, record in _records(text, problems,
                                                                          delimiter)]
    finally:
        csv.field_size_limit(old_limit)
    if not rows:
        if not problems:
            problems.append(_("line 1: the file is empty; it needs a header row with a date "
                              "column"))
        raise CsvImportError(problems)
    header_line, header = rows[0]
    columns: dict[int, str] = {}
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        key = name.strip().lower()
        if not key:
            continue
        if key in seen:
            problems.append(
                _("line {line}, column {column}: the column appears twice (columns {first} "
                  "and {second})").format(line=header_line, column=key, first=seen[key] + 1,
                                          second=index + 1)
            )
            continue
        seen[key] = index
        if key in COLUMNS:
            columns[index] = key
        else:
            warnings.append(_("line {line}, column {column}: unknown column, ignored").format(
                line=header_line, column=_short(name.strip())))
    if "date" not in seen:
        shown = [_short(h.strip()) for h in header if h.strip()]
        found = ", ".join(shown[:20]) + (" ..." if len(shown) > 20 else "") or _("nothing")
        problems.append(
            _("line {line}, column date: the header has no date column (read as {dialect}, "
              "found: {found}; expected column names separated by commas, semicolons or "
              "tabs, e.g. {example},...: see docs/csv-format.md)").format(
                  line=header_line, dialect=_dialect_words(delimiter), found=found,
                  example=",".join(BASE_COLUMNS[:6]))
        )
        raise CsvImportError(problems)

    days: dict[date, DayPlan] = {}
    for line, record in rows[1:]:
        if all(_blank(c) for c in record):
            continue  # an empty line
        if len(record) > len(header):
            extra = record[len(header):]
            if any(not _blank(c) for c in extra):
                problems.append(_too_many_values(line, record, header, delimiter, columns))
                continue
        if len(header) > 1 and len(record) == 1 and (other := _other_separator(
                record[0], delimiter)):
            problems.append(
                _("line {line}: the row is separated by {row_separator} but the header by "
                  "{header_separator} (1 value, the header has {columns} columns); one file "
                  "must use one separator").format(
                      line=line, row_separator=_separator_words(other),
                      header_separator=_separator_words(delimiter), columns=len(header))
            )
            continue
        cells = {col: record[i] for i, col in columns.items() if i < len(record)}
        row_problems: list[str] = []
        day, message = _parse_date(cells.get("date", ""), place(line, "date"))
        if message:
            row_problems.append(message)
        values: dict[str, Any] = {}
        for col, raw in cells.items():
            if col == "date" or _blank(raw, col):
                continue
            value, message = _parse_value(col, raw, place(line, col),
                                          decimal_comma=decimal_comma)
            if message:
                row_problems.append(message)
            else:
                values[col] = value
                if decimal_comma and (col in _WHOLE or col in _REAL) and "," in raw:
                    used_comma = True
        has_session_values = [
            c for c in (*SESSION_COLUMNS, NEXT_MORNING)
            if c != "activity" and not _blank(cells.get(c), c)
        ]
        if _blank(cells.get("activity")):
            if has_session_values:
                row_problems.append(
                    _("line {line}, column activity: the row has session values ({columns}) "
                      "but no activity").format(line=line,
                                                columns=", ".join(has_session_values))
                )
        elif _blank(cells.get("duration_min")):
            row_problems.append(
                _("line {line}, column duration_min: a session needs its duration in "
                  "minutes").format(line=line)
            )
        if row_problems or day is None:
            problems.extend(row_problems)
            continue
        plan = days.setdefault(day, DayPlan(day))
        _merge_day(plan, line, values, problems)
        if values.get("activity"):
            session = {
                SESSION_COLUMNS[c]: values.get(c) for c in SESSION_COLUMNS
            }
            session["notes"] = session["notes"] or ""
            session["site"] = session["site"] or ""
            plan.sessions.append(SessionPlan(line, session, values.get(NEXT_MORNING)))
    if problems:
        raise CsvImportError(problems)
    return ImportPlan(days=dict(sorted(days.items())), warnings=warnings,
                      dialect=_dialect_words(delimiter, used_comma))


MAX_WARNINGS = 20
"""Warnings shown of an import (a file of 5,000 unknown columns has 5,000), then "and N
more warnings"."""
_SEP_LINE = re.compile(r"sep=(,|;|\t|\\t)[,;\t]*", re.IGNORECASE)


def capped(warnings: list[str]) -> list[str]:
    """The first ``MAX_WARNINGS`` warnings, and "and N more warnings" for the rest."""
    if len(warnings) <= MAX_WARNINGS:
        return list(warnings)
    more = len(warnings) - MAX_WARNINGS
    return [*warnings[:MAX_WARNINGS],
            ngettext("and {n} more warnings", "and {n} more warnings", more).format(n=more)]


def _separator_line(text: str) -> tuple[str | None, int]:
    """Excel's first line ``sep=;`` (also ``sep=,``, ``sep=`` and a tab or ``\\t``):
    (the separator, 1: lines it takes), or (None, 0) when the file has none."""
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)
    match = _SEP_LINE.fullmatch(first[0].strip(" "))
    if not match:
        return None, 0
    sep = match.group(1)
    return ("\t" if sep.lower() == "\\t" else sep), (1 if len(first) > 1 else 0)


def _short(text: str, limit: int = 40) -> str:
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:limit])
    return shown + ("..." if len(text) > limit else "")


def _dialect_words(delimiter: str, decimal_comma: bool = False) -> str:
    """"comma-separated", "semicolon-separated with decimal commas", "tab-separated"
    (in the current language)."""
    return _(_DIALECTS[delimiter, decimal_comma])


def _separator_words(delimiter: str) -> str:
    """"commas", "semicolons", "tabs" (in the current language)."""
    return {",": _("commas"), ";": _("semicolons"), "\t": _("tabs")}[delimiter]


def _sniff(text: str) -> str:
    """The separator of the file: ``,``, ``;`` or tab.

    The rule (documented in docs/csv-format.md): the header line is split by each of the
    three; the one giving the most known column names wins, then the one giving the most
    cells; a tie (or a header of one column) is a comma. Only the header is used, so a
    note full of semicolons in a comma file cannot change the separator.
    """
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        known = sum(1 for c in cells if c.strip().lower() in COLUMNS)
        score = (known, len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _other_separator(cell: str, delimiter: str) -> str | None:
    """The separator a one-cell row seems to use instead of the header's, or None."""
    for other in DELIMITERS:
        if other != delimiter and other in cell and _DATE_START.match(cell):
            return other
    return None


_DATE_START = re.compile(r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*[,;\t]")
_SPLIT_NUMBER = re.compile(r"^\s*[0-9]+\s*$")


def _split_hint(record: list[str], delimiter: str,
                columns: dict[int, str]) -> tuple[str, str] | None:
    """The two halves of what seems a decimal comma (``7,5``) split into two cells of a
    decimal column (``sleep_hours``, ``distance_km``) of a comma-separated row, or None."""
    if delimiter != ",":
        return None
    for i in (i for i in range(len(record) - 1) if columns.get(i) in _REAL):
        a, b = record[i], record[i + 1]
        if _SPLIT_NUMBER.match(a) and _SPLIT_NUMBER.match(b) and len(b.strip()) <= 2:
            return a.strip(), b.strip()
    return None


def _too_many_values(line: int, record: list[str], header: list[str], delimiter: str,
                     columns: dict[int, str]) -> str:
    """"line N: 5 values but the header has 4 columns", with a hint when a decimal comma
    seems to have split a number into two cells."""
    hint = _split_hint(record, delimiter, columns)
    if hint is None:
        return _("line {line}: {values} values but the header has {columns} columns").format(
            line=line, values=len(record), columns=len(header))
    return _("line {line}: {values} values but the header has {columns} columns (a decimal "
             "comma? “{whole},{fraction}” splits into two cells in a comma-separated file: "
             "write {whole}.{fraction}, or use ; as the separator)").format(
                 line=line, values=len(record), columns=len(header), whole=hint[0],
                 fraction=hint[1])


def _records(text: str, problems: list[str],
             delimiter: str = ",") -> list[tuple[int, list[str]]]:
    """Rows of the file with the line each starts on (quoted cells may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(_("line {line}: the CSV is malformed ({reason})").format(
                line=start, reason=exc))
            break
        rows.append((start, record))
    return rows


def _show(column: str, value: Any) -> str:
    if column == "red_flags":
        return ";".join(value) or _("(none)")
    if column in ("notes", "session_notes"):
        short = value if len(value) <= 40 else value[:37] + "..."
        return repr(short)
    return _fmt(value)


def _merge_day(plan: DayPlan, line: int, values: dict[str, Any], problems: list[str]) -> None:
    """Add one row's day fields to its day; a different repeated value is a problem."""
    for col in DAY_COLUMNS:
        if col not in values:
            continue
        value = values[col]
        if col == "red_flags":
            current = plan.red_flags
        else:
            current = plan.checkin.get(CHECKIN_COLUMNS[col], _MISSING)
            current = None if current is _MISSING else current
        if current is None:
            if col == "red_flags":
                plan.red_flags = value
            else:
                plan.checkin[CHECKIN_COLUMNS[col]] = value
            plan.lines[col] = line
        elif current != value:
            problems.append(
                _("line {line}, column {column}: {value} differs from {other} on line "
                  "{other_line} for {day} (a day's fields must be the same on every row of "
                  "that date, or blank)").format(
                      line=line, column=col, value=_show(col, value),
                      other=_show(col, current), other_line=plan.lines[col],
                      day=plan.day.isoformat())
            )


_MISSING = object()


# ---- import --------------------------------------------------------------------------------

def _stored_empty(value: Any) -> bool:
    return value is None or value == ""


def _site_key(label: str) -> str:
    return " ".join(label.lower().split())


def _parse_site_label(label: str) -> dict[str, str]:
    """"left knee (below the kneecap)" -> joint knee, side left, area below the kneecap."""
    text = " ".join(label.split())
    area = ""
    match = re.match(r"^(.*?)\s*\((.*)\)$", text)
    if match:
        text, area = match.group(1), match.group(2).strip()
    words = text.split(" ", 1)
    side = ""
    if len(words) == 2 and words[0].lower() in ("left", "right", "both"):
        side, text = words[0].lower(), words[1]
    return {"joint": text or label.strip(), "side": side, "area": area}


def _mark_main_site() -> None:
    """Make the main site (``journal_repo.main_site_id``) the primary one when no site is:
    sites this import made are not primary, and a journal has exactly one primary site
    once it has sites, as the forms keep it (the first site added is the primary one) and
    import-all requires. The main site stays the one it was."""
    if not m.PainSite.select().where(m.PainSite.primary == True).exists():  # noqa: E712
        main = journal_repo.main_site_id()
        if main is not None:
            m.PainSite.update(primary=True).where(m.PainSite.id == main).execute()


@dataclass
class _Changes:
    checkins: list[tuple[date, dict[str, Any], bool]] = field(default_factory=list)
    sessions: list[tuple[date, dict[str, Any], int]] = field(default_factory=list)  # +line
    flags: list[tuple[date, str]] = field(default_factory=list)
    site_pains: list[tuple[date, str, int]] = field(default_factory=list)  # (day, label, pain)
    skipped: int = 0

    def empty(self) -> bool:
        return not (self.checkins or self.sessions or self.flags or self.site_pains)


def _held_by(values: dict[str, Any], stored: Iterable[dict[str, Any]],
             available: Counter) -> tuple | None:
    """The key of a stored "rehab exercises" session that already holds a rehab row of the
    file (merging the row into it, as a first import did, would change nothing), or None.

    This keeps a repeated import from adding a row that was merged into the session made
    from the exercise logs (its pain during may be the logs' worst, not the row's).
    """
    if not rs.is_rehab_kind(values.get("kind")):
        return None
    for row in stored:
        key = tuple(row[k] for k in SESSION_KEY_FIELDS)
        merged = rs.merged_values(row, values)
        if available[key] > 0 and all(merged[k] == row[k] for k in SESSION_KEY_FIELDS):
            return key
    return None


def _compare_with_journal(plan: ImportPlan) -> tuple[_Changes, list[str]]:
    """Work out what the file adds to the journal, and the conflicts (read only)."""
    changes = _Changes()
    problems: list[str] = []
    dates = list(plan.days)
    stored_checkins = {
        r.day: r for r in m.CheckIn.select().where(m.CheckIn.day.in_(dates))
    } if dates else {}
    stored_sessions: dict[date, Counter] = {}
    stored_rehab: dict[date, list[dict[str, Any]]] = {}
    stored_flags: dict[date, set[str]] = {}
    if dates:
        for r in m.ActivitySession.select().where(m.ActivitySession.day.in_(dates)):
            key = tuple(getattr(r, k) for k in SESSION_KEY_FIELDS)
            stored_sessions.setdefault(r.day, Counter())[key] += 1
            if rs.is_rehab_kind(r.kind):
                stored_rehab.setdefault(r.day, []).append(
                    {k: getattr(r, k) for k in SESSION_KEY_FIELDS})
        for r in m.RedFlag.select().where(m.RedFlag.day.in_(dates)):
            stored_flags.setdefault(r.day, set()).add(r.code)
    writes: dict[date, dict[str, Any]] = {}
    for day, dp in plan.days.items():
        row = stored_checkins.get(day)
        if dp.checkin:
            to_write: dict[str, Any] = writes.setdefault(day, {})
            for col, fname in CHECKIN_COLUMNS.items():
                if fname not in dp.checkin:
                    continue
                new = dp.checkin[fname]
                old = getattr(row, fname) if row is not None else None
                if _stored_empty(old):
                    if not _stored_empty(new):
                        to_write[fname] = new
                elif old != new:
                    problems.append(
                        _("line {line}, column {column}: {value} differs from the journal's "
                          "{stored} for {day}").format(
                              line=dp.lines[col], column=col, value=_show(col, new),
                              stored=_show(col, old), day=day.isoformat())
                    )
        for code in dp.red_flags or ():
            if code not in stored_flags.get(day, set()):
                changes.flags.append((day, code))
        available = Counter(stored_sessions.get(day, Counter()))
        for sp in dp.sessions:
            key = sp.key()
            if available[key] <= 0:
                key = _held_by(sp.values, stored_rehab.get(day, ()), available)
            if key is not None:
                available[key] -= 1
                changes.skipped += 1
            else:
                changes.sessions.append((day, sp.values, sp.line))
    _next_mornings(plan, writes, changes, problems)
    for day, to_write in sorted(writes.items()):
        if to_write:
            new = day not in stored_checkins and journal_repo.get_checkin(day) is None
            changes.checkins.append((day, to_write, new))
    problems.sort(key=_line_of)
    return changes, problems


def _line_of(problem: str) -> int:
    """The line a problem names: its first number ("line 12, column ..." in any language)."""
    found = re.search(r"[0-9]+", problem)
    return int(found.group()) if found else 0


def _next_mornings(plan: ImportPlan, writes: dict[date, dict[str, Any]], changes: _Changes,
                   problems: list[str]) -> None:
    """Turn the file's ``next_morning_pain`` cells into the next days' morning pains.

    The session's site decides which value: the next day's ``morning_pain`` for the main
    site (``journal_repo.main_site_id``; a blank ``pain_site`` too; in a journal without
    pain sites the first site the file names becomes the main one), the next day's site
    pain otherwise. A cell that differs from another cell for the same morning and site,
    from the file's ``morning_pain`` of that day, or from the journal's value is a problem.
    """
    labels = {s.id: s.label for s in m.PainSite.select()}
    main_id = journal_repo.main_site_id()
    main_key = _site_key(labels[main_id]) if main_id is not None else None
    if main_key is None:
        main_key = next((_site_key(sp.values["site"]) for dp in plan.days.values()
                         for sp in dp.sessions if sp.values["site"]), None)
    ids = {_site_key(label): sid for sid, label in labels.items()}
    seen: dict[tuple[date, str | None], tuple[int, int]] = {}  # -> (value, line)
    for day, dp in plan.days.items():
        nxt = day + timedelta(days=1)
        for sp in dp.sessions:
            value = sp.next_morning
            if value is None:
                continue
            key = _site_key(sp.values["site"]) if sp.values["site"] else None
            main = key is None or key == main_key
            target = (nxt, None if main else key)
            where = {"line": sp.line, "column": NEXT_MORNING, "value": value,
                     "day": nxt.isoformat()}
            if target in seen:
                if seen[target][0] != value:
                    problems.append(_(
                        "line {line}, column {column}: {value} differs from {other} on line "
                        "{other_line} for the morning of {day} (the next-morning rating is "
                        "that morning's pain at the session's site: one value)").format(
                            other=seen[target][0], other_line=seen[target][1], **where))
                continue
            seen[target] = (value, sp.line)
            if main:
                next_plan = plan.days.get(nxt)
                in_file = next_plan.checkin.get("morning_pain") if next_plan else None
                if in_file is not None:  # that row's morning_pain is checked as a day field
                    if in_file != value:
                        problems.append(_(
                            "line {line}, column {column}: {value} differs from morning_pain "
                            "{other} on line {other_line} for the morning of {day} (the "
                            "next-morning rating is that morning's pain at the session's "
                            "site: one value)").format(
                                other=in_file, other_line=next_plan.lines["morning_pain"],
                                **where))
                    continue
                stored = journal_repo.get_checkin(nxt)
                old = stored["morning_pain"] if stored else None
                if old is not None:
                    if old != value:
                        problems.append(_(
                            "line {line}, column {column}: {value} differs from the journal's "
                            "morning pain {stored} for the morning of {day} (the next-morning "
                            "rating is that morning's pain at the session's site: one "
                            "value)").format(stored=old, **where))
                    continue
                writes.setdefault(nxt, {})["morning_pain"] = value
                continue
            site_id = ids.get(key)
            old = (journal_repo.checkin_site_pains(nxt).get(site_id)
                   if site_id is not None else None)
            if old is not None:
                if old != value:
                    problems.append(_(
                        "line {line}, column {column}: {value} differs from the journal's "
                        "morning pain of the {site} {stored} for the morning of {day} (the "
                        "next-morning rating is that morning's pain at the session's site: "
                        "one value)").format(site=labels[site_id], stored=old, **where))
                continue
            changes.site_pains.append((nxt, sp.values["site"], value))


def _journal_file() -> Path:
    return Path(m.database.obj.database)


def import_csv(path: Path | str) -> ImportReport:
    """Import a CSV file into the open journal, all or nothing.

    Returns:
        What was added and skipped, and the warnings (unknown columns, merged sessions;
        at most ``MAX_WARNINGS`` plus "and N more warnings").

    Raises:
        CsvImportError: the file has problems or conflicts with the journal; nothing
            was written.
    """
    plan = parse_csv(path)
    changes, problems = _compare_with_journal(plan)
    if problems:
        raise CsvImportError(problems)
    report = ImportReport(
        days=len(plan.days),
        sessions_skipped=changes.skipped,
        warnings=list(plan.warnings),
        dialect=plan.dialect,
    )
    if changes.empty():
        report.warnings = capped(report.warnings)
        return report
    # a checked copy (encrypted like the journal) before any write; when it cannot be made
    # (disk full, busy, damaged) the StorageError stops the import here and no file is left
    from .backups import backup_of_open

    report.backup = backup_of_open("pre-import")
    now = datetime.now().replace(microsecond=0)
    with m.database.atomic():
        for day, values, new in changes.checkins:
            if new:
                m.CheckIn.create(day=day, updated=now, **values)
            else:
                m.CheckIn.update(updated=now, **values).where(m.CheckIn.day == day).execute()
        sites = {_site_key(s.label): s.id for s in m.PainSite.select().order_by(m.PainSite.id)}
        for day, values, line in changes.sessions:
            data = dict(values)
            label = data.pop("site")
            site_id = None
            if label:
                site_id = sites.get(_site_key(label))
                if site_id is None:
                    site_id = m.PainSite.create(**_parse_site_label(label)).id
                    sites[_site_key(label)] = site_id
            data["site"] = site_id
            app = (journal_repo.session_with_source(day, rs.SOURCE)
                   if rs.is_rehab_kind(data.get("kind")) else None)
            if app is None:
                journal_repo.append_session(day, {**data, "updated": now})
                report.sessions_added += 1
                continue
            journal_repo.update_session(app["id"], {**rs.merged_values(app, data),
                                                    "updated": now})
            report.sessions_merged += 1
            report.warnings.append(
                _("line {line}: {activity} on {day} merged with the rehab exercises session "
                  "made from your exercise log (one session, not two)").format(
                      line=line, activity=data["kind"], day=day.isoformat()))
        for day, label, pain in changes.site_pains:
            site_id = sites.get(_site_key(label))
            if site_id is None:
                site_id = m.PainSite.create(**_parse_site_label(label)).id
                sites[_site_key(label)] = site_id
            if not m.CheckIn.select().where(m.CheckIn.day == day).exists():
                m.CheckIn.create(day=day, updated=now)
            journal_repo.set_checkin_site_pain(day, site_id, pain)
        for day, code in changes.flags:
            m.RedFlag.create(day=day, code=code)
        _mark_main_site()
    report.warnings = capped(report.warnings)
    report.checkins_written = len(changes.checkins)
    report.red_flags_added = len(changes.flags)
    return report


# ---- export --------------------------------------------------------------------------------

def _fmt(value: Any) -> str:
    """A cell: "" for None, whole numbers without ".0", other floats as Python writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value)


def _flag_order(code: str) -> tuple[int, str]:
    order = list(scales.RED_FLAGS)
    return (order.index(code) if code in order else len(order), code)


def _export_rows(decimal_comma: bool = False) -> Iterable[list[str]]:
    checkins = {r.day: r for r in m.CheckIn.select()}
    sessions: dict[date, list[m.ActivitySession]] = {}
    for r in m.ActivitySession.select().order_by(
        m.ActivitySession.day, m.ActivitySession.position, m.ActivitySession.id
    ):
        sessions.setdefault(r.day, []).append(r)
    flags: dict[date, list[str]] = {}
    for r in m.RedFlag.select():
        flags.setdefault(r.day, []).append(r.code)
    labels = {s.id: s.label for s in m.PainSite.select()}
    journal = journal_repo.load_journal()  # the next-morning rating: DayRecord.morning_pain_at
    for day in sorted(set(checkins) | set(sessions) | set(flags)):
        day_cells: dict[str, str] = {
            "red_flags": ";".join(sorted(flags.get(day, []), key=_flag_order))
        }
        ci = checkins.get(day)
        if ci is not None:
            for col, fname in CHECKIN_COLUMNS.items():
                day_cells[col] = _fmt(getattr(ci, fname))
        if decimal_comma:
            for col in _REAL & set(day_cells):
                day_cells[col] = day_cells[col].replace(".", ",")
        day_sessions = sessions.get(day) or [None]
        for index, s in enumerate(day_sessions):
            cells = {"date": day.isoformat()}
            if index == 0:
                cells.update(day_cells)  # the day's fields once, on its first row
            if s is not None:
                for col, fname in SESSION_COLUMNS.items():
                    if fname == "site":
                        cells[col] = labels.get(s.site_id, "") if s.site_id else ""
                    else:
                        cells[col] = _fmt(getattr(s, fname))
                after = journal.get_after(day)
                cells[NEXT_MORNING] = _fmt(after.morning_pain_at(cells["pain_site"]))
                if decimal_comma and cells["distance_km"]:
                    cells["distance_km"] = cells["distance_km"].replace(".", ",")
            for col in TEXT_COLUMNS & set(cells):
                cells[col] = formula_safe(cells[col])
            yield [cells.get(c, "") for c in COLUMNS]


def export_csv(path: Path | str, *, delimiter: str = ",") -> int:
    """Write the whole journal as CSV (UTF-8, no BOM); returns the number of data rows.

    Comma-separated with decimal points by default; ``delimiter=";"`` writes what
    spreadsheets in comma-decimal locales (German, French ...) open directly:
    semicolon-separated with decimal commas (``7,5``); ``"\t"`` writes tab-separated with
    decimal points. Dates are always ISO (``2026-03-02``). Text cells that a spreadsheet
    would take for a formula get one leading apostrophe (``formula_safe``).

    Written by ``safe_write``: a temporary file beside the target (mode 0600: it holds
    health data), moved into place when complete, so an error never leaves a partial file
    and an older file of that name is kept.

    Raises:
        StorageError: ``path`` is a folder, a device, a pipe or a dangling link (checked
            before the journal is read); its folder is missing or not writable ("Cannot
            write PATH: reason."); the disk is full ("No space left on device in FOLDER: the
            export needs about N MB; ...").
    """
    if delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be one of {list(DELIMITERS)}")
    path = safe_write.check_kind(Path(path), "write")
    count = 0
    with safe_write.atomic_open(path, "w", doing="write", what="the export",
                                encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in _export_rows(decimal_comma=delimiter == ";"):
            writer.writerow(row)
            count += 1
    return count
