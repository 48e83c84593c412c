"""Links that travel: what a shared link previews, and what search engines read.

For every HTML page (not the ePub's) this module adds, before
sphinxext-opengraph writes its tags:

- for employer and project pages, the page's own description (its summary
  and a project's result, from the front matter) as ``description`` and
  ``og:description``, and a preview card drawn from the records (:mod:`.cards`);
- the card as ``og:image`` (the home page's card for pages without one of
  their own) and ``twitter:card``;
- schema.org JSON-LD (:mod:`.jsonld`) on the home, employer and project pages.

sphinxext-opengraph writes the title, type, address, site name and image tags
from that. Its own cards are turned off (``ogp_social_cards``): they can show
only the title and description, not the person's name and the period.

Addresses are absolute under ``html_baseurl`` (the site address, set once in
conf.py). Without it nothing absolute can be known: pages then carry no
``og:url``, ``og:image`` or sitemap, rather than a relative or invented one.
At the end of an HTML build it writes ``sitemap.xml`` of every page, in
address order, and a ``robots.txt`` that points to it. (sphinx-sitemap 2.9
would list the pages in the order they are written, which varies under
``-j``, and warns when the address is unknown, which fails a local strict
build: a dozen lines here keep the file the same on every build.)
"""

from __future__ import annotations

import html
import posixpath
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from docutils import nodes
from sphinx.util.osutil import relative_uri

from resume.core.model import Employer, Person, Project
from resume.draw import cards, icon
from resume.jsonresume.education import schools
from resume.sphinx_ext.domain import domain_of
from resume.web import jsonld

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from resume.core.career import Career

CARDS = "_images/cards"
DESCRIPTION_LENGTH = 200


def shares(builder: Builder) -> bool:
    """Whether this builder writes a web site (the ePub's pages are not shared)."""
    return builder.format == "html" and not builder.name.startswith("epub")


def site_url(builder: Builder) -> str:
    """The site's absolute address, ending in ``/``, or ``""`` when unknown."""
    base = builder.config.html_baseurl or ""
    return base if not base or base.endswith("/") else f"{base}/"


def page_address(builder: Builder, docname: str) -> str:
    """A page's absolute address (the home page's is the site's own); needs the site's address."""
    base = site_url(builder)
    return base if docname == builder.config.root_doc else urljoin(base, builder.get_target_uri(docname))


def shorten(text: str, width: int = DESCRIPTION_LENGTH) -> str:
    """One line of at most ``width`` characters, cut at a word with ``…``."""
    return textwrap.shorten(" ".join(text.split()), width, placeholder=" …")


def not_found_page(app: Sphinx) -> str | None:
    """The 404 page's name, where sphinx-notfound-page is in use."""
    return str(app.config.notfound_pagename) if "notfound_pagename" in app.config else None


def first_paragraph(doctree: nodes.document) -> str | None:
    """The text of the page's first paragraph of prose: one directly under a
    section, the title's first (the summary box and other blocks come in
    containers, lists and tables)."""
    section = doctree.next_node(nodes.section)
    if section is None:
        return None
    for paragraph in section.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.section):
            return paragraph.astext()
    return None


def describe(record: Employer | Project, doctree: nodes.document) -> str | None:
    """A page's own description: its summary and, for a project, its result;
    the page's first paragraph where the front matter has neither."""
    parts = [record.summary] if record.summary else []
    if isinstance(record, Project) and record.result:
        parts.append(record.result)
    text = " ".join(part if part.endswith((".", "!", "?")) else f"{part}." for part in parts)
    text = text or first_paragraph(doctree) or ""
    return shorten(text) if text else None


def _meta(name: str, content: str, attribute: str = "name") -> str:
    content = content.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return f'<meta {attribute}="{name}" content="{content}" />\n'


class _Urls:
    """Addresses of pages and files, seen from one page."""

    def __init__(self, builder: Builder, pagename: str) -> None:
        self.builder = builder
        self.base = site_url(builder)
        self.here = builder.get_target_uri(pagename)

    def page(self, docname: str) -> str:
        target = self.builder.get_target_uri(docname)
        if self.base:
            return page_address(self.builder, docname)
        return relative_uri(self.here, target) or posixpath.basename(target)

    def file(self, path: str) -> str | None:
        return urljoin(self.base, path) if self.base else None


