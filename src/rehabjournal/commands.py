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


# ---- report (clinician PDF; see docs/report.md) -------------------------------------------


def _report_args(parser: argparse.ArgumentParser) -> None:
    from .reports import SECTIONS

    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help="first day of the period (default: 4 weeks before --to)")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                        help="last day of the period (default: the journal's last entry)")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument("--anonymise", "--anonymize", action="store_true",
                        help="show the patient's initials only and leave out the clinician")
    parser.add_argument("--paper", metavar="SIZE",
                        help="A4 or Letter (default: from the locale, e.g. Letter for en_US)")
    parser.add_argument("--sections", metavar="LIST",
                        help="comma-separated optional sections (default: all but sheet): "
                        + ", ".join(SECTIONS))
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help="report on a throwaway demo journal (the same as before the "
                        "command)")
    _data_dir_after_command(parser)


def _locale_paper() -> str:
    import os

    from .reports import paper_for_locale

    for var in ("LC_ALL", "LC_PAPER", "LANG"):
        if os.environ.get(var):
            return paper_for_locale(os.environ[var])
    return "A4"


@command("report", "write the clinician PDF report for a period (see docs/report.md)",
         _report_args)
def run_report(args) -> int:
    from datetime import date

    from .cli import EXIT_USAGE
    from .reports import SECTIONS, normalise_paper
    from .store.db import close_journal

    dates: dict[str, date | None] = {}
    for name, value in (("--from", args.date_from), ("--to", args.date_to)):
        try:
            dates[name] = date.fromisoformat(value) if value else None
        except ValueError:
            return fail(f"{name} {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-03-01.",
                        EXIT_USAGE)
    start, end = dates["--from"], dates["--to"]
    if start and end and end < start:
        return fail(f"--to {end.isoformat()} is before --from {start.isoformat()}.", EXIT_USAGE)
    try:
        paper = normalise_paper(args.paper) if args.paper else _locale_paper()
    except ValueError as exc:
        return fail(str(exc), EXIT_USAGE)
    sections = None
    if args.sections is not None:
        sections = {s.strip() for s in args.sections.split(",") if s.strip()}
        unknown = sections - set(SECTIONS)
        if unknown:
            return fail(f"unknown section(s) {', '.join(sorted(unknown))}; choose from "
                        f"{', '.join(SECTIONS)}.", EXIT_USAGE)
    out = Path(args.out)
    if out.is_dir():
        return fail(f"cannot write {out}: it is a folder; give a file name.")
    if not out.parent.is_dir():
        return fail(f"cannot write {out}: the folder {out.parent} does not exist.")

    open_for_command(args)
    try:
        from .reports.builder import ReportWriteError, build_pdf
        from .services.report import build_report_data

        data = build_report_data(start, end, anonymise=args.anonymise)
        try:
            pages = build_pdf(data, out, paper=paper, sections=sections)
        except ReportWriteError as exc:
            return fail(str(exc)[0].lower() + str(exc)[1:])
    finally:
        close_journal()
    if data.empty:
        print(f"rehabjournal: warning: no entries from {data.start} to {data.end}; the "
              "report says so.", file=sys.stderr)
    print(f"Wrote {out} ({pages} page{'s' if pages != 1 else ''}, {data.start} to "
          f"{data.end}, {paper}).")
    return 0


# ---- data safety: full export/import, backup, FHIR (docs/full-export.md, your-data.md) --

def _file_arg(help_text: str):
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", metavar="FILE.json", help=help_text)
        _data_dir_after_command(parser)

    return add


def _writable_target(path: Path) -> str | None:
    if path.is_dir():
        return f"cannot write {path}: it is a folder; give a file name."
    if not path.parent.is_dir():
        return f"cannot write {path}: the folder {path.parent} does not exist."
    return None


@command("export-all", "export the whole journal as one JSON file (see docs/full-export.md)",
         _file_arg("the JSON file to write"))
def run_export_all(args) -> int:
    from .store.db import close_journal
    from .store.full_export import export_all

    path = Path(args.file)
    problem = _writable_target(path)
    if problem:
        return fail(problem)
    open_for_command(args)
    try:
        counts = export_all(path)
    except OSError as exc:
        return fail(f"cannot write {path}: {exc.strerror or exc}.")
    finally:
        close_journal()
    print(f"Exported {sum(counts.values())} rows of {len(counts)} tables to {path}.")
    return 0


@command("import-all",
         "import a full JSON export into an empty journal (all or nothing)",
         _file_arg("the JSON file made by export-all"))
def run_import_all(args) -> int:
    from .store.db import close_journal
    from .store.full_export import FullImportError, import_all
    from .store.library import sync_shipped_exercises

    path = Path(args.file)
    if not path.is_file():
        what = "is a folder, not a file" if path.is_dir() else "does not exist"
        return fail(f"cannot import {path}: the file {what}.")
    open_for_command(args)
    try:
        sync_shipped_exercises()
        counts = import_all(path)
    except FullImportError as exc:
        print(f"rehabjournal: error: {path} was not imported; the journal is unchanged:",
              file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except OSError as exc:
        return fail(f"cannot read {path}: {exc.strerror or exc}.")
    finally:
        close_journal()
    print(f"Imported {sum(counts.values())} rows from {path}.")
    return 0


@command("backup", "copy the journal into the backups folder now", _data_dir_after_command)
def run_backup(args) -> int:
    import sqlite3

    from .store.backups import make_backup
    from .store.db import close_journal

    data_dir = open_for_command(args)
    try:
        copy = make_backup(data_dir, "manual")
    except (OSError, sqlite3.Error) as exc:
        return fail(f"the backup could not be made: {exc}.")
    finally:
        close_journal()
    print(f"Backed up the journal to {copy}.")
    return 0


def _fhir_args(parser: argparse.ArgumentParser) -> None:
    _file_arg("the FHIR R4 Bundle (JSON) to write")(parser)
    parser.add_argument("--anonymise", "--anonymize", action="store_true",
                        help="initials instead of the name")


@command("fhir", "export pain scores and outcome measures as a FHIR R4 Bundle for a clinician",
         _fhir_args)
def run_fhir(args) -> int:
    from .store.db import close_journal
    from .store.fhir import export_bundle

    path = Path(args.file)
    problem = _writable_target(path)
    if problem:
        return fail(problem)
    open_for_command(args)
    try:
        n = export_bundle(path, anonymise=args.anonymise)
    except OSError as exc:
        return fail(f"cannot write {path}: {exc.strerror or exc}.")
    finally:
        close_journal()
    print(f"Wrote a FHIR R4 Bundle of {n} entries to {path}.")
    return 0
