"""The web's own audit: Lighthouse (npm package, on the system Chromium) finds
nothing to fix in accessibility, best practices and SEO on each kind of page,
on a phone and a desktop. Performance is a timing, measured by hand and in the
benchmarks, not asserted here."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from browser import node_tool, serve
from helpers import read_page
from site_fixtures import ROOT, require_tool

CATEGORIES = ("accessibility", "best-practices", "seo")
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)


def page_kinds() -> list[str]:
    """The home page, the skills page, and the first employer and project page of the sources."""
    first: dict[str, str] = {}
    for path in sorted([*ROOT.glob("experience/*.md"), *ROOT.glob("projects/*.md")]):
        kind = read_page(path)[0].get("kind")
        first.setdefault(str(kind), path.relative_to(ROOT).with_suffix(".html").as_posix())
    return ["index.html", "skills.html", first["employer"], first["project"]]


@pytest.fixture(scope="module")
def served(site_html: Path):
    with serve(site_html) as url:
        yield url


@pytest.mark.parametrize("preset", ["mobile", "desktop"])
def test_lighthouse_finds_nothing_to_fix(served: str, preset: str, tmp_path: Path) -> None:
    node = require_tool("node")
    chromium = require_tool("chromium")
    cli = node_tool("lighthouse/cli/index.js")
    problems = []
    for page in page_kinds():
        report = tmp_path / f"{page.replace('/', '-')}.json"
        command = [
            node, str(cli), served + page, f"--chrome-path={chromium}", f"--chrome-flags={FLAGS}",
            "--output=json", f"--output-path={report}", "--quiet", f"--only-categories={','.join(CATEGORIES)}",
        ]  # fmt: skip
        if preset == "desktop":
            command.append("--preset=desktop")
        run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        assert run.returncode == 0, run.stderr[-3000:]
        found = json.loads(report.read_text("utf-8"))
        for name in CATEGORIES:
            category = found["categories"][name]
            if category["score"] < 1:
                failing = [
                    ref["id"]
                    for ref in category["auditRefs"]
                    if ref["weight"] and (found["audits"][ref["id"]].get("score") or 0) < 1
                ]
                problems.append(f"{page} ({preset}): {name} {category['score']:.2f}: {failing}")
    assert problems == [], "\n".join(problems)
