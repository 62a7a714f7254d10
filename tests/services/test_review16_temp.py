"""Review of issue 16: the report PDFs and ``--demo`` folders made in the system's temporary
folder do not survive a crash. Each is named after its process; the next start (or the next
``--demo``) removes those of processes that are no longer running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest

from rehabjournal.services import tempdirs

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and pids: POSIX only")


@pytest.fixture
def tmp(tmp_path, monkeypatch):
    """The temporary folder of this test (``tempfile.gettempdir()``), also for children."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    return tmp_path


def _killed_child(tmp, code: str) -> tuple[list[str], int]:
    """Run ``code`` (which prints one folder per line, then "READY") in a child process,
    SIGKILL it once ready; returns the lines it printed and its pid."""
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code) + "\nprint('READY', flush=True)\n"
         "import time\ntime.sleep(120)\n"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(tmp),
                                                "QT_QPA_PLATFORM": "offscreen"})
    lines = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = child.stdout.readline().strip()
        if line == "READY" or not line and child.poll() is not None:
            break
        lines.append(line)
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return lines, child.pid


def test_a_killed_demo_and_report_leave_folders_the_next_start_removes(tmp):
    made, _pid = _killed_child(tmp, """
        import os
        from rehabjournal.services.demo import make_demo_dir
        from rehabjournal.ui.app import application
        from rehabjournal.ui.context import AppContext
        from rehabjournal.ui.pages.reports import ReportsPage
        application()
        folder = make_demo_dir(seed=3)
        page = ReportsPage(AppContext(folder))
        print(folder, flush=True)
        print(page._tmpdir, flush=True)
        with open(os.path.join(page._tmpdir, "report-1.pdf"), "wb") as fh:
            fh.write(b"%PDF-1.4 a full health report")
    """)
    assert len(made) == 2, made
    demo, report = (os.path.basename(p) for p in made)
    assert sorted(os.listdir(tmp)) == sorted([demo, report])  # left by the killed process
    assert demo.startswith("rehabjournal-demo-") and report.startswith("rehabjournal-report-")
    for name in (demo, report):
        assert (tmp / name).stat().st_mode & 0o777 == 0o700
        assert tempdirs._NEW.match(name), name  # named after the killed process's pid
    removed = tempdirs.sweep()
    assert sorted(p.name for p in removed) == sorted([demo, report])
    assert os.listdir(tmp) == []


def test_the_sweep_keeps_what_is_not_a_dead_processs_folder(tmp):
    mine = tempdirs.make("report")  # this process: running
    assert mine.name.startswith(f"rehabjournal-report-{os.getpid()}-")
    printed, child_pid = _killed_child(tmp, "print('started', flush=True)")
    assert printed == ["started"]  # child_pid: a pid that no longer runs
    gone = tmp / f"rehabjournal-demo-{child_pid}-abcd1234"
    gone.mkdir()
    (gone / "journal.sqlite").write_bytes(b"demo")
    target = tmp / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    link = tmp / f"rehabjournal-demo-{child_pid}-link0000"
    link.symlink_to(target)  # a link named like one: never followed nor removed
    a_file = tmp / f"rehabjournal-report-{child_pid}-file0000"
    a_file.write_bytes(b"not a folder")
    other = tmp / f"rehabjournal-demo-{child_pid}-x"  # not exactly the pattern
    other.mkdir()
    old = tmp / "rehabjournal-demo-old12345"  # an earlier version's name: by age
    old.mkdir()
    recent = tmp / "rehabjournal-report-new12345"
    recent.mkdir()
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    removed = tempdirs.sweep()
    assert sorted(p.name for p in removed) == sorted([gone.name, old.name])
    assert mine.is_dir() and recent.is_dir() and other.is_dir() and a_file.is_file()
    assert link.is_symlink() and (target / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_demo_run_sweeps_before_it_makes_its_folder(tmp):
    from rehabjournal.services import demo, session

    leftover = tmp / "rehabjournal-demo-999999999-zzzz0000"
    leftover.mkdir()
    folder = demo.make_demo_dir(seed=3)
    try:
        assert not leftover.exists()
        assert folder.name.startswith(f"rehabjournal-demo-{os.getpid()}-")
        assert folder.stat().st_mode & 0o777 == 0o700
    finally:
        session.close_journal()
        demo.remove_demo_dir(folder)
    assert os.listdir(tmp) == []


def test_the_app_start_sweeps(tmp, tmp_path):
    from rehabjournal.services import startup
    from rehabjournal.store import db

    leftover = tmp / "rehabjournal-report-999999999-zzzz0000"
    leftover.mkdir()
    data = tmp_path / "data"
    db.open_journal(data)
    try:
        startup.run_startup_work(data)
    finally:
        db.close_journal()
    assert not leftover.exists()
