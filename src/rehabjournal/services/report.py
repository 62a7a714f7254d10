"""Report data: every number the clinician PDF shows, read from one period summary.

``build_report_data(start, end)`` builds the period summary (``services/summary.py``:
weekly calendar-week rows, the first/last week comparison, lights per day, red flags by
tier, escalations, monotony and strain) and adds what only the report shows: the
profile, the programme, outcome measures, events, notes and the day-by-day log. The PDF
builder (``reports/``) lays them out; its weekly table, its load chart's weekly bars and
its headline all come from ``ReportData.summary``, so they agree with each other and with
``rehabjournal summary`` (docs/summary.md has the rules).

Anonymise replaces the name with initials and leaves out the clinician's name; notes are
kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..domain import light as light_mod
from ..domain import scales
from ..domain.adherence import WeekAdherence
from ..domain.entities import DayRecord, Journal
from ..domain.summary import PeriodSummary
from ..errors import RehabJournalError, is_storage_failure, storage_error
from ..i18n import (
    _,
    decimal_separator,
    format_date,
    library_text,
    ngettext,
    pgettext,
    semicolon,
)
from ..store import journal_repo, report_repo
from . import clock, session
from . import journal as journal_service
from .outcomes import Response, responses
from .progress import ProgressData, progress_data
from .summary import SummaryPeriodError, adherence_weeks, check_period, period_summary

if TYPE_CHECKING:
    from ..domain.flares import PatternReport

DEFAULT_WEEKS = 4


ReportPeriodError = SummaryPeriodError
"""The period cannot be reported on (it ends before it starts): a ``ValidationError``."""


@dataclass(frozen=True, slots=True)
class DayRow:
    day: date
    morning_pain: int | None
    stiffness_min: int | None
    swelling: str | None
    sessions: str  # "run 30 min RPE 4; rehab exercises 25 min RPE 3"
    load: float
    peak_pain: int | None
    light: str | None
    notes: str
    status: str | None = None  # the light's status: a colour, "waiting" or None
    red_flag_tier: str | None = None  # scales.URGENT / ASSESSMENT on a red-flag day


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    exercise: str
    dose: str  # "3 x 15", "5 x 45 s"
    load: str
    days_per_week: str
    status: str


@dataclass(frozen=True, slots=True)
class OutcomeSeries:
    instrument: str
    points: tuple[tuple[date, float | None], ...]


@dataclass(frozen=True, slots=True)
class DatedItem:
    """A red flag or an event of the report's table.

    Attributes:
        kind: what it is, in words: "red flag" (English, as the PDF compares it) or the
            event kind's label in the current language ("Flare-up", "Appointment" ...).
        key: what it is, never translated: "red_flag" or the event's kind ("flare",
            "appointment" ...); compare this, not ``kind``.
    """

    day: date
    kind: str  # "red flag", "Flare-up", "Appointment" ...
    title: str
    notes: str = ""
    urgent: bool = False
    key: str = ""  # "red_flag", "flare", "appointment" ...


@dataclass
class ReportData:
    """Everything the clinician report shows (plain values; no database rows).

    ``summary`` is the period summary every figure of page one, the weekly table and the
    charts' weekly bars come from; the rest is what only the report shows.
    """

    start: date
    end: date
    made: date
    patient: str
    initials: str
    anonymised: bool
    condition: str
    joint: str
    side: str
    clinician: str
    goal: str
    empty: bool
    summary: PeriodSummary | None = None
    flares: list[DatedItem] = field(default_factory=list)
    events: list[DatedItem] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    programme_name: str = ""
    programme_phase: str = ""
    programme: list[ProgrammeRow] = field(default_factory=list)
    outcomes: list[OutcomeSeries] = field(default_factory=list)
    outcome_responses: list[Response] = field(default_factory=list)
    notes: list[tuple[date, str]] = field(default_factory=list)
    days: list[DayRow] = field(default_factory=list)
    progress: ProgressData | None = None  # the charts' data (None for an empty period)
    adherence_weeks: list[WeekAdherence] = field(default_factory=list)
    patterns: PatternReport | None = None  # what often came before flares, when asked for


# ---- small helpers --------------------------------------------------------------------


def initials_of(name: str) -> str:
    """"Zoë Łukasiewicz" -> "Z.Ł."; words in brackets (e.g. "(demo)") are skipped."""
    words = [w for w in name.replace("-", " ").split() if w and not w.startswith("(")]
    letters = [w[0].upper() for w in words if w[0].isalpha()]
    return "".join(f"{c}." for c in letters) or "-"


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _session_text(record: DayRecord) -> str:
    parts = []
    for s in record.sessions:
        # the activity in the report's language ("run" -> "course"), or the person's words
        # in any script: isolated (FSI..PDI) so that a right-to-left name does not reorder
        # "30 min RPE 4" around it in the PDF
        # no-break spaces: "30 min" and "RPE 4" never split across lines
        text = f"\u2068{scales.activity_name(s.kind)}\u2069 {s.minutes}\u00a0min"
        if s.rpe is not None:
            text += f" RPE\u00a0{s.rpe}"
        parts.append(text)
    return semicolon().join(parts)


def journal_span() -> tuple[date, date] | None:
    """First and last dates with any entry, or None for an empty journal."""
    return journal_repo.journal_span()


def default_period(today: date | None = None) -> tuple[date, date] | None:
    """The last ``DEFAULT_WEEKS`` weeks of the journal (ending on its last entry).

    Returns:
        (start, end), or None for an empty journal.
    """
    span = journal_span()
    if span is None:
        return None
    end = span[1]
    if today is not None:
        end = min(end, today)
    return end - timedelta(days=DEFAULT_WEEKS * 7 - 1), end


# ---- the report data ------------------------------------------------------------------


def _profile(anonymise: bool) -> dict[str, str]:
    p = journal_service.get_profile() or {}
    name = (p.get("name") or "").strip()
    key = p.get("condition") or ""
    cond = scales.CONDITIONS.get(key)
    initials = initials_of(name) if name else "-"
    return {
        "patient": initials if anonymise else (name or _("Not given")),
        "initials": initials,
        "condition": cond.name if cond else (key or _("Not given")),
        "joint": p.get("joint") or "",
        "side": p.get("side") or "",
        "clinician": "" if anonymise else (p.get("clinician") or ""),
        "goal": p.get("goal") or "",
    }


def _outcome_series(rows: list[Response]) -> list[OutcomeSeries]:
    """Each instrument's scores in date order, instruments by key."""
    series: dict[str, list[tuple[date, float | None]]] = {}
    for r in sorted(rows, key=lambda r: (r.instrument, r.day, r.id)):
        series.setdefault(r.instrument, []).append((r.day, r.score))
    return [OutcomeSeries(k, tuple(v)) for k, v in series.items()]


