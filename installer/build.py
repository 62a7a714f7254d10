"""Build, check and pack this system's installer (``make installer`` = ``ci.py build``).

Run by the build venv's Python (installer/ci.py makes it from the lock). Linux: validate the
desktop metadata; PyInstaller (rehabjournal.spec) into dist/rehabjournal; smoke-test the
frozen app (--version, a headless demo report, the window offscreen); report the unpacked
size against the budget; pack dist/rehabjournal-<version>-linux-<arch>.tar.gz with
install.sh and uninstall.sh; try install.sh and uninstall.sh in a throwaway home.
Windows: PyInstaller, the smoke test on rehabjournal-cli.exe, the size, then Inno Setup
(``ISCC`` or ``iscc`` on PATH) makes dist/rehabjournal-<version>-windows-x64-setup.exe.
macOS: macos/make_dmg.sh (PyInstaller, .app, DMG), then the smoke test on the .app.

Environment: SIZE_BUDGET_MB (default 220) fails a Linux build above it (elsewhere the size is
reported only: the Linux-only trimming does not apply); SKIP_PYINSTALLER=1 reuses an
existing dist/rehabjournal (for iterating on the later steps).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import buildinfo
import checks

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / buildinfo.EXE_NAME
IS_WIN = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"
APP = DIST / f"{buildinfo.APP_NAME}.app"  # macOS
if IS_WIN:  # the console twin: the windowed rehabjournal.exe has no stdout
    EXE = BUNDLE / f"{buildinfo.CLI_EXE_NAME}.exe"
elif IS_MAC:
    EXE = APP / "Contents" / "MacOS" / buildinfo.EXE_NAME
else:
    EXE = BUNDLE / buildinfo.EXE_NAME
BUDGET_MB = int(os.environ.get("SIZE_BUDGET_MB", "220"))
LICENCE_FILES = ("LICENSE", "THIRD-PARTY-NOTICES")  # beside the bundle in tarball and DMG


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def die(message: str) -> None:
    print(f"build.py: FAILED: {message}", file=sys.stderr)
    raise SystemExit(1)


def check_metadata(version: str) -> None:
    step("desktop entry, AppStream metainfo, installer scripts")
    problems = checks.static_problems(version)
    for tool, result in checks.validate_desktop_metadata().items():
        if result is None:
            print(f"  {tool}: not installed, skipped ({checks.TOOL_PACKAGES[tool]} package)")
        elif result:
            problems.append(f"{tool}:\n{result}")
        else:
            print(f"  {tool}: ok")
    if problems:
        die("\n".join(problems))
    print("  spec compiles, shell scripts parse, .iss has its sections, plist is valid, icons ok")


def run_pyinstaller() -> None:
    step("PyInstaller")
    if os.environ.get("SKIP_PYINSTALLER") and EXE.exists():
        print("  SKIP_PYINSTALLER set: reusing", BUNDLE)
        return
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(HERE / "rehabjournal.spec"),
    ]
    if subprocess.run(cmd, cwd=ROOT).returncode:
        die("PyInstaller failed")


def smoke(version: str, exe: Path = EXE) -> None:
    """--version, a headless demo report without a logged error, the window for 8 s."""
    step(f"smoke test of the frozen app: {exe}")
    with tempfile.TemporaryDirectory(prefix="rj-smoke-") as tmp:
        env = {
            **os.environ,
            "HOME": tmp,  # settings and any stray files land in the throwaway folder
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_DATA_HOME": f"{tmp}/data",
            "APPDATA": f"{tmp}/appdata",  # Windows
            "LOCALAPPDATA": f"{tmp}/localappdata",
            "QT_QPA_PLATFORM": "offscreen",
        }
        out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env)
        print(f"  $ {exe.name} --version\n  {out.stdout.strip()}")
        if out.returncode or out.stdout.strip() != f"rehabjournal {version}":
            die(f"--version printed {out.stdout!r} {out.stderr!r}, exit {out.returncode}")

        pdf = Path(tmp) / "demo-report.pdf"
        cmd = [str(exe), "--demo", "report", "--out", str(pdf)]
        start = time.monotonic()
        out = subprocess.run(cmd, capture_output=True, text=True, env=env)
        took = time.monotonic() - start
        print(f"  $ {exe.name} --demo report --out {pdf.name}  ({took:.1f} s)")
        print("  " + (out.stdout.strip() or "(no output)"))
        if out.returncode or not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            die(f"demo report failed (exit {out.returncode}): {out.stderr.strip()}")
        # The builder leaves out a chart that fails and logs why, so a PDF alone proves
        # little: numpy, matplotlib and every chart must load in the frozen app too.
        if "Traceback" in out.stderr or "failed" in out.stderr:
            die(f"demo report wrote a PDF but logged errors:\n{out.stderr.strip()}")
        print(f"  {pdf.name}: {pdf.stat().st_size // 1024} KiB, a PDF")

        # The window: Qt plugins, icons, matplotlib canvases. It must still be running after
        # a few seconds (it only ends when closed); a crash or a missing plugin ends it early.
        log = Path(tmp) / "gui.log"
        with log.open("wb") as sink:
            proc = subprocess.Popen([str(exe), "--demo"], stdout=sink, stderr=sink, env=env)
            try:
                proc.wait(timeout=8)
            except subprocess.TimeoutExpired:
                proc.terminate()
                proc.wait(timeout=10)
            else:
                die(f"the window exited early ({proc.returncode}): {log.read_text()}")
        if "Traceback" in log.read_text():
            die(f"the window logged errors:\n{log.read_text()}")
        print(f"  $ {exe.name} --demo (offscreen): window up for 8 s, no errors, closed")


def du_bytes(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())


def report_size(bundle: Path = BUNDLE, enforce: bool = True) -> int:
    step("bundle size")
    if os.name != "nt" and shutil.which("du"):
        du = subprocess.run(["du", "-sh", str(bundle)], capture_output=True, text=True).stdout
        print(f"  $ du -sh {bundle.relative_to(ROOT)}\n  " + du.strip())
        size_mb = int(
            subprocess.run(["du", "-sm", str(bundle)], capture_output=True, text=True)
            .stdout.split()[0]
        )
    else:  # Windows
        size_mb = round(du_bytes(bundle) / 2**20)
    internal = bundle / "_internal"
    if not internal.is_dir():  # macOS .app: the libraries are in Contents/Frameworks
        internal = bundle / "Contents" / "Frameworks"
    parts = sorted(
        ((du_bytes(p) if p.is_dir() else p.lstat().st_size, p.name) for p in internal.iterdir()),
        reverse=True,
    )[:8]
    print("  largest: " + ", ".join(f"{name} {size / 2**20:.0f}M" for size, name in parts))
    if not enforce:
        print(f"  {size_mb} MB (the {BUDGET_MB} MB budget is checked on Linux only)")
    elif size_mb > BUDGET_MB:
        die(f"bundle is {size_mb} MB, over the {BUDGET_MB} MB budget")
    else:
        print(f"  {size_mb} MB, within the {BUDGET_MB} MB budget")
    return size_mb


def check_contents(bundle: Path = BUNDLE) -> None:
    """What the smoke test cannot reach: the Reports page renders its preview with
    pypdfium2 (PDFium inside), loaded only when a report is previewed."""
    step("bundle contents")
    if IS_WIN and not (bundle / f"{buildinfo.EXE_NAME}.exe").is_file():
        die(f"the windowed {buildinfo.EXE_NAME}.exe is missing beside the console twin")
    found = [p for p in bundle.rglob("*pdfium*") if p.suffix in (".so", ".dll", ".dylib")]
    if not found:
        die("pypdfium2's PDFium library is not in the bundle: the report preview would fail")
    print(f"  PDFium for the report preview: {found[0].relative_to(bundle)}")


def make_tarball(version: str) -> Path:
    step("tarball")
    name = buildinfo.tarball_name(version)
    top = name.removesuffix(".tar.gz")
    stage = ROOT / "build" / "tarball" / top
    shutil.rmtree(stage.parent, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(BUNDLE, stage / buildinfo.EXE_NAME, symlinks=True)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(HERE / "linux" / script, stage / script)
        (stage / script).chmod(0o755)
    for notice in LICENCE_FILES:  # readable before installing (the app shows them too)
        shutil.copy2(ROOT / notice, stage / notice)
    share = stage / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy2(HERE / "linux" / f"{buildinfo.APP_ID}.desktop", share / "applications")
    shutil.copy2(HERE / "linux" / f"{buildinfo.APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(ROOT / "resources" / "icons" / "hicolor", share / "icons" / "hicolor")
    out = DIST / name

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=top, filter=normalise)
    print(f"  {out.relative_to(ROOT)}: {out.stat().st_size / 2**20:.0f} MB")
    return out


def try_install(tarball: Path, version: str) -> None:
    step("install.sh and uninstall.sh in a throwaway home")
    with tempfile.TemporaryDirectory(prefix="rj-home-") as home:
        with tarfile.open(tarball) as tar:
            tar.extractall(home, filter="tar")
        top = Path(home) / tarball.name.removesuffix(".tar.gz")
        missing = [name for name in LICENCE_FILES if not (top / name).is_file()]
        if missing:
            die(f"the tarball lacks {missing} at its top")
        env = {**os.environ, "HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("PREFIX", None)
        run = subprocess.run([str(top / "install.sh")], capture_output=True, text=True, env=env)
        if run.returncode:
            die(f"install.sh failed: {run.stdout}{run.stderr}")
        local = Path(home) / ".local"
        expected = [
            local / "bin" / "rehabjournal",
            local / "opt" / "rehabjournal" / "rehabjournal",
            local / "share" / "applications" / f"{buildinfo.APP_ID}.desktop",
            local / "share" / "metainfo" / f"{buildinfo.APP_ID}.metainfo.xml",
            *(
                local / "share" / "icons" / "hicolor" / "256x256" / "apps" / icon.name
                for icon in (ROOT / "resources/icons/hicolor/256x256/apps").glob("*.png")
            ),
        ]
        missing = [str(p) for p in expected if not p.exists()]
        if missing:
            die(f"install.sh did not install {missing}")
        out = subprocess.run(
            [str(local / "bin" / "rehabjournal"), "--version"],
            capture_output=True,
            text=True,
            env=env,
        )
        if out.stdout.strip() != f"rehabjournal {version}":
            die(f"installed launcher printed {out.stdout!r} {out.stderr!r}")
        desktop = (local / "share" / "applications" / f"{buildinfo.APP_ID}.desktop").read_text()
        if f"Exec={local}/bin/rehabjournal" not in desktop:
            die("installed desktop entry does not point at the launcher")
        print(f"  installed: launcher says {out.stdout.strip()!r}")
        run = subprocess.run(
            [str(local / "opt" / "rehabjournal" / "uninstall.sh")],
            capture_output=True,
            text=True,
            env=env,
        )
        left = [str(p) for p in expected if p.exists()]
        if run.returncode or left:
            die(f"uninstall.sh failed or left {left}: {run.stdout}{run.stderr}")
        print("  uninstalled: nothing left behind")


def make_setup(version: str) -> Path:
    """Windows: Inno Setup compiles windows/rehabjournal.iss around dist/rehabjournal."""
    step("Inno Setup")
    iscc = os.environ.get("ISCC") or shutil.which("iscc")
    if not iscc:
        die("Inno Setup's iscc not found: `python installer/ci.py deps` installs it")
    cmd = [iscc, "/Qp", f"/DAppVersion={version}", str(HERE / "windows" / "rehabjournal.iss")]
    if subprocess.run(cmd, cwd=ROOT).returncode:
        die("iscc failed")
    out = DIST / f"{buildinfo.EXE_NAME}-{version}-windows-x64-setup.exe"
    if not out.is_file():
        die(f"iscc did not write {out}")
    print(f"  {out.relative_to(ROOT)}: {out.stat().st_size / 2**20:.0f} MB")
    return out


def make_dmg(version: str) -> Path:
    """macOS: make_dmg.sh runs PyInstaller (the spec's BUNDLE makes the .app) and hdiutil."""
    step("PyInstaller, .app and DMG (macos/make_dmg.sh)")
    env = {**os.environ, "PY": sys.executable}
    if subprocess.run(["bash", str(HERE / "macos" / "make_dmg.sh")], cwd=ROOT, env=env).returncode:
        die("make_dmg.sh failed")
    out = DIST / f"{buildinfo.EXE_NAME}-{version}-macos-{os.uname().machine}.dmg"
    if not out.is_file():
        die(f"make_dmg.sh did not write {out}")
    return out


def main() -> int:
    start = time.monotonic()
    version = buildinfo.version()
    if IS_WIN:
        print(f"rehabjournal {version}: Windows bundle and setup")
        run_pyinstaller()
        smoke(version)
        size_mb = report_size(enforce=False)
        check_contents()
        made = make_setup(version)
    elif IS_MAC:
        print(f"rehabjournal {version}: macOS app and DMG")
        check_metadata(version)
        made = make_dmg(version)
        smoke(version)
        size_mb = report_size(APP, enforce=False)
        check_contents(APP)
    else:
        print(f"rehabjournal {version}: Linux one-folder bundle")
        check_metadata(version)
        run_pyinstaller()
        smoke(version)
        size_mb = report_size()
        check_contents()
        made = make_tarball(version)
        try_install(made, version)
    minutes, seconds = divmod(int(time.monotonic() - start), 60)
    step("done")
    print(
        f"  {EXE.relative_to(ROOT)} ({size_mb} MB) and {made.relative_to(ROOT)}"
        f" in {minutes} min {seconds} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
