"""Accessible names for every control, from what the screen already shows (issue 18 item 8).

A screen reader reads a control's accessible name, then its role, then its description:
"Morning pain, edit, 0 to 10". A field made without ``setAccessibleName`` is read as
"edit", a combo box by its current item ("Last 4 weeks"), a "<" button as "less than".
Rather than naming each control in every file, ``name_controls(root)`` gives each focusable
control without a name one from what a sighted user reads beside it, first found of:

1. the label whose buddy it is (``QLabel.setBuddy``: the label with its Alt-letter);
2. its ``QFormLayout`` row label;
3. the title of the group box it is the only control of;
4. its placeholder text ("YYYY-MM-DD" is no name: dates and numbers placeholders are
   skipped), then its tooltip (up to the shortcut in brackets);
5. for a scroll area, list or table, the group box, tab or page it sits in.

Buttons keep Qt's own name, their text (it follows a text that changes, "Make active"),
except buttons whose text has no letter ("<", ">"): they are named from their tooltip.
A spin box gets the description "1 to 20"; ``widgets.NumberField`` says its range itself.

``watch(root)`` names the controls now and again after rows are added later (a session,
an exercise due, an event, a tab built when first shown): code that builds rows calls
``rows_added(widget)`` (``widgets.clear_layout`` and the Today page's ``relink`` do), and
the root's tab widgets and stacks say when another page of theirs is shown; the controls
are named once the event loop is back (the row is built by then). The main window watches
every page when it creates it; dialogs call ``name_controls`` when built.

No Python event filter is used for this: PySide calls a Python filter with objects Qt is
in the middle of destroying (a row deleted later still gets events while its C++
destructor runs), makes a Python wrapper for the half-destroyed object, and that wrapper
outlives it: the process then dies in ``Shiboken::BindingManager::releaseWrapper``
(docs/architecture.md, "The PySide crash in releaseWrapper").

``unnamed_controls(root)`` lists the focusable controls a screen reader would get no name
for (the test of every page uses it).
"""

from __future__ import annotations

import re

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from .layouts import layout_entries

AUTO_NAME = "a11yAutoName"
"""Dynamic property holding the name ``name_controls`` gave (so a later pass may renew it,
and a name set by hand is never replaced)."""
AUTO_DESCRIPTION = "rjAutoDescription"
"""The property holding the description this module gave (updated when the control's
range or choices change; one set by hand is kept)."""

WATCHED = "a11yWatched"
WATCHER = "a11yWatcher"
"""Dynamic property of the containers whose new children ``watch`` names."""

translate = QCoreApplication.translate

_LETTER = re.compile(r"\w", re.UNICODE)
_NOT_A_NAME = re.compile(r"^[\d\W_]*$|^(YYYY|HH|DD|MM)", re.IGNORECASE)


def clean(text: str) -> str:
    """``text`` as a name: plain (no markup), no mnemonic "&", no trailing colon, one line."""
    if not text:
        return ""
    if "<" in text and QtGui.Qt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = " ".join(text.split())
    return text.rstrip(" :").strip()


def _short_tip(tip: str) -> str:
    """A tooltip's first phrase: "Previous day (Alt+Left)" -> "Previous day"."""
    text = clean(tip.split("\n")[0])
    for sep in (" (", "; ", ": "):
        head = text.split(sep)[0].strip()
        if head and _LETTER.search(head):
            text = head
    return text


def is_control(widget: QWidget) -> bool:
    """True for a widget the Tab key can reach that a screen reader must name.

    Parts of a composite widget are not (a combo box's or spin box's line edit, the
    field inside ``NumberField`` is, its holder is not: the holder passes focus on), nor
    widgets of a pop-up (a combo box's list, a date edit's calendar).
    """
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    if widget.focusProxy() is not None and not isinstance(widget, QComboBox):
        return False
    parent = widget.parentWidget()
    if isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return False
    window = widget.window()
    return window.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def has_name(widget: QWidget) -> bool:
    """A name a screen reader reads: set, or (buttons, tabs) the text Qt reads."""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton):
        text = clean(widget.text())
        return bool(_LETTER.search(text))
    return False


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """The focusable controls under ``root`` (itself included) without a name."""
    widgets = [root, *root.findChildren(QWidget)]
    return [w for w in widgets if is_control(w) and not has_name(w)]


