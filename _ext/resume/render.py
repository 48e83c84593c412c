"""Fill the placeholders with content drawn from all records, at write time.

Runs when a page is written, so every builder (and every incremental write)
sees the records as they are now. Everything is built from docutils nodes holding
the user's text as Text, so each writer escapes it for its own format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from .career import Career
from .dates import (
    Period,
    format_duration,
    format_month,
    format_number,
    format_period,
    format_years,
    format_years_span,
)
from .brief import build_brief_experience, build_skill_summary, pdf_info
from .domain import skill_anchor
from .model import Employer, Project
from .nodes import aggregate, reachable, skill_matrix, timeline_chart, timeline_list
from .timeline import chronological, layout_timeline

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


class _Page:
    """Node factories for one document being written."""

    def __init__(
        self, builder: Builder, docname: str, career: Career, skill_index: str | None,
        direction: tuple[str, str] | None = None,
    ) -> None:  # fmt: skip
        self.builder = builder
        self.docname = docname
        self.career = career
        self.skill_index = skill_index
        # A tailored page's direction: (slug, label) from resume_directions.
        self.direction, self.direction_label = direction or (None, "")
        self.highlight_limit = HIGHLIGHTS_ON_A_BRIEF
        self.root = docname  # the document being written: a page, or a whole PDF's root

    def link(self, docname: str, text: str, anchor: str = "") -> nodes.Node:
        if not reachable(self.builder, docname):
            return nodes.inline(text, text)
        if docname == self.docname and anchor:
            return nodes.reference(text, text, internal=True, refid=anchor)
        uri = self.builder.get_relative_uri(self.docname, docname)
        return nodes.reference(text, text, internal=True, refuri=uri + (f"#{anchor}" if anchor else ""))

    def page_link(self, record: Employer | Project) -> nodes.Node:
        return self.link(record.docname, record.name)

    def skill(self, name: str) -> nodes.Node:
        if self.skill_index is None or name not in self.career.usage and name not in self.career.entries:
            return nodes.inline(name, name)
        return self.link(self.skill_index, name, skill_anchor(name))

    def skills(self, names: tuple[str, ...] | list[str]) -> nodes.paragraph:
        return _para(*_joined([self.skill(name) for name in names], ", "))


def _para(*children: nodes.Node | str, classes: list[str] | None = None) -> nodes.paragraph:
    para = nodes.paragraph(classes=classes or [])
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _bullets(items: list[nodes.Node], classes: list[str] | None = None) -> nodes.bullet_list:
    bullets = nodes.bullet_list(classes=classes or [])
    for item in items:
        bullets += nodes.list_item("", _para(item) if isinstance(item, nodes.Inline | nodes.Text) else item)
    return bullets


def _field(name: str, *body: nodes.Node) -> nodes.field:
    return nodes.field("", nodes.field_name(name, name), nodes.field_body("", *body))


# -- timeline --------------------------------------------------------------------


def build_timeline(page: _Page, options: dict[str, Any], uid: str) -> list[nodes.Node]:
    items = page.career.timeline_items(options.get("show", ("positions", "projects")), options.get("employer"))
    if not items:
        return [_para("No dated positions or projects to show.", classes=["resume-empty"])]
    window = options.get("window")
    layout = layout_timeline(items, window=window)
    shown = [i for i in chronological(items) if window is None or (i.end >= window[0] and i.start <= window[1])]
    first, last = min(i.start for i in shown), max(i.end for i in shown)
    title = f"Career timeline, {format_month(first)} to {format_month(last)}"
    desc = (
        f"{len(shown)} entries drawn as bars on a time axis; concurrent roles on separate lanes. "
        "The same entries follow as a list."
    )
    chart = timeline_chart(layout=layout, title=title, desc=desc, docname=page.docname, uid=uid)
    entries = []
    for item in shown:
        period = format_period(Period(item.start, item.end, item.ongoing))
        entries.append(_para(page.link(item.docname, item.label), f", {item.group}: {period}"))
    listing = timeline_list("", _bullets(entries), summary="The timeline as a list")
    return [chart, listing]


# -- skill matrix ------------------------------------------------------------------


def build_matrix(page: _Page, options: dict[str, Any]) -> list[nodes.Node]:
    matrix = page.career.matrix(
        columns=options.get("columns", "employers"),
        employer=options.get("employer"),
        category=options.get("category"),
        group="group" in options,
        sort=options.get("sort", "name"),
    )
    if not matrix.rows:
        return [_para("No skills to show.", classes=["resume-empty"])]
    heads = ["Skill", "Level", "Years stated", "Years of use", *(c.label for c in matrix.columns)]
    table = nodes.table(classes=["resume-skill-matrix", "colwidths-auto"])
    group = nodes.tgroup(cols=len(heads))
    table += group
    # Text writers lay columns out by these widths (characters); HTML sizes itself.
    widths = [max(len(row.skill) for row in matrix.rows), 14, 6, 6, *(max(3, len(c.label)) for c in matrix.columns)]
    for index, width in enumerate(widths):
        group += nodes.colspec(colwidth=max(width, len(heads[index]) if index < 2 else 6), stub=int(index == 0))
    head_row = nodes.row()
    for text in heads:
        head_row += nodes.entry("", _para(text))
    group += nodes.thead("", head_row)
    body = nodes.tbody()
    category = None
    for row in matrix.rows:
        if matrix.grouped and row.category != category:
            category = row.category
            # A full row rather than a spanning cell: man and text writers can't span.
            label = nodes.entry("", _para(nodes.strong(category, category)))
            body += nodes.row("", label, *(nodes.entry() for _ in heads[1:]), classes=["resume-group"])
        cells = [
            page.skill(row.skill),
            nodes.Text(row.level or ""),
            nodes.Text(format_number(row.stated_years)),
            nodes.Text(format_years(row.months) if row.months else ""),
        ]
        for column, proof in zip(matrix.columns, row.proofs, strict=True):
            if proof is None:
                cells.append(nodes.Text(""))
            else:
                mark = page.link(proof, "✓")
                mark["classes"].append("resume-mark")
                mark["reftitle"] = f"{row.skill} at {column.label}: {page.career.title(proof)}"
                cells.append(mark)
        body += nodes.row("", *(nodes.entry("", _para(cell)) for cell in cells))
    group += body
    caption = "Skill matrix: skills against " + ("projects" if options.get("columns") == "projects" else "employers")
    return [skill_matrix("", table, matrix=matrix, caption=caption, docname=page.docname)]


# -- skill index -------------------------------------------------------------------


def build_skill_index(page: _Page, options: dict[str, Any]) -> list[nodes.Node]:
    career = page.career
    items = nodes.definition_list(classes=["resume-skill-index"])
    for name in career.skill_names():
        term = nodes.term(name, name, ids=[skill_anchor(name)])
        details = []
        for entry in career.entries.get(name, []):
            stated = ", ".join(
                part for part in (entry.level, entry.years is not None and f"{format_number(entry.years)} years",
                                  entry.note) if part  # fmt: skip
            )
            details.append(f"{entry.category}" + (f" ({stated})" if stated else ""))
        usage = career.usage.get(name)
        body = nodes.definition()
        if details:
            body += _para("Stated: " + "; ".join(details) + ".")
        if usage and usage.periods:
            first, last = usage.periods[0], usage.periods[-1]
            span = format_period(Period(first.start, last.end, last.ongoing))
            body += _para(f"Used {format_duration(usage.months)} in all, {span}, on:")
        elif usage:  # listed only on pages without valid dates
            body += _para("Used, at no stated dates, on:")
        if usage:
            body += _bullets([page.link(d, career.title(d)) for d in usage.docnames])
        else:
            body += _para("Not tied to a job or project page.")
        items += nodes.definition_list_item("", term, body)
    # The class lets the PDF set the index in columns (resumestyle.sty).
    return [nodes.container("", items, classes=["resume-skill-columns"])]


# -- career summary ----------------------------------------------------------------


def build_career_summary(page: _Page, options: dict[str, Any]) -> list[nodes.Node]:
    """Employers newest first; ``compact`` puts positions on the employer's line
    and projects, titles only, in one paragraph: the two-page résumé's layout."""
    career = page.career
    compact = "compact" in options
    blocks: list[nodes.Node] = []
    for employer in career.newest_first():
        block = nodes.container(classes=["resume-career-entry"])
        heading = _para(nodes.strong("", "", page.page_link(employer)), classes=["resume-employer"])
        if employer.location:
            heading += nodes.Text(f", {employer.location}")
        positions = [
            [nodes.emphasis(p.title, p.title), nodes.Text(f", {format_period(p.period(career.as_of), short=compact)}")]
            for p in sorted(employer.positions, key=lambda p: -p.period(career.as_of).start)
        ]
        projects = career.projects_of(employer.slug) if "projects" in options else []
        if compact:
            for index, position in enumerate(positions):
                heading += nodes.Text("; " if index else " — ")
                heading.extend(position)
            block += heading
            if projects:
                block += _para(*_joined([page.page_link(p) for p in projects], "; "), classes=["resume-projects"])
        else:
            block += heading
            block += _bullets([_para(*position) for position in positions], classes=["resume-positions"])
            if projects:
                block += _bullets([_project_line(page, p) for p in projects], classes=["resume-projects"])
        blocks.append(block)
    return blocks or [_para("No employers yet.", classes=["resume-empty"])]


