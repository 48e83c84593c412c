"""The aggregate directives. Each leaves a placeholder holding its options and
tells the domain where it is; :mod:`resume.content.fill` fills it once every page
is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from resume.core.career import COLUMNS, SHOW, SORTS
from resume.core.dates import DateError, parse_month
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.nodes import aggregate
from resume.sphinx_ext.warnings import warn


def _choice(values: tuple[str, ...]) -> Callable[[str], str]:
    def check(argument: str | None) -> str:
        return directives.choice((argument or "").strip(), values)  # an empty option comes as None

    return check


def _show(argument: str | None) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in (argument or "").replace(",", " ").split())
    unknown = [part for part in chosen if part not in SHOW]
    if unknown or not chosen:
        raise ValueError(f"expected one or both of {', '.join(SHOW)}, got {argument!r}")
    return tuple(part for part in SHOW if part in chosen)


def _month(is_end: bool) -> Callable[[str], int]:
    def check(argument: str) -> int:
        try:
            return parse_month((argument or "").strip(), is_end=is_end)
        except DateError as error:
            raise ValueError(str(error)) from None

    return check


def _slug(argument: str) -> str:
    value = (argument or "").strip()
    if not value:
        raise ValueError("expected an employer slug")
    return value


class AggregateDirective(SphinxDirective):
    """A directive whose content is derived from every page's metadata."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {}

    def prepare(self, options: dict[str, Any]) -> dict[str, Any]:
        return options

    def run(self) -> list[nodes.Node]:
        # Flags come as None; True reads better in the stored options.
        options = self.prepare({k: True if v is None else v for k, v in self.options.items()})
        domain_of(self.env).note_aggregate(self.env.docname, self.name, self.lineno, options)
        node = aggregate(directive=self.name, options=options, docname=self.env.docname)
        self.set_source_info(node)
        return [node]


class TimelineDirective(AggregateDirective):
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "show": _show,
        "employer": _slug,
        "from": _month(is_end=False),
        "to": _month(is_end=True),
    }

    def prepare(self, options: dict[str, Any]) -> dict[str, Any]:
        # Either bound may be given alone; the entries' own dates bound the other side.
        start, end = options.get("from"), options.get("to")
        if start is not None and end is not None and end < start:
            message = "timeline: ':to:' is before ':from:'; the range is ignored"
            warn(Subtype.DIRECTIVE, message, (self.env.docname, self.lineno))
            del options["from"], options["to"]
        return options


class SkillMatrixDirective(AggregateDirective):
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "columns": _choice(COLUMNS),
        "employer": _slug,
        "category": directives.unchanged_required,
        "group": directives.flag,
        "sort": _choice(SORTS),
    }


class SkillIndexDirective(AggregateDirective):
    pass


class CareerSummaryDirective(AggregateDirective):
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"projects": directives.flag, "compact": directives.flag}


class HighlightsDirective(AggregateDirective):
    """The projects' stated results, employers newest first, in the author's order."""


class BriefExperienceDirective(AggregateDirective):
    """Every employer with positions, role and up to ``bullets`` project lines."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"bullets": directives.nonnegative_int}


def _names(argument: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (argument or "").split(",") if part.strip())


class SkillSummaryDirective(AggregateDirective):
    """The skill catalogue as one line per category, with stated levels;
    ``:omit:`` names categories to leave out, comma-separated; ``:direction:``
    gives only the line of the page's direction (tailored briefs)."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"omit": _names, "direction": directives.flag}


DIRECTIVES = {
    "timeline": TimelineDirective,
    "skill-matrix": SkillMatrixDirective,
    "skill-index": SkillIndexDirective,
    "career-summary": CareerSummaryDirective,
    "highlights": HighlightsDirective,
    "brief-experience": BriefExperienceDirective,
    "skill-summary": SkillSummaryDirective,
}
