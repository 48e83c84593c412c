"""A JSON Resume document as the pages of a new knowledge base: plain data.

:func:`plan_site` reads the document as JSON Resume means it
(:mod:`.repair`: older keys, empty values, dates as people write them), checks
it, leaves out the entries the site cannot hold without inventing (each said in
the report), then lays out one employer page per
organisation (work entries with the same name are its positions), one page per
project (its employer from ``entity``, else from a work entry whose dates
contain it, else the independent projects), the skills catalogue (every skill
and every keyword used), and a page for each section it keeps as it is
(education, volunteer, awards, certificates, publications, languages, interests).
The résumé model's keys go into each page's ``resume`` front matter; what only
JSON Resume has goes into its ``jsonresume`` front matter, which
``{resume-details}`` shows and the export reads back. Nothing is written here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from resume.core.claims import read_stated
from resume.core.dates import format_month
from resume.core.model import LEVEL_RANK
from resume.core.text import is_web_address, words_of
from resume.jsonresume.bibtex import KEYWORD, bib_text, unwritable
from resume.jsonresume.bibtex import writable as bibtex_writable
from resume.jsonresume.dates import date_problem, month_of, site_date
from resume.jsonresume.export import PERSON_SECTIONS, VOLUNTEER
from resume.jsonresume.markdown import front_matter, inline, slugify
from resume.jsonresume.repair import Repaired, read_date, repair
from resume.jsonresume.schema import dated_entries, json_text, pointer, schema_problems

# What each section's entries carry onto the site; any other key is reported.
CARRIED = {
    "work": {"name", "position", "startDate", "endDate", "summary", "highlights", "url", "location", "description"},
    "projects": {
        "name",
        "description",
        "highlights",
        "keywords",
        "startDate",
        "endDate",
        "url",
        "roles",
        "entity",
        "type",
    },
    "skills": {"name", "level", "keywords"},
    "education": {"institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses", "summary"},
    "interests": {"name", "keywords"},
    "languages": {"language", "fluency"},
    "volunteer": {"organization", "position", "url", "startDate", "endDate", "summary", "highlights"},
    "awards": {"title", "date", "awarder", "summary"},
    "certificates": {"name", "date", "issuer", "url"},
    "publications": {"name", "publisher", "releaseDate", "url", "summary"},
    "references": {"name", "reference"},
}
BASICS = ("label", "email", "url", "summary", "profiles")
LOCATION = ("city", "region", "countryCode")
PRIVATE = {"address": "location", "postalCode": "location", "phone": None}
NOT_SHOWN = {
    "work": "shown on the employer page; the export gives the page's own address instead",
}
OTHER_SKILLS = "Other skills"
INDEPENDENT = "independent"


class ImportRefused(ValueError):
    """The document cannot become a site; ``problems`` says where and why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class NewSite:
    name: str
    slug: str
    as_of: str
    basics: dict[str, Any]
    levels: list[str] = field(default_factory=list)  # skill levels, in order of first use
    pages: dict[str, str] = field(default_factory=dict)  # relative path -> text
    report: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)  # what was read differently from how it is written


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def site_problems(document: Any) -> list[str]:
    """What a valid JSON Resume still needs to become a site: the person's name, and
    for each work entry its organisation or its start (one of them says what it is)."""
    problems: list[str] = []
    if not isinstance(document, dict):
        return problems
    basics = document.get("basics") or {}
    if not words_of(basics.get("name")):
        problems.append(f"{pointer('basics', 'name')}: the site needs the person's name; write it as a string")
    for index, entry in enumerate(document.get("work") or []):
        if not words_of(entry.get("name")) and not entry.get("startDate"):
            problems.append(
                f"{pointer('work', index)}: a work entry with neither the organisation's name (name, or company "
                "as files before JSON Resume 1.0 write it) nor a startDate: write both, or remove the entry"
            )
    return problems


def check(document: Any) -> None:
    """Raise :class:`ImportRefused` with every located problem, if there is any."""
    problems = schema_problems(document)
    if not problems:
        problems = site_problems(document)
    if problems:
        raise ImportRefused(problems)


