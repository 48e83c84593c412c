"""The site claims no skill years and no project duration the résumé does not
state (issue 21): expectations from the sources' front matter."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from helpers import visible_text
from site_fixtures import ROOT, poppler


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n", 2)[1])["resume"]


CATALOGUE = _front(ROOT / "skills.md")
STATED = {
    skill["name"]: skill["years"]
    for category in CATALOGUE["categories"]
    for skill in category["skills"]
    if "years" in skill
}
PROJECTS = {path.stem: _front(path) for path in sorted((ROOT / "projects").glob("*.md")) if path.stem != "index"}
UNDATED = sorted(slug for slug, meta in PROJECTS.items() if "start" not in meta)
YEARS = re.compile(r"(\d+(?:\.\d+)?) years?\b")
DURATION = re.compile(r"\d+ (?:years?|months?)\b")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def assert_only_stated_years(text: str, where: str) -> None:
    """Every "N years" is a stated figure, next to the skill it is stated for."""
    assert STATED, "the catalogue states no years: nothing to check against"
    assert not re.search(r"~\s?\d", text), f"{where}: a computed ~ figure"
    assert " in all" not in text, f"{where}: a summed time of use"
    for found in YEARS.finditer(text):
        before = text[max(0, found.start() - 80) : found.start()]
        owners = [name for name, years in STATED.items() if _number(years) == found[1] and name in before]
        assert owners, f"{where}: {text[max(0, found.start() - 60) : found.end()]!r} is not a stated figure"


def test_the_skills_page_shows_stated_years_or_a_labelled_span(site_html: Path) -> None:
    text = visible_text((site_html / "skills.html").read_text("utf-8"))
    assert_only_stated_years(text, "skills.html")
    for name, years in STATED.items():
        assert f"{_number(years)} years" in text, name
    assert re.search(r"in use \d{4}–\d{4}", text) and re.search(r"In use \d{4}(–\d{4})?, on:", text)


@pytest.mark.parametrize("page", ["brief.html", "index.html"])
def test_the_briefs_and_the_home_page_show_stated_years_only(site_html: Path, page: str) -> None:
    assert_only_stated_years(visible_text((site_html / page).read_text("utf-8")), page)


def test_the_epub_skills_page_shows_stated_years_only(site_epub: Path) -> None:
    with zipfile.ZipFile(site_epub) as epub:
        name = next(n for n in epub.namelist() if n.endswith("skills.xhtml"))
        text = visible_text(epub.read(name).decode("utf-8"))
    assert_only_stated_years(text, name)


def test_no_undated_project_page_shows_a_duration(site_html: Path) -> None:
    assert UNDATED, "every project is dated: nothing to check"
    for slug in UNDATED:
        html = (site_html / "projects" / f"{slug}.html").read_text("utf-8")
        article = visible_text(html.split('role="main"', 1)[-1].split("</article>", 1)[0])
        assert not DURATION.search(article), f"{slug}: {DURATION.search(article)}"
        assert "Period: no dates of its own; within the position" in article, slug
        data = [
            json.loads(block)
            for block in re.findall(r'<script type="application/ld\+json">\s*(.*?)</script>', html, re.S)
        ]
        assert data and all("temporalCoverage" not in json.dumps(d) for d in data), slug


def test_a_dated_project_page_shows_its_own_dates() -> None:
    """Every dated project gives start (and end) in its front matter: the page
    shows them, so a duration there is the dates' own length."""
    for slug, meta in PROJECTS.items():
        if "start" in meta:
            assert str(meta["start"])[:4].isdigit(), slug


def test_the_book_shows_stated_years_only_on_the_skills_pages(site_pdf: Path) -> None:

    text = poppler("pdftotext", str(site_pdf), "-")
    pages = [" ".join(page.split()) for page in text.split("\f")]
    skills = [page for page in pages if "Skills by employer" in page or "Skills index" in page]
    assert skills, "no skills pages in the book"
    for page in skills:
        assert_only_stated_years(page, "the book's skills pages")
    assert any("in use" in page for page in skills)
