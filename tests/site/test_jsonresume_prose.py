"""JSON Resume sections this site states as prose: education, interests, the profile.

The export reads them from the pages that show them (``jsonresume: {read: …}``
and ``{summary: …}`` front matter), so nothing is typed twice; the tests read
their expectations from the same pages.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from docutils.core import publish_doctree

from resume.jsonresume import prose

from helpers import search
from site_fixtures import ROOT, site_config


@pytest.fixture(scope="module")
def exported(site_json: Path) -> dict:
    return json.loads(site_json.read_text("utf-8"))


def _as_exported(markdown: str) -> str:
    """Source text as the export says it: a role's link text, one space, straight quotes."""
    text = re.sub(r"\{\w+\}`([^<`]+?)(?:\s*<[^>]*>)?`", r"\1", markdown)
    return " ".join(text.replace("'", "’").split())


def test_the_export_has_every_school_of_the_education_page(exported):
    """Each school of the page's list: its name, its study and area, its month,
    and the rest of what the page says of it."""
    source = (ROOT / "_includes" / "education.md").read_text("utf-8")
    schools = re.findall(r"^(\S.*)\n: ((?:.+\n?)(?:  .+\n?)*)", source, re.MULTILINE)
    assert schools and len(exported["education"]) == len(schools)
    for entry, (name, said) in zip(exported["education"], schools, strict=True):
        studied, month, rest = search(r"\A(.+?), (\w+ \d{4})\.\s*(.*)\Z", _as_exported(said), re.DOTALL).groups()
        assert entry["institution"] == name
        assert entry["endDate"] == datetime.strptime(month, "%B %Y").strftime("%Y-%m")
        assert entry["studyType"].split(" (")[0] in studied and entry.get("area", "") in studied
        assert entry.get("summary", "") == rest


def test_the_export_has_every_interest_of_the_interests_page(exported):
    """One entry per item of the page's list: its name, and what follows a colon as keywords."""
    body = (ROOT / "interests.md").read_text("utf-8")
    items = [_as_exported(item) for item in re.findall(r"^- (.+(?:\n  .+)*)", body, re.MULTILINE)]
    assert items and len(exported["interests"]) == len(items)
    for entry, item in zip(exported["interests"], items, strict=True):
        name, _, rest = item.rstrip(";.").partition(": ")
        assert entry["name"] == name
        assert entry.get("keywords", [""])[0] == rest


def test_the_summary_is_the_objective(exported):
    objective = (ROOT / "_includes" / "objective.md").read_text("utf-8")
    # The {career}`directions` role says the directions of conf.py, listed.
    *others, last = site_config()["resume_directions"].values()
    objective = objective.replace("{career}`directions`", f"{', '.join(others)} or {last}" if others else last)
    paragraphs = [" ".join(block.split()) for block in objective.split("\n\n") if block.strip()]
    assert paragraphs and exported["basics"]["summary"] == "\n\n".join(paragraphs)


def doctree(rst: str):
    return publish_doctree(rst, settings_overrides={"report_level": 5})


def test_a_school_in_another_form_is_refused_with_the_form_to_use():
    with pytest.raises(prose.ProseError, match="<study type> in <area>, <Month YYYY>"):
        prose.education(doctree("Some College\n   Studied there for a while.\n"))
    with pytest.raises(prose.ProseError, match="no definition list"):
        prose.education(doctree("Just a paragraph.\n"))


def test_a_school_with_an_unknown_month_is_refused():
    with pytest.raises(prose.ProseError):
        prose.education(doctree("Some College\n   BS in Physics, Juno 2001.\n"))


def test_interests_and_summary_need_their_list_and_section():
    with pytest.raises(prose.ProseError, match="no bullet list"):
        prose.interests(doctree("Nothing listed.\n"))
    with pytest.raises(prose.ProseError, match="no section with the id 'profile'"):
        prose.summary(doctree("Title\n=====\n\nText.\n\nOther\n-----\n\nMore.\n"), "profile")
