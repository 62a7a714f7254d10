"""``python -m rehabjournal`` and the ``rehabjournal`` script."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
