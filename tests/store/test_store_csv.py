"""CSV import and export (store.csv_io): round trip, all-or-nothing, repeated imports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from playhouse.shortcuts import model_to_dict

from rehabjournal.services import journal as svc
from rehabjournal.store import csv_io
from rehabjournal.store import models as m
from rehabjournal.store.csv_io import COLUMNS, CsvImportError, export_csv, import_csv, parse_csv
from rehabjournal.store.db import close_journal, open_journal

D1, D2, D3, D4 = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 6)
HEADER = ",".join(COLUMNS[:14])


@pytest.fixture
def journal(tmp_path):
    data = tmp_path / "journal"
    open_journal(data)
    yield data
    close_journal()


def write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def snapshot() -> dict[str, list]:
    """The journal's check-ins, sessions and red flags, without ids and timestamps."""
    labels = {s.id: s.label for s in m.PainSite.select()}

    def clean(row, drop=("id", "updated")):
        d = model_to_dict(row, recurse=False)
        for k in drop:
            d.pop(k, None)
        if "site" in d:
            d["site"] = labels.get(d["site"]) if d["site"] else None
        return d

    return {
        "checkins": [clean(r) for r in m.CheckIn.select().order_by(m.CheckIn.day)],
        "sessions": [
            clean(r)
            for r in m.ActivitySession.select().order_by(
                m.ActivitySession.day, m.ActivitySession.position
            )
        ],
        "red_flags": [
            clean(r, ("id", "note"))
            for r in m.RedFlag.select().order_by(m.RedFlag.day, m.RedFlag.code)
        ],
    }


def counts() -> tuple[int, int, int]:
    return (
        m.CheckIn.select().count(),
        m.ActivitySession.select().count(),
        m.RedFlag.select().count(),
    )


def build_journal() -> None:
    site = svc.add_site("knee", "left", "below the kneecap", primary=True)
    svc.save_checkin(D1, {
        "morning_pain": 3, "stiffness_min": 10, "swelling": "mild", "sleep_hours": 7.5,
        "sleep_quality": 4, "stress": 2, "notes": 'day one, "quoted"\nsecond line',
    })
    svc.add_session(D1, {"kind": "run", "minutes": 30, "rpe": 5, "distance_km": 5.2,
                         "pain_before": 1, "pain_during": 3, "pain_after": 2,
                         "site": site, "notes": "easy loop"})  # next morning: D2's 2
    svc.add_session(D1, {"kind": "rehab exercises", "minutes": 20, "rpe": 4})
    svc.save_checkin(D2, {"morning_pain": 2, "sleep_hours": 8.0})
    svc.add_session(D3, {"kind": "cycle", "minutes": 45, "rpe": 3, "distance_km": 15.0})
    svc.set_red_flag(D4, "locking_giving_way", True)
    svc.set_red_flag(D4, "night_or_constant_pain", True)


def test_round_trip_into_an_empty_journal(journal, tmp_path):
    build_journal()
    before = snapshot()
    out = tmp_path / "out.csv"
    assert export_csv(out) == 5  # D1 x2, D2, D3, D4
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert "7.5" in text and ",8," in text and "8.0" not in text and "15.0" not in text
    close_journal()

    open_journal(tmp_path / "other")
    report = import_csv(out)
    assert (report.days, report.sessions_added, report.checkins_written,
            report.red_flags_added) == (4, 3, 2, 2)
    assert report.warnings == []
    assert snapshot() == before
    # export again: the same bytes
    again = tmp_path / "again.csv"
    export_csv(again)
    assert again.read_bytes() == out.read_bytes()


def test_unicode_and_a_one_megabyte_note_survive(journal, tmp_path):
    note = ("Καλημέρα, привет, 🦵🏽 knee ✓ " * 40000)[:1_000_000]
    svc.save_checkin(D1, {"morning_pain": 1, "notes": note})
    svc.add_session(D1, {"kind": "ходьба 🚶", "minutes": 25, "notes": "Ωραία ρε 😀"})
    before = snapshot()
    out = tmp_path / "uni.csv"
    export_csv(out)
    close_journal()
    open_journal(tmp_path / "other")
    import_csv(out)
    after = snapshot()
    assert after == before
    assert after["checkins"][0]["notes"] == note


