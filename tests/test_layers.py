"""The layer rules of docs/architecture.md, read from the source: imports only point down.

    ui ──► services ──► domain          cli.py / commands.py ──► services, reports, ui (lazily)
    │         └──► store ──┘            every layer ──► rehabjournal.errors
    └──► reports, charts ──► domain

Each unit (a package folder or a top-level module) lists the rehabjournal packages and the
third-party frameworks it may import; ``lazy`` ones only inside a function, so that the
command line starts without Qt widgets. The ``test_..._catches_...`` tests prove that each
rule can fail.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rehabjournal"
FRAMEWORKS = {"PySide6", "peewee", "playhouse", "matplotlib", "reportlab", "svglib"}
# Importable from anywhere: the error family, the package's version, and the language of the
# text made below the UI (gettext and Babel, no Qt: see docs/architecture.md, translations).
EVERYWHERE = {"errors", "__init__", "__version__", "_version", "i18n"}


@dataclass(frozen=True)
class Rule:
    """What the files of one unit may import.

    Attributes:
        files: the unit's files, as glob patterns relative to ``src/rehabjournal``.
        rj: rehabjournal packages or top-level modules it may import (itself included).
        ext: third-party frameworks of ``FRAMEWORKS`` it may import.
        lazy: of ``rj``, those it may import only inside a function.
    """

    files: tuple[str, ...]
    rj: frozenset[str]
    ext: frozenset[str] = frozenset()
    lazy: frozenset[str] = field(default_factory=frozenset)


def _rule(files, rj=(), ext=(), lazy=()) -> Rule:
    return Rule(tuple(files), frozenset(rj) | frozenset(lazy), frozenset(ext), frozenset(lazy))


RULES: dict[str, Rule] = {
    "domain": _rule(["domain/**/*.py"], {"domain"}),
    "store": _rule(["store/**/*.py"], {"store", "domain", "paths"}, {"peewee", "playhouse"}),
    # Use cases: they call store repositories; queries (peewee) live in the store.
    "services": _rule(["services/**/*.py"], {"services", "domain", "store", "paths"}),
    "charts": _rule(["charts/**/*.py"], {"charts", "domain"}, {"matplotlib"}),
    "reports": _rule(["reports/**/*.py"], {"reports", "domain", "services", "charts", "paths"},
                     {"reportlab", "matplotlib", "svglib"}),
    # The GUI: everything above but the store (it goes through services).
    "ui": _rule(["ui/**/*.py"], {"ui", "services", "domain", "charts", "reports", "paths"},
                {"PySide6", "matplotlib"}),
    # The command line: argument parsing and headless commands over services; the GUI and
    # the PDF only inside the function that needs them. commands.py never imports cli.py.
    "cli": _rule(["cli.py", "__main__.py"], {"cli", "commands", "services", "paths"},
                 lazy={"ui", "reports"}),
    "commands": _rule(["commands.py"], {"commands", "services", "paths"},
                      lazy={"ui", "reports"}),
    "errors": _rule(["errors.py"], set()),
    # gettext and Babel only; finds its catalogues through paths.resource (lazily)
    "i18n": _rule(["i18n.py"], set(), lazy={"paths"}),
    "paths": _rule(["paths.py"], {"paths"}, {"PySide6"}),
}


@dataclass(frozen=True)
class Import:
    kind: str  # "rj" for a rehabjournal package or module, "ext" for a framework
    name: str  # its first name below rehabjournal ("store"), or the framework ("PySide6")
    lazy: bool  # inside a function
    line: int


def imports_of(path: Path) -> list[Import]:
    """The rehabjournal and framework imports of one source file."""
    tree = ast.parse(path.read_text("utf-8"))
    package = path.relative_to(SRC).parts
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                               ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    parts = alias.name.split(".")
                    if parts[0] == "rehabjournal" and len(parts) > 1:
                        found.append(Import("rj", parts[1], lazy, child.lineno))
                    elif parts[0] in FRAMEWORKS:
                        found.append(Import("ext", parts[0], lazy, child.lineno))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = list(package[:-child.level]) if child.level <= len(package) else []
                    parts = base + (child.module.split(".") if child.module else [])
                    names = [parts[0]] if parts else [a.name for a in child.names]
                    found.extend(Import("rj", n, lazy, child.lineno) for n in names)
                elif child.module:
                    parts = child.module.split(".")
                    if parts[0] == "rehabjournal":
                        names = [parts[1]] if len(parts) > 1 else [a.name for a in child.names]
                        found.extend(Import("rj", n, lazy, child.lineno) for n in names)
                    elif parts[0] in FRAMEWORKS:
                        found.append(Import("ext", parts[0], lazy, child.lineno))
            visit(child, inner)

    visit(tree, False)
    return found


def files_of(unit: str) -> list[Path]:
    return sorted({p for pattern in RULES[unit].files for p in SRC.glob(pattern)})


def problems_in(unit: str, files: list[Path] | None = None) -> list[str]:
    """Each import of ``unit``'s files that its rule does not allow, as a sentence."""
    rule = RULES[unit]
    problems = []
    for path in files if files is not None else files_of(unit):
        where = f"{path.relative_to(SRC)}:"
        for imp in imports_of(path):
            name = imp.name.removesuffix(".py")
            if imp.kind == "rj" and name not in rule.rj | EVERYWHERE:
                problems.append(f"{where}{imp.line} imports rehabjournal.{name}")
            elif imp.kind == "rj" and name in rule.lazy and not imp.lazy:
                problems.append(f"{where}{imp.line} imports rehabjournal.{name} at module "
                                "level (only inside a function)")
            elif imp.kind == "ext" and imp.name not in rule.ext:
                problems.append(f"{where}{imp.line} imports {imp.name}")
    return problems


