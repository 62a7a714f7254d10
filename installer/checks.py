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
SCREENSHOTS = LINUX / "screenshots"
FLATPAK = HERE / "flatpak" / f"{buildinfo.APP_ID}.yml"
FLATPAK_MODULES = HERE / "flatpak" / "python3-modules.json"
SCREENSHOT_MAX_BYTES = 300_000  # software centres download them; ours are 40-95 KB
# What appstreamcli --pedantic may say and still pass: the uppercase letters of the app id
# (a pedantic note; CamelCase is Flatpak's convention and the id is fixed), and AppStream
# 0.16 (Debian 12) not knowing the <developer> tag of AppStream 1.0 (an info).
APPSTREAM_ACCEPTED = {("P", "cid-contains-uppercase-letter"), ("I", "unknown-tag developer")}
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
        apps = ROOT / "resources" / "icons" / "hicolor" / f"{n}x{n}" / "apps"
        png = apps / f"{buildinfo.APP_ID}.png"  # named after the app id (desktop entry Icon=)
        others = sorted(p.name for p in apps.glob("*.png") if p != png) if apps.is_dir() else []
        if others:
            problems.append(f"{apps.relative_to(ROOT)} holds {others}: only {png.name}")
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


def pyproject() -> dict:
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def desktop_entry() -> dict[str, str]:
    """The keys of the desktop file's [Desktop Entry] group."""
    keys: dict[str, str] = {}
    group = None
    for line in DESKTOP.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            group = line.strip()
        elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys[key.strip()] = value.strip()
    return keys


def app_id_problems() -> list[str]:
    """The app id is the same everywhere a desktop, software centre or Flatpak looks for it."""
    app_id = buildinfo.APP_ID
    entry = desktop_entry()
    problems = []
    if entry.get("Icon") != app_id:
        problems.append(f"desktop entry Icon={entry.get('Icon')} is not the app id {app_id}")
    scripts = pyproject().get("gui-scripts", {})
    exe = entry.get("Exec", "").split()[0] if entry.get("Exec") else ""
    if exe not in scripts:
        problems.append(f"desktop entry Exec={exe} is not a gui-script of pyproject {scripts}")
    if entry.get("StartupWMClass") != buildinfo.EXE_NAME:
        # X11 WM_CLASS is (argv[0], QCoreApplication.applicationName() = "rehabjournal")
        problems.append(f"desktop entry StartupWMClass is not {buildinfo.EXE_NAME}")
    sources = {
        "src/rehabjournal/ui/app.py": r"setDesktopFileName\(\s*[\"']([^\"']+)",
        "src/rehabjournal/services/autostart.py": r"^APP_ID\s*=\s*[\"']([^\"']+)",
    }
    for rel, pattern in sources.items():
        found = re.search(pattern, (ROOT / rel).read_text(encoding="utf-8"), re.M)
        if not found or found.group(1) != app_id:
            problems.append(f"{rel} does not use the app id {app_id}")
    return problems


def metainfo_problems(version: str) -> list[str]:
    root = ET.parse(METAINFO).getroot()
    problems = []
    if root.findtext("id") != buildinfo.APP_ID:
        problems.append("metainfo <id> is not the app id")
    launchable = root.findtext("launchable")
    if launchable != DESKTOP.name:
        problems.append(f"metainfo <launchable> {launchable!r} is not {DESKTOP.name}")
    binaries = [b.text for b in root.iter("binary")]
    if binaries != [desktop_entry().get("Exec", "").split(" ")[0]]:
        problems.append(f"metainfo <provides><binary> {binaries} is not the desktop Exec")
    urls = {u.get("type"): u.text for u in root.findall("url")}
    project_urls = pyproject().get("urls", {})
    for kind, key in (("homepage", "Homepage"), ("bugtracker", "Issues")):
        if not urls.get(kind) or urls.get(kind) != project_urls.get(key):
            problems.append(
                f'metainfo <url type="{kind}"> {urls.get(kind)!r} is not pyproject '
                f"[project.urls] {key} {project_urls.get(key)!r}"
            )
    developer = root.find("developer")
    if developer is None or not developer.get("id") or not developer.findtext("name"):
        problems.append('metainfo lacks <developer id="..."><name>...</name></developer>')
    rating = root.find("content_rating")
    if rating is None or rating.get("type") != "oars-1.1":
        problems.append('metainfo lacks <content_rating type="oars-1.1">')
    releases = [r.get("version") for r in root.iter("release")]
    if version not in releases:
        problems.append(
            f'metainfo has no <release version="{version}">: add one to {METAINFO.name} '
            f"when pyproject.toml's version changes (found {releases})"
        )
    return problems


