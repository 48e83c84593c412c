"""Checks that only show across pages, run once all pages are read: unknown
employers and skills, shared slugs, a second catalogue or skill index, and
directive options that name nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from resume.core.dates import format_period
from resume.core.hints import nearest
from resume.core.model import Catalogue, Employer, Project, line_in
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
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
    catalogue_file = str(env.doc2path(catalogue.docname, False)) if catalogue else "the catalog"
    directions = list(app.config.resume_directions)
    _check_references(domain.career, records, unread, catalogue_file, directions)
    _check_project_dates(domain.career, records)
    _check_aggregates(domain, unread)
    _check_page_directions(env, directions)
    _check_toctrees(app, env)
    _check_toctree_order(env, domain.career)


#: Sphinx's own warning, which the extension gives instead with where to add the page.
NOT_INCLUDED = "toc.not_included"
#: Whether the site silences Sphinx's warning itself (then the extension's too), by application.
_QUIET: WeakKeyDictionary[Sphinx, bool] = WeakKeyDictionary()


def take_over_not_included(app: Sphinx, config: Config) -> None:
    """``config-inited``: the extension reports a page in no toctree (unless the site silences it)."""
    suppressed = list(config.suppress_warnings)
    _QUIET[app] = NOT_INCLUDED in suppressed or "toc" in suppressed
    if not _QUIET[app]:
        config.suppress_warnings = [*suppressed, NOT_INCLUDED]


def _check_toctrees(app: Sphinx, env: BuildEnvironment) -> None:
    """A page in no toctree, told which index page's toctree should list it."""
    if _QUIET.get(app, True):
        return
    included = set().union(*env.included.values())
    listed = {d for entries in env.toctree_includes.values() for d in entries}
    for docname in sorted(env.all_docs):
        if docname in env.files_to_rebuild or docname == app.config.root_doc or docname in included:
            continue
        if docname in listed or "orphan" in env.metadata.get(docname, {}):
            continue
        index, line = _index_for(env, docname, app.config.root_doc)
        folder = index.rpartition("/")[0]
        entry = docname[len(folder) + 1 :] if folder and docname.startswith(folder + "/") else docname
        at = f" (line {line})" if line else ""
        message = (
            f"the page is in no toctree, so no menu or list leads to it: add the line '{entry}' to the "
            f"toctree of {env.doc2path(index, False)}{at}, where it belongs in the order, or write "
            "`orphan: true` in its front matter"
        )
        warn(Subtype.TOCTREE, message, (docname, 1))


def _check_toctree_order(env: BuildEnvironment, career: Career) -> None:
    """A toctree lists employers, and projects grouped by employer, in the generated lists'
    order (employers newest first; each employer's projects in the author's order), so the
    sidebar and every list on the pages agree. A ``:glob:`` toctree states no order."""
    employers = career.newest_first()
    rank = {e.docname: i for i, e in enumerate(employers)}
    employer_rank = {e.slug: i for i, e in enumerate(employers)}
    project_rank = {p.docname: employer_rank.get(p.employer, len(employers)) for p in career.projects}
    for parent, entries in sorted(env.toctree_includes.items()):
        source, line = _toctree_line(env, parent)
        if source is None:
            continue
        folder = parent.rpartition("/")[0]

        def entry(docname: str, folder: str = folder) -> str:
            return docname[len(folder) + 1 :] if folder and docname.startswith(folder + "/") else docname

        for ranks, what in ((rank, "employers"), (project_rank, "projects")):
            listed = [d for d in entries if d in ranks]
            wanted = sorted(listed, key=lambda d: ranks[d])  # stable: the author's order within an employer
            if listed == wanted:
                continue
            first = next(i for i, (a, b) in enumerate(zip(listed, wanted, strict=True)) if a != b)
            how = (
                "newest first (latest end, then latest start), as the career summary lists them"
                if what == "employers"
                else "grouped by employer, employers newest first, as the generated lists give them"
            )
            message = (
                f"the toctree lists the {what} in another order than the pages' lists ({how}): "
                f"{entry(wanted[first])!r} belongs before {entry(listed[first])!r}; list them as "
                + ", ".join(entry(d) for d in wanted)
            )
            warn(Subtype.ORDER, message, (parent, line or 1))


def _toctree_line(env: BuildEnvironment, docname: str) -> tuple[str | None, int | None]:
    """The page's first toctree line; no page (None) if a toctree of it is a ``:glob:`` one."""
    try:
        text = env.doc2path(docname).read_text(encoding="utf-8")
    except OSError:
        return docname, None
    lines = text.splitlines()
    if any(line.strip() == ":glob:" for line in lines):
        return None, None
    return docname, next((n for n, t in enumerate(lines, 1) if "{toctree}" in t or "toctree::" in t), None)


