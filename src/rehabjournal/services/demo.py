"""Seeded, deterministic demo and history journals.

``generate_demo`` tells one story (a runner with patellofemoral pain in the left knee) over
about twelve weeks: a load spike in week 3, a flare and a deload, then steady progress on a
12-week programme. ``generate_history`` makes many years of plausible rows quickly, for
tests and benchmarks. Both draw from their own ``random.Random(seed)``, never the global
generator, and write every timestamp themselves, so the same seed and end date give the
same rows.

Both fill the journal that is currently open (``services.session.open_journal``) and
expect it to be empty. They make the rows up; ``store.demo_repo`` writes them.
``make_demo_dir`` makes a throwaway folder with a demo journal in it.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..domain import programme as dp
from ..domain import progression, scales
from ..domain import rehab_session as rs
from ..store import demo_repo as repo
from ..store.demo_repo import PhaseRow, PrescriptionRow
from ..store.library import create_programme_from_template, sync_shipped_exercises
from . import clock
from .session import open_journal

DEMO_TEMPLATE = "knee-overuse-12"

# Story days, counted from the period start (a Monday); week w is days 7w .. 7w + 6.
_SPIKE_WEEK = 2  # the third week
_FLARE_DAY = 20  # the Sunday after the spike week's long run
_DELOAD_DAY = 21
_FLARE_PAIN = {19: 5, 20: 6, 21: 7, 22: 6, 23: 6, 24: 5, 25: 5, 26: 5, 27: 4}
_RED_FLAG_DAY = 38
_SHOES_DAY = 30
_REVIEW_DAY = 42
_STRENGTH_DAYS = (0, 2, 4)

_CHECKIN_NOTES = (
    "Stairs at work were fine today.",
    "Knee a bit stiff after sitting through a long meeting.",
    "Sore going downstairs first thing, eased after 10 minutes.",
    "Slept badly, late night.",
    "Felt good on the walk to work.",
    "Cinema: knee ached after two hours of sitting.",
    "Busy week, stressed.",
    "Cold morning, took a while to loosen up.",
)
_RUN_NOTES = (
    "Flat route along the river.",
    "Some hills, took them easy.",
    "Treadmill, 1 % incline.",
    "Ran with a friend, chatty pace.",
    "",
    "",
    "",
)
_SKIP_NOTES = ("Short on time.", "Forgot, late at work.", "Travelling.")


def _clip(value: float, lo: int = 0, hi: int = 10) -> int:
    return int(max(lo, min(hi, round(value))))


def _stamp(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def demo_period(end: date, weeks: int = 12) -> tuple[date, date]:
    """The demo's first and last day.

    The period starts on a Monday, ``weeks - 1`` weeks before the Monday of the week that
    holds the day after ``end`` ("today"), so today falls in the programme's last week
    and weekly views line up with calendar weeks.
    """
    today = end + timedelta(days=1)
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    return start, end


@dataclass
class _Session:
    kind: str
    minutes: int
    rpe: int | None
    km: float | None = None
    notes: str = ""
    during: int | None = None
    after: int | None = None
    before: int | None = None
    programme: bool = False  # made from the day's exercise logs (source 'programme')
    watch: bool = False  # recorded by the watch only: imported from its file, not rated yet


@dataclass
class _Day:
    day: date
    morning: int = 0
    sessions: list[_Session] = field(default_factory=list)


def _target_pain(i: int, n: int) -> float:
    """The story's morning pain on day ``i`` of ``n`` (before noise)."""
    if i in _FLARE_PAIN:
        return _FLARE_PAIN[i]
    if i < 14:
        return 3.6
    if i < 19:
        return 3.6 + 0.25 * (i - 13)
    last = max(n - 1, 29)
    return 4.2 - 3.2 * (i - 28) / (last - 28)


