""""Start with the computer, in the tray": the one file each system reads at log-in.

* Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/<app id>.desktop``
  (``~/.config/autostart`` by default), an XDG desktop entry whose ``Exec`` is the app with
  ``--tray`` (and ``--data-dir FOLDER``, quoted as the spec says, for a journal that is not
  the default one: the log-in start has no command line or environment of its own);
* Windows: a shortcut ``Rehab Journal.lnk`` in the user's Startup folder
  (``%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup``), written here in the
  Shell Link format ([MS-SHLLINK]) without Windows' COM objects;
* macOS: a LaunchAgent ``~/Library/LaunchAgents/<app id>.plist`` with ``RunAtLoad``.

The option has no setting of its own: it is on when the file is there (:func:`is_enabled`),
so turning it off, or deleting the file by hand, can never disagree with the app. Every
system's file is made by :func:`entry` on any system, so all three are tested on Linux.
Files are written through ``store.safe_write`` (atomic, 0600).
"""

from __future__ import annotations

import os
import plistlib
import shutil
import struct
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

APP_ID = "io.github.rehabjournal.RehabJournal"
TRAY_ARG = "--tray"
LINUX, WINDOWS, MACOS = "linux", "win32", "darwin"
WINDOWS_NAME = "Rehab Journal.lnk"


@dataclass(frozen=True, slots=True)
class Entry:
    """The autostart file of one system: where it goes and its bytes."""

    path: Path
    data: bytes


def family(system: str | None = None) -> str:
    """``LINUX``, ``WINDOWS`` or ``MACOS`` for a ``sys.platform`` value (XDG for the rest)."""
    system = system or sys.platform
    if system.startswith("win"):
        return WINDOWS
    if system == "darwin":
        return MACOS
    return LINUX


def app_command(data_dir: str | os.PathLike | None = None) -> list[str]:
    """How this installation starts the app in the tray, as an argument list.

    A frozen build is its own executable; an installed package its ``rehabjournal``
    script when that is on the PATH, else this Python with ``-m rehabjournal``. Then
    ``--data-dir FOLDER`` when ``data_dir`` is not the default journal (see
    :func:`journal_args`), then ``--tray``.
    """
    if getattr(sys, "frozen", False):
        launcher = [sys.executable]
    elif script := shutil.which("rehabjournal"):
        launcher = [str(Path(script).absolute())]
    else:
        launcher = [sys.executable, "-m", "rehabjournal"]
    return launcher + journal_args(data_dir) + [TRAY_ARG]


def journal_args(data_dir: str | os.PathLike | None,
                 default: str | os.PathLike | None = None) -> list[str]:
    """``["--data-dir", FOLDER]`` (absolute) when ``data_dir`` is not the default journal.

    The app opened with ``--data-dir`` or ``$REHABJOURNAL_DATA_DIR`` must start at log-in
    on that same journal, and the log-in start has neither: the folder goes into the
    command. The default journal is left unnamed, so the entry follows the default.

    Args:
        data_dir: the open journal's folder; None for the default journal.
        default: the default journal's folder (``paths.default_data_dir()`` when None).
    """
    if data_dir is None:
        return []
    folder = Path(data_dir).expanduser().absolute()
    if default is None:
        from .. import paths

        default = paths.default_data_dir()
    if folder.resolve() == Path(default).expanduser().resolve():
        return []
    return ["--data-dir", str(folder)]


def with_journal(command: Sequence[str], data_dir: str | os.PathLike | None,
                 default: str | os.PathLike | None = None) -> list[str]:
    """``command`` with the journal's ``--data-dir FOLDER`` put before its ``--tray``."""
    command = list(command)
    extra = journal_args(data_dir, default)
    at = command.index(TRAY_ARG) if TRAY_ARG in command else len(command)
    return command[:at] + extra + command[at:]


def entry_path(system: str | None = None, env: Mapping[str, str] | None = None,
               home: Path | None = None) -> Path:
    """Where the autostart file of ``system`` goes for this user."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    kind = family(system)
    if kind == WINDOWS:
        appdata = env.get("APPDATA") or str(home / "AppData" / "Roaming")
        return Path(appdata, "Microsoft", "Windows", "Start Menu", "Programs", "Startup",
                    WINDOWS_NAME)
    if kind == MACOS:
        return home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    config = env.get("XDG_CONFIG_HOME") or ""
    base = Path(config) if os.path.isabs(config) else home / ".config"
    return base / "autostart" / f"{APP_ID}.desktop"


def entry(system: str | None = None, command: Sequence[str] | None = None,
          env: Mapping[str, str] | None = None, home: Path | None = None,
          data_dir: str | os.PathLike | None = None,
          default: str | os.PathLike | None = None) -> Entry:
    """The autostart file of ``system`` starting ``command`` (default :func:`app_command`)
    on the journal in ``data_dir`` (named with ``--data-dir`` unless it is ``default``,
    the default journal: see :func:`journal_args`)."""
    command = with_journal(command or app_command(), data_dir, default)
    kind = family(system)
    path = entry_path(system, env, home)
    if kind == WINDOWS:
        return Entry(path, shell_link(command[0], subprocess.list2cmdline(command[1:])))
    if kind == MACOS:
        return Entry(path, launch_agent(command))
    return Entry(path, desktop_entry(command).encode("utf-8"))


# ---- the three formats --------------------------------------------------------------------

def _exec_arg(arg: str) -> str:
    """One argument of a desktop entry's ``Exec`` (quoted and escaped as the spec says)."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`="):
        return arg
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return '"' + quoted.replace("\\", "\\\\") + '"'  # the string escape comes on top


