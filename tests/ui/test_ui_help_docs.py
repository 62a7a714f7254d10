"""Help > User Guide and Help > CSV Format: the user docs in the app's own window, rendered
from their Markdown, links between them followed, Esc closes; Help > About > Licences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QTabWidget

from rehabjournal import paths

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


def _trigger(window, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, f"no Help menu action {name}"
    assert action in window.help_menu.actions()
    action.trigger()


def _open_guide(window, qtbot, action: str = "action_user_guide"):
    """Help's ``action`` chosen; the guide window once it shows."""
    _trigger(window, action)
    docs = window.docs_window
    qtbot.waitUntil(docs.isVisible)
    return docs


def _headings(view) -> list[tuple[int, str]]:
    block, found = view.document().begin(), []
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.append((block.blockFormat().headingLevel(), block.text()))
        block = block.next()
    return found


def test_user_guide_renders_the_markdown_and_lists_every_user_doc(open_window, qtbot):
    ctx, window = open_window()
    docs = _open_guide(window, qtbot)
    assert docs.current_doc() == "journal"
    # rendered, not shown as source: the "# " heading is a level-1 heading, tables are tables
    assert _headings(docs.view)[0] == (1, "What the journal stores: one number per question")
    assert "# What the journal" not in docs.view.toPlainText()
    assert docs.view.document().toHtml().count("<table") >= 1
    titles = [docs.index.item(i).text() for i in range(docs.index.count())]
    assert len(titles) == len(paths.user_docs()) == 15
    assert "The journal as CSV" in titles and "Architecture" not in titles
    assert docs.index.currentItem().text() == titles[0]
    assert docs.focusWidget() is docs.index  # keyboard first: Up/Down go through the docs

    qtbot.keyClick(docs.index, Qt.Key.Key_Down)  # the next doc opens at once
    assert docs.current_doc() == paths.user_docs()[1]
    assert _headings(docs.view)[0][1] == docs.index.currentItem().text()


