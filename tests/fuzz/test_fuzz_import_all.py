"""Fuzz: 240 seeded malformed full-export files (issue 17, item 6).

Each file is a mutation of a real ``export-all`` of a small journal: wrong types, values out
of range, NaN/Infinity, huge numbers, deep nesting, missing and extra keys, broken links,
duplicates, truncated JSON, a BOM, other encodings, older schemas with bad data. For every
file the import (``services.exports.import_everything``, as the File menu and the command
line call it) must either import it or refuse it with the error family
(``ImportFileError``): never another exception (a traceback), every problem must say where
(a table and row, the file, or the top-level key), and a refused file must leave the
journal exactly as it was.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date

import pytest

from rehabjournal.errors import ImportFileError
from rehabjournal.services import exports, settings
from rehabjournal.store import db, full_export
from rehabjournal.store import models as m
from rehabjournal.store.library import create_programme_from_template, sync_shipped_exercises

CASES = 240
LOCATED = re.compile(
    r'^(table [^,:]+(, row \d+(, field \w+)?)?: |f\.json |"version" |"schema" |"tables" '
    r"|this is not a rehabjournal full export|the file (is in export format|comes from a "
    r"newer)|the journal is not empty)")
BAD_VALUES = ["x", "", -1, 99, 11, 3.5, -0.5, 2**63, -(2**63) - 1, 2**63 - 1, 1e308, -1e308,
              None, True, False, [], {}, ["a"], {"a": 1}, "9999-12-31", "0001-01-01",
              "2026-02-30", "2026-3-1", "\x00", "a\x00b", "\ud800", "x" * 5000, "=1+1",
              "moderate", "night_or_constant_pain", "2026-03-01T07:00:00", 0, 10, 24.5]
CONSTANTS = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "9" * 5000, "-" + "9" * 400,
             "9223372036854775808", "1" + "0" * 30, "1.5e308"]


def _build_source() -> None:
    site = m.PainSite.create(joint="knee", side="left", primary=True)
    other = m.PainSite.create(joint="hip", side="right")
    for n in range(4):
        ci = m.CheckIn.create(day=date(2026, 3, 1 + n), morning_pain=n + 1,
                              sleep_hours=7.5 - n / 2, swelling="mild", stiffness_min=10,
                              notes="Zoë: ça va" if n == 0 else "")
        m.CheckInSitePain.create(checkin=ci, site=other, pain=n)
        s = m.ActivitySession.create(day=ci.day, kind="run", minutes=20 + n, rpe=4,
                                     pain_during=2, site=site, distance_km=3.2)
        m.SessionSitePain.create(session=s, site=other, pain_after=1)
    m.RedFlag.create(day=date(2026, 3, 2), code="night_or_constant_pain", note="woke")
    m.Event.create(day=date(2026, 3, 3), kind="flare", label="stairs")
    m.Question.create(text="Can I run hills?")
    m.OutcomeResponse.create(instrument="psfs", day=date(2026, 3, 1),
                             answers=json.dumps({"stairs": 6}), score=6.0)
    programme = create_programme_from_template("calm-then-build", date(2026, 3, 2))
    prescription = m.Prescription.select().join(m.Phase).where(
        m.Phase.programme == programme).first()
    m.ExerciseLog.create(day=date(2026, 3, 2), prescription=prescription, sets_done=3,
                         pain_during=2)
    settings.set("thresholds.acceptable_pain", 4)
    settings.set("outcomes.instruments", ["psfs"])


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("fuzz-source")
    db.open_journal(folder)
    try:
        sync_shipped_exercises()
        _build_source()
        return full_export.export_data()
    finally:
        db.close_journal()


def _snapshot() -> dict[str, list[tuple]]:
    return {full_export.table_name(t): list(t.select().order_by(t._meta.primary_key).tuples())
            for t in m.ALL_MODELS}


def _cells(doc: dict) -> list[tuple[str, int, str]]:
    return [(t, i, c) for t, rows in doc["tables"].items() for i, row in enumerate(rows)
            for c in row]


def _mutate(base: dict, rng: random.Random) -> tuple[str, bytes]:
    """One malformed file: (what was done, its bytes)."""
    doc = json.loads(json.dumps(base))
    kind = rng.choice(["value", "value", "value", "constant", "deep", "drop", "extra",
                       "link", "duplicate", "truncate", "bom", "encoding", "header",
                       "table", "setting", "old-schema", "swap"])
    table = rng.choice([t for t, rows in doc["tables"].items() if rows])
    row = rng.randrange(len(doc["tables"][table]))
    col = rng.choice(list(doc["tables"][table][row]))
    cell = f"{table}[{row}].{col}"
    if kind in ("value", "old-schema"):
        value = rng.choice(BAD_VALUES)
        doc["tables"][table][row][col] = value
        if kind == "old-schema":
            doc["schema"] = rng.choice([1, 2, 3])
            if rng.random() < 0.5:
                sessions = doc["tables"]["activity_session"]
                sessions[rng.randrange(len(sessions))]["next_morning_pain"] = rng.choice(
                    BAD_VALUES)
        return f"{kind} {cell} = {value!r:.40}", json.dumps(doc).encode()
    if kind == "constant":
        marker = "__FUZZ__"
        doc["tables"][table][row][col] = marker
        constant = rng.choice(CONSTANTS)
        return f"{cell} = {constant[:20]}", json.dumps(doc).replace(
            f'"{marker}"', constant).encode()
    if kind == "deep":
        depth = rng.choice([19, 21, 50, 1000, 100_000])
        doc["tables"][table][row][col] = "__DEEP__"
        nest = "[" * depth + "1" + "]" * depth
        return f"{cell} nested {depth}", json.dumps(doc).replace('"__DEEP__"', nest).encode()
    if kind == "drop":
        del doc["tables"][table][row][col]
        return f"drop {cell}", json.dumps(doc).encode()
    if kind == "extra":
        doc["tables"][table][row][rng.choice(["colour", "next_morning_pain", "outcome_schedule",
                                              "id ", ""])] = 1
        return f"extra key in {table}[{row}]", json.dumps(doc).encode()
    if kind == "link":
        links = [(t, i, c) for t, i, c in _cells(doc) if c.endswith("_id")]
        table, row, col = rng.choice(links)
        value = rng.choice([999_999, 0, -1, 1, 2, None, "1"])
        doc["tables"][table][row][col] = value
        return f"link {table}[{row}].{col} = {value!r}", json.dumps(doc).encode()
    if kind == "duplicate":
        rows = doc["tables"][table]
        copy = dict(rows[row])
        if rng.random() < 0.5 and "id" in copy:
            copy["id"] = max(r.get("id", 0) for r in rows) + 1
        rows.append(copy)
        return f"duplicate {table}[{row}]", json.dumps(doc).encode()
    if kind == "truncate":
        raw = json.dumps(doc).encode()
        cut = rng.randrange(1, len(raw) - 1)
        return f"truncated at {cut}", raw[:cut]
    if kind == "bom":
        doc["tables"][table][row][col] = rng.choice(BAD_VALUES + ["kept"])
        return f"BOM + {cell}", b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode(
            errors="surrogatepass")
    if kind == "encoding":
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"])
        text = json.dumps(doc, ensure_ascii=False)
        errors = "surrogatepass" if "utf" in encoding else "replace"
        return f"encoded {encoding}", text.encode(encoding, errors=errors)
    if kind == "header":
        key = rng.choice(["format", "version", "schema", "tables", "exported"])
        value = rng.choice(BAD_VALUES + [1, 2, 4, 5, 99])
        if rng.random() < 0.2:
            doc.pop(key)
        else:
            doc[key] = value
        return f"header {key} = {value!r:.40}", json.dumps(doc).encode()
    if kind == "table":
        what = rng.choice(["missing", "not a list", "row not object", "unknown"])
        if what == "missing":
            doc["tables"].pop(table)
        elif what == "not a list":
            doc["tables"][table] = rng.choice([{}, "rows", 3, None])
        elif what == "row not object":
            doc["tables"][table][row] = rng.choice([[], "row", 3, None])
        else:
            doc["tables"]["mystery"] = []
        return f"table {table}: {what}", json.dumps(doc).encode()
    if kind == "setting":
        rows = doc["tables"]["setting"]
        key = rng.choice([r["key"] for r in rows] + ["thresholds.green_peak_max",
                                                       "window.geometry", "unknown.key"])
        value = rng.choice(["11", "0", '"x"', "[1", "NaN", "1e999", "null", "[" * 50 + "]" * 50,
                            '["psfs", "nope"]', "3", "true", "", 7, None])
        rows.append({"key": key, "value": value})
        if rng.random() < 0.5:
            rows[:] = [r for r in rows[:-1] if r["key"] != key] + rows[-1:]
        return f"setting {key} = {value!r:.30}", json.dumps(doc).encode()
    # swap: two cells' values swapped (types end up in the wrong place)
    table2, row2, col2 = rng.choice(_cells(doc))
    a, b = doc["tables"][table][row][col], doc["tables"][table2][row2][col2]
    doc["tables"][table][row][col], doc["tables"][table2][row2][col2] = b, a
    return f"swap {cell} <-> {table2}[{row2}].{col2}", json.dumps(doc).encode()


def test_malformed_full_exports_are_refused_with_a_place_and_change_nothing(base, tmp_path):
    rng = random.Random(17)
    target = tmp_path / "target"
    db.open_journal(target)
    sync_shipped_exercises()
    empty = _snapshot()
    kinds_refused = imported = 0
    path = tmp_path / "f.json"
    try:
        for case in range(CASES):
            what, raw = _mutate(base, rng)
            path.write_bytes(raw)
            label = f"case {case} ({what})"
            try:
                exports.import_everything(path)
            except ImportFileError as exc:
                kinds_refused += 1
                assert exc.problems, label
                for problem in exc.problems:
                    assert LOCATED.match(problem) or problem.startswith("and "), \
                        f"{label}: not located: {problem!r}"
                    problem.encode("utf-8")  # printable: the command line writes it
                    assert "Traceback" not in problem and "constraint failed" not in problem, \
                        f"{label}: {problem!r}"
                assert _snapshot() == empty, f"{label}: the journal changed"
            except Exception as exc:  # a traceback for a user
                pytest.fail(f"{label}: {type(exc).__name__}: {exc}")
            else:
                imported += 1
                db.close_journal()
                for item in sorted(target.rglob("*"), reverse=True):
                    item.unlink() if item.is_file() else item.rmdir()
                db.open_journal(target)
                sync_shipped_exercises()
                assert _snapshot() == empty
    finally:
        db.close_journal()
    assert kinds_refused >= 200, (kinds_refused, imported)
