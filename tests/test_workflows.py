"""The GitHub Actions workflows: actionlint finds nothing, and every step runs here too.

The workflows cannot run on this machine, so they are linted (actionlint, with shellcheck on
the ``run:`` scripts when it is installed) and kept to steps that are scripts this repository
runs on Linux as well (``make ...`` or ``python installer/ci.py ...``): only the runner
differs between CI and here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
sys.path.insert(0, str(ROOT / "installer"))
import ci  # noqa: E402


def actionlint() -> str:
    """The actionlint of the venv running the tests (the test extra installs it)."""
    name = "actionlint.exe" if sys.platform == "win32" else "actionlint"
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint is not installed: pip install -e '.[test]'")
    return found


def test_there_are_workflows():
    assert ROOT / ".github" / "workflows" / "installers.yml" in WORKFLOWS


def test_actionlint_finds_nothing():
    run = subprocess.run(
        [actionlint(), "-no-color", *(str(w.relative_to(ROOT)) for w in WORKFLOWS)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert (run.returncode, run.stdout + run.stderr) == (0, ""), run.stdout + run.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    """The check can fail: an unknown runner label, an unknown input and an undefined
    matrix key are what a hand-edited workflow gets wrong."""
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: macos-13-intel\n    steps:\n"
        "      - uses: actions/setup-python@v6\n        with:\n          python: '3.11'\n"
        "      - run: echo ${{ matrix.name }}\n"
    )
    run = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True,
                         text=True, timeout=120)  # fmt: skip
    assert run.returncode == 1
    for finding in ("macos-13-intel", 'input "python" is not defined', "matrix"):
        assert finding in run.stdout


def steps(workflow: Path) -> tuple[list[str], list[str]]:
    """The ``run:`` commands and the ``uses:`` actions of a workflow (one-line runs only)."""
    text = workflow.read_text(encoding="utf-8")
    runs = re.findall(r"^\s*(?:-\s+)?run:\s*(.*?)\s*$", text, re.M)
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(\S+)", text, re.M)
    return runs, uses


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_every_step_is_a_script_that_runs_here(workflow):
    runs, uses = steps(workflow)
    assert runs, f"{workflow.name} has no run: steps"
    for command in runs:
        assert command not in ("|", ">"), f"{workflow.name}: a multi-line script; call a script"
        match = re.fullmatch(r"python installer/ci\.py (\w+)|make(?: [\w-]+)*", command)
        assert match, f"{workflow.name}: `{command}` is neither make nor installer/ci.py"
        if match.group(1):
            assert match.group(1) in ci.COMMANDS, f"installer/ci.py has no {match.group(1)}"
    for action in uses:
        assert re.fullmatch(r"actions/[\w-]+@v\d+", action), (
            f"{workflow.name}: {action} is not one of GitHub's actions pinned to a major version"
        )


def test_make_installer_is_the_workflows_build():
    """`make installer` here runs what the workflow's build step runs on each runner."""
    recipe = re.search(r"^installer:.*\n\t(.+)$", (ROOT / "installer" / "Makefile").read_text(),
                       re.M)  # fmt: skip
    assert recipe and recipe.group(1) == "$(PYTHON) ci.py build"
    runs, _ = steps(ROOT / ".github" / "workflows" / "installers.yml")
    assert "python installer/ci.py build" in runs
