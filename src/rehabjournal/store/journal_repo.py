"""The journal's queries: check-ins, sessions, red flags, events, pain sites, whole days.

Rows come back as domain records (``load_journal``) or as plain dicts of their columns
(foreign keys as ids under the field name, as ``playhouse.shortcuts.model_to_dict`` gives
them); the ``put_``/``restore_`` functions take such dicts back, so an undo restores the
same rows with the same ids. Writes that are one statement run in the caller's
transaction; the others open a (nested) one themselves.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from playhouse.shortcuts import model_to_dict

from ..domain import entities as e
from ..domain import validation
from ..domain.scales import activity_name
from ..i18n import _
from . import models as m


def site_labels() -> dict[int, str]:
    """{site id: English label} (the key the domain and the file formats use)."""
    return {s.id: s.label for s in m.PainSite.select()}


def site_display_labels() -> dict[int, str]:
    """{site id: label in the current language} for the window and the PDF."""
    return {s.id: s.display_label for s in m.PainSite.select()}


def main_site_id() -> int | None:
    """The pain site "Morning pain" rates: the first site as ``list_sites`` orders them
    (primary first, then by id; archived sites only when there is no other), or None."""
    row = (m.PainSite.select(m.PainSite.id)
           .order_by(m.PainSite.archived, m.PainSite.primary.desc(), m.PainSite.id).first())
    return row.id if row else None


def to_checkin(row: m.CheckIn, main_site: str = "",
               site_pains: tuple[tuple[str, int], ...] = ()) -> e.CheckIn:
    return e.CheckIn(
        day=row.day,
        morning_pain=row.morning_pain,
        stiffness_min=row.stiffness_min,
        swelling=row.swelling,
        sleep_hours=row.sleep_hours,
        sleep_quality=row.sleep_quality,
        stress=row.stress,
        notes=row.notes or "",
        main_site=main_site,
        site_pains=site_pains,
    )


def to_session(row: m.ActivitySession, labels: dict[int, str], main_label: str = ""
               ) -> e.Session:
    """The domain session of a row; a session without a site is the main site's."""
    return e.Session(
        day=row.day,
        kind=row.kind,
        minutes=row.minutes,
        rpe=row.rpe,
        distance_km=row.distance_km,
        pain_before=row.pain_before,
        pain_during=row.pain_during,
        pain_after=row.pain_after,
        site=labels.get(row.site_id, "") if row.site_id else main_label,
        notes=row.notes or "",
        id=row.id,
        source=row.source or "",
        minutes_estimated=bool(row.minutes_estimated),
    )


