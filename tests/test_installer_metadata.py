"""Installer sources: desktop metadata validators, script syntax, icons (no build needed).

The checks live in installer/checks.py so that ``make installer`` runs the same ones.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

INSTALLER = Path(__file__).resolve().parent.parent / "installer"


def _load(name: str):
    if str(INSTALLER) not in sys.path:
        sys.path.insert(0, str(INSTALLER))
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


checks = _load("checks")
buildinfo = _load("buildinfo")


def _needs(tool: str):
    return pytest.mark.skipif(
        shutil.which(tool) is None,
        reason=f"{tool} is not installed (Debian package {checks.TOOL_PACKAGES[tool]})",
    )


@_needs("desktop-file-validate")
def test_desktop_entry_is_valid():
    assert checks.validate_desktop_metadata()["desktop-file-validate"] == ""


@_needs("appstreamcli")
def test_metainfo_is_valid():
    assert checks.validate_desktop_metadata()["appstreamcli"] == ""


def test_metainfo_matches_app_id_and_has_this_release():
    assert checks.metainfo_problems(buildinfo.version()) == []


def test_spec_compiles():
    assert checks.spec_problems() == []


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_shell_scripts_parse():
    assert checks.shell_problems() == []


def test_inno_setup_script_has_its_sections_and_takes_the_version_from_the_build():
    assert checks.iss_problems() == []


def test_macos_info_plist_is_valid_and_carries_the_version():
    assert checks.plist_problems(buildinfo.version()) == []


def test_icons_exist_in_every_size():
    assert checks.icon_problems() == []


def test_version_comes_from_pyproject():
    import tomllib

    with open(INSTALLER.parent / "pyproject.toml", "rb") as f:
        expected = tomllib.load(f)["project"]["version"]
    assert buildinfo.version() == expected
    assert buildinfo.tarball_name().startswith(f"rehabjournal-{expected}-linux-")
