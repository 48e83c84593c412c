"""Shared pytest setup: Sphinx's testing fixtures and the whole-site builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The extension is loaded by name, as the site's conf.py loads it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))

pytest_plugins = ("sphinx.testing.fixtures", "site_fixtures", "browser")

collect_ignore = ["roots"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its ``test-<name>`` projects."""
    return Path(__file__).parent.resolve() / "roots"
