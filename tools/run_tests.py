"""make test: the whole suite, one pytest process per part, a crashed part run once more.

Why parts: each folder of ``tests/`` (each file of the window-test folders ``tests/ui`` and
``tests/i18n``, and the top-level test files together) runs in its own Python process, so
one part's Qt and SQLite state never leaks into the next.

Why a second run: PySide 6.11 used to kill a test process with a segmentation fault in
``Shiboken::BindingManager::releaseWrapper`` (stale wrappers of Qt's layout items: found
and fixed, docs/architecture.md, "The PySide crash in releaseWrapper"). A part whose
process dies from a signal is still run once more, and the crash is reported in the
summary, loudly: it is a new bug to look into. A part that crashes twice, or any failing
test, fails ``make test``. Test failures are never retried.

Parts run side by side, as many as the machine has processors (at most 4; ``-j N`` to
choose); each part's output is printed whole when it ends, and a summary at the end.

Usage: ``python tools/run_tests.py [-j N] [pytest options]`` (``make test`` passes none).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
TEMP = Path(tempfile.gettempdir()) / f"rj-tests-{os.getpid()}"
"""The parts' temporary folders (one ``--basetemp`` each), removed when every part passed."""


# Folders of window tests: one process per file (each file opens a handful of windows; the
# crash below needs many windows made and destroyed in one process).
BY_FILE = {"ui", "i18n"}


def parts() -> list[tuple[str, list[str]]]:
    """(name, pytest arguments) of each part: every folder holding tests (each file of the
    window-test folders), then the top-level files together."""
    out = []
    for folder in sorted(p for p in TESTS.iterdir() if p.is_dir()):
        files = sorted(folder.glob("test_*.py"))
        if not files:
            continue
        if folder.name in BY_FILE:
            out += [(str(f.relative_to(ROOT)), [str(f.relative_to(ROOT))]) for f in files]
        else:
            out.append((f"tests/{folder.name}", [str(folder.relative_to(ROOT))]))
    files = sorted(str(p.relative_to(ROOT)) for p in TESTS.glob("test_*.py"))
    if files:
        out.append(("tests/*.py", files))
    return out


def crashed(code: int) -> str | None:
    """The signal's name when pytest died from one (negative code, or 128 + n from a shell)."""
    number = -code if code < 0 else code - 128 if code > 128 else 0
    if number in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT, signal.SIGILL):
        return signal.Signals(number).name
    return None


def run(name: str, args: list[str], extra: list[str]) -> tuple[int, str]:
    """Run one part; returns (exit code, its output). Each part has its own ``--basetemp``:
    parts running side by side never share (or clean up) each other's temporary folders."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    base = TEMP / name.replace("/", "_")
    TEMP.mkdir(exist_ok=True)  # pytest makes --basetemp itself, not its parent
    command = [sys.executable, "-X", "faulthandler", "-m", "pytest", "-q", "-p",
               "no:cacheprovider", f"--basetemp={base}", *extra, *args]
    done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace")
    return done.returncode, done.stdout


def run_part(name: str, args: list[str], extra: list[str]) -> tuple[str, int, str, str]:
    """(name, exit code, note, output) of a part, run once more if its process crashed."""
    code, output = run(name, args, extra)
    note = ""
    if (sig := crashed(code)) is not None:
        output += f"\n!!!! {name}: the test process died ({sig}); running the part once more\n"
        code, again_output = run(name, args, extra)
        output += again_output
        again = crashed(code)
        note = f"crashed ({sig}), run again: " + (f"crashed again ({again})" if again
                                                  else "passed" if code == 0 else "failed")
    return name, code, note, output


def jobs_wanted(argv: list[str]) -> tuple[int, list[str]]:
    """``-j N`` (parts run side by side; default the number of processors, at most 4) and
    the remaining pytest options."""
    jobs = min(os.cpu_count() or 1, 4)
    rest = []
    it = iter(argv)
    for arg in it:
        if arg == "-j":
            jobs = int(next(it))
        elif arg.startswith("-j") and arg[2:].isdigit():
            jobs = int(arg[2:])
        else:
            rest.append(arg)
    return max(1, jobs), rest


def main(argv: list[str]) -> int:
    jobs, extra = jobs_wanted(argv)
    started = time.monotonic()
    todo = parts()
    # the biggest parts first: the slowest start early and the run ends together
    todo.sort(key=lambda part: -sum(_size(a) for a in part[1]))
    print(f"{len(todo)} parts, {jobs} at a time", flush=True)
    results = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(run_part, name, args, extra) for name, args in todo]
        for future in as_completed(futures):
            name, code, note, output = future.result()
            print(f"\n==== {name} ====\n{output}", end="", flush=True)
            results[name] = (code, note)
    passed = all(code == 0 for code, _note in results.values())
    if passed:  # a failed part's files stay, to look at
        shutil.rmtree(TEMP, ignore_errors=True)
    else:
        print(f"The parts' temporary folders are in {TEMP}")
    minutes = (time.monotonic() - started) / 60
    print(f"\n==== summary ({minutes:.1f} min, {jobs} at a time) ====")
    for name, _args in parts():
        code, note = results[name]
        status = "passed" if code == 0 else f"FAILED (exit {code})"
        print(f"{name:<48} {status}{'  [' + note + ']' if note else ''}")
    retried = [n for n, (_c, note) in results.items() if note]
    if retried:
        print(f"\n!!!! {len(retried)} part(s) CRASHED once (a new bug: see docs/architecture.md, "
              "'The PySide crash in releaseWrapper'); their second run decides.")
    return 0 if passed else 1


def _size(arg: str) -> int:
    path = ROOT / arg
    files = [path] if path.is_file() else list(path.rglob("test_*.py"))
    return sum(f.stat().st_size for f in files)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
