"""The ``skill-index`` directive's content: every skill with what the résumé
states about it and the pages that use it; the target of ``{skill}`` links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from resume.core.dates import Period, format_duration, format_number, format_period
from resume.sphinx_ext.blocks import bullets, para
from resume.sphinx_ext.domain import skill_anchor

if TYPE_CHECKING:
    from resume.core.model import SkillEntry
    from resume.sphinx_ext.links import Links


def _stated(entry: SkillEntry) -> str:
    years = f"{format_number(entry.years)} years" if entry.years is not None else None
    stated = ", ".join(part for part in (entry.level, years, entry.note) if part)
    return entry.category + (f" ({stated})" if stated else "")


def build_skill_index(links: Links, options: dict[str, Any]) -> list[nodes.Node]:
    career = links.career
    items = nodes.definition_list(classes=["resume-skill-index"])
    for name in career.skill_names():
        term = nodes.term(name, name, ids=[skill_anchor(name)])
        body = nodes.definition()
        entries = career.entries.get(name, [])
        if entries:
            body += para("Stated: " + "; ".join(_stated(entry) for entry in entries) + ".")
        usage = career.usage.get(name)
        if usage and usage.periods:
            first, last = usage.periods[0], usage.periods[-1]
            span = format_period(Period(first.start, last.end, last.ongoing))
            body += para(f"Used {format_duration(usage.months)} in all, {span}, on:")
        elif usage:  # listed only on pages without dates
            body += para("Used, at no stated dates, on:")
        if usage:
            body += bullets([links.page(d, career.title(d)) for d in usage.docnames])
        else:
            body += para("Not tied to a job or project page.")
        items += nodes.definition_list_item("", term, body)
    # The class lets the PDF set the index in columns (resumestyle.sty).
    return [nodes.container("", items, classes=["resume-skill-columns"])]