def _fmt_load(value: float | None, unit: str) -> str:
    if value is None:
        return "" if unit == "bodyweight" else "-"
    text = f"{value:g}".replace(".", decimal_separator())
    return {"kg": f"{text} kg", "lb": f"{text} lb", "seconds": f"{text} s",
            "minutes": f"{text} min"}.get(unit, f"{text} {unit}".strip())


def _dose(p: report_repo.PrescribedRow) -> str:
    if p.hold_s:
        return _("{sets} x {seconds} s hold").format(sets=p.sets, seconds=p.hold_s)
    if p.reps:
        return f"{p.sets} x {p.reps}"
    return ngettext("{n} set", "{n} sets", p.sets).format(n=p.sets)


def _field_word(name: str) -> str:
    """A dose field's name as the programme table says it ("load", "sets"; English: the
    field's key, "hold_s")."""
    words = {"sets": pgettext("dose field", "sets"), "reps": pgettext("dose field", "reps"),
             "hold_s": pgettext("dose field", "hold_s"),
             "load": pgettext("dose field", "load"),
             "load_unit": pgettext("dose field", "load_unit"),
             "notes": pgettext("dose field", "notes")}
    return words.get(name, name)


def _history_value(name: str, text: str) -> str:
    """A dose history value as written: numbers with the language's decimal mark."""
    if name in ("load", "sets", "reps", "hold_s"):
        return text.replace(".", decimal_separator())
    return text


