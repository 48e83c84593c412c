"""Each directive's resolved doctree, compared with a reviewed file.

A change in what the extension renders shows up as a diff of
``tests/regression/*.xml``; regenerate them with ``RESUME_UPDATE_REGRESSION=1``
and review the diff like code.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import site, warnings

EXPECTED = Path(__file__).parent / "regression"
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


@pytest.mark.parametrize("page", PAGES)
def test_resolved_doctree(resolved, page):
    actual = (resolved / f"{page}.pseudoxml").read_text()
    actual = re.sub(r'<document source="[^"]*"', "<document", actual)
    expected = EXPECTED / f"{page.replace('/', '-')}.xml"
    if os.environ.get("RESUME_UPDATE_REGRESSION"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(actual)
    assert actual == expected.read_text()
