"""The wheel, installed in a fresh virtual environment outside the repository, carries the
user docs, the licence and the notices: Help's docs window and About > Licences show them
(pytest-qt, run inside that environment), and `rehabjournal-cli --version` prints
(issue 21: "Done when").

The wheel is built from this checkout (``pip wheel --no-deps``; the build backend comes from
the package index, as for any pip install). The environment is new (``python -m venv``)
and gets the wheel alone (``--no-deps``); the dependencies (PySide6, matplotlib, ..., and
pytest-qt for the check) are lent by this test environment through a ``.pth`` line naming
its site-packages, which puts them on ``sys.path`` without running its ``.pth`` files, so
this checkout's editable install (``src/`` on the path) stays out. Downloading the
dependencies instead would take minutes, and prove nothing more about the wheel: the
checks below fail if rehabjournal, a doc or a licence is read from anywhere but the fresh
environment. The current folder is a temporary one, never the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from network import pypi_reachable  # noqa: E402
from rehabjournal import __version__, paths

ROOT = Path(__file__).resolve().parents[1]

INSIDE = textwrap.dedent('''
    """Run by pytest inside the fresh environment (cwd: a temporary folder)."""
    import sys
    from pathlib import Path

    import pytest
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    import rehabjournal
    from rehabjournal import paths

    VENV = Path(sys.prefix).resolve()
    REPO = Path({repo!r})

    pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


    def test_everything_comes_from_the_fresh_environment():
        package = Path(rehabjournal.__file__).resolve().parent
        assert package.is_relative_to(VENV), package
        assert not any(Path(p).resolve() == REPO / "src" for p in sys.path if p)
        assert paths.docs_dir() == package / "docs"
        assert paths.licence_file("LICENSE") == package / "LICENSE"
        assert not Path.cwd().resolve().is_relative_to(REPO)


    @pytest.fixture
    def window(qtbot, tmp_path):
        from rehabjournal.store.db import close_journal
        from rehabjournal.ui.app import application, open_session

        application()
        lock, ctx, window = open_session(tmp_path / "data")
        qtbot.addWidget(window)
        window.show()
        yield window
        close_journal()
        lock.unlock()


    def test_help_opens_the_user_guide(window, qtbot):
        window.findChild(QAction, "action_user_guide").trigger()
        docs = window.docs_window
        qtbot.waitUntil(docs.isVisible)
        assert docs.index.count() == {n_docs}
        assert docs.view.toPlainText().startswith("What the journal stores")
        assert Path(docs.view.source().toLocalFile()).resolve().is_relative_to(VENV)
        docs.view.setFocus()
        qtbot.keyClick(docs.view, Qt.Key.Key_Tab)  # the first link: csv-format.md
        qtbot.keyClick(docs.view, Qt.Key.Key_Return)
        assert docs.current_doc() == "csv-format"
        assert docs.view.toPlainText().startswith("The journal as CSV")
        window.findChild(QAction, "action_csv_format").trigger()
        assert docs.current_doc() == "csv-format"


    def test_about_shows_the_licences(window, qtbot):
        from rehabjournal.ui.about import AboutDialog

        window.findChild(QAction, "action_about").trigger()
        dialog = window.findChild(AboutDialog)
        qtbot.waitUntil(dialog.isVisible)
        dialog.show_licences()
        assert "GNU GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
        dialog.show_licences("Qt 6")
        assert "LGPL-3.0" in dialog.licence_text.toPlainText()
        assert "download.qt.io" in dialog.licence_text.toPlainText()


    def test_every_rehabjournal_module_came_from_the_fresh_environment():
        """Run last: the window, the docs and About imported much of the package."""
        ours = [m for name, m in list(sys.modules.items())
                if name == "rehabjournal" or name.startswith("rehabjournal.")]
        elsewhere = [m.__name__ for m in ours if getattr(m, "__file__", None)
                     and not Path(m.__file__).resolve().is_relative_to(VENV)]
        assert len(ours) > 30 and not elsewhere, elsewhere
''')




@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(out)],
        capture_output=True, text=True, timeout=600)
    if done.returncode != 0 and not pypi_reachable("hatchling"):
        pytest.skip("the build backend (hatchling) cannot be fetched: PyPI is unreachable")
    assert done.returncode == 0, done.stderr[-3000:]
    (built,) = out.glob("rehabjournal-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh environment with the wheel installed (and the test environment's
    site-packages lent for the dependencies)."""
    where = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True,
                   timeout=120)
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                           "--quiet", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; "
                                "print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "zz_lent_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return where


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "REHABJOURNAL_DATA_DIR"}}
    env.update(QT_QPA_PLATFORM="offscreen", LANGUAGE="en", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    return env


def test_the_wheel_carries_the_docs_the_licence_and_both_scripts(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = f"rehabjournal-{__version__}.dist-info"
        metadata = zf.read(f"{info}/METADATA").decode()
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
    docs = {n.removeprefix("rehabjournal/docs/") for n in names
            if n.startswith("rehabjournal/docs/")}
    assert docs == {f"{n}.md" for n in paths.user_docs()}
    assert "architecture.md" not in docs
    for name in ("LICENSE", "THIRD-PARTY-NOTICES"):
        assert f"rehabjournal/{name}" in names  # read by Help > About > Licences
        assert f"{info}/licenses/{name}" in names  # PEP 639
    assert "License-Expression: GPL-3.0-or-later" in metadata.splitlines()
    assert "License-File: THIRD-PARTY-NOTICES" in metadata.splitlines()
    assert "[console_scripts]\nrehabjournal-cli = rehabjournal.__main__:main" in entry_points
    assert "[gui_scripts]\nrehabjournal = rehabjournal.__main__:main" in entry_points


def test_the_installed_wheel_opens_the_docs_and_the_licences(venv, tmp_path):
    """pytest-qt inside the fresh environment, from a folder outside the repository."""
    work = tmp_path / "outside"
    work.mkdir()
    (work / "test_inside.py").write_text(INSIDE.format(repo=str(ROOT),
                                                       n_docs=len(paths.user_docs())))
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    done = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error",
         "-o", "qt_api=pyside6", "-o", "qt_log_level_fail=WARNING", "test_inside.py"],
        cwd=work, env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "4 passed" in done.stdout


def test_the_console_script_prints_the_version_and_a_docs_path(venv, tmp_path):
    script = venv / ("Scripts/rehabjournal-cli.exe" if os.name == "nt" else
                     "bin/rehabjournal-cli")
    env = _env(tmp_path / "home")
    version = subprocess.run([str(script), "--version"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120)
    assert (version.returncode, version.stdout) == (0, f"rehabjournal {__version__}\n")
    doc = subprocess.run([str(script), "docs", "csv-format"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert doc.returncode == 0, doc.stderr
    path = Path(doc.stdout.strip())
    assert path.is_relative_to(venv) and path.read_text("utf-8").startswith("# The journal")
