"""The settings registry: every option declared once, read and written only through here.

An ``Option`` says everything about one setting: its key, type, default, allowed range or
choices, the label and help text a dialog shows, and where it is stored:

* ``JOURNAL``: a row of the journal's ``setting`` table (key = the option's key, value =
  JSON), so the app, the command line and reports made from this journal agree;
* ``MACHINE``: per computer (window geometry ...), in the store the UI installs with
  ``use_machine_store`` (``ui/settings.py``: ``QSettings``); an in-memory store until then.

Reading never fails on a bad value: an option that is absent, of the wrong type or out of
range reads as its default. Writing checks first and raises ``ValidationError({key:
message})``; nothing is written then.

    get("thresholds.green_peak_max")          # -> 2 (int)
    set("thresholds.green_peak_max", 3)
    edit({"thresholds.green_peak_max": 3})    # -> an undoable Edit (ui/edit_path)
    validate({"thresholds.green_peak_max": 11})  # ValidationError: {key: message}
    thresholds()                              # -> domain.light.Thresholds

Adding a setting: declare an ``Option`` in ``OPTIONS`` (``page="preferences"`` puts it in
the Preferences dialog, built from this list); read it with ``get(key)``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import fields as dc_fields
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from ..domain import scales
from ..i18n import N_, _, format_number
from .errors import ValidationError

if TYPE_CHECKING:
    from ..domain import light as light_mod
    from .edit import Edit

# The journal side (store.settings_repo, services.edit: peewee) is imported by the functions
# that read or write journal options, so that the window's frame can read its machine
# options (geometry) at start-up before the journal is opened (ui/app.run_gui).

JOURNAL = "journal"
MACHINE = "machine"

#: The pages (dialogs) that show options, in the order they list them.
PREFERENCES = "preferences"
OUTCOMES = "outcomes"
PATTERNS = "patterns"
ACTIVITIES = "activities"
"""Preferences > Activity files: the heart rates of the heart-rate load (TRIMP). The tab
(``ui/preferences.py``) is built by hand: it also edits the sport mapping
(``activities.mapping``, no page) and the watched folder (a machine option of the UI)."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""What a store's ``read`` returns for an option it holds no value for."""


