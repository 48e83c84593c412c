"""The documents as a recruiter and a reader get them: the two-page résumés
(general and tailored), the PDF book and the ePub.

Expectations come from conf.py and the pages' front matter, never from a copy
of the output.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from resume.site.settings import ABOUT_PAGES

from helpers import read_page, search, toctree
from site_fixtures import ROOT, poppler, read_site_config, site_config, sphinx_build

DIRECTIONS: dict[str, str] = site_config()["resume_directions"]
BRIEFS = ["brief", *(f"brief-{slug}" for slug in DIRECTIONS)]
# The text area of the brief (resumebrief.cls): letter paper, 0.5in top, 0.6in bottom.
TEXT_TOP, TEXT_BOTTOM = 36.0, 792.0 - 43.2


def title(path: Path) -> str:
    return search(r"^# (.+)$", path.read_text("utf-8"), re.MULTILINE)[1]


PERSON = site_config()["project"]
BASICS = site_config()["resume_basics"]
EDITION = site_config()["today"]  # "April 2012": the month the résumé speaks from
CATALOG = read_page(ROOT / "skills.md")[0]["categories"]
SCHOOLS = re.findall(r"^(\S[^\n]*)\n: ", (ROOT / "_includes" / "education.md").read_text("utf-8"), re.MULTILINE)
EMPLOYERS = toctree(ROOT / "experience" / "index.md")
EMPLOYER_TITLES = [title(ROOT / "experience" / f"{slug}.md") for slug in EMPLOYERS]
PROJECTS = {slug: read_page(ROOT / "projects" / f"{slug}.md")[0] for slug in toctree(ROOT / "projects" / "index.md")}
PROJECT_TITLES = {slug: title(ROOT / "projects" / f"{slug}.md") for slug in PROJECTS}


def text_of(pdf: Path, *options: str) -> str:
    return poppler("pdftotext", "-enc", "UTF-8", *options, str(pdf), "-")


def info(pdf: Path) -> dict[str, str]:
    out = poppler("pdfinfo", str(pdf))
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line) | {}


def page_fill(pdf: Path) -> list[float]:
    """How far down its text area each page's lowest line reaches (0 to 1),
    the page number at the foot left out."""
    bbox = text_of(pdf, "-bbox")
    fills = []
    for page in bbox.split("<page ")[1:]:
        height = float(search(r'height="([\d.]+)"', page)[1])
        words = re.findall(r'yMax="([\d.]+)">([^<]*)</word>', page)
        lowest = max(float(y) for y, word in words if not (float(y) > height - 60 and word.isdigit()))
        fills.append((lowest - TEXT_TOP) / (TEXT_BOTTOM - TEXT_TOP))
    return fills


# -- the two-page résumés ---------------------------------------------------------------


def test_make_pdf_writes_a_brief_per_direction(site_pdfs: dict[str, Path]) -> None:
    assert DIRECTIONS, "conf.py declares the directions of the objective"
    for start in BRIEFS:
        # brief-<direction>.md gives <slug>-resume-<direction>.pdf
        assert site_pdfs[start].name == f"{site_config()['resume_slug']}-{start.replace('brief', 'resume')}.pdf"
        assert site_pdfs[start].is_file()


@pytest.mark.parametrize("start", BRIEFS)
def test_a_brief_is_two_well_used_pages(site_pdfs: dict[str, Path], start: str) -> None:
    fills = page_fill(site_pdfs[start])
    assert len(fills) == 2, f"{start}: {len(fills)} pages"
    assert fills[0] > 0.9, f"{start}: page 1 is {fills[0]:.0%} full"
    assert fills[1] >= 2 / 3, f"{start}: page 2 is {fills[1]:.0%} full"


@pytest.mark.parametrize("start", BRIEFS)
def test_no_line_of_a_brief_starts_left_of_its_headings(site_pdfs: dict[str, Path], start: str) -> None:
    """School names, labels, bullets: nothing hangs into the left margin."""
    words = re.findall(r'xMin="([\d.]+)"[^>]*>([^<]*)</word>', text_of(site_pdfs[start], "-bbox"))
    edge = next(float(x) for x, word in words if word == "Experience")
    assert [word for x, word in words if float(x) < edge - 0.5] == []


@pytest.mark.parametrize("start", BRIEFS)
def test_a_brief_reads_in_order_for_a_machine(site_pdfs: dict[str, Path], start: str) -> None:
    text = " ".join(text_of(site_pdfs[start]).split())
    first = CATALOG[0]["skills"][0]
    said = ", ".join(
        str(part) for part in (first.get("level"), first.get("years") and f"{first['years']} years") if part
    )
    marks = [PERSON, BASICS["email"], "Profile", "Experience", *EMPLOYER_TITLES, "Skills", f"{CATALOG[0]['name']}:",
             f"{first['name']} ({said})" if said else first["name"], "Education", *SCHOOLS]  # fmt: skip
    place = 0
    for mark in marks:  # each after the one before, as words of their own
        found = re.compile(rf"(?<!\w){re.escape(mark)}(?!\w)").search(text, place)
        assert found, f"{start}: {mark!r} missing, or not after the marks before it"
        place = found.end()
    user, _, host = BASICS["email"].partition("@")
    assert f"{user} at {host.replace('.', ' dot ')}" not in text  # the web page's spam guard, not here
    assert f"{PERSON.split()[0]} is" not in text and "The résumé adds" not in text


@pytest.mark.parametrize("start", ["index", *BRIEFS])
def test_pdf_metadata_fonts_and_links(site_pdfs: dict[str, Path], start: str) -> None:
    pdf = site_pdfs[start]
    meta = {key: value.strip() for key, value in info(pdf).items()}
    for key in ("Title", "Author", "Subject", "Keywords"):
        assert meta.get(key), f"{start}: no {key}"
    assert meta["Author"] == PERSON
    fonts = poppler("pdffonts", str(pdf))
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts
    urls = poppler("pdfinfo", "-url", str(pdf))
    assert f"mailto:{BASICS['email']}" in urls and BASICS["url"] in urls, urls[:500]


@pytest.mark.parametrize("slug", list(DIRECTIONS))
def test_a_tailored_brief_leads_with_its_direction(site_pdfs: dict[str, Path], slug: str) -> None:
    text = " ".join(text_of(site_pdfs[f"brief-{slug}"]).split())
    general = " ".join(text_of(site_pdfs["brief"]).split())
    lead = text[text.index("Profile") : search(r"Experience(?!d)", text).end()]
    assert f"Highlights for {DIRECTIONS[slug]}" in lead and "Key skills:" in lead
    served = [s for s, meta in PROJECTS.items() if "result" in meta and slug in meta.get("directions", [])]
    assert served, f"no result serves {slug}"
    assert PROJECT_TITLES[served[0]] in lead
    others = [s for s, meta in PROJECTS.items() if "result" in meta and slug not in meta.get("directions", [])]
    assert not any(PROJECTS[s]["result"] in lead for s in others)
    assert info(site_pdfs[f"brief-{slug}"])["Subject"].strip().endswith(DIRECTIONS[slug])
    # Its header names the direction; the general one's says what it is.
    assert text.startswith(f"{site_config()['project']} Résumé for {DIRECTIONS[slug]} · ")
    assert general.startswith(f"{site_config()['project']} Résumé · ")

    # Its profile names its direction alone, where the general one lists them all.
    def joined(words: str) -> str:  # a word hyphenated at a line's end made whole again
        return re.sub(r"(\w)- (\w)", r"\1\2", words)

    profile = joined(lead[: lead.index("Highlights")])
    assert DIRECTIONS[slug] in profile
    assert not any(label in profile for other, label in DIRECTIONS.items() if other != slug)
    assert all(label in joined(general[general.index("Profile") :][:600]) for label in DIRECTIONS.values())


@pytest.mark.parametrize("start", BRIEFS)
def test_every_brief_leads_with_its_results(site_pdfs: dict[str, Path], start: str) -> None:
    """At least three stated results (fewer where its direction has fewer) in
    the top half of page 1, before the experience."""
    direction = start.removeprefix("brief-") if start != "brief" else None
    results = [
        " ".join(meta["result"].split())[:40]
        for meta in PROJECTS.values()
        if "result" in meta and (direction is None or direction in meta.get("directions", []))
    ]
    bbox = text_of(site_pdfs[start], "-bbox", "-f", "1", "-l", "1")
    height = float(search(r'height="([\d.]+)"', bbox)[1])
    words = re.findall(r'yMax="([\d.]+)">([^<]*)</word>', bbox)
    top_half = " ".join(word for y, word in words if float(y) < height / 2)
    experience = re.search(r"Experience(?!d)", top_half)
    lead = top_half[: experience.start()] if experience else top_half
    shown = [result for result in results if result in lead]
    assert len(shown) >= min(3, len(results)), (start, shown)


def test_a_private_build_says_so_in_its_file_names(site_root: Path) -> None:
    outdir = sphinx_build("latex", site_root / "latex-private", "-t", "private")
    names = sorted(path.name for path in outdir.glob("*.tex"))
    assert names and all("-private" in name for name in names), names
    private = read_site_config(tags=("private",))
    brief = next(entry[1] for entry in private["latex_documents"] if entry[0] == "brief")
    assert private["resume_basics"]["private"]["phone"] in (outdir / brief).read_text("utf-8")


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
    for docname, title, in_books in ABOUT_PAGES:
        if (ROOT / f"{docname}.md").is_file() and not docname.startswith("guide/"):
            assert (title in chapters) == in_books, title


def test_the_book_log_has_no_overfull_box_over_5pt(site_pdfs: dict[str, Path]) -> None:
    log = site_pdfs["index"].with_suffix(".log").read_text("utf-8", errors="replace")
    widths = [float(w) for w in re.findall(r"Overfull \\[hv]box \(([\d.]+)pt too", log)]
    assert all(width <= 5 for width in widths), sorted(widths)[-5:]


def test_the_book_has_a_cover_page(site_pdfs: dict[str, Path]) -> None:
    cover = " ".join(text_of(site_pdfs["index"], "-f", "1", "-l", "1").split())
    assert cover.startswith(PERSON) and EDITION in cover and "Contents" not in cover


# The text area of the book (resumebook.cls): letter paper, 0.85in top, 0.9in bottom.
BOOK_TEXT_TOP, BOOK_TEXT_BOTTOM = 61.2, 792.0 - 64.8
LINE = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', re.DOTALL)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def layout_pages(pdf: Path) -> list[str]:
    """Each page's words with their boxes, as `pdftotext -bbox-layout` gives them."""
    return text_of(pdf, "-bbox-layout").split("<page ")[1:]


