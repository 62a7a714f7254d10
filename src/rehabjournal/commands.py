"""Headless sub-commands and the registry ``cli.main`` runs them from.

Imports go one way only: ``cli`` imports this module, never the reverse. Each command
registers itself with ``@command``; it returns 0 when done and raises the error family
(``rehabjournal.errors``) for anything that went wrong. ``cli.main`` prints the message and
returns the kind's exit code (validation 2, import 3, storage 1, not found 4, the journal in
use 5).

Services and reports are imported inside the functions, so that ``rehabjournal --help``
stays fast; commands never import ``store`` (``tests/test_layers.py``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import i18n
from .errors import NotFoundError, StorageError, ValidationError
from .i18n import N_, _, ngettext


@dataclass(frozen=True)
class Command:
    """One headless sub-command.

    Attributes:
        name: the word on the command line ("import").
        help: one line for ``--help``, in English (marked ``N_``; ``cli`` translates it).
        add_args: adds the command's arguments to its sub-parser.
        run: runs the command on the parsed arguments; returns the exit code (0) or
            raises a ``RehabJournalError``.
    """

    name: str
    help: str
    add_args: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}
"""The registered commands by name, in the order ``--help`` lists them."""


def command(name: str, help_text: str, add_args: Callable[[argparse.ArgumentParser], None]):
    """Register the decorated function as the headless sub-command ``name``."""

    def wrap(fn: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = Command(name, help_text, add_args, fn)
        return fn

    return wrap


# ---- helpers shared by the commands ---------------------------------------------------------


WRITING = frozenset({"import", "import-all", "programme import", "import-activities"})
"""The commands that write the journal: they take its lock, and are refused (exit 5) while
the app or another command holds it. Every other command only reads it, alongside (so does
a writing command's ``--dry-run``)."""


def _command_name(args: argparse.Namespace) -> str:
    """The command as typed: "import", "programme import" ..."""
    action = getattr(args, "action", None)
    return f"{args.command} {action}" if action else str(args.command)


@contextmanager
def journal_for(args: argparse.Namespace, *, existing: bool = False) -> Iterator[Path]:
    """Open the journal a command works on for the ``with`` block; yields its folder.

    A writing command (``WRITING``) takes the journal lock first (refused at once when the
    app or another command holds it) and sweeps what interrupted operations left behind; a
    reading command takes the lock too when it is free (so the app does not open the
    journal meanwhile), and else reads alongside the holder: no migration, no write.
    ``--demo`` makes a throwaway demo journal first and removes it afterwards. The journal is
    closed afterwards, also when the block raises; a journal (and folder) the command created
    is removed again when it fails.

    Args:
        args: the command line.
        existing: the command only reads or copies the journal (export, report ...): a
            folder without one is a mistyped ``--data-dir``, refused, and nothing is made.

    Raises:
        NotFoundError: ``existing`` and there is no journal in the folder.
        JournalBusyError: a writing command while another process holds the lock; the
            journal busy past SQLite's bounded wait (exit 5).
        StorageError: the journal cannot be opened (damaged, newer, read-only folder,
            encrypted without a passphrase).
    """
    from .services import session

    if getattr(args, "demo", False):
        from .services.demo import make_demo_dir, remove_demo_dir

        data_dir = make_demo_dir()  # made and left open
        try:
            yield data_dir
        finally:
            session.close_journal()
            remove_demo_dir(data_dir)
        return
    import os

    from .paths import ENV_DATA_DIR, resolve_data_dir

    name = _command_name(args)
    writes = name in WRITING and not getattr(args, "dry_run", False)
    data_dir = resolve_data_dir(args.data_dir)
    journal = session.journal_file(data_dir)
    in_the_way = session.file_in_the_way(data_dir)
    if in_the_way is not None:
        if in_the_way == data_dir:
            message = _("Cannot use the data folder {folder}: it is a file, not a folder; "
                        "give a folder with --data-dir (or ${variable}).")
        else:
            message = _("Cannot use the data folder {folder}: {file} is a file, not a "
                        "folder; give a folder with --data-dir (or ${variable}).")
        raise StorageError(message.format(folder=data_dir, file=in_the_way,
                                          variable=ENV_DATA_DIR), where=str(in_the_way))
    if existing and not os.path.lexists(journal):
        raise NotFoundError(
            _("There is no journal in {folder}: check --data-dir (or ${variable}). Nothing "
              "was made there.").format(folder=data_dir, variable=ENV_DATA_DIR))
    # a refused file (or a wrong passphrase) gets no lock file beside it
    secret = None
    if session.is_encrypted(data_dir):
        session.require_encryption()  # not installed: say so before asking
        secret = passphrase_for(args, journal)
    session.check_existing(data_dir, secret)
    made = _Made(data_dir) if writes else None
    lock = None
    done = False
    try:
        read_only, in_use_by = False, ""
        try:
            lock = session.lock_journal(data_dir, f"rehabjournal {name}")
        except session.LockHeldError as exc:
            if writes:
                raise
            read_only = True
            in_use_by = exc.holder.describe() if exc.holder else ""
        if lock is not None:
            swept = session.sweep_leftovers(data_dir)
            if swept:
                print(ngettext("rehabjournal: note: removed {n} file left by an interrupted "
                               "operation",
                               "rehabjournal: note: removed {n} files left by an interrupted "
                               "operation", swept).format(n=swept), file=sys.stderr)
        session.open_journal(data_dir, secret, read_only=read_only,
                             in_use_by=in_use_by or None)
        if writes:
            session.wait_writable()
        yield data_dir
        done = True
    except Exception as exc:
        from .errors import JournalBusyError, busy_error, is_busy

        if not isinstance(exc, JournalBusyError) and is_busy(exc):
            raise busy_error(journal) from exc
        raise
    finally:
        session.close_journal()
        if made is not None and not done:
            made.remove_files()  # still holding the lock
        if lock is not None:
            lock.release()
        if made is not None and not done:
            made.remove_folders()


class _Made:
    """What a writing command may create in a data folder, to be removed when it fails.

    Only a journal the command creates is removed (with SQLite's side files, the lock file,
    a ``backups`` folder and the folders it made); an existing journal is never touched
    here (its commands are all or nothing).
    """

    def __init__(self, data_dir: Path):
        from .services import session

        self.data_dir = data_dir
        self.folders: list[Path] = []  # the missing ones, innermost first
        folder = data_dir
        while not folder.exists() and not folder.is_symlink() and folder != folder.parent:
            self.folders.append(folder)
            folder = folder.parent
        self.journal = session.journal_file(data_dir)
        self.new_journal = not self.journal.exists() and not self.journal.is_symlink()
        self.new_names = [n for n in ("journal.lock", "backups", ".inflight")
                          if not (data_dir / n).exists()]

    def remove_files(self) -> None:
        import contextlib
        import shutil

        if not self.new_journal:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(f"{self.journal}{suffix}").unlink()
        for name in self.new_names:
            path = self.data_dir / name
            with contextlib.suppress(OSError):
                if name == "backups":  # copies of the journal it made moments ago
                    shutil.rmtree(path)
                elif name == ".inflight":
                    path.rmdir()  # only when empty
                else:
                    path.unlink()

    def remove_folders(self) -> None:
        import contextlib

        for folder in self.folders:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty


def passphrase_for(args: argparse.Namespace, journal: Path) -> str:
    """The passphrase of the encrypted ``journal``: from ``--passphrase-file``, else asked
    for on the terminal.

    Raises:
        NotFoundError: the passphrase file does not exist.
        ValidationError: the passphrase file is empty.
        StorageError: it cannot be read; no file was given and there is no terminal to ask
            on (or nothing was typed).
    """
    given = getattr(args, "passphrase_file", None)
    if given:
        path = Path(given)
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            raise NotFoundError(_("The passphrase file {path} does not exist.")
                                .format(path=path)) from None
        except UnicodeDecodeError:
            raise StorageError(_("The passphrase file {path} is not UTF-8 text.")
                               .format(path=path)) from None
        except OSError as exc:
            raise StorageError(_("Cannot read the passphrase file {path}: {reason}.")
                               .format(path=path, reason=exc.strerror or exc)) from exc
        secret = text.split("\n", 1)[0]  # its first line, as the docs say
        secret = secret[:-1] if secret.endswith("\r") else secret
        if not secret:
            raise ValidationError({"--passphrase-file": _("The passphrase file {path} is "
                                                          "empty.").format(path=path)})
        return secret
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            secret = getpass.getpass(_("Passphrase for {journal}: ").format(journal=journal))
        except EOFError:
            secret = ""
        if secret:
            return secret
        raise StorageError(_("No passphrase was typed for {journal}; nothing was changed.")
                           .format(journal=journal))
    raise StorageError(_("{journal} is encrypted: give its passphrase with --passphrase-file "
                         "FILE, or run the command in a terminal to be asked.")
                       .format(journal=journal))


def input_file(path: Path) -> Path:
    """``path`` when it is a file to import.

    Raises:
        NotFoundError: it does not exist, or is a folder.
    """
    if not path.is_file():
        if path.is_dir():
            raise NotFoundError(_("cannot import {path}: the file is a folder, not a file.")
                                .format(path=path))
        raise NotFoundError(_("cannot import {path}: the file does not exist.")
                            .format(path=path))
    return path


def output_file(path: Path, doing: str = "write") -> Path:
    """``path`` (absolute) when a file can be written there, checked before the journal is
    opened (``services.files.check_output``).

    Args:
        doing: the words before the path in a message ("write", "export to").

    Raises:
        StorageError: its folder does not exist, or it exists and is not a regular file (a
            folder, a device such as /dev/full, a pipe, a link to nothing); nothing is
            written there.
    """
    from .services.files import check_output

    return check_output(path, doing)


def _data_dir_after_command(parser: argparse.ArgumentParser) -> None:
    """Accept ``--data-dir`` and ``--passphrase-file`` after the command name too
    (``import f.csv --data-dir D``).

    SUPPRESS keeps the global option's value when it is not repeated here.
    """
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("folder of the journal (the same as the option before the command)"),
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help=_("the encrypted journal's passphrase (the same as the option before the "
               "command)"),
    )


