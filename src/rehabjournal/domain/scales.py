"""Scales, vocabularies and field validation for the journal.

Everything a form or a calculation needs to agree on: the pain and effort scales, swelling
grades, red-flag codes (domain.md section 6), conditions and contributors (section 5), event
and activity kinds, and ``validate_*`` helpers whose messages are shown next to a field.

Standard library only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

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


def cr10_label(value: int | None) -> str:
    """Return the CR-10 label of an RPE value.

    Args:
        value: a whole number 0-10, or None.

    Returns:
        The label, or "" for the unlabelled points (6, 8, 9), None or out-of-range values.
    """
    if value is None:
        return ""
    return CR10_LABELS.get(value, "")


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

    Attributes:
        key: ``URGENT`` or ``ASSESSMENT``.
        heading: the words that start every message of this tier ("See a clinician now").
        advice: what to do, one or two plain sentences (shown after the heading).
        colour: background of its banner or box, and the colour of its mark ("#rrggbb";
            white text is readable on it).
        symbol: one character marking a day of this tier where colour alone is not enough
            (the light strip, black-and-white print): "!" urgent, "?" assessment.
        legend: the legend entry, e.g. "! Red flag: see a clinician now".
        rank: 0 for the most urgent tier (sorting: the urgent tier comes first).
    """

    key: str
    heading: str
    advice: str
    colour: str
    symbol: str
    legend: str
    rank: int


FLAG_TIERS: Final = MappingProxyType(
    {
        URGENT: FlagTier(
            URGENT,
            "See a clinician now",
            "Do not train through this. If you cannot reach your clinician today, seek "
            "urgent care.",
            "#b71c1c",
            "!",
            "! Red flag: see a clinician now",
            0,
        ),
        ASSESSMENT: FlagTier(
            ASSESSMENT,
            "Book an assessment",
            "Arrange to see your physiotherapist or doctor in the coming days; keep the "
            "load modest until then.",
            "#a05a00",
            "?",
            "? Red flag: book an assessment",
            1,
        ),
    }
)
"""Ordered, read-only mapping: tier key -> ``FlagTier`` (the urgent tier first)."""

URGENCY_ADVICE: Final = MappingProxyType({k: f"{t.heading}." for k, t in FLAG_TIERS.items()})
"""Tier key -> its heading as a sentence ("See a clinician now.", "Book an assessment.")."""

RED_FLAGS: Final = MappingProxyType(
    {
        "cannot_bear_weight": ("Cannot bear weight or take 4 steps", URGENT),
        "hot_swollen_fever": ("Hot, red, swollen joint with a fever or feeling unwell", URGENT),
        "deformity_rapid_swelling": ("Visible deformity or rapid, large swelling", URGENT),
        "locking_giving_way": ("Knee locks, catches or gives way", URGENT),
        "cannot_slr": ("Cannot lift the leg with the knee straight (straight-leg raise)", URGENT),
        "numb_cold_leg": ("Numbness, coldness or loss of pulse in the leg", URGENT),
        "calf_dvt": ("Calf swelling, warmth and tenderness (possible blood clot)", URGENT),
        "night_or_constant_pain": ("Pain at night or constant pain", ASSESSMENT),
        "pop_or_injury_moment": ('A "pop" or a specific moment of injury', ASSESSMENT),
    }
)
"""Ordered, read-only mapping: code -> (plain-English label, URGENT or ASSESSMENT)."""


