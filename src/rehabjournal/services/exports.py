"""Whole-journal files: the full JSON export and import, and the FHIR bundle.

Use cases over ``store.full_export`` and ``store.fhir`` for the File menu and the command
line (docs/full-export.md). Errors come as the family of ``rehabjournal.errors``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportFileError
from ..store import fhir, full_export
from ..store.library import sync_shipped_exercises
from .files import file_errors


def export_everything(path: Path | str) -> dict[str, int]:
    """Write the whole open journal to ``path`` as JSON; returns rows per table.

    Written with ``store.safe_write``: mode 0600, complete or absent.

    Raises:
        StorageError: ``path`` is a folder, a device, a pipe or a dangling link ("Cannot
            write PATH: it is a device, not a regular file; give a file name.", checked
            before the journal is read); the file cannot be written ("Cannot write PATH:
            reason."); the disk is full ("No space left on device in FOLDER: the export
            needs about N MB; free some space and try again. Nothing was changed."); or the
            journal cannot be read. No partial file is left, an older file is kept.
    """
    with file_errors(path, "write"):
        return full_export.export_all(path)


def import_everything(path: Path | str) -> dict[str, int]:
    """Import a full export into the open, empty journal, all or nothing; rows per table.

    A copy of the journal as it was is saved in ``backups/`` first.

    Raises:
        ImportFileError: the file has problems, or the journal is not empty (``.problems``
            says each, ``.where`` is the file); the journal is unchanged.
        StorageError: the file cannot be read, or the journal cannot be written.
    """
    try:
        with file_errors(path, "read", journal_doing="import"):
            sync_shipped_exercises()
            return full_export.import_all(path)
    except ImportFileError as exc:
        exc.where = exc.where or str(path)
        raise


def export_fhir(path: Path | str, *, anonymise: bool = False) -> int:
    """Write pain scores and outcome measures as a FHIR R4 Bundle; returns its entries.

    Args:
        anonymise: initials instead of the name.

    Raises:
        StorageError: as :func:`export_everything` ("... the FHIR bundle needs about N MB
            ..." on a full disk); no partial file is left.
    """
    with file_errors(path, "write"):
        return fhir.export_bundle(path, anonymise=anonymise)
