"""Errors the use cases raise: the family of ``rehabjournal.errors``, re-exported here."""

from __future__ import annotations

from ..errors import (  # noqa: F401
    ImportFileError,
    NotFoundError,
    RehabJournalError,
    StorageError,
    ValidationError,
)
