"""The layout `make new` gives a two-page résumé: a position's own role and
lines (an imported résumé's ``summary`` and ``highlights``), and a section that
another page keeps (``{resume-details} education``), kept current by
incremental builds; bad input is located with a fix."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from helpers import again, build, site, visible_text, warnings

ACME = """---
resume:
  kind: employer
  positions:
    - title: Engineer
      start: 2001-01
      end: 2003-12
      summary: |
        - Ran the build farm
        - Kept the release branches
      highlights:
        - Cut build times by half
---

# Acme Corp

```{resume-details}
```
"""

SCHOOLS = """---
orphan: true
jsonresume:
  education:
    - institution: Test University
      studyType: BSc
      area: Computing
      endDate: '1998-06-01'
      courses: [Compilers, Networks]
---

# Education

```{resume-details}
```
"""

BRIEF = """---
orphan: true
---

# Résumé

## Experience

```{brief-experience}
```

## Education

```{resume-details} education
```
"""


def _page(app: Any, name: str) -> str:
    """The page's words, without its structured data."""
    page = (Path(app.outdir) / f"{name}.html").read_text("utf-8")
    return visible_text(re.sub(r"<script.*?</script>", "", page, flags=re.DOTALL))


def test_a_positions_lines_and_another_pages_section_reach_the_brief(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path, files={"experience/acme.md": ACME, "education.md": SCHOOLS, "brief.md": BRIEF})
    app = build(make_app, src)
    assert warnings(app) == []
    brief = _page(app, "brief")
    # A summary written as a list stays a list, before the position's lines.
    assert "Engineer, Jan 2001 – Dec 2003 Ran the build farm Kept the release branches Cut build times by half" in brief
    assert "Test University BSc, Computing, June 1998" in brief
    acme = _page(app, "experience/acme")
    assert acme.count("Cut build times by half") == 1
    # Another school on the education page: the brief, not read again, follows.
    (src / "education.md").write_text(SCHOOLS.replace("Test University", "Other College"), "utf-8")
    app = again(make_app, app, src)
    assert warnings(app) == []
    assert "Other College BSc" in _page(app, "brief")
    # A line of the position changes: the brief follows too.
    (src / "experience/acme.md").write_text(ACME.replace("by half", "by two thirds"), "utf-8")
    app = again(make_app, app, src)
    assert "Cut build times by two thirds" in _page(app, "brief")


def test_a_section_no_page_keeps_and_lines_that_are_not_a_list_are_located(make_app: Any, tmp_path: Path) -> None:
    acme = ACME.replace("      highlights:\n        - Cut build times by half\n", "      highlights: Cut build times\n")
    brief = BRIEF.replace("{resume-details} education", "{resume-details} awards")
    app = build(make_app, site(tmp_path, files={"experience/acme.md": acme, "brief.md": brief}))
    found = sorted(warnings(app))
    assert len(found) == 2, found
    assert (
        "brief.md:14: WARNING: resume-details: no page keeps 'awards': list them in one page's front matter" in found[0]
    )
    assert "[resume.directive]" in found[0]
    assert "acme.md:11: WARNING: 'highlights' must be a list of texts, one per item" in found[1], found[1]


PAPER = """@misc{paper,
  author = {A. Tester},
  title = {{Fast Paths}},
  howpublished = {Usenix},
  date = {2011-06-15},
  year = {2011},
  month = jun,
  keywords = {publication},
}

@misc{source,
  title = {{A source the pages cite}},
  year = {1999},
}
"""


def test_publications_in_the_bibliography_reach_the_brief_and_follow_it(make_app: Any, tmp_path: Path) -> None:
    conf = (Path(__file__).parents[1] / "roots/test-basic/conf.py").read_text("utf-8")
    conf = conf.replace('"resume"]', '"sphinxcontrib.bibtex", "resume"]') + 'bibtex_bibfiles = ["refs.bib"]\n'
    page = '---\norphan: true\n---\n\n# Publications\n\n```{bibliography}\n:filter: keywords % "publication"\n```\n'
    brief = BRIEF.replace("{resume-details} education", "{resume-details} publications")
    src = site(tmp_path, files={"conf.py": conf, "refs.bib": PAPER, "publications.md": page, "brief.md": brief})
    app = build(make_app, src)
    assert warnings(app) == []
    assert "Fast Paths, Usenix, June 2011" in _page(app, "brief")
    listed = _page(app, "publications")
    assert "Fast Paths" in listed and "A source the pages cite" not in listed
    (src / "refs.bib").write_text(PAPER.replace("Fast Paths", "Faster Paths"), "utf-8")
    app = again(make_app, app, src)
    assert "Faster Paths, Usenix, June 2011" in _page(app, "brief")


def test_lists_of_projects_name_only_employers_with_projects_and_a_summary_is_said_once(
    make_app: Any, tmp_path: Path
) -> None:
    idle = "---\nresume:\n  kind: employer\n  positions:\n    - title: Clerk\n      start: 1995\n      end: 1996\n---\n\n# Idle Inc\n"
    locks = (Path(__file__).parents[1] / "roots/test-basic/projects/locks.md").read_text("utf-8")
    locks = locks.replace("We added locks.", "```{resume-details}\n```")
    app = build(make_app, site(tmp_path, files={"experience/idle.md": idle, "projects/locks.md": locks}))
    assert warnings(app) == []
    summary = _page(app, "summary")
    assert "Acme" in summary and "Idle Inc" not in summary
    assert _page(app, "projects/locks").count("Reader/writer locks; 5x on 8 cores.") == 1  # the summary box's


def test_a_school_is_set_as_parsers_read_it(make_app: Any, tmp_path: Path) -> None:
    """Its name a line of its own (a description item in the PDF), its study on
    the next, the dates set apart at the right margin (``resume-dates``), its
    courses on one line."""
    src = site(tmp_path, files={"experience/acme.md": ACME, "education.md": SCHOOLS, "brief.md": BRIEF})
    brief = [("brief", "brief.tex", "Résumé", "A. Tester", "howto")]
    app = build(make_app, src, "latex", confoverrides={"latex_documents": brief})
    assert warnings(app) == []
    tex = (Path(app.outdir) / "brief.tex").read_text("utf-8")
    school = re.search(r"\\sphinxlineitem\{Test University\}\s*\\sphinxAtStartPar\s*(.+)", tex)
    assert school, tex
    assert school[1] == r"BSc, Computing\DUrole{resume-sep}{, }\DUrole{resume-dates}{June 1998}"
    # The courses on one line, not a list a parser would read as more schools.
    assert "\\sphinxAtStartPar\nCourses: Compilers, Networks" in tex
