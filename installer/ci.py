"""The installer build on every system: what ``make installer`` and the CI workflow run.

    python installer/ci.py deps    system packages the build needs (Linux: apt; Windows: Inno
                                   Setup when it is missing; macOS: none)
    python installer/ci.py venv    build/installer-venv from installer/requirements.lock
    python installer/ci.py build   venv, then this system's installer (installer/build.py)
    python installer/ci.py smoke   install and run what build made, as a user would
    python installer/ci.py lock    write installer/requirements.lock again (uv)

Run it with Python 3.11 (the lock is resolved for it). The build venv holds exactly the
locked versions, each checked against its sha256 (``pip --require-hashes``, wheels only),
then the project itself with ``--no-deps`` (built by the locked hatchling, no build
isolation): the same inputs on every machine and every day. The venv is made again when
the lock changes. ``make installer`` is ``ci.py build``; the workflow
(.github/workflows/installers.yml) calls ``deps``, ``build`` and ``smoke`` on each runner.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LOCK = HERE / "requirements.lock"
LOCK_INPUT = HERE / "requirements.in"
VENV = Path(os.environ.get("INSTALLER_VENV", ROOT / "build" / "installer-venv"))
STAMP = VENV / "lock.sha256"
PYTHON_VERSION = (3, 11)  # the lock's --python-version
# uv writes the lock; pinned so that `make lock` formats it the same way on every machine
UV_REQUIREMENT = "uv==0.13.9"
# the lock: universal (every platform, markers where they differ), with every file's hash
LOCK_COMMAND = [
    "pip", "compile", "pyproject.toml", "installer/requirements.in",
    "--extra", "encryption", "--universal", "--python-version", "3.11",
    "--generate-hashes", "--custom-compile-command", "make lock", "--quiet",
    "--output-file", "installer/requirements.lock",
]  # fmt: skip
# Linux packages the bundle's build and smoke test need: binutils (objdump, readelf, strip:
# the spec's library walk and stripping), the desktop-metadata validators, and the few
# libraries Qt's offscreen platform loads from the host (the bundle leaves them out)
APT_PACKAGES = [
    "binutils", "desktop-file-utils", "appstream", "libegl1", "libgl1", "libfontconfig1",
    "libxkbcommon0", "libdbus-1-3", "libglib2.0-0",
]  # fmt: skip

sys.path.insert(0, str(HERE))
import buildinfo  # noqa: E402


def say(message: str) -> None:
    print(f"ci.py: {message}", flush=True)


def die(message: str) -> None:
    print(f"ci.py: FAILED: {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)


def run(cmd: list[str], **kwargs) -> None:
    say("$ " + " ".join(str(c) for c in cmd))
    if subprocess.run(cmd, **kwargs).returncode:
        die(f"{Path(str(cmd[0])).name} failed")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def lock_digest() -> str:
    return hashlib.sha256(LOCK.read_bytes()).hexdigest()


def make_venv() -> Path:
    """build/installer-venv with the locked packages (made again when the lock changed) and
    the project installed from the work tree (every time: it is quick)."""
    if sys.version_info[:2] != PYTHON_VERSION:
        wanted = ".".join(map(str, PYTHON_VERSION))
        die(
            f"run with Python {wanted} (this is {sys.version.split()[0]}): the lock is "
            f"resolved for {wanted}; e.g. `make installer PYTHON=python{wanted}`"
        )
    python = venv_python()
    if not (python.exists() and STAMP.is_file() and STAMP.read_text() == lock_digest()):
        say(f"making {VENV} from {LOCK.relative_to(ROOT)}")
        shutil.rmtree(VENV, ignore_errors=True)
        run([sys.executable, "-m", "venv", str(VENV)])
        run([str(python), "-m", "pip", "install", "--quiet", "--require-hashes",
             "--only-binary=:all:", "-r", str(LOCK)])  # fmt: skip
        STAMP.write_text(lock_digest())
    # --no-build-isolation: hatchling comes from the lock, not from a fresh download
    run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", str(ROOT)])  # fmt: skip
    return python


def deps() -> None:
    if sys.platform.startswith("linux"):
        if not shutil.which("apt-get"):
            say("no apt-get: install " + " ".join(APT_PACKAGES) + " (or their equivalents)")
            return
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run([*sudo, "apt-get", "update", "-qq"], env=env)
        run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends",
             *APT_PACKAGES], env=env)  # fmt: skip
    elif sys.platform == "win32":
        if find_iscc():
            say(f"Inno Setup: {find_iscc()}")
        else:
            run(["choco", "install", "innosetup", "-y", "--no-progress"])
    else:
        say("macOS: nothing to install (hdiutil and codesign come with the system)")


def find_iscc() -> str | None:
    """Inno Setup's command-line compiler: on PATH or where its installer puts it."""
    found = shutil.which("iscc")
    if found:
        return found
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        root = os.environ.get(base)
        for sub in ("Inno Setup 6", "Programs/Inno Setup 6"):
            if root and (Path(root) / sub / "ISCC.exe").is_file():
                return str(Path(root) / sub / "ISCC.exe")
    return None