def _phase_at(prog: report_repo.ProgrammeRow, day: date) -> report_repo.PhaseRow:
    """The phase that holds ``day`` (phases follow each other from the start date)."""
    current = prog.phases[-1]
    if prog.start_date:
        cursor = prog.start_date
        for ph in prog.phases:
            nxt = cursor + timedelta(weeks=max(1, ph.weeks))
            if cursor <= day < nxt:
                return ph
            cursor = nxt
        current = prog.phases[0] if day < prog.start_date else prog.phases[-1]
    return current


def _programme(end: date, data: ReportData) -> None:
    """The active programme's current phase (the phase that holds ``end``)."""
    prog = report_repo.report_programme()
    if prog is None or not prog.phases:
        return
    current = _phase_at(prog, end)
    data.programme_name = library_text(prog.name)
    data.programme_phase = library_text(current.name)
    for p in report_repo.phase_prescriptions(current.id, end):
        if p.last_change is not None:
            name, old, new, day = p.last_change
            status = _("{field} {old} -> {new} on {day}").format(
                field=_field_word(name), old=_history_value(name, old),
                new=_history_value(name, new), day=format_date(day, "day_month"))
        else:
            status = _("no change yet")
        days = str(p.days_per_week) if p.days_per_week else (
            str(len([d for d in p.weekdays.split(",") if d.strip()])) if p.weekdays else "-"
        )
        data.programme.append(ProgrammeRow(
            exercise=library_text(p.exercise),
            dose=_dose(p),
            load=_fmt_load(p.load, p.load_unit) or _("bodyweight"),
            days_per_week=days,
            status=status,
        ))


def resolve_period(start: date | None, end: date | None,
                   made: date | None = None) -> tuple[date, date]:
    """The period a report or summary covers when dates are left out.

    Both None: ``default_period()`` (the journal's last 4 weeks), or the 4 weeks ending
    ``made`` (today) for an empty journal. One None: 4 weeks from/to the other.
    """
    made = made or clock.today()
    length = timedelta(days=DEFAULT_WEEKS * 7 - 1)
    if start is None and end is None:
        period = default_period()
        if period is None:
            return clamp_day(made - length), made
        return period
    if start is None:
        assert end is not None
        return clamp_day(end - length), end
    if end is None:
        return start, clamp_day(start + length)
    return start, end


def clamp_day(day: date) -> date:
    """``day`` moved into the dates the journal accepts (``domain.validation``: 1900-01-01
    to 2100-12-31): a period worked out from one given date never runs past them."""
    from ..domain import validation

    return min(max(day, validation.EARLIEST_DAY), validation.LATEST_DAY)


def chart_data(summary: PeriodSummary) -> ProgressData:
    """The charts' data for the summary's period: ``progress_data`` given this summary, so
    the weekly bars, their changes and the load spike indicator are the summary's rows
    (the weekly table's)."""
    return progress_data(summary.start, summary.end, summary=summary)


def adherence_rows(summary: PeriodSummary) -> list[WeekAdherence]:
    """Exercise days done and due per row of the summary (for the adherence chart, the same
    weeks Progress draws: ``summary.adherence_weeks``); empty when no exercise day was due."""
    return adherence_weeks(summary)


