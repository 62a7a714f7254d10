"""One validation for every way data enters the journal (issue 17, item 1).

Forms, CSV import, import-all (the full JSON), programme files and, later, watch files all
check values here, so a value one of them refuses is refused by all of them. The ranges,
grades and codes are those of ``domain.scales`` (its ``validate_*`` helpers give the
wording); this module adds what text from a file needs on top:

- **numbers**: ASCII digits only (``1_0``, fullwidth ``３`` and Arabic-Indic ``٣`` are
  refused, although Python's ``int()``/``float()`` accept them), an optional sign and one
  decimal separator; no exponent (``1e3``), no thousands separators; finite only (``nan``,
  ``inf`` and values that overflow a float are refused); at most ``MAX_NUMBER_CHARS``
  characters. A decimal comma (``7,5``) is accepted only when the caller says so (a CSV file
  separated by ``;`` or tabs).
- **dates**: real dates from ``EARLIEST_DAY`` (1900-01-01) to ``LATEST_DAY`` (2100-12-31),
  written ``YYYY-MM-DD``; a journal is about a life, and dates far outside it (0001-01-01,
  9999-12-31) break date arithmetic (a day after 9999-12-31 does not exist).
- **text**: no NUL character (SQLite and many programs cut text there), an optional length.

Every refusal is a ``ValidationError({place: message})`` where ``place`` is a string the
caller builds to say WHERE: CSV ``"line 4, column sleep_hours"``, JSON ``"table check_in,
row 3, field sleep_hours"``, a programme file ``"phases[1].prescriptions[0].sets"``, a
form the field's label. The message starts with the place (``"line 4, column sleep_hours:
Sleep must be a number from 0 to 24 hours (got “1_0”)"``), so ``str(error)`` alone
says what and where; ``reason(error)`` gives the message without its place.

Standard library only (pure domain code; no Qt, no peewee).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from ..errors import ValidationError
from . import scales
from .programme import STATUS_CREDIT

EARLIEST_DAY: Final = date(1900, 1, 1)
"""The earliest date the journal accepts (inclusive)."""
LATEST_DAY: Final = date(2100, 12, 31)
"""The latest date the journal accepts (inclusive)."""

MAX_NUMBER_CHARS: Final = 40
"""A number written with more characters than this is refused before it is parsed."""

_POINT_RE = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$", re.ASCII)
_COMMA_RE = re.compile(r"^[+-]?(?:[0-9]+(?:,[0-9]*)?|,[0-9]+)$", re.ASCII)
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", re.ASCII)
_SPACES = " \t\r\n"


def _fail(place: str, message: str) -> ValidationError:
    message = message.rstrip(".")
    return ValidationError({place: f"{place}: {message}" if place else message})


def reason(error: ValidationError) -> str:
    """The first message of ``error`` without its leading ``place: `` (for a form field)."""
    place, message = next(iter(error.errors.items()))
    prefix = f"{place}: "
    return message[len(prefix):] if place and message.startswith(prefix) else message


def _shown(text: str) -> str:
    """A cell as a message shows it: quoted, shortened, invisible characters made visible."""
    short = text if len(text) <= 30 else text[:27] + "..."
    visible = "".join(c if c.isprintable() else repr(c)[1:-1] for c in short)
    return f"\u201c{visible}\u201d"


# ---- numbers -------------------------------------------------------------------------------

def _number_problem(text: str, decimal_comma: bool) -> str | None:
    """Why ``text`` (already stripped) is not a plain number, or None when it is one."""
    if len(text) > MAX_NUMBER_CHARS:
        return f"{_shown(text)} is too long to be a number ({len(text)} characters)"
    if _POINT_RE.match(text) or (decimal_comma and _COMMA_RE.match(text)):
        return None
    if _COMMA_RE.match(text):
        return (f"{_shown(text)} is not a number here: write decimals with a point "
                f"({text.replace(',', '.')})")
    if any(c.isdigit() and not ("0" <= c <= "9") for c in text):
        return f"{_shown(text)} is not a number: use the digits 0-9"
    if "_" in text:
        return f"{_shown(text)} is not a number: write it without underscores"
    lowered = text.lower().lstrip("+-")
    if lowered in ("nan", "inf", "infinity"):
        return f"{_shown(text)} is not a number: only finite numbers are accepted"
    if re.match(r"^[+-]?[0-9.,]+e[+-]?[0-9]+$", text.lower(), re.ASCII):
        return f"{_shown(text)} is not a number here: write it without an exponent"
    return f"{_shown(text)} is not a number"


def parse_number(text: str, place: str, *, decimal_comma: bool = False) -> float:
    """Parse a decimal number written by a person or a spreadsheet.

    Args:
        text: the cell or field, e.g. ``"7.5"``; spaces around it are ignored.
        place: where the value comes from, e.g. ``"line 4, column sleep_hours"``.
        decimal_comma: also accept ``7,5`` (a CSV file separated by ``;`` or tabs).

    Returns:
        The value as a finite float.

    Raises:
        ValidationError: {place: "place: why"} for an empty text, non-ASCII digits,
            underscores, exponents, thousands separators, nan/inf, a decimal comma when
            not allowed (with the hint to use a point), or more than 40 characters.
    """
    stripped = text.strip(_SPACES)
    if not stripped:
        raise _fail(place, "a number is required")
    problem = _number_problem(stripped, decimal_comma)
    if problem:
        raise _fail(place, problem)
    value = float(stripped.replace(",", "."))
    if not math.isfinite(value):  # cannot happen within 40 digits; kept as the rule
        raise _fail(place, f"{_shown(stripped)} is not a finite number")
    return value


EXACT_WHOLE_MAX: Final = 2**53
"""Floats up to this size hold every whole number exactly; beyond it ``1e20`` may stand for
a number other than the one written, so it does not count as a whole number."""


def whole_number(value: Any) -> int | None:
    """The one rule for a JSON number where a whole number belongs (import-all, programme
    files, JSON text in a column): ``3``, ``3.0`` and ``3e0`` are all the whole number 3.

    JSON has one kind of number; ``3.0`` and ``3e0`` are the same number as ``3``, and
    spreadsheets and other programs write whole numbers in any of these forms. So a number
    that is exactly whole is accepted as one, and its range is then checked like any other
    (for morning pain, 0-10, ``1e1`` is 10 and accepted; ``1.1e1`` is 11 and refused by
    the range; ``2.5`` is refused as not whole). Text written in a CSV cell is another
    matter: ``parse_number`` refuses an exponent there (a person types none; a cell
    ``1e3`` is more likely a code than a thousand).

    Args:
        value: a decoded JSON value.

    Returns:
        The int for an int (``bool`` excluded) or for a finite float with no fraction of at
        most ``EXACT_WHOLE_MAX`` (2**53) in size; None for anything else: ``3.5``, ``True``,
        text, NaN, infinities, ``1e20`` (too large to be exact as a float).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() \
            and abs(value) <= EXACT_WHOLE_MAX:
        return int(value)
    return None


