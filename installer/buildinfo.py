"""Facts every installer step shares: the version (from pyproject.toml), names, the plist.

Used by rehabjournal.spec, the Makefile (``python buildinfo.py version``) and the tests, so the
version exists in one place only: ``[project] version`` in pyproject.toml.
"""

from __future__ import annotations

import platform
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.rehabjournal.RehabJournal"
APP_NAME = "Rehab Journal"  # shown name (macOS .app, Start menu, desktop entry)
EXE_NAME = "rehabjournal"  # the bundle's folder and executable
CLI_EXE_NAME = "rehabjournal-cli"  # Windows only: a console twin for headless commands
# The oldest macOS the locked wheels all install on (PySide6-Essentials 6.11 is
# macosx_13_0_universal2); tests/test_installer_lock.py checks the lock against it.
MACOS_MINIMUM = "13.0"


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def tarball_name(ver: str | None = None) -> str:
    return f"{EXE_NAME}-{ver or version()}-linux-{arch()}.tar.gz"


def macos_minimum() -> str:
    """The oldest macOS the bundle runs on: the newest of the installed wheels' minimums.

    On macOS, pip picks each package's wheel for the building machine's version (numpy's
    macosx_14_0 wheels on macOS 14), so the bundle needs what its wheels need. Reads every
    installed distribution's WHEEL tags; elsewhere, or with no newer tag, MACOS_MINIMUM.

    Returns:
        A version such as "14.0", for Info.plist's LSMinimumSystemVersion.
    """
    floor = tuple(int(p) for p in MACOS_MINIMUM.split("."))
    if sys.platform != "darwin":
        return MACOS_MINIMUM
    import importlib.metadata

    for dist in importlib.metadata.distributions():
        found = re.findall(r"macosx_(\d+)_(\d+)_", dist.read_text("WHEEL") or "")
        if found:  # a wheel with several macOS tags installs from its oldest one
            floor = max(floor, min((int(a), int(b)) for a, b in found))
    return f"{floor[0]}.{floor[1]}"


def info_plist(ver: str | None = None) -> dict:
    """Info.plist keys for the macOS bundle (PyInstaller's BUNDLE merges them in)."""
    ver = ver or version()
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": ver,
        "CFBundleVersion": ver,
        "CFBundlePackageType": "APPL",
        "LSApplicationCategoryType": "public.app-category.medical",
        "LSMinimumSystemVersion": macos_minimum(),
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "NSHumanReadableCopyright": "rehabjournal developers, GPL-3.0-or-later",
    }


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "version"
    print({"version": version, "tarball": tarball_name, "arch": arch}[what]())
