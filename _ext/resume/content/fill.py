"""Fill every aggregate placeholder once all pages are read, before Sphinx
resolves references, so the links in the content are resolved like any other.

Runs for every builder and every page written (a LaTeX book's pages in one
tree): each placeholder knows its own page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from docutils.utils import smartquotes
from sphinx.transforms.post_transforms import SphinxPostTransform

from resume.content.brief import build_brief_experience, build_skill_summary, fit_last
from resume.content.highlights import build_highlights
from resume.content.matrix import build_matrix
from resume.content.skill_index import build_skill_index
from resume.content.summaries import build_career_summary, build_page_summary
from resume.content.timeline import build_timeline
from resume.core.career import Career
from resume.core.standing import career_text
from resume.core.vocabulary import Subtype
from resume.jsonresume.details import bibliography_publications, page_nodes
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.links import Links
from resume.sphinx_ext.nodes import aggregate
from resume.sphinx_ext.warnings import warn

Builder = Callable[[Links, dict[str, Any]], list[nodes.Node]]

BUILDERS: dict[str, Builder] = {
    "skill-matrix": build_matrix,
    "skill-index": build_skill_index,
    "career-summary": build_career_summary,
    "page-summary": build_page_summary,
    "highlights": build_highlights,
    "brief-experience": build_brief_experience,
    "skill-summary": build_skill_summary,
}


class FillAggregates(SphinxPostTransform):
    """Replace every :class:`~resume.sphinx_ext.nodes.aggregate` with its content."""

    # Before ReferencesResolver (10): the pending_xref nodes made here are then
    # resolved by Sphinx for the builder at hand.
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = domain_of(self.env)
        career = domain.career
        skill_index = domain.skill_index_doc()
        directions = self.config.resume_directions
        found = list(self.document.findall(aggregate))
        extras: list[list[nodes.Node]] = []  # what a two-page résumé shows only if it fits
        shown: dict[str, set[str]] = {}
        for node in found:
            shown.setdefault(node["docname"], set()).add(node["directive"])
        for count, node in enumerate(found):
            slug = self.env.metadata.get(node["docname"], {}).get("direction")
            direction = (str(slug), str(directions[slug])) if slug in directions else None
            links = Links(
                node["docname"],
                career,
                skill_index,
                self.config.author,
                direction=direction,
                root=self.env.docname,
                shown=frozenset(shown[node["docname"]]),
            )
            directive = node["directive"]
            if directive == "career":
                labels = list(directions.values())
                content = _career_words(node, career, labels, direction[1] if direction else None)
            elif directive == "resume-details":
                section = node["options"]["section"]
                entries = domain.person_section(section)
                if entries is None and section == "publications":
                    entries = bibliography_publications(self.env) or None
                content = _section(node, entries)
                if section != "education" and "brief-experience" in shown[node["docname"]]:
                    extras.append(content)
            elif directive == "timeline":
                content = build_timeline(links, node["options"], uid=f"resume-timeline-{count}")
            else:
                content = BUILDERS[directive](links, node["options"])
            if self.config.smartquotes:
                _curl_quotes(content, self.config.language or "en")
            node.replace_self(content)
        fit_last(self.document, extras)


def _curl_quotes(content: list[nodes.Node], language: str) -> None:
    """Typographic quotes in the text made from front matter, as Sphinx's
    SmartQuotes gives the pages' own text (which it has done by now)."""
    for node in content:
        for text in list(node.findall(nodes.Text)):
            if isinstance(text.parent, nodes.FixedTextElement | nodes.literal | nodes.raw):
                continue
            curled = smartquotes.smartyPants(str(text), "q", language)
            if curled != str(text) and text.parent is not None:
                text.parent.replace(text, nodes.Text(curled))


def _section(node: aggregate, entries: list[Any] | None) -> list[nodes.Node]:
    """``{resume-details} <section>``: the section as the page that keeps it shows it."""
    section = node["options"]["section"]
    if entries is None:
        fix = f"list them in one page's front matter (jsonresume: {section}: [...]), or remove the directive"
        warn(Subtype.DIRECTIVE, f"resume-details: no page keeps {section!r}: {fix}", node)
        return []
    return page_nodes({section: entries}, {})


def _career_words(node: aggregate, career: Career, labels: list[str], direction: str | None) -> list[nodes.Node]:
    """A ``{career}`` role's words, or a warning where they cannot be said."""
    key = node["options"]["key"]
    text = career_text(key, career, node["docname"], labels, direction)
    if text is None:
        where = (
            "on an employer's page that lists a position"
            if key == "status"
            else "once conf.py's resume_directions names a direction"
            if key == "directions"
            else "once a page lists a position"
        )
        warn(Subtype.DIRECTIVE, f"career: {key!r} has nothing to say here: use it {where}", node)
        return []
    return [nodes.Text(text)]