def _whole_text(text: str) -> int | None:
    """The whole number a plain number's text (checked by ``parse_number``) is exactly, or
    None: ``3``, ``3.0``, ``3,00`` and ``-0`` are whole; ``3.5`` is not, and neither is
    ``3.0000000000000001``, although it reads as the float 3.0 (the decision is made on the
    digits written, never on a rounded float)."""
    whole, _, fraction = text.strip(_SPACES).replace(",", ".").partition(".")
    if fraction.strip("0"):
        return None
    return int(whole) if whole.lstrip("+-") else 0


def parse_int(text: str, place: str, *, decimal_comma: bool = False) -> int:
    """Parse a whole number; ``3``, ``3.0`` and ``3.00`` are all 3 (spreadsheets write
    either), ``3.0000000000000001`` is not a whole number (only zeros may follow the point).

    Raises:
        ValidationError: as ``parse_number``, and for a value with a fraction (``3.5``).
    """
    parse_number(text, place, decimal_comma=decimal_comma)
    value = _whole_text(text)
    if value is None:
        raise _fail(place, f"{_shown(text.strip(_SPACES))} is not a whole number")
    return value


# ---- dates and text ------------------------------------------------------------------------

def check_date(day: date, place: str) -> date:
    """Check that a date lies within ``EARLIEST_DAY``..``LATEST_DAY`` (1900-2100).

    Raises:
        ValidationError: {place: "place: 9999-12-31 is outside the dates the journal
            accepts (1900-01-01 to 2100-12-31)"}; also for a value that is not a date.
    """
    if not isinstance(day, date):
        raise _fail(place, f"a date (YYYY-MM-DD) is required (got {day!r})")
    if not (EARLIEST_DAY <= _as_date(day) <= LATEST_DAY):
        raise _fail(place, f"{_as_date(day).isoformat()} is outside the dates the journal "
                           f"accepts ({EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()})")
    return day


