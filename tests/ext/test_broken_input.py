"""Hostile and broken input: every mistake is a located warning, never a crash.

Each case copies the small ``test-basic`` site, adds or replaces one file, and
builds it as ``sphinx-build -W`` would. The build must name the file and line
of the mistake (``path/file.md:N: WARNING: ...``), print no traceback, still
write every page, and fail because of the warning. A case that shows a bug in
the extension is marked ``xfail(strict=True)`` with the bug in its reason, so it
stays visible until the bug is fixed (and then fails, to be unmarked).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from resume.core.vocabulary import Subtype

from helpers import ROOTS, build, site, warnings

EXT = Path(__file__).resolve().parents[2] / "_ext"
BODY = "# Broken\n\nStill here.\n"
LONG = "N" * 10_000
#: test-basic's conf.py, which the configuration cases change (it ends on line 7).
CONF = (ROOTS / "test-basic" / "conf.py").read_text("utf-8")


def page(*front: str, body: str = BODY) -> str:
    """A page whose front matter is ``front``, one line each: ``front[i]`` is on line i + 2."""
    return "---\n" + "".join(f"{line}\n" for line in front) + "---\n\n" + body


def employer(*resume: str, body: str = BODY) -> str:
    """An employer page; ``resume[i]`` is on line i + 4."""
    return page("resume:", "  kind: employer", *resume, body=body)


POSITION = ("  positions:", "    - title: Engineer", "      start: 2007-01", "      end: 2008-06")


def catalogue(*skills: str) -> str:
    """The skills page, one category; ``skills[i]`` is on line i + 7, and test-basic's other skills follow."""
    entries = [f"        - {skill}" for skill in (*skills, "{name: C++}", "{name: Python}", "{name: FreeBSD}")]
    head = ("resume:", "  kind: catalogue", "  categories:", "    - name: Languages", "      skills:")
    return page(*head, *entries, body="# Skills\n\n```{skill-index}\n```\n")


def directive(*lines: str) -> str:
    """A page (outside any toctree) that uses a directive; ``lines[0]`` is on line 7."""
    return page("orphan: true", body="# Directive\n\n" + "\n".join(lines) + "\n")


@dataclass(frozen=True)
class Case:
    files: dict[str, str]
    where: str  # "file:line" the warning must name
    says: str  # a regular expression the warning line matches
    bug: str = ""  # why the extension fails this case today (then it is an xfail)


EMPLOYER = "experience/broken.md"
PROJECT = "projects/broken.md"
PAGE = "page.md"

