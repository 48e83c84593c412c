"""Following the authoring guide literally keeps the site and its tests green.

A copy of the whole site gets the guide's own example job and project, written
and listed exactly as its checklists say; the strict build must pass, the new
pages must reach the home page, the career summaries and the two-page résumé,
and the page counts that ``test_facts`` checks must still hold. Then the job
ends, as its checklist says, and the incremental build stays clean and does
not claim that the configuration changed; then the edition date moves on and
no page speaks from the old month. Last, the site's own checks of its outputs
run on the edited copy.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from resume.core.dates import format_month_numeric, parse_month
from resume.core.vocabulary import Subtype

from helpers import page_title
from site_fixtures import ROOT, STRICT, build_environment, site_config, source_pages

GUIDE = (ROOT / "guide" / "authoring.md").read_text("utf-8")
# The checks of this career's outputs that an author's edit could break if they
# named facts instead of reading them from the sources.
SITE_CHECKS = [
    "test_documents.py",
    "test_reading.py",
    "test_sharing.py",
    "test_facts.py",
    "test_claims_site.py",
    "test_faithful_statements.py",
    "test_reader_pages.py",
    "test_ats_layout.py",
    "test_word_resumes.py",
]
IGNORE = shutil.ignore_patterns(".*", "_build", "node_modules", "test-artifacts", "__pycache__", "tests", "benchmarks")


def section(title: str) -> str:
    return GUIDE.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def example(title: str) -> tuple[str, str]:
    """The file the guide's section names for its example, and the page it shows."""
    text = section(title)
    path = re.search(r"for\s+example,?[^`]*`([a-z/-]+\.md)`", text, re.IGNORECASE)
    block = re.search(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert path and block, f"the guide's '{title}' has no example file and page"
    return path[1], block[1]


def add_to_toctree(index: Path, entry: str) -> None:
    """The new page first in the index's toctree: newest first (both examples are the newest)."""
    text = index.read_text("utf-8")
    toctree = re.search(r"```\{toctree\}\n(?::.*\n)*\n", text)
    assert toctree, index
    index.write_text(text[: toctree.end()] + f"{entry}\n" + text[toctree.end() :], "utf-8")


def apply_order(src: Path, warnings: str) -> int:
    """Write each toctree in the order its ``resume.order`` warning gives; how many were rewritten."""
    found = re.findall(
        r"^(\S+?):(\d+): WARNING: the toctree lists .*; list them as (.+) \[resume\.order\]$", warnings, re.M
    )
    for path, _, order in found:
        names = order.split(", ")
        lines = Path(path).read_text("utf-8").splitlines(keepends=True)
        places = [i for i, line in enumerate(lines) if line.strip() in names]
        for place, name in zip(places, names, strict=True):
            lines[place] = name + "\n"
        Path(path).write_text("".join(lines), "utf-8")
    return len(found)


def strict_html(src: Path, out: Path) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        *STRICT,
        "-d",
        str(out.parent / "doctrees"),
        str(src),
        str(out),
    ]
    run = subprocess.run(command, env=build_environment(), capture_output=True, text=True, check=False)
    # The console says what matters: no debug dump of myst-parser's settings.
    assert "MdParserConfig(" not in run.stdout
    return run


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("guide") / "site"
    shutil.copytree(ROOT, src, ignore=IGNORE)
    return src


@pytest.mark.slow
def test_adding_the_guides_job_and_project_keeps_the_build_and_the_counts_green(copy: Path) -> None:
    employer_file, employer_page = example("Add an employer")
    project_file, project_page = example("Add a project")
    (copy / employer_file).write_text(employer_page, "utf-8")
    (copy / project_file).write_text(project_page, "utf-8")
    add_to_toctree(copy / "experience/index.md", Path(employer_file).stem)
    add_to_toctree(copy / "projects/index.md", Path(project_file).stem)

    out = copy / "_build" / "html"
    run = strict_html(copy, out)
    assert run.returncode == 0, run.stderr[-5000:]

    employer = Path(employer_file).with_suffix("").as_posix()
    project = Path(project_file).with_suffix("").as_posix()
    name = page_title(copy / employer_file)
    for kind, folder in (("employer", "experience"), ("project", "projects")):
        built = {p.relative_to(out).with_suffix("").as_posix() for p in (out / folder).glob("*.html")}
        assert built - {f"{folder}/index"} == source_pages(copy, kind)
    assert employer in source_pages(copy, "employer") and project in source_pages(copy, "project")
    for doc in ("index", "brief", "experience/index", "projects/index", project):
        assert name in (out / f"{doc}.html").read_text("utf-8"), doc
    assert f"(ongoing as of {site_config()['today']})" in (out / f"{employer}.html").read_text("utf-8")

    # A job ends: `end: ongoing` becomes its last month; the next build stays clean.
    page = copy / employer_file
    ended = format_month_numeric(parse_month(site_config()["resume_as_of"]) - 2)  # two months before the as-of date
    page.write_text(page.read_text("utf-8").replace("end: ongoing", f"end: {ended}", 1), "utf-8")
    run = strict_html(copy, out)
    assert "The configuration has changed" not in run.stdout  # nothing in conf.py was
    assert "1 changed, 0 removed" in run.stdout
    # Other positions are still ongoing: the guide's step, the toctrees in the order the build gives.
    if run.returncode != 0:
        assert apply_order(copy, run.stderr), run.stderr[-5000:]
        run = strict_html(copy, out)
    assert run.returncode == 0, run.stderr[-5000:]
    assert "ongoing" not in (out / f"{employer}.html").read_text("utf-8")

    # The edition date moves on, as its checklist says: every page speaks from the new month.
    conf = copy / "conf.py"
    old = re.search(r'^resume_as_of = "(\d{4})-(\d{2})"$', conf.read_text("utf-8"), re.MULTILINE)
    assert old, "conf.py sets no resume_as_of"
    before = datetime.date(int(old[1]), int(old[2]), 1)
    after = (before + datetime.timedelta(days=31)).replace(day=1)
    conf.write_text(conf.read_text("utf-8").replace(old[0], f'resume_as_of = "{after:%Y-%m}"'), "utf-8")
    run = strict_html(copy, out)
    assert run.returncode == 0, run.stderr[-5000:]
    pages = {p: p.read_text("utf-8") for p in out.rglob("*.html")}
    assert not [p for p, text in pages.items() if f"as of {before:%B %Y}" in text]
    assert [p for p, text in pages.items() if f"as of {after:%B %Y}" in text]

    # The site's own checks of its outputs (PDFs, ePub, pages, previews) pass on the
    # edited copy: they take every expectation from the sources.
    shutil.copytree(ROOT / "tests", copy / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    checks = [f"tests/site/{name}" for name in SITE_CHECKS]
    run = subprocess.run(
        # (Ace checks the ePub's markup, which no fact changes, and needs the npm packages.)
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "not ace_by_daisy", *checks],
        cwd=copy,
        env={**build_environment(), "CI": "true"},  # a missing tool fails, as in CI
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


def test_the_guide_lists_exactly_the_warning_vocabulary() -> None:
    """The guide's table of warnings: every subtype with its own description, in order."""
    section = GUIDE.split("\n## Warnings\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| (.+) \|$", section, flags=re.MULTILINE)
    assert rows == [(f"resume.{member.value}", member.__doc__) for member in Subtype]