def _as_date(day: date) -> date:
    return date(day.year, day.month, day.day)


def parse_date(text: str, place: str) -> date:
    """Parse an ISO date ``YYYY-MM-DD`` (spaces around it ignored) and ``check_date`` it.

    Raises:
        ValidationError: empty, not ``YYYY-MM-DD`` (ASCII digits), not a real date
            (``2026-02-30``), or outside 1900-01-01..2100-12-31.
    """
    stripped = text.strip(_SPACES) if isinstance(text, str) else ""
    if not stripped:
        raise _fail(place, "a date is required (YYYY-MM-DD)")
    if not _DATE_RE.match(stripped):
        raise _fail(place, f"date must be YYYY-MM-DD (got {_shown(stripped)})")
    try:
        day = date.fromisoformat(stripped)
    except ValueError:
        raise _fail(place, f"{stripped} is not a real date") from None
    return check_date(day, place)


def check_text(text: str, place: str, max_chars: int | None = None) -> str:
    """Check a piece of text: a string, without NUL characters, at most ``max_chars`` long.

    Returns:
        The text unchanged (notes are kept exactly, spaces and line breaks included).

    Raises:
        ValidationError: not a string, holds a NUL character, or too long.
    """
    if not isinstance(text, str):
        raise _fail(place, f"text is required (got {type(text).__name__})")
    if "\x00" in text:
        raise _fail(place, "the text holds a NUL character (\\0), which cannot be stored")
    if max_chars is not None and len(text) > max_chars:
        raise _fail(place, f"the text is too long ({len(text):,} characters; "
                           f"at most {max_chars:,})")
    return text


MAX_LABEL_CHARS: Final = 100
"""The longest label of a pain site (``"left knee (behind or around the kneecap)"`` is 40
characters) and each of its parts: a label is shown on one line in forms, charts and the
report, and names a site in CSV files."""

_ALLOWED_FORMAT = {"\u200c", "\u200d"}
"""Zero-width non-joiner and joiner: invisible, but needed to write Persian, Indic scripts
and emoji sequences (\U0001F469\u200d\U0001F9B5), so a label may hold them."""


def _hidden_character(text: str) -> tuple[int, str] | None:
    """The first character of ``text`` a label may not hold, as (position from 1, "U+202E
    RIGHT-TO-LEFT OVERRIDE"): control characters (tab, line breaks, NUL ...), bidi
    controls and other invisible format characters (U+200B-U+200F, U+202A-U+202E,
    U+2066-U+2069, U+FEFF ...), line and paragraph separators, lone surrogates."""
    import unicodedata

    for i, c in enumerate(text, 1):
        category = unicodedata.category(c)
        if category in ("Cc", "Cs", "Zl", "Zp") or (category == "Cf"
                                                     and c not in _ALLOWED_FORMAT):
            name = unicodedata.name(c, "") if category != "Cs" else "SURROGATE"
            return i, f"U+{ord(c):04X}{' ' + name if name else ''}"
    return None