CASES: dict[str, Case] = {
    # -- issue 22: characters the PDFs cannot print, pages in no toctree, empty front matter, tabs
    "glyph-emoji-in-a-title": Case(
        {PAGE: page("orphan: true", body="# Launch 🚀\n\nStill here.\n")},
        f"{PAGE}:5",
        r"the PDFs' fonts have no glyph for '🚀' \(U\+1F680 ROCKET\).*\[resume\.glyph\]",
    ),
    "toctree-out-of-order": Case(
        {
            "index.md": "# Home\n\n```{toctree}\nexperience/acme\nexperience/bsd\nprojects/locks\nprojects/splice\nskills\nsummary\n```\n"
        },
        "index.md:3",
        r"the toctree lists the employers in another order.*list them as experience/bsd, experience/acme.*\[resume\.order\]",
    ),
    "page-in-no-toctree": Case(
        {"loose.md": BODY},
        "loose.md:1",
        r"the page is in no toctree.*add the line 'loose' to the toctree of index\.md \(line 12\).*\[resume\.toctree\]",
    ),
    "empty-front-matter": Case(
        {PROJECT: "---\n---\n\n" + BODY},
        f"{PROJECT}:1",
        r"the front matter \(lines 1 to 2\) is empty.*\[resume\.frontmatter\]",
    ),
    "tab-in-front-matter": Case(
        {EMPLOYER: employer("\tshort: X", *POSITION)},
        f"{EMPLOYER}:4",
        r"not valid YAML \(line 4, column 1: a tab\): indent with spaces.*\[resume\.yaml\]",
    ),
    # -- front matter that is not YAML, or not a resume mapping ----------------------
    "yaml-unclosed-list": Case(
        {EMPLOYER: employer("  skills: [C, FreeBSD", *POSITION)},
        f"{EMPLOYER}:5",
        r"not valid YAML \(line 5, column 12: while parsing a flow sequence that starts on line 4 did not find "
        r"expected ',' or '\]'\): close the list with '\]'.*\[resume\.yaml\]",
    ),
    "yaml-mapping-in-a-scalar": Case(
        {EMPLOYER: page("resume: kind: employer")},
        f"{EMPLOYER}:2",
        r"not valid YAML \(line 2, column 13: mapping values are not allowed[^)]*\): quote a value",
    ),
    "yaml-bad-indentation": Case(
        {EMPLOYER: page("resume:", "  kind: employer", " positions: []")},
        f"{EMPLOYER}:4",
        r"not valid YAML \(line 4, column 2: .*\): line up the keys of one mapping at the same indentation",
    ),
    "yaml-not-closed": Case(
        {EMPLOYER: "---\nresume:\n  kind: employer\n\n# Broken\n"},
        f"{EMPLOYER}:1",
        r"the front matter that opens on line 1 is not closed.*\[resume\.yaml\]",
    ),
    "page-without-title": Case(
        {PAGE: "---\norphan: true\n---\n\nNo heading.\n"},
        f"{PAGE}:5",
        r"the page has no title: start its text with a line '# Title'.*\[resume\.title\]",
    ),
    "resume-is-a-list": Case(
        {EMPLOYER: page("resume: [employer]")}, f"{EMPLOYER}:2", r"'resume' must be a mapping.*\[resume\.frontmatter\]"
    ),
    "resume-is-text": Case(
        {EMPLOYER: page("resume: employer")}, f"{EMPLOYER}:2", r"'resume' must be a mapping.*\[resume\.frontmatter\]"
    ),
    "kind-missing": Case(
        {EMPLOYER: page("resume:", "  short: Nobody")}, f"{EMPLOYER}:2", r"missing 'kind'.*\[resume\.frontmatter\]"
    ),
    "kind-unknown": Case(
        {EMPLOYER: page("resume:", "  kind: hobby")}, f"{EMPLOYER}:3", r"unknown kind 'hobby'.*\[resume\.frontmatter\]"
    ),
    # -- keys ---------------------------------------------------------------------------
    "unknown-key": Case(
        {EMPLOYER: employer(*POSITION, "  salary: lots")}, f"{EMPLOYER}:8", r"unknown key 'salary'.*\[resume\.key\]"
    ),
    "unknown-position-key": Case(
        {EMPLOYER: employer(*POSITION, "      boss: Dilbert")}, f"{EMPLOYER}:8", r"unknown key 'boss'.*\[resume\.key\]"
    ),
    "unknown-catalogue-key": Case(
        {"skills.md": catalogue("{name: C, level: expert, colour: blue}")},
        "skills.md:7",
        r"unknown key 'colour'.*\[resume\.key\]",
    ),
    "positions-missing": Case(
        {EMPLOYER: employer("  short: Broken")}, f"{EMPLOYER}:2", r"missing required key 'positions'.*\[resume\.key\]"
    ),
    "position-title-missing": Case(
        {EMPLOYER: employer("  positions:", "    - start: 2007-01")}, f"{EMPLOYER}:5", r"missing required key 'title'"
    ),
    "position-start-missing": Case(
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      end: 2008-01")},
        f"{EMPLOYER}:5",
        r"missing required key 'start'.*\[resume\.key\]",
    ),
    "project-stray-key": Case(  # no employer is fine: a project done on one's own
        {PROJECT: page("resume:", "  kind: project", "  summary: Nobody's.", "  client: Nobody")},
        f"{PROJECT}:5",
        r"unknown key 'client'.*\[resume\.key\]",
    ),
    "project-end-without-start": Case(
        {PROJECT: page("resume:", "  kind: project", "  employer: acme", "  end: 2008-01")},
        f"{PROJECT}:5",
        r"'end' given without 'start'.*\[resume\.key\]",
    ),
    # -- dates ----------------------------------------------------------------------------
    "month-13": Case(
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: 2007-13")},
        f"{EMPLOYER}:6",
        r"no month 13.*\[resume\.date\]",
    ),
    "month-0": Case(
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: 2007-00")},
        f"{EMPLOYER}:6",
        r"no month 0.*\[resume\.date\]",
    ),
    "date-with-slash": Case(
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: 2007/01")},
        f"{EMPLOYER}:6",
        r"not a date of the form YYYY or YYYY-MM.*\[resume\.date\]",
    ),
    "date-in-words": Case(
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: January 2007")},
        f"{EMPLOYER}:6",
        r"'January 2007' is not a date.*\[resume\.date\]",
    ),
    "date-with-day": Case(
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: 2007-01-15")},
        f"{EMPLOYER}:6",
        r"'2007-01-15' is not a date.*\[resume\.date\]",
    ),
    "date-is-a-list": Case(
        {EMPLOYER: employer("  positions:", "    - title: Engineer", "      start: [2007]")},
        f"{EMPLOYER}:6",
        r"'start': expected YYYY or YYYY-MM.*\[resume\.date\]",
    ),
    "end-is-not-a-date": Case(
        {EMPLOYER: employer(*POSITION[:3], "      end: whenever")},
        f"{EMPLOYER}:7",
        r"'whenever' is not a date.*\[resume\.date\]",
    ),
    "end-before-start": Case(
        {EMPLOYER: employer(*POSITION[:3], "      end: 2006-12")},
        f"{EMPLOYER}:7",
        r"'end' \(2006-12\) is before 'start' \(2007-01\).*\[resume\.range\]",
    ),
    "project-end-before-start": Case(
        {PROJECT: page("resume:", "  kind: project", "  employer: acme", "  start: 2009", "  end: 2008")},
        f"{PROJECT}:6",
        r"'end' \(2008\) is before 'start' \(2009\).*\[resume\.range\]",
    ),
    # -- wrong types --------------------------------------------------------------------
    "skills-is-a-number": Case(
        {EMPLOYER: employer(*POSITION, "  skills: 5")},
        f"{EMPLOYER}:8",
        r"'skills' must be a list, not a number.*\[resume\.type\]",
    ),
    "positions-is-text": Case(
        {EMPLOYER: employer("  positions: Engineer")},
        f"{EMPLOYER}:4",
        r"'positions' must be a list, not text.*\[resume\.type\]",
    ),
    "positions-is-empty": Case(
        {EMPLOYER: employer("  positions: []")}, f"{EMPLOYER}:4", r"'positions' is empty.*\[resume\.type\]"
    ),
    "position-is-text": Case(
        {EMPLOYER: employer("  positions:", "    - Engineer")},
        f"{EMPLOYER}:5",
        r"position #1 must be a mapping.*\[resume\.type\]",
    ),
    "short-is-a-list": Case(
        {EMPLOYER: employer(*POSITION, "  short: [Acme, Co]")},
        f"{EMPLOYER}:8",
        r"'short' must be text, not a list.*\[resume\.type\]",
    ),
    "location-is-true": Case(
        {EMPLOYER: employer(*POSITION, "  location: yes")},
        f"{EMPLOYER}:8",
        r"'location' must be text, not true/false.*\[resume\.type\]",
    ),
    "skill-is-a-mapping": Case(
        {EMPLOYER: employer(*POSITION, "  skills: [C, {name: C++}]")},
        f"{EMPLOYER}:8",
        r"skill #2 must be text.*\[resume\.type\]",
    ),
    "years-is-negative": Case(
        {"skills.md": catalogue("{name: C, years: -3}")},
        "skills.md:7",
        r"'years' must be a number of years, not -3.*\[resume\.type\]",
    ),
    "aliases-is-a-number": Case(
        {"skills.md": catalogue("{name: C, aliases: 5}")},
        "skills.md:7",
        r"'aliases' must be a list of names.*\[resume\.type\]",
    ),
    # -- skills -----------------------------------------------------------------------------
    "skill-empty": Case(
        {EMPLOYER: employer(*POSITION, "  skills: [C, '']")}, f"{EMPLOYER}:8", r"skill #2 is empty.*\[resume\.skill\]"
    ),
    "skill-blank": Case(
        {EMPLOYER: employer(*POSITION, "  skills:", "    - C", "    - '   '")},
        f"{EMPLOYER}:10",
        r"skill #2 is empty.*\[resume\.skill\]",
    ),
    "skill-unknown": Case(
        {EMPLOYER: employer(*POSITION, "  skills: [C, Cobol]")},
        f"{EMPLOYER}:8",
        r"skill 'Cobol' is not in the catalog.*\[resume\.skill\]",
    ),
    "skill-listed-twice": Case(
        {EMPLOYER: employer(*POSITION, "  skills:", "    - C", "    - C")},
        f"{EMPLOYER}:10",
        r"skill 'C' is listed twice.*\[resume\.skill\]",
    ),
    "catalogue-skill-without-name": Case(
        {"skills.md": catalogue("{name: C}", "{name: '', level: expert}")},
        "skills.md:8",
        r"'name' is empty.*\[resume\.key\]",
    ),
    "skill-name-10000-characters": Case(
        {EMPLOYER: employer(*POSITION, f"  skills: [C, {LONG}]")},
        f"{EMPLOYER}:8",
        r"skill 'N{100}.*is not in the catalog",
    ),
    # -- across pages -------------------------------------------------------------------------
    "unknown-employer": Case(
        {PROJECT: page("resume:", "  kind: project", "  employer: nowhere")},
        f"{PROJECT}:4",
        r"unknown employer 'nowhere'.*\[resume\.employer\]",
    ),
    "unknown-direction": Case(
        {PROJECT: page("resume:", "  kind: project", "  employer: acme", "  directions: [cooking]")},
        f"{PROJECT}:5",
        r"direction 'cooking' is not declared .*\[resume\.direction\]",
    ),
    "page-of-unknown-direction": Case(
        {PAGE: page("orphan: true", "direction: cooking")},
        f"{PAGE}:3",
        r"direction 'cooking' is not declared .*\[resume\.direction\]",
    ),
    "unknown-position": Case(
        {PROJECT: page("resume:", "  kind: project", "  employer: acme", "  position: Janitor")},
        f"{PROJECT}:5",
        r"position 'Janitor' is not one of the employer's: .*\[resume\.position\]",
    ),
    "duplicate-slug": Case(
        {EMPLOYER: employer("  slug: acme", *POSITION)},
        "experience/broken.md:4",
        r"slug 'acme' is already used by 'experience/acme'.*\[resume\.slug\]",
    ),
    "two-catalogues": Case(
        {
            "skills-more.md": page(
                "orphan: true",
                "resume:",
                "  kind: catalogue",
                "  categories:",
                "    - name: More",
                "      skills: [{name: Cobol}]",
                body="# More skills\n",
            )
        },
        "skills-more.md:3",
        r"a second skill catalog.*\[resume\.frontmatter\]",
    ),
    "person-label-on-the-home-page": Case(
        {
            "index.md": page(
                "resume:",
                "  kind: person",
                "  label: Kernel programmer",
                body=(ROOTS / "test-basic" / "index.md").read_text("utf-8"),
            )
        },
        "index.md:4",
        r"'label' is set in conf.py's resume_basics, not on the home page; move it there.*\[resume\.key\]",
    ),
    # -- configuration --------------------------------------------------------------------------
    "as-of-month-13": Case(
        {"conf.py": CONF.replace('"2012-04"', '"2012-13"')},
        "conf.py:6",
        r"resume_as_of: '2012-13' has no month 13.*\[resume\.config\]",
    ),
    "basics-not-json-resume": Case(
        {"conf.py": CONF + 'resume_basics = {"email": 5}\n'},
        "conf.py:8",
        r"resume_basics: /basics/email: 5 is a number; JSON Resume wants a string here.*\[resume\.json\]",
    ),
    "slug-not-a-slug": Case(
        {"conf.py": CONF + 'resume_slug = "Ada Lovelace"\n'},
        "conf.py:8",
        r"resume_slug: 'Ada Lovelace' is not a slug: use lowercase letters.*\[resume\.config\]",
    ),
    "accent-not-a-colour": Case(
        {"conf.py": CONF + 'resume_accent = "blue"\n'},
        "conf.py:8",
        r"resume_accent: 'blue' is not a color: write six hex digits.*\[resume\.config\]",
    ),
    "site-address-relative": Case(
        {"conf.py": CONF + 'resume_site_url = "cv/"\n'},
        "conf.py:8",
        r"resume_site_url: 'cv/' is not a site address: write it in full, ending in '/'.*\[resume\.config\]",
    ),
    "direction-without-label": Case(
        {"conf.py": CONF + 'resume_directions = {"os": " "}\n'},
        "conf.py:8",
        r"resume_directions: direction 'os' needs a label.*\[resume\.config\]",
    ),
    "levels-empty": Case(
        {"conf.py": CONF + "resume_levels = []\n"},
        "conf.py:8",
        r"resume_levels: list the levels a catalog may state, highest first.*\[resume\.config\]",
    ),
    # -- directives and roles -------------------------------------------------------------------
    "timeline-unknown-option": Case(
        {PAGE: directive("```{timeline}", ":colour: red", "```")}, f"{PAGE}:8", r"Unknown option key: 'colour'"
    ),
    "timeline-show-everything": Case(
        {PAGE: directive("```{timeline}", ":show: everything", "```")},
        f"{PAGE}:8",
        r"expected one or both of positions, projects, got 'everything'",
    ),
    "timeline-from-month-13": Case(
        {PAGE: directive("```{timeline}", ":from: 2020-13", "```")},
        f"{PAGE}:8",
        r"'from': 2020-13: '2020-13' has no month 13",
    ),
    "timeline-to-before-from": Case(
        {PAGE: directive("```{timeline}", ":from: 2010", ":to: 2005", "```")},
        f"{PAGE}:7",
        r"':to:' is before ':from:'.*\[resume\.directive\]",
    ),
    "timeline-unknown-employer": Case(
        {PAGE: directive("```{timeline}", ":employer: nobody", "```")},
        f"{PAGE}:7",
        r"unknown employer 'nobody'.*\[resume\.directive\]",
    ),
    "timeline-with-content": Case(
        {PAGE: directive("```{timeline}", "A chart, please.", "```")}, f"{PAGE}:7", r"Has content, but none permitted"
    ),
    "skill-matrix-sort-banana": Case(
        {PAGE: directive("```{skill-matrix}", ":sort: banana", "```")},
        f"{PAGE}:8",
        r"'sort': banana: \"banana\" unknown",
    ),
    "skill-matrix-empty-sort": Case(
        {PAGE: directive("```{skill-matrix}", ":sort:", "```")},
        f"{PAGE}:8",
        r"'sort': None: \"\" unknown; choose from \"name\", \"years\", or \"level\"",
    ),
    "timeline-empty-show": Case(
        {PAGE: directive("```{timeline}", ":show:", "```")},
        f"{PAGE}:8",
        r"expected one or both of positions, projects, got None",
    ),
    "skill-matrix-unknown-columns": Case(
        {PAGE: directive("```{skill-matrix}", ":columns: decades", "```")},
        f"{PAGE}:8",
        r"'columns': decades: \"decades\" unknown",
    ),
    "skill-matrix-unknown-category": Case(
        {PAGE: directive("```{skill-matrix}", ":category: Cooking", "```")},
        f"{PAGE}:7",
        r"unknown category 'Cooking'.*\[resume\.directive\]",
    ),
    "timeline-with-argument": Case(
        {PAGE: directive("```{timeline} everything", "```")},
        f"{PAGE}:7",
        r"'timeline': Has content, but none permitted",
    ),
    "career-summary-with-argument": Case(
        {PAGE: directive("```{career-summary} newest first", "```")},
        f"{PAGE}:7",
        r"'career-summary': Has content, but none permitted",
    ),
    "second-skill-index": Case(
        {PAGE: directive("```{skill-index}", "```")},
        "skills.md:17",
        r"more than one skill-index.*\[resume\.directive\]",
    ),
    "email-without-at": Case(
        {PAGE: directive("Write to {email}`nobody`.")},
        f"{PAGE}:7",
        r"'nobody' is not an e-mail address.*\[resume\.email\]",
    ),
    "moved-from-a-live-page": Case(
        {EMPLOYER: employer(*POSITION, "  moved_from: [page]"), PAGE: directive("Here.")},
        f"{EMPLOYER}:8",
        r"former address 'page' is a page of the site.*\[resume\.redirect\]",
    ),
    "moved-from-not-a-name": Case(
        {EMPLOYER: employer(*POSITION, "  moved_from: ['../up']")},
        f"{EMPLOYER}:8",
        r"moved_from #1 must be a document name.*\[resume\.redirect\]",
    ),
    "skill-role-unknown-skill": Case(
        {PAGE: directive("Knows {skill}`Cobol`.")},
        f"{PAGE}:7",
        r"skill 'Cobol' has no entry to link to \(not in the catalog, or no page has a skill-index\) \[resume\.skill\]",
    ),
}


