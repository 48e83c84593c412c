"""Checks that only show across pages, run once all pages are read: unknown
employers and skills, shared slugs, a second catalogue or skill index, and
directive options that name nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resume.core.model import Catalogue, Employer, Project, line_in
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from resume.core.career import Career
    from resume.core.model import Record
    from resume.sphinx_ext.domain import ResumeDomain


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: every cross-page problem, each at its source line."""
    domain = domain_of(env)
    records = [domain.records[d] for d in sorted(domain.records)]
    _check_slugs(records)
    _check_catalogues(records)
    # A page whose front matter could not be read has warned already; pages
    # that name it are not told it does not exist.
    unread = domain_of(env).unreadable_slugs()
    catalogue = domain.career.catalogue
    catalogue_file = str(env.doc2path(catalogue.docname, False)) if catalogue else "the catalogue"
    directions = list(app.config.resume_directions)
    _check_references(domain.career, records, unread, catalogue_file, directions)
    _check_aggregates(domain, unread)
    _check_page_directions(env, directions)


def _check_slugs(records: list[Record]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for record in records:
        if not isinstance(record, Employer | Project):
            continue
        key = (type(record).__name__, record.slug)
        if key in seen:
            where = (record.docname, line_in(record, ("slug",)))
            warn(Subtype.SLUG, f"slug {record.slug!r} is already used by {seen[key]!r}", where)
        else:
            seen[key] = record.docname


def _check_catalogues(records: list[Record]) -> None:
    catalogues = [r for r in records if isinstance(r, Catalogue)]
    for extra in catalogues[1:]:
        message = f"a second skill catalogue; the one in {catalogues[0].docname!r} is used"
        warn(Subtype.FRONTMATTER, message, (extra.docname, line_in(extra, ())))


def _check_references(
    career: Career, records: list[Record], unread: set[str], catalogue_file: str, directions: list[str]
) -> None:
    """Employer slugs and skill names that pages use but nothing defines."""
    for record in records:
        if (isinstance(record, Project) and record.employer and record.employer not in career.employers
                and record.employer not in unread):  # fmt: skip
            known = ", ".join(sorted(career.employers)) or "none"
            message = f"unknown employer {record.employer!r} (employer pages: {known})"
            warn(Subtype.EMPLOYER, message, (record.docname, line_in(record, ("employer",))))
        if isinstance(record, Project):
            for direction in record.directions:
                if direction not in directions:
                    known = ", ".join(directions) or "none"
                    message = f"direction {direction!r} is not declared (resume_directions: {known})"
                    warn(Subtype.DIRECTION, message, (record.docname, line_in(record, ("directions",))))
        if isinstance(record, Project) and record.position and record.employer in career.employers:
            titles = [p.title for p in career.employers[record.employer].positions]
            if record.position not in titles:
                message = f"position {record.position!r} is not one of the employer's: {', '.join(titles)}"
                warn(Subtype.POSITION, message, (record.docname, line_in(record, ("position",))))
        if not isinstance(record, Employer | Project) or career.catalogue is None:
            continue
        for index, skill in enumerate(record.skills):
            if career.canonical(skill) not in career.entries:
                hint = career.suggest(skill)
                advice = f"; did you mean {hint!r}?" if hint else ""
                message = f"skill {skill!r} is not in the catalogue: add it to {catalogue_file}, or use a name listed there{advice}"
                warn(Subtype.SKILL, message, (record.docname, line_in(record, ("skills", index))))


def _check_aggregates(domain: ResumeDomain, unread: set[str]) -> None:
    career = domain.career
    categories = {entry.category for entries in career.entries.values() for entry in entries}
    indexes: list[tuple[str, int]] = []
    for docname in sorted(domain.aggregates):
        for directive, uses in sorted(domain.aggregates[docname].items()):
            for line, options in uses:
                if directive == "skill-index":
                    indexes.append((docname, line))
                slug = options.get("employer")
                if slug is not None and slug not in career.employers and slug not in unread:
                    warn(Subtype.DIRECTIVE, f"{directive}: unknown employer {slug!r}", (docname, line))
                category = options.get("category")
                if category is not None and category not in categories:
                    known = ", ".join(sorted(categories)) or "none"
                    message = f"{directive}: unknown category {category!r} (categories: {known})"
                    warn(Subtype.DIRECTIVE, message, (docname, line))
    for docname, line in indexes[1:]:
        message = f"more than one skill-index; skill links go to {indexes[0][0]!r}"
        warn(Subtype.DIRECTIVE, message, (docname, line))


def _check_page_directions(env: BuildEnvironment, directions: list[str]) -> None:
    """A tailored page (front matter ``direction``) must name a declared direction."""
    for docname in sorted(env.metadata):
        direction = env.metadata[docname].get("direction")
        if direction is None or direction in directions:
            continue
        lines = env.doc2path(docname).read_text("utf-8-sig").splitlines()
        line = next((n for n, text in enumerate(lines, 1) if text.startswith("direction:")), 1)
        known = ", ".join(directions) or "none"
        message = f"direction {direction!r} is not declared (resume_directions: {known})"
        warn(Subtype.DIRECTION, message, (docname, line))
