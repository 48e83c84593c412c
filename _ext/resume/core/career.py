"""Queries over all records at once: what the aggregates are drawn from.

Built once per set of records (see ``ResumeDomain.career``); every query is
O(n log n) or better in the number of records and skills.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from resume.core.dates import Period, covering, merge, merged_months
from resume.core.hints import nearest
from resume.core.model import ENGAGEMENTS, Catalogue, Employer, Person, Position, Project, Record, SkillEntry

SHOW = ("positions", "projects")
#: The tone a project is drawn in; a position's is its engagement.
PROJECT_TONE = "project"
COLUMNS = ("employers", "projects")
SORTS = ("name", "years", "level")


@dataclass(frozen=True)
class TimelineItem:
    """One dated thing to draw: a position held or a project (the input contract)."""

    label: str
    group: str  # the employer's short name
    start: int
    end: int
    ongoing: bool
    docname: str
    kind: str  # "position" or "project"
    tone: str = ENGAGEMENTS[0]  # an engagement for a position, PROJECT_TONE for a project


class SkillUsage(NamedTuple):
    docnames: tuple[str, ...]  # pages that list the skill, in page order
    periods: tuple[Period, ...]  # when it was used, overlapping periods merged

    @property
    def months(self) -> int:
        return sum(period.months for period in self.periods)


class MatrixColumn(NamedTuple):
    label: str
    docname: str


class MatrixRow(NamedTuple):
    skill: str
    categories: tuple[str, ...]  # every catalogue category naming it, in catalogue order
    level: str | None
    years: float | None  # the résumé's stated years; never computed (see core.claims)
    stated: bool  # whether ``years`` is the résumé's own figure
    proofs: tuple[str | None, ...]  # per column: the page that proves the mark


class Matrix(NamedTuple):
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]
    grouped: bool


def _name_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def _overlap(a: Period, b: Period) -> bool:
    return a.start <= b.end and b.start <= a.end


@dataclass
class Career:
    employers: dict[str, Employer]  # by slug; the first page wins a duplicate
    projects: list[Project]  # in page order
    catalogue: Catalogue | None
    as_of: int
    order: tuple[str, ...] = ()  # docnames in the author's (toctree) order
    person: Person | None = None  # the first person record, by docname

    @classmethod
    def build(cls, records: Iterable[Record], as_of: int, order: Sequence[str] = ()) -> Career:
        """The career of ``records``; pages name skills by their canonical names."""
        ordered = sorted(records, key=lambda r: r.docname)
        catalogue = next((r for r in ordered if isinstance(r, Catalogue)), None)
        person = next((r for r in ordered if isinstance(r, Person)), None)
        aliases = _aliases(catalogue)
        employers: dict[str, Employer] = {}
        projects: list[Project] = []
        for record in ordered:
            if isinstance(record, Employer):
                employers.setdefault(record.slug, _canonical_skills(record, aliases))
            elif isinstance(record, Project):
                projects.append(_canonical_skills(record, aliases))
        return cls(employers, projects, catalogue, as_of, tuple(order), person)

    def canonical(self, name: str) -> str:
        """The catalogue's name for ``name``: itself, or the skill it is an alias of."""
        return self._alias_map.get(name.casefold(), name)

    @cached_property
    def _alias_map(self) -> dict[str, str]:
        return _aliases(self.catalogue)

    # -- employers and their projects ---------------------------------------

    @cached_property
    def _projects_by_employer(self) -> dict[str, list[Project]]:
        grouped: dict[str, list[Project]] = defaultdict(list)
        for project in self.projects:
            grouped[project.employer].append(project)
        for members in grouped.values():
            members.sort(key=self._project_order)
        return grouped

    @cached_property
    def _position_in_order(self) -> dict[str, int]:
        return {docname: index for index, docname in enumerate(self.order)}

    def _project_order(self, project: Project) -> tuple[int, int, tuple[str, str]]:
        """The author's order; a page in no toctree goes last, newest first."""
        period = project.period(self.as_of)
        placed = self._position_in_order.get(project.docname, len(self.order))
        return (placed, -(period.start if period else 0), _name_key(project.name))

    def results(self, direction: str | None = None) -> list[Project]:
        """Projects with a stated result (serving ``direction``, if given):
        employers newest first, each in the author's order."""
        return [
            p for e in self.newest_first() for p in self.projects_of(e.slug)
            if p.result and direction in (None, *p.directions)
        ]  # fmt: skip

    def brief_projects(
        self, employer: Employer, *, limit: int, direction: str | None = None, skip: Iterable[str] = ()
    ) -> list[Project]:
        """The projects a two-page résumé names under an employer, at most
        ``limit``: chosen those with a result first, then those serving
        ``direction``, then the rest; listed in the author's order, those
        serving ``direction`` first."""
        skipped = set(skip)
        candidates = [p for p in self.projects_of(employer.slug) if p.docname not in skipped]
        chosen = set(map(id, self.by_weight(candidates, direction)[:limit]))
        shown = [p for p in candidates if id(p) in chosen]
        return sorted(shown, key=lambda p: direction is not None and direction not in p.directions)

    @staticmethod
    def by_weight(projects: Iterable[Project], direction: str | None = None) -> list[Project]:
        """``projects`` in the order a two-page résumé weighs them: those with a
        result first, then those serving ``direction``, each in the author's order."""

        def weight(project: Project) -> tuple[bool, bool]:
            return (project.result is None, direction is not None and direction not in project.directions)

        return sorted(projects, key=weight)

    def direction_skills(self, direction: str) -> list[str]:
        """The skills of the projects serving ``direction``, most used first."""
        counts: dict[str, int] = defaultdict(int)
        for project in self.projects:
            if direction in project.directions:
                for skill in project.skills:
                    counts[skill] += 1
        return sorted(counts, key=lambda s: (-counts[s], _name_key(s)))

    def held_during(self, project: Project) -> list[Position]:
        """The positions the author held while doing a project: the one it
        names, else those its dates overlap, else all of its employer's."""
        employer = self.employer_of(project)
        if employer is None:
            return []
        positions = list(employer.positions)
        if project.position is not None:
            return [p for p in positions if p.title == project.position]
        own = project.period(self.as_of)
        if own is not None:
            overlapping = [p for p in positions if _overlap(p.period(self.as_of), own)]
            return overlapping or positions
        return positions

    def work_period(self, project: Project) -> Period | None:
        """When a project was done: its own dates, else its positions' span."""
        own = project.period(self.as_of)
        if own is not None:
            return own
        periods = [p.period(self.as_of) for p in self.held_during(project)]
        if not periods:
            return None
        return covering(periods)

    def projects_of(self, slug: str) -> list[Project]:
        return self._projects_by_employer.get(slug, [])

    def in_authors_order(self) -> list[Project]:
        """Every project as the site lists them: employers newest first, each's
        projects in the author's order, then the projects of no employer."""
        listed = [p for e in self.newest_first() for p in self.projects_of(e.slug)]
        return [*listed, *(p for p in self.projects if p not in listed)]

    def employer_of(self, project: Project) -> Employer | None:
        return self.employers.get(project.employer)

    def positions_newest_first(self, employer: Employer) -> list[Position]:
        """An employer's positions, latest start first: the order every list uses."""
        return sorted(employer.positions, key=lambda p: -p.period(self.as_of).start)

    def employer_months(self, employer: Employer) -> int:
        return merged_months(employer.periods(self.as_of))

    def newest_first(self) -> list[Employer]:
        """Employers by their latest end, then latest start: a résumé's order."""

        def key(employer: Employer) -> tuple[int, int, tuple[str, str]]:
            periods = employer.periods(self.as_of) or [Period(0, 0)]
            return (
                -max(p.end for p in periods),
                -max(p.start for p in periods),
                _name_key(employer.name),
            )

        return sorted(self.employers.values(), key=key)

    # -- timeline -------------------------------------------------------------

    def timeline_items(self, show: Sequence[str] = SHOW, employer: str | None = None) -> list[TimelineItem]:
        items: list[TimelineItem] = []
        for record in self.newest_first():
            if employer not in (None, record.slug):
                continue
            if "positions" in show:
                for position in record.positions:
                    period = position.period(self.as_of)
                    items.append(
                        TimelineItem(
                            position.title,
                            record.label,
                            period.start,
                            period.end,
                            period.ongoing,
                            record.docname,
                            "position",
                            position.engagement,
                        )
                    )
            if "projects" in show:
                for project in self.projects_of(record.slug):
                    dated = project.period(self.as_of)
                    if dated is not None:
                        items.append(
                            TimelineItem(
                                project.name,
                                record.label,
                                dated.start,
                                dated.end,
                                dated.ongoing,
                                project.docname,
                                "project",
                                PROJECT_TONE,
                            )
                        )
        return items

    # -- skills ---------------------------------------------------------------

    def _pages(self) -> list[Employer | Project]:
        return [*sorted(self.employers.values(), key=lambda e: e.docname), *self.projects]

    @cached_property
    def _by_docname(self) -> dict[str, Employer | Project]:
        return {page.docname: page for page in self._pages()}

    def page(self, docname: str) -> Employer | Project | None:
        return self._by_docname.get(docname)

    def title(self, docname: str) -> str:
        page = self.page(docname)
        return page.name if page else docname

    def periods(self, page: Employer | Project) -> list[Period]:
        """The time a page shows a skill was used: an employer's positions, a
        project's own dates. A project without dates adds no time of its own:
        it happened within its position, but the résumé does not say for how
        long, so its position's whole span would overstate it."""
        if isinstance(page, Employer):
            return page.periods(self.as_of)
        own = page.period(self.as_of)
        return [own] if own is not None else []

    @cached_property
    def usage(self) -> dict[str, SkillUsage]:
        pages: dict[str, list[str]] = defaultdict(list)
        periods: dict[str, list[Period]] = defaultdict(list)
        for page in self._pages():
            page_periods = self.periods(page)
            for skill in page.skills:
                pages[skill].append(page.docname)
                periods[skill].extend(page_periods)
        return {skill: SkillUsage(tuple(pages[skill]), tuple(merge(periods[skill]))) for skill in pages}

    @cached_property
    def entries(self) -> dict[str, list[SkillEntry]]:
        """Catalogue entries by skill name, in catalogue order."""
        found: dict[str, list[SkillEntry]] = defaultdict(list)
        for entry in self.catalogue.entries if self.catalogue else ():
            found[entry.name].append(entry)
        return dict(found)

    @cached_property
    def _skill_names(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.entries) | set(self.usage), key=_name_key))

    def skill_names(self) -> list[str]:
        """Every skill, catalogued or used, in name order (sorted once)."""
        return list(self._skill_names)

    def knows_skill(self, name: str) -> bool:
        """Whether ``name`` is catalogued or used: O(1), for every reference."""
        return name in self.entries or name in self.usage

    def suggest(self, name: str) -> str | None:
        """The canonical skill an unknown name most likely means."""
        aliases = {alias: e.name for es in self.entries.values() for e in es for alias in (e.name, *e.aliases)}
        found = nearest(name, aliases)
        return aliases[found] if found is not None else None

    # -- skill matrix ---------------------------------------------------------

    def matrix(
        self,
        *,
        columns: str = "employers",
        employer: str | None = None,
        category: str | None = None,
        group: bool = False,
        sort: str = "name",
    ) -> Matrix:
        """Skills against employers (or projects): one row per skill that some
        column shows evidence for, one column per page that has a mark."""
        pages: list[Employer | Project]
        if columns == "projects":
            pages = [p for p in self.projects if employer in (None, p.employer)]
            proof_sets = [dict.fromkeys(p.skills, p.docname) for p in pages]
        else:
            employers = [e for e in self.newest_first() if employer in (None, e.slug)]
            pages = list(employers)
            proof_sets = [self._employer_proofs(e) for e in employers]
        rows = []
        for name in set().union(*proof_sets):
            entries = self.entries.get(name, [])
            categories = tuple(dict.fromkeys(e.category for e in entries)) or ("Other",)
            if category is not None and category not in categories:
                continue
            stated = [e.years for e in entries if e.years is not None]
            rows.append(
                MatrixRow(
                    skill=name,
                    categories=categories,
                    level=max(entries, key=lambda e: e.rank).level if entries else None,
                    years=max(stated) if stated else None,
                    stated=bool(stated),
                    proofs=tuple(proofs.get(name) for proofs in proof_sets),
                )
            )
        # A column with no mark in any row shown says nothing.
        keep = [i for i in range(len(pages)) if any(row.proofs[i] for row in rows)]
        cols = tuple(MatrixColumn(getattr(pages[i], "label", pages[i].name), pages[i].docname) for i in keep)
        rows = [row._replace(proofs=tuple(row.proofs[i] for i in keep)) for row in rows]
        rows.sort(key=self._row_key(sort, group))
        return Matrix(cols, tuple(rows), group)

    def _employer_proofs(self, employer: Employer) -> dict[str, str]:
        proofs: dict[str, str] = {}
        for project in sorted(self.projects_of(employer.slug), key=lambda p: p.docname):
            for skill in project.skills:
                proofs.setdefault(skill, project.docname)
        proofs.update((skill, employer.docname) for skill in employer.skills)
        return proofs

    def category_order(self) -> dict[str, int]:
        """Each category's place in the catalogue."""
        order: dict[str, int] = {}
        for entry in self.catalogue.entries if self.catalogue else ():
            order.setdefault(entry.category, len(order))
        return order

    def _row_key(self, sort: str, group: bool) -> Callable[[MatrixRow], tuple[Any, ...]]:
        order = self.category_order()

        def key(row: MatrixRow) -> tuple[Any, ...]:
            years = -(row.years or 0)
            by = {"name": (), "years": (years,), "level": (-self._rank(row), years)}[sort]
            first = row.categories[0]
            grouping = (order.get(first, len(order)), first) if group else ()
            return (*grouping, *by, _name_key(row.skill))

        return key

    @staticmethod
    def _rank(row: MatrixRow) -> int:
        return SkillEntry(row.skill, row.categories[0], row.level, None, None, ()).rank


def _aliases(catalogue: Catalogue | None) -> dict[str, str]:
    """Every alias of the catalogue (case ignored) → its skill's canonical name."""
    if catalogue is None:
        return {}
    names = {entry.name for entry in catalogue.entries}
    return {
        alias.casefold(): entry.name for entry in catalogue.entries for alias in entry.aliases if alias not in names
    }


_R = TypeVar("_R", Employer, Project)


def _canonical_skills(record: _R, aliases: dict[str, str]) -> _R:
    """``record`` with each skill under its canonical name, each once."""
    skills = tuple(dict.fromkeys(aliases.get(name.casefold(), name) for name in record.skills))
    return record if skills == record.skills else replace(record, skills=skills)
