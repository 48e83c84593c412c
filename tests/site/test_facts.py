"""Every fact of the sources reaches the built HTML, and nothing private does.

No fact is typed here: the expectations are read from the sources, so an
author's edit changes them with the facts.

- Every page's own words: each run of text between two roles or substitutions
  of its Markdown (paragraphs, list items, headings, definitions) is found, as
  typed, on the page built from it; an include's words on some page.
- Its front matter: every name, title, summary, result, note and skill, and
  every start and end month as the site writes it ("August 2011"), on some
  page or in its description (an employer's summary is the two-page résumé's
  line, or the description of a page whose positions have their own).
- Every work of the bibliography: its title and its authors' last names.
- The person block of conf.py: name, label, e-mail and web address; the
  private details (address, phone) in no published file.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from pybtex.database import parse_file

from resume.core.dates import format_month, parse_month

from helpers import read_page
from site_fixtures import ROOT, site_config, source_pages

CONFIG = site_config()

# Directives whose body is Markdown shown as it is. Any other directive
# (toctree, include, the extension's own) draws its content from elsewhere.
SHOWN_AS_WRITTEN = {"{container}", "{note}", "{admonition}", "{tip}", "{epigraph}"}
# Front matter values that name things rather than state them: slugs of other
# pages, of directions, of engagements; a skill's other spellings; the page kind.
NAMES_NOT_FACTS = {"kind", "employer", "directions", "aliases", "engagement", "redirects", "read", "order"}
# Slips in the résumé that the site corrects. Only the editorial notes may quote
# them, since recording the original text is their purpose.
SLIPS = ["Peristein", "grof ", "turaround", "heterogenous", "high our premier", "an linearly"]
EDITORIAL_NOTES = "editorial-notes.html"


def _normalise(text: str) -> str:
    """Typography as smartquotes and the theme render it, closed up the same way on both sides."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u00ad": None})
    text = text.translate(table).replace("—", "---").replace("–", "--").replace("…", "...")
    return " ".join(text.split())


@cache
def _html_text(path: Path) -> str:
    # Not helpers.visible_text: that puts a space where each tag was, which
    # splits a run of words at every emphasis or link ("Alfred ’s").
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    for hidden in soup(["script", "style", "noscript", "template"]):
        hidden.decompose()
    return _normalise(soup.get_text(""))


@cache
def _parser() -> MarkdownIt:
    extensions = set(CONFIG["myst_enable_extensions"])
    return create_md_parser(MdParserConfig(enable_extensions=extensions), RendererHTML)


def _runs(inline: Token) -> Iterator[str]:
    """The runs of plain words of one inline token: broken at every role,
    substitution, image and raw HTML, whose output is not the source's text."""
    run: list[str] = []
    for child in inline.children or ():
        if child.type == "text" or child.type == "code_inline":
            run.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            run.append(" ")
        elif child.type.endswith(("_open", "_close")):
            continue  # emphasis and link text stay in the run
        else:
            yield "".join(run)
            run = []
    yield "".join(run)


def _body_runs(markdown: str) -> Iterator[str]:
    for token in _parser().parse(markdown):
        if token.type == "inline":
            yield from _runs(token)
        elif token.type in ("fence", "colon_fence") and token.info.split(" ")[0] in SHOWN_AS_WRITTEN:
            yield from _body_runs("\n".join(line for line in token.content.splitlines() if not line.startswith(":")))


def _front_matter_facts(value: object, key: str = "") -> Iterator[str]:
    if key in NAMES_NOT_FACTS:
        return
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _front_matter_facts(item, str(name))
    elif isinstance(value, list):
        for item in value:
            yield from _front_matter_facts(item, key)
    elif key in ("start", "end"):
        if str(value) != "ongoing":
            yield format_month(parse_month(value, is_end=key == "end"))
    elif isinstance(value, str):
        yield value


def _sources() -> list[Path]:
    """Every Markdown file the site is built from."""
    return sorted(
        path
        for pattern in ("*.md", "*/*.md")
        for path in ROOT.glob(pattern)
        if path.name != "README.md"
        and path.parts[len(ROOT.parts)] not in {"guide", "tests", "node_modules", "benchmarks"}
    )


def _facts() -> list[tuple[str, str]]:
    """(where, fact) for every fact of every source: the built page it must be
    on ("" for any page), and the fact."""
    found: dict[tuple[str, str], None] = {}
    for path in _sources():
        source = path.relative_to(ROOT).as_posix()
        meta, body = read_page(path)
        page = "" if source.startswith("_includes/") else Path(source).with_suffix(".html").as_posix()
        found.update(dict.fromkeys(("", _normalise(fact)) for fact in _front_matter_facts(meta)))
        found.update(dict.fromkeys((page, _normalise(run)) for run in _body_runs(body)))
    return [(page, fact) for page, fact in found if re.search(r"\w", fact)]


FACTS = _facts()


@cache
def _site_text(site_html: Path) -> str:
    """Every page's text, and its description for link previews (where an
    employer's summary goes when each position has its own)."""
    texts = []
    for page in sorted(site_html.rglob("*.html")):
        description = BeautifulSoup(page.read_text("utf-8"), "html.parser").find("meta", attrs={"name": "description"})
        texts += [_html_text(page), _normalise(str(description["content"])) if description else ""]
    return "\n".join(texts)


