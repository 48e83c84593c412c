"""Reading metadata into the domain, checking it across pages, and knowing
which pages to write again when it changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from .frontmatter import decode, line_finder, locate
from .model import Catalogue, Employer, Project, line_in, parse_record
from .nodes import aggregate

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import ResumeDomain
    from .model import Record

logger = logging.getLogger(__name__)

# Directives whose output depends on every record.
AGGREGATES = frozenset({"timeline", "skill-matrix", "skill-index", "career-summary"})


def warn(message: str, docname: str, line: int, subtype: str) -> None:
    logger.warning(message, location=(docname, line), type="resume", subtype=subtype)


def domain_of(env: BuildEnvironment) -> ResumeDomain:
    return env.domains["resume"]  # type: ignore[return-value]


def read_metadata(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: turn the page's ``resume`` front matter into a record."""
    env = app.env
    docname = env.docname
    raw = env.metadata.get(docname, {}).get("resume")
    if raw is None:
        return
    source = env.doc2path(docname).read_text(encoding="utf-8-sig")
    title = env.titles[docname].astext() if docname in env.titles else docname
    record, problems = parse_record(
        decode(raw), docname=docname, title=title, line_of=line_finder(locate(source))
    )
    for problem in problems:
        warn(problem.message, docname, problem.line, problem.subtype)
    if record is None:
        return
    domain_of(env).add_record(docname, record)
    if isinstance(record, Employer | Project) and app.config.resume_auto_summary:
        _insert_summary(doctree, docname)


def _insert_summary(doctree: nodes.document, docname: str) -> None:
    """Place the page-summary placeholder right under the page title."""
    placeholder = aggregate(directive="page-summary", options={}, docname=docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        doctree.insert(0, placeholder)
        return
    title = section.next_node(nodes.title)
    section.insert(section.index(title) + 1 if title is not None else 0, placeholder)


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: problems that only show across pages."""
    domain = domain_of(env)
    records = [domain.records[d] for d in sorted(domain.records)]
    career = domain.career
    _check_slugs(records)
    catalogues = [r for r in records if isinstance(r, Catalogue)]
    for extra in catalogues[1:]:
        warn(f"a second skill catalogue; the one in {catalogues[0].docname!r} is used",
             extra.docname, line_in(extra, ()), "frontmatter")  # fmt: skip
    for record in records:
        if isinstance(record, Project) and record.employer and record.employer not in career.employers:
            known = ", ".join(sorted(career.employers)) or "none"
            warn(f"unknown employer {record.employer!r} (employer pages: {known})",
                 record.docname, line_in(record, ("employer",)), "employer")  # fmt: skip
        if isinstance(record, Employer | Project) and career.catalogue is not None:
            for index, skill in enumerate(record.skills):
                if skill not in career.entries:
                    hint = career.suggest(skill)
                    advice = f"; did you mean {hint!r}?" if hint else ""
                    warn(f"skill {skill!r} is not in the catalogue{advice}",
                         record.docname, line_in(record, ("skills", index)), "skill")  # fmt: skip
    _check_aggregates(domain)


def _check_slugs(records: list[Record]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for record in records:
        if isinstance(record, Catalogue):
            continue
        key = (type(record).__name__, record.slug)
        if key in seen:
            warn(f"slug {record.slug!r} is already used by {seen[key]!r}",
                 record.docname, line_in(record, ("slug",)), "slug")  # fmt: skip
        else:
            seen[key] = record.docname


def _check_aggregates(domain: ResumeDomain) -> None:
    career = domain.career
    categories = {entry.category for entries in career.entries.values() for entry in entries}
    indexes: list[tuple[str, int]] = []
    for docname in sorted(domain.aggregates):
        for directive, uses in sorted(domain.aggregates[docname].items()):
            for line, options in uses:
                if directive == "skill-index":
                    indexes.append((docname, line))
                slug = options.get("employer")
                if slug is not None and slug not in career.employers:
                    warn(f"{directive}: unknown employer {slug!r}", docname, line, "directive")
                category = options.get("category")
                if category is not None and category not in categories:
                    known = ", ".join(sorted(categories)) or "none"
                    warn(f"{directive}: unknown category {category!r} (categories: {known})",
                         docname, line, "directive")  # fmt: skip
    for docname, line in indexes[1:]:
        warn(f"more than one skill-index; skill links go to {indexes[0][0]!r}", docname, line, "directive")


def updated_docs(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages to write again because metadata changed.

    A page holding an aggregate, a changed page's employer or projects: these
    were not re-read, but what they show was derived from what was.
    """
    domain = domain_of(env)
    before = domain.take_purged()
    changed = [
        old for docname, old in before.items() if old != domain.records.get(docname)
    ] + [domain.records[d] for d, old in before.items()
         if d in domain.records and old != domain.records[d]]  # fmt: skip
    if not changed:
        return []
    holders = {d for d, found in domain.aggregates.items() if AGGREGATES & set(found)}
    return sorted((holders | domain.related_docs(changed)) & env.found_docs)
