"""installer/requirements.lock: up to date with pyproject.toml, and installable everywhere.

The lock (``make lock``: uv, universal, Python 3.11, hashes) is what ``make installer`` and
the CI workflow install into the build venv with ``pip --require-hashes``. Here: every
requirement of pyproject (dependencies, the encryption extra, the build backend) and of
installer/requirements.in is pinned to a version it accepts, on every system the workflow
builds on; and, asking PyPI (skipped when it cannot be reached), each of those systems gets
a wheel of every locked version whose sha256 is one the lock lists.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from network import pypi_reachable  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "installer" / "requirements.lock"
LOCK_INPUT = ROOT / "installer" / "requirements.in"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"
sys.path.insert(0, str(ROOT / "installer"))
import buildinfo  # noqa: E402

PYTHON = {"python_version": "3.11", "python_full_version": "3.11.9",
          "implementation_name": "cpython", "platform_python_implementation": "CPython",
          "implementation_version": "3.11.9", "platform_release": "", "platform_version": "",
          "extra": ""}  # fmt: skip
LINUX = {**PYTHON, "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
         "platform_machine": "x86_64"}  # fmt: skip
WINDOWS = {**PYTHON, "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
           "platform_machine": "AMD64"}  # fmt: skip
MAC_ARM = {**PYTHON, "sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix",
           "platform_machine": "arm64"}  # fmt: skip
MAC_INTEL = {**MAC_ARM, "platform_machine": "x86_64"}
MACOS = buildinfo.MACOS_MINIMUM.replace(".", "_")
# pip expands a macosx --platform to the older ones, not a manylinux one: glibc 2.36 (Debian
# 12, where `make installer` runs; ubuntu-24.04 has 2.39) and every older manylinux tag
GLIBC = [f"manylinux_2_{minor}_x86_64" for minor in range(36, 4, -1)] + [
    "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]  # fmt: skip
# Each runner of the workflow: the marker environment, pip's --platform values for its
# wheels (the oldest system the installers claim; buildinfo.MACOS_MINIMUM for macOS) and
# the wheel platform tags that fit it.
RUNNERS = {
    "ubuntu-24.04": (LINUX, GLIBC, r"manylinux(_2_\d+|2014|2010|1)_x86_64"),
    "windows-2022": (WINDOWS, ["win_amd64"], r"win_amd64"),
    "macos-14": (MAC_ARM, [f"macosx_{MACOS}_arm64"], r"macosx_\d+_\d+_(arm64|universal2)"),
    "macos-15-intel": (MAC_INTEL, [f"macosx_{MACOS}_x86_64"],
                       r"macosx_\d+_\d+_(x86_64|universal2|intel)"),
}  # fmt: skip


def read_lock() -> dict[str, list[tuple[Version, Marker | None, set[str]]]]:
    """{canonical name: [(version, marker, sha256 hashes)]} (a name has several entries
    where the lock forks by marker, e.g. numpy for Python 3.11 and for 3.12+)."""
    text = re.sub(r"\\\n\s*", " ", LOCK.read_text(encoding="utf-8"))
    entries: dict[str, list] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        spec, _, options = line.partition(" --hash=")
        requirement = Requirement(spec.strip())
        pins = [s for s in requirement.specifier if s.operator == "=="]
        assert len(pins) == 1 and len(requirement.specifier) == 1, f"not pinned: {line}"
        hashes = set(re.findall(r"sha256:([0-9a-f]{64})", " --hash=" + options))
        assert hashes, f"{requirement.name} has no --hash: the lock must be made with hashes"
        entries.setdefault(canonicalize_name(requirement.name), []).append(
            (Version(pins[0].version), requirement.marker, hashes)
        )
    return entries


def for_system(entries, env: dict) -> dict[str, tuple[Version, set[str]]]:
    """The lock as pip sees it on one system: {name: (version, hashes)}."""
    chosen: dict[str, tuple[Version, set[str]]] = {}
    for name, forks in entries.items():
        applying = [(v, h) for v, marker, h in forks if marker is None or marker.evaluate(env)]
        assert len(applying) <= 1, f"{name} is pinned twice for {env['sys_platform']}"
        if applying:
            chosen[name] = applying[0]
    return chosen


def required() -> list[Requirement]:
    """What the lock must satisfy: pyproject's dependencies, its encryption extra and its
    build backend (installed without build isolation), and installer/requirements.in."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        pyproject = tomllib.load(f)
    lines = (
        pyproject["project"]["dependencies"]
        + pyproject["project"]["optional-dependencies"]["encryption"]
        + pyproject["build-system"]["requires"]
        + [
            line.strip()
            for line in LOCK_INPUT.read_text().splitlines()
            if line.strip() and not line.startswith("#")
        ]
    )
    return [Requirement(line) for line in lines]


