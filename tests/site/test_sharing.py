"""Links that travel: previews, structured data, canonical addresses, sitemap,
the 404 page, redirects from former addresses, and printing.

The whole site is built once more with a Read the Docs address, and its pages
are read with extruct, a real metadata extractor, as a search engine or a chat
application would read them.
"""

from __future__ import annotations

import functools
import html as html_lib
import itertools
import json
import re
import struct
import threading
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import extruct
import pytest

from resume.core.career import Career
from resume.core.model import Person
from resume.draw import cards
from resume.web import jsonld

from browser import chromium, open_page, serve, site_pages
from helpers import again, build, read_page, site, toctree, warnings
from site_fixtures import ROOT, build_environment, site_config, sphinx_build

BASE = f"https://{site_config()['resume_slug']}.readthedocs.io/en/latest/"
PERSON = site_config()["project"]
# A project page with a summary, a result and an employer, and the first employer: from the sources.
PROJECT = next(
    slug
    for slug in toctree(ROOT / "projects" / "index.md")
    if {"summary", "result", "employer"} <= read_page(ROOT / "projects" / f"{slug}.md")[0].keys()
)
EMPLOYER = toctree(ROOT / "experience" / "index.md")[0]
PREFIX = "/en/latest/"


def record_pages(kind: str) -> list[str]:
    """Pages (``projects/x.html``) whose front matter is of ``kind``."""
    return sorted(
        path.relative_to(ROOT).with_suffix(".html").as_posix()
        for folder in ("experience", "projects")
        for path in (ROOT / folder).glob("*.md")
        if read_page(path)[0].get("kind") == kind
    )


