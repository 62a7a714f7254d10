"""Generating a 10-year history (what the Journal and Progress benchmarks start from)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from common import median_time

END = date(2025, 3, 5)


def run():
    from rehabjournal.services import demo
    from rehabjournal.services.session import close_journal, open_journal

    def generate():
        folder = Path(tempfile.mkdtemp(prefix="rehabjournal-bench-history-"))
        open_journal(folder)
        try:
            demo.generate_history(10, end=END)
        finally:
            close_journal()

    seconds = median_time(generate, repeat=3)
    return [("generate a 10-year history", seconds, "s", "budget 10 s")]