def left_out(repaired: Repaired) -> list[str]:
    """Leave out the entries the site cannot hold without inventing: a work entry
    without its organisation, title or start, a project without a name. One line each."""
    lines: list[str] = []
    needs = {
        "work": (("name", "the organisation's name"), ("position", "the title"), ("startDate", "a startDate")),
        "projects": (("name", "a name"),),
    }
    for section, keys in needs.items():
        entries = repaired.document.get(section) or []
        found: list[str] = []
        for index in reversed(range(len(entries))):
            missing = [what for key, what in keys if not words_of(entries[index].get(key))]
            if missing:
                where = repaired.in_file(pointer(section, index))
                found.append(
                    f"{where}: left out, the site needs {' and '.join(missing)}: add it to the file and "
                    "import again, or write the page by hand"
                )
                repaired.leave_out(section, index)
        lines += found[::-1]
    return lines


def plan_site(document: Any, *, fallback_as_of: str) -> NewSite:
    """The pages of a new site; what was repaired on the way is in ``repairs``.

    ``fallback_as_of`` is the as-of date of a file without any date.
    """
    repaired = repair(document)
    try:
        check(repaired.document)
    except ImportRefused as refused:
        raise ImportRefused([repaired.in_file(problem) for problem in refused.problems]) from None
    dropped = left_out(repaired)
    site = _Planner(repaired.document, fallback_as_of).plan()
    site.repairs = repaired.lines
    site.report = dropped + [repaired.in_file(line) for line in site.report]
    return site


@dataclass
class _Employer:
    slug: str
    name: str
    entries: list[tuple[int, dict[str, Any]]]  # (index in work, entry)


@dataclass
class _Project:
    slug: str
    index: int
    entry: dict[str, Any]
    employer: str | None = None


