"""Authoring that never lies: the mistakes an author makes, one test each.

Each test is a case met while adding a job and a project by the authoring
guide: a crash, a warning that disappeared on the next build, a guess made
without a word, a YAML mistake reported without a place, a hint that stopped
short. Each builds a copy of the small ``test-basic`` site (sometimes two or
three times in a row) and asserts the located warning the author now sees.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import build, site, warnings

BODY = "# Broken\n\nStill here.\n"


def page(*front: str, body: str = BODY) -> str:
    """A page whose front matter is ``front``, one line each: ``front[i]`` is on line i + 2."""
    return "---\n" + "".join(f"{line}\n" for line in front) + "---\n\n" + body


def crashed(app) -> str:
    """The part of the build's output that shows a crash, if any."""
    output = app.status.getvalue() + app.warning.getvalue()
    return "\n".join(line for line in output.splitlines() if re.search(r"Traceback|Exception|error \(", line))


def strict(make_app, src: Path, **kwargs):
    """A build as ``sphinx-build -W --keep-going``: warnings are collected, the build fails."""
    return build(make_app, src, warningiserror=True, **kwargs)


def located(app, src: Path) -> list[str]:
    """The warnings, with the source folder cut off their paths."""
    return [w.replace(f"{src}/", "") for w in warnings(app)]


# -- 1. no input crashes a build ------------------------------------------------------

GO_EMPLOYER = """---
resume:
  kind: employer
  positions:
    - title: Gopher
      start: {start}
      end: ongoing
  skills: [Go]
---

# Go Shop

Go.
"""
GO_SKILL = "        - {name: Go}\n    - name: Platforms\n"


@pytest.mark.parametrize("start", ["May 2012", "2012-13"])
def test_new_employer_with_a_new_skill_and_a_mistyped_date_does_not_crash(make_app, tmp_path, start):
    src = site(tmp_path, files={"experience/go.md": GO_EMPLOYER.format(start=start)})
    catalogue = src / "skills.md"
    catalogue.write_text(catalogue.read_text().replace("    - name: Platforms\n", GO_SKILL))
    app = strict(make_app, src)
    assert crashed(app) == ""
    assert [w for w in located(app, src) if "experience/go.md:6: WARNING: 'start'" in w], warnings(app)
    if start == "May 2012":
        assert any(
            w.endswith("'May 2012' is not a date of the form YYYY or YYYY-MM; write 2012-05 [resume.date]")
            for w in warnings(app)
        )
    assert "Go Shop" in (app.outdir / "skills.html").read_text()
    assert app.statuscode != 0


def test_undated_project_of_an_unknown_employer_with_an_unused_skill_does_not_crash(make_app, tmp_path):
    project = page("resume:", "  kind: project", "  employer: nowhere", "  skills: [Python]")
    app = strict(make_app, site(tmp_path, files={"projects/lost.md": project}))
    assert crashed(app) == ""
    assert any("unknown employer 'nowhere'" in w for w in warnings(app))
    assert "Still here." in (app.outdir / "projects/lost.html").read_text()


# -- 2. every build reports every problem ----------------------------------------------

TOCTREE_FREE = "# Stray\n\nIn no table of contents.\n"
VANISHING = {
    "bad-date": {"experience/acme.md": ("start: 2007-01", "start: 2007-13")},
    "unknown-employer": {"projects/locks.md": ("employer: acme", "employer: acme-networks")},
    "malformed-yaml": {"experience/bsd.md": ("  kind: employer", "  kind: employer\n bad: indentation")},
    "duplicate-slug": {"projects/splice.md": ("kind: project", "kind: project\n  slug: locks")},
    "unknown-skill": {"projects/splice.md": ("skills: [C]", "skills: [C, Cobol]")},
    "broken-link": {"summary.md": ("# Summary", "# Summary\n\nSee [the old page](projects/gone.md).")},
}


def _break(src: Path, edits: dict[str, tuple[str, str]]) -> None:
    for name, (old, new) in edits.items():
        path = src / name
        text = path.read_text()
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("mistake", [*VANISHING, "page-in-no-toctree"])
def test_a_strict_build_fails_again_and_again_with_the_warnings_of_a_fresh_build(make_app, tmp_path, mistake):
    src = site(tmp_path)
    if mistake == "page-in-no-toctree":
        (src / "stray.md").write_text(TOCTREE_FREE)
    else:
        _break(src, VANISHING[mistake])
    app = strict(make_app, src, confoverrides={"nitpicky": True})
    first = sorted(located(app, src))
    assert first, "the mistake must warn"
    assert crashed(app) == ""
    for _ in range(2):  # the second and the third build, nothing fixed
        app.cleanup()
        app = strict(make_app, src, confoverrides={"nitpicky": True})
        assert sorted(located(app, src)) == first
        assert app.statuscode != 0
    app.cleanup()
    fresh = strict(make_app, src, confoverrides={"nitpicky": True}, freshenv=True, builddir=tmp_path / "fresh")
    assert sorted(located(fresh, src)) == first


