"""Lay out a career timeline: lanes, clipped bars and year ticks.

Pure Python with no Sphinx import, so it can be unit-tested on its own and its
result can be pickled into the Sphinx environment.  The renderers (``svg.py``
and ``tikz.py``) only turn a :class:`TimelineLayout` into markup.

Units.  Months are integers, ``year * 12 + (month - 1)``; an item's ``end`` is
inclusive, so a bar covers the half-open range ``[start, end + 1)``.  Widths of
text are estimated in *em* against a nominal drawing ``NOMINAL_WIDTH_EM`` wide;
both renderers scale that nominal width to their own, so decisions taken here
(tick spacing, room kept for project labels) hold in both outputs.
"""

from __future__ import annotations

import heapq
import itertools
import math
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .dates import format_month_short as format_month
from .dates import month as month_index

__all__ = [
    "NOMINAL_WIDTH_EM",
    "TICK_MIN_SPACING_EM",
    "TICK_STEPS",
    "Bar",
    "LabelPlacement",
    "LabelSpec",
    "TimelineItem",
    "TimelineLayout",
    "bar_text",
    "chronological",
    "describe",
    "format_month",
    "layout_timeline",
    "month_index",
    "mark_extent",
    "place_labels",
    "place_lane_labels",
    "text_width_em",
    "tick_step_for",
    "truncate_words",
]

#: Width of the plotting area, in em of the label font, that renderers assume.
NOMINAL_WIDTH_EM = 52.0
#: Closest two year ticks may be: a four-digit label (estimated at 2.8 em,
#: drawn no larger than the nominal em) plus a clear gap.
TICK_MIN_SPACING_EM = 3.0
#: Candidate tick steps in years; the first one wide enough wins.
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
#: A position holding this many other positions' spans is an umbrella role.
UMBRELLA_MIN_HELD = 2
#: Room kept to the right of a project mark for its label, capped so one long
#: title does not push every later project onto a new lane.
PROJECT_LABEL_GAP_EM = 0.5
PROJECT_LABEL_MAX_EM = 24.0



@dataclass(frozen=True)
class TimelineItem:
    """One dated thing to draw: a position held or a project (the input contract)."""

    label: str
    group: str
    start: int
    end: int
    ongoing: bool
    docname: str
    kind: str  # "position" or "project"


@dataclass(frozen=True)
class Bar:
    """An item as drawn: its lane and its dates clipped to the window."""

    item: TimelineItem
    lane: int  # global lane number, 0 at the top; position lanes come first
    start: int  # clipped, inclusive
    end: int  # clipped, inclusive
    clipped_start: bool  # the item began before the window
    clipped_end: bool  # the item ended after the window
    tone: int  # rank of the item's group by first appearance, for colouring

    @property
    def clipped(self) -> bool:
        return self.clipped_start or self.clipped_end


@dataclass(frozen=True)
class TimelineLayout:
    """Everything a renderer needs; only ints, strs, bools and tuples inside."""

    month_start: int  # first month shown (inclusive)
    month_end: int  # last month shown (inclusive)
    position_lanes: int
    project_lanes: int
    bars: tuple[Bar, ...]  # sorted by (lane, start, end, label, docname)
    ticks: tuple[int, ...]  # month indices of the January of each labelled year
    tick_step: int  # years between ticks
    groups: tuple[str, ...]  # group names in tone order

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


# --------------------------------------------------------------------------
# Dates and text helpers


def describe(item: TimelineItem) -> str:
    """A one-line description, e.g. "BSD Kernel Programmer, Juniper — Jan 2007 to Aug 2010"."""
    who = f"{item.label}, {item.group}" if item.group else item.label
    if item.start == item.end and not item.ongoing:
        when = format_month(item.start)
    else:
        when = f"{format_month(item.start)} to {format_month(item.end)}"
    suffix = " (ongoing)" if item.ongoing else ""
    return f"{who} — {when}{suffix}"


def bar_text(item: TimelineItem) -> str:
    """The text drawn next to a mark: employer first for positions, so a
    truncated label still says where."""
    if item.kind != "position" or not item.group:
        return item.label
    if item.group.casefold() in item.label.casefold():
        return item.label
    return f"{item.group}: {item.label}"


