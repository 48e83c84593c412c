"""What a reader of the built site sees first: results, order, self-contained
project pages, "as of" dates, navigation and faithful prose.

The expectations come from the sources (front matter, toctrees), never from a
copy of the output: a result added to a page must show up in every place.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from resume.core.dates import Period, format_month_short, format_years_span, parse_month
from resume.site.settings import ABOUT_PAGES

from browser import SCHEMES, open_page, screenshot_path
from helpers import page_title, read_page, toctree, visible_text
from site_fixtures import ROOT, site_config

AS_OF = f"as of {site_config()['today']}"  # the month the résumé speaks from
AS_OF_SHORT = f"as of {format_month_short(parse_month(site_config()['resume_as_of']))}"
ONGOING = [
    f"experience/{path.stem}.html"
    for path in sorted((ROOT / "experience").glob("*.md"))
    if any(p.get("end") == "ongoing" for p in read_page(path)[0].get("positions", []))
]


PROJECT_ORDER = toctree(ROOT / "projects" / "index.md")
EMPLOYER_ORDER = toctree(ROOT / "experience" / "index.md")
FIRST_DIRECTION = next(iter(site_config()["resume_directions"]))
PROJECTS = {slug: read_page(ROOT / "projects" / f"{slug}.md") for slug in PROJECT_ORDER}
RESULTS = {slug: meta["result"] for slug, (meta, _) in PROJECTS.items() if "result" in meta}


def html_text(site: Path, page: str) -> str:
    return visible_text((site / page).read_text("utf-8"))


def article(site: Path, page: str) -> str:
    html = (site / page).read_text("utf-8")
    return visible_text(html[html.index("<article") : html.index("</article>")])


def figures(sentence: str) -> set[str]:
    """The numbers a result states: ``5x``, ``2500``, ``400``, ``100%``, …"""
    return set(re.findall(r"\d+(?:\.\d+)?(?:x|%)?", sentence))


# -- 1. results up front, derived --------------------------------------------------------


def test_a_figure_is_typed_once(site_html: Path) -> None:
    for slug, result in RESULTS.items():
        meta, body = PROJECTS[slug]
        for figure in figures(result):
            assert not re.search(rf"\b{re.escape(figure)}", body), f"{slug}: {figure} in the body"
            assert figure not in meta.get("summary", ""), f"{slug}: {figure} in the summary"


def test_the_home_page_highlights_every_result_in_the_authors_order(site_html: Path) -> None:
    """Every result in the author's order, under its employer, named once."""
    soup = BeautifulSoup((site_html / "index.html").read_text("utf-8"), "html.parser")
    highlights = soup.select_one("ul.resume-highlights")
    assert highlights is not None
    groups = highlights.find_all("li", recursive=False)
    headings = [group.p.get_text(" ", strip=True) for group in groups if group.p]
    assert len(headings) == len(groups)
    shown = [item.get_text(" ", strip=True) for group in groups for item in group.select("ul > li")]
    employers = EMPLOYER_ORDER
    expected = sorted(RESULTS, key=lambda s: (employers.index(PROJECTS[s][0]["employer"]), PROJECT_ORDER.index(s)))
    assert len(shown) == len(expected)
    for item, slug in zip(shown, expected, strict=True):
        assert item.startswith(RESULTS[slug]), item
    named = list(dict.fromkeys(PROJECTS[slug][0]["employer"] for slug in expected))
    assert len(headings) == len(named)
    for heading, slug in zip(headings, named, strict=True):
        assert heading.startswith(page_title(ROOT / "experience" / f"{slug}.md")), (heading, slug)


def test_each_result_is_on_its_employers_page_and_its_own(site_html: Path) -> None:
    for slug, result in RESULTS.items():
        employer = PROJECTS[slug][0]["employer"]
        assert result in article(site_html, f"experience/{employer}.html"), slug
        own = article(site_html, f"projects/{slug}.html")
        assert f"Result: {result}" in own, slug


# -- 2. the author's order ---------------------------------------------------------------


def linked_projects(html: str) -> list[str]:
    return re.findall(r'href="(?:\.\./projects/|\.\./)?(?:projects/)?([a-z0-9-]+)\.html"', html)


@pytest.mark.parametrize("employer", EMPLOYER_ORDER)
def test_an_employers_projects_follow_the_projects_toctree(site_html: Path, employer: str) -> None:
    html = (site_html / "experience" / f"{employer}.html").read_text("utf-8")
    box = html[html.index('class="resume-summary') : html.index("</article>")]
    expected = [s for s in PROJECT_ORDER if PROJECTS[s][0]["employer"] == employer]
    shown = list(dict.fromkeys(s for s in linked_projects(box) if s in PROJECTS))
    assert shown == expected


