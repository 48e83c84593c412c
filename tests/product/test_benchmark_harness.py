"""The benchmark harness works: a tiny generated site, one quick runner pass.

Structure only: no timing is asserted here (benchmarks/README.md has the numbers).
"""

from __future__ import annotations

import json
import re

import pytest

from benchmarks import generate, run

from helpers import read_page

# Runs the harness end to end; `pytest -m "not benchmark"` leaves it out.
pytestmark = pytest.mark.benchmark

PAGES = 24


@pytest.fixture(scope="module")
def kb() -> generate.KnowledgeBase:
    return generate.plan(PAGES, seed=0)


def test_plan_is_deterministic(kb):
    assert generate.pages(generate.plan(PAGES, seed=0)) == generate.pages(kb)
    assert generate.pages(generate.plan(PAGES, seed=1)) != generate.pages(kb)


def test_generated_tree(tmp_path, kb):
    root = generate.write_site(tmp_path / "site", kb, generate.VARIANTS["ext"])
    sources = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))
    assert len(sources) == PAGES
    employers = sorted((root / "experience").glob("*.md"))
    projects = sorted((root / "projects").glob("*.md"))
    assert len(employers) == len(kb.employers) + 1  # and experience/index
    assert len(projects) == len(kb.projects) + 1  # and projects/index
    assert len(kb.employers) + len(kb.projects) + len(generate.FIXED_PAGES) == PAGES

    kinds = {p.stem: read_page(p)[0]["kind"] for p in employers if p.stem != "index"}
    assert set(kinds.values()) == {"employer"}
    slugs = set(kinds)
    for page in projects:
        if page.stem != "index":
            data = read_page(page)[0]
            assert data["kind"] == "project" and data["employer"] in slugs and data["skills"]
    catalogue = read_page(root / "skills.md")[0]
    assert catalogue["kind"] == "catalogue"
    named = {s["name"] for c in catalogue["categories"] for s in c["skills"]}
    assert all(set(read_page(p)[0]["skills"]) <= named for p in employers + projects if p.stem != "index")

    positions = [pos for p in employers if p.stem != "index" for pos in read_page(p)[0]["positions"]]
    assert any(pos["end"] == "ongoing" for pos in positions)  # the long-running concurrent role at least
    for name in generate.AGGREGATE_DIRECTIVES:
        assert any(f"```{{{name}}}" in (root / f"{page}.md").read_text() for page in generate.AGGREGATE_PAGES)

    conf = (root / "conf.py").read_text()
    assert "'resume'" in conf and "html_theme = 'furo'" in conf and str(generate.EXT_DIR) in conf


@pytest.mark.parametrize("variant", ["bare", "none"])
def test_variants_drop_the_aggregates(tmp_path, kb, variant):
    root = generate.write_site(tmp_path / variant, kb, generate.VARIANTS[variant])
    text = "".join(p.read_text() for p in root.rglob("*.md"))
    assert not any(f"```{{{name}}}" in text for name in generate.AGGREGATE_DIRECTIVES)
    assert "{skill}" not in text and "resume:" in text  # front matter stays
    conf = (root / "conf.py").read_text()
    assert ("'resume'" in conf) == (variant == "bare")
    assert ("resume_auto_summary = False" in conf) == (variant == "bare")


@pytest.mark.slow
def test_quick_run(tmp_path, capsys):
    report = run.main(
        [
            "--quick",
            "--sizes",
            str(PAGES),
            "--workdir",
            str(tmp_path / "work"),
            "--output",
            str(tmp_path / "results.md"),
        ]
    )
    assert report == (tmp_path / "results.md").read_text() and report in capsys.readouterr().out
    rows = {line.split(" | ")[0].strip("| *") for line in report.splitlines() if line.startswith("| ")}
    for expected in (
        "HTML full build, `ext`",
        "HTML full build, `none` (no extension)",
        "overhead `ext` vs `none`",
        "HTML full build `-j 2`: `ext` / `none`",
        "edit one project's skills, `ext`: time; re-read / written",
        "no-op rebuild, `ext`: time; docs re-read / written",
        "LaTeX (Sphinx only): `ext` / `none`",
        "ePub: `ext` / `none`",
        "timeline SVG, home page (positions and dated projects)",
    ):
        assert any(row.startswith(expected) for row in rows), expected
    targets = re.findall(r"^(PASS|FAIL) (.+)$", report, re.M)
    assert len(targets) == 5  # overhead, incremental, n log n twice, no JavaScript

    data = json.loads((tmp_path / "results.json").read_text())[str(PAGES)]
    for variant in ("ext", "bare", "none"):
        for kind in ("noop", "edit"):
            for build in data["incremental"][variant][kind]:
                assert isinstance(build["read"], int) and isinstance(build["written"], int)
    edit = data["incremental"]["ext"]["edit"][0]
    assert edit["read_docs"] == [data["edit"]["docname"]]
    assert data["profile"]["top"] and 0 < data["profile"]["extension_share"] < 1
