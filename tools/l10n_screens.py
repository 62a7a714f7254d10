"""Screenshots of every page in a language, and the labels that do not fit (issue 19).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/l10n_screens.py OUTDIR fr de pseudo

For each language: the demo journal at 1366x768 (a laptop screen), every page (Today,
Journal, Programme, Progress and its tabs, Reports), Preferences and Help > Keyboard
Shortcuts saved as ``OUTDIR/<lang>-<page>.png``, and a list of the texts that do not fit
their widget (``OUTDIR/<lang>-clipped.txt``, also printed).

``pseudo`` is pseudo-localisation: every string of the UI and of the text below it made
about 40 % longer, with accents (``[Ḿöŕñíñĝ ṕåíñ ~~~~]``), placeholders, mnemonics and
markup kept, so that a label too narrow for French or German shows before a translator
gets to it.
"""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥíĵķĺḿñöṕʠŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÍĴĶĹḾÑÖṔɊŔŠŢÛṼŴẊÝŽ",
)
_KEEP = re.compile(r"(\{[^{}]*\}|%n|%\d|&[a-z]+;|<[^>]*>|&)")


def pseudo(text: str) -> str:
    """``text`` accented and ~40 % longer; placeholders, entities, tags and ``&`` kept."""
    if not text or not text.strip():
        return text
    parts = _KEEP.split(text)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(ACCENTS) for p in parts)
    pad = "~" * max(1, round(len(_KEEP.sub("", text)) * 0.4))
    return f"[{out} {pad}]"


class PseudoCatalogue(gettext.NullTranslations):
    def gettext(self, message):
        return pseudo(message)

    def ngettext(self, singular, plural, n):
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, context, message):
        return pseudo(message)


def install_pseudo(app) -> None:
    """Pseudo-localise the UI (a QTranslator) and the text below it (gettext)."""
    from PySide6.QtCore import QTranslator

    from rehabjournal import i18n

    class PseudoTranslator(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return pseudo(source)

        def isEmpty(self):
            return False

    i18n.set_language("en")
    i18n.catalogue.cache_clear()
    original = i18n.catalogue.__wrapped__
    i18n.catalogue = lambda lang, domain="messages": (  # type: ignore[assignment]
        PseudoCatalogue() if domain == "messages" else original(lang, domain))
    translator = PseudoTranslator(app)
    app.installTranslator(translator)
    app._pseudo = translator  # keep it alive


def clipped(root) -> list[str]:
    """Texts of visible labels, buttons and check boxes narrower than their text."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 1:
            continue
        if isinstance(w, QLabel):
            if w.wordWrap() or w.textFormat() == 1 or not w.text() or "<" in w.text():
                continue  # rich text and wrapping labels grow downwards
            text = w.text().replace("&", "") if w.buddy() else w.text()
            need = w.fontMetrics().horizontalAdvance(text) + 2 * w.margin() + 2 * w.indent() \
                if w.indent() > 0 else w.fontMetrics().horizontalAdvance(text) + 2 * w.margin()
            have = w.contentsRect().width()
        elif isinstance(w, QAbstractButton):
            if not w.text():
                continue
            need = w.minimumSizeHint().width()
            if need <= 0:
                need = w.sizeHint().width()
            have = w.width()
            if w.sizeHint().width() <= have:
                continue
        else:
            continue
        if need > have + 1:
            found.append(f"{type(w).__name__} {w.objectName() or ''} {w.text()!r}: "
                         f"{have}px for {need}px")
    return found


def shoot(outdir: Path, lang: str) -> list[str]:

    from rehabjournal import i18n
    from rehabjournal.services.demo import make_demo_dir
    from rehabjournal.store.db import close_journal
    from rehabjournal.ui import i18n as ui_i18n
    from rehabjournal.ui.app import application, open_session

    app = application()
    if lang == "pseudo":
        ui_i18n.install(app, "en")
        install_pseudo(app)
    else:
        ui_i18n.install(app, lang)
    data = make_demo_dir()
    close_journal()
    lock, ctx, window = open_session(data, demo=True)
    window.resize(1366, 768)
    window.show()

    def settle():
        for _ in range(30):
            app.processEvents()

    settle()
    problems: list[str] = []
    for key in ("today", "journal", "programme", "progress", "reports"):
        page = window.show_page(key)
        settle()
        tabs = getattr(page, "tabs", None)
        count = tabs.count() if tabs is not None and hasattr(tabs, "count") else 0
        for i in range(max(count, 1)):
            if count:
                tabs.setCurrentIndex(i)
                settle()
            name = f"{lang}-{key}" + (f"-{i}" if count else "")
            window.grab().save(str(outdir / f"{name}.png"))
            problems += [f"{name}: {p}" for p in clipped(window)]
    from rehabjournal.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(ctx, window)
    dialog.show()
    settle()
    dialog.grab().save(str(outdir / f"{lang}-preferences.png"))
    problems += [f"{lang}-preferences: {p}" for p in clipped(dialog)]
    dialog.close()
    window.close()
    settle()
    lock.unlock()
    close_journal()
    i18n.set_language("en")
    return problems


def main(argv: list[str]) -> int:
    outdir = Path(argv[0])
    outdir.mkdir(parents=True, exist_ok=True)
    langs = argv[1:] or ["fr", "de"]
    if len(langs) > 1:  # one language per process: translators and QLocale are global
        import subprocess

        return max(subprocess.call([sys.executable, __file__, str(outdir), lang])
                   for lang in langs)
    problems = shoot(outdir, langs[0])
    (outdir / f"{langs[0]}-clipped.txt").write_text("\n".join(problems) + "\n",
                                                   encoding="utf-8")
    print(f"{langs[0]}: {len(problems)} clipped text(s)")
    for p in problems:
        print("  " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