def red_flag_label(code: str) -> str:
    """Return the label of a red-flag code, or the code itself when unknown."""
    entry = RED_FLAGS.get(code)
    return entry[0] if entry else code


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

    Attributes:
        key: stable code stored in the journal.
        name: display name.
        location: typical pain location, in plain words.
        triggers: common triggers.
    """

    key: str
    name: str
    location: str
    triggers: tuple[str, ...]


CONDITIONS: Final = MappingProxyType(
    {
        c.key: c
        for c in (
            Condition(
                "patellofemoral_pain",
                "Patellofemoral pain (runner's knee)",
                "behind or around the kneecap",
                ("running", "stairs", "squats", "long sitting"),
            ),
            Condition(
                "it_band_syndrome",
                "IT band syndrome",
                "outer knee",
                ("running", "cycling", "repeated bending"),
            ),
            Condition(
                "patellar_tendinopathy",
                "Patellar tendinopathy (jumper's knee)",
                "below the kneecap",
                ("jumping", "sprinting", "hard landings"),
            ),
            Condition(
                "pes_anserine",
                "Pes anserine tendinopathy / bursitis",
                "inner knee below the joint line",
                ("kneeling", "pressure", "friction"),
            ),
            Condition(
                "oa_flare",
                "Mild osteoarthritis flare",
                "diffuse",
                ("repetitive loading",),
            ),
        )
    }
)
"""Ordered, read-only mapping: key -> Condition."""

CONTRIBUTORS: Final = (
    "hip and glute weakness",
    "quadriceps weakness",
    "restricted ankle dorsiflexion",
    "tight structures",
    "training error",
    "footwear or surface change",
    "sleep",
    "nutrition",
    "stress",
)
"""Contributors a user can record, in plain words (training error is the most common)."""

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

EVENT_LABELS: Final = MappingProxyType(
    {
        "flare": "Flare-up",
        "deload_start": "Start of a lighter (deload) period",
        "new_shoes": "New shoes",
        "surface_change": "Change of surface",
        "injection": "Injection",
        "appointment": "Appointment",
        "custom": "Other event",
    }
)


def event_label(kind: str) -> str:
    """Return the display label of an event kind, or the kind itself when unknown."""
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

# --- Validation -----------------------------------------------------------------------------


def _fmt_number(value: float) -> str:
    """Format a number for a message: 11 -> "11", 7.5 -> "7.5"."""
    if isinstance(value, int):
        return str(value)
    return f"{value:g}"


_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)
"""A number as a form takes it: ASCII digits and one decimal point (domain.validation has
the same rule for files)."""


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
        field: the field name as the user sees it, e.g. "Morning pain".
        whole: require a whole number (3.0 counts as whole).
        unit: optional unit appended to the range, e.g. "minutes".
        required: whether a missing value is an error.

    Returns:
        An error message to show next to the field, or None when the value is fine.
    """
    kind = "a whole number" if whole else "a number"
    suffix = f" {unit}" if unit else ""
    expected = f"{field} must be {kind} from {_fmt_number(lo)} to {_fmt_number(hi)}{suffix}"
    if isinstance(value, str):
        text = value.strip()
        if not text:
            value = None
        elif not _PLAIN_NUMBER.fullmatch(text):
            # float() also reads "1_0" (10), "３" and "٣" (3), "nan" and "1e3"
            return f"{expected} (got \u201c{text}\u201d)."
        else:
            value = float(text)
    if value is None:
        return f"{field} is required." if required else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{expected} (got {value!r})."
    if math.isnan(value) or math.isinf(value):
        return f"{expected} (got {value})."
    if whole and value != int(value):
        return f"{expected} (got {_fmt_number(value)})."
    if value < lo or value > hi:
        shown = int(value) if whole else value
        return f"{expected} (got {_fmt_number(shown)})."
    return None


def validate_pain(value: object, field: str = "Pain", *, required: bool = False) -> str | None:
    """Validate a 0-10 NPRS rating, e.g. ``validate_pain(11, "Morning pain")``."""
    return validate_range(value, PAIN_MIN, PAIN_MAX, field, required=required)


def validate_rpe(
    value: object, field: str = "Effort (RPE)", *, required: bool = False
) -> str | None:
    """Validate a CR-10 session RPE (whole number 0-10)."""
    return validate_range(value, RPE_MIN, RPE_MAX, field, required=required)


def validate_minutes(
    value: object, field: str = "Duration", *, required: bool = False
) -> str | None:
    """Validate a duration in whole minutes (0-1440)."""
    return validate_range(value, 0, MINUTES_MAX, field, unit="minutes", required=required)


def validate_stiffness_min(
    value: object, field: str = "Morning stiffness", *, required: bool = False
) -> str | None:
    """Validate morning stiffness in whole minutes (0-1440)."""
    return validate_range(value, 0, MINUTES_MAX, field, unit="minutes", required=required)


def validate_sleep_hours(
    value: object, field: str = "Sleep", *, required: bool = False
) -> str | None:
    """Validate hours slept (0-24, fractions allowed)."""
    return validate_range(
        value, 0, SLEEP_HOURS_MAX, field, whole=False, unit="hours", required=required
    )


def _validate_choice(
    value: object, choices: Iterable[str], field: str, required: bool
) -> str | None:
    """Check that a value is one of ``choices``; None/"" mean "not given"."""
    if value is None or value == "":
        return f"{field} is required." if required else None
    options = tuple(choices)
    if value in options:
        return None
    return f"{field} must be one of {', '.join(options)} (got {value!r})."


def validate_swelling(
    value: object, field: str = "Swelling", *, required: bool = False
) -> str | None:
    """Validate a swelling grade (one of ``SWELLING_GRADES``)."""
    return _validate_choice(value, SWELLING_GRADES, field, required)


def validate_red_flag_code(value: object, field: str = "Red flag") -> str | None:
    """Validate a red-flag code (a key of ``RED_FLAGS``); a code is always required."""
    if isinstance(value, str) and value in RED_FLAGS:
        return None
    return f"{field} {value!r} is not a known red flag."
