"""Command line: opens the app, or runs a headless command.

    rehabjournal [--data-dir DIR] [--demo]            open the app
    rehabjournal [--data-dir DIR] import FILE.csv     import a CSV journal
    rehabjournal [--data-dir DIR] export FILE.csv     export the journal as CSV
    rehabjournal [--data-dir DIR] import-activities FILE_OR_FOLDER... [--dry-run] [--no-merge]
    rehabjournal [--data-dir DIR] [--demo] report --from D --to D --out FILE.pdf
    rehabjournal [--data-dir DIR] [--demo] summary --from D --to D [--json]
    rehabjournal [--data-dir DIR] [--demo] patterns --from D --to D [--json]
    rehabjournal [--data-dir DIR] export-all FILE.json | import-all FILE.json
    rehabjournal [--data-dir DIR] fhir FILE.json [--anonymise] | backup
    rehabjournal [--data-dir DIR] programme import FILE | export FILE [--programme NAME_OR_ID]
    rehabjournal [--data-dir DIR] [--demo] programme sheet --out FILE.pdf [--programme ...]
    rehabjournal docs [NAME]                          list the user docs, or print one's path
    rehabjournal --version

``rehabjournal-cli`` is the same entry as a console script: on Windows the ``rehabjournal``
gui-script has no console, so the headless commands print through ``rehabjournal-cli``.

Headless commands (``commands.py``, imported from here and never importing this module)
print errors to stderr and exit with the code of the error's kind (``EXIT_CODES``); they
never open a window. ``--passphrase-file`` (or a prompt on a terminal) opens an encrypted
journal. Heavy modules (Qt widgets, matplotlib, reportlab) are imported only by
the command that needs them.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator

from . import __version__, commands, i18n
from .errors import (
    EXIT_BUSY,
    EXIT_IMPORT,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_STORAGE,
    EXIT_VALIDATION,
    ImportFileError,
    JournalBusyError,
    RehabJournalError,
    StorageError,
    busy_error,
    is_busy,
    is_storage_failure,
    storage_error,
)
from .i18n import N_, _, ngettext

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, N_("done")),
    (EXIT_STORAGE, N_("the journal or a file could not be read or written (an output folder "
                      "that is missing, a full disk, a damaged or newer journal)")),
    (EXIT_VALIDATION, N_("a value or the command line was refused; nothing was written")),
    (EXIT_IMPORT, N_("the file to import was refused; the journal is unchanged")),
    (EXIT_NOT_FOUND, N_("the file named does not exist, or the data folder has no journal (a "
                        "command that only reads it makes none)")),
    (EXIT_BUSY, N_("the journal is in use (the app or another command has it open, or another "
                   "program kept it busy); nothing was changed: try again later")),
)
"""The documented exit codes, as ``--help`` prints them (English; translated there)."""

#: argparse's own words in ``--help`` and its error messages (Python's msgids, with its
#: %-placeholders): translated by our catalogue while the command line is parsed
#: (:func:`_argparse_in_our_language`). A msgid of another Python version stays English.
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)


@contextlib.contextmanager
def _argparse_in_our_language() -> Iterator[None]:
    """Inside the block, argparse's own texts ("usage:", "options", "error: the following
    arguments are required") come from rehabjournal's catalogue in the current language.

    argparse looks its texts up through its module's ``_`` and ``ngettext`` (the standard
    library's gettext, which has no rehabjournal catalogue); they are swapped for ours
    while the parser is built and the command line parsed, then put back.
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = i18n.gettext, i18n.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _epilog() -> str:
    lines = [_("exit codes:")]
    lines += [f"  {code}  {_(text)}" for code, text in EXIT_CODES]
    lines += ["", _("documentation: the docs named above (docs/NAME.md) come with the app: "
                    "'rehabjournal docs' lists them, 'rehabjournal docs csv-format' prints "
                    "where one is, and Help > User Guide shows them."),
              "", _("On Windows, run the commands with rehabjournal-cli, which prints in the "
                    "console (rehabjournal opens the app without one): rehabjournal-cli "
                    "report --out report.pdf"),
              "", _("Information, not medical advice.")]
    return "\n".join(lines)


