"""Readers of activity files (FIT, GPX, TCX, Strava export zip): files to ``Activity``.

``read_paths`` takes files, folders and zips and gives one ``domain.activities.Activity``
per activity (per leg of a multisport file) and one ``FileProblem`` per file it could not
read, in plain words: whatever the bytes, no exception but ``ImportCancelled`` leaves it.
``file_key`` and ``activity_file_paths`` serve the watched folder. See
docs/activity-files.md for what a person reads about this.

What is read, by format
-----------------------
* **FIT** (Garmin, Coros, Polar, Suunto, Wahoo, Zwift ...), decoded by ``fitdecode``: one
  activity per ``session`` message (multisport files have one per leg; ``transition`` legs
  are skipped), with the device's own totals: ``start_time``, ``total_elapsed_time``,
  ``total_timer_time`` (pauses excluded: the journal's minutes), ``total_distance``,
  ``total_ascent``, ``avg_heart_rate``, ``max_heart_rate``, ``sport``, ``sub_sport``. A file
  without a session message (a watch that crashed, some apps) is summed up from its
  ``record`` messages: start and end from the first and last record, moving time from the
  timer start/stop events (without events: gaps over ``PAUSE_GAP_S`` are pauses), distance
  from the records' running total, heart rate and ascent from the samples. A file whose
  ``file_id`` says it is not an activity (course, workout, settings) is refused. FIT
  ``fitdecode`` was chosen over Garmin's ``garmin-fit-sdk``, which raises "Compressed
  timestamp messages are not currently supported" on files from devices that use
  compressed timestamp record headers; fitdecode reads them and chained FIT files.
* **GPX** (Strava, Garmin Connect, OpenTracks, Komoot ...), parsed by ``gpxpy``: one
  activity per ``<trk>`` that has times. Moving time is gpxpy's ``get_moving_data``: the
  gaps between track segments and the time spent below 1 km/h are excluded; a track that
  never moves (an indoor GPX with a fixed or no position) counts its segments' times.
  Distance is gpxpy's moving plus stopped distance, ascent its smoothed ``uphill``, heart
  rate the ``<hr>`` of Garmin's TrackPointExtension (any namespace), sport the track's
  ``<type>``. A GPX whose points have no times is refused: a session needs its start and
  duration.
* **TCX** (Garmin Training Center, Strava, Polar), read here with ``xml.etree``: one
  activity per ``<Activity>``, including each sport of a ``<MultiSportSession>``
  (``<Transition>`` laps are skipped). Moving time is the sum of the laps'
  ``TotalTimeSeconds``, distance the sum of the laps' ``DistanceMeters``, heart rate the
  laps' averages weighted by their time (else the trackpoints'), ascent gpxpy's smoothed
  uphill of the trackpoints' altitudes. ``tcxreader`` was tried and not used at run time:
  it merges several ``<Activity>`` of a file into one exercise (the sport of the last),
  ignores ``<MultiSportSession>``, refuses Strava's TCX (which starts with blanks before
  ``<?xml``: "XML or text declaration not at start of entity"), does not read a lap's
  ``TotalTimeSeconds`` or ``StartTime`` (so no moving time), drops laps without trackpoints
  and parses each time with up to four ``strptime`` calls (~25 us a point); the tests use
  it to cross-check single-activity files.
* **Strava bulk export** (``export_NNN.zip``): ``activities.csv`` lists every activity; a
  row's ``Filename`` (``activities/123.fit.gz``) is read as above, and the row's
  ``Activity Type`` and ``Activity Name`` win over the file's sport and name (the person
  may have corrected them on Strava). A row without a file (typed on Strava), or whose file
  is missing from the zip or cannot be read, becomes an activity from the CSV's columns
  (``fmt`` "strava", key "strava:<Activity ID>"). The CSV repeats column names: the first
  "Elapsed Time", "Distance" and "Max Heart Rate" are the website's display values (the
  first "Distance" in km or miles, as the account shows them), the later ones the raw
  values (seconds, metres); the *last* column of a repeated name is read, and an export
  with a single "Distance" (older exports) is read as kilometres. "Activity Date" is UTC,
  written "Jan 2, 2024, 7:04:05 AM" (month names in English, parsed here without the
  locale) or ISO. A zip without ``activities.csv`` (Garmin Connect's "Export Original")
  is read member by member when given by name; in a folder being read, only the zips
  holding an ``activities.csv`` are read (a Downloads folder's other zips are not ours).
* **Encodings** of GPX and TCX: a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-16 without
  one, else the XML declaration's ``encoding`` (UTF-8 without one); the file is decoded
  before the root element is looked for, and both parsers get the text.

Safety: a file is read whole (activity files are small), refused above ``MAX_FILE_MB``
(before reading, and while decompressing a ``.gz`` or a zip member, so a "zip bomb" stops
at the limit); XML that declares a document type (``<!DOCTYPE``, where entities live) is
refused before parsing, in whichever encoding (it is looked for in the decoded text; a file
that does not decode is not parsed). ``defusedxml`` is not a dependency: ``xml.etree`` never fetches
external entities and the bundled expat (2.4+) limits entity expansion, and activity files
never have a DTD. FIT CRCs are not checked (pure-Python CRC of every byte would double the
reading time); a damaged file is caught by its framing and by the decoder. Folder walks
follow symbolic links once (a link back up the tree is not walked twice) and skip hidden
files and folders.

Keys: ``Activity.key`` is the SHA-256 of the file's bytes as on disk (for a zip member,
the member's bytes), so the same file imported twice is known whatever its name.

Speed (issue 20: a 300-file folder in under 10 s on a 2-core machine)
----------------------------------------------------------------------
fitdecode decodes every message in pure Python: ~0.12 s for a one-hour FIT recorded every
second (3,600 ``record`` messages of ~12 fields), which alone would be ~40 s for 300 files.
A FIT file's framing is simple (FIT protocol 2.0: a 12- or 14-byte header giving the data
size; each record starts with one header byte: bit 7 a compressed-timestamp data message
with local type in bits 5-6, else bit 6 a definition (bit 5: developer fields follow) or a
data message with local type in bits 0-3; a definition gives the architecture, the global
message number and each field's size, so a data message's length is known without
decoding it). ``_fit_frames`` walks that framing (~1 us a message) and keeps only the
definitions and data messages of the few global messages read here (``file_id``,
``sport``, ``session``, ``activity``, ``developer_data_id``, ``field_description``); the
kept bytes, under a header with the new data size, go to fitdecode, which still decodes
every value used (types, scales, enum names, invalid values). The walk is also where a
file cut short is found: its header states a data size longer than the bytes there are.
When a kept message has a compressed timestamp header (its time depends on the dropped
records), or there is no session message, the whole file goes to fitdecode.

Measured (``make bench``, this 2-core Xeon VM, Python 3.11): a FIT file of 30-90 minutes
at 1 s is read in ~0.65 ms (~115 ms when fitdecode decodes it whole); a GPX of 45-75
minutes at 1 s in ~66 ms (gpxpy's parse is 80 % of it); a TCX in ~20 ms. The 300-file
folder (240 FIT, 30 GPX, 30 TCX; 71 MB) takes ~2.8 s in one process, 1.5-2.3 s with two
workers, and preview + import into a new journal ~1.8 s.

Large batches are read in worker processes: ``concurrent.futures.ProcessPoolExecutor``
with the ``spawn`` start method (safe in a process that runs Qt threads, unlike fork) and
up to ``MAX_WORKERS`` workers, in chunks; workers return untranslated message ids, which
are translated here in the caller's language. The slowest files (by format and size:
``_Unit.cost``) go first, so that no worker is left alone with a large GPX at the end. A
batch whose estimated work is under ``POOL_MIN_COST_MS`` (starting the workers and their
imports costs ~0.3 s; 300 FIT files alone take ~0.2 s here), one CPU, or a pool that
cannot start or breaks (a sandbox; a frozen app without
``multiprocessing.freeze_support()``, which ``__main__`` calls) is read in this process.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import io
import math
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.activities import Activity, FileProblem, normalise_sport
from ..i18n import N_, _


class ImportCancelled(Exception):
    """The person cancelled reading a batch of activity files; nothing was written."""


Progress = Callable[[int, int], Any]
"""progress(done, total): called as files are read; returning False cancels."""

SUFFIXES = (".fit", ".gpx", ".tcx")
"""Activity file name endings (any case), each also with ".gz"."""
MAX_FILE_MB = 64
"""Largest activity file read, on disk and once decompressed (a 1-s FIT of 100 hours is
~20 MB); a Strava ``activities.csv`` may be as large."""
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
PAUSE_GAP_S = 60.0
"""Without timer events, a gap between two FIT records longer than this is a pause."""
POOL_MIN_UNITS = 4
POOL_MIN_COST_MS = 1000
"""A batch of at least ``POOL_MIN_UNITS`` files that would take over ``POOL_MIN_COST_MS``
to read here (``_Unit.cost``) is read in worker processes: starting them costs ~0.3 s."""
MAX_WORKERS = 2
"""Worker processes for a large batch (the machine's CPUs if fewer)."""

# ---- reasons (message ids: translated where the problem is shown) ----------------------

R_NOT_FOUND = N_("the file or folder does not exist")
R_UNREADABLE = N_("the file cannot be read (no permission, or a disk error)")
R_EMPTY = N_("the file is empty")
R_TOO_LARGE = N_("the file is too large for an activity file (over {limit} MB)")
R_NOT_ACTIVITY_FILE = N_("not a FIT, GPX or TCX file")
R_GZ_DAMAGED = N_("the compressed (.gz) file is damaged")
R_NO_ACTIVITY = N_("no activity in the file")
R_NO_DURATION = N_("the activity has no duration (its start and end are the same)")
R_FIT_HEADER = N_("not a FIT file: its header is missing or damaged")
R_FIT_CUT = N_("the FIT file is cut short (it ends before its own stated length)")
R_FIT_UNFINISHED = N_("the FIT file was not finished by the device (its stated length is 0)")
R_FIT_DAMAGED = N_("the FIT file is damaged and cannot be read")
R_FIT_NOT_ACTIVITY = N_("the FIT file holds no activity (it is a course, workout or "
                        "settings file)")
R_XML_DAMAGED = N_("the {format} file is damaged (not valid XML)")
R_XML_DOCTYPE = N_("the {format} file declares a document type (<!DOCTYPE>), which activity "
                   "files never do; it is not read")
R_GPX_NO_TIMES = N_("the GPX file has no times: a session needs its start and duration")
R_TCX_NO_TIMES = N_("the TCX file has no times: a session needs its start and duration")
R_ZIP_DAMAGED = N_("the zip file is damaged or encrypted")
R_ZIP_EMPTY = N_("the zip file holds no FIT, GPX or TCX file and no Strava activities.csv")
R_CSV_DAMAGED = N_("the Strava activities.csv cannot be read")
R_CSV_ROW = N_("activities.csv, row {row}: the date or the elapsed time cannot be read")
R_FOLDER_EMPTY = N_("no FIT, GPX or TCX file in this folder")
R_UNEXPECTED = N_("the file cannot be read: its content is not as expected")


class _Refused(Exception):
    """A file refused for a reason (a message id of this module and its placeholders)."""

    def __init__(self, reason: str, **values: Any):
        super().__init__(reason)
        self.reason = reason
        self.values = values


def _problem(path: str, reason: str, values: dict | None = None) -> FileProblem:
    text = _(reason)
    return FileProblem(str(path), text.format(**values) if values else text)


# ---- public helpers --------------------------------------------------------------------


def activity_kind_of_name(name: str) -> str | None:
    """"fit", "gpx" or "tcx" when a file name ends so (any case, ".gz" allowed), else None."""
    low = name.lower()
    if low.endswith(".gz"):
        low = low[:-3]
    for suffix in SUFFIXES:
        if low.endswith(suffix):
            return suffix[1:]
    return None


def file_key(path: Path | str) -> str:
    """The SHA-256 (hex) of a file's bytes: what makes an activity file known on re-import.

    Raises:
        OSError: the file cannot be read.
    """
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def activity_file_paths(folder: Path | str) -> list[Path]:
    """The activity files in a folder and its subfolders, sorted.

    Files ending in .fit, .gpx or .tcx (any case, possibly .gz); hidden files and folders
    (a name starting with ".") are skipped, so are folders that cannot be listed. Symbolic
    links are followed, each folder once (a link back up the tree is not walked again).
    Zips are not listed (the watched folder offers only these files; ``read_paths`` also
    reads the Strava exports in a folder it is given).
    """
    return _walk(folder)[0]


def _walk(folder: Path | str) -> tuple[list[Path], list[Path]]:
    """(activity files, ``.zip`` files) in a folder and its subfolders, each sorted; as
    ``activity_file_paths`` says."""
    found: list[Path] = []
    zips: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [Path(folder)]
    while stack:
        here = stack.pop()
        try:
            st = here.stat()
            ident = (st.st_dev, st.st_ino)
            if ident in seen:
                continue
            seen.add(ident)
            entries = list(os.scandir(here))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    stack.append(Path(entry.path))
                elif entry.is_file():
                    if activity_kind_of_name(entry.name):
                        found.append(Path(entry.path))
                    elif entry.name.lower().endswith(".zip"):
                        zips.append(Path(entry.path))
            except OSError:
                continue
    return sorted(found), sorted(zips)


def _strava_csv_name(names: Iterable[str]) -> str | None:
    """The ``activities.csv`` of a Strava bulk export among a zip's member names (at its
    top or in its one top folder), or None."""
    return next((n for n in names if n.rsplit("/", 1)[-1] == "activities.csv"
                 and n.count("/") <= 1), None)


def is_strava_export(path: Path | str) -> bool:
    """True when ``path`` is a zip holding a Strava ``activities.csv`` (only its list of
    members is read); False for any other zip, a damaged one or another file."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = [i.filename.replace("\\", "/") for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            EOFError, zlib.error, OSError, ValueError):
        return False
    return _strava_csv_name(names) is not None


# ---- the batch ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Unit:
    """One file to read: on disk (``member`` "") or a zip member, with a Strava row's
    overrides and its CSV fallback."""

    path: str
    member: str = ""
    sport: str = ""
    name: str = ""
    fallback: Activity | None = None
    size: int = -1  # a zip member's size; -1: ask the file system

    def cost(self) -> float:
        """Roughly the milliseconds it takes to read (this machine, per MB: FIT 6 through
        the fast path, GPX 95 with gpxpy, TCX 31; a .gz ~5 times its size)."""
        size = self.size
        if size < 0:
            try:
                size = os.stat(self.path).st_size
            except OSError:
                size = 0
        name = (self.member or self.path).lower()
        per_mb = {"fit": 6, "gpx": 95, "tcx": 31}.get(activity_kind_of_name(name) or "", 50)
        return size / 1e6 * per_mb * (5 if name.endswith(".gz") else 1)

    @property
    def shown(self) -> str:
        """The path a problem names."""
        return f"{self.path}: {self.member}" if self.member else self.path

    @property
    def source(self) -> str:
        """The name ``Activity.source`` shows."""
        return f"{Path(self.path).name}: {self.member}" if self.member else Path(self.path).name


_Outcome = tuple[list[Activity], tuple[str, str, dict, str] | None]
"""What reading a unit gave: its activities, or (path, reason id, values, the SHA-256 of
its bytes or "" when they could not be read)."""


def read_paths(paths: Iterable[Path | str], progress: Progress | None = None, *,
               refused_keys: dict[str, str] | None = None,
               ) -> tuple[list[Activity], list[FileProblem]]:
    """Read activity files, folders and zips.

    Args:
        paths: files (.fit, .gpx, .tcx, each possibly .gz; a file given by name is read
            whatever its name if its content is one of these), folders (read recursively:
            their activity files, ``activity_file_paths``, and the Strava bulk exports in
            them, ``is_strava_export``; other zips in a folder are passed over) and zips
            (a Strava bulk export with its ``activities.csv``, or any zip of activity
            files). A path given twice, or a file also inside a given folder, is read once.
        progress: ``progress(done, total)`` is called before the first file and after
            each one (``total`` files, zip members included); returning False cancels.
        refused_keys: when given, filled with {problem's path: SHA-256 of the bytes read}
            for each file or zip member refused after its bytes were read (so the journal
            can remember what the person saw refused, ``Activity.key``'s way).

    Returns:
        (activities, problems): activities in the order of the paths (files in a folder
        sorted; the legs of a file in order), and a ``FileProblem`` for each file, zip
        member or CSV row that gave none, with its reason in the current language.

    Raises:
        ImportCancelled: ``progress`` returned False.
    """
    units: list[_Unit] = []
    direct: list[tuple[int, Activity]] = []  # Strava rows without a file, by position
    problems: list[FileProblem] = []
    seen: set[str] = set()

    def first_time(path: str, member: str = "") -> bool:
        ident = path
        with contextlib.suppress(OSError, RuntimeError):
            ident = str(Path(path).resolve())
        ident += "\0" + member
        if ident in seen:
            return False
        seen.add(ident)
        return True

    def add(unit: _Unit) -> None:
        if first_time(unit.path, unit.member):
            units.append(unit)

    def add_zip(path: Path) -> None:
        if not first_time(str(path), "\0zip"):
            return
        entries, zip_problems = _plan_zip(path)
        for entry in entries:  # in the CSV's order
            if isinstance(entry, _Unit):
                add(entry)
            else:
                direct.append((len(units), entry))
        problems.extend(_problem(p, r, v) for p, r, v in zip_problems)

    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            is_file = not is_dir and path.exists()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            files, zips = _walk(path)
            exports = {z for z in zips if is_strava_export(z)}  # other zips: not ours
            if not files and not exports:
                problems.append(_problem(str(path), R_FOLDER_EMPTY))
            for f in sorted([*files, *exports]):
                if f in exports:
                    add_zip(f)
                else:
                    add(_Unit(str(f)))
        elif not is_file:
            problems.append(_problem(str(path), R_NOT_FOUND))
        elif path.suffix.lower() == ".zip":
            add_zip(path)
        else:
            add(_Unit(str(path)))

    outcomes = _run(units, progress)
    activities: list[Activity] = []
    pending = iter(direct)
    nxt = next(pending, None)
    for index, (found, refused) in enumerate(outcomes):
        while nxt is not None and nxt[0] <= index:
            activities.append(nxt[1])
            nxt = next(pending, None)
        activities.extend(found)
        if refused is not None:
            shown, reason, values, key = refused
            problems.append(_problem(shown, reason, values))
            if key and refused_keys is not None:
                refused_keys[shown] = key
    while nxt is not None:
        activities.append(nxt[1])
        nxt = next(pending, None)
    return activities, problems


def _run(units: list[_Unit], progress: Progress | None) -> list[_Outcome]:
    """Read every unit (in worker processes for a large batch), reporting progress."""
    total = len(units)
    if progress is not None and progress(0, total) is False:
        raise ImportCancelled
    results: list[_Outcome | None] = [None] * total
    done = 0
    if total >= POOL_MIN_UNITS and _worker_count() > 1:
        costs = [unit.cost() for unit in units]
        if sum(costs) >= POOL_MIN_COST_MS:
            done = _run_in_pool(units, costs, results, progress)
    for index, unit in enumerate(units):
        if results[index] is None:
            results[index] = _read_unit(unit)
            done += 1
            if progress is not None and progress(done, total) is False:
                raise ImportCancelled
    return results  # type: ignore[return-value]


def _worker_count() -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cpus))


def _run_in_pool(units: list[_Unit], costs: list[float], results: list,
                 progress: Progress | None) -> int:
    """Fill ``results`` from worker processes; returns how many were read. A pool that
    cannot start or breaks leaves the rest to the caller (read in this process)."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    total = len(units)
    workers = _worker_count()
    chunks = _chunks(costs, workers)
    done = 0
    try:
        pool = ProcessPoolExecutor(max_workers=workers,
                                   mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ValueError, RuntimeError, ImportError):
        return 0
    cancelled = False
    try:
        futures = {pool.submit(_read_units, [units[i] for i in chunk]): chunk
                   for chunk in chunks}
        waiting = set(futures)
        while waiting:
            finished, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    outcomes = future.result()
                except Exception:  # noqa: BLE001 - a broken pool: the caller reads the rest
                    continue
                for index, outcome in zip(futures[future], outcomes, strict=True):
                    results[index] = outcome
                    done += 1
                if progress is not None and progress(done, total) is False:
                    cancelled = True
                    raise ImportCancelled
    finally:
        pool.shutdown(wait=not cancelled, cancel_futures=True)
    return done


def _chunks(costs: list[float], workers: int) -> list[list[int]]:
    """Unit indices in chunks for the workers, the slowest first (so that no worker is
    left with a large GPX at the end while the other waits), each chunk about 1/16 of a
    worker's share and at most 16 files (fewer round trips for small FIT files)."""
    order = sorted(range(len(costs)), key=lambda i: -costs[i])
    target = sum(costs) / (workers * 16)
    chunks: list[list[int]] = []
    current: list[int] = []
    weight = 0.0
    for index in order:
        current.append(index)
        weight += costs[index]
        if weight >= target or len(current) >= 16:
            chunks.append(current)
            current, weight = [], 0.0
    if current:
        chunks.append(current)
    return chunks


def _read_units(units: list[_Unit]) -> list[_Outcome]:
    """A worker's chunk (module level: the spawned worker imports it by name)."""
    return [_read_unit(unit) for unit in units]


def _read_unit(unit: _Unit) -> _Outcome:
    """Read one file or zip member: never raises."""
    key = ""
    try:
        raw = _load(unit)
        key = hashlib.sha256(raw).hexdigest()
        data = _gunzip(raw) if raw[:2] == b"\x1f\x8b" else raw
        legs = _read_bytes(data, activity_kind_of_name(unit.member or unit.path))
    except _Refused as refused:
        if unit.fallback is not None:
            return [unit.fallback], None
        return [], (unit.shown, refused.reason, refused.values, key)
    except MemoryError:
        return [], (unit.shown, R_TOO_LARGE, {"limit": MAX_FILE_MB}, key)
    except Exception:  # noqa: BLE001 - whatever the bytes, a reason and never a traceback
        if unit.fallback is not None:
            return [unit.fallback], None
        return [], (unit.shown, R_UNEXPECTED, {}, key)
    fmt = legs[0][0]
    out = []
    for leg, (_fmt, values) in enumerate(legs):
        if unit.sport:
            values["sport"], values["sub_sport"] = unit.sport, ""
        if unit.name:
            values["name"] = unit.name
        out.append(Activity(source=unit.source, fmt=fmt, key=key, leg=leg, **values))
    return out, None


def _load(unit: _Unit) -> bytes:
    """The unit's bytes as stored (a zip member decompressed by the zip), size-capped."""
    try:
        if unit.member:
            with zipfile.ZipFile(unit.path) as zf:
                return _read_member(zf, unit.member)
        size = os.stat(unit.path).st_size
        if size > MAX_FILE_BYTES:
            raise _Refused(R_TOO_LARGE, limit=MAX_FILE_MB)
        with open(unit.path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _Refused(R_NOT_FOUND) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            EOFError, zlib.error):
        raise _Refused(R_ZIP_DAMAGED) from None
    except OSError:
        raise _Refused(R_UNREADABLE) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _Refused(R_TOO_LARGE, limit=MAX_FILE_MB)
    return raw


def _read_member(zf: zipfile.ZipFile, name: str) -> bytes:
    """A zip member's bytes, read at most up to the size limit (whatever it claims)."""
    with zf.open(name) as fh:
        raw = fh.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise _Refused(R_TOO_LARGE, limit=MAX_FILE_MB)
    return raw


def _gunzip(raw: bytes) -> bytes:
    """Decompress gzip bytes, stopping at the size limit (a "gzip bomb" is refused)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise _Refused(R_GZ_DAMAGED) from None
    if len(data) > MAX_FILE_BYTES:
        raise _Refused(R_TOO_LARGE, limit=MAX_FILE_MB)
    return data


_XML_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(gpx|TrainingCenterDatabase)[\s>/]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"),
         (b"\xfe\xff", "utf-16-be"))
"""Byte-order marks and their encodings (UTF-32 before UTF-16: FF FE starts both)."""
_XML_BLANKS = frozenset(b"<? \t\r\n")


def _read_bytes(data: bytes, hint: str | None) -> list[tuple[str, dict]]:
    """The legs in a file's (decompressed) bytes: [(fmt, Activity fields)], never empty.

    XML (GPX, TCX) is recognised in any encoding XML allows a file to announce: a
    byte-order mark (UTF-8, UTF-16, UTF-32), UTF-16 without a mark (its first "<" then
    reads as "<" and a zero byte), else the declaration's ``encoding`` (UTF-8 without
    one). The root element is looked for, and a document type refused, in the decoded
    text, so a ``<!DOCTYPE`` is never parsed whatever the encoding.
    """
    if not data:
        raise _Refused(R_EMPTY)
    if len(data) >= 12 and data[8:12] == b".FIT":
        return [("fit", leg) for leg in _read_fit(data)]
    encoding, body = _xml_encoding(data)
    width = 4 if encoding.startswith("utf-32") else 2 if encoding.startswith("utf-16") else 1
    head = body[:4096 * width].decode(encoding, errors="replace")
    match = _XML_ROOT.search(head)
    if match is None and "<" in head:
        match = _XML_ROOT.search(body[:262144 * width].decode(encoding, errors="replace"))
    if match is not None:
        fmt = "gpx" if match.group(1) == "gpx" else "tcx"
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise _Refused(R_XML_DAMAGED, format=fmt.upper()) from None
        if "<!DOCTYPE" in text or "<!ENTITY" in text:
            raise _Refused(R_XML_DOCTYPE, format=fmt.upper())
        reader = _read_gpx if fmt == "gpx" else _read_tcx
        # Strava writes blanks before ``<?xml``; a str's declared encoding is ignored by
        # both parsers (the text is decoded already)
        return [(fmt, leg) for leg in reader(text.lstrip(" \t\r\n\ufeff"))]
    if hint == "fit":
        raise _Refused(R_FIT_HEADER)
    raise _Refused(R_NOT_ACTIVITY_FILE)


def _xml_encoding(data: bytes) -> tuple[str, bytes]:
    """(encoding, bytes after any byte-order mark) of what may be an XML file.

    A declared encoding Python does not know (or that is no text encoding) is read as
    UTF-8: the parsers get text, so they do not look at the declaration again.
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, data[len(mark):]
    if len(data) >= 4:
        if data[1] == 0 and data[0] in _XML_BLANKS and data[2] != 0:
            return "utf-16-le", data  # "<\0?\0" without a mark
        if data[0] == 0 and data[1] in _XML_BLANKS and data[3] != 0:
            return "utf-16-be", data
    match = _ENCODING.match(data.lstrip(b" \t\r\n")[:200])
    if match is None:
        return "utf-8", data
    declared = match.group(1).decode("ascii").lower()
    try:
        import codecs

        name = codecs.lookup(declared).name
        b"".decode(name)  # "base64", "zlib" ... are codecs but not text encodings
    except LookupError:
        return "utf-8", data
    # a declaration readable as ASCII cannot be UTF-16 or UTF-32: the file is 8-bit
    return ("utf-8" if name.startswith(("utf-16", "utf-32")) else name), data


def _leg(sport: Any, sub_sport: Any, start: datetime, elapsed: float, moving: float,
         distance: float | None, ascent: float | None, avg_hr: float | None,
         max_hr: float | None, name: str = "") -> dict:
    """The Activity fields of one leg, checked and rounded."""
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    start = start.astimezone(UTC)
    elapsed = float(elapsed)
    moving = float(moving)
    if not (elapsed > 0 or moving > 0) or elapsed != elapsed or moving != moving:
        raise _Refused(R_NO_DURATION)
    moving = max(0.0, moving)
    elapsed = max(elapsed, moving)
    sub = normalise_sport(_enum_text(sub_sport))
    return {
        "sport": normalise_sport(_enum_text(sport)) or "generic",
        "sub_sport": "" if sub == "generic" else sub,
        "start_utc": start,
        "elapsed_s": round(elapsed, 3),
        "moving_s": round(moving, 3),
        "distance_m": _positive(distance, 2),
        "ascent_m": _positive(ascent, 1, allow_zero=True),
        "avg_hr": _positive(avg_hr, 1),
        "max_hr": _positive(max_hr, 1),
        "name": (name or "").strip(),
    }


def _enum_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value}"
    return str(value)


def _positive(value: Any, digits: int, allow_zero: bool = False) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    if number > 0 or (allow_zero and number == 0):
        return round(number, digits)
    return None


# ---- FIT ---------------------------------------------------------------------------------

_FIT_SUMMARY = frozenset({0, 12, 18, 34, 206, 207})
"""Global messages kept for the fast read: file_id, sport, session, activity,
field_description, developer_data_id."""


def _fit_frames(data: bytes, keep: frozenset[int]) -> tuple[bytes, bytes, bool]:
    """Walk a FIT file's framing (every chained FIT file in it).

    Returns:
        (kept, whole, compressed): ``kept`` is a FIT stream of the headers (data size
        patched), the definitions and data messages of the global messages in ``keep``;
        ``whole`` is every FIT file in ``data`` (without trailing bytes), each with a CRC
        footer; ``compressed`` is True when a kept data message has a compressed
        timestamp header.

    Raises:
        _Refused: not a FIT file, cut short, unfinished, or its framing is damaged.
    """
    kept: list[bytes] = []
    whole: list[bytes] = []
    compressed = False
    pos = 0
    n = len(data)
    files = 0
    while n - pos >= 12:
        hsize = data[pos]
        if hsize < 12 or data[pos + 8:pos + 12] != b".FIT":
            if files == 0:
                raise _Refused(R_FIT_HEADER)
            break  # bytes after the last chained file (padding): ignored
        body = pos + hsize
        size = int.from_bytes(data[pos + 4:pos + 8], "little")
        end = body + size
        if body > n:
            raise _Refused(R_FIT_CUT)
        if size == 0:
            if files == 0:
                raise _Refused(R_FIT_UNFINISHED if body < n else R_NO_ACTIVITY)
            break
        if end > n:
            raise _Refused(R_FIT_CUT)
        chunk, comp = _fit_walk(data, body, end, keep)
        compressed = compressed or comp
        kept.append(bytes((14,)) + data[pos + 1:pos + 4] + struct.pack("<I", len(chunk))
                    + b".FIT\x00\x00")
        kept.append(chunk)
        kept.append(b"\x00\x00")
        whole.append(data[pos:end])
        whole.append(b"\x00\x00")
        files += 1
        pos = end + 2
    if files == 0:
        raise _Refused(R_FIT_HEADER)
    return b"".join(kept), b"".join(whole), compressed


def _fit_walk(data: bytes, pos: int, end: int, keep: frozenset[int]) -> tuple[bytes, bool]:
    """The kept messages of one FIT file's data records ``data[pos:end]``."""
    sizes: list[int] = [-1] * 16
    kept_local = [False] * 16
    out: list[bytes] = []
    compressed = False
    while pos < end:
        header = data[pos]
        if header & 0x80:  # compressed timestamp header: a data message, local type 0-3
            local = (header >> 5) & 0x03
            size = sizes[local]
            if size < 0:
                raise _Refused(R_FIT_DAMAGED)
            nxt = pos + 1 + size
            if kept_local[local]:
                compressed = True
                out.append(data[pos:nxt])
            pos = nxt
        elif header & 0x40:  # definition message
            local = header & 0x0F
            fields_at = pos + 6
            if fields_at > end:
                raise _Refused(R_FIT_DAMAGED)
            count = data[pos + 5]
            nxt = fields_at + 3 * count
            if nxt > end:
                raise _Refused(R_FIT_DAMAGED)
            size = sum(data[fields_at + 1:nxt:3])
            if header & 0x20:  # developer fields follow
                if nxt >= end:
                    raise _Refused(R_FIT_DAMAGED)
                dev_at = nxt + 1
                nxt = dev_at + 3 * data[nxt]
                if nxt > end:
                    raise _Refused(R_FIT_DAMAGED)
                size += sum(data[dev_at + 1:nxt:3])
            order = "big" if data[pos + 2] == 1 else "little"
            number = int.from_bytes(data[pos + 3:pos + 5], order)
            sizes[local] = size
            kept_local[local] = number in keep
            if kept_local[local]:
                out.append(data[pos:nxt])
            pos = nxt
        else:  # normal data message
            local = header & 0x0F
            size = sizes[local]
            if size < 0:
                raise _Refused(R_FIT_DAMAGED)
            nxt = pos + 1 + size
            if kept_local[local]:
                out.append(data[pos:nxt])
            pos = nxt
    if pos != end:
        raise _Refused(R_FIT_DAMAGED)
    return b"".join(out), compressed


def _fit_messages(stream: bytes, names: frozenset[str]) -> dict[str, list[Any]]:
    """fitdecode's data messages of the given names in a FIT stream, by name."""
    import fitdecode

    found: dict[str, list[Any]] = {name: [] for name in names}
    try:
        with fitdecode.FitReader(stream, check_crc=fitdecode.CrcCheck.DISABLED,
                                 error_handling=fitdecode.ErrorHandling.IGNORE) as reader:
            for frame in reader:
                if frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name in found:
                    found[frame.name].append(frame)
    except fitdecode.FitEOFError:
        raise _Refused(R_FIT_CUT) from None
    except (fitdecode.FitError, ValueError, KeyError, IndexError, TypeError, struct.error,
            OverflowError):
        raise _Refused(R_FIT_DAMAGED) from None
    return found


def _value(message: Any, name: str) -> Any:
    """A field's decoded value; None when absent, invalid or not a single value (a damaged
    definition can make a field an array)."""
    try:
        value = message.get_value(name, fallback=None)
    except (KeyError, TypeError, ValueError):
        return None
    if isinstance(value, (tuple, list, bytes, bytearray)):
        return None
    return value


def _fit_number(message: Any, name: str) -> float | None:
    """A numeric field as a finite float, else None."""
    value = _value(message, name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _read_fit(data: bytes) -> list[dict]:
    """The legs of a FIT file: its sessions, or its records when it has no session."""
    kept, whole, compressed = _fit_frames(data, _FIT_SUMMARY)
    wanted = frozenset({"file_id", "sport", "session"})
    messages = _fit_messages(whole if compressed else kept, wanted)
    _fit_check_type(messages["file_id"])
    default_sport = _fit_default_sport(messages["sport"])
    legs = []
    usable = False
    for session in messages["session"]:
        leg = _fit_session_leg(session, default_sport)
        if leg is False:
            continue  # a transition
        if leg is not None:
            usable = True
            legs.append(leg)
    if usable:
        return legs
    if messages["session"] and not legs and all(
            _fit_is_transition(s) for s in messages["session"]):
        raise _Refused(R_NO_ACTIVITY)
    return [_fit_from_records(whole, default_sport)]


def _fit_check_type(file_ids: list[Any]) -> None:
    for file_id in file_ids:
        kind = _value(file_id, "type")
        if kind is not None and kind != "activity":
            raise _Refused(R_FIT_NOT_ACTIVITY)


def _fit_default_sport(sports: list[Any]) -> tuple[Any, Any]:
    for message in sports:
        sport = _value(message, "sport")
        if sport is not None:
            return sport, _value(message, "sub_sport")
    return None, None


def _fit_is_transition(session: Any) -> bool:
    return _value(session, "sport") == "transition"


def _fit_session_leg(session: Any, default: tuple[Any, Any]) -> dict | None | bool:
    """A session's leg; False for a transition, None when it lacks a start or times."""
    sport = _value(session, "sport")
    if sport == "transition":
        return False
    sub_sport = _value(session, "sub_sport")
    if sport is None:
        sport, sub_sport = default
    elapsed = _fit_number(session, "total_elapsed_time")
    timer = _fit_number(session, "total_timer_time")
    if elapsed is None and timer is None:
        return None
    elapsed = timer if elapsed is None else elapsed
    timer = elapsed if timer is None else timer
    start = _value(session, "start_time")
    if not isinstance(start, datetime):
        end = _value(session, "timestamp")
        if not isinstance(end, datetime):
            return None
        start = end - timedelta(seconds=float(elapsed))
    return _leg(sport, sub_sport, start, elapsed, min(timer, elapsed) if elapsed else timer,
                _fit_number(session, "total_distance"), _fit_number(session, "total_ascent"),
                _fit_number(session, "avg_heart_rate"), _fit_number(session, "max_heart_rate"))


def _fit_from_records(whole: bytes, default: tuple[Any, Any]) -> dict:
    """A leg summed up from a FIT file's records (no usable session message)."""
    messages = _fit_messages(whole, frozenset({"record", "event", "lap"}))
    times: list[datetime] = []
    distance = None
    heart: list[float] = []
    altitude: list[float] = []
    for record in messages["record"]:
        stamp = _value(record, "timestamp")
        if not isinstance(stamp, datetime):
            continue
        times.append(stamp)
        dist = _fit_number(record, "distance")
        if isinstance(dist, (int, float)) and (distance is None or dist > distance):
            distance = dist
        hr = _fit_number(record, "heart_rate")
        if isinstance(hr, (int, float)) and hr > 0:
            heart.append(hr)
        alt = _fit_number(record, "enhanced_altitude")
        if alt is None:
            alt = _fit_number(record, "altitude")
        if isinstance(alt, (int, float)):
            altitude.append(float(alt))
    if len(times) < 2:
        raise _Refused(R_NO_ACTIVITY)
    times.sort()
    start, end = times[0], times[-1]
    moving = _fit_timer_seconds(messages["event"], start, end)
    if moving is None:
        gaps = ((b - a).total_seconds() for a, b in zip(times, times[1:], strict=False))
        moving = sum(gap for gap in gaps if gap <= PAUSE_GAP_S)
    sport, sub_sport = default
    if sport is None:
        for lap in messages["lap"]:
            sport, sub_sport = _value(lap, "sport"), _value(lap, "sub_sport")
            if sport is not None:
                break
    return _leg(sport, sub_sport, start, (end - start).total_seconds(), moving, distance,
                _uphill(altitude), sum(heart) / len(heart) if heart else None,
                max(heart) if heart else None)


def _fit_timer_seconds(events: list[Any], start: datetime, end: datetime) -> float | None:
    """Seconds with the timer running, from timer start/stop events clipped to the
    records' span; None when the file has no timer events."""
    marks = []
    for event in events:
        if _value(event, "event") != "timer":
            continue
        stamp = _value(event, "timestamp")
        kind = _value(event, "event_type")
        if isinstance(stamp, datetime) and kind in ("start", "stop", "stop_all",
                                                    "stop_disable", "stop_disable_all"):
            marks.append((stamp, kind == "start"))
    if not marks:
        return None
    marks.sort(key=lambda mark: mark[0])
    running_since: datetime | None = None
    total = 0.0
    for stamp, starts in marks:
        stamp = min(max(stamp, start), end)
        if starts and running_since is None:
            running_since = stamp
        elif not starts and running_since is not None:
            total += (stamp - running_since).total_seconds()
            running_since = None
    if running_since is not None:
        total += (end - running_since).total_seconds()
    return total


def _uphill(elevations: list[float]) -> float | None:
    """Elevation gain (m) with gpxpy's smoothing (0.3/0.4/0.3 of each point and its
    neighbours); None without elevations."""
    if len(elevations) < 2:
        return None
    from gpxpy.geo import calculate_uphill_downhill

    return calculate_uphill_downhill(elevations)[0]


# ---- GPX ---------------------------------------------------------------------------------

STRAVA_GPX_TYPES = {"1": "cycling", "9": "running"}
"""Strava's GPX export (creator "StravaGPX ...") writes some sports as numbers in
``<type>``: 1 is a ride, 9 a run. Other numbers stay as they are (a key the person can map
in Preferences)."""
_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_HR_NAMES = frozenset({"hr", "heartrate", "heart_rate"})


def _read_gpx(text: str) -> list[dict]:
    """One leg per track with times (``text``: the file decoded, ``_read_bytes``)."""
    import gpxpy
    import gpxpy.gpx

    try:
        gpx = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError, TypeError, AttributeError):
        raise _Refused(R_XML_DAMAGED, format="GPX") from None
    legs = []
    points = sum(len(seg.points) for trk in gpx.tracks for seg in trk.segments)
    points += sum(len(route.points) for route in gpx.routes)
    for track in gpx.tracks:
        leg = _gpx_track_leg(gpx, track)
        if leg is not None:
            legs.append(leg)
    if legs:
        return legs
    if points:
        raise _Refused(R_GPX_NO_TIMES)
    raise _Refused(R_NO_ACTIVITY)


def _gpx_track_leg(gpx: Any, track: Any) -> dict | None:
    """A track's leg; None when its points have no times."""
    heart = []
    elevations = False
    start = end = None
    for segment in track.segments:
        for point in segment.points:
            if point.time is not None:
                point.time = _utc(point.time)  # gpxpy cannot subtract naive from aware
                start = point.time if start is None else min(start, point.time)
                end = point.time if end is None else max(end, point.time)
            if point.elevation is not None:
                elevations = True
            for ext in point.extensions:
                for element in ext.iter():
                    tag = element.tag.rsplit("}", 1)[-1].lower()
                    if tag in _HR_NAMES and element.text:
                        try:
                            value = float(element.text)
                        except ValueError:
                            continue
                        if 0 < value < 300:
                            heart.append(value)
    if start is None or end is None:
        return None
    moving_data = track.get_moving_data()
    distance = moving_data.moving_distance + moving_data.stopped_distance
    if distance > 0:
        moving = moving_data.moving_time
    else:  # never moves (indoors): the segments' times, gaps between them excluded
        moving = 0.0
        for segment in track.segments:
            seg_bounds = segment.get_time_bounds()
            if seg_bounds.start_time and seg_bounds.end_time:
                moving += (seg_bounds.end_time - seg_bounds.start_time).total_seconds()
    ascent = track.get_uphill_downhill().uphill if elevations else None
    sport = (track.type or "").strip()
    if (gpx.creator or "").startswith("StravaGPX"):
        sport = STRAVA_GPX_TYPES.get(sport, sport)
    return _leg(sport, "", start, (end - start).total_seconds(), moving,
                distance or None, ascent, sum(heart) / len(heart) if heart else None,
                max(heart) if heart else None, track.name or gpx.name or "")


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# ---- TCX ---------------------------------------------------------------------------------


def _read_tcx(text: str) -> list[dict]:
    """One leg per <Activity> (those of a <MultiSportSession> included, transitions not);
    ``text``: the file decoded (``_read_bytes``)."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(text)
    except (ET.ParseError, ValueError, LookupError):
        raise _Refused(R_XML_DAMAGED, format="TCX") from None
    ns = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    activities = [el for el in root.iter(ns + "Activity")]
    legs = []
    untimed = False
    for activity in activities:
        leg = _tcx_activity_leg(activity, ns)
        if leg is None:
            untimed = True
        else:
            legs.append(leg)
    if legs:
        return legs
    raise _Refused(R_TCX_NO_TIMES if untimed else R_NO_ACTIVITY)


def _tcx_time(text: str | None) -> datetime | None:
    if not text:
        return None
    text = text.strip()
    try:
        return _utc(datetime.fromisoformat(text))
    except ValueError:
        pass
    match = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)?$", text)
    if match is None:
        return None
    zone = match.group(3) or "Z"
    try:
        return _utc(datetime.fromisoformat(match.group(1) + ("+00:00" if zone == "Z" else zone)))
    except ValueError:
        return None


def _tcx_float(element: Any) -> float | None:
    if element is None or element.text is None:
        return None
    try:
        return float(element.text)
    except ValueError:
        return None


def _tcx_activity_leg(activity: Any, ns: str) -> dict | None:
    """An <Activity>'s leg; None when it has no times."""
    starts: list[datetime] = []
    ends: list[datetime] = []
    lap_seconds = 0.0
    have_lap_seconds = False
    lap_distance = 0.0
    have_lap_distance = False
    lap_hr: list[tuple[float, float]] = []
    lap_max: list[float] = []
    all_laps_hr = True
    point_hr: list[float] = []
    altitudes: list[float] = []
    point_distance: float | None = None
    laps = activity.findall(ns + "Lap")
    for lap in laps:
        lap_start = _tcx_time(lap.get("StartTime"))
        seconds = _tcx_float(lap.find(ns + "TotalTimeSeconds"))
        if lap_start is not None:
            starts.append(lap_start)
            if seconds is not None:
                ends.append(lap_start + timedelta(seconds=seconds))
        if seconds is not None and seconds >= 0:
            lap_seconds += seconds
            have_lap_seconds = True
        meters = _tcx_float(lap.find(ns + "DistanceMeters"))
        if meters is not None and meters >= 0:
            lap_distance += meters
            have_lap_distance = True
        avg = _tcx_float(lap.find(f"{ns}AverageHeartRateBpm/{ns}Value"))
        top = _tcx_float(lap.find(f"{ns}MaximumHeartRateBpm/{ns}Value"))
        if avg is not None and avg > 0 and seconds:
            lap_hr.append((avg, seconds))
        else:
            all_laps_hr = False
        if top is not None and top > 0:
            lap_max.append(top)
        for point in lap.iter(ns + "Trackpoint"):
            moment = _tcx_time(point.findtext(ns + "Time"))
            if moment is not None:
                starts.append(moment)
                ends.append(moment)
            value = _tcx_float(point.find(f"{ns}HeartRateBpm/{ns}Value"))
            if value is not None and value > 0:
                point_hr.append(value)
            value = _tcx_float(point.find(ns + "AltitudeMeters"))
            if value is not None:
                altitudes.append(value)
            value = _tcx_float(point.find(ns + "DistanceMeters"))
            if value is not None and (point_distance is None or value > point_distance):
                point_distance = value
    if not starts:
        first = _tcx_time(activity.findtext(ns + "Id"))
        if first is None or not have_lap_seconds:
            return None
        starts.append(first)
        ends.append(first + timedelta(seconds=lap_seconds))
    start, end = min(starts), max(ends)
    elapsed = (end - start).total_seconds()
    moving = lap_seconds if have_lap_seconds else elapsed
    if lap_hr and all_laps_hr:
        weight = sum(s for _avg, s in lap_hr)
        avg_hr = sum(a * s for a, s in lap_hr) / weight
    else:
        avg_hr = sum(point_hr) / len(point_hr) if point_hr else None
    max_candidates = lap_max + ([max(point_hr)] if point_hr else [])
    distance = lap_distance if have_lap_distance and lap_distance > 0 else point_distance
    return _leg(activity.get("Sport") or "", "", start, elapsed, moving, distance,
                _uphill(altitudes), avg_hr, max(max_candidates) if max_candidates else None)


# ---- zip (Strava bulk export, or a zip of activity files) --------------------------------


def _plan_zip(path: Path) -> tuple[list[_Unit | Activity], list[tuple[str, str, dict]]]:
    """What a zip holds, in the order of its activities.csv (or of its member names): units
    to read and the activities of Strava rows without a file; and the problems."""
    units: list[_Unit | Activity] = []
    problems: list[tuple[str, str, dict]] = []
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            by_name = {i.filename.replace("\\", "/"): i.filename for i in infos}
            sizes = {i.filename: i.file_size for i in infos}
            csv_name = _strava_csv_name(by_name)
            if csv_name is None:
                for norm, name in sorted(by_name.items()):
                    parts = norm.split("/")
                    if any(p.startswith(".") or p == "__MACOSX" for p in parts):
                        continue
                    if activity_kind_of_name(parts[-1]):
                        units.append(_Unit(str(path), name, size=zf.getinfo(name).file_size))
                if not units:
                    problems.append((str(path), R_ZIP_EMPTY, {}))
                return units, problems
            prefix = csv_name[: -len("activities.csv")]
            try:
                text = _read_member(zf, by_name[csv_name]).decode("utf-8-sig")
            except UnicodeDecodeError:
                problems.append((f"{path}: {csv_name}", R_CSV_DAMAGED, {}))
                return units, problems
    except _Refused as refused:
        problems.append((str(path), refused.reason, refused.values))
        return units, problems
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            EOFError, zlib.error, OSError, ValueError):
        problems.append((str(path), R_ZIP_DAMAGED, {}))
        return units, problems
    try:
        table = list(_strava_rows(text))
    except (csv.Error, ValueError):
        problems.append((f"{path}: {csv_name}", R_CSV_DAMAGED, {}))
        return units, problems
    for number, row in table:
        fallback = _strava_activity(path, row)
        filename = row.get("Filename", "").strip().replace("\\", "/").lstrip("./")
        member = (by_name.get(filename) or by_name.get(prefix + filename)) if filename else None
        if member is not None:
            units.append(_Unit(str(path), member, normalise_sport(row.get("Activity Type")),
                               row.get("Activity Name", "").strip(), fallback, sizes[member]))
        elif fallback is not None:
            units.append(fallback)
        else:
            problems.append((f"{path}: {csv_name}", R_CSV_ROW, {"row": number}))
    return units, problems


