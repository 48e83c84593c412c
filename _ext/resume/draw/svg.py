"""Render a timeline :class:`~resume.draw.geometry.Drawing` as inline SVG.

The output must be well-formed XML (ePub is XHTML), carry no script, no
external resource and no fixed colours: every element has a class for the
stylesheet to theme (colours from :mod:`resume.draw.palette`), and only
``currentColor`` presentation attributes as a fallback when that stylesheet is
missing (they lose to any CSS rule), so the chart stays readable in any
reader's light or dark mode.

The drawing is ``WIDTH`` user units wide with 13-unit labels and scales with
its container (``width="100%"``); the stylesheet keeps it at least 40rem wide
and lets the wrapper scroll sideways on narrower screens.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from resume.draw.geometry import (
    SWATCH_GAP,
    SWATCH_HEIGHT,
    SWATCH_WIDTH,
    TICK_FONT,
    TICK_LENGTH,
    Drawing,
    Mark,
    arrow_points,
    diamond_points,
    draw,
)
from resume.draw.geometry import WIDTH as WIDTH_EM
from resume.draw.labels import LabelPlacement, describe, text_width_em
from resume.draw.timeline import TimelineLayout

__all__ = ["EM", "WIDTH", "render_svg", "svg_text_width"]

EM = 13.0  # user units per em of the label font
WIDTH = WIDTH_EM * EM

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
    """User units to two decimals, trailing zeros dropped, so output is byte-stable."""
    text = f"{value * EM:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def svg_text_width(text: str) -> float:
    """Estimated width of ``text`` in user units."""
    return text_width_em(text) * EM


def render_svg(
    layout: TimelineLayout,
    *,
    href: Callable[[str], str | None],
    title: str,
    desc: str,
    id_prefix: str,
    role: str = "group",
) -> str:
    """The chart as an ``<svg>`` string; byte-identical for identical input.

    ``href(docname)`` is the address of an item's page, or None for no link.
    ``role`` is "group", not "img": an img's children are hidden from assistive
    technology, and these children are links. (ePub checkers know only a few
    roles for <svg>; the ePub writer passes "document", which also keeps them.)
    """
    ident = safe_id(id_prefix)
    drawing = draw(layout)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' class="resume-tl" viewBox="0 0 {num(drawing.width)} {num(drawing.height)}" width="100%"'
        f' preserveAspectRatio="xMinYMin meet" role="{esc(role)}"'
        f' aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{esc(title)}</title>',
        f'<desc id="{ident}-desc">{esc(desc)}</desc>',
    ]
    if not drawing.marks:
        out.append(
            f'<text class="resume-tl-empty" x="{num(drawing.plot[0])}" y="{num(drawing.top + 1)}"'
            f' font-size="{num(1)}" fill="currentColor">No dated entries.</text>'
        )
    else:
        out += _grid(drawing)
        out += ['<g class="resume-tl-bars">', *(line for m in drawing.marks for line in _item(m, href)), "</g>"]
        out += _axis(drawing)
        out += _legend(drawing)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _grid(drawing: Drawing) -> list[str]:
    lines = [
        f'<line x1="{num(t.x)}" y1="{num(drawing.top)}" x2="{num(t.x)}" y2="{num(drawing.axis_y)}"/>'
        for t in drawing.ticks
    ]
    return [
        '<g class="resume-tl-grid" aria-hidden="true" stroke="currentColor" stroke-opacity="0.15">',
        *lines,
        "</g>",
    ]


def _axis(drawing: Drawing) -> list[str]:
    y = drawing.axis_y
    left, right = drawing.plot
    out = [
        '<g class="resume-tl-axis" aria-hidden="true" stroke="currentColor"'
        f' fill="currentColor" font-size="{num(TICK_FONT)}" text-anchor="middle">',
        f'<line class="resume-tl-axis-line" x1="{num(left)}" y1="{num(y)}" x2="{num(right)}" y2="{num(y)}"/>',
    ]
    for tick in drawing.ticks:
        x = num(tick.x)
        out.append(f'<line x1="{x}" y1="{num(y)}" x2="{x}" y2="{num(y + TICK_LENGTH)}"/>')
        out.append(
            f'<text class="resume-tl-tick" x="{x}" y="{num(y + TICK_LENGTH + TICK_FONT)}"'
            f' stroke="none">{tick.year}</text>'
        )
    out.append("</g>")
    return out


def _legend(drawing: Drawing) -> list[str]:
    y = drawing.legend_y
    out = ['<g class="resume-tl-legend">']
    for entry in drawing.legend:
        out.append(
            f'<rect class="resume-tl-bar resume-tl-swatch resume-tl-tone-{entry.tone}" x="{num(entry.x)}"'
            f' y="{num(y - SWATCH_HEIGHT / 2)}" width="{num(SWATCH_WIDTH)}" height="{num(SWATCH_HEIGHT)}"'
            ' rx="2" fill="currentColor" fill-opacity="0.2" stroke="currentColor"/>'
        )
        out.append(
            f'<text class="resume-tl-label" x="{num(entry.x + SWATCH_WIDTH + SWATCH_GAP)}"'
            f' y="{num(y + 0.35)}" font-size="{num(1)}" fill="currentColor">{esc(entry.text)}</text>'
        )
    out.append("</g>")
    return out


def _item(mark: Mark, href: Callable[[str], str | None]) -> list[str]:
    item = mark.bar.item
    kind = "project" if item.kind == "project" else "position"
    classes = f"resume-tl-item resume-tl-{kind} resume-tl-tone-{mark.tone}"
    url = href(item.docname)
    # Both href spellings: SVG 2 browsers read href, SVG 1.1 ePub readers xlink:href.
    opening = (
        f'<a class="{classes}" href="{esc(url)}" xlink:href="{esc(url)}">'
        if url is not None
        else (f'<g class="{classes}">')
    )
    out = [opening, f"<title>{esc(describe(item))}</title>", _shape(mark)]
    for arrow in mark.arrows:
        cls = "resume-tl-ongoing" if arrow.ongoing else "resume-tl-more"
        out.append(f'<path class="{cls}" d="{_path(arrow_points(arrow, mark.cy))}" fill="currentColor"/>')
    if mark.label is not None:
        out.append(_label_element(mark.label, mark.cy))
    out.append("</a>" if url is not None else "</g>")
    return out


def _path(points: tuple[tuple[float, float], ...]) -> str:
    return "M" + "L".join(f"{num(x)} {num(y)}" for x, y in points) + "Z"


def _shape(mark: Mark) -> str:
    fallback = 'fill="currentColor" fill-opacity="0.2" stroke="currentColor" stroke-opacity="0.7"'
    if mark.diamond:
        return f'<path class="resume-tl-bar resume-tl-mark" d="{_path(diamond_points(mark))}" {fallback}/>'
    return (
        f'<rect class="resume-tl-bar" x="{num(mark.x0)}" y="{num(mark.cy - mark.height / 2)}"'
        f' width="{num(mark.x1 - mark.x0)}" height="{num(mark.height)}" rx="3" {fallback}/>'
    )


def _label_element(label: LabelPlacement, cy: float) -> str:
    cls = "resume-tl-label resume-tl-label--inside" if label.inside else "resume-tl-label"
    text = label.text + ("…" if label.truncated else "")
    anchor = ' text-anchor="end"' if label.anchor == "end" else ""
    return (
        f'<text class="{cls}" x="{num(label.x)}" y="{num(cy + 0.35)}"{anchor}'
        f' font-size="{num(1)}" fill="currentColor">{esc(text)}</text>'
    )
