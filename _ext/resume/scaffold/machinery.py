"""The machinery: every file of this project that holds no person data.

One list, used by ``make new`` (copy it into a new site) and ``make upgrade``
(replace a site's copy with a newer checkout's). Pages, ``conf.py``, the
README, the guide and ``references.bib`` are the person's and never listed.
Tests are chosen by folder: ``tests/unit`` and ``tests/ext`` (and whatever
else sits in ``tests/`` beside them: helpers, conftest, test roots and data),
never ``tests/site`` (this career's checks) nor ``tests/product`` (the
commands this checkout offers every career: ``make new`` and the benchmarks).
"""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass, field
from pathlib import Path

#: Files and folders copied whole (a folder with everything under it).
MACHINERY = (
    "_ext",
    "_latex",
    ".ci",
    "benchmarks",
    "tests",
    "Makefile",
    "pyproject.toml",
    "requirements.txt",
    "requirements-test.txt",
    "requirements-live.txt",
    "constraints.txt",
    "package.json",
    "package-lock.json",
    ".gitignore",
    ".readthedocs.yaml",
)
#: What a build, a tool or an editor leaves behind: never copied, never compared.
CACHES = frozenset(
    {
        "__pycache__",
        ".pytest_cache",
        ".ruff_cache",
        ".mypy_cache",
        ".hypothesis",
        "_build",
        ".venv",
        "node_modules",
        "test-artifacts",
        ".git",
    }
)
CACHE_SUFFIXES = (".pyc", ".pyo", ".egg-info")


def _shipped(relative: Path) -> bool:
    parts = relative.parts
    if any(part in CACHES or part.endswith(CACHE_SUFFIXES) for part in parts):
        return False
    if parts[:2] == ("benchmarks", "results"):
        return False  # this project's own measurements
    # The career's own checks stay with the career; the product's with the product.
    return not (parts[0] == "tests" and len(parts) >= 2 and parts[1] in {"site", "product"})


def machinery_files(root: Path) -> list[str]:
    """The machinery files under ``root``, as sorted POSIX paths relative to it."""
    found: list[str] = []
    for name in MACHINERY:
        top = root / name
        if top.is_file():
            found.append(name)
        elif top.is_dir():
            for path in top.rglob("*"):
                relative = path.relative_to(root)
                if path.is_file() and not path.is_symlink() and _shipped(relative):
                    found.append(relative.as_posix())
    return sorted(found)


def copy_machinery(source: Path, dest: Path) -> list[str]:
    """Copy the machinery of ``source`` into ``dest``; the files copied."""
    files = machinery_files(source)
    for name in files:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, target)
    return files


@dataclass
class Changes:
    """What ``make upgrade`` changes in a site's machinery."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        marks = (("added", self.added), ("changed", self.changed), ("removed", self.removed))
        return [f"  {what}: {name}" for what, names in marks for name in names]


def plan_upgrade(site: Path, source: Path) -> Changes:
    """How ``site``'s machinery differs from ``source``'s (a newer checkout)."""
    new = machinery_files(source)
    old = set(machinery_files(site))
    changes = Changes()
    for name in new:
        if name not in old:
            changes.added.append(name)
        elif not filecmp.cmp(site / name, source / name, shallow=False):
            changes.changed.append(name)
    changes.removed = sorted(old - set(new))
    return changes


def apply_upgrade(site: Path, source: Path, changes: Changes) -> None:
    for name in [*changes.added, *changes.changed]:
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, target)
    for name in changes.removed:
        (site / name).unlink()
        parent = (site / name).parent
        while parent != site and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
