"""Command line: opens the app, or runs a headless command.

    rehabjournal [--data-dir DIR] [--demo]            open the app
    rehabjournal [--data-dir DIR] import FILE.csv     import a CSV journal
    rehabjournal [--data-dir DIR] export FILE.csv     export the journal as CSV
    rehabjournal [--data-dir DIR] [--demo] report --from D --to D --out FILE.pdf
    rehabjournal [--data-dir DIR] [--demo] summary --from D --to D [--json]
    rehabjournal [--data-dir DIR] [--demo] patterns --from D --to D [--json]
    rehabjournal [--data-dir DIR] export-all FILE.json | import-all FILE.json
    rehabjournal [--data-dir DIR] fhir FILE.json [--anonymise] | backup
    rehabjournal [--data-dir DIR] programme import FILE | export FILE [--programme NAME_OR_ID]
    rehabjournal [--data-dir DIR] [--demo] programme sheet --out FILE.pdf [--programme ...]
    rehabjournal --version

Headless commands (``commands.py``, imported from here and never importing this module)
print errors to stderr and exit with the code of the error's kind (``EXIT_CODES``); they
never open a window. Heavy modules (Qt widgets, matplotlib, reportlab) are imported only by
the command that needs them.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__, commands
from .errors import (
    EXIT_IMPORT,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_STORAGE,
    EXIT_VALIDATION,
    ImportFileError,
    RehabJournalError,
)

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "done"),
    (EXIT_STORAGE, "the journal or a file could not be read or written (an output folder "
                   "that is missing, a full disk, a damaged or newer journal)"),
    (EXIT_VALIDATION, "a value or the command line was refused; nothing was written"),
    (EXIT_IMPORT, "the file to import was refused; the journal is unchanged"),
    (EXIT_NOT_FOUND, "the file named does not exist, or the data folder has no journal (a "
                     "command that only reads it makes none)"),
)
"""The documented exit codes, as ``--help`` prints them."""


def _epilog() -> str:
    lines = ["exit codes:"]
    lines += [f"  {code}  {text}" for code, text in EXIT_CODES]
    lines += ["", "Information, not medical advice."]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line, with one sub-parser per registered command."""
    parser = argparse.ArgumentParser(
        prog="rehabjournal",
        description="A private desktop journal for exercise-related joint pain. "
        "Without a command, opens the app.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    for cmd in commands.COMMANDS.values():
        cmd.add_args(sub.add_parser(cmd.name, help=cmd.help, description=cmd.help))
    return parser


def print_error(exc: RehabJournalError) -> int:
    """Print ``exc`` to stderr as "rehabjournal: error: ..." and return its exit code.

    An import error prints its headline, then each problem on a line of its own.
    """
    if isinstance(exc, ImportFileError):
        what = exc.where or "the file"
        print(f"rehabjournal: error: {what} was not imported; the journal is unchanged "
              f"({exc.total} problem{'s' if exc.total != 1 else ''}):", file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
    else:
        print(f"rehabjournal: error: {exc}", file=sys.stderr)
    return exc.exit_code


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (argparse exits 2 itself on bad usage)."""
    args = build_parser().parse_args(argv)
    if args.command:
        try:
            return commands.COMMANDS[args.command].run(args)
        except RehabJournalError as exc:
            return print_error(exc)
    from .ui.app import run_gui

    return run_gui(args)
