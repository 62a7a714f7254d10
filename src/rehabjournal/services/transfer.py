"""Import and export of the journal as files (CSV), shared by the UI and the command line.

Thin use cases over ``store.csv_io``: the format, its checks and the all-or-nothing
import live there; see docs/csv-format.md. Errors come as the family of
``rehabjournal.errors``: ``ImportFileError`` (``CsvImportError``) for a refused file,
``StorageError`` for a file or the journal that cannot be read or written.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportFileError
from ..i18n import _, ngettext
from ..store.csv_io import (
    COLUMNS,
    DELIMITERS,
    CsvImportError,
    ImportReport,
    export_csv,
    import_csv,
)
from .files import file_errors

__all__ = [
    "COLUMNS",
    "DELIMITERS",
    "CsvImportError",
    "ImportReport",
    "export_journal_csv",
    "import_journal_csv",
    "summary",
]


def import_journal_csv(path: Path | str) -> ImportReport:
    """Import a CSV file into the open journal, all or nothing.

    A backup copy of the journal (``backups/journal-...-pre-import.sqlite``) is made
    before anything is written; a file that adds nothing writes nothing and makes no copy.

    Raises:
        ImportFileError: (a ``CsvImportError``) ``.problems`` lists each problem ("line N,
            column X: reason"), ``.where`` is the file; the journal was not changed.
        StorageError: the file cannot be read ("Cannot read PATH: ...") or the journal
            cannot be written; the journal was not changed.
    """
    path = Path(path)
    try:
        with file_errors(path, "read", journal_doing="import"):
            return import_csv(path)
    except ImportFileError as exc:
        exc.where = exc.where or str(path)
        raise


def export_journal_csv(path: Path | str, *, delimiter: str = ",") -> int:
    """Write the open journal to ``path`` as CSV; returns the number of data rows.

    Written with ``store.safe_write``: mode 0600, complete or absent. ``delimiter`` is
    ``","`` (the default: decimal points), ``";"`` (decimal commas, for spreadsheets in
    comma-decimal locales) or ``"\t"``; see docs/csv-format.md.

    Raises:
        StorageError: ``path`` is a folder, a device, a pipe or a dangling link ("Cannot
            write PATH: it is a pipe (FIFO), not a regular file; give a file name.", checked
            before the journal is read); the file cannot be written ("Cannot write PATH:
            reason."); the disk is full ("No space left on device in FOLDER: the export
            needs about N MB; free some space and try again. Nothing was changed."); or the
            journal cannot be read. No partial file is left, an older file is kept.
    """
    path = Path(path)
    with file_errors(path, "write"):
        return export_csv(path, delimiter=delimiter)


def summary(report: ImportReport) -> str:
    """One line for the user, e.g. "3 days: 4 sessions added, 0 already in the journal,
    2 check-ins written, 0 red flags added (read as semicolon-separated with decimal
    commas)"."""

    days = ngettext("{n} day", "{n} days", report.days).format(n=report.days)
    added = ngettext("{n} session added", "{n} sessions added",
                     report.sessions_added).format(n=report.sessions_added)
    skipped = ngettext("{n} already in the journal", "{n} already in the journal",
                       report.sessions_skipped).format(n=report.sessions_skipped)
    written = ngettext("{n} check-in written", "{n} check-ins written",
                       report.checkins_written).format(n=report.checkins_written)
    flags = ngettext("{n} red flag added", "{n} red flags added",
                     report.red_flags_added).format(n=report.red_flags_added)
    return _("{days}: {sessions}, {skipped}, {checkins}, {red_flags} (read as {dialect})").format(
        days=days, sessions=added, skipped=skipped, checkins=written, red_flags=flags,
        dialect=report.dialect)
