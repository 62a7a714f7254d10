"""Journal use cases shared by the UI and the command line.

Every function that changes data validates first, writes inside one transaction, and
returns only after the commit: when it returns, the entry is on disk.
"""

from __future__ import annotations

import json
from dataclasses import fields as dc_fields
from datetime import date, datetime, timedelta
from typing import Any

from playhouse.shortcuts import model_to_dict

from ..domain import light as light_mod
from ..domain import scales
from ..store import journal_repo
from ..store import models as m
from .edit import Change, Edit, no_change, perform
from .errors import ValidationError

CHECKIN_FIELDS = (
    "morning_pain", "stiffness_min", "swelling", "sleep_hours", "sleep_quality", "stress", "notes",
)
SESSION_FIELDS = (
    "kind", "minutes", "rpe", "distance_km", "pain_before", "pain_during", "pain_after",
    "next_morning_pain", "site", "notes", "position",
)
FIELD_LABELS = {
    "morning_pain": "Morning pain",
    "stiffness_min": "Morning stiffness",
    "swelling": "Swelling",
    "sleep_hours": "Sleep",
    "sleep_quality": "Sleep quality",
    "stress": "Stress",
    "kind": "Activity",
    "minutes": "Duration",
    "rpe": "Effort (CR-10)",
    "distance_km": "Distance",
    "pain_before": "Pain before",
    "pain_during": "Pain during",
    "pain_after": "Pain after",
    "next_morning_pain": "Next-morning pain",
}


def _range(value, lo, hi, label, *, whole=True, unit=""):
    return scales.validate_range(value, lo, hi, label, whole=whole, unit=unit)


def validate_checkin(values: dict[str, Any]) -> dict[str, str]:
    """Return {field: message} for every bad value (empty when all are fine)."""
    errors: dict[str, str] = {}
    checks = {
        "morning_pain": lambda v: _range(v, 0, 10, "Morning pain"),
        "stiffness_min": lambda v: _range(v, 0, 1440, "Morning stiffness", unit="minutes"),
        "sleep_hours": lambda v: _range(v, 0, 24, "Sleep", whole=False, unit="hours"),
        "sleep_quality": lambda v: _range(v, 1, 5, "Sleep quality"),
        "stress": lambda v: _range(v, 0, 10, "Stress"),
        "swelling": lambda v: None
        if v in (None, "") or v in scales.SWELLING_GRADES
        else f"Swelling must be one of {', '.join(scales.SWELLING_GRADES)} (got {v!r}).",
    }
    for key, value in values.items():
        if key not in CHECKIN_FIELDS:
            raise KeyError(f"unknown check-in field {key!r}")
        check = checks.get(key)
        message = check(value) if check else None
        if message:
            errors[key] = message
    return errors


def validate_session(values: dict[str, Any], *, partial: bool = False) -> dict[str, str]:
    errors: dict[str, str] = {}
    if (not partial or "kind" in values) and not str(values.get("kind") or "").strip():
        errors["kind"] = "Activity needs a name, e.g. run, cycle or rehab exercises."
    if not partial or "minutes" in values:
        minutes = values.get("minutes")
        if minutes is None:
            errors["minutes"] = "Duration is needed: how many minutes did it last?"
        else:
            msg = _range(minutes, 0, 1440, "Duration", unit="minutes")
            if msg:
                errors["minutes"] = msg
    for key in ("pain_before", "pain_during", "pain_after", "next_morning_pain"):
        msg = _range(values.get(key), 0, 10, FIELD_LABELS[key])
        if msg:
            errors[key] = msg
    msg = _range(values.get("rpe"), 0, 10, "Effort (CR-10)")
    if msg:
        errors["rpe"] = msg
    dist = values.get("distance_km")
    if dist is not None and not 0 <= dist <= 500:
        errors["distance_km"] = f"Distance must be from 0 to 500 km (got {dist:g})."
    return errors


def _touch(values: dict) -> dict:
    return {**values, "updated": datetime.now().replace(microsecond=0)}


# ---- check-ins -------------------------------------------------------------------------

def get_checkin(day: date) -> dict[str, Any] | None:
    row = m.CheckIn.get_or_none(m.CheckIn.day == day)
    return {k: getattr(row, k) for k in CHECKIN_FIELDS} if row else None


def save_checkin(day: date, values: dict[str, Any]) -> None:
    """Create or update the check-in of ``day`` with ``values`` (a subset of fields).

    Raises:
        ValidationError: nothing was written.
    """
    errors = validate_checkin(values)
    if errors:
        raise ValidationError(errors)
    clean = {k: (None if v == "" and k != "notes" else v) for k, v in values.items()}
    with m.database.atomic():
        row = m.CheckIn.get_or_none(m.CheckIn.day == day)
        if row is None:
            m.CheckIn.create(day=day, **_touch(clean))
        else:
            m.CheckIn.update(**_touch(clean)).where(m.CheckIn.id == row.id).execute()


