"""The site's icon: the person's initials, white on the accent color, in a
rounded square. An SVG for browsers, PNGs for phones' home screens and for
the ``favicon.ico`` that browsers ask for by habit."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def initials(name: str) -> str:
    """``"Ada King Lovelace"`` → ``"AL"``; one word gives one letter; none gives ``"?"``."""
    words = [word for word in name.split() if word[:1].isalnum()]
    if not words:
        return "?"
    picked = words[:1] + words[1:][-1:]
    return "".join(word[0] for word in picked).upper()


def svg(name: str, accent: str) -> str:
    """The icon as SVG, on a 64-unit square."""
    letters = initials(name).replace("&", "&amp;").replace("<", "&lt;")
    size = 30 if len(letters) > 1 else 38
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="12" fill="#{accent}"/>'
        f'<text x="32" y="33" fill="#ffffff" font-family="DejaVu Sans, Helvetica, Arial, sans-serif"'
        f' font-weight="700" font-size="{size}" text-anchor="middle" dominant-baseline="central">{letters}</text>'
        "</svg>\n"
    )


def write_png(name: str, accent: str, path: Path, pixels: int, *, ico: bool = False) -> None:
    """The icon as a square PNG of ``pixels`` (or an ICO holding 16, 32 and 48 px)."""
    from PIL import Image, ImageDraw

    from resume.draw.cards import _font

    colour = tuple(int(accent[i : i + 2], 16) for i in (0, 2, 4))
    image = Image.new("RGBA", (pixels, pixels), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle([0, 0, pixels - 1, pixels - 1], radius=pixels * 12 // 64, fill=(*colour, 255))
    letters = initials(name)
    size = pixels * (30 if len(letters) > 1 else 38) // 64
    pen.text((pixels / 2, pixels / 2), letters, font=_font(size, "bold"), fill=(255, 255, 255, 255), anchor="mm")
    path.parent.mkdir(parents=True, exist_ok=True)
    if ico:
        image.save(path, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    else:
        image.save(path, format="PNG")
