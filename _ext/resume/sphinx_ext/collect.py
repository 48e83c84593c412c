"""Reading each page's metadata into the domain, and knowing which pages to
write again when it changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from resume.core.frontmatter import KEY_LINES, decode, line_finder, locate
from resume.core.model import Employer, Project, parse_record
from resume.core.order import reading_order
from resume.sphinx_ext.blocks import insert_under_title
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.nodes import aggregate
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from resume.core.model import Record

# Directives whose output depends on every record.
AGGREGATES = frozenset(
    {
        "timeline",
        "skill-matrix",
        "skill-index",
        "career-summary",
        "highlights",
        "brief-experience",
        "skill-summary",
        "career",
    }
)


def read_metadata(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: turn the page's ``resume`` front matter into a record."""
    env = app.env
    docname = env.docname
    raw = env.metadata.get(docname, {}).get("resume")
    if raw is None:
        return
    located = env.temp_data.get(KEY_LINES)
    if located is None:  # the source check did not see it: read the file again
        located = locate(env.doc2path(docname).read_text(encoding="utf-8-sig"))
    title = env.titles[docname].astext() if docname in env.titles else docname
    domain = domain_of(env)
    record, problems = parse_record(
        decode(raw),
        docname=docname,
        title=title,
        line_of=line_finder(located),
        as_of=domain.as_of,
        levels=app.config.resume_levels,
    )
    for problem in problems:
        warn(problem.subtype, problem.message, (docname, problem.line))
    if record is None:
        return
    domain.add_record(docname, record)
    if isinstance(record, Employer | Project) and app.config.resume_auto_summary:
        _insert_summary(doctree, docname)


def _insert_summary(doctree: nodes.document, docname: str) -> None:
    """Place the page-summary placeholder right under the page title."""
    insert_under_title(doctree, aggregate(directive="page-summary", options={}, docname=docname))


def updated_docs(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages to write again because metadata changed.

    A page holding an aggregate, a changed page's employer or projects: these
    were not re-read, but what they show was derived from what was. A new
    toctree order reorders every list of projects. When the skill index
    moved, every page: any of them may link to a skill.
    """
    domain = domain_of(env)
    before = domain.take_purged()
    moved = domain.take_moved_skill_index()
    sections_changed = domain.take_changed_sections()
    reordered = domain.set_order(reading_order(env.toctree_includes, app.config.root_doc))
    if moved:
        return sorted(env.found_docs)
    if reordered:
        return sorted((set(domain.aggregates) | set(domain.records)) & env.found_docs)
    changed: list[Record | None] = []
    for docname, old in before.items():
        new = domain.records.get(docname)
        if old != new:
            changed += [old, new]
    # A JSON Resume section shown on another page than the one keeping it.
    shown = {d for d, found in domain.aggregates.items() if "resume-details" in found}
    pages = shown if sections_changed else set()
    if changed:
        pages |= {d for d, found in domain.aggregates.items() if AGGREGATES & set(found)}
        pages |= domain.related_docs(changed)
    return sorted(pages & env.found_docs)