def desktop_entry(command: Sequence[str]) -> str:
    """An XDG autostart desktop entry starting ``command``."""
    return "\n".join((
        "[Desktop Entry]",
        "Type=Application",
        "Name=Rehab Journal",
        "Comment=Starts Rehab Journal in the tray for its reminders",
        "Exec=" + " ".join(_exec_arg(a) for a in command),
        "Icon=" + APP_ID,  # the icon installers put in the theme (install.sh, Flatpak)
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ))


def launch_agent(command: Sequence[str]) -> bytes:
    """A macOS LaunchAgent property list starting ``command`` at log-in."""
    return plistlib.dumps({
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    })


_LINK_CLSID = bytes.fromhex("0114020000000000c000000000000046")
HAS_LINK_INFO, HAS_WORKING_DIR, HAS_ARGUMENTS, IS_UNICODE = 0x02, 0x10, 0x20, 0x80
SW_SHOWMINNOACTIVE = 7


def _string(text: str) -> bytes:
    return struct.pack("<H", len(text.encode("utf-16-le")) // 2) + text.encode("utf-16-le")


def shell_link(target: str, arguments: str) -> bytes:
    """A Windows shortcut (.lnk, [MS-SHLLINK]) to the file ``target`` with ``arguments``.

    The target is given by its local path (LinkInfo, in ANSI and Unicode), so no item ID
    list and no COM object is needed; the working folder is the target's folder.
    """
    flags = HAS_LINK_INFO | HAS_WORKING_DIR | IS_UNICODE | (HAS_ARGUMENTS if arguments else 0)
    header = struct.pack("<I16sII24sIiIH2sII", 0x4C, _LINK_CLSID, flags, 0, b"\0" * 24,
                         0, 0, SW_SHOWMINNOACTIVE, 0, b"\0\0", 0, 0)
    volume = struct.pack("<IIII", 17, 3, 0, 16) + b"\0"  # a fixed drive, no label
    wide = not target.isascii()  # then the path is given in Unicode as well
    ansi = target.encode("ascii", "replace") + b"\0"
    head = 0x24 if wide else 0x1C
    volume_at = head
    ansi_at = volume_at + len(volume)
    suffix_at = ansi_at + len(ansi)
    body = volume + ansi + b"\0"  # CommonPathSuffix: empty
    extra: list[int] = []
    if wide:
        pad = (head + len(body)) % 2  # Unicode text at an even offset
        unicode_at = head + len(body) + pad
        unicode = target.encode("utf-16-le") + b"\0\0"
        extra = [unicode_at, unicode_at + len(unicode)]
        body += b"\0" * pad + unicode + b"\0\0"  # CommonPathSuffixUnicode: empty
    info = struct.pack("<7I", head + len(body), head, 0x1, volume_at, ansi_at, 0,
                       suffix_at) + struct.pack(f"<{len(extra)}I", *extra) + body
    strings = _string(str(PureWindowsPath(target).parent))
    if arguments:
        strings += _string(arguments)
    return header + info + strings + b"\0\0\0\0"


# ---- on and off ---------------------------------------------------------------------------

def is_enabled(system: str | None = None) -> bool:
    """True when this user's autostart file is there."""
    return entry_path(system).is_file()


def enable(system: str | None = None, command: Sequence[str] | None = None,
           data_dir: str | os.PathLike | None = None) -> Path:
    """Write the autostart file (again, so that a moved installation is followed).

    Args:
        system: a ``sys.platform`` value (this computer's when None).
        command: the command starting the app in the tray (:func:`app_command`).
        data_dir: the open journal's folder: written as ``--data-dir FOLDER`` unless it
            is the default journal; None for the default journal.

    Returns:
        Its path.

    Raises:
        StorageError: the file cannot be written (the message names it).
    """
    from ..i18n import N_
    from ..store import safe_write

    made = entry(system, command, data_dir=data_dir)
    made.path.parent.mkdir(parents=True, exist_ok=True)
    return safe_write.write_bytes(made.path, made.data, doing="write",
                                  what=N_("the autostart entry"))  # translated by safe_write


def disable(system: str | None = None) -> bool:
    """Remove the autostart file; True when there was one."""
    path = entry_path(system)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