def edit_checkin(day: date, values: dict[str, Any]) -> Edit:
    """Save check-in fields of ``day`` as one undoable edit (see ``services/edit.py``).

    Raises:
        ValidationError: a value was refused; nothing was written.
        StorageError: the write failed; nothing was written.
    """
    before = get_checkin(day) or {}
    old = {k: before.get(k) for k in values}
    if old == values:
        return no_change("change check-in", day=day)
    label = ("change " + FIELD_LABELS.get(next(iter(values)), "check-in").lower()
             if len(values) == 1 else "change check-in")

    def do() -> Change:
        save_checkin(day, values)
        return Change(undo=lambda: save_checkin(day, old), redo=lambda: save_checkin(day, values))

    return perform(label, do, day=day)


# ---- sessions --------------------------------------------------------------------------

def _session_dict(row: m.ActivitySession) -> dict[str, Any]:
    d = model_to_dict(row, recurse=False)
    d["site"] = d.get("site")
    return d


def list_sessions(day: date) -> list[dict[str, Any]]:
    rows = (
        m.ActivitySession.select()
        .where(m.ActivitySession.day == day)
        .order_by(m.ActivitySession.position, m.ActivitySession.id)
    )
    return [_session_dict(r) for r in rows]


def get_session(session_id: int) -> dict[str, Any] | None:
    row = m.ActivitySession.get_or_none(m.ActivitySession.id == session_id)
    return _session_dict(row) if row else None


def add_session(day: date, values: dict[str, Any]) -> int:
    """Log a session on ``day``; returns its id. Raises ValidationError."""
    errors = validate_session(values)
    if errors:
        raise ValidationError(errors)
    with m.database.atomic():
        if "position" not in values:
            last = (
                m.ActivitySession.select(m.ActivitySession.position)
                .where(m.ActivitySession.day == day)
                .order_by(m.ActivitySession.position.desc())
                .first()
            )
            values = {**values, "position": (last.position + 1) if last else 0}
        row = m.ActivitySession.create(day=day, **_touch(values))
    return row.id


def update_session(session_id: int, values: dict[str, Any]) -> None:
    errors = validate_session(values, partial=True)
    if errors:
        raise ValidationError(errors)
    unknown = set(values) - set(SESSION_FIELDS)
    if unknown:
        raise KeyError(f"unknown session fields {sorted(unknown)}")
    with m.database.atomic():
        m.ActivitySession.update(**_touch(values)).where(
            m.ActivitySession.id == session_id
        ).execute()


def sessions_awaiting_next_morning(today: date) -> list[dict[str, Any]]:
    """Yesterday's sessions that have no next-morning rating yet."""
    yesterday = today - timedelta(days=1)
    return [s for s in list_sessions(yesterday) if s["next_morning_pain"] is None]


# ---- site pains ------------------------------------------------------------------------

def list_sites(include_archived: bool = False) -> list[dict[str, Any]]:
    q = m.PainSite.select().order_by(m.PainSite.primary.desc(), m.PainSite.id)
    if not include_archived:
        q = q.where(m.PainSite.archived == False)  # noqa: E712 - peewee expression
    return [{**model_to_dict(s), "label": s.label} for s in q]


def add_site(joint: str, side: str = "", area: str = "", primary: bool = False) -> int:
    joint = joint.strip()
    if not joint:
        raise ValidationError({"joint": "A pain site needs a joint, e.g. knee or hip."})
    with m.database.atomic():
        if primary:
            m.PainSite.update(primary=False).execute()
        return m.PainSite.create(joint=joint, side=side, area=area.strip(), primary=primary).id


def set_session_site_pain(session_id: int, site_id: int, values: dict[str, Any]) -> None:
    """Rate a further pain site for a session (pain before/during/after/next morning)."""
    errors = {
        k: msg for k in ("pain_before", "pain_during", "pain_after", "next_morning_pain")
        if (msg := _range(values.get(k), 0, 10, FIELD_LABELS[k]))
    }
    if errors:
        raise ValidationError(errors)
    with m.database.atomic():
        row = m.SessionSitePain.get_or_none(
            (m.SessionSitePain.session == session_id) & (m.SessionSitePain.site == site_id)
        )
        if row is None:
            m.SessionSitePain.create(session=session_id, site=site_id, **values)
        else:
            m.SessionSitePain.update(**values).where(m.SessionSitePain.id == row.id).execute()