class _Planner:
    def __init__(self, document: dict[str, Any], fallback_as_of: str) -> None:
        self.doc = document
        self.report: list[str] = []
        self.fallback_as_of = fallback_as_of

    def plan(self) -> NewSite:
        basics = self.doc.get("basics") or {}
        name = words_of(basics["name"]) or ""
        self._report_uncarried()
        employers = self._employers()
        projects = self._projects(employers)
        skill_entries = self._skill_entries()
        site = NewSite(
            name=name,
            slug=_person_slug(name),
            as_of=self._as_of(),
            basics=self._basics(basics),
            levels=list(dict.fromkeys(level for _, _, level, _ in skill_entries if level)),
            report=self.report,
        )
        skills_page = self._skills(projects, skill_entries)
        pages = site.pages
        for employer in employers:
            pages[f"experience/{employer.slug}.md"] = self._employer_page(employer)
        for project in projects:
            pages[f"projects/{project.slug}.md"] = self._project_page(project, employers)
        pages["experience/index.md"] = _experience_index(employers, site.as_of)
        pages["projects/index.md"] = _projects_index(projects, employers, site.as_of)
        independent = [p for p in projects if p.employer is None]
        if independent:
            pages[f"projects/{INDEPENDENT}.md"] = _independent_page(independent)
        contents = ["brief", "experience/index", "projects/index"]
        if skills_page:
            pages["skills.md"] = skills_page
            contents.append("skills")
        kept: dict[str, list[Any]] = {section: self.doc.get(section) or [] for section in PERSON_SECTIONS}
        kept["volunteer"] = [e for e in kept["volunteer"] if _volunteer_as_work(e) is None]
        sections = [section for section in PERSON_SECTIONS if kept[section]]
        bib = self._bibliography(name, kept["publications"])
        if bib is not None:
            pages["references.bib"] = bib
        for section in sections:
            listed = section == "publications" and bib is not None
            pages[f"{section}.md"] = PUBLICATIONS_PAGE if listed else _section_page(section, kept[section])
        contents += sections
        pages["index.md"] = _home_page(name, contents, bool(employers))
        has_references = bool(self.doc.get("references"))
        pages["brief.md"] = _brief_page(bool(employers), skills_page is not None, sections, has_references)
        return site

    def _bibliography(self, name: str, publications: list[Any]) -> str | None:
        """The publications as ``references.bib`` entries, or None to keep them
        on their page as they are (none, or a text BibTeX would read as markup)."""
        if not publications:
            return None
        found = unwritable(publications)
        if found is not None or not bibtex_writable(name):
            where = pointer("publications", *found) if found else pointer("basics", "name")
            self.report.append(
                f"{where}: a brace, backslash, dollar or tilde, which BibTeX reads as markup; "
                "the publications are kept on their page, not in references.bib"
            )
            return None
        used: set[str] = set()
        keys = [_unique(slugify(words_of(entry.get("name")) or "", "publication"), used) for entry in publications]
        self.report.append(f"{pointer('publications')}: in references.bib, listed on the publications page")
        return bib_text(publications, name, keys)

    # -- what the site does not carry -------------------------------------------------

    def _report_uncarried(self) -> None:
        for key in self.doc:
            if key not in {"basics", "meta", *CARRIED}:
                count = len(self.doc[key]) if isinstance(self.doc[key], list) else 1
                self.report.append(f"{pointer(key)}: not carried ({count} entr{'y' if count == 1 else 'ies'})")
        basics = self.doc.get("basics") or {}
        for key, value in basics.items():
            if key not in {"name", *BASICS, "location", "phone"} and value not in ("", None, [], {}):
                self.report.append(f"{pointer('basics', key)}: not carried")
        location = basics.get("location") or {}
        for key, value in location.items():
            if key not in {*LOCATION, "address", "postalCode"} and value:
                self.report.append(f"{pointer('basics', 'location', key)}: not carried")
        for key in ("address", "postalCode", "phone"):
            where = ("basics", "location", key) if key != "phone" else ("basics", key)
            value = location.get(key) if key != "phone" else basics.get(key)
            if value:
                self.report.append(f"{pointer(*where)}: kept for private builds only (-t private)")
        if self.doc.get("references"):
            self.report.append(f"{pointer('references')}: kept for private builds only (-t private)")
        meta = self.doc.get("meta") or {}
        for key in meta:
            use = "counts for the as-of date; " if key == "lastModified" else ""
            self.report.append(f"{pointer('meta', key)}: {use}not carried, the export writes its own")
        for section, carried in CARRIED.items():
            for index, entry in enumerate(self.doc.get(section) or []):
                for key in entry:
                    if key not in carried:
                        self.report.append(f"{pointer(section, index, key)}: not carried")
                if section in NOT_SHOWN and words_of(entry.get("url")):
                    self.report.append(f"{pointer(section, index, 'url')}: {NOT_SHOWN[section]}")

    # -- person ------------------------------------------------------------------------

    def _basics(self, basics: Mapping[str, Any]) -> dict[str, Any]:
        kept: dict[str, Any] = {key: basics[key] for key in BASICS if basics.get(key) not in (None, "", [], {})}
        location = basics.get("location") or {}
        place = {key: location[key] for key in LOCATION if location.get(key)}
        if place:
            kept["location"] = place
        private: dict[str, Any] = {key: value for key in ("address", "postalCode") if (value := location.get(key))}
        if basics.get("phone"):
            private["phone"] = basics["phone"]
        if self.doc.get("references"):  # a public site names no referee
            private["references"] = self.doc["references"]
        if private:
            kept["private"] = private
        return kept

    def _as_of(self) -> str:
        """The latest month of ``meta.lastModified`` and of every date in the file.

        A bare year counts as its first month, the latest the file says for sure.
        """
        dates = [
            (pointer(section, index, key), value)
            for section, index, entry, keys in dated_entries(self.doc)
            for key in keys
            if isinstance(value := entry.get(key), str)
        ]
        stamp = (self.doc.get("meta") or {}).get("lastModified")
        if isinstance(stamp, str):  # a date and time, as the schema says: its date
            stamp = read_date(stamp)[0] or stamp
            dates.append((pointer("meta", "lastModified"), stamp))
        months = [(_first_month(value), where) for where, value in dates if date_problem(value) is None]
        if not months:
            return self.fallback_as_of
        latest = max(month for month, _ in months)
        if not (isinstance(stamp, str) and _first_month(stamp) == latest):
            where = next(where for month, where in months if month == latest)
            given = (
                f"later than meta.lastModified {json_text(stamp)}" if isinstance(stamp, str) else "no meta.lastModified"
            )
            self.report.append(f"{where}: gives the as-of date {latest}, the latest in the file ({given})")
        return latest

    # -- employers ----------------------------------------------------------------------

    def _employers(self) -> list[_Employer]:
        """One page per organization of ``work`` and of ``volunteer`` (a
        volunteer entry with an organization, a position and a start is a
        position of the ``volunteer`` engagement)."""
        groups: dict[str, _Employer] = {}
        used: set[str] = set()
        entries = list(enumerate(self.doc.get("work") or []))
        for index, entry in enumerate(self.doc.get("volunteer") or []):
            if (work := _volunteer_as_work(entry)) is not None:
                entries.append((index, work))
        for index, entry in entries:
            name = words_of(entry["name"]) or ""
            group = groups.get(_key(name))
            if group is None:
                slug = _unique(slugify(name, "employer"), used)
                group = groups[_key(name)] = _Employer(slug, name, [])
            group.entries.append((index, entry))
            if entry.get("engagement") == VOLUNTEER:
                where = pointer("volunteer", index)
                self.report.append(f"{where}: a volunteer position on employer page {json_text(group.slug)}")
        return list(groups.values())

    def _employer_page(self, employer: _Employer) -> str:
        locations = {words_of(e.get("location")) for _, e in employer.entries}
        shared = locations.pop() if len(locations) == 1 else None
        resume: dict[str, Any] = {"kind": "employer", "slug": employer.slug}
        if shared:
            resume["location"] = shared
        resume["positions"] = [_position(entry) for _, entry in employer.entries]
        details = []
        for _, entry in employer.entries:
            more: dict[str, Any] = {key: entry[key] for key in ("startDate", "endDate") if key in entry}
            for key in ("description", "url"):
                if entry.get(key) not in (None, "", []):
                    more[key] = entry[key]
            if not shared and words_of(entry.get("location")):
                more["location"] = entry["location"]
            details.append(more)
        return _page({"resume": resume, "jsonresume": {"positions": details}}, employer.name, "job")

    # -- projects -----------------------------------------------------------------------

    def _projects(self, employers: list[_Employer]) -> list[_Project]:
        by_name = {_key(e.name): e for e in employers}
        used: set[str] = {INDEPENDENT}
        projects: list[_Project] = []
        for index, entry in enumerate(self.doc.get("projects") or []):
            project = _Project(_unique(slugify(entry["name"], "project"), used), index, entry)
            entity = words_of(entry.get("entity"))
            if entity and _key(entity) in by_name:
                project.employer = by_name[_key(entity)].slug
            else:
                project.employer = _employer_by_dates(entry, employers)
                where = pointer("projects", index)
                if project.employer is None:
                    self.report.append(
                        f"{where}: no work entry is named {json_text(entity)} or contains its dates; "
                        f"it is on the independent projects page"
                        if entity
                        else f"{where}: no entity, and no work entry contains its dates; "
                        f"it is on the independent projects page"
                    )
                else:
                    self.report.append(
                        f"{where}: placed at employer page {json_text(project.employer)}, whose dates contain it"
                        + (f" (its entity {json_text(entity)} names no work entry)" if entity else "")
                    )
            projects.append(project)
        return projects

    def _project_page(self, project: _Project, employers: list[_Employer]) -> str:
        entry = project.entry
        resume: dict[str, Any] = {"kind": "project", "slug": project.slug}
        if project.employer:
            resume["employer"] = project.employer
        if words_of(entry.get("description")):
            resume["summary"] = entry["description"]
        if entry.get("startDate"):
            resume["start"] = site_date(entry["startDate"])
            resume["end"] = site_date(entry["endDate"]) if entry.get("endDate") else "ongoing"
        skills = _unique_names(entry.get("keywords") or [])
        if skills:
            resume["skills"] = skills
        more: dict[str, Any] = {key: entry[key] for key in ("startDate", "endDate") if key in entry}
        url = words_of(entry.get("url"))
        if url and is_web_address(url):
            resume["url"] = url  # the project's own address, on its page and exported back
        for key in ("highlights", "roles", "url", "type"):
            if entry.get(key) not in (None, "", []) and key not in resume:
                more[key] = entry[key]
        employer = next((e for e in employers if e.slug == project.employer), None)
        if employer is not None and len(employer.entries) > 1:
            # One role that is one of the employer's positions: the project's position.
            titles = {words_of(work.get("position")) for _, work in employer.entries}
            roles = [words_of(role) for role in entry.get("roles") or [] if isinstance(role, str)]
            if len(roles) == 1 and roles[0] in titles:
                resume["position"] = roles[0]
        entity = words_of(entry.get("entity"))
        if entity and (employer is None or _key(entity) != _key(employer.name)):
            more["entity"] = entry["entity"]
        data: dict[str, Any] = {"resume": resume}
        if more:
            data["jsonresume"] = more
        return _page(data, entry["name"], "project")

    # -- skills -------------------------------------------------------------------------

    def _skill_entries(self) -> list[tuple[str, str, str | None, float | None]]:
        """(category, skill, level, years) of every skill the file lists: each
        keyword of a ``skills`` entry is a skill of the category the entry
        names, its level the entry's, unless it says its own level and years
        in parentheses, as the export writes them ("C (expert, 9 years)")."""
        skills = self.doc.get("skills") or []
        levels = [*LEVEL_RANK, *(words_of(skill.get("level")) or "" for skill in skills)]
        found = []
        for skill in skills:
            name = words_of(skill.get("name"))
            keywords = _unique_names(skill.get("keywords") or [])
            if name is None and not keywords:
                continue
            for keyword in keywords or [name or OTHER_SKILLS]:
                text, level, years = read_stated(keyword, levels)
                found.append((name or OTHER_SKILLS, text, level or words_of(skill.get("level")), years))
        return found

    def _skills(self, projects: list[_Project], entries: list[tuple[str, str, str | None, float | None]]) -> str | None:
        categories: dict[str, dict[str, dict[str, Any]]] = {}
        for index, skill in enumerate(self.doc.get("skills") or []):
            if words_of(skill.get("name")) is None and not _unique_names(skill.get("keywords") or []):
                self.report.append(f"{pointer('skills', index)}: a skill with neither name nor keywords; left out")
        for category, name, level, years in entries:
            entry: dict[str, Any] = {"name": name}
            if level:
                entry["level"] = level
            if years is not None:
                entry["years"] = int(years) if years.is_integer() else years
            categories.setdefault(category, {}).setdefault(name, entry)
        listed = {name for entries in categories.values() for name in entries}
        for project in projects:
            for keyword in _unique_names(project.entry.get("keywords") or []):
                if keyword not in listed:
                    categories.setdefault(OTHER_SKILLS, {})[keyword] = {"name": keyword}
                    listed.add(keyword)
        if OTHER_SKILLS in categories:
            self.report.append(
                f"skills: project keywords missing from /skills are listed under {json_text(OTHER_SKILLS)}"
            )
        if not categories:
            return None
        catalogue = {
            "kind": "catalogue",
            "categories": [{"name": name, "skills": list(entries.values())} for name, entries in categories.items()],
        }
        # JSON Resume ties skills to projects only (their keywords): a matrix of
        # the projects where any has keywords, else none.
        tied = any(_unique_names(project.entry.get("keywords") or []) for project in projects)
        body = "Every skill the résumé names, with the level it states, grouped as it groups them"
        if tied:
            body += (
                ";\nthe matrix shows the projects that use each, and the index gives each skill's pages.\n\n"
                "## Skills by project\n\n```{skill-matrix}\n:columns: projects\n:group:\n```\n\n"
            )
        else:
            body += ".\n\n"
        body += "## Skills index\n\n```{skill-index}\n```\n"
        return front_matter({"resume": catalogue}) + "\n# Skills\n\n" + body


