"""Test set-up: Qt offscreen, and every test gets its own data and settings folders.

The tests import the installed package (``make`` installs it in editable mode), never
``src/`` added to ``sys.path``: what is tested is what ships, ``_version.py`` included.
"""

from __future__ import annotations

import locale
import os
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English unless a test chooses a language: "System" follows LANGUAGE first (rehabjournal.i18n
# and QLocale.system().uiLanguages() both read it), so a French or German test machine does
# not change what the English tests read.
os.environ["LANGUAGE"] = "en"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep QSettings and the default data folder out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("REHABJOURNAL_DATA_DIR", raising=False)
    # glibc caches the system's own messages (strerror) per locale name, not per LANGUAGE:
    # after a test ran the command line with LANGUAGE=de, "No such file or directory" would
    # stay German. Setting the locale again empties that cache.
    current = locale.setlocale(locale.LC_MESSAGES)
    locale.setlocale(locale.LC_MESSAGES, "C")
    locale.setlocale(locale.LC_MESSAGES, current)
    yield
    from rehabjournal import i18n

    if i18n.current() != "en":  # a test that chose French or German leaves English behind
        i18n.set_language("en")


@pytest.fixture
def journal(tmp_path):
    """An empty journal opened in a temporary data folder (models bound to it)."""
    from rehabjournal.store.db import close_journal, open_journal

    data_dir = tmp_path / "data"
    open_journal(data_dir)
    yield data_dir
    close_journal()


@pytest.fixture
def tiny_disk(tmp_path):
    """A 200 KB tmpfs for real full-disk tests (root on Linux only; skipped with the
    reason elsewhere)."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("a real full disk needs a tmpfs: root on Linux only")
    folder = tmp_path / "tiny"
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


@pytest.fixture
def zone(monkeypatch):
    """Factory: zone("Europe/London") runs the test in that time zone (TZ + tzset)."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()