def _card_path(docname: str) -> str:
    return f"{CARDS}/{docname}.png"


def add_previews(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``, before sphinxext-opengraph: descriptions, cards, JSON-LD."""
    if doctree is None or not shares(app.builder):
        return
    if pagename == not_found_page(app):
        # Served at every missing address: it is no page of its own to share.
        context["pageurl"] = None
        context["meta"] = {**(context.get("meta") or {}), "ogp_disable": True}
        return
    career = domain_of(app.env).career
    person = _person(app, career)
    urls = _Urls(app.builder, pagename)
    record = career.page(pagename)
    fields = dict(context.get("meta") or {})
    description = None
    card = None
    if record is not None:
        description = describe(record, doctree)
        card = cards.page_card(record, person, career)
    else:
        text = first_paragraph(doctree)
        description = shorten(text) if text else None
    if pagename == person.docname:
        card = cards.home_card(person, _label(app))
        fields["og:type"] = "profile"
        if urls.base:
            # The home page's address is the site's own, not .../index.html.
            context["pageurl"] = fields["og:url"] = urls.page(pagename)
    if description:
        # Cut at a word (the library would cut mid-word): the link preview and the search result.
        fields["og:description"] = description
        context["metatags"] = context.get("metatags", "") + _meta("description", description)
    _escape_page_text(app, doctree, fields)
    image_of = pagename if card is not None else person.docname
    image = urls.file(_card_path(image_of))
    if image:
        # Only an absolute address can show a card, so only then is it drawn.
        if card is not None:
            cards.render_png(card, Path(app.outdir, _card_path(pagename)))
        fields["og:image"] = image
        fields["og:image:width"] = str(cards.WIDTH)
        fields["og:image:height"] = str(cards.HEIGHT)
        shown = card or cards.home_card(person, _label(app))
        # sphinxext-opengraph escapes only the quotes of this one; the rest here.
        alt = " — ".join((shown.title, shown.kicker, *shown.details))
        fields["og:image:alt"] = alt.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        context["metatags"] += _meta("twitter:card", "summary_large_image")
    else:
        context["metatags"] += _meta("twitter:card", "summary")
    context["meta"] = fields
    data = _structured_data(app, record, pagename, person, career, urls, description)
    if data is not None:
        context["metatags"] += jsonld.script(data)


def _escape_page_text(app: Sphinx, doctree: nodes.document, fields: dict[str, Any]) -> None:
    """sphinxext-opengraph writes the tags it makes from the page's text with
    only the quotes escaped, so a title such as ``<b>`` would reach the HTML as
    markup. Hand it every such tag already escaped (it escapes the quotes)."""
    if "sphinxext.opengraph" not in app.extensions:
        return
    for key in ("og:title", "og:site_name", "og:description"):
        if key in fields:
            fields[key] = html.escape(fields[key], quote=False)
    title = doctree.next_node(nodes.title)
    if title is not None:
        fields.setdefault("og:title", html.escape(title.astext(), quote=False))
    fields.setdefault("og:site_name", html.escape(app.config.project, quote=False))
    if "og:description" not in fields:
        # The library's own description, which it escapes already. (Imported
        # here: the package loads Matplotlib for its own cards.)
        from sphinxext.opengraph._description_parser import get_description

        title_text = title.astext() if title is not None else ""
        description = get_description(doctree, app.config.ogp_description_length, {title_text})
        if description:
            fields["og:description"] = description


def _person(app: Sphinx, career: Career) -> Person:
    """The home page's person record, or one named after the site's author."""
    return career.person or Person(app.config.root_doc, app.config.author or app.config.project)


def _label(app: Sphinx) -> str | None:
    """What the person does: ``resume_basics``' label, the one place it is written."""
    return jsonld.job_title(app.config.resume_basics)


def _structured_data(
    app: Sphinx,
    record: Employer | Project | None,
    pagename: str,
    person: Person,
    career: Career,
    urls: _Urls,
    description: str | None,
) -> dict[str, Any] | None:
    """The JSON-LD of a record's page or of the home page; None for other pages."""
    if isinstance(record, Employer):
        return jsonld.employer_page(record, person, career, urls.page, description)
    if isinstance(record, Project):
        return jsonld.project_page(record, person, career, urls.page, description)
    if pagename == person.docname:
        basics = app.config.resume_basics
        return jsonld.profile_page(person, basics, schools(app.env), career, urls.page, description)
    return None


def drop_relative_url(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``, after sphinxext-opengraph: without the site's
    address it writes ``og:url`` relative, which Open Graph does not allow."""
    if doctree is None or not shares(app.builder) or site_url(app.builder):
        return
    lines = context.get("metatags", "").split("\n")
    context["metatags"] = "\n".join(line for line in lines if not line.startswith('<meta property="og:url"'))


def root_links_on_404(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the 404 page is served at every missing address,
    at any depth, so its links start from the site's root path
    (sphinx-notfound-page does so for the theme's links and images)."""
    if docname != not_found_page(app) or not shares(app.builder):
        return
    prefix = app.config.notfound_urls_prefix or "/"
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if uri and not urlsplit(uri).scheme and not uri.startswith(("/", "#")):
            reference["refuri"] = prefix + uri


def reader_pages(app: Sphinx) -> list[str]:
    """Every page written for readers: not the 404 page, nor a page kept out
    of the site's search (``nosearch: true`` in its front matter, as the
    editorial notes are)."""
    unlisted = {docname for docname, meta in app.env.metadata.items() if "nosearch" in meta}
    return sorted(set(app.env.found_docs) - unlisted - {not_found_page(app)})


def write_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: ``sitemap.xml`` and ``robots.txt`` at the site's root."""
    if exception is not None or not shares(app.builder):
        return
    outdir = Path(app.outdir)
    base = site_url(app.builder)
    robots = "User-agent: *\nDisallow:\n"
    if base:
        namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
        urlset = ElementTree.Element("urlset", xmlns=namespace)
        for address in sorted(page_address(app.builder, d) for d in reader_pages(app)):
            url = ElementTree.SubElement(urlset, "url")
            ElementTree.SubElement(url, "loc").text = address
        ElementTree.indent(urlset)
        tree = ElementTree.ElementTree(urlset)
        tree.write(outdir / "sitemap.xml", encoding="utf-8", xml_declaration=True)
        robots += f"\nSitemap: {urljoin(base, 'sitemap.xml')}\n"
    (outdir / "robots.txt").write_text(robots, encoding="utf-8")


#: The site's icons at its root: the file, and how big a PNG is (None: the SVG).
ICONS = {"favicon.svg": None, "apple-touch-icon.png": 180, "favicon.ico": 48}


def link_icons(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``: every page names the site's icon (so no browser asks for a missing one)."""
    if not shares(app.builder):
        return
    to = context["pathto"]
    context["metatags"] = (
        context.get("metatags", "")
        + f'<link rel="icon" href="{to("favicon.svg", 1)}" type="image/svg+xml" />\n'
        + f'<link rel="apple-touch-icon" href="{to("apple-touch-icon.png", 1)}" />\n'
    )


def write_icons(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the icons, drawn from the name and the accent color."""
    if exception is not None or not shares(app.builder):
        return
    name, accent = str(app.config.project), str(app.config.resume_accent)
    for file, pixels in ICONS.items():
        path = Path(app.outdir, file)
        if pixels is None:
            path.write_text(icon.svg(name, accent), encoding="utf-8")
        else:
            icon.write_png(name, accent, path, pixels, ico=file.endswith(".ico"))


def setup_sharing(app: Sphinx) -> None:
    app.connect("html-page-context", link_icons)
    app.connect("build-finished", write_icons)
    app.connect("html-page-context", add_previews, priority=400)
    app.connect("html-page-context", drop_relative_url, priority=600)
    app.connect("doctree-resolved", root_links_on_404)
    app.connect("build-finished", write_sitemap)