# -- pages ------------------------------------------------------------------------------


def _page(data: dict[str, Any], title: str, what: str) -> str:
    return (
        front_matter(data)
        + f"\n# {inline(title) or what.title()}\n\n```{{resume-details}}\n```\n\n"
        + f"% The {what}'s own story, in Markdown, goes here.\n"
    )


def _volunteer_as_work(entry: Mapping[str, Any]) -> dict[str, Any] | None:
    """A ``volunteer`` entry in ``work``'s words, of the volunteer engagement;
    None for one without the organization, position or start a position needs
    (the Volunteering page keeps it as it is)."""
    start = entry.get("startDate")
    if not (words_of(entry.get("organization")) and words_of(entry.get("position")) and isinstance(start, str)):
        return None
    work = {"name": entry["organization"], "engagement": VOLUNTEER}
    work.update((key, value) for key, value in entry.items() if key != "organization")
    return work


def _position(entry: Mapping[str, Any]) -> dict[str, Any]:
    position: dict[str, Any] = {"title": entry["position"], "start": site_date(entry["startDate"])}
    position["end"] = site_date(entry["endDate"]) if entry.get("endDate") else "ongoing"
    if entry.get("engagement") == VOLUNTEER:
        position["engagement"] = VOLUNTEER
    # The role and its lines: the two-page résumé shows them under the position.
    if words_of(entry.get("summary")):
        position["summary"] = entry["summary"]
    highlights = [line for line in entry.get("highlights") or [] if words_of(line)]
    if highlights:
        position["highlights"] = highlights
    return position


