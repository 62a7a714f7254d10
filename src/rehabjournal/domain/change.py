"""Clinically important change of a pain rating or score (domain.md sections 2 and 4).

A change of about 2 NPRS points or about 30 % is clinically important (Farrar et al. 2001);
50 % is a substantial change. The function is direction-neutral: it reports the size of a
change, and ``direction`` says which way it went ("down" is better for pain, "up" for PSFS).
"""

from __future__ import annotations

from typing import TypedDict

_EPS = 1e-9


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
    before: float, after: float, points: float = 2, fraction: float = 0.30
) -> Change:
    """Describe the change from ``before`` to ``after``.

    Args:
        before: the earlier value (e.g. mean morning pain of the first week).
        after: the later value.
        points: absolute change that counts as important.
        fraction: relative change (of ``before``) that counts as important.

    Returns:
        A dict with ``change`` (after - before), ``percent`` (change as a percent of
        ``before``, None when ``before`` is 0), ``direction`` ("down", "up" or "none"),
        ``meets_points``, ``meets_fraction`` (False when ``before`` is 0), ``important``
        (either one), and ``substantial`` (a change of at least 50 %; False when ``before``
        is 0).
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