@dataclass(frozen=True, slots=True)
class Option:
    """One setting.

    Attributes:
        key: ``"section.name"``, e.g. ``"thresholds.acceptable_pain"``; the journal row's
            key, or (``.`` as ``/``) the ``QSettings`` key.
        type: ``int``, ``float``, ``str``, ``bytes`` or ``list`` (a subset of ``choices``).
        default: the value when none is stored (or the stored one is invalid).
        label: what a dialog shows beside the editor (marked ``N_``: the dialog shows
            ``i18n._(label)``).
        help: the editor's tooltip (marked ``N_``, shown as ``i18n._(help)``).
        minimum, maximum: the allowed range of an ``int``/``float`` option (inclusive).
        step: the editor's step for numbers.
        choices: allowed values (``str``) or items (``list``), or a function returning
            them (evaluated when needed, e.g. the shipped instruments).
        where: ``JOURNAL`` or ``MACHINE``.
        page: the dialog that edits it (``PREFERENCES``, ``OUTCOMES``), "" for none.
        unit: appended to range messages ("days"; marked ``N_``).
        name: how messages name the option (default: the label): a noun phrase, so that
            "<name> must be a whole number from 1 to 7 (got 9)." reads as a sentence
            (the label may be a phrase the editor completes: "Baseline needs at least").
    """

    key: str
    type: type
    default: Any
    label: str = ""
    help: str = ""
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    choices: tuple[Any, ...] | Callable[[], tuple[Any, ...]] | None = None
    where: str = JOURNAL
    page: str = ""
    unit: str = ""
    name: str = ""

    @property
    def field(self) -> str:
        """The last part of the key: ``"acceptable_pain"``."""
        return self.key.rpartition(".")[2]

    @property
    def allowed(self) -> tuple[Any, ...] | None:
        return self.choices() if callable(self.choices) else self.choices

    def check(self, value: Any) -> str | None:
        """A message saying why ``value`` is refused, or None when it may be stored (in
        the current language)."""
        name = self.display_name
        if self.type in (int, float):
            if self.minimum is None or self.maximum is None:
                if isinstance(value, bool) or not isinstance(value, int | float) or (
                        self.type is int and value != int(value)):
                    if self.type is int:
                        return _("{name} must be a whole number.").format(name=name)
                    return _("{name} must be a number.").format(name=name)
                return None
            if value is None:
                return _("{name} is required.").format(name=name)
            return scales.validate_range(value, self.minimum, self.maximum, name,
                                         whole=self.type is int,
                                         unit=_(self.unit) if self.unit else "")
        if self.type is bytes:
            if isinstance(value, bytes | bytearray):
                return None
            return _("{name} must be bytes.").format(name=name)
        if self.type is list:
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                return _("{name} must be a list.").format(name=name)
            allowed = self.allowed
            unknown = [v for v in value if allowed is not None and v not in allowed]
            if unknown:
                return _("Unknown {name}: {values}.").format(name=name,
                                                             values=", ".join(unknown))
            return None
        if not isinstance(value, self.type):
            return _("{name} must be {type} (got {value}).").format(
                name=name, type=self.type.__name__, value=repr(value))
        allowed = self.allowed
        if allowed is not None and value not in allowed:
            return _("{name} must be one of {choices} (got {value}).").format(
                name=name, choices=", ".join(map(str, allowed)), value=repr(value))
        return None

    @property
    def display_name(self) -> str:
        """How messages name the option, in the current language (``name``, else the
        label, else the key)."""
        text = self.name or self.label
        return _(text) if text else self.key

    def clean(self, value: Any) -> Any:
        """A checked value in its stored form: ints as int, lists in the choices' order."""
        if self.type is int:
            return int(value)
        if self.type is float:
            return float(value)
        if self.type is bytes:
            return bytes(value)
        if self.type is list:
            allowed = self.allowed
            if allowed is None:
                return list(dict.fromkeys(value))
            return [c for c in allowed if c in value]
        return value

    def fallback(self) -> Any:
        """A fresh copy of the default (lists are mutable)."""
        return list(self.default) if isinstance(self.default, list) else self.default


def _instrument_keys() -> tuple[str, ...]:
    from .outcomes import INSTRUMENT_KEYS  # outcomes reads its schedule from here

    return INSTRUMENT_KEYS


def _threshold(field: str, label: str, lo: float, hi: float, step: float, help_text: str,
               *, name: str = "", page: str = PREFERENCES, unit: str = "") -> Option:
    """An option of ``domain.light.Thresholds``: its type and default come from there."""
    from ..domain import light as light_mod

    default = getattr(light_mod.DEFAULT_THRESHOLDS, field)
    return Option(f"thresholds.{field}", type(default), default, label, help_text,
                  minimum=lo, maximum=hi, step=step, page=page, name=name or label,
                  unit=unit)


#: Options of this computer: declared apart so that the window's frame reads its geometry
#: at start-up without importing the journal's options (domain.light ...).
MACHINE_OPTIONS: tuple[Option, ...] = (
    Option("window.geometry", bytes, b"", N_("Main window position and size"),
           where=MACHINE),
    # the weekly full check of each journal (services/startup.py): per computer, so that
    # noting it never writes to the journal (a new journal stays empty for a full import)
    Option("integrity.last_full_check", str, "", N_("Last full check of each journal"),
           "JSON {journal file: YYYY-MM-DD}: the day each journal last passed SQLite's full "
           "integrity check; the app checks it again at start when 7 or more days ago.",
           where=MACHINE, name=N_("Last full check")),
)


