"""A second launch brings the running window to the front (issue 18 item 9).

Two processes: the window of this test process listens; a second ``rehabjournal`` started as
a real process for the same journal asks it to come to the front and ends with exit code 0
instead of the "already open" box.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def _launch(data_dir: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "rehabjournal", "--data-dir", str(data_dir),
                             *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _finish(qtbot, proc: subprocess.Popen, timeout_ms: int = 60000) -> tuple[int, str]:
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=timeout_ms)  # events keep flowing
    _out, err = proc.communicate()
    return proc.returncode, err


def test_a_second_launch_raises_the_running_window(open_window, qtbot, tmp_path):
    from rehabjournal.ui.single_instance import server_name

    data = tmp_path / "data"
    _ctx, window = open_window(data_dir=data)
    name = server_name(data)
    assert window.listen_for_launches(name)
    if os.name == "posix":  # a socket in a folder only this user can enter
        folder = Path(name).parent
        assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0
        assert stat.S_ISSOCK(os.stat(name).st_mode)
    raised = []
    window.instance_server.raise_requested.connect(lambda: raised.append(True))
    window.hide()

    code, err = _finish(qtbot, _launch(data))
    assert code == 0, err
    assert "already open: its window was brought to the front" in err
    assert "cannot open" not in err
    assert raised == [True]
    assert window.isVisible()

    # a start at log-in (--tray) finds it running too: nothing is raised, nothing opened
    code, err = _finish(qtbot, _launch(data, "--tray"))
    assert code == 0, err
    assert raised == [True]


def test_another_journal_is_not_this_window(tmp_path):
    from rehabjournal.ui.single_instance import server_name

    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")


def test_a_socket_left_by_a_crashed_app_is_taken_over(qtbot, tmp_path):
    from rehabjournal.ui.app import application
    from rehabjournal.ui.single_instance import InstanceServer, ask_running, server_name

    if os.name != "posix":
        pytest.skip("a stale socket file is a Unix thing")
    application()
    name = server_name(tmp_path / "data")
    stale = socket.socket(socket.AF_UNIX)  # bound and dropped, as a killed app leaves it
    stale.bind(name)
    stale.close()
    assert ask_running(name, wait_ms=200) is False  # nobody answers there
    server = InstanceServer(name)
    assert server.listen()  # the file is removed and listened on again
    asked = []
    server.raise_requested.connect(lambda: asked.append(True))
    client = subprocess.Popen([sys.executable, "-c", ASK, name])
    qtbot.waitUntil(lambda: client.poll() is not None, timeout=30000)
    assert client.returncode == 0 and asked == [True]
    server.close()


ASK = """
import sys
from PySide6.QtCore import QCoreApplication
from rehabjournal.ui.single_instance import ask_running
app = QCoreApplication([])
sys.exit(0 if ask_running(sys.argv[1]) else 1)
"""


def test_no_network_is_used_for_it(qtbot, tmp_path, monkeypatch):
    """The local socket goes through no Python socket call, so the no-network trap of
    tests/test_no_network.py stays strict for every family."""
    from rehabjournal.ui.app import application
    from rehabjournal.ui.single_instance import InstanceServer, ask_running, server_name

    calls = []

    def trap(*args, **kwargs):
        calls.append(args)
        raise OSError("network use is not allowed")

    monkeypatch.setattr(socket.socket, "connect", trap)
    monkeypatch.setattr(socket, "create_connection", trap)
    monkeypatch.setattr(socket, "getaddrinfo", trap)
    application()
    name = server_name(tmp_path / "data")
    server = InstanceServer(name)
    assert server.listen()
    server.close()
    assert ask_running(name, wait_ms=100) is False  # closed: nobody there

    assert calls == []


def test_a_launch_through_a_link_to_the_folder_raises_the_running_window(qtbot, tmp_path):
    """Two processes: the app running on ``data``, then a launch on a symbolic link to it.
    The link names the same journal: the running window comes to the front (no "already
    open" box), and the running app prints no TypeError when its state changes."""
    from rehabjournal.ui.app import application
    from rehabjournal.ui.single_instance import ask_running, server_name

    if not hasattr(os, "symlink") or os.name != "posix":
        pytest.skip("symbolic links to folders need no privilege on Unix only")
    application()
    data = tmp_path / "data"
    link = tmp_path / "link"
    link.symlink_to(data, target_is_directory=True)
    assert server_name(link) == server_name(data)
    assert server_name(tmp_path / "x" / ".." / "data") == server_name(data)

    first = subprocess.Popen(
        [sys.executable, "-m", "rehabjournal", "--data-dir", str(data)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # up and listening (a "tray" question raises nothing)
        qtbot.waitUntil(lambda: first.poll() is not None
                        or ask_running(server_name(data), tray=True, wait_ms=200),
                        timeout=60000)
        assert first.poll() is None, first.communicate()
        code, err = _finish(qtbot, _launch(link))
        assert code == 0, err
        assert "already open: its window was brought to the front" in err
        assert "cannot open" not in err
        qtbot.wait(300)  # the raise reaches the first app
        assert first.poll() is None  # still running
    finally:
        first.terminate()
        _out, first_err = first.communicate(timeout=30)
    assert "TypeError" not in first_err
    assert "Cannot call meta function" not in first_err


def test_the_day_check_on_activation_is_a_slot_gone_with_its_context(qtbot, tmp_path):
    """``applicationStateChanged`` reaches a declared slot (a plain method could not be
    given Qt::ApplicationState), which Qt disconnects when the context is deleted."""
    import shiboken6
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from rehabjournal.ui.app import application
    from rehabjournal.ui.context import AppContext

    application()
    ctx = AppContext(tmp_path)
    meta = ctx.metaObject()
    assert meta.indexOfSlot("_application_state(Qt::ApplicationState)") >= 0
    looked = []
    ctx.day_changed.connect(lambda *a: looked.append(a))
    ctx.check_day = lambda: looked.append("check") or False  # type: ignore[method-assign]
    app = QGuiApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert looked == ["check"]
    shiboken6.delete(ctx)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)  # nobody there
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert looked == ["check"]
