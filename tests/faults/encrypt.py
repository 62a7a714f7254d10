"""Turn encryption on for the journal of DATA_DIR with PASSPHRASE."""

from __future__ import annotations

import sys
from pathlib import Path

from _common import run


def main() -> int:
    from rehabjournal.services import session
    from rehabjournal.store import encryption

    data_dir, passphrase = Path(sys.argv[1]), sys.argv[2]
    session.open_journal(data_dir)
    encryption.enable(data_dir, passphrase)
    print("Encrypted.")
    return 0


if __name__ == "__main__":
    run(main)