def generate_demo(end: date | None = None, weeks: int = 12, seed: int = 7) -> None:
    """Fill the open, empty journal with the demo story.

    Args:
        end: the last day with entries; yesterday when None, so the next-morning rating
            of the last day's sessions is today's to give.
        weeks: calendar weeks covered (the last one may be partial); at least 6.
        seed: seed of the random generator; the same seed and end give the same rows.

    Raises:
        ValueError: the journal already holds entries, or ``weeks`` is below 6.
    """
    if weeks < 6:
        raise ValueError("the demo needs at least 6 weeks")
    if repo.has_entries():
        raise ValueError("the demo needs an empty journal")
    end = end or (clock.today() - timedelta(days=1))
    start, end = demo_period(end, weeks)
    rng = random.Random(seed)
    n = (end - start).days + 1
    days = [_Day(start + timedelta(days=i)) for i in range(n)]

    with repo.transaction():
        # --- profile and pain sites ------------------------------------------------------
        repo.insert(
            "profile",
            name="Sam Rivera (demo)",
            condition="patellofemoral_pain",
            joint="knee",
            side="left",
            onset_date=end - timedelta(weeks=14),
            goal="Run 10 km pain-free",
            clinician="Jo Patel, physiotherapist",
            created=_stamp(start - timedelta(days=1), 20),
        )
        knee = repo.insert(
            "pain_site", joint="knee", side="left",
            area=scales.CONDITIONS["patellofemoral_pain"].location, primary=True,
        )
        other = repo.insert("pain_site", joint="knee", side="right", area="inner knee")

        # --- morning pain ----------------------------------------------------------------
        for i, d in enumerate(days):
            target = _target_pain(i, n)
            if i == _RED_FLAG_DAY + 1:
                target += 1
            noise = 0.0 if i in _FLARE_PAIN else rng.gauss(0, 0.35)
            d.morning = _clip(target + noise, 0 if i >= 28 else 2, 10)

        # --- programme -------------------------------------------------------------------
        programme_id = create_programme_from_template(
            DEMO_TEMPLATE, start, name="Knee rehab: back to 10 km"
        )
        repo.set_programme_created(programme_id, _stamp(start, 9))
        logs, cond_logs = _programme_logs(rng, programme_id, start, end, days)
        rehab = _rehab_sessions(logs, programme_id)

        # --- sessions --------------------------------------------------------------------
        for i, d in enumerate(days):
            w, wd = divmod(i, 7)
            d.sessions = _planned_sessions(rng, i, w, wd, n)
            if i in rehab:
                # The session the app makes from the day's logs (services/exercise_logs.py):
                # estimated minutes, pain during the worst of the logs, the effort given.
                rpe = 3 if w in (3, 5) else 4 if w >= 6 else 3
                d.sessions.insert(0, _Session("rehab exercises", rehab[i][0], rpe, notes="",
                                              programme=True))
            _rate_sessions(rng, i, d, days)
            for s in d.sessions:
                if s.programme:
                    s.before, s.during, s.after = None, rehab[i][1], None

        for (i, pid), kind in cond_logs.items():
            session = next((s for s in days[i].sessions if s.kind == kind), None)
            row = logs[(i, pid)]
            if session is None:
                row.update(status="skipped", notes="Did not get to it.", sets_done=0,
                           load_done=None, pain_during=None)
            else:
                planned = row["load_done"]
                short = planned is not None and session.minutes < planned - 3
                over = planned is not None and session.minutes > planned * 1.25
                note = (f"{session.minutes} minutes: more than the {planned:g} prescribed."
                        if over else "")
                row.update(status="partial" if short else "done", sets_done=1, notes=note,
                           load_done=float(session.minutes), pain_during=session.during)

        # --- write check-ins, site pains, sessions ---------------------------------------
        checkin_rows = []
        for i, d in enumerate(days):
            checkin_rows.append(_checkin_row(rng, i, d, n))
        repo.insert_many("check_in", checkin_rows)
        checkin_ids = repo.checkin_ids()
        right = [
            _clip(rng.choice((0, 0, 1, 1, 1, 2)) + (1 if 19 <= i <= 27 else 0), 0, 3)
            for i in range(n)
        ]
        repo.insert_many("check_in_site_pain", [
            {"checkin": checkin_ids[d.day], "site": other, "pain": right[i]}
            for i, d in enumerate(days)
        ])

        # The next-morning rating of a session is the next day's morning pain at its site
        # (the check-ins above): nothing more to write for it.
        watch = _Watch(seed)
        _unrated_extras(days)
        for i, d in enumerate(days):
            for pos, s in enumerate(d.sessions):
                session_id = repo.insert("activity_session", **{
                    "day": d.day, "position": pos, "kind": s.kind, "minutes": s.minutes,
                    "rpe": s.rpe, "distance_km": s.km, "pain_before": s.before,
                    "pain_during": s.during, "pain_after": s.after, "site": knee,
                    "notes": s.notes, "updated": _stamp(d.day, 18 + pos),
                    "source": rs.SOURCE if s.programme else "",
                    "minutes_estimated": s.programme, **watch.columns(i, d.day, s)})
                if s.kind == "run":
                    during = _clip(right[i] + rng.choice((0, 0, 1)), 0, 3)
                    repo.insert(
                        "session_site_pain",
                        session=session_id, site=other, pain_before=right[i],
                        pain_during=during, pain_after=during,
                    )

        repo.insert_many("exercise_log", [logs[k] for k in sorted(logs)])

        # --- events, red flag, questions -------------------------------------------------
        events = [
            (0, "appointment", "Physio assessment",
             "Patellofemoral pain, left knee. Started the 12-week programme; keep runs easy."),
            (_FLARE_DAY, "flare", "Flare after the long run",
             "Knee 6/10 this morning after last week's extra running and the 12 km run."),
            (_DELOAD_DAY, "deload_start", "Running paused for a week",
             "Bike, pool and the rehab exercises only this week; lighter leg press."),
            (_SHOES_DAY, "new_shoes", "New running shoes", "More cushioning, same drop."),
            (_REVIEW_DAY, "appointment", "6-week review",
             "Morning pain down from about 4 to 2-3. Start walk-run intervals. "
             "Discussed the giving-way episode."),
        ]
        repo.insert_many("event", [
            {"day": start + timedelta(days=i), "kind": k, "label": lab, "notes": note}
            for i, k, lab, note in events if i < n
        ])
        if n > _RED_FLAG_DAY:
            repo.insert(
                "red_flag", day=start + timedelta(days=_RED_FLAG_DAY), code="locking_giving_way",
                note="Knee gave way once going down the stairs at work. No swelling after; "
                "to mention to the physio.",
            )
        questions = [
            (10, "Is it OK to run when the knee is 2/10 the morning after?", True),
            (_RED_FLAG_DAY, "The knee gave way once on the stairs: does that change the plan?",
             True),
            (n - 6, "When can I try a 5 km parkrun again?", False),
            (n - 3, "Ice or heat on the knee after a run?", False),  # two open ones
        ]
        repo.insert_many("question", [
            {"text": t, "created": _stamp(start + timedelta(days=i), 21), "answered": a}
            for i, t, a in questions if 0 <= i < n
        ])


