"""The two-page résumé's own aggregates: experience with result bullets, and
skills grouped with their stated levels.

Both read the page's ``direction`` (front matter, one of ``resume_directions``):
a brief tailored to a direction names that direction's projects and skills
first, and still lists every employer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import texescape

from resume.core.claims import with_stated
from resume.core.dates import format_period
from resume.core.text import list_items, repeats

if TYPE_CHECKING:
    from resume.core.model import Project, SkillEntry
    from resume.sphinx_ext.links import Links as _Page


def pdf_info(page: _Page, projects: list[Project]) -> list[nodes.Node]:
    """The PDF's subject and keywords for a tailored brief written as a PDF of
    its own: its direction and the skills of its projects."""
    if not page.direction or page.docname != page.root:
        return []
    skills = dict.fromkeys(s for p in projects for s in p.skills)
    skills.update(dict.fromkeys(page.career.direction_skills(page.direction)[:8]))
    escape = texescape.escape
    subject = f"Résumé of {page.author}, for {page.direction_label}"
    keywords = ", ".join(list(skills)[:12])
    return [nodes.raw("", f"\\hypersetup{{pdfsubject={{{escape(subject)}}}, pdfkeywords={{{escape(keywords)}}}}}\n",
                      format="latex")]  # fmt: skip


def _para(*children: nodes.Node | str, classes: list[str] | None = None) -> nodes.paragraph:
    para = nodes.paragraph(classes=classes or [])
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def project_bullet(page: _Page, project: Project) -> nodes.paragraph:
    """``Title: result`` (or the summary where no result is stated); a summary
    that says what the title names stands alone, as the link's words."""
    if not project.result and project.summary and repeats(project.name, project.summary):
        return _para(page.page(project.docname, project.summary, title=project.name))
    line = _para(page.page_link(project))
    said = project.result or project.summary
    if said:
        line += nodes.Text(f": {said}")
    return line


def build_brief_experience(page: _Page, options: dict[str, Any]) -> list[nodes.Node]:
    """Every employer, newest first: positions and dates, the role in one
    sentence, then up to ``bullets`` projects, results first; one fewer where
    the employer has no stated result (of the page's direction, if tailored).
    The results the page's highlights name are not repeated. Then the
    projects of no employer, under "Independent projects".

    Each position is one line, employer (first line only), title and dates as
    pieces of their own (``resume-sep``, ``resume-dates``), which the PDF sets
    apart, the dates at the right margin, for applicant-tracking systems."""
    career = page.career
    limit = int(options.get("bullets", 3))
    results = career.results(page.direction)
    # Not again what the page's highlights name.
    skip = [p.docname for p in results[: page.highlight_limit]] if page.highlights_shown else []
    with_results = {p.employer for p in results if p.docname not in skip}
    blocks: list[nodes.Node] = []
    lines: list[tuple[tuple[bool, int, int], nodes.list_item]] = []
    for age, employer in enumerate(career.newest_first()):
        block = nodes.container(classes=["resume-career-entry", "resume-brief-entry"])
        heading = _para(nodes.strong("", "", page.page_link(employer)), classes=["resume-employer"])
        if employer.location:
            heading += nodes.Text(f", {employer.location}")
        positions = sorted(employer.positions, key=lambda p: -p.period(career.as_of).start)
        for index, position in enumerate(positions):
            line = heading if index == 0 else _para(classes=["resume-position"])
            if index == 0:
                line += nodes.inline("", " — ", classes=["resume-sep"])
            line += nodes.emphasis(position.title, position.title)
            line += nodes.inline("", ", ", classes=["resume-sep"])
            period = format_period(position.period(career.as_of), short=True)
            line += nodes.inline(period, period, classes=["resume-dates"])
            block += line
            # Each position's own role, where they differ; then the lines the
            # résumé gives the position itself (an imported résumé's highlights).
            said = list_items(position.summary or "")
            if position.summary and not said:
                block += _para(" ".join(position.summary.split()), classes=["resume-role"])
            said += [" ".join(line.split()) for line in position.highlights]
            if said:
                items = nodes.bullet_list(classes=["resume-projects"])
                for rank, text in enumerate(said):
                    item = nodes.list_item("", _para(text), resume_fit_doc=employer.docname, resume_fit_title=text)
                    lines.append(((page.direction is not None, rank, age), item))
                    items += item
                block += items
        if employer.summary and not any(p.summary for p in positions):
            block += _para(employer.summary, classes=["resume-role"])
        bullets = limit if employer.slug in with_results else max(limit - 1, 0)
        projects = career.brief_projects(employer, limit=bullets, direction=page.direction, skip=skip)
        if projects:
            block += _project_lines(page, projects, age, lines)
        blocks.append(block)
    # The projects of no employer, after the last one, all of them as the fit allows.
    own = [p for p in career.in_authors_order() if p.employer not in career.employers and p.docname not in skip]
    if own:
        block = nodes.container(classes=["resume-career-entry", "resume-brief-entry"])
        block += _para(nodes.strong("Independent projects", "Independent projects"), classes=["resume-employer"])
        block += _project_lines(page, career.by_weight(own, page.direction), len(blocks), lines)
        blocks.append(block)
    _rank_for_fit(lines)
    return blocks or [_para("No employers yet.", classes=["resume-empty"])]