def workflow_runners() -> list[str]:
    return re.findall(r"\{\s*os:\s*([\w.-]+)", WORKFLOW.read_text(encoding="utf-8"))


def test_every_runner_of_the_workflow_is_checked_here():
    assert sorted(workflow_runners()) == sorted(RUNNERS), (
        "the workflow's runners changed: give each new one its marker environment and wheel "
        "platform in RUNNERS, so that the lock is checked for it"
    )


@pytest.mark.parametrize("runner", sorted(RUNNERS))
def test_the_lock_pins_every_requirement_to_a_version_it_accepts(runner):
    env = RUNNERS[runner][0]
    locked = for_system(read_lock(), env)
    stale = []
    for req in required():
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        name = canonicalize_name(req.name)
        if name not in locked:
            stale.append(f"{req} is not in the lock")
        elif not req.specifier.contains(locked[name][0], prereleases=True):
            stale.append(f"{req} does not accept the locked {name}=={locked[name][0]}")
    assert not stale, "installer/requirements.lock is out of date, run `make lock`:\n" + (
        "\n".join(stale)
    )




@pytest.mark.parametrize("runner", sorted(RUNNERS))
def test_every_locked_version_has_a_wheel_with_a_locked_hash(runner, tmp_path):
    """pip, asked for this system's wheels only (no download: it reads the index and the
    wheels' metadata), finds one for every package the lock installs there, and its sha256
    is one of the lock's: the binary ones (PySide6-Essentials, shiboken6, numpy, matplotlib,
    pillow, sqlcipher3, uharfbuzz, pypdfium2, ...) and the pure-Python ones alike."""
    if not pypi_reachable():
        pytest.skip("PyPI (https://pypi.org) cannot be reached: the wheels are not checked")
    env, platforms, tag_pattern = RUNNERS[runner]
    platform = platforms[0]
    locked = for_system(read_lock(), env)
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("".join(f"{name}=={v}\n" for name, (v, _) in locked.items()))
    report = tmp_path / "report.json"
    cmd = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
        "--no-deps", "--only-binary=:all:", *(f"--platform={p}" for p in platforms),
        "--python-version",
        "3.11", "--implementation", "cp", "--quiet", "--report", str(report),
        "--index-url", "https://pypi.org/simple", "-r", str(requirements),
    ]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    errors = [line for line in run.stderr.splitlines() if not line.startswith("WARNING")]
    assert run.returncode == 0, f"no wheel for {platform} ({runner}):\n" + "\n".join(errors)
    chosen = json.loads(report.read_text())["install"]
    assert len(chosen) == len(locked)
    wrong = []
    for item in chosen:
        name = canonicalize_name(item["metadata"]["name"])
        wheel = item["download_info"]["url"].rsplit("/", 1)[-1]
        digest = item["download_info"]["archive_info"]["hashes"]["sha256"]
        if digest not in locked[name][1]:
            wrong.append(f"{wheel}: sha256 {digest} is not in the lock")
        platform_tag = wheel.removesuffix(".whl").split("-")[-1]
        if platform_tag != "any" and not any(
            re.fullmatch(tag_pattern, tag) for tag in platform_tag.split(".")
        ):
            wrong.append(f"{wheel} is not a wheel for {platform}")
    assert not wrong, "\n".join(wrong)


class _Dist:
    def __init__(self, *tags: str) -> None:
        self.wheel = "".join(f"Tag: {tag}\n" for tag in tags)

    def read_text(self, name: str) -> str | None:
        return self.wheel if name == "WHEEL" else None


def test_the_macos_app_claims_the_newest_system_its_wheels_need(monkeypatch):
    """Info.plist's LSMinimumSystemVersion: pip on a macOS 14 runner takes numpy's
    macosx_14_0 wheel, so the app must not say it runs on 13 (it would crash there)."""
    import importlib.metadata

    monkeypatch.setattr(sys, "platform", "darwin")
    dists = [
        _Dist("cp310-abi3-macosx_13_0_universal2"),  # PySide6-Essentials 6.11
        _Dist("py3-none-any"),
        _Dist("cp311-cp311-macosx_10_9_x86_64", "cp311-cp311-macosx_11_0_arm64"),
    ]
    monkeypatch.setattr(importlib.metadata, "distributions", lambda: iter(dists))
    assert buildinfo.info_plist("1.0")["LSMinimumSystemVersion"] == buildinfo.MACOS_MINIMUM
    dists.append(_Dist("cp311-cp311-macosx_14_0_arm64"))  # numpy with Accelerate
    assert buildinfo.info_plist("1.0")["LSMinimumSystemVersion"] == "14.0"
