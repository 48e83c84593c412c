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


#: The schema.org accessibility metadata of the package (EPUB Accessibility 1.1):
#: text and charts, each chart with a text alternative beside it.
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityHazard", "none"),
    (
        "schema:accessibilitySummary",
        "Text with headings, a table of contents and links; every chart has a text description and "
        "the same facts as text beside it.",
    ),
)


_HTML_TAG = re.compile(r"<html(?![^>]*\blang=)(?P<attrs>[^>]*)>")
_TOC_NAV = re.compile(r'<nav epub:type="toc"(?![^>]*\brole=)')


def with_language(page: str, language: str) -> str:
    """An XHTML page whose ``<html>`` names its language (``lang`` and ``xml:lang``)."""
    lang = html.escape(language, quote=True)
    return _HTML_TAG.sub(lambda tag: f'<html{tag["attrs"]} lang="{lang}" xml:lang="{lang}">', page, count=1)


def with_toc_role(nav: str) -> str:
    """The navigation document with its table of contents' ARIA role beside its ``epub:type``."""
    return _TOC_NAV.sub('<nav epub:type="toc" role="doc-toc"', nav)


def declare_accessibility(opf: str) -> str:
    """``content.opf`` with the accessibility metadata before ``</metadata>``."""
    if "schema:accessMode" in opf:
        return opf
    metas = "".join(f'    <meta property="{name}">{html.escape(value)}</meta>\n' for name, value in ACCESSIBILITY)
    head, sep, tail = opf.partition("</metadata>")
    if not sep:
        raise ExtensionError("content.opf: no </metadata> to add the accessibility metadata to")
    return f"{head.rstrip(' ')}{metas}  {sep}{tail}"


class SvgEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, declaring the pages that hold inline SVG and
    the book's accessibility."""

    def build_content(self) -> None:
        language = self.config.epub_language or self.config.language or "en"
        for path in self.outdir.rglob("*.xhtml"):
            page = path.read_text("utf-8")
            named = with_language(page, language)
            if named != page:
                path.write_text(named, "utf-8")
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
        opf.write_text(declare_accessibility(text), "utf-8")

    def build_navigation_doc(self) -> None:
        super().build_navigation_doc()
        nav = self.outdir / "nav.xhtml"
        text = nav.read_text("utf-8")
        nav.write_text(with_language(with_toc_role(text), self.config.epub_language or "en"), "utf-8")
