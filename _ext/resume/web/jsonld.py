"""Schema.org structured data (JSON-LD) derived from the records.

Plain Python on plain data: every function takes records and a way to turn a
docname into an address (``url_of``) and returns plain dicts, ready for
``json.dumps``. The same person is one node everywhere, named by its ``@id``
(the home page's address with ``#person``), so a search engine links an
employer or project page to the profile on the home page.

Addresses are absolute when the site's address is known; otherwise
``url_of`` gives them relative to the page that carries the data, which
JSON-LD resolves against that page's own address, so they are still true.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from resume.core.career import Career
from resume.core.claims import project_claim
from resume.core.dates import Period, year_of
from resume.core.model import Employer, Person, Position, Project
from resume.core.text import text_of

UrlOf = Callable[[str], str]
CONTEXT = "https://schema.org"


def iso_month(value: int) -> str:
    """A month as ISO 8601 ``YYYY-MM``, which schema.org dates accept."""
    return f"{year_of(value):04d}-{value % 12 + 1:02d}"


def person_id(person: Person, url_of: UrlOf) -> str:
    return f"{url_of(person.docname)}#person"


def organization_id(employer: Employer, url_of: UrlOf) -> str:
    return f"{url_of(employer.docname)}#organization"


def _dates(period: Period) -> dict[str, str]:
    dates = {"startDate": iso_month(period.start)}
    if not period.ongoing:
        dates["endDate"] = iso_month(period.end)
    return dates


def _organization(employer: Employer, url_of: UrlOf) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": organization_id(employer, url_of),
        "name": employer.name,
        "url": url_of(employer.docname),
    }
    if employer.location:
        node["location"] = {"@type": "Place", "name": employer.location}
    return node


def _role(position: Position, as_of: int, organization: dict[str, Any]) -> dict[str, Any]:
    """One position, in schema.org's role pattern: Person → role → Organization."""
    return {
        "@type": "EmployeeRole",
        "roleName": position.title,
        **_dates(position.period(as_of)),
        "worksFor": organization,
    }


def job_title(basics: Mapping[str, Any]) -> str | None:
    """What the person does: ``resume_basics``' label."""
    return text_of(basics.get("label"))


def same_as(basics: Mapping[str, Any]) -> list[str]:
    """The person's addresses elsewhere: ``resume_basics``' url, then each profile's."""
    profiles = basics.get("profiles")
    listed = profiles if isinstance(profiles, list) else []
    found = [basics.get("url"), *(p.get("url") for p in listed if isinstance(p, Mapping))]
    return list(dict.fromkeys(address for value in found if (address := text_of(value))))


def person_node(
    person: Person, basics: Mapping[str, Any], schools: tuple[str, ...], career: Career, url_of: UrlOf
) -> dict[str, Any]:
    """The full ``Person``: name, job title, contacts, skills, schools, every position.

    Job title, e-mail and addresses elsewhere come from ``basics`` (conf.py's
    ``resume_basics``), the one place the person's details are written; the
    schools from the education page (:mod:`.education`).
    """
    node: dict[str, Any] = {
        "@type": "Person",
        "@id": person_id(person, url_of),
        "name": person.name,
        "url": url_of(person.docname),
    }
    if label := job_title(basics):
        node["jobTitle"] = label
    if email := text_of(basics.get("email")):
        node["email"] = email
    if elsewhere := same_as(basics):
        node["sameAs"] = elsewhere
    if career.catalogue is not None:
        node["knowsAbout"] = list(dict.fromkeys(entry.name for entry in career.catalogue.entries))
    if schools:
        node["alumniOf"] = [{"@type": "EducationalOrganization", "name": school} for school in schools]
    roles = [
        _role(position, career.as_of, _organization(employer, url_of))
        for employer in career.newest_first()
        for position in employer.positions
    ]
    if roles:
        node["worksFor"] = roles
    return node


def profile_page(
    person: Person,
    basics: Mapping[str, Any],
    schools: tuple[str, ...],
    career: Career,
    url_of: UrlOf,
    description: str | None,
) -> dict[str, Any]:
    """The home page: a ``ProfilePage`` whose main entity is the person."""
    page: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ProfilePage",
        "@id": url_of(person.docname),
        "url": url_of(person.docname),
        "name": person.name,
        "mainEntity": person_node(person, basics, schools, career, url_of),
    }
    if description:
        page["description"] = description
    return page


def _person_ref(person: Person, url_of: UrlOf) -> dict[str, Any]:
    return {"@type": "Person", "@id": person_id(person, url_of), "name": person.name}


def employer_page(
    employer: Employer, person: Person, career: Career, url_of: UrlOf, description: str | None
) -> dict[str, Any]:
    """An employer page: the organisation, and the person's roles there."""
    organization = _organization(employer, url_of)
    if description:
        organization["description"] = description
    member = _person_ref(person, url_of)
    member["worksFor"] = [
        _role(position, career.as_of, {"@id": organization["@id"]}) for position in employer.positions
    ]
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                "@type": "WebPage",
                "@id": url_of(employer.docname),
                "url": url_of(employer.docname),
                "name": employer.name,
                "about": {"@id": organization["@id"]},
                "mainEntity": {"@id": organization["@id"]},
            },
            organization,
            member,
        ],
    }


def project_page(
    project: Project, person: Person, career: Career, url_of: UrlOf, description: str | None
) -> dict[str, Any]:
    """A project page: the work, created by the person, for the employer."""
    work: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "CreativeWork",
        "@id": f"{url_of(project.docname)}#project",
        "url": url_of(project.docname),
        "name": project.name,
        "creator": _person_ref(person, url_of),
    }
    if description:
        work["description"] = description
    employer = career.employer_of(project)
    if employer is not None:
        work["sourceOrganization"] = {
            "@type": "Organization",
            "@id": organization_id(employer, url_of),
            "name": employer.name,
            "url": url_of(employer.docname),
        }
    # Only a project's own dates: an undated one is placed by its employer
    # (sourceOrganization) and claims no time of its own (core.claims).
    own = project_claim(career, project).own
    if own is not None:
        work["temporalCoverage"] = f"{iso_month(own.start)}/{'..' if own.ongoing else iso_month(own.end)}"
    if project.skills:
        work["keywords"] = list(project.skills)
    return work


def script(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element for the page head.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so no text in the data
    can close the element or open another.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    # The page writes e-mail addresses so that a plain-text scan does not find
    # them ({email} role); here the same: the "@" as a JSON escape.
    text = re.sub(r'("email": "[^"]*)@', "\\1\\\\u0040", text)
    return f'<script type="application/ld+json">\n{text}\n</script>\n'
