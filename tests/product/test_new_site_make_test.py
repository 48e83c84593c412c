"""A new site's own `make test`: the suite `make new` ships with every site.

The slowest check of `make new`, in a module of its own so that ``pytest -n``
runs it beside the others.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from resume.scaffold.machinery import plan_upgrade

from helpers import run_make_new
from site_fixtures import ROOT, build_environment

# The shipped tests that read the site they run in (its conf.py), not only the machinery.
READ_THE_SITE = ["tests/ext/test_new_site_upgrade.py"]
#: What `make` checks to decide whether to run `npm ci` (the Makefile's NPM_DEPS).
NPM_STAMP = "node_modules/.package-lock.json"


def collected(root: Path, *paths: str) -> list[str]:
    """The ids of the tests pytest collects under ``root`` (its own testpaths without ``paths``)."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *paths],
        cwd=root,
        env=build_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-5000:]
    return sorted(line for line in done.stdout.splitlines() if "::" in line)


def npm_installed() -> int | None:
    """When this checkout's npm packages were installed (their stamp's mtime), if they were."""
    stamp = ROOT / NPM_STAMP
    return stamp.stat().st_mtime_ns if stamp.is_file() else None


@pytest.mark.newsite
@pytest.mark.slow
def test_a_new_sites_own_make_test_passes(tmp_path):
    """A new site's `make test` with this repository's virtual environment.

    Its suite is this checkout's ``tests/unit`` and ``tests/ext``, file for
    file, which this session runs already: here it must collect exactly the
    same tests, and `make test` runs its lint and the tests that read the
    site's own conf.py rather than only the machinery.
    """
    site = tmp_path / "site"
    made = run_make_new(None, site)
    assert made.returncode == 0, made.stderr
    assert plan_upgrade(site, ROOT).lines() == []  # the machinery, byte for byte
    assert collected(site) == collected(ROOT, "tests/unit", "tests/ext")
    # This checkout's npm packages, taken as they are: `-o` keeps make from
    # running `npm ci` through the link (the new site's package-lock.json is
    # newer), which would empty them under the other tests of this session.
    # `npm ci` itself is tested in test_authoring.
    installed = npm_installed()
    if installed:
        (site / "node_modules").symlink_to(ROOT / "node_modules")
    result = subprocess.run(
        ["make", "-o", NPM_STAMP, "test", f"VENV={Path(sys.prefix)}", f"PYTHON={sys.executable}"],
        cwd=site,
        env={**build_environment(), "PYTEST_ADDOPTS": " ".join(READ_THE_SITE)},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    assert npm_installed() == installed
    assert "Success: no issues found" in result.stdout  # mypy ran
    assert re.search(r"\d+ passed", result.stdout)
