"""Checks of the installer sources that run on Linux, shared by build.py and the tests.

What cannot be built here (the Windows setup, the macOS .app and DMG) is at least parsed:
the spec compiles, shell scripts pass ``sh -n``/``bash -n``, the Inno Setup script has its
sections and takes its version from the build, the Info.plist values make a valid plist, and
the icons exist in the right sizes. The desktop entry and metainfo go through the real
validators when they are installed.
"""

from __future__ import annotations

import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildinfo  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LINUX = HERE / "linux"
DESKTOP = LINUX / f"{buildinfo.APP_ID}.desktop"
METAINFO = LINUX / f"{buildinfo.APP_ID}.metainfo.xml"
ISS = HERE / "windows" / "rehabjournal.iss"
SPEC = HERE / "rehabjournal.spec"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
SHELL_SCRIPTS = {  # script -> the shell that checks its syntax
    LINUX / "install.sh": "sh",
    LINUX / "uninstall.sh": "sh",
    HERE / "macos" / "make_dmg.sh": "bash",
}
TOOL_PACKAGES = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"}
ISS_SECTIONS = ("Setup", "Languages", "Tasks", "Files", "Icons", "Run")
ISS_SETUP_KEYS = (
    "AppId",
    "AppName",
    "AppVersion",
    "DefaultDirName",
    "DefaultGroupName",
    "OutputBaseFilename",
    "SetupIconFile",
    "UninstallDisplayIcon",
)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (no Pillow needed)."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def icon_problems() -> list[str]:
    problems = []
    for n in ICON_SIZES:
        png = ROOT / "resources" / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "rehabjournal.png"
        if not png.is_file():
            problems.append(f"missing {png.relative_to(ROOT)}")
        elif png_size(png) != (n, n):
            problems.append(f"{png.relative_to(ROOT)} is {png_size(png)}, not {n}x{n}")
    for path, magic in (
        (HERE / "windows" / "rehabjournal.ico", b"\x00\x00\x01\x00"),
        (HERE / "macos" / "rehabjournal.icns", b"icns"),
    ):
        if not path.is_file() or not path.read_bytes().startswith(magic):
            problems.append(f"{path.relative_to(ROOT)} is missing or not an icon file")
    return problems


def shell_problems() -> list[str]:
    problems = []
    for script, shell in SHELL_SCRIPTS.items():
        if not script.is_file():
            problems.append(f"missing {script.relative_to(ROOT)}")
            continue
        run = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True)
        if run.returncode:
            problems.append(f"{shell} -n {script.relative_to(ROOT)}: {run.stderr.strip()}")
    return problems


def spec_problems() -> list[str]:
    try:
        compile(SPEC.read_text(), str(SPEC), "exec")
    except SyntaxError as exc:
        return [f"{SPEC.name} does not compile: {exc}"]
    return []


def iss_problems() -> list[str]:
    text = ISS.read_text(encoding="utf-8")
    sections = set(re.findall(r"^\[(\w+)\]\s*$", text, re.M))
    problems = [f".iss lacks [{s}]" for s in ISS_SECTIONS if s not in sections]
    setup = re.search(r"^\[Setup\]\s*$(.*?)(?=^\[)", text, re.M | re.S)
    keys = dict(re.findall(r"^(\w+)\s*=\s*(.+?)\s*$", setup.group(1), re.M)) if setup else {}
    problems += [f".iss [Setup] lacks {k}" for k in ISS_SETUP_KEYS if k not in keys]
    if keys.get("AppVersion") != "{#AppVersion}":
        problems.append(".iss AppVersion must come from the build's /DAppVersion define")
    if "{#AppVersion}" not in keys.get("OutputBaseFilename", ""):
        problems.append(".iss OutputBaseFilename must carry the version")
    if "#error" not in text:
        problems.append(".iss must refuse to compile without /DAppVersion")
    icon = keys.get("SetupIconFile")
    if icon and not (ISS.parent / icon).is_file():
        problems.append(f".iss SetupIconFile {icon} does not exist")
    return problems


def plist_problems(version: str) -> list[str]:
    values = buildinfo.info_plist(version)
    data = plistlib.dumps(values)
    ET.fromstring(data)  # well-formed XML
    back = plistlib.loads(data)
    problems = []
    if back != values:
        problems.append("Info.plist values do not survive a plist round trip")
    if back.get("CFBundleIdentifier") != buildinfo.APP_ID:
        problems.append("Info.plist CFBundleIdentifier is not the app id")
    if back.get("CFBundleShortVersionString") != version:
        problems.append("Info.plist version is not pyproject's")
    return problems


def metainfo_problems(version: str) -> list[str]:
    root = ET.parse(METAINFO).getroot()
    problems = []
    if root.findtext("id") != buildinfo.APP_ID:
        problems.append("metainfo <id> is not the app id")
    launchable = root.findtext("launchable")
    if launchable != DESKTOP.name:
        problems.append(f"metainfo <launchable> {launchable!r} is not {DESKTOP.name}")
    releases = [r.get("version") for r in root.iter("release")]
    if version not in releases:
        problems.append(
            f'metainfo has no <release version="{version}">: add one to {METAINFO.name} '
            f"when pyproject.toml's version changes (found {releases})"
        )
    return problems


def static_problems(version: str | None = None) -> list[str]:
    version = version or buildinfo.version()
    return (
        spec_problems()
        + shell_problems()
        + iss_problems()
        + plist_problems(version)
        + metainfo_problems(version)
        + icon_problems()
    )


def validate_desktop_metadata() -> dict[str, str | None]:
    """{tool: None if not installed, "" if valid, else its complaints}."""
    commands = {
        "desktop-file-validate": ["desktop-file-validate", str(DESKTOP)],
        "appstreamcli": ["appstreamcli", "validate", "--no-net", "--explain", str(METAINFO)],
    }
    results: dict[str, str | None] = {}
    for tool, cmd in commands.items():
        if shutil.which(tool) is None:
            results[tool] = None
            continue
        run = subprocess.run(cmd, capture_output=True, text=True)
        # desktop-file-validate exits 0 with hints; any "error:" or "warning:" is a failure.
        bad = run.returncode != 0 or re.search(r"\b(error|warning):", run.stdout + run.stderr)
        results[tool] = (run.stdout + run.stderr).strip() if bad else ""
    return results


if __name__ == "__main__":
    problems = static_problems()
    for tool, result in validate_desktop_metadata().items():
        if result:
            problems.append(f"{tool}:\n{result}")
        print(f"{tool}: {'not installed' if result is None else 'ok' if not result else 'FAILED'}")
    print("\n".join(problems) or "installer sources: ok")
    raise SystemExit(1 if problems else 0)