def page_lines(page: str) -> list[tuple[float, float, str]]:
    """The text lines of a page, top to bottom: top, bottom and text."""
    lines = [(float(top), float(bottom), " ".join(w[-1] for w in WORD.findall(words)))
             for top, bottom, words in LINE.findall(page)]  # fmt: skip
    return sorted(lines)


def letters(text: str) -> str:
    return re.sub(r"\W", "", text).lower()


def book_headings(pdf: Path) -> list[tuple[str, int, float]]:
    """Each chapter, section and subsection in the book's contents: its title,
    the page its anchor is on (from 1) and the anchor's height from the page's top."""
    dests = poppler("pdfinfo", "-dests", str(pdf))
    info = poppler("pdfinfo", str(pdf))
    height = float(search(r"Page size:\s+[\d.]+ x ([\d.]+)", info)[1])
    where = {name: (int(page), height - float(y))
             for page, y, name in re.findall(r'^\s*(\d+) \[ XYZ\s+\S+\s+(\S+) .*\] "(.+)"$', dests, re.MULTILINE)}  # fmt: skip
    toc = pdf.with_suffix(".toc").read_text("utf-8")
    headings = []
    for raw, anchor in re.findall(
        r"^\\contentsline \{(?:chapter|section|subsection)\}\{(.*)\}\{\w*\}\{(.+)\}%$", toc, re.MULTILINE
    ):
        plain = re.sub(r"\\[a-zA-Z]+ ?", "", raw.replace(r"\sphinxhyphen {}", "-")).replace("{", "").replace("}", "")
        headings.append((plain, *where[anchor]))
    return headings


