"""The period summary of the open journal: one source for every figure about a period.

``period_summary(start, end)`` reads the journal and computes a ``PeriodSummary``
(``domain/summary.py``: weekly calendar-week rows, first/last week comparison, lights per
day, red flags by tier, escalation messages, adherence, monotony and strain, the load spike
indicator). The clinician PDF (``services/report.py``), the ``rehabjournal summary``
command, Progress and Today read it; none of them recomputes these figures.

``summary_json(summary)`` is its JSON form (field names documented in docs/summary.md and
kept stable); ``summary_text(summary)`` the command's plain-text form. The ``fmt_*``
helpers are the one way these figures are written as text, so the PDF and the command
print the same strings.

Errors: ``ValidationError`` (``SummaryPeriodError``) when the period ends before it starts;
``StorageError`` when the journal cannot be read.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

from ..domain import adherence as da
from ..domain import scales, validation
from ..domain import summary as dsum
from ..domain.entities import Journal
from ..domain.redflags import Escalation
from ..domain.summary import (
    COMPLETED,
    PAIN,
    PARTIAL,
    Comparison,
    DaySummary,
    PeriodSummary,
    WeekSummary,
)
from ..errors import ValidationError
from ..i18n import FORMAT_LOCALES, N_, _, current, format_date, ngettext, pgettext
from ..store import db, journal_repo
from . import journal as journal_service
from .pattern_text import fixed
from .programme import weekly_adherence

__all__ = [
    "COMPLETED",
    "PARTIAL",
    "Comparison",
    "DaySummary",
    "PeriodSummary",
    "SummaryPeriodError",
    "WeekSummary",
    "period_summary",
    "summary_json",
    "summary_text",
]

JSON_FORMAT: Final = "rehabjournal.summary"
JSON_VERSION: Final = 1
"""Bumped only when a field changes meaning or goes away (adding fields keeps it)."""

LIGHT_HISTORY_DAYS: Final = 14
"""Days before the first row a light needs (7-day baseline, two 7-day weeks of trend)."""


class SummaryPeriodError(ValidationError):
    """The period cannot be summarised: it ends before it starts."""


def check_period(start: date, end: date) -> None:
    """Raise ``SummaryPeriodError`` (a ``ValidationError`` about "period") when ``end`` is
    before ``start``, or either lies outside the dates the journal accepts (1900-01-01 to
    2100-12-31, ``domain.validation``)."""
    for day in (start, end):
        if not validation.EARLIEST_DAY <= day <= validation.LATEST_DAY:
            raise SummaryPeriodError(
                {"period": _("The period must lie between {earliest} and {latest} (got "
                             "{day}).").format(earliest=validation.EARLIEST_DAY.isoformat(),
                                               latest=validation.LATEST_DAY.isoformat(),
                                               day=day.isoformat())})
    if end < start:
        raise SummaryPeriodError(
            {"period": _("The period ends ({end}) before it starts ({start}).").format(
                end=end.isoformat(), start=start.isoformat())})


def period_summary(start: date, end: date, site_id: int | None = None) -> PeriodSummary:
    """The summary of ``start``..``end`` (inclusive) of the open journal.

    Reads the journal from its first entry (the load spike indicator counts days from it,
    and the "no improvement" rule compares with the first week) to the day after ``end``
    (the next morning), plus the programme's adherence and the profile's onset date.

    Args:
        start, end: the period.
        site_id: the pain site whose ratings to use (Progress's site choice); None for
            the ratings as logged.

    Raises:
        SummaryPeriodError: (a ``ValidationError``) ``end`` is before ``start``.
        StorageError: the journal cannot be read.
    """
    check_period(start, end)
    span = journal_repo.journal_span()
    monday = start - timedelta(days=start.weekday())
    first = monday - timedelta(days=7 + LIGHT_HISTORY_DAYS)
    if span is not None:
        first = min(first, span[0])
    sunday = end + timedelta(days=6 - end.weekday())
    journal = _journal(first, sunday + timedelta(days=1), site_id, span)
    th = journal_service.thresholds()
    counted = dsum.counted_range(start, end, span)
    adherence = weekly_adherence(*counted) if counted else []
    # The period's adherence counts the same days as the weekly rows do inside the period:
    # from the journal's first entry on (days before it are no data). So for a period that
    # is one calendar week the row and the period agree (QA: 18 % vs 27 % for one week).
    period_days = adherence_days(start, end, span)
    period_adherence = weekly_adherence(*period_days) if period_days else []
    profile = journal_service.get_profile() or {}
    onset = profile.get("onset_date")
    if isinstance(onset, str):
        onset = date.fromisoformat(onset) if onset else None
    return dsum.period_summary(
        journal, start, end, th, data_span=span, adherence=adherence,
        period_adherence=period_adherence, onset=onset,
    )


def adherence_days(start: date, end: date, span: tuple[date, date] | None
                   ) -> tuple[date, date] | None:
    """The days of ``start``..``end`` over which the period's programme adherence is
    counted: from the journal's first entry (or ``start``, when later) to ``end``; None
    when the journal has no entry on or before ``end``."""
    if span is None or span[0] > end:
        return None
    return max(start, span[0]), end


_CACHE_SIZE: Final = 4
_cache: dict[tuple, Journal] = {}


def _journal(first: date, last: date, site_id: int | None,
             span: tuple[date, date] | None) -> Journal:
    """The journal's days ``first``..``last``, read once per content of the journal.

    Progress redraws a summary on every change of period or site; reading ten years of
    entries each time took most of a redraw. The whole journal (per site) is read once
    and kept while ``db.change_key()`` says nothing was written, then sliced.
    """
    key = (db.change_key(), site_id)
    whole = _cache.get(key)
    if whole is None:
        lo = min(first, span[0]) if span else first
        hi = max(last, span[1] + timedelta(days=1)) if span else last
        whole = (lo, hi, journal_service.load_journal(lo, hi, site_id))
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = whole
    lo, hi, cached = whole
    if not (lo <= first and last <= hi):  # outside what was read: read it as asked
        return journal_service.load_journal(first, last, site_id)
    return Journal({d: r for d, r in cached.days.items() if first <= d <= last})


# ---- text: the one way these figures are written --------------------------------------
# In the current language (``rehabjournal.i18n``): a report made in French says "2 mars",
# "7,5" and "12,0 %"; English is as it always was.


def fmt_short(day: date) -> str:
    """"2 Mar" ("2 mars", "2. März")."""
    return format_date(day, "day_month")


def fmt_span(first: date, last: date) -> str:
    """"23 Feb-1 Mar", or "2-8 Mar" within a month (French and German: CLDR's interval,
    "2–8 mars", "2.–8. März")."""
    if current() != "en":
        from babel.dates import format_interval

        return format_interval(first, last, "MMMd", locale=FORMAT_LOCALES[current()])
    if first.month == last.month and first.year == last.year:
        return f"{first.day}-{fmt_short(last)}"
    return f"{fmt_short(first)}-{fmt_short(last)}"


def plural(count: int | float, word: str, many: str | None = None) -> str:
    """A count and its English noun, singular for exactly one: "1 session", "3 sessions",
    "0 red days" (``many``: an irregular plural, default ``word`` + "s"). Translated text
    counts with ``i18n.ngettext`` instead."""
    number = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{number} {word if count == 1 else (many or word + 's')}"


def light_counts_text(counts: dict[str, int]) -> str:
    """Days per light colour: "0 green days, 1 amber day, 0 red days"."""
    green, amber, red = (counts.get(c, 0) for c in ("green", "amber", "red"))
    return ", ".join((
        ngettext("{n} green day", "{n} green days", green).format(n=green),
        ngettext("{n} amber day", "{n} amber days", amber).format(n=amber),
        ngettext("{n} red day", "{n} red days", red).format(n=red),
    ))


def light_word(key: str | None) -> str:
    """A light's colour in words ("green", "amber", "red"; "vert", "orange", "rouge"),
    "-" for none; another key as it is."""
    words = {"green": pgettext("light", "green"), "amber": pgettext("light", "amber"),
             "red": pgettext("light", "red")}
    return words.get(key or "", key or "-")


def period_adherence_days(s: PeriodSummary) -> tuple[date, date] | None:
    """The first and last day the period's programme adherence counts (``adherence_days``
    of the summary's period and journal), None when there are none."""
    span = (s.first_entry, s.last_entry) if s.first_entry and s.last_entry else None
    return adherence_days(s.start, s.end, span)


def adherence_span(s: PeriodSummary) -> str:
    """The days the period's programme adherence counts ("25-29 Nov"): the period from
    the journal's first entry on (``adherence_days``), "" when there are none."""
    days = period_adherence_days(s)
    return fmt_span(*days) if days else ""


ADHERENCE_WEEK: Final = N_("Exercise days done (week)")
"""The weekly rows' adherence column: exercise days done of those due on the row's days
(marked: show it as ``i18n._(ADHERENCE_WEEK)``)."""


def fmt_adherence(s: PeriodSummary) -> str:
    """The period's programme adherence with what it counts and covers, for page one, the
    ``summary`` command and Progress: "9 of 12 exercise days done (75 %) over the period
    (25-29 Nov)" (``domain.adherence`` says what an exercise day is and when it is done).

    The weekly rows' column (``ADHERENCE_WEEK``) is each calendar week's (the row's days);
    this is the period's, labelled so that one label never carries two numbers.
    """
    if not s.adherence_due:
        return _("no exercise days due in this period")
    return _("{adherence} over the period ({days})").format(
        adherence=da.adherence_text(s.adherence_done, s.adherence_due),
        days=adherence_span(s))


def fmt_week_adherence(w: WeekSummary) -> str:
    """A weekly row's adherence: "2 of 3" exercise days done (column ``ADHERENCE_WEEK``),
    "-" when none was due."""
    return _("{done} of {due}").format(done=w.done, due=w.prescribed) if w.prescribed else "-"


def adherence_weeks(s: PeriodSummary) -> list[da.WeekAdherence]:
    """The weekly rows' adherence as ``WeekAdherence`` (for the adherence charts of
    Progress and the PDF: the same weeks and days as the table); [] when no exercise day
    was due."""
    rows = [da.WeekAdherence(w.week_start, w.prescribed, w.done, w.adherence_moved)
            for w in s.weeks]
    return rows if any(r.prescribed for r in rows) else []


def fmt_value(value: float | None, places: int = 1) -> str:
    """A number with ``places`` decimals ("7.5", "7,5"), "-" for None."""
    return "-" if value is None else fixed(value, places)


def _signed(value: float, places: int) -> str:
    """"+1.2", "-0.5" with the current language's decimal mark."""
    return ("+" if f"{value:+.{places}f}".startswith("+") else "-") + fixed(abs(value), places)


def fmt_change_pct(value: float | None) -> str:
    """A week-on-week change: "+115.2 %" ("+115,2 %"), "-" for None."""
    return "-" if value is None else _("{percent} %").format(percent=_signed(value, 1))


def fmt_pct(value: float | None) -> str:
    """A share: "84 %", "-" for None."""
    return "-" if value is None else _("{percent} %").format(percent=fixed(value, 0))


def places_of(c: Comparison) -> int:
    """Decimals a comparison is written with (1 for pain means, 0 for counts)."""
    return 1 if c.kind == PAIN else 0


def unit_word(unit: str) -> str:
    """A comparison's unit as written: "min" everywhere; "AU" (arbitrary units) is "UA"
    in French and "AE" in German."""
    return pgettext("unit", "AU") if unit == "AU" else unit


def fmt_measure(c: Comparison, value: float | None, unit: bool = False) -> str:
    """A comparison's value ("2.1", "905", with ``unit`` "905 min")."""
    text = fmt_value(value, places_of(c))
    if unit and c.unit and value is not None:
        text += f" {unit_word(c.unit)}"
    return text


def unrated_mark(n: int) -> str:
    """" (7 not rated)" after a load whose sessions without an effort are not in it ("" for
    none): the load shown is the rated sessions' only."""
    if not n:
        return ""
    return " " + ngettext("({n} not rated)", "({n} not rated)", n).format(n=n)


INCOMPLETE: Final = "*"
"""The short mark of a load that holds sessions without an effort (PDF page one, where
room is short; ``unrated_star_note`` says what it means)."""


def fmt_compared(c: Comparison, which: str, unit: bool = False, short: bool = False) -> str:
    """A comparison's ``which`` value ("period", "first" or "last"), as ``fmt_measure``
    writes it, marked with the sessions not rated (load only): "0 (7 not rated)", or with
    ``short`` "0*" (``INCOMPLETE``, explained by ``unrated_star_note``)."""
    value = {"period": c.period, "first": c.first, "last": c.last}[which]
    unrated = {"period": c.period_unrated, "first": c.first_unrated,
               "last": c.last_unrated}[which]
    text = fmt_measure(c, value, unit)
    if value is None or not unrated:
        return text
    return text + (INCOMPLETE if short else unrated_mark(unrated))


NOT_KNOWN: Final = N_("not known")
"""A change of load that is not known: a compared week holds sessions without an effort
(marked: show it as ``i18n._(NOT_KNOWN)``)."""


def fmt_difference(c: Comparison) -> str:
    """Last minus first: "-1.2" for pain, "+34 min" for counts (never a percentage);
    "not known" for load when a compared week's load is incomplete."""
    if c.change is None:
        if not c.load_known and c.first is not None and c.last is not None:
            return _(NOT_KNOWN)
        return "-"
    text = _signed(c.change, places_of(c))
    if c.kind != PAIN and c.unit:
        text += f" {unit_word(c.unit)}"
    return text


def week_label(summary: PeriodSummary, index: int | None) -> str:
    """"23 Feb-1 Mar" for the row ``index`` (the whole calendar week), "" for None."""
    if index is None:
        return ""
    w = summary.weeks[index]
    return fmt_span(w.week_start, w.week_end)


def important_header(summary: PeriodSummary) -> str:
    """The "Clinically important?" column header with its rule."""
    return _("Clinically important? ({rule})").format(rule=summary.rule)


def fmt_week_load(w: WeekSummary, short: bool = False) -> str:
    """A row's load: "1080", or "1080 (1 not rated)" (with ``short`` "1080*") when
    sessions of the week have no effort (the load of the rated ones; the week's is not
    known)."""
    if short:
        return f"{w.load:.0f}" + (INCOMPLETE if w.unrated else "")
    return f"{w.load:.0f}" + unrated_mark(w.unrated)


def load_trend(summary: PeriodSummary, short: bool = False) -> str:
    """"1117 → 2404 → 1189" (weekly loads; a partial week is marked "(partial)", a week
    with sessions without an effort "(7 not rated)", or with ``short`` "*")."""
    parts = []
    for w in summary.weeks:
        text = fmt_week_load(w, short)
        if w.status == PARTIAL:
            text = _("{load} (partial)").format(load=text)
        parts.append(text)
    return " → ".join(parts)


def unrated_star_note(n: int) -> str:
    """What ``INCOMPLETE`` ("*") means after a load: "* 2 sessions not rated: load of the
    rated ones only" ("" for none)."""
    if n <= 0:
        return ""
    return ngettext("* {n} session not rated: load of the rated ones only",
                    "* {n} sessions not rated: load of the rated ones only", n).format(n=n)


def starred_count(s: PeriodSummary) -> int:
    """The sessions without an effort ``unrated_star_note`` counts: the period's, or, when
    only days outside it (of weeks completed from outside) have some, theirs."""
    return s.unrated or sum(w.unrated for w in s.weeks)


def unrated_head(n: int) -> str:
    """"2 sessions have no effort (not rated yet): their minutes count, their load is not
    known." ("" for none)."""
    if n <= 0:
        return ""
    return ngettext("{n} session has no effort (not rated yet): its minutes count, its load "
                    "is not known.",
                    "{n} sessions have no effort (not rated yet): their minutes count, their "
                    "load is not known.", n).format(n=n)


UNRATED_RULES: Final = N_(
    "A load marked \"not rated\" is the rated sessions' only; such a week has no change, "
    "monotony or strain (nor has the week after it), and the load spike indicator is not "
    "shown until 28 days have passed without a session not rated.")
"""What sessions without an effort do to the load figures (marked: show it as
``i18n._(UNRATED_RULES)``)."""


def unrated_note(n: int) -> str:
    """``unrated_head`` and ``UNRATED_RULES``, for the ``summary`` command ("" for none)."""
    if n <= 0:
        return ""
    return unrated_head(n) + " " + _(UNRATED_RULES)


MONOTONY_NOTE: Final = N_(
    "Monotony = mean daily load / standard deviation of the 7 daily loads (population SD; "
    "none when the SD is 0); strain = weekly load x monotony (Foster)."
)
"""How monotony and strain are computed (marked: show it as ``i18n._(MONOTONY_NOTE)``)."""


def summary_text(summary: PeriodSummary) -> str:
    """The summary as plain text (the ``rehabjournal summary`` command's output), in the
    current language (dates in the first line stay ISO)."""
    s = summary
    days = (s.end - s.start).days + 1
    out: list[str] = [
        ngettext("Summary {start} to {end} ({n} day)", "Summary {start} to {end} ({n} days)",
                 days).format(start=s.start.isoformat(), end=s.end.isoformat(), n=days),
    ]
    if s.empty:
        out.append(_("No entries in this period."))
        return "\n".join(out) + "\n"

    def dated(day: date, text: str) -> str:
        return "  " + _("{day}: {text}").format(day=fmt_short(day), text=text)

    if s.urgent_flags:
        out += ["", _("SEE A CLINICIAN NOW: urgent red flags recorded")]
        out += [dated(f.day, f.label) for f in s.urgent_flags]
    if s.verdict is not None:
        out += ["", _("Advice as of {day}: {advice}").format(day=fmt_short(s.verdict.as_of),
                                                             advice=s.verdict.text)]
        if s.verdict.reason:
            out.append(f"  {s.verdict.reason}")
    if s.escalations or s.assessment_flags:
        out += ["", _("Book an assessment:")]
        out += [dated(f.day, f.label) for f in s.assessment_flags]
        out += [f"  {e.text}" for e in s.escalations]

    first, last = week_label(s, s.first_week), week_label(s, s.last_week)
    out += ["", _("First and last full week: {first} and {last}").format(
                first=first or "-", last=last if s.last_week != s.first_week else "-"),
            _("Clinically important: {rule}.").format(rule=s.rule)]
    rows = [(pgettext("column", "Measure"), pgettext("column", "Period"),
             pgettext("column", "First"), pgettext("column", "Last"),
             pgettext("column", "Change"), pgettext("column", "Important?"))]
    for c in s.comparisons:
        rows.append((c.label, fmt_compared(c, "period", unit=True), fmt_compared(c, "first"),
                     fmt_compared(c, "last"), fmt_difference(c), c.verdict))
    out += _columns(rows)

    out += ["", _("Weeks (calendar weeks, Monday to Sunday):")]
    rows = [(pgettext("column", "Week of"), pgettext("column", "Days"),
             pgettext("column", "Sessions"), pgettext("column", "Minutes"),
             pgettext("column", "Load AU"), pgettext("column", "Change"),
             pgettext("column", "Monotony"), pgettext("column", "Strain"),
             pgettext("column", "AM pain"), _(ADHERENCE_WEEK), pgettext("column", "Light"),
             pgettext("column", "Note"))]
    for w in s.weeks:
        rows.append((
            fmt_short(w.week_start), str(w.days_counted), str(w.sessions), str(w.minutes),
            fmt_week_load(w), fmt_change_pct(w.change_pct), fmt_value(w.monotony, 2),
            fmt_value(w.strain, 0), fmt_value(w.morning_mean), fmt_week_adherence(w),
            light_word(w.worst_light), w.status_text,
        ))
    out += _columns(rows)
    out.append(_(MONOTONY_NOTE))
    out.append(_("{label}: {text}").format(label=_(ADHERENCE_WEEK), text=_(da.DEFINITION)))

    counts = s.light_counts
    out += ["", ngettext(
                "Totals: {n} session, {minutes} min, {load} AU; programme adherence: "
                "{adherence}.",
                "Totals: {n} sessions, {minutes} min, {load} AU; programme adherence: "
                "{adherence}.", s.sessions).format(
                    n=s.sessions, minutes=s.minutes, load=f"{s.load:.0f}",
                    adherence=fmt_adherence(s))]
    if s.unrated:
        out.append(unrated_note(s.unrated))
    out += [_("Lights: {counts}.").format(counts=light_counts_text(counts)),
            _("Lights per day: {days}").format(days=" ".join(
                f"{d.day.day}{day_letter(d) or '-'}" for d in s.days))]
    return "\n".join(out) + "\n"


def day_letter(d: DaySummary) -> str:
    """The mark of a day in a light strip: the red-flag tier's symbol ("!" see a
    clinician now, "?" book an assessment), G/A/R for a light, "W" waiting for the next
    morning's rating (in the current language: French V/O/R/A, German Gr/Ge/R/W, as
    ``charts.lights.light_letter``), "" for nothing to judge."""
    if d.red_flag_tier is not None:
        return scales.FLAG_TIERS[d.red_flag_tier].symbol
    letters = {"green": pgettext("light letter", "G"), "amber": pgettext("light letter", "A"),
               "red": pgettext("light letter", "R"), "waiting": pgettext("light letter", "W")}
    return letters.get(d.status or "", "")


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:],
                                                                       strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines


