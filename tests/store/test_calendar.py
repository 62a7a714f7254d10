"""The programme calendar (iCalendar, RFC 5545): the days it holds, folding, escaping, UIDs.

Speed is measured by ``make bench`` (benchmarks/bench_calendar.py), not here.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehabjournal.domain import programme as dp
from rehabjournal.store import models as m
from rehabjournal.store import programme_io as io
from rehabjournal.store.library import sync_shipped_exercises
from rehabjournal.store.programme_repo import plan_for

START = date(2026, 3, 4)  # a Wednesday: weeks run Wednesday to Tuesday
STAMP = datetime(2026, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))


def _programme(name: str = "Knee plan", phases: list | None = None,
               start: date | None = START) -> int:
    """A programme of ``phases`` (name, weeks, deload, [(weekdays, days_per_week), ...])."""
    exercises = list(m.Exercise.select().order_by(m.Exercise.id).limit(4))
    prog = m.Programme.create(name=name, start_date=start)
    phases = phases if phases is not None else [
        ("Calm", 2, False, [("", 7), ("0,2,4", None)]),
        ("Empty", 1, False, []),
        ("Build", 3, False, [("", 3), ("1,5", None), ("", 2)]),
        ("Deload", 1, True, [("6", None)]),
        ("Long", 5, False, [("0,1,2,3,4,5,6", None)]),
    ]
    for position, (phase_name, weeks, deload, items) in enumerate(phases):
        phase = m.Phase.create(programme=prog, position=position, name=phase_name,
                               weeks=weeks, deload=deload)
        for n, (weekdays, per_week) in enumerate(items):
            m.Prescription.create(phase=phase, exercise=exercises[n % len(exercises)],
                                  position=n, sets=3, reps=10 + n, rest_s=60,
                                  weekdays=weekdays, days_per_week=per_week)
    return prog.id


@pytest.fixture
def library(journal):
    sync_shipped_exercises()


def _events(text: str) -> list:
    return list(icalendar.Calendar.from_ical(text.encode("utf-8")).walk("VEVENT"))


def _lines(text: str) -> list[bytes]:
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    return raw[:-2].split(b"\r\n")


# ---- which days -------------------------------------------------------------------------

@pytest.mark.parametrize("start, end", [
    (None, None),  # the whole programme
    (date(2026, 3, 9), date(2026, 4, 2)),  # from a Monday, to a Thursday within a phase
    (date(2026, 3, 17), date(2026, 3, 17)),  # one day of the empty phase: no event
    (date(2026, 1, 1), date(2027, 1, 1)),  # wider than the programme
    (date(2026, 5, 1), None),  # after the end
])
def test_the_events_are_the_days_the_plan_has_something_due(library, start, end):
    programme = _programme()
    plan = plan_for(programme)
    expected = dp.due_days(plan, start, end)
    events = _events(io.calendar_text(programme, dtstamp=STAMP, start=start, end=end))
    assert [e.decoded("DTSTART") for e in events] == [day for day, _ in expected]
    assert [str(e.get("SUMMARY")) for e in events] == [
        f"Rehab exercises ({len(items)}): Knee plan" for _, items in expected]
    phases = [dp.phase_on(plan, day) for day, _ in expected]
    names = {p.id: p.name for p in m.Phase.select()}
    assert [str(e.get("DESCRIPTION")).split("\n")[0] for e in events] == [
        names[p.id] + (" (deload)" if p.deload else "") for p in phases]
    assert [len(str(e.get("DESCRIPTION")).split("\n")) - 1 for e in events] == [
        len(items) for _, items in expected]


def test_a_programme_without_a_start_date_or_phases_has_no_events_but_is_a_calendar(library):
    for programme in (_programme(start=None), _programme(phases=[])):
        text = io.calendar_text(programme, dtstamp=STAMP)
        assert _events(text) == []
        assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")


def test_the_journal_last_day_ends_the_calendar_even_within_a_phase(library):
    programme = _programme(phases=[("All", 10, False, [("", 7)])], start=date(2100, 12, 1))
    days = [e.decoded("DTSTART") for e in _events(io.calendar_text(programme))]
    assert days == [date(2100, 12, 1) + timedelta(days=k) for k in range(31)]


# ---- RFC 5545 details -------------------------------------------------------------------

NASTY = "Knee \\ plan; v2, \"quoted\"\r\nline two\rlone CR\nLF\ttab\x00nul\x7fdel 膝盖 🏃💪 مرحبا"
NASTY_READ = "Knee \\ plan; v2, \"quoted\"\nline two\nlone CR\nLF\ttabnuldel 膝盖 🏃💪 مرحبا"


def test_a_calendar_with_every_awkward_character_follows_rfc_5545(library):
    """Names with every character TEXT escapes, line breaks of every kind, control
    characters, CJK, emoji and Arabic, long enough to be folded many times."""
    programme = _programme(name=NASTY)
    phase = m.Phase.select().where(m.Phase.programme == programme).first()
    phase.name = NASTY * 3
    phase.save()
    m.Exercise.update(name=NASTY).execute()
    text = io.calendar_text(programme, dtstamp=STAMP)

    lines = _lines(text)
    assert all(len(line) <= 75 for line in lines)  # octets
    for line in lines:
        line.decode("utf-8")  # no character cut in two
        assert b"\r" not in line and b"\n" not in line  # CRLF only between lines
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line)  # no control but tab
    unfolded = text.replace("\r\n ", "").split("\r\n")[:-1]
    assert len(unfolded) < len(lines)  # folding happened
    assert unfolded[:6] == ["BEGIN:VCALENDAR", "VERSION:2.0",
                            "PRODID:-//rehabjournal//programme calendar//EN",
                            "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                            "X-WR-CALNAME:" + io.ics_escape(NASTY)]
    # dates are all-day DATEs (floating): no time zone needed, none given
    assert "VTIMEZONE" not in text and "TZID" not in text
    assert all(re.fullmatch(r"DT(START|END);VALUE=DATE:\d{8}", x)
               for x in unfolded if x.startswith(("DTSTART", "DTEND")))
    # the stamp is in UTC, whatever zone it was given in
    assert {x for x in unfolded if x.startswith("DTSTAMP")} == {"DTSTAMP:20260301T103000Z"}

    # (icalendar keeps an X- property raw; the name is read back from SUMMARY below)
    first = _events(text)[0]
    assert str(first.get("SUMMARY")) == f"Rehab exercises (2): {NASTY_READ}"
    description = str(first.get("DESCRIPTION"))
    assert description.startswith(NASTY_READ * 3 + "\n- " + NASTY_READ + ": 3 x 10 (rest 60 s)")
    assert first.decoded("DTSTAMP") == datetime(2026, 3, 1, 10, 30, tzinfo=UTC)


def _cuts(folded: str) -> list[int]:
    """Where, in the unfolded line, the folds cut (character offsets)."""
    parts = folded.split("\r\n ")
    offsets, at = [], 0
    for part in parts[:-1]:
        at += len(part)
        offsets.append(at)
    return offsets


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\\;,\n\rab é€😀膝")), max_size=300),
       st.integers(0, 20))
def test_folding_never_cuts_a_character_or_an_escape(value, indent):
    line = "DESCRIPTION:" + "x" * indent + io.ics_escape(value)
    folded = io.fold_line(line)
    assert folded.replace("\r\n ", "") == line
    parts = folded.encode("utf-8").split(b"\r\n")
    assert len(parts[0]) <= 75 and all(len(p) <= 75 and p[:1] == b" " for p in parts[1:])
    # every part but the last is full, as far as a whole character or escape allows
    assert all(len(p) >= 75 - 5 for p in parts[:-1])
    escape_seconds = set()  # offsets of the second character of each escape
    i = line.index(":") + 1
    while i < len(line):
        if line[i] == "\\":
            escape_seconds.add(i + 1)
            i += 2
        else:
            i += 1
    assert not escape_seconds & set(_cuts(folded))


def test_folding_examples():
    # a cut would fall after 75 octets of "DESCRIPTION:" + 63 x "a": inside an escape
    line = "DESCRIPTION:" + "a" * 62 + "\\;" + "b" * 20
    assert io.fold_line(line) == "DESCRIPTION:" + "a" * 62 + "\r\n \\;" + "b" * 20
    # a run of escaped backslashes: cut between pairs
    line = "DESCRIPTION:" + "\\\\" * 40
    assert io.fold_line(line).split("\r\n ")[0] == "DESCRIPTION:" + "\\\\" * 31
    # a 4-octet character across octet 75 goes whole to the next line
    line = "DESCRIPTION:" + "a" * 61 + "😀" + "b"
    assert io.fold_line(line) == "DESCRIPTION:" + "a" * 61 + "\r\n 😀b"
    assert io.fold_line("SUMMARY:" + "a" * 67) == "SUMMARY:" + "a" * 67  # 75: not folded


def test_uids_are_unique_across_phases_programmes_and_days_and_stable(library):
    one, two = _programme(), _programme()
    first = [str(e.get("UID")) for e in _events(io.calendar_text(one, dtstamp=STAMP))]
    second = [str(e.get("UID")) for e in _events(io.calendar_text(two, dtstamp=STAMP))]
    assert len(set(first)) == len(first) > 30 and len(set(second)) == len(second)
    assert not set(first) & set(second)
    journal = io.journal_id()
    assert all(re.fullmatch(rf"rehabjournal-{journal}-programme-{one}-\d{{8}}"
                            r"@rehabjournal\.local", u) for u in first)
    m.Phase.update(name="Renamed").execute()  # a changed plan updates the same events
    later = datetime(2026, 4, 1, tzinfo=UTC)
    assert [str(e.get("UID")) for e in _events(io.calendar_text(one, dtstamp=later))] == first
