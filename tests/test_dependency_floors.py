"""The floors in pyproject.toml are the versions the minimum run installs and tests.

``make test-minimum`` installs the project with ``-c constraints/minimum.txt`` and runs the
suite; that proves the floors only while every requirement of pyproject (runtime and every
extra) has a ``>=`` floor and the constraints file pins exactly that version. A floor raised
in one file and not the other would leave the declared minimum untested (pip would install
the old pin, or refuse the raised floor).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints" / "minimum.txt"


def requirements() -> list[Requirement]:
    """pyproject's runtime requirements and those of every extra."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    return [Requirement(line) for line in lines]


def floor(requirement: Requirement) -> Version | None:
    """The version of the requirement's single ``>=`` clause, None without exactly one."""
    floors = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    return floors[0] if len(floors) == 1 else None


def pins(text: str) -> dict[str, tuple[Version, str]]:
    """{canonical name: (pinned version, the comment on its line)} of a constraints file;
    AssertionError on a line that is not a plain ``name==version`` pin."""
    out = {}
    for raw in text.splitlines():
        line, _hash, comment = raw.partition("#")
        line = line.strip()
        if not line:
            continue
        requirement = Requirement(line)
        clauses = list(requirement.specifier)
        assert len(clauses) == 1 and clauses[0].operator == "==", f"not a pin: {raw!r}"
        name = canonicalize_name(requirement.name)
        assert name not in out, f"pinned twice: {raw!r}"
        out[name] = (Version(clauses[0].version), comment.strip())
    return out


def test_every_requirement_has_one_floor():
    assert [str(r) for r in requirements() if floor(r) is None] == []


def test_each_floor_is_a_version_its_own_requirement_allows():
    # e.g. PySide6-Essentials>=6.11,<6.12: a floor above the cap could never be installed
    assert [str(r) for r in requirements()
            if floor(r) is not None and not r.specifier.contains(floor(r), prereleases=True)
            ] == []


def disagreements(required: list[Requirement], constraints: str) -> list[str]:
    """What keeps ``constraints`` from pinning exactly the floors of ``required``. A pin of
    something pyproject does not require (a dependency's dependency held on purpose) must
    say why in a comment on its line."""
    wanted = {canonicalize_name(r.name): floor(r) for r in required}
    pinned = pins(constraints)
    out = [f"{name}: no pin, floor {wanted[name]}" for name in sorted(set(wanted) - set(pinned))]
    for name, (version, comment) in sorted(pinned.items()):
        if name in wanted and version != wanted[name]:
            out.append(f"{name}: pinned {version}, floor {wanted[name]}")
        elif name not in wanted and not comment:
            out.append(f"{name}: pinned {version}, not required by pyproject and no comment "
                       "on its line saying why")
    return out


def test_the_constraints_pin_every_requirement_at_its_floor_and_nothing_else():
    assert disagreements(requirements(), CONSTRAINTS.read_text(encoding="utf-8")) == []


def test_a_floor_raised_without_its_pin_is_caught():
    required = [Requirement("reportlab>=4.4.1"), Requirement("PySide6-Essentials>=6.11,<6.12")]
    # names are compared as pip compares them, versions as versions (6.11 == 6.11.0)
    assert disagreements(required, "PySide6_Essentials==6.11.0  # Qt\nreportlab==4.4.1\n") == []
    assert disagreements(required, "PySide6-Essentials==6.11.0\nreportlab==4.0.0\n") == [
        "reportlab: pinned 4.0.0, floor 4.4.1"]
    assert disagreements(required, "reportlab==4.4.1\nscipy==1.11.1\n") == [
        "pyside6-essentials: no pin, floor 6.11",
        "scipy: pinned 1.11.1, not required by pyproject and no comment on its line saying why"]
    # a dependency's dependency may be held, saying why
    assert disagreements(required, "PySide6-Essentials==6.11\nreportlab==4.4.1\n"
                                   "pillow==10.0.0  # reportlab 4.4.1 breaks on 11\n") == []
