"""Fuzz: 360 seeded malformed CSV files never give a traceback (issue 17).

Each file is a valid journal file (the one the journal already holds) with 0-2 harmless
mutations (another separator, decimal commas, BOM, CR-only or CRLF line ends, a dropped
optional column, a duplicated or dropped row, a 1 MB note, swapped columns) and then one
"poison" that makes it certainly wrong: a loose number (``1_0``, ``３``, ``٣``, ``1e3``,
``nan``, ``inf``, 50 digits, a 2 MB cell), an extreme or malformed date, an unknown grade
or code, a NUL in a note, extra cells, a missing or repeated header column, a session
without minutes, a row with another separator, an unterminated quote, another encoding
(Latin-1, UTF-16), an empty file, a value that contradicts the journal.

Asserted for every file: only the error family is raised (``ImportFileError``,
``ValidationError``, ``StorageError``), every message names a line (and, for a cell, the
column), and the journal is unchanged: its export before and after is byte for byte the
same. Seeded with ``random.Random(SEED)``: the same files on every run.
"""

from __future__ import annotations

import csv
import io
import random
import re
from pathlib import Path

import pytest

from rehabjournal.errors import ImportFileError, StorageError, ValidationError
from rehabjournal.services import transfer
from rehabjournal.store.csv_io import COLUMNS
from rehabjournal.store.db import close_journal, open_journal

SEED = 17
CASES = 360

HEADER = ["date", "morning_pain", "stiffness_min", "swelling", "sleep_hours", "activity",
          "duration_min", "rpe", "pain_before", "pain_during", "pain_after", "red_flags",
          "notes", "sleep_quality", "stress", "distance_km", "pain_site", "session_notes"]
ROWS = [
    ["2026-03-02", "3", "10", "mild", "7.5", "run", "30", "5", "1", "3", "2", "",
     'Stairs felt fine, "better"\nthan last week', "3", "4", "5.2", "left knee", "easy"],
    ["2026-03-02", "", "", "", "", "rehab exercises", "20", "4", "", "2", "", "", "", "",
     "", "", "", ""],
    ["2026-03-03", "2", "5", "none", "8", "", "", "", "", "", "", "", "a; b", "4", "2",
     "", "", ""],
    ["2026-03-04", "", "", "", "", "cycle", "45", "6", "2", "2", "3",
     "locking_giving_way;night_or_constant_pain", "gave way", "", "", "12.25", "",
     "-2 after stretching"],
    ["2026-03-05", "1", "0", "severe", "6.25", "walk", "60", "2", "0", "0", "1", "", "'tis ok",
     "", "", "3", "right hip (outer side)", "=1+1"],
]
WHOLE = ["morning_pain", "stiffness_min", "duration_min", "rpe", "pain_before",
         "pain_during", "pain_after", "sleep_quality", "stress"]
OPTIONAL = ["stiffness_min", "swelling", "sleep_quality", "stress", "distance_km",
            "pain_site", "session_notes", "notes", "red_flags", "rpe"]
LOOSE = ["1_0", "３", "٣", "1e3", " 1E3", "nan", "NaN", "inf", "-inf", "Infinity", "1" * 50,
         "0x10", "½", "3.5", "11", "-1", "++1", "1..2", "1 0", "3\x00", "²", "١٠", "1,2,3"]
BAD_DATES = ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "2026-02-30",
             "2026-13-01", "02/03/2026", "２０２６-03-02", "2026-3-2", "2026-03-02T10:00",
             "", "nan", "\x002026-03-02"]
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
LINE_RE = re.compile(r"^line \d+(, column [^:]+)?: ")


