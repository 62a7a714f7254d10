"""The clinician PDF report.

``styles`` (fonts, colours, paragraph styles), ``flowables`` (builders that return tables
and other flowables), ``builder`` (``build_pdf``: the story and the atomic write).

This module itself imports nothing heavy: the UI and the command line use its constants
without loading reportlab or matplotlib, which are imported when a report is first built.
"""

from __future__ import annotations

from ..errors import ValidationError
from ..i18n import N_, _

PAPERS: tuple[str, ...] = ("A4", "Letter")

# Countries that use US Letter paper (the rest of the world uses A4).
LETTER_COUNTRIES: frozenset[str] = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "PR", "DO", "SV", "NI"}
)

SECTIONS: dict[str, str] = {
    "patterns": N_("What came before flares (associations)"),
    "charts": N_("Charts on page one"),
    "weekly": N_("Weekly table"),
    "programme": N_("Current programme"),
    "outcomes": N_("Outcome measures"),
    "events": N_("Red flags and events"),
    "notes": N_("Notable notes"),
    "log": N_("Appendix: day-by-day log"),
    "sheet": N_("Fill-in programme sheet"),
}
"""Optional sections, key -> label. Page one ("what changed") is always included. The
labels are English (marked ``N_``): show them with ``i18n._(label)``."""

DEFAULT_SECTIONS: frozenset[str] = frozenset(SECTIONS) - {"sheet", "patterns"}
"""Every section but the fill-in sheet and the patterns (what often came before flares:
associations a person should choose to show, off by default)."""

DISCLAIMER = N_("Information, not medical advice.")
"""English (marked ``N_``): every PDF page and the Reports page show ``i18n._(DISCLAIMER)``."""


def paper_for_locale(name: str | None) -> str:
    """Default paper for a locale name such as "en_US", "es_MX.UTF-8" or "de-DE".

    Returns:
        "Letter" for countries that use US Letter, else "A4" (also for None or "C").
    """
    if not name:
        return "A4"
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    country = parts[-1].upper() if len(parts) > 1 else ""
    return "Letter" if country in LETTER_COUNTRIES else "A4"


def normalise_paper(value: str) -> str:
    """"a4" -> "A4", "letter" -> "Letter".

    Raises:
        ValidationError: (a ``ValueError``) for anything else, about the field "paper".
    """
    for paper in PAPERS:
        if value.strip().lower() == paper.lower():
            return paper
    raise ValidationError({"paper": _("Paper must be A4 or Letter (got {value}).")
                           .format(value=repr(value))})