# ---- CSV import and export (docs/csv-format.md) ---------------------------------------------


def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("the CSV file to import (UTF-8)"))
    _data_dir_after_command(parser)


_EXPORT_DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def _export_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("the CSV file to write"))
    parser.add_argument(
        "--delimiter", choices=list(_EXPORT_DELIMITERS), default="comma",
        help=_("separator of the cells (default: comma, with decimal points; semicolon "
               "writes decimal commas, as spreadsheets in German, French ... locales "
               "expect)"))
    _data_dir_after_command(parser)


@command(
    "import",
    N_("import a CSV journal (all or nothing; see docs/csv-format.md)"),
    _import_args,
)
def run_import(args: argparse.Namespace) -> int:
    from .services.transfer import import_journal_csv, summary

    path = input_file(Path(args.file))
    with journal_for(args):
        report = import_journal_csv(path)
    for warning in report.warnings:
        _warn(warning)
    print(_("Imported {path}: {summary}.").format(path=path, summary=summary(report)))
    return 0


@command("export", N_("export the journal as CSV (see docs/csv-format.md)"), _export_args)
def run_export(args: argparse.Namespace) -> int:
    from .services.activities import sessions_with_file_details, unrated_count
    from .services.transfer import export_journal_csv

    path = output_file(Path(args.file), "export to")
    with journal_for(args, existing=True):
        rows = export_journal_csv(path, delimiter=_EXPORT_DELIMITERS[args.delimiter])
        detailed = sessions_with_file_details()
        unrated = unrated_count()
    print(ngettext("Exported {n} row to {path}.", "Exported {n} rows to {path}.", rows)
          .format(n=rows, path=path))
    if detailed:  # never lost silently: say where they are kept
        _warn(ngettext("{n} session from a watch or app file has a start time, heart rate or "
                       "climb that the CSV has no columns for; export-all keeps them.",
                       "{n} sessions from watch or app files have start times, heart rates "
                       "or climbs that the CSV has no columns for; export-all keeps them.",
                       detailed).format(n=detailed))
    if unrated:  # the CSV cannot say "to rate": a CSV import makes them typed sessions
        _warn(ngettext("{n} session from a file is not rated yet: in the CSV it is an "
                       "ordinary session without effort, no longer linked to its file (a CSV "
                       "import does not list it to rate); export-all keeps it as it is.",
                       "{n} sessions from files are not rated yet: in the CSV they are "
                       "ordinary sessions without effort, no longer linked to their files (a "
                       "CSV import does not list them to rate); export-all keeps them as they "
                       "are.", unrated).format(n=unrated))
    return 0