def check_label(text: Any, place: str, label: str = "Pain site", *, required: bool = True,
                max_chars: int = MAX_LABEL_CHARS) -> str:
    """The one rule for a name shown on one line: a pain site's label (CSV ``pain_site``),
    its joint and area (the "Add a pain site" form, import-all's ``pain_site`` rows) and
    the profile's free-text condition.

    Args:
        text: the label as given.
        place: where it comes from (see the module docstring).
        label: what the text is, for the message ("Pain site", "Joint", "Area").
        required: a blank label is refused.
        max_chars: the longest label (``MAX_LABEL_CHARS``, 100).

    Returns:
        The text with spaces around it removed.

    Raises:
        ValidationError: not text; blank when required ("Joint is required"); holds a
            control, bidi-control or invisible format character ("Pain site must not hold
            control or invisible formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE at
            character 1)"); longer than ``max_chars``.
    """
    if not isinstance(text, str):
        raise _fail(place, f"{label} must be text (got {type(text).__name__})")
    hidden = _hidden_character(text.strip(" "))
    if hidden:
        raise _fail(place, f"{label} must not hold control or invisible formatting characters "
                           f"({hidden[1]} at character {hidden[0]})")
    stripped = text.strip(" ")
    if required and not stripped:
        raise _fail(place, f"{label} is required")
    if len(stripped) > max_chars:
        raise _fail(place, f"{label} is too long ({len(stripped):,} characters; at most "
                           f"{max_chars:,})")
    return stripped


# ---- the journal's fields ------------------------------------------------------------------

@dataclass(frozen=True)
class FieldRule:
    """How one field of a journal table is checked.

    Attributes:
        kind: "int", "real", "choice", "codes" (``;``-separated red-flag codes),
            "text", "date", "label" (a name on one line: ``check_label``).
        label: the field as a user reads it, as the journal's forms label it ("Morning
            pain", "Effort (CR-10)"), so that a form, a CSV line and an import-all row
            refuse a value in the same words.
        lo, hi: the range of numbers (inclusive).
        unit: shown after the range ("minutes").
        choices: the allowed values of a "choice" field.
        required: None/"" is refused (otherwise it means "not given").
        max_chars: the longest text.
    """

    kind: str
    label: str
    lo: float = 0
    hi: float = 0
    unit: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False
    max_chars: int | None = None


def _pain(label: str) -> FieldRule:
    return FieldRule("int", label, scales.PAIN_MIN, scales.PAIN_MAX)


def _pain_required(label: str) -> FieldRule:
    return FieldRule("int", label, scales.PAIN_MIN, scales.PAIN_MAX, required=True)


_MIN = scales.MINUTES_MAX
_DAY = FieldRule("date", "Date", required=True)

