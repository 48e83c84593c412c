"""Render a :class:`~resume.timeline.TimelineLayout` as a TikZ picture for the PDF.

Needs only ``tikz`` (which loads ``graphicx`` and ``xcolor``) and, for links,
``hyperref``.  Geometry is computed here for a picture exactly ``WIDTH`` cm
wide (its bounding box is fixed), then ``\\resizebox{\\linewidth}{!}`` fits it
to the text block.  Computing in Python rather than in pgfmath lets us decide,
with the same estimates as the SVG, which labels fit inside their bars; with
15 cm against Sphinx's usual 15 to 16.5 cm text width the scale stays near 1, so
the fixed 7 pt labels stay legible.

Colours are light tints with black text and darker outlines: readable in
colour and when printed in grayscale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .timeline import (
    NOMINAL_WIDTH_EM,
    Bar,
    LabelPlacement,
    LabelSpec,
    TimelineLayout,
    bar_text,
    mark_extent,
    place_labels,
    text_width_em,
)

__all__ = ["WIDTH", "render_tikz", "tikz_text_width"]

WIDTH = 15.0  # cm, before \resizebox
LEFT, RIGHT = 0.3, 0.5  # margins: half a year label, an arrow
PLOT_WIDTH = WIDTH - LEFT - RIGHT
FONT_PT = 7.0  # a fixed size, so the width estimates below hold in any document class
EM_CM = FONT_PT / 72.27 * 2.54
POSITION_LANE, BAR_HEIGHT = 0.55, 0.4
PROJECT_LANE, MARK_HEIGHT, DIAMOND = 0.42, 0.14, 0.22
TIER_GAP = 0.15
ARROW = 0.14
LABEL_GAP, LABEL_PAD = 0.08, 0.08
TICK_LENGTH = 0.1
AXIS_SPACE = 0.5

# (fill, outline) per tone, then projects; light fills keep black text legible.
_PALETTE = (
    ("resumetlfillA", "DBE6FD", "resumetldrawA", "1D4ED8"),
    ("resumetlfillB", "D5F0EB", "resumetldrawB", "0F766E"),
    ("resumetlfillC", "E9DEFC", "resumetldrawC", "6D28D9"),
    ("resumetlfillD", "FBE7C6", "resumetldrawD", "B45309"),
)
_PROJECT = ("resumetlfillP", "A7B1C2", "resumetldrawP", "334155")

# The layout's nominal em mapped onto this picture, for sanity: ticks were
# spaced for NOMINAL_WIDTH_EM labels across the plot.
NOMINAL_EM_CM = PLOT_WIDTH / NOMINAL_WIDTH_EM


def num(value: float) -> str:
    """Fixed three-decimal formatting (cm), so output is byte-stable."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def tikz_text_width(text: str) -> float:
    """Estimated width in cm of ``text`` at the picture's 7 pt font."""
    return text_width_em(text) * EM_CM


class _Mark(NamedTuple):
    bar: Bar
    x0: float
    x1: float
    cy: float
    arrow_left: bool
    arrow_right: bool


def render_tikz(
    layout: TimelineLayout,
    *,
    link: Callable[[str], str | None],
    escape: Callable[[str], str],
) -> str:
    """The chart as LaTeX source (a resized ``tikzpicture``)."""
    if layout.is_empty:
        # \resizebox of an empty box divides by zero; emit a harmless picture.
        return "\\begin{tikzpicture}\\node {No dated entries.};\\end{tikzpicture}\n"
    bottom = _axis_y(layout) - AXIS_SPACE
    out = [
        "\\resizebox{\\linewidth}{!}{\\begin{tikzpicture}"
        f"[font=\\fontsize{{{num(FONT_PT)}pt}}{{{num(FONT_PT * 1.2)}pt}}\\selectfont]",
        *_colours(),
        f"\\useasboundingbox (0,{num(bottom)}) rectangle ({num(WIDTH)},0);",
        *_grid(layout),
        *_bars(layout, link, escape),
        *_axis(layout),
        "\\end{tikzpicture}}",
    ]
    return "\n".join(out) + "\n"


def _colours() -> list[str]:
    lines = []
    for fill, fill_hex, draw, draw_hex in (*_PALETTE, _PROJECT):
        lines.append(f"\\definecolor{{{fill}}}{{HTML}}{{{fill_hex}}}")
        lines.append(f"\\definecolor{{{draw}}}{{HTML}}{{{draw_hex}}}")
    return lines


# --------------------------------------------------------------------------
# Geometry (y grows upwards in TikZ, so lanes go down from 0)


def _x(layout: TimelineLayout, month: int) -> float:
    return LEFT + (month - layout.month_start) * PLOT_WIDTH / layout.months


def _lane_top(layout: TimelineLayout, lane: int) -> float:
    if lane < layout.position_lanes:
        return -lane * POSITION_LANE
    gap = TIER_GAP if layout.position_lanes else 0.0
    below = lane - layout.position_lanes
    return -(layout.position_lanes * POSITION_LANE + gap + below * PROJECT_LANE)


def _lane_centre(layout: TimelineLayout, lane: int) -> float:
    size = POSITION_LANE if lane < layout.position_lanes else PROJECT_LANE
    return _lane_top(layout, lane) - size / 2