_WATCH_FROM_DAY = 28
"""From the fifth week on, runs and rides are recorded by a watch and imported from its
files (issue 20): start time, heart rate, climb. The first is a session typed by hand and
merged with its file (source ''), the others are sessions made from files (source 'file')."""
_WATCH_SPORTS = {"run": "running", "cycle": "cycling", "walk": "walking"}


class _Watch:
    """The watch's files of the demo: ``activity_file`` rows and the file columns of the
    sessions recorded with it. It draws from its own generator (``seed``), so the rest of
    the story stays the same draw for draw."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed * 1009 + 20)
        self.merged = False
        self.dismissed = False
        self.files = 0

    def _file(self, day: date, name: str, status: str = "imported") -> int:
        import hashlib

        self.files += 1
        key = hashlib.sha256(f"rehabjournal demo {self.files} {name}".encode()).hexdigest()
        return repo.insert("activity_file", sha256=key, name=name, format="fit",
                           status=status, seen=_stamp(day, 20, 30))

    def columns(self, i: int, day: date, s: _Session) -> dict:
        """The file columns of session ``s`` on day ``i`` (and its file row), or {}."""
        if s.programme or s.kind not in _WATCH_SPORTS or (i < _WATCH_FROM_DAY and not s.watch):
            return {}
        rng = self.rng
        if not self.dismissed and s.kind == "cycle":
            # a commute the watch also recorded, declined when the watched folder offered it
            self._file(day, f"{day:%Y-%m-%d}-Commute.fit", "dismissed")
            self.dismissed = True
        title = {"run": "Run", "cycle": "Ride", "walk": "Walk"}[s.kind]
        if s.watch:
            title = f"Evening_{title}"
        weekend = day.weekday() >= 5
        hour = rng.choice((8, 9)) if weekend else rng.choice((7, 7, 18))
        if s.watch:
            hour = 18
        moving = s.minutes * 60 + rng.randint(-25, 25)
        pauses = 0 if s.kind == "cycle" else rng.choice((0, 0, 45, 120, 300))
        effort = s.rpe if s.rpe is not None else 3
        avg = round({"run": 118, "cycle": 108, "walk": 84}[s.kind] + 7 * effort
                    + rng.gauss(0, 3))
        values = {
            "activity_file": self._file(day, f"{day:%Y-%m-%d}-{title}.fit"),
            "leg": 0, "sport": _WATCH_SPORTS[s.kind],
            "start_time": time(hour, rng.randrange(0, 60, 5), rng.randrange(60)),
            "elapsed_s": moving + pauses, "moving_s": moving,
            "ascent_m": round(rng.uniform(*{"run": (15, 90), "cycle": (120, 380),
                                            "walk": (10, 60)}[s.kind]), 1),
            "avg_hr": avg, "max_hr": avg + rng.randint(12, 24),
        }
        if self.merged:
            values["source"] = "file"
        self.merged = True  # the first: typed by hand, then merged with its file
        return values


def _unrated_extras(days: list[_Day]) -> None:
    """A walk two days before the end and a ride on the last day, recorded by the watch and
    not rated yet: Today lists them "to rate" (minutes, no session-RPE load yet)."""
    extras = ((3, _Session("walk", 48, None, 3.9, "", watch=True)),
              (1, _Session("cycle", 36, None, 12.4, "", watch=True)))
    for back, session in extras:
        if len(days) >= back:
            days[-back].sessions.append(session)


def _planned_sessions(rng: random.Random, i: int, w: int, wd: int, n: int) -> list[_Session]:
    """Runs, rides and swims of day ``i`` (week ``w``, weekday ``wd``) in the story."""
    jitter = rng.randint(-1, 1)
    if w < _SPIKE_WEEK:  # before the spike: three runs and a ride a week
        return {
            1: [_Session("run", 30 + jitter, 4, 5.0, rng.choice(_RUN_NOTES))],
            3: [_Session("run", 30 + jitter, 4, 5.1, rng.choice(_RUN_NOTES))],
            5: [_Session("run", 50 + jitter, 5, 8.0, "Long run.")],
            6: [_Session("cycle", 40 + jitter, 3, None, "Easy spin.")],
        }.get(wd, [])
    if w == _SPIKE_WEEK:  # the spike: +50-70 % weekly load
        return {
            1: [_Session("run", 48 + jitter, 5, 8.0, "Felt good, went further.")],
            2: [_Session("run", 35 + jitter, 4, 6.0, "Extra easy run.")],
            3: [_Session("run", 45 + jitter, 6, 8.2, "Tempo run with the club.")],
            5: [_Session("run", 80 + jitter, 6, 12.0, "Longest run in months.")],
        }.get(wd, [])
    if w == 3:  # deload after the flare: no running
        return {
            1: [_Session("cycle", 30 + jitter, 3, None, "Low resistance.")],
            3: [_Session("swim", 30 + jitter, 3, None, "Pool running, deep end.")],
            5: [_Session("cycle", 35 + jitter, 3, None, "")],
            6: [_Session("cycle", 30 + jitter, 3, None, "")],
        }.get(wd, [])
    if w in (4, 5):  # walk-run intervals come back
        if wd in (1, 3, 5):
            if wd == 1 and w == 4:
                return [_Session("cycle", 30 + jitter, 3, None, "")]
            minutes = 20 + 2 * (w - 4) + (3 if wd == 5 else 0) + jitter
            return [_Session("run", minutes, 4, round(minutes / 9.5, 1),
                             "Walk-run, 1 min run : 2 min walk.")]
        if wd == 6:
            return [_Session("cycle", 30 + jitter, 3, None, "")]
        return []
    # weeks 7+: running volume +10-15 % a week
    growth = 1.12 ** (w - 6)
    if wd in (1, 3, 5):
        if i < n - 1 and rng.random() < 0.06:
            return []  # missed run
        base = 30 if wd == 5 else 25
        minutes = int(round(base * growth)) + jitter
        pace = 7.5 if w < 8 else 6.4
        label = "Walk-run, longer running parts." if w < 8 else rng.choice(_RUN_NOTES)
        return [_Session("run", minutes, 5 if wd == 5 else 4, round(minutes / pace, 1), label)]
    if wd == 6 and w % 2 == 0:
        return [_Session("cycle", 40 + jitter, 3, None, "")]
    return []


def _rate_sessions(rng: random.Random, i: int, d: _Day, days: list[_Day]) -> None:
    """Pain before, during and after each session, from the day's morning pain."""
    morning = d.morning
    flare = i in _FLARE_PAIN
    for s in d.sessions:
        s.before = max(0, morning - 1)
        if s.kind == "run":
            if i < 14:  # running through it: at the edge, settled by the next morning
                s.during = _clip(morning + rng.choice((0, 1)), 0, 5)
                s.after = _clip(s.during + rng.choice((-1, 0, 0)), 0, 5)
            elif i < _FLARE_DAY:  # the spike: rising pain
                s.during = _clip(morning + 1 + (s.rpe >= 6), 0, 6)
                s.after = _clip(s.during + 1, 0, 7)
            else:
                s.during = _clip(morning + rng.choice((-1, 0, 0, 1)))
                s.after = _clip(s.during + rng.choice((-1, 0, 0)))
        elif s.kind == "rehab exercises":
            s.during = _clip(morning - 1 + rng.choice((0, 0, 1)), 1, 6 if flare else 3)
            if flare:
                s.during = min(7, morning)
            s.after = max(0, s.during - rng.choice((0, 1)))
        else:
            s.during = _clip(morning - 1 + rng.choice((-1, 0, 0)), 0, 10)
            s.after = s.during
    if i == 19:  # the long run that started the flare: red
        for s in d.sessions:
            if s.kind == "run":
                s.during, s.after = 5, 6


