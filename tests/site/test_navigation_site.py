"""The whole site is byte-identical with and without resume.site.navigation.

Every file of the HTML output, built serially and with ``-j 2``, against a
build in which furo makes every page's navigation itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_fixtures import site_extensions, sphinx_build


def files(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def theme_navigation(site_root: Path) -> dict[str, bytes]:
    """The site as furo alone writes it."""
    extensions = site_extensions(without="resume.site.navigation")
    return files(sphinx_build("html", site_root / "html-theme-navigation", "-D", f"extensions={','.join(extensions)}"))


def test_serial_build_is_identical(site_html, theme_navigation):
    assert "resume.site.navigation" in site_extensions()
    built = files(site_html)
    assert sorted(built) == sorted(theme_navigation)
    assert [name for name in built if built[name] != theme_navigation[name]] == []


def test_parallel_build_is_identical(site_html_parallel, theme_navigation):
    built = files(site_html_parallel)
    assert sorted(built) == sorted(theme_navigation)
    assert [name for name in built if built[name] != theme_navigation[name]] == []
