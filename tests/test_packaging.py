"""What ships: the licence, the third-party notices and the user docs, in the wheel and the
installers' bundle, listed in one place each (issue 21, items 3 and 4).

The wheel itself is built and installed in tests/test_wheel_install.py.
"""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from rehabjournal import paths

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
FORCE_INCLUDE = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
NOTICES = (ROOT / "THIRD-PARTY-NOTICES").read_text("utf-8")
# Not in the installers' bundle (so not in the spec's NOTICE_DISTS), but named in the notices:
# Qt's own licence files are not in its wheel; tzdata is never imported by the app.
NOT_BUNDLED_LICENCE_FILES = {"pyside6-essentials", "shiboken6", "tzdata"}


def runtime_distributions() -> set[str]:
    """rehabjournal's run-time dependencies and theirs, with the encryption extra, as
    installed here (canonical names)."""
    seen: set[str] = set()
    todo = [("rehabjournal", {"encryption"})]
    while todo:
        name, extras = todo.pop()
        for text in distribution(name).requires or []:
            req = Requirement(text)
            wanted = req.marker is None or any(
                req.marker.evaluate({"extra": extra}) for extra in {"", *extras})
            key = canonicalize_name(req.name)
            if wanted and key not in seen:
                seen.add(key)
                todo.append((req.name, set()))
    return seen


def test_the_licence_is_the_gpl_3_and_the_metadata_says_or_later():
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert licence.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in licence
    assert "END OF TERMS AND CONDITIONS" in licence and len(licence) > 30000  # the full text
    project = PYPROJECT["project"]
    assert project["license"] == "GPL-3.0-or-later"  # PEP 639: an SPDX expression
    assert project["license-files"] == ["LICENSE", "THIRD-PARTY-NOTICES"]
    assert any(r.startswith("hatchling>=1.27") for r in PYPROJECT["build-system"]["requires"])


def test_every_user_doc_ships_in_the_wheel_and_the_developers_doc_does_not():
    user_docs = {p.name for p in (ROOT / "docs").glob("*.md")} - {"architecture.md"}
    shipped = {Path(src).name for src, dest in FORCE_INCLUDE.items() if src.startswith("docs/")}
    assert shipped == user_docs, "update [tool.hatch.build.targets.wheel.force-include]"
    for src, dest in FORCE_INCLUDE.items():
        if src.startswith("docs/"):
            assert dest == f"rehabjournal/{src}"
    assert FORCE_INCLUDE["LICENSE"] == "rehabjournal/LICENSE"
    assert FORCE_INCLUDE["THIRD-PARTY-NOTICES"] == "rehabjournal/THIRD-PARTY-NOTICES"
    # paths finds them in this checkout, in reading order, architecture.md never
    assert set(paths.user_docs()) == {Path(n).stem for n in user_docs}
    assert "architecture" not in paths.user_docs()
    assert paths.user_docs()[0] == "journal"


def test_user_doc_finds_a_doc_by_any_usual_name():
    for name in ("csv-format", "csv-format.md", "docs/csv-format.md"):
        assert paths.user_doc(name) == ROOT / "docs" / "csv-format.md"
    for name in ("architecture", "nope", "../README"):
        try:
            paths.user_doc(name)
        except FileNotFoundError:
            continue
        raise AssertionError(f"{name} should not be a user doc")
    assert paths.doc_title(paths.user_doc("full-export")) == (
        "Full export format (rehabjournal-journal, version 1)")  # backticks dropped


def test_links_between_user_docs_point_at_shipped_docs():
    """A relative link in a user doc leads to another user doc (or a file the package also
    ships): in the app the docs window follows it; a link to architecture.md would break."""
    broken = []
    for name in paths.user_docs():
        doc = paths.user_doc(name)
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text("utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            path = (doc.parent / target).resolve()
            in_package = str(path.relative_to(ROOT)) in FORCE_INCLUDE or (
                path.is_relative_to(ROOT / "resources"))
            if not path.exists() or not in_package:
                broken.append(f"{name}.md -> {target}")
    assert not broken


def test_every_runtime_dependency_has_a_third_party_notice():
    names = runtime_distributions()
    assert {"pyside6-essentials", "matplotlib", "reportlab", "peewee", "pypdfium2"} <= names
    text = NOTICES.lower()
    missing = [n for n in sorted(names)
               if n not in text and n.replace("-", "_") not in text]
    assert not missing, f"THIRD-PARTY-NOTICES names no {missing}"


def test_the_notices_give_the_qt_lgpl_and_where_its_source_is():
    qt = NOTICES[NOTICES.index("\nQt 6 "):NOTICES.index("\nQt for Python")]
    assert "LGPL-3.0" in qt
    assert "https://download.qt.io/official_releases/qt/" in qt
    assert "https://code.qt.io/cgit/qt/qtbase.git" in qt
    assert "Replace them" in qt  # how to use a modified Qt with the bundle
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in NOTICES  # the LGPL's own text
    for part in ("DejaVu", "Noto Sans Arabic", "Noto Emoji", "Symbola", "WenQuanYi",
                 "PDFium", "SQLCipher", "OpenSSL", "OpenBLAS", "HarfBuzz", "CLDR", "ICU",
                 "PyInstaller bootloader"):
        assert part in NOTICES, part
    fonts = {p.name for p in (ROOT / "resources" / "fonts").glob("*.ttf")}
    assert fonts == {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "NotoEmoji-Regular.ttf",
                     "NotoSansArabic-Regular.ttf", "NotoSansDevanagari-Regular.ttf",
                     "NotoSansHebrew-Regular.ttf", "Symbola-Symbols.ttf",
                     "WenQuanYiMicroHei.ttf"}, "a font was added: name it in THIRD-PARTY-NOTICES"


def _spec_tuple(name: str) -> tuple[str, ...]:
    tree = ast.parse((ROOT / "installer" / "rehabjournal.spec").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not in the spec")


def test_the_bundle_carries_every_bundled_packages_licence_files():
    """The spec copies each package's licence files into the bundle (licenses/<package>):
    its NOTICE_DISTS must follow the run-time dependencies."""
    listed = {canonicalize_name(n) for n in _spec_tuple("NOTICE_DISTS")}
    expected = {n for n in runtime_distributions() if not n.startswith("sqlcipher3")}
    assert listed == expected - NOT_BUNDLED_LICENCE_FILES


def test_the_windows_installer_shows_the_licence():
    iss = (ROOT / "installer" / "windows" / "rehabjournal.iss").read_text("utf-8")
    found = re.search(r"^LicenseFile=(.+)$", iss, re.MULTILINE)
    assert found, "no LicenseFile= in [Setup]"
    target = (ROOT / "installer" / "windows" / found.group(1).strip().replace("\\", "/"))
    assert target.resolve() == ROOT / "LICENSE"