def _strava_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, {column: value}) of a Strava activities.csv; for a column name that
    appears more than once, the last non-empty value (the raw seconds and metres);
    "_distance_columns" says how many "Distance" columns there are."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        return
    names = [name.strip() for name in header]
    counts = {name: names.count(name) for name in names}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row: dict[str, str] = {}
        for name, cell in zip(names, cells, strict=False):
            cell = cell.strip()
            if cell or name not in row:
                row[name] = cell
        row["_distance_columns"] = str(counts.get("Distance", 0))
        yield number, row


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    start=1)}
_STRAVA_DATE = re.compile(
    r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s*([AaPp][Mm])?$")


def _strava_date(text: str) -> datetime | None:
    """Strava's "Activity Date" (UTC): "Jan 2, 2024, 7:04:05 AM" or ISO."""
    text = text.strip()
    match = _STRAVA_DATE.match(text)
    if match:
        month = _MONTHS.get(match.group(1).lower())
        if month is None:
            return None
        hour = int(match.group(4))
        half = (match.group(7) or "").lower()
        if half:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half == "pm" else 0)
        try:
            return datetime(int(match.group(3)), month, int(match.group(2)), hour,
                            int(match.group(5)), int(match.group(6) or 0), tzinfo=UTC)
        except ValueError:
            return None
    try:
        return _utc(datetime.fromisoformat(text))
    except ValueError:
        return None


def _number(text: str | None) -> float | None:
    if not text:
        return None
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _strava_activity(path: Path, row: dict[str, str]) -> Activity | None:
    """An activity from a Strava row's columns, or None when it lacks an id, a date or an
    elapsed time."""
    ident = row.get("Activity ID", "").strip()
    start = _strava_date(row.get("Activity Date", ""))
    elapsed = _number(row.get("Elapsed Time"))
    if not ident or start is None or not elapsed or elapsed <= 0:
        return None
    moving = _number(row.get("Moving Time")) or elapsed
    if row.get("_distance_columns") == "1":
        km = _number(row.get("Distance"))
        distance = km * 1000 if km is not None else None
    else:
        distance = _number(row.get("Distance"))
    try:
        values = _leg(row.get("Activity Type", ""), "", start, elapsed, min(moving, elapsed),
                      distance, _number(row.get("Elevation Gain")),
                      _number(row.get("Average Heart Rate")), _number(row.get("Max Heart Rate")),
                      row.get("Activity Name", ""))
    except _Refused:
        return None
    return Activity(source=f"{path.name}: activities.csv ({ident})", fmt="strava",
                    key=f"strava:{ident}", leg=0, **values)
