"""Writing a file so that it is either complete or absent: the one helper every writer uses.

Every file rehabjournal writes (CSV, JSON and FHIR exports, PDFs, programme files, backup
copies, a restored or encrypted journal) is written by :func:`atomic_path` (or
:func:`atomic_open` on top of it):

1. the target is checked: it is absent or a regular file (never a folder, a device such
   as ``/dev/full``, a pipe, a socket or a dangling link: those are refused, with a message
   naming the path; :func:`check_target` also checks that the folder exists, for a check
   before any work);
2. a temporary file is created beside it, in the same folder (so the rename below is atomic),
   with mode 0600 from its creation (``O_CREAT | O_EXCL``, never world-readable, not even
   for a moment), named ``.NAME.PID-TOKEN.rjpart``;
3. the caller writes it; then it is ``fsync``-ed, renamed over the target (``os.replace``)
   and the folder is ``fsync``-ed, so that after a power cut the name points at the old or
   the new file, complete;
4. on any failure (an exception, Ctrl+C) the temporary file, and SQLite's side files of it
   (``-journal``, ``-wal``, ``-shm``), are removed.

A process killed with SIGKILL cannot clean up; its temporary files keep their recognisable
name. :func:`sweep_leftovers` removes those of dead processes: the ones in the data folder
and its ``backups/``, and, through a small record kept in ``DATA_DIR/.inflight/`` while the
write runs, those written elsewhere (an export to the desktop). The app calls it at start.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import RehabJournalError, StorageError
from ..i18n import N_, _, decimal_separator

PART_MARK = ".rjpart"
"""The end of every temporary file's name (SQLite may add ``-journal`` after it)."""
INFLIGHT_DIR = ".inflight"
"""The folder in the data folder recording temporary files being written elsewhere."""
OLD_LEFTOVERS = (".journal.sqlite.restoring", ".journal.sqlite.encrypting")
"""Temporary names of earlier versions, swept too."""
_SIDE_SUFFIXES = ("", "-journal", "-wal", "-shm")
_PART_RE = re.compile(r"^\..+\.(?P<pid>\d+)-[0-9a-f]+" + re.escape(PART_MARK)
                      + r"(?:-journal|-wal|-shm)?$")

_data_dir: Path | None = None


class NoSpaceError(StorageError):
    """The disk is full (:func:`no_space_error`): known by its class, whatever the language
    of its message."""

#: The start of a refusal for each verb a writer passes as ``doing``: one whole phrase per
#: verb, so that French and German put the verb where it belongs. Another verb falls back
#: to "Cannot {doing} {path}" with ``doing`` translated (callers mark it with ``N_``).
_CANNOT: dict[str, str] = {
    "write": N_("Cannot write {path}"),
    "save": N_("Cannot save {path}"),
    "read": N_("Cannot read {path}"),
    "export to": N_("Cannot export to {path}"),
    "write the backup": N_("Cannot write the backup {path}"),
    "create the journal": N_("Cannot create the journal {path}"),
    "restore": N_("Cannot restore {path}"),
    "encrypt the journal": N_("Cannot encrypt the journal {path}"),
    "decrypt the journal": N_("Cannot decrypt the journal {path}"),
}


def cannot(doing: str, target: Path | str) -> str:
    """"Cannot write /home/a/x.csv" in the current language (the start of a refusal)."""
    phrase = _CANNOT.get(doing)
    if phrase is not None:
        return _(phrase).format(path=target)
    # Translators: {doing} is a verb phrase such as "undo" or "finish NAME".
    return _("Cannot {doing} {path}").format(doing=_(doing), path=target)


def local_decimal(text: str) -> str:
    """A number written by Python ("1.5") with the current language's decimal sign."""
    sign = decimal_separator()
    return text if sign == "." else text.replace(".", sign)


