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
