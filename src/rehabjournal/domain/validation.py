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

Messages are in the current language (``rehabjournal.i18n``); places, codes and column
names are not translated. Standard library only (pure domain code; no Qt, no peewee).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from ..errors import ValidationError
from ..i18n import FORMAT_LOCALES, N_, _, current, ngettext
from . import scales
from .programme import STATUS_CREDIT
from .scales import tr

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


def _placed(place: str, message: str) -> str:
    """"line 4, column sleep_hours: <message>" in the current language."""
    return _("{place}: {message}").format(place=place, message=message)


def _fail(place: str, message: str) -> ValidationError:
    message = message.rstrip(".")
    return ValidationError({place: _placed(place, message) if place else message})


def reason(error: ValidationError) -> str:
    """The first message of ``error`` without its leading ``place: `` (for a form field)."""
    place, message = next(iter(error.errors.items()))
    if place:
        for prefix in (_placed(place, ""), f"{place}: "):
            if message.startswith(prefix):
                return message[len(prefix):]
    return message


def _count(n: int) -> str:
    """A count with thousands grouped as the current language writes it: "1,234" in
    English ("1\u202f234" in French, "1.234" in German)."""
    from babel.numbers import format_decimal

    return format_decimal(n, locale=FORMAT_LOCALES[current()])


def _shown(text: str) -> str:
    """A cell as a message shows it: quoted, shortened, invisible characters made visible."""
    short = text if len(text) <= 30 else text[:27] + "..."
    visible = "".join(c if c.isprintable() else repr(c)[1:-1] for c in short)
    return f"\u201c{visible}\u201d"


# ---- numbers -------------------------------------------------------------------------------

def _number_problem(text: str, decimal_comma: bool) -> str | None:
    """Why ``text`` (already stripped) is not a plain number, or None when it is one."""
    shown = _shown(text)
    if len(text) > MAX_NUMBER_CHARS:
        return _("{text} is too long to be a number ({count} characters)").format(
            text=shown, count=len(text))
    if _POINT_RE.match(text) or (decimal_comma and _COMMA_RE.match(text)):
        return None
    if _COMMA_RE.match(text):
        return _("{text} is not a number here: write decimals with a point "
                 "({number})").format(text=shown, number=text.replace(",", "."))
    if any(c.isdigit() and not ("0" <= c <= "9") for c in text):
        return _("{text} is not a number: use the digits 0-9").format(text=shown)
    if "_" in text:
        return _("{text} is not a number: write it without underscores").format(text=shown)
    lowered = text.lower().lstrip("+-")
    if lowered in ("nan", "inf", "infinity"):
        return _("{text} is not a number: only finite numbers are accepted").format(
            text=shown)
    if re.match(r"^[+-]?[0-9.,]+e[+-]?[0-9]+$", text.lower(), re.ASCII):
        return _("{text} is not a number here: write it without an exponent").format(
            text=shown)
    return _("{text} is not a number").format(text=shown)


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
        raise _fail(place, _("a number is required"))
    problem = _number_problem(stripped, decimal_comma)
    if problem:
        raise _fail(place, problem)
    value = float(stripped.replace(",", "."))
    if not math.isfinite(value):  # cannot happen within 40 digits; kept as the rule
        raise _fail(place, _("{text} is not a finite number").format(text=_shown(stripped)))
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
        raise _fail(place, _("{text} is not a whole number").format(
            text=_shown(text.strip(_SPACES))))
    return value


# ---- dates and text ------------------------------------------------------------------------

def check_date(day: date, place: str) -> date:
    """Check that a date lies within ``EARLIEST_DAY``..``LATEST_DAY`` (1900-2100).

    Raises:
        ValidationError: {place: "place: 9999-12-31 is outside the dates the journal
            accepts (1900-01-01 to 2100-12-31)"}; also for a value that is not a date.
    """
    if not isinstance(day, date):
        raise _fail(place, _("a date (YYYY-MM-DD) is required (got {value})").format(
            value=repr(day)))
    if not (EARLIEST_DAY <= _as_date(day) <= LATEST_DAY):
        raise _fail(place, _("{day} is outside the dates the journal accepts ({earliest} to "
                             "{latest})").format(day=_as_date(day).isoformat(),
                                                 earliest=EARLIEST_DAY.isoformat(),
                                                 latest=LATEST_DAY.isoformat()))
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
        raise _fail(place, _("a date is required (YYYY-MM-DD)"))
    if not _DATE_RE.match(stripped):
        raise _fail(place, _("date must be YYYY-MM-DD (got {value})").format(
            value=_shown(stripped)))
    try:
        day = date.fromisoformat(stripped)
    except ValueError:
        raise _fail(place, _("{text} is not a real date").format(text=stripped)) from None
    return check_date(day, place)


