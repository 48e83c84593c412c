"""The site's records as a JSON Resume document: plain data in, plain data out.

What the résumé model holds (names, positions, dates, skills, summaries) comes
from the records; what only JSON Resume has (highlights, roles, exact dates,
education, …) from the ``jsonresume`` front matter that an imported site keeps
beside them. See :mod:`resume.jsonresume.importer` for the other direction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from resume.core.claims import with_stated
from resume.core.dates import Period
from resume.core.model import Catalogue, Employer, Project
from resume.jsonresume.dates import exported_date, format_date

# JSON Resume sections kept verbatim in the front matter of one page each.
#: The sections a page of their own carries as they are (``jsonresume`` front
#: matter, shown by ``{resume-details}``), which the export writes back.
PERSON_SECTIONS = ("education", "volunteer", "awards", "certificates", "publications", "languages", "interests")
VOLUNTEER = "volunteer"  # the engagement whose positions are JSON Resume's ``volunteer``


@dataclass
class SiteData:
    """Everything an export is drawn from, gathered by the builder."""

    name: str
    basics: Mapping[str, Any]
    as_of: int
    employers: Sequence[Employer]
    projects: Sequence[Project]  # in the author's order (Career.in_authors_order)
    catalogue: Catalogue | None
    extras: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # by docname
    urls: Mapping[str, str] = field(default_factory=dict)  # absolute page URLs by docname
    canonical: str | None = None
    private: bool = False
    results: Mapping[str, Any] = field(default_factory=dict)  # a project's stated result, by docname
    publications: Sequence[Mapping[str, Any]] = ()  # the person's, from the bibliography


def export(site: SiteData) -> dict[str, Any]:
    document: dict[str, Any] = {"basics": _basics(site)}
    document["work"] = _work(site)
    document["projects"] = [_project(site, project) for project in site.projects]
    document["skills"] = _skills(site.catalogue)
    for section in PERSON_SECTIONS:
        entries = next((extra[section] for _, extra in sorted(site.extras.items()) if section in extra), None)
        if section == "volunteer":  # the volunteer positions, then any entry kept as it is
            entries = [*_work(site, volunteer=True), *(entries or [])]
        elif section == "publications" and not entries:  # or those of the bibliography
            entries = list(site.publications)
        if entries:
            document[section] = entries
    hidden = site.basics.get("private")
    if site.private and isinstance(hidden, Mapping) and hidden.get("references"):
        document["references"] = hidden["references"]
    document["meta"] = {"version": format_date(site.as_of), "lastModified": format_date(site.as_of)}
    if site.canonical:
        document["meta"]["canonical"] = site.canonical
    return {key: value for key, value in document.items() if value not in ([], {})}


def _basics(site: SiteData) -> dict[str, Any]:
    return public_basics(site.name, site.basics, private=site.private)


def public_basics(name: str, settings: Mapping[str, Any], *, private: bool) -> dict[str, Any]:
    """JSON Resume's basics from ``resume_basics``; the private part only if ``private``."""
    # `profiles` always a list: themes iterate it without looking.
    basics: dict[str, Any] = {"name": name, "profiles": []}
    hidden: Mapping[str, Any] = settings["private"] if isinstance(settings.get("private"), Mapping) else {}
    for key, value in settings.items():
        if key == "private" or value in (None, "", [], {}):
            continue
        basics[key] = value
    if private:
        location = dict(basics["location"]) if isinstance(basics.get("location"), Mapping) else {}
        for key in ("address", "postalCode"):
            if hidden.get(key):
                location[key] = hidden[key]
        if location:
            basics["location"] = location
        if hidden.get("phone"):
            basics["phone"] = hidden["phone"]
    return basics