def test_every_page_has_facts_and_every_employer_its_months() -> None:
    """The reading above finds words on every page, so an empty list cannot pass."""
    pages = {page for page, _ in FACTS}
    built = {path.relative_to(ROOT).with_suffix(".html").as_posix() for path in _sources()}
    assert built - {"404.html"} - {p for p in built if p.startswith("_includes/")} <= pages
    months = [fact for _, fact in FACTS if re.fullmatch(r"[A-Z][a-z]+ \d{4}", fact)]
    assert len(months) >= len(source_pages(ROOT, "employer")), months


@pytest.mark.parametrize(("page", "fact"), FACTS, ids=[f"{p or 'site'}-{i}" for i, (p, _) in enumerate(FACTS)])
def test_every_fact_of_the_sources_is_on_the_site(site_html: Path, page: str, fact: str) -> None:
    text = _html_text(site_html / page) if page else _site_text(site_html)
    assert fact in text, f"{fact!r} is not on {page or 'any page'}"


WORKS = parse_file(ROOT / "references.bib").entries


def _bibtex_text(bibtex: str) -> str:
    return _normalise(bibtex.replace("{", "").replace("}", "").replace("\\_", "_"))


@pytest.mark.parametrize("key", list(WORKS))
def test_every_work_of_the_bibliography_is_on_the_site(site_html: Path, key: str) -> None:
    work, text = WORKS[key], _site_text(site_html)
    assert _bibtex_text(work.fields["title"]).casefold() in text.casefold()  # as the style capitalizes it
    for author in work.persons.get("author", []):
        assert _bibtex_text(" ".join(author.last_names)) in text


def test_the_person_block_is_on_the_home_page(site_html: Path) -> None:
    basics = CONFIG["resume_basics"]
    html = BeautifulSoup((site_html / "index.html").read_text("utf-8"), "html.parser")
    text = _html_text(site_html / "index.html")
    for fact in (CONFIG["author"], basics["label"], basics["url"]):
        assert _normalise(fact) in text, fact
    # The address is spelt out in words for people and written in full in the link.
    assert html.find("a", href=f"mailto:{basics['email']}"), basics["email"]


def test_every_employer_and_project_has_a_page(site_html: Path) -> None:
    """As many pages as the sources have: adding a job or a project keeps this true."""
    for folder, kind in (("experience", "employer"), ("projects", "project")):
        built = {p.relative_to(site_html).with_suffix("").as_posix() for p in (site_html / folder).glob("*.html")}
        assert built - {f"{folder}/index"} == source_pages(ROOT, kind)


PRIVATE = sorted(str(value) for value in CONFIG["resume_basics"].get("private", {}).values())


def test_there_are_private_details_to_keep_out() -> None:
    assert PRIVATE


@pytest.mark.parametrize("private", PRIVATE)
def test_private_details_stay_out_of_the_default_build(site_html: Path, private: str) -> None:
    leaks = [
        path.relative_to(site_html).as_posix()
        for path in site_html.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".js", ".txt", ".md", ".json", ".xml", ".inv"}
        and private in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert not leaks, f"{private!r} is published in {leaks}"


@pytest.mark.parametrize("slip", SLIPS)
def test_slips_are_corrected(site_html: Path, slip: str) -> None:
    found = [
        page.relative_to(site_html).as_posix()
        for page in site_html.rglob("*.html")
        if page.name != EDITORIAL_NOTES and slip in _html_text(page)
    ]
    assert not found, f"{slip!r} appears on {found}"


def test_editorial_notes_record_the_slips(site_html: Path) -> None:
    notes = _html_text(site_html / EDITORIAL_NOTES)
    for slip in SLIPS:
        assert slip.strip() in notes, slip


def test_no_page_but_the_notes_mixes_cyrillic_into_latin_text(site_html: Path) -> None:
    """The résumé's "CTO" was typed with Cyrillic letters; the notes quote it, no other page may."""
    cyrillic = re.compile("[\u0400-\u04ff]")
    found = [
        page.relative_to(site_html).as_posix()
        for page in site_html.rglob("*.html")
        if page.name != EDITORIAL_NOTES and cyrillic.search(_html_text(page))
    ]
    assert not found, f"Cyrillic letters on {found}"


def test_every_employer_and_project_is_two_clicks_from_the_index(site_html: Path) -> None:
    """A breadth-first walk over the links a reader can click, from the home page."""
    depth = {"index.html": 0}
    frontier = ["index.html"]
    for clicks in (1, 2):
        reached = []
        for page in frontier:
            soup = BeautifulSoup((site_html / page).read_text(encoding="utf-8"), "html.parser")
            for link in soup.find_all("a", href=True):
                href = str(link["href"]).split("#")[0]
                if not href or "://" in href or href.startswith("mailto:"):
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
                if (site_html / target).is_file() and target not in depth:
                    depth[target] = clicks
                    reached.append(target)
        frontier = reached
    pages = [
        p.relative_to(site_html).as_posix()
        for folder in ("experience", "projects")
        for p in (site_html / folder).glob("*.html")
    ]
    far = sorted(p for p in pages if depth.get(p, 99) > 2)
    assert not far, f"more than two clicks from the index: {far}"
