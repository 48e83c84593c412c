"""Render a timeline :class:`~resume.draw.geometry.Drawing` as a TikZ picture for the PDF.

Needs only ``tikz`` (which loads ``graphicx`` and ``xcolor``). The picture is
exactly ``WIDTH`` cm wide (its bounding box is fixed), then
``\\resizebox{\\linewidth}{!}`` fits it to the text block; with 15 cm against
Sphinx's usual 15 to 16.5 cm text width the scale stays near 1, so the labels
stay legible. Colours are the palette's light tones, readable in colour and
printed in grayscale; text is black.

Labels are written by the caller (``label(docname, text)``), so the LaTeX
writer escapes them and makes the link, as for any reference.
"""

from __future__ import annotations

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
from resume.draw.palette import tikz_colour, tikz_colours
from resume.draw.timeline import TimelineLayout

__all__ = ["WIDTH", "render_tikz"]

WIDTH = 15.0  # cm, before \resizebox
EM_CM = WIDTH / WIDTH_EM
FONT_PT = EM_CM / 2.54 * 72.27  # the label font, so that an em is what the geometry assumed


def num(value: float) -> str:
    """Em to cm, three decimals, so output is byte-stable."""
    text = f"{value * EM_CM:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _point(x: float, y: float) -> str:
    # TikZ's y grows upwards; the geometry's downwards.
    return f"({num(x)},{num(-y)})"


def render_tikz(layout: TimelineLayout, *, label: Callable[[str, str], str], escape: Callable[[str], str]) -> str:
    """The chart as LaTeX source (a resized ``tikzpicture``).

    ``label(docname, text)`` is the LaTeX for a mark's label (a link where the
    page is in the document); ``escape`` escapes other text.
    """
    drawing = draw(layout)
    if not drawing.marks:
        # \resizebox of an empty box divides by zero; emit a harmless picture.
        return "\\begin{tikzpicture}\\node {No dated entries.};\\end{tikzpicture}\n"
    font = f"{FONT_PT:.2f}".rstrip("0").rstrip(".")
    leading = f"{FONT_PT * 1.2:.2f}".rstrip("0").rstrip(".")
    out = [
        "\\resizebox{\\linewidth}{!}{\\begin{tikzpicture}"
        f"[font=\\fontsize{{{font}pt}}{{{leading}pt}}\\selectfont]",
        *tikz_colours(),
        f"\\useasboundingbox {_point(0, drawing.height)} rectangle {_point(drawing.width, 0)};",
        *_grid(drawing),
        *(line for mark in drawing.marks for line in _item(mark, label)),
        *_axis(drawing),
        *_legend(drawing, escape),
        "\\end{tikzpicture}}",
    ]
    return "\n".join(out) + "\n"


def _grid(drawing: Drawing) -> list[str]:
    return [
        f"\\draw[black!15,line width=0.3pt] {_point(t.x, drawing.top)} -- {_point(t.x, drawing.axis_y)};"
        for t in drawing.ticks
    ]


def _axis(drawing: Drawing) -> list[str]:
    y = drawing.axis_y
    left, right = drawing.plot
    out = [f"\\draw[black!70,line width=0.4pt] {_point(left, y)} -- {_point(right, y)};"]
    size = f"\\fontsize{{{FONT_PT * TICK_FONT:.2f}pt}}{{{FONT_PT * TICK_FONT * 1.2:.2f}pt}}\\selectfont"
    for tick in drawing.ticks:
        out.append(f"\\draw[black!70,line width=0.4pt] {_point(tick.x, y)} -- {_point(tick.x, y + TICK_LENGTH)};")
        out.append(
            f"\\node[anchor=north,inner sep=1pt,font={size}] at {_point(tick.x, y + TICK_LENGTH)} {{{tick.year}}};"
        )
    return out


def _legend(drawing: Drawing, escape: Callable[[str], str]) -> list[str]:
    y = drawing.legend_y
    out = []
    for entry in drawing.legend:
        fill, edge = tikz_colour(entry.tone, "fill"), tikz_colour(entry.tone, "edge")
        corner = _point(entry.x, y - SWATCH_HEIGHT / 2)
        far = _point(entry.x + SWATCH_WIDTH, y + SWATCH_HEIGHT / 2)
        out.append(f"\\filldraw[fill={fill},draw={edge},line width=0.4pt] {corner} rectangle {far};")
        at = _point(entry.x + SWATCH_WIDTH + SWATCH_GAP, y)
        out.append(f"\\node[anchor=west,inner sep=0pt,text=black] at {at} {{{escape(entry.text)}}};")
    return out


def _item(mark: Mark, label: Callable[[str, str], str]) -> list[str]:
    fill, edge = tikz_colour(mark.tone, "fill"), tikz_colour(mark.tone, "edge")
    style = f"fill={fill},draw={edge},line width=0.4pt"
    if mark.diamond:
        shape = f"\\filldraw[{style}] " + " -- ".join(_point(x, y) for x, y in diamond_points(mark)) + " -- cycle;"
    else:
        half = mark.height / 2
        shape = (
            f"\\filldraw[{style},rounded corners=0.5pt] {_point(mark.x0, mark.cy + half)}"
            f" rectangle {_point(mark.x1, mark.cy - half)};"
        )
    out = [shape]
    for arrow in mark.arrows:
        out.append(
            f"\\fill[{edge}] " + " -- ".join(_point(x, y) for x, y in arrow_points(arrow, mark.cy)) + " -- cycle;"
        )
    placed = mark.label
    if placed is not None:
        text = placed.text + ("…" if placed.truncated else "")
        anchor = "east" if placed.anchor == "end" else "west"
        # Braces around the label keep a "]" in it from ending an argument.
        body = label(mark.bar.item.docname, text)
        out.append(f"\\node[anchor={anchor},inner sep=0pt,text=black] at {_point(placed.x, mark.cy)} {{{body}}};")
    return out
