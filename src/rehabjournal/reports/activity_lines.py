"""The notes under the PDF's load chart on sessions from watch and app files (issue 20):
how many sessions are not rated yet (no effort: their minutes count, their session-RPE load
is not known, ``services.summary.unrated_note``), and the heart-rate load (Banister TRIMP)
of the last whole week beside its session-RPE load, as another estimate; when that week
holds sessions not rated, its session-RPE load is said to be incomplete, never a number
that reads as the week's. (Page one has no room for them: a French page one already shortens its
first chart to the least it may.)

The figures come with the charts' data (``ReportData.progress``: its ``trimp``, ``hr_set``
and ``unrated``, read by ``services.progress``), never from the journal here: the PDF is
built after the worker's connection is closed. Without them (or with no heart-rate load in
the period) the lines are left out.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from ..charts.load import HeartRateLoad
from ..i18n import _, format_number, ngettext
from ..services.report import ReportData
from ..services.summary import UNRATED_RULES, fmt_span, unrated_head
from . import styles as st


def last_whole_week(days: list[date]) -> tuple[int, int] | None:
    """(first index, last index + 1) in ``days`` of the last calendar week (Monday to
    Sunday) whose seven days are all in ``days`` (consecutive dates), or None."""
    if len(days) < 7:
        return None
    end = len(days)
    while end >= 7:
        first = end - 7
        if days[first].weekday() == 0:
            return first, end
        end -= 1
    return None


def _unrated_on(progress, first: date, last: date) -> int:
    """Sessions without an effort from ``first`` to ``last`` (the period summary's days;
    without a summary, the period's count, erring towards "not complete")."""
    summary = getattr(progress, "summary", None)
    if summary is None:
        return HeartRateLoad.of(progress).unrated
    return sum(d.unrated for d in summary.days if first <= d.day <= last)


def heart_rate_line(data: ReportData) -> str | None:
    """"<b>Heart-rate load (Banister TRIMP, another estimate):</b> 245 AU in the week
    9-15 Mar, beside 1,200 AU of session RPE, the primary load." (the whole period when it
    has no whole week), or None when the heart rates are not set or the period has no
    session with heart rate.

    When sessions of that week have no effort, its session-RPE load is not known: "... in
    the week 9-15 Mar; its session-RPE load, the primary load, is not complete: 2 sessions
    not rated (570 AU from the rated ones)." ("is not known" when none is rated)."""
    progress = data.progress
    if progress is None:
        return None
    heart = HeartRateLoad.of(progress)
    if not heart.hr_set or not heart.has_trimp or len(heart.trimp) != len(progress.days):
        return None
    days = list(progress.days)
    week = last_whole_week(days)
    first, end = week if week is not None else (0, len(days))
    trimp = sum(v or 0.0 for v in heart.trimp[first:end])
    srpe = sum(progress.loads[first:end])
    label = _("<b>Heart-rate load (Banister TRIMP, another estimate):</b>")
    unrated = _unrated_on(progress, days[first], days[end - 1])
    if unrated:
        return label + " " + escape(_incomplete(week is not None, unrated, srpe).format(
            trimp=format_number(trimp, 0), srpe=format_number(srpe, 0), n=unrated,
            span=fmt_span(days[first], days[end - 1])))
    if week is not None:
        text = _("{trimp} AU in the week {span}, beside {srpe} AU of session RPE, the "
                 "primary load.")
    else:
        text = _("{trimp} AU over the period {span}, beside {srpe} AU of session RPE, the "
                 "primary load.")
    return label + " " + escape(text.format(
        trimp=format_number(trimp, 0), srpe=format_number(srpe, 0),
        span=fmt_span(days[first], days[end - 1])))


def _incomplete(week: bool, n: int, srpe: float) -> str:
    """The heart-rate line's text when ``n`` sessions of its days have no effort."""
    if week and not srpe:
        return ngettext("{trimp} AU in the week {span}; its session-RPE load, the primary "
                        "load, is not known: {n} session not rated.",
                        "{trimp} AU in the week {span}; its session-RPE load, the primary "
                        "load, is not known: {n} sessions not rated.", n)
    if week:
        return ngettext("{trimp} AU in the week {span}; its session-RPE load, the primary "
                        "load, is not complete: {n} session not rated ({srpe} AU from the "
                        "rated ones).",
                        "{trimp} AU in the week {span}; its session-RPE load, the primary "
                        "load, is not complete: {n} sessions not rated ({srpe} AU from the "
                        "rated ones).", n)
    if not srpe:
        return ngettext("{trimp} AU over the period {span}; its session-RPE load, the "
                        "primary load, is not known: {n} session not rated.",
                        "{trimp} AU over the period {span}; its session-RPE load, the "
                        "primary load, is not known: {n} sessions not rated.", n)
    return ngettext("{trimp} AU over the period {span}; its session-RPE load, the primary "
                    "load, is not complete: {n} session not rated ({srpe} AU from the rated "
                    "ones).",
                    "{trimp} AU over the period {span}; its session-RPE load, the primary "
                    "load, is not complete: {n} sessions not rated ({srpe} AU from the rated "
                    "ones).", n)


def unrated_line(data: ReportData) -> str | None:
    """"<b>2 sessions have no effort (not rated yet): their minutes count, their load is
    not known.</b> A load marked ..." for the sessions of the
    period without an effort (from files or typed), or None when there is none."""
    if data.progress is None:
        return None
    head = unrated_head(HeartRateLoad.of(data.progress).unrated)
    if not head:
        return None
    return f"<b>{escape(head)}</b> {escape(_(UNRATED_RULES))}"


def activity_lines(data: ReportData) -> list[str]:
    """The lines above, those that apply (paragraph markup)."""
    return [line for line in (unrated_line(data), heart_rate_line(data)) if line]


def activity_notes(data: ReportData) -> list[Flowable]:
    """``activity_lines`` as paragraphs, for under the load chart."""
    style = st.stylesheet()["cell"]
    return [Paragraph(line, style) for line in activity_lines(data)]