def metadata(site_dir: Path, page: str) -> dict[str, Any]:
    """What extruct finds in a page: Open Graph properties, JSON-LD, and the
    ``<meta name>`` and canonical link, read from the page's head."""
    html = (site_dir / page).read_text("utf-8")
    found = extruct.extract(html, base_url=BASE + page, syntaxes=["json-ld", "opengraph"], uniform=True)
    head = html.split("</head>", 1)[0]
    names = {
        name: html_lib.unescape(value) for name, value in re.findall(r'<meta name="([^"]+)" content="([^"]*)"', head)
    }
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', head)
    graph = found["opengraph"][0] if found["opengraph"] else {}
    return {"og": graph, "jsonld": found["json-ld"], "names": names, "canonical": canonical}


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def nodes_of(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every top-level node of a page's JSON-LD, ``@graph`` unpacked."""
    found = []
    for item in data:
        found.extend(item.get("@graph", [item]))
    return found


@pytest.fixture(scope="module")
def canonical_site(site_root: Path) -> Path:
    """The site as Read the Docs builds it: with its canonical address."""
    return sphinx_build("html", site_root / "html-canonical", env=build_environment(READTHEDOCS_CANONICAL_URL=BASE))


def address(page: str) -> str:
    """A page's public address: the home page's is the site's own."""
    return BASE if page == "index.html" else BASE + page


# -- previews and structured data ----------------------------------------------------


@pytest.mark.parametrize("kind", ["employer", "project"])
def test_every_record_page_previews_with_its_own_text_and_card(canonical_site: Path, kind: str) -> None:
    pages = record_pages(kind)
    assert len(pages) > 5
    descriptions = {}
    for page in pages:
        found = metadata(canonical_site, page)
        og = found["og"]
        title = (canonical_site / page).read_text("utf-8").split("<h1>", 1)[1].split("<", 1)[0]
        assert og["og:title"] == title, page
        assert og["@type"] == "website" and og["og:site_name"] == PERSON, page
        assert og["og:url"] == BASE + page == found["canonical"][0], page
        assert og["og:description"] and og["og:description"] == found["names"]["description"], page
        descriptions[page] = og["og:description"]
        image = og["og:image"]
        assert image.startswith(BASE + "_images/cards/"), page
        card = canonical_site / image.removeprefix(BASE)
        assert card.is_file() and png_size(card) == (1200, 630), page
        assert title in og["og:image:alt"] and PERSON in og["og:image:alt"], page
        assert found["names"]["twitter:card"] == "summary_large_image", page
        graph = nodes_of(found["jsonld"])
        person = [n for n in graph if n.get("@type") == "Person" or "creator" in n]
        assert person, page
    assert len(set(descriptions.values())) == len(descriptions), "descriptions repeat"


def test_a_project_page_describes_the_work_and_links_the_person(canonical_site: Path) -> None:
    resume = read_page(ROOT / f"projects/{PROJECT}.md")[0]
    found = metadata(canonical_site, f"projects/{PROJECT}.html")
    description = found["og"]["og:description"]
    assert description.startswith(resume["summary"]) and description.endswith(resume["result"])
    (work,) = found["jsonld"]
    assert work["@type"] == "CreativeWork" and work["description"] == description
    assert work["creator"]["@id"] == BASE + "#person"
    employer = resume["employer"]
    assert work["sourceOrganization"]["@id"] == BASE + f"experience/{employer}.html#organization"
    assert work["url"] == BASE + f"projects/{PROJECT}.html"


def test_an_employer_page_describes_the_organisation_and_the_roles(canonical_site: Path) -> None:
    front, body = read_page(ROOT / f"experience/{EMPLOYER}.md")
    positions = front["positions"]
    name = next(line[2:] for line in body.splitlines() if line.startswith("# "))
    graph = nodes_of(metadata(canonical_site, f"experience/{EMPLOYER}.html")["jsonld"])
    (organization,) = [n for n in graph if n["@type"] == "Organization"]
    (person,) = [n for n in graph if n["@type"] == "Person"]
    assert organization["name"] == name and organization["description"]
    assert person["@id"] == BASE + "#person"
    assert [r["roleName"] for r in person["worksFor"]] == [p["title"] for p in positions]
    assert {r["worksFor"]["@id"] for r in person["worksFor"]} == {organization["@id"]}


def test_the_person_s_title_and_addresses_come_from_resume_basics() -> None:
    basics = {
        "label": " Kernel programmer ",
        "email": "a@example.org",
        "url": "https://example.org/a/",
        "profiles": [{"network": "GitHub", "url": "https://github.example/a"}, {"network": "X"}],
    }
    person = Person("index", "A. Person")
    node = jsonld.person_node(person, basics, (), Career.build([], 2012 * 12), lambda docname: f"{docname}.html")
    assert node["jobTitle"] == "Kernel programmer" and node["email"] == "a@example.org"
    assert node["sameAs"] == ["https://example.org/a/", "https://github.example/a"]
    assert cards.home_card(person, jsonld.job_title(basics)).details == ("Kernel programmer",)
    assert "jobTitle" not in jsonld.person_node(person, {}, (), Career.build([], 2012 * 12), lambda docname: docname)


def test_the_home_page_is_a_profile_of_the_person(canonical_site: Path) -> None:
    basics = site_config()["resume_basics"]
    # The schools as the education page names them: each term of its definition list.
    lines = (ROOT / "_includes/education.md").read_text("utf-8").splitlines()
    schools = [term for term, after in itertools.pairwise(lines) if after.startswith(": ")]
    (profile,) = metadata(canonical_site, "index.html")["jsonld"]
    assert profile["@type"] == "ProfilePage"
    person = profile["mainEntity"]
    assert person["@type"] == "Person" and person["@id"] == BASE + "#person"
    assert person["name"] == PERSON and person["jobTitle"] == basics["label"]
    assert person["email"] == basics["email"] and basics["url"] in person["sameAs"]
    assert len(schools) == 3 and [s["name"] for s in person["alumniOf"]] == schools
    catalogue = read_page(ROOT / "skills.md")[0]["categories"]
    skills = {skill["name"] for category in catalogue for skill in category["skills"]}
    assert set(person["knowsAbout"]) == skills
    roles = [
        (employer["positions"], path)
        for path in sorted((ROOT / "experience").glob("*.md"))
        if (employer := read_page(path)[0]).get("kind") == "employer"
    ]
    expected = sorted(p["title"] for positions, _ in roles for p in positions)
    assert sorted(r["roleName"] for r in person["worksFor"]) == expected
    for role in person["worksFor"]:
        assert role["@type"] == "EmployeeRole" and re.fullmatch(r"\d{4}-\d{2}", role["startDate"])
        assert role["worksFor"]["url"].startswith(BASE + "experience/")
    og = metadata(canonical_site, "index.html")["og"]
    assert og["@type"] == "profile" and og["og:image"] == BASE + "_images/cards/index.png"


def test_every_page_has_a_description_and_an_image(canonical_site: Path) -> None:
    for page in site_pages(canonical_site):
        if page in ("404.html", "search.html", "genindex.html"):
            continue
        found = metadata(canonical_site, page)
        assert found["names"].get("description"), page
        assert found["og"]["og:url"] == address(page) == found["canonical"][0], page
        card = canonical_site / found["og"]["og:image"].removeprefix(BASE)
        assert card.is_file(), page


def test_without_an_address_nothing_relative_or_invented(site_html: Path) -> None:
    for page in site_pages(site_html):
        html = (site_html / page).read_text("utf-8")
        head = html.split("</head>", 1)[0]
        assert 'rel="canonical"' not in head and "og:url" not in head and "og:image" not in head, page
        assert "readthedocs" not in head, page
    assert not (site_html / "sitemap.xml").exists()
    assert "Sitemap" not in (site_html / "robots.txt").read_text("utf-8")
    (profile,) = metadata(site_html, "index.html")["jsonld"]
    assert profile["mainEntity"]["@id"] == "index.html#person"  # relative to the page: true
    (work,) = metadata(site_html, f"projects/{PROJECT}.html")["jsonld"]
    assert work["creator"]["@id"] == "../index.html#person"


# -- sitemap and robots ------------------------------------------------------------


def test_the_sitemap_lists_exactly_the_reader_pages(canonical_site: Path) -> None:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ElementTree.parse(canonical_site / "sitemap.xml")
    listed = [loc.text or "" for loc in tree.getroot().findall("s:url/s:loc", namespace)]
    pages = [p for p in site_pages(canonical_site) if p not in ("404.html", "search.html", "genindex.html")]
    # A page its front matter keeps out of the search (the editorial notes) is out of the sitemap too.
    kept_out = [p for p in pages if "\nnosearch: true\n" in (ROOT / p).with_suffix(".md").read_text("utf-8")[:500]]
    assert kept_out
    assert listed == sorted(address(page) for page in pages if page not in kept_out)
    assert not [url for url in listed if url.count("/en/latest/") != 1]
    robots = (canonical_site / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()


# -- the 404 page ------------------------------------------------------------------


class _NotFoundHandler(SimpleHTTPRequestHandler):
    """Serves a site under PREFIX, and its 404.html for every missing address,
    as Read the Docs does."""

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0]
        inner = path[len(PREFIX) :] if path.startswith(PREFIX) else "__outside_the_site__"
        return super().translate_path("/" + inner)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = Path(self.directory, "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def not_found_server(canonical_site: Path) -> Iterator[str]:
    handler = functools.partial(_NotFoundHandler, directory=str(canonical_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_the_404_page_works_from_a_nested_missing_address(not_found_server: str) -> None:
    missing = f"{not_found_server}{PREFIX}projects/no/such/deep/page.html"
    with chromium() as browser, open_page(browser) as page:
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.url != missing else None)
        response = page.goto(missing)
        assert response is not None and response.status == 404
        assert page.locator("h1").first.inner_text().startswith("Page not found")
        stylesheets = page.evaluate("[...document.styleSheets].filter(s => s.href).length")
        assert stylesheets >= 3  # furo's, pygments' and the extension's loaded
        links = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
        assert failed == []
    internal = {
        link.split("#")[0] for link in links if link.startswith(not_found_server) and not link.startswith(missing)
    }
    assert len(internal) >= 10  # the sidebar's and the page's own
    for link in internal:
        with urllib.request.urlopen(link) as answer:
            assert answer.status == 200, link


def test_the_404_page_is_not_previewed_or_listed(canonical_site: Path) -> None:
    head = (canonical_site / "404.html").read_text("utf-8").split("</head>", 1)[0]
    assert 'rel="canonical"' not in head and "og:" not in head


# -- redirects from former addresses -------------------------------------------------

LOCKS = "projects/locks.md"


def moved(text: str, *former: str) -> str:
    """``text`` (a page of test-basic) with ``moved_from`` entries added."""
    entries = "".join(f"    - {name}\n" for name in former)
    return text.replace("resume:\n", f"resume:\n  moved_from:\n{entries}", 1)


def test_a_former_address_redirects_in_a_browser_with_its_fragment(make_app, tmp_path: Path) -> None:
    original = (Path(__file__).parents[1] / "roots/test-basic" / LOCKS).read_text("utf-8")
    app = build(make_app, site(tmp_path, files={LOCKS: moved(original, "projects/rwlock", "old/locking")}))
    assert warnings(app) == []
    for former in ("projects/rwlock.html", "old/locking.html"):
        page = (app.outdir / former).read_text("utf-8")
        assert 'http-equiv="refresh"' in page and "locks.html" in page
    with serve(app.outdir) as base, chromium() as browser, open_page(browser) as page:
        page.goto(f"{base}old/locking.html#what-was-built")
        page.wait_for_url(f"{base}projects/locks.html#what-was-built")
        assert page.locator("h1").first.inner_text().startswith("Reader/writer locks")
        page.goto(f"{base}projects/rwlock.html")
        page.wait_for_url(f"{base}projects/locks.html")


@pytest.mark.parametrize(
    ("former", "says"),
    [
        (("projects/splice",), r"former address 'projects/splice' is a page of the site"),
        (("projects/rwlock", "projects/rwlock"), r"former address 'projects/rwlock' is listed twice"),
    ],
)
def test_a_former_address_that_clashes_is_a_located_warning(make_app, tmp_path: Path, former, says) -> None:
    original = (Path(__file__).parents[1] / "roots/test-basic" / LOCKS).read_text("utf-8")
    src = site(tmp_path, files={LOCKS: moved(original, *former)})
    app = build(make_app, src)
    line = 3 + len(former)  # the last entry listed
    found = [w for w in warnings(app) if w.startswith(f"{src / LOCKS}:{line}: WARNING: ")]
    assert [w for w in found if re.search(says + r".*\[resume\.redirect\]", w)], warnings(app)
    assert (app.outdir / "projects/splice.html").read_text("utf-8").count("http-equiv") == 0


# -- incremental builds -----------------------------------------------------------


def test_a_renamed_person_reaches_every_card_and_page_on_the_next_build(make_app, tmp_path: Path) -> None:
    person = "---\nresume:\n  kind: person\n---\n\n"
    index = (Path(__file__).parents[1] / "roots/test-basic/index.md").read_text("utf-8")
    src = site(tmp_path, files={"index.md": person + index})
    deployed = {"html_baseurl": BASE}
    first = build(make_app, src, confoverrides=deployed)
    card = (first.outdir / "_images/cards/projects/locks.png").read_bytes()
    (src / "index.md").write_text(person + index.replace("# A test career", "# Another name"), "utf-8")
    second = again(make_app, first, src, confoverrides=deployed)
    assert warnings(second) == []
    page = (second.outdir / "projects/locks.html").read_text("utf-8")
    assert '"name": "Another name"' in page and "A test career" not in page.split("</head>")[0]
    assert (second.outdir / "_images/cards/projects/locks.png").read_bytes() != card


# Outside the home page's toctree, so that only the schools make it out of date.
EDUCATION = """---
orphan: true
jsonresume: {read: education}
---

# Education

First College
: BA in Computing, June 1998.

Second School
: High school, June 1994.
"""


def _alumni(page: Path) -> list[str]:
    (data,) = [
        json.loads(found)
        for found in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S)
    ]
    return [school["name"] for school in data["mainEntity"].get("alumniOf", [])]


def test_the_schools_come_from_the_education_page_and_follow_its_edits(make_app, tmp_path: Path) -> None:
    person = "---\nresume:\n  kind: person\n---\n\n"
    index = (Path(__file__).parents[1] / "roots/test-basic/index.md").read_text("utf-8")
    src = site(tmp_path, files={"index.md": person + index, "education.md": EDUCATION})
    lists = {"myst_enable_extensions": ["deflist"]}  # the education page's definition list
    first = build(make_app, src, confoverrides=lists)
    assert warnings(first) == []
    assert _alumni(first.outdir / "index.html") == ["First College", "Second School"]
    (src / "education.md").write_text(EDUCATION.replace("Second School", "Another School"), "utf-8")
    second = again(make_app, first, src, confoverrides=lists)
    assert warnings(second) == []
    assert _alumni(second.outdir / "index.html") == ["First College", "Another School"]


def test_a_schools_key_on_the_home_page_says_where_schools_are_read(make_app, tmp_path: Path) -> None:
    person = "---\nresume:\n  kind: person\n  schools: [A school]\n---\n\n"
    index = (Path(__file__).parents[1] / "roots/test-basic/index.md").read_text("utf-8")
    src = site(tmp_path, files={"index.md": person + index})
    app = build(make_app, src)
    found = [w for w in warnings(app) if w.startswith(f"{src / 'index.md'}:4: WARNING: ")]
    assert len(found) == 1 and "read from the education page" in found[0] and "[resume.key]" in found[0], warnings(app)


# -- printing --------------------------------------------------------------------


def test_a_printed_page_shows_the_text_and_external_addresses(site_html: Path) -> None:
    with serve(site_html) as base, chromium() as browser, open_page(browser, width=900) as page:
        page.goto(f"{base}colophon.html")
        page.emulate_media(media="print")
        for selector in (".sidebar-drawer", ".toc-drawer", ".theme-toggle", ".mobile-header", ".related-pages"):
            for element in page.locator(selector).all():
                assert not element.is_visible(), selector
        assert page.locator("article h1").is_visible()
        external = page.locator("article a.reference.external[href^='http']").first
        shown = external.evaluate("a => getComputedStyle(a, '::after').content")
        assert external.get_attribute("href") in shown
        page.emulate_media(media="screen")
        assert page.locator(".sidebar-drawer").is_visible()


def test_cards_are_drawn_the_same_every_time(tmp_path: Path) -> None:
    from resume.draw.cards import Card, render_png

    card = Card("Alfred Perlstein", "A title long enough to wrap onto a second line of the card", ("Acme", "2007"))
    render_png(card, tmp_path / "a.png")
    render_png(Card("$x$", "Costs $5 and $10", ("50%",)), tmp_path / "dollars.png")  # no TeX math
    render_png(card, tmp_path / "b.png")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert png_size(tmp_path / "a.png") == (1200, 630)
    assert b"Matplotlib" not in (tmp_path / "a.png").read_bytes()


def test_without_a_site_address_no_card_is_drawn(make_app, tmp_path: Path) -> None:
    app = build(make_app, site(tmp_path))
    assert warnings(app) == []
    assert not (app.outdir / "_images/cards").exists()
    assert "og:image" not in (app.outdir / "projects/locks.html").read_text("utf-8")


@pytest.mark.parametrize("details", [(), ("Acme",), ("Acme", "2001–2007")])
@pytest.mark.parametrize("words", [1, 6, 12, 30, 80])
def test_a_card_title_never_runs_into_the_details(words: int, details: tuple[str, ...]) -> None:
    from resume.draw.cards import HEIGHT, LINE_HEIGHT, MARGIN, Card, layout

    title = " ".join(["Allocator"] * words)
    lines = layout(Card("Alfred Perlstein", title, details))
    title_lines = [line for line in lines if line.weight == "bold"]
    detail_lines = lines[1 + len(title_lines) :]
    assert 1 <= len(title_lines) <= 4 and len(detail_lines) == len(details)
    bottom = title_lines[-1].y + title_lines[-1].size * LINE_HEIGHT
    assert all(bottom < line.y for line in detail_lines)
    assert all(line.y + line.size <= HEIGHT - MARGIN + 12 for line in lines)
    shown = " ".join(line.text for line in title_lines)
    assert shown == title or shown.endswith("…")


def test_json_ld_cannot_be_closed_by_the_text_it_carries() -> None:
    from resume.web.jsonld import script

    element = script({"name": "</script><script>alert(1)</script>", "email": "a@b.example"})
    assert element.count("</script>") == 1 and "a@b" not in element
    assert json.loads(element.split("\n", 1)[1].rsplit("</script>", 1)[0])["email"] == "a@b.example"


def test_descriptions_are_cut_at_a_word(canonical_site: Path) -> None:
    for page in site_pages(canonical_site):
        if page in ("404.html", "search.html", "genindex.html"):
            continue
        description = metadata(canonical_site, page)["names"]["description"]
        assert len(description) <= 200 and not description.endswith("..."), (page, description)
        if description.endswith("…"):
            assert description.endswith(" …"), (page, description)


def test_every_page_names_the_sites_icons_drawn_from_the_name(canonical_site: Path) -> None:
    from PIL import Image

    from resume.draw.icon import initials

    for page in ("index.html", f"projects/{PROJECT}.html"):
        head = (canonical_site / page).read_text("utf-8").split("</head>", 1)[0]
        prefix = "../" * page.count("/")
        assert f'<link rel="icon" href="{prefix}favicon.svg" type="image/svg+xml" />' in head, page
        assert f'<link rel="apple-touch-icon" href="{prefix}apple-touch-icon.png" />' in head, page
    name = site_config()["project"]
    assert f">{initials(name)}</text>" in (canonical_site / "favicon.svg").read_text("utf-8")
    with Image.open(canonical_site / "apple-touch-icon.png") as touch:
        assert touch.size == (180, 180)
    with Image.open(canonical_site / "favicon.ico") as ico:
        assert ico.format == "ICO"


@pytest.mark.parametrize(
    ("name", "letters"), [("Ada King Lovelace", "AL"), ("Kim", "K"), ("  ", "?"), ("Jean-Luc (JL) Picard", "JP")]
)
def test_initials(name: str, letters: str) -> None:
    from resume.draw.icon import initials

    assert initials(name) == letters
