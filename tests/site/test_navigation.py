"""resume.site.navigation writes furo's own sidebar, byte for byte, on every page.

Each site is built once with ``resume.site.navigation`` and the test extension
``navigation_check``, which asks furo for every page's navigation the
theme's way and compares. The sites: this one, generated knowledge bases of
two sizes (benchmarks/generate.py) and ``test-navigation`` (deep nesting,
captions, hidden, numbered and titles-only toctrees, a page listed twice,
``self``, a URL and ``genindex`` entries, pages in sub-folders, an orphan,
``only`` blocks around toctrees, ``tocdepth``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from benchmarks import generate
from resume.site import navigation

from site_fixtures import ROOT, build_environment, site_extensions, sphinx_build

TESTS = Path(__file__).resolve().parents[1]


def check_navigation(srcdir: Path, outdir: Path, extensions: list[str]) -> dict:
    """Build ``srcdir`` strictly with the comparison on; return its report."""
    report = outdir.with_suffix(".json")
    sphinx_build(
        "html",
        outdir,
        "-D",
        f"extensions={','.join([*extensions, 'navigation_check'])}",
        "-D",
        f"navigation_check_report={report}",
        env=build_environment(PYTHONPATH=f"{TESTS}:{ROOT / '_ext'}"),
        srcdir=srcdir,
    )
    return json.loads(report.read_text("utf-8"))


def documents(srcdir: Path) -> set[str]:
    return {p.relative_to(srcdir).with_suffix("").as_posix() for p in srcdir.rglob("*.md") if "_build" not in p.parts}


def test_this_site(tmp_path):
    extensions = site_extensions()
    assert "resume.site.navigation" in extensions
    report = check_navigation(ROOT, tmp_path / "html", extensions)
    pages = set(report["pages"])
    assert pages >= {"index", "genindex", "search"} and len(pages) > 50
    assert report["differ"] == []
    # All but the 404 page, whose links sphinx-notfound-page writes from the root.
    assert report["fast"] == len(pages - {"404"})


@pytest.mark.parametrize("size", [30, 100])
def test_generated_site(tmp_path, size):
    settings = generate.site_settings()
    srcdir = generate.write_site(tmp_path / "site", generate.plan(size), generate.VARIANTS["ext"], settings)
    report = check_navigation(srcdir, tmp_path / "html", settings["site_extensions"])
    assert documents(srcdir) <= set(report["pages"])
    assert report["differ"] == []
    assert report["fast"] == len(report["pages"]) == size + 2  # and genindex, search


def test_nesting_captions_hidden_only(tmp_path):
    srcdir = TESTS / "roots" / "test-navigation"
    report = check_navigation(srcdir, tmp_path / "html", ["myst_parser", "resume.site.navigation"])
    assert set(report["pages"]) == documents(srcdir) | {"genindex", "search"}
    assert report["differ"] == []
    # The pages below the `only` blocks are left to the theme, and only those.
    assert report["fast"] == len(report["pages"]) - len({"only", "only-child", "only-latex"})


def test_another_furo_version_warns_and_leaves_it_to_the_theme(make_app, tmp_path, monkeypatch):
    monkeypatch.setattr(navigation, "FURO_VERSION", "1999.1.1")
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-navigation", srcdir)
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = app.warning.getvalue()
    assert "fast navigation is off: furo 2025.12.19 is installed" in warnings
    assert "[resume.navigation]" in warnings
    assert navigation.state_of(app.builder) is None
    leaf = (app.outdir / "deep" / "a" / "b" / "c" / "leaf.html").read_text("utf-8")
    assert '<a class="current reference internal" href="#">Leaf</a>' in leaf
