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


# ---- AppStream, app id, screenshots, Flatpak (issue 21, item 8) ---------------------------


def test_app_id_is_the_same_in_every_file_that_names_it():
    """Desktop entry name and Icon=, metainfo id and launchable, the icons' file names,
    ui/app.py's setDesktopFileName, the autostart entry and the Flatpak id: a software
    centre, a Wayland compositor or Flatpak's export each looks it up in another one."""
    assert checks.app_id_problems() == []
    assert checks.DESKTOP.name == f"{buildinfo.APP_ID}.desktop"
    assert checks.METAINFO.name == f"{buildinfo.APP_ID}.metainfo.xml"
    assert checks.FLATPAK.name == f"{buildinfo.APP_ID}.yml"


def test_autostart_entry_names_the_installed_icon():
    from rehabjournal.services import autostart

    assert autostart.APP_ID == buildinfo.APP_ID
    assert f"Icon={buildinfo.APP_ID}\n" in autostart.desktop_entry(["rehabjournal", "--tray"])


def test_app_id_check_notices_a_stray_icon_name(monkeypatch, tmp_path):
    desktop = tmp_path / checks.DESKTOP.name
    desktop.write_text(checks.DESKTOP.read_text().replace(
        f"Icon={buildinfo.APP_ID}", "Icon=rehabjournal"))
    monkeypatch.setattr(checks, "DESKTOP", desktop)
    assert any("Icon=rehabjournal" in p for p in checks.app_id_problems())


def test_metainfo_urls_match_pyproject_and_it_has_developer_and_rating():
    import tomllib

    with open(INSTALLER.parent / "pyproject.toml", "rb") as f:
        urls = tomllib.load(f)["project"]["urls"]
    assert urls["Homepage"] == "https://github.com/rehabjournal/rehabjournal"
    assert urls["Issues"] == urls["Homepage"] + "/issues"
    assert checks.metainfo_problems(buildinfo.version()) == []


def test_screenshots_are_committed_small_and_each_one_is_in_the_metainfo():
    pngs = sorted(p.name for p in checks.SCREENSHOTS.glob("*.png"))
    assert pngs == ["progress.png", "reports.png", "today.png"]
    assert checks.screenshot_problems() == []


def test_screenshot_check_notices_a_missing_file(monkeypatch, tmp_path):
    metainfo = tmp_path / checks.METAINFO.name
    metainfo.write_text(checks.METAINFO.read_text().replace("/today.png", "/today-old.png"))
    monkeypatch.setattr(checks, "METAINFO", metainfo)
    problems = checks.screenshot_problems()
    assert any("today-old.png" in p and "not committed" in p for p in problems)
    assert any("today.png is not in the metainfo" in p for p in problems)


@_needs("desktop-file-validate")
def test_desktop_validator_check_fails_on_a_hint(tmp_path):
    desktop = tmp_path / checks.DESKTOP.name
    desktop.write_text(checks.DESKTOP.read_text().replace(
        "Categories=Science;MedicalSoftware;", "Categories=Office;Science;MedicalSoftware;"))
    assert checks.validate_desktop_metadata(desktop=desktop)["desktop-file-validate"]


@_needs("appstreamcli")
def test_appstream_check_fails_on_an_info_not_accepted(tmp_path):
    metainfo = tmp_path / checks.METAINFO.name
    # a summary ending with a full stop: appstreamcli says so as an info, and still passes
    metainfo.write_text(checks.METAINFO.read_text().replace(
        "joint pain</summary>", "joint pain.</summary>"))
    assert "summary-has-dot-suffix" in checks.validate_desktop_metadata(
        metainfo=metainfo)["appstreamcli"]


def _manifest() -> dict:
    yaml = pytest.importorskip("yaml", reason="PyYAML reads the Flatpak manifest (test extra)")
    return yaml.safe_load(checks.FLATPAK.read_text())


def test_flatpak_manifest_uses_the_pyside_baseapp_and_no_network():
    manifest = _manifest()
    assert manifest["runtime"] == "org.kde.Platform" and manifest["sdk"] == "org.kde.Sdk"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert not any("network" in arg for arg in manifest["finish-args"])
    assert {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"} <= set(
        manifest["finish-args"])
    assert checks.flatpak_problems(manifest) == []


def test_flatpak_check_refuses_network_and_home_access():
    manifest = _manifest()
    manifest["finish-args"] = [*manifest["finish-args"], "--share=network", "--filesystem=home"]
    problems = checks.flatpak_problems(manifest)
    assert any("--share=network" in p for p in problems)
    assert any("--filesystem=home" in p for p in problems)


def test_flatpak_python_modules_pin_what_the_tests_ran_and_cover_every_dependency():
    """python3-modules.json installs the versions of the lock file (or of this venv when
    there is none yet) for every runtime dependency but PySide6, which the BaseApp has;
    regenerate it with installer/flatpak/python_modules.py when they change."""
    import json
    import re

    modules = _load_flatpak_generator()
    data = json.loads(checks.FLATPAK_MODULES.read_text())
    pinned = {}
    for module in data["modules"]:
        for name, version in re.findall(r'"([A-Za-z0-9._-]+)==([^"]+)"',
                                        module["build-commands"][0]):
            pinned[module["name"], name] = version
    runtime = {n: v for (m, n), v in pinned.items() if m != "python3-build-backend"}
    expected = modules.closure(modules.project_requirements())
    for extra in modules.EXTRAS:
        expected.update(modules.closure(modules.project_requirements(extra)))
    locked = modules.lock_pins()
    if locked is not None:
        here = modules.lock_pins(python="{}.{}".format(*sys.version_info[:2]))
        if any(here.get(n) != v for n, v in expected.items()):
            # the names come from this venv's metadata: only the locked venv can tell them
            pytest.skip("this venv does not hold the locked versions (the minimum-versions run?)")
        expected = {n: locked[n] for n in expected}
    hint = "run .venv/bin/python installer/flatpak/python_modules.py"
    assert runtime == expected, hint
    assert not {"pyside6-essentials", "shiboken6"} & set(runtime)
    # every wheel is named with its sha256, one per arch for compiled ones
    for module in data["modules"]:
        urls = [s["url"] for s in module["sources"]]
        assert len(urls) == len(set(urls))
        for name in {n for (m, n) in pinned if m == module["name"]}:
            assert any(f"/{name.replace('-', '_')}-" in u.lower() for u in urls), name


def _load_flatpak_generator():
    spec = importlib.util.spec_from_file_location(
        "installer_flatpak_python_modules", INSTALLER / "flatpak" / "python_modules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("flatpak-builder") is None,
                    reason="flatpak-builder is not installed (Debian package flatpak-builder)")
def test_flatpak_builder_reads_the_manifest(tmp_path):
    import json
    import subprocess

    run = subprocess.run(["flatpak-builder", "--show-manifest", str(checks.FLATPAK)],
                         capture_output=True, text=True, cwd=tmp_path)  # its state folder
    assert run.returncode == 0 and run.stderr == "", run.stderr
    shown = json.loads(run.stdout)
    assert shown["id"] == buildinfo.APP_ID
    names = [m["name"] for m in shown["modules"][0]["modules"]]
    assert names[:2] == ["python3-build-backend", "python3-runtime"]
