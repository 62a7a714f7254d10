"""The notes under the PDF's load chart on sessions from watch and app files (issue 20):
how many are not rated yet (their minutes count, their session-RPE load does not), and the
heart-rate load (Banister TRIMP) of the last whole week beside its session-RPE load, as
another estimate. (Page one has no room for them: a French page one already shortens its
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

from ..charts.load import HeartRateLoad, unrated_text
from ..i18n import _, format_number
from ..services.report import ReportData
from ..services.summary import fmt_span
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


def heart_rate_line(data: ReportData) -> str | None:
    """"<b>Heart-rate load (Banister TRIMP, another estimate):</b> 245 AU in the week
    9-15 Mar, beside 1,200 AU of session RPE, the primary load." (the whole period when it
    has no whole week), or None when the heart rates are not set or the period has no
    session with heart rate."""
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
    if week is not None:
        text = _("{trimp} AU in the week {span}, beside {srpe} AU of session RPE, the "
                 "primary load.")
    else:
        text = _("{trimp} AU over the period {span}, beside {srpe} AU of session RPE, the "
                 "primary load.")
    return label + " " + escape(text.format(
        trimp=format_number(trimp, 0), srpe=format_number(srpe, 0),
        span=fmt_span(days[first], days[end - 1])))


def unrated_line(data: ReportData) -> str | None:
    """"<b>2 sessions not rated yet: their minutes count, their load does not.</b>" for
    the sessions from files in the period without an effort, or None when there is none."""
    if data.progress is None:
        return None
    text = unrated_text(HeartRateLoad.of(data.progress).unrated)
    return f"<b>{escape(text)}</b>" if text else None


def activity_lines(data: ReportData) -> list[str]:
    """The lines above, those that apply (paragraph markup)."""
    return [line for line in (unrated_line(data), heart_rate_line(data)) if line]


def activity_notes(data: ReportData) -> list[Flowable]:
    """``activity_lines`` as paragraphs, for under the load chart."""
    style = st.stylesheet()["cell"]
    return [Paragraph(line, style) for line in activity_lines(data)]