@pytest.mark.parametrize("page", ["projects/index.html", "brief.html", f"brief-{FIRST_DIRECTION}.html"])
def test_the_overview_and_the_briefs_list_projects_in_the_authors_order(site_html: Path, page: str) -> None:
    html = (site_html / page).read_text("utf-8")
    body = html[html.index("<article") :]
    if "resume-highlights" in body:  # a brief's highlights come first, by design
        body = body[body.index("</ul>", body.index("resume-highlights")) :]
    shown = list(dict.fromkeys(s for s in linked_projects(body) if s in PROJECTS))
    employers = EMPLOYER_ORDER
    # A tailored brief lists each employer's lines of its direction first.
    direction = page.removesuffix(".html").removeprefix("brief-") if page.startswith("brief-") else None

    def aside(slug: str) -> bool:
        return direction is not None and direction not in PROJECTS[slug][0].get("directions", [])

    expected = sorted(
        PROJECT_ORDER,
        key=lambda s: (employers.index(PROJECTS[s][0]["employer"]), aside(s), PROJECT_ORDER.index(s)),
    )
    if page == "projects/index.html":
        assert shown == expected
    else:  # a selection, in the same order
        assert shown and shown == [s for s in expected if s in shown]


# -- 3. a project page stands alone ------------------------------------------------------


@pytest.mark.parametrize("slug", PROJECT_ORDER)
def test_a_project_page_says_who_where_when_and_what_came_of_it(site_html: Path, slug: str) -> None:
    meta, body = PROJECTS[slug]
    html = (site_html / "projects" / f"{slug}.html").read_text("utf-8")
    box = html[html.index('class="resume-summary') :].split("</dl>", 1)[0]
    text = visible_text(box)
    employer = meta["employer"]
    assert re.search(rf'href="\.\./experience/{employer}\.html"', box), "employer not linked"
    assert re.search(r"Positions?:", text)
    assert re.search(r"Period: (\w+ \d{4}|no dates of its own; within the positions? held)", text)
    if "summary" in meta:
        assert meta["summary"].replace("'", "’") in text.replace("'", "’")
    if "result" in meta:
        assert f"Result: {meta['result']}" in text
    for skill in meta.get("skills", []):
        assert skill in text
    if "cite" in body:
        works = html[html.index('id="works-cited"') :]
        assert 'class="footnote-list' in works or "footnote" in works


def test_an_undated_project_shows_the_period_of_its_position(site_html: Path) -> None:
    as_of = parse_month(site_config()["resume_as_of"])
    checked = 0
    for slug, (meta, _) in PROJECTS.items():
        if "position" not in meta or "start" in meta:
            continue
        positions = read_page(ROOT / "experience" / f"{meta['employer']}.md")[0]["positions"]
        held = next(p for p in positions if p["title"] == meta["position"])
        ongoing = held["end"] == "ongoing"
        end = as_of if ongoing else parse_month(held["end"], is_end=True)
        years = format_years_span(Period(parse_month(held["start"]), end, ongoing))
        text = article(site_html, f"projects/{slug}.html")
        assert f"Position: {meta['position']}" in text, slug
        assert f"Period: no dates of its own; within the position held {years}" in text, slug
        checked += 1
    assert checked, "no undated project names its position: nothing to check"


# -- 4. "as of" wherever an ongoing role is shown ----------------------------------------


@pytest.mark.parametrize("page", ["index.html", "brief.html", "experience/index.html", *ONGOING])
def test_an_ongoing_role_says_as_of_when(site_html: Path, page: str) -> None:
    text = article(site_html, page)
    assert AS_OF in text or AS_OF_SHORT in text
    assert not re.search(r"\bpresent\b(?! \(as of)", text), "a 'present' without its date"


# -- 7. navigation for readers -----------------------------------------------------------

#: The pages about the site, and which of them the book and the ePub carry.
ABOUT = {docname: in_books for docname, _, in_books in ABOUT_PAGES if (ROOT / f"{docname}.md").is_file()}
BOOK_ABOUT = [docname for docname, in_books in ABOUT.items() if in_books]


def test_the_pages_about_the_site_are_in_the_footer_not_the_navigation(site_html: Path) -> None:
    for page, prefix in (("index.html", ""), ("projects/index.html", "../")):
        html = (site_html / page).read_text("utf-8")
        sidebar = html[html.index('class="sidebar-tree"') :].split("</div>", 1)[0]
        footer = html[html.index('<nav class="resume-about"') :].split("</nav>", 1)[0]
        for about in ABOUT:
            if (site_html / f"{about}.html").exists():
                assert f'href="{prefix}{about}.html"' not in sidebar, (page, about)
                assert f'href="{prefix}{about}.html"' in footer, (page, about)


def test_the_book_carries_only_the_colophon_as_an_appendix(site_latex: Path) -> None:
    book = next(
        target for source, target, *_ in site_config()["latex_documents"] if source == site_config()["root_doc"]
    )
    tex = (site_latex / book).read_text("utf-8")
    appendix = tex.index("\\appendix")
    for page, in_books in ABOUT.items():
        label = f"\\label{{\\detokenize{{{page}::doc}}}}"
        assert (tex.index(label) > appendix) if in_books else (label not in tex), page
    assert tex.index("\\chapter{Introduction}") < tex.index("\\chapter{Experience}") < appendix


