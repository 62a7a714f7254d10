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
4. ``trimp_by_day`` gives the heart-rate load (Banister's TRIMP, ``domain.activities``) of
   each session's own minutes (what the person kept or corrected) and the file's mean heart
   rate, shown beside session-RPE load as another estimate.
5. ``new_files_in(folder)`` lists the watched folder's files the journal does not know;
   ``dismiss_files`` remembers the ones the person declined, and an import (or
   ``remember_reviewed``, when a preview is closed without importing) the ones a reviewed
   batch skipped or could not read, so that they are not offered again.

What a preview decides for each activity (in this order; design choices, see
docs/activity-files.md):

* **skip**, it cannot be a session: no moving time, longer than a day, a date outside
  1900-2100, a distance over 500 km (the journal's own limits, ``domain.validation``);
* **skip**, already imported: the file (same bytes: ``Activity.key``) and leg are linked to a
  session. A file the person dismissed from the watched folder, or that a reviewed batch
  skipped or could not read, is read and imported when asked for explicitly;
* **skip**, the same activity as an earlier row of the batch: the same file and leg, or
  ``domain.activities.find_duplicate`` (start within 2 minutes, similar duration), such as
  the same run as FIT and as GPX;
* **skip**, already in the journal: a session with a start time (imported before, from
  another file) that ``find_duplicate`` matches;
* **merge** into a session typed by hand (no start time) of the same day, kind and similar
  minutes: the file fills in what the person did not type (start, heart rate, distance when
  blank ...), the person's values (kind, minutes, effort, pains, notes) stay. Each typed
  session takes one file at most;
* **add** otherwise. A file imported before whose sessions were *all* deleted since is added
  again, with the reason ("imported before on 3 Mar; its session was deleted since, so it
  is added again"): importing it on purpose says the person wants it (e.g. after changing
  the sport mapping), and the watched folder never offers it (its key is known). When
  another leg of the file is still in the journal, the deleted leg stays deleted (skip:
  deleting one leg of a multisport file was a choice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import scales, validation
from ..domain.activities import (
    Activity,
    FileProblem,
    KnownSession,
    banister_trimp,
    find_duplicate,
    kind_for,
    local_start,
    sport_label,
)
from ..i18n import _, format_date, format_number, format_time, ngettext, pgettext
from ..store import activity_files, journal_repo
from ..store import activity_repo as repo
from ..store.activity_files import ImportCancelled  # noqa: F401  (re-exported)
from . import journal as js
from . import settings
from .edit import Change, Edit, no_change, perform, transaction
from .errors import ValidationError

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
            "same as the 45-min run typed by hand"); for ``ADD`` "", or why a file imported
            before is added again.
        match_id: the journal session it duplicates, or None.
        trimp: Banister's TRIMP with the profile's heart rates, or None: of the minutes the
            session will have (the file's moving minutes; a merge keeps the typed ones) and
            the mean heart rate as stored, so it is what ``trimp_by_day`` will count.
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
    """The result of reading a batch: rows in start order and the files refused.

    Attributes:
        rows: one per activity.
        problems: the files (or zip members) that could not be read.
        refused_keys: {problem's path: SHA-256 of the bytes read} of the refused files
            whose bytes could be read, so that the journal remembers them as 'refused'
            (the same bytes: a file completed since has another key and is offered again).
    """

    rows: list[PreviewRow] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    refused_keys: dict[str, str] = field(default_factory=dict)

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


#: The file columns of a session (schema 6) that an import writes and a merge fills in.
FILE_COLUMNS = ("activity_file", "leg", "sport", "start_time", "elapsed_s", "moving_s",
                "ascent_m", "avg_hr", "max_hr")
SOURCE_FILE = "file"
"""``activity_session.source`` of a session made from a file."""
STATUS_SKIPPED = "skipped"
"""``activity_file.status`` of a file of a reviewed batch whose activities were all skipped."""
STATUS_REFUSED = "refused"
"""``activity_file.status`` of a file of a reviewed batch that could not be read."""


def preview(paths: Iterable[Path | str], progress: Progress | None = None,
            tz: Any = None) -> Preview:
    """Read files, folders and Strava export zips and say what importing them would do.

    Args:
        paths: files (.fit, .gpx, .tcx, each possibly .gz), folders (read recursively) and
            Strava bulk-export zips (their ``activities.csv`` and ``activities/`` files).
        progress: called as files are read.
        tz: a ``tzinfo`` for the local day (tests); None uses the machine's zone.

    Returns:
        The rows in start order (each with its action and, for a merge or a skip, the
        reason in the current language) and the files that could not be read.

    Raises:
        ImportCancelled: progress returned False.
        StorageError: the journal cannot be read.
    """
    keys: dict[str, str] = {}
    found, problems = activity_files.read_paths(list(paths), progress, refused_keys=keys)
    return plan(found, problems, tz=tz, refused_keys=keys)


def plan(found: Iterable[Activity], problems: Iterable[FileProblem] = (),
         tz: Any = None, refused_keys: dict[str, str] | None = None) -> Preview:
    """The preview of activities already read (``preview`` without the reading).

    Args:
        refused_keys: the ``Preview.refused_keys`` of the problems (``read_paths``).

    Raises:
        StorageError: the journal cannot be read.
    """
    def read() -> Preview:
        return _plan(list(found), list(problems), tz, dict(refused_keys or {}))

    return transaction(read, doing="read")


def _plan(found: list[Activity], problems: list[FileProblem], tz: Any,
          refused_keys: dict[str, str]) -> Preview:
    mapping = settings.sport_mapping()
    rest, top, weighting = settings.heart_rates()

    def trimp(minutes: int, a: Activity) -> float | None:
        # the session's minutes and the mean heart rate as stored: what trimp_by_day counts
        return banister_trimp(minutes, _plausible("avg_hr", _round(a.avg_hr)), rest, top,
                              weighting)

    rows = []
    for a in found:
        start = local_start(a.start_utc, tz)
        rows.append(PreviewRow(
            activity=a, start=start, day=start.date(), kind=kind_for(a.sport, a.sub_sport,
                                                                     mapping),
            action=ADD, trimp=trimp(a.minutes, a)))
    rows.sort(key=lambda r: (r.start, r.activity.source, r.activity.leg))
    for row in rows:
        if problem := _unfit(row):
            row.action, row.reason = SKIP, problem
    fit = [r for r in rows if r.action != SKIP]
    files = repo.files_by_key(r.activity.key for r in fit)
    linked = repo.legs_in_journal(f["id"] for f in files.values()
                                  if f["status"] == "imported")
    in_journal = {file_id for file_id, _leg in linked}  # files with a session still there
    known: list[tuple[KnownSession, dict[str, Any]]] = []
    if fit:
        first = max(min(r.day for r in fit) - timedelta(days=1), validation.EARLIEST_DAY)
        last = min(max(r.day for r in fit) + timedelta(days=1), validation.LATEST_DAY)
        known = repo.known_sessions(first, last)
    journal_rows = {k.id: row for k, row in known}
    journal_days = _by_day(k for k, _row in known)
    merged_into: set[int] = set()
    earlier = _Earlier()
    for row in fit:
        a = row.activity
        f = files.get(a.key)
        if f is not None and f["status"] == "imported":
            session = linked.get((f["id"], a.leg))
            if session is not None:
                row.action, row.match_id = SKIP, session["id"]
                row.reason = _("already imported on {date}").format(
                    date=format_date(f["seen"], "date"))
                earlier.add(row)
                continue
        twin = earlier.twin(row)
        if twin is not None:
            row.action, row.match_id = SKIP, twin.match_id
            row.reason = _("the same activity as {file} in this batch").format(
                file=twin.activity.source)
            continue
        # a session from a file first (the same activity again), then one typed by hand
        near = _near(journal_days, row.day)
        match = find_duplicate(row.start, a, row.kind, [k for k in near if k.imported])
        typed = None if match is not None else find_duplicate(
            row.start, a, row.kind,
            [k for k in near if not k.imported and k.id not in merged_into])
        if match is not None:
            row.action, row.match_id = SKIP, match.id
            row.reason = _already_in_journal(journal_rows[match.id])
        elif typed is not None:
            session = journal_rows[typed.id]
            row.action, row.match_id = MERGE, typed.id
            row.reason = _("merges into the {minutes}-min {activity} typed by hand").format(
                minutes=session["minutes"], activity=scales.activity_name(session["kind"]))
            row.trimp = trimp(session["minutes"], a)  # the typed minutes stay
            merged_into.add(typed.id)
        elif f is not None and f["status"] == "imported" and f["id"] in in_journal:
            # another leg of the file is still there: this one was deleted on purpose
            row.action = SKIP
            row.reason = _("imported on {date}; its session was deleted since").format(
                date=format_date(f["seen"], "date"))
        elif f is not None and f["status"] == "imported":
            # every session of the file was deleted: imported on purpose, it is added again
            row.reason = _("imported before on {date}; its session was deleted since, so it "
                           "is added again").format(date=format_date(f["seen"], "date"))
        earlier.add(row)
    return Preview(rows=rows, problems=problems, refused_keys=refused_keys)


def _by_day(sessions: Iterable[KnownSession]) -> dict[date, list[KnownSession]]:
    out: dict[date, list[KnownSession]] = {}
    for k in sessions:
        out.setdefault(k.day, []).append(k)
    return out


def _near(days: dict[date, list[KnownSession]], day: date) -> list[KnownSession]:
    """The sessions of ``day`` and the days either side (a start within 2 minutes of
    midnight can be on the next day): what ``find_duplicate`` needs to look at."""
    one = timedelta(days=1)
    near = []
    for d in (day - one, day, day + one):
        near += days.get(d, ())
    return near


class _Earlier:
    """The batch's rows so far, for the batch's own duplicates: by file and leg, and by
    day for ``find_duplicate``."""

    def __init__(self) -> None:
        self.rows: list[PreviewRow] = []
        self.by_key: dict[tuple[str, int], PreviewRow] = {}
        self.days: dict[date, list[KnownSession]] = {}

    def add(self, row: PreviewRow) -> None:
        self.rows.append(row)
        self.by_key.setdefault((row.activity.key, row.activity.leg), row)
        self.days.setdefault(row.day, []).append(KnownSession(
            id=len(self.rows) - 1, day=row.day, kind=row.kind, minutes=row.activity.minutes,
            start=row.start.time(), imported=True))

    def twin(self, row: PreviewRow) -> PreviewRow | None:
        """The earlier row ``row`` repeats: the same file and leg, else the same activity
        (``find_duplicate``: a start within 2 minutes, a similar duration)."""
        same = self.by_key.get((row.activity.key, row.activity.leg))
        if same is not None:
            return same
        match = find_duplicate(row.start, row.activity, row.kind, _near(self.days, row.day))
        return self.rows[match.id] if match is not None else None


def _already_in_journal(session: dict[str, Any]) -> str:
    activity = scales.activity_name(session["kind"])
    if session["start_time"] is not None:
        return _("already in the journal: the {minutes}-min {activity} at {time}").format(
            minutes=session["minutes"], activity=activity,
            time=format_time(datetime.combine(session["day"], session["start_time"])))
    return _("already in the journal: the {minutes}-min {activity}").format(
        minutes=session["minutes"], activity=activity)


def _unfit(row: PreviewRow) -> str | None:
    """Why ``row`` cannot be a session (in the words of the journal's limits), or None."""
    a = row.activity
    try:
        validation.check_date(row.day, "")
    except ValidationError as exc:
        return validation.reason(exc)
    if a.minutes <= 0:
        return _("the file records no moving time")
    errors = js.validate_session(_session_values(row))
    return next(iter(errors.values())).rstrip(".") if errors else None


def _round(value: float | None) -> int | None:
    return None if value is None else round(value)


def _plausible(column: str, value: float | None) -> float | None:
    """``value`` when within ``activity_repo.PLAUSIBLE`` (a sensor glitch is not stored)."""
    if value is None:
        return None
    lo, hi = repo.PLAUSIBLE[column]
    return value if lo <= value <= hi else None


def _file_values(row: PreviewRow) -> dict[str, Any]:
    """The file columns of ``row``'s session (``FILE_COLUMNS`` but the file's id)."""
    a = row.activity
    ascent = _plausible("ascent_m", a.ascent_m)
    return {
        "leg": a.leg,
        "sport": sport_label(a.sport, a.sub_sport),
        "start_time": row.start.time(),
        "elapsed_s": _plausible("elapsed_s", _round(a.elapsed_s)),
        "moving_s": _plausible("moving_s", _round(a.moving_s)),
        "ascent_m": None if ascent is None else round(ascent, 1),
        "avg_hr": _plausible("avg_hr", _round(a.avg_hr)),
        "max_hr": _plausible("max_hr", _round(a.max_hr)),
    }


def _session_values(row: PreviewRow) -> dict[str, Any]:
    """The values of the session a new file's activity becomes (what the form would check)."""
    a = row.activity
    return {"kind": row.kind, "minutes": a.minutes, "distance_km": a.distance_km,
            "notes": _one_line(a.name)}


def _one_line(text: str) -> str:
    """A file's title as notes: printable, spaces collapsed, at most 200 characters."""
    clean = "".join(ch if ch.isprintable() else " " for ch in text or "")
    return " ".join(clean.split())[:200]


def row_cells(row: PreviewRow) -> tuple[str, str, str, str, str, str]:
    """A preview row as text in the current language: (date "2026-03-04", local start
    "07:30", activity "run", "45 min", "8.0 km" or "", what happens: "add", "merge: merges
    into the 45-min run typed by hand", "skip: already imported on 3 Mar 2026")."""
    a = row.activity
    km = (_("{km} km").format(km=format_number(a.distance_km, 1))
          if a.distance_km is not None else "")
    action = {ADD: pgettext("activity import", "add"),
              MERGE: pgettext("activity import", "merge"),
              SKIP: pgettext("activity import", "skip")}[row.action]
    if row.reason:
        action = _("{action}: {reason}").format(action=action, reason=row.reason)
    return (row.day.isoformat(), format_time(row.start), scales.activity_name(row.kind),
            _("{minutes} min").format(minutes=a.minutes), km, action)


def without_merges(batch: Preview) -> Preview:
    """``batch`` with its ``MERGE`` rows skipped ("--no-merge"; the reason says so)."""
    rows = []
    for r in batch.rows:
        if r.action == MERGE:
            # Translators: a preview row's reason when merging was turned off: {reason} is
            # "merges into the 45-min run typed by hand"
            r = PreviewRow(r.activity, r.start, r.day, r.kind, SKIP,
                           _("not merged: {reason}").format(reason=r.reason), r.match_id,
                           r.trimp)
        rows.append(r)
    return Preview(rows=rows, problems=list(batch.problems),
                   refused_keys=dict(batch.refused_keys))


def import_activities(batch: Preview, *, merge: bool = True) -> Edit:
    """Write the preview's ``ADD`` rows (and ``MERGE`` rows when ``merge``, else they are
    skipped) as one transaction and one undo step, after a backup copy of the journal.

    A new session gets the day, the next place on that day, the kind, the moving minutes,
    the distance, the file's title as notes, source "file", no effort (it is "to rate") and
    the file columns (start time, elapsed and moving seconds, climb, mean and maximum heart
    rate). A merge fills the file columns and a blank distance into the session typed by
    hand; its kind, minutes, effort, pains, notes and source stay. Each file a session comes
    from gets one ``activity_file`` row 'imported' (a dismissed, skipped or refused one
    becomes imported); each other file of the batch is remembered as the person reviewed
    it: 'skipped' (all its activities skipped) or 'refused' (could not be read), so the
    watched folder does not offer it again (``remember_reviewed``).

    The journal is checked again inside the transaction: a row whose file and leg were
    imported meanwhile is skipped, a merge whose session is gone becomes an add, one whose
    session took another file meanwhile is skipped.

    Returns an ``Edit`` whose ``result`` is an ``ImportResult``; a batch that adds nothing
    makes no copy and no undo step (a ``no_change`` edit): it only remembers its skipped and
    refused files (``remember_reviewed``). Undo removes the added sessions and the new
    ``activity_file`` rows (the skipped and refused ones too) and gives merged sessions and
    changed file rows their exact previous values; redo puts back the same rows with the
    same ids.

    Raises:
        ValidationError: a row holds a value the journal refuses (a preview never makes
            one); nothing was written.
        StorageError: the backup copy or the write failed; nothing was changed.
    """
    rows = [r for r in batch.rows if r.action == ADD or (merge and r.action == MERGE)]
    label = ngettext("import {n} activity", "import {n} activities", len(rows)).format(
        n=len(rows))
    if not rows:
        remember_reviewed(batch)
        edit = no_change(label)
        edit.result = ImportResult(skipped=len(batch.rows))
        return edit
    from ..store.backups import backup_of_open

    # a checked copy (encrypted like the journal) before any write; when it cannot be made
    # the StorageError stops the import here
    backup = backup_of_open("pre-import")
    days = {r.day for r in rows}

    def do() -> Change:
        return _write(rows, batch, backup)

    done = perform(label, do, day=next(iter(days)) if len(days) == 1 else None,
                   saved=ngettext("Imported {n} activity", "Imported {n} activities",
                                  len(rows)).format(n=len(rows)))
    result: ImportResult = done.result
    if not result.added and not result.merged:  # all imported meanwhile: no undo step
        edit = no_change(label)
        edit.result = result
        return edit
    done.saved = _("Imported: {added} added, {merged} merged, {skipped} skipped").format(
        added=result.added, merged=result.merged, skipped=result.skipped)
    return done


def _write(rows: list[PreviewRow], batch: Preview, backup: Path | None) -> Change:
    """Write ``rows`` of ``batch`` (inside the caller's transaction) and remember the
    batch's other files; the change that undoes it."""
    now = datetime.now().replace(microsecond=0)
    total = len(batch.rows)
    result = ImportResult(backup=backup)
    files = repo.files_by_key(r.activity.key for r in rows)
    linked = repo.legs_in_journal(f["id"] for f in files.values())
    files_before: dict[int, dict[str, Any] | None] = {}
    added: list[int] = []
    merged_before: dict[int, dict[str, Any]] = {}

    def file_id(a: Activity) -> int:
        f = files.get(a.key)
        if f is None:
            fid = repo.add_file(a.key, a.source, a.fmt, "imported", seen=now)
            files_before[fid] = None
            files[a.key] = repo.get_file(fid)
            return fid
        if f["status"] != "imported":
            files_before.setdefault(f["id"], dict(f))
            f = {**f, "status": "imported", "seen": now}
            repo.put_file(f["id"], f)
            files[a.key] = f
        return f["id"]

    for row in rows:
        a = row.activity
        f = files.get(a.key)
        if f is not None and (f["id"], a.leg) in linked:
            continue  # imported meanwhile
        target = None
        if row.action == MERGE and row.match_id is not None:
            target = journal_repo.get_session(row.match_id)
            if target is not None and target["activity_file"] is not None:
                continue  # it took another file meanwhile
        values = _session_values(row)
        if target is None:
            validation.check_date(row.day, "day")
            if errors := js.validate_session(values):
                raise ValidationError(errors)
        fid = file_id(a)
        columns = {**_file_values(row), "activity_file": fid, "updated": now}
        if target is None:
            sid = journal_repo.append_session(row.day, {
                **values, "rpe": None, "source": SOURCE_FILE, **columns})
            added.append(sid)
            result.added += 1
        else:
            sid = target["id"]
            merged_before[sid] = journal_repo.session_snapshot(sid)["session"]
            if target["distance_km"] is None and values["distance_km"] is not None:
                columns["distance_km"] = values["distance_km"]
            journal_repo.update_session(sid, columns)
            result.merged += 1
        linked[(fid, a.leg)] = {"id": sid}
        result.session_ids.append(sid)
    result.skipped = total - result.added - result.merged
    for fid in _add_reviewed(batch, {r.activity.key for r in rows}, now):
        files_before[fid] = None  # undo removes it again
    added_after = [journal_repo.session_snapshot(sid) for sid in added]
    merged_after = {sid: journal_repo.get_session(sid) for sid in merged_before}
    files_after = {fid: repo.get_file(fid) for fid in files_before}

    def put_sessions(sessions: dict[int, dict[str, Any]]) -> None:
        for sid, row in sessions.items():
            journal_repo.update_session(sid, {k: v for k, v in row.items() if k != "id"})

    def undo() -> None:
        for sid in added:
            journal_repo.delete_session(sid)
        put_sessions(merged_before)
        for fid, before in files_before.items():
            repo.put_file(fid, before)

    def redo() -> None:
        for fid, after in files_after.items():
            repo.put_file(fid, after)
        for snap in added_after:
            journal_repo.restore_session(snap)
        put_sessions(merged_after)

    return Change(undo=undo, redo=redo, result=result)


def remember_reviewed(batch: Preview) -> int:
    """Remember the files of a batch the person has reviewed that give no session, so that
    the watched folder does not offer them again; returns how many were new to the journal.

    A file all of whose activities are skipped (a duplicate, one that cannot be a session,
    a merge turned off) gets an ``activity_file`` row 'skipped'; a file that could not be
    read, and whose bytes were read (``Preview.refused_keys``), one 'refused'. A file the
    journal knows already is left as it is. Known by their bytes: a file whose contents
    change later (one caught while still being written, completed since) is new again.
    Importing such a file explicitly still reads it.

    ``import_activities`` does this itself; the window calls it when the person closes a
    preview without importing (nothing to import, or declined). Not an undo step (as
    ``dismiss_files``): it changes nothing the person sees but the watched folder's offer.

    Raises:
        StorageError: the journal cannot be written; nothing was written.
    """
    def write() -> int:
        return len(_add_reviewed(batch, set(), datetime.now().replace(microsecond=0)))

    return transaction(write)


def _add_reviewed(batch: Preview, written: set[str], now: datetime) -> list[int]:
    """Add the 'skipped' and 'refused' ``activity_file`` rows of ``batch``'s files that
    the journal does not know and that gave no session (``written``: the keys of the rows
    being written); returns their ids. Inside the caller's transaction."""
    found: dict[str, tuple[str, str, str]] = {}
    for row in batch.rows:
        key = row.activity.key
        if key not in written:
            found.setdefault(key, (row.activity.source, row.activity.fmt, STATUS_SKIPPED))
    for problem in batch.problems:
        key = batch.refused_keys.get(problem.path)
        if key and key not in written:
            path = Path(problem.path)
            found.setdefault(key, (path.name, _format_of(path), STATUS_REFUSED))
    if not found:
        return []
    known = repo.files_by_key(found)
    return [repo.add_file(key, name, fmt if fmt in repo.FORMATS else "", status,
                          seen=now)
            for key, (name, fmt, status) in found.items() if key not in known]


# ---- rating, counts and the heart-rate load ---------------------------------------------

def unrated_sessions(since: date | None = None) -> list[dict[str, Any]]:
    """Sessions from activity files with no effort yet, oldest first.

    Each is the session's row (``id``, ``day``, ``kind``, ``minutes``, ``distance_km``,
    ``start_time``, ``avg_hr`` ...) as ``services.journal.get_session`` returns it.

    Args:
        since: the first day to list; None lists them all.

    Raises:
        StorageError: the journal cannot be read.
    """
    return transaction(lambda: repo.unrated_sessions(since), doing="read")


def rate_session(session_id: int, values: dict[str, Any]) -> Edit:
    """Save effort (``rpe``, CR-10 0-10) and pain (``pain_during``, ``pain_after``) of an
    imported session: an ``Edit`` (one undo step) through ``services.journal.edit_session``.

    Args:
        session_id: the session.
        values: some of ``rpe``, ``pain_before``, ``pain_during``, ``pain_after`` (and any
            other session field, as the Today form saves them); None or "" clears one.

    Raises:
        ValidationError: a value out of range (the same words as the Today form), e.g.
            {"rpe": "Effort (CR-10) must be a whole number from 0 to 10 (got 11)."}.
        NotFoundError: the session was deleted meanwhile.
        StorageError: nothing was written.
    """
    return js.edit_session(session_id, dict(values))


def unrated_count(start: date | None = None, end: date | None = None) -> int:
    """How many sessions from files in ``start..end`` have no effort (not in sRPE load);
    without dates, in the whole journal.

    Raises:
        StorageError: the journal cannot be read.
    """
    return transaction(lambda: repo.unrated_count(start, end), doing="read")


def trimp_by_day(start: date, end: date) -> list[tuple[date, float | None]]:
    """Daily heart-rate load (sum of Banister TRIMP) for each day of ``start..end``.

    None for a day without any session with heart rate; all None when the resting or
    maximum heart rate is not set (Preferences). A session's TRIMP uses the session's own
    minutes (what the person kept or corrected: an imported 90-min ride edited to 30 min
    counts 30; a session typed by hand and merged with a file keeps its typed minutes), not
    the file's moving time, and the file's mean heart rate
    (``domain.activities.banister_trimp``: Banister 1991, each rounded to 0.1 as a
    preview row shows it); a day's value is their sum, rounded to 0.1.

    Raises:
        StorageError: the journal cannot be read.
    """
    if start > end:
        return []
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    rest, top, weighting = transaction(settings.heart_rates, doing="read")
    if rest is None or top is None:
        return [(d, None) for d in days]
    totals: dict[date, float] = {}
    for day, minutes, avg_hr in transaction(
            lambda: repo.heart_rate_sessions(start, end), doing="read"):
        value = banister_trimp(minutes, avg_hr, rest, top, weighting)
        if value is not None:
            totals[day] = totals.get(day, 0.0) + value
    return [(d, round(totals[d], 1) if d in totals else None) for d in days]


def sessions_with_file_details() -> int:
    """How many sessions hold details only a file gives (its link, start time, elapsed and
    moving seconds, climb, heart rate): the CSV export has no columns for them (the full
    export keeps them), so the command line says so after a CSV export.

    Raises:
        StorageError: the journal cannot be read.
    """
    return transaction(repo.sessions_with_file_details, doing="read")


# ---- the watched folder -------------------------------------------------------------------

def new_files_in(folder: Path | str) -> list[Path]:
    """Activity files in ``folder`` (recursively) the journal does not know, by name.

    Known are the files imported, dismissed, or skipped or refused in a batch the person
    reviewed (``remember_reviewed``); zips are not offered. Files are known by the SHA-256
    of their bytes, so a file renamed or copied elsewhere is still known, and one whose
    bytes changed (completed since it was refused as cut short) is new. A file that cannot
    be read (no permission, removed meanwhile) is left out this time. Reads no file's
    content but to hash it (no reader library is imported).

    Raises:
        StorageError: the journal cannot be read.
    """
    paths = activity_files.activity_file_paths(Path(folder))
    known = transaction(repo.known_keys, doing="read")
    out = []
    for path in paths:
        try:
            key = activity_files.file_key(path)
        except OSError:
            continue
        if key not in known:
            out.append(Path(path))
    return sorted(out, key=lambda p: (p.name.casefold(), str(p)))


def dismiss_files(paths: Iterable[Path | str]) -> None:
    """Remember that the person declined these watched-folder files (not offered again).

    Each file gets an ``activity_file`` row with status 'dismissed' (one transaction); a
    file already known (whatever its status) is left as it is, one that cannot be read
    any more is passed over. Importing a dismissed file explicitly later still works.

    Raises:
        StorageError: the journal cannot be written; nothing was written.
    """
    keys: dict[str, Path] = {}
    for path in map(Path, paths):
        try:
            keys.setdefault(activity_files.file_key(path), path)
        except OSError:
            continue
    if not keys:
        return

    def write() -> None:
        known = repo.files_by_key(keys)
        for key, path in keys.items():
            if key not in known:
                repo.add_file(key, path.name, _format_of(path), "dismissed")

    transaction(write)


def _format_of(path: Path) -> str:
    """"fit", "gpx" or "tcx" from a file's name (``.gz`` ignored), else ""."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    fmt = suffixes[-1].lstrip(".") if suffixes else ""
    return fmt if fmt in repo.FORMATS else ""