def _employer_by_dates(entry: Mapping[str, Any], employers: list[_Employer]) -> str | None:
    start, end = entry.get("startDate"), entry.get("endDate")
    if not start:
        return None
    # A project without an end is ongoing (as its page says): only an ongoing position contains it.
    first, last = month_of(start, is_end=False), month_of(end, is_end=True) if end else 10**6
    for employer in employers:
        for _, work in employer.entries:
            if work.get("engagement") == VOLUNTEER:
                continue
            held_from = month_of(work["startDate"], is_end=False)
            held_to = month_of(work["endDate"], is_end=True) if work.get("endDate") else 10**6
            if held_from <= first and last <= held_to:
                return employer.slug
    return None


def _newest_first(employers: list[_Employer], as_of: str) -> list[_Employer]:
    """The site's order (resume.core.career.newest_first): latest end, then latest start, then name."""
    now = _as_int(as_of)

    def newest(employer: _Employer) -> tuple[int, int, tuple[str, str]]:
        starts = [month_of(e["startDate"], is_end=False) for _, e in employer.entries]
        ends = [
            month_of(e["endDate"], is_end=True) if e.get("endDate") else max(start, now)
            for start, (_, e) in zip(starts, employer.entries, strict=True)
        ]
        return (-max(ends), -max(starts), (employer.name.casefold(), employer.name))

    return sorted(employers, key=newest)


