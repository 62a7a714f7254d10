"""The start-up work that can wait until the window is shown.

Opening the journal (with its read-only ``quick_check`` that refuses a damaged file) stays
before the window: nothing may be written to a file that has not been checked. What follows
it runs here, after the window is shown and off the GUI thread (``ui/startup.py`` runs it
in a worker):

1. the leftovers of interrupted operations (temporary files of killed processes) are
   removed (``safe_write.sweep_leftovers``); the status bar says how many; so are the
   report and ``--demo`` folders in the system's temporary folder of rehabjournal
   processes that were killed (``services.tempdirs.sweep``);
2. the shipped exercise library is brought up to date;
3. the day's first backup copy is made (after a full ``integrity_check`` of the journal)
   and old copies are pruned;
4. once a week (this journal's day in the computer's setting ``integrity.last_full_check``
   is 7 or more days old, or unset) the journal gets a full ``PRAGMA integrity_check`` (the
   day's backup counts as one).
   When it fails the app says so and offers to restore a backup.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..errors import StorageError, is_storage_failure, storage_error
from ..i18n import _, current, ngettext, using
from ..store import backups, db, library, safe_write
from . import clock, tempdirs

LAST_CHECK = "integrity.last_full_check"
"""The computer's setting holding, per journal file, the day of its last passed full check
(JSON ``{"/path/journal.sqlite": "2026-03-18"}``)."""
CHECK_EVERY = timedelta(days=7)


@dataclass(frozen=True)
class StartupResult:
    """What the start-up work did.

    Attributes:
        exercises_changed: shipped exercises added or updated in the journal (0: in sync).
        backup: the day's backup copy, or None when one was already made today, there is
            no journal, or the copy failed (the next start tries again).
        problem: a sentence for the status bar when the library could not be brought up to
            date or the journal could not be checked (the journal is still usable); "" when
            all went well.
        integrity_checked: a full ``integrity_check`` of the journal ran (the weekly one, or
            the one before the day's backup).
        integrity_problem: the message when the journal failed it ("The journal ... failed
            its integrity check (...). ... Restore a backup ..."); "" when it passed or did
            not run.
        leftovers_removed: leftover files of interrupted operations removed.
    """

    exercises_changed: int = 0
    backup: Path | None = None
    problem: str = ""
    integrity_checked: bool = False
    integrity_problem: str = ""
    leftovers_removed: int = 0


_FINDINGS = re.compile(r"failed its integrity check \((?P<found>.*?)\)\.(?:\s|$)", re.S)
_PATH_MARK, _FOUND_MARK = "\x01p\x01", "\x02"


def _damaged_pattern() -> re.Pattern[str]:
    """The damaged-journal message (``store.backups.damaged_message``) of the current
    language as a pattern whose group ``found`` is what the check found (paths: any)."""
    sample = backups.damaged_message(Path(_PATH_MARK) / "journal.sqlite", _FOUND_MARK)
    parts = re.split(f"(\\S*{_PATH_MARK}\\S*|{_FOUND_MARK})", sample)
    return re.compile("".join(
        "(?P<found>.*?)" if part == _FOUND_MARK else ".*?" if _PATH_MARK in part
        else re.escape(part) for part in parts), re.S)


def damage_findings(message: str) -> str:
    """What SQLite's check found, from a damaged-journal message ("The journal ... failed
    its integrity check (FINDINGS). ...", in the current language or in English); the whole
    message when it does not say."""
    for lang in dict.fromkeys((current(), "en")):
        with using(lang):
            match = _damaged_pattern().search(message)
        if match and match["found"]:
            return match["found"]
    match = _FINDINGS.search(message)
    return match["found"] if match else message


def leftovers_text(n: int) -> str:
    """"Removed 2 leftover files of an interrupted operation" ("" for none)."""
    if not n:
        return ""
    return ngettext("Removed {n} leftover file of an interrupted operation",
                    "Removed {n} leftover files of an interrupted operation", n).format(n=n)


def _last_checks() -> dict[str, str]:
    from . import settings

    try:
        value = json.loads(settings.get(LAST_CHECK) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def last_check(data_dir: Path) -> date | None:
    """The day the journal of ``data_dir`` last passed the full check on this computer."""
    try:
        return date.fromisoformat(_last_checks().get(str(_key(data_dir)), ""))
    except (ValueError, TypeError):
        return None


def _key(data_dir: Path) -> Path:
    return db.journal_path(Path(data_dir).absolute())


def check_due(data_dir: Path, today: date | None = None) -> bool:
    """True when the weekly full check of the journal of ``data_dir`` is due: its last
    passed check (on this computer) is 7 or more days old, in the future, or unknown."""
    today = today or clock.today()
    last = last_check(data_dir)
    return last is None or last > today or today - last >= CHECK_EVERY


def record_check(data_dir: Path, today: date) -> None:
    """Note that the journal of ``data_dir`` passed the full check on ``today`` (in the
    computer's settings, never in the journal); at most 20 journals are remembered."""
    from . import settings

    checks = _last_checks()
    checks.pop(str(_key(data_dir)), None)
    checks[str(_key(data_dir))] = today.isoformat()
    kept = dict(list(checks.items())[-20:])
    with contextlib.suppress(Exception):  # a failed note only means a check next start
        settings.set(LAST_CHECK, json.dumps(kept, ensure_ascii=False))


def run_startup_work(data_dir: Path, *, today: date | None = None) -> StartupResult:
    """Sweep leftovers, sync the shipped exercises, make the day's backup, check weekly.

    Safe to call from a worker thread: the work uses that thread's own connection to the
    journal (peewee keeps one per thread); the worker closes it afterwards with
    ``session.close_thread_connection``. Never raises for a storage failure: a failed
    library sync or check is returned as ``problem``, a failed backup as ``backup=None``
    (as at every start, the next start tries again), a damaged journal as
    ``integrity_problem``.

    Args:
        data_dir: the open journal's folder.
        today: the day (``clock.today()`` when None), for the weekly check.

    Returns:
        A :class:`StartupResult`.
    """
    data_dir = Path(data_dir)
    today = today or clock.today()
    removed = 0
    with contextlib.suppress(OSError):
        removed = len(safe_write.sweep_leftovers(data_dir))
    tempdirs.sweep()  # report PDFs and --demo folders of killed processes (never raises)
    changed, problem = 0, ""
    try:
        changed = library.sync_shipped_exercises()
    except (ValueError, FileNotFoundError) as exc:  # a broken install's library file
        problem = _("The exercise library could not be read: {error}").format(error=exc)
    except Exception as exc:
        if not is_storage_failure(exc):
            raise
        problem = str(storage_error(exc, "update the exercise library"))
    checked, damaged = False, ""
    try:
        copy = backups.daily_backup_if_due(data_dir)  # None for a failed copy
    except backups.JournalDamagedError as exc:
        copy, checked, damaged = None, True, exc.message
    checked = checked or copy is not None  # a copy is made after a full check
    due = db.journal_path(data_dir).exists() and check_due(data_dir, today)
    if due and not checked:
        try:
            backups.check_data_journal(data_dir)
            checked = True
        except backups.JournalDamagedError as exc:
            checked, damaged = True, exc.message
        except StorageError as exc:  # busy, I/O: no verdict; the next start tries again
            problem = problem or _("The weekly check of the journal could not run: {error}"
                                   ).format(error=exc)
    if due and checked and not damaged:
        record_check(data_dir, today)
    return StartupResult(exercises_changed=changed, backup=copy, problem=problem,
                         integrity_checked=checked, integrity_problem=damaged,
                         leftovers_removed=removed)
