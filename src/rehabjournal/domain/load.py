"""Training load: session load, monotony, strain, acute:chronic ratios, weekly change.

Implements domain.md section 3 as pure functions over plain lists. Loads are in arbitrary
units (AU): session RPE (CR-10) x minutes (Foster et al. 2001).

Choices made here:
    * Monotony uses the population standard deviation by default (``sd="population"``):
      the 7 days are the whole week being described, not a sample of a larger one.
      ``sd="sample"`` is available for comparison with tools that use it.
    * The acute:chronic ratio is a "load spike indicator", never an injury risk (the ratio
      is contested). No ratio is given in the first 28 days of data or when the chronic
      value is 0. ``acwr_from_first_entry`` is the one the app shows (Progress and the PDF):
      it counts the days from the journal's first entry (days before it are no data, not
      zero load), so the first ratio is on day 29 (domain.md section 3).
    * Weeks are calendar weeks, Monday to Sunday (``week_start_of``, ``week_days``).

Sessions without an effort (``unrated``: minutes but no RPE, e.g. imported from a watch
file and not rated yet, or typed without an effort) have an **unknown** load, not a zero
one (docs/activity-files.md, "Rating imported sessions"):
    * ``daily_loads`` sums the rated sessions only (the rated part, a lower bound);
      ``daily_unrated`` counts the unrated ones per day. A day, week or any window that
      holds an unrated session has an *incomplete* load.
    * Week-on-week change is None for an incomplete week and for a week compared with
      one (``week_on_week_change`` with ``unrated``); monotony and strain of an incomplete
      week are None (``domain.summary``).
    * The load spike indicator (``acwr_from_first_entry`` with ``unrated``) treats a day
      with an unrated session like the days before the first entry: no data. The EWMAs
      start afresh the day after it, and the first ratio is again on day 29 of that run.
      So a day has a ratio only when neither its 7-day acute window nor its 28-day
      chronic window (nor the EWMAs' seed) holds an unrated session. Design choice: an
      EWMA cannot skip a day, and an unknown day counted as 0 moves the ratio: in the
      acute week it hides a rise, before it it makes one (a long unrated history then
      rated weeks read 3.6, "a spike", for steady training); guessing the missing
      efforts would be inventing data. So no share of unrated days is tolerated in the
      chronic window (one unrated day at 180 AU, 14 days back in steady training of
      180 AU a day, already lifts the ratio by 2.1 %, and its weight in the chronic
      EWMA outlives the 28 days). The cost: one session left unrated hides the
      indicator for 28 days; rating it brings the indicator back, and the views say why
      it is missing (``ratio_waits_for_ratings``). Journals whose sessions all have an
      effort get exactly the figures they had.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Final, Literal, Protocol

ACWR_SWEET_SPOT: Final = (0.8, 1.3)
"""Gabbett's "sweet spot" for the acute:chronic ratio (inclusive bounds)."""
ACWR_SPIKE: Final = 1.5
"""Ratio at or above which load counts as a spike."""
WEEKLY_INCREASE_SOFT_WARN: Final = 30.0
"""Week-on-week increase (percent) above which the app warns softly."""
WEEKLY_INCREASE_SUGGESTED: Final = (10.0, 15.0)
"""Suggested weekly increase range (percent) when returning to activity."""

ACUTE_DAYS: Final = 7
CHRONIC_DAYS: Final = 28
RATIO_FIRST_DAY: Final = CHRONIC_DAYS + 1
"""Day of the journal's data (day 1 = its first entry) that has the first ratio."""

SdKind = Literal["population", "sample"]


class _HasLoad(Protocol):
    """Anything with a day, an RPE and minutes (e.g. ``entities.Session``)."""

    day: date
    rpe: int | None
    minutes: int


def session_load(rpe: float | None, minutes: float) -> float | None:
    """Return the session load in AU (RPE x minutes), or None when the RPE is unknown."""
    if rpe is None:
        return None
    return float(rpe) * float(minutes)


def unrated(session: _HasLoad) -> bool:
    """True for a session with minutes but no effort (RPE): its load is unknown."""
    return session.rpe is None and bool(session.minutes)


