"""Screenshots of every page in a language, and the labels that do not fit (issue 19).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/l10n_screens.py OUTDIR fr de pseudo

For each language: the demo journal at 1366x768 (a laptop screen), every page (Today,
with its "to rate" list, Journal, Programme, Progress and its tabs, Reports), Preferences
(both tabs), Help > Keyboard Shortcuts and, for watch and app files (issue 20), the import
preview and the watched folder's offer, saved as ``OUTDIR/<lang>-<page>.png``, and a list
of the texts that do not fit their widget (``OUTDIR/<lang>-clipped.txt``, also printed).

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
    """Texts of ``root`` and its visible widgets that do not fit, one line each ("TYPE NAME 'TEXT':
    HAVEpx for NEEDpx"):

    - labels, buttons and check boxes narrower than their text; a tool button whose menu
      arrow (drawn in its corner, with no room of its own) would cover its text;
    - combo boxes whose current text is wider than their text field;
    - header sections of table and tree views narrower than their text plus the style's
      margins (a header cuts its text at both ends, without "..."); with word wrap,
      narrower than their longest word, or a header too low for the lines;
    - tab bar tabs narrower than their text (elided, or squeezed) or scrolled out of view;
    - list view items wider than the list (the end of the text is cut or elided);
    - chart texts (titles, axis labels, tick labels) that reach outside their canvas.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QHeaderView,
        QLabel,
        QListView,
        QTabBar,
        QToolButton,
        QWidget,
    )

    found = []

    def add(w, text, have, need):
        found.append(f"{type(w).__name__} {w.objectName() or ''} {text!r}: "
                     f"{have}px for {need}px")

    for w in [root, *root.findChildren(QWidget)]:
        if not (w is root or w.isVisibleTo(root)) or w.width() <= 1:
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
            if isinstance(w, QToolButton) and _arrow_in_corner(w):
                # the style draws the arrow 2 to 8 pixels from the right edge, level with
                # the text, which is centred: the text needs that much room on both sides
                text = w.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, w.text()).width()
                need = text + 2 * (_indicator(w) - 2)
            elif w.sizeHint().width() <= have:
                continue
        elif isinstance(w, QComboBox):
            found += _combo_clipped(w)
            continue
        elif isinstance(w, QHeaderView):
            found += _header_clipped(w)
            continue
        elif isinstance(w, QTabBar):
            found += _tabs_clipped(w)
            continue
        elif isinstance(w, QListView):
            found += _list_clipped(w)
            continue
        elif hasattr(w, "figure") and hasattr(w, "draw"):
            found += _chart_clipped(w)
            continue
        else:
            continue
        if need > have + 1:
            add(w, w.text(), have, need)
    return found


def _indicator(w) -> int:
    from PySide6.QtWidgets import QStyle

    return w.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, w)


def _arrow_in_corner(w) -> bool:
    """A tool button with a menu and no separate arrow part (instant or delayed popup),
    showing its text: the style draws the arrow over the button's corner."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    return (w.menu() is not None
            and w.popupMode() != QToolButton.ToolButtonPopupMode.MenuButtonPopup
            and (w.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly
                 or w.icon().isNull()))  # an icon-only button without icon shows text


def _describe(w) -> str:
    return f"{type(w).__name__} {w.objectName() or ''}".rstrip()


def _combo_clipped(w) -> list[str]:
    """The current text wider than the combo box's text field."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    text = w.currentText()
    if not text:
        return []
    fm = w.fontMetrics()
    need = fm.horizontalAdvance(text)
    if w.isEditable() and w.lineEdit() is not None:
        edit = w.lineEdit()
        have = edit.contentsRect().width() - 4  # QLineEdit's 2-pixel text margins
        need += edit.textMargins().left() + edit.textMargins().right()
    else:
        option = QStyleOptionComboBox()
        w.initStyleOption(option)
        field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, w)
        have = field.width() - 2  # the label is drawn 1 pixel in from each side
        if not w.itemIcon(w.currentIndex()).isNull():
            have -= w.iconSize().width() + 4
    if need > have + 1:
        return [f"{_describe(w)} {text!r}: {have}px for {need}px"]
    return []


