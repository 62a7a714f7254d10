"""Fuzz: 210 seeded malformed programme files (issue 17, items 1 and 6).

Each file is a mutation of a real programme export (a shipped template plus the user's own
exercise with a progression model, and a ``based_on`` copy): wrong types, values out of
range, NaN/Infinity, huge numbers, deep nesting, missing and extra keys, unknown exercises,
duplicates, truncated JSON, a BOM, other encodings, dates outside 1900-2100. The import
(``services.programme.import_programme_file``, as the Programme page and the command line call
it) must create the programme or refuse the file with ``ImportFileError``: never another
exception, every problem located (a JSON path or the file), nothing written on a refusal;
and the calendar of an imported programme must be writable.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date

import pytest

from rehabjournal.errors import ImportFileError
from rehabjournal.services import programme as sp
from rehabjournal.store import models as m
from rehabjournal.store import programme_io as io
from rehabjournal.store.library import create_programme_from_template, sync_shipped_exercises

CASES = 210
LOCATED = re.compile(
    r"^((programme|exercises|format|version|exported|\$schema)[.\[:]|plan\.json |The file "
    r"(is not a rehabjournal programme|is programme format version|has more than)|checking "
    r"stopped)")
BAD_VALUES = ["x", "", -1, 0, 51, 3.5, 2**63, -(2**63) - 1, 1e308, None, True, [], {},
              ["a"], {"a": 1}, "9999-12-31", "0001-01-01", "2026-02-30", "\x00", "a\x00b",
              "\ud800", "x" * 3000, "Mon, Funday", "javascript:alert(1)", "hsr-squat",
              "moon-walk", "UPPER", 7, 1000, 36001]
CONSTANTS = ["NaN", "Infinity", "-Infinity", "1e400", "9" * 5000, "9223372036854775808"]


@pytest.fixture
def base(journal) -> dict:
    sync_shipped_exercises()
    programme = create_programme_from_template("calm-then-build", date(2026, 3, 2))
    doc = io.export_programme(programme)
    doc["exercises"] = [
        {"slug": "my-towel-squeeze", "name": "Towel squeeze", "category": "isometric",
         "region": "knee", "cues": ["Squeeze gently"], "default_sets": 3,
         "default_hold_s": 10, "load_unit": "seconds",
         "progression": {"model": "double", "reps": [8, 12], "load_step": 2.5}},
        {"based_on": "isometric-wall-sit", "name": "Wall sit at the door",
         "progression": [{"kind": "hold", "to": 20, "text": "20 s"}]},
    ]
    doc["programme"]["phases"][0]["prescriptions"].append(
        {"exercise": "my-towel-squeeze", "sets": 3, "hold_s": 10, "weekdays": ["Mon", "Thu"]})
    return doc


def _paths(value, path=()):
    """Every (path, value) in the document (containers and leaves)."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*path, i))


def _set(doc, path, value):
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _counts() -> dict[str, int]:
    return {t.__name__: t.select().count() for t in m.ALL_MODELS}


def _mutate(base: dict, rng: random.Random) -> tuple[str, bytes]:
    doc = json.loads(json.dumps(base))
    places = [p for p, _v in _paths(doc) if p]
    path = rng.choice(places)
    kind = rng.choice(["value", "value", "value", "constant", "deep", "drop", "extra",
                       "truncate", "bom", "encoding", "header", "date", "list"])
    if kind == "value":
        value = rng.choice(BAD_VALUES)
        _set(doc, path, value)
        return f"{path} = {value!r:.40}", json.dumps(doc).encode()
    if kind == "constant":
        constant = rng.choice(CONSTANTS)
        _set(doc, path, "__FUZZ__")
        return f"{path} = {constant[:20]}", json.dumps(doc).replace('"__FUZZ__"',
                                                                    constant).encode()
    if kind == "deep":
        depth = rng.choice([10, 21, 100, 100_000])
        _set(doc, path, "__DEEP__")
        return f"{path} nested {depth}", json.dumps(doc).replace(
            '"__DEEP__"', "[" * depth + "]" * depth).encode()
    if kind == "drop":
        node = doc
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]
        return f"drop {path}", json.dumps(doc).encode()
    if kind == "extra":
        dicts = [p for p, v in _paths(doc) if isinstance(v, dict)]
        where = rng.choice(dicts)
        node = doc
        for part in where:
            node = node[part]
        node[rng.choice(["set", "video", "rpe", "\ud800", ""])] = 1
        return f"extra key in {where}", json.dumps(doc).encode()
    if kind == "truncate":
        raw = json.dumps(doc).encode()
        cut = rng.randrange(1, len(raw) - 1)
        return f"truncated at {cut}", raw[:cut]
    if kind == "bom":
        return "BOM", b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode()
    if kind == "encoding":
        encoding = rng.choice(["utf-16", "utf-32", "latin-1", "cp1252"])
        doc["programme"]["name"] = "Zoë's knee plan"
        return f"encoded {encoding}", json.dumps(doc, ensure_ascii=False).encode(encoding)
    if kind == "header":
        key = rng.choice(["format", "version", "programme", "exercises"])
        doc[key] = rng.choice(BAD_VALUES + [1, 3])
        return f"header {key}", json.dumps(doc).encode()
    if kind == "date":
        key = rng.choice(["start_date", "review_date"])
        value = rng.choice(["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01",
                            "2100-12-31", "1900-01-01", "2026-13-01", "2026-03-01\n"])
        doc["programme"][key] = value
        return f"{key} = {value!r}", json.dumps(doc).encode()
    # list: a list where text or a number belongs, or the other way round
    value = rng.choice([["a"], [1, 2], [{"a": 1}], "a list", 5])
    _set(doc, path, value)
    return f"{path} = {value!r}", json.dumps(doc).encode()


def test_malformed_programme_files_are_refused_with_a_place_and_change_nothing(base,
                                                                               tmp_path):
    rng = random.Random(1707)
    path = tmp_path / "plan.json"
    refused = imported = 0
    for case in range(CASES):
        what, raw = _mutate(base, rng)
        path.write_bytes(raw)
        label = f"case {case} ({what})"
        before = _counts()
        try:
            edit = sp.import_programme_file(path)
        except ImportFileError as exc:
            refused += 1
            assert exc.problems, label
            for problem in exc.problems:
                problem.encode("utf-8")  # printable: the command line writes it
                assert LOCATED.match(problem) or problem.startswith("and "), \
                    f"{label}: not located: {problem!r}"
            assert _counts() == before, f"{label}: the journal changed"
        except Exception as exc:  # a traceback for a user
            pytest.fail(f"{label}: {type(exc).__name__}: {exc}")
        else:
            imported += 1
            new = m.Programme.select().order_by(m.Programme.id.desc()).first()
            assert new is not None and edit is not None, label
            try:
                io.calendar_text(new.id)
            except Exception as exc:
                pytest.fail(f"{label}: calendar: {type(exc).__name__}: {exc}")
    assert refused >= 150, (refused, imported)
