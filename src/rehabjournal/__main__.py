"""``python -m rehabjournal`` and the ``rehabjournal`` script."""

import multiprocessing

from .cli import main

if __name__ == "__main__":
    # Reading a large batch of activity files runs in worker processes (spawn); in a frozen
    # app (PyInstaller) a worker starts this same executable, which must not start the app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
