"""Sections of the Today page that show the same value must follow each other's edits.

The page reloads every section for a change made elsewhere, but only the light for its
own changes (the section that made one already shows it). A few values show in two
sections: this morning's pain is the check-in's "Morning pain" and the answer to "How is
the knee this morning after yesterday's run?"; the exercises due make the day's rehab
session, which the sessions show. Those sections call ``changed_by_sibling`` from their
``journal_changed`` slot and refresh when another section of the same page changed the day.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from ...context import AppContext


def changed_by_sibling(section: QWidget, ctx: AppContext, day: date | None,
                       shown: date) -> bool:
    """True while ``journal_changed(day)`` comes from another section of ``section``'s page
    and touched ``shown`` (the day the section shows)."""
    source = ctx.edit_source
    if day != shown or not isinstance(source, QWidget):
        return False
    if source is section or section.isAncestorOf(source):
        return False
    page = section.parentWidget()
    while page is not None and not hasattr(page, "sections"):
        page = page.parentWidget()
    return page is not None and page.isAncestorOf(source)
