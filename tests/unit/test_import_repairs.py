"""What `make new` repairs in a JSON Resume file, one invented person per repair,
what it still refuses, in JSON's words, and the as-of date it gives the site."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import resume.jsonresume.newsite as newsite
from resume.jsonresume.importer import ImportRefused, plan_site
from resume.jsonresume.newsite import PERSON_BLOCK, conf_text
from resume.jsonresume.newsite import main as make_new
from resume.jsonresume.repair import read_date, repair

from helpers import assert_lint_clean

PYTHON_WORDS = re.compile(r"\b(?:None|NoneType|dict|str|list|True|False)\b|'(?!s\b)")


def front(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


def plan(document: dict):
    return plan_site(document, fallback_as_of="2000-01")


def test_keys_of_files_before_json_resume_1_0_are_read_as_their_successors():
    site = plan(
        {
            "basics": {
                "name": "Orla Oldkeys",
                "website": "https://orla.example.org",
                "picture": "https://o.example/me.png",
            },
            "work": [
                {
                    "company": "Loom Works",
                    "website": "https://loom.example",
                    "position": "Weaver",
                    "startDate": "2012-01",
                }
            ],
            "education": [{"institution": "Guild School", "gpa": "A", "studyType": "Diploma", "startDate": "2008"}],
            "volunteer": [{"organization": "Knit Club", "website": "https://knit.example", "startDate": "2010"}],
            "publications": [{"name": "Warp", "website": "https://warp.example", "releaseDate": "2011-05"}],
        }
    )
    assert site.basics["url"] == "https://orla.example.org"
    for line in (
        "/basics/website: read as /basics/url",
        "/basics/picture: read as /basics/image",
        "/work/0/company: read as /work/0/name",
        "/work/0/website: read as /work/0/url",
        "/education/0/gpa: read as /education/0/score",
        "/volunteer/0/website: read as /volunteer/0/url",
        "/publications/0/website: read as /publications/0/url",
    ):
        assert any(repaired.startswith(line) for repaired in site.repairs), line
    page = site.pages["experience/loom-works.md"]
    assert front(page)["resume"]["positions"] == [{"title": "Weaver", "start": "2012-01", "end": "ongoing"}]
    assert "# Loom Works" in page
    assert front(site.pages["education.md"])["jsonresume"]["education"][0]["score"] == "A"


def test_both_old_and_new_key_given_the_new_one_counts():
    repaired = repair({"basics": {"name": "N"}, "work": [{"company": "Old Name", "name": "New Name", "position": "P"}]})
    assert repaired.document["work"][0] == {"name": "New Name", "position": "P", "company": "Old Name"}
    assert repaired.lines == ["/work/0/company: not carried: /work/0/name is given and differs"]


def test_repairs_and_problems_after_an_empty_entry_point_into_the_file():
    document: dict[str, Any] = {
        "basics": {"name": "Pia Pointer"},
        "work": [
            {},
            {"company": "Later Ltd", "position": "Dev", "startDate": "2020-1"},
            {"name": "", "position": ""},
            {"highlights": ["Did things"]},
        ],
    }
    with pytest.raises(ImportRefused) as refused:
        plan(document)
    assert refused.value.problems[0].startswith("/work/3: a work entry with neither the organisation's name")
    document["work"][3] = {"name": "Nope", "position": "Dev", "startDate": "2021-13-01"}
    with pytest.raises(ImportRefused) as refused:
        plan(document)
    assert refused.value.problems[0].startswith('/work/3/startDate: "2021-13-01" is not a real month')
    del document["work"][3]
    site = plan(document)
    assert site.repairs == [
        "/work/0: empty ({}), left out",
        '/work/2: empty ({"name": "", "position": ""}), left out',
        "/work/1/company: read as /work/1/name (the key's name before JSON Resume 1.0)",
        '/work/1/startDate: "2020-1" read as "2020-01"',
    ]
    assert (
        "/work/1/startDate: gives the as-of date 2020-01, the latest in the file (no meta.lastModified)" in site.report
    )


def test_entries_the_site_cannot_hold_without_inventing_are_left_out_and_said():
    site = plan(
        {
            "basics": {"name": "Lou Leftout"},
            "work": [
                {"name": "Undated Co", "position": "Dev", "endDate": "2019"},
                {"position": "Freelance developer", "startDate": "2016-01"},
                {"name": "Kept Co", "position": "Lead", "startDate": "2020-01"},
                {"name": "Titleless", "startDate": "2015"},
            ],
            "projects": [{"description": "Nameless"}, {"name": "Kept project", "startDate": "2020-05"}],
        }
    )
    assert site.report[:5] == [
        "/work/0: left out, the site needs a startDate: add it to the file and import again, or write the page by hand",
        "/work/1: left out, the site needs the organisation's name: add it to the file and import again, "
        "or write the page by hand",
        "/work/3: left out, the site needs the title: add it to the file and import again, or write the page by hand",
        "/projects/0: left out, the site needs a name: add it to the file and import again, or write the page by hand",
        '/projects/1: placed at employer page "kept-co", whose dates contain it',
    ]
    assert sorted(page for page in site.pages if page.startswith(("experience/", "projects/"))) == [
        "experience/index.md",
        "experience/kept-co.md",
        "projects/index.md",
        "projects/kept-project.md",
    ]


def test_empty_strings_and_null_are_absent_and_a_job_without_end_is_ongoing():
    site = plan(
        {
            "basics": {"name": "Emma Empty", "label": "", "email": None, "profiles": [], "location": {"city": ""}},
            "work": [
                {"name": "Blank Ltd", "position": "Analyst", "startDate": "2019-02", "endDate": ""},
                {"name": "Null Inc", "position": "Clerk", "startDate": "2015-02", "endDate": None, "highlights": [""]},
                {"name": "Gone Co", "position": "Temp", "startDate": "2014-02", "summary": None},
            ],
        }
    )
    assert site.basics == {}
    for slug in ("blank-ltd", "null-inc", "gone-co"):
        assert front(site.pages[f"experience/{slug}.md"])["resume"]["positions"][0]["end"] == "ongoing"
    assert '/work/0/endDate: empty (""), read as absent (the position is ongoing)' in site.repairs
    assert "/work/1/endDate: null, read as absent (the position is ongoing)" in site.repairs
    assert '/work/1/highlights: empty ([""]), read as absent' in site.repairs
    assert '/basics/label: empty (""), read as absent' in site.repairs
    assert "highlights" not in front(site.pages["experience/null-inc.md"])["jsonresume"]["positions"][0]


def test_one_digit_months_and_days_are_written_with_two():
    site = plan(
        {
            "basics": {"name": "Dina Digits"},
            "work": [{"name": "Nine Co", "position": "Dev", "startDate": "2023-9-28", "endDate": "2024-1"}],
        }
    )
    position = front(site.pages["experience/nine-co.md"])
    assert position["resume"]["positions"] == [{"title": "Dev", "start": "2023-09", "end": "2024-01"}]
    assert position["jsonresume"]["positions"][0]["startDate"] == "2023-09-28"
    assert '/work/0/startDate: "2023-9-28" read as "2023-09-28"' in site.repairs
    assert '/work/0/endDate: "2024-1" read as "2024-01"' in site.repairs


def test_a_day_past_the_months_end_keeps_the_month():
    site = plan(
        {
            "basics": {"name": "Tess Thirtyone"},
            "work": [{"name": "Calendar Ltd", "position": "Planner", "startDate": "2024-09-31"}],
        }
    )
    page = front(site.pages["experience/calendar-ltd.md"])
    assert page["resume"]["positions"][0]["start"] == "2024-09"
    assert page["jsonresume"]["positions"][0]["startDate"] == "2024-09"
    assert '/work/0/startDate: "2024-09-31" has no such day; kept as the month' in site.repairs


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2023-09-28T10:00:00Z", "2023-09-28"),
        ("2023/09", "2023-09"),
        ("09/2023", "2023-09"),
        ("Sep 2023", "2023-09"),
        ("September 28, 2023", "2023-09-28"),
        ("2023", "2023"),
        ("2023-00", "2023"),
        ("2023-09-00", "2023-09"),
        ("2023-13", None),
        ("soon", None),
    ],
)
def test_dates_people_write(written, read):
    assert read_date(written)[0] == read


def test_empty_or_unreadable_dates_in_sections_kept_as_they_are_are_left_out():
    site = plan(
        {
            "basics": {"name": "Abe Awarded"},
            "awards": [{"title": "Prize", "date": "", "awarder": "Jury"}],
            "certificates": [{"name": "Cert", "date": "one day"}],
            "publications": [{"name": "Paper", "releaseDate": "2020-2-30"}],
        }
    )
    assert '/awards/0/date: empty (""), read as absent' in site.repairs
    assert '/certificates/0/date: "one day" is not a date; left out, the entry kept without it' in site.repairs
    assert '/publications/0/releaseDate: "2020-2-30" has no such day; kept as the month' in site.repairs
    awards = front(site.pages["awards.md"])["jsonresume"]["awards"]
    assert awards == [{"title": "Prize", "awarder": "Jury"}]  # the entry, without its date
    assert front(site.pages["certificates.md"])["jsonresume"]["certificates"] == [{"name": "Cert"}]


def test_numbers_for_strings_and_a_string_for_an_array():
    site = plan(
        {
            "basics": {"name": "Nia Numbers"},
            "work": [{"name": "Count Co", "position": "Dev", "startDate": 2018, "highlights": "Shipped it"}],
            "education": [{"institution": "U", "score": 3.7}],
        }
    )
    page = front(site.pages["experience/count-co.md"])
    assert page["resume"]["positions"][0]["start"] == "2018"
    assert page["resume"]["positions"][0]["highlights"] == ["Shipped it"]
    assert front(site.pages["education.md"])["jsonresume"]["education"][0]["score"] == "3.7"
    assert '/work/0/startDate: the number 2018 read as the year "2018"' in site.repairs
    assert '/education/0/score: the number 3.7 read as the string "3.7"' in site.repairs


def test_comma_separated_keywords_and_a_location_in_words():
    site = plan(
        {
            "basics": {"name": "Kai Keywords", "location": "Oslo, Norway"},
            "skills": [{"name": "Languages", "keywords": "Rust, Go ,"}],
        }
    )
    assert site.basics["location"] == {"city": "Oslo, Norway"}
    assert '/skills/0/keywords: a string where the schema wants an array: read as ["Rust", "Go"]' in site.repairs
    assert (
        '/basics/location: a string where the schema wants an object: read as the city, "Oslo, Norway"' in site.repairs
    )
    catalogue = front(site.pages["skills.md"])["resume"]["categories"]
    assert [skill["name"] for skill in catalogue[0]["skills"]] == ["Rust", "Go"]


def test_the_as_of_date_is_the_latest_date_in_the_file():
    document: dict[str, Any] = {
        "basics": {"name": "Lea Later"},
        "work": [{"name": "New Job", "position": "Lead", "startDate": "2025-05"}],
        "awards": [{"title": "Prize", "date": "2024-12-01"}],
        "meta": {"lastModified": "2025-04-02T10:00:00"},
    }
    site = plan(document)
    assert site.as_of == "2025-05"
    assert (
        '/work/0/startDate: gives the as-of date 2025-05, the latest in the file (later than meta.lastModified "2025-04-02")'
        in site.report
    )
    document["meta"]["lastModified"] = "2025-07-01T00:00:00Z"
    assert plan(document).as_of == "2025-07"
    del document["meta"]
    document["work"] = [{"name": "Old Job", "position": "Dev", "startDate": "2020-02", "endDate": "2021"}]
    assert plan(document).as_of == "2024-12"  # the award's date
    assert plan({"basics": {"name": "No Dates"}}).as_of == "2000-01"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"basics": {"label": "Nameless"}}, "/basics/name: the site needs the person's name"),
        ({"basics": {"name": None}}, "/basics/name: the site needs the person's name"),
        (
            {"basics": {"name": "Ned"}, "work": [{"position": "Ghost", "highlights": ["x"]}]},
            "/work/0: a work entry with neither the organisation's name",
        ),
        (
            {"basics": {"name": "Ned"}, "work": [{"name": "A", "position": "B", "startDate": "soon"}]},
            '/work/0/startDate: "soon" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
        ),
        (
            {"basics": {"name": "Ned"}, "work": {"name": "A"}},
            '/work: {"name": "A"} is an object; JSON Resume wants an array here',
        ),
        ({"basics": {"name": {"first": "Ned"}}}, '/basics/name: {"first": "Ned"} is an object; JSON Resume wants'),
        ({"basics": {"name": "Ned", "location": ["x"]}}, '/basics/location: ["x"] is an array; JSON Resume wants'),
        ({"basics": {"name": True}}, "/basics/name: true is a boolean; JSON Resume wants a string here"),
    ],
)
def test_what_cannot_be_understood_is_refused_in_jsons_words(document, expected):
    with pytest.raises(ImportRefused) as refused:
        plan(document)
    assert any(problem.startswith(expected) for problem in refused.value.problems), refused.value.problems
    for problem in refused.value.problems:
        assert not PYTHON_WORDS.search(problem), problem


def test_text_that_is_not_json_is_refused_at_its_line_and_column(tmp_path, capsys):
    source = tmp_path / "broken.json"
    source.write_text('{\n  "basics": {"name": "Bea Broken",}\n}\n', "utf-8")
    assert make_new(["--from", str(source), str(tmp_path / "site")]) == 2
    error = capsys.readouterr().err
    assert "is not JSON, at line 2, column 35" in error
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("encoded", "repaired"),
    [
        (lambda text: "\ufeff".encode() + text.encode("utf-8"), None),
        (lambda text: text.encode("utf-16"), "/: the file is not UTF-8; read as UTF-16"),
        (lambda text: text.encode("cp1252"), "/: the file is not UTF-8; read as Windows-1252"),
    ],
    ids=["utf-8 with a byte order mark", "utf-16", "windows-1252"],
)
def test_files_saved_by_other_editors_are_read(tmp_path, capsys, encoded, repaired):
    source = tmp_path / "resume.json"
    source.write_bytes(encoded(json.dumps({"basics": {"name": "Zoë Encodée"}}, ensure_ascii=False)))
    written = []
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(newsite, "write_site", lambda site, dest: written.append(site.name))
    try:
        assert make_new(["--from", str(source), str(tmp_path / "site")]) == 0
    finally:
        monkeypatch.undo()
    assert written == ["Zoë Encodée"]
    out = capsys.readouterr().out
    assert (repaired is None and "Repaired" not in out) or f"  {repaired}\n" in out


def test_the_generated_conf_py_is_ruff_clean(tmp_path):
    """conf.py as `ruff format` writes it and as `ruff check` accepts it, without running ruff on it."""
    site = plan(
        {
            "basics": {
                "name": 'Quinn "Q" O\'Quote',
                "label": 'Says "hello"',
                "email": "q@example.org",
                "summary": "A very long summary. " * 20,
                "location": {"city": "Zürich", "countryCode": "CH", "address": "Line 1\nLine 2"},
                "phone": "+41 00",
                "profiles": [{"network": "Git", "username": "q", "url": "https://git.example/q"}] * 3,
            },
            "skills": [
                {"name": f"Group {i}", "level": f"Level {i} of a long scale", "keywords": ["x"]} for i in range(9)
            ],
        }
    )
    root = Path(__file__).resolve().parents[2]
    conf = tmp_path / "conf.py"
    conf.write_text(conf_text(site), "utf-8")
    (tmp_path / "pyproject.toml").write_text((root / "pyproject.toml").read_text("utf-8"), "utf-8")
    assert_lint_clean(tmp_path, "conf.py")
    namespace: dict = {}
    block = PERSON_BLOCK.search(conf.read_text("utf-8"))
    assert block is not None
    exec(compile(block[2], "conf.py", "exec"), namespace)
    assert namespace["project"] == 'Quinn "Q" O\'Quote'
    assert namespace["resume_basics"]["private"]["address"] == "Line 1\nLine 2"


def test_the_index_pages_list_employers_and_projects_in_the_sites_order():
    """Latest end first (an ongoing job ends at the as-of date), then latest start."""
    site = plan(
        {
            "basics": {"name": "Olga Order"},
            "work": [
                {"name": "Long Co", "position": "Dev", "startDate": "2019-03"},
                {"name": "Side Co", "position": "Consultant", "startDate": "2020-01", "endDate": "2021-06"},
            ],
            "projects": [
                {"name": "At Long", "entity": "Long Co", "startDate": "2019-05", "endDate": "2019-06"},
                {"name": "At Side", "entity": "Side Co", "startDate": "2020-05", "endDate": "2020-06"},
            ],
        }
    )
    assert site.as_of == "2021-06"
    experience = site.pages["experience/index.md"]
    assert experience.index("\nside-co\n") < experience.index("\nlong-co\n")
    projects = site.pages["projects/index.md"]
    assert projects.index("\nat-side\n") < projects.index("\nat-long\n")


def test_volunteering_becomes_positions_and_referees_stay_private():
    site = plan(
        {
            "basics": {"name": "Vera Volunteer", "phone": "555 0100"},
            "work": [{"name": "Day Job", "position": "Dev", "startDate": "2015-01"}],
            "volunteer": [
                {"organization": "Food Bank", "position": "Driver", "startDate": "2016-03", "highlights": ["Routes"]},
                {"organization": "Choir", "summary": "Sang"},  # no position or start: kept as it is
            ],
            "references": [{"name": "Rita Referee", "reference": "Reliable."}],
        }
    )
    bank = front(site.pages["experience/food-bank.md"])["resume"]["positions"]
    assert bank == [{"title": "Driver", "start": "2016-03", "end": "ongoing", "engagement": "volunteer",
                     "highlights": ["Routes"]}]  # fmt: skip
    assert '/volunteer/0: a volunteer position on employer page "food-bank"' in site.report
    assert front(site.pages["volunteer.md"])["jsonresume"]["volunteer"] == [
        {"organization": "Choir", "summary": "Sang"}
    ]
    assert "Rita Referee" not in json.dumps(site.pages)  # in conf.py's private block only
    assert site.basics["private"] == {
        "phone": "555 0100",
        "references": [{"name": "Rita Referee", "reference": "Reliable."}],
    }
    assert "/references: kept for private builds only (-t private)" in site.report
    assert "```{resume-details} references" in site.pages["brief.md"]


def test_publications_go_to_the_bibliography_unless_bibtex_would_read_markup():
    paper = {"name": "Fast Paths", "publisher": "Usenix", "releaseDate": "2011-06-15"}
    site = plan({"basics": {"name": "Bea Bib"}, "publications": [paper]})
    assert (
        "@misc{fast-paths," in site.pages["references.bib"] and "date = {2011-06-15}," in site.pages["references.bib"]
    )
    assert '```{bibliography}\n:filter: keywords % "publication"\n```' in site.pages["publications.md"]
    assert "/publications: in references.bib, listed on the publications page" in site.report
    costly = {**paper, "name": "Saving $5"}
    site = plan({"basics": {"name": "Bea Bib"}, "publications": [paper, costly]})
    assert "references.bib" not in site.pages
    assert front(site.pages["publications.md"])["jsonresume"]["publications"] == [paper, costly]
    assert any(line.startswith("/publications/1/name: a brace, backslash, dollar or tilde") for line in site.report)
