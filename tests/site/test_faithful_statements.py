"""Faithful prose (issue 21): one guard per statement the résumé does not make,
and the résumé's own spelling convention (US) on every reader's page.

The seed résumé is in the sources' history only; the expectations here come from
the pages' front matter and conf.py, so an author's edit cannot make them stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers import read_page, visible_text
from site_fixtures import ROOT, site_config

SOURCES = sorted(
    path
    for pattern in ("*.md", "experience/*.md", "projects/*.md", "_includes/*.md")
    for path in ROOT.glob(pattern)
    if path.name != "README.md"
)


def _reader_pages(site_html: Path) -> list[Path]:
    return [
        p
        for p in sorted(site_html.rglob("*.html"))
        if not p.relative_to(site_html).parts[0].startswith("_") and "guide" not in p.relative_to(site_html).parts
    ]


def _text(site_html: Path, page: str) -> str:
    return visible_text((site_html / page).read_text("utf-8"))


def _everywhere(site_html: Path) -> dict[str, str]:
    return {str(p.relative_to(site_html)): visible_text(p.read_text("utf-8")) for p in _reader_pages(site_html)}


def test_no_source_is_dated_after_the_resume() -> None:
    """The 2017 autofs(5) page and "a later, separate implementation" are gone:
    nothing cited or said is dated after the résumé's as-of month."""
    as_of_year = int(site_config()["resume_as_of"][:4])
    years = [int(y) for y in re.findall(r"year\s*=\s*\{(\d{4})\}", (ROOT / "references.bib").read_text("utf-8"))]
    assert years and max(years) <= as_of_year, years
    for path in SOURCES:
        text = path.read_text("utf-8")
        assert "later, separate implementation" not in text, path.name
        assert "documents today" not in text and "ships today" not in text, path.name


def test_no_automounter_of_a_later_freebsd(site_html: Path) -> None:
    for page, text in _everywhere(site_html).items():
        assert "autofs(5)" not in text, page


def test_no_project_is_for_a_systems_team(site_html: Path) -> None:
    for page, text in _everywhere(site_html).items():
        assert "systems team" not in text, page


def test_pontiflex_does_not_make_him_the_only_senior_systems_engineer(site_html: Path) -> None:
    for page, text in _everywhere(site_html).items():
        assert "is the senior systems engineer" not in text.casefold(), page


def test_no_skill_of_a_system_that_a_project_replaced() -> None:
    """A project that replaced an "X-backed system" lists X as a skill neither
    on its page nor on its employer's (the match server replaced a MySQL-backed one)."""
    for path in sorted((ROOT / "projects").glob("*.md")):
        meta = read_page(path)[0]
        for old in re.findall(r"([\w+#.-]+)-backed system", meta.get("result", "") + meta.get("summary", "")):
            assert old not in meta.get("skills", []), path.name
            assert old not in read_page(ROOT / "experience" / f"{meta['employer']}.md")[0].get("skills", []), path.name


def test_non_core_intellectual_property_as_the_resume_says(site_html: Path) -> None:
    for page, words in _everywhere(site_html).items():
        assert "outside its core intellectual property" not in words, page


def test_the_home_page_keeps_contractor_in_a_contract_role(site_html: Path) -> None:
    titles = [
        position["title"]
        for path in sorted((ROOT / "experience").glob("*.md"))
        if path.stem != "index"
        for position in read_page(path)[0].get("positions", [])
    ]
    contract = [t for t in titles if "contractor" in t.casefold()]
    assert contract, "no contract role in the sources: nothing to check"
    intro = _text(site_html, "index.html").split("Highlights", 1)[0]
    assert "contractor" in intro


BRITISH = re.compile(
    r"\b(?:\w+is(?:e|ed|es|ing|ation|ations)|\w+ys(?:ed|ing)|centre|colour\w*|behaviour\w*|catalogue\w*|"
    r"licence|favour\w*|honour\w*|labour\w*|programmes?|travell\w*|modell\w*|labell\w*|signall\w*|"
    r"judgement|whilst|amongst|artefact\w*|spelt)\b",
    re.IGNORECASE,
)
# Words that end in -ise in US spelling too.
US_ISE = {
    "otherwise", "advise", "expertise", "precise", "rise", "wise", "concise", "premise", "exercise", "comprise",
    "surprise", "enterprise", "promise", "raise", "noise", "revise", "devise", "supervise", "franchise",
    "likewise", "arise", "arises", "arising", "raised", "raises", "promised", "revised", "devised",
    "supervised", "enterprises", "praise", "compromise", "disguise", "cruise", "analyses",
}  # fmt: skip


def test_one_spelling_convention_the_resumes_us(site_html: Path) -> None:
    found = {
        (page, word)
        for page, text in _everywhere(site_html).items()
        for word in BRITISH.findall(text)
        if word.casefold() not in US_ISE
    }
    assert not found, sorted(found)
