"""Whole-journal files: the full JSON export and import, and the FHIR bundle.

Use cases over ``store.full_export`` and ``store.fhir`` for the File menu and the command
line (docs/full-export.md). Errors come as the family of ``rehabjournal.errors``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from ..errors import ImportFileError, ValidationError
from ..i18n import _
from ..store import fhir, full_export
from . import settings
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


def setting_problems(tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The file's ``setting`` rows checked by the settings registry, as a form would be.

    Each option of this journal (``settings.options(where=JOURNAL)``) must hold a value the
    registry accepts (type, range, choices), and the thresholds together must fit (green
    below acceptable ...). Rows of options this version does not know are kept (a newer
    app's; they are ignored when read); a per-computer option is refused.

    Args:
        tables: the converted rows ({table: [{field: value}]}); the values are JSON text
            that ``store.full_export`` has already parsed within its limits.

    Returns:
        Problems, e.g. "table setting, row 2, field value: thresholds.acceptable_pain must
        be a whole number from 1 to 10 (got 11)".
    """
    problems: list[str] = []
    values: dict[str, Any] = {}
    rows: dict[str, int] = {}
    for i, row in enumerate(tables.get("setting", [])):
        key = row.get("key")
        try:
            option = settings.option(key)
        except KeyError:
            continue
        if option.where != settings.JOURNAL:
            problems.append(_("{place}: {key} is a setting of each computer, not of a journal")
                            .format(place=full_export.place("setting", i, "key"),
                                    key=repr(key)))
            continue
        value = json.loads(row.get("value") or "null")
        # named by its key, as the file writes it (a label such as "Baseline needs at
        # least" reads well on a form, not before "must be")
        message = dataclasses.replace(option, name=key).check(value)
        if message:
            problems.append(f"{full_export.place('setting', i, 'value')}: "
                            f"{message.rstrip('.')}")
        else:
            values[key], rows[key] = value, i
    if values and not problems:
        try:
            settings.validate(values)
        except ValidationError as exc:
            for key, message in exc.errors.items():
                where = (full_export.place("setting", rows[key], "value") if key in rows
                         else _("table {table}").format(table="setting"))
                problems.append(f"{where}: {message.rstrip('.')}")
    return problems


def import_everything(path: Path | str) -> dict[str, int]:
    """Import a full export into the open, empty journal, all or nothing; rows per table.

    Every value is checked first with its place (``store.full_export.parse_tables``, and
    the settings by ``setting_problems``). A copy of the journal as it was is saved in
    ``backups/`` first.

    Raises:
        ImportFileError: the file has problems, or the journal is not empty (``.problems``
            says each, ``.where`` is the file); the journal is unchanged.
        StorageError: the file cannot be read, or the journal cannot be written.
    """
    try:
        with file_errors(path, "read", journal_doing="import"):
            # the shipped library is written by the import itself, inside its transaction:
            # a refused file leaves the journal exactly as it was
            return full_export.import_all(path, check=setting_problems)
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
