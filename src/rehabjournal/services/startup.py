"""The start-up work that can wait until the window is shown.

Opening the journal (with its read-only ``quick_check`` that refuses a damaged file) stays
before the window: nothing may be written to a file that has not been checked. What follows
it, bringing the shipped exercise library up to date and the day's first backup copy (with
the pruning of old copies), runs here, after the window is shown and off the GUI thread
(``ui/startup.py`` runs it in a worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import is_storage_failure, storage_error
from ..store import backups, library


@dataclass(frozen=True)
class StartupResult:
    """What the start-up work did.

    Attributes:
        exercises_changed: shipped exercises added or updated in the journal (0: in sync).
        backup: the day's backup copy, or None when one was already made today, there is
            no journal, or the copy failed (the next start tries again).
        problem: a sentence for the status bar when the library could not be brought up to
            date (the journal is still usable); "" when all went well.
    """

    exercises_changed: int = 0
    backup: Path | None = None
    problem: str = ""


def run_startup_work(data_dir: Path) -> StartupResult:
    """Sync the shipped exercises into the open journal, then make the day's backup.

    Safe to call from a worker thread: the work uses that thread's own connection to the
    journal (peewee keeps one per thread); the worker closes it afterwards with
    ``session.close_thread_connection``. Never raises for a storage failure: a failed
    library sync is returned as ``problem``, a failed backup as ``backup=None`` (as at
    every start, the next start tries again).

    Args:
        data_dir: the open journal's folder.

    Returns:
        A :class:`StartupResult`.
    """
    changed, problem = 0, ""
    try:
        changed = library.sync_shipped_exercises()
    except (ValueError, FileNotFoundError) as exc:  # a broken install's library file
        problem = f"The exercise library could not be read: {exc}"
    except Exception as exc:
        if not is_storage_failure(exc):
            raise
        problem = str(storage_error(exc, "update the exercise library"))
    copy = backups.daily_backup_if_due(Path(data_dir))  # never raises for a failed copy
    return StartupResult(exercises_changed=changed, backup=copy, problem=problem)
