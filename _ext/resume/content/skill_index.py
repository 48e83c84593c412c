"""The ``skill-index`` directive's content: every skill with what the résumé
states about it and the pages that use it; the target of ``{skill}`` links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from resume.core.claims import skill_claim, stated_years
from resume.sphinx_ext.blocks import bullets, para
from resume.sphinx_ext.domain import skill_anchor

if TYPE_CHECKING:
    from resume.core.model import SkillEntry
    from resume.sphinx_ext.links import Links


def _stated(entry: SkillEntry) -> str:
    years = stated_years(entry)
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
        span = skill_claim(career, name).span
        if usage and span:  # when, not for how long: the résumé states no such sum
            body += para(f"{span[0].upper()}{span[1:]}, on:")
        elif usage:  # listed only on pages without dates
            body += para("In use, at no stated dates, on:")
        if usage:  # else what the résumé states is all there is to say
            body += bullets([links.page(d, career.title(d)) for d in usage.docnames])
        items += nodes.definition_list_item("", term, body)
    # The class lets the PDF set the index in columns (resumestyle.sty).
    return [nodes.container("", items, classes=["resume-skill-columns"])]
