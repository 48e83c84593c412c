"""The timeline as a drawing: where every mark, arrow, label, tick and legend
entry goes, in em of the label font, y growing downwards.

One geometry for every output: :mod:`resume.draw.svg` and :mod:`resume.draw.tikz` only
scale these numbers to their units and write their syntax, so the two
drawings cannot drift apart.
"""

from __future__ import annotations

from typing import NamedTuple

from resume.draw.labels import (
    LABEL_GAP_EM,
    LABEL_PAD_EM,
    LabelPlacement,
    LabelSpec,
    bar_text,
    place_labels,
    text_width_em,
)
from resume.draw.palette import NAMES
from resume.draw.timeline import ARROW_EM, DIAMOND_EM, PLOT_WIDTH_EM, Bar, TimelineLayout

LEFT, RIGHT = 1.4, 2.0  # margins: half a year label; an arrow and a little
TOP = 0.5
POSITION_LANE, BAR_HEIGHT = 2.15, 1.55
PROJECT_LANE, MARK_HEIGHT = 1.7, 0.62
TIER_GAP = 0.6  # between position lanes and project lanes
MIN_BAR = 0.15  # a one-month bar on a long axis stays visible
TICK_LENGTH = 0.4
TICK_FONT = 0.92  # year labels, relative to the label font
AXIS_SPACE = 2.0  # below the axis line: ticks and their labels
LEGEND_ROW = 1.6
SWATCH_WIDTH, SWATCH_HEIGHT, SWATCH_GAP = 1.1, 0.8, 0.35
LEGEND_GAP = 1.2  # between legend entries
WIDTH = LEFT + PLOT_WIDTH_EM + RIGHT


class Arrow(NamedTuple):
    """An arrowhead at ``x`` pointing left (-1) or right (1): the item goes on
    beyond the window (``ongoing`` False) or is ongoing."""

    x: float
    direction: int
    ongoing: bool


class Mark(NamedTuple):
    bar: Bar
    x0: float  # the bar (or diamond) itself
    x1: float
    cy: float  # lane centre
    height: float
    diamond: bool
    arrows: tuple[Arrow, ...]
    label: LabelPlacement | None

    @property
    def tone(self) -> str:
        return self.bar.item.tone


class Tick(NamedTuple):
    x: float
    year: int


class LegendEntry(NamedTuple):
    tone: str
    text: str
    x: float  # left edge of the swatch; the text follows it


class Drawing(NamedTuple):
    width: float
    height: float
    top: float
    axis_y: float  # the axis line
    plot: tuple[float, float]  # left and right end of the axis
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    legend_y: float  # centre line of the legend row
    legend: tuple[LegendEntry, ...]

    @property
    def arrows(self) -> tuple[tuple[Mark, Arrow], ...]:
        return tuple((mark, arrow) for mark in self.marks for arrow in mark.arrows)


def draw(layout: TimelineLayout) -> Drawing:
    """Lay the layout out on the page; empty layouts draw nothing but a frame."""
    if layout.is_empty:
        return Drawing(WIDTH, TOP + 2.0, TOP, TOP, (LEFT, LEFT + PLOT_WIDTH_EM), (), (), TOP, ())
    marks = [_mark(layout, bar) for bar in layout.bars]
    placed = place_labels(
        [(m.bar.lane, _spec(m)) for m in marks],
        text_width_em,
        lo=0.1,
        hi=WIDTH - 0.1,
        gap=LABEL_GAP_EM,
        pad=LABEL_PAD_EM,
    )
    axis_y = _lane_top(layout, layout.lanes) + 0.3
    ticks = tuple(Tick(_x(layout, t), t // 12) for t in layout.ticks)
    legend_y = axis_y + AXIS_SPACE + LEGEND_ROW / 2
    return Drawing(
        width=WIDTH,
        height=legend_y + LEGEND_ROW / 2,
        top=TOP,
        axis_y=axis_y,
        plot=(LEFT, LEFT + PLOT_WIDTH_EM),
        marks=tuple(m._replace(label=label) for m, label in zip(marks, placed, strict=True)),
        ticks=ticks,
        legend_y=legend_y,
        legend=_legend(layout.tones),
    )


def _x(layout: TimelineLayout, month: int) -> float:
    return LEFT + (month - layout.month_start) * PLOT_WIDTH_EM / layout.months


def _lane_top(layout: TimelineLayout, lane: int) -> float:
    if lane < layout.position_lanes:
        return TOP + lane * POSITION_LANE
    below = lane - layout.position_lanes
    gap = TIER_GAP if layout.position_lanes else 0.0
    return TOP + layout.position_lanes * POSITION_LANE + gap + below * PROJECT_LANE


def _mark(layout: TimelineLayout, bar: Bar) -> Mark:
    project = bar.item.kind == "project"
    x0, x1 = _x(layout, bar.start), _x(layout, bar.end + 1)
    widest = DIAMOND_EM if project else MIN_BAR
    if x1 - x0 < widest:
        mid = (x0 + x1) / 2
        x0, x1 = mid - widest / 2, mid + widest / 2
    lane_height = PROJECT_LANE if bar.lane >= layout.position_lanes else POSITION_LANE
    arrows = []
    if bar.clipped_start:
        arrows.append(Arrow(x0, -1, ongoing=False))
    if bar.item.ongoing or bar.clipped_end:
        arrows.append(Arrow(x1, 1, ongoing=bar.item.ongoing and not bar.clipped_end))
    return Mark(
        bar=bar,
        x0=x0,
        x1=x1,
        cy=_lane_top(layout, bar.lane) + lane_height / 2,
        height=MARK_HEIGHT if project else BAR_HEIGHT,
        diamond=project and x1 - x0 <= DIAMOND_EM + 1e-9,
        arrows=tuple(arrows),
        label=None,
    )


def _spec(mark: Mark) -> LabelSpec:
    left = mark.x0 - (ARROW_EM if any(a.direction < 0 for a in mark.arrows) else 0.0)
    right = mark.x1 + (ARROW_EM if any(a.direction > 0 for a in mark.arrows) else 0.0)
    inner = (mark.x0, mark.x1) if mark.bar.item.kind != "project" else None
    return LabelSpec(left, right, inner, bar_text(mark.bar.item), mark.bar.label_left)


def _legend(tones: tuple[str, ...]) -> tuple[LegendEntry, ...]:
    entries = []
    x = LEFT
    for tone in tones:
        entries.append(LegendEntry(tone, NAMES[tone], x))
        x += SWATCH_WIDTH + SWATCH_GAP + text_width_em(NAMES[tone]) + LEGEND_GAP
    return tuple(entries)


def arrow_points(arrow: Arrow, cy: float) -> tuple[tuple[float, float], ...]:
    """The arrowhead's triangle: base on the mark's edge, tip outwards."""
    half = ARROW_EM * 0.8
    tip = arrow.x + arrow.direction * ARROW_EM
    return ((arrow.x, cy - half), (tip, cy), (arrow.x, cy + half))


def diamond_points(mark: Mark) -> tuple[tuple[float, float], ...]:
    mid, half = (mark.x0 + mark.x1) / 2, DIAMOND_EM / 2
    return ((mid, mark.cy - half), (mid + half, mark.cy), (mid, mark.cy + half), (mid - half, mark.cy))