def _checkin_row(rng: random.Random, i: int, d: _Day, n: int) -> dict:
    p = d.morning
    swelling = "none" if p <= 3 else "mild" if p <= 5 else "moderate"
    hours = round(rng.uniform(6.0, 8.5) * 2) / 2 - (0.5 if p >= 6 else 0.0)
    quality = 4 if hours >= 7.5 else 3
    if p >= 6:
        quality -= 1
    stress = rng.randint(2, 5) + (2 if 14 <= i <= 20 else 0)
    notes = ""
    if i == _FLARE_DAY:
        notes = "Knee swollen and sore on waking after yesterday's long run."
    elif i == _RED_FLAG_DAY:
        notes = "Knee gave way on the stairs."
    elif rng.random() < 0.12:
        notes = rng.choice(_CHECKIN_NOTES)
    return {
        "day": d.day,
        "morning_pain": p,
        "stiffness_min": p * 4 + rng.randint(0, 4) if p else rng.randint(0, 2),
        "swelling": swelling,
        "sleep_hours": hours,
        "sleep_quality": quality,
        "stress": stress,
        "notes": notes,
        "updated": _stamp(d.day, 7, 30),
    }


# ---- programme logs --------------------------------------------------------------------

_COND_KIND = {
    "cycling-low-resistance": "cycle",
    "walk-run-intervals": "run",
    "pool-walking-running": "swim",
    "swimming": "swim",
}
_DEFAULT_DAYS = {1: (0,), 2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 3, 4),
                 6: (0, 1, 2, 3, 4, 5), 7: (0, 1, 2, 3, 4, 5, 6)}
