"""An install without the encryption extra (the README's ``pip install .``, a plain wheel):
a plain journal needs no SQLCipher anywhere, and an encrypted one gets a message saying
what to install, never a traceback. (The start-up checks and the import commands raised
ModuleNotFoundError: No module named 'sqlcipher3'.)

Each command runs in a Python whose import of ``sqlcipher3`` fails, as on such a machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

BLOCKER = '''import sys


class NoSQLCipher:
    """sqlcipher3 is not installed here."""

    def find_spec(self, name, path=None, target=None):
        if name == "sqlcipher3" or name.startswith("sqlcipher3."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NoSQLCipher())
'''


def python(tmp_path: Path, *args: str, code: str | None = None) -> subprocess.CompletedProcess:
    site = tmp_path / "no-sqlcipher"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(BLOCKER)
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{SRC}",
           "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "en", "HOME": str(tmp_path / "home"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    env.pop("REHABJOURNAL_DATA_DIR", None)
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "rehabjournal"]
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env,
                          timeout=180, cwd=tmp_path)


def test_the_blocker_blocks(tmp_path):
    done = python(tmp_path, code="import sqlcipher3")
    assert "No module named 'sqlcipher3'" in done.stderr


def test_a_plain_journal_imports_exports_and_checks_without_sqlcipher(tmp_path):
    exported = tmp_path / "demo.json"
    done = python(tmp_path, "--demo", "export-all", str(exported))
    assert done.returncode == 0, done.stderr
    data = tmp_path / "journal"
    done = python(tmp_path, "--data-dir", str(data), "import-all", str(exported))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and (data / "journal.sqlite").exists()
    csv = tmp_path / "days.csv"
    done = python(tmp_path, "--data-dir", str(data), "export", str(csv))
    assert done.returncode == 0, done.stderr
    again = tmp_path / "again"
    done = python(tmp_path, "--data-dir", str(again), "import", str(csv))
    assert "Traceback" not in done.stderr and "sqlcipher" not in done.stderr.lower(), done.stderr
    # the start-up work of the window: sweep, library sync, the day's backup, weekly check
    done = python(tmp_path, str(data), code=(
        "import sys\nfrom pathlib import Path\n"
        "from rehabjournal.store.db import open_journal\n"
        "from rehabjournal.services.startup import run_startup_work\n"
        "open_journal(Path(sys.argv[1]))\n"
        "result = run_startup_work(Path(sys.argv[1]))\n"
        "print('problems:', getattr(result, 'problems', None), getattr(result, 'error', None))\n"))
    assert done.returncode == 0, done.stderr
    assert "sqlcipher" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
    assert list((data / "backups").glob("*.sqlite")), "no daily backup was made"


def test_an_encrypted_journal_says_what_to_install(tmp_path):
    data = tmp_path / "journal"
    data.mkdir()
    shutil.copy(FIXTURES / "journal-sqlcipher3-binary-0.5.0.sqlite", data / "journal.sqlite")
    secret = tmp_path / "secret"
    secret.write_text("rehab 'old-module' Zoë", encoding="utf-8")
    done = python(tmp_path, "--data-dir", str(data), "--passphrase-file", str(secret),
                  "summary")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    # ("... not installed: pip install 'rehabjournal[encryption]'", or, here, where pip
    # still lists sqlcipher3: "... its files are missing ... pip install --force-reinstall")
    assert "error: Encryption needs SQLCipher" in done.stderr, done.stderr
    assert "pip install" in done.stderr, done.stderr


def test_no_passphrase_is_asked_for_when_sqlcipher_is_missing(tmp_path):
    """Without a passphrase file (a script, or a terminal that would be asked): the message
    says what to install, not how to give a passphrase that could not be used."""
    data = tmp_path / "journal"
    data.mkdir()
    shutil.copy(FIXTURES / "journal-sqlcipher3-binary-0.5.0.sqlite", data / "journal.sqlite")
    done = python(tmp_path, "--data-dir", str(data), "summary")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "error: Encryption needs SQLCipher" in done.stderr, done.stderr
    assert "--passphrase-file" not in done.stderr
