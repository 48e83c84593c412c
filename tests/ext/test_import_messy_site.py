"""A messy JSON Resume file, with every repair `make new` makes, becomes a site
whose conf.py is ruff-clean and which builds strict (`-W --keep-going -n`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import assert_lint_clean, run_make_new
from site_fixtures import sphinx_build

MESSY = {
    "basics": {
        "name": "Mara Messy",
        "label": "",
        "picture": "",
        "website": "https://mara.example.org",
        "email": None,
        "summary": "Writes résumés by hand.",
        "location": {"city": "Lyon", "countryCode": "FR", "region": ""},
        "profiles": [{}],
    },
    "work": [
        # Older keys, one-digit month and day, an empty end: ongoing, later than meta.lastModified.
        {
            "company": "Soie Systems",
            "website": "https://soie.example",
            "position": "Lead engineer",
            "startDate": "2025-5-2",
            "endDate": "",
            "highlights": ["Moved the looms to the cloud", ""],
        },
        # A day past the month's end, a null end: ongoing; a year as a number.
        {"company": "Soie Systems", "position": "Engineer", "startDate": 2021, "endDate": "2025-04-31"},
        {"name": "Canut", "position": "Intern", "startDate": "2019-09-31", "endDate": "2020-2", "summary": None},
        # No title: left out, and said.
        {"company": "Freelance", "startDate": "2020-03", "endDate": "2020-12"},
    ],
    "projects": [
        {"name": "Jacquard", "startDate": "2025-6", "endDate": "Present", "keywords": "Python", "url": ""},
    ],
    "education": [{"institution": "INSA", "gpa": 3.9, "studyType": "Ingénieur", "startDate": "2014", "endDate": ""}],
    "awards": [{"title": "Best loom", "date": "", "awarder": "Guild", "summary": None}],
    "publications": [{"name": "Threads", "releaseDate": "2024-2-30", "website": ""}],
    "volunteer": [{"organization": "Fab Lab", "startDate": "sometime"}],
    "skills": [{"name": "Languages", "level": "", "keywords": ["Python", "", None]}],
    "meta": {"lastModified": "2025-04-15T08:00:00Z"},
}
REPAIRS = [
    "/basics/website: read as /basics/url",
    "/work/0/company: read as /work/0/name",
    '/work/0/startDate: "2025-5-2" read as "2025-05-02"',
    '/work/0/endDate: empty (""), read as absent (the position is ongoing)',
    '/work/1/endDate: "2025-04-31" has no such day; kept as the month',
    '/work/1/startDate: the number 2021 read as the year "2021"',
    '/projects/0/endDate: "Present" read as ongoing (no endDate)',
    "/projects/0/keywords: a string where the schema wants an array",
    "/education/0/gpa: read as /education/0/score",
    '/awards/0/date: empty (""), read as absent',
    '/publications/0/releaseDate: "2024-2-30" has no such day; kept as the month',
    '/volunteer/0/startDate: "sometime" is not a date; left out',
    "/skills/0/keywords/2: null, left out",
]


def test_a_messy_file_becomes_a_site_that_builds_strict(tmp_path):
    source = tmp_path / "messy.json"
    source.write_text(json.dumps(MESSY, ensure_ascii=False, indent=1), "utf-8")
    site = tmp_path / "site"
    made = run_make_new(source, site)
    assert made.returncode == 0, made.stderr
    repaired = made.stdout.split("Repaired (read as JSON Resume means it):\n")[1].split("Not carried")[0]
    for line in REPAIRS:
        assert f"  {line}" in repaired, line
    assert "  /work/3: left out, the site needs the title" in made.stdout
    assert not (site / "experience" / "freelance.md").exists()
    # The as-of date is the latest date in the file, the project's June 2025.
    assert "as of 2025-06" in made.stdout
    assert 'resume_as_of = "2025-06"' in (site / "conf.py").read_text("utf-8")
    assert_lint_clean(site, "conf.py")
    html = sphinx_build("html", site / "_build" / "html", srcdir=site)
    page = re.sub(r"<[^>]+>", " ", (html / "experience" / "soie-systems.html").read_text("utf-8"))
    page = " ".join(page.split())
    assert "Lead engineer" in page and "Moved the looms to the cloud" in page
    assert "present (as of June 2025)" in page
    assert (html / "projects" / "jacquard.html").is_file()
    assert not Path(str(html) + ".warnings").read_text("utf-8").strip()