def _work(site: SiteData, *, volunteer: bool = False) -> list[dict[str, Any]]:
    """The positions as ``work`` entries, newest first; with ``volunteer``,
    those of the volunteer engagement as ``volunteer`` entries."""
    rows: list[tuple[tuple[int, int, str, int], dict[str, Any]]] = []
    for employer in site.employers:
        extra = site.extras.get(employer.docname, {})
        details = list(extra.get("positions") or [])
        for index, position in enumerate(employer.positions):
            if (position.engagement == VOLUNTEER) != volunteer:
                continue
            more = details[index] if index < len(details) and isinstance(details[index], Mapping) else {}
            entry: dict[str, Any]
            if volunteer:  # the organization's own address, if the résumé gives one
                entry = {"organization": employer.name, "position": position.title}
                if more.get("url"):
                    entry["url"] = more["url"]
            else:
                # `company` and `website` beside `name` and `url`: the keys of the schema's
                # earlier versions, which some published themes still read.
                entry = {"name": employer.name, "company": employer.name, "position": position.title}
                location = more.get("location") or employer.location
                if location:
                    entry["location"] = location
                if more.get("description"):
                    entry["description"] = more["description"]
                if employer.docname in site.urls:
                    entry["url"] = entry["website"] = site.urls[employer.docname]
            entry["startDate"] = exported_date(position.start, more.get("startDate"), is_end=False)
            if position.end is not None:
                entry["endDate"] = exported_date(position.end, more.get("endDate"), is_end=True)
            summary = more.get("summary") or position.summary or employer.summary
            if summary:
                entry["summary"] = summary
            highlights = (
                list(position.highlights)
                or list(more.get("highlights") or [])
                or _position_highlights(site, employer, position)
            )
            if highlights:
                entry["highlights"] = highlights
            end = position.end if position.end is not None else 10**6
            rows.append(((-end, -position.start, employer.name.casefold(), index), entry))
    return [entry for _, entry in sorted(rows, key=lambda row: row[0])]


def _position_highlights(site: SiteData, employer: Employer, position: Any) -> list[str]:
    """What the employer's projects of a position state, in the author's order:
    a result where one is stated, else the project's name and summary."""
    held = position.period(site.as_of)
    lines: list[str] = []
    for project in site.projects:
        if project.employer != employer.slug:
            continue
        stated = getattr(project, "position", None)
        period = project.period(site.as_of)
        if stated is not None and stated != position.title:
            continue
        if stated is None and period is not None and not _overlap(held, period):
            continue
        results = _highlights(site.results.get(project.docname))
        if results:
            lines += [f"{project.name}: {result}" for result in results]
        elif project.summary:
            lines.append(f"{project.name}: {project.summary}")
    return lines


def _project(site: SiteData, project: Project) -> dict[str, Any]:
    extra = site.extras.get(project.docname, {})
    employer = next((e for e in site.employers if e.slug == project.employer), None)
    entry: dict[str, Any] = {"name": project.name}
    if project.summary:
        entry["description"] = project.summary
    highlights = _highlights(site.results.get(project.docname)) or list(extra.get("highlights") or [])
    if highlights:
        entry["highlights"] = highlights
    if project.skills:
        entry["keywords"] = list(project.skills)
    if project.start is not None:
        entry["startDate"] = exported_date(project.start, extra.get("startDate"), is_end=False)
        if project.end is not None:
            entry["endDate"] = exported_date(project.end, extra.get("endDate"), is_end=True)
    if project.url or project.docname in site.urls:
        entry["url"] = project.url or site.urls[project.docname]  # its own address, else its page's
    stated = getattr(project, "position", None)
    roles = list(extra.get("roles") or []) or ([stated] if stated else _roles(site, project, employer))
    if roles:
        entry["roles"] = roles
    entity = extra.get("entity") or (employer.name if employer else None)
    if entity:
        entry["entity"] = entity
    if extra.get("type"):
        entry["type"] = extra["type"]
    return entry


def _highlights(result: Any) -> list[str]:
    if isinstance(result, str) and result.strip():
        return [result.strip()]
    if isinstance(result, list):
        return [str(item) for item in result if str(item).strip()]
    return []


def _roles(site: SiteData, project: Project, employer: Employer | None) -> list[str]:
    """The positions held at the employer while the project ran (all of them if undated)."""
    if employer is None:
        return []
    period = project.period(site.as_of)
    titles: list[str] = []
    for position in employer.positions:
        held = position.period(site.as_of)
        if (period is None or _overlap(held, period)) and position.title not in titles:
            titles.append(position.title)
    return titles


def _overlap(first: Period, second: Period) -> bool:
    return first.start <= second.end and second.start <= first.end


def _skills(catalogue: Catalogue | None) -> list[dict[str, Any]]:
    """One skill per category, its skills the keywords, each with the level and
    years the résumé states ("C (expert, 9 years)"), as the two-page résumé says them."""
    if catalogue is None:
        return []
    groups: dict[str, list[str]] = {}
    for entry in catalogue.entries:
        groups.setdefault(entry.category, []).append(with_stated(entry))
    return [
        {"name": category, "keywords": keywords} if keywords != [category] else {"name": category}
        for category, keywords in groups.items()
    ]