# ---- where a name comes from ---------------------------------------------------------------

def _buddies(root: QWidget) -> dict[int, str]:
    """id(widget) -> the text of the label whose buddy it is (or whose buddy passes its
    focus on to it)."""
    names: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        text = clean(label.text())
        if buddy is None or not text:
            continue
        names.setdefault(id(buddy), text)
        proxy = buddy.focusProxy()
        while proxy is not None:
            names.setdefault(id(proxy), text)
            proxy = proxy.focusProxy()
    return names


def _controls_in(entry: QWidget | QLayout) -> list[QWidget]:
    """The controls of a layout entry (a widget and what it holds, or every control of a
    layout)."""
    if isinstance(entry, QWidget):
        return [w for w in [entry, *entry.findChildren(QWidget)] if is_control(w)]
    found: list[QWidget] = []
    for inner in layout_entries(entry):
        found.extend(_controls_in(inner))
    return found


def _form_rows(root: QWidget) -> dict[int, str]:
    """id(control) -> its ``QFormLayout`` row label (the first control of the row when
    the row holds several: the others are named by their own labels or tooltips)."""
    names: dict[int, str] = {}
    for layout in root.findChildren(QFormLayout):
        for entry in layout_entries(layout):
            if isinstance(entry, QWidget):
                _row, role = layout.getWidgetPosition(entry)
            else:
                _row, role = layout.getLayoutPosition(entry)
            if role != QFormLayout.ItemRole.FieldRole:
                continue
            label = layout.labelForField(entry)
            text = clean(label.text()) if isinstance(label, QLabel) else ""
            controls = _controls_in(entry)
            if text and controls:
                names.setdefault(id(controls[0]), text)
    return names


def _group_title(widget: QWidget) -> str:
    """The title of the nearest group box, if ``widget`` is its only control."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox):
            controls = [w for w in parent.findChildren(QWidget) if is_control(w)]
            return clean(parent.title()) if controls == [widget] else ""
        parent = parent.parentWidget()
    return ""


def _context(widget: QWidget) -> str:
    """What the widget sits in: a group box title, a tab's text, a named ancestor."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and clean(parent.title()):
            return clean(parent.title())
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            index = tabs.indexOf(child)
            if index >= 0 and clean(tabs.tabText(index)):
                return clean(tabs.tabText(index))
        if parent.accessibleName().strip():
            return parent.accessibleName().strip()
        child, parent = parent, parent.parentWidget()
    return clean(widget.window().windowTitle())


def _placeholder(widget: QWidget) -> str:
    edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    if isinstance(edit, (QLineEdit, QTextEdit, QPlainTextEdit)):
        text = clean(edit.placeholderText())
        if text and not _NOT_A_NAME.search(text):
            return text.rstrip(".…")
    return ""


def _calendar_part(widget: QWidget) -> str:
    """A name for the parts of a ``QCalendarWidget`` the Tab key reaches: its days, its
    year box (Qt names them ``qt_calendar_*``)."""
    calendar = widget.parentWidget()
    while calendar is not None and not isinstance(calendar, QCalendarWidget):
        calendar = calendar.parentWidget()
    if calendar is None:
        return ""
    name = calendar.accessibleName().strip() or translate("accessibility", "Calendar")
    if widget.objectName() == "qt_calendar_yearedit":
        return translate("accessibility", "{calendar}: year").format(calendar=name)
    return name


def _name_for(widget: QWidget, buddies: dict[int, str], rows: dict[int, str]) -> str:
    if widget.objectName().startswith("qt_calendar_"):
        return _calendar_part(widget)
    if isinstance(widget, QAbstractButton):
        return _short_tip(widget.toolTip()) or clean(widget.whatsThis())
    name = (buddies.get(id(widget)) or rows.get(id(widget)) or _group_title(widget)
            or _placeholder(widget) or _short_tip(widget.toolTip()))
    if name:
        return name
    context = _context(widget)
    if isinstance(widget, QTabBar):
        return (translate("accessibility", "{context} tabs").format(context=context) if context
                else translate("accessibility", "Tabs"))
    if isinstance(widget, (QAbstractItemView, QAbstractScrollArea)):
        return context
    return ""


