"""Write python3-modules.json: the pinned wheels the Flatpak manifest installs, with sha256.

    .venv/bin/python installer/flatpak/python_modules.py

The same idea as flatpak-pip-generator, without its network-at-build-time habits: every file
is a PyPI wheel named by URL and sha256, so flatpak-builder downloads and checks it before
the offline build. The versions are pinned, not resolved afresh:

- from the lock file when there is one (``installer/requirements.lock``, pip-tools style
  ``name==version`` lines, or ``uv.lock``), else
- from the development venv this script runs in (what the tests ran against).

Which packages: rehabjournal's ``dependencies`` and its ``encryption`` extra with everything
they pull in, their markers evaluated for the Flatpak's Python (CPython ``PYTHON``, Linux),
less what the PySide BaseApp brings built against the runtime's Qt (PySide6, shiboken6);
plus hatchling and its own dependencies, to build rehabjournal itself (cleaned up after).
Compiled wheels are taken for x86_64 and aarch64 (``only-arches``), pure ones once.

pip resolves nothing here but the file for a given name, version and platform
(``pip install --dry-run --no-deps --report``); it needs PyPI, so this is run by hand when
the pins change, and the result is committed. tests/test_installer_metadata.py checks that
the file matches the pins and covers every dependency.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "python3-modules.json"
LOCKS = (ROOT / "installer" / "requirements.lock", ROOT / "uv.lock")
PYTHON = "3.13"  # org.kde.Platform 6.11 (freedesktop-sdk 25.08)
ARCHES = ("x86_64", "aarch64")
EXTRAS = ("encryption",)
FROM_BASEAPP = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
BUILD_REQUIREMENTS = ("hatchling",)  # rehabjournal's build backend (pyproject [build-system])
MANYLINUX = [f"manylinux_2_{y}" for y in range(39, 16, -1)] + ["manylinux2014"]
INDEX = "https://pypi.org/simple"
PIP_INSTALL = (
    'pip3 install --verbose --no-index --find-links="file://${PWD}" '
    "--prefix=${FLATPAK_DEST} --no-build-isolation"
)


def target_environment(extra: str = "", python: str = PYTHON) -> dict[str, str]:
    """Marker variables of the Flatpak's Python (or ``python``, "3.11") on Linux."""
    env = default_environment()
    env.update(
        python_version=python,
        python_full_version=f"{python}.0",
        sys_platform="linux",
        platform_system="Linux",
        os_name="posix",
        implementation_name="cpython",
        platform_python_implementation="CPython",
        platform_machine="x86_64",
        extra=extra,
    )
    return env


def project_requirements(extra: str | None = None) -> list[Requirement]:
    """pyproject's ``dependencies``, or the requirements of one extra."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    if extra is None:
        return [Requirement(r) for r in project["dependencies"]]
    return [Requirement(r) for r in project.get("optional-dependencies", {}).get(extra, [])]


def lock_pins(python: str = PYTHON) -> dict[str, str] | None:
    """{canonical name: version} from the lock file for CPython ``python`` on Linux, or
    None when there is no lock file."""
    for lock in LOCKS:
        if not lock.is_file():
            continue
        text = lock.read_text(encoding="utf-8")
        if lock.suffix == ".lock" and lock.name == "uv.lock":
            data = tomllib.loads(text)
            return {canonicalize_name(p["name"]): p["version"] for p in data.get("package", [])}
        # name==version [; marker]: a lock made for several Pythons pins some packages once
        # per Python range; the Flatpak's Python picks its line
        pins = re.findall(
            r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)[ \t]*(?:;([^\\\n]*))?",
            text, re.M,
        )
        return {
            canonicalize_name(n): v
            for n, v, marker in pins
            if not marker.strip() or Marker(marker).evaluate(target_environment(python=python))
        }
    return None


def closure(roots: list[Requirement]) -> dict[str, str]:
    """{canonical name: installed version} of ``roots`` and what they need, from the venv."""
    found: dict[str, str] = {}
    todo = [(r, "") for r in roots]
    while todo:
        req, extra = todo.pop()
        if req.marker and not req.marker.evaluate(target_environment(extra)):
            continue
        name = canonicalize_name(req.name)
        if name in FROM_BASEAPP or name in found:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"python_modules: {req.name} is not installed in this venv") from None
        found[name] = dist.version
        for sub in dist.requires or []:
            sub_req = Requirement(sub)
            for wanted in [""] + sorted(req.extras):
                if sub_req.marker is None or sub_req.marker.evaluate(target_environment(wanted)):
                    todo.append((sub_req, wanted))
                    break
    return found


def pip_report(requirements: list[str], arch: str, *, deps: bool = False) -> list[dict]:
    """pip's installation report for ``requirements`` on the Flatpak's Python and ``arch``."""
    platforms = [a for m in MANYLINUX for a in ("--platform", f"{m}_{arch}")]
    with tempfile.TemporaryDirectory(prefix="rj-flatpak-") as tmp:
        report = Path(tmp) / "report.json"
        cmd = [
            sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
            *([] if deps else ["--no-deps"]), "--quiet", "--report", str(report),
            "--only-binary=:all:", *platforms, "--python-version", PYTHON,
            "--implementation", "cp",
            "--abi", f"cp{PYTHON.replace('.', '')}", "--abi", "abi3", "--abi", "none",
            *requirements,
        ]
        subprocess.run(cmd, check=True, env=pypi_only_env())
        return json.loads(report.read_text())["install"]


def pypi_only_env() -> dict[str, str]:
    """The environment for pip without local wheel folders, mirrors or constraints from
    pip.conf or PIP_* variables (the manifest must name files flatpak-builder can fetch)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") or k == "PIP_CERT"}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_INDEX_URL=INDEX, PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def newest(requirements: tuple[str, ...]) -> dict[str, str]:
    """{name: version}: what pip resolves today for ``requirements`` (the build backend
    when no lock file pins it; it does not end up in the app)."""
    installs = pip_report(list(requirements), ARCHES[0], deps=True)
    return {canonicalize_name(i["metadata"]["name"]): i["metadata"]["version"] for i in installs}


