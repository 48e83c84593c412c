"""Nodes the extension puts in doctrees, each carrying plain data only:
strings, numbers, docnames and option values.

HTML (and ePub, which reuses it) and LaTeX draw them (:mod:`resume.writers.html`,
:mod:`resume.writers.latex`); text, man and texinfo write the plain docutils
content they wrap (see ``setup()``).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes


class aggregate(nodes.General, nodes.Element):
    """Placeholder for derived content, filled by :mod:`resume.content.fill`.

    Attributes: ``directive`` (which content), ``options``, ``docname``.
    """


class timeline_chart(nodes.General, nodes.Element):
    """The drawn timeline. Attributes: ``show``, ``employer``, ``start``,
    ``end`` (the directive's options), ``title``, ``desc``, ``uid``.

    Its children are one link per page drawn, each with that page's docname
    as its text, for Sphinx to resolve; the renderers look them up by it.
    """


class timeline_list(nodes.General, nodes.Element):
    """The timeline as a chronological list: the chart's text alternative.
    Attribute: ``summary``, the text of its disclosure widget."""


class skill_matrix(nodes.General, nodes.Element):
    """Wraps the matrix table. Attribute: ``caption``, the region's name."""


class turned(nodes.Inline, nodes.TextElement):
    """Text turned upright, for narrow column heads."""


class email_link(nodes.Inline, nodes.TextElement):
    """An e-mail address that works as a link without being written out plainly.
    Attribute: ``address``."""


def spoken_address(address: str) -> str:
    """``someone@example.org`` → ``someone at example dot org``."""
    user, _, host = address.partition("@")
    return f"{user} at {host.replace('.', ' dot ')}" if host else address


def skip(self: Any, node: nodes.Element) -> None:
    """A visitor that writes nothing for the node and its children."""
    raise nodes.SkipNode


def pass_through(self: Any, node: nodes.Element) -> None:
    """A visitor that writes only the node's children."""
