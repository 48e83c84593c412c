"""JSON Resume sections this site states as prose: education, interests, the profile.

The export reads them from the pages that show them (``jsonresume: {read: …}``
and ``{summary: …}`` front matter), so nothing is typed twice.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docutils.core import publish_doctree

from resume.jsonresume import prose

from site_fixtures import ROOT, site_config, sphinx_build


@pytest.fixture(scope="module")
def exported(site_root: Path) -> dict:
    outdir = sphinx_build("jsonresume", site_root / "json-prose")
    return json.loads((outdir / "resume.json").read_text("utf-8"))


def test_the_export_has_the_three_schools_with_their_dates(exported):
    schools = [(e["institution"], e["studyType"], e.get("area"), e["endDate"]) for e in exported["education"]]
    assert schools == [
        ("SUNY Tech at Utica/Rome", "BA (incomplete)", "Computer Science", "1998-07"),
        ("Herkimer County Community College", "AS", "Computer Science", "1996-07"),
        ("Stuyvesant High School, New York, NY", "High school", None, "1994-07"),
    ]
    notes = [e.get("summary", "") for e in exported["education"]]
    assert notes[0] == "Attended; left before graduation for a position at Hot Jobs."
    assert notes[2].startswith("Attended; left before graduation")


def test_the_export_has_the_four_hobbies(exported):
    names = [entry["name"] for entry in exported["interests"]]
    assert names == [
        "developing the FreeBSD kernel (network and filesystem) and userland",
        "skiing",
        "weight lifting",
        "motorcycling",
    ]
    assert "2003 Yamaha Vmax" in exported["interests"][3]["keywords"][0]


def test_the_summary_is_the_objective(exported):
    objective = (ROOT / "_includes" / "objective.md").read_text("utf-8")
    # The {career}`directions` role says the directions of conf.py, listed.
    *others, last = site_config()["resume_directions"].values()
    objective = objective.replace("{career}`directions`", f"{', '.join(others)} or {last}" if others else last)
    paragraphs = [" ".join(block.split()) for block in objective.split("\n\n") if block.strip()]
    assert exported["basics"]["summary"] == "\n\n".join(paragraphs)
    assert exported["basics"]["summary"].startswith("Seeking a challenging technical position")


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
