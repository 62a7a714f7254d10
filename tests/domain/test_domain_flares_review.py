"""The pattern finder's review fixes: a lasting rise is the new usual (not one endless
flare), a flare already running when the journal is read has no known start, a custom
factor named like a built-in kind still counts, findings need a risk-ratio interval above 1,
and "more days" counts days with entries."""

from __future__ import annotations

from datetime import date, timedelta

from rehabjournal.domain import flares
from rehabjournal.domain.entities import CheckIn, DayRecord, Event, Journal

START = date(2026, 1, 5)


def journal(pains: list[int | None], events: dict[int, list[Event]] | None = None,
            start: date = START) -> Journal:
    days = {}
    for i, pain in enumerate(pains):
        d = start + timedelta(days=i)
        evs = tuple((events or {}).get(i, ()))
        days[d] = DayRecord(d, CheckIn(d, morning_pain=pain) if pain is not None else None,
                            (), (), evs)
    return Journal(days)


def test_a_lasting_rise_becomes_the_new_usual_and_later_spikes_are_flares():
    pains = [2] * 20 + [4] * 60
    for spike in (40, 55, 70):
        pains[spike] = 7
    j = journal(pains)
    eps = flares.episodes_of(flares.flare_statuses(j, START, START + timedelta(days=79)), j)
    first = eps[0]
    assert first.start == START + timedelta(days=20)
    assert (first.end - first.start).days < flares.ANCHOR_DAYS  # not to the end of the rise
    assert [e.start for e in eps[1:]] == [START + timedelta(days=d) for d in (40, 55, 70)]


def test_a_flare_running_before_the_days_read_is_not_a_start():
    marked = {i: [Event(START + timedelta(days=i), "flare")] for i in range(120)}
    j = journal([3] * 120, marked)
    report = flares.find_patterns(j, START + timedelta(days=60), START + timedelta(days=119))
    assert report.flares_started == 0


def test_a_custom_factor_named_like_a_built_in_kind_counts_both():
    pains = [1] * 100
    events: dict[int, list[Event]] = {}
    for k in range(12):
        day = 5 + 7 * k
        events.setdefault(day, []).append(
            Event(START + timedelta(days=day), "custom", "Injection"))
        pains[day + 2] = 5
    events.setdefault(90, []).append(Event(START + timedelta(days=90), "injection"))
    report = flares.find_patterns(journal(pains, events), START, START + timedelta(days=99),
                                  custom_event_kinds=["Injection"])
    assert any(f.factor == "custom:injection" and f.lag == 2 for f in report.findings)


def test_every_finding_has_an_interval_above_one():
    pains = [1] * 90
    events: dict[int, list[Event]] = {}
    for k in range(7):
        day = 3 + 12 * k
        events.setdefault(day, []).append(Event(START + timedelta(days=day), "custom", "X"))
        pains[day + 1] = 5
    report = flares.find_patterns(journal(pains, events), START, START + timedelta(days=89),
                                  custom_event_kinds=["X"])
    assert all(f.ci_low > 1 for f in report.findings)


def test_more_days_counts_days_with_entries_not_the_calendar():
    pains = [1] * 35
    pains[10] = pains[25] = 5
    events = {d: [Event(START + timedelta(days=d), "custom", "X")] for d in (8, 15, 23)}
    j = journal(pains, events)
    short = flares.find_patterns(j, START, START + timedelta(days=34), custom_event_kinds=["X"])
    long = flares.find_patterns(j, START - timedelta(days=400), START + timedelta(days=400),
                                custom_event_kinds=["X"])
    assert short.more_days_needed is not None
    assert long.more_days_needed == short.more_days_needed


def test_a_period_without_entries_says_so():
    j = journal([1] * 30)
    report = flares.find_patterns(j, START + timedelta(days=200), START + timedelta(days=283))
    assert report.summary.startswith("No morning was rated in this period")


def test_a_custom_label_named_like_a_built_in_kind_is_one_factor_not_two():
    events = {d: [Event(START + timedelta(days=d), "custom", "Injection")] for d in (5, 12)}
    events[20] = [Event(START + timedelta(days=20), "injection")]
    report = flares.find_patterns(journal([1] * 40, events), START, START + timedelta(days=39),
                                  custom_event_kinds=["Injection"])
    keys = set(report.labels)
    assert "custom:injection" in keys and "event:injection" not in keys
