"""One rule for pain-site labels through every door (the "Add a pain site" form, a CSV
file's ``pain_site`` column, import-all's ``pain_site`` rows: ``validation.check_label``),
and whole numbers in CSV cells taken only when the digits are exactly whole. Each refusal
leaves the journal as it was (its full export before and after is the same)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from rehabjournal.errors import ValidationError
from rehabjournal.services import exports
from rehabjournal.services import journal as js
from rehabjournal.store import db, full_export
from rehabjournal.store import models as m
from rehabjournal.store.csv_io import CsvImportError, import_csv
from rehabjournal.store.library import sync_shipped_exercises

NOW = datetime(2026, 3, 21, 9, 0)
RLO = "\u202e"
HIDDEN = ("must not hold control or invisible formatting characters "
          "(U+202E RIGHT-TO-LEFT OVERRIDE at character 1)")


@pytest.fixture
def empty(journal):
    sync_shipped_exercises()
    return journal


def _unchanged(action) -> Exception:
    before = full_export.export_data(NOW)
    with pytest.raises((ValidationError, CsvImportError)) as info:
        action()
    assert full_export.export_data(NOW) == before
    return info.value


# ---- the form ---------------------------------------------------------------------------

@pytest.mark.parametrize("args, errors", [
    ((RLO + "knee", "left"), {"joint": f"Joint {HIDDEN}."}),
    (("knee", "left", "x" * 100_000),
     {"area": "Area is too long (100,000 characters; at most 100)."}),
    (("k" * 60, "left", "a" * 60),
     {"area": "Pain site is too long (128 characters; at most 100)."}),
    (("knee", "middle"), {"side": "Side must be one of left, right, both or none."}),
    (("  ", "left"), {"joint": "A pain site needs a joint, e.g. knee or hip."}),
])
def test_the_add_site_form_refuses_a_bad_label(empty, args, errors):
    assert _unchanged(lambda: js.add_site(*args)).errors == errors


def test_the_add_site_form_takes_a_typed_joint_and_a_persian_area(empty):
    site = js.add_site("elbow", "right", "سمت چپ\u200cزانو")
    assert m.PainSite.get_by_id(site).label == "right elbow (سمت چپ\u200cزانو)"


# ---- CSV ------------------------------------------------------------------------------

def _csv(tmp_path, *lines: str):
    path = tmp_path / "in.csv"
    path.write_text("date,activity,duration_min,pain_site\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("line, problem", [
    (f"2026-03-01,run,30,{RLO}left knee", f"line 2, column pain_site: Pain site {HIDDEN}"),
    ("2026-03-01,run,30," + "k" * 100_000,
     "line 2, column pain_site: Pain site is too long (100,000 characters; at most 100)"),
    ("2026-03-01,run,3.0000000000000001,left knee",
     "line 2, column duration_min: Duration must be a whole number from 0 to 1440 minutes "
     "(got 3.0000000000000001)"),
])
def test_a_csv_refuses_a_bad_label_or_a_number_that_only_rounds_to_whole(
        empty, tmp_path, line, problem):
    error = _unchanged(lambda: import_csv(_csv(tmp_path, line)))
    assert error.problems == [problem]


def test_csv_whole_numbers_with_zero_decimals_are_whole(empty, tmp_path):
    import_csv(_csv(tmp_path, "2026-03-01,run,30.00,left knee", "2026-03-02,walk,3.0,"))
    assert [s.minutes for s in m.ActivitySession.select().order_by(m.ActivitySession.day)] \
        == [30, 3]


def test_sites_a_csv_makes_have_a_primary_one_and_the_journal_moves_whole(
        empty, tmp_path):
    """The first site a CSV import makes is the main one, marked primary, so the journal's
    full export imports into another journal (import-all wants exactly one primary)."""
    import_csv(_csv(tmp_path, "2026-03-01,run,30,left knee",
                    "2026-03-02,run,30,right hip (outer)"))
    assert [(s.label, s.primary) for s in m.PainSite.select().order_by(m.PainSite.id)] == [
        ("left knee", True), ("right hip (outer)", False)]
    path = tmp_path / "all.json"
    exports.export_everything(path)
    exported = json.loads(path.read_text(encoding="utf-8"))["tables"]
    db.close_journal()
    db.open_journal(tmp_path / "other")
    try:
        sync_shipped_exercises()
        exports.import_everything(path)
        assert full_export.export_data(NOW)["tables"]["pain_site"] == exported["pain_site"]
    finally:
        db.close_journal()
        db.open_journal(empty)