def test_fixing_the_mistake_ends_the_warnings(make_app, tmp_path):
    src = site(tmp_path)
    _break(src, VANISHING["bad-date"])
    app = strict(make_app, src)
    assert warnings(app)
    _break(src, {"experience/acme.md": ("start: 2007-13", "start: 2007-01")})
    for _ in range(2):
        app.cleanup()
        app = strict(make_app, src)
        assert warnings(app) == [] and app.statuscode == 0


def test_a_deleted_page_leaves_the_output_and_links_to_it_are_reported(make_app, tmp_path):
    src = site(
        tmp_path, files={"page.md": "---\norphan: true\n---\n\n# Links\n\nSee [splicing](projects/splice.md).\n"}
    )
    app = strict(make_app, src)
    assert warnings(app) == []
    assert (app.outdir / "projects/splice.html").is_file()
    (src / "projects/splice.md").unlink()
    for _ in range(2):
        app.cleanup()
        app = strict(make_app, src)
        assert not (app.outdir / "projects/splice.html").exists()
        found = located(app, src)
        assert [w for w in found if w.startswith("page.md:7: WARNING:") and "projects/splice.md" in w], found
        assert app.statuscode != 0


# -- 3. to 5. nothing guessed silently, YAML mistakes located, hints that finish the job --

EMPLOYER = "experience/broken.md"
PROJECT = "projects/broken.md"


def employer(*resume: str, body: str = BODY) -> str:
    """An employer page; ``resume[i]`` is on line i + 4."""
    return page("resume:", "  kind: employer", *resume, body=body)


def project(*resume: str, body: str = BODY) -> str:
    """A project of Acme; ``resume[i]`` is on line i + 5."""
    return page("resume:", "  kind: project", "  employer: acme", *resume, body=body)


# Each case: the files, then every warning the build gives (path:line, and a
# regular expression for the text), so a case also shows that nothing else warns.
ONE_WARNING = {
    "position-without-end": (
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: 2007-01")},
        "experience/broken.md:5",
        r"position #1 has no 'end': write its last month \(YYYY or YYYY-MM\), or 'ongoing' if it has not "
        r"ended \[resume\.key\]",
    ),
    "project-start-without-end": (
        {PROJECT: project("  start: 2008-03")},
        "projects/broken.md:5",
        r"'start' without 'end': write the last month \(YYYY or YYYY-MM\) or 'ongoing', or leave out both "
        r"for an undated project \[resume\.key\]",
    ),
    "start-after-resume-as-of": (
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: 2013-05", "      end: ongoing")},
        "experience/broken.md:6",
        r"'start' \(2013-05\) is after resume_as_of \(2012-04\) in conf\.py: correct the date, or move "
        r"resume_as_of on to the month the résumé speaks from \[resume\.date\]",
    ),
    "resume-capitalised": (
        {"experience/acme.md": ("resume:", "Resume:")},
        "experience/acme.md:2",
        r"front-matter key 'Resume' is not 'resume': spell it 'resume' \(lowercase\), or the page's metadata "
        r"is ignored \[resume\.key\]",
    ),
    "resume-misspelt": (
        {"experience/acme.md": ("resume:", "resmue:")},
        "experience/acme.md:2",
        r"front-matter key 'resmue' is not 'resume'",
    ),
    "key-typo-inside-resume": (
        {EMPLOYER: employer("  postions:", "    - {title: Engineer, start: 2007, end: 2008}")},
        "experience/broken.md:4",
        r"unknown key 'postions' \(known: .*\); did you mean 'positions'\? \[resume\.key\]",
    ),
    "duplicate-yaml-key": (
        {
            EMPLOYER: employer(
                "  positions:",
                "    - title: Engineer",
                "      start: 2007-01",
                "      end: 2008-01",
                "      start: 2006-01",
            )
        },
        "experience/broken.md:8",
        r"key 'start' is given twice \(first on line 6\); YAML keeps only the last value: remove one of them "
        r"\[resume\.key\]",
    ),
    "unknown-level": (
        {"skills.md": ("{name: Python}", "{name: Python, level: guru}")},
        "skills.md:9",
        r"level 'guru' is not one the catalogue knows \(expert, highly skilled\): use one of them, or leave "
        r"the level out \[resume\.skill\]",
    ),
    "yaml-bad-indentation": (
        {"experience/acme.md": ("  short: Acme", " short: Acme")},
        "experience/acme.md:4",
        r"the front matter is not valid YAML \(line 4, column 2: .*\).*; the page is built without it "
        r"\[resume\.yaml\]",
    ),
    "yaml-unquoted-colon": (
        {"projects/locks.md": ("summary: Reader/writer", "summary: Speed: reader/writer")},
        "projects/locks.md:5",
        r"the front matter is not valid YAML \(line 5, column 17: mapping values are not allowed[^)]*\): quote "
        r"a value that contains ': ', e\.g\. summary: \"Speed: 5x\"; the page is built without it",
    ),
    "yaml-tab": (
        {"experience/acme.md": ("  short: Acme", "\tshort: Acme")},
        "experience/acme.md:4",
        r"the front matter is not valid YAML \(line 4, column 1: .*tab.*\): indent with spaces: YAML does "
        r"not allow tabs",
    ),
    "front-matter-not-closed": (
        {PROJECT: "---\nresume:\n  kind: project\n  employer: acme\n\n# Unclosed\n\nText.\n"},
        "projects/broken.md:1",
        r"the front matter that opens on line 1 is not closed: add a line '---' after its last line \(read "
        r"up to line 4 as front matter\) \[resume\.yaml\]",
    ),
    "page-without-title": (
        {"experience/acme.md": ("# Acme Networks", "Acme Networks, without a heading.")},
        "experience/acme.md:13",
        r"the page has no title: start its text with a line '# Title' \(the file name 'acme' stands in for "
        r"it\) \[resume\.title\]",
    ),
    "end-present": (
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: 2007-01", "      end: present")},
        "experience/broken.md:7",
        r"'end': 'present' is not a date of the form YYYY or YYYY-MM; write YYYY, YYYY-MM or 'ongoing' "
        r"\[resume\.date\]",
    ),
    "unknown-skill-names-the-catalogue": (
        {"projects/splice.md": ("skills: [C]", "skills: [C, Go]")},
        "projects/splice.md:7",
        r"skill 'Go' is not in the catalog: add it to skills\.md, or use a name listed there "
        r"\[resume\.skill\]",
    ),
    "skill-role-suggests-a-name": (
        {"page.md": "---\norphan: true\n---\n\n# Page\n\nKnows {skill}`Pyton`.\n"},
        "page.md:7",
        r"skill 'Pyton' has no entry to link to \(not in the catalog, or no page has a skill-index\); did "
        r"you mean 'Python'\?",
    ),
}


