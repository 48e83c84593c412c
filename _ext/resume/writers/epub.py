"""ePub packaging for the charts: EPUB 3 wants ``properties="svg"`` on the
manifest item of every page holding inline SVG (epubcheck OPF-014), and
Sphinx writes no properties. The extension draws the SVG, so it declares it,
in ``content.opf`` before the archive is made (the archive is written once)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import unquote

from sphinx.builders.epub3 import Epub3Builder
from sphinx.errors import ExtensionError

_XHTML_ITEM = re.compile(r'<item id="[^"]*" href="(?P<href>[^"]*)" media-type="application/xhtml\+xml" />')


def declare_svg(opf: str, has_svg: Callable[[str], bool]) -> tuple[str, set[str]]:
    """``content.opf`` with every item whose page ``has_svg(href)`` declared,
    and the hrefs declared."""
    declared: set[str] = set()

    def declare(item: re.Match[str]) -> str:
        href = unquote(html.unescape(item["href"]))
        if not has_svg(href):
            return item[0]
        declared.add(href)
        return item[0].removesuffix(" />") + ' properties="svg" />'

    return _XHTML_ITEM.sub(declare, opf), declared


class SvgEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, declaring the pages that hold inline SVG."""

    def build_content(self) -> None:
        super().build_content()
        opf = self.outdir / "content.opf"
        pages = {
            path.relative_to(self.outdir).as_posix()
            for path in self.outdir.rglob("*.xhtml")
            if b"<svg" in path.read_bytes()
        }
        text, declared = declare_svg(opf.read_text("utf-8"), pages.__contains__)
        if declared != pages:
            # Sphinx's manifest no longer looks as expected: fail rather than
            # write an ePub that checkers reject.
            missing = ", ".join(sorted(pages - declared))
            raise ExtensionError(f"content.opf: no manifest item found to declare SVG for {missing}")
        opf.write_text(text, "utf-8")
