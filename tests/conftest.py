"""Shared pytest setup: Sphinx's testing fixtures and the whole-site builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# CI sets ``CI=true``, on which Sphinx colours its messages; tests read the
# warnings of the builds they start as plain text.
os.environ["NO_COLOR"] = "1"

pytest_plugins = ("sphinx.testing.fixtures", "site_fixtures", "browser")

collect_ignore = ["roots"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its ``test-<name>`` projects."""
    return Path(__file__).parent.resolve() / "roots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The modules of the ``slow`` tests first, each kept whole: with
    ``pytest -n`` (``--dist loadscope``) the workers start them at once and
    the quick tests fill in around them, instead of one worker ending alone."""
    slow = {item.nodeid.split("::")[0] for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in slow)
