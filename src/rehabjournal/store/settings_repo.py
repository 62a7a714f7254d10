"""The journal's ``setting`` table: one row per option of the settings registry.

Keys are the registry's option keys (``"thresholds.acceptable_pain"``); values are JSON
text. The typed reading, defaults and range checks live in ``services/settings.py``; this
module only reads and writes rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from . import models as m


def read(keys: Iterable[str]) -> dict[str, str]:
    """The stored JSON text of each of ``keys`` that has a row ({key: text})."""
    keys = list(keys)
    if not keys:
        return {}
    rows = m.Setting.select().where(m.Setting.key.in_(keys))
    return {r.key: r.value for r in rows}


def write(values: Mapping[str, str]) -> None:
    """Insert or replace one row per key (``values``: {key: JSON text})."""
    with m.database.atomic():
        for key, text in values.items():
            m.Setting.insert(key=key, value=text).on_conflict_replace().execute()


def delete(keys: Iterable[str]) -> None:
    """Remove the rows of ``keys`` (their options read their defaults again)."""
    keys = list(keys)
    if keys:
        with m.database.atomic():
            m.Setting.delete().where(m.Setting.key.in_(keys)).execute()


def restore(before: Mapping[str, str | None]) -> None:
    """Put rows back as a snapshot had them: text is written, None deletes the row."""
    with m.database.atomic():
        write({k: v for k, v in before.items() if v is not None})
        delete(k for k, v in before.items() if v is None)