def test_second_import_adds_nothing(journal, tmp_path):
    f = write(tmp_path / "a.csv", f"{HEADER}\n"
              "2026-03-02,3,10,mild,7,run,30,5,1,3,2,2,cannot_slr,note\n"
              "2026-03-02,3,,,,walk,20,,,,,,,\n"
              "2026-03-02,,,,,walk,20,,,,,,,\n"
              "2026-03-03,,,,,,,,,,,,,\n")
    first = import_csv(f)
    # 2 check-ins: 2 March, and 3 March's morning pain from the run's next_morning_pain
    assert (first.sessions_added, first.checkins_written, first.red_flags_added) == (3, 2, 1)
    assert svc.get_checkin(D2)["morning_pain"] == 2
    assert first.backup is not None and first.backup.exists()
    before = snapshot()
    second = import_csv(f)
    assert (second.sessions_added, second.sessions_skipped, second.checkins_written,
            second.red_flags_added) == (0, 3, 0, 0)
    assert second.backup is None
    assert snapshot() == before


def test_invalid_file_writes_nothing_and_names_each_line_and_column(journal, tmp_path):
    svc.save_checkin(D1, {"morning_pain": 1})
    before = snapshot()
    f = write(tmp_path / "bad.csv", f"{HEADER}\n"
              "2026-03-02,,,,,run,30,5,,,,,,fine row\n"
              "2026-03-03,11,,,,,,,,,,,,\n"
              "2026-03-04,,-5,huge,30,run,20,12,,,,,,\n"
              "2026-02-30,,,,,,,,,,,,,\n"
              "2026-03-05,,,,,,,,,,,,teleport,\n"
              "03/06/2026,,,,,,,,,,,,,\n"
              "2026-03-07,,,,,swim,,,,,,,,\n"
              "2026-03-08,,,,,,,3,,,,,,\n")
    with pytest.raises(CsvImportError) as info:
        import_csv(f)
    problems = info.value.problems
    expected = [
        ("line 3, column morning_pain", "11"),
        ("line 4, column stiffness_min", "-5"),
        ("line 4, column swelling", "huge"),
        ("line 4, column sleep_hours", "30"),
        ("line 4, column rpe", "12"),
        ("line 5, column date", "2026-02-30"),
        ("line 6, column red_flags", "teleport"),
        ("line 7, column date", "YYYY-MM-DD"),
        ("line 8, column duration_min", "duration"),
        ("line 9, column activity", "rpe"),
    ]
    assert len(problems) == len(expected), problems
    for (where, what), problem in zip(expected, problems, strict=True):
        assert problem.startswith(where + ": "), problem
        assert what in problem, problem
    assert snapshot() == before
    assert not (journal / "backups").exists() or not list((journal / "backups").iterdir())


def test_problem_list_is_capped(journal, tmp_path):
    rows = "".join(f"2026-03-{d:02d},11,,,,,,,,,,,,\n" for d in range(1, 29)) * 3
    f = write(tmp_path / "many.csv", f"{HEADER}\n{rows}")
    with pytest.raises(CsvImportError) as info:
        parse_csv(f)
    assert info.value.total == 84
    assert len(info.value.problems) == 51
    assert info.value.problems[-1] == "and 34 more problems"


def test_conflicting_day_fields_within_the_file(journal, tmp_path):
    f = write(tmp_path / "c.csv", f"{HEADER}\n"
              "2026-03-02,3,,,,run,30,,,,,,,\n"
              "2026-03-02,,,,,walk,20,,,,,,,\n"
              "2026-03-02,4,,,,bike,20,,,,,,,\n")
    with pytest.raises(CsvImportError) as info:
        import_csv(f)
    assert len(info.value.problems) == 1
    problem = info.value.problems[0]
    assert problem.startswith("line 4, column morning_pain: 4 differs from 3 on line 2")
    assert "2026-03-02" in problem
    assert counts() == (0, 0, 0)


def test_day_field_differing_from_the_journal_is_an_error(journal, tmp_path):
    svc.save_checkin(D1, {"morning_pain": 3, "sleep_hours": 7.0})
    before = snapshot()
    f = write(tmp_path / "c.csv", f"{HEADER}\n"
              "2026-03-02,,,,7,run,30,,,,,,,\n"
              "2026-03-02,4,,,,,,,,,,,,\n")
    with pytest.raises(CsvImportError) as info:
        import_csv(f)
    assert info.value.problems == [
        "line 3, column morning_pain: 4 differs from the journal's 3 for 2026-03-02"
    ]
    assert snapshot() == before