def use_data_dir(data_dir: Path | None) -> None:
    """Record temporary files written outside ``data_dir`` in ``data_dir/.inflight/`` from
    now on (None: stop recording). ``session.open_journal`` calls it."""
    global _data_dir
    _data_dir = Path(data_dir).absolute() if data_dir is not None else None


def is_private(path: Path) -> bool:
    """True when ``path`` is readable and writable by its owner only (always on Windows)."""
    if os.name != "posix":
        return True
    return stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0


def check_target(target: Path, doing: str = "write") -> Path:
    """``target`` as an absolute path when a file may be written there.

    A link to a regular file is accepted (the write replaces the link by the new file);
    anything else that exists is refused, so that a device such as ``/dev/full`` or
    ``/dev/null`` is never replaced by a file.

    Args:
        target: the file to write.
        doing: the verb of the message ("write", "export to", "save").

    Raises:
        StorageError: its folder does not exist, or it exists and is not a regular file (a
            folder, a device, a pipe, a socket, or a link to one, or a link to nothing);
            e.g. "Cannot export to /dev/full: it is a device, not a regular file; give a
            file name." ``where`` is the path.
    """
    target = Path(target).absolute()
    if not target.parent.is_dir():
        # Translators: {action} is "Cannot write PATH" (or another verb).
        raise StorageError(_("{action}: the folder {folder} does not exist.").format(
            action=cannot(doing, target), folder=target.parent), where=str(target))
    return check_kind(target, doing)


def check_kind(target: Path, doing: str = "write", *, internal: bool = False) -> Path:
    """``target`` as an absolute path unless it exists and is not a regular file (or a link
    to one): the part of :func:`check_target` that writers run before they read the
    journal, and :func:`atomic_path` again just before the rename. A missing folder is
    not checked here (creating the temporary file then fails: "Cannot write PATH: No such
    file or directory.").

    Args:
        internal: the app's own write of its journal or a backup copy (``backups.py``,
            ``db.py``); any other writer is refused the journal's files (see
            :func:`_refuse_journal_files`).

    Raises:
        StorageError: as :func:`check_target`, the folder aside.
    """
    target = Path(target).absolute()
    if not internal:
        _refuse_journal_files(target, doing)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        if os.path.islink(target):
            raise StorageError(
                _("{action}: it is a link to a file that does not exist; give another "
                  "name.").format(action=cannot(doing, target)),
                where=str(target)) from None
        return target
    except OSError as exc:
        raise StorageError(_("{action}: {reason}.").format(
            action=cannot(doing, target), reason=exc.strerror or exc),
            where=str(target)) from exc
    if stat.S_ISDIR(mode):
        raise StorageError(_("{action}: it is a folder; give a file name.").format(
            action=cannot(doing, target)), where=str(target))
    if not stat.S_ISREG(mode):
        raise StorageError(_("{action}: it is {kind}, not a regular file; give a file "
                             "name.").format(action=cannot(doing, target), kind=_kind(mode)),
                           where=str(target))
    return target


JOURNAL_FILES = ("journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm",
                 "journal.sqlite-journal", "journal.lock")
"""The data folder's own files, which no export, report or copy may be written over."""


