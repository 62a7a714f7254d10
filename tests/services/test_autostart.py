""""Start with the computer, in the tray": each system's file, written and removed."""

from __future__ import annotations

import os
import plistlib
import shlex
import struct
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from rehabjournal.services import autostart as a

COMMAND = ["/opt/Rehab Journal/bin/rehabjournal", "--tray"]


def _desktop_keys(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_linux_file_written_and_removed(tmp_path, monkeypatch):
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    target = config / "autostart" / "io.github.rehabjournal.RehabJournal.desktop"
    assert not a.is_enabled("linux")
    assert a.enable("linux", COMMAND) == target
    assert a.is_enabled("linux")
    keys = _desktop_keys(target.read_text("utf-8"))
    assert keys["Type"] == "Application"
    assert keys["Exec"] == '"/opt/Rehab Journal/bin/rehabjournal" --tray'
    assert shlex.split(keys["Exec"]) == COMMAND  # what a desktop runs
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0  # written by safe_write: private
    assert not list(target.parent.glob(".*rjpart"))  # no temporary file left
    assert a.disable("linux") is True
    assert not target.exists() and not a.is_enabled("linux")
    assert a.disable("linux") is False  # already off: nothing to do, no error


def test_linux_without_xdg_config_home_uses_dot_config(tmp_path):
    assert a.entry_path("linux", env={}, home=tmp_path) == \
        tmp_path / ".config" / "autostart" / "io.github.rehabjournal.RehabJournal.desktop"
    # a relative XDG_CONFIG_HOME is to be ignored (XDG base directory specification)
    assert a.entry_path("linux", env={"XDG_CONFIG_HOME": "cfg"}, home=tmp_path).parts[-3] \
        == ".config"


@pytest.mark.parametrize("arg, written", [
    ("plain", "plain"),
    ("/a b/c", '"/a b/c"'),
    ('say "hi"', '"say \\\\"hi\\\\""'),
    ("50%", "50%%"),
    ("$HOME", '"\\\\$HOME"'),
])
def test_exec_quoting(arg, written):
    assert a._exec_arg(arg) == written


def test_the_command_is_this_installation():
    command = a.app_command()
    assert command[-1] == "--tray"
    assert Path(command[0]).is_absolute()
    if command[1:3] == ["-m", "rehabjournal"]:
        assert command[0] == sys.executable


def test_macos_launch_agent(tmp_path):
    made = a.entry("darwin", COMMAND, home=tmp_path)
    assert made.path == tmp_path / "Library/LaunchAgents/io.github.rehabjournal.RehabJournal.plist"
    plist = plistlib.loads(made.data)
    assert plist == {"Label": "io.github.rehabjournal.RehabJournal",
                     "ProgramArguments": COMMAND, "RunAtLoad": True,
                     "ProcessType": "Interactive"}


def test_macos_file_written_and_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    path = a.enable("darwin", COMMAND)
    assert plistlib.loads(path.read_bytes())["RunAtLoad"] is True
    assert a.is_enabled("darwin") and a.disable("darwin") and not path.exists()


def _read_lnk(data: bytes) -> dict:
    """The fields of a Shell Link that Windows reads to start the target."""
    assert struct.unpack_from("<I", data)[0] == 0x4C
    assert data[4:20] == bytes.fromhex("0114020000000000c000000000000046")
    flags = struct.unpack_from("<I", data, 20)[0]
    show = struct.unpack_from("<I", data, 60)[0]
    pos = 76
    info_size, head, info_flags, _vol, ansi_at, _net, _suffix = struct.unpack_from(
        "<7I", data, pos)
    info = data[pos:pos + info_size]
    out = {"flags": flags, "show": show, "info_flags": info_flags,
           "ansi": info[ansi_at:info.index(b"\0", ansi_at)].decode("ascii")}
    if head >= 0x24:
        wide_at = struct.unpack_from("<I", info, 28)[0]
        end = next(i for i in range(wide_at, len(info), 2) if info[i:i + 2] == b"\0\0")
        out["unicode"] = info[wide_at:end].decode("utf-16-le")
    pos += info_size
    strings = []
    for _ in range(bin(flags & (a.HAS_WORKING_DIR | a.HAS_ARGUMENTS)).count("1")):
        count = struct.unpack_from("<H", data, pos)[0]
        strings.append(data[pos + 2:pos + 2 + 2 * count].decode("utf-16-le"))
        pos += 2 + 2 * count
    out["strings"] = strings
    assert data[pos:] == b"\0\0\0\0"  # the terminal block, and nothing after
    return out


@pytest.mark.parametrize("exe", [
    r"C:\Program Files\Rehab Journal\rehabjournal.exe",
    r"C:\Users\Zoë Łukasiewicz\AppData\Local\Programs\rehabjournal\rehabjournal.exe",
])
def test_windows_startup_shortcut(exe):
    made = a.entry("win32", [exe, "--tray", "a b"],
                   env={"APPDATA": r"C:\Users\Z\AppData\Roaming"})
    assert PureWindowsPath(made.path.as_posix()).parts[-2:] == ("Startup", "Rehab Journal.lnk")
    assert "Microsoft/Windows/Start Menu/Programs/Startup" in made.path.as_posix()
    link = _read_lnk(made.data)
    assert link["flags"] == a.HAS_LINK_INFO | a.HAS_WORKING_DIR | a.HAS_ARGUMENTS | a.IS_UNICODE
    assert link["show"] == a.SW_SHOWMINNOACTIVE
    assert link["info_flags"] == 1  # VolumeIDAndLocalBasePath
    assert link.get("unicode", link["ansi"]) == exe
    assert link["strings"] == [str(PureWindowsPath(exe).parent),
                               subprocess.list2cmdline(["--tray", "a b"])]
    if exe.isascii():
        assert "unicode" not in link


def test_windows_file_written_and_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setattr(sys, "platform", "win32")
    path = a.enable(command=[r"C:\rj\rehabjournal.exe", "--tray"])
    assert path.name == "Rehab Journal.lnk" and path.parent.name == "Startup"
    assert _read_lnk(path.read_bytes())["ansi"] == r"C:\rj\rehabjournal.exe"
    assert a.is_enabled() and a.disable() and not path.exists()


def test_a_folder_that_cannot_be_written_is_named(tmp_path, monkeypatch):
    from rehabjournal.errors import StorageError

    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("needs a folder this user cannot write")
    config = tmp_path / "ro"
    (config / "autostart").mkdir(parents=True)
    config.joinpath("autostart").chmod(0o500)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    try:
        with pytest.raises(StorageError, match="autostart"):
            a.enable("linux", COMMAND)
    finally:
        config.joinpath("autostart").chmod(0o700)


def _exec_argv(value: str) -> list[str]:
    """What a desktop runs for an ``Exec`` value (XDG Desktop Entry spec: the string
    escapes first, then the quoting rules, then ``%%`` is a literal ``%``)."""
    text = value.replace("\\\\", "\\")  # the general string escape
    argv, arg, quoted, started, i = [], "", False, False, 0
    while i < len(text):
        c = text[i]
        if quoted and c == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
            arg, i = arg + text[i + 1], i + 2
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started:
                argv.append(arg)
            arg, started = "", False
        else:
            arg, started = arg + c, True
        i += 1
    if started:
        argv.append(arg)
    assert not quoted
    return [a.replace("%%", "%") for a in argv]


ODD = '/home/zoë/My "rehab" $journal 100%'


def test_a_journal_other_than_the_default_is_named():
    default = Path("/home/zoe/.local/share/rehabjournal")
    assert a.journal_args(None, default) == []
    assert a.journal_args(default, default) == []
    assert a.journal_args(default / "sub" / "..", default) == []
    assert a.journal_args("/srv/journal", default) == ["--data-dir", "/srv/journal"]
    relative = a.journal_args("mine", default)
    assert relative == ["--data-dir", str(Path("mine").absolute())]  # never relative
    assert a.with_journal(COMMAND, "/srv/j", default) == [COMMAND[0], "--data-dir", "/srv/j",
                                                            "--tray"]
    command = a.app_command("/srv/j")
    assert command[-3:] == ["--data-dir", "/srv/j", "--tray"]


def test_a_link_to_the_default_journal_is_the_default(tmp_path):
    default = tmp_path / "default"
    default.mkdir()
    (tmp_path / "link").symlink_to(default, target_is_directory=True)
    assert a.journal_args(tmp_path / "link", default) == []


def test_linux_login_start_opens_the_same_journal(tmp_path, monkeypatch):
    """With --data-dir (or REHABJOURNAL_DATA_DIR) the start at log-in opened the default
    journal: the entry names the folder, quoted as the spec says."""
    from rehabjournal.cli import build_parser

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = a.enable("linux", COMMAND, data_dir=ODD)
    exec_value = _desktop_keys(path.read_text("utf-8"))["Exec"]
    assert exec_value == ('"/opt/Rehab Journal/bin/rehabjournal" --data-dir '
                          '"/home/zoë/My \\\\"rehab\\\\" \\\\$journal 100%%" --tray')
    argv = _exec_argv(exec_value)
    assert argv == [COMMAND[0], "--data-dir", ODD, "--tray"]
    args = build_parser().parse_args(argv[1:])
    assert args.data_dir == ODD and args.tray and not args.command
    # the default journal: no folder in the entry, it follows the default
    from rehabjournal import paths

    path = a.enable("linux", COMMAND, data_dir=paths.default_data_dir())
    assert _exec_argv(_desktop_keys(path.read_text("utf-8"))["Exec"]) == COMMAND
    assert a.disable("linux") and not path.exists()


def test_windows_and_macos_name_the_journal_too(tmp_path):
    default = tmp_path / "default"
    exe = r"C:\Program Files\Rehab Journal\rehabjournal.exe"
    folder = str(tmp_path / "My Journal")  # absolute on this system, with a space
    made = a.entry("win32", [exe, "--tray"], env={"APPDATA": r"C:\Users\Z\AppData\Roaming"},
                   data_dir=folder, default=default)
    link = _read_lnk(made.data)
    assert link["strings"][1] == f'--data-dir "{folder}" --tray'  # the shortcut's arguments
    made = a.entry("darwin", COMMAND, home=tmp_path, data_dir="/Users/zoe/My Journal",
                   default=default)
    assert plistlib.loads(made.data)["ProgramArguments"] == [
        COMMAND[0], "--data-dir", "/Users/zoe/My Journal", "--tray"]
    made = a.entry("darwin", COMMAND, home=tmp_path, data_dir=default, default=default)
    assert plistlib.loads(made.data)["ProgramArguments"] == COMMAND
