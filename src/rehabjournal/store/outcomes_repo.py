"""The ``outcome_response`` table: filled-in questionnaires, as plain dicts.

A row dict has the table's columns: ``id``, ``instrument``, ``day`` (date), ``answers``
and ``subscores`` (JSON text, ``subscores`` "" when none) and ``score`` (float or None).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from playhouse.shortcuts import model_to_dict

from . import models as m


def add(values: dict[str, Any]) -> int:
    """Insert one response (``id`` kept when given, to put a deleted one back); its id."""
    with m.database.atomic():
        return m.OutcomeResponse.insert(values).execute()


def get(response_id: int) -> dict[str, Any] | None:
    """The row of ``response_id`` as a dict (see the module docstring), or None."""
    row = m.OutcomeResponse.get_or_none(m.OutcomeResponse.id == response_id)
    return model_to_dict(row) if row else None


def delete(response_id: int) -> None:
    """Delete one response (nothing happens when it is not there)."""
    with m.database.atomic():
        m.OutcomeResponse.delete().where(m.OutcomeResponse.id == response_id).execute()


def rows(instrument: str | None = None, start: date | None = None,
         end: date | None = None) -> list[dict[str, Any]]:
    """Responses, oldest first (by day, then id), optionally of one instrument, in dates."""
    q = m.OutcomeResponse.select()
    if instrument is not None:
        q = q.where(m.OutcomeResponse.instrument == instrument)
    if start is not None:
        q = q.where(m.OutcomeResponse.day >= start)
    if end is not None:
        q = q.where(m.OutcomeResponse.day <= end)
    return [model_to_dict(r) for r in q.order_by(m.OutcomeResponse.day, m.OutcomeResponse.id)]


def last_day(instrument: str, before: date | None = None) -> date | None:
    """The latest day ``instrument`` was filled in (on or before ``before``), or None."""
    q = m.OutcomeResponse.select(m.OutcomeResponse.day).where(
        m.OutcomeResponse.instrument == instrument)
    if before is not None:
        q = q.where(m.OutcomeResponse.day <= before)
    row = q.order_by(m.OutcomeResponse.day.desc()).first()
    return row.day if row else None