def daily_loads(sessions: Iterable[_HasLoad], start: date, end: date) -> list[tuple[date, float]]:
    """Sum session loads per day for every date from ``start`` to ``end`` inclusive.

    Rest days count as 0. Sessions without an RPE add nothing: the value is the day's
    *rated* load, complete only when ``daily_unrated`` gives 0 for the day. Sessions
    outside the range are ignored.

    Returns:
        One ``(date, load)`` pair per date, in order; empty when ``start > end``.
    """
    if start > end:
        return []
    totals: dict[date, float] = {}
    for s in sessions:
        if start <= s.day <= end:
            load = session_load(s.rpe, s.minutes)
            if load is not None:
                totals[s.day] = totals.get(s.day, 0.0) + load
    n_days = (end - start).days + 1
    days = (start + timedelta(days=i) for i in range(n_days))
    return [(d, totals.get(d, 0.0)) for d in days]


def daily_unrated(sessions: Iterable[_HasLoad], start: date, end: date
                  ) -> list[tuple[date, int]]:
    """Count the unrated sessions (``unrated``) per day from ``start`` to ``end`` inclusive.

    Returns:
        One ``(date, count)`` pair per date, aligned with ``daily_loads``; empty when
        ``start > end``.
    """
    if start > end:
        return []
    counts: dict[date, int] = {}
    for s in sessions:
        if start <= s.day <= end and unrated(s):
            counts[s.day] = counts.get(s.day, 0) + 1
    n_days = (end - start).days + 1
    return [(d, counts.get(d, 0)) for d in (start + timedelta(days=i) for i in range(n_days))]


def weekly_load(loads: Iterable[float]) -> float:
    """Return the sum of the given daily loads (pass the 7 days of a week)."""
    return float(sum(loads))


def _sd(values: Sequence[float], sd: SdKind) -> float:
    if sd == "population":
        return statistics.pstdev(values)
    if sd == "sample":
        return statistics.stdev(values)
    raise ValueError(f"sd must be 'population' or 'sample', not {sd!r}")


def monotony(daily7: Sequence[float], sd: SdKind = "population") -> float | None:
    """Return training monotony: mean daily load / SD of daily load.

    Args:
        daily7: the daily loads of the week (normally 7 values).
        sd: "population" (default, see module docstring) or "sample" standard deviation.

    Returns:
        The monotony, or None with fewer than 2 values or when the SD is 0.
    """
    values = [float(v) for v in daily7]
    if len(values) < 2:
        return None
    spread = _sd(values, sd)
    if spread == 0 or math.isclose(spread, 0.0, abs_tol=1e-12):
        return None
    return statistics.fmean(values) / spread


def strain(daily7: Sequence[float], sd: SdKind = "population") -> float | None:
    """Return training strain: weekly load x monotony, or None when monotony is None."""
    m = monotony(daily7, sd=sd)
    if m is None:
        return None
    return weekly_load(daily7) * m


