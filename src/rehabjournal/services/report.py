"""Report data: every number the clinician PDF shows, computed once from the journal.

``build_report_data(start, end)`` reads the journal for a period and works out the figures
with the domain functions (``domain.load``, ``domain.light``, ``domain.change``). The PDF
builder (``reports/``) only lays them out, so the same numbers can be tested without a PDF.

Choices made here (also in docs/report.md):
    * "First week" is the 7 days starting on the period's first day, "last week" the 7 days
      ending on its last day (they overlap in periods shorter than 14 days).
    * A week's light in the weekly table is the worst light of its days (a red day makes the
      week red); the day counts per colour are given too.
    * Lights are computed over the journal including the 14 days before the period (the
      baseline) and the day after it (the next morning).
    * Anonymise replaces the name with initials and leaves out the clinician's name; notes
      are kept as written.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..domain import change as change_mod
from ..domain import light as light_mod
from ..domain import load as load_mod
from ..domain import scales
from ..domain.entities import DayRecord, Journal
from ..domain.programme import WeekAdherence
from ..errors import RehabJournalError, ValidationError, is_storage_failure, storage_error
from ..store import journal_repo, report_repo
from . import journal as journal_service
from . import session
from .outcomes import Response, responses
from .programme import weekly_adherence
from .progress import ProgressData, progress_data

DEFAULT_WEEKS = 4
_LIGHT_ORDER = {light_mod.GREEN: 0, light_mod.AMBER: 1, light_mod.RED: 2}


class ReportPeriodError(ValidationError):
    """The period cannot be reported on (e.g. it ends before it starts)."""


@dataclass(frozen=True, slots=True)
class WeekCompare:
    """One headline measure: the period's value, the first and last week's, the change."""

    label: str
    period: float | None
    first: float | None
    last: float | None
    unit: str = ""
    change: change_mod.Change | None = None  # only for pain (clinically important change)


@dataclass(frozen=True, slots=True)
class WeekRow:
    week_start: date
    days: int  # days of this week inside the period
    sessions: int
    minutes: int
    load: float
    change_pct: float | None
    morning_mean: float | None
    adherence_pct: float | None
    light: str | None
    light_counts: dict[str, int]


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
    day: date
    kind: str  # "red flag", "flare", "appointment" ...
    title: str
    notes: str = ""
    urgent: bool = False


@dataclass
class ReportData:
    """Everything the clinician report shows (plain values; no database rows)."""

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
    headline: list[WeekCompare] = field(default_factory=list)
    pain_change: change_mod.Change | None = None
    first_week: tuple[date, date] | None = None
    last_week: tuple[date, date] | None = None
    sessions: int = 0
    minutes: int = 0
    total_load: float = 0.0
    adherence_pct: float | None = None
    adherence_note: str = ""
    weekly_load: list[tuple[date, float, float | None]] = field(default_factory=list)
    lights: list[tuple[date, str | None]] = field(default_factory=list)
    light_counts: dict[str, int] = field(default_factory=dict)
    red_flag_days: list[DatedItem] = field(default_factory=list)
    flares: list[DatedItem] = field(default_factory=list)
    events: list[DatedItem] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    weeks: list[WeekRow] = field(default_factory=list)
    programme_name: str = ""
    programme_phase: str = ""
    programme: list[ProgrammeRow] = field(default_factory=list)
    outcomes: list[OutcomeSeries] = field(default_factory=list)
    outcome_responses: list[Response] = field(default_factory=list)
    notes: list[tuple[date, str]] = field(default_factory=list)
    days: list[DayRow] = field(default_factory=list)
    progress: ProgressData | None = None  # the charts' data (None for an empty period)
    adherence_weeks: list[WeekAdherence] = field(default_factory=list)


# ---- small helpers --------------------------------------------------------------------


def initials_of(name: str) -> str:
    """"Zoë Łukasiewicz" -> "Z.Ł."; words in brackets (e.g. "(demo)") are skipped."""
    words = [w for w in name.replace("-", " ").split() if w and not w.startswith("(")]
    letters = [w[0].upper() for w in words if w[0].isalpha()]
    return "".join(f"{c}." for c in letters) or "-"


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _day_load(record: DayRecord) -> float:
    total = 0.0
    for s in record.sessions:
        value = load_mod.session_load(s.rpe, s.minutes)
        if value is not None:
            total += value
    return total


def _session_text(record: DayRecord) -> str:
    parts = []
    for s in record.sessions:
        text = f"{s.kind} {s.minutes} min"
        if s.rpe is not None:
            text += f" RPE {s.rpe}"
        parts.append(text)
    return "; ".join(parts)


def _worst(colours) -> str | None:
    known = [c for c in colours if c in _LIGHT_ORDER]
    return max(known, key=_LIGHT_ORDER.__getitem__) if known else None


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
        "patient": initials if anonymise else (name or "Not given"),
        "initials": initials,
        "condition": cond.name if cond else (key or "Not given"),
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
    text = f"{value:g}"
    return {"kg": f"{text} kg", "lb": f"{text} lb", "seconds": f"{text} s",
            "minutes": f"{text} min"}.get(unit, f"{text} {unit}".strip())


def _dose(p: report_repo.PrescribedRow) -> str:
    if p.hold_s:
        return f"{p.sets} x {p.hold_s} s hold"
    if p.reps:
        return f"{p.sets} x {p.reps}"
    return "1 set" if p.sets == 1 else f"{p.sets} sets"


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
    data.programme_name = prog.name
    data.programme_phase = current.name
    for p in report_repo.phase_prescriptions(current.id, end):
        if p.last_change is not None:
            name, old, new, day = p.last_change
            status = f"{name} {old} -> {new} on {light_mod.fmt_day(day)}"
        else:
            status = "no change yet"
        days = str(p.days_per_week) if p.days_per_week else (
            str(len([d for d in p.weekdays.split(",") if d.strip()])) if p.weekdays else "-"
        )
        data.programme.append(ProgrammeRow(
            exercise=p.exercise,
            dose=_dose(p),
            load=_fmt_load(p.load, p.load_unit) or "bodyweight",
            days_per_week=days,
            status=status,
        ))


def _adherence(start: date, end: date, data: ReportData) -> None:
    """Programme adherence by week and over the period."""
    weeks = list(weekly_adherence(start, end))
    data.adherence_weeks = weeks
    prescribed = sum(w.prescribed for w in weeks)
    done = sum(w.done for w in weeks)
    if prescribed:
        data.adherence_pct = done / prescribed * 100.0
    else:
        data.adherence_note = "No programme exercises were prescribed in this period."


def _pain_values(journal: Journal, days: list[date], attr: str) -> list[float]:
    return [
        float(v)
        for d in days
        for s in journal.get(d).sessions
        if (v := getattr(s, attr)) is not None
    ]


def _morning(journal: Journal, days: list[date]) -> list[float]:
    return [float(v) for d in days if (v := journal.get(d).morning_pain) is not None]


def build_report_data(
    start: date | None = None,
    end: date | None = None,
    *,
    anonymise: bool = False,
    made: date | None = None,
) -> ReportData:
    """Compute the report's figures for ``start``..``end`` (inclusive) from the open journal.

    Args:
        start, end: the period; both None means ``default_period()``. One None: 4 weeks
            from/to the other.
        anonymise: initials only, no clinician name.
        made: the date printed as "made on" (today when None).

    Raises:
        ReportPeriodError: (a ``ValidationError``) ``end`` is before ``start``.
        StorageError: the journal cannot be read.
    """
    made = made or date.today()
    if start is None and end is None:
        period = default_period()
        if period is None:
            end = made
            start = end - timedelta(days=DEFAULT_WEEKS * 7 - 1)
        else:
            start, end = period
    elif start is None:
        start = end - timedelta(days=DEFAULT_WEEKS * 7 - 1)
    elif end is None:
        end = start + timedelta(days=DEFAULT_WEEKS * 7 - 1)
    if end < start:
        raise ReportPeriodError(
            f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()})."
        )

    th = journal_service.thresholds()
    # Around the period: a baseline before it, the next morning after it.
    journal = journal_service.load_journal(start - timedelta(days=14), end + timedelta(days=1))
    days = _days(start, end)
    in_period = [d for d in days if d in journal.days]
    data = ReportData(
        start=start, end=end, made=made, anonymised=anonymise, empty=not in_period,
        **_profile(anonymise),
    )
    data.questions = report_repo.open_questions()
    if data.empty:
        return data

    # ---- headline ----------------------------------------------------------------------
    first_days = _days(start, min(end, start + timedelta(days=6)))
    last_days = _days(max(start, end - timedelta(days=6)), end)
    data.first_week = (first_days[0], first_days[-1])
    data.last_week = (last_days[0], last_days[-1])

    def compare(label, fn, unit="", pain=False) -> WeekCompare:
        period, first, last = fn(days), fn(first_days), fn(last_days)
        ch = None
        if pain and first is not None and last is not None:
            ch = change_mod.clinically_important(
                first, last, points=th.improvement_points, fraction=th.improvement_fraction
            )
        return WeekCompare(label, period, first, last, unit, ch)

    morning = compare("Morning pain (mean, 0-10)", lambda ds: _mean(_morning(journal, ds)),
                      pain=True)
    data.pain_change = morning.change
    sessions_in = lambda ds: sum(len(journal.get(d).sessions) for d in ds)  # noqa: E731
    minutes_in = lambda ds: sum(s.minutes for d in ds for s in journal.get(d).sessions)  # noqa: E731
    load_in = lambda ds: sum(_day_load(journal.get(d)) for d in ds)  # noqa: E731
    data.headline = [
        morning,
        compare("Pain during sessions (mean, 0-10)",
                lambda ds: _mean(_pain_values(journal, ds, "pain_during")), pain=True),
        compare("Pain after sessions (mean, 0-10)",
                lambda ds: _mean(_pain_values(journal, ds, "pain_after")), pain=True),
        compare("Sessions", lambda ds: float(sessions_in(ds))),
        compare("Minutes of activity", lambda ds: float(minutes_in(ds)), "min"),
        compare("Training load (RPE x min)", lambda ds: load_in(ds), "AU"),
    ]
    data.sessions = sessions_in(days)
    data.minutes = minutes_in(days)
    data.total_load = load_in(days)

    # ---- lights ------------------------------------------------------------------------
    lights = {d: light_mod.day_light(journal, d, th).colour for d in days}
    data.lights = [(d, lights[d]) for d in days]
    data.light_counts = dict(Counter(c for c in lights.values() if c))

    # ---- weekly ------------------------------------------------------------------------
    all_sessions = [s for d in days for s in journal.get(d).sessions]
    daily = load_mod.daily_loads(all_sessions, start, end)
    totals = load_mod.weekly_totals(daily)
    changes = load_mod.week_on_week_change(totals)
    data.weekly_load = [(w, t, c) for (w, t), c in zip(totals, changes, strict=True)]

    data.progress = progress_data(start, end)
    _adherence(start, end, data)
    adherence_by_week: dict[date, float | None] = {}
    for w in data.adherence_weeks:
        adherence_by_week[w.week_start] = w.percent

    for (w, total), ch in zip(totals, changes, strict=True):
        wdays = [d for d in _days(w, w + timedelta(days=6)) if start <= d <= end]
        counts = Counter(lights[d] for d in wdays if lights[d])
        data.weeks.append(WeekRow(
            week_start=w,
            days=len(wdays),
            sessions=sessions_in(wdays),
            minutes=minutes_in(wdays),
            load=total,
            change_pct=ch,
            morning_mean=_mean(_morning(journal, wdays)),
            adherence_pct=adherence_by_week.get(w),
            light=_worst(counts),
            light_counts=dict(counts),
        ))

    # ---- red flags, events, notes, day log ---------------------------------------------
    for d in in_period:
        rec = journal.days[d]
        for f in rec.red_flags:
            item = DatedItem(d, "red flag", scales.red_flag_label(f.code), f.note,
                             urgent=scales.is_urgent(f.code))
            data.red_flag_days.append(item)
            data.events.append(item)
        for ev in rec.events:
            title = ev.label or scales.event_label(ev.kind)
            item = DatedItem(d, scales.event_label(ev.kind), title, ev.notes)
            data.events.append(item)
            if ev.kind == "flare":
                data.flares.append(item)

    for d in days:
        rec = journal.get(d)
        notes = []
        if rec.checkin and rec.checkin.notes.strip():
            notes.append(rec.checkin.notes.strip())
        notes += [f"{s.kind}: {s.notes.strip()}" for s in rec.sessions if s.notes.strip()]
        text = " ".join(notes)
        notable = (
            lights[d] in (light_mod.RED, light_mod.AMBER) or rec.red_flags or rec.events
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
                load=_day_load(rec),
                peak_pain=rec.peak_pain,
                light=lights[d],
                notes=text,
            ))

    data.outcome_responses = responses(start=start, end=end)
    data.outcomes = _outcome_series(data.outcome_responses)
    _programme(end, data)
    return data



def build_report_data_in_worker(
    start: date | None = None,
    end: date | None = None,
    *,
    anonymise: bool = False,
    made: date | None = None,
) -> ReportData:
    """``build_report_data`` for a worker thread: it reads on the thread's own SQLite
    connection, closed when done (the GUI thread's connection is never shared).

    Raises:
        ReportPeriodError: ``end`` is before ``start``.
        StorageError: the journal cannot be read.
    """
    try:
        return build_report_data(start, end, anonymise=anonymise, made=made)
    except RehabJournalError:
        raise
    except Exception as exc:
        if is_storage_failure(exc):
            raise storage_error(exc, "read the journal") from exc
        raise
    finally:
        session.close_thread_connection()