def located(line: str) -> bool:
    """A warning that starts with ``path:line:``."""
    return re.match(r"^\S.*:\d+: WARNING: ", line) is not None


def cases() -> list:
    return [
        pytest.param(case, id=name, marks=[pytest.mark.xfail(strict=True, reason=case.bug)] if case.bug else [])
        for name, case in CASES.items()
    ]


@pytest.mark.parametrize("case", cases())
def test_broken_input_gives_a_located_warning(make_app, tmp_path: Path, case: Case) -> None:
    src = site(tmp_path, files=case.files)
    app = build(make_app, src, warningiserror=True)  # as sphinx-build -W
    output = app.status.getvalue() + app.warning.getvalue()
    found = warnings(app)
    assert "Traceback" not in output and "Exception occurred" not in output, output[-3000:]
    file, line = case.where.rsplit(":", 1)
    wanted = f"{src / file}:{line}: WARNING: "
    assert [w for w in found if w.startswith(wanted) and re.search(case.says, w)], (
        f"no warning at {case.where} matching {case.says!r}:\n" + "\n".join(found)
    )
    assert [w for w in found if not located(w)] == []
    for docname in sorted(app.env.found_docs):
        assert (app.outdir / f"{docname}.html").is_file(), f"{docname} was not written"
    assert app.statuscode != 0, "with -W the build must fail"