# ---- JSON ----------------------------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _week_json(w: WeekSummary) -> dict[str, Any]:
    return {
        "week_start": w.week_start.isoformat(),
        "week_end": w.week_end.isoformat(),
        "status": w.status,
        "days_in_period": w.days_in_period,
        "days_counted": w.days_counted,
        "sessions": w.sessions,
        "minutes": w.minutes,
        "load_au": w.load,
        "daily_load_au": list(w.daily_loads),
        "previous_load_au": w.previous_load,
        "change_pct": w.change_pct,
        "monotony": w.monotony,
        "strain": w.strain,
        "morning_pain_mean": w.morning_mean,
        "pain_during_mean": w.during_mean,
        "pain_after_mean": w.after_mean,
        "worst_light": w.worst_light,
        "light_counts": {c: w.light_counts.get(c, 0) for c in ("green", "amber", "red")},
        "adherence_pct": w.adherence_pct,
        "exercise_days_due": w.prescribed,
        "exercise_days_done": w.done,
        "unrated_sessions": w.unrated,
        "load_complete": w.load_complete,
    }


def _comparison_json(c: Comparison) -> dict[str, Any]:
    return {
        "key": c.key,
        "label": c.label,
        "kind": c.kind,
        "unit": c.unit,
        "period": c.period,
        "first": c.first,
        "last": c.last,
        "change": c.change,
        "important": c.important,
        "important_because": c.why,
        "direction": c.direction,
        "period_unrated": c.period_unrated,
        "first_unrated": c.first_unrated,
        "last_unrated": c.last_unrated,
    }


