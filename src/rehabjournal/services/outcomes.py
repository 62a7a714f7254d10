"""Outcome-measure use cases: the schedule, what is due, saving and listing responses.

Instrument definitions live in ``resources/instruments/<key>.json`` and are read once.
Only instruments whose published wording could be verified are shipped (see
docs/outcome-measures.md); ``available()`` lists them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from html import escape
from typing import Any

from ..domain import outcomes as dom
from ..paths import resource
from ..store import models as m
from .errors import ValidationError

INSTRUMENT_KEYS: tuple[str, ...] = ("koos", "lefs", "psfs")
DEFAULT_EVERY_DAYS = 14


@dataclass(frozen=True, slots=True)
class Response:
    id: int
    instrument: str
    day: date
    answers: dict[str, Any]
    score: float | None
    subscores: dict[str, float | None]


@cache
def instrument(key: str) -> dom.Instrument:
    """The instrument ``key`` ("koos", "lefs", "psfs") from its JSON definition."""
    if key not in INSTRUMENT_KEYS:
        raise KeyError(f"unknown outcome measure {key!r}")
    data = json.loads(resource("instruments", f"{key}.json").read_text(encoding="utf-8"))
    return dom.instrument_from_dict(data)


def available() -> list[dom.Instrument]:
    return [instrument(k) for k in INSTRUMENT_KEYS]


# ---- schedule ----------------------------------------------------------------------------

def get_schedule() -> dict[str, Any]:
    """``{"instruments": [keys], "every_days": int}`` (no instruments when never set)."""
    row = m.Profile.select().first()
    raw = (row.outcome_schedule if row else "") or ""
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    keys = [k for k in data.get("instruments", []) if k in INSTRUMENT_KEYS]
    every = data.get("every_days", DEFAULT_EVERY_DAYS)
    if not isinstance(every, int) or every < 1:
        every = DEFAULT_EVERY_DAYS
    return {"instruments": keys, "every_days": every}


def set_schedule(instruments: list[str], every_days: int) -> None:
    """Store the chosen instruments and cadence on the profile (created when missing)."""
    errors: dict[str, str] = {}
    unknown = [k for k in instruments if k not in INSTRUMENT_KEYS]
    if unknown:
        errors["instruments"] = f"Unknown outcome measure(s): {', '.join(unknown)}."
    if isinstance(every_days, bool) or not isinstance(every_days, int) or not (
            1 <= every_days <= 365):
        errors["every_days"] = f"Repeat every 1 to 365 days (got {every_days!r})."
    if errors:
        raise ValidationError(errors)
    keys = [k for k in INSTRUMENT_KEYS if k in instruments]  # canonical order, no repeats
    text = json.dumps({"instruments": keys, "every_days": every_days})
    with m.database.atomic():
        row = m.Profile.select().first()
        if row is None:
            m.Profile.create(outcome_schedule=text)
        else:
            m.Profile.update(outcome_schedule=text).where(m.Profile.id == row.id).execute()


def last_done(key: str, before: date | None = None) -> date | None:
    q = m.OutcomeResponse.select(m.OutcomeResponse.day).where(m.OutcomeResponse.instrument == key)
    if before is not None:
        q = q.where(m.OutcomeResponse.day <= before)
    row = q.order_by(m.OutcomeResponse.day.desc()).first()
    return row.day if row else None


def due(today: date) -> list[str]:
    """Scheduled instruments due on ``today``: never done, or last done + cadence <= today."""
    sched = get_schedule()
    step = timedelta(days=sched["every_days"])
    out = []
    for key in sched["instruments"]:
        last = last_done(key, today)
        if last is None or last + step <= today:
            out.append(key)
    return out


# ---- responses ---------------------------------------------------------------------------

def save_response(instrument_key: str, day: date, answers: dict[str, Any]) -> int:
    """Validate, score and store one filled-in questionnaire; returns its id.

    Raises:
        ValidationError: unknown instrument, bad answers, or too many items skipped for
            the instrument's missing-item rule (nothing is written).
    """
    if instrument_key not in INSTRUMENT_KEYS:
        raise ValidationError({"instrument": f"Unknown outcome measure {instrument_key!r}."})
    if not isinstance(day, date):
        raise ValidationError({"day": f"The date must be a date (got {day!r})."})
    inst = instrument(instrument_key)
    errors = dom.validate(inst, answers)
    if errors:
        raise ValidationError(errors)
    result = dom.score(inst, answers)
    if result.total is None:
        raise ValidationError({"answers": " ".join(result.problems) or "Cannot be scored."})
    if inst.kind == "psfs":
        clean: dict[str, Any] = {"activities": [
            {"name": str(a["name"]).strip(), "score": int(a["score"])}
            for a in answers["activities"]]}
    else:
        clean = {k: answers.get(k) for k in inst.item_ids if answers.get(k) is not None}
    with m.database.atomic():
        row = m.OutcomeResponse.create(
            instrument=instrument_key, day=day, answers=json.dumps(clean),
            score=result.total,
            subscores=json.dumps(result.subscores) if result.subscores else "",
        )
    return row.id


def _to_response(row) -> Response:
    return Response(
        id=row.id, instrument=row.instrument, day=row.day,
        answers=json.loads(row.answers or "{}"), score=row.score,
        subscores=json.loads(row.subscores) if row.subscores else {},
    )


def responses(instrument: str | None = None, start: date | None = None,
              end: date | None = None) -> list[Response]:
    """Stored responses, oldest first, optionally of one instrument and within dates."""
    q = m.OutcomeResponse.select()
    if instrument is not None:
        q = q.where(m.OutcomeResponse.instrument == instrument)
    if start is not None:
        q = q.where(m.OutcomeResponse.day >= start)
    if end is not None:
        q = q.where(m.OutcomeResponse.day <= end)
    return [_to_response(r) for r in q.order_by(m.OutcomeResponse.day, m.OutcomeResponse.id)]


def delete_response(response_id: int) -> None:
    with m.database.atomic():
        m.OutcomeResponse.delete().where(m.OutcomeResponse.id == response_id).execute()


@dataclass(frozen=True, slots=True)
class Series:
    """One instrument's scores over time, for the chart and the report."""

    key: str
    label: str
    points: tuple[tuple[date, float], ...]
    mcid: float
    score_range: tuple[float, float]
    higher_is_better: bool = True


