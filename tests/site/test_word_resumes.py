"""This career's Word résumés (`make docx`) hold what its two-page PDFs hold:
every employer and position as a heading, the same project lines as list
paragraphs; expectations from the sources and from the PDFs' text."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from helpers import read_page
from site_fixtures import ROOT, poppler, site_config

BRIEFS = [entry[0] for entry in site_config()["latex_documents"] if entry[4] == "resumebrief"]


def _words(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.mark.parametrize("brief", BRIEFS)
def test_every_position_is_a_heading_and_every_line_of_the_pdf_is_there(
    site_docx: dict[str, Path], site_pdfs: dict[str, Path], brief: str
) -> None:
    paragraphs = [(p.style.name if p.style else "", _words(p.text)) for p in Document(str(site_docx[brief])).paragraphs]
    employers = [read_page(path) for path in sorted((ROOT / "experience").glob("*.md")) if path.stem != "index"]
    entries = _entries(paragraphs)
    assert len(entries) == len(employers)
    for front, body in employers:
        name = next(line[2:] for line in body.splitlines() if line.startswith("# "))
        (entry,) = [lines for lines in entries if lines[0].startswith(name)]
        for position in front["positions"]:  # each on a heading line of its own
            assert sum(position["title"] in line for line in entry) == 1, (name, position["title"])
    pdf = poppler("pdftotext", str(site_pdfs[brief]), "-")
    word = " ".join(text for style, text in paragraphs if style == "List Bullet")
    bullets = [_words(line[1:])[:30] for line in pdf.splitlines() if line.startswith("•")]
    assert bullets
    for bullet in bullets:  # every line of the PDF (which may leave some out to fit its pages)
        assert bullet in word, bullet


def _entries(paragraphs: list[tuple[str, str]]) -> list[list[str]]:
    """The heading lines of each entry of the experience: a Heading 2, and Heading 3s for more positions."""
    entries: list[list[str]] = []
    for style, text in paragraphs:
        if style == "Heading 2":
            entries.append([text])
        elif style == "Heading 3" and entries:
            entries[-1].append(text)
    return entries
