"""Layout items without stale Python wrappers (the PySide crash in ``releaseWrapper``).

Qt makes a ``QWidgetItem`` for each widget put in a layout, a ``QSpacerItem`` for each
stretch, and deletes them itself (when the widget goes, when the layout goes) without
telling PySide. Two PySide paths make Python wrappers of those items and keep them (the
layout's wrapper holds them as children): ``QLayout.itemAt`` from Python, and PySide's
glue for ``addLayout``/``addRow``/``insertLayout`` of a layout that already
holds widgets, which wraps each of its items. A wrapper left behind is stale once Qt
deleted its item; the next object Qt puts at that address (a layout, a label) is then
mistaken for it, and the process dies in ``Shiboken::BindingManager::releaseWrapper``
when one of them is destroyed (seen in test runs and in the app: docs/architecture.md,
"The PySide crash in releaseWrapper").

So: ``layout_entries`` walks a layout without ``itemAt`` (``indexOf`` asks the same without
making a wrapper), and ``install`` (done when ``rehabjournal.ui`` is imported) makes the
add-a-layout calls drop the item wrappers PySide's glue just made, as PySide's own
``removeItem`` glue does (``Shiboken.invalidate``: the wrapper forgets the C++ item, which
stays Qt's). ``takeAt`` is safe as it is: the item it hands back is Python's to delete.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QGridLayout, QLayout, QWidget
from shiboken6 import Shiboken

_INSTALLED = False


def layout_entries(layout: QLayout) -> list[QWidget | QLayout]:
    """The widgets and nested layouts of ``layout``, in its order (spacers left out).

    Use this, never ``layout.itemAt(i)``, to walk a layout Qt fills: ``itemAt`` leaves a
    wrapper of the item behind (see the module's docstring).

    Args:
        layout: any layout; a layout not yet on a widget has no entries here.

    Returns:
        The widgets and layouts placed directly in ``layout``, first to last.
    """
    found: list[tuple[int, QWidget | QLayout]] = []
    direct = Qt.FindChildOption.FindDirectChildrenOnly  # (a name "" would match only "")
    owner = layout.parentWidget()
    if owner is not None:
        for widget in owner.findChildren(QWidget, options=direct):
            index = layout.indexOf(widget)
            if index >= 0:
                found.append((index, widget))
    for inner in layout.findChildren(QLayout, options=direct):
        index = layout.indexOf(inner)
        if index >= 0:
            found.append((index, inner))
    found.sort(key=lambda pair: pair[0])
    return [entry for _index, entry in found]


def forget_items(layout: QLayout) -> None:
    """Drop the Python wrappers of the layout items Qt made under ``layout`` (widget items,
    spacers; nested layouts are walked, not dropped: they are Python's own objects).

    Called right after PySide's glue wrapped them; ``itemAt`` then hands back those same
    wrappers (it makes none: they exist) and each is invalidated at once.
    """
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        if inner is not None:
            forget_items(inner)
        elif not Shiboken.createdByPython(item) and Shiboken.isValid(item):
            Shiboken.invalidate(item)


def _forgetting(method, positions: tuple[int, ...]):
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        for position in positions:
            if position < len(args) and isinstance(args[position], QLayout):
                forget_items(args[position])
        return result

    call.__rehabjournal_forgets__ = True
    return call


def install() -> None:
    """Make ``addLayout``, ``insertLayout``, ``QFormLayout.addRow``/``insertRow``/``setLayout``
    and ``QGridLayout.addLayout`` drop the item wrappers PySide's glue makes for a layout
    they are given (idempotent). These are not virtual: Qt never calls them back."""
    global _INSTALLED
    if _INSTALLED:
        return
    for cls, name, positions in (
            (QBoxLayout, "addLayout", (0,)),
            (QBoxLayout, "insertLayout", (1,)),
            (QGridLayout, "addLayout", (0,)),
            (QFormLayout, "addRow", (0, 1)),
            (QFormLayout, "insertRow", (1, 2)),
            (QFormLayout, "setLayout", (2,))):
        # (not the virtual addItem: PySide would take a patched one for a Python override
        # and call it for every item Qt adds; the app adds no layout with it)
        method = getattr(cls, name)
        if not getattr(method, "__rehabjournal_forgets__", False):
            setattr(cls, name, _forgetting(method, positions))
    _INSTALLED = True