def _joined(items: list[nodes.Node], separator: str) -> list[nodes.Node]:
    joined: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            joined.append(nodes.Text(separator))
        joined.append(item)
    return joined


def _project_line(page: _Page, project: Project) -> nodes.Node:
    line = _para(page.page_link(project))
    if project.summary:
        line += nodes.Text(f": {project.summary}")
    if not project.result:
        return line
    result = _para(nodes.strong("Result:", "Result:"), f" {project.result}", classes=["resume-result"])
    return nodes.container("", line, result)


# -- page summary -----------------------------------------------------------------


def build_page_summary(page: _Page, options: dict[str, Any]) -> list[nodes.Node]:
    career = page.career
    record = career.page(page.docname)
    if record is None:  # a duplicate slug: the first page owns the data
        return []
    fields = nodes.field_list(classes=["resume-summary-fields"])
    if isinstance(record, Employer):
        _employer_fields(page, record, fields)
    else:
        _project_fields(page, record, fields)
    if record.skills:
        fields += _field("Skills", page.skills(record.skills))
    box = nodes.container(classes=["resume-summary"])
    box += fields
    if isinstance(record, Employer):
        projects = career.projects_of(record.slug)
        if projects:
            box += nodes.rubric("Projects", "Projects")
            box += _bullets([_project_line(page, p) for p in projects], classes=["resume-projects"])
    return [box]


