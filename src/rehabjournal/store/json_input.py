"""Reading JSON files a person hands to the app (import-all, programme files), safely.

Python's ``json`` module alone is not enough for a file from anywhere:

- a file of gigabytes would be read whole into memory, so its **size** is checked first
  (``os.stat``), before a byte is read;
- ``[[[[...]]]]`` nested a few thousand deep ends in a ``RecursionError``, so the
  **nesting** is counted before parsing (brackets outside strings; a linear scan);
- ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON (RFC 8259 section 6) but Python
  reads them; ``1e400`` becomes ``inf``; an integer of 5,000 digits raises ``ValueError``
  (Python's ``int_max_str_digits``) and one of 2**63 or more cannot be stored by SQLite.
  Each of these is read as a ``BadNumber`` standing where the value was, so that the checker
  of the document can say WHERE it is ("table check_in, row 3, field sleep_hours: NaN is
  not a number");
- a UTF-8 byte order mark is accepted (spreadsheets and Windows editors write one); text in
  another encoding is refused with its name when it has a byte order mark (UTF-16, UTF-32).

``load(path, ...)`` returns the decoded document or raises ``JsonInputError`` (a plain
message naming the file); callers wrap it in their own ``ImportFileError``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ..domain import validation
from ..i18n import _, current, decimal_separator, format_number

INT_MIN: Final = -(2**63)
INT_MAX: Final = 2**63 - 1
"""The whole numbers SQLite can store (a signed 64-bit integer)."""

_MAX_INT_CHARS: Final = 20  # "-9223372036854775808"

_BOMS: Final = (
    (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"), (b"\xff\xfe", "UTF-16"),
)

# A complete JSON string (escapes included); what is left of a string that never ends is a
# lone quote (the count stops there and the parser says where).
_STRINGS: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS: Final = re.compile(r'[^\[\]{}"]+')


class JsonInputError(ValueError):
    """The file cannot be read as a JSON document (too large, too deep, not UTF-8, not
    JSON). The message names the file and says why, as a sentence."""


@dataclass(frozen=True)
class BadNumber:
    """A number in the file that the journal cannot take, kept where it stood.

    Attributes:
        text: the number as written (``"NaN"``, ``"1e400"``, 5,000 digits ...).
        reason: why it is refused, without the place ("NaN is not a number ...").
    """

    text: str
    reason: str

    def __repr__(self) -> str:
        return shown_number(self.text)


def shown_number(text: str) -> str:
    """A number as a message shows it: as written, or "a number of N digits"."""
    if len(text) <= 30:
        return text
    return _("a number of {n} digits").format(n=grouped(sum(c.isdigit() for c in text)))


def grouped(n: int) -> str:
    """A count as messages write it: "5,000" in English, "5000" in French and German."""
    return f"{n:,}" if current() == "en" else format_number(n, 0)


def _constant(name: str) -> BadNumber:
    return BadNumber(name, _("{number} is not a number a journal can hold (only finite "
                             "numbers are accepted; JSON has no NaN or Infinity)").format(
                                 number=name))


def _float(text: str) -> int | float | BadNumber:
    """A number written with a point or an exponent; one that is exactly whole (``3.0``,
    ``3e0``) is read as the int 3 (``domain.validation.whole_number``: the one rule for
    whole-number fields in import-all, programme files and their JSON texts)."""
    value = float(text)
    if not math.isfinite(value):
        return BadNumber(text, _("{number} is too large to be a number").format(
            number=shown_number(text)))
    whole = validation.whole_number(value)
    return value if whole is None else whole


def _int(text: str) -> int | BadNumber:
    if len(text) <= _MAX_INT_CHARS:
        value = int(text)
        if INT_MIN <= value <= INT_MAX:
            return value
    return BadNumber(text, _("{number} is outside the whole numbers a journal can hold "
                             "({low} to {high})").format(number=shown_number(text),
                                                         low=INT_MIN, high=INT_MAX))


def too_deep(text: str, limit: int) -> bool:
    """True when ``text`` has brackets nested more than ``limit`` levels (strings skipped).

    Linear in the text: the strings are cut out by one regular expression, then only the
    brackets are counted. A string that never ends stops the count (the parser reports it).
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    depth = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char == '"':
            return False
        else:
            depth -= 1
    return False


def _megabytes(size: int) -> str:
    """1_500_000 -> "1.5", 5_000_000 -> "5", 312_400_000 -> "312"."""
    value = size / 1_000_000
    text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
    text = text[:-2] if text.endswith(".0") else text
    return text.replace(".", decimal_separator())