def chronological(items: Iterable[TimelineItem]) -> list[TimelineItem]:
    """Newest first by start, then by end; ties broken by label and docname."""
    ordered = sorted(items, key=lambda i: (i.label, i.docname, i.group, i.kind))
    # Stable second sort: descending dates over the ascending tie-breakers.
    return sorted(ordered, key=lambda i: (i.start, i.end), reverse=True)


def _char_em(char: str) -> float:
    # Rough advance widths of a wide sans-serif (DejaVu Sans, checked in a
    # browser); Helvetica-like fonts come out ~15% narrower.  Erring wide keeps
    # labels from overrunning the room we think they have.
    if char in "ijlI|!.,:;'`":
        return 0.28
    if char == " ":
        return 0.3
    if char in "ftr()[]{}-/\\\"":
        return 0.38
    if char in "mwMW@%":
        return 0.95
    if char.isdigit():
        return 0.64
    if char.isascii():
        return 0.7 if char.isupper() or not char.isalpha() else 0.6
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    return 0.62 if not unicodedata.combining(char) else 0.0


def text_width_em(text: str) -> float:
    """Estimated width of ``text`` in em (font metrics are unknown here)."""
    return 1.1 * sum(_char_em(c) for c in text)


# --------------------------------------------------------------------------
# Layout


def layout_timeline(
    items: Sequence[TimelineItem], *, window: tuple[int, int] | None = None
) -> TimelineLayout:
    """Assign lanes and ticks; deterministic and O(n log n).

    Ordinary jobs are packed by greedy interval partitioning.  "Umbrella"
    roles, positions whose span holds the whole spans of two or more other
    positions (a long-running open-source committer role beside a series of
    jobs), each get a lane of their own below the jobs: packed with them, such
    a role would share a lane with whatever ended before it started, which
    reads as one career line.  Holding a single job is not enough, since two
    short overlapping jobs often nest by chance.
    Dated projects follow on lanes of their own.
    """
    if window is not None and window[0] > window[1]:
        raise ValueError(f"empty window {window!r}")
    visible = _clip(items, window)
    if not visible:
        lo, hi = window if window is not None else (0, 0)
        return TimelineLayout(lo, hi, 0, 0, (), (), 1, ())
    lo, hi = window if window is not None else _auto_range(visible)
    tones = _tones(visible)

    positions = [v for v in visible if v.item.kind != "project"]
    projects = [v for v in visible if v.item.kind == "project"]
    umbrella = _holds_several(positions)
    jobs = [v for v, u in zip(positions, umbrella) if not u]
    roles = [v for v, u in zip(positions, umbrella) if u]

    months = hi - lo + 1
    job_lanes, n_jobs = _partition(jobs, [_label_reach(v, months) for v in jobs])
    # One lane per umbrella role, never shared: there are few, and sharing
    # would again read as one career line (a role that ended, then another).
    role_lanes, n_roles = list(range(len(roles))), len(roles)
    reach = [_label_reach(v, months) for v in projects]
    proj_lanes, n_projects = _partition(projects, reach)

    n_positions = n_jobs + n_roles
    bars = [
        *(_bar(v, lane, tones) for v, lane in zip(jobs, job_lanes)),
        *(_bar(v, n_jobs + lane, tones) for v, lane in zip(roles, role_lanes)),
        *(_bar(v, n_positions + lane, tones) for v, lane in zip(projects, proj_lanes)),
    ]
    bars.sort(key=lambda b: (b.lane, b.start, b.end, _item_key(b.item)))
    step, ticks = _ticks(lo, hi)
    groups = tuple(sorted(tones, key=tones.__getitem__))
    return TimelineLayout(lo, hi, n_positions, n_projects, tuple(bars), ticks, step, groups)


class _Visible(NamedTuple):
    item: TimelineItem
    start: int
    end: int


def _item_key(item: TimelineItem) -> tuple[object, ...]:
    # Every field takes part, so equal keys mean equal items and the order of
    # the input cannot leak into the output.
    return (item.start, item.end, item.label, item.docname, item.group, item.kind, item.ongoing)


