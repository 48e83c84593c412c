"""ePub packaging for the charts: EPUB 3 wants ``properties="svg"`` on the
manifest item of every page holding inline SVG (epubcheck OPF-014), and
Sphinx writes no properties. The extension draws the SVG, so it declares it."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_XHTML_ITEM = re.compile(r'<item id="[^"]*" href="(?P<href>[^"]*)" media-type="application/xhtml\+xml" />')


def declare_svg(opf: str, has_svg) -> str:
    """``content.opf`` with every item whose page ``has_svg(href)`` declared."""

    def declare(item: re.Match[str]) -> str:
        if not has_svg(unquote(html.unescape(item["href"]))):
            return item[0]
        return item[0].removesuffix(" />") + ' properties="svg" />'

    return _XHTML_ITEM.sub(declare, opf)


def package_svg(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: declare the SVG pages, then package the ePub again."""
    builder = app.builder
    if exception is not None or builder.name != "epub":
        return
    opf = builder.outdir / "content.opf"
    if not opf.exists():
        return
    opf.write_text(
        declare_svg(opf.read_text("utf-8"), lambda href: b"<svg" in (builder.outdir / href).read_bytes()),
        "utf-8",
    )
    builder.build_epub()
