"""The [encryption] extra installs on every system the installers are built for: sqlcipher3
has a wheel (self-contained: SQLCipher and its crypto inside the extension module) for
Windows x64, macOS arm64 and x86_64 and Linux x86_64, for Python 3.11, at the floor
pyproject allows and at the version installer/requirements.lock pins.

The old extra, sqlcipher3-binary, had wheels for Linux x86_64 only: `pip install
'rehabjournal[encryption]'` failed on Windows and macOS. Needs the package index (pip
download); skipped, saying so, when it cannot be reached.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "installer" / "requirements.lock"
PYTHON = "3.11"
# the workflow's runners: windows-2022, macos-14 (arm64), macos-13 (x86_64), ubuntu-22.04+
# (glibc 2.35: pip expands a macOS tag to older macOS versions itself, not a manylinux one)
PLATFORMS = {
    "windows-x64": (["win_amd64"], "win_amd64", ".pyd"),
    "macos-arm64": (["macosx_14_0_arm64"], "arm64", ".so"),
    "macos-x86_64": (["macosx_13_0_x86_64"], "x86_64", ".so"),
    "linux-x86_64": ([f"manylinux_2_{m}_x86_64" for m in range(35, 16, -1)], "x86_64", ".so"),
}


def _floor() -> str:
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]["encryption"]
    (req,) = [Requirement(r) for r in extra if Requirement(r).name == "sqlcipher3"]
    (spec,) = [s for s in req.specifier if s.operator == ">="]
    return spec.version


def _locked() -> str | None:
    if not LOCK.exists():
        return None
    found = re.search(r"^sqlcipher3==(\S+)", LOCK.read_text(), re.MULTILINE)
    return found.group(1) if found else None


VERSIONS = sorted({_floor(), *filter(None, [_locked()])})


def _pip(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def published() -> set[str]:
    """The sqlcipher3 versions the package index lists (skips when it cannot be reached)."""
    try:
        done = _pip("index", "versions", "sqlcipher3", timeout=180)
    except subprocess.TimeoutExpired:
        pytest.skip("PyPI is unreachable: 'pip index versions sqlcipher3' timed out")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"PyPI is unreachable: 'pip index versions sqlcipher3' failed ({last})")
    found = re.search(r"Available versions: (.+)", done.stdout)
    assert found, done.stdout
    return {v.strip() for v in found.group(1).split(",")}


def test_the_extra_is_sqlcipher3_not_the_linux_only_binary():
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]["encryption"]
    assert [Requirement(r).name for r in extra] == ["sqlcipher3"]
    assert _locked() in (None, *VERSIONS)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_sqlcipher3_has_a_wheel_for_every_installer_system(published, version, platform,
                                                           tmp_path):
    assert version in published, f"sqlcipher3 {version} is not on the package index"
    tags, arch, suffix = PLATFORMS[platform]
    done = _pip("download", *[a for tag in tags for a in ("--platform", tag)],
                "--only-binary=:all:", "--no-deps", "--python-version", PYTHON,
                f"sqlcipher3=={version}", "-d", str(tmp_path))
    assert done.returncode == 0, (
        f"no sqlcipher3 {version} wheel for {platform}, Python {PYTHON}: encryption cannot "
        f"be installed there\n{done.stderr[-2000:]}")
    (wheel,) = tmp_path.glob("*.whl")
    assert wheel.name.startswith(f"sqlcipher3-{version}-cp311-cp311-") and arch in wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    # the extension module is in the wheel, and no library beside it that the system
    # would have to provide separately (OpenSSL is linked into the module)
    assert [n for n in names if n.startswith("sqlcipher3/_sqlite3") and n.endswith(suffix)]
    assert not [n for n in names if re.search(r"(libcrypto|libssl|sqlcipher)[^/]*\.(dll|dylib)$",
                                              n, re.IGNORECASE)
                and not n.startswith("sqlcipher3/_sqlite3")]
