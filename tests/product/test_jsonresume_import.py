"""`make new`: a knowledge base from a JSON Resume file, and the round trip.

The package's sample and example résumés (tests/jsonresume, MIT licence) and
résumés made here to stress the import become sites that build strictly; their
export keeps every work entry, project, skill, date and highlight; invalid files
are refused with located problems and nothing written.
"""

from __future__ import annotations

import copy
import html
import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docutils.utils import smartquotes

from resume.core.claims import read_stated
from resume.jsonresume.importer import plan_site
from resume.jsonresume.newsite import main as make_new

from helpers import assert_lint_clean, run_make_new
from site_fixtures import poppler, require_tool, sphinx_build

SAMPLES = sorted((Path(__file__).parents[1] / "jsonresume").glob("*.resume.json"))
BASE = "https://new.example.org/"
HOSTILE = (
    "<script>alert(1)</script> {{ download_pdf }} `x` {raw}`<b>` [a](http://evil.example) "
    "*em* \\ $ % & # _ ^ ~ &amp; <!-- c --> :::{note} --- ```{eval-rst} \"q\" 'q' -- "
)
HOSTILE_BLOCK = "\n---\nresume: {kind: employer}\n---\n# heading\n```{raw} html\n<i>x</i>\n```\n"


def new_site(tmp_path: Path, document: dict | None, name: str = "site") -> tuple[Path, str]:
    """Run `make new` on ``document`` (the starter without one); the site and its report."""
    source = None
    if document is not None:
        source = tmp_path / f"{name}.json"
        source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    result = run_make_new(source, tmp_path / name)
    assert result.returncode == 0, result.stderr
    return tmp_path / name, result.stdout


def build(site: Path, builder: str, *options: str) -> Path:
    return sphinx_build(builder, site / "_build" / builder, *options, srcdir=site)


def export(site: Path) -> dict:
    outdir = build(site, "jsonresume", "-D", f"html_baseurl={BASE}")
    return json.loads((outdir / "resume.json").read_text("utf-8"))