# ---- activity files from watches and apps (docs/activity-files.md) --------------------------


def _import_activities_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", metavar="FILE_OR_FOLDER", nargs="+",
                        help=_("FIT, GPX or TCX files (also .gz), folders (read with their "
                               "subfolders) or a Strava bulk-export zip"))
    parser.add_argument("--dry-run", action="store_true",
                        help=_("only show what would be imported; write nothing"))
    parser.add_argument("--no-merge", action="store_true",
                        help=_("skip an activity that duplicates a session typed by hand "
                               "instead of merging the file into it"))
    _data_dir_after_command(parser)


@command(
    "import-activities",
    N_("import runs and rides from watch and app files (FIT, GPX, TCX, a Strava export "
       "zip) as sessions to rate; all or nothing (see docs/activity-files.md)"),
    _import_activities_args,
)
def run_import_activities(args: argparse.Namespace) -> int:
    """Print each activity (date, start, kind, minutes, km, what happens and why), the
    files not read (stderr) and a summary; exit 0 when an activity was read, 3 when no
    file gave one (nothing is written then), 4 when none of the paths exists or the data
    folder holds no journal (none is made: it needs the profile the app asks for)."""
    from .errors import ImportFileError
    from .services import activities as acts

    _some_path_exists(args.paths)
    _journal_exists(args)
    with journal_for(args, existing=True):
        batch = acts.preview(args.paths)
        if not batch.rows:
            problems = [_("{path}: {reason}").format(path=p.path, reason=p.reason)
                        for p in batch.problems] or [_("no activity was found")]
            raise ImportFileError(problems,
                                  where=args.paths[0] if len(args.paths) == 1 else None)
        if args.no_merge:
            batch = acts.without_merges(batch)
        result = None
        if not args.dry_run:
            result = acts.import_activities(batch, merge=not args.no_merge).result
    for line in _activity_lines(batch):
        print(line)
    for p in batch.problems:
        print(_("rehabjournal: not read: {path}: {reason}").format(path=p.path,
                                                                   reason=p.reason),
              file=sys.stderr)
    refused = ngettext("{n} file not read", "{n} files not read",
                       len(batch.problems)).format(n=len(batch.problems))
    if result is None:
        print(_("Dry run, nothing written: {add} to add, {merge} to merge, {skip} to skip; "
                "{refused}.").format(add=batch.to_add, merge=batch.to_merge,
                                      skip=batch.to_skip, refused=refused))
    else:
        print(_("Done: {added} added, {merged} merged, {skipped} skipped; {refused}.")
              .format(added=result.added, merged=result.merged, skipped=result.skipped,
                      refused=refused))
    return 0


