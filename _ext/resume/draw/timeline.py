"""Lay out a career timeline: lanes, clipped bars and year ticks.

Pure Python with no Sphinx import; :mod:`resume.draw.geometry` turns a
:class:`TimelineLayout` into a drawing that the SVG and TikZ renderers share.

Units.  Months are integers, ``year * 12 + (month - 1)``; an item's ``end`` is
inclusive, so a bar covers the half-open range ``[start, end + 1)``.  Text is
measured in em against a plot ``PLOT_WIDTH_EM`` wide, the width the drawing
uses, so the room kept here for labels is the room they get there.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from resume.core.career import PROJECT_TONE, TimelineItem
from resume.core.model import ENGAGEMENTS
from resume.draw.labels import LABEL_GAP_EM, LABEL_PAD_EM, bar_text, text_width_em

#: Width of the plotting area, in em of the label font.
PLOT_WIDTH_EM = 52.0
#: Closest two year ticks may be: a four-digit label (estimated at 2.8 em)
#: plus a clear gap.
TICK_MIN_SPACING_EM = 3.0
#: Candidate tick steps in years; the first one wide enough wins.
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
#: A position holding this many other positions' spans is an umbrella role.
UMBRELLA_MIN_HELD = 2
#: What is drawn beyond a mark's months: an arrowhead for an ongoing or
#: clipped end, half a diamond for a short project (see resume.draw.geometry).
ARROW_EM = 0.55
DIAMOND_EM = 0.8


@dataclass(frozen=True)
class Bar:
    """An item as drawn: its lane and its dates clipped to the window."""

    item: TimelineItem
    lane: int  # global lane number, 0 at the top; position lanes come first
    start: int  # clipped, inclusive
    end: int  # clipped, inclusive
    clipped_start: bool  # the item began before the window
    clipped_end: bool  # the item ended after the window
    label_left: bool  # the label is kept room for left of the mark, not right

    @property
    def clipped(self) -> bool:
        return self.clipped_start or self.clipped_end


@dataclass(frozen=True)
class TimelineLayout:
    """Everything a drawing needs; only ints, strs, bools and tuples inside."""

    month_start: int  # first month shown (inclusive)
    month_end: int  # last month shown (inclusive)
    position_lanes: int
    project_lanes: int
    bars: tuple[Bar, ...]  # sorted by (lane, start, end, label, docname)
    ticks: tuple[int, ...]  # month indices of the January of each labelled year
    tick_step: int  # years between ticks
    tones: tuple[str, ...]  # the tones drawn, in legend order

    @property
    def lanes(self) -> int:
        return self.position_lanes + self.project_lanes

    @property
    def months(self) -> int:
        """Number of months on the axis (0 for an empty layout)."""
        return self.month_end - self.month_start + 1 if self.bars else 0

    @property
    def is_empty(self) -> bool:
        return not self.bars


def chronological(items: Iterable[TimelineItem]) -> list[TimelineItem]:
    """Newest first by start, then by end; ties broken by label and docname."""
    ordered = sorted(items, key=lambda i: (i.label, i.docname, i.group, i.kind))
    # Stable second sort: descending dates over the ascending tie-breakers.
    return sorted(ordered, key=lambda i: (i.start, i.end), reverse=True)


# --------------------------------------------------------------------------
# Layout


def layout_timeline(
    items: Sequence[TimelineItem], *, start: int | None = None, end: int | None = None
) -> TimelineLayout:
    """Assign lanes and ticks; deterministic and O(n log n).

    ``start`` and ``end`` bound the window shown; either may be left out, and
    the items' own dates bound that side.

    Ordinary jobs are packed by greedy interval partitioning.  "Umbrella"
    roles, positions whose span holds the whole spans of two or more other
    positions (a long-running open-source committer role beside a series of
    jobs), each get a lane of their own below the jobs: packed with them, such
    a role would share a lane with whatever ended before it started, which
    reads as one career line.  Holding a single job is not enough, since two
    short overlapping jobs often nest by chance.
    Dated projects follow on lanes of their own.  Every lane keeps room for
    its marks' labels, so no label is shortened.
    """
    if start is not None and end is not None and start > end:
        raise ValueError(f"empty window {start}..{end}")
    visible = _clip(items, start, end)
    if not visible:
        return TimelineLayout(start or 0, end or 0, 0, 0, (), (), 1, ())
    auto_lo, auto_hi = _auto_range(visible)
    lo = start if start is not None else auto_lo
    hi = end if end is not None else auto_hi

    positions = [v for v in visible if v.item.kind != "project"]
    projects = [v for v in visible if v.item.kind == "project"]
    umbrella = _holds_several(positions)
    jobs = [v for v, u in zip(positions, umbrella, strict=True) if not u]
    roles = [v for v, u in zip(positions, umbrella, strict=True) if u]

    job_spans = [_occupied(v, lo, hi) for v in jobs]
    job_lanes, n_jobs = _partition(job_spans)
    # One lane per umbrella role, never shared: there are few, and sharing
    # would again read as one career line (a role that ended, then another).
    role_spans = [_occupied(v, lo, hi) for v in roles]
    project_spans = [_occupied(v, lo, hi) for v in projects]
    project_lanes, n_projects = _partition(project_spans)

    n_positions = n_jobs + len(roles)
    bars = [
        *(_bar(v, lane, s) for v, lane, s in zip(jobs, job_lanes, job_spans, strict=True)),
        *(_bar(v, n_jobs + lane, s) for lane, (v, s) in enumerate(zip(roles, role_spans, strict=True))),
        *(_bar(v, n_positions + lane, s) for v, lane, s in zip(projects, project_lanes, project_spans, strict=True)),
    ]
    bars.sort(key=lambda b: (b.lane, b.start, b.end, _item_key(b.item)))
    step, ticks = _ticks(lo, hi)
    drawn = {v.item.tone for v in visible}
    tones = tuple(t for t in (*ENGAGEMENTS, PROJECT_TONE) if t in drawn)
    return TimelineLayout(lo, hi, n_positions, n_projects, tuple(bars), ticks, step, tones)


class _Visible(NamedTuple):
    item: TimelineItem
    start: int
    end: int


class _Span(NamedTuple):
    """The months a mark and its label take in a lane."""

    first: int
    last: int
    label_left: bool


def _item_key(item: TimelineItem) -> tuple[object, ...]:
    # Every field takes part, so equal keys mean equal items and the order of
    # the input cannot leak into the output.
    return (item.start, item.end, item.label, item.docname, item.group, item.kind, item.ongoing, item.tone)


def _clip(items: Iterable[TimelineItem], lo: int | None, hi: int | None) -> list[_Visible]:
    """Clip to the window; the result is sorted by clipped dates, then every field."""
    out: list[_Visible] = []
    for item in items:
        start, end = item.start, max(item.start, item.end)  # tolerate end < start
        if (lo is not None and end < lo) or (hi is not None and start > hi):
            continue
        out.append(_Visible(item, max(start, lo) if lo is not None else start, min(end, hi) if hi is not None else end))
    # Sort after clipping: clipping can make several starts equal.
    out.sort(key=lambda v: (v.start, v.end, _item_key(v.item)))
    return out


def _auto_range(visible: list[_Visible]) -> tuple[int, int]:
    # From January of the first year, so the first tick sits on the left edge;
    # up to the last month drawn, so an ongoing bar ends at the chart's edge.
    first = min(v.start for v in visible)
    last = max(v.end for v in visible)
    return first - first % 12, last


def _holds_several(positions: list[_Visible]) -> list[bool]:
    """For each position, whether its span holds the whole spans of at least
    UMBRELLA_MIN_HELD other positions (an identical span holds nothing).

    Sort the distinct spans by (start, -end): the positions a span holds are
    exactly those in later spans ending no later than it does.  Walking
    backwards with the UMBRELLA_MIN_HELD smallest later ends in a small heap
    answers each span in O(log n), so O(n log n) with the sort.
    """
    counts: dict[tuple[int, int], int] = {}
    for v in positions:
        counts[(v.start, v.end)] = counts.get((v.start, v.end), 0) + 1
    spans = sorted(counts, key=lambda s: (s[0], -s[1]))
    smallest: list[int] = []  # max-heap (negated) of the smallest later ends
    holds: dict[tuple[int, int], bool] = {}
    for start, end in reversed(spans):
        full = len(smallest) == UMBRELLA_MIN_HELD
        holds[(start, end)] = full and -smallest[0] <= end
        for _ in range(min(counts[(start, end)], UMBRELLA_MIN_HELD)):
            if len(smallest) < UMBRELLA_MIN_HELD:
                heapq.heappush(smallest, -end)
            elif end < -smallest[0]:
                heapq.heapreplace(smallest, -end)
    return [holds[(v.start, v.end)] for v in positions]


def _partition(spans: list[_Span]) -> tuple[list[int], int]:
    """Greedy interval partitioning into the lowest free lane.

    A lane is free for a span only once its previous occupant's last month
    is before the span's first: a bar ending in month m and one starting in
    m overlap.  Spans are taken by first month; two heaps keep it
    O(n log n): busy lanes keyed by the month they free up, and free lane
    numbers so the lowest one is reused first.
    """
    busy: list[tuple[int, int]] = []  # (last occupied month, lane)
    free: list[int] = []
    lanes = [0] * len(spans)
    count = 0
    for index in sorted(range(len(spans)), key=lambda i: (spans[i].first, i)):
        span = spans[index]
        while busy and busy[0][0] < span.first:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, count = count, count + 1
        heapq.heappush(busy, (span.last, lane))
        lanes[index] = lane
    return lanes, count


def _occupied(v: _Visible, lo: int, hi: int) -> _Span:
    """The months a mark *and* its label cover.  A position's label goes inside
    its bar when it fits; otherwise, like a project's, beside the mark: to the
    right, or to the left where the right edge of the chart leaves no room.
    Either way the lane keeps the room, so no label is shortened."""
    months = hi - lo + 1
    per_em = months / PLOT_WIDTH_EM
    text = text_width_em(bar_text(v.item))
    if v.item.kind != "project" and text + 2 * LABEL_PAD_EM <= (v.end - v.start + 1) / per_em:
        return _Span(v.start, v.end, label_left=False)
    right_arrow = ARROW_EM if v.item.ongoing or v.end < v.item.end else 0.0
    left_arrow = ARROW_EM if v.start > v.item.start else 0.0
    # A diamond reaches half its width past its month, on this mark and the next.
    overhang = DIAMOND_EM if v.item.kind == "project" else 0.0
    beside = text + 2 * LABEL_GAP_EM + overhang
    right = v.end + math.ceil((beside + right_arrow) * per_em)
    if right <= hi:
        return _Span(v.start, right, label_left=False)
    left = v.start - math.ceil((beside + left_arrow) * per_em)
    if left >= lo or lo - left < right - hi:
        return _Span(left, v.end, label_left=True)
    return _Span(v.start, right, label_left=False)


def _bar(v: _Visible, lane: int, span: _Span) -> Bar:
    return Bar(
        item=v.item,
        lane=lane,
        start=v.start,
        end=v.end,
        clipped_start=v.start > v.item.start,
        clipped_end=v.end < max(v.item.start, v.item.end),
        label_left=span.label_left,
    )


def tick_step_for(months: int) -> int:
    """Smallest step (years) whose ticks are at least TICK_MIN_SPACING_EM apart."""
    for step in TICK_STEPS:
        if step * 12 * PLOT_WIDTH_EM / max(months, 1) >= TICK_MIN_SPACING_EM:
            return step
    return TICK_STEPS[-1]


def _ticks(lo: int, hi: int) -> tuple[int, tuple[int, ...]]:
    step = tick_step_for(hi - lo + 1)
    first_year = -(-lo // 12)  # the first January at or after lo
    first_year += -first_year % step  # round up to a multiple of the step
    ticks = tuple(range(first_year * 12, hi + 1, step * 12))
    return step, ticks