def _num(value: float) -> str:
    """10, 7.5 / 7,5: ``{:g}`` in the UI's language (English needs no Babel)."""
    from .. import i18n

    return f"{value:g}" if i18n.current() == "en" else i18n.format_number(value, 6)


COMBO_ITEMS_READ = 8
"""The choices of a drop-down its description reads out, at most."""


def _description(widget: QWidget) -> str:
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        suffix = widget.suffix().strip()
        low, high = _num(widget.minimum()), _num(widget.maximum())
        if suffix:
            return translate("accessibility", "{low} to {high} {unit}").format(
                low=low, high=high, unit=suffix)
        return translate("accessibility", "{low} to {high}").format(low=low, high=high)
    if isinstance(widget, QDateEdit):
        return translate("accessibility", "a date, {format}").format(
            format=widget.displayFormat())
    if isinstance(widget, QComboBox) and not widget.isEditable() and widget.count():
        # on Linux Qt reads a drop-down's current item as its name (the label comes by
        # the buddy relation): the description says what it is for and what it offers
        items = [widget.itemText(i) for i in range(min(widget.count(), COMBO_ITEMS_READ))]
        more = widget.count() - len(items)
        offered = ", ".join(items)
        if more > 0:
            offered = translate("accessibility", "{choices} and {n} more").format(
                choices=offered, n=more)
        what = widget.accessibleName() or ""
        if what:
            return translate("accessibility", "{what}: one of {choices}").format(
                what=what, choices=offered)
        return translate("accessibility", "one of {choices}").format(choices=offered)
    return ""


def name_controls(root: QWidget) -> list[QWidget]:
    """Give each focusable control under ``root`` that has no name one (see the module's
    docstring for where it comes from); returns the controls still without a name."""
    buddies, rows = _buddies(root), _form_rows(root)
    left: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not is_control(widget):
            continue
        auto = widget.property(AUTO_NAME)
        unnamed = not widget.accessibleName().strip() or widget.accessibleName() == auto
        if unnamed and not (isinstance(widget, QAbstractButton) and has_name(widget)):
            name = _name_for(widget, buddies, rows)
            if name:
                widget.setAccessibleName(name)
                widget.setProperty(AUTO_NAME, name)
        given = widget.accessibleDescription()
        if not given or given == widget.property(AUTO_DESCRIPTION):
            description = _description(widget)
            if description and description != given:
                widget.setAccessibleDescription(description)
                widget.setProperty(AUTO_DESCRIPTION, description)
        if not has_name(widget):
            left.append(widget)
    return left


class _Watcher(QObject):
    """Names the controls of ``root`` again, once the event loop is back, when told that
    rows were added under it (``soon``)."""

    def __init__(self, root: QWidget):
        super().__init__(root)
        self.setObjectName(WATCHER)
        self.root = root
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.run)

    def soon(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def run(self) -> None:
        name_controls(self.root)
        for widget in self.root.findChildren(QWidget):
            # a tab built when first shown, a stack's other page: named when shown
            if isinstance(widget, (QTabWidget, QStackedWidget)) and not widget.property(WATCHED):
                widget.setProperty(WATCHED, True)
                widget.currentChanged.connect(self.soon)


def watch(root: QWidget) -> QWidget:
    """Name the controls of ``root`` now and whenever ``rows_added`` is called for a widget
    under it; returns ``root``."""
    _Watcher(root).run()
    return root


def rows_added(widget: QWidget | None) -> None:
    """Say that rows were (or are about to be) added under ``widget``: the watched root it
    is in names its controls again once the event loop is back. Does nothing for a widget
    that is in no watched root (a dialog names its controls itself)."""
    while widget is not None:
        watcher = widget.findChild(QObject, WATCHER, Qt.FindChildOption.FindDirectChildrenOnly)
        if isinstance(watcher, _Watcher):
            watcher.soon()
            return
        widget = widget.parentWidget()