def _employer_fields(page: _Page, employer: Employer, fields: nodes.field_list) -> None:
    career = page.career
    if not employer.positions:  # none with valid dates: the page's warnings say why
        if employer.location:
            fields += _field("Location", _para(employer.location))
        return
    label = "Positions" if len(employer.positions) > 1 else "Position"
    positions = [
        _para(nodes.emphasis(p.title, p.title), f", {format_period(p.period(career.as_of))}")
        for p in sorted(employer.positions, key=lambda p: -p.period(career.as_of).start)
    ]
    fields += _field(label, *(positions if len(positions) == 1 else [_bullets(positions)]))
    months = career.employer_months(employer)
    ongoing = any(p.end is None for p in employer.positions)
    suffix = f" (ongoing as of {format_month(career.as_of)})" if ongoing else ""
    fields += _field("Duration", _para(format_duration(months) + suffix))
    if employer.location:
        fields += _field("Location", _para(employer.location))


def _project_fields(page: _Page, project: Project, fields: nodes.field_list) -> None:
    """Who, where, when and what came of it, for a reader who lands here."""
    career = page.career
    employer = career.employer_of(project)
    if employer is not None:
        fields += _field("Employer", _para(page.page_link(employer)))
    held = career.held_during(project)
    if held:
        titles = [nodes.emphasis(p.title, p.title) for p in held]
        fields += _field("Positions" if len(held) > 1 else "Position", _para(*_joined(titles, "; ")))
    period = career.work_period(project)
    if period is not None:
        fields += _field("Period", _para(f"{format_period(period)} ({format_duration(period.months)})"))
    if project.summary:
        fields += _field("Summary", _para(project.summary))
    if project.result:
        fields += _field("Result", _para(project.result, classes=["resume-result"]))


# -- highlights ----------------------------------------------------------------------


# A tailored brief leads with this many of its direction's results.
HIGHLIGHTS_ON_A_BRIEF = 4


def build_highlights(page: _Page, options: dict[str, Any]) -> list[nodes.Node]:
    """Each stated result, with the project, employer and years it belongs to;
    on a tailored page, the first few of its direction."""
    career = page.career
    items: list[nodes.Node] = []
    chosen = career.results(page.direction)
    for project in chosen[: page.highlight_limit] if page.direction else chosen:
        result = project.result or ""
        line = _para(nodes.strong(result, result), " ", page.page_link(project))
        employer = career.employer_of(project)
        period = career.work_period(project)
        where = [employer.name] if employer else []
        if period is not None:
            where.append(format_years_span(period))
        if where:
            line += nodes.Text(f" ({', '.join(where)})")
        items.append(line)
    if not items:
        return [_para("No results stated yet.", classes=["resume-empty"])]
    return [*pdf_info(page, chosen), _bullets(items, classes=["resume-highlights"])]


BUILDERS = {
    "skill-matrix": build_matrix,
    "skill-index": build_skill_index,
    "career-summary": build_career_summary,
    "page-summary": build_page_summary,
    "highlights": build_highlights,
    "brief-experience": build_brief_experience,
    "skill-summary": build_skill_summary,
}


def fill_aggregates(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace every :class:`~resume.nodes.aggregate` with
    its content. ``docname`` is the page written, or a whole book's root page
    for LaTeX: each placeholder knows its own page."""
    domain = app.env.domains["resume"]
    career = domain.career
    skill_index = domain.skill_index_doc()
    directions = app.config.resume_directions
    for count, node in enumerate(list(doctree.findall(aggregate))):
        slug = app.env.metadata.get(node["docname"], {}).get("direction")
        direction = (slug, directions[slug]) if slug in directions else None
        page = _Page(app.builder, node["docname"], career, skill_index, direction)
        page.root = docname
        directive = node["directive"]
        if directive == "timeline":
            content = build_timeline(page, node["options"], uid=f"resume-timeline-{count}")
        else:
            content = BUILDERS[directive](page, node["options"])
        node.replace_self(content)