@pytest.mark.parametrize("unit", sorted(RULES))
def test_layer_imports_only_what_it_may(unit):
    assert files_of(unit), f"no files for {unit}: update RULES"
    problems = problems_in(unit)
    assert not problems, "\n".join(problems)


def test_every_module_is_under_a_rule():
    covered = {p for unit in RULES for p in files_of(unit)}
    loose = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
             if p not in covered and p.name not in {"__init__.py", "_version.py"}]
    assert not loose, f"modules under no layer rule: {loose}"


@pytest.fixture
def probe():
    """Write a throw-away module into the source tree; removed afterwards."""
    made: list[Path] = []

    def write(relative: str, text: str) -> Path:
        path = SRC / relative
        path.write_text(text, "utf-8")
        made.append(path)
        return path

    yield write
    for path in made:
        path.unlink(missing_ok=True)


def test_the_checker_catches_a_leak(probe):
    """The rule above can fail: a domain module importing Qt is reported."""
    probe("domain/_leak_probe.py",
          "from PySide6.QtCore import QObject\nfrom ..store import models\n")
    problems = "\n".join(problems_in("domain"))
    assert "_leak_probe.py:1 imports PySide6" in problems
    assert "_leak_probe.py:2 imports rehabjournal.store" in problems


def test_the_ui_rule_catches_a_store_import(probe):
    probe("ui/_leak_probe.py",
          "from ..store import db\n\n\ndef later():\n    import rehabjournal.store.models\n"
          "    import peewee\n")
    problems = problems_in("ui")
    mine = [p for p in problems if "_leak_probe" in p]
    assert mine == ["ui/_leak_probe.py:1 imports rehabjournal.store",
                    "ui/_leak_probe.py:5 imports rehabjournal.store",
                    "ui/_leak_probe.py:6 imports peewee"]


def test_the_ui_rule_lets_the_gui_use_services_and_charts(probe):
    path = probe("ui/_leak_probe.py",
                 "from ..services import journal\nfrom ..charts import pain\n"
                 "from .. import paths, errors\nfrom PySide6.QtWidgets import QWidget\n")
    assert problems_in("ui", [path]) == []


def test_the_cli_rules_catch_store_imports_and_eager_gui_imports(probe):
    path = probe("_cli_leak_probe.py",
                 "from .store.db import open_journal\nfrom .ui.app import run_gui\n"
                 "from . import cli\n\n\ndef gui():\n    from .ui.app import run_gui\n"
                 "    from .reports.builder import build_pdf\n    from .store import db\n")
    cli = problems_in("cli", [path])
    assert cli == [
        "_cli_leak_probe.py:1 imports rehabjournal.store",
        "_cli_leak_probe.py:2 imports rehabjournal.ui at module level (only inside a function)",
        "_cli_leak_probe.py:9 imports rehabjournal.store",
    ]
    commands = problems_in("commands", [path])
    assert "_cli_leak_probe.py:3 imports rehabjournal.cli" in commands  # no cycle
    assert "_cli_leak_probe.py:1 imports rehabjournal.store" in commands


def _model_imports(folder: Path) -> list[str]:
    """Files under ``folder`` that import ``store.models`` (the peewee models) directly."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module
                names = {a.name for a in node.names}
                if module.endswith("store.models") or (module.endswith("store")
                                                        and "models" in names):
                    found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_services_build_no_queries():
    """Services call store repositories; none imports the peewee models itself."""
    assert _model_imports(SRC / "services") == []


def test_the_query_rule_catches_a_leak():
    probe = SRC / "services" / "_query_probe.py"
    probe.write_text("from ..store import models as m\n")
    try:
        assert _model_imports(SRC / "services") == ["services/_query_probe.py:1"]
    finally:
        probe.unlink()
