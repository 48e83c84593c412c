"""Text on the timeline: what a mark says, how wide text is, where labels go.

Pure Python. Widths are estimated in em (font metrics are unknown here); the
layout reserves room with the same estimates the drawing places labels with.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from resume.core.dates import format_month, format_month_short

if TYPE_CHECKING:
    from resume.core.career import TimelineItem

#: Space between a label and the marks beside it, and inside a bar around
#: its label, in em.
LABEL_GAP_EM = 0.3
LABEL_PAD_EM = 0.4


def bar_text(item: TimelineItem) -> str:
    """The text drawn next to a mark: ``Employer: Title`` for every position,
    the title for a project."""
    if item.kind != "position" or not item.group:
        return item.label
    return f"{item.group}: {item.label}"


def describe(item: TimelineItem) -> str:
    """One line for a tooltip, e.g. "BSD Kernel Programmer, Juniper — Jan 2007 to
    Aug 2010"; an ongoing item says the month it is drawn up to."""
    who = f"{item.label}, {item.group}" if item.group else item.label
    if item.ongoing:
        when = f"{format_month_short(item.start)} to present (as of {format_month(item.end)})"
    elif item.start == item.end:
        when = format_month_short(item.start)
    else:
        when = f"{format_month_short(item.start)} to {format_month_short(item.end)}"
    return f"{who} — {when}"


def _char_em(char: str) -> float:
    # Rough advance widths of a wide sans-serif (DejaVu Sans, checked in a
    # browser); Helvetica-like fonts come out ~15% narrower.  Erring wide keeps
    # labels from overrunning the room we think they have.
    if char in "ijlI|!.,:;'`":
        return 0.28
    if char == " ":
        return 0.3
    if char in 'ftr()[]{}-/\\"':
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
# Placement, in the drawing's own units


class LabelSpec(NamedTuple):
    """One mark in a lane, in drawing units."""

    x0: float  # left edge of everything drawn for the mark
    x1: float  # right edge, ongoing arrow included
    inner: tuple[float, float] | None  # room inside the mark for text, if any
    text: str
    prefer_left: bool = False  # the layout kept room on the left, not the right


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
        placements.extend(place_lane_labels([spec for _, spec in lane], measure, lo=lo, hi=hi, gap=gap, pad=pad))
    return placements


def _rooms(
    spec: LabelSpec, used: float, right_limit: float, gap: float, pad: float
) -> list[tuple[float, LabelPlacement]]:
    """(room, where the text would go) in order of preference."""
    rooms: list[tuple[float, LabelPlacement]] = []
    if spec.inner is not None:
        rooms.append((spec.inner[1] - spec.inner[0] - 2 * pad, LabelPlacement("", spec.inner[0] + pad, True, False)))
    right = (right_limit - (spec.x1 + gap), LabelPlacement("", spec.x1 + gap, False, False))
    left = ((spec.x0 - gap) - (used + gap), LabelPlacement("", spec.x0 - gap, False, False, "end"))
    rooms.extend((left, right) if spec.prefer_left else (right, left))
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
