"""PyInstaller's entry script: the same ``main`` as the ``rehabjournal`` gui-script."""

import multiprocessing

from rehabjournal.cli import main

if __name__ == "__main__":
    # activity files of a large batch are read in spawned worker processes, which start
    # this executable again: freeze_support() makes them run the worker, not the app
    multiprocessing.freeze_support()
    raise SystemExit(main())
