"""Readers get reader pages, and the ePub is accessible.

The authoring guide stays a file of the repository for authors; the book and
the ePub hold the career (not a second copy of the two-page résumé, not an
empty index); the ePub passes Ace by DAISY and EPUBCheck."""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from helpers import read_page, visible_text
from site_fixtures import ROOT, require_tool, site_config

GUIDE = "guide/authoring"


def _book_tex(site_latex: Path) -> str:
    config = site_config()
    target = next(t for source, t, *_ in config["latex_documents"] if source == config["root_doc"])
    return (site_latex / target).read_text("utf-8")


def _epub_pages(site_epub: Path) -> dict[str, str]:
    with zipfile.ZipFile(site_epub) as epub:
        return {name: epub.read(name).decode("utf-8") for name in epub.namelist() if name.endswith(".xhtml")}


def test_the_guide_is_a_repository_file_for_authors_not_a_reader_page(site_html: Path) -> None:
    assert (ROOT / f"{GUIDE}.md").is_file()
    assert not (site_html / f"{GUIDE}.html").exists()
    sitemap = site_html / "sitemap.xml"
    if sitemap.exists():
        assert "authoring" not in sitemap.read_text("utf-8")
    index = (site_html / "index.html").read_text("utf-8")
    assert f"{GUIDE}.html" not in index


def test_the_book_has_neither_the_guide_nor_the_two_page_resume(site_latex: Path) -> None:
    tex = _book_tex(site_latex)
    assert f"\\label{{\\detokenize{{{GUIDE}::doc}}}}" not in tex
    assert "\\label{\\detokenize{brief::doc}}" not in tex
    # It names itself a book, never the ePub.
    assert "this ePub" not in tex
    assert "this\ncareer book" in tex or "this career book" in tex


def test_the_epub_has_no_guide_no_index_and_no_scroll_cue(site_epub: Path) -> None:
    pages = _epub_pages(site_epub)
    assert not any("authoring" in name for name in pages)
    assert not any(name.endswith("genindex.xhtml") for name in pages)
    assert not any("resume-scroll-cue" in text for text in pages.values())


def test_the_bibliography_is_called_sources(site_html: Path) -> None:
    html = (site_html / "references.html").read_text("utf-8")
    assert re.search(r"<h1>Sources", html)


def test_every_epub_page_names_its_language_and_the_package_its_accessibility(site_epub: Path) -> None:
    language = site_config()["language"] or "en"
    for name, text in _epub_pages(site_epub).items():
        tag = re.search(r"<html[^>]*>", text)
        assert tag, name
        assert f'lang="{language}"' in tag[0] and f'xml:lang="{language}"' in tag[0], name
    with zipfile.ZipFile(site_epub) as epub:
        opf = next(epub.read(n).decode() for n in epub.namelist() if n.endswith(".opf"))
    for field in ("accessMode", "accessModeSufficient", "accessibilityFeature", "accessibilityHazard"):
        assert f'property="schema:{field}"' in opf, field
    assert 'property="schema:accessibilitySummary"' in opf


@pytest.mark.slow
def test_ace_by_daisy_finds_no_violation_in_the_epub(site_epub: Path, tmp_path: Path) -> None:
    node = require_tool("node")
    chromium = require_tool("chromium")
    ace = ROOT / "node_modules" / "@daisy" / "ace-cli" / "bin" / "ace.js"
    assert ace.is_file(), "npm install provides @daisy/ace"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium}
    run = subprocess.run(
        [node, str(ace), "--silent", "--outdir", str(tmp_path / "ace"), str(site_epub)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads((tmp_path / "ace" / "report.json").read_text("utf-8"))
    violations = [
        f"{page['earl:testSubject']['url']}: {check['earl:test']['dct:title']}"
        for page in report["assertions"]
        for check in page["assertions"]
    ]
    assert violations == [], "\n".join(violations) + run.stderr[-2000:]
    assert report["earl:result"]["earl:outcome"] == "pass"


def test_the_book_opens_each_project_with_one_line_not_a_box_of_fields(site_latex: Path) -> None:
    tex = _book_tex(site_latex)
    projects = [p.stem for p in (ROOT / "projects").glob("*.md") if p.stem != "index"]
    assert projects
    # Employer pages keep their box (Position, Duration); project pages have no Employer field.
    assert "\\sphinxlineitem{Employer}" not in tex
    assert "\\sphinxlineitem{Period}" not in tex
    assert "\\sphinxlineitem{Duration}" in tex
    assert tex.count("—") >= len(projects)


def test_the_epub_opens_each_project_with_one_line(site_epub: Path) -> None:
    pages = _epub_pages(site_epub)
    projects = [name for name in pages if name.startswith(("projects/", "EPUB/projects/"))]
    projects = [name for name in projects if not name.endswith("index.xhtml")]
    assert projects
    for name in projects:
        assert "resume-project-line" in pages[name], name
        assert "Employer" not in re.sub(r"<[^>]+>", "", pages[name].split("<h1", 1)[1].split("</p>", 1)[0]), name


def test_the_epub_does_not_repeat_the_two_page_resume(site_epub: Path) -> None:
    pages = _epub_pages(site_epub)
    assert not any(name.endswith("brief.xhtml") for name in pages)
    assert not any('href="brief.xhtml"' in text for text in pages.values())


def test_text_made_from_front_matter_has_typographic_quotes(site_html: Path) -> None:
    """A summary with straight quotes in its front matter reads with curly ones
    wherever the extension prints it, as the pages' own text does."""
    quoted = [
        meta["summary"]
        for path in sorted((ROOT / "experience").glob("*.md"))
        if '"' in (meta := read_page(path)[0]).get("summary", "")
    ]
    assert quoted, "no summary in the sources has a straight quote to test"
    pages = [visible_text(p.read_text("utf-8")) for p in site_html.rglob("*.html")]
    for summary in quoted:
        fragment = summary[summary.index('"') - 10 : summary.index('"') + 3]
        assert not [text for text in pages if fragment in text], fragment
        curled = fragment.replace('"', "“", 1).replace('"', "”", 1)
        assert any(curled in text for text in pages), curled


def test_no_two_page_resume_bullet_repeats_its_title(site_html: Path) -> None:
    """A project whose summary says what its title names is one line: the summary."""
    from resume.core.text import repeats

    pages = [visible_text(p.read_text("utf-8")) for p in site_html.glob("brief*.html")]
    assert pages
    checked = 0
    for path in sorted((ROOT / "projects").glob("*.md")):
        meta, body = read_page(path)
        title = re.search(r"^# (.+)$", body, re.MULTILINE)
        summary = " ".join(meta.get("summary", "").split())
        if title and summary and "result" not in meta and repeats(title[1], summary):
            checked += 1
            assert not [text for text in pages if f"{title[1]}: {summary}" in text], title[1]
    assert checked