def unmarked_encoding(raw: bytes) -> str | None:
    """"UTF-16" or "UTF-32" for text in one of them without a byte order mark (Windows'
    "Unicode" without BOM: every other byte, or three bytes of four, are NUL in the text's
    first kilobyte), None otherwise. Text in UTF-8 holds NUL bytes only by mistake."""
    head = raw[:1024]
    if len(head) < 4 or head.count(0) * 3 < len(head):
        return None
    size = len(head) - len(head) % 4
    if sum(head[i + 1:i + 4] == b"\0\0\0" or head[i:i + 3] == b"\0\0\0"
           for i in range(0, size, 4)) * 10 >= size // 4 * 9:
        return "UTF-32"
    even, odd = head[0::2], head[1::2]
    if even.count(0) * 10 >= len(even) * 9 or odd.count(0) * 10 >= len(odd) * 9:
        return "UTF-16"
    return None


def decode(raw: bytes, name: str) -> str:
    """The bytes of a file as text: UTF-8 with or without a byte order mark.

    Raises:
        JsonInputError: "NAME is not UTF-8 text (it is UTF-16); save it as UTF-8 and try
            again." (a UTF-16 or UTF-32 byte order mark), or "NAME is not UTF-8 text (byte
            0xe9 at position 12); save it as UTF-8 and try again."; UTF-16 or UTF-32
            without a byte order mark: "NAME is not UTF-8 text (it is UTF-16 text without
            a byte-order mark); save it as UTF-8 and try again."
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise JsonInputError(_("{name} is not UTF-8 text (it is {encoding}); save it as "
                                   "UTF-8 and try again.").format(name=name, encoding=encoding))
    unmarked = unmarked_encoding(raw)
    if unmarked:
        raise JsonInputError(_("{name} is not UTF-8 text (it is {encoding} text without a "
                               "byte-order mark); save it as UTF-8 and try again.").format(
                                   name=name, encoding=unmarked))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start:exc.start + 1].hex()
        raise JsonInputError(_("{name} is not UTF-8 text (byte 0x{byte} at position "
                               "{position}); save it as UTF-8 and try again.").format(
                                   name=name, byte=bad, position=exc.start)) from None


def parse(text: str, name: str, *, max_depth: int) -> Any:
    """Parse JSON text: nesting checked first; bad numbers become ``BadNumber``.

    Raises:
        JsonInputError: "NAME is too deeply nested (more than K levels)." or "NAME is
            not valid JSON (line L, column C: reason)."
    """
    if too_deep(text, max_depth):
        raise JsonInputError(_("{name} is too deeply nested (more than {levels} "
                               "levels).").format(name=name, levels=max_depth))
    try:
        return json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as exc:
        raise JsonInputError(_("{name} is not valid JSON (line {line}, column {column}: "
                               "{reason}).").format(name=name, line=exc.lineno,
                                                    column=exc.colno, reason=exc.msg)) from None
    except (RecursionError, MemoryError) as exc:  # not reached after the depth check
        raise JsonInputError(_("{name} cannot be read as JSON ({reason}).").format(
            name=name, reason=type(exc).__name__)) from None


def load(path: Path | str, *, max_bytes: int, max_depth: int) -> Any:
    """Read a JSON file within limits (see the module docstring).

    Args:
        path: the file.
        max_bytes: larger files are refused before they are read.
        max_depth: deeper nesting is refused before the file is parsed.

    Returns:
        The decoded document, with ``BadNumber`` where a number cannot be held.

    Raises:
        JsonInputError: "NAME is too large (N MB; the limit is M MB).", too deeply nested,
            not UTF-8, not JSON (each names the file).
        OSError: the file cannot be read (missing, a folder, no permission).
    """
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise JsonInputError(_("{name} is too large ({size} MB; the limit is {limit} "
                               "MB).").format(name=path.name, size=_megabytes(size),
                                              limit=_megabytes(max_bytes)))
    with path.open("rb") as fh:
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:  # grew since stat (or a special file)
        raise JsonInputError(_("{name} is too large (more than {limit} MB; the limit is "
                               "{limit} MB).").format(name=path.name,
                                                      limit=_megabytes(max_bytes)))
    return parse(decode(raw, path.name), path.name, max_depth=max_depth)


def shown(value: Any, limit: int = 40) -> str:
    """A value of a JSON document as a message shows it, never a Python repr of a list or
    an object: ``'high'``, ``5``, ``true``, ``a list``, ``an object``, ``NaN``."""
    if isinstance(value, BadNumber):
        return shown_number(value.text)
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: shown escaped, printable anywhere
            text = json.dumps(value)
        return text if len(text) <= limit else text[: limit - 4] + '..."'
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def bad_numbers(value: Any) -> list[BadNumber]:
    """Every ``BadNumber`` inside a (depth-checked) JSON value."""
    out: list[BadNumber] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, BadNumber):
            out.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return out