class Case:
    """One generated file: cells, dialect and byte-level changes; ``column`` is the column
    a cell poison hit (its message must name it)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.header = list(HEADER)
        self.rows = [list(r) for r in ROWS]
        self.sep = ","
        self.decimal_comma = False
        self.line_end = "\r\n"
        self.bom = False
        self.extra_rows: list[str] = []  # raw lines appended after serialising
        self.raw: bytes | None = None    # the whole file, when a poison writes bytes
        self.column: str | None = None
        self.name = ""

    # -- helpers
    def col(self, name: str) -> int | None:
        names = [h.strip().lower() for h in self.header]
        return names.index(name) if name in names else None

    def data_row(self) -> list[str]:
        return self.rng.choice(self.rows)

    # -- harmless mutations
    def noise(self) -> None:
        rng = self.rng
        kind = rng.choice(["sep", "bom", "cr", "lf", "drop_col", "dup_row", "swap_cols",
                           "big_note", "drop_row", "spaces", "case"])
        self.name += f"+{kind}"
        if kind == "sep":
            self.sep = rng.choice([";", "\t"])
            self.decimal_comma = rng.random() < 0.5
        elif kind == "bom":
            self.bom = True
        elif kind == "cr":
            self.line_end = "\r"
        elif kind == "lf":
            self.line_end = "\n"
        elif kind == "drop_col":
            i = self.col(rng.choice(OPTIONAL))
            if i is not None:
                del self.header[i]
                for r in self.rows:
                    del r[i]
        elif kind == "dup_row":
            r = self.data_row()
            self.rows.insert(self.rows.index(r) + 1, list(r))
        elif kind == "swap_cols":
            i, j = rng.sample(range(len(self.header)), 2)
            for r in [self.header, *self.rows]:
                r[i], r[j] = r[j], r[i]
        elif kind == "big_note":
            i = self.col("notes")
            if i is not None:
                self.rows[2][i] = "long, \"quoted\"; note\n" * 50_000
        elif kind == "drop_row" and len(self.rows) > 2:
            self.rows.pop(rng.randrange(len(self.rows)))
        elif kind == "spaces":
            self.header = [f" {h.upper()} " for h in self.header]
        elif kind == "case":
            self.header = [h.title() for h in self.header]

    # -- one certain error
    def poison(self) -> None:
        rng = self.rng
        kind = rng.choice(["loose", "loose", "date", "date", "grade", "flag", "nul",
                           "extra", "no_date_col", "dup_col", "no_minutes", "mixed",
                           "unterminated", "latin1", "utf16", "empty", "huge", "conflict",
                           "session_only"])
        self.name += f"+{kind}"
        row = self.data_row()
        if kind == "loose":
            name = rng.choice([c for c in WHOLE if self.col(c) is not None])
            row[self.col(name)] = rng.choice(LOOSE)
            self.column = name
        elif kind == "date":
            i = self.col("date")
            row[i] = rng.choice(BAD_DATES)
            self.column = "date"
        elif kind == "grade":
            self.ensure("swelling", row)
            row[self.col("swelling")] = rng.choice(["enormous", "huge", "mild!", "3", "MILD;"])
            self.column = "swelling"
        elif kind == "flag":
            self.ensure("red_flags", row)
            row[self.col("red_flags")] = rng.choice(["teleport", "calf_dvt;teleport", "1"])
            self.column = "red_flags"
        elif kind == "nul":
            self.ensure("notes", row)
            row[self.col("notes")] = "before\x00after"
            self.column = "notes"
        elif kind == "extra":
            row.extend(["", "surplus"])
        elif kind == "no_date_col":
            self.header[self.col("date")] = rng.choice(["datum", "day", "", "dates"])
        elif kind == "dup_col":
            self.header[rng.randrange(1, len(self.header))] = "date"
        elif kind == "no_minutes":
            self.ensure("activity", row)
            i = self.col("duration_min")
            row[self.col("activity")] = "swim"
            if i is not None:
                row[i] = ""
            self.column = "duration_min"
        elif kind == "mixed":
            other = rng.choice([s for s in SEPARATORS if s != self.sep])
            self.extra_rows.append(other.join(["2026-03-09", "2", "x"]))
        elif kind == "unterminated":
            self.extra_rows.append(f'2026-03-09{self.sep}"never closed{self.sep}3')
        elif kind == "latin1":
            self.ensure("notes", row)
            row[self.col("notes")] += " café"
            self.raw = self.text().encode("latin-1", "replace")
        elif kind == "utf16":
            self.raw = self.text().encode(rng.choice(["utf-16", "utf-16-le", "utf-32"]))
        elif kind == "empty":
            self.raw = rng.choice([b"", b"\xef\xbb\xbf", b"\r\n\r\n", b"   ", b"\x00\x00",
                                   b'"', b"\n,,,\n"])
        elif kind == "huge":
            name = rng.choice([c for c in WHOLE if self.col(c) is not None])
            row[self.col(name)] = "7" * 2_000_000
            self.column = name
        elif kind == "conflict":  # a valid file that contradicts the journal's 3
            i = self.col("morning_pain")
            if i is None:
                row[self.col("date")] = "2100-12-32"
                self.column = "date"
            else:
                self.rows[0][self.col("date")] = "2026-03-02"
                self.rows[0][i] = "9"
                self.column = "morning_pain"
        elif kind == "session_only":
            self.ensure("rpe", row)
            a = self.col("activity")
            if a is not None:
                row[a] = ""
            row[self.col("rpe")] = "4"
            self.column = "activity" if a is not None else None

    def ensure(self, name: str, row: list[str]) -> None:
        """Put a dropped column back (appended), so a poison can hit it."""
        if self.col(name) is None:
            self.header.append(name)
            for r in self.rows:
                r.append("")

    def text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self.sep, lineterminator=self.line_end)
        writer.writerow(self.header)
        for r in self.rows:
            cells = list(r)
            if self.decimal_comma:
                cells = [c.replace(".", ",") if re.fullmatch(r"\d+\.\d+", c) else c
                         for c in cells]
            writer.writerow(cells)
        text = out.getvalue() + "".join(x + self.line_end for x in self.extra_rows)
        return ("\ufeff" if self.bom else "") + text

    def data(self) -> bytes:
        return self.raw if self.raw is not None else self.text().encode("utf-8")


def generate(seed: int, count: int) -> list[Case]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        case = Case(rng)
        for _ in range(rng.randrange(3)):
            case.noise()
        case.poison()
        cases.append(case)
    return cases


def export_bytes(path: Path) -> bytes:
    transfer.export_journal_csv(path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A journal holding exactly the valid file, and its export."""
    folder = tmp_path_factory.mktemp("fuzz-csv")
    open_journal(folder / "data")
    valid = Case(random.Random(0))
    (folder / "valid.csv").write_bytes(valid.data())
    report = transfer.import_journal_csv(folder / "valid.csv")
    assert report.sessions_added == 4
    yield folder, export_bytes(folder / "before.csv")
    close_journal()