def _day_json(d: DaySummary) -> dict[str, Any]:
    return {
        "date": d.day.isoformat(),
        "has_data": d.has_data,
        "sessions": d.sessions,
        "minutes": d.minutes,
        "load_au": d.load,
        "morning_pain": d.morning_pain,
        "peak_pain": d.peak_pain,
        "light": d.light,
        "status": d.status,
        "advice": d.advice,
        "light_reason": d.light_reason,
        "red_flag_tier": d.red_flag_tier,
        "load_spike_indicator": d.acwr,
        "unrated_sessions": d.unrated,
        "load_complete": d.load_complete,
        "load_spike_indicator_waits_for_ratings": d.ratio_waits,
    }


def _escalation_json(e: Escalation) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "tier": e.tier,
        "text": e.text,
        "as_of": _iso(e.day),
        "first_mean": e.first,
        "last_mean": e.last,
        "first_window": [_iso(d) for d in e.first_window] if e.first_window else None,
        "last_window": [_iso(d) for d in e.last_window] if e.last_window else None,
        "weeks": e.weeks,
        "load_before_au": e.load_before,
        "load_after_au": e.load_after,
        "load_change_pct": None if e.load_change is None else e.load_change * 100.0,
    }


def _verdict_json(s: PeriodSummary) -> dict[str, Any] | None:
    v = s.verdict
    if v is None:
        return None
    return {"as_of": v.as_of.isoformat(), "kind": v.kind, "heading": v.heading,
            "advice": v.advice, "text": v.text, "reason": v.reason, "day": _iso(v.day),
            "full_green_week": v.ready}