@cache
def _journal_options() -> tuple[Option, ...]:
    from ..domain import light as light_mod

    return (
    # -- the pain-monitoring light (domain.light.Thresholds) --------------------------------
    _threshold("acceptable_pain", N_("Acceptable pain during/after (0-10)"), 1, 10, 1,
               N_("Pain above this during or after a session turns the light red "
                  "(Silbernagel 2007 uses 5)."), name=N_("Acceptable pain")),
    _threshold("green_peak_max", N_("Green when peak pain is at most"), 0, 9, 1,
               N_("Peak pain up to this counts as green (2 by default; some use 3)."),
               name=N_("Green peak pain")),
    _threshold("morning_rise_tolerance", N_("Next-morning rise allowed (points)"), 0, 5, 1,
               N_("How far next-morning pain may rise above your usual level."),
               name=N_("Allowed next-morning rise"), unit=N_("points")),
    _threshold("stiffness_rise_min", N_("Stiffness rise that counts (minutes)"), 5, 120, 5,
               N_("Morning stiffness more than this above your usual counts like a pain "
                  "rise (design choice; 15 minutes by default)."),
               name=N_("Stiffness rise threshold"), unit=N_("minutes")),
    _threshold("baseline_days", N_("Baseline: median of the last (days)"), 3, 28, 1,
               N_("Your usual morning pain is the median of these days."),
               name=N_("Baseline period"), unit=N_("days")),
    _threshold("baseline_min_ratings", N_("Baseline needs at least (morning ratings)"), 1,
               light_mod.TREND_DAYS, 1,
               N_("Your usual morning level is used only when the baseline days hold this "
                  "many morning ratings; with fewer, mornings are judged on their own."),
               name=N_("Morning ratings needed for a baseline")),
    _threshold("trend_rise", N_("Weekly rise that counts as rising (points)"), 0.5, 5, 0.5,
               N_("Week-on-week rise of average morning pain that turns the light red."),
               name=N_("Weekly rise"), unit=N_("points")),
    _threshold("improvement_points", N_("Important change (points)"), 1, 5, 1,
               N_("A change of about 2 points is clinically important (Farrar 2001)."),
               name=N_("Important change"), unit=N_("points")),
    _threshold("improvement_fraction", N_("Important change (fraction)"), 0.1, 0.9, 0.05,
               N_("About 30 % is clinically important (Farrar 2001); it counts only from "
                  "4/10 up, as it was found on moderate-to-severe pain."),
               name=N_("Important change as a fraction")),
    _threshold("assessment_weeks", N_("Suggest an assessment after (weeks)"), 2, 26, 1,
               N_("Without improvement after this many weeks, suggest booking one."),
               name=N_("Time before suggesting an assessment"), unit=N_("weeks")),
    _threshold("escalation_load_drop",
               N_("Reduced load means a fall of at least (fraction)"), 0.05, 0.5, 0.05,
               N_("\"Worse despite reduced load\" needs weekly load down by at least this "
                  "much (0.10 = 10 %) between the last two calendar weeks."),
               name=N_("Fall in load that counts as reduced")),
    _threshold("trend_min_days", N_("Morning ratings a week needs for a trend"), 1,
               light_mod.TREND_DAYS, 1,
               N_("A weekly trend is given only when both weeks have this many morning "
                  "ratings."),
               name=N_("Morning ratings needed each week for a trend"), page=""),
    # -- outcome measures ---------------------------------------------------------------------
    Option("outcomes.instruments", list, [], N_("Fill in"),
           N_("The questionnaires Today reminds you of."), choices=_instrument_keys,
           page=OUTCOMES, name=N_("outcome measure(s)")),
    Option("outcomes.every_days", int, 14, N_("Every"), N_("14 days = every 2 weeks"),
           minimum=1, maximum=365, step=1, page=OUTCOMES, unit=N_("days"),
           name=N_("Time between questionnaires")),
    # -- the pattern finder (domain.flares; docs/patterns.md) ---------------------------------
    Option("patterns.flare_rise", int, 2,
           N_("A flare is a morning this far above your usual"),
           N_("A morning at least this many points above the median of the 7 mornings "
              "before it counts as a flare (2 points is a clinically important change, "
              "Farrar 2001); a day you mark as a flare always counts."),
           minimum=1, maximum=5, step=1, page=PATTERNS, unit=N_("points"),
           name=N_("Flare rise")),
    Option("patterns.q", float, 0.10, N_("False-discovery rate"),
           N_("How many of the patterns shown may be chance, at most, on average (0.10 = 1 "
              "in 10). Lower shows fewer, surer patterns."),
           minimum=0.01, maximum=0.25, step=0.01, page=PATTERNS,
           name=N_("False-discovery rate")),
    Option("patterns.short_sleep_hours", float, 6.0, N_("A short night is under (hours)"),
           N_("Nights with less sleep than this are a factor the pattern finder tests."),
           minimum=3, maximum=9, step=0.5, page=PATTERNS, unit=N_("hours"),
           name=N_("Short night")),
    Option("patterns.custom_factors", list, [], N_("Your own events tested as factors"),
           N_("Labels of your own (\u201cOther\u201d) events that the pattern finder "
              "tests, like new shoes or an injection."), page=PATTERNS,
           name=N_("event(s) tested as factors")),
    # -- activity files (FIT, GPX, TCX; services/activities.py, docs/activity-files.md) ----
    Option(MAPPING_KEY, str, "{}", N_("Activity kinds of the files' sports"),
           N_("A JSON object from a file's sport (\u201crunning\u201d, "
              "\u201crunning/trail\u201d) to the journal's activity (\u201crun\u201d); "
              "its entries win over the built-in mapping, a sport in neither becomes "
              "\u201cother\u201d."),
           name=N_("Sport mapping")),
    Option(HR_REST_KEY, int, 0, N_("Resting heart rate"),
           N_("Your heart rate at rest, in beats per minute (measured lying down on "
              "waking). 0 = not set: the heart-rate load (TRIMP) needs it."),
           minimum=0, maximum=120, step=1, page=ACTIVITIES, unit=N_("bpm")),
    Option(HR_MAX_KEY, int, 0, N_("Maximum heart rate"),
           N_("Your highest heart rate, in beats per minute (from a maximal test or a "
              "hard race; formulas such as 220 minus age are rough). 0 = not set: the "
              "heart-rate load (TRIMP) needs it."),
           minimum=0, maximum=230, step=1, page=ACTIVITIES, unit=N_("bpm")),
    Option(HR_WEIGHTING_KEY, str, "male", N_("Banister TRIMP weighting"),
           N_("The weighting of Banister's training impulse: male (0.64 e^1.92x) or "
              "female (0.86 e^1.67x) of the heart-rate reserve fraction x (Banister 1991; "
              "Morton, Fitz-Clarke & Banister 1990). Another estimate of load beside "
              "session RPE, which stays the primary one."),
           choices=("male", "female"), page=ACTIVITIES, name=N_("TRIMP weighting")),
    )