def _some_path_exists(paths: list[str]) -> None:
    """Nothing when one of ``paths`` exists (the missing others are listed as files not
    read).

    Raises:
        NotFoundError: none of them exists (exit 4, as for a CSV to import).
    """
    import os

    if any(os.path.exists(p) for p in paths):
        return
    if len(paths) == 1:
        raise NotFoundError(_("cannot import {path}: the file or folder does not exist.")
                            .format(path=paths[0]))
    raise NotFoundError(ngettext("cannot import: none of the {n} files or folders given "
                                 "exists: {paths}.",
                                 "cannot import: none of the {n} files or folders given "
                                 "exists: {paths}.", len(paths))
                        .format(n=len(paths), paths=", ".join(paths)))


def _journal_exists(args: argparse.Namespace) -> None:
    """Nothing when the data folder holds a journal (or ``--demo``).

    Sessions from files go into a journal someone keeps: one this command made would have
    no profile, in a folder that may be mistyped. ``journal_for(existing=True)`` refuses
    the same with the read-only commands' words; this says how to make one.

    Raises:
        NotFoundError: no journal there; nothing is made.
    """
    import os

    if getattr(args, "demo", False):
        return
    from .paths import ENV_DATA_DIR, resolve_data_dir
    from .services import session

    data_dir = resolve_data_dir(args.data_dir)
    if session.file_in_the_way(data_dir) is None and not os.path.lexists(
            session.journal_file(data_dir)):
        raise NotFoundError(
            _("There is no journal in {folder}: start the app once to make one (with your "
              "profile), or check --data-dir (or ${variable}). Nothing was made there.")
            .format(folder=data_dir, variable=ENV_DATA_DIR))


def _activity_lines(batch: Any) -> list[str]:
    """One aligned line per preview row: "2026-03-04  07:30  run   45 min  8.0 km  add"."""
    from .services.activities import row_cells

    cells = [row_cells(row) for row in batch.rows]
    widths = [max((len(c[i]) for c in cells), default=0) for i in range(5)]
    return ["  ".join([c[0], c[1], c[2].ljust(widths[2]), c[3].rjust(widths[3]),
                       c[4].rjust(widths[4]), c[5]]).rstrip() for c in cells]