def summary_json(summary: PeriodSummary) -> dict[str, Any]:
    """The summary as JSON-ready data (docs/summary.md lists every field).

    Numbers are not rounded (loads in AU, pain 0-10, changes and adherence in percent);
    dates are ISO 8601; absent values are null.
    """
    s = summary
    first = s.weeks[s.first_week].week_start if s.first_week is not None else None
    last = s.weeks[s.last_week].week_start if s.last_week is not None else None
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "period": {"start": s.start.isoformat(), "end": s.end.isoformat(),
                   "days": (s.end - s.start).days + 1},
        "journal": {"first_entry": _iso(s.first_entry), "last_entry": _iso(s.last_entry)},
        "empty": s.empty,
        "totals": {"sessions": s.sessions, "minutes": s.minutes, "load_au": s.load,
                   "unrated_sessions": s.unrated, "load_complete": s.load_complete,
                   "adherence_pct": s.adherence_pct,
                   "exercise_days_due": s.adherence_due,
                   "exercise_days_done": s.adherence_done},
        "light_counts": {c: s.light_counts.get(c, 0) for c in ("green", "amber", "red")},
        "comparison": {
            "first_week": _iso(first),
            "last_week": _iso(last if s.last_week != s.first_week else None),
            "rule": s.rule,
            "measures": [_comparison_json(c) for c in s.comparisons],
        },
        "weeks": [_week_json(w) for w in s.weeks],
        "monotony_sd": s.sd,
        "red_flags": [
            {"date": f.day.isoformat(), "code": f.code, "label": f.label, "tier": f.tier,
             "advice": f.advice, "note": f.note}
            for f in s.red_flags
        ],
        "escalations": [_escalation_json(e) for e in s.escalations],
        "advice": _verdict_json(s),
        "days": [_day_json(d) for d in s.days],
    }