def _apply(src: Path, files: dict) -> None:
    for name, change in files.items():
        if isinstance(change, tuple):
            _break(src, {name: change})
        else:
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_text(change)


@pytest.mark.parametrize("case", ONE_WARNING.values(), ids=ONE_WARNING.keys())
def test_a_mistake_gives_exactly_one_located_warning_that_says_the_fix(make_app, tmp_path, case):
    files, where, says = case
    src = site(tmp_path)
    _apply(src, files)
    app = strict(make_app, src)
    found = located(app, src)
    assert crashed(app) == ""
    assert len(found) == 1 and found[0].startswith(f"{where}: WARNING: "), found
    assert re.search(says, found[0]), found[0]
    assert app.statuscode != 0
    for docname in app.env.found_docs:
        assert (app.outdir / f"{docname}.html").is_file()


def test_an_undated_project_is_not_drawn_as_one_month(make_app, tmp_path):
    src = site(tmp_path)
    _break(src, {"projects/splice.md": ("  start: 2001-06\n  end: 2001-10\n", "")})
    app = strict(make_app, src)
    assert warnings(app) == []
    index = (app.outdir / "index.html").read_text()
    assert "TCP splicing" not in index.split('<details class="resume-timeline-list">')[1].split("</details>")[0]
    assert "1 month" not in (app.outdir / "projects/splice.html").read_text()


def test_a_catalogue_alias_is_the_canonical_skill(make_app, tmp_path):
    src = site(tmp_path)
    _break(src, {"projects/locks.md": ("skills: [C, C++]", "skills: [C, cpp]")})
    (src / "page.md").write_text("---\norphan: true\n---\n\n# Page\n\nKnows {skill}`cpp`.\n")
    app = strict(make_app, src)
    assert warnings(app) == []
    locks = (app.outdir / "projects/locks.html").read_text()
    assert ">C++<" in locks and ">cpp<" not in locks
    assert "Reader/writer locks" in (app.outdir / "skills.html").read_text().split("C++")[1]
    assert 'href="skills.html#skill-C-plus-plus--' in (app.outdir / "page.html").read_text()


def test_a_yaml_error_on_an_employer_page_causes_no_warning_on_its_projects(make_app, tmp_path):
    src = site(tmp_path)
    _break(src, {"experience/acme.md": ("  short: Acme", "  short: Acme: the router company")})
    (src / "page.md").write_text("---\norphan: true\n---\n\n# Page\n\n```{timeline}\n:employer: acme\n```\n")
    app = strict(make_app, src)
    found = located(app, src)
    assert len(found) == 1 and found[0].startswith("experience/acme.md:4: WARNING: the front matter is not valid"), (
        found
    )
    assert "Acme made routers." in (app.outdir / "experience/acme.html").read_text()


