"""The per-computer side of the settings registry: ``MACHINE`` options in ``QSettings``.

The options themselves are declared in ``services/settings.py``; this module only gives
them a home on this computer (the organisation and application names set by
``ui/app.application`` choose the file). ``get``/``set`` install that home on first use.

    geometry = settings.get("window.geometry")     # bytes, b"" when never saved
    settings.set("window.geometry", bytes(window.saveGeometry()))

The window's own options (appearance, tray and reminders) are declared here, in
``UI_OPTIONS``, with the registry's ``Option`` (same checks, same defaults-on-bad-value
reading): they mean nothing without the GUI, so the command line never sees them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..i18n import N_
from ..services import settings as registry
from ..services.errors import ValidationError

APPEARANCES = ("system", "light", "dark")
#: Preferences > Language: the system's, or one of the languages rehabjournal speaks.
LANGUAGE_CHOICES = ("system", "en", "fr", "de")

#: Options of this computer that only the GUI reads (``get``/``set`` take their keys too).
UI_OPTIONS: tuple[registry.Option, ...] = (
    registry.Option("ui.language", str, "system", N_("Language"),
                    N_("The language of the window, the advice and new reports; System follows "
                    "the computer's language. Applies when rehabjournal starts again."),
                    choices=LANGUAGE_CHOICES, where=registry.MACHINE),
    registry.Option("appearance.mode", str, "system", N_("Appearance"),
                    N_("System follows the desktop's colours; Light and Dark use the Fusion "
                    "style's palette."), choices=APPEARANCES, where=registry.MACHINE),
    registry.Option("tray.enabled", bool, False, N_("Show an icon in the tray"),
                    N_("Keeps rehabjournal running in the system tray when its window is "
                    "closed, so that reminders can be shown."), where=registry.MACHINE),
    registry.Option("reminders.morning", bool, False, N_("Morning reminder"),
                    N_("Only when today's check-in is still empty at that time."),
                    where=registry.MACHINE),
    registry.Option("reminders.morning_at", str, "09:00", N_("Morning reminder time"),
                    where=registry.MACHINE),
    registry.Option("reminders.evening", bool, False, N_("Evening reminder"),
                    N_("Only when a session of the day will ask for its next-morning rating "
                    "tomorrow."), where=registry.MACHINE),
    registry.Option("reminders.evening_at", str, "20:00", N_("Evening reminder time"),
                    where=registry.MACHINE),
    registry.Option("activities.watch_folder", str, "", N_("Watched folder"),
                    N_("New activity files (FIT, GPX, TCX) that appear in this folder or its "
                    "subfolders are offered for import, never imported without your click. "
                    "Empty: no folder is watched."), where=registry.MACHINE),
    # never shown to a person: not translated
    registry.Option("activities.last_folder", str, "", "Last activity folder",
                    "The folder File > Import Activities... opened last.",
                    where=registry.MACHINE),
    registry.Option("reminders.shown", str, "{}", "Reminders shown",
                    "JSON {reminder kind: YYYY-MM-DD}: the day each was last shown, so that "
                    "none is shown twice a day.", where=registry.MACHINE),
)
_UI_BY_KEY = {o.key: o for o in UI_OPTIONS}


def ui_option(key: str) -> registry.Option:
    """The ``UI_OPTIONS`` option of ``key`` (KeyError for another key)."""
    return _UI_BY_KEY[key]


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
        if option.type is bool and isinstance(value, str):  # INI: "true" / "false"
            return {"true": True, "false": False}.get(value, registry.MISSING)
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
    """The typed value of ``key`` (see ``services.settings.get``); a ``UI_OPTIONS`` key
    reads as its default when absent or invalid."""
    install()
    if key in _UI_BY_KEY:
        option = _UI_BY_KEY[key]
        raw = QSettingsStore().read(option)
        if raw is registry.MISSING or option.check(raw) is not None:
            return option.fallback()
        return option.clean(raw)
    return registry.get(key)


def set(key: str, value: Any) -> None:
    """Check and store ``key`` (see ``services.settings.set``).

    Raises:
        ValidationError: {key: message}; nothing was stored.
    """
    install()
    if key in _UI_BY_KEY:
        option = _UI_BY_KEY[key]
        message = option.check(value)
        if message:
            raise ValidationError({key: message})
        QSettingsStore().write(option, option.clean(value))
        return
    registry.set(key, value)
