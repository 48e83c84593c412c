"""Every fact in the pages' ``jsonresume`` front matter reaches the HTML site.

Generic: on a site made by `make new`, these are the highlights, roles and
summaries of its JSON Resume file; on a site written by hand, whatever its
pages keep there.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from site_fixtures import ROOT


def texts(value) -> list[str]:
    """Every string in a front-matter value, except dates and URLs."""
    if isinstance(value, str):
        return [] if re.fullmatch(r"\d{4}(-\d\d){0,2}|\w+:\S*", value.strip()) else [value]
    if isinstance(value, list):
        return [text for item in value for text in texts(item)]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in {"startDate", "endDate"} for text in texts(item)]
    return []


def detailed_pages() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(ROOT.rglob("*.md")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {"_build", "_ext", "tests", "node_modules", ".venv"} or relative.name == "README.md":
            continue
        text = path.read_text("utf-8")
        if text.startswith("---\n"):
            data = yaml.safe_load(text.split("\n---\n", 1)[0][4:]) or {}
            if data.get("jsonresume"):
                found.append((relative.with_suffix("").as_posix(), data))
    return found


def visible(page: Path) -> str:
    body = page.read_text("utf-8").split('<article role="main"', 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.mark.parametrize(("docname", "data"), [*detailed_pages()] or [pytest.param("", {}, id="none")])
def test_every_detail_is_on_its_page(site_html, docname, data):
    if not docname:
        assert detailed_pages() == []  # a site without imported details has nothing to show
        return
    shown = visible(site_html / f"{docname}.html")
    # ``read`` and ``summary-section`` say which part of the page the export reads: not facts.
    stated = {key: value for key, value in data["jsonresume"].items() if key not in {"read", "summary-section"}}
    resume = data.get("resume", {})
    # A position's role and lines are kept with the position (``resume``).
    said = [{key: p.get(key) for key in ("summary", "highlights")} for p in resume.get("positions", [])]
    for text in texts(stated) + texts({"summary": resume.get("summary"), "positions": said}):
        assert " ".join(text.split()) in shown, (docname, text)
