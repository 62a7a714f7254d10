"""What every helper script shares: run ``main`` like the command line runs a command."""

from __future__ import annotations

import sys
from collections.abc import Callable


def run(main: Callable[[], int]) -> None:
    """Exit with ``main()``; a ``RehabJournalError`` prints one line and exits with its code."""
    from rehabjournal.errors import RehabJournalError

    try:
        code = main()
    except RehabJournalError as exc:
        print(f"rehabjournal: error: {exc}", file=sys.stderr)
        code = exc.exit_code
    finally:
        from rehabjournal.services import session

        session.close_journal()
    sys.exit(code)
