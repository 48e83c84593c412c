"""JSON Resume sections read from what a page shows, not from front matter.

A site written by hand states its education, interests and profile as prose.
A page says which of its parts the export reads with its ``jsonresume``
front matter (README, "JSON Resume"):

- ``read: education``: the page's first definition list, one school per item:
  the term is the institution, the definition starts
  ``<study type> in <area> (<note>), <Month YYYY>.`` and the sentences after
  the date are the entry's ``summary``;
- ``read: interests``: the page's first bullet list, one interest per item;
- ``summary-section: <section id>``: the paragraphs of that section are ``basics.summary``.

Pure functions of docutils nodes; the builder finds the pages and warns.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes

from resume.core.dates import MONTH_NAMES, month
from resume.jsonresume.dates import format_date

READABLE = ("education", "interests")

_SCHOOL = re.compile(r"(?P<study>[^,]+), (?P<month>[A-Z][a-z]+) (?P<year>\d{4})\.(?:\s+(?P<rest>.+))?", re.S)
_STUDY = re.compile(r"(?P<type>.+?) in (?P<area>.+?)(?P<note> \([^)]*\))?")


class ProseError(ValueError):
    """A part of a page does not have the form the export reads; the message says what."""

    def __init__(self, message: str, node: nodes.Node | None = None) -> None:
        super().__init__(message)
        self.node = node


def _flat(node: nodes.Node) -> str:
    return " ".join(node.astext().split())


def education(doctree: nodes.Node) -> list[dict[str, Any]]:
    """One JSON Resume education entry per item of the first definition list."""
    found = next(iter(doctree.findall(nodes.definition_list)), None)
    if found is None:
        raise ProseError("read: education, but the page has no definition list (one school per item)")
    entries = []
    for item in found.findall(nodes.definition_list_item):
        term = next(iter(item.findall(nodes.term)), None)
        definition = next(iter(item.findall(nodes.definition)), None)
        text = _flat(definition) if definition is not None else ""
        school = _SCHOOL.fullmatch(text)
        month_number = MONTH_NAMES.index(school["month"]) + 1 if school and school["month"] in MONTH_NAMES else 0
        if term is None or not school or not month_number:
            raise ProseError(
                f"cannot read the school {text[:60]!r}: write '<study type> in <area>, <Month YYYY>.' then any notes",
                item,
            )
        entry: dict[str, Any] = {"institution": _flat(term)}
        study = _STUDY.fullmatch(school["study"])
        if study:
            entry["studyType"] = study["type"] + (study["note"] or "")
            entry["area"] = study["area"]
        else:
            entry["studyType"] = school["study"]
        entry["endDate"] = format_date(month(int(school["year"]), month_number))
        if school["rest"]:
            entry["summary"] = school["rest"]
        entries.append(entry)
    return entries


def interests(doctree: nodes.Node) -> list[dict[str, Any]]:
    """One JSON Resume interest per item of the first bullet list: its text, less the
    list's punctuation; what follows a colon is the interest's keyword."""
    found = next(iter(doctree.findall(nodes.bullet_list)), None)
    if found is None:
        raise ProseError("read: interests, but the page has no bullet list (one interest per item)")
    entries = []
    for item in found.children:
        text = _flat(item).rstrip(";.,")
        name, _, more = text.partition(": ")
        entry: dict[str, Any] = {"name": name}
        if more:
            entry["keywords"] = [more]
        entries.append(entry)
    return entries


def summary(doctree: nodes.Node, section_id: str) -> str:
    """The paragraphs of the section ``section_id``, blank-line separated."""
    for section in doctree.findall(nodes.section):
        if section_id in section["ids"]:
            paragraphs = [_flat(p) for p in section.findall(nodes.paragraph) if p.parent is not None]
            if paragraphs:
                return "\n\n".join(paragraphs)
            raise ProseError(f"summary-section: section {section_id!r} has no paragraph", section)
    raise ProseError(f"summary-section: no section with the id {section_id!r} on the page")
