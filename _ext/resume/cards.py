"""Preview cards: the image a chat or social application shows for a link.

A card is plain data (:class:`Card`: what it says) laid out by :func:`layout`
into lines of text at fixed positions, and drawn to a 1200×630 PNG by
:func:`render_png` with Matplotlib. The same card gives the same bytes: one
bundled typeface (DejaVu Sans), no timestamp or software version in the file.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .career import Career
from .dates import Period, format_period
from .model import Employer, Person, Project

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
# The site's accent (conf.py ACCENT) as the ground, white and a pale tint of
# it for the text: contrast above 7:1 for both.
BACKGROUND = "#1F5F8B"
TEXT = "#FFFFFF"
MUTED = "#D6E6F2"
FONT = "DejaVu Sans"
# DejaVu Sans's mean advance per character, as a share of the font size.
CHAR_WIDTH = {"normal": 0.55, "bold": 0.62}


@dataclass(frozen=True)
class Card:
    """What a card says: a small line on top, a large title, lines under it."""

    kicker: str
    title: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    text: str
    y: int  # pixels from the top, of the text's top
    size: int  # pixels
    weight: str
    colour: str


def _wrap(text: str, size: int, weight: str, width: int = WIDTH - 2 * MARGIN) -> list[str]:
    per_line = max(8, int(width / (size * CHAR_WIDTH[weight])))
    return textwrap.wrap(text, per_line, break_on_hyphens=False) or [""]


def _fit(text: str, sizes: Iterable[int], lines: int) -> tuple[int, list[str]]:
    """The largest size at which ``text`` takes at most ``lines`` lines."""
    wrapped: list[str] = []
    size = 0
    for size in sizes:
        wrapped = _wrap(text, size, "bold")
        if len(wrapped) <= lines:
            return size, wrapped
    return size, [*wrapped[: lines - 1], textwrap.shorten(" ".join(wrapped[lines - 1 :]), 40, placeholder=" …")]


def layout(card: Card) -> list[Line]:
    """Where each line of the card goes: kicker on top, title, details at the foot."""
    lines = [Line(card.kicker, MARGIN, 34, "normal", MUTED)]
    size, title = _fit(card.title, (72, 64, 56, 48), 4)
    y = MARGIN + 34 + 40
    for text in title:
        lines.append(Line(text, y, size, "bold", TEXT))
        y += int(size * 1.22)
    foot = HEIGHT - MARGIN
    for text in reversed(card.details):
        foot -= 40
        lines.append(Line(text, foot, 32, "normal", MUTED))
        foot -= 12
    return lines


def render_png(card: Card, path: Path) -> None:
    """Draw the card into ``path`` (a PNG of WIDTH×HEIGHT pixels)."""
    # Imported here: Matplotlib takes a while to load, and only HTML builds draw.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    dpi = 100
    figure = Figure(figsize=(WIDTH / dpi, HEIGHT / dpi), dpi=dpi, facecolor=BACKGROUND)
    FigureCanvasAgg(figure)
    points = 72 / dpi  # Matplotlib sizes fonts in points
    rule_y = 1 - (MARGIN + 34 + 18) / HEIGHT
    x = MARGIN / WIDTH
    figure.add_artist(
        Line2D([x, x + 160 / WIDTH], [rule_y, rule_y], transform=figure.transFigure, color=MUTED, linewidth=3)
    )
    for line in layout(card):
        figure.text(
            x,
            1 - line.y / HEIGHT,
            line.text,
            fontsize=line.size * points,
            fontweight=line.weight,
            color=line.colour,
            fontfamily=FONT,
            va="top",
            ha="left",
            parse_math=False,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", dpi=dpi, facecolor=BACKGROUND, metadata={"Software": None})


# -- what each page's card says ---------------------------------------------------


def _span(periods: list[Period]) -> str | None:
    if not periods:
        return None
    ongoing = any(p.ongoing for p in periods)
    whole = Period(min(p.start for p in periods), max(p.end for p in periods), ongoing)
    return format_period(whole, short=True)


def page_card(page: Employer | Project, person: Person, career: Career) -> Card:
    """An employer's or project's card: the person's name, the title, where and when."""
    details: list[str] = []
    if isinstance(page, Project):
        employer = career.employer_of(page)
        if employer is not None:
            details.append(employer.name)
    else:
        details.append(" · ".join(dict.fromkeys(p.title for p in page.positions)))
    span = _span(career.periods(page))
    if span:
        details.append(span)
    return Card(kicker=person.name, title=page.name, details=tuple(details))


def home_card(person: Person, label: str | None) -> Card:
    """The home page's card: the name and what the person does (``resume_basics``' label)."""
    return Card(kicker="Résumé", title=person.name, details=(label,) if label else ())
