"""The layer rule of docs/architecture.md, read from the source: imports only point down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rehabjournal"
FRAMEWORKS = {"PySide6", "peewee", "playhouse", "matplotlib", "reportlab", "svglib"}
# package -> (allowed rehabjournal packages, allowed third-party frameworks)
RULES = {
    "domain": (set(), set()),
    "store": ({"domain", "paths"}, {"peewee", "playhouse"}),
    "services": ({"domain", "store", "paths"}, {"peewee", "playhouse"}),
    "charts": ({"domain"}, {"matplotlib"}),
    "reports": ({"domain", "services", "charts", "paths"}, {"reportlab", "matplotlib",
                                                           "svglib"}),
}


def imports_of(path: Path) -> set[tuple[str, str]]:
    """(kind, name) pairs: ("rj", "store") for rehabjournal packages, ("ext", "PySide6")."""
    tree = ast.parse(path.read_text("utf-8"))
    package = path.relative_to(SRC).parts
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top == "rehabjournal":
                    found.add(("rj", alias.name.split(".")[1]))
                elif top in FRAMEWORKS:
                    found.add(("ext", top))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[:-node.level]) if node.level <= len(package) else []
                parts = base + (node.module.split(".") if node.module else [])
                if parts:
                    found.add(("rj", parts[0]))
                else:
                    for alias in node.names:
                        found.add(("rj", alias.name))
            elif node.module:
                top = node.module.split(".")[0]
                if top == "rehabjournal":
                    sub = node.module.split(".")
                    found.add(("rj", sub[1] if len(sub) > 1 else node.names[0].name))
                elif top in FRAMEWORKS:
                    found.add(("ext", top))
    return found


@pytest.mark.parametrize("layer", sorted(RULES))
def test_layer_imports_only_what_it_may(layer):
    allowed_rj, allowed_ext = RULES[layer]
    folder = SRC / layer
    if not folder.exists():
        pytest.skip(f"{layer}/ not written yet")
    problems = []
    for path in sorted(folder.rglob("*.py")):
        for kind, name in imports_of(path):
            if kind == "rj" and name not in allowed_rj | {layer, "__init__", "__version__",
                                                          "errors"}:
                problems.append(f"{path.relative_to(SRC)} imports rehabjournal.{name}")
            if kind == "ext" and name not in allowed_ext:
                problems.append(f"{path.relative_to(SRC)} imports {name}")
    assert not problems, "\n".join(problems)


def test_the_checker_catches_a_leak(tmp_path, monkeypatch):
    """The rule above can fail: a domain module importing Qt is reported."""
    fake = SRC / "domain" / "_leak_probe.py"
    fake.write_text("from PySide6.QtCore import QObject\nfrom ..store import models\n")
    try:
        with pytest.raises(AssertionError) as info:
            test_layer_imports_only_what_it_may("domain")
        assert "imports PySide6" in str(info.value)
        assert "imports rehabjournal.store" in str(info.value)
    finally:
        fake.unlink()
