"""Headless sub-commands. Each registers itself with ``cli.command``.

Later features add their commands here (import, export, report ...), keeping imports
inside the functions so that ``rehabjournal --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import command, fail, open_for_command


def _data_dir_after_command(parser: argparse.ArgumentParser) -> None:
    """Accept ``--data-dir`` after the command name too (``import f.csv --data-dir D``).

    SUPPRESS keeps the global option's value when it is not repeated here.
    """
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder of the journal (the same as the option before the command)",
    )


def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the CSV file to import (UTF-8)")
    _data_dir_after_command(parser)


def _export_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the CSV file to write")
    _data_dir_after_command(parser)


@command(
    "import",
    "import a CSV journal (all or nothing; see docs/csv-format.md)",
    _import_args,
)
def run_import(args) -> int:
    from .services.transfer import CsvImportError, import_journal_csv, summary
    from .store.db import close_journal

    path = Path(args.file)
    if not path.is_file():
        what = "is a folder, not a file" if path.is_dir() else "does not exist"
        return fail(f"cannot import {path}: the file {what}.")
    open_for_command(args)
    try:
        report = import_journal_csv(path)
    except CsvImportError as exc:
        print(
            f"rehabjournal: error: {path} was not imported; the journal is unchanged "
            f"({exc.total} problem{'s' if exc.total != 1 else ''}):",
            file=sys.stderr,
        )
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    finally:
        close_journal()
    for warning in report.warnings:
        print(f"rehabjournal: warning: {warning}", file=sys.stderr)
    print(f"Imported {path}: {summary(report)}.")
    return 0


@command("export", "export the journal as CSV (see docs/csv-format.md)", _export_args)
def run_export(args) -> int:
    from .services.transfer import export_journal_csv
    from .store.db import close_journal

    path = Path(args.file)
    if path.is_dir():
        return fail(f"cannot export to {path}: it is a folder; give a file name.")
    if not path.parent.is_dir():
        return fail(f"cannot export to {path}: the folder {path.parent} does not exist.")
    open_for_command(args)
    try:
        rows = export_journal_csv(path)
    except OSError as exc:
        return fail(f"cannot write {path}: {exc.strerror or exc}.")
    finally:
        close_journal()
    print(f"Exported {rows} row{'s' if rows != 1 else ''} to {path}.")
    return 0
