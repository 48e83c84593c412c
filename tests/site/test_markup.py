"""Every HTML page of the site, and the extension's stylesheet, is valid.

Checked by the Nu Html Checker (vnu.jar from the npm package vnu-jar, which
package.json pins) under the system's Java. No message is filtered: the only
errors it found on this site (``<p role="heading">`` without ``aria-level`` in
every toctree caption, written by Sphinx's HTML translator) are fixed in the
project, not hidden here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest

from browser import node_tool, site_pages
from site_fixtures import require_tool

VNU = "vnu-jar/build/dist/vnu.jar"


class Report(NamedTuple):
    messages: list[dict]
    checked: list[Path]  # every file the checker read


def nu_check(*arguments: str) -> Report:
    """Run the checker. It writes its JSON report to stderr and, with
    ``--verbose``, the name of each file it reads to stdout."""
    java = require_tool("java")
    run = subprocess.run(
        [java, "-jar", str(node_tool(VNU)), "--format", "json", "--verbose", *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    try:
        messages = json.loads(run.stderr)["messages"]
    except ValueError:
        pytest.fail(f"the Nu Html Checker gave no report (exit {run.returncode}):\n{run.stderr[-3000:]}")
    return Report(messages, [Path(line).resolve() for line in run.stdout.splitlines() if line.strip()])


def describe(message: dict, root: Path) -> str:
    where = message.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
    line = message.get("lastLine", "?")
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{line}: {message['type']}: {message['message']}\n    {extract[:200]}"


def problems(messages: list[dict]) -> list[dict]:
    """Errors, and the checker's own failures to read a file; not its advice."""
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


@pytest.fixture(scope="module")
def site_report(site_html: Path) -> Report:
    return nu_check("--skip-non-html", "--errors-only", str(site_html))


def test_every_page_is_valid_html(site_html: Path, site_report: Report) -> None:
    found = [describe(m, site_html) for m in problems(site_report.messages)]
    assert found == [], f"{len(found)} errors:\n" + "\n".join(found)


def test_the_checker_read_every_page(site_html: Path, site_report: Report) -> None:
    # A valid page gets no message: make sure silence means "checked".
    pages = {(site_html / name).resolve() for name in site_pages(site_html)}
    assert pages <= set(site_report.checked)


def test_the_checker_catches_what_these_tests_look_for(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        '<p class="caption" role="heading">Contents</p><p id="a"></p><p id="a"></p></body></html>',
        encoding="utf-8",
    )
    found = " | ".join(m["message"] for m in problems(nu_check(str(page)).messages))
    assert "aria-level" in found and "Duplicate ID" in found, found
    stylesheet = tmp_path / "bad.css"
    stylesheet.write_text(".resume-tl { colr: red; }\n", encoding="utf-8")
    found = " | ".join(m["message"] for m in problems(nu_check("--css", str(stylesheet)).messages))
    assert "colr" in found, found


def test_the_extension_stylesheet_is_valid_css(site_html: Path) -> None:
    stylesheet = site_html / "_static" / "resume.css"
    assert stylesheet.is_file()
    found = [describe(m, site_html) for m in problems(nu_check("--css", str(stylesheet)).messages)]
    assert found == [], "\n".join(found)
