"""Links in generated content, left for Sphinx to resolve.

Every link is a ``pending_xref`` of the ``resume`` domain: ``page`` for a page
of the site, ``skill`` for a skill's index entry. Sphinx's own resolver turns
them into references for whatever builder runs (an HTML address, a LaTeX
label, plain text for a page outside a PDF), so the extension holds no
builder-specific link code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from resume.core.career import Career
    from resume.core.model import Employer, Project

#: A two-page résumé leads with this many results (of its direction, if tailored).
HIGHLIGHTS_ON_A_BRIEF = 4


class Links:
    """Link nodes for content drawn on the page ``docname``, and what else
    that content depends on: the page's career direction (a tailored brief),
    the other aggregates ``shown`` on the page, the document being written
    (``root``: the page, or a whole PDF's root page), and the site's
    ``author`` (a PDF's metadata)."""

    def __init__(
        self,
        docname: str,
        career: Career,
        skill_index: str | None,
        author: str = "",
        *,
        direction: tuple[str, str] | None = None,
        root: str | None = None,
        shown: frozenset[str] = frozenset(),
    ) -> None:
        self.docname = docname
        self.career = career
        self.skill_index = skill_index
        self.author = author
        self.direction: str | None = direction[0] if direction else None
        self.direction_label = direction[1] if direction else ""
        # A two-page résumé (a page with `brief-experience`) names a few results
        # up front, flat; its experience does not repeat those a `highlights` shows.
        self.is_brief = "brief-experience" in shown
        self.highlights_shown = "highlights" in shown
        self.highlight_limit = HIGHLIGHTS_ON_A_BRIEF
        self.root = root or docname

    def _xref(self, reftype: str, target: str, text: str, **attributes: str) -> addnodes.pending_xref:
        return addnodes.pending_xref(
            "",
            nodes.Text(text),
            refdomain="resume",
            reftype=reftype,
            reftarget=target,
            refdoc=self.docname,
            refexplicit=True,
            refwarn=False,
            **attributes,
        )

    def page(self, docname: str, text: str, *, title: str | None = None, classes: tuple[str, ...] = ()) -> nodes.Node:
        """A link to the page ``docname`` reading ``text``, with an optional tooltip."""
        xref = self._xref("page", docname, text, **({"reftitle": title} if title else {}))
        xref["classes"].extend(classes)
        return xref

    def page_link(self, record: Employer | Project) -> nodes.Node:
        """A link to a record's page, reading its name."""
        return self.page(record.docname, record.name)

    def skill(self, name: str) -> nodes.Node:
        """A link to the skill's index entry; plain text where it has none."""
        if self.skill_index is None or not self.career.knows_skill(name):
            return nodes.inline(name, name)
        return self._xref("skill", name, name)

    def skills(self, names: tuple[str, ...] | list[str]) -> list[nodes.Node]:
        """Each skill's link, comma-separated."""
        out: list[nodes.Node] = []
        for index, name in enumerate(names):
            if index:
                out.append(nodes.Text(", "))
            out.append(self.skill(name))
        return out
