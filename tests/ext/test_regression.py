"""Each directive's resolved doctree, compared with a reviewed file.

A change in what the extension renders shows up as a diff of
``tests/ext/test_regression/*.xml``; regenerate them with ``pytest --force-regen``
and review the diff like code. The doctrees are normalised first, so the files
hold what the extension decides and not what Sphinx's version or the build
folder happen to be.
"""

from __future__ import annotations

import re

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import site, warnings

PAGES = ["index", "summary", "skills", "experience/acme", "experience/bsd", "projects/locks"]


@pytest.fixture(scope="module")
def resolved(tmp_path_factory):
    src = site(tmp_path_factory.mktemp("regression"))
    app = SphinxTestApp("pseudoxml", srcdir=src, builddir=src / "_build")
    try:
        app.build()
        assert warnings(app) == []
        yield app.outdir
    finally:
        app.cleanup()


def normalise(doctree: str) -> str:
    """Drop what varies with the machine and Sphinx's version: source paths,
    and attributes Sphinx adds that the extension does not decide."""
    doctree = re.sub(r"^<document [^\n]*>", "<document>", doctree)
    return re.sub(r' (?:translatable|classes="toctree-wrapper")="?[^" >]*"?', "", doctree)


@pytest.mark.parametrize("page", PAGES)
def test_resolved_doctree(resolved, file_regression, page):
    doctree = normalise((resolved / f"{page}.pseudoxml").read_text())
    file_regression.check(doctree, basename=page.replace("/", "-"), extension=".xml")


def test_regression_files_are_short_and_hold_no_python_objects():
    """Nodes carry plain data, so no line is a repr() of a record or a layout."""
    from pathlib import Path

    for path in sorted((Path(__file__).parent / "test_regression").glob("*.xml")):
        elements = [
            (n, line) for n, line in enumerate(path.read_text().splitlines(), 1) if line.lstrip().startswith("<")
        ]
        for number, line in elements:
            assert len(line) <= 250, f"{path.name}:{number} is {len(line)} characters"
            assert not re.search(r"\w+\((\w+=|')", line), f"{path.name}:{number}: {line.strip()[:80]}"