def _clip(items: Iterable[TimelineItem], window: tuple[int, int] | None) -> list[_Visible]:
    """Clip to the window; the result is sorted by clipped dates, then every field."""
    out: list[_Visible] = []
    for item in items:
        start, end = item.start, max(item.start, item.end)  # tolerate end < start
        if window is not None:
            if end < window[0] or start > window[1]:
                continue
            start, end = max(start, window[0]), min(end, window[1])
        out.append(_Visible(item, start, end))
    # Sort after clipping: clipping can make several starts equal.
    out.sort(key=lambda v: (v.start, v.end, _item_key(v.item)))
    return out


def _auto_range(visible: list[_Visible]) -> tuple[int, int]:
    # From January of the first year, so the first tick sits on the left edge;
    # up to the last month drawn, so an ongoing bar ends at the chart's edge.
    first = min(v.start for v in visible)
    last = max(v.end for v in visible)
    return first - first % 12, last


def _tones(visible: list[_Visible]) -> dict[str, int]:
    """Rank each group by its first start (visible is sorted by start)."""
    tones: dict[str, int] = {}
    for v in visible:
        tones.setdefault(v.item.group, len(tones))
    return tones


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


def _partition(visible: list[_Visible], reach: list[int]) -> tuple[list[int], int]:
    """Greedy interval partitioning into the lowest free lane.

    ``visible`` is sorted by start; ``reach[i]`` is the last month item i
    occupies (its end, or further when its label needs room).  A lane is free
    for an item only once its previous occupant ended *before* the item's
    start month: a bar ending in month m and one starting in m overlap.
    Two heaps keep it O(n log n): busy lanes keyed by the month they free up,
    and free lane numbers so the lowest one is reused first.
    """
    busy: list[tuple[int, int]] = []  # (last occupied month, lane)
    free: list[int] = []
    lanes: list[int] = []
    count = 0
    for v, last in zip(visible, reach):
        while busy and busy[0][0] < v.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, count = count, count + 1
        heapq.heappush(busy, (last, lane))
        lanes.append(lane)
    return lanes, count


def _label_reach(v: _Visible, months: int) -> int:
    """Last month a mark *and* its label cover: a job's label goes inside its
    bar when the bar is wide enough, anything else's to the right of it, so a
    lane keeps room for every label and no bar goes unnamed."""
    label_em = PROJECT_LABEL_GAP_EM + min(text_width_em(bar_text(v.item)), PROJECT_LABEL_MAX_EM)
    label_months = math.ceil(label_em * months / NOMINAL_WIDTH_EM)
    if v.item.kind != "project" and label_months <= v.end - v.start + 1:
        return v.end
    return v.end + label_months


def _bar(v: _Visible, lane: int, tones: dict[str, int]) -> Bar:
    return Bar(
        item=v.item,
        lane=lane,
        start=v.start,
        end=v.end,
        clipped_start=v.start > v.item.start,
        clipped_end=v.end < max(v.item.start, v.item.end),
        tone=tones[v.item.group],
    )


def tick_step_for(months: int) -> int:
    """Smallest step (years) whose ticks are at least TICK_MIN_SPACING_EM apart."""
    for step in TICK_STEPS:
        if step * 12 * NOMINAL_WIDTH_EM / max(months, 1) >= TICK_MIN_SPACING_EM:
            return step
    return TICK_STEPS[-1]


def _ticks(lo: int, hi: int) -> tuple[int, tuple[int, ...]]:
    step = tick_step_for(hi - lo + 1)
    first_year = -(-lo // 12)  # the first January at or after lo
    first_year += -first_year % step  # round up to a multiple of the step
    ticks = tuple(range(first_year * 12, hi + 1, step * 12))
    return step, ticks


# --------------------------------------------------------------------------
# Label placement, shared by both renderers (units are the renderer's own)


class LabelSpec(NamedTuple):
    """One mark in a lane, in drawing units."""

    x0: float  # left edge of everything drawn for the mark
    x1: float  # right edge, ongoing arrow included
    inner: tuple[float, float] | None  # room inside the mark for text, if any
    text: str


class LabelPlacement(NamedTuple):
    text: str  # the text to draw, a word-boundary prefix if truncated
    x: float  # where the text is anchored
    inside: bool  # drawn inside the mark (use the mark's text colour)
    truncated: bool  # the renderer appends its ellipsis
    # "start": x is the left edge; "end": x is the right edge, so a label left
    # of its mark hugs the mark whatever the real font's width turns out to be.
    anchor: str = "start"

    def span(self, measure: Callable[[str], float]) -> tuple[float, float]:
        """Left and right edge of the text as estimated by ``measure``."""
        width = measure(self.text + ("…" if self.truncated else ""))
        return (self.x, self.x + width) if self.anchor == "start" else (self.x - width, self.x)


def truncate_words(text: str, room: float, measure: Callable[[str], float]) -> str | None:
    """Longest whole-word prefix that fits in ``room`` with an ellipsis, or None."""
    words = text.split()
    for count in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:count]).rstrip(" ,;:-–—/·")
        if prefix and measure(prefix + "…") <= room:
            return prefix
    return None