def _header_clipped(header) -> list[str]:
    """Sections of a table's or tree's header narrower than their text and margins
    (the longest line; with word wrap, the longest word)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QAbstractItemView, QStyle

    view = header.parentWidget()
    while view is not None and not isinstance(view, QAbstractItemView):
        view = view.parentWidget()
    model = header.model()
    if view is None or model is None or not header.isVisible():
        return []
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    wrap = bool(header.defaultAlignment().value & Qt.TextFlag.TextWordWrap.value)
    found = []
    count = model.columnCount() if header.orientation() == Qt.Orientation.Horizontal \
        else model.rowCount()
    for section in range(count):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        font = model.headerData(section, header.orientation(), Qt.ItemDataRole.FontRole)
        fm = QFontMetrics(font) if font is not None else header.fontMetrics()
        pieces = str(text).split() if wrap else str(text).split("\n")
        need = max(fm.horizontalAdvance(p) for p in pieces) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None,
                                               header) + margin
        # a vertical header is as wide as its widest section
        have = header.sectionSize(section) if header.orientation() == Qt.Orientation.Horizontal \
            else header.width()
        if need > have + 1:
            found.append(f"{_describe(view)} header {str(text)!r}: {have}px for {need}px")
        elif wrap:  # the lines the words wrap onto need the header's height
            box = fm.boundingRect(QRect(0, 0, have - 2 * margin, 10000),
                                  int(Qt.TextFlag.TextWordWrap.value), str(text))
            tall = box.height() + 2 * margin
            if tall > header.height() + 1:
                found.append(f"{_describe(view)} header {str(text)!r}: {header.height()}px "
                             f"high for {tall}px")
    return found


def _tabs_clipped(bar) -> list[str]:
    """Tabs narrower than their text (elided or squeezed), or out of the bar's view."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle, QTabBar

    found = []
    hspace = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = bar.tabText(i)
        rect = bar.tabRect(i)
        need = bar.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text).width() + hspace
        if not bar.tabIcon(i).isNull():
            need += bar.iconSize().width() + 4
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            button = bar.tabButton(i, side)
            if button is not None and button.isVisible():
                need += button.width() + 4
        have = rect.width()
        if need > have + 1:
            found.append(f"{_describe(bar)} tab {text!r}: {have}px for {need}px")
        elif rect.right() > bar.width() or rect.left() < 0:
            found.append(f"{_describe(bar)} tab {text!r}: out of view (scroll buttons)")
    return found


def _list_clipped(view) -> list[str]:
    """Items of a (one-column, not wrapping) list wider than the list's viewport."""
    from PySide6.QtWidgets import QListView

    model = view.model()
    if (model is None or view.viewMode() != QListView.ViewMode.ListMode
            or view.isWrapping() or view.flow() != QListView.Flow.TopToBottom):
        return []
    found = []
    have = view.viewport().width()
    for row in range(min(model.rowCount(view.rootIndex()), 200)):
        if view.isRowHidden(row):
            continue
        index = model.index(row, view.modelColumn(), view.rootIndex())
        need = view.sizeHintForIndex(index).width()
        if need > have + 1:
            found.append(f"{_describe(view)} item {index.data()!r}: {have}px for {need}px")
    return found


def _chart_texts(figure):
    """The texts a figure draws: titles, axis labels, offset texts, the labels of the ticks
    drawn, legends and the figure's own texts (not texts clipped to their axes)."""
    for ax in figure.axes:
        if not ax.get_visible():
            continue
        yield from (ax.title, ax._left_title, ax._right_title)
        if ax.axison:
            for axis in (ax.xaxis, ax.yaxis):
                yield axis.label
                yield axis.offsetText
                for tick in axis._update_ticks():
                    yield from (tick.label1, tick.label2)
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            yield from legend.get_texts()
        yield from (t for t in ax.texts if not t.get_clip_on())
    yield from figure.texts
    for legend in figure.legends:
        yield from legend.get_texts()


