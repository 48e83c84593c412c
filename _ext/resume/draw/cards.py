"""Preview cards: the image a chat or social application shows for a link.

A card is plain data (:class:`Card`: what it says) laid out by :func:`layout`
into lines of text at fixed positions, and drawn to a 1200×630 PNG by
:func:`render_png` with Pillow. The same card gives the same bytes: one
typeface (DejaVu Sans, the copy Matplotlib ships), no timestamp or software
version in the file.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from resume.core.career import Career
from resume.core.claims import project_claim
from resume.core.dates import Period, covering, format_period
from resume.core.model import Employer, Person, Project

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
# The site's accent (conf.py ACCENT) as the ground, white and a pale tint of
# it for the text: contrast above 7:1 for both.
BACKGROUND = "#1F5F8B"
TEXT = "#FFFFFF"
MUTED = "#D6E6F2"
# DejaVu Sans's mean advance per character, as a share of the font size.
CHAR_WIDTH = {"normal": 0.55, "bold": 0.62}
RULE_Y = MARGIN + 34 + 18  # the short rule under the kicker
TITLE_Y = RULE_Y + 22
LINE_HEIGHT = 1.22  # of the font size
TITLE_SIZES = (72, 64, 56, 48, 40)
DETAIL_SIZE, DETAIL_STEP = 32, 52
GAP = 24  # at least this between the title and the details
# Anti-aliasing levels per text colour: the card is drawn as a palette image
# of the background blended towards each text colour in this many steps.
LEVELS = 16


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


def _fit(text: str, room: int) -> tuple[int, list[str]]:
    """The largest size at which ``text`` takes at most four lines of at most
    ``room`` pixels together; at the smallest, what fits and ``…``."""
    size, wrapped, most = 0, [""], 1
    for size in TITLE_SIZES:
        most = max(1, min(4, int(room // (size * LINE_HEIGHT))))
        wrapped = _wrap(text, size, "bold")
        if len(wrapped) <= most:
            return size, wrapped
    rest = textwrap.shorten(" ".join(wrapped[most - 1 :]), 40, placeholder=" …")
    return size, [*wrapped[: most - 1], rest]


def layout(card: Card) -> list[Line]:
    """Where each line of the card goes: the kicker on top, the details at the
    foot and the title between them, as large as fits."""
    lines = [Line(card.kicker, MARGIN, 34, "normal", MUTED)]
    foot = HEIGHT - MARGIN - DETAIL_STEP * len(card.details)
    size, title = _fit(card.title, foot - GAP - TITLE_Y)
    for number, text in enumerate(title):
        lines.append(Line(text, TITLE_Y + int(size * LINE_HEIGHT) * number, size, "bold", TEXT))
    for number, text in enumerate(card.details):
        lines.append(Line(text, foot + DETAIL_STEP * number + 12, DETAIL_SIZE, "normal", MUTED))
    return lines


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _palette() -> list[int]:
    """Background blended towards TEXT in LEVELS steps (0 is the background),
    then towards MUTED in LEVELS - 1 steps."""
    ground = _rgb(BACKGROUND)
    entries: list[int] = []
    for colour, first in ((TEXT, 0), (MUTED, 1)):
        for step in range(first, LEVELS):
            entries += (round(g + (c - g) * step / (LEVELS - 1)) for g, c in zip(ground, _rgb(colour), strict=True))
    return entries


PALETTE = _palette()
# A mask's coverage (0-255) as a palette index: TEXT's steps, then MUTED's.
TEXT_INDEX = [round(value * (LEVELS - 1) / 255) for value in range(256)]
MUTED_INDEX = [step and LEVELS - 1 + step for step in TEXT_INDEX]


@cache
def _font(size: int, weight: str) -> FreeTypeFont:
    import matplotlib
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if weight == "bold" else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path(), "fonts", "ttf", name)), size)


def render_png(card: Card, path: Path) -> None:
    """Draw the card into ``path`` (a PNG of WIDTH×HEIGHT pixels).

    Each text colour is drawn as a coverage mask; the masks become indices of
    a small palette, which keeps the file small and quick to write."""
    # Imported here: only HTML builds with a site address draw cards.
    from PIL import Image, ImageChops, ImageDraw

    masks = {colour: Image.new("L", (WIDTH, HEIGHT)) for colour in (TEXT, MUTED)}
    pens = {colour: ImageDraw.Draw(mask) for colour, mask in masks.items()}
    pens[MUTED].line([(MARGIN, RULE_Y), (MARGIN + 160, RULE_Y)], fill=255, width=4)
    for line in layout(card):
        pens[line.colour].text((MARGIN, line.y), line.text, font=_font(line.size, line.weight), fill=255, anchor="la")
    image = ImageChops.add(masks[TEXT].point(TEXT_INDEX), masks[MUTED].point(MUTED_INDEX))
    image.putpalette(PALETTE)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG")


# -- what each page's card says ---------------------------------------------------


def _span(periods: list[Period]) -> str | None:
    if not periods:
        return None
    return format_period(covering(periods), short=True)


def page_card(page: Employer | Project, person: Person, career: Career) -> Card:
    """An employer's or project's card: the person's name, the title, where and when."""
    details: list[str] = []
    if isinstance(page, Project):
        claim = project_claim(career, page)
        if claim.own is not None:  # its own dates; else where it belongs, no duration
            details += [claim.employer or "", format_period(claim.own, short=True)]
        else:
            details += claim.belongs_parts()
        details = [line for line in details if line]
    else:
        details.append(" · ".join(dict.fromkeys(p.title for p in page.positions)))
        span = _span(career.periods(page))
        if span:
            details.append(span)
    return Card(kicker=person.name, title=page.name, details=tuple(details))


def home_card(person: Person, label: str | None) -> Card:
    """The home page's card: the name and what the person does (``resume_basics``' label)."""
    return Card(kicker="Résumé", title=person.name, details=(label,) if label else ())