def test_every_warning_subtype_is_exercised() -> None:
    """Each subtype of the vocabulary (the authoring guide lists them all:
    tests/site/test_guide.py) has a case here, or a test named below."""
    documented = {f"resume.{member.value}" for member in Subtype}
    exercised = {".".join(m) for case in CASES.values() for m in re.findall(r"\\\[(\w+)\\\.(\w+)\\\]", case.says)}
    # A furo release the fast navigation does not know: tests/site/test_navigation.py.
    exercised.add("resume.navigation")
    # A two-page résumé too long to fit, found after LaTeX: tests/ext/test_brief_fit.py.
    exercised.add("resume.fit")
    assert documented and documented <= exercised, documented - exercised


# -- input that is legal but extreme ---------------------------------------------------


def test_a_10000_character_employer_name_builds_cleanly(make_app, tmp_path: Path) -> None:
    text = employer("  short: Long", *POSITION, body=f"# {LONG}\n\nStill here.\n")
    app = build(make_app, site(tmp_path, files={EMPLOYER: text}), warningiserror=True)
    assert warnings(app) == [] and app.statuscode == 0
    home = (app.outdir / "index.html").read_text("utf-8")  # on the timeline
    assert LONG in home and LONG in (app.outdir / f"{EMPLOYER[:-3]}.html").read_text("utf-8")