# Heavy slow resistance leg press: the first week's 15RM load (kg); later weeks follow the
# app's own advice (domain.progression, the rep-max table), accepted every green week.
_HSR_START = 60.0
_HSR_MODEL = {"model": "rm_schedule", "load_step": 2.5, "stages": [
    {"weeks": [1, 1], "rm": 15}, {"weeks": [2, 3], "rm": 12}, {"weeks": [4, 5], "rm": 10},
    {"weeks": [6, 8], "rm": 8}, {"weeks": [9, 12], "rm": 6}]}
_HSR_HOLD_WEEKS = {2}  # the flare week (days 14-20): amber/red, no progress


def _weekdays(p: PrescriptionRow) -> tuple[int, ...]:
    if p.weekdays:
        return tuple(int(x) for x in p.weekdays.split(","))
    return _DEFAULT_DAYS.get(min(7, max(1, p.days_per_week or 3)), (0, 2, 4))


def _rehab_sessions(logs: dict[tuple[int, int], dict], programme_id: int
                    ) -> dict[int, tuple[int, int | None]]:
    """Day index -> (estimated minutes, worst pain during) of the session the app makes
    from the day's logs (``domain.rehab_session``), for days where any log counts."""
    prescriptions = {p.id: p for _ph, ps in repo.programme_layout(programme_id) for p in ps}
    by_day: dict[int, list[rs.LoggedExercise]] = {}
    for (i, pid), row in sorted(logs.items()):
        p = prescriptions[pid]
        by_day.setdefault(i, []).append(rs.LoggedExercise(
            status=row["status"], category=p.exercise_category, sets=row["sets_done"],
            reps=row["reps_done"], hold_s=row["hold_s_done"], p_sets=p.sets, p_reps=p.reps,
            p_hold_s=p.hold_s, rest_s=p.rest_s, pain_during=row["pain_during"]))
    return {i: (rs.estimated_minutes(made), rs.worst_pain(made))
            for i, made in by_day.items() if rs.estimated_minutes(made)}


