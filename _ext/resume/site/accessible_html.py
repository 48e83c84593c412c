"""Valid ARIA in the HTML that Sphinx and docutils write, on every page.

Two pieces of their markup fail axe-core's WCAG rules and the Nu Html Checker:

* a toctree caption (furo's sidebar "Contents", any ``:caption:``) is written
  by Sphinx's ``HTML5Translator.visit_title`` as ``<p class="caption"
  role="heading">`` without the ``aria-level`` the heading role requires;
* a citation (the sphinxcontrib-bibtex bibliography) is written by docutils'
  ``visit_citation`` with ``role="doc-biblioentry"`` inside ``role="list"``:
  DPUB-ARIA 1.1 deprecates that role, and with no list items the list is empty.

Both are written right here instead, for every HTML-format builder (ePub too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator


def _section_depth(node: nodes.Node) -> int:
    depth, parent = 0, node.parent
    while parent is not None:
        depth += isinstance(parent, nodes.section)
        parent = parent.parent
    return depth


def visit_title(self: HTML5Translator, node: nodes.title) -> None:
    parent = node.parent
    if not (isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree")):
        type(self).visit_title(self, node)
        return
    # One level below the section holding the toctree; in the sidebar (no
    # section), below the page's <h1>.
    level = min(max(_section_depth(node) + 1, 2), 6)
    aria = {"aria-level": str(level)}
    self.body.append(self.starttag(node, "p", "", False, CLASS="caption", ROLE="heading", **aria))
    self.body.append('<span class="caption-text">')
    self.context.append("</span></p>\n")


def depart_title(self: HTML5Translator, node: nodes.title) -> None:
    type(self).depart_title(self, node)


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation(self: HTML5Translator, node: nodes.citation) -> None:
    type(self).depart_citation(self, node)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_node(nodes.title, override=True, html=(visit_title, depart_title))
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