def test_the_base_file_exports_every_column(base):
    folder, before = base
    assert before.decode("utf-8").splitlines()[0] == ",".join(COLUMNS)


def test_malformed_csv_files_are_refused_with_a_located_message(base):
    folder, before = base
    cases = generate(SEED, CASES)
    refused = 0
    kinds: set[str] = set()
    for n, case in enumerate(cases):
        path = folder / f"case-{n}.csv"
        path.write_bytes(case.data())
        try:
            transfer.import_journal_csv(path)
        except ImportFileError as exc:
            refused += 1
            assert exc.problems, case.name
            for problem in exc.problems:
                if problem.startswith("and ") and problem.endswith(" more problems"):
                    continue
                assert LINE_RE.match(problem), (n, case.name, problem[:200])
            if case.column is not None and case.raw is None and not case.extra_rows:
                named = [p for p in exc.problems if f", column {case.column}:" in p]
                header_trouble = any(p.startswith("line 1,") or p.startswith("line 1:")
                                     for p in exc.problems)
                assert named or header_trouble, (n, case.name, exc.problems[:3])
        except (ValidationError, StorageError) as exc:  # the family, with a place
            refused += 1
            assert re.search(r"line \d+", str(exc)), (n, case.name, str(exc)[:200])
        else:
            pytest.fail(f"case {n} ({case.name}) was imported:\n{case.data()[:300]!r}")
        kinds.update(case.name.strip("+").split("+"))
        after = export_bytes(folder / "after.csv")
        assert after == before, f"case {n} ({case.name}) changed the journal"
        path.unlink()
    assert refused == CASES >= 300
    assert {"loose", "date", "unterminated", "utf16", "mixed", "cr", "bom", "sep",
            "huge", "nul"} <= kinds