def _experience_index(employers: list[_Employer], as_of: str) -> str:
    ordered = _newest_first(employers, as_of)
    toctree = "\n".join(e.slug for e in ordered)
    chart = "```{timeline}\n:show: positions\n```\n\n```{career-summary}\n```\n\n" if employers else ""
    return (
        "# Experience\n\nEvery employer has a page of its own, with its positions and their dates.\n"
        f"The chart shows every position on one time line, up to {format_month(_as_int(as_of))};\n"
        "the list below it gives them newest first.\n\n"
        + chart
        + "% Newest first. A new employer page goes in this list.\n\n"
        + f"```{{toctree}}\n:hidden:\n:maxdepth: 1\n\n{toctree}\n```\n"
    )


def _projects_index(projects: list[_Project], employers: list[_Employer], as_of: str) -> str:
    # Grouped by employer, employers newest first, as the site's lists give them.
    rank = {e.slug: i for i, e in enumerate(_newest_first(employers, as_of))}
    placed = sorted((p for p in projects if p.employer is not None), key=lambda p: rank[p.employer or ""])
    independent = any(p.employer is None for p in projects)
    entries = ([INDEPENDENT] if independent else []) + [p.slug for p in placed]
    toctree = "\n".join(entries)
    text = "# Projects\n\n"
    if placed:
        text += (
            "The projects of the résumé, one page each, listed below under the employer\n"
            "they were done for.\n\n```{career-summary}\n:projects:\n```\n\n"
        )
    if independent:
        text += f"Projects the résumé names without an employer: {{doc}}`{INDEPENDENT}`.\n\n"
    return (
        text
        + "% A new project page goes in this list.\n\n"
        + f"```{{toctree}}\n:hidden:\n:maxdepth: 1\n\n{toctree}\n```\n"
    )