def screenshot_problems() -> list[str]:
    """Every screenshot in the metainfo is a committed PNG of the stated size, linked on the
    homepage's repository; every committed one is in the metainfo."""
    root = ET.parse(METAINFO).getroot()
    homepage = next((u.text for u in root.findall("url") if u.get("type") == "homepage"), "")
    owner_repo = homepage.removeprefix("https://github.com/").strip("/")
    prefix = f"https://raw.githubusercontent.com/{owner_repo}/main/"
    shots = root.findall("screenshots/screenshot")
    problems = []
    if [s.get("type") for s in shots].count("default") != 1:
        problems.append("metainfo needs exactly one <screenshot type=\"default\">")
    linked = set()
    for shot in shots:
        image = shot.find("image")
        url = image.text.strip() if image is not None and image.text else ""
        if not (shot.findtext("caption") or "").strip():
            problems.append(f"screenshot {url} has no <caption>")
        if not url.startswith(prefix):
            problems.append(f"screenshot {url} is not a file of {prefix}")
            continue
        path = ROOT / url.removeprefix(prefix)
        linked.add(path)
        if not path.is_file():
            problems.append(f"screenshot {url}: {path.relative_to(ROOT)} is not committed")
            continue
        size = png_size(path)
        stated = (int(image.get("width", 0)), int(image.get("height", 0)))
        if size != stated:
            problems.append(f"{path.name} is {size[0]}x{size[1]}, metainfo says {stated}")
        if path.stat().st_size > SCREENSHOT_MAX_BYTES:
            problems.append(f"{path.name} is {path.stat().st_size} bytes (keep it small)")
    for png in sorted(SCREENSHOTS.glob("*.png")):
        if png not in linked:
            problems.append(f"{png.relative_to(ROOT)} is not in the metainfo")
    return problems


def flatpak_manifest() -> dict | None:
    """The Flatpak manifest as data: PyYAML when importable, else ``flatpak-builder
    --show-manifest``; None when neither is there."""
    try:
        import yaml
    except ImportError:
        if shutil.which("flatpak-builder") is None:
            return None
        import json
        import tempfile

        with tempfile.TemporaryDirectory(prefix="rj-flatpak-") as tmp:  # its .flatpak-builder/
            run = subprocess.run(
                ["flatpak-builder", "--show-manifest", str(FLATPAK)],
                capture_output=True, text=True, check=True, cwd=tmp,
            )
        return json.loads(run.stdout)
    return yaml.safe_load(FLATPAK.read_text(encoding="utf-8"))