# -- 8. the live preview shows problems where the author looks ---------------------------


def test_the_preview_lists_a_pages_problems_at_its_top(make_app, tmp_path):
    src = site(tmp_path)
    _break(src, VANISHING["bad-date"])
    app = build(make_app, src, confoverrides={"resume_show_problems": True})
    acme = (app.outdir / "experience/acme.html").read_text()
    box = acme.split('<div class="warning resume-problems admonition">')[1].split("</div>")[0]
    assert "1 problem on this page" in box
    assert "line 8: 'start': '2007-13' has no month 13 [resume.date]" in box
    body = acme.split("<body", 1)[1]  # the head describes the page with its first paragraph
    assert body.index("resume-problems") < body.index("Acme made routers.")
    assert "resume-problems" not in (app.outdir / "experience/bsd.html").read_text()
    # Fixed: the next build of the preview drops the box.
    _break(src, {"experience/acme.md": ("start: 2007-13", "start: 2007-01")})
    app.cleanup()
    app = build(make_app, src, confoverrides={"resume_show_problems": True})
    assert "resume-problems" not in (app.outdir / "experience/acme.html").read_text()


def test_a_normal_build_never_shows_the_problems_box(make_app, tmp_path):
    src = site(tmp_path)
    _break(src, VANISHING["bad-date"])
    app = build(make_app, src)
    assert warnings(app)
    assert not [p for p in app.outdir.rglob("*.html") if "resume-problems" in p.read_text()]


def test_make_live_shows_problems_and_make_html_does_not():
    makefile = Path(__file__).resolve().parents[2] / "Makefile"
    rules = makefile.read_text()
    live = rules.split("\nlive:", 1)[1].split("\n\n", 1)[0]
    html = rules.split("\nhtml:", 1)[1].split("\n\n", 1)[0]
    assert "-D resume_show_problems=1" in live and "resume_show_problems" not in html


def test_a_mistake_in_an_included_snippet_is_reported_on_every_build(make_app, tmp_path):
    src = site(tmp_path, files={"parts/skills.md": "Knows {skill}`Cobol` and {skill}`C`.\n"})
    _break(src, {"summary.md": ("# Summary", "# Summary\n\n```{include} parts/skills.md\n```")})
    builds = []
    for _ in range(3):
        app = strict(make_app, src, confoverrides={"exclude_patterns": ["parts/*"]})
        builds.append(sorted(located(app, src)))
        app.cleanup()
    assert builds[0] and "parts/skills.md:1: WARNING: skill 'Cobol' has no entry" in builds[0][0]
    assert builds[0] == builds[1] == builds[2]


def test_an_employer_without_a_valid_position_shows_no_empty_position_or_zero_duration(make_app, tmp_path):
    src = site(tmp_path)
    _break(src, VANISHING["bad-date"])
    app = strict(make_app, src)
    acme = (app.outdir / "experience/acme.html").read_text()
    assert "0 months" not in acme and "Position" not in acme
    assert "Springfield" in acme  # what is known is still shown


def test_make_test_installs_the_npm_packages_when_they_are_missing(tmp_path):
    """`make test` is all a new developer runs: the browser tests' packages come with it."""
    root = Path(__file__).resolve().parents[2]
    for name in ("Makefile", "package.json", "package-lock.json"):
        shutil.copy2(root / name, tmp_path / name)
    plan = subprocess.run(
        ["make", "-n", "test", "VENV=", "PYTHON=python"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    assert "npm ci --no-audit --no-fund --ignore-scripts" in plan
    assert plan.index("npm ci") < plan.index("-m pytest")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules/.package-lock.json").write_text("{}")
    plan = subprocess.run(
        ["make", "-n", "test", "VENV=", "PYTHON=python"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    assert "npm ci" not in plan and "-m pytest" in plan


def test_make_live_installs_the_site_and_the_preview_not_the_test_tools(tmp_path):
    root = Path(__file__).resolve().parents[2]
    for name in ("Makefile", "requirements.txt", "requirements-live.txt", "requirements-test.txt", "constraints.txt"):
        shutil.copy2(root / name, tmp_path / name)
    # As a fresh checkout plans it, whatever make this test runs under passes down.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "VENV", "PYTHON"}}
    done = subprocess.run(["make", "-n", "live"], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    plan = done.stdout
    assert "-r requirements.txt" in plan and "-r requirements-live.txt" in plan
    assert "requirements-test.txt" not in plan
    assert "sphinx-autobuild" in (root / "requirements-live.txt").read_text()
    assert "sphinx-autobuild" not in (root / "requirements-test.txt").read_text()