def all_options() -> tuple[Option, ...]:
    """Every option, in the order dialogs list them (this computer's last)."""
    return _journal_options() + MACHINE_OPTIONS


def __getattr__(name: str) -> Any:
    # ``OPTIONS`` and ``THRESHOLD_KEYS`` are built on first use (see MACHINE_OPTIONS).
    if name == "OPTIONS":
        return all_options()
    if name == "THRESHOLD_KEYS":
        return _threshold_keys()
    raise AttributeError(name)


_MACHINE_BY_KEY: dict[str, Option] = {o.key: o for o in MACHINE_OPTIONS}


@cache
def _by_key() -> dict[str, Option]:
    return {o.key: o for o in all_options()}


def option(key: str) -> Option:
    """The option declared with ``key``.

    Raises:
        KeyError: no such option (a typo in a key fails loudly, never silently).
    """
    if key in _MACHINE_BY_KEY:
        return _MACHINE_BY_KEY[key]
    try:
        return _by_key()[key]
    except KeyError:
        raise KeyError(f"no setting {key!r} is declared in services/settings.py") from None


def options(page: str | None = None, where: str | None = None) -> tuple[Option, ...]:
    """The options of one page and/or one store, in declaration order."""
    return tuple(o for o in all_options()
                 if (page is None or o.page == page) and (where is None or o.where == where))


