"""What often came before the flares of a period: ``domain.flares`` on the open journal.

``period_patterns`` reads the period and the 35 days before it (the 28-day load mean, the
baselines), the settings ``patterns.*`` (``services/settings.py``) and the days with
programme exercises skipped, and returns the ``domain.flares.PatternReport`` that the
Progress "Patterns" tab, the PDF section and ``rehabjournal patterns`` show.
``report_json`` is the command's JSON (stable fields, docs/patterns.md) and
``report_text`` its plain text.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

from ..domain import adherence as da
from ..domain import flares as flares_mod
from ..domain.flares import ASSOCIATION_NOTE, PatternReport
from ..i18n import _, ngettext, pgettext
from ..store import journal_repo, programme_repo
from . import clock, settings
from . import journal as journal_service
from . import programme as programme_service
from .pattern_text import fixed

DEFAULT_WEEKS: Final = 12
"""The period without dates: the journal's last 12 weeks (patterns need more days than
the 4 weeks a report defaults to)."""

SETTING_KEYS: Final = ("patterns.flare_rise", "patterns.q", "patterns.short_sleep_hours",
                       "patterns.custom_factors")


def skipped_days(start: date, end: date, today: date | None = None) -> frozenset[date]:
    """Exercise days of the active programme in ``start``..``end`` that did not count as
    done (``domain.adherence.day_done``: fewer than half of the day's exercises done, a
    session moved within the week counting), up to yesterday (today may still be done).
    Empty without an active programme."""
    end = min(end, (today or clock.today()) - timedelta(days=1))
    prog = programme_repo.active_programme()
    if prog is None or end < start:
        return frozenset()
    plan = programme_service.plan(prog["id"])
    ids = [p.id for ph in plan.phases for p in ph.prescriptions]
    if not ids:
        return frozenset()
    logs = {(r["day"], r["prescription"]): r["status"]
            for r in programme_repo.logs_between(start, end, ids)}
    by_day: dict[date, list[da.DueItem]] = {}
    for item in da.due_items(plan, start, end, logs):
        by_day.setdefault(item.day, []).append(item)
    return frozenset(d for d, items in by_day.items() if not da.day_done(items))


def period_patterns(start: date, end: date, *, today: date | None = None) -> PatternReport:
    """What came 1, 2 and 3 days before the flares of ``start``..``end`` (inclusive).

    Raises:
        ValueError: ``start`` is after ``end``.
        StorageError: the journal cannot be read.
    """
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    values = settings.get_many(SETTING_KEYS)
    journal = journal_service.load_journal(
        start - timedelta(days=flares_mod.LOOKBACK_DAYS), end)
    return flares_mod.find_patterns(
        journal, start, end,
        rise=values["patterns.flare_rise"],
        q=values["patterns.q"],
        short_sleep_hours=values["patterns.short_sleep_hours"],
        custom_event_kinds=tuple(values["patterns.custom_factors"]),
        skipped_days=skipped_days(start, end, today),
        th=journal_service.thresholds(),
    )


def resolve_period(start: date | None, end: date | None,
                   today: date | None = None) -> tuple[date, date]:
    """The period when dates are left out: the ``DEFAULT_WEEKS`` weeks ending on the
    journal's last entry (or today for an empty journal); with only ``end``, the 12 weeks
    to it; with only ``start``, from it to the journal's last entry (12 weeks when the
    journal ends before ``start`` or is empty)."""
    length = timedelta(days=DEFAULT_WEEKS * 7 - 1)
    if start is None and end is None:
        span = journal_repo.journal_span()
        end = span[1] if span else (today or clock.today())
    from .report import clamp_day

    if start is None:
        assert end is not None
        return clamp_day(end - length), end
    if end is None:  # to the journal's last entry (as --help says), else 12 weeks on
        span = journal_repo.journal_span()
        last = span[1] if span else None
        return start, last if last is not None and last >= start else clamp_day(start + length)
    return start, end


def report_json(report: PatternReport) -> dict[str, Any]:
    """The report as JSON-ready data (the stable fields of docs/patterns.md)."""
    return {
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "comparisons": report.comparisons,
        "q": report.q,
        "flare_rise": report.rise,
        "short_sleep_hours": report.short_sleep_hours,
        "summary": report.summary,
        "note": _(ASSOCIATION_NOTE),
        "flares": [{"start": e.start.isoformat(), "end": e.end.isoformat(), "peak": e.peak,
                    "marked": e.marked} for e in report.episodes],
        "findings": [{
            "factor": f.factor,
            "label": f.label,
            "lag": f.lag,
            "counts": {"a": f.a, "b": f.b, "c": f.c, "d": f.d},
            "risk_ratio": f.risk_ratio,
            "ci": [f.ci_low, f.ci_high],
            "p": f.p,
            "p_adjusted": f.p_adjusted,
            "text": f.text,
        } for f in report.findings],
        "untested": [{"factor": u.factor, "label": u.label, "reason": u.reason}
                     for u in report.untested],
        "more_days_needed": report.more_days_needed,
    }


def _ratio(value: float) -> str:
    if value < 1:
        return fixed(value, 2)
    return fixed(value, 1) if value < 10 else fixed(value, 0)


def _p(value: float) -> str:
    return "< " + fixed(0.001, 3) if value < 0.001 else "= " + fixed(value, 3)


def report_text(report: PatternReport) -> str:
    """The report as plain text (``rehabjournal patterns`` without ``--json``), in the
    current language (dates stay ISO)."""
    days = (report.end - report.start).days + 1
    lines = [ngettext("Patterns {start} to {end} ({n} day): what often came before flares "
                      "(associations, not causes)",
                      "Patterns {start} to {end} ({n} days): what often came before flares "
                      "(associations, not causes)", days).format(
                 start=report.start, end=report.end, n=days),
             "", report.summary, ""]
    for f in report.findings:
        lines.append(f"- {f.text}")
        lines.append("  " + ngettext(
            "Risk ratio {ratio} (95 % CI {low} to {high}); p {p}, adjusted p {p_adjusted} "
            "({n} comparison).",
            "Risk ratio {ratio} (95 % CI {low} to {high}); p {p}, adjusted p {p_adjusted} "
            "({n} comparisons).", report.comparisons).format(
                ratio=_ratio(f.risk_ratio), low=_ratio(f.ci_low), high=_ratio(f.ci_high),
                p=_p(f.p), p_adjusted=_p(f.p_adjusted), n=report.comparisons))
    if report.findings:
        lines.append("")
    flares = ", ".join(str(e.start) if e.start == e.end else
                       _("{start} to {end}").format(start=e.start, end=e.end)
                       for e in report.episodes) or pgettext("no flares", "none")
    lines.append(ngettext(
        "Flares (a morning at least {rise} point above the median of the 7 before it, or "
        "marked): {flares}",
        "Flares (a morning at least {rise} points above the median of the 7 before it, or "
        "marked): {flares}", report.rise).format(rise=report.rise, flares=flares))
    if report.untested:
        lines.append(_("Not tested:"))
        lines += ["- " + _("{label}: {reason}").format(label=u.label, reason=u.reason)
                  for u in report.untested]
    if report.findings:  # the note is about findings: none, no note
        lines += ["", _(ASSOCIATION_NOTE)]
    lines.append("")
    return "\n".join(lines)
