"""The metadata model: validate a page's ``resume`` front matter into a record.

Plain Python on plain data. Parsing never raises on bad input: it returns the
record it could build (so the page still renders) and a list of problems, each
with the warning subtype and the source line it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from resume.core.dates import MONTH_NAMES, ONGOING, DateError, Period, format_month_numeric, parse_month
from resume.core.hints import nearest
from resume.core.text import is_web_address
from resume.core.vocabulary import Subtype

KeyPath = tuple[str | int, ...]
LineOf = Callable[[KeyPath], int]

KINDS = ("employer", "project", "catalogue", "person")
EMPLOYER_KEYS = frozenset({"kind", "slug", "short", "location", "summary", "positions", "skills", "moved_from"})
PROJECT_KEYS = frozenset(
    {
        "kind",
        "slug",
        "employer",
        "position",
        "summary",
        "result",
        "start",
        "end",
        "skills",
        "directions",
        "url",
        "moved_from",
    }
)
CATALOGUE_KEYS = frozenset({"kind", "categories"})
PERSON_KEYS = frozenset({"kind"})
# Set once, in conf.py's ``resume_basics``, not on the home page.
BASICS_KEYS = ("label", "email", "url", "profiles")
POSITION_KEYS = frozenset({"title", "start", "end", "engagement", "summary", "highlights"})
# What a position was; the timeline's colours and legend say it.
ENGAGEMENTS = ("employment", "contract", "open-source", "teaching", "volunteer")
CATEGORY_KEYS = frozenset({"name", "skills"})
SKILL_KEYS = frozenset({"name", "level", "years", "note", "aliases"})

# How résumé levels rank when a matrix is sorted by level.
LEVEL_RANK = {"expert": 2, "highly skilled": 1}


class Problem(NamedTuple):
    subtype: Subtype
    message: str
    line: int


@dataclass(frozen=True)
class Position:
    title: str
    start: int
    end: int | None  # None while ongoing
    engagement: str = ENGAGEMENTS[0]
    summary: str | None = None  # the role in this position, where an employer's positions differ
    # What the résumé says of the position itself, line by line, where it has
    # no project page for it (an imported résumé's highlights).
    highlights: tuple[str, ...] = ()

    def period(self, as_of: int) -> Period:
        if self.end is None:
            return Period(self.start, max(self.start, as_of), ongoing=True)
        return Period(self.start, self.end)


@dataclass(frozen=True)
class Employer:
    docname: str
    slug: str
    name: str
    short: str | None
    location: str | None
    positions: tuple[Position, ...]
    skills: tuple[str, ...]
    lines: tuple[tuple[KeyPath, int], ...] = ()
    summary: str | None = None  # the role in one sentence, as the résumé gives it
    moved_from: tuple[str, ...] = ()  # former docnames, redirected here

    @property
    def label(self) -> str:
        return self.short or self.name

    def periods(self, as_of: int) -> list[Period]:
        return [position.period(as_of) for position in self.positions]


@dataclass(frozen=True)
class Project:
    docname: str
    slug: str
    name: str
    employer: str
    summary: str | None
    start: int | None
    end: int | None  # None while ongoing (or undated, when start is None too)
    skills: tuple[str, ...]
    lines: tuple[tuple[KeyPath, int], ...] = ()
    result: str | None = None  # the measurable outcome, with its figures
    position: str | None = None  # the title held, where the employer had several
    directions: tuple[str, ...] = ()  # the career directions (resume_directions) it serves
    moved_from: tuple[str, ...] = ()  # former docnames, redirected here
    url: str | None = None  # the project's own address, where the résumé gives one

    def period(self, as_of: int) -> Period | None:
        if self.start is None:
            return None
        return Position(self.name, self.start, self.end).period(as_of)


@dataclass(frozen=True)
class SkillEntry:
    name: str
    category: str
    level: str | None
    years: float | None
    note: str | None
    aliases: tuple[str, ...]

    @property
    def rank(self) -> int:
        return LEVEL_RANK.get((self.level or "").casefold(), 0)


@dataclass(frozen=True)
class Catalogue:
    docname: str
    entries: tuple[SkillEntry, ...]
    lines: tuple[tuple[KeyPath, int], ...] = ()


@dataclass(frozen=True)
class Person:
    """Whom the site is about: the home page's front matter."""

    docname: str
    name: str
    lines: tuple[tuple[KeyPath, int], ...] = ()


