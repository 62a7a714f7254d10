"""The Progress page's own queries (the journal's days come from ``journal_repo``)."""

from __future__ import annotations

from datetime import date

from . import models as m


def programme_start() -> date | None:
    """Start date of the active programme (else of the latest-starting one), or None."""
    row = (
        m.Programme.select(m.Programme.start_date)
        .where(m.Programme.start_date.is_null(False))
        .order_by(m.Programme.active.desc(), m.Programme.start_date.desc())
        .first()
    )
    return row.start_date if row else None