def series(start: date | None = None, end: date | None = None) -> list[Series]:
    """Scored responses grouped by instrument (the KOOS headline is its Pain subscale)."""
    out = []
    for key in INSTRUMENT_KEYS:
        pts = tuple((r.day, float(r.score)) for r in responses(key, start, end)
                    if r.score is not None)
        if not pts:
            continue
        inst = instrument(key)
        label = inst.short + (" Pain" if key == "koos" else "")
        out.append(Series(key, label, pts, inst.mcid, inst.score_range,
                          inst.higher_is_better))
    return out


def change_since_first(key: str) -> dom.Change | None:
    pts = [r.score for r in responses(key) if r.score is not None]
    if len(pts) < 2:
        return None
    inst = instrument(key)
    return dom.meaningful_change(pts[0], pts[-1], inst.mcid,
                                 higher_is_better=inst.higher_is_better)


# ---- attribution -------------------------------------------------------------------------

def attribution_text() -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """(name, reference, licence, [(what, where)]) per shipped instrument."""
    return [(f"{i.name} ({i.short})", i.reference, i.licence, list(i.sources))
            for i in available()]


def attribution_html() -> str:
    """Sources and licence notes of the shipped outcome measures, for the About box."""
    parts = ["<h3>Outcome measures</h3>"]
    for name, ref, licence, sources in attribution_text():
        where = "; ".join(escape(w) for _what, w in sources)
        parts.append(f"<p><b>{escape(name)}</b><br>{escape(ref)}<br>"
                     f"<i>{escape(licence)}</i><br>Wording from: {where}</p>")
    parts.append("<p>VISA-P, Kujala (AKPS) and TSK-11 are not included: their exact "
                 "published wording could not be verified. EQ-5D, the Oxford Knee Score and "
                 "WOMAC are licensed and are not included.</p>")
    return "\n".join(parts)