# ---- stores ------------------------------------------------------------------------------

class MachineStore(Protocol):
    """Where ``MACHINE`` options live (``ui/settings.QSettingsStore`` in the app)."""

    def read(self, option: Option) -> Any:
        """The stored value, or ``MISSING``."""

    def write(self, option: Option, value: Any) -> None: ...


class MemoryStore:
    """A machine store in memory: the command line and tests without a GUI."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def read(self, option: Option) -> Any:
        return self.values.get(option.key, MISSING)

    def write(self, option: Option, value: Any) -> None:
        self.values[option.key] = value


_machine: MachineStore = MemoryStore()


def use_machine_store(store: MachineStore) -> None:
    """Keep ``MACHINE`` options in ``store`` from now on."""
    global _machine
    _machine = store


def _decode(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return MISSING


def _encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _valid_or_default(opt: Option, raw: Any) -> Any:
    if raw is MISSING or (isinstance(raw, float) and not math.isfinite(raw)) \
            or opt.check(raw) is not None:
        return opt.fallback()
    return opt.clean(raw)


# ---- reading -----------------------------------------------------------------------------

def get(key: str) -> Any:
    """The typed value of ``key``: the stored one when valid, else the default.

    Raises:
        KeyError: no such option.
        peewee/sqlite3 errors: a journal option was asked for and the journal cannot be read.
    """
    return get_many([key])[key]


def get_many(keys: Iterable[str]) -> dict[str, Any]:
    """The typed values of ``keys`` ({key: value}), journal options in one query."""
    opts = [option(k) for k in keys]
    journal_keys = [o.key for o in opts if o.where == JOURNAL]
    if journal_keys:
        from ..store import settings_repo

        stored = settings_repo.read(journal_keys)
    else:
        stored = {}
    out = {}
    for opt in opts:
        if opt.where == JOURNAL:
            raw = _decode(stored[opt.key]) if opt.key in stored else MISSING
        else:
            raw = _machine.read(opt)
        out[opt.key] = _valid_or_default(opt, raw)
    return out


def defaults(keys: Iterable[str] | None = None) -> dict[str, Any]:
    """{key: default} of ``keys`` (every option when None)."""
    return {k: option(k).fallback() for k in (keys if keys is not None else _by_key())}


# ---- writing -----------------------------------------------------------------------------

def validate(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values in their stored form, checked one by one and then together.

    Options that must fit together (the thresholds: green below acceptable ...) are
    checked with the stored values of the others in their group.

    Raises:
        ValidationError: {key: message} for every refused value; or one message (key "")
            "These values do not fit together: ..." for a group that does not fit.
        KeyError: a key names no option.
    """
    errors, clean = {}, {}
    for key, value in values.items():
        opt = option(key)
        message = opt.check(value)
        if message:
            errors[key] = message
        else:
            clean[key] = opt.clean(value)
    if errors:
        raise ValidationError(errors)
    for group, check in _GROUP_CHECKS:
        keys = group()
        if any(k in clean for k in keys):
            check({**get_many(keys), **{k: v for k, v in clean.items() if k in keys}})
    return clean


def _write(clean: Mapping[str, Any]) -> None:
    journal = {k: _encode(v) for k, v in clean.items() if option(k).where == JOURNAL}
    if journal:
        from ..store import settings_repo

        settings_repo.write(journal)
    for key, value in clean.items():
        opt = option(key)
        if opt.where == MACHINE:
            _machine.write(opt, value)


