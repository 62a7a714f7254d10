"""Qt user interface: windows, pages, item models, dialogs."""

from . import layouts

layouts.install()  # no stale wrappers of Qt's layout items: see ui/layouts.py
