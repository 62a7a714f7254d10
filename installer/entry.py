"""PyInstaller's entry script: the same ``main`` as the ``rehabjournal`` gui-script."""

from rehabjournal.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