def visible(page: Path) -> str:
    body = page.read_text("utf-8").split('<article role="main"', 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def keeps_everything(original: dict, exported: dict) -> None:
    """Every work entry, project, skill keyword, date and highlight is in
    ``exported``, and the sections a page carries as they are come back whole."""

    def norm(value):
        return " ".join(value.split()) if isinstance(value, str) else [norm(v) for v in value or []]

    work = [
        (norm(e["name"]), norm(e["position"]), e["startDate"], e.get("endDate"), norm(e.get("highlights")))
        for e in exported.get("work", [])
    ]
    for entry in original.get("work", []):
        key = (
            norm(entry["name"]),
            norm(entry["position"]),
            entry["startDate"],
            entry.get("endDate"),
            norm(entry.get("highlights")),
        )
        assert key in work, key
    projects = [
        (norm(p["name"]), p.get("startDate"), p.get("endDate"), norm(p.get("highlights")), norm(p.get("keywords")))
        for p in exported.get("projects", [])
    ]
    for entry in original.get("projects", []):
        key = (
            norm(entry["name"]),
            entry.get("startDate"),
            entry.get("endDate"),
            norm(entry.get("highlights")),
            list(dict.fromkeys(k for k in norm(entry.get("keywords")) if k)),
        )
        assert key in projects, key
    # One entry per category; a keyword says its own level ("SQL (Intermediate)").
    levels = {skill["level"] for skill in original.get("skills", []) if skill.get("level")}
    skills = {
        (s["name"], *read_stated(k, levels)[:2])
        for s in exported.get("skills", [])
        for k in s.get("keywords", [s["name"]])
    }
    for skill in original.get("skills", []):
        for keyword in skill.get("keywords") or [skill["name"]]:
            assert (norm(skill["name"]), norm(keyword), skill.get("level") or None) in skills
    for section in ("volunteer", "awards", "certificates", "publications", "languages", "interests"):
        assert exported.get(section) == original.get(section), section


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_samples_import_build_and_export_everything(tmp_path, sample):
    original = json.loads(sample.read_text("utf-8"))
    site, report = new_site(tmp_path, original)
    html_dir = build(site, "html")
    assert (html_dir / "index.html").is_file()
    home = visible(html_dir / "index.html")
    assert original["basics"]["name"] in home
    # The first screen: label and contact, the two-page résumé, then the summary.
    basics = original["basics"]
    email = "Email:" if basics.get("email") else None  # the address is written so that scrapers miss it
    first = [basics.get("label"), email, "Two-page résumé:", " ".join(basics["summary"].split()[:6])]
    places = [home.index(text) for text in first if text]
    assert places == sorted(places), first
    keeps_everything(original, export(site))
    # The one Python file written for the person (the rest is this project's, linted here):
    # its own `make lint` passes.
    assert_lint_clean(site, "conf.py")
    # The references are kept for private builds only (a public site names no referee).
    assert ("/references: kept for private builds only (-t private)" in report) == ("references" in original)
    assert "references" not in export(site)
    page = visible(html_dir / "awards.html") if "awards" in original else ""
    for award in original.get("awards", []):
        assert award["title"] in page and award["awarder"] in page
    # The two-page résumé: every position with its role and lines, every skill, every school.
    straight = str.maketrans("‘’“”", "''\"\"")  # the page's quotes are typographic
    brief = visible(html_dir / "brief.html").translate(straight)
    for entry in original.get("work", []):
        for text in [entry["name"], entry["position"], entry.get("summary") or "", *entry.get("highlights", [])]:
            assert " ".join(text.split()) in brief, text
    for skill in original.get("skills", []):
        for keyword in skill.get("keywords") or [skill["name"]]:
            assert keyword in brief, keyword
    for school in original.get("education", []):
        assert school["institution"] in brief, school
    for project in original.get("projects", []):  # under its employer, or among the independent ones
        assert project["name"] in brief, project["name"]


def test_referees_address_and_phone_only_in_private_builds(tmp_path):
    original = json.loads((Path(__file__).parents[1] / "jsonresume/sample.resume.json").read_text("utf-8"))
    site, _ = new_site(tmp_path, original)
    private = visible(build(site, "html", "-t", "private") / "brief.html")
    public = visible(build(site, "html", "-E") / "brief.html")
    said = [original["basics"]["phone"], original["basics"]["location"]["address"]]
    said += [" ".join(referee["reference"].split()) for referee in original["references"]]
    for text in said:
        assert text in private and text not in public, text
    exported = json.loads(
        (build(site, "jsonresume", "-t", "private", "-D", f"html_baseurl={BASE}") / "resume.json").read_text("utf-8")
    )
    assert exported["references"] == original["references"]


def test_a_sample_builds_as_pdf_and_epub(tmp_path):
    site, _ = new_site(
        tmp_path, json.loads((Path(__file__).parents[1] / "jsonresume/sample.resume.json").read_text("utf-8"))
    )
    epub = next(build(site, "epub").glob("*.epub"))
    assert epub.name == "richard-hendriks-career-book.epub"
    epubcheck = (
        subprocess.run(
            ["java", "-jar", "/usr/share/java/epubcheck.jar", str(epub)], capture_output=True, text=True, check=False
        )
        if Path("/usr/share/java/epubcheck.jar").is_file()
        else None
    )
    if epubcheck is not None:
        assert epubcheck.returncode == 0, epubcheck.stdout + epubcheck.stderr
    latex = build(site, "latex")
    pdf = compile_pdf(latex, "richard-hendriks-career-book")
    text = pdf_text(pdf)
    assert "Richard Hendriks" in text and "Miss Direction" in " ".join(text.split())


def compile_pdf(latex: Path, name: str) -> Path:
    latexmk = require_tool("latexmk")
    require_tool("xelatex")
    run = subprocess.run(
        [latexmk, "-pdf", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
        cwd=latex,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    return latex / f"{name}.pdf"


def pdf_text(pdf: Path) -> str:
    return poppler("pdftotext", "-layout", str(pdf), "-")


# -- résumés that stress the import ---------------------------------------------------------


def position(name: str, title: str, start: str, end: str | None = None, **more) -> dict:
    entry = {"name": name, "position": title, "startDate": start, **more}
    if end:
        entry["endDate"] = end
    return entry


STRESS: dict[str, dict[str, Any]] = {
    "several-positions-concurrent-ongoing": {
        "basics": {"name": "Ada Example", "label": "Engineer"},
        "work": [
            position("Acme", "Principal engineer", "2019-03", highlights=["Led the platform team"]),
            position("Side Gig", "Consultant", "2020-01", "2021-06"),
            position("Acme", "Senior engineer", "2016-01", "2019-02", summary="Storage."),
            position("Acme", "Engineer", "2014-07", "2015-12"),
        ],
        "projects": [
            {
                "name": "Replication",
                "entity": "Acme",
                "startDate": "2017-02",
                "endDate": "2018-01",
                "highlights": ["3x throughput"],
                "keywords": ["Go", "Raft"],
            },
            {"name": "Found by its dates", "startDate": "2020-03", "endDate": "2020-05", "keywords": ["Go"]},
        ],
        "skills": [{"name": "Languages", "level": "Expert", "keywords": ["Go", "C"]}],
    },
    "year-only-dates-no-optional-sections": {
        "basics": {"name": "Yuri Yearly"},
        "work": [position("Old Firm", "Clerk", "1990", "1995"), position("New Firm", "Manager", "1996")],
    },
    "non-ascii": {
        "basics": {"name": "Zoë Ångström-Łukasiewicz", "label": "Ingénieure"},
        "work": [
            position("Société Générale d'Études", "Développeuse", "2010-09", "2015-01"),
            position("Müller & Söhne GmbH", "Leiterin", "2015-02"),
        ],
        "projects": [{"name": "Überwachung", "entity": "Müller & Söhne GmbH", "keywords": ["Rust", "Ärger"]}],
        "skills": [{"name": "Sprachen", "keywords": ["Français", "Deutsch"]}],
        "languages": [{"language": "Français", "fluency": "Langue maternelle"}],
    },
    "project-with-no-entity": {
        "basics": {"name": "Indy Pendent"},
        "projects": [
            {
                "name": "Weekend tool",
                "description": "A tool.",
                "startDate": "2022-01",
                "highlights": ["Used by 10 people"],
                "url": "https://tool.example.org",
            }
        ],
    },
    "only-a-name": {"basics": {"name": "Min Imal"}},
}


def long_career() -> dict:
    work = [position(f"Company {i}", f"Role {i}", f"{1960 + i}-01", f"{1960 + i}-12") for i in range(60)]
    projects = [
        {
            "name": f"Project {i}",
            "entity": f"Company {i}",
            "startDate": f"{1960 + i}-03",
            "endDate": f"{1960 + i}-06",
            "keywords": [f"Skill {i % 7}"],
            "highlights": [f"Result {i}"],
        }
        for i in range(60)
    ]
    return {"basics": {"name": "Lon Gcareer"}, "work": work, "projects": projects}


@pytest.mark.parametrize("case", [*STRESS, "very-long-career"])
def test_stress_resumes_import_and_build(tmp_path, case):
    document = long_career() if case == "very-long-career" else copy.deepcopy(STRESS[case])
    site, _ = new_site(tmp_path, document)
    html_dir = build(site, "html")
    assert document["basics"]["name"] in visible(html_dir / "index.html")
    keeps_everything(document, export(site))


def test_several_positions_at_one_employer_share_one_page(tmp_path):
    site, report = new_site(tmp_path, copy.deepcopy(STRESS["several-positions-concurrent-ongoing"]))
    assert sorted(p.name for p in (site / "experience").glob("*.md")) == ["acme.md", "index.md", "side-gig.md"]
    acme = visible(build(site, "html") / "experience" / "acme.html")
    for title in ("Principal engineer", "Senior engineer", "Engineer", "Led the platform team", "Replication"):
        assert title in acme
    assert '/projects/1: placed at employer page "acme", whose dates contain it' in report


def test_a_project_with_no_employer_is_independent(tmp_path):
    site, report = new_site(tmp_path, copy.deepcopy(STRESS["project-with-no-entity"]))
    assert (
        "/projects/0: no entity, and no work entry contains its dates; it is on the independent projects page" in report
    )
    page = visible(build(site, "html") / "projects" / "independent.html")
    assert "Weekend tool" in page


# -- hostile text -------------------------------------------------------------------------------


def hostile_document() -> dict:
    count = iter(range(1000))

    def h() -> str:
        return f"{HOSTILE}{next(count)}"

    return {
        "basics": {
            "name": f"Evil {h()}",
            "label": h(),
            "summary": h() + HOSTILE_BLOCK,
            "email": "evil@example.org",
            "url": "javascript:alert(1)",
            "location": {"city": h(), "region": h()},
            "profiles": [{"network": h(), "username": h(), "url": "javascript:alert(2)"}],
        },
        "work": [
            position(
                f"Org {h()}",
                h(),
                "2010-01",
                "2012-12",
                summary=h() + HOSTILE_BLOCK,
                highlights=[h(), h()],
                location=h(),
                description=h(),
                url="javascript:alert(3)",
            ),
            position(f"Org2 {h()}", h(), "2013-01"),
        ],
        "projects": [
            {
                "name": f"Proj {h()}",
                "description": h(),
                "highlights": [h()],
                "keywords": [h(), h()],
                "roles": [h()],
                "entity": h(),
                "type": h(),
                "url": "data:text/html,x",
                "startDate": "2011",
            }
        ],
        "skills": [{"name": h(), "level": h(), "keywords": [h(), h()]}],
        "education": [{"institution": h(), "area": h(), "studyType": h(), "score": h(), "courses": [h()]}],
        "interests": [{"name": h(), "keywords": [h()]}],
        "languages": [{"language": h(), "fluency": h()}],
    }


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, dict]:
    document = hostile_document()
    site, _ = new_site(tmp_path_factory.mktemp("hostile"), document)
    return site, document


def all_texts(value) -> list[str]:
    if isinstance(value, str):
        return [] if value.startswith(("javascript:", "data:", "evil@")) else [" ".join(value.split())]
    if isinstance(value, list):
        return [t for v in value for t in all_texts(v)]
    if isinstance(value, dict):
        return [t for k, v in value.items() if k not in {"startDate", "endDate", "url"} for t in all_texts(v)]
    return []


def test_hostile_text_is_literal_in_html(hostile_site):
    site, document = hostile_site
    out = build(site, "html")
    shown = " ".join(
        visible(page)
        for page in sorted(out.rglob("*.html"))
        if "_static" not in page.parts and page.name != "search.html"
    )
    for text in all_texts(document):
        # Literal, but for typographic quotes in what the extension prints.
        assert text in shown or smartquotes.smartyPants(text, "q", "en") in shown, text
    for page in out.rglob("*.html"):
        source = page.read_text("utf-8")
        assert "<script>alert" not in source and "<b>" not in source and "<i>x</i>" not in source
        assert 'href="javascript:' not in source and 'href="data:' not in source
        assert 'href="http://evil.example' not in source


def test_hostile_text_survives_epub_and_pdf(hostile_site):
    import xml.etree.ElementTree as ET

    site, _document = hostile_site
    epub = next(build(site, "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        pages = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml")]
    for page in pages:
        root = ET.fromstring(page)
        assert not [el for el in root.iter() if el.tag.endswith("script")]
    text = html.unescape(" ".join(" ".join(re.sub(r"<[^>]+>", " ", p).split()) for p in pages))
    assert " ".join(HOSTILE.split()) in text
    latex = build(site, "latex")
    name = next(latex.glob("*-career-book.tex")).stem
    pdf = " ".join(pdf_text(compile_pdf(latex, name)).split())
    for fragment in ("<script>alert(1)</script>", "{{ download_pdf }}", "$ % & # _ ^ ~", ":::{note}", "```{eval-rst}"):
        assert fragment in pdf, fragment


# -- round trip ---------------------------------------------------------------------------------


def without_site_addresses(document: dict) -> dict:
    """The export minus what names the site itself (README: not carried)."""
    document = copy.deepcopy(document)
    for section in ("work", "projects"):
        for entry in document.get(section, []):
            entry.pop("url", None)
            entry.pop("website", None)
    document.get("meta", {}).pop("canonical", None)
    return document


def test_export_import_export_gives_the_same_document(tmp_path, site_json):
    first = json.loads(site_json.read_text("utf-8"))
    site, report = new_site(tmp_path, first)
    second = export(site)
    assert without_site_addresses(second) == without_site_addresses(first)
    assert all("not carried (" not in line for line in report.splitlines())
    assert [line for line in report.splitlines() if "/education/" in line or "/interests/" in line] == []


# -- refusals -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {
                "basics": {"name": "X"},
                "work": [position("A", "B", "2019-01"), position("A", "B", "2019-02"), position("A", "B", "2019-13")],
            },
            '/work/2/startDate: "2019-13" is not a real month',
        ),
        (
            {"basics": {"name": "X"}, "work": [position("A", "B", "2020-01", "2019-01")]},
            '/work/0/endDate: "2019-01" is before startDate "2020-01"',
        ),
        (
            {"basics": {"name": "X"}, "work": [{"position": "B"}]},
            "/work/0: a work entry with neither the organisation's name",
        ),
        (
            {"basics": {"name": "X"}, "work": {"name": "A"}},
            '/work: {"name": "A"} is an object; JSON Resume wants an array here',
        ),
        ({"basics": {"label": "no name"}}, "/basics/name: the site needs the person's name; write it as a string"),
        ([], "/: [] is an array; JSON Resume wants an object here"),
    ],
)
def test_invalid_files_are_refused_with_located_problems(tmp_path, document, expected):
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), "utf-8")
    dest = tmp_path / "never"
    result = run_make_new(source, dest)
    assert result.returncode == 1
    assert f"  {expected}" in result.stderr
    assert not dest.exists()


def test_a_file_that_is_not_json_and_a_full_destination_are_refused(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", "utf-8")
    assert make_new(["--from", str(bad), str(tmp_path / "a")]) == 2
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine", "utf-8")
    assert make_new([str(full)]) == 2
    assert sorted(p.name for p in full.iterdir()) == ["keep.txt"]
    assert not (tmp_path / "a").exists()


# -- nothing of this site's person in a new one ------------------------------------------------


def test_nothing_of_this_site_remains_in_a_new_one(tmp_path):
    from site_fixtures import site_config

    config = site_config()
    site, _ = new_site(tmp_path, None)
    person = [str(config["project"]), str(config["resume_slug"]), *str(config["project"]).split()]
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8", errors="replace").casefold()
        for name in person:
            assert name.casefold() not in text, (path.relative_to(site), name)
    assert "make readthedocs" in (site / ".readthedocs.yaml").read_text("utf-8")


def test_the_starter_builds(tmp_path):
    site, _ = new_site(tmp_path, None)
    page = visible(build(site, "html") / "experience" / "example-company.html")
    assert "Software engineer" in page and "Example project" in page
    assert plan_site({"basics": {"name": "Your Name"}}, fallback_as_of="2020-01").as_of == "2020-01"