Record = Employer | Project | Catalogue | Person


def nearest_line(located: Mapping[KeyPath, int], path: KeyPath, default: int = 1) -> int:
    """The line of ``path``, or of its nearest parent that has one."""
    for end in range(len(path), -1, -1):
        if path[:end] in located:
            return located[path[:end]]
    return default


def line_in(record: Record, path: KeyPath) -> int:
    """The source line of ``path`` (relative to the ``resume`` key) in a record."""
    return nearest_line(dict(record.lines), path)


class _Reader:
    """Reads one page's mapping, collecting problems instead of raising."""

    def __init__(self, line_of: LineOf, as_of: int | None = None, levels: Sequence[str] = ()) -> None:
        self.line_of = line_of
        self.as_of = as_of
        self.levels = tuple(levels) or tuple(LEVEL_RANK)
        self.misspelt: set[str] = set()  # known keys that an unknown key was taken for
        self.problems: list[Problem] = []

    def problem(self, subtype: Subtype, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(subtype, message, self.line_of(path)))

    def keys(self, data: Mapping[str, Any], allowed: frozenset[str], path: KeyPath) -> None:
        for key in sorted(set(data) - allowed, key=str):
            known = ", ".join(sorted(allowed))
            hint = nearest(str(key), allowed)
            if hint is not None:
                self.misspelt.add(hint)
            advice = f"; did you mean {hint!r}?" if hint else ""
            self.problem(Subtype.KEY, (*path, key), f"unknown key {key!r} (known: {known}){advice}")

    def text(
        self, data: Mapping[str, Any], key: str, path: KeyPath, *, required: bool = False, as_typed: bool = False
    ) -> str | None:
        """Text on one line; ``as_typed``: with its line breaks (stripped at both ends)."""
        value = data.get(key)
        if value is None:
            if required:
                self.problem(Subtype.KEY, path, f"missing required key {key!r}")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(Subtype.TYPE, (*path, key), f"{key!r} must be text, not {_kind(value)}")
            return None
        text = str(value).strip() if as_typed else " ".join(str(value).split())
        if not text:
            self.problem(Subtype.KEY if required else Subtype.TYPE, (*path, key), f"{key!r} is empty")
            return None
        return text

    def address(self, data: Mapping[str, Any], key: str, path: KeyPath) -> str | None:
        """A web address: ``http://`` or ``https://`` and no space."""
        text = self.text(data, key, path)
        if text is not None and not is_web_address(text):
            self.problem(
                Subtype.TYPE, (*path, key), f"{key!r} must be a web address (http:// or https://), not {text!r}"
            )
            return None
        return text

    def month(self, data: Mapping[str, Any], key: str, path: KeyPath, *, is_end: bool) -> int | None:
        try:
            return parse_month(data[key], is_end=is_end)
        except DateError as error:
            meant = _month_in_words(data[key])
            fix = f"; write {meant}" if meant else "; write YYYY, YYYY-MM or 'ongoing'" if is_end else ""
            self.problem(Subtype.DATE, (*path, key), f"{key!r}: {error}{fix}")
            return None

    def period(self, data: Mapping[str, Any], path: KeyPath, *, required: bool) -> tuple[int | None, int | None, bool]:
        """Returns (start, end, valid); end None with a start means ongoing."""
        if "start" not in data:
            if required:
                self.problem(Subtype.KEY, path, "missing required key 'start'")
            if "end" in data:
                self.problem(Subtype.KEY, (*path, "end"), "'end' given without 'start'")
            return None, None, not required
        start = self.month(data, "start", path, is_end=False)
        if start is None:
            return None, None, False
        if self.as_of is not None and start > self.as_of:
            self.problem(
                Subtype.DATE, (*path, "start"),
                f"'start' ({data['start']}) is after resume_as_of ({format_month_numeric(self.as_of)}) in "
                "conf.py: correct the date, or move resume_as_of on to the month the résumé speaks from",
            )  # fmt: skip
        raw_end = data.get("end")
        if isinstance(raw_end, str) and raw_end.strip().casefold() == ONGOING:
            return start, None, True
        if raw_end is None:
            if required:  # a position: drawn as ongoing, but never silently
                self.problem(
                    Subtype.KEY, path,
                    f"position #{path[-1] + 1 if isinstance(path[-1], int) else 1} has no 'end': write its "
                    "last month (YYYY or YYYY-MM), or 'ongoing' if it has not ended",
                )  # fmt: skip
                return start, None, True
            self.problem(
                Subtype.KEY, (*path, "start"),
                "'start' without 'end': write the last month (YYYY or YYYY-MM) or 'ongoing', "
                "or leave out both for an undated project",
            )  # fmt: skip
            return None, None, True
        end = self.month(data, "end", path, is_end=True)
        if end is None:
            return start, start, True
        if end < start:
            self.problem(Subtype.RANGE, (*path, "end"), f"'end' ({raw_end}) is before 'start' ({data['start']})")
            return start, start, True
        return start, end, True

    def skills(self, data: Mapping[str, Any], path: KeyPath) -> tuple[str, ...]:
        value = data.get("skills", [])
        if not isinstance(value, list):
            self.problem(Subtype.TYPE, (*path, "skills"), f"'skills' must be a list, not {_kind(value)}")
            return ()
        names: list[str] = []
        for index, item in enumerate(value):
            where = (*path, "skills", index)
            if not isinstance(item, str):
                self.problem(Subtype.TYPE, where, f"skill #{index + 1} must be text, not {_kind(item)}")
            elif not item.strip():
                self.problem(Subtype.SKILL, where, f"skill #{index + 1} is empty")
            elif " ".join(item.split()) in names:
                self.problem(Subtype.SKILL, where, f"skill {item!r} is listed twice")
            else:
                names.append(" ".join(item.split()))
        return tuple(names)

    def names(self, data: Mapping[str, Any], key: str, path: KeyPath) -> tuple[str, ...]:
        """A list of plain names (text), each once."""
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(Subtype.TYPE, (*path, key), f"{key!r} must be a list of names")
            return ()
        return tuple(dict.fromkeys(v.strip() for v in value))

    def lines(self, data: Mapping[str, Any], key: str, path: KeyPath) -> tuple[str, ...]:
        """A list of texts, in their order, each as typed."""
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(Subtype.TYPE, (*path, key), f"{key!r} must be a list of texts, one per item")
            return ()
        return tuple(v.strip() for v in value)

    def mapping(self, value: Any, path: KeyPath, what: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.problem(Subtype.TYPE, path, f"{what} must be a mapping, not {_kind(value)}")
        return None

    def items(self, data: Mapping[str, Any], key: str, path: KeyPath) -> list[Any]:
        value = data.get(key)
        if value is None:
            if key not in self.misspelt:  # else the misspelling has been reported
                self.problem(Subtype.KEY, path, f"missing required key {key!r}")
            return []
        if not isinstance(value, list):
            self.problem(Subtype.TYPE, (*path, key), f"{key!r} must be a list, not {_kind(value)}")
            return []
        if not value:
            self.problem(Subtype.TYPE, (*path, key), f"{key!r} is empty")
        return value


def _month_in_words(value: Any) -> str | None:
    """``"May 2012"`` or ``"Jan 2007"`` as front matter writes it (``2012-05``), else None."""
    words = value.split() if isinstance(value, str) else []
    if len(words) != 2 or not re.fullmatch(r"\d{4}", words[1]) or len(words[0]) < 3:
        return None
    name = words[0].rstrip(".").casefold()
    number = next((i for i, month in enumerate(MONTH_NAMES, 1) if month.casefold().startswith(name)), None)
    return f"{words[1]}-{number:02d}" if number else None


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def parse_record(
    data: Any,
    *,
    docname: str,
    title: str,
    line_of: LineOf,
    root: KeyPath = ("resume",),
    as_of: int | None = None,
    levels: Sequence[str] = (),
) -> tuple[Record | None, list[Problem]]:
    """Validate one page's ``resume`` mapping; ``line_of`` maps key paths to lines.

    With ``as_of`` (the month the résumé speaks from), a start after it is a problem;
    ``levels`` are the skill levels a catalogue may state (``resume_levels``).
    """
    reader = _Reader(line_of, as_of, levels)
    if not isinstance(data, Mapping):
        reader.problem(Subtype.FRONTMATTER, root, f"'resume' must be a mapping, not {_kind(data)}")
        return None, reader.problems
    kind = data.get("kind")
    if kind not in KINDS:
        message = "missing 'kind'" if kind is None else f"unknown kind {kind!r}"
        reader.problem(Subtype.FRONTMATTER, (*root, "kind"), f"{message} (one of: {', '.join(KINDS)})")
        return None, reader.problems
    slug = reader.text(data, "slug", root) or docname.rsplit("/", 1)[-1]
    parsers: dict[str, Callable[..., Record]] = {
        "employer": _employer,
        "project": _project,
        "catalogue": _catalogue,
        "person": _person,
    }
    record = parsers[kind](reader, data, root, docname=docname, slug=slug, title=title)
    return record, reader.problems


def _lines(reader: _Reader, root: KeyPath, paths: list[KeyPath]) -> tuple[tuple[KeyPath, int], ...]:
    """The lines later (cross-page) checks report at, keyed relative to ``root``."""
    return tuple((path, reader.line_of((*root, *path))) for path in paths)


def _employer(
    reader: _Reader, data: Mapping[str, Any], root: KeyPath, *, docname: str, slug: str, title: str
) -> Employer:
    reader.keys(data, EMPLOYER_KEYS, root)
    positions: list[Position] = []
    for index, item in enumerate(reader.items(data, "positions", root)):
        where = (*root, "positions", index)
        entry = reader.mapping(item, where, f"position #{index + 1}")
        if entry is None:
            continue
        reader.keys(entry, POSITION_KEYS, where)
        position_title = reader.text(entry, "title", where, required=True)
        start, end, valid = reader.period(entry, where, required=True)
        engagement = _engagement(reader, entry, where)
        if position_title and valid and start is not None:
            summary = reader.text(entry, "summary", where, as_typed=True)
            highlights = reader.lines(entry, "highlights", where)
            positions.append(Position(position_title, start, end, engagement, summary, highlights))
    skills = reader.skills(data, root)
    moved_from = _moved_from(reader, data, root)
    return Employer(
        docname=docname,
        slug=slug,
        name=title,
        short=reader.text(data, "short", root),
        location=reader.text(data, "location", root),
        summary=reader.text(data, "summary", root),
        positions=tuple(positions),
        skills=skills,
        lines=_lines(reader, root, [(), ("slug",), *_indexed("skills", skills), *_indexed("moved_from", moved_from)]),
        moved_from=moved_from,
    )


def _project(
    reader: _Reader, data: Mapping[str, Any], root: KeyPath, *, docname: str, slug: str, title: str
) -> Project:
    reader.keys(data, PROJECT_KEYS, root)
    start, end, _ = reader.period(data, root, required=False)
    skills = reader.skills(data, root)
    moved_from = _moved_from(reader, data, root)
    return Project(
        docname=docname,
        slug=slug,
        name=title,
        employer=reader.text(data, "employer", root) or "",  # none: an independent project
        summary=reader.text(data, "summary", root),
        result=reader.text(data, "result", root),
        position=reader.text(data, "position", root),
        url=reader.address(data, "url", root),
        directions=reader.names(data, "directions", root),
        start=start,
        end=end,
        skills=skills,
        lines=_lines(
            reader,
            root,
            [
                *[(), ("slug",), ("employer",), ("position",), ("directions",), ("start",), ("end",)],
                *_indexed("skills", skills),
                *_indexed("moved_from", moved_from),
            ],
        ),
        moved_from=moved_from,
    )


def _catalogue(
    reader: _Reader, data: Mapping[str, Any], root: KeyPath, *, docname: str, slug: str, title: str
) -> Catalogue:
    reader.keys(data, CATALOGUE_KEYS, root)
    entries: list[SkillEntry] = []
    for c_index, item in enumerate(reader.items(data, "categories", root)):
        where = (*root, "categories", c_index)
        category = reader.mapping(item, where, f"category #{c_index + 1}")
        if category is None:
            continue
        reader.keys(category, CATEGORY_KEYS, where)
        category_name = reader.text(category, "name", where, required=True) or "Other"
        seen: set[str] = set()
        for s_index, raw in enumerate(reader.items(category, "skills", where)):
            s_where = (*where, "skills", s_index)
            skill = reader.mapping(raw, s_where, f"skill #{s_index + 1} of {category_name!r}")
            if skill is None:
                continue
            reader.keys(skill, SKILL_KEYS, s_where)
            name = reader.text(skill, "name", s_where, required=True)
            if name is None:
                continue
            if name in seen:
                reader.problem(Subtype.SKILL, s_where, f"skill {name!r} is listed twice in {category_name!r}")
                continue
            seen.add(name)
            entries.append(
                SkillEntry(
                    name=name,
                    category=category_name,
                    level=_level(reader, skill, s_where),
                    years=_years(reader, skill, s_where),
                    note=reader.text(skill, "note", s_where),
                    aliases=_aliases(reader, skill, s_where),
                )
            )
    return Catalogue(docname=docname, entries=tuple(entries), lines=_lines(reader, root, [()]))


def _level(reader: _Reader, skill: Mapping[str, Any], path: KeyPath) -> str | None:
    level = reader.text(skill, "level", path)
    if level is not None and level.casefold() not in {known.casefold() for known in reader.levels}:
        known = ", ".join(reader.levels)
        reader.problem(
            Subtype.SKILL,
            (*path, "level"),
            f"level {level!r} is not one the catalogue knows ({known}): use one of them, or leave the level out",
        )
    return level


def _engagement(reader: _Reader, position: Mapping[str, Any], path: KeyPath) -> str:
    value = position.get("engagement", ENGAGEMENTS[0])
    if value not in ENGAGEMENTS:
        meant = nearest(str(value), ENGAGEMENTS)
        hint = f": did you mean {meant!r}?" if meant else ""
        reader.problem(
            Subtype.TYPE,
            (*path, "engagement"),
            f"'engagement' must be one of {', '.join(ENGAGEMENTS)}, not {value!r}{hint}",
        )
        return ENGAGEMENTS[0]
    return str(value)


def _years(reader: _Reader, skill: Mapping[str, Any], path: KeyPath) -> float | None:
    value = skill.get("years")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        reader.problem(Subtype.TYPE, (*path, "years"), f"'years' must be a number of years, not {value!r}")
        return None
    return value


def _aliases(reader: _Reader, skill: Mapping[str, Any], path: KeyPath) -> tuple[str, ...]:
    value = skill.get("aliases", [])
    if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
        reader.problem(Subtype.TYPE, (*path, "aliases"), "'aliases' must be a list of names")
        return ()
    return tuple(a.strip() for a in value)


def _indexed(key: str, items: tuple[str, ...]) -> list[KeyPath]:
    """The key paths of a list's items: ``("skills", 0)``, ``("skills", 1)``, …"""
    return [(key, index) for index in range(len(items))]


def _moved_from(reader: _Reader, data: Mapping[str, Any], root: KeyPath) -> tuple[str, ...]:
    """Former document names (``projects/rwlock``), each listed once."""
    value = data.get("moved_from", [])
    if not isinstance(value, list):
        reader.problem(Subtype.TYPE, (*root, "moved_from"), f"'moved_from' must be a list, not {_kind(value)}")
        return ()
    names: list[str] = []
    for index, item in enumerate(value):
        where = (*root, "moved_from", index)
        name = item.strip().strip("/").removesuffix(".md").removesuffix(".html") if isinstance(item, str) else ""
        if not name or any(part in ("", ".", "..") for part in name.split("/")) or "#" in name:
            reader.problem(
                Subtype.REDIRECT,
                where,
                f"moved_from #{index + 1} must be a document name such as 'projects/rwlock', not {item!r}",
            )
        elif name in names:
            reader.problem(Subtype.REDIRECT, where, f"former address {name!r} is listed twice")
        else:
            names.append(name)
    return tuple(names)


def _person(reader: _Reader, data: Mapping[str, Any], root: KeyPath, *, docname: str, slug: str, title: str) -> Person:
    for key in BASICS_KEYS:
        if key in data:
            reader.problem(
                Subtype.KEY,
                (*root, key),
                f"{key!r} is set in conf.py's resume_basics, not on the home page; move it there",
            )
    if "schools" in data:
        reader.problem(
            Subtype.KEY,
            (*root, "schools"),
            "'schools' are read from the education page (the page with 'jsonresume: {read: education}'); "
            "remove the key",
        )
    moved = (*BASICS_KEYS, "schools")
    reader.keys({k: v for k, v in data.items() if k not in moved}, PERSON_KEYS, root)
    return Person(docname=docname, name=title, lines=_lines(reader, root, [()]))
