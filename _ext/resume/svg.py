"""Render a :class:`~resume.timeline.TimelineLayout` as inline SVG.

The output must be well-formed XML (ePub is XHTML), carry no script, no
external resource and no fixed colours: every element has a class for
``static/resume.css`` to theme, and only ``currentColor`` presentation
attributes as a fallback when that stylesheet is missing (they lose to any
CSS rule), so the chart stays readable in any reader's light or dark mode.

Phone width.  The drawing is ``WIDTH`` user units wide (716) with 13-unit
labels, scaled by ``width="100%"``.  Squeezing a 20-year career into 375 px
would shrink labels to ~7 px, so instead the CSS gives the SVG a minimum width
of 40rem (640 px, labels ~11.6 px) and lets the ``.resume-timeline`` wrapper
scroll sideways on narrower screens.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .timeline import (
    NOMINAL_WIDTH_EM,
    Bar,
    LabelPlacement,
    LabelSpec,
    TimelineLayout,
    bar_text,
    describe,
    mark_extent,
    place_labels,
    text_width_em,
)

__all__ = ["WIDTH", "render_svg", "svg_text_width"]

EM = 13.0  # label font size in user units
TICK_FONT = 12.0
PLOT_WIDTH = NOMINAL_WIDTH_EM * EM  # the nominal width the layout assumed
LEFT, RIGHT = 18.0, 26.0  # margins: half a year label; an arrow and half a label
WIDTH = LEFT + PLOT_WIDTH + RIGHT
TOP = 6.0
POSITION_LANE, BAR_HEIGHT = 28.0, 20.0
PROJECT_LANE, MARK_HEIGHT, DIAMOND = 22.0, 8.0, 10.0
TIER_GAP = 8.0  # between position lanes and project lanes
ARROW = 7.0  # length of the ongoing / clipped arrowheads
LABEL_GAP, LABEL_PAD = 4.0, 5.0
TICK_LENGTH = 5.0
AXIS_SPACE = 26.0  # below the axis line: ticks and their labels

# Characters XML 1.0 forbids; dropping them keeps the document well-formed.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def esc(text: str) -> str:
    """XML-escape text for element content and (double- or single-quoted) attributes."""
    text = _XML_INVALID.sub("", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def safe_id(prefix: str) -> str:
    """An XML id (NCName) made from ``prefix``: only [A-Za-z0-9_-], starting with a letter."""
    cleaned = _ID_UNSAFE.sub("-", prefix).strip("-")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = "resume-tl-" + cleaned
    return cleaned.rstrip("-")


def num(value: float) -> str:
    """Fixed two-decimal formatting, trailing zeros dropped, so output is byte-stable."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def svg_text_width(text: str, size: float = EM) -> float:
    return text_width_em(text) * size


class _Mark(NamedTuple):
    """Drawing geometry of one bar."""

    bar: Bar
    x0: float  # bar rectangle (or diamond) extent
    x1: float
    cy: float  # lane centre
    arrow_left: bool
    arrow_right: bool

    @property
    def extent(self) -> tuple[float, float]:
        return (self.x0 - (ARROW if self.arrow_left else 0.0),
                self.x1 + (ARROW if self.arrow_right else 0.0))


def render_svg(
    layout: TimelineLayout,
    *,
    href: Callable[[str], str],
    title: str,
    desc: str,
    id_prefix: str,
    role: str = "group",
) -> str:
    """The chart as an ``<svg>`` string; byte-identical for identical input.

    ``role`` is "group", not "img": an img's children are hidden from assistive
    technology, and these children are links. (ePub checkers know only a few
    roles for <svg>; the ePub writer passes "document", which also keeps them.)
    """
    ident = safe_id(id_prefix)
    height = _axis_y(layout) + AXIS_SPACE
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' class="resume-tl" viewBox="0 0 {num(WIDTH)} {num(height)}" width="100%"'
        f' preserveAspectRatio="xMinYMin meet" role="{esc(role)}"'
        f' aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{esc(title)}</title>',
        f'<desc id="{ident}-desc">{esc(desc)}</desc>',
    ]
    if layout.is_empty:
        out.append(f'<text class="resume-tl-empty" x="{num(LEFT)}" y="{num(TOP + EM)}"'
                   f' font-size="{num(EM)}" fill="currentColor">No dated entries.</text>')
    else:
        out.extend(_grid(layout))
        out.extend(_bars(layout, href))
        out.extend(_axis(layout))
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Geometry


def _x(layout: TimelineLayout, month: int) -> float:
    return LEFT + (month - layout.month_start) * PLOT_WIDTH / layout.months


def _lane_top(layout: TimelineLayout, lane: int) -> float:
    if lane < layout.position_lanes:
        return TOP + lane * POSITION_LANE
    below = lane - layout.position_lanes
    gap = TIER_GAP if layout.position_lanes else 0.0
    return TOP + layout.position_lanes * POSITION_LANE + gap + below * PROJECT_LANE


def _lane_centre(layout: TimelineLayout, lane: int) -> float:
    size = POSITION_LANE if lane < layout.position_lanes else PROJECT_LANE
    return _lane_top(layout, lane) + size / 2


def _axis_y(layout: TimelineLayout) -> float:
    return _lane_top(layout, layout.lanes) + 4.0 if layout.lanes else TOP + EM + 8.0


def _mark(layout: TimelineLayout, bar: Bar) -> _Mark:
    x0, x1 = mark_extent(bar, _x(layout, bar.start), _x(layout, bar.end + 1),
                         min_width=2.0, diamond=DIAMOND)  # fmt: skip
    right = bar.item.ongoing or bar.clipped_end
    return _Mark(bar, x0, x1, _lane_centre(layout, bar.lane), bar.clipped_start, right)


