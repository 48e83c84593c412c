"""What the site may claim, from the records alone: plain Python, no Sphinx.

Every figure a page, a card, the two-page résumés, the JSON-LD or the JSON
Resume export shows about a skill's years or a project's time comes from here,
so they all say the same and none says more than the résumé:

* A skill's years are the résumé's stated figure, and only that. Where it
  states none, the site may show the span of the evidence, labeled as such
  ("in use 1999–2012"): the first and last year of the positions and projects
  whose pages list the skill. It never adds months up into a figure that
  would read as experience.
* A project shows its own dates where it has them (and their length, which
  the dates state). Otherwise it says where it belongs, "at Juniper Networks,
  as BSD Kernel Programmer, 2007–2010", and has no duration of its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resume.core.dates import (
    Period,
    covering,
    format_duration,
    format_number,
    format_period,
    format_years_span,
    year_of,
)

if TYPE_CHECKING:
    from resume.core.career import Career
    from resume.core.model import Project, SkillEntry

#: How the span of a skill's evidence is labeled wherever it is shown.
IN_USE = "in use"


def stated_years(entry: SkillEntry) -> str | None:
    """``"9 years"`` where the catalogue entry states years, else None."""
    if entry.years is None:
        return None
    return f"{format_number(entry.years)} year{'' if entry.years == 1 else 's'}"


def with_stated(entry: SkillEntry) -> str:
    """``"C (expert, 9 years)"``: a skill with the level and years the résumé
    states of it, as the two-page résumés and the JSON Resume export write it."""
    said = ", ".join(part for part in (entry.level, stated_years(entry)) if part)
    return f"{entry.name} ({said})" if said else entry.name


_STATED = re.compile(r"(?P<name>.*\S) \((?P<said>[^()]+)\)")
_YEARS = re.compile(r"(?P<years>\d+(?:\.\d+)?) years?")


def read_stated(text: str, levels: Collection[str]) -> tuple[str, str | None, float | None]:
    """:func:`with_stated` read back: name, level and years. The words in
    parentheses are read only if each is a level of ``levels`` (compared
    without case) or a number of years; "Python (Django)" stays a name."""
    found = _STATED.fullmatch(text.strip())
    if not found:
        return text.strip(), None, None
    known = {level.casefold(): level for level in levels}
    level: str | None = None
    years: float | None = None
    for part in (part.strip() for part in found["said"].split(",")):
        if (count := _YEARS.fullmatch(part)) and years is None:
            years = float(count["years"])
        elif part.casefold() in known and level is None:
            level = part
        else:
            return text.strip(), None, None
    return found["name"], level, years


def year_span(first: int, last: int) -> str:
    """``"1999–2012"``, or ``"2005"`` for a single year."""
    return str(first) if first == last else f"{first}–{last}"


@dataclass(frozen=True)
class SkillClaim:
    """What may be said of a skill's time: the stated years, or the evidence's span."""

    name: str
    years: float | None  # the résumé's own figure (the largest, if stated twice)
    first: int | None  # the first year of the evidence
    last: int | None  # its last year (the as-of year while ongoing)

    @property
    def stated(self) -> bool:
        return self.years is not None

    @property
    def years_in_use(self) -> str | None:
        """``"1999–2012"``: the evidence's first and last year, not yet labeled."""
        if self.first is None or self.last is None:
            return None
        return year_span(self.first, self.last)

    @property
    def span(self) -> str | None:
        """``"in use 1999–2012"``: the evidence's years, labeled."""
        years = self.years_in_use
        return None if years is None else f"{IN_USE} {years}"

    @property
    def text(self) -> str:
        """The stated years, else the labeled span, else nothing."""
        if self.years is not None:
            return f"{format_number(self.years)} year{'' if self.years == 1 else 's'}"
        return self.span or ""


def evidence_periods(career: Career, name: str) -> list[Period]:
    """When the pages listing ``name`` place it: an employer's positions, a
    project's own dates or else the positions it was done in."""
    periods: list[Period] = []
    for employer in career.employers.values():
        if name in employer.skills:
            periods += employer.periods(career.as_of)
    for project in career.projects:
        if name in project.skills:
            period = career.work_period(project)
            if period is not None:
                periods.append(period)
    return periods


def skill_claim(career: Career, name: str) -> SkillClaim:
    stated = [entry.years for entry in career.entries.get(name, []) if entry.years is not None]
    periods = evidence_periods(career, name)
    first = min((year_of(p.start) for p in periods), default=None)
    last = max((year_of(p.end) for p in periods), default=None)
    return SkillClaim(name, max(stated) if stated else None, first, last)


@dataclass(frozen=True)
class ProjectClaim:
    """What may be said of a project's time."""

    own: Period | None  # its own dates, if it has them
    employer: str | None  # the employer's name
    positions: tuple[str, ...]  # the titles held while doing it
    within: Period | None  # those positions' span

    @property
    def dated(self) -> bool:
        return self.own is not None

    def when(self) -> str | None:
        """Its own dates with their length, e.g. ``"March 1999 – March 2001 (2 years 1 month)"``."""
        if self.own is None:
            return None
        return f"{format_period(self.own)} ({format_duration(self.own.months)})"

    def undated(self) -> str | None:
        """``"no dates of its own; within the position held 2007–2010"``."""
        if self.within is None:
            return None
        which = "positions" if len(self.positions) > 1 else "position"
        return f"no dates of its own; within the {which} held {format_years_span(self.within)}"

    def belongs(self) -> str | None:
        """``"at Juniper Networks, as BSD Kernel Programmer, 2007–2010"``: no duration."""
        return ", ".join(self.belongs_parts()) or None

    def belongs_parts(self) -> list[str]:
        """``["at Juniper Networks", "as BSD Kernel Programmer, 2007–2010"]``."""
        parts = [f"at {self.employer}"] if self.employer else []
        role = ["as " + " and ".join(self.positions)] if self.positions else []
        if self.within is not None:
            role.append(format_years_span(self.within))
        if role:
            parts.append(", ".join(role))
        return parts


def project_claim(career: Career, project: Project) -> ProjectClaim:
    employer = career.employer_of(project)
    held = career.held_during(project)
    within = None
    if held:
        within = covering(p.period(career.as_of) for p in held)
    return ProjectClaim(
        own=project.period(career.as_of),
        employer=employer.name if employer else None,
        positions=tuple(dict.fromkeys(p.title for p in held)),
        within=within,
    )