FIELD_RULES: Final[dict[str, dict[str, FieldRule]]] = {
    "check_in": {
        "day": _DAY,
        "morning_pain": _pain("Morning pain"),
        "stiffness_min": FieldRule("int", "Morning stiffness", 0, _MIN, "minutes"),
        "swelling": FieldRule("choice", "Swelling", choices=scales.SWELLING_GRADES),
        "sleep_hours": FieldRule("real", "Sleep", 0, scales.SLEEP_HOURS_MAX, "hours"),
        "sleep_quality": FieldRule("int", "Sleep quality", 1, 5),
        "stress": FieldRule("int", "Stress", 0, 10),
        "notes": FieldRule("text", "Notes"),
    },
    "activity_session": {
        "day": _DAY,
        "kind": FieldRule("text", "Activity", required=True),
        "minutes": FieldRule("int", "Duration", 0, _MIN, "minutes", required=True),
        "rpe": FieldRule("int", "Effort (CR-10)", scales.RPE_MIN, scales.RPE_MAX),
        "distance_km": FieldRule("real", "Distance", 0, 500, "km"),
        "pain_before": _pain("Pain before"),
        "pain_during": _pain("Pain during"),
        "pain_after": _pain("Pain after"),
        "notes": FieldRule("text", "Notes"),
        # not stored with the session: the next day's morning pain (CSV column)
        "next_morning_pain": _pain("Next-morning pain"),
    },
    # a further site's morning pain: worded as the check-in form words it
    "check_in_site_pain": {"pain": _pain_required("Morning pain")},
    "session_site_pain": {
        "pain_before": _pain("Pain before"),
        "pain_during": _pain("Pain during"),
        "pain_after": _pain("Pain after"),
    },
    "red_flag": {
        "day": _DAY,
        "code": FieldRule("choice", "Red flag", choices=tuple(scales.RED_FLAGS), required=True),
        "codes": FieldRule("codes", "Red flags"),
        "note": FieldRule("text", "Note"),
    },
    "event": {
        "day": _DAY,
        "kind": FieldRule("choice", "Event", choices=scales.EVENT_KINDS, required=True),
        "label": FieldRule("text", "Label"),
        "notes": FieldRule("text", "Notes"),
    },
    "exercise_log": {
        "status": FieldRule("choice", "Status", choices=tuple(STATUS_CREDIT), required=True),
    },
    # a pain site: made by the "Add a pain site" form, a CSV file's pain_site column
    # ("left knee (below the kneecap)": the whole label) and import-all; check_label's rule
    "pain_site": {
        "joint": FieldRule("label", "Joint", required=True, max_chars=MAX_LABEL_CHARS),
        "area": FieldRule("label", "Area", max_chars=MAX_LABEL_CHARS),
        "label": FieldRule("label", "Pain site", required=True, max_chars=MAX_LABEL_CHARS),
    },
    "profile": {
        "name": FieldRule("text", "Name"),
        "onset_date": FieldRule("date", "Onset date"),
        "goal": FieldRule("text", "Goal"),
        "clinician": FieldRule("text", "Clinician"),
    },
    "programme": {
        "name": FieldRule("text", "Programme name", required=True),
        "start_date": FieldRule("date", "Start date"),
        "review_date": FieldRule("date", "Review date"),
        "notes": FieldRule("text", "Notes"),
    },
}
"""table -> field -> rule. Tables are named as in the journal's database and import-all
(``check_in``, ``activity_session``, ``red_flag`` ...); ``red_flag.codes`` is the CSV's
``;``-separated list."""


def _range_message(rule: FieldRule, whole: bool) -> str:
    kind = "a whole number" if whole else "a number"
    unit = f" {rule.unit}" if rule.unit else ""
    lo = int(rule.lo) if float(rule.lo).is_integer() else rule.lo
    hi = int(rule.hi) if float(rule.hi).is_integer() else rule.hi
    return f"{rule.label} must be {kind} from {lo} to {hi}{unit}"


def _check_number(rule: FieldRule, value: Any, place: str, decimal_comma: bool) -> Any:
    whole = rule.kind == "int"
    expected = _range_message(rule, whole)
    if isinstance(value, str):
        try:
            number = parse_number(value, place, decimal_comma=decimal_comma)
        except ValidationError as exc:
            raise _fail(place, f"{expected}; {reason(exc)}") from None
        shown = value.strip(_SPACES)
        if whole:  # by the digits written: 3.0000000000000001 is no whole number
            exact = _whole_text(value)
            if exact is None:
                raise _fail(place, f"{expected} (got {shown})")
            number = float(exact)
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(place, f"{expected} (got {type(value).__name__} {value!r:.40})")
    elif isinstance(value, int):
        if not rule.lo <= value <= rule.hi:  # compared as int: 2**63 and 5,000 digits too
            digits = (str(value) if abs(value) < 10**30 else  # str() fails past 4,300 digits
                      f"a number of about {int(value.bit_length() * 0.30103) + 1:,} digits")
            raise _fail(place, f"{expected} (got {digits})")
        return value
    else:
        number = value
        shown = repr(value) if not math.isfinite(value) else scales._fmt_number(value)
        if not math.isfinite(number):
            raise _fail(place, f"{expected} (got {shown}; only finite numbers are accepted)")
    if whole and not number.is_integer():
        raise _fail(place, f"{expected} (got {shown})")
    if not rule.lo <= number <= rule.hi:
        raise _fail(place, f"{expected} (got {shown})")
    return int(number) if whole else float(number)


