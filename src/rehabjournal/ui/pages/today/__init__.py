"""The Today page: one day's check-in, sessions, red flags, events and notes, as sections.

The page (``page.py``) is a date bar over a column of sections, declared once in
``page.SECTIONS`` and loaded in that order. Each section is a widget in its own module
with ``set_day(day)`` (show that day) and ``refresh()`` (read it again), and makes its
changes through ``ui/edit_path.apply_edit``. To add a section: write its module, then add
it to ``SECTIONS`` where it should appear.
"""

from __future__ import annotations

from .page import SECTIONS, DayPage, create

__all__ = ["SECTIONS", "DayPage", "create"]