def session_site_pains(session_id: int) -> dict[int, dict[str, Any]]:
    return {
        p.site_id: model_to_dict(p, recurse=False)
        for p in m.SessionSitePain.select().where(m.SessionSitePain.session == session_id)
    }


def set_checkin_site_pain(day: date, site_id: int, pain: int | None) -> None:
    msg = _range(pain, 0, 10, "Morning pain")
    if msg:
        raise ValidationError({"morning_pain": msg})
    with m.database.atomic():
        row = m.CheckIn.get_or_none(m.CheckIn.day == day) or m.CheckIn.create(day=day)
        q = m.CheckInSitePain.delete().where(
            (m.CheckInSitePain.checkin == row.id) & (m.CheckInSitePain.site == site_id)
        )
        q.execute()
        if pain is not None:
            m.CheckInSitePain.create(checkin=row.id, site=site_id, pain=pain)


def checkin_site_pains(day: date) -> dict[int, int]:
    row = m.CheckIn.get_or_none(m.CheckIn.day == day)
    if row is None:
        return {}
    return {p.site_id: p.pain for p in row.site_pains}


# ---- red flags and events --------------------------------------------------------------

def red_flags(day: date) -> set[str]:
    return {r.code for r in m.RedFlag.select().where(m.RedFlag.day == day)}


def set_red_flag(day: date, code: str, on: bool, note: str = "") -> None:
    if code not in scales.RED_FLAGS:
        raise ValidationError({"red_flags": f"Unknown red flag code {code!r}."})
    with m.database.atomic():
        m.RedFlag.delete().where((m.RedFlag.day == day) & (m.RedFlag.code == code)).execute()
        if on:
            m.RedFlag.create(day=day, code=code, note=note)


def list_events(day: date) -> list[dict[str, Any]]:
    return [
        model_to_dict(r)
        for r in m.Event.select().where(m.Event.day == day).order_by(m.Event.id)
    ]


def add_event(day: date, kind: str, label: str = "", notes: str = "") -> int:
    if kind not in scales.EVENT_KINDS:
        raise ValidationError({"kind": f"Unknown event kind {kind!r}."})
    if kind == "custom" and not label.strip():
        raise ValidationError({"label": "A custom event needs a short label."})
    with m.database.atomic():
        return m.Event.create(day=day, kind=kind, label=label.strip(), notes=notes).id


def delete_event(event_id: int) -> None:
    with m.database.atomic():
        m.Event.delete().where(m.Event.id == event_id).execute()


# ---- whole days (for delete with undo) -------------------------------------------------

def day_snapshot(day: date) -> dict[str, Any]:
    """Everything stored for ``day``, enough to recreate it exactly with restore_day."""
    checkin = m.CheckIn.get_or_none(m.CheckIn.day == day)
    sessions = list(m.ActivitySession.select().where(m.ActivitySession.day == day))
    return {
        "day": day,
        "checkin": model_to_dict(checkin, recurse=False) if checkin else None,
        "checkin_site_pains": [
            model_to_dict(p, recurse=False) for p in checkin.site_pains
        ] if checkin else [],
        "sessions": [model_to_dict(s, recurse=False) for s in sessions],
        "session_site_pains": [
            model_to_dict(p, recurse=False)
            for p in m.SessionSitePain.select().where(
                m.SessionSitePain.session.in_([s.id for s in sessions])
            )
        ] if sessions else [],
        "red_flags": [model_to_dict(r) for r in m.RedFlag.select().where(m.RedFlag.day == day)],
        "events": [model_to_dict(r) for r in m.Event.select().where(m.Event.day == day)],
    }


def delete_day(day: date) -> dict[str, Any]:
    """Delete everything of ``day``; returns the snapshot that restore_day takes back."""
    snap = day_snapshot(day)
    with m.database.atomic():
        m.ActivitySession.delete().where(m.ActivitySession.day == day).execute()
        m.CheckIn.delete().where(m.CheckIn.day == day).execute()
        m.RedFlag.delete().where(m.RedFlag.day == day).execute()
        m.Event.delete().where(m.Event.day == day).execute()
    return snap


def delete_session(session_id: int) -> dict[str, Any]:
    row = m.ActivitySession.get_by_id(session_id)
    snap = {
        "session": model_to_dict(row, recurse=False),
        "session_site_pains": [model_to_dict(p, recurse=False) for p in row.site_pains],
    }
    with m.database.atomic():
        row.delete_instance()
    return snap


