"""The main window: navigation between pages, menus, status bar, remembered geometry.

Pages are built the first time they are shown, so start-up imports only what the first
page needs (never matplotlib or reportlab). Every page is a :class:`Page`; the start-up
work that can wait (``ui/startup.py``) runs once the window is shown.
"""

from __future__ import annotations

import importlib
from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QRect, QSize, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from . import settings as ui_settings
from .banner import Banner
from .context import AppContext
from .startup import StartupWork

# (key, title, module under ui.pages providing create(ctx) -> QWidget); the titles are
# shown through ``page_title`` (in the UI's language).
PAGES: tuple[tuple[str, str, str], ...] = (
    ("today", QT_TRANSLATE_NOOP("MainWindow", "Today"), "today"),
    ("journal", QT_TRANSLATE_NOOP("MainWindow", "Journal"), "journal"),
    ("programme", QT_TRANSLATE_NOOP("MainWindow", "Programme"), "programme"),
    ("progress", QT_TRANSLATE_NOOP("MainWindow", "Progress"), "progress"),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), "reports"),
)


def page_title(title: str) -> str:
    """A ``PAGES`` title in the UI's language ("Today" -> "Aujourd'hui", "Heute")."""
    return QCoreApplication.translate("MainWindow", title)

#: The window's first size when the screen has room for it. 1180x780 used to be the size
#: whatever the screen: 780 px is taller than a 768-px laptop screen.
PREFERRED_SIZE = (1280, 860)
#: Room kept for the window manager's title bar and borders, which are not part of the
#: geometry set before the window is shown.
FRAME_ROOM = QSize(16, 40)
#: The smallest window (the pages reflow down to it), smaller still on a screen with
#: less room (1024x600 with a panel).
MINIMUM_SIZE = QSize(720, 480)


def first_geometry(available: QRect) -> QRect:
    """The window's first geometry on a screen whose free area (without panels and docks)
    is ``available``: ``PREFERRED_SIZE`` when it fits with its frame, else as large as
    fits; centred in ``available``."""
    width = max(1, min(PREFERRED_SIZE[0], available.width() - FRAME_ROOM.width()))
    height = max(1, min(PREFERRED_SIZE[1], available.height() - FRAME_ROOM.height()))
    side = FRAME_ROOM.width() // 2  # each border; the title bar takes the rest on top
    title = FRAME_ROOM.height() - side
    left = available.x() + max(side, (available.width() - width) // 2)
    top = available.y() + title + max(0, available.height() - height - FRAME_ROOM.height()) // 2
    return QRect(left, top, width, height)


def fits(frame: QSize, available: QRect) -> bool:
    """True when a window of ``frame`` size (title bar and borders included) fits the
    screen area ``available``."""
    return frame.width() <= available.width() and frame.height() <= available.height()


@runtime_checkable
class Page(Protocol):
    """What the window asks of every page (a QWidget made by ``ui.pages.<module>.create``)."""

    def activated(self) -> None:
        """The page was shown (again): reload what may have changed meanwhile."""


@runtime_checkable
class KeepsTyping(Protocol):
    """A page holding typed text that is saved after a pause (Today's notes, Reports)."""

    def flush(self) -> None:
        """Save what is typed but not saved yet (the window is closing)."""


#: Qt.ItemDataRole.UserRole: the frame is built without importing the ``Qt`` namespace,
#: which costs about 15 ms at start-up (see run_gui); pages import it when they are built.
USER_ROLE = 256


def _centred_label(text: str, name: str) -> QWidget:
    """A page-sized widget with ``text`` in its middle (no ``Qt`` alignment flags needed)."""
    holder = QWidget()
    holder.setObjectName(name)
    rows, cols = QVBoxLayout(holder), QHBoxLayout()
    cols.addStretch(1)
    cols.addWidget(QLabel(text))
    cols.addStretch(1)
    rows.addStretch(1)
    rows.addLayout(cols)
    rows.addStretch(1)
    return holder


WELCOME_FIRST = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Create your journal first (the form on this page); then activity files can be "
    "imported.")
