"""The PDF on sessions from watch and app files (issue 20), under its load chart: how many
are not rated yet (their minutes count, their load is not known), and the heart-rate load
(Banister TRIMP) of the last whole week beside its session-RPE load (said to be incomplete
when that week holds a session not rated), read back from the PDF's text with pypdf."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

import pypdf
import pytest

END = date(2026, 3, 17)  # a Tuesday: the last whole week is Mon 9 - Sun 15 Mar
START = END - timedelta(days=27)


def imported(day: date, start: time, minutes: int, *, avg_hr: int | None = None,
             rpe: int | None = None) -> int:
    """A session as an activity import makes it (linked to an activity_file row)."""
    from rehabjournal.store import journal_repo
    from rehabjournal.store import models as m

    f = m.ActivityFile.create(sha256=f"{day}{start}", name="run.fit", format="fit")
    return journal_repo.append_session(day, {
        "kind": "run", "minutes": minutes, "rpe": rpe, "source": "file",
        "activity_file": f.id, "sport": "running", "start_time": start,
        "moving_s": minutes * 60, "elapsed_s": minutes * 60, "avg_hr": avg_hr,
    })


@pytest.fixture
def with_files(journal):
    """A month of hand-typed sessions with an effort, and sessions from files: two in the
    period without an effort, one before the period without one, two with heart rate in
    the week of 9-15 Mar (one rated)."""
    from rehabjournal.services import journal as js

    js.save_profile({"name": "Test Person", "condition": "patellofemoral_pain",
                     "joint": "knee", "side": "left"})
    js.add_site("knee", "left", "", primary=True)
    for i in range(0, 28, 2):
        day = START + timedelta(days=i)
        js.add_session(day, {"kind": "cycle", "minutes": 30, "rpe": 3, "pain_during": 1})
        js.save_checkin(day, {"morning_pain": 2})
    imported(date(2026, 3, 11), time(7, 0), 60, avg_hr=150, rpe=5)  # TRIMP 108.1
    imported(date(2026, 3, 13), time(7, 0), 42, avg_hr=148)  # unrated; TRIMP 72.1
    imported(date(2026, 2, 25), time(18, 0), 35)  # unrated, no heart rate
    imported(START - timedelta(days=3), time(8, 0), 50)  # unrated, before the period
    return journal


def set_heart_rates(rest: int, top: int) -> None:
    from rehabjournal.services import settings

    settings.edit({"hr.rest": rest, "hr.max": top})


def pdf_text(tmp_path) -> str:
    from rehabjournal.reports.builder import build_pdf
    from rehabjournal.services.report import build_report_data

    data = build_report_data(START, END, made=date(2026, 3, 18))
    out = tmp_path / "report.pdf"
    build_pdf(data, out)
    reader = pypdf.PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def test_the_unrated_sentence_counts_the_periods_sessions(with_files, tmp_path):
    set_heart_rates(50, 190)
    text = pdf_text(tmp_path)
    assert ("2 sessions have no effort (not rated yet): their minutes count, their load is "
            "not known.") in text
    # heart-rate load beside session RPE, the week of 9-15 Mar:
    # TRIMP (Banister, men's weighting, rest 50, max 190; hand check in
    # tests/charts/test_charts_load_trimp.py) 108.1 + 72.1 = 180.2 -> 180 AU;
    # session RPE 60 x 5 (the rated file) + 30 x 3 on 10, 12 and 14 Mar = 570 AU, but the
    # 42-min run of 13 Mar has no effort: the week's session-RPE load is not known
    assert ("Heart-rate load (Banister TRIMP, another estimate): 180 AU in the week "
            "9-15 Mar; its session-RPE load, the primary load, is not complete: 1 session "
            "not rated (570 AU from the rated ones).") in text
    assert "beside 570 AU" not in text
    # once rated (effort 4: 168 AU), the week's load is known: 738 AU
    from rehabjournal.services import activities
    from rehabjournal.services import journal as js

    [row] = [r for r in activities.unrated_sessions(START) if r["day"] == date(2026, 3, 13)]
    js.update_session(row["id"], {"rpe": 4})
    assert ("Heart-rate load (Banister TRIMP, another estimate): 180 AU in the week "
            "9-15 Mar, beside 738 AU of session RPE, the primary load.") in pdf_text(tmp_path)


def test_without_heart_rates_no_trimp_line_and_one_unrated(with_files, tmp_path):
    from rehabjournal.services import activities
    from rehabjournal.services import journal as js

    rows = activities.unrated_sessions(START)
    assert len(rows) == 2
    js.update_session(rows[0]["id"], {"rpe": 4})
    text = pdf_text(tmp_path)
    assert ("1 session has no effort (not rated yet): its minutes count, its load is not "
            "known.") in text
    assert "Banister TRIMP" not in text


def test_nothing_said_when_every_session_is_rated(journal, tmp_path):
    from rehabjournal.services import journal as js

    js.save_profile({"name": "Test Person"})
    js.add_session(END, {"kind": "run", "minutes": 30, "rpe": 4})
    text = pdf_text(tmp_path)
    assert "not rated yet" not in text
    assert "Banister TRIMP" not in text
