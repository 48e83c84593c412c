"""The published products, checked the way a reader or a host would see them.

The builds come from site_fixtures.py: each is made once per session and has
already failed the tests that use it if Sphinx reported a warning.
"""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from helpers import page_title
from site_fixtures import ROOT, pdf_pages, poppler, read_site_config, require_tool, site_config, source_pages

# -- Clean builds ------------------------------------------------------------------


def test_html_builds_without_warnings(site_html: Path) -> None:
    assert (site_html / "index.html").is_file()


def test_epub_builds_without_warnings(site_epub: Path) -> None:
    assert site_epub.is_file()


def test_latex_builds_without_warnings(site_latex: Path) -> None:
    names = {Path(entry[1]).name for entry in site_config()["latex_documents"]}
    assert names == {tex.name for tex in site_latex.glob("*.tex")}


def test_the_published_site_holds_no_sources(site_html: Path) -> None:
    # The Markdown sources carry the text of private builds (-t private).
    assert not [path for path in (site_html / "_sources").rglob("*") if path.is_file()]


# -- ePub --------------------------------------------------------------------------


def test_epubcheck_finds_no_errors_and_no_warnings(site_epub: Path) -> None:
    java = require_tool("java")
    epubcheck = Path(require_tool("epubcheck")).resolve()
    result = subprocess.run(
        [java, "-jar", str(epubcheck), str(site_epub)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", report)
    assert counts, report
    assert counts.groups() == ("0", "0", "0"), report
    assert result.returncode == 0, report


# -- PDF ---------------------------------------------------------------------------


def pdf_text(pdf: Path) -> str:
    """The PDF's text, its lines and spaces run together as one line."""
    return " ".join(poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-").split())


# The person's name and every employer's, as its page's heading gives it.
KEY_TEXT = [
    site_config()["author"],
    "Résumé",
    *(page_title(ROOT / f"{page}.md") for page in sorted(source_pages(ROOT, "employer"))),
]


@pytest.mark.parametrize("text", KEY_TEXT)
def test_the_pdf_book_has_the_key_text(site_pdf: Path, text: str) -> None:
    assert text in pdf_text(site_pdf)


@pytest.mark.parametrize("text", KEY_TEXT)
def test_the_brief_has_the_key_text(site_brief_pdf: Path, text: str) -> None:
    assert text in pdf_text(site_brief_pdf)


def test_the_brief_fits_on_two_pages(site_brief_pdf: Path) -> None:
    assert pdf_pages(site_brief_pdf) <= 2


def test_latex_logs_have_no_errors_and_no_missing_characters(
    site_pdfs: dict[str, Path],
) -> None:
    for pdf in site_pdfs.values():
        log = pdf.with_suffix(".log").read_text("utf-8", errors="replace")
        problems = [line for line in log.splitlines() if line.startswith("!") or "Missing character" in line]
        assert not problems, f"{pdf.with_suffix('.log').name}: {problems}"


# -- Reproducible HTML -------------------------------------------------------------


def tree_contents(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts
    }


def test_html_is_byte_identical_serial_and_in_parallel(site_html: Path, site_html_parallel: Path) -> None:
    serial, again = tree_contents(site_html), tree_contents(site_html_parallel)
    assert sorted(serial) == sorted(again)
    differing = [name for name in serial if serial[name] != again[name]]
    assert not differing


# -- Downloads ---------------------------------------------------------------------


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def download_hrefs(page: Path) -> list[str]:
    collector = LinkCollector()
    collector.feed(page.read_text("utf-8"))
    return [href for href in collector.hrefs if href.endswith((".pdf", ".epub", ".docx"))]


def test_download_links_resolve_in_the_full_local_site(
    site_html_with_downloads: Path,
) -> None:
    hrefs = download_hrefs(site_html_with_downloads / "index.html")
    documents = site_config()["latex_documents"]
    expected = {Path(entry[1]).with_suffix(".pdf").name for entry in documents}
    expected |= {Path(entry[1]).with_suffix(".docx").name for entry in documents if entry[4] == "resumebrief"}
    expected.add(f"{site_config()['epub_basename']}.epub")
    assert set(hrefs) == expected
    for href in hrefs:
        assert (site_html_with_downloads / href).is_file(), href


def test_a_site_without_download_files_has_no_download_links(site_html: Path) -> None:
    assert download_hrefs(site_html / "index.html") == []


def test_read_the_docs_links_to_its_own_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://resume.example.org/en/latest/")
    monkeypatch.setenv("READTHEDOCS_LANGUAGE", "en")
    monkeypatch.setenv("READTHEDOCS_VERSION", "latest")
    conf = read_site_config()
    links = conf["myst_substitutions"]
    assert "(https://resume.example.org/_/downloads/en/latest/pdf/)" in links["download_pdf"]
    assert "(https://resume.example.org/_/downloads/en/latest/epub/)" in links["download_epub"]
    brief = f"(https://resume.example.org/en/latest/{Path(conf['latex_documents'][1][1]).stem}.pdf)"
    assert brief in links["download_brief"]
    assert brief.replace(".pdf)", ".docx)") in links["download_docx"]
    assert conf["html_baseurl"] == "https://resume.example.org/en/latest/"
    assert conf["html_extra_path"] == []


# -- Hosting and pinning -----------------------------------------------------------


def test_read_the_docs_configuration() -> None:
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text("utf-8"))
    assert config["version"] == 2
    assert config["build"]["os"] == "ubuntu-24.04"
    assert config["build"]["tools"]["python"] == "3.11"
    assert config["sphinx"] == {"configuration": "conf.py", "fail_on_warning": True}
    assert set(config["formats"]) == {"pdf", "epub"}
    install = config["build"]["jobs"]["install"]
    assert any("-r requirements.txt" in command and "-c constraints.txt" in command for command in install)


def test_read_the_docs_publishes_the_pdfs_that_the_build_makes(tmp_path: Path) -> None:
    """`make readthedocs` puts the book where Read the Docs takes the version's
    PDF and every two-page résumé, PDF and Word, beside the HTML pages; the
    configuration names no file of its own."""
    documents = site_config()["latex_documents"]
    briefs = [Path(entry[1]).stem for entry in documents if entry[4] == "resumebrief"]
    built = {"latex": [Path(entry[1]).stem + ".pdf" for entry in documents], "docx": [f"{b}.docx" for b in briefs]}
    for folder, names in built.items():
        (tmp_path / "build" / folder).mkdir(parents=True)
        for name in names:
            (tmp_path / "build" / folder / name).write_bytes(b"built")
    out = tmp_path / "out"
    # -o pdf -o docx: take the files above as built.
    command = ["make", "-s", "-o", "pdf", "-o", "docx", "readthedocs", f"BUILDDIR={tmp_path / 'build'}", f"OUT={out}"]
    command.append("VENV=")
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    book = Path(next(entry[1] for entry in documents if entry[0] == site_config()["root_doc"])).stem
    assert sorted(p.name for p in (out / "pdf").iterdir()) == [f"{book}.pdf"]
    assert {p.name for p in (out / "html").iterdir()} == {
        f"{stem}{suffix}" for stem in briefs for suffix in (".pdf", ".docx")
    }
    assert ".pdf" not in (ROOT / ".readthedocs.yaml").read_text("utf-8")


def requirement_names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.add(re.split(r"[<>=!~;\[ ]", line, maxsplit=1)[0].lower().replace("_", "-"))
    return names


def test_constraints_pin_every_requirement() -> None:
    pinned = {}
    for line in (ROOT / "constraints.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pinned[name.lower().replace("_", "-")] = version
    required = set().union(
        *(
            requirement_names(ROOT / name)
            for name in ("requirements.txt", "requirements-test.txt", "requirements-live.txt")
        )
    )
    assert required <= set(pinned)


def test_the_readme_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([\w-]+(?: [\w-]+)*):", makefile, re.MULTILINE))
    targets = {name for group in targets for name in group.split()}
    readme = (ROOT / "README.md").read_text("utf-8")
    for target in set(re.findall(r"^\s*(?:\$ )?make ([\w-]+)", readme, re.MULTILINE)):
        assert target in targets, target
    assert os.access(ROOT / ".ci" / "install-system-deps", os.X_OK)
