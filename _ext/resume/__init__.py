"""Sphinx extension ``resume``: a career's pages as a knowledge base.

Reads the ``resume`` front matter of employer and project pages and draws what
can be derived from it: timeline, skill matrix, skills index, career summary,
the summary box on each page and the links between employers and projects.

The package is layered; a module imports only from its own layer or below:

``core``
    the records, their dates and the queries over them; pure Python.
``scaffold``
    what a new site shares with this project (the machinery manifest), the
    starter's pages and guide, ``make upgrade``; pure Python, imports no other layer.
``draw``
    the timeline's layout and its SVG and TikZ renderings, colours, preview cards.
``sphinx_ext``
    the Sphinx skin's base: settings, domain, directives, roles, nodes, links.
``jsonresume``
    JSON Resume: export and import (pure mappings), its Sphinx builder.
``content``, ``authoring``, ``web``
    the aggregates' content; the author's warnings and live preview; link
    previews, JSON-LD, sitemap and redirects.
``writers``
    how each builder draws the extension's nodes.
``site``
    the site-level part: a knowledge base's layout of HTML, book and ePub.

``setup()`` imports lazily, so that the pure parts (and ``make new``) load
without Sphinx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    from resume.extension import setup as setup_extension

    return setup_extension(app)
