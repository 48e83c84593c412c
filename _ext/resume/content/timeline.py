"""The ``timeline`` directive's content: a chart node holding the options and
a link per page drawn, then the same entries as a list.

The chart's layout is computed when a writer draws it
(:func:`resume.writers.chart.chart_layout`), from the records as they are
then; the node keeps only option values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from resume.core.career import SHOW
from resume.core.dates import Period, format_month, format_period
from resume.draw.timeline import chronological
from resume.sphinx_ext.blocks import bullets, para
from resume.sphinx_ext.nodes import timeline_chart, timeline_list

if TYPE_CHECKING:
    from resume.core.career import TimelineItem
    from resume.sphinx_ext.links import Links


def _shown(items: list[TimelineItem], start: int | None, end: int | None) -> list[TimelineItem]:
    return [i for i in chronological(items) if (start is None or i.end >= start) and (end is None or i.start <= end)]


def build_timeline(links: Links, options: dict[str, Any], uid: str) -> list[nodes.Node]:
    show = tuple(options.get("show", SHOW))
    employer, start, end = options.get("employer"), options.get("from"), options.get("to")
    shown = _shown(links.career.timeline_items(show, employer), start, end)
    if not shown:
        return [para("No dated positions or projects to show.", classes=["resume-empty"])]
    first = max(min(i.start for i in shown), start if start is not None else -1)
    last = min(max(i.end for i in shown), end if end is not None else 10**9)
    title = f"Career timeline, {format_month(first)} to {format_month(last)}"
    desc = f"{len(shown)} entries on a time axis, colored by kind of engagement; the same entries follow as a list."
    bounds = {key: value for key, value in (("employer", employer), ("start", start), ("end", end)) if value}
    chart = timeline_chart(
        "",
        *(links.page(docname, docname) for docname in sorted({i.docname for i in shown})),
        show=list(show),
        title=title,
        desc=desc,
        uid=uid,
        **bounds,
    )
    entries = [para(links.page(i.docname, i.label), f", {i.group}: {_when(i)}") for i in shown]
    listing = timeline_list("", bullets(entries), summary="The timeline as a list")
    return [chart, listing]


def _when(item: TimelineItem) -> str:
    """The item's period; an ongoing one says the month it is drawn up to."""
    return format_period(Period(item.start, item.end, item.ongoing))
