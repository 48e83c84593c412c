"""This career's Word résumés (`make docx`) hold what its two-page PDFs hold:
every employer and position as a heading, the same project lines as list
paragraphs; expectations from the sources and from the PDFs' text."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document

from helpers import read_page
from site_fixtures import ROOT, require_tool, site_config

BRIEFS = [entry[0] for entry in site_config()["latex_documents"] if entry[4] == "resumebrief"]


def _words(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.mark.parametrize("brief", BRIEFS)
def test_every_position_is_a_heading_and_every_line_of_the_pdf_is_there(
    site_docx: dict[str, Path], site_pdfs: dict[str, Path], brief: str
) -> None:
    paragraphs = [(p.style.name if p.style else "", _words(p.text)) for p in Document(str(site_docx[brief])).paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 2"]
    employers = [read_page(path) for path in sorted((ROOT / "experience").glob("*.md")) if path.stem != "index"]
    assert len(headings) == len(employers)
    for front, body in employers:
        name = next(line[2:] for line in body.splitlines() if line.startswith("# "))
        (heading,) = [h for h in headings if h.startswith(name)]
        for position in front["positions"]:
            assert position["title"] in heading, (name, position["title"])
    pdf = subprocess.run(
        [require_tool("pdftotext"), str(site_pdfs[brief]), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [text for style, text in paragraphs if style == "List Bullet"]
    assert lines
    for line in lines:  # the same lines as the PDF, which may break them across lines and pages
        assert _words(line)[:40] in _words(pdf), line
