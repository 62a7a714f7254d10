"""The one lock on a data folder: the app and every command that writes the journal take it.

The lock is an operating-system lock on ``DATA_DIR/journal.lock`` (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows). The system drops it when its holder ends, however it ends
(a crash, SIGKILL, a power cut), so a lock is never left behind. After taking it the holder
writes who it is into the file (process id, host name and what it is: "the rehabjournal
app", "rehabjournal import"), so that a refused process can say who has the journal.

The file is mode 0600 (an existing one is made 0600 too): the host name and process id are
nobody else's business.

Why not ``filelock`` (py-filelock): it opens the lock file with ``O_TRUNC`` on every attempt,
so each refused attempt would erase the holder's details and nobody could be named. Why not
Qt's ``QLockFile`` (what the app used before): the command line must not import Qt, and a lock
the commands cannot see is no lock for them. ``flock`` locks an open file description, not a
process's file: unlike SQLite's ``fcntl`` locks it is not dropped when another descriptor of
the file is closed (see ``db.holds``).

On Windows ``msvcrt.locking`` locks bytes, and locked bytes cannot be read by others; the
lock is therefore taken on one byte far beyond the holder's details (``_LOCK_OFFSET``).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import JournalBusyError, StorageError
from ..i18n import _

LOCK_NAME = "journal.lock"
APP = "the rehabjournal app"
"""The ``what`` of the app's lock; a command's is "rehabjournal COMMAND"."""
_LOCK_OFFSET = 1 << 20  # Windows: the locked byte, beyond the holder's details

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


@dataclass(frozen=True)
class Holder:
    """Who holds a journal's lock.

    Attributes:
        pid: the holder's process id.
        host: the host name of the computer it runs on.
        what: "the rehabjournal app" or "rehabjournal import" ...
    """

    pid: int
    host: str
    what: str

    def describe(self) -> str:
        """E.g. "the rehabjournal app (process 123 on laptop)", in the current language
        (``what`` is written in the lock file in English: the app's, or the command's name)."""
        if self.is_app:
            return _("the rehabjournal app (process {pid} on {host})").format(pid=self.pid,
                                                                              host=self.host)
        return _("{what} (process {pid} on {host})").format(what=self.what, pid=self.pid,
                                                            host=self.host)

    @property
    def is_app(self) -> bool:
        return self.what == APP


class LockHeldError(JournalBusyError):
    """Another process holds the journal's lock.

    Attributes:
        data_dir: the data folder.
        holder: who holds it, or None when it could not be read.
    """

    def __init__(self, message: str, data_dir: Path, holder: Holder | None):
        super().__init__(message, where=str(data_dir))
        self.data_dir, self.holder = data_dir, holder


def held_message(data_dir: Path, holder: Holder | None) -> str:
    """The message for a command refused because ``holder`` has the journal."""
    if holder is None:
        return _("The journal in {folder} is in use by another rehabjournal process. Close it, "
                 "then run the command again. Nothing was changed.").format(folder=data_dir)
    if holder.is_app:
        return _("The journal in {folder} is in use by {who}. Close it, then run the command "
                 "again. Nothing was changed.").format(folder=data_dir, who=holder.describe())
    return _("The journal in {folder} is in use by {who}. Wait for it to finish, then run the "
             "command again. Nothing was changed.").format(folder=data_dir,
                                                           who=holder.describe())


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOCK_NAME


class JournalLock:
    """A held lock on a data folder; ``release()`` (or ``unlock()``) gives it back.

    Use :func:`acquire` to take one. Also a context manager.
    """

    def __init__(self, path: Path, fd: int, what: str):
        self.path, self._fd, self.what = path, fd, what

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the lock back (no error when it was already released)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # nobody holds it now
        try:
            if os.name == "nt":  # pragma: no cover
                os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
                with contextlib.suppress(OSError):
                    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                with contextlib.suppress(OSError):
                    fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    unlock = release  # the name QLockFile had, which the app's callers use

    def __enter__(self) -> JournalLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def __del__(self) -> None:  # a lost lock object must not keep the journal locked
        with contextlib.suppress(Exception):
            self.release()


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _open_lock_file(data_dir: Path) -> int:
    """The lock file's descriptor (created 0600, never truncated; an existing one chmod-ed).

    A link is never followed (``O_NOFOLLOW``) and anything but a regular file is refused:
    locking empties the file and makes it 0600, which must never happen to a file a link
    points at (the journal itself, or any file of the user's).

    Raises:
        StorageError: the folder is read-only or not accessible, or ``journal.lock`` is a
            link, a folder or another special file.
    """
    path = lock_path(data_dir)
    flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
             | getattr(os, "O_NOFOLLOW", 0))
    with contextlib.suppress(OSError):
        mode = os.lstat(path).st_mode
        if not stat.S_ISREG(mode):
            what = (_("a link") if stat.S_ISLNK(mode) else _("a folder")
                    if stat.S_ISDIR(mode) else _("a special file"))
            raise StorageError(
                _("Cannot lock the journal in {folder}: {name} there is {kind}, not "
                  "rehabjournal's lock file. Remove it (rehabjournal makes a new one), then "
                  "try again.").format(folder=data_dir, name=path.name, kind=what),
                where=str(path))
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        raise StorageError(
            _("Cannot lock the journal in {folder}: the folder is read-only or not accessible "
              "({reason}). Choose another folder with --data-dir.").format(
                  folder=data_dir, reason=exc.strerror or exc),
            where=str(data_dir)) from exc
    if os.name == "posix":
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the check and the open
            os.close(fd)
            raise StorageError(_("Cannot lock the journal in {folder}: {name} there is not a "
                                 "regular file. Remove it, then try again.").format(
                                     folder=data_dir, name=path.name), where=str(path))
        with contextlib.suppress(OSError):  # one made by an earlier version was 0644
            os.fchmod(fd, 0o600)
    return fd


def _write_holder(fd: int, what: str) -> None:
    info = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "what": what})
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, info.encode("utf-8") + b"\n")


def read_holder(data_dir: Path, *, wait: float = 0.5) -> Holder | None:
    """Who holds the lock of ``data_dir``, from the lock file; None when unknown.

    Args:
        wait: seconds to wait for the details when the file is still empty (the holder
            writes them just after taking the lock).
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            with open(lock_path(data_dir), "rb") as fh:
                text = fh.read(4096).decode("utf-8", "replace")
            info = json.loads(text)
            return Holder(int(info["pid"]), str(info["host"]), str(info["what"]))
        except (OSError, ValueError, KeyError, TypeError):
            pass
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.02)


def acquire(data_dir: Path, what: str) -> JournalLock:
    """Take the lock of ``data_dir`` without waiting; the folder must exist.

    Args:
        data_dir: the data folder.
        what: what takes it, as the refused one will name it: ``APP`` or
            "rehabjournal import".

    Returns:
        The held lock.

    Raises:
        LockHeldError: another process holds it (``holder`` names it when known).
        StorageError: the lock file cannot be made (read-only or inaccessible folder).
    """
    data_dir = Path(data_dir)
    fd = _open_lock_file(data_dir)
    try:
        locked = _try_lock(fd)
    except OSError as exc:
        os.close(fd)
        raise StorageError(_("Cannot lock the journal in {folder}: {reason}.").format(
            folder=data_dir, reason=exc.strerror or exc), where=str(data_dir)) from exc
    if not locked:
        os.close(fd)
        holder = read_holder(data_dir)
        raise LockHeldError(held_message(data_dir, holder), data_dir, holder)
    lock = JournalLock(lock_path(data_dir), fd, what)
    with contextlib.suppress(OSError):  # the details are a courtesy; the lock is what counts
        _write_holder(fd, what)
    return lock
