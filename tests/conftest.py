"""Shared pytest setup: Sphinx's testing fixtures and the whole-site builds."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures", "site_fixtures", "browser")

collect_ignore = ["roots"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its ``test-<name>`` projects."""
    return Path(__file__).parent.resolve() / "roots"