def restore_session(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        m.ActivitySession.insert(_fk(snap["session"])).execute()
        for p in snap["session_site_pains"]:
            m.SessionSitePain.insert(_fk(p)).execute()


def _fk(d: dict[str, Any]) -> dict[str, Any]:
    """model_to_dict(recurse=False) gives FK values under the field name; insert takes them."""
    return dict(d)


def restore_day(snap: dict[str, Any]) -> None:
    with m.database.atomic():
        if snap["checkin"]:
            m.CheckIn.insert(_fk(snap["checkin"])).execute()
            for p in snap["checkin_site_pains"]:
                m.CheckInSitePain.insert(_fk(p)).execute()
        for s in snap["sessions"]:
            m.ActivitySession.insert(_fk(s)).execute()
        for p in snap["session_site_pains"]:
            m.SessionSitePain.insert(_fk(p)).execute()
        for r in snap["red_flags"]:
            m.RedFlag.insert(_fk(r)).execute()
        for r in snap["events"]:
            m.Event.insert(_fk(r)).execute()


# ---- profile and settings --------------------------------------------------------------

def get_profile() -> dict[str, Any] | None:
    row = m.Profile.select().first()
    return model_to_dict(row) if row else None


def save_profile(values: dict[str, Any]) -> None:
    if "name" in values and not str(values["name"]).strip():
        raise ValidationError({"name": "Please enter a name (or initials)."})
    with m.database.atomic():
        row = m.Profile.select().first()
        if row is None:
            m.Profile.create(**values)
        else:
            m.Profile.update(**values).where(m.Profile.id == row.id).execute()


def get_setting(key: str, default: Any = None) -> Any:
    row = m.Setting.get_or_none(m.Setting.key == key)
    return json.loads(row.value) if row else default


def set_setting(key: str, value: Any) -> None:
    with m.database.atomic():
        m.Setting.insert(key=key, value=json.dumps(value)).on_conflict_replace().execute()


def thresholds() -> light_mod.Thresholds:
    """The pain-monitoring thresholds, from the journal's settings over the defaults."""
    stored = get_setting("thresholds", {}) or {}
    known = {f.name for f in dc_fields(light_mod.Thresholds)}
    return light_mod.Thresholds(**{k: v for k, v in stored.items() if k in known})


def save_thresholds(th: light_mod.Thresholds) -> None:
    set_setting("thresholds", {f.name: getattr(th, f.name) for f in dc_fields(th)})


def load_journal(start: date | None = None, end: date | None = None, site_id: int | None = None):
    return journal_repo.load_journal(start, end, site_id)


def is_empty() -> bool:
    return m.Profile.select().count() == 0 and journal_repo.journal_span() is None


# ---- the journal list (lazy, filtered) -------------------------------------------------

_DAYS_SQL = """
WITH days(day) AS (
    SELECT day FROM check_in UNION SELECT day FROM activity_session
    UNION SELECT day FROM red_flag UNION SELECT day FROM event
)
SELECT d.day,
       c.morning_pain,
       c.notes,
       (SELECT group_concat(s.kind || ' ' || s.minutes || ' min', ', ')
          FROM activity_session s WHERE s.day = d.day) AS sessions,
       (SELECT sum(coalesce(s.rpe, 0) * s.minutes) FROM activity_session s
          WHERE s.day = d.day) AS load,
       (SELECT max(max(coalesce(s.pain_during, -1), coalesce(s.pain_after, -1)))
          FROM activity_session s WHERE s.day = d.day) AS peak,
       (SELECT max(s.next_morning_pain) FROM activity_session s WHERE s.day = d.day) AS nm,
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


def count_days(start=None, end=None, kind=None, flags_only=False, text="") -> int:
    where, params = _days_filter(start, end, kind, flags_only, text)
    sql = f"SELECT count(*) FROM ({_DAYS_SQL.format(where=where)})"
    return m.database.execute_sql(sql, params).fetchone()[0]


def list_days(start=None, end=None, kind=None, flags_only=False, text="",
              offset: int = 0, limit: int = 200) -> list[dict[str, Any]]:
    """One summary row per day with any entry, newest first, matching the filters."""
    where, params = _days_filter(start, end, kind, flags_only, text)
    sql = _DAYS_SQL.format(where=where) + " LIMIT ? OFFSET ?"
    rows = m.database.execute_sql(sql, [*params, limit, offset]).fetchall()
    out = []
    for day, pain, notes, sessions, load, peak, nm, flags in rows:
        out.append({
            "day": date.fromisoformat(day) if isinstance(day, str) else day,
            "morning_pain": pain,
            "notes": notes or "",
            "sessions": sessions or "",
            "load": load or 0,
            "peak_pain": None if peak is None or peak < 0 else peak,
            "next_morning_pain": nm,
            "red_flags": flags,
        })
    return out


def activity_kinds() -> list[str]:
    """Every activity kind used in the journal, most used first."""
    rows = m.database.execute_sql(
        "SELECT kind FROM activity_session GROUP BY kind ORDER BY count(*) DESC, kind"
    ).fetchall()
    return [r[0] for r in rows]