"""What the status bar says of File > Import Activities, a drop or the watched folder's
offer while the Welcome form shows (English; ``self.tr`` translates it)."""


DISCLAIMER = QT_TRANSLATE_NOOP(
    "MainWindow",
    "rehabjournal gives information, not medical advice. It does not diagnose or treat. "
    "If a red flag appears, or you are unsure, see a clinician."
)
"""The About box's disclaimer (English; ``self.tr(DISCLAIMER)`` shows it translated)."""


class MainWindow(QMainWindow):
    """The window: navigation, one stack of pages, menus, the write-failed banner.

    Args:
        ctx: the open journal's context.
        journal_open: False to build the frame only (``run_gui`` shows it at once and opens
            the journal in the next event-loop turn, then calls ``journal_opened``); the
            page area says "Opening your journal..." meanwhile.
    """

    def __init__(self, ctx: AppContext, *, journal_open: bool = True):
        super().__init__()
        self.ctx = ctx
        self.lock = None
        self.tray = None  # ui/tray.Tray once started (start_tray)
        self.instance_server = None  # ui/single_instance: later launches raise this window
        self._quitting = False
        self.pages: dict[str, Page] = {}
        self.startup = StartupWork(ctx, self)
        self.setWindowTitle(self.tr("rehabjournal - demo journal (not your own)") if ctx.demo
                            else "rehabjournal")
        self.setMinimumSize(MINIMUM_SIZE)  # less on a smaller screen: _restore_geometry

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Pages"))
        for key, text, _module in PAGES:
            item = QListWidgetItem(page_title(text))
            item.setData(USER_ROLE, key)
            self.nav.addItem(item)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; }"
                               "QListWidget#navigation::item { padding: 8px 10px; }")
        # 150 px, or as wide as the longest page name needs (French, German, larger fonts)
        font = QFont(self.nav.font())
        font.setPointSizeF(11)
        widest = max(QFontMetrics(font).horizontalAdvance(self.nav.item(i).text())
                     for i in range(self.nav.count()))
        self.nav.setFixedWidth(max(150, widest + 2 * 10 + 2 * self.nav.frameWidth() + 12))
        self.stack = QStackedWidget()
        # One write-failed banner for every page (ui/edit_path.py fills it).
        self.write_banner = Banner("#b71c1c", "writeFailedBanner")
        self.write_banner.setAccessibleName(self.tr("Save failed"))
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.write_banner)
        self._right = right  # the watched folder's offer goes under the banner
        right.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addLayout(right, 1)
        self.setCentralWidget(central)
        ctx.write_failed.connect(self.write_banner.set_text)
        ctx.write_ok.connect(lambda: self.write_banner.set_text(None))

        self._build_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.status_label.setText(str(ctx.data_dir / "journal.sqlite"))
        ctx.status.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        ctx.open_day.connect(self.open_day)
        # activity files (issue 20): dropped on the window, or offered from a watched folder
        self.setAcceptDrops(True)
        self.activity_importer = None  # ui/activity_import.ActivityImport, made on first use
        self.watcher = None  # ui/watch_folder.FolderWatcher, once a folder is chosen
        self._welcome_open = False  # the first-run form shows: no profile yet
        self.startup.done.connect(lambda _result: self.update_watch_folder())

        self.nav.currentRowChanged.connect(self._on_nav)
        self._restore_geometry()
        self.opening: QWidget | None = None
        if journal_open:
            self.journal_opened()
        else:
            self.opening = _centred_label(self.tr("Opening your journal..."),
                                          "openingJournal")
            self.stack.addWidget(self.opening)
            self.nav.setEnabled(False)
            self.menuBar().setEnabled(False)

    def journal_opened(self) -> None:
        """The journal is open: show the first page (or the welcome page of a new one)."""
        from ..services import journal as journal_service

        self._fill_menus()
        if self.opening is not None:
            self.stack.removeWidget(self.opening)
            self.opening.deleteLater()
            self.opening = None
            self.menuBar().setEnabled(True)
            self.nav.setEnabled(True)
        if journal_service.is_empty():
            self._show_welcome()
        else:
            self.nav.setCurrentRow(0)

    # ---- pages ------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            module = next(m for k, _t, m in PAGES if k == key)
            mod = importlib.import_module(f"rehabjournal.ui.pages.{module}")
            widget = mod.create(self.ctx)
            widget.setObjectName(f"page_{key}")
            from . import accessibility

            widget.setAccessibleName(page_title(next(t for k, t, _m in PAGES if k == key)))
            accessibility.watch(widget)  # a name for every control, rows added later too
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> Page:
        """Show the page for ``key`` (selecting it in the navigation); returns it."""
        row = next(i for i, (k, _t, _m) in enumerate(PAGES) if k == key)
        self.nav.setEnabled(True)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        else:
            self._on_nav(row)
        if self.nav.hasFocus():  # asked for (Ctrl+1, a day action ...), not arrowed to
            self.focus_page(self.pages[key])
        return self.pages[key]

    def open_day(self, day) -> None:
        """Show ``day`` on the Today page."""
        page = self.show_page("today")
        page.set_day(day)

    def current_page_key(self) -> str | None:
        """The key of the page shown, or None (the welcome page)."""
        widget = self.stack.currentWidget()
        return next((k for k, w in self.pages.items() if w is widget), None)

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        widget.activated()
        from .accessibility import rows_added

        rows_added(widget)  # a page may build its parts when first shown
        if not self.nav.hasFocus():  # arrowing through the sidebar keeps its cursor
            self.focus_page(widget)

    def _show_welcome(self) -> None:
        from .welcome import WelcomePage

        self.welcome = WelcomePage(self.ctx)
        self.welcome.created.connect(self._welcome_done)
        self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)
        self.nav.setEnabled(False)
        self._welcome_open = True
        self._enable_activity_import(False)

    def _welcome_done(self) -> None:
        self.stack.removeWidget(self.welcome)
        self.welcome.deleteLater()
        self._welcome_open = False
        self._enable_activity_import(True)
        self.nav.setEnabled(True)
        self.show_page("today")
        self.update_watch_folder()  # its offer waited for the profile

    @property
    def awaiting_profile(self) -> bool:
        """True while the Welcome form shows (a new journal without a profile yet): no
        activity file is imported nor offered before the journal is created."""
        return self._welcome_open

    def _enable_activity_import(self, on: bool) -> None:
        """File > Import Activities (and from Folder): disabled, with a status tip saying
        why, while the Welcome form shows."""
        tip = "" if on else self.tr(WELCOME_FIRST)
        for name in ("action_import_activities", "action_import_activity_folder"):
            action = self.findChild(QAction, name)
            if action is not None:
                action.setEnabled(on)
                action.setStatusTip(tip)

    # ---- menus ------------------------------------------------------------------------

    def _action(self, menu, text, slot, shortcut=None, name=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        """The menu titles; their actions come with the journal (``_fill_menus``).

        Key sequences make PySide6 build its enum types (~30 ms), so the frame shown at
        start-up has the titles only; the actions are added before the menus can be used
        (the menu bar is disabled until the journal is open).
        """
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self._menus_filled = False

    def _fill_menus(self) -> None:
        if self._menus_filled:
            return
        self._menus_filled = True
        self._action(
            self.file_menu, self.tr("&Import CSV..."), self.import_csv, "Ctrl+I", "action_import"
        )
        self._action(
            self.file_menu, self.tr("&Export CSV..."), self.export_csv, "Ctrl+E", "action_export"
        )
        self.file_menu.addSeparator()
        # Data safety (ui/backup.py): each entry calls a function of the same name there.
        for text, name, shortcut in (
            (self.tr("&Back Up Now..."), "backup_now", "Ctrl+B"),
            (self.tr("&Restore from Backup..."), "restore_backup", None),
            (self.tr("Export &Everything..."), "full_export", None),
            (self.tr("Import E&verything..."), "full_import", None),
            (self.tr("Export for Clinician (&FHIR)..."), "fhir_export", None),
        ):
            self._action(self.file_menu, text,
                         lambda _=False, n=name: self._backup_action(n), shortcut,
                         f"action_{name}")
        self.file_menu.addSeparator()
        # runs and rides from watches and apps (ui/activity_import.py)
        self._action(self.file_menu, self.tr("Import A&ctivities..."),
                     lambda _=False: self.import_activities(), "Ctrl+Shift+I",
                     "action_import_activities")
        self._action(self.file_menu, self.tr("Import Activities from Fo&lder..."),
                     self.import_activity_folder, None, "action_import_activity_folder")
        self.file_menu.addSeparator()
        self._action(
            self.file_menu, self.tr("Open &Data Folder"), self.open_data_folder, None,
            "action_data_folder"
        )
        self.file_menu.addSeparator()
        self._action(self.file_menu, self.tr("&Quit"), self.quit_app,
                     QKeySequence.StandardKey.Quit,
                     "action_quit")

        edit = self.edit_menu
        # not QUndoStack.createUndoAction: it glues its prefix and the step with a space
        # ("Annuler Modifier les notes"); ``name_undo_steps`` builds the whole sentence
        stack = self.ctx.undo_stack
        self.undo_action = QAction(self)
        self.undo_action.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("action_undo")
        self.redo_action = QAction(self)
        self.redo_action.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # both usual redo keys, each once (QKeySequence(StandardKey.Redo) is only the
        # platform's first binding, Ctrl+Y here: listed twice, Ctrl+Y was ambiguous and
        # did nothing, and Ctrl+Shift+Z was no shortcut at all)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setObjectName("action_redo")
        for signal in (stack.indexChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self.name_undo_steps)
        self.name_undo_steps()
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self._action(edit, self.tr("&Preferences..."), self.preferences, "Ctrl+,",
                     "action_prefs")
        self._action(edit, self.tr("&Outcome Measures..."), self.outcome_settings, None,
                     "action_outcomes")

        view = self.view_menu
        for i, (key, text, _m) in enumerate(PAGES, start=1):
            self._action(view, page_title(text), lambda _=False, k=key: self.show_page(k),
                         f"Ctrl+{i}", f"view_{key}")
        self._day_actions(view)

        self._appearance_menu(view)

        help_menu = self.help_menu
        self._action(help_menu, self.tr("&Keyboard Shortcuts"), self.keyboard_shortcuts, "F1",
                     "action_shortcuts")
        self._action(help_menu, self.tr("&User Guide"), lambda _=False: self.open_docs(),
                     None, "action_user_guide")
        self._action(help_menu, self.tr("&CSV Format"), self.open_csv_docs, None,
                     "action_csv_format")
        self._action(help_menu, self.tr("&About rehabjournal"), self.about, None,
                     "action_about")

    # ---- appearance, tray, later launches (ui/appearance, ui/tray, ui/single_instance) --

    def _appearance_menu(self, view) -> None:
        """View > Appearance: System, Light, Dark (exclusive, the current one ticked)."""
        from PySide6.QtGui import QActionGroup

        from . import appearance

        view.addSeparator()
        menu = view.addMenu(self.tr("&Appearance"))
        menu.setObjectName("menu_appearance")
        group = QActionGroup(self)
        group.setExclusive(True)
        current = ui_settings.get("appearance.mode")
        self.appearance_actions: dict[str, QAction] = {}
        for mode in appearance.LABELS:
            action = self._action(menu, appearance.label(mode),
                                  lambda _=False, m=mode: self.set_appearance(m),
                                  None, f"appearance_{mode}")
            action.setCheckable(True)
            action.setChecked(mode == current)
            group.addAction(action)
            self.appearance_actions[mode] = action

    def set_appearance(self, mode: str) -> None:
        """Use appearance ``mode`` now and remember it on this computer."""
        from . import appearance

        mode = appearance.choose(mode)
        self.appearance_actions[mode].setChecked(True)
        self.ctx.status.emit(self.tr("Appearance: {mode}").format(
            mode=appearance.label(mode).replace("&", "")))

    def start_tray(self, *, forced: bool = False, now=None):
        """Show the tray icon and run its reminders when chosen (``forced``: started with
        ``--tray``). Returns the ``Tray``, or None when it is off."""
        from . import tray as tray_mod

        if self.tray is None and (forced or ui_settings.get("tray.enabled")):
            kwargs = {"now": now} if now is not None else {}
            self.tray = tray_mod.Tray(self, forced=forced, **kwargs)
        elif self.tray is not None:
            self.tray.reload()
        if self.tray is not None:
            from PySide6.QtWidgets import QApplication

            # a dialog closed while the window waits in the tray must not end the app
            QApplication.instance().setQuitOnLastWindowClosed(not self.tray.keeps_running())
        return self.tray

    def listen_for_launches(self, name: str) -> bool:
        """Raise this window when rehabjournal is launched again for this journal."""
        from .single_instance import InstanceServer

        self.instance_server = InstanceServer(name, self)
        self.instance_server.raise_requested.connect(self.bring_to_front)
        return self.instance_server.listen()

    def bring_to_front(self) -> None:
        """Show the window (from the tray, minimised or behind others) and activate it."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def open_today(self):
        """Show today on the Today page; returns the page."""
        self.open_day(self.ctx.today())
        return self.pages["today"]

    def quit_app(self) -> None:
        """End the app (File > Quit, the tray's Quit), even when it lives in the tray."""
        self._quitting = True
        if self.close():
            from PySide6.QtWidgets import QApplication

            QApplication.instance().quit()
        else:
            self._quitting = False

    # ---- the day shown on Today, the keyboard (the Day helper's part) ---------------------

    def _day_actions(self, view) -> None:
        """View > Previous Day, Next Day, Go to Today: they show the Today page."""
        view.addSeparator()
        for text, method, keys in ((self.tr("&Previous Day"), "previous_day", "Alt+Left"),
                                   (self.tr("&Next Day"), "next_day", "Alt+Right"),
                                   (self.tr("Go to &Today"), "go_to_today", "Alt+Home")):
            self._action(view, text, lambda _=False, m=method: self.day_action(m), keys,
                         f"action_{method}")

    def day_action(self, method: str):
        """Show the Today page and call its ``method`` (previous_day ...); returns it."""
        page = self.show_page("today")
        getattr(page, method)()
        return page

    def name_undo_steps(self, *_changed) -> None:
        """Edit > Undo and Redo say which step they take back or do again ("Undo Change
        notes", "Annuler\u00a0: modifier les notes", "Rückgängig: Notizen ändern"), or
        only "Undo" and "Redo" when there is none; disabled then."""
        stack = self.ctx.undo_stack
        if not shiboken6.isValid(stack):  # the stack emits as it is destroyed
            return
        for action, command, bare, pattern in (
                (self.undo_action, stack.command(stack.index() - 1), self.tr("&Undo"),
                 self.tr("&Undo {change}")),
                (self.redo_action, stack.command(stack.index()), self.tr("&Redo"),
                 self.tr("&Redo {change}"))):
            label = getattr(getattr(command, "edit", None), "label", None) or (
                command.text() if command is not None else "")
            from .edit_path import step_text  # the edit path imports peewee: not at start-up

            action.setText(step_text(pattern, label) if label else bare)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    def keyboard_shortcuts(self):
        """Help > Keyboard Shortcuts: the dialog listing them all (returned, not modal)."""
        from .shortcuts import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    def focus_page(self, widget) -> None:
        """Put the cursor in ``widget`` (a page): Today's first empty check-in field, or
        the page's first input; never left on the sidebar or a hidden page."""
        if hasattr(widget, "focus_first_empty"):
            widget.focus_first_empty()
            return
        candidate = widget.nextInFocusChain()
        while candidate is not None and candidate is not widget:
            if (widget.isAncestorOf(candidate) and candidate.isVisible()
                    and candidate.isEnabled() and candidate.focusPolicy().value & 1):
                candidate.setFocus()
                return
            candidate = candidate.nextInFocusChain()

    def changeEvent(self, event) -> None:
        """The window became active: the calendar may have moved on meanwhile."""
        if event.type() == event.Type.ActivationChange and self.isActiveWindow():
            self.ctx.check_day()
        super().changeEvent(event)

    # ---- actions ----------------------------------------------------------------------

    def about_text(self) -> str:
        """The About box's HTML: version, disclaimer, where the journal is, sources."""
        from ..services.outcomes import attribution_html

        return (
            f"<h3>rehabjournal {__version__}</h3>"
            + "<p>" + self.tr("A private journal for exercise-related joint pain: how the "
                              "joint answers to load, the next morning especially.") + "</p>"
            + "<p><b>" + self.tr("Information, not medical advice.") + "</b> "
            + self.tr(DISCLAIMER) + "</p>"
            + "<p>" + self.tr("Your journal is stored only on this computer; rehabjournal "
                              "never opens a network connection.") + "</p>"
            + "<p>" + self.tr("Journal: {folder}").format(folder=self.ctx.data_dir) + "</p>"
            + "<p>" + self.tr("Sources: pain-monitoring model (Silbernagel et al. 2007); "
                              "session RPE load (Foster et al. 2001); EWMA load (Williams "
                              "et al. 2017); clinically important pain change (Farrar et "
                              "al. 2001).") + "</p>"
            + attribution_html()
        )

    def about(self) -> QDialog:
        """Help > About: the About text and the Licences tab (``ui/about.py``), in a dialog
        that fits the screen (returned, not modal)."""
        from .about import AboutDialog

        dialog = AboutDialog(self.about_text(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def preferences(self) -> None:
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.ctx, self)
        if dialog.exec():
            self.start_tray()  # the tray and reminder choices may have changed
            self.update_watch_folder()  # and the watched folder

    def outcome_settings(self) -> None:
        from .outcome_settings import open_outcome_settings

        open_outcome_settings(self, self.ctx)

    def import_csv(self) -> None:
        from .transfer import import_csv_dialog

        import_csv_dialog(self, self.ctx)

    def export_csv(self) -> None:
        from .transfer import export_csv_dialog

        export_csv_dialog(self, self.ctx)

    # ---- activity files (ui/activity_import.py, ui/watch_folder.py) --------------------

    def importer(self):
        """The window's ``ActivityImport`` (made on first use)."""
        if self.activity_importer is None:
            from .activity_import import ActivityImport

            self.activity_importer = ActivityImport(self.ctx, self)
        return self.activity_importer

    def import_activities(self, paths=None) -> bool:
        """File > Import Activities...: ``paths`` (files, folders, zips), or the files
        chosen in a file dialog; the preview opens once they are read. True when reading
        started."""
        if self.opening is not None:  # the journal is not open yet
            return False
        if self.awaiting_profile:  # sessions need a journal with a profile
            self.ctx.status.emit(self.tr(WELCOME_FIRST))
            return False
        if paths is None:
            return self.importer().choose_files()
        return self.importer().start(paths)

    def import_activity_folder(self) -> bool:
        """File > Import Activities from Folder...: every activity file in a folder."""
        if self.opening is not None:
            return False
        if self.awaiting_profile:
            self.ctx.status.emit(self.tr(WELCOME_FIRST))
            return False
        return self.importer().choose_folder()

    def update_watch_folder(self) -> None:
        """Watch the folder chosen in Preferences (or stop); its new files are offered,
        once the journal is open and has its profile (not over the Welcome form)."""
        if self.opening is not None or self.awaiting_profile:
            return
        if self.watcher is None:
            if not ui_settings.get("activities.watch_folder"):
                return  # nothing chosen: the watcher's module is never imported
            from .watch_folder import FolderWatcher

            self.watcher = FolderWatcher(self.ctx, self)
            self._right.insertWidget(1, self.watcher.bar)
        self.watcher.reload()

    def _activity_drop(self, event) -> list | None:
        """The local paths of a drag when one of them can be imported, else None (and the
        status bar says what can be dropped)."""
        from .activity_import import REFUSED_DROP, can_import, local_paths

        paths = local_paths(event.mimeData())
        if self.opening is not None or not paths:
            return None
        if self.awaiting_profile:
            self.ctx.status.emit(self.tr(WELCOME_FIRST))
            return None
        if not any(can_import(p) for p in paths):
            self.ctx.status.emit(QCoreApplication.translate("ActivityImport", REFUSED_DROP))
            return None
        return paths

    def dragEnterEvent(self, event) -> None:
        """Files or folders dragged over the window: accepted when one is an activity
        file (.fit, .gpx, .tcx, gzipped too), a zip or a folder."""
        if self._activity_drop(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls() and self.opening is None and not self.awaiting_profile:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        """Dropped files and folders are read and previewed (never imported at once)."""
        paths = self._activity_drop(event)
        if paths is None:
            event.ignore()
            return
        event.acceptProposedAction()
        from PySide6.QtCore import QTimer

        # after the drop returns: the drag's own event loop must not run the progress
        QTimer.singleShot(0, lambda: self.import_activities(paths))

    def _backup_action(self, name: str) -> None:
        from . import backup

        getattr(backup, name)(self, self.ctx)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))

    def open_docs(self, name: str = "journal"):
        """Help > User Guide: the user docs in their window (``ui/help_docs.py``), at the
        doc ``name``; returns the window."""
        from .help_docs import open_docs

        return open_docs(self, name)

    def open_csv_docs(self):
        """Help > CSV Format: the user guide at docs/csv-format.md."""
        return self.open_docs("csv-format")

    # ---- geometry ---------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        """The size and place of last time, or a first one chosen from the screen's room;
        never taller or wider than the screen the window is on (a size saved on a larger
        screen, or a laptop's screen since lowered to 1024x600, is brought inside it)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        usable = available is not None and not available.isEmpty()
        if usable:
            first = first_geometry(available)
            self.setMinimumSize(MINIMUM_SIZE.boundedTo(first.size()))
        geometry = ui_settings.get("window.geometry")
        restored = bool(geometry) and self.restoreGeometry(QByteArray(geometry))
        if not usable:
            if not restored:
                self.resize(*PREFERRED_SIZE)
            return
        if not restored or not (self.isMaximized() or self.isFullScreen()
                                or fits(self._frame_size(), available)):
            self.setGeometry(first)

    def _frame_size(self) -> QSize:
        """The window's size with its title bar and borders (guessed before it shows)."""
        if self.isVisible():
            return self.frameGeometry().size()
        return self.geometry().size() + FRAME_ROOM

    def closeEvent(self, event) -> None:
        ui_settings.set("window.geometry", self.saveGeometry().data())
        for widget in self.pages.values():
            if isinstance(widget, KeepsTyping):
                widget.flush()
        if not self._quitting and self.tray is not None and self.tray.keeps_running():
            event.ignore()  # stays in the tray for its reminders (File > Quit ends it)
            self.hide()
            self.tray.window_hidden()
            return
        if self.instance_server is not None:
            self.instance_server.close()
        for worker in (self.activity_importer, self.watcher):
            if worker is not None:  # they read the journal: done before it is closed
                worker.wait()
        super().closeEvent(event)

