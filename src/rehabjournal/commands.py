"""Headless sub-commands. Each registers itself with ``cli.command``.

Later features add their commands here (import, export, report ...), keeping imports
inside the functions so that ``rehabjournal --help`` stays fast.
"""

from __future__ import annotations
