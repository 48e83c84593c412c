"""The site as a JSON Resume document (`make json`): valid, complete, private by default.

Its expectations come from this site's own pages and settings: no fact of the
career is typed here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from resume.core.claims import read_stated
from resume.jsonresume.schema import SCHEMA, schema_problems

from site_fixtures import JSON_BASE, ROOT, site_config, sphinx_build

BASE = JSON_BASE


@pytest.fixture(scope="session")
def exported(site_json: Path) -> dict:
    return json.loads(site_json.read_text("utf-8"))


def front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:]) or {}


def pages(kind: str) -> dict[str, dict]:
    """The ``resume`` front matter of every page of one kind, by document name."""
    found = {}
    for folder in ("experience", "projects"):
        for path in sorted((ROOT / folder).glob("*.md")):
            resume = front_matter(path).get("resume") or {}
            if resume.get("kind") == kind:
                found[f"{folder}/{path.stem}"] = resume
    return found


def test_the_export_validates_against_the_vendored_schema(exported):
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert sorted(error.message for error in Draft7Validator(schema).iter_errors(exported)) == []
    assert schema_problems(exported) == []


def test_every_position_is_a_work_entry_with_its_page(exported):
    employers = pages("employer")
    expected = sorted(
        (f"{BASE}{docname}.html", position["title"])
        for docname, resume in employers.items()
        for position in resume["positions"]
    )
    assert sorted((entry["url"], entry["position"]) for entry in exported["work"]) == expected
    ongoing = sum(1 for r in employers.values() for p in r["positions"] if p.get("end") == "ongoing")
    assert sum(1 for entry in exported["work"] if "endDate" not in entry) == ongoing


def test_every_project_page_is_a_project(exported):
    """Each project's address: its own where the page gives one, else its page's."""
    projects = pages("project")
    assert sorted(entry["url"] for entry in exported["projects"]) == sorted(
        resume.get("url") or f"{BASE}{docname}.html" for docname, resume in projects.items()
    )
    summaries = sorted(r["summary"] for r in projects.values() if r.get("summary"))
    assert sorted(" ".join(p["description"].split()) for p in exported["projects"] if "description" in p) == [
        " ".join(s.split()) for s in summaries
    ]


def test_every_catalogue_skill_is_a_keyword_with_its_level_and_years(exported):
    """One entry per category (themes group by entry), each skill a keyword that
    says the level and years the catalog states: "C (expert, 9 years)"."""
    catalogue = front_matter(ROOT / "skills.md")["resume"]
    stated = [
        (category["name"], [(s["name"], s.get("level"), s.get("years")) for s in category["skills"]])
        for category in catalogue["categories"]
    ]
    levels = {s["level"] for category in catalogue["categories"] for s in category["skills"] if s.get("level")}
    exported_skills = [
        (skill["name"], [read_stated(k, levels) for k in skill.get("keywords", [skill["name"]])])
        for skill in exported["skills"]
    ]
    assert exported_skills == stated
    assert all("level" not in skill for skill in exported["skills"])


def test_each_position_carries_the_results_of_its_projects(exported):
    """Themes show a position's highlights: the stated results reach the positions."""
    pages = [front_matter(p).get("resume", {}) for p in (ROOT / "projects").glob("*.md")]
    results = [page["result"] for page in pages if "result" in page]
    lines = [line for job in exported["work"] for line in job.get("highlights", [])]
    assert results
    for result in results:
        assert any(line.endswith(": " + result) for line in lines), result
    assert all(job["company"] == job["name"] for job in exported["work"])
    assert isinstance(exported["basics"]["profiles"], list)


def test_basics_and_meta_come_from_conf(exported):
    config = site_config()
    assert exported["basics"]["name"] == config["project"]
    assert exported["meta"]["lastModified"] == config["resume_as_of"]
    assert exported["meta"]["canonical"] == f"{BASE}resume.json"
    location = exported["basics"].get("location", {})
    assert "phone" not in exported["basics"] and "address" not in location and "postalCode" not in location


def test_a_private_build_adds_address_and_phone(site_root):
    private = site_config()["resume_basics"].get("private") or {}
    outdir = sphinx_build("jsonresume", site_root / "json-private", "-t", "private")
    basics = json.loads((outdir / "resume.json").read_text("utf-8"))["basics"]
    assert basics.get("phone") == private.get("phone")
    assert basics.get("location", {}).get("address") == private.get("address")


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"work": [{}, {}, {"startDate": "2019-13"}]}, '/work/2/startDate: "2019-13" is not a real month'),
        ({"projects": [{"endDate": "2021-02-30"}]}, '/projects/0/endDate: "2021-02-30" is not a real day'),
        (
            {"work": [{"startDate": "2020-05", "endDate": "2019"}]},
            '/work/0/endDate: "2019" is before startDate "2020-05"',
        ),
        (
            {"work": [{"startDate": "May 2020"}]},
            '/work/0/startDate: "May 2020" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
        ),
        ({"basics": {"name": 7}}, "/basics/name: 7 is a number; JSON Resume wants a string here"),
    ],
)
def test_schema_problems_are_located_by_json_pointer(document, expected):
    assert any(problem.startswith(expected) for problem in schema_problems(document)), schema_problems(document)