def build_report_data(
    start: date | None = None,
    end: date | None = None,
    *,
    anonymise: bool = False,
    made: date | None = None,
    patterns: bool = False,
) -> ReportData:
    """Compute the report's figures for ``start``..``end`` (inclusive) from the open journal.

    Args:
        start, end: the period; both None means ``default_period()``. One None: 4 weeks
            from/to the other.
        anonymise: initials only, no clinician name.
        made: the date printed as "made on" (today when None).
        patterns: also read what often came before flares (``ReportData.patterns``, for
            the optional "patterns" section; ``services.patterns.period_patterns``) over
            the period, or the 12 weeks ending on its last day when it is shorter.

    Raises:
        ReportPeriodError: (a ``ValidationError``) ``end`` is before ``start``.
        StorageError: the journal cannot be read.
    """
    made = made or clock.today()
    start, end = resolve_period(start, end, made)
    check_period(start, end)

    summary = period_summary(start, end)
    data = ReportData(
        start=start, end=end, made=made, anonymised=anonymise, empty=summary.empty,
        summary=summary, **_profile(anonymise),
    )
    data.questions = report_repo.open_questions()
    if data.empty:
        return data

    data.progress = chart_data(summary)
    data.adherence_weeks = adherence_rows(summary)
    journal: Journal = journal_service.load_journal(start, end)
    by_day = {d.day: d for d in summary.days}

    # ---- red flags, events, notes, day log ---------------------------------------------
    for d in sorted(journal.days):
        rec = journal.days[d]
        for f in rec.red_flags:
            data.events.append(DatedItem(d, "red flag", scales.red_flag_label(f.code), f.note,
                                         urgent=scales.is_urgent(f.code), key="red_flag"))
        for ev in rec.events:
            title = ev.label or scales.event_label(ev.kind)
            item = DatedItem(d, scales.event_label(ev.kind), title, ev.notes, key=ev.kind)
            data.events.append(item)
            if ev.kind == "flare":
                data.flares.append(item)

    for d in _days(start, end):
        rec = journal.get(d)
        day = by_day[d]
        notes = []
        if rec.checkin and rec.checkin.notes.strip():
            notes.append(rec.checkin.notes.strip())
        # "run: Walk-run ..." ("course : ...", "Laufen: ..."): the activity in the
        # report's language, isolated like the session text
        notes += [_("{label}: {text}").format(
            label=f"\u2068{scales.activity_name(s.kind)}\u2069", text=s.notes.strip())
            for s in rec.sessions if s.notes.strip()]
        text = " ".join(notes)
        notable = (
            day.light in (light_mod.RED, light_mod.AMBER) or rec.red_flags or rec.events
        )
        if text and notable:
            data.notes.append((d, text))
        if d in journal.days:
            data.days.append(DayRow(
                day=d,
                morning_pain=rec.morning_pain,
                stiffness_min=rec.checkin.stiffness_min if rec.checkin else None,
                swelling=rec.checkin.swelling if rec.checkin else None,
                sessions=_session_text(rec),
                load=day.load,
                peak_pain=rec.peak_pain,
                light=day.light,
                status=day.status,
                notes=text,
                red_flag_tier=day.red_flag_tier,
            ))

    data.outcome_responses = responses(start=start, end=end)
    data.outcomes = _outcome_series(data.outcome_responses)
    _programme(end, data)
    if patterns:  # at least the 12 weeks to the end: a 4-week report has too few flares
        from .patterns import DEFAULT_WEEKS as PATTERN_WEEKS
        from .patterns import period_patterns

        first = min(start, end - timedelta(days=PATTERN_WEEKS * 7 - 1))
        data.patterns = period_patterns(first, end, today=made)
    return data


def build_report_data_in_worker(
    start: date | None = None,
    end: date | None = None,
    *,
    anonymise: bool = False,
    made: date | None = None,
    patterns: bool = False,
) -> ReportData:
    """``build_report_data`` for a worker thread: it reads on the thread's own SQLite
    connection, closed when done (the GUI thread's connection is never shared).

    Raises:
        ReportPeriodError: ``end`` is before ``start``.
        StorageError: the journal cannot be read.
    """
    try:
        return build_report_data(start, end, anonymise=anonymise, made=made,
                                 patterns=patterns)
    except RehabJournalError:
        raise
    except Exception as exc:
        if is_storage_failure(exc):
            raise storage_error(exc, "read the journal") from exc
        raise
    finally:
        session.close_thread_connection()
