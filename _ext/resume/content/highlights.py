"""The ``highlights`` directive's content: the projects' stated results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from resume.content.brief import pdf_info
from resume.core.dates import format_years_span
from resume.sphinx_ext.blocks import bullets, para

if TYPE_CHECKING:
    from resume.sphinx_ext.links import Links


def build_highlights(links: Links, options: dict[str, Any]) -> list[nodes.Node]:
    """Each stated result, with the project, employer and years it belongs to;
    on a tailored page, the first few of its direction."""
    career = links.career
    items: list[nodes.Node] = []
    chosen = career.results(links.direction)
    for project in chosen[: links.highlight_limit] if links.direction else chosen:
        result = project.result or ""
        line = para(nodes.strong(result, result), " ", links.page_link(project))
        employer = career.employer_of(project)
        period = career.work_period(project)
        where = [employer.name] if employer else []
        if period is not None:
            where.append(format_years_span(period))
        if where:
            line += nodes.Text(f" ({', '.join(where)})")
        items.append(line)
    if not items:
        return [para("No results stated yet.", classes=["resume-empty"])]
    return [*pdf_info(links, chosen), bullets(items, classes=["resume-highlights"])]