def stranded_headings(pdf: Path) -> list[str]:
    """Headings with none of their text after them on their page, or at the foot
    of the text area (its lowest 12%) with fewer than three lines after them."""
    pages = [page_lines(page) for page in layout_pages(pdf)]
    foot = BOOK_TEXT_BOTTOM - 0.12 * (BOOK_TEXT_BOTTOM - BOOK_TEXT_TOP)
    stranded = []
    for heading, page, anchor in book_headings(pdf):
        lines = [line for line in pages[page - 1] if anchor - 1 <= line[0] < BOOK_TEXT_BOTTOM]
        if not lines:  # kept with what follows, the heading went over to the next page
            page, lines = page + 1, [line for line in pages[page] if BOOK_TEXT_TOP <= line[0] < BOOK_TEXT_BOTTOM]
        # The heading's own lines: as many as spell out its title.
        title, seen, own = letters(heading), "", 0
        while own < len(lines) and len(seen) < len(title) and title.startswith(seen + letters(lines[own][2])):
            seen += letters(lines[own][2])
            own += 1
        assert seen == title, f"heading {heading!r} not found under its anchor on page {page}: {lines[:2]}"
        baseline, after = lines[own - 1][1], len(lines) - own
        if after == 0 or (baseline > foot and after < 3):
            stranded.append(f"{heading!r} on page {page} at {baseline:.0f}pt, {after} line(s) after it")
    return stranded


