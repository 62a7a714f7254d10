"""Readers of activity files (FIT, GPX, TCX, Strava export zip): files to ``Activity``.

(Being written: see /work/notes/team20.md.)
"""

from __future__ import annotations


class ImportCancelled(Exception):
    """The person cancelled reading a batch of activity files; nothing was written."""