def test_an_empty_site_still_builds_every_directive(make_app, tmp_path: Path) -> None:
    """No employer, project or catalogue page at all, but every directive used."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "resume"]\nresume_as_of = "2012-04"\n', "utf-8")
    (src / "index.md").write_text(
        "# Nothing yet\n\n```{timeline}\n```\n\n```{skill-matrix}\n:group:\n```\n\n"
        "```{skill-index}\n```\n\n```{career-summary}\n:projects:\n```\n",
        "utf-8",
    )
    app = build(make_app, src, warningiserror=True)
    output = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in output and "Exception occurred" not in output, output[-3000:]
    assert warnings(app) == [] and app.statuscode == 0
    index = (app.outdir / "index.html").read_text("utf-8")
    for empty in (
        "No dated positions or projects to show.",
        "No skills to show.",
        "No project is tied to an employer yet.",
    ):
        assert empty in index


# -- the real command line ------------------------------------------------------------


@pytest.mark.parametrize("name", ["month-13", "unknown-employer", "skill-matrix-sort-banana"])
def test_sphinx_build_W_exits_non_zero(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    src = site(tmp_path, files=case.files)
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(EXT), os.environ.get("PYTHONPATH", "")])},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode != 0
    file, line = case.where.rsplit(":", 1)
    assert re.search(rf"{re.escape(str(src / file))}:{line}: WARNING: .*{case.says}", run.stderr), run.stderr
    assert "Traceback" not in run.stderr