def test_empty_stored_day_field_is_filled(journal, tmp_path):
    svc.save_checkin(D1, {"morning_pain": 3})
    f = write(tmp_path / "c.csv", "date,morning_pain,swelling,notes\n2026-03-02,3,Mild,hello\n")
    report = import_csv(f)
    assert report.checkins_written == 1
    assert svc.get_checkin(D1)["swelling"] == "mild"
    assert svc.get_checkin(D1)["notes"] == "hello"
    assert svc.get_checkin(D1)["morning_pain"] == 3


def test_unknown_column_is_a_warning(journal, tmp_path):
    f = write(tmp_path / "u.csv", "date,morning_pain,mood\n2026-03-02,2,happy\n")
    report = import_csv(f)
    assert report.warnings == ["line 1, column mood: unknown column, ignored"]
    assert svc.get_checkin(D1)["morning_pain"] == 2


def test_bom_and_header_case_and_spaces(journal, tmp_path):
    f = write(tmp_path / "b.csv",
              " DATE ,Morning_Pain,  Activity,DURATION_MIN \r\n2026-03-02,2,run,30\r\n",
              bom=True)
    report = import_csv(f)
    assert report.warnings == []
    assert svc.get_checkin(D1)["morning_pain"] == 2
    assert [s["kind"] for s in svc.list_sessions(D1)] == ["run"]


def test_missing_date_column(journal, tmp_path):
    f = write(tmp_path / "n.csv", "day,morning_pain\n2026-03-02,2\n")
    with pytest.raises(CsvImportError) as info:
        parse_csv(f)
    assert info.value.problems[0].startswith("line 1, column date: the header has no date column")


def test_empty_and_non_utf8_files(journal, tmp_path):
    with pytest.raises(CsvImportError, match="empty"):
        parse_csv(write(tmp_path / "e.csv", ""))
    latin = tmp_path / "l.csv"
    latin.write_bytes("date,notes\n2026-03-02,caf\u00e9\n".encode("latin-1"))
    with pytest.raises(CsvImportError) as info:
        parse_csv(latin)
    assert info.value.problems[0].startswith("line 2: the file is not UTF-8")


def test_red_flags_are_added_not_replaced(journal, tmp_path):
    svc.set_red_flag(D1, "cannot_slr", True)
    f = write(tmp_path / "r.csv", 'date,red_flags\n2026-03-02," calf_dvt ;cannot_slr;"\n')
    report = import_csv(f)
    assert report.red_flags_added == 1
    assert svc.red_flags(D1) == {"cannot_slr", "calf_dvt"}


def test_pain_site_label_matches_or_creates_a_site(journal, tmp_path):
    site = svc.add_site("knee", "left")
    f = write(tmp_path / "p.csv", "date,activity,duration_min,pain_site\n"
              "2026-03-02,run,30,Left  Knee\n2026-03-02,walk,10,right hip (outer side)\n")
    import_csv(f)
    sessions = svc.list_sessions(D1)
    assert sessions[0]["site"] == site
    new = m.PainSite.get_by_id(sessions[1]["site"])
    assert (new.side, new.joint, new.area) == ("right", "hip", "outer side")


def test_export_leaves_no_partial_file(journal, tmp_path, monkeypatch):
    build_journal()
    target = tmp_path / "x.csv"
    target.write_text("old", encoding="utf-8")

    def boom(**_options):
        yield ["2026-03-02"] + [""] * (len(COLUMNS) - 1)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(csv_io, "_export_rows", boom)
    with pytest.raises(RuntimeError):
        export_csv(target)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal", "x.csv"]


def test_export_of_an_empty_journal_is_the_header(journal, tmp_path):
    out = tmp_path / "e.csv"
    assert export_csv(out) == 0
    assert out.read_bytes() == (",".join(COLUMNS) + "\r\n").encode()


def test_format_doc_lists_every_column_and_red_flag_code():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "csv-format.md").read_text("utf-8")
    from rehabjournal.domain.scales import RED_FLAGS

    for name in (*COLUMNS, *RED_FLAGS):
        assert f"`{name}`" in doc, name


