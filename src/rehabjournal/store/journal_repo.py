"""Journal rows <-> domain records: check-ins, sessions, red flags, events, pain sites."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..domain import entities as e
from . import models as m


def site_labels() -> dict[int, str]:
    return {s.id: s.label for s in m.PainSite.select()}


def to_checkin(row: m.CheckIn) -> e.CheckIn:
    return e.CheckIn(
        day=row.day,
        morning_pain=row.morning_pain,
        stiffness_min=row.stiffness_min,
        swelling=row.swelling,
        sleep_hours=row.sleep_hours,
        sleep_quality=row.sleep_quality,
        stress=row.stress,
        notes=row.notes or "",
    )


def to_session(row: m.ActivitySession, labels: dict[int, str]) -> e.Session:
    return e.Session(
        day=row.day,
        kind=row.kind,
        minutes=row.minutes,
        rpe=row.rpe,
        distance_km=row.distance_km,
        pain_before=row.pain_before,
        pain_during=row.pain_during,
        pain_after=row.pain_after,
        next_morning_pain=row.next_morning_pain,
        site=labels.get(row.site_id, "") if row.site_id else "",
        notes=row.notes or "",
        id=row.id,
    )


def load_journal(start: date | None = None, end: date | None = None,
                 site_id: int | None = None) -> e.Journal:
    """Read the days between ``start`` and ``end`` (inclusive) as domain records.

    Args:
        site_id: when given, session pain ratings are those of this pain site (the
            session's own site, or its extra-site ratings); sessions without a rating
            for the site keep their load but lose their pain values.
    """

    def between(query, field):
        if start is not None:
            query = query.where(field >= start)
        if end is not None:
            query = query.where(field <= end)
        return query

    labels = site_labels()
    checkins = {r.day: to_checkin(r) for r in between(m.CheckIn.select(), m.CheckIn.day)}
    sessions: dict[date, list[e.Session]] = defaultdict(list)
    session_rows = between(m.ActivitySession.select(), m.ActivitySession.day).order_by(
        m.ActivitySession.day, m.ActivitySession.position, m.ActivitySession.id
    )
    extra: dict[int, m.SessionSitePain] = {}
    if site_id is not None:
        extra = {
            p.session_id: p
            for p in m.SessionSitePain.select().where(m.SessionSitePain.site == site_id)
        }
    for row in session_rows:
        s = to_session(row, labels)
        if site_id is not None and row.site_id != site_id:
            p = extra.get(row.id)
            s = e.Session(
                day=s.day, kind=s.kind, minutes=s.minutes, rpe=s.rpe,
                distance_km=s.distance_km,
                pain_before=p.pain_before if p else None,
                pain_during=p.pain_during if p else None,
                pain_after=p.pain_after if p else None,
                next_morning_pain=p.next_morning_pain if p else None,
                site=labels.get(site_id, ""), notes=s.notes, id=s.id,
            )
        sessions[row.day].append(s)
    flags: dict[date, list[e.RedFlag]] = defaultdict(list)
    for r in between(m.RedFlag.select(), m.RedFlag.day).order_by(m.RedFlag.day, m.RedFlag.id):
        flags[r.day].append(e.RedFlag(r.day, r.code, r.note or ""))
    events: dict[date, list[e.Event]] = defaultdict(list)
    for r in between(m.Event.select(), m.Event.day).order_by(m.Event.day, m.Event.id):
        events[r.day].append(e.Event(r.day, r.kind, r.label or "", r.notes or ""))
    days = set(checkins) | set(sessions) | set(flags) | set(events)
    journal = e.Journal()
    for d in sorted(days):
        journal.days[d] = e.DayRecord(
            day=d,
            checkin=checkins.get(d),
            sessions=tuple(sessions.get(d, ())),
            red_flags=tuple(flags.get(d, ())),
            events=tuple(events.get(d, ())),
        )
    return journal


def journal_span() -> tuple[date, date] | None:
    """First and last dates with any entry, or None for an empty journal."""
    firsts, lasts = [], []
    for model in (m.CheckIn, m.ActivitySession, m.RedFlag, m.Event):
        row = model.select(model.day).order_by(model.day).first()
        if row:
            firsts.append(row.day)
            lasts.append(model.select(model.day).order_by(model.day.desc()).first().day)
    if not firsts:
        return None
    return min(firsts), max(lasts)
