"""The documents as a recruiter and a reader get them: the two-page résumés
(general and tailored), the PDF book and the ePub.

Expectations come from conf.py and the pages' front matter, never from a copy
of the output.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from site_fixtures import ROOT, require_tool, site_config, sphinx_build

DIRECTIONS: dict[str, str] = site_config()["resume_directions"]  # type: ignore[assignment]
BRIEFS = ["brief", *(f"brief-{slug}" for slug in DIRECTIONS)]
# The text area of the brief (resumebrief.cls): letter paper, 0.5in top, 0.6in bottom.
TEXT_TOP, TEXT_BOTTOM = 36.0, 792.0 - 43.2


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n", 2)[1])["resume"]


def toctree(path: Path) -> list[str]:
    text = path.read_text("utf-8")
    block = text[text.rindex("{toctree}") :].split("```", 1)[0]
    return [line.strip() for line in block.splitlines()[1:] if line.strip() and not line.startswith(":")]


def title(path: Path) -> str:
    return re.search(r"^# (.+)$", path.read_text("utf-8"), re.MULTILINE).group(1)


EMPLOYERS = toctree(ROOT / "experience" / "index.md")
EMPLOYER_TITLES = [title(ROOT / "experience" / f"{slug}.md") for slug in EMPLOYERS]
PROJECTS = {slug: front_matter(ROOT / "projects" / f"{slug}.md") for slug in toctree(ROOT / "projects" / "index.md")}
PROJECT_TITLES = {slug: title(ROOT / "projects" / f"{slug}.md") for slug in PROJECTS}


def text_of(pdf: Path, *options: str) -> str:
    pdftotext = require_tool("pdftotext")
    return subprocess.run([pdftotext, "-enc", "UTF-8", *options, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip


def info(pdf: Path) -> dict[str, str]:
    pdfinfo = require_tool("pdfinfo")
    out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line) | {}


def page_fill(pdf: Path) -> list[float]:
    """How far down its text area each page's lowest line reaches (0 to 1),
    the page number at the foot left out."""
    bbox = text_of(pdf, "-bbox")
    fills = []
    for page in bbox.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        words = re.findall(r'yMax="([\d.]+)">([^<]*)</word>', page)
        lowest = max(float(y) for y, word in words if not (float(y) > height - 60 and word.isdigit()))
        fills.append((lowest - TEXT_TOP) / (TEXT_BOTTOM - TEXT_TOP))
    return fills


# -- the two-page résumés ---------------------------------------------------------------


def test_make_pdf_writes_a_brief_per_direction(site_pdfs: dict[str, Path]) -> None:
    assert DIRECTIONS, "conf.py declares the directions of the objective"
    for start in BRIEFS:
        assert site_pdfs[start].name == f"alfred-perlstein-{start}.pdf"
        assert site_pdfs[start].is_file()


@pytest.mark.parametrize("start", BRIEFS)
def test_a_brief_is_two_well_used_pages(site_pdfs: dict[str, Path], start: str) -> None:
    fills = page_fill(site_pdfs[start])
    assert len(fills) == 2, f"{start}: {len(fills)} pages"
    assert fills[0] > 0.9, f"{start}: page 1 is {fills[0]:.0%} full"
    assert fills[1] >= 2 / 3, f"{start}: page 2 is {fills[1]:.0%} full"


@pytest.mark.parametrize("start", BRIEFS)
def test_a_brief_reads_in_order_for_a_machine(site_pdfs: dict[str, Path], start: str) -> None:
    text = " ".join(text_of(site_pdfs[start]).split())
    marks = ["Alfred Perlstein", "alfred@freebsd.org", "Profile", "Experience", *EMPLOYER_TITLES,
             "Skills", "Languages:", "C (expert, 9 years)", "Education", "Herkimer County Community College"]  # fmt: skip
    place = 0
    for mark in marks:  # each after the one before, as words of their own
        found = re.compile(rf"(?<!\w){re.escape(mark)}(?!\w)").search(text, place)
        assert found, f"{start}: {mark!r} missing, or not after the marks before it"
        place = found.end()
    assert "alfred at freebsd dot org" not in text
    assert "Alfred is" not in text and "The résumé adds" not in text


@pytest.mark.parametrize("start", BRIEFS)
def test_a_brief_carries_results_with_figures(site_pdfs: dict[str, Path], start: str) -> None:
    text = " ".join(text_of(site_pdfs[start]).split())
    for figure in ("5x speedup", "2500 connections per second", "five days down to ten hours", "half the hardware"):
        assert figure in text, f"{start}: {figure}"


@pytest.mark.parametrize("start", ["index", *BRIEFS])
def test_pdf_metadata_fonts_and_links(site_pdfs: dict[str, Path], start: str) -> None:
    pdf = site_pdfs[start]
    meta = {key: value.strip() for key, value in info(pdf).items()}
    for key in ("Title", "Author", "Subject", "Keywords"):
        assert meta.get(key), f"{start}: no {key}"
    assert meta["Author"] == "Alfred Perlstein"
    fonts = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts
    urls = subprocess.run(
        [require_tool("pdfinfo"), "-url", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert "mailto:alfred@freebsd.org" in urls and "http://freebsd.org/~alfred/" in urls, urls[:500]


@pytest.mark.parametrize("slug", list(DIRECTIONS))
def test_a_tailored_brief_leads_with_its_direction(site_pdfs: dict[str, Path], slug: str) -> None:
    text = " ".join(text_of(site_pdfs[f"brief-{slug}"]).split())
    general = " ".join(text_of(site_pdfs["brief"]).split())
    lead = text[text.index("Profile") : re.search(r"Experience(?!d)", text).end()]
    assert f"Highlights for {DIRECTIONS[slug]}" in lead and "Key skills:" in lead
    served = [s for s, meta in PROJECTS.items() if "result" in meta and slug in meta.get("directions", [])]
    assert served, f"no result serves {slug}"
    assert PROJECT_TITLES[served[0]] in lead
    others = [s for s, meta in PROJECTS.items() if "result" in meta and slug not in meta.get("directions", [])]
    assert not any(PROJECTS[s]["result"] in lead for s in others)
    assert "Highlights" not in general[: general.index("Experience")]
    assert info(site_pdfs[f"brief-{slug}"])["Subject"].strip().endswith(DIRECTIONS[slug])


def test_a_private_build_says_so_in_its_file_names(site_root: Path) -> None:
    outdir = sphinx_build("latex", site_root / "latex-private", "-t", "private")
    names = sorted(path.name for path in outdir.glob("*.tex"))
    assert names and all("-private" in name for name in names), names
    brief = (outdir / "alfred-perlstein-brief-private.tex").read_text("utf-8")
    assert "415.312.3931" in brief


# -- the PDF book -----------------------------------------------------------------------


def test_the_book_contents_reach_employers_and_projects(site_pdfs: dict[str, Path]) -> None:
    toc = site_pdfs["index"].with_suffix(".toc").read_text("utf-8")
    sections = re.findall(r"\\contentsline \{section\}\{(.+?)\}\{\d+\}", toc)
    flat = " ".join(sections)
    for name in [*EMPLOYER_TITLES, *PROJECT_TITLES.values()]:
        plain = name.replace("-", "").replace("’", "'")
        assert plain.split()[0] in flat.replace("\\sphinxhyphen {}", "").replace("’", "'"), name
    assert len(sections) >= len(EMPLOYERS) + len(PROJECTS)
    chapters = re.findall(r"\\contentsline \{chapter\}\{(.+?)\}", toc)
    assert chapters[0] == "Introduction"
    assert "Editorial notes" in " ".join(chapters[chapters.index("Introduction") :])


def test_the_book_log_has_no_overfull_box_over_5pt(site_pdfs: dict[str, Path]) -> None:
    log = site_pdfs["index"].with_suffix(".log").read_text("utf-8", errors="replace")
    widths = [float(w) for w in re.findall(r"Overfull \\[hv]box \(([\d.]+)pt too", log)]
    assert all(width <= 5 for width in widths), sorted(widths)[-5:]


def test_the_book_has_a_cover_page(site_pdfs: dict[str, Path]) -> None:
    cover = " ".join(text_of(site_pdfs["index"], "-f", "1", "-l", "1").split())
    assert cover.startswith("Alfred Perlstein") and "April 2012" in cover and "Contents" not in cover


# -- the ePub -----------------------------------------------------------------------------


def epub_file(epub: Path, name: str) -> str:
    with zipfile.ZipFile(epub) as archive:
        return archive.read(name).decode("utf-8")


def test_the_epub_contents_reach_every_employer_and_project(site_epub: Path) -> None:
    nav = epub_file(site_epub, "nav.xhtml")
    targets = re.findall(r'href="([^"#]+)', nav)
    for slug in EMPLOYERS:
        assert f"experience/{slug}.xhtml" in targets, slug
    for slug in PROJECTS:
        assert f"projects/{slug}.xhtml" in targets, slug
    assert targets.count("editorial-notes.xhtml") == 1


def test_the_epub_metadata_is_the_editions(site_epub: Path) -> None:
    opf = epub_file(site_epub, "content.opf")
    assert "unknown" not in opf
    assert "<dc:date>2012-04-01" in opf
    assert 'property="dcterms:modified">2012-04-01' in opf


def test_the_epub_formats_section_has_no_dead_download_text(site_epub: Path) -> None:
    index = re.sub(r"<[^>]+>", " ", epub_file(site_epub, "index.xhtml"))
    text = " ".join(index.split())
    assert "PDF or ePub" not in text
    assert "published in five forms" in text


def test_an_epub_field_label_has_one_colon(site_epub: Path, tmp_path: Path, browser) -> None:
    from browser import open_page

    with zipfile.ZipFile(site_epub) as archive:
        archive.extractall(tmp_path)
    page = tmp_path / "projects" / "junos-rwlock.xhtml"
    with open_page(browser, width=600) as tab:
        tab.goto(page.as_uri(), wait_until="load")
        labels = tab.evaluate(
            "() => [...document.querySelectorAll('.resume-summary dt')].map(dt => dt.innerText"
            " + getComputedStyle(dt, '::after').content.replace(/^none$|^normal$/, '').replace(/\"/g, ''))"
        )
    assert labels and all(label.count(":") == 1 for label in labels), labels


def test_the_epub_timeline_fits_a_600px_column(site_epub: Path, tmp_path: Path, browser) -> None:
    from browser import open_page

    with zipfile.ZipFile(site_epub) as archive:
        archive.extractall(tmp_path)
    with open_page(browser, width=600) as tab:
        tab.goto((tmp_path / "index.xhtml").as_uri(), wait_until="load")
        chart = tab.locator(".resume-timeline svg").first.bounding_box()
        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        scrolls = tab.evaluate("(() => { const b = document.querySelector('.resume-timeline');"
                               " return b.scrollWidth - b.clientWidth; })()")  # fmt: skip
    assert chart and chart["x"] + chart["width"] <= 600
    assert overflow <= 0 and scrolls <= 0