def _chart_clipped(canvas) -> list[str]:
    """The chart texts of a matplotlib canvas that reach outside the canvas."""
    figure = canvas.figure
    try:
        canvas.draw()
        renderer = canvas.get_renderer()
    except Exception:  # a canvas that cannot draw here: nothing to measure
        return []
    box = figure.bbox
    name = canvas.accessibleName() or canvas.objectName()
    found = []
    for text in _chart_texts(figure):
        if not text.get_visible() or not text.get_text().strip():
            continue
        extent = text.get_window_extent(renderer)
        out = max(box.x0 - extent.x0, extent.x1 - box.x1, box.y0 - extent.y0,
                  extent.y1 - box.y1)
        if out > 1:
            found.append(f"{type(canvas).__name__} {name} chart text "
                         f"{text.get_text()!r}: {round(out)}px outside the canvas")
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
    # Today on the last day with sessions before today: the session rows and their fields
    from rehabjournal.services import journal as js

    today = ctx.today()
    days = [row["day"] for row in js.list_days(limit=20, end=today)
            if row["day"] < today and row.get("sessions")]
    if days:
        window.open_day(days[0])
        settle()
        window.grab().save(str(outdir / f"{lang}-today-sessions.png"))
        problems += [f"{lang}-today-sessions: {p}" for p in clipped(window)]
        window.open_day(today)
        settle()
    from rehabjournal.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(ctx, window)
    dialog.show()
    settle()
    dialog.grab().save(str(outdir / f"{lang}-preferences.png"))
    problems += [f"{lang}-preferences: {p}" for p in clipped(dialog)]
    # Preferences > Activity files: the sport mapping, the heart rates, the watched folder
    dialog.tabs.setCurrentWidget(dialog.activity_tab)
    settle()
    dialog.grab().save(str(outdir / f"{lang}-preferences-activities.png"))
    problems += [f"{lang}-preferences-activities: {p}" for p in clipped(dialog)]
    dialog.close()
    problems += activity_screens(outdir, lang, ctx, window, settle)
    shortcuts = window.keyboard_shortcuts()  # Help > Keyboard Shortcuts
    settle()
    shortcuts.grab().save(str(outdir / f"{lang}-shortcuts.png"))
    problems += [f"{lang}-shortcuts: {p}" for p in clipped(shortcuts)]
    shortcuts.close()
    window.close()
    settle()
    lock.unlock()
    close_journal()
    i18n.set_language("en")
    return list(dict.fromkeys(problems))  # the same text in two rows: said once


