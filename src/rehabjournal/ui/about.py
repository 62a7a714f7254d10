"""Help > About: the About text and, on its Licences tab, every licence that applies.

The Licences tab lists rehabjournal's own licence (``LICENSE``: the GNU GPL, version 3 or
later) and each part of ``THIRD-PARTY-NOTICES`` (Qt and PySide6 under the LGPL-3.0 with where
to get their source, the Python packages, fonts and libraries, then the licence texts); the
text of the one chosen shows beside the list. Both files ship inside the package
(``paths.licence_file``). Esc closes the dialog.
"""

from __future__ import annotations

import re
import sys
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, paths

SOURCE_URL = "https://github.com/rehabjournal/rehabjournal"

_SECTION = re.compile(r"\n={20,}\n(.+)\n={20,}\n")


def notice_sections(text: str) -> list[tuple[str, str]]:
    """``THIRD-PARTY-NOTICES`` cut into (title, text) parts: its introduction first (title
    ""), then each part under a title framed by lines of "=".

    Args:
        text: the file's text.

    Returns:
        The parts in the file's order; one part (the whole text) when it has no titles.
    """
    pieces = _SECTION.split(text)
    parts = [("", pieces[0].strip("\n"))]
    parts += [(title.strip(), body.strip("\n")) for title, body in zip(pieces[1::2],
                                                                        pieces[2::2],
                                                                        strict=True)]
    return parts


def _read(name: str) -> str | None:
    try:
        return paths.licence_file(name).read_text(encoding="utf-8")
    except OSError:
        return None


def versions() -> dict[str, str]:
    """The versions of Qt, PySide6 and Python the app runs with (the LGPL's "which Qt")."""
    import PySide6
    from PySide6.QtCore import qVersion

    return {"qt": qVersion(), "pyside": PySide6.__version__,
            "python": sys.version.split()[0]}


class AboutDialog(QDialog):
    """The About box: an "About" tab (``about_html``) and a "Licences" tab.

    Attributes:
        tabs: the ``QTabWidget``; ``show_licences()`` turns to the Licences tab.
        licence_list: the list of licences and notices (``QListWidget``).
        licence_text: the text of the one chosen (read-only ``QPlainTextEdit``).
    """

    def __init__(self, about_html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About rehabjournal"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("aboutTabs")
        layout.addWidget(self.tabs, 1)

        self.about_view = QTextBrowser()
        self.about_view.setObjectName("aboutText")
        self.about_view.setOpenExternalLinks(True)
        self.about_view.setHtml(about_html + self._free_software_html())
        self.about_view.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.tabs.addTab(self.about_view, self.tr("&About"))
        self.tabs.addTab(self._licences_tab(), self.tr("&Licences"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._fit_screen(buttons)

    def _free_software_html(self) -> str:
        return "<p>" + escape(self.tr(
            "rehabjournal is free software: you can share and change it under the GNU General "
            "Public License, version 3 or any later version. It comes with no warranty. It "
            "uses Qt and PySide6 (Copyright The Qt Company Ltd.) under the GNU Lesser General "
            "Public License, version 3. The Licences tab has these licences and the notices "
            "of every other part.")) + "</p>"

    def _licences_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("licencesTab")
        intro = QLabel(self.tr(
            "rehabjournal {version} runs with Qt {qt}, PySide6 {pyside} and Python {python}. "
            "Its source: {url}").format(version=__version__, url=SOURCE_URL, **versions()))
        intro.setObjectName("licencesIntro")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.licence_list = QListWidget()
        self.licence_list.setObjectName("licenceList")
        self.licence_list.setAccessibleName(self.tr("Licences and notices"))
        self.licence_text = QPlainTextEdit()
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setAccessibleName(self.tr("Licence text"))
        self.licence_text.setReadOnly(True)
        self.licence_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.licence_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        self.texts: list[str] = []
        licence = _read("LICENSE")
        notices = _read("THIRD-PARTY-NOTICES")
        missing = self.tr("This file is missing from this installation. rehabjournal's "
                          "licence and notices are also at {url}").format(url=SOURCE_URL)
        self._add(self.tr("rehabjournal: GNU General Public License, version 3 or later"),
                  licence or missing)
        if notices is None:
            self._add(self.tr("Third-party notices"), missing)
        else:
            for title, text in notice_sections(notices):
                self._add(title or self.tr("Third-party notices: overview"), text)
        self.licence_list.currentRowChanged.connect(self._show)
        self.licence_list.setCurrentRow(0)

        # the list above the text: the notices are laid out 94 characters wide
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.licence_list)
        split.addWidget(self.licence_text)
        split.setStretchFactor(1, 1)
        split.setSizes([150, 450])
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        return tab

    def _add(self, title: str, text: str) -> None:
        self.licence_list.addItem(title)
        self.texts.append(text)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.texts):
            self.licence_text.setPlainText(self.texts[row])

    def show_licences(self, title_part: str | None = None) -> None:
        """Turn to the Licences tab; with ``title_part``, choose the first entry whose
        title contains it ("Qt 6")."""
        self.tabs.setCurrentIndex(1)
        if title_part:
            for row in range(self.licence_list.count()):
                if title_part in self.licence_list.item(row).text():
                    self.licence_list.setCurrentRow(row)
                    break
        self.licence_list.setFocus()

    def _fit_screen(self, buttons: QDialogButtonBox) -> None:
        """About 800 px wide (a notice line in a fixed-width font) and as tall as the About
        text needs, within the screen (the sources and licences run long, longer still in
        French and German)."""
        free = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width = min(800, free.width() - 40)
        self.about_view.document().setTextWidth(width - 40)
        height = (int(self.about_view.document().size().height())
                  + self.tabs.tabBar().sizeHint().height() + buttons.sizeHint().height() + 70)
        self.resize(width, min(max(height, 480), free.height() - 80))
