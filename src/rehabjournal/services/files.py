"""Turning a failed file read or write into the error family, one way for every format.

CSV, full JSON, FHIR and report files all say the same thing when the disk refuses:
"Cannot write /path/file.csv: No space left on device." (a ``StorageError`` whose ``where``
is the path). A failure of the journal itself during the same action (SQLite disk full,
locked) becomes the plain ``errors.storage_error`` message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from os import PathLike

from ..errors import RehabJournalError, StorageError, is_storage_failure, storage_error


def file_error(exc: OSError, path: str | PathLike, doing: str = "write") -> StorageError:
    """A ``StorageError`` that names the file and says why, e.g.
    "Cannot write /tmp/x.csv: No space left on device."

    Args:
        exc: the ``OSError`` raised while reading or writing ``path``.
        path: the file.
        doing: "write" or "read".
    """
    return StorageError(f"Cannot {doing} {path}: {exc.strerror or exc}.", where=str(path))


@contextmanager
def file_errors(path: str | PathLike, doing: str = "write",
                journal_doing: str = "read the journal") -> Iterator[None]:
    """Raise the error family for what fails inside the block.

    Errors of the family pass through; an ``OSError`` becomes ``file_error(exc, path,
    doing)``; a SQLite or driver error becomes ``storage_error(exc, journal_doing)``.
    Anything else (a bug) is raised as it is.
    """
    try:
        yield
    except RehabJournalError:
        raise
    except OSError as exc:
        raise file_error(exc, path, doing) from exc
    except Exception as exc:
        if is_storage_failure(exc):
            raise storage_error(exc, journal_doing) from exc
        raise
