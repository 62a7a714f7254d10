"""Fault injection (issue 16): full disks, SIGKILL, relative paths, the lock, bad backups and
damaged journals, each run through the command line or a helper script in a subprocess.

What a person would notice is asserted: the exit code, one message line and never a
traceback, the journal intact (``PRAGMA integrity_check``, row counts), every acknowledged
save present, no 0-byte, partial or leftover file, every file mode 0600, not a byte of a
refused journal changed.

Needs Linux, root and ``mount -t tmpfs`` (CI runs it so); the whole module is skipped with
the reason elsewhere. Helper scripts are in ``tests/faults/`` (see its README). Kill points
are random but seeded, so a failure can be run again.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
FAULTS = TESTS / "faults"
J1_CSV = TESTS / "fixtures" / "j1.csv"
PY = sys.executable
TIMEOUT = 180
PASSPHRASE = "correct horse 1"
DATA_TABLES = ("check_in", "activity_session", "event", "red_flag", "exercise_log",
               "programme", "outcome_response")
"""The tables whose rows are the person's entries (start-up work may add settings)."""
WAL_SIDES = ("journal.sqlite-wal", "journal.sqlite-shm")
LOCK = "journal.lock"
BIG_YEARS = "70"  # about 4 MB: backup, export-all and encryption take a second or so


# ---- skipping: Linux, root, tmpfs ------------------------------------------------------------


def _cannot_inject() -> str | None:
    """Why this machine cannot run the module, or None when it can."""
    if not sys.platform.startswith("linux"):
        return f"fault injection needs Linux (tmpfs mounts); this is {sys.platform}"
    if os.geteuid() != 0:
        return "fault injection needs root (mount -t tmpfs)"
    probe = Path(tempfile.mkdtemp(prefix="rj-tmpfs-probe-"))
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            return f"mount -t tmpfs is not permitted here ({done.stderr.strip()})"
        subprocess.run(["umount", str(probe)], capture_output=True)
    except OSError as exc:
        return f"mount -t tmpfs is not available ({exc})"
    finally:
        with contextlib.suppress(OSError):
            probe.rmdir()
    return None


@pytest.fixture(scope="session")
def _fault_injection_possible() -> None:
    reason = _cannot_inject()
    if reason:
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def _needs_fault_injection(_fault_injection_possible) -> None:
    """Every test of the module: skipped with the reason when tmpfs cannot be mounted."""


# ---- running commands ------------------------------------------------------------------------


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("REHABJOURNAL_DATA_DIR", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra or {})
    return env


def cli_argv(*args: object) -> list[str]:
    return [PY, "-m", "rehabjournal", *map(str, args)]


def script_argv(name: str, *args: object) -> list[str]:
    return [PY, str(FAULTS / name), *map(str, args)]


def run(argv: list[str], *, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=_env(env),
                          timeout=TIMEOUT)