def activity_screens(outdir: Path, lang: str, ctx, window, settle) -> list[str]:
    """The screens of watch and app files (issue 20): the import preview of a batch made
    up here (new activities, one with pauses, one merged into a session typed by hand,
    one twice in the batch, a long file name, three files that could not be read) and the
    watched folder's offer above the pages; Today's "to rate" list is on Today already
    (the demo journal has unrated sessions from files in its last days)."""
    from datetime import UTC, datetime, time, timedelta

    from rehabjournal.domain.activities import Activity, FileProblem
    from rehabjournal.i18n import _
    from rehabjournal.services import activities
    from rehabjournal.services import journal as js
    from rehabjournal.ui.activity_import import PreviewDialog, split_paths
    from rehabjournal.ui.watch_folder import OfferBar

    today = ctx.today()

    def at(day, hour, minute=0):
        return datetime.combine(day, time(hour, minute)).astimezone(UTC)

    def activity(source, day, hour, sport, minutes, minute=0, **kw):
        kw.setdefault("elapsed_s", minutes * 60)
        return Activity(source=source, fmt=source.rsplit(".", 1)[-1], key=f"l10n:{source}",
                        leg=0, sport=sport, sub_sport=kw.pop("sub_sport", ""),
                        start_utc=at(day, hour, minute), moving_s=minutes * 60, **kw)

    found = [
        activity("Morning_Run.fit", today - timedelta(days=1), 7, "running", 42,
                 elapsed_s=46 * 60, distance_m=8100, ascent_m=85, avg_hr=148, max_hr=171),
        activity("Lunch_Ride.fit", today - timedelta(days=2), 12, "cycling", 75,
                 sub_sport="road", distance_m=31200, ascent_m=320, avg_hr=131, max_hr=158),
        activity("2026-03-12_Garmin_Connect_export_Recovery_walk_with_the_dog_around_the_"
                 "lake_and_back.gpx", today - timedelta(days=3), 9, "walking", 35,
                 distance_m=2900),
        activity("Yoga.tcx", today - timedelta(days=4), 18, "yoga", 30, avg_hr=92),
    ]
    found.append(activity("Morning_Run copy.fit", today - timedelta(days=1), 7, "running",
                          42, elapsed_s=46 * 60, distance_m=8100, avg_hr=148))
    # a session from a file already in the journal, again: skipped, with the reason
    known = next((s for d in range(1, 15) for s in js.list_sessions(today - timedelta(days=d))
                  if s.get("activity_file") and s.get("start_time") and s.get("minutes")),
                 None)
    sports = {"run": "running", "cycle": "cycling", "walk": "walking"}
    if known is not None and known["kind"] in sports:
        start = known["start_time"]
        found.append(activity("Garmin_sync_again.fit", known["day"], start.hour,
                              sports[known["kind"]], known["minutes"], minute=start.minute))
    # a run typed by hand, and the same run from a watch: merged into the typed one (the
    # demo journal is a throwaway copy)
    typed_day = today - timedelta(days=6)
    js.add_session(typed_day, {"kind": "run", "minutes": 45, "rpe": 5})
    found.append(activity("Run_typed_by_hand_too.fit", typed_day, 17, "running", 44,
                          avg_hr=146))
    _readable, refused = split_paths([Path("shopping-list.txt")])
    problems = [
        FileProblem("Route_drawn_on_a_map.gpx",
                    _("the GPX file has no times: a session needs its start and duration")),
        FileProblem("Watch_battery_died.fit",
                    _("the FIT file is cut short (it ends before its own stated length)")),
        *refused,
    ]
    batch = activities.plan(found, problems)
    dialog = PreviewDialog(ctx, batch, window)
    # sized as on a 1366x768 screen (PreviewDialog._size_to_screen; the offscreen screen
    # is 800x800): as wide as its table wants, at most 1100 pixels
    table = dialog.table
    wanted = (sum(table.columnWidth(c) for c in range(table.columnCount()))
              + table.verticalScrollBar().sizeHint().width() + 60 + 220)
    dialog.resize(max(640, min(wanted, 1100)), 600)
    dialog.show()
    settle()
    dialog.grab().save(str(outdir / f"{lang}-preview.png"))
    found_clipped = [f"{lang}-preview: {p}" for p in clipped(dialog)]
    dialog.reject()
    dialog.deleteLater()
    # the watched folder's offer, as ui/watch_folder.FolderWatcher shows it above the pages
    right = getattr(window, "_right", None)
    if right is not None:
        window.show_page("today")
        bar = OfferBar()
        right.insertWidget(1, bar)
        bar.show_offer(3, Path.home() / "Garmin" / "Activities",
                       ["2026-03-14-071502.fit", "2026-03-15-180344.fit",
                        "2026-03-16-064921.fit"])
        settle()
        window.grab().save(str(outdir / f"{lang}-watch-offer.png"))
        found_clipped += [f"{lang}-watch-offer: {p}" for p in clipped(bar)]
        bar.hide()
        right.removeWidget(bar)
        bar.deleteLater()
        settle()
    return found_clipped


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