def _programme_logs(
    rng: random.Random, programme_id: int, start: date, end: date, days: list[_Day]
) -> tuple[dict, dict]:
    """ExerciseLog rows for every due day (about 85 % done or partial).

    Returns:
        (logs keyed by (day index, prescription id), conditioning logs keyed like logs ->
        the session kind that fulfils them).
    """
    n = len(days)
    logs: dict[tuple[int, int], dict] = {}
    cond: dict[tuple[int, int], str] = {}
    missed_days = {
        i for i in range(21, n) if i % 7 in _STRENGTH_DAYS and rng.random() < 0.08
    }
    first = 0
    last_load = None
    for phase, prescriptions in repo.programme_layout(programme_id):
        span = range(first, min(first + 7 * phase.weeks, n))
        for p in prescriptions:
            slug = p.exercise_slug
            weekly = _weekly_doses(p, phase, first, last_load)
            if slug == "hsr-leg-press" and weekly:
                last_load = _record_load_changes(p, start, first, weekly, n)
            due = set(_weekdays(p))
            for i in span:
                if i % 7 not in due:
                    continue
                w = i // 7
                reps, load = weekly.get(w, (p.reps, p.load))
                row = _log_row(rng, p, days[i], i, load, i in missed_days, reps)
                if row is None:
                    continue
                logs[(i, p.id)] = row
                if slug in _COND_KIND:
                    cond[(i, p.id)] = _COND_KIND[slug]
        first += 7 * phase.weeks
    return logs, cond


def _weekly_doses(p: PrescriptionRow, phase: PhaseRow, first: int,
                  last: tuple[int, float] | None) -> dict[int, tuple[int | None, float]]:
    """Week index -> (reps, load kg) of the heavy slow resistance leg press, else {}.

    The doses the app's advice gives (``domain.progression.advise``) when every green week's
    advice is accepted: a new rep-max on the table's weeks with the load converted by
    Epley's formula, +2.5 kg within a stage, no progress in the flare week, a deload phase
    at the last load with its own (fewer) sets, and a new phase starting from the carried
    load converted to its rep-max.
    """
    if p.exercise_slug != "hsr-leg-press":
        return {}
    w0 = first // 7
    if last is None:
        reps, load = p.reps or 15, _HSR_START
    elif phase.deload:
        return {w0 + k: (p.reps, last[1]) for k in range(phase.weeks)}
    else:
        reps = p.reps or last[0]
        load = progression.rm_load(last[1], last[0], reps) if reps != last[0] else last[1]
    doses = {w0: (reps, load)}
    dose = dp.Dose(p.id, p.sets, reps, None, load, "kg")
    for k in range(1, phase.weeks):
        w = w0 + k
        verdict = "hold" if w - 1 in _HSR_HOLD_WEEKS else "progress"
        s = progression.advise(dose, _HSR_MODEL, verdict=verdict, week=w + 1)
        for f, _old, new in s.updates:
            dose = dp.Dose(**{**{k2: getattr(dose, k2) for k2 in
                                 ("id", "sets", "reps", "hold_s", "load", "load_unit",
                                  "notes")}, f: new})
        doses[w] = (dose.reps, float(dose.load or 0))
    return doses