def test_a_link_to_another_doc_opens_it_and_back_returns(open_window, qtbot):
    ctx, window = open_window()
    docs = window.open_docs("journal")
    docs.activateWindow()
    qtbot.waitUntil(docs.isActiveWindow)
    docs.view.setFocus()
    qtbot.keyClick(docs.view, Qt.Key.Key_Tab)  # the first link: [csv-format.md](csv-format.md)
    assert docs.view.textCursor().selectedText() == "csv-format.md"
    qtbot.keyClick(docs.view, Qt.Key.Key_Return)
    assert docs.current_doc() == "csv-format"
    assert _headings(docs.view)[0] == (1, "The journal as CSV")
    assert docs.index.currentItem().text() == "The journal as CSV"  # the index follows
    assert "The journal as CSV" in docs.windowTitle()

    qtbot.keyClick(docs.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert docs.current_doc() == "journal"
    assert docs.forward_button.isEnabled()
    qtbot.mouseClick(docs.forward_button, Qt.MouseButton.LeftButton)
    assert docs.current_doc() == "csv-format"


def test_a_link_to_a_heading_of_another_doc_scrolls_to_it(open_window, qtbot):
    ctx, window = open_window()
    docs = window.open_docs("summary")
    docs.view.anchorClicked.emit(QUrl("activity-files.md#rating-imported-sessions-to-rate-on-today"))
    assert docs.current_doc() == "activity-files"
    assert docs.view.textCursor().block().text() == 'Rating imported sessions: "to rate" on Today'
    assert docs.view.verticalScrollBar().value() > 0


def test_help_csv_format_opens_the_csv_doc_in_the_app(open_window, qtbot):
    """It used to open docs/csv-format.md from the source tree, which no install has."""
    ctx, window = open_window()
    docs = _open_guide(window, qtbot, "action_csv_format")
    assert docs.current_doc() == "csv-format"
    assert "date,morning_pain" in docs.view.toPlainText()
    _trigger(window, "action_user_guide")  # the same window, now at the first doc
    assert window.docs_window is docs and docs.current_doc() == "journal"


def test_esc_closes_the_user_guide(open_window, qtbot):
    ctx, window = open_window()
    docs = window.open_docs()
    docs.activateWindow()
    qtbot.waitUntil(docs.isActiveWindow)
    qtbot.keyClick(docs.index, Qt.Key.Key_Escape)
    assert not docs.isVisible()


def test_about_licences_shows_the_gpl_and_the_qt_lgpl_notice(open_window, qtbot):
    ctx, window = open_window()
    _trigger(window, "action_about")
    dialog = window.findChild(QTabWidget, "aboutTabs").window()
    qtbot.waitUntil(dialog.isVisible)
    tabs = dialog.findChild(QTabWidget, "aboutTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&About", "&Licences"]
    assert "GNU General Public License" in dialog.about_view.toPlainText()

    dialog.show_licences()
    assert tabs.currentIndex() == 1
    listing = dialog.findChild(QListWidget, "licenceList")
    text = dialog.findChild(QPlainTextEdit, "licenceText")
    titles = [listing.item(i).text() for i in range(listing.count())]
    assert titles[0] == "rehabjournal: GNU General Public License, version 3 or later"
    assert "GNU GENERAL PUBLIC LICENSE" in text.toPlainText()
    assert "Version 3, 29 June 2007" in text.toPlainText()

    qt = next(i for i, t in enumerate(titles) if t.startswith("Qt 6"))
    listing.setFocus()
    for _ in range(qt):
        qtbot.keyClick(listing, Qt.Key.Key_Down)  # the keyboard reaches every notice
    shown = text.toPlainText()
    assert "LGPL-3.0" in shown and "https://download.qt.io/official_releases/qt/" in shown
    assert any("GNU Lesser General Public License, version 3" in t for t in titles)
    assert any(t.startswith("python-bidi") for t in titles)
    import PySide6
    from PySide6.QtCore import qVersion

    intro = dialog.findChild(QLabel, "licencesIntro").text()  # which Qt's source applies
    assert f"Qt {qVersion()}" in intro and f"PySide6 {PySide6.__version__}" in intro

    qtbot.keyClick(listing, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_web_link_no_program_opens_is_said_in_the_window(open_window, qtbot, monkeypatch):
    """With no browser (no launcher), Qt only logged a warning: the window now says it."""
    from rehabjournal.ui import help_docs

    opened = []

    def no_launcher(url):
        opened.append(url.toString())
        return False

    monkeypatch.setattr(help_docs.QDesktopServices, "openUrl", no_launcher)
    ctx, window = open_window()
    docs = _open_guide(window, qtbot)
    docs._follow(QUrl("https://json-schema.org/"))
    assert opened == ["https://json-schema.org/"]
    assert docs.where.text() == "No program on this computer opens https://json-schema.org/"
    # a long address is cut at the window's edge (whole in the tooltip), never widening the
    # window: it grew past a 1366-pixel screen (offscreen: to 3715 pixels)
    width = docs.width()
    long = "https://example.org/" + "a-very-long-path/" * 30
    docs._follow(QUrl(long))
    qtbot.wait(100)
    assert docs.width() == width
    assert docs.where.toolTip().endswith(long)


def test_the_guide_title_names_the_doc_once_not_the_app(open_window, qtbot):
    """The system adds the app's name ("... — rehabjournal"): the title did too."""
    ctx, window = open_window()
    docs = _open_guide(window, qtbot, "action_csv_format")
    assert docs.windowTitle().endswith(" - User Guide")
    assert "rehabjournal" not in docs.windowTitle()


@pytest.mark.parametrize(("language", "said"), [("en", False), ("fr", True), ("de", True)])
def test_the_guide_says_its_docs_are_in_english_in_another_language(
        open_window, qtbot, monkeypatch, language, said):
    from rehabjournal import i18n

    ctx, window = open_window()
    monkeypatch.setattr(i18n, "current", lambda: language)
    docs = _open_guide(window, qtbot)
    assert docs.english_note.isVisible() is said