def set(key: str, value: Any) -> None:
    """Check and store one value (see ``set_many``)."""
    set_many({key: value})


def set_many(values: Mapping[str, Any]) -> None:
    """Check every value, then store them all (journal ones in one transaction).

    Raises:
        ValidationError: {key: message}; nothing was written.
        StorageError: the journal could not be written; nothing was written.
    """
    clean = validate(values)
    if any(option(k).where == JOURNAL for k in clean):
        from .edit import transaction

        transaction(lambda: _write(clean))
    else:
        _write(clean)


def edit(values: Mapping[str, Any], *, label: str | None = None,
         saved: str | None = None) -> Edit:
    """Change journal options as one undoable edit (one transaction, one undo step).

    Args:
        values: {key: value} of ``JOURNAL`` options.
        label, saved: the undo text and the status text, in the current language
            (default "change preferences", "Preferences saved").

    Returns:
        The ``Edit`` (``no_change`` when every value was already so).

    Raises:
        ValidationError: a value was refused (see ``validate``); nothing was written.
        StorageError: the write failed; nothing was written.
        ValueError: a key names a ``MACHINE`` option (those have no undo).
    """
    from ..store import settings_repo
    from .edit import SETTINGS, Change, no_change, perform

    label = _("change preferences") if label is None else label
    saved = _("Preferences saved") if saved is None else saved
    clean = validate(values)
    machine = [k for k in clean if option(k).where != JOURNAL]
    if machine:
        raise ValueError(f"edit() changes journal options only, not {machine}")
    if get_many(clean) == clean:
        return no_change(label, scope=SETTINGS)
    keys = list(clean)

    def do() -> Change:
        stored = settings_repo.read(keys)
        before = {k: stored.get(k) for k in keys}
        _write(clean)
        return Change(undo=lambda: settings_repo.restore(before), redo=lambda: _write(clean))

    return perform(label, do, scope=SETTINGS, saved=saved)


# ---- the pain-monitoring thresholds ----------------------------------------------------------

@cache
def _threshold_keys() -> tuple[str, ...]:
    from ..domain import light as light_mod

    return tuple(f"thresholds.{f.name}" for f in dc_fields(light_mod.Thresholds))


def _thresholds_from(values: Mapping[str, Any]) -> light_mod.Thresholds:
    """Raises ValueError when the values do not fit together."""
    from ..domain import light as light_mod

    return light_mod.Thresholds(**{option(k).field: v for k, v in values.items()})


def thresholds() -> light_mod.Thresholds:
    """The journal's pain-monitoring thresholds (the defaults when stored ones clash)."""
    from ..domain import light as light_mod

    try:
        return _thresholds_from(get_many(_threshold_keys()))
    except ValueError:
        return light_mod.DEFAULT_THRESHOLDS


#: Thresholds that must stay in order: (lower key, upper key, strictly below?).
_ORDERED: tuple[tuple[str, str, bool], ...] = (
    ("thresholds.green_peak_max", "thresholds.acceptable_pain", True),
    ("thresholds.baseline_min_ratings", "thresholds.baseline_days", False),
)


def _check_thresholds(values: dict[str, Any]) -> None:
    for low, high, strict in _ORDERED:
        if low not in values or high not in values:
            continue
        a, b = values[low], values[high]
        if a > b or (strict and a == b):
            text = (_("\u201c{low}\u201d ({low_value}) must be below \u201c{high}\u201d "
                      "({high_value}).") if strict else
                    _("\u201c{low}\u201d ({low_value}) must be at most \u201c{high}\u201d "
                      "({high_value})."))
            raise ValidationError({low: text.format(
                low=_(option(low).label), low_value=format_number(a, 6),
                high=_(option(high).label), high_value=format_number(b, 6))})
    try:
        _thresholds_from(values)
    except ValueError as exc:
        raise ValidationError(_("These values do not fit together: {reason}")
                              .format(reason=exc)) from None