def _index_for(env: BuildEnvironment, docname: str, root: str) -> tuple[str, int | None]:
    """The page whose toctree lists the most pages of ``docname``'s folder (else the root), and that toctree's line."""
    folder = docname.rpartition("/")[0]
    counts = {
        parent: sum(1 for d in entries if d.rpartition("/")[0] == folder)
        for parent, entries in env.toctree_includes.items()
    }
    best = max(sorted(counts), key=lambda parent: counts[parent], default=None)
    index = best if best is not None and counts[best] else root
    return index, _toctree_line(env, index)[1] or _glob_line(env, index)


def _glob_line(env: BuildEnvironment, docname: str) -> int | None:
    try:
        lines = env.doc2path(docname).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((n for n, t in enumerate(lines, 1) if "{toctree}" in t or "toctree::" in t), None)


def _check_slugs(records: list[Record]) -> None:
    """Each page that shares its slug with another is told, naming the other one."""
    by_slug: dict[tuple[str, str], list[Employer | Project]] = {}
    for record in records:
        if isinstance(record, Employer | Project):
            by_slug.setdefault((type(record).__name__, record.slug), []).append(record)
    for (_, slug), sharing in by_slug.items():
        first = sharing[0]
        for record in sharing[1:]:
            fix = "give one of the two pages another `slug:` in its front matter"
            where = (record.docname, line_in(record, ("slug",)))
            warn(Subtype.SLUG, f"slug {slug!r} is already used by {first.docname!r}: {fix}", where)
            line = line_in(record, ("slug",))
            message = f"slug {slug!r} is also used by {record.docname!r} (line {line}): {fix}"
            warn(Subtype.SLUG, message, (first.docname, line_in(first, ("slug",))))


def _check_project_dates(career: Career, records: list[Record]) -> None:
    """A project's dates lie within the position it was done in (the one it names, else any of its employer's)."""
    for record in records:
        if not isinstance(record, Project):
            continue
        employer = career.employer_of(record)
        own = record.period(career.as_of)
        if employer is None or own is None or not employer.positions:
            continue
        named = [p for p in employer.positions if p.title == record.position] if record.position else []
        positions = named or list(employer.positions)
        periods = [p.period(career.as_of) for p in positions]
        if any(p.start <= own.start and own.end <= p.end for p in periods):
            continue
        if not named and min(p.start for p in periods) <= own.start and own.end <= max(p.end for p in periods):
            continue  # between two of the employer's positions: held_during says which
        held = "; ".join(f"{p.title}, {format_period(p.period(career.as_of))}" for p in positions)
        key = "start" if own.start < min(p.start for p in periods) else "end"
        message = (
            f"the project's dates ({format_period(own)}) fall outside its position at {employer.name} "
            f"({held}): correct its `start` and `end`, or its `employer:`"
        )
        warn(Subtype.RANGE, message, (record.docname, line_in(record, (key,))))


def _check_catalogues(records: list[Record]) -> None:
    catalogues = [r for r in records if isinstance(r, Catalogue)]
    for extra in catalogues[1:]:
        message = f"a second skill catalog; the one in {catalogues[0].docname!r} is used"
        warn(Subtype.FRONTMATTER, message, (extra.docname, line_in(extra, ())))


def _check_references(
    career: Career, records: list[Record], unread: set[str], catalogue_file: str, directions: list[str]
) -> None:
    """Employer slugs and skill names that pages use but nothing defines."""
    for record in records:
        if (isinstance(record, Project) and record.employer and record.employer not in career.employers
                and record.employer not in unread):  # fmt: skip
            known = ", ".join(sorted(career.employers)) or "none"
            guess = nearest(record.employer, career.employers, cutoff=0.6)
            fix = f"; did you mean {guess!r}?" if guess else ": write the slug of an employer page"
            message = f"unknown employer {record.employer!r} (employer pages: {known}){fix}"
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
                message = f"skill {skill!r} is not in the catalog: add it to {catalogue_file}, or use a name listed there{advice}"
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
                    guess = nearest(slug, career.employers, cutoff=0.6)
                    hint = f"; did you mean {guess!r}?" if guess else ""
                    warn(Subtype.DIRECTIVE, f"{directive}: unknown employer {slug!r}{hint}", (docname, line))
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
