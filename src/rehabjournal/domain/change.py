"""Clinically important change of a pain rating or score (domain.md sections 2 and 4).

A change of about 2 NPRS points or about 30 % is clinically important (Farrar et al. 2001);
50 % is a substantial change. The function is direction-neutral: it reports the size of a
change, and ``direction`` says which way it went ("down" is better for pain, "up" for PSFS).

Farrar's 30 % was derived on moderate-to-severe pain, so for pain ratings the app counts the
relative change only when the first value is at least ``NPRS_FRACTION_FLOOR`` (4/10):
``pain_change`` applies that rule (a fall from 2.1 to 0.9 is -57 % but only 1.2 points: not
important). ``pain_rule_text`` words the rule for column headers.
"""

from __future__ import annotations

from typing import TypedDict

from ..i18n import _
from .scales import fixed, general

_EPS = 1e-9

NPRS_FRACTION_FLOOR = 4.0
"""First NPRS value (0-10) from which a relative change (30 %) counts as important."""


class Change(TypedDict):
    """Result of ``clinically_important``."""

    before: float
    after: float
    change: float
    percent: float | None
    direction: str
    meets_points: bool
    meets_fraction: bool
    important: bool
    substantial: bool


def clinically_important(
    before: float,
    after: float,
    points: float = 2,
    fraction: float = 0.30,
    fraction_floor: float | None = None,
) -> Change:
    """Describe the change from ``before`` to ``after``.

    Args:
        before: the earlier value (e.g. mean morning pain of the first week).
        after: the later value.
        points: absolute change that counts as important.
        fraction: relative change (of ``before``) that counts as important.
        fraction_floor: when given, the relative change counts only when ``|before|`` is
            at least this (``NPRS_FRACTION_FLOOR`` for pain ratings); None: always.

    Returns:
        A dict with ``change`` (after - before), ``percent`` (change as a percent of
        ``before``, None when ``before`` is 0), ``direction`` ("down", "up" or "none"),
        ``meets_points``, ``meets_fraction`` (False when ``before`` is 0 or below
        ``fraction_floor``), ``important`` (either one), and ``substantial`` (a change of
        at least 50 %; False when ``before`` is 0).
    """
    before_f, after_f = float(before), float(after)
    change = after_f - before_f
    size = abs(change)
    if before_f == 0:
        percent = None
        relative = None
    else:
        percent = change / abs(before_f) * 100.0
        relative = size / abs(before_f)
    meets_points = size >= points - _EPS
    meets_fraction = relative is not None and relative >= fraction - _EPS
    if fraction_floor is not None and abs(before_f) < fraction_floor - _EPS:
        meets_fraction = False
    if size < _EPS:
        direction = "none"
    else:
        direction = "down" if change < 0 else "up"
    return Change(
        before=before_f,
        after=after_f,
        change=change,
        percent=percent,
        direction=direction,
        meets_points=meets_points,
        meets_fraction=meets_fraction,
        important=meets_points or meets_fraction,
        substantial=relative is not None and relative >= 0.5 - _EPS,
    )


def pain_change(before: float, after: float, points: float = 2, fraction: float = 0.30) -> Change:
    """``clinically_important`` for NPRS pain ratings (0-10).

    Important when the change is at least ``points`` (2), or at least ``fraction`` (30 %)
    only when ``before`` is 4/10 or more (``NPRS_FRACTION_FLOOR``): Farrar et al. 2001
    derived the 30 % on moderate-to-severe pain. Pass the registry's
    ``improvement_points`` and ``improvement_fraction`` (``Thresholds``).
    """
    return clinically_important(before, after, points, fraction, NPRS_FRACTION_FLOOR)


def pain_rule_text(points: float = 2, fraction: float = 0.30) -> str:
    """The rule of ``pain_change`` in words, in the current language: "2 points, or 30 %
    when the first value is 4/10 or more"."""
    return _("{points} points, or {percent} % when the first value is {floor}/10 or "
             "more").format(points=general(points), percent=fixed(fraction * 100, 0),
                            floor=general(NPRS_FRACTION_FLOOR))
