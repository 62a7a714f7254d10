"""Where the journal lives, and where shipped resources are found.

The data folder is, in order: ``--data-dir``, ``$REHABJOURNAL_DATA_DIR``, then a
``rehabjournal`` folder in the platform's data location (``~/.local/share/rehabjournal`` on
Linux, ``~/Library/Application Support/rehabjournal`` on macOS, ``%LOCALAPPDATA%\rehabjournal``
on Windows). Qt's AppDataLocation would add the organisation name as a second
``rehabjournal`` level; one level is what people look for. QtCore is imported only when the
platform folder is needed.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "rehabjournal"
ORG_NAME = "rehabjournal"
ENV_DATA_DIR = "REHABJOURNAL_DATA_DIR"


def default_data_dir() -> Path:
    """The platform's data folder for rehabjournal (see the module docstring)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    if not QCoreApplication.applicationName() or QCoreApplication.applicationName() != APP_NAME:
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName(ORG_NAME)
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericDataLocation
    )
    if not location:
        return Path.home() / ".local" / "share" / APP_NAME
    return Path(location) / APP_NAME


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """The journal's folder: ``--data-dir``, else ``$REHABJOURNAL_DATA_DIR``, else the default.

    Args:
        cli_value: the ``--data-dir`` value, or None when not given.

    Returns:
        An absolute path (a relative one is taken from the current folder), so that the
        journal's file URI, backups and messages name one place.
    """
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().absolute()
    return default_data_dir()


def resources_dir() -> Path:
    """The ``resources/`` folder: inside the installed package, or at the repository top."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("rehabjournal's resources folder is missing from this install")


def resource(*parts: str) -> Path:
    """A shipped resource file, e.g. ``resource("exercises", "library.json")``.

    Raises:
        FileNotFoundError: the install has no resources folder.
    """
    return resources_dir().joinpath(*parts)


# ---- the user docs and the licence texts that ship inside the package -----------------------

#: The user docs in reading order (Help > User Guide lists them so; a doc not named here comes
#: after them, by name). docs/architecture.md is for developers: it is not shipped.
USER_DOCS = (
    "journal", "light", "adherence", "progression", "report", "summary", "patterns",
    "activity-files", "csv-format", "full-export", "programme-format", "programme-sheet",
    "outcome-measures", "your-data", "glossary",
)
DEVELOPER_DOCS = frozenset({"architecture"})
LICENCE_FILES = ("LICENSE", "THIRD-PARTY-NOTICES")


def _shipped(name: str) -> Path:
    """``name`` inside the installed package (wheel, bundle), else at the repository top
    (a source checkout, an editable install); the package's copy when neither exists."""
    here = Path(__file__).resolve().parent
    for candidate in (here / name, here.parent.parent / name):
        if candidate.exists():
            return candidate
    return here / name


def docs_dir() -> Path:
    """The folder of the user docs: ``rehabjournal/docs`` in an install, ``docs/`` in a
    checkout."""
    return _shipped("docs")


def user_docs() -> list[str]:
    """The names of the user docs this install has (``"csv-format"``), in reading order.

    Returns:
        ``USER_DOCS`` that exist, then any other ``*.md`` of the folder by name; never the
        developers' docs. Empty when the install has no docs folder.
    """
    folder = docs_dir()
    found = {p.stem for p in folder.glob("*.md")} - DEVELOPER_DOCS if folder.is_dir() else set()
    return [n for n in USER_DOCS if n in found] + sorted(found - set(USER_DOCS))


def user_doc(name: str) -> Path:
    """The Markdown file of one user doc.

    Args:
        name: ``"csv-format"``; ``"csv-format.md"`` and ``"docs/csv-format.md"`` work too.

    Returns:
        The absolute path of the doc's ``.md`` file.

    Raises:
        FileNotFoundError: this install has no user doc of that name.
    """
    stem = Path(name).name.removesuffix(".md")
    if stem not in user_docs():
        raise FileNotFoundError(f"no user doc named {name!r}")
    return docs_dir() / f"{stem}.md"


def doc_title(path: Path) -> str:
    """The first ``# `` heading of a Markdown file (without backticks), else its name."""
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith("# "):
                    return line[2:].strip().replace("`", "")
    except OSError:
        pass
    return path.stem


def licence_file(name: str) -> Path:
    """``LICENSE`` (rehabjournal's GPL-3.0-or-later) or ``THIRD-PARTY-NOTICES``.

    Raises:
        ValueError: ``name`` is not one of ``LICENCE_FILES``.
    """
    if name not in LICENCE_FILES:
        raise ValueError(f"not a licence file: {name!r}")
    return _shipped(name)
