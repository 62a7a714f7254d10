"""Scales, vocabularies and field validation for the journal.

Everything a form or a calculation needs to agree on: the pain and effort scales, swelling
grades, red-flag codes (domain.md section 6), conditions and contributors (section 5), event
and activity kinds, and ``validate_*`` helpers whose messages are shown next to a field.

Standard library only (and ``rehabjournal.i18n``: labels and messages are marked for
translation; the codes and keys stay English).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, TypeVar

from ..i18n import N_, _, decimal_separator, format_fixed, pgettext

_K = TypeVar("_K")


class TranslatedMap(Mapping[_K, str]):
    """A read-only mapping of English texts (marked ``N_``) that gives each value in the
    current language when it is read (``m[key]``, ``m.get(key)``, ``m.values()``).

    For the module-level label tables views read directly: the translation happens where
    the text is shown, never at import. An empty value stays "" (never gettext's header).
    """

    def __init__(self, items: Mapping[_K, str]):
        self._items = dict(items)

    def __getitem__(self, key: _K) -> str:
        return tr(self._items[key])

    def __iter__(self) -> Iterator[_K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def english(self, key: _K) -> str:
        """The value as written (English), e.g. for a file."""
        return self._items[key]

    def __repr__(self) -> str:
        return f"TranslatedMap({self._items!r})"


def tr(text: str) -> str:
    """``text`` (an English message marked with ``N_``) in the current language; "" stays
    "" (gettext of "" would be the catalogue's header)."""
    return _(text) if text else text


def fixed(value: float, digits: int = 1) -> str:
    """``f"{value:.1f}"`` in the current language: 2.0 -> "2.0" ("2,0" in French and
    German); the same rounding as Python's."""
    return format_fixed(round(float(value), digits), digits)


# --- Pain (NPRS) and effort (CR-10) -----------------------------------------------------------

PAIN_MIN: Final = 0
PAIN_MAX: Final = 10

RPE_MIN: Final = 0
RPE_MAX: Final = 10

CR10_LABELS: Final[dict[int, str]] = {
    0: "rest",
    1: "very, very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}
"""RPE -> its CR-10 label in English (``cr10_label`` gives it in the current language)."""


def _cr10_words() -> dict[int, str]:
    """``CR10_LABELS`` in the current language ("rest" of the scale, not between sets)."""
    return {
        0: pgettext("CR-10", "rest"),
        1: pgettext("CR-10", "very, very easy"),
        2: pgettext("CR-10", "easy"),
        3: pgettext("CR-10", "moderate"),
        4: pgettext("CR-10", "somewhat hard"),
        5: pgettext("CR-10", "hard"),
        7: pgettext("CR-10", "very hard"),
        10: pgettext("CR-10", "maximal"),
    }


def cr10_label(value: int | None) -> str:
    """Return the CR-10 label of an RPE value.

    Args:
        value: a whole number 0-10, or None.

    Returns:
        The label in the current language, or "" for the unlabelled points (6, 8, 9), None
        or out-of-range values.
    """
    if value is None:
        return ""
    return _cr10_words().get(value, "")


# --- Swelling, limits --------------------------------------------------------------------------

SWELLING_GRADES: Final = ("none", "mild", "moderate", "severe")

MINUTES_MAX: Final = 1440  # a day
SLEEP_HOURS_MAX: Final = 24

# --- Red flags (domain.md section 6) ----------------------------------------------------------

URGENT: Final = "urgent"
"""Urgency of a red flag that means: see a clinician now."""
ASSESSMENT: Final = "assessment"
"""Urgency of a red flag that means: book an assessment."""



@dataclass(frozen=True, slots=True)
class FlagTier:
    """How a tier of red flags is shown in every view (Today, Journal, strip, PDF).

    The two tiers are domain.md section 6: "Seek care now" (urgent) and "Book an
    assessment". Each view uses these texts, colours and symbols, never its own.

    The texts are kept in English (``*_msg``) and read in the current language through
    ``heading``, ``advice`` and ``legend``, so every view gets them translated.

    Attributes:
        key: ``URGENT`` or ``ASSESSMENT``.
        heading_msg: the words that start every message of this tier ("See a clinician
            now"); ``heading`` is the same in the current language.
        advice_msg: what to do, one or two plain sentences (shown after the heading);
            ``advice`` in the current language.
        colour: background of its banner or box, and the colour of its mark ("#rrggbb";
            white text is readable on it).
        symbol: one character marking a day of this tier where colour alone is not enough
            (the light strip, black-and-white print): "!" urgent, "?" assessment.
        legend_msg: the legend entry, e.g. "! Red flag: see a clinician now"; ``legend``
            in the current language.
        rank: 0 for the most urgent tier (sorting: the urgent tier comes first).
    """

    key: str
    heading_msg: str
    advice_msg: str
    colour: str
    symbol: str
    legend_msg: str
    rank: int

    @property
    def heading(self) -> str:
        """"See a clinician now" / "Book an assessment", in the current language."""
        return _(self.heading_msg)

    @property
    def advice(self) -> str:
        """What to do, in the current language."""
        return _(self.advice_msg)

    @property
    def legend(self) -> str:
        """The legend entry ("! Red flag: see a clinician now"), in the current language."""
        return _(self.legend_msg)


FLAG_TIERS: Final = MappingProxyType(
    {
        URGENT: FlagTier(
            URGENT,
            N_("See a clinician now"),
            N_("Do not train through this. If you cannot reach your clinician today, seek "
               "urgent care."),
            "#b71c1c",
            "!",
            N_("! Red flag: see a clinician now"),
            0,
        ),
        ASSESSMENT: FlagTier(
            ASSESSMENT,
            N_("Book an assessment"),
            N_("Arrange to see your physiotherapist or doctor in the coming days; keep the "
               "load modest until then."),
            "#a05a00",
            "?",
            N_("? Red flag: book an assessment"),
            1,
        ),
    }
)
"""Ordered, read-only mapping: tier key -> ``FlagTier`` (the urgent tier first)."""

URGENCY_ADVICE: Final = TranslatedMap({URGENT: N_("See a clinician now."),
                                       ASSESSMENT: N_("Book an assessment.")})
"""Tier key -> its heading as a sentence ("See a clinician now.", "Book an assessment."),
read in the current language."""

RED_FLAGS: Final = MappingProxyType(
    {
        "cannot_bear_weight": (N_("Cannot bear weight or take 4 steps"), URGENT),
        "hot_swollen_fever": (N_("Hot, red, swollen joint with a fever or feeling unwell"),
                              URGENT),
        "deformity_rapid_swelling": (N_("Visible deformity or rapid, large swelling"), URGENT),
        "locking_giving_way": (N_("Knee locks, catches or gives way"), URGENT),
        "cannot_slr": (N_("Cannot lift the leg with the knee straight (straight-leg raise)"),
                       URGENT),
        "numb_cold_leg": (N_("Numbness, coldness or loss of pulse in the leg"), URGENT),
        "calf_dvt": (N_("Calf swelling, warmth and tenderness (possible blood clot)"), URGENT),
        "night_or_constant_pain": (N_("Pain at night or constant pain"), ASSESSMENT),
        "pop_or_injury_moment": (N_('A "pop" or a specific moment of injury'), ASSESSMENT),
    }
)
"""Ordered, read-only mapping: code -> (plain-English label, URGENT or ASSESSMENT). The
label is English (marked ``N_``): show it with ``red_flag_label(code)``."""


def red_flag_label(code: str) -> str:
    """Return the label of a red-flag code in the current language, or the code itself
    when unknown."""
    entry = RED_FLAGS.get(code)
    return _(entry[0]) if entry else code


def flag_tier(code: str) -> str:
    """Return the tier (``URGENT`` or ``ASSESSMENT``) of a red-flag code.

    Unknown codes (not in ``RED_FLAGS``; validation refuses them) are ``ASSESSMENT``.
    """
    entry = RED_FLAGS.get(code)
    return entry[1] if entry else ASSESSMENT


def worst_tier(codes: Iterable[str]) -> str | None:
    """The most urgent tier among red-flag codes (``URGENT`` before ``ASSESSMENT``).

    Returns:
        ``URGENT``, ``ASSESSMENT``, or None when ``codes`` is empty.
    """
    tiers = {flag_tier(c) for c in codes}
    if not tiers:
        return None
    return min(tiers, key=lambda t: FLAG_TIERS[t].rank)


def is_urgent(code: str) -> bool:
    """Return True when a red-flag code means "see a clinician now".

    Unknown codes are not urgent (validate them with ``validate_red_flag_code``).
    """
    entry = RED_FLAGS.get(code)
    return entry is not None and entry[1] == URGENT


# --- Conditions and contributors (domain.md section 5) -----------------------------------------


@dataclass(frozen=True, slots=True)
class Condition:
    """A common knee overuse condition, for the profile and for pain location.

    The words are kept in English (``*_msg``) and read in the current language through
    ``name``, ``location`` and ``triggers``.

    Attributes:
        key: stable code stored in the journal.
        name_msg: display name (English); ``name`` in the current language.
        location_msg: typical pain location, in plain words (English); ``location`` in the
            current language.
        triggers_msg: common triggers (English); ``triggers`` in the current language.
    """

    key: str
    name_msg: str
    location_msg: str
    triggers_msg: tuple[str, ...]

    @property
    def name(self) -> str:
        return _(self.name_msg)

    @property
    def location(self) -> str:
        return _(self.location_msg)

    @property
    def triggers(self) -> tuple[str, ...]:
        return tuple(_(t) for t in self.triggers_msg)


CONDITIONS: Final = MappingProxyType(
    {
        c.key: c
        for c in (
            Condition(
                "patellofemoral_pain",
                N_("Patellofemoral pain (runner's knee)"),
                N_("behind or around the kneecap"),
                (N_("running"), N_("stairs"), N_("squats"), N_("long sitting")),
            ),
            Condition(
                "it_band_syndrome",
                N_("IT band syndrome"),
                N_("outer knee"),
                (N_("running"), N_("cycling"), N_("repeated bending")),
            ),
            Condition(
                "patellar_tendinopathy",
                N_("Patellar tendinopathy (jumper's knee)"),
                N_("below the kneecap"),
                (N_("jumping"), N_("sprinting"), N_("hard landings")),
            ),
            Condition(
                "pes_anserine",
                N_("Pes anserine tendinopathy / bursitis"),
                N_("inner knee below the joint line"),
                (N_("kneeling"), N_("pressure"), N_("friction")),
            ),
            Condition(
                "oa_flare",
                N_("Mild osteoarthritis flare"),
                N_("diffuse"),
                (N_("repetitive loading"),),
            ),
        )
    }
)
"""Ordered, read-only mapping: key -> Condition."""

CONTRIBUTORS: Final = (
    N_("hip and glute weakness"),
    N_("quadriceps weakness"),
    N_("restricted ankle dorsiflexion"),
    N_("tight structures"),
    N_("training error"),
    N_("footwear or surface change"),
    N_("sleep"),
    N_("nutrition"),
    N_("stress"),
)
"""Contributors a user can record, in plain English words (training error is the most
common); show each with ``tr()``."""

# --- Events, activities, body -------------------------------------------------------------------

EVENT_KINDS: Final = (
    "flare",
    "deload_start",
    "new_shoes",
    "surface_change",
    "injection",
    "appointment",
    "custom",
)

EVENT_LABELS: Final = TranslatedMap(
    {
        "flare": N_("Flare-up"),
        "deload_start": N_("Start of a lighter (deload) period"),
        "new_shoes": N_("New shoes"),
        "surface_change": N_("Change of surface"),
        "injection": N_("Injection"),
        "appointment": N_("Appointment"),
        "custom": N_("Other event"),
    }
)
"""Event kind -> its label, read in the current language."""


def event_label(kind: str) -> str:
    """Return the display label of an event kind in the current language, or the kind
    itself when unknown."""
    return EVENT_LABELS.get(kind, kind)


ACTIVITY_KINDS: Final = (
    "run",
    "walk",
    "cycle",
    "swim",
    "rehab exercises",
    "gym",
    "sport",
    "hike",
    "other",
)
"""Default suggestions for a session's kind; users may type their own."""

JOINTS: Final = ("knee", "hip", "ankle", "foot", "lower leg", "thigh", "lower back", "other")

SIDES: Final = ("left", "right", "both", "")
"""Body sides; "" means not applicable or not given."""


def activity_name(kind: str) -> str:
    """A session's activity in the current language ("run" -> "course" / "Laufen"); an
    activity the person typed, as typed. The journal keeps the English key."""
    names = {
        "run": pgettext("activity", "run"), "walk": pgettext("activity", "walk"),
        "cycle": pgettext("activity", "cycle"), "swim": pgettext("activity", "swim"),
        "rehab exercises": pgettext("activity", "rehab exercises"),
        "gym": pgettext("activity", "gym"), "sport": pgettext("activity", "sport"),
        "hike": pgettext("activity", "hike"), "other": pgettext("activity", "other"),
    }
    return names.get(kind, kind)


def joint_name(joint: str) -> str:
    """A joint in the current language ("knee" -> "genou" / "Knie"); a typed one as typed."""
    names = {
        "knee": pgettext("joint", "knee"), "hip": pgettext("joint", "hip"),
        "ankle": pgettext("joint", "ankle"), "foot": pgettext("joint", "foot"),
        "lower leg": pgettext("joint", "lower leg"), "thigh": pgettext("joint", "thigh"),
        "lower back": pgettext("joint", "lower back"), "other": pgettext("joint", "other"),
    }
    return names.get(joint, joint)


def side_name(side: str) -> str:
    """A body side in the current language ("left" -> "gauche" / "links"); "" stays ""."""
    names = {"left": pgettext("side", "left"), "right": pgettext("side", "right"),
             "both": pgettext("side", "both")}
    return names.get(side, side)


def site_label(side: str, joint: str, area: str = "") -> str:
    """A pain site as the window and the PDF show it, in the current language: "left knee
    (below the kneecap)" / "genou (gauche) (sous la rotule)"; the area as the person typed it.
    The stored English label (``PainSite.label``) stays the file formats' key."""
    text = side_joint_name(side, joint)
    return _("{site} ({area})").format(site=text, area=area) if area else text


def side_joint_name(side: str, joint: str) -> str:
    """"left knee" in the current language ("genou gauche", "linkes Knie" as the catalogue
    words it); the side or the joint alone when the other is not set; "" when neither."""
    if side and joint:
        return _("{side} {joint}").format(side=side_name(side), joint=joint_name(joint))
    return side_name(side) or joint_name(joint)

# --- Validation -----------------------------------------------------------------------------


def _fmt_number(value: float) -> str:
    """Format a number for a message: 11 -> "11", 7.5 -> "7.5" ("7,5" in French and
    German)."""
    if isinstance(value, int):
        return str(value)
    return general(value)


def general(value: float) -> str:
    """``f"{value:g}"`` in the current language: 7.5 -> "7.5" ("7,5"), 2.0 -> "2"."""
    return f"{value:g}".replace(".", decimal_separator())


_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)
"""A number as a form takes it: ASCII digits and one decimal point (domain.validation has
the same rule for files)."""


def range_text(field: str, lo: float, hi: float, *, whole: bool = True, unit: str = "") -> str:
    """"Morning pain must be a whole number from 0 to 10", "Sleep must be a number from 0
    to 24 hours", in the current language.

    Args:
        field: the field's label, already in the current language.
        lo, hi: the range, already written (``_fmt_number``).
        whole: a whole number is asked for.
        unit: the unit's word in English ("minutes", "hours", "km"; marked with ``N_``),
            or "".
    """
    if unit:
        if whole:
            text = _("{field} must be a whole number from {low} to {high} {unit}")
        else:
            text = _("{field} must be a number from {low} to {high} {unit}")
    elif whole:
        text = _("{field} must be a whole number from {low} to {high}")
    else:
        text = _("{field} must be a number from {low} to {high}")
    return text.format(field=field, low=lo, high=hi, unit=tr(unit))


def got_text(expected: str, got: str) -> str:
    """"<expected> (got <value>)." in the current language."""
    return _("{expected} (got {value})").format(expected=expected, value=got) + "."


def required_text(field: str) -> str:
    """"Morning pain is required." in the current language (``field`` already translated)."""
    return _("{field} is required").format(field=field) + "."


#: Units the validation messages name (translated where shown).
UNIT_WORDS: Final = (N_("minutes"), N_("hours"), N_("km"))


def validate_range(
    value: object,
    lo: float,
    hi: float,
    field: str,
    *,
    whole: bool = True,
    unit: str = "",
    required: bool = False,
) -> str | None:
    """Check that a value is a number within [lo, hi].

    Strings are parsed (form fields); "" and None mean "not given".

    Args:
        value: the value to check.
        lo: smallest allowed value.
        hi: largest allowed value.
        field: the field name as the user sees it, e.g. "Morning pain" (an English label
            marked ``N_`` is translated here; a label already translated stays as it is).
        whole: require a whole number (3.0 counts as whole).
        unit: optional unit appended to the range, e.g. "minutes".
        required: whether a missing value is an error.

    Returns:
        An error message to show next to the field (in the current language), or None
        when the value is fine.
    """
    field = tr(field)
    expected = range_text(field, _fmt_number(lo), _fmt_number(hi), whole=whole, unit=unit)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            value = None
        elif not _PLAIN_NUMBER.fullmatch(text):
            # float() also reads "1_0" (10), "３" and "٣" (3), "nan" and "1e3"
            return got_text(expected, f"\u201c{text}\u201d")
        else:
            value = float(text)
    if value is None:
        return required_text(field) if required else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return got_text(expected, repr(value))
    if math.isnan(value) or math.isinf(value):
        return got_text(expected, str(value))
    if whole and value != int(value):
        return got_text(expected, _fmt_number(value))
    if value < lo or value > hi:
        shown = int(value) if whole else value
        return got_text(expected, _fmt_number(shown))
    return None


def validate_pain(value: object, field: str = N_("Pain"), *,
                  required: bool = False) -> str | None:
    """Validate a 0-10 NPRS rating, e.g. ``validate_pain(11, "Morning pain")``."""
    return validate_range(value, PAIN_MIN, PAIN_MAX, field, required=required)


def validate_rpe(
    value: object, field: str = N_("Effort (RPE)"), *, required: bool = False
) -> str | None:
    """Validate a CR-10 session RPE (whole number 0-10)."""
    return validate_range(value, RPE_MIN, RPE_MAX, field, required=required)


def validate_minutes(
    value: object, field: str = N_("Duration"), *, required: bool = False
) -> str | None:
    """Validate a duration in whole minutes (0-1440)."""
    return validate_range(value, 0, MINUTES_MAX, field, unit="minutes", required=required)


def validate_stiffness_min(
    value: object, field: str = N_("Morning stiffness"), *, required: bool = False
) -> str | None:
    """Validate morning stiffness in whole minutes (0-1440)."""
    return validate_range(value, 0, MINUTES_MAX, field, unit="minutes", required=required)


def validate_sleep_hours(
    value: object, field: str = N_("Sleep"), *, required: bool = False
) -> str | None:
    """Validate hours slept (0-24, fractions allowed)."""
    return validate_range(
        value, 0, SLEEP_HOURS_MAX, field, whole=False, unit="hours", required=required
    )


def _validate_choice(
    value: object, choices: Iterable[str], field: str, required: bool
) -> str | None:
    """Check that a value is one of ``choices``; None/"" mean "not given"."""
    field = tr(field)
    if value is None or value == "":
        return required_text(field) if required else None
    options = tuple(choices)
    if value in options:
        return None
    return choice_text(field, options, repr(value)) + "."


def choice_text(field: str, choices: Iterable[str], got: str) -> str:
    """"Swelling must be one of none, mild, moderate, severe (got 'x')" in the current
    language (the choices are codes, shown as they are stored)."""
    return _("{field} must be one of {choices} (got {value})").format(
        field=field, choices=", ".join(choices), value=got)


def validate_swelling(
    value: object, field: str = N_("Swelling"), *, required: bool = False
) -> str | None:
    """Validate a swelling grade (one of ``SWELLING_GRADES``)."""
    return _validate_choice(value, SWELLING_GRADES, field, required)


def validate_red_flag_code(value: object, field: str = N_("Red flag")) -> str | None:
    """Validate a red-flag code (a key of ``RED_FLAGS``); a code is always required."""
    if isinstance(value, str) and value in RED_FLAGS:
        return None
    return _("{field} {value} is not a known red flag.").format(field=tr(field),
                                                               value=repr(value))
