"""Help > User Guide: the user docs that ship inside the package, rendered from Markdown.

The docs are the Markdown files of ``docs/`` (``paths.user_doc``: in the wheel and the
installers' bundle they live in ``rehabjournal/docs``). Qt's ``QTextBrowser`` renders them
(``setSource`` on a ``.md`` file reads it as Markdown, tables included). A link to another
doc opens it in the same window (Back and Forward, Alt+Left and Alt+Right, go through them);
a web address or another file (a JSON Schema) opens in the system's program; the list on the
left shows every doc and follows the one shown. Esc closes the window.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import i18n, paths

#: The doc Help > User Guide opens first.
FIRST_DOC = "journal"


def heading_slug(text: str) -> str:
    """The anchor GitHub gives a Markdown heading: "Rating imported sessions: "to rate" on
    Today" -> "rating-imported-sessions-to-rate-on-today" (the docs link to headings so)."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


class DocsWindow(QDialog):
    """The user docs in one window: an index of them and the one shown.

    Not modal: it stays open beside the main window. ``open_doc(name)`` shows one doc;
    ``doc_shown`` is emitted with the name of each doc shown (by the index, a link, Back or
    Forward).
    """

    doc_shown = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("docsWindow")
        self.setWindowTitle(self.tr("User Guide"))
        self.folder = paths.docs_dir().resolve()
        self.names = paths.user_docs()

        self.index = QListWidget()
        self.index.setObjectName("docsIndex")
        self.index.setAccessibleName(self.tr("Documents"))
        self.index.setWordWrap(True)  # long titles wrap rather than hide behind a scroll bar
        self.index.setSpacing(2)
        self.index.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name in self.names:
            item = QListWidgetItem(paths.doc_title(paths.user_doc(name)))
            item.setToolTip(f"{name}.md")
            self.index.addItem(item)
        self.index.currentRowChanged.connect(self._index_row_changed)

        self.view = QTextBrowser()
        self.view.setObjectName("docsView")
        self.view.setAccessibleName(self.tr("Document"))
        self.view.setOpenLinks(False)  # links are followed by _follow
        self.view.anchorClicked.connect(self._follow)
        self.view.sourceChanged.connect(self._source_changed)
        self.view.backwardAvailable.connect(lambda ok: self.back_button.setEnabled(ok))
        self.view.forwardAvailable.connect(lambda ok: self.forward_button.setEnabled(ok))

        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setObjectName("docsBack")
        self.back_button.setToolTip(self.tr("The previous document (Alt+Left)"))
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.view.backward)
        self.forward_button = QPushButton(self.tr("&Forward"))
        self.forward_button.setObjectName("docsForward")
        self.forward_button.setToolTip(self.tr("The next document (Alt+Right)"))
        self.forward_button.setEnabled(False)
        self.forward_button.clicked.connect(self.view.forward)
        for key, alt, slot in ((QKeySequence.StandardKey.Back, "Alt+Left", self.view.backward),
                               (QKeySequence.StandardKey.Forward, "Alt+Right",
                                self.view.forward)):
            action = QAction(self)
            sequences = QKeySequence.keyBindings(key)  # the platform's (macOS: Cmd+[)
            if QKeySequence(alt) not in sequences:
                sequences.append(QKeySequence(alt))
            action.setShortcuts(sequences)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.where = QLabel()
        self.where.setObjectName("docsWhere")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long message (a link with a long path) is cut at the window's edge, never
        # widening the window (it grew past a 1366-pixel screen): the tooltip has it whole
        self.where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.forward_button)
        nav.addWidget(self.where, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(nav)
        # the window speaks the UI's language, the docs are written in English: say so
        self.english_note = QLabel(self.tr("The user guide is written in English."))
        self.english_note.setObjectName("docsInEnglish")
        self.english_note.setVisible(i18n.current() != "en")
        right_layout.addWidget(self.english_note)
        right_layout.addWidget(self.view, 1)

        splitter = QSplitter()
        splitter.addWidget(self.index)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 670])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not self.names:
            missing = QLabel(self.tr("The user guide is missing from this installation. It "
                                     "is also at https://github.com/rehabjournal/rehabjournal "
                                     "(the docs folder)."))
            missing.setObjectName("docsMissing")
            missing.setWordWrap(True)
            layout.addWidget(missing)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.setTabOrder(self.index, self.view)
        self._fit_screen()

    def _fit_screen(self) -> None:
        screen = self.screen()
        free = screen.availableGeometry() if screen is not None else None
        width, height = 920, 700
        if free is not None and not free.isEmpty():
            width, height = min(width, free.width() - 40), min(height, free.height() - 80)
        self.resize(width, height)

    # ---- showing a doc -------------------------------------------------------------------

    def open_doc(self, name: str) -> bool:
        """Show the user doc ``name`` ("csv-format"); False when this install has none."""
        try:
            path = paths.user_doc(name)
        except FileNotFoundError:
            return False
        self.view.setSource(QUrl.fromLocalFile(str(path)))
        return True

    def current_doc(self) -> str | None:
        """The name of the doc shown, or None."""
        return self._doc_name(self.view.source())

    def _doc_name(self, url: QUrl) -> str | None:
        """The user doc ``url`` points to, or None (another file, a web address)."""
        if not url.isLocalFile():
            return None
        path = Path(url.toLocalFile())
        if path.suffix != ".md" or path.resolve().parent != self.folder:
            return None
        return path.stem if path.stem in self.names else None

    def _follow(self, url: QUrl) -> None:
        """A link was clicked (or chosen with Tab and Enter)."""
        if url.scheme() in ("http", "https", "mailto"):
            self._open_outside(url)
            return
        target = self.view.source().resolved(url)
        if self._doc_name(target) is not None:
            self.view.setSource(target)  # _source_changed scrolls to the fragment's heading
        elif not url.path() and url.hasFragment():  # "#section" within this doc
            self.scroll_to_heading(url.fragment())
        elif target.isLocalFile() and Path(target.toLocalFile()).exists():
            self._open_outside(target)  # e.g. the programme file's JSON Schema
        else:
            self._say(self.tr("Not found: {link}").format(link=url.toString()))

    def _say(self, text: str) -> None:
        self.where.setText(text)
        self.where.setToolTip(text)

    def _open_outside(self, url: QUrl) -> None:
        """Open a web address or another file in the system's program; say so when the
        system has none for it (Qt only logged "Unable to detect a launcher")."""
        if not QDesktopServices.openUrl(url):
            self._say(self.tr("No program on this computer opens {link}").format(
                link=url.toString()))

    def scroll_to_heading(self, fragment: str) -> bool:
        """Scroll the heading whose GitHub anchor is ``fragment`` to the top of the view
        (Qt's Markdown reader makes no anchors for headings); False when there is none."""
        block = self.view.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and heading_slug(block.text()) == fragment:
                bar = self.view.verticalScrollBar()
                bar.setValue(bar.maximum())  # then ensureCursorVisible puts it at the top
                self.view.setTextCursor(QTextCursor(block))
                self.view.ensureCursorVisible()
                return True
            block = block.next()
        return False

    def _source_changed(self, url: QUrl) -> None:
        name = self._doc_name(url)
        if name is None:
            return
        if url.hasFragment():
            self.scroll_to_heading(url.fragment())
        self.where.setText(f"{name}.md")
        row = self.names.index(name)
        if self.index.currentRow() != row:
            self.index.blockSignals(True)
            self.index.setCurrentRow(row)
            self.index.blockSignals(False)
        self.setWindowTitle(self.tr("{title} - User Guide").format(
            title=self.index.item(row).text()))
        self.doc_shown.emit(name)

    def _index_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.names) and self.current_doc() != self.names[row]:
            self.open_doc(self.names[row])


def open_docs(parent: QWidget, name: str = FIRST_DOC) -> DocsWindow:
    """Show the user guide at the doc ``name``: the window of ``parent`` if it has one
    open already (brought to the front), else a new one (not modal)."""
    window = getattr(parent, "docs_window", None)
    if not isinstance(window, DocsWindow):
        window = DocsWindow(parent)
        parent.docs_window = window
    if not window.open_doc(name) and window.current_doc() is None and window.names:
        window.open_doc(window.names[0])
    if window.isVisible():  # already open, perhaps behind the main window
        window.raise_()
        window.activateWindow()
    else:
        window.show()
    window.index.setFocus()
    return window
