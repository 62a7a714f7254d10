"""The per-computer side of the settings registry: ``MACHINE`` options in ``QSettings``.

The options themselves are declared in ``services/settings.py``; this module only gives
them a home on this computer (the organisation and application names set by
``ui/app.application`` choose the file). ``get``/``set`` install that home on first use.

    geometry = settings.get("window.geometry")     # bytes, b"" when never saved
    settings.set("window.geometry", bytes(window.saveGeometry()))
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..services import settings as registry


class QSettingsStore:
    """``MACHINE`` options in ``QSettings``, under the option's key with ``/`` for ``.``."""

    @staticmethod
    def qt_key(option: registry.Option) -> str:
        return option.key.replace(".", "/")

    def read(self, option: registry.Option) -> Any:
        value = QSettings().value(self.qt_key(option))
        if value is None:
            return registry.MISSING
        if isinstance(value, QByteArray):
            return bytes(value.data())
        if option.type in (int, float) and isinstance(value, str):
            try:  # the INI format gives numbers back as text
                return option.type(value)
            except ValueError:
                return registry.MISSING
        return value

    def write(self, option: registry.Option, value: Any) -> None:
        settings = QSettings()
        if isinstance(value, bytes | bytearray):
            value = QByteArray(bytes(value))
        settings.setValue(self.qt_key(option), value)
        settings.sync()


_installed = False


def install() -> None:
    """Keep the registry's ``MACHINE`` options in ``QSettings`` (once per process)."""
    global _installed
    if not _installed:
        registry.use_machine_store(QSettingsStore())
        _installed = True


def get(key: str) -> Any:
    """The registry's typed value of ``key`` (see ``services.settings.get``)."""
    install()
    return registry.get(key)


def set(key: str, value: Any) -> None:
    """Check and store ``key`` (see ``services.settings.set``)."""
    install()
    registry.set(key, value)
