"""A second launch brings the running window to the front instead of an error box.

The running app listens on a local socket (``QLocalServer``: a Unix-domain socket in a
folder only this user can enter, ``$XDG_RUNTIME_DIR`` on Linux, or a named pipe on Windows,
open to this user only), one per journal folder. A new launch for the same folder first asks
there: when the running app answers, it raises its window and the new launch ends with exit
code 0. A local socket is not a network connection: nothing leaves the computer.

The little protocol: the new launch sends ``b"raise\\n"`` (or ``b"tray\\n"`` for a start at
log-in, which raises nothing) and the running app answers ``b"ok\\n"``. A socket file left
by a crashed app answers nothing; it is removed and listened on again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE, TRAY, OK = b"raise\n", b"tray\n", b"ok\n"
WAIT_MS = 1000


def _private_folder() -> Path | None:
    """A folder only this user can enter, for the socket (None: let Qt choose).

    ``$XDG_RUNTIME_DIR`` when it is set and private (Linux); on macOS Qt's default, the
    per-user ``$TMPDIR``; otherwise ``rehabjournal-UID`` in the temporary folder, made with
    mode 0700 and used only when it is this user's own, private, real folder.
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and _is_private(Path(runtime)):
        return Path(runtime)
    if sys.platform == "darwin":
        return None
    folder = Path(tempfile.gettempdir()) / f"rehabjournal-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    return folder if _is_private(folder) else None


def _is_private(folder: Path) -> bool:
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    return (stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid()
            and st.st_mode & 0o077 == 0)


def server_name(data_dir: Path) -> str:
    """The socket of the app that has ``data_dir`` open, for this user.

    On Unix a full path in a folder only this user can enter; on Windows a pipe name with
    the user's name in it (the server also limits access to this user). The folder is
    named by its real path (``Path.resolve``: symbolic links and ``..`` followed), so a
    launch through a link to the open journal's folder finds the running app.
    """
    digest = hashlib.sha256(os.fsencode(Path(data_dir).expanduser().resolve())).hexdigest()[:16]
    name = f"rehabjournal-{digest}"
    if sys.platform.startswith("win"):
        user = os.environ.get("USERNAME", "")
        return f"{name}-{hashlib.sha256(user.encode()).hexdigest()[:8]}"
    folder = _private_folder()
    return str(folder / name) if folder is not None else name


def ask_running(name: str, *, tray: bool = False, wait_ms: int = WAIT_MS) -> bool:
    """Ask the app listening on ``name`` to raise its window (``tray``: only to stay).

    Returns:
        True when a running app answered (this launch should end), False when none did.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(wait_ms):
        return False
    try:
        socket.write(TRAY if tray else RAISE)
        socket.flush()
        answer = b""
        while OK not in answer and socket.waitForReadyRead(wait_ms):
            answer += bytes(socket.readAll().data())
        return OK in answer
    finally:
        socket.abort()


class InstanceServer(QObject):
    """Listens for later launches of the same journal.

    Signals:
        raise_requested(): a later launch asked for the window.
    """

    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed app is taken over.

        Returns:
            False when another running app already listens there (it answered).
        """
        if self.server.listen(self.name):
            return True
        if ask_running(self.name, tray=True, wait_ms=300):
            return False  # alive: leave it be
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if RAISE in data or TRAY in data:
            socket.write(OK)
            socket.flush()
            if RAISE in data:
                self.raise_requested.emit()