# ---- activity files: the sport mapping and the heart rates ----------------------------------

MAPPING_KEY = "activities.mapping"
HR_REST_KEY = "hr.rest"
HR_MAX_KEY = "hr.max"
HR_WEIGHTING_KEY = "hr.weighting"
MAX_MAPPING_ENTRIES = 500
MAX_MAPPING_CHARS = 100


def mapping_problem(text: Any) -> str | None:
    """Why ``text`` is not a sport mapping, or None: a JSON object of at most 500 entries,
    each a sport (text, "running" or "running/trail") to an activity kind (text, not
    blank, at most 100 characters)."""
    name = option(MAPPING_KEY).display_name
    try:
        data = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return _("{name} must be a JSON object of sports to activities, such as "
                 "{{\"running/trail\": \"run\"}}.").format(name=name)
    if len(data) > MAX_MAPPING_ENTRIES:
        return _("{name} has {n} entries; at most {limit}.").format(
            name=name, n=len(data), limit=MAX_MAPPING_ENTRIES)
    for sport, kind in data.items():
        if not isinstance(kind, str) or not kind.strip():
            return _("{name}: the sport \u201c{sport}\u201d needs an activity (text).").format(
                name=name, sport=sport[:MAX_MAPPING_CHARS])
        if not sport.strip() or len(sport) > MAX_MAPPING_CHARS \
                or len(kind) > MAX_MAPPING_CHARS or any(
                    not ch.isprintable() for ch in sport + kind):
            return _("{name}: \u201c{sport}\u201d: sports and activities are one line of "
                     "at most {limit} characters.").format(
                         name=name, sport=sport[:MAX_MAPPING_CHARS], limit=MAX_MAPPING_CHARS)
    return None


def _check_mapping(values: dict[str, Any]) -> None:
    problem = mapping_problem(values[MAPPING_KEY])
    if problem:
        raise ValidationError({MAPPING_KEY: problem})


def sport_mapping() -> dict[str, str]:
    """The person's sport mapping ({sport key: activity kind}; Preferences > Activity
    files), on top of ``domain.activities.DEFAULT_SPORT_KINDS``; {} when none is stored
    or the stored one is not a valid mapping."""
    text = get(MAPPING_KEY)
    if mapping_problem(text) is not None:
        return {}
    return {str(k): str(v).strip() for k, v in json.loads(text).items()}


def heart_rates() -> tuple[int | None, int | None, str]:
    """(resting, maximum, weighting) for the heart-rate load: None for a heart rate not
    set (0), or for both when they do not fit (maximum not above resting)."""
    values = get_many((HR_REST_KEY, HR_MAX_KEY, HR_WEIGHTING_KEY))
    rest, top = values[HR_REST_KEY] or None, values[HR_MAX_KEY] or None
    if rest is not None and top is not None and top <= rest:
        rest = top = None
    return rest, top, values[HR_WEIGHTING_KEY]


def _check_heart_rates(values: dict[str, Any]) -> None:
    rest, top = values[HR_REST_KEY], values[HR_MAX_KEY]
    if rest and top and top <= rest:
        raise ValidationError({HR_MAX_KEY: _(
            "Maximum heart rate ({high} bpm) must be above the resting heart rate ({low} "
            "bpm).").format(high=top, low=rest)})


#: Options that must fit together: (their keys, a check raising ValidationError).
_GROUP_CHECKS: tuple[tuple[Callable[[], tuple[str, ...]],
                           Callable[[dict[str, Any]], None]], ...] = (
    (_threshold_keys, _check_thresholds),
    (lambda: (MAPPING_KEY,), _check_mapping),
    (lambda: (HR_REST_KEY, HR_MAX_KEY), _check_heart_rates),
)
