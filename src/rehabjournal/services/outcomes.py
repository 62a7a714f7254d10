"""Outcome-measure use cases: the schedule, what is due, saving and listing responses.

The schedule is two options of the settings registry (``services/settings.py``); saving
a response and changing the schedule return an ``Edit`` (``ui/edit_path.apply_edit``).

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
from ..i18n import _, library_text
from ..paths import resource
from ..store import outcomes_repo
from . import settings
from .edit import OUTCOMES, Change, Edit, perform
from .errors import ValidationError

#: The shipped instruments, in the order they are offered and charted.
INSTRUMENT_KEYS: tuple[str, ...] = ("koos", "lefs", "psfs")


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


# ---- schedule (two options of the settings registry) -----------------------------------

SCHEDULE_KEYS = ("outcomes.instruments", "outcomes.every_days")
DEFAULT_EVERY_DAYS: int = settings.option("outcomes.every_days").default


def get_schedule() -> dict[str, Any]:
    """``{"instruments": [keys], "every_days": int}`` (no instruments when never set)."""
    values = settings.get_many(SCHEDULE_KEYS)
    return {"instruments": values["outcomes.instruments"],
            "every_days": values["outcomes.every_days"]}


def edit_schedule(instruments: list[str], every_days: int) -> Edit:
    """Choose the instruments to fill in and how often, as one undoable edit.

    Args:
        instruments: keys of ``INSTRUMENT_KEYS`` (stored in that order, without repeats).
        every_days: the cadence, 1-365.

    Raises:
        ValidationError: {"outcomes.instruments" / "outcomes.every_days": message}.
        StorageError: the journal could not be written.
    """
    return settings.edit({"outcomes.instruments": list(instruments),
                          "outcomes.every_days": every_days},
                         label=_("change outcome-measure schedule"),
                         saved=_("Outcome-measure schedule saved"))


def set_schedule(instruments: list[str], every_days: int) -> None:
    """``edit_schedule`` without the undo (the command line, demo data, tests)."""
    edit_schedule(instruments, every_days)


def last_done(key: str, before: date | None = None) -> date | None:
    return outcomes_repo.last_day(key, before)


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

def _response_row(instrument_key: str, day: date, answers: dict[str, Any]) -> dict[str, Any]:
    """The row to store for a filled-in questionnaire (validated and scored).

    Raises:
        ValidationError: unknown instrument, bad answers, or too many items skipped for
            the instrument's missing-item rule.
    """
    if instrument_key not in INSTRUMENT_KEYS:
        raise ValidationError({"instrument": _("Unknown outcome measure {key}.").format(
            key=repr(instrument_key))})
    if not isinstance(day, date):
        raise ValidationError({"day": _("The date must be a date (got {value}).").format(
            value=repr(day))})
    inst = instrument(instrument_key)
    errors = dom.validate(inst, answers)
    if errors:
        raise ValidationError(errors)
    result = dom.score(inst, answers)
    if result.total is None:
        raise ValidationError({"answers": " ".join(result.problems) or _("Cannot be scored.")})
    if inst.rates_activities:
        clean: dict[str, Any] = {"activities": [
            {"name": str(a["name"]).strip(), "score": int(a["score"])}
            for a in answers["activities"]]}
    else:
        clean = {k: answers.get(k) for k in inst.item_ids if answers.get(k) is not None}
    return {"instrument": instrument_key, "day": day, "answers": json.dumps(clean),
            "score": result.total,
            "subscores": json.dumps(result.subscores) if result.subscores else ""}


def add_response(instrument_key: str, day: date, answers: dict[str, Any]) -> Edit:
    """Validate, score and store one filled-in questionnaire as one undoable edit.

    The edit's ``result`` is the new response's id; undo deletes the response, redo puts
    it back with the same id.

    Raises:
        ValidationError: unknown instrument, bad answers, or too many items skipped for
            the instrument's missing-item rule (nothing is written).
        StorageError: the journal could not be written (nothing is written).
    """
    row = _response_row(instrument_key, day, answers)
    inst = instrument(instrument_key)

    def do() -> Change:
        rid = outcomes_repo.add(row)
        return Change(undo=lambda: outcomes_repo.delete(rid),
                      redo=lambda: outcomes_repo.add({**row, "id": rid}), result=rid)

    return perform(_("fill in {instrument}").format(instrument=inst.short), do, day=day,
                   scope=OUTCOMES, saved=_("Saved {instrument}").format(instrument=inst.short))


def save_response(instrument_key: str, day: date, answers: dict[str, Any]) -> int:
    """``add_response`` without the undo; returns the new response's id."""
    return add_response(instrument_key, day, answers).result


def _to_response(row: dict[str, Any]) -> Response:
    return Response(
        id=row["id"], instrument=row["instrument"], day=row["day"],
        answers=json.loads(row["answers"] or "{}"), score=row["score"],
        subscores=json.loads(row["subscores"]) if row["subscores"] else {},
    )


def responses(instrument: str | None = None, start: date | None = None,
              end: date | None = None) -> list[Response]:
    """Stored responses, oldest first, optionally of one instrument and within dates."""
    return [_to_response(r) for r in outcomes_repo.rows(instrument, start, end)]


def delete_response(response_id: int) -> None:
    outcomes_repo.delete(response_id)


@dataclass(frozen=True, slots=True)
class Series:
    """One instrument's scores over time, for the chart and the report."""

    key: str
    label: str
    points: tuple[tuple[date, float], ...]
    mcid: float
    score_range: tuple[float, float]
    higher_is_better: bool = True


def series_of(rows: list[Response]) -> list[Series]:
    """Scored ``rows`` (any order) as one ``Series`` per instrument, in ``INSTRUMENT_KEYS``
    order, labelled by what the score is ("LEFS", "KOOS Pain")."""
    by_key: dict[str, list[tuple[date, float]]] = {}
    for r in sorted(rows, key=lambda r: (r.day, r.id)):
        if r.score is not None:
            by_key.setdefault(r.instrument, []).append((r.day, float(r.score)))
    out = []
    for key in INSTRUMENT_KEYS:
        if key in by_key:
            inst = instrument(key)
            out.append(Series(key, inst.score_label, tuple(by_key[key]), inst.mcid,
                              inst.score_range, inst.higher_is_better))
    return out


def series(start: date | None = None, end: date | None = None) -> list[Series]:
    """Scored responses grouped by instrument (see ``series_of``)."""
    return series_of(responses(start=start, end=end))


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
    # the licence note is ours (translated); the name and reference stay as published
    return [(f"{i.name} ({i.short})", i.reference, library_text(i.licence), list(i.sources))
            for i in available()]


def attribution_html() -> str:
    """Sources and licence notes of the shipped outcome measures, for the About box (the
    questionnaires' names, references and licences stay in English)."""
    parts = ["<h3>" + escape(_("Outcome measures")) + "</h3>"]
    for name, ref, licence, sources in attribution_text():
        where = "; ".join(escape(w) for _what, w in sources)
        parts.append(f"<p><b>{escape(name)}</b><br>{escape(ref)}<br>"
                     f"<i>{escape(licence)}</i><br>"
                     + escape(_("Wording from: {where}")).format(where=where) + "</p>")
    parts.append("<p>" + escape(_(
        "VISA-P, Kujala (AKPS) and TSK-11 are not included: their exact published wording "
        "could not be verified. EQ-5D, the Oxford Knee Score and WOMAC are licensed and are "
        "not included.")) + "</p>")
    return "\n".join(parts)