def check_field(table: str, field: str, value: Any, place: str, *,
                decimal_comma: bool = False, typed: bool = False) -> Any:
    """Check one value of a journal field by the rule table ``FIELD_RULES``.

    Args:
        table: ``check_in``, ``activity_session``, ``red_flag``, ``event`` ... (the keys of
            ``FIELD_RULES``).
        field: the field of that table, e.g. ``sleep_hours``.
        value: text from a file or a form (parsed: ``"7.5"`` -> 7.5, ``"Mild"`` -> "mild",
            ``"2026-03-02"`` -> a date) or an already typed value from JSON (checked as is:
            ``True`` is refused where a number belongs; ``"3"`` too with ``typed=True``).
        place: where the value comes from (see the module docstring).
        decimal_comma: accept ``7,5`` in number fields.
        typed: the value comes typed (JSON): a string where a number belongs is refused
            instead of parsed (dates stay ISO strings).

    Returns:
        The value in the type the journal stores: int, float, str, a date, a tuple of
        red-flag codes; None for "not given" (None or blank text) of a field that is not
        required.

    Raises:
        ValidationError: {place: "place: why"}. A table or field that has no rule is a
            programming error (``KeyError``).
    """
    rule = FIELD_RULES[table][field]
    blank = value is None or (isinstance(value, str) and not value.strip(_SPACES)
                              and rule.kind not in ("text", "label"))
    if blank:
        if rule.required:
            raise _fail(place, f"{rule.label} is required")
        return None
    if rule.kind in ("int", "real"):
        if typed and isinstance(value, str):
            raise _fail(place, f"{_range_message(rule, rule.kind == 'int')} "
                               f"(got the text {_shown(value)})")
        return _check_number(rule, value, place, decimal_comma)
    if rule.kind == "date":
        if isinstance(value, str):
            return parse_date(value, place)
        return check_date(value, place)
    if rule.kind == "text":
        text = check_text(value, place, rule.max_chars)
        if rule.required and not text.strip():
            raise _fail(place, f"{rule.label} is required")
        return text
    if rule.kind == "label":
        return check_label(value, place, rule.label, required=rule.required,
                           max_chars=rule.max_chars or MAX_LABEL_CHARS)
    if rule.kind == "choice":
        if not isinstance(value, str):
            raise _fail(place, f"{rule.label} must be one of {', '.join(rule.choices)} "
                               f"(got {type(value).__name__} {value!r:.40})")
        key = value.strip(_SPACES).lower()
        if key not in rule.choices:
            raise _fail(place, f"{rule.label} must be one of {', '.join(rule.choices)} "
                               f"(got {_shown(value.strip(_SPACES))})")
        return key
    if rule.kind == "codes":
        return _check_codes(value, place)
    raise KeyError(rule.kind)  # pragma: no cover - the table above has no other kinds


def _check_codes(value: Any, place: str) -> tuple[str, ...]:
    """``;``-separated red-flag codes (any case, spaces and empty parts ignored)."""
    if not isinstance(value, str):
        raise _fail(place, f"red-flag codes are text (got {type(value).__name__})")
    codes: list[str] = []
    bad: list[str] = []
    for part in value.split(";"):
        code = part.strip(_SPACES).lower()
        if not code:
            continue
        if code not in scales.RED_FLAGS:
            bad.append(part.strip(_SPACES))
        elif code not in codes:
            codes.append(code)
    if bad:
        known = ", ".join(scales.RED_FLAGS)
        shown = ", ".join(repr(b if len(b) <= 40 else b[:37] + "...") for b in bad[:5])
        raise _fail(place, f"unknown red flag code{'s' if len(bad) > 1 else ''} {shown}"
                           f"{' ...' if len(bad) > 5 else ''} (known codes: {known})")
    return tuple(sorted(codes, key=list(scales.RED_FLAGS).index))