# ---- report (clinician PDF; see docs/report.md) ---------------------------------------------


def _report_args(parser: argparse.ArgumentParser) -> None:
    from .reports import SECTIONS

    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help=_from_help(4))
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=_to_help())
    parser.add_argument("--out", required=True, metavar="FILE.pdf",
                        help=_("the PDF to write"))
    parser.add_argument("--anonymise", "--anonymize", action="store_true",
                        help=_("show the patient's initials only and leave out the "
                               "clinician"))
    parser.add_argument("--paper", metavar="SIZE", help=_paper_help())
    parser.add_argument("--sections", metavar="LIST",
                        help=_("comma-separated optional sections (default: all but sheet "
                               "and patterns): {sections}")
                        .format(sections=", ".join(SECTIONS)))
    _lang_argument(parser)
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help=_("report on a throwaway demo journal (the same as before the "
                               "command)"))
    _data_dir_after_command(parser)


def _lang_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", metavar="LANG",
                        help=_("the language of the PDF: en, fr or de (default: the "
                               "system's, {lang})").format(lang=i18n.current()))


def _lang_option(value: str | None) -> str | None:
    """The language ``--lang`` names ("en", "fr", "de"; "fr_CA" and "FR" read as "fr"), or
    None for the command line's own. Raises ValidationError for another language."""
    if value is None:
        return None
    lang = i18n.normalise(value)
    if lang is None:
        raise ValidationError({"--lang": _(
            "--lang {value} is not a language rehabjournal speaks; choose en (English), "
            "fr (Français) or de (Deutsch).").format(value=repr(value))})
    return lang


def _locale_paper() -> str:
    import os

    from .reports import paper_for_locale

    for var in ("LC_ALL", "LC_PAPER", "LANG"):
        if os.environ.get(var):
            return paper_for_locale(os.environ[var])
    return "A4"


EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
"""The dates ``--from``/``--to`` accept: the dates the journal accepts anywhere
(``domain.validation.EARLIEST_DAY``/``LATEST_DAY``, checked by tests/test_cli_patterns_dates.py),
so that the commands' weeks and days either side of a period never run off the calendar."""


def _date_option(name: str, value: str | None) -> date | None:
    """The date of option ``name`` (every command's ``--from`` and ``--to``).

    Raises ValidationError when it is not YYYY-MM-DD or lies outside
    ``EARLIEST_DATE``..``LATEST_DATE``.
    """
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            {name: _("{option} {value} is not a date; use YYYY-MM-DD, e.g. 2026-03-01.")
             .format(option=name, value=repr(value))}
        ) from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        if day < EARLIEST_DATE:
            message = _("{option} {day} is too early: dates from {first} to {last}.")
        else:
            message = _("{option} {day} is too late: dates from {first} to {last}.")
        raise ValidationError(
            {name: message.format(option=name, day=day.isoformat(),
                                  first=EARLIEST_DATE.isoformat(),
                                  last=LATEST_DATE.isoformat())})
    return day


def _sections_option(value: str | None) -> set[str] | None:
    """The sections named by ``--sections``; raises ValidationError for unknown ones."""
    from .reports import SECTIONS

    if value is None:
        return None
    sections = {s.strip() for s in value.split(",") if s.strip()}
    unknown = sections - set(SECTIONS)
    if unknown:
        raise ValidationError({"--sections": _("unknown section(s) {unknown}; choose from "
                                               "{sections}.").format(
                                                   unknown=", ".join(sorted(unknown)),
                                                   sections=", ".join(SECTIONS))})
    return sections


@command("report", N_("write the clinician PDF report for a period (see docs/report.md)"),
         _report_args)