def build() -> None:
    python = make_venv()
    env = {**os.environ, "ISCC": find_iscc() or ""} if sys.platform == "win32" else None
    run([str(python), str(HERE / "build.py")], cwd=ROOT, env=env)


def smoke() -> None:
    """Run what the build made the way a user gets it: Linux the tarball's install.sh,
    Windows the setup in silent mode, macOS the app inside the mounted DMG."""
    sys.path.insert(0, str(HERE))
    import build as b  # the same smoke test build.py runs on the bundle

    version = buildinfo.version()
    if sys.platform.startswith("linux"):
        b.smoke(version)
        b.try_install(b.DIST / buildinfo.tarball_name(version), version)
    elif sys.platform == "win32":
        setup = b.DIST / f"{buildinfo.EXE_NAME}-{version}-windows-x64-setup.exe"
        with tempfile.TemporaryDirectory(prefix="rj-setup-") as tmp:
            target = Path(tmp) / "app"
            run([str(setup), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                 f"/DIR={target}", f"/LOG={Path(tmp) / 'setup.log'}"])  # fmt: skip
            b.smoke(version, target / f"{buildinfo.CLI_EXE_NAME}.exe")
            run([str(target / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES",
                 "/NORESTART"])  # fmt: skip
            # the uninstaller runs on from a copy of itself: wait for it to finish
            deadline = time.monotonic() + 120
            while (target / f"{buildinfo.EXE_NAME}.exe").exists():
                if time.monotonic() > deadline:
                    die("the uninstaller left rehabjournal.exe behind")
                time.sleep(2)
            say("setup installed, ran and uninstalled")
    else:
        dmg = b.DIST / f"{buildinfo.EXE_NAME}-{version}-macos-{os.uname().machine}.dmg"
        with tempfile.TemporaryDirectory(prefix="rj-dmg-") as tmp:
            mount = Path(tmp) / "mnt"
            mount.mkdir()
            run(["hdiutil", "attach", "-nobrowse", "-readonly", "-mountpoint", str(mount),
                 str(dmg)])  # fmt: skip
            try:
                b.smoke(version, mount / f"{buildinfo.APP_NAME}.app" / "Contents" / "MacOS"
                        / buildinfo.EXE_NAME)  # fmt: skip
            finally:
                run(["hdiutil", "detach", str(mount)])
            say("the app in the DMG ran")


def lock() -> None:
    """installer/requirements.lock from pyproject.toml ([project] dependencies and the
    encryption extra) and installer/requirements.in (PyInstaller, hatchling), by the pinned
    uv in build/uv-venv (installed there on first use: a build tool, not a dependency)."""
    tools = ROOT / "build" / "uv-venv"
    bindir = tools / ("Scripts" if os.name == "nt" else "bin")
    uv = bindir / ("uv.exe" if os.name == "nt" else "uv")
    if not uv.exists():
        run([sys.executable, "-m", "venv", str(tools)])
        python = bindir / ("python.exe" if os.name == "nt" else "python")
        run([str(python), "-m", "pip", "install", "--quiet", UV_REQUIREMENT])
    run([str(uv), *LOCK_COMMAND], cwd=ROOT)


COMMANDS = {"deps": deps, "venv": make_venv, "build": build, "smoke": smoke, "lock": lock}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    COMMANDS[argv[0]]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