def mark_extent(bar: Bar, x0: float, x1: float, *, min_width: float, diamond: float) -> tuple[float, float]:
    """Where a bar's mark is drawn, from its span ``x0``-``x1`` in the
    renderer's units: a one-month bar on a long axis stays visible, and a
    short project becomes a diamond ``diamond`` wide, both about its middle."""
    widest = max(min_width, diamond if bar.item.kind == "project" else 0.0)
    if x1 - x0 < widest:
        mid = (x0 + x1) / 2
        x0, x1 = mid - widest / 2, mid + widest / 2
    return x0, x1


def place_lane_labels(
    specs: Sequence[LabelSpec],
    measure: Callable[[str], float],
    *,
    lo: float,
    hi: float,
    gap: float,
    pad: float,
) -> list[LabelPlacement | None]:
    """Place the labels of one lane's marks (sorted left to right) so that none
    overlaps a mark or another label: inside the mark if it fits, else to its
    right, else to its left, else truncated at a word boundary into the
    largest of those rooms; None when not even one word fits.  ``lo``/``hi``
    bound the lane; ``gap`` separates a label from marks, ``pad`` is the inner
    margin of a mark."""
    placements: list[LabelPlacement | None] = []
    used = lo  # right edge of what is already drawn in this lane
    for index, spec in enumerate(specs):
        right_limit = specs[index + 1].x0 - gap if index + 1 < len(specs) else hi
        if not spec.text.strip():
            placements.append(None)
            used = max(used, spec.x1)
            continue
        placement = _fit(spec, _rooms(spec, used, right_limit, gap, pad), measure)
        placements.append(placement)
        used = max(used, spec.x1)
        if placement is not None and not placement.inside:
            used = max(used, placement.span(measure)[1])
    return placements


def place_labels(
    specs: Sequence[tuple[int, LabelSpec]],
    measure: Callable[[str], float],
    *,
    lo: float,
    hi: float,
    gap: float,
    pad: float,
) -> list[LabelPlacement | None]:
    """Every mark's label: ``specs`` are (lane, spec) sorted by lane then left
    to right, as ``TimelineLayout.bars`` is; each lane is placed on its own."""
    placements: list[LabelPlacement | None] = []
    for _, lane in itertools.groupby(specs, key=lambda pair: pair[0]):
        placements.extend(
            place_lane_labels([spec for _, spec in lane], measure, lo=lo, hi=hi, gap=gap, pad=pad)
        )
    return placements


def _rooms(
    spec: LabelSpec, used: float, right_limit: float, gap: float, pad: float
) -> list[tuple[float, LabelPlacement]]:
    """(room, where the text would go) in order of preference."""
    rooms: list[tuple[float, LabelPlacement]] = []
    if spec.inner is not None:
        rooms.append((spec.inner[1] - spec.inner[0] - 2 * pad,
                      LabelPlacement("", spec.inner[0] + pad, True, False)))
    rooms.append((right_limit - (spec.x1 + gap), LabelPlacement("", spec.x1 + gap, False, False)))
    rooms.append(((spec.x0 - gap) - (used + gap), LabelPlacement("", spec.x0 - gap, False, False, "end")))
    return rooms


def _fit(
    spec: LabelSpec,
    rooms: list[tuple[float, LabelPlacement]],
    measure: Callable[[str], float],
) -> LabelPlacement | None:
    width = measure(spec.text)
    for room, at in rooms:
        if width <= room:
            return at._replace(text=spec.text)
    # Nothing fits whole: shorten into the biggest room (the first wins a tie).
    room, at = max(rooms, key=lambda r: r[0])
    prefix = truncate_words(spec.text, room, measure)
    return None if prefix is None else at._replace(text=prefix, truncated=True)