def run_report(args: argparse.Namespace) -> int:
    from .reports import normalise_paper

    start = _date_option("--from", args.date_from)
    end = _date_option("--to", args.date_to)
    if start and end and end < start:
        raise ValidationError({"--to": _to_before_from(start, end)})
    paper = normalise_paper(args.paper) if args.paper else _locale_paper()
    sections = _sections_option(args.sections)
    lang = _lang_option(args.lang)
    out = output_file(Path(args.out))

    with journal_for(args, existing=True), i18n.using(lang):
        from .reports.builder import build_pdf
        from .services.report import build_report_data

        # the report's own language, which may differ from the command line's messages
        data = build_report_data(start, end, anonymise=args.anonymise,
                                 patterns=sections is not None and "patterns" in sections)
        pages = build_pdf(data, out, paper=paper, sections=sections)
    if data.empty:
        _warn(_("no entries from {start} to {end}; the report says so.")
              .format(start=data.start, end=data.end))
    print(ngettext("Wrote {out} ({n} page, {start} to {end}, {paper}).",
                   "Wrote {out} ({n} pages, {start} to {end}, {paper}).", pages)
          .format(out=out, n=pages, start=data.start, end=data.end, paper=paper))
    return 0


# ---- summary (the period summary as text or JSON; see docs/summary.md) ---------------------


def _from_help(weeks: int) -> str:
    return ngettext("first day of the period (default: {weeks} week before --to)",
                    "first day of the period (default: {weeks} weeks before --to)",
                    weeks).format(weeks=weeks)


def _to_help() -> str:
    return _("last day of the period (default: the journal's last entry)")


def _paper_help() -> str:
    return _("A4 or Letter (default: from the locale, e.g. Letter for en_US)")


def _to_before_from(start: date, end: date) -> str:
    return _("--to {end} is before --from {start}.").format(end=end.isoformat(),
                                                            start=start.isoformat())


def _warn(message: str) -> None:
    """Print "rehabjournal: warning: MESSAGE" to stderr."""
    print(_("rehabjournal: warning: {message}").format(message=message), file=sys.stderr)


def _period_args(parser: argparse.ArgumentParser, weeks: int, json_help: str) -> None:
    """--from, --to (the journal's last entry by default) and --json, for a period command.

    Args:
        json_help: the help of ``--json`` (translated).
    """
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help=_from_help(weeks))
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=_to_help())
    parser.add_argument("--json", action="store_true", help=json_help)