def test_the_epub_ends_with_the_pages_about_the_site_it_carries(site_epub: Path) -> None:
    import zipfile

    with zipfile.ZipFile(site_epub) as epub:
        nav = epub.read("EPUB/nav.xhtml" if "EPUB/nav.xhtml" in epub.namelist() else "nav.xhtml").decode()
        names = epub.namelist()
    targets = re.findall(r'href="([^"#]+)', nav)
    assert targets[len(targets) - len(BOOK_ABOUT) :] == [f"{page}.xhtml" for page in BOOK_ABOUT]
    assert all(targets.count(f"{page}.xhtml") == 1 for page in BOOK_ABOUT)
    for page in set(ABOUT) - set(BOOK_ABOUT):
        assert f"{page}.xhtml" not in names and f"EPUB/{page}.xhtml" not in names, page


# -- 8. faithful prose -------------------------------------------------------------------

INVENTED = [
    "only as good as its spelling",
    "only as fast as its slowest setup",
    "other people relied on",
    "according to the résumé",
    "as the résumé puts it",
    "The résumé adds",
    "is seeking",
    "leave the desk behind",
    "not a job but a trust",
    "has one constant",
]


def test_no_invented_motive_judgment_or_hedge(site_html: Path) -> None:
    pages = [p for p in site_html.rglob("*.html") if not p.relative_to(site_html).parts[0].startswith("_")]
    for path in pages:
        if path.name in ("editorial-notes.html",) or "guide" in path.parts:
            continue
        text = visible_text(path.read_text("utf-8"))
        for phrase in INVENTED:
            assert phrase not in text, f"{path.relative_to(site_html)}: {phrase!r}"


# Skills an earlier version of the site put on projects whose text does not name them.
UNTIED = {
    "apache-configuration-system": "Git",
    "okcupid-reliability": "Distributed systems",
    "companion-servers": "Distributed systems",
}


@pytest.mark.parametrize(("slug", "skill"), UNTIED.items())
def test_no_skill_on_a_project_the_resume_does_not_tie_to_it(slug: str, skill: str) -> None:
    meta = PROJECTS.get(slug, ({}, ""))[0]  # a page since removed makes no claim
    assert skill not in meta.get("skills", [])


# -- layout: the new boxes in a real browser ---------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    "page", ["index.html", f"projects/{PROJECT_ORDER[0]}.html", f"experience/{EMPLOYER_ORDER[0]}.html"]
)
def test_highlights_and_summary_boxes_fit_the_window(browser, base: str, page: str, width: int, scheme: str) -> None:
    with open_page(browser, scheme=scheme, width=width) as tab:
        tab.goto(base + page, wait_until="load")
        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
        selector = ".resume-highlights" if page == "index.html" else ".resume-summary"
        box = tab.locator(selector).first
        assert box.is_visible()
        clipped = box.evaluate(
            "e => [...e.querySelectorAll('*')].filter(c => c.getBoundingClientRect().right"
            " > document.documentElement.clientWidth + 0.5).length"
        )
        assert clipped == 0
        if selector == ".resume-summary":
            # Its labels keep clear of its border.
            inset = box.evaluate(
                "e => e.querySelector('dt').getBoundingClientRect().left - e.getBoundingClientRect().left"
            )
            assert inset >= 8, f"the summary box's labels are {inset}px from its border"
        name = f"reading-{page.replace('/', '-').removesuffix('.html')}-{width}-{scheme}"
        tab.screenshot(path=str(screenshot_path(name)), full_page=False)


FIRST_SCREEN = """(label) => {
  const article = document.querySelector('article');
  const bottom = (e) => e ? e.getBoundingClientRect().bottom + window.scrollY : null;
  const labelled = [...article.querySelectorAll('p')].find((p) => p.textContent.trim() === label);
  return {
    label: bottom(labelled),
    email: bottom(article.querySelector('a.resume-email')),
    resume: bottom(article.querySelector('a[href="brief.html"]')),
    highlights: article.querySelector('#highlights').getBoundingClientRect().top + window.scrollY,
  };
}"""


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_home_page_opens_on_name_label_contact_and_the_resume(browser, base: str, width: int, height: int) -> None:
    """A recruiter's first screen: who, how to reach them, the two-page résumé; then the highlights."""
    label = site_config()["resume_basics"]["label"]
    with open_page(browser, width=width) as tab:
        tab.set_viewport_size({"width": width, "height": height})
        tab.goto(base + "index.html", wait_until="load")
        seen = tab.evaluate(FIRST_SCREEN, label)
    for what in ("label", "email", "resume"):
        assert seen[what] is not None, f"the home page shows no {what}"
        assert seen[what] <= height, f"the {what} is below the first screen at {width}x{height}: {seen}"
        assert seen[what] <= seen["highlights"], f"the {what} comes after the highlights: {seen}"
