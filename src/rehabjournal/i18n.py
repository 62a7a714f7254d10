"""Languages below the UI: gettext catalogues for text, Babel for dates and numbers.

rehabjournal speaks English (the source language), French (``fr``) and German (``de``).
Two mechanisms, one per layer (docs/architecture.md, "Translations"):

* the **Qt UI** translates its own labels with ``self.tr()`` / ``QCoreApplication.translate``
  from ``resources/translations/rehabjournal_<lang>.qm`` (``ui/i18n.py`` installs them);
* **text made below the UI** (domain advice, validation and import messages, settings labels,
  report text, the exercise library) goes through this module: GNU gettext catalogues
  ``resources/translations/<lang>/LC_MESSAGES/{messages,library}.mo``, read with the standard
  library's ``gettext``. ``domain/`` stays free of Qt.

Writing translatable text here::

    from ..i18n import N_, _, ngettext

    raise ValidationError({"sleep_hours": _("{label} must be from {low} to {high} (got {value})")
                           .format(label=_(rule.label), low=..., high=..., value=...)})
    LABEL = N_("Morning pain")           # module-level constant: marked, translated at use
    _(LABEL)                             # -> "Douleur matinale" when French is on
    ngettext("{n} day", "{n} days", n).format(n=n)

Placeholders are named (``{value}``), never positional, so translators can reorder them. The
language is a process default (``set_language``, from Preferences > Language or the system)
that a block can override (``using("en")``: a report made in English from a French app);
the override is a ``ContextVar``, so a worker thread sets its own.

Dates and numbers (``format_date``, ``format_number``) come from Babel (CLDR data) in the
current language: "3 mars 2026", "7,5". Babel is imported on the first call, not at start-up.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import os
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from pathlib import Path

#: The languages rehabjournal speaks, in the order Preferences lists them.
LANGUAGES: tuple[str, ...] = ("en", "fr", "de")
#: Each language in its own words (never translated: a person finds their own language).
NATIVE_NAMES: dict[str, str] = {"en": "English", "fr": "Français", "de": "Deutsch"}
#: The choice that follows the system's language.
SYSTEM = "system"
#: The gettext domains: code messages and the shipped exercise library and templates.
DOMAINS: tuple[str, ...] = ("messages", "library")
#: The CLDR locale each language formats dates and numbers with: British English keeps
#: "Tue 3 Mar 2026" and day-month order.
FORMAT_LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE"}

_default = "en"
_override: ContextVar[str | None] = ContextVar("rehabjournal_language", default=None)


def translations_dir() -> Path:
    """``resources/translations``: the .ts, .po sources and the compiled .qm and .mo."""
    from .paths import resource

    return resource("translations")


# -- choosing ---------------------------------------------------------------------------------

def normalise(code: str | None) -> str | None:
    """The supported language of a locale name, or None.

    "fr", "fr_CA.UTF-8", "de-AT", "FR" -> "fr" / "de"; "en_US" -> "en"; "es", "", "C",
    "POSIX" and None -> None.
    """
    if not code:
        return None
    base = code.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def system_language(preferences: Iterable[str] | None = None) -> str:
    """The first supported language of the system's preference list, else English.

    Args:
        preferences: locale names in order of preference (the UI passes
            ``QLocale.system().uiLanguages()``); None reads the POSIX variables ``LANGUAGE``
            (a colon-separated list), ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` as gettext does.
    """
    if preferences is None:
        names: list[str] = []
        for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(var, "")
            if value:
                names.extend(value.split(":") if var == "LANGUAGE" else [value])
                if var != "LANGUAGE":
                    break  # the first set LC_* / LANG variable decides, as in gettext
        preferences = names
    for name in preferences:
        if name in ("C", "POSIX") or name.startswith(("C.", "POSIX.")):
            return "en"  # the C locale is English, whatever comes after
        lang = normalise(name)
        if lang:
            return lang
    return "en"


def resolve(choice: str | None, preferences: Iterable[str] | None = None) -> str:
    """The language a choice means: "system" (or nothing, or an unknown value) follows
    :func:`system_language`; "en", "fr", "de" are themselves."""
    lang = normalise(choice) if choice and choice != SYSTEM else None
    return lang or system_language(preferences)


def set_language(code: str) -> None:
    """Make ``code`` ("en", "fr", "de") the process's language.

    Raises:
        ValueError: a language rehabjournal does not speak.
    """
    global _default
    _default = _checked(code)


def current() -> str:
    """The language in force here: a ``using`` block's, else the process's."""
    return _override.get() or _default


@contextlib.contextmanager
def using(code: str | None) -> Iterator[str]:
    """Text and formats in ``code`` inside the block (None: no change). Yields the language.

    Raises:
        ValueError: a language rehabjournal does not speak.
    """
    if code is None:
        yield current()
        return
    token = _override.set(_checked(code))
    try:
        yield current()
    finally:
        _override.reset(token)


def _checked(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: rehabjournal speaks "
                         + ", ".join(LANGUAGES))
    return code


# -- text -------------------------------------------------------------------------------------

@cache
def catalogue(lang: str, domain: str = "messages") -> _gettext.NullTranslations:
    """The compiled catalogue of one language and domain (English: the source text itself).

    A missing .mo file reads as no translation (English), never an error.
    """
    if lang == "en":
        return _gettext.NullTranslations()
    path = translations_dir() / lang / "LC_MESSAGES" / f"{domain}.mo"
    try:
        with open(path, "rb") as fh:
            return _gettext.GNUTranslations(fh)
    except OSError:
        return _gettext.NullTranslations()


def gettext(message: str) -> str:
    """``message`` in the current language (itself when untranslated)."""
    return catalogue(current()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, by the current language's plural rule."""
    return catalogue(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart by ``context`` (e.g. "noun")."""
    return catalogue(current()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a module-level constant for extraction; translate it where it is used."""
    return message


def library_text(text: str) -> str:
    """A shipped exercise's or template's name, cue or instruction in the current language.

    Translated by its English text (``library`` domain), so a text the person has edited,
    which no catalogue holds, shows as they wrote it.
    """
    if not text:
        return text
    return catalogue(current(), "library").gettext(text)


def semicolon() -> str:
    """The separator between clauses: "; ", with a no-break space before it in French
    ("a\u00a0; b"), as French typography puts one before ; : ? !."""
    return "\u00a0; " if current() == "fr" else "; "


def join_list(items: Sequence[str]) -> str:
    """"a, b and c" in the current language ("a, b et c", "a, b und c")."""
    from babel.lists import format_list

    return format_list(list(items), locale=FORMAT_LOCALES[current()]) if items else ""


# -- dates and numbers ------------------------------------------------------------------------

#: Date forms: CLDR skeletons (Babel picks each language's order), with English patterns kept
#: to the app's British "Tue 3 Mar 2026".
_DATE_FORMS: dict[str, tuple[str, str]] = {
    # form: (English pattern, CLDR skeleton for the other languages)
    "day": ("EEE d MMM y", "yMMMEd"),           # Tue 3 Mar 2026 / mar. 3 mars 2026
    "date": ("d MMM y", "yMMMd"),               # 3 Mar 2026 / 3. März 2026
    "long": ("d MMMM y", "yMMMMd"),             # 3 March 2026 / 3 mars 2026
    "day_month": ("d MMM", "MMMd"),             # 3 Mar / 3 mars
    "weekday_day_month": ("EEE d MMM", "MMMEd"),  # Tue 3 Mar / Di., 3. März
    "month_year": ("MMM y", "yMMM"),            # Mar 2026 / mars 2026
    "weekday": ("EEE", "E"),                    # Tue / mar.
}


def format_date(value: date | datetime, form: str = "date") -> str:
    """A date in the current language.

    Args:
        value: a date (a datetime's date part is used).
        form: "day" (Tue 3 Mar 2026), "date" (3 Mar 2026), "long" (3 March 2026),
            "day_month" (3 Mar), "weekday_day_month" (Tue 3 Mar), "month_year" (Mar 2026)
            or "weekday" (Tue); French and German use CLDR's order and abbreviations
            ("3 mars 2026", "Di., 3. März 2026").

    Raises:
        KeyError: an unknown form.
    """
    from babel.dates import format_date as _fd
    from babel.dates import format_skeleton

    english, skeleton = _DATE_FORMS[form]
    if isinstance(value, datetime):
        value = value.date()
    lang = current()
    if lang == "en":  # CLDR "en" abbreviates September "Sep" (en_GB says "Sept")
        return _fd(value, english, locale="en")
    return format_skeleton(skeleton, value, locale=FORMAT_LOCALES[lang])


def format_time(value: datetime, seconds: bool = False) -> str:
    """"14:05" (or "14:05:09") in the current language's 24-hour form."""
    from babel.dates import format_time as _ft

    return _ft(value, "HH:mm:ss" if seconds else "HH:mm", locale=FORMAT_LOCALES[current()])


def format_number(value: float | int | None, digits: int = 1, *, missing: str = "-") -> str:
    """A number with at most ``digits`` decimals, trailing zeros dropped, no grouping:
    7.5 -> "7.5" / "7,5"; 7.0 -> "7"; None -> ``missing``."""
    if value is None:
        return missing
    from babel.numbers import format_decimal

    pattern = "0." + "#" * digits if digits > 0 else "0"
    return format_decimal(round(float(value), digits), format=pattern,
                          locale=FORMAT_LOCALES[current()])


def format_fixed(value: float, digits: int = 1) -> str:
    """A number with exactly ``digits`` decimals: 7.5 -> "7.50" / "7,50" (digits=2)."""
    from babel.numbers import format_decimal

    pattern = "0." + "0" * digits if digits > 0 else "0"
    return format_decimal(value, format=pattern, locale=FORMAT_LOCALES[current()])


def format_percent(fraction: float) -> str:
    """0.3 -> "30%" in English, "30 %" in French and German (CLDR's pattern, whole percent)."""
    from babel.numbers import format_percent as _fp

    return _fp(fraction, locale=FORMAT_LOCALES[current()])


def decimal_separator() -> str:
    """"." in English, "," in French and German."""
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(FORMAT_LOCALES[current()])