def _period_dates(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """The --from and --to dates as given (None when left out); ValidationError for a bad
    date or --to before --from."""
    start = _date_option("--from", args.date_from)
    end = _date_option("--to", args.date_to)
    if start and end and end < start:
        raise ValidationError({"--to": _to_before_from(start, end)})
    return start, end


def _print_json_or_text(as_json: bool, to_json: Callable[[], Any],
                        to_text: Callable[[], str]) -> None:
    """Print ``to_json()`` as indented JSON when ``as_json``, else ``to_text()``."""
    if as_json:
        import json

        json.dump(to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(to_text())


def _summary_args(parser: argparse.ArgumentParser) -> None:
    _period_args(parser, 4, _("print the summary as JSON (fields in docs/summary.md)"))
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help=_("summarise a throwaway demo journal (the same as before the "
                               "command)"))
    _data_dir_after_command(parser)


@command("summary", N_("print the period summary (weekly figures, changes, lights, red "
                      "flags) as text or JSON (see docs/summary.md)"), _summary_args)
def run_summary(args: argparse.Namespace) -> int:
    start, end = _period_dates(args)
    with journal_for(args, existing=True):
        from .services.report import resolve_period
        from .services.summary import period_summary, summary_json, summary_text

        start, end = resolve_period(start, end)
        summary = period_summary(start, end)
    _print_json_or_text(args.json, lambda: summary_json(summary),
                        lambda: summary_text(summary))
    if summary.empty:
        _warn(_("no entries from {start} to {end}.").format(start=start, end=end))
    return 0


# ---- patterns (what often came before flares; see docs/patterns.md) ------------------------


def _patterns_args(parser: argparse.ArgumentParser) -> None:
    _period_args(parser, 12, _("print the patterns as JSON (fields in docs/patterns.md)"))
    _demo_after_command(parser)
    _data_dir_after_command(parser)


@command("patterns", N_("print what often came before flares, tested for chance "
                       "(associations, not causes; see docs/patterns.md)"), _patterns_args)
def run_patterns(args: argparse.Namespace) -> int:
    start, end = _period_dates(args)
    with journal_for(args, existing=True):
        from .services.patterns import period_patterns, report_json, report_text, resolve_period

        start, end = resolve_period(start, end)
        report = period_patterns(start, end)
    _print_json_or_text(args.json, lambda: report_json(report), lambda: report_text(report))
    return 0


# ---- data safety: full export/import, backup, FHIR (docs/full-export.md, your-data.md) ------


def _file_arg(help_text: str) -> Callable[[argparse.ArgumentParser], None]:
    """Adds FILE.json (its help ``help_text``: English, marked ``N_``) and --data-dir."""
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", metavar="FILE.json", help=_(help_text))
        _data_dir_after_command(parser)

    return add


@command("export-all",
         N_("export the whole journal as one JSON file (see docs/full-export.md)"),
         _file_arg(N_("the JSON file to write")))
def run_export_all(args: argparse.Namespace) -> int:
    from .services.exports import export_everything

    path = output_file(Path(args.file))
    with journal_for(args, existing=True):
        counts = export_everything(path)
    rows = sum(counts.values())
    print(ngettext("Exported {n} row of {tables} tables to {path}.",
                   "Exported {n} rows of {tables} tables to {path}.", rows)
          .format(n=rows, tables=len(counts), path=path))
    return 0


@command("import-all",
         N_("import a full JSON export into an empty journal (all or nothing)"),
         _file_arg(N_("the JSON file made by export-all")))
def run_import_all(args: argparse.Namespace) -> int:
    from .services.exports import import_everything

    path = input_file(Path(args.file))
    with journal_for(args):
        counts = import_everything(path)
    rows = sum(counts.values())
    print(ngettext("Imported {n} row from {path}.", "Imported {n} rows from {path}.", rows)
          .format(n=rows, path=path))
    return 0


@command("backup", N_("copy the journal into the backups folder now"),
         _data_dir_after_command)
def run_backup(args: argparse.Namespace) -> int:
    from .services.backups import backup_now

    with journal_for(args, existing=True) as data_dir:
        copy = backup_now(data_dir)
    if getattr(args, "demo", False):
        print(_("Backed up the demo journal to {copy}; the throwaway demo folder and this "
                "copy are removed now that the command is done.").format(copy=copy.name))
    else:
        print(_("Backed up the journal to {copy}.").format(copy=copy))
    return 0


def _fhir_args(parser: argparse.ArgumentParser) -> None:
    _file_arg(N_("the FHIR R4 Bundle (JSON) to write"))(parser)
    parser.add_argument("--anonymise", "--anonymize", action="store_true",
                        help=_("initials instead of the name"))


@command("fhir",
         N_("export pain scores and outcome measures as a FHIR R4 Bundle for a clinician"),
         _fhir_args)
def run_fhir(args: argparse.Namespace) -> int:
    from .services.exports import export_fhir

    path = output_file(Path(args.file))
    with journal_for(args, existing=True):
        n = export_fhir(path, anonymise=args.anonymise)
    print(ngettext("Wrote a FHIR R4 Bundle of {n} entry to {path}.",
                   "Wrote a FHIR R4 Bundle of {n} entries to {path}.", n).format(n=n, path=path))
    return 0


# ---- programme files: the exchange file and the printable sheet (docs/programme-format.md) -


def _programme_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--programme", metavar="NAME_OR_ID",
                        help=_("the programme's name or id (default: the active programme)"))


def _demo_after_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help=_("use a throwaway demo journal (the same as before the "
                               "command)"))


