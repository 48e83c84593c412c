"""The JSON Resume export as the published themes render it (`resumed`, npm):
no theme crashes, and each shows every employer, every position's highlights,
and each skill category once with all its skills."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from browser import node_tool
from site_fixtures import require_tool

THEMES = ["even", "stackoverflow", "elegant", "flat"]


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("theme", THEMES)
def test_a_published_theme_shows_every_employer_highlight_and_skill(
    site_json: Path, tmp_path: Path, theme: str
) -> None:
    resumed = node_tool(".bin/resumed")
    node_tool(f"jsonresume-theme-{theme}/package.json")
    out = tmp_path / f"{theme}.html"
    run = subprocess.run(
        [require_tool("node"), str(resumed), "render", str(site_json), "--theme", f"jsonresume-theme-{theme}",
         "--output", str(out)],
        cwd=resumed.parents[2],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    page = _text(out.read_text("utf-8"))
    document = json.loads(site_json.read_text("utf-8"))
    for work in document["work"]:
        assert _text(work["name"]) in page, work["name"]
        for highlight in work.get("highlights", []):
            assert _text(highlight) in page, highlight
    assert sum(len(work.get("highlights", [])) for work in document["work"]) > 0
    for skill in document["skills"]:
        assert _text(skill["name"]) in page, skill["name"]
        for keyword in skill.get("keywords", []):
            assert _text(keyword) in page, keyword
