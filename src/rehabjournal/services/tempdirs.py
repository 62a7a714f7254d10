"""Private temporary folders outside the data folder, and their removal after a crash.

Two things live in the system's temporary folder (``tempfile.gettempdir()``): the report
PDFs made for "Open in viewer" / printing (full health reports) and the throwaway ``--demo``
data folders. Each is named after the process that made it,
``rehabjournal-KIND-PID-XXXXXXXX`` (mode 0700), and removed by that process when it ends
normally. A process killed (SIGKILL, a power cut) cannot remove its folder, so every app
start and every ``--demo`` run calls :func:`sweep`, which removes the folders of processes
that are no longer running.

Only pure standard library: the report page and the demo make their folders here.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path

KINDS = ("report", "demo")
OLD_AGE = 24 * 3600
"""Seconds after which a folder of an older version (named without a pid) is removed."""

# tempfile.mkdtemp's random part: 8 of "abcdefghijklmnopqrstuvwxyz0123456789_"
_NEW = re.compile(r"^rehabjournal-(?:report|demo)-(?P<pid>[0-9]{1,10})-[a-z0-9_]{8}$")
_OLD = re.compile(r"^rehabjournal-(?:report|demo)-[a-z0-9_]{8}$")


def prefix(kind: str) -> str:
    """The name start of this process's folders of ``kind``: "rehabjournal-demo-1234-"."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of temporary folder {kind!r}")
    return f"rehabjournal-{kind}-{os.getpid()}-"


def make(kind: str) -> Path:
    """Make a private (0700) temporary folder for ``kind`` ("report" or "demo").

    Returns:
        ``TMP/rehabjournal-KIND-PID-XXXXXXXX``; the caller removes it when done.

    Raises:
        OSError: the temporary folder cannot be written.
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix(kind)))  # mkdtemp makes it 0700
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    return folder


def is_ours(folder: Path) -> bool:
    """True when ``folder`` is named like a folder :func:`make` made (any process), and
    lies directly in the temporary folder."""
    folder = Path(folder)
    return (folder.parent == Path(tempfile.gettempdir())
            and bool(_NEW.match(folder.name) or _OLD.match(folder.name)))


def _alive(pid: int) -> bool:
    """True when process ``pid`` runs (or cannot be told: then its folder is kept)."""
    if pid == os.getpid():
        return True
    if os.name != "posix" or pid <= 0:
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether it exists
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


def sweep(now: float | None = None) -> list[Path]:
    """Remove the temporary folders of rehabjournal processes that are no longer running.

    Looks only directly in ``tempfile.gettempdir()``, only at folders (never through a
    link) owned by this user and named exactly ``rehabjournal-report-PID-XXXXXXXX`` or
    ``rehabjournal-demo-PID-XXXXXXXX`` whose PID is not running; folders named like an
    older version's (``rehabjournal-demo-XXXXXXXX``, no pid) are removed when not modified
    for a day. Never raises: what cannot be removed is left for the next start.

    Args:
        now: the time (``time.time()`` when None), for the age of older folders.

    Returns:
        The folders removed.
    """
    now = time.time() if now is None else now
    base = Path(tempfile.gettempdir())
    removed: list[Path] = []
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    uid = os.getuid() if hasattr(os, "getuid") else None
    for entry in entries:
        new, old = _NEW.match(entry.name), _OLD.match(entry.name)
        if not (new or old):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(st.st_mode) or (uid is not None and st.st_uid != uid):
            continue  # a link, a file, or another user's: never touched
        if new and _alive(int(new["pid"])):
            continue
        if old and now - st.st_mtime < OLD_AGE:
            continue
        path = base / entry.name
        shutil.rmtree(path, ignore_errors=True)  # does not follow links inside
        if not os.path.lexists(path):
            removed.append(path)
    return removed