def _record_load_changes(p, start: date, first: int,
                         weekly: dict[int, tuple[int | None, float]], n: int):
    """PrescriptionChange rows for the weekly doses; sets the prescription's load and reps.

    Returns:
        The last (reps, load) (what the next phase carries).
    """
    previous: tuple[int | None, float] | None = None
    rows = []
    for w in sorted(weekly):
        if 7 * w >= n:
            break
        new = weekly[w]
        day = start + timedelta(days=7 * w)
        if previous is None:
            rows.append(_change(p.id, day, "load", "", f"{new[1]:g}",
                                "Starting load for this phase."))
        elif new != previous:
            why = (f"Changed with the physio: the schedule's {new[0]}RM (Kongsgaard 2009), load "
                   "converted by Epley's formula." if new[0] != previous[0] else
                   "Changed with the physio: same rep-max, +2.5 kg.")
            if new[0] != previous[0]:
                rows.append(_change(p.id, day, "reps", f"{previous[0]}", f"{new[0]}", why))
            if new[1] != previous[1]:
                rows.append(_change(p.id, day, "load", f"{previous[1]:g}", f"{new[1]:g}", why))
        previous = new
    if rows:
        repo.insert_many("prescription_change", rows)
    if previous is not None:
        repo.set_prescription_load(p.id, previous[1], previous[0])
    return previous


def _change(pid: int, day: date, field_name: str, old: str, new: str, reason: str) -> dict:
    return {"prescription": pid, "day": day, "field_name": field_name, "old_value": old,
            "new_value": new, "reason": reason}


def _log_row(rng, p: PrescriptionRow, d: _Day, i: int, load, missed_day: bool,
             reps: int | None = None) -> dict | None:
    flare = i in _FLARE_PAIN and d.morning >= 6
    r = rng.random()
    if missed_day or (i >= 21 and r < 0.05):
        return None  # not done and not logged
    base = {
        "day": d.day,
        "prescription": p.id,
        "sets_done": p.sets,
        "reps_done": reps if reps is not None else p.reps,
        "hold_s_done": p.hold_s,
        "load_done": load if load is not None else p.load,
        "pain_during": _clip(d.morning - 1 + rng.choice((-1, 0, 0, 1)), 1, 3),
        "status": "done",
        "notes": "",
    }
    if flare:
        base.update(status="partial", sets_done=max(1, p.sets - 2),
                    pain_during=_clip(d.morning - 2, 3, 5), notes="Flare: eased off.")
        if p.exercise_category != "conditioning" and p.load_unit == "kg" and load:
            base["load_done"] = load - 10
        return base
    if i >= 21 and r < 0.09:
        base.update(status="skipped", sets_done=0, reps_done=None, hold_s_done=None,
                    load_done=None, pain_during=None, notes=rng.choice(_SKIP_NOTES))
    elif r < 0.19:
        base.update(status="partial", sets_done=max(1, p.sets - 1),
                    notes="Ran out of time." if r < 0.15 else "Knee grumbling, stopped early.")
    return base


# ---- many years of history -------------------------------------------------------------