def program_name() -> str:
    """"rehabjournal-cli" when run by that name (the console script, the Windows .exe),
    else "rehabjournal" (also for ``python -m rehabjournal``): usage and error lines name
    the command that was typed."""
    from pathlib import Path

    name = Path(sys.argv[0] if sys.argv and sys.argv[0] else "rehabjournal").stem
    return "rehabjournal-cli" if name == "rehabjournal-cli" else "rehabjournal"


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line, with one sub-parser per registered command."""
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description=_("A private desktop journal for exercise-related joint pain. "
                      "Without a command, opens the app."),
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # argparse fixes the version action's help in English when Python starts: say it here
    parser.add_argument("--version", action="version", version=f"rehabjournal {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("folder of the journal (default: $REHABJOURNAL_DATA_DIR, else the platform's "
               "data folder: ~/.local/share/rehabjournal on Linux)"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("open a generated 12-week demo journal in a throwaway folder "
               "(never your own journal)"),
    )
    parser.add_argument(
        "--tray",
        action="store_true",
        help=_("open the app in the system tray, its window hidden (the start with the "
               "computer uses it; without a tray the window shows)"),
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=_("for a command on an encrypted journal: its passphrase, read from FILE (one "
               "line); without it the command asks on a terminal (the app always asks)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for cmd in commands.COMMANDS.values():
        cmd.add_args(sub.add_parser(cmd.name, help=_(cmd.help), description=_(cmd.help)))
    return parser


def print_error(exc: RehabJournalError) -> int:
    """Print ``exc`` to stderr as "rehabjournal: error: ..." and return its exit code.

    An import error prints its headline, then each problem on a line of its own.
    """
    if isinstance(exc, ImportFileError):
        if exc.where:
            head = ngettext("rehabjournal: error: {file} was not imported; the journal is "
                            "unchanged ({n} problem):",
                            "rehabjournal: error: {file} was not imported; the journal is "
                            "unchanged ({n} problems):", exc.total)
        else:
            head = ngettext("rehabjournal: error: the file was not imported; the journal is "
                            "unchanged ({n} problem):",
                            "rehabjournal: error: the file was not imported; the journal is "
                            "unchanged ({n} problems):", exc.total)
        print(head.format(file=exc.where, n=exc.total), file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
    else:
        print(_("rehabjournal: error: {message}").format(message=exc), file=sys.stderr)
    return exc.exit_code


class Stopped(BaseException):
    """The command was asked to stop (SIGTERM, SIGHUP: a closed terminal, a logout).

    Raised from the signal handler, so that every ``finally`` runs as for Ctrl+C: the
    temporary file of a write is removed, the journal closed, a ``--demo`` folder removed.
    """

    def __init__(self, signum: int):
        import signal

        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _stop_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into :class:`Stopped` (main thread only; POSIX for HUP)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum, _frame):
        raise Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def run_command(args: argparse.Namespace) -> int:
    """Run the headless command of ``args``; returns its exit code, never a traceback for
    a storage failure.

    The last safety net: a storage failure a command did not turn into a message itself
    (an ``OSError``, an SQLite or peewee error, undecodable text in a damaged file) is
    printed as one "rehabjournal: error: ..." line, exit 1; SQLite's "database is locked"
    is the busy message, exit 5. Ctrl+C prints "rehabjournal: interrupted." and exits 130;
    SIGTERM or SIGHUP stop it the same way (exit 143 or 129), files and folders cleaned up.
    """
    name = args.command + (f" {args.action}" if getattr(args, "action", None) else "")
    _stop_on_signals()
    try:
        return commands.COMMANDS[args.command].run(args)
    except Stopped as exc:
        print(_("rehabjournal: stopped ({signal}); nothing half-written was left.")
              .format(signal=exc.name), file=sys.stderr)
        return 128 + exc.signum
    except RehabJournalError as exc:
        if not isinstance(exc, JournalBusyError) and is_busy(exc):
            exc = busy_error()
        return print_error(exc)
    except KeyboardInterrupt:
        print(_("rehabjournal: interrupted."), file=sys.stderr)
        return 130
    except BrokenPipeError:  # "| head" stopped reading: not an error worth a message
        import contextlib
        import io
        import os

        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no 2nd error
        return 141
    except UnicodeDecodeError as exc:
        return print_error(StorageError(
            _("Could not finish {command}: the journal holds text that cannot be read "
              "({reason} at byte {byte}); it may be damaged: restore a backup from the "
              "backups folder beside it.").format(command=name, reason=exc.reason,
                                                  byte=exc.start)))
    except Exception as exc:
        if type(exc).__name__ == "LayoutError":  # reportlab's: a page element that cannot fit
            return print_error(StorageError(
                _("Could not finish {command}: a part of the PDF does not fit on a page "
                  "({detail}). No file was written. Please report this with the period you "
                  "asked for.").format(command=name, detail=str(exc)[:200])))
        if not is_storage_failure(exc):
            raise
        return print_error(storage_error(exc, f"finish {name}"))


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (argparse exits 2 itself on bad usage).

    Its messages and ``--help`` speak the system's language (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``: ``i18n.system_language``); the app then takes the one chosen
    in Preferences.
    """
    i18n.set_language(i18n.system_language())
    with _argparse_in_our_language():
        args = build_parser().parse_args(argv)
    if args.command:
        return run_command(args)
    from .ui.app import run_gui

    return run_gui(args)
