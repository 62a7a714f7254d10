"""Command line: opens the app, or runs a headless command.

    rehabjournal [--data-dir DIR] [--demo]            open the app
    rehabjournal [--data-dir DIR] import FILE.csv     import a CSV journal
    rehabjournal [--data-dir DIR] export FILE.csv     export the journal as CSV
    rehabjournal [--data-dir DIR] [--demo] report --from D --to D --out FILE.pdf
    rehabjournal [--data-dir DIR] export-all FILE.json | import-all FILE.json
    rehabjournal [--data-dir DIR] fhir FILE.json [--anonymise] | backup
    rehabjournal --version

Headless commands print errors to stderr and exit non-zero; they never open a window.
Heavy modules (Qt widgets, matplotlib, reportlab) are imported only by the command that
needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

# name -> (help, function(subparsers) that adds its arguments, runner(args) -> exit code)
COMMANDS: dict[str, tuple[str, Callable, Callable]] = {}


def command(name: str, help_text: str, add_args: Callable[[argparse.ArgumentParser], None]):
    """Register a headless sub-command."""

    def wrap(fn):
        COMMANDS[name] = (help_text, add_args, fn)
        return fn

    return wrap


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rehabjournal",
        description="A private desktop journal for exercise-related joint pain. "
        "Without a command, opens the app.",
        epilog="Information, not medical advice.",
    )
    parser.add_argument("--version", action="version", version=f"rehabjournal {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder of the journal (default: $REHABJOURNAL_DATA_DIR, else the platform's "
        "data folder: ~/.local/share/rehabjournal on Linux)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a generated 12-week demo journal in a throwaway folder "
        "(never your own journal)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_args, _fn) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_args(p)
    return parser


def fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"rehabjournal: error: {message}", file=sys.stderr)
    return code


def open_for_command(args) -> Path:
    """Resolve and open the journal a headless command works on; returns the data folder.

    A demo command makes its throwaway demo journal first.
    """
    from .paths import resolve_data_dir
    from .store.db import open_journal

    if getattr(args, "demo", False):
        from .services.demo import make_demo_dir

        return make_demo_dir()  # made and left open
    data_dir = resolve_data_dir(args.data_dir)
    open_journal(data_dir)
    return data_dir


def _load_commands() -> None:
    """Import the modules that register sub-commands (cheap: they import lazily)."""
    from . import commands  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    _load_commands()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command:
        from .store.db import JournalError

        _help, _add, fn = COMMANDS[args.command]
        try:
            return fn(args)
        except JournalError as exc:
            return fail(str(exc))
    from .ui.app import run_gui

    return run_gui(args)