def _refuse_journal_files(target: Path, doing: str) -> None:
    """Refuse an export, report or copy aimed at the open journal's own files (the journal,
    its ``-wal``/``-shm``, the lock) or into its ``backups`` folder, by path or through a
    link: writing a CSV over the journal while the app has it open loses every later save.

    Raises:
        StorageError: "Cannot export to PATH: it is the journal's own file journal.sqlite;
            choose another name." or "...: it is in the journal's backups folder ...".
    """
    if _data_dir is None:
        return
    real = Path(os.path.realpath(target))
    data = Path(os.path.realpath(_data_dir))
    for name in JOURNAL_FILES:
        own = data / name
        same = real == own
        if not same:
            with contextlib.suppress(OSError):
                same = os.path.samefile(target, own)
        if same:
            raise StorageError(_("{action}: it is the journal's own file {name}; choose "
                                 "another name.").format(action=cannot(doing, target),
                                                         name=name), where=str(target))
    if real.parent == data / "backups":
        raise StorageError(_("{action}: it is in the journal's backups folder, which holds "
                             "only its copies; choose another folder.").format(
                                 action=cannot(doing, target)), where=str(target))


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISFIFO(mode):
        return _("a pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("a special file")


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{PART_MARK}")


def _remove_with_sides(tmp: Path) -> None:
    for suffix in _SIDE_SUFFIXES:
        with contextlib.suppress(OSError):
            os.unlink(f"{tmp}{suffix}")


def fsync_dir(folder: Path) -> None:
    """``fsync`` a folder so that a rename in it survives a power cut (POSIX; no-op else)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """``fsync`` a file's content to the disk."""
    fd = os.open(path, os.O_RDONLY if os.name == "posix" else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _inflight_record(tmp: Path) -> Path | None:
    """Note ``tmp`` in the data folder when it is written outside it; the record's path."""
    if _data_dir is None:
        return None
    try:
        tmp.relative_to(_data_dir)
        return None  # the sweep looks in the data folder itself
    except ValueError:
        pass
    folder = _data_dir / INFLIGHT_DIR
    record = folder / f"{tmp.name}.path"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(record, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(str(tmp))
        return record
    except OSError:  # a record is a courtesy; the write itself must not fail for it
        with contextlib.suppress(OSError):
            record.unlink()  # an empty one (disk full) would never be swept
        with contextlib.suppress(OSError):
            folder.rmdir()
        return None


@contextmanager
def atomic_path(target: Path, *, doing: str = "write", what: str | None = None,
                needed: int | None = None, internal: bool = False) -> Iterator[Path]:
    """Yield the path of an empty temporary file (mode 0600) that becomes ``target``.

    For writers that need a file name (SQLite's backup API, reportlab, SQLCipher's
    ``ATTACH``). When the block ends normally the file is fsync-ed and renamed over
    ``target``; when it raises (Ctrl+C included), the file is removed and the exception
    goes on.

    Args:
        target: the file to write.
        doing: the verb of the messages ("write", "export to", "save").
        what: what is written ("the export", "the report"). When given, a full disk
            (``ENOSPC``, SQLite's "disk is full") is raised as :func:`no_space_error`
            instead of the raw error.
        needed: about how many bytes the file needs, for that message (None: the size the
            temporary file had reached).
        internal: the app's own write of its journal or a backup copy; every other write
            is refused the journal's own files and its backups folder.

    Raises:
        StorageError: ``target`` is not a file (see :func:`check_kind`), the temporary
            file cannot be made ("Cannot write PATH: No such file or directory." for a
            missing folder; a read-only folder), or (with ``what``) the disk is full.
    """
    target = check_kind(target, doing, internal=internal)
    tmp = _temp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                     0o600)
        os.close(fd)
    except OSError as exc:
        _remove_with_sides(tmp)
        if what is not None and is_no_space(exc):
            raise no_space_error(target.parent, what, needed) from exc
        raise StorageError(_("{action}: {reason}.").format(
            action=cannot(doing, target), reason=exc.strerror or exc),
            where=str(target)) from exc
    record = _inflight_record(tmp)
    try:
        yield tmp
        if os.name == "posix":
            os.chmod(tmp, 0o600)  # a writer that replaced the file keeps it private too
        fsync_file(tmp)
        # not turned into a device or folder meanwhile
        check_kind(target, doing, internal=internal)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException as exc:
        reached = _size(tmp)
        _remove_with_sides(tmp)
        if (what is not None and isinstance(exc, Exception)
                and not isinstance(exc, RehabJournalError) and is_no_space(exc)):
            raise no_space_error(target.parent, what, needed or reached) from exc
        raise
    finally:
        for suffix in _SIDE_SUFFIXES[1:]:
            with contextlib.suppress(OSError):
                os.unlink(f"{tmp}{suffix}")
        if record is not None:
            with contextlib.suppress(OSError):
                record.unlink()
            with contextlib.suppress(OSError):
                record.parent.rmdir()  # only when no other write is recorded there


def _size(path: Path) -> int | None:
    try:
        return os.stat(path).st_size or None
    except OSError:
        return None


class _CountingFile:
    """A file object that counts what is written and, once the disk is full, goes on
    counting without writing, so that the message can say how much the whole file needs."""

    def __init__(self, fh: IO[Any], text: bool, encoding: str | None):
        self._fh, self._text, self._encoding = fh, text, encoding or "utf-8"
        self.written = 0
        self.full: OSError | None = None

    def write(self, data: Any) -> int:
        size = (len(data.encode(self._encoding, "replace")) if self._text else len(data))
        self.written += size
        if self.full is None:
            try:
                self._fh.write(data)
            except OSError as exc:
                if not is_no_space(exc):
                    raise
                self.full = exc
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


@contextmanager
def atomic_open(target: Path, mode: str = "w", *, doing: str = "write",
                what: str | None = None, **open_kwargs: Any) -> Iterator[IO[Any]]:
    """Like :func:`atomic_path`, yielding the temporary file opened with ``mode`` ("w" or
    "wb") and ``open_kwargs`` (encoding, newline); it is closed before the rename.

    With ``what``, a full disk does not stop the writer: what it writes is counted (not
    written) to the end, and the no-space message says how much the whole file needs.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes a new file: mode 'w' or 'wb', not {mode!r}")
    if what is None:
        with atomic_path(target, doing=doing) as tmp, open(tmp, mode, **open_kwargs) as fh:
            yield fh
            fh.flush()
        return
    counted: _CountingFile | None = None
    try:
        with atomic_path(target, doing=doing, what=what) as tmp, \
                contextlib.ExitStack() as on_failure:
            fh = on_failure.enter_context(open(tmp, mode, **open_kwargs))
            on_failure.callback(_close_quietly, fh)  # runs first: a buffer the disk refused
            counted = _CountingFile(fh, "b" not in mode, open_kwargs.get("encoding"))
            yield counted  # type: ignore[misc]
            if counted.full is not None:
                raise counted.full
            on_failure.pop_all()
            fh.close()  # flushes: a full disk here is told too
    except StorageError as exc:
        if counted is not None and counted.written and is_no_space(exc):
            raise no_space_error(Path(target).absolute().parent, what,
                                 counted.written) from exc.__cause__
        raise


def _close_quietly(fh: IO[Any]) -> None:
    with contextlib.suppress(OSError):
        fh.close()


def write_bytes(target: Path, data: bytes, *, doing: str = "write",
                what: str | None = None) -> Path:
    """Write ``data`` to ``target`` atomically (mode 0600); returns the absolute path.

    With ``what`` a full disk raises :func:`no_space_error` (``needed``: ``len(data)``)."""
    with atomic_path(target, doing=doing, what=what, needed=len(data) or None) as tmp, \
            open(tmp, "wb") as fh:
        fh.write(data)
    return Path(target).absolute()


def write_text(target: Path, text: str, *, encoding: str = "utf-8", newline: str | None = None,
               doing: str = "write", what: str | None = None) -> Path:
    """Write ``text`` to ``target`` atomically (mode 0600); returns the absolute path."""
    with atomic_open(target, "w", doing=doing, what=what, encoding=encoding,
                     newline=newline) as fh:
        fh.write(text)
    return Path(target).absolute()


def copy_file(source: Path, target: Path, *, doing: str = "save",
              what: str | None = None) -> Path:
    """Copy ``source`` to ``target`` atomically (mode 0600); returns the absolute path.

    With ``what`` a full disk raises :func:`no_space_error` (``needed``: the source's size).
    """
    with atomic_path(target, doing=doing, what=what, needed=_size(Path(source))) as tmp:
        shutil.copyfile(source, tmp)
    return Path(target).absolute()


def is_no_space(exc: BaseException) -> bool:
    """True for "no space left on device" (``ENOSPC``, ``EDQUOT``, SQLite's "database or
    disk is full"), also behind the exceptions it caused."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        if isinstance(current, NoSpaceError):
            return True
        if isinstance(current, OSError) and current.errno in (
                errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return True
        if "disk is full" in str(current).lower() or "no space left" in str(current).lower():
            return True
        current = current.__cause__ or current.__context__
    return False


def no_space_error(folder: Path, what: str, needed: int | None = None) -> NoSpaceError:
    """The message for a full disk, e.g. "No space left on device in /home/a/backups: the
    backup needs about 3 MB; free some space and try again. Nothing was changed."

    Args:
        folder: where the write was going.
        what: what was being written ("the backup", "the export"): English, marked with
            ``N_`` by the caller; translated here.
        needed: about how many bytes it needs, when known.
    """
    if needed:
        # Translators: {what} is a noun phrase such as "the backup" (the subject).
        text = _("No space left on device in {folder}: {what} needs about {size}; free some "
                 "space and try again. Nothing was changed.").format(
                     folder=folder, what=_(what), size=_megabytes(needed))
    else:
        text = _("No space left on device in {folder}: {what} could not be written; free "
                 "some space and try again. Nothing was changed.").format(
                     folder=folder, what=_(what))
    return NoSpaceError(text, where=str(folder))


def _megabytes(n: int) -> str:
    mb = max(n / 1_000_000, 0.1)  # never "0.0 MB"
    return local_decimal(f"{mb:.1f} MB" if mb < 10 else f"{mb:.0f} MB")


def ensure_space(folder: Path, needed: int, what: str) -> None:
    """Raise the no-space :class:`StorageError` when ``folder``'s disk has less than
    ``needed`` bytes (plus 64 KB for SQLite's side files) free; no-op when unknown."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + 65536:
        raise no_space_error(folder, what, needed)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell cheaply: keep it (the next start tries again)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _leftover(path: Path) -> bool:
    """True for a temporary file of a dead process (or an earlier version's name)."""
    if path.name in OLD_LEFTOVERS or any(path.name == n + s for n in OLD_LEFTOVERS
                                         for s in _SIDE_SUFFIXES):
        return True
    match = _PART_RE.match(path.name)
    return bool(match) and not _pid_alive(int(match["pid"]))


def sweep_leftovers(data_dir: Path) -> list[Path]:
    """Remove temporary files that interrupted writes left behind; returns what was removed.

    Looks in ``data_dir``, its ``backups/``, and at the files recorded in
    ``data_dir/.inflight/``. Only files named like this module's temporary files, of
    processes that are no longer running, are removed; never anything else.
    """
    data_dir = Path(data_dir).absolute()
    removed: list[Path] = []
    candidates: list[Path] = []
    for folder in (data_dir, data_dir / "backups"):
        with contextlib.suppress(OSError):
            candidates += [p for p in folder.iterdir() if p.name.startswith(".")]
    records = data_dir / INFLIGHT_DIR
    record_files: list[Path] = []
    with contextlib.suppress(OSError):
        record_files = [p for p in records.iterdir() if p.name.endswith(".path")]
    for record in record_files:
        own = _PART_RE.match(record.name[: -len(".path")])  # the record is named after it
        if own is None or _pid_alive(int(own["pid"])):
            continue
        try:
            tmp = Path(record.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            tmp = None
        if tmp is not None and tmp.name == record.name[: -len(".path")]:
            candidates += [Path(f"{tmp}{s}") for s in _SIDE_SUFFIXES]
        with contextlib.suppress(OSError):
            record.unlink()  # also an empty or unreadable one: its writer is gone
    with contextlib.suppress(OSError):
        records.rmdir()  # only when no write is recorded there any more
    for path in candidates:
        if not _leftover(path):
            continue
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                continue
            os.unlink(path)
            removed.append(path)
        except OSError:
            continue
    return removed