def _is_diamond(mark: _Mark) -> bool:
    return mark.bar.item.kind == "project" and mark.x1 - mark.x0 <= DIAMOND + 1e-9


# --------------------------------------------------------------------------
# Pieces


def _grid(layout: TimelineLayout) -> list[str]:
    bottom = _axis_y(layout)
    lines = [
        f'<line x1="{num(_x(layout, t))}" y1="{num(TOP)}" x2="{num(_x(layout, t))}"'
        f' y2="{num(bottom)}"/>'
        for t in layout.ticks
    ]
    return ['<g class="resume-tl-grid" aria-hidden="true" stroke="currentColor"'
            ' stroke-opacity="0.15">', *lines, "</g>"]


def _axis(layout: TimelineLayout) -> list[str]:
    y = _axis_y(layout)
    out = [
        '<g class="resume-tl-axis" aria-hidden="true" stroke="currentColor"'
        f' fill="currentColor" font-size="{num(TICK_FONT)}" text-anchor="middle">',
        f'<line class="resume-tl-axis-line" x1="{num(LEFT)}" y1="{num(y)}"'
        f' x2="{num(LEFT + PLOT_WIDTH)}" y2="{num(y)}"/>',
    ]
    for tick in layout.ticks:
        x = num(_x(layout, tick))
        out.append(f'<line x1="{x}" y1="{num(y)}" x2="{x}" y2="{num(y + TICK_LENGTH)}"/>')
        out.append(f'<text class="resume-tl-tick" x="{x}" y="{num(y + TICK_LENGTH + TICK_FONT + 2)}"'
                   f' stroke="none">{tick // 12}</text>')
    out.append("</g>")
    return out


def _bars(layout: TimelineLayout, href: Callable[[str], str]) -> list[str]:
    marks = [_mark(layout, bar) for bar in layout.bars]
    labels = _labels(marks)
    out = ['<g class="resume-tl-bars">']
    for mark, label in zip(marks, labels):
        out.extend(_item(mark, label, href))
    out.append("</g>")
    return out


def _labels(marks: list[_Mark]) -> list[LabelPlacement | None]:
    return place_labels([(m.bar.lane, _spec(m)) for m in marks], svg_text_width,
                        lo=2.0, hi=WIDTH - 2.0, gap=LABEL_GAP, pad=LABEL_PAD)  # fmt: skip


def _spec(mark: _Mark) -> LabelSpec:
    inner = (mark.x0, mark.x1) if mark.bar.item.kind != "project" else None
    return LabelSpec(*mark.extent, inner, bar_text(mark.bar.item))


def _item(mark: _Mark, label: LabelPlacement | None, href: Callable[[str], str]) -> list[str]:
    item = mark.bar.item
    kind = "project" if item.kind == "project" else "position"
    url = esc(href(item.docname))
    # Both href spellings: SVG 2 browsers read href, SVG 1.1 ePub readers xlink:href.
    out = [
        f'<a class="resume-tl-item resume-tl-{kind} resume-tl-tone-{mark.bar.tone % 4}"'
        f' href="{url}" xlink:href="{url}">',
        f"<title>{esc(describe(item))}</title>",
        _shape(mark),
    ]
    if mark.arrow_left:
        out.append(_arrow(mark.x0, mark.cy, -1, "resume-tl-more"))
    if mark.arrow_right:
        cls = "resume-tl-ongoing" if item.ongoing else "resume-tl-more"
        out.append(_arrow(mark.x1, mark.cy, 1, cls))
    if label is not None:
        out.append(_text(label, mark.cy))
    out.append("</a>")
    return out


def _shape(mark: _Mark) -> str:
    cy = mark.cy
    fallback = 'fill="currentColor" fill-opacity="0.2" stroke="currentColor" stroke-opacity="0.7"'
    if _is_diamond(mark):
        mid, half = (mark.x0 + mark.x1) / 2, DIAMOND / 2
        points = f"M{num(mid)} {num(cy - half)}L{num(mid + half)} {num(cy)}" \
                 f"L{num(mid)} {num(cy + half)}L{num(mid - half)} {num(cy)}Z"
        return f'<path class="resume-tl-bar resume-tl-mark" d="{points}" {fallback}/>'
    height = BAR_HEIGHT if mark.bar.item.kind != "project" else MARK_HEIGHT
    return (f'<rect class="resume-tl-bar" x="{num(mark.x0)}" y="{num(cy - height / 2)}"'
            f' width="{num(mark.x1 - mark.x0)}" height="{num(height)}" rx="3" {fallback}/>')


def _arrow(x: float, cy: float, direction: int, cls: str) -> str:
    tip = x + direction * ARROW
    half = ARROW * 0.8
    d = f"M{num(x)} {num(cy - half)}L{num(tip)} {num(cy)}L{num(x)} {num(cy + half)}Z"
    return f'<path class="{cls}" d="{d}" fill="currentColor"/>'


def _text(label: LabelPlacement, cy: float) -> str:
    cls = "resume-tl-label resume-tl-label--inside" if label.inside else "resume-tl-label"
    text = label.text + ("…" if label.truncated else "")
    anchor = ' text-anchor="end"' if label.anchor == "end" else ""
    return (f'<text class="{cls}" x="{num(label.x)}" y="{num(cy + 0.35 * EM)}"{anchor}'
            f' font-size="{num(EM)}" fill="currentColor">{esc(text)}</text>')
