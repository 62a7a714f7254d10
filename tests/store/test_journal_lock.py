"""The journal lock (store/journal_lock.py): one holder at a time, named to the refused one,
mode 0600, gone with its holder however it ends."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap

import pytest

from rehabjournal.errors import EXIT_BUSY, JournalBusyError, StorageError
from rehabjournal.store import journal_lock
from rehabjournal.store.journal_lock import APP, LockHeldError, acquire


def _holder_process(data_dir, what="rehabjournal import"):
    """A second process that takes the lock, says READY and sleeps until killed."""
    code = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from rehabjournal.store.journal_lock import acquire
        lock = acquire(Path({str(data_dir)!r}), {what!r})
        print("READY", flush=True)
        time.sleep(120)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "READY"
    return proc


def _end(proc):
    proc.kill()
    proc.wait()
    proc.stdout.close()


def test_the_lock_file_is_0600_and_names_its_holder(tmp_path):
    lock = acquire(tmp_path, APP)
    try:
        path = tmp_path / "journal.lock"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        info = json.loads(path.read_text("utf-8"))
        assert info == {"pid": os.getpid(), "host": socket.gethostname(),
                        "what": "the rehabjournal app"}
    finally:
        lock.release()
    assert (tmp_path / "journal.lock").read_bytes() == b""  # nobody holds it now


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_old_world_readable_lock_file_is_made_0600(tmp_path):
    path = tmp_path / "journal.lock"
    path.write_text("12345\nhost\nrehabjournal\n")  # QLockFile's, mode 0644
    path.chmod(0o644)
    with acquire(tmp_path, APP):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_second_process_is_refused_and_told_who_holds_it(tmp_path):
    proc = _holder_process(tmp_path)
    try:
        with pytest.raises(LockHeldError) as caught:
            acquire(tmp_path, APP)
        exc = caught.value
        assert isinstance(exc, JournalBusyError) and exc.exit_code == EXIT_BUSY == 5
        assert exc.holder.pid == proc.pid and exc.holder.what == "rehabjournal import"
        assert str(exc) == (
            f"The journal in {tmp_path} is in use by rehabjournal import (process {proc.pid} "
            f"on {socket.gethostname()}). Wait for it to finish, then run the command again. "
            "Nothing was changed.")
        # a refused attempt leaves the holder's details as they were (py-filelock would
        # have truncated them: the reason it is not used)
        assert json.loads((tmp_path / "journal.lock").read_text())["pid"] == proc.pid
    finally:
        _end(proc)


def test_the_app_as_holder_is_asked_to_be_closed(tmp_path):
    proc = _holder_process(tmp_path, APP)
    try:
        with pytest.raises(LockHeldError, match=r"in use by the rehabjournal app \(process "
                           rf"{proc.pid} on .+\)\. Close it, then run the command again\. "
                           "Nothing was changed."):
            acquire(tmp_path, "rehabjournal import")
    finally:
        _end(proc)


def test_in_one_process_a_second_acquire_is_refused_too_and_release_frees_it(tmp_path):
    first = acquire(tmp_path, APP)
    with pytest.raises(LockHeldError):
        acquire(tmp_path, "rehabjournal export")
    first.unlock()  # the name the app's callers use
    first.release()  # twice is harmless
    acquire(tmp_path, "rehabjournal export").release()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_holder_leaves_no_lock_behind(tmp_path):
    proc = _holder_process(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    _end(proc)
    with acquire(tmp_path, APP) as lock:
        assert lock.held
        assert json.loads((tmp_path / "journal.lock").read_text())["pid"] == os.getpid()


def test_unreadable_holder_details_still_refuse(tmp_path, monkeypatch):
    proc = _holder_process(tmp_path)
    try:
        monkeypatch.setattr(journal_lock, "read_holder", lambda _d, **_k: None)
        with pytest.raises(LockHeldError, match="in use by another rehabjournal process. "
                           "Close it"):
            acquire(tmp_path, "rehabjournal import")
    finally:
        _end(proc)


def test_a_folder_where_no_lock_can_be_made_is_explained(tmp_path):
    missing = tmp_path / "file"
    missing.write_text("x")  # a file where the folder should be
    with pytest.raises(StorageError, match=r"Cannot lock the journal in .*: the folder is "
                       "read-only or not accessible"):
        acquire(missing, APP)


def test_the_command_line_does_not_import_qt_for_the_lock(tmp_path):
    code = (f"import sys; from pathlib import Path; from rehabjournal.services import session;"
            f"session.lock_journal(Path({str(tmp_path)!r}), 'x').release();"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'peewee'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and modes are POSIX")
@pytest.mark.parametrize("points_at", ["a file of the user's", "the journal"])
def test_a_lock_file_that_is_a_link_is_refused_and_what_it_points_at_is_untouched(
        tmp_path, points_at):
    """Locking empties the lock file and makes it 0600: through a link it emptied the file
    the link pointed at (a review found a user's file at 0 bytes)."""
    data = tmp_path / "data"
    data.mkdir()
    victim = (tmp_path / "notes.txt") if points_at != "the journal" else data / "journal.sqlite"
    victim.write_bytes(b"precious")
    os.chmod(victim, 0o644)
    os.symlink(victim, data / journal_lock.LOCK_NAME)
    with pytest.raises(StorageError) as err:
        acquire(data, APP)
    assert str(err.value) == (
        f"Cannot lock the journal in {data}: journal.lock there is a link, not rehabjournal's "
        "lock file. Remove it (rehabjournal makes a new one), then try again.")
    assert victim.read_bytes() == b"precious"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644


def test_a_lock_file_that_is_a_folder_is_named_as_such(tmp_path):
    (tmp_path / journal_lock.LOCK_NAME).mkdir()
    with pytest.raises(StorageError, match="journal.lock there is a folder, not rehabjournal's "
                                           "lock file. Remove it"):
        acquire(tmp_path, APP)