def _project_lines(
    page: _Page, projects: list[Project], age: int, lines: list[tuple[tuple[bool, int, int], nodes.list_item]]
) -> nodes.bullet_list:
    """A line per project, each added to ``lines`` with what it weighs (see :func:`_rank_for_fit`)."""
    items = nodes.bullet_list(classes=["resume-projects"])
    weighed = page.career.by_weight(projects, page.direction)
    for project in projects:
        item = nodes.list_item(
            "", project_bullet(page, project), resume_fit_doc=project.docname, resume_fit_title=project.name
        )
        aside = page.direction is not None and page.direction not in project.directions
        lines.append(((aside, weighed.index(project), age), item))
        items += item
    return items


def _rank_for_fit(lines: list[tuple[tuple[bool, int, int], nodes.list_item]]) -> None:
    """Number the project lines by what a two-page PDF keeps first (1 the most):
    on a tailored page its direction's lines before the others; then every
    employer's weightiest line (:meth:`Career.by_weight`), newest employer
    first, then every second one, and so on. A list takes its lines' smallest
    number: it goes only with all of them. The LaTeX writer passes these on
    (``\\resumefit``)."""
    for rank, (_, item) in enumerate(sorted(lines, key=lambda line: line[0]), start=1):
        _fit(item, rank)


def _fit(item: nodes.Element, rank: int) -> None:
    item["resume_fit"] = rank
    parent = item.parent
    if isinstance(parent, nodes.bullet_list):
        parent["resume_fit"] = min(parent.get("resume_fit", rank), rank)


def fit_last(document: nodes.Node, groups: list[list[nodes.Node]]) -> None:
    """On a page with ranked lines (a two-page résumé), each group of content
    (awards, publications, …) ranks after all of them, the first group first:
    the PDF leaves these out before any line of the experience. A section
    that holds nothing but its group goes with it, heading and all."""
    ranks = [item["resume_fit"] for item in document.findall(nodes.list_item) if "resume_fit" in item]
    if not ranks:
        return
    rank = max(ranks)
    for group in groups:
        if not group:
            continue
        rank += 1
        section = group[0].parent
        if isinstance(section, nodes.section) and section.children[1:] == group:
            section["resume_fit"] = rank
            section["resume_fit_title"] = section[0].astext()
            continue
        for block in group:
            for item in block.findall(nodes.list_item):
                item["resume_fit_title"] = item.astext().split("\n")[0]
                _fit(item, rank)


def build_skill_summary(page: _Page, options: dict[str, Any]) -> list[nodes.Node]:
    """One line per catalogue category (but those in ``omit``): rated skills
    with level and years, then the others. With ``direction``, one line only:
    the skills of the page's direction, most used first."""
    career = page.career
    if career.catalogue is None:
        return [_para("No skill catalogue.", classes=["resume-empty"])]
    if "direction" in options:
        if not page.direction:
            return []
        names = [n for n in career.direction_skills(page.direction) if n in career.entries][:12]
        entries = [max(career.entries[n], key=lambda e: e.rank) for n in names]
        return [_line("Key skills", entries)] if entries else []
    lines: list[nodes.Node] = []
    categories: dict[str, list[SkillEntry]] = {}
    for entry in career.catalogue.entries:
        if entry.category in options.get("omit", ()):
            continue
        categories.setdefault(entry.category, []).append(entry)
    for category, entries in categories.items():
        rated = sorted((e for e in entries if e.rank), key=lambda e: (-e.rank, -(e.years or 0)))
        rest = [e for e in entries if not e.rank]
        lines.append(_line(category, [*rated, *rest]))
    return lines


def _line(label: str, entries: list[SkillEntry]) -> nodes.paragraph:
    # Each skill unbroken ("GDB (highly skilled)" never split over two lines), so
    # that a parser reads it whole.
    said = ", ".join(with_stated(e).replace(" ", "\u00a0") for e in entries)
    return _para(nodes.strong(f"{label}:", f"{label}:"), f" {said}.", classes=["resume-skill-line"])