def _independent_page(projects: list[_Project]) -> str:
    links = "\n".join(f"- {{doc}}`{p.slug}`" for p in projects)
    toctree = "\n".join(p.slug for p in projects)
    return (
        "# Independent projects\n\nProjects that the résumé names without an employer.\n\n"
        + links
        + "\n\n"
        + f"```{{toctree}}\n:hidden:\n:maxdepth: 1\n\n{toctree}\n```\n"
    )


SECTION_TITLES = {
    "education": "Education",
    "volunteer": "Volunteering",
    "awards": "Awards",
    "certificates": "Certificates",
    "publications": "Publications",
    "languages": "Languages",
    "interests": "Interests",
}


#: The publications page of a site whose publications are in ``references.bib``.
PUBLICATIONS_PAGE = f"""# Publications

```{{bibliography}}
:filter: keywords % "{KEYWORD}"
```
"""


def _section_page(section: str, entries: list[Any]) -> str:
    return (
        front_matter({"jsonresume": {section: entries}})
        + f"\n# {SECTION_TITLES[section]}\n\n```{{resume-details}}\n```\n"
    )


def _home_page(name: str, contents: list[str], has_work: bool) -> str:
    toctree = "\n".join(contents)
    chart = "## Career at a glance\n\n```{timeline}\n```\n\n" if has_work else ""
    # The first screen: name, label, contact and the two-page résumé, then the summary.
    return (
        f"# {inline(name)}\n\n```{{resume-details}} contact\n```\n\n"
        "**Two-page résumé:** {{ download_brief }} or {{ download_docx }}, or read it online as {doc}`brief`.\n\n"
        "```{resume-details} summary\n```\n\n" + chart + "## Downloads\n\n"
        "- The whole site: {{ download_pdf }} or {{ download_epub }}.\n"
        "- The résumé as data, in the JSON Resume format: {{ download_json }}.\n\n"
        f"```{{toctree}}\n:maxdepth: 1\n:caption: Contents\n\n{toctree}\n```\n"
    )


def _brief_page(has_work: bool, has_skills: bool, sections: list[str], has_references: bool) -> str:
    """The two-page résumé, laid out as this project's own: the person, every
    position with its role and lines, the skills, then each section the file
    has (all but education left out of the PDF first when two pages are full)."""
    parts = ["# Résumé at a glance\n\n```{resume-details} basics\n```\n"]
    if has_work:
        parts.append("## Experience\n\n```{brief-experience}\n:bullets: 3\n```\n")
    if has_skills:
        parts.append("## Skills\n\n```{skill-summary}\n```\n")
    parts += [f"## {SECTION_TITLES[section]}\n\n```{{resume-details}} {section}\n```\n" for section in sections]
    if has_references:  # in private builds only
        parts.append("```{resume-details} references\n```\n")
    return "\n".join(parts)


# -- small helpers -----------------------------------------------------------------------


def _unique(slug: str, used: set[str]) -> str:
    candidate, count = slug, 1
    while candidate in used:
        count += 1
        candidate = f"{slug}-{count}"
    used.add(candidate)
    return candidate


def _unique_names(values: list[Any]) -> list[str]:
    names: list[str] = []
    for value in values:
        text = words_of(value)
        if text and text not in names:
            names.append(text)
    return names


def _person_slug(name: str) -> str:
    slug = slugify(name, "resume")
    return slug if slug[0].isalpha() else f"r-{slug}"


def _first_month(date: str) -> str:
    return date[:7] if len(date) >= 7 else f"{date[:4]}-01"


def _as_int(as_of: str) -> int:
    return month_of(as_of, is_end=False)
