"""Turning a failed file read or write into the error family, one way for every format.

CSV, full JSON, FHIR and report files all say the same thing when the disk refuses:
"Cannot write /path/file.csv: reason." (a ``StorageError`` whose ``where`` is the path),
and a full disk "No space left on device in FOLDER: the export needs about N MB; ..." (the
writers raise it through ``store.safe_write``). A failure of the journal itself during the
same action (SQLite disk full, locked) becomes the plain ``errors.storage_error`` message.

The second half gives the layers that may not import the store (reports, ui, commands)
the safe writes: every file the app writes goes through ``store.safe_write``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import Path

from ..errors import RehabJournalError, StorageError, is_storage_failure, storage_error
from ..i18n import _
from ..store import safe_write


def file_error(exc: OSError, path: str | PathLike, doing: str = "write") -> StorageError:
    """A ``StorageError`` that names the file and says why, e.g.
    "Cannot write /tmp/x.csv: No space left on device."

    Args:
        exc: the ``OSError`` raised while reading or writing ``path``.
        path: the file.
        doing: "write" or "read" (any other English verb is shown as it is).
    """
    reason = exc.strerror or exc
    if doing == "write":
        message = _("Cannot write {path}: {reason}.")
    elif doing == "read":
        message = _("Cannot read {path}: {reason}.")
    else:
        return StorageError(_("{cannot}: {reason}.").format(
            cannot=safe_write.cannot(doing, path), reason=reason), where=str(path))
    return StorageError(message.format(path=path, reason=reason), where=str(path))


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


# ---- writing files: the store's ``safe_write`` for the layers that may not import the store --

def check_output(path: str | PathLike, doing: str = "write") -> Path:
    """``path`` (absolute) when a file may be written there; run it before reading the
    journal, so that a wrong target is told at once.

    Args:
        doing: the verb of the message ("write", "export to", "save").

    Raises:
        StorageError: its folder does not exist, or it exists and is not a regular file,
            e.g. "Cannot export to /dev/full: it is a device, not a regular file; give a
            file name." or "Cannot write /home/a: it is a folder; give a file name."
    """
    return safe_write.check_target(Path(path), doing)


def check_kind(path: str | PathLike, doing: str = "write") -> Path:
    """Like :func:`check_output` without checking the folder (a missing folder is told when
    the file is written: "Cannot write PATH: No such file or directory.")."""
    return safe_write.check_kind(Path(path), doing)


def write_bytes(path: str | PathLike, data: bytes, *, what: str,
                doing: str = "write") -> Path:
    """Write ``data`` to ``path`` atomically, mode 0600 (``safe_write.write_bytes``).

    Args:
        what: what is written, for the full-disk message ("the report"): English, marked
            with ``N_`` by the caller (``store.safe_write`` translates it).

    Raises:
        StorageError: "Cannot write PATH: reason." (a folder, a device, a missing folder
            ...), or "No space left on device in FOLDER: the report needs about N MB; free
            some space and try again. Nothing was changed."; no file is left at ``path``
            (an older one is kept) and no temporary file.
    """
    return safe_write.write_bytes(Path(path), data, doing=doing, what=what)


def copy_file(source: str | PathLike, path: str | PathLike, *, what: str,
              doing: str = "save") -> Path:
    """Copy ``source`` to ``path`` atomically, mode 0600 (``safe_write.copy_file``).

    Raises:
        StorageError: as :func:`write_bytes` ("Cannot save PATH: reason.");
        OSError: ``source`` cannot be read.
    """
    return safe_write.copy_file(Path(source), Path(path), doing=doing, what=what)


def is_no_space(exc: BaseException) -> bool:
    """True for a full disk ("No space left on device", SQLite's "disk is full"), also
    behind the exceptions it caused (``safe_write.is_no_space``)."""
    return safe_write.is_no_space(exc)


def failure_message(exc: RehabJournalError, tail: str | None = None) -> str:
    """``exc``'s message followed by ``tail`` (translated; None: "Nothing was written."),
    unless it already ends by saying nothing was changed or written (the full-disk message
    does), e.g. for an "Export failed" box."""
    text = exc.message
    said = ("Nothing was changed.", "Nothing was written.", _("Nothing was changed."),
            _("Nothing was written."))
    if text.rstrip().endswith(said):
        return text
    if tail is None:
        tail = _("Nothing was written.")
    return f"{text} {tail}"
