"""Activity files from watches and apps (FIT, GPX, TCX, Strava export zip) become sessions.

The use cases the window and the command line share (docs/activity-files.md):

1. ``preview(paths)`` reads the files (``store.activity_files.read_paths``), maps each
   activity to a journal kind and a local day, and finds what each would do: add a new
   session, merge into a session typed by hand, or skip (already imported, or a duplicate
   within the batch). Bad files are listed with their reason; the rest can still go in.
2. ``import_activities(preview)`` writes the preview's rows in one transaction after a
   backup copy of the journal, as one undoable ``Edit``: all or nothing.
3. Imported sessions have no effort (session RPE) until the person rates them:
   ``unrated_sessions`` lists them for Today's "to rate" list, ``rate_session`` saves the
   rating. Until then they count as minutes but not in session-RPE load.
4. ``trimp_by_day`` gives the heart-rate load (Banister's TRIMP, ``domain.activities``),
   shown beside session-RPE load as another estimate.
5. ``new_files_in(folder)`` lists the watched folder's files never imported nor dismissed;
   ``dismiss_files`` remembers the ones the person declined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..domain.activities import Activity, FileProblem
from ..store.activity_files import ImportCancelled  # noqa: F401  (re-exported)

ADD = "add"
MERGE = "merge"
SKIP = "skip"

Progress = Callable[[int, int], bool]
"""progress(done, total) -> keep going; False cancels (``read_paths`` then raises
``ImportCancelled`` and nothing is written)."""


@dataclass(slots=True)
class PreviewRow:
    """What one activity would do.

    Attributes:
        activity: what the file gave.
        start: the local start (naive, machine zone at that date).
        day: ``start.date()``: the journal day it goes to.
        kind: the journal kind from the mapping (Preferences > Activity files).
        action: ``ADD``, ``MERGE`` (into the hand-typed session ``match_id``) or ``SKIP``.
        reason: why it is merged or skipped, in plain words ("already imported on 3 Mar",
            "same as the 45-min run typed by hand"); "" for ``ADD``.
        match_id: the journal session it duplicates, or None.
        trimp: Banister's TRIMP with the profile's heart rates, or None.
    """

    activity: Activity
    start: datetime
    day: date
    kind: str
    action: str
    reason: str = ""
    match_id: int | None = None
    trimp: float | None = None


@dataclass(slots=True)
class Preview:
    """The result of reading a batch: rows in start order and the files refused."""

    rows: list[PreviewRow] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def to_add(self) -> int:
        return sum(r.action == ADD for r in self.rows)

    @property
    def to_merge(self) -> int:
        return sum(r.action == MERGE for r in self.rows)

    @property
    def to_skip(self) -> int:
        return sum(r.action == SKIP for r in self.rows)


@dataclass(slots=True)
class ImportResult:
    """What ``import_activities`` wrote: counts, the new or merged session ids, the backup."""

    added: int = 0
    merged: int = 0
    skipped: int = 0
    session_ids: list[int] = field(default_factory=list)
    backup: Path | None = None


def preview(paths: Iterable[Path | str], progress: Progress | None = None,
            tz: Any = None) -> Preview:
    """Read files, folders and Strava export zips and say what importing them would do.

    Args:
        paths: files (.fit, .gpx, .tcx, each possibly .gz), folders (read recursively) and
            Strava bulk-export zips (their ``activities.csv`` and ``activities/`` files).
        progress: called as files are read.
        tz: a ``tzinfo`` for the local day (tests); None uses the machine's zone.

    Raises:
        ImportCancelled: progress returned False.
        StorageError: the journal cannot be read.
    """
    raise NotImplementedError


def import_activities(batch: Preview, *, merge: bool = True) -> Any:
    """Write the preview's ``ADD`` rows (and ``MERGE`` rows when ``merge``, else they are
    skipped) as one transaction and one undo step, after a backup copy of the journal.

    Returns an ``Edit`` whose ``result`` is an ``ImportResult``; a batch that adds nothing
    writes nothing and makes no copy.

    Raises:
        StorageError: the journal cannot be written; nothing was changed.
    """
    raise NotImplementedError


def unrated_sessions(since: date | None = None) -> list[dict[str, Any]]:
    """Sessions from activity files with no effort yet, oldest first.

    Each is the session's row (``id``, ``day``, ``kind``, ``minutes``, ``distance_km``,
    ``start_time``, ``avg_hr`` ...) as ``services.journal.get_session`` returns it.
    """
    raise NotImplementedError


def rate_session(session_id: int, values: dict[str, Any]) -> Any:
    """Save effort (``rpe``, CR-10 0-10) and pain (``pain_during``, ``pain_after``) of an
    imported session: an ``Edit`` (one undo step) through ``services.journal.edit_session``.

    Raises:
        ValidationError: a value out of range (the same words as the Today form).
    """
    raise NotImplementedError


def unrated_count(start: date, end: date) -> int:
    """How many sessions from files in ``start..end`` have no effort (not in sRPE load)."""
    raise NotImplementedError


def trimp_by_day(start: date, end: date) -> list[tuple[date, float | None]]:
    """Daily heart-rate load (sum of Banister TRIMP) for each day of ``start..end``.

    None for a day without any session with heart rate; all None when the resting or
    maximum heart rate is not set (Preferences).
    """
    raise NotImplementedError


def new_files_in(folder: Path | str) -> list[Path]:
    """Activity files in ``folder`` (recursively) never imported nor dismissed, by name."""
    raise NotImplementedError


def dismiss_files(paths: Iterable[Path | str]) -> None:
    """Remember that the person declined these watched-folder files (not offered again)."""
    raise NotImplementedError