# ---- next_morning_pain: the next day's morning pain (one value) ------------------------------

NM_HEADER = "date,morning_pain,activity,duration_min,next_morning_pain,pain_site"


def test_next_morning_pain_fills_the_next_days_morning_pain(journal, tmp_path):
    knee = svc.add_site("knee", "left", primary=True)
    f = write(tmp_path / "n.csv", f"{NM_HEADER}\n"
              "2026-03-02,3,run,30,2,\n"
              "2026-03-02,,rehab exercises,20,2,left knee\n"
              "2026-03-03,,cycle,40,1,right hip\n")
    report = import_csv(f)
    assert report.checkins_written == 2  # 2 March, 3 March (its morning pain from the run)
    assert svc.get_checkin(D2)["morning_pain"] == 2
    hip = next(s["id"] for s in svc.list_sites() if s["joint"] == "hip")
    assert svc.checkin_site_pains(D3) == {hip: 1}  # a further site: that morning's site pain
    assert svc.get_checkin(D3)["morning_pain"] is None
    assert "next_morning_pain" not in svc.list_sessions(D1)[0]
    assert svc.list_sessions(D1)[0]["site"] is None and knee
    # the same file again: nothing new, no conflict
    again = import_csv(f)
    assert (again.sessions_added, again.checkins_written, again.sessions_skipped) == (0, 0, 3)


def test_next_morning_pain_conflicts_are_problems_with_their_lines(journal, tmp_path):
    svc.add_site("knee", "left", primary=True)
    svc.save_checkin(D3, {"morning_pain": 4})
    before = snapshot()
    f = write(tmp_path / "n.csv", f"{NM_HEADER}\n"
              "2026-03-02,3,run,30,2,\n"                 # line 2
              "2026-03-02,,walk,20,3,\n"                 # line 3: differs from line 2
              "2026-03-03,1,cycle,30,2,\n"               # line 4: 3 March's own is 1: fine
              "2026-03-03,,,,,\n"                        # line 5
              "2026-03-01,,swim,30,4,left knee\n")       # line 6: 2 March's morning is 3
    with pytest.raises(CsvImportError) as info:
        import_csv(f)
    problems = info.value.problems
    assert problems[0].startswith("line 2, column next_morning_pain: 2 differs from "
                                  "morning_pain 1 on line 4 for the morning of 2026-03-03")
    assert problems[1].startswith("line 3, column next_morning_pain: 3 differs from 2 on "
                                  "line 2 for the morning of 2026-03-03")
    assert problems[2].startswith("line 4, column next_morning_pain: 2 differs from the "
                                  "journal's morning pain 4 for the morning of 2026-03-04")
    assert problems[3].startswith("line 6, column next_morning_pain: 4 differs from "
                                  "morning_pain 3 on line 2 for the morning of 2026-03-02")
    assert len(problems) == 4
    assert snapshot() == before


def test_next_morning_pain_needs_an_activity(journal, tmp_path):
    f = write(tmp_path / "n.csv", f"{NM_HEADER}\n2026-03-02,3,,,2,\n")
    with pytest.raises(CsvImportError) as info:
        import_csv(f)
    assert info.value.problems == ["line 2, column activity: the row has session values "
                                   "(next_morning_pain) but no activity"]


def test_export_writes_the_next_days_morning_pain(journal, tmp_path):
    knee = svc.add_site("knee", "left", primary=True)
    hip = svc.add_site("hip", "right")
    svc.add_session(D1, {"kind": "run", "minutes": 30, "site": knee})
    svc.add_session(D1, {"kind": "walk", "minutes": 20, "site": hip})
    svc.add_session(D2, {"kind": "cycle", "minutes": 40})
    svc.save_checkin(D2, {"morning_pain": 2})
    svc.set_checkin_site_pain(D2, hip, 5)
    out = tmp_path / "o.csv"
    export_csv(out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv_io.csv.DictReader(fh))
    assert [(r["date"], r["activity"], r["next_morning_pain"]) for r in rows] == [
        ("2026-03-02", "run", "2"), ("2026-03-02", "walk", "5"), ("2026-03-03", "cycle", "")]
