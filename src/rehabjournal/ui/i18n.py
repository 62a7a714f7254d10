"""The UI's languages: Qt's translators and ``QLocale`` set from Preferences > Language.

``install(app)`` runs once, before any window is made (``ui/app.application``):

1. the choice ``ui.language`` ("system", "en", "fr", "de"; this computer's, in ``QSettings``)
   is resolved: "system" takes the first of ``QLocale.system().uiLanguages()`` that
   rehabjournal speaks, else English;
2. ``rehabjournal.i18n.set_language`` makes it the language of the text made below the UI
   (advice, validation messages, report text);
3. a ``QTranslator`` loads ``resources/translations/rehabjournal_<lang>.qm`` (the UI's own
   ``tr()`` strings) and another Qt's ``qtbase_<lang>.qm`` (the standard buttons of
   ``QMessageBox``, ``QDialogButtonBox``, the file dialogs, the context menus of text fields);
4. ``QLocale.setDefault`` gives dates, numbers and decimal separators of that language to every
   widget (``QDoubleSpinBox`` then shows and reads "7,5" in French and German).

A new choice applies at the next start (Preferences says so next to the field).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import i18n
from . import settings as ui_settings

_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The language the saved choice means on this system ("en", "fr" or "de")."""
    choice = ui_settings.get("ui.language")
    return i18n.resolve(choice, QLocale.system().uiLanguages())


def install(app: QCoreApplication, lang: str | None = None) -> str:
    """Put ``lang`` (default: :func:`chosen_language`) in force for the whole UI.

    Returns:
        The language installed. Removes translators an earlier call installed, so it can
        be called again (tests switch languages).
    """
    lang = lang or chosen_language()
    i18n.set_language(lang)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(i18n.FORMAT_LOCALES[lang]))
    if lang == "en":
        return lang
    ours = QTranslator(app)
    if ours.load(str(i18n.translations_dir() / f"rehabjournal_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir) or qt.load(f"qt_{lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang


def install_once(app: QCoreApplication) -> str:
    """:func:`install` the first time it is called in this process; the language then."""
    if not _done:
        _done.append(install(app))
    return _done[0]


_done: list[str] = []


def date_pattern(form: str = "day") -> str:
    """A ``QLocale.toString`` pattern for a date in the UI's language.

    "day": Tue 3 Mar 2026 / mar. 3 mars 2026 / Di., 3. März 2026; "date": 3 Mar 2026;
    "day_month": 3 Mar / 3 mars / 3. März; "weekday_day_month": Tue 3 Mar.
    """
    german = i18n.current() == "de"
    return {
        "day": "ddd, d. MMM yyyy" if german else "ddd d MMM yyyy",
        "date": "d. MMM yyyy" if german else "d MMM yyyy",
        "long": "d. MMMM yyyy" if german else "d MMMM yyyy",
        "day_month": "d. MMM" if german else "d MMM",
        "weekday_day_month": "ddd, d. MMM" if german else "ddd d MMM",
        "month_year": "MMM yyyy",
    }[form]