def _programme_args(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("import", help=_("import a programme file as a new, inactive "
                                            "programme (all or nothing)"),
                           description=_("Import a programme exchange file (version 1 or "
                                         "2) as a new, inactive programme. Every problem is "
                                         "listed with its place in the file; a file with any "
                                         "problem changes nothing. Keys the format does not "
                                         "know are listed as warnings and ignored."))
    p.add_argument("file", metavar="FILE", help=_("the programme file (JSON)"))
    _data_dir_after_command(p)
    p = actions.add_parser("export",
                           help=_("save a programme as an exchange file (version 2)"),
                           description=_("Save a programme as an exchange file (format "
                                         "version 2, docs/programme-format.md)."))
    p.add_argument("file", metavar="FILE", help=_("the JSON file to write"))
    _programme_option(p)
    _demo_after_command(p)
    _data_dir_after_command(p)
    p = actions.add_parser("sheet", help=_("write the printable programme sheet (PDF)"),
                           description=_("Write the printable programme sheet for the "
                                         "patient (PDF)."))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF to write"))
    p.add_argument("--paper", metavar="SIZE", help=_paper_help())
    _lang_argument(p)
    _programme_option(p)
    _demo_after_command(p)
    _data_dir_after_command(p)


def _find_programme(value: str | None) -> dict:
    """The programme ``--programme`` names (an id or a name, any case), else the active one.

    Raises:
        NotFoundError: no such programme, or none is active.
        ValidationError: the name fits more than one programme.
    """
    from .services import programme as ps

    programmes = ps.list_programmes()
    names = "; ".join(f"{p['id']}: {p['name']}" for p in programmes) or _("none yet")
    if value is None:
        active = ps.active_programme()
        if active is None:
            raise NotFoundError(_("no programme is active; name one with --programme "
                                  "(programmes: {names}).").format(names=names))
        return active
    text = value.strip()
    by_id = [p for p in programmes if text.isdigit() and p["id"] == int(text)]
    found = by_id or [p for p in programmes if p["name"].casefold() == text.casefold()]
    if not found:
        raise NotFoundError(_("there is no programme {name} (programmes: {names}).")
                            .format(name=repr(value), names=names))
    if len(found) > 1:
        ids = ", ".join(str(p["id"]) for p in found)
        raise ValidationError({"--programme": _("{n} programmes are called {name} (ids "
                                                "{ids}); give the id.").format(
                                                    n=len(found), name=repr(value),
                                                    ids=ids)})
    return found[0]


@command("programme", N_("import or export a programme exchange file, or write the "
                        "printable programme sheet (see docs/programme-format.md)"),
         _programme_args)
def run_programme(args: argparse.Namespace) -> int:
    return {"import": _programme_import, "export": _programme_export,
            "sheet": _programme_sheet}[args.action](args)


def _programme_import(args: argparse.Namespace) -> int:
    from .services import programme as ps

    path = input_file(Path(args.file))
    warnings: list[str] = []
    try:
        with journal_for(args):
            # the shipped exercises the file may name, synced as at each start of the app;
            # a busy or full journal stops here (exit 5 or 1), never as "unknown exercise"
            ps.sync_library()
            edit = ps.import_programme_file(path, warnings)
            name = ps.get_programme(edit.result)["name"]
    finally:
        for warning in warnings:
            _warn(warning)
    print(_("Imported {path} as the programme {name} (id {id}), not active yet: make it "
            "active on the app's Programme page.").format(path=path, name=repr(name),
                                                          id=edit.result))
    return 0


def _programme_export(args: argparse.Namespace) -> int:
    from .services import programme as ps

    path = output_file(Path(args.file))
    with journal_for(args, existing=True):
        programme = _find_programme(args.programme)
        ps.export_programme_file(programme["id"], path)
    print(_("Exported the programme {name} to {path}.").format(name=repr(programme["name"]),
                                                               path=path))
    return 0


def _programme_sheet(args: argparse.Namespace) -> int:
    from .reports import normalise_paper

    paper = normalise_paper(args.paper) if args.paper else _locale_paper()
    lang = _lang_option(args.lang)
    out = output_file(Path(args.out))
    with journal_for(args, existing=True):
        programme = _find_programme(args.programme)
        from .reports.programme_sheet import write_programme_sheet  # reportlab: lazily

        with i18n.using(lang):
            pages = write_programme_sheet(out, programme_id=programme["id"], paper=paper)
    print(ngettext("Wrote the programme sheet of {name} to {out} ({n} page, {paper}).",
                   "Wrote the programme sheet of {name} to {out} ({n} pages, {paper}).", pages)
          .format(name=repr(programme["name"]), out=out, n=pages, paper=paper))
    return 0


# ---- the user docs (they ship inside the package: paths.user_docs) --------------------------


def _docs_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", nargs="?",
                        help=_("a doc's name, such as csv-format; without it, the list of the "
                               "docs with their titles"))
    _data_dir_after_command(parser)  # accepted as by every command; the docs need no journal


@command("docs", N_("print the path of a user doc (rehabjournal docs csv-format), or list "
                    "them; Help > User Guide shows them in the app"), _docs_args)
def run_docs(args: argparse.Namespace) -> int:
    from .paths import doc_title, user_doc, user_docs

    names = user_docs()
    if not names:
        raise NotFoundError(_("This installation has no user docs."))
    if args.name is None:
        width = max(len(name) for name in names)
        for name in names:
            print(f"{name:<{width}}  {doc_title(user_doc(name))}")
        return 0
    try:
        print(user_doc(args.name))
    except FileNotFoundError:
        raise NotFoundError(_("There is no user doc named {name}. The docs: {names}.")
                            .format(name=repr(args.name), names=", ".join(names))) from None
    return 0
