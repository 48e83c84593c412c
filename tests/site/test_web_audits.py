"""The web's own audit: Lighthouse (npm package, on the system Chromium) finds
nothing to fix in accessibility, best practices and SEO on each kind of page on
a phone, and on the home page on a desktop (the same markup in a wider layout).
Performance is a timing, measured by hand and in the benchmarks, not asserted
here."""

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


@pytest.mark.slow
@pytest.mark.parametrize("preset", ["mobile", "desktop"])
def test_lighthouse_finds_nothing_to_fix(served: str, preset: str, tmp_path: Path) -> None:
    node = require_tool("node")
    chromium = require_tool("chromium")
    cli = node_tool("lighthouse/cli/index.js")
    # One Lighthouse (and its own Chromium) per page, side by side: most of a
    # run is waiting for the page to settle, not computing.
    runs = {}
    for page in page_kinds() if preset == "mobile" else ["index.html"]:
        report = tmp_path / f"{page.replace('/', '-')}.json"
        command = [
            node, str(cli), served + page, f"--chrome-path={chromium}", f"--chrome-flags={FLAGS}",
            "--output=json", f"--output-path={report}", "--quiet", f"--only-categories={','.join(CATEGORIES)}",
        ]  # fmt: skip
        if preset == "desktop":
            command.append("--preset=desktop")
        runs[page] = (report, subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
    problems = []
    for page, (report, run) in runs.items():
        _, errors = run.communicate(timeout=300)
        assert run.returncode == 0, errors[-3000:]
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
