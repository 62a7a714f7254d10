"""Sections of the Today page that show the same value must follow each other's edits.

The page reloads every section for a change made elsewhere, but only the light for its
own changes (the section that made one already shows it). A few values show in two
sections: this morning's pain is the check-in's "Morning pain" and the answer to "How is
the knee this morning after yesterday's run?"; the exercises due make the day's rehab
session, which the sessions show. Those sections call ``changed_by_sibling`` from their
``journal_changed`` slot and refresh when another section of the same page changed the day.

A section that rebuilds rows (the "This morning" question, sessions, exercises due,
events) calls ``relink`` afterwards: Tab then follows the page top to bottom again, and
a cursor that was in a row rebuilt under it lands in the same section, never on the
sidebar.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLayout, QWidget

from ...accessibility import rows_added
from ...context import AppContext
from ...layouts import layout_entries


def changed_by_sibling(section: QWidget, ctx: AppContext, day: date | None,
                       shown: date) -> bool:
    """True while ``journal_changed(day)`` comes from another section of ``section``'s page
    and touched ``shown`` (the day the section shows)."""
    source = ctx.edit_source
    if day != shown or not isinstance(source, QWidget):
        return False
    if source is section or section.isAncestorOf(source):
        return False
    page = page_of(section)
    return page is not None and page.isAncestorOf(source)


def page_of(section: QWidget) -> QWidget | None:
    """The Today page ``section`` is on (None while it is not on one)."""
    page = section.parentWidget()
    while page is not None and not hasattr(page, "sections"):
        page = page.parentWidget()
    return page


def relink(section: QWidget, focus: QWidget | None = None) -> None:
    """After ``section`` rebuilt rows: fix the page's Tab order; give ``focus`` the cursor,
    or the section's first input if the cursor was lost with a removed row."""
    page = page_of(section)
    if page is None:
        return
    show_new_rows(section)
    rows_added(section)
    page.fix_tab_order()
    if not page.isVisible() or not page.window().isActiveWindow():
        return
    if focus is None and QApplication.focusWidget() is None:
        focus = next((w for w in focus_chain(section.layout()) if w.isVisible()), None)
    if focus is not None and focus.isVisible():
        focus.setFocus(Qt.FocusReason.OtherFocusReason)


def show_new_rows(section: QWidget) -> None:
    """Show now the widgets just added to ``section``'s layout (Qt shows them in the next
    event-loop turn): the cursor can then go to them at once (Alt+M, the first empty
    field), as it can to the rest of the page."""
    _show_new(section.layout())


def _show_new(layout: QLayout | None) -> None:
    if layout is None:
        return
    for entry in layout_entries(layout):
        if isinstance(entry, QWidget):
            explicit = entry.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
            if entry.isHidden() and not explicit:
                entry.show()  # what the layout asked Qt to do in the next turn
            if not entry.isHidden() and not isinstance(entry, QComboBox):
                _show_new(entry.layout())
        else:
            _show_new(entry)


def focus_chain(layout: QLayout | None) -> list[QWidget]:
    """The widgets taking Tab focus under ``layout``, in layout order (depth first)."""
    chain: list[QWidget] = []
    if layout is None:
        return chain
    for entry in layout_entries(layout):
        if isinstance(entry, QWidget):
            if entry.focusPolicy() & Qt.FocusPolicy.TabFocus and entry.focusProxy() is None:
                chain.append(entry)
            if entry.layout() is not None and not isinstance(entry, QComboBox):
                chain.extend(focus_chain(entry.layout()))
        else:
            chain.extend(focus_chain(entry))
    return chain