def cli(*args: object, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return run(cli_argv(*args), cwd=cwd, env=env)


def script(name: str, *args: object) -> subprocess.CompletedProcess:
    return run(script_argv(name, *args))


def _shown(proc: subprocess.CompletedProcess) -> str:
    return f"exit {proc.returncode}\nstdout: {proc.stdout[-1500:]}\nstderr: {proc.stderr[-3000:]}"


def ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    """``proc`` when it succeeded without a traceback."""
    assert "Traceback" not in proc.stderr, _shown(proc)
    assert proc.returncode == 0, _shown(proc)
    return proc


def refused(proc: subprocess.CompletedProcess) -> str:
    """The one error line of a failed command: exit code > 0 (not a signal), no traceback,
    exactly one ``rehabjournal: error:`` line and nothing else but warnings."""
    assert "Traceback" not in proc.stderr, _shown(proc)
    assert proc.returncode > 0, _shown(proc)
    lines = [ln for ln in proc.stderr.splitlines()
             if ln.strip() and not ln.startswith("rehabjournal: warning:")]
    assert len(lines) == 1 and lines[0].startswith("rehabjournal: error: "), (
        "expected one 'rehabjournal: error:' line\n" + _shown(proc))
    return lines[0]


# ---- looking at files ------------------------------------------------------------------------


def files(root: Path) -> dict[str, tuple[int, int]]:
    """{path relative to ``root``: (size, mode bits)} of every regular file below ``root``."""
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                found[str(path.relative_to(root))] = (st.st_size, stat.S_IMODE(st.st_mode))
    return found


def entries(root: Path) -> dict[str, str]:
    """{relative path: kind and content digest} of everything below ``root`` (links too)."""
    found = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(folder, name)
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                kind = f"link -> {os.readlink(path)}"
            elif stat.S_ISDIR(st.st_mode):
                kind = "folder"
            else:
                kind = f"file {sha256(path)} {oct(stat.S_IMODE(st.st_mode))}"
            found[str(path.relative_to(root))] = kind
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def assert_private(root: Path, context: str = "") -> None:
    """Every file below ``root`` is mode 0600."""
    loose = {p: oct(mode) for p, (_size, mode) in files(root).items() if mode != 0o600}
    assert not loose, f"files in {root} that are not 0600: {loose}\n{context}"


def assert_no_empty(root: Path, context: str = "", allowed: tuple[str, ...] = (LOCK,)) -> None:
    """No 0-byte file below ``root`` (the lock file may be empty when nobody holds it)."""
    empty = [p for p, (size, _m) in files(root).items()
             if size == 0 and Path(p).name not in allowed]
    assert not empty, f"0-byte files left in {root}: {empty}\n{context}"


def leftovers(root: Path) -> list[str]:
    """Hidden or temporary files below ``root``: what an interrupted write leaves."""
    return [p for p in files(root)
            if any(part.startswith(".") for part in Path(p).parts)
            or p.endswith((".tmp", ".part", ".rjpart", ".restoring", ".encrypting"))]


def db_check(path: Path, passphrase: str | None = None) -> tuple[str, dict[str, int]]:
    """(integrity_check result, rows of DATA_TABLES) of the SQLite file ``path`` (and its
    ``-wal``), read from a copy so that the file itself is not touched."""
    scratch = Path(tempfile.mkdtemp(prefix="rj-check-"))
    try:
        copy = scratch / "copy.sqlite"
        shutil.copyfile(path, copy)
        if Path(f"{path}-wal").is_file():
            shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        if passphrase is None:
            conn = sqlite3.connect(copy)
        else:
            from sqlcipher3 import dbapi2

            conn = dbapi2.connect(str(copy))
            conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        try:
            result = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
            present = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                      for t in DATA_TABLES if t in present}
        finally:
            conn.close()
        return result, counts
    except Exception as exc:  # an unreadable copy is a result, not a harness error
        return f"unreadable: {type(exc).__name__}: {exc}", {}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def journal_state(data_dir: Path) -> tuple[str, dict[str, int]]:
    return db_check(data_dir / "journal.sqlite")


