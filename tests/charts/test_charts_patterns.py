"""The patterns chart with hand-made reports: flares as bars, a finding's factor days moved
by its lag as dots, filled where a flare began then (the finding's "a")."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.colors import same_color

from rehabjournal.charts import DARK, LIGHT
from rehabjournal.charts.patterns import (
    NO_FINDING,
    NO_FLARES,
    PatternsChart,
    patterns_figure,
)
from rehabjournal.domain.flares import Finding, FlareEpisode, PatternReport
from rehabjournal.domain.stats import risk_ratio

S = date(2026, 1, 5)
E = S + timedelta(days=55)
SHORT = tuple(S + timedelta(days=i) for i in (3, 10, 17, 30, 44, 50))
# a flare began 2 days after the first four short nights; two flares came on their own
EPISODES = tuple(sorted(
    [FlareEpisode(d + timedelta(days=2), d + timedelta(days=3), 6, False) for d in SHORT[:4]]
    + [FlareEpisode(S + timedelta(days=25), S + timedelta(days=25), 0, True),
       FlareEpisode(S + timedelta(days=38), S + timedelta(days=39), 5, False)],
    key=lambda e: e.start))


def _finding(lag: int = 2, a: int = 4, b: int = 2, c: int = 2, d: int = 44) -> Finding:
    rr, lo, hi = risk_ratio(a, b, c, d)
    return Finding("short_sleep", "Sleep under 6 h", lag, a, b, c, d, rr, lo, hi, 0.001,
                   0.01, f"Flares began more often {lag} days after a night under 6 h of "
                   f"sleep: after {a} of {a + b} such nights, against {c} of {c + d} other "
                   "nights.")


def _report(findings=(), episodes=EPISODES, possible=frozenset()) -> PatternReport:
    return PatternReport(S, E, episodes, 12, tuple(findings), (), 0.10, 2, 6.0, None,
                         {"short_sleep": SHORT, "stress": ()}, possible_starts=possible)


def test_factor_days_are_moved_by_the_lag_and_filled_where_a_flare_began():
    from matplotlib.dates import date2num

    finding = _finding()
    chart = PatternsChart()
    chart.update(_report([finding]), finding)
    xs = [float(x) for x, _y in chart.dots.get_offsets()]
    assert xs == [float(date2num(d + timedelta(days=2))) for d in SHORT]
    assert chart.hits() == finding.a == 4  # the chart shows what the table counted
    assert len(chart.links.get_segments()) == 4
    faces = chart.dots.get_facecolor()
    assert [same_color(c, LIGHT.morning) for c in faces] == [True] * 4 + [False] * 2
    assert all(same_color(c, LIGHT.axes_bg) for c in faces[4:])  # hollow: no flare began
    assert len(chart.bars.get_paths()) == len(EPISODES)
    title = chart.ax.get_title(loc="left")
    assert "2 days" in title and "Sleep under 6 h" in title and "caus" not in title
    legend = [t.get_text() for t in chart.legend.get_texts()]
    assert legend == ["a flare began 2 days later (4)", "no flare began 2 days later (2)",
                      "flare"]
    assert not chart.empty.get_visible() and not chart.no_finding.get_visible()


def test_days_the_table_did_not_count_are_grey_crosses():
    from matplotlib.dates import date2num

    finding = _finding(a=4, b=1)
    days = [S + timedelta(days=i) for i in range(56)]
    inside = {SHORT[4] + timedelta(days=2)}  # say a flare was already on that day
    possible = frozenset(d for d in days if d not in inside)
    chart = PatternsChart()
    chart.update(_report([finding], possible=possible), finding)
    assert [state for _d, _s, state in chart.moved] == [
        "hit", "hit", "hit", "hit", "not counted", "miss"]
    legend = [t.get_text() for t in chart.legend.get_texts()]
    assert legend[:2] == ["a flare began 2 days later (4)", "no flare began 2 days later (1)"]
    assert legend[2].startswith("not counted") and legend[2].endswith("(1)")
    assert same_color(chart.dots.get_edgecolor()[4], LIGHT.muted)
    x = float(date2num(SHORT[4] + timedelta(days=2)))
    assert "not counted" in chart.describe(x, 1.0, chart.ax)
    # the counts the finding gives are the filled and the hollow dots
    assert (chart.count("hit"), chart.count("miss")) == (finding.a, finding.b)


def test_another_lag_moves_the_same_days_elsewhere():
    chart = PatternsChart()
    finding = _finding(lag=1, a=0, b=6, c=6, d=40)
    chart.update(_report([finding]), finding)
    assert chart.hits() == 0 and len(chart.links.get_segments()) == 0
    assert "1 day " in chart.ax.get_title(loc="left")


def test_hover_says_what_followed_and_what_the_flare_was():
    from matplotlib.dates import date2num

    finding = _finding()
    chart = PatternsChart()
    chart.update(_report([finding]), finding)
    hit = float(date2num(SHORT[0] + timedelta(days=2)))
    text = chart.describe(hit, 1.0, chart.ax)
    assert text.startswith("Sleep under 6 h on Thu 8 Jan 2026")
    assert "a flare began 2 days later (Sat 10 Jan 2026)" in text
    miss = float(date2num(SHORT[5] + timedelta(days=2)))
    assert "no flare began 2 days later" in chart.describe(miss, 1.0, chart.ax)
    flare = chart.describe(hit + 1, 0.0, chart.ax)
    assert flare.splitlines() == ["Flare: Sat 10 Jan 2026 to Sun 11 Jan 2026",
                                  "Worst morning pain 6/10"]
    marked = chart.describe(float(date2num(S + timedelta(days=25))), 0.0, chart.ax)
    assert marked.splitlines() == ["Flare: Fri 30 Jan 2026", "You marked it as a flare"]
    assert chart.describe(hit - 10, 0.0, chart.ax) is None


def test_without_a_finding_only_the_flares_and_without_flares_says_so():
    chart = PatternsChart()
    chart.update(_report(), None)
    assert len(chart.dots.get_offsets()) == 0 and chart.legend is None
    assert chart.no_finding.get_visible() and chart.no_finding.get_text() == NO_FINDING
    assert len(chart.bars.get_paths()) == len(EPISODES)
    chart.update(_report(episodes=()), None)
    assert chart.empty.get_visible() and chart.empty.get_text() == NO_FLARES
    assert len(chart.bars.get_paths()) == 0


def test_theme_change_recolours_in_place():
    finding = _finding()
    chart = PatternsChart()
    chart.update(_report([finding]), finding)
    dots = chart.dots
    chart.set_theme(DARK)
    assert chart.dots is dots
    assert same_color(chart.bars.get_facecolor()[0], DARK.during)
    assert all(same_color(c, DARK.morning) for c in chart.dots.get_edgecolor())
    assert same_color(chart.dots.get_facecolor()[-1], DARK.axes_bg)
    assert same_color(chart.figure.get_facecolor(), DARK.figure_bg)
    assert same_color(chart.factor_label.get_color(), DARK.fg)


def test_figure_for_export():
    finding = _finding()
    fig = patterns_figure(_report([finding]), finding)
    assert len(fig.axes) == 1