def check_text(text: str, place: str, max_chars: int | None = None) -> str:
    """Check a piece of text: a string, without NUL characters, at most ``max_chars`` long.

    Returns:
        The text unchanged (notes are kept exactly, spaces and line breaks included).

    Raises:
        ValidationError: not a string, holds a NUL character, or too long.
    """
    if not isinstance(text, str):
        raise _fail(place, _("text is required (got {type})").format(
            type=type(text).__name__))
    if "\x00" in text:
        raise _fail(place, _("the text holds a NUL character (\\0), which cannot be stored"))
    if max_chars is not None and len(text) > max_chars:
        raise _fail(place, _("the text is too long ({count} characters; at most "
                             "{most})").format(count=_count(len(text)), most=_count(max_chars)))
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


def check_label(text: Any, place: str, label: str = N_("Pain site"), *,
                required: bool = True,
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
    label = tr(label)
    if not isinstance(text, str):
        raise _fail(place, _("{field} must be text (got {type})").format(
            field=label, type=type(text).__name__))
    hidden = _hidden_character(text.strip(" "))
    if hidden:
        raise _fail(place, _("{field} must not hold control or invisible formatting "
                             "characters ({character} at character {position})").format(
            field=label, character=hidden[1], position=hidden[0]))
    stripped = text.strip(" ")
    if required and not stripped:
        raise _fail(place, _("{field} is required").format(field=label))
    if len(stripped) > max_chars:
        raise _fail(place, _("{field} is too long ({count} characters; at most {most})").format(
            field=label, count=_count(len(stripped)), most=_count(max_chars)))
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
            refuse a value in the same words. English, marked ``N_``: messages show it
            in the current language (``tr(rule.label)``).
        lo, hi: the range of numbers (inclusive).
        unit: shown after the range ("minutes"; English, translated where shown).
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
_DAY = FieldRule("date", N_("Date"), required=True)

FIELD_RULES: Final[dict[str, dict[str, FieldRule]]] = {
    "check_in": {
        "day": _DAY,
        "morning_pain": _pain(N_("Morning pain")),
        "stiffness_min": FieldRule("int", N_("Morning stiffness"), 0, _MIN, N_("minutes")),
        "swelling": FieldRule("choice", N_("Swelling"), choices=scales.SWELLING_GRADES),
        "sleep_hours": FieldRule("real", N_("Sleep"), 0, scales.SLEEP_HOURS_MAX, N_("hours")),
        "sleep_quality": FieldRule("int", N_("Sleep quality"), 1, 5),
        "stress": FieldRule("int", N_("Stress"), 0, 10),
        "notes": FieldRule("text", N_("Notes")),
    },
    "activity_session": {
        "day": _DAY,
        "kind": FieldRule("text", N_("Activity"), required=True),
        "minutes": FieldRule("int", N_("Duration"), 0, _MIN, N_("minutes"), required=True),
        "rpe": FieldRule("int", N_("Effort (CR-10)"), scales.RPE_MIN, scales.RPE_MAX),
        "distance_km": FieldRule("real", N_("Distance"), 0, 500, N_("km")),
        "pain_before": _pain(N_("Pain before")),
        "pain_during": _pain(N_("Pain during")),
        "pain_after": _pain(N_("Pain after")),
        "notes": FieldRule("text", N_("Notes")),
        # not stored with the session: the next day's morning pain (CSV column)
        "next_morning_pain": _pain(N_("Next-morning pain")),
    },
    # a further site's morning pain: worded as the check-in form words it
    "check_in_site_pain": {"pain": _pain_required(N_("Morning pain"))},
    "session_site_pain": {
        "pain_before": _pain(N_("Pain before")),
        "pain_during": _pain(N_("Pain during")),
        "pain_after": _pain(N_("Pain after")),
    },
    "red_flag": {
        "day": _DAY,
        "code": FieldRule("choice", N_("Red flag"), choices=tuple(scales.RED_FLAGS), required=True),
        "codes": FieldRule("codes", N_("Red flags")),
        "note": FieldRule("text", N_("Note")),
    },
    "event": {
        "day": _DAY,
        "kind": FieldRule("choice", N_("Event"), choices=scales.EVENT_KINDS, required=True),
        "label": FieldRule("text", N_("Label")),
        "notes": FieldRule("text", N_("Notes")),
    },
    "exercise_log": {
        "status": FieldRule("choice", N_("Status"), choices=tuple(STATUS_CREDIT), required=True),
    },
    # a pain site: made by the "Add a pain site" form, a CSV file's pain_site column
    # ("left knee (below the kneecap)": the whole label) and import-all; check_label's rule
    "pain_site": {
        "joint": FieldRule("label", N_("Joint"), required=True, max_chars=MAX_LABEL_CHARS),
        "area": FieldRule("label", N_("Area"), max_chars=MAX_LABEL_CHARS),
        "label": FieldRule("label", N_("Pain site"), required=True, max_chars=MAX_LABEL_CHARS),
    },
    "profile": {
        "name": FieldRule("text", N_("Name")),
        "onset_date": FieldRule("date", N_("Onset date")),
        "goal": FieldRule("text", N_("Goal")),
        "clinician": FieldRule("text", N_("Clinician")),
    },
    "programme": {
        "name": FieldRule("text", N_("Programme name"), required=True),
        "start_date": FieldRule("date", N_("Start date")),
        "review_date": FieldRule("date", N_("Review date")),
        "notes": FieldRule("text", N_("Notes")),
    },
}
"""table -> field -> rule. Tables are named as in the journal's database and import-all
(``check_in``, ``activity_session``, ``red_flag`` ...); ``red_flag.codes`` is the CSV's
``;``-separated list."""


def _range_message(rule: FieldRule, whole: bool) -> str:
    lo = int(rule.lo) if float(rule.lo).is_integer() else rule.lo
    hi = int(rule.hi) if float(rule.hi).is_integer() else rule.hi
    return scales.range_text(tr(rule.label), scales._fmt_number(lo), scales._fmt_number(hi),
                             whole=whole, unit=rule.unit)


def _got(expected: str, value: str) -> str:
    return _("{expected} (got {value})").format(expected=expected, value=value)


def _check_number(rule: FieldRule, value: Any, place: str, decimal_comma: bool) -> Any:
    whole = rule.kind == "int"
    expected = _range_message(rule, whole)
    if isinstance(value, str):
        try:
            number = parse_number(value, place, decimal_comma=decimal_comma)
        except ValidationError as exc:
            raise _fail(place, _("{expected}; {reason}").format(
                expected=expected, reason=reason(exc))) from None
        shown = value.strip(_SPACES)
        if whole:  # by the digits written: 3.0000000000000001 is no whole number
            exact = _whole_text(value)
            if exact is None:
                raise _fail(place, _got(expected, shown))
            number = float(exact)
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(place, _got(expected, f"{type(value).__name__} {value!r:.40}"))
    elif isinstance(value, int):
        if not rule.lo <= value <= rule.hi:  # compared as int: 2**63 and 5,000 digits too
            digits = (str(value) if abs(value) < 10**30 else  # str() fails past 4,300 digits
                      _("a number of about {count} digits").format(
                          count=_count(int(value.bit_length() * 0.30103) + 1)))
            raise _fail(place, _got(expected, digits))
        return value
    else:
        number = value
        shown = repr(value) if not math.isfinite(value) else scales._fmt_number(value)
        if not math.isfinite(number):
            raise _fail(place, _("{expected} (got {value}; only finite numbers are "
                                 "accepted)").format(expected=expected, value=shown))
    if whole and not number.is_integer():
        raise _fail(place, _got(expected, shown))
    if not rule.lo <= number <= rule.hi:
        raise _fail(place, _got(expected, shown))
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
            raise _fail(place, _("{field} is required").format(field=tr(rule.label)))
        return None
    if rule.kind in ("int", "real"):
        if typed and isinstance(value, str):
            raise _fail(place, _("{expected} (got the text {value})").format(
                expected=_range_message(rule, rule.kind == "int"), value=_shown(value)))
        return _check_number(rule, value, place, decimal_comma)
    if rule.kind == "date":
        if isinstance(value, str):
            return parse_date(value, place)
        return check_date(value, place)
    if rule.kind == "text":
        text = check_text(value, place, rule.max_chars)
        if rule.required and not text.strip():
            raise _fail(place, _("{field} is required").format(field=tr(rule.label)))
        return text
    if rule.kind == "label":
        return check_label(value, place, rule.label, required=rule.required,
                           max_chars=rule.max_chars or MAX_LABEL_CHARS)
    if rule.kind == "choice":
        if not isinstance(value, str):
            raise _fail(place, scales.choice_text(tr(rule.label), rule.choices,
                                                  f"{type(value).__name__} {value!r:.40}"))
        key = value.strip(_SPACES).lower()
        if key not in rule.choices:
            raise _fail(place, scales.choice_text(tr(rule.label), rule.choices,
                                                  _shown(value.strip(_SPACES))))
        return key
    if rule.kind == "codes":
        return _check_codes(value, place)
    raise KeyError(rule.kind)  # pragma: no cover - the table above has no other kinds


def _check_codes(value: Any, place: str) -> tuple[str, ...]:
    """``;``-separated red-flag codes (any case, spaces and empty parts ignored)."""
    if not isinstance(value, str):
        raise _fail(place, _("red-flag codes are text (got {type})").format(
            type=type(value).__name__))
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
        shown += " ..." if len(bad) > 5 else ""
        raise _fail(place, ngettext("unknown red flag code {codes} (known codes: {known})",
                                    "unknown red flag codes {codes} (known codes: {known})",
                                    len(bad)).format(codes=shown, known=known))
    return tuple(sorted(codes, key=list(scales.RED_FLAGS).index))