def generate_history(years: float, end: date, seed: int = 11) -> None:
    """Fill the open, empty journal with ``years`` of plausible daily data up to ``end``.

    Daily check-ins (whose morning pain is also the next-morning rating of the day
    before's sessions), three to five sessions a week, flares, appointments, new shoes and
    a rare red flag; bulk inserts in chunks inside one transaction (a 10-year journal
    takes well under a few seconds).
    """
    rng = random.Random(seed)
    n = max(1, int(round(years * 365.25)))
    start = end - timedelta(days=n - 1)
    # Morning pain: a slow wave with flares on top.
    pain: list[int] = []
    flare_left = 0
    flare_days: list[int] = []
    level = 2.0
    for i in range(n):
        level += rng.gauss(0, 0.08) - 0.02 * (level - 2.0)
        level = max(0.0, min(6.0, level))
        if flare_left == 0 and rng.random() < 1 / 120:
            flare_left = rng.randint(4, 9)
            flare_days.append(i)
        bump = 3.0 * flare_left / 9 if flare_left else 0.0
        flare_left = max(0, flare_left - 1)
        seasonal = 0.6 * math.sin(2 * math.pi * i / 365.25)
        pain.append(_clip(level + bump + seasonal + rng.gauss(0, 0.5)))

    checkins, sessions, events, flags = [], [], [], []
    kinds = (("run", 4, 6.5), ("cycle", 3, None), ("rehab exercises", 3, None),
             ("swim", 3, None), ("walk", 2, 5.0 / 60))
    for i in range(n):
        day = start + timedelta(days=i)
        p = pain[i]
        checkins.append({
            "day": day, "morning_pain": p,
            "stiffness_min": p * 4 + rng.randint(0, 5),
            "swelling": "none" if p <= 3 else "mild" if p <= 5 else "moderate",
            "sleep_hours": round(rng.uniform(5.5, 8.5) * 2) / 2,
            "sleep_quality": rng.randint(2, 5), "stress": rng.randint(1, 7),
            "notes": rng.choice(_CHECKIN_NOTES) if rng.random() < 0.05 else "",
            "updated": _stamp(day, 7, 30),
        })
        if rng.random() < 0.62:
            count = 2 if rng.random() < 0.1 else 1
            for pos in range(count):
                kind, rpe, pace = kinds[rng.choices(range(5), (5, 2, 3, 1, 1))[0]]
                minutes = rng.randint(20, 70)
                rpe = _clip(rpe + rng.randint(-1, 2), 1, 9)
                km = None
                if kind == "run":
                    km = round(minutes / rng.uniform(5.0, 7.0), 1)
                elif kind == "walk":
                    km = round(minutes * 5.0 / 60, 1)
                during = _clip(p + rng.choice((-1, 0, 0, 1, 1)) + (rpe >= 7))
                sessions.append({
                    "day": day, "position": pos, "kind": kind, "minutes": minutes, "rpe": rpe,
                    "distance_km": km, "pain_before": max(0, p - 1), "pain_during": during,
                    "pain_after": _clip(during + rng.choice((-1, 0, 0, 1))),
                    "site": None, "notes": "", "updated": _stamp(day, 18 + pos),
                })
        if i % 91 == 45:
            events.append({"day": day, "kind": "appointment", "label": "Physio review",
                           "notes": ""})
        if i % 182 == 100:
            events.append({"day": day, "kind": "new_shoes", "label": "New running shoes",
                           "notes": ""})
        if i % 730 == 400:
            flags.append({"day": day, "code": rng.choice(list(scales.RED_FLAGS)),
                          "note": "Example red flag."})
    for i in flare_days:
        events.append({"day": start + timedelta(days=i), "kind": "flare", "label": "Flare",
                       "notes": ""})
    events.sort(key=lambda e: e["day"])

    with repo.transaction():
        if not repo.has_profile():
            repo.insert(
                "profile", name="History (generated)", condition="patellofemoral_pain",
                joint="knee", side="left", onset_date=start, goal="Keep running",
                created=_stamp(start, 8),
            )
        site = repo.primary_site_id()
        if site is None:
            site = repo.insert("pain_site", joint="knee", side="left",
                               area="around the kneecap", primary=True)
        for s in sessions:
            s["site"] = site
        repo.insert_many("check_in", checkins, 500)
        repo.insert_many("activity_session", sessions, 400)
        repo.insert_many("event", events, 500)
        repo.insert_many("red_flag", flags, 500)


DEMO_PREFIX = "rehabjournal-demo-"


def make_demo_dir(seed: int = 7) -> Path:
    """Make a throwaway data folder holding a demo journal; returns the folder.

    The journal is left open (the models are bound to it). The user's own data folder
    is never touched. When making it fails, the folder is removed again. Remove it with
    :func:`remove_demo_dir` when done (the headless ``--demo`` commands and the app do).

    The demo's resting and maximum heart rates are set (54 and 186 bpm), so the heart-rate
    load (TRIMP) shows beside session-RPE load.

    The folder is ``TMP/rehabjournal-demo-PID-XXXXXXXX`` (0700, ``services.tempdirs``): the
    folders of earlier runs that were killed before they could remove theirs (their PID is
    no longer running) are removed first.
    """
    from . import tempdirs
    from .session import close_journal

    tempdirs.sweep()  # the folders of demo runs and reports that were killed
    folder = tempdirs.make("demo")
    try:
        open_journal(folder)
        sync_shipped_exercises()
        generate_demo(seed=seed)
        # the profile's heart rates, so the load chart shows the heart-rate view too (kept
        # out of generate_demo: its journal has no setting rows, as tests expect)
        from . import settings

        settings.set_many({settings.HR_REST_KEY: 54, settings.HR_MAX_KEY: 186})
    except BaseException:
        close_journal()
        remove_demo_dir(folder)
        raise
    return folder


def remove_demo_dir(folder: Path) -> None:
    """Remove a folder :func:`make_demo_dir` made (close its journal first); a folder not
    named like one directly in the temporary folder, or a link, is left alone."""
    import shutil

    from . import tempdirs

    folder = Path(folder)
    if (folder.name.startswith(DEMO_PREFIX) and tempdirs.is_ours(folder)
            and not folder.is_symlink()):
        shutil.rmtree(folder, ignore_errors=True)