def _axis_y(layout: TimelineLayout) -> float:
    return _lane_top(layout, layout.lanes) - 0.05


def _mark(layout: TimelineLayout, bar: Bar) -> _Mark:
    x0, x1 = mark_extent(bar, _x(layout, bar.start), _x(layout, bar.end + 1),
                         min_width=0.05, diamond=DIAMOND)  # fmt: skip
    right = bar.item.ongoing or bar.clipped_end
    return _Mark(bar, x0, x1, _lane_centre(layout, bar.lane), bar.clipped_start, right)


# --------------------------------------------------------------------------
# Pieces


def _grid(layout: TimelineLayout) -> list[str]:
    bottom = num(_axis_y(layout))
    return [f"\\draw[black!15,line width=0.3pt] ({num(_x(layout, t))},0) -- "
            f"({num(_x(layout, t))},{bottom});" for t in layout.ticks]


def _axis(layout: TimelineLayout) -> list[str]:
    y = _axis_y(layout)
    out = [f"\\draw[black!70,line width=0.4pt] ({num(LEFT)},{num(y)}) -- "
           f"({num(LEFT + PLOT_WIDTH)},{num(y)});"]
    for tick in layout.ticks:
        x = num(_x(layout, tick))
        out.append(f"\\draw[black!70,line width=0.4pt] ({x},{num(y)}) -- ({x},{num(y - TICK_LENGTH)});")
        out.append(f"\\node[anchor=north,inner sep=1pt] at ({x},{num(y - TICK_LENGTH)}) {{{tick // 12}}};")
    return out


def _bars(
    layout: TimelineLayout,
    link: Callable[[str], str | None],
    escape: Callable[[str], str],
) -> list[str]:
    marks = [_mark(layout, bar) for bar in layout.bars]
    out: list[str] = []
    for mark, label in zip(marks, _labels(marks)):
        out.extend(_item(mark, label, link, escape))
    return out


def _labels(marks: list[_Mark]) -> list[LabelPlacement | None]:
    return place_labels([(m.bar.lane, _spec(m)) for m in marks], tikz_text_width,
                        lo=0.0, hi=WIDTH, gap=LABEL_GAP, pad=LABEL_PAD)  # fmt: skip


def _spec(mark: _Mark) -> LabelSpec:
    x0 = mark.x0 - (ARROW if mark.arrow_left else 0.0)
    x1 = mark.x1 + (ARROW if mark.arrow_right else 0.0)
    inner = (mark.x0, mark.x1) if mark.bar.item.kind != "project" else None
    return LabelSpec(x0, x1, inner, bar_text(mark.bar.item))


def _item(
    mark: _Mark,
    label: LabelPlacement | None,
    link: Callable[[str], str | None],
    escape: Callable[[str], str],
) -> list[str]:
    item = mark.bar.item
    if item.kind == "project":
        fill, _, draw, _ = _PROJECT
    else:
        fill, _, draw, _ = _PALETTE[mark.bar.tone % len(_PALETTE)]
    out = [_shape(mark, fill, draw)]
    if mark.arrow_left:
        out.append(_arrow(mark.x0, mark.cy, -1, draw))
    if mark.arrow_right:
        out.append(_arrow(mark.x1, mark.cy, 1, draw))
    if label is not None:
        out.append(_text(label, mark.cy, link(item.docname), escape))
    return out


def _shape(mark: _Mark, fill: str, draw: str) -> str:
    style = f"fill={fill},draw={draw},line width=0.4pt"
    cy = mark.cy
    if mark.bar.item.kind == "project" and mark.x1 - mark.x0 <= DIAMOND + 1e-9:
        mid, half = (mark.x0 + mark.x1) / 2, DIAMOND / 2
        return (f"\\filldraw[{style}] ({num(mid)},{num(cy + half)}) -- ({num(mid + half)},{num(cy)})"
                f" -- ({num(mid)},{num(cy - half)}) -- ({num(mid - half)},{num(cy)}) -- cycle;")
    half = (BAR_HEIGHT if mark.bar.item.kind != "project" else MARK_HEIGHT) / 2
    return (f"\\filldraw[{style},rounded corners=0.5pt] ({num(mark.x0)},{num(cy - half)})"
            f" rectangle ({num(mark.x1)},{num(cy + half)});")


def _arrow(x: float, cy: float, direction: int, colour: str) -> str:
    tip, half = x + direction * ARROW, ARROW * 0.8
    return (f"\\fill[{colour}] ({num(x)},{num(cy + half)}) -- ({num(tip)},{num(cy)})"
            f" -- ({num(x)},{num(cy - half)}) -- cycle;")


def _text(label: LabelPlacement, cy: float, target: str | None,
          escape: Callable[[str], str]) -> str:
    # Escape the raw words first, then add our own ellipsis macro.
    body = escape(label.text) + ("\\ldots{}" if label.truncated else "")
    if target is not None:
        # Braces around the label keep a "]" in it from ending the argument.
        body = f"\\hyperref[{{{target}}}]{{{body}}}"
    anchor = "east" if label.anchor == "end" else "west"
    return (f"\\node[anchor={anchor},inner sep=0pt,text=black] at ({num(label.x)},{num(cy)})"
            f" {{{body}}};")