def flatpak_problems(manifest: dict) -> list[str]:
    """The manifest's app id, runtime and permissions (no network), and that what it
    installs exists here."""
    import json

    app_id = buildinfo.APP_ID
    problems = []
    if manifest.get("id") != app_id or FLATPAK.stem != app_id:
        problems.append(f"Flatpak manifest id {manifest.get('id')} / file name is not {app_id}")
    if manifest.get("command") not in pyproject().get("gui-scripts", {}):
        problems.append(f"Flatpak command {manifest.get('command')} is not a gui-script")
    if (manifest.get("runtime"), manifest.get("base")) != ("org.kde.Platform",
                                                             "io.qt.PySide.BaseApp"):
        problems.append("Flatpak runtime must be org.kde.Platform with io.qt.PySide.BaseApp")
    if manifest.get("runtime-version") != manifest.get("base-version"):
        problems.append("Flatpak runtime-version and base-version differ (PySide is built "
                        "against that runtime's Qt)")
    args = manifest.get("finish-args", [])
    for arg in args:
        if arg.startswith("--share=network") or arg.startswith("--filesystem=host") \
                or arg.startswith("--filesystem=home") or arg == "--device=all":
            problems.append(f"Flatpak finish-args has {arg}: the app needs no such access")
    modules = manifest.get("modules", [])
    # the YAML names the file; flatpak-builder --show-manifest puts its content in place
    included = "python3-modules.json" in modules or any(
        isinstance(m, dict) and m.get("name") == "python3-modules" for m in modules
    )
    if not included or not FLATPAK_MODULES.is_file():
        problems.append("Flatpak manifest does not include python3-modules.json")
    else:
        modules = modules + json.loads(FLATPAK_MODULES.read_text())["modules"]
    for mod in modules:
        if not isinstance(mod, dict):
            continue
        if "--share=network" in mod.get("build-options", {}).get("build-args", []):
            problems.append(f"Flatpak module {mod['name']} builds with network access")
        for src in mod.get("sources", []):
            if src.get("type") == "file" and "url" in src and (
                not src["url"].startswith("https://")
                or not re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", ""))
            ):
                problems.append(f"Flatpak source {src['url']} lacks https or a sha256")
    app = next((m for m in modules if isinstance(m, dict) and m.get("name") == "rehabjournal"),
               None)
    if app is None:
        return problems + ["Flatpak manifest has no rehabjournal module"]
    commands = "\n".join(app.get("build-commands", [])).replace("${FLATPAK_ID}", app_id)
    for rel in (
        f"installer/linux/{app_id}.desktop",
        f"installer/linux/{app_id}.metainfo.xml",
        "resources/icons/rehabjournal.svg",
        f"resources/icons/hicolor/${{n}}x${{n}}/apps/{app_id}.png",
    ):
        if rel not in commands:
            problems.append(f"the Flatpak's rehabjournal module does not install {rel}")
        elif "${n}" not in rel and not (ROOT / rel).is_file():
            problems.append(f"the Flatpak installs {rel}, which does not exist")
    for needed in ("share/applications", "share/metainfo",
                   f"share/icons/hicolor/scalable/apps/{app_id}.svg"):
        if needed not in commands:
            problems.append(f"the Flatpak does not install into {needed}")
    return problems


def static_problems(version: str | None = None) -> list[str]:
    version = version or buildinfo.version()
    manifest = flatpak_manifest()  # None without PyYAML or flatpak-builder: not checked
    return (
        spec_problems()
        + shell_problems()
        + iss_problems()
        + plist_problems(version)
        + metainfo_problems(version)
        + app_id_problems()
        + screenshot_problems()
        + icon_problems()
        + (flatpak_problems(manifest) if manifest is not None else [])
    )


def validate_desktop_metadata(
    desktop: Path = DESKTOP, metainfo: Path = METAINFO
) -> dict[str, str | None]:
    """Run ``desktop-file-validate`` and ``appstreamcli validate --no-net --pedantic``.

    Returns:
        {tool: None if not installed, "" if clean, else its output}. Clean means
        desktop-file-validate printed nothing (not even a hint), and appstreamcli passed
        with no error, warning, info or pedantic note outside ``APPSTREAM_ACCEPTED``.
    """
    commands = {
        "desktop-file-validate": ["desktop-file-validate", str(desktop)],
        "appstreamcli": ["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)],
    }
    results: dict[str, str | None] = {}
    for tool, cmd in commands.items():
        if shutil.which(tool) is None:
            results[tool] = None
            continue
        run = subprocess.run(cmd, capture_output=True, text=True)
        out = run.stdout + run.stderr
        if tool == "desktop-file-validate":
            bad = run.returncode != 0 or out.strip() != ""  # clean means it prints nothing
        else:
            # "P: io.github...:4: cid-contains-uppercase-letter": every issue, pedantic and
            # info ones too, must be one of APPSTREAM_ACCEPTED
            issues = re.findall(r"^([EWIP]): [^:\s]+:(?:\d+:)? (.+?)\s*$", out, re.M)
            bad = run.returncode != 0 or any(i not in APPSTREAM_ACCEPTED for i in issues)
        results[tool] = out.strip() if bad else ""
    return results


if __name__ == "__main__":
    problems = static_problems()
    for tool, result in validate_desktop_metadata().items():
        if result:
            problems.append(f"{tool}:\n{result}")
        print(f"{tool}: {'not installed' if result is None else 'ok' if not result else 'FAILED'}")
    print("\n".join(problems) or "installer sources: ok")
    raise SystemExit(1 if problems else 0)
