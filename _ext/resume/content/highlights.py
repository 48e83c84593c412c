"""The ``highlights`` directive's content: the projects' stated results."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from docutils import nodes

from resume.content.brief import pdf_info
from resume.core.dates import covering, format_years_span
from resume.sphinx_ext.blocks import bullets, para

if TYPE_CHECKING:
    from resume.core.model import Project
    from resume.sphinx_ext.links import Links


def build_highlights(links: Links, options: dict[str, Any]) -> list[nodes.Node]:
    """Each stated result with the project it belongs to. On a two-page
    résumé, the first few (of its direction, if tailored), each naming its
    employer and years; else every result, under its employer, named once
    with its years."""
    career = links.career
    chosen = career.results(links.direction)
    if not chosen:
        return [para("No results stated yet.", classes=["resume-empty"])]
    if links.direction or links.is_brief:
        found = bullets([_result(links, project, where=True) for project in chosen[: links.highlight_limit]])
    else:
        found = nodes.bullet_list()
        for slug, group in itertools.groupby(chosen, key=lambda project: project.employer):
            projects = list(group)
            employer = career.employers.get(slug)
            heading = para(nodes.strong("", "", links.page_link(employer)) if employer else nodes.Text(slug))
            periods = [period for project in projects if (period := career.work_period(project)) is not None]
            if periods:
                heading += nodes.Text(f", {format_years_span(covering(periods))}")
            found += nodes.list_item("", heading, bullets([_result(links, project) for project in projects]))
    found["classes"].append("resume-highlights")
    return [*pdf_info(links, chosen), found]


def _result(links: Links, project: Project, *, where: bool = False) -> nodes.paragraph:
    """ "**Result.** Project", and with ``where`` the employer and years in parentheses."""
    result = project.result or ""
    line = para(nodes.strong(result, result), " ", links.page_link(project))
    if where:
        employer = links.career.employer_of(project)
        period = links.career.work_period(project)
        found = [employer.name] if employer else []
        if period is not None:
            found.append(format_years_span(period))
        if found:
            line += nodes.Text(f" ({', '.join(found)})")
    return line