def test_no_heading_is_left_at_the_foot_of_a_book_page(site_pdfs: dict[str, Path]) -> None:
    """Every heading of the contents, found on its page through its outline
    anchor, has text after it there, and at least three lines if it sits in
    the lowest 12% of the text area (issue 12)."""
    assert stranded_headings(site_pdfs["index"]) == []


def turned_heads(tex: Path) -> set[str]:
    """The words of the column heads the book's LaTeX sets turned upright."""
    heads = re.findall(r"\\rotatebox\{90\}\{([^{}]+)\}", tex.read_text("utf-8"))
    return {word for head in heads for word in head.split()}


def rules(pdf: Path, page: int) -> list[tuple[float, float, float, float]]:
    """The page's horizontal black strokes (the table rules): left, right, top, bottom."""
    svg = poppler("pdftocairo", "-svg", "-f", str(page), "-l", str(page), str(pdf), "-")
    found = []
    for style, x0, y0, x1, y1, matrix in re.findall(
        r'<path style="([^"]*)" d="M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) "'
        r' transform="matrix\(([^)]*)\)"/>', svg):  # fmt: skip
        a, b, c, d, e, f = (float(n) for n in matrix.split(","))
        width = re.search(r"stroke-width:([\d.]+)", style)
        if y0 != y1 or b or c or not width or "stroke:rgb(0%,0%,0%)" not in style:
            continue
        y, half = d * float(y0) + f, abs(d) * float(width.group(1)) / 2
        found.append((a * float(x0) + e, a * float(x1) + e, y - half, y + half))
    return found


def matrix_heads_over_rules(pdf: Path, tex: Path) -> tuple[int, list[str]]:
    """How many turned heads the book shows, and each that touches a rule or
    is not between the rules above and below the head row."""
    words = turned_heads(tex)
    assert words, "the skill matrix turns its column heads upright"
    seen, crossing = 0, []
    for number, page in enumerate(layout_pages(pdf), 1):
        heads = [(float(x0), float(top), float(x1), float(bottom), text)
                 for x0, top, x1, bottom, text in WORD.findall(page)
                 if text in words and float(bottom) - float(top) > float(x1) - float(x0)]  # fmt: skip
        if not heads:
            continue
        seen += len(heads)
        across = [
            rule
            for rule in rules(pdf, number)
            if rule[0] < max(h[2] for h in heads) and rule[1] > min(h[0] for h in heads)
        ]
        if not any(rule[3] <= min(h[1] for h in heads) for rule in across):
            crossing.append(f"page {number}: no rule above the turned heads")
        if not any(rule[2] >= max(h[3] for h in heads) for rule in across):
            crossing.append(f"page {number}: no rule below the turned heads")
        for x0, top, x1, bottom, text in heads:
            for left, right, rule_top, rule_bottom in across:
                if left < x1 and right > x0 and top < rule_bottom and bottom > rule_top:
                    crossing.append(
                        f"page {number}: {text!r} ({top:.1f}-{bottom:.1f}pt) crosses the rule at {rule_top:.1f}pt"
                    )
    return seen, crossing


def test_the_matrix_heads_clear_the_rules(site_pdfs: dict[str, Path]) -> None:
    """The skill matrix's upright column heads, on every page that repeats
    them, sit between the rule above and the rule below and touch neither."""
    seen, crossing = matrix_heads_over_rules(site_pdfs["index"], site_pdfs["index"].with_suffix(".tex"))
    assert seen >= len(turned_heads(site_pdfs["index"].with_suffix(".tex")))
    assert crossing == []


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


def test_the_epub_metadata_is_the_editions(site_epub: Path) -> None:
    opf = epub_file(site_epub, "content.opf")
    assert "unknown" not in opf
    first_day = f"{site_config()['resume_as_of']}-01"  # the edition's month, from conf.py
    assert f"<dc:date>{first_day}" in opf
    assert f'property="dcterms:modified">{first_day}' in opf


def test_the_epub_formats_section_has_no_dead_download_text(site_epub: Path) -> None:
    index = re.sub(r"<[^>]+>", " ", epub_file(site_epub, "index.xhtml"))
    text = " ".join(index.split())
    assert "PDF or ePub" not in text
    assert "published in five forms" in text


def test_an_epub_field_label_has_one_colon(site_epub: Path, tmp_path: Path, browser) -> None:
    from browser import open_page

    with zipfile.ZipFile(site_epub) as archive:
        archive.extractall(tmp_path)
    # Employer pages keep their box of fields; a project page has one line.
    page = tmp_path / "experience" / f"{toctree(ROOT / 'experience' / 'index.md')[0]}.xhtml"
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