def resolve(pins: dict[str, str], arch: str) -> dict[str, dict]:
    """{name: {"url", "sha256", "filename"}}: the wheel pip picks for ``arch``."""
    installs = pip_report([f"{n}=={v}" for n, v in sorted(pins.items())], arch)
    wheels = {}
    for item in installs:
        info = item["download_info"]
        url = info["url"]
        if not url.startswith("https://files.pythonhosted.org/"):
            raise SystemExit(f"python_modules: {url} is not a PyPI file URL")
        wheels[canonicalize_name(item["metadata"]["name"])] = {
            "url": url,
            "sha256": info["archive_info"]["hashes"]["sha256"],
            "filename": url.rsplit("/", 1)[1],
        }
    return wheels


def wheel_arches(pins: dict[str, str]) -> list[str]:
    """The ``ARCHES`` for which every pinned package has a wheel."""
    found = []
    for arch in ARCHES:
        try:
            resolve(pins, arch)
        except subprocess.CalledProcessError:
            continue
        found.append(arch)
    return found


def sources(pins: dict[str, str], arches: tuple[str, ...] = ARCHES) -> list[dict]:
    per_arch = {arch: resolve(pins, arch) for arch in arches}
    out = []
    for name in sorted(pins):
        files = {arch: per_arch[arch][name] for arch in arches}
        if len({f["url"] for f in files.values()}) == 1:
            wheel = files[arches[0]]
            source = {"type": "file", "url": wheel["url"], "sha256": wheel["sha256"]}
            if len(arches) < len(ARCHES):
                source["only-arches"] = list(arches)
            out.append(source)
            continue
        for arch, wheel in files.items():
            out.append({
                "type": "file", "url": wheel["url"], "sha256": wheel["sha256"],
                "only-arches": [arch],
            })
    return out


def module(
    name: str, pins: dict[str, str], cleanup: list[str] | None = None,
    arches: tuple[str, ...] = ARCHES,
) -> dict:
    spec = " ".join(f'"{n}=={v}"' for n, v in sorted(pins.items()))
    mod: dict = {"name": name}
    if len(arches) < len(ARCHES):
        mod["only-arches"] = list(arches)
    mod.update({
        "buildsystem": "simple",
        "build-commands": [f"{PIP_INSTALL} {spec}"],
        "sources": sources(pins, arches),
    })
    if cleanup:
        mod["cleanup"] = cleanup
    return mod


def main() -> int:
    locked = lock_pins()
    runtime = closure(project_requirements())
    extras = {e: closure(project_requirements(e)) for e in EXTRAS}
    build = newest(BUILD_REQUIREMENTS)
    if locked is not None:
        wanted = set(runtime).union(*extras.values())
        missing = sorted(n for n in wanted if n not in locked)
        if missing:
            raise SystemExit(f"python_modules: not in the lock file: {missing}")
        runtime = {n: locked[n] for n in runtime}
        extras = {e: {n: locked[n] for n in pins} for e, pins in extras.items()}
        build = {n: locked.get(n, v) for n, v in build.items()}
    build = {n: v for n, v in build.items() if n not in runtime}
    modules = [
        # only to build rehabjournal's wheel: removed from the finished app
        module("python3-build-backend", build, cleanup=["*"]),
        module("python3-runtime", runtime),
    ]
    for extra, pins in extras.items():
        pins = {n: v for n, v in pins.items() if n not in runtime}
        arches = tuple(wheel_arches(pins))
        if not arches:
            raise SystemExit(f"python_modules: the {extra} extra has wheels for no arch")
        if arches != ARCHES:
            print(f"note: the {extra} extra has wheels for {', '.join(arches)} only")
        modules.append(module(f"python3-extra-{extra}", pins, arches=arches))
    doc = {"name": "python3-modules", "buildsystem": "simple", "build-commands": [],
           "modules": modules}
    OUT.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    source = "the lock file" if locked is not None else "the venv"
    print(f"wrote {OUT.relative_to(ROOT)}: {len(runtime)} runtime, "
          f"{sum(map(len, extras.values()))} extra and {len(build)} build packages pinned "
          f"from {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