def copy_dir(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    return target


def fresh_start(data_dir: Path, passphrase: str | None = None) -> dict:
    """Start again on ``data_dir`` (the sweep, opening, start-up work); the state as a dict."""
    args = [data_dir] + (["--passphrase", passphrase] if passphrase else [])
    proc = ok(script("fresh_start.py", *args))
    return json.loads(proc.stdout.strip().splitlines()[-1])


def data_counts(state: dict) -> dict[str, int]:
    return {t: state["counts"][t] for t in DATA_TABLES if t in state["counts"]}


# ---- journals and input files, made once -----------------------------------------------------


def _shift_csv(source: Path, target: Path, days: int) -> None:
    """``source`` with every date ``days`` later: rows the journal does not have yet."""
    with open(source, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    for row in rows[1:]:
        row[0] = (date.fromisoformat(row[0]) + timedelta(days=days)).isoformat()
    with open(target, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def _settle(data_dir: Path) -> Path:
    """Leave only the journal itself: no backups, no lock file (so that what a test's
    command adds is all new)."""
    shutil.rmtree(data_dir / "backups", ignore_errors=True)
    for name in (LOCK, *WAL_SIDES):
        with contextlib.suppress(FileNotFoundError):
            (data_dir / name).unlink()
    shutil.rmtree(data_dir / ".inflight", ignore_errors=True)
    return data_dir


@pytest.fixture(scope="session")
def made(tmp_path_factory, _fault_injection_possible) -> dict[str, Path]:
    """Journals and files the tests start from (never changed by a test: copy them).

    small: j1.csv imported (84 days); big: 70 years of generated data; j2.csv: j1.csv a
    year later (new rows for small); big.csv: 2,500 days for a slow import; small.json: the
    full export of small; demo.json and programme.json: the demo journal's full export and
    active programme.
    """
    root = tmp_path_factory.mktemp("made")
    env = {"XDG_CONFIG_HOME": str(root / "config"), "XDG_DATA_HOME": str(root / "xdg")}
    out: dict[str, Path] = {"root": root}
    out["small"] = root / "small"
    ok(cli("--data-dir", out["small"], "import", J1_CSV, env=env))
    _settle(out["small"])
    out["j2.csv"] = root / "j2.csv"
    _shift_csv(J1_CSV, out["j2.csv"], 364)
    out["small.json"] = root / "small.json"
    ok(cli("--data-dir", out["small"], "export-all", out["small.json"], env=env))
    _settle(out["small"])
    out["big"] = root / "big"
    ok(run(script_argv("make_journal.py", out["big"], BIG_YEARS), env=env))
    _settle(out["big"])
    every = root / "big-all.csv"
    ok(cli("--data-dir", out["big"], "export", every, env=env))
    _settle(out["big"])
    lines = every.read_text(encoding="utf-8").splitlines(keepends=True)
    out["big.csv"] = root / "big.csv"
    out["big.csv"].write_text("".join(lines[:2501]), encoding="utf-8")
    out["demo.json"] = root / "demo.json"
    out["programme.json"] = root / "programme.json"
    ok(cli("--demo", "export-all", out["demo.json"], env=env))
    ok(cli("--demo", "programme", "export", out["programme.json"], env=env))
    return out


# ---- tmpfs -----------------------------------------------------------------------------------


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``path`` for the block; unmounted afterwards, also when
    the block fails."""
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
                   check=True, capture_output=True)
    try:
        yield path
    finally:
        done = subprocess.run(["umount", str(path)], capture_output=True)
        if done.returncode != 0:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


def free_bytes(folder: Path) -> int:
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


def fill(mount: Path, leave: int) -> None:
    """Fill the tmpfs at ``mount`` with a filler file until ``leave`` bytes are free."""
    filler = mount / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    chunk = b"\0" * 65536
    try:
        while (room := free_bytes(mount) - leave) > 0:
            try:
                os.write(fd, chunk[:min(room, len(chunk))])
            except OSError:
                break
        os.fsync(fd)
    finally:
        os.close(fd)
    assert abs(free_bytes(mount) - leave) <= 4096, (free_bytes(mount), leave)


SPACE_OPS = ("import", "import-all", "backup", "export", "report", "save")
FREE = (0, 40 * 1024, 150 * 1024)


@pytest.fixture(scope="session")
def expected_after(made, tmp_path_factory) -> dict[str, object]:
    """What each full-disk operation gives on a disk with room: the reference results."""
    root = tmp_path_factory.mktemp("reference")
    env = {"XDG_CONFIG_HOME": str(root / "config")}
    result: dict[str, object] = {}
    data = copy_dir(made["small"], root / "import")
    ok(cli("--data-dir", data, "import", made["j2.csv"], env=env))
    result["import"] = journal_state(data)
    ok(cli("--data-dir", root / "import-all", "import-all", made["small.json"], env=env))
    result["import-all"] = journal_state(root / "import-all")
    data = copy_dir(made["small"], root / "export")
    ok(cli("--data-dir", data, "export", root / "j.csv", env=env))
    result["export"] = (root / "j.csv").read_bytes()
    return result


def _space_command(op: str, data: Path, mount: Path, made: dict[str, Path]) -> list[str]:
    out = mount / "out"
    return {
        "import": lambda: cli_argv("--data-dir", data, "import", made["j2.csv"]),
        "import-all": lambda: cli_argv("--data-dir", mount / "new journal", "import-all",
                                       made["small.json"]),
        "backup": lambda: cli_argv("--data-dir", data, "backup"),
        "export": lambda: cli_argv("--data-dir", data, "export", out / "j.csv"),
        "report": lambda: cli_argv("--data-dir", data, "report", "--out", out / "r.pdf"),
        "save": lambda: script_argv("save_checkins.py", data, "2027-06-01", 1),
    }[op]()


@pytest.mark.parametrize("free", FREE, ids=[f"{f // 1024}KB-free" for f in FREE])
@pytest.mark.parametrize("op", SPACE_OPS)
def test_full_disk(op, free, tmp_path, made, expected_after):
    """A full disk: the command says "no space" on one line (or succeeds completely), the
    journal is intact and unchanged, and nothing 0-byte, partial or world-readable is left."""
    with tmpfs(tmp_path / "mnt") as mount:
        data = copy_dir(made["small"], mount / "data")
        (mount / "out").mkdir()
        before = journal_state(data)
        assert before[0] == "ok"
        fill(mount, free)
        had = files(mount)
        proc = run(_space_command(op, data, mount, made))
        now = files(mount)
        new = sorted(set(now) - set(had) - {f"data/{w}" for w in WAL_SIDES}
                     - {f"data/{LOCK}", f"new journal/{LOCK}"})
        if proc.returncode == 0 and "Traceback" not in proc.stderr:
            assert free > 0, f"{op} succeeded with 0 bytes free?\n{_shown(proc)}"
            _check_success(op, data, mount, new, before, expected_after)
        else:
            line = refused(proc)
            words = line.replace(str(tmp_path), "DIR").lower()  # "test_full_disk" is in it
            assert "space" in words or "full" in words, (
                f"the message does not say the disk is full: {line}")
            assert journal_state(data) == before, "the journal changed"
            assert not new, f"{op} failed but left {new}\n{line}"
        said = _shown(proc)
        assert journal_state(data)[0] == "ok", said
        assert_no_empty(mount, said)
        assert_private(mount, said)
        assert not leftovers(mount), f"{leftovers(mount)}\n{said}"


def _check_success(op, data, mount, new, before, expected_after) -> None:
    """A command that succeeded on the nearly full disk did all of its work."""
    if op == "import":
        assert journal_state(data) == expected_after["import"]
        assert all(p.startswith("data/backups/") for p in new), new
        for p in new:
            assert db_check(mount / p) == before, f"the pre-import copy {p} is not the journal"
    elif op == "import-all":
        assert journal_state(mount / "new journal") == expected_after["import-all"]
    elif op == "backup":
        assert len(new) == 1 and new[0].startswith("data/backups/"), new
        assert db_check(mount / new[0]) == before, f"the backup {new[0]} is not the journal"
    elif op == "export":
        assert new == ["out/j.csv"], new
        assert (mount / "out/j.csv").read_bytes() == expected_after["export"]
    elif op == "report":
        assert new == ["out/r.pdf"], new
        pdf = (mount / "out/r.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF"), "incomplete PDF"
    elif op == "save":
        state, counts = journal_state(data)
        assert state == "ok" and counts["check_in"] == before[1]["check_in"] + 1


# ---- SIGKILL at random points ----------------------------------------------------------------


def _have_sqlcipher() -> bool:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


KILL_OPS = ("import", "export-all", "backup", "restore", "encrypt", "save")
KILLS = 6
BIG_BACKUP = "journal-20200101-120000-manual.sqlite"


def _kill_setup(op: str, work: Path, made: dict[str, Path]) -> tuple[Path, list[str]]:
    """A fresh data folder for one run of ``op`` and the command that runs it."""
    if op in ("import", "save"):
        data = copy_dir(made["small"], work / "data")
    elif op == "restore":
        data = copy_dir(made["small"], work / "data")
        (data / "backups").mkdir()
        shutil.copyfile(made["big"] / "journal.sqlite", data / "backups" / BIG_BACKUP)
        os.chmod(data / "backups" / BIG_BACKUP, 0o600)
    else:
        data = copy_dir(made["big"], work / "data")
    (work / "out").mkdir()
    argv = {
        "import": lambda: cli_argv("--data-dir", data, "import", made["big.csv"]),
        "export-all": lambda: cli_argv("--data-dir", data, "export-all", work / "out/all.json"),
        "backup": lambda: cli_argv("--data-dir", data, "backup"),
        "restore": lambda: script_argv("restore.py", data, data / "backups" / BIG_BACKUP),
        "encrypt": lambda: script_argv("encrypt.py", data, PASSPHRASE),
        "save": lambda: script_argv("save_checkins.py", data, "2030-01-01", 100000),
    }[op]()
    return data, argv


def _after_kill(op: str, work: Path, data: Path, allowed: list[dict[str, int]],
                acked: list[str], what: str) -> None:
    """The checks after a killed run and a fresh start."""
    passphrase = PASSPHRASE if op == "encrypt" else None
    state = fresh_start(data, passphrase)
    assert state["integrity"] == "ok", f"{what}: integrity_check says {state['integrity']}"
    assert not state["startup_problem"], f"{what}: the start says {state['startup_problem']}"
    if op == "save":
        missing = sorted(set(acked) - set(state["checkin_days"]))
        assert not missing, f"{what}: acknowledged saves lost: {missing[:10]}"
    else:
        assert data_counts(state) in allowed, (
            f"{what}: rows {data_counts(state)}, expected one of {allowed}")
    for root in (data, work / "out"):
        assert not leftovers(root), f"{what}: left after the next start: {leftovers(root)}"
        assert_no_empty(root, what)
        assert_private(root, what)
    for name in files(data / "backups") if (data / "backups").is_dir() else {}:
        result, _counts = db_check(data / "backups" / name,
                                   PASSPHRASE if state["encrypted"] else None)
        if result != "ok" and state["encrypted"]:
            result, _counts = db_check(data / "backups" / name)  # the plaintext pre-encrypt
        assert result == "ok", f"{what}: the backup {name} is not a whole journal: {result}"
    out = work / "out" / "all.json"
    if out.exists():
        json.loads(out.read_text(encoding="utf-8"))  # complete, or absent


@pytest.mark.parametrize("op", KILL_OPS)
def test_sigkill(op, tmp_path, made):
    """SIGKILL at random points (seeded) of ``op``, then a fresh start: the journal intact,
    its rows as before or as after (never between), every acknowledged save present, no
    leftover or partial file, every file 0600."""
    if op == "encrypt" and not _have_sqlcipher():
        pytest.skip("encryption needs sqlcipher3, which is not installed in this venv")
    rng = random.Random(f"issue16-sigkill-{op}")
    # One run to the end: how long it takes, and the rows before and after.
    work = tmp_path / "reference"
    work.mkdir()
    data, argv = _kill_setup(op, work, made)
    before = data_counts(fresh_start(copy_dir(data, tmp_path / "before")))
    allowed = [before]
    duration = 2.0
    if op != "save":
        started = time.monotonic()
        ok(run(argv))
        duration = time.monotonic() - started
        after = fresh_start(data, PASSPHRASE if op == "encrypt" else None)
        allowed.append(data_counts(after))
    kills, interrupted = 0, 0
    writes = op in ("export-all", "backup", "restore", "encrypt")
    extra = 3 * KILLS  # on a busy machine the spread kills may all miss the writing
    for attempt in range(3 * KILLS + extra):
        if kills >= KILLS and (interrupted or not writes or attempt >= 3 * KILLS + extra):
            break
        work = tmp_path / f"run{attempt}"
        work.mkdir()
        data, argv = _kill_setup(op, work, made)
        if attempt < 3 * KILLS and kills < KILLS:
            # spread over the run: one kill in each slice of its last 80 %
            delay = duration * (0.2 + 0.8 * ((attempt % KILLS) + rng.random()) / KILLS)
        else:  # more kills in the last half, where the files are written
            delay = duration * (0.5 + 0.5 * rng.random())
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=_env())
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        stdout, stderr = proc.communicate()
        what = f"{op} killed after {delay:.2f} s (run {attempt})"
        if proc.returncode == -signal.SIGKILL:
            kills += 1
        else:
            assert proc.returncode == 0 and "Traceback" not in stderr, f"{what}: {stderr}"
        acked = [ln.split()[1] for ln in stdout.splitlines() if ln.startswith("ACK ")]
        interrupted += bool(leftovers(work))
        _after_kill(op, work, data, allowed, acked, what)
    assert kills >= 5, f"only {kills} of the runs of {op} were killed before they ended"
    if writes:  # the kills hit the writing
        assert interrupted, f"no kill of {op} left a temporary file for the start to sweep"


# ---- relative paths --------------------------------------------------------------------------

ODD = "my journal #1 %41 é"
"""A data folder name with a space, '#', '%' and a non-ASCII letter."""


def _relative_commands() -> list[tuple[list[str], str | None]]:
    """(arguments after the data folder option, the file it writes in the working folder)."""
    return [
        (["import-all", "in demo #%é.json"], None),
        (["import", "in j1 #%é.csv"], None),
        (["export", "out #%é.csv"], "out #%é.csv"),
        (["report", "--out", "out #%é.pdf"], "out #%é.pdf"),
        (["summary"], None),
        (["patterns"], None),
        (["backup"], None),
        (["fhir", "out fhir #%é.json"], "out fhir #%é.json"),
        (["export-all", "out all #%é.json"], "out all #%é.json"),
        (["programme", "export", "out prog #%é.json"], "out prog #%é.json"),
        (["programme", "sheet", "--out", "out sheet #%é.pdf"], "out sheet #%é.pdf"),
        (["programme", "import", "in prog #%é.json"], None),
    ]


@pytest.mark.parametrize("how", ["--data-dir", "REHABJOURNAL_DATA_DIR"])
def test_relative_paths(how, tmp_path, made):
    """Every command with a relative data folder named with a space, #, % and é, given by
    the option or the variable, run from another folder: done, files where they belong."""
    cwd = tmp_path / "work é #1"
    cwd.mkdir()
    shutil.copyfile(made["demo.json"], cwd / "in demo #%é.json")
    shutil.copyfile(J1_CSV, cwd / "in j1 #%é.csv")
    shutil.copyfile(made["programme.json"], cwd / "in prog #%é.json")
    for args, written in _relative_commands():
        if how == "--data-dir":
            proc = cli("--data-dir", ODD, *args, cwd=cwd)
        else:
            proc = cli(*args, cwd=cwd, env={"REHABJOURNAL_DATA_DIR": ODD})
        assert "Traceback" not in proc.stderr and proc.returncode == 0, (
            f"{' '.join(args)} with {how} {ODD!r} from {cwd}:\n{_shown(proc)}")
        if written:
            assert (cwd / written).is_file(), f"{' '.join(args)} did not write {written}"
    journal = cwd / ODD / "journal.sqlite"
    assert journal.is_file()
    assert journal_state(cwd / ODD)[0] == "ok"
    backups = [p for p in files(cwd / ODD / "backups") if "manual" in p]
    assert backups, "the backup command made no copy in the relative folder's backups/"
    assert_private(cwd / ODD)
    assert not (Path.cwd() / ODD).exists() and not (TESTS / ODD).exists()


# ---- the lock --------------------------------------------------------------------------------


@contextlib.contextmanager
def held(data_dir: Path) -> Iterator[int]:
    """A second process holding the journal's lock (as the app does) for the block; its pid."""
    proc = subprocess.Popen(script_argv("hold_lock.py", data_dir), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env())
    try:
        line = proc.stdout.readline()
        assert line.startswith("HELD "), f"the holder did not start: {line}{proc.stderr.read()}"
        yield int(line.split()[1])
    finally:
        with contextlib.suppress(OSError):
            proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


@pytest.mark.parametrize("writer", ["import", "programme import"])
def test_lock_refuses_writer_and_lets_readers_run(writer, tmp_path, made):
    """While another process holds the journal: a writing command exits 5 naming it and
    changes nothing; export, summary and backup work alongside."""
    data = copy_dir(made["small"], tmp_path / "data")
    args = (["import", made["j2.csv"]] if writer == "import"
            else ["programme", "import", made["programme.json"]])
    before = journal_state(data)
    with held(data) as pid:
        had = files(data)
        proc = cli("--data-dir", data, *args)
        line = refused(proc)
        assert proc.returncode == 5, _shown(proc)
        assert str(pid) in line, f"the message does not name the holder (pid {pid}): {line}"
        assert journal_state(data) == before, "a refused command changed the journal"
        assert set(files(data)) - set(had) <= {f"{w}" for w in WAL_SIDES}, (
            f"a refused command left {set(files(data)) - set(had)}")
        exported = ok(cli("--data-dir", data, "export", tmp_path / "alongside.csv"))
        assert (tmp_path / "alongside.csv").is_file(), exported.stdout
        ok(cli("--data-dir", data, "summary"))
        ok(cli("--data-dir", data, "backup"))
    with open(tmp_path / "alongside.csv", encoding="utf-8") as fh:
        assert sum(1 for _ in csv.reader(fh)) > 1
    ok(cli("--data-dir", data, *args))  # once the holder is gone
    assert journal_state(data) != before


# ---- bad backups -----------------------------------------------------------------------------


def test_restore_refuses_empty_and_truncated_backup(tmp_path, made):
    """A 0-byte and a truncated backup are marked unusable in the list and refused by
    restore with the reason; the journal stays as it was, no copy is made for nothing."""
    from rehabjournal.services.backups import list_backups

    data = copy_dir(made["small"], tmp_path / "data")
    folder = data / "backups"
    folder.mkdir()
    journal = (data / "journal.sqlite").read_bytes()
    empty = folder / "journal-20200101-120000-manual.sqlite"
    cut = folder / "journal-20200102-120000-manual.sqlite"
    for path, content in ((empty, b""), (cut, journal[: len(journal) // 2])):
        path.write_bytes(content)
        os.chmod(path, 0o600)
    listed = {info.path.name: info.error for info in list_backups(data)}
    assert listed[empty.name], "the list shows the 0-byte backup as a usable copy"
    assert listed[cut.name], "the list shows the truncated backup as a usable copy"
    before, had = journal_state(data), files(data)
    messages = {}
    for backup, reason in ((empty, ("empty",)),
                           (cut, ("damaged", "truncated", "incomplete", "partial"))):
        line = refused(script("restore.py", data, backup))
        assert any(word in line.lower() for word in reason), (
            f"restoring {backup.name} gives no reason ({'/'.join(reason)}): {line}")
        messages[backup.name] = line
        assert journal_state(data) == before, f"restoring {backup.name} changed the journal"
        assert files(data) == had, f"restoring {backup.name} left {set(files(data)) - set(had)}"
    assert len(set(messages.values())) == 2, messages


# ---- damaged files at the journal's path -----------------------------------------------------

DAMAGED = ("truncated", "flipped-bytes", "zero-length", "empty-sqlite", "dangling-symlink",
           "newer-user-version", "negative-user-version", "text-file", "undecodable-text")
MARK = "FAULTMARK-0123456789abcdef-notes"


def _set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
    finally:
        conn.close()


def _damaged(variant: str, data: Path, small: Path, scratch: Path) -> None:
    """Put the ``variant`` of a damaged journal at ``data/journal.sqlite``."""
    from rehabjournal.store import migrations

    data.mkdir(parents=True)
    target = data / "journal.sqlite"
    good = (small / "journal.sqlite").read_bytes()
    scratch.mkdir(parents=True, exist_ok=True)
    work = scratch / "work.sqlite"
    work.write_bytes(good)
    if variant == "truncated":
        target.write_bytes(good[: len(good) // 2])
    elif variant == "flipped-bytes":  # 16 bytes of a table page's header: structural damage
        page = sqlite3.connect(work).execute("PRAGMA page_size").fetchone()[0]
        raw = bytearray(good)
        for i in range(page, page + 16):
            raw[i] ^= 0xFF
        target.write_bytes(bytes(raw))
    elif variant == "zero-length":
        target.write_bytes(b"")
    elif variant == "empty-sqlite":
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE t (x)")
        conn.execute("DROP TABLE t")
        conn.commit()
        conn.close()
    elif variant == "dangling-symlink":
        (scratch / "elsewhere").mkdir()
        os.symlink(scratch / "elsewhere" / "gone.sqlite", target)
    elif variant in ("newer-user-version", "negative-user-version"):
        _set_version(work, migrations.LATEST + 1 if variant.startswith("newer") else -1)
        shutil.copyfile(work, target)
    elif variant == "text-file":
        target.write_text("date,morning_pain\n2026-01-05,3\n", encoding="utf-8")
    elif variant == "undecodable-text":  # passes quick_check; its text is not UTF-8
        conn = sqlite3.connect(work)
        conn.execute("UPDATE check_in SET notes = ? WHERE id = (SELECT min(id) FROM check_in)",
                     (MARK,))
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        raw = work.read_bytes()
        at = raw.index(MARK.encode())
        target.write_bytes(raw[:at] + b"\xff" * 16 + raw[at + 16:])
    if target.is_file() and not target.is_symlink():
        os.chmod(target, 0o600)


def _beside(root: Path, lock_allowed: bool = False) -> dict[str, str]:
    """``entries(root)``, less, for a journal that passes inspection (``lock_allowed``), what
    stays between commands by design: the lock's file (which must be 0600) and an empty
    ``.inflight`` folder (safe_write's records of writes outside the data folder). A refused
    file gets nothing beside it: it is inspected before the lock is taken."""
    found = entries(root)
    if not lock_allowed:
        return found
    for name, kind in list(found.items()):
        if Path(name).name == LOCK:
            assert kind.endswith(" 0o600"), f"{name} is not 0600: {kind}"
            del found[name]
        elif Path(name).name == ".inflight" and kind == "folder" and not any(
                (root / name).iterdir()):
            del found[name]
    return found


def _refuse_damaged(variant: str, tmp_path: Path, small: Path) -> list[str]:
    """Run export (and import, for structural damage) on the variant; the export's message
    with the folder's path replaced by DIR."""
    data = tmp_path / variant / "data"
    _damaged(variant, data, small, tmp_path / variant / "scratch")
    lock_allowed = variant == "undecodable-text"  # its damage is found only when read
    before = _beside(tmp_path / variant, lock_allowed)
    commands = [["export", tmp_path / variant / "out.csv"]]
    if variant != "undecodable-text":  # import never reads the notes it does not touch
        commands.append(["import", J1_CSV])
    messages = []
    for args in commands:
        proc = cli("--data-dir", data, *args)
        line = refused(proc)
        after = _beside(tmp_path / variant, lock_allowed)
        assert after == before, (
            f"{args[0]} on a {variant} journal changed or added files: "
            f"{sorted(set(after.items()) ^ set(before.items()))}")
        messages.append(line.replace(str(data), "DIR"))
    assert not (tmp_path / variant / "scratch" / "elsewhere" / "gone.sqlite").exists()
    return messages


@pytest.mark.parametrize("variant", DAMAGED)
def test_damaged_journal_refused_untouched(variant, tmp_path, made):
    """A damaged, empty, foreign or newer file at the journal's path (or a dangling link):
    refused with a message, not a byte changed, no -wal/-shm or other file beside it."""
    _refuse_damaged(variant, tmp_path, made["small"])


def test_damaged_journals_each_have_their_own_message(tmp_path, made):
    """Each kind of damage is named: export gives no two variants the same message."""
    messages = {}
    for variant in DAMAGED:
        data = tmp_path / variant / "data"
        _damaged(variant, data, made["small"], tmp_path / variant / "scratch")
        proc = cli("--data-dir", data, "export", tmp_path / variant / "out.csv")
        errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("rehabjournal: error:")]
        messages[variant] = (errors[-1].replace(str(data), "DIR") if errors
                             else f"(exit {proc.returncode}, no message)")
    same = [(a, b) for i, a in enumerate(DAMAGED) for b in DAMAGED[i + 1:]
            if messages[a] == messages[b]]
    assert not same, "the same message for " + "; ".join(
        f"{a} and {b}: {messages[a]}" for a, b in same)