def load_journal(start: date | None = None, end: date | None = None,
                 site_id: int | None = None) -> e.Journal:
    """Read the days between ``start`` and ``end`` (inclusive) as domain records.

    Args:
        site_id: when given, session pain ratings are those of this pain site (the
            session's own site, a session without one being the main site's, or its
            extra-site ratings); sessions without a rating for the site keep their load
            but lose their pain values.
    """

    def between(query, field):
        if start is not None:
            query = query.where(field >= start)
        if end is not None:
            query = query.where(field <= end)
        return query

    labels = site_labels()
    main = main_site_id()
    main_label = labels.get(main, "") if main is not None else ""
    pains: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for p in between(m.CheckInSitePain.select(m.CheckInSitePain.checkin,
                                               m.CheckInSitePain.site, m.CheckInSitePain.pain)
                     .join(m.CheckIn), m.CheckIn.day).order_by(m.CheckInSitePain.id):
        if p.site_id != main:
            pains[p.checkin_id].append((labels.get(p.site_id, ""), p.pain))
    checkins = {r.day: to_checkin(r, main_label, tuple(pains.get(r.id, ())))
                for r in between(m.CheckIn.select(), m.CheckIn.day)}
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
        s = to_session(row, labels, main_label)
        if site_id is not None and (row.site_id or main) != site_id:
            p = extra.get(row.id)
            s = e.Session(
                day=s.day, kind=s.kind, minutes=s.minutes, rpe=s.rpe,
                distance_km=s.distance_km,
                pain_before=p.pain_before if p else None,
                pain_during=p.pain_during if p else None,
                pain_after=p.pain_after if p else None,
                site=labels.get(site_id, ""), notes=s.notes, id=s.id,
                source=s.source, minutes_estimated=s.minutes_estimated,
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
    """First and last dates with any entry, or None for an empty journal.

    Only entries within the dates the journal accepts count (``domain.validation``:
    1900-01-01 to 2100-12-31): a journal made before issue 17 may hold a 0001-01-01 or
    9999-12-31 row, and periods computed from the span (the report's default 4 weeks, the
    week around its end, the Journal page's months) must stay where the entries are and
    where date arithmetic works. A journal with only such rows gets them clamped.
    """
    lo, hi = validation.EARLIEST_DAY, validation.LATEST_DAY
    span = _span(lo, hi) or _span()
    if span is None:
        return None
    return min(max(span[0], lo), hi), min(max(span[1], lo), hi)


def _span(lo: date | None = None, hi: date | None = None) -> tuple[date, date] | None:
    firsts, lasts = [], []
    for model in (m.CheckIn, m.ActivitySession, m.RedFlag, m.Event):
        query = model.select(model.day)
        if lo is not None:
            query = query.where(model.day.between(lo, hi))
        row = query.order_by(model.day).first()
        if row:
            firsts.append(row.day)
            lasts.append(query.order_by(model.day.desc()).first().day)
    if not firsts:
        return None
    return min(firsts), max(lasts)


# ---- rows as dicts (the shape services and the UI use) -------------------------------------

def _row(row) -> dict[str, Any] | None:
    """A row as {column: value}; foreign keys as plain ids under the field name."""
    return model_to_dict(row, recurse=False) if row is not None else None


def _put(model, where, row: dict[str, Any] | None) -> None:
    """Make the rows matching ``where`` exactly ``row`` (same id), or none with None."""
    model.delete().where(where).execute()
    if row is not None:
        model.insert(dict(row)).execute()


# ---- profile ---------------------------------------------------------------------------------

def get_profile() -> dict[str, Any] | None:
    return _row(m.Profile.select().first())


def has_profile() -> bool:
    return m.Profile.select().exists()


def save_profile(values: dict[str, Any]) -> None:
    """Create the (single) profile row or update it with ``values``."""
    with m.database.atomic():
        row = m.Profile.select().first()
        if row is None:
            m.Profile.create(**values)
        else:
            m.Profile.update(**values).where(m.Profile.id == row.id).execute()


# ---- check-ins -------------------------------------------------------------------------------

def get_checkin(day: date) -> dict[str, Any] | None:
    """The check-in row of ``day`` (every column, ``id`` and ``updated`` included)."""
    return _row(m.CheckIn.get_or_none(m.CheckIn.day == day))


def upsert_checkin(day: date, values: dict[str, Any]) -> int:
    """Create the check-in of ``day`` with ``values`` or update those columns; its id."""
    with m.database.atomic():
        row = m.CheckIn.get_or_none(m.CheckIn.day == day)
        if row is None:
            return m.CheckIn.create(day=day, **values).id
        if values:
            m.CheckIn.update(**values).where(m.CheckIn.id == row.id).execute()
        return row.id


def insert_checkin(row: dict[str, Any]) -> None:
    """Put back a check-in row exactly as ``get_checkin`` gave it (same id)."""
    m.CheckIn.insert(dict(row)).execute()


def delete_checkin(day: date) -> None:
    """Delete the check-in of ``day`` (its site pains go with it)."""
    m.CheckIn.delete().where(m.CheckIn.day == day).execute()


def checkin_site_pains(day: date) -> dict[int, int]:
    """{site id: morning pain} of the further pain sites rated on ``day``."""
    query = (m.CheckInSitePain.select(m.CheckInSitePain.site, m.CheckInSitePain.pain)
             .join(m.CheckIn).where(m.CheckIn.day == day))
    return {p.site_id: p.pain for p in query}


def checkin_site_pain_rows(day: date) -> dict[int, dict[str, Any]]:
    """{site id: row} of the further pain sites rated on ``day``."""
    query = m.CheckInSitePain.select().join(m.CheckIn).where(m.CheckIn.day == day)
    return {p.site_id: _row(p) for p in query}


def put_checkin_site_pain(day: date, site_id: int, row: dict[str, Any] | None) -> None:
    """Make ``site_id``'s morning pain on ``day`` exactly ``row`` (None: not rated).

    The check-in of ``day`` must exist when ``row`` is given.
    """
    checkin = m.CheckIn.get_or_none(m.CheckIn.day == day)
    if checkin is None:
        return
    _put(m.CheckInSitePain,
         (m.CheckInSitePain.checkin == checkin.id) & (m.CheckInSitePain.site == site_id), row)


def set_checkin_site_pain(day: date, site_id: int, pain: int | None) -> None:
    """Rate ``site_id``'s morning pain on ``day`` (None: not rated); makes the check-in."""
    with m.database.atomic():
        checkin_id = upsert_checkin(day, {})
        m.CheckInSitePain.delete().where((m.CheckInSitePain.checkin == checkin_id)
                                         & (m.CheckInSitePain.site == site_id)).execute()
        if pain is not None:
            m.CheckInSitePain.create(checkin=checkin_id, site=site_id, pain=pain)


# ---- sessions --------------------------------------------------------------------------------

def list_sessions(day: date) -> list[dict[str, Any]]:
    """The sessions of ``day`` in their order on the day."""
    rows = (m.ActivitySession.select().where(m.ActivitySession.day == day)
            .order_by(m.ActivitySession.position, m.ActivitySession.id))
    return [_row(r) for r in rows]


def get_session(session_id: int) -> dict[str, Any] | None:
    return _row(m.ActivitySession.get_or_none(m.ActivitySession.id == session_id))


def next_session_position(day: date) -> int:
    """The position a session appended at the end of ``day`` takes (0 for the first)."""
    last = (m.ActivitySession.select(m.ActivitySession.position)
            .where(m.ActivitySession.day == day)
            .order_by(m.ActivitySession.position.desc()).first())
    return last.position + 1 if last else 0


def append_session(day: date, values: dict[str, Any]) -> int:
    """Add a session at the end of ``day`` (unless ``values`` has a position); its id.

    This is the one place that decides where a new session goes: the Today page, the
    command line and the CSV import all add sessions through it.
    """
    with m.database.atomic():
        if "position" not in values:
            values = {**values, "position": next_session_position(day)}
        return m.ActivitySession.create(day=day, **values).id


def session_with_source(day: date, source: str) -> dict[str, Any] | None:
    """The first session of ``day`` with ``source`` (e.g. 'programme'), or None."""
    row = (m.ActivitySession.select()
           .where((m.ActivitySession.day == day) & (m.ActivitySession.source == source))
           .order_by(m.ActivitySession.position, m.ActivitySession.id).first())
    return _row(row)


def hand_session_of_kind(day: date, kind: str) -> dict[str, Any] | None:
    """The first session of ``day`` typed by hand (source '') whose activity is ``kind``
    (any case, surrounding spaces ignored), or None."""
    for row in (m.ActivitySession.select()
                .where((m.ActivitySession.day == day) & (m.ActivitySession.source == ""))
                .order_by(m.ActivitySession.position, m.ActivitySession.id)):
        if " ".join(row.kind.lower().split()) == kind:
            return _row(row)
    return None


def update_session(session_id: int, values: dict[str, Any]) -> None:
    m.ActivitySession.update(**values).where(m.ActivitySession.id == session_id).execute()


def session_snapshot(session_id: int) -> dict[str, Any] | None:
    """A session row and its further-site ratings, for ``restore_session``; None if gone."""
    session = get_session(session_id)
    if session is None:
        return None
    return {"session": session, "session_site_pains": [
        _row(p) for p in m.SessionSitePain.select()
        .where(m.SessionSitePain.session == session_id).order_by(m.SessionSitePain.id)]}


def delete_session(session_id: int) -> None:
    """Delete a session (its further-site ratings go with it)."""
    m.ActivitySession.delete().where(m.ActivitySession.id == session_id).execute()


def restore_session(snap: dict[str, Any]) -> None:
    """Put back a session exactly as ``session_snapshot`` saw it (same ids)."""
    with m.database.atomic():
        m.ActivitySession.insert(dict(snap["session"])).execute()
        for p in snap["session_site_pains"]:
            m.SessionSitePain.insert(dict(p)).execute()


def session_site_pains(session_id: int) -> dict[int, dict[str, Any]]:
    """{site id: rating row} of a session's further pain sites."""
    return {p.site_id: _row(p) for p in
            m.SessionSitePain.select().where(m.SessionSitePain.session == session_id)}


def get_session_site_pain(session_id: int, site_id: int) -> dict[str, Any] | None:
    return _row(m.SessionSitePain.get_or_none((m.SessionSitePain.session == session_id)
                                              & (m.SessionSitePain.site == site_id)))


def set_session_site_pain(session_id: int, site_id: int, values: dict[str, Any]) -> None:
    """Create or update a session's rating of a further pain site with ``values``."""
    with m.database.atomic():
        row = m.SessionSitePain.get_or_none((m.SessionSitePain.session == session_id)
                                            & (m.SessionSitePain.site == site_id))
        if row is None:
            m.SessionSitePain.create(session=session_id, site=site_id, **values)
        else:
            m.SessionSitePain.update(**values).where(m.SessionSitePain.id == row.id).execute()


def put_session_site_pain(session_id: int, site_id: int, row: dict[str, Any] | None) -> None:
    """Make a session's rating of ``site_id`` exactly ``row`` (None: no rating)."""
    _put(m.SessionSitePain,
         (m.SessionSitePain.session == session_id) & (m.SessionSitePain.site == site_id), row)


# ---- pain sites ------------------------------------------------------------------------------

def list_sites(include_archived: bool = False) -> list[dict[str, Any]]:
    """Pain sites, the primary first, each with its ``label`` ("left knee (medial)")."""
    query = m.PainSite.select().order_by(m.PainSite.primary.desc(), m.PainSite.id)
    if not include_archived:
        query = query.where(m.PainSite.archived == False)  # noqa: E712 - peewee expression
    return [{**_row(s), "label": s.display_label} for s in query]


def get_site(site_id: int) -> dict[str, Any] | None:
    return _row(m.PainSite.get_or_none(m.PainSite.id == site_id))


def primary_site_ids() -> list[int]:
    return [s.id for s in m.PainSite.select(m.PainSite.id).where(m.PainSite.primary == True)]  # noqa: E712


def add_site(joint: str, side: str = "", area: str = "", primary: bool = False) -> int:
    """Add a pain site; a primary one takes over from the former primary. Its id."""
    with m.database.atomic():
        if primary:
            m.PainSite.update(primary=False).execute()
        return m.PainSite.create(joint=joint, side=side, area=area, primary=primary).id


def delete_site(site_id: int) -> None:
    """Delete a pain site (its ratings go with it; sessions forget it)."""
    m.PainSite.delete().where(m.PainSite.id == site_id).execute()


def restore_site(row: dict[str, Any]) -> None:
    """Put back a pain site exactly as ``get_site`` gave it (same id)."""
    m.PainSite.insert(dict(row)).execute()


def set_primary_sites(site_ids: list[int]) -> None:
    """Make exactly ``site_ids`` the primary pain sites."""
    m.PainSite.update(primary=False).where(m.PainSite.id.not_in(site_ids)).execute()
    if site_ids:
        m.PainSite.update(primary=True).where(m.PainSite.id.in_(site_ids)).execute()


# ---- red flags and events --------------------------------------------------------------------

def red_flags(day: date) -> set[str]:
    return {r.code for r in m.RedFlag.select(m.RedFlag.code).where(m.RedFlag.day == day)}


def get_red_flag(day: date, code: str) -> dict[str, Any] | None:
    return _row(m.RedFlag.get_or_none((m.RedFlag.day == day) & (m.RedFlag.code == code)))


def set_red_flag(day: date, code: str, on: bool, note: str = "") -> None:
    """Tick (``on``) or untick red flag ``code`` on ``day``."""
    with m.database.atomic():
        m.RedFlag.delete().where((m.RedFlag.day == day) & (m.RedFlag.code == code)).execute()
        if on:
            m.RedFlag.create(day=day, code=code, note=note)


def put_red_flag(day: date, code: str, row: dict[str, Any] | None) -> None:
    """Make red flag ``code`` on ``day`` exactly ``row`` (None: not ticked)."""
    _put(m.RedFlag, (m.RedFlag.day == day) & (m.RedFlag.code == code), row)


def list_events(day: date) -> list[dict[str, Any]]:
    return [_row(r) for r in m.Event.select().where(m.Event.day == day).order_by(m.Event.id)]


def get_event(event_id: int) -> dict[str, Any] | None:
    return _row(m.Event.get_or_none(m.Event.id == event_id))


def add_event(day: date, kind: str, label: str = "", notes: str = "") -> int:
    return m.Event.create(day=day, kind=kind, label=label, notes=notes).id


def delete_event(event_id: int) -> None:
    m.Event.delete().where(m.Event.id == event_id).execute()


def restore_event(row: dict[str, Any]) -> None:
    """Put back an event exactly as ``get_event`` gave it (same id)."""
    m.Event.insert(dict(row)).execute()


# ---- whole days ------------------------------------------------------------------------------

def day_snapshot(day: date) -> dict[str, Any]:
    """Every row stored for ``day``, enough to recreate it exactly with ``restore_day``."""
    checkin = m.CheckIn.get_or_none(m.CheckIn.day == day)
    sessions = list(m.ActivitySession.select().where(m.ActivitySession.day == day)
                    .order_by(m.ActivitySession.id))
    ids = [s.id for s in sessions]
    return {
        "day": day,
        "checkin": _row(checkin),
        "checkin_site_pains": [_row(p) for p in checkin.site_pains] if checkin else [],
        "sessions": [_row(s) for s in sessions],
        "session_site_pains": [
            _row(p) for p in m.SessionSitePain.select()
            .where(m.SessionSitePain.session.in_(ids)).order_by(m.SessionSitePain.id)
        ] if ids else [],
        "red_flags": [_row(r) for r in m.RedFlag.select().where(m.RedFlag.day == day)
                      .order_by(m.RedFlag.id)],
        "events": [_row(r) for r in m.Event.select().where(m.Event.day == day)
                   .order_by(m.Event.id)],
    }


def snapshot_is_empty(snap: dict[str, Any]) -> bool:
    return not (snap["checkin"] or snap["sessions"] or snap["red_flags"] or snap["events"])


def delete_day(day: date) -> None:
    """Delete every row of ``day`` (ratings of further sites go with their rows)."""
    with m.database.atomic():
        m.ActivitySession.delete().where(m.ActivitySession.day == day).execute()
        m.CheckIn.delete().where(m.CheckIn.day == day).execute()
        m.RedFlag.delete().where(m.RedFlag.day == day).execute()
        m.Event.delete().where(m.Event.day == day).execute()


def restore_day(snap: dict[str, Any]) -> None:
    """Put back every row of a ``day_snapshot`` (same ids)."""
    with m.database.atomic():
        if snap["checkin"]:
            m.CheckIn.insert(dict(snap["checkin"])).execute()
            for p in snap["checkin_site_pains"]:
                m.CheckInSitePain.insert(dict(p)).execute()
        for s in snap["sessions"]:
            m.ActivitySession.insert(dict(s)).execute()
        for p in snap["session_site_pains"]:
            m.SessionSitePain.insert(dict(p)).execute()
        for r in snap["red_flags"]:
            m.RedFlag.insert(dict(r)).execute()
        for r in snap["events"]:
            m.Event.insert(dict(r)).execute()


# ---- the journal list (lazy, filtered) -------------------------------------------------------

def _sessions_text(packed: str | None) -> str:
    """"run 30 min, cycle 45 min" in the current language ("course 30 min, vélo 45 min") from
    the query's kind<US>minutes<RS>... (ASCII unit and record separators, which no kind holds
    unchanged: the form refuses control characters)."""
    if not packed:
        return ""
    parts = []
    for item in packed.split("\x1e"):
        kind, _sep, minutes = item.partition("\x1f")
        parts.append(_("{activity} {minutes} min").format(
            activity=activity_name(kind), minutes=minutes))
    return ", ".join(parts)


_DAYS_SQL = """
WITH days(day) AS (
    SELECT day FROM check_in UNION SELECT day FROM activity_session
    UNION SELECT day FROM red_flag UNION SELECT day FROM event
)
SELECT d.day,
       c.morning_pain,
       c.notes,
       (SELECT group_concat(s.kind || char(31) || s.minutes, char(30))
          FROM activity_session s WHERE s.day = d.day) AS sessions,
       (SELECT sum(coalesce(s.rpe, 0) * s.minutes) FROM activity_session s
          WHERE s.day = d.day) AS load,
       (SELECT max(max(coalesce(s.pain_during, -1), coalesce(s.pain_after, -1)))
          FROM activity_session s WHERE s.day = d.day) AS peak,
       (SELECT count(*) FROM red_flag r WHERE r.day = d.day) AS flags
FROM days d LEFT JOIN check_in c ON c.day = d.day
WHERE {where}
ORDER BY d.day DESC
"""


def _days_filter(start, end, kind, flags_only, text) -> tuple[str, list]:
    where, params = ["1"], []
    if start is not None:
        where.append("d.day >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("d.day <= ?")
        params.append(end.isoformat())
    if kind:
        where.append("EXISTS (SELECT 1 FROM activity_session s WHERE s.day = d.day "
                     "AND s.kind = ?)")
        params.append(kind)
    if flags_only:
        where.append("EXISTS (SELECT 1 FROM red_flag r WHERE r.day = d.day)")
    if text:
        like = f"%{text.replace('%', '').replace('_', '')}%"
        where.append("(c.notes LIKE ? OR EXISTS (SELECT 1 FROM activity_session s "
                     "WHERE s.day = d.day AND s.notes LIKE ?) OR EXISTS (SELECT 1 FROM event e "
                     "WHERE e.day = d.day AND (e.label LIKE ? OR e.notes LIKE ?)))")
        params.extend([like] * 4)
    return " AND ".join(where), params


def count_days(start: date | None = None, end: date | None = None, kind: str | None = None,
               flags_only: bool = False, text: str = "") -> int:
    """How many days with any entry match the filters (see ``list_days``)."""
    where, params = _days_filter(start, end, kind, flags_only, text)
    sql = f"SELECT count(*) FROM ({_DAYS_SQL.format(where=where)})"
    return m.database.execute_sql(sql, params).fetchone()[0]


def list_days(start: date | None = None, end: date | None = None, kind: str | None = None,
              flags_only: bool = False, text: str = "", offset: int = 0,
              limit: int = 200) -> list[dict[str, Any]]:
    """One summary row per day with any entry, newest first, matching the filters.

    Args:
        start, end: the period (inclusive); None for open-ended.
        kind: only days with a session of this activity.
        flags_only: only days with a red flag.
        text: only days whose notes, session notes or events contain it.
        offset, limit: the page of rows to return.

    Returns:
        Dicts with day, morning_pain, notes, sessions ("run 30 min, ..."), load (AU),
        peak_pain (0-10 or None), next_morning_pain and red_flags (a count).
        ``next_morning_pain`` is the next day's morning pain at the sites of the day's
        sessions, the worst if they were at several (``Journal.worst_next_morning``);
        None on a day without sessions or before that morning is rated.
    """
    where, params = _days_filter(start, end, kind, flags_only, text)
    sql = _DAYS_SQL.format(where=where) + " LIMIT ? OFFSET ?"
    rows = m.database.execute_sql(sql, [*params, limit, offset]).fetchall()
    out = []
    for day, pain, notes, sessions, load, peak, flags in rows:
        out.append({
            "day": date.fromisoformat(day) if isinstance(day, str) else day,
            "morning_pain": pain,
            "notes": notes or "",
            "sessions": _sessions_text(sessions),
            "load": load or 0,
            "peak_pain": None if peak is None or peak < 0 else peak,
            "next_morning_pain": None,
            "red_flags": flags,
        })
    with_sessions = [r["day"] for r in out if r["sessions"]]
    if with_sessions:
        last = max(with_sessions)
        journal = load_journal(min(with_sessions), e.day_after(last) or last)
        for r in out:
            if r["sessions"]:
                r["next_morning_pain"] = journal.worst_next_morning(r["day"])
    return out


def activity_kinds() -> list[str]:
    """Every activity kind used in the journal, most used first."""
    rows = m.database.execute_sql(
        "SELECT kind FROM activity_session GROUP BY kind ORDER BY count(*) DESC, kind"
    ).fetchall()
    return [r[0] for r in rows]


def custom_event_labels() -> list[str]:
    """The labels of the journal's own ("Other") events, most used first."""
    rows = m.database.execute_sql(
        "SELECT label FROM event WHERE kind = 'custom' AND trim(label) != '' "
        "GROUP BY label ORDER BY count(*) DESC, label"
    ).fetchall()
    return [r[0] for r in rows]
