"""What the reviewer of issue 19 found cut or unclear in French and German, fixed:

- the detector (``tools/l10n_screens.clipped``) also sees table headers, combo boxes,
  tabs, list items, tool-button menu arrows and chart texts that do not fit;
- the Journal's column headers wrap onto two lines (or widen their column) instead of
  being cut at both ends; the model's header texts stay whole;
- Edit > Undo reads "Annuler : modifier les notes" / "Rückgängig: Notizen ändern";
- the German Programme page clears its start date with "Leeren", not "Löschen" (Delete);
- "From template" keeps room for its menu arrow; a long programme name keeps "(active)".

The translations are in resources/translations.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QMenu,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import l10n_screens  # noqa: E402

TODAY = date(2026, 3, 18)
NBSP = "\u00a0"

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen showing a window


def _shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# ---- the detector ----------------------------------------------------------------------------

def test_the_detector_sees_a_header_narrower_than_its_text(qtbot):
    table = QTableWidget(2, 2)
    table.setHorizontalHeaderLabels(["Douleur le lendemain matin", "OK"])
    table.setColumnWidth(0, 40)
    table.setColumnWidth(1, 80)
    found = l10n_screens.clipped(_shown(qtbot, table))
    assert len(found) == 1 and "header 'Douleur le lendemain matin': 40px" in found[0]


def test_the_detector_takes_a_wrapping_header_by_its_longest_word_and_its_height(qtbot):
    from rehabjournal.ui.widgets import fit_header

    table = QTableWidget(2, 2)
    table.setHorizontalHeaderLabels(["Douleur maximale", "Morgenschmerz"])
    _shown(qtbot, table)
    fit_header(table, (80, 40))
    header = table.horizontalHeader()
    assert l10n_screens.clipped(table) == []
    fm = header.fontMetrics()
    assert table.columnWidth(1) >= fm.horizontalAdvance("Morgenschmerz")  # widened
    assert table.columnWidth(0) == 80  # wrapped instead
    assert header.height() >= 2 * fm.lineSpacing()
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "Douleur maximale"
    header.setMinimumHeight(0)
    header.setFixedHeight(fm.lineSpacing())  # one line: the second is cut
    assert any("high for" in f for f in l10n_screens.clipped(table))


def test_the_detector_sees_a_combo_box_a_menu_arrow_and_an_elided_tab(qtbot):
    box = QWidget()
    layout = QVBoxLayout(box)
    combo = QComboBox()
    combo.addItem("genou (côté gauche) (derrière ou autour de la rotule)")
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    combo.setFixedWidth(120)
    fine = QComboBox()
    fine.addItem("vert")
    button = QToolButton()
    button.setText("Aus Vorlage")
    button.setMenu(QMenu(button))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setFixedWidth(button.sizeHint().width())  # the arrow covers "e"
    tabs = QTabWidget()
    tabs.setFixedWidth(220)
    tabs.tabBar().setUsesScrollButtons(False)
    tabs.setElideMode(Qt.TextElideMode.ElideRight)
    for title in ("Questionnaires de résultat", "Observance et conseils"):
        tabs.addTab(QWidget(), title)
    for w in (combo, fine, button, tabs):
        layout.addWidget(w)
    found = l10n_screens.clipped(_shown(qtbot, box))
    assert any(f.startswith("QComboBox") and "derrière" in f for f in found)
    assert not any("'vert'" in f for f in found)
    assert any(f.startswith("QToolButton") and "Aus Vorlage" in f for f in found)
    assert any("tab 'Questionnaires de résultat'" in f for f in found)


def test_the_detector_sees_a_chart_label_off_its_canvas(qtbot):
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 1.2))
    figure.subplots_adjust(left=0.2, bottom=0.3, top=0.8)
    figure.add_subplot().set_ylabel("% des jours d'exercices faits")
    box = QWidget()
    canvas = FigureCanvasQTAgg(figure)
    canvas.setParent(box)
    canvas.setFixedSize(400, 120)
    found = l10n_screens.clipped(_shown(qtbot, box))
    assert any("\"% des jours d'exercices faits\"" in f and "outside the canvas" in f
               for f in found)


def test_the_adherence_canvas_is_tall_enough_for_its_french_label(window_in, qtbot):
    from rehabjournal.ui.chart_canvas import ChartCanvas

    _ctx, window = window_in("fr")
    page = window.show_page("progress")
    qtbot.waitUntil(lambda: page.built, timeout=30000)
    tab = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "Programme")
    page.tabs.setCurrentIndex(tab)
    qtbot.waitUntil(lambda: "programme" in page.canvases, timeout=30000)
    canvas: ChartCanvas = page.canvases["programme"]
    label = canvas.chart.ax.get_ylabel()  # "% des jours d'exercices"
    assert canvas.minimumHeight() >= canvas.label_room() > 0
    canvas.resize(canvas.width(), canvas.minimumHeight())
    assert [f for f in l10n_screens.clipped(canvas) if repr(label) in f] == []


# ---- the pages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, wrapped, widened", [
    ("fr", ["Douleur matinale", "Douleur maximale", "Lendemain matin", "Drapeaux rouges"], []),
    ("de", ["Belastung (AE)", "Stärkster Schmerz", "Nächster Morgen"], ["Morgenschmerz"]),
])
def test_the_journal_headers_show_whole_in_french_and_german(window_in, lang, wrapped,
                                                            widened):
    _ctx, window = window_in(lang)
    page = window.show_page("journal")
    table, model = page.table, page.model
    header = table.horizontalHeader()
    fm = header.fontMetrics()
    texts = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert set(wrapped + widened) <= set(texts)  # the model keeps them on one line
    for text in wrapped:
        assert table.columnWidth(texts.index(text)) < fm.horizontalAdvance(text)
    for text in widened:
        assert table.columnWidth(texts.index(text)) > fm.horizontalAdvance(text)
    assert header.height() >= 2 * fm.lineSpacing()
    assert [f for f in l10n_screens.clipped(table) if "header" in f] == []


def test_the_journal_headers_stay_on_one_line_in_english(window_in):
    _ctx, window = window_in("en")
    page = window.show_page("journal")
    header = page.table.horizontalHeader()
    assert header.height() < 2 * header.fontMetrics().lineSpacing()
    assert [page.table.columnWidth(i) for i in range(8)] == [120, 60, 90, 220, 80, 75, 95, 70]


@pytest.mark.parametrize("lang, bare, undo, redo", [
    ("fr", ("&Annuler", "&Rétablir"), f"&Annuler{NBSP}: modifier les notes",
     f"&Rétablir{NBSP}: modifier les notes"),
    ("de", ("&Rückgängig", "&Wiederholen"), "&Rückgängig: Notizen ändern",
     "&Wiederholen: Notizen ändern"),
    ("en", ("&Undo", "&Redo"), "&Undo Change notes", "&Redo Change notes"),
])
def test_edit_undo_names_the_step_as_a_sentence(window_in, lang, bare, undo, redo):
    from rehabjournal.services import journal as js
    from rehabjournal.ui.edit_path import apply_edit

    ctx, window = window_in(lang)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    bare_undo, bare_redo = bare
    assert (window.undo_action.text(), window.redo_action.text()) == bare
    apply_edit(ctx, lambda: js.edit_checkin(TODAY, {"notes": "Genou raide"}))
    assert window.undo_action.text() == undo and window.undo_action.isEnabled()
    assert window.redo_action.text() == bare_redo
    window.undo_action.trigger()
    assert window.redo_action.text() == redo and window.redo_action.isEnabled()
    assert window.undo_action.text() == bare_undo and not window.undo_action.isEnabled()
    window.redo_action.trigger()
    assert window.undo_action.text() == undo


def test_the_step_text_keeps_the_label_after_a_colon_and_capitalises_it_otherwise():
    from rehabjournal.ui.edit_path import step_text

    assert step_text("&Undo {change}", "change notes") == "&Undo Change notes"
    assert step_text(f"&Annuler{NBSP}: {{change}}", "modifier les notes") == (
        f"&Annuler{NBSP}: modifier les notes")
    assert step_text("&Rückgängig: {change}", "Notizen ändern") == "&Rückgängig: Notizen ändern"


def test_the_german_programme_page_clears_the_start_date_with_another_word(window_in):
    _ctx, window = window_in("de")
    page = window.show_page("programme")
    editor = page.programmes.editor
    assert editor.clear_start.text() == "Leeren"
    assert page.programmes.delete_button.text() == "Löschen"
    assert editor.clear_start.accessibleName() == "Startdatum leeren"


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_from_template_keeps_room_for_its_menu_arrow(window_in, lang):
    _ctx, window = window_in(lang)
    page = window.show_page("programme")
    button = page.programmes.template_button
    assert button.menu() is page.programmes.template_menu
    assert button.width() >= button.sizeHint().width()
    assert l10n_screens.clipped(page.programmes) == []


def test_a_long_programme_name_keeps_active_in_view(window_in, qtbot):
    from rehabjournal.services import programme as ps
    from rehabjournal.ui.pages.programme.programmes import LIST_MAX_WIDTH

    _ctx, window = window_in("de")
    page = window.show_page("programme")
    tab = page.programmes
    tab.create_from_template(ps.list_templates()[0]["key"], TODAY)
    view = tab.list_view
    qtbot.waitUntil(lambda: tab.programmes.rowCount() == 1)
    assert tab.programmes.index(0).data().endswith("(aktiv)")
    assert view.width() >= min(view.sizeHintForIndex(tab.programmes.index(0)).width(),
                               LIST_MAX_WIDTH)
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