def ewma(loads: Sequence[float], n: int) -> list[float]:
    """Exponentially weighted moving average with lambda = 2 / (n + 1).

    EWMA_t = lambda * load_t + (1 - lambda) * EWMA_(t-1), seeded with the first load
    (Williams et al. 2017).

    Returns:
        One value per load; empty for no loads.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    lam = 2.0 / (n + 1)
    out: list[float] = []
    for i, load in enumerate(loads):
        value = float(load) if i == 0 else lam * float(load) + (1.0 - lam) * out[-1]
        out.append(value)
    return out


def acwr_ewma(
    loads: Sequence[float], acute: int = ACUTE_DAYS, chronic: int = CHRONIC_DAYS
) -> list[float | None]:
    """Acute:chronic ratio of EWMAs, aligned with ``loads``.

    Returns:
        None for the first ``chronic - 1`` indices (no ratio before 28 days of data) and
        where the chronic EWMA is 0; otherwise acute EWMA / chronic EWMA.
    """
    acute_values = ewma(loads, acute)
    chronic_values = ewma(loads, chronic)
    out: list[float | None] = []
    for i, (a, c) in enumerate(zip(acute_values, chronic_values, strict=True)):
        if i < chronic - 1 or c <= 0:
            out.append(None)
        else:
            out.append(a / c)
    return out


def acwr_from_first_entry(
    daily: Sequence[tuple[date, float]],
    first_entry: date | None,
    acute: int = ACUTE_DAYS,
    chronic: int = CHRONIC_DAYS,
    *,
    unrated: Sequence[int] | None = None,
) -> list[float | None]:
    """The load spike indicator the app shows: EWMA acute:chronic ratio from the first entry.

    Days before ``first_entry`` are no data, not zero load: they are skipped, the EWMAs are
    seeded with the first day from ``first_entry`` on (Williams et al. 2017), and no ratio
    is given in the first ``chronic`` days of data, so the first ratio is on day
    ``chronic + 1`` (day 29; domain.md section 3). A day with chronic EWMA 0 has no ratio.

    A day with an unrated session (``unrated``) is no data either (module docstring): it
    has no ratio, and the EWMAs start afresh the day after it, counted as day 1 again. So
    no ratio is given while the 7-day acute or the 28-day chronic window holds an unrated
    session, and an unrated start of the journal is not read as zero load.

    Args:
        daily: ``(date, load in AU)`` for consecutive dates (e.g. from ``daily_loads``);
            it may start before ``first_entry`` (those days get None) or after it (a
            history cut for speed: the seed is then the first given day, and days are
            still counted from ``first_entry``).
        first_entry: the first day with any entry in the journal; None for an empty
            journal (every value None).
        acute, chronic: EWMA spans in days (7 and 28).
        unrated: unrated sessions per item of ``daily`` (from ``daily_unrated``); None:
            every session has an effort.

    Returns:
        One ratio or None per item of ``daily``, aligned with it.

    Raises:
        ValueError: ``unrated`` is not as long as ``daily``.
    """
    out: list[float | None] = [None] * len(daily)
    if unrated is not None and len(unrated) != len(daily):
        raise ValueError(f"unrated has {len(unrated)} values for {len(daily)} days")
    if first_entry is None:
        return out
    offset = next((i for i, (d, _v) in enumerate(daily) if d >= first_entry), len(daily))
    unknown = [i for i in range(offset, len(daily)) if unrated is not None and unrated[i]]
    # runs of days whose load is known: from the first entry (or the day after an
    # unrated day) to the next unrated day
    runs: list[tuple[int, int, date]] = []
    begin, first_day = offset, first_entry
    for i in [*unknown, len(daily)]:
        if i > begin:
            runs.append((begin, i, first_day))
        if i < len(daily):
            begin, first_day = i + 1, daily[i][0] + timedelta(days=1)
    for begin, stop, first_day in runs:
        loads = [float(v) for _d, v in daily[begin:stop]]
        acute_values = ewma(loads, acute)
        chronic_values = ewma(loads, chronic)
        for k, (a, c) in enumerate(zip(acute_values, chronic_values, strict=True)):
            day_number = (daily[begin + k][0] - first_day).days + 1
            if day_number > chronic and c > 0:
                out[begin + k] = a / c
    return out


def ratio_waits_for_ratings(unrated: Sequence[int], index: int,
                            chronic: int = CHRONIC_DAYS) -> bool:
    """True when day ``index`` has no load spike indicator because of unrated sessions:
    the day or one of the ``chronic`` days before it holds one (``acwr_from_first_entry``
    needs ``chronic`` + 1 days of known load).

    Args:
        unrated: unrated sessions per day (``daily_unrated``'s counts), consecutive days.
        index: the day's position in ``unrated``.
    """
    return any(unrated[max(0, index - chronic): index + 1])


def acwr_rolling(loads: Sequence[float], coupled: bool = True) -> list[float | None]:
    """Rolling-average acute:chronic ratio, aligned with ``loads``.

    Args:
        loads: daily loads, one per consecutive day.
        coupled: True for mean of the last 7 days / mean of the last 28 (both inclusive of
            the day); False for mean of the last 7 / mean of the 21 days before them.

    Returns:
        None before 28 days of data or when the denominator is 0; otherwise the ratio.
    """
    values = [float(v) for v in loads]
    out: list[float | None] = []
    for i in range(len(values)):
        if i < CHRONIC_DAYS - 1:
            out.append(None)
            continue
        acute_mean = sum(values[i - ACUTE_DAYS + 1 : i + 1]) / ACUTE_DAYS
        if coupled:
            window = values[i - CHRONIC_DAYS + 1 : i + 1]
        else:
            window = values[i - CHRONIC_DAYS + 1 : i - ACUTE_DAYS + 1]
        denominator = sum(window) / len(window)
        out.append(None if denominator <= 0 else acute_mean / denominator)
    return out


def acwr_zone(ratio: float | None) -> str | None:
    """Classify a ratio as "low", "sweet spot", "high" or "spike" (None for None).

    A presentation aid for the load-spike indicator, not a risk category.
    """
    if ratio is None:
        return None
    lo, hi = ACWR_SWEET_SPOT
    if ratio >= ACWR_SPIKE:
        return "spike"
    if ratio > hi:
        return "high"
    if ratio < lo:
        return "low"
    return "sweet spot"


def week_start_of(day: date, week_start: int = 0) -> date:
    """Return the first day of the week containing ``day`` (0 = Monday ... 6 = Sunday)."""
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def week_days(monday: date) -> list[date]:
    """The 7 dates of the calendar week starting ``monday`` (Monday to Sunday)."""
    return [monday + timedelta(days=i) for i in range(7)]


def weekly_totals(
    daily: Iterable[tuple[date, float]], week_start: int = 0
) -> list[tuple[date, float]]:
    """Sum daily loads into calendar weeks.

    Every week from the first to the last week that holds a date is listed, in order;
    weeks with no days given count as 0. Partial weeks at either end are summed as given,
    so pass whole weeks (or read the last total as "so far") for a fair comparison.

    Args:
        daily: ``(date, load)`` pairs, e.g. from ``daily_loads``.
        week_start: first day of the week, 0 = Monday (default) ... 6 = Sunday.

    Returns:
        ``(first day of the week, total)`` pairs.
    """
    if not 0 <= week_start <= 6:
        raise ValueError(f"week_start must be 0-6, not {week_start}")
    totals: dict[date, float] = {}
    for d, load in daily:
        key = week_start_of(d, week_start)
        totals[key] = totals.get(key, 0.0) + float(load)
    if not totals:
        return []
    first, last = min(totals), max(totals)
    n_weeks = (last - first).days // 7 + 1
    weeks = (first + timedelta(weeks=i) for i in range(n_weeks))
    return [(w, totals.get(w, 0.0)) for w in weeks]


def week_on_week_change(
    totals: Sequence[tuple[date, float]] | Sequence[float],
    unrated: Sequence[int] | None = None,
) -> list[float | None]:
    """Percent change of each week's total against the week before, aligned with ``totals``.

    Args:
        totals: ``(week start, total)`` pairs from ``weekly_totals``, or plain totals of
            consecutive weeks.
        unrated: unrated sessions per week, aligned with ``totals``; a week with any has
            an incomplete load (module docstring). None: every session has an effort.

    Returns:
        The change in percent; None for the first week, when the previous week is 0, when
        either week's load is incomplete, or (with dated totals) when the previous week is
        missing.

    Raises:
        ValueError: ``unrated`` is not as long as ``totals``.
    """
    if unrated is not None and len(unrated) != len(totals):
        raise ValueError(f"unrated has {len(unrated)} values for {len(totals)} weeks")
    out: list[float | None] = []
    prev_day: date | None = None
    prev_total: float | None = None
    for i, item in enumerate(totals):
        if isinstance(item, tuple):
            day, total = item[0], float(item[1])
        else:
            day, total = None, float(item)
        consecutive = day is None or prev_day is None or day - prev_day == timedelta(weeks=1)
        known = unrated is None or (not unrated[i] and (i == 0 or not unrated[i - 1]))
        if prev_total is None or prev_total == 0 or not consecutive or not known:
            out.append(None)
        else:
            out.append((total - prev_total) / prev_total * 100.0)
        prev_day, prev_total = day, total
    return out
