"""The ``career-summary`` directive's content and the summary box at the top
of every employer and project page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from resume.core.claims import project_claim
from resume.core.dates import format_duration, format_month, format_period
from resume.core.model import Employer, Project
from resume.sphinx_ext.blocks import bullets, field, joined, para, web_link

if TYPE_CHECKING:
    from resume.core.career import Career
    from resume.core.model import Position
    from resume.sphinx_ext.links import Links


def _position(career: Career, position: Position, *, short: bool = False) -> list[nodes.Node]:
    period = format_period(position.period(career.as_of), short=short)
    return [nodes.emphasis(position.title, position.title), nodes.Text(f", {period}")]


def _project_line(links: Links, project: Project) -> nodes.Node:
    line = para(links.page_link(project))
    if project.summary:
        line += nodes.Text(f": {project.summary}")
    if not project.result:
        return line
    result = para(nodes.strong("Result:", "Result:"), f" {project.result}", classes=["resume-result"])
    return nodes.container("", line, result)


def build_career_summary(links: Links, options: dict[str, Any]) -> list[nodes.Node]:
    """Employers newest first; ``projects``: the employers that have projects,
    with them; ``compact`` puts positions on the employer's line and projects,
    titles only, in one paragraph: the two-page résumé's layout."""
    career = links.career
    compact = "compact" in options
    blocks: list[nodes.Node] = []
    for employer in career.newest_first():
        projects = career.projects_of(employer.slug) if "projects" in options else []
        if "projects" in options and not projects:
            continue
        block = nodes.container(classes=["resume-career-entry"])
        heading = para(nodes.strong("", "", links.page(employer.docname, employer.name)), classes=["resume-employer"])
        if employer.location:
            heading += nodes.Text(f", {employer.location}")
        positions = [_position(career, p, short=compact) for p in career.positions_newest_first(employer)]
        if compact:
            for index, position in enumerate(positions):
                heading += nodes.Text("; " if index else " — ")
                heading.extend(position)
            block += heading
            if projects:
                titles = [links.page(p.docname, p.name) for p in projects]
                block += para(*joined(titles, "; "), classes=["resume-projects"])
        else:
            block += heading
            block += bullets([para(*position) for position in positions], classes=["resume-positions"])
            if projects:
                block += bullets([_project_line(links, p) for p in projects], classes=["resume-projects"])
        blocks.append(block)
    if "projects" in options:
        return blocks or [para("No project is tied to an employer yet.", classes=["resume-empty"])]
    return blocks or [para("No employers yet.", classes=["resume-empty"])]


def build_page_summary(links: Links, options: dict[str, Any]) -> list[nodes.Node]:
    career = links.career
    record = career.page(links.docname)
    if record is None:  # a duplicate slug: the first page owns the data
        return []
    fields = nodes.field_list(classes=["resume-summary-fields"])
    if isinstance(record, Employer):
        _employer_fields(career, record, fields)
    else:
        _project_fields(links, record, fields)
    if record.skills:
        fields += field("Skills", para(*links.skills(record.skills)))
    box = nodes.container(classes=["resume-summary"])
    box += fields
    if isinstance(record, Employer):
        projects = career.projects_of(record.slug)
        if projects:
            box += nodes.rubric("Projects", "Projects")
            box += bullets([_project_line(links, p) for p in projects], classes=["resume-projects"])
    return [box]


def _employer_fields(career: Career, employer: Employer, fields: nodes.field_list) -> None:
    if not employer.positions:  # none with valid dates: the page's warnings say why
        if employer.location:
            fields += field("Location", para(employer.location))
        return
    label = "Positions" if len(employer.positions) > 1 else "Position"
    positions = [para(*_position(career, p)) for p in career.positions_newest_first(employer)]
    fields += field(label, *(positions if len(positions) == 1 else [bullets(list(positions))]))
    months = career.employer_months(employer)
    ongoing = any(p.end is None for p in employer.positions)
    suffix = f" (ongoing as of {format_month(career.as_of)})" if ongoing else ""
    fields += field("Duration", para(format_duration(months) + suffix))
    if employer.location:
        fields += field("Location", para(employer.location))


def _project_fields(links: Links, project: Project, fields: nodes.field_list) -> None:
    """Who, where, when and what came of it, for a reader who lands here."""
    career = links.career
    employer = career.employer_of(project)
    if employer is not None:
        fields += field("Employer", para(links.page_link(employer)))
    held = career.held_during(project)
    if held:
        titles: list[nodes.Node] = [nodes.emphasis(p.title, p.title) for p in held]
        fields += field("Positions" if len(held) > 1 else "Position", para(*joined(titles, "; ")))
    claim = project_claim(career, project)
    when = claim.when()
    if when is not None:  # its own dates
        fields += field("Period", para(when))
    elif (undated := claim.undated()) is not None:  # where it belongs, no duration of its own
        fields += field("Period", para(undated))
    if project.summary:
        fields += field("Summary", para(project.summary))
    if project.result:
        fields += field("Result", para(project.result, classes=["resume-result"]))
    if project.url:
        fields += field("Web", para(web_link(project.url)))
